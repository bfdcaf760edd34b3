/* Every string in every locale file renders with the bundled fonts: no
 * character falls back to a missing-glyph box, in English or Chinese. And
 * the text cache stays within its bounds, in entries and in bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>

#include "../support/offscreen.h"
#include "script.h"

static void test_text_every_locale_string_has_glyphs(void **state)
{
    (void)state;
    Offscreen o = offscreen_open(64, 64, NULL);
    RenderCtx *r = o.r;
    ScriptHost *h = script_host_create(&(ScriptHostDesc){0});
    assert_true(script_host_load_mod(h, GL_TEST_DATA_DIR "/scripts", "scripts"));
    int checked = 0, missing = 0;
    for (int l = 0; l < SCRIPT_LANG_COUNT; l++)
        for (int i = 0; i < script_text_count(h, (ScriptLang)l); i++) {
            const char *key = script_text_key_at(h, (ScriptLang)l, i);
            const char *text = script_text(h, (ScriptLang)l, key);
            uint32_t cp = 0;
            checked++;
            if (!render_text_covered(r, text, &cp)) {
                fprintf(stderr, "%s %s: no glyph for U+%04X\n", l ? "zh" : "en", key, (unsigned)cp);
                missing++;
            }
        }
    assert_true(checked > 600);
    assert_int_equal(missing, 0);
    /* And the check itself can fail: a character outside the font. */
    uint32_t cp = 0;
    assert_false(render_text_covered(r, "\xF0\x9F\x98\x80", &cp)); /* U+1F600 */
    assert_int_equal(cp, 0x1F600);
    script_host_destroy(h);
    offscreen_close(&o);
}

/* Draws `frames` frames of `per_frame` strings never seen before, each a
 * long line of `chars` characters, and returns the most bytes the cache
 * held after a frame. */
static size_t draw_fresh_text(RenderCtx *r, int frames, int per_frame, int chars)
{
    size_t most = 0;
    char line[512];
    for (int f = 0; f < frames; f++) {
        render_clear(r, (RenderColor){0, 0, 0, 255});
        for (int i = 0; i < per_frame; i++) {
            int n = snprintf(line, sizeof line, "%d.%d ", f, i);
            for (; n < chars && n < (int)sizeof line - 1; n++)
                line[n] = (char)('a' + (f + i + n) % 26);
            line[n] = '\0';
            render_text(r, line, 0, 0, 24, RENDER_FONT_REGULAR, (RenderColor){255, 255, 255, 255}, RENDER_LEFT);
        }
        size_t held = render_text_cache_bytes(r);
        most = held > most ? held : most;
    }
    return most;
}

static void test_text_cache_is_bounded_in_entries_and_bytes(void **state)
{
    (void)state;
    const size_t budget = 1 << 20; /* 1 MiB: a few dozen long lines at 24 px */
    Offscreen o = offscreen_open(800, 500, &(RenderDesc){.text_cache_entries = 64, .text_cache_bytes = budget});
    RenderCtx *r = o.r;
    /* Long lines: the byte bound is reached long before the entry bound. */
    size_t one = 0;
    render_clear(r, (RenderColor){0, 0, 0, 255});
    render_text(r, "measure", 0, 0, 24, RENDER_FONT_REGULAR, (RenderColor){255, 255, 255, 255}, RENDER_LEFT);
    one = render_text_cache_bytes(r);
    assert_true(one > 0);
    size_t most = draw_fresh_text(r, 200, 4, 120);
    /* Soft within a frame: at most the budget plus one frame's four lines. */
    size_t line_bytes = 0;
    render_text_cache_clear(r);
    assert_int_equal(render_text_cache_bytes(r), 0);
    assert_int_equal(render_text_cache_size(r), 0);
    draw_fresh_text(r, 1, 1, 120);
    line_bytes = render_text_cache_bytes(r);
    assert_true(line_bytes > 4 * one); /* a long line is far bigger than a word */
    assert_true(most > budget / 2);     /* the cache did fill... */
    assert_true(most <= budget + 4 * line_bytes); /* ...and stopped at its bound */
    /* Short words: now the entry bound holds (64 entries). */
    render_text_cache_clear(r);
    draw_fresh_text(r, 200, 4, 6);
    assert_true(render_text_cache_size(r) <= 64);
    assert_true(render_text_cache_size(r) > 16);
    /* And what is drawn again in the next frame is still there. */
    render_clear(r, (RenderColor){0, 0, 0, 255});
    render_text(r, "kept", 0, 0, 24, RENDER_FONT_REGULAR, (RenderColor){255, 255, 255, 255}, RENDER_LEFT);
    int before = render_text_cache_size(r);
    render_clear(r, (RenderColor){0, 0, 0, 255});
    render_text(r, "kept", 0, 0, 24, RENDER_FONT_REGULAR, (RenderColor){255, 255, 255, 255}, RENDER_LEFT);
    assert_int_equal(render_text_cache_size(r), before);
    offscreen_close(&o);
}

