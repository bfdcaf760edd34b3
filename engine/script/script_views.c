/* script_views.c — the views scripts read the simulation through: the
 * state `s`, its `s.national` and one view per province. A view is a
 * userdata holding a handle (a generation and a province index), never a C
 * pointer; a view kept past the call that received it raises an error, and
 * so does an unknown field name, so a typo is caught at once. What each
 * field gives is in script_bind_state.c. */
#include "script_api.h"
#include "script_views.h"

#include <stdio.h>
#include <string.h>

#define STATE_MT "gl.State"
#define NATIONAL_MT "gl.National"
#define PROVINCE_MT "gl.Province"

/* The names and the registry keys of the three kinds' metatables. A view is
 * told by its metatable's address (ScriptMem.mt), not by luaL_checkudata's
 * look-up by name, which compared strings on every field a trigger read. */
static const char *const view_mt[VIEW_KINDS] = {STATE_MT, NATIONAL_MT, PROVINCE_MT};
static const char view_keys[VIEW_KINDS];

static const char k_memo_kind = 'k';  /* a memo view's metatable: its kind */
static const char k_memo_view = 'v';  /* a memo table: its view */
static const char memo_meta[VIEW_KINDS]; /* registry: each kind's memo tables' metatable */
static const char k_memo_list = 'm';  /* registry: the memo views of the generation, a list */

/* The view at idx if it is one of this kind, else NULL. */
static View *test_view(lua_State *L, int idx, int kind)
{
    View *v = lua_touserdata(L, idx);
    if (!v || !lua_getmetatable(L, idx))
        return NULL;
    bool same = lua_topointer(L, -1) == script_mem_of(L)->mt[kind];
    if (!same) { /* a memo view's own metatable */
        same = lua_rawgetp(L, -1, &k_memo_kind) == LUA_TNUMBER && lua_tointeger(L, -1) == kind;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return same ? v : NULL;
}

/* The live state behind a view, or a Lua error. */
CoreState *script_view_state(lua_State *L, int idx, int kind, View **out)
{
    View *v = test_view(L, idx, kind);
    if (!v)
        luaL_typeerror(L, idx, view_mt[kind]);
    ScriptHost *h = script_host_of(L);
    if (!h->state || v->generation != h->generation)
        luaL_error(L, "this %s view is no longer valid: views can only be used during the call that received them",
                   view_mt[kind] + 3);
    if (out)
        *out = v;
    return h->state;
}

int script_view_province(lua_State *L, int idx)
{
    View *v;
    script_view_state(L, idx, VIEW_PROVINCE, &v);
    return v->province;
}

static const char k_views_key = 'v'; /* registry: the views of the current generation, by slot */

/* Pushes a view. Views stay valid until the generation changes (the end of
 * a call sequence), so one per kind and province is made per generation and
 * handed out again: a month's thousands of trigger calls allocate none. */
void script_view_push_kind(lua_State *L, int kind, int province)
{
    uint32_t generation = script_host_of(L)->generation;
    int slot = kind == VIEW_PROVINCE ? 3 + province : kind == VIEW_STATE ? 1 : 2;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &k_views_key) != LUA_TTABLE) { /* cache */
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &k_views_key);
    }
    lua_rawgeti(L, -1, slot); /* cache view? */
    View *v = lua_touserdata(L, -1);
    if (v && v->generation == generation) {
        lua_remove(L, -2); /* view */
        return;
    }
    lua_pop(L, 1);
    v = lua_newuserdatauv(L, sizeof *v, 0); /* cache view */
    v->generation = generation;
    v->province = province;
    v->reads = 0;
    lua_rawgetp(L, LUA_REGISTRYINDEX, &view_keys[kind]);
    lua_setmetatable(L, -2);
    lua_pushvalue(L, -1);
    lua_rawseti(L, -3, slot);
    lua_remove(L, -2); /* view */
}

/* ==== Memo views ====
 * The month's search for due events runs each trigger in every province:
 * with a thousand modded events, `s.month` is read 28,000 times a month,
 * and a metamethod call for each was a quarter of the month. While it runs
 * the state cannot change (nothing queues effects), so a view read
 * MEMO_AFTER times in it gets a metatable of its own whose __index is a
 * table: what a field gave is kept there (numbers, strings, booleans and
 * the methods, never a table a script could change), and later reads are
 * table reads. Views read less keep the plain path, so the base game, whose
 * triggers read a view a few times, pays nothing. When the search ends
 * (script_events_due), script_views_release gives the views their plain
 * metatable back, so a view kept past its call raises as any other. */
