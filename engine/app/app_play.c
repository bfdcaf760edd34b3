/* app_play.c — the game as the player plays it: months passing and their
 * notifications, the player's actions (choices, policies, speed, settings),
 * the reckoning, saves and loads. */
#define _POSIX_C_SOURCE 200809L
#include "app_game.h"
#include "app_console.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


/* Shows a message in the interface's error banner. */
void app_error(App *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->ui.error, sizeof a->ui.error, fmt, ap);
    va_end(ap);
}

/* SIGTERM (systemctl stop) leaves a kiosk cleanly; the handler only sets
 * a flag, which the loop checks. */
/* The reckoning's re-runs belong to one game: gone with it. */
void app_drop_reckoning(App *a)
{
    game_reckon_destroy(a->reckoning);
    a->reckoning = NULL;
    game_shapley_destroy(a->shapley);
    a->shapley = NULL;
}

/* ==== Month by month ==== */

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
        snprintf(title, sizeof title, "%s", app_text(a, key));
        snprintf(key, sizeof key, "event.%s.option.%s", d->event, d->option);
        snprintf(line, sizeof line, "%s%s%s", title, app_text(a, "ui.colon"), app_text(a, key));
        ui_notify(&a->ui, line);
    }
    int first = s->effect_count > CORE_EFFECT_LOG_CAP ? s->effect_count - CORE_EFFECT_LOG_CAP : 0;
    for (int i = first; i < s->effect_count; i++) {
        const CoreEffectEntry *e = &s->effects[i % CORE_EFFECT_LOG_CAP];
        if (e->month != month || (e->kind != CORE_CMD_POLICY_ENACT && e->kind != CORE_CMD_POLICY_REPEAL))
            continue;
        snprintf(key, sizeof key, "policy.%s.name", s->policies[e->target].id);
        char name[160];
        snprintf(name, sizeof name, "%s", app_text(a, key));
        snprintf(line, sizeof line, "%s%s%s",
                 app_text(a, e->kind == CORE_CMD_POLICY_ENACT ? "effect.enact" : "effect.repeal"), app_text(a, "ui.word_space"),
                 name);
        ui_notify(&a->ui, line);
    }
    for (int i = 0; i < game_notice_count(a->game); i++) {
        const ScriptNotice *n = game_notice_at(a->game, i);
        ui_notify(&a->ui, app_text(a, n->key));
    }
}

bool app_game_over(const CoreState *s) { return s->month > core_month_index(s, 1962, 12); }

void app_advance_month(App *a)
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
        if (app_game_over(s))
            app_open_reckoning(a);
        return;
    }
    if (core_state_month_of_year(s) == 1 && !app_save_to_slot(a, 0, err, sizeof err)) /* a year has ended */
        app_error(a, "%s: %s", app_text(a, "ui.autosave_failed"), err);
    if (app_game_over(s)) {
        a->ui.screen = UI_SCREEN_END;
        a->ui.overlay = UI_OVERLAY_NONE;
    }
}

/* Takes history's option for every pending event (screenshots, tests). */
void app_resolve_historically(App *a)
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
void app_open_reckoning(App *a)
{
    if (!a->game)
        return;
    if (!a->reckoning) {
        GameDesc d = app_game_desc(a, a->historical);
        a->reckoning = game_reckon_create(&d, game_state(a->game), a->historical);
    }
    if (!a->shapley && !a->kiosk) {
        GameDesc d = app_game_desc(a, true);
        a->shapley = game_shapley_create(&d);
    }
    a->paused = true;
    a->ui.overlay = UI_OVERLAY_NONE;
    a->ui.screen = UI_SCREEN_RECKONING;
}

