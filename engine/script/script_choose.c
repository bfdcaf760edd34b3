/* script_choose.c — what an option does: its effects run, their commands
 * and the decision queued.
 *
 * A month with a thousand modded events fires hundreds of them, so the
 * fires of a month run together: a run of fires whose effects belong to
 * one mod is one protected call, a loop (choose_loop) calling each
 * option's effects in turn. Each fire is still a call of its own to the
 * script: its own budget (script_call_next_part), its own views and fx
 * (the generation changes between fires, so a view kept from one fire
 * raises in the next), its commands tagged with its own source, and a
 * failure is reported with its event and option. A failing fire's commands
 * are taken back, its event disabled, and the run goes on after it; every
 * fire, failed or not, is recorded as a decision, in the order given. */
#include "script_internal.h"
#include "script_views.h"

#include <stdlib.h>
#include <string.h>

/* The run of fires under way (ScriptHost.choose_run). */
typedef struct ChooseRun {
    ScriptHost *h;
    ScriptCommands *out;
    const ScriptDue *dues;
    const int *options;
    bool record;       /* queue the decisions (not in a preview) */
    int first, last;   /* the run: fires [first, last) of the list */
    int mod;           /* whose effects it runs */
    int at;            /* the fire under way, first - 1 before the first */
    int before;        /* out->count when its effects began */
    int decided;       /* the fires before it are recorded */
    bool call_ok;      /* the run's call returned without an error */
    bool failed;       /* some fire's effects failed */
    char why[CORE_SOURCE_LEN]; /* the source of the fire under way's commands */
    ScriptContext context;
} ChooseRun;

/* The event of fire i, if the fire names one and an option of it. */
static ScriptEvent *fire_event(const ChooseRun *r, int i)
{
    const ScriptDue *d = &r->dues[i];
    if (d->event < 0 || d->event >= r->h->event_count)
        return NULL;
    ScriptEvent *e = &r->h->events[d->event];
    return r->options[i] >= 0 && r->options[i] < e->info.option_count ? e : NULL;
}

/* The mod whose effects fire i runs, or -1 if it runs none. */
static int fire_mod(const ChooseRun *r, int i)
{
    ScriptEvent *e = fire_event(r, i);
    return e && e->fx_ref[r->options[i]] != LUA_NOREF ? e->fx_mod[r->options[i]] : -1;
}

/* "event:<event>/<option>", the source of a fire's commands (copied, not
 * printed: a month may fire a thousand). */
static void fire_source(char *why, const ScriptEvent *e, int option)
{
    const char *parts[] = {"event:", e->info.id, "/", e->info.options[option].id};
    size_t at = 0;
    for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++)
        for (const char *c = parts[k]; *c && at + 1 < CORE_SOURCE_LEN; c++)
            why[at++] = *c;
    why[at] = '\0';
}

/* Records the fires up to `end` as decided, in order (their effects ran,
 * ran none, or failed and were taken back). */
static void decide_upto(ChooseRun *r, int end)
{
    for (; r->decided < end; r->decided++) {
        int i = r->decided;
        ScriptEvent *e = fire_event(r, i);
        if (!r->record || !e)
            continue;
        CoreCommand d = {.kind = CORE_CMD_DECISION, .province = r->dues[i].province};
        if (i == r->at) /* the fire under way: its source was made when it began */
            script_copy(d.source, sizeof d.source, r->why);
        else
            fire_source(d.source, e, r->options[i]);
        script_copy(d.event, sizeof d.event, e->info.id);
        script_copy(d.option, sizeof d.option, e->info.options[r->options[i]].id);
        script_commands_push(r->out, &d); /* out of room: not recorded, as any command */
    }
}

/* Fire i begins: where its commands start, their source, its context. */
static void fire_begin(ChooseRun *r, int i)
{
    ScriptEvent *e = fire_event(r, i);
    r->at = i;
    r->before = r->out->count;
    fire_source(r->why, e, r->options[i]);
    script_copy(r->h->why, sizeof r->h->why, r->why);
    r->context = (ScriptContext){"event", e->info.id, "option", e->info.options[r->options[i]].id, 0};
}

/* ==== The loop ====
 * next() ends the fire under way, if any, and begins the run's next one
 * that runs effects, returning its effects and their arguments (s, fx and,
 * for an event in a province, its view), or nothing when the run is over. */
#define LAZY_RUN 8 /* fires in a run that starts without counting (script_budget.c, "Lazy budget") */

static const char k_choose_loop = 'c'; /* registry: the loop, compiled once a mod state */
static const char choose_loop[] = "local next = ...\n"
                                  "local fn, s, fx, p = next()\n"
                                  "while fn do\n"
                                  "  if p then fn(s, fx, p) else fn(s, fx) end\n"
                                  "  fn, s, fx, p = next()\n"
                                  "end\n";

