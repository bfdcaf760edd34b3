/* app_scene.c — one frame of any screen, offscreen (--screenshot), and the
 * drawing benchmark in a real window (--bench-frames): the scene is set up
 * from --screen, --at and --map-mode, with history's choices up to the
 * month. */
#define _POSIX_C_SOURCE 200809L
#include "app_game.h"
#include "app_console.h"
#include "platform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== Screenshots ==== */

/* A kiosk visitor's game up to a month (`target`, a state month index):
 * the visitor answers each decision with history's option, or, with
 * `change_odd`, the second, fourth... decision with the other option that
 * saves the most (a visitor who changed half of them). */
static void kiosk_play_to(App *a, int target, bool change_odd)
{
    while (a->game && game_state(a->game)->month < target && a->ui.screen == UI_SCREEN_GAME) {
        app_kiosk_autoresolve(a);
        while (game_pending_count(a->game) > 0) {
            const ScriptDue *d = game_pending_at(a->game, 0);
            const ScriptEventInfo *e = script_event_at(game_host(a->game), d->event);
            int option = game_history_option(a->game, d), k = -1;
            for (int i = 0; e && i < a->kinfo.decision_count; i++)
                if (strcmp(a->kinfo.decisions[i].event, e->id) == 0)
                    k = i;
            if (k >= 0 && change_odd && k % 2 == 1) {
                const UiKioskDecision *kd = &a->kinfo.decisions[k];
                for (int o = 0; o < kd->option_count; o++)
                    if (o != kd->history_option && (option == kd->history_option || kd->change_m[o] < kd->change_m[option]))
                        option = o;
            }
            int province = d->province;
            game_choose(a->game, 0, option);
            if (e)
                app_kiosk_answered(a, e->id, province, option, false);
        }
        a->kinfo.reveal = -1;
        app_advance_month(a);
    }
}

/* The kiosk's scenes: a visitor's game at a month (map), with its card
 * (event), just after a decision (reveal: the visitor took the other
 * option that saves the most), and the ending (half the decisions
 * changed). Returns 0, or an exit status. */
static int kiosk_scene(App *a, const char *screen)
{
    const AppOptions *o = a->opt;
    bool ending = strcmp(screen, "ending") == 0;
    app_kiosk_compute(a, 1e12); /* the consequences, before the scene needs them */
    app_start_game(a, true);
    if (!a->game) {
        fprintf(stderr, "greatleap: %s\n", a->ui.error);
        return 1;
    }
    const CoreState *s = game_state(a->game);
    int target = ending ? core_month_index(s, 1963, 1)
                        : core_month_index(s, o->has_at ? o->at_year : 1959, o->has_at ? o->at_month : 7);
    if (target < 0 || target > core_month_index(s, 1963, 1)) {
        fprintf(stderr, "greatleap: --at is outside the game (1958-01 to 1962-12)\n");
        return 2;
    }
    kiosk_play_to(a, target, ending);
    app_kiosk_autoresolve(a);
    a->paused = true;
    a->ui.message_count = 0;
    a->ui.true_figures = false;
    if (strcmp(screen, "reveal") == 0) {
        if (game_pending_count(a->game) == 0) {
            fprintf(stderr, "greatleap: no kiosk decision is waiting in %d-%02d\n", o->at_year, o->at_month);
            return 2;
        }
        /* The decision of the month, taken the visitor's other way. */
        const ScriptDue *d = game_pending_at(a->game, 0);
        const ScriptEventInfo *e = script_event_at(game_host(a->game), d->event);
        for (int k = 0; e && k < a->kinfo.decision_count; k++) {
            const UiKioskDecision *kd = &a->kinfo.decisions[k];
            if (strcmp(kd->event, e->id) != 0)
                continue;
            int best = -1;
            for (int opt = 0; opt < kd->option_count; opt++)
                if (opt != kd->history_option && (best < 0 || kd->change_m[opt] < kd->change_m[best]))
                    best = opt;
            int province = d->province;
            game_choose(a->game, 0, best);
            app_kiosk_answered(a, e->id, province, best, false);
        }
        if (a->kinfo.reveal < 0) {
            fprintf(stderr, "greatleap: the decision waiting in %d-%02d is not one of the kiosk's\n", o->at_year,
                    o->at_month);
            return 2;
        }
        a->kinfo.reveal_since_ms = app_now_ms(a);
        a->ui.true_figures = true;
    } else if (strcmp(screen, "event") == 0 && game_pending_count(a->game) == 0) {
        fprintf(stderr, "greatleap: no kiosk decision is waiting in %d-%02d\n", o->at_year, o->at_month);
        return 2;
    } else if (!ending && strcmp(screen, "event") != 0 && strcmp(screen, "map") != 0) {
        fprintf(stderr, "greatleap: --screen: unknown kiosk screen '%s' (attract, map, event, reveal, ending)\n",
                screen);
        return 2;
    }
    /* A screenshot shows the map at rest, not halfway through its turn. */
    a->ui.figures_shown = a->ui.true_figures ? 1.0f : 0.0f;
    a->ui.figures_shown_ms = app_now_ms(a) > 0 ? app_now_ms(a) : 1;
    if (game_pending_count(a->game) > 0)
        a->ui.kiosk_card_event = game_pending_at(a->game, 0)->event;
    return 0;
}

