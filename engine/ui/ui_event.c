/* ui_event.c — the event card: title, picture, text and options. The game
 * waits while a card is open. Hovering an option shows what it will do,
 * computed by running the option's effects in preview mode (nothing is
 * applied); the option history took is marked. */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The effects of an option, as text lines (preview: nothing is applied). */
static int preview_lines(UiCtx *c, const ScriptDue *due, int option, char lines[][200], int cap)
{
    Game *g = c->m->game;
    ScriptCommands cmds = {0};
    CoreState *s = game_core(g);
    int n = 0;
    if (script_event_choose(game_host(g), s, due, option, true, &cmds))
        for (int i = 0; i < cmds.count && n < cap; i++) {
            ui_describe_command(c, &cmds.items[i], s, lines[n], sizeof lines[n]);
            if (lines[n][0])
                n++;
        }
    script_commands_free(&cmds);
    return n;
}

void ui_event_card(UiCtx *c)
{
    Game *g = c->m->game;
    const ScriptDue *due = game_pending_at(g, 0);
    if (!due)
        return;
    const ScriptEventInfo *e = script_event_at(game_host(g), due->event);
    if (!e)
        return;
    const CoreState *s = game_state(g);
    ui_shade(c);
    float w = fminf(760, c->w - 60);
    /* Measure first: the card grows with its text. */
    float text_h = render_text_wrapped(c->r, ui_t(c, e->text_key), 0, 0, w - 48, UI_TEXT + 1, RENDER_FONT_REGULAR,
                                       UI_INK, false);
    char picture[1200] = "";
    _Static_assert(SCRIPT_MAX_PICTURE_SIDE == RENDER_MAX_IMAGE_SIDE && SCRIPT_MAX_PICTURE_BYTES == RENDER_MAX_IMAGE_BYTES,
                   "--check-mods and the card must accept the same pictures");
    if (!script_event_picture_path(game_host(g), e, picture, sizeof picture))
        picture[0] = '\0';
    float pic_h = picture[0] ? 200 : 0;
    float opt_h = (float)e->option_count * (c->m->kiosk ? 100 : 50); /* kiosk: effects under each option */
    float h = fminf(c->h - 40, 142 + pic_h + text_h + opt_h + 150);
    RenderRect card = {(c->w - w) / 2, (c->h - h) / 2, w, h};
    render_fill_rect(c->r, (RenderRect){card.x + 5, card.y + 7, w, h}, (RenderColor){0, 0, 0, 70});
    render_fill_rect(c->r, card, UI_PANEL);
    render_fill_rect(c->r, (RenderRect){card.x, card.y, w, 6}, UI_ACCENT);
    float x = card.x + 24, y = card.y + 20;
    char date[64];
    ui_format_month(c, date, sizeof date, core_state_year(s), core_state_month_of_year(s));
    if (due->province >= 0) {
        size_t n = strlen(date);
        snprintf(date + n, sizeof date - n, " \xC2\xB7 %s", ui_tf(c, "province.%s", s->info[due->province].id));
    }
    render_text(c->r, date, x, y, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED, RENDER_LEFT);
    y += 22;
    y += render_text_wrapped(c->r, ui_t(c, e->title_key), x, y, w - 48, UI_TITLE, RENDER_FONT_BOLD, UI_INK, true);
    y += 6;
    if (picture[0] && render_image(c->r, picture, (RenderRect){x, y, w - 48, pic_h - 10}))
        y += pic_h;
    y += render_text_wrapped(c->r, ui_t(c, e->text_key), x, y, w - 48, UI_TEXT + 1, RENDER_FONT_REGULAR, UI_INK, true);
    y += 6;
    const char *ids[SCRIPT_MAX_SOURCES_PER_ITEM];
    for (int k = 0; k < e->source_count; k++)
        ids[k] = e->sources[k];
    char title[160];
    snprintf(title, sizeof title, "%s", ui_t(c, e->title_key));
    if (ui_source_tag(c, x, y, ids, e->source_count, title) > 0)
        y += 22;
    y += 8;
    int hot = -1;
    for (int o = 0; o < e->option_count; o++) {
        RenderRect b = {x, y, w - 48, 42};
        if (o < 8)
            c->st->card_options[c->st->card_option_count++] = b;
        bool historical = o == e->historical_option && c->m->historical;
        if (ui_hover(c, b))
            hot = o;
        if (ui_button(c, b, ui_t(c, e->options[o].text_key), UI_BUTTON_PLAIN) || ui_key(c, SDLK_1 + o))
            ui_action(c, UI_ACT_CHOOSE, 0, o, NULL);
        if (historical)
            render_text(c->r, ui_t(c, "ui.history_chose"), b.x + b.w - 8, b.y + 2, UI_SMALL - 2, RENDER_FONT_REGULAR,
                        UI_ACCENT, RENDER_RIGHT);
        y += 48;
        /* Touch has no hover: a kiosk card shows what each option does. */
        if (c->m->kiosk) {
            char lines[3][200];
            int n = preview_lines(c, due, o, lines, 3);
            for (int i = 0; i < n; i++, y += 18)
                render_text(c->r, lines[i], x + 12, y - 2, UI_SMALL - 1, RENDER_FONT_REGULAR, UI_MUTED, RENDER_LEFT);
            y += n ? 6 : 0;
        }
    }
    if (c->m->kiosk) {
        if (c->m->card_seconds_left >= 0) {
            char left[96];
            snprintf(left, sizeof left, "%s %d %s", ui_t(c, "ui.kiosk_countdown"), c->m->card_seconds_left,
                     ui_t(c, "ui.kiosk_seconds"));
            render_text(c->r, left, card.x + w - 24, card.y + 20, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED,
                        RENDER_RIGHT);
        }
        return;
    }
    /* Escape still reaches the menu (save, settings, quit) over a card;
     * a kiosk has no menu. */
    if (!c->m->kiosk && ui_key(c, SDLK_ESCAPE))
        c->st->overlay = UI_OVERLAY_MENU;
    /* What the hovered option would do. */
    c->st->hot_option = hot;
    if (hot >= 0) {
        char lines[10][200];
        int n = preview_lines(c, due, hot, lines, 10);
        render_text(c->r, ui_t(c, "ui.if_chosen"), x, y + 4, UI_SMALL, RENDER_FONT_BOLD, UI_MUTED, RENDER_LEFT);
        y += 24;
        if (n == 0)
            render_text(c->r, ui_t(c, "ui.no_effects"), x + 10, y, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED,
                        RENDER_LEFT);
        for (int i = 0; i < n && y < card.y + h - 20; i++, y += 19)
            render_text(c->r, lines[i], x + 10, y, UI_SMALL, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
    } else {
        render_text(c->r, ui_t(c, "ui.hover_for_effects"), x, y + 4, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED,
                    RENDER_LEFT);
    }
}
