/* core_internal.h — helpers shared by the core's own files. Not for other modules. */
#ifndef CORE_INTERNAL_H
#define CORE_INTERNAL_H

#include "core.h"

#include <math.h>

#define CORE_MAGIC 0x474C4331u /* "GLC1" */

/* Parameter value by name: PARAM(s, kcal_need). */
#define PARAM(s, name) ((s)->params[CORE_PARAM_##name])
#define LEVER_N(s, name) ((s)->lever_n[CORE_LEVER_##name])
#define LEVER_P(s, p, name) ((s)->lever_p[(p)][CORE_LEVER_##name])

static inline double clampd(double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; }
static inline double maxd(double a, double b) { return a > b ? a : b; }
static inline double mind(double a, double b) { return a < b ? a : b; }

/* Largest amount of grain (kg) or people the model handles: far above any
 * real figure, and small enough that sums over every province and month of
 * the history cannot overflow an int64. */
#define CORE_AMOUNT_MAX 1.0e15

/* The one place where continuous amounts become whole kilograms or persons.
 * Non-finite or negative amounts become 0: the model never moves negative grain. */
static inline int64_t round_amount(double v)
{
    if (!(v > 0.0))
        return 0;
    if (v > CORE_AMOUNT_MAX)
        return (int64_t)CORE_AMOUNT_MAX;
    return (int64_t)llround(v);
}

/* Checks that every parameter is in a range the model can use (core_data.c). */
bool core_params_validate(const double *params);

static inline int64_t min64(int64_t a, int64_t b) { return a < b ? a : b; }
static inline int64_t max64(int64_t a, int64_t b) { return a > b ? a : b; }

int core_days_in_month(int year, int month);
/* Months from calendar month `m` (1..12) to the next harvest month, counting m itself. */
int core_months_to_harvest(const CoreState *s, int m);
double core_harvest_share(const CoreState *s, int m);
double core_labour_need(const CoreState *s, int m);

/* Harvest of the twelve months before month index m in province p,
 * reported or actual; 1957's before the start (core_procure.c). */
double core_last_year_harvest(const CoreState *s, int p, int m, bool reported);

/* State grain the towns need in a month: personal rations, other town sales
 * and the state's other uses (core_granary.c). */
double core_town_need_kg(const CoreState *s);
/* The resale planned for a month (1957/58's rate per rural head), and the
 * stocks the centre holds back after calendar month m: the towns' needs and
 * the planned resale until the next harvest, plus a reserve. */
double core_planned_resale_kg(const CoreState *s);
double core_granary_target_kg(const CoreState *s, int m);
/* Rural resale per rural person a year in 1957/58: the province's state
 * sales less what its towns bought (core_granary.c). */
double core_resale_1957_per_head(const CoreState *s, int p);

/* Rebuilds the decisions' index from the decision log (core_command.c):
 * after loading a save. */
void core_decisions_reindex(CoreState *s);
/* Zeroes a new state but for the record and the decisions (core_state.c). */
void core_state_zero(CoreState *s);
/* Rebuilds the sources' index (CoreState.source_index) from `sources`. */
void core_sources_reindex(CoreState *s);
/* core_source_intern without the warning: sets *lost when the source is
 * logged as "other" because the table is full (core_apply_commands says
 * so once for all of its commands). */
uint16_t core_source_intern_quiet(CoreState *s, const char *source, bool *lost);
/* Zeroes month m's rows of the record, when that month begins (core_state.c). */
void core_history_begin(CoreState *s, int m);

/* Drops event modifiers whose time is up (core_command.c). */
void core_modifiers_expire(CoreState *s);
void core_effect_log(CoreState *s, uint16_t source, CoreCommandKind kind, int province, int target,
                     double before, double after);

/* What every step of one month shares: the calendar and values computed by
 * earlier steps of the same month. Lives on core_tick's stack. */
typedef struct CoreMonth {
    int year, m, days;              /* calendar month m 1..12 */
    struct {
        double workers;             /* rural working-age persons */
        double capacity;            /* health x incentive factor */
        double adequacy;            /* field labour / labour needed, capped at 1 */
    } labour[CORE_MAX_PROVINCES];
    int64_t procured_total_kg;
} CoreMonth;

/* Month steps, in the order core_tick calls them (core_tick.c). */
void core_politics_step(CoreState *s, CoreMonth *mo);
void core_migration_step(CoreState *s, CoreMonth *mo);
void core_labour_step(CoreState *s, CoreMonth *mo);
void core_pests_step(CoreState *s, CoreMonth *mo);
void core_sowing_step(CoreState *s, CoreMonth *mo);
void core_harvest_step(CoreState *s, CoreMonth *mo);
void core_procure_step(CoreState *s, CoreMonth *mo);
void core_granary_step(CoreState *s, CoreMonth *mo);
void core_food_step(CoreState *s, CoreMonth *mo);
void core_population_step(CoreState *s, CoreMonth *mo);
void core_industry_step(CoreState *s, CoreMonth *mo);

#endif
