/* script_content.c — policies and scenarios as a mod declares them, and
 * the lookups of the content every mod loaded (policies, events, scenarios,
 * mods). Every declaration is checked field by field (unknown fields too,
 * to catch typos); a bad declaration is skipped with an error naming the
 * file and line, and the rest loads. */
#include "script_api.h"
#include "script_decl.h"

#include "platform.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== Policies ==== */

const char *const script_policy_categories[SCRIPT_POLICY_CATEGORY_COUNT] = {
    "agriculture", "society", "industry", "procurement", "trade", "politics", "reform", "other"};

bool script_decl_policy(const LoadCtx *c, int t)
{
    ScriptHost *h = c->h;
    if (h->policy_count >= SCRIPT_MAX_POLICIES)
        return decl_bad(c, NULL, "too many policies (at most %d)", SCRIPT_MAX_POLICIES);
    ScriptPolicy *p = &h->policies[h->policy_count];
    memset(p, 0, sizeof *p);
    ScriptPolicyInfo *in = &p->info;
    if (!decl_str_field(c, t, "policy", "id", in->id, sizeof in->id, NULL))
        return false;
    char what[80], shown[CORE_ID_LEN];
    snprintf(what, sizeof what, "policy '%s'", decl_shown_id(in->id, shown));
    if (!decl_valid_id(in->id))
        return decl_bad(c, in->id, "%s: ids use only a-z, 0-9 and _ (at most %d characters)", what, CORE_ID_LEN - 1);
    int dup = script_policy_find(h, in->id);
    int slot = decl_choose_slot(c, t, what, in->id, dup, dup >= 0 ? h->policies[dup].mod : -1,
                           dup >= 0 ? h->policies[dup].info.file : "", h->policy_count);
    if (slot < 0 || !decl_only_fields(c, t, what, "Policy"))
        return false;
    char def[96];
    snprintf(def, sizeof def, "policy.%s.name", in->id);
    if (!decl_str_field(c, t, what, "name", in->name_key, sizeof in->name_key, def))
        return false;
    snprintf(def, sizeof def, "policy.%s.desc", in->id);
    if (!decl_str_field(c, t, what, "desc", in->desc_key, sizeof in->desc_key, def) ||
        !decl_enum_field(c, t, what, "category", in->category, sizeof in->category, script_policy_categories,
                         SCRIPT_POLICY_CATEGORY_COUNT, "other") ||
        !decl_sources_field(c, t, what, in->sources, &in->source_count))
        return false;
    int n = decl_list_field(c, t, what, "modifiers", "modifier", "{ { lever = \"yield_mult\", mul = 0.9 } }");
    if (n == -2)
        return false;
    if (n > CORE_MAX_POLICY_MODIFIERS) {
        lua_pop(c->L, 1);
        return decl_bad(c, "modifiers", "%s: at most %d modifiers", what, CORE_MAX_POLICY_MODIFIERS);
    }
    LoadCtx at = *c;
    decl_anchor(&at, "modifiers", false);
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(c->L, -1, i);
        char err[400];
        ScriptModifierRead m;
        bool ok = script_read_modifier(c->L, -1, NULL, SCRIPT_MODIFIER_POLICY, &m, err, sizeof err);
        lua_pop(c->L, 1);
        if (!ok) {
            lua_pop(c->L, 1);
            char near[64];
            decl_quoted(err, near, sizeof near);
            return decl_bad(&at, near[0] ? near : "lever", "%s: modifier %d: %s", what, i, err);
        }
        in->modifiers[i - 1] = m.d;
        script_copy(in->province_of[i - 1], CORE_ID_LEN, m.province);
        script_copy(in->param_of[i - 1], CORE_ID_LEN, m.param);
        decl_anchor(&at, "lever", false);
        in->modifier_line[i - 1] = at.anchor ? decl_line_at(c->src, at.anchor) : decl_line_of(c->src, "modifiers");
        if (at.anchor)
            at.anchor++; /* the next modifier's lever comes after this one */
    }
    if (n >= 0) {
        in->modifier_count = n;
        lua_pop(c->L, 1);
    }
    int f = decl_fn_field(c, t, what, "on_month");
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
                ok = decl_bad(c, "events", "%s: 'events' maps event ids to option ids: { lushan = \"listen_to_peng\" }",
                         what);
            else if (sc->choice_count >= SCRIPT_MAX_SCENARIO_CHOICES)
                ok = decl_bad(c, "events", "%s: at most %d entries in 'events'", what, SCRIPT_MAX_SCENARIO_CHOICES);
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
                lines[i] = decl_line_of(c->src, sc->choice_event[i]);
            }
            lua_pop(c->L, 1);
        }
        if (!ok)
            lua_pop(c->L, 1); /* the key lua_next left */
    } else if (!lua_isnil(c->L, -1)) {
        ok = decl_bad(c, "events", "%s: 'events' must be a table like { lushan = \"listen_to_peng\" }", what);
    }
    lua_pop(c->L, 1);
    return ok;
}

