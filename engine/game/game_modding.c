/* game_modding.c — the game's tools for modders: hot reload of the
 * scripts (F5, --dev), firing an event from the console and explaining
 * why an event would fire or not. */
#include "game.h"
#include "game_internal.h"
#include "script_api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== Hot reload ==== */

/* Whether the forced choices still name events, options and policies the
 * new host loads (else a choice would quietly stop applying). */
static bool choices_fit(const Game *g, const ScriptHost *fresh, char *err, size_t cap)
{
    if (!g->has_choices)
        return true;
    ScriptChoices *c = malloc(sizeof *c);
    if (!c)
        return snprintf(err, cap, "out of memory"), false;
    *c = g->choices;
    bool ok = script_choices_resolve(fresh, c, g->scenario.start_year, g->scenario.start_month, err, cap);
    free(c);
    return ok;
}

/* Whether the freshly loaded host can take over: it loaded without an
 * error, its scenario starts where the game did, its history and the forced
 * choices name what it loads, and the core accepts its policies (registered
 * on `probe`, a copy of the state, so that a refusal changes nothing). */
/* The manifests' parameters as the reloaded mods give them, checked as at
 * a new game, into the probe state (a parameter a mod no longer sets goes
 * back to the scenario's value). */
static bool parameters_fit(Game *g, ScriptHost *fresh, const ScriptScenario *sc, CoreState *probe, char *err,
                           size_t cap)
{
    CoreScenario *cs = calloc(1, sizeof *cs);
    char problem[1024] = "";
    bool ok = cs && game_build_scenario(g->data_dir, sc, cs, err, cap);
    if (ok && !game_apply_mod_parameters(fresh, cs, game_first_problem, problem)) {
        snprintf(err, cap, "%s", problem);
        ok = false;
    }
    ok = ok && (!g->has_choices || game_apply_choice_parameters(&g->choices, cs, err, cap));
    if (ok)
        memcpy(probe->params, cs->params, sizeof probe->params);
    else if (!cs)
        snprintf(err, cap, "out of memory");
    free(cs);
    return ok;
}

static bool fresh_host_fits(Game *g, ScriptHost *fresh, ScriptScenario *sc, CoreState *probe, char *err,
                            size_t cap)
{
    GameDesc d = game_kept_mod_folders(g);
    if (!game_load_mods(fresh, &d, err, cap))
        return false;
    if (script_error_count(fresh) > 0)
        return game_first_error(fresh, err, cap), false;
    if (!script_scenario_get(fresh, g->scenario.id, sc))
        return snprintf(err, cap, "no scenario '%s' in the reloaded mods", g->scenario.id), false;
    if (sc->start_year != g->scenario.start_year || sc->start_month != g->scenario.start_month)
        return snprintf(err, cap, "scenario '%s' now starts in another month: start a new game", sc->id), false;
    char problem[1024] = "";
    if (!script_scenario_check(fresh, sc->id, game_first_problem, problem))
        return snprintf(err, cap, "%s", problem), false;
    if (!choices_fit(g, fresh, err, cap))
        return false;
    if (!parameters_fit(g, fresh, sc, probe, err, cap))
        return false;
    if (!script_register_policies(fresh, probe) || script_error_count(fresh) > 0)
        return game_first_error(fresh, err, cap), false;
    return true;
}

/* Every mod's storage from the old host into the new one, with the
 * migrations the new files bring. */
static bool carry_storage(ScriptHost *old, ScriptHost *fresh, char *err, size_t cap)
{
    ScriptModSave *saves = calloc(SCRIPT_MAX_MODS, sizeof *saves);
    int count = 0;
    bool ok = saves && script_mods_save(old, saves, SCRIPT_MAX_MODS, &count, err, cap);
    /* A migration the modder took away is not a save from a newer version:
     * the running game has its storage as it is, so nothing is left to
     * run (a save's load still refuses a level it does not know). */
    for (int i = 0; ok && i < count; i++) {
        int m = script_mod_find(fresh, saves[i].id);
        if (m >= 0 && saves[i].migration_level > script_mod_migration_level(fresh, m))
            saves[i].migration_level = script_mod_migration_level(fresh, m);
    }
    ok = ok && script_mods_restore(fresh, saves, count, err, cap);
    if (!saves)
        snprintf(err, cap, "out of memory");
    script_mod_saves_free(saves, count);
    free(saves);
    return ok;
}

/* Pending events point into the old host's event list: find each again by
 * id in the new one. An event that no longer exists leaves the list. */
static void remap_pending(Game *g, const ScriptHost *old, ScriptHost *fresh)
{
    int kept = 0;
    for (int i = 0; i < g->pending.count; i++) {
        const ScriptEventInfo *e = script_event_at(old, g->pending.items[i].event);
        int now = e ? script_event_find(fresh, e->id) : -1;
        if (now < 0)
            continue;
        int chosen = -1; /* the player's option, found again by its id */
        if (g->marks[i].chosen >= 0 && g->marks[i].chosen < e->option_count)
            chosen = script_option_find(script_event_at(fresh, now), e->options[g->marks[i].chosen].id);
        g->pending.items[kept] = (ScriptDue){now, g->pending.items[i].province, 0};
        script_due_options(fresh, g->state, &g->pending.items[kept]); /* the new `when`s */
        g->marks[kept].resolved = g->marks[i].applied || (g->marks[i].resolved && (g->marks[i].chosen < 0 || chosen >= 0));
        g->marks[kept].applied = g->marks[i].applied;
        g->marks[kept].fired = g->marks[i].fired;
        g->marks[kept++].chosen = chosen;
    }
    g->pending.count = kept;
}

