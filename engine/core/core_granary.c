/* core_granary.c — the state's grain account: imports in; the towns'
 * rations, other state use and exports out; and what goes back to the
 * countryside: the planned resale, relief for the hunger the centre
 * believes in, and the stocks above the centre's target.
 * Equations: docs/model.md, "The state's grain account". */
#include "core_internal.h"

double core_town_need_kg(const CoreState *s)
{
    double towns = 0;
    for (int p = 0; p < s->province_count; p++)
        towns += (double)s->prov[p].urban_pop;
    double per_head = PARAM(s, urban_ration_kg_month) * LEVER_N(s, urban_ration_mult) + PARAM(s, urban_other_kg_month);
    return towns * per_head + PARAM(s, state_other_use_t_year) * 1000.0 / 12.0;
}

double core_resale_1957_per_head(const CoreState *s, int p)
{
    const CoreProvinceInfo *in = &s->info[p];
    double towns = (double)round_amount((double)in->pop_1957 * in->urban_share);
    double rural = (double)in->pop_1957 - towns;
    double town_sales = towns * 12.0 * (PARAM(s, urban_ration_kg_month) + PARAM(s, urban_other_kg_month));
    return rural > 0 ? maxd(0.0, (double)in->sales_1957_kg - town_sales) / rural : 0.0;
}

double core_planned_resale_kg(const CoreState *s)
{
    double sum = 0;
    for (int p = 0; p < s->province_count; p++)
        sum += core_resale_1957_per_head(s, p) * (double)s->prov[p].rural_pop / 12.0;
    return sum;
}

double core_granary_target_kg(const CoreState *s, int m)
{
    int next = core_months_to_harvest(s, m % 12 + 1);
    double town = core_town_need_kg(s);
    return (town + core_planned_resale_kg(s)) * next + town * PARAM(s, granary_target_months);
}

/* The shortfall the centre believes a province has until the next harvest,
 * per month. It judges from the reports: the grain a province claimed to
 * have grown and never delivered is, to the centre, grain the peasants hide
 * ("rich peasants hiding grain"), and it counts it as theirs until the next
 * harvest. A recount or opened granaries (relief_on_reports 0) see the truth. */
static double believed_shortfall(const CoreState *s, int p, int months_left)
{
    const CoreProvince *pv = &s->prov[p];
    double phantom = maxd(0.0, core_last_year_harvest(s, p, s->month, true) -
                                   core_last_year_harvest(s, p, s->month, false)) *
                     months_left / 12.0;
    double believed = (double)pv->rural_grain_kg + phantom * LEVER_N(s, relief_on_reports);
    double need = (double)pv->rural_pop * PARAM(s, rural_desired_kg_month) * months_left;
    return maxd(0.0, need - believed) / months_left;
}

void core_granary_step(CoreState *s, CoreMonth *mo)
{
    CoreNationalMonth *nm = &s->nhist[s->month];
    /* Imports arrive; they come from abroad, so they enter the system. */
    int64_t imports = round_amount(LEVER_N(s, imports_t_year) * 1000.0 / 12.0);
    s->granary_kg += imports;
    nm->imports_kg += imports;
    s->total_imported_kg += imports;

    /* The towns' rations and the state's other uses come first. */
    double need = core_town_need_kg(s);
    int64_t supplied = min64(round_amount(need), s->granary_kg);
    s->granary_kg -= supplied;
    s->total_urban_kg += supplied;
    nm->urban_supplied_kg = supplied;
    nm->urban_ration_share = need > 0 ? (double)supplied / need : 1.0;

    /* Exports leave only what keeps the towns fed for the reserve months. */
    int64_t reserve = round_amount(need * PARAM(s, granary_reserve_months));
    int64_t exports = min64(round_amount(LEVER_N(s, exports_t_year) * LEVER_N(s, exports_allowed) * 1000.0 / 12.0),
                            max64(0, s->granary_kg - reserve));
    s->granary_kg -= exports;
    nm->exports_kg += exports;
    s->total_exported_kg += exports;

    /* Back to the countryside: the resale of 1957/58 per rural head, relief
     * for the shortfall the centre believes in, and a share of the stocks
     * above its target. */
    int next = core_months_to_harvest(s, mo->m % 12 + 1);
    double want[CORE_MAX_PROVINCES], short_[CORE_MAX_PROVINCES], want_total = 0;
    for (int p = 0; p < s->province_count; p++) {
        short_[p] = believed_shortfall(s, p, next);
        want[p] = core_resale_1957_per_head(s, p) * (double)s->prov[p].rural_pop / 12.0 +
                  LEVER_P(s, p, relief_share) * short_[p];
        want_total += want[p];
    }
    double release = maxd(0.0, (double)s->granary_kg - core_granary_target_kg(s, mo->m) - want_total) *
                     PARAM(s, granary_release_share);
    /* Stocks above the target go where the centre believes the need is,
     * never beyond the shortfall it believes in until the next harvest. Of
     * what that cap holds back, a share goes out anyway, shared the same way
     * (the record's sales rose with its procurement in 1958/59 and 1959/60
     * while its stocks stayed about level, P04 and S04); the rest stays in
     * the granary, and the next quotas fall by it (core_procure.c). */
    double short_total = 0, given = 0;
    for (int p = 0; p < s->province_count; p++)
        short_total += short_[p];
    for (int p = 0; p < s->province_count && short_total > 0; p++) {
        double give = mind(release * short_[p] / short_total, short_[p] * next);
        want[p] += give;
        given += give;
    }
    double overflow = short_total > 0 ? maxd(0.0, release - given) * PARAM(s, granary_overflow_release) : 0.0;
    for (int p = 0; p < s->province_count && short_total > 0; p++)
        want[p] += overflow * short_[p] / short_total;
    want_total += given + overflow;
    double free_kg = (double)max64(0, s->granary_kg - reserve);
    double k = want_total > free_kg ? free_kg / want_total : 1.0;
    for (int p = 0; p < s->province_count; p++) {
        int64_t give = min64(round_amount(want[p] * k), s->granary_kg);
        s->granary_kg -= give;
        s->prov[p].rural_grain_kg += give;
        s->hist[s->month][p].relief_kg += give;
    }
}
