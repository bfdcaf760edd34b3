/* render_chart.c — line charts for the ledger and the province panel:
 * months along x (a tick each January), a "nice" y scale, dashed or solid
 * series, gaps where a value is missing (NaN), and a legend. */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

static double nice_step(double range, int target)
{
    double raw = range / target;
    double mag = pow(10.0, floor(log10(raw)));
    double n = raw / mag;
    double step = n < 1.5 ? 1 : n < 3.5 ? 2 : n < 7.5 ? 5 : 10;
    return step * mag;
}

static void format_tick(char *buf, size_t cap, double v, double step)
{
    if (fabs(v) >= 1e6 && step >= 1e5)
        snprintf(buf, cap, "%.*fM", step >= 1e6 ? 0 : 1, v / 1e6);
    else if (step >= 1)
        snprintf(buf, cap, "%.0f", v);
    else
        snprintf(buf, cap, "%.*f", step >= 0.1 ? 1 : 2, v);
}

/* A polyline dashed along its length (7 px on, 4 px off), so the pattern
 * stays even however steep the segments are. */
static void dashed_polyline(RenderCtx *r, const float *xy, int n, float thickness, RenderColor c)
{
    const float on = 7, off = 4;
    float phase = 0; /* distance into the current on+off period */
    for (int i = 0; i + 1 < n; i++) {
        float x0 = xy[2 * i], y0 = xy[2 * i + 1], x1 = xy[2 * i + 2], y1 = xy[2 * i + 3];
        float len = hypotf(x1 - x0, y1 - y0), t = 0;
        while (t < len) {
            /* At least a quarter pixel, so rounding can never stall the loop. */
            float step = fmaxf(0.25f, phase < on ? on - phase : on + off - phase);
            float t1 = fminf(len, t + step);
            if (phase < on)
                render_line(r, x0 + (x1 - x0) * t / len, y0 + (y1 - y0) * t / len, x0 + (x1 - x0) * t1 / len,
                            y0 + (y1 - y0) * t1 / len, thickness, c);
            phase = fmodf(phase + (t1 - t), on + off);
            t = t1;
        }
    }
}

void render_chart(RenderCtx *r, const RenderChart *c)
{
    const RenderColor axis = {90, 90, 90, 255}, grid = {220, 218, 212, 255}, ink = {40, 40, 40, 255};
    float ts = c->text_size > 0 ? c->text_size : 12;
    double lo = c->y_min, hi = c->y_max;
    if (lo == 0 && hi == 0) {
        lo = INFINITY;
        hi = -INFINITY;
        for (int s = 0; s < c->series_count; s++)
            for (int i = 0; i < c->n; i++) {
                double v = c->series[s].values[i];
                if (isfinite(v)) {
                    lo = fmin(lo, v);
                    hi = fmax(hi, v);
                }
            }
        if (!isfinite(lo)) {
            lo = 0;
            hi = 1;
        }
        if (lo > 0)
            lo = 0; /* rates and tonnages read best from zero */
        if (hi <= lo)
            hi = lo + 1;
    }
    double step = nice_step(hi - lo, 4);
    lo = floor(lo / step) * step;
    hi = ceil(hi / step) * step;
    float left = c->rect.x + ts * 3.6f, right = c->rect.x + c->rect.w - ts * 0.5f;
    float top = c->rect.y + ts * (c->legend ? 3.3f : 1.4f), bottom = c->rect.y + c->rect.h - ts * 1.6f;
    if (right - left < 10 || bottom - top < 10)
        return;
    /* Grid and y labels. */
    for (double v = lo; v <= hi + step * 0.5; v += step) {
        float y = bottom - (float)((v - lo) / (hi - lo)) * (bottom - top);
        render_line(r, left, y, right, y, 1, grid);
        char buf[32];
        format_tick(buf, sizeof buf, v, step);
        render_text(r, buf, left - ts * 0.4f, y - ts * 0.65f, ts, RENDER_FONT_REGULAR, axis, RENDER_RIGHT);
    }
    if (c->unit)
        render_text(r, c->unit, left, top - ts * 1.3f, ts * 0.9f, RENDER_FONT_REGULAR, axis, RENDER_LEFT);
    /* x ticks: each January, labelled with the year. */
    float dx = c->n > 1 ? (right - left) / (float)(c->n - 1) : 0;
    for (int i = 0; i < c->n; i++) {
        int month = (c->first_month - 1 + i) % 12 + 1;
        if (month != 1)
            continue;
        float x = left + dx * (float)i;
        render_line(r, x, top, x, bottom, 1, grid);
        char year[8];
        snprintf(year, sizeof year, "%d", c->first_year + (c->first_month - 1 + i) / 12);
        render_text(r, year, x, bottom + ts * 0.25f, ts, RENDER_FONT_REGULAR, axis, RENDER_CENTER);
    }
    render_line(r, left, bottom, right, bottom, 1.5f, axis);
    render_line(r, left, top, left, bottom, 1.5f, axis);
    /* Series: runs of finite values, dashed ones drawn in pieces. */
    float *xy = malloc(sizeof *xy * 2 * (size_t)(c->n > 0 ? c->n : 1));
    if (!xy)
        return;
    for (int s = 0; s < c->series_count; s++) {
        const RenderSeries *sr = &c->series[s];
        int run = 0;
        for (int i = 0; i <= c->n; i++) {
            double v = i < c->n ? sr->values[i] : NAN;
            if (isfinite(v)) {
                xy[2 * run] = left + dx * (float)i;
                xy[2 * run + 1] = bottom - (float)((fmin(fmax(v, lo), hi) - lo) / (hi - lo)) * (bottom - top);
                run++;
                continue;
            }
            if (run == 1)
                render_line(r, xy[0] - 1.5f, xy[1], xy[0] + 1.5f, xy[1], 2.5f, sr->color);
            if (run > 1 && !sr->dashed)
                render_polyline(r, xy, run, 2.5f, sr->color);
            if (run > 1 && sr->dashed)
                dashed_polyline(r, xy, run, 2.5f, sr->color);
            run = 0;
        }
    }
    free(xy);
    /* Legend across the top. */
    if (c->legend) {
        float x = left;
        for (int s = 0; s < c->series_count; s++) {
            const RenderSeries *sr = &c->series[s];
            if (!sr->label)
                continue;
            float y = c->rect.y + ts * 0.7f;
            render_line(r, x, y, x + ts * 1.4f, y, 3, sr->color);
            if (sr->dashed)
                render_fill_rect(r, (RenderRect){x + ts * 0.5f, y - 2, ts * 0.35f, 4}, (RenderColor){255, 255, 255, 255});
            x += ts * 1.8f;
            x += render_text(r, sr->label, x, y - ts * 0.65f, ts, RENDER_FONT_REGULAR, ink, RENDER_LEFT) + ts * 1.2f;
        }
    }
}

bool render_chart_locate(const RenderChart *c, float x, int *index, float *line_x, float *top, float *bottom)
{
    float ts = c->text_size > 0 ? c->text_size : 12;
    float left = c->rect.x + ts * 3.6f, right = c->rect.x + c->rect.w - ts * 0.5f;
    *top = c->rect.y + ts * (c->legend ? 3.3f : 1.4f);
    *bottom = c->rect.y + c->rect.h - ts * 1.6f;
    if (c->n < 2 || right - left < 10 || x < left - 4 || x > right + 4)
        return false;
    float dx = (right - left) / (float)(c->n - 1);
    int i = (int)floorf((x - left) / dx + 0.5f);
    *index = i < 0 ? 0 : i >= c->n ? c->n - 1 : i;
    *line_x = left + dx * (float)*index;
    return true;
}
