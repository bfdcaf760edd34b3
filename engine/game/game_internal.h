/* game_internal.h — what the game module's files share (game.c and the
 * mod checker, game_check.c). Not for other modules. */
#ifndef GAME_INTERNAL_H
#define GAME_INTERNAL_H

#include "game.h"

/* What became of a pending event this month. The player's answers apply in
 * the order the events fired, as the other choosers' do, whatever order
 * they are given in (one card may answer events of several provinces): an
 * answer applies at once when every event before it is answered, else when
 * they are. Events fired from the console apply at once. */
typedef struct GamePendingMark {
    bool resolved;                   /* an option is taken (or, for the player, chosen) */
    int chosen;                      /* the player's option, -1 if none */
    bool applied;
    bool fired;                      /* put there by the console */
} GamePendingMark;

/* A game session (game.h). Its files: game.c (the month loop), game_moment.c
 * (saves), game_modding.c (hot reload, the console), game_present.c,
 * game_standing.c, game_check.c, game_reckon.c, game_shapley.c. */
struct Game {
    CoreState *state;
    ScriptHost *host;
    ScriptScenario scenario;
    GameChooser chooser;
    bool follow_history;
    ScriptChoices choices;
    bool has_choices;
    ScriptCommands cmds;             /* queued for the current month */
    /* This month's events, in the order they fire (script_events_due), as
     * many as are due, and what became of each. */
    ScriptDueList pending;
    GamePendingMark *marks;          /* one per pending event (marks_cap of them) */
    int marks_cap;
    /* The moment a save keeps (player games, and games made to be saved):
     * the state and every mod's storage as the month began, and what was
     * done since. A load replays the journal on that start. */
    bool keep_moment;
    bool lenient_replay;           /* restored without a missing mod: steps that no longer fit are skipped */
    CoreState *month_start;
    ScriptModSave *month_storage;
    int month_storage_count;
    bool month_storage_ok;
    char month_storage_err[256];
    int journal_count, journal_cap;
    GameJournalEntry *journal;       /* grows as the player acts */
    int notice_count;
    ScriptNotice notices[GAME_MAX_NOTICES];
    ScriptHostDesc callbacks;        /* the caller's on_error, on_log and user */
    /* Where the mods came from, for game_reload_scripts (copies: the
     * caller's GameDesc need not outlive the game). */
    char *data_dir;
    char **mod_dirs;
    int mod_dir_count;
    ScriptHost *loading;             /* the host game_reload_scripts is loading, for forward_error */
};

/* The journal's word for a province: its id, "-" for none. */
const char *game_province_word(const Game *g, int province);
/* Makes room for `count` pending events' marks; false when out of memory. */
bool game_marks_reserve(Game *g, int count);
/* Adds a step to the month's journal (games that keep their moment). */
void game_journal_add(Game *g, char kind, const char *a, const char *b, const char *c);
/* The first error a host reported, as "file:line: message". */
void game_first_error(ScriptHost *h, char *err, size_t cap);
/* An empty host that reports through the game's callbacks. */
ScriptHost *game_new_host(Game *g);
/* The folders of the game's mods, as game_load_mods takes them. */
GameDesc game_kept_mod_folders(const Game *g);

/* Rounds of chained events (fx:fire with 0 months firing more) a step
 * takes at most, so that events firing each other end. */
#define GAME_MAX_CHAIN_ROUNDS 64
/* Chained events whose month has come join the month's list (game.c). */
void game_fire_chains(Game *g);
/* Applies fx:modify's and fx:remove_modifier's endings in a month's
 * commands to the state, in order: each ends the state's modifiers of its
 * name and the ones the commands before it add; the ending commands leave
 * the list (game_modifiers.c). */
void game_end_named_modifiers(CoreState *s, ScriptCommands *cmds);
/* Applies commands outside a month (a scenario's setup, on_new_game,
 * on_mod_added): fx:fire goes into the schedule, named modifiers end. */
void game_apply_now(Game *g, ScriptCommands *cmds);

/* Applies the parameters the loaded mods declare in mod.lua to a scenario.
 * Each value is checked with the core's own rules, one at a time on the
 * data's values, so that a problem names the mod.lua line that is out of
 * range; two mods changing one parameter is a problem too. */
bool game_apply_mod_parameters(ScriptHost *h, CoreScenario *sc, ScriptProblemFn problem, void *user);

/* Loads the base game (data_dir/scripts) and d->mod_dirs into `h` in
 * dependency order; false with the first problem in `err`. */
bool game_load_mods(ScriptHost *h, const GameDesc *d, char *err, size_t cap);

/* Reads a scenario's data files (relative to data_dir) into `sc`. */
bool game_build_scenario(const char *data_dir, const ScriptScenario *ss, CoreScenario *sc, char *err, size_t cap);
/* A choices file's parameters on top of `sc` (checked). */
bool game_apply_choice_parameters(const ScriptChoices *c, CoreScenario *sc, char *err, size_t cap);

/* Whether two paths name the same folder (after symbolic links). */
bool game_same_folder(const char *a, const char *b);

/* A ScriptProblemFn that keeps the first problem as "file:line: message" in
 * `user`, a char[1024] that starts empty. */
void game_first_problem(const char *file, int line, const char *message, void *user);

#endif
