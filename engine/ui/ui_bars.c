/* ui_bars.c — the game screen's two bars. The top bar: the date, the
 * clock's controls, the national figures and the boards; it never drops a
 * figure: it shortens labels and values (6.63亿, 663 M), then gives the
 * figures a second line, then smaller type. The mode bar: the eight map
 * modes, with their names where there is room and their icons always, and
 * the two cues (the centre's figures or the real ones; numbers on the map). */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define ROW_H 58.0f
#define SECOND_ROW_H 44.0f
#define MODE_BAR_H 56.0f

static const CoreState *state(const UiCtx *c) { return game_state(c->m->game); }

/* ==== National figures ==== */

typedef struct National {
    double population, death_rate, grain_reported, grain_actual, granary;
} National;

/* The last twelve months, nationally; in the first year the months before
 * the game are 1957's record (its harvest spread over the harvest months),
 * so that 1958's claims show as they are made. */
static National national(const CoreState *s, bool true_figures)
{
    National n = {0};
    int last = s->month - 1, months = 0;
    double deaths = 0;
    for (int p = 0; p < s->province_count; p++)
        n.population += (double)(s->prov[p].rural_pop + s->prov[p].urban_pop);
    for (int m = last; m >= 0 && m > last - 12; m--, months++)
        for (int p = 0; p < s->province_count; p++) {
            const CoreProvinceMonth *h = &s->hist[m][p];
            deaths += (double)(true_figures ? h->deaths : h->deaths_reported);
            n.grain_reported += (double)h->harvest_reported_kg / 1000.0;
            n.grain_actual += (double)h->harvest_kg / 1000.0;
        }
    for (int p = 0; p < s->province_count; p++) {
        double before = ui_harvest_before_start_kg(s, p, 12 - months) / 1000.0;
        n.grain_reported += before;
        n.grain_actual += before;
    }
    n.death_rate = months > 0 && n.population > 0 ? 1000.0 * deaths / n.population * 12.0 / months : NAN;
    if (months == 0 && n.population > 0) { /* before the first month: 1957's record */
        double weighted = 0;
        for (int p = 0; p < s->province_count; p++)
            weighted += s->info[p].cdr_base * (double)(s->prov[p].rural_pop + s->prov[p].urban_pop);
        n.death_rate = weighted / n.population;
    }
    n.granary = (double)s->granary_kg / 1000.0;
    return n;
}

typedef struct Figure {
    UiIcon icon;
    char label[96], label_short[96];
    char value[112], value_short[112];
    float w;                    /* as laid out */
    bool shortened;
} Figure;

typedef struct TopLayout {
    Figure figs[6];
    int count;
    bool two_rows, small;
    bool compact;               /* narrow: one speed button that cycles, smaller date and buttons */
    float height;
    float controls_end;         /* x after the clock's controls */
    float buttons_start;        /* x where the boards' buttons begin */
} TopLayout;

static float label_size(bool small) { return small ? UI_SMALL - 2 : UI_SMALL - 1; }
static float value_size(bool small) { return small ? UI_TEXT - 1 : UI_TEXT + 1; }

static float figure_width(UiCtx *c, const Figure *f, bool shortened, bool small)
{
    float lw, vw;
    render_text_size(c->r, shortened ? f->label_short : f->label, label_size(small), RENDER_FONT_REGULAR, &lw, NULL);
    render_text_size(c->r, shortened ? f->value_short : f->value, value_size(small), RENDER_FONT_BOLD, &vw, NULL);
    return 19 + fmaxf(lw, vw); /* the icon, then the text */
}

/* Whether the figures fit in `room` as they are set; sets their widths. */
static bool figures_fit(UiCtx *c, TopLayout *t, float room, bool shortened, bool small)
{
    float total = 0;
    for (int i = 0; i < t->count; i++) {
        t->figs[i].shortened = shortened;
        t->figs[i].w = figure_width(c, &t->figs[i], shortened, small);
        total += t->figs[i].w + (i ? 14 : 0);
    }
    t->small = small;
    return total <= room;
}

static void tonnes_short(const UiCtx *c, char *buf, size_t cap, double t)
{
    if (c->m->lang == SCRIPT_LANG_EN && isfinite(t) && fabs(t) >= 1e6)
        snprintf(buf, cap, "%.0f Mt", t / 1e6);
    else
        ui_format_tonnes(c, buf, cap, t);
}

