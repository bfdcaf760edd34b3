/* app_console.c — the console's commands and how it shows a script error.
 * See app_console.h. */
#define _POSIX_C_SOURCE 200809L
#include "app_console.h"

#include "platform.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Lines of source shown on each side of the line an error is on. */
#define CONTEXT_LINES 2

static void say(UiConsole *con, const char *text) { ui_console_print(con, UI_CONSOLE_INFO, text); }

/* The source lines around `line` of a file, the line itself marked ">>". */
static void show_source(UiConsole *con, const ScriptHost *h, const char *display, int line)
{
    size_t len;
    char *text = script_file_read(h, display, 8u << 20, &len);
    if (!text)
        return;
    int n = 1;
    for (char *p = text; *p && n <= line + CONTEXT_LINES; n++) {
        char *end = strchr(p, '\n');
        size_t l = end ? (size_t)(end - p) : strlen(p);
        if (n >= line - CONTEXT_LINES) {
            char row[UI_CONSOLE_WIDTH];
            snprintf(row, sizeof row, "%s%5d | %.*s", n == line ? ">>" : "  ", n, (int)(l > 200 ? 200 : l), p);
            for (char *t = row; *t; t++)
                if (*t == '\t' || *t == '\r')
                    *t = ' ';
            ui_console_print(con, n == line ? UI_CONSOLE_MARK : UI_CONSOLE_SOURCE, row);
        }
        if (!end)
            break;
        p = end + 1;
    }
    free(text);
}

void app_console_error(UiConsole *con, const ScriptHost *h, const ScriptError *e)
{
    char line[1024]; /* wrapped by ui_console_print */
    snprintf(line, sizeof line, "error in mod %s %s \xE2\x80\x94 %s%s", e->mod, e->mod_version, e->context,
             e->out_of_memory ? " (out of memory)"
             : e->out_of_instructions ? " (instruction limit)"
             : e->out_of_time ? " (time limit)" : "");
    ui_console_print(con, UI_CONSOLE_ERROR, line);
    if (e->line > 0)
        snprintf(line, sizeof line, "%s:%d: %s", e->file, e->line, e->message);
    else
        snprintf(line, sizeof line, "%s: %s", e->file[0] ? e->file : "?", e->message);
    ui_console_print(con, UI_CONSOLE_ERROR, line);
    if (h && e->line > 0)
        show_source(con, h, e->file, e->line);
    if (e->traceback[0])
        ui_console_print(con, UI_CONSOLE_TRACE, e->traceback);
}

/* ==== Commands ==== */

static ScriptHost *host_of(Game *g, ScriptHost *texts) { return g ? game_host(g) : texts; }

static void list_errors(UiConsole *con, Game *g, ScriptHost *texts)
{
    ScriptHost *h = host_of(g, texts);
    int n = script_error_count(h);
    if (n == 0) {
        say(con, "no script errors");
        return;
    }
    for (int i = 0; i < n; i++)
        app_console_error(con, h, script_error_at(h, i));
}

/* Which mod costs what: for "which mod makes the game slow". */
static void list_costs(UiConsole *con, Game *g, ScriptHost *texts)
{
    ScriptHost *h = host_of(g, texts);
    say(con, "mod\tcalls\tinstructions\tms\tmemory KiB");
    for (int i = 0; i < script_mod_count(h); i++) {
        char row[UI_CONSOLE_WIDTH];
        snprintf(row, sizeof row, "%s\t%llu\t%llu\t%.1f\t%zu%s", script_mod_id(h, i),
                 (unsigned long long)script_mod_calls(h, i), (unsigned long long)script_mod_instructions(h, i),
                 script_mod_time_ms(h, i), script_mod_memory(h, i) / 1024,
                 script_mod_is_disabled(h, i) ? "  (disabled)" : "");
        say(con, row);
    }
}

static void list_mods(UiConsole *con, Game *g, ScriptHost *texts)
{
    ScriptHost *h = host_of(g, texts);
    for (int i = 0; i < script_mod_count(h); i++) {
        const ScriptManifest *m = script_mod_manifest(h, i);
        char row[UI_CONSOLE_WIDTH * 2];
        snprintf(row, sizeof row, "%s %s  %s%s", script_mod_id(h, i), m ? m->version : "", script_mod_dir(h, i),
                 script_mod_is_disabled(h, i) ? "  (disabled)" : "");
        say(con, row);
    }
}

