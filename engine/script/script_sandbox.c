/* script_sandbox.c — a mod's Lua state: the capped allocator, the library
 * whitelist and the per-file environments.
 *
 * Whitelist (checked against Lua 5.4): base functions that cannot reach
 * outside the state; string (without dump), table, math (random replaced by
 * the engine's deterministic stream), utf8, coroutine. Never io, os, debug,
 * package, dofile, loadfile. `load` takes text only and runs it in the
 * caller's environment. The string metatable is locked. setmetatable sets
 * a checked copy of the metatable's metamethods (see l_setmetatable).
 * Library functions whose work in C the instruction count cannot see are
 * replaced by script_limits.c; growth of memory inside a call is charged to
 * the call's budget too (one instruction per 64 bytes). */
#include "script_internal.h"

#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

/* Headroom for the host's own pushes between protected calls. */
#define SCRIPT_MEM_MARGIN (1u << 20)

static const char k_host_key = 'h';   /* registry: light userdata ScriptHost* */
static const char k_mod_key = 'm';    /* registry: integer mod index */
static const char k_proto_key = 'p';  /* registry: table of whitelisted globals */
static const char k_libs_key = 'l';   /* registry: the proto's libraries -> their proxies' metatable */
static const char k_glmeta_key = 'g'; /* registry: metatable of the read-only `gl` proxies */
static const char k_snap_key = 's';   /* registry: weak map, a script's metatable -> its snapshot */
static const char k_own_key = 'o';    /* registry: weak set of snapshots a script may replace */

/* ==== Allocator ==== */

/* The cap on all mods together (ScriptHostDesc.total_mem_cap_bytes). */
static size_t total_cap(const ScriptHost *h)
{
    return h->desc.total_mem_cap_bytes ? h->desc.total_mem_cap_bytes : SCRIPT_DEFAULT_TOTAL_MEM;
}

static void *sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    ScriptMem *m = ud;
    ScriptHost *h = m->host;
    size_t old = ptr ? osize : 0; /* when ptr is NULL, osize is a type tag */
    if (nsize == 0) {
        if (script_pool_owns(&m->pool, ptr))
            script_pool_free(&m->pool, ptr, old);
        else
            free(ptr);
        m->used -= old;
        if (h)
            h->mem_total -= old;
        return NULL;
    }
    if (nsize > old) { /* Lua assumes shrinking never fails, so only growth is refused */
        size_t margin = m->in_call ? 0 : SCRIPT_MEM_MARGIN;
        size_t limit = m->cap + margin;
        if (nsize > limit || m->used - old > limit - nsize) /* no overflow for any nsize */
            return m->refused++, NULL;
        size_t all = h ? total_cap(h) + margin : 0;
        if (h && (nsize > all || h->mem_total - old > all - nsize)) {
            m->refused_total = true;
            return m->refused++, NULL;
        }
        if (m->fail_after > 0 && ++m->allocs >= m->fail_after)
            return NULL;
        /* Growth costs budget, so that a loop of large copies (s .. s) stops
         * as soon as a loop of instructions would. Refusing once the budget
         * is spent turns it into an error at once; the hook then reports the
         * limit. */
        if (h && h->budget_active) {
            h->budget_left -= (int64_t)((nsize - old) >> 6);
            if (h->budget_left <= 0 && h->limit_hit == SCRIPT_LIMIT_NONE)
                return m->refused++, NULL;
        }
    }
    void *p;
    if (script_pool_owns(&m->pool, ptr))
        p = script_pool_realloc(&m->pool, ptr, old, nsize);
    else if (!ptr && nsize <= SCRIPT_POOL_SMALL) {
        p = script_pool_alloc(&m->pool, nsize);
        if (!p)
            p = malloc(nsize);
    } else
        p = realloc(ptr, nsize);
    if (!p)
        return NULL;
    m->used = m->used - old + nsize;
    if (h)
        h->mem_total = h->mem_total - old + nsize;
    if (m->used > m->peak)
        m->peak = m->used;
    return p;
}

static int on_panic(lua_State *L)
{
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "greatleap: unprotected Lua error (engine bug): %s\n", msg ? msg : "?");
    abort();
}

/* The host and the mod come from the allocator's userdata, the mod's
 * ScriptMem (no registry look-up: the hook and every view ask, thousands
 * of times a month). */
ScriptHost *script_host_of(lua_State *L)
{
    void *ud;
    lua_getallocf(L, &ud);
    return ((ScriptMem *)ud)->host;
}