#define MEMO_AFTER 16

static int view_index(lua_State *L);

/* __index of a memo table (a kind's memo metatable): the field read
 * through view_index as usual, kept if it cannot change. */
static int memo_index(lua_State *L)
{
    lua_settop(L, 2);                        /* memo key */
    lua_pushvalue(L, lua_upvalueindex(1));   /* memo key view_index */
    lua_rawgetp(L, 1, &k_memo_view);         /* memo key view_index view */
    lua_pushvalue(L, 2);
    lua_call(L, 2, 1);                       /* memo key value */
    int t = lua_type(L, 3);
    if (t == LUA_TNUMBER || t == LUA_TSTRING || t == LUA_TBOOLEAN || lua_iscfunction(L, 3)) {
        lua_pushvalue(L, 2);
        lua_pushvalue(L, 3);
        lua_rawset(L, 1);
    }
    return 1;
}

/* Gives the view at idx (of `kind`, read MEMO_AFTER times) its own
 * metatable: the plain one's but for __index, a memo table. */
static void memo_install(lua_State *L, int idx, int kind)
{
    ScriptHost *h = script_host_of(L);
    lua_createtable(L, 0, 6); /* mt */
    lua_rawgetp(L, LUA_REGISTRYINDEX, &view_keys[kind]);
    static const char *const copied[] = {"__newindex", "__tostring", "__metatable", "__name"};
    for (int i = 0; i < 4; i++) {
        lua_getfield(L, -1, copied[i]);
        lua_setfield(L, -3, copied[i]);
    }
    lua_pop(L, 1);
    lua_pushinteger(L, kind);
    lua_rawsetp(L, -2, &k_memo_kind);
    lua_createtable(L, 0, 8); /* mt memo */
    lua_pushvalue(L, idx);
    lua_rawsetp(L, -2, &k_memo_view);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &memo_meta[kind]);
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, idx);
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &k_memo_list) != LUA_TTABLE) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &k_memo_list);
    }
    lua_pushvalue(L, idx);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 1);
    h->mods[script_mod_index_of(L)].memo_made = true;
    h->memo_live = true;
}

/* One mod's (script_views_release). */
static void release_memo_views(lua_State *L)
{
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &k_memo_list) == LUA_TTABLE) {
        for (lua_Integer i = 1, n = (lua_Integer)lua_rawlen(L, -1); i <= n; i++) {
            lua_rawgeti(L, -1, i); /* list view */
            if (!lua_getmetatable(L, -1)) {
                lua_pop(L, 1);
                continue;
            }                                 /* list view mt */
            lua_rawgetp(L, -1, &k_memo_kind); /* list view mt kind */
            int kind = (int)lua_tointeger(L, -1);
            lua_pop(L, 2);
            lua_rawgetp(L, LUA_REGISTRYINDEX, &view_keys[kind >= 0 && kind < VIEW_KINDS ? kind : VIEW_STATE]);
            lua_setmetatable(L, -2);
            lua_pop(L, 1);
        }
        lua_pushnil(L);
        lua_rawsetp(L, LUA_REGISTRYINDEX, &k_memo_list); /* a new list for the next */
    }
    lua_pop(L, 1);
}

void script_views_release(ScriptHost *h)
{
    if (!h->memo_live)
        return;
    for (int i = 0; i < h->mod_count; i++)
        if (h->mods[i].memo_made && h->mods[i].L) {
            release_memo_views(h->mods[i].L);
            h->mods[i].memo_made = false;
        }
    h->memo_live = false;
}

/* __index for a view type: fields (getter(self)), then methods. Upvalue 1 is
 * the object's name, 2 its field table, 3 its method table, 4 its kind. */
static int view_index(lua_State *L)
{
    View *v = lua_touserdata(L, 1);
    if (v->reads < MEMO_AFTER && ++v->reads == MEMO_AFTER) {
        ScriptHost *h = script_host_of(L);
        if (h->memo_views && h->state && v->generation == h->generation) {
            memo_install(L, 1, (int)lua_tointeger(L, lua_upvalueindex(4)));
            lua_settop(L, 2);
            lua_gettable(L, 1); /* through the memo table, which keeps it */
            return 1;
        }
    }
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(2)) == LUA_TLIGHTUSERDATA) { /* a field: its getter, called directly */
        const ScriptApiEntry *field = lua_touserdata(L, -1);
        lua_settop(L, 1);
        return field->fn(L);
    }
    lua_pop(L, 1);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(3)) != LUA_TNIL)
        return 1;
    return luaL_error(L, "%s has no field '%s'", lua_tostring(L, lua_upvalueindex(1)),
                      lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : luaL_typename(L, 2));
}

