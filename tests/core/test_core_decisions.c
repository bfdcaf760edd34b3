/* Tests for the decisions' index (core_command.c): core_decision_find,
 * which looks decisions up in a hash table, gives what the linear scan of
 * the decision log it replaced gives, on random logs, after the log is
 * full, after a save is loaded and in a clone; and full tables (the
 * decisions', the modifiers', the sources') say what they lost. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "test_fixture.h"

/* The lookup as it was: the latest decision for the event, in the province
 * or (province < 0) in any. */
static const CoreDecision *linear_find(const CoreState *s, const char *event, int province)
{
    for (int i = s->decision_count - 1; i >= 0; i--)
        if (strcmp(s->decisions[i].event, event) == 0 && (province < 0 || s->decisions[i].province == province))
            return &s->decisions[i];
    return NULL;
}

/* The core's warnings, as an app's sink receives them. */
static int warnings;
static char warning[1024];

static void count_warning(CoreLogLevel level, const char *message, void *user)
{
    (void)user;
    if (level == CORE_LOG_WARN) {
        warnings++;
        snprintf(warning, sizeof warning, "%s", message);
    }
}

static int event_modifiers(const CoreState *s)
{
    int n = 0;
    for (int i = 0; i < s->modifier_count; i++)
        n += s->modifiers[i].policy < 0;
    return n;
}

#define EVENTS 300

/* Event ids: short and long ones, some sharing long prefixes, one of the
 * longest length a decision can hold (CORE_ID_LEN - 1 characters). */
static void event_id(int k, char out[CORE_ID_LEN])
{
    if (k == 0)
        memset(out, 'x', CORE_ID_LEN - 1), out[CORE_ID_LEN - 1] = '\0';
    else if (k % 3 == 0)
        snprintf(out, CORE_ID_LEN, "a_rather_long_shared_event_prefix_%d", k);
    else
        snprintf(out, CORE_ID_LEN, "ev%d", k);
}

static CoreCommand decision(int event, int province, int option)
{
    CoreCommand c = {.kind = CORE_CMD_DECISION, .province = province};
    snprintf(c.source, sizeof c.source, "event:test");
    event_id(event, c.event);
    snprintf(c.option, sizeof c.option, "option%d", option);
    return c;
}

/* Every event (and some that never fired) in every province, in none (-1),
 * and out of range, against the linear scan. */
static void check_against_scan(const CoreState *s)
{
    char id[CORE_ID_LEN];
    static const int odd[] = {-2, -1000, CORE_MAX_PROVINCES, 32767, 32768 + 3, 65536 + 5};
    for (int e = 0; e < EVENTS + 20; e++) {
        event_id(e, id);
        uint32_t mask = 0;
        for (int p = -1; p <= s->province_count; p++) {
            const CoreDecision *want = linear_find(s, id, p);
            assert_ptr_equal(core_decision_find(s, id, p), want);
            if (p >= 0 && p < 32 && want)
                mask |= 1u << p;
        }
        assert_int_equal(core_decided_provinces(s, id), mask);
        for (size_t k = 0; k < sizeof odd / sizeof odd[0]; k++)
            assert_ptr_equal(core_decision_find(s, id, odd[k]), linear_find(s, id, odd[k]));
    }
    /* Ids no decision can have: empty, and longer than an id may be. */
    assert_null(core_decision_find(s, "", -1));
    char longer[CORE_ID_LEN + 8];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    assert_null(core_decision_find(s, longer, -1));
}

/* Records `n` random decisions, one command at a time, checking the
 * lookups against the scan as the log grows. */
static void record_random(CoreState *s, CoreRng *rng, int n, int check_every)
{
    for (int i = 0; i < n; i++) {
        /* Skewed towards few events, so that keys are often taken over. */
        int e = (int)(core_rng_u32(rng) % (core_rng_u32(rng) % 2 ? 12u : (unsigned)EVENTS));
        int p = (int)(core_rng_u32(rng) % (unsigned)(s->province_count + 1)) - 1; /* -1: national */
        CoreCommand c = decision(e, p, i);
        core_apply_commands(s, &c, 1);
        if (check_every && i % check_every == 0)
            check_against_scan(s);
    }
}

static void test_decisions_find_matches_linear_scan(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 4; seed++) {
        CoreState *s = fixture_state(seed);
        assert_non_null(s);
        CoreRng rng;
        core_rng_seed(&rng, seed, 7);
        check_against_scan(s); /* empty log */
        /* A scan every 37 decisions is quadratic: 4,096 keep it to seconds
         * (the full log is checked once, below). */
        record_random(s, &rng, 4096, 37);
        check_against_scan(s);
        core_state_destroy(s);
    }
}

