/* ui_attract.c — the kiosk's attract loop: while nobody plays, history
 * replays itself month by month, in both languages at once. The title and
 * one line of what happened; the map of the death rate as it really was,
 * with the toll above the normal rate rising beside it, next to what the
 * provinces reported; the month's events; and, always, the invitation to
 * touch the screen. Also the staff's PIN pad. */
#include "ui_kiosk.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The latest national event of the last six months (the national story:
 * provinces' events would crowd it), or NULL. */
static const char *recent_event(const UiCtx *c)
{
    const CoreState *s = game_state(c->m->game);
    const char *latest = NULL;
    for (int i = 0; i < s->decision_count; i++) {
        const CoreDecision *d = &s->decisions[i];
        if (d->province < 0 && d->month >= s->month - 6)
            latest = d->event;
    }
    return latest;
}

/* Two lines, Chinese over English, at (x, y); returns the height. */
static float both(UiCtx *c, const char *key, float x, float y, float zh_size, float en_size, RenderFont font,
                  RenderColor col, RenderAlign align)
{
    render_text(c->r, ui_kiosk_text(c, SCRIPT_LANG_ZH, key), x, y, zh_size, font, col, align);
    render_text(c->r, ui_kiosk_text(c, SCRIPT_LANG_EN, key), x, y + zh_size * 1.3f, en_size, RENDER_FONT_REGULAR,
                col, align);
    return zh_size * 1.3f + en_size * 1.3f;
}

/* The national death rate month by month, as it was and as reported. */
static void rate_chart(UiCtx *c, RenderRect rect)
{
    const CoreState *s = game_state(c->m->game);
    int n = s->month;
    if (n < 2 || rect.h < 70)
        return;
    double *act = malloc(sizeof *act * (size_t)n), *rep = malloc(sizeof *rep * (size_t)n);
    if (act && rep) {
        for (int m = 0; m < n; m++) {
            double deaths = 0, reported = 0, pop = 0;
            for (int p = 0; p < s->province_count; p++) {
                deaths += (double)s->hist[m][p].deaths;
                reported += (double)s->hist[m][p].deaths_reported;
                pop += (double)s->hist[m][p].population;
            }
            act[m] = pop > 0 ? 12000.0 * deaths / pop : NAN;
            rep[m] = pop > 0 ? 12000.0 * reported / pop : NAN;
        }
        char real[96], told[96];
        snprintf(real, sizeof real, "%s %s", ui_kiosk_text(c, SCRIPT_LANG_ZH, "kiosk.real_short"),
                 ui_kiosk_text(c, SCRIPT_LANG_EN, "kiosk.real_short"));
        snprintf(told, sizeof told, "%s %s", ui_kiosk_text(c, SCRIPT_LANG_ZH, "kiosk.reported_short"),
                 ui_kiosk_text(c, SCRIPT_LANG_EN, "kiosk.reported_short"));
        RenderSeries series[2] = {{act, UI_ACCENT, false, real}, {rep, UI_INK, true, told}};
        RenderChart chart = {rect, n, s->start_year, s->start_month, series, 2, 0, 70, "\xE2\x80\xB0", UI_K_SMALL - 2,
                             true};
        render_chart(c->r, &chart);
    }
    free(act);
    free(rep);
}

/* The toll beside the map: deaths above the normal rate since 1958, as
 * they were (large) and as reported, with the chart below. */
