/* core_data.c — reads the scenario's data files (params.csv, provinces.csv)
 * from memory buffers and validates them. Bad input is never fatal: the
 * caller gets false and a message naming file:line. */
#include "core_csv.h"
#include "core_internal.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool parse_number(const char *s, double *out)
{
    if (!s || !*s)
        return false;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || *end != '\0' || !isfinite(v))
        return false;
    *out = v;
    return true;
}

static void copy_id(char *dst, const char *src)
{
    size_t n = strlen(src);
    if (n >= CORE_ID_LEN)
        n = CORE_ID_LEN - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* Column indices looked up from a header row, by name. */
static bool find_columns(const CsvReader *r, const char *const *names, int *idx, int n)
{
    for (int i = 0; i < n; i++) {
        idx[i] = csv_column(r, names[i]);
        if (idx[i] < 0)
            return core_error_set("%s:%d: missing column '%s'", r->name, r->line, names[i]);
    }
    return true;
}

static const char *field(const CsvReader *r, int i) { return i < r->nfields ? r->field[i] : ""; }

bool core_data_parse_params(CoreScenario *sc, const char *name, const char *text, size_t len)
{
    static CsvReader r; /* large buffer: not on the stack */
    csv_init(&r, name, text, len);
    int rc = csv_next(&r);
    if (rc <= 0)
        return rc < 0 ? false : core_error_set("%s: empty file", name);
    static const char *const cols[] = {"name", "value", "unit", "kind", "source"};
    int c[5];
    if (!find_columns(&r, cols, c, 5))
        return false;
    while ((rc = csv_next(&r)) > 0) {
        const char *pname = field(&r, c[0]);
        CoreParam p = core_param_find(pname);
        if (!*pname || strlen(pname) >= CORE_ID_LEN)
            return core_error_set("%s:%d: bad parameter name '%s'", name, r.line, pname);
        bool twice = p != CORE_PARAM_COUNT && sc->param_set[p];
        for (int i = 0; i < sc->extra_param_count; i++)
            twice = twice || strcmp(sc->extra_params[i].name, pname) == 0;
        if (twice)
            return core_error_set("%s:%d: parameter '%s' given twice", name, r.line, pname);
        if (p == CORE_PARAM_COUNT && sc->extra_param_count >= CORE_MAX_EXTRA_PARAMS)
            return core_error_set("%s:%d: more than %d content parameters", name, r.line, CORE_MAX_EXTRA_PARAMS);
        double v;
        if (!parse_number(field(&r, c[1]), &v))
            return core_error_set("%s:%d: parameter '%s': '%s' is not a number", name, r.line, pname,
                                  field(&r, c[1]));
        const char *kind = field(&r, c[3]);
        if (strcmp(kind, "recorded") && strcmp(kind, "derived") && strcmp(kind, "calibration") &&
            strcmp(kind, "assumption"))
            return core_error_set("%s:%d: parameter '%s': kind '%s' is not recorded, derived, calibration or assumption",
                                  name, r.line, pname, kind);
        if (!*field(&r, c[4]))
            return core_error_set("%s:%d: parameter '%s' has no source", name, r.line, pname);
        if (p == CORE_PARAM_COUNT) { /* the content's: the scripts look it up by name */
            CoreNamedParam *x = &sc->extra_params[sc->extra_param_count++];
            copy_id(x->name, pname);
            x->value = v;
            continue;
        }
        sc->params[p] = v;
        sc->param_set[p] = true;
    }
    return rc == 0;
}

static bool parse_provenance(const char *s, CoreProvenance *out)
{
    if (strcmp(s, "recorded") == 0)
        *out = CORE_RECORDED;
    else if (strcmp(s, "modelled") == 0)
        *out = CORE_MODELLED;
    else
        return false;
    return true;
}

bool core_data_parse_provinces(CoreScenario *sc, const char *name, const char *text, size_t len)
{
    static CsvReader r;
    csv_init(&r, name, text, len);
    int rc = csv_next(&r);
    if (rc <= 0)
        return rc < 0 ? false : core_error_set("%s: empty file", name);
    enum { ID, POP, POP_P, POP_S, URB, URB_P, URB_S, GR, PROC, SALES, GR_P, GR_S, CBR, CDR, VIT_P, VIT_S, LEAD,
           LEAD_S, LEAP, LEAP_S, NCOL };
    static const char *const cols[NCOL] = {
        "id", "pop_1957", "pop_provenance", "pop_source", "urban_share", "urban_provenance", "urban_source",
        "grain_1957_t", "procurement_1957_t", "sales_1957_t", "grain_provenance", "grain_source", "cbr_base",
        "cdr_base", "vital_provenance", "vital_source", "leadership", "leadership_source", "leap_reached",
        "leap_source"};
    int c[NCOL];
    if (!find_columns(&r, cols, c, NCOL))
        return false;
    sc->province_count = 0;
    while ((rc = csv_next(&r)) > 0) {
        if (sc->province_count >= CORE_MAX_PROVINCES)
            return core_error_set("%s:%d: more than %d provinces", name, r.line, CORE_MAX_PROVINCES);
        CoreProvinceInfo *pi = &sc->provinces[sc->province_count];
        memset(pi, 0, sizeof *pi);
        const char *id = field(&r, c[ID]);
        if (!*id || strlen(id) >= CORE_ID_LEN)
            return core_error_set("%s:%d: bad province id '%s'", name, r.line, id);
        for (int i = 0; i < sc->province_count; i++)
            if (strcmp(sc->provinces[i].id, id) == 0)
                return core_error_set("%s:%d: province '%s' given twice", name, r.line, id);
        copy_id(pi->id, id);
        double pop, urb, grain, proc, sales, cbr, cdr, leap;
        struct { int col; double *dst; const char *what; } nums[] = {
            {c[POP], &pop, "pop_1957"}, {c[URB], &urb, "urban_share"}, {c[GR], &grain, "grain_1957_t"},
            {c[PROC], &proc, "procurement_1957_t"}, {c[SALES], &sales, "sales_1957_t"},
            {c[CBR], &cbr, "cbr_base"}, {c[CDR], &cdr, "cdr_base"}, {c[LEAP], &leap, "leap_reached"}};
        for (size_t i = 0; i < sizeof nums / sizeof nums[0]; i++)
            if (!parse_number(field(&r, nums[i].col), nums[i].dst))
                return core_error_set("%s:%d: %s: %s: '%s' is not a number", name, r.line, id, nums[i].what,
                                      field(&r, nums[i].col));
        struct { int col; CoreProvenance *dst; } provs[] = {
            {c[POP_P], &pi->pop_provenance}, {c[URB_P], &pi->urban_provenance},
            {c[GR_P], &pi->grain_provenance}, {c[VIT_P], &pi->vital_provenance}};
        for (size_t i = 0; i < sizeof provs / sizeof provs[0]; i++)
            if (!parse_provenance(field(&r, provs[i].col), provs[i].dst))
                return core_error_set("%s:%d: %s: provenance '%s' must be 'recorded' or 'modelled'", name, r.line,
                                      id, field(&r, provs[i].col));
        pi->pop_1957 = (int64_t)llround(pop);
        pi->urban_share = urb;
        if (leap != 0 && leap != 1)
            return core_error_set("%s:%d: %s: leap_reached must be 0 or 1", name, r.line, id);
        if (!(grain >= 0 && grain < 1e12 && proc >= 0 && proc <= grain && sales >= 0 && sales < 1e12))
            return core_error_set("%s:%d: %s: grain figures %g / %g / %g t are not plausible", name, r.line, id,
                                  grain, proc, sales);
        pi->grain_1957_kg = (int64_t)llround(grain * 1000.0);
        pi->procured_1957_kg = (int64_t)llround(proc * 1000.0);
        pi->sales_1957_kg = (int64_t)llround(sales * 1000.0);
        pi->leap_reached = leap == 1;
        pi->cbr_base = cbr;
        pi->cdr_base = cdr;
        const char *lead = field(&r, c[LEAD]);
        if (strcmp(lead, "radical") != 0 && strcmp(lead, "ordinary") != 0)
            return core_error_set("%s:%d: %s: leadership '%s' must be 'radical' or 'ordinary'", name, r.line, id, lead);
        pi->radical_leadership = strcmp(lead, "radical") == 0;
        copy_id(pi->pop_source, field(&r, c[POP_S]));
        copy_id(pi->urban_source, field(&r, c[URB_S]));
        copy_id(pi->grain_source, field(&r, c[GR_S]));
        copy_id(pi->vital_source, field(&r, c[VIT_S]));
        copy_id(pi->leadership_source, field(&r, c[LEAD_S]));
        copy_id(pi->leap_source, field(&r, c[LEAP_S]));
        sc->province_count++;
    }
    return rc == 0;
}

/* Parameters that divide, set time constants or name months must be in range;
 * every other parameter must be a non-negative number below 1e9. */
static const CoreParam positive_params[] = {
    CORE_PARAM_kcal_per_kg_grain, CORE_PARAM_kcal_need,        CORE_PARAM_rural_desired_kg_month,
    CORE_PARAM_pressure_decay_months, CORE_PARAM_zeal_tau_months, CORE_PARAM_zeal_scale_ref,
    CORE_PARAM_health_tau_months, CORE_PARAM_ration_horizon_months, CORE_PARAM_peak_labour_use,
    CORE_PARAM_working_age_share, CORE_PARAM_urban_ration_kg_month};
static const CoreParam month_params[] = {CORE_PARAM_sowing_month_summer_crop, CORE_PARAM_sowing_month_autumn_crop,
                                         CORE_PARAM_rainy_month_first, CORE_PARAM_rainy_month_last};
static const CoreParam share_params[] = {
    CORE_PARAM_seed_share, CORE_PARAM_feed_waste_share, CORE_PARAM_working_age_share,
    CORE_PARAM_labour_other_share, CORE_PARAM_harvest_share_m6, CORE_PARAM_harvest_share_m9,
    CORE_PARAM_harvest_share_m10, CORE_PARAM_pest_max_loss, CORE_PARAM_erosion_loss, CORE_PARAM_dam_loss,
    CORE_PARAM_collapse_unsafe_left, CORE_PARAM_zeal_scale_floor, CORE_PARAM_pressure_base,
    CORE_PARAM_procurement_rate_base, CORE_PARAM_backyard_usable_share, CORE_PARAM_fert_floor,
    CORE_PARAM_granary_release_share, CORE_PARAM_granary_overflow_release, CORE_PARAM_radical_excess_procurement};

static bool listed(const CoreParam *list, size_t n, CoreParam p)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == p)
            return true;
    return false;
}

