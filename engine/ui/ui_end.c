/* ui_end.c — the end of the run (December 1962): what happened, in numbers
 * the simulation computed. The comparison with the historical record comes
 * with the reckoning. */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>

void ui_end_screen(UiCtx *c)
{
    if (!c->m->game)
        return;
    const CoreState *s = game_state(c->m->game);
    render_fill_rect(c->r, (RenderRect){0, 0, c->w, 150}, UI_SLATE);
    render_text(c->r, ui_t(c, "ui.end_title"), c->w / 2, 40, 40, RENDER_FONT_BOLD, UI_WHITE, RENDER_CENTER);
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
    double pop_start = 0, pop_end = 0;
    for (int p = 0; p < s->province_count; p++) {
        pop_start += (double)s->info[p].pop_1957;
        pop_end += (double)(s->prov[p].rural_pop + s->prov[p].urban_pop);
    }
    char buf[128], a[64], b[64];
    float y = 200, lx = c->w / 2 - 360, rx = c->w / 2 + 360;
    struct { const char *key; double v; int kind; } rows[] = {
        {"ui.end_deaths", deaths, 0},         {"ui.end_excess_deaths", game_excess_deaths(s, 1959, 1961), 0},
        {"ui.end_births", births, 0},         {"ui.end_population", pop_end, 0},
        {"ui.end_harvest", harvest, 1},       {"ui.end_reported", reported, 1},
        {"ui.end_exports", exports, 1},       {"ui.end_imports", imports, 1}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++, y += 40) {
        if (rows[i].kind == 0)
            ui_format_people(c, buf, sizeof buf, rows[i].v);
        else /* every tonnage in the harvest's unit */
            ui_format_tonnes_like(c, buf, sizeof buf, rows[i].v, harvest);
        render_text(c->r, ui_t(c, rows[i].key), lx, y, UI_HEAD, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
        render_text(c->r, buf, rx, y, UI_HEAD, RENDER_FONT_BOLD, UI_INK, RENDER_RIGHT);
        render_line(c->r, lx, y + 32, rx, y + 32, 1, UI_LINE);
    }
    ui_format_people(c, a, sizeof a, pop_start);
    ui_format_people(c, b, sizeof b, pop_end);
    y += 10;
    render_text_wrapped(c->r, ui_t(c, "ui.end_note"), lx, y, rx - lx, UI_TEXT, RENDER_FONT_REGULAR, UI_MUTED, true);
    /* Three buttons across the bottom, narrower on a narrow screen. */
    float by = c->h - 90, bw = fminf(200, (c->w - 80) / 3), gap = fminf(30, (c->w - 3 * bw) / 4);
    float bx = c->w / 2 - 1.5f * bw - gap;
    if (ui_button(c, (RenderRect){bx, by, bw, 46}, ui_t(c, "ui.ledger"), UI_BUTTON_PLAIN))
        c->st->overlay = UI_OVERLAY_LEDGER;
    if (ui_button(c, (RenderRect){bx + bw + gap, by, bw, 46}, ui_t(c, "ui.quit_to_title"), UI_BUTTON_PLAIN) ||
        ui_key(c, SDLK_ESCAPE))
        ui_action(c, UI_ACT_QUIT_TO_TITLE, 0, 0, NULL);
    /* Onward: the run against history, and what the choices changed. */
    if (ui_button(c, (RenderRect){bx + 2 * (bw + gap), by, bw, 46}, ui_t(c, "ui.rk_open"), UI_BUTTON_PRIMARY) ||
        ui_key(c, SDLK_RETURN))
        ui_action(c, UI_ACT_RECKONING, 0, 0, NULL);
}
