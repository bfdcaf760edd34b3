/* ui.c — one frame of the interface: which layer takes input, the screen,
 * the event card, the overlay and the keys that work everywhere. */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void ui_state_init(UiState *ui)
{
    memset(ui, 0, sizeof *ui);
    ui->screen = UI_SCREEN_TITLE;
    ui->mode = UI_MODE_DEATH_RATE;
    ui->show_values = true;
    ui->hovered = ui->selected = -1;
    ui->ledger_province = -1;
    ui->hot_option = -1;
    ui->card_event = ui->card_month = -1;
    ui->panel_shown_for = -1;
    ui->message_month = -1;
}

static UiNotice *new_notice(UiState *ui, UiNoticeKind kind)
{
    if (ui->message_count == UI_MAX_MESSAGES) {
        memmove(&ui->messages[0], &ui->messages[1], sizeof ui->messages[0] * (UI_MAX_MESSAGES - 1));
        ui->message_count--;
    }
    UiNotice *n = &ui->messages[ui->message_count++];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    n->shown_ms = -1;
    return n;
}

void ui_notify(UiState *ui, const char *text)
{
    snprintf(new_notice(ui, UI_NOTICE_TEXT)->text, sizeof ui->messages[0].text, "%s", text);
}

void ui_notify_script(UiState *ui, const ScriptNotice *sn)
{
    UiNotice *n = new_notice(ui, UI_NOTICE_KEY);
    snprintf(n->key, sizeof n->key, "%s", sn->key);
    n->how = 1;
    size_t used = 0;
    for (int i = 0; i < sn->arg_count && used < sizeof n->text; i++) {
        const ScriptTextArg *a = &sn->args[i];
        int w = a->is_number ? snprintf(n->text + used, sizeof n->text - used, "%s%s=%.15g", used ? "\x1f" : "",
                                        a->name, a->number)
                             : snprintf(n->text + used, sizeof n->text - used, "%s%s=%s", used ? "\x1f" : "", a->name,
                                        a->text);
        used = w < 0 || (size_t)w >= sizeof n->text - used ? sizeof n->text : used + (size_t)w;
    }
    if (sn->province >= 0) { /* pinged on the map, and its name fills {province} */
        n->provinces[0] = sn->province;
        n->province_count = 1;
    }
}

void ui_notify_key(UiState *ui, const char *key, const char *then)
{
    UiNotice *n = new_notice(ui, UI_NOTICE_KEY);
    snprintf(n->key, sizeof n->key, "%s", key);
    snprintf(n->text, sizeof n->text, "%s", then ? then : "");
}

void ui_notify_decision(UiState *ui, const char *event, const char *option, UiDecider how, const int *provinces,
                        int province_count)
{
    UiNotice *n = new_notice(ui, UI_NOTICE_DECISION);
    snprintf(n->key, sizeof n->key, "%s", event);
    snprintf(n->option, sizeof n->option, "%s", option);
    n->how = (int)how;
    for (int i = 0; i < province_count && i < CORE_MAX_PROVINCES; i++)
        n->provinces[n->province_count++] = provinces[i];
}

void ui_notify_policy(UiState *ui, const char *policy, bool enact, bool next_month)
{
    UiNotice *n = new_notice(ui, UI_NOTICE_POLICY);
    snprintf(n->key, sizeof n->key, "%s", policy);
    n->how = (enact ? 1 : 0) + (next_month ? 2 : 0);
}

void ui_notify_policy_cancelled(UiState *ui, const char *policy)
{
    UiNotice *n = new_notice(ui, UI_NOTICE_POLICY);
    snprintf(n->key, sizeof n->key, "%s", policy);
    n->how = 4;
}

