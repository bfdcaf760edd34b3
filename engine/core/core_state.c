/* core_state.c — creating a state from a scenario, the calendar, policy
 * registration and the interned "why" strings. */
#include "core_internal.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int core_days_in_month(int year, int month)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[(month - 1) % 12];
}

double core_harvest_share(const CoreState *s, int m)
{
    switch (m) {
    case 6: return PARAM(s, harvest_share_m6);
    case 9: return PARAM(s, harvest_share_m9);
    case 10: return PARAM(s, harvest_share_m10);
    default: return 0.0;
    }
}

double core_labour_need(const CoreState *s, int m)
{
    return s->params[CORE_PARAM_labour_need_m1 + (m - 1)];
}

int core_months_to_harvest(const CoreState *s, int m)
{
    for (int k = 0; k < 12; k++)
        if (core_harvest_share(s, (m - 1 + k) % 12 + 1) > 0.0)
            return k + 1;
    return 12;
}

int core_state_year(const CoreState *s)
{
    return s->start_year + (s->start_month - 1 + s->month) / 12;
}

int core_state_month_of_year(const CoreState *s)
{
    return (s->start_month - 1 + s->month) % 12 + 1;
}

int core_month_index(const CoreState *s, int year, int month)
{
    return (year - s->start_year) * 12 + (month - s->start_month);
}

int core_province_find(const CoreState *s, const char *id)
{
    for (int i = 0; i < s->province_count; i++) /* the first byte before a call: every fire of a mod's event asks */
        if (s->info[i].id[0] == id[0] && strcmp(s->info[i].id, id) == 0)
            return i;
    return -1;
}

/* FNV-1a over what is kept of a source (its first CORE_SOURCE_LEN - 1 bytes). */
static uint32_t source_hash(const char *source)
{
    uint32_t h = 2166136261u;
    for (int i = 0; i < CORE_SOURCE_LEN - 1 && source[i]; i++)
        h = (h ^ (unsigned char)source[i]) * 16777619u;
    return h ^ (h >> 15);
}

/* Where `source` is in the index, or the empty slot where it would go. */
static uint32_t source_slot(const CoreState *s, const char *source)
{
    uint32_t mask = CORE_SOURCE_SLOTS - 1, k = source_hash(source) & mask;
    while (s->source_index[k] && strncmp(s->sources[s->source_index[k] - 1], source, CORE_SOURCE_LEN - 1) != 0)
        k = (k + 1) & mask;
    return k;
}

void core_sources_reindex(CoreState *s)
{
    memset(s->source_index, 0, sizeof s->source_index);
    for (int i = 0; i < s->source_count; i++) {
        uint32_t k = source_slot(s, s->sources[i]);
        if (!s->source_index[k]) /* a name twice (a crafted save): the first, as a search from the start finds */
            s->source_index[k] = (uint16_t)(i + 1);
    }
}

uint16_t core_source_intern_quiet(CoreState *s, const char *source, bool *lost)
{
    uint32_t k = source_slot(s, source);
    if (s->source_index[k])
        return (uint16_t)(s->source_index[k] - 1);
    if (s->source_count >= CORE_MAX_SOURCES) {
        *lost = true;
        return 1; /* "other" */
    }
    int i = s->source_count++;
    snprintf(s->sources[i], CORE_SOURCE_LEN, "%s", source);
    s->source_index[k] = (uint16_t)(i + 1);
    return (uint16_t)i;
}

int core_source_find(const CoreState *s, const char *source)
{
    return s->source_index[source_slot(s, source)] - 1;
}

uint16_t core_source_intern(CoreState *s, const char *source)
{
    bool lost = false;
    uint16_t id = core_source_intern_quiet(s, source, &lost);
    if (lost)
        core_log(CORE_LOG_WARN, "more than %d distinct sources of changes: '%s' is logged as 'other'",
                 CORE_MAX_SOURCES, source);
    return id;
}

const char *core_source_name(const CoreState *s, uint16_t source)
{
    return source < s->source_count ? s->sources[source] : "?";
}

int core_policy_find(const CoreState *s, const char *id)
{
    for (int i = 0; i < s->policy_count; i++) /* the first byte before a call: triggers ask it by the thousand */
        if (s->policies[i].id[0] == id[0] && strcmp(s->policies[i].id, id) == 0)
            return i;
    return -1;
}

