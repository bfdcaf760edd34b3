/* Hostile mods (tests/hostile/<case>/): each folder but _companion is a mod
 * that attacks the engine one way, with an `expect` file saying how it must
 * be stopped. Each is loaded with the base game and a well-behaved companion
 * mod, and the game runs a few months headless. For every case:
 *   - each error the expect file lists was reported through on_error, naming
 *     the mod, the context, file:line and the message;
 *   - no probe reported an escape (a message containing "ESCAPE");
 *   - the months advanced, the base game took the same decisions and the
 *     provinces hold the same people and grain as in a run without the
 *     hostile mod, and the companion's event and policy hook ran every month.
 * New folders are picked up by themselves. The sanitizer build runs the
 * same cases for crashes, leaks and undefined behaviour.
 *
 * expect, one directive a line ('#' starts a comment):
 *   error context="..." file="..." message="..." flag=instructions|memory|time
 *                        an error of this mod whose fields contain these texts
 *   months N             months to run (default 4)
 *   memory N             the mods' memory cap in MiB (default 16)
 *   time_limit N         the time limit of a call in ms (default 5000)
 *   total_memory N       the cap on all mods together in MiB (default: the host's)
 *   seconds_at_most N    the whole case (loading and the months) takes at most
 *                        N seconds of wall time: no stall in anything the
 *                        script limits cannot see (the garbage collector)
 *   disabled             the mod ends disabled for the session
 *   refused "..."        the game refuses to start (a bad manifest: mods are
 *                        checked before anything loads) with this text in its
 *                        message, which names mod.lua and the line
 *   errors_at_most N     at most N errors from this mod
 *   log "..."            print() output containing this text
 *   logs_at_most N       at most N lines of print() output
 *   changes_state        the mod may change the simulation (skip that check) */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "game.h"
#include "script_api.h"

#include <sys/stat.h>
#include <unistd.h>

#define HOSTILE_DIR GL_TEST_DATA_DIR "/tests/hostile"
#define COMPANION_DIR HOSTILE_DIR "/_companion"
#define MAX_CASES 128
#define MAX_SEEN 512
#define MAX_LOGS 4096

/* Limits for the tests: low, so that a runaway case stops in milliseconds.
 * The clock is only a safety net: cases meant to meet it set their own
 * (time_limit), the others must meet their instruction or memory limit long
 * before it, even under the sanitizers on a busy machine. */
static const ScriptHostDesc test_limits = {
    .mem_cap_bytes = (size_t)16 << 20,
    .instruction_cap = 2000000,
    .time_limit_ms = 5000,
};

typedef struct Seen {
    int count;
    ScriptError errors[MAX_SEEN];
    int log_count;
    char logs[MAX_LOGS][200]; /* each line's start and end */
} Seen;

static void on_error(const ScriptError *e, void *user)
{
    Seen *seen = user;
    if (seen->count < MAX_SEEN)
        seen->errors[seen->count] = *e;
    seen->count++;
}

static void on_log(const char *mod, const char *message, void *user)
{
    Seen *seen = user;
    size_t n = strlen(message);
    if (seen->log_count < MAX_LOGS)
        snprintf(seen->logs[seen->log_count], sizeof seen->logs[0], "%s: %.100s%s%s", mod, message,
                 n > 180 ? " ... " : "", n > 180 ? message + n - 60 : "");
    seen->log_count++;
}

/* ==== A run ==== */

typedef struct Decision {
    char event[CORE_ID_LEN], option[CORE_ID_LEN];
    int month, province;
} Decision;

typedef struct Outcome {
    bool created;
    char err[512];
    int month;                   /* state month at the end */
    int decision_count;
    Decision decisions[CORE_MAX_DECISIONS];
    int companion_ticks;         /* companion_tick decisions */
    bool companion_policy;       /* in force at the end */
    int companion_mod;
    uint64_t companion_calls;
    int64_t people[CORE_MAX_PROVINCES], grain[CORE_MAX_PROVINCES];
    int province_count;
    bool mod_loaded, mod_disabled;
    char mod_id[CORE_ID_LEN];
} Outcome;