int script_mod_index_of(lua_State *L)
{
    void *ud;
    lua_getallocf(L, &ud);
    const ScriptMod *m = (const ScriptMod *)(void *)((char *)ud - offsetof(ScriptMod, mem));
    return (int)(m - ((ScriptMem *)ud)->host->mods);
}

/* ==== Replaced base functions ==== */

#define PRINT_MAX_BYTES 1024 /* one log line */

/* print(...) goes to the host's log, tagged with the mod: at most
 * PRINT_MAX_BYTES a line and a hundred lines a call, so that a script
 * cannot flood the log. */
static int l_print(lua_State *L)
{
    ScriptHost *h = script_host_of(L);
    int n = lua_gettop(L); /* before luaL_buffinit, which pushes a placeholder */
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 1; i <= n; i++) {
        if (i > 1)
            luaL_addchar(&b, '\t');
        luaL_tolstring(L, i, NULL);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    size_t len;
    const char *line = lua_tolstring(L, -1, &len);
    if (len > PRINT_MAX_BYTES) {
        lua_pushfstring(L, "%s... (%d more bytes)", lua_pushlstring(L, line, PRINT_MAX_BYTES),
                        (int)(len - PRINT_MAX_BYTES));
        line = lua_tostring(L, -1);
    }
    const char *mod = h->mods[script_mod_index_of(L)].id;
    if (h->budget_active && h->print_lines-- <= 0) {
        if (h->print_lines == -1 && h->desc.on_log)
            h->desc.on_log(mod, "(more print output from this call was dropped)", h->desc.user);
        return 0;
    }
    if (h->desc.on_log)
        h->desc.on_log(mod, line, h->desc.user);
    return 0;
}

static bool is_metakey(lua_State *L, int idx)
{
    return lua_type(L, idx) == LUA_TSTRING && strncmp(lua_tostring(L, idx), "__", 2) == 0;
}

/* Whether the snapshot at `snap` holds exactly the metamethods of `mt`
 * (plus __metatable = mt when `mt` has none of its own). Adds the keys it
 * looked at to *walked. */
static bool snapshot_matches(lua_State *L, int mt, int snap, int64_t *walked)
{
    int n = 0, m = 0;
    lua_pushnil(L);
    while (lua_next(L, mt) != 0) { /* k v */
        ++*walked;
        if (is_metakey(L, -2)) {
            n++;
            lua_pushvalue(L, -2);
            lua_rawget(L, snap); /* k v v' */
            bool same = lua_rawequal(L, -1, -2);
            lua_pop(L, 1);
            if (!same) {
                lua_pop(L, 2);
                return false;
            }
        }
        lua_pop(L, 1);
    }
    lua_pushnil(L);
    while (lua_next(L, snap) != 0) {
        m++;
        lua_pop(L, 1);
    }
    lua_pushliteral(L, "__metatable");
    bool own = lua_rawget(L, mt) != LUA_TNIL;
    lua_pop(L, 1);
    return m == n + (own ? 0 : 1);
}

/* Pushes the snapshot of metatable `mt`: its metamethods (string keys
 * starting with "__") copied into a table scripts never see, with
 * __metatable = mt so that getmetatable still gives `mt`. Checked here: no
 * __gc (finalizers would run outside any budget) and __call only a
 * function (a chain of callable tables makes Lua loop in C, quadratically,
 * where no hook can stop it). As the copy is fixed, changing a metamethod
 * of `mt` later does not change objects that already have it: call
 * setmetatable again. One snapshot is shared while `mt` does not change.
 * Weak-key tables are refused: they are ephemerons, and Lua clears a chain
 * of them in time quadratic in its length inside one atomic step of the
 * collector, where no hook runs (100,000 links: a minute). Weak values, or
 * weak keys with weak values, are cleared in linear time. */
