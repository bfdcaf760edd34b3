/* app_game.c — the windowed game: SDL set-up, the event loop (which sleeps
 * until something happens, so a paused game costs no CPU), time running at
 * three speeds, the player's actions applied, autosaves, and screenshots.
 * --screenshot renders one frame of any screen offscreen and exits. */
#define _POSIX_C_SOURCE 200809L
#include "app.h"
#include "app_console.h"
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
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include <stdarg.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#ifdef __GLIBC__
#include <malloc.h> /* malloc_trim, mallinfo2: a kiosk gives memory back between visitors */
#endif

#ifndef GL_VERSION
#define GL_VERSION "0.0.0"
#endif

typedef struct App {
    const AppOptions *opt;
    char data[PLAT_PATH_MAX];
    AppSettings settings;
    SDL_Window *win;
    SDL_Renderer *ren;
    RenderCtx *rc;
    Map *map;
    RenderMap *view;
    ScriptHost *texts;      /* locale for the interface, also before a game exists */
    Game *game;
    GameReckoning *reckoning;   /* once the reckoning is opened, until the game ends */
    GameShapley *shapley;       /* "what mattered" in history, computed while its tab is shown */
    UiSources sources;
    UiRecord record;
    UiProvenance provenance[CORE_MAX_PROVINCES];
    int provenance_count;
    bool historical;
    bool paused;
    /* The museum kiosk (--kiosk): see kiosk_update. */
    bool kiosk;
    KioskConfig kcfg;
    bool config_refused;        /* the kiosk's configuration is not valid: exit 2 */
    bool kiosk_defaults;        /* no configuration file: the defaults apply */
    double last_input_ms;       /* any touch, click or key */
    double card_since_ms;       /* when the card now showing appeared */
    int card_event;             /* which event that card is, -1 if none */
    double attract_acc_ms;
    bool script_failed;         /* a script error: back to the attract loop */
    int status;                 /* the exit status */
    /* --kiosk-input: synthetic touches and keys, a line at a time. */
    int input_fd;
    char input_line[256];
    size_t input_used;
    UiScreen logged_screen;     /* what the kiosk log last said */
    int logged_card;
    /* --soak: a virtual clock and a count of visitor sessions left. */
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
    bool quit;
} App;

static const double month_ms[4] = {0, 2000, 1000, 333};

/* Shows a message in the interface's error banner. */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void app_error(App *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->ui.error, sizeof a->ui.error, fmt, ap);
    va_end(ap);
}

/* SIGTERM (systemctl stop) leaves a kiosk cleanly; the handler only sets
 * a flag, which the loop checks. */
static volatile sig_atomic_t term_requested;
static void on_term(int sig)
{
    (void)sig;
    term_requested = 1;
}

static const char *text(App *a, const char *key);

static void on_script_error(const ScriptError *e, void *user)
{
    App *a = user;
    fprintf(stderr, "greatleap: script error in mod %s (%s): %s:%d: %s\n", e->mod, e->context, e->file, e->line,
            e->message);
    /* A modder sees it in a banner, and in full in the console. */
    if (a && !a->kiosk && a->texts) {
        app_console_error(&a->ui.console, a->texts, e);
        app_error(a, "%s %s: %s:%d: %s", text(a, "ui.console.error_banner"), e->mod, e->file, e->line, e->message);
    }
    if (a && a->kiosk && plat_log_path()[0])
        plat_log(PLAT_LOG_ERROR, "script error in mod %s %s (%s): %s:%d: %s", e->mod, e->mod_version, e->context,
                 e->file, e->line, e->message);
    /* The host has already disabled what failed; a kiosk starts over. */
    if (a)
        a->script_failed = true;
}

/* print() in a script: a modder reads it in the console and on stderr. */
static void on_script_log(const char *mod, const char *message, void *user)
{
    App *a = user;
    if (!a || a->kiosk) /* a kiosk's log is for its staff, not for mods' chatter */
        return;
    fprintf(stderr, "greatleap: [%s] %s\n", mod, message);
    char line[UI_CONSOLE_WIDTH * 2];
    snprintf(line, sizeof line, "[%s] %s", mod, message);
    ui_console_print(&a->ui.console, UI_CONSOLE_INFO, line);
}

static double now_ms(const App *a) { return a->soak ? a->clock_ms : plat_now_ms(); }

/* The kiosk's log: what a museum's staff (and the kiosk tests) need to
 * know happened. It goes to the rotated log file ($XDG_STATE_HOME/greatleap/
 * kiosk.log) and to stderr (the systemd journal). */
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void kiosk_log(const App *a, const char *fmt, ...)
{
    if (!a->kiosk)
        return;
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (plat_log_path()[0])
        plat_log(PLAT_LOG_INFO, "%s", msg);
    if (!a->soak) /* a soak's thousands of sessions go to its log file only */
        fprintf(stderr, "greatleap: kiosk: %s\n", msg);
    fflush(stderr);
}

static GameDesc game_desc(App *a, bool historical)
{
    return (GameDesc){.data_dir = a->data, .seed = 1, .mod_dirs = a->opt->mods, .mod_dir_count = a->opt->mod_count,
                      .chooser = GAME_CHOOSE_PLAYER, .follow_history = historical,
                      .host = {.on_error = on_script_error, .on_log = on_script_log, .user = a}};
}

static void kiosk_to_attract(App *a);
static int card_seconds_left(const App *a);

/* ==== Set-up ==== */

static bool load_map(App *a, char *err, size_t cap)
{
    char p1[PLAT_PATH_MAX], p2[PLAT_PATH_MAX];
    plat_path_join(p1, sizeof p1, a->data, "assets/map/provinces-1958.geojson");
    plat_path_join(p2, sizeof p2, a->data, "assets/map/context.geojson");
    size_t n1, n2;
    char *t1 = plat_read_file(p1, 32u << 20, &n1), *t2 = t1 ? plat_read_file(p2, 32u << 20, &n2) : NULL;
    if (!t1 || !t2) {
        snprintf(err, cap, "%s", plat_error());
        free(t1);
        return false;
    }
    a->map = map_load(t1, n1, t2, n2, err, cap);
    free(t1);
    free(t2);
    return a->map && (a->view = render_map_create(a->map)) != NULL;
}

/* The interface's own host: the locale and the content's declarations,
 * there before a game is, from the base game and the mods. */
static ScriptHost *load_texts(App *a, char *err, size_t cap)
{
    ScriptHost *h = script_host_create(&(ScriptHostDesc){.on_error = on_script_error, .user = a});
    char scripts[PLAT_PATH_MAX];
    plat_path_join(scripts, sizeof scripts, a->data, "scripts");
    if (!h || !script_host_load_mod(h, scripts, "scripts")) {
        snprintf(err, cap, "cannot load the game's scripts from %.900s", scripts);
        script_host_destroy(h);
        return NULL;
    }
    for (int i = 0; i < a->opt->mod_count; i++)
        script_host_load_mod(h, a->opt->mods[i], a->opt->mods[i]);
    return h;
}

/* The folders --dev watches: the base game's scripts and every mod's. */
static uint64_t scripts_fingerprint(App *a)
{
    char scripts[PLAT_PATH_MAX];
    plat_path_join(scripts, sizeof scripts, a->data, "scripts");
    const char *dirs[APP_MAX_MODS + 1] = {scripts};
    for (int i = 0; i < a->opt->mod_count; i++)
        dirs[i + 1] = a->opt->mods[i];
    return app_scripts_fingerprint(dirs, a->opt->mod_count + 1);
}

