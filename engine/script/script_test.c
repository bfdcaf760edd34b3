/* script_test.c — Lua test files: the `t` object a test receives, which
 * advances the game (through callbacks the game layer provides), forces
 * choices, changes policies and records failed expectations with file:line. */
#include "script_api.h"
#include "script_internal.h"

#include "platform.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEST_MT "gl.Test"

#define TEST_MAX_FRESH 4 /* second games a test may start (t:fresh) */

typedef struct TestHandle TestHandle;

typedef struct TestRun {
    const ScriptTestOps *ops;
    void *ctx;
    int failures, checks;
    char report[2048];
    size_t used;
    /* The games t:fresh started, their handles (anchored in the registry
     * until the run ends, when they are cut off and the games released). */
    void *fresh[TEST_MAX_FRESH];
    TestHandle *fresh_handle[TEST_MAX_FRESH];
    int fresh_ref[TEST_MAX_FRESH];
    int fresh_count;
} TestRun;

struct TestHandle {
    TestRun *run;
    void *ctx; /* the game this handle drives: the test's, or one t:fresh started */
};

/* The run of the `t` at index 1, and the game it drives in *ctx. */
static TestRun *check_game(lua_State *L, void **ctx)
{
    TestHandle *t = luaL_checkudata(L, 1, TEST_MT);
    if (!t->run)
        luaL_error(L, "this test object is no longer valid");
    if (ctx)
        *ctx = t->ctx;
    return t->run;
}

static TestRun *check_t(lua_State *L) { return check_game(L, NULL); }

/* The host's state becomes `s`; views of another game's state go stale, so
 * a view kept from one game never reads the other's. */
static void point_at(ScriptHost *h, CoreState *s)
{
    if (h->state != s)
        h->generation++;
    h->state = s;
}

static void add_failure(lua_State *L, TestRun *r, const char *msg)
{
    r->failures++;
    /* The caller's file in full (luaL_where would shorten a long path). */
    lua_Debug ar;
    char where[PLAT_PATH_MAX + 16] = "";
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0)
        snprintf(where, sizeof where, "%s:%d: ", ar.source[0] == '@' ? ar.source + 1 : ar.short_src, ar.currentline);
    int n = snprintf(r->report + r->used, sizeof r->report - r->used, "%s%s%s", r->used ? "; " : "", where, msg);
    if (n > 0)
        r->used += (size_t)n < sizeof r->report - r->used ? (size_t)n : sizeof r->report - r->used - 1;
}

static int t_advance_to(lua_State *L)
{
    void *ctx;
    TestRun *r = check_game(L, &ctx);
    int y, m;
    if (!script_parse_date(luaL_checkstring(L, 2), &y, &m))
        return luaL_argerror(L, 2, "expected a month \"YYYY-MM\"");
    char err[256] = "";
    if (!r->ops->advance_to(ctx, y, m, err, sizeof err))
        return luaL_error(L, "t:advance_to: %s", err);
    return 0;
}

static int t_advance(lua_State *L)
{
    void *ctx;
    TestRun *r = check_game(L, &ctx);
    lua_Integer n = luaL_optinteger(L, 2, 1);
    luaL_argcheck(L, n >= 0 && n <= CORE_MAX_MONTHS, 2, "months out of range");
    CoreState *s = r->ops->state(ctx);
    int target = s->month + (int)n - 1; /* the last month to simulate */
    int y = s->start_year + (s->start_month - 1 + target) / 12;
    int m = (s->start_month - 1 + target) % 12 + 1;
    char err[256] = "";
    if (n > 0 && !r->ops->advance_to(ctx, y, m, err, sizeof err))
        return luaL_error(L, "t:advance: %s", err);
    return 0;
}

static int t_choose(lua_State *L)
{
    void *ctx;
    TestRun *r = check_game(L, &ctx);
    char err[256] = "";
    if (!r->ops->force_choice(ctx, luaL_checkstring(L, 2), luaL_checkstring(L, 3), err, sizeof err))
        return luaL_error(L, "t:choose: %s", err);
    return 0;
}

static int policy(lua_State *L, bool enact)
{
    void *ctx;
    TestRun *r = check_game(L, &ctx);
    char err[256] = "";
    if (!r->ops->set_policy(ctx, luaL_checkstring(L, 2), enact, err, sizeof err))
        return luaL_error(L, "%s: %s", enact ? "t:enact" : "t:repeal", err);
    return 0;
}
static int t_enact(lua_State *L) { return policy(L, true); }
static int t_repeal(lua_State *L) { return policy(L, false); }

