/* app.h — the program: command-line options and the modes they select. */
#ifndef APP_H
#define APP_H

#include "core.h"
#include "game.h"
#include "script.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define APP_MAX_MODS 16
#define APP_MAX_MOD_SETTINGS 64

typedef enum AppMode {
    APP_MODE_GAME,
    APP_MODE_HEADLESS,
    APP_MODE_TESTS,
    APP_MODE_SCREENSHOT,
    APP_MODE_BENCH,
    APP_MODE_HELP,
    APP_MODE_VERSION,
    APP_MODE_CHECK_MODS,             /* --check-mods DIR... */
    APP_MODE_TEST_MODS,              /* --test-mods DIR... */
    APP_MODE_API_DUMP,               /* --api-dump DIR */
    APP_MODE_KIOSK_REPORT,           /* --kiosk-report LOGDIR */
} AppMode;

#define APP_MAX_SEEDS 1000

typedef struct AppOptions {
    AppMode mode;
    const char *mode_option;         /* the option that chose the mode ("--headless"), NULL for the game */
    int until_year, until_month;     /* last month to simulate */
    const char *choices;             /* "historical", "defaults" or a file */
    uint64_t seed;
    int seed_count;                  /* --seeds A-B: B - A + 1 seeds from `seed` (0: one run) */
    bool shapley;                    /* --shapley: write shapley.csv too */
    const char *out_dir;
    const char *tests_path;          /* --run-tests */
    const char *screenshot;          /* --screenshot FILE */
    int width, height;               /* --size WxH (0: default) */
    bool has_at;                     /* --at given */
    int at_year, at_month;
    const char *map_mode;            /* --map-mode */
    const char *lang;                /* --lang en|zh */
    const char *screen;              /* --screen title|map|event|policies|ledger|end|menu|settings|sources */
    const char *scenario;
    bool software_renderer;          /* --renderer software */
    int bench_frames;                /* --bench-frames N */
    bool kiosk;                      /* --kiosk: the museum kiosk */
    const char *kiosk_config;        /* --kiosk-config FILE */
    const char *input_script;        /* --input-script (or --kiosk-input) FILE: scripted input (tests) */
    int ui_scale_percent;            /* --ui-scale (0: the setting) */
    bool check_layout;               /* --check-layout: with --screenshot, fail if a widget leaves its parent */
    bool check_contrast;             /* --check-contrast: with --screenshot, fail if a text is below WCAG AA */
    int soak_sessions;               /* --soak N: the kiosk offscreen for N visitor sessions */
    double start_ms;                 /* plat_now_ms() when main began */
    const char *data_dir;            /* NULL: found automatically */
    const char *mods[APP_MAX_MODS];
    int mod_count;
    bool quiet;
    bool dev;                        /* --dev: reload the scripts when a file changes */
    const char *mod_args[APP_MAX_MODS]; /* the folders after --check-mods or --test-mods */
    int mod_arg_count;
    const char *api_dir;             /* --api-dump DIR */
    const char *kiosk_report_dir;    /* --kiosk-report LOGDIR: the kiosk's log folder */
    bool no_user_mods;               /* --no-user-mods */
    bool without_missing_mods;       /* --without-missing-mods: load a save without the mods it needs that are missing */
    int save_slot;                   /* --save-slot N for --headless (0: none) */
    int load_slot;                   /* --load-slot N for --headless (when load_slot_given) */
    bool load_slot_given;
} AppOptions;

/* Parses argv. On a bad argument writes a one-line message to `err` and
 * returns false (the caller exits with status 2). */
bool app_cli_parse(int argc, char **argv, AppOptions *out, char *err, size_t err_cap);
/* Whether --data names the game's data folder (scripts/ and assets/data/);
 * why not in `err`. */
bool app_data_dir_check(const char *dir, char *err, size_t cap);
void app_cli_print_help(void);
void app_cli_print_version(void);

/* Runs the simulation without a window and writes the CSV files.
 * Returns the process exit status. */
int app_headless_run(const AppOptions *opt, const char *argv0);

/* Runs Lua test files headless (--run-tests); returns the exit status. */
int app_tests_run(const AppOptions *opt, const char *argv0);

/* ==== Mods ==== */

/* Adds the mods installed in $XDG_DATA_HOME/greatleap/mods (each folder
 * there with a mod.lua) to opt->mods, in name order; the load order itself
 * comes from their dependencies. A note for the player goes to `warn` if
 * some could not be added. */
