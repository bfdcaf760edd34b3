/* app_game.h — what the windowed game's files share (not for other parts of
 * the program): the App, and the functions one file calls in another.
 *
 *   app_game.c   set-up, the event loop, frames, input from SDL
 *   app_play.c   months passing, the player's actions, saves and loads
 *   app_kiosk_run.c  the museum kiosk's clocks and log, the soak test
 *   app_scene.c  --screenshot scenes and --bench-frames
 *   app_input.c  --input-script: scripted input for the real window
 */
#ifndef APP_GAME_H
#define APP_GAME_H

#include "app.h"
#include "app_kiosk.h"
#include "app_record.h"

#include "game.h"
#include "game_reckon.h"
#include "game_shapley.h"
#include "map.h"
#include "platform.h"
#include "render.h"
#include "render_map.h"
#include "ui.h"

#include <SDL.h>
#include <stdbool.h>

#ifndef GL_VERSION
#define GL_VERSION "0.0.0"
#endif

typedef struct AppInput AppInput;
typedef struct AppSound AppSound;
typedef struct KioskWhatIf KioskWhatIf;

/* The interface's sounds (app_sound.c). */
typedef enum AppSoundId { APP_SOUND_CLICK, APP_SOUND_CARD, APP_SOUND_NOTICE, APP_SOUND_PURGE, APP_SOUND_COUNT } AppSoundId;

typedef struct App {
    const AppOptions *opt;
    char data[PLAT_PATH_MAX];
    char scenario[CORE_ID_LEN]; /* the scenario a new game starts (--scenario, or chosen at New game) */
    AppSettings settings;
    SDL_Window *win;
    SDL_Renderer *ren;
    RenderCtx *rc;
    Map *map;
    RenderMap *view;
    ScriptHost *texts;      /* locale for the interface, also before a game exists */
    SDL_Thread *texts_loader; /* loads `texts` while the window opens (app_init) */
    SDL_Thread *map_loader;   /* loads the map from start-up; app_need_map joins it */
    Map *map_loaded;          /* the thread's, until the join */
    RenderMap *view_loaded;
    bool map_load_ok;
    char map_err[1024];
    ScriptHost *texts_loaded;
    char texts_err[512];
    Game *game;
    GameReckoning *reckoning;   /* once the reckoning is opened, until the game ends */
    GameShapley *shapley;       /* "what mattered" in history, computed while its tab is shown */
    UiSources sources;
    UiRecord record;
    UiProvenance provenance[CORE_MAX_PROVINCES];
    int provenance_count;
    bool historical;
    bool paused;
    /* The museum kiosk (--kiosk): see app_kiosk_update. */
    bool kiosk;
    KioskConfig kcfg;
    bool config_refused;        /* the kiosk's configuration is not valid: exit 2 */
    bool kiosk_defaults;        /* no configuration file: the defaults apply */
    double last_input_ms;       /* any touch, click or key */
    double card_since_ms;       /* when the card now showing appeared */
    int card_event;             /* which event that card is, -1 if none */
    double attract_acc_ms;
    bool script_failed;         /* a script error: back to the attract loop */
    UiKiosk kinfo;              /* the visit's decisions, their consequences and the visitor's answers */
    KioskWhatIf *whatif;        /* computing those consequences; NULL once done (or outside a kiosk) */
    int status;                 /* the exit status */
    AppInput *input;            /* --input-script (or --kiosk-input), NULL if none */
    UiScreen logged_screen;     /* what the kiosk log last said */
    int logged_card;
    int logged_reveal;
    /* The kiosk's window against its display (app_kiosk_window.c). */
    int laid_out_w, laid_out_h; /* the output size the interface was last laid out for */
    bool window_covered;        /* what the last check found, and the size it saw */
    int window_w, window_h;
    double cover_minute_ms;     /* the window is put back a few times a minute at most */
    int cover_tries;
    bool first_frame_checked;
    RenderTextDraw *contrast_log; /* --check-contrast: the texts of the frame being checked */
    /* A virtual clock (--soak, and an input script read from a file), so
     * that months pass as fast as the machine can draw them. */
    bool virtual_clock;
    bool soak;
    double clock_ms;
    int sessions;
    double month_acc_ms;
    /* --dev: the scripts' fingerprint, checked once a second. */
    bool dev;
    uint64_t scripts_fingerprint;
    double next_watch_ms;
    UiState ui;
    UiSlot slots[UI_SAVE_SLOTS + 1];
    bool slots_fresh;           /* slots[] read since the save/load window opened */
    /* The mods' map modes (app_mod_ui.c): the values of the one shown, for
     * the month and host they were computed for. */
    double mod_mode_values[CORE_MAX_PROVINCES];
    int mod_mode_shown, mod_mode_month;
    const void *mod_mode_host;
    /* The Mods screen: its rows, and the manifests of the installed mods
     * the player left out (read once). */
    UiModRow mod_rows[SCRIPT_MAX_MODS + APP_MAX_MODS];
    int mod_row_count;
    ScriptManifest *left_out;
    int left_out_count;
    bool quit;
    float mouse_x, mouse_y;     /* where the mouse was last seen (logical px), for scripted screenshots */
    bool mouse_in;
    AppSound *sound;            /* NULL: silent (no device, a kiosk, a screenshot) */
    bool sound_wanted;          /* opened after the first frame (app_need_sound) */
    int heard_clicks;           /* the interface's click count when the last click sounded */
    int heard_card_month, heard_card_event; /* the card that last chimed */
} App;

