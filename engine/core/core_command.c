/* core_command.c — applying commands (policy changes, modifiers, one-shot
 * adjustments, grain transfers) and the effect log that says why each value
 * changed. A command that cannot apply is skipped with a warning. */
#include "core_internal.h"

#include <stdio.h>
#include <string.h>

void core_effect_log(CoreState *s, uint16_t source, CoreCommandKind kind, int province, int target,
                     double before, double after)
{
    CoreEffectEntry *e = &s->effects[s->effect_count % CORE_EFFECT_LOG_CAP];
    *e = (CoreEffectEntry){s->month, source, (uint8_t)kind, (int8_t)province, (int16_t)target, before, after};
    s->effect_count++;
}

static void enact(CoreState *s, int idx, uint16_t why)
{
    CorePolicy *pol = &s->policies[idx];
    if (pol->active)
        return;
    char src[CORE_SOURCE_LEN];
    snprintf(src, sizeof src, "policy:%s", pol->id);
    uint16_t sid = core_source_intern(s, src);
    for (int i = 0; i < pol->modifier_count; i++) {
        if (s->modifier_count >= CORE_MAX_MODIFIERS) {
            core_log(CORE_LOG_WARN, "policy %s: modifier table full, %d modifiers dropped", pol->id,
                     pol->modifier_count - i);
            break;
        }
        s->modifiers[s->modifier_count++] = (CoreModifier){pol->modifiers[i], sid, -1, (int16_t)idx};
    }
    pol->active = true;
    pol->enacted_month = s->month;
    core_effect_log(s, why, CORE_CMD_POLICY_ENACT, -1, idx, 0, 1);
}

static void repeal(CoreState *s, int idx, uint16_t why)
{
    CorePolicy *pol = &s->policies[idx];
    if (!pol->active)
        return;
    int w = 0;
    for (int i = 0; i < s->modifier_count; i++)
        if (s->modifiers[i].policy != idx)
            s->modifiers[w++] = s->modifiers[i];
    s->modifier_count = w;
    pol->active = false;
    core_effect_log(s, why, CORE_CMD_POLICY_REPEAL, -1, idx, 1, 0);
}

static bool modifier_valid(const CoreState *s, const CoreModifierDesc *d)
{
    return (unsigned)d->lever < CORE_LEVER_COUNT && (d->op == CORE_OP_ADD || d->op == CORE_OP_MUL) &&
           isfinite(d->amount) && d->province >= CORE_ALL_PROVINCES && d->province < s->province_count &&
           (d->scale == CORE_SCALE_NONE || d->scale == CORE_SCALE_ZEAL);
}

static double *var_ref(CoreState *s, CoreVar v, int p)
{
    switch (v) {
    case CORE_VAR_pressure_shock: return &s->pressure_shock;
    case CORE_VAR_zeal: return &s->prov[p].zeal;
    case CORE_VAR_sparrows: return &s->prov[p].sparrows;
    case CORE_VAR_pests: return &s->prov[p].pests;
    case CORE_VAR_forest: return &s->prov[p].forest;
    case CORE_VAR_works_unsafe: return &s->prov[p].works_unsafe;
    case CORE_VAR_health: return &s->prov[p].health;
    case CORE_VAR_radicalism: return &s->prov[p].radicalism;
    default: return NULL;
    }
}

static void var_range(CoreVar v, double *lo, double *hi)
{
    *lo = 0.0;
    *hi = 1.0;
    if (v == CORE_VAR_pressure_shock)
        *lo = -1.0;
    else if (v == CORE_VAR_works_unsafe)
        *hi = 10.0;
    else if (v == CORE_VAR_health)
        *hi = 1.2;
}

static void adjust(CoreState *s, const CoreCommand *c, uint16_t why)
{
    bool national = core_var_info(c->var)->scope == CORE_SCOPE_N;
    int first = national ? 0 : (c->province == CORE_ALL_PROVINCES ? 0 : c->province);
    int last = national ? 0 : (c->province == CORE_ALL_PROVINCES ? s->province_count - 1 : c->province);
    double lo, hi, before_sum = 0, after_sum = 0;
    int n = 0;
    var_range(c->var, &lo, &hi);
    for (int p = first; p <= last; p++) {
        if (!national && c->province == CORE_ALL_PROVINCES && !s->info[p].leap_reached)
            continue; /* a national campaign never came there */
        double *v = var_ref(s, c->var, p);
        before_sum += *v;
        *v = clampd(c->op == CORE_OP_SET ? c->amount : *v + c->amount, lo, hi);
        after_sum += *v;
        n++;
    }
    if (n > 0)
        core_effect_log(s, why, CORE_CMD_ADJUST, national ? -1 : c->province, c->var, before_sum / n,
                        after_sum / n);
}

