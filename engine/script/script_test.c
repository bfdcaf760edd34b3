/* script_test.c — Lua test files: the `t` object a test receives, which
 * advances the game (through callbacks the game layer provides), forces
 * choices, changes policies and records failed expectations with file:line. */
#include "script_internal.h"

#include "platform.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TEST_MT "gl.Test"

typedef struct TestRun {
    const ScriptTestOps *ops;
    void *ctx;
    int failures, checks;
    char report[2048];
    size_t used;
} TestRun;

typedef struct TestHandle {
    TestRun *run;
} TestHandle;

static TestRun *check_t(lua_State *L)
{
    TestHandle *t = luaL_checkudata(L, 1, TEST_MT);
    if (!t->run)
        luaL_error(L, "this test object is no longer valid");
    return t->run;
}

static void add_failure(lua_State *L, TestRun *r, const char *msg)
{
    r->failures++;
    luaL_where(L, 1);
    const char *where = lua_tostring(L, -1);
    int n = snprintf(r->report + r->used, sizeof r->report - r->used, "%s%s%s", r->used ? "; " : "", where, msg);
    lua_pop(L, 1);
    if (n > 0)
        r->used += (size_t)n < sizeof r->report - r->used ? (size_t)n : sizeof r->report - r->used - 1;
}

static int t_advance_to(lua_State *L)
{
    TestRun *r = check_t(L);
    int y, m;
    if (!script_parse_date(luaL_checkstring(L, 2), &y, &m))
        return luaL_argerror(L, 2, "expected a month \"YYYY-MM\"");
    char err[256] = "";
    if (!r->ops->advance_to(r->ctx, y, m, err, sizeof err))
        return luaL_error(L, "t:advance_to: %s", err);
    return 0;
}

static int t_advance(lua_State *L)
{
    TestRun *r = check_t(L);
    lua_Integer n = luaL_optinteger(L, 2, 1);
    luaL_argcheck(L, n >= 0 && n <= CORE_MAX_MONTHS, 2, "months out of range");
    CoreState *s = r->ops->state(r->ctx);
    int target = s->month + (int)n - 1; /* the last month to simulate */
    int y = s->start_year + (s->start_month - 1 + target) / 12;
    int m = (s->start_month - 1 + target) % 12 + 1;
    char err[256] = "";
    if (n > 0 && !r->ops->advance_to(r->ctx, y, m, err, sizeof err))
        return luaL_error(L, "t:advance: %s", err);
    return 0;
}

static int t_choose(lua_State *L)
{
    TestRun *r = check_t(L);
    char err[256] = "";
    if (!r->ops->force_choice(r->ctx, luaL_checkstring(L, 2), luaL_checkstring(L, 3), err, sizeof err))
        return luaL_error(L, "t:choose: %s", err);
    return 0;
}

static int policy(lua_State *L, bool enact)
{
    TestRun *r = check_t(L);
    char err[256] = "";
    if (!r->ops->set_policy(r->ctx, luaL_checkstring(L, 2), enact, err, sizeof err))
        return luaL_error(L, "%s: %s", enact ? "t:enact" : "t:repeal", err);
    return 0;
}
static int t_enact(lua_State *L) { return policy(L, true); }
static int t_repeal(lua_State *L) { return policy(L, false); }

