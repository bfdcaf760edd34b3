/* ui_policies.c — the policy board: the policies in force, those the centre
 * can enact and those it cannot now afford, each with its group's icon, its
 * description, its declared effects and what it would do to the Party
 * Center's standing with Mao this month; a change waiting for next month is
 * marked and can be taken back. */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef enum Section { ACTIVE, AVAILABLE, LOCKED, SECTIONS } Section;

/* Where a policy belongs this month, and what changing it would do to the
 * standing (`change`). A change queued this month moves it already. */
static Section section_of(const UiCtx *c, const ScriptPolicyInfo *p, double standing, double *change, int *queued)
{
    Game *g = c->m->game;
    const CoreState *s = game_state(g);
    int idx = core_policy_find(s, p->id);
    bool active = idx >= 0 && s->policies[idx].active;
    *queued = game_policy_queued(g, p->id);
    *change = game_policy_standing(g, p->id, !active, s->month);
    if (active)
        return ACTIVE;
    if (*queued) /* waiting for next month: where it can be taken back */
        return AVAILABLE;
    /* What the centre cannot afford: a step that would purge it, with the
     * changes already queued this month. */
    if (p->disabled || (standing >= 0 && *change < 0 && standing + c->m->standing_queued + *change <= 0))
        return LOCKED;
    return AVAILABLE;
}

