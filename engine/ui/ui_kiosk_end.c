/* ui_kiosk_end.c — the end of a kiosk visitor's game: one sentence in large
 * type (history's toll against the visitor's, both computed by the
 * simulation on the same seed), one map (where the visitor's famine struck),
 * the decisions with what each did on its own, and the sources; then back
 * to the attract loop. What each option does on its own is put into words
 * here too, for the reveal after each decision. */
#include "ui_kiosk.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Below this (millions), a change is "almost nothing" in the model. */
#define NOTHING_M 0.05
/* The ending map's scale: deaths above normal 1959-1961, per thousand. */
#define END_MAP_HI 150.0

/* The option of a decision that saves the most on its own (not history's). */
static int best_other(const UiKioskDecision *d)
{
    int best = -1;
    for (int o = 0; o < d->option_count; o++)
        if (o != d->history_option && (best < 0 || d->change_m[o] < d->change_m[best]))
            best = o;
    return best;
}

void ui_kiosk_consequence(const UiCtx *c, const UiKioskDecision *d, bool short_form, char *buf, size_t cap)
{
    const UiKiosk *k = c->m->kiosk_info;
    if (!d->computed) {
        char pct[16];
        snprintf(pct, sizeof pct, "%.0f", 100.0 * (k ? k->progress : 0));
        const char *args[] = {pct};
        ui_kiosk_fill(buf, cap, ui_t(c, "kiosk.computing"), args, 1);
        return;
    }
    ScriptHost *h = game_host(c->m->game);
    const ScriptEventInfo *e = script_event_at(h, script_event_find(h, d->event));
    bool as_history = d->chosen == d->history_option;
    int o = as_history ? best_other(d) : d->chosen;
    if (!e || o < 0) {
        buf[0] = '\0';
        return;
    }
    char amount[48], lo[48], hi[48], seeds[8];
    double m = d->change_m[o];
    ui_kiosk_format_millions(c, amount, sizeof amount, m);
    /* The range over the seeds, smaller first whichever the sign. */
    double a = fmin(fabs(d->change_min_m[o]), fabs(d->change_max_m[o])),
           b = fmax(fabs(d->change_min_m[o]), fabs(d->change_max_m[o]));
    ui_kiosk_format_millions(c, lo, sizeof lo, a);
    ui_kiosk_format_millions(c, hi, sizeof hi, b);
    snprintf(seeds, sizeof seeds, "%d", k ? k->seeds : 3);
    const char *option = ui_t(c, e->options[o].text_key);
    const char *which = fabs(m) < NOTHING_M ? "nothing" : m < 0 ? "fewer" : "more";
    char key[64];
    snprintf(key, sizeof key, "kiosk.%s_%s%s", as_history ? "history" : "alone", which, short_form ? "_short" : "");
    const char *args[] = {amount, lo, hi, seeds, option};
    ui_kiosk_fill(buf, cap, ui_t(c, key), args, 5);
}

/* Deaths above normal 1959-1961 per thousand people, province by province. */
static void excess_per_thousand(const CoreState *s, double *out)
{
    for (int p = 0; p < s->province_count; p++) {
        double excess = 0, pop = 0;
        for (int year = 1959; year <= 1961; year++) {
            CoreYear y;
            if (!core_year_summary(s, year, p, &y))
                continue;
            excess += y.excess_deaths;
            if (year == 1959)
                pop = (double)y.population_start;
        }
        out[p] = pop > 0 ? fmax(0, 1000.0 * excess / pop) : NAN;
    }
}

/* "29 million" / "2900万": whole millions, unless two figures would then
 * read the same. */
static void toll_text(const UiCtx *c, char *buf, size_t cap, double m, bool fine)
{
    if (c->m->lang == SCRIPT_LANG_ZH)
        snprintf(buf, cap, fine ? "%.0f\xE4\xB8\x87" : "%.0f00\xE4\xB8\x87", fine ? m * 100.0 : round(m));
    else
        snprintf(buf, cap, fine ? "%.1f million" : "%.0f million", m);
}

/* One decision of the list: its event's title, the visitor's answer in
 * quotes, and what it did alone. */
typedef struct EndRow {
    const char *title;
    char quoted[300], effect[400];
} EndRow;

/* The height of row r at `size`, on three parts (title, answer, effect)
 * or two (title and answer joined, effect), each wrapped to `w`; drawn at
 * (x, y) if `draw`. */
