/* game.h — a game session: the core state, the mods that drive it, and the
 * month loop that ties them together (history's timeline, the events that
 * fire, the options taken, the policies' hooks, then core_tick).
 * No SDL here: the headless runner, the tests and the UI all use this. */
#ifndef GAME_H
#define GAME_H

#include "core.h"
#include "script.h"

#include <stdbool.h>
#include <stdint.h>

#define GAME_JOURNAL_START 256 /* the journal's first allocation; it grows */
#define GAME_MAX_NOTICES 64
/* The last month of the game: it ends in December 1962. */
#define GAME_LAST_YEAR 1962
#define GAME_LAST_MONTH 12

typedef struct Game Game;

typedef enum GameChooser {
    GAME_CHOOSE_HISTORY,    /* the option history took (else the default); history's policy timeline */
    GAME_CHOOSE_DEFAULTS,   /* every event's default option; no timeline */
    GAME_CHOOSE_PLAYER,     /* events wait for game_choose; no timeline */
} GameChooser;

/* A player's value for a mod's setting (the Mods screen), as text. */
typedef struct GameSettingValue {
    char mod[CORE_ID_LEN];
    char name[CORE_ID_LEN];
    char value[48];
} GameSettingValue;

typedef struct GameDesc {
    const char *data_dir;          /* the folder holding scripts/ and assets/ */
    const char *scenario;          /* scenario id; NULL = "1958" */
    uint64_t seed;
    const char *const *mod_dirs;   /* extra mod folders, loaded after the base game */
    int mod_dir_count;
    GameChooser chooser;
    bool follow_history;           /* history's policy timeline applies (always with GAME_CHOOSE_HISTORY) */
    const ScriptChoices *choices;  /* optional overrides on top of the chooser (copied) */
    bool keep_moment;              /* keep the month's start for game_moment (always for GAME_CHOOSE_PLAYER) */
    ScriptHostDesc host;
    /* The mods' settings for a new game (a loaded game keeps its own);
     * a value a mod no longer takes is skipped. May be NULL. */
    const GameSettingValue *settings;
    int setting_count;
    /* Restoring a save: a mod the save needs and the game has not loaded
     * is left out (its storage is dropped, and any step of the saved month
     * that was its is skipped) instead of refusing the save. */
    bool without_missing_mods;
} GameDesc;

/* The ids of the game's works and research notes (assets/data/works.csv and
 * sources.csv) that a mod's declarations may cite, read once per data
 * folder; none if the files cannot be read. */
const char *const *game_source_ids(const char *data_dir, int *count);

/* Loads the mods and the scenario's data and prepares the first month.
 * Returns NULL with a message in `err` (naming file:line where it can). */
Game *game_create(const GameDesc *desc, char *err, size_t err_cap);
void game_destroy(Game *g);

/* The same, continuing from a state (a loaded save) instead of the
 * scenario's start. Takes ownership of `state` (freed on failure too). */
Game *game_restore(const GameDesc *desc, CoreState *state, char *err, size_t err_cap);
/* The same, and puts back every mod's storage from the save, running the
 * migrations each mod gained since (script_mods_restore). */
Game *game_restore_saved(const GameDesc *desc, CoreState *state, const ScriptModSave *saves, int save_count,
                         char *err, size_t err_cap);
/* Every mod's storage, serialized for a save file (see script_mods_save). */
bool game_save_mods(Game *g, ScriptModSave *out, int cap, int *count, char *err, size_t err_cap);
/* Saves the game to memory and loads it back in place (t:reload in tests). */
bool game_reload(Game *g, char *err, size_t err_cap);
bool game_follows_history(const Game *g);

const CoreState *game_state(const Game *g);
/* The game's script host. game_reload_scripts replaces it: fetch it again
 * after a reload, never keep it across one. */
ScriptHost *game_host(Game *g);
const ScriptScenario *game_scenario(const Game *g);

/* Events that fired this month and wait for an option (player mode), or that
 * were resolved automatically (other modes: count is 0 after resolution). */
int game_pending_count(const Game *g);
const ScriptDue *game_pending_at(const Game *g, int i);
/* The option the chooser (history, defaults, choices file) would take. */
int game_auto_option(const Game *g, const ScriptDue *due);
/* Takes an option for pending event i (player mode). The answers wait
 * until the month is simulated, then apply in the order the events fired,
 * whatever order they were given in. False if i or option is out of range. */
bool game_choose(Game *g, int i, int option);
/* The option the player took for a pending event this month, -1 if none. */
int game_chosen_option(const Game *g, const ScriptDue *due);
/* Queues a policy change by the player for this month; the opposite
 * change queued earlier this month is taken back instead. */
bool game_set_policy(Game *g, const char *policy, bool enact);
/* The player's last change of a policy this month: 1 enact, -1 repeal, 0 none. */
int game_policy_queued(const Game *g, const char *policy);