static bool app_init(App *a, const AppOptions *o, const char *argv0, bool offscreen, char *err, size_t cap)
{
    memset(a, 0, sizeof *a);
    a->opt = o;
    ui_state_init(&a->ui);
    if (o->data_dir && !app_data_dir_check(o->data_dir, err, cap))
        return false;
    if (o->data_dir)
        snprintf(a->data, sizeof a->data, "%s", o->data_dir);
    else if (!plat_find_data_dir(a->data, sizeof a->data, argv0)) {
        snprintf(err, cap, "%s", plat_error());
        return false;
    }
    char warn[2048];
    app_settings_load(&a->settings, warn, sizeof warn);
    for (char *l = warn, *nl; *l; l = nl ? nl + 1 : l + strlen(l)) { /* a line for each bad line */
        nl = strchr(l, '\n');
        fprintf(stderr, "greatleap: settings: %.*s\n", nl ? (int)(nl - l) : (int)strlen(l), l);
    }
    if (o->lang)
        a->settings.lang = strcmp(o->lang, "zh") == 0 ? SCRIPT_LANG_ZH : SCRIPT_LANG_EN;
    if (o->kiosk) {
        a->kiosk = true;
        a->soak = o->soak_sessions > 0;
        kiosk_config_defaults(&a->kcfg);
        char path[PLAT_PATH_MAX], dir[PLAT_PATH_MAX];
        if (o->kiosk_config)
            snprintf(path, sizeof path, "%s", o->kiosk_config);
        else if (!plat_user_dir(dir, sizeof dir, "XDG_CONFIG_HOME", ".config") ||
                 !plat_path_join(path, sizeof path, dir, "kiosk.ini"))
            path[0] = '\0';
        /* Fails closed: a kiosk never starts on a configuration it cannot
         * read in full (a missing named file, a bad line): exit status 2,
         * every problem on stderr and in the kiosk's log. */
        char kerr[4096];
        if (!kiosk_config_load(path[0] ? path : NULL, o->kiosk_config != NULL, &a->kcfg, kerr, sizeof kerr)) {
            plat_log_open("kiosk");
            plat_log(PLAT_LOG_ERROR, "refused to start: the configuration is not valid: %s", kerr);
            plat_log_close();
            fprintf(stderr, "%s\n", kerr);
            snprintf(err, cap, "kiosk: refused to start: the configuration is not valid (above; docs/kiosk.md)");
            a->config_refused = true;
            return false;
        }
        a->kiosk_defaults = !o->kiosk_config && !(path[0] && plat_exists(path));
        if (o->lang) /* the command line wins over the kiosk file */
            a->kcfg.language = a->settings.lang;
        a->settings.lang = a->kcfg.language;
        /* SIGTERM must reach us as itself, not as a window close (which a
         * kiosk ignores); touches are handled as touches. */
        SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
        SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
        SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
        SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
        struct sigaction sa = {0};
        sa.sa_handler = on_term;
        sigaction(SIGTERM, &sa, NULL);
        sigaction(SIGINT, &sa, NULL);
    }
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        snprintf(err, cap, "cannot start SDL: %s", SDL_GetError());
        return false;
    }
    IMG_Init(IMG_INIT_PNG);
    int w = o->width ? o->width : 1440, h = o->height ? o->height : 900;
    SDL_Rect usable;
    if (!offscreen && !o->width && SDL_GetDisplayUsableBounds(0, &usable) == 0 && usable.w > 0 && usable.h > 0) {
        /* The default window never overflows a small screen. */
        w = w < usable.w * 9 / 10 ? w : usable.w * 9 / 10;
        h = h < usable.h * 9 / 10 ? h : usable.h * 9 / 10;
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (offscreen)
        flags = SDL_WINDOW_HIDDEN;
    else if (a->kiosk) /* the display's own resolution, no window controls */
        flags = SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS | SDL_WINDOW_ALLOW_HIGHDPI;
    else if (a->settings.fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    a->win = SDL_CreateWindow("Great Leap", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!a->win) {
        snprintf(err, cap, "cannot open a window: %s", SDL_GetError());
        return false;
    }
    /* Accelerated with a software fallback; screenshots are always software,
     * so that golden images do not depend on the GPU. Benchmarks run
     * without vsync, or they would measure the display. */
    if (!offscreen && !o->software_renderer)
        a->ren = SDL_CreateRenderer(a->win, -1,
                                    SDL_RENDERER_ACCELERATED |
                                        (o->mode == APP_MODE_BENCH ? 0 : SDL_RENDERER_PRESENTVSYNC));
    if (!a->ren)
        a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
    if (!a->ren) {
        snprintf(err, cap, "cannot create a renderer: %s", SDL_GetError());
        return false;
    }
    SDL_SetWindowMinimumSize(a->win, 800, 500);
    if (a->kiosk && !offscreen) {
        SDL_ShowCursor(SDL_DISABLE);               /* a touch screen */
        SDL_SetWindowKeyboardGrab(a->win, SDL_TRUE); /* Alt+Tab and friends stay with us */
    }
    char fonts[PLAT_PATH_MAX];
    plat_path_join(fonts, sizeof fonts, a->data, "assets/fonts");
    RenderDesc desc = {.renderer = a->ren, .font_dir = fonts, .ui_scale = a->settings.ui_scale_percent / 100.0f};
    a->rc = render_create(&desc, err, cap);
    if (!a->rc || !load_map(a, err, cap))
        return false;
    /* The record behind the figures; without it the game still plays, but
     * shows no citations, so say why. */
    char why[512];
    if (!app_sources_load(a->data, &a->sources, why, sizeof why) || !app_record_load(a->data, &a->record, why, sizeof why) ||
        (a->provenance_count = app_provenance_load(a->data, a->provenance, CORE_MAX_PROVINCES, why, sizeof why)) < 0) {
        fprintf(stderr, "greatleap: sources: %s\n", why);
        a->provenance_count = 0;
    }
    int ww, wh;
    SDL_GetWindowSize(a->win, &ww, &wh);
    if (a->kiosk) {
        /* Every target at least 9 mm on the configured screen. */
        int ow, oh;
        SDL_GetRendererOutputSize(a->ren, &ow, &oh);
        double base = fmin(ow / 1280.0, oh / 720.0);
        bool capped;
        a->settings.ui_scale_percent = kiosk_ui_scale(a->kcfg.screen_diagonal_inches, ow, oh, base, 28.0, &capped);
        if (capped)
            fprintf(stderr, "greatleap: kiosk: at %dx%d on a %.0f-inch screen, the smallest targets stay under 9 mm\n",
                    ow, oh, a->kcfg.screen_diagonal_inches);
    }
    render_resize(a->rc, ww, wh, a->settings.ui_scale_percent / 100.0f);
    if (!(a->texts = load_texts(a, err, cap)))
        return false;
    a->dev = o->dev && !a->kiosk;
    if (a->dev)
        a->scripts_fingerprint = scripts_fingerprint(a);
    a->input_fd = -1;
    if (a->kiosk && o->kiosk_input) {
        a->input_fd = strcmp(o->kiosk_input, "-") == 0 ? dup(STDIN_FILENO) : open(o->kiosk_input, O_RDONLY);
        if (a->input_fd >= 0)
            fcntl(a->input_fd, F_SETFL, fcntl(a->input_fd, F_GETFL) | O_NONBLOCK);
    }
    if (a->kiosk) {
        if (a->soak) /* a small log, so that thousands of sessions turn it over many times */
            plat_log_set_rotation(64 * 1024, 0);
        plat_log_open("kiosk"); /* on failure, lines go to stderr */
        kiosk_log(a, "started: %s, log %s", GL_VERSION, plat_log_path()[0] ? plat_log_path() : "stderr");
        if (a->kiosk_defaults)
            kiosk_log(a, "no kiosk.ini: every default applies, the published exit PIN too (docs/kiosk.md)");
        a->last_input_ms = now_ms(a);
        a->logged_screen = UI_SCREEN_TITLE;
        a->logged_card = -1;
        kiosk_to_attract(a);
    }
    return true;
}

/* The reckoning's re-runs belong to one game: gone with it. */
static void drop_reckoning(App *a)
{
    game_reckon_destroy(a->reckoning);
    a->reckoning = NULL;
    game_shapley_destroy(a->shapley);
    a->shapley = NULL;
}

static void app_fini(App *a)
{
    if (a->kiosk)
        plat_log_close();
    if (a->input_fd > 0)
        close(a->input_fd);
    drop_reckoning(a);
    app_sources_free(&a->sources);
    game_destroy(a->game);
    script_host_destroy(a->texts);
    render_map_destroy(a->view);
    map_destroy(a->map);
    render_destroy(a->rc);
    if (a->ren)
        SDL_DestroyRenderer(a->ren);
    if (a->win)
        SDL_DestroyWindow(a->win);
    IMG_Quit();
    TTF_Quit();
    SDL_Quit();
}

/* ==== Month by month ==== */

static const char *text(App *a, const char *key) { return script_text(a->texts, a->settings.lang, key); }

/* What happened in the month just simulated, for the notifications. */
static void gather_notifications(App *a)
{
    const CoreState *s = game_state(a->game);
    int month = s->month - 1;
    ui_notify_clear(&a->ui);
    char key[160], line[256];
    for (int i = 0; i < s->decision_count; i++) {
        const CoreDecision *d = &s->decisions[i];
        if (d->month != month)
            continue;
        snprintf(key, sizeof key, "event.%s.title", d->event);
        char title[160];
        snprintf(title, sizeof title, "%s", text(a, key));
        snprintf(key, sizeof key, "event.%s.option.%s", d->event, d->option);
        snprintf(line, sizeof line, "%s%s%s", title, text(a, "ui.colon"), text(a, key));
        ui_notify(&a->ui, line);
    }
    int first = s->effect_count > CORE_EFFECT_LOG_CAP ? s->effect_count - CORE_EFFECT_LOG_CAP : 0;
    for (int i = first; i < s->effect_count; i++) {
        const CoreEffectEntry *e = &s->effects[i % CORE_EFFECT_LOG_CAP];
        if (e->month != month || (e->kind != CORE_CMD_POLICY_ENACT && e->kind != CORE_CMD_POLICY_REPEAL))
            continue;
        snprintf(key, sizeof key, "policy.%s.name", s->policies[e->target].id);
        char name[160];
        snprintf(name, sizeof name, "%s", text(a, key));
        snprintf(line, sizeof line, "%s%s%s",
                 text(a, e->kind == CORE_CMD_POLICY_ENACT ? "effect.enact" : "effect.repeal"), text(a, "ui.word_space"),
                 name);
        ui_notify(&a->ui, line);
    }
    for (int i = 0; i < game_notice_count(a->game); i++) {
        const ScriptNotice *n = game_notice_at(a->game, i);
        ui_notify(&a->ui, text(a, n->key));
    }
}

static bool game_over(const CoreState *s) { return s->month > core_month_index(s, 1962, 12); }
static void open_reckoning(App *a);

static void advance_month(App *a)
{
    char err[256];
    if (!game_advance(a->game, err, sizeof err)) {
        app_error(a, "%s", err);
        a->paused = true;
        return;
    }
    gather_notifications(a);
    const CoreState *s = game_state(a->game);
    if (a->kiosk) { /* a visitor's run is not saved; its end is the reckoning */
        if (game_over(s))
            open_reckoning(a);
        return;
    }
    if (core_state_month_of_year(s) == 1) { /* a year has ended: autosave */
        if (!app_save_write(s, 0, a->historical, game_scenario(a->game)->id, err, sizeof err))
            app_error(a, "%s: %s", text(a, "ui.autosave_failed"), err);
    }
    if (game_over(s)) {
        a->ui.screen = UI_SCREEN_END;
        a->ui.overlay = UI_OVERLAY_NONE;
    }
}

/* Takes history's option for every pending event (screenshots, tests). */
static void resolve_historically(App *a)
{
    while (game_pending_count(a->game) > 0) {
        const ScriptDue *d = game_pending_at(a->game, 0);
        const ScriptEventInfo *e = script_event_at(game_host(a->game), d->event);
        game_choose(a->game, 0, e->historical_option >= 0 ? e->historical_option : e->default_option);
    }
}

/* ==== Actions ==== */

/* The reckoning: the run against history, and the re-runs that show what
 * each decision changed (computed a campaign at a time while it is shown). */
static void open_reckoning(App *a)
{
    if (!a->game)
        return;
    if (!a->reckoning) {
        GameDesc d = game_desc(a, a->historical);
        a->reckoning = game_reckon_create(&d, game_state(a->game), a->historical);
    }
    if (!a->shapley && !a->kiosk) {
        GameDesc d = game_desc(a, true);
        a->shapley = game_shapley_create(&d);
    }
    a->paused = true;
    a->ui.overlay = UI_OVERLAY_NONE;
    a->ui.screen = UI_SCREEN_RECKONING;
}

static void start_game(App *a, bool historical)
{
    char err[512];
    game_destroy(a->game);
    drop_reckoning(a);
    GameDesc d = game_desc(a, historical);
    a->game = game_create(&d, err, sizeof err);
    if (!a->game) {
        app_error(a, "%s", err);
        a->ui.screen = UI_SCREEN_TITLE;
        return;
    }
    a->historical = historical;
    a->paused = false;
    a->month_acc_ms = 0;
    int mode = a->ui.mode;
    ui_state_init(&a->ui);
    a->ui.mode = (UiMapMode)mode;
    a->ui.screen = UI_SCREEN_GAME;
    render_map_fit(a->view);
}

static void load_game(App *a, int slot)
{
    char err[512];
    AppSaveMeta meta;
    CoreState *s = app_save_read(slot, &meta, err, sizeof err);
    if (!s) {
        /* In the player's language, with the technical detail for a bug report. */
        app_error(a, "%s (%s)", text(a, app_save_status_key(meta.status)), err);
        return;
    }
    GameDesc d = game_desc(a, meta.historical);
    Game *g = game_restore(&d, s, err, sizeof err);
    if (!g) {
        app_error(a, "%s", err);
        return;
    }
    game_destroy(a->game);
    drop_reckoning(a);
    a->game = g;
    a->historical = meta.historical;
    a->paused = true;
    ui_state_init(&a->ui);
    a->ui.screen = game_over(game_state(g)) ? UI_SCREEN_END : UI_SCREEN_GAME;
    ui_notify(&a->ui, text(a, "ui.loaded"));
}

static void screenshot_path(char *out, size_t cap)
{
    char dir[PLAT_PATH_MAX], shots[PLAT_PATH_MAX], name[64];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(name, sizeof name, "greatleap-%Y%m%d-%H%M%S.png", &tm);
    if (plat_user_dir(dir, sizeof dir, "XDG_DATA_HOME", ".local/share") &&
        plat_path_join(shots, sizeof shots, dir, "screenshots") && plat_mkdir_p(shots))
        plat_path_join(out, cap, shots, name);
    else
        snprintf(out, cap, "%s", name);
}

static void save_settings(App *a)
{
    char err[256];
    if (!app_settings_save(&a->settings, err, sizeof err))
        fprintf(stderr, "greatleap: settings not saved: %s\n", err);
}

/* Hot reload (F5, the console's "reload", or an edit seen by --dev): the
 * scripts are read again into fresh hosts while the game's state stays as
 * it is. If the edit is broken, its errors are shown and the last good
 * version goes on running. */
static void reload_scripts(App *a)
{
    char err[1024] = "";
    int errors_before = a->ui.console.count;
    ScriptHost *texts = load_texts(a, err, sizeof err);
    bool clean = texts && script_error_count(texts) == 0;
    if (clean && a->game && !game_reload_scripts(a->game, err, sizeof err))
        clean = false;
    if (!clean) {
        script_host_destroy(texts);
        if (!err[0] && a->ui.console.count > errors_before) /* the first error the host reported */
            snprintf(err, sizeof err, "%s", a->ui.error);
        app_error(a, "%s %s", text(a, "ui.console.reload_failed"), err);
        ui_console_print(&a->ui.console, UI_CONSOLE_ERROR, a->ui.error);
        return;
    }
    script_host_destroy(a->texts);
    a->texts = texts;
    a->ui.error[0] = '\0';
    ui_console_print(&a->ui.console, UI_CONSOLE_INFO, text(a, "ui.console.reloaded"));
    ui_notify(&a->ui, text(a, "ui.console.reloaded"));
}

static void apply(App *a, const UiAction *x, bool *want_screenshot)
{
    char err[512];
    if (a->kiosk && !ui_kiosk_allows_action(x->kind)) { /* saving, settings, leaving: for staff only */
        kiosk_log(a, "refused a visitor's action %d", (int)x->kind);
        return;
    }
    switch (x->kind) {
    case UI_ACT_NONE: break;
    case UI_ACT_NEW_GAME: start_game(a, x->a == 1); break;
    case UI_ACT_CHOOSE:
        if (a->game && x->a < game_pending_count(a->game)) {
            const ScriptEventInfo *e = script_event_at(game_host(a->game), game_pending_at(a->game, x->a)->event);
            if (e && x->b >= 0 && x->b < e->option_count)
                kiosk_log(a, "chose %s %s (touch)", e->id, e->options[x->b].id);
            game_choose(a->game, x->a, x->b);
        }
        break;
    case UI_ACT_POLICY:
        if (a->game && !game_set_policy(a->game, x->text, x->a == 1))
            app_error(a, "unknown policy %s", x->text);
        else if (a->game)
            ui_notify(&a->ui, text(a, x->a ? "ui.policy_next_month" : "ui.repeal_next_month"));
        break;
    case UI_ACT_SET_SPEED:
        a->settings.speed = x->a;
        a->paused = false;
        save_settings(a);
        break;
    case UI_ACT_TOGGLE_PAUSE: a->paused = !a->paused; break;
    case UI_ACT_RELOAD_SCRIPTS: reload_scripts(a); break;
    case UI_ACT_CONSOLE:
        if (app_console_run(&a->ui.console, a->game, a->texts, a->settings.lang, x->text) == CONSOLE_RELOAD)
            reload_scripts(a);
        break;
    case UI_ACT_SAVE:
        if (a->game && app_save_write(game_state(a->game), x->a, a->historical, game_scenario(a->game)->id, err,
                                      sizeof err)) {
            ui_notify(&a->ui, text(a, "ui.saved"));
            a->slots_fresh = false;
            a->ui.overlay = UI_OVERLAY_NONE;
        } else if (a->game) {
            app_error(a, "%s: %s", text(a, "ui.save_failed"), err);
        }
        break;
    case UI_ACT_LOAD: load_game(a, x->a); break;
    case UI_ACT_RECKONING: open_reckoning(a); break;
    case UI_ACT_KIOSK_BEGIN:
        a->ui.screen = UI_SCREEN_INTRO;
        a->ui.intro_historical = true;
        break;
    case UI_ACT_KIOSK_FINISH: kiosk_to_attract(a); break;
    case UI_ACT_PIN:
        /* Staff only: the right PIN leaves the kiosk with status 0. */
        if (a->kiosk && strcmp(x->text, a->kcfg.exit_pin) == 0) {
            kiosk_log(a, "leaving: staff PIN");
            a->quit = true;
        } else {
            kiosk_log(a, "wrong PIN");
        }
        a->ui.overlay = UI_OVERLAY_NONE;
        break;
    case UI_ACT_QUIT: a->quit = true; break;
    case UI_ACT_QUIT_TO_TITLE:
        game_destroy(a->game);
        a->game = NULL;
        drop_reckoning(a);
        ui_state_init(&a->ui);
        break;
    case UI_ACT_SET_LANGUAGE:
        a->settings.lang = x->a == SCRIPT_LANG_ZH ? SCRIPT_LANG_ZH : SCRIPT_LANG_EN;
        if (!a->kiosk) /* a visitor's choice lasts for the visit */
            save_settings(a);
        break;
    case UI_ACT_SET_FULLSCREEN:
        a->settings.fullscreen = x->a != 0;
        SDL_SetWindowFullscreen(a->win, a->settings.fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
        save_settings(a);
        break;
    case UI_ACT_SET_UI_SCALE: {
        a->settings.ui_scale_percent = x->a;
        int w, h;
        SDL_GetWindowSize(a->win, &w, &h);
        render_resize(a->rc, w, h, x->a / 100.0f);
        save_settings(a);
        break;
    }
    case UI_ACT_SCREENSHOT: *want_screenshot = true; break;
    }
}

/* ==== Frames ==== */

static void fill_model(App *a, UiModel *m)
{
    *m = (UiModel){a->texts, a->settings.lang, a->game, a->map, a->view, a->paused, a->settings.speed,
                   a->historical, a->settings.fullscreen, a->settings.ui_scale_percent, {{0}}, a->data, GL_VERSION,
                   a->sources.work_count ? &a->sources : NULL, a->record.count ? &a->record : NULL, a->provenance,
                   a->provenance_count, a->reckoning, a->kiosk, card_seconds_left(a), a->shapley};
    /* The slot list is read from disk when the save or load window opens
     * (and after each save), not on every frame it is shown. */
    bool slots_shown = a->ui.overlay == UI_OVERLAY_SAVE || a->ui.overlay == UI_OVERLAY_LOAD;
    if (slots_shown && !a->slots_fresh)
        for (int i = 0; i <= UI_SAVE_SLOTS; i++) {
            AppSaveMeta meta;
            app_save_meta(i, &meta);
            a->slots[i] = (UiSlot){meta.exists, meta.damaged, meta.year, meta.month, meta.historical, ""};
            snprintf(a->slots[i].saved_at, sizeof a->slots[i].saved_at, "%s", meta.saved_at);
        }
    a->slots_fresh = slots_shown;
    memcpy(m->slots, a->slots, sizeof m->slots);
}

static void draw(App *a, const UiInput *in, UiActions *acts)
{
    UiModel model;
    fill_model(a, &model);
    ui_frame(&a->ui, a->rc, &model, in, acts);
}

/* Window coordinates (points) to the interface's logical pixels. */
static void to_logical(App *a, float *x, float *y)
{
    int ww, wh, ow, oh;
    SDL_GetWindowSize(a->win, &ww, &wh);
    SDL_GetRendererOutputSize(a->ren, &ow, &oh);
    float k = (ww > 0 ? (float)ow / (float)ww : 1.0f) / render_scale(a->rc);
    *x *= k;
    *y *= k;
}

/* A touch, in the window's normalised coordinates, as a mouse event: the
 * interface needs nothing that hover or a right click would give. */
static void touch(App *a, const SDL_TouchFingerEvent *f, Uint32 type, UiInput *in)
{
    int w, h;
    SDL_GetWindowSize(a->win, &w, &h);
    in->mouse_x = f->x * (float)w;
    in->mouse_y = f->y * (float)h;
    to_logical(a, &in->mouse_x, &in->mouse_y);
    in->mouse_in_window = true;
    if (type == SDL_FINGERDOWN) {
        in->mouse_down = in->mouse_pressed = true;
    } else if (type == SDL_FINGERUP) {
        in->mouse_down = false;
        in->mouse_released = true;
    }
}

static void collect(App *a, const SDL_Event *e, UiInput *in)
{
    if (e->type == SDL_KEYDOWN || e->type == SDL_MOUSEBUTTONDOWN || e->type == SDL_FINGERDOWN ||
        e->type == SDL_MOUSEWHEEL || e->type == SDL_MULTIGESTURE)
        a->last_input_ms = now_ms(a);
    switch (e->type) {
    case SDL_QUIT:
        /* A kiosk does not close (Alt+F4, the window manager): staff leave
         * with the chord and the PIN, or SIGTERM. */
        if (a->kiosk)
            break;
        /* Quitting a running game asks first; a second request quits. */
        if (a->game && a->ui.screen == UI_SCREEN_GAME && a->ui.overlay != UI_OVERLAY_CONFIRM_QUIT)
            a->ui.overlay = UI_OVERLAY_CONFIRM_QUIT;
        else
            a->quit = true;
        break;
    case SDL_MOUSEMOTION:
        in->mouse_x = (float)e->motion.x;
        in->mouse_y = (float)e->motion.y;
        to_logical(a, &in->mouse_x, &in->mouse_y);
        in->mouse_in_window = true;
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.button != SDL_BUTTON_LEFT)
            break;
        in->mouse_x = (float)e->button.x;
        in->mouse_y = (float)e->button.y;
        to_logical(a, &in->mouse_x, &in->mouse_y);
        in->mouse_in_window = true;
        if (e->type == SDL_MOUSEBUTTONDOWN) {
            in->mouse_down = in->mouse_pressed = true;
        } else {
            in->mouse_down = false;
            in->mouse_released = true;
        }
        break;
    case SDL_MOUSEWHEEL: in->wheel += e->wheel.preciseY; break;
    case SDL_TEXTINPUT: /* for the console */
        if (strlen(in->text) + strlen(e->text.text) < sizeof in->text)
            strcat(in->text, e->text.text);
        break;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION: touch(a, &e->tfinger, e->type, in); break;
    case SDL_MULTIGESTURE: /* a pinch zooms the map around its centre */
        if (e->mgesture.numFingers == 2) {
            SDL_TouchFingerEvent centre = {.x = e->mgesture.x, .y = e->mgesture.y};
            touch(a, &centre, SDL_FINGERMOTION, in);
            in->wheel += e->mgesture.dDist * 25.0f;
        }
        break;
    case SDL_KEYDOWN:
        if (a->kiosk && kiosk_chord_matches(a->kcfg.exit_chord, e->key.keysym.mod, e->key.keysym.sym)) {
            if (!a->kcfg.exit_pin[0]) {
                kiosk_log(a, "leaving: staff chord");
                a->quit = true;
            } else {
                kiosk_log(a, "PIN pad opened");
                a->ui.overlay = UI_OVERLAY_PIN;
                a->ui.pin[0] = '\0';
            }
            break;
        }
        if (in->key_count < UI_MAX_KEYS)
            in->keys[in->key_count++] = e->key.keysym.sym;
        break;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET: render_map_invalidate(a->view); break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_LEAVE)
            in->mouse_in_window = false;
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e->window.event == SDL_WINDOWEVENT_RESIZED) {
            int w, h;
            SDL_GetWindowSize(a->win, &w, &h);
            render_resize(a->rc, w, h, a->settings.ui_scale_percent / 100.0f);
        }
        break;
    default: break;
    }
}