/* Grain moved by events: relief, seizures, aid. Bounded by what the giver
 * holds, so grain is never created or destroyed here. */
static void transfer(CoreState *s, const CoreCommand *c, uint16_t why)
{
    int64_t want = round_amount(c->amount * 1000.0);
    int64_t *from = NULL, *to = NULL;
    if (c->from == CORE_HOLD_GRANARY)
        from = &s->granary_kg;
    else if (c->from == CORE_HOLD_PROVINCE)
        from = &s->prov[c->from_province].rural_grain_kg;
    if (c->to == CORE_HOLD_GRANARY)
        to = &s->granary_kg;
    else if (c->to == CORE_HOLD_PROVINCE)
        to = &s->prov[c->province].rural_grain_kg;
    int64_t moved = from ? min64(want, *from) : want;
    if (from)
        *from -= moved;
    if (to)
        *to += moved;
    CoreNationalMonth *nm = &s->nhist[s->month];
    if (c->from == CORE_HOLD_ABROAD) {
        s->total_imported_kg += moved;
        nm->imports_kg += moved;
    }
    if (c->to == CORE_HOLD_ABROAD) {
        s->total_exported_kg += moved;
        nm->exports_kg += moved;
    }
    if (c->to == CORE_HOLD_PROVINCE && c->from == CORE_HOLD_GRANARY)
        s->hist[s->month][c->province].relief_kg += moved;
    int prov = c->to == CORE_HOLD_PROVINCE ? c->province : c->from == CORE_HOLD_PROVINCE ? c->from_province : -1;
    core_effect_log(s, why, CORE_CMD_TRANSFER, prov, (int)c->from * 3 + (int)c->to, want / 1000.0,
                    moved / 1000.0);
}

/* ==== The decisions' index ====
 * core_decision_find is asked, every month, whether each once-only event
 * has fired in each province, so it must not scan the decision log. Each
 * decision is filed under two keys, (event, its province) and (event, any
 * province = -1), in an open-addressing table inside the state; a later
 * decision with the same key takes the slot over, so a slot always names
 * the latest. Keys never leave the table (decisions are never removed), so
 * linear probing needs no tombstones. At most 2 * CORE_MAX_DECISIONS keys
 * in CORE_DECISION_SLOTS slots keeps the table at most half full. */

/* FNV-1a over the event id, then the province mixed in (Fibonacci hashing),
 * so that one event's keys in different provinces spread over the table.
 * The id's part is worked out once for all the keys of one event. */
static uint32_t event_hash(const char *event)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)event; *p; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

static uint32_t key_hash(uint32_t event, int province)
{
    uint32_t h = event ^ (uint32_t)(province + 1) * 2654435769u;
    return h ^ (h >> 15);
}

/* Where (event, province) is in the index, or the empty slot where it
 * would go; `hash` is event_hash(event). */
static uint32_t decision_slot(const CoreState *s, const char *event, uint32_t hash, int province)
{
    uint32_t mask = CORE_DECISION_SLOTS - 1, k = key_hash(hash, province) & mask;
    for (;; k = (k + 1) & mask) {
        const CoreDecisionSlot *slot = &s->decision_index[k];
        if (slot->decision == 0 ||
            (slot->province == province && strcmp(s->decisions[slot->decision - 1].event, event) == 0))
            return k;
    }
}

/* Files decision i under its keys. */
static void decision_index_add(CoreState *s, int i)
{
    const CoreDecision *d = &s->decisions[i];
    uint32_t hash = event_hash(d->event);
    if (d->province >= 0)
        s->decision_index[decision_slot(s, d->event, hash, d->province)] =
            (CoreDecisionSlot){(uint16_t)(i + 1), (int16_t)d->province};
    s->decision_index[decision_slot(s, d->event, hash, -1)] = (CoreDecisionSlot){(uint16_t)(i + 1), -1};
}

void core_decisions_reindex(CoreState *s)
{
    memset(s->decision_index, 0, sizeof s->decision_index);
    for (int i = 0; i < s->decision_count; i++)
        decision_index_add(s, i);
}

