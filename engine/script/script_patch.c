/* script_patch.c — patches (patches/NAME.lua): a mod changes one option of
 * another mod's event, or one modifier of its policy, without replacing the
 * whole declaration. The target is found by id among the mods loaded
 * before (so the patching mod lists the target's mod in its dependencies).
 * An option keeps what the patch does not give; a function a patch gives
 * runs in the patching mod's sandbox. */
#include "script_api.h"
#include "script_decl.h"

#include <stdio.h>
#include <string.h>

static bool patch_event(const LoadCtx *c, int t, ScriptEvent *e)
{
    ScriptEventInfo *in = &e->info;
    char what[120];
    snprintf(what, sizeof what, "patch of event '%s'", in->id);
    lua_getfield(c->L, t, "modifiers");
    bool wrong = !lua_isnil(c->L, -1);
    lua_getfield(c->L, t, "add_modifiers");
    wrong |= !lua_isnil(c->L, -1);
    lua_pop(c->L, 2);
    if (wrong)
        return decl_bad(c, "modifiers", "%s: an event has options, not modifiers (patch a policy's modifiers)", what);
    int n = decl_list_field(c, t, what, "options", "option", "{ { id = \"listen_to_peng\", effects = ... } }");
    if (n < 0)
        return n == -1 ? decl_bad(c, in->id, "%s: give options = { ... } to change or add", what) : false;
    bool ok = true;
    LoadCtx at = *c;
    decl_anchor(&at, "options", false);
    for (int i = 1; i <= n && ok; i++) {
        lua_rawgeti(c->L, -1, i);
        char id[CORE_ID_LEN] = "";
        lua_getfield(c->L, -1, "id");
        if (lua_type(c->L, -1) == LUA_TSTRING) {
            script_copy(id, sizeof id, lua_tostring(c->L, -1));
            decl_anchor(&at, id, true);
        }
        lua_pop(c->L, 1);
        char owhat[200];
        snprintf(owhat, sizeof owhat, "%s: option '%s'", what, id);
        int o = id[0] ? script_option_find(in, id) : -1;
        if (!id[0])
            ok = decl_bad(&at, "options", "%s: each option names the one it changes, or a new one, with id = \"...\"",
                          what);
        else if (o >= 0)
            ok = decl_option(&at, lua_gettop(c->L), owhat, e, o, true);
        else if (in->option_count >= SCRIPT_MAX_OPTIONS)
            ok = decl_bad(&at, id, "%s: the event has %d options already, the most it can have", owhat,
                          SCRIPT_MAX_OPTIONS);
        else if ((ok = decl_option(&at, lua_gettop(c->L), owhat, e, in->option_count, false)))
            in->option_count++;
        lua_pop(c->L, 1);
    }
    lua_pop(c->L, 1);
    return ok && decl_event_choices(c, t, what, in, true);
}

