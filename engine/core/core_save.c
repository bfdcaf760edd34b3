/* core_save.c — one serializer for three jobs: the state hash, saving to a
 * buffer and loading from one. Little-endian, field by field (never raw
 * structs, whose padding is undefined). Loading checks every count, index
 * and number, so a damaged buffer gives a message, never a crash.
 * Derived values (effective levers) are recomputed on load. */
#include "core_internal.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define SAVE_MAGIC "GLSTATE"
#define SAVE_VERSION 2u /* 2: the provincial record, the grain account and content parameters */

unsigned core_save_format(void) { return SAVE_VERSION; }

/* ==== Writer: appends to a buffer or feeds a hash ==== */

typedef struct Writer {
    uint8_t *buf;
    size_t len, cap;
    bool hash_only, failed;
    uint64_t hash;
} Writer;

static void put_bytes(Writer *w, const void *data, size_t n)
{
    const uint8_t *b = data;
    if (w->hash_only) {
        for (size_t i = 0; i < n; i++) {
            w->hash ^= b[i];
            w->hash *= 1099511628211ULL;
        }
        return;
    }
    if (w->failed)
        return;
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 1u << 16;
        while (cap < w->len + n)
            cap *= 2;
        uint8_t *nb = realloc(w->buf, cap);
        if (!nb) {
            w->failed = true;
            return;
        }
        w->buf = nb;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, b, n);
    w->len += n;
}

static void put_u64(Writer *w, uint64_t v)
{
    uint8_t b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    put_bytes(w, b, 8);
}
static void put_i64(Writer *w, int64_t v) { put_u64(w, (uint64_t)v); }
static void put_i32(Writer *w, int32_t v) { put_u64(w, (uint64_t)(int64_t)v); }
static void put_f64(Writer *w, double v)
{
    uint64_t bits;
    memcpy(&bits, &v, 8);
    put_u64(w, bits);
}
static void put_str(Writer *w, const char *s, size_t cap)
{
    size_t n = 0;
    while (n < cap - 1 && s[n])
        n++;
    put_u64(w, n);
    put_bytes(w, s, n);
}

/* ==== Reader: bounds-checked ==== */

typedef struct Reader {
    const uint8_t *p, *end;
    bool failed;
    const char *why;
} Reader;

static bool fail(Reader *r, const char *why)
{
    if (!r->failed) {
        r->failed = true;
        r->why = why;
    }
    return false;
}

static uint64_t get_u64(Reader *r)
{
    if (r->failed || r->end - r->p < 8) {
        fail(r, "the file ends too early");
        return 0;
    }
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)r->p[i] << (8 * i);
    r->p += 8;
    return v;
}
static int64_t get_i64(Reader *r) { return (int64_t)get_u64(r); }
static int32_t get_i32(Reader *r)
{
    int64_t v = get_i64(r);
    if (v < INT32_MIN || v > INT32_MAX)
        fail(r, "a number is out of range");
    return (int32_t)v;
}
static double get_f64(Reader *r)
{
    uint64_t bits = get_u64(r);
    double v;
    memcpy(&v, &bits, 8);
    if (!isfinite(v))
        fail(r, "a value is not a finite number");
    return v;
}
static void get_str(Reader *r, char *dst, size_t cap)
{
    uint64_t n = get_u64(r);
    if (r->failed || n >= cap || (uint64_t)(r->end - r->p) < n) {
        fail(r, "a text field is damaged");
        dst[0] = '\0';
        return;
    }
    memcpy(dst, r->p, n);
    dst[n] = '\0';
    r->p += n;
}
static int64_t get_count(Reader *r, int64_t max)
{
    int64_t n = get_i64(r);
    if (n < 0 || n > max)
        fail(r, "a count is out of range");
    return r->failed ? 0 : n;
}

/* ==== The state, field by field ==== */

