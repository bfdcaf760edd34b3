/* Numbers in words, in both languages (issue 12): Chinese reads people and
 * tonnes in 万 and 亿, never 百万; a column of tonnes keeps one unit ("0.0
 * Mt" beside "297.4 Mt", not "0 t"); the top bar's short forms. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "ui_internal.h"

static UiCtx ctx(UiModel *m, ScriptLang lang)
{
    *m = (UiModel){.lang = lang};
    return (UiCtx){.m = m};
}

static void test_chinese_numbers_are_in_wan_and_yi(void **state)
{
    (void)state;
    UiModel m;
    UiCtx c = ctx(&m, SCRIPT_LANG_ZH);
    char buf[64];
    ui_format_millions(&c, buf, sizeof buf, 3.25, true);
    assert_string_equal(buf, "+325\xE4\xB8\x87");
    assert_null(strstr(buf, "\xE7\x99\xBE\xE4\xB8\x87")); /* 百万 */
    ui_format_people(&c, buf, sizeof buf, 662.6e6);
    assert_string_equal(buf, "6.63\xE4\xBA\xBF");
    ui_format_people_short(&c, buf, sizeof buf, 662.6e6);
    assert_string_equal(buf, "6.6\xE4\xBA\xBF");
    ui_format_tonnes(&c, buf, sizeof buf, 256e6);
    assert_string_equal(buf, "2.56\xE4\xBA\xBF\xE5\x90\xA8");
    ui_format_tonnes_like(&c, buf, sizeof buf, 0, 297e6);
    assert_string_equal(buf, "0.00\xE4\xBA\xBF\xE5\x90\xA8");
}

static void test_english_tonnes_keep_their_column_unit(void **state)
{
    (void)state;
    UiModel m;
    UiCtx c = ctx(&m, SCRIPT_LANG_EN);
    char buf[64];
    ui_format_tonnes_like(&c, buf, sizeof buf, 0, 297.4e6);
    assert_string_equal(buf, "0.0 Mt");
    ui_format_tonnes_like(&c, buf, sizeof buf, 4.2e6, 297.4e6);
    assert_string_equal(buf, "4.2 Mt");
    ui_format_millions(&c, buf, sizeof buf, -1.25, true);
    assert_string_equal(buf, "-1.2 million");
    ui_format_people_short(&c, buf, sizeof buf, 662.6e6);
    assert_string_equal(buf, "663 M");
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_chinese_numbers_are_in_wan_and_yi),
                                       cmocka_unit_test(test_english_tonnes_keep_their_column_unit)};
    return cmocka_run_group_tests_name("ui_text", tests, NULL, NULL);
}
