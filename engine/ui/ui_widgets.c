/* ui_widgets.c — the few widgets the screens are made of (buttons, panels,
 * modal windows), the theme, text lookup and number formatting. Only the
 * topmost layer takes input, so nothing under a modal window reacts. */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The theme: the colours every screen draws with. A kiosk's high contrast
 * setting swaps in the second set (black on white, white on black) for
 * the frame (ui_theme_set); the desktop keeps the first. */
enum { THEME_COLOURS = 16 };
static const RenderColor themes[2][THEME_COLOURS] = {
    {{244, 241, 234, 255}, {34, 34, 34, 255},    {105, 100, 92, 255},  {252, 251, 248, 255},
     {196, 189, 176, 255}, {52, 66, 84, 255},    {70, 88, 112, 255},   {232, 227, 216, 255},
     {220, 212, 196, 255}, {205, 196, 178, 255}, {122, 46, 31, 255},   {255, 255, 255, 255},
     {200, 212, 220, 255}, {229, 225, 214, 255}, {206, 206, 206, 255}, {20, 20, 24, 150}},
    /* High contrast: ink and paper at their extremes, lines and muted text
     * dark enough to read as text (at least 7:1 on white), the accent a
     * deeper red. */
    {{255, 255, 255, 255}, {0, 0, 0, 255},       {56, 56, 56, 255},    {255, 255, 255, 255},
     {70, 70, 70, 255},    {0, 0, 0, 255},       {48, 48, 48, 255},    {255, 255, 255, 255},
     {225, 225, 225, 255}, {200, 200, 200, 255}, {140, 0, 0, 255},     {255, 255, 255, 255},
     {214, 226, 240, 255}, {236, 236, 236, 255}, {200, 200, 200, 255}, {0, 0, 0, 205}},
};
RenderColor UI_PAPER = {244, 241, 234, 255}, UI_INK = {34, 34, 34, 255}, UI_MUTED = {105, 100, 92, 255},
            UI_PANEL = {252, 251, 248, 255}, UI_LINE = {196, 189, 176, 255}, UI_SLATE = {52, 66, 84, 255},
            UI_SLATE_HOT = {70, 88, 112, 255}, UI_BUTTON = {232, 227, 216, 255}, UI_BUTTON_HOT = {220, 212, 196, 255},
            UI_BUTTON_DOWN = {205, 196, 178, 255}, UI_ACCENT = {122, 46, 31, 255}, UI_WHITE = {255, 255, 255, 255},
            UI_SEA = {200, 212, 220, 255}, UI_LAND = {229, 225, 214, 255}, UI_TAIWAN = {206, 206, 206, 255},
            UI_SHADE = {20, 20, 24, 150};

void ui_theme_set(bool high_contrast)
{
    RenderColor *const slots[THEME_COLOURS] = {&UI_PAPER,  &UI_INK,         &UI_MUTED,       &UI_PANEL,
                                               &UI_LINE,   &UI_SLATE,       &UI_SLATE_HOT,   &UI_BUTTON,
                                               &UI_BUTTON_HOT, &UI_BUTTON_DOWN, &UI_ACCENT,  &UI_WHITE,
                                               &UI_SEA,    &UI_LAND,        &UI_TAIWAN,      &UI_SHADE};
    for (int i = 0; i < THEME_COLOURS; i++)
        *slots[i] = themes[high_contrast ? 1 : 0][i];
}

const char *ui_t(const UiCtx *c, const char *key) { return script_text(c->m->texts, c->m->lang, key); }

const char *ui_tf(const UiCtx *c, const char *fmt, const char *part)
{
    static char key[160];
    snprintf(key, sizeof key, fmt, part);
    return ui_t(c, key);
}

bool ui_active(const UiCtx *c) { return c->layer == c->top; }

bool ui_hover(const UiCtx *c, RenderRect r)
{
    const UiInput *in = c->in;
    return ui_active(c) && in->mouse_in_window && in->mouse_x >= r.x && in->mouse_x < r.x + r.w &&
           in->mouse_y >= r.y && in->mouse_y < r.y + r.h;
}