/* A game of the base, `mod_dir` (NULL: none) and the companion, with these
 * limits, reporting errors and print() output into `seen`. */
static Game *start_game(const char *mod_dir, const ScriptHostDesc *limits, Seen *seen, char *err, size_t cap)
{
    const char *dirs[2];
    int n = 0;
    if (mod_dir)
        dirs[n++] = mod_dir;
    dirs[n++] = COMPANION_DIR;
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 7, .chooser = GAME_CHOOSE_HISTORY, .mod_dirs = dirs,
                  .mod_dir_count = n, .host = *limits};
    d.host.on_error = on_error;
    d.host.on_log = on_log;
    d.host.user = seen;
    return game_create(&d, err, cap);
}

/* Runs base + (hostile) + companion for `months` months; memory_mib,
 * time_limit_ms and total_mib 0 = the defaults. */
static void run_game(const char *hostile_dir, int months, int memory_mib, int time_limit_ms, int total_mib, Seen *seen,
                     Outcome *out)
{
    memset(out, 0, sizeof *out);
    ScriptHostDesc limits = test_limits;
    if (memory_mib > 0)
        limits.mem_cap_bytes = (size_t)memory_mib << 20;
    if (total_mib > 0)
        limits.total_mem_cap_bytes = (size_t)total_mib << 20;
    if (time_limit_ms > 0)
        limits.time_limit_ms = (uint32_t)time_limit_ms;
    Game *g = start_game(hostile_dir, &limits, seen, out->err, sizeof out->err);
    if (!g)
        return;
    out->created = true;
    int y = 1958 + (months - 1) / 12, m = (months - 1) % 12 + 1;
    if (!game_run_until(g, y, m, out->err, sizeof out->err))
        fail_msg("game_run_until: %s", out->err);
    const CoreState *s = game_state(g);
    ScriptHost *h = game_host(g);
    out->month = s->month;
    for (int i = 0; i < s->decision_count; i++) {
        const CoreDecision *c = &s->decisions[i];
        Decision *o = &out->decisions[out->decision_count++];
        snprintf(o->event, sizeof o->event, "%s", c->event);
        snprintf(o->option, sizeof o->option, "%s", c->option);
        o->month = c->month;
        o->province = c->province;
        out->companion_ticks += strcmp(c->event, "companion_tick") == 0;
    }
    int pol = core_policy_find(s, "companion_policy");
    out->companion_policy = pol >= 0 && s->policies[pol].active;
    out->province_count = s->province_count;
    for (int p = 0; p < s->province_count; p++) {
        out->people[p] = s->prov[p].rural_pop + s->prov[p].urban_pop;
        out->grain[p] = s->prov[p].rural_grain_kg;
    }
    out->companion_mod = -1;
    for (int i = 0; i < script_mod_count(h); i++) {
        const char *id = script_mod_id(h, i);
        if (strcmp(id, "companion") == 0) {
            out->companion_mod = i;
            out->companion_calls = script_mod_calls(h, i);
        } else if (i > 0 && hostile_dir) {
            out->mod_loaded = true;
            out->mod_disabled = script_mod_is_disabled(h, i);
            snprintf(out->mod_id, sizeof out->mod_id, "%s", id);
        }
    }
    game_destroy(g);
}

/* ==== Expectations ==== */

typedef struct ExpectedError {
    char context[96], file[128], message[160], flag[16];
} ExpectedError;

typedef struct Expect {
    int months, memory_mib, time_limit_ms, total_mib, seconds_at_most;
    bool disabled, changes_state;
    char refused[160];
    int errors_at_most, logs_at_most;
    int error_count;
    ExpectedError errors[16];
    int log_count;
    char logs[8][128];
} Expect;

/* Reads key="value" or key=value at *p; false at the end of the line. */
static bool next_pair(char **p, char *key, size_t kcap, char *val, size_t vcap)
{
    char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    if (!*s || *s == '\n' || *s == '#')
        return false;
    size_t k = 0;
    while (*s && *s != '=' && *s != ' ' && *s != '\n' && k + 1 < kcap)
        key[k++] = *s++;
    key[k] = '\0';
    size_t v = 0;
    if (*s == '=') {
        s++;
        bool quoted = *s == '"';
        s += quoted;
        while (*s && *s != '\n' && (quoted ? *s != '"' : *s != ' ') && v + 1 < vcap)
            val[v++] = *s++;
        s += quoted && *s == '"';
    }
    val[v] = '\0';
    *p = s;
    return true;
}

