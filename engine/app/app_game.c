/* app_game.c — the windowed game: SDL set-up, the event loop (which sleeps
 * until something happens, so a paused game costs no CPU; or, on a virtual
 * clock, runs as fast as it can draw), time running at three speeds, input
 * from SDL, and frames. app_play.c applies what the player does; --screenshot
 * and --bench-frames are in app_scene.c, the kiosk in app_kiosk_run.c,
 * --input-script in app_input.c, and the texts, the map and the sound
 * loaded around the first frame in app_load.c. */
#define _POSIX_C_SOURCE 200809L
#include "app_game.h"
#include "app_internal.h"
#include "app_console.h"

#include <SDL_image.h>
#include <SDL_ttf.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const double month_ms[4] = {0, 2000, 1000, 333};

/* SIGTERM (systemctl stop) leaves a kiosk cleanly; the handler only sets
 * a flag, which the loop checks. */
static volatile sig_atomic_t term_requested;
static void on_term(int sig)
{
    (void)sig;
    term_requested = 1;
}

bool app_term_requested(void) { return term_requested != 0; }

/* A script's file as the banner shows it: within its mod's folder
 * ("events/x.lua"), not the absolute path the console keeps. */
static const char *banner_file(App *a, const ScriptError *e)
{
    const ScriptHost *hosts[2] = {a->game ? game_host_const(a->game) : NULL, a->texts};
    for (int i = 0; i < 2; i++) {
        int m = hosts[i] ? script_mod_find(hosts[i], e->mod) : -1;
        const char *dir = m >= 0 ? script_mod_dir(hosts[i], m) : NULL;
        size_t n = dir ? strlen(dir) : 0;
        if (n && strncmp(e->file, dir, n) == 0 && e->file[n] == '/')
            return e->file + n + 1;
    }
    const char *slash = strrchr(e->file, '/');
    return slash ? slash + 1 : e->file;
}

/* The desktop game: SIGTERM or SIGHUP (systemctl, the session's logout, a
 * closed terminal) saves a running game in the autosave slot and quits
 * without asking; a second one quits at once. The handler counts, then
 * calls SDL's own (which queues SDL_QUIT: that wakes the loop however it
 * waits, and app_collect_event sees the count). */
static volatile sig_atomic_t desktop_term;
static struct sigaction sdl_term[2]; /* SDL's handlers of SIGTERM and SIGHUP */
static void on_desktop_term(int sig)
{
    if (desktop_term++ > 0)
        _exit(128 + sig);
    const struct sigaction *prev = &sdl_term[sig == SIGHUP];
    struct sigaction ours;
    if (!(prev->sa_flags & SA_SIGINFO) && prev->sa_handler != SIG_DFL && prev->sa_handler != SIG_IGN)
        prev->sa_handler(sig);
    /* SDL's handler puts itself back with signal(): ours goes back on top. */
    memset(&ours, 0, sizeof ours);
    ours.sa_handler = on_desktop_term;
    sigaction(sig, &ours, NULL);
}

static void catch_desktop_term(void)
{
    struct sigaction ours;
    memset(&ours, 0, sizeof ours);
    ours.sa_handler = on_desktop_term;
    sigaction(SIGTERM, &ours, &sdl_term[0]);
    sigaction(SIGHUP, &ours, &sdl_term[1]);
}

/* Leaving on SIGTERM: the running game goes to the autosave slot first. */
static void quit_saving(App *a)
{
    char err[512];
    if (a->game && !app_game_over(game_state(a->game)) && !app_autosave(a, err, sizeof err))
        fprintf(stderr, "greatleap: leaving on a signal: the autosave failed: %s\n", err);
    a->quit = true;
}

