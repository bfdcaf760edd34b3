/* ui_kiosk_visit.c — a kiosk visitor's game. The map of the death rate
 * fills the screen between a bar with the month, the decisions made and
 * the toll, and a bar with one toggle named for what it shows: what the
 * centre was told, or what really happened. A decision is taken on what
 * the centre was told (the map turns back to the reports when its card
 * comes); once it is taken, what really happened appears, the map turning
 * to the real figures with a line of text, beside what the choice changed
 * on its own in the model; time runs again when the visitor goes on. */
#include "ui_kiosk.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define TOP_H 64.0f
#define BOTTOM_H 68.0f

/* The map's turn between the two sets of figures, eased. */
static float figures_shown(UiCtx *c)
{
    UiState *st = c->st;
    float target = st->true_figures ? 1.0f : 0.0f;
    double now = c->m->now_ms;
    if (st->figures_shown_ms <= 0)
        st->figures_shown = target;
    float step = st->figures_shown_ms > 0 ? (float)((now - st->figures_shown_ms) / UI_K_REVEAL_MS) : 1.0f;
    st->figures_shown_ms = now > 0 ? now : 1;
    if (st->figures_shown < target)
        st->figures_shown = fminf(target, st->figures_shown + fmaxf(0, step));
    else if (st->figures_shown > target)
        st->figures_shown = fmaxf(target, st->figures_shown - fmaxf(0, step));
    float t = st->figures_shown;
    return t * t * (3 - 2 * t);
}

static int answered(const UiKiosk *k)
{
    int n = 0;
    for (int i = 0; i < k->decision_count; i++)
        n += k->decisions[i].chosen >= 0;
    return n;
}

static void top_bar(UiCtx *c, const UiKioskFigures *f, bool real)
{
    const UiKiosk *k = c->m->kiosk_info;
    const CoreState *s = game_state(c->m->game);
    render_fill_rect(c->r, (RenderRect){0, 0, c->w, TOP_H}, UI_SLATE);
    RenderRect parent = ui_parent_push(c, (RenderRect){0, 0, c->w, TOP_H});
    char date[64];
    ui_kiosk_month(c, c->m->lang, date, sizeof date, s);
    render_text(c->r, date, 20, 12, UI_K_TITLE - 4, RENDER_FONT_BOLD, UI_WHITE, RENDER_LEFT);
    float x = 20 + 210;
    /* The decisions: one dot each, filled once answered. */
    if (k && k->decision_count > 0) {
        char of[24], label[96];
        snprintf(of, sizeof of, "%d", answered(k));
        char total[8];
        snprintf(total, sizeof total, "%d", k->decision_count);
        const char *args[] = {of, total};
        ui_kiosk_fill(label, sizeof label, ui_t(c, "kiosk.decisions_made"), args, 2);
        render_text(c->r, label, x, 8, UI_K_SMALL, RENDER_FONT_REGULAR, UI_WHITE, RENDER_LEFT);
        for (int i = 0; i < k->decision_count; i++) {
            float cx = x + 8 + 22 * (float)i, cy = 44;
            if (k->decisions[i].chosen >= 0)
                render_fill_circle(c->r, cx, cy, 7, UI_WHITE);
            else
                render_circle(c->r, cx, cy, 7, 2, UI_WHITE);
        }
        x += fmaxf(190, 22.0f * k->decision_count + 30);
    }
    /* The toll so far, in the figures the map shows. */
    char value[64], label[160];
    ui_format_people(c, value, sizeof value, real ? f->toll : f->toll_reported);
    snprintf(label, sizeof label, "%s", ui_t(c, real ? "kiosk.toll_real" : "kiosk.toll_told"));
    float room = c->w - 160 - x;
    if (room > 200) {
        render_text(c->r, label, x, 8, UI_K_SMALL, RENDER_FONT_REGULAR, UI_WHITE, RENDER_LEFT);
        render_text(c->r, value, x, 29, UI_K_HEAD, RENDER_FONT_BOLD, UI_WHITE, RENDER_LEFT);
    }
    ui_language_button(c, (RenderRect){c->w - 146, 10, 130, 44});
    c->parent = parent;
}