static void read_expect(const char *dir, Expect *x)
{
    memset(x, 0, sizeof *x);
    x->months = 4;
    x->errors_at_most = -1;
    x->logs_at_most = -1;
    char path[1024], line[512];
    snprintf(path, sizeof path, "%.1000s/expect", dir);
    FILE *f = fopen(path, "r");
    if (!f)
        fail_msg("%s: missing (every case says how it must be stopped)", path);
    while (fgets(line, sizeof line, f)) {
        char *p = line, word[32], val[160];
        if (!next_pair(&p, word, sizeof word, val, sizeof val))
            continue;
        if (strcmp(word, "error") == 0) {
            if (x->error_count == 16)
                fail_msg("%s: too many error lines", path);
            ExpectedError *e = &x->errors[x->error_count++];
            char key[32];
            while (next_pair(&p, key, sizeof key, val, sizeof val)) {
                if (strcmp(key, "context") == 0)
                    snprintf(e->context, sizeof e->context, "%.95s", val);
                else if (strcmp(key, "file") == 0)
                    snprintf(e->file, sizeof e->file, "%.127s", val);
                else if (strcmp(key, "message") == 0)
                    snprintf(e->message, sizeof e->message, "%s", val);
                else if (strcmp(key, "flag") == 0)
                    snprintf(e->flag, sizeof e->flag, "%.15s", val);
                else
                    fail_msg("%s: unknown key '%s'", path, key);
            }
        } else if (strcmp(word, "months") == 0 || strcmp(word, "errors_at_most") == 0 ||
                   strcmp(word, "logs_at_most") == 0 || strcmp(word, "memory") == 0 ||
                   strcmp(word, "time_limit") == 0 || strcmp(word, "total_memory") == 0 ||
                   strcmp(word, "seconds_at_most") == 0) {
            char key[32];
            if (!next_pair(&p, key, sizeof key, val, sizeof val))
                fail_msg("%s: '%s' needs a number", path, word);
            int v = atoi(key);
            if (strcmp(word, "memory") == 0)
                x->memory_mib = v;
            else if (strcmp(word, "total_memory") == 0)
                x->total_mib = v;
            else if (strcmp(word, "seconds_at_most") == 0)
                x->seconds_at_most = v;
            else if (strcmp(word, "time_limit") == 0)
                x->time_limit_ms = v;
            else if (word[0] == 'm')
                x->months = v;
            else if (word[0] == 'e')
                x->errors_at_most = v;
            else
                x->logs_at_most = v;
        } else if (strcmp(word, "log") == 0) {
            /* log "text": the rest of the line, quoted */
            char *q = strchr(p, '"'), *e = q ? strchr(q + 1, '"') : NULL;
            if (!e || x->log_count == 8)
                fail_msg("%s: log needs \"text\"", path);
            snprintf(x->logs[x->log_count++], sizeof x->logs[0], "%.*s", (int)(e - q - 1), q + 1);
        } else if (strcmp(word, "disabled") == 0) {
            x->disabled = true;
        } else if (strcmp(word, "refused") == 0) {
            char *q = strchr(p, '"'), *e = q ? strchr(q + 1, '"') : NULL;
            if (!e)
                fail_msg("%s: refused needs \"text\"", path);
            snprintf(x->refused, sizeof x->refused, "%.*s", (int)(e - q - 1), q + 1);
        } else if (strcmp(word, "changes_state") == 0) {
            x->changes_state = true;
        } else {
            fail_msg("%s: unknown directive '%s'", path, word);
        }
    }
    fclose(f);
}

static bool flag_matches(const ScriptError *e, const char *flag)
{
    if (!flag[0])
        return true;
    if (strcmp(flag, "instructions") == 0)
        return e->out_of_instructions;
    if (strcmp(flag, "memory") == 0)
        return e->out_of_memory;
    if (strcmp(flag, "time") == 0)
        return e->out_of_time;
    return false;
}

