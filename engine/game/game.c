/* game.c — the month loop. A month: history's timeline and the player's
 * policy changes become commands; the events whose time has come are found;
 * each gets an option (history's, the choices file's, the default, or the
 * player's) whose effects queue more commands; active policies' monthly hooks
 * run; then core_tick applies everything and simulates the month. */
#include "game.h"

#include "platform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Game {
    CoreState *state;
    ScriptHost *host;
    ScriptScenario scenario;
    GameChooser chooser;
    bool follow_history;
    ScriptChoices choices;
    bool has_choices;
    ScriptCommands cmds;             /* queued for the current month */
    int pending_count;
    ScriptDue pending[GAME_MAX_PENDING];
    bool resolved[GAME_MAX_PENDING];
    int notice_count;
    ScriptNotice notices[GAME_MAX_NOTICES];
};

static bool read_data(const char *data_dir, const char *rel, char **text, size_t *len, char *err, size_t cap)
{
    char path[PLAT_PATH_MAX];
    if (!plat_path_join(path, sizeof path, data_dir, rel) || !(*text = plat_read_file(path, 16u << 20, len))) {
        snprintf(err, cap, "%s", plat_error());
        return false;
    }
    return true;
}

static bool build_scenario(const char *data_dir, const ScriptScenario *ss, CoreScenario *sc, char *err, size_t cap)
{
    memset(sc, 0, sizeof *sc);
    sc->start_year = ss->start_year;
    sc->start_month = ss->start_month;
    char *text;
    size_t len;
    if (!read_data(data_dir, ss->params_file, &text, &len, err, cap))
        return false;
    bool ok = core_data_parse_params(sc, ss->params_file, text, len);
    free(text);
    if (ok) {
        if (!read_data(data_dir, ss->provinces_file, &text, &len, err, cap))
            return false;
        ok = core_data_parse_provinces(sc, ss->provinces_file, text, len);
        free(text);
    }
    if (!ok)
        snprintf(err, cap, "%s", core_error_get());
    return ok;
}

static void first_error(ScriptHost *h, char *err, size_t cap)
{
    const ScriptError *e = script_error_at(h, 0);
    if (e)
        snprintf(err, cap, "%s:%d: %s", e->file, e->line, e->message);
}

/* Policy changes from the timelines that apply to the current month. */
static void queue_timeline(Game *g)
{
    int month = g->state->month;
    const ScriptTimelineEntry *lists[2] = {NULL, NULL};
    int counts[2] = {0, 0};
    if (g->follow_history && !(g->has_choices && g->choices.replace_timeline)) {
        lists[0] = g->scenario.timeline;
        counts[0] = g->scenario.timeline_count;
    }
    if (g->has_choices) {
        lists[1] = g->choices.timeline;
        counts[1] = g->choices.timeline_count;
    }
    for (int l = 0; l < 2; l++)
        for (int i = 0; i < counts[l]; i++) {
            const ScriptTimelineEntry *t = &lists[l][i];
            if (t->month != month)
                continue;
            int idx = core_policy_find(g->state, t->policy);
            if (idx < 0)
                continue;
            CoreCommand c = {.kind = t->enact ? CORE_CMD_POLICY_ENACT : CORE_CMD_POLICY_REPEAL, .policy = idx};
            snprintf(c.source, sizeof c.source, "%s:%s", l == 0 ? "history" : "choices", t->policy);
            script_commands_push(&g->cmds, &c);
        }
}

int game_auto_option(const Game *g, const ScriptDue *due)
{
    const ScriptEventInfo *e = script_event_at(g->host, due->event);
    if (!e)
        return -1;
    if (g->has_choices)
        for (int i = 0; i < g->choices.override_count; i++)
            if (strcmp(g->choices.overrides[i].event, e->id) == 0)
                return script_option_find(e, g->choices.overrides[i].option);
    if (g->chooser == GAME_CHOOSE_HISTORY && e->historical_option >= 0)
        return e->historical_option;
    return e->default_option;
}

static void prepare_month(Game *g)
{
    script_commands_clear(&g->cmds);
    queue_timeline(g);
    g->pending_count = script_events_due(g->host, g->state, g->pending, GAME_MAX_PENDING);
    memset(g->resolved, 0, sizeof g->resolved);
    if (g->chooser == GAME_CHOOSE_PLAYER)
        return;
    for (int i = 0; i < g->pending_count; i++) {
        script_event_choose(g->host, g->state, &g->pending[i], game_auto_option(g, &g->pending[i]), false, &g->cmds);
        g->resolved[i] = true;
    }
}

/* Loads the mods and reads the scenario declaration; the state comes after. */
static Game *game_open(const GameDesc *d, char *err, size_t cap)
{
    Game *g = calloc(1, sizeof *g);
    if (!g) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    g->chooser = d->chooser;
    g->follow_history = d->follow_history || d->chooser == GAME_CHOOSE_HISTORY;
    g->host = script_host_create(&d->host);
    char scripts[PLAT_PATH_MAX];
    if (!g->host || !plat_path_join(scripts, sizeof scripts, d->data_dir, "scripts")) {
        snprintf(err, cap, "cannot start the script host");
        goto fail;
    }
    if (!script_host_load_mod(g->host, scripts, "scripts")) {
        first_error(g->host, err, cap);
        goto fail;
    }
    for (int i = 0; i < d->mod_dir_count; i++)
        script_host_load_mod(g->host, d->mod_dirs[i], d->mod_dirs[i]);
    const char *sid = d->scenario ? d->scenario : "1958";
    if (!script_scenario_get(g->host, sid, &g->scenario)) {
        snprintf(err, cap, "no scenario '%s' in the loaded mods", sid);
        if (script_error_count(g->host))
            first_error(g->host, err, cap);
        goto fail;
    }
    return g;
fail:
    game_destroy(g);
    return NULL;
}