/* If one of these fails, a field was added: serialize it below, then update the size. */
_Static_assert(sizeof(CoreProvince) == 8 * 4 + 8 * 2 + 8 * 2 * CORE_FERT_LAG_MONTHS + 8 * 16 + 8,
               "CoreProvince changed: update core_save.c");

#define FIELD_PUT(type, name, unit, doc) PUT_##type(w, rec->name);
#define PUT_I put_i64
#define PUT_F put_f64

static void write_state(Writer *w, const CoreState *s)
{
    put_bytes(w, SAVE_MAGIC, 8);
    put_u64(w, SAVE_VERSION);
    put_u64(w, CORE_PARAM_COUNT);
    put_u64(w, CORE_LEVER_COUNT);
    put_u64(w, s->seed);
    put_i32(w, s->start_year);
    put_i32(w, s->start_month);
    put_i32(w, s->month);
    put_u64(w, s->rng.state);
    put_u64(w, s->rng.inc);
    put_u64(w, s->script_rng.state);
    put_u64(w, s->script_rng.inc);
    for (int i = 0; i < CORE_PARAM_COUNT; i++)
        put_f64(w, s->params[i]);
    put_i32(w, s->extra_param_count);
    for (int i = 0; i < s->extra_param_count; i++) {
        put_str(w, s->extra_params[i].name, CORE_ID_LEN);
        put_f64(w, s->extra_params[i].value);
    }
    put_i32(w, s->province_count);
    for (int i = 0; i < s->province_count; i++) {
        const CoreProvinceInfo *pi = &s->info[i];
        put_str(w, pi->id, CORE_ID_LEN);
        put_i64(w, pi->pop_1957);
        put_i32(w, pi->pop_provenance);
        put_str(w, pi->pop_source, CORE_ID_LEN);
        put_f64(w, pi->urban_share);
        put_i32(w, pi->urban_provenance);
        put_str(w, pi->urban_source, CORE_ID_LEN);
        put_i64(w, pi->grain_1957_kg);
        put_i64(w, pi->procured_1957_kg);
        put_i64(w, pi->sales_1957_kg);
        put_i32(w, pi->grain_provenance);
        put_str(w, pi->grain_source, CORE_ID_LEN);
        put_f64(w, pi->cbr_base);
        put_f64(w, pi->cdr_base);
        put_i32(w, pi->vital_provenance);
        put_str(w, pi->vital_source, CORE_ID_LEN);
        put_i32(w, pi->radical_leadership);
        put_str(w, pi->leadership_source, CORE_ID_LEN);
        put_i32(w, pi->leap_reached);
        put_str(w, pi->leap_source, CORE_ID_LEN);
        put_f64(w, s->base_field_labour[i]);

        const CoreProvince *p = &s->prov[i];
        put_i64(w, p->rural_pop);
        put_i64(w, p->urban_pop);
        put_i64(w, p->rural_grain_kg);
        put_i64(w, p->seed_grain_kg);
        put_f64(w, p->health);
        put_f64(w, p->health_urban);
        for (int k = 0; k < CORE_FERT_LAG_MONTHS; k++) {
            put_f64(w, p->fecundity_hist[k]);
            put_f64(w, p->fecundity_urban_hist[k]);
        }
        double fields[] = {p->zeal, p->radicalism, p->sparrows, p->pests, p->forest, p->works_done, p->works_unsafe,
                           p->dam_damage, p->birth_deficit, p->famine_dead, p->quota_outstanding_kg, p->weather,
                           p->sown_summer, p->sown_autumn, p->cultivation_sum, p->year_reported_kg};
        for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
            put_f64(w, fields[k]);
        put_i32(w, p->cultivation_months);
    }
    put_i64(w, s->granary_kg);
    put_f64(w, s->pressure_shock);
    put_i32(w, s->policy_count);
    for (int i = 0; i < s->policy_count; i++) {
        const CorePolicy *pol = &s->policies[i];
        put_str(w, pol->id, CORE_ID_LEN);
        put_i32(w, pol->active);
        put_i32(w, pol->enacted_month);
        put_i32(w, pol->modifier_count);
        for (int k = 0; k < pol->modifier_count; k++) {
            const CoreModifierDesc *d = &pol->modifiers[k];
            put_i32(w, d->lever);
            put_i32(w, d->op);
            put_f64(w, d->amount);
            put_i32(w, d->province);
            put_i32(w, d->month_mask);
            put_i32(w, d->scale);
        }
    }
    put_i32(w, s->modifier_count);
    for (int i = 0; i < s->modifier_count; i++) {
        const CoreModifier *m = &s->modifiers[i];
        put_i32(w, m->d.lever);
        put_i32(w, m->d.op);
        put_f64(w, m->d.amount);
        put_i32(w, m->d.province);
        put_i32(w, m->d.month_mask);
        put_i32(w, m->d.scale);
        put_i32(w, m->source);
        put_i32(w, m->expires);
        put_i32(w, m->policy);
    }
    put_i32(w, s->source_count);
    for (int i = 0; i < s->source_count; i++)
        put_str(w, s->sources[i], CORE_SOURCE_LEN);
    put_i32(w, s->decision_count);
    for (int i = 0; i < s->decision_count; i++) {
        const CoreDecision *d = &s->decisions[i];
        put_i32(w, d->month);
        put_i32(w, d->province);
        put_str(w, d->event, CORE_ID_LEN);
        put_str(w, d->option, CORE_ID_LEN);
    }
    put_i32(w, s->effect_count);
    int kept = s->effect_count < CORE_EFFECT_LOG_CAP ? s->effect_count : CORE_EFFECT_LOG_CAP;
    for (int i = 0; i < kept; i++) {
        const CoreEffectEntry *e = &s->effects[i];
        put_i32(w, e->month);
        put_i32(w, e->source);
        put_i32(w, e->kind);
        put_i32(w, e->province);
        put_i32(w, e->target);
        put_f64(w, e->before);
        put_f64(w, e->after);
    }
    int64_t totals[] = {s->total_harvested_kg, s->total_rotted_kg, s->total_eaten_kg, s->total_feed_waste_kg,
                        s->total_sown_kg,      s->total_urban_kg,  s->total_exported_kg, s->total_imported_kg,
                        s->total_transferred_in_kg};
    for (size_t k = 0; k < sizeof totals / sizeof totals[0]; k++)
        put_i64(w, totals[k]);
    for (int m = 0; m < s->month; m++) {
        for (int i = 0; i < s->province_count; i++) {
            const CoreProvinceMonth *rec = &s->hist[m][i];
            CORE_MONTH_FIELDS(FIELD_PUT)
        }
        const CoreNationalMonth *rec = &s->nhist[m];
        CORE_NATIONAL_MONTH_FIELDS(FIELD_PUT)
    }
}

