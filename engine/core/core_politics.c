/* core_politics.c — political pressure, cadre zeal, report inflation, and
 * the movement of people between countryside and cities.
 * Equations: docs/model.md, "Politics" and "Migration". */
#include "core_internal.h"

double core_pressure(const CoreState *s)
{
    return clampd(LEVER_N(s, political_pressure) + s->pressure_shock, 0.0, 1.0);
}

void core_politics_step(CoreState *s, CoreMonth *mo)
{
    (void)mo;
    double pressure = core_pressure(s);
    s->nhist[s->month].pressure = pressure;
    /* A shock (a purge, a campaign) fades by half every pressure_decay_months. */
    s->pressure_shock *= pow(0.5, 1.0 / PARAM(s, pressure_decay_months));
    double excess = maxd(0.0, pressure - PARAM(s, pressure_base));
    double follow = 1.0 - exp(-1.0 / PARAM(s, zeal_tau_months));
    for (int p = 0; p < s->province_count; p++) {
        CoreProvince *pv = &s->prov[p];
        double target = clampd(PARAM(s, zeal_gain) * pv->radicalism * excess + LEVER_P(s, p, zeal_push),
                               0.0, 1.0);
        pv->zeal += (target - pv->zeal) * follow;
        CoreProvinceMonth *rec = &s->hist[s->month][p];
        rec->zeal = pv->zeal;
        rec->inflation = PARAM(s, inflation_max) * pv->zeal + LEVER_P(s, p, report_inflation);
    }
}

/* Peasants recruited to the cities (or sent back), spread over provinces in
 * proportion to the population that can move. */
void core_migration_step(CoreState *s, CoreMonth *mo)
{
    (void)mo;
    double flow = LEVER_N(s, urban_recruitment);
    if (flow == 0.0)
        return;
    double pool = 0;
    for (int p = 0; p < s->province_count; p++)
        pool += (double)(flow > 0 ? s->prov[p].rural_pop : s->prov[p].urban_pop);
    if (pool <= 0)
        return;
    for (int p = 0; p < s->province_count; p++) {
        CoreProvince *pv = &s->prov[p];
        double share = (double)(flow > 0 ? pv->rural_pop : pv->urban_pop) / pool;
        int64_t n = round_amount(fabs(flow) * share);
        if (flow > 0) {
            n = min64(n, pv->rural_pop);
            pv->rural_pop -= n;
            pv->urban_pop += n;
        } else {
            n = min64(n, pv->urban_pop);
            pv->urban_pop -= n;
            pv->rural_pop += n;
        }
    }
}
