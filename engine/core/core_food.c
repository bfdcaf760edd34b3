/* core_food.c — what people eat, how healthy they are, and births and deaths.
 * Equations: docs/model.md, "Food", "Health" and "Population". */
#include "core_internal.h"

void core_food_step(CoreState *s, CoreMonth *mo)
{
    int months = core_months_to_harvest(s, mo->m % 12 + 1);
    if (months > PARAM(s, ration_horizon_months))
        months = (int)PARAM(s, ration_horizon_months);
    if (months < 1)
        months = 1;
    double kcal_kg = PARAM(s, kcal_per_kg_grain);
    double urban_share_supplied = s->nhist[s->month].urban_ration_share;
    for (int p = 0; p < s->province_count; p++) {
        CoreProvince *pv = &s->prov[p];
        CoreProvinceMonth *rec = &s->hist[s->month][p];
        double stock = (double)pv->rural_grain_kg;
        double desired = (double)pv->rural_pop * PARAM(s, rural_desired_kg_month) * LEVER_P(s, p, consumption_mult);
        double use_per_kg = 1.0 + PARAM(s, feed_waste_share); /* each kg eaten costs this much grain */
        /* Households spread what they have until the next harvest. */
        double spread = stock / use_per_kg / months;
        double household = mind(desired, spread);
        /* Where food is free for the taking ("eat your fill", autumn 1958),
         * mess halls eat fast while stocks look ample, then as households do. */
        double mess = LEVER_P(s, p, mess_halls);
        double overeat = 1.0 + (PARAM(s, mess_overeat) - 1.0) * LEVER_P(s, p, mess_free_eating);
        double mess_rate = stock / use_per_kg > PARAM(s, mess_stock_months) * desired ? desired * overeat : household;
        double eaten = (1.0 - mess) * household + mess * mess_rate;
        int64_t eaten_kg = round_amount(eaten);
        int64_t waste_kg = round_amount(eaten * PARAM(s, feed_waste_share));
        if (eaten_kg + waste_kg > pv->rural_grain_kg) {
            eaten_kg = round_amount((double)pv->rural_grain_kg / use_per_kg);
            waste_kg = pv->rural_grain_kg - eaten_kg;
        }
        pv->rural_grain_kg -= eaten_kg + waste_kg;
        rec->eaten_kg = eaten_kg;
        rec->feed_waste_kg = waste_kg;
        s->total_eaten_kg += eaten_kg;
        s->total_feed_waste_kg += waste_kg;
        double nongrain = PARAM(s, nongrain_kcal) * LEVER_P(s, p, nongrain_food_mult);
        double rural = pv->rural_pop > 0 ? (double)pv->rural_pop : 1.0;
        double grain_kcal = (double)eaten_kg * kcal_kg / (rural * mo->days);
        /* When grain runs short, people forage: wild plants, bark, husks. */
        double normal_grain_kcal = PARAM(s, rural_desired_kg_month) * kcal_kg / mo->days;
        double shortfall = clampd(1.0 - grain_kcal / normal_grain_kcal, 0.0, 1.0);
        rec->kcal_rural = grain_kcal + nongrain + PARAM(s, famine_food_kcal) * shortfall;
        double ration = PARAM(s, urban_ration_kg_month) * LEVER_N(s, urban_ration_mult) * urban_share_supplied;
        rec->kcal_urban = ration * kcal_kg / mo->days + nongrain;
    }
}

static double excess_mortality(const CoreState *s, double health)
{
    double gap = maxd(0.0, PARAM(s, mort_threshold) - health);
    return PARAM(s, mort_scale) * gap * gap;
}

static double fertility(const CoreState *s, double lagged_fecundity)
{
    double gap = maxd(0.0, PARAM(s, fert_threshold) - lagged_fecundity);
    return clampd(1.0 - PARAM(s, fert_slope) * gap, PARAM(s, fert_floor), 1.0);
}

/* Births for one group: normal births scaled by fertility, plus a share of
 * the postponed births once health has come back. */
static double group_births(const CoreState *s, double pop, double rate_per_1000, double lagged, double policy,
                           double *deficit)
{
    double normal = pop * rate_per_1000 / 12000.0 * policy;
    double births = normal * fertility(s, lagged);
    *deficit += normal - births;
    if (lagged >= PARAM(s, fert_threshold)) {
        double catchup = *deficit * PARAM(s, catchup_rate);
        births += catchup;
        *deficit -= catchup;
    }
    return births;
}