static double month_length_ms(const App *a)
{
    return a->kiosk ? a->kcfg.month_ms : month_ms[a->settings.speed];
}

static bool time_runs(const App *a)
{
    return a->game && a->ui.screen == UI_SCREEN_GAME && !a->paused && a->ui.overlay == UI_OVERLAY_NONE &&
           !a->ui.console.open && game_pending_count(a->game) == 0;
}

/* ==== The kiosk ==== */

static bool is_key_event(const App *a, const char *id)
{
    for (int i = 0; i < a->kcfg.key_event_count; i++)
        if (strcmp(a->kcfg.key_events[i], id) == 0)
            return true;
    return false;
}

/* Back to the attract loop, with a fresh historical game replaying itself. */
static void kiosk_to_attract(App *a)
{
    char err[512];
    game_destroy(a->game);
    drop_reckoning(a);
    GameDesc d = game_desc(a, true);
    d.chooser = GAME_CHOOSE_HISTORY;
    a->game = game_create(&d, err, sizeof err);
    if (!a->game)
        fprintf(stderr, "greatleap: kiosk: %s\n", err);
    ui_state_init(&a->ui);
    a->ui.screen = UI_SCREEN_ATTRACT;
    a->ui.mode = UI_MODE_DEATH_RATE;
    a->ui.true_figures = true; /* the attract loop shows what really happened */
    a->settings.lang = a->kcfg.language;
    a->historical = true;
    a->paused = false;
    a->attract_acc_ms = 0;
    a->card_event = -1;
    a->script_failed = false;
    render_map_fit(a->view);
#ifdef __GLIBC__
    /* A visitor's game and its reckoning's re-runs are gone: hand the pages
     * they used back to the system, so that months of visitors do not leave
     * the kiosk's resident memory at the highest any session ever needed. */
    malloc_trim(0);
#endif
}

