/* core_farm.c — the fields: labour, pests, sowing and the harvest.
 * Equations: docs/model.md, "Labour", "Pests", "Sowing" and "Harvest". */
#include "core_internal.h"

/* The last month of a run of harvest months closes that crop's season. */
static bool season_ends(const CoreState *s, int m)
{
    return core_harvest_share(s, m) > 0.0 && core_harvest_share(s, m % 12 + 1) == 0.0;
}

void core_labour_step(CoreState *s, CoreMonth *mo)
{
    double other = PARAM(s, labour_other_share);
    double need_share = core_labour_need(s, mo->m);
    for (int p = 0; p < s->province_count; p++) {
        CoreProvince *pv = &s->prov[p];
        CoreProvinceMonth *rec = &s->hist[s->month][p];
        double workers = (double)pv->rural_pop * PARAM(s, working_age_share);
        double incentive = LEVER_P(s, p, incentive_mult);
        double capacity = pow(clampd(pv->health, 0.0, 1.2), PARAM(s, health_labour_exponent)) * incentive;
        double furnaces = LEVER_P(s, p, labour_furnaces), water = LEVER_P(s, p, labour_water);
        if (furnaces + water > 1.0 - other) { /* cannot send more than everyone */
            double k = (1.0 - other) / (furnaces + water);
            furnaces *= k;
            water *= k;
        }
        double fields = 1.0 - other - furnaces - water;
        double need = s->base_field_labour[p] * need_share * LEVER_P(s, p, sown_area_mult) *
                      LEVER_P(s, p, labour_need_mult);
        double adequacy = need > 0 ? mind(1.0, workers * fields * capacity / need) : 1.0;
        mo->labour[p].workers = workers;
        mo->labour[p].capacity = capacity;
        mo->labour[p].adequacy = adequacy;
        /* Crops suffer most from neglect in the months that need most work. */
        pv->cultivation_sum += need_share * pow(adequacy, PARAM(s, cultivation_exponent));
        pv->cultivation_months++;
        rec->incentive = incentive;
        rec->labour_fields = fields;
        rec->labour_furnaces = furnaces;
        rec->labour_water = water;
        rec->labour_other = other;
    }
}

void core_pests_step(CoreState *s, CoreMonth *mo)
{
    (void)mo;
    for (int p = 0; p < s->province_count; p++) {
        CoreProvince *pv = &s->prov[p];
        pv->sparrows -= LEVER_P(s, p, sparrow_kill) * pv->sparrows;
        pv->sparrows += PARAM(s, sparrow_recovery) * (1.0 - pv->sparrows);
        /* Without predators, pests grow toward a full outbreak. */
        pv->pests += PARAM(s, pest_growth) * ((1.0 - pv->sparrows) - pv->pests);
        pv->sparrows = clampd(pv->sparrows, 0.0, 1.0);
        pv->pests = clampd(pv->pests, 0.0, 1.0);
    }
}

/* Winter wheat is sown in October for June; autumn crops in April. Seed
 * comes from the seed reserve, then from food stocks if peasants have any. */
void core_sowing_step(CoreState *s, CoreMonth *mo)
{
    double crop_share;
    bool summer_crop = mo->m == (int)PARAM(s, sowing_month_summer_crop);
    if (summer_crop)
        crop_share = PARAM(s, harvest_share_m6);
    else if (mo->m == (int)PARAM(s, sowing_month_autumn_crop))
        crop_share = PARAM(s, harvest_share_m9) + PARAM(s, harvest_share_m10);
    else
        return;
    for (int p = 0; p < s->province_count; p++) {
        CoreProvince *pv = &s->prov[p];
        double need_d = (double)s->info[p].grain_1957_kg * PARAM(s, seed_share) * crop_share *
                        LEVER_P(s, p, sown_area_mult) * LEVER_P(s, p, seed_rate_mult);
        int64_t need = round_amount(need_d);
        int64_t from_seed = min64(need, pv->seed_grain_kg);
        int64_t from_food = min64(need - from_seed, pv->rural_grain_kg);
        pv->seed_grain_kg -= from_seed;
        pv->rural_grain_kg -= from_food;
        int64_t sown = from_seed + from_food;
        s->hist[s->month][p].seed_sown_kg += sown;
        s->total_sown_kg += sown;
        double factor = need > 0 ? (double)sown / (double)need : 1.0;
        if (summer_crop)
            pv->sown_summer = factor;
        else
            pv->sown_autumn = factor;
    }
}

void core_harvest_step(CoreState *s, CoreMonth *mo)
{
    double share = core_harvest_share(s, mo->m);
    bool ends = season_ends(s, mo->m);
    double sd = PARAM(s, weather_sd);
    for (int p = 0; p < s->province_count; p++) {
        CoreProvince *pv = &s->prov[p];
        if (share <= 0.0)
            continue;
        CoreProvinceMonth *rec = &s->hist[s->month][p];
        /* Lognormal weather with mean 1 around the national factor; one draw per
         * province per harvest month whatever happens, so runs with different
         * choices see the same weather. */
        pv->weather = LEVER_N(s, weather_mult) * exp(sd * core_rng_normal(&s->rng) - 0.5 * sd * sd);
        double cultivation = pv->cultivation_months ? pv->cultivation_sum : 1.0;
        double need_sum = 0;
        for (int k = 0; k < pv->cultivation_months; k++)
            need_sum += core_labour_need(s, (mo->m - 1 - k + 120) % 12 + 1);
        if (need_sum > 0)
            cultivation /= need_sum;
        double sown = mo->m == 6 ? pv->sown_summer : pv->sown_autumn; /* June is the summer crop's harvest */
        double potential = (double)s->info[p].grain_1957_kg * share * pv->weather * LEVER_P(s, p, yield_mult) *
                           LEVER_P(s, p, sown_area_mult) * cultivation * sown *
                           (1.0 - PARAM(s, pest_max_loss) * pv->pests) * (1.0 + pv->works_done) *
                           (1.0 - PARAM(s, erosion_loss) * (1.0 - pv->forest)) * (1.0 - pv->dam_damage);
        int64_t potential_kg = round_amount(potential);
        /* Grain that the hands at harvest time cannot bring in rots. */
        int64_t collected = round_amount(potential * pow(mo->labour[p].adequacy, PARAM(s, collect_exponent)));
        collected = min64(collected, potential_kg);
        int64_t seed = round_amount((double)collected * PARAM(s, seed_share));
        pv->seed_grain_kg += seed;
        pv->rural_grain_kg += collected - seed;
        rec->harvest_potential_kg = potential_kg;
        rec->harvest_kg = collected;
        rec->rotted_kg = potential_kg - collected;
        rec->harvest_reported_kg = round_amount((double)collected * (1.0 + rec->inflation));
        s->total_harvested_kg += collected;
        s->total_rotted_kg += potential_kg - collected;
        if (ends) {
            pv->cultivation_sum = 0;
            pv->cultivation_months = 0;
            pv->dam_damage = 0;
        }
    }
}
