/* script_events.c — running the content each month: which events fire
 * (date or mean time to happen, once their trigger holds), what an option
 * does, the policies' monthly hooks and the scenario's setup. Every call is
 * protected; a failing trigger, effect or hook disables that piece only. */
#include "platform.h"
#include "script_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int abs_month(const CoreState *s) { return core_state_year(s) * 12 + core_state_month_of_year(s) - 1; }

/* A uniform number for (seed, event, month, province) that does not depend
 * on anything else the run did, so that a different choice elsewhere does not
 * reshuffle when unrelated events fire. FNV-1a, then a splitmix64 finish. */
static double event_roll(const CoreState *s, const char *id, int month, int province)
{
    uint64_t x = plat_fnv1a(PLAT_FNV1A_BASIS ^ s->seed, id, strlen(id));
    x ^= (uint64_t)(uint32_t)month << 20 ^ (uint64_t)(uint32_t)(province + 1);
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return (double)(x >> 11) / 9007199254740992.0;
}

void script_event_disable(ScriptHost *h, ScriptEvent *e)
{
    e->info.disabled = true;
    if (h->desc.on_log)
        h->desc.on_log(e->info.mod, "event disabled for this session after an error", h->desc.user);
}

/* Pushes field `key` of the event's declaration table. */
static void push_decl_field(lua_State *L, int ref, const char *key)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    lua_getfield(L, -1, key);
    lua_remove(L, -2);
}

/* Reports a predicate's answer that is neither true nor false (the value
 * on top of the stack, the function at index `fn`), where the function is
 * defined: a trigger that returns a number or nil is a mistake, not a yes.
 * Pops the value. */
static void report_not_boolean(ScriptHost *h, int mod, const ScriptContext *context, int fn)
{
    lua_State *L = h->mods[mod].L;
    int type = lua_type(L, -1);
    char value[64];
    if (type == LUA_TNUMBER)
        snprintf(value, sizeof value, "the number %.14g", (double)lua_tonumber(L, -1));
    else if (type == LUA_TSTRING)
        snprintf(value, sizeof value, "a string");
    else
        snprintf(value, sizeof value, "%s", type == LUA_TNIL ? "nil (or nothing)" : lua_typename(L, type));
    lua_pop(L, 1);
    lua_pushvalue(L, fn);
    lua_Debug def;
    if (!lua_getinfo(L, ">S", &def)) /* pops the copy */
        def.source = NULL;
    char text[SCRIPT_CONTEXT_LEN];
    script_context_text(context, text, sizeof text);
    script_report(h, mod, text, def.source && def.source[0] == '@' ? def.source + 1 : "",
                  def.source ? def.linedefined : 0,
                  "%s returned %s: it must return true or false (compare, or write 'return x ~= nil')", text, value);
}

/* Calls fn(s [, p]), already on the stack of mod `mod`'s state, and reads
 * its boolean (anything else is reported, report_not_boolean). The
 * context is put into words only on failure. */
static bool call_predicate(ScriptHost *h, int mod, int province, const ScriptContext *context, bool *result)
{
    lua_State *L = h->mods[mod].L;
    lua_pushvalue(L, -1); /* fn fn: the copy says where it is defined, if it answers wrong */
    int top = lua_gettop(L) - 2;
    script_push_state_view(L);
    int nargs = 1;
    if (province >= 0) {
        script_push_province_view(L, province);
        nargs = 2;
    }
    if (!script_call_in(h, mod, nargs, 1, context)) {
        lua_settop(L, top);
        return false;
    }
    int type = lua_type(L, -1);
    *result = type == LUA_TBOOLEAN && lua_toboolean(L, -1);
    if (type != LUA_TBOOLEAN) {
        report_not_boolean(h, mod, context, top + 1);
        lua_settop(L, top);
        return false;
    }
    lua_settop(L, top);
    return true;
}

/* ==== The month's triggers, one call a mod ====
 * An event checked in every province runs its trigger in each: with a
 * thousand modded events, 28,000 calls a month, where a protected call of
 * each (and then one per event) cost more than the triggers (issue 16). So
 * the engine's loop below runs the triggers of all of a mod's events due
 * for a check this month, in every province, inside one protected call.
 * Each trigger still gets (s, p) for each province in order and must answer
 * true or false; each event's triggers have a call's budget (instructions
 * and time) of their own (script_call_next_part). An error, a limit or an
 * answer that is neither true nor false stops the call: that event is
 * reported at its trigger's file and line and disabled, it fires nowhere
 * this month, and the loop goes on from the next event in a new call. The
 * events' other checks (the mean time to happen, the options offered) run
 * afterwards, event by event, where a trigger held. */