void app_mods_add_user(AppOptions *opt, char *warn, size_t warn_cap);
/* The same, leaving out the installed mods whose ids are in `disabled`
 * (the Mods screen's choice; ids separated by spaces); those are listed by
 * app_mods_left_out. */
void app_mods_add_user_except(AppOptions *opt, const char *disabled, char *warn, size_t warn_cap);
/* The installed mods left out, as folders; how many. */
int app_mods_left_out(const char *const **dirs);
/* Puts opt->mods in the order they load in (dependencies first, then by
 * id), so that whatever loads them one by one loads them in that order.
 * Leaves the list as it is if the mods cannot be ordered: loading the game
 * then reports why. */
void app_mods_sort(AppOptions *opt);
/* The same, where dependencies allow in the order of the ids in
 * `preferred` (separated by spaces; the others after them, by id). */
void app_mods_sort_preferring(AppOptions *opt, const char *preferred);
/* --check-mods: one "file:line: message" line per problem; 0 when clean, 1
 * with problems, 2 if the check could not run. */
int app_check_mods_run(const AppOptions *opt, const char *argv0);
/* --test-mods: runs every DIR/tests/NAME.lua headless in its mod's sandbox;
 * a line per test and a summary; 0 if every test passed. */
int app_test_mods_run(const AppOptions *opt, const char *argv0);
/* --api-dump: writes api.md, api.json and greatleap.d.lua into a folder. */
int app_api_dump_run(const AppOptions *opt, const char *argv0);
/* --kiosk-report LOGDIR (app_kiosk_report.c): kiosk-sessions.csv and
 * kiosk-summary.txt from the kiosk's logs, into --out DIR (default: the
 * current folder). Returns the exit status. */
int app_kiosk_report_run(const AppOptions *opt);
/* The three documents as text (malloc'd, caller frees), for the dump and
 * for the test that checks the committed copy is current. */
bool app_api_markdown(char **out, size_t *len);
bool app_api_json(char **out, size_t *len);
bool app_api_luals(char **out, size_t *len);

/* The windowed game, or one offscreen frame written as PNG (--screenshot). */
int app_game_run(const AppOptions *opt, const char *argv0);

/* ==== Settings ($XDG_CONFIG_HOME/greatleap/settings.ini) ==== */

typedef struct AppSettings {
    ScriptLang lang;
    bool fullscreen;
    int speed;              /* 1..3 */
    int ui_scale_percent;   /* 75..200 */
    GameProvincial provincial;  /* who decides the events about a province */
    int volume;             /* the interface's sounds, 0..100 (0: silent) */
    bool guided_start_seen; /* the first game's guided start was shown (or skipped) */
    /* The Mods screen's choices: installed mods left out, the order the
     * player prefers (ids separated by spaces; dependencies still come
     * first), and each mod's settings for new games. */
    char mods_disabled[512];
    char mods_order[512];
    int mod_setting_count;
    GameSettingValue mod_settings[APP_MAX_MOD_SETTINGS];
} AppSettings;

/* Whether `id` is in a list of ids separated by spaces. */
bool app_word_listed(const char *list, const char *id);
/* The player's value of a mod's setting, NULL if none was chosen. */
const char *app_mod_setting(const AppSettings *s, const char *mod, const char *name);
/* Sets it (replacing the one there); false when the table is full. */
bool app_mod_setting_set(AppSettings *s, const char *mod, const char *name, const char *value);

/* "mode", "ask", "history" (settings.ini), and back (-1 if unknown). */
const char *app_provincial_word(GameProvincial p);
int app_provincial_from_word(const char *word);

void app_settings_defaults(AppSettings *s);
/* Reads the settings; a missing file gives the defaults, every bad line
 * (an unknown key, a value out of its range) is skipped with a line of its
 * own in `warn` ("path:line: ..."); the other lines still apply. */
void app_settings_load(AppSettings *s, char *warn, size_t warn_cap);
bool app_settings_save(const AppSettings *s, char *err, size_t err_cap);

/* ==== Saves ($XDG_DATA_HOME/greatleap/saves) ==== */

#define APP_SAVE_SLOTS 5   /* 1..5; slot 0 is the autosave */

/* Why a save could not be read; each has a locale key (app_save_status_key)
 * so the player reads it in their language. */