CoreParamRange core_param_range(CoreParam p)
{
    CoreParamRange r = {0.0, 1e9, false, true}; /* [0, 1e9) */
    if (listed(month_params, sizeof month_params / sizeof month_params[0], p))
        return (CoreParamRange){1.0, 12.0, false, false};
    if (listed(positive_params, sizeof positive_params / sizeof positive_params[0], p))
        r.lo_open = true;
    if (listed(share_params, sizeof share_params / sizeof share_params[0], p))
        r.hi = 1.0, r.hi_open = false;
    return r;
}

bool core_params_validate(const double *params)
{
    for (int i = 0; i < CORE_PARAM_COUNT; i++) {
        CoreParamRange r = core_param_range((CoreParam)i);
        double v = params[i];
        bool ok = (r.lo_open ? v > r.lo : v >= r.lo) && (r.hi_open ? v < r.hi : v <= r.hi);
        if (ok)
            continue;
        const char *name = core_param_info((CoreParam)i)->name;
        if (r.lo == 1.0 && r.hi == 12.0)
            return core_error_set("parameter '%s' must be a month, 1 to 12", name);
        if (r.hi == 1.0)
            return core_error_set("parameter '%s' is a share and must be %s 0 to 1, not %g", name,
                                  r.lo_open ? "above" : "from", v);
        if (r.lo_open && v <= 0.0 && v == v)
            return core_error_set("parameter '%s' must be above 0", name);
        return core_error_set("parameter '%s' = %g is out of range", name, v);
    }
    return true;
}

