/* core_industry.c — backyard furnaces (reported and usable iron, forests
 * burned), mass water works (some gain, unsafe dams), and modern steel.
 * Equations: docs/model.md, "Furnaces" and "Water works". */
#include "core_internal.h"

static bool rainy_month(const CoreState *s, int m)
{
    return m >= (int)PARAM(s, rainy_month_first) && m <= (int)PARAM(s, rainy_month_last);
}

void core_industry_step(CoreState *s, CoreMonth *mo)
{
    for (int p = 0; p < s->province_count; p++) {
        CoreProvince *pv = &s->prov[p];
        CoreProvinceMonth *rec = &s->hist[s->month][p];
        double effort = mo->labour[p].workers * mo->labour[p].capacity;
        double furnaces = rec->labour_furnaces, water = rec->labour_water;

        double iron = effort * furnaces * PARAM(s, backyard_t_per_worker_month);
        rec->steel_reported_t = iron * (1.0 + rec->inflation);
        rec->steel_usable_t = iron * PARAM(s, backyard_usable_share);
        /* Trees, doors and furniture fed the furnaces. */
        pv->forest -= PARAM(s, forest_per_furnace) * furnaces / 12.0 * pv->forest;

        double works = water * mo->labour[p].capacity / 12.0;
        pv->works_done = mind(PARAM(s, works_gain_max), pv->works_done + PARAM(s, works_gain) * works);
        pv->works_unsafe += PARAM(s, works_unsafe_share) * works * 12.0;
        /* One draw per province per rainy month whatever the state, so that
         * runs with different choices share their random numbers. */
        double draw = rainy_month(s, mo->m) ? core_rng_unit(&s->rng) : 1.0;
        if (draw < PARAM(s, dam_collapse_chance) * mind(1.0, pv->works_unsafe)) {
            pv->dam_damage = maxd(pv->dam_damage, PARAM(s, dam_loss));
            double before = pv->works_unsafe;
            pv->works_unsafe *= PARAM(s, collapse_unsafe_left);
            core_effect_log(s, core_source_intern(s, "model:dam_collapse"), CORE_CMD_ADJUST, p,
                            CORE_VAR_works_unsafe, before, pv->works_unsafe);
        }
        rec->pests = pv->pests;
        rec->sparrows = pv->sparrows;
    }
    double years = (double)s->month / 12.0;
    s->nhist[s->month].steel_modern_t =
        PARAM(s, steel_modern_t_year) / 12.0 * pow(1.0 + PARAM(s, steel_modern_growth), years);
}