bool script_decl_scenario(const LoadCtx *c, int t)
{
    ScriptHost *h = c->h;
    if (h->scenario_count >= SCRIPT_MAX_SCENARIOS)
        return decl_bad(c, NULL, "too many scenarios");
    ScriptScenarioDef *d = &h->scenarios[h->scenario_count];
    memset(d, 0, sizeof *d);
    ScriptScenario *sc = &d->sc;
    if (!decl_str_field(c, t, "scenario", "id", sc->id, sizeof sc->id, NULL))
        return false;
    char what[80], shown[CORE_ID_LEN];
    snprintf(what, sizeof what, "scenario '%s'", decl_shown_id(sc->id, shown));
    if (!decl_valid_id(sc->id)) /* saves record it on a line of their header */
        return decl_bad(c, "id", "%s: ids use only a-z, 0-9 and _ (at most %d characters)", what, CORE_ID_LEN - 1);
    int dup = -1;
    for (int i = 0; i < h->scenario_count; i++)
        if (strcmp(h->scenarios[i].sc.id, sc->id) == 0)
            dup = i;
    int slot = decl_choose_slot(c, t, what, sc->id, dup, dup >= 0 ? h->scenarios[dup].mod : -1,
                           dup >= 0 ? h->scenarios[dup].file : "", h->scenario_count);
    char def[96];
    snprintf(def, sizeof def, "scenario.%s.desc", sc->id);
    if (slot < 0 || !decl_only_fields(c, t, what, "Scenario") ||
        !decl_str_field(c, t, what, "start", d->start_text, sizeof d->start_text, NULL) ||
        !decl_str_field(c, t, what, "description", sc->desc_key, sizeof sc->desc_key, def) ||
        !decl_sources_field(c, t, what, sc->sources, &sc->source_count))
        return false;
    if (!script_parse_date(d->start_text, &sc->start_year, &sc->start_month))
        return decl_bad(c, "start", "%s: 'start' must be a date \"YYYY-MM\"", what);
    lua_getfield(c->L, t, "data");
    int dt = lua_gettop(c->L);
    bool ok = lua_istable(c->L, dt) ||
              decl_bad(c, "data", "%s: 'data' must be { params = \"assets/...\", provinces = \"assets/...\" }", what);
    ok = ok && decl_str_field(c, dt, what, "params", sc->params_file, sizeof sc->params_file, NULL) &&
         decl_str_field(c, dt, what, "provinces", sc->provinces_file, sizeof sc->provinces_file, NULL);
    lua_pop(c->L, 1);
    const char *const keys[] = {"params", "provinces"}, *const files[] = {sc->params_file, sc->provinces_file};
    for (int i = 0; i < 2 && ok; i++)
        if (!decl_relative_path(files[i]))
            ok = decl_bad(c, keys[i], "%s: data.%s must be a path inside the mod's folder or the game's assets/data, "
                     "like \"data/params.csv\" (no '..', no leading '/')", what, keys[i]);
    if (!ok)
        return false;
    lua_getfield(c->L, t, "history");
    if (lua_istable(c->L, -1)) {
        int ht = lua_gettop(c->L);
        lua_Integer n = luaL_len(c->L, ht);
        if (n > SCRIPT_MAX_TIMELINE)
            ok = decl_bad(c, "history", "%s: at most %d history entries", what, SCRIPT_MAX_TIMELINE);
        for (lua_Integer i = 1; i <= n && ok; i++) {
            ScriptTimelineEntry *te = &sc->timeline[i - 1];
            lua_rawgeti(c->L, ht, i);
            int et = lua_gettop(c->L);
            char date[16] = "", enact[CORE_ID_LEN] = "", repeal[CORE_ID_LEN] = "";
            ok = lua_istable(c->L, et) && decl_str_field(c, et, what, "date", date, sizeof date, NULL) &&
                 decl_str_field(c, et, what, "enact", enact, sizeof enact, "") &&
                 decl_str_field(c, et, what, "repeal", repeal, sizeof repeal, "");
            int y, m;
            if (ok && (!script_parse_date(date, &y, &m) || (!enact[0]) == (!repeal[0])))
                ok = decl_bad(c, date, "%s: history entry %d needs date = \"YYYY-MM\" and one of enact = or repeal =",
                         what, (int)i);
            if (ok) {
                te->month = (y - sc->start_year) * 12 + (m - sc->start_month);
                te->enact = enact[0] != 0;
                snprintf(te->policy, sizeof te->policy, "%s", enact[0] ? enact : repeal);
                d->timeline_line[i - 1] = decl_line_of(c->src, te->policy);
                script_copy(d->timeline_dates[i - 1], sizeof d->timeline_dates[i - 1], date);
            }
            lua_pop(c->L, 1);
        }
        sc->timeline_count = ok ? (int)n : 0;
    } else if (!lua_isnil(c->L, -1)) {
        ok = decl_bad(c, "history", "%s: 'history' must be a list", what);
    }
    lua_pop(c->L, 1);
    ok = ok && scenario_choices(c, t, what, sc, d->choice_line);
    int f = ok ? decl_fn_field(c, t, what, "setup") : -1;
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

/* The events' index (ScriptHost.event_index): a mod of ten thousand events
 * looked each up among those before it as it loaded (a duplicate id
 * overrides), a hundred million string comparisons. Events are only ever
 * added at the end, and an overriding one keeps its place and id, so keys
 * never leave the table and linear probing needs no tombstones. */
static uint32_t event_slot(const ScriptHost *h, const char *id)
{
    uint32_t mask = SCRIPT_EVENT_SLOTS - 1;
    uint32_t k = (uint32_t)plat_fnv1a(PLAT_FNV1A_BASIS, id, strlen(id)) & mask;
    for (;; k = (k + 1) & mask) {
        int at = h->event_index[k];
        if (at == 0 || strcmp(h->events[at - 1].info.id, id) == 0)
            return k;
    }
}

void script_event_index_add(ScriptHost *h, int i)
{
    h->event_index[event_slot(h, h->events[i].info.id)] = (uint16_t)(i + 1);
}

int script_event_find(const ScriptHost *h, const char *id)
{
    return h->event_index[event_slot(h, id)] - 1;
}
void script_event_suggest(const ScriptHost *h, const char *id, char *out, size_t cap)
{
    const char **names = malloc(sizeof *names * (size_t)(h->event_count + 1));
    for (int i = 0; names && i < h->event_count; i++)
        names[i] = h->events[i].info.id;
    script_suggest_text(out, cap, id, names, names ? h->event_count : 0);
    free(names);
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
            char err[400];
            if (in->param_of[k][0] && !script_param_value(s, in->param_of[k], &mods[k].amount, err, sizeof err)) {
                script_report(h, h->policies[i].mod, "loading", in->file, in->modifier_line[k],
                              "policy '%s': modifier %d: %s", in->id, k + 1, err);
                good = false;
            }
            if (!in->province_of[k][0])
                continue;
            mods[k].province = core_province_find(s, in->province_of[k]);
            if (mods[k].province < 0) {
                char why[400];
                script_unknown_province(h, s, in->province_of[k], why, sizeof why);
                script_report(h, h->policies[i].mod, "loading", in->file, in->modifier_line[k],
                              "policy '%s': modifier %d: %s", in->id, k + 1, why);
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

const char *script_scenario_mod(const ScriptHost *h, int i)
{
    return i >= 0 && i < h->scenario_count ? h->mods[h->scenarios[i].mod].id : NULL;
}

const char *script_scenario_desc_key(const ScriptHost *h, int i)
{
    return i >= 0 && i < h->scenario_count ? h->scenarios[i].sc.desc_key : NULL;
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
