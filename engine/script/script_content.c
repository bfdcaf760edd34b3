/* script_content.c — loading a mod folder: its manifest, locale strings,
 * policies, events and scenarios. Every declaration is checked field by
 * field (unknown fields too, to catch typos); a bad file or declaration is
 * skipped with an error naming the file and line, and the rest loads. */
#include "script_api.h"
#include "script_internal.h"

#include "platform.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SCRIPT_BYTES (4u << 20)

/* What is being loaded, for messages. */
typedef struct LoadCtx {
    ScriptHost *h;
    int mod;
    lua_State *L;
    const char *display;   /* "scripts/events/lushan.lua" */
    const char *src;       /* the file's text, to find line numbers */
} LoadCtx;

/* Where `token` is assigned as a field ("token =", not "=="), if it is. */
static const char *field_hit(const char *src, const char *token)
{
    size_t n = strlen(token);
    for (const char *p = strstr(src, token); p; p = strstr(p + 1, token)) {
        bool starts = p == src || !(isalnum((unsigned char)p[-1]) || p[-1] == '_');
        const char *q = p + n;
        while (*q == ' ' || *q == '\t' || *q == '"' || *q == '\'' || *q == ']')
            q++;
        if (starts && q[0] == '=' && q[1] != '=')
            return p;
    }
    return NULL;
}

/* Line of `token` in the source (1 if absent), preferring the place where
 * it is assigned as a field, so that a declaration error points near the
 * offending field. */
static int line_of(const char *src, const char *token)
{
    const char *hit = token && *token ? field_hit(src, token) : NULL;
    if (!hit && token && *token)
        hit = strstr(src, token);
    if (!hit)
        return 1;
    int line = 1;
    for (const char *p = src; p < hit; p++)
        line += *p == '\n';
    return line;
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static bool bad(const LoadCtx *c, const char *near, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    script_report(c->h, c->mod, "loading", c->display, line_of(c->src, near), "%s", msg);
    return false;
}

static bool valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= CORE_ID_LEN)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!(islower((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '_'))
            return false;
    return true;
}

/* A path a mod names: relative, no "..", no backslash, no control
 * character (symbolic links are checked when the file is read). */
static bool relative_path(const char *p)
{
    if (!p[0] || p[0] == '/' || strchr(p, '\\'))
        return false;
    for (const char *s = p; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return false;
    for (const char *s = strstr(p, ".."); s; s = strstr(s + 1, ".."))
        if ((s == p || s[-1] == '/') && (s[2] == '/' || s[2] == '\0'))
            return false;
    return true;
}

/* An id as messages show it: a control character (a line break would
 * split the one-line message) becomes '?'. */
static const char *shown_id(const char *id, char out[CORE_ID_LEN])
{
    size_t i = 0;
    for (; id[i] && i + 1 < CORE_ID_LEN; i++)
        out[i] = (unsigned char)id[i] < 0x20 || id[i] == 0x7f ? '?' : id[i];
    out[i] = '\0';
    return out;
}

/* A mod's version: letters, digits and . _ + -, at most 15 characters. */
static bool valid_version(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!(isalnum((unsigned char)*s) || strchr("._+-", *s)))
            return false;
    return true;
}

bool script_parse_date(const char *text, int *year, int *month)
{
    if (!text || strlen(text) != 7 || text[4] != '-')
        return false;
    for (int i = 0; i < 7; i++)
        if (i != 4 && !isdigit((unsigned char)text[i]))
            return false;
    *year = atoi(text);
    *month = atoi(text + 5);
    return *month >= 1 && *month <= 12 && *year >= 1900 && *year <= 2100;
}

/* ==== Reading fields of the declaration table at the top of the stack ==== */

/* Rejects fields that the API list does not declare for `object` ("Event",
 * "Policy", ...): the list the reference documentation is generated from. */
static bool only_fields(const LoadCtx *c, int t, const char *what, const char *object)
{
    lua_pushnil(c->L);
    while (lua_next(c->L, t) != 0) {
        lua_pop(c->L, 1);
        if (lua_type(c->L, -1) != LUA_TSTRING) {
            if (lua_type(c->L, -1) == LUA_TNUMBER)
                continue; /* array part */
            lua_pop(c->L, 1);
            return bad(c, NULL, "%s: field names must be strings", what);
        }
        const char *k = lua_tostring(c->L, -1);
        if (!script_api_has_field(object, k)) {
            char key[64];
            snprintf(key, sizeof key, "%s", k);
            lua_pop(c->L, 1);
            return bad(c, key, "%s: unknown field '%s'", what, key);
        }
    }
    return true;
}

/* Optional string field; `fallback` (may be NULL) when absent. */
static bool str_field(const LoadCtx *c, int t, const char *what, const char *key, char *out, size_t cap,
                      const char *fallback)
{
    lua_getfield(c->L, t, key);
    int type = lua_type(c->L, -1);
    bool ok = true;
    if (type == LUA_TSTRING) {
        size_t n;
        const char *s = lua_tolstring(c->L, -1, &n);
        if (n >= cap)
            ok = bad(c, key, "%s: '%s' is longer than %zu characters", what, key, cap - 1);
        else
            memcpy(out, s, n + 1);
    } else if (type == LUA_TNIL) {
        if (fallback)
            snprintf(out, cap, "%s", fallback);
        else
            ok = bad(c, key, "%s: '%s' is required", what, key);
    } else {
        ok = bad(c, key, "%s: '%s' must be a string, not a %s", what, key, lua_typename(c->L, type));
    }
    lua_pop(c->L, 1);
    return ok;
}

/* Optional function field: stays on the stack if present (returns 1), else
 * nothing is pushed (returns 0); -1 on a type error. */
static int fn_field(const LoadCtx *c, int t, const char *what, const char *key)
{
    lua_getfield(c->L, t, key);
    if (lua_isfunction(c->L, -1))
        return 1;
    bool nil = lua_isnil(c->L, -1);
    lua_pop(c->L, 1);
    if (nil)
        return 0;
    bad(c, key, "%s: '%s' must be a function", what, key);
    return -1;
}

static bool sources_field(const LoadCtx *c, int t, const char *what, char out[][CORE_ID_LEN], int *count)
{
    *count = 0;
    lua_getfield(c->L, t, "sources");
    bool ok = true;
    if (lua_istable(c->L, -1)) {
        lua_Integer n = luaL_len(c->L, -1);
        for (lua_Integer i = 1; i <= n && ok; i++) {
            lua_rawgeti(c->L, -1, i);
            const char *s = lua_tostring(c->L, -1);
            if (lua_type(c->L, -1) != LUA_TSTRING || strlen(s) >= CORE_ID_LEN)
                ok = bad(c, "sources", "%s: 'sources' must list source ids (strings)", what);
            else if (*count >= SCRIPT_MAX_SOURCES_PER_ITEM)
                ok = bad(c, "sources", "%s: at most %d sources", what, SCRIPT_MAX_SOURCES_PER_ITEM);
            else
                snprintf(out[(*count)++], CORE_ID_LEN, "%s", s);
            lua_pop(c->L, 1);
        }
    } else if (!lua_isnil(c->L, -1)) {
        ok = bad(c, "sources", "%s: 'sources' must be a list", what);
    }
    lua_pop(c->L, 1);
    return ok;
}

