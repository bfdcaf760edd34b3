/* ui_scenarios.c — New game's list of scenarios: every scenario the base
 * game and the mods declare, with its name, description and the mod it
 * comes from, in the player's language. Shown when there is more than one;
 * choosing one leads to the intro, which begins it. */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

bool ui_scenarios_offered(const UiCtx *c) { return c->m->texts && !c->m->kiosk && script_scenario_count(c->m->texts) > 1; }

void ui_scenarios_screen(UiCtx *c)
{
    RenderCtx *r = c->r;
    const ScriptHost *h = c->m->texts;
    float w = fminf(860, c->w - 80), x = (c->w - w) / 2, by = c->h - 80;
    render_text(r, ui_t(c, "ui.scenarios_title"), x, 28, UI_TITLE, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
    RenderRect area = {x, 80, w + 16, by - 96};
    float *scroll = &c->st->scroll[UI_OVERLAY_NONE];
    float y = ui_scroll_begin(c, area, scroll, true) + 4;
    int n = h ? script_scenario_count(h) : 0;
    for (int i = 0; i < n; i++) {
        const char *id = script_scenario_id(h, i);
        char name_key[CORE_ID_LEN + 16], from[200];
        snprintf(name_key, sizeof name_key, "scenario.%s.name", id);
        const char *mod = script_scenario_mod(h, i);
        int m = mod ? script_mod_find(h, mod) : -1;
        const ScriptManifest *mf = m >= 0 ? script_mod_manifest(h, m) : NULL;
        if (!mod || strcmp(mod, "base") == 0)
            snprintf(from, sizeof from, "%s", ui_t(c, "ui.scenario_base"));
        else {
            char key[CORE_ID_LEN + 16];
            snprintf(key, sizeof key, "mod.%s.name", mod);
            const char *name = script_has_text(h, c->m->lang, key) ? ui_t(c, key) : mf && mf->name[0] ? mf->name : mod;
            snprintf(from, sizeof from, "%s %s %s", ui_t(c, "ui.scenario_from"), name, mf ? mf->version : "");
        }
        bool chosen = c->m->scenario && strcmp(c->m->scenario, id) == 0;
        const char *desc_key = script_scenario_desc_key(h, i);
        const char *desc = desc_key && script_has_text(h, c->m->lang, desc_key) ? ui_t(c, desc_key) : "";
        float text_h = render_text_wrapped(r, desc, x + 16, y + 76, w - 32, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, false);
        RenderRect card = {x, y, w, 80 + text_h};
        if (ui_button(c, (RenderRect){x, y, w, 44}, ui_t(c, name_key), chosen ? UI_BUTTON_SELECTED : UI_BUTTON_PLAIN))
            ui_action(c, UI_ACT_SET_SCENARIO, 0, 0, id);
        render_text(r, from, x + 16, y + 52, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED, RENDER_LEFT);
        render_text_wrapped(r, desc, x + 16, y + 76, w - 32, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, true);
        y += card.h + 14;
    }
    ui_scroll_end(c, area, scroll, y);
    c->st->primary = (RenderRect){x + w - 260, by, 260, 48};
    if (ui_button(c, c->st->primary, ui_t(c, "ui.continue"), UI_BUTTON_PRIMARY) || ui_key(c, SDLK_RETURN))
        c->st->screen = UI_SCREEN_INTRO;
    if (ui_button(c, (RenderRect){x, by, 200, 48}, ui_t(c, "ui.back"), UI_BUTTON_PLAIN) || ui_key(c, SDLK_ESCAPE))
        c->st->screen = UI_SCREEN_TITLE;
    ui_language_button(c, (RenderRect){c->w - 150, 16, 134, 40});
}