void app_on_script_error(const ScriptError *e, void *user)
{
    App *a = user;
    fprintf(stderr, "greatleap: script error in mod %s (%s): %s:%d: %s\n", e->mod, e->context, e->file, e->line,
            e->message);
    /* A modder sees it in a banner, and in full in the console. */
    if (a && !a->kiosk && a->texts) {
        app_console_error(&a->ui.console, a->texts, e);
        app_error(a, "%s %s: %s:%d: %s", app_text(a, "ui.console.error_banner"), e->mod, banner_file(a, e), e->line,
                  e->message);
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

/* The core's warnings (a table full, so a mod's effects are lost): on
 * stderr, in the modder's console, and in a kiosk's log for its staff. */
static void on_core_log(CoreLogLevel level, const char *message, void *user)
{
    App *a = user;
    if (!app_core_log_print(level, message))
        return;
    if (a->kiosk) {
        if (plat_log_path()[0])
            plat_log(PLAT_LOG_WARN, "%s", message);
        return;
    }
    char line[UI_CONSOLE_WIDTH * 2];
    snprintf(line, sizeof line, "warning: %s", message);
    ui_console_print(&a->ui.console, UI_CONSOLE_ERROR, line);
}

double app_now_ms(const App *a) { return a->virtual_clock ? a->clock_ms : plat_now_ms(); }

const char *app_text(App *a, const char *key) { return script_text(a->texts, a->settings.lang, key); }

GameDesc app_game_desc(App *a, bool historical)
{
    return (GameDesc){.data_dir = a->data, .scenario = a->scenario, .settings = a->settings.mod_settings,
                      .setting_count = a->settings.mod_setting_count, .seed = 1, .mod_dirs = a->opt->mods, .mod_dir_count = a->opt->mod_count,
                      .chooser = GAME_CHOOSE_PLAYER, .follow_history = historical,
                      .host = {.on_error = app_on_script_error, .on_log = on_script_log, .user = a}};
}

/* ==== Set-up ==== */

static bool app_init(App *a, const AppOptions *o, const char *argv0, bool offscreen, char *err, size_t cap)
{
    memset(a, 0, sizeof *a);
    a->opt = o;
    core_log_set_sink(on_core_log, a);
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
    if (o->ui_scale_percent)
        a->settings.ui_scale_percent = o->ui_scale_percent;
    if (o->kiosk) {
        a->kiosk = true;
        a->soak = o->soak_sessions > 0;
        a->virtual_clock = a->soak;
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
    /* The texts and the map load on threads beside the window and the
     * renderer, not beside SDL_Init: it loads the X libraries and talks to
     * the X server, and with two cores the threads slowed it from 8 ms to
     * 15-25 (bench/README.md, eighth session). */
    app_start_texts(a);
    if (!a->kiosk) /* the kiosk loads it at once, below: the attract loop shows it */
        app_start_map(a);
    if (!a->kiosk && !offscreen)
        catch_desktop_term();
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
    if (a->kiosk && !offscreen) /* at the display's bounds, whatever the window system grants (app_kiosk_window.c) */
        a->win = app_kiosk_open_window("Great Leap", w, h);
    else
        a->win = SDL_CreateWindow("Great Leap", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!a->win) {
        snprintf(err, cap, "cannot open a window: %s", SDL_GetError());
        return false;
    }
    /* Accelerated with a software fallback (render_create_renderer: the
     * software renderer presents without OpenGL); screenshots are always
     * software, so that golden images do not depend on the GPU. Benchmarks
     * run without vsync, or they would measure the display. */
    a->ren = render_create_renderer(a->win, offscreen || o->software_renderer, o->mode != APP_MODE_BENCH);
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
    if (!a->rc)
        return false;
    if (a->kiosk && !app_load_map(a, err, cap)) /* the attract loop shows the map at once */
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
        /* Every target at least 9 mm on the configured screen, a quarter
         * larger with large text; laid out again whenever the window
         * system changes the window's size. */
        int ow, oh;
        SDL_GetRendererOutputSize(a->ren, &ow, &oh);
        bool capped = false;
        a->settings.ui_scale_percent = kiosk_scale_for(&a->kcfg, ow, oh, &capped);
        if (capped)
            fprintf(stderr, "greatleap: kiosk: at %dx%d%s, the layout keeps its smallest size (%d %%)\n", ow, oh,
                    a->kcfg.large_text ? " with large text" : " on the configured screen",
                    a->settings.ui_scale_percent);
        a->laid_out_w = ow;
        a->laid_out_h = oh;
    }
    render_resize(a->rc, ww, wh, a->settings.ui_scale_percent / 100.0f);
    if (!(a->texts = app_join_texts(a, err, cap)))
        return false;
    /* --scenario names one the base game or a mod declares. */
    ScriptScenario probe;
    snprintf(a->scenario, sizeof a->scenario, "%s", o->scenario ? o->scenario : "1958");
    if (!script_scenario_get(a->texts, a->scenario, &probe)) {
        char known[512] = "";
        for (int i = 0; i < script_scenario_count(a->texts); i++)
            snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s", i ? ", " : "",
                     script_scenario_id(a->texts, i));
        snprintf(err, cap, "--scenario: no scenario '%s' (the loaded ones: %s)", a->scenario, known);
        return false;
    }
    a->dev = o->dev && !a->kiosk;
    if (a->dev)
        a->scripts_fingerprint = app_watch_fingerprint(a);
    if (o->input_script && !(a->input = app_input_open(a, o->input_script, err, cap)))
        return false;
    a->virtual_clock = a->soak || app_input_scripted(a);
    /* Sounds: not for screenshots, and in a kiosk only if its file asks;
     * the device is opened after the first frame (run_window). */
    a->sound_wanted = !offscreen && (!a->kiosk || a->kcfg.sound);
    a->heard_card_month = a->heard_card_event = -1;
    if (a->kiosk) {
        if (a->soak) /* a small log, so that thousands of sessions turn it over many times */
            plat_log_set_rotation(64 * 1024, 0);
        plat_log_open("kiosk"); /* on failure, lines go to stderr */
        app_kiosk_log(a, "started: %s, log %s", GL_VERSION, plat_log_path()[0] ? plat_log_path() : "stderr");
        app_kiosk_log(a, "visitors start in %s", a->kcfg.language == SCRIPT_LANG_ZH ? "zh" : "en");
        if (a->kiosk_defaults)
            app_kiosk_log(a, "no kiosk.ini: every default applies, the published exit PIN too (docs/kiosk.md)");
        a->last_input_ms = app_now_ms(a);
        a->logged_screen = UI_SCREEN_TITLE;
        a->logged_card = -1;
        a->logged_reveal = -1;
        a->kinfo.reveal = -1;
        /* Each decision's consequence: campaigns between frames (at once on
         * a virtual clock). */
        if (!app_kiosk_prepare(a, err, cap)) { /* a key event that does not exist: fails closed, as a bad line */
            plat_log(PLAT_LOG_ERROR, "refused to start: the configuration is not valid: %s", err);
            char what[512];
            snprintf(what, sizeof what, "%.*s", (int)sizeof what - 1, err);
            snprintf(err, cap, "kiosk: refused to start: %s (docs/kiosk.md)", what);
            a->config_refused = true;
            return false;
        }
        app_kiosk_to_attract(a);
    }
    return true;
}

static void app_fini(App *a)
{
    if (a->texts_loader) { /* app_init failed before it needed the texts */
        SDL_WaitThread(a->texts_loader, NULL);
        script_host_destroy(a->texts_loaded);
    }
    if (a->map_loader) { /* the game ended before it needed the map */
        SDL_WaitThread(a->map_loader, NULL);
        render_map_destroy(a->view_loaded);
        map_destroy(a->map_loaded);
    }
    if (a->kiosk)
        plat_log_close();
    kiosk_whatif_destroy(a->whatif);
    app_input_close(a->input);
    app_sound_close(a->sound);
    app_drop_reckoning(a);
    app_sources_free(&a->sources);
    app_mod_ui_free(a);
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
    core_log_set_sink(app_log_core, NULL); /* `a` is gone */
}

/* ==== Frames ==== */

static void app_collect_event(App *a, const SDL_Event *e, UiInput *in);

static void fill_model(App *a, UiModel *m)
{
    app_mod_modes_update(a);
    if (a->game || a->ui.screen != UI_SCREEN_TITLE)
        app_need_map(a);
    *m = (UiModel){a->texts, a->settings.lang, a->game, a->map, a->view, a->paused, a->settings.speed,
                   a->historical, a->settings.fullscreen, a->settings.ui_scale_percent, {{0}}, a->data, GL_VERSION,
                   a->sources.work_count ? &a->sources : NULL, a->record.count ? &a->record : NULL, a->provenance,
                   a->provenance_count, a->reckoning, a->kiosk, app_card_seconds_left(a), a->shapley,
                   app_now_ms(a), a->settings.provincial, a->settings.volume, a->sound != NULL, -1, 0, a->scenario,
                   NULL, 0, a->kiosk ? &a->kinfo : NULL};
    if (a->ui.overlay == UI_OVERLAY_MODS) {
        app_mod_rows_update(a);
        m->mods = a->mod_rows;
        m->mod_count = a->mod_row_count;
    }
    /* The Party Center's standing with Mao (not a kiosk visitor's concern). */
    if (a->game && !a->kiosk) {
        m->standing = (int)lround(game_standing(a->game).value);
        ScriptHost *h = game_host(a->game);
        for (int i = 0; i < script_policy_count(h); i++) {
            const char *id = script_policy_at(h, i)->id;
            int queued = game_policy_queued(a->game, id);
            if (queued)
                m->standing_queued += game_policy_standing(a->game, id, queued > 0, game_state(a->game)->month);
        }
    }
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

void app_draw(App *a, const UiInput *in, UiActions *acts)
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

void app_collect(App *a, const SDL_Event *e, UiInput *in)
{
    app_collect_event(a, e, in);
    a->mouse_x = in->mouse_x;
    a->mouse_y = in->mouse_y;
    a->mouse_in = in->mouse_in_window;
}

static void app_collect_event(App *a, const SDL_Event *e, UiInput *in)
{
    if (e->type == SDL_KEYDOWN || e->type == SDL_MOUSEBUTTONDOWN || e->type == SDL_FINGERDOWN ||
        e->type == SDL_MOUSEWHEEL || e->type == SDL_MULTIGESTURE)
        a->last_input_ms = app_now_ms(a);
    switch (e->type) {
    case SDL_QUIT:
        /* A kiosk does not close (Alt+F4, the window manager): staff leave
         * with the chord and the PIN, or SIGTERM. */
        if (a->kiosk)
            break;
        /* SIGTERM or SIGHUP: save and quit, without asking. */
        if (desktop_term) {
            quit_saving(a);
            break;
        }
        /* Quitting a running game asks first; a second request quits. The
         * game is in the autosave slot before the question: a session that
         * closes the window on logout and then ends the process loses
         * nothing. */
        if (a->game && a->ui.screen == UI_SCREEN_GAME && a->ui.overlay != UI_OVERLAY_CONFIRM_QUIT) {
            char err[512];
            if (!app_game_over(game_state(a->game)) && !app_autosave(a, err, sizeof err))
                app_error(a, "%s: %s", app_text(a, "ui.autosave_failed"), err);
            a->ui.overlay = UI_OVERLAY_CONFIRM_QUIT;
        } else {
            a->quit = true;
        }
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
                app_kiosk_log(a, "leaving: staff chord");
                a->quit = true;
            } else {
                app_kiosk_log(a, "PIN pad opened");
                a->ui.overlay = UI_OVERLAY_PIN;
                a->ui.pin[0] = '\0';
            }
            break;
        }
        if (in->key_count < UI_MAX_KEYS)
            in->keys[in->key_count++] = e->key.keysym.sym;
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_LEAVE)
            in->mouse_in_window = false;
        if (a->kiosk && (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e->window.event == SDL_WINDOWEVENT_RESIZED ||
                         e->window.event == SDL_WINDOWEVENT_MOVED)) {
            /* The window system moved or resized a kiosk: back over the
             * display, and laid out for the size it has. */
            app_kiosk_relayout(a);
            app_kiosk_cover_display(a, "window event");
        } else if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED || e->window.event == SDL_WINDOWEVENT_RESIZED) {
            int w, h;
            SDL_GetWindowSize(a->win, &w, &h);
            render_resize(a->rc, w, h, a->settings.ui_scale_percent / 100.0f);
        }
        break;
    default: break;
    }
}