/* False if the log is full (core_apply_commands says so). */
static bool decide(CoreState *s, const CoreCommand *c, uint16_t why)
{
    if (s->decision_count >= CORE_MAX_DECISIONS)
        return false;
    CoreDecision *d = &s->decisions[s->decision_count++];
    memset(d, 0, sizeof *d);
    d->month = s->month;
    d->province = c->province;
    /* up to the end of the text: d was zeroed, and the bytes after a
     * command's text may be anything */
    for (int i = 0; i < CORE_ID_LEN - 1 && c->event[i]; i++)
        d->event[i] = c->event[i];
    for (int i = 0; i < CORE_ID_LEN - 1 && c->option[i]; i++)
        d->option[i] = c->option[i];
    decision_index_add(s, s->decision_count - 1);
    core_effect_log(s, why, CORE_CMD_DECISION, c->province, s->decision_count - 1, 0, 0);
    return true;
}

const CoreDecision *core_decision_find(const CoreState *s, const char *event, int province)
{
    /* Recorded provinces are -1 or below province_count: any other asks for
     * nothing that can be there (and must not wrap around in an int16_t). */
    if (!event || province >= s->province_count)
        return NULL;
    const CoreDecisionSlot *slot =
        &s->decision_index[decision_slot(s, event, event_hash(event), province < 0 ? -1 : province)];
    return slot->decision ? &s->decisions[slot->decision - 1] : NULL;
}

uint32_t core_decided_provinces(const CoreState *s, const char *event)
{
    uint32_t mask = 0, hash = event_hash(event);
    if (!s->decision_index[decision_slot(s, event, hash, -1)].decision) /* the key of "any province" */
        return 0;
    for (int p = 0; p < s->province_count && p < 32; p++)
        if (s->decision_index[decision_slot(s, event, hash, p)].decision)
            mask |= 1u << p;
    return mask;
}

static bool province_ok(const CoreState *s, int p, bool allow_all)
{
    return (allow_all && p == CORE_ALL_PROVINCES) || (p >= 0 && p < s->province_count);
}

static bool command_valid(const CoreState *s, const CoreCommand *c)
{
    switch (c->kind) {
    case CORE_CMD_POLICY_ENACT:
    case CORE_CMD_POLICY_REPEAL: return c->policy >= 0 && c->policy < s->policy_count;
    case CORE_CMD_MODIFIER: return modifier_valid(s, &c->modifier) && c->months >= 0;
    case CORE_CMD_ADJUST:
        return (unsigned)c->var < CORE_VAR_COUNT && (c->op == CORE_OP_ADD || c->op == CORE_OP_SET) &&
               isfinite(c->amount) &&
               (core_var_info(c->var)->scope == CORE_SCOPE_N || province_ok(s, c->province, true));
    case CORE_CMD_TRANSFER:
        return isfinite(c->amount) && c->amount >= 0 && c->amount < 1e9 && c->from != c->to &&
               (unsigned)c->from <= CORE_HOLD_ABROAD && (unsigned)c->to <= CORE_HOLD_ABROAD &&
               (c->from != CORE_HOLD_PROVINCE || province_ok(s, c->from_province, false)) &&
               (c->to != CORE_HOLD_PROVINCE || province_ok(s, c->province, false));
    case CORE_CMD_DECISION:
        return c->event[0] && memchr(c->event, '\0', CORE_ID_LEN) && memchr(c->option, '\0', CORE_ID_LEN) &&
               province_ok(s, c->province, true);
    }
    return false;
}

/* What core_apply_commands could not do, of one kind: a month of a big
 * mod may lose hundreds of commands, said in one warning that names the
 * first one's source. */
typedef struct Lost {
    int count;
    char first[CORE_SOURCE_LEN];
} Lost;

static void lost_add(Lost *l, const char *source)
{
    if (l->count++ == 0)
        memcpy(l->first, source, sizeof l->first);
}

/* `why` says what the limit is (its one %d: `limit`). */
static void lost_say(const CoreState *s, const Lost *l, const char *what, const char *why, int limit)
{
    if (l->count == 0)
        return;
    char reason[128] = "";
    if (why)
        snprintf(reason, sizeof reason, why, limit);
    core_log(CORE_LOG_WARN, "%d-%02d: %d %s, the first from '%s'%s", core_state_year(s), core_state_month_of_year(s),
             l->count, what, l->first, reason);
}