void core_population_step(CoreState *s, CoreMonth *mo)
{
    (void)mo;
    double follow = 1.0 - exp(-1.0 / PARAM(s, health_tau_months));
    double fec_follow = 1.0 - exp(-1.0 / PARAM(s, fert_tau_months));
    /* Fecundity follows health slowly (famine amenorrhoea, couples apart,
     * marriages put off); births follow fecundity nine months later. The
     * ring holds the last nine months of it: the oldest entry is read, then
     * overwritten with this month's. */
    int lag_slot = s->month % CORE_FERT_LAG_MONTHS;
    int last_slot = (s->month + CORE_FERT_LAG_MONTHS - 1) % CORE_FERT_LAG_MONTHS;
    for (int p = 0; p < s->province_count; p++) {
        CoreProvince *pv = &s->prov[p];
        CoreProvinceMonth *rec = &s->hist[s->month][p];
        double need = PARAM(s, kcal_need);
        double top = PARAM(s, health_max);
        pv->health += (mind(rec->kcal_rural / need, top) - pv->health) * follow;
        pv->health_urban += (mind(rec->kcal_urban / need, top) - pv->health_urban) * follow;

        /* Normal rates split so that the province's 1957 mix gives its recorded rate. */
        double pop = (double)(pv->rural_pop + pv->urban_pop);
        double u = pop > 0 ? (double)pv->urban_pop / pop : 0.0;
        /* Normal mortality kept falling through the 1950s (S01). */
        double trend = maxd(0.5, 1.0 - PARAM(s, cdr_decline_year) * s->month / 12.0);
        double cdr_rural = s->info[p].cdr_base * trend / (u * PARAM(s, urban_mort_ratio) + (1.0 - u));
        double cbr_rural = s->info[p].cbr_base / (u * PARAM(s, urban_cbr_ratio) + (1.0 - u));
        double rd_normal = (double)pv->rural_pop * cdr_rural / 12000.0;
        double ud_normal = (double)pv->urban_pop * cdr_rural * PARAM(s, urban_mort_ratio) / 12000.0;
        /* The famine takes the frailest first: the more of a province has
         * already died of it, the fewer the same hunger kills. */
        double frail = pop > 0 ? exp(-PARAM(s, frailty_depletion) * pv->famine_dead / pop) : 1.0;
        double rd = rd_normal * (1.0 + frail * excess_mortality(s, pv->health));
        double ud = ud_normal * (1.0 + frail * excess_mortality(s, pv->health_urban));
        double policy = LEVER_P(s, p, fertility_mult);
        double rb = group_births(s, (double)pv->rural_pop, cbr_rural, pv->fecundity_hist[lag_slot], policy,
                                 &pv->birth_deficit);
        double ub = group_births(s, (double)pv->urban_pop, cbr_rural * PARAM(s, urban_cbr_ratio),
                                 pv->fecundity_urban_hist[lag_slot], policy, &pv->birth_deficit);
        double fec = pv->fecundity_hist[last_slot], fec_urban = pv->fecundity_urban_hist[last_slot];
        /* Peasants sent to the furnaces and the water works lived away from
         * home for months: fewer conceptions in the countryside. */
        double apart = PARAM(s, separation_fertility) * (rec->labour_furnaces + rec->labour_water);
        double rural_target = mind(pv->health, 1.0) * maxd(0.0, 1.0 - apart);
        pv->fecundity_hist[lag_slot] = fec + (rural_target - fec) * fec_follow;
        pv->fecundity_urban_hist[lag_slot] = fec_urban + (mind(pv->health_urban, 1.0) - fec_urban) * fec_follow;

        int64_t rural_deaths = min64(round_amount(rd), pv->rural_pop);
        int64_t urban_deaths = min64(round_amount(ud), pv->urban_pop);
        int64_t rural_births = round_amount(rb), urban_births = round_amount(ub);
        pv->rural_pop += rural_births - rural_deaths;
        pv->urban_pop += urban_births - urban_deaths;
        rec->births = rural_births + urban_births;
        rec->deaths = rural_deaths + urban_deaths;
        pv->famine_dead += maxd(0.0, (double)rec->deaths - (rd_normal + ud_normal));
        rec->rural_deaths = rural_deaths;
        /* Cadres hid the famine's dead, not the deaths of normal times. */
        double hidden = LEVER_P(s, p, concealment) * maxd(0.0, (double)rec->deaths - (rd_normal + ud_normal));
        rec->deaths_reported = rec->deaths - min64(round_amount(hidden), rec->deaths);
        rec->health = pv->health;
    }
}
