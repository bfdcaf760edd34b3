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
    /* The decisions the player took themselves were on cards: only the
     * policies and the scripts' notices are news. The decisions taken
     * without asking were announced as the month began. */
    int first = s->effect_count > CORE_EFFECT_LOG_CAP ? s->effect_count - CORE_EFFECT_LOG_CAP : 0;
    for (int i = first; i < s->effect_count; i++) {
        const CoreEffectEntry *e = &s->effects[i % CORE_EFFECT_LOG_CAP];
        if (e->month != month || (e->kind != CORE_CMD_POLICY_ENACT && e->kind != CORE_CMD_POLICY_REPEAL))
            continue;
        ui_notify_policy(&a->ui, s->policies[e->target].id, e->kind == CORE_CMD_POLICY_ENACT, false);
    }
    /* What the month did to the standing with Mao, and why. */
    GameStanding st = game_standing(a->game);
    if (!a->kiosk && st.last_month_change != 0) {
        char then[64];
        snprintf(then, sizeof then, " %.0f (%+.0f)", st.value, st.last_month_change);
        ui_notify_key(&a->ui, "ui.standing_changed", then);
    }
    for (int i = 0; i < game_notice_count(a->game); i++) {
        ui_notify_script(&a->ui, game_notice_at(a->game, i));
    }
}

/* The decisions of a new month that the player is not asked about (the
 * events about a province, when history decides them or they repeat):
 * taken at once, and announced as notices with a ping on the map, one per
 * event however many provinces it touches. */
void app_present_month(App *a)
{
    if (!a->game || a->kiosk || a->ui.screen != UI_SCREEN_GAME)
        return;
    Game *g = a->game;
    const CoreState *s = game_state(g);
    for (int i = 0; i < game_pending_count(g);) {
        ScriptDue due = *game_pending_at(g, i);
        int option;
        GameShownAs how = game_shown_as(g, &due, a->historical, a->settings.provincial, &option);
        if (how == GAME_SHOWN_CARD || option < 0) {
            i++;
            continue;
        }
        /* Every province where the event is due this month, with that option. */
        const ScriptEventInfo *e = script_event_at(game_host(g), due.event);
        int provinces[CORE_MAX_PROVINCES], n = 0;
        for (int k = i; k < game_pending_count(g);) {
            const ScriptDue *d = game_pending_at(g, k);
            if (d->event != due.event) {
                k++;
                continue;
            }
            if (d->province >= 0 && n < CORE_MAX_PROVINCES)
                provinces[n++] = d->province;
            game_choose(g, k, option);
        }
        ui_notify_decision(&a->ui, e->id, e->options[option].id,
                           game_provincial_by_history(a->settings.provincial, a->historical) ? UI_DECIDED_BY_HISTORY
                                                                                                : UI_DECIDED_AS_BEFORE,
                           provinces, n);
    }
    (void)s;
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
    app_present_month(a);
    const CoreState *s = game_state(a->game);
    if (a->kiosk) { /* a visitor's run is not saved; its end is the kiosk's ending */
        if (app_game_over(s)) {
            a->paused = true;
            a->ui.overlay = UI_OVERLAY_NONE;
            a->ui.screen = UI_SCREEN_ENDING;
        }
        return;
    }
    /* At zero standing the Party Center is purged, as Peng Dehuai was: the
     * game ends, with the reckoning. */
    if (game_standing(a->game).purged_month >= 0) {
        app_sound_play(a->sound, APP_SOUND_PURGE, a->settings.volume);
        app_open_reckoning(a);
        return;
    }
    if (a->ui.message_count > 0)
        app_sound_play(a->sound, APP_SOUND_NOTICE, a->settings.volume);
    if (core_state_month_of_year(s) == 1 && !app_autosave(a, err, sizeof err)) /* a year has ended */
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
        game_choose(a->game, 0, e ? game_history_option(a->game, d) : 0);
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
    app_need_map(a);
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
    a->month_acc_ms = 0;
    int mode = a->ui.mode;
    ui_state_init(&a->ui);
    a->ui.screen = UI_SCREEN_GAME;
    a->ui.mode = (UiMapMode)mode;
    render_map_fit(a->view);
    a->paused = false;
    if (!a->kiosk) {
        /* A first game teaches: the map first (the reports, which differ
         * from province to province), the guide if it was never seen, and
         * only then the year's first cards. */
        a->ui.mode = UI_MODE_REPORTED_HARVEST;
        a->ui.cards_held = true;
        a->ui.guide_step = a->settings.guided_start_seen ? 0 : 1;
        a->paused = true;
    }
    app_present_month(a);
}

/* ==== Saves ==== */

/* The view a save keeps, as lines after the game's own (see game_moment):
 * the map mode, which figures, the numbers, where the map looks and the
 * province whose panel is open. */