bool ui_clicked(UiCtx *c, RenderRect r)
{
    if (c->click_taken || !c->in->mouse_released || !ui_hover(c, r))
        return false;
    /* The press must have started inside too (a drag over a button is not a click). */
    UiState *st = c->st;
    if (st->press_x < r.x || st->press_x >= r.x + r.w || st->press_y < r.y || st->press_y >= r.y + r.h)
        return false;
    c->click_taken = true;
    st->clicks++;
    return true;
}

bool ui_key(const UiCtx *c, int keycode)
{
    if (!ui_active(c))
        return false;
    for (int i = 0; i < c->in->key_count; i++)
        if (c->in->keys[i] == keycode)
            return true;
    return false;
}

/* Never more of a label than this is measured or drawn on a button. */
#define UI_LABEL_MAX 400

/* The space nearest the middle of `label` after a word (0: none), where a
 * label too wide for its place is split onto two lines. */
static size_t middle_space(const char *label)
{
    size_t len = strlen(label), best = 0;
    for (size_t i = 1; i + 1 < len; i++)
        if (label[i] == ' ' && label[i - 1] != ' ' &&
            (best == 0 || fabs((double)i - len / 2.0) < fabs((double)best - len / 2.0)))
            best = i;
    return best;
}

/* A label too wide for its button goes on two lines, split at the space
 * nearest its middle, if both lines then fit at a readable size. */
static bool two_line_label(UiCtx *c, RenderRect r, const char *label, RenderColor fg)
{
    size_t len = strlen(label), best = middle_space(label);
    if (best == 0 || len >= 256)
        return false;
    char top[256], bottom[256];
    snprintf(top, sizeof top, "%.*s", (int)best, label);
    snprintf(bottom, sizeof bottom, "%s", label + best + 1);
    float size = UI_SMALL, w1, w2, h;
    render_text_size(c->r, top, size, RENDER_FONT_REGULAR, &w1, &h);
    render_text_size(c->r, bottom, size, RENDER_FONT_REGULAR, &w2, NULL);
    if (fmaxf(w1, w2) > r.w - 8 || 2 * h > r.h + 2)
        return false;
    float y = r.y + (r.h - 2 * h) / 2;
    render_text(c->r, top, r.x + r.w / 2, y, size, RENDER_FONT_REGULAR, fg, RENDER_CENTER);
    render_text(c->r, bottom, r.x + r.w / 2, y + h, size, RENDER_FONT_REGULAR, fg, RENDER_CENTER);
    return true;
}

/* The longest start of `label` (whole UTF-8 characters, at most
 * UI_LABEL_MAX bytes) that fits `width` with an ellipsis after it. */
static void fit_label(UiCtx *c, const char *label, float size, float width, char *out, size_t cap)
{
    size_t len = strlen(label), lo = 0, hi = len < UI_LABEL_MAX ? len : UI_LABEL_MAX;
    while (lo < hi) { /* the widest prefix that fits, by halving */
        size_t mid = (lo + hi + 1) / 2;
        while (mid > 0 && ((unsigned char)label[mid] & 0xC0) == 0x80)
            mid--;
        float w;
        snprintf(out, cap, "%.*s\xE2\x80\xA6", (int)mid, label);
        render_text_size(c->r, out, size, RENDER_FONT_REGULAR, &w, NULL);
        if (mid <= lo)
            break;
        if (w <= width)
            lo = mid;
        else
            hi = mid - 1;
    }
    while (lo > 0 && ((unsigned char)label[lo] & 0xC0) == 0x80)
        lo--;
    snprintf(out, cap, "%.*s\xE2\x80\xA6", (int)lo, label);
}

