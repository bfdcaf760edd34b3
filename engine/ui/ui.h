/* ui.h — the game's interface, immediate mode: each frame draws every screen
 * from the state it is given and returns the player's actions. It never
 * changes the game itself; the app applies the actions. Input arrives as a
 * plain struct, so tests and the kiosk can drive it with synthetic input.
 *
 * Screens: title, game (map, top bar, map modes, legend, province panel,
 * notifications, event cards), and overlays (policy board, ledger, menu,
 * settings, save and load, sources, confirmation), and the end screen.
 */
#ifndef UI_H
#define UI_H

#include "game.h"
#include "game_reckon.h"
#include "game_shapley.h"
#include "map.h"
#include "render.h"
#include "render_map.h"
#include "script.h"

#include <stdbool.h>
#include <stdint.h>

#define UI_MAX_ACTIONS 16
#define UI_MAX_KEYS 16
#define UI_SAVE_SLOTS 5
#define UI_MAX_MESSAGES 10
#define UI_GUIDE_STEPS 3

typedef enum UiScreen {
    UI_SCREEN_TITLE,
    UI_SCREEN_INTRO,            /* the content note and the historical context, before a new game */
    UI_SCREEN_GAME,
    UI_SCREEN_END,
    UI_SCREEN_RECKONING,        /* the run against history, and what the player's choices changed */
    UI_SCREEN_ATTRACT,          /* kiosk: history replays itself until a visitor touches the screen */
    UI_SCREEN_SCENARIOS,        /* New game: the scenarios of the base game and the mods (when there are several) */
    UI_SCREEN_ENDING,           /* kiosk: one sentence, one map, the visitor's choices, the sources */
} UiScreen;

typedef enum UiOverlay {
    UI_OVERLAY_NONE,
    UI_OVERLAY_POLICIES,
    UI_OVERLAY_LEDGER,
    UI_OVERLAY_MENU,
    UI_OVERLAY_SETTINGS,
    UI_OVERLAY_SAVE,
    UI_OVERLAY_LOAD,
    UI_OVERLAY_SOURCES,
    UI_OVERLAY_CONFIRM_QUIT,
    UI_OVERLAY_CONFIRM_TITLE,
    UI_OVERLAY_PIN,             /* kiosk: staff enter the PIN to leave */
    UI_OVERLAY_HELP,            /* the controls (F1, ?) */
    UI_OVERLAY_CONFIRM_LOAD,    /* load a save without a mod it needs (confirm_text, confirm_slot) */
    UI_OVERLAY_MODS,            /* every mod, its settings, which load and in what order */
    UI_OVERLAY_COUNT
} UiOverlay;

/* Map modes: what the provinces are coloured by. */
typedef enum UiMapMode {
    UI_MODE_UNKNOWN = -1,       /* ui_mode_find's answer for a name no mode has */
    UI_MODE_REPORTED_HARVEST,
    UI_MODE_ACTUAL_HARVEST,
    UI_MODE_RETAINED,
    UI_MODE_DEATH_RATE,
    UI_MODE_POPULATION_CHANGE,
    UI_MODE_PROCUREMENT,
    UI_MODE_LABOUR_DIVERTED,
    UI_MODE_REPORT_GAP,
    UI_MODE_COUNT
} UiMapMode;

/* Input of one frame, in logical pixels. */
typedef struct UiInput {
    float mouse_x, mouse_y;
    bool mouse_down;            /* left button held */
    bool mouse_pressed;         /* went down this frame */
    bool mouse_released;        /* went up this frame */
    bool mouse_in_window;
    float wheel;                /* notches, up positive */
    int keys[UI_MAX_KEYS];      /* SDL keycodes pressed this frame */
    int key_count;
    char text[64];              /* UTF-8 typed this frame (SDL_TEXTINPUT), for the console */
} UiInput;

