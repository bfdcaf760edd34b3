/* ui_attract.c — the kiosk's attract loop: while nobody plays, history
 * replays itself on the map month by month (the death rate as it really
 * was), with the month's events captioned in both languages, and an
 * invitation to touch the screen. Also the staff's PIN pad. */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The events decided in the month just simulated, titles in `lang`. */
static int month_events(const UiCtx *c, ScriptLang lang, char out[][160], int cap)
{
    const CoreState *s = game_state(c->m->game);
    int n = 0;
    for (int i = 0; i < s->decision_count && n < cap; i++) {
        const CoreDecision *d = &s->decisions[i];
        if (d->month != s->month - 1 || d->province >= 0)
            continue; /* the national story; provinces' events would crowd it */
        char key[96];
        snprintf(key, sizeof key, "event.%s.title", d->event);
        snprintf(out[n++], sizeof out[0], "%s", script_text(c->m->texts, lang, key));
    }
    return n;
}

void ui_attract_screen(UiCtx *c)
{
    if (!c->m->game)
        return;
    RenderCtx *r = c->r;
    const CoreState *s = game_state(c->m->game);
    RenderRect area = {0, 0, c->w, c->h - 150};
    ui_game_map(c, area, true);
    /* The date, in both languages. */
    int year = core_state_year(s), month = core_state_month_of_year(s);
    char en[64], zh[64];
    static const char *const months[] = {"January", "February", "March",     "April",   "May",      "June",
                                         "July",    "August",   "September", "October", "November", "December"};
    snprintf(en, sizeof en, "%s %d", months[month - 1], year);
    snprintf(zh, sizeof zh, "%d\xE5\xB9\xB4%d\xE6\x9C\x88", year, month);
    render_fill_rect(r, (RenderRect){0, 0, 360, 92}, (RenderColor){52, 66, 84, 230});
    render_text(r, zh, 20, 10, UI_TITLE + 4, RENDER_FONT_BOLD, UI_WHITE, RENDER_LEFT);
    render_text(r, en, 20, 52, UI_HEAD, RENDER_FONT_REGULAR, (RenderColor){220, 224, 230, 255}, RENDER_LEFT);
    /* Captions: what happened this month, Chinese over English. */
    float y = c->h - 150;
    render_fill_rect(r, (RenderRect){0, y, c->w, 150}, UI_SLATE);
    char ev_zh[3][160], ev_en[3][160];
    int n = month_events(c, SCRIPT_LANG_ZH, ev_zh, 3);
    month_events(c, SCRIPT_LANG_EN, ev_en, 3);
    float cx = 24;
    for (int i = 0; i < n && i < 2; i++, y += 50) {
        render_text(r, ev_zh[i], cx, y + 10, UI_HEAD, RENDER_FONT_BOLD, UI_WHITE, RENDER_LEFT);
        render_text(r, ev_en[i], cx, y + 36, UI_SMALL + 1, RENDER_FONT_REGULAR, (RenderColor){215, 220, 228, 255},
                    RENDER_LEFT);
    }
    /* The invitation, pulsing gently with the month. */
    float pulse = 0.75f + 0.25f * (float)(s->month % 2);
    RenderColor ink = {(uint8_t)(255 * pulse), (uint8_t)(255 * pulse), (uint8_t)(255 * pulse), 255};
    render_text(r, ui_t(c, "ui.kiosk_touch_zh"), c->w - 24, c->h - 140, UI_TITLE + 6, RENDER_FONT_BOLD, ink,
                RENDER_RIGHT);
    render_text(r, ui_t(c, "ui.kiosk_touch_en"), c->w - 24, c->h - 90, UI_HEAD + 2, RENDER_FONT_REGULAR, ink,
                RENDER_RIGHT);
    /* Any touch anywhere begins a visitor's session. */
    if (c->in->mouse_released && ui_active(c))
        ui_action(c, UI_ACT_KIOSK_BEGIN, 0, 0, NULL);
}

/* Staff leave the kiosk by a key chord, then this PIN pad. */
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
    char shown[16];
    size_t len = strlen(st->pin);
    memset(shown, '*', len);
    shown[len] = '\0';
    render_fill_rect(c->r, (RenderRect){in.x, in.y, in.w, 44}, UI_BUTTON);
    render_text(c->r, shown, in.x + in.w / 2, in.y + 8, UI_HEAD, RENDER_FONT_BOLD, UI_INK, RENDER_CENTER);
    static const char *const keys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "\xE2\x86\x90", "0", "OK"};
    float bw = (in.w - 16) / 3, bh = 70;
    for (int k = 0; k < 12; k++) {
        RenderRect b = {in.x + (float)(k % 3) * (bw + 8), in.y + 56 + (float)(k / 3) * (bh + 8), bw, bh};
        if (!ui_button(c, b, keys[k], k == 11 ? UI_BUTTON_PRIMARY : UI_BUTTON_PLAIN))
            continue;
        if (k == 9 && len > 0)
            st->pin[len - 1] = '\0';
        else if (k == 11) {
            ui_action(c, UI_ACT_PIN, 0, 0, st->pin);
            st->pin[0] = '\0';
        } else if (k != 9 && len + 1 < sizeof st->pin) {
            st->pin[len] = keys[k][0];
            st->pin[len + 1] = '\0';
        }
    }
}