static int t_state(lua_State *L)
{
    void *ctx;
    TestRun *r = check_game(L, &ctx);
    point_at(script_host_of(L), r->ops->state(ctx)); /* a fresh view of the state as it is now */
    script_push_state_view(L);
    return 1;
}

static void push_handle(lua_State *L, TestRun *r, void *ctx);

/* t:fresh(): a second game as the test's began (same scenario, seed and
 * choices), driven by the `t` it returns, so that a test can compare two
 * runs. Released when the test ends. */
static int t_fresh(lua_State *L)
{
    TestRun *r = check_t(L);
    if (!r->ops->fresh)
        return luaL_error(L, "t:fresh is not available here");
    if (r->fresh_count >= TEST_MAX_FRESH)
        return luaL_error(L, "t:fresh: a test may start at most %d other games", TEST_MAX_FRESH);
    char err[256] = "";
    void *game = r->ops->fresh(r->ctx, err, sizeof err);
    if (!game)
        return luaL_error(L, "t:fresh: %s", err);
    int k = r->fresh_count++;
    r->fresh[k] = game;
    push_handle(L, r, game);
    r->fresh_handle[k] = lua_touserdata(L, -1);
    lua_pushvalue(L, -1);
    r->fresh_ref[k] = luaL_ref(L, LUA_REGISTRYINDEX);
    return 1;
}

/* t:expect(condition, message, ...) with string.format arguments. */
static int t_expect(lua_State *L)
{
    TestRun *r = check_t(L);
    r->checks++;
    if (lua_toboolean(L, 2))
        return 0;
    int n = lua_gettop(L);
    if (n >= 3) {
        lua_getglobal(L, "string"); /* the real string table (registry globals) */
        lua_getfield(L, -1, "format");
        for (int i = 3; i <= n; i++)
            lua_pushvalue(L, i);
        if (lua_pcall(L, n - 2, 1, 0) != LUA_OK)
            lua_pushfstring(L, "(bad message: %s)", lua_tostring(L, -1));
    } else {
        lua_pushliteral(L, "expectation failed");
    }
    add_failure(L, r, lua_tostring(L, -1));
    return 0;
}

/* t:near(actual, expected, relative_tolerance, label) */
static int t_near(lua_State *L)
{
    TestRun *r = check_t(L);
    double a = luaL_checknumber(L, 2), e = luaL_checknumber(L, 3), tol = luaL_checknumber(L, 4);
    const char *label = luaL_optstring(L, 5, "value");
    r->checks++;
    if (fabs(a - e) <= tol * fabs(e))
        return 0;
    char msg[256];
    snprintf(msg, sizeof msg, "%s: %.4g is not within %.0f%% of %.4g", label, a, tol * 100.0, e);
    add_failure(L, r, msg);
    return 0;
}

/* t:text(key [, lang]): the text a locale key has ("en" by default). */
static int t_text(lua_State *L)
{
    check_t(L);
    const char *key = luaL_checkstring(L, 2), *lang = luaL_optstring(L, 3, "en");
    ScriptLang l = strcmp(lang, "zh") == 0 ? SCRIPT_LANG_ZH : SCRIPT_LANG_EN;
    if (strcmp(lang, "en") != 0 && l != SCRIPT_LANG_ZH)
        return luaL_argerror(L, 3, "expected \"en\" or \"zh\"");
    ScriptHost *h = script_host_of(L);
    if (!script_has_text(h, l, key))
        return luaL_pushfail(L), 1;
    lua_pushstring(L, script_text(h, l, key));
    return 1;
}

/* t:reload(): saves the game and loads it back, storage included. */
static int t_reload(lua_State *L)
{
    void *ctx;
    TestRun *r = check_game(L, &ctx);
    char err[512] = "";
    if (!r->ops->reload)
        return luaL_error(L, "t:reload is not available here");
    if (!r->ops->reload(ctx, err, sizeof err))
        return luaL_error(L, "t:reload: %s", err);
    point_at(script_host_of(L), r->ops->state(ctx));
    return 0;
}

/* t:migrate(level, old_storage): makes old_storage the mod's storage, as a
 * save made when the mod's last migration was number `level` would, then
 * runs the migrations numbered above it. */
static int t_migrate(lua_State *L)
{
    check_t(L);
    lua_Integer from = luaL_checkinteger(L, 2);
    luaL_checktype(L, 3, LUA_TTABLE);
    ScriptHost *h = script_host_of(L);
    int mod = script_mod_index_of(L);
    script_storage_push(L);
    int st = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, st) != 0) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_pushnil(L);
        lua_rawset(L, st);
    }
    lua_pushnil(L);
    while (lua_next(L, 3) != 0) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, st);
    }
    char err[512] = "";
    if (!script_storage_migrate(h, mod, (int)from, err, sizeof err))
        return luaL_error(L, "t:migrate: %s", err);
    return 0;
}

