/* ui_internal.h — widgets, theme and helpers shared by the screens. */
#ifndef UI_INTERNAL_H
#define UI_INTERNAL_H

#include "ui.h"

/* Layers, bottom to top: only the topmost takes input. */
enum { UI_LAYER_BASE, UI_LAYER_CARD, UI_LAYER_OVERLAY, UI_LAYER_CONFIRM, UI_LAYER_CONSOLE };

typedef struct UiCtx {
    UiState *st;
    RenderCtx *r;
    const UiModel *m;
    const UiInput *in;
    UiActions *out;
    int layer;              /* layer being drawn */
    int top;                /* layer that takes input this frame */
    bool click_taken;       /* a widget used this frame's click */
    float w, h;             /* logical size of the screen */
    RenderRect parent;      /* what widgets are drawn in now (the screen, a bar, a window) */
    bool scrolling;         /* in a scrolled area (see ui_scroll_begin) */
    RenderRect scroll_parent; /* the parent before it */
    bool sea_ground;        /* the frame was cleared to UI_SEA, not UI_PAPER (ui_frame) */
} UiCtx;

/* ==== Theme (sober: paper, ink, slate) ==== */
/* Set for each frame by ui_theme_set (a kiosk's high contrast, or not). */
extern RenderColor UI_PAPER, UI_INK, UI_MUTED, UI_PANEL, UI_LINE, UI_SLATE, UI_SLATE_HOT, UI_BUTTON, UI_BUTTON_HOT,
    UI_BUTTON_DOWN, UI_ACCENT, UI_WHITE, UI_SEA, UI_LAND, UI_TAIWAN, UI_SHADE;
void ui_theme_set(bool high_contrast);
#define UI_TEXT 15.0f        /* body text, logical px */
#define UI_SMALL 13.0f
#define UI_HEAD 19.0f
#define UI_TITLE 26.0f
#define UI_PING_MS 3000.0    /* how long a notice's provinces are pinged on the map */

/* Locale text for the model's language. */
const char *ui_t(const UiCtx *c, const char *key);
/* The same with a printf-style key built from parts: ui_tf(c, "policy.%s.name", id). */
const char *ui_tf(const UiCtx *c, const char *fmt, const char *part);

bool ui_active(const UiCtx *c);             /* the current layer takes input */
bool ui_hover(const UiCtx *c, RenderRect r);
/* True when the rect was clicked (pressed and released inside it). */
bool ui_clicked(UiCtx *c, RenderRect r);
/* A key pressed this frame, for the current layer. */
bool ui_key(const UiCtx *c, int keycode);

typedef enum UiButtonStyle { UI_BUTTON_PLAIN, UI_BUTTON_PRIMARY, UI_BUTTON_SELECTED, UI_BUTTON_DISABLED } UiButtonStyle;
/* A button with a centred label; true when clicked. */
bool ui_button(UiCtx *c, RenderRect r, const char *label, UiButtonStyle style);
/* Whether a label fits a button of `r` (on one line, or two at a small size). */
bool ui_label_fits(UiCtx *c, RenderRect r, const char *label);
/* The same with an icon at the left of `r` and the label in `text`. */
bool ui_button_with_icon(UiCtx *c, RenderRect r, RenderRect text, const char *label, UiIcon icon,
                         UiButtonStyle style);
/* An icon (ui_icons.c) centred on (cx, cy), `size` logical px wide. */
void ui_icon(UiCtx *c, UiIcon icon, float cx, float cy, float size, RenderColor col);
/* The icon of a policy group ("agriculture", "trade"...). */
UiIcon ui_category_icon(const char *category);
/* A panel with a border and an optional title; returns the content rect. */
RenderRect ui_panel(UiCtx *c, RenderRect r, const char *title);
/* Notes a widget the frame drew, in the current parent (see UiWidget);
 * returns it (NULL when the list is full). */
UiWidget *ui_widget_note(UiCtx *c, RenderRect r, const char *label);
/* Sets the parent of the widgets drawn next; returns the one before. */
RenderRect ui_parent_push(UiCtx *c, RenderRect parent);
/* Dims everything below a modal overlay. */
void ui_shade(UiCtx *c);
void ui_action(UiCtx *c, UiActionKind kind, int a, int b, const char *text);
/* A modal window centred on screen, with a title and a close button;
 * returns the content rect; sets *closed when closed (button or Escape). */
RenderRect ui_window(UiCtx *c, float w, float h, const char *title, bool *closed);
/* A scrolled area: begin clips to `area`, applies the wheel (and, with
 * `keys`, Page Up/Down and the arrows) and returns the y to draw from;
 * end takes the y drawing reached, keeps the scroll in range and draws a
 * scroll bar when the content is taller than the area. */