void ui_notice_text(const UiNotice *n, ScriptHost *texts, ScriptLang lang, const CoreState *s, char *buf, size_t cap)
{
    char key[160], a[200];
    switch (n->kind) {
    case UI_NOTICE_TEXT: snprintf(buf, cap, "%s", n->text); return;
    case UI_NOTICE_KEY:
        if (n->how == 1) { /* a script's notice: its values in text, "name=value" separated by \x1f */
            ScriptTextArg args[SCRIPT_MAX_NOTICE_ARGS];
            int count = 0;
            char copy[sizeof n->text];
            snprintf(copy, sizeof copy, "%s", n->text);
            for (char *tok = copy, *next; tok && *tok && count < SCRIPT_MAX_NOTICE_ARGS; tok = next) {
                next = strchr(tok, '\x1f');
                if (next)
                    *next++ = '\0';
                char *eq = strchr(tok, '=');
                if (!eq)
                    continue;
                memset(&args[count], 0, sizeof args[count]);
                snprintf(args[count].name, sizeof args[count].name, "%.*s", (int)(eq - tok), tok);
                snprintf(args[count].text, sizeof args[count].text, "%s", eq + 1);
                count++;
            }
            const char *where = NULL;
            if (s && n->province_count > 0 && n->provinces[0] >= 0 && n->provinces[0] < s->province_count) {
                snprintf(key, sizeof key, "province.%s", s->info[n->provinces[0]].id);
                where = script_text(texts, lang, key);
            }
            script_text_fill(script_text(texts, lang, n->key), args, count, where, NULL, NULL, buf, cap);
            return;
        }
        snprintf(buf, cap, "%s%s", script_text(texts, lang, n->key), n->text);
        return;
    case UI_NOTICE_POLICY: {
        static const char *const verbs[] = {"ui.repealed", "ui.enacted", "ui.repeal_next_month",
                                            "ui.enact_next_month"};
        snprintf(key, sizeof key, "policy.%s.name", n->key);
        snprintf(a, sizeof a, "%s", script_text(texts, lang, key));
        snprintf(buf, cap, "%s%s%s", script_text(texts, lang, n->how & 4 ? "ui.change_cancelled" : verbs[n->how & 3]),
                 script_text(texts, lang, "ui.word_space"), a);
        return;
    }
    case UI_NOTICE_DECISION: {
        snprintf(key, sizeof key, "event.%s.title", n->key);
        size_t used = (size_t)snprintf(buf, cap, "%s", script_text(texts, lang, key));
        /* The provinces, after a dash: "Locusts — Hunan, Hubei" */
        for (int i = 0; i < n->province_count && used < cap; i++) {
            int p = n->provinces[i];
            if (!s || p < 0 || p >= s->province_count)
                continue;
            snprintf(key, sizeof key, "province.%s", s->info[p].id);
            used += (size_t)snprintf(buf + used, cap - used, "%s%s", i == 0 ? " \xE2\x80\x94 " :
                                     script_text(texts, lang, "ui.list_comma"), script_text(texts, lang, key));
        }
        snprintf(key, sizeof key, "event.%s.option.%s", n->key, n->option);
        snprintf(a, sizeof a, "%s", script_text(texts, lang, key));
        static const char *const by[] = {"", "ui.decided_by_history", "ui.decided_as_before"};
        if (used < cap)
            snprintf(buf + used, cap - used, "%s%s%s", script_text(texts, lang, "ui.colon"), a,
                     n->how > 0 && n->how < 3 ? script_text(texts, lang, by[n->how]) : "");
        return;
    }
    }
    buf[0] = '\0';
}

bool ui_animating(const UiState *ui, double now_ms)
{
    if (ui->screen != UI_SCREEN_GAME)
        return false;
    /* A kiosk's map turning to what really happened, or back. */
    if (ui->figures_shown_ms > 0 && ui->figures_shown != (ui->true_figures ? 1.0f : 0.0f))
        return true;
    for (int i = 0; i < ui->message_count; i++) {
        const UiNotice *n = &ui->messages[i];
        if (n->province_count > 0 && (n->shown_ms < 0 || now_ms - n->shown_ms < UI_PING_MS))
            return true;
    }
    return false;
}

void ui_notify_clear(UiState *ui) { ui->message_count = 0; }

static bool card_open(const UiCtx *c)
{
    /* (A kiosk's reveal after a decision holds the next card back.) */
    return c->st->screen == UI_SCREEN_GAME && c->m->game && game_pending_count(c->m->game) > 0 &&
           !c->st->cards_held && !(c->m->kiosk_info && c->m->kiosk_info->reveal >= 0);
}

static int top_layer(const UiCtx *c)
{
    UiOverlay o = c->st->overlay;
    if (c->st->console.open)
        return UI_LAYER_CONSOLE;
    if (o == UI_OVERLAY_CONFIRM_QUIT || o == UI_OVERLAY_CONFIRM_TITLE || o == UI_OVERLAY_PIN ||
        o == UI_OVERLAY_CONFIRM_LOAD)
        return UI_LAYER_CONFIRM;
    if (o != UI_OVERLAY_NONE)
        return UI_LAYER_OVERLAY;
    if (card_open(c))
        return UI_LAYER_CARD;
    return UI_LAYER_BASE;
}