/* Only the decisions that mattered most wait for a visitor; history takes
 * the others at once, before their cards are ever drawn. */
static bool kiosk_autoresolve(App *a)
{
    bool changed = false;
    for (int i = 0; a->game && i < game_pending_count(a->game);) {
        const ScriptDue *d = game_pending_at(a->game, i);
        const ScriptEventInfo *e = script_event_at(game_host(a->game), d->event);
        if (e && (!is_key_event(a, e->id) || d->province >= 0)) {
            game_choose(a->game, i, e->historical_option >= 0 ? e->historical_option : e->default_option);
            changed = true;
        } else {
            i++;
        }
    }
    return changed;
}

/* The kiosk's clocks: the attract loop's months, visitors who walk away,
 * cards nobody answers, the events a visitor is not asked about, the end
 * of a session, a script that failed. Returns true if the screen changed. */
static bool kiosk_update(App *a, double now, double dt)
{
    if (a->script_failed) {
        kiosk_log(a, "a script failed (its mod is disabled): back to the attract loop");
        kiosk_to_attract(a);
        return true;
    }
    if (!a->game) {
        kiosk_to_attract(a);
        return true;
    }
    UiScreen screen = a->ui.screen;
    if (screen == UI_SCREEN_ATTRACT) {
        a->attract_acc_ms += dt;
        if (a->attract_acc_ms < a->kcfg.attract_month_ms)
            return false;
        a->attract_acc_ms = 0;
        char err[256];
        if (game_over(game_state(a->game)) || !game_advance(a->game, err, sizeof err))
            kiosk_to_attract(a); /* the end of 1962: history starts again */
        return true;
    }
    /* Watching the months go by is not idleness: only time spent waiting
     * for the visitor (a card, the intro, the reckoning) counts. */
    if (time_runs(a))
        a->last_input_ms = now;
    double idle = screen == UI_SCREEN_GAME ? a->kcfg.session_idle_seconds : a->kcfg.idle_seconds;
    if (now - a->last_input_ms > idle * 1000.0) {
        kiosk_log(a, "idle for %.0f s: back to the attract loop", idle);
        kiosk_to_attract(a);
        return true;
    }
    if (screen != UI_SCREEN_GAME)
        return false;
    bool changed = kiosk_autoresolve(a);
    if (game_pending_count(a->game) > 0) {
        const ScriptDue *d = game_pending_at(a->game, 0);
        if (a->card_event != d->event) {
            a->card_event = d->event;
            a->card_since_ms = now;
        } else if (now - a->card_since_ms > a->kcfg.event_timeout_seconds * 1000.0) {
            const ScriptEventInfo *e = script_event_at(game_host(a->game), d->event);
            if (e)
                kiosk_log(a, "chose %s %s (timeout)", e->id, e->options[e->default_option].id);
            game_choose(a->game, 0, e ? e->default_option : 0);
            a->card_event = -1;
        }
        changed = true; /* the countdown */
    } else {
        a->card_event = -1;
    }
    return changed;
}

