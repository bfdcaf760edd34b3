/* script_limits.c — library functions whose work in C the instruction
 * count cannot see, made to pay for it. Lua's count hook fires only between
 * VM instructions, so a single call of string.find with a backtracking
 * pattern ("a?a?...aaa"), of string.rep("", 2^40) or of table.move over
 * 2^40 slots would run for hours inside one instruction. Here:
 *
 *  - string.find, match, gmatch and gsub run on a pattern matcher of our
 *    own (script_pattern.c) that charges every step to the call's budget;
 *  - string.rep refuses a result larger than the mod's memory, never loops
 *    over empty pieces, and pays for the bytes it writes;
 *  - table.insert, remove and sort are ours (sort is a heapsort: no
 *    quadratic case, deterministic for equal elements) and pay per element;
 *    table.move, unpack and concat pay for their range before they run;
 *  - functions that walk a whole string pay for its length;
 *  - coroutine.close may not nest deeper than MAX_CLOSE_DEPTH: a __close
 *    handler closing another suspended coroutine, and so on, recurses in C
 *    without Lua's C-stack check (Lua 5.4.4) and crashes;
 *  - coroutine.close and coroutine.wrap never run the __close handlers of a
 *    coroutine the limit stopped (script_thread_stopped): hooks are off on
 *    it, so they would run without any limit;
 *  - xpcall's message handler does not run once the limit was hit: Lua runs
 *    message handlers before it unwinds, while hooks are still off after the
 *    hook raised the error, so a looping handler would never be stopped;
 *  - coroutine.create and coroutine.wrap give the new thread the count hook
 *    itself: a thread inherits its maker's hooks, and a call made of parts
 *    runs without one until it runs long (script_budget.c, "Lazy budget").
 *
 * One unit is about one VM instruction. The functions replace the entries
 * of the state's real library tables, which string methods ("x":rep())
 * reach too, before the file environments copy them. */
#include "script_internal.h"

#include <limits.h>
#include <string.h>

#define MAX_CLOSE_DEPTH 32

/* Charges for `units` with saturation (the ranges come from scripts). */
static void charge_u(lua_State *L, lua_Unsigned units)
{
    script_charge(L, units > (lua_Unsigned)INT64_MAX ? INT64_MAX : (int64_t)units);
}

/* The original C function of a replaced entry, kept as upvalue 1. */
static int call_original(lua_State *L)
{
    lua_CFunction f = lua_tocfunction(L, lua_upvalueindex(1));
    return f(L);
}

/* ==== string.rep ==== */

static int l_rep(lua_State *L)
{
    size_t l, lsep;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || l + lsep == 0) { /* Lua would loop n times over empty pieces */
        lua_pushliteral(L, "");
        return 1;
    }
    ScriptHost *h = script_host_of(L);
    size_t cap = h->mods[script_mod_index_of(L)].mem.cap;
    if ((lua_Unsigned)n > (cap + lsep) / (l + lsep))
        return luaL_error(L, "string.rep: the result would be larger than the mod's memory (%d MiB)",
                          (int)(cap >> 20));
    charge_u(L, ((lua_Unsigned)n * (l + lsep)) >> 5);
    return call_original(L);
}

/* ==== Table functions ==== */

/* #t (with __len), and the slot after it, without overflow. */
static lua_Integer length_of(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    return luaL_len(L, 1);
}

static int l_insert(lua_State *L)
{
    lua_Integer e = (lua_Integer)((lua_Unsigned)length_of(L) + 1u); /* the first empty slot */
    lua_Integer pos;
    switch (lua_gettop(L)) {
    case 2:
        pos = e;
        break;
    case 3:
        pos = luaL_checkinteger(L, 2);
        luaL_argcheck(L, (lua_Unsigned)pos - 1u < (lua_Unsigned)e, 2, "position out of bounds");
        charge_u(L, 2 * ((lua_Unsigned)e - (lua_Unsigned)pos));
        for (lua_Integer i = e; i > pos; i--) { /* move up the elements after pos */
            lua_geti(L, 1, i - 1);
            lua_seti(L, 1, i);
        }
        break;
    default:
        return luaL_error(L, "wrong number of arguments to 'insert'");
    }
    lua_seti(L, 1, pos);
    return 0;
}

static int l_remove(lua_State *L)
{
    lua_Integer size = length_of(L);
    lua_Integer pos = luaL_optinteger(L, 2, size);
    if (pos != size) /* pos must be in [1, size + 1]; Lua 5.4 blames argument 1 */
        luaL_argcheck(L, (lua_Unsigned)pos - 1u <= (lua_Unsigned)size, 1, "position out of bounds");
    lua_geti(L, 1, pos);
    if (pos < size)
        charge_u(L, 2 * ((lua_Unsigned)size - (lua_Unsigned)pos));
    for (; pos < size; pos++) {
        lua_geti(L, 1, pos + 1);
        lua_seti(L, 1, pos);
    }
    lua_pushnil(L);
    lua_seti(L, 1, pos);
    return 1;
}