static float end_row(UiCtx *c, const EndRow *r, bool three, float size, float x, float y, float w, bool draw)
{
    float h = 4;
    if (three) {
        h += render_text_wrapped(c->r, r->title, x, y + h, w, size, RENDER_FONT_BOLD, UI_INK, draw);
        h += render_text_wrapped(c->r, r->quoted, x, y + h, w, size, RENDER_FONT_REGULAR, UI_INK, draw);
    } else {
        char joined[700];
        snprintf(joined, sizeof joined, "%s%s%s", r->title, ui_t(c, "ui.colon"), r->quoted);
        h += render_text_wrapped(c->r, joined, x, y + h, w, size, RENDER_FONT_BOLD, UI_INK, draw);
    }
    if (r->effect[0])
        h += render_text_wrapped(c->r, r->effect, x, y + h, w, size, RENDER_FONT_REGULAR, UI_ACCENT, draw);
    return h + 6;
}

/* The decisions that have an event, in rows[]; returns how many. */
static int end_rows(UiCtx *c, EndRow rows[UI_KIOSK_MAX_DECISIONS])
{
    const UiKiosk *k = c->m->kiosk_info;
    ScriptHost *h = game_host(c->m->game);
    int n = 0;
    for (int i = 0; i < k->decision_count && i < UI_KIOSK_MAX_DECISIONS; i++) {
        const UiKioskDecision *d = &k->decisions[i];
        const ScriptEventInfo *e = script_event_at(h, script_event_find(h, d->event));
        if (!e)
            continue;
        EndRow *r = &rows[n++];
        const char *answer = d->chosen >= 0 && d->chosen < e->option_count ? ui_t(c, e->options[d->chosen].text_key)
                                                                           : ui_t(c, "kiosk.not_reached");
        const char *args[] = {answer};
        r->title = ui_t(c, e->title_key);
        ui_kiosk_fill(r->quoted, sizeof r->quoted, ui_t(c, "kiosk.quoted"), args, 1);
        r->effect[0] = '\0';
        if (d->chosen >= 0)
            ui_kiosk_consequence(c, d, true, r->effect, sizeof r->effect);
    }
    return n;
}

/* How the rows fit `room` at width `w`: three lines at the kiosk's size,
 * else two, else two a size smaller at a time down to `floor_size`. False
 * if they do not fit even so (then the smallest is in *three and *size). */
static bool fit_rows(UiCtx *c, const EndRow *rows, int n, float w, float room, float floor_size, bool *three,
                     float *size)
{
    *three = true;
    *size = UI_K_SMALL;
    for (;;) {
        float total = 0;
        for (int i = 0; i < n; i++)
            total += end_row(c, &rows[i], *three, *size, 0, 0, w, false);
        if (total <= room)
            return true;
        if (*three)
            *three = false;
        else if (*size > floor_size)
            *size -= 1;
        else
            return false;
    }
}

#define LIST_TITLE_H 34 /* "Your decisions" above the rows */

/* The list's width: the usual share of the screen, wider (the map
 * narrower) while the rows do not fit at about the kiosk's size, as with
 * large text. */
static float list_width(UiCtx *c, const EndRow *rows, int n, float room)
{
    float w = fminf(560, fmaxf(420, c->w * 0.42f)), widest = fmaxf(w, c->w * 0.6f);
    bool three;
    float size;
    while (w + 32 <= widest && !fit_rows(c, rows, n, w - 24, room - LIST_TITLE_H, UI_K_SMALL - 1, &three, &size))
        w += 32;
    return w;
}

/* The decisions, each with the visitor's answer and what it did alone,
 * wrapped to the list's width. When they do not all fit even a little
 * smaller (large text on a small screen), as many as fit are shown with a
 * button that shows the next ones: none is cut off. `three`, `size` and
 * `fits` are fit_rows' answer for this box. */