static int card_seconds_left(const App *a)
{
    if (!a->kiosk || a->card_event < 0)
        return -1;
    double left = a->kcfg.event_timeout_seconds - (now_ms(a) - a->card_since_ms) / 1000.0;
    return left > 0 ? (int)ceil(left) : 0;
}

/* --kiosk-input: "tap X Y" (logical pixels) becomes a finger down and up,
 * "key SPEC" (like "escape" or "ctrl+alt+shift+q") a key press; both are
 * pushed into SDL's queue, the path real touches and keys take. */
static void push_tap(float x, float y);

static void input_command(App *a, const char *line)
{
    float x, y;
    char spec[64];
    if (sscanf(line, "tap %f %f", &x, &y) == 2) {
        push_tap(x / render_width(a->rc), y / render_height(a->rc));
    } else if (sscanf(line, "key %63s", spec) == 1) {
        SDL_Event e = {0};
        int key, mod;
        if (!kiosk_parse_key(spec, &key, &mod))
            return;
        e.type = SDL_KEYDOWN;
        e.key.keysym.sym = key;
        e.key.keysym.mod = (Uint16)mod;
        SDL_PushEvent(&e);
        e.type = SDL_KEYUP;
        SDL_PushEvent(&e);
    }
}

static void read_input(App *a)
{
    if (a->input_fd < 0)
        return;
    char buf[256];
    ssize_t n;
    while ((n = read(a->input_fd, buf, sizeof buf)) > 0)
        for (ssize_t i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                a->input_line[a->input_used] = '\0';
                input_command(a, a->input_line);
                a->input_used = 0;
            } else if (a->input_used + 1 < sizeof a->input_line) {
                a->input_line[a->input_used++] = buf[i];
            }
        }
    if (n == 0) { /* the writer is gone */
        close(a->input_fd);
        a->input_fd = -1;
    }
}