/* A question with Yes (the action yes, a, b) and No (back to `back`). */
static void confirm_box(UiCtx *c, const char *question, UiActionKind yes, int a, int b, UiOverlay back)
{
    ui_shade(c);
    bool closed = false;
    RenderRect in = ui_window(c, 520, 260, ui_t(c, "ui.confirm"), &closed);
    render_text_wrapped(c->r, question, in.x, in.y + 4, in.w, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, true);
    float bw = (in.w - 16) / 2, by = in.y + in.h - 44;
    if (ui_button(c, (RenderRect){in.x, by, bw, 40}, ui_t(c, "ui.yes"), UI_BUTTON_PRIMARY) || ui_key(c, SDLK_RETURN))
        ui_action(c, yes, a, b, NULL);
    if (ui_button(c, (RenderRect){in.x + bw + 16, by, bw, 40}, ui_t(c, "ui.no"), UI_BUTTON_PLAIN) || closed)
        c->st->overlay = back;
}

void ui_confirm(UiCtx *c, const char *question_key, UiActionKind yes)
{
    confirm_box(c, ui_t(c, question_key), yes, 0, 0, UI_OVERLAY_NONE);
}

bool ui_kiosk_allows_overlay(UiOverlay o)
{
    return o == UI_OVERLAY_NONE || o == UI_OVERLAY_LEDGER || o == UI_OVERLAY_SOURCES || o == UI_OVERLAY_PIN;
}

bool ui_kiosk_allows_action(UiActionKind kind)
{
    switch (kind) {
    case UI_ACT_NONE:
    case UI_ACT_NEW_GAME:
    case UI_ACT_RECKONING:
    case UI_ACT_CHOOSE:
    case UI_ACT_SET_LANGUAGE:
    case UI_ACT_KIOSK_BEGIN:
    case UI_ACT_KIOSK_FINISH:
    case UI_ACT_KIOSK_CONTINUE:
    case UI_ACT_PIN: return true;
    default: return false;
    }
}

/* A kiosk never shows an overlay a visitor must not reach, whatever path
 * led there (a sources page closed on the game screen once led back to the
 * pause menu, and from there to the settings and Quit). */
static void kiosk_guard(UiCtx *c)
{
    if (c->m->kiosk && !ui_kiosk_allows_overlay(c->st->overlay))
        c->st->overlay = UI_OVERLAY_NONE;
}

static void overlay(UiCtx *c)
{
    kiosk_guard(c);
    c->parent = (RenderRect){0, 0, c->w, c->h};
    c->layer = c->st->overlay == UI_OVERLAY_CONFIRM_QUIT || c->st->overlay == UI_OVERLAY_CONFIRM_TITLE ||
                       c->st->overlay == UI_OVERLAY_PIN || c->st->overlay == UI_OVERLAY_CONFIRM_LOAD
                   ? UI_LAYER_CONFIRM
                   : UI_LAYER_OVERLAY;
    switch (c->st->overlay) {
    case UI_OVERLAY_NONE: break;
    case UI_OVERLAY_POLICIES: ui_policy_board(c); break;
    case UI_OVERLAY_LEDGER: ui_ledger(c); break;
    case UI_OVERLAY_MENU: ui_menu(c); break;
    case UI_OVERLAY_SETTINGS: ui_settings(c); break;
    case UI_OVERLAY_SAVE: ui_slots(c, true); break;
    case UI_OVERLAY_LOAD: ui_slots(c, false); break;
    case UI_OVERLAY_SOURCES: ui_sources(c); break;
    case UI_OVERLAY_CONFIRM_QUIT: ui_confirm(c, "ui.confirm_quit", UI_ACT_QUIT); break;
    case UI_OVERLAY_CONFIRM_TITLE: ui_confirm(c, "ui.confirm_title", UI_ACT_QUIT_TO_TITLE); break;
    case UI_OVERLAY_PIN: ui_pin_pad(c); break;
    case UI_OVERLAY_HELP: ui_help(c); break;
    case UI_OVERLAY_MODS: ui_mods(c); break;
    case UI_OVERLAY_CONFIRM_LOAD:
        confirm_box(c, c->st->confirm_text, UI_ACT_LOAD, c->st->confirm_slot, 1, UI_OVERLAY_LOAD);
        break;
    case UI_OVERLAY_COUNT: break;
    }
}

