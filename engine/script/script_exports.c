/* script_exports.c — mods that talk to each other. A mod's exports.lua
 * returns a table; a mod that lists it in its dependencies gets it with
 * import("id"). Every mod has its own Lua state, so nothing is shared:
 * data is copied when imported, and an exported function is called through
 * a bridge that copies the arguments into the exporting mod's state, runs
 * the function there (a protected call, within its limits, costed to it),
 * and copies the results back. The views s, p and fx cross as views of the
 * same state; functions and other userdata do not cross.
 *
 * A copy goes through C memory (XValue), so that each Lua state is only
 * ever written inside a protected call of its own: a memory error in one
 * state never unwinds through another's C frames. */
#include "script_internal.h"

#include "platform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 32
#define MAX_NODES 100000
#define MAX_BYTES ((size_t)16 << 20)
#define MAX_RESULTS 8

static const char k_exports_key = 'x'; /* registry: the table exports.lua returned */

/* ==== Values in C memory ==== */

typedef enum XType { X_NIL, X_BOOL, X_INT, X_NUM, X_STR, X_TABLE, X_VIEW } XType;

typedef struct XValue {
    XType type;
    bool b;
    lua_Integer i;
    double n;
    char *s;                 /* X_STR (len bytes), malloc'd */
    size_t len;
    int count;               /* X_TABLE: pairs */
    struct XValue *keys, *vals;
    int view, province;      /* X_VIEW: SCRIPT_VIEW_* and its province */
} XValue;

typedef struct XCopy {
    int nodes;
    size_t bytes;
    char err[200];
} XCopy;

static void x_free(XValue *v)
{
    if (v->type == X_STR)
        free(v->s);
    if (v->type == X_TABLE) {
        for (int i = 0; i < v->count; i++) {
            x_free(&v->keys[i]);
            x_free(&v->vals[i]);
        }
        free(v->keys);
        free(v->vals);
    }
    memset(v, 0, sizeof *v);
}

/* Reads the value at idx of L into v (raw access only: no metamethod runs,
 * nothing is allocated in L). False with the reason in x->err. */
static bool x_read(lua_State *L, int idx, XValue *v, XCopy *x, int depth, const char *path)
{
    idx = lua_absindex(L, idx);
    memset(v, 0, sizeof *v);
    if (++x->nodes > MAX_NODES)
        return snprintf(x->err, sizeof x->err, "more than %d values to copy", MAX_NODES), false;
    switch (lua_type(L, idx)) {
    case LUA_TNIL: v->type = X_NIL; return true;
    case LUA_TBOOLEAN: v->type = X_BOOL; v->b = lua_toboolean(L, idx); return true;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx))
            v->type = X_INT, v->i = lua_tointeger(L, idx);
        else
            v->type = X_NUM, v->n = lua_tonumber(L, idx);
        return true;
    case LUA_TSTRING: {
        const char *s = lua_tolstring(L, idx, &v->len);
        if ((x->bytes += v->len) > MAX_BYTES)
            return snprintf(x->err, sizeof x->err, "more than %zu MiB to copy", MAX_BYTES >> 20), false;
        if (!(v->s = malloc(v->len + 1)))
            return snprintf(x->err, sizeof x->err, "out of memory"), false;
        memcpy(v->s, s, v->len + 1);
        v->type = X_STR;
        return true;
    }
    case LUA_TUSERDATA:
        if (script_view_read(L, idx, &v->view, &v->province)) {
            v->type = X_VIEW;
            return true;
        }
        return snprintf(x->err, sizeof x->err, "%s is a %s: only plain data and the views s, p and fx can cross "
                                               "between mods", path, luaL_typename(L, idx)),
               false;
    case LUA_TTABLE: {
        if (depth >= MAX_DEPTH)
            return snprintf(x->err, sizeof x->err, "%s is nested deeper than %d tables (or holds itself)", path,
                            MAX_DEPTH),
                   false;
        v->type = X_TABLE;
        int cap = 0;
        lua_pushnil(L);
        while (lua_next(L, idx) != 0) {
            if (v->count == cap) {
                cap = cap ? cap * 2 : 8;
                XValue *k = realloc(v->keys, sizeof *k * (size_t)cap), *w = k ? realloc(v->vals, sizeof *w * (size_t)cap)
                                                                              : NULL;
                if (k)
                    v->keys = k;
                if (!k || !w) {
                    lua_pop(L, 2);
                    return snprintf(x->err, sizeof x->err, "out of memory"), false;
                }
                v->vals = w;
            }
            char sub[160];
            if (lua_type(L, -2) == LUA_TSTRING)
                snprintf(sub, sizeof sub, "%s.%s", path, lua_tostring(L, -2));
            else
                snprintf(sub, sizeof sub, "%s[...]", path);
            int at = v->count++;
            memset(&v->vals[at], 0, sizeof v->vals[at]);
            if (!x_read(L, -2, &v->keys[at], x, depth + 1, sub) || !x_read(L, -1, &v->vals[at], x, depth + 1, sub)) {
                lua_pop(L, 2);
                return false;
            }
            lua_pop(L, 1);
        }
        return true;
    }
    default:
        return snprintf(x->err, sizeof x->err, "%s is a %s: only plain data and the views s, p and fx can cross "
                                               "between mods", path, luaL_typename(L, idx)),
               false;
    }
}