/* Registers the policies and the choices with the state, then prepares the month. */
static bool game_start(Game *g, const GameDesc *d, char *err, size_t cap)
{
    script_register_policies(g->host, g->state);
    if (d->choices) {
        g->choices = *d->choices;
        g->has_choices = true;
        if (!script_choices_resolve(g->host, &g->choices, g->scenario.start_year, g->scenario.start_month, err,
                                    cap))
            return false;
    }
    return true;
}

Game *game_create(const GameDesc *d, char *err, size_t cap)
{
    Game *g = game_open(d, err, cap);
    if (!g)
        return NULL;
    CoreScenario *sc = calloc(1, sizeof *sc);
    if (!sc || !build_scenario(d->data_dir, &g->scenario, sc, err, cap)) {
        free(sc);
        goto fail;
    }
    g->state = core_state_create(sc, d->seed);
    free(sc);
    if (!g->state) {
        snprintf(err, cap, "%s", core_error_get());
        goto fail;
    }
    if (!game_start(g, d, err, cap))
        goto fail;
    ScriptCommands setup = {0};
    script_scenario_setup(g->host, g->state, g->scenario.id, &setup);
    core_apply_commands(g->state, setup.items, (size_t)setup.count);
    script_commands_free(&setup);
    prepare_month(g);
    return g;
fail:
    game_destroy(g);
    return NULL;
}

Game *game_restore(const GameDesc *d, CoreState *state, char *err, size_t cap)
{
    Game *g = game_open(d, err, cap);
    if (!g) {
        core_state_destroy(state);
        return NULL;
    }
    g->state = state;
    if (state->start_year != g->scenario.start_year || state->start_month != g->scenario.start_month) {
        snprintf(err, cap, "the save belongs to another scenario");
        game_destroy(g);
        return NULL;
    }
    if (!game_start(g, d, err, cap)) {
        game_destroy(g);
        return NULL;
    }
    prepare_month(g);
    return g;
}

bool game_follows_history(const Game *g) { return g->follow_history; }

void game_destroy(Game *g)
{
    if (!g)
        return;
    core_state_destroy(g->state);
    script_host_destroy(g->host);
    script_commands_free(&g->cmds);
    free(g);
}

const CoreState *game_state(const Game *g) { return g->state; }
ScriptHost *game_host(Game *g) { return g->host; }
const ScriptScenario *game_scenario(const Game *g) { return &g->scenario; }

int game_pending_count(const Game *g)
{
    int n = 0;
    for (int i = 0; i < g->pending_count; i++)
        n += !g->resolved[i];
    return n;
}

const ScriptDue *game_pending_at(const Game *g, int i)
{
    for (int k = 0; k < g->pending_count; k++)
        if (!g->resolved[k] && i-- == 0)
            return &g->pending[k];
    return NULL;
}

bool game_choose(Game *g, int i, int option)
{
    for (int k = 0; k < g->pending_count; k++)
        if (!g->resolved[k] && i-- == 0) {
            script_event_choose(g->host, g->state, &g->pending[k], option, false, &g->cmds);
            g->resolved[k] = true;
            return true;
        }
    return false;
}

bool game_set_policy(Game *g, const char *policy, bool enact)
{
    int idx = core_policy_find(g->state, policy);
    if (idx < 0)
        return false;
    CoreCommand c = {.kind = enact ? CORE_CMD_POLICY_ENACT : CORE_CMD_POLICY_REPEAL, .policy = idx};
    snprintf(c.source, sizeof c.source, "player:%s", policy);
    return script_commands_push(&g->cmds, &c);
}

bool game_advance(Game *g, char *err, size_t cap)
{
    if (game_pending_count(g) > 0) {
        snprintf(err, cap, "an event is waiting for a decision");
        return false;
    }
    script_policies_month(g->host, g->state, &g->cmds);
    if (!core_tick(g->state, g->cmds.items, (size_t)g->cmds.count)) {
        snprintf(err, cap, "%s", core_error_get());
        return false;
    }
    g->notice_count = script_notices_take(g->host, g->notices, GAME_MAX_NOTICES);
    prepare_month(g);
    return true;
}

int game_notice_count(const Game *g) { return g->notice_count; }
const ScriptNotice *game_notice_at(const Game *g, int i)
{
    return i >= 0 && i < g->notice_count ? &g->notices[i] : NULL;
}

bool game_force_choice(Game *g, const char *event, const char *option, char *err, size_t cap)
{
    int e = script_event_find(g->host, event);
    if (e < 0)
        return snprintf(err, cap, "unknown event '%s'", event), false;
    if (script_option_find(script_event_at(g->host, e), option) < 0)
        return snprintf(err, cap, "event '%s' has no option '%s'", event, option), false;
    g->has_choices = true;
    for (int i = 0; i < g->choices.override_count; i++)
        if (strcmp(g->choices.overrides[i].event, event) == 0) {
            snprintf(g->choices.overrides[i].option, CORE_ID_LEN, "%s", option);
            return true;
        }
    if (g->choices.override_count >= SCRIPT_MAX_EVENTS)
        return snprintf(err, cap, "too many forced choices"), false;
    ScriptChoiceOverride *o = &g->choices.overrides[g->choices.override_count++];
    snprintf(o->event, sizeof o->event, "%s", event);
    snprintf(o->option, sizeof o->option, "%s", option);
    return true;
}

CoreState *game_core(Game *g) { return g->state; }

bool game_run_until(Game *g, int year, int month, char *err, size_t cap)
{
    int last = core_month_index(g->state, year, month);
    while (g->state->month <= last)
        if (!game_advance(g, err, cap))
            return false;
    return true;
}