void ui_frame(UiState *ui, RenderCtx *r, const UiModel *model, const UiInput *in, UiActions *out)
{
    out->count = 0;
    if (in->mouse_pressed) {
        ui->press_x = in->mouse_x;
        ui->press_y = in->mouse_y;
    }
    UiCtx c = {ui, r, model, in, out, UI_LAYER_BASE, 0, false, render_width(r), render_height(r), {0, 0, 0, 0},
               false, {0, 0, 0, 0}, false};
    c.parent = (RenderRect){0, 0, c.w, c.h};
    ui->card_option_count = 0;
    ui->widget_count = 0;
    ui->primary = (RenderRect){0, 0, 0, 0};
    ui->previous_screen = ui->drawn_screen;
    ui->drawn_screen = ui->screen;
    ui_theme_set(model->kiosk_info && model->kiosk_info->high_contrast);
    kiosk_guard(&c);
    c.top = top_layer(&c);
    /* The game screen's map fills the frame but for the bars drawn over it,
     * and sea is most of it: the frame starts as sea and the map draws only
     * the ground around it (a pass over the window fewer); the bars, opaque
     * to the frame's edges (render_fill_rect), cover the rest. */
    c.sea_ground = ui->screen == UI_SCREEN_GAME && !model->kiosk && model->game;
    render_clear(r, c.sea_ground ? UI_SEA : UI_PAPER);
    switch (ui->screen) {
    case UI_SCREEN_TITLE: ui_title_screen(&c); break;
    case UI_SCREEN_GAME: /* with its card; a kiosk visitor's is its own */
        if (model->kiosk)
            ui_kiosk_visit(&c);
        else
            ui_game_screen(&c);
        break;
    case UI_SCREEN_END: ui_end_screen(&c); break;
    case UI_SCREEN_INTRO: ui_intro_screen(&c); break;
    case UI_SCREEN_RECKONING: ui_reckoning_screen(&c); break;
    case UI_SCREEN_ATTRACT: ui_attract_screen(&c); break;
    case UI_SCREEN_SCENARIOS: ui_scenarios_screen(&c); break;
    case UI_SCREEN_ENDING: ui_kiosk_ending(&c); break;
    }
    overlay(&c);
    /* The modder's console and F5 (reload the scripts): never in a kiosk. */
    if (model->kiosk)
        ui->console.open = false;
    bool backquote = false;
    for (int i = 0; i < in->key_count; i++)
        backquote |= in->keys[i] == SDLK_BACKQUOTE;
    if (!model->kiosk && backquote) {
        ui->console.open = !ui->console.open;
        kiosk_guard(&c);
    c.top = top_layer(&c);
    } else if (ui->console.open) {
        c.layer = UI_LAYER_CONSOLE;
        ui_console(&c);
    }
    /* Keys that work on every screen (not in a kiosk: it stays fullscreen
     * and keeps no screenshots). */
    c.layer = c.top;
    if (!model->kiosk && (ui_key(&c, SDLK_F1) || ui_key(&c, SDLK_QUESTION)) && ui->overlay == UI_OVERLAY_NONE &&
        !ui->console.open)
        ui->overlay = UI_OVERLAY_HELP; /* the controls, from any screen */
    if (!model->kiosk && ui_key(&c, SDLK_F5))
        ui_action(&c, UI_ACT_RELOAD_SCRIPTS, 0, 0, NULL);
    if (!model->kiosk && ui_key(&c, SDLK_F11))
        ui_action(&c, UI_ACT_SET_FULLSCREEN, !model->fullscreen, 0, NULL);
    if (!model->kiosk && ui_key(&c, SDLK_F12))
        ui_action(&c, UI_ACT_SCREENSHOT, 0, 0, NULL);
    if (ui->error[0]) { /* an error banner over everything, dismissed by a click */
        /* As wide as the window allows, as tall as its text (a 200 %
         * interface is 640 logical pixels wide), its foot where it was. */
        float bw = fminf(720, c.w - 32);
        float th = render_text_wrapped(r, ui->error, 0, 0, bw - 28, UI_TEXT, RENDER_FONT_REGULAR, UI_WHITE, false);
        float bh = fminf(fmaxf(90, th + 20), c.h - 16);
        RenderRect b = {(c.w - bw) / 2, fmaxf(8, c.h - 50 - bh), bw, bh};
        render_fill_rect(r, b, UI_ACCENT);
        render_text_wrapped(r, ui->error, b.x + 14, b.y + 10, b.w - 28, UI_TEXT, RENDER_FONT_REGULAR, UI_WHITE, true);
        if (in->mouse_released)
            ui->error[0] = '\0';
    }
}

/* ==== Title ==== */