/* The toggle, named for what each side shows. */
static void bottom_bar(UiCtx *c)
{
    UiState *st = c->st;
    float y = c->h - BOTTOM_H;
    render_fill_rect(c->r, (RenderRect){0, y, c->w, BOTTOM_H}, UI_BUTTON);
    render_line(c->r, 0, y, c->w, y, 1, UI_LINE);
    RenderRect parent = ui_parent_push(c, (RenderRect){0, y, c->w, BOTTOM_H});
    float bw = fminf(300, (c->w - 60) / 3);
    RenderRect told = {16, y + 10, bw, BOTTOM_H - 20}, real = {16 + bw + 8, y + 10, bw, BOTTOM_H - 20};
    if (ui_button(c, told, ui_t(c, "kiosk.show_told"), st->true_figures ? UI_BUTTON_PLAIN : UI_BUTTON_SELECTED))
        st->true_figures = false;
    if (ui_button(c, real, ui_t(c, "kiosk.show_real"), st->true_figures ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN))
        st->true_figures = true;
    if (ui_key(c, SDLK_t))
        st->true_figures = !st->true_figures;
    /* The note beside them, as large as the bar lets it be; left out on a
     * screen too narrow for it (the toggle's names say what it does). */
    float x = real.x + real.w + 20;
    const char *note = ui_t(c, st->true_figures ? "kiosk.map_real_note" : "kiosk.map_told_note");
    float size = ui_kiosk_fit(c, note, c->w - x - 16, BOTTOM_H - 12, UI_K_SMALL, UI_K_SMALL - 3, RENDER_FONT_REGULAR);
    if (size > 0) {
        float h = render_text_wrapped(c->r, note, 0, 0, c->w - x - 16, size, RENDER_FONT_REGULAR, UI_INK, false);
        render_text_wrapped(c->r, note, x, y + (BOTTOM_H - h) / 2, c->w - x - 16, size, RENDER_FONT_REGULAR, UI_INK,
                            true);
    }
    c->parent = parent;
}

/* What really happened, in a sentence or two: the last twelve months'
 * harvest and deaths, as reported and as they were. */
static void reveal_line(UiCtx *c, const UiKioskFigures *f, char *buf, size_t cap)
{
    char rep_t[48], act_t[48], rep_d[48], act_d[48], a[400], b[400];
    ui_format_tonnes(c, rep_t, sizeof rep_t, f->harvest_reported_t);
    ui_format_tonnes_like(c, act_t, sizeof act_t, f->harvest_t, f->harvest_reported_t);
    ui_format_people(c, act_d, sizeof act_d, f->deaths);
    ui_format_people(c, rep_d, sizeof rep_d, f->deaths_reported);
    const char *h[] = {rep_t, act_t}, *d[] = {act_d, rep_d};
    ui_kiosk_fill(a, sizeof a, ui_t(c, "kiosk.reveal_harvest"), h, 2);
    ui_kiosk_fill(b, sizeof b, ui_t(c, "kiosk.reveal_deaths"), d, 2);
    snprintf(buf, cap, "%s%s%s", a, ui_t(c, "ui.word_space"), b);
}

