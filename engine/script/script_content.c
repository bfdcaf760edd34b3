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

/* Line of the first occurrence of `token` in the source (1 if absent), so
 * that a declaration error points near the offending field. */
static int line_of(const char *src, const char *token)
{
    const char *hit = token && *token ? strstr(src, token) : NULL;
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

/* Rejects fields that are not in `allowed` (NULL-terminated). */
static bool only_fields(const LoadCtx *c, int t, const char *what, const char *const *allowed)
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
        bool ok = false;
        for (int i = 0; allowed[i]; i++)
            ok |= strcmp(k, allowed[i]) == 0;
        if (!ok) {
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

/* ==== Policies ==== */

static bool register_policy(const LoadCtx *c, int t)
{
    static const char *const fields[] = {"id", "name", "desc", "category", "modifiers", "sources", "on_month",
                                         NULL};
    ScriptHost *h = c->h;
    if (h->policy_count >= SCRIPT_MAX_POLICIES)
        return bad(c, NULL, "too many policies (at most %d)", SCRIPT_MAX_POLICIES);
    ScriptPolicy *p = &h->policies[h->policy_count];
    memset(p, 0, sizeof *p);
    ScriptPolicyInfo *in = &p->info;
    if (!str_field(c, t, "policy", "id", in->id, sizeof in->id, NULL))
        return false;
    char what[80];
    snprintf(what, sizeof what, "policy '%s'", in->id);
    if (!valid_id(in->id))
        return bad(c, in->id, "%s: ids use only a-z, 0-9 and _ (at most %d characters)", what, CORE_ID_LEN - 1);
    int dup = script_policy_find(h, in->id);
    if (dup >= 0)
        return bad(c, in->id, "%s is declared twice: here and in %s", what, h->policies[dup].info.file);
    if (!only_fields(c, t, what, fields))
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
            bool ok = script_read_modifier(c->L, -1, &in->modifiers[i - 1], in->province_of[i - 1],
                                           CORE_ID_LEN, err, sizeof err);
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
    h->policy_count++;
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
    static const char *const fields[] = {"date", "until", "mtth_months", "modifiers", NULL};
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
    bool ok = only_fields(c, w, what, fields) && date_field(c, w, what, "date", &in->date_ym) &&
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
    static const char *const fields[] = {"id", "text", "historical", "effects", NULL};
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
            ok = only_fields(c, ot, owhat, fields) && str_field(c, ot, owhat, "id", op->id, sizeof op->id, NULL);
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
    static const char *const fields[] = {"id", "title", "text", "picture", "province", "scope", "when",
                                         "trigger", "once", "options", "default", "sources", NULL};
    ScriptHost *h = c->h;
    if (h->event_count >= SCRIPT_MAX_EVENTS)
        return bad(c, NULL, "too many events (at most %d)", SCRIPT_MAX_EVENTS);
    ScriptEvent *e = &h->events[h->event_count];
    memset(e, 0, sizeof *e);
    ScriptEventInfo *in = &e->info;
    if (!str_field(c, t, "event", "id", in->id, sizeof in->id, NULL))
        return false;
    char what[80];
    snprintf(what, sizeof what, "event '%s'", in->id);
    if (!valid_id(in->id))
        return bad(c, in->id, "%s: ids use only a-z, 0-9 and _ (at most %d characters)", what, CORE_ID_LEN - 1);
    int dup = script_event_find(h, in->id);
    if (dup >= 0)
        return bad(c, in->id, "%s is declared twice: here and in %s", what, h->events[dup].info.file);
    if (!only_fields(c, t, what, fields))
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
    if (plen && (in->picture[0] == '/' || strstr(in->picture, "..") || strchr(in->picture, '\\') ||
                 plen < 5 || strcmp(in->picture + plen - 4, ".png") != 0))
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
    h->event_count++;
    return true;
}

/* ==== Scenarios ==== */

static bool register_scenario(const LoadCtx *c, int t)
{
    static const char *const fields[] = {"id", "start", "data", "history", "setup", "sources", NULL};
    ScriptHost *h = c->h;
    if (h->scenario_count >= SCRIPT_MAX_SCENARIOS)
        return bad(c, NULL, "too many scenarios");
    ScriptScenarioDef *d = &h->scenarios[h->scenario_count];
    memset(d, 0, sizeof *d);
    ScriptScenario *sc = &d->sc;
    if (!str_field(c, t, "scenario", "id", sc->id, sizeof sc->id, NULL))
        return false;
    char what[80];
    snprintf(what, sizeof what, "scenario '%s'", sc->id);
    for (int i = 0; i < h->scenario_count; i++)
        if (strcmp(h->scenarios[i].sc.id, sc->id) == 0)
            return bad(c, sc->id, "%s is declared twice", what);
    if (!only_fields(c, t, what, fields) || !str_field(c, t, what, "start", d->start_text, sizeof d->start_text, NULL))
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
                script_copy(d->timeline_dates[i - 1], sizeof d->timeline_dates[i - 1], date);
            }
            lua_pop(c->L, 1);
        }
        sc->timeline_count = ok ? (int)n : 0;
    } else if (!lua_isnil(c->L, -1)) {
        ok = bad(c, "history", "%s: 'history' must be a list", what);
    }
    lua_pop(c->L, 1);
    int f = ok ? fn_field(c, t, what, "setup") : -1;
    if (f < 0)
        return false;
    if (f)
        lua_pop(c->L, 1);
    lua_pushvalue(c->L, t);
    d->ref = luaL_ref(c->L, LUA_REGISTRYINDEX);
    d->mod = c->mod;
    h->scenario_count++;
    return true;
}