static void gather_figures(UiCtx *c, TopLayout *t)
{
    const CoreState *s = state(c);
    bool truth = c->st->true_figures;
    National n = national(s, truth);
    Figure *f = t->figs;
    t->count = 0;
    /* Population */
    f[0] = (Figure){UI_ICON_POPULATION, "", "", "", "", 0, false};
    snprintf(f[0].label, sizeof f[0].label, "%s", ui_t(c, "ui.population"));
    snprintf(f[0].label_short, sizeof f[0].label_short, "%s", ui_t(c, "ui.population"));
    ui_format_people(c, f[0].value, sizeof f[0].value, n.population);
    ui_format_people_short(c, f[0].value_short, sizeof f[0].value_short, n.population);
    /* The death rate, reported or real */
    f[1] = (Figure){UI_ICON_DEATHS, "", "", "", "", 0, false};
    snprintf(f[1].label, sizeof f[1].label, "%s", ui_t(c, truth ? "ui.deaths_true" : "ui.deaths_reported"));
    snprintf(f[1].label_short, sizeof f[1].label_short, "%s",
             ui_t(c, truth ? "ui.deaths_true_short" : "ui.deaths_reported_short"));
    snprintf(f[1].value, sizeof f[1].value, isfinite(n.death_rate) ? "%.1f\xE2\x80\xB0" : "\xE2\x80\x94",
             n.death_rate);
    snprintf(f[1].value_short, sizeof f[1].value_short, "%s", f[1].value);
    /* Grain of the last twelve months */
    f[2] = (Figure){UI_ICON_GRAIN, "", "", "", "", 0, false};
    snprintf(f[2].label, sizeof f[2].label, "%s", ui_t(c, truth ? "ui.grain_both" : "ui.grain_reported"));
    snprintf(f[2].label_short, sizeof f[2].label_short, "%s",
             ui_t(c, truth ? "ui.grain_both_short" : "ui.grain_reported_short"));
    char a[48], b[48];
    ui_format_tonnes(c, a, sizeof a, n.grain_reported);
    ui_format_tonnes(c, b, sizeof b, n.grain_actual);
    if (truth)
        snprintf(f[2].value, sizeof f[2].value, "%s / %s", a, b);
    else
        snprintf(f[2].value, sizeof f[2].value, "%s", a);
    tonnes_short(c, a, sizeof a, n.grain_reported);
    tonnes_short(c, b, sizeof b, n.grain_actual);
    if (truth)
        snprintf(f[2].value_short, sizeof f[2].value_short, "%s / %s", a, b);
    else
        snprintf(f[2].value_short, sizeof f[2].value_short, "%s", a);
    /* The state's granaries */
    f[3] = (Figure){UI_ICON_GRANARY, "", "", "", "", 0, false};
    snprintf(f[3].label, sizeof f[3].label, "%s", ui_t(c, "ui.granary"));
    snprintf(f[3].label_short, sizeof f[3].label_short, "%s", ui_t(c, "ui.granary_short"));
    ui_format_tonnes(c, f[3].value, sizeof f[3].value, n.granary);
    tonnes_short(c, f[3].value_short, sizeof f[3].value_short, n.granary);
    t->count = 4;
    /* Standing with Mao (the Party Center's) */
    if (c->m->standing >= 0) {
        f[4] = (Figure){UI_ICON_STANDING, "", "", "", "", 0, false};
        snprintf(f[4].label, sizeof f[4].label, "%s", ui_t(c, "ui.standing"));
        snprintf(f[4].label_short, sizeof f[4].label_short, "%s", ui_t(c, "ui.standing_short"));
        snprintf(f[4].value, sizeof f[4].value, "%d / 100", c->m->standing);
        snprintf(f[4].value_short, sizeof f[4].value_short, "%d", c->m->standing);
        t->count = 5;
    }
}

/* The date's type: smaller when the bar is narrow. */
static float date_size(bool compact) { return compact ? 19 : 24; }

/* The widest month of the calendar, so the controls stay put. */
static float date_width(UiCtx *c, bool compact)
{
    float widest = 0;
    for (int m = 1; m <= 12; m++) {
        char probe[64];
        float pw;
        ui_format_month(c, probe, sizeof probe, 1958, m);
        render_text_size(c->r, probe, date_size(compact), RENDER_FONT_BOLD, &pw, NULL);
        widest = fmaxf(widest, pw);
    }
    return widest;
}