static void print_errors(const Seen *seen)
{
    for (int i = 0; i < seen->count && i < MAX_SEEN; i++) {
        const ScriptError *e = &seen->errors[i];
        fprintf(stderr, "    [%s] %s | %s:%d | %s%s%s%s\n", e->mod, e->context, e->file, e->line, e->message,
                e->out_of_instructions ? " (instructions)" : "", e->out_of_memory ? " (memory)" : "",
                e->out_of_time ? " (time)" : "");
    }
}

/* ==== The cases ==== */

typedef struct Suite {
    Outcome baseline;
    int case_count;
    char cases[MAX_CASES][64];
} Suite;

static int cmp_names(const void *a, const void *b) { return strcmp(a, b); }

static int suite_setup(void **state)
{
    Suite *s = calloc(1, sizeof *s);
    Seen *seen = calloc(1, sizeof *seen);
    if (!s || !seen)
        return -1;
    DIR *d = opendir(HOSTILE_DIR);
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d)) != NULL && s->case_count < MAX_CASES)
        if (e->d_name[0] != '.' && e->d_name[0] != '_')
            snprintf(s->cases[s->case_count++], sizeof s->cases[0], "%.63s", e->d_name);
    closedir(d);
    qsort(s->cases, (size_t)s->case_count, sizeof s->cases[0], cmp_names);
    *state = s;
    free(seen);
    return 0;
}

static int suite_teardown(void **state)
{
    free(*state);
    return 0;
}

/* The baseline for `months`: base + companion only. */
static const Outcome *baseline(Suite *s, int months)
{
    if (!s->baseline.created || s->baseline.month != months) {
        Seen *seen = calloc(1, sizeof *seen);
        assert_non_null(seen);
        run_game(NULL, months, 0, 0, 0, seen, &s->baseline);
        if (!s->baseline.created || seen->count != 0) {
            print_errors(seen);
            fail_msg("the baseline run failed: %s", s->baseline.err);
        }
        free(seen);
    }
    return &s->baseline;
}

/* Decisions of the base game (not of the hostile mod, not the companion's). */
static bool base_decisions_equal(const Outcome *a, const Outcome *b, const char *hostile_prefix)
{
    int i = 0, j = 0;
    for (;;) {
        while (i < a->decision_count && (strncmp(a->decisions[i].event, hostile_prefix, strlen(hostile_prefix)) == 0 ||
                                         strcmp(a->decisions[i].event, "companion_tick") == 0))
            i++;
        while (j < b->decision_count && (strncmp(b->decisions[j].event, hostile_prefix, strlen(hostile_prefix)) == 0 ||
                                         strcmp(b->decisions[j].event, "companion_tick") == 0))
            j++;
        if (i == a->decision_count || j == b->decision_count)
            return i == a->decision_count && j == b->decision_count;
        const Decision *x = &a->decisions[i++], *y = &b->decisions[j++];
        if (strcmp(x->event, y->event) || strcmp(x->option, y->option) || x->month != y->month ||
            x->province != y->province) {
            fprintf(stderr, "    decision differs: %s/%s@%d vs %s/%s@%d\n", x->event, x->option, x->month, y->event,
                    y->option, y->month);
            return false;
        }
    }
}

/* Runs one case; false (with the reason on stderr) if it is not contained. */
static bool run_case(Suite *suite, const char *name)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/%s", HOSTILE_DIR, name);
    Expect x;
    read_expect(dir, &x);
    Seen *seen = calloc(1, sizeof *seen);
    Outcome *out = calloc(1, sizeof *out);
    assert_non_null(seen);
    assert_non_null(out);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    run_game(dir, x.months, x.memory_mib, x.time_limit_ms, x.total_mib, seen, out);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double seconds = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    bool ok = true;
    char why[512] = "";
