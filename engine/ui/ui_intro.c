/* ui_intro.c — before a new game: a content note (this is about a famine in
 * which tens of millions died) and one screen of historical context. The
 * player begins, or goes back. */
#include "ui_internal.h"

#include <math.h>

void ui_intro_screen(UiCtx *c)
{
    RenderCtx *r = c->r;
    float w = fminf(860, c->w - 80), x = (c->w - w) / 2, y = 40;
    render_text(r, ui_t(c, "ui.content_note_title"), x, y, UI_TITLE, RENDER_FONT_BOLD, UI_ACCENT, RENDER_LEFT);
    y += 44;
    y += render_text_wrapped(r, ui_t(c, "ui.content_note"), x, y, w, UI_TEXT + 2, RENDER_FONT_REGULAR, UI_INK, true);
    y += 18;
    render_line(r, x, y, x + w, y, 1, UI_LINE);
    y += 18;
    render_text(r, ui_t(c, "ui.context_title"), x, y, UI_HEAD, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
    y += 34;
    y += render_text_wrapped(r, ui_t(c, "ui.context"), x, y, w, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, true);
    y += 14;
    const char *mode_key = c->st->intro_historical ? "ui.intro_historical" : "ui.intro_free";
    render_text_wrapped(r, ui_t(c, mode_key), x, y, w, UI_TEXT, RENDER_FONT_REGULAR, UI_MUTED, true);
    float by = c->h - 80;
    c->st->primary = (RenderRect){x + w - 260, by, 260, 48};
    if (ui_button(c, c->st->primary, ui_t(c, "ui.begin"), UI_BUTTON_PRIMARY) ||
        ui_key(c, SDLK_RETURN))
        ui_action(c, UI_ACT_NEW_GAME, c->st->intro_historical ? 1 : 0, 0, NULL);
    if (ui_button(c, (RenderRect){x, by, 200, 48}, ui_t(c, "ui.back"), UI_BUTTON_PLAIN) ||
        (!c->m->kiosk && ui_key(c, SDLK_ESCAPE))) {
        if (c->m->kiosk)
            ui_action(c, UI_ACT_KIOSK_FINISH, 0, 0, NULL);
        else
            c->st->screen = UI_SCREEN_TITLE;
    }
    /* The language can change here too, before anything is read. */
    ui_language_button(c, (RenderRect){c->w - 150, 16, 134, 40});
}
