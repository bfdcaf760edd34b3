/* app_input.c — --input-script: the real window driven by a script, a
 * command a line, for tests (docs/input-script.md lists the commands).
 * Clicks, taps, keys and text are pushed into SDL's event queue, the road
 * real input takes; the rest waits for time, checks what is on screen, or
 * writes a screenshot. A script read from a file runs on a virtual clock
 * (months pass as fast as frames can be drawn, and every run is the same);
 * "-" reads stdin as it comes, on the real clock (the kiosk tests, which
 * talk to a running kiosk). A failed check or a bad line stops the program
 * with status 1 and a message naming the script's line. */
#define _POSIX_C_SOURCE 200809L
#include "app_game.h"

#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LINE_MAX_BYTES 1024

typedef enum WaitKind {
    WAIT_NONE,
    WAIT_CARDS,         /* answer-all: until no card waits, answering each by clicking */
    WAIT_FIND,          /* scroll-to: until a button shows, scrolling down */
    WAIT_MS,            /* until a time on the app's clock */
    WAIT_MONTH,         /* until the game reaches a month */
    WAIT_PLAY,          /* play-until: the same, answering every card by clicking */
} WaitKind;

struct AppInput {
    int fd;
    bool scripted;              /* a file on the virtual clock (else stdin, on the real clock) */
    bool eof;
    char pending[LINE_MAX_BYTES];  /* a partial line read from stdin */
    size_t pending_used;
    char *text;                 /* the whole file (scripted) */
    size_t text_len, at;
    int line;                   /* of the command now running */
    char path[256];
    WaitKind wait;
    double until_ms;            /* WAIT_MS */
    int until_month;            /* WAIT_MONTH, WAIT_PLAY: month index */
    double started_ms;          /* when the wait began */
    char answer[16];            /* WAIT_PLAY: "history", "default" or an option number */
    char find[128];             /* WAIT_FIND: the label */
    int tries;
    /* The cards the frames showed, for the log. */
    int logged_month, logged_event;
    int cards_shown;
    int settle;                 /* frames to draw before the next command */
};

/* ==== Messages ==== */

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void fail(App *a, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "greatleap: %s:%d: %s\n", a->input->path, a->input->line, msg);
    a->status = 1;
    a->quit = true;
}

static void month_text(const CoreState *s, int month, char *buf, size_t cap)
{
    int m = s->start_month - 1 + month;
    snprintf(buf, cap, "%d-%02d", s->start_year + m / 12, m % 12 + 1);
}

static const char *const screen_names[] = {
    [UI_SCREEN_TITLE] = "title",         [UI_SCREEN_INTRO] = "intro",         [UI_SCREEN_GAME] = "game",
    [UI_SCREEN_END] = "end",             [UI_SCREEN_RECKONING] = "reckoning", [UI_SCREEN_ATTRACT] = "attract",
    [UI_SCREEN_SCENARIOS] = "scenarios", [UI_SCREEN_ENDING] = "ending",
};
static const char *const overlay_names[] = {"none",    "policies",     "ledger",        "menu", "settings", "save",
                                            "load",    "sources",      "confirm-quit",  "confirm-title", "pin",
                                            "help",    "confirm-load", "mods"};

static bool card_showing(const App *a)
{
    return a->game && a->ui.screen == UI_SCREEN_GAME && game_pending_count(a->game) > 0 && !a->ui.cards_held &&
           !app_kiosk_revealing(a);
}

/* "game (overlay menu, card lushan)": what is on screen, for messages. */
static void describe_screen(const App *a, char *buf, size_t cap)
{
    const ScriptEventInfo *e = card_showing(a)
                                   ? script_event_at(game_host(a->game), game_pending_at(a->game, 0)->event)
                                   : NULL;
    snprintf(buf, cap, "%s (overlay %s, card %s%s)", screen_names[a->ui.screen], overlay_names[a->ui.overlay],
             e ? e->id : "none", a->ui.console.open ? ", console open" : "");
}

/* ==== Pushing input ==== */

/* Logical pixels to the window's coordinates (the inverse of what
 * app_collect does with mouse events). */
static void to_window(App *a, float *x, float *y)
{
    int ww, wh, ow, oh;
    SDL_GetWindowSize(a->win, &ww, &wh);
    SDL_GetRendererOutputSize(a->ren, &ow, &oh);
    float k = render_scale(a->rc) / (ww > 0 && ow > 0 ? (float)ow / (float)ww : 1.0f);
    *x *= k;
    *y *= k;
}