typedef struct BarButton {
    const char *key;
    UiOverlay overlay;
    int shortcut;
} BarButton;

static const BarButton bar_buttons[] = {{"ui.menu", UI_OVERLAY_MENU, SDLK_ESCAPE},
                                        {"ui.ledger", UI_OVERLAY_LEDGER, SDLK_l},
                                        {"ui.policies", UI_OVERLAY_POLICIES, SDLK_p}};

static float button_width(UiCtx *c, const char *key, bool compact)
{
    float tw;
    render_text_size(c->r, ui_t(c, key), UI_TEXT, RENDER_FONT_REGULAR, &tw, NULL);
    return compact ? fmaxf(48, tw + 16) : fmaxf(76, tw + 24);
}

/* The clock's controls: Play or Pause, then the speeds (one button that
 * cycles through them when the bar is narrow). */
static float play_width(UiCtx *c, bool compact)
{
    if (!compact)
        return 92;
    float widest = 0;
    const char *keys[] = {"ui.play", "ui.pause", "ui.waiting"};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        float tw;
        render_text_size(c->r, ui_t(c, keys[i]), UI_TEXT, RENDER_FONT_REGULAR, &tw, NULL);
        widest = fmaxf(widest, tw + 16);
    }
    return widest;
}

static float controls_width(UiCtx *c, bool compact)
{
    if (c->m->kiosk)
        return 0;
    return compact ? play_width(c, true) + 6 + 44 + 6 : 100 + 3 * 48;
}

static void top_layout(UiCtx *c, TopLayout *t)
{
    memset(t, 0, sizeof *t);
    gather_figures(c, t);
    /* The date, the clock's controls and the buttons share the first line;
     * when they do not fit, they all grow compact (nothing is dropped). */
    for (int compact = 0; compact <= 1; compact++) {
        t->compact = compact;
        float rx = c->w - 12;
        if (c->m->kiosk)
            rx -= 124 + 8;
        for (size_t i = c->m->kiosk ? 1 : 0; i < (c->m->kiosk ? 2 : sizeof bar_buttons / sizeof bar_buttons[0]); i++)
            rx -= button_width(c, bar_buttons[i].key, compact) + (compact ? 6 : 8);
        if (!c->m->kiosk)
            rx -= 36 + (compact ? 6 : 8); /* the help button */
        t->buttons_start = rx;
        t->controls_end = (compact ? 12 : 16) + date_width(c, compact) + (compact ? 12 : 20) +
                          controls_width(c, compact) + (compact ? 6 : 12);
        if (t->controls_end <= t->buttons_start)
            break;
    }
    float room = t->buttons_start - 8 - t->controls_end;
    t->height = ROW_H;
    if (figures_fit(c, t, room, false, false) || figures_fit(c, t, room, true, false))
        return;
    /* A second line for the figures, across the whole width. */
    t->two_rows = true;
    t->height = ROW_H + SECOND_ROW_H;
    room = c->w - 32;
    if (!figures_fit(c, t, room, false, false) && !figures_fit(c, t, room, true, false))
        figures_fit(c, t, room, true, true);
}

float ui_top_bar_height(UiCtx *c)
{
    TopLayout t;
    top_layout(c, &t);
    return t.height;
}

static void draw_figure(UiCtx *c, const Figure *f, float x, float y, bool small)
{
    RenderColor light = {200, 208, 218, 255};
    ui_icon(c, f->icon, x + 6, y + 8, 14, light);
    const char *label = f->shortened ? f->label_short : f->label, *value = f->shortened ? f->value_short : f->value;
    render_text(c->r, label, x + 19, y, label_size(small), RENDER_FONT_REGULAR, light, RENDER_LEFT);
    render_text(c->r, value, x + 19, y + (small ? 16 : 18), value_size(small), RENDER_FONT_BOLD, UI_WHITE,
                RENDER_LEFT);
    ui_widget_note(c, (RenderRect){x, y, f->w, small ? 34 : 38}, label);
}

