/* Tests for core_save.c: save -> load -> continue equals an uninterrupted
 * run, and damaged buffers are refused with a message, never a crash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "test_fixture.h"

static CoreState *played(int months)
{
    CoreState *s = fixture_state(5);
    CoreModifierDesc m = {CORE_LEVER_incentive_mult, CORE_OP_MUL, 0.9, CORE_ALL_PROVINCES, 0, CORE_SCALE_ZEAL};
    int idx = core_policy_register(s, "p", &m, 1);
    CoreCommand c[2] = {{.kind = CORE_CMD_POLICY_ENACT, .policy = idx, .source = "test"},
                        fixture_modifier(CORE_LEVER_political_pressure, CORE_OP_ADD, 0.4)};
    c[1].months = 20;
    for (int i = 0; i < months; i++)
        core_tick(s, i == 0 ? c : NULL, i == 0 ? 2 : 0);
    return s;
}

static void test_save_load_continue_matches_uninterrupted_run(void **state)
{
    (void)state;
    CoreState *a = played(30);
    uint8_t *buf;
    size_t len;
    assert_true(core_save_to_buffer(a, &buf, &len));
    CoreState *b = core_load_from_buffer(buf, len);
    assert_non_null(b);
    assert_true(core_state_hash(a) == core_state_hash(b));
    for (int i = 0; i < 30; i++) {
        core_tick(a, NULL, 0);
        core_tick(b, NULL, 0);
    }
    assert_true(core_state_hash(a) == core_state_hash(b));
    free(buf);
    core_state_destroy(a);
    core_state_destroy(b);
}

/* A state holds values only in the months of the record simulated so far
 * (later rows are filled as their months come): a clone, or a save loaded,
 * at the start, in the middle or at the end of the history goes on exactly
 * as the original. */
static void test_clone_and_load_continue_from_any_month(void **state)
{
    (void)state;
    static const int at[] = {0, 1, 30, CORE_MAX_MONTHS - 1, CORE_MAX_MONTHS};
    for (size_t k = 0; k < sizeof at / sizeof at[0]; k++) {
        CoreState *a = played(at[k]);
        CoreState *b = core_state_clone(a);
        uint8_t *buf;
        size_t len;
        assert_true(core_save_to_buffer(a, &buf, &len));
        CoreState *c = core_load_from_buffer(buf, len);
        assert_non_null(b);
        assert_non_null(c);
        for (int i = 0; i < 12; i++) {
            bool room = a->month < CORE_MAX_MONTHS;
            assert_true(core_tick(a, NULL, 0) == room);
            assert_true(core_tick(b, NULL, 0) == room);
            assert_true(core_tick(c, NULL, 0) == room);
        }
        assert_true(core_state_hash(a) == core_state_hash(b));
        assert_true(core_state_hash(a) == core_state_hash(c));
        CoreYear ya, yb;
        assert_true(core_year_summary(a, core_state_year(a) - 1, CORE_ALL_PROVINCES, &ya));
        assert_true(core_year_summary(b, core_state_year(b) - 1, CORE_ALL_PROVINCES, &yb));
        assert_memory_equal(&ya, &yb, sizeof ya);
        free(buf);
        core_state_destroy(a);
        core_state_destroy(b);
        core_state_destroy(c);
    }
}

static void test_truncated_saves_are_refused(void **state)
{
    (void)state;
    CoreState *a = played(14);
    uint8_t *buf;
    size_t len;
    assert_true(core_save_to_buffer(a, &buf, &len));
    for (size_t cut = 0; cut < len; cut += 1 + cut / 16) {
        uint8_t *copy = malloc(cut ? cut : 1); /* exactly `cut` bytes, so ASan sees any overread */
        memcpy(copy, buf, cut);
        CoreState *b = core_load_from_buffer(copy, cut);
        assert_null(b);
        assert_non_null(strstr(core_error_get(), "cannot load this save"));
        free(copy);
    }
    free(buf);
    core_state_destroy(a);
}

static void test_damaged_saves_never_crash(void **state)
{
    (void)state;
    CoreState *a = played(8);
    uint8_t *buf;
    size_t len;
    assert_true(core_save_to_buffer(a, &buf, &len));
    CoreRng r;
    core_rng_seed(&r, 99, 3);
    uint8_t *copy = malloc(len);
    for (int trial = 0; trial < 1000; trial++) {
        memcpy(copy, buf, len);
        for (int k = 0; k < 1 + trial % 5; k++)
            copy[core_rng_u32(&r) % len] ^= (uint8_t)(1u << (core_rng_u32(&r) % 8));
        CoreState *b = core_load_from_buffer(copy, len);
        if (b) { /* a flip that kept the data valid must give a usable state */
            for (int m = 0; m < 3; m++)
                core_tick(b, NULL, 0);
            core_state_destroy(b);
        }
    }
    free(copy);
    free(buf);
    core_state_destroy(a);
}

static void test_foreign_and_future_buffers_give_clear_messages(void **state)
{
    (void)state;
    const char *junk = "PNG\x89 this is not a save";
    assert_null(core_load_from_buffer((const uint8_t *)junk, strlen(junk)));
    assert_non_null(strstr(core_error_get(), "not a Great Leap save"));
    CoreState *a = played(2);
    uint8_t *buf;
    size_t len;
    assert_true(core_save_to_buffer(a, &buf, &len));
    buf[8] = 99; /* the format version */
    assert_null(core_load_from_buffer(buf, len));
    assert_non_null(strstr(core_error_get(), "incompatible version"));
    free(buf);
    core_state_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_save_load_continue_matches_uninterrupted_run),
        cmocka_unit_test(test_clone_and_load_continue_from_any_month),
        cmocka_unit_test(test_truncated_saves_are_refused),
        cmocka_unit_test(test_damaged_saves_never_crash),
        cmocka_unit_test(test_foreign_and_future_buffers_give_clear_messages),
    };
    return cmocka_run_group_tests_name("core_save", tests, NULL, NULL);
}