#define T(name, sig, ret, doc, fn) {"Test", name, SCRIPT_API_METHOD, sig, ret, doc, fn}

/* The `t` object of test files, in documentation order. */
const ScriptApiEntry script_test_api[] = {
    T("advance", "t:advance([months])", "", "Simulates that many months (default 1).", t_advance),
    T("advance_to", "t:advance_to(\"YYYY-MM\")", "", "Simulates up to and including that month.", t_advance_to),
    T("choose", "t:choose(event_id, option_id)", "",
      "From now on, the event takes that option whenever it fires.", t_choose),
    T("enact", "t:enact(policy_id)", "", "Puts a policy in force from the next month simulated.", t_enact),
    T("repeal", "t:repeal(policy_id)", "", "Ends a policy from the next month simulated.", t_repeal),
    T("state", "t:state()", "State", "The state as it is now (a fresh view; the same fields as `s`).", t_state),
    T("expect", "t:expect(condition, message, ...)", "",
      "Records a failure (with file:line and the string.format message) if the condition is false.", t_expect),
    T("near", "t:near(actual, expected, tolerance [, label])", "",
      "Records a failure if actual is not within tolerance (relative, 0.05 = 5%) of expected.", t_near),
    T("text", "t:text(key [, \"en\" | \"zh\"])", "string|nil",
      "The text of a locale key in a language (English by default), or nil if it has none.", t_text),
    T("fresh", "t:fresh()", "Test",
      "A second game as this test's began (same scenario, seed and choices), driven by the `t` it returns: "
      "choose or enact something in one of them, advance both and compare their states. Read what you need from "
      "one game's t:state() before asking the other's: a view of one goes stale when the other's is taken. At "
      "most 4 a test; released when the test ends.",
      t_fresh),
    T("reload", "t:reload()", "",
      "Saves the game and loads it back (core state and every mod's storage): storage that cannot be saved fails "
      "here with its key path. Read `storage` again afterwards.",
      t_reload),
    T("migrate", "t:migrate(level, old_storage)", "",
      "Makes old_storage this mod's storage as a save made after migration number `level` would, then runs the "
      "migrations numbered above it.",
      t_migrate),
};
const int script_test_api_count = (int)(sizeof script_test_api / sizeof script_test_api[0]);

/* Runs the test file's text in mod `mod` and leaves its returned list on the
 * stack. Called inside a protected body. */
static bool load_tests(ScriptHost *h, int mod, const char *src, size_t len, const char *display, char *err, size_t cap)
{
    lua_State *L = h->mods[mod].L;
    char chunk[PLAT_PATH_MAX + 2];
    snprintf(chunk, sizeof chunk, "@%s", display);
    if (!script_run_chunk(h, mod, src, len, chunk, 1, "test file")) {
        const ScriptError *e = script_error_at(h, script_error_count(h) - 1);
        char file[sizeof e->file];
        script_error_file(h, e ? e->file : display, file, sizeof file);
        snprintf(err, cap, "%s:%d: %s", file, e ? e->line : 0, e ? e->message : "error");
        return false;
    }
    if (!lua_istable(L, -1)) {
        snprintf(err, cap, "%s: a test file returns a list of tests", display);
        return false;
    }
    return true;
}

typedef struct TestJob {
    ScriptHost *h;
    int mod;
    const char *src, *display;
    size_t len;
    char *err;
    size_t err_cap;
    /* listing */
    ScriptTestInfo *out;
    int cap, count;
    /* running */
    int index;
    TestRun *run;
    bool ok;
} TestJob;

/* The line `key =` is written on: the last such line not after `limit`
 * (the line a function of the same test starts on), or the first if no
 * limit; 0 if none. */
static int key_line(const char *src, size_t len, const char *key, int limit)
{
    size_t kn = strlen(key);
    int line = 1, found = 0;
    for (size_t at = 0; kn && at + kn <= len && (!limit || line <= limit); at++) {
        if (src[at] == '\n')
            line++;
        if (memcmp(src + at, key, kn) != 0 || (at > 0 && (src[at - 1] == '_' || isalnum((unsigned char)src[at - 1]))))
            continue;
        size_t q = at + kn;
        while (q < len && src[q] == ' ')
            q++;
        if (q < len && src[q] == '=' && (q + 1 >= len || src[q + 1] != '=')) {
            found = line;
            if (!limit)
                break;
        }
    }
    return found;
}