/* Logs the kiosk's screens and cards as they change, with where their
 * touch targets are. */
static void log_changes(App *a)
{
    if (!a->kiosk)
        return;
    static const char *const names[] = {"title", "intro", "game", "end", "reckoning", "attract"};
    /* The screen the frame drew, so its targets are the ones recorded. */
    UiScreen drawn = a->ui.drawn_screen;
    if (drawn != a->logged_screen) {
        a->logged_screen = drawn;
        const RenderRect *p = &a->ui.primary;
        if (p->w > 0)
            kiosk_log(a, "screen %s primary %.0f %.0f %.0f %.0f", names[drawn], p->x, p->y, p->w, p->h);
        else
            kiosk_log(a, "screen %s", names[drawn]);
    }
    int card = a->game && a->ui.screen == UI_SCREEN_GAME && game_pending_count(a->game) > 0
                   ? game_pending_at(a->game, 0)->event
                   : -1;
    if (card >= 0 && card != a->logged_card && a->ui.card_option_count > 0) {
        a->logged_card = card;
        char line[512];
        size_t used = (size_t)snprintf(line, sizeof line, "card %s options",
                                       script_event_at(game_host(a->game), card)->id);
        for (int i = 0; i < a->ui.card_option_count && used < sizeof line; i++) {
            const RenderRect *r = &a->ui.card_options[i];
            used += (size_t)snprintf(line + used, sizeof line - used, "%s %.0f %.0f %.0f %.0f", i ? ";" : "", r->x,
                                     r->y, r->w, r->h);
        }
        kiosk_log(a, "%s", line);
    } else if (card < 0) {
        a->logged_card = -1;
    }
}

/* ==== The loop ==== */

static bool shapley_running(const App *a)
{
    return a->shapley && a->ui.screen == UI_SCREEN_RECKONING && a->ui.reckoning_tab == 3 &&
           !game_shapley_done(a->shapley) && !game_shapley_error(a->shapley)[0];
}

/* What happens without input: months passing, the reckoning's re-runs, the
 * kiosk's clocks. Returns true if the screen changed. */
static bool tick(App *a, double now, double dt)
{
    bool changed = false;
    if (a->kiosk)
        changed |= kiosk_update(a, now, dt);
    /* The reckoning's re-runs: one campaign between frames while it is on
     * screen, so the progress bar moves and the window stays live. */
    if (a->reckoning && a->ui.screen == UI_SCREEN_RECKONING && game_reckon_progress(a->reckoning) < 1.0 &&
        !game_reckon_error(a->reckoning)[0]) {
        game_reckon_step(a->reckoning);
        changed = true;
    }
    /* "What mattered": campaigns for up to 30 ms between frames while its tab is shown. */
    if (shapley_running(a)) {
        double t0 = plat_now_ms();
        while (game_shapley_step(a->shapley) && plat_now_ms() - t0 < 30)
            ;
        changed = true;
    }
    if (a->dev && now >= a->next_watch_ms) { /* --dev: an edited script is reloaded */
        a->next_watch_ms = now + 1000;
        uint64_t fp = scripts_fingerprint(a);
        if (fp != a->scripts_fingerprint) {
            a->scripts_fingerprint = fp;
            reload_scripts(a);
            changed = true;
        }
    }
    if (time_runs(a)) {
        a->month_acc_ms += dt;
        if (a->month_acc_ms >= month_length_ms(a)) {
            a->month_acc_ms = 0;
            advance_month(a);
            if (a->kiosk && a->ui.screen == UI_SCREEN_GAME)
                kiosk_autoresolve(a);
            changed = true;
        }
    } else {
        a->month_acc_ms = 0;
    }
    return changed;
}

/* Draws a frame, applies the player's actions, and takes an F12 screenshot.
 * Returns true if another frame is needed at once. */
static bool frame(App *a, UiInput *in)
{
    UiActions acts;
    draw(a, in, &acts);
    render_present(a->rc);
    log_changes(a); /* what this frame showed, before the actions change it */
    /* A click or key may have opened or changed something mid-frame: draw
     * once more so the screen never shows a stale half. */
    bool again = in->mouse_pressed || in->mouse_released || in->key_count > 0 || in->text[0];
    bool shot = false;
    for (int i = 0; i < acts.count; i++) {
        apply(a, &acts.items[i], &shot);
        again = true;
    }
    if (shot) {
        char path[PLAT_PATH_MAX], err[256];
        screenshot_path(path, sizeof path);
        UiActions ignored;
        UiInput none = *in;
        none.mouse_pressed = none.mouse_released = false;
        none.key_count = 0;
        draw(a, &none, &ignored);
        if (render_screenshot(a->rc, path, err, sizeof err)) {
            char line[PLAT_PATH_MAX + 64];
            snprintf(line, sizeof line, "%s %s", text(a, "ui.screenshot_saved"), path);
            ui_notify(&a->ui, line);
        } else {
            app_error(a, "%s", err);
        }
    }
    /* A click was consumed: the next frame draws the result. */
    in->mouse_pressed = in->mouse_released = false;
    in->wheel = 0;
    in->key_count = 0;
    in->text[0] = '\0';
    return again;
}