/* Pushes v onto L (allocates in L: call where L's errors are caught). */
static void x_push(lua_State *L, const XValue *v)
{
    luaL_checkstack(L, 4, "copying between mods");
    switch (v->type) {
    case X_NIL: lua_pushnil(L); break;
    case X_BOOL: lua_pushboolean(L, v->b); break;
    case X_INT: lua_pushinteger(L, v->i); break;
    case X_NUM: lua_pushnumber(L, v->n); break;
    case X_STR: lua_pushlstring(L, v->s, v->len); break;
    case X_VIEW: script_view_push(L, v->view, v->province); break;
    case X_TABLE:
        lua_createtable(L, 0, v->count);
        for (int i = 0; i < v->count; i++) {
            x_push(L, &v->keys[i]);
            x_push(L, &v->vals[i]);
            lua_rawset(L, -3);
        }
        break;
    }
}

/* ==== The exporting side ==== */

void script_exports_keep(lua_State *L, int t)
{
    lua_pushvalue(L, t);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &k_exports_key);
    ScriptHost *h = script_host_of(L);
    h->mods[script_mod_index_of(L)].has_exports = true;
}

/* A call into the exporting mod: its arguments in, its results out. */
typedef struct Bridge {
    ScriptHost *h;
    int mod;
    const char *name;
    XValue args[16];
    int nargs;
    XValue results[MAX_RESULTS];
    int nresults;
    bool ok;
    XCopy copy;
} Bridge;

static int bridge_body(lua_State *L2)
{
    Bridge *b = lua_touserdata(L2, 1);
    lua_rawgetp(L2, LUA_REGISTRYINDEX, &k_exports_key);
    lua_pushstring(L2, b->name);
    lua_rawget(L2, -2);
    int base = lua_gettop(L2);
    for (int i = 0; i < b->nargs; i++)
        x_push(L2, &b->args[i]);
    char context[160];
    snprintf(context, sizeof context, "export %s", b->name);
    if (!script_call(b->h, b->mod, b->nargs, LUA_MULTRET, context))
        return 0;
    int got = lua_gettop(L2) - base + 1;
    if (got > MAX_RESULTS)
        got = MAX_RESULTS;
    b->ok = true;
    for (int i = 0; i < got && b->ok; i++) {
        char path[32];
        snprintf(path, sizeof path, "result %d", i + 1);
        b->ok = x_read(L2, base + i, &b->results[i], &b->copy, 0, path);
        b->nresults = i + 1;
    }
    return 0;
}

/* C memory a call holds while it pushes into a Lua state, which may raise
 * (no memory): a userdata whose __gc frees it then. */
static const char k_guard_key = 'G';

typedef struct Guard {
    void *job;
    void (*free_job)(void *);
} Guard;

static int guard_gc(lua_State *L)
{
    Guard *g = lua_touserdata(L, 1);
    if (g && g->job) {
        g->free_job(g->job);
        g->job = NULL;
    }
    return 0;
}

/* Pushes a guard for nothing yet (may raise: nothing is held yet). */
static Guard *push_guard(lua_State *L)
{
    Guard *g = lua_newuserdatauv(L, sizeof *g, 0);
    g->job = NULL;
    g->free_job = NULL;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &k_guard_key) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_createtable(L, 0, 2);
        lua_pushcfunction(L, guard_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &k_guard_key);
    }
    lua_setmetatable(L, -2);
    return g;
}

static void bridge_free(void *p)
{
    Bridge *b = p;
    for (int i = 0; i < b->nargs; i++)
        x_free(&b->args[i]);
    for (int i = 0; i < b->nresults; i++)
        x_free(&b->results[i]);
    free(b);
}

/* The function a mod calls: upvalue 1 the exporting mod, 2 the name. */
static int bridge_call(lua_State *L)
{
    ScriptHost *h = script_host_of(L);
    int mod = (int)lua_tointeger(L, lua_upvalueindex(1));
    const char *name = lua_tostring(L, lua_upvalueindex(2));
    ScriptMod *m = &h->mods[mod];
    int nargs = lua_gettop(L);
    if (nargs > 16)
        return luaL_error(L, "%s.%s: at most 16 arguments", m->id, name);
    Guard *guard = push_guard(L);
    Bridge *b = calloc(1, sizeof *b);
    if (!b)
        return luaL_error(L, "out of memory");
    guard->job = b;
    guard->free_job = bridge_free;
    b->h = h;
    b->mod = mod;
    b->name = name;
    bool ok = true;
    for (int i = 0; i < nargs && ok; i++) {
        char path[32];
        snprintf(path, sizeof path, "argument %d", i + 1);
        ok = x_read(L, i + 1, &b->args[i], &b->copy, 0, path);
        b->nargs = i + 1;
    }
    char err[512] = "";
    int64_t used = 0;
    if (!ok)
        snprintf(err, sizeof err, "%s.%s: %s", m->id, name, b->copy.err);
    else if (m->disabled)
        snprintf(err, sizeof err, "%s.%s: mod %s is disabled for this session", m->id, name, m->id);
    else {
        int errors = h->errors_total;
        uint64_t before = m->instructions;
        bool ran = script_protected(h, mod, bridge_body, b, "export");
        /* What the export cost counts against the caller's budget too (but
         * in `perf`, for the exporting mod only). */
        used = (int64_t)(m->instructions - before);
        h->child_charged += used;
        if (!ran || !b->ok) {
            if (b->copy.err[0])
                snprintf(err, sizeof err, "%s.%s: %s", m->id, name, b->copy.err);
            else if (h->errors_total > errors)
                snprintf(err, sizeof err, "%s.%s failed: %.300s", m->id, name,
                         script_error_at(h, script_error_count(h) - 1)->message);
            else
                snprintf(err, sizeof err, "%s.%s failed", m->id, name);
        }
    }
    if (err[0])
        return luaL_error(L, "%s", err); /* the guard frees the job */
    for (int i = 0; i < b->nresults; i++)
        x_push(L, &b->results[i]);
    int n = b->nresults;
    bridge_free(b);
    guard->job = NULL;
    script_charge(L, used);
    return n;
}