typedef enum UiActionKind {
    UI_ACT_NONE,
    UI_ACT_NEW_GAME,            /* a = 1: historical mode, 0: free mode (after the intro) */
    UI_ACT_RECKONING,           /* end the run here and open the reckoning */
    UI_ACT_CHOOSE,              /* a = pending event index, b = option */
    UI_ACT_POLICY,              /* text = policy id, a = 1 enact / 0 repeal */
    UI_ACT_SET_SPEED,           /* a = 1..3 */
    UI_ACT_TOGGLE_PAUSE,
    UI_ACT_SAVE,                /* a = slot 1..UI_SAVE_SLOTS */
    UI_ACT_LOAD,                /* a = slot 0 (autosave) .. UI_SAVE_SLOTS; b = 1: without the mods it needs that are missing */
    UI_ACT_QUIT,                /* leave the program */
    UI_ACT_QUIT_TO_TITLE,
    UI_ACT_SET_LANGUAGE,        /* a = ScriptLang */
    UI_ACT_SET_FULLSCREEN,      /* a = 0/1 */
    UI_ACT_SET_UI_SCALE,        /* a = percent */
    UI_ACT_SCREENSHOT,
    UI_ACT_KIOSK_BEGIN,         /* kiosk: a visitor touched the attract screen */
    UI_ACT_KIOSK_FINISH,        /* kiosk: back to the attract loop */
    UI_ACT_PIN,                 /* kiosk: text = the PIN entered */
    UI_ACT_CONSOLE,             /* text = a line typed at the console */
    UI_ACT_RELOAD_SCRIPTS,      /* F5: reload the mods' scripts from disk */
    UI_ACT_SET_PROVINCIAL,      /* a = GameProvincial: who decides the events about a province */
    UI_ACT_SET_VOLUME,          /* a = 0..100 */
    UI_ACT_GUIDE_DONE,          /* the guided start was finished (a = 1) or skipped (a = 0) */
    UI_ACT_RELEASE_CARDS,       /* the player has seen the map: the first cards may come */
    UI_ACT_SET_SCENARIO,        /* text = the scenario a new game starts */
    UI_ACT_MOD_SETTING,         /* text = "MOD NAME VALUE": a mod's setting for new games */
    UI_ACT_MOD_ENABLE,          /* text = mod id, a = 1 load it from the next start, 0 leave it out */
    UI_ACT_MOD_MOVE,            /* text = mod id, a = -1 earlier, +1 later in the load order */
    UI_ACT_KIOSK_CONTINUE,      /* kiosk: the visitor has seen what really happened: time runs again */
} UiActionKind;

typedef struct UiAction {
    UiActionKind kind;
    int a, b;
    char text[256];
} UiAction;

typedef struct UiActions {
    int count;
    UiAction items[UI_MAX_ACTIONS];
} UiActions;

/* What a save slot holds, for the save and load screens. */
typedef struct UiSlot {
    bool used;
    bool damaged;               /* unreadable: shown as such, never loaded */
    int year, month;
    bool historical;
    char saved_at[32];          /* local time, as text */
} UiSlot;

/* The published works the game cites (assets/data/works.csv), and the
 * research ids of the data files mapped to them (assets/data/sources.csv). */
#define UI_SOURCE_ID_LEN 32
typedef enum UiWorkKind {
    UI_WORK_STATISTICS,
    UI_WORK_DEMOGRAPHY,
    UI_WORK_HISTORY,            /* histories and studies */
    UI_WORK_ACCOUNT,            /* memoirs, contemporary press and reports */
    UI_WORK_MODEL,              /* the game's own model */
    UI_WORK_KINDS
} UiWorkKind;

typedef struct UiWork {
    char id[UI_SOURCE_ID_LEN];
    UiWorkKind kind;
    char grade[4];              /* A, B or C */
    char label[64], label_zh[64]; /* "Yang Jisheng 2008": how a citation names it */
    char author[160], author_zh[64], year[8];
    char title[320];            /* as published */
    char title_zh[160];         /* a Chinese edition's title, for a work in another language */
    char title_en[240];         /* an English rendering of a Chinese title */
    char published[240];        /* publisher or journal */
    char rests_on[480], rests_on_zh[320]; /* the figures that rest on it */
} UiWork;

#define UI_REF_WORKS 6
typedef struct UiSourceRef {
    char id[UI_SOURCE_ID_LEN];  /* a research id: S01, P04 ... */
    int work[UI_REF_WORKS];     /* indices into UiSources.works */
    int work_count;
    char locator[200];          /* chapter, table or page in the first work */
} UiSourceRef;

typedef struct UiSources {
    int work_count;
    UiWork *works;
    int ref_count;
    UiSourceRef *refs;
} UiSources;

/* The works an id stands for: a work's own id, a research id (with its
 * locator), or a document of the repository such as "docs/model.md" (the
 * game's model). Fills up to `max` and returns how many; 0 if the id is
 * unknown. *locator is "" when there is none. */