static int run_window(App *a)
{
    UiInput in = {0};
    bool dirty = true;
    double last = plat_now_ms();
    while (!a->quit && !term_requested) {
        /* Sleep until an event, or until the next month is due; a kiosk
         * wakes four times a second for its clocks. */
        SDL_Event e;
        int timeout = -1;
        if (time_runs(a))
            timeout = (int)fmax(1.0, month_length_ms(a) - a->month_acc_ms);
        if ((a->kiosk || a->dev) && (timeout < 0 || timeout > 250))
            timeout = 250; /* a kiosk's clocks; --dev's look at the files */
        if ((a->reckoning && a->ui.screen == UI_SCREEN_RECKONING && game_reckon_progress(a->reckoning) < 1.0) ||
            shapley_running(a))
            timeout = 0;
        bool got = !dirty && (timeout < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, timeout));
        if (got) {
            collect(a, &e, &in);
            dirty = true;
        }
        while (SDL_PollEvent(&e)) {
            collect(a, &e, &in);
            dirty = true;
        }
        read_input(a);
        double now = plat_now_ms();
        dirty |= tick(a, now, now - last);
        last = now;
        if (dirty)
            dirty = frame(a, &in);
    }
    if (term_requested)
        kiosk_log(a, "leaving: SIGTERM");
    return a->status;
}

/* Bytes the program has allocated and not freed, in KiB (-1 if unknown):
 * unlike resident memory, this does not depend on what the allocator keeps. */
static long heap_in_use_kb(void)
{
#ifdef __GLIBC__
    struct mallinfo2 mi = mallinfo2();
    return (long)((mi.uordblks + mi.hblkhd) / 1024);
#else
    return -1;
#endif
}

static long resident_kb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = 0, rss = 0;
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
            rss = 0;
        fclose(f);
    }
    return rss * 4; /* 4 KiB pages */
}

static void push_tap(float x, float y)
{
    SDL_Event e = {0};
    e.type = SDL_FINGERDOWN;
    e.tfinger.x = x;
    e.tfinger.y = y;
    e.tfinger.fingerId = 1;
    SDL_PushEvent(&e);
    e.type = SDL_FINGERUP;
    SDL_PushEvent(&e);
}

/* Where a purposeful visitor taps (logical pixels): the screen's main
 * action (Begin, Finish) or a card's first option, as the last frame drew
 * them. */
static bool soak_target(const App *a, float *x, float *y)
{
    const RenderRect *r = a->ui.primary.w > 0 ? &a->ui.primary
                          : a->ui.card_option_count > 0 ? &a->ui.card_options[0] : NULL;
    if (!r)
        return false;
    *x = r->x + r->w / 2;
    *y = r->y + r->h / 2;
    return true;
}

/* Lua memory of every mod in a host, in bytes. */
static size_t host_lua_bytes(const ScriptHost *h)
{
    size_t n = 0;
    for (int i = 0; h && i < script_mod_count(h); i++)
        n += script_mod_memory(h, i);
    return n;
}

/* The kiosk log's files (kiosk.log and its rotated copies): how many, and
 * their bytes in all. */
static int log_files(long *bytes)
{
    int n = 0;
    *bytes = 0;
    const char *path = plat_log_path();
    for (int i = 0; path[0] && i < 100; i++) {
        char name[PLAT_PATH_MAX + 16];
        struct stat st;
        snprintf(name, sizeof name, i ? "%s.%d" : "%s", path, i);
        if (stat(name, &st) == 0) {
            n++;
            *bytes += (long)st.st_size;
        }
    }
    return n;
}

/* One soak line: resident memory, the heap in use, and the parts that are
 * allowed to grow to a bound (the text cache, the Lua heaps), so a rise
 * can be told apart from a leak. */
static void soak_report(App *a, const char *what)
{
    size_t lua = host_lua_bytes(a->texts) + (a->game ? host_lua_bytes(game_host(a->game)) : 0);
    long log_bytes;
    int logs = log_files(&log_bytes);
    printf("soak: %s, resident %ld KiB, heap in use %ld KiB (text cache %d entries %zu KiB, %d font sizes, Lua %zu "
           "KiB; log %d files %ld KiB)\n",
           what, resident_kb(), heap_in_use_kb(), render_text_cache_size(a->rc), render_text_cache_bytes(a->rc) / 1024,
           render_font_sizes_open(a->rc), lua / 1024, logs, log_bytes / 1024);
    fflush(stdout);
}

/* --soak N: the kiosk run offscreen on a virtual clock, for N visitor
 * sessions, with synthetic touches (pushed as SDL finger events, so they
 * take the same path as a real touch screen's). A visitor taps somewhere
 * every few seconds and sometimes walks away. soak_report prints the
 * memory at the start, every hundred sessions, at each new high of the
 * heap and at the end. */
static int run_soak(App *a, int sessions)
{
    UiInput in = {0};
    uint64_t rng = 0x9E3779B97F4A7C15ULL;
    int frames = 0, started = 0;
    long high_kb = 0; /* the heap in use's high mark, KiB */
    const double step = 100; /* virtual milliseconds per iteration */
    double begun = plat_now_ms(), tick_ms = 0, draw_ms = 0; /* where the wall time goes */
    int drawn = 0;
    soak_report(a, "start");
    UiScreen was = a->ui.screen;
    while (started < sessions && !term_requested) {
        a->clock_ms += step;
        rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
        /* A visitor taps about every 2 s, anywhere, and now and then on the
         * way on (Begin, the first option, Finish); one session in five
         * walks away (no taps: the idle timeout sends the kiosk back). */
        bool away = started % 5 == 4 && a->ui.screen == UI_SCREEN_GAME;
        if (!away && rng % 20 == 0) {
            float lw = render_width(a->rc), lh = render_height(a->rc), x, y;
            if (rng % 3 == 0 && soak_target(a, &x, &y))
                push_tap(x / lw, y / lh);
            else
                push_tap((float)((rng >> 8) % 1000) / 1000.0f, (float)((rng >> 20) % 1000) / 1000.0f);
        }
        SDL_Event e;
        while (SDL_PollEvent(&e))
            collect(a, &e, &in);
        double t0 = plat_now_ms();
        tick(a, a->clock_ms, step);
        double t1 = plat_now_ms();
        tick_ms += t1 - t0;
        if (frames++ % 16 == 0 || in.mouse_released) { /* every sixteenth frame is drawn, and every tap */
            frame(a, &in);
            draw_ms += plat_now_ms() - t1;
            drawn++;
        } else
            in.mouse_pressed = in.mouse_released = false, in.wheel = 0, in.key_count = 0;
        if (a->ui.screen == UI_SCREEN_INTRO && was != UI_SCREEN_INTRO) {
            /* Every hundred sessions, and whenever the heap in use passes
             * its high mark by 1 MiB, so a rise is pinned to its session. */
            long heap = heap_in_use_kb();
            bool high = started >= 10 && heap > high_kb + 1024;
            high_kb = heap > high_kb ? heap : high_kb;
            if (++started % 100 == 0 || high) {
                char what[48];
                snprintf(what, sizeof what, "%d sessions%s", started, high ? " (new high)" : "");
                soak_report(a, what);
            }
        }
        was = a->ui.screen;
    }
    char what[192];
    double wall = plat_now_ms() - begun;
    snprintf(what, sizeof what,
             "end after %d sessions and %d frames (%.1f virtual hours) in %.0f s: %.0f%% simulating, %.0f%% drawing "
             "%d frames",
             started, frames, a->clock_ms / 3.6e6, wall / 1000, 100 * tick_ms / wall, 100 * draw_ms / wall, drawn);
    soak_report(a, what);
    return 0;
}

/* ==== Screenshots ==== */

/* Sets up the scene that --screen, --at and --map-mode describe (history's
 * choices up to the month). Returns 0, or an exit status on bad options. */
