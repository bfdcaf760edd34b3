/* ui_game.c — the game screen: the map between the bars (ui_bars.c), its
 * legend, the tooltip, the month's notifications with their pings, the
 * card's framing, and the province panel (reported next to actual, a
 * chart, and why each lever has its value). */
#define _POSIX_C_SOURCE 200809L /* strtok_r */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PANEL_W 380.0f

static const CoreState *state(const UiCtx *c) { return game_state(c->m->game); }

/* ==== Map ==== */

/* The province panel floats over the map's right side. */
static RenderRect panel_rect(const UiCtx *c, RenderRect area)
{
    (void)c;
    float w = fminf(PANEL_W, area.w * 0.45f);
    return (RenderRect){area.x + area.w - w, area.y, w, area.h};
}

static void value_text(const UiCtx *c, UiMapMode mode, double v, char *buf, size_t cap)
{
    if (!isfinite(v)) {
        snprintf(buf, cap, "\xE2\x80\x94");
        return;
    }
    if ((int)mode >= UI_MODE_COUNT) {
        snprintf(buf, cap, "%.*f", ui_mode_info(mode)->decimals, v);
        return;
    }
    switch (mode) {
    case UI_MODE_REPORTED_HARVEST:
    case UI_MODE_ACTUAL_HARVEST:
    case UI_MODE_RETAINED: snprintf(buf, cap, "%.0f %s", v, ui_t(c, "unit.kg")); break;
    case UI_MODE_DEATH_RATE: snprintf(buf, cap, "%.1f\xE2\x80\xB0", v); break;
    case UI_MODE_POPULATION_CHANGE: snprintf(buf, cap, "%+.1f%%", v); break;
    default: snprintf(buf, cap, "%.0f%%", v); break;
    }
}

/* t in [0, 1] along a mod's colours, or the palette. */
static RenderColor mode_palette(const UiModeInfo *mi, double t)
{
    t = mi->reversed ? 1.0 - t : t;
    if (mi->color_count < 2)
        return render_palette(mi->palette, t);
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    double at = t * (mi->color_count - 1);
    int i = at >= mi->color_count - 1 ? mi->color_count - 2 : (int)at;
    double f = at - i;
    uint32_t a = mi->colors[i], b = mi->colors[i + 1];
    return (RenderColor){(uint8_t)lround((a >> 16 & 255) * (1 - f) + (b >> 16 & 255) * f),
                         (uint8_t)lround((a >> 8 & 255) * (1 - f) + (b >> 8 & 255) * f),
                         (uint8_t)lround((a & 255) * (1 - f) + (b & 255) * f), 255};
}

static RenderColor mode_color(const UiModeInfo *mi, double v)
{
    return mode_palette(mi, (v - mi->lo) / (mi->hi - mi->lo));
}

static void draw_map(UiCtx *c, RenderRect area, const int *marked, int marked_count, const RenderRect *obstacles,
                     int obstacle_count, bool sea_under)
{
    const Map *map = c->m->map;
    UiState *st = c->st;
    const CoreState *s = state(c);
    const UiModeInfo *mi = ui_mode_info(st->mode);
    int nf = map->feature_count;
    RenderColor *fill = malloc(sizeof *fill * (size_t)nf);
    const char **names = calloc((size_t)nf, sizeof *names);
    const char **values = calloc((size_t)nf, sizeof *values);
    char (*vbuf)[32] = calloc((size_t)nf, sizeof *vbuf);
    if (!fill || !names || !values || !vbuf)
        goto done;
    for (int f = 0; f < nf; f++) {
        const MapFeature *ft = &map->features[f];
        if (ft->kind == MAP_KIND_PROVINCE) {
            int p = core_province_find(s, ft->id);
            double v = ui_mode_value(s, p, st->mode, st->true_figures);
            fill[f] = isfinite(v) ? mode_color(mi, v) : UI_LAND;
            names[f] = ui_tf(c, "province.%s", ft->id);
            if (p >= 0 && !s->info[p].leap_reached) { /* marked, and explained under the legend */
                static char starred[80];
                snprintf(starred, sizeof starred, "%s*", names[f]);
                names[f] = starred;
            }
            /* The second cue: numbers on the map, so colour alone carries nothing. */
            if (st->show_values) {
                value_text(c, st->mode, v, vbuf[f], sizeof vbuf[f]);
                values[f] = vbuf[f];
            }
        } else if (ft->kind == MAP_KIND_TAIWAN) {
            fill[f] = UI_TAIWAN;
            names[f] = ui_t(c, "ui.taiwan_not_simulated");
        } else {
            fill[f] = UI_LAND;
        }
    }
    /* ui_tf returns a shared buffer: copy province names out of it. */
    static char name_store[64][80];
    for (int f = 0, k = 0; f < nf && k < 64; f++)
        if (names[f]) {
            snprintf(name_store[k], sizeof name_store[k], "%s", names[f]);
            names[f] = name_store[k++];
        }
    render_map_set_area(c->m->map_view, area);
    RenderMapLayer layer = {.fill = fill,
                            .names = names,
                            .values = values,
                            .hovered = st->hovered,
                            .selected = st->selected,
                            .marked = marked,
                            .marked_count = marked_count,
                            .mark = UI_ACCENT,
                            .obstacles = obstacles,
                            .obstacle_count = obstacle_count,
                            .label_size = UI_SMALL + 1,
                            .sea = UI_SEA,
                            .outside = {214, 216, 212, 255},
                            .border = {45, 45, 45, 255},
                            .context_border = {170, 164, 152, 255},
                            .highlight = {0, 0, 0, 255},
                            .sea_under = sea_under};
    render_map_draw(c->r, c->m->map_view, &layer);
done:
    free(fill);
    free(names);
    free(values);
    free(vbuf);
}