int ui_sources_resolve(const UiSources *s, const char *id, const UiWork **out, int max, const char **locator);

/* The national record the reckoning compares with (history/national.csv). */
#define UI_RECORD_YEARS 11      /* 1955-1965 */
typedef struct UiRecordYear {
    int year;
    double cdr, cbr;            /* per 1000 (S01) */
    double grain_mt;            /* early official series (S04); NAN if none */
    double net_exports_mt;      /* (S04); NAN if none */
    double population_m;        /* year end (S01) */
} UiRecordYear;

typedef struct UiRecord {
    int count;
    UiRecordYear years[UI_RECORD_YEARS];
    char cdr_source[16], grain_source[16], trade_source[16];
} UiRecord;

/* How each province's starting figures were obtained (provinces.csv), and
 * the works its story rests on (stories.csv). */
typedef struct UiProvenance {
    char id[CORE_ID_LEN];
    bool pop_recorded, vital_recorded, grain_recorded;
    char pop_source[32], vital_source[32], grain_source[32];
    char story_works[160];      /* the works behind province.<id>.story (stories.csv), space-separated */
} UiProvenance;

/* The museum kiosk's visit: the decisions a visitor is asked, what each of
 * their options does on its own in the model (history with that one
 * choice changed, over a few seeds, against history), the visitor's
 * answers, and the reveal after each answer. The app computes the
 * counterfactuals at the kiosk's start, a campaign at a time. */
#define UI_KIOSK_MAX_DECISIONS 8
#define UI_KIOSK_MAX_OPTIONS 6
typedef struct UiKioskDecision {
    char event[CORE_ID_LEN];
    int from;                   /* asked from this month (year * 100 + month); 0: when it first comes */
    int option_count;
    int history_option;         /* the option history took */
    bool computed;              /* the counterfactual campaigns of every option are done */
    /* Excess deaths 1959-1961 with this option alone, minus history's, in
     * millions: the mean over the seeds, and the smallest and largest. */
    double change_m[UI_KIOSK_MAX_OPTIONS], change_min_m[UI_KIOSK_MAX_OPTIONS], change_max_m[UI_KIOSK_MAX_OPTIONS];
    int chosen;                 /* the visitor's option this visit; -1 before they are asked */
    bool timed_out;             /* nobody answered: the default was taken */
} UiKioskDecision;

typedef struct UiKiosk {
    int decision_count;
    UiKioskDecision decisions[UI_KIOSK_MAX_DECISIONS];
    int seeds;                  /* of the counterfactual campaigns */
    bool history_known;
    double history_excess_m;    /* history's excess deaths 1959-1961 on the visitor's seed, millions */
    double progress;            /* of the campaigns, 0 to 1 */
    int reveal;                 /* the decision just answered, whose consequence and reveal are on screen; -1: none */
    double reveal_since_ms;     /* when the reveal began (the app's clock) */
    int reveal_seconds;         /* before time runs again by itself */
    bool high_contrast;
} UiKiosk;

/* Everything the interface reads. The pointers are borrowed for the frame. */
typedef struct UiModel {
    ScriptHost *texts;          /* locale and content declarations */
    ScriptLang lang;
    Game *game;                 /* NULL on the title screen */
    const Map *map;
    RenderMap *map_view;
    bool paused;
    int speed;                  /* 1..3 */
    bool historical;            /* the running game's mode */
    bool fullscreen;
    int ui_scale_percent;
    UiSlot slots[UI_SAVE_SLOTS + 1]; /* [0] is the autosave */
    const char *data_dir;       /* for pictures */
    const char *version;
    const UiSources *sources;   /* may be NULL (then no citations are shown) */
    const UiRecord *record;     /* may be NULL */
    const UiProvenance *provenance; /* one per province of the state, or NULL */
    int provenance_count;
    const GameReckoning *reckoning; /* while or after it is computed, else NULL */
    bool kiosk;                 /* museum mode: no menus that leave the game, guided session */
    int card_seconds_left;      /* kiosk: before an unanswered card takes its default; -1 if none */
    const GameShapley *shapley; /* "what mattered" in history, while or after it is computed, else NULL */
    double now_ms;              /* the app's clock, for animations */
    GameProvincial provincial;  /* the setting: who decides the events about a province */
    int volume;                 /* the sounds, 0..100 */
    bool sound;                 /* an audio device is open (else the volume is not offered) */
    int standing;               /* the Party Center's standing with Mao, 0..100; -1: not shown */
    double standing_queued;     /* what the policy changes queued this month will do to it */
    const char *scenario;       /* the scenario a new game starts */
    const struct UiModRow *mods; /* the Mods screen's rows (while it is open) */
    int mod_count;
    const UiKiosk *kiosk_info;  /* kiosk: the visit's decisions and their consequences, else NULL */
} UiModel;

