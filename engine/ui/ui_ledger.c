/* ui_ledger.c — the ledger: line charts over the whole run, nationally or
 * for one province: grain reported and harvested, procurement and trade,
 * death rates (real and as reported) and birth rates, and food per person.
 * Every series says whether it is what the centre was told or what really
 * happened; pointing at a chart shows the month's values. */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SERIES 9

typedef struct Ledger {
    double *v[SERIES];
    int n;
} Ledger;

enum { REPORTED, HARVEST, PROCURED, EXPORTS, IMPORTS, DEATHS, DEATHS_REPORTED, BIRTHS, KCAL };

/* Builds every series month by month for a province or the nation (-1). */
static bool build(const CoreState *s, int province, Ledger *l, double grain_unit, double trade_unit)
{
    l->n = s->month;
    for (int k = 0; k < SERIES; k++) {
        l->v[k] = calloc((size_t)(l->n > 0 ? l->n : 1), sizeof *l->v[k]);
        if (!l->v[k])
            return false;
    }
    for (int m = 0; m < l->n; m++) {
        double pop = 0, rural = 0, kcal = 0, deaths = 0, deaths_rep = 0, births = 0;
        double rep12 = 0, har12 = 0, pro12 = 0, exp12 = 0, imp12 = 0;
        for (int p = 0; p < s->province_count; p++) {
            if (province >= 0 && p != province)
                continue;
            const CoreProvinceMonth *h = &s->hist[m][p];
            pop += (double)h->population;
            double rp = (double)(h->population - h->urban_pop);
            rural += rp;
            kcal += h->kcal_rural * rp;
            deaths += (double)h->deaths;
            deaths_rep += (double)h->deaths_reported;
            births += (double)h->births;
            for (int k = m; k >= 0 && k > m - 12; k--) {
                rep12 += (double)s->hist[k][p].harvest_reported_kg / 1e9;
                har12 += (double)s->hist[k][p].harvest_kg / 1e9;
                pro12 += (double)s->hist[k][p].procured_kg / 1e9;
            }
            /* The first year's window reaches into 1957's record, so 1958's
             * claims show from the month they are made. */
            double before = ui_harvest_before_start_kg(s, p, 11 - m) / 1e9;
            rep12 += before;
            har12 += before;
            pro12 += before * s->params[CORE_PARAM_procurement_rate_base];
        }
        for (int k = m; k >= 0 && k > m - 12; k--) {
            exp12 += (double)s->nhist[k].exports_kg / 1e9;
            imp12 += (double)s->nhist[k].imports_kg / 1e9;
        }
        bool year = true; /* a full year of trade only from the twelfth month */
        l->v[REPORTED][m] = year ? rep12 * grain_unit : NAN;
        l->v[HARVEST][m] = year ? har12 * grain_unit : NAN;
        l->v[PROCURED][m] = year ? pro12 * trade_unit : NAN;
        l->v[EXPORTS][m] = m >= 11 && province < 0 ? exp12 * trade_unit : NAN;
        l->v[IMPORTS][m] = m >= 11 && province < 0 ? imp12 * trade_unit : NAN;
        l->v[DEATHS][m] = pop > 0 ? 12000.0 * deaths / pop : NAN;
        l->v[DEATHS_REPORTED][m] = pop > 0 ? 12000.0 * deaths_rep / pop : NAN;
        l->v[BIRTHS][m] = pop > 0 ? 12000.0 * births / pop : NAN;
        l->v[KCAL][m] = rural > 0 ? kcal / rural : NAN;
    }
    return true;
}

