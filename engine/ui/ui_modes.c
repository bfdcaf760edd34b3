/* ui_modes.c — what each map mode shows for a province, computed from the
 * simulated history (never stored): yearly figures over the last twelve
 * months, per person where a total would only show which provinces are big.
 * Scales are fixed so that colours compare across months and runs. */
#include "ui.h"

#include <math.h>
#include <string.h>

static const UiModeInfo modes[UI_MODE_COUNT] = {
    [UI_MODE_REPORTED_HARVEST] = {"reported_harvest", "mode.reported_harvest", "unit.kg_per_person_year", 0, 600,
                                  RENDER_PALETTE_VIRIDIS, false, UI_FIGURES_REPORTED, UI_ICON_REPORTED_GRAIN, 0, {0}, 0, NULL},
    [UI_MODE_ACTUAL_HARVEST] = {"actual_harvest", "mode.actual_harvest", "unit.kg_per_person_year", 0, 600,
                                RENDER_PALETTE_VIRIDIS, false, UI_FIGURES_ACTUAL, UI_ICON_GRAIN, 0, {0}, 0, NULL},
    [UI_MODE_RETAINED] = {"retained", "mode.retained", "unit.kg_per_rural_person_year", 0, 600,
                          RENDER_PALETTE_VIRIDIS, false, UI_FIGURES_EITHER, UI_ICON_BOWL, 0, {0}, 0, NULL},
    [UI_MODE_DEATH_RATE] = {"death_rate", "mode.death_rate", "unit.per_thousand_year", 0, 60,
                            RENDER_PALETTE_VIRIDIS, true, UI_FIGURES_EITHER, UI_ICON_DEATHS, 0, {0}, 0, NULL},
    [UI_MODE_POPULATION_CHANGE] = {"population_change", "mode.population_change", "unit.percent_since_1957", -20,
                                   10, RENDER_PALETTE_CIVIDIS, false, UI_FIGURES_ACTUAL, UI_ICON_POPULATION_CHANGE, 0, {0}, 0, NULL},
    [UI_MODE_PROCUREMENT] = {"procurement", "mode.procurement", "unit.percent_of_harvest", 0, 60,
                             RENDER_PALETTE_CIVIDIS, true, UI_FIGURES_EITHER, UI_ICON_PROCUREMENT, 0, {0}, 0, NULL},
    [UI_MODE_LABOUR_DIVERTED] = {"labour_diverted", "mode.labour_diverted", "unit.percent_of_labour", 0, 40,
                                 RENDER_PALETTE_CIVIDIS, true, UI_FIGURES_ACTUAL, UI_ICON_FURNACE, 0, {0}, 0, NULL},
    [UI_MODE_REPORT_GAP] = {"report_gap", "mode.report_gap", "unit.percent_over_actual", 0, 150,
                            RENDER_PALETTE_CIVIDIS, true, UI_FIGURES_GAP, UI_ICON_REPORT_GAP, 0, {0}, 0, NULL},
};

static UiModeInfo mod_modes[UI_MAX_MOD_MODES];
static int mod_mode_count;

void ui_modes_set_mod_modes(const UiModeInfo *infos, int count)
{
    mod_mode_count = count < 0 ? 0 : count > UI_MAX_MOD_MODES ? UI_MAX_MOD_MODES : count;
    for (int i = 0; i < mod_mode_count; i++)
        mod_modes[i] = infos[i];
}

int ui_mode_total(void) { return UI_MODE_COUNT + mod_mode_count; }

const UiModeInfo *ui_mode_info(UiMapMode mode)
{
    if ((unsigned)mode < UI_MODE_COUNT)
        return &modes[mode];
    /* a mod's mode that is gone (a reload, another game): the first mode stands in */
    return (int)mode >= UI_MODE_COUNT && (int)mode < ui_mode_total() ? &mod_modes[mode - UI_MODE_COUNT] : &modes[0];
}

UiMapMode ui_mode_find(const char *id)
{
    for (int i = 0; i < ui_mode_total(); i++)
        if (strcmp(ui_mode_info((UiMapMode)i)->id, id) == 0)
            return (UiMapMode)i;
    return UI_MODE_UNKNOWN;
}