#define FIELD_GET(type, name, unit, doc)                       \
    rec->name = GET_##type(r);                                 \
    if (!(fabs((double)rec->name) <= CORE_AMOUNT_MAX))         \
        return fail(r, "the history is out of range");
#define GET_I get_i64
#define GET_F get_f64

/* Ranges a loaded value must be in, so that no later arithmetic overflows. */
static bool amount_ok(int64_t v) { return v >= 0 && v <= (int64_t)CORE_AMOUNT_MAX; }
static bool index_ok(double v) { return v >= 0.0 && v <= 10.0; }

static bool modifier_read(Reader *r, CoreModifierDesc *d, int provinces)
{
    d->lever = (CoreLever)get_i32(r);
    d->op = (CoreOp)get_i32(r);
    d->amount = get_f64(r);
    d->province = get_i32(r);
    int mask = get_i32(r);
    d->scale = (CoreScale)get_i32(r);
    d->month_mask = (uint16_t)mask;
    if ((unsigned)d->lever >= CORE_LEVER_COUNT || (d->op != CORE_OP_ADD && d->op != CORE_OP_MUL) ||
        d->province < CORE_ALL_PROVINCES || d->province >= provinces || mask < 0 || mask > 0xFFF ||
        (d->scale != CORE_SCALE_NONE && d->scale != CORE_SCALE_ZEAL))
        return fail(r, "a modifier is damaged");
    return true;
}