/* ==== Saves that keep everything ==== */

/* One step the player took this month (the journal a save replays). */
typedef struct GameJournalEntry {
    char kind;                     /* 'c' choose, 'p' policy, 'f' fire (console) */
    char a[CORE_ID_LEN], b[CORE_ID_LEN], c[CORE_ID_LEN];
} GameJournalEntry;

/* A game at any moment: the month's start (the state and every mod's
 * storage before the month's events were drawn) and, as text, what was
 * done since ("choose EVENT PROVINCE OPTION", "policy ID enact|repeal",
 * "fire EVENT PROVINCE", a line each). Loading the start with
 * game_restore_saved and replaying the journal gives back exactly that
 * moment, and the run goes on bit-identically. */
typedef struct GameMoment {
    const CoreState *state;        /* borrowed from the game */
    const ScriptModSave *mods;     /* borrowed from the game */
    int mod_count;
    char *journal;                 /* malloc'd (game_moment_free) */
    size_t journal_len;
} GameMoment;
/* False with a message if the month cannot be kept (a mod's storage that
 * cannot be serialized; a game made without keep_moment that has already
 * acted this month). */
bool game_moment(Game *g, GameMoment *m, char *err, size_t err_cap);
void game_moment_free(GameMoment *m);
/* Replays a journal on a game just restored (lines of other kinds are
 * skipped: the app keeps its own there). False with a message naming the
 * step that no longer fits the loaded mods. */
bool game_replay_journal(Game *g, const char *text, size_t len, char *err, size_t err_cap);

/* Simulates the current month and prepares the next one. Returns false
 * (with a message) if a decision is still pending or the history is full. */
bool game_advance(Game *g, char *err, size_t err_cap);

/* Notices (fx:notify) of the month just simulated. */
int game_notice_count(const Game *g);
const ScriptNotice *game_notice_at(const Game *g, int i);

/* Runs months until (and including) year-month `until`. */
bool game_run_until(Game *g, int year, int month, char *err, size_t err_cap);

/* From now on, event `event` takes option `option` when it fires (tests,
 * counterfactual runs). False with a message if either is unknown. */
bool game_force_choice(Game *g, const char *event, const char *option, char *err, size_t err_cap);

/* ==== How a player meets each decision (game_present.c) ==== */

typedef enum GameShownAs {
    GAME_SHOWN_CARD,        /* a card the game waits on (one per event and month, listing its provinces) */
    GAME_SHOWN_NOTICE,      /* decided without asking, shown as a notice with a ping on the map */
    GAME_SHOWN_AUTO,        /* decided by a choices file: no player meets it */
    GAME_SHOWN_HIDDEN,      /* a hidden event: it takes its option by itself, unseen */
} GameShownAs;

/* Who decides the events about a province (the player's setting). */
typedef enum GameProvincial {
    GAME_PROVINCIAL_BY_MODE,    /* history in the historical mode, the player in the free mode */
    GAME_PROVINCIAL_ASK,        /* the player, on a card; a repeat takes the last answer */
    GAME_PROVINCIAL_HISTORY,    /* history, as a notice */
    GAME_PROVINCIAL_COUNT
} GameProvincial;

/* Whether an event concerns a province (one it names, or each in turn). */
bool game_event_is_provincial(const ScriptEventInfo *e);
/* Whether history decides the events about a province. */
bool game_provincial_by_history(GameProvincial setting, bool historical_mode);
/* The option history took for a due event (the scenario's record, else the
 * event's historical option, else its default). */
int game_history_option(const Game *g, const ScriptDue *due);
/* How a player meets an event due this month; for a notice, *option is the
 * option it takes (history's, or the answer given last time). */
GameShownAs game_shown_as(const Game *g, const ScriptDue *due, bool historical_mode, GameProvincial setting,
                          int *option);
/* decisions.csv: "month,event,provinces,option,shown_as", one row per
 * decision (an event in every province it was due in that month; options
 * "henan=a;anhui=b" where they differ), how a player of this run would have
 * met it. malloc'd text, NULL if out of memory. */
char *game_decisions_csv(const Game *g, bool historical_mode, GameProvincial setting);
/* Whether a choices file (or game_force_choice) decides this event. */
bool game_forces_choice(const Game *g, const char *event);
/* The script host, read-only. */
const ScriptHost *game_host_const(const Game *g);

/* ==== Standing with Mao (game_standing.c; docs/model.md) ==== */

typedef struct GameStanding {
    double value;               /* 0..100 */
    int purged_month;           /* the month it reached zero, -1 if it never did */
    double last_month_change;   /* the change in the month just simulated */
    int steps;                  /* steps that changed it so far */
} GameStanding;

typedef struct GameStandingStep {
    int month;
    double change;
    bool policy;                /* a policy changed from the board (what = policy, option = enact|repeal) */
    char what[CORE_ID_LEN], option[CORE_ID_LEN];
} GameStandingStep;