static void decisions_list(UiCtx *c, RenderRect box, const EndRow *rows, int n, bool three, float size, bool fits)
{
    UiState *st = c->st;
    render_text(c->r, ui_t(c, "kiosk.end_decisions"), box.x, box.y, UI_K_HEAD - 2, RENDER_FONT_BOLD, UI_INK,
                RENDER_LEFT);
    float top = box.y + LIST_TITLE_H, room = box.y + box.h - top;
    if (st->kiosk_end_first >= n)
        st->kiosk_end_first = 0;
    int first = 0, last = n;
    if (!fits) {
        /* Pages at the kiosk's size less one, the button below them. */
        const float button_h = 44;
        three = false;
        size = UI_K_SMALL - 1;
        first = st->kiosk_end_first;
        float used = 0;
        for (last = first; last < n; last++) {
            float h = end_row(c, &rows[last], three, size, 0, 0, box.w, false);
            if (last > first && used + h > room - button_h)
                break;
            used += h;
        }
        char label[160], from[16], to[16], of[16];
        snprintf(from, sizeof from, "%d", first + 1);
        snprintf(to, sizeof to, "%d", last);
        snprintf(of, sizeof of, "%d", n);
        const char *args[] = {from, to, of};
        ui_kiosk_fill(label, sizeof label, ui_t(c, last < n ? "kiosk.end_more" : "kiosk.end_again"), args, 3);
        RenderRect b = {box.x, box.y + box.h - button_h + 4, box.w, button_h - 4};
        if (ui_button(c, b, label, UI_BUTTON_PLAIN))
            st->kiosk_end_first = last < n ? last : 0;
        room -= button_h;
    }
    RenderRect clip = {box.x, top, box.w, room};
    render_set_clip(c->r, &clip);
    float y = top;
    for (int i = first; i < last; i++) {
        render_line(c->r, box.x, y, box.x + box.w, y, 1, UI_LINE);
        y += end_row(c, &rows[i], three, size, box.x, y, box.w, true);
    }
    render_set_clip(c->r, NULL);
}

