/* ui_console.c — the modder's console: a panel over the top of the screen
 * (opened with the backquote key, never in a kiosk) that lists script
 * errors with their source lines and traceback, and takes a command line.
 * What a command does is the app's business: the line goes out as a
 * UI_ACT_CONSOLE action and the replies come back through ui_console_print. */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Lines longer than this (in bytes) are wrapped: the console is about this
 * many characters wide at its smallest. */
#define WRAP_BYTES 120

static void push_line(UiConsole *con, UiConsoleKind kind, const char *text, size_t len)
{
    if (con->count == UI_CONSOLE_LINES) { /* the oldest line goes */
        memmove(con->lines[0], con->lines[1], sizeof con->lines[0] * (UI_CONSOLE_LINES - 1));
        memmove(con->kinds, con->kinds + 1, UI_CONSOLE_LINES - 1);
        con->count--;
    }
    if (len >= UI_CONSOLE_WIDTH)
        len = UI_CONSOLE_WIDTH - 1;
    memcpy(con->lines[con->count], text, len);
    con->lines[con->count][len] = '\0';
    con->kinds[con->count++] = (unsigned char)kind;
}

void ui_console_print(UiConsole *con, UiConsoleKind kind, const char *text)
{
    /* One console line per text line; a long one is cut at its last space
     * that leaves the line at least half full, else at a character
     * boundary (never inside a UTF-8 sequence), and continues indented. */
    const char *p = text;
    bool continued = false;
    while (*p || p == text) {
        size_t len = strcspn(p, "\n");
        char buf[UI_CONSOLE_WIDTH];
        size_t indent = continued ? 4 : 0, room = WRAP_BYTES - indent;
        size_t take = len, skip = 0;
        if (take > room) {
            take = room;
            while (take > 0 && ((unsigned char)p[take] & 0xC0) == 0x80)
                take--;
            size_t space = take;
            while (space > room / 2 && p[space] != ' ')
                space--;
            if (p[space] == ' ' && space > room / 2) { /* a word is not cut: the space is dropped */
                take = space;
                skip = 1;
            }
        }
        memset(buf, ' ', indent);
        memcpy(buf + indent, p, take);
        push_line(con, kind, buf, indent + take);
        p += take;
        continued = take < len;
        p += continued ? skip : 0;
        if (!continued) {
            if (*p == '\n')
                p++;
            if (!*p)
                break;
        }
    }
    con->scroll = 0; /* show the newest */
}

/* Tabs make columns (the font is not monospaced): the first column is
 * FIRST_COLUMN wide, the others COLUMN. Returns how far the line reaches;
 * draws it only if `draw`. */
#define FIRST_COLUMN 260.0f
#define COLUMN 120.0f

static float draw_columns(RenderCtx *r, const char *line, float x, float y, RenderColor colour, bool draw)
{
    char cell[UI_CONSOLE_WIDTH];
    float at = x, reach = x;
    for (int col = 0;; col++) {
        size_t n = strcspn(line, "\t");
        snprintf(cell, sizeof cell, "%.*s", (int)n, line);
        float w;
        render_text_size(r, cell, UI_SMALL, RENDER_FONT_REGULAR, &w, NULL);
        reach = fmaxf(reach, at + w);
        if (draw)
            render_text(r, cell, at, y, UI_SMALL, RENDER_FONT_REGULAR, colour, RENDER_LEFT);
        if (!line[n])
            return reach - x;
        line += n + 1;
        at = x + FIRST_COLUMN + col * COLUMN;
    }
}

/* A line too wide for the console in columns (a narrow window, a large
 * interface) is drawn as text wrapped to its width, the tabs as spaces.
 * Returns the height it takes; draws it only if `draw`. */
static float draw_wrapped(RenderCtx *r, const char *line, float x, float y, float width, RenderColor colour,
                          bool draw)
{
    char text[UI_CONSOLE_WIDTH * 2];
    size_t n = 0;
    for (const char *p = line; *p && n + 2 < sizeof text; p++) {
        text[n++] = *p == '\t' ? ' ' : *p;
        if (*p == '\t')
            text[n++] = ' ';
    }
    text[n] = '\0';
    return render_text_wrapped(r, text, x, y, width, UI_SMALL, RENDER_FONT_REGULAR, colour, draw);
}

static RenderColor kind_colour(UiConsoleKind kind)
{
    switch (kind) {
    case UI_CONSOLE_INPUT: return (RenderColor){150, 200, 255, 255};
    case UI_CONSOLE_ERROR: return (RenderColor){255, 150, 130, 255};
    case UI_CONSOLE_SOURCE: return (RenderColor){190, 196, 204, 255};
    case UI_CONSOLE_MARK: return (RenderColor){255, 222, 120, 255};
    case UI_CONSOLE_TRACE: return (RenderColor){160, 166, 176, 255};
    case UI_CONSOLE_INFO: break;
    }
    return (RenderColor){232, 235, 240, 255};
}

/* Removes the last UTF-8 character of s. */
static void drop_last_char(char *s)
{
    size_t n = strlen(s);
    while (n > 0 && ((unsigned char)s[n - 1] & 0xC0) == 0x80)
        n--;
    if (n > 0)
        n--;
    s[n] = '\0';
}

/* Typed text goes into the line, except the backquote that toggles the
 * console and control characters. */
static void take_text(UiConsole *con, const char *typed)
{
    size_t n = strlen(con->input);
    for (const char *t = typed; *t && n + 1 < sizeof con->input; t++)
        if (*t != '`' && (unsigned char)*t >= 0x20)
            con->input[n++] = *t;
    con->input[n] = '\0';
}

