/* game_reckon.c — "what did my choices change?" (game_reckon.h). The
 * player's decisions become a choices table (the last option taken for each
 * event, the board's policy changes as a timeline); each campaign replays it
 * headless, with or without one decision flipped. */
#include "game_reckon.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct GameReckoning {
    GameDesc desc;
    ScriptChoices played;           /* the player's choices, as a choices table */
    int item_count;
    GameReckonItem items[GAME_RECKON_MAX_ITEMS];
    double played_excess[GAME_RECKON_SEEDS];
    double flipped_excess[GAME_RECKON_MAX_ITEMS][GAME_RECKON_SEEDS];
    int next;                       /* next campaign: seeds of the played run first, then item × seed */
    int total;
    char error[256];
};

double game_excess_deaths(const CoreState *s, int first_year, int last_year)
{
    double excess = 0;
    for (int year = first_year; year <= last_year; year++) {
        CoreYear y;
        if (!core_year_summary(s, year, CORE_ALL_PROVINCES, &y))
            continue;
        double mid = 0.5 * (double)(y.population_start + y.population);
        double normal = y.normal_death_rate / 1000.0 * mid * y.months / 12.0;
        excess += (double)y.deaths - normal;
    }
    return excess;
}

static void month_text(const CoreState *s, int month, char *out, size_t cap)
{
    int y = s->start_year + (s->start_month - 1 + month) / 12, m = (s->start_month - 1 + month) % 12 + 1;
    char text[32];
    snprintf(text, sizeof text, "%04d-%02d", y, m);
    snprintf(out, cap, "%.7s", text); /* "YYYY-MM" */
}

/* The option to try instead of the player's: history's if the player took
 * another, else the event's first other option. Empty if there is none. */
static void flip_of(const ScriptEventInfo *e, const char *chosen, char *out, size_t cap)
{
    out[0] = '\0';
    if (e->historical_option >= 0 && strcmp(e->options[e->historical_option].id, chosen) != 0) {
        snprintf(out, cap, "%s", e->options[e->historical_option].id);
        return;
    }
    for (int o = 0; o < e->option_count; o++)
        if (strcmp(e->options[o].id, chosen) != 0) {
            snprintf(out, cap, "%s", e->options[o].id);
            return;
        }
}

GameReckoning *game_reckon_create(const GameDesc *desc, const CoreState *played, bool historical)
{
    GameReckoning *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->desc = *desc;
    r->desc.chooser = historical ? GAME_CHOOSE_HISTORY : GAME_CHOOSE_DEFAULTS;
    r->desc.follow_history = historical;
    r->desc.choices = NULL;
    r->played.historical_base = historical;
    /* The events, from a game that loads the same mods (for their options). */
    char err[256];
    Game *probe = game_create(&r->desc, err, sizeof err);
    if (!probe) {
        snprintf(r->error, sizeof r->error, "%s", err);
        return r;
    }
    ScriptHost *h = game_host(probe);
    for (int i = 0; i < played->decision_count && i < CORE_MAX_DECISIONS; i++) {
        const CoreDecision *d = &played->decisions[i];
        int ev = script_event_find(h, d->event);
        const ScriptEventInfo *e = script_event_at(h, ev);
        if (!e || e->option_count < 2)
            continue; /* nothing to flip */
        GameReckonItem *it = NULL;
        for (int k = 0; k < r->item_count; k++)
            if (strcmp(r->items[k].event, d->event) == 0)
                it = &r->items[k];
        if (!it) {
            if (r->item_count >= GAME_RECKON_MAX_ITEMS)
                continue;
            it = &r->items[r->item_count++];
            snprintf(it->event, sizeof it->event, "%s", d->event);
        }
        snprintf(it->option, sizeof it->option, "%s", d->option);
        it->times++;
    }
    for (int k = 0; k < r->item_count; k++) {
        GameReckonItem *it = &r->items[k];
        if (it->policy)
            continue;
        flip_of(script_event_at(h, script_event_find(h, it->event)), it->option, it->flipped, sizeof it->flipped);
        ScriptChoiceOverride *o = &r->played.overrides[r->played.override_count++];
        snprintf(o->event, sizeof o->event, "%s", it->event);
        snprintf(o->option, sizeof o->option, "%s", it->option);
        it->override_index = r->played.override_count - 1;
    }
    /* The board's changes are in the effect log, tagged "player:<policy>". */
    int first = played->effect_count > CORE_EFFECT_LOG_CAP ? played->effect_count - CORE_EFFECT_LOG_CAP : 0;
    for (int i = first; i < played->effect_count && r->played.timeline_count < SCRIPT_MAX_TIMELINE; i++) {
        const CoreEffectEntry *e = &played->effects[i % CORE_EFFECT_LOG_CAP];
        const char *source = core_source_name(played, e->source);
        if ((e->kind != CORE_CMD_POLICY_ENACT && e->kind != CORE_CMD_POLICY_REPEAL) || !source ||
            strncmp(source, "player:", 7) != 0)
            continue;
        int t = r->played.timeline_count++;
        r->played.timeline[t].enact = e->kind == CORE_CMD_POLICY_ENACT;
        snprintf(r->played.timeline[t].policy, sizeof r->played.timeline[t].policy, "%s", source + 7);
        month_text(played, e->month, r->played.timeline_dates[t], sizeof r->played.timeline_dates[t]);
        /* Each change from the board is a decision too: tried undone. */
        if (r->item_count < GAME_RECKON_MAX_ITEMS) {
            GameReckonItem *it = &r->items[r->item_count++];
            memset(it, 0, sizeof *it);
            it->policy = true;
            it->times = 1;
            it->timeline_index = t;
            snprintf(it->event, sizeof it->event, "%s", source + 7);
            snprintf(it->option, sizeof it->option, "%s", r->played.timeline[t].enact ? "enact" : "repeal");
            memcpy(it->month, r->played.timeline_dates[t], sizeof it->month);
        }
    }
    game_destroy(probe);
    r->total = GAME_RECKON_SEEDS * (1 + r->item_count);
    return r;
}

