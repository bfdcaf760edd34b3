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
    RenderRect in = ui_window(c, 420, 574, ui_t(c, "ui.menu"), &closed);
    if (closed) {
        close_overlay(c);
        return;
    }
    struct { const char *key; UiOverlay to; } items[] = {
        {"ui.resume", UI_OVERLAY_NONE},   {"ui.save", UI_OVERLAY_SAVE},
        {"ui.load", UI_OVERLAY_LOAD},     {"ui.settings", UI_OVERLAY_SETTINGS},
        {"ui.sources", UI_OVERLAY_SOURCES}, {"ui.mods", UI_OVERLAY_MODS}, {"ui.rk_stop", UI_OVERLAY_COUNT},
        {"ui.quit_to_title", UI_OVERLAY_CONFIRM_TITLE}, {"ui.quit", UI_OVERLAY_CONFIRM_QUIT}};
    float y = in.y, step = fminf(52, in.h / 9), bh = step - 8;
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
    /* Slots 62 apart where there is room, closer in a short window (a
     * 200 % interface), and scrolled if even that is too tall. */
    int first = saving ? 1 : 0, count = UI_SAVE_SLOTS + 1 - first;
    float pitch = fmaxf(44, fminf(62, in.h / (float)count)), button_h = pitch * 52 / 62;
    float button_w = count * pitch > in.h ? in.w - 8 : in.w; /* (the scroll bar) */
    float y = ui_scroll_begin(c, in, &c->st->slots_scroll, true);
    for (int slot = first; slot <= UI_SAVE_SLOTS; slot++, y += pitch) {
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
        if (ui_button(c, (RenderRect){in.x, y, button_w, button_h}, label,
                      usable ? UI_BUTTON_PLAIN : UI_BUTTON_DISABLED))
            ui_action(c, saving ? UI_ACT_SAVE : UI_ACT_LOAD, slot, 0, NULL);
    }
    ui_scroll_end(c, in, &c->st->slots_scroll, y);
}
