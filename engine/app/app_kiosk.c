/* app_kiosk.c — the kiosk configuration and its small computations
 * (app_kiosk.h). */
#define _POSIX_C_SOURCE 200809L
#include "app_kiosk.h"
#include "app_ini.h"

#include "platform.h"

#include <SDL.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void kiosk_config_defaults(KioskConfig *k)
{
    *k = (KioskConfig){.idle_seconds = 90,
                       .session_idle_seconds = 120,
                       .event_timeout_seconds = 30,
                       .month_ms = 2500,
                       .attract_month_ms = 1200,
                       .exit_chord = "ctrl+alt+shift+q",
                       .exit_pin = "2468",
                       .language = SCRIPT_LANG_ZH};
    /* The decisions that mattered most (issue 6): the communes, the
     * furnaces, Lushan, the exports, the offers of grain from abroad. */
    static const char *const keys[] = {"communes_are_good", "beidaihe_steel", "lushan", "grain_exports",
                                       "foreign_aid", "japan_wheat"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        snprintf(k->key_events[k->key_event_count++], sizeof k->key_events[0], "%s", keys[i]);
}

static bool int_in(const char *v, int lo, int hi, int *out)
{
    char *end;
    long n = strtol(v, &end, 10);
    if (*end || end == v || n < lo || n > hi)
        return false;
    *out = (int)n;
    return true;
}

bool kiosk_config_load(const char *path, KioskConfig *k, char *warn, size_t cap)
{
    if (cap)
        warn[0] = '\0';
    if (!path || !plat_is_file(path))
        return true;
    char *text = plat_read_file(path, 64 * 1024, NULL);
    if (!text) {
        snprintf(warn, cap, "%s", plat_error());
        return false;
    }
    int line = 0;
    bool events_set = false;
    char *cursor = text, *key, *val;
    while (app_ini_next(&cursor, &line, &key, &val)) {
        if (!key) {
            snprintf(warn, cap, "%s:%d: expected key = value", path, line);
            continue;
        }
        bool ok = true;
        if (strcmp(key, "idle_seconds") == 0)
            ok = int_in(val, 10, 3600, &k->idle_seconds);
        else if (strcmp(key, "session_idle_seconds") == 0)
            ok = int_in(val, 10, 3600, &k->session_idle_seconds);
        else if (strcmp(key, "event_timeout_seconds") == 0)
            ok = int_in(val, 3, 600, &k->event_timeout_seconds);
        else if (strcmp(key, "month_ms") == 0)
            ok = int_in(val, 50, 60000, &k->month_ms);
        else if (strcmp(key, "attract_month_ms") == 0)
            ok = int_in(val, 50, 60000, &k->attract_month_ms);
        else if (strcmp(key, "exit_chord") == 0)
            ok = strlen(val) < sizeof k->exit_chord && strchr(val, '+') &&
                 snprintf(k->exit_chord, sizeof k->exit_chord, "%s", val) > 0;
        else if (strcmp(key, "exit_pin") == 0)
            ok = strlen(val) < sizeof k->exit_pin && strspn(val, "0123456789") == strlen(val) &&
                 snprintf(k->exit_pin, sizeof k->exit_pin, "%s", val) >= 0;
        else if (strcmp(key, "screen_diagonal_inches") == 0) {
            char *end;
            double d = strtod(val, &end);
            ok = !*end && end != val && d >= 5 && d <= 200;
            if (ok)
                k->screen_diagonal_inches = d;
        } else if (strcmp(key, "sound") == 0) {
            if (strcmp(val, "on") == 0 || strcmp(val, "off") == 0)
                k->sound = strcmp(val, "on") == 0;
            else
                snprintf(warn, cap, "%s:%d: sound must be on or off", path, line);
        } else if (strcmp(key, "language") == 0) {
            ok = strcmp(val, "en") == 0 || strcmp(val, "zh") == 0;
            if (ok)
                k->language = strcmp(val, "zh") == 0 ? SCRIPT_LANG_ZH : SCRIPT_LANG_EN;
        } else if (strcmp(key, "key_events") == 0) {
            /* A comma-separated list of event ids replaces the default. */
            if (!events_set)
                k->key_event_count = 0;
            events_set = true;
            for (char *s2 = NULL, *id = strtok_r(val, ", ", &s2); id && k->key_event_count < 8;
                 id = strtok_r(NULL, ", ", &s2))
                snprintf(k->key_events[k->key_event_count++], sizeof k->key_events[0], "%s", id);
        } else {
            ok = false;
        }
        if (!ok)
            snprintf(warn, cap, "%s:%d: ignored '%s = %s'", path, line, key, val);
    }
    free(text);
    return true;
}

bool kiosk_parse_key(const char *spec, int *key, int *mod)
{
    *key = SDLK_UNKNOWN;
    *mod = 0;
    char copy[64];
    snprintf(copy, sizeof copy, "%s", spec);
    for (char *save = NULL, *part = strtok_r(copy, "+", &save); part; part = strtok_r(NULL, "+", &save)) {
        if (strcmp(part, "ctrl") == 0)
            *mod |= KMOD_LCTRL;
        else if (strcmp(part, "alt") == 0)
            *mod |= KMOD_LALT;
        else if (strcmp(part, "shift") == 0)
            *mod |= KMOD_LSHIFT;
        else
            *key = SDL_GetKeyFromName(part);
    }
    return *key != SDLK_UNKNOWN;
}

bool kiosk_chord_matches(const char *chord, int mod, int key)
{
    int want_key, want_mod;
    if (!kiosk_parse_key(chord, &want_key, &want_mod) || key != want_key)
        return false;
    /* Left or right modifier keys alike; nothing more, nothing less. */
    return !!(want_mod & KMOD_CTRL) == !!(mod & KMOD_CTRL) && !!(want_mod & KMOD_ALT) == !!(mod & KMOD_ALT) &&
           !!(want_mod & KMOD_SHIFT) == !!(mod & KMOD_SHIFT);
}

int kiosk_ui_scale(double diagonal_inches, int w, int h, double base_scale, double min_target_px, bool *capped)
{
    *capped = false;
    if (diagonal_inches <= 0 || w <= 0 || h <= 0 || base_scale <= 0)
        return 100;
    double diagonal_mm = diagonal_inches * 25.4;
    double px_per_mm = sqrt((double)w * w + (double)h * h) / diagonal_mm;
    double need = 9.0 * px_per_mm / (min_target_px * base_scale);
    /* The layouts need 1024 x 600 logical pixels. */
    double most = fmin((double)w / (1024.0 * base_scale), (double)h / (600.0 * base_scale));
    if (need > most) {
        *capped = true;
        need = most;
    }
    int percent = (int)ceil(fmax(1.0, need) * 100.0);
    return percent;
}
