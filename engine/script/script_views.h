/* script_views.h — what the fields' getters (script_bind_state.c) need of
 * the views scripts read the simulation through (script_views.c). */
#ifndef SCRIPT_VIEWS_H
#define SCRIPT_VIEWS_H

#include "script_internal.h"

typedef struct View {
    uint32_t generation;
    int32_t province; /* -1 for the state and national views */
    uint32_t reads;   /* fields read through view_index, up to MEMO_AFTER */
} View;

/* The three kinds of view. A view is told by its metatable's identity
 * (script_views.c), not by luaL_checkudata's look-up by name, which
 * compared strings on every field a trigger read. */
enum { VIEW_STATE = SCRIPT_VIEW_STATE, VIEW_NATIONAL = SCRIPT_VIEW_NATIONAL, VIEW_PROVINCE = SCRIPT_VIEW_PROVINCE, VIEW_KINDS };

/* The live state behind the view at idx, which must be of `kind` (its
 * handle in *out if out is not NULL), or a Lua error. */
CoreState *script_view_state(lua_State *L, int idx, int kind, View **out);
/* The province of the province view at idx, or a Lua error. */
int script_view_province(lua_State *L, int idx);
/* Pushes this generation's view of `kind` (`province` for a province view,
 * else -1). */
void script_view_push_kind(lua_State *L, int kind, int province);
/* Registers the three kinds' metatables from the API list (script_bind_open). */
void script_views_register(lua_State *L);

/* script_view_state for a field's getter, which only view_index calls (its
 * table is an upvalue of __index, and view metatables are hidden from
 * scripts, which have no debug library): the value at 1 is a view of that
 * kind, so only its generation is checked. */
static inline CoreState *script_field_state(lua_State *L, View **out)
{
    View *v = lua_touserdata(L, 1);
    ScriptHost *h = script_host_of(L);
    if (!h->state || v->generation != h->generation)
        luaL_error(L, "this %s view is no longer valid: views can only be used during the call that received them",
                   lua_tostring(L, lua_upvalueindex(1))); /* view_index's: the getter runs in its call */
    if (out)
        *out = v;
    return h->state;
}

#endif