/* A row of the Mods screen. */
typedef struct UiModRow {
    const ScriptManifest *manifest;  /* name, version, author, description, settings */
    bool loaded;                     /* loaded in this session */
    bool enabled;                    /* the player's choice for the next start */
    bool installed;                  /* in the player's mods folder: may be left out and ordered */
    int errors;                      /* its script errors this session */
    double values[SCRIPT_MAX_SETTINGS]; /* each setting's value for new games */
} UiModRow;

/* The modder's console (the backquote key; never in a kiosk): the script
 * errors with their source and traceback, and the replies to commands. */
#define UI_CONSOLE_LINES 200
#define UI_CONSOLE_WIDTH 240
#define UI_CONSOLE_HISTORY 16
typedef enum UiConsoleKind {
    UI_CONSOLE_INFO,            /* replies */
    UI_CONSOLE_INPUT,           /* what was typed */
    UI_CONSOLE_ERROR,           /* an error's headline and message */
    UI_CONSOLE_SOURCE,          /* source lines around an error */
    UI_CONSOLE_MARK,            /* the line the error is on */
    UI_CONSOLE_TRACE,           /* traceback */
} UiConsoleKind;

typedef struct UiConsole {
    bool open;
    char input[256];
    int count;                  /* lines kept; the oldest go first */
    char lines[UI_CONSOLE_LINES][UI_CONSOLE_WIDTH];
    unsigned char kinds[UI_CONSOLE_LINES];
    float scroll;               /* how far up from the newest line, in px */
    char history[UI_CONSOLE_HISTORY][256]; /* commands typed, newest last */
    int history_count, history_at;
} UiConsole;

/* Adds a line (long ones are wrapped at the console's width in characters). */
void ui_console_print(UiConsole *con, UiConsoleKind kind, const char *text);

/* A button the last frame drew: where, its label, and whether it took
 * input (it was on the topmost layer). Scripted input (--input-script's
 * "press") finds buttons by label, and the layout tests check that none
 * leaves its parent (the window, panel or bar it was drawn in). */
#define UI_MAX_WIDGETS 192
typedef struct UiWidget {
    RenderRect rect, parent;
    char label[64];
    bool active;
    bool scrolled;              /* in a scrolled area: may run past its top and bottom (clipped) */
    bool text_overflows;        /* its text does not fit in it even at the smallest size */
} UiWidget;


/* A notification. It is kept as ids and put into words when it is drawn,
 * so that it reads in whichever language the interface is in. */
typedef enum UiNoticeKind {
    UI_NOTICE_TEXT,             /* text as given (a file's path, a script's message) */
    UI_NOTICE_KEY,              /* a locale key's text, then `text` */
    UI_NOTICE_DECISION,         /* an event decided: key = event id, option, how = UiDecider */
    UI_NOTICE_POLICY,           /* key = policy id; how: 1 enacted, 0 repealed, +2 when it is for next month */
} UiNoticeKind;

typedef enum UiDecider {
    UI_DECIDED_BY_PLAYER,
    UI_DECIDED_BY_HISTORY,      /* the player lets history decide (the setting) */
    UI_DECIDED_AS_BEFORE,       /* a repeat takes the player's last answer */
} UiDecider;

typedef struct UiNotice {
    UiNoticeKind kind;
    char key[96];
    char option[CORE_ID_LEN];
    int how;
    char text[200];
    int provinces[CORE_MAX_PROVINCES]; /* state province indices, pinged on the map */
    int province_count;
    double shown_ms;            /* when it was first drawn (UiModel.now_ms); < 0 until then */
} UiNotice;

/* What the interface remembers between frames. Zero-initialise, then
 * ui_state_init. */
/* The kiosk ending's list as laid out when the visitor reached it
 * (measuring its rows every frame doubled a frame's time): made again for
 * another window size or language. */
typedef struct UiKioskEndLayout {
    float w, h;                 /* the window it was made for, logical px; w = 0: none yet */
    ScriptLang lang;
    float list_w, size;         /* the list's width and its type's size */
    bool three, fits;           /* three lines a decision; all of them at once */
} UiKioskEndLayout;

