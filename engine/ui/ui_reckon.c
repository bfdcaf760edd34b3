/* ui_reckon.c — the reckoning, at the end of a run: the run against the
 * record (charts on the same axes, a map of excess deaths, the gap between
 * reported and real harvests, the grain exported), what each of the
 * player's decisions changed (re-run headless, a range over seeds), and a
 * sober account of what really happened, with its sources. */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIRST_YEAR 1958
#define YEARS 5
#define MONTHS (YEARS * 12)
#define HEADER_H 70.0f
#define FOOTER_H 64.0f

static const UiRecordYear *record_year(const UiCtx *c, int year)
{
    if (!c->m->record)
        return NULL;
    for (int i = 0; i < c->m->record->count; i++)
        if (c->m->record->years[i].year == year)
            return &c->m->record->years[i];
    return NULL;
}

/* A yearly value held for the twelve months of its year, so yearly figures
 * draw as steps on the months axis the charts use. */
static void steps(double *out, int year, double v)
{
    for (int m = 0; m < 12; m++)
        out[(year - FIRST_YEAR) * 12 + m] = v;
}

static void source_below(UiCtx *c, RenderRect chart, const char *id, const char *title_key)
{
    const char *ids[1] = {id};
    char title[160];
    snprintf(title, sizeof title, "%s", ui_t(c, title_key));
    ui_source_tag(c, chart.x + 8, chart.y + chart.h + 2, ids, id && id[0] ? 1 : 0, title);
}

/* The run's death rate (all deaths, and as the registers would have
 * counted them) against the registered record; the harvest, real and
 * reported, against the early official series. */
