/* app.h — the program: command-line options and the modes they select. */
#ifndef APP_H
#define APP_H

#include "core.h"
#include "script.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define APP_MAX_MODS 16

typedef enum AppMode {
    APP_MODE_GAME,
    APP_MODE_HEADLESS,
    APP_MODE_TESTS,
    APP_MODE_SCREENSHOT,
    APP_MODE_BENCH,
    APP_MODE_HELP,
    APP_MODE_VERSION
} AppMode;

typedef struct AppOptions {
    AppMode mode;
    int until_year, until_month;     /* last month to simulate */
    const char *choices;             /* "historical", "defaults" or a file */
    uint64_t seed;
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
    const char *kiosk_input;         /* --kiosk-input FILE: synthetic touches and keys (tests) */
    int soak_sessions;               /* --soak N: the kiosk offscreen for N visitor sessions */
    double start_ms;                 /* plat_now_ms() when main began */
    const char *data_dir;            /* NULL: found automatically */
    const char *mods[APP_MAX_MODS];
    int mod_count;
    bool quiet;
} AppOptions;

/* Parses argv. On a bad argument writes a one-line message to `err` and
 * returns false (the caller exits with status 2). */
bool app_cli_parse(int argc, char **argv, AppOptions *out, char *err, size_t err_cap);
void app_cli_print_help(void);
void app_cli_print_version(void);

/* Runs the simulation without a window and writes the CSV files.
 * Returns the process exit status. */
int app_headless_run(const AppOptions *opt, const char *argv0);

/* Runs Lua test files headless (--run-tests); returns the exit status. */
int app_tests_run(const AppOptions *opt, const char *argv0);

/* The windowed game, or one offscreen frame written as PNG (--screenshot). */
int app_game_run(const AppOptions *opt, const char *argv0);

/* ==== Settings ($XDG_CONFIG_HOME/greatleap/settings.ini) ==== */

typedef struct AppSettings {
    ScriptLang lang;
    bool fullscreen;
    int speed;              /* 1..3 */
    int ui_scale_percent;   /* 75..150 */
} AppSettings;

void app_settings_defaults(AppSettings *s);
/* Reads the settings; a missing file gives the defaults, a bad line is
 * skipped with a warning in `warn` (the rest still applies). */
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
} AppSaveStatus;

const char *app_save_status_key(AppSaveStatus status);

typedef struct AppSaveMeta {
    AppSaveStatus status;
    bool exists, damaged;
    bool historical;
    int year, month;
    char scenario[CORE_ID_LEN];
    char saved_at[32];
} AppSaveMeta;

/* Writes through a temporary file and a rename, so a crash never leaves a
 * broken save where a good one was. */
bool app_save_write(const CoreState *s, int slot, bool historical, const char *scenario, char *err, size_t err_cap);
/* Reads a save; a damaged or incompatible file gives NULL, meta->status
 * and a technical detail in `err`. The file is never changed. */
CoreState *app_save_read(int slot, AppSaveMeta *meta, char *err, size_t err_cap);
/* What a slot holds, without loading it. */
void app_save_meta(int slot, AppSaveMeta *meta);

#endif