/* A pair of bars: what was reported, and what was so (growing into view). */
static float bar_pair(UiCtx *c, float x, float y, float w, const char *label, double reported, double real, float t,
                      bool tonnes)
{
    render_text(c->r, label, x, y, UI_K_SMALL, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
    y += 22;
    double most = fmax(fmax(reported, real), 1);
    float lw = 96;
    char v1[48], v2[48];
    if (tonnes) {
        ui_format_tonnes(c, v1, sizeof v1, reported);
        ui_format_tonnes_like(c, v2, sizeof v2, real, reported);
    } else {
        ui_format_people(c, v1, sizeof v1, reported);
        ui_format_people(c, v2, sizeof v2, real);
    }
    const char *names[2] = {ui_t(c, "kiosk.reported_short"), ui_t(c, "kiosk.real_short")};
    const char *values[2] = {v1, v2};
    double amounts[2] = {reported, real * t + reported * (1 - t)};
    RenderColor fills[2] = {UI_LINE, UI_ACCENT};
    for (int i = 0; i < 2; i++, y += 26) {
        render_text(c->r, names[i], x, y + 1, UI_K_SMALL, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
        float bw = (float)((w - lw - 150) * amounts[i] / most);
        render_fill_rect(c->r, (RenderRect){x + lw, y, fmaxf(2, bw), 22}, fills[i]);
        render_text(c->r, values[i], x + lw + bw + 8, y + 1, UI_K_SMALL, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
    }
    return y + 4;
}

/* After a decision: what it changed on its own, and what really happened,
 * in a panel at the left (where the card was), beside the map turning. */
static RenderRect panel_rect(const UiCtx *c, RenderRect area)
{
    return (RenderRect){area.x + 14, area.y + 12, ui_kiosk_panel_w(c), area.h - 24};
}

static void reveal_panel(UiCtx *c, RenderRect area, const UiKioskFigures *f, float t)
{
    const UiKiosk *k = c->m->kiosk_info;
    const UiKioskDecision *d = &k->decisions[k->reveal];
    RenderRect box = panel_rect(c, area);
    render_fill_rect(c->r, (RenderRect){box.x + 4, box.y + 6, box.w, box.h}, (RenderColor){0, 0, 0, 60});
    render_fill_rect(c->r, box, UI_PANEL);
    render_frame_rect(c->r, box, 1, UI_LINE);
    RenderRect parent = ui_parent_push(c, box);
    float x = box.x + 22, w = box.w - 44, y = box.y;
    /* Your decision, and what it changed on its own. */
    render_fill_rect(c->r, (RenderRect){box.x, y, box.w, 6}, UI_ACCENT);
    y += 16;
    char key[160], head[300];
    snprintf(key, sizeof key, "event.%s.title", d->event);
    snprintf(head, sizeof head, "%s%s%s", ui_t(c, "kiosk.your_choice"), ui_t(c, "ui.colon"), ui_t(c, key));
    RenderRect clip = {x, y, w, 24};
    render_set_clip(c->r, &clip);
    render_text(c->r, head, x, y, UI_K_SMALL, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
    render_set_clip(c->r, NULL);
    y += 24;
    ScriptHost *h = game_host(c->m->game);
    const ScriptEventInfo *e = script_event_at(h, script_event_find(h, d->event));
    if (e && d->chosen >= 0 && d->chosen < e->option_count) {
        char quoted[300], chose[400];
        const char *args[] = {ui_t(c, e->options[d->chosen].text_key)};
        ui_kiosk_fill(quoted, sizeof quoted, ui_t(c, "kiosk.quoted"), args, 1);
        snprintf(chose, sizeof chose, "%s%s", quoted, d->timed_out ? ui_t(c, "kiosk.timed_out") : "");
        y += render_text_wrapped(c->r, chose, x, y, w, UI_K_TEXT, RENDER_FONT_BOLD, UI_INK, true) + 6;
    }
    char consequence[600], line[900];
    ui_kiosk_consequence(c, d, false, consequence, sizeof consequence);
    reveal_line(c, f, line, sizeof line);
    /* Both paragraphs above the button, as large as they fit (large text
     * on a small screen leaves the panel little room). */
    float by = box.y + box.h - 74, size = UI_K_SMALL + 1;
    for (; size > UI_K_SMALL - 4; size -= 1.0f)
        if (y + render_text_wrapped(c->r, consequence, 0, 0, w, size, RENDER_FONT_REGULAR, UI_INK, false) + 20 + 34 +
                render_text_wrapped(c->r, line, 0, 0, w, size, RENDER_FONT_REGULAR, UI_INK, false) + 8 <=
            by - 4)
            break;
    y += render_text_wrapped(c->r, consequence, x, y, w, size, RENDER_FONT_REGULAR, UI_INK, true) + 10;
    render_line(c->r, x, y, x + w, y, 1, UI_LINE);
    y += 10;
    /* What really happened. */
    render_text(c->r, ui_t(c, "kiosk.show_real"), x, y, UI_K_HEAD, RENDER_FONT_BOLD, UI_ACCENT, RENDER_LEFT);
    y += 34;
    y += render_text_wrapped(c->r, line, x, y, w, size, RENDER_FONT_REGULAR, UI_INK, true) + 8;
    if (y + 2 * 76 < by) {
        y = bar_pair(c, x, y, w, ui_t(c, "kiosk.bar_harvest"), f->harvest_reported_t, f->harvest_t, t, true);
        bar_pair(c, x, y, w, ui_t(c, "kiosk.bar_deaths"), f->deaths_reported, f->deaths, t, false);
    }
    /* On: by touch, or by itself after a while (the bar shrinks). */
    c->st->primary = (RenderRect){x, by, w, 56};
    if (ui_button(c, c->st->primary, ui_t(c, "kiosk.continue"), UI_BUTTON_PRIMARY) || ui_key(c, SDLK_RETURN) ||
        ui_key(c, SDLK_SPACE))
        ui_action(c, UI_ACT_KIOSK_CONTINUE, 0, 0, NULL);
    double left = 1.0 - (c->m->now_ms - k->reveal_since_ms) / (k->reveal_seconds * 1000.0);
    render_fill_rect(c->r, (RenderRect){x, by + 60, (float)(w * fmax(0, fmin(1, left))), 4}, UI_MUTED);
    c->parent = parent;
}

void ui_kiosk_visit(UiCtx *c)
{
    if (!c->m->game)
        return;
    UiState *st = c->st;
    const UiKiosk *k = c->m->kiosk_info;
    RenderRect area = {0, TOP_H, c->w, c->h - TOP_H - BOTTOM_H};
    /* A new card: the decision is taken on what the centre was told. */
    UiCardGroup grp;
    bool revealing = k && k->reveal >= 0 && k->reveal < k->decision_count;
    bool card = !revealing && game_pending_count(c->m->game) > 0 && ui_card_group(c, &grp);
    if (card && grp.event != st->kiosk_card_event) {
        st->kiosk_card_event = grp.event;
        st->true_figures = false;
    }
    float t = figures_shown(c);
    UiKioskFigures f;
    ui_kiosk_figures(game_state(c->m->game), &f);
    /* The map beside the card or the panel (whole, in what is left), or
     * across the screen. */
    RenderRect map_area = area;
    if (card || revealing) {
        float right = area.x + 14 + ui_kiosk_panel_w(c) + 8;
        map_area = (RenderRect){right, area.y, area.x + area.w - right, area.h};
    }
    /* A decision is taken, and its reveal shown, on the harvest: the
     * provinces' claims, then what was really harvested (in 1958 and 1959
     * the centre's death figures were still close to the truth; its
     * harvest figures were not). Between decisions, the death rate. */
    bool harvest = card || revealing;
    const char *title = ui_t(c, harvest ? "kiosk.map_harvest" : "kiosk.map_death_rate");
    const char *suffix = harvest ? ui_t(c, "kiosk.kg_suffix") : "\xE2\x80\xB0";
    /* Harvest: low is dark (hunger), so the scale runs from high to low. */
    double lo = harvest ? UI_K_HARVEST_HI : 0, hi = harvest ? 0 : UI_K_RATE_HI;
    const char *tag = ui_t(c, t >= 0.5f ? "kiosk.show_real" : "kiosk.show_told");
    float lw = fminf(260, map_area.w * 0.32f);
    float legend_h = 10 + render_text_wrapped(c->r, title, 0, 0, lw - 20, UI_K_SMALL, RENDER_FONT_BOLD, UI_INK,
                                              false) +
                     6 + 20 + UI_K_SMALL + 4 +
                     render_text_wrapped(c->r, tag, 0, 0, lw - 20, UI_K_SMALL - 2, RENDER_FONT_REGULAR, UI_ACCENT,
                                         false) +
                     14;
    /* The legend in the bottom left corner, beyond the border. */
    RenderRect legend_box = {map_area.x + 12, map_area.y, lw, map_area.h - 12};
    RenderRect obstacle = {legend_box.x, legend_box.y + legend_box.h - legend_h, lw, legend_h};
    ui_kiosk_draw_map(c, &(UiKioskMap){.area = map_area, .harvest = harvest, .blend = t, .lo = lo, .hi = hi,
                                       .decimals = 0, .suffix = suffix, .label_size = UI_K_SMALL,
                                       .obstacles = &obstacle, .obstacle_count = 1});
    ui_kiosk_legend(c, legend_box, title, tag, lo, hi, suffix, UI_K_SMALL);
    st->map_area = map_area;
    top_bar(c, &f, t >= 0.5f);
    bottom_bar(c);
    if (!card && !harvest)
        ui_kiosk_finger_label(c, map_area, NULL, t, suffix);
    if (revealing)
        reveal_panel(c, area, &f, t);
    else if (card) {
        c->layer = UI_LAYER_CARD;
        ui_event_card(c, area);
        c->layer = UI_LAYER_BASE;
    }
}