/* Whether t[i] < t[j] (the comparator at 2, or <). */
static bool sort_less(lua_State *L, lua_Integer i, lua_Integer j)
{
    bool cmp = !lua_isnil(L, 2);
    if (cmp)
        lua_pushvalue(L, 2);
    lua_geti(L, 1, i);
    lua_geti(L, 1, j);
    bool r;
    if (cmp) {
        lua_call(L, 2, 1);
        r = lua_toboolean(L, -1);
        lua_pop(L, 1);
    } else {
        r = lua_compare(L, -2, -1, LUA_OPLT);
        lua_pop(L, 2);
    }
    return r;
}

static void sort_swap(lua_State *L, lua_Integer i, lua_Integer j)
{
    lua_geti(L, 1, i);
    lua_geti(L, 1, j);
    lua_seti(L, 1, i);
    lua_seti(L, 1, j);
}

static void sift_down(lua_State *L, lua_Integer root, lua_Integer n)
{
    for (;;) {
        lua_Integer child = 2 * root;
        if (child > n)
            return;
        if (child < n && sort_less(L, child, child + 1))
            child++;
        if (!sort_less(L, root, child))
            return;
        sort_swap(L, root, child);
        root = child;
    }
}

/* Heapsort: O(n log n) comparisons whatever the data or the comparator. */
static int l_sort(lua_State *L)
{
    lua_Integer n = length_of(L);
    if (n < 2)
        return 0;
    luaL_argcheck(L, n < INT_MAX, 1, "array too big");
    if (!lua_isnoneornil(L, 2))
        luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_settop(L, 2);
    lua_Unsigned log2n = 1;
    while (((lua_Unsigned)1 << log2n) < (lua_Unsigned)n)
        log2n++;
    charge_u(L, 8 * (lua_Unsigned)n * log2n);
    for (lua_Integer i = n / 2; i >= 1; i--)
        sift_down(L, i, n);
    for (lua_Integer end = n; end > 1; end--) {
        sort_swap(L, 1, end);
        sift_down(L, 1, end - 1);
    }
    return 0;
}

/* Pays for the range [i, j], two units an element. */
static void charge_range(lua_State *L, lua_Integer i, lua_Integer j, lua_Unsigned per)
{
    if (i <= j)
        charge_u(L, ((lua_Unsigned)j - (lua_Unsigned)i + 1u) * per);
}

/* table.move(a1, f, e, t [, a2]) */
static int l_move(lua_State *L)
{
    charge_range(L, luaL_checkinteger(L, 2), luaL_checkinteger(L, 3), 2);
    return call_original(L);
}

/* table.unpack and table.concat: the range is read once (a __len could
 * answer differently the second time), then given to the original. Each
 * pays for what the original will walk: unpack refuses more values than
 * the stack holds (about a million) before it starts, concat stops at the
 * first missing element unless a metatable can make them up. */
#define MAX_UNPACK 1000000

static int l_unpack(lua_State *L)
{
    lua_Integer i = luaL_optinteger(L, 2, 1);
    lua_Integer j = lua_isnoneornil(L, 3) ? luaL_len(L, 1) : luaL_checkinteger(L, 3);
    if (i <= j && (lua_Unsigned)j - (lua_Unsigned)i < MAX_UNPACK) /* more fails at once: no stack */
        charge_u(L, 2 * ((lua_Unsigned)j - (lua_Unsigned)i + 1));
    lua_settop(L, 1);
    lua_pushinteger(L, i);
    lua_pushinteger(L, j);
    return call_original(L);
}

static int l_concat(lua_State *L)
{
    size_t lsep;
    luaL_optlstring(L, 2, "", &lsep);
    lua_Integer i = luaL_optinteger(L, 3, 1);
    lua_Integer j = lua_isnoneornil(L, 4) ? (luaL_checktype(L, 1, LUA_TTABLE), luaL_len(L, 1))
                                          : luaL_checkinteger(L, 4);
    if (i <= j) {
        lua_Unsigned n = (lua_Unsigned)j - (lua_Unsigned)i + 1u;
        if (lua_type(L, 1) == LUA_TTABLE && !lua_getmetatable(L, 1) && n > lua_rawlen(L, 1) + 1)
            n = lua_rawlen(L, 1) + 1;
        charge_u(L, n * (2 + lsep / 32));
    }
    lua_settop(L, 2);
    lua_pushinteger(L, i);
    lua_pushinteger(L, j);
    return call_original(L);
}

/* ==== Functions that walk a whole string ==== */