static void map_input(UiCtx *c, RenderRect area)
{
    UiState *st = c->st;
    const UiInput *in = c->in;
    RenderMap *view = c->m->map_view;
    bool over = ui_hover(c, area);
    int pick = over ? render_map_pick(view, in->mouse_x, in->mouse_y) : -1;
    if (pick >= 0 && c->m->map->features[pick].kind != MAP_KIND_PROVINCE)
        pick = -1;
    st->hovered = pick;
    if (over && in->wheel != 0)
        render_map_zoom(view, powf(1.2f, in->wheel), in->mouse_x, in->mouse_y);
    if (over && in->mouse_pressed) {
        st->dragging = false;
        st->drag_x = in->mouse_x;
        st->drag_y = in->mouse_y;
    }
    if (ui_active(c) && in->mouse_down && st->press_x >= area.x && st->press_x < area.x + area.w &&
        st->press_y >= area.y && st->press_y < area.y + area.h) {
        float dx = in->mouse_x - st->drag_x, dy = in->mouse_y - st->drag_y;
        if (st->dragging || fabsf(in->mouse_x - st->press_x) + fabsf(in->mouse_y - st->press_y) > 5) {
            st->dragging = true;
            render_map_pan(view, dx, dy);
        }
        st->drag_x = in->mouse_x;
        st->drag_y = in->mouse_y;
    }
    if (over && in->mouse_released && !st->dragging && !c->click_taken) {
        st->selected = pick == st->selected ? -1 : pick;
        c->click_taken = true;
    }
    if (in->mouse_released)
        st->dragging = false;
    /* Keys: arrows pan, +/- zoom, Home fits. */
    float step = 60;
    if (ui_key(c, SDLK_LEFT))
        render_map_pan(view, step, 0);
    if (ui_key(c, SDLK_RIGHT))
        render_map_pan(view, -step, 0);
    if (ui_key(c, SDLK_UP))
        render_map_pan(view, 0, step);
    if (ui_key(c, SDLK_DOWN))
        render_map_pan(view, 0, -step);
    float cx = area.x + area.w / 2, cy = area.y + area.h / 2;
    if (ui_key(c, SDLK_PLUS) || ui_key(c, SDLK_EQUALS) || ui_key(c, SDLK_KP_PLUS))
        render_map_zoom(view, 1.25f, cx, cy);
    if (ui_key(c, SDLK_MINUS) || ui_key(c, SDLK_KP_MINUS))
        render_map_zoom(view, 0.8f, cx, cy);
    if (ui_key(c, SDLK_HOME))
        render_map_fit(view);
}

/* Whether a province of the state stands outside the Leap (Tibet). */
static bool any_outside_leap(const CoreState *s)
{
    for (int p = 0; p < s->province_count; p++)
        if (!s->info[p].leap_reached)
            return true;
    return false;
}

/* Which figures the map shows: the centre's, or what really happened. */
static const char *legend_view(UiCtx *c)
{
    const UiModeInfo *mi = ui_mode_info(c->st->mode);
    static const char *const tag[] = {[UI_FIGURES_REPORTED] = "ui.showing_reported",
                                      [UI_FIGURES_ACTUAL] = "ui.showing_true",
                                      [UI_FIGURES_GAP] = "ui.showing_gap"};
    UiFigures f = mi->figures == UI_FIGURES_EITHER
                      ? (c->st->true_figures ? UI_FIGURES_ACTUAL : UI_FIGURES_REPORTED) : mi->figures;
    return ui_t(c, tag[f]);
}

/* Whether the legend's title and the figures it shows share a line in a
 * box `w` wide (or the figures go on a line of their own). */
static bool legend_one_line(UiCtx *c, float w)
{
    float tw, vw;
    render_text_size(c->r, ui_t(c, ui_mode_info(c->st->mode)->name_key), UI_TEXT, RENDER_FONT_BOLD, &tw, NULL);
    render_text_size(c->r, legend_view(c), UI_SMALL, RENDER_FONT_REGULAR, &vw, NULL);
    return tw + vw + 30 <= w;
}