/* ==== Overrides ==== */

/* Where a declaration whose id an earlier one already has (`dup`, or -1 if
 * none) goes: a mod replaces another mod's policy, event or scenario only
 * when it says override = true, so nothing is ever replaced by accident.
 * Returns `dup` to replace it, `fresh` for a new slot, or -1 after
 * reporting why the declaration cannot stand. */
static int choose_slot(const LoadCtx *c, int t, const char *what, const char *id, int dup, int dup_mod,
                       const char *dup_file, int fresh)
{
    lua_getfield(c->L, t, "override");
    int type = lua_type(c->L, -1);
    bool over = lua_toboolean(c->L, -1);
    lua_pop(c->L, 1);
    if (type != LUA_TNIL && type != LUA_TBOOLEAN)
        return bad(c, "override", "%s: 'override' must be true or false", what), -1;
    if (dup < 0 && over)
        return bad(c, "override", "%s: override = true, but no mod loaded before this one declares it", what), -1;
    if (dup >= 0 && dup_mod == c->mod)
        return bad(c, id, "%s is declared twice in the same mod: here and in %s", what, dup_file), -1;
    if (dup >= 0 && !over)
        return bad(c, id, "%s is declared twice: here and in %s (add override = true to replace it)", what,
                   dup_file), -1;
    return dup >= 0 ? dup : fresh;
}

/* ==== Policies ==== */

static bool register_policy(const LoadCtx *c, int t)
{
    ScriptHost *h = c->h;
    if (h->policy_count >= SCRIPT_MAX_POLICIES)
        return bad(c, NULL, "too many policies (at most %d)", SCRIPT_MAX_POLICIES);
    ScriptPolicy *p = &h->policies[h->policy_count];
    memset(p, 0, sizeof *p);
    ScriptPolicyInfo *in = &p->info;
    if (!str_field(c, t, "policy", "id", in->id, sizeof in->id, NULL))
        return false;
    char what[80], shown[CORE_ID_LEN];
    snprintf(what, sizeof what, "policy '%s'", shown_id(in->id, shown));
    if (!valid_id(in->id))
        return bad(c, in->id, "%s: ids use only a-z, 0-9 and _ (at most %d characters)", what, CORE_ID_LEN - 1);
    int dup = script_policy_find(h, in->id);
    int slot = choose_slot(c, t, what, in->id, dup, dup >= 0 ? h->policies[dup].mod : -1,
                           dup >= 0 ? h->policies[dup].info.file : "", h->policy_count);
    if (slot < 0 || !only_fields(c, t, what, "Policy"))
        return false;
    char def[96];
    snprintf(def, sizeof def, "policy.%s.name", in->id);
    if (!str_field(c, t, what, "name", in->name_key, sizeof in->name_key, def))
        return false;
    snprintf(def, sizeof def, "policy.%s.desc", in->id);
    if (!str_field(c, t, what, "desc", in->desc_key, sizeof in->desc_key, def) ||
        !str_field(c, t, what, "category", in->category, sizeof in->category, "other") ||
        !sources_field(c, t, what, in->sources, &in->source_count))
        return false;
    lua_getfield(c->L, t, "modifiers");
    if (lua_istable(c->L, -1)) {
        lua_Integer n = luaL_len(c->L, -1);
        if (n > CORE_MAX_POLICY_MODIFIERS) {
            lua_pop(c->L, 1);
            return bad(c, "modifiers", "%s: at most %d modifiers", what, CORE_MAX_POLICY_MODIFIERS);
        }
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(c->L, -1, i);
            char err[160];
            bool ok = script_read_modifier(c->L, -1, NULL, &in->modifiers[i - 1], in->province_of[i - 1],
                                           CORE_ID_LEN, in->param_of[i - 1], CORE_ID_LEN, err, sizeof err);
            lua_pop(c->L, 1);
            if (!ok) {
                lua_pop(c->L, 1);
                return bad(c, "modifiers", "%s: modifier %d: %s", what, (int)i, err);
            }
        }
        in->modifier_count = (int)n;
    } else if (!lua_isnil(c->L, -1)) {
        lua_pop(c->L, 1);
        return bad(c, "modifiers", "%s: 'modifiers' must be a list of modifier tables", what);
    }
    lua_pop(c->L, 1);
    int f = fn_field(c, t, what, "on_month");
    if (f < 0)
        return false;
    if (f)
        lua_pop(c->L, 1);
    in->has_on_month = f == 1;
    script_copy(in->mod, sizeof in->mod, h->mods[c->mod].id);
    snprintf(in->file, sizeof in->file, "%s", c->display);
    lua_pushvalue(c->L, t);
    p->ref = luaL_ref(c->L, LUA_REGISTRYINDEX);
    p->mod = c->mod;
    if (slot == h->policy_count)
        h->policy_count++;
    else
        h->policies[slot] = *p; /* the overridden declaration's ref stays in its mod's registry */
    return true;
}

/* ==== Events ==== */

static bool date_field(const LoadCtx *c, int t, const char *what, const char *key, int *ym)
{
    char text[16];
    *ym = -1;
    lua_getfield(c->L, t, key);
    bool present = !lua_isnil(c->L, -1);
    lua_pop(c->L, 1);
    if (!present)
        return true;
    if (!str_field(c, t, what, key, text, sizeof text, NULL))
        return false;
    int y, m;
    if (!script_parse_date(text, &y, &m))
        return bad(c, key, "%s: '%s' must be a date \"YYYY-MM\", not \"%s\"", what, key, text);
    *ym = y * 12 + m - 1;
    return true;
}

static bool event_timing(const LoadCtx *c, int t, const char *what, ScriptEvent *e)
{
    ScriptEventInfo *in = &e->info;
    in->date_ym = in->until_ym = -1;
    lua_getfield(c->L, t, "when");
    if (lua_isnil(c->L, -1)) {
        lua_pop(c->L, 1);
        return true;
    }
    int w = lua_gettop(c->L);
    if (!lua_istable(c->L, w)) {
        lua_pop(c->L, 1);
        return bad(c, "when", "%s: 'when' must be a table like { date = \"1959-07\" } or { mtth_months = 12 }",
                   what);
    }
    bool ok = only_fields(c, w, what, "When") && date_field(c, w, what, "date", &in->date_ym) &&
              date_field(c, w, what, "until", &in->until_ym);
    if (ok) {
        lua_getfield(c->L, w, "mtth_months");
        if (!lua_isnil(c->L, -1)) {
            in->mtth_months = lua_tonumber(c->L, -1);
            if (!lua_isnumber(c->L, -1) || !(in->mtth_months > 0 && in->mtth_months < 10000))
                ok = bad(c, "mtth_months", "%s: 'mtth_months' must be a number of months above 0", what);
        }
        lua_pop(c->L, 1);
    }
    if (ok) {
        lua_getfield(c->L, w, "modifiers");
        if (lua_istable(c->L, -1)) {
            lua_Integer n = luaL_len(c->L, -1);
            for (lua_Integer i = 1; i <= n && ok; i++) {
                lua_rawgeti(c->L, -1, i);
                lua_getfield(c->L, -1, "factor");
                lua_getfield(c->L, -2, "when");
                if (!lua_isnumber(c->L, -2) || !(lua_tonumber(c->L, -2) > 0) || !lua_isfunction(c->L, -1))
                    ok = bad(c, "modifiers", "%s: each MTTH modifier needs factor = number > 0 and when = function(s)",
                             what);
                lua_pop(c->L, 3);
            }
            e->mtth_modifier_count = (int)n;
            if (ok && in->mtth_months <= 0)
                ok = bad(c, "modifiers", "%s: MTTH modifiers need mtth_months", what);
        } else if (!lua_isnil(c->L, -1)) {
            ok = bad(c, "modifiers", "%s: 'when.modifiers' must be a list", what);
        }
        lua_pop(c->L, 1);
    }
    lua_pop(c->L, 1);
    return ok;
}

