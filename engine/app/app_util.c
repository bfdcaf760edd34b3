/* app_util.c — small things the program's files share: a text buffer that
 * grows, finding the data folder, and how script errors and the core's
 * warnings are printed. */
#define _POSIX_C_SOURCE 200809L
#include "app_internal.h"

#include "platform.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void app_text_printf(AppText *t, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        size_t room = t->cap - t->len;
        int n = t->buf ? vsnprintf(t->buf + t->len, room, fmt, ap) : -1;
        va_end(ap);
        if (n >= 0 && (size_t)n < room) {
            t->len += (size_t)n;
            return;
        }
        size_t cap = t->cap ? t->cap * 2 : 1 << 16;
        while (n >= 0 && cap < t->len + (size_t)n + 1)
            cap *= 2;
        char *nb = realloc(t->buf, cap);
        if (!nb) {
            t->failed = true;
            return;
        }
        t->buf = nb;
        t->cap = cap;
    }
}

void app_text_free(AppText *t)
{
    free(t->buf);
    *t = (AppText){0};
}

bool app_data_dir_check(const char *dir, char *err, size_t cap)
{
    char scripts[PLAT_PATH_MAX], assets[PLAT_PATH_MAX];
    if (!plat_is_dir(dir))
        return snprintf(err, cap, "--data %s: no such folder", dir), false;
    if (!plat_path_join(scripts, sizeof scripts, dir, "scripts") || !plat_path_join(assets, sizeof assets, dir, "assets/data") ||
        !plat_is_dir(scripts) || !plat_is_dir(assets))
        return snprintf(err, cap, "--data %s: not the game's data folder (it has no scripts/ and assets/data/)", dir),
               false;
    return true;
}

bool app_find_data(const AppOptions *o, const char *argv0, char *data, size_t cap)
{
    if (o->data_dir) {
        char err[PLAT_PATH_MAX + 128];
        if (!app_data_dir_check(o->data_dir, err, sizeof err)) {
            fprintf(stderr, "greatleap: %s\n", err);
            return false;
        }
        snprintf(data, cap, "%s", o->data_dir);
        return true;
    }
    if (!plat_find_data_dir(data, cap, argv0)) {
        fprintf(stderr, "greatleap: %s\n", plat_error());
        return false;
    }
    return true;
}

void app_log_script_error(const ScriptError *e, void *user)
{
    (void)user;
    fprintf(stderr, "greatleap: script error in mod %s (%s): %s:%d: %s\n", e->mod[0] ? e->mod : "?", e->context,
            e->file, e->line, e->message);
}

bool app_core_log_print(CoreLogLevel level, const char *message)
{
    /* The reckoning's and "what mattered"'s campaigns replay the game, and
     * would say each of its warnings again, hundreds of times. */
    static uint64_t seen[256];
    static int next;
    uint64_t h = plat_fnv1a(PLAT_FNV1A_BASIS, message, strlen(message)) | 1; /* 0 marks an empty slot */
    for (int i = 0; i < 256; i++)
        if (seen[i] == h)
            return false;
    seen[next] = h;
    next = (next + 1) % 256;
    fprintf(stderr, "greatleap: %s: %s\n", level >= CORE_LOG_ERROR ? "error" : level == CORE_LOG_WARN ? "warning" : "note",
            message);
    return true;
}

void app_log_core(CoreLogLevel level, const char *message, void *user)
{
    (void)user;
    app_core_log_print(level, message);
}

void app_log_script_print(const char *mod, const char *msg, void *user)
{
    if (!*(const bool *)user)
        fprintf(stderr, "[%s] %s\n", mod, msg);
}