static const char k_trigger_loop = 'l'; /* registry: the loop, compiled once a mod state */
static const char trigger_loop[] =
    "local fns, skips, out, views, first, last, k, n, part = ...\n"
    "local s, lo, hi = views[1], first + 3, last + 3\n" /* province p's view is views[p + 3] */
    "while k <= n do\n"
    "  local trigger, skip, holds = fns[k], skips[k], 0\n"
    "  part(k, trigger)\n"
    "  if skip == 0 then\n" /* the usual case, without the test */
    "    for q = lo, hi do\n"
    "      local r = trigger(s, views[q])\n"
    "      if r ~= false then\n" /* false, the usual answer, in one test */
    "        if r == true then holds = holds | (1 << (q - 3)) else return k, q - 3, r end\n"
    "      end\n"
    "    end\n"
    "  else\n"
    "    for q = lo, hi do\n"
    "      if skip & (1 << (q - 3)) == 0 then\n"
    "        local r = trigger(s, views[q])\n"
    "        if r ~= false then\n"
    "          if r == true then holds = holds | (1 << (q - 3)) else return k, q - 3, r end\n"
    "        end\n"
    "      end\n"
    "    end\n"
    "  end\n"
    "  out[k] = holds\n"
    "  k = k + 1\n"
    "end\n"
    "return -1, -1, nil\n";

/* The batch the loop is running (ScriptHost.trigger_batch). */
typedef struct TriggerBatch {
    ScriptContext context; /* the event under way: a failure is reported with it */
    const int *events;     /* the batch's events, by place k - 1 */
    int at;                /* the place k under way */
} TriggerBatch;

/* part(k, trigger): the loop begins event k (a new part of the call). */
static int l_part(lua_State *L)
{
    ScriptHost *h = script_host_of(L);
    TriggerBatch *b = h->trigger_batch;
    b->at = (int)lua_tointeger(L, 1);
    b->context.id = h->events[b->events[b->at - 1]].info.id;
    script_call_next_part(L, 2);
    return 0;
}

/* Whether the trigger holds; `trigger` is the index of the event's trigger
 * function on the stack, or 0 to look it up. */
static bool trigger_holds(ScriptHost *h, ScriptEvent *e, int province, int trigger, bool *ok)
{
    lua_State *L = h->mods[e->mod].L;
    *ok = true;
    if (trigger)
        lua_pushvalue(L, trigger);
    else
        push_decl_field(L, e->ref, "trigger");
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        return true;
    }
    bool result = false;
    *ok = call_predicate(h, e->mod, province, &(ScriptContext){"event", e->info.id, "trigger", NULL, 0}, &result);
    return result;
}

bool script_event_trigger_holds(ScriptHost *h, ScriptEvent *e, int province, bool *ok)
{
    return trigger_holds(h, e, province, 0, ok);
}

/* Mean time to happen in months after the modifiers whose `when` holds. */
static double effective_mtth(ScriptHost *h, ScriptEvent *e, int province, bool *ok)
{
    double mtth = e->info.mtth_months;
    lua_State *L = h->mods[e->mod].L;
    *ok = true;
    for (int i = 1; i <= e->mtth_modifier_count && *ok; i++) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, e->ref); /* decl */
        lua_getfield(L, -1, "when");               /* decl when */
        lua_getfield(L, -1, "modifiers");          /* decl when mods */
        lua_rawgeti(L, -1, i);                     /* decl when mods m */
        lua_getfield(L, -1, "factor");
        double factor = lua_tonumber(L, -1);
        lua_pop(L, 1);
        lua_getfield(L, -1, "when");               /* decl when mods m fn */
        lua_replace(L, -5);                        /* fn when mods m */
        lua_pop(L, 3);                             /* fn */
        bool holds = false;
        *ok = call_predicate(h, e->mod, province, &(ScriptContext){"event", e->info.id, "MTTH modifier", NULL, i},
                             &holds);
        if (*ok && holds)
            mtth *= factor;
    }
    return mtth;
}

double script_event_roll(const CoreState *s, const char *id, int province)
{
    return event_roll(s, id, abs_month(s), province);
}

bool script_event_mtth(ScriptHost *h, int event, int province, double *mtth)
{
    bool ok;
    *mtth = effective_mtth(h, &h->events[event], province, &ok);
    return ok;
}