int core_policy_register(CoreState *s, const char *id, const CoreModifierDesc *mods, int count)
{
    if (!id || !*id || strlen(id) >= CORE_ID_LEN) {
        core_error_set("policy id '%s' is empty or too long", id ? id : "(null)");
        return -1;
    }
    if (count < 0 || count > CORE_MAX_POLICY_MODIFIERS) {
        core_error_set("policy '%s': %d modifiers (at most %d)", id, count, CORE_MAX_POLICY_MODIFIERS);
        return -1;
    }
    for (int i = 0; i < count; i++) {
        const CoreModifierDesc *m = &mods[i];
        if ((unsigned)m->lever >= CORE_LEVER_COUNT || (m->op != CORE_OP_ADD && m->op != CORE_OP_MUL) ||
            !isfinite(m->amount) || m->province < CORE_ALL_PROVINCES || m->province >= s->province_count) {
            core_error_set("policy '%s': modifier %d is not valid", id, i + 1);
            return -1;
        }
    }
    int idx = core_policy_find(s, id);
    if (idx < 0) {
        if (s->policy_count >= CORE_MAX_POLICIES) {
            core_error_set("policy '%s': more than %d policies", id, CORE_MAX_POLICIES);
            return -1;
        }
        idx = s->policy_count++;
        memset(&s->policies[idx], 0, sizeof s->policies[idx]);
        snprintf(s->policies[idx].id, CORE_ID_LEN, "%s", id);
        s->policies[idx].enacted_month = -1;
    }
    CorePolicy *pol = &s->policies[idx];
    pol->modifier_count = count;
    if (count)
        memcpy(pol->modifiers, mods, sizeof *mods * (size_t)count);
    /* An active policy's modifiers are re-derived from its new definition. */
    if (pol->active) {
        int w = 0;
        for (int i = 0; i < s->modifier_count; i++)
            if (s->modifiers[i].policy != idx)
                s->modifiers[w++] = s->modifiers[i];
        s->modifier_count = w;
        char src[CORE_SOURCE_LEN];
        snprintf(src, sizeof src, "policy:%s", pol->id);
        uint16_t sid = core_source_intern(s, src);
        for (int i = 0; i < count && s->modifier_count < CORE_MAX_MODIFIERS; i++)
            s->modifiers[s->modifier_count++] = (CoreModifier){mods[i], sid, -1, (int16_t)idx};
        core_levers_update(s);
    }
    return idx;
}

static void province_init(CoreState *s, int i)
{
    const CoreProvinceInfo *info = &s->info[i];
    CoreProvince *p = &s->prov[i];
    memset(p, 0, sizeof *p);
    p->urban_pop = round_amount((double)info->pop_1957 * info->urban_share);
    p->rural_pop = info->pop_1957 - p->urban_pop;
    p->health = 1.0;
    p->health_urban = 1.0;
    for (int k = 0; k < CORE_FERT_LAG_MONTHS; k++)
        p->fecundity_hist[k] = p->fecundity_urban_hist[k] = 1.0;
    p->sparrows = 1.0;
    p->forest = 1.0;
    p->radicalism = !info->leap_reached      ? 0.0
                    : info->radical_leadership ? PARAM(s, radicalism_radical)
                                               : PARAM(s, radicalism_ordinary);
    p->weather = 1.0;
    p->sown_summer = 1.0; /* winter wheat was sown in autumn 1957 */
    p->sown_autumn = 1.0;
    /* Food stocks at the start: what the households set aside from the 1957
     * autumn harvest to last until the summer harvest (docs/model.md, "Start"). */
    int months = core_months_to_harvest(s, s->start_month);
    double need = (double)p->rural_pop * PARAM(s, rural_desired_kg_month) * (1.0 + PARAM(s, feed_waste_share));
    p->rural_grain_kg = round_amount(need * months);
    /* Seed for the spring sowing of the autumn crops. */
    double autumn = PARAM(s, harvest_share_m9) + PARAM(s, harvest_share_m10);
    p->seed_grain_kg = round_amount((double)info->grain_1957_kg * PARAM(s, seed_share) * autumn);
    double workers = (double)p->rural_pop * PARAM(s, working_age_share);
    s->base_field_labour[i] = workers * (1.0 - PARAM(s, labour_other_share)) * PARAM(s, peak_labour_use);
}

/* The record (hist, nhist) ends the state, so that "everything before the
 * record" is one prefix of it. */
_Static_assert(offsetof(CoreState, nhist) + sizeof(((CoreState *)0)->nhist) == sizeof(CoreState),
               "the record must be the last part of CoreState");

/* A decision's place fits the index's uint16_t (place + 1) and the effect
 * log's int16_t target; each decision files two keys, and the index stays
 * at most half full. */
_Static_assert(CORE_MAX_DECISIONS <= 32768 && CORE_DECISION_SLOTS >= 4 * CORE_MAX_DECISIONS &&
                   (CORE_DECISION_SLOTS & (CORE_DECISION_SLOTS - 1)) == 0,
               "the decisions' log and index");

/* A source's id fits the uint16_t of modifiers and the effect log (and the
 * index's place + 1); the index stays at most half full. */
_Static_assert(CORE_MAX_SOURCES < 65535 && CORE_SOURCE_SLOTS >= 2 * CORE_MAX_SOURCES &&
                   (CORE_SOURCE_SLOTS & (CORE_SOURCE_SLOTS - 1)) == 0,
               "the sources and their index");