float ui_scroll_begin(UiCtx *c, RenderRect area, float *scroll, bool keys);
void ui_scroll_end(UiCtx *c, RenderRect area, float *scroll, float end_y);

/* Number formatting: 1 234 567 / 1.2 M / 12.3 ‰ etc., in the language's style. */
void ui_format_people(const UiCtx *c, char *buf, size_t cap, double persons);
void ui_format_tonnes(const UiCtx *c, char *buf, size_t cap, double tonnes);
/* Tonnes in the unit `like` would get, so that a column reads in one unit
 * ("0.0 Mt" beside "297.4 Mt", not "0 t"). */
void ui_format_tonnes_like(const UiCtx *c, char *buf, size_t cap, double tonnes, double like);
/* A number of people given in millions: "3.2 million", "320万". */
void ui_format_millions(const UiCtx *c, char *buf, size_t cap, double millions, bool sign);
/* Shorter: "663 M", "6.6亿". */
void ui_format_people_short(const UiCtx *c, char *buf, size_t cap, double persons);
void ui_format_month(const UiCtx *c, char *buf, size_t cap, int year, int month);

/* Describes a modifier or a command in words ("Yield x0.95 (all provinces)"). */
void ui_describe_modifier(const UiCtx *c, const CoreModifierDesc *d, const CoreState *s, char *buf, size_t cap);
void ui_describe_command(const UiCtx *c, const CoreCommand *cmd, const CoreState *s, char *buf, size_t cap);

/* ==== Screens ==== */
/* The game screen's bars (ui_bars.c). */
float ui_top_bar_height(UiCtx *c);
float ui_mode_bar_height(void);
void ui_top_bar(UiCtx *c);
void ui_mode_bar(UiCtx *c);
void ui_title_screen(UiCtx *c);
void ui_game_screen(UiCtx *c);
void ui_end_screen(UiCtx *c);
/* The card on screen: an event and every province it is due in this month
 * (the unanswered ones), with their map features (-1 if none). */
typedef struct UiCardGroup {
    int event;
    int count;
    ScriptDue dues[CORE_MAX_PROVINCES];
    int features[CORE_MAX_PROVINCES];
    bool provincial;            /* about provinces: stands beside them */
} UiCardGroup;
/* The card the game waits on, if any. */
bool ui_card_group(const UiCtx *c, UiCardGroup *grp);
/* Where the card goes: centred, or, about provinces, on the side of the
 * map away from them. */
RenderRect ui_card_rect(const UiCtx *c, const UiCardGroup *grp, RenderRect area, float want_h);
/* The card, over the map in `area`. */
void ui_event_card(UiCtx *c, RenderRect area);
void ui_policy_board(UiCtx *c);
void ui_ledger(UiCtx *c);
void ui_menu(UiCtx *c);
void ui_settings(UiCtx *c);
void ui_slots(UiCtx *c, bool saving);
void ui_sources(UiCtx *c);
void ui_intro_screen(UiCtx *c);
/* ui_scenarios.c: New game's list of scenarios, offered when there are several. */
bool ui_scenarios_offered(const UiCtx *c);
void ui_scenarios_screen(UiCtx *c);
/* ui_mods.c: the Mods screen. */
void ui_mods(UiCtx *c);
void ui_attract_screen(UiCtx *c);
void ui_pin_pad(UiCtx *c);
/* A kiosk visitor's game (ui_kiosk_visit.c) and its ending (ui_kiosk_end.c). */
void ui_kiosk_visit(UiCtx *c);
void ui_kiosk_ending(UiCtx *c);
/* The width of a kiosk visitor's card and of the panel after it. */
float ui_kiosk_panel_w(const UiCtx *c);
/* The controls, every key and what it does (F1, ?). */
void ui_help(UiCtx *c);
/* The first game's guided start, over the map in `area`. */
void ui_guide(UiCtx *c, RenderRect area);
/* The modder's console, over everything (see ui_console.c). */
void ui_console(UiCtx *c);
/* The map of the game screen (and its legend) in `area`, in the state's
 * mode; used by the attract loop too. */
void ui_game_map(UiCtx *c, RenderRect area, bool with_legend);
/* The EN / 中文 button every kiosk screen has. */
void ui_language_button(UiCtx *c, RenderRect r);
void ui_reckoning_screen(UiCtx *c);

/* ==== Sources ==== */
/* "Sources: Lin & Yang 2000 · Shang Changfeng 2010", clickable: opens the
 * sources window on the works behind these ids (work or research ids, see
 * ui_sources_resolve), under `title`. Draws nothing without sources.
 * Returns its width. */
float ui_source_tag(UiCtx *c, float x, float y, const char *const *ids, int count, const char *title);
void ui_confirm(UiCtx *c, const char *question_key, UiActionKind yes);

#endif
