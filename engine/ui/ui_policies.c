/* ui_policies.c — the policy board: every policy the mods declare, grouped
 * by category, with its description, its declared effects and whether it is
 * in force; enact or repeal with one click. */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void ui_policy_board(UiCtx *c)
{
    ui_shade(c);
    bool closed = false;
    RenderRect in = ui_window(c, 980, 680, ui_t(c, "ui.policies"), &closed);
    if (closed || !c->m->game) {
        c->st->overlay = UI_OVERLAY_NONE;
        return;
    }
    ScriptHost *h = game_host(c->m->game);
    const CoreState *s = game_state(c->m->game);
    float *scroll = &c->st->scroll[UI_OVERLAY_POLICIES];
    float y = ui_scroll_begin(c, in, scroll, true), colw = in.w - 170;
    static const char *const order[] = {"agriculture", "society", "industry", "procurement", "trade", "politics",
                                        "reform", "other"};
    for (size_t cat = 0; cat < sizeof order / sizeof order[0]; cat++) {
        bool header = false;
        for (int i = 0; i < script_policy_count(h); i++) {
            const ScriptPolicyInfo *p = script_policy_at(h, i);
            bool known = false;
            for (size_t k = 0; k < sizeof order / sizeof order[0]; k++)
                known |= strcmp(p->category, order[k]) == 0;
            if (strcmp(p->category, order[cat]) != 0 && !(cat == 7 && !known))
                continue;
            if (!header) {
                render_text(c->r, ui_tf(c, "category.%s", order[cat]), in.x, y + 4, UI_HEAD, RENDER_FONT_BOLD,
                            UI_ACCENT, RENDER_LEFT);
                y += 34;
                header = true;
            }
            int idx = core_policy_find(s, p->id);
            bool active = idx >= 0 && s->policies[idx].active;
            float top = y;
            render_text(c->r, ui_t(c, p->name_key), in.x, y, UI_TEXT + 1, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
            if (active) {
                char since[96], date[48];
                int m = s->policies[idx].enacted_month;
                ui_format_month(c, date, sizeof date, s->start_year + (s->start_month - 1 + m) / 12,
                                (s->start_month - 1 + m) % 12 + 1);
                snprintf(since, sizeof since, "%s %s", ui_t(c, "ui.in_force_since"), date);
                render_text(c->r, since, in.x + colw, y, UI_SMALL, RENDER_FONT_REGULAR, UI_ACCENT, RENDER_RIGHT);
            }
            y += 24;
            y += render_text_wrapped(c->r, ui_t(c, p->desc_key), in.x, y, colw, UI_SMALL + 1, RENDER_FONT_REGULAR,
                                     UI_INK, true);
            for (int k = 0; k < p->modifier_count; k++) {
                char line[220];
                CoreModifierDesc d = p->modifiers[k];
                if (p->province_of[k][0])
                    d.province = core_province_find(s, p->province_of[k]);
                ui_describe_modifier(c, &d, s, line, sizeof line);
                render_text(c->r, line, in.x + 14, y + 2, UI_SMALL, RENDER_FONT_REGULAR, UI_SLATE, RENDER_LEFT);
                y += 19;
            }
            const char *ids[SCRIPT_MAX_SOURCES_PER_ITEM];
            for (int k = 0; k < p->source_count; k++)
                ids[k] = p->sources[k];
            if (ui_source_tag(c, in.x + 14, y + 4, ids, p->source_count, ui_t(c, p->name_key)) > 0)
                y += 22;
            RenderRect b = {in.x + in.w - 140, top, 136, 36};
            if (b.y + b.h > in.y && b.y < in.y + in.h && !p->disabled &&
                ui_button(c, b, ui_t(c, active ? "ui.repeal" : "ui.enact"), active ? UI_BUTTON_PLAIN : UI_BUTTON_PRIMARY))
                ui_action(c, UI_ACT_POLICY, !active, 0, p->id);
            y += 16;
            render_line(c->r, in.x, y - 8, in.x + in.w, y - 8, 1, UI_LINE);
        }
    }
    ui_scroll_end(c, in, scroll, y);
}