bool game_reload_scripts(Game *g, char *err, size_t cap)
{
    err[0] = '\0';
    ScriptHost *fresh = game_new_host(g);
    ScriptScenario *sc = malloc(sizeof *sc);
    CoreState *probe = core_state_clone(g->state);
    g->loading = fresh;
    bool ok = fresh && sc && probe && fresh_host_fits(g, fresh, sc, probe, err, cap) &&
              carry_storage(g->host, fresh, err, cap);
    g->loading = NULL;
    if (!err[0] && !ok)
        snprintf(err, cap, "out of memory");
    if (ok) {
        *g->state = *probe; /* plain data: the state keeps its address, views stay usable */
        remap_pending(g, g->host, fresh);
        script_notices_carry(fresh, g->host);
        script_errors_carry(fresh, g->host, true);
        g->scenario = *sc;
        script_host_destroy(g->host);
        g->host = fresh;
        fresh = NULL;
        script_mods_on_reload(g->host);
    }
    if (fresh) /* a broken edit: its errors stay listed with the running version's */
        script_errors_carry(g->host, fresh, false);
    script_host_destroy(fresh);
    core_state_destroy(probe);
    free(sc);
    return ok;
}

/* ==== Console ==== */

/* The event and province a console command names. A per-province event
 * needs a province, one that names its own province takes that one, a
 * national event takes none. False with a message in `err`. */
static bool console_target(Game *g, const char *event_id, const char *province_id, int *event, int *province,
                           char *err, size_t cap)
{
    bool given = province_id && province_id[0];
    *event = script_event_find(g->host, event_id ? event_id : "");
    if (*event < 0)
        return snprintf(err, cap, "unknown event '%s'", event_id ? event_id : ""), false;
    const ScriptEventInfo *e = script_event_at(g->host, *event);
    const char *named = e->per_province ? province_id : e->province[0] ? e->province : NULL;
    if (e->per_province && !given)
        return snprintf(err, cap, "event '%s' happens per province: name one (\"henan\")", e->id), false;
    if (!e->per_province && given && (!e->province[0] || strcmp(province_id, e->province) != 0))
        return snprintf(err, cap, "event '%s' is %s%s: give no province", e->id,
                        e->province[0] ? "about " : "national", e->province),
               false;
    *province = named ? core_province_find(g->state, named) : -1;
    if (named && *province < 0)
        return script_unknown_province(g->host, g->state, named, err, cap), false;
    return true;
}

bool game_fire_event(Game *g, const char *event_id, const char *province_id, char *err, size_t cap)
{
    int event, province;
    if (!console_target(g, event_id, province_id, &event, &province, err, cap))
        return false;
    const ScriptEventInfo *e = script_event_at(g->host, event);
    if (e->disabled || script_mod_is_disabled(g->host, script_mod_find(g->host, e->mod)))
        return snprintf(err, cap, "event '%s' is disabled for this session (see the errors)", e->id), false;
    if (!game_marks_reserve(g, g->pending.count + 1) || !script_due_push(&g->pending, (ScriptDue){event, province, 0}))
        return snprintf(err, cap, "out of memory"), false;
    int k = g->pending.count - 1;
    script_due_options(g->host, g->state, &g->pending.items[k]);
    g->marks[k].resolved = g->marks[k].applied = false;
    g->marks[k].chosen = -1;
    g->marks[k].fired = true;
    game_journal_add(g, 'f', e->id, game_province_word(g, province), NULL);
    const ScriptEventInfo *fe = script_event_at(g->host, event);
    if (g->chooser != GAME_CHOOSE_PLAYER) { /* as prepare_month does for the events that fire */
        script_event_choose(g->host, g->state, &g->pending.items[k], game_auto_option(g, &g->pending.items[k]), false, &g->cmds);
        g->marks[k].resolved = g->marks[k].applied = true;
    } else if (fe && fe->hidden) { /* no card: it takes its option at once */
        g->marks[k].chosen = game_auto_option(g, &g->pending.items[k]);
        script_event_choose(g->host, g->state, &g->pending.items[k], g->marks[k].chosen, false, &g->cmds);
        g->marks[k].resolved = g->marks[k].applied = true;
    }
    game_fire_chains(g);
    return true;
}

bool game_explain_event(Game *g, const char *event_id, const char *province_id, char *out, size_t cap)
{
    int event, province;
    if (!console_target(g, event_id, province_id, &event, &province, out, cap))
        return false;
    return script_event_explain(g->host, g->state, event, province, out, cap);
}

