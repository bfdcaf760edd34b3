/* app_kiosk.c — the kiosk configuration and its small computations
 * (app_kiosk.h). */
#define _POSIX_C_SOURCE 200809L
#include "app_kiosk.h"
#include "app_ini.h"

#include "platform.h"

#include <SDL.h>
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
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
                       .language = SCRIPT_LANG_ZH,
                       .reveal_seconds = 20};
    /* The decisions that mattered most, one from each group of the model's
     * own decomposition (docs/model.md, "What mattered"): the communes and
     * their mess halls, the furnaces, procurement on the inflated claims of
     * 1958, grain abroad (asked in January 1959, once the claims are in:
     * 1958's exports were fixed before the Leap), Lushan and the granaries.
     * The weather, the sixth group, is nobody's decision. */
    static const struct {
        const char *id;
        int from;
    } keys[] = {{"communes_are_good", 0}, {"beidaihe_steel", 0}, {"harvest_claims", 0},
                {"grain_exports", 195901}, {"lushan", 0},        {"granaries", 0}};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        snprintf(k->key_events[k->key_event_count], sizeof k->key_events[0], "%s", keys[i].id);
        k->key_event_from[k->key_event_count++] = keys[i].from;
    }
}

static bool int_in(const char *v, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || *end || end == v || n < lo || n > hi)
        return false;
    *out = (int)n;
    return true;
}

/* Appends "path:line: what" as a line of `err`. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static void bad_line(char *err, size_t cap, const char *path, int line, const char *fmt, ...)
{
    size_t used = strlen(err);
    if (used + 1 >= cap)
        return;
    int n = snprintf(err + used, cap - used, "%s%s:%d: ", used ? "\n" : "", path, line);
    if (n < 0 || (size_t)n >= cap - used)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err + used + (size_t)n, cap - used - (size_t)n, fmt, ap);
    va_end(ap);
}

/* "lushan" or "grain_exports@1959-01" (asked from that month, within the
 * game: 1958-01 to 1962-12). */
static bool parse_key_event(const char *spec, char *id, size_t cap, int *from)
{
    const char *at = strchr(spec, '@');
    size_t n = at ? (size_t)(at - spec) : strlen(spec);
    *from = 0;
    if (n == 0 || n >= cap)
        return false;
    snprintf(id, cap, "%.*s", (int)n, spec);
    if (!at)
        return true;
    int y, m;
    char extra;
    if (strlen(at + 1) != 7 || at[5] != '-' || sscanf(at + 1, "%4d-%2d%c", &y, &m, &extra) != 2 || y < 1958 ||
        y > 1962 || m < 1 || m > 12)
        return false;
    *from = y * 100 + m;
    return true;
}

static bool valid_event_id(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n >= sizeof ((KioskConfig *)0)->key_events[0])
        return false;
    for (size_t i = 0; i < n; i++)
        if (!(islower((unsigned char)id[i]) || isdigit((unsigned char)id[i]) || id[i] == '_'))
            return false;
    return true;
}

