/* ui_intro.c — before a new game: a content note (this is about a famine in
 * which tens of millions died) and one screen of historical context. The
 * player begins, or goes back. */
#include "ui_internal.h"

#include <math.h>

void ui_intro_screen(UiCtx *c)
{
    RenderCtx *r = c->r;
    float w = fminf(860, c->w - 80), x = (c->w - w) / 2, by = c->h - 80;
    /* Everything above the buttons scrolls, so no size loses a line. */
    RenderRect area = {x, 24, w + 16, by - 40};
    float *scroll = &c->st->scroll[UI_OVERLAY_NONE];
    float y = ui_scroll_begin(c, area, scroll, true) + 16;
    render_text(r, ui_t(c, "ui.content_note_title"), x, y, UI_TITLE, RENDER_FONT_BOLD, UI_ACCENT, RENDER_LEFT);
    y += 44;
    /* A kiosk visitor reads the short note before the first decision; a
     * player the whole of it: what is recorded and what is modelled, and the
     * schools of explanation. */
    static const char *const full[] = {"ui.content_note", "ui.content_note_model", "ui.content_note_schools"};
    static const char *const kiosk[] = {"ui.content_note_kiosk"};
    const char *const *note = c->m->kiosk ? kiosk : full;
    int lines = c->m->kiosk ? 1 : 3;
    for (int i = 0; i < lines; i++)
        y += render_text_wrapped(r, ui_t(c, note[i]), x, y, w, UI_TEXT + 2, RENDER_FONT_REGULAR, UI_INK, true) + 10;
    y += 8;
    render_line(r, x, y, x + w, y, 1, UI_LINE);
    y += 18;
    render_text(r, ui_t(c, "ui.context_title"), x, y, UI_HEAD, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
    y += 34;
    y += render_text_wrapped(r, ui_t(c, "ui.context"), x, y, w, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, true);
    y += 14;
    const char *mode_key = c->st->intro_historical ? "ui.intro_historical" : "ui.intro_free";
    y += render_text_wrapped(r, ui_t(c, mode_key), x, y, w, UI_TEXT, RENDER_FONT_REGULAR, UI_MUTED, true);
    ui_scroll_end(c, area, scroll, y + 8);
    c->st->primary = (RenderRect){x + w - 260, by, 260, 48};
    if (ui_button(c, c->st->primary, ui_t(c, "ui.begin"), UI_BUTTON_PRIMARY) ||
        ui_key(c, SDLK_RETURN))
        ui_action(c, UI_ACT_NEW_GAME, c->st->intro_historical ? 1 : 0, 0, NULL);
    if (ui_button(c, (RenderRect){x, by, 200, 48}, ui_t(c, "ui.back"), UI_BUTTON_PLAIN) ||
        (!c->m->kiosk && ui_key(c, SDLK_ESCAPE))) {
        if (c->m->kiosk)
            ui_action(c, UI_ACT_KIOSK_FINISH, 0, 0, NULL);
        else
            c->st->screen = ui_scenarios_offered(c) ? UI_SCREEN_SCENARIOS : UI_SCREEN_TITLE;
    }
    /* The language can change here too, before anything is read. */
    ui_language_button(c, (RenderRect){c->w - 150, 16, 134, 40});
}
