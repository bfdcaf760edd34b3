/* ui_menu.c — the pause menu, settings, save and load slots, and the
 * sources page. */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void close_overlay(UiCtx *c) { c->st->overlay = UI_OVERLAY_NONE; }

void ui_menu(UiCtx *c)
{
    ui_shade(c);
    bool closed = false;
    RenderRect in = ui_window(c, 420, 522, ui_t(c, "ui.menu"), &closed);
    if (closed) {
        close_overlay(c);
        return;
    }
    struct { const char *key; UiOverlay to; } items[] = {
        {"ui.resume", UI_OVERLAY_NONE},   {"ui.save", UI_OVERLAY_SAVE},
        {"ui.load", UI_OVERLAY_LOAD},     {"ui.settings", UI_OVERLAY_SETTINGS},
        {"ui.sources", UI_OVERLAY_SOURCES}, {"ui.rk_stop", UI_OVERLAY_COUNT},
        {"ui.quit_to_title", UI_OVERLAY_CONFIRM_TITLE}, {"ui.quit", UI_OVERLAY_CONFIRM_QUIT}};
    float y = in.y, step = fminf(52, in.h / 8), bh = step - 8;
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++, y += step) {
        if (!ui_button(c, (RenderRect){in.x, y, in.w, bh}, ui_t(c, items[i].key),
                       i == 0 ? UI_BUTTON_PRIMARY : UI_BUTTON_PLAIN))
            continue;
        if (items[i].to == UI_OVERLAY_COUNT) { /* stop here: the reckoning */
            close_overlay(c);
            ui_action(c, UI_ACT_RECKONING, 0, 0, NULL);
        } else {
            c->st->overlay = items[i].to;
        }
    }
}

