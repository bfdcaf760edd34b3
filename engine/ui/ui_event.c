/* ui_event.c — the event card: title, picture, text and options. One card
 * per decision: an event due in several provinces this month is one card
 * that lists them, answered for all at once or province by province. The
 * game waits while a card is open. A card about provinces stands beside
 * them: the map is framed on them and they are outlined, and the card
 * takes the other side of the screen. Hovering an option shows what it
 * will do, computed by running the option's effects in preview mode
 * (nothing is applied); the option history took is marked. */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

bool ui_card_group(const UiCtx *c, UiCardGroup *grp)
{
    memset(grp, 0, sizeof *grp);
    Game *g = c->m->game;
    const ScriptDue *first = g ? game_pending_at(g, 0) : NULL;
    if (!first)
        return false;
    grp->event = first->event;
    const CoreState *s = game_state(g);
    for (int i = 0; i < game_pending_count(g) && grp->count < CORE_MAX_PROVINCES; i++) {
        const ScriptDue *d = game_pending_at(g, i);
        if (d->event != first->event)
            continue;
        grp->dues[grp->count] = *d;
        grp->features[grp->count] =
            d->province >= 0 && d->province < s->province_count ? map_find(c->m->map, s->info[d->province].id) : -1;
        grp->provincial |= d->province >= 0;
        grp->count++;
    }
    return true;
}

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

/* "Henan, Anhui and 3 more", within `cap`. */
static void province_list(const UiCtx *c, const UiCardGroup *grp, char *buf, size_t cap)
{
    const CoreState *s = game_state(c->m->game);
    size_t used = 0;
    buf[0] = '\0';
    for (int i = 0; i < grp->count && used < cap; i++) {
        int p = grp->dues[i].province;
        if (p < 0)
            continue;
        used += (size_t)snprintf(buf + used, cap - used, "%s%s", used ? ui_t(c, "ui.list_comma") : "",
                                 ui_tf(c, "province.%s", s->info[p].id));
    }
}

/* An event's text with {province} filled: the card's provinces, or the
 * province a national event is about. */
static const char *card_text(UiCtx *c, const char *key, const char *where, char *buf, size_t cap)
{
    script_text_fill(ui_t(c, key), NULL, 0, where[0] ? where : NULL, NULL, NULL, buf, cap);
    return buf;
}

/* Which side of the screen the card takes: away from its provinces. */
static bool card_on_left(const UiCtx *c, const UiCardGroup *grp)
{
    const Map *map = c->m->map;
    double sum = 0;
    int n = 0;
    for (int i = 0; i < grp->count; i++)
        if (grp->features[i] >= 0) {
            sum += map->features[grp->features[i]].label.x;
            n++;
        }
    return n == 0 || sum / n > (map->bbox_min.x + map->bbox_max.x) / 2;
}

RenderRect ui_card_rect(const UiCtx *c, const UiCardGroup *grp, RenderRect area, float want_h)
{
    if (c->m->kiosk) { /* on the left, beside the map it is decided on */
        float h = fminf(area.h - 24, want_h);
        return (RenderRect){area.x + 14, area.y + 12, ui_kiosk_panel_w(c), h};
    }
    if (!grp->provincial) {
        float w = fminf(760, c->w - 60), h = fminf(c->h - 40, want_h);
        return (RenderRect){(c->w - w) / 2, (c->h - h) / 2, w, h};
    }
    float w = fminf(600, fmaxf(420, area.w * 0.44f)), h = fminf(area.h - 24, want_h);
    w = fminf(w, area.w - 40);
    float x = card_on_left(c, grp) ? area.x + 16 : area.x + area.w - w - 16;
    return (RenderRect){x, area.y + (area.h - h) / 2, w, h};
}

/* The option buttons for every province of the card; returns the y below. */
static float options_for_all(UiCtx *c, const ScriptEventInfo *e, const UiCardGroup *grp, float x, float y, float w,
                             int *hot)
{
    for (int o = 0; o < e->option_count; o++) {
        RenderRect b = {x, y, w, 42};
        if (o < 8)
            c->st->card_options[c->st->card_option_count++] = b;
        if (ui_hover(c, b))
            *hot = o;
        if (ui_button(c, b, ui_t(c, e->options[o].text_key), UI_BUTTON_PLAIN) ||
            (!c->st->card_split && ui_key(c, SDLK_1 + o)))
            ui_action(c, UI_ACT_CHOOSE, grp->event, o, "");
        if (o == e->historical_option && c->m->historical && !c->m->kiosk) /* a visitor learns it after */
            render_text(c->r, ui_t(c, "ui.history_chose"), b.x + b.w - 8, b.y + 2, UI_SMALL - 2, RENDER_FONT_REGULAR,
                        UI_ACCENT, RENDER_RIGHT);
        /* What the answer does to the standing with Mao (the centre's
         * decisions only, not the cadres' in the provinces). */
        double change = c->m->standing >= 0 && !grp->provincial
                            ? game_option_standing(c->m->game, e->id, e->options[o].id, game_state(c->m->game)->month)
                            : 0;
        if (change != 0) {
            char mark[96];
            snprintf(mark, sizeof mark, "%s %+.0f", ui_t(c, "ui.standing_short"), change);
            render_text(c->r, mark, b.x + b.w - 8, b.y + b.h - 17, UI_SMALL - 2, RENDER_FONT_BOLD,
                        change < 0 ? UI_ACCENT : UI_SLATE, RENDER_RIGHT);
        }
        y += 48;
        /* Touch has no hover: a kiosk card shows what each option does. */
        if (c->m->kiosk) {
            char lines[3][200];
            int n = preview_lines(c, &grp->dues[0], o, lines, 3);
            for (int i = 0; i < n; i++, y += 18)
                render_text(c->r, lines[i], x + 12, y - 2, UI_SMALL - 1, RENDER_FONT_REGULAR, UI_MUTED, RENDER_LEFT);
            y += n ? 6 : 0;
        }
    }
    return y;
}