/* ==== app_game.c ==== */

/* SIGTERM or SIGINT came (a kiosk leaves cleanly). */
bool app_term_requested(void);
/* The time the app's clocks read: the virtual clock when there is one. */
double app_now_ms(const App *a);
/* The description of a game for this app (its mods, callbacks, chooser). */
/* app_mod_ui.c: the mods' map modes for this frame (ui_modes_set_mod_modes),
 * their values computed when the month, the mode or the scripts change. */
void app_mod_modes_update(App *a);
/* The Mods screen's rows, in the order the mods load at the next start. */
void app_mod_rows_update(App *a);
/* The Mods screen's actions: a setting, a mod on or off, moved; kept in
 * settings.ini. */
void app_mod_action(App *a, const UiAction *x);
void app_mod_ui_free(App *a);
GameDesc app_game_desc(App *a, bool historical);
/* Locale text for the interface's language. */
const char *app_text(App *a, const char *key);
/* Draws a frame (without presenting it) and collects the actions. */
void app_draw(App *a, const UiInput *in, UiActions *acts);
/* Folds an SDL event into the frame's input. */
void app_collect(App *a, const SDL_Event *e, UiInput *in);
/* What happens without input (months, the reckoning's re-runs, the kiosk's
 * clocks); true if the screen changed. */
bool app_tick(App *a, double now, double dt);
/* Draws, presents and applies a frame; true if another frame is needed. */
bool app_frame(App *a, UiInput *in);
/* Whether months are passing now. */
bool app_time_runs(const App *a);
double app_month_length_ms(const App *a);

/* ==== app_load.c ==== */

/* A script's error: on stderr, in the banner and the console, in a kiosk's log (app_game.c). */
void app_on_script_error(const ScriptError *e, void *user);
/* The interface's scripts (locale, declarations) from the base game and mods. */
ScriptHost *app_load_texts(App *a, char *err, size_t cap);
/* The same on a thread, started while the window opens; the join returns
 * them (or loads them here if the thread did not start). */
void app_start_texts(App *a);
ScriptHost *app_join_texts(App *a, char *err, size_t cap);
/* The map read and triangulated at once, or on a thread (app_need_map joins it). */
bool app_load_map(App *a, char *err, size_t cap);
void app_start_map(App *a);
uint64_t app_watch_fingerprint(App *a);

/* ==== app_play.c ==== */

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
/* Shows a message in the interface's error banner. */
void app_error(App *a, const char *fmt, ...);
void app_advance_month(App *a);
/* Takes the new month's decisions the player is not asked about, with
 * their notices (see game_shown_as). */
void app_present_month(App *a);
/* Takes history's option for every pending event (screenshots, tests). */
void app_resolve_historically(App *a);
void app_open_reckoning(App *a);
void app_drop_reckoning(App *a);
void app_start_game(App *a, bool historical);
void app_reload_scripts(App *a);
void app_apply(App *a, const UiAction *x, bool *want_screenshot);
/* Where F12 writes: $XDG_DATA_HOME/greatleap/screenshots/greatleap-DATE.png. */
void app_screenshot_path(char *out, size_t cap);
bool app_game_over(const CoreState *s);
/* Loads the map if it is not yet, or joins the thread loading it (the
 * title screen needs none; see app_load.c). Exits with status 2 if it
 * cannot be read. */
void app_need_map(App *a);
/* Opens the audio device if the game wants sound and has not tried yet:
 * after the first frame, since finding a device can take 100 ms. */
void app_need_sound(App *a);
/* Saves the game as it is now, with the view, in a slot (0: the autosave). */
bool app_save_to_slot(App *a, int slot, char *err, size_t cap);
/* app_save_to_slot(a, 0, ...) but for a screenshot's or a benchmark's scene,
 * which is never saved (true, nothing written). */
bool app_autosave(App *a, char *err, size_t cap);