static bool event_options(const LoadCtx *c, int t, const char *what, ScriptEventInfo *in)
{
    lua_getfield(c->L, t, "options");
    if (!lua_istable(c->L, -1) || luaL_len(c->L, -1) < 1) {
        lua_pop(c->L, 1);
        return bad(c, "options", "%s: 'options' must list at least one option", what);
    }
    int o = lua_gettop(c->L);
    lua_Integer n = luaL_len(c->L, o);
    bool ok = n <= SCRIPT_MAX_OPTIONS || bad(c, "options", "%s: at most %d options", what, SCRIPT_MAX_OPTIONS);
    in->historical_option = -1;
    for (lua_Integer i = 1; i <= n && ok; i++) {
        ScriptOptionInfo *op = &in->options[i - 1];
        lua_rawgeti(c->L, o, i);
        int ot = lua_gettop(c->L);
        char owhat[120];
        snprintf(owhat, sizeof owhat, "%s option %d", what, (int)i);
        if (!lua_istable(c->L, ot)) {
            ok = bad(c, "options", "%s must be a table", owhat);
        } else {
            ok = only_fields(c, ot, owhat, "Option") && str_field(c, ot, owhat, "id", op->id, sizeof op->id, NULL);
            if (ok && !valid_id(op->id))
                ok = bad(c, op->id, "%s: ids use only a-z, 0-9 and _", owhat);
            for (int k = 0; ok && k < i - 1; k++)
                if (strcmp(in->options[k].id, op->id) == 0)
                    ok = bad(c, op->id, "%s: option id '%s' is used twice", what, op->id);
            char def[128];
            snprintf(def, sizeof def, "event.%s.option.%s", in->id, op->id);
            ok = ok && str_field(c, ot, owhat, "text", op->text_key, sizeof op->text_key, def);
            if (ok) {
                lua_getfield(c->L, ot, "historical");
                op->historical = lua_toboolean(c->L, -1);
                if (!lua_isnil(c->L, -1) && !lua_isboolean(c->L, -1))
                    ok = bad(c, "historical", "%s: 'historical' must be true or false", owhat);
                lua_pop(c->L, 1);
                if (ok && op->historical) {
                    if (in->historical_option >= 0)
                        ok = bad(c, "historical", "%s: only one option can be the one history took", what);
                    in->historical_option = (int)(i - 1);
                }
            }
            int f = ok ? fn_field(c, ot, owhat, "effects") : 0;
            if (f < 0)
                ok = false;
            else if (f)
                lua_pop(c->L, 1);
        }
        lua_pop(c->L, 1);
    }
    in->option_count = (int)n;
    lua_pop(c->L, 1);
    if (!ok)
        return false;
    char def_opt[CORE_ID_LEN];
    if (!str_field(c, t, what, "default", def_opt, sizeof def_opt, in->options[0].id))
        return false;
    in->default_option = script_option_find(in, def_opt);
    if (in->default_option < 0)
        return bad(c, "default", "%s: default option '%s' is not one of its options", what, def_opt);
    return true;
}

static bool register_event(const LoadCtx *c, int t)
{
    ScriptHost *h = c->h;
    if (h->event_count >= SCRIPT_MAX_EVENTS)
        return bad(c, NULL, "too many events (at most %d)", SCRIPT_MAX_EVENTS);
    ScriptEvent *e = &h->events[h->event_count];
    memset(e, 0, sizeof *e);
    ScriptEventInfo *in = &e->info;
    if (!str_field(c, t, "event", "id", in->id, sizeof in->id, NULL))
        return false;
    char what[80], shown[CORE_ID_LEN];
    snprintf(what, sizeof what, "event '%s'", shown_id(in->id, shown));
    if (!valid_id(in->id))
        return bad(c, in->id, "%s: ids use only a-z, 0-9 and _ (at most %d characters)", what, CORE_ID_LEN - 1);
    int dup = script_event_find(h, in->id);
    int slot = choose_slot(c, t, what, in->id, dup, dup >= 0 ? h->events[dup].mod : -1,
                           dup >= 0 ? h->events[dup].info.file : "", h->event_count);
    if (slot < 0 || !only_fields(c, t, what, "Event"))
        return false;
    char def[96], scope[16];
    snprintf(def, sizeof def, "event.%s.title", in->id);
    if (!str_field(c, t, what, "title", in->title_key, sizeof in->title_key, def))
        return false;
    snprintf(def, sizeof def, "event.%s.text", in->id);
    if (!str_field(c, t, what, "text", in->text_key, sizeof in->text_key, def) ||
        !str_field(c, t, what, "picture", in->picture, sizeof in->picture, "") ||
        !str_field(c, t, what, "province", in->province, sizeof in->province, "") ||
        !str_field(c, t, what, "scope", scope, sizeof scope, "national") ||
        !sources_field(c, t, what, in->sources, &in->source_count))
        return false;
    if (strcmp(scope, "national") != 0 && strcmp(scope, "province") != 0)
        return bad(c, "scope", "%s: 'scope' must be \"national\" or \"province\"", what);
    /* A picture is a PNG inside the mod's own folder: nothing else is read. */
    size_t plen = strlen(in->picture);
    if (plen && (!relative_path(in->picture) || strstr(in->picture, "..") || plen < 5 ||
                 strcmp(in->picture + plen - 4, ".png") != 0))
        return bad(c, "picture", "%s: 'picture' must be a .png path inside the mod's folder, like \"pictures/x.png\"",
                   what);
    in->per_province = strcmp(scope, "province") == 0;
    if (in->per_province && in->province[0])
        return bad(c, "province", "%s: a per-province event cannot also name one province", what);
    lua_getfield(c->L, t, "once");
    in->once = lua_isnil(c->L, -1) ? true : lua_toboolean(c->L, -1);
    lua_pop(c->L, 1);
    int f = fn_field(c, t, what, "trigger");
    if (f < 0)
        return false;
    if (f)
        lua_pop(c->L, 1);
    if (!event_timing(c, t, what, e) || !event_options(c, t, what, in))
        return false;
    script_copy(in->mod, sizeof in->mod, h->mods[c->mod].id);
    snprintf(in->file, sizeof in->file, "%s", c->display);
    lua_pushvalue(c->L, t);
    e->ref = luaL_ref(c->L, LUA_REGISTRYINDEX);
    e->mod = c->mod;
    if (slot == h->event_count)
        h->event_count++;
    else
        h->events[slot] = *e; /* it fires where the overridden event did */
    return true;
}