#define LEGEND_TAG_LINE 20.0f

/* The unit fits centred between the two ends of the scale (bw wide), clear
 * of their figures; if not, it has a line of its own under them. */
static bool legend_unit_beside(UiCtx *c, float bw)
{
    const UiModeInfo *mi = ui_mode_info(c->st->mode);
    char lo[32], hi[32];
    value_text(c, c->st->mode, mi->lo, lo, sizeof lo);
    value_text(c, c->st->mode, mi->hi, hi, sizeof hi);
    float lw, hw, uw;
    render_text_size(c->r, lo, UI_SMALL, RENDER_FONT_REGULAR, &lw, NULL);
    render_text_size(c->r, hi, UI_SMALL, RENDER_FONT_REGULAR, &hw, NULL);
    render_text_size(c->r, ui_t(c, mi->unit_key), UI_SMALL, RENDER_FONT_REGULAR, &uw, NULL);
    return uw / 2 + 8 <= bw / 2 - fmaxf(lw, hw);
}

/* The legend's box: the map's bottom left corner. */
static RenderRect legend_rect(UiCtx *c, RenderRect area)
{
    bool note = any_outside_leap(state(c));
    float w = fminf(330, fmaxf(240, area.w * 0.26f)), h = 86;
    if (!legend_one_line(c, w))
        h += LEGEND_TAG_LINE;
    if (!legend_unit_beside(c, w - 20))
        h += LEGEND_TAG_LINE;
    if (note)
        h += 6 + render_text_wrapped(c->r, ui_t(c, "ui.leap_not_reached_short"), 0, 0, w - 20, UI_SMALL - 2,
                                     RENDER_FONT_REGULAR, UI_MUTED, false);
    return (RenderRect){area.x + 12, area.y + area.h - h - 12, w, h};
}

/* The map is moved right, just enough for the legend to leave it clear,
 * unless that would shrink it by more than a tenth (a narrow window: the
 * legend floats over it). */
static void set_map_focus(UiCtx *c, RenderRect area, bool with_legend)
{
    RenderRect none = {0, 0, 0, 0};
    const Map *map = c->m->map;
    double w = (map->bbox_max.x - map->bbox_min.x) * 1.04, h = (map->bbox_max.y - map->bbox_min.y) * 1.06;
    double k_area = fmin(area.w / w, area.h / h);
    RenderRect lg = legend_rect(c, area);
    float need = lg.x + lg.w + 8 - (area.x + (area.w - (float)(w * k_area)) / 2);
    if (!with_legend || need <= 0 || area.w - 2 * need <= 0) {
        render_map_set_focus(c->m->map_view, none);
        return;
    }
    /* A rectangle whose centre is `need` right of the area's. */
    RenderRect f = {area.x + 2 * need, area.y, area.w - 2 * need, area.h};
    double k_focus = fmin(f.w / w, f.h / h);
    render_map_set_focus(c->m->map_view, k_focus >= 0.9 * k_area ? f : none);
}

