/* app_kiosk_run.c — the museum kiosk at run time: its log, its clocks (the
 * attract loop, visitors who walk away, cards nobody answers), the
 * decisions a visitor is not asked about, and --soak, the kiosk offscreen
 * on a virtual clock for thousands of visitor sessions. */
#define _POSIX_C_SOURCE 200809L
#include "app_game.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#ifdef __GLIBC__
#include <malloc.h> /* malloc_trim, mallinfo2: a kiosk gives memory back between visitors */
#endif


/* The kiosk's log: what a museum's staff (and the kiosk tests) need to
 * know happened. It goes to the rotated log file ($XDG_STATE_HOME/greatleap/
 * kiosk.log) and to stderr (the systemd journal). */
void app_kiosk_log(const App *a, const char *fmt, ...)
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
/* ==== The kiosk ==== */

/* The kiosk decision an event is, or -1. */
static int key_decision(const App *a, const char *id)
{
    for (int i = 0; i < a->kinfo.decision_count; i++)
        if (strcmp(a->kinfo.decisions[i].event, id) == 0)
            return i;
    return -1;
}

/* Back to the attract loop, with a fresh historical game replaying itself. */
void app_kiosk_to_attract(App *a)
{
    char err[512];
    game_destroy(a->game);
    app_drop_reckoning(a);
    GameDesc d = app_game_desc(a, true);
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
    /* The next visitor's answers start empty. */
    for (int i = 0; i < a->kinfo.decision_count; i++) {
        a->kinfo.decisions[i].chosen = -1;
        a->kinfo.decisions[i].timed_out = false;
    }
    a->kinfo.reveal = -1;
    render_map_fit(a->view);
#ifdef __GLIBC__
    /* A visitor's game and its reckoning's re-runs are gone: hand the pages
     * they used back to the system, so that months of visitors do not leave
     * the kiosk's resident memory at the highest any session ever needed. */
    malloc_trim(0);
#endif
}

/* Only the decisions that mattered most wait for a visitor, and only once:
 * history takes the others at once, before their cards are ever drawn, as
 * it takes a decision before the month the kiosk asks it from; a decision
 * that comes back (grain abroad, every January) keeps the visitor's answer.
 * The counterfactual campaigns (app_kiosk_whatif.c) play by these rules. */
bool app_kiosk_autoresolve(App *a)
{
    bool changed = false;
    for (int i = 0; a->game && i < game_pending_count(a->game);) {
        const ScriptDue *d = game_pending_at(a->game, i);
        const ScriptEventInfo *e = script_event_at(game_host(a->game), d->event);
        const CoreState *s = game_state(a->game);
        int k = e && d->province < 0 ? key_decision(a, e->id) : -1;
        int now = core_state_year(s) * 100 + core_state_month_of_year(s);
        if (k >= 0 && now >= a->kinfo.decisions[k].from && a->kinfo.decisions[k].chosen < 0) {
            i++; /* the visitor's to answer */
            continue;
        }
        int option = k >= 0 && a->kinfo.decisions[k].chosen >= 0 ? a->kinfo.decisions[k].chosen
                                                                   : game_history_option(a->game, d);
        if (k >= 0 && a->kinfo.decisions[k].chosen >= 0 && e)
            app_kiosk_log(a, "repeated %s %s (the visitor's answer)", e->id, e->options[option].id);
        game_choose(a->game, i, option);
        changed = true;
    }
    return changed;
}

void app_kiosk_answered(App *a, const char *event, int province, int option, bool timeout)
{
    int k = province < 0 ? key_decision(a, event) : -1;
    if (k < 0 || a->kinfo.decisions[k].chosen >= 0)
        return;
    a->kinfo.decisions[k].chosen = option;
    a->kinfo.decisions[k].timed_out = timeout;
    /* What really happened appears, with what the choice changed. */
    a->kinfo.reveal = k;
    a->kinfo.reveal_since_ms = app_now_ms(a);
    a->ui.true_figures = true;
}

bool app_kiosk_revealing(const App *a) { return a->kiosk && a->kinfo.reveal >= 0; }

