/* core_procure.c — state procurement from the *reported* harvest, and the
 * state granary: urban rations, exports, imports, resale and relief.
 * Equations: docs/model.md, "Procurement" and "Granary". */
#include "core_internal.h"

static bool season_starts(const CoreState *s, int m)
{
    int prev = (m + 10) % 12 + 1;
    return core_harvest_share(s, m) > 0.0 && core_harvest_share(s, prev) == 0.0;
}

/* Harvest of the twelve months before month index `m`, reported or actual.
 * Months before the start count as 1957, when reports were honest. The
 * state plans a season's quota from this: the famine came from quotas set
 * on the inflated harvests of the year before (docs/model.md, "Procurement"). */
static double last_year_harvest(const CoreState *s, int p, int m, bool reported)
{
    double sum = 0;
    for (int k = m - 12; k < m; k++) {
        if (k >= 0) {
            sum += (double)(reported ? s->hist[k][p].harvest_reported_kg : s->hist[k][p].harvest_kg);
        } else {
            int cal = ((s->start_month - 1 + k) % 12 + 12) % 12 + 1;
            sum += (double)s->info[p].grain_1957_kg * core_harvest_share(s, cal);
        }
    }
    return sum;
}

/* Grain procured in a province over the twelve months before this one
 * (1957's rate on 1957's harvest before the start). Resale to the
 * countryside ran all year, out of the year's procurement. */
static double last_year_procured(const CoreState *s, int p)
{
    double sum = 0;
    for (int k = s->month - 12; k < s->month; k++)
        sum += k >= 0 ? (double)s->hist[k][p].procured_kg
                      : (double)s->info[p].grain_1957_kg * PARAM(s, procurement_rate_base) / 12.0;
    return sum;
}

/* Grain a cadre will leave the household: subsistence until the next harvest,
 * shrinking to nothing as zeal rises. */
static double protected_kg(const CoreState *s, int p, int m)
{
    int months = core_months_to_harvest(s, m % 12 + 1);
    double cut = clampd(PARAM(s, zeal_subsistence_cut) * s->prov[p].zeal, 0.0, 1.0);
    return PARAM(s, subsistence_kg_month) * (double)s->prov[p].rural_pop * months * (1.0 - cut);
}

void core_procure_step(CoreState *s, CoreMonth *mo)
{
    bool harvest = core_harvest_share(s, mo->m) > 0.0;
    mo->procured_total_kg = 0;
    for (int p = 0; p < s->province_count; p++) {
        CoreProvince *pv = &s->prov[p];
        CoreProvinceMonth *rec = &s->hist[s->month][p];
        double rate = LEVER_P(s, p, procurement_rate), outflow = LEVER_P(s, p, outflow_share);
        if (harvest) {
            /* A new season's quota replaces what was left of the last one. */
            if (season_starts(s, mo->m))
                pv->quota_outstanding_kg = 0;
            /* This season's share of a quota planned on last year's harvest:
             * the reported one, unless the centre verifies harvests. */
            double qor = LEVER_P(s, p, quota_on_reports);
            double basis = qor * last_year_harvest(s, p, s->month, true) +
                           (1.0 - qor) * last_year_harvest(s, p, s->month, false);
            pv->quota_outstanding_kg += (rate + outflow) * core_harvest_share(s, mo->m) * basis;
        }
        double want = pv->quota_outstanding_kg;
        if (!harvest) /* between harvests, unmet quotas are squeezed out as zeal allows */
            want *= PARAM(s, extraction_per_month) * pv->zeal;
        /* Food above what the cadre leaves the household, then as much of the
         * seed reserve as pressure lets them take. */
        int64_t food_open = round_amount((double)pv->rural_grain_kg - protected_kg(s, p, mo->m));
        int64_t seed_open = round_amount(LEVER_P(s, p, seed_grain_taken) * (double)pv->seed_grain_kg);
        int64_t take = round_amount(mind(want, (double)(food_open + seed_open)));
        int64_t from_food = min64(take, min64(food_open, pv->rural_grain_kg));
        int64_t from_seed = min64(take - from_food, min64(seed_open, pv->seed_grain_kg));
        take = from_food + from_seed;
        pv->rural_grain_kg -= from_food;
        pv->seed_grain_kg -= from_seed;
        pv->quota_outstanding_kg = maxd(0.0, pv->quota_outstanding_kg - (double)take);
        rec->procured_kg = take;
        rec->outflow_kg = rate + outflow > 0 ? round_amount((double)take * outflow / (rate + outflow)) : 0;
        s->granary_kg += take;
        mo->procured_total_kg += take;
    }
}

void core_granary_step(CoreState *s, CoreMonth *mo)
{
    CoreNationalMonth *nm = &s->nhist[s->month];
    /* Imports arrive; they come from abroad, so they enter the system. */
    int64_t imports = round_amount(LEVER_N(s, imports_t_year) * 1000.0 / 12.0);
    s->granary_kg += imports;
    nm->imports_kg += imports;
    s->total_imported_kg += imports;

    /* Urban rations and other state uses come first. */
    double urban_pop = 0;
    for (int p = 0; p < s->province_count; p++)
        urban_pop += (double)s->prov[p].urban_pop;
    double ration_need = urban_pop * PARAM(s, urban_ration_kg_month) * LEVER_N(s, urban_ration_mult);
    double need = ration_need + PARAM(s, state_other_use_t_year) * 1000.0 / 12.0;
    int64_t supplied = min64(round_amount(need), s->granary_kg);
    s->granary_kg -= supplied;
    s->total_urban_kg += supplied;
    nm->urban_supplied_kg = supplied;
    nm->urban_ration_share = need > 0 ? (double)supplied / need : 1.0;

    /* Exports leave only what keeps the cities fed for the reserve months. */
    int64_t reserve = round_amount(need * PARAM(s, granary_reserve_months));
    int64_t free_kg = max64(0, s->granary_kg - reserve);
    int64_t exports = min64(round_amount(LEVER_N(s, exports_t_year) * 1000.0 / 12.0), free_kg);
    s->granary_kg -= exports;
    nm->exports_kg += exports;
    s->total_exported_kg += exports;

    /* Resale and relief to the countryside. The centre judges need from the
     * reports: it believes inflated harvests left the peasants more grain. */
    free_kg = max64(0, s->granary_kg - reserve);
    double relief_share = LEVER_N(s, relief_share);
    double want[CORE_MAX_PROVINCES], want_total = 0;
    int next = core_months_to_harvest(s, mo->m % 12 + 1);
    for (int p = 0; p < s->province_count; p++) {
        CoreProvince *pv = &s->prov[p];
        CoreProvinceMonth *rec = &s->hist[s->month][p];
        double monthly_need = (double)pv->rural_pop * PARAM(s, rural_desired_kg_month);
        double believed = (double)pv->rural_grain_kg * (1.0 + rec->inflation * LEVER_N(s, relief_on_reports));
        double shortfall = maxd(0.0, monthly_need * next - believed) / next;
        double resale = PARAM(s, resale_share) * last_year_procured(s, p) / 12.0 * (1.0 - pv->zeal);
        want[p] = resale + relief_share * shortfall;
        want_total += want[p];
    }
    double k = want_total > (double)free_kg ? (double)free_kg / want_total : 1.0;
    for (int p = 0; p < s->province_count; p++) {
        int64_t give = min64(round_amount(want[p] * k), s->granary_kg);
        s->granary_kg -= give;
        s->prov[p].rural_grain_kg += give;
        s->hist[s->month][p].relief_kg += give;
    }
}