/* next(), above. Upvalue 1: the run's effects, by fire - first + 1. */
static int l_next(lua_State *L)
{
    ScriptHost *h = script_host_of(L);
    ChooseRun *r = h->choose_run;
    if (r->at >= r->first) {
        decide_upto(r, r->at + 1);
        h->generation++; /* the views and fx it had go stale */
    }
    int i = r->at + 1;
    while (i < r->last && fire_mod(r, i) != r->mod)
        i++;
    if (i == r->last)
        return 0; /* the fires after the last are recorded when the call returns */
    decide_upto(r, i);
    fire_begin(r, i);
    lua_settop(L, 0);
    lua_rawgeti(L, lua_upvalueindex(1), i - r->first + 1);
    script_call_next_part(L, 1);
    script_push_state_view(L);
    script_push_effects(L);
    if (r->dues[i].province < 0)
        return 3;
    script_push_province_view(L, r->dues[i].province);
    return 4;
}

/* The run's call, protected: its effects in a table, the loop called. */
static int run_body(lua_State *L)
{
    ChooseRun *r = lua_touserdata(L, 1);
    ScriptHost *h = r->h;
    luaL_checkstack(L, 8, "the month's choices");
    script_push_engine_loop(L, &k_choose_loop, choose_loop, sizeof choose_loop - 1, CHOOSE_LOOP_CHUNK);
    lua_createtable(L, r->last - r->first, 0);
    for (int i = r->first; i < r->last; i++)
        if (fire_mod(r, i) == r->mod) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, fire_event(r, i)->fx_ref[r->options[i]]);
            lua_rawseti(L, -2, i - r->first + 1);
        }
    lua_pushcclosure(L, l_next, 1);
    void *outer = h->choose_run;
    h->choose_run = r;
    /* A run of a few fires counts from its start: arming the alarm costs
     * about as much as counting a fire's instructions. */
    int where = r->last - r->first >= LAZY_RUN ? SCRIPT_WHERE_PARTS_LAZY : SCRIPT_WHERE_PART;
    r->call_ok = script_call_where(h, r->mod, 1, 0, &r->context, where);
    h->choose_run = outer;
    return 0;
}

/* Runs fires [first, last), whose effects are all r->mod's or none;
 * returns where it stopped: last, or the fire after one that failed. */
static int run_fires(ChooseRun *r, CoreState *s, int first, int last)
{
    ScriptHost *h = r->h;
    r->first = first;
    r->last = last;
    r->at = first - 1;
    r->call_ok = false;
    r->context = (ScriptContext){"event", "", "option", "", 0};
    ScriptScope scope;
    script_begin(h, &scope, s, r->out, "", !r->record);
    bool ok = script_protected(h, r->mod, run_body, r, "the month's choices") && r->call_ok;
    script_end(h, &scope);
    if (ok) {
        decide_upto(r, last);
        return last;
    }
    if (r->at < first) { /* before its first fire began: that fire fails */
        int i = first;
        while (fire_mod(r, i) != r->mod)
            i++;
        decide_upto(r, i);
        r->at = i;
        r->before = r->out->count;
    }
    /* Nothing half-done: its commands go, its decision stays. */
    r->out->count = r->before;
    r->decided = r->at;
    r->failed = true;
    script_event_disable(h, &h->events[r->dues[r->at].event]);
    decide_upto(r, r->at + 1);
    return r->at + 1;
}

bool script_events_choose(ScriptHost *h, CoreState *s, const ScriptDue *dues, const int *options, int n,
                          ScriptCommands *out)
{
    ChooseRun r = {.h = h, .out = out, .dues = dues, .options = options, .record = true, .at = -1};
    bool ok = true;
    for (int i = 0; i < n;) {
        /* A run: one mod's effects, with the fires that run none among them. */
        int mod = -1, end = i;
        for (; end < n; end++) {
            int m = fire_mod(&r, end);
            if (m >= 0 && mod >= 0 && m != mod)
                break;
            if (m >= 0)
                mod = m;
        }
        if (mod < 0) {
            decide_upto(&r, end);
            i = end;
            continue;
        }
        r.mod = mod;
        i = run_fires(&r, s, i, end);
    }
    for (int i = 0; i < n; i++)
        ok &= fire_event(&r, i) != NULL;
    return ok && !r.failed;
}

/* ==== One option, or its preview ==== */

bool script_event_choose(ScriptHost *h, CoreState *s, const ScriptDue *due, int option, bool preview,
                         ScriptCommands *out)
{
    if (!due || due->event < 0 || due->event >= h->event_count)
        return false;
    ScriptEvent *e = &h->events[due->event];
    if (option < 0 || option >= e->info.option_count)
        return false;
    if (!preview)
        return script_events_choose(h, s, due, &option, 1, out);
    if (e->fx_ref[option] == LUA_NOREF)
        return true;
    /* A preview runs against a copy of the script RNG and puts the mod's
     * storage back; it records nothing. A storage that cannot be copied (it
     * holds a function) cannot be put back either; the save will report it. */
    CoreRng saved = s->script_rng;
    int mod = e->fx_mod[option];
    char *storage = NULL;
    size_t storage_len = 0;
    bool keep_storage = script_storage_snapshot(h, mod, &storage, &storage_len);
    ChooseRun r = {.h = h, .out = out, .dues = due, .options = &option, .record = false, .mod = mod, .at = -1};
    run_fires(&r, s, 0, 1);
    if (keep_storage)
        script_storage_rollback(h, mod, storage, storage_len);
    s->script_rng = saved;
    return !r.failed;
}
