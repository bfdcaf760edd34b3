/* app_kiosk_window.c — the kiosk's window covers its display, wherever a
 * museum runs it: bare X started by xinit (no window manager: a window
 * stays where and as large as it was asked to be, and a fullscreen request
 * goes unanswered), a Wayland kiosk compositor such as cage (which gives
 * the window the output's size, whatever was asked), or a desktop (whose
 * window manager honours fullscreen and keeps its panels above anything
 * else). The window is asked for at the display's bounds, borderless and
 * fullscreen; after the first frame, and whenever the window system moves
 * or resizes it, it is checked against the display's bounds and put back;
 * and the interface is laid out again for the size it really has. */
#define _POSIX_C_SOURCE 200809L
#include "app_game.h"

#include <stdio.h>

/* How often a window is put back in a minute: a window manager that
 * insists on its own placement must not be fought frame after frame. */
#define COVER_TRIES_PER_MINUTE 4

/* The bounds of the display the window is on (of the first display before
 * there is a window). */
static bool display_bounds(SDL_Window *win, SDL_Rect *b)
{
    int d = win ? SDL_GetWindowDisplayIndex(win) : 0;
    return SDL_GetDisplayBounds(d < 0 ? 0 : d, b) == 0 && b->w > 0 && b->h > 0;
}

SDL_Window *app_kiosk_open_window(const char *title, int fallback_w, int fallback_h)
{
    SDL_Rect b = {SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, fallback_w, fallback_h};
    display_bounds(NULL, &b);
    /* At the display's own position and size, so that without a window
     * manager the window covers it as created; fullscreen for a desktop,
     * whose panels would stay above a plain window. */
    return SDL_CreateWindow(title, b.x, b.y, b.w, b.h,
                            SDL_WINDOW_BORDERLESS | SDL_WINDOW_ALLOW_HIGHDPI | SDL_WINDOW_FULLSCREEN_DESKTOP);
}

/* Lays the interface out for the size the window has now: the kiosk's
 * scale (large text, 9 mm targets) depends on the output's pixels. */
void app_kiosk_relayout(App *a)
{
    int ow = 0, oh = 0, ww = 0, wh = 0;
    SDL_GetRendererOutputSize(a->ren, &ow, &oh);
    SDL_GetWindowSize(a->win, &ww, &wh);
    if (ow <= 0 || oh <= 0)
        return;
    bool capped;
    int percent = kiosk_scale_for(&a->kcfg, ow, oh, &capped);
    if (capped && percent != a->settings.ui_scale_percent)
        app_kiosk_log(a, "at %dx%d%s%s, the layout keeps its smallest size: %d %%", ow, oh,
                      a->kcfg.screen_diagonal_inches > 0 ? " on the configured screen" : "",
                      a->kcfg.large_text ? " with large text" : "", percent);
    a->settings.ui_scale_percent = percent;
    render_resize(a->rc, ww, wh, percent / 100.0f);
    if (ow != a->laid_out_w || oh != a->laid_out_h) {
        a->laid_out_w = ow;
        a->laid_out_h = oh;
        app_kiosk_log(a, "layout for %dx%d pixels (%.0fx%.0f logical, scale %d %%)", ow, oh, render_width(a->rc),
                      render_height(a->rc), percent);
    }
}

/* Whether the window covers the display it is on; if not, it is put back
 * (a few times a minute at most). `why` is what prompted the check. */
bool app_kiosk_cover_display(App *a, const char *why)
{
    if (!a->kiosk || !a->win || a->soak)
        return true;
    SDL_Rect b;
    if (!display_bounds(a->win, &b))
        return true; /* nothing to compare with */
    int x, y, w, h;
    SDL_GetWindowPosition(a->win, &x, &y);
    SDL_GetWindowSize(a->win, &w, &h);
    /* Wayland does not tell a window where it is: only its size counts. */
    bool wayland = SDL_strcmp(SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "", "wayland") == 0;
    bool covers = w >= b.w && h >= b.h && (wayland || (x <= b.x && y <= b.y));
    if (covers != a->window_covered || w != a->window_w || h != a->window_h) {
        a->window_covered = covers;
        a->window_w = w;
        a->window_h = h;
        app_kiosk_log(a, "window %dx%d at %d,%d, display %dx%d at %d,%d (%s, %s): %s", w, h, x, y, b.w, b.h, b.x, b.y,
                      SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "?", why,
                      covers ? "covers the display" : "does not cover the display");
    }
    if (covers)
        return true;
    double now = plat_now_ms();
    if (now - a->cover_minute_ms > 60000) {
        a->cover_minute_ms = now;
        a->cover_tries = 0;
    }
    if (a->cover_tries++ >= COVER_TRIES_PER_MINUTE)
        return false;
    /* Out of fullscreen, where position and size can be set; placed on the
     * display's bounds; then fullscreen again, for a window manager that
     * honours it (one that does not leaves the window where it now is). */
    SDL_SetWindowFullscreen(a->win, 0);
    SDL_SetWindowBordered(a->win, SDL_FALSE);
    SDL_SetWindowPosition(a->win, b.x, b.y);
    SDL_SetWindowSize(a->win, b.w, b.h);
    SDL_SetWindowFullscreen(a->win, SDL_WINDOW_FULLSCREEN_DESKTOP);
    SDL_RaiseWindow(a->win);
    app_kiosk_log(a, "window put back over the display (%dx%d at %d,%d)", b.w, b.h, b.x, b.y);
    app_kiosk_relayout(a);
    return false;
}