static int setup_scene(App *a)
{
    const AppOptions *o = a->opt;
    const char *screen = o->screen ? o->screen : (o->has_at || o->map_mode ? "map" : "title");
    if (o->map_mode) {
        UiMapMode m = ui_mode_find(o->map_mode);
        if (m == UI_MODE_COUNT) {
            fprintf(stderr, "greatleap: --map-mode: unknown mode '%s'\n", o->map_mode);
            return 2;
        }
        a->ui.mode = m;
    }
    bool before_game = strcmp(screen, "title") == 0 || strcmp(screen, "intro") == 0 ||
                       strcmp(screen, "settings") == 0 || strcmp(screen, "sources") == 0;
    if (strcmp(screen, "attract") == 0) {
        /* The attract loop at a month: history replayed that far. */
        kiosk_to_attract(a);
        int target = o->has_at ? core_month_index(game_state(a->game), o->at_year, o->at_month) : 30;
        char err[256];
        while (a->game && game_state(a->game)->month < target && game_advance(a->game, err, sizeof err))
            ;
        return 0;
    }
    if (strcmp(screen, "intro") == 0) {
        a->ui.screen = UI_SCREEN_INTRO;
        a->ui.intro_historical = true;
    }
    if (!before_game) {
        start_game(a, true);
        if (!a->game) {
            fprintf(stderr, "greatleap: %s\n", a->ui.error);
            return 1;
        }
        a->ui.mode = o->map_mode ? ui_mode_find(o->map_mode) : a->ui.mode;
        int year = o->has_at ? o->at_year : 1960, month = o->has_at ? o->at_month : 6;
        const CoreState *s = game_state(a->game);
        int target = core_month_index(s, year, month);
        if (strcmp(screen, "end") == 0 || strncmp(screen, "reckoning", 9) == 0)
            target = core_month_index(s, 1963, 1);
        if (target < 0 || target > core_month_index(s, 1963, 1)) {
            fprintf(stderr, "greatleap: --at %d-%02d is outside the game (1958-01 to 1962-12)\n", year, month);
            return 2;
        }
        while (game_state(a->game)->month < target) {
            resolve_historically(a);
            advance_month(a);
        }
        if (strcmp(screen, "event") != 0)
            resolve_historically(a);
        a->paused = true;
        a->ui.message_count = 0;
        if (strcmp(screen, "policies") == 0)
            a->ui.overlay = UI_OVERLAY_POLICIES;
        else if (strcmp(screen, "ledger") == 0)
            a->ui.overlay = UI_OVERLAY_LEDGER;
        else if (strcmp(screen, "menu") == 0)
            a->ui.overlay = UI_OVERLAY_MENU;
        else if (strcmp(screen, "province") == 0)
            a->ui.selected = map_find(a->map, "henan");
        else if (strcmp(screen, "end") == 0)
            a->ui.screen = UI_SCREEN_END;
        else if (strncmp(screen, "reckoning", 9) == 0) {
            open_reckoning(a);
            a->ui.reckoning_tab = strcmp(screen, "reckoning-decisions") == 0   ? 1
                                  : strcmp(screen, "reckoning-history") == 0   ? 2
                                  : strcmp(screen, "reckoning-mattered") == 0 ? 3
                                                                              : 0;
            while (a->ui.reckoning_tab == 3 && a->shapley && game_shapley_step(a->shapley))
                ;
            /* The decisions tab shows the re-runs: compute them all first. */
            while (a->ui.reckoning_tab == 1 && a->reckoning && game_reckon_step(a->reckoning))
                ;
        }
        else if (strcmp(screen, "console") == 0) { /* the modder's console, as after two commands */
            a->ui.console.open = true;
            const char *lines[] = {"help", "explain locusts henan"};
            for (int i = 0; i < 2; i++) {
                char echo[64];
                snprintf(echo, sizeof echo, "> %s", lines[i]);
                ui_console_print(&a->ui.console, UI_CONSOLE_INPUT, echo);
                app_console_run(&a->ui.console, a->game, a->texts, a->settings.lang, lines[i]);
            }
        } else if (strcmp(screen, "event") == 0 && game_pending_count(a->game) == 0) {
            fprintf(stderr, "greatleap: no event is waiting in %d-%02d\n", year, month);
            return 2;
        } else if (strcmp(screen, "map") != 0 && strcmp(screen, "event") != 0) {
            fprintf(stderr, "greatleap: --screen: unknown screen '%s'\n", screen);
            return 2;
        }
    } else if (o->has_at) {
        fprintf(stderr, "greatleap: --at needs a game screen (--screen map, event, ...)\n");
        return 2;
    }
    if (strcmp(screen, "settings") == 0 || strcmp(screen, "sources") == 0)
        a->ui.overlay = strcmp(screen, "settings") == 0 ? UI_OVERLAY_SETTINGS : UI_OVERLAY_SOURCES;
    return 0;
}

static int screenshot(App *a)
{
    int status = setup_scene(a);
    if (status)
        return status;
    UiInput in = {0};
    UiActions acts;
    draw(a, &in, &acts);
    draw(a, &in, &acts); /* a second frame: layouts that measured text on the first are settled */
    char err[512];
    if (!render_screenshot(a->rc, a->opt->screenshot, err, sizeof err)) {
        fprintf(stderr, "greatleap: %s\n", err);
        return 1;
    }
    return 0;
}

/* --bench-frames: the scene in a real window, every frame drawn in full
 * (as if something changed each time) and presented without vsync. */
static int bench(App *a)
{
    const AppOptions *o = a->opt;
    UiInput in = {0};
    UiActions acts;
    draw(a, &in, &acts); /* the title screen: what a player sees first */
    render_present(a->rc);
    double first = plat_now_ms() - o->start_ms;
    int status = setup_scene(a);
    if (status)
        return status;
    SDL_RendererInfo info;
    SDL_GetRendererInfo(a->ren, &info);
    int w, h;
    SDL_GetRendererOutputSize(a->ren, &w, &h);
    /* Two kinds of frame: the map as it is (hovering, clicking: the map
     * layer comes from its texture) and the map redrawn in full (panning,
     * zooming, a new month). */
    for (int full = 0; full <= 1; full++) {
        double t0 = plat_now_ms();
        for (int i = 0; i < o->bench_frames; i++) {
            SDL_Event e;
            while (SDL_PollEvent(&e))
                ;
            if (full)
                render_map_invalidate(a->view);
            draw(a, &in, &acts);
            render_present(a->rc);
        }
        double ms = plat_now_ms() - t0;
        printf("renderer=%s size=%dx%d frame=%s first_frame_ms=%.1f frames=%d ms=%.1f fps=%.1f\n", info.name, w, h,
               full ? "full" : "cached", first, o->bench_frames, ms, o->bench_frames * 1000.0 / ms);
    }
    return 0;
}

int app_game_run(const AppOptions *o, const char *argv0)
{
    bool offscreen = o->mode == APP_MODE_SCREENSHOT || o->soak_sessions > 0;
    if (offscreen && !getenv("SDL_VIDEODRIVER"))
        setenv("SDL_VIDEODRIVER", "dummy", 1); /* no EGL, so nothing for LeakSanitizer to find in Mesa */
    App a;
    char err[1024] = "";
    int status;
    if (!app_init(&a, o, argv0, offscreen, err, sizeof err)) {
        fprintf(stderr, "greatleap: %s\n", err);
        status = offscreen && !a.config_refused ? 1 : 2;
    } else {
        status = o->soak_sessions > 0          ? run_soak(&a, o->soak_sessions)
                 : offscreen                  ? screenshot(&a)
                 : o->mode == APP_MODE_BENCH ? bench(&a)
                                              : run_window(&a);
    }
    app_fini(&a);
    return status;
}