typedef struct UiState {
    UiScreen screen;
    UiOverlay overlay;
    UiMapMode mode;
    bool true_figures;          /* false: what the centre receives */
    bool show_values;           /* numbers on the map (the second cue) */
    int hovered, selected;      /* map feature or -1 */
    int ledger_province;        /* -1: national */
    float panel_scroll;         /* the province panel's */
    float scroll[UI_OVERLAY_COUNT];
    bool dragging;
    float drag_x, drag_y;
    float press_x, press_y;
    int hot_option;             /* option under the mouse on the event card, -1 */
    int guide_step;             /* the first game's guided start: 1..UI_GUIDE_STEPS, 0 when not shown */
    int clicks;                 /* buttons clicked so far (the app sounds each) */
    bool cards_held;            /* a new game's first cards wait until the player has seen the map */
    bool card_split;            /* the card is answered province by province */
    float card_scroll;          /* of its list of provinces */
    int card_event, card_month; /* the card shown last (-1: none), to notice a new one */
    int panel_shown_for;        /* the province the panel was opened for (its map was moved into view) */
    bool card_framed;           /* the map is framed on a card's provinces; the view before: */
    RenderMapView card_saved_view;
    UiNotice messages[UI_MAX_MESSAGES]; /* notifications, newest last */
    int message_count;
    int message_month;          /* month the notifications belong to */
    char error[256];            /* shown in a banner until dismissed */
    char confirm_text[400];     /* UI_OVERLAY_CONFIRM_LOAD's question, in the player's language */
    int confirm_slot;           /* and the slot it would load */
    bool intro_historical;      /* the mode the intro screen will start */
    int reckoning_tab;          /* 0: the record, 1: your decisions, 2: what happened, 3: what mattered */
    float reckoning_scroll;
    float end_scroll;           /* the end screen's figures, in a short window */
    float slots_scroll;         /* the save and load slots, in a short window */
    float ledger_chart_scroll;  /* the ledger's charts, one above another in a small window */
    char pin[16];               /* digits entered on the PIN pad */
    /* Kiosk: the map between the centre's figures (0) and what really
     * happened (1), moving towards true_figures; the card last seen. */
    float figures_shown;
    double figures_shown_ms;
    int kiosk_card_event;
    int kiosk_end_first;        /* the ending's first decision shown, when they do not all fit */
    UiKioskEndLayout kiosk_end_layout;
    UiScreen previous_screen;   /* the screen the frame before drew */
    RenderRect kiosk_map_area;  /* where the kiosk's map was last fitted */
    /* Where the last frame drew its touch targets (logical pixels), for the
     * kiosk's log and the tests that drive it by touch. */
    RenderRect card_options[8];
    int card_option_count;
    RenderRect primary;         /* the screen's main action (Begin, Finish); w = 0 if none */
    UiScreen drawn_screen;      /* the screen the last frame drew */
    UiWidget widgets[UI_MAX_WIDGETS]; /* the buttons the last frame drew */
    int widget_count;
    RenderRect map_area;        /* where the last frame drew the map, and what floated over it */
    RenderRect map_obstacles[16];
    int map_obstacle_count;
    /* The sources window: all sources, or only those of one item. */
    char source_filter[8][UI_SOURCE_ID_LEN];
    int source_filter_count;
    char source_filter_title[160];
    UiConsole console;
} UiState;

void ui_state_init(UiState *ui);
/* Checks the last frame's widgets: each inside its parent (and the screen)
 * and its text inside it. Writes one line per problem into `out` (may be
 * NULL) and returns how many there are. */
int ui_layout_problems(const UiState *ui, float screen_w, float screen_h, char *out, size_t cap);

/* Draws one frame and collects the player's actions. */
void ui_frame(UiState *ui, RenderCtx *r, const UiModel *model, const UiInput *in, UiActions *out);
/* What a kiosk visitor may reach: nothing that saves, loads, changes the
 * settings or leaves the game (staff leave with the chord and the PIN).
 * ui_frame closes any other overlay in a kiosk, and the app refuses any
 * other action. */
bool ui_kiosk_allows_overlay(UiOverlay o);
bool ui_kiosk_allows_action(UiActionKind kind);

/* The month's notifications (events, policy changes, fx:notify) are
 * gathered after each month by the app. ui_notify takes text as it is;
 * the others are put into words when drawn, in the language of the day. */
