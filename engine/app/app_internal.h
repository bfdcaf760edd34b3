/* app_internal.h — helpers the program's own files share (app_util.c).
 * Not for other modules. */
#ifndef APP_INTERNAL_H
#define APP_INTERNAL_H

#include "app.h"

#include <stdbool.h>
#include <stddef.h>

/* Text that grows as it is written; `failed` once memory ran out. */
typedef struct AppText {
    char *buf;
    size_t len, cap;
    bool failed;
} AppText;

void app_text_printf(AppText *t, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void app_text_free(AppText *t);

/* The folder holding scripts/ and assets/: --data, or found from argv0.
 * False after printing why to stderr. */
bool app_find_data(const AppOptions *o, const char *argv0, char *out, size_t cap);

/* Script errors and print() as the command-line tools show them on stderr;
 * `user` of app_log_script_print points at a bool "quiet". */
void app_log_script_error(const ScriptError *e, void *user);
void app_log_script_print(const char *mod, const char *message, void *user);
/* The core's warnings (a full table, a command not valid) on stderr: every
 * mode installs it (main.c); the window adds its console (app_game.c). */
void app_log_core(CoreLogLevel level, const char *message, void *user);
/* Prints a warning of the core's on stderr unless the same was said lately
 * (among the last 256: re-runs of a game repeat its warnings word for
 * word); true if it printed it. */
bool app_core_log_print(CoreLogLevel level, const char *message);

#endif
