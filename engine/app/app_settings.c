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
    memset(s, 0, sizeof *s);
    *s = (AppSettings){.lang = SCRIPT_LANG_EN, .speed = 2, .ui_scale_percent = 100,
                       .provincial = GAME_PROVINCIAL_BY_MODE, .volume = 60};
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
        else if (strcmp(key, "mods_disabled") == 0 && (ok = strlen(val) < sizeof s->mods_disabled))
            snprintf(s->mods_disabled, sizeof s->mods_disabled, "%s", val);
        else if (strcmp(key, "mods_order") == 0 && (ok = strlen(val) < sizeof s->mods_order))
            snprintf(s->mods_order, sizeof s->mods_order, "%s", val);
        else if (strncmp(key, "mod_setting.", 12) == 0) {
            /* mod_setting.MOD.NAME = VALUE: checked against the mod when a game starts */
            char mod[CORE_ID_LEN];
            const char *dot = strchr(key + 12, '.');
            ok = dot && dot > key + 12 && (size_t)(dot - key - 12) < sizeof mod && strlen(dot + 1) < CORE_ID_LEN &&
                 strlen(val) < sizeof s->mod_settings[0].value;
            if (ok) {
                snprintf(mod, sizeof mod, "%.*s", (int)(dot - key - 12), key + 12);
                ok = app_mod_setting_set(s, mod, dot + 1, val);
            }
        }
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
    char text[768 + 1100 + APP_MAX_MOD_SETTINGS * 160];
    int n = snprintf(text, sizeof text,
                     "# Great Leap settings (written by the game; edit while it is not running)\n"
                     "language = %s\nfullscreen = %d\nspeed = %d\nui_scale = %d\n"
                     "# who decides the events about a province: mode (history in the historical mode, you in\n"
                     "# the free mode), ask or history\n"
                     "provincial_events = %s\nvolume = %d\nguided_start_seen = %d\n",
                     s->lang == SCRIPT_LANG_ZH ? "zh" : "en", s->fullscreen ? 1 : 0, s->speed, s->ui_scale_percent,
                     app_provincial_word(s->provincial), s->volume, s->guided_start_seen ? 1 : 0);
    n += snprintf(text + n, sizeof text - (size_t)n,
                  "# the Mods screen: installed mods left out, the order preferred, each mod's settings\n"
                  "mods_disabled = %s\nmods_order = %s\n", s->mods_disabled, s->mods_order);
    for (int i = 0; i < s->mod_setting_count && (size_t)n < sizeof text; i++)
        n += snprintf(text + n, sizeof text - (size_t)n, "mod_setting.%s.%s = %s\n", s->mod_settings[i].mod,
                      s->mod_settings[i].name, s->mod_settings[i].value);
    if ((size_t)n >= sizeof text)
        return snprintf(err, cap, "the settings do not fit"), false;
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

bool app_word_listed(const char *list, const char *id)
{
    size_t n = strlen(id);
    for (const char *p = list; n && (p = strstr(p, id)) != NULL; p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
            return true;
    return false;
}

const char *app_mod_setting(const AppSettings *s, const char *mod, const char *name)
{
    for (int i = 0; i < s->mod_setting_count; i++)
        if (strcmp(s->mod_settings[i].mod, mod) == 0 && strcmp(s->mod_settings[i].name, name) == 0)
            return s->mod_settings[i].value;
    return NULL;
}

bool app_mod_setting_set(AppSettings *s, const char *mod, const char *name, const char *value)
{
    int i = 0;
    while (i < s->mod_setting_count &&
           !(strcmp(s->mod_settings[i].mod, mod) == 0 && strcmp(s->mod_settings[i].name, name) == 0))
        i++;
    if (i == APP_MAX_MOD_SETTINGS)
        return false;
    GameSettingValue *v = &s->mod_settings[i];
    snprintf(v->mod, sizeof v->mod, "%s", mod);
    snprintf(v->name, sizeof v->name, "%s", name);
    snprintf(v->value, sizeof v->value, "%s", value);
    if (i == s->mod_setting_count)
        s->mod_setting_count++;
    return true;
}