bool app_kiosk_prepare(App *a, char *err, size_t cap)
{
    GameDesc d = app_game_desc(a, true);
    a->whatif = kiosk_whatif_create(&d, &a->kcfg, &a->kinfo, err, cap);
    if (!a->whatif)
        return false;
    a->kinfo.reveal_seconds = a->kcfg.reveal_seconds;
    a->kinfo.high_contrast = a->kcfg.high_contrast;
    /* A soak, a script or a screenshot: the same results, before the first frame. */
    if (a->virtual_clock || a->opt->mode == APP_MODE_SCREENSHOT)
        app_kiosk_compute(a, 1e12);
    return true;
}

bool app_kiosk_compute(App *a, double budget_ms)
{
    if (!a->whatif)
        return false;
    double t0 = plat_now_ms();
    while (kiosk_whatif_step(a->whatif) && plat_now_ms() - t0 < budget_ms)
        ;
    if (kiosk_whatif_done(a->whatif)) {
        if (kiosk_whatif_error(a->whatif)[0])
            app_kiosk_log(a, "the consequences of the decisions could not be computed: %s",
                          kiosk_whatif_error(a->whatif));
        else
            app_kiosk_log(a, "the consequences of %d decisions computed: %d campaigns in %.1f s; history %.1f million "
                          "excess deaths",
                          a->kinfo.decision_count, kiosk_whatif_campaigns(a->whatif),
                          kiosk_whatif_seconds(a->whatif), a->kinfo.history_excess_m);
        kiosk_whatif_destroy(a->whatif);
        a->whatif = NULL;
    }
    return true;
}

/* The kiosk's clocks: the attract loop's months, visitors who walk away,
 * cards nobody answers, the events a visitor is not asked about, the end
 * of a session, a script that failed. Returns true if the screen changed. */
bool app_kiosk_update(App *a, double now, double dt)
{
    if (a->script_failed) {
        app_kiosk_log(a, "a script failed (its mod is disabled): back to the attract loop");
        app_kiosk_to_attract(a);
        return true;
    }
    if (!a->game) {
        app_kiosk_to_attract(a);
        return true;
    }
    UiScreen screen = a->ui.screen;
    if (screen == UI_SCREEN_ATTRACT) {
        a->attract_acc_ms += dt;
        if (a->attract_acc_ms < a->kcfg.attract_month_ms)
            return false;
        a->attract_acc_ms = 0;
        char err[256];
        if (app_game_over(game_state(a->game)) || !game_advance(a->game, err, sizeof err))
            app_kiosk_to_attract(a); /* the end of 1962: history starts again */
        return true;
    }
    /* Watching the months go by is not idleness: only time spent waiting
     * for the visitor (a card, the intro, the reckoning) counts. */
    if (app_time_runs(a))
        a->last_input_ms = now;
    double idle = screen == UI_SCREEN_GAME ? a->kcfg.session_idle_seconds : a->kcfg.idle_seconds;
    if (now - a->last_input_ms > idle * 1000.0) {
        app_kiosk_log(a, "idle for %.0f s: back to the attract loop", idle);
        app_kiosk_to_attract(a);
        return true;
    }
    if (screen != UI_SCREEN_GAME)
        return false;
    /* After a decision, what really happened holds time until the visitor
     * goes on, or for reveal_seconds; the next card's clock waits. */
    if (a->kinfo.reveal >= 0) {
        if (now - a->kinfo.reveal_since_ms > a->kcfg.reveal_seconds * 1000.0) {
            a->kinfo.reveal = -1;
            app_kiosk_log(a, "reveal over (%d s)", a->kcfg.reveal_seconds);
        }
        a->card_event = -1;
        return true; /* its animation and countdown */
    }
    bool changed = app_kiosk_autoresolve(a);
    if (game_pending_count(a->game) > 0) {
        const ScriptDue *d = game_pending_at(a->game, 0);
        if (a->card_event != d->event) {
            a->card_event = d->event;
            a->card_since_ms = now;
        } else if (now - a->card_since_ms > a->kcfg.event_timeout_seconds * 1000.0) {
            const ScriptEventInfo *e = script_event_at(game_host(a->game), d->event);
            int province = d->province;
            if (e)
                app_kiosk_log(a, "chose %s %s (timeout)", e->id, e->options[e->default_option].id);
            game_choose(a->game, 0, e ? e->default_option : 0);
            if (e)
                app_kiosk_answered(a, e->id, province, e->default_option, true);
            a->card_event = -1;
        }
        changed = true; /* the countdown */
    } else {
        a->card_event = -1;
    }
    return changed;
}

