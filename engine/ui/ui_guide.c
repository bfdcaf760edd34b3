/* ui_guide.c — a first game that teaches: the guided start (what the
 * centre sees, what really happened, the first decision), shown once and
 * skippable; the hint that the year's first decisions wait until the player
 * has looked at the map; and the list of controls (F1, ?). */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>

/* A box at the top of the map, pointing down at nothing in particular:
 * the map stays in view under it. */
static RenderRect guide_box(RenderRect area, float h)
{
    float w = fminf(560, area.w - 40);
    return (RenderRect){area.x + (area.w - w) / 2, area.y + 14, w, h};
}

void ui_guide(UiCtx *c, RenderRect area)
{
    UiState *st = c->st;
    static const char *const titles[UI_GUIDE_STEPS] = {"ui.guide_1_title", "ui.guide_2_title", "ui.guide_3_title"};
    static const char *const texts[UI_GUIDE_STEPS] = {"ui.guide_1", "ui.guide_2", "ui.guide_3"};
    RenderRect parent;
    if (st->guide_step < 1 || st->guide_step > UI_GUIDE_STEPS) {
        /* No guide: a hint that the year's first decisions wait. */
        const char *hint = ui_t(c, "ui.cards_waiting");
        float w = fminf(560, area.w - 40);
        float h = render_text_wrapped(c->r, hint, 0, 0, w - 28, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, false) + 70;
        RenderRect box = guide_box(area, h);
        render_fill_rect(c->r, box, (RenderColor){252, 251, 248, 242});
        render_fill_rect(c->r, (RenderRect){box.x, box.y, 5, box.h}, UI_ACCENT);
        ui_widget_note(c, box, hint);
        parent = ui_parent_push(c, box);
        render_text_wrapped(c->r, hint, box.x + 16, box.y + 10, w - 28, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, true);
        if (ui_button(c, (RenderRect){box.x + box.w - 176, box.y + box.h - 46, 160, 36}, ui_t(c, "ui.play"),
                      UI_BUTTON_PRIMARY))
            ui_action(c, UI_ACT_RELEASE_CARDS, 0, 0, NULL);
        c->parent = parent;
        return;
    }
    int k = st->guide_step - 1;
    float w = fminf(560, area.w - 40);
    float th = render_text_wrapped(c->r, ui_t(c, texts[k]), 0, 0, w - 32, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, false);
    RenderRect box = guide_box(area, th + 112);
    render_fill_rect(c->r, (RenderRect){box.x + 4, box.y + 5, box.w, box.h}, (RenderColor){0, 0, 0, 50});
    render_fill_rect(c->r, box, UI_PANEL);
    render_fill_rect(c->r, (RenderRect){box.x, box.y, box.w, 5}, UI_ACCENT);
    parent = ui_parent_push(c, box);
    char step[32];
    snprintf(step, sizeof step, "%d / %d", st->guide_step, UI_GUIDE_STEPS);
    render_text(c->r, step, box.x + box.w - 16, box.y + 14, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED, RENDER_RIGHT);
    render_text(c->r, ui_t(c, titles[k]), box.x + 16, box.y + 12, UI_HEAD, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
    render_text_wrapped(c->r, ui_t(c, texts[k]), box.x + 16, box.y + 44, w - 32, UI_TEXT, RENDER_FONT_REGULAR,
                        UI_INK, true);
    float by = box.y + box.h - 48;
    if (ui_button(c, (RenderRect){box.x + 16, by, 150, 36}, ui_t(c, "ui.guide_skip"), UI_BUTTON_PLAIN))
        ui_action(c, UI_ACT_GUIDE_DONE, 0, 0, NULL);
    bool last = st->guide_step == UI_GUIDE_STEPS;
    if (ui_button(c, (RenderRect){box.x + box.w - 176, by, 160, 36}, ui_t(c, last ? "ui.guide_begin" : "ui.guide_next"),
                  UI_BUTTON_PRIMARY) ||
        ui_key(c, SDLK_RETURN)) {
        if (last)
            ui_action(c, UI_ACT_GUIDE_DONE, 1, 0, NULL);
        else
            st->guide_step++;
    }
    c->parent = parent;
}

void ui_help(UiCtx *c)
{
    ui_shade(c);
    bool closed = false;
    RenderRect in = ui_window(c, 700, 600, ui_t(c, "ui.help"), &closed);
    if (closed) {
        c->st->overlay = UI_OVERLAY_NONE;
        return;
    }
    static const char *const keys[][2] = {
        {"Space", "ui.help_pause"},      {"1 \xE2\x80\x93 8", "ui.help_modes"}, {"T", "ui.help_true"},
        {"N", "ui.help_numbers"},        {"P", "ui.help_policies"},             {"L", "ui.help_ledger"},
        {"\xE2\x86\x90 \xE2\x86\x91 \xE2\x86\x92 \xE2\x86\x93", "ui.help_pan"},
        {"+ \xE2\x88\x92", "ui.help_zoom"}, {"Home", "ui.help_fit"},           {"1, 2, 3", "ui.help_card"},
        {"Esc", "ui.help_menu"},         {"F1, ?", "ui.help_help"},             {"F11", "ui.help_fullscreen"},
        {"F12", "ui.help_screenshot"}};
    float *scroll = &c->st->scroll[UI_OVERLAY_HELP];
    float y = ui_scroll_begin(c, in, scroll, true), kw = fminf(150, in.w * 0.3f);
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        render_text(c->r, keys[i][0], in.x, y, UI_TEXT, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
        y += render_text_wrapped(c->r, ui_t(c, keys[i][1]), in.x + kw, y, in.w - kw - 12, UI_TEXT,
                                 RENDER_FONT_REGULAR, UI_INK, true) +
             8;
    }
    y += 6;
    y += render_text_wrapped(c->r, ui_t(c, "ui.help_mouse"), in.x, y, in.w - 12, UI_SMALL, RENDER_FONT_REGULAR,
                             UI_MUTED, true);
    ui_scroll_end(c, in, scroll, y + 10);
}
