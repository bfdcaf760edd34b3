/* app_kiosk.h — the museum kiosk's configuration: a "key = value" file
 * (docs/kiosk.md lists every key), read once at start. A file with a bad
 * line keeps the kiosk from starting (it fails closed). */
#ifndef APP_KIOSK_H
#define APP_KIOSK_H

#include "script.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct KioskConfig {
    int idle_seconds;             /* outside a session: back to the attract loop (default 90) */
    int session_idle_seconds;     /* a visitor who walks away: back to the attract loop (default 120) */
    int event_timeout_seconds;    /* an unanswered card takes its default option (default 30) */
    int month_ms;                 /* a visitor's month, in milliseconds (default 2500) */
    int attract_month_ms;         /* a month of the attract loop (default 1200) */
    char exit_chord[64];          /* staff: "ctrl+alt+shift+q" opens the PIN pad */
    char exit_pin[16];            /* digits; empty: the chord alone leaves */
    double screen_diagonal_inches;/* 0: unknown (targets are not checked) */
    ScriptLang language;          /* the language each visitor starts in */
    char key_events[8][32];       /* the decisions a visitor makes; the rest follow history */
    int key_event_from[8];        /* "event@YYYY-MM": asked from that month (year * 100 + month), 0: when it comes */
    bool sound;                   /* the interface's sounds (default off: a gallery is shared) */
    int key_event_count;
    int reveal_seconds;           /* how long what really happened stays after a decision (default 20) */
    bool large_text;              /* everything 25 % larger (default off) */
    bool high_contrast;           /* black on white, white on black (default off) */
} KioskConfig;

void kiosk_config_defaults(KioskConfig *k);
/* Reads `path` over the defaults. The kiosk fails closed: a file named on
 * the command line (`named`) that is missing, a file that cannot be read,
 * and a file with any bad line (an unknown key, a value out of range, an
 * exit chord whose key does not exist) give false, with every problem in
 * `err`, one "path:line: why" line each. Only the default file may be
 * missing (path NULL or !named): then the defaults apply. */
bool kiosk_config_load(const char *path, bool named, KioskConfig *k, char *err, size_t err_cap);

/* The interface scale a kiosk uses on a `w` x `h` output: kiosk_ui_scale
 * for its screen (100 without a diagonal), times 1.25 with large text,
 * never so large that the layout has less than 1024 x 576 logical pixels. */
int kiosk_scale_for(const KioskConfig *k, int w, int h, bool *capped);

/* Parses "ctrl+alt+shift+q" into an SDL key and modifier mask; false if
 * the key has no SDL name or the spec names two keys. */
bool kiosk_parse_key(const char *spec, int *sdl_key, int *sdl_mod);
/* Whether SDL's modifier state and key match the chord ("ctrl+alt+q"). */
bool kiosk_chord_matches(const char *chord, int sdl_mod, int sdl_key);

/* The UI scale (percent) that makes `min_target_px` logical pixels at
 * least 9 mm on a screen of `diagonal_inches` showing `w` x `h` pixels at
 * a base scale of `base_scale` device pixels per logical pixel. Capped so
 * the layout keeps at least 1024 x 600 logical pixels. */
int kiosk_ui_scale(double diagonal_inches, int w, int h, double base_scale, double min_target_px, bool *capped);

#endif