/* Pays for the length of argument 1 (one unit per 32 bytes), then runs the original. */
static int l_walks_string(lua_State *L)
{
    if (lua_type(L, 1) == LUA_TSTRING)
        charge_u(L, (lua_Unsigned)(lua_rawlen(L, 1) >> 5));
    return call_original(L);
}

/* ==== coroutine.close and coroutine.wrap ==== */

static int l_close(lua_State *L)
{
    ScriptHost *h = script_host_of(L);
    luaL_checktype(L, 1, LUA_TTHREAD);
    if (script_thread_stopped(lua_tothread(L, 1))) {
        lua_pushboolean(L, 0);
        lua_pushliteral(L, "the coroutine was stopped by the instruction limit; its __close handlers do not run");
        return 2;
    }
    if (h->close_depth >= MAX_CLOSE_DEPTH)
        return luaL_error(L, "coroutine.close: nested more than %d deep (__close handlers closing coroutines)",
                          MAX_CLOSE_DEPTH);
    h->close_depth++;
    int n = call_original(L); /* closing cannot raise: errors come back as results */
    h->close_depth--;
    return n;
}

/* A function made by coroutine.wrap: resumes its coroutine (upvalue 1) and
 * passes on its results or its error, as Lua's does. */
static int wrap_call(lua_State *L)
{
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int narg = lua_gettop(L), nres;
    if (!lua_checkstack(co, narg))
        return luaL_error(L, "too many arguments to resume");
    lua_xmove(L, co, narg);
    int st = lua_resume(co, L, narg, &nres);
    if (st == LUA_OK || st == LUA_YIELD) {
        if (!lua_checkstack(L, nres + 1)) {
            lua_pop(co, nres);
            return luaL_error(L, "too many results to resume");
        }
        lua_xmove(co, L, nres);
        return nres;
    }
    lua_xmove(co, L, 1); /* the error */
    int cst = lua_status(co);
    if (cst != LUA_OK && cst != LUA_YIELD && !script_thread_stopped(co)) {
        lua_resetthread(co); /* runs its pending __close handlers */
        lua_settop(co, 0);
    }
    if (st != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) { /* where it was resumed */
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

/* A coroutine counts its instructions from its start, even when made in a
 * call that does not count them yet (script_budget.c, "Lazy budget"). */
static int l_wrap(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);
    script_hook_thread(co);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    lua_pushcclosure(L, wrap_call, 1);
    return 1;
}

/* coroutine.create, the library's as upvalue 1: as l_wrap's. */
static int l_create(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    call_original(L);
    if (lua_type(L, -1) == LUA_TTHREAD)
        script_hook_thread(lua_tothread(L, -1));
    return 1;
}

/* ==== xpcall ==== */

static int handler_guard(lua_State *L)
{
    if (script_host_of(L)->limit_hit != SCRIPT_LIMIT_NONE)
        return 1; /* the error object, unchanged */
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int l_xpcall(lua_State *L)
{
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, handler_guard, 1);
    lua_replace(L, 2);
    return call_original(L);
}

/* ==== Installing ==== */

typedef struct Replacement {
    const char *lib, *name;   /* lib NULL: a base function */
    lua_CFunction fn;
    bool wraps;               /* fn calls the original (kept as upvalue 1) */
} Replacement;

static const Replacement replacements[] = {
    {"string", "find", script_l_find, false},
    {"string", "match", script_l_match, false},
    {"string", "gmatch", script_l_gmatch, false},
    {"string", "gsub", script_l_gsub, false},
    {"string", "rep", l_rep, true},
    {"string", "byte", l_walks_string, true},
    {"string", "lower", l_walks_string, true},
    {"string", "upper", l_walks_string, true},
    {"string", "reverse", l_walks_string, true},
    {"table", "insert", l_insert, false},
    {"table", "remove", l_remove, false},
    {"table", "sort", l_sort, false},
    {"table", "move", l_move, true},
    {"table", "unpack", l_unpack, true},
    {"table", "concat", l_concat, true},
    {"utf8", "len", l_walks_string, true},
    {"utf8", "offset", l_walks_string, true},
    {"utf8", "codepoint", l_walks_string, true},
    {NULL, "tonumber", l_walks_string, true},
    {NULL, "xpcall", l_xpcall, true},
    {"coroutine", "close", l_close, true},
    {"coroutine", "wrap", l_wrap, false},
    {"coroutine", "create", l_create, true},
};

void script_limits_open(lua_State *L)
{
    for (size_t i = 0; i < sizeof replacements / sizeof replacements[0]; i++) {
        const Replacement *r = &replacements[i];
        if (r->lib)
            lua_getglobal(L, r->lib);
        else
            lua_pushglobaltable(L);
        if (r->wraps) {
            lua_getfield(L, -1, r->name);
            lua_pushcclosure(L, r->fn, 1);
        } else {
            lua_pushcfunction(L, r->fn);
        }
        lua_setfield(L, -2, r->name);
        lua_pop(L, 1);
    }
}
