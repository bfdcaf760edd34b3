/* ui_mods.c — the Mods screen: every mod with its version, author, what it
 * does and its script errors this session; its settings (on/off, a number
 * in steps, a choice), which installed mods load and in what order. The
 * app keeps the choices (settings.ini): settings apply to new games, which
 * mods load and their order from the next start. */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A setting's label: setting.<mod>.<name>, else its name. */
static const char *setting_label(const UiCtx *c, const char *mod, const char *name, char *buf, size_t cap)
{
    snprintf(buf, cap, "setting.%s.%s", mod, name);
    return script_has_text(c->m->texts, c->m->lang, buf) ? ui_t(c, buf) : name;
}

/* One setting: its label, and the buttons that change it. */
static float setting_row(UiCtx *c, const UiModRow *row, int i, float x, float y, float w)
{
    const ScriptManifest *mf = row->manifest;
    const ScriptSettingDecl *d = &mf->settings[i];
    char key[160], text[64], act[160];
    render_text(c->r, setting_label(c, mf->id, d->name, key, sizeof key), x, y + 10, UI_TEXT, RENDER_FONT_REGULAR,
                UI_INK, RENDER_LEFT);
    double v = row->values[i];
    float bx = x + w - 250;
    if (d->type == SCRIPT_SETTING_BOOL) {
        if (ui_button(c, (RenderRect){bx + 90, y, 160, 38}, ui_t(c, v != 0 ? "ui.on" : "ui.off"),
                      v != 0 ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN)) {
            snprintf(act, sizeof act, "%s %s %s", mf->id, d->name, v != 0 ? "false" : "true");
            ui_action(c, UI_ACT_MOD_SETTING, 0, 0, act);
        }
    } else if (d->type == SCRIPT_SETTING_NUMBER) {
        double step = d->step > 0 ? d->step : (d->max - d->min) / 10;
        script_setting_text(d, v, text, sizeof text);
        render_text(c->r, text, bx + 125, y + 10, UI_TEXT, RENDER_FONT_BOLD, UI_INK, RENDER_CENTER);
        for (int k = 0; k < 2; k++) {
            double to = fmin(d->max, fmax(d->min, v + (k ? step : -step)));
            if (ui_button(c, (RenderRect){k ? bx + 200 : bx, y, 50, 38}, k ? "+" : "\xE2\x88\x92",
                          to == v ? UI_BUTTON_DISABLED : UI_BUTTON_PLAIN) && to != v) {
                char value[48];
                script_setting_text(d, to, value, sizeof value);
                snprintf(act, sizeof act, "%s %s %s", mf->id, d->name, value);
                ui_action(c, UI_ACT_MOD_SETTING, 0, 0, act);
            }
        }
    } else if (d->choice_count > 0) {
        int at = (int)v;
        at = at < 0 || at >= d->choice_count ? 0 : at;
        char ck[200];
        snprintf(ck, sizeof ck, "setting.%s.%s.%s", mf->id, d->name, d->choices[at]);
        const char *shown = script_has_text(c->m->texts, c->m->lang, ck) ? ui_t(c, ck) : d->choices[at];
        if (ui_button(c, (RenderRect){bx + 90, y, 160, 38}, shown, UI_BUTTON_PLAIN)) { /* the next choice */
            snprintf(act, sizeof act, "%s %s %s", mf->id, d->name, d->choices[(at + 1) % d->choice_count]);
            ui_action(c, UI_ACT_MOD_SETTING, 0, 0, act);
        }
    }
    return 46;
}