int app_card_seconds_left(const App *a)
{
    if (!a->kiosk || a->card_event < 0)
        return -1;
    double left = a->kcfg.event_timeout_seconds - (app_now_ms(a) - a->card_since_ms) / 1000.0;
    return left > 0 ? (int)ceil(left) : 0;
}

/* Logs the kiosk's screens and cards as they change, with where their
 * touch targets are. */
void app_log_changes(App *a)
{
    if (!a->kiosk)
        return;
    static const char *const names[] = {
        [UI_SCREEN_TITLE] = "title",         [UI_SCREEN_INTRO] = "intro",         [UI_SCREEN_GAME] = "game",
        [UI_SCREEN_END] = "end",             [UI_SCREEN_RECKONING] = "reckoning", [UI_SCREEN_ATTRACT] = "attract",
        [UI_SCREEN_SCENARIOS] = "scenarios", [UI_SCREEN_ENDING] = "ending",
    };
    /* The screen the frame drew, so its targets are the ones recorded. */
    UiScreen drawn = a->ui.drawn_screen;
    if (drawn != a->logged_screen) {
        a->logged_screen = drawn;
        const RenderRect *p = &a->ui.primary;
        if (p->w > 0)
            app_kiosk_log(a, "screen %s primary %.0f %.0f %.0f %.0f", names[drawn], p->x, p->y, p->w, p->h);
        else
            app_kiosk_log(a, "screen %s", names[drawn]);
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
        app_kiosk_log(a, "%s", line);
    } else if (card < 0) {
        a->logged_card = -1;
    }
    /* What really happened, after a decision, with where its Continue is. */
    int reveal = drawn == UI_SCREEN_GAME ? a->kinfo.reveal : -1;
    if (reveal != a->logged_reveal) {
        a->logged_reveal = reveal;
        const RenderRect *p = &a->ui.primary;
        if (reveal >= 0 && p->w > 0)
            app_kiosk_log(a, "reveal %s primary %.0f %.0f %.0f %.0f", a->kinfo.decisions[reveal].event, p->x, p->y,
                          p->w, p->h);
        else if (reveal >= 0)
            a->logged_reveal = -1; /* not drawn yet: logged with the frame that draws it */
    }
}

/* Bytes the program has allocated and not freed, in KiB (-1 if unknown):
 * unlike resident memory, this does not depend on what the allocator keeps. */
/* The heap's blocks in use, and the Lua states' pools (script_pool.c). */
static long heap_in_use_kb(void)
{
#ifdef __GLIBC__
    struct mallinfo2 mi = mallinfo2();
    return (long)((mi.uordblks + mi.hblkhd + script_pool_bytes()) / 1024);
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

void app_push_tap(float x, float y)
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
int app_run_soak(App *a, int sessions)
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
    while (started < sessions && !app_term_requested()) {
        a->clock_ms += step;
        rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
        /* A visitor taps about every 2 s, anywhere, and now and then on the
         * way on (Begin, the first option, Finish); one session in five
         * walks away (no taps: the idle timeout sends the kiosk back). */
        bool away = started % 5 == 4 && a->ui.screen == UI_SCREEN_GAME;
        if (!away && rng % 20 == 0) {
            float lw = render_width(a->rc), lh = render_height(a->rc), x, y;
            if (rng % 3 == 0 && soak_target(a, &x, &y))
                app_push_tap(x / lw, y / lh);
            else
                app_push_tap((float)((rng >> 8) % 1000) / 1000.0f, (float)((rng >> 20) % 1000) / 1000.0f);
        }
        SDL_Event e;
        while (SDL_PollEvent(&e))
            app_collect(a, &e, &in);
        double t0 = plat_now_ms();
        app_tick(a, a->clock_ms, step);
        double t1 = plat_now_ms();
        tick_ms += t1 - t0;
        if (frames++ % 16 == 0 || in.mouse_released) { /* every sixteenth frame is drawn, and every tap */
            app_frame(a, &in);
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

