/* game_moment.c — saves that keep everything (game.h, "Saves that keep
 * everything"): the moment of a month, as its start and the journal of the
 * player's steps since, and the journal replayed on a restored game. */
#include "game.h"
#include "game_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool game_moment(Game *g, GameMoment *m, char *err, size_t cap)
{
    memset(m, 0, sizeof *m);
    if (!g->keep_moment) { /* saved between months: the state is the month's start */
        if (g->journal_count > 0 || g->cmds.count > 0 || game_pending_count(g) < g->pending.count) {
            snprintf(err, cap, "this game keeps no record of its month: save it before the month's decisions");
            return false;
        }
        script_mod_saves_free(g->month_storage, g->month_storage_count);
        g->month_storage_count = 0;
        if (!g->month_storage && !(g->month_storage = calloc(SCRIPT_MAX_MODS, sizeof *g->month_storage)))
            return snprintf(err, cap, "out of memory"), false;
        if (!script_mods_save(g->host, g->month_storage, SCRIPT_MAX_MODS, &g->month_storage_count, err, cap))
            return false;
        m->state = g->state;
    } else {
        if (!g->month_storage_ok)
            return snprintf(err, cap, "%s", g->month_storage_err), false;
        m->state = g->month_start;
    }
    m->mods = g->month_storage;
    m->mod_count = g->month_storage_count;
    /* One line a step: "choose EVENT PROVINCE OPTION", "policy ID enact",
     * "fire EVENT PROVINCE". Ids are single words. */
    size_t need = 1;
    for (int i = 0; i < g->journal_count; i++)
        need += 16 + 3 * CORE_ID_LEN;
    if (!(m->journal = malloc(need)))
        return snprintf(err, cap, "out of memory"), false;
    size_t used = 0;
    m->journal[0] = '\0';
    for (int i = 0; i < g->journal_count; i++) {
        const GameJournalEntry *j = &g->journal[i];
        const char *kind = j->kind == 'c' ? "choose" : j->kind == 'p' ? "policy" : "fire";
        used += (size_t)snprintf(m->journal + used, need - used, "%s %s %s%s%s\n", kind, j->a, j->b, j->c[0] ? " " : "",
                                 j->c);
    }
    m->journal_len = used;
    return true;
}

void game_moment_free(GameMoment *m)
{
    free(m->journal);
    memset(m, 0, sizeof *m);
}

/* The pending event an answer in the journal names. */
static int find_pending(const Game *g, const char *event, const char *province)
{
    for (int k = 0; k < g->pending.count; k++) {
        const ScriptEventInfo *e = script_event_at(g->host, g->pending.items[k].event);
        if (!g->marks[k].resolved && e && strcmp(e->id, event) == 0 &&
            strcmp(game_province_word(g, g->pending.items[k].province), province) == 0)
            return k;
    }
    return -1;
}

bool game_replay_journal(Game *g, const char *text, size_t len, char *err, size_t cap)
{
    size_t at = 0;
    int line_no = 0;
    while (at < len) {
        const char *start = text + at, *nl = memchr(start, '\n', len - at);
        size_t n = nl ? (size_t)(nl - start) : len - at;
        at += n + (nl ? 1 : 0);
        line_no++;
        char line[256], kind[16], a[CORE_ID_LEN], b[CORE_ID_LEN], c[CORE_ID_LEN];
        snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1), start);
        int got = sscanf(line, "%15s %39s %39s %39s", kind, a, b, c);
        bool ok = true;
        if (got < 1 || kind[0] == '#')
            continue;
        if (strcmp(kind, "choose") == 0 && got == 4) {
            int k = find_pending(g, a, b);
            const ScriptEventInfo *e = k >= 0 ? script_event_at(g->host, g->pending.items[k].event) : NULL;
            int option = e ? script_option_find(e, c) : -1;
            int index = 0; /* game_choose counts the events still waiting */
            for (int i = 0; i < k; i++)
                index += !g->marks[i].resolved;
            ok = option >= 0 && game_choose(g, index, option);
        } else if (strcmp(kind, "policy") == 0 && got >= 3)
            ok = game_set_policy(g, a, strcmp(b, "enact") == 0);
        else if (strcmp(kind, "fire") == 0 && got >= 3) {
            char why[512];
            ok = game_fire_event(g, a, strcmp(b, "-") == 0 ? NULL : b, why, sizeof why);
        } else
            continue; /* another layer's line (the view): not the game's */
        if (!ok && g->lenient_replay)
            continue; /* a step of a mod left out of the game */
        if (!ok)
            return snprintf(err, cap, "the save's month does not replay with the loaded mods (step %d: %s)", line_no,
                            line),
                   false;
    }
    return true;
}