/* ==== The importing side ==== */

typedef struct ImportJob {
    ScriptHost *h;
    int mod;
    XValue data;            /* the exports table, with functions as their names */
    char names[64][CORE_ID_LEN];
    int name_count;
    XCopy copy;
    bool ok;
} ImportJob;

/* Reads the exports table of a mod: functions at its top are bridged,
 * everything else is data (protected body in the exporter's state). */
static int read_exports_body(lua_State *L2)
{
    ImportJob *j = lua_touserdata(L2, 1);
    if (lua_rawgetp(L2, LUA_REGISTRYINDEX, &k_exports_key) != LUA_TTABLE) {
        j->ok = true;
        return 0;
    }
    int t = lua_gettop(L2);
    lua_newtable(L2); /* the data part */
    int data = lua_gettop(L2);
    lua_pushnil(L2);
    while (lua_next(L2, t) != 0) {
        if (lua_isfunction(L2, -1)) {
            if (lua_type(L2, -2) != LUA_TSTRING || j->name_count >= 64) {
                snprintf(j->copy.err, sizeof j->copy.err, "exports.lua: exported functions have names (at most 64)");
                return 0;
            }
            script_copy(j->names[j->name_count++], CORE_ID_LEN, lua_tostring(L2, -2));
            lua_pop(L2, 1);
            continue;
        }
        lua_pushvalue(L2, -2);
        lua_insert(L2, -2);
        lua_rawset(L2, data);
    }
    j->ok = x_read(L2, data, &j->data, &j->copy, 0, "exports");
    return 0;
}

static void import_free(void *p)
{
    ImportJob *j = p;
    x_free(&j->data);
    free(j);
}

static int l_import(lua_State *L)
{
    ScriptHost *h = script_host_of(L);
    int self = script_mod_index_of(L);
    const char *id = luaL_checkstring(L, 1);
    const ScriptManifest *mf = &h->mods[self].manifest;
    const ScriptDependency *dep = NULL;
    for (int i = 0; i < mf->dependency_count && !dep; i++)
        if (strcmp(mf->dependencies[i].id, id) == 0 && mf->dependencies[i].kind != SCRIPT_DEP_INCOMPATIBLE)
            dep = &mf->dependencies[i];
    if (!dep)
        return luaL_error(L, "import(\"%s\"): a mod imports only the mods it lists in mod.lua's dependencies "
                             "(add \"%s\" or \"? %s\")", id, id, id);
    int mod = script_mod_find(h, id);
    if (mod < 0 || mod >= self) {
        if (dep->kind == SCRIPT_DEP_OPTIONAL)
            return lua_pushnil(L), 1;
        return luaL_error(L, "import(\"%s\"): mod %s is not loaded", id, id);
    }
    if (!h->mods[mod].has_exports)
        return luaL_error(L, "import(\"%s\"): mod %s has no exports.lua", id, id);
    lua_settop(L, 1);
    Guard *guard = push_guard(L); /* slot 2 */
    ImportJob *j = calloc(1, sizeof *j);
    if (!j)
        return luaL_error(L, "out of memory");
    guard->job = j;
    guard->free_job = import_free;
    j->h = h;
    j->mod = mod;
    if (!script_protected(h, mod, read_exports_body, j, "import") || !j->ok)
        return luaL_error(L, "import(\"%s\"): %s", id, j->copy.err[0] ? j->copy.err : "cannot read its exports");
    x_push(L, &j->data); /* slot 3: the data, then a bridge for each function */
    for (int i = 0; i < j->name_count; i++) {
        lua_pushinteger(L, mod);
        lua_pushstring(L, j->names[i]);
        lua_pushcclosure(L, bridge_call, 2);
        lua_setfield(L, 3, j->names[i]);
    }
    import_free(j);
    guard->job = NULL;
    return 1;
}

void script_exports_open(lua_State *L)
{
    lua_pushcfunction(L, l_import);
    script_sandbox_set_global(L, "import");
}