/* ==== app_kiosk_run.c ==== */

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
/* A line in the kiosk's log (nothing outside a kiosk). */
void app_kiosk_log(const App *a, const char *fmt, ...);
void app_kiosk_to_attract(App *a);
bool app_kiosk_autoresolve(App *a);
bool app_kiosk_update(App *a, double now, double dt);
int app_card_seconds_left(const App *a);
void app_log_changes(App *a);
void app_push_tap(float x, float y);
int app_run_soak(App *a, int sessions);
/* Starts the what-if campaigns (all of them at once on a virtual clock);
 * false with a message if the kiosk's decisions are not valid. */
bool app_kiosk_prepare(App *a, char *err, size_t cap);
/* Computes what-if campaigns for up to `budget_ms`; true if it did some. */
bool app_kiosk_compute(App *a, double budget_ms);
/* The visitor answered decision event `event` (an id) with `option`, by
 * touch or by the card's timeout: recorded, and the reveal begins. */
void app_kiosk_answered(App *a, const char *event, int province, int option, bool timeout);
/* Whether a reveal holds time after a decision. */
bool app_kiosk_revealing(const App *a);

/* ==== app_kiosk_whatif.c ==== */

/* The campaigns that say what each option of the kiosk's decisions does on
 * its own; fills `out` (the decisions, and their consequences as they are
 * computed). NULL with a message if a key event does not exist. */
KioskWhatIf *kiosk_whatif_create(const GameDesc *desc, const KioskConfig *k, UiKiosk *out, char *err, size_t cap);
void kiosk_whatif_destroy(KioskWhatIf *w);
/* Plays the next campaign; false once all are played (or one failed). */
bool kiosk_whatif_step(KioskWhatIf *w);
bool kiosk_whatif_done(const KioskWhatIf *w);
const char *kiosk_whatif_error(const KioskWhatIf *w);  /* "" if none */
int kiosk_whatif_campaigns(const KioskWhatIf *w);
double kiosk_whatif_seconds(const KioskWhatIf *w);     /* since it was created */

/* ==== app_contrast.c ==== */

/* WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
double app_contrast_ratio(RenderColor a, RenderColor b);
/* --check-contrast: records the texts of the next frame drawn; then checks
 * each against the pixels behind it, prints a line per text below WCAG AA
 * and a summary naming `what`, and returns how many failed (-1: no frame). */
void app_contrast_begin(App *a);
int app_contrast_end(App *a, const char *what);
/* --check-layout and the input script's expect-layout: the widgets that
 * leave their parent or cover each other (ui_layout_problems), and the
 * texts of one more frame drawn that run past its edges or are cut at
 * their side. Returns how many problems, listed one a line in `out`. */
int app_layout_check(App *a, char *out, size_t cap);

/* ==== app_kiosk_window.c ==== */

/* The kiosk's window: borderless and fullscreen at the first display's
 * bounds (at `fallback_w` x `fallback_h` if they are unknown). */
SDL_Window *app_kiosk_open_window(const char *title, int fallback_w, int fallback_h);
/* Lays the interface out again for the window's size now (the kiosk's
 * scale, large text). */
void app_kiosk_relayout(App *a);
/* Whether the window covers its display; if not, puts it back there (a few
 * times a minute at most) and logs it. `why`: what prompted the check. */
bool app_kiosk_cover_display(App *a, const char *why);

/* ==== app_scene.c ==== */

int app_screenshot(App *a);
int app_bench(App *a);

/* ==== app_sound.c ==== */

/* Opens the audio device and synthesises the sounds; NULL (silent) if not
 * `wanted` or if there is no audio device. */
AppSound *app_sound_open(bool wanted);
void app_sound_close(AppSound *snd);
/* Plays a sound at `volume` (0..100; 0 is silent). */
void app_sound_play(AppSound *snd, AppSoundId id, int volume);
/* How many sounds were played (the input driver's state line). */
int app_sound_played(const AppSound *snd);

/* ==== app_input.c ==== */

/* Opens --input-script (or --kiosk-input) FILE; "-" is stdin, read as it
 * comes on the real clock; a file is read a command at a time on a virtual
 * clock. NULL with a message in err if the file cannot be opened. */
AppInput *app_input_open(App *a, const char *path, char *err, size_t cap);
void app_input_close(AppInput *in);
/* Runs the commands that are due (called once per loop iteration). Returns
 * true if it pushed input or changed something, so a frame is needed. */
bool app_input_step(App *a);
/* Whether the script is waiting for time to pass (then the loop advances
 * the virtual clock instead of sleeping). */
bool app_input_waiting(const App *a);
/* Whether the input is read from a file on the virtual clock. */
bool app_input_scripted(const App *a);
/* Called after every frame: notes the cards the frame showed (the script's
 * log of them). */
void app_input_after_frame(App *a);

#endif