/* core_state_zero and core_state_copy leave out what lies past a count:
 * the modifiers' and the sources' tables (each entry written whole as it
 * is added), the decisions, and the record, in this order. */
#define END_OF(field) (offsetof(CoreState, field) + sizeof(((CoreState *)0)->field))
_Static_assert(END_OF(modifiers) <= offsetof(CoreState, sources) &&
                   END_OF(sources) <= offsetof(CoreState, decisions) &&
                   offsetof(CoreState, decisions) < offsetof(CoreState, decision_index) &&
                   offsetof(CoreState, decision_index) < offsetof(CoreState, hist),
               "the modifiers, the sources, the decisions, their index and the record, in this order");

/* The bytes of a state between the tables left out: [from, to). */
static const struct {
    size_t from, to;
} between_tables[] = {
    {0, offsetof(CoreState, modifiers)},
    {END_OF(modifiers), offsetof(CoreState, sources)},
    {END_OF(sources), offsetof(CoreState, decisions)},
    {offsetof(CoreState, decision_index), offsetof(CoreState, hist)},
};
#define SPANS (sizeof between_tables / sizeof between_tables[0])

void core_state_zero(CoreState *s)
{
    for (size_t i = 0; i < SPANS; i++)
        memset((char *)s + between_tables[i].from, 0, between_tables[i].to - between_tables[i].from);
}

void core_history_begin(CoreState *s, int m)
{
    if (m < 0 || m >= CORE_MAX_MONTHS)
        return;
    memset(s->hist[m], 0, sizeof s->hist[m]);
    memset(&s->nhist[m], 0, sizeof s->nhist[m]);
}

/* What a state holds: everything but the modifiers, sources and decisions
 * past their counts and the record's rows past the month under way, which
 * no state initialises
 * (a third of its 2.7 MB early in a game, where a month's copy went). */
void core_state_copy(CoreState *dst, const CoreState *src)
{
    for (size_t i = 0; i < SPANS; i++)
        memcpy((char *)dst + between_tables[i].from, (const char *)src + between_tables[i].from,
               between_tables[i].to - between_tables[i].from);
    memcpy(dst->modifiers, src->modifiers, sizeof src->modifiers[0] * (size_t)src->modifier_count);
    memcpy(dst->sources, src->sources, sizeof src->sources[0] * (size_t)src->source_count);
    memcpy(dst->decisions, src->decisions, sizeof src->decisions[0] * (size_t)src->decision_count);
    int rows = src->month < CORE_MAX_MONTHS ? src->month + 1 : CORE_MAX_MONTHS;
    memcpy(dst->hist, src->hist, sizeof src->hist[0] * (size_t)rows);
    memcpy(dst->nhist, src->nhist, sizeof src->nhist[0] * (size_t)rows);
}

CoreState *core_state_create(const CoreScenario *sc, uint64_t seed)
{
    if (!sc || !core_scenario_validate(sc))
        return NULL;
    /* Zeroed but for the record, whose rows are zeroed as their months
     * begin, and the modifiers, sources and decisions, each written whole
     * as it is added: a new state touches a small part of its memory, not
     * all of it. */
    CoreState *s = malloc(sizeof *s);
    if (!s) {
        core_error_set("out of memory creating the simulation state");
        return NULL;
    }
    core_state_zero(s);
    core_history_begin(s, 0);
    s->magic = CORE_MAGIC;
    s->seed = seed;
    s->start_year = sc->start_year;
    s->start_month = sc->start_month;
    core_rng_seed(&s->rng, seed, 1);
    core_rng_seed(&s->script_rng, seed, 2);
    memcpy(s->params, sc->params, sizeof s->params);
    s->extra_param_count = sc->extra_param_count;
    memcpy(s->extra_params, sc->extra_params, sizeof s->extra_params);
    s->province_count = sc->province_count;
    memcpy(s->info, sc->provinces, sizeof s->info);
    for (int i = 0; i < s->province_count; i++)
        province_init(s, i);
    core_source_intern(s, "model");
    core_source_intern(s, "other");
    core_levers_update(s);
    /* The centre starts with the stocks it plans to hold at the end of December. */
    s->granary_kg = round_amount(core_granary_target_kg(s, (s->start_month + 10) % 12 + 1));
    return s;
}

void core_state_destroy(CoreState *s)
{
    if (s)
        s->magic = 0;
    free(s);
}

CoreState *core_state_clone(const CoreState *s)
{
    CoreState *c = malloc(sizeof *c);
    if (!c) {
        core_error_set("out of memory cloning the simulation state");
        return NULL;
    }
    core_state_copy(c, s);
    return c;
}

int64_t core_grain_in_system_kg(const CoreState *s)
{
    int64_t total = s->granary_kg;
    for (int i = 0; i < s->province_count; i++)
        total += s->prov[i].rural_grain_kg + s->prov[i].seed_grain_kg;
    return total;
}