/* A paragraph's line breaks are kept, and keyed by width, font and size:
 * the same call gives the same height, a narrower column more lines. */
static void test_text_wrapped_layout_is_cached_by_width(void **state)
{
    (void)state;
    Offscreen o = offscreen_open(800, 500, NULL);
    RenderCtx *r = o.r;
    const char *para = "The harvest of 1958 was good, but the reports of it were far better than the harvest, "
                       "and procurement was set on the reports.";
    const char *zh = "一九五八年的收成不错，但上报的产量远高于实际，征购却按上报的数字定。";
    RenderColor white = {255, 255, 255, 255};
    float one_line = render_text_wrapped(r, "Short.", 0, 0, 400, 16, RENDER_FONT_REGULAR, white, false);
    float wide = render_text_wrapped(r, para, 0, 0, 400, 16, RENDER_FONT_REGULAR, white, true);
    float narrow = render_text_wrapped(r, para, 0, 0, 150, 16, RENDER_FONT_REGULAR, white, true);
    assert_true(one_line > 0);
    assert_true(wide >= 2 * one_line);
    assert_true(narrow > wide);
    /* Asked again, in the next frame and in any order: the same layouts. */
    render_clear(r, white);
    assert_true(render_text_wrapped(r, para, 0, 0, 400, 16, RENDER_FONT_REGULAR, white, true) == wide);
    assert_true(render_text_wrapped(r, para, 0, 0, 150, 16, RENDER_FONT_REGULAR, white, false) == narrow);
    /* A bigger size is a different layout; so is another font. */
    assert_true(render_text_wrapped(r, para, 0, 0, 400, 24, RENDER_FONT_REGULAR, white, false) > wide);
    float zh_wide = render_text_wrapped(r, zh, 0, 0, 400, 16, RENDER_FONT_BOLD, white, true);
    float zh_narrow = render_text_wrapped(r, zh, 0, 0, 120, 16, RENDER_FONT_BOLD, white, true);
    assert_true(zh_narrow > zh_wide); /* CJK breaks between characters */
    /* More paragraphs than the cache holds: each still lays out right. */
    char buf[256];
    for (int i = 0; i < 200; i++) {
        snprintf(buf, sizeof buf, "%d %s", i, para);
        float h = render_text_wrapped(r, buf, 0, 0, 150, 16, RENDER_FONT_REGULAR, white, false);
        assert_true(h >= narrow - one_line && h <= narrow + one_line);
    }
    assert_true(render_text_wrapped(r, para, 0, 0, 150, 16, RENDER_FONT_REGULAR, white, false) == narrow);
    offscreen_close(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_text_every_locale_string_has_glyphs),
                                       cmocka_unit_test(test_text_cache_is_bounded_in_entries_and_bytes),
                                       cmocka_unit_test(test_text_wrapped_layout_is_cached_by_width)};
    return cmocka_run_group_tests_name("render_text", tests, NULL, NULL);
}
