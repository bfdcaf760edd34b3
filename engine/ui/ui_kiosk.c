/* ui_kiosk.c — what the museum kiosk's screens share: the map of the death
 * rate between the centre's figures and what really happened (or of any
 * value per province), its legend, the national figures the screens quote,
 * the toll, and sentences made from the locale's templates. The kiosk's
 * type is larger than the desktop's: it is read standing, from a distance. */
#include "ui_internal.h"
#include "ui_kiosk.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

float ui_kiosk_panel_w(const UiCtx *c) { return fminf(560, fmaxf(400, c->w * 0.4f)); }

float ui_kiosk_fit(const UiCtx *c, const char *text, float w, float max_h, float hi, float lo, RenderFont font)
{
    for (float size = hi; size >= lo; size -= 1.0f)
        if (render_text_wrapped(c->r, text, 0, 0, w, size, font, UI_INK, false) <= max_h)
            return size;
    return 0;
}

const char *ui_kiosk_text(const UiCtx *c, ScriptLang lang, const char *key)
{
    return script_text(c->m->texts, lang, key);
}

void ui_kiosk_fill(char *out, size_t cap, const char *tmpl, const char *const *args, int n)
{
    size_t used = 0;
    if (!cap)
        return;
    for (const char *p = tmpl; *p && used + 1 < cap; p++) {
        /* {1} .. {9}: an argument; anything else is copied as it is (the
         * templates come from locale files, never from printf formats). */
        if (p[0] == '{' && p[1] >= '1' && p[1] <= '9' && p[2] == '}' && p[1] - '1' < n) {
            const char *a = args[p[1] - '1'];
            size_t len = strlen(a);
            if (used + len >= cap)
                len = cap - used - 1;
            memcpy(out + used, a, len);
            used += len;
            p += 2;
            continue;
        }
        out[used++] = *p;
    }
    out[used] = '\0';
}

void ui_kiosk_figures(const CoreState *s, UiKioskFigures *f)
{
    memset(f, 0, sizeof *f);
    /* The last twelve months, as the map counts them. */
    for (int p = 0; p < s->province_count; p++) {
        double pop = (double)(s->prov[p].rural_pop + s->prov[p].urban_pop);
        double rep = ui_mode_value(s, p, UI_MODE_REPORTED_HARVEST, false),
               act = ui_mode_value(s, p, UI_MODE_ACTUAL_HARVEST, true),
               dr = ui_mode_value(s, p, UI_MODE_DEATH_RATE, false), da = ui_mode_value(s, p, UI_MODE_DEATH_RATE, true);
        f->harvest_reported_t += isfinite(rep) ? rep * pop / 1000.0 : 0;
        f->harvest_t += isfinite(act) ? act * pop / 1000.0 : 0;
        f->deaths_reported += isfinite(dr) ? dr * pop / 1000.0 : 0;
        f->deaths += isfinite(da) ? da * pop / 1000.0 : 0;
        f->population += pop;
    }
    /* Deaths above the normal rate since the start, as reported and as
     * they were (game_excess_deaths counts the same way). */
    int last = core_state_year(s);
    for (int year = s->start_year; year <= last; year++) {
        CoreYear y;
        if (!core_year_summary(s, year, CORE_ALL_PROVINCES, &y))
            continue;
        double mid = 0.5 * (double)(y.population_start + y.population);
        double normal = y.normal_death_rate / 1000.0 * mid * y.months / 12.0;
        f->toll += (double)y.deaths - normal;
        f->toll_reported += (double)y.deaths_reported - normal;
    }
    f->toll = fmax(0, f->toll);
    f->toll_reported = fmax(0, f->toll_reported);
}

double ui_kiosk_value(const CoreState *s, int province, bool harvest, bool real)
{
    if (!harvest)
        return ui_mode_value(s, province, UI_MODE_DEATH_RATE, real);
    return real ? ui_mode_value(s, province, UI_MODE_ACTUAL_HARVEST, true)
                : ui_mode_value(s, province, UI_MODE_REPORTED_HARVEST, false);
}

/* The death rate's colour: high values dark (viridis, as the desktop's
 * map), readable by the colour-blind. */
