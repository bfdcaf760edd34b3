/* ui_end.c — the end of the run (December 1962): what happened, in numbers
 * the simulation computed. The comparison with the historical record comes
 * with the reckoning. */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>

/* The title in the band across the top: as large as fits, down to body
 * size, then wrapped (a 200 % interface is 640 logical pixels wide).
 * Returns the band's height. */
static float title_band(UiCtx *c)
{
    const char *title = ui_t(c, "ui.end_title");
    float room = c->w - 32, band = fminf(150, fmaxf(72, c->h * 0.2f)), size = fminf(40, band * 0.4f), tw, th;
    render_text_size(c->r, title, size, RENDER_FONT_BOLD, &tw, &th);
    while (tw > room && size > UI_HEAD) {
        size -= 1;
        render_text_size(c->r, title, size, RENDER_FONT_BOLD, &tw, &th);
    }
    if (tw <= room) {
        render_fill_rect(c->r, (RenderRect){0, 0, c->w, band}, UI_SLATE);
        render_text(c->r, title, c->w / 2, fminf(40, (band - th) / 2), size, RENDER_FONT_BOLD, UI_WHITE, RENDER_CENTER);
        return band;
    }
    float h = render_text_wrapped(c->r, title, 16, 0, room, size, RENDER_FONT_BOLD, UI_WHITE, false);
    band = fmaxf(band, h + 24);
    render_fill_rect(c->r, (RenderRect){0, 0, c->w, band}, UI_SLATE);
    render_text_wrapped(c->r, title, 16, (band - h) / 2, room, size, RENDER_FONT_BOLD, UI_WHITE, true);
    return band;
}

void ui_end_screen(UiCtx *c)
{
    if (!c->m->game)
        return;
    const CoreState *s = game_state(c->m->game);
    double deaths = 0, births = 0, harvest = 0, reported = 0, exports = 0, imports = 0;
    for (int m = 0; m < s->month; m++) {
        for (int p = 0; p < s->province_count; p++) {
            const CoreProvinceMonth *h = &s->hist[m][p];
            deaths += (double)h->deaths;
            births += (double)h->births;
            harvest += (double)h->harvest_kg / 1000.0;
            reported += (double)h->harvest_reported_kg / 1000.0;
        }
        exports += (double)s->nhist[m].exports_kg / 1000.0;
        imports += (double)s->nhist[m].imports_kg / 1000.0;
    }
    double pop_end = 0;
    for (int p = 0; p < s->province_count; p++)
        pop_end += (double)(s->prov[p].rural_pop + s->prov[p].urban_pop);
    float band = title_band(c);
    /* Three buttons across the bottom, narrower on a narrow screen; the
     * figures between the band and them, scrolled when the window is short. */
    float bh = fminf(46, fmaxf(36, c->h * 0.1f)), by = c->h - bh - fminf(44, c->h * 0.06f);
    RenderRect area = {0, band + 8, c->w, by - 8 - (band + 8)};
    struct { const char *key; double v; int kind; } rows[] = {
        {"ui.end_deaths", deaths, 0},         {"ui.end_excess_deaths", game_excess_deaths(s, 1959, 1961), 0},
        {"ui.end_births", births, 0},         {"ui.end_population", pop_end, 0},
        {"ui.end_harvest", harvest, 1},       {"ui.end_reported", reported, 1},
        {"ui.end_exports", exports, 1},       {"ui.end_imports", imports, 1}};
    const int n = (int)(sizeof rows / sizeof rows[0]);
    /* Rows 40 apart in headings' type; in a short window closer, in body
     * type, so that every figure is in view (the note below may scroll). */
    float w = fminf(720, c->w - 48), lx = (c->w - w) / 2, rx = lx + w;
    float lead = fminf(42, area.h * 0.08f), pitch = 40;
    if (lead + n * pitch > area.h) {
        lead = fminf(12, area.h * 0.04f);
        pitch = fmaxf(24, (area.h - lead) / n);
    }
    float size = pitch >= 36 ? UI_HEAD : pitch >= 31 ? 17 : UI_TEXT, rule = pitch >= 36 ? pitch - 8 : pitch - 3;
    float y = ui_scroll_begin(c, area, &c->st->end_scroll, true) + lead;
    for (int i = 0; i < n; i++, y += pitch) {
        char buf[128];
        if (rows[i].kind == 0)
            ui_format_people(c, buf, sizeof buf, rows[i].v);
        else /* every tonnage in the harvest's unit */
            ui_format_tonnes_like(c, buf, sizeof buf, rows[i].v, harvest);
        float lw, lh, vw;
        const char *label = ui_t(c, rows[i].key);
        render_text_size(c->r, label, size, RENDER_FONT_REGULAR, &lw, &lh);
        render_text_size(c->r, buf, size, RENDER_FONT_BOLD, &vw, NULL);
        render_text(c->r, buf, rx, y, size, RENDER_FONT_BOLD, UI_INK, RENDER_RIGHT);
        if (lw + 16 + vw > w) /* no room beside the figure: the label wraps in what is left */
            y += render_text_wrapped(c->r, label, lx, y, w - vw - 16, size, RENDER_FONT_REGULAR, UI_INK, true) - lh;
        else
            render_text(c->r, label, lx, y, size, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
        render_line(c->r, lx, y + rule, rx, y + rule, 1, UI_LINE);
    }
    y += 10;
    y += render_text_wrapped(c->r, ui_t(c, "ui.end_note"), lx, y, w, UI_TEXT, RENDER_FONT_REGULAR, UI_MUTED, true);
    ui_scroll_end(c, area, &c->st->end_scroll, y + 12);
    float bw = fminf(200, (c->w - 80) / 3), gap = fminf(30, (c->w - 3 * bw) / 4);
    float bx = c->w / 2 - 1.5f * bw - gap;
    if (ui_button(c, (RenderRect){bx, by, bw, bh}, ui_t(c, "ui.ledger"), UI_BUTTON_PLAIN))
        c->st->overlay = UI_OVERLAY_LEDGER;
    if (ui_button(c, (RenderRect){bx + bw + gap, by, bw, bh}, ui_t(c, "ui.quit_to_title"), UI_BUTTON_PLAIN) ||
        ui_key(c, SDLK_ESCAPE))
        ui_action(c, UI_ACT_QUIT_TO_TITLE, 0, 0, NULL);
    /* Onward: the run against history, and what the choices changed. */
    if (ui_button(c, (RenderRect){bx + 2 * (bw + gap), by, bw, bh}, ui_t(c, "ui.rk_open"), UI_BUTTON_PRIMARY) ||
        ui_key(c, SDLK_RETURN))
        ui_action(c, UI_ACT_RECKONING, 0, 0, NULL);
}