/* ==== Locale ==== */

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
    lua_pushnil(c->L);
    while (lua_next(c->L, t) != 0) {
        if (lua_type(c->L, -2) != LUA_TSTRING || lua_type(c->L, -1) != LUA_TSTRING) {
            lua_pop(c->L, 2);
            return bad(c, NULL, "locale tables map string keys to strings");
        }
        if (!script_locale_set(&c->h->locale[lang], lua_tostring(c->L, -2), lua_tostring(c->L, -1))) {
            lua_pop(c->L, 2);
            return bad(c, NULL, "out of memory reading locale strings");
        }
        lua_pop(c->L, 1);
    }
    return true;
}

/* ==== Files and folders ==== */

typedef enum FileKind { FILE_MANIFEST, FILE_LOCALE, FILE_POLICY, FILE_EVENT, FILE_SCENARIO } FileKind;

/* mod.lua: { id = "base", name = "...", version = "1.0.0", api_version = 1, ... } */
static bool read_manifest_table(const LoadCtx *c, int t)
{
    static const char *const fields[] = {"id", "name", "version", "api_version", "dependencies", "languages",
                                         "description", "author", NULL};
    ScriptMod *m = &c->h->mods[c->mod];
    bool ok = only_fields(c, t, "mod.lua", fields) && str_field(c, t, "mod.lua", "id", m->id, sizeof m->id, NULL) &&
              str_field(c, t, "mod.lua", "version", m->version, sizeof m->version, "0");
    if (ok && !valid_id(m->id))
        ok = bad(c, "id", "mod.lua: the mod id '%s' may use only a-z, 0-9 and _", m->id);
    if (ok) {
        lua_getfield(c->L, t, "api_version");
        lua_Integer v = lua_tointeger(c->L, -1);
        if (!lua_isinteger(c->L, -1) || v < 1)
            ok = bad(c, "api_version", "mod.lua: 'api_version' must be a whole number (this game has %d)",
                     SCRIPT_API_VERSION);
        else if (v > SCRIPT_API_VERSION)
            ok = bad(c, "api_version", "mod.lua: the mod needs API version %lld; this game has %d", (long long)v,
                     SCRIPT_API_VERSION);
        lua_pop(c->L, 1);
    }
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
    if (!script_run_chunk(j->h, j->mod, j->src, j->len, chunk, 1, "loading"))
        return 0;
    int t = lua_gettop(L);
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
    char *src = plat_read_file(path, MAX_SCRIPT_BYTES, &len);
    if (!src) {
        script_report(h, mod, "loading", display, 0, "%s", plat_error());
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

bool script_host_load_mod(ScriptHost *h, const char *dir, const char *display_root)
{
    if (h->mod_count >= SCRIPT_MAX_MODS) {
        script_report(h, -1, "loading", dir, 0, "too many mods (at most %d)", SCRIPT_MAX_MODS);
        return false;
    }
    if (!plat_is_dir(dir)) {
        script_report(h, -1, "loading", dir, 0, "not a folder");
        return false;
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
        return false;
    }
    h->mod_count++;
    char manifest[PLAT_PATH_MAX], display[512];
    plat_path_join(manifest, sizeof manifest, dir, "mod.lua");
    snprintf(display, sizeof display, "%s/mod.lua", m->display_dir);
    if (plat_is_file(manifest) && !load_file(h, mod, manifest, display, "mod.lua", FILE_MANIFEST)) {
        m->disabled = true;
        return false;
    }
    for (int i = 0; i < mod; i++)
        if (strcmp(h->mods[i].id, m->id) == 0) {
            script_report(h, mod, "loading", display, 1, "mod id '%s' is already used by %s", m->id,
                          h->mods[i].dir);
            m->disabled = true;
            return false;
        }
    load_folder(h, mod, "locale", FILE_LOCALE);
    load_folder(h, mod, "policies", FILE_POLICY);
    load_folder(h, mod, "events", FILE_EVENT);
    load_folder(h, mod, "scenarios", FILE_SCENARIO);
    return true;
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
            int n = snprintf(out, cap, "%s/%s", h->mods[h->events[i].mod].dir, e->picture);
            return n > 0 && (size_t)n < cap;
        }
    return false;
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

bool script_register_policies(ScriptHost *h, CoreState *s)
{
    bool ok = true;
    for (int i = 0; i < h->policy_count; i++) {
        ScriptPolicyInfo *in = &h->policies[i].info;
        CoreModifierDesc mods[CORE_MAX_POLICY_MODIFIERS];
        memcpy(mods, in->modifiers, sizeof mods);
        bool good = true;
        for (int k = 0; k < in->modifier_count; k++) {
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
        if (good && core_policy_register(s, in->id, mods, in->modifier_count) < 0) {
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
            return true;
        }
    return false;
}