static float policy_row(UiCtx *c, const ScriptPolicyInfo *p, Section sec, double change, int queued, RenderRect in,
                        float y)
{
    float x = in.x, w = in.w - 10;
    const CoreState *s = game_state(c->m->game);
    int idx = core_policy_find(s, p->id);
    bool active = sec == ACTIVE;
    float colw = w - 170, top = y;
    ui_icon(c, ui_category_icon(p->category), x + 10, y + 11, 18, UI_SLATE);
    render_text(c->r, ui_t(c, p->name_key), x + 26, y, UI_TEXT + 1, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
    char note[160] = "";
    if (queued) { /* waiting for the month's end (the notice's words, without their colon) */
        snprintf(note, sizeof note, "%s", ui_t(c, queued > 0 ? "ui.enact_next_month" : "ui.repeal_next_month"));
        size_t n = strlen(note);
        if (n >= 1 && note[n - 1] == ':')
            note[n - 1] = '\0';
        else if (n >= 3 && strcmp(note + n - 3, "\xEF\xBC\x9A") == 0) /* ： */
            note[n - 3] = '\0';
    }
    else if (active) {
        char date[48];
        int m = s->policies[idx].enacted_month;
        ui_format_month(c, date, sizeof date, s->start_year + (s->start_month - 1 + m) / 12,
                        (s->start_month - 1 + m) % 12 + 1);
        snprintf(note, sizeof note, "%s %s", ui_t(c, "ui.in_force_since"), date);
    }
    if (note[0]) { /* right of the name, or under it when they would meet */
        float nw, tw;
        render_text_size(c->r, note, UI_SMALL, RENDER_FONT_BOLD, &nw, NULL);
        render_text_size(c->r, ui_t(c, p->name_key), UI_TEXT + 1, RENDER_FONT_BOLD, &tw, NULL);
        if (26 + tw + 16 + nw > colw) {
            y += 24;
            render_text(c->r, note, x + 26, y, UI_SMALL, RENDER_FONT_BOLD, UI_ACCENT, RENDER_LEFT);
            y -= 2;
        } else {
            render_text(c->r, note, x + colw, y, UI_SMALL, RENDER_FONT_BOLD, UI_ACCENT, RENDER_RIGHT);
        }
    }
    y += 24;
    y += render_text_wrapped(c->r, ui_t(c, p->desc_key), x, y, colw, UI_SMALL + 1, RENDER_FONT_REGULAR, UI_INK,
                             true);
    /* The effects as the core holds them: named parameters resolved to
     * their values (the declaration may name them). */
    const CorePolicy *cp = idx >= 0 ? &s->policies[idx] : NULL;
    int count = cp ? cp->modifier_count : p->modifier_count;
    for (int k = 0; k < count; k++) {
        char line[220];
        CoreModifierDesc d = cp ? cp->modifiers[k] : p->modifiers[k];
        if (!cp && p->province_of[k][0])
            d.province = core_province_find(s, p->province_of[k]);
        ui_describe_modifier(c, &d, s, line, sizeof line);
        render_text(c->r, line, x + 14, y + 2, UI_SMALL, RENDER_FONT_REGULAR, UI_SLATE, RENDER_LEFT);
        y += 19;
    }
    /* What it costs: the standing with Mao, in this month's climate. */
    if (change != 0 && c->m->standing >= 0) {
        char cost[160];
        snprintf(cost, sizeof cost, "%s %+.0f", ui_t(c, active ? "ui.standing_if_repealed" : "ui.standing_if_enacted"),
                 change);
        render_text(c->r, cost, x + 14, y + 3, UI_SMALL, RENDER_FONT_BOLD, change < 0 ? UI_ACCENT : UI_SLATE,
                    RENDER_LEFT);
        y += 20;
    }
    const char *ids[SCRIPT_MAX_SOURCES_PER_ITEM];
    for (int k = 0; k < p->source_count; k++)
        ids[k] = p->sources[k];
    if (ui_source_tag(c, x + 14, y + 4, ids, p->source_count, ui_t(c, p->name_key)) > 0)
        y += 22;
    RenderRect b = {x + w - 140, top, 136, 36};
    int note_at = c->st->widget_count;
    bool shown = b.y + b.h > in.y && b.y < in.y + in.h; /* a button scrolled away takes no click */
    if (!shown) {
    } else if (queued) { /* take it back */
        if (ui_button(c, b, ui_t(c, "ui.cancel_change"), UI_BUTTON_PLAIN))
            ui_action(c, UI_ACT_POLICY, queued < 0, 0, p->id);
    } else if (sec == LOCKED) {
        ui_button(c, b, ui_t(c, p->disabled ? "ui.policy_disabled" : "ui.policy_locked"), UI_BUTTON_DISABLED);
    } else if (ui_button(c, b, ui_t(c, active ? "ui.repeal" : "ui.enact"), active ? UI_BUTTON_PLAIN : UI_BUTTON_PRIMARY)) {
        ui_action(c, UI_ACT_POLICY, !active, 0, p->id);
    }
    if (c->st->widget_count > note_at) { /* found by what it does and to which policy */
        UiWidget *n = &c->st->widgets[note_at];
        char label[sizeof n->label + 160];
        snprintf(label, sizeof label, "%s %s", n->label, ui_t(c, p->name_key));
        size_t len = strlen(label) < sizeof n->label ? strlen(label) : sizeof n->label - 1; /* cut, if it must be */
        memcpy(n->label, label, len);
        n->label[len] = '\0';
    }
    y += 16;
    render_line(c->r, x, y - 8, x + w, y - 8, 1, UI_LINE);
    return y;
}

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
    float *scroll = &c->st->scroll[UI_OVERLAY_POLICIES];
    float y = ui_scroll_begin(c, in, scroll, true), w = in.w - 10;
    if (c->m->standing >= 0) {
        char line[200];
        snprintf(line, sizeof line, "%s%s%d / 100", ui_t(c, "ui.standing"), ui_t(c, "ui.colon"), c->m->standing);
        ui_icon(c, UI_ICON_STANDING, in.x + 10, y + 11, 18, UI_ACCENT);
        render_text(c->r, line, in.x + 26, y, UI_TEXT + 1, RENDER_FONT_BOLD, UI_ACCENT, RENDER_LEFT);
        y += 26;
        y += render_text_wrapped(c->r, ui_t(c, "ui.standing_note"), in.x, y, w - 10, UI_SMALL, RENDER_FONT_REGULAR,
                                 UI_MUTED, true) +
             10;
    }
    static const char *const titles[SECTIONS] = {"ui.policies_active", "ui.policies_available", "ui.policies_locked"};
    for (int sec = 0; sec < SECTIONS; sec++) {
        bool header = false;
        for (int i = 0; i < script_policy_count(h); i++) {
            const ScriptPolicyInfo *p = script_policy_at(h, i);
            double change;
            int queued;
            if (section_of(c, p, c->m->standing, &change, &queued) != (Section)sec)
                continue;
            if (!header) {
                render_text(c->r, ui_t(c, titles[sec]), in.x, y + 4, UI_HEAD, RENDER_FONT_BOLD, UI_ACCENT,
                            RENDER_LEFT);
                y += 34;
                header = true;
            }
            y = policy_row(c, p, (Section)sec, change, queued, in, y);
        }
    }
    ui_scroll_end(c, in, scroll, y);
}