static void push_click(App *a, float x, float y)
{
    to_window(a, &x, &y);
    SDL_Event e = {0};
    e.type = SDL_MOUSEMOTION;
    e.motion.x = (Sint32)lroundf(x);
    e.motion.y = (Sint32)lroundf(y);
    SDL_PushEvent(&e);
    memset(&e, 0, sizeof e);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = SDL_PRESSED;
    e.button.x = (Sint32)lroundf(x);
    e.button.y = (Sint32)lroundf(y);
    SDL_PushEvent(&e);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.state = SDL_RELEASED;
    SDL_PushEvent(&e);
}

static void push_move(App *a, float x, float y)
{
    to_window(a, &x, &y);
    SDL_Event e = {0};
    e.type = SDL_MOUSEMOTION;
    e.motion.x = (Sint32)lroundf(x);
    e.motion.y = (Sint32)lroundf(y);
    SDL_PushEvent(&e);
}

static bool push_key(const char *spec)
{
    int key, mod;
    if (!kiosk_parse_key(spec, &key, &mod))
        return false;
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = key;
    e.key.keysym.mod = (Uint16)mod;
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    SDL_PushEvent(&e);
    return true;
}

/* Text as SDL_TEXTINPUT events, in pieces that fit one (whole UTF-8
 * characters each). */
static void push_text(const char *text)
{
    size_t len = strlen(text), at = 0;
    while (at < len) {
        size_t n = len - at;
        if (n > SDL_TEXTINPUTEVENT_TEXT_SIZE - 1) {
            n = SDL_TEXTINPUTEVENT_TEXT_SIZE - 1;
            while (n > 0 && ((unsigned char)text[at + n] & 0xC0) == 0x80)
                n--;
        }
        SDL_Event e = {0};
        e.type = SDL_TEXTINPUT;
        memcpy(e.text.text, text + at, n);
        e.text.text[n] = '\0';
        SDL_PushEvent(&e);
        at += n;
    }
}

/* Whether a button's label is `want`; a final '*' matches any ending. */
static bool label_is(const char *label, const char *want)
{
    size_t n = strlen(want);
    if (n > 0 && want[n - 1] == '*')
        return strncmp(label, want, n - 1) == 0;
    return strcmp(label, want) == 0;
}

/* The button the last frame drew with this label (a locale key's text in
 * the interface's language, or the text itself), taking input. */
static const UiWidget *find_widget(App *a, const char *label, bool active)
{
    const char *wanted = app_text(a, label);
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < a->ui.widget_count; i++) {
            const UiWidget *w = &a->ui.widgets[i];
            if ((w->active || !active) && label_is(w->label, pass == 0 ? wanted : label))
                return w;
        }
    return NULL;
}

static const UiWidget *find_button(App *a, const char *label) { return find_widget(a, label, true); }

/* The option of the card on screen that `how` names: history's (the
 * default where history took none), the default, or a number from 1. */
static int card_option(App *a, const char *how)
{
    const ScriptDue *d = game_pending_at(a->game, 0);
    const ScriptEventInfo *e = d ? script_event_at(game_host(a->game), d->event) : NULL;
    if (!e)
        return -1;
    if (strcmp(how, "history") == 0)
        return e->historical_option >= 0 ? e->historical_option : e->default_option;
    if (strcmp(how, "default") == 0)
        return e->default_option;
    if (strcmp(how, "moderate") == 0) { /* what costs the most standing with Mao */
        int best = e->default_option;
        double lowest = 1e9;
        for (int o = 0; o < e->option_count; o++) {
            double change = game_option_standing(a->game, e->id, e->options[o].id, game_state(a->game)->month);
            if (change < lowest) {
                lowest = change;
                best = o;
            }
        }
        return best;
    }
    int n = atoi(how);
    return n >= 1 && n <= e->option_count ? n - 1 : -1;
}

/* Clicks an option of the card on screen, where the last frame drew it. */
static bool click_option(App *a, const char *how)
{
    int o = card_option(a, how);
    if (o < 0 || o >= a->ui.card_option_count) {
        fail(a, "no option '%s' on the card on screen", how);
        return false;
    }
    const RenderRect *r = &a->ui.card_options[o];
    push_click(a, r->x + r->w / 2, r->y + r->h / 2);
    return true;
}

