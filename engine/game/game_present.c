/* game_present.c — how a player meets each decision: on a card, as a
 * notice, or not at all. Presentation only: the decisions themselves (one
 * per event and province, with the same effects) are the month loop's. The
 * window follows it when a month begins, and --headless writes it to
 * decisions.csv, so that a test can count a game's cards without a window.
 *
 *   - A national event is a card.
 *   - An event about a province (one named, or each in turn) follows the
 *     player's setting: history decides it (a notice naming history's
 *     choice), or the player is asked on a card that lists every province
 *     where it happens this month. Asked, a repeat (the event was decided
 *     in an earlier month) takes the answer given last time, as a notice.
 *     By default history decides in the historical mode, the player in the
 *     free mode.
 *   - A decision a choices file forces (--choices FILE) is met by no one:
 *     "auto". */
#include "game.h"
#include "game_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool game_event_is_provincial(const ScriptEventInfo *e) { return e && (e->per_province || e->province[0]); }

int game_history_option(const Game *g, const ScriptDue *due)
{
    const ScriptEventInfo *e = script_event_at(game_host_const(g), due->event);
    if (!e)
        return -1;
    const ScriptScenario *sc = game_scenario(g);
    int want = e->historical_option >= 0 ? e->historical_option : e->default_option;
    for (int i = 0; i < sc->choice_count; i++)
        if (strcmp(sc->choice_event[i], e->id) == 0) {
            int o = script_option_find(e, sc->choice_option[i]);
            if (o >= 0)
                want = o;
        }
    /* Only an option offered now can be taken (its `when`). */
    if (script_option_offered(due, want))
        return want;
    if (script_option_offered(due, e->default_option))
        return e->default_option;
    for (int i = 0; i < e->option_count; i++)
        if (script_option_offered(due, i))
            return i;
    return want;
}

bool game_provincial_by_history(GameProvincial setting, bool historical_mode)
{
    return setting == GAME_PROVINCIAL_HISTORY || (setting == GAME_PROVINCIAL_BY_MODE && historical_mode);
}

/* The answer given the last time this event was decided before `month`,
 * or NULL if it never was. */
static const CoreDecision *last_answer(const CoreState *s, const char *event, int month)
{
    for (int i = s->decision_count - 1; i >= 0; i--)
        if (s->decisions[i].month < month && strcmp(s->decisions[i].event, event) == 0)
            return &s->decisions[i];
    return NULL;
}

GameShownAs game_shown_as(const Game *g, const ScriptDue *due, bool historical_mode, GameProvincial setting,
                          int *option)
{
    const ScriptEventInfo *e = script_event_at(game_host_const(g), due->event);
    *option = -1;
    if (!e)
        return GAME_SHOWN_CARD;
    if (e->hidden)
        return *option = game_auto_option(g, due), GAME_SHOWN_HIDDEN;
    if (game_forces_choice(g, e->id))
        return GAME_SHOWN_AUTO;
    if (!game_event_is_provincial(e))
        return GAME_SHOWN_CARD;
    if (game_provincial_by_history(setting, historical_mode)) {
        *option = game_history_option(g, due);
        return GAME_SHOWN_NOTICE;
    }
    const CoreDecision *last = last_answer(game_state(g), e->id, game_state(g)->month);
    if (last && (*option = script_option_find(e, last->option)) >= 0)
        return GAME_SHOWN_NOTICE;
    *option = -1;
    return GAME_SHOWN_CARD;
}

/* ==== decisions.csv ==== */

static const char *const shown_words[] = {"card", "notice", "auto", "hidden"};

/* Appends to a growing buffer; false when out of memory. */
static bool put(char **buf, size_t *len, size_t *cap, const char *text)
{
    size_t n = strlen(text);
    if (*len + n + 1 > *cap) {
        size_t c = *cap ? *cap * 2 : 4096;
        while (c < *len + n + 1)
            c *= 2;
        char *nb = realloc(*buf, c);
        if (!nb)
            return false;
        *buf = nb;
        *cap = c;
    }
    memcpy(*buf + *len, text, n + 1);
    *len += n;
    return true;
}

char *game_decisions_csv(const Game *g, bool historical_mode, GameProvincial setting)
{
    const CoreState *s = game_state(g);
    const ScriptHost *h = game_host_const(g);
    char *buf = NULL;
    size_t len = 0, cap = 0;
    bool ok = put(&buf, &len, &cap, "month,event,provinces,option,shown_as\n");
    bool *done = calloc((size_t)s->decision_count + 1, sizeof *done);
    if (!done)
        ok = false;
    for (int i = 0; ok && i < s->decision_count; i++) {
        if (done[i])
            continue;
        const CoreDecision *d = &s->decisions[i];
        /* One decision: this event in every province it was due in this month. */
        char provinces[CORE_MAX_PROVINCES * CORE_ID_LEN] = "", options[CORE_MAX_PROVINCES * 2 * CORE_ID_LEN] = "";
        bool same = true;
        for (int k = i; k < s->decision_count; k++) {
            const CoreDecision *o = &s->decisions[k];
            if (done[k] || o->month != d->month || strcmp(o->event, d->event) != 0)
                continue;
            done[k] = true;
            const char *pid = o->province >= 0 && o->province < s->province_count ? s->info[o->province].id : "";
            size_t pl = strlen(provinces), ol = strlen(options);
            snprintf(provinces + pl, sizeof provinces - pl, "%s%s", pl ? ";" : "", pid);
            snprintf(options + ol, sizeof options - ol, "%s%s=%s", ol ? ";" : "", pid, o->option);
            same &= strcmp(o->option, d->option) == 0;
        }
        /* How a player of this run would have met it, as the month began. */
        int event = script_event_find(h, d->event);
        const ScriptEventInfo *e = script_event_at(h, event);
        GameShownAs shown = GAME_SHOWN_CARD;
        if (e && e->hidden)
            shown = GAME_SHOWN_HIDDEN;
        else if (e && game_forces_choice(g, e->id))
            shown = GAME_SHOWN_AUTO;
        else if (game_event_is_provincial(e))
            shown = game_provincial_by_history(setting, historical_mode) || last_answer(s, d->event, d->month)
                        ? GAME_SHOWN_NOTICE
                        : GAME_SHOWN_CARD;
        int m = s->start_month - 1 + d->month;
        char line[sizeof provinces + sizeof options + 128];
        snprintf(line, sizeof line, "%d-%02d,%s,%s,%s,%s\n", s->start_year + m / 12, m % 12 + 1, d->event,
                 provinces[0] ? provinces : "-", same ? d->option : options, shown_words[shown]);
        ok = put(&buf, &len, &cap, line);
    }
    free(done);
    if (!ok) {
        free(buf);
        return NULL;
    }
    return buf;
}