/* One row per province, each with its own option buttons. */
static float options_by_province(UiCtx *c, const ScriptEventInfo *e, const UiCardGroup *grp, float x, float y,
                                 float w)
{
    const CoreState *s = game_state(c->m->game);
    float name_w = fminf(150, w * 0.3f), bw = (w - name_w - 6 * (float)e->option_count) / (float)e->option_count;
    for (int i = 0; i < grp->count; i++) {
        int p = grp->dues[i].province;
        if (p < 0)
            continue;
        render_text(c->r, ui_tf(c, "province.%s", s->info[p].id), x, y + 9, UI_SMALL, RENDER_FONT_BOLD, UI_INK,
                    RENDER_LEFT);
        for (int o = 0; o < e->option_count; o++) {
            RenderRect b = {x + name_w + (bw + 6) * (float)o, y, bw, 34};
            if (ui_button(c, b, ui_t(c, e->options[o].text_key), UI_BUTTON_PLAIN))
                ui_action(c, UI_ACT_CHOOSE, grp->event, o, s->info[p].id);
        }
        y += 40;
    }
    return y;
}

void ui_event_card(UiCtx *c, RenderRect area)
{
    Game *g = c->m->game;
    UiCardGroup grp;
    if (!ui_card_group(c, &grp))
        return;
    const ScriptEventInfo *e = script_event_at(game_host(g), grp.event);
    if (!e)
        return;
    const CoreState *s = game_state(g);
    int provinces = 0;
    for (int i = 0; i < grp.count; i++)
        provinces += grp.dues[i].province >= 0;
    bool split = c->st->card_split && provinces > 1;
    if (!grp.provincial && !c->m->kiosk) /* a visitor sees the map the decision is taken on */
        ui_shade(c);
    /* Measure first: the card grows with its text. */
    RenderRect probe = ui_card_rect(c, &grp, area, 10000);
    float w = probe.w;
    char where[1024], title_text[600], body_text[2400];
    province_list(c, &grp, where, sizeof where);
    if (!where[0] && e->province[0])
        snprintf(where, sizeof where, "%s", ui_tf(c, "province.%s", e->province));
    card_text(c, e->title_key, where, title_text, sizeof title_text);
    card_text(c, e->text_key, where, body_text, sizeof body_text);
    float text_h = render_text_wrapped(c->r, body_text, 0, 0, w - 48, UI_TEXT + 1, RENDER_FONT_REGULAR, UI_INK, false);
    char picture[1200] = "";
    _Static_assert(SCRIPT_MAX_PICTURE_SIDE == RENDER_MAX_IMAGE_SIDE && SCRIPT_MAX_PICTURE_BYTES == RENDER_MAX_IMAGE_BYTES,
                   "--check-mods and the card must accept the same pictures");
    if (!script_event_picture_path(game_host(g), e, picture, sizeof picture))
        picture[0] = '\0';
    float pic_h = picture[0] ? 200 : 0;
    float opt_h = (float)e->option_count * (c->m->kiosk ? 100 : 50); /* kiosk: effects under each option */
    if (provinces > 1)
        opt_h += 66;
    char list[1024];
    province_list(c, &grp, list, sizeof list);
    float list_h = provinces > 0 ? render_text_wrapped(c->r, list, 0, 0, w - 48, UI_SMALL, RENDER_FONT_BOLD, UI_INK,
                                                       false) + 4
                                 : 0;
    /* Province by province, the text gives way to the provinces' rows. */
    float want = split ? 142 + list_h + 60 + 40.0f * (float)provinces + 40
                       : 142 + pic_h + text_h + list_h + opt_h + (c->m->kiosk ? 40 : 150);
    RenderRect card = ui_card_rect(c, &grp, area, want);
    float h = card.h;
    render_fill_rect(c->r, (RenderRect){card.x + 5, card.y + 7, w, h}, (RenderColor){0, 0, 0, 70});
    render_fill_rect(c->r, card, UI_PANEL);
    render_fill_rect(c->r, (RenderRect){card.x, card.y, w, 6}, UI_ACCENT);
    RenderRect parent = c->parent;
    c->parent = card;
    float x = card.x + 24, y = card.y + 20;
    char date[64];
    ui_format_month(c, date, sizeof date, core_state_year(s), core_state_month_of_year(s));
    render_text(c->r, date, x, y, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED, RENDER_LEFT);
    y += 22;
    y += render_text_wrapped(c->r, title_text, x, y, w - 48, UI_TITLE, RENDER_FONT_BOLD, UI_INK, true);
    y += 4;
    /* Below the title, the card's body scrolls when the card cannot grow
     * enough (a small window, a large interface). */
    RenderRect body = {card.x, y, w, card.y + h - 6 - y};
    if (!split)
        y = ui_scroll_begin(c, body, &c->st->card_scroll, false);
    if (provinces > 0) /* where: the provinces, also outlined on the map */
        y += render_text_wrapped(c->r, list, x, y, w - 48, UI_SMALL, RENDER_FONT_BOLD, UI_ACCENT, true) + 4;
    y += 2;
    int hot = -1;
    if (!split) {
        if (picture[0] && render_image(c->r, picture, (RenderRect){x, y, w - 48, pic_h - 10}))
            y += pic_h;
        y += render_text_wrapped(c->r, body_text, x, y, w - 48, UI_TEXT + 1, RENDER_FONT_REGULAR, UI_INK, true);
        y += 6;
        const char *ids[SCRIPT_MAX_SOURCES_PER_ITEM];
        for (int k = 0; k < e->source_count; k++)
            ids[k] = e->sources[k];
        char title[160];
        snprintf(title, sizeof title, "%.*s", (int)sizeof title - 1, title_text);
        if (ui_source_tag(c, x, y, ids, e->source_count, title) > 0)
            y += 22;
        y += 8;
        if (provinces > 1) {
            render_text(c->r, ui_t(c, "ui.card_for_all"), x, y, UI_SMALL, RENDER_FONT_BOLD, UI_MUTED, RENDER_LEFT);
            y += 22;
        }
        y = options_for_all(c, e, &grp, x, y, w - 48, &hot);
    }
    if (provinces > 1) {
        RenderRect t = {x, y, w - 48, 34};
        if (ui_button(c, t, ui_t(c, split ? "ui.card_together" : "ui.card_by_province"),
                      split ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN)) {
            c->st->card_split = !split;
            c->st->card_scroll = 0;
        }
        y += 42;
        if (split) { /* the rows scroll inside the card when they are many */
            RenderRect rows = {x, y, w - 48, card.y + h - 12 - y};
            float top = ui_scroll_begin(c, rows, &c->st->card_scroll, false);
            float end = options_by_province(c, e, &grp, x, top, w - 48);
            ui_scroll_end(c, rows, &c->st->card_scroll, end);
            y = card.y + h;
        }
    }
    if (!split && c->m->kiosk)
        ui_scroll_end(c, body, &c->st->card_scroll, y);
    if (c->m->kiosk) {
        c->parent = parent;
        if (c->m->card_seconds_left >= 0) {
            char left[96];
            snprintf(left, sizeof left, "%s %d %s", ui_t(c, "ui.kiosk_countdown"), c->m->card_seconds_left,
                     ui_t(c, "ui.kiosk_seconds"));
            render_text(c->r, left, card.x + w - 24, card.y + 20, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED,
                        RENDER_RIGHT);
        }
        return;
    }
    /* Escape still reaches the menu (save, settings, quit) over a card. */
    if (ui_key(c, SDLK_ESCAPE))
        c->st->overlay = UI_OVERLAY_MENU;
    /* What the hovered option would do (in the first province listed). */
    c->st->hot_option = hot;
    if (hot >= 0) {
        char lines[10][200];
        int n = preview_lines(c, &grp.dues[0], hot, lines, 10);
        render_text(c->r, ui_t(c, provinces > 1 ? "ui.if_chosen_each" : "ui.if_chosen"), x, y + 4, UI_SMALL,
                    RENDER_FONT_BOLD, UI_MUTED, RENDER_LEFT);
        y += 24;
        if (n == 0)
            render_text(c->r, ui_t(c, "ui.no_effects"), x + 10, y, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED,
                        RENDER_LEFT);
        for (int i = 0; i < n; i++, y += 19)
            render_text(c->r, lines[i], x + 10, y, UI_SMALL, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
    } else {
        render_text(c->r, ui_t(c, "ui.hover_for_effects"), x, y + 4, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED,
                    RENDER_LEFT);
        y += 24;
    }
    if (!split)
        ui_scroll_end(c, body, &c->st->card_scroll, y + 8);
    c->parent = parent;
}