/* ==== Scenarios ==== */

/* events = { lushan = "listen_to_peng", ... }: the scenario's own history.
 * The ids are checked once every mod has loaded (game_start). Kept sorted by
 * event id, so that pairs() order never shows. */
static bool scenario_choices(const LoadCtx *c, int t, const char *what, ScriptScenario *sc, int *lines)
{
    lua_getfield(c->L, t, "events");
    bool ok = true;
    if (lua_istable(c->L, -1)) {
        lua_pushnil(c->L);
        while (ok && lua_next(c->L, -2) != 0) {
            if (lua_type(c->L, -2) != LUA_TSTRING || lua_type(c->L, -1) != LUA_TSTRING ||
                lua_rawlen(c->L, -2) >= CORE_ID_LEN || lua_rawlen(c->L, -1) >= CORE_ID_LEN)
                ok = bad(c, "events", "%s: 'events' maps event ids to option ids: { lushan = \"listen_to_peng\" }",
                         what);
            else if (sc->choice_count >= SCRIPT_MAX_SCENARIO_CHOICES)
                ok = bad(c, "events", "%s: at most %d entries in 'events'", what, SCRIPT_MAX_SCENARIO_CHOICES);
            else {
                int i = sc->choice_count++;
                while (i > 0 && strcmp(sc->choice_event[i - 1], lua_tostring(c->L, -2)) > 0) {
                    memcpy(sc->choice_event[i], sc->choice_event[i - 1], CORE_ID_LEN);
                    memcpy(sc->choice_option[i], sc->choice_option[i - 1], CORE_ID_LEN);
                    lines[i] = lines[i - 1];
                    i--;
                }
                script_copy(sc->choice_event[i], CORE_ID_LEN, lua_tostring(c->L, -2));
                script_copy(sc->choice_option[i], CORE_ID_LEN, lua_tostring(c->L, -1));
                lines[i] = line_of(c->src, sc->choice_event[i]);
            }
            lua_pop(c->L, 1);
        }
        if (!ok)
            lua_pop(c->L, 1); /* the key lua_next left */
    } else if (!lua_isnil(c->L, -1)) {
        ok = bad(c, "events", "%s: 'events' must be a table like { lushan = \"listen_to_peng\" }", what);
    }
    lua_pop(c->L, 1);
    return ok;
}

static bool register_scenario(const LoadCtx *c, int t)
{
    ScriptHost *h = c->h;
    if (h->scenario_count >= SCRIPT_MAX_SCENARIOS)
        return bad(c, NULL, "too many scenarios");
    ScriptScenarioDef *d = &h->scenarios[h->scenario_count];
    memset(d, 0, sizeof *d);
    ScriptScenario *sc = &d->sc;
    if (!str_field(c, t, "scenario", "id", sc->id, sizeof sc->id, NULL))
        return false;
    char what[80], shown[CORE_ID_LEN];
    snprintf(what, sizeof what, "scenario '%s'", shown_id(sc->id, shown));
    if (!valid_id(sc->id)) /* saves record it on a line of their header */
        return bad(c, "id", "%s: ids use only a-z, 0-9 and _ (at most %d characters)", what, CORE_ID_LEN - 1);
    int dup = -1;
    for (int i = 0; i < h->scenario_count; i++)
        if (strcmp(h->scenarios[i].sc.id, sc->id) == 0)
            dup = i;
    int slot = choose_slot(c, t, what, sc->id, dup, dup >= 0 ? h->scenarios[dup].mod : -1,
                           dup >= 0 ? h->scenarios[dup].file : "", h->scenario_count);
    if (slot < 0 || !only_fields(c, t, what, "Scenario") ||
        !str_field(c, t, what, "start", d->start_text, sizeof d->start_text, NULL))
        return false;
    if (!script_parse_date(d->start_text, &sc->start_year, &sc->start_month))
        return bad(c, "start", "%s: 'start' must be a date \"YYYY-MM\"", what);
    lua_getfield(c->L, t, "data");
    int dt = lua_gettop(c->L);
    bool ok = lua_istable(c->L, dt) ||
              bad(c, "data", "%s: 'data' must be { params = \"assets/...\", provinces = \"assets/...\" }", what);
    ok = ok && str_field(c, dt, what, "params", sc->params_file, sizeof sc->params_file, NULL) &&
         str_field(c, dt, what, "provinces", sc->provinces_file, sizeof sc->provinces_file, NULL);
    lua_pop(c->L, 1);
    const char *const keys[] = {"params", "provinces"}, *const files[] = {sc->params_file, sc->provinces_file};
    for (int i = 0; i < 2 && ok; i++)
        if (!relative_path(files[i]))
            ok = bad(c, keys[i], "%s: data.%s must be a path inside the mod's folder or the game's assets/data, "
                     "like \"data/params.csv\" (no '..', no leading '/')", what, keys[i]);
    if (!ok)
        return false;
    lua_getfield(c->L, t, "history");
    if (lua_istable(c->L, -1)) {
        int ht = lua_gettop(c->L);
        lua_Integer n = luaL_len(c->L, ht);
        if (n > SCRIPT_MAX_TIMELINE)
            ok = bad(c, "history", "%s: at most %d history entries", what, SCRIPT_MAX_TIMELINE);
        for (lua_Integer i = 1; i <= n && ok; i++) {
            ScriptTimelineEntry *te = &sc->timeline[i - 1];
            lua_rawgeti(c->L, ht, i);
            int et = lua_gettop(c->L);
            char date[16] = "", enact[CORE_ID_LEN] = "", repeal[CORE_ID_LEN] = "";
            ok = lua_istable(c->L, et) && str_field(c, et, what, "date", date, sizeof date, NULL) &&
                 str_field(c, et, what, "enact", enact, sizeof enact, "") &&
                 str_field(c, et, what, "repeal", repeal, sizeof repeal, "");
            int y, m;
            if (ok && (!script_parse_date(date, &y, &m) || (!enact[0]) == (!repeal[0])))
                ok = bad(c, date, "%s: history entry %d needs date = \"YYYY-MM\" and one of enact = or repeal =",
                         what, (int)i);
            if (ok) {
                te->month = (y - sc->start_year) * 12 + (m - sc->start_month);
                te->enact = enact[0] != 0;
                snprintf(te->policy, sizeof te->policy, "%s", enact[0] ? enact : repeal);
                d->timeline_line[i - 1] = line_of(c->src, te->policy);
                script_copy(d->timeline_dates[i - 1], sizeof d->timeline_dates[i - 1], date);
            }
            lua_pop(c->L, 1);
        }
        sc->timeline_count = ok ? (int)n : 0;
    } else if (!lua_isnil(c->L, -1)) {
        ok = bad(c, "history", "%s: 'history' must be a list", what);
    }
    lua_pop(c->L, 1);
    ok = ok && scenario_choices(c, t, what, sc, d->choice_line);
    int f = ok ? fn_field(c, t, what, "setup") : -1;
    if (f < 0)
        return false;
    if (f)
        lua_pop(c->L, 1);
    lua_pushvalue(c->L, t);
    d->ref = luaL_ref(c->L, LUA_REGISTRYINDEX);
    d->mod = c->mod;
    snprintf(d->file, sizeof d->file, "%s", c->display);
    if (slot == h->scenario_count)
        h->scenario_count++;
    else
        h->scenarios[slot] = *d;
    return true;
}