typedef enum Roll { ROLL_NO, ROLL_FIRE, ROLL_ERROR } Roll;

/* Whether an event whose trigger holds in `province` fires now. */
static Roll fires_once_held(ScriptHost *h, CoreState *s, ScriptEvent *e, int province, int now)
{
    bool ok;
    if (e->info.mtth_months <= 0)
        return ROLL_FIRE;
    double mtth = effective_mtth(h, e, province, &ok);
    if (!ok)
        return ROLL_ERROR;
    return event_roll(s, e->info.id, now, province) < 1.0 - exp(-1.0 / mtth) ? ROLL_FIRE : ROLL_NO;
}

static Roll fires_now(ScriptHost *h, CoreState *s, ScriptEvent *e, int province, int now, int trigger)
{
    bool ok;
    bool holds = trigger_holds(h, e, province, trigger, &ok);
    if (!ok)
        return ROLL_ERROR;
    return holds ? fires_once_held(h, s, e, province, now) : ROLL_NO;
}

typedef struct RollJob {
    ScriptHost *h;
    CoreState *s;
    ScriptEvent *e;
    int province, now;
    Roll result;
} RollJob;

static int roll_body(lua_State *L)
{
    RollJob *j = lua_touserdata(L, 1);
    j->result = fires_now(j->h, j->s, j->e, j->province, j->now, 0);
    return 0;
}

/* ==== Options offered ==== */

typedef struct OfferJob {
    ScriptHost *h;
    ScriptEvent *e;
    int option, province;
    bool ok, holds;
} OfferJob;

static int offer_body(lua_State *L)
{
    OfferJob *j = lua_touserdata(L, 1);
    lua_rawgeti(L, LUA_REGISTRYINDEX, j->e->when_ref[j->option]);
    char context[128];
    snprintf(context, sizeof context, "event %s: option %s: when", j->e->info.id, j->e->info.options[j->option].id);
    j->ok = call_predicate(j->h, j->e->when_mod[j->option], j->province, &(ScriptContext){.what = context}, &j->holds);
    return 0;
}

/* Sets due->unavailable; call inside script_begin. */
void script_event_offered(ScriptHost *h, CoreState *s, ScriptDue *due)
{
    (void)s;
    ScriptEvent *e = &h->events[due->event];
    due->unavailable = 0;
    for (int o = 0; o < e->info.option_count; o++) {
        if (e->when_ref[o] == LUA_NOREF)
            continue;
        OfferJob j = {h, e, o, due->province, false, false};
        bool ok = script_protected(h, e->when_mod[o], offer_body, &j, "option when") && j.ok;
        if (!ok || !j.holds)
            due->unavailable |= (uint8_t)(1u << o);
    }
    if (due->unavailable == (uint8_t)((1u << e->info.option_count) - 1))
        due->unavailable &= (uint8_t)~(1u << e->info.default_option);
}

void script_due_options(ScriptHost *h, CoreState *s, ScriptDue *due)
{
    if (!due || due->event < 0 || due->event >= h->event_count)
        return;
    ScriptScope scope;
    script_begin(h, &scope, s, NULL, "", false);
    script_event_offered(h, s, due);
    script_end(h, &scope);
}

/* The events of one mod whose time has come, found in one protected body
 * (which protects the host's own pushes): the triggers checked in every
 * province first, together (batch_triggers), then each event in order;
 * a failing trigger or predicate disables its event only. */
typedef struct DueJob {
    ScriptHost *h;
    CoreState *s;
    int now, first, last;    /* events [first, last), all of one mod */
    ScriptDueList *out;
    bool out_of_memory;
    /* By event - first (NULL: none run together): whether its triggers ran
     * in batch_triggers, and in which provinces they held (bit p). */
    bool *batched;
    uint32_t *held;
} DueJob;