/* ==== Commands ==== */

static bool parse_month(App *a, const char *text, int *index)
{
    int y, m;
    char extra;
    if (!a->game || sscanf(text, "%d-%d%c", &y, &m, &extra) != 2 || m < 1 || m > 12)
        return false;
    *index = core_month_index(game_state(a->game), y, m);
    return true;
}

static void print_state(App *a)
{
    char where[200], month[16] = "-";
    describe_screen(a, where, sizeof where);
    unsigned long long hash = 0;
    if (a->game) {
        const CoreState *s = game_state(a->game);
        month_text(s, s->month, month, sizeof month);
        hash = (unsigned long long)core_state_hash(s);
    }
    GameStanding st = a->game ? game_standing(a->game) : (GameStanding){0, -1, 0, 0};
    printf("state month %s screen %s paused %d lang %s mode %s figures %s standing %.0f purged %d sounds %d hash "
           "%016llx\n",
           month, where, a->paused ? 1 : 0, a->settings.lang == SCRIPT_LANG_ZH ? "zh" : "en",
           ui_mode_info(a->ui.mode)->id, a->ui.true_figures ? "true" : "reported", st.value, st.purged_month,
           a->sound ? app_sound_played(a->sound) : -1, hash);
    fflush(stdout);
}

static void screenshot(App *a, const char *path)
{
    UiInput none = {0}; /* the mouse where it was, nothing pressed */
    none.mouse_x = a->mouse_x;
    none.mouse_y = a->mouse_y;
    none.mouse_in_window = a->mouse_in;
    UiActions ignored;
    app_draw(a, &none, &ignored);
    char err[512];
    if (!render_screenshot(a->rc, path, err, sizeof err))
        fail(a, "screenshot: %s", err);
}

/* Whether `name` is what the screen shows: the screen, the overlay open
 * over it, "card" when a card waits, "console" when the console is open. */
static bool screen_is(const App *a, const char *name)
{
    if (strcmp(name, screen_names[a->ui.screen]) == 0)
        return true;
    if (a->ui.overlay != UI_OVERLAY_NONE && strcmp(name, overlay_names[a->ui.overlay]) == 0)
        return true;
    if (strcmp(name, "card") == 0)
        return card_showing(a);
    if (strcmp(name, "console") == 0)
        return a->ui.console.open;
    if (strcmp(name, "reveal") == 0) /* a kiosk's: what really happened, after a decision */
        return app_kiosk_revealing(a);
    return false;
}