/* Lua typed at the console runs in the base game's sandbox; "= expr"
 * prints the value of an expression. */
static void evaluate(UiConsole *con, Game *g, ScriptHost *texts, const char *code)
{
    char chunk[600], out[UI_CONSOLE_WIDTH];
    snprintf(chunk, sizeof chunk, "%s%s", code[0] == '=' ? "return " : "", code[0] == '=' ? code + 1 : code);
    if (script_eval_on(host_of(g, texts), 0, g ? game_state(g) : NULL, "console", chunk, out, sizeof out))
        say(con, out[0] ? out : "nil");
    /* an error has reached the console through the error handler */
}

/* Splits "cmd a b" into at most three words (in place). */
static int words(char *line, char *w[3])
{
    int n = 0;
    for (char *p = strtok(line, " \t"); p && n < 3; p = strtok(NULL, " \t"))
        w[n++] = p;
    return n;
}

ConsoleResult app_console_run(UiConsole *con, Game *g, ScriptHost *texts, ScriptLang lang, const char *line)
{
    char buf[256], *w[3] = {NULL, NULL, NULL};
    snprintf(buf, sizeof buf, "%s", line);
    int n = words(buf, w);
    if (n == 0)
        return CONSOLE_DONE;
    char out[4096];
    if (strcmp(w[0], "help") == 0)
        say(con, script_text(texts, lang, "ui.console.help"));
    else if (strcmp(w[0], "clear") == 0)
        con->count = 0;
    else if (strcmp(w[0], "errors") == 0)
        list_errors(con, g, texts);
    else if (strcmp(w[0], "perf") == 0)
        list_costs(con, g, texts);
    else if (strcmp(w[0], "mods") == 0)
        list_mods(con, g, texts);
    else if (strcmp(w[0], "reload") == 0)
        return CONSOLE_RELOAD;
    else if ((strcmp(w[0], "fire") == 0 || strcmp(w[0], "explain") == 0) && !g)
        say(con, script_text(texts, lang, "ui.console.no_game"));
    else if (strcmp(w[0], "fire") == 0 && n >= 2) {
        if (game_fire_event(g, w[1], n > 2 ? w[2] : NULL, out, sizeof out)) {
            snprintf(out, sizeof out, "%s: %s%s%s", script_text(texts, lang, "ui.console.fired"), w[1],
                     n > 2 ? " / " : "", n > 2 ? w[2] : "");
            say(con, out);
        } else
            ui_console_print(con, UI_CONSOLE_ERROR, out);
    } else if (strcmp(w[0], "explain") == 0 && n >= 2) {
        bool ok = game_explain_event(g, w[1], n > 2 ? w[2] : NULL, out, sizeof out);
        ui_console_print(con, ok ? UI_CONSOLE_INFO : UI_CONSOLE_ERROR, out);
    } else if (strcmp(w[0], "lua") == 0)
        evaluate(con, g, texts, line + strspn(line, " \t") + 3);
    else if (line[strspn(line, " \t")] == '=')
        evaluate(con, g, texts, line + strspn(line, " \t"));
    else
        ui_console_print(con, UI_CONSOLE_ERROR, script_text(texts, lang, "ui.console.unknown"));
    return CONSOLE_DONE;
}

/* ==== --dev: noticing edits ==== */

static uint64_t fnv(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++)
        h = (h ^ p[i]) * 0x100000001b3ull;
    return h;
}

static uint64_t walk(uint64_t h, const char *dir, int depth)
{
    DIR *d = depth < 8 ? opendir(dir) : NULL;
    if (!d)
        return h;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[PLAT_PATH_MAX];
        struct stat st;
        if (!plat_path_join(path, sizeof path, dir, e->d_name) || stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            h = walk(h, path, depth + 1);
        } else if (strlen(e->d_name) > 4 && strcmp(e->d_name + strlen(e->d_name) - 4, ".lua") == 0) {
            /* The order readdir gives is stable for an unchanged folder, and
             * a change in it (a file added) is a change worth noticing. */
            int64_t stamp[3] = {(int64_t)st.st_size, (int64_t)st.st_mtim.tv_sec, (int64_t)st.st_mtim.tv_nsec};
            h = fnv(fnv(h, path, strlen(path)), stamp, sizeof stamp);
        }
    }
    closedir(d);
    return h;
}

uint64_t app_scripts_fingerprint(const char *const *dirs, int count)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (int i = 0; i < count; i++)
        h = walk(h, dirs[i], 0);
    return h;
}