static void view_lines(App *a, char *buf, size_t cap)
{
    app_need_map(a);
    RenderMapView v = render_map_get_view(a->view);
    const UiState *u = &a->ui;
    const char *selected = "-";
    if (u->selected >= 0 && u->selected < a->map->feature_count)
        selected = a->map->features[u->selected].id;
    size_t used = (size_t)snprintf(
        buf, cap, "view mode %s\nview figures %s\nview values %d\nview map %.17g %.17g %.17g\nview selected %s\n",
        ui_mode_info(u->mode)->id, u->true_figures ? "true" : "reported", u->show_values ? 1 : 0, v.cx, v.cy, v.zoom,
        selected);
    /* The notices on screen: "notice KIND HOW KEY OPTION PROVINCES TEXT". */
    for (int i = 0; i < u->message_count && used < cap; i++) {
        const UiNotice *n = &u->messages[i];
        char provinces[CORE_MAX_PROVINCES * 4] = "";
        size_t pl = 0;
        for (int k = 0; k < n->province_count && pl < sizeof provinces; k++)
            pl += (size_t)snprintf(provinces + pl, sizeof provinces - pl, "%s%d", k ? "," : "", n->provinces[k]);
        char text[sizeof n->text];
        snprintf(text, sizeof text, "%s", n->text);
        for (char *c = text; *c; c++)
            if (*c == '\n')
                *c = ' ';
        used += (size_t)snprintf(buf + used, cap - used, "view notice %d %d %s %s %s %s\n", (int)n->kind, n->how,
                                 n->key[0] ? n->key : "-", n->option[0] ? n->option : "-",
                                 pl ? provinces : "-", text);
    }
}

/* A notice from a "view notice" line (see view_lines). */
static void apply_notice(App *a, const char *line)
{
    int kind, how, at = 0;
    char key[96], option[CORE_ID_LEN], provinces[CORE_MAX_PROVINCES * 4];
    if (sscanf(line, "view notice %d %d %95s %39s %127s %n", &kind, &how, key, option, provinces, &at) < 5 ||
        kind < UI_NOTICE_TEXT || kind > UI_NOTICE_POLICY)
        return;
    ui_notify(&a->ui, at > 0 ? line + at : "");
    UiNotice *n = &a->ui.messages[a->ui.message_count - 1];
    n->kind = (UiNoticeKind)kind;
    n->how = how;
    snprintf(n->key, sizeof n->key, "%s", strcmp(key, "-") == 0 ? "" : key);
    snprintf(n->option, sizeof n->option, "%s", strcmp(option, "-") == 0 ? "" : option);
    for (char *save = NULL, *tok = strcmp(provinces, "-") == 0 ? NULL : strtok_r(provinces, ",", &save);
         tok && n->province_count < CORE_MAX_PROVINCES; tok = strtok_r(NULL, ",", &save)) {
        int p = atoi(tok);
        if (p >= 0 && p < game_state(a->game)->province_count)
            n->provinces[n->province_count++] = p;
    }
}

/* Puts back what view_lines wrote (lines it does not know are skipped). */
static void apply_view(App *a, const char *text)
{
    app_need_map(a);
    for (const char *line = text; line && *line;) {
        const char *nl = strchr(line, '\n');
        char buf[512], word[32];
        snprintf(buf, sizeof buf, "%.*s", (int)(nl ? nl - line : (long)strlen(line)), line);
        line = nl ? nl + 1 : NULL;
        RenderMapView v;
        int n;
        if (sscanf(buf, "view mode %31s", word) == 1 && ui_mode_find(word) != UI_MODE_UNKNOWN)
            a->ui.mode = ui_mode_find(word);
        else if (sscanf(buf, "view figures %31s", word) == 1)
            a->ui.true_figures = strcmp(word, "true") == 0;
        else if (sscanf(buf, "view values %d", &n) == 1)
            a->ui.show_values = n != 0;
        else if (sscanf(buf, "view map %lf %lf %lf", &v.cx, &v.cy, &v.zoom) == 3)
            render_map_set_view(a->view, v);
        else if (sscanf(buf, "view selected %31s", word) == 1)
            a->ui.selected = strcmp(word, "-") == 0 ? -1 : map_find(a->map, word);
        else if (strncmp(buf, "view notice ", 12) == 0)
            apply_notice(a, buf);
    }
}

/* The game into the autosave slot, unless it is a scene set up for a
 * screenshot or a benchmark (--screen, --at): that would overwrite the
 * player's autosave with a game they never played (then nothing is
 * written, and that is no failure). */
bool app_autosave(App *a, char *err, size_t cap)
{
    if (a->opt->mode == APP_MODE_SCREENSHOT || a->opt->mode == APP_MODE_BENCH)
        return true;
    return app_save_to_slot(a, 0, err, cap);
}

bool app_save_to_slot(App *a, int slot, char *err, size_t cap)
{
    if (!a->game)
        return snprintf(err, cap, "no game to save"), false;
    char view[512 + UI_MAX_MESSAGES * 480];
    view_lines(a, view, sizeof view);
    return app_save_game(a->game, slot, a->historical, view, err, cap);
}