void ui_top_bar(UiCtx *c)
{
    const CoreState *s = state(c);
    UiState *st = c->st;
    TopLayout t;
    top_layout(c, &t);
    RenderRect bar = {0, 0, c->w, t.height};
    render_fill_rect(c->r, bar, UI_SLATE);
    RenderRect parent = ui_parent_push(c, bar);
    /* Right: the boards and the menu (and help). A kiosk visitor has no menu
     * to leave by, and no board: the guided session asks only the decisions
     * that mattered most. */
    bool compact = t.compact;
    float gap = compact ? 6 : 8;
    float rx = c->w - 12;
    if (c->m->kiosk) {
        rx -= 124;
        ui_language_button(c, (RenderRect){rx, 11, 118, 36});
        rx -= 8;
    }
    for (size_t i = c->m->kiosk ? 1 : 0; i < (c->m->kiosk ? 2 : sizeof bar_buttons / sizeof bar_buttons[0]); i++) {
        float bw = button_width(c, bar_buttons[i].key, compact);
        rx -= bw;
        if (ui_button(c, (RenderRect){rx, 11, bw, 36}, ui_t(c, bar_buttons[i].key), UI_BUTTON_PLAIN) ||
            ui_key(c, bar_buttons[i].shortcut))
            st->overlay = bar_buttons[i].overlay;
        rx -= gap;
    }
    if (!c->m->kiosk) {
        rx -= 36;
        if (ui_button(c, (RenderRect){rx, 11, 36, 36}, "?", UI_BUTTON_PLAIN))
            st->overlay = UI_OVERLAY_HELP;
    }
    char date[64];
    ui_format_month(c, date, sizeof date, core_state_year(s), core_state_month_of_year(s));
    float dx = compact ? 12 : 16;
    render_text(c->r, date, dx, compact ? 16 : 13, date_size(compact), RENDER_FONT_BOLD, UI_WHITE, RENDER_LEFT);
    float x = dx + date_width(c, compact) + (compact ? 12 : 20);
    if (!c->m->kiosk) {
        /* True to the clock: Play when paused, Pause when running, and
         * while a card holds time, that it waits for a decision. */
        bool waiting = game_pending_count(c->m->game) > 0 && !st->cards_held;
        const char *label = c->m->paused ? ui_t(c, "ui.play") : waiting ? ui_t(c, "ui.waiting") : ui_t(c, "ui.pause");
        float pw = play_width(c, compact);
        if (ui_button(c, (RenderRect){x, 11, pw, 36}, label, st->cards_held ? UI_BUTTON_PRIMARY : UI_BUTTON_PLAIN) ||
            ui_key(c, SDLK_SPACE))
            ui_action(c, st->cards_held ? UI_ACT_RELEASE_CARDS : UI_ACT_TOGGLE_PAUSE, 0, 0, NULL);
        x += pw + (compact ? 6 : 8);
        if (compact) { /* one button: the speed, and a press moves to the next */
            char label3[8];
            snprintf(label3, sizeof label3, "%d\xC3\x97", c->m->speed);
            if (ui_button(c, (RenderRect){x, 11, 44, 36}, label3, UI_BUTTON_SELECTED))
                ui_action(c, UI_ACT_SET_SPEED, c->m->speed % 3 + 1, 0, NULL);
        }
        for (int sp = 1; sp <= 3 && !compact; sp++) {
            char label3[8];
            snprintf(label3, sizeof label3, "%d\xC3\x97", sp);
            if (ui_button(c, (RenderRect){x, 11, 44, 36}, label3,
                          c->m->speed == sp ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN))
                ui_action(c, UI_ACT_SET_SPEED, sp, 0, NULL);
            x += 48;
        }
    }
    /* The figures: beside the controls, or on their own line below. */
    float fx = t.two_rows ? 16 : t.controls_end, fy = t.two_rows ? ROW_H - 2 : 7;
    if (t.two_rows)
        render_line(c->r, 12, ROW_H - 6, c->w - 12, ROW_H - 6, 1, (RenderColor){78, 92, 110, 255});
    for (int i = 0; i < t.count; i++) {
        draw_figure(c, &t.figs[i], fx, fy, t.small);
        fx += t.figs[i].w + 14;
    }
    c->parent = parent;
}

/* ==== The mode bar ==== */

float ui_mode_bar_height(void) { return MODE_BAR_H; }