static void legend(UiCtx *c, RenderRect area)
{
    const UiModeInfo *mi = ui_mode_info(c->st->mode);
    bool note = any_outside_leap(state(c));
    RenderRect box = legend_rect(c, area);
    float w = box.w;
    render_fill_rect(c->r, box, (RenderColor){252, 251, 248, 235});
    render_frame_rect(c->r, box, 1, UI_LINE);
    render_text(c->r, ui_t(c, mi->name_key), box.x + 10, box.y + 6, UI_TEXT, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
    bool one_line = legend_one_line(c, w);
    if (one_line)
        render_text(c->r, legend_view(c), box.x + w - 10, box.y + 8, UI_SMALL, RENDER_FONT_REGULAR, UI_ACCENT,
                    RENDER_RIGHT);
    else
        render_text(c->r, legend_view(c), box.x + 10, box.y + 30, UI_SMALL, RENDER_FONT_REGULAR, UI_ACCENT,
                    RENDER_LEFT);
    float bx = box.x + 10, by = box.y + 32 + (one_line ? 0 : LEGEND_TAG_LINE), bw = w - 20;
    for (int i = 0; i < 64; i++) {
        RenderColor col = mode_palette(mi, i / 63.0);
        render_fill_rect(c->r, (RenderRect){bx + bw * (float)i / 64, by, bw / 64 + 1, 14}, col);
    }
    render_frame_rect(c->r, (RenderRect){bx, by, bw, 14}, 1, UI_MUTED);
    char lo[32], hi[32];
    value_text(c, c->st->mode, mi->lo, lo, sizeof lo);
    value_text(c, c->st->mode, mi->hi, hi, sizeof hi);
    render_text(c->r, lo, bx, by + 16, UI_SMALL, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
    render_text(c->r, hi, bx + bw, by + 16, UI_SMALL, RENDER_FONT_REGULAR, UI_INK, RENDER_RIGHT);
    float unit_y = by + 16 + (legend_unit_beside(c, bw) ? 0 : LEGEND_TAG_LINE);
    render_text(c->r, ui_t(c, mi->unit_key), bx + bw / 2, unit_y, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED,
                RENDER_CENTER);
    if (note)
        render_text_wrapped(c->r, ui_t(c, "ui.leap_not_reached_short"), bx, unit_y + 22, bw, UI_SMALL - 2,
                            RENDER_FONT_REGULAR, UI_MUTED, true);
}

static void tooltip(UiCtx *c)
{
    UiState *st = c->st;
    if (st->hovered < 0 || st->dragging || !ui_active(c))
        return;
    const CoreState *s = state(c);
    const MapFeature *ft = &c->m->map->features[st->hovered];
    int p = core_province_find(s, ft->id);
    if (p < 0)
        return;
    char line1[128], v[48], pop[64], line2[200];
    snprintf(line1, sizeof line1, "%s", ui_tf(c, "province.%s", ft->id));
    value_text(c, st->mode, ui_mode_value(s, p, st->mode, st->true_figures), v, sizeof v);
    ui_format_people(c, pop, sizeof pop, (double)(s->prov[p].rural_pop + s->prov[p].urban_pop));
    const char *colon = ui_t(c, "ui.colon");
    snprintf(line2, sizeof line2, "%s%s%s  \xC2\xB7  %s%s%s", ui_t(c, ui_mode_info(st->mode)->name_key), colon, v,
             ui_t(c, "ui.population"), colon, pop);
    float w1, w2;
    render_text_size(c->r, line1, UI_TEXT, RENDER_FONT_BOLD, &w1, NULL);
    render_text_size(c->r, line2, UI_SMALL, RENDER_FONT_REGULAR, &w2, NULL);
    float w = fmaxf(w1, w2) + 20, h = 52;
    float x = fminf(c->in->mouse_x + 18, c->w - w - 4), y = fminf(c->in->mouse_y + 18, c->h - h - 4);
    render_fill_rect(c->r, (RenderRect){x, y, w, h}, (RenderColor){34, 34, 34, 235});
    render_text(c->r, line1, x + 10, y + 6, UI_TEXT, RENDER_FONT_BOLD, UI_WHITE, RENDER_LEFT);
    render_text(c->r, line2, x + 10, y + 28, UI_SMALL, RENDER_FONT_REGULAR, (RenderColor){225, 225, 225, 255},
                RENDER_LEFT);
}

/* The month's notices: the newest few, stacked up from the map's bottom
 * right corner (over the sea), left of the province panel when it is open.
 * Returns how many boxes it laid out into `boxes`. */
#define NOTICES_SHOWN 4
static int notice_boxes(UiCtx *c, RenderRect area, RenderRect *boxes, char texts[][600])
{
    UiState *st = c->st;
    float right = area.x + area.w - 10;
    if (st->selected >= 0)
        right = panel_rect(c, area).x - 10;
    /* As wide as the room east of the provinces allows (over the sea),
     * between 240 and 380 px. */
    const Map *map = c->m->map;
    float china_right, unused;
    render_map_screen_point(c->m->map_view, (MapPoint){map->bbox_max.x, map->bbox_min.y}, &china_right, &unused);
    float w = fminf(380, fmaxf(240, right - china_right - 6)), y = area.y + area.h - 10;
    w = fminf(w, area.w * 0.4f);
    int first = st->message_count > NOTICES_SHOWN ? st->message_count - NOTICES_SHOWN : 0, n = 0;
    for (int i = st->message_count - 1; i >= first; i--) {
        ui_notice_text(&st->messages[i], c->m->texts, c->m->lang, state(c), texts[n], 600);
        float h = render_text_wrapped(c->r, texts[n], 0, 0, w - 20, UI_SMALL, RENDER_FONT_REGULAR, UI_INK, false) +
                  12;
        y -= h;
        if (y < area.y + 10)
            break;
        boxes[n++] = (RenderRect){right - w, y, w, h};
        y -= 6;
    }
    return n;
}

static void notifications(UiCtx *c, RenderRect area)
{
    UiState *st = c->st;
    RenderRect boxes[NOTICES_SHOWN];
    static char texts[NOTICES_SHOWN][600];
    int n = notice_boxes(c, area, boxes, texts);
    for (int i = 0; i < n; i++) {
        UiNotice *note = &st->messages[st->message_count - 1 - i];
        if (note->shown_ms < 0)
            note->shown_ms = c->m->now_ms;
        RenderRect b = boxes[i];
        render_fill_rect(c->r, b, (RenderColor){252, 251, 248, 235});
        render_fill_rect(c->r, (RenderRect){b.x, b.y, 4, b.h}, UI_ACCENT);
        render_text_wrapped(c->r, texts[i], b.x + 12, b.y + 6, b.w - 20, UI_SMALL, RENDER_FONT_REGULAR, UI_INK,
                            true);
    }
    /* Older notices are not lost: their pings are done, the ledger keeps the record. */
    for (int i = 0; i < st->message_count - n; i++)
        if (st->messages[i].shown_ms < 0)
            st->messages[i].shown_ms = c->m->now_ms;
}

/* The provinces of the month's new notices, pinged on the map: rings that
 * grow from each province's label point for a few seconds. */
static void pings(UiCtx *c, RenderRect area)
{
    const CoreState *s = state(c);
    render_set_clip(c->r, &area);
    for (int i = 0; i < c->st->message_count; i++) {
        const UiNotice *n = &c->st->messages[i];
        double age = n->shown_ms < 0 ? 0 : c->m->now_ms - n->shown_ms;
        if (n->province_count == 0 || age >= UI_PING_MS)
            continue;
        for (int k = 0; k < n->province_count; k++) {
            int p = n->provinces[k];
            int f = p >= 0 && p < s->province_count ? map_find(c->m->map, s->info[p].id) : -1;
            if (f < 0)
                continue;
            float x, y;
            render_map_screen_point(c->m->map_view, c->m->map->features[f].label, &x, &y);
            for (int ring = 0; ring < 2; ring++) {
                double t = fmod(age / 1000.0 + ring * 0.5, 1.0);
                RenderColor col = UI_ACCENT;
                col.a = (uint8_t)(230 * (1.0 - t));
                render_circle(c->r, x, y, 6 + (float)t * 30, 2.5f, col);
            }
        }
    }
    render_set_clip(c->r, NULL);
}

/* ==== The province panel ==== */

/* A source id from the effect log, in words: "Close planting (policy)". */
static void source_words(const UiCtx *c, const char *source, char *buf, size_t cap)
{
    char kind[32], rest[CORE_SOURCE_LEN];
    const char *colon = strchr(source, ':');
    if (!colon) {
        snprintf(buf, cap, "%s", source);
        return;
    }
    snprintf(kind, sizeof kind, "%.*s", (int)(colon - source), source);
    snprintf(rest, sizeof rest, "%s", colon + 1);
    char *slash = strchr(rest, '/');
    if (slash)
        *slash = '\0';
    if (strcmp(kind, "policy") == 0 || strcmp(kind, "history") == 0 || strcmp(kind, "player") == 0 ||
        strcmp(kind, "choices") == 0)
        snprintf(buf, cap, "%s", ui_tf(c, "policy.%s.name", rest));
    else if (strcmp(kind, "event") == 0)
        snprintf(buf, cap, "%s", ui_tf(c, "event.%s.title", rest));
    else if (strcmp(kind, "scenario") == 0)
        snprintf(buf, cap, "%s", ui_t(c, "ui.scenario_setup"));
    else
        snprintf(buf, cap, "%s", ui_t(c, "ui.model"));
}

static float why_lines(UiCtx *c, const CoreState *s, int p, float x, float y, float y_max)
{
    static const CoreLever levers[] = {CORE_LEVER_yield_mult,        CORE_LEVER_sown_area_mult,
                                       CORE_LEVER_incentive_mult,    CORE_LEVER_labour_furnaces,
                                       CORE_LEVER_labour_water,      CORE_LEVER_procurement_rate,
                                       CORE_LEVER_consumption_mult,  CORE_LEVER_nongrain_food_mult,
                                       CORE_LEVER_mess_halls,        CORE_LEVER_concealment,
                                       CORE_LEVER_report_inflation,  CORE_LEVER_outflow_share};
    for (size_t i = 0; i < sizeof levers / sizeof levers[0] && y < y_max - 20; i++) {
        CoreExplainItem items[8];
        int n = core_lever_explain(s, levers[i], p, items, 8);
        if (n == 0)
            continue;
        char head[160];
        const CoreLeverInfo *li = core_lever_info(levers[i]);
        snprintf(head, sizeof head, "%s%s%.2f", ui_tf(c, "lever.%s", li->name), ui_t(c, "ui.colon"),
                 core_lever_value(s, levers[i], p));
        render_text(c->r, head, x, y, UI_SMALL, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
        y += 18;
        for (int k = 0; k < n && k < 8 && y < y_max - 16; k++) {
            char who[128], line[200];
            source_words(c, items[k].source, who, sizeof who);
            if (items[k].op == CORE_OP_MUL)
                snprintf(line, sizeof line, "\xC3\x97%.2f  %s", items[k].amount, who);
            else
                snprintf(line, sizeof line, "%+.2f  %s", items[k].amount, who);
            render_text(c->r, line, x + 12, y, UI_SMALL - 1, RENDER_FONT_REGULAR, UI_MUTED, RENDER_LEFT);
            y += 17;
        }
        y += 4;
    }
    return y;
}

/* The province's story: a short cited paragraph (its leaders, its worst
 * places, what set it apart), with the works it rests on. */
static float story(UiCtx *c, const CoreState *s, int p, float x, float y, float w)
{
    char key[96];
    snprintf(key, sizeof key, "province.%s.story", s->info[p].id);
    if (!script_has_text(c->m->texts, c->m->lang, key) && !script_has_text(c->m->texts, SCRIPT_LANG_EN, key))
        return y;
    y += render_text_wrapped(c->r, ui_t(c, key), x, y, w, UI_SMALL, RENDER_FONT_REGULAR, UI_INK, true) + 2;
    const UiProvenance *pv = NULL;
    for (int i = 0; i < c->m->provenance_count; i++)
        if (strcmp(c->m->provenance[i].id, s->info[p].id) == 0)
            pv = &c->m->provenance[i];
    if (pv && pv->story_works[0]) {
        static char store[8][UI_SOURCE_ID_LEN];
        const char *ids[8];
        int n = 0;
        char copy[sizeof pv->story_works];
        snprintf(copy, sizeof copy, "%s", pv->story_works);
        for (char *save = NULL, *tok = strtok_r(copy, " ", &save); tok && n < 8; tok = strtok_r(NULL, " ", &save)) {
            snprintf(store[n], sizeof store[n], "%s", tok);
            ids[n] = store[n];
            n++;
        }
        if (ui_source_tag(c, x, y + 2, ids, n, ui_tf(c, "province.%s", s->info[p].id)) > 0)
            y += 22;
    }
    render_line(c->r, x, y + 4, x + w, y + 4, 1, UI_LINE);
    return y + 12;
}

/* Where the province's starting figures come from: recorded (with the
 * source, clickable) or modelled (the method is in the sources). */
static float provenance_line(UiCtx *c, const CoreState *s, int p, float x, float y, float w)
{
    const UiProvenance *pv = NULL;
    for (int i = 0; i < c->m->provenance_count; i++)
        if (strcmp(c->m->provenance[i].id, s->info[p].id) == 0)
            pv = &c->m->provenance[i];
    if (!pv)
        return y;
    char line[256];
    snprintf(line, sizeof line, "%s %s \xC2\xB7 %s %s \xC2\xB7 %s %s", ui_t(c, "ui.start_population"),
             ui_t(c, pv->pop_recorded ? "ui.recorded" : "ui.modelled"), ui_t(c, "ui.start_vital"),
             ui_t(c, pv->vital_recorded ? "ui.recorded" : "ui.modelled"), ui_t(c, "ui.start_grain"),
             ui_t(c, pv->grain_recorded ? "ui.recorded" : "ui.modelled"));
    y += render_text_wrapped(c->r, line, x, y, w, UI_SMALL - 1, RENDER_FONT_REGULAR, UI_MUTED, true);
    if (!s->info[p].leap_reached)
        y += render_text_wrapped(c->r, ui_t(c, "ui.leap_not_reached"), x, y + 2, w, UI_SMALL - 1,
                                 RENDER_FONT_REGULAR, UI_ACCENT, true) +
             4;
    /* The source ids of the three figures, each once ("S14+S01" splits). */
    const char *ids[8];
    static char store[8][UI_SOURCE_ID_LEN];
    int n = 0;
    const char *fields[] = {pv->pop_source, pv->vital_source, pv->grain_source};
    for (size_t f = 0; f < 3; f++) {
        char copy[32];
        snprintf(copy, sizeof copy, "%s", fields[f]);
        for (char *save = NULL, *tok = strtok_r(copy, "+;", &save); tok && n < 8; tok = strtok_r(NULL, "+;", &save)) {
            bool seen = false;
            for (int k = 0; k < n; k++)
                seen |= strcmp(ids[k], tok) == 0;
            if (!seen) {
                snprintf(store[n], sizeof store[n], "%s", tok);
                ids[n] = store[n];
                n++;
            }
        }
    }
    /* A modelled figure rests on the game's model. */
    if ((!pv->pop_recorded || !pv->vital_recorded || !pv->grain_recorded) && n < 8)
        ids[n++] = "docs/model.md";
    char title[160];
    snprintf(title, sizeof title, "%s: %s", ui_tf(c, "province.%s", s->info[p].id), ui_t(c, "ui.start_figures"));
    if (ui_source_tag(c, x, y + 2, ids, n, title) > 0)
        y += 22;
    return y;
}

static void province_panel(UiCtx *c, RenderRect area)
{
    UiState *st = c->st;
    const CoreState *s = state(c);
    const MapFeature *ft = &c->m->map->features[st->selected];
    int p = core_province_find(s, ft->id);
    if (p < 0) {
        st->selected = -1;
        return;
    }
    RenderRect box = panel_rect(c, area);
    RenderRect in = ui_panel(c, box, ui_tf(c, "province.%s", ft->id));
    if (ui_button(c, (RenderRect){box.x + box.w - 44, box.y + 6, 36, 28}, "\xC3\x97", UI_BUTTON_PLAIN))
        st->selected = -1;
    /* The panel scrolls: its story, figures, chart and causes never fall
     * off a small screen. */
    static int shown = -1;
    if (shown != st->selected)
        st->panel_scroll = 0, shown = st->selected;
    RenderRect area_in = in;
    float x = in.x, colr = in.x + in.w - 22, colm = in.x + in.w - 134;
    float y = ui_scroll_begin(c, area_in, &st->panel_scroll, false);
    in.w -= 14;
    y = story(c, s, p, x, y, in.w);
    render_text(c->r, ui_t(c, "ui.reported"), colm, y, UI_SMALL, RENDER_FONT_BOLD, UI_MUTED, RENDER_RIGHT);
    render_text(c->r, ui_t(c, "ui.actual"), colr, y, UI_SMALL, RENDER_FONT_BOLD, UI_MUTED, RENDER_RIGHT);
    y += 22;
    struct { const char *key; UiMapMode mode; } rows[] = {
        {"ui.harvest_per_person", UI_MODE_ACTUAL_HARVEST}, {"ui.retained_per_person", UI_MODE_RETAINED},
        {"ui.death_rate", UI_MODE_DEATH_RATE},             {"ui.procurement_share", UI_MODE_PROCUREMENT}};
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        UiMapMode mode = rows[i].mode;
        double rep = mode == UI_MODE_ACTUAL_HARVEST ? ui_mode_value(s, p, UI_MODE_REPORTED_HARVEST, false)
                                                    : ui_mode_value(s, p, mode, false);
        double act = ui_mode_value(s, p, mode, true);
        char a[48], b[48];
        value_text(c, mode, rep, a, sizeof a);
        value_text(c, mode, act, b, sizeof b);
        render_text(c->r, ui_t(c, rows[i].key), x, y, UI_SMALL, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
        render_text(c->r, a, colm, y, UI_SMALL, RENDER_FONT_REGULAR, UI_INK, RENDER_RIGHT);
        render_text(c->r, b, colr, y, UI_SMALL, RENDER_FONT_BOLD, UI_INK, RENDER_RIGHT);
        y += 20;
    }
    char buf[96];
    const CoreProvinceMonth *last = s->month > 0 ? &s->hist[s->month - 1][p] : NULL;
    struct { const char *key; double v; const char *fmt; } facts[] = {
        {"ui.food_per_day", last ? last->kcal_rural : NAN, "%.0f kcal"},
        {"ui.cadre_zeal", s->prov[p].zeal, "%.2f"},
        {"ui.labour_diverted", ui_mode_value(s, p, UI_MODE_LABOUR_DIVERTED, true), "%.0f%%"},
        {"ui.population_change", ui_mode_value(s, p, UI_MODE_POPULATION_CHANGE, true), "%+.1f%%"}};
    for (size_t i = 0; i < sizeof facts / sizeof facts[0]; i++) {
        if (isfinite(facts[i].v))
            snprintf(buf, sizeof buf, facts[i].fmt, facts[i].v);
        else
            snprintf(buf, sizeof buf, "\xE2\x80\x94");
        render_text(c->r, ui_t(c, facts[i].key), x, y, UI_SMALL, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
        render_text(c->r, buf, colr, y, UI_SMALL, RENDER_FONT_BOLD, UI_INK, RENDER_RIGHT);
        y += 20;
    }
    y = provenance_line(c, s, p, x, y + 2, in.w);
    /* A small chart: the death rate month by month, reported and actual. */
    y += 6;
    int n = s->month;
    if (n >= 2) {
        double *act = malloc(sizeof *act * (size_t)n), *rep = malloc(sizeof *rep * (size_t)n);
        if (act && rep) {
            for (int m = 0; m < n; m++) {
                const CoreProvinceMonth *h = &s->hist[m][p];
                double pop = h->population > 0 ? (double)h->population : 1.0;
                act[m] = 12000.0 * (double)h->deaths / pop;
                rep[m] = 12000.0 * (double)h->deaths_reported / pop;
            }
            RenderSeries series[2] = {{act, UI_ACCENT, false, ui_t(c, "ui.actual")},
                                      {rep, UI_SLATE, true, NULL}};
            char rep_label[64];
            snprintf(rep_label, sizeof rep_label, "%s", ui_t(c, "ui.reported"));
            series[1].label = rep_label;
            RenderChart chart = {{x, y, in.w, 150}, n, s->start_year, s->start_month, series, 2, 0, 0,
                                 ui_t(c, "unit.per_thousand_year"), UI_SMALL - 2, true};
            render_chart(c->r, &chart);
        }
        free(act);
        free(rep);
        y += 158;
    }
    render_text(c->r, ui_t(c, "ui.why"), x, y, UI_TEXT, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
    y += 24;
    float before = y;
    y = why_lines(c, s, p, x, y, y + 2000);
    if (y == before) {
        render_text(c->r, ui_t(c, "ui.nothing_changed"), x, y, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED, RENDER_LEFT);
        y += 20;
    }
    ui_scroll_end(c, area_in, &st->panel_scroll, y + 8);
}

void ui_game_map(UiCtx *c, RenderRect area, bool with_legend)
{
    set_map_focus(c, area, with_legend);
    draw_map(c, area, NULL, 0, NULL, 0, false);
    if (with_legend)
        legend(c, area);
}

/* A new card about provinces frames them on the map, on the side the card
 * leaves free; when the last card is answered, the map goes back to where
 * the player had it. */
static void frame_card(UiCtx *c, const UiCardGroup *grp, RenderRect area)
{
    UiState *st = c->st;
    const CoreState *s = state(c);
    RenderMap *view = c->m->map_view;
    if (!grp) {
        if (st->card_framed)
            render_map_set_view(view, st->card_saved_view);
        st->card_framed = false;
        st->card_event = st->card_month = -1;
        return;
    }
    if (grp->event == st->card_event && s->month == st->card_month)
        return;
    st->card_event = grp->event;
    st->card_month = s->month;
    st->card_split = false;
    if (!grp->provincial) {
        if (st->card_framed)
            render_map_set_view(view, st->card_saved_view);
        st->card_framed = false;
        return;
    }
    MapPoint lo = {1e300, 1e300}, hi = {-1e300, -1e300};
    for (int i = 0; i < grp->count; i++) {
        if (grp->features[i] < 0)
            continue;
        const MapFeature *ft = &c->m->map->features[grp->features[i]];
        lo.x = fmin(lo.x, ft->bbox_min.x), lo.y = fmin(lo.y, ft->bbox_min.y);
        hi.x = fmax(hi.x, ft->bbox_max.x), hi.y = fmax(hi.y, ft->bbox_max.y);
    }
    if (lo.x > hi.x)
        return;
    if (!st->card_framed)
        st->card_saved_view = render_map_get_view(view);
    st->card_framed = true;
    RenderRect card = ui_card_rect(c, grp, area, area.h);
    RenderRect target = area;
    if (card.x > area.x + area.w / 2) /* the card on the right: the provinces on the left */
        target.w = card.x - area.x - 8;
    else {
        target.x = card.x + card.w + 8;
        target.w = area.x + area.w - target.x;
    }
    render_map_frame(view, lo, hi, target, 2.5);
}

void ui_game_screen(UiCtx *c)
{
    if (!c->m->game)
        return;
    /* The map takes everything between the bars; the legend, the notices,
     * a province's panel and a card float over it, and its labels keep out
     * of their way. */
    float top = ui_top_bar_height(c);
    RenderRect area = {0, top, c->w, c->h - top - ui_mode_bar_height()};
    set_map_focus(c, area, true);
    render_map_set_area(c->m->map_view, area);
    /* A province opened in the panel is moved out from under it. */
    UiState *st = c->st;
    if (st->selected != st->panel_shown_for) {
        st->panel_shown_for = st->selected;
        if (st->selected >= 0) {
            float x, y, edge = panel_rect(c, area).x - 70;
            render_map_screen_point(c->m->map_view, c->m->map->features[st->selected].label, &x, &y);
            if (x > edge)
                render_map_pan(c->m->map_view, edge - x, 0);
        }
    }
    UiCardGroup grp;
    bool card = game_pending_count(c->m->game) > 0 && !c->st->cards_held && ui_card_group(c, &grp);
    frame_card(c, card ? &grp : NULL, area);
    RenderRect obstacles[RENDER_MAP_MAX_OBSTACLES];
    int no = 0;
    obstacles[no++] = legend_rect(c, area);
    static char texts[NOTICES_SHOWN][600];
    no += notice_boxes(c, area, obstacles + no, texts);
    if (c->st->selected >= 0)
        obstacles[no++] = panel_rect(c, area);
    if (card && grp.provincial && !c->m->kiosk) {
        RenderRect cr = ui_card_rect(c, &grp, area, area.h);
        obstacles[no++] = cr;
    }
    draw_map(c, area, card ? grp.features : NULL, card ? grp.count : 0, obstacles, no, c->sea_ground);
    c->st->map_area = area;
    c->st->map_obstacle_count = no;
    memcpy(c->st->map_obstacles, obstacles, sizeof obstacles[0] * (size_t)no);
    if (c->st->cards_held) /* the guide's buttons take their clicks before the map */
        ui_guide(c, area);
    map_input(c, area);
    pings(c, area);
    legend(c, area);
    notifications(c, area);
    ui_top_bar(c);
    ui_mode_bar(c);
    if (c->st->selected >= 0)
        province_panel(c, area);
    tooltip(c);
    if (card) {
        c->layer = UI_LAYER_CARD;
        ui_event_card(c, area);
        c->layer = UI_LAYER_BASE;
    }
}
