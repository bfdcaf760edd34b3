/* app.h — the program: command-line options and the modes they select. */
#ifndef APP_H
#define APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define APP_MAX_MODS 16

typedef enum AppMode { APP_MODE_GAME, APP_MODE_HEADLESS, APP_MODE_TESTS, APP_MODE_HELP, APP_MODE_VERSION } AppMode;

typedef struct AppOptions {
    AppMode mode;
    int until_year, until_month;     /* last month to simulate */
    const char *choices;             /* "historical", "defaults" or a file */
    uint64_t seed;
    const char *out_dir;
    const char *tests_path;          /* --run-tests */
    const char *scenario;
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

#endif