static void test_decisions_full_log_keeps_index(void **state)
{
    (void)state;
    CoreState *s = fixture_state(9);
    CoreRng rng;
    core_rng_seed(&rng, 9, 7);
    core_log_set_sink(count_warning, NULL);
    warnings = 0;
    record_random(s, &rng, CORE_MAX_DECISIONS + 50, 0); /* the last 50 are refused, each said */
    core_log_set_sink(NULL, NULL);
    assert_int_equal(s->decision_count, CORE_MAX_DECISIONS);
    assert_int_equal(warnings, 50);
    char want[128];
    snprintf(want, sizeof want, "1 decision(s) not recorded, the first from 'event:test': the log holds %d",
             CORE_MAX_DECISIONS);
    assert_non_null(strstr(warning, want));
    check_against_scan(s);
    core_state_destroy(s);
}

static void test_decisions_index_rebuilt_on_load_and_cloned(void **state)
{
    (void)state;
    CoreState *s = fixture_state(3);
    CoreRng rng;
    core_rng_seed(&rng, 3, 7);
    for (int m = 0; m < 14; m++) { /* decisions over months, as a game makes them */
        record_random(s, &rng, 40, 0);
        core_tick(s, NULL, 0);
    }
    uint8_t *buf;
    size_t len;
    assert_true(core_save_to_buffer(s, &buf, &len));
    CoreState *loaded = core_load_from_buffer(buf, len);
    assert_non_null(loaded);
    check_against_scan(loaded);
    CoreState *copy = core_state_clone(s);
    check_against_scan(copy);
    /* And the index goes on being kept after either. */
    CoreRng again = rng;
    record_random(loaded, &rng, 100, 0);
    record_random(copy, &again, 100, 0);
    check_against_scan(loaded);
    check_against_scan(copy);
    assert_true(core_state_hash(loaded) == core_state_hash(copy));
    free(buf);
    core_state_destroy(s);
    core_state_destroy(loaded);
    core_state_destroy(copy);
}

/* core_state_copy into memory that held anything (the game's month start
 * is copied over every month): the copy saves to the same bytes, finds the
 * same decisions and goes on as the original, so nothing reads the parts
 * it does not copy (the modifiers, sources and decisions past their
 * counts, the months to come). */
static void test_state_copy_over_old_memory(void **state)
{
    (void)state;
    CoreState *s = fixture_state(5);
    CoreRng rng;
    core_rng_seed(&rng, 5, 7);
    CoreState *dst = malloc(sizeof *dst);
    assert_non_null(dst);
    memset(dst, 0xa5, sizeof *dst);
    for (int m = 0; m < 18; m++) {
        record_random(s, &rng, 30, 0);
        /* modifiers that come and go, each from a source of its own: the
         * tables of both are copied only as far as their counts */
        CoreCommand mods[3];
        for (int k = 0; k < 3; k++) {
            mods[k] = fixture_modifier(CORE_LEVER_report_inflation, CORE_OP_ADD, 0.001 * (k + 1));
            mods[k].months = 1 + (m + k) % 4;
            snprintf(mods[k].source, sizeof mods[k].source, "event:month_%d/option_%d", m, k);
        }
        core_apply_commands(s, mods, 3);
        core_tick(s, NULL, 0);
        if (m % 6 == 5) { /* over an older copy, as a game's month start is; the last at the end */
            core_state_copy(dst, s);
            uint8_t *a, *b;
            size_t la, lb;
            assert_true(core_save_to_buffer(s, &a, &la));
            assert_true(core_save_to_buffer(dst, &b, &lb));
            assert_int_equal(la, lb);
            assert_memory_equal(a, b, la);
            free(a);
            free(b);
            check_against_scan(dst);
            assert_true(core_state_hash(dst) == core_state_hash(s));
        }
    }
    /* And the copy goes on as the original. */
    CoreRng again = rng;
    for (int m = 0; m < 8; m++) {
        record_random(s, &rng, 10, 0);
        record_random(dst, &again, 10, 0);
        core_tick(s, NULL, 0);
        core_tick(dst, NULL, 0);
    }
    assert_true(core_state_hash(dst) == core_state_hash(s));
    check_against_scan(dst);
    free(dst);
    core_state_destroy(s);
}

/* core_source_intern's index: each distinct source once, found again after
 * a save is loaded and in a clone, and a full table falls back to "other". */