typedef enum AppSaveStatus {
    APP_SAVE_OK,
    APP_SAVE_MISSING,           /* nothing in the slot */
    APP_SAVE_UNREADABLE,        /* the file system refused */
    APP_SAVE_FOREIGN,           /* not a Great Leap save, or cut short in its header */
    APP_SAVE_DAMAGED,           /* the checksum does not match */
    APP_SAVE_INCOMPATIBLE,      /* intact, but the core refuses it (version, values) */
    APP_SAVE_OLD_MODEL,         /* intact, from an earlier model that cannot be continued */
    APP_SAVE_NEEDS_MOD,         /* intact, but a mod it needs is not loaded */
    APP_SAVE_COUNT
} AppSaveStatus;

const char *app_save_status_key(AppSaveStatus status);

typedef struct AppSaveMeta {
    AppSaveStatus status;
    int format;                 /* the file's format: 1, 2 or 3 */
    bool exists, damaged;
    bool historical;
    int year, month;
    char scenario[CORE_ID_LEN];
    char saved_at[32];
    /* APP_SAVE_NEEDS_MOD: the first mod the save needs that is not loaded. */
    char missing_mod[CORE_ID_LEN];
    char missing_version[CORE_ID_LEN];
} AppSaveMeta;

/* Writes through a temporary file and a rename, so a crash never leaves a
 * broken save where a good one was. */
bool app_save_write(const CoreState *s, int slot, bool historical, const char *scenario, char *err, size_t err_cap);
/* The same with every mod's version and storage (game_save_mods), which a
 * load gives back to game_restore_saved. */
bool app_save_write_mods(const CoreState *s, const ScriptModSave *mods, int mod_count, int slot, bool historical,
                         const char *scenario, char *err, size_t err_cap);
/* The same with the moment: what was done since the month began and the
 * view, as text (format 3; see game_moment). */
bool app_save_write_moment(const CoreState *s, const ScriptModSave *mods, int mod_count, const char *moment,
                           size_t moment_len, int slot, bool historical, const char *scenario, char *err,
                           size_t err_cap);
/* The whole game in a slot, at any moment of a month: the state and every
 * mod's storage as the month began, the player's steps since, and `view`
 * (the app's lines: the map mode, where the map looks...; may be NULL)
 * (app_savegame.c). The window, its autosave and --save-slot all save with
 * this; use it rather than app_save_write, which knows only a state. */
struct Game;
struct GameDesc;
bool app_save_game(struct Game *g, int slot, bool historical, const char *view, char *err, size_t err_cap);
/* Loads a slot into a new game made from `base` (its mods, chooser and
 * callbacks; the scenario comes from the save), putting back each mod's
 * storage, running the migrations the mods gained since and replaying the
 * month's steps: the game is at the moment it was saved. A save that needs
 * a mod that is not loaded is refused, naming the mod and its version
 * (meta->missing_mod, missing_version), unless base->without_missing_mods.
 * `view` (may be NULL) gets the app's lines (malloc'd, or NULL). NULL with
 * a message in err (meta->status says why for the player). */
struct Game *app_load_game(const struct GameDesc *base, int slot, AppSaveMeta *meta, char **view, char *err,
                           size_t err_cap);
/* Reads a save like app_save_read, and the mods' versions and storage into
 * mods[0..*mod_count) (free with script_mod_saves_free). Saves written
 * before mods had storage give *mod_count = 0. */
CoreState *app_save_read_mods(int slot, AppSaveMeta *meta, ScriptModSave *mods, int mods_cap, int *mod_count,
                              char *err, size_t err_cap);
/* The same, and the moment's text (malloc'd, NUL-terminated; NULL when the
 * save has none) into *moment. */
CoreState *app_save_read_moment(int slot, AppSaveMeta *meta, ScriptModSave *mods, int mods_cap, int *mod_count,
                                char **moment, size_t *moment_len, char *err, size_t err_cap);
/* Reads a save; a damaged or incompatible file gives NULL, meta->status
 * and a technical detail in `err`. The file is never changed. */
CoreState *app_save_read(int slot, AppSaveMeta *meta, char *err, size_t err_cap);
/* What a slot holds, without loading it. */
void app_save_meta(int slot, AppSaveMeta *meta);
/* Removes the temporary files that a save or a settings write killed
 * half-way left behind (a kill -9, a crash, a power cut); the saves
 * themselves are never touched. Returns how many were removed. */
int app_saves_clean(void);

#endif