/* ==== Locale ==== */

/* Adds one language's strings. A key another file already defines is an
 * error naming both files; replacing it takes an explicit
 * override = { ["key"] = "text" } table, whose keys must exist already. */
static bool merge_locale(const LoadCtx *c, int t, const char *file_name)
{
    /* en.lua, zh.lua, or split into parts: en_ui.lua, zh_ui.lua, ... */
    ScriptLang lang;
    if (strcmp(file_name, "en.lua") == 0 || strncmp(file_name, "en_", 3) == 0)
        lang = SCRIPT_LANG_EN;
    else if (strcmp(file_name, "zh.lua") == 0 || strncmp(file_name, "zh_", 3) == 0)
        lang = SCRIPT_LANG_ZH;
    else
        return bad(c, NULL, "locale files are named en.lua, zh.lua, en_<part>.lua or zh_<part>.lua, not %s",
                   file_name);
    ScriptLocale *loc = &c->h->locale[lang];
    bool ok = true;
    for (int pass = 0; pass < 2; pass++) { /* the keys, then the overrides */
        int tbl = t;
        if (pass == 1) {
            lua_getfield(c->L, t, "override");
            if (lua_isnil(c->L, -1)) {
                lua_pop(c->L, 1);
                break;
            }
            tbl = lua_gettop(c->L);
            if (!lua_istable(c->L, tbl)) {
                lua_pop(c->L, 1);
                return bad(c, "override", "'override' must be a table of existing keys and their new text");
            }
        }
        lua_pushnil(c->L);
        while (lua_next(c->L, tbl) != 0) {
            bool is_override = pass == 0 && lua_type(c->L, -2) == LUA_TSTRING &&
                               strcmp(lua_tostring(c->L, -2), "override") == 0 && lua_istable(c->L, -1);
            if (is_override) {
                lua_pop(c->L, 1);
                continue;
            }
            if (lua_type(c->L, -2) != LUA_TSTRING || lua_type(c->L, -1) != LUA_TSTRING) {
                lua_pop(c->L, 2);
                return bad(c, NULL, "locale tables map string keys to strings");
            }
            /* Sandbox (script_internal.h): locale text leaves the capped Lua
             * state, so its size is capped here. */
            size_t klen = lua_rawlen(c->L, -2), vlen = lua_rawlen(c->L, -1);
            ScriptMod *m = &c->h->mods[c->mod];
            char why[96] = "";
            if (klen > SCRIPT_MAX_LOCALE_KEY)
                snprintf(why, sizeof why, "a locale key is longer than %d bytes", SCRIPT_MAX_LOCALE_KEY);
            else if (vlen > SCRIPT_MAX_LOCALE_TEXT)
                snprintf(why, sizeof why, "a locale text is longer than %zu KiB", SCRIPT_MAX_LOCALE_TEXT >> 10);
            else if (klen + vlen > SCRIPT_MAX_LOCALE_BYTES - m->locale_bytes)
                snprintf(why, sizeof why, "the mod's locale texts exceed %zu MiB in all", SCRIPT_MAX_LOCALE_BYTES >> 20);
            else if (m->locale_keys >= SCRIPT_MAX_LOCALE_KEYS)
                snprintf(why, sizeof why, "the mod has more than %d locale keys", SCRIPT_MAX_LOCALE_KEYS);
            if (why[0]) {
                lua_pop(c->L, 2 + pass);
                return bad(c, NULL, "%s", why);
            }
            m->locale_bytes += klen + vlen;
            m->locale_keys++;
            const char *key = lua_tostring(c->L, -2);
            bool exists = script_locale_get(loc, key) != NULL;
            if (pass == 0 && exists)
                ok = bad(c, key,
                         "locale key '%s' is already defined in %s (put it in override = { ... } to replace it)",
                         key, script_locale_file(loc, key));
            else if (pass == 1 && !exists)
                ok = bad(c, key, "override: no earlier file defines the key '%s' in %s", key,
                         lang == SCRIPT_LANG_EN ? "English" : "Chinese");
            else if (!script_locale_add(loc, key, lua_tostring(c->L, -1), c->display)) {
                lua_pop(c->L, 2 + pass);
                return bad(c, NULL, "out of memory reading locale strings");
            }
            lua_pop(c->L, 1);
        }
        if (pass == 1)
            lua_pop(c->L, 1);
    }
    return ok;
}

/* ==== Files and folders ==== */

typedef enum FileKind { FILE_MANIFEST, FILE_LOCALE, FILE_POLICY, FILE_EVENT, FILE_SCENARIO } FileKind;

/* A list of ids (dependencies) in field `key`; false after a report. */
static bool id_list_field(const LoadCtx *c, int t, const char *key, char out[][CORE_ID_LEN], int cap, int *count)
{
    *count = 0;
    lua_getfield(c->L, t, key);
    bool ok = lua_isnil(c->L, -1) || lua_istable(c->L, -1) ||
              bad(c, key, "mod.lua: '%s' must be a list of mod ids", key);
    lua_Integer n = ok && lua_istable(c->L, -1) ? luaL_len(c->L, -1) : 0;
    for (lua_Integer i = 1; i <= n && ok; i++) {
        lua_rawgeti(c->L, -1, i);
        const char *id = lua_type(c->L, -1) == LUA_TSTRING ? lua_tostring(c->L, -1) : "";
        if (!valid_id(id))
            ok = bad(c, key, "mod.lua: '%s' entry %d must be a mod id (a-z, 0-9 and _)", key, (int)i);
        else if (*count >= cap)
            ok = bad(c, key, "mod.lua: at most %d entries in '%s'", cap, key);
        else
            script_copy(out[(*count)++], CORE_ID_LEN, id);
        lua_pop(c->L, 1);
    }
    lua_pop(c->L, 1);
    return ok;
}

static bool languages_field(const LoadCtx *c, int t, ScriptManifest *mf)
{
    char langs[SCRIPT_LANG_COUNT + 1][CORE_ID_LEN];
    int n;
    lua_getfield(c->L, t, "languages");
    bool absent = lua_isnil(c->L, -1);
    lua_pop(c->L, 1);
    if (absent)
        return true;
    if (!id_list_field(c, t, "languages", langs, SCRIPT_LANG_COUNT + 1, &n))
        return false;
    for (int i = 0; i < n; i++) {
        if (strcmp(langs[i], "en") == 0)
            mf->languages[SCRIPT_LANG_EN] = true;
        else if (strcmp(langs[i], "zh") == 0)
            mf->languages[SCRIPT_LANG_ZH] = true;
        else
            return bad(c, "languages", "mod.lua: unknown language '%s' (the game has \"en\" and \"zh\")", langs[i]);
    }
    return true;
}

/* parameters = { kcal_need = 2000 }: names must be the core's parameter
 * names; ranges are checked against the scenario's data when a game starts
 * (game.c), because the core's rules look at all parameters together. */