void ui_mods(UiCtx *c)
{
    ui_shade(c);
    bool closed = false;
    RenderRect in = ui_window(c, 860, 640, ui_t(c, "ui.mods"), &closed);
    if (closed || ui_key(c, SDLK_ESCAPE)) {
        c->st->overlay = c->st->screen == UI_SCREEN_TITLE ? UI_OVERLAY_NONE : UI_OVERLAY_MENU;
        return;
    }
    float note_h = render_text_wrapped(c->r, ui_t(c, "ui.mods_note"), 0, 0, in.w, UI_SMALL, RENDER_FONT_REGULAR,
                                       UI_MUTED, false);
    render_text_wrapped(c->r, ui_t(c, "ui.mods_note"), in.x, in.y + in.h - note_h, in.w, UI_SMALL,
                        RENDER_FONT_REGULAR, UI_MUTED, true);
    RenderRect area = {in.x, in.y, in.w, in.h - note_h - 10};
    float *scroll = &c->st->scroll[UI_OVERLAY_MODS];
    float y = ui_scroll_begin(c, area, scroll, true), x = in.x, w = in.w - 12;
    for (int r = 0; r < c->m->mod_count; r++) {
        const UiModRow *row = &c->m->mods[r];
        const ScriptManifest *mf = row->manifest;
        char head[256], line[320], key[CORE_ID_LEN + 24];
        /* the mod's own texts mod.<id>.name and .description, where its locale gives them */
        snprintf(key, sizeof key, "mod.%s.name", mf->id);
        const char *name = script_has_text(c->m->texts, c->m->lang, key) ? ui_t(c, key)
                           : mf->name[0]                                  ? mf->name
                                                                          : mf->id;
        snprintf(head, sizeof head, "%s  %s", name, mf->version);
        render_text(c->r, head, x, y + 4, UI_HEAD, RENDER_FONT_BOLD, row->loaded ? UI_INK : UI_MUTED, RENDER_LEFT);
        const char *state = row->loaded == row->enabled ? (row->loaded ? "ui.mod_loaded" : "ui.mod_left_out")
                                                        : (row->enabled ? "ui.mod_loads_next" : "ui.mod_out_next");
        if (mf->author[0])
            snprintf(line, sizeof line, "%s%s \xC2\xB7 %s", ui_t(c, "ui.mod_by"), mf->author, ui_t(c, state));
        else
            snprintf(line, sizeof line, "%s", ui_t(c, state));
        render_text(c->r, line, x, y + 34, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED, RENDER_LEFT);
        /* enable, and the order (installed mods only: --mods and the base game always load) */
        if (row->installed) {
            if (ui_button(c, (RenderRect){x + w - 250, y, 140, 38}, ui_t(c, row->enabled ? "ui.mod_on" : "ui.mod_off"),
                          row->enabled ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN))
                ui_action(c, UI_ACT_MOD_ENABLE, row->enabled ? 0 : 1, 0, mf->id);
            if (ui_button(c, (RenderRect){x + w - 100, y, 46, 38}, "\xE2\x86\x91", UI_BUTTON_PLAIN))
                ui_action(c, UI_ACT_MOD_MOVE, -1, 0, mf->id);
            if (ui_button(c, (RenderRect){x + w - 46, y, 46, 38}, "\xE2\x86\x93", UI_BUTTON_PLAIN))
                ui_action(c, UI_ACT_MOD_MOVE, 1, 0, mf->id);
        }
        y += 58;
        snprintf(key, sizeof key, "mod.%s.description", mf->id);
        const char *about = script_has_text(c->m->texts, c->m->lang, key) ? ui_t(c, key) : mf->description;
        if (about[0])
            y += render_text_wrapped(c->r, about, x, y, w, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, true) + 6;
        if (row->errors > 0) {
            snprintf(line, sizeof line, "%d %s", row->errors, ui_t(c, "ui.mod_errors"));
            render_text(c->r, line, x, y, UI_TEXT, RENDER_FONT_BOLD, UI_ACCENT, RENDER_LEFT);
            y += 28;
        }
        for (int i = 0; i < mf->setting_count; i++)
            y += setting_row(c, row, i, x + 16, y, w - 16);
        y += 10;
        render_line(c->r, x, y, x + w, y, 1, UI_LINE);
        y += 14;
    }
    ui_scroll_end(c, area, scroll, y);
}