static RenderColor value_colour(double v, double lo, double hi)
{
    return render_palette(RENDER_PALETTE_VIRIDIS, 1.0 - (v - lo) / (hi - lo));
}

static RenderColor mix(RenderColor a, RenderColor b, float t)
{
    return (RenderColor){(uint8_t)lroundf(a.r + (b.r - a.r) * t), (uint8_t)lroundf(a.g + (b.g - a.g) * t),
                         (uint8_t)lroundf(a.b + (b.b - a.b) * t), 255};
}

void ui_kiosk_draw_map(UiCtx *c, const UiKioskMap *km)
{
    const Map *map = c->m->map;
    const CoreState *s = game_state(c->m->game);
    int nf = map->feature_count;
    RenderColor *fill = calloc((size_t)nf, sizeof *fill);
    const char **names = calloc((size_t)nf, sizeof *names), **values = calloc((size_t)nf, sizeof *values);
    char(*vbuf)[24] = calloc((size_t)nf, sizeof *vbuf);
    char(*nbuf)[64] = calloc((size_t)nf, sizeof *nbuf);
    if (!fill || !names || !values || !vbuf || !nbuf)
        goto done;
    for (int f = 0; f < nf; f++) {
        const MapFeature *ft = &map->features[f];
        if (ft->kind == MAP_KIND_TAIWAN) {
            fill[f] = UI_TAIWAN;
            continue;
        }
        int p = ft->kind == MAP_KIND_PROVINCE ? core_province_find(s, ft->id) : -1;
        if (p < 0) {
            fill[f] = UI_LAND;
            continue;
        }
        double v;
        if (km->values) {
            v = km->values[p];
            fill[f] = isfinite(v) ? value_colour(v, km->lo, km->hi) : UI_LAND;
        } else {
            double rep = ui_kiosk_value(s, p, km->harvest, false), act = ui_kiosk_value(s, p, km->harvest, true);
            fill[f] = mix(value_colour(rep, km->lo, km->hi), value_colour(act, km->lo, km->hi), km->blend);
            v = km->blend < 0.5f ? rep : act;
        }
        snprintf(nbuf[f], sizeof nbuf[f], "%s", ui_tf(c, "province.%s", ft->id));
        names[f] = nbuf[f];
        if (isfinite(v)) {
            snprintf(vbuf[f], sizeof vbuf[f], km->decimals ? "%.1f%s" : "%.0f%s", v, km->suffix ? km->suffix : "");
            values[f] = vbuf[f];
        }
    }
    /* A new place on screen: the whole map fitted into it. */
    RenderRect *was = &c->st->kiosk_map_area;
    render_map_set_area(c->m->map_view, km->area);
    if (was->x != km->area.x || was->y != km->area.y || was->w != km->area.w || was->h != km->area.h) {
        *was = km->area;
        render_map_fit(c->m->map_view);
    }
    RenderMapLayer layer = {.fill = fill,
                            .names = names,
                            .values = values,
                            .hovered = -1,
                            .selected = -1,
                            .label_size = km->label_size > 0 ? km->label_size : 16,
                            .sea = UI_SEA,
                            .outside = UI_LAND,
                            .border = {30, 30, 30, 255},
                            .context_border = {150, 144, 132, 255},
                            .highlight = {0, 0, 0, 255},
                            .obstacles = km->obstacles,
                            .obstacle_count = km->obstacle_count};
    render_map_draw(c->r, c->m->map_view, &layer);
done:
    free(fill);
    free(names);
    free(values);
    free(vbuf);
    free(nbuf);
}