static bool parameters_field(const LoadCtx *c, int t, ScriptManifest *mf)
{
    lua_getfield(c->L, t, "parameters");
    bool ok = lua_isnil(c->L, -1) || lua_istable(c->L, -1) ||
              bad(c, "parameters", "mod.lua: 'parameters' must be a table like { kcal_need = 2000 }");
    if (ok && lua_istable(c->L, -1)) {
        lua_pushnil(c->L);
        while (ok && lua_next(c->L, -2) != 0) {
            const char *name = lua_type(c->L, -2) == LUA_TSTRING ? lua_tostring(c->L, -2) : NULL;
            int isnum = 0;
            double v = lua_tonumberx(c->L, -1, &isnum);
            if (!name || core_param_find(name) == CORE_PARAM_COUNT)
                ok = bad(c, name ? name : "parameters",
                         "mod.lua: unknown parameter '%s' (see the parameter table in docs/api/api.md)",
                         name ? name : "?");
            else if (!isnum || lua_type(c->L, -1) != LUA_TNUMBER || !(v == v) || v > 1e300 || v < -1e300)
                ok = bad(c, name, "mod.lua: parameter '%s' must be a number", name);
            else if (mf->parameter_count >= SCRIPT_MAX_MOD_PARAMETERS)
                ok = bad(c, name, "mod.lua: at most %d parameters", SCRIPT_MAX_MOD_PARAMETERS);
            else {
                /* Insert sorted by name: pairs() order must not show. */
                int i = mf->parameter_count++;
                while (i > 0 && strcmp(mf->parameters[i - 1].name, name) > 0) {
                    mf->parameters[i] = mf->parameters[i - 1];
                    i--;
                }
                ScriptParamSetting *ps = &mf->parameters[i];
                script_copy(ps->name, sizeof ps->name, name);
                ps->value = v;
                ps->line = line_of(c->src, name);
            }
            lua_pop(c->L, 1);
        }
        if (!ok)
            lua_pop(c->L, 1); /* the key lua_next left */
    }
    lua_pop(c->L, 1);
    return ok;
}

/* mod.lua: { id = "base", name = "...", version = "1.0.0", api_version = 1, ... } */
static bool read_manifest_table(const LoadCtx *c, int t)
{
    ScriptMod *m = &c->h->mods[c->mod];
    ScriptManifest *mf = &m->manifest;
    bool ok = only_fields(c, t, "mod.lua", "Manifest") &&
              str_field(c, t, "mod.lua", "id", m->id, sizeof m->id, NULL) &&
              str_field(c, t, "mod.lua", "version", m->version, sizeof m->version, "0") &&
              str_field(c, t, "mod.lua", "name", mf->name, sizeof mf->name, "");
    if (ok && !valid_id(m->id))
        ok = bad(c, "id", "mod.lua: the mod id '%s' may use only a-z, 0-9 and _", m->id);
    if (ok && !valid_version(m->version)) /* saves record it on a line of their header */
        ok = bad(c, "version", "mod.lua: 'version' may use only letters, digits and . _ + - (like \"1.0.0\")");
    if (ok) {
        lua_getfield(c->L, t, "api_version");
        lua_Integer v = lua_tointeger(c->L, -1);
        if (!lua_isinteger(c->L, -1) || v < 1)
            ok = bad(c, "api_version", "mod.lua: 'api_version' must be a whole number (this game has %d)",
                     SCRIPT_API_VERSION);
        else if (v > SCRIPT_API_VERSION)
            ok = bad(c, "api_version", "mod.lua: the mod needs API version %lld; this game has %d", (long long)v,
                     SCRIPT_API_VERSION);
        mf->api_version = (int)v;
        lua_pop(c->L, 1);
    }
    ok = ok && id_list_field(c, t, "dependencies", mf->dependencies, SCRIPT_MAX_DEPENDENCIES, &mf->dependency_count) &&
         languages_field(c, t, mf) && parameters_field(c, t, mf);
    script_copy(mf->id, sizeof mf->id, m->id);
    script_copy(mf->version, sizeof mf->version, m->version);
    mf->id_line = line_of(c->src, "id");
    mf->dependencies_line = line_of(c->src, "dependencies");
    return ok;
}

typedef struct LoadJob {
    ScriptHost *h;
    int mod;
    const char *display, *file_name, *src;
    size_t len;
    FileKind kind;
    bool ok;
} LoadJob;

/* Runs protected (script_protected): builds the env, loads, runs and
 * registers the file's declaration. */
static int load_file_body(lua_State *L)
{
    LoadJob *j = lua_touserdata(L, 1);
    char chunk[300];
    snprintf(chunk, sizeof chunk, "@%s", j->display);
    LoadCtx c = {j->h, j->mod, L, j->display, j->src};
    if (!script_run_chunk_env(j->h, j->mod, j->src, j->len, chunk, 1, "loading"))
        return 0;
    int t = lua_gettop(L);
    script_reload_hook_keep(L, t - 1); /* the file's environment */
    if (!lua_istable(L, t)) {
        bad(&c, NULL, "the file must return a table (it returned a %s)", luaL_typename(L, t));
        return 0;
    }
    switch (j->kind) {
    case FILE_MANIFEST: j->ok = read_manifest_table(&c, t); break;
    case FILE_LOCALE: j->ok = merge_locale(&c, t, j->file_name); break;
    case FILE_POLICY: j->ok = register_policy(&c, t); break;
    case FILE_EVENT: j->ok = register_event(&c, t); break;
    case FILE_SCENARIO: j->ok = register_scenario(&c, t); break;
    }
    return 0;
}

static bool load_file(ScriptHost *h, int mod, const char *path, const char *display, const char *file_name,
                      FileKind kind)
{
    size_t len;
    char *src = script_mod_file_read(h, mod, path, MAX_SCRIPT_BYTES, &len);
    if (!src) { /* line 1: the file as a whole */
        script_report(h, mod, "loading", display, 1, "%s", plat_error());
        return false;
    }
    LoadJob j = {h, mod, display, file_name, src, len, kind, false};
    script_protected(h, mod, load_file_body, &j, "loading");
    free(src);
    return j.ok;
}

static void load_folder(ScriptHost *h, int mod, const char *sub, FileKind kind)
{
    ScriptMod *m = &h->mods[mod];
    char dir[PLAT_PATH_MAX];
    if (!plat_path_join(dir, sizeof dir, m->dir, sub) || !plat_is_dir(dir))
        return;
    int n;
    char **names = plat_list_dir(dir, ".lua", &n);
    if (!names) {
        script_report(h, mod, "loading", sub, 0, "%s", plat_error());
        return;
    }
    for (int i = 0; i < n; i++) {
        char path[PLAT_PATH_MAX], display[512];
        plat_path_join(path, sizeof path, dir, names[i]);
        snprintf(display, sizeof display, "%s/%s/%s", m->display_dir, sub, names[i]);
        load_file(h, mod, path, display, names[i], kind);
    }
    plat_list_free(names, n);
}

/* Installs what every mod's files see besides the sandbox: require and
 * storage. Run protected: both allocate. */
static int open_extras(lua_State *L)
{
    script_require_open(L);
    script_storage_open(L);
    return 0;
}

