/* ui_sources.c — the works the game cites: resolving a citation, the
 * "Sources" links beside texts and figures, and the Sources window (every
 * work by kind, with its grade and what rests on it, or the works behind
 * one item). */
#include "ui_internal.h"

#include "script.h"

#include <stdio.h>
#include <string.h>

int ui_sources_resolve(const UiSources *s, const char *id, const UiWork **out, int max, const char **locator)
{
    if (locator)
        *locator = "";
    if (!s || !id || max <= 0)
        return 0;
    /* A document of the repository (docs/model.md): a stated modelling
     * choice, shown as the game's model. */
    const char *want = strchr(id, '/') ? "model" : id;
    for (int i = 0; i < s->work_count; i++)
        if (strcmp(s->works[i].id, want) == 0) {
            out[0] = &s->works[i];
            return 1;
        }
    for (int i = 0; i < s->ref_count; i++) {
        const UiSourceRef *r = &s->refs[i];
        if (strcmp(r->id, id) != 0)
            continue;
        int n = 0;
        for (int k = 0; k < r->work_count && n < max; k++)
            out[n++] = &s->works[r->work[k]];
        if (locator)
            *locator = r->locator;
        return n;
    }
    return 0;
}

static bool zh(const UiCtx *c) { return c->m->lang == SCRIPT_LANG_ZH; }

static const char *label(const UiCtx *c, const UiWork *w) { return zh(c) && w->label_zh[0] ? w->label_zh : w->label; }

/* The distinct works behind a list of ids, in order; ids that name no work
 * (a mod's own) are returned in `unknown`. */
#define TAG_WORKS 16
static int gather(const UiCtx *c, const char *const *ids, int count, const UiWork **works, const char **locators,
                  const char **unknown, int *unknown_count)
{
    int n = 0;
    *unknown_count = 0;
    for (int i = 0; i < count; i++) {
        const UiWork *found[UI_REF_WORKS];
        const char *loc = "";
        int k = ui_sources_resolve(c->m->sources, ids[i], found, UI_REF_WORKS, &loc);
        if (k == 0 && *unknown_count < TAG_WORKS)
            unknown[(*unknown_count)++] = ids[i];
        for (int j = 0; j < k; j++) {
            int have = 0;
            while (have < n && works[have] != found[j])
                have++;
            if (have == n && n < TAG_WORKS) {
                works[n] = found[j];
                locators[n++] = j == 0 ? loc : "";
            } else if (have < n && !locators[have][0] && j == 0) {
                locators[have] = loc;
            }
        }
    }
    return n;
}

float ui_source_tag(UiCtx *c, float x, float y, const char *const *ids, int count, const char *title)
{
    if (!c->m->sources || count <= 0)
        return 0;
    const UiWork *works[TAG_WORKS];
    const char *locators[TAG_WORKS], *unknown[TAG_WORKS];
    int unknown_count, n = gather(c, ids, count, works, locators, unknown, &unknown_count);
    /* As many works as the window leaves room for, then how many more
     * ("+2"): the Sources window, a click away, lists them all. */
    char text[384], more[400];
    float room = c->w - 8 - x, w, h;
    size_t used = (size_t)snprintf(text, sizeof text, "%s", ui_t(c, "ui.sources_tag"));
    int total = n + unknown_count;
    for (int i = 0; i < total && used < sizeof text; i++) {
        size_t before = used;
        used += (size_t)snprintf(text + used, sizeof text - used, "%s%s", i ? " \xC2\xB7 " : " ",
                                 i < n ? label(c, works[i]) : unknown[i - n]);
        snprintf(more, sizeof more, "%s \xC2\xB7 +%d", text, total - i - 1);
        render_text_size(c->r, i + 1 < total ? more : text, UI_SMALL - 1, RENDER_FONT_REGULAR, &w, NULL);
        if (w > room && i > 0) { /* this one does not fit: the count instead */
            text[before] = '\0';
            size_t end = strlen(text);
            snprintf(text + end, sizeof text - end, " \xC2\xB7 +%d", total - i);
            break;
        }
    }
    render_text_size(c->r, text, UI_SMALL - 1, RENDER_FONT_REGULAR, &w, &h);
    RenderRect hit = {x - 2, y - 2, w + 4, h + 4};
    bool hot = ui_hover(c, hit);
    RenderColor link = hot ? UI_INK : (RenderColor){38, 92, 150, 255};
    render_text(c->r, text, x, y, UI_SMALL - 1, RENDER_FONT_REGULAR, link, RENDER_LEFT);
    render_line(c->r, x, y + h - 1, x + w, y + h - 1, 1, link);
    if (ui_clicked(c, hit)) {
        UiState *st = c->st;
        st->source_filter_count = 0;
        for (int i = 0; i < count && st->source_filter_count < 8; i++)
            snprintf(st->source_filter[st->source_filter_count++], UI_SOURCE_ID_LEN, "%s", ids[i]);
        snprintf(st->source_filter_title, sizeof st->source_filter_title, "%s", title ? title : "");
        st->scroll[UI_OVERLAY_SOURCES] = 0;
        st->overlay = UI_OVERLAY_SOURCES;
    }
    return w;
}