void game_reckon_destroy(GameReckoning *r) { free(r); }

/* One campaign: the played choices, with item `flip` flipped (-1: none). */
static bool campaign(GameReckoning *r, int flip, uint64_t seed, double *excess_out)
{
    ScriptChoices *c = malloc(sizeof *c);
    if (!c) {
        snprintf(r->error, sizeof r->error, "out of memory");
        return false;
    }
    *c = r->played;
    const GameReckonItem *it = flip >= 0 ? &r->items[flip] : NULL;
    if (it && it->policy) { /* the board's change undone: out of the timeline */
        int t = it->timeline_index;
        memmove(&c->timeline[t], &c->timeline[t + 1], sizeof c->timeline[0] * (size_t)(c->timeline_count - t - 1));
        memmove(&c->timeline_dates[t], &c->timeline_dates[t + 1],
                sizeof c->timeline_dates[0] * (size_t)(c->timeline_count - t - 1));
        c->timeline_count--;
    } else if (it) {
        snprintf(c->overrides[it->override_index].option, sizeof c->overrides[it->override_index].option, "%s",
                 it->flipped);
    }
    GameDesc d = r->desc;
    d.seed = seed;
    d.choices = c;
    char err[256];
    Game *g = game_create(&d, err, sizeof err);
    bool ok = g && game_run_until(g, 1962, 12, err, sizeof err);
    if (ok)
        *excess_out = game_excess_deaths(game_state(g), 1959, 1961) / 1e6;
    else
        snprintf(r->error, sizeof r->error, "%s", err);
    game_destroy(g);
    free(c);
    return ok;
}

bool game_reckon_step(GameReckoning *r)
{
    if (r->error[0] || r->next >= r->total)
        return false;
    int k = r->next++;
    int seed = k % GAME_RECKON_SEEDS, item = k / GAME_RECKON_SEEDS - 1;
    if (item >= 0 && !r->items[item].policy && !r->items[item].flipped[0]) { /* nothing to try instead */
        r->flipped_excess[item][seed] = r->played_excess[seed];
    } else {
        double *out = item < 0 ? &r->played_excess[seed] : &r->flipped_excess[item][seed];
        if (!campaign(r, item, (uint64_t)seed + 1, out))
            return false;
    }
    if (item >= 0 && seed == GAME_RECKON_SEEDS - 1) {
        GameReckonItem *it = &r->items[item];
        it->change_min_m = INFINITY;
        it->change_max_m = -INFINITY;
        for (int s = 0; s < GAME_RECKON_SEEDS; s++) {
            double change = r->flipped_excess[item][s] - r->played_excess[s];
            it->change_min_m = fmin(it->change_min_m, change);
            it->change_max_m = fmax(it->change_max_m, change);
        }
        it->done = true;
    }
    return r->next < r->total;
}

double game_reckon_progress(const GameReckoning *r)
{
    return r->total > 0 ? (double)r->next / r->total : 1.0;
}

const char *game_reckon_error(const GameReckoning *r) { return r->error; }
int game_reckon_count(const GameReckoning *r) { return r->item_count; }

const GameReckonItem *game_reckon_item(const GameReckoning *r, int i)
{
    return i >= 0 && i < r->item_count ? &r->items[i] : NULL;
}

void game_reckon_played_range(const GameReckoning *r, double *min_m, double *max_m)
{
    *min_m = INFINITY;
    *max_m = -INFINITY;
    int done = r->next < GAME_RECKON_SEEDS ? r->next : GAME_RECKON_SEEDS;
    for (int s = 0; s < done; s++) {
        *min_m = fmin(*min_m, r->played_excess[s]);
        *max_m = fmax(*max_m, r->played_excess[s]);
    }
}