/* Creates mod slot `h->mod_count` for a folder and reads its manifest.
 * Returns the mod index, or -1 after reporting why it cannot load. */
static int open_mod(ScriptHost *h, const char *dir, const char *display_root)
{
    if (h->mod_count >= SCRIPT_MAX_MODS) {
        script_report(h, -1, "loading", dir, 0, "too many mods (at most %d)", SCRIPT_MAX_MODS);
        return -1;
    }
    if (!plat_is_dir(dir)) {
        script_report(h, -1, "loading", dir, 0, "not a folder");
        return -1;
    }
    int mod = h->mod_count;
    ScriptMod *m = &h->mods[mod];
    memset(m, 0, sizeof *m);
    snprintf(m->dir, sizeof m->dir, "%s", dir);
    snprintf(m->display_dir, sizeof m->display_dir, "%s", display_root ? display_root : dir);
    const char *base = strrchr(dir, '/');
    snprintf(m->id, sizeof m->id, "%s", base && base[1] ? base + 1 : dir);
    snprintf(m->version, sizeof m->version, "0");
    if (!script_sandbox_open(h, m)) {
        script_report(h, -1, "loading", dir, 0, "cannot create a Lua state (out of memory)");
        return -1;
    }
    h->mod_count++;
    if (!script_protected(h, mod, open_extras, NULL, "loading")) {
        m->disabled = true;
        return -1;
    }
    char manifest[PLAT_PATH_MAX], display[sizeof m->manifest.file];
    plat_path_join(manifest, sizeof manifest, dir, "mod.lua");
    snprintf(display, sizeof display, "%s/mod.lua", m->display_dir);
    script_copy(m->manifest.file, sizeof m->manifest.file, display);
    if (plat_is_file(manifest) && !load_file(h, mod, manifest, display, "mod.lua", FILE_MANIFEST)) {
        m->disabled = true;
        return -1;
    }
    if (!plat_is_file(manifest))
        m->manifest.file[0] = '\0';
    script_copy(m->manifest.id, sizeof m->manifest.id, m->id);
    script_copy(m->manifest.version, sizeof m->manifest.version, m->version);
    return mod;
}

bool script_host_load_mod(ScriptHost *h, const char *dir, const char *display_root)
{
    int mod = open_mod(h, dir, display_root);
    if (mod < 0)
        return false;
    ScriptMod *m = &h->mods[mod];
    for (int i = 0; i < mod; i++)
        if (strcmp(h->mods[i].id, m->id) == 0) {
            script_report(h, mod, "loading", m->manifest.file[0] ? m->manifest.file : m->display_dir, 1,
                          "mod id '%s' is already used by %s", m->id,
                          h->mods[i].manifest.file[0] ? h->mods[i].manifest.file : h->mods[i].dir);
            m->disabled = true;
            return false;
        }
    m->migration_level = script_migrations_scan(h, mod);
    load_folder(h, mod, "locale", FILE_LOCALE);
    load_folder(h, mod, "policies", FILE_POLICY);
    load_folder(h, mod, "events", FILE_EVENT);
    load_folder(h, mod, "scenarios", FILE_SCENARIO);
    return true;
}

bool script_manifest_read(const char *dir, const char *display, ScriptManifest *out, char *err, size_t err_cap)
{
    memset(out, 0, sizeof *out);
    err[0] = '\0';
    char manifest[PLAT_PATH_MAX];
    if (!plat_path_join(manifest, sizeof manifest, dir, "mod.lua") || !plat_is_file(manifest)) {
        snprintf(err, err_cap, "%s: not a mod folder (a mod starts with a mod.lua manifest)", display);
        return false;
    }
    /* A manifest is a small table: a few MiB is plenty, and a manifest that
     * fills memory meets that limit long before the clock, however slow the
     * machine. */
    ScriptHost *h = script_host_create(&(ScriptHostDesc){.mem_cap_bytes = (size_t)4 << 20});
    int mod = h ? open_mod(h, dir, display) : -1;
    if (mod >= 0)
        *out = h->mods[mod].manifest;
    else if (h && script_error_count(h) > 0) {
        const ScriptError *e = script_error_at(h, 0);
        snprintf(err, err_cap, "%s:%d: %s", e->file, e->line, e->message);
    } else
        snprintf(err, err_cap, "%s: out of memory reading the manifest", display);
    script_host_destroy(h);
    return mod >= 0;
}

/* ==== Lookups ==== */

int script_policy_count(const ScriptHost *h) { return h->policy_count; }
const ScriptPolicyInfo *script_policy_at(const ScriptHost *h, int i)
{
    return i >= 0 && i < h->policy_count ? &h->policies[i].info : NULL;
}
int script_policy_find(const ScriptHost *h, const char *id)
{
    for (int i = 0; i < h->policy_count; i++)
        if (strcmp(h->policies[i].info.id, id) == 0)
            return i;
    return -1;
}
int script_event_count(const ScriptHost *h) { return h->event_count; }
const ScriptEventInfo *script_event_at(const ScriptHost *h, int i)
{
    return i >= 0 && i < h->event_count ? &h->events[i].info : NULL;
}
bool script_event_picture_path(const ScriptHost *h, const ScriptEventInfo *e, char *out, size_t cap)
{
    for (int i = 0; i < h->event_count; i++)
        if (&h->events[i].info == e && e->picture[0]) {
            const char *dir = h->mods[h->events[i].mod].dir;
            int n = snprintf(out, cap, "%s/%s", dir, e->picture);
            return n > 0 && (size_t)n < cap && plat_path_inside(dir, out); /* no link out of the folder */
        }
    return false;
}

const ScriptManifest *script_mod_manifest(const ScriptHost *h, int mod)
{
    return mod >= 0 && mod < h->mod_count ? &h->mods[mod].manifest : NULL;
}

const char *script_mod_dir(const ScriptHost *h, int mod)
{
    return mod >= 0 && mod < h->mod_count ? h->mods[mod].dir : NULL;
}

int script_mod_migration_level(const ScriptHost *h, int mod)
{
    return mod >= 0 && mod < h->mod_count ? h->mods[mod].migration_level : 0;
}

int script_mod_find(const ScriptHost *h, const char *id)
{
    for (int i = 0; i < h->mod_count; i++)
        if (strcmp(h->mods[i].id, id) == 0)
            return i;
    return -1;
}

int script_event_find(const ScriptHost *h, const char *id)
{
    for (int i = 0; i < h->event_count; i++)
        if (strcmp(h->events[i].info.id, id) == 0)
            return i;
    return -1;
}
int script_option_find(const ScriptEventInfo *e, const char *id)
{
    for (int i = 0; i < e->option_count; i++)
        if (strcmp(e->options[i].id, id) == 0)
            return i;
    return -1;
}

/* Whether the state already holds exactly this definition of a policy.
 * Registering it again would not be a no-op for an active policy: the core
 * re-derives its modifiers at the end of its list, which changes the state
 * (a hot reload that did not touch the policy must leave it bit-identical). */
