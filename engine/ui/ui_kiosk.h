/* ui_kiosk.h — what the kiosk's screens share (ui_kiosk.c); the screens
 * are ui_attract.c (the attract loop and the staff's PIN pad),
 * ui_kiosk_visit.c (a visitor's game, its decisions and what really
 * happened after each) and ui_kiosk_end.c (the ending). Not for other
 * modules. */
#ifndef UI_KIOSK_H
#define UI_KIOSK_H

#include "ui_internal.h"

/* The kiosk's type, logical px: larger than the desktop's. */
#define UI_K_SMALL 16.0f
#define UI_K_TEXT 19.0f
#define UI_K_HEAD 24.0f
#define UI_K_TITLE 34.0f
/* The death rate's scale, per thousand a year (as the desktop's map). */
#define UI_K_RATE_HI 60.0
/* The harvest's scale, kg a person a year (as the desktop's harvest maps,
 * ui_modes.c). */
#define UI_K_HARVEST_HI 600.0
/* How long the map takes to turn from the centre's figures to what really
 * happened, ms. */
#define UI_K_REVEAL_MS 1600.0

/* The largest size from `hi` down to `lo` (logical px, in steps of 1) at
 * which `text` wrapped to `w` is at most `max_h` tall; 0 if none is. */
float ui_kiosk_fit(const UiCtx *c, const char *text, float w, float max_h, float hi, float lo, RenderFont font);

/* A locale text in a given language (the attract loop shows both). */
const char *ui_kiosk_text(const UiCtx *c, ScriptLang lang, const char *key);
/* `tmpl` with {1}..{n} replaced by `args` (the locale's templates are never
 * printf formats). */
void ui_kiosk_fill(char *out, size_t cap, const char *tmpl, const char *const *args, int n);

/* The national figures the screens quote: the last twelve months as the
 * map counts them (harvests in tonnes, deaths a year), and the deaths above
 * the normal rate since the start, as reported and as they were. */
typedef struct UiKioskFigures {
    double harvest_t, harvest_reported_t;
    double deaths, deaths_reported;
    double population;
    double toll, toll_reported;
} UiKioskFigures;
void ui_kiosk_figures(const CoreState *s, UiKioskFigures *f);

/* A map for the kiosk: the death rate, between the centre's figures
 * (blend 0) and what really happened (1), or `values` per province of the
 * state; coloured on lo..hi (high values dark), named and numbered. */
typedef struct UiKioskMap {
    RenderRect area;
    const double *values;
    bool harvest;               /* the grain harvest (reported, then real) instead of the death rate */
    float blend;
    double lo, hi;
    int decimals;
    const char *suffix;
    float label_size;
    const RenderRect *obstacles;
    int obstacle_count;
} UiKioskMap;
void ui_kiosk_draw_map(UiCtx *c, const UiKioskMap *km);
/* The legend in the bottom left of `box`, sized to its text; returns its top. */
float ui_kiosk_legend(UiCtx *c, RenderRect box, const char *title, const char *tag, double lo, double hi,
                      const char *suffix, float size);
/* The province under a finger held on the map, with its value. */
void ui_kiosk_finger_label(UiCtx *c, RenderRect area, const double *values, float blend, const char *suffix);
/* A province's value on the kiosk's map: the death rate or, with
 * `harvest`, the grain harvest (kg a person, the last twelve months), as
 * reported (`real` false) or as it was. */
double ui_kiosk_value(const CoreState *s, int province, bool harvest, bool real);

/* Numbers in a language: people ("12.3 million", "1234万"); millions
 * without a sign ("17.0 million", "1700万"); a month ("March 1960"). */
void ui_kiosk_format_people(const UiCtx *c, ScriptLang lang, char *buf, size_t cap, double n);
void ui_kiosk_format_millions(const UiCtx *c, char *buf, size_t cap, double millions);
void ui_kiosk_month(const UiCtx *c, ScriptLang lang, char *buf, size_t cap, const CoreState *s);

/* What one decision's option did on its own, in a sentence (the reveal)
 * or a few words (the ending), in the interface's language. */
void ui_kiosk_consequence(const UiCtx *c, const UiKioskDecision *d, bool short_form, char *buf, size_t cap);

#endif