static void toll_panel(UiCtx *c, RenderRect box)
{
    const CoreState *s = game_state(c->m->game);
    UiKioskFigures f;
    ui_kiosk_figures(s, &f);
    render_fill_rect(c->r, box, UI_PANEL);
    render_line(c->r, box.x, box.y, box.x, box.y + box.h, 1, UI_LINE);
    float x = box.x + 20, w = box.w - 36, y = box.y + 14;
    char zh[64], en[64];
    ui_kiosk_month(c, SCRIPT_LANG_ZH, zh, sizeof zh, s);
    ui_kiosk_month(c, SCRIPT_LANG_EN, en, sizeof en, s);
    render_text(c->r, zh, x, y, UI_K_TITLE - 2, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
    render_text(c->r, en, x, y + 40, UI_K_HEAD - 4, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
    y += 76;
    render_line(c->r, x, y, x + w, y, 1, UI_LINE);
    y += 10;
    y += both(c, "kiosk.toll", x, y, UI_K_TEXT - 1, UI_K_SMALL - 1, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT) + 2;
    ui_kiosk_format_people(c, SCRIPT_LANG_ZH, zh, sizeof zh, f.toll);
    ui_kiosk_format_people(c, SCRIPT_LANG_EN, en, sizeof en, f.toll);
    render_text(c->r, zh, x, y, 40, RENDER_FONT_BOLD, UI_ACCENT, RENDER_LEFT);
    render_text(c->r, en, x, y + 50, UI_K_HEAD + 2, RENDER_FONT_BOLD, UI_ACCENT, RENDER_LEFT);
    y += 88;
    /* What the centre was told, beside it. */
    char line[200];
    ui_kiosk_format_people(c, SCRIPT_LANG_ZH, zh, sizeof zh, f.toll_reported);
    ui_kiosk_format_people(c, SCRIPT_LANG_EN, en, sizeof en, f.toll_reported);
    snprintf(line, sizeof line, "%s %s", ui_kiosk_text(c, SCRIPT_LANG_ZH, "kiosk.toll_reported"), zh);
    render_text(c->r, line, x, y, UI_K_TEXT - 1, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
    snprintf(line, sizeof line, "%s %s", ui_kiosk_text(c, SCRIPT_LANG_EN, "kiosk.toll_reported"), en);
    render_text(c->r, line, x, y + 25, UI_K_SMALL - 1, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
    y += 54;
    rate_chart(c, (RenderRect){x, y, w, box.y + box.h - y - 10});
}

void ui_attract_screen(UiCtx *c)
{
    if (!c->m->game)
        return;
    RenderCtx *r = c->r;
    const CoreState *s = game_state(c->m->game);
    /* Bands: the title above, the invitation below, the toll on the right. */
    float top = fmaxf(132, c->h * 0.19f), bottom = fmaxf(104, c->h * 0.16f);
    float panel_w = fminf(440, fmaxf(320, c->w * 0.3f));
    RenderRect area = {0, top, c->w - panel_w, c->h - top - bottom};
    /* The map: the death rate as it really was. */
    float lw = fminf(280, area.w * 0.34f);
    RenderRect legend_box = {area.x + 12, area.y, lw, area.h - 12}; /* bottom left, beyond the border */
    char title[160], tag[160];
    snprintf(title, sizeof title, "%s \xC2\xB7 %s", ui_kiosk_text(c, SCRIPT_LANG_ZH, "kiosk.map_death_rate"),
             ui_kiosk_text(c, SCRIPT_LANG_EN, "kiosk.map_death_rate"));
    snprintf(tag, sizeof tag, "%s \xC2\xB7 %s", ui_kiosk_text(c, SCRIPT_LANG_ZH, "kiosk.show_real"),
             ui_kiosk_text(c, SCRIPT_LANG_EN, "kiosk.show_real"));
    /* Measured first, so the map's labels keep out of its way. */
    float legend_h = 10 + render_text_wrapped(r, title, 0, 0, legend_box.w - 20, UI_K_SMALL, RENDER_FONT_BOLD,
                                              UI_INK, false) +
                     6 + 20 + UI_K_SMALL + 4 +
                     render_text_wrapped(r, tag, 0, 0, legend_box.w - 20, UI_K_SMALL - 2, RENDER_FONT_REGULAR,
                                         UI_ACCENT, false) +
                     14;
    RenderRect obstacle = {legend_box.x, legend_box.y + legend_box.h - legend_h, legend_box.w, legend_h};
    ui_kiosk_draw_map(c, &(UiKioskMap){.area = area, .blend = 1, .lo = 0, .hi = UI_K_RATE_HI, .decimals = 0,
                                       .suffix = "\xE2\x80\xB0", .label_size = UI_K_SMALL,
                                       .obstacles = &obstacle, .obstacle_count = 1});
    ui_kiosk_legend(c, legend_box, title, tag, 0, UI_K_RATE_HI, "\xE2\x80\xB0", UI_K_SMALL);
    toll_panel(c, (RenderRect){c->w - panel_w, top, panel_w, area.h});
    /* The title and what happened, in both languages. */
    render_fill_rect(r, (RenderRect){0, 0, c->w, top}, UI_SLATE);
    float tw;
    const char *zh_title = ui_kiosk_text(c, SCRIPT_LANG_ZH, "ui.title");
    render_text_size(r, zh_title, 46, RENDER_FONT_BOLD, &tw, NULL);
    render_text(r, zh_title, 28, 12, 46, RENDER_FONT_BOLD, UI_WHITE, RENDER_LEFT);
    render_text(r, ui_kiosk_text(c, SCRIPT_LANG_EN, "ui.title"), 28 + tw + 18, 26, UI_K_TITLE - 2,
                RENDER_FONT_REGULAR, UI_WHITE, RENDER_LEFT);
    render_text(r, ui_kiosk_text(c, SCRIPT_LANG_ZH, "kiosk.hook"), 28, top - 62, UI_K_TEXT, RENDER_FONT_REGULAR,
                UI_WHITE, RENDER_LEFT);
    render_text(r, ui_kiosk_text(c, SCRIPT_LANG_EN, "kiosk.hook"), 28, top - 33, UI_K_SMALL + 1,
                RENDER_FONT_REGULAR, UI_WHITE, RENDER_LEFT);
    /* Below: the month's event, and the invitation, always there. */
    float y = c->h - bottom;
    render_fill_rect(r, (RenderRect){0, y, c->w, bottom}, UI_SLATE);
    float invite_w = fmaxf(360, c->w * 0.42f);
    const char *event = recent_event(c);
    if (event) {
        char key[96];
        snprintf(key, sizeof key, "event.%s.title", event);
        RenderRect clip = {0, y, c->w - invite_w - 16, bottom};
        render_set_clip(r, &clip);
        render_text(r, ui_kiosk_text(c, SCRIPT_LANG_ZH, key), 28, y + 18, UI_K_HEAD - 2, RENDER_FONT_BOLD, UI_WHITE,
                    RENDER_LEFT);
        render_text(r, ui_kiosk_text(c, SCRIPT_LANG_EN, key), 28, y + 52, UI_K_TEXT - 2, RENDER_FONT_REGULAR,
                    UI_WHITE, RENDER_LEFT);
        render_set_clip(r, NULL);
    }
    /* A hand's target: a ring, with the words in both languages. */
    float rx = c->w - 28, cy = y + bottom / 2;
    RenderColor warm = {246, 213, 120, 255};
    render_text(r, ui_kiosk_text(c, SCRIPT_LANG_ZH, "kiosk.touch"), rx, cy - 42, UI_K_TITLE + 4, RENDER_FONT_BOLD,
                warm, RENDER_RIGHT);
    render_text(r, ui_kiosk_text(c, SCRIPT_LANG_EN, "kiosk.touch"), rx, cy + 6, UI_K_HEAD + 2, RENDER_FONT_REGULAR,
                warm, RENDER_RIGHT);
    float zw, ew;
    render_text_size(r, ui_kiosk_text(c, SCRIPT_LANG_ZH, "kiosk.touch"), UI_K_TITLE + 4, RENDER_FONT_BOLD, &zw, NULL);
    render_text_size(r, ui_kiosk_text(c, SCRIPT_LANG_EN, "kiosk.touch"), UI_K_HEAD + 2, RENDER_FONT_REGULAR, &ew,
                     NULL);
    float ring = rx - fmaxf(zw, ew) - 40;
    render_circle(r, ring, cy, 20, 3, warm);
    render_fill_circle(r, ring, cy, 8, warm);
    /* While the kiosk works out what each decision does: a quiet note. */
    const UiKiosk *k = c->m->kiosk_info;
    if (k && k->progress < 1.0 && k->decision_count > 0) {
        char pct[16], zh[96], en[96], note[200];
        snprintf(pct, sizeof pct, "%.0f", 100.0 * k->progress);
        const char *args[] = {pct};
        ui_kiosk_fill(zh, sizeof zh, ui_kiosk_text(c, SCRIPT_LANG_ZH, "kiosk.preparing"), args, 1);
        ui_kiosk_fill(en, sizeof en, ui_kiosk_text(c, SCRIPT_LANG_EN, "kiosk.preparing"), args, 1);
        snprintf(note, sizeof note, "%s \xC2\xB7 %s", zh, en);
        render_text(r, note, c->w - 16, 8, UI_K_SMALL - 2, RENDER_FONT_REGULAR, UI_WHITE, RENDER_RIGHT);
    }
    (void)s;
    /* Any touch anywhere begins a visitor's session. */
    if (c->in->mouse_released && ui_active(c))
        ui_action(c, UI_ACT_KIOSK_BEGIN, 0, 0, NULL);
}

/* Staff leave the kiosk by a key chord, then this PIN pad: touched, or
 * typed on the keyboard (digits, keypad digits, Backspace, Enter). */
void ui_pin_pad(UiCtx *c)
{
    UiState *st = c->st;
    ui_shade(c);
    bool closed = false;
    RenderRect in = ui_window(c, 380, 470, ui_t(c, "ui.kiosk_pin"), &closed);
    if (closed) {
        st->pin[0] = '\0';
        st->overlay = UI_OVERLAY_NONE;
        return;
    }
    size_t len = strlen(st->pin);
    static const char *const keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "\xE2\x86\x90", "0", "OK"};
    float bw = (in.w - 16) / 3, bh = 70;
    /* What was pressed, in order: 0-9 a digit, 10 back, 11 OK (several keys
     * typed fast can arrive in one frame). */
    int pressed[UI_MAX_KEYS + 1], n = 0;
    for (int k = 0; k < 12; k++) {
        RenderRect b = {in.x + (float)(k % 3) * (bw + 8), in.y + 56 + (float)(k / 3) * (bh + 8), bw, bh};
        if (ui_button(c, b, keys[k], k == 11 ? UI_BUTTON_PRIMARY : UI_BUTTON_PLAIN))
            pressed[n++] = k == 9 ? 10 : k == 10 ? 0 : k == 11 ? 11 : k + 1;
    }
    for (int i = 0; ui_active(c) && i < c->in->key_count && n <= UI_MAX_KEYS; i++) {
        int kc = c->in->keys[i];
        if (kc >= SDLK_0 && kc <= SDLK_9)
            pressed[n++] = kc - SDLK_0;
        else if (kc >= SDLK_KP_1 && kc <= SDLK_KP_9)
            pressed[n++] = kc - SDLK_KP_1 + 1;
        else if (kc == SDLK_KP_0)
            pressed[n++] = 0;
        else if (kc == SDLK_BACKSPACE || kc == SDLK_KP_BACKSPACE)
            pressed[n++] = 10;
        else if (kc == SDLK_RETURN || kc == SDLK_KP_ENTER)
            pressed[n++] = 11;
    }
    for (int i = 0; i < n; i++) {
        if (pressed[i] == 10 && len > 0)
            st->pin[--len] = '\0';
        else if (pressed[i] == 11) {
            ui_action(c, UI_ACT_PIN, 0, 0, st->pin);
            st->pin[0] = '\0';
            len = 0;
            break;
        } else if (pressed[i] <= 9 && len + 1 < sizeof st->pin) {
            st->pin[len++] = (char)('0' + pressed[i]);
            st->pin[len] = '\0';
        }
    }
    char shown[16];
    memset(shown, '*', len);
    shown[len] = '\0';
    render_fill_rect(c->r, (RenderRect){in.x, in.y, in.w, 44}, UI_BUTTON);
    render_text(c->r, shown, in.x + in.w / 2, in.y + 8, UI_HEAD, RENDER_FONT_BOLD, UI_INK, RENDER_CENTER);
}