static void due_event(DueJob *j, int i)
{
    ScriptHost *h = j->h;
    CoreState *s = j->s;
    ScriptEvent *e = &h->events[i];
    const ScriptEventInfo *in = &e->info;
    if (in->disabled || in->chained || h->mods[e->mod].disabled || (in->date_ym >= 0 && j->now < in->date_ym) ||
        (in->until_ym >= 0 && j->now > in->until_ym))
        return;
    int first = -1, last = -1; /* one national pass, or one per province */
    if (in->per_province) {
        first = 0;
        last = s->province_count - 1;
    } else if (in->province[0]) {
        first = last = core_province_find(s, in->province);
        if (first < 0) {
            script_report(h, e->mod, "event", in->file, 1, "event '%s' names unknown province '%s'", in->id,
                          in->province);
            script_event_disable(h, e);
            return;
        }
    }
    /* In more than one province, the trigger ran in batch_triggers; what
     * follows (the mean time to happen, the roll, the options offered) runs
     * only where it held. */
    lua_State *L = h->mods[e->mod].L;
    int top = lua_gettop(L), trigger = 0;
    bool batch = j->batched && j->batched[i - j->first];
    uint32_t held = batch ? j->held[i - j->first] : 0;
    if (!batch) {
        push_decl_field(L, e->ref, "trigger");
        trigger = lua_gettop(L);
    }
    for (int p = first; p <= last; p++) {
        if (batch ? !(held & (1u << p)) : in->once && core_decision_find(s, in->id, p) != NULL)
            continue;
        Roll r = batch ? fires_once_held(h, s, e, p, j->now) : fires_now(h, s, e, p, j->now, trigger);
        if (r == ROLL_ERROR) {
            script_event_disable(h, e);
            break;
        }
        if (r == ROLL_FIRE) {
            if (!script_due_push(j->out, (ScriptDue){i, p, 0})) {
                j->out_of_memory = true;
                break;
            }
            script_event_offered(h, s, &j->out->items[j->out->count - 1]);
        }
    }
    lua_settop(L, top);
}

/* Whether event i's trigger runs with the batch (every province), and its
 * first check: in no province it already fired in if it fires once. */
static bool batchable(DueJob *j, int i, uint32_t *skip)
{
    const ScriptEventInfo *in = &j->h->events[i].info;
    *skip = 0;
    if (in->disabled || in->chained || !in->per_province || j->s->province_count < 2 ||
        (in->date_ym >= 0 && j->now < in->date_ym) || (in->until_ym >= 0 && j->now > in->until_ym))
        return false;
    if (in->once)
        *skip = core_decided_provinces(j->s, in->id);
    return true;
}

/* Runs the triggers of the job's events checked in every province
 * (section above), filling j->batched and j->held. Raises on memory errors
 * (the caller is protected). */
static void batch_triggers(DueJob *j)
{
    ScriptHost *h = j->h;
    int mod = h->events[j->first].mod, count = j->last - j->first, last = j->s->province_count - 1;
    if (h->mods[mod].disabled)
        return;
    lua_State *L = h->mods[mod].L;
    luaL_checkstack(L, 24, "the month's triggers");
    int top = lua_gettop(L);
    int *events = lua_newuserdatauv(L, sizeof *events * (size_t)count, 0);
    lua_createtable(L, count, 0); /* fns */
    lua_createtable(L, count, 0); /* skips */
    lua_createtable(L, count, 0); /* out */
    int fns = top + 2, skips = top + 3, out = top + 4, n = 0;
    uint32_t all = (uint32_t)((2ull << last) - 1);
    for (int i = j->first; i < j->last; i++) {
        uint32_t skip;
        if (!batchable(j, i, &skip))
            continue;
        push_decl_field(L, h->events[i].ref, "trigger");
        if (lua_type(L, -1) != LUA_TFUNCTION) { /* none (always holds), or not a function: checked alone */
            lua_pop(L, 1);
            continue;
        }
        j->batched[i - j->first] = true; /* held stays 0 where it never runs */
        if (skip == all) {
            lua_pop(L, 1);
            continue;
        }
        events[n++] = i;
        lua_rawseti(L, fns, n);
        lua_pushinteger(L, (lua_Integer)skip);
        lua_rawseti(L, skips, n);
    }
    script_push_engine_loop(L, &k_trigger_loop, trigger_loop, sizeof trigger_loop - 1, TRIGGER_LOOP_CHUNK);
    int loop = lua_gettop(L);
    void *outer = h->trigger_batch;
    TriggerBatch b = {{"event", NULL, "trigger", NULL, 0}, events, 1};
    for (int k = 1; k <= n && !h->mods[mod].disabled;) {
        lua_pushvalue(L, loop);
        lua_pushvalue(L, fns);
        lua_pushvalue(L, skips);
        lua_pushvalue(L, out);
        script_push_views(L, last + 1);
        lua_pushinteger(L, 0);
        lua_pushinteger(L, last);
        lua_pushinteger(L, k);
        lua_pushinteger(L, n);
        lua_pushcfunction(L, l_part);
        b.at = k;
        b.context.id = h->events[events[k - 1]].info.id;
        h->trigger_batch = &b;
        bool ok = script_call_where(h, mod, 9, 3, &b.context, SCRIPT_WHERE_PARTS_LAZY);
        h->trigger_batch = outer;
        if (!ok) { /* reported at the trigger; its event is out */
            script_event_disable(h, &h->events[events[b.at - 1]]);
            k = b.at + 1;
            continue;
        }
        int bad = (int)lua_tointeger(L, -3);
        if (bad < 1) {
            lua_pop(L, 3);
            break;
        }
        /* k p value: the answer of event `bad`'s trigger was not a boolean */
        b.context.id = h->events[events[bad - 1]].info.id;
        lua_rawgeti(L, fns, bad);
        lua_insert(L, -2);
        report_not_boolean(h, mod, &b.context, lua_gettop(L) - 1);
        lua_pop(L, 3);
        script_event_disable(h, &h->events[events[bad - 1]]);
        k = bad + 1;
    }
    for (int k = 1; k <= n; k++) {
        if (lua_rawgeti(L, out, k) == LUA_TNUMBER)
            j->held[events[k - 1] - j->first] = (uint32_t)lua_tointeger(L, -1);
        lua_pop(L, 1);
    }
    lua_settop(L, top);
}
static int due_body(lua_State *L)
{
    DueJob *j = lua_touserdata(L, 1);
    if (j->batched)
        batch_triggers(j);
    for (int i = j->first; i < j->last && !j->out_of_memory; i++)
        due_event(j, i);
    return 0;
}