/* Runs one command; false if the line is not a command. */
static bool run_command(App *a, char *line)
{
    AppInput *in = a->input;
    char word[32] = "", rest[LINE_MAX_BYTES] = "";
    float x, y;
    int n = 0;
    if (sscanf(line, "%31s %n", word, &n) < 1)
        return true; /* blank */
    snprintf(rest, sizeof rest, "%s", line + n);
    size_t rl = strlen(rest);
    while (rl > 0 && (rest[rl - 1] == ' ' || rest[rl - 1] == '\r'))
        rest[--rl] = '\0';
    if (word[0] == '#')
        return true;
    char where[200];
    if (strcmp(word, "click") == 0 && sscanf(rest, "%f %f", &x, &y) == 2)
        push_click(a, x, y);
    else if (strcmp(word, "move") == 0 && sscanf(rest, "%f %f", &x, &y) == 2)
        push_move(a, x, y);
    else if (strcmp(word, "tap") == 0 && sscanf(rest, "%f %f", &x, &y) == 2)
        app_push_tap(x / render_width(a->rc), y / render_height(a->rc));
    else if (strcmp(word, "key") == 0 && rest[0]) {
        if (!push_key(rest))
            fail(a, "key: SDL knows no key '%s'", rest);
    } else if (strcmp(word, "type") == 0)
        push_text(rest);
    else if (strcmp(word, "press") == 0 && rest[0]) {
        const UiWidget *w = find_button(a, rest);
        if (!w) {
            describe_screen(a, where, sizeof where);
            fail(a, "press: no button '%s' (\"%s\") takes input on %s", rest, app_text(a, rest), where);
        } else
            push_click(a, w->rect.x + w->rect.w / 2, w->rect.y + w->rect.h / 2);
    } else if (strcmp(word, "answer") == 0 && rest[0]) {
        if (!card_showing(a)) {
            describe_screen(a, where, sizeof where);
            fail(a, "answer: no card on screen: %s", where);
        } else
            click_option(a, rest);
    } else if (strcmp(word, "answer-all") == 0 && rest[0]) {
        snprintf(in->answer, sizeof in->answer, "%.15s", rest);
        in->wait = WAIT_CARDS;
        in->started_ms = app_now_ms(a);
    } else if (strcmp(word, "scroll-to") == 0 && rest[0]) {
        snprintf(in->find, sizeof in->find, "%.127s", rest);
        in->wait = WAIT_FIND;
        in->tries = 0;
    } else if (strcmp(word, "wait-ms") == 0 && sscanf(rest, "%f", &x) == 1 && x >= 0) {
        in->wait = WAIT_MS;
        in->until_ms = app_now_ms(a) + x;
    } else if (strcmp(word, "stall-ms") == 0) {
        if (sscanf(rest, "%f", &x) == 1 && x >= 0 && x <= 600000)
            SDL_Delay((Uint32)x); /* the loop stalls, as on a hung disk: what signals do then */
        else
            fail(a, "stall-ms: '%s' is not a number of milliseconds from 0 to 600000", rest);
    } else if (strcmp(word, "wait-month") == 0 || strcmp(word, "play-until") == 0) {
        if (!a->game) {
            fail(a, "%s: no game is running", word);
            return true;
        }
        int target = game_state(a->game)->month + 1;
        char month[32] = "", how[16] = "history";
        if (strcmp(word, "wait-month") == 0) {
            if (rest[0] && (sscanf(rest, "%d", &n) != 1 || n < 1))
                return false;
            target = game_state(a->game)->month + (rest[0] ? n : 1);
            in->wait = WAIT_MONTH;
        } else {
            if (sscanf(rest, "%31s %15s", month, how) < 1 || !parse_month(a, month, &target))
                return false;
            snprintf(in->answer, sizeof in->answer, "%s", how);
            in->wait = WAIT_PLAY;
        }
        in->until_month = target;
        in->started_ms = app_now_ms(a);
    } else if (strcmp(word, "screenshot") == 0 && rest[0])
        screenshot(a, rest);
    else if (strcmp(word, "expect-screen") == 0 && rest[0]) {
        if (!screen_is(a, rest)) {
            describe_screen(a, where, sizeof where);
            fail(a, "expected screen %s, the screen is %s", rest, where);
        }
    } else if (strcmp(word, "expect-month") == 0 && rest[0]) {
        int want;
        if (!parse_month(a, rest, &want))
            fail(a, "expect-month: no game, or '%s' is not a month like 1959-07", rest);
        else if (game_state(a->game)->month != want) {
            char now[16];
            month_text(game_state(a->game), game_state(a->game)->month, now, sizeof now);
            fail(a, "expected month %s, the game is in %s", rest, now);
        }
    } else if (strcmp(word, "expect-card") == 0 && rest[0]) {
        const char *id = "none";
        if (card_showing(a))
            id = script_event_at(game_host(a->game), game_pending_at(a->game, 0)->event)->id;
        if (strcmp(id, rest) != 0)
            fail(a, "expected card %s, the card on screen is %s", rest, id);
    } else if (strcmp(word, "expect-console") == 0 && rest[0]) {
        bool found = false;
        for (int i = 0; i < a->ui.console.count && !found; i++)
            found = strstr(a->ui.console.lines[i], rest) != NULL;
        if (!found)
            fail(a, "no console line holds '%s'", rest);
    } else if (strcmp(word, "expect-button") == 0 && rest[0]) {
        if (!find_widget(a, rest, false)) {
            describe_screen(a, where, sizeof where);
            fail(a, "no button '%s' (\"%s\") is drawn on %s", rest, app_text(a, rest), where);
        }
    } else if (strcmp(word, "expect-notice") == 0 && rest[0]) {
        bool found = false;
        char text[600];
        for (int i = 0; i < a->ui.message_count && !found; i++) {
            ui_notice_text(&a->ui.messages[i], a->texts, a->settings.lang, a->game ? game_state(a->game) : NULL, text,
                           sizeof text);
            found = strstr(text, rest) != NULL;
        }
        if (!found)
            fail(a, "no notice on screen holds '%s'", rest);
    } else if (strcmp(word, "expect-decision") == 0 && rest[0]) {
        char event[CORE_ID_LEN], province[CORE_ID_LEN], option[CORE_ID_LEN];
        if (!a->game || sscanf(rest, "%39s %39s %39s", event, province, option) != 3)
            return false;
        const CoreState *s = game_state(a->game);
        int p = strcmp(province, "-") == 0 ? -1 : core_province_find(s, province);
        const CoreDecision *d = core_decision_find(s, event, p);
        if (!d || (p >= 0 && d->province != p) || strcmp(d->option, option) != 0)
            fail(a, "expected decision %s %s %s, the game has %s", event, province, option, d ? d->option : "none");
    } else if (strcmp(word, "expect-error") == 0 && rest[0]) {
        if (!strstr(a->ui.error, rest))
            fail(a, "expected an error holding '%s', the error banner says '%s'", rest, a->ui.error);
    } else if (strcmp(word, "expect-layout") == 0) {
        char problems[4096];
        int found = app_layout_check(a, problems, sizeof problems);
        if (found > 0)
            fail(a, "%d layout problem(s) at %.0fx%.0f logical px:\n%s", found, render_width(a->rc),
                 render_height(a->rc), problems);
    } else if (strcmp(word, "state") == 0)
        print_state(a);
    else if (strcmp(word, "widgets") == 0) { /* what `press` can find, for a script's writer */
        for (int i = 0; i < a->ui.widget_count; i++)
            printf("widget %s%s\n", a->ui.widgets[i].active ? "" : "(inactive) ", a->ui.widgets[i].label);
        fflush(stdout);
    } else if (strcmp(word, "echo") == 0) {
        printf("%s\n", rest);
        fflush(stdout);
    } else if (strcmp(word, "quit") == 0) {
        a->quit = true;
        if (rest[0])
            a->status = atoi(rest);
    } else
        return false;
    return true;
}

