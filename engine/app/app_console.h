/* app_console.h — what the modder's console does: script errors shown with
 * their source and traceback, and the commands typed at it (fire an event,
 * explain a trigger, evaluate Lua, what each mod costs, reload). The panel
 * itself is drawn by the interface (engine/ui/ui_console.c). */
#ifndef APP_CONSOLE_H
#define APP_CONSOLE_H

#include "game.h"
#include "script.h"
#include "ui.h"

typedef enum ConsoleResult {
    CONSOLE_DONE,
    CONSOLE_RELOAD,             /* the app reloads the scripts (as F5 does) */
} ConsoleResult;

/* Adds an error to the console: the mod and its version, what was running,
 * file:line and the message, the source lines around it with a marker on
 * the line, and the traceback. `h` finds the file (may be NULL). */
void app_console_error(UiConsole *con, const ScriptHost *h, const ScriptError *e);

/* Runs one command line. `g` may be NULL (the title screen); `texts` is
 * the interface's host (locale), used when there is no game. */
ConsoleResult app_console_run(UiConsole *con, Game *g, ScriptHost *texts, ScriptLang lang, const char *line);

/* A fingerprint of every .lua file under the folders (name, size, time of
 * change), for --dev: when it changes, a script was edited. */
uint64_t app_scripts_fingerprint(const char *const *dirs, int count);

#endif