void app_start_game(App *a, bool historical)
{
    char err[512];
    game_destroy(a->game);
    app_drop_reckoning(a);
    GameDesc d = app_game_desc(a, historical);
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

/* ==== Saves ==== */

/* The view a save keeps, as lines after the game's own (see game_moment):
 * the map mode, which figures, the numbers, where the map looks and the
 * province whose panel is open. */
static void view_lines(App *a, char *buf, size_t cap)
{
    RenderMapView v = render_map_get_view(a->view);
    const UiState *u = &a->ui;
    const char *selected = "-";
    if (u->selected >= 0 && u->selected < a->map->feature_count)
        selected = a->map->features[u->selected].id;
    snprintf(buf, cap,
             "view mode %s\nview figures %s\nview values %d\nview map %.17g %.17g %.17g\nview selected %s\n",
             ui_mode_info(u->mode)->id, u->true_figures ? "true" : "reported", u->show_values ? 1 : 0, v.cx, v.cy,
             v.zoom, selected);
}

/* Puts back what view_lines wrote (lines it does not know are skipped). */
static void apply_view(App *a, const char *text)
{
    for (const char *line = text; line && *line;) {
        const char *nl = strchr(line, '\n');
        char buf[256], word[32];
        snprintf(buf, sizeof buf, "%.*s", (int)(nl ? nl - line : (long)strlen(line)), line);
        line = nl ? nl + 1 : NULL;
        RenderMapView v;
        int n;
        if (sscanf(buf, "view mode %31s", word) == 1 && ui_mode_find(word) != UI_MODE_COUNT)
            a->ui.mode = ui_mode_find(word);
        else if (sscanf(buf, "view figures %31s", word) == 1)
            a->ui.true_figures = strcmp(word, "true") == 0;
        else if (sscanf(buf, "view values %d", &n) == 1)
            a->ui.show_values = n != 0;
        else if (sscanf(buf, "view map %lf %lf %lf", &v.cx, &v.cy, &v.zoom) == 3)
            render_map_set_view(a->view, v);
        else if (sscanf(buf, "view selected %31s", word) == 1)
            a->ui.selected = strcmp(word, "-") == 0 ? -1 : map_find(a->map, word);
    }
}

bool app_save_to_slot(App *a, int slot, char *err, size_t cap)
{
    if (!a->game)
        return snprintf(err, cap, "no game to save"), false;
    char view[512];
    view_lines(a, view, sizeof view);
    return app_save_game(a->game, slot, a->historical, view, err, cap);
}

static void load_game(App *a, int slot)
{
    char err[512];
    AppSaveMeta meta;
    char *view = NULL;
    GameDesc d = app_game_desc(a, false);
    Game *g = app_load_game(&d, slot, &meta, &view, err, sizeof err);
    if (!g) {
        /* In the player's language, with the technical detail for a bug report. */
        app_error(a, "%s (%s)", app_text(a, app_save_status_key(meta.status)), err);
        return;
    }
    game_destroy(a->game);
    app_drop_reckoning(a);
    a->game = g;
    a->historical = meta.historical;
    a->paused = true;
    a->month_acc_ms = 0;
    ui_state_init(&a->ui);
    a->ui.screen = app_game_over(game_state(g)) ? UI_SCREEN_END : UI_SCREEN_GAME;
    render_map_fit(a->view);
    apply_view(a, view);
    free(view);
    ui_notify(&a->ui, app_text(a, "ui.loaded"));
}

void app_screenshot_path(char *out, size_t cap)
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
void app_reload_scripts(App *a)
{
    char err[1024] = "";
    int errors_before = a->ui.console.count;
    ScriptHost *texts = app_load_texts(a, err, sizeof err);
    bool clean = texts && script_error_count(texts) == 0;
    if (clean && a->game && !game_reload_scripts(a->game, err, sizeof err))
        clean = false;
    if (!clean) {
        script_host_destroy(texts);
        if (!err[0] && a->ui.console.count > errors_before) /* the first error the host reported */
            snprintf(err, sizeof err, "%s", a->ui.error);
        app_error(a, "%s %s", app_text(a, "ui.console.reload_failed"), err);
        ui_console_print(&a->ui.console, UI_CONSOLE_ERROR, a->ui.error);
        return;
    }
    script_host_destroy(a->texts);
    a->texts = texts;
    a->ui.error[0] = '\0';
    ui_console_print(&a->ui.console, UI_CONSOLE_INFO, app_text(a, "ui.console.reloaded"));
    ui_notify(&a->ui, app_text(a, "ui.console.reloaded"));
}

void app_apply(App *a, const UiAction *x, bool *want_screenshot)
{
    char err[512];
    if (a->kiosk && !ui_kiosk_allows_action(x->kind)) { /* saving, settings, leaving: for staff only */
        app_kiosk_log(a, "refused a visitor's action %d", (int)x->kind);
        return;
    }
    switch (x->kind) {
    case UI_ACT_NONE: break;
    case UI_ACT_NEW_GAME: app_start_game(a, x->a == 1); break;
    case UI_ACT_CHOOSE:
        if (a->game && x->a < game_pending_count(a->game)) {
            const ScriptEventInfo *e = script_event_at(game_host(a->game), game_pending_at(a->game, x->a)->event);
            if (e && x->b >= 0 && x->b < e->option_count)
                app_kiosk_log(a, "chose %s %s (touch)", e->id, e->options[x->b].id);
            game_choose(a->game, x->a, x->b);
        }
        break;
    case UI_ACT_POLICY:
        if (a->game && !game_set_policy(a->game, x->text, x->a == 1))
            app_error(a, "unknown policy %s", x->text);
        else if (a->game)
            ui_notify(&a->ui, app_text(a, x->a ? "ui.policy_next_month" : "ui.repeal_next_month"));
        break;
    case UI_ACT_SET_SPEED:
        a->settings.speed = x->a;
        a->paused = false;
        save_settings(a);
        break;
    case UI_ACT_TOGGLE_PAUSE: a->paused = !a->paused; break;
    case UI_ACT_RELOAD_SCRIPTS: app_reload_scripts(a); break;
    case UI_ACT_CONSOLE:
        if (app_console_run(&a->ui.console, a->game, a->texts, a->settings.lang, x->text) == CONSOLE_RELOAD)
            app_reload_scripts(a);
        break;
    case UI_ACT_SAVE:
        if (a->game && app_save_to_slot(a, x->a, err, sizeof err)) {
            ui_notify(&a->ui, app_text(a, "ui.saved"));
            a->slots_fresh = false;
            a->ui.overlay = UI_OVERLAY_NONE;
        } else if (a->game) {
            app_error(a, "%s: %s", app_text(a, "ui.save_failed"), err);
        }
        break;
    case UI_ACT_LOAD: load_game(a, x->a); break;
    case UI_ACT_RECKONING: app_open_reckoning(a); break;
    case UI_ACT_KIOSK_BEGIN:
        a->ui.screen = UI_SCREEN_INTRO;
        a->ui.intro_historical = true;
        break;
    case UI_ACT_KIOSK_FINISH: app_kiosk_to_attract(a); break;
    case UI_ACT_PIN:
        /* Staff only: the right PIN leaves the kiosk with status 0. */
        if (a->kiosk && strcmp(x->text, a->kcfg.exit_pin) == 0) {
            app_kiosk_log(a, "leaving: staff PIN");
            a->quit = true;
        } else {
            app_kiosk_log(a, "wrong PIN");
        }
        a->ui.overlay = UI_OVERLAY_NONE;
        break;
    case UI_ACT_QUIT: a->quit = true; break;
    case UI_ACT_QUIT_TO_TITLE:
        game_destroy(a->game);
        a->game = NULL;
        app_drop_reckoning(a);
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