static bool core_has_definition(const CoreState *s, const char *id, const CoreModifierDesc *mods, int count)
{
    int idx = core_policy_find(s, id);
    if (idx < 0 || s->policies[idx].modifier_count != count)
        return false;
    for (int k = 0; k < count; k++) {
        const CoreModifierDesc *a = &s->policies[idx].modifiers[k], *b = &mods[k];
        if (a->lever != b->lever || a->op != b->op || a->amount != b->amount || a->province != b->province ||
            a->month_mask != b->month_mask || a->scale != b->scale)
            return false;
    }
    return true;
}

bool script_register_policies(ScriptHost *h, CoreState *s)
{
    bool ok = true;
    for (int i = 0; i < h->policy_count; i++) {
        ScriptPolicyInfo *in = &h->policies[i].info;
        CoreModifierDesc mods[CORE_MAX_POLICY_MODIFIERS];
        memcpy(mods, in->modifiers, sizeof mods);
        bool good = true;
        for (int k = 0; k < in->modifier_count; k++) {
            char err[160];
            if (in->param_of[k][0] && !script_param_value(s, in->param_of[k], &mods[k].amount, err, sizeof err)) {
                script_report(h, h->policies[i].mod, "loading", in->file, 1, "policy '%s': modifier %d: %s", in->id,
                              k + 1, err);
                good = false;
            }
            if (!in->province_of[k][0])
                continue;
            mods[k].province = core_province_find(s, in->province_of[k]);
            if (mods[k].province < 0) {
                script_report(h, h->policies[i].mod, "loading", in->file, 1,
                              "policy '%s': modifier %d names unknown province '%s'", in->id, k + 1,
                              in->province_of[k]);
                good = false;
            }
        }
        if (good && !core_has_definition(s, in->id, mods, in->modifier_count) &&
            core_policy_register(s, in->id, mods, in->modifier_count) < 0) {
            script_report(h, h->policies[i].mod, "loading", in->file, 1, "%s", core_error_get());
            good = false;
        }
        if (!good) {
            in->disabled = true;
            ok = false;
        }
    }
    return ok;
}

bool script_scenario_get(const ScriptHost *h, const char *id, ScriptScenario *out)
{
    for (int i = 0; i < h->scenario_count; i++)
        if (strcmp(h->scenarios[i].sc.id, id) == 0) {
            *out = h->scenarios[i].sc;
            script_copy(out->folder, sizeof out->folder, h->mods[h->scenarios[i].mod].dir);
            return true;
        }
    return false;
}

int script_scenario_count(const ScriptHost *h) { return h->scenario_count; }

const char *script_scenario_id(const ScriptHost *h, int i)
{
    return i >= 0 && i < h->scenario_count ? h->scenarios[i].sc.id : NULL;
}

const char *script_scenario_file(const ScriptHost *h, int i)
{
    return i >= 0 && i < h->scenario_count ? h->scenarios[i].file : NULL;
}

bool script_scenario_check(const ScriptHost *h, const char *id, ScriptProblemFn problem, void *user)
{
    const ScriptScenarioDef *d = NULL;
    for (int i = 0; i < h->scenario_count; i++)
        if (strcmp(h->scenarios[i].sc.id, id) == 0)
            d = &h->scenarios[i];
    if (!d)
        return false;
    bool ok = true;
    char msg[300];
    for (int i = 0; i < d->sc.timeline_count; i++) {
        const ScriptTimelineEntry *te = &d->sc.timeline[i];
        if (script_policy_find(h, te->policy) < 0) {
            snprintf(msg, sizeof msg, "scenario '%s': history names unknown policy '%s'", id, te->policy);
            problem(d->file, d->timeline_line[i], msg, user);
            ok = false;
        }
    }
    for (int i = 0; i < d->sc.choice_count; i++) {
        int e = script_event_find(h, d->sc.choice_event[i]);
        if (e < 0)
            snprintf(msg, sizeof msg, "scenario '%s': events names unknown event '%s'", id, d->sc.choice_event[i]);
        else if (script_option_find(script_event_at(h, e), d->sc.choice_option[i]) < 0)
            snprintf(msg, sizeof msg, "scenario '%s': event '%s' has no option '%s'", id, d->sc.choice_event[i],
                     d->sc.choice_option[i]);
        else
            continue;
        problem(d->file, d->choice_line[i], msg, user);
        ok = false;
    }
    return ok;
}

/* ==== Files of loaded mods (for checks) ==== */

int script_file_mod(const ScriptHost *h, const char *display)
{
    int best = -1;
    size_t best_len = 0;
    for (int i = 0; i < h->mod_count; i++) {
        size_t n = strlen(h->mods[i].display_dir);
        if (n > best_len && strncmp(display, h->mods[i].display_dir, n) == 0 && display[n] == '/') {
            best = i;
            best_len = n;
        }
    }
    return best;
}

void script_error_file(const ScriptHost *h, const char *file, char *out, size_t cap)
{
    snprintf(out, cap, "%s", file);
    if (strncmp(file, "...", 3) != 0)
        return;
    const char *tail = file + 3;
    /* tail = (end of a mod's display folder) + "/" + (a file in that mod) */
    for (int m = 0; m < h->mod_count; m++) {
        const char *dir = h->mods[m].display_dir;
        size_t dn = strlen(dir);
        for (const char *slash = strchr(tail, '/'); slash; slash = strchr(slash + 1, '/')) {
            size_t head = (size_t)(slash - tail);
            char path[PLAT_PATH_MAX];
            if (head > dn || strncmp(dir + dn - head, tail, head) != 0 ||
                !plat_path_join(path, sizeof path, h->mods[m].dir, slash + 1) || !plat_is_file(path))
                continue;
            snprintf(out, cap, "%s%s", dir, slash);
            return;
        }
    }
}

bool script_file_path(const ScriptHost *h, const char *display, char *out, size_t cap)
{
    int mod = script_file_mod(h, display);
    return mod >= 0 && plat_path_join(out, cap, h->mods[mod].dir, display + strlen(h->mods[mod].display_dir) + 1) &&
           plat_path_inside(h->mods[mod].dir, out);
}

static int syntax_body(lua_State *L)
{
    ScriptFileJob *j = lua_touserdata(L, 1);
    char chunk[PLAT_PATH_MAX + 1];
    snprintf(chunk, sizeof chunk, "@%s", j->display);
    script_sandbox_push_env(L);
    if (script_sandbox_load(L, j->src, j->len, chunk) == LUA_OK) {
        j->ok = true;
        return 0;
    }
    const char *msg = lua_tostring(L, -1);
    const char *colon = msg ? strstr(msg, ".lua:") : NULL;
    int line = colon ? atoi(colon + 5) : 0;
    const char *text = colon ? strchr(colon + 5, ':') : NULL;
    script_report(j->h, j->mod, "syntax", j->display, line, "%s", text ? text + 2 : msg ? msg : "cannot load");
    return 0;
}

bool script_syntax_check(ScriptHost *h, int mod, const char *path, const char *display)
{
    if (mod < 0 || mod >= h->mod_count)
        return false;
    size_t len;
    char *src = script_mod_file_read(h, mod, path, MAX_SCRIPT_BYTES, &len);
    if (!src) {
        script_report(h, mod, "syntax", display, 1, "%s", plat_error());
        return false;
    }
    ScriptFileJob j = {h, mod, src, display, len, false};
    script_protected(h, mod, syntax_body, &j, "syntax");
    free(src);
    return j.ok;
}
