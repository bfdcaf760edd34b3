/* script_call.c — the one road into Lua (after lua.c's docall and
 * Freeciv's luascript_call): a traceback handler under the function, an
 * instruction budget through a count hook, lua_pcall, then the hook cleared
 * and any error reported with mod, context, file:line and traceback.
 * The handler lives in C; scripts cannot replace it. */
#include "script_internal.h"

#include "platform.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HOOK_STEP 1000 /* instructions between budget checks */

static int msghandler(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (!msg) /* never call __tostring here: it would run script code in the handler */
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    luaL_traceback(L, L, msg, 1);
    return 1;
}

static void budget_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    ScriptHost *h = script_host_of(L);
    h->budget_left -= HOOK_STEP;
    if (h->budget_left > 0 && !h->budget_blown)
        return;
    h->budget_blown = true;
    /* From now on every instruction fails, so a pcall in the script cannot
     * catch the error and carry on looping. */
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
    luaL_error(L, "instruction limit exceeded (%d million instructions in one call)",
               (int)((h->desc.instruction_cap ? h->desc.instruction_cap : 20000000u) / 1000000u));
}

static void copy_text(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "");
}

/* "scripts/events/x.lua:12: message" -> file, line, message. */
static bool split_location(const char *msg, char *file, size_t file_cap, int *line, const char **rest)
{
    const char *colon = strchr(msg, ':');
    while (colon) {
        char *end;
        long n = strtol(colon + 1, &end, 10);
        if (end > colon + 1 && *end == ':' && n > 0) {
            size_t len = (size_t)(colon - msg);
            if (len >= file_cap)
                len = file_cap - 1;
            memcpy(file, msg, len);
            file[len] = '\0';
            *line = (int)n;
            *rest = end[1] == ' ' ? end + 2 : end + 1;
            return true;
        }
        colon = strchr(colon + 1, ':');
    }
    return false;
}

/* The first script location in a traceback ("\n\tfile:line: in ..."). */
static void location_from_traceback(const char *tb, char *file, size_t file_cap, int *line)
{
    for (const char *p = strstr(tb, "\n\t"); p; p = strstr(p + 2, "\n\t")) {
        const char *rest;
        char f[256];
        int l;
        if (strncmp(p + 2, "[C]", 3) == 0)
            continue;
        const char *eol = strchr(p + 2, '\n');
        char linebuf[512];
        size_t n = eol ? (size_t)(eol - (p + 2)) : strlen(p + 2);
        if (n >= sizeof linebuf)
            n = sizeof linebuf - 1;
        memcpy(linebuf, p + 2, n);
        linebuf[n] = '\0';
        if (split_location(linebuf, f, sizeof f, &l, &rest)) {
            copy_text(file, file_cap, f);
            *line = l;
            return;
        }
    }
}

static void record(ScriptHost *h, const ScriptError *e)
{
    h->errors[h->errors_total % SCRIPT_MAX_ERRORS] = *e;
    h->errors_total++;
    if (h->desc.on_error)
        h->desc.on_error(e, h->desc.user);
}

static void fill_mod(const ScriptHost *h, int mod, ScriptError *e)
{
    if (mod >= 0 && mod < h->mod_count) {
        copy_text(e->mod, sizeof e->mod, h->mods[mod].id);
        copy_text(e->mod_version, sizeof e->mod_version, h->mods[mod].version);
    }
}

void script_report(ScriptHost *h, int mod, const char *context, const char *file, int line, const char *fmt, ...)
{
    ScriptError e;
    memset(&e, 0, sizeof e);
    fill_mod(h, mod, &e);
    copy_text(e.context, sizeof e.context, context);
    copy_text(e.file, sizeof e.file, file);
    e.line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    record(h, &e);
}