static void recall(UiConsole *con, int step)
{
    if (con->history_count == 0)
        return;
    con->history_at += step;
    if (con->history_at < 0)
        con->history_at = 0;
    if (con->history_at >= con->history_count) {
        con->history_at = con->history_count;
        con->input[0] = '\0';
        return;
    }
    snprintf(con->input, sizeof con->input, "%s", con->history[con->history_at]);
}

static void submit(UiCtx *c, UiConsole *con)
{
    if (!con->input[0])
        return;
    if (con->history_count == UI_CONSOLE_HISTORY) {
        memmove(con->history[0], con->history[1], sizeof con->history[0] * (UI_CONSOLE_HISTORY - 1));
        con->history_count--;
    }
    snprintf(con->history[con->history_count++], sizeof con->history[0], "%s", con->input);
    con->history_at = con->history_count;
    char echo[300];
    snprintf(echo, sizeof echo, "> %s", con->input);
    ui_console_print(con, UI_CONSOLE_INPUT, echo);
    ui_action(c, UI_ACT_CONSOLE, 0, 0, con->input);
    con->input[0] = '\0';
}

void ui_console(UiCtx *c)
{
    UiConsole *con = &c->st->console;
    RenderCtx *r = c->r;
    const float line_h = UI_SMALL + 5, pad = 12;
    RenderRect box = {0, 0, c->w, floorf(c->h * 0.55f)};
    render_fill_rect(r, box, (RenderColor){24, 28, 34, 240});
    render_line(r, 0, box.h, c->w, box.h, 2, UI_ACCENT);
    render_text(r, ui_t(c, "ui.console.title"), pad, pad, UI_SMALL, RENDER_FONT_BOLD, (RenderColor){232, 235, 240, 255},
                RENDER_LEFT);
    /* The input line at the bottom, with a caret. */
    float input_y = box.h - line_h - pad;
    char shown[300];
    snprintf(shown, sizeof shown, "> %s_", con->input);
    /* Too long for the window: its end, where the caret is, stays in view
     * (the fewest characters dropped, found by halving). */
    float tw;
    render_text_size(r, shown, UI_TEXT, RENDER_FONT_REGULAR, &tw, NULL);
    if (tw > c->w - 2 * pad) {
        size_t lo = 1, hi = strlen(con->input);
        while (lo < hi) {
            size_t mid = (lo + hi) / 2, at = mid;
            while (((unsigned char)con->input[at] & 0xC0) == 0x80)
                at++;
            snprintf(shown, sizeof shown, "> \xE2\x80\xA6%s_", con->input + at);
            render_text_size(r, shown, UI_TEXT, RENDER_FONT_REGULAR, &tw, NULL);
            if (tw > c->w - 2 * pad)
                lo = mid + 1;
            else
                hi = mid;
        }
        while (((unsigned char)con->input[lo] & 0xC0) == 0x80)
            lo++;
        snprintf(shown, sizeof shown, "> \xE2\x80\xA6%s_", con->input + lo);
    }
    render_text(r, shown, pad, input_y, UI_TEXT, RENDER_FONT_REGULAR, kind_colour(UI_CONSOLE_INPUT), RENDER_LEFT);
    /* The lines, newest at the bottom, scrolled up by con->scroll; one
     * that does not fit across takes as many rows as it needs. */
    RenderRect area = {pad, pad + line_h + 6, c->w - 2 * pad, input_y - (pad + line_h + 6) - 8};
    float heights[UI_CONSOLE_LINES], room = area.w - 8; /* (the scroll bar) */
    bool wrapped[UI_CONSOLE_LINES];
    float content = 0;
    for (int i = 0; i < con->count; i++) {
        wrapped[i] = draw_columns(r, con->lines[i], 0, 0, UI_WHITE, false) > room;
        heights[i] = line_h;
        if (wrapped[i])
            heights[i] = fmaxf(line_h, draw_wrapped(r, con->lines[i], 0, 0, room, UI_WHITE, false));
        content += heights[i];
    }
    float max_scroll = content > area.h ? content - area.h : 0;
    if (ui_key(c, SDLK_PAGEUP))
        con->scroll += area.h * 0.8f;
    if (ui_key(c, SDLK_PAGEDOWN))
        con->scroll -= area.h * 0.8f;
    con->scroll += c->in->wheel * line_h * 3;
    con->scroll = con->scroll < 0 ? 0 : con->scroll > max_scroll ? max_scroll : con->scroll;
    render_set_clip(r, &area);
    float y = area.y + area.h - content + con->scroll;
    if (content < area.h)
        y = area.y;
    for (int i = 0; i < con->count; y += heights[i++]) {
        if (y + heights[i] < area.y || y > area.y + area.h)
            continue;
        if (wrapped[i])
            draw_wrapped(r, con->lines[i], area.x, y, room, kind_colour(con->kinds[i]), true);
        else
            draw_columns(r, con->lines[i], area.x, y, kind_colour(con->kinds[i]), true);
    }
    render_set_clip(r, NULL);
    if (max_scroll > 0) { /* a thin bar shows where in the history the view is */
        float bar_h = area.h * area.h / content;
        float bar_y = area.y + (area.h - bar_h) * (1 - con->scroll / max_scroll);
        render_fill_rect(r, (RenderRect){c->w - 6, bar_y, 3, bar_h}, (RenderColor){120, 128, 140, 255});
    }
    /* Keys: the console has them all while it is open. */
    take_text(con, c->in->text);
    if (ui_key(c, SDLK_BACKSPACE))
        drop_last_char(con->input);
    if (ui_key(c, SDLK_UP))
        recall(con, -1);
    if (ui_key(c, SDLK_DOWN))
        recall(con, +1);
    if (ui_key(c, SDLK_RETURN) || ui_key(c, SDLK_KP_ENTER))
        submit(c, con);
    if (ui_key(c, SDLK_ESCAPE))
        con->open = false;
}