#define CHECK(cond, ...)                                   \
    do {                                                   \
        if (ok && !(cond)) {                               \
            ok = false;                                    \
            snprintf(why, sizeof why, __VA_ARGS__);        \
        }                                                  \
    } while (0)
    if (x.refused[0]) {
        char where[80];
        snprintf(where, sizeof where, "%s/mod.lua:", name);
        CHECK(!out->created, "the game started with a broken manifest");
        CHECK(strstr(out->err, where) && strstr(out->err, x.refused), "refused with '%.300s'", out->err);
        if (ok && getenv("GL_HOSTILE_VERBOSE"))
            fprintf(stderr, "  case %s: refused: %s\n", name, out->err);
        if (!ok)
            fprintf(stderr, "  case %s: %s\n", name, why);
        free(seen);
        free(out);
        return ok;
    }
    CHECK(x.seconds_at_most <= 0 || seconds <= x.seconds_at_most, "the case took %.1f s, at most %d s expected",
          seconds, x.seconds_at_most);
    CHECK(out->created, "the game did not start: %.400s", out->err);
    CHECK(out->month == x.months, "the game stopped at month %d, not %d", out->month, x.months);
    CHECK(out->mod_loaded, "the hostile mod has no Lua state");
    /* The mod id of a case is "h_<folder>"; its events and policies start with "h_" too. */
    char mod_id[CORE_ID_LEN];
    snprintf(mod_id, sizeof mod_id, "h_%s", name);
    CHECK(!out->mod_loaded || strcmp(out->mod_id, mod_id) == 0, "mod id '%s', expected '%s'",
          out->mod_id, mod_id);
    int mine = 0;
    for (int i = 0; i < seen->count && i < MAX_SEEN; i++) {
        const ScriptError *e = &seen->errors[i];
        CHECK(!strstr(e->message, "ESCAPE"), "a probe escaped: %.150s:%d: %.200s", e->file, e->line, e->message);
        CHECK(strcmp(e->mod, "companion") != 0 && strcmp(e->mod, "base") != 0,
              "the %s mod failed: %.150s:%d: %.200s", e->mod, e->file, e->line, e->message);
        if (strcmp(e->mod, mod_id) == 0) {
            mine++;
            CHECK(e->context[0] && e->file[0] && e->message[0], "an error without context, file or message");
            CHECK(e->line > 0, "no line: %s | %.150s | %.200s", e->context, e->file, e->message);
        }
    }
    for (int k = 0; k < x.error_count; k++) {
        const ExpectedError *want = &x.errors[k];
        bool found = false;
        for (int i = 0; i < seen->count && i < MAX_SEEN && !found; i++) {
            const ScriptError *e = &seen->errors[i];
            found = (strcmp(e->mod, mod_id) == 0) && strstr(e->context, want->context) &&
                    strstr(e->file, want->file) && strstr(e->message, want->message) && flag_matches(e, want->flag);
        }
        CHECK(found, "no error with context~'%s' file~'%s' message~'%s' flag '%s'", want->context, want->file,
              want->message, want->flag);
    }
    CHECK(mine > 0, "the mod reported no error at all");
    CHECK(x.errors_at_most < 0 || mine <= x.errors_at_most, "%d errors, expected at most %d", mine,
          x.errors_at_most);
    CHECK(!x.disabled || out->mod_disabled, "the mod should have been disabled");
    for (int k = 0; k < x.log_count; k++) {
        bool found = false;
        for (int i = 0; i < seen->log_count && i < MAX_LOGS; i++)
            found |= strstr(seen->logs[i], x.logs[k]) != NULL;
        CHECK(found, "no print output containing '%s'", x.logs[k]);
    }
    CHECK(x.logs_at_most < 0 || seen->log_count <= x.logs_at_most, "%d log lines, expected at most %d",
          seen->log_count, x.logs_at_most);
    /* The game goes on, as if the hostile mod were not there. */
    if (ok && out->created) {
        const Outcome *b = baseline(suite, x.months);
        CHECK(out->companion_ticks == x.months, "the companion's event ran %d times in %d months",
              out->companion_ticks, x.months);
        CHECK(out->companion_policy, "the companion's policy is not in force");
        CHECK(out->companion_calls == b->companion_calls, "the companion made %llu calls, %llu without the case",
              (unsigned long long)out->companion_calls, (unsigned long long)b->companion_calls);
        CHECK(base_decisions_equal(out, b, "h_"), "the base game took other decisions");
        if (!x.changes_state)
            for (int p = 0; p < b->province_count; p++)
                CHECK(out->people[p] == b->people[p] && out->grain[p] == b->grain[p],
                      "province %d differs from the run without the case", p);
    }