UiWidget *ui_widget_note(UiCtx *c, RenderRect r, const char *label)
{
    UiState *st = c->st;
    if (st->widget_count >= UI_MAX_WIDGETS)
        return NULL;
    UiWidget *w = &st->widgets[st->widget_count++];
    memset(w, 0, sizeof *w);
    w->rect = r;
    w->parent = c->parent;
    w->active = ui_active(c);
    w->scrolled = c->scrolling;
    snprintf(w->label, sizeof w->label, "%s", label ? label : "");
    return w;
}

RenderRect ui_parent_push(UiCtx *c, RenderRect parent)
{
    RenderRect before = c->parent;
    c->parent = parent;
    return before;
}

int ui_layout_problems(const UiState *ui, float screen_w, float screen_h, char *out, size_t cap)
{
    int n = 0;
    size_t used = 0;
    if (out && cap)
        out[0] = '\0';
    const float slack = 0.5f; /* rounding */
    for (int i = 0; i < ui->widget_count; i++) {
        const UiWidget *w = &ui->widgets[i];
        RenderRect r = w->rect, p = w->parent;
        bool out_x = r.x < p.x - slack || r.x + r.w > p.x + p.w + slack || r.x < -slack || r.x + r.w > screen_w + slack;
        bool out_y = !w->scrolled && (r.y < p.y - slack || r.y + r.h > p.y + p.h + slack || r.y < -slack ||
                                      r.y + r.h > screen_h + slack);
        if (!out_x && !out_y && !w->text_overflows)
            continue;
        n++;
        if (out && used < cap)
            used += (size_t)snprintf(out + used, cap - used, "'%s' at %.0f,%.0f %.0fx%.0f %s %.0f,%.0f %.0fx%.0f\n",
                                     w->label, r.x, r.y, r.w, r.h,
                                     w->text_overflows ? "has text wider than itself, in" : "leaves its parent",
                                     p.x, p.y, p.w, p.h);
    }
    /* Two widgets of one parent and one layer that cover each other: one of
     * them is hidden (the top bar's buttons at 200 % did this). */
    for (int i = 0; i < ui->widget_count; i++)
        for (int j = i + 1; j < ui->widget_count; j++) {
            const UiWidget *a = &ui->widgets[i], *b = &ui->widgets[j];
            if (a->active != b->active || a->scrolled || b->scrolled ||
                memcmp(&a->parent, &b->parent, sizeof a->parent) != 0)
                continue;
            float ox = fminf(a->rect.x + a->rect.w, b->rect.x + b->rect.w) - fmaxf(a->rect.x, b->rect.x);
            float oy = fminf(a->rect.y + a->rect.h, b->rect.y + b->rect.h) - fmaxf(a->rect.y, b->rect.y);
            if (ox <= 1 || oy <= 1)
                continue;
            n++;
            if (out && used < cap)
                used += (size_t)snprintf(out + used, cap - used, "'%s' at %.0f,%.0f %.0fx%.0f overlaps '%s' at %.0f,%.0f %.0fx%.0f\n",
                                         b->label, b->rect.x, b->rect.y, b->rect.w, b->rect.h, a->label, a->rect.x,
                                         a->rect.y, a->rect.w, a->rect.h);
        }
    return n;
}

bool ui_label_fits(UiCtx *c, RenderRect r, const char *label)
{
    float tw, th;
    render_text_size(c->r, label, UI_SMALL, RENDER_FONT_REGULAR, &tw, &th);
    if (tw <= r.w - 8)
        return true;
    size_t len = strlen(label), best = middle_space(label);
    if (best == 0 || len >= 256)
        return false;
    char top[256], bottom[256];
    float w1, w2;
    snprintf(top, sizeof top, "%.*s", (int)best, label);
    snprintf(bottom, sizeof bottom, "%s", label + best + 1);
    render_text_size(c->r, top, UI_SMALL, RENDER_FONT_REGULAR, &w1, &th);
    render_text_size(c->r, bottom, UI_SMALL, RENDER_FONT_REGULAR, &w2, NULL);
    return fmaxf(w1, w2) <= r.w - 8 && 2 * th <= r.h + 2;
}

/* A button: its face, an icon at the left if any, the label centred in
 * `text` (on two lines, or smaller, rather than past its edge). */