static void push_snapshot(lua_State *L, int mt)
{
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, mt) != LUA_TNIL)
        luaL_error(L, "setmetatable: __gc metamethods are not allowed in scripts");
    lua_pushliteral(L, "__call");
    int call = lua_rawget(L, mt);
    if (call != LUA_TNIL && call != LUA_TFUNCTION)
        luaL_error(L, "setmetatable: __call must be a function in scripts");
    lua_pushliteral(L, "__mode");
    if (lua_rawget(L, mt) == LUA_TSTRING && strchr(lua_tostring(L, -1), 'k') && !strchr(lua_tostring(L, -1), 'v'))
        luaL_error(L, "setmetatable: weak-key tables (__mode = \"k\") are not allowed in scripts: the collector "
                      "can take time quadratic in their size to clear them; __mode = \"v\" or \"kv\" are allowed");
    lua_pop(L, 3);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &k_snap_key); /* cache */
    int cache = lua_gettop(L);
    lua_pushvalue(L, mt);
    int64_t walked = 0; /* a class table can be large: the walk is paid for */
    bool same = lua_rawget(L, cache) == LUA_TTABLE && snapshot_matches(L, mt, lua_gettop(L), &walked);
    script_charge(L, walked / 4);
    if (same) {
        lua_remove(L, cache);
        return;
    }
    lua_pop(L, 1);
    lua_newtable(L); /* cache snap */
    int snap = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, mt) != 0) {
        walked++;
        if (is_metakey(L, -2)) {
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, snap);
        } else {
            lua_pop(L, 1);
        }
    }
    lua_pushliteral(L, "__metatable");
    if (lua_rawget(L, snap) == LUA_TNIL) {
        lua_pushvalue(L, mt);
        lua_setfield(L, snap, "__metatable");
        lua_rawgetp(L, LUA_REGISTRYINDEX, &k_own_key);
        lua_pushvalue(L, snap);
        lua_pushboolean(L, 1);
        lua_rawset(L, -3);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    lua_pushvalue(L, mt);
    lua_pushvalue(L, snap);
    lua_rawset(L, cache);
    lua_remove(L, cache);
    script_charge(L, walked / 4);
}

/* A file's string, table, math, utf8 and coroutine are its own, so that one
 * file cannot change string.format for another. Copying five libraries for
 * each of a game's hundred files was a seventh of loading, and few files
 * ever change one; so a file gets an empty table that reads through to the
 * library, and becomes a full copy (lib_own) the first time the file writes
 * to it, asks for its pairs or sets its metatable. Until then only rawget
 * and next see it empty; getmetatable gives false. */
static void lib_proxy(lua_State *L, int mt)
{
    lua_newtable(L);
    lua_pushvalue(L, mt);
    lua_setmetatable(L, -2);
}

/* Makes the proxy at `t` a copy of `lib`: what the file stored raw stays. */
static void lib_own(lua_State *L, int t, int lib)
{
    lua_pushnil(L);
    while (lua_next(L, lib) != 0) {
        lua_pushvalue(L, -2);
        if (lua_rawget(L, t) == LUA_TNIL) {
            lua_pop(L, 1);
            lua_pushvalue(L, -2);
            lua_insert(L, -2);
            lua_rawset(L, t);
        } else
            lua_pop(L, 2);
    }
    lua_pushnil(L);
    lua_setmetatable(L, t);
}

/* __newindex(t, k, v) of a proxy, the library as upvalue 1. */
static int lib_newindex(lua_State *L)
{
    lua_settop(L, 3);
    lib_own(L, 1, lua_upvalueindex(1));
    lua_rawset(L, 1);
    return 0;
}

/* __pairs(t) of a proxy: the library and `next` as upvalues. */
static int lib_pairs(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lib_own(L, 1, lua_upvalueindex(1));
    lua_pushvalue(L, lua_upvalueindex(2)); /* next */
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

static int l_setmetatable(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, lua_isnoneornil(L, 2) || lua_istable(L, 2), 2, "nil or table");
    lua_settop(L, 2);
    if (lua_getmetatable(L, 1)) { /* t mt old */
        /* A file's library, not yet its own copy: its metatable's
         * __newindex is lib_newindex, and the library its __index. */
        lua_pushliteral(L, "__newindex");
        if (lua_rawget(L, 3) == LUA_TFUNCTION && lua_tocfunction(L, -1) == lib_newindex) {
            lua_pushliteral(L, "__index");
            lua_rawget(L, 3);
            lib_own(L, 1, lua_gettop(L));
        }
        lua_settop(L, 2);
    }
    if (lua_getmetatable(L, 1)) { /* t mt old */
        lua_rawgetp(L, LUA_REGISTRYINDEX, &k_own_key);
        lua_pushvalue(L, 3);
        bool ours = lua_rawget(L, -2) != LUA_TNIL;
        lua_pushliteral(L, "__metatable");
        if (lua_rawget(L, 3) != LUA_TNIL && !ours)
            return luaL_error(L, "cannot change a protected metatable");
        lua_settop(L, 2);
    }
    if (!lua_isnil(L, 2)) {
        push_snapshot(L, 2);
        lua_replace(L, 2);
    }
    lua_setmetatable(L, 1);
    return 1;
}