static bool read_state(Reader *r, CoreState *s)
{
    if (r->end - r->p < 8 || memcmp(r->p, SAVE_MAGIC, 8) != 0)
        return fail(r, "this is not a Great Leap save");
    r->p += 8;
    if (get_u64(r) != SAVE_VERSION || get_u64(r) != CORE_PARAM_COUNT || get_u64(r) != CORE_LEVER_COUNT)
        return fail(r, "the save was made by an incompatible version of the game");
    s->magic = CORE_MAGIC;
    s->seed = get_u64(r);
    s->start_year = get_i32(r);
    s->start_month = get_i32(r);
    s->month = get_i32(r);
    if (s->start_month < 1 || s->start_month > 12 || s->month < 0 || s->month > CORE_MAX_MONTHS)
        return fail(r, "the save's date is damaged");
    s->rng.state = get_u64(r);
    s->rng.inc = get_u64(r);
    s->script_rng.state = get_u64(r);
    s->script_rng.inc = get_u64(r);
    for (int i = 0; i < CORE_PARAM_COUNT; i++)
        s->params[i] = get_f64(r);
    if (!r->failed && !core_params_validate(s->params))
        return fail(r, "a parameter is out of range");
    s->extra_param_count = (int)get_count(r, CORE_MAX_EXTRA_PARAMS);
    for (int i = 0; i < s->extra_param_count && !r->failed; i++) {
        get_str(r, s->extra_params[i].name, CORE_ID_LEN);
        s->extra_params[i].value = get_f64(r);
        if (!isfinite(s->extra_params[i].value))
            return fail(r, "a content parameter is damaged");
    }
    s->province_count = (int)get_count(r, CORE_MAX_PROVINCES);
    for (int i = 0; i < s->province_count && !r->failed; i++) {
        CoreProvinceInfo *pi = &s->info[i];
        get_str(r, pi->id, CORE_ID_LEN);
        pi->pop_1957 = get_i64(r);
        pi->pop_provenance = (CoreProvenance)(get_i32(r) != 0);
        get_str(r, pi->pop_source, CORE_ID_LEN);
        pi->urban_share = get_f64(r);
        pi->urban_provenance = (CoreProvenance)(get_i32(r) != 0);
        get_str(r, pi->urban_source, CORE_ID_LEN);
        pi->grain_1957_kg = get_i64(r);
        pi->procured_1957_kg = get_i64(r);
        pi->sales_1957_kg = get_i64(r);
        pi->grain_provenance = (CoreProvenance)(get_i32(r) != 0);
        get_str(r, pi->grain_source, CORE_ID_LEN);
        pi->cbr_base = get_f64(r);
        pi->cdr_base = get_f64(r);
        pi->vital_provenance = (CoreProvenance)(get_i32(r) != 0);
        get_str(r, pi->vital_source, CORE_ID_LEN);
        pi->radical_leadership = get_i32(r) != 0;
        get_str(r, pi->leadership_source, CORE_ID_LEN);
        pi->leap_reached = get_i32(r) != 0;
        get_str(r, pi->leap_source, CORE_ID_LEN);
        s->base_field_labour[i] = get_f64(r);

        CoreProvince *p = &s->prov[i];
        p->rural_pop = get_i64(r);
        p->urban_pop = get_i64(r);
        p->rural_grain_kg = get_i64(r);
        p->seed_grain_kg = get_i64(r);
        if (!amount_ok(p->rural_pop) || !amount_ok(p->urban_pop) || !amount_ok(p->rural_grain_kg) ||
            !amount_ok(p->seed_grain_kg) || pi->pop_1957 <= 0 || !amount_ok(pi->pop_1957) ||
            !amount_ok(pi->grain_1957_kg) || !amount_ok(pi->procured_1957_kg) || !amount_ok(pi->sales_1957_kg))
            return fail(r, "a province's population or stocks are out of range");
        p->health = get_f64(r);
        p->health_urban = get_f64(r);
        for (int k = 0; k < CORE_FERT_LAG_MONTHS; k++) {
            p->fecundity_hist[k] = get_f64(r);
            p->fecundity_urban_hist[k] = get_f64(r);
        }
        double *fields[] = {&p->zeal, &p->radicalism, &p->sparrows, &p->pests, &p->forest, &p->works_done, &p->works_unsafe,
                            &p->dam_damage, &p->birth_deficit, &p->famine_dead, &p->quota_outstanding_kg, &p->weather,
                            &p->sown_summer, &p->sown_autumn, &p->cultivation_sum, &p->year_reported_kg};
        for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
            *fields[k] = get_f64(r);
        p->cultivation_months = get_i32(r);
        for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
            if (!(fabs(*fields[k]) <= CORE_AMOUNT_MAX))
                return fail(r, "a province's state is out of range");
        if (!index_ok(p->health) || !index_ok(p->health_urban) || !index_ok(p->zeal) || !index_ok(p->sparrows) ||
            !index_ok(p->pests) || !index_ok(p->forest) || p->cultivation_months < 0 ||
            p->cultivation_months > CORE_MAX_MONTHS || !index_ok(p->radicalism) || !index_ok(pi->urban_share))
            return fail(r, "a province's state is out of range");
        for (int k = 0; k < CORE_FERT_LAG_MONTHS; k++)
            if (!index_ok(p->fecundity_hist[k]) || !index_ok(p->fecundity_urban_hist[k]))
                return fail(r, "a province's health history is out of range");
    }
    s->granary_kg = get_i64(r);
    if (!amount_ok(s->granary_kg))
        return fail(r, "the granary stock is out of range");
    s->pressure_shock = get_f64(r);
    s->policy_count = (int)get_count(r, CORE_MAX_POLICIES);
    for (int i = 0; i < s->policy_count && !r->failed; i++) {
        CorePolicy *pol = &s->policies[i];
        get_str(r, pol->id, CORE_ID_LEN);
        pol->active = get_i32(r) != 0;
        pol->enacted_month = get_i32(r);
        pol->modifier_count = (int)get_count(r, CORE_MAX_POLICY_MODIFIERS);
        for (int k = 0; k < pol->modifier_count && !r->failed; k++)
            modifier_read(r, &pol->modifiers[k], s->province_count);
    }
    s->modifier_count = (int)get_count(r, CORE_MAX_MODIFIERS);
    for (int i = 0; i < s->modifier_count && !r->failed; i++) {
        CoreModifier *m = &s->modifiers[i];
        modifier_read(r, &m->d, s->province_count);
        int src = get_i32(r);
        m->expires = get_i32(r);
        int pol = get_i32(r);
        if (src < 0 || src >= CORE_MAX_SOURCES || pol < -1 || pol >= s->policy_count)
            return fail(r, "a modifier is damaged");
        m->source = (uint16_t)src;
        m->policy = (int16_t)pol;
    }
    s->source_count = (int)get_count(r, CORE_MAX_SOURCES);
    for (int i = 0; i < s->source_count && !r->failed; i++)
        get_str(r, s->sources[i], CORE_SOURCE_LEN);
    for (int i = 0; i < s->modifier_count; i++)
        if (s->modifiers[i].source >= s->source_count)
            return fail(r, "a modifier names an unknown source");
    s->decision_count = (int)get_count(r, CORE_MAX_DECISIONS);
    for (int i = 0; i < s->decision_count && !r->failed; i++) {
        CoreDecision *d = &s->decisions[i];
        memset(d, 0, sizeof *d); /* the state left the decisions unzeroed (core_state_zero) */
        d->month = get_i32(r);
        d->province = get_i32(r);
        if (d->province < -1 || d->province >= s->province_count)
            return fail(r, "a decision names an unknown province");
        get_str(r, d->event, CORE_ID_LEN);
        get_str(r, d->option, CORE_ID_LEN);
    }
    s->effect_count = (int)get_count(r, INT32_MAX);
    int kept = s->effect_count < CORE_EFFECT_LOG_CAP ? s->effect_count : CORE_EFFECT_LOG_CAP;
    for (int i = 0; i < kept && !r->failed; i++) {
        CoreEffectEntry *e = &s->effects[i];
        e->month = get_i32(r);
        int src = get_i32(r), kind = get_i32(r), prov = get_i32(r), target = get_i32(r);
        if (src < 0 || src >= s->source_count || kind < 0 || kind > CORE_CMD_DECISION || prov < -1 ||
            prov >= s->province_count || target < -32768 || target > 32767)
            return fail(r, "the effect log is damaged");
        e->source = (uint16_t)src;
        e->kind = (uint8_t)kind;
        e->province = (int8_t)prov;
        e->target = (int16_t)target;
        e->before = get_f64(r);
        e->after = get_f64(r);
    }
    int64_t *totals[] = {&s->total_harvested_kg, &s->total_rotted_kg, &s->total_eaten_kg,
                         &s->total_feed_waste_kg, &s->total_sown_kg,  &s->total_urban_kg,
                         &s->total_exported_kg,  &s->total_imported_kg, &s->total_transferred_in_kg};
    for (size_t k = 0; k < sizeof totals / sizeof totals[0]; k++) {
        *totals[k] = get_i64(r);
        if (*totals[k] < 0 || *totals[k] > (int64_t)(CORE_AMOUNT_MAX * 1000))
            return fail(r, "a grain total is out of range");
    }
    for (int m = 0; m <= s->month; m++)
        core_history_begin(s, m); /* the rows read below, and the month under way */
    for (int m = 0; m < s->month && !r->failed; m++) {
        for (int i = 0; i < s->province_count; i++) {
            CoreProvinceMonth *rec = &s->hist[m][i];
            CORE_MONTH_FIELDS(FIELD_GET)
        }
        CoreNationalMonth *rec = &s->nhist[m];
        CORE_NATIONAL_MONTH_FIELDS(FIELD_GET)
    }
    if (!r->failed && r->p != r->end)
        return fail(r, "there is unexpected data at the end");
    return !r->failed;
}

uint64_t core_state_hash(const CoreState *s)
{
    Writer w = {.hash_only = true, .hash = 14695981039346656037ULL};
    write_state(&w, s);
    return w.hash;
}

bool core_save_to_buffer(const CoreState *s, uint8_t **out, size_t *out_len)
{
    Writer w = {0};
    write_state(&w, s);
    if (w.failed) {
        free(w.buf);
        return core_error_set("out of memory while saving");
    }
    *out = w.buf;
    *out_len = w.len;
    return true;
}

CoreState *core_load_from_buffer(const uint8_t *buf, size_t len)
{
    /* As core_state_create: zeroed but for the record, whose rows read_state
     * zeroes as far as the save goes, and the modifiers, sources and
     * decisions it reads whole. */
    CoreState *s = malloc(sizeof *s);
    if (!s) {
        core_error_set("out of memory while loading");
        return NULL;
    }
    core_state_zero(s);
    Reader r = {buf, buf + len, false, NULL};
    if (!read_state(&r, s)) {
        core_error_set("cannot load this save: %s", r.why ? r.why : "it is damaged");
        free(s);
        return NULL;
    }
    core_decisions_reindex(s);
    core_sources_reindex(s);
    core_levers_update(s);
    return s;
}