/* The line a function in test table `idx` starts on; 0 if none. */
static int function_line(lua_State *L, int idx)
{
    int line = 0;
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) { /* key value */
        if (!line && lua_type(L, -1) == LUA_TFUNCTION) {
            lua_Debug ar;
            lua_pushvalue(L, -1);
            if (lua_getinfo(L, ">S", &ar) && ar.linedefined > 0) /* pops the copy */
                line = ar.linedefined;
        }
        lua_pop(L, 1);
    }
    return line;
}

/* A test's fields: the unknown one, with "did you mean", into err. */
static bool test_fields_known(lua_State *L, int idx, const char *src, size_t len, int *line, char *err,
                              size_t cap)
{
    static const char *const known[] = {"name", "run", "scenario", "choices", "seed"};
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING)
            continue;
        const char *k = lua_tostring(L, -1);
        bool ok = false;
        for (size_t i = 0; i < sizeof known / sizeof *known; i++)
            ok = ok || strcmp(k, known[i]) == 0;
        if (!ok) {
            char hint[96];
            script_suggest_text(hint, sizeof hint, k, known, (int)(sizeof known / sizeof *known));
            snprintf(err, cap, "unknown field '%s'%s", k, hint);
            int at = key_line(src, len, k, *line);
            if (at)
                *line = at;
            lua_pop(L, 1);
            return false;
        }
    }
    return true;
}

static int list_body(lua_State *L)
{
    TestJob *j = lua_touserdata(L, 1);
    j->count = -1;
    if (!load_tests(j->h, j->mod, j->src, j->len, j->display, j->err, j->err_cap))
        return 0;
    int t = lua_gettop(L), n = (int)luaL_len(L, t), count = 0;
    for (int i = 1; i <= n && count < j->cap; i++) {
        lua_rawgeti(L, t, i);
        ScriptTestInfo *ti = &j->out[count];
        memset(ti, 0, sizeof *ti);
        if (!lua_istable(L, -1)) {
            snprintf(j->err, j->err_cap, "%s:1: test %d is a %s, not a table { name = \"...\", run = function(t) ... end }",
                     j->display, i, luaL_typename(L, -1));
            return 0;
        }
        int entry = lua_gettop(L), line = function_line(L, entry);
        char why[160] = "";
        if (!test_fields_known(L, entry, j->src, j->len, &line, why, sizeof why)) {
            snprintf(j->err, j->err_cap, "%s:%d: test %d: %s", j->display, line ? line : 1, i, why);
            return 0;
        }
        lua_getfield(L, -1, "name");
        lua_getfield(L, -2, "run");
        if (!lua_isstring(L, -2) || !lua_isfunction(L, -1)) {
            snprintf(j->err, j->err_cap, "%s:%d: test %d needs name = \"...\" and run = function(t)", j->display,
                     line ? line : 1, i);
            return 0;
        }
        script_copy(ti->name, sizeof ti->name, lua_tostring(L, -2));
        lua_pop(L, 2);
        lua_getfield(L, -1, "scenario");
        script_copy(ti->scenario, sizeof ti->scenario, lua_isstring(L, -1) ? lua_tostring(L, -1) : "1958");
        lua_getfield(L, -2, "choices");
        script_copy(ti->choices, sizeof ti->choices, lua_isstring(L, -1) ? lua_tostring(L, -1) : "historical");
        lua_getfield(L, -3, "seed");
        ti->seed = lua_isinteger(L, -1) ? (uint64_t)lua_tointeger(L, -1) : 1;
        lua_settop(L, t);
        if (strcmp(ti->choices, "historical") != 0 && strcmp(ti->choices, "defaults") != 0) {
            snprintf(j->err, j->err_cap, "%s: test '%s': choices must be \"historical\" or \"defaults\"", j->display,
                     ti->name);
            return 0;
        }
        count++;
    }
    j->count = count;
    return 0;
}

/* A test file in a mod's folder (--test-mods) is the mod's: it is read
 * only from inside that folder. One named on the command line
 * (--run-tests) is the player's choice. */
static char *read_test_file(const ScriptHost *h, int mod, const char *path, size_t *len)
{
    const char *dir = h->mods[mod].dir;
    size_t n = strlen(dir);
    if (strncmp(path, dir, n) == 0 && path[n] == '/')
        return script_mod_file_read(h, mod, path, 4u << 20, len);
    return plat_read_file(path, 4u << 20, len);
}

int script_test_list(ScriptHost *h, const char *path, const char *display, ScriptTestInfo *out, int cap, char *err,
                     size_t err_cap)
{
    return script_test_list_in(h, 0, path, display, out, cap, err, err_cap);
}