static void test_sources_interned_once(void **state)
{
    (void)state;
    CoreState *s = fixture_state(4);
    char name[CORE_SOURCE_LEN];
    int first = s->source_count;
    for (int i = 0; i < 600; i++) {
        snprintf(name, sizeof name, "event:bench_%d/push", i);
        assert_int_equal(core_source_intern(s, name), first + i);
    }
    /* A name longer than what is kept is the same source as its kept part. */
    char longer[CORE_SOURCE_LEN + 20];
    memset(longer, 'x', sizeof longer - 1);
    longer[sizeof longer - 1] = '\0';
    uint16_t l = core_source_intern(s, longer);
    longer[CORE_SOURCE_LEN + 5] = 'y';
    assert_int_equal(core_source_intern(s, longer), l);
    uint8_t *buf;
    size_t len;
    assert_true(core_save_to_buffer(s, &buf, &len));
    CoreState *loaded = core_load_from_buffer(buf, len);
    assert_non_null(loaded);
    CoreState *copy = core_state_clone(s);
    for (int i = 0; i < 600; i += 7) {
        snprintf(name, sizeof name, "event:bench_%d/push", i);
        assert_int_equal(core_source_intern(loaded, name), first + i);
        assert_int_equal(core_source_intern(copy, name), first + i);
        assert_string_equal(core_source_name(loaded, (uint16_t)(first + i)), name);
    }
    assert_int_equal(core_source_intern(loaded, "model"), 0);
    assert_int_equal(loaded->source_count, s->source_count);
    /* Full: a new source is logged as "other" (1); known ones still found. */
    for (int i = s->source_count; i < CORE_MAX_SOURCES; i++) {
        snprintf(name, sizeof name, "fill:%d", i);
        core_source_intern(s, name);
    }
    assert_int_equal(core_source_intern(s, "one too many"), 1);
    assert_int_equal(core_source_intern(s, "event:bench_599/push"), first + 599);
    free(buf);
    core_state_destroy(s);
    core_state_destroy(loaded);
    core_state_destroy(copy);
}

/* Full tables lose what does not fit, and say so once a call with the
 * count and the first one's source (it was silent: no sink was ever
 * installed, and a mod's thousands of modifiers crowded out the policies'). */
static void test_full_tables_said_once(void **state)
{
    (void)state;
    core_log_set_sink(count_warning, NULL);
    CoreState *s = fixture_state(6);
    CoreModifierDesc policy_mods[3];
    for (int i = 0; i < 3; i++)
        policy_mods[i] = (CoreModifierDesc){CORE_LEVER_procurement_rate, CORE_OP_ADD, 0.01, CORE_ALL_PROVINCES, 0,
                                            CORE_SCALE_NONE};
    int policy = core_policy_register(s, "test_policy", policy_mods, 3);
    assert_true(policy >= 0);
    /* Events' modifiers: 100 more than fit, the overflow from sources of their own. */
    int over = 100, n = CORE_MAX_EVENT_MODIFIERS + over;
    CoreCommand *cmds = calloc((size_t)n, sizeof *cmds);
    assert_non_null(cmds);
    for (int i = 0; i < n; i++) {
        cmds[i] = fixture_modifier(CORE_LEVER_report_inflation, CORE_OP_ADD, 1e-6);
        cmds[i].months = 12;
        if (i >= CORE_MAX_EVENT_MODIFIERS)
            snprintf(cmds[i].source, sizeof cmds[i].source, "event:over_%d/push", i - CORE_MAX_EVENT_MODIFIERS);
    }
    warnings = 0;
    core_apply_commands(s, cmds, (size_t)n);
    assert_int_equal(event_modifiers(s), CORE_MAX_EVENT_MODIFIERS);
    assert_int_equal(warnings, 1);
    assert_non_null(strstr(warning, "100 modifier(s) not applied, the first from 'event:over_0/push'"));
    /* A policy enacted now still has every one of its modifiers. */
    CoreCommand enact = {.kind = CORE_CMD_POLICY_ENACT, .policy = policy};
    snprintf(enact.source, sizeof enact.source, "history");
    warnings = 0;
    core_apply_commands(s, &enact, 1);
    assert_int_equal(warnings, 0);
    assert_int_equal(s->modifier_count, CORE_MAX_EVENT_MODIFIERS + 3);
    /* Sources: once the table is full, changes from new ones are logged as
     * "other", said once for the call. */
    char name[CORE_SOURCE_LEN];
    for (int i = s->source_count; i < CORE_MAX_SOURCES; i++) {
        snprintf(name, sizeof name, "fill:%d", i);
        core_source_intern(s, name);
    }
    CoreCommand adjust[5];
    for (int i = 0; i < 5; i++) {
        adjust[i] = (CoreCommand){.kind = CORE_CMD_ADJUST, .var = CORE_VAR_pressure_shock, .op = CORE_OP_ADD,
                                  .amount = 0.0};
        snprintf(adjust[i].source, sizeof adjust[i].source, "event:late_%d/a", i);
    }
    warnings = 0;
    core_apply_commands(s, adjust, 5);
    assert_int_equal(warnings, 1);
    assert_non_null(strstr(warning, "5 change(s) logged as 'other', the first from 'event:late_0/a'"));
    free(cmds);
    core_state_destroy(s);
    core_log_set_sink(NULL, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decisions_find_matches_linear_scan),
        cmocka_unit_test(test_decisions_full_log_keeps_index),
        cmocka_unit_test(test_decisions_index_rebuilt_on_load_and_cloned),
        cmocka_unit_test(test_state_copy_over_old_memory),
        cmocka_unit_test(test_sources_interned_once),
        cmocka_unit_test(test_full_tables_said_once),
    };
    return cmocka_run_group_tests_name("core_decisions", tests, NULL, NULL);
}