/* ==== What in the game cites a work ==== */

static bool cites(const UiSources *s, const char (*ids)[CORE_ID_LEN], int count, const UiWork *work)
{
    for (int i = 0; i < count; i++) {
        const UiWork *found[UI_REF_WORKS];
        int n = ui_sources_resolve(s, ids[i], found, UI_REF_WORKS, NULL);
        for (int k = 0; k < n; k++)
            if (found[k] == work)
                return true;
    }
    return false;
}

/* "Policies and events citing it: The people's communes, Lushan, ..." into
 * buf; empty if nothing cites it. */
static void cited_by(const UiCtx *c, const UiWork *work, char *buf, size_t cap)
{
    buf[0] = '\0';
    const ScriptHost *h = c->m->texts;
    if (!h)
        return;
    size_t used = 0;
    int named = 0, more = 0;
    for (int pass = 0; pass < 2; pass++) {
        int count = pass == 0 ? script_policy_count(h) : script_event_count(h);
        for (int i = 0; i < count; i++) {
            const char *key;
            if (pass == 0) {
                const ScriptPolicyInfo *p = script_policy_at(h, i);
                if (!cites(c->m->sources, p->sources, p->source_count, work))
                    continue;
                key = p->name_key;
            } else {
                const ScriptEventInfo *e = script_event_at(h, i);
                if (!cites(c->m->sources, e->sources, e->source_count, work))
                    continue;
                key = e->title_key;
            }
            if (named == 8) {
                more++;
                continue;
            }
            if (named == 0)
                used = (size_t)snprintf(buf, cap, "%s%s", ui_t(c, "ui.source_cited_by"), ui_t(c, "ui.colon"));
            if (used < cap)
                used += (size_t)snprintf(buf + used, cap - used, "%s%s", named ? ui_t(c, "ui.list_sep") : "",
                                         ui_t(c, key));
            named++;
        }
    }
    if (more > 0 && used < cap) {
        char n[16];
        snprintf(n, sizeof n, "%d", more);
        snprintf(buf + used, cap - used, ui_t(c, "ui.source_and_more"), n);
    }
}

/* ==== The Sources window ==== */

/* One work: who and when, its grade, both titles, where it was published,
 * what rests on it and, for one item's sources, where in it. */
