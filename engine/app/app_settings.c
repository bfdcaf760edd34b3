/* app_settings.c — the player's settings: language, fullscreen, speed, UI
 * scale, who decides the events about a province, the sounds' volume and
 * whether the guided start was seen, in $XDG_CONFIG_HOME/greatleap/
 * settings.ini ("key = value" lines).
 * Anything unreadable falls back to the default; nothing is ever fatal. */
#define _POSIX_C_SOURCE 200809L
#include "app.h"
#include "app_ini.h"

#include "platform.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void app_settings_defaults(AppSettings *s)
{
    *s = (AppSettings){SCRIPT_LANG_EN, false, 2, 100, GAME_PROVINCIAL_BY_MODE, 60, false};
}

static bool settings_path(char *out, size_t cap)
{
    char dir[PLAT_PATH_MAX];
    return plat_user_dir(dir, sizeof dir, "XDG_CONFIG_HOME", ".config") &&
           plat_path_join(out, cap, dir, "settings.ini");
}

/* A whole number from lo to hi, all of `v` (no overflow: 4294967396 is not 100). */
static bool int_in(const char *v, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || end == v || *end || n < lo || n > hi)
        return false;
    *out = (int)n;
    return true;
}

/* Appends one "path:line: ..." line to `warn`. */
static void warn_line(char *warn, size_t cap, const char *path, int line, const char *key, const char *val)
{
    size_t used = strlen(warn);
    if (used + 1 >= cap)
        return;
    if (key)
        snprintf(warn + used, cap - used, "%s%s:%d: ignored '%s = %s'", used ? "\n" : "", path, line, key, val);
    else
        snprintf(warn + used, cap - used, "%s%s:%d: expected key = value", used ? "\n" : "", path, line);
}

void app_settings_load(AppSettings *s, char *warn, size_t cap)
{
    app_settings_defaults(s);
    if (cap)
        warn[0] = '\0';
    char path[PLAT_PATH_MAX];
    if (!settings_path(path, sizeof path) || !plat_is_file(path))
        return;
    char *text = plat_read_file(path, 64 * 1024, NULL);
    if (!text) {
        snprintf(warn, cap, "%s", plat_error());
        return;
    }
    int line = 0;
    char *cursor = text, *key, *val;
    while (app_ini_next(&cursor, &line, &key, &val)) {
        int n;
        bool ok = key != NULL;
        if (!ok)
            ;
        else if (strcmp(key, "language") == 0 && (ok = strcmp(val, "en") == 0 || strcmp(val, "zh") == 0))
            s->lang = strcmp(val, "zh") == 0 ? SCRIPT_LANG_ZH : SCRIPT_LANG_EN;
        else if (strcmp(key, "fullscreen") == 0 && (ok = int_in(val, 0, 1, &n)))
            s->fullscreen = n == 1;
        else if (strcmp(key, "speed") == 0 && (ok = int_in(val, 1, 3, &n)))
            s->speed = n;
        else if (strcmp(key, "ui_scale") == 0 && (ok = int_in(val, 50, 200, &n)))
            s->ui_scale_percent = n;
        else if (strcmp(key, "provincial_events") == 0 && (ok = app_provincial_from_word(val) >= 0))
            s->provincial = app_provincial_from_word(val);
        else if (strcmp(key, "volume") == 0 && (ok = int_in(val, 0, 100, &n)))
            s->volume = n;
        else if (strcmp(key, "guided_start_seen") == 0 && (ok = int_in(val, 0, 1, &n)))
            s->guided_start_seen = n == 1;
        else
            ok = false;
        if (!ok) /* every bad line is reported; the other lines still apply */
            warn_line(warn, cap, path, line, key, val);
    }
    free(text);
}

bool app_settings_save(const AppSettings *s, char *err, size_t cap)
{
    char path[PLAT_PATH_MAX], dir[PLAT_PATH_MAX];
    if (!plat_user_dir(dir, sizeof dir, "XDG_CONFIG_HOME", ".config") || !plat_mkdir_p(dir) ||
        !settings_path(path, sizeof path)) {
        snprintf(err, cap, "%s", plat_error());
        return false;
    }
    char text[768];
    int n = snprintf(text, sizeof text,
                     "# Great Leap settings (written by the game; edit while it is not running)\n"
                     "language = %s\nfullscreen = %d\nspeed = %d\nui_scale = %d\n"
                     "# who decides the events about a province: mode (history in the historical mode, you in\n"
                     "# the free mode), ask or history\n"
                     "provincial_events = %s\nvolume = %d\nguided_start_seen = %d\n",
                     s->lang == SCRIPT_LANG_ZH ? "zh" : "en", s->fullscreen ? 1 : 0, s->speed, s->ui_scale_percent,
                     app_provincial_word(s->provincial), s->volume, s->guided_start_seen ? 1 : 0);
    if (!plat_write_file_atomic(path, text, (size_t)n)) {
        snprintf(err, cap, "%s", plat_error());
        return false;
    }
    return true;
}

static const char *const provincial_words[GAME_PROVINCIAL_COUNT] = {"mode", "ask", "history"};

const char *app_provincial_word(GameProvincial p)
{
    return (unsigned)p < GAME_PROVINCIAL_COUNT ? provincial_words[p] : "mode";
}

int app_provincial_from_word(const char *word)
{
    for (int i = 0; i < GAME_PROVINCIAL_COUNT; i++)
        if (strcmp(word, provincial_words[i]) == 0)
            return i;
    return -1;
}