int script_test_list_in(ScriptHost *h, int mod, const char *path, const char *display, ScriptTestInfo *out, int cap,
                        char *err, size_t err_cap)
{
    err[0] = '\0';
    if (mod < 0 || mod >= h->mod_count)
        return snprintf(err, err_cap, "no such mod is loaded"), -1;
    size_t len;
    char *src = read_test_file(h, mod, path, &len);
    if (!src)
        return snprintf(err, err_cap, "%s", plat_error()), -1;
    TestJob j = {.h = h, .mod = mod, .src = src, .display = display, .len = len, .err = err, .err_cap = err_cap,
                 .out = out, .cap = cap, .count = -1};
    if (!script_protected(h, mod, list_body, &j, "test file") && !err[0])
        snprintf(err, err_cap, "%s: out of memory reading the tests", display);
    free(src);
    return j.count;
}

static int run_body(lua_State *L)
{
    TestJob *j = lua_touserdata(L, 1);
    ScriptHost *h = j->h;
    if (!load_tests(h, j->mod, j->src, j->len, j->display, j->err, j->err_cap))
        return 0;
    int list = lua_gettop(L);
    lua_rawgeti(L, list, j->index + 1);
    lua_getfield(L, -1, "run");
    if (luaL_newmetatable(L, TEST_MT)) {
        lua_newtable(L);
        for (int i = 0; i < script_test_api_count; i++) {
            lua_pushcfunction(L, script_test_api[i].fn);
            lua_setfield(L, -2, script_test_api[i].name);
        }
        lua_setfield(L, -2, "__index");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_pop(L, 1);
    push_handle(L, j->run, j->run->ctx);
    TestHandle *th = lua_touserdata(L, -1);
    lua_pushvalue(L, -1);
    lua_insert(L, -3); /* keep a copy of the handle below the function */
    j->ok = script_call(h, j->mod, 1, 0, "test");
    th->run = NULL; /* a kept `t` can no longer reach this run */
    for (int k = 0; k < j->run->fresh_count; k++) { /* nor one t:fresh made */
        j->run->fresh_handle[k]->run = NULL;
        luaL_unref(L, LUA_REGISTRYINDEX, j->run->fresh_ref[k]);
    }
    return 0;
}

static void push_handle(lua_State *L, TestRun *r, void *ctx)
{
    TestHandle *th = lua_newuserdatauv(L, sizeof *th, 0);
    th->run = r;
    th->ctx = ctx;
    luaL_setmetatable(L, TEST_MT);
}

bool script_test_run(ScriptHost *h, const char *path, const char *display, int index, const ScriptTestOps *ops,
                     void *ctx, char *report, size_t report_cap)
{
    return script_test_run_in(h, 0, path, display, index, ops, ctx, report, report_cap);
}

bool script_test_run_in(ScriptHost *h, int mod, const char *path, const char *display, int index,
                        const ScriptTestOps *ops, void *ctx, char *report, size_t report_cap)
{
    report[0] = '\0';
    if (mod < 0 || mod >= h->mod_count)
        return false;
    size_t len;
    char *src = read_test_file(h, mod, path, &len);
    if (!src) {
        snprintf(report, report_cap, "%s", plat_error());
        return false;
    }
    TestRun run = {.ops = ops, .ctx = ctx};
    char err[512] = "";
    TestJob j = {.h = h, .mod = mod, .src = src, .display = display, .len = len, .err = err, .err_cap = sizeof err,
                 .index = index, .run = &run};
    ScriptScope scope;
    script_begin(h, &scope, ops->state(ctx), NULL, "test", false);
    int errors_before = h->errors_total;
    bool ok = script_protected(h, mod, run_body, &j, "test") && j.ok;
    script_end(h, &scope);
    for (int k = 0; k < run.fresh_count; k++)
        if (ops->release)
            ops->release(run.fresh[k]);
    free(src);
    if (err[0]) {
        snprintf(report, report_cap, "%s", err);
        return false;
    }
    if (!ok || h->errors_total > errors_before) {
        const ScriptError *e = script_error_at(h, script_error_count(h) - 1);
        char file[sizeof e->file];
        script_error_file(h, e ? e->file : display, file, sizeof file);
        snprintf(report, report_cap, "%s%s%s%s:%d: %s", run.report, run.used ? "; " : "",
                 ok ? "script error during the run: " : "", file, e ? e->line : 0, e ? e->message : "error");
        return false;
    }
    if (run.failures) {
        snprintf(report, report_cap, "%s", run.report);
        return false;
    }
    if (run.checks == 0) {
        snprintf(report, report_cap, "the test checked nothing (call t:expect or t:near)");
        return false;
    }
    return true;
}