/* The Party Center's standing with Mao now, from the run's record: the
 * decisions taken and the board's policy changes, each weighed in the
 * political climate of its month. */
GameStanding game_standing(const Game *g);
/* The steps that changed it in `month` (-1: every month), up to cap. */
int game_standing_steps(const Game *g, int month, GameStandingStep *out, int cap);
/* What an answer, or a change of policy from the board, would do to the
 * standing in `month` (a radical step earns, a moderating one costs). */
double game_option_standing(const Game *g, const char *event, const char *option, int month);
double game_policy_standing(const Game *g, const char *policy, bool enact, int month);
/* +1 a radical policy, -1 a moderating one, 0 neither. */
int game_policy_lean(const char *policy);
/* How many options and policies the standing's table names that the loaded
 * content does not have (the first in `first`): the table must follow the
 * content. */
int game_standing_unknown(const Game *g, char *first, size_t cap);
/* The political climate a month begins in, 0 (calm) to 1 (terror). */
double game_climate(const CoreState *s, int month);

/* ==== For modders (the console, F5) ==== */

/* Hot reload: reads every mod of the game again from the same folders into
 * a new script host. If anything in it is wrong (a syntax or runtime error
 * while loading, a bad manifest, a policy the core refuses, a migration that
 * fails...), the new host is dropped, the old one goes on untouched, `err`
 * gets the first problem as "file:line: message" (every error also reaches
 * on_error) and the result is false. Otherwise the new host takes over:
 * each mod's storage (with the migrations it gained), the pending events
 * (an event that is gone is dropped), the notices not yet shown; the
 * policies are registered again (the core state stays bit-identical unless
 * a policy's modifiers changed or a policy was added); events and hooks
 * disabled after an error run again. Then each mod's global on_reload(), if
 * it defines one, is called (an error in it is reported, context
 * "on_reload", and does not undo the reload). Everything else of the game
 * (the state, forced choices, the commands queued this month) stays.
 * game_host() returns the new host afterwards. */
bool game_reload_scripts(Game *g, char *err, size_t err_cap);

/* Console: puts event `event_id` on this month's pending list as if it had
 * fired, ignoring its dates, trigger and "once". A per-province event needs
 * a province id ("henan"); a national event takes none (NULL or ""). In
 * player mode the card then waits for game_choose; otherwise the chooser
 * takes its option at once. False with a message if an id is unknown, the
 * event is disabled or the list is full. */
bool game_fire_event(Game *g, const char *event_id, const char *province_id, char *err, size_t err_cap);

/* Console: explains, one line per rule ("yes  ", "no   " or four spaces
 * first), whether the event would fire now on that province, ending with
 * the verdict (see script_event_explain). False with a message in `out` if
 * an id is unknown or a per-province event gets no province. */
bool game_explain_event(Game *g, const char *event_id, const char *province_id, char *out, size_t out_cap);

/* The state for tools that must hand it to the script layer (the test
 * runner); everything else uses game_state(). */
CoreState *game_core(Game *g);

/* Runs the Lua tests of one file, each in a fresh game made from `base`
 * (with the test's seed and choices). Prints one line per test to stdout.
 * Adds to *passed and *failed; returns false if the file cannot be read. */
bool game_run_test_file(const GameDesc *base, const char *path, const char *display, int *passed, int *failed);
/* The same, with the tests running in the sandbox of mod `mod_id` (its
 * storage and require); mod_id NULL means the base game. */
bool game_run_mod_test_file(const GameDesc *base, const char *mod_id, const char *path, const char *display,
                            int *passed, int *failed);

/* ==== Checking mods (greatleap --check-mods) ==== */

typedef struct GameCheckDesc {
    const char *data_dir;              /* the folder holding scripts/ and assets/ */
    const char *const *check_dirs;     /* the mods to check (scripts/ itself may be one) */
    int check_dir_count;
    const char *const *extra_dirs;     /* loaded too (their dependencies), not checked */
    int extra_dir_count;
    /* Whether the bundled fonts draw every character of `text`; if not, the
     * first one missing goes to *missing. NULL: glyphs are not checked. */
    bool (*glyphs_covered)(const char *text, uint32_t *missing, void *user);
    ScriptProblemFn problem;           /* each problem once, sorted by file and line */
    void *user;
} GameCheckDesc;

/* Checks mods without playing them: manifests and load order; every file
 * loads; parameters and scenarios hold; the ids, provinces, levers and
 * variables the scripts name exist (literal names in the source, and every
 * trigger, option and monthly hook run on sample states of a whole run);
 * events that can never fire; texts in both languages for every
 * player-facing key, in glyphs the fonts have; test files that load.
 * Returns the number of problems reported. */
int game_check_mods(const GameCheckDesc *desc);

#endif