static int view_newindex(lua_State *L)
{
    return luaL_error(L, "the game state is read-only: change it with effects (fx:...)");
}

static int view_tostring(lua_State *L)
{
    View *v = lua_touserdata(L, 1);
    ScriptHost *h = script_host_of(L);
    if (v && v->province >= 0 && h->state && v->province < h->state->province_count)
        lua_pushfstring(L, "Province(%s)", h->state->info[v->province].id);
    else
        lua_pushstring(L, lua_tostring(L, lua_upvalueindex(1)));
    return 1;
}

/* Builds the metatable of one view type from the list. */
static void register_type(lua_State *L, int kind, const char *object)
{
    luaL_newmetatable(L, view_mt[kind]);
    script_mem_of(L)->mt[kind] = lua_topointer(L, -1);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &view_keys[kind]);
    lua_pushstring(L, object);
    lua_newtable(L); /* fields */
    lua_newtable(L); /* methods */
    int count;
    const ScriptApiEntry *e = script_api_entries(&count);
    for (int i = 0; i < count; i++) {
        if (strcmp(e[i].object, object) != 0)
            continue;
        if (e[i].kind == SCRIPT_API_FIELD)
            lua_pushlightuserdata(L, (void *)&e[i]); /* called by view_index only */
        else
            lua_pushcfunction(L, e[i].fn);
        lua_setfield(L, e[i].kind == SCRIPT_API_FIELD ? -3 : -2, e[i].name);
    }
    lua_pushinteger(L, kind);
    lua_pushcclosure(L, view_index, 4);
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, "__index");
    /* The metatable of this kind's memo tables (memo views, above). */
    lua_createtable(L, 0, 2);
    lua_insert(L, -2);
    lua_pushcclosure(L, memo_index, 1);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_rawsetp(L, LUA_REGISTRYINDEX, &memo_meta[kind]);
    lua_pushcfunction(L, view_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushstring(L, object);
    lua_pushcclosure(L, view_tostring, 1);
    lua_setfield(L, -2, "__tostring");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 1);
}

void script_views_register(lua_State *L)
{
    register_type(L, VIEW_STATE, "State");
    register_type(L, VIEW_NATIONAL, "National");
    register_type(L, VIEW_PROVINCE, "Province");
}

void script_push_state_view(lua_State *L) { script_view_push_kind(L, VIEW_STATE, -1); }

void script_push_views(lua_State *L, int province_count)
{
    uint32_t generation = script_host_of(L)->generation;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &k_views_key) == LUA_TTABLE) { /* cache */
        lua_rawgeti(L, -1, 0);
        bool ready = lua_tointeger(L, -1) == (lua_Integer)generation + 1;
        lua_pop(L, 1);
        if (ready)
            return;
    }
    lua_pop(L, 1);
    script_view_push_kind(L, VIEW_STATE, -1); /* makes the cache if need be */
    lua_pop(L, 1);
    for (int p = 0; p < province_count; p++) {
        script_view_push_kind(L, VIEW_PROVINCE, p);
        lua_pop(L, 1);
    }
    lua_rawgetp(L, LUA_REGISTRYINDEX, &k_views_key);
    lua_pushinteger(L, (lua_Integer)generation + 1); /* slot 0: the generation they are all of, plus one */
    lua_rawseti(L, -2, 0);
}
void script_push_province_view(lua_State *L, int province) { script_view_push_kind(L, VIEW_PROVINCE, province); }

bool script_view_read(lua_State *L, int idx, int *kind, int *province)
{
    ScriptHost *h = script_host_of(L);
    for (int k = 0; k < VIEW_KINDS; k++) {
        View *v = test_view(L, idx, k);
        if (v) {
            *kind = k;
            *province = v->province;
            return h->state && v->generation == h->generation;
        }
    }
    return script_effects_read(L, idx, kind, province);
}

void script_view_push(lua_State *L, int kind, int province)
{
    if (kind == SCRIPT_VIEW_EFFECTS)
        script_push_effects(L);
    else if (kind == SCRIPT_VIEW_PROVINCE)
        script_push_province_view(L, province);
    else
        script_view_push_kind(L, kind == SCRIPT_VIEW_STATE ? VIEW_STATE : VIEW_NATIONAL, -1);
}