/* One "key = value" line; false (with why) if it is not a valid setting. */
static bool apply(KioskConfig *k, char *key, char *val, bool *events_set, char *why, size_t cap)
{
    static const struct {
        const char *key;
        int lo, hi;
        size_t offset;
    } ints[] = {{"idle_seconds", 10, 3600, offsetof(KioskConfig, idle_seconds)},
                {"session_idle_seconds", 10, 3600, offsetof(KioskConfig, session_idle_seconds)},
                {"event_timeout_seconds", 3, 600, offsetof(KioskConfig, event_timeout_seconds)},
                {"month_ms", 50, 60000, offsetof(KioskConfig, month_ms)},
                {"attract_month_ms", 50, 60000, offsetof(KioskConfig, attract_month_ms)},
                {"reveal_seconds", 3, 600, offsetof(KioskConfig, reveal_seconds)}};
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        if (strcmp(key, ints[i].key) == 0) {
            if (int_in(val, ints[i].lo, ints[i].hi, (int *)((char *)k + ints[i].offset)))
                return true;
            return snprintf(why, cap, "%s must be a whole number from %d to %d, not '%s'", key, ints[i].lo,
                            ints[i].hi, val), false;
        }
    if (strcmp(key, "exit_chord") == 0) {
        int sdl_key, mod;
        if (strlen(val) < sizeof k->exit_chord && kiosk_parse_key(val, &sdl_key, &mod) && mod != 0)
            return snprintf(k->exit_chord, sizeof k->exit_chord, "%s", val), true;
        return snprintf(why, cap, "exit_chord must be ctrl, alt or shift and one key that exists, joined by + "
                                  "(like ctrl+alt+shift+q), not '%s'", val), false;
    }
    if (strcmp(key, "exit_pin") == 0) {
        if (strlen(val) < sizeof k->exit_pin && strspn(val, "0123456789") == strlen(val))
            return snprintf(k->exit_pin, sizeof k->exit_pin, "%s", val), true;
        return snprintf(why, cap, "exit_pin must be up to %zu digits", sizeof k->exit_pin - 1), false;
    }
    if (strcmp(key, "screen_diagonal_inches") == 0) {
        char *end;
        double d = strtod(val, &end);
        if (!*end && end != val && d >= 5 && d <= 200)
            return k->screen_diagonal_inches = d, true;
        return snprintf(why, cap, "screen_diagonal_inches must be a number from 5 to 200, not '%s'", val), false;
    }
    if (strcmp(key, "language") == 0) {
        if (strcmp(val, "en") == 0 || strcmp(val, "zh") == 0)
            return k->language = strcmp(val, "zh") == 0 ? SCRIPT_LANG_ZH : SCRIPT_LANG_EN, true;
        return snprintf(why, cap, "language must be en or zh, not '%s'", val), false;
    }
    static const struct {
        const char *key;
        size_t offset;
    } flags[] = {{"sound", offsetof(KioskConfig, sound)},
                 {"large_text", offsetof(KioskConfig, large_text)},
                 {"high_contrast", offsetof(KioskConfig, high_contrast)}};
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (strcmp(key, flags[i].key) == 0) {
            if (strcmp(val, "on") == 0 || strcmp(val, "off") == 0)
                return *(bool *)((char *)k + flags[i].offset) = strcmp(val, "on") == 0, true;
            return snprintf(why, cap, "%s must be on or off, not '%s'", key, val), false;
        }
    if (strcmp(key, "key_events") == 0) {
        /* A comma-separated list of event ids replaces the default. */
        KioskConfig list = *k;
        list.key_event_count = *events_set ? k->key_event_count : 0;
        int cap_events = (int)(sizeof k->key_events / sizeof k->key_events[0]);
        for (char *s2 = NULL, *spec = strtok_r(val, ", ", &s2); spec; spec = strtok_r(NULL, ", ", &s2)) {
            char id[sizeof k->key_events[0]];
            int from;
            if (!parse_key_event(spec, id, sizeof id, &from) || !valid_event_id(id))
                return snprintf(why, cap, "key_events: '%s' is not an event id (a-z, 0-9 and _), with at most a "
                                          "month it is asked from (like grain_exports@1959-01, 1958-01 to 1962-12)",
                                spec), false;
            for (int i = 0; i < list.key_event_count; i++)
                if (strcmp(list.key_events[i], id) == 0)
                    return snprintf(why, cap, "key_events: '%s' is listed twice", id), false;
            if (list.key_event_count >= cap_events)
                return snprintf(why, cap, "key_events: at most %d events", cap_events), false;
            snprintf(list.key_events[list.key_event_count], sizeof list.key_events[0], "%s", id);
            list.key_event_from[list.key_event_count++] = from;
        }
        if (list.key_event_count == 0)
            return snprintf(why, cap, "key_events: at least one event"), false;
        *k = list;
        *events_set = true;
        return true;
    }
    return snprintf(why, cap, "unknown key '%s' (the keys are in docs/kiosk.md)", key), false;
}

bool kiosk_config_load(const char *path, bool named, KioskConfig *k, char *err, size_t cap)
{
    if (cap)
        err[0] = '\0';
    if (!path || (!named && !plat_exists(path)))
        return true; /* no file of its own: the defaults */
    char *text = plat_read_file(path, 64 * 1024, NULL);
    if (!text) {
        snprintf(err, cap, "%s", plat_error());
        return false;
    }
    int line = 0, bad = 0;
    bool events_set = false;
    char *cursor = text, *key, *val;
    while (app_ini_next(&cursor, &line, &key, &val)) {
        char why[256];
        if (!key) {
            bad_line(err, cap, path, line, "expected key = value");
            bad++;
        } else if (!apply(k, key, val, &events_set, why, sizeof why)) {
            bad_line(err, cap, path, line, "%s", why);
            bad++;
        }
    }
    free(text);
    return bad == 0;
}

bool kiosk_parse_key(const char *spec, int *key, int *mod)
{
    *key = SDLK_UNKNOWN;
    *mod = 0;
    char copy[64];
    if (snprintf(copy, sizeof copy, "%s", spec) >= (int)sizeof copy)
        return false;
    int keys = 0;
    for (char *save = NULL, *part = strtok_r(copy, "+", &save); part; part = strtok_r(NULL, "+", &save)) {
        if (strcmp(part, "ctrl") == 0)
            *mod |= KMOD_LCTRL;
        else if (strcmp(part, "alt") == 0)
            *mod |= KMOD_LALT;
        else if (strcmp(part, "shift") == 0)
            *mod |= KMOD_LSHIFT;
        else if (keys++ == 0)
            *key = SDL_GetKeyFromName(part);
        else
            return false; /* two keys: no chord can press both as "the" key */
    }
    return *key != SDLK_UNKNOWN && keys == 1;
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

int kiosk_scale_for(const KioskConfig *k, int w, int h, bool *capped)
{
    double base = fmin(w / 1280.0, h / 720.0);
    int percent = kiosk_ui_scale(k->screen_diagonal_inches, w, h, base, 28.0, capped);
    if (!k->large_text || w <= 0 || h <= 0 || base <= 0)
        return percent;
    /* Large text: a quarter larger, down to 1024 x 576 logical pixels (a
     * 16:9 screen at 125 %), which every kiosk screen is laid out for. */
    double most = fmin((double)w / (1024.0 * base), (double)h / (576.0 * base)) * 100.0;
    double want = percent * 1.25;
    if (want > most + 1e-9) {
        *capped = true;
        want = most;
    }
    return (int)floor(fmax(want, (double)percent));
}
