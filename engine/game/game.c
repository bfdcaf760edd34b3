/* game.c — the month loop. A month: history's timeline and the player's
 * policy changes become commands; the events whose time has come are found;
 * each gets an option (history's, the choices file's, the default, or the
 * player's) whose effects queue more commands; active policies' monthly hooks
 * run; then core_tick applies everything and simulates the month. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "game.h"
#include "game_internal.h"

#include "platform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* struct Game: game_internal.h */

void game_first_error(ScriptHost *h, char *err, size_t cap)
{
    const ScriptError *e = script_error_at(h, 0);
    char file[sizeof e->file];
    if (!e)
        return;
    script_error_file(h, e->file, file, sizeof file);
    snprintf(err, cap, "%s:%d: %s", file, e->line, e->message);
}

/* The host reports to these, which pass errors on with their file named in
 * full (Lua shortens long file names in its messages). */
static void forward_error(const ScriptError *e, void *user)
{
    Game *g = user;
    if (!g->callbacks.on_error)
        return;
    ScriptError full = *e;
    ScriptHost *h = g->loading ? g->loading : g->host;
    if (h)
        script_error_file(h, e->file, full.file, sizeof full.file);
    g->callbacks.on_error(&full, g->callbacks.user);
}

static void forward_log(const char *mod, const char *message, void *user)
{
    Game *g = user;
    if (g->callbacks.on_log)
        g->callbacks.on_log(mod, message, g->callbacks.user);
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

/* The option a chooser wants, before looking at which are offered. */
static int wanted_option(const Game *g, const ScriptEventInfo *e)
{
    if (g->has_choices)
        for (int i = 0; i < g->choices.override_count; i++)
            if (strcmp(g->choices.overrides[i].event, e->id) == 0)
                return script_option_find(e, g->choices.overrides[i].option);
    if (g->chooser == GAME_CHOOSE_HISTORY)
        for (int i = 0; i < g->scenario.choice_count; i++)
            if (strcmp(g->scenario.choice_event[i], e->id) == 0)
                return script_option_find(e, g->scenario.choice_option[i]);
    if (g->chooser == GAME_CHOOSE_HISTORY && e->historical_option >= 0)
        return e->historical_option;
    return e->default_option;
}

int game_auto_option(const Game *g, const ScriptDue *due)
{
    const ScriptEventInfo *e = script_event_at(g->host, due->event);
    if (!e)
        return -1;
    /* An option whose `when` did not hold is not there to take: then the
     * default, then the first offered. */
    int want = wanted_option(g, e);
    if (script_option_offered(due, want))
        return want;
    if (script_option_offered(due, e->default_option))
        return e->default_option;
    for (int i = 0; i < e->option_count; i++)
        if (script_option_offered(due, i))
            return i;
    return e->default_option;
}

/* Keeps the month's start for a save: the state, every mod's storage. */
static void keep_month_start(Game *g)
{
    g->journal_count = 0;
    if (!g->keep_moment)
        return;
    core_state_copy(g->month_start, g->state); /* what it holds: not the 1.5 MB of months to come */
    script_mod_saves_free(g->month_storage, g->month_storage_count);
    g->month_storage_count = 0;
    g->month_storage_err[0] = '\0';
    g->month_storage_ok = script_mods_save(g->host, g->month_storage, SCRIPT_MAX_MODS, &g->month_storage_count,
                                           g->month_storage_err, sizeof g->month_storage_err);
}

static bool is_hidden(const Game *g, int k)
{
    const ScriptEventInfo *e = script_event_at(g->host, g->pending.items[k].event);
    return e && e->hidden;
}

/* The pending events from `from` on that take an option at once: every
 * one with another chooser than the player, whose effects run now, all
 * together (script_events_choose); the hidden ones in the player's game,
 * whose effects wait for the answers before them (apply_answers). */
static void resolve_from(Game *g, int from)
{
    int n = g->pending.count - from;
    if (g->chooser == GAME_CHOOSE_PLAYER) {
        for (int k = from; k < g->pending.count; k++)
            if (is_hidden(g, k)) {
                g->marks[k].chosen = game_auto_option(g, &g->pending.items[k]);
                g->marks[k].resolved = true;
            }
        return;
    }
    if (n <= 0)
        return;
    int *options = malloc(sizeof *options * (size_t)n);
    for (int k = from; k < g->pending.count; k++) {
        int option = game_auto_option(g, &g->pending.items[k]);
        if (options)
            options[k - from] = option;
        else /* out of memory: one at a time */
            script_event_choose(g->host, g->state, &g->pending.items[k], option, false, &g->cmds);
        g->marks[k].resolved = g->marks[k].applied = true;
    }
    if (options)
        script_events_choose(g->host, g->state, &g->pending.items[from], options, n, &g->cmds);
    free(options);
}

static void apply_answers(Game *g, int at_once);

/* Events fired by the effects that ran so far whose month has come
 * (fx:fire, with 0 months: this month) join the month's list, and are
 * taken at once where the chooser does; their effects may fire more. */
void game_fire_chains(Game *g)
{
    for (int round = 0; round < GAME_MAX_CHAIN_ROUNDS; round++) {
        int from = g->pending.count;
        /* Out of memory, the events not taken stay in the schedule. */
        int n = script_chains_due(g->host, g->state, &g->cmds, &g->pending);
        if (n == 0)
            return;
        if (!game_marks_reserve(g, g->pending.count))
            g->pending.count = g->marks_cap; /* as prepare_month does */
        for (int k = from; k < g->pending.count; k++)
            g->marks[k] = (GamePendingMark){.chosen = -1};
        resolve_from(g, from);
        if (g->chooser == GAME_CHOOSE_PLAYER)
            apply_answers(g, -1);
    }
}

static void prepare_month(Game *g)
{
    keep_month_start(g);
    script_commands_clear(&g->cmds);
    queue_timeline(g);
    /* on_month: after the core's month (none before the first), as this
     * one begins; what it queues applies in this month. A save keeps the
     * month's start from before it, and a load runs it again, alike. */
    if (g->state->month > 0)
        script_mods_run_hook(g->host, SCRIPT_HOOK_ON_MONTH, g->state, &g->cmds);
    g->pending.count = 0;
    /* Out of memory, the events found until then fire (and the rest are
     * not checked): nothing better can be done about it here. */
    script_events_due(g->host, g->state, &g->pending);
    if (!game_marks_reserve(g, g->pending.count))
        g->pending.count = g->marks_cap;
    for (int i = 0; i < g->pending.count; i++)
        g->marks[i] = (GamePendingMark){.chosen = -1};
    resolve_from(g, 0);
    if (g->chooser == GAME_CHOOSE_PLAYER)
        apply_answers(g, -1);
    game_fire_chains(g);
}

void game_first_problem(const char *file, int line, const char *message, void *user)
{
    char *err = user;
    if (!err[0])
        snprintf(err, 1024, "%s:%d: %s", file, line, message);
}

bool game_same_folder(const char *a, const char *b)
{
    char *ra = realpath(a, NULL), *rb = realpath(b, NULL);
    bool same = ra && rb && strcmp(ra, rb) == 0;
    free(ra);
    free(rb);
    return same;
}

/* Loads the base game and the extra mods in dependency order. */
bool game_load_mods(ScriptHost *h, const GameDesc *d, char *err, size_t cap)
{
    int n = d->mod_dir_count + 1;
    if (n > SCRIPT_MAX_MODS)
        return snprintf(err, cap, "too many mods (at most %d)", SCRIPT_MAX_MODS), false;
    ScriptManifest *m = calloc((size_t)n, sizeof *m);
    char (*dirs)[PLAT_PATH_MAX] = calloc((size_t)n, sizeof *dirs);
    const char **shown = calloc((size_t)n, sizeof *shown);
    int order[SCRIPT_MAX_MODS];
    bool ok = m && dirs && shown && plat_path_join(dirs[0], sizeof dirs[0], d->data_dir, "scripts");
    if (!ok)
        snprintf(err, cap, "out of memory");
    shown[0] = "scripts";
    int given = n;
    n = 1;
    for (int i = 1; i < given && ok; i++) {
        bool again = false; /* a folder named twice (or scripts/ itself) loads once */
        for (int k = 0; k < n && !again; k++)
            again = game_same_folder(dirs[k], d->mod_dirs[i - 1]);
        if (again)
            continue;
        snprintf(dirs[n], sizeof dirs[n], "%s", d->mod_dirs[i - 1]);
        shown[n++] = d->mod_dirs[i - 1];
    }
    /* The manifests first, for the order; the base game alone needs none:
     * its own manifest is checked once it is loaded (a host for a manifest
     * was a twentieth of loading a game). */
    for (int i = 0; i < n && ok && n > 1; i++)
        ok = script_manifest_read(dirs[i], shown[i], &m[i], err, cap);
    char problem[1024] = "";
    if (ok && n > 1 && !script_mods_order(m, n, order, game_first_problem, problem)) {
        snprintf(err, cap, "%s", problem);
        ok = false;
    }
    if (n == 1)
        order[0] = 0;
    for (int i = 0; i < n && ok; i++)
        if (!script_host_load_mod(h, dirs[order[i]], shown[order[i]])) {
            game_first_error(h, err, cap);
            ok = false;
        }
    if (ok && n == 1 && !script_mods_order(script_mod_manifest(h, 0), 1, order, game_first_problem, problem)) {
        snprintf(err, cap, "%s", problem);
        ok = false;
    }
    free(m);
    free(dirs);
    free(shown);
    return ok;
}

static char *copy_text(const char *text)
{
    if (!text)
        text = "";
    char *copy = malloc(strlen(text) + 1);
    if (copy)
        strcpy(copy, text);
    return copy;
}

/* Keeps the folders of the mods, so that game_reload_scripts can read them again. */
static bool keep_mod_folders(Game *g, const GameDesc *d)
{
    g->data_dir = copy_text(d->data_dir);
    g->mod_dirs = d->mod_dir_count > 0 ? calloc((size_t)d->mod_dir_count, sizeof *g->mod_dirs) : NULL;
    if (!g->data_dir || (d->mod_dir_count > 0 && !g->mod_dirs))
        return false;
    for (int i = 0; i < d->mod_dir_count; i++)
        if (!(g->mod_dirs[g->mod_dir_count++] = copy_text(d->mod_dirs[i])))
            return false;
    return true;
}

/* The mods' folders as game_load_mods takes them. */
GameDesc game_kept_mod_folders(const Game *g)
{
    return (GameDesc){.data_dir = g->data_dir, .mod_dirs = (const char *const *)g->mod_dirs,
                      .mod_dir_count = g->mod_dir_count};
}

/* An empty host that reports through the game. */
ScriptHost *game_new_host(Game *g)
{
    ScriptHostDesc hd = g->callbacks;
    hd.on_error = forward_error;
    hd.on_log = forward_log;
    hd.user = g;
    if (!hd.source_ids)
        hd.source_ids = game_source_ids(g->data_dir, &hd.source_id_count);
    return script_host_create(&hd);
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
    g->callbacks = d->host;
    g->keep_moment = d->chooser == GAME_CHOOSE_PLAYER || d->keep_moment;
    if (g->keep_moment && (!(g->month_start = malloc(sizeof *g->month_start)) ||
                           !(g->month_storage = calloc(SCRIPT_MAX_MODS, sizeof *g->month_storage)))) {
        snprintf(err, cap, "out of memory");
        goto fail;
    }
    if (!keep_mod_folders(g, d)) {
        snprintf(err, cap, "out of memory");
        goto fail;
    }
    g->host = game_new_host(g);
    if (!g->host) {
        snprintf(err, cap, "cannot start the script host");
        goto fail;
    }
    if (!game_load_mods(g->host, d, err, cap))
        goto fail;
    /* The player's settings for the mods; one a mod no longer has is skipped. */
    for (int i = 0; i < d->setting_count; i++) {
        char why[256];
        script_mod_setting_set(g->host, script_mod_find(g->host, d->settings[i].mod), d->settings[i].name,
                               d->settings[i].value, why, sizeof why);
    }
    const char *sid = d->scenario ? d->scenario : "1958";
    if (!script_scenario_get(g->host, sid, &g->scenario)) {
        snprintf(err, cap, "no scenario '%s' in the loaded mods", sid);
        if (script_error_count(g->host))
            game_first_error(g->host, err, cap);
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
    char problem[1024] = "";
    if (!script_scenario_check(g->host, g->scenario.id, game_first_problem, problem)) {
        snprintf(err, cap, "%s", problem);
        return false;
    }
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
    char problem[1024] = "";
    if (!sc || !game_build_scenario(d->data_dir, &g->scenario, sc, err, cap) ||
        !game_apply_mod_parameters(g->host, sc, game_first_problem, problem)) {
        if (problem[0])
            snprintf(err, cap, "%s", problem);
        free(sc);
        goto fail;
    }
    if (d->choices && !game_apply_choice_parameters(d->choices, sc, err, cap)) {
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
    script_mods_run_hook(g->host, SCRIPT_HOOK_ON_NEW_GAME, g->state, &setup);
    game_apply_now(g, &setup);
    script_commands_free(&setup);
    prepare_month(g);
    return g;
fail:
    game_destroy(g);
    return NULL;
}

Game *game_restore(const GameDesc *d, CoreState *state, char *err, size_t cap)
{
    return game_restore_saved(d, state, NULL, 0, err, cap);
}

Game *game_restore_saved(const GameDesc *d, CoreState *state, const ScriptModSave *saves, int save_count, char *err,
                         size_t cap)
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
    /* A mod the save needs and the game has not loaded: its storage and
     * what its scripts did cannot come back. */
    ScriptModSave *kept = save_count ? calloc((size_t)save_count, sizeof *kept) : NULL; /* shallow: not freed */
    int kept_count = 0;
    for (int i = 0; i < save_count; i++) {
        if (script_mod_find(g->host, saves[i].id) >= 0) {
            if (kept)
                kept[kept_count++] = saves[i];
            continue;
        }
        if (d->without_missing_mods) {
            g->lenient_replay = true;
            continue;
        }
        snprintf(err, cap,
                 "the save needs mod '%s' version %s, which is not loaded: install it (or add --mods), or load it "
                 "without (--without-missing-mods; Yes in the window)",
                 saves[i].id, saves[i].version);
        free(kept);
        game_destroy(g);
        return NULL;
    }
    if (save_count && !kept) {
        snprintf(err, cap, "out of memory");
        game_destroy(g);
        return NULL;
    }
    bool restored = game_start(g, d, err, cap) && script_mods_restore(g->host, kept, kept_count, err, cap);
    free(kept);
    if (!restored) {
        game_destroy(g);
        return NULL;
    }
    /* A mod the save did not have joins the game here; then every mod may
     * rebuild what it keeps outside storage. */
    ScriptCommands added = {0};
    for (int m = 0; m < script_mod_count(g->host); m++) {
        bool known = false;
        for (int i = 0; i < save_count && !known; i++)
            known = strcmp(saves[i].id, script_mod_id(g->host, m)) == 0;
        if (!known && saves)
            script_mod_run_hook(g->host, m, SCRIPT_HOOK_ON_MOD_ADDED, g->state, &added);
    }
    game_apply_now(g, &added);
    script_commands_free(&added);
    script_mods_run_hook(g->host, SCRIPT_HOOK_ON_LOAD, g->state, NULL);
    prepare_month(g);
    return g;
}

bool game_save_mods(Game *g, ScriptModSave *out, int cap, int *count, char *err, size_t err_cap)
{
    return script_mods_save(g->host, out, cap, count, err, err_cap);
}

bool game_reload(Game *g, char *err, size_t cap)
{
    ScriptModSave *saves = calloc(SCRIPT_MAX_MODS, sizeof *saves);
    int count = 0;
    uint8_t *buf = NULL;
    size_t len = 0;
    bool ok = saves && script_mods_save(g->host, saves, SCRIPT_MAX_MODS, &count, err, cap);
    if (ok && !core_save_to_buffer(g->state, &buf, &len)) {
        snprintf(err, cap, "%s", core_error_get());
        ok = false;
    }
    CoreState *loaded = ok ? core_load_from_buffer(buf, len) : NULL;
    if (ok && !loaded) {
        snprintf(err, cap, "%s", core_error_get());
        ok = false;
    }
    if (loaded) {
        *g->state = *loaded; /* plain data: the state keeps its address, views stay usable */
        core_state_destroy(loaded);
    }
    ok = ok && script_mods_restore(g->host, saves, count, err, cap);
    free(buf);
    script_mod_saves_free(saves, count);
    free(saves);
    return ok;
}

bool game_follows_history(const Game *g) { return g->follow_history; }

void game_destroy(Game *g)
{
    if (!g)
        return;
    core_state_destroy(g->state);
    script_host_destroy(g->host);
    script_commands_free(&g->cmds);
    free(g->month_start);
    script_due_list_free(&g->pending);
    free(g->marks);
    free(g->journal);
    script_mod_saves_free(g->month_storage, g->month_storage_count);
    free(g->month_storage);
    for (int i = 0; i < g->mod_dir_count; i++)
        free(g->mod_dirs[i]);
    free(g->mod_dirs);
    free(g->data_dir);
    free(g);
}

const CoreState *game_state(const Game *g) { return g->state; }
ScriptHost *game_host(Game *g) { return g->host; }
const ScriptHost *game_host_const(const Game *g) { return g->host; }

bool game_forces_choice(const Game *g, const char *event)
{
    for (int i = 0; g->has_choices && i < g->choices.override_count; i++)
        if (strcmp(g->choices.overrides[i].event, event) == 0)
            return true;
    return false;
}
const ScriptScenario *game_scenario(const Game *g) { return &g->scenario; }

int game_pending_count(const Game *g)
{
    int n = 0;
    for (int i = 0; i < g->pending.count; i++)
        n += !g->marks[i].resolved;
    return n;
}

const ScriptDue *game_pending_at(const Game *g, int i)
{
    for (int k = 0; k < g->pending.count; k++)
        if (!g->marks[k].resolved && i-- == 0)
            return &g->pending.items[k];
    return NULL;
}

const char *game_province_word(const Game *g, int province)
{
    return province >= 0 && province < g->state->province_count ? g->state->info[province].id : "-";
}

bool game_marks_reserve(Game *g, int count)
{
    if (count <= g->marks_cap)
        return true;
    int cap = g->marks_cap ? g->marks_cap : 64;
    while (cap < count)
        cap *= 2;
    GamePendingMark *n = realloc(g->marks, sizeof *n * (size_t)cap);
    if (!n)
        return false;
    g->marks = n;
    g->marks_cap = cap;
    return true;
}

/* A line of the journal (what the player did this month). */
void game_journal_add(Game *g, char kind, const char *a, const char *b, const char *c)
{
    if (!g->keep_moment)
        return;
    if (g->journal_count == g->journal_cap) {
        int cap = g->journal_cap ? g->journal_cap * 2 : GAME_JOURNAL_START;
        GameJournalEntry *n = realloc(g->journal, sizeof *n * (size_t)cap);
        if (!n)
            return; /* the save will not replay this step; nothing better can be done */
        g->journal = n;
        g->journal_cap = cap;
    }
    GameJournalEntry *j = &g->journal[g->journal_count++];
    memset(j, 0, sizeof *j);
    j->kind = kind;
    snprintf(j->a, sizeof j->a, "%s", a ? a : "");
    snprintf(j->b, sizeof j->b, "%s", b ? b : "");
    snprintf(j->c, sizeof j->c, "%s", c ? c : "");
}

/* Applies the player's answers that may apply now: those of the events
 * that fired first, up to the first still waiting; and `at_once` (>= 0),
 * an event fired from the console. */
static void apply_answers(Game *g, int at_once)
{
    bool blocked = false; /* an earlier event still waits for its answer */
    for (int k = 0; k < g->pending.count; k++) {
        if (g->marks[k].applied)
            continue;
        if (g->marks[k].chosen >= 0 && (!blocked || k == at_once)) {
            script_event_choose(g->host, g->state, &g->pending.items[k], g->marks[k].chosen, false, &g->cmds);
            g->marks[k].applied = true;
        } else {
            blocked = true;
        }
    }
}

bool game_choose(Game *g, int i, int option)
{
    for (int k = 0; k < g->pending.count; k++)
        if (!g->marks[k].resolved && i-- == 0) {
            const ScriptEventInfo *e = script_event_at(g->host, g->pending.items[k].event);
            if (!e || option < 0 || option >= e->option_count)
                return false;
            if (!script_option_offered(&g->pending.items[k], option))
                return false;
            g->marks[k].resolved = true;
            g->marks[k].chosen = option;
            game_journal_add(g, 'c', e->id, game_province_word(g, g->pending.items[k].province), e->options[option].id);
            apply_answers(g, g->marks[k].fired ? k : -1);
            game_fire_chains(g);
            return true;
        }
    return false;
}

int game_chosen_option(const Game *g, const ScriptDue *due)
{
    for (int k = 0; k < g->pending.count; k++)
        if (&g->pending.items[k] == due || (g->pending.items[k].event == due->event && g->pending.items[k].province == due->province))
            return g->marks[k].chosen;
    return -1;
}

bool game_set_policy(Game *g, const char *policy, bool enact)
{
    int idx = core_policy_find(g->state, policy);
    if (idx < 0)
        return false;
    /* The opposite change queued this month is taken back, not undone. */
    for (int i = g->cmds.count - 1; i >= 0; i--) {
        CoreCommand *q = &g->cmds.items[i];
        if (q->policy != idx || strncmp(q->source, "player:", 7) != 0 ||
            (q->kind != CORE_CMD_POLICY_ENACT && q->kind != CORE_CMD_POLICY_REPEAL))
            continue;
        if ((q->kind == CORE_CMD_POLICY_ENACT) == enact)
            return true; /* already queued */
        memmove(q, q + 1, sizeof *q * (size_t)(g->cmds.count - i - 1));
        g->cmds.count--;
        game_journal_add(g, 'p', policy, enact ? "enact" : "repeal", NULL);
        return true;
    }
    CoreCommand c = {.kind = enact ? CORE_CMD_POLICY_ENACT : CORE_CMD_POLICY_REPEAL, .policy = idx};
    snprintf(c.source, sizeof c.source, "player:%s", policy);
    if (!script_commands_push(&g->cmds, &c))
        return false;
    game_journal_add(g, 'p', policy, enact ? "enact" : "repeal", NULL);
    return true;
}

int game_policy_queued(const Game *g, const char *policy)
{
    int idx = core_policy_find(g->state, policy), last = 0;
    for (int i = 0; idx >= 0 && i < g->cmds.count; i++) {
        const CoreCommand *c = &g->cmds.items[i];
        if (c->policy == idx && strncmp(c->source, "player:", 7) == 0 &&
            (c->kind == CORE_CMD_POLICY_ENACT || c->kind == CORE_CMD_POLICY_REPEAL))
            last = c->kind == CORE_CMD_POLICY_ENACT ? 1 : -1;
    }
    return last;
}

bool game_advance(Game *g, char *err, size_t cap)
{
    if (game_pending_count(g) > 0) {
        snprintf(err, cap, "an event is waiting for a decision");
        return false;
    }
    apply_answers(g, -1); /* every answer, in the order the events fired */
    script_policies_month(g->host, g->state, &g->cmds);
    script_chains_due(g->host, g->state, &g->cmds, NULL); /* fx:fire from the hooks: into the schedule */
    game_end_named_modifiers(g->state, &g->cmds);
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