static bool button(UiCtx *c, RenderRect r, RenderRect text, const char *label, UiIcon icon, UiButtonStyle style)
{
    UiWidget *note = ui_widget_note(c, r, label);
    bool hot = style != UI_BUTTON_DISABLED && ui_hover(c, r);
    bool down = hot && c->in->mouse_down;
    RenderColor bg = UI_BUTTON, fg = UI_INK;
    if (style == UI_BUTTON_PRIMARY || style == UI_BUTTON_SELECTED) {
        bg = hot ? UI_SLATE_HOT : UI_SLATE;
        fg = UI_WHITE;
    } else if (down) {
        bg = UI_BUTTON_DOWN;
    } else if (hot) {
        bg = UI_BUTTON_HOT;
    }
    if (style == UI_BUTTON_DISABLED)
        fg = UI_MUTED;
    render_fill_rect(c->r, r, bg);
    render_frame_rect(c->r, r, 1, style == UI_BUTTON_SELECTED ? UI_INK : UI_LINE);
    if (icon != UI_ICON_NONE) /* at the left, or in the middle of a button without a label */
        ui_icon(c, icon, label[0] ? r.x + 14 : r.x + r.w / 2, r.y + r.h / 2, 18, fg);
    if (!label[0])
        return style != UI_BUTTON_DISABLED && ui_clicked(c, r);
    float tw, th;
    float size = text.h > 40 ? UI_HEAD : UI_TEXT;
    render_text_size(c->r, label, size, RENDER_FONT_REGULAR, &tw, &th);
    if (tw > text.w - 8 && two_line_label(c, text, label, fg))
        return style != UI_BUTTON_DISABLED && ui_clicked(c, r);
    while (tw > text.w - 8 && size > 9) { /* shrink rather than overflow */
        size -= 1;
        render_text_size(c->r, label, size, RENDER_FONT_REGULAR, &tw, &th);
    }
    char shortened[UI_LABEL_MAX + 4];
    if (tw > text.w - 8) { /* still too wide (a mod's label of any length): cut it, with an ellipsis */
        fit_label(c, label, size, text.w - 8, shortened, sizeof shortened);
        label = shortened;
        render_text_size(c->r, label, size, RENDER_FONT_REGULAR, &tw, &th);
    }
    if (note && (tw > text.w - 2 || th > text.h + 2))
        note->text_overflows = true;
    render_text(c->r, label, text.x + text.w / 2, text.y + (text.h - th) / 2, size, RENDER_FONT_REGULAR, fg,
                RENDER_CENTER);
    return style != UI_BUTTON_DISABLED && ui_clicked(c, r);
}

bool ui_button(UiCtx *c, RenderRect r, const char *label, UiButtonStyle style)
{
    return button(c, r, r, label, UI_ICON_NONE, style);
}

bool ui_button_with_icon(UiCtx *c, RenderRect r, RenderRect text, const char *label, UiIcon icon, UiButtonStyle style)
{
    return button(c, r, text, label, icon, style);
}

RenderRect ui_panel(UiCtx *c, RenderRect r, const char *title)
{
    render_fill_rect(c->r, r, UI_PANEL);
    render_frame_rect(c->r, r, 1, UI_LINE);
    if (!title)
        return (RenderRect){r.x + 12, r.y + 10, r.w - 24, r.h - 20};
    render_text(c->r, title, r.x + 12, r.y + 8, UI_HEAD, RENDER_FONT_BOLD, UI_INK, RENDER_LEFT);
    render_line(c->r, r.x + 12, r.y + 38, r.x + r.w - 12, r.y + 38, 1, UI_LINE);
    return (RenderRect){r.x + 12, r.y + 46, r.w - 24, r.h - 56};
}

void ui_shade(UiCtx *c) { render_fill_rect(c->r, (RenderRect){0, 0, c->w, c->h}, UI_SHADE); }