static float work_entry(UiCtx *c, const UiWork *w, const char *locator, float x, float y, float width, bool draw)
{
    char head[320], line[900];
    const char *author = zh(c) && w->author_zh[0] ? w->author_zh : w->author;
    if (!zh(c) && w->author_zh[0])
        snprintf(head, sizeof head, "%s %s (%s)", w->author, w->author_zh, w->year);
    else
        snprintf(head, sizeof head, "%s (%s)", author, w->year);
    float start = y;
    if (draw)
        render_text(c->r, head, x, y, UI_TEXT, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
    y += 22;
    /* Both titles: the original, and its English rendering or its Chinese
     * edition's title for the reader's language. */
    const char *other = zh(c) ? w->title_zh : w->title_en;
    if (other[0])
        snprintf(line, sizeof line, zh(c) ? "%s\xE3\x80\x8A%s\xE3\x80\x8B" : "%s [%s]", w->title, other);
    else
        snprintf(line, sizeof line, "%s", w->title);
    y += render_text_wrapped(c->r, line, x, y, width, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, draw);
    if (w->published[0])
        y += render_text_wrapped(c->r, w->published, x, y, width, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED, draw);
    if (w->grade[0]) {
        char key[32];
        snprintf(key, sizeof key, "ui.source_grade_%s", w->grade);
        snprintf(line, sizeof line, "%s %s \xC2\xB7 %s", ui_t(c, "ui.source_grade"), w->grade, ui_t(c, key));
        y += render_text_wrapped(c->r, line, x, y, width, UI_SMALL, RENDER_FONT_REGULAR, UI_ACCENT, draw);
    }
    if (locator && locator[0]) {
        snprintf(line, sizeof line, "%s%s%s", ui_t(c, "ui.source_where"), ui_t(c, "ui.colon"), locator);
        y += render_text_wrapped(c->r, line, x, y, width, UI_SMALL, RENDER_FONT_REGULAR, UI_INK, draw);
    }
    const char *rests = zh(c) && w->rests_on_zh[0] ? w->rests_on_zh : w->rests_on;
    if (rests[0]) {
        snprintf(line, sizeof line, "%s%s%s", ui_t(c, "ui.source_rests_on"), ui_t(c, "ui.colon"), rests);
        y += render_text_wrapped(c->r, line, x, y, width, UI_SMALL, RENDER_FONT_REGULAR, UI_INK, draw);
    }
    cited_by(c, w, line, sizeof line);
    if (line[0])
        y += render_text_wrapped(c->r, line, x, y, width, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED, draw);
    (void)start;
    return y + 12;
}

/* The works behind one item: a policy, an event, a figure. */
static float one_item(UiCtx *c, RenderRect in, float y, float w)
{
    UiState *st = c->st;
    y += render_text_wrapped(c->r, st->source_filter_title, in.x, y, w, UI_HEAD, RENDER_FONT_BOLD, UI_INK, true) + 8;
    const char *ids[8];
    for (int i = 0; i < st->source_filter_count; i++)
        ids[i] = st->source_filter[i];
    const UiWork *works[TAG_WORKS];
    const char *locators[TAG_WORKS], *unknown[TAG_WORKS];
    int unknown_count, n = gather(c, ids, st->source_filter_count, works, locators, unknown, &unknown_count);
    for (int i = 0; i < n; i++)
        y = work_entry(c, works[i], locators[i], in.x, y, w, true);
    for (int i = 0; i < unknown_count; i++) /* a mod's citation the game does not know */
        y += render_text_wrapped(c->r, unknown[i], in.x, y, w, UI_SMALL, RENDER_FONT_REGULAR, UI_MUTED, true) + 8;
    RenderRect all = {in.x, y + 4, 260, 36};
    if (ui_button(c, all, ui_t(c, "ui.sources_all"), UI_BUTTON_PLAIN)) {
        st->source_filter_count = 0;
        st->scroll[UI_OVERLAY_SOURCES] = 0;
    }
    return y + 52;
}

/* Every work, by kind; below the window only measured. */
static float every_work(UiCtx *c, RenderRect in, float y, float w)
{
    static const char *const intro[] = {"ui.sources_intro", "ui.sources_data", "ui.sources_research",
                                        "ui.sources_modelled"};
    for (size_t i = 0; i < sizeof intro / sizeof intro[0]; i++)
        y += render_text_wrapped(c->r, ui_t(c, intro[i]), in.x, y, w, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, true) + 12;
    static const char *const kinds[UI_WORK_KINDS] = {"ui.source_kind_statistics", "ui.source_kind_demography",
                                                     "ui.source_kind_history", "ui.source_kind_account",
                                                     "ui.source_kind_model"};
    const UiSources *s = c->m->sources;
    for (int k = 0; k < UI_WORK_KINDS && s; k++) {
        bool any = false;
        for (int i = 0; i < s->work_count && !any; i++)
            any = s->works[i].kind == (UiWorkKind)k;
        if (!any)
            continue;
        y += 8;
        render_text(c->r, ui_t(c, kinds[k]), in.x, y, UI_HEAD, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
        render_line(c->r, in.x, y + 28, in.x + w, y + 28, 1, UI_LINE);
        y += 38;
        for (int i = 0; i < s->work_count; i++) {
            if (s->works[i].kind != (UiWorkKind)k)
                continue;
            bool visible = y < in.y + in.h + 200 && y > in.y - 600;
            y = work_entry(c, &s->works[i], NULL, in.x + 8, y, w - 8, visible);
        }
    }
    /* Credits: the map, the font, the licences. */
    render_text(c->r, ui_t(c, "ui.credits"), in.x, y + 10, UI_HEAD, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
    y += 44;
    static const char *const credits[] = {"ui.sources_map", "ui.sources_font", "ui.sources_licence"};
    for (size_t i = 0; i < sizeof credits / sizeof credits[0]; i++)
        y += render_text_wrapped(c->r, ui_t(c, credits[i]), in.x, y, w, UI_TEXT, RENDER_FONT_REGULAR, UI_INK, true) +
             12;
    return y;
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
    y = st->source_filter_count > 0 ? one_item(c, in, y, w) : every_work(c, in, y, w);
    ui_scroll_end(c, in, scroll, y);
}