/* load(chunk [, chunkname [, mode [, env]]]): text only; without env, the
 * chunk runs in the environment of the file that defined this load. */
static int l_load(lua_State *L)
{
    size_t len;
    const char *code = lua_tolstring(L, 1, &len);
    if (!code || lua_type(L, 1) != LUA_TSTRING)
        return luaL_error(L, "load: only a string of Lua text can be loaded in a script");
    const char *mode = luaL_optstring(L, 3, "t");
    if (strcmp(mode, "t") != 0)
        return luaL_error(L, "load: binary chunks are not allowed (mode must be \"t\")");
    script_charge(L, (int64_t)(len >> 5)); /* the parser's work */
    char name[128];
    snprintf(name, sizeof name, "=(load:%s)", luaL_optstring(L, 2, "chunk"));
    if (!lua_isnoneornil(L, 4))
        lua_pushvalue(L, 4);
    else
        lua_pushvalue(L, lua_upvalueindex(1));
    int st = script_sandbox_load(L, code, len, name);
    if (st != LUA_OK) {
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2; /* nil, message */
    }
    return 1;
}

static int l_collectgarbage(lua_State *L)
{
    const char *opt = luaL_optstring(L, 1, "collect");
    if (strcmp(opt, "count") == 0) {
        lua_pushnumber(L, (lua_Number)lua_gc(L, LUA_GCCOUNT) + lua_gc(L, LUA_GCCOUNTB) / 1024.0);
        return 1;
    }
    if (strcmp(opt, "collect") == 0 || strcmp(opt, "step") == 0) {
        script_charge(L, (int64_t)lua_gc(L, LUA_GCCOUNT) * 64); /* a full collection walks the heap */
        lua_gc(L, LUA_GCCOLLECT);
        lua_pushinteger(L, 0);
        return 1;
    }
    return luaL_error(L, "collectgarbage(\"%s\") is not available in scripts", opt);
}

/* math.random with Lua's signature over the engine's deterministic stream. */
static int l_random(lua_State *L)
{
    ScriptHost *h = script_host_of(L);
    if (!h->rng)
        return luaL_error(L, "math.random is only available while the game runs a script");
    double u = core_rng_unit(h->rng);
    lua_Integer lo, hi;
    switch (lua_gettop(L)) {
    case 0: lua_pushnumber(L, u); return 1;
    case 1: lo = 1; hi = luaL_checkinteger(L, 1); break;
    case 2: lo = luaL_checkinteger(L, 1); hi = luaL_checkinteger(L, 2); break;
    default: return luaL_error(L, "wrong number of arguments");
    }
    luaL_argcheck(L, lo <= hi, lua_gettop(L), "interval is empty");
    /* In unsigned arithmetic: hi - lo can exceed the integer range, and a
     * double beyond it must not be converted (undefined behaviour). */
    lua_Unsigned span = (lua_Unsigned)hi - (lua_Unsigned)lo;
    double x = u * ((double)span + 1.0);
    lua_Unsigned off = x >= (double)span ? span : (lua_Unsigned)x;
    lua_pushinteger(L, (lua_Integer)((lua_Unsigned)lo + off));
    return 1;
}

static int l_randomseed(lua_State *L)
{
    return luaL_error(L, "math.randomseed is not available: the engine seeds the game's random numbers");
}

static int l_readonly(lua_State *L)
{
    return luaL_error(L, "this table is read-only");
}

static int l_forbidden(lua_State *L)
{
    return luaL_error(L, "%s is not available in scripts", lua_tostring(L, lua_upvalueindex(1)));
}

/* __index of a forbidden library: io.open -> "io.open is not available". */
static int l_forbidden_lib(lua_State *L)
{
    const char *lib = lua_tostring(L, lua_upvalueindex(1));
    const char *key = lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?";
    return luaL_error(L, "%s.%s is not available in scripts: mods cannot touch files, the system or the debugger",
                      lib, key);
}

/* ==== Building the whitelist ==== */

static const char *const base_whitelist[] = {
    "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall", "rawequal", "rawget",
    "rawlen", "rawset", "select", "tonumber", "tostring", "type", "xpcall", "_VERSION", NULL};
