/* core_tick.c — one month of the simulation, and yearly summaries.
 * The order of the steps is the model: each reads what the steps before it
 * wrote this month (docs/model.md, "The month"). */
#include "core_internal.h"

#include <string.h>

static void record_end_of_month(CoreState *s)
{
    for (int p = 0; p < s->province_count; p++) {
        const CoreProvince *pv = &s->prov[p];
        CoreProvinceMonth *rec = &s->hist[s->month][p];
        rec->population = pv->rural_pop + pv->urban_pop;
        rec->urban_pop = pv->urban_pop;
        rec->rural_grain_kg = pv->rural_grain_kg;
        rec->seed_grain_kg = pv->seed_grain_kg;
    }
    s->nhist[s->month].granary_kg = s->granary_kg;
}

bool core_tick(CoreState *s, const CoreCommand *cmds, size_t n)
{
    if (s->month >= CORE_MAX_MONTHS)
        return core_error_set("the simulation has reached its last month (%d months)", CORE_MAX_MONTHS);
    core_history_begin(s, s->month); /* what commands between months wrote there is dropped */
    core_modifiers_expire(s);
    core_apply_commands(s, cmds, n); /* also brings the levers up to date */

    CoreMonth mo;
    memset(&mo, 0, sizeof mo);
    mo.year = core_state_year(s);
    mo.m = core_state_month_of_year(s);
    mo.days = core_days_in_month(mo.year, mo.m);

    core_politics_step(s, &mo);
    core_migration_step(s, &mo);
    core_labour_step(s, &mo);
    core_pests_step(s, &mo);
    core_sowing_step(s, &mo);
    core_harvest_step(s, &mo);
    core_procure_step(s, &mo);
    core_granary_step(s, &mo);
    core_food_step(s, &mo);
    core_population_step(s, &mo);
    core_industry_step(s, &mo);
    record_end_of_month(s);

    s->month++;
    core_history_begin(s, s->month); /* the next month's rows, for commands applied before it */
    core_levers_update(s); /* month masks of the month to come */
    return true;
}

/* ==== Yearly summaries ==== */

static void add_month(CoreYear *y, const CoreProvinceMonth *r)
{
    y->births += r->births;
    y->deaths += r->deaths;
    y->deaths_reported += r->deaths_reported;
    y->rural_deaths += r->rural_deaths;
    y->grain_actual_t += (double)r->harvest_kg / 1000.0;
    y->grain_reported_t += (double)r->harvest_reported_kg / 1000.0;
    y->procurement_t += (double)r->procured_kg / 1000.0;
    y->rotted_t += (double)r->rotted_kg / 1000.0;
    y->relief_t += (double)r->relief_kg / 1000.0;
    y->outflow_t += (double)r->outflow_kg / 1000.0;
    y->steel_reported_t += r->steel_reported_t;
    y->steel_usable_t += r->steel_usable_t;
}

static int64_t start_population(const CoreState *s, int first, int province, int64_t *urban)
{
    int64_t pop = 0;
    *urban = 0;
    for (int p = 0; p < s->province_count; p++) {
        if (province != CORE_ALL_PROVINCES && p != province)
            continue;
        if (first > 0) {
            pop += s->hist[first - 1][p].population;
            *urban += s->hist[first - 1][p].urban_pop;
        } else {
            pop += s->info[p].pop_1957;
            *urban += round_amount((double)s->info[p].pop_1957 * s->info[p].urban_share);
        }
    }
    return pop;
}

bool core_year_summary(const CoreState *s, int year, int province, CoreYear *out)
{
    memset(out, 0, sizeof *out);
    int first = core_month_index(s, year, 1), last = core_month_index(s, year, 12);
    if (first < 0)
        first = 0;
    if (last >= s->month)
        last = s->month - 1;
    if (first > last || (province != CORE_ALL_PROVINCES && (province < 0 || province >= s->province_count)))
        return false;
    int64_t urban_start;
    out->population_start = start_population(s, first, province, &urban_start);
    double kcal_sum = 0, rural_months = 0;
    for (int m = first; m <= last; m++) {
        for (int p = 0; p < s->province_count; p++) {
            if (province != CORE_ALL_PROVINCES && p != province)
                continue;
            const CoreProvinceMonth *r = &s->hist[m][p];
            add_month(out, r);
            double rural = (double)(r->population - r->urban_pop);
            kcal_sum += r->kcal_rural * rural;
            rural_months += rural;
        }
        if (province == CORE_ALL_PROVINCES) {
            out->exports_t += (double)s->nhist[m].exports_kg / 1000.0;
            out->imports_t += (double)s->nhist[m].imports_kg / 1000.0;
            out->steel_reported_t += s->nhist[m].steel_modern_t;
            out->steel_usable_t += s->nhist[m].steel_modern_t;
        }
    }
    int64_t urban_end = 0;
    for (int p = 0; p < s->province_count; p++)
        if (province == CORE_ALL_PROVINCES || p == province) {
            out->population += s->hist[last][p].population;
            urban_end += s->hist[last][p].urban_pop;
        }
    out->months = last - first + 1;
    out->urban_deaths = out->deaths - out->rural_deaths;
    double mid = 0.5 * (double)(out->population_start + out->population);
    double urban_mid = 0.5 * (double)(urban_start + urban_end);
    out->urban_pop_mid = round_amount(urban_mid);
    out->rural_pop_mid = round_amount(mid - urban_mid);
    /* Rates per 1000 per year, scaled up if the year is not complete. */
    double annual = 12.0 / out->months;
    if (mid > 0) {
        out->crude_birth_rate = 1000.0 * (double)out->births / mid * annual;
        out->crude_death_rate = 1000.0 * (double)out->deaths / mid * annual;
    }
    if (mid - urban_mid > 0)
        out->rural_death_rate = 1000.0 * (double)out->rural_deaths / (mid - urban_mid) * annual;
    if (urban_mid > 0)
        out->urban_death_rate = 1000.0 * (double)out->urban_deaths / urban_mid * annual;
    out->kcal_rural_mean = rural_months > 0 ? kcal_sum / rural_months : 0;
    /* The death rate as the later official registers would have counted
     * it: they missed a share of the deaths above the normal rate
     * (registration_miss, docs/calibration.md). */
    double normal = 0, weight = 0;
    for (int p = 0; p < s->province_count; p++)
        if (province == CORE_ALL_PROVINCES || p == province) {
            double w = (double)s->hist[last][p].population;
            normal += s->info[p].cdr_base * w;
            weight += w;
        }
    out->normal_death_rate = weight > 0 ? normal / weight : 0;
    out->registered_death_rate =
        out->crude_death_rate - PARAM(s, registration_miss) * maxd(0.0, out->crude_death_rate - out->normal_death_rate);
    out->excess_deaths = (double)out->deaths - out->normal_death_rate / 1000.0 * mid * out->months / 12.0;
    return true;
}
