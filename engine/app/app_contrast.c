/* app_contrast.c — --check-contrast: every text a frame drew, against what
 * is really behind it on screen, measured as WCAG 2 defines contrast
 * (relative luminance of sRGB colours, (L1 + 0.05) / (L2 + 0.05)). AA asks
 * 4.5:1 for text, 3:1 for large text (24 px, or 18.67 px bold). The
 * background is read from the frame itself: the commonest colour in the
 * text's rectangle that is not the text's own (antialiased edges are
 * blends of the two, and rarer than either), so a table of colours cannot
 * drift from what the screens draw. App layer (reads the renderer). */
#define _POSIX_C_SOURCE 200809L
#include "app_game.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_TEXTS 4096

static double channel(int v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(int r, int g, int b) { return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b); }

double app_contrast_ratio(RenderColor a, RenderColor b)
{
    double la = luminance(a.r, a.g, a.b), lb = luminance(b.r, b.g, b.b);
    return (fmax(la, lb) + 0.05) / (fmin(la, lb) + 0.05);
}

/* The commonest colour in `px` (clamped to the frame) that differs from
 * the text's by more than a blend's step; false if there is none. */
static bool background(const uint8_t *rgba, int fw, int fh, SDL_Rect px, RenderColor text, RenderColor *out)
{
    enum { SLOTS = 512 };
    uint32_t keys[SLOTS];
    int counts[SLOTS];
    memset(counts, 0, sizeof counts);
    int x0 = px.x < 0 ? 0 : px.x, y0 = px.y < 0 ? 0 : px.y;
    int x1 = px.x + px.w > fw ? fw : px.x + px.w, y1 = px.y + px.h > fh ? fh : px.y + px.h;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) {
            const uint8_t *p = rgba + 4 * ((size_t)y * (size_t)fw + (size_t)x);
            int d = abs(p[0] - text.r);
            d = abs(p[1] - text.g) > d ? abs(p[1] - text.g) : d;
            d = abs(p[2] - text.b) > d ? abs(p[2] - text.b) : d;
            if (d <= 24)
                continue; /* the text itself */
            uint32_t k = (uint32_t)p[0] << 16 | (uint32_t)p[1] << 8 | p[2];
            uint32_t slot = (k * 2654435761u) >> 23; /* 9 bits */
            for (int probe = 0; probe < SLOTS; probe++, slot = (slot + 1) % SLOTS) {
                if (counts[slot] == 0) {
                    keys[slot] = k;
                    counts[slot] = 1;
                    break;
                }
                if (keys[slot] == k) {
                    counts[slot]++;
                    break;
                }
            }
        }
    int best = -1;
    for (int i = 0; i < SLOTS; i++)
        if (counts[i] && (best < 0 || counts[i] > counts[best]))
            best = i;
    if (best < 0)
        return false;
    *out = (RenderColor){(uint8_t)(keys[best] >> 16), (uint8_t)(keys[best] >> 8), (uint8_t)keys[best], 255};
    return true;
}

void app_contrast_begin(App *a)
{
    RenderTextDraw *log = calloc(MAX_TEXTS, sizeof *log);
    a->contrast_log = log;
    render_text_log(a->rc, log, log ? MAX_TEXTS : 0);
}

int app_contrast_end(App *a, const char *what)
{
    RenderTextDraw *log = a->contrast_log;
    int n = render_text_log_count(a->rc);
    render_text_log(a->rc, NULL, 0);
    a->contrast_log = NULL;
    int fw = render_output_width(a->rc), fh = render_output_height(a->rc);
    uint8_t *rgba = malloc((size_t)fw * (size_t)fh * 4);
    if (!log || !rgba || !render_read_rgba(a->rc, rgba)) {
        fprintf(stderr, "greatleap: --check-contrast: cannot read the frame\n");
        free(log);
        free(rgba);
        return -1;
    }
    if (n > MAX_TEXTS)
        n = MAX_TEXTS;
    int failed = 0, checked = 0;
    double worst = 1e9;
    char worst_text[40] = "";
    for (int i = 0; i < n; i++) {
        const RenderTextDraw *d = &log[i];
        if (d->px.w <= 0 || d->px.h <= 0)
            continue; /* clipped away */
        RenderColor bg = {0, 0, 0, 255}, ink = d->colour;
        bool found = background(rgba, fw, fh, d->px, d->colour, &bg);
        if (ink.a < 255) { /* translucent text: the colour it really shows */
            float t = ink.a / 255.0f;
            ink = (RenderColor){(uint8_t)lroundf(ink.r * t + bg.r * (1 - t)), (uint8_t)lroundf(ink.g * t + bg.g * (1 - t)),
                                (uint8_t)lroundf(ink.b * t + bg.b * (1 - t)), 255};
        }
        bool outside = d->px.x >= fw || d->px.y >= fh || d->px.x + d->px.w <= 0 || d->px.y + d->px.h <= 0;
        double ratio = found ? app_contrast_ratio(ink, bg) : 1.0;
        if (outside) { /* drawn off the screen: cut, so not readable either */
            failed++;
            fprintf(stderr, "greatleap: \"%s\" is drawn outside the %dx%d frame (at %d,%d)\n", d->text, fw, fh,
                    d->px.x, d->px.y);
            continue;
        }
        bool large = d->size >= 24.0f || (d->font == RENDER_FONT_BOLD && d->size >= 18.67f);
        double need = large ? 3.0 : 4.5;
        checked++;
        if (ratio < worst) {
            worst = ratio;
            snprintf(worst_text, sizeof worst_text, "%s", d->text);
        }
        if (ratio + 1e-9 < need) {
            failed++;
            fprintf(stderr,
                    "greatleap: contrast %.2f:1 < %.1f:1 for \"%s\" (%.0f px%s, #%02x%02x%02x on #%02x%02x%02x at "
                    "%d,%d)\n",
                    ratio, need, d->text, d->size, d->font == RENDER_FONT_BOLD ? " bold" : "", ink.r, ink.g,
                    ink.b, bg.r, bg.g, bg.b, d->px.x, d->px.y);
        }
    }
    printf("contrast %s: %d texts checked, %d below WCAG AA; lowest %.2f:1 (\"%s\")\n", what, checked, failed,
           checked ? worst : 0.0, worst_text);
    free(rgba);
    free(log);
    return failed;
}