void ui_kiosk_ending(UiCtx *c)
{
    if (!c->m->game || !c->m->kiosk_info)
        return;
    const UiKiosk *k = c->m->kiosk_info;
    const CoreState *s = game_state(c->m->game);
    double yours = game_excess_deaths(s, 1959, 1961) / 1e6;
    /* The sentence, in large type, on a band as tall as it needs. */
    float note_w = c->w - 56;
    float note_h = render_text_wrapped(c->r, ui_t(c, "kiosk.end_note"), 0, 0, note_w, UI_K_SMALL - 2,
                                       RENDER_FONT_REGULAR, UI_WHITE, false);
    char a[48], b[48], line1[200], line2[200];
    bool fine = k->history_known && fabs(round(k->history_excess_m) - round(yours)) < 1.0 &&
                fabs(k->history_excess_m - yours) >= 0.05;
    toll_text(c, a, sizeof a, k->history_excess_m, fine);
    toll_text(c, b, sizeof b, fmax(0, yours), fine);
    const char *args1[] = {a}, *args2[] = {b};
    ui_kiosk_fill(line1, sizeof line1, ui_t(c, k->history_known ? "kiosk.end_history" : "kiosk.end_history_unknown"),
                  args1, 1);
    ui_kiosk_fill(line2, sizeof line2, ui_t(c, "kiosk.end_yours"), args2, 1);
    float size = 40;
    float w1, w2;
    render_text_size(c->r, line1, size, RENDER_FONT_BOLD, &w1, NULL);
    render_text_size(c->r, line2, size, RENDER_FONT_BOLD, &w2, NULL);
    while (size > 26 && (fmaxf(w1, w2) > c->w - 200 || size * 2.6f + note_h > c->h * 0.3f)) { /* one line each, whatever the language */
        size -= 2;
        render_text_size(c->r, line1, size, RENDER_FONT_BOLD, &w1, NULL);
        render_text_size(c->r, line2, size, RENDER_FONT_BOLD, &w2, NULL);
    }
    float top = 16 + size * 2.6f + 6 + note_h + 14;
    render_fill_rect(c->r, (RenderRect){0, 0, c->w, top}, UI_SLATE);
    render_text(c->r, line1, 28, 16, size, RENDER_FONT_BOLD, UI_WHITE, RENDER_LEFT);
    render_text(c->r, line2, 28, 16 + size * 1.3f, size, RENDER_FONT_BOLD, (RenderColor){246, 213, 120, 255},
                RENDER_LEFT);
    render_text_wrapped(c->r, ui_t(c, "kiosk.end_note"), 28, 16 + size * 2.6f + 6, note_w, UI_K_SMALL - 2,
                        RENDER_FONT_REGULAR, UI_WHITE, true);
    ui_language_button(c, (RenderRect){c->w - 146, 16, 130, 44});
    /* One map: where the visitor's famine struck. */
    EndRow rows[UI_KIOSK_MAX_DECISIONS];
    int n = end_rows(c, rows);
    float foot = 96, list_h = c->h - top - foot - 20;
    UiState *st = c->st;
    UiKioskEndLayout *lay = &st->kiosk_end_layout;
    if (st->previous_screen != UI_SCREEN_ENDING) { /* a visitor's ending begins: their decisions */
        lay->w = 0;
        st->kiosk_end_first = 0;
    }
    if (lay->w != c->w || lay->h != c->h || lay->lang != c->m->lang) {
        *lay = (UiKioskEndLayout){.w = c->w, .h = c->h, .lang = c->m->lang};
        lay->list_w = list_width(c, rows, n, list_h);
        lay->fits = fit_rows(c, rows, n, lay->list_w - 24, list_h - LIST_TITLE_H, UI_K_SMALL - 4, &lay->three,
                             &lay->size);
    }
    float list_w = lay->list_w;
    RenderRect area = {0, top, c->w - list_w - 24, c->h - top - foot};
    double values[CORE_MAX_PROVINCES];
    excess_per_thousand(s, values);
    float lw = fminf(260, area.w * 0.34f);
    RenderRect legend_box = {area.x + 12, area.y, lw, area.h - 12}; /* beyond the border */
    const char *title = ui_t(c, "kiosk.end_map"), *tag = ui_t(c, "kiosk.end_map_tag");
    float legend_h = 10 + render_text_wrapped(c->r, title, 0, 0, legend_box.w - 20, UI_K_SMALL, RENDER_FONT_BOLD,
                                              UI_INK, false) +
                     6 + 20 + UI_K_SMALL + 4 +
                     render_text_wrapped(c->r, tag, 0, 0, legend_box.w - 20, UI_K_SMALL - 2, RENDER_FONT_REGULAR,
                                         UI_ACCENT, false) +
                     14;
    RenderRect obstacle = {legend_box.x, legend_box.y + legend_box.h - legend_h, legend_box.w, legend_h};
    ui_kiosk_draw_map(c, &(UiKioskMap){.area = area, .values = values, .lo = 0, .hi = END_MAP_HI, .decimals = 0,
                                       .suffix = "\xE2\x80\xB0", .label_size = UI_K_SMALL - 1,
                                       .obstacles = &obstacle, .obstacle_count = 1});
    ui_kiosk_legend(c, legend_box, title, tag, 0, END_MAP_HI, "\xE2\x80\xB0", UI_K_SMALL);
    ui_kiosk_finger_label(c, area, values, 1, "\xE2\x80\xB0");
    /* The decisions, each with what it did alone. */
    RenderRect list = {c->w - list_w, top + 14, list_w - 24, list_h};
    decisions_list(c, list, rows, n, lay->three, lay->size, lay->fits);
    /* Below: why the effects do not add up, the sources, and Finish. */
    float y = c->h - foot;
    render_fill_rect(c->r, (RenderRect){0, y, c->w, foot}, UI_BUTTON);
    render_line(c->r, 0, y, c->w, y, 1, UI_LINE);
    RenderRect parent = ui_parent_push(c, (RenderRect){0, y, c->w, foot});
    float text_w = c->w - 320;
    float used = render_text_wrapped(c->r, ui_t(c, "kiosk.end_overlap"), 24, y + 10, text_w, UI_K_SMALL - 2,
                                     RENDER_FONT_REGULAR, UI_INK, true);
    const char *ids[] = {"S01", "ashton1984", "peng1987", "cao2005", "yang2008", "docs/model.md"};
    ui_source_tag(c, 24, y + 14 + used, ids, (int)(sizeof ids / sizeof ids[0]), ui_t(c, "kiosk.end_sources_title"));
    c->st->primary = (RenderRect){c->w - 280, y + 18, 256, foot - 36};
    if (ui_button(c, c->st->primary, ui_t(c, "ui.kiosk_finish"), UI_BUTTON_PRIMARY) || ui_key(c, SDLK_RETURN))
        ui_action(c, UI_ACT_KIOSK_FINISH, 0, 0, NULL);
    c->parent = parent;
}