/* Sets up the scene that --screen, --at and --map-mode describe (history's
 * choices up to the month). Returns 0, or an exit status on bad options. */
static int setup_scene(App *a)
{
    app_need_map(a);
    const AppOptions *o = a->opt;
    const char *screen = o->screen ? o->screen : (o->has_at || o->map_mode ? "map" : "title");
    if (o->map_mode && ui_mode_find(o->map_mode) != UI_MODE_UNKNOWN)
        a->ui.mode = ui_mode_find(o->map_mode);
    bool before_game = strcmp(screen, "title") == 0 || strcmp(screen, "intro") == 0 ||
                       strcmp(screen, "scenarios") == 0 || strcmp(screen, "mods") == 0 ||
                       strcmp(screen, "settings") == 0 || strcmp(screen, "sources") == 0;
    /* A mod's map mode is known once its game has started. */
    if (o->map_mode && before_game) {
        UiMapMode m = ui_mode_find(o->map_mode);
        if (m == UI_MODE_UNKNOWN) {
            fprintf(stderr, "greatleap: --map-mode: unknown mode '%s'\n", o->map_mode);
            return 2;
        }
        a->ui.mode = m;
    }
    if (strcmp(screen, "attract") == 0) {
        /* The attract loop at a month: history replayed that far. */
        app_kiosk_to_attract(a);
        int target = o->has_at ? core_month_index(game_state(a->game), o->at_year, o->at_month) : 30;
        char err[256];
        while (a->game && game_state(a->game)->month < target && game_advance(a->game, err, sizeof err))
            ;
        return 0;
    }
    if (strcmp(screen, "mods") == 0)
        a->ui.overlay = UI_OVERLAY_MODS;
    if (strcmp(screen, "scenarios") == 0) {
        a->ui.screen = UI_SCREEN_SCENARIOS;
        a->ui.intro_historical = true;
    }
    if (a->kiosk && !before_game)
        return kiosk_scene(a, screen);
    if (strcmp(screen, "intro") == 0) {
        a->ui.screen = UI_SCREEN_INTRO;
        a->ui.intro_historical = true;
    }
    if (!before_game) {
        app_start_game(a, true);
        if (!a->game) {
            fprintf(stderr, "greatleap: %s\n", a->ui.error);
            return 1;
        }
        /* A scene shows the month it asks for, not a first game's start: no
         * guide, no held cards, the death rate unless another mode is asked. */
        app_mod_modes_update(a);
        a->ui.mode = o->map_mode ? ui_mode_find(o->map_mode) : UI_MODE_DEATH_RATE;
        if (a->ui.mode == UI_MODE_UNKNOWN) {
            fprintf(stderr, "greatleap: --map-mode: unknown mode '%s'\n", o->map_mode);
            return 2;
        }
        a->ui.cards_held = false;
        a->ui.guide_step = 0;
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
            app_resolve_historically(a);
            app_advance_month(a);
        }
        if (strcmp(screen, "event") != 0)
            app_resolve_historically(a);
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
            app_open_reckoning(a);
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

/* --check-layout: the texts of one more frame that run past its edges, or
 * whose area (a clip) cuts off their left or right end; a scrolled area
 * cuts its texts at its top and bottom on purpose. Returns how many,
 * listed in `out`; -1 if out of memory. */
#define LAYOUT_TEXTS 4096
static int texts_past_edges(App *a, char *out, size_t cap)
{
    RenderTextDraw *log = calloc(LAYOUT_TEXTS, sizeof *log);
    if (!log)
        return -1;
    UiInput in = {0};
    UiActions acts;
    render_text_log(a->rc, log, LAYOUT_TEXTS);
    app_draw(a, &in, &acts);
    int n = render_text_log_count(a->rc), found = 0;
    render_text_log(a->rc, NULL, 0);
    int fw = render_output_width(a->rc), fh = render_output_height(a->rc);
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < n && i < LAYOUT_TEXTS; i++) {
        SDL_Rect p = log[i].px;
        bool past = !(p.x >= 0 && p.y >= 0 && p.x + p.w <= fw && p.y + p.h <= fh);
        if (p.w <= 0 || p.h <= 0 || !(past || log[i].cut_sideways))
            continue;
        found++;
        if (used < cap)
            used += (size_t)snprintf(out + used, cap - used, "text '%s' at %d,%d %dx%d %s\n", log[i].text, p.x, p.y,
                                     p.w, p.h, past ? "runs past the frame" : "is cut at its side by its area");
    }
    free(log);
    return found;
}