static bool patch_policy(const LoadCtx *c, int t, ScriptPolicyInfo *in)
{
    char what[120];
    snprintf(what, sizeof what, "patch of policy '%s'", in->id);
    lua_getfield(c->L, t, "options");
    bool wrong = !lua_isnil(c->L, -1);
    lua_pop(c->L, 1);
    if (wrong)
        return decl_bad(c, "options", "%s: a policy has modifiers, not options (patch an event's options)", what);
    bool ok = true;
    /* modifiers = { [2] = {...} }: replaced by position */
    lua_getfield(c->L, t, "modifiers");
    if (lua_istable(c->L, -1)) {
        lua_pushnil(c->L);
        while (ok && lua_next(c->L, -2) != 0) {
            int whole = 0;
            lua_Integer k = lua_type(c->L, -2) == LUA_TNUMBER ? lua_tointegerx(c->L, -2, &whole) : 0;
            ScriptModifierRead m;
            char err[400];
            if (!whole || k < 1 || k > in->modifier_count)
                ok = decl_bad(c, "modifiers", "%s: 'modifiers' replaces modifiers by position, 1 to %d: "
                                              "modifiers = { [2] = { lever = ..., add = ... } }",
                              what, in->modifier_count);
            else if (!script_read_modifier(c->L, -1, NULL, SCRIPT_MODIFIER_POLICY, &m, err, sizeof err)) {
                char near[64];
                decl_quoted(err, near, sizeof near);
                ok = decl_bad(c, near[0] ? near : "modifiers", "%s: modifier %d: %s", what, (int)k, err);
            } else {
                in->modifiers[k - 1] = m.d;
                script_copy(in->province_of[k - 1], CORE_ID_LEN, m.province);
                script_copy(in->param_of[k - 1], CORE_ID_LEN, m.param);
                in->modifier_line[k - 1] = decl_line_of(c->src, "modifiers");
            }
            lua_pop(c->L, 1);
        }
        if (!ok)
            lua_pop(c->L, 1); /* the key lua_next left */
    } else if (!lua_isnil(c->L, -1))
        ok = decl_bad(c, "modifiers", "%s: 'modifiers' must be a table like { [2] = { lever = ..., add = ... } }",
                      what);
    lua_pop(c->L, 1);
    int n = ok ? decl_list_field(c, t, what, "add_modifiers", "modifier", "{ { lever = \"zeal_push\", add = 0.05 } }")
               : -2;
    for (int i = 1; i <= n && ok; i++) {
        lua_rawgeti(c->L, -1, i);
        ScriptModifierRead m;
        char err[400];
        if (in->modifier_count >= CORE_MAX_POLICY_MODIFIERS)
            ok = decl_bad(c, "add_modifiers", "%s: a policy has at most %d modifiers", what, CORE_MAX_POLICY_MODIFIERS);
        else if (!script_read_modifier(c->L, -1, NULL, SCRIPT_MODIFIER_POLICY, &m, err, sizeof err)) {
            char near[64];
            decl_quoted(err, near, sizeof near);
            ok = decl_bad(c, near[0] ? near : "add_modifiers", "%s: added modifier %d: %s", what, i, err);
        } else {
            int k = in->modifier_count++;
            in->modifiers[k] = m.d;
            script_copy(in->province_of[k], CORE_ID_LEN, m.province);
            script_copy(in->param_of[k], CORE_ID_LEN, m.param);
            in->modifier_line[k] = decl_line_of(c->src, "add_modifiers");
        }
        lua_pop(c->L, 1);
    }
    if (n >= 0)
        lua_pop(c->L, 1);
    return ok && n != -2;
}

bool script_decl_patch(const LoadCtx *c, int t)
{
    ScriptHost *h = c->h;
    if (!decl_only_fields(c, t, "patch", "Patch"))
        return false;
    char event[CORE_ID_LEN] = "", policy[CORE_ID_LEN] = "";
    if (!decl_str_field(c, t, "patch", "event", event, sizeof event, "") ||
        !decl_str_field(c, t, "patch", "policy", policy, sizeof policy, ""))
        return false;
    if (!event[0] == !policy[0])
        return decl_bad(c, NULL, "a patch names one event = \"...\" or one policy = \"...\" to change");
    if (event[0]) {
        int e = script_event_find(h, event);
        if (e < 0) {
            char hint[96];
            script_event_suggest(h, event, hint, sizeof hint);
            return decl_bad(c, "event", "patch: no event '%s'%s among the mods loaded before this one (list its mod "
                                        "in dependencies)", event, hint);
        }
        return patch_event(c, t, &h->events[e]);
    }
    int p = script_policy_find(h, policy);
    if (p < 0) {
        const char *names[SCRIPT_MAX_POLICIES];
        for (int i = 0; i < h->policy_count; i++)
            names[i] = h->policies[i].info.id;
        char hint[96];
        script_suggest_text(hint, sizeof hint, policy, names, h->policy_count);
        return decl_bad(c, "policy", "patch: no policy '%s'%s among the mods loaded before this one (list its mod in "
                                     "dependencies)", policy, hint);
    }
    return patch_policy(c, t, &h->policies[p].info);
}
