/* core_procure.c — state procurement: the centre's quota, set on the
 * *reported* harvest and on its own needs, and what cadres take to meet it.
 * Equations: docs/model.md, "Procurement". */
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
double core_last_year_harvest(const CoreState *s, int p, int m, bool reported)
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

/* The share of the reported harvest the centre asks of a province: its own
 * 1957/58 procurement over its 1957 output (P04), moved by any national
 * change of the procurement rate, plus what a zealous leadership procures
 * beyond its quota (Kung & Chen's excess procurement, R18). */
static double province_rate(const CoreState *s, int p)
{
    const CoreProvinceInfo *in = &s->info[p];
    if (in->grain_1957_kg <= 0 || in->procured_1957_kg <= 0)
        return 0.0; /* outside the state's grain system (Tibet) */
    double rate = (double)in->procured_1957_kg / (double)in->grain_1957_kg;
    rate += LEVER_P(s, p, procurement_rate) - PARAM(s, procurement_rate_base);
    rate += PARAM(s, radical_excess_procurement) * s->prov[p].zeal;
    return clampd(rate, 0.0, 0.9);
}

/* Grain a cadre will leave the household: subsistence until the next
 * harvest. A quota the grain above subsistence cannot meet (one set on
 * inflated reports) drives a zealous cadre into the subsistence grain
 * itself, in proportion to the share of the quota left unmet: the
 * inflexible quotas of Kung & Lin (2003) and Meng, Qian & Yared (2015). */
static double protected_kg(const CoreState *s, int p, int m, double want)
{
    const CoreProvince *pv = &s->prov[p];
    int months = core_months_to_harvest(s, m % 12 + 1);
    double full = PARAM(s, subsistence_kg_month) * (double)pv->rural_pop * months;
    double open = maxd(0.0, (double)pv->rural_grain_kg - full);
    double unmet = want > 0 ? clampd((want - open) / want, 0.0, 1.0) : 0.0;
    double cut = clampd(PARAM(s, zeal_subsistence_cut) * pv->zeal * unmet, 0.0, 1.0);
    return full * (1.0 - cut);
}

/* What the centre needs beyond 1957's plan in a year, kg: exports less
 * imports, the sales to the towns' new people, and what its stocks lack of
 * its target (or, negative, hold beyond it). Exports come out of
 * procurement; imports, and stocks the centre already holds, let the quotas
 * fall. */
static double extra_needs_kg(const CoreState *s, int m)
{
    double towns_now = 0, towns_1957 = 0;
    for (int p = 0; p < s->province_count; p++) {
        towns_now += (double)s->prov[p].urban_pop;
        towns_1957 += round_amount((double)s->info[p].pop_1957 * s->info[p].urban_share);
    }
    double per_town = 12.0 * (PARAM(s, urban_ration_kg_month) * LEVER_N(s, urban_ration_mult) +
                              PARAM(s, urban_other_kg_month));
    double stocks = core_granary_target_kg(s, m) - (double)s->granary_kg;
    return 1000.0 * (LEVER_N(s, exports_t_year) * LEVER_N(s, exports_allowed) - LEVER_N(s, imports_t_year)) +
           per_town * (towns_now - towns_1957) + stocks;
}

/* How alarmed the centre is by the deaths reported to it over the last
 * twelve months: their excess over the provinces' normal rates, relative to
 * normal, 0 to 1. The deaths it never hears of (concealment) never alarm it. */
static double reported_alarm(const CoreState *s)
{
    double deaths = 0, normal = 0;
    int months = 0;
    for (int k = s->month - 12; k < s->month; k++) {
        if (k < 0)
            continue;
        months++;
        for (int p = 0; p < s->province_count; p++) {
            deaths += (double)s->hist[k][p].deaths_reported;
            normal += (double)s->hist[k][p].population * s->info[p].cdr_base / 12000.0;
        }
    }
    return months > 0 && normal > 0 ? clampd(deaths / normal - 1.0, 0.0, 1.0) : 0.0;
}

/* At a harvest the centre plans each province's share of the season: its
 * rate on the harvest it believes in, scaled so that all the quotas together
 * also cover the centre's extra needs (or fall by what imports and stocks
 * spare it): every province's quota moves in the same proportion. The more
 * deaths are reported, the less the centre trusts the claims (by 1960 it
 * knew of deaths). */
static void plan_quotas(CoreState *s, int m)
{
    double share = core_harvest_share(s, m);
    double base[CORE_MAX_PROVINCES], base_total = 0;
    double doubt = clampd(PARAM(s, quota_alarm) * reported_alarm(s), 0.0, 1.0);
    for (int p = 0; p < s->province_count; p++) {
        double qor = LEVER_P(s, p, quota_on_reports) * (1.0 - doubt);
        double basis = qor * core_last_year_harvest(s, p, s->month, true) +
                       (1.0 - qor) * core_last_year_harvest(s, p, s->month, false);
        base[p] = province_rate(s, p) * basis;
        base_total += base[p];
        /* Sichuan's transfers and the like: grain sent out beyond the quota. */
        base[p] += LEVER_P(s, p, outflow_share) * basis;
    }
    double scale = base_total > 0 ? maxd(0.0, 1.0 + extra_needs_kg(s, m) / base_total) : 1.0;
    for (int p = 0; p < s->province_count; p++) {
        CoreProvince *pv = &s->prov[p];
        if (season_starts(s, m)) /* a new season's quota replaces what was left of the last one */
            pv->quota_outstanding_kg = 0;
        double quota = share * base[p] * scale;
        pv->quota_outstanding_kg += quota;
        s->hist[s->month][p].quota_kg = round_amount(quota);
    }
}

void core_procure_step(CoreState *s, CoreMonth *mo)
{
    bool harvest = core_harvest_share(s, mo->m) > 0.0;
    if (harvest)
        plan_quotas(s, mo->m);
    mo->procured_total_kg = 0;
    for (int p = 0; p < s->province_count; p++) {
        CoreProvince *pv = &s->prov[p];
        CoreProvinceMonth *rec = &s->hist[s->month][p];
        double want = pv->quota_outstanding_kg;
        if (!harvest) /* between harvests, unmet quotas are squeezed out as zeal allows */
            want *= PARAM(s, extraction_per_month) * pv->zeal;
        /* Food above what the cadre leaves the household, then as much of the
         * seed reserve as pressure lets them take. */
        int64_t food_open = round_amount((double)pv->rural_grain_kg - protected_kg(s, p, mo->m, want));
        int64_t seed_open = round_amount(LEVER_P(s, p, seed_grain_taken) * (double)pv->seed_grain_kg);
        int64_t take = round_amount(mind(want, (double)(food_open + seed_open)));
        int64_t from_food = min64(take, min64(food_open, pv->rural_grain_kg));
        int64_t from_seed = min64(take - from_food, min64(seed_open, pv->seed_grain_kg));
        take = from_food + from_seed;
        pv->rural_grain_kg -= from_food;
        pv->seed_grain_kg -= from_seed;
        pv->quota_outstanding_kg = maxd(0.0, pv->quota_outstanding_kg - (double)take);
        rec->procured_kg = take;
        double rate = province_rate(s, p), out = LEVER_P(s, p, outflow_share);
        rec->outflow_kg = rate + out > 0 ? round_amount((double)take * out / (rate + out)) : 0;
        s->granary_kg += take;
        mo->procured_total_kg += take;
    }
}