/* `template` with {mod} and {version} replaced. */
static void fill_mod(char *out, size_t cap, const char *template, const char *mod, const char *version)
{
    size_t used = 0;
    out[0] = '\0';
    for (const char *p = template; *p && used + 1 < cap;) {
        const char *with = strncmp(p, "{mod}", 5) == 0 ? mod : strncmp(p, "{version}", 9) == 0 ? version : NULL;
        if (with) {
            int n = snprintf(out + used, cap - used, "%s", with);
            used = n < 0 || (size_t)n >= cap - used ? cap - 1 : used + (size_t)n;
            p += with == mod ? 5 : 9;
        } else {
            out[used++] = *p++;
            out[used] = '\0';
        }
    }
}

/* without_missing: the player agreed to load it without the mods it needs
 * that are not installed (their storage is lost). */
static void load_game(App *a, int slot, bool without_missing)
{
    app_need_map(a);
    char err[512];
    AppSaveMeta meta;
    char *view = NULL;
    GameDesc d = app_game_desc(a, false);
    d.without_missing_mods = without_missing;
    Game *g = app_load_game(&d, slot, &meta, &view, err, sizeof err);
    if (!g) {
        /* In the player's language, with the technical detail for a bug report. */
        app_error(a, "%s (%s)", app_text(a, app_save_status_key(meta.status)), err);
        if (meta.status == APP_SAVE_NEEDS_MOD && meta.missing_mod[0]) {
            fill_mod(a->ui.confirm_text, sizeof a->ui.confirm_text, app_text(a, "save.load_without"), meta.missing_mod,
                     meta.missing_version);
            a->ui.confirm_slot = slot;
            a->ui.overlay = UI_OVERLAY_CONFIRM_LOAD;
        }
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
    ui_notify_key(&a->ui, "ui.loaded", NULL);
    app_present_month(a); /* a save of format 2 was made as its month began */
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
    ui_notify_key(&a->ui, "ui.console.reloaded", NULL);
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
    case UI_ACT_MOD_SETTING:
    case UI_ACT_MOD_ENABLE:
    case UI_ACT_MOD_MOVE: app_mod_action(a, x); break;
    case UI_ACT_SET_SCENARIO: snprintf(a->scenario, sizeof a->scenario, "%.*s", (int)sizeof a->scenario - 1, x->text); break;
    case UI_ACT_CHOOSE: /* an event's option, in every province of its card or in one */
        for (int i = 0; a->game && i < game_pending_count(a->game);) {
            const ScriptDue *d = game_pending_at(a->game, i);
            const CoreState *s = game_state(a->game);
            bool here = d->event == x->a && (!x->text[0] || (d->province >= 0 && strcmp(s->info[d->province].id,
                                                                                        x->text) == 0));
            if (!here) {
                i++;
                continue;
            }
            const ScriptEventInfo *e = script_event_at(game_host(a->game), d->event);
            int province = d->province;
            if (e && x->b >= 0 && x->b < e->option_count)
                app_kiosk_log(a, "chose %s %s (touch)", e->id, e->options[x->b].id);
            if (!game_choose(a->game, i, x->b))
                break;
            if (a->kiosk && e)
                app_kiosk_answered(a, e->id, province, x->b, false);
        }
        break;
    case UI_ACT_KIOSK_CONTINUE:
        if (a->kinfo.reveal >= 0)
            app_kiosk_log(a, "reveal over (touch)");
        a->kinfo.reveal = -1;
        break;
    case UI_ACT_POLICY: {
        if (!a->game)
            break;
        int before = game_policy_queued(a->game, x->text);
        if (!game_set_policy(a->game, x->text, x->a == 1))
            app_error(a, "unknown policy %s", x->text);
        else if (before != 0 && game_policy_queued(a->game, x->text) == 0) /* taken back */
            ui_notify_policy_cancelled(&a->ui, x->text);
        else
            ui_notify_policy(&a->ui, x->text, x->a == 1, true);
        break;
    }
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
            ui_notify_key(&a->ui, "ui.saved", NULL);
            a->slots_fresh = false;
            a->ui.overlay = UI_OVERLAY_NONE;
        } else if (a->game) {
            app_error(a, "%s: %s", app_text(a, "ui.save_failed"), err);
        }
        break;
    case UI_ACT_LOAD: load_game(a, x->a, x->b == 1); break;
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
        else
            app_kiosk_log(a, "language %s", a->settings.lang == SCRIPT_LANG_ZH ? "zh" : "en");
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
    case UI_ACT_GUIDE_DONE: /* never shown again, finished or skipped */
        a->settings.guided_start_seen = true;
        save_settings(a);
        a->ui.guide_step = 0;
        a->ui.cards_held = false;
        a->paused = false;
        break;
    case UI_ACT_RELEASE_CARDS:
        a->ui.cards_held = false;
        a->paused = false;
        break;
    case UI_ACT_SET_PROVINCIAL:
        a->settings.provincial = x->a >= 0 && x->a < GAME_PROVINCIAL_COUNT ? (GameProvincial)x->a
                                                                           : GAME_PROVINCIAL_BY_MODE;
        save_settings(a);
        app_present_month(a); /* a card about provinces waiting now may be history's to decide */
        break;
    case UI_ACT_SET_VOLUME:
        a->settings.volume = x->a < 0 ? 0 : x->a > 100 ? 100 : x->a;
        save_settings(a);
        break;
    }
}