void ui_action(UiCtx *c, UiActionKind kind, int a, int b, const char *text)
{
    if (c->out->count >= UI_MAX_ACTIONS)
        return;
    UiAction *x = &c->out->items[c->out->count++];
    *x = (UiAction){kind, a, b, ""};
    if (text)
        snprintf(x->text, sizeof x->text, "%s", text);
}

RenderRect ui_window(UiCtx *c, float w, float h, const char *title, bool *closed)
{
    w = fminf(w, c->w - 40);
    h = fminf(h, c->h - 40);
    RenderRect r = {(c->w - w) / 2, (c->h - h) / 2, w, h};
    render_fill_rect(c->r, (RenderRect){r.x + 4, r.y + 6, r.w, r.h}, (RenderColor){0, 0, 0, 60});
    RenderRect inner = ui_panel(c, r, title);
    c->parent = r;
    RenderRect close = {r.x + r.w - 44, r.y + 6, 36, 28};
    if (ui_button(c, close, "\xC3\x97", UI_BUTTON_PLAIN) || ui_key(c, SDLK_ESCAPE))
        *closed = true;
    return inner;
}

float ui_scroll_begin(UiCtx *c, RenderRect area, float *scroll, bool keys)
{
    if (ui_active(c) && ui_hover(c, area) && c->in->wheel != 0)
        *scroll -= c->in->wheel * 60;
    if (keys) {
        if (ui_key(c, SDLK_PAGEDOWN))
            *scroll += area.h * 0.9f;
        if (ui_key(c, SDLK_PAGEUP))
            *scroll -= area.h * 0.9f;
        if (ui_key(c, SDLK_DOWN))
            *scroll += 40;
        if (ui_key(c, SDLK_UP))
            *scroll -= 40;
    }
    *scroll = fmaxf(0, *scroll);
    render_set_clip(c->r, &area);
    c->scroll_parent = ui_parent_push(c, area);
    c->scrolling = true;
    return area.y - *scroll;
}

void ui_scroll_end(UiCtx *c, RenderRect area, float *scroll, float end_y)
{
    render_set_clip(c->r, NULL);
    c->parent = c->scroll_parent;
    c->scrolling = false;
    float content = end_y + *scroll - area.y;
    if (*scroll > content - area.h)
        *scroll = fmaxf(0, content - area.h);
    if (content <= area.h + 1)
        return;
    /* A thin bar at the right edge: where we are, and that there is more. */
    float bar_h = fmaxf(24, area.h * area.h / content);
    float bar_y = area.y + (area.h - bar_h) * (*scroll / (content - area.h));
    render_fill_rect(c->r, (RenderRect){area.x + area.w - 4, area.y, 4, area.h}, (RenderColor){0, 0, 0, 20});
    render_fill_rect(c->r, (RenderRect){area.x + area.w - 4, bar_y, 4, bar_h}, UI_MUTED);
}

void ui_language_button(UiCtx *c, RenderRect r)
{
    /* Each language names itself, so anyone can find theirs. */
    if (ui_button(c, r, c->m->lang == SCRIPT_LANG_EN ? "\xE4\xB8\xAD\xE6\x96\x87" : "English", UI_BUTTON_PLAIN))
        ui_action(c, UI_ACT_SET_LANGUAGE, c->m->lang == SCRIPT_LANG_EN ? SCRIPT_LANG_ZH : SCRIPT_LANG_EN, 0, NULL);
}

/* ==== Numbers ==== */

void ui_format_people(const UiCtx *c, char *buf, size_t cap, double n)
{
    if (!isfinite(n)) {
        snprintf(buf, cap, "\xE2\x80\x94"); /* an em dash for "not known" */
        return;
    }
    if (c->m->lang == SCRIPT_LANG_ZH) {
        if (fabs(n) >= 1e8)
            snprintf(buf, cap, "%.2f\xE4\xBA\xBF", n / 1e8);          /* 亿 */
        else if (fabs(n) >= 1e4)
            snprintf(buf, cap, "%.0f\xE4\xB8\x87", n / 1e4);          /* 万 */
        else
            snprintf(buf, cap, "%.0f", n);
        return;
    }
    if (fabs(n) >= 1e6)
        snprintf(buf, cap, "%.1f million", n / 1e6);
    else if (fabs(n) >= 1e4)
        snprintf(buf, cap, "%.0f thousand", n / 1e3);
    else
        snprintf(buf, cap, "%.0f", n);
}