float ui_kiosk_legend(UiCtx *c, RenderRect box, const char *title, const char *tag, double lo, double hi,
                      const char *suffix, float size)
{
    float pad = 10, w = box.w - 2 * pad;
    float title_h = render_text_wrapped(c->r, title, 0, 0, w, size, RENDER_FONT_BOLD, UI_INK, false);
    float tag_h = tag ? render_text_wrapped(c->r, tag, 0, 0, w, size - 2, RENDER_FONT_REGULAR, UI_ACCENT, false) : 0;
    float h = pad + title_h + 6 + 16 + 4 + size + (tag ? 4 + tag_h : 0) + pad;
    box.y = box.y + box.h - h; /* anchored at the bottom of `box` */
    box.h = h;
    render_fill_rect(c->r, box, UI_PANEL);
    render_frame_rect(c->r, box, 1, UI_LINE);
    float x = box.x + pad, y = box.y + pad;
    y += render_text_wrapped(c->r, title, x, y, w, size, RENDER_FONT_BOLD, UI_INK, true) + 6;
    for (int i = 0; i < 48; i++)
        render_fill_rect(c->r, (RenderRect){x + w * (float)i / 48, y, w / 48 + 1, 16},
                         value_colour(lo + (hi - lo) * i / 47.0, lo, hi));
    render_frame_rect(c->r, (RenderRect){x, y, w, 16}, 1, UI_MUTED);
    y += 20;
    char a[32], b[32];
    snprintf(a, sizeof a, "%.0f%s", lo, suffix);
    snprintf(b, sizeof b, "%.0f%s", hi, suffix);
    render_text(c->r, a, x, y, size - 1, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
    render_text(c->r, b, x + w, y, size - 1, RENDER_FONT_REGULAR, UI_INK, RENDER_RIGHT);
    y += size + 4;
    if (tag)
        render_text_wrapped(c->r, tag, x, y, w, size - 2, RENDER_FONT_REGULAR, UI_ACCENT, true);
    return box.y;
}

void ui_kiosk_format_people(const UiCtx *c, ScriptLang lang, char *buf, size_t cap, double n)
{
    UiModel m = *c->m;
    m.lang = lang;
    UiCtx in_lang = *c;
    in_lang.m = &m;
    ui_format_people(&in_lang, buf, cap, n);
}

void ui_kiosk_format_millions(const UiCtx *c, char *buf, size_t cap, double millions)
{
    if (c->m->lang == SCRIPT_LANG_ZH) /* in 万, to a hundred thousand as the English is */
        snprintf(buf, cap, "%.0f\xE4\xB8\x87", round(fabs(millions) * 10.0) * 10.0);
    else
        snprintf(buf, cap, "%.1f million", fabs(millions));
}

void ui_kiosk_month(const UiCtx *c, ScriptLang lang, char *buf, size_t cap, const CoreState *s)
{
    int year = core_state_year(s), month = core_state_month_of_year(s);
    if (lang == SCRIPT_LANG_ZH) {
        snprintf(buf, cap, "%d\xE5\xB9\xB4%d\xE6\x9C\x88", year, month);
        return;
    }
    char key[32];
    snprintf(key, sizeof key, "month.%d", month);
    snprintf(buf, cap, "%s %d", script_text(c->m->texts, SCRIPT_LANG_EN, key), year);
}

/* Where a finger is on the map: the province's name and value, while the
 * finger is down (a touch screen has no hover, so nothing stays up after). */
void ui_kiosk_finger_label(UiCtx *c, RenderRect area, const double *values, float blend, const char *suffix)
{
    const UiInput *in = c->in;
    if (!in->mouse_down || !ui_hover(c, area))
        return;
    int f = render_map_pick(c->m->map_view, in->mouse_x, in->mouse_y);
    const CoreState *s = game_state(c->m->game);
    if (f < 0 || c->m->map->features[f].kind != MAP_KIND_PROVINCE)
        return;
    int p = core_province_find(s, c->m->map->features[f].id);
    if (p < 0)
        return;
    double v = values ? values[p] : ui_mode_value(s, p, UI_MODE_DEATH_RATE, blend >= 0.5f);
    char line[160];
    snprintf(line, sizeof line, "%s  %.1f%s", ui_tf(c, "province.%s", s->info[p].id), v, suffix);
    float w, h;
    render_text_size(c->r, line, 20, RENDER_FONT_BOLD, &w, &h);
    float x = fminf(in->mouse_x - w / 2 - 12, c->w - w - 28), y = in->mouse_y - h - 56;
    x = fmaxf(4, x);
    y = fmaxf(area.y + 4, y);
    render_fill_rect(c->r, (RenderRect){x, y, w + 24, h + 14}, UI_INK);
    render_text(c->r, line, x + 12, y + 7, 20, RENDER_FONT_BOLD, UI_PANEL, RENDER_LEFT);
}