bool script_due_push(ScriptDueList *l, ScriptDue due)
{
    if (l->count == l->cap) {
        int cap = l->cap ? l->cap * 2 : 64;
        ScriptDue *n = realloc(l->items, sizeof *n * (size_t)cap);
        if (!n)
            return false;
        l->items = n;
        l->cap = cap;
    }
    l->items[l->count++] = due;
    return true;
}

void script_due_list_free(ScriptDueList *l)
{
    free(l->items);
    memset(l, 0, sizeof *l);
}

/* The order of the month's due events: round by round, one event of each
 * mod that has one left, mods in load order; each mod's in the order it
 * found them (its events as declared, provinces in order). `rank` is a
 * due event's place among its mod's. */
typedef struct DueKey {
    int rank, mod, at;
} DueKey;

static int due_key_cmp(const void *a, const void *b)
{
    const DueKey *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    if (x->mod != y->mod)
        return x->mod < y->mod ? -1 : 1;
    return (x->at > y->at) - (x->at < y->at);
}

static bool interleave_mods(ScriptHost *h, ScriptDueList *l, int from)
{
    int n = l->count - from, ranks[SCRIPT_MAX_MODS] = {0};
    bool several = false;
    for (int i = from; i < l->count; i++)
        several |= h->events[l->items[i].event].mod != h->events[l->items[from].event].mod;
    if (!several)
        return true;
    DueKey *keys = malloc(sizeof *keys * (size_t)n);
    ScriptDue *copy = malloc(sizeof *copy * (size_t)n);
    if (!keys || !copy) {
        free(keys);
        free(copy);
        return false;
    }
    for (int i = 0; i < n; i++) {
        int mod = h->events[l->items[from + i].event].mod;
        keys[i] = (DueKey){ranks[mod]++, mod, i};
        copy[i] = l->items[from + i];
    }
    qsort(keys, (size_t)n, sizeof *keys, due_key_cmp);
    for (int i = 0; i < n; i++)
        l->items[from + i] = copy[keys[i].at];
    free(keys);
    free(copy);
    return true;
}

bool script_events_due(ScriptHost *h, CoreState *s, ScriptDueList *out)
{
    int now = abs_month(s), from = out->count;
    bool ok = true;
    ScriptScope scope;
    script_begin(h, &scope, s, NULL, "", false);
    /* Nothing here changes the state: views read often keep what they read
     * (script_views.c, memo views). */
    bool memo = h->memo_views;
    h->memo_views = true;
    /* Every event is checked, whatever number are due. Runs of events of one
     * mod share a protected body (each mod has its own Lua state). */
    for (int i = 0; i < h->event_count;) {
        int end = i + 1;
        while (end < h->event_count && h->events[end].mod == h->events[i].mod)
            end++;
        /* Without room for the batch's results, each trigger runs alone. */
        bool *batched = calloc((size_t)(end - i), sizeof *batched);
        uint32_t *held = calloc((size_t)(end - i), sizeof *held);
        DueJob j = {h, s, now, i, end, out, false, batched && held ? batched : NULL, held};
        script_protected(h, h->events[i].mod, due_body, &j, "events due"); /* keeps what it found before a failure */
        free(batched);
        free(held);
        ok &= !j.out_of_memory;
        i = end;
    }
    h->memo_views = memo;
    script_views_release(h);
    script_end(h, &scope);
    return interleave_mods(h, out, from) && ok;
}

