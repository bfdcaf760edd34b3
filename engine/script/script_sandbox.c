/* script_sandbox.c — a mod's Lua state: the capped allocator, the library
 * whitelist and the per-file environments.
 *
 * Whitelist (checked against Lua 5.4): base functions that cannot reach
 * outside the state; string (without dump), table, math (random replaced by
 * the engine's deterministic stream), utf8, coroutine. Never io, os, debug,
 * package, dofile, loadfile. `load` takes text only and runs it in the
 * caller's environment. setmetatable refuses __gc, whose finalizers would
 * run outside any budget. The string metatable is locked. */
#include "script_internal.h"

#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Headroom for the host's own pushes between protected calls. */
#define SCRIPT_MEM_MARGIN (1u << 20)

static const char k_host_key = 'h';   /* registry: light userdata ScriptHost* */
static const char k_mod_key = 'm';    /* registry: integer mod index */
static const char k_proto_key = 'p';  /* registry: table of whitelisted globals */
static const char k_glmeta_key = 'g'; /* registry: metatable of the read-only `gl` proxies */

/* ==== Allocator ==== */

static void *sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    ScriptMem *m = ud;
    size_t old = ptr ? osize : 0; /* when ptr is NULL, osize is a type tag */
    if (nsize == 0) {
        free(ptr);
        m->used -= old;
        return NULL;
    }
    if (nsize > old) { /* Lua assumes shrinking never fails, so only growth is refused */
        if (m->used - old + nsize > m->cap + (m->in_call ? 0 : SCRIPT_MEM_MARGIN))
            return NULL;
        if (m->fail_after > 0 && ++m->allocs >= m->fail_after)
            return NULL;
    }
    void *p = realloc(ptr, nsize);
    if (!p)
        return NULL;
    m->used = m->used - old + nsize;
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

ScriptHost *script_host_of(lua_State *L)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &k_host_key);
    ScriptHost *h = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return h;
}

int script_mod_index_of(lua_State *L)
{
    lua_rawgetp(L, LUA_REGISTRYINDEX, &k_mod_key);
    int i = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    return i;
}

/* ==== Replaced base functions ==== */

/* print(...) goes to the host's log, tagged with the mod. */
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
    if (h->desc.on_log)
        h->desc.on_log(h->mods[script_mod_index_of(L)].id, lua_tostring(L, -1), h->desc.user);
    return 0;
}

static int l_setmetatable(lua_State *L)
{
    if (lua_type(L, 2) == LUA_TTABLE) {
        lua_getfield(L, 2, "__gc");
        if (!lua_isnil(L, -1))
            return luaL_error(L, "setmetatable: __gc metamethods are not allowed in scripts");
        lua_pop(L, 1);
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, lua_isnoneornil(L, 2) || lua_istable(L, 2), 2, "nil or table");
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    lua_settop(L, 2);
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
    double span = (double)hi - (double)lo + 1.0;
    lua_Integer r = lo + (lua_Integer)(u * span);
    lua_pushinteger(L, r > hi ? hi : r);
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
    lua_State *L = lua_newstate(sandbox_alloc, &m->mem);
    if (!L)
        return false;
    lua_atpanic(L, on_panic);
    lua_pushcfunction(L, open_state);
    lua_pushlightuserdata(L, h);
    lua_pushinteger(L, (lua_Integer)(m - h->mods));
    if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
        lua_close(L);
        return false;
    }
    m->L = L;
    return true;
}

/* A shallow copy of the library table at the top, so one file cannot change
 * string.format for another. */
static void copy_table(lua_State *L, int src)
{
    lua_newtable(L);
    lua_pushnil(L);
    while (lua_next(L, src) != 0) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_settable(L, -4);
    }
}

void script_sandbox_push_env(lua_State *L)
{
    lua_newtable(L);
    int env = lua_gettop(L);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &k_proto_key);
    int proto = env + 1;
    lua_pushnil(L);
    while (lua_next(L, proto) != 0) {
        /* key at -2, value at -1 */
        bool is_lib = false;
        if (lua_type(L, -2) == LUA_TSTRING)
            for (int i = 0; libs[i]; i++)
                if (strcmp(lua_tostring(L, -2), libs[i]) == 0)
                    is_lib = true;
        if (is_lib) {
            copy_table(L, lua_gettop(L));
            lua_remove(L, -2);
        }
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, env);
    }
    lua_pop(L, 1); /* proto */
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
    /* env is on top; it becomes the chunk's _ENV (first upvalue). */
    int st = luaL_loadbufferx(L, code, len, chunk_name, "t");
    if (st != LUA_OK) {
        lua_remove(L, -2); /* env */
        return st;
    }
    lua_insert(L, -2);
    lua_setupvalue(L, -2, 1);
    return LUA_OK;
}