void ui_mode_bar(UiCtx *c)
{
    UiState *st = c->st;
    float y = c->h - MODE_BAR_H, x = 10;
    RenderRect bar = {0, y, c->w, MODE_BAR_H};
    render_fill_rect(c->r, bar, (RenderColor){232, 228, 219, 255});
    render_line(c->r, 0, y, c->w, y, 1, UI_LINE);
    RenderRect parent = ui_parent_push(c, bar);
    /* The two cues on the right, as wide as their longest labels (their
     * short ones on a narrow screen). */
    bool narrow = c->w < 1000;
    const char *cue_true = ui_t(c, narrow ? "ui.true_figures_short" : "ui.true_figures");
    const char *cue_reported = ui_t(c, narrow ? "ui.reported_figures_short" : "ui.reported_figures");
    const char *cue_numbers = ui_t(c, narrow ? "ui.numbers_short" : "ui.numbers");
    float tw1, tw2, tw3;
    render_text_size(c->r, cue_true, UI_TEXT, RENDER_FONT_REGULAR, &tw1, NULL);
    render_text_size(c->r, cue_reported, UI_TEXT, RENDER_FONT_REGULAR, &tw2, NULL);
    render_text_size(c->r, cue_numbers, UI_TEXT, RENDER_FONT_REGULAR, &tw3, NULL);
    /* (at most 130 and 120: a longer label goes on two lines) */
    float cue1 = fminf(130, fmaxf(tw1, tw2) + 24), cue2 = fminf(120, tw3 + 24);
    float avail = c->w - 20 - cue1 - cue2 - 2 * 8 - 16;
    int total = ui_mode_total(); /* the eight, then the mods' */
    float bw = fminf(190, avail / total - 6);
    /* Names where the buttons are wide enough for them on two lines; the
     * number and the icon where there is room for both; the icon alone
     * else (the legend names the mode shown). */
    bool named = bw >= 72, numbered = bw >= 40;
    for (int m = 0; m < total && named; m++)
        named = ui_label_fits(c, (RenderRect){0, 0, bw - 22, 38}, ui_t(c, ui_mode_info((UiMapMode)m)->name_key));
    for (int m = 0; m < total; m++) {
        const UiModeInfo *mi = ui_mode_info((UiMapMode)m);
        RenderRect b = {x, y + 9, bw, 38};
        bool on = st->mode == (UiMapMode)m;
        RenderColor fg = on ? UI_WHITE : UI_INK;
        /* Named: the icon and the key's number in a column at the left, the
         * name beside them. Else the icon and the number side by side, or
         * the icon alone (the legend names the mode shown). */
        char number[8];
        snprintf(number, sizeof number, "%s", m < 9 ? (char[2]){(char)('1' + m), 0} : m == 9 ? "0" : "");
        int before = st->widget_count;
        bool hit = ui_button_with_icon(c, b, (RenderRect){b.x + 22, b.y, b.w - 22, b.h},
                                       named ? ui_t(c, mi->name_key) : "", UI_ICON_NONE,
                                       on ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN);
        if (st->widget_count > before) /* found by its name, whatever it shows */
            snprintf(st->widgets[before].label, sizeof st->widgets[before].label, "%s", ui_t(c, mi->name_key));
        if (named) {
            ui_icon(c, mi->icon, b.x + 12, b.y + 13, 14, fg);
            render_text(c->r, number, b.x + 12, b.y + 22, UI_SMALL - 3, RENDER_FONT_BOLD, fg, RENDER_CENTER);
        } else if (numbered) {
            ui_icon(c, mi->icon, b.x + b.w / 2 - 9, b.y + b.h / 2, 16, fg);
            render_text(c->r, number, b.x + b.w / 2 + 9, b.y + 10, UI_TEXT, RENDER_FONT_REGULAR, fg, RENDER_CENTER);
        } else {
            ui_icon(c, mi->icon, b.x + b.w / 2, b.y + b.h / 2, 16, fg);
        }
        int key = m < 9 ? SDLK_1 + m : m == 9 ? SDLK_0 : 0; /* 1-8, then 9 and 0 for the mods' first two */
        if (hit || (key && ui_key(c, key)))
            st->mode = (UiMapMode)m;
        x += bw + 6;
    }
    RenderRect t = {c->w - cue1 - cue2 - 18, y + 9, cue1, 38};
    if (ui_button(c, t, st->true_figures ? cue_true : cue_reported,
                  st->true_figures ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN) ||
        ui_key(c, SDLK_t))
        st->true_figures = !st->true_figures;
    RenderRect n = {c->w - cue2 - 10, y + 9, cue2, 38};
    if (ui_button(c, n, cue_numbers, st->show_values ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN) ||
        ui_key(c, SDLK_n))
        st->show_values = !st->show_values;
    c->parent = parent;
}