static int t_state(lua_State *L)
{
    TestRun *r = check_t(L);
    ScriptHost *h = script_host_of(L);
    h->state = r->ops->state(r->ctx); /* a fresh view of the state as it is now */
    script_push_state_view(L);
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

static const luaL_Reg test_methods[] = {
    {"advance", t_advance}, {"advance_to", t_advance_to}, {"choose", t_choose}, {"enact", t_enact},
    {"repeal", t_repeal},   {"state", t_state},           {"expect", t_expect}, {"near", t_near},
    {NULL, NULL}};

/* Runs the test file's text in mod 0 and leaves its returned list on the
 * stack. Called inside a protected body. */
static bool load_tests(ScriptHost *h, const char *src, size_t len, const char *display, char *err, size_t cap)
{
    lua_State *L = h->mods[0].L;
    char chunk[PLAT_PATH_MAX + 2];
    snprintf(chunk, sizeof chunk, "@%s", display);
    if (!script_run_chunk(h, 0, src, len, chunk, 1, "test file")) {
        const ScriptError *e = script_error_at(h, script_error_count(h) - 1);
        snprintf(err, cap, "%s:%d: %s", e ? e->file : display, e ? e->line : 0, e ? e->message : "error");
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

static int list_body(lua_State *L)
{
    TestJob *j = lua_touserdata(L, 1);
    j->count = -1;
    if (!load_tests(j->h, j->src, j->len, j->display, j->err, j->err_cap))
        return 0;
    int t = lua_gettop(L), n = (int)luaL_len(L, t), count = 0;
    for (int i = 1; i <= n && count < j->cap; i++) {
        lua_rawgeti(L, t, i);
        ScriptTestInfo *ti = &j->out[count];
        memset(ti, 0, sizeof *ti);
        lua_getfield(L, -1, "name");
        lua_getfield(L, -2, "run");
        if (!lua_isstring(L, -2) || !lua_isfunction(L, -1)) {
            snprintf(j->err, j->err_cap, "%s: test %d needs name = \"...\" and run = function(t)", j->display, i);
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

int script_test_list(ScriptHost *h, const char *path, const char *display, ScriptTestInfo *out, int cap, char *err,
                     size_t err_cap)
{
    err[0] = '\0';
    if (h->mod_count == 0)
        return snprintf(err, err_cap, "no mods are loaded"), -1;
    size_t len;
    char *src = plat_read_file(path, 4u << 20, &len);
    if (!src)
        return snprintf(err, err_cap, "%s", plat_error()), -1;
    TestJob j = {.h = h, .src = src, .display = display, .len = len, .err = err, .err_cap = err_cap, .out = out,
                 .cap = cap, .count = -1};
    if (!script_protected(h, 0, list_body, &j, "test file") && !err[0])
        snprintf(err, err_cap, "%s: out of memory reading the tests", display);
    free(src);
    return j.count;
}

static int run_body(lua_State *L)
{
    TestJob *j = lua_touserdata(L, 1);
    ScriptHost *h = j->h;
    if (!load_tests(h, j->src, j->len, j->display, j->err, j->err_cap))
        return 0;
    int list = lua_gettop(L);
    lua_rawgeti(L, list, j->index + 1);
    lua_getfield(L, -1, "run");
    if (luaL_newmetatable(L, TEST_MT)) {
        lua_newtable(L);
        luaL_setfuncs(L, test_methods, 0);
        lua_setfield(L, -2, "__index");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
    }
    lua_pop(L, 1);
    TestHandle *th = lua_newuserdatauv(L, sizeof *th, 0);
    th->run = j->run;
    luaL_setmetatable(L, TEST_MT);
    lua_pushvalue(L, -1);
    lua_insert(L, -3); /* keep a copy of the handle below the function */
    j->ok = script_call(h, 0, 1, 0, "test");
    th->run = NULL; /* a kept `t` can no longer reach this run */
    return 0;
}

bool script_test_run(ScriptHost *h, const char *path, const char *display, int index, const ScriptTestOps *ops,
                     void *ctx, char *report, size_t report_cap)
{
    report[0] = '\0';
    if (h->mod_count == 0)
        return false;
    size_t len;
    char *src = plat_read_file(path, 4u << 20, &len);
    if (!src) {
        snprintf(report, report_cap, "%s", plat_error());
        return false;
    }
    TestRun run = {ops, ctx, 0, 0, "", 0};
    char err[512] = "";
    TestJob j = {.h = h, .src = src, .display = display, .len = len, .err = err, .err_cap = sizeof err,
                 .index = index, .run = &run};
    ScriptScope scope;
    script_begin(h, &scope, ops->state(ctx), NULL, "test", false);
    int errors_before = h->errors_total;
    bool ok = script_protected(h, 0, run_body, &j, "test") && j.ok;
    script_end(h, &scope);
    free(src);
    if (err[0]) {
        snprintf(report, report_cap, "%s", err);
        return false;
    }
    if (!ok || h->errors_total > errors_before) {
        const ScriptError *e = script_error_at(h, script_error_count(h) - 1);
        snprintf(report, report_cap, "%s%s%s%s:%d: %s", run.report, run.used ? "; " : "",
                 ok ? "script error during the run: " : "", e ? e->file : display, e ? e->line : 0,
                 e ? e->message : "error");
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