void ui_title_screen(UiCtx *c)
{
    RenderCtx *r = c->r;
    float cx = c->w / 2;
    /* A short window (a large interface): the title's band on the left, the
     * buttons on the right, so that neither covers the other. */
    bool side = c->h < 520 && c->w >= 560;
    if (side) {
        float lw = c->w * 0.5f, tw = lw - 48;
        render_fill_rect(r, (RenderRect){0, 0, lw, c->h}, UI_SLATE);
        render_text(r, ui_t(c, "ui.title"), 24, 24, 40, RENDER_FONT_BOLD, UI_WHITE, RENDER_LEFT);
        float y = 24 + 56;
        y += render_text_wrapped(r, ui_t(c, "ui.subtitle"), 24, y, tw, UI_TEXT, RENDER_FONT_REGULAR,
                                 (RenderColor){225, 228, 232, 255}, true) + 10;
        render_text_wrapped(r, ui_t(c, "ui.title_blurb"), 24, y, tw, UI_SMALL, RENDER_FONT_REGULAR,
                            (RenderColor){210, 214, 220, 255}, true);
        cx = lw + (c->w - lw) / 2;
    } else {
        render_fill_rect(r, (RenderRect){0, 0, c->w, c->h * 0.42f}, UI_SLATE);
        render_text(r, ui_t(c, "ui.title"), cx, c->h * 0.12f, 60, RENDER_FONT_BOLD, UI_WHITE, RENDER_CENTER);
        render_text(r, ui_t(c, "ui.subtitle"), cx, c->h * 0.12f + 82, UI_HEAD, RENDER_FONT_REGULAR,
                    (RenderColor){225, 228, 232, 255}, RENDER_CENTER);
        float tw = fminf(760, c->w - 80);
        render_text_wrapped(r, ui_t(c, "ui.title_blurb"), cx - tw / 2, c->h * 0.12f + 122, tw, UI_TEXT,
                            RENDER_FONT_REGULAR, (RenderColor){210, 214, 220, 255}, true);
    }
    struct { const char *key; UiActionKind kind; int a; UiOverlay overlay; } items[] = {
        {"ui.new_historical", UI_ACT_NEW_GAME, 1, UI_OVERLAY_NONE},
        {"ui.new_free", UI_ACT_NEW_GAME, 0, UI_OVERLAY_NONE},
        {"ui.load", UI_ACT_NONE, 0, UI_OVERLAY_LOAD},
        {"ui.settings", UI_ACT_NONE, 0, UI_OVERLAY_SETTINGS},
        {"ui.sources", UI_ACT_NONE, 0, UI_OVERLAY_SOURCES},
        {"ui.mods", UI_ACT_NONE, 0, UI_OVERLAY_MODS},
        {"ui.quit", UI_ACT_QUIT, 0, UI_OVERLAY_NONE},
    };
    /* The buttons share what is left above the footer. */
    float y = side ? 72 : c->h * 0.46f, gap = 12, room = c->h - 52 - y;
    float bw = fminf(380, (side ? c->w * 0.5f : c->w) - 40), bh = fminf(46, room / 7 - gap);
    if (bh < 30) { /* a short window: the buttons start higher, over the title's band */
        y = c->h - 52 - 7 * (30 + 6);
        bh = 30;
        gap = 6;
    }
    for (size_t i = 0; i < sizeof items / sizeof items[0]; i++, y += bh + gap) {
        RenderRect b = {cx - bw / 2, y, bw, bh};
        if (ui_button(c, b, ui_t(c, items[i].key), i == 0 ? UI_BUTTON_PRIMARY : UI_BUTTON_PLAIN)) {
            if (items[i].kind == UI_ACT_NEW_GAME) { /* the content note and context come first */
                c->st->intro_historical = items[i].a == 1;
                c->st->screen = ui_scenarios_offered(c) ? UI_SCREEN_SCENARIOS : UI_SCREEN_INTRO;
            } else if (items[i].kind != UI_ACT_NONE) {
                ui_action(c, items[i].kind, items[i].a, 0, NULL);
            } else {
                c->st->overlay = items[i].overlay;
            }
        }
    }
    /* The language button is on every screen that starts a session. */
    ui_language_button(c, (RenderRect){c->w - 150, 16, 134, 40});
    char foot[256];
    snprintf(foot, sizeof foot, "%s \xC2\xB7 %s %s", ui_t(c, "ui.map_credit"), ui_t(c, "ui.version"),
             c->m->version ? c->m->version : "");
    if (side)
        render_text_wrapped(r, foot, c->w * 0.5f + 16, c->h - 44, c->w * 0.5f - 32, UI_SMALL - 2, RENDER_FONT_REGULAR,
                            UI_MUTED, true);
    else
        render_text(r, foot, cx, c->h - 34, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED, RENDER_CENTER);
    if (ui_key(c, SDLK_ESCAPE))
        c->st->overlay = UI_OVERLAY_CONFIRM_QUIT;
}
