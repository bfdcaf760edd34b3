/* script_choices.c — choices files for counterfactual runs: which option
 * each event takes and which policies change when. The file is plain Lua
 * data run in a fresh sandbox environment; anything unexpected in it is an
 * error naming file:line. */
#include "script_internal.h"

#include "platform.h"

#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>

/* Formats the last error the host recorded as "file:line: message". */
static void last_error_text(const ScriptHost *h, char *err, size_t cap)
{
    const ScriptError *e = script_error_at(h, script_error_count(h) - 1);
    if (e)
        snprintf(err, cap, "%s:%d: %s", e->file, e->line, e->message);
}

static bool fail(char *err, size_t cap, const char *path, const char *fmt, const char *a, const char *b)
{
    char msg[300];
    snprintf(msg, sizeof msg, fmt, a, b);
    snprintf(err, cap, "%s: %s", path, msg);
    return false;
}

typedef struct ChoicesJob {
    ScriptHost *h;
    const char *path, *src;
    size_t len;
    ScriptChoices *out;
    char *err;
    size_t err_cap;
    bool ok;
} ChoicesJob;

static int choices_body(lua_State *L)
{
    ChoicesJob *j = lua_touserdata(L, 1);
    ScriptHost *h = j->h;
    ScriptChoices *out = j->out;
    const char *path = j->path;
    char *err = j->err;
    size_t err_cap = j->err_cap;
    char chunk[PLAT_PATH_MAX + 2];
    snprintf(chunk, sizeof chunk, "@%s", path);
    bool ok = script_run_chunk(h, 0, j->src, j->len, chunk, 1, "choices file");
    if (!ok)
        last_error_text(h, err, err_cap);
    if (ok && !lua_istable(L, -1))
        ok = fail(err, err_cap, path, "the file must return a table%s%s", "", "");
    int t = lua_gettop(L);
    if (ok) { /* only known keys */
        lua_pushnil(L);
        while (ok && lua_next(L, t) != 0) {
            const char *k = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "?";
            if (strcmp(k, "base") && strcmp(k, "events") && strcmp(k, "timeline") && strcmp(k, "replace_timeline") &&
                strcmp(k, "parameters"))
                ok = fail(err, err_cap, path,
                          "unknown field '%s' (expected base, events, timeline, replace_timeline, parameters)%s",
                          k, "");
            lua_pop(L, 1);
        }
        if (!ok)
            lua_pop(L, 1);
    }
    if (ok) {
        lua_getfield(L, t, "base");
        const char *base = lua_tostring(L, -1);
        if (base && strcmp(base, "historical") == 0)
            out->historical_base = true;
        else if (base && strcmp(base, "defaults") == 0)
            out->historical_base = false;
        else if (!lua_isnil(L, -1))
            ok = fail(err, err_cap, path, "base must be \"historical\" or \"defaults\", not '%s'%s",
                      base ? base : luaL_typename(L, -1), "");
        lua_pop(L, 1);
        lua_getfield(L, t, "replace_timeline");
        out->replace_timeline = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    if (ok) {
        lua_getfield(L, t, "events");
        if (lua_istable(L, -1)) {
            lua_pushnil(L);
            while (ok && lua_next(L, -2) != 0) {
                if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
                    ok = fail(err, err_cap, path, "events maps event ids to option ids, like { lushan = \"%s\" }%s",
                              "listen", "");
                else if (out->override_count >= SCRIPT_MAX_EVENTS)
                    ok = fail(err, err_cap, path, "too many event choices%s%s", "", "");
                else {
                    ScriptChoiceOverride *o = &out->overrides[out->override_count++];
                    snprintf(o->event, sizeof o->event, "%s", lua_tostring(L, -2));
                    snprintf(o->option, sizeof o->option, "%s", lua_tostring(L, -1));
                }
                lua_pop(L, 1);
            }
            if (!ok)
                lua_pop(L, 1);
        } else if (!lua_isnil(L, -1)) {
            ok = fail(err, err_cap, path, "events must be a table%s%s", "", "");
        }
        lua_pop(L, 1);
    }
    if (ok) {
        lua_getfield(L, t, "timeline");
        if (lua_istable(L, -1)) {
            lua_Integer n = luaL_len(L, -1);
            if (n > SCRIPT_MAX_TIMELINE)
                ok = fail(err, err_cap, path, "too many timeline entries%s%s", "", "");
            for (lua_Integer i = 1; ok && i <= n; i++) {
                lua_rawgeti(L, -1, i);
                lua_getfield(L, -1, "date");
                lua_getfield(L, -2, "enact");
                lua_getfield(L, -3, "repeal");
                const char *date = lua_tostring(L, -3), *en = lua_tostring(L, -2), *re = lua_tostring(L, -1);
                int y, m;
                if (!date || !script_parse_date(date, &y, &m) || (!en) == (!re))
                    ok = fail(err, err_cap, path,
                              "each timeline entry needs date = \"YYYY-MM\" and one of enact = or repeal = (entry %s)%s",
                              lua_pushfstring(L, "%d", (int)i), "");
                else {
                    int k = out->timeline_count++;
                    out->timeline[k].enact = en != NULL;
                    snprintf(out->timeline[k].policy, sizeof out->timeline[k].policy, "%s", en ? en : re);
                    snprintf(out->timeline_dates[k], sizeof out->timeline_dates[k], "%s", date);
                }
                lua_settop(L, t + 1);
            }
        } else if (!lua_isnil(L, -1)) {
            ok = fail(err, err_cap, path, "timeline must be a list%s%s", "", "");
        }
    }
    if (ok) {
        lua_settop(L, t);
        lua_getfield(L, t, "parameters");
        if (lua_istable(L, -1)) {
            lua_pushnil(L);
            while (ok && lua_next(L, -2) != 0) {
                int isnum = 0;
                double v = lua_tonumberx(L, -1, &isnum);
                if (lua_type(L, -2) != LUA_TSTRING || !isnum || !isfinite(v) || strlen(lua_tostring(L, -2)) >= CORE_ID_LEN)
                    ok = fail(err, err_cap, path, "parameters maps parameter names to numbers, like { %s = 1 }%s",
                              "drought_1960_weather_mult", "");
                else if (out->param_count >= SCRIPT_MAX_CHOICE_PARAMS)
                    ok = fail(err, err_cap, path, "at most 16 parameters%s%s", "", "");
                else {
                    snprintf(out->param_name[out->param_count], CORE_ID_LEN, "%s", lua_tostring(L, -2));
                    out->param_value[out->param_count++] = v;
                }
                lua_pop(L, 1);
            }
        } else if (!lua_isnil(L, -1)) {
            ok = fail(err, err_cap, path, "parameters must be a table%s%s", "", "");
        }
    }
    j->ok = ok;
    return 0;
}

bool script_choices_load(ScriptHost *h, const char *path, ScriptChoices *out, char *err, size_t err_cap)
{
    memset(out, 0, sizeof *out);
    out->historical_base = true;
    err[0] = '\0';
    if (h->mod_count == 0)
        return fail(err, err_cap, path, "no mods are loaded%s%s", "", "");
    size_t len;
    char *src = plat_read_file(path, 1u << 20, &len);
    if (!src)
        return snprintf(err, err_cap, "%s", plat_error()), false;
    ChoicesJob j = {h, path, src, len, out, err, err_cap, false};
    bool ok = script_protected(h, 0, choices_body, &j, "choices file") && j.ok;
    free(src);
    if (!ok && !err[0])
        last_error_text(h, err, err_cap);
    return ok;
}

bool script_choices_resolve(const ScriptHost *h, ScriptChoices *c, int start_year, int start_month, char *err,
                            size_t err_cap)
{
    for (int i = 0; i < c->override_count; i++) {
        int e = script_event_find(h, c->overrides[i].event);
        if (e < 0)
            return snprintf(err, err_cap, "choices: unknown event '%s'", c->overrides[i].event), false;
        if (script_option_find(script_event_at(h, e), c->overrides[i].option) < 0)
            return snprintf(err, err_cap, "choices: event '%s' has no option '%s'", c->overrides[i].event,
                            c->overrides[i].option),
                   false;
    }
    for (int i = 0; i < c->timeline_count; i++) {
        if (script_policy_find(h, c->timeline[i].policy) < 0)
            return snprintf(err, err_cap, "choices: unknown policy '%s'", c->timeline[i].policy), false;
        int y, m;
        script_parse_date(c->timeline_dates[i], &y, &m);
        c->timeline[i].month = (y - start_year) * 12 + (m - start_month);
    }
    return true;
}