double app_month_length_ms(const App *a)
{
    return a->kiosk ? a->kcfg.month_ms : month_ms[a->settings.speed];
}

bool app_time_runs(const App *a)
{
    return a->game && a->ui.screen == UI_SCREEN_GAME && !a->paused && a->ui.overlay == UI_OVERLAY_NONE &&
           !a->ui.console.open && game_pending_count(a->game) == 0 &&
           !app_kiosk_revealing(a); /* a kiosk's reveal after a decision holds time */
}

/* ==== The loop ==== */

static bool shapley_running(const App *a)
{
    return a->shapley && a->ui.screen == UI_SCREEN_RECKONING && a->ui.reckoning_tab == 3 &&
           !game_shapley_done(a->shapley) && !game_shapley_error(a->shapley)[0];
}

/* What happens without input: months passing, the reckoning's re-runs, the
 * kiosk's clocks. Returns true if the screen changed. */
bool app_tick(App *a, double now, double dt)
{
    bool changed = false;
    if (a->kiosk) {
        changed |= app_kiosk_update(a, now, dt);
        /* The decisions' consequences, 20 ms between frames until known. */
        changed |= app_kiosk_compute(a, 20);
    }
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
        uint64_t fp = app_watch_fingerprint(a);
        if (fp != a->scripts_fingerprint) {
            a->scripts_fingerprint = fp;
            app_reload_scripts(a);
            changed = true;
        }
    }
    if (app_time_runs(a)) {
        a->month_acc_ms += dt;
        if (a->month_acc_ms >= app_month_length_ms(a)) {
            a->month_acc_ms = 0;
            app_advance_month(a);
            if (a->kiosk && a->ui.screen == UI_SCREEN_GAME)
                app_kiosk_autoresolve(a);
            changed = true;
        }
    } else {
        a->month_acc_ms = 0;
    }
    return changed;
}