bool script_call(ScriptHost *h, int mod, int nargs, int nresults, const char *context)
{
    ScriptMod *m = &h->mods[mod];
    lua_State *L = m->L;
    int base = lua_gettop(L) - nargs; /* function index */
    lua_pushcfunction(L, msghandler);
    lua_insert(L, base);
    int64_t cap = (int64_t)(h->desc.instruction_cap ? h->desc.instruction_cap : 20000000u);
    /* Calls can nest (a test script advancing the game runs events in the
     * same state), so the caller's budget and hook are put back afterwards. */
    lua_Hook outer_hook = lua_gethook(L);
    int outer_mask = lua_gethookmask(L), outer_count = lua_gethookcount(L);
    int64_t outer_budget = h->budget_left;
    bool outer_blown = h->budget_blown, outer_in_call = m->mem.in_call;
    h->budget_left = cap;
    h->budget_blown = false;
    m->mem.in_call = true;
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_STEP);
    double t0 = h->call_depth++ == 0 ? plat_now_ms() : 0.0;
    int st = lua_pcall(L, nargs, nresults, base);
    if (--h->call_depth == 0)
        h->lua_ms += plat_now_ms() - t0;
    lua_sethook(L, outer_hook, outer_mask, outer_count);
    m->mem.in_call = outer_in_call;
    h->calls++;
    h->last_instructions = (uint64_t)(cap - (h->budget_left > 0 ? h->budget_left : 0));
    bool blown = h->budget_blown;
    h->budget_left = outer_budget;
    h->budget_blown = outer_blown;
    if (st == LUA_OK) {
        lua_remove(L, base);
        return true;
    }
    ScriptError e;
    memset(&e, 0, sizeof e);
    fill_mod(h, mod, &e);
    copy_text(e.context, sizeof e.context, context);
    const char *msg = lua_tostring(L, -1);
    if (st == LUA_ERRMEM) {
        /* The handler does not run for memory errors (manual 4.4.1). */
        e.out_of_memory = true;
        snprintf(e.message, sizeof e.message, "out of memory: the mod may use at most %zu MiB",
                 m->mem.cap >> 20);
    } else {
        const char *tb = msg ? strstr(msg, "\nstack traceback:") : NULL;
        size_t head = tb ? (size_t)(tb - msg) : strlen(msg ? msg : "");
        char first[512];
        snprintf(first, sizeof first, "%.*s", (int)(head < sizeof first ? head : sizeof first - 1),
                 msg ? msg : "error");
        const char *rest = first;
        if (!split_location(first, e.file, sizeof e.file, &e.line, &rest) && tb)
            location_from_traceback(tb, e.file, sizeof e.file, &e.line);
        copy_text(e.message, sizeof e.message, rest);
        if (tb)
            copy_text(e.traceback, sizeof e.traceback, tb + 1);
        e.out_of_instructions = blown;
    }
    lua_settop(L, base - 1);
    /* Give back what a failed call left behind (a runaway table, say). */
    lua_gc(L, LUA_GCCOLLECT);
    record(h, &e);
    return false;
}

bool script_run_chunk(ScriptHost *h, int mod, const char *src, size_t len, const char *chunk_name, int nresults,
                      const char *context)
{
    lua_State *L = h->mods[mod].L;
    script_sandbox_push_env(L);
    if (script_sandbox_load(L, src, len, chunk_name) != LUA_OK) {
        /* A syntax error: "file:line: message". */
        const char *msg = lua_tostring(L, -1);
        char file[256] = "";
        int line = 0;
        const char *rest = msg ? msg : "cannot load";
        if (msg && !split_location(msg, file, sizeof file, &line, &rest))
            copy_text(file, sizeof file, chunk_name + 1);
        script_report(h, mod, context, file, line, "%s", rest);
        lua_pop(L, 1);
        return false;
    }
    return script_call(h, mod, 0, nresults, context);
}

bool script_protected(ScriptHost *h, int mod, lua_CFunction fn, void *ud, const char *context)
{
    lua_State *L = h->mods[mod].L;
    int top = lua_gettop(L);
    lua_pushcfunction(L, fn);
    lua_pushlightuserdata(L, ud);
    int st = lua_pcall(L, 1, 0, 0);
    if (st == LUA_OK)
        return true;
    ScriptError e;
    memset(&e, 0, sizeof e);
    fill_mod(h, mod, &e);
    copy_text(e.context, sizeof e.context, context);
    if (st == LUA_ERRMEM) {
        e.out_of_memory = true;
        snprintf(e.message, sizeof e.message, "out of memory: the mod may use at most %zu MiB",
                 h->mods[mod].mem.cap >> 20);
    } else {
        copy_text(e.message, sizeof e.message, lua_tostring(L, -1));
    }
    lua_settop(L, top);
    lua_gc(L, LUA_GCCOLLECT);
    record(h, &e);
    return false;
}

void script_begin(ScriptHost *h, ScriptScope *saved, CoreState *s, ScriptCommands *out, const char *why,
                  bool preview)
{
    saved->state = h->state;
    saved->out = h->out;
    saved->preview = h->preview;
    saved->rng = h->rng;
    copy_text(saved->why, sizeof saved->why, h->why);
    h->state = s;
    h->out = out;
    h->preview = preview;
    h->rng = s ? &s->script_rng : NULL;
    copy_text(h->why, sizeof h->why, why);
}

void script_end(ScriptHost *h, const ScriptScope *saved)
{
    h->state = saved->state;
    h->out = saved->out;
    h->preview = saved->preview;
    h->rng = saved->rng;
    copy_text(h->why, sizeof h->why, saved->why);
    h->generation++;
}

int script_error_count(const ScriptHost *h)
{
    return h->errors_total < SCRIPT_MAX_ERRORS ? h->errors_total : SCRIPT_MAX_ERRORS;
}

const ScriptError *script_error_at(const ScriptHost *h, int i)
{
    int n = script_error_count(h);
    if (i < 0 || i >= n)
        return NULL;
    int first = h->errors_total - n;
    return &h->errors[(first + i) % SCRIPT_MAX_ERRORS];
}

uint64_t script_last_instructions(const ScriptHost *h) { return h->last_instructions; }
uint64_t script_call_count(const ScriptHost *h) { return h->calls; }
double script_time_ms(const ScriptHost *h) { return h->lua_ms; }