void ui_notify(UiState *ui, const char *text);
/* A script's notice (fx:notify): its values and province fill the text's
 * placeholders ({amount}, {province}) in the language shown. */
void ui_notify_script(UiState *ui, const ScriptNotice *n);
void ui_notify_key(UiState *ui, const char *key, const char *then);
void ui_notify_decision(UiState *ui, const char *event, const char *option, UiDecider how, const int *provinces,
                        int province_count);
void ui_notify_policy(UiState *ui, const char *policy, bool enact, bool next_month);
void ui_notify_policy_cancelled(UiState *ui, const char *policy);
void ui_notify_clear(UiState *ui);
/* A notification in words, in the model's language. */
void ui_notice_text(const UiNotice *n, ScriptHost *texts, ScriptLang lang, const CoreState *s, char *buf,
                    size_t cap);
/* Whether an animation (a ping on the map) needs frames at `now_ms`. */
bool ui_animating(const UiState *ui, double now_ms);

/* ==== Map modes (no drawing; used by the kiosk and the tests too) ==== */

/* Which figures a mode shows: the toggle between the centre's figures and
 * the real ones only matters where the two differ. */
typedef enum UiFigures {
    UI_FIGURES_REPORTED,        /* always what the provinces reported */
    UI_FIGURES_ACTUAL,          /* always what happened (the centre never saw it) */
    UI_FIGURES_EITHER,          /* reported or actual, as the player chooses */
    UI_FIGURES_GAP,             /* one against the other */
} UiFigures;

/* The interface's icons (ui_icons.c): vector shapes drawn by the game. */
typedef enum UiIcon {
    UI_ICON_NONE,
    UI_ICON_REPORTED_GRAIN,
    UI_ICON_GRAIN,
    UI_ICON_BOWL,
    UI_ICON_DEATHS,
    UI_ICON_POPULATION_CHANGE,
    UI_ICON_PROCUREMENT,
    UI_ICON_FURNACE,
    UI_ICON_REPORT_GAP,
    UI_ICON_POPULATION,
    UI_ICON_GRANARY,
    UI_ICON_STANDING,
    UI_ICON_SOCIETY,
    UI_ICON_TRADE,
    UI_ICON_POLITICS,
    UI_ICON_REFORM,
    UI_ICON_OTHER,
    UI_ICON_COUNT
} UiIcon;

typedef struct UiModeInfo {
    const char *id;             /* "death_rate", for --map-mode */
    const char *name_key;       /* locale key of its name */
    const char *unit_key;       /* locale key of its unit */
    double lo, hi;              /* fixed scale, so colours compare across months */
    RenderPalette palette;
    bool reversed;              /* high values dark */
    UiFigures figures;
    UiIcon icon;
    /* A mod's mode: its own colours from lo to hi (else the palette), the
     * decimals of its values, and its values for the month shown. */
    int color_count;
    uint32_t colors[8];         /* 0xRRGGBB */
    int decimals;
    const double *values;       /* by state province index */
} UiModeInfo;

/* Map modes from mods (mapmodes/): their infos become modes UI_MODE_COUNT,
 * UI_MODE_COUNT + 1, ..., after the eight built-in ones, with keys 9 and 0
 * and a button each in the mode bar. The app sets them each frame (the
 * table is the interface's one piece of module state: modes are looked up
 * by number everywhere, and these numbers mean these modes until the next
 * call). At most UI_MAX_MOD_MODES. */
#define UI_MAX_MOD_MODES 16
void ui_modes_set_mod_modes(const UiModeInfo *infos, int count);
int ui_mode_total(void);        /* UI_MODE_COUNT + the mods' modes */

const UiModeInfo *ui_mode_info(UiMapMode mode);
UiMapMode ui_mode_find(const char *id);   /* UI_MODE_UNKNOWN if unknown (UI_MODE_COUNT is a mod's first) */
/* The value of a mode for a province, from the simulated history (NAN if
 * not yet known). `true_figures` picks actual over reported figures where
 * the two differ. */
double ui_mode_value(const CoreState *s, int province, UiMapMode mode, bool true_figures);
/* The grain the months before the game's start add to a window of the
 * last twelve months: `missing` months of 1957, at its recorded harvest
 * spread over the harvest months, so that 1958's claims show as they are
 * made (the record of 1957: reported as harvested). */
double ui_harvest_before_start_kg(const CoreState *s, int province, int missing);

#endif