/* Draws a frame, applies the player's actions, and takes an F12 screenshot.
 * Returns true if another frame is needed at once. */
bool app_frame(App *a, UiInput *in)
{
    UiActions acts;
    app_draw(a, in, &acts);
    render_present(a->rc);
    app_log_changes(a); /* what this frame showed, before the actions change it */
    /* The sounds of what the frame showed: a button clicked, a new card. */
    if (a->ui.clicks > a->heard_clicks)
        app_sound_play(a->sound, APP_SOUND_CLICK, a->settings.volume);
    a->heard_clicks = a->ui.clicks; /* (the count starts again with a new screen state) */
    if (a->game && a->ui.card_option_count > 0) {
        int event = game_pending_count(a->game) > 0 ? game_pending_at(a->game, 0)->event : -1;
        if (event >= 0 && (event != a->heard_card_event || game_state(a->game)->month != a->heard_card_month)) {
            a->heard_card_event = event;
            a->heard_card_month = game_state(a->game)->month;
            app_sound_play(a->sound, APP_SOUND_CARD, a->settings.volume);
        }
    }
    /* A click or key may have opened or changed something mid-frame: draw
     * once more so the screen never shows a stale half. */
    bool again = in->mouse_pressed || in->mouse_released || in->key_count > 0 || in->text[0];
    bool shot = false;
    for (int i = 0; i < acts.count; i++) {
        app_apply(a, &acts.items[i], &shot);
        again = true;
    }
    if (shot) {
        char path[PLAT_PATH_MAX], err[256];
        app_screenshot_path(path, sizeof path);
        UiActions ignored;
        UiInput none = *in;
        none.mouse_pressed = none.mouse_released = false;
        none.key_count = 0;
        app_draw(a, &none, &ignored);
        if (render_screenshot(a->rc, path, err, sizeof err)) {
            char then[PLAT_PATH_MAX + 2];
            snprintf(then, sizeof then, " %s", path);
            ui_notify_key(&a->ui, "ui.screenshot_saved", then);
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

/* The loop: input, then time, then a frame when something changed. On
 * the real clock it sleeps until an event or until the next month is due;
 * on a virtual clock (a scripted run) it never sleeps, and the clock moves
 * only while the script waits for time to pass. */
static int run_window(App *a)
{
    UiInput in = {0};
    bool dirty = true;
    double last = app_now_ms(a);
    while (!a->quit && !term_requested) {
        if (desktop_term && !a->quit) { /* SDL's handler was not there to queue SDL_QUIT */
            quit_saving(a);
            break;
        }
        SDL_Event e;
        if (!a->virtual_clock) {
            /* Sleep until an event, or until the next month is due; a
             * kiosk wakes four times a second for its clocks. */
            int timeout = -1;
            if (app_time_runs(a))
                timeout = (int)fmax(1.0, app_month_length_ms(a) - a->month_acc_ms);
            if ((a->kiosk || a->dev || a->input) && (timeout < 0 || timeout > 250))
                timeout = 250; /* a kiosk's clocks; --dev's look at the files; stdin's commands */
            if ((a->reckoning && a->ui.screen == UI_SCREEN_RECKONING && game_reckon_progress(a->reckoning) < 1.0) ||
                shapley_running(a))
                timeout = 0;
            bool animating = ui_animating(&a->ui, app_now_ms(a));
            if (animating && (timeout < 0 || timeout > 33))
                timeout = 33; /* a ping on the map: thirty frames a second while it lasts */
            bool got = !dirty && (timeout < 0 ? SDL_WaitEvent(&e) : SDL_WaitEventTimeout(&e, timeout));
            if (got) {
                app_collect(a, &e, &in);
                dirty = true;
            }
            dirty |= animating;
        }
        /* A script's command runs once the screen has settled (no frame
         * owed), so that it acts on what is drawn. */
        if (a->input && (!dirty || !a->virtual_clock)) {
            app_need_map(a); /* a command may start a game before the first frame */
            app_need_sound(a);
            dirty |= app_input_step(a);
        }
        while (SDL_PollEvent(&e)) {
            app_collect(a, &e, &in);
            dirty = true;
        }
        if (a->virtual_clock && app_input_waiting(a) && !dirty)
            a->clock_ms += 50; /* time passes only while the script waits for it */
        double now = app_now_ms(a);
        dirty |= app_tick(a, now, now - last);
        last = now;
        if (dirty) {
            dirty = app_frame(a, &in);
            app_input_after_frame(a);
            app_need_map(a); /* once the first frame is on screen */
            app_need_sound(a);
            /* After the first frame: does the window cover the display? */
            if (a->kiosk && !a->first_frame_checked) {
                a->first_frame_checked = true;
                dirty |= !app_kiosk_cover_display(a, "first frame");
            }
        }
    }
    if (term_requested)
        app_kiosk_log(a, "leaving: SIGTERM");
    return a->status;
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
        status = o->soak_sessions > 0          ? app_run_soak(&a, o->soak_sessions)
                 : offscreen                  ? app_screenshot(&a)
                 : o->mode == APP_MODE_BENCH ? app_bench(&a)
                                              : run_window(&a);
    }
    app_fini(&a);
    return status;
}