static void record_charts(UiCtx *c, RenderRect area)
{
    const CoreState *s = game_state(c->m->game);
    /* Grain in Mt, or in 亿吨 for Chinese readers. */
    bool zh = c->m->lang == SCRIPT_LANG_ZH;
    double grain_unit_t = zh ? 1e8 : 1e6;
    static double v[6][MONTHS];
    for (int k = 0; k < 6; k++)
        for (int m = 0; m < MONTHS; m++)
            v[k][m] = NAN;
    for (int year = FIRST_YEAR; year < FIRST_YEAR + YEARS; year++) {
        CoreYear y;
        if (core_year_summary(s, year, CORE_ALL_PROVINCES, &y) && y.months == 12) {
            steps(v[0], year, y.crude_death_rate);
            steps(v[1], year, y.registered_death_rate);
            steps(v[3], year, y.grain_actual_t / grain_unit_t);
            steps(v[4], year, y.grain_reported_t / grain_unit_t);
        }
        const UiRecordYear *r = record_year(c, year);
        if (r) {
            steps(v[2], year, r->cdr);
            steps(v[5], year, r->grain_mt * 1e6 / grain_unit_t);
        }
    }
    char l[6][96];
    const char *keys[6] = {"ui.rk_run_all_deaths", "ui.rk_run_registered", "ui.rk_record_registered",
                           "ui.rk_run_harvest", "ui.rk_run_reported", "ui.rk_record_harvest"};
    for (int k = 0; k < 6; k++)
        snprintf(l[k], sizeof l[k], "%s", ui_t(c, keys[k]));
    RenderColor record = {30, 30, 30, 255};
    RenderSeries deaths[3] = {{v[0], UI_ACCENT, false, l[0]}, {v[1], UI_ACCENT, true, l[1]}, {v[2], record, false, l[2]}};
    RenderSeries grain[3] = {{v[3], UI_ACCENT, false, l[3]}, {v[4], UI_SLATE, true, l[4]}, {v[5], record, false, l[5]}};
    float h = (area.h - 70) / 2;
    RenderRect top = {area.x, area.y + 26, area.w, h}, bottom = {area.x, area.y + 26 + h + 44, area.w, h};
    char unit[2][96];
    snprintf(unit[0], sizeof unit[0], "%s", ui_t(c, "unit.per_thousand_year"));
    snprintf(unit[1], sizeof unit[1], "%s", ui_t(c, zh ? "unit.yi_t_per_year" : "unit.mt_per_year"));
    render_text(c->r, ui_t(c, "ui.rk_death_rate"), area.x, area.y, UI_TEXT, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
    render_chart(c->r, &(RenderChart){top, MONTHS, FIRST_YEAR, 1, deaths, 3, 0, 0, unit[0], UI_SMALL - 1, true});
    source_below(c, top, c->m->record ? c->m->record->cdr_source : "", "ui.rk_death_rate");
    render_text(c->r, ui_t(c, "ui.rk_grain"), area.x, top.y + top.h + 24, UI_TEXT, RENDER_FONT_BOLD, UI_INK,
                RENDER_LEFT);
    render_chart(c->r, &(RenderChart){bottom, MONTHS, FIRST_YEAR, 1, grain, 3, 0, 0, unit[1], UI_SMALL - 1, true});
    source_below(c, bottom, c->m->record ? c->m->record->grain_source : "", "ui.rk_grain");
}

/* Deaths above normal in 1959-1961 per 1000 of each province's people. */
static double province_excess(const CoreState *s, int p)
{
    double excess = 0, pop = 0;
    for (int year = 1959; year <= 1961; year++) {
        CoreYear y;
        if (!core_year_summary(s, year, p, &y))
            continue;
        double mid = 0.5 * (double)(y.population_start + y.population);
        excess += (double)y.deaths - y.normal_death_rate / 1000.0 * mid * y.months / 12.0;
        if (year == 1959)
            pop = (double)y.population_start;
    }
    return pop > 0 ? 1000.0 * excess / pop : NAN;
}

#define EXCESS_SCALE 150.0 /* per 1000: the legend's fixed range */

static void excess_map(UiCtx *c, RenderRect area)
{
    const CoreState *s = game_state(c->m->game);
    const Map *map = c->m->map;
    int nf = map->feature_count;
    RenderColor *fill = malloc(sizeof *fill * (size_t)nf);
    const char **values = calloc((size_t)nf, sizeof *values), **names = calloc((size_t)nf, sizeof *names);
    char (*vbuf)[24] = calloc((size_t)nf, sizeof *vbuf);
    static char name_store[64][80];
    if (!fill || !values || !names || !vbuf)
        goto done;
    for (int f = 0; f < nf; f++) {
        const MapFeature *ft = &map->features[f];
        fill[f] = ft->kind == MAP_KIND_TAIWAN ? UI_TAIWAN : UI_LAND;
        int p = ft->kind == MAP_KIND_PROVINCE ? core_province_find(s, ft->id) : -1;
        if (p < 0)
            continue;
        double e = province_excess(s, p);
        /* A run stopped before 1959 has no famine years to show. */
        if (isfinite(e)) {
            fill[f] = render_palette(RENDER_PALETTE_VIRIDIS, 1.0 - fmax(0.0, e) / EXCESS_SCALE);
            snprintf(vbuf[f], sizeof vbuf[f], "%.0f", e);
        } else {
            snprintf(vbuf[f], sizeof vbuf[f], "\xE2\x80\x94");
        }
        values[f] = vbuf[f];
        if (p < 64) { /* ui_tf shares one buffer: keep a copy */
            snprintf(name_store[p], sizeof name_store[p], "%s", ui_tf(c, "province.%s", ft->id));
            names[f] = name_store[p];
        }
    }
    render_text(c->r, ui_t(c, "ui.rk_excess_map"), area.x, area.y, UI_TEXT, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
    RenderRect mr = {area.x, area.y + 26, area.w, area.h - 26 - 40};
    render_map_set_focus(c->m->map_view, (RenderRect){0, 0, 0, 0});
    render_map_set_area(c->m->map_view, mr);
    render_map_fit(c->m->map_view);
    RenderMapLayer layer = {.fill = fill, .names = names, .values = values, .hovered = -1, .selected = -1, .label_size = UI_SMALL,
                            .sea = UI_SEA, .outside = UI_PAPER, .border = {45, 45, 45, 255},
                            .context_border = {170, 164, 152, 255}, .highlight = {0, 0, 0, 255}};
    render_map_draw(c->r, c->m->map_view, &layer);
    /* The legend: fixed scale, numbers on the map as the second cue. */
    float ly = mr.y + mr.h + 8, lw = fminf(260, area.w * 0.5f);
    for (int i = 0; i < 48; i++)
        render_fill_rect(c->r, (RenderRect){area.x + lw * (float)i / 48, ly, lw / 48 + 1, 12},
                         render_palette(RENDER_PALETTE_VIRIDIS, 1.0 - i / 47.0));
    char hi[32];
    snprintf(hi, sizeof hi, "%.0f\xE2\x80\xB0", EXCESS_SCALE);
    render_text(c->r, "0", area.x, ly + 14, UI_SMALL - 1, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
    render_text(c->r, hi, area.x + lw, ly + 14, UI_SMALL - 1, RENDER_FONT_REGULAR, UI_INK, RENDER_RIGHT);
    render_text(c->r, ui_t(c, "ui.rk_excess_unit"), area.x + lw + 12, ly - 2, UI_SMALL - 1, RENDER_FONT_REGULAR,
                UI_MUTED, RENDER_LEFT);
done:
    free(fill);
    free(values);
    free(names);
    free(vbuf);
}

/* The key numbers: excess deaths against the published range, reported
 * against real harvests, grain sold abroad while people starved. */
static float key_numbers(UiCtx *c, float x, float y, float w)
{
    const CoreState *s = game_state(c->m->game);
    double excess = game_excess_deaths(s, 1959, 1961), reported = 0, actual = 0, exported = 0;
    for (int year = 1958; year <= 1962; year++) {
        CoreYear yr;
        if (core_year_summary(s, year, CORE_ALL_PROVINCES, &yr)) {
            reported += yr.grain_reported_t;
            actual += yr.grain_actual_t;
            if (year == 1959 || year == 1960)
                exported += yr.exports_t - yr.imports_t;
        }
    }
    /* A run cut short (a purge) has no figures for the years it did not
     * reach: a dash, not a zero. */
    CoreYear probe;
    bool reached_1959 = core_year_summary(s, 1959, CORE_ALL_PROVINCES, &probe);
    bool harvested = core_month_index(s, 1958, 7) < s->month;
    if (!reached_1959)
        excess = NAN;
    if (!harvested)
        reported = actual = NAN;
    if (!reached_1959)
        exported = NAN;
    char a[64], b[64], line[256];
    ui_format_people(c, a, sizeof a, excess);
    snprintf(line, sizeof line, "%s%s%s", ui_t(c, "ui.rk_excess_run"), ui_t(c, "ui.colon"), a);
    render_text(c->r, line, x, y, UI_TEXT, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
    y += 22;
    y += render_text_wrapped(c->r, ui_t(c, "ui.rk_excess_range"), x, y, w, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED,
                             true);
    const char *ids[] = {"S17", "dikotter2010", "houser2009"};
    char title[128];
    snprintf(title, sizeof title, "%s", ui_t(c, "ui.rk_excess_run"));
    y += 2 + (ui_source_tag(c, x, y + 2, ids, 3, title) > 0 ? 22 : 0);
    ui_format_tonnes(c, a, sizeof a, reported);
    ui_format_tonnes(c, b, sizeof b, actual);
    snprintf(line, sizeof line, "%s%s%s / %s", ui_t(c, "ui.rk_reported_actual"), ui_t(c, "ui.colon"), a, b);
    render_text(c->r, line, x, y + 4, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
    y += 26;
    const UiRecordYear *r59 = record_year(c, 1959), *r60 = record_year(c, 1960);
    double record_t = r59 && r60 ? (r59->net_exports_mt + r60->net_exports_mt) * 1e6 : NAN;
    ui_format_tonnes_like(c, a, sizeof a, exported, isfinite(record_t) ? record_t : actual);
    if (isfinite(record_t)) {
        ui_format_tonnes_like(c, b, sizeof b, record_t, record_t);
        snprintf(line, sizeof line, "%s%s%s (%s %s)", ui_t(c, "ui.rk_exported"), ui_t(c, "ui.colon"), a,
                 ui_t(c, "ui.rk_record"), b);
    } else {
        snprintf(line, sizeof line, "%s%s%s", ui_t(c, "ui.rk_exported"), ui_t(c, "ui.colon"), a);
    }
    render_text(c->r, line, x, y, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
    return y + 26;
}

/* Below this size (logical px) the two columns become one that scrolls:
 * a small window, or a large interface. */
#define RECORD_TWO_COLUMNS_W 980.0f
#define RECORD_TWO_COLUMNS_H 440.0f

static void tab_record(UiCtx *c, RenderRect area)
{
    if (area.w >= RECORD_TWO_COLUMNS_W && area.h >= RECORD_TWO_COLUMNS_H) {
        float half = (area.w - 30) / 2;
        record_charts(c, (RenderRect){area.x, area.y, half, area.h - 20});
        RenderRect right = {area.x + half + 30, area.y, half, area.h * 0.64f};
        excess_map(c, right);
        key_numbers(c, right.x, right.y + right.h + 14, half);
        return;
    }
    float *scroll = &c->st->reckoning_scroll;
    float y = ui_scroll_begin(c, area, scroll, true), w = area.w - 12;
    record_charts(c, (RenderRect){area.x, y, w, 460});
    y += 460 + 16;
    excess_map(c, (RenderRect){area.x, y, w, 360});
    y += 360 + 14;
    y = key_numbers(c, area.x, y, w);
    ui_scroll_end(c, area, scroll, y + 8);
}

/* One row per event the player decided: what they chose, what was tried
 * instead, and the change in excess deaths over the seeds. */
static void tab_decisions(UiCtx *c, RenderRect area)
{
    const GameReckoning *rk = c->m->reckoning;
    float y = area.y;
    y += render_text_wrapped(c->r, ui_t(c, "ui.rk_decisions_intro"), area.x, y, area.w, UI_SMALL + 1,
                             RENDER_FONT_REGULAR, UI_INK, true) +
         10;
    if (!rk) {
        render_text(c->r, ui_t(c, "ui.rk_no_decisions"), area.x, y, UI_TEXT, RENDER_FONT_REGULAR, UI_MUTED,
                    RENDER_LEFT);
        return;
    }
    double progress = game_reckon_progress(rk);
    if (game_reckon_error(rk)[0]) {
        render_text_wrapped(c->r, game_reckon_error(rk), area.x, y, area.w, UI_SMALL, RENDER_FONT_REGULAR, UI_ACCENT,
                            true);
        y += 24;
    } else if (progress < 1.0) {
        /* Progress of the re-runs: they continue while this screen is shown. */
        char p[96];
        snprintf(p, sizeof p, "%s %.0f%%", ui_t(c, "ui.rk_computing"), 100.0 * progress);
        render_text(c->r, p, area.x, y, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED, RENDER_LEFT);
        render_frame_rect(c->r, (RenderRect){area.x + 260, y + 3, 300, 12}, 1, UI_LINE);
        render_fill_rect(c->r, (RenderRect){area.x + 261, y + 4, 298 * (float)progress, 10}, UI_SLATE);
        y += 26;
    }
    float col1 = area.x, col2 = area.x + area.w * 0.40f, col3 = area.x + area.w * 0.68f, colr = area.x + area.w - 14;
    render_text(c->r, ui_t(c, "ui.rk_col_event"), col1, y, UI_SMALL, RENDER_FONT_BOLD, UI_MUTED, RENDER_LEFT);
    render_text(c->r, ui_t(c, "ui.rk_col_instead"), col2, y, UI_SMALL, RENDER_FONT_BOLD, UI_MUTED, RENDER_LEFT);
    render_text(c->r, ui_t(c, "ui.rk_col_change"), colr, y, UI_SMALL, RENDER_FONT_BOLD, UI_MUTED, RENDER_RIGHT);
    y += 22;
    render_line(c->r, area.x, y - 2, colr, y - 2, 1, UI_LINE);
    RenderRect list = {area.x, y, area.w, area.y + area.h - y};
    float *scroll = &c->st->reckoning_scroll;
    y = ui_scroll_begin(c, list, scroll, true);
    for (int i = 0; i < game_reckon_count(rk); i++) {
        const GameReckonItem *it = game_reckon_item(rk, i);
        char title[160], chose[200], instead[200], change[200], key[160];
        if (it->policy) { /* a change from the policy board, tried undone */
            snprintf(key, sizeof key, "policy.%s.name", it->event);
            snprintf(title, sizeof title, "%s", ui_t(c, key));
            int y0, m0;
            char when[48] = "";
            if (sscanf(it->month, "%d-%d", &y0, &m0) == 2)
                ui_format_month(c, when, sizeof when, y0, m0);
            snprintf(chose, sizeof chose, "%s, %s",
                     ui_t(c, strcmp(it->option, "enact") == 0 ? "ui.rk_board_enacted" : "ui.rk_board_repealed"), when);
            snprintf(instead, sizeof instead, "%s",
                     ui_t(c, strcmp(it->option, "enact") == 0 ? "ui.rk_board_not_enacted" : "ui.rk_board_kept"));
        } else {
            snprintf(key, sizeof key, "event.%s.title", it->event);
            snprintf(title, sizeof title, "%s", ui_t(c, key));
            snprintf(key, sizeof key, "event.%s.option.%s", it->event, it->option);
            snprintf(chose, sizeof chose, "%s", ui_t(c, key));
            snprintf(key, sizeof key, "event.%s.option.%s", it->event, it->flipped);
            snprintf(instead, sizeof instead, "%s", ui_t(c, key));
        }
        if (!it->done)
            snprintf(change, sizeof change, "\xE2\x80\xA6");
        else if (fabs(it->change_max_m - it->change_min_m) < 0.05)
            ui_format_millions(c, change, sizeof change, it->change_min_m, true);
        else {
            char lo[48], hi[48];
            ui_format_millions(c, lo, sizeof lo, it->change_min_m, true);
            ui_format_millions(c, hi, sizeof hi, it->change_max_m, true);
            snprintf(change, sizeof change, "%s %s %s", lo, ui_t(c, "ui.rk_to"), hi);
        }
        /* The event and the choice wrap within their column, and the row
         * grows to hold them (a small window, a large interface). */
        bool shown = y > list.y - 120 && y < list.y + list.h + 10;
        float tw = col2 - col1 - 12;
        float th = render_text_wrapped(c->r, title, col1, y, tw, UI_SMALL, RENDER_FONT_BOLD, UI_INK, shown);
        float ch = render_text_wrapped(c->r, chose, col1, y + th, tw, UI_SMALL - 1, RENDER_FONT_REGULAR, UI_MUTED,
                                       shown);
        float ih = render_text_wrapped(c->r, instead, col2, y, col3 - col2 + 60, UI_SMALL - 1, RENDER_FONT_REGULAR,
                                       UI_INK, shown);
        if (shown) {
            RenderColor ink = !it->done ? UI_MUTED : it->change_max_m < -0.05 ? (RenderColor){35, 110, 60, 255}
                                                    : it->change_min_m > 0.05 ? UI_ACCENT : UI_INK;
            render_text(c->r, change, colr, y, UI_SMALL, RENDER_FONT_BOLD, ink, RENDER_RIGHT);
        }
        y += fmaxf(44, fmaxf(th + ch, ih) + 8);
    }
    ui_scroll_end(c, list, scroll, y);
}

static float tab_history(UiCtx *c, RenderRect area)
{
    float w = fminf(area.w, 900), x = area.x + (area.w - w) / 2, y = area.y;
    static const char *const keys[] = {"ui.rk_history_1", "ui.rk_history_2", "ui.rk_history_3"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        y += render_text_wrapped(c->r, ui_t(c, keys[i]), x, y, w, UI_TEXT + 1, RENDER_FONT_REGULAR, UI_INK, true) +
             14;
    const char *ids[] = {"S01", "S03", "S04", "S12", "P01", "S17", "E27", "houser2009"};
    char title[128];
    snprintf(title, sizeof title, "%s", ui_t(c, "ui.rk_tab_history"));
    ui_source_tag(c, x, y + 4, ids, (int)(sizeof ids / sizeof ids[0]), title);
    return y + 30;
}

/* What mattered in history: each group's share of the excess deaths
 * (a Shapley decomposition over seeds), as bars with their spread. */
static float tab_mattered(UiCtx *c, RenderRect area)
{
    const GameShapley *sh = c->m->shapley;
    float w = fminf(area.w, 980), x = area.x + (area.w - w) / 2, y = area.y;
    y += render_text_wrapped(c->r, ui_t(c, "ui.rk_mattered_intro"), x, y, w, UI_SMALL + 1, RENDER_FONT_REGULAR,
                             UI_INK, true) +
         12;
    if (!sh) {
        render_text(c->r, ui_t(c, "ui.rk_no_decisions"), x, y, UI_TEXT, RENDER_FONT_REGULAR, UI_MUTED, RENDER_LEFT);
        return y + 30;
    }
    if (game_shapley_error(sh)[0])
        return y + render_text_wrapped(c->r, game_shapley_error(sh), x, y, w, UI_SMALL, RENDER_FONT_REGULAR, UI_ACCENT,
                                       true);
    if (!game_shapley_done(sh)) {
        double progress = game_shapley_progress(sh);
        char p[96];
        snprintf(p, sizeof p, "%s %.0f%%", ui_t(c, "ui.rk_computing"), 100.0 * progress);
        render_text(c->r, p, x, y, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED, RENDER_LEFT);
        render_frame_rect(c->r, (RenderRect){x + 260, y + 3, 300, 12}, 1, UI_LINE);
        render_fill_rect(c->r, (RenderRect){x + 261, y + 4, 298 * (float)progress, 10}, UI_SLATE);
        return y + 30;
    }
    double scale = 1;
    for (int i = 0; i < GAME_SHAPLEY_GROUPS; i++) {
        const GameShapleyGroup *g = game_shapley_group(sh, i);
        scale = fmax(scale, fmax(fabs(g->min_m), fabs(g->max_m)));
    }
    float label_w = fminf(360, w * 0.38f), value_w = 230, bar_x = x + label_w + 16, bar_w = w - label_w - value_w - 32;
    float zero = bar_x + bar_w * 0.15f, unit = bar_w * 0.85f / (float)scale, top = y;
    for (int i = 0; i < GAME_SHAPLEY_GROUPS; i++) {
        const GameShapleyGroup *g = game_shapley_group(sh, i);
        char key[96], value[256];
        snprintf(key, sizeof key, "ui.rk_group_%s", g->id);
        float lh = render_text_wrapped(c->r, ui_t(c, key), x, y, label_w, UI_SMALL, RENDER_FONT_BOLD, UI_INK, true);
        float b0 = zero + (float)fmin(0.0, g->mean_m) * unit, b1 = zero + (float)fmax(0.0, g->mean_m) * unit;
        render_fill_rect(c->r, (RenderRect){b0, y + 4, fmaxf(1, b1 - b0), 22}, g->mean_m >= 0 ? UI_ACCENT : UI_SLATE);
        /* The spread over seeds: a line from the smallest to the largest. */
        float s0 = zero + (float)g->min_m * unit, s1 = zero + (float)g->max_m * unit;
        render_line(c->r, s0, y + 15, s1, y + 15, 2, UI_INK);
        render_line(c->r, s0, y + 9, s0, y + 21, 2, UI_INK);
        render_line(c->r, s1, y + 9, s1, y + 21, 2, UI_INK);
        char mean[48], lo[48], hi[48];
        ui_format_millions(c, mean, sizeof mean, g->mean_m, false);
        ui_format_millions(c, lo, sizeof lo, g->min_m, false);
        ui_format_millions(c, hi, sizeof hi, g->max_m, false);
        snprintf(value, sizeof value, "%s (%s %s %s)", mean, lo, ui_t(c, "ui.rk_to"), hi);
        render_text(c->r, value, x + w, y + 6, UI_SMALL - 1, RENDER_FONT_REGULAR, UI_INK, RENDER_RIGHT);
        y += fmaxf(40, lh + 14);
    }
    render_line(c->r, zero, top - 4, zero, y - 8, 1, UI_LINE);
    double hist, none;
    game_shapley_totals(sh, &hist, &none);
    char line[400], a[96], b[96], sep[16];
    snprintf(a, sizeof a, "%s", ui_t(c, "ui.rk_mattered_history"));
    snprintf(b, sizeof b, "%s", ui_t(c, "ui.rk_mattered_none"));
    snprintf(sep, sizeof sep, "%s", ui_t(c, "ui.semicolon"));
    char hist_t[48], none_t[48];
    ui_format_millions(c, hist_t, sizeof hist_t, hist, false);
    ui_format_millions(c, none_t, sizeof none_t, none, false);
    snprintf(line, sizeof line, "%s %s%s%s %s", a, hist_t, sep, b, none_t);
    y += 6;
    y += render_text_wrapped(c->r, line, x, y, w, UI_SMALL, RENDER_FONT_REGULAR, UI_INK, true) + 8;
    return y + render_text_wrapped(c->r, ui_t(c, "ui.rk_mattered_warning"), x, y, w, UI_SMALL, RENDER_FONT_REGULAR,
                                   UI_MUTED, true);
}

void ui_reckoning_screen(UiCtx *c)
{
    if (!c->m->game)
        return;
    UiState *st = c->st;
    static const char *const tabs[] = {"ui.rk_tab_record", "ui.rk_tab_decisions", "ui.rk_tab_history",
                                       "ui.rk_tab_mattered"};
    int tab_count = c->m->kiosk ? 3 : 4;
    /* The tabs beside the title, or on a line of their own below it. */
    float title_w, tabs_w = 0, widths[4];
    render_text_size(c->r, ui_t(c, "ui.rk_title"), UI_TITLE, RENDER_FONT_BOLD, &title_w, NULL);
    for (int t = 0; t < tab_count; t++) {
        render_text_size(c->r, ui_t(c, tabs[t]), UI_TEXT, RENDER_FONT_REGULAR, &widths[t], NULL);
        widths[t] += 36;
        tabs_w += widths[t] + 8;
    }
    float beside = fmaxf(300, 20 + title_w + 24); /* where the tabs begin beside the title */
    bool below = beside + tabs_w + 142 > c->w;
    float header_h = below ? HEADER_H + 48 : HEADER_H;
    RenderRect header = {0, 0, c->w, header_h};
    render_fill_rect(c->r, header, UI_SLATE);
    render_text(c->r, ui_t(c, "ui.rk_title"), 20, 18, UI_TITLE, RENDER_FONT_BOLD, UI_WHITE, RENDER_LEFT);
    float tx = below ? 20 : beside, ty = below ? HEADER_H - 2 : 16;
    float squeeze = below && tabs_w > c->w - 40 ? (c->w - 40) / tabs_w : 1; /* narrower still: narrower tabs */
    for (int t = 0; t < tab_count; t++) {
        RenderRect b = {tx, ty, widths[t] * squeeze, 40};
        if (ui_button(c, b, ui_t(c, tabs[t]), st->reckoning_tab == t ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN) ||
            ui_key(c, SDLK_1 + t))
            st->reckoning_tab = t, st->reckoning_scroll = 0;
        tx += b.w + 8 * squeeze;
    }
    ui_language_button(c, (RenderRect){c->w - 134, 16, 118, 40});
    /* A run that ended in a purge says so first. */
    GameStanding standing = game_standing(c->m->game);
    if (standing.purged_month >= 0 && !c->m->kiosk) {
        const CoreState *s = game_state(c->m->game);
        char when[48], line[512];
        int m = s->start_month - 1 + standing.purged_month;
        ui_format_month(c, when, sizeof when, s->start_year + m / 12, m % 12 + 1);
        snprintf(line, sizeof line, "%s, %s. %s", ui_t(c, "ui.purged_title"), when, ui_t(c, "ui.purged"));
        float h = render_text_wrapped(c->r, line, 0, 0, c->w - 48, UI_TEXT, RENDER_FONT_BOLD, UI_WHITE, false) + 16;
        render_fill_rect(c->r, (RenderRect){0, header_h, c->w, h}, UI_ACCENT);
        render_text_wrapped(c->r, line, 24, header_h + 8, c->w - 48, UI_TEXT, RENDER_FONT_BOLD, UI_WHITE, true);
        header_h += h;
    }
    RenderRect area = {24, header_h + 16, c->w - 48, c->h - header_h - FOOTER_H - 24};
    switch (st->reckoning_tab) {
    case 1: tab_decisions(c, area); break;
    case 2:
    case 3: { /* prose and bars: they scroll when the window is small */
        float *scroll = &st->reckoning_scroll;
        RenderRect inner = {area.x, ui_scroll_begin(c, area, scroll, true), area.w - 12, area.h};
        float end = st->reckoning_tab == 2 ? tab_history(c, inner) : tab_mattered(c, inner);
        ui_scroll_end(c, area, scroll, end + 8);
        break;
    }
    default: tab_record(c, area); break;
    }
    float by = c->h - FOOTER_H + 8;
    render_line(c->r, 0, c->h - FOOTER_H, c->w, c->h - FOOTER_H, 1, UI_LINE);
    /* Three buttons: narrower, all three alike, when the window is. */
    float bw = 200, pw = 220;
    if (24 + bw + 12 + bw + 12 + pw + 24 > c->w)
        bw = pw = (c->w - 48 - 24) / 3;
    if (ui_button(c, (RenderRect){24, by, bw, 44}, ui_t(c, "ui.ledger"), UI_BUTTON_PLAIN))
        st->overlay = UI_OVERLAY_LEDGER;
    if (ui_button(c, (RenderRect){24 + bw + 12, by, bw, 44}, ui_t(c, "ui.sources"), UI_BUTTON_PLAIN))
        st->overlay = UI_OVERLAY_SOURCES;
    /* A kiosk visitor finishes (back to the attract loop); a player goes
     * back to the title. */
    if (c->m->kiosk) {
        c->st->primary = (RenderRect){c->w - 24 - pw, by, pw, 44};
        if (ui_button(c, c->st->primary, ui_t(c, "ui.kiosk_finish"), UI_BUTTON_PRIMARY))
            ui_action(c, UI_ACT_KIOSK_FINISH, 0, 0, NULL);
    } else if (ui_button(c, (RenderRect){c->w - 24 - pw, by, pw, 44}, ui_t(c, "ui.quit_to_title"), UI_BUTTON_PRIMARY) ||
               ui_key(c, SDLK_ESCAPE)) {
        ui_action(c, UI_ACT_QUIT_TO_TITLE, 0, 0, NULL);
    }
}