void ui_format_people_short(const UiCtx *c, char *buf, size_t cap, double n)
{
    if (isfinite(n) && c->m->lang == SCRIPT_LANG_ZH && fabs(n) >= 1e8)
        snprintf(buf, cap, "%.1f\xE4\xBA\xBF", n / 1e8); /* 6.6亿 */
    else if (isfinite(n) && c->m->lang != SCRIPT_LANG_ZH && fabs(n) >= 1e6)
        snprintf(buf, cap, "%.0f M", n / 1e6);
    else
        ui_format_people(c, buf, cap, n);
}

void ui_format_tonnes(const UiCtx *c, char *buf, size_t cap, double t)
{
    if (!isfinite(t)) {
        snprintf(buf, cap, "\xE2\x80\x94");
        return;
    }
    if (c->m->lang == SCRIPT_LANG_ZH) {
        if (fabs(t) >= 1e8)
            snprintf(buf, cap, "%.2f\xE4\xBA\xBF\xE5\x90\xA8", t / 1e8); /* 亿吨 */
        else if (fabs(t) >= 1e4)
            snprintf(buf, cap, "%.0f\xE4\xB8\x87\xE5\x90\xA8", t / 1e4); /* 万吨 */
        else
            snprintf(buf, cap, "%.0f\xE5\x90\xA8", t);                     /* 吨 */
        return;
    }
    if (fabs(t) >= 1e6)
        snprintf(buf, cap, "%.1f Mt", t / 1e6);
    else if (fabs(t) >= 1e3)
        snprintf(buf, cap, "%.0f kt", t / 1e3);
    else
        snprintf(buf, cap, "%.0f t", t);
}

void ui_format_tonnes_like(const UiCtx *c, char *buf, size_t cap, double t, double like)
{
    if (!isfinite(t)) {
        snprintf(buf, cap, "\xE2\x80\x94");
        return;
    }
    double a = fabs(like);
    if (c->m->lang == SCRIPT_LANG_ZH) {
        if (a >= 1e8)
            snprintf(buf, cap, "%.2f\xE4\xBA\xBF\xE5\x90\xA8", t / 1e8);
        else if (a >= 1e4)
            snprintf(buf, cap, "%.0f\xE4\xB8\x87\xE5\x90\xA8", t / 1e4);
        else
            snprintf(buf, cap, "%.0f\xE5\x90\xA8", t);
    } else if (a >= 1e6)
        snprintf(buf, cap, "%.1f Mt", t / 1e6);
    else if (a >= 1e3)
        snprintf(buf, cap, "%.0f kt", t / 1e3);
    else
        snprintf(buf, cap, "%.0f t", t);
}

void ui_format_millions(const UiCtx *c, char *buf, size_t cap, double millions, bool sign)
{
    if (c->m->lang == SCRIPT_LANG_ZH) /* in 万, as the rest of the Chinese screens */
        snprintf(buf, cap, sign ? "%+.0f\xE4\xB8\x87" : "%.0f\xE4\xB8\x87", millions * 100.0);
    else
        snprintf(buf, cap, sign ? "%+.1f million" : "%.1f million", millions);
}

void ui_format_month(const UiCtx *c, char *buf, size_t cap, int year, int month)
{
    if (c->m->lang == SCRIPT_LANG_ZH) {
        snprintf(buf, cap, "%d\xE5\xB9\xB4%d\xE6\x9C\x88", year, month); /* 年 月 */
        return;
    }
    char key[32];
    snprintf(key, sizeof key, "month.%d", month);
    snprintf(buf, cap, "%s %d", ui_t(c, key), year);
}