bool script_event_try_trigger(ScriptHost *h, CoreState *s, int event, int province, bool *holds)
{
    *holds = false;
    if (event < 0 || event >= h->event_count)
        return false;
    ScriptEvent *e = &h->events[event];
    int errors = h->errors_total;
    ScriptScope scope;
    script_begin(h, &scope, s, NULL, "", false);
    RollJob j = {h, s, e, province, abs_month(s), ROLL_ERROR};
    bool ok = script_protected(h, e->mod, roll_body, &j, "event trigger check") && j.result != ROLL_ERROR;
    script_end(h, &scope);
    *holds = j.result == ROLL_FIRE;
    return ok && h->errors_total == errors;
}

/* Calls fn(s, fx) where fn is field `key` of the declaration at `ref`. */
typedef struct HookJob {
    ScriptHost *h;
    int mod, ref;
    const char *key, *context;
    bool ok;
} HookJob;

static int hook_body(lua_State *L)
{
    HookJob *j = lua_touserdata(L, 1);
    push_decl_field(L, j->ref, j->key);
    if (lua_isnil(L, -1)) {
        j->ok = true;
        return 0;
    }
    script_push_state_view(L);
    script_push_effects(L);
    j->ok = script_call(j->h, j->mod, 2, 0, j->context);
    return 0;
}

static bool run_hook(ScriptHost *h, CoreState *s, ScriptCommands *out, int mod, int ref, const char *key,
                     const char *why, const char *context)
{
    int before = out->count;
    ScriptScope scope;
    script_begin(h, &scope, s, out, why, false);
    HookJob j = {h, mod, ref, key, context, false};
    bool ok = script_protected(h, mod, hook_body, &j, context) && j.ok;
    script_end(h, &scope);
    if (!ok)
        out->count = before;
    return ok;
}

bool script_policy_try_hook(ScriptHost *h, CoreState *s, int policy, ScriptCommands *out)
{
    if (policy < 0 || policy >= h->policy_count)
        return false;
    ScriptPolicy *p = &h->policies[policy];
    if (!p->info.has_on_month)
        return true;
    char why[CORE_SOURCE_LEN], context[96];
    snprintf(why, sizeof why, "policy:%s", p->info.id);
    snprintf(context, sizeof context, "policy %s: on_month", p->info.id);
    return run_hook(h, s, out, p->mod, p->ref, "on_month", why, context);
}

void script_policies_month(ScriptHost *h, CoreState *s, ScriptCommands *out)
{
    for (int i = 0; i < h->policy_count; i++) {
        ScriptPolicy *p = &h->policies[i];
        if (!p->info.has_on_month || p->info.disabled || h->mods[p->mod].disabled)
            continue;
        int ci = core_policy_find(s, p->info.id);
        if (ci < 0 || !s->policies[ci].active)
            continue;
        char why[CORE_SOURCE_LEN], context[96];
        snprintf(why, sizeof why, "policy:%s", p->info.id);
        snprintf(context, sizeof context, "policy %s: on_month", p->info.id);
        if (!run_hook(h, s, out, p->mod, p->ref, "on_month", why, context))
            p->info.has_on_month = false; /* the hook is off for the session; the policy stays */
    }
}

bool script_scenario_setup(ScriptHost *h, CoreState *s, const char *id, ScriptCommands *out)
{
    for (int i = 0; i < h->scenario_count; i++) {
        ScriptScenarioDef *d = &h->scenarios[i];
        if (strcmp(d->sc.id, id) != 0)
            continue;
        char why[CORE_SOURCE_LEN];
        snprintf(why, sizeof why, "scenario:%s", id);
        return run_hook(h, s, out, d->mod, d->ref, "setup", why, "scenario setup");
    }
    return false;
}

int script_notices_take(ScriptHost *h, ScriptNotice *out, int cap)
{
    int n = h->notice_count < SCRIPT_MAX_NOTICES ? h->notice_count : SCRIPT_MAX_NOTICES;
    int first = h->notice_count - n, taken = 0;
    for (int i = 0; i < n && taken < cap; i++)
        out[taken++] = h->notices[(first + i) % SCRIPT_MAX_NOTICES];
    h->notice_count = 0;
    return taken;
}