/* ==== Reading ==== */

AppInput *app_input_open(App *a, const char *path, char *err, size_t cap)
{
    AppInput *in = calloc(1, sizeof *in);
    if (!in) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    in->fd = -1;
    in->logged_month = in->logged_event = -1;
    snprintf(in->path, sizeof in->path, "%s", strcmp(path, "-") == 0 ? "stdin" : path);
    if (strcmp(path, "-") == 0) {
        in->fd = dup(STDIN_FILENO);
        if (in->fd >= 0)
            fcntl(in->fd, F_SETFL, fcntl(in->fd, F_GETFL) | O_NONBLOCK);
    } else {
        in->scripted = true;
        in->text = plat_read_file(path, 4u << 20, &in->text_len);
        if (!in->text) {
            snprintf(err, cap, "--input-script: %s", plat_error());
            free(in);
            return NULL;
        }
    }
    (void)a;
    return in;
}

void app_input_close(AppInput *in)
{
    if (!in)
        return;
    if (in->fd >= 0)
        close(in->fd);
    free(in->text);
    free(in);
}

bool app_input_scripted(const App *a) { return a->input && a->input->scripted; }

bool app_input_waiting(const App *a) { return a->input && a->input->wait != WAIT_NONE; }

/* Whether a wait is over; fails the script if it never can be. */
static bool wait_over(App *a)
{
    AppInput *in = a->input;
    double now = app_now_ms(a);
    if (in->wait == WAIT_MS)
        return now >= in->until_ms;
    if (in->wait == WAIT_FIND) {
        if (find_button(a, in->find))
            return true;
        if (in->settle > 0)
            return false;
        if (++in->tries > 80) {
            fail(a, "scroll-to: no button '%s' after scrolling", in->find);
            return true;
        }
        push_move(a, render_width(a->rc) / 2, render_height(a->rc) / 2);
        SDL_Event e = {0};
        e.type = SDL_MOUSEWHEEL;
        e.wheel.y = in->tries == 1 ? 200 : -1; /* from the top, then down a notch at a time */
        e.wheel.preciseY = (float)e.wheel.y;
        SDL_PushEvent(&e);
        in->settle = 2;
        return false;
    }
    if (in->wait == WAIT_CARDS) {
        if (!card_showing(a))
            return true;
        if (a->ui.card_option_count > 0 && in->settle == 0) {
            click_option(a, in->answer);
            in->settle = 2;
        }
        return false;
    }
    if (!a->game || a->ui.screen != UI_SCREEN_GAME || game_state(a->game)->month >= in->until_month)
        return true; /* there, or the game ended on the way (the reckoning, the end) */
    char where[200];
    if (in->wait == WAIT_PLAY && card_showing(a) && a->ui.overlay == UI_OVERLAY_NONE) {
        if (a->ui.card_option_count > 0 && in->settle == 0) {
            click_option(a, in->answer);
            in->settle = 2;
        }
        in->started_ms = now;
        return false;
    }
    /* Outside a kiosk, nothing but the player starts time again. */
    if (!a->kiosk && !app_time_runs(a) && in->settle == 0) {
        describe_screen(a, where, sizeof where);
        fail(a, "time is stopped on %s%s", where, a->paused ? ", paused" : "");
        return true;
    }
    if (now - in->started_ms > 600000) { /* ten minutes on the clock without a month */
        describe_screen(a, where, sizeof where);
        fail(a, "no month passed in ten minutes on %s", where);
        return true;
    }
    return false;
}