bool core_scenario_validate(const CoreScenario *sc)
{
    if (sc->start_year < 1900 || sc->start_year > 2100 || sc->start_month < 1 || sc->start_month > 12)
        return core_error_set("scenario: start date %d-%02d is not valid", sc->start_year, sc->start_month);
    for (int i = 0; i < CORE_PARAM_COUNT; i++)
        if (!sc->param_set[i])
            return core_error_set("scenario: parameter '%s' is not set (assets/data/params.csv)",
                                  core_param_info((CoreParam)i)->name);
    if (!core_params_validate(sc->params))
        return false;
    if (sc->province_count <= 0)
        return core_error_set("scenario: no provinces");
    for (int i = 0; i < sc->province_count; i++) {
        const CoreProvinceInfo *p = &sc->provinces[i];
        if (p->pop_1957 <= 0 || p->pop_1957 > 2000000000LL || p->grain_1957_kg > (int64_t)CORE_AMOUNT_MAX)
            return core_error_set("province %s: population %lld is not plausible", p->id, (long long)p->pop_1957);
        if (!(p->urban_share >= 0 && p->urban_share <= 1))
            return core_error_set("province %s: urban share %g is not in 0..1", p->id, p->urban_share);
        if (p->grain_1957_kg < 0)
            return core_error_set("province %s: negative grain output", p->id);
        if (!(p->cbr_base >= 0 && p->cbr_base < 100 && p->cdr_base >= 0 && p->cdr_base < 100))
            return core_error_set("province %s: vital rates %g/%g per 1000 are not plausible", p->id, p->cbr_base,
                                  p->cdr_base);
        if (!p->pop_source[0] || !p->grain_source[0] || !p->vital_source[0] || !p->urban_source[0] ||
            !p->leadership_source[0] || !p->leap_source[0])
            return core_error_set("province %s: every starting figure needs a source id", p->id);
    }
    return true;
}