int app_layout_check(App *a, char *out, size_t cap)
{
    int n = ui_layout_problems(&a->ui, render_width(a->rc), render_height(a->rc), out, cap);
    size_t used = strlen(out);
    int texts = texts_past_edges(a, out + used, cap - used);
    if (texts < 0)
        snprintf(out + used, cap - used, "out of memory for the texts' check\n");
    return n + (texts < 0 ? 1 : texts);
}

int app_screenshot(App *a)
{
    int status = setup_scene(a);
    if (status)
        return status;
    UiInput in = {0};
    UiActions acts;
    app_draw(a, &in, &acts);
    if (a->opt->check_contrast)
        app_contrast_begin(a);
    app_draw(a, &in, &acts); /* a second frame: layouts that measured text on the first are settled */
    int low_contrast = a->opt->check_contrast ? app_contrast_end(a, a->opt->screen ? a->opt->screen : "title") : 0;
    char err[512];
    if (!render_screenshot(a->rc, a->opt->screenshot, err, sizeof err)) {
        fprintf(stderr, "greatleap: %s\n", err);
        return 1;
    }
    if (low_contrast != 0) /* (the picture is written, to see them) */
        return 1;
    if (a->opt->check_layout) {
        char problems[8192];
        int n = app_layout_check(a, problems, sizeof problems);
        if (n > 0) {
            fprintf(stderr, "greatleap: layout of %s at %.0fx%.0f logical px: %d problem(s)\n%s",
                    a->opt->screen ? a->opt->screen : "title", render_width(a->rc), render_height(a->rc), n,
                    problems);
            return 1;
        }
    }
    return 0;
}

/* --bench-frames: the scene in a real window, every frame drawn in full
 * (as if something changed each time) and presented without vsync. */
int app_bench(App *a)
{
    const AppOptions *o = a->opt;
    UiInput in = {0};
    UiActions acts;
    app_draw(a, &in, &acts); /* the title screen: what a player sees first */
    render_present(a->rc);
    double first = plat_now_ms() - o->start_ms;
    int status = setup_scene(a);
    if (status)
        return status;
    SDL_RendererInfo info;
    SDL_GetRendererInfo(a->ren, &info);
    int w, h;
    SDL_GetRendererOutputSize(a->ren, &w, &h);
    /* Every frame draws the map in full (render_map_draw keeps nothing). */
    double t0 = plat_now_ms();
    for (int i = 0; i < o->bench_frames; i++) {
        SDL_Event e;
        while (SDL_PollEvent(&e))
            ;
        app_draw(a, &in, &acts);
        render_present(a->rc);
    }
    double ms = plat_now_ms() - t0;
    int gl = plat_opengl_mapped();
    printf("renderer=%s opengl=%s size=%dx%d frame=full first_frame_ms=%.1f frames=%d ms=%.1f fps=%.1f\n", info.name,
           gl < 0 ? "unknown" : gl ? "loaded" : "none", w, h, first, o->bench_frames, ms, o->bench_frames * 1000.0 / ms);
    return 0;
}