/* The next line of a file script, or NULL at its end. */
static char *next_line(AppInput *in, char *buf, size_t cap)
{
    if (in->at >= in->text_len)
        return NULL;
    const char *start = in->text + in->at, *nl = memchr(start, '\n', in->text_len - in->at);
    size_t n = nl ? (size_t)(nl - start) : in->text_len - in->at;
    in->at += n + (nl ? 1 : 0);
    in->line++;
    snprintf(buf, cap, "%.*s", (int)(n < cap ? n : cap - 1), start);
    return buf;
}

/* Lines from stdin as they arrive: each runs at once (the kiosk tests
 * wait for the log themselves). */
static bool read_stdin(App *a)
{
    AppInput *in = a->input;
    bool any = false;
    char buf[256];
    ssize_t n = -1;
    while (in->fd >= 0 && (n = read(in->fd, buf, sizeof buf)) > 0)
        for (ssize_t i = 0; i < n; i++) {
            if (buf[i] == '\n') {
                in->pending[in->pending_used] = '\0';
                in->line++;
                if (!run_command(a, in->pending))
                    fprintf(stderr, "greatleap: stdin:%d: not a command: %s\n", in->line, in->pending);
                in->pending_used = 0;
                any = true;
            } else if (in->pending_used + 1 < sizeof in->pending) {
                in->pending[in->pending_used++] = buf[i];
            }
        }
    if (in->fd >= 0 && n == 0) { /* the writer is gone */
        close(in->fd);
        in->fd = -1;
    }
    return any;
}

bool app_input_step(App *a)
{
    AppInput *in = a->input;
    if (!in || a->quit)
        return false;
    if (!in->scripted)
        return read_stdin(a);
    /* A command runs once the frames before it are drawn, so that what it
     * checks or clicks is what the screen shows. */
    if (in->settle > 0) {
        in->settle--;
        return true;
    }
    if (in->wait != WAIT_NONE) {
        if (!wait_over(a))
            return in->settle > 0;
        in->wait = WAIT_NONE;
    }
    char line[LINE_MAX_BYTES];
    if (!next_line(in, line, sizeof line)) {
        a->quit = true; /* the end of the script */
        return false;
    }
    if (!run_command(a, line))
        fail(a, "not a command: %s", line);
    in->settle = 2;
    return true;
}

void app_input_after_frame(App *a)
{
    AppInput *in = a->input;
    if (!in || !in->scripted || !card_showing(a) || a->ui.card_option_count == 0)
        return;
    const ScriptDue *d = game_pending_at(a->game, 0);
    int month = game_state(a->game)->month;
    if (month == in->logged_month && d->event == in->logged_event)
        return;
    in->logged_month = month;
    in->logged_event = d->event;
    in->cards_shown++;
    /* One card per decision: the event, and every province it lists. */
    const CoreState *s = game_state(a->game);
    char when[16], provinces[CORE_MAX_PROVINCES * CORE_ID_LEN] = "";
    month_text(s, month, when, sizeof when);
    size_t used = 0;
    for (int i = 0; i < game_pending_count(a->game) && used < sizeof provinces; i++) {
        const ScriptDue *o = game_pending_at(a->game, i);
        if (o->event == d->event && o->province >= 0)
            used += (size_t)snprintf(provinces + used, sizeof provinces - used, "%s%s", used ? "," : "",
                                     s->info[o->province].id);
    }
    printf("card %d %s %s %s\n", in->cards_shown, when, script_event_at(game_host(a->game), d->event)->id,
           used ? provinces : "-");
    fflush(stdout);
}