/* Asks the cache for the index's slots of the decision `ahead` commands
 * on, if that is one: a big month records thousands, each a look at two
 * random slots of a 512 KiB table, and waiting for them was a twentieth of
 * the month (bench_hooks). */
#define DECISION_LOOKAHEAD 8
static void prefetch_decision(const CoreState *s, const CoreCommand *cmds, size_t n, size_t ahead)
{
    if (ahead >= n || cmds[ahead].kind != CORE_CMD_DECISION || !memchr(cmds[ahead].event, '\0', CORE_ID_LEN))
        return;
    const CoreCommand *c = &cmds[ahead];
    uint32_t hash = event_hash(c->event), mask = CORE_DECISION_SLOTS - 1;
    __builtin_prefetch(&s->decision_index[key_hash(hash, c->province < 0 ? -1 : c->province) & mask]);
    __builtin_prefetch(&s->decision_index[key_hash(hash, -1) & mask]);
}

void core_apply_commands(CoreState *s, const CoreCommand *cmds, size_t n)
{
    /* Commands come in runs of one source (an option's effects and its
     * decision): a run is interned once. */
    char last_src[CORE_SOURCE_LEN] = "";
    uint16_t last_why = 0;
    Lost invalid = {0}, modifiers = {0}, decisions = {0}, unnamed = {0};
    int event_modifiers = 0; /* in force: the policies' have room of their own */
    for (int i = 0; i < s->modifier_count; i++)
        event_modifiers += s->modifiers[i].policy < 0;
    for (size_t i = 0; i < n; i++) {
        const CoreCommand *c = &cmds[i];
        prefetch_decision(s, cmds, n, i + DECISION_LOOKAHEAD);
        char src[CORE_SOURCE_LEN];
        memcpy(src, c->source, sizeof src);
        src[CORE_SOURCE_LEN - 1] = '\0';
        if (!command_valid(s, c)) {
            lost_add(&invalid, src);
            continue;
        }
        if (!last_src[0] || strcmp(src, last_src) != 0) {
            bool lost = false;
            last_why = core_source_intern_quiet(s, src[0] ? src : "other", &lost);
            if (lost)
                lost_add(&unnamed, src);
        }
        memcpy(last_src, src, sizeof last_src);
        uint16_t why = last_why;
        switch (c->kind) {
        case CORE_CMD_POLICY_ENACT: enact(s, c->policy, why); break;
        case CORE_CMD_POLICY_REPEAL: repeal(s, c->policy, why); break;
        case CORE_CMD_MODIFIER:
            if (event_modifiers >= CORE_MAX_EVENT_MODIFIERS || s->modifier_count >= CORE_MAX_MODIFIERS) {
                lost_add(&modifiers, src);
                break;
            }
            event_modifiers++;
            s->modifiers[s->modifier_count++] =
                (CoreModifier){c->modifier, why, c->months > 0 ? s->month + c->months : INT32_MAX, -1};
            core_effect_log(s, why, CORE_CMD_MODIFIER, c->modifier.province, c->modifier.lever, 0,
                            c->modifier.amount);
            break;
        case CORE_CMD_ADJUST: adjust(s, c, why); break;
        case CORE_CMD_TRANSFER: transfer(s, c, why); break;
        case CORE_CMD_DECISION:
            if (!decide(s, c, why))
                lost_add(&decisions, src);
            break;
        }
    }
    core_levers_update(s);
    lost_say(s, &invalid, "command(s) not valid, skipped", NULL, 0);
    lost_say(s, &modifiers, "modifier(s) not applied", ": at most %d events' modifiers are in force at once",
             CORE_MAX_EVENT_MODIFIERS);
    lost_say(s, &decisions, "decision(s) not recorded", ": the log holds %d", CORE_MAX_DECISIONS);
    lost_say(s, &unnamed, "change(s) logged as 'other'", ": more than %d distinct sources", CORE_MAX_SOURCES);
}

/* Drops event modifiers whose time is up. */
void core_modifiers_expire(CoreState *s)
{
    int w = 0;
    for (int i = 0; i < s->modifier_count; i++)
        if (s->modifiers[i].expires < 0 || s->modifiers[i].expires > s->month)
            s->modifiers[w++] = s->modifiers[i];
    s->modifier_count = w;
}