static const char *const libs[] = {"string", "table", "math", "utf8", "coroutine", NULL};
static const char *const forbidden[] = {"dofile", "loadfile", "require", NULL};
static const char *const forbidden_libs[] = {"io", "os", "debug", "package", NULL};

/* Everything that builds the state, run protected: any allocation here can fail. */
static int open_state(lua_State *L)
{
    void *host = lua_touserdata(L, 1);
    lua_Integer mod = lua_tointeger(L, 2);
    lua_settop(L, 0);
    lua_pushlightuserdata(L, host);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &k_host_key);
    lua_pushinteger(L, mod);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &k_mod_key);
    /* Generational collection: a mod's state is mostly its declarations,
     * which live as long as it does, and each call adds short-lived views,
     * fx and argument tables. The incremental collector went over all the
     * declarations in every cycle: with a thousand events, the month a
     * cycle's sweep fell in took a tenth longer (bench_hooks' worst month). */
    lua_gc(L, LUA_GCGEN, 0, 0);
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
    lua_settop(L, 0);

    /* string.dump would hand out bytecode; remove it from the one string
     * table that string values reach through their metatable. */
    lua_getglobal(L, "string");
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
    lua_pop(L, 1);
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable"); /* getmetatable("") gives false */
    lua_pop(L, 2);

    lua_getglobal(L, "math");
    lua_pushcfunction(L, l_random);
    lua_setfield(L, -2, "random");
    lua_pushcfunction(L, l_randomseed);
    lua_setfield(L, -2, "randomseed");
    lua_pop(L, 1);
    script_limits_open(L);

    /* setmetatable's snapshots. Weak in keys and values ("kv"), never in
     * keys alone: a snapshot holds what its metatable held when it was
     * taken, so weak keys would make these caches ephemeron tables that a
     * script could chain (a metamethod that is the only way to another
     * metatable, then removed from the metatable) for a collection of
     * quadratic time. A snapshot no object uses any more is simply taken
     * again. */
    for (int i = 0; i < 2; i++) {
        lua_newtable(L);
        lua_newtable(L);
        lua_pushliteral(L, "kv");
        lua_setfield(L, -2, "__mode");
        lua_setmetatable(L, -2);
        lua_rawsetp(L, LUA_REGISTRYINDEX, i == 0 ? (const void *)&k_snap_key : (const void *)&k_own_key);
    }

    /* The prototype every file environment is copied from. */
    lua_newtable(L);
    for (int i = 0; base_whitelist[i]; i++) {
        lua_getglobal(L, base_whitelist[i]);
        lua_setfield(L, -2, base_whitelist[i]);
    }
    for (int i = 0; libs[i]; i++) {
        lua_getglobal(L, libs[i]);
        lua_setfield(L, -2, libs[i]);
    }
    lua_pushcfunction(L, l_print);
    lua_setfield(L, -2, "print");
    lua_pushcfunction(L, l_setmetatable);
    lua_setfield(L, -2, "setmetatable");
    lua_pushcfunction(L, l_collectgarbage);
    lua_setfield(L, -2, "collectgarbage");
    for (int i = 0; forbidden[i]; i++) {
        lua_pushstring(L, forbidden[i]);
        lua_pushcclosure(L, l_forbidden, 1);
        lua_setfield(L, -2, forbidden[i]);
    }
    for (int i = 0; forbidden_libs[i]; i++) {
        lua_newtable(L);
        lua_newtable(L);
        lua_pushstring(L, forbidden_libs[i]);
        lua_pushcclosure(L, l_forbidden_lib, 1);
        lua_setfield(L, -2, "__index");
        lua_pushcfunction(L, l_readonly);
        lua_setfield(L, -2, "__newindex");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
        lua_setmetatable(L, -2);
        lua_setfield(L, -2, forbidden_libs[i]);
    }
    /* Each library's metatable for the environments' copies (lib_proxy). */
    lua_newtable(L); /* library -> metatable */
    for (int i = 0; libs[i]; i++) {
        lua_getfield(L, -2, libs[i]); /* proto by_lib lib */
        lua_createtable(L, 0, 4);
        lua_pushvalue(L, -2);
        lua_setfield(L, -2, "__index");
        lua_pushvalue(L, -2);
        lua_pushcclosure(L, lib_newindex, 1);
        lua_setfield(L, -2, "__newindex");
        lua_pushvalue(L, -2);
        lua_getglobal(L, "next");
        lua_pushcclosure(L, lib_pairs, 2);
        lua_setfield(L, -2, "__pairs");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable"); /* proto by_lib lib mt */
        lua_rawset(L, -3);                  /* by_lib[lib] = mt */
    }
    lua_rawsetp(L, LUA_REGISTRYINDEX, &k_libs_key);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &k_proto_key);

    /* `gl` is the API table; each environment sees it through its own
     * read-only proxy. */
    lua_newtable(L);               /* metatable */
    script_bind_open(L);           /* pushes the API table */
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, l_readonly);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_rawsetp(L, LUA_REGISTRYINDEX, &k_glmeta_key);

    /* Nothing in the real globals is reachable from scripts, but clear the
     * dangerous ones anyway so a future mistake cannot expose them. */
    for (int i = 0; forbidden[i]; i++) {
        lua_pushnil(L);
        lua_setglobal(L, forbidden[i]);
    }
    for (int i = 0; forbidden_libs[i]; i++) {
        lua_pushnil(L);
        lua_setglobal(L, forbidden_libs[i]);
    }
    lua_pushnil(L);
    lua_setglobal(L, "load");
    return 0;
}