double ui_harvest_before_start_kg(const CoreState *s, int p, int missing)
{
    if (missing <= 0 || p < 0 || p >= s->province_count)
        return 0;
    /* The months before the start, going back from it: December, November... */
    double share = 0;
    for (int k = 1; k <= missing && k <= 12; k++) {
        int month = (s->start_month - 1 - k + 24) % 12 + 1; /* 1..12 */
        if (month == 6)
            share += s->params[CORE_PARAM_harvest_share_m6];
        else if (month == 9)
            share += s->params[CORE_PARAM_harvest_share_m9];
        else if (month == 10)
            share += s->params[CORE_PARAM_harvest_share_m10];
    }
    return share * (double)s->info[p].grain_1957_kg;
}

typedef struct Recent {
    double harvest, reported, procured, relief, deaths, deaths_reported;
    double pop, rural_pop;      /* at the end of the last month */
    int months;
} Recent;

/* Sums of the last twelve months (fewer at the start), annualised. */
static Recent recent(const CoreState *s, int p)
{
    Recent r = {0};
    int last = s->month - 1;
    for (int m = last; m >= 0 && m > last - 12; m--) {
        const CoreProvinceMonth *h = &s->hist[m][p];
        r.harvest += (double)h->harvest_kg;
        r.reported += (double)h->harvest_reported_kg;
        r.procured += (double)h->procured_kg;
        r.relief += (double)h->relief_kg;
        r.deaths += (double)h->deaths;
        r.deaths_reported += (double)h->deaths_reported;
        r.months++;
    }
    r.pop = (double)(s->prov[p].rural_pop + s->prov[p].urban_pop);
    r.rural_pop = (double)s->prov[p].rural_pop;
    if (r.months > 0 && r.months < 12) {
        double k = 12.0 / r.months;
        r.deaths *= k;
        r.deaths_reported *= k;
    }
    return r;
}

double ui_mode_value(const CoreState *s, int p, UiMapMode mode, bool true_figures)
{
    if (p < 0 || p >= s->province_count)
        return NAN;
    if ((int)mode >= UI_MODE_COUNT) { /* a mod's: what its function gave for the month */
        const UiModeInfo *mi = ui_mode_info(mode);
        return mi->values ? mi->values[p] : NAN;
    }
    const CoreProvinceInfo *info = &s->info[p];
    Recent r = recent(s, p);
    /* Before a full year has been simulated, the window's first months are
     * 1957's: its harvest as recorded (and reported), procured at the base
     * rate; the claims of 1958 come in as they are made. */
    if (r.months < 12) {
        double before = ui_harvest_before_start_kg(s, p, 12 - r.months);
        r.harvest += before;
        r.reported += before;
        r.procured += before * s->params[CORE_PARAM_procurement_rate_base];
    }
    if (r.months == 0) {
        r.deaths = info->cdr_base / 1000.0 * r.pop;
        r.deaths_reported = r.deaths;
    }
    switch (mode) {
    case UI_MODE_REPORTED_HARVEST: return r.pop > 0 ? r.reported / r.pop : NAN;
    case UI_MODE_ACTUAL_HARVEST: return r.pop > 0 ? r.harvest / r.pop : NAN;
    case UI_MODE_RETAINED: {
        /* What the centre believes the countryside kept, or what it kept. */
        double base = true_figures ? r.harvest : r.reported;
        return r.rural_pop > 0 ? fmax(0.0, base - r.procured + r.relief) / r.rural_pop : NAN;
    }
    case UI_MODE_DEATH_RATE:
        return r.pop > 0 ? 1000.0 * (true_figures ? r.deaths : r.deaths_reported) / r.pop : NAN;
    case UI_MODE_POPULATION_CHANGE: return 100.0 * (r.pop / (double)info->pop_1957 - 1.0);
    case UI_MODE_PROCUREMENT: {
        double base = true_figures ? r.harvest : r.reported;
        return base > 0 ? 100.0 * r.procured / base : NAN;
    }
    case UI_MODE_LABOUR_DIVERTED: {
        if (s->month == 0)
            return 0.0;
        const CoreProvinceMonth *h = &s->hist[s->month - 1][p];
        return 100.0 * (h->labour_furnaces + h->labour_water);
    }
    case UI_MODE_REPORT_GAP: return r.harvest > 0 ? 100.0 * (r.reported / r.harvest - 1.0) : NAN;
    case UI_MODE_UNKNOWN:
    case UI_MODE_COUNT: break;
    }
    return NAN;
}