#undef CHECK
    if (!ok || getenv("GL_HOSTILE_VERBOSE")) {
        fprintf(stderr, "  case %s: %s\n  errors:\n", name, ok ? "contained" : why);
        print_errors(seen);
        for (int i = 0; i < seen->log_count && i < 8; i++)
            fprintf(stderr, "    log: %s\n", seen->logs[i]);
    }
    free(seen);
    free(out);
    return ok;
}

static void test_hostile_every_case_is_contained(void **state)
{
    Suite *s = *state;
    assert_true(s->case_count >= 1);
    char failed[1024] = "";
    for (int i = 0; i < s->case_count; i++) {
        clock_t t0 = clock();
        if (!run_case(s, s->cases[i]))
            snprintf(failed + strlen(failed), sizeof failed - strlen(failed), " %s", s->cases[i]);
        if (getenv("GL_HOSTILE_VERBOSE"))
            fprintf(stderr, "  (%s: %.0f ms)\n", s->cases[i], 1000.0 * (double)(clock() - t0) / CLOCKS_PER_SEC);
    }
    if (failed[0])
        fail_msg("not contained:%s", failed);
}

/* ==== Bad arguments to every API function ====
 * A mod is written from script_api_entries(), so that a function added to
 * the API is probed without anyone remembering to: every method and gl
 * function is called with wrong types, NaN, infinities and huge numbers (one
 * and two arguments), every field is read, and fx gets tables shaped like
 * its real arguments with those values in each field, for every lever and
 * variable. The calls that succeed queue their commands, which the core then
 * applies for a year of months. Nothing may crash or trip the sanitizers. */

static const char *const bad_scalars[] = {
    "nil", "true", "false", "0", "-1", "1", "0.5", "-0.0", "0/0", "1/0", "-1/0", "math.maxinteger",
    "math.mininteger", "2^53", "2^63", "-2^63", "1e308", "-1e308", "1e-308", "''", "'x'", "'henan'",
    "'yield_mult'", "'1958-01'", "'9999-99'", "'-1'", "('a'):rep(10000)", "'\\0'", "{}", "{1, 2, 3}",
    "setmetatable({}, { __index = function() error('meta') end })", "function() end", "coroutine.create(print)",
    "s", "fx", "p", NULL};
/* The values that go into fields of the shaped tables. */
static const char *const bad_numbers[] = {"0/0", "1/0", "-1/0", "1e308", "-1e308", "math.maxinteger", "math.mininteger",
                                          "2^63", "-1", "0", "'x'", "{}", NULL};

static bool write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return false;
    bool ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok;
}