void ui_ledger(UiCtx *c)
{
    ui_shade(c);
    bool closed = false;
    RenderRect in = ui_window(c, 1180, 720, ui_t(c, "ui.ledger"), &closed);
    if (closed || !c->m->game) {
        c->st->overlay = UI_OVERLAY_NONE;
        return;
    }
    const CoreState *s = game_state(c->m->game);
    UiState *st = c->st;
    /* The scope: China, or a province (list on the left). */
    float lw = 170, y;
    float *scroll = &st->scroll[UI_OVERLAY_LEDGER];
    RenderRect list = {in.x, in.y, lw, in.h};
    y = ui_scroll_begin(c, list, scroll, false);
    for (int p = -1; p < s->province_count; p++, y += 32) {
        const char *name = p < 0 ? ui_t(c, "ui.china") : ui_tf(c, "province.%s", s->info[p].id);
        RenderRect b = {in.x, y, lw - 12, 28};
        if (b.y + b.h < in.y || b.y > in.y + in.h)
            continue;
        if (ui_button(c, b, name, st->ledger_province == p ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN))
            st->ledger_province = p;
    }
    ui_scroll_end(c, list, scroll, y);
    if (s->month < 2) {
        render_text(c->r, ui_t(c, "ui.ledger_empty"), in.x + lw + 20, in.y + 20, UI_TEXT, RENDER_FONT_REGULAR,
                    UI_MUTED, RENDER_LEFT);
        return;
    }
    Ledger l = {{0}, 0};
    /* Chinese reads grain in 亿吨 and trade in 万吨; English in Mt. */
    bool zh = c->m->lang == SCRIPT_LANG_ZH;
    if (!build(s, st->ledger_province, &l, zh ? 0.01 : 1.0, zh ? 100.0 : 1.0))
        goto done;
    float cx = in.x + lw + 10, cw = (in.w - lw - 30) / 2, ch = (in.h - 42) / 2;
    /* Four charts in a square, or, in a small window, one above another in
     * a column that scrolls. */
    bool column = cw < 380 || ch < 190;
    RenderRect charts_area = {cx, in.y + 32, in.w - lw - 10, in.h - 32};
    float cy = in.y + 32;
    const char *title = st->ledger_province < 0 ? ui_t(c, "ui.china")
                                                : ui_tf(c, "province.%s", s->info[st->ledger_province].id);
    render_text(c->r, title, cx, in.y, UI_HEAD, RENDER_FONT_BOLD, UI_ACCENT, RENDER_LEFT);
    /* Every figure here is the model's, from the record it starts from (the
     * province's registers and grain accounts; China's yearbook series). */
    {
        float tw, th;
        render_text_size(c->r, title, UI_HEAD, RENDER_FONT_BOLD, &tw, &th);
        const char *ids[] = {"docs/model.md", "P01", "P04", "S01", "S04"};
        char tag_title[160];
        snprintf(tag_title, sizeof tag_title, "%s: %s", ui_t(c, "ui.ledger"), title);
        ui_source_tag(c, cx + tw + 16, in.y + 6, ids, st->ledger_province < 0 ? 5 : 3, tag_title);
    }
    /* The charts scroll under the title, which stays (drawn above, outside
     * the scrolled area's clip). */
    if (column) {
        cw = charts_area.w - 12;
        ch = 230;
        cy = ui_scroll_begin(c, charts_area, &st->ledger_chart_scroll, true);
    }
    /* Labels are copied: ui_t may share a buffer for formatted keys. Each
     * says whose figure it is: reported to the centre, or real. */
    enum { LABELS = 9 };
    char lab[LABELS][96];
    const char *keys[LABELS] = {"ui.ledger_reported", "ui.ledger_harvest_real", "ui.ledger_procured",
                                "ui.exports",         "ui.imports",             "ui.ledger_deaths_real",
                                "ui.ledger_deaths_reported", "ui.births",       "ui.ledger_food_real"};
    for (int k = 0; k < LABELS; k++)
        snprintf(lab[k], sizeof lab[k], "%s", ui_t(c, keys[k]));
    RenderSeries grain[2] = {{l.v[REPORTED], UI_SLATE, true, lab[0]}, {l.v[HARVEST], UI_ACCENT, false, lab[1]}};
    RenderSeries trade[3] = {{l.v[PROCURED], UI_SLATE, false, lab[2]},
                             {l.v[EXPORTS], UI_ACCENT, false, lab[3]},
                             {l.v[IMPORTS], (RenderColor){60, 140, 90, 255}, true, lab[4]}};
    RenderSeries rates[3] = {{l.v[DEATHS], UI_ACCENT, false, lab[5]},
                             {l.v[DEATHS_REPORTED], (RenderColor){150, 90, 80, 255}, true, lab[6]},
                             {l.v[BIRTHS], UI_SLATE, true, lab[7]}};
    RenderSeries food[1] = {{l.v[KCAL], UI_ACCENT, false, lab[8]}};
    struct { const char *title; const char *unit; RenderSeries *s; int n; } charts[4] = {
        {"ui.chart_grain", zh ? "unit.yi_t_per_year" : "unit.mt_per_year", grain, 2},
        {"ui.chart_procurement", zh ? "unit.wan_t_per_year" : "unit.mt_per_year", trade,
         st->ledger_province < 0 ? 3 : 1},
        {"ui.chart_rates", "unit.per_thousand_year", rates, 3},
        {"ui.chart_food", "unit.kcal_per_day", food, 1}};
    for (int i = 0; i < 4; i++) {
        float x = column ? cx : cx + (float)(i % 2) * (cw + 10);
        float yy = column ? cy + (float)i * (ch + 10) : cy + (float)(i / 2) * (ch + 10);
        RenderRect box = {x, yy, cw, ch};
        render_frame_rect(c->r, box, 1, UI_LINE);
        render_text(c->r, ui_t(c, charts[i].title), x + 10, yy + 6, UI_TEXT, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
        char unit[96];
        snprintf(unit, sizeof unit, "%s", ui_t(c, charts[i].unit));
        RenderChart chart = {{x + 6, yy + 30, cw - 12, ch - 36}, l.n, s->start_year, s->start_month,
                             charts[i].s, charts[i].n, 0, 0, unit, UI_SMALL - 1, true};
        render_chart(c->r, &chart);
        /* Pointing at a chart: the month, and each series' value then. */
        int at;
        float lx, top, bottom;
        if (ui_hover(c, box) && render_chart_locate(&chart, c->in->mouse_x, &at, &lx, &top, &bottom)) {
            render_line(c->r, lx, top, lx, bottom, 1, UI_MUTED);
            char lines[4][160], when[48];
            int m = s->start_month - 1 + at;
            ui_format_month(c, when, sizeof when, s->start_year + m / 12, m % 12 + 1);
            int n = 0;
            float tw = 0, w;
            render_text_size(c->r, when, UI_SMALL, RENDER_FONT_BOLD, &tw, NULL);
            for (int k = 0; k < charts[i].n; k++) {
                double v = charts[i].s[k].values[at];
                if (isfinite(v))
                    snprintf(lines[n], sizeof lines[n], "%s%s%.1f", charts[i].s[k].label, ui_t(c, "ui.colon"), v);
                else
                    snprintf(lines[n], sizeof lines[n], "%s%s\xE2\x80\x94", charts[i].s[k].label, ui_t(c, "ui.colon"));
                render_text_size(c->r, lines[n], UI_SMALL - 1, RENDER_FONT_REGULAR, &w, NULL);
                tw = fmaxf(tw, w);
                n++;
            }
            float bx = lx + 8 + tw + 16 > x + cw ? lx - 8 - tw - 16 : lx + 8, by = top + 4;
            render_fill_rect(c->r, (RenderRect){bx, by, tw + 16, 24 + 18 * (float)n}, (RenderColor){34, 34, 34, 230});
            render_text(c->r, when, bx + 8, by + 4, UI_SMALL, RENDER_FONT_BOLD, UI_WHITE, RENDER_LEFT);
            for (int k = 0; k < n; k++)
                render_text(c->r, lines[k], bx + 8, by + 22 + 18 * (float)k, UI_SMALL - 1, RENDER_FONT_REGULAR,
                            UI_WHITE, RENDER_LEFT);
        }
    }
    if (column)
        ui_scroll_end(c, charts_area, &st->ledger_chart_scroll, cy + 4 * (ch + 10));
done:
    for (int k = 0; k < SERIES; k++)
        free(l.v[k]);
}