void ui_settings(UiCtx *c)
{
    ui_shade(c);
    bool closed = false;
    RenderRect in = ui_window(c, 640, 560, ui_t(c, "ui.settings"), &closed);
    if (closed) {
        c->st->overlay = c->st->screen == UI_SCREEN_TITLE ? UI_OVERLAY_NONE : UI_OVERLAY_MENU;
        return;
    }
    /* On a small screen the settings scroll. */
    float *scroll = &c->st->scroll[UI_OVERLAY_SETTINGS];
    float y = ui_scroll_begin(c, in, scroll, true), lx = in.x, bx = in.x + fminf(190, in.w * 0.3f);
    in.w -= 8; /* room for the scroll bar */
    render_text(c->r, ui_t(c, "ui.language"), lx, y + 10, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
    if (ui_button(c, (RenderRect){bx, y, 150, 40}, "English", c->m->lang == SCRIPT_LANG_EN ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN))
        ui_action(c, UI_ACT_SET_LANGUAGE, SCRIPT_LANG_EN, 0, NULL);
    if (ui_button(c, (RenderRect){bx + 160, y, 150, 40}, "\xE4\xB8\xAD\xE6\x96\x87",
                  c->m->lang == SCRIPT_LANG_ZH ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN))
        ui_action(c, UI_ACT_SET_LANGUAGE, SCRIPT_LANG_ZH, 0, NULL);
    y += 60;
    render_text(c->r, ui_t(c, "ui.fullscreen"), lx, y + 10, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
    if (ui_button(c, (RenderRect){bx, y, 150, 40}, ui_t(c, "ui.on"), c->m->fullscreen ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN))
        ui_action(c, UI_ACT_SET_FULLSCREEN, 1, 0, NULL);
    if (ui_button(c, (RenderRect){bx + 160, y, 150, 40}, ui_t(c, "ui.off"), !c->m->fullscreen ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN))
        ui_action(c, UI_ACT_SET_FULLSCREEN, 0, 0, NULL);
    y += 60;
    render_text(c->r, ui_t(c, "ui.speed"), lx, y + 10, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
    for (int sp = 1; sp <= 3; sp++) {
        char label[8];
        snprintf(label, sizeof label, "%d\xC3\x97", sp);
        if (ui_button(c, (RenderRect){bx + (float)(sp - 1) * 104, y, 96, 40}, label,
                      c->m->speed == sp ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN))
            ui_action(c, UI_ACT_SET_SPEED, sp, 0, NULL);
    }
    y += 60;
    render_text(c->r, ui_t(c, "ui.ui_scale"), lx, y + 10, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
    static const int scales[] = {75, 100, 125, 150, 200};
    float sw = fminf(72, (in.x + in.w - bx) / 5 - 6);
    for (int i = 0; i < 5; i++) {
        char label[8];
        snprintf(label, sizeof label, "%d%%", scales[i]);
        if (ui_button(c, (RenderRect){bx + (float)i * (sw + 6), y, sw, 40}, label,
                      c->m->ui_scale_percent == scales[i] ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN))
            ui_action(c, UI_ACT_SET_UI_SCALE, scales[i], 0, NULL);
    }
    y += 60;
    /* Who decides the events about a province. */
    render_text_wrapped(c->r, ui_t(c, "ui.provincial_events"), lx, y + 2, bx - lx - 10, UI_TEXT,
                        RENDER_FONT_REGULAR, UI_INK, true);
    static const char *const who[] = {"ui.provincial_by_mode", "ui.provincial_ask", "ui.provincial_history"};
    float pw = (in.x + in.w - bx) / 3 - 6;
    for (int i = 0; i < GAME_PROVINCIAL_COUNT; i++)
        if (ui_button(c, (RenderRect){bx + (float)i * (pw + 6), y, pw, 40}, ui_t(c, who[i]),
                      (int)c->m->provincial == i ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN))
            ui_action(c, UI_ACT_SET_PROVINCIAL, i, 0, NULL);
    y += 48;
    y += render_text_wrapped(c->r, ui_t(c, "ui.provincial_note"), bx, y, in.x + in.w - bx, UI_SMALL - 1,
                             RENDER_FONT_REGULAR, UI_MUTED, true) + 12;
    /* The interface's sounds. */
    if (c->m->sound) {
        render_text(c->r, ui_t(c, "ui.volume"), lx, y + 10, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, RENDER_LEFT);
        static const int volumes[] = {0, 25, 50, 75, 100};
        for (int i = 0; i < 5; i++) {
            char label[16];
            snprintf(label, sizeof label, "%s", volumes[i] == 0 ? ui_t(c, "ui.volume_off") : "");
            if (volumes[i])
                snprintf(label, sizeof label, "%d%%", volumes[i]);
            bool on = c->m->volume == volumes[i] || (i > 0 && c->m->volume > volumes[i - 1] && c->m->volume < volumes[i]);
            if (ui_button(c, (RenderRect){bx + (float)i * (sw + 6), y, sw, 40}, label,
                          on ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN))
                ui_action(c, UI_ACT_SET_VOLUME, volumes[i], 0, NULL);
        }
        y += 48;
    }
    ui_scroll_end(c, (RenderRect){in.x, in.y, in.w + 8, in.h}, scroll, y);
}

void ui_slots(UiCtx *c, bool saving)
{
    ui_shade(c);
    bool closed = false;
    RenderRect in = ui_window(c, 640, 520, ui_t(c, saving ? "ui.save" : "ui.load"), &closed);
    if (closed) {
        c->st->overlay = c->st->screen == UI_SCREEN_TITLE ? UI_OVERLAY_NONE : UI_OVERLAY_MENU;
        return;
    }
    float y = in.y;
    for (int slot = saving ? 1 : 0; slot <= UI_SAVE_SLOTS; slot++, y += 62) {
        const UiSlot *sl = &c->m->slots[slot];
        char label[256], date[64], name[64];
        if (slot == 0) /* "Autosave", "Slot 3": no number where there is none */
            snprintf(name, sizeof name, "%s", ui_t(c, "ui.autosave"));
        else
            snprintf(name, sizeof name, "%s %d", ui_t(c, "ui.slot"), slot);
        if (!sl->used)
            snprintf(label, sizeof label, "%s \xE2\x80\x94 %s", name, ui_t(c, "ui.empty"));
        else if (sl->damaged)
            snprintf(label, sizeof label, "%s \xE2\x80\x94 %s", name, ui_t(c, "ui.damaged_save"));
        else {
            ui_format_month(c, date, sizeof date, sl->year, sl->month);
            snprintf(label, sizeof label, "%s \xE2\x80\x94 %s, %s (%s)", name, date,
                     ui_t(c, sl->historical ? "ui.historical_mode" : "ui.free_mode"), sl->saved_at);
        }
        bool usable = saving || (sl->used && !sl->damaged);
        if (ui_button(c, (RenderRect){in.x, y, in.w, 52}, label, usable ? UI_BUTTON_PLAIN : UI_BUTTON_DISABLED))
            ui_action(c, saving ? UI_ACT_SAVE : UI_ACT_LOAD, slot, 0, NULL);
    }
}

const UiSource *ui_source_find(const UiCtx *c, const char *id)
{
    if (!c->m->sources)
        return NULL;
    for (int i = 0; i < c->m->sources->count; i++)
        if (strcmp(c->m->sources->items[i].id, id) == 0)
            return &c->m->sources->items[i];
    return NULL;
}

/* One source: its id and grade, then the citation and the address. */
static float source_entry(UiCtx *c, const UiSource *src, float x, float y, float w)
{
    char head[96];
    if (src->grade[0])
        snprintf(head, sizeof head, "%s  \xC2\xB7  %s %s", src->id, ui_t(c, "ui.source_grade"), src->grade);
    else
        snprintf(head, sizeof head, "%s", src->id);
    render_text(c->r, head, x, y, UI_TEXT, RENDER_FONT_BOLD, UI_ACCENT, RENDER_LEFT);
    y += 22;
    y += render_text_wrapped(c->r, src->citation, x, y, w, UI_SMALL, RENDER_FONT_REGULAR, UI_INK, true);
    if (src->url[0] && !strstr(src->citation, src->url))
        y += render_text_wrapped(c->r, src->url, x, y, w, UI_SMALL - 1, RENDER_FONT_REGULAR, UI_MUTED, true);
    return y + 10;
}

void ui_sources(UiCtx *c)
{
    ui_shade(c);
    bool closed = false;
    UiState *st = c->st;
    RenderRect in = ui_window(c, 980, 680, ui_t(c, "ui.sources"), &closed);
    if (closed) {
        /* Back to where it was opened from: a citation, or the menu (a
         * kiosk has none). */
        st->overlay = st->source_filter_count == 0 && st->screen == UI_SCREEN_GAME && !c->m->kiosk ? UI_OVERLAY_MENU
                                                                                                  : UI_OVERLAY_NONE;
        st->source_filter_count = 0;
        return;
    }
    float *scroll = &st->scroll[UI_OVERLAY_SOURCES];
    float y = ui_scroll_begin(c, in, scroll, true), w = in.w - 14;
    if (st->source_filter_count > 0) {
        /* The sources of one item: a policy, an event, a figure. */
        y += render_text_wrapped(c->r, st->source_filter_title, in.x, y, w, UI_HEAD, RENDER_FONT_BOLD, UI_INK, true) +
             8;
        for (int i = 0; i < st->source_filter_count; i++) {
            const UiSource *src = ui_source_find(c, st->source_filter[i]);
            if (src)
                y = source_entry(c, src, in.x, y, w);
            else /* docs/model.md and the like: a modelling note, not a publication */
                y += render_text_wrapped(c->r, st->source_filter[i], in.x, y, w, UI_SMALL, RENDER_FONT_REGULAR,
                                         UI_MUTED, true) +
                     8;
        }
        RenderRect all = {in.x, y + 4, 220, 36};
        if (ui_button(c, all, ui_t(c, "ui.sources_all"), UI_BUTTON_PLAIN)) {
            st->source_filter_count = 0;
            *scroll = 0;
        }
        y += 52;
    } else {
        static const char *const keys[] = {"ui.sources_intro", "ui.sources_data", "ui.sources_research",
                                           "ui.sources_modelled"};
        for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
            y += render_text_wrapped(c->r, ui_t(c, keys[i]), in.x, y, w, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, true) +
                 12;
        render_text(c->r, ui_t(c, "ui.sources_list"), in.x, y + 6, UI_HEAD, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
        y += 40;
        for (int i = 0; c->m->sources && i < c->m->sources->count; i++) {
            if (y > in.y + in.h + 200) { /* below the window: only measure */
                const UiSource *src = &c->m->sources->items[i];
                y += 32 + render_text_wrapped(c->r, src->citation, in.x, y, w, UI_SMALL, RENDER_FONT_REGULAR, UI_INK,
                                              false);
                continue;
            }
            y = source_entry(c, &c->m->sources->items[i], in.x, y, w);
        }
        /* Credits: the map, the font, the licences. */
        render_text(c->r, ui_t(c, "ui.credits"), in.x, y + 10, UI_HEAD, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
        y += 44;
        static const char *const credits[] = {"ui.sources_map", "ui.sources_font", "ui.sources_licence"};
        for (size_t i = 0; i < sizeof credits / sizeof credits[0]; i++)
            y += render_text_wrapped(c->r, ui_t(c, credits[i]), in.x, y, w, UI_TEXT, RENDER_FONT_REGULAR, UI_INK,
                                     true) +
                 12;
    }
    ui_scroll_end(c, in, scroll, y);
}