/* Appends to a growing buffer (the generated Lua). */
typedef struct Text {
    char *p;
    size_t len, cap;
} Text;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void add(Text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = (t->len + (size_t)n + 1) * 2;
        t->p = realloc(t->p, t->cap);
        assert_non_null(t->p);
    }
    va_start(ap, fmt);
    vsnprintf(t->p + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

/* The probe's Lua source; *calls receives how many calls it makes. */
static char *api_probe_source(long *calls)
{
    Text t = {0};
    int count;
    const ScriptApiEntry *api = script_api_entries(&count);
    add(&t, "-- Written by test_script_hostile.c from script_api_entries().\n"
            "local calls, failed = 0, 0\n"
            "local function try(f, ...) calls = calls + 1 if not pcall(f, ...) then failed = failed + 1 end end\n"
            "local function values(s, fx, p)\n  return {\n");
    int nvalues = 0;
    for (int i = 0; bad_scalars[i]; i++, nvalues++)
        add(&t, "    %s,\n", bad_scalars[i]);
    for (int v = 0; bad_numbers[v]; v++) {
        const char *x = bad_numbers[v];
        for (int l = 0; l < CORE_LEVER_COUNT; l++, nvalues += 4) {
            const char *lever = core_lever_info((CoreLever)l)->name;
            add(&t, "    { lever = '%s', mul = %s }, { lever = '%s', add = %s, province = 'henan' },\n", lever, x, lever,
                x);
            add(&t, "    { lever = '%s', mul = 1.1, months = %s }, { lever = '%s', add = 1, calendar = { %s }, scale = %s },\n",
                lever, x, lever, x, x);
        }
        for (int k = 0; k < CORE_VAR_COUNT; k++, nvalues += 3) {
            const char *var = core_var_info((CoreVar)k)->name;
            add(&t, "    { var = '%s', add = %s }, { var = '%s', set = %s }, { var = '%s', set = 1, province = %s },\n", var,
                x, var, x, var, x);
        }
        add(&t, "    { from = 'abroad', to = 'henan', tonnes = %s }, { from = 'henan', to = 'abroad', tonnes = %s },\n", x,
            x);
        add(&t, "    { from = 'granary', to = 'sichuan', tonnes = %s }, { from = %s, to = 'granary', tonnes = 1 },\n", x, x);
        nvalues += 4;
    }
    add(&t, "  }\nend\n"
            "return {\n  id = 'h_api_probe',\n  when = { date = '1958-01' },\n  options = {\n"
            "    { id = 'probe', effects = function(s, fx)\n"
            "        local p = s.provinces[1]\n"
            "        local targets = { State = s, National = s.national, Province = p, Effects = fx, gl = gl }\n"
            "        local v = values(s, fx, p)\n"
            "        local n = %d\n"
            "        local small = { 0/0, 1/0, math.mininteger, 2^63, 'x', {}, nil, true }\n",
        nvalues);
    long total = 0;
    for (int i = 0; i < count; i++) {
        const ScriptApiEntry *e = &api[i];
        if (e->kind == SCRIPT_API_FIELD) {
            add(&t, "        try(function() return targets['%s']['%s'] end)\n", e->object, e->name);
            total += 1;
        } else {
            const char *call = e->kind == SCRIPT_API_METHOD ? "o['%s'](o, a, b)" : "o['%s'](a, b)";
            add(&t, "        do local o = targets['%s']\n          for i = 1, n do local a = v[i]\n", e->object);
            add(&t, "            try(function(a) local b = nil; return ");
            add(&t, call, e->name);
            add(&t, " end, a)\n            for j = 1, 8 do local b = small[j]\n");
            add(&t, "              try(function(a, b) return ");
            add(&t, call, e->name);
            add(&t, " end, a, b) end end end\n");
            total += 9L * nvalues;
        }
    }
    add(&t, "        print(('api probe: %%d calls, %%d failed'):format(calls, failed))\n"
            "      end },\n  },\n}\n");
    *calls = total;
    return t.p;
}

static void test_hostile_api_bad_arguments(void **state)
{
    (void)state;
    char dir[] = "/tmp/gl_api_probe_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char mod_dir[64], events[80], path[128];
    snprintf(mod_dir, sizeof mod_dir, "%s/h_api_probe", dir);
    snprintf(events, sizeof events, "%s/events", mod_dir);
    assert_int_equal(mkdir(mod_dir, 0700), 0);
    assert_int_equal(mkdir(events, 0700), 0);
    snprintf(path, sizeof path, "%s/mod.lua", mod_dir);
    assert_true(write_text(path, "return { id = 'h_api_probe', version = '1.0.0', api_version = 1 }\n"));
    long expected;
    char *src = api_probe_source(&expected);
    snprintf(path, sizeof path, "%s/probe.lua", events);
    assert_true(write_text(path, src));
    free(src);

    Seen *seen = calloc(1, sizeof *seen);
    assert_non_null(seen);
    ScriptHostDesc limits = test_limits;
    limits.instruction_cap = 400000000; /* one call makes all the probes */
    limits.time_limit_ms = 60000;
    char err[512] = "";
    Game *g = start_game(mod_dir, &limits, seen, err, sizeof err);
    if (!g)
        fail_msg("game_create: %s", err);
    bool ran = game_run_until(g, 1958, 12, err, sizeof err);
    int month = game_state(g)->month;
    game_destroy(g);
    char want[64];
    snprintf(want, sizeof want, "api probe: %ld calls", expected);
    bool logged = false;
    for (int i = 0; i < seen->log_count && i < MAX_LOGS; i++)
        logged |= strstr(seen->logs[i], want) != NULL;
    if (getenv("GL_HOSTILE_VERBOSE"))
        for (int i = 0; i < seen->log_count && i < MAX_LOGS; i++)
            if (strstr(seen->logs[i], "api probe"))
                fprintf(stderr, "  %s\n", seen->logs[i]);
    if (!ran || month != 12 || !logged || seen->count != 0) {
        print_errors(seen);
        for (int i = 0; i < seen->log_count && i < 8; i++)
            fprintf(stderr, "    log: %s\n", seen->logs[i]);
        fail_msg("api probe: ran %d, month %d, wanted a log line '%s'", ran, month, want);
    }
    free(seen);
    snprintf(path, sizeof path, "%s/probe.lua", events);
    unlink(path);
    snprintf(path, sizeof path, "%s/mod.lua", mod_dir);
    unlink(path);
    rmdir(events);
    rmdir(mod_dir);
    rmdir(dir);
}

/* ==== Time per mod ====
 * The console shows which mod makes the game slow: a mod that works hard
 * every month shows more time and more instructions than its neighbours. */
static void test_hostile_slow_mod_shows_more_time(void **state)
{
    (void)state;
    Seen *seen = calloc(1, sizeof *seen);
    assert_non_null(seen);
    char err[512] = "";
    Game *g = start_game(HOSTILE_DIR "/_slow", &test_limits, seen, err, sizeof err);
    if (!g)
        fail_msg("game_create: %s", err);
    assert_true(game_run_until(g, 1958, 6, err, sizeof err));
    ScriptHost *h = game_host(g);
    int slow = -1, companion = -1, base = -1;
    for (int i = 0; i < script_mod_count(h); i++) {
        if (strcmp(script_mod_id(h, i), "slow") == 0)
            slow = i;
        else if (strcmp(script_mod_id(h, i), "companion") == 0)
            companion = i;
        else if (strcmp(script_mod_id(h, i), "base") == 0)
            base = i;
    }
    assert_true(slow >= 0 && companion >= 0 && base >= 0);
    assert_int_equal(seen->count, 0);
    double t_slow = script_mod_time_ms(h, slow), t_companion = script_mod_time_ms(h, companion);
    fprintf(stderr, "  time: slow %.2f ms, companion %.2f ms, base %.2f ms; instructions: slow %llu, companion %llu\n",
            t_slow, t_companion, script_mod_time_ms(h, base),
            (unsigned long long)script_mod_instructions(h, slow), (unsigned long long)script_mod_instructions(h, companion));
    /* Six trigger calls of a quarter of a million iterations (three or four instructions each). */
    assert_true(script_mod_instructions(h, slow) >= 6u * 500000u);
    assert_true(script_mod_instructions(h, slow) > 100 * script_mod_instructions(h, companion));
    assert_true(t_slow > 5.0 * t_companion);
    assert_true(t_companion > 0.0 && script_mod_time_ms(h, base) > 0.0);
    assert_true(script_mod_calls(h, slow) >= 6 && script_mod_calls(h, companion) >= 12);
    /* Out of range: nothing. */
    assert_true(script_mod_time_ms(h, -1) == 0.0 && script_mod_time_ms(h, script_mod_count(h)) == 0.0);
    assert_int_equal(script_mod_instructions(h, 99), 0);
    assert_false(script_mod_is_disabled(h, slow));
    game_destroy(g);
    free(seen);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hostile_every_case_is_contained),
        cmocka_unit_test(test_hostile_api_bad_arguments),
        cmocka_unit_test(test_hostile_slow_mod_shows_more_time),
    };
    return cmocka_run_group_tests_name("script_hostile", tests, suite_setup, suite_teardown);
}