bool script_sandbox_open(ScriptHost *h, ScriptMod *m)
{
    m->mem.cap = h->desc.mem_cap_bytes ? h->desc.mem_cap_bytes : (size_t)64 << 20;
    m->mem.fail_after = h->desc.alloc_fail_after;
    m->mem.host = h;
    script_pool_open(&m->mem.pool); /* without it, every block comes from the heap */
    lua_State *L = lua_newstate(sandbox_alloc, &m->mem);
    if (!L) {
        script_pool_close(&m->mem.pool);
        return false;
    }
    /* Lua leaves the main thread's extra space uninitialised, and every new
     * thread copies it: it holds script_call.c's "stopped" mark. */
    memset(lua_getextraspace(L), 0, LUA_EXTRASPACE);
    lua_atpanic(L, on_panic);
    lua_pushcfunction(L, open_state);
    lua_pushlightuserdata(L, h);
    lua_pushinteger(L, (lua_Integer)(m - h->mods));
    if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
        lua_close(L);
        script_pool_close(&m->mem.pool);
        return false;
    }
    m->L = L;
    return true;
}

void script_sandbox_set_global(lua_State *L, const char *name)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &k_proto_key); /* value proto */
    lua_insert(L, -2);                                /* proto value */
    lua_setfield(L, -2, name);                        /* proto */
    lua_pop(L, 1);
}

/* Room for the prototype's globals and the three added below: the table is
 * made at its final size, not grown a slot at a time. */
#define ENV_SLOTS 64

void script_sandbox_push_env(lua_State *L)
{
    lua_createtable(L, 0, ENV_SLOTS);
    int env = lua_gettop(L);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &k_proto_key);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &k_libs_key);
    int proto = env + 1, lib_metas = env + 2;
    lua_pushnil(L);
    while (lua_next(L, proto) != 0) {
        /* key at -2, value at -1; a library becomes the file's own */
        if (lua_type(L, -1) == LUA_TTABLE) {
            lua_pushvalue(L, -1);
            if (lua_rawget(L, lib_metas) == LUA_TTABLE) {
                lib_proxy(L, lua_gettop(L));
                lua_replace(L, -3);
            }
            lua_pop(L, 1);
        }
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, env);
    }
    lua_pop(L, 2); /* proto, lib_metas */
    lua_newtable(L);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &k_glmeta_key);
    lua_setmetatable(L, -2);
    lua_setfield(L, env, "gl");
    lua_pushvalue(L, env);
    lua_pushcclosure(L, l_load, 1);
    lua_setfield(L, env, "load");
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");
}

int script_sandbox_load(lua_State *L, const char *code, size_t len, const char *chunk_name)
{
    /* env is on top; it becomes the chunk's _ENV (first upvalue). A file
     * ("@path") may come from the process's compiled copy; a string (`load`,
     * the console) is compiled each time, so that no script can fill that
     * store. */
    int st = chunk_name[0] == '@' ? script_chunk_load(L, code, len, chunk_name)
                                  : luaL_loadbufferx(L, code, len, chunk_name, "t");
    if (st != LUA_OK) {
        lua_remove(L, -2); /* env */
        return st;
    }
    lua_insert(L, -2);
    lua_setupvalue(L, -2, 1);
    return LUA_OK;
}
