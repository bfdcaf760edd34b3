/* core.h — public API of the Great Leap simulation core.
 *
 * The core is plain C11 + libm: no SDL, no Lua, no clock, no files, no
 * environment. It takes inputs (data buffers, commands) and returns state.
 * The same seed and the same commands give bit-identical results.
 *
 * Units are in the names: *_kg (grain, int64), persons (int64), *_t (tonnes,
 * double), shares in 0..1. Month index 0 is the scenario's start month.
 */
#ifndef CORE_H
#define CORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ==== Sizes ==== */

#define CORE_MAX_PROVINCES 32
#define CORE_MAX_POLICIES 64
#define CORE_MAX_POLICY_MODIFIERS 12
/* Modifiers in force at once: events' (fx:modifier, fx:modify) up to their
 * own limit, so that the policies' always find room. */
#define CORE_MAX_EVENT_MODIFIERS 4096
#define CORE_MAX_MODIFIERS (CORE_MAX_EVENT_MODIFIERS + CORE_MAX_POLICIES * CORE_MAX_POLICY_MODIFIERS)
#define CORE_MAX_MONTHS 180        /* history kept: 15 years */
#define CORE_MAX_SOURCES 4096      /* interned "why" ids (a mod of 1,000 events has a thousand or more) */
#define CORE_ID_LEN 40             /* ids incl. NUL */
#define CORE_SOURCE_LEN 96         /* "event:lushan/purge_peng" incl. NUL */
#define CORE_EFFECT_LOG_CAP 4096
#define CORE_FERT_LAG_MONTHS 9     /* conception to birth */
#define CORE_MAX_DECISIONS 32768   /* events fired and the option taken (a mod of 1,000 events in every province, five years) */
#define CORE_DECISION_SLOTS 131072 /* index of the decisions: a power of two, over twice the keys */
#define CORE_SOURCE_SLOTS 8192     /* index of the sources: a power of two, twice CORE_MAX_SOURCES */

/* ==== Errors and logging ==== */

/* Message of the last failed core call on this thread ("" if none). */
const char *core_error_get(void);
/* Records a message and returns false, so callers write `return core_error_set(...)`. */
bool core_error_set(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

typedef enum CoreLogLevel { CORE_LOG_DEBUG, CORE_LOG_INFO, CORE_LOG_WARN, CORE_LOG_ERROR } CoreLogLevel;
typedef void (*CoreLogSink)(CoreLogLevel level, const char *message, void *user);
/* Installs where core_log_* messages go (default: dropped). The app owns I/O. */
void core_log_set_sink(CoreLogSink sink, void *user);
void core_log(CoreLogLevel level, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* ==== Deterministic RNG (PCG32) ==== */

typedef struct CoreRng { uint64_t state, inc; } CoreRng;
void core_rng_seed(CoreRng *r, uint64_t seed, uint64_t stream);
uint32_t core_rng_u32(CoreRng *r);
/* Uniform in [0, 1). */
double core_rng_unit(CoreRng *r);
/* Standard normal (Box-Muller, no cached value so the state is the whole story). */
double core_rng_normal(CoreRng *r);

/* ==== Parameters ====
 * Every model constant is a named parameter read from assets/data/params.csv,
 * which gives its value, unit, kind (recorded / derived / calibration /
 * assumption) and source. X(name, unit, doc). */
#define CORE_PARAM_LIST(X) \
    X(kcal_per_kg_grain, "kcal/kg", "food energy of one kg of raw grain as counted in Chinese statistics") \
    X(kcal_need, "kcal/day", "energy an average person needs to stay healthy") \
    X(nongrain_kcal, "kcal/day", "food energy per person from vegetables, private plots and sidelines in 1957") \
    X(famine_food_kcal, "kcal/day", "food energy hungry people find in wild plants, bark and husks when grain runs out") \
    X(rural_desired_kg_month, "kg/person/month", "raw grain a rural household eats when it has enough") \
    X(urban_ration_kg_month, "kg/person/month", "personal grain ration of a town dweller") \
    X(urban_other_kg_month, "kg/person/month", "state grain sold in the towns per town dweller beyond the personal ration (canteens, food industry)") \
    X(seed_share, "share", "share of each harvest kept as seed for the next sowing") \
    X(feed_waste_share, "share", "share of rural grain use that goes to feed, storage loss and waste") \
    X(mess_overeat, "ratio", "how much faster a mess hall where food is free eats than a household while stocks last") \
    X(mess_stock_months, "months", "stock (in months of need) below which mess halls stop overeating") \
    X(ration_horizon_months, "months", "how far ahead households spread their stock") \
    X(working_age_share, "share", "share of the population able to work") \
    X(labour_other_share, "share", "share of labour in transport, crafts and sidelines in 1957") \
    X(peak_labour_use, "share", "share of the 1957 field labour actually needed at the busiest month") \
    X(collect_exponent, "exponent", "how sharply a labour shortage at harvest leaves grain to rot") \
    X(cultivation_exponent, "exponent", "how sharply a labour shortage while crops grow lowers the yield") \
    X(labour_need_m1, "share", "field labour needed in January, share of the peak") \
    X(labour_need_m2, "share", "field labour needed in February") \
    X(labour_need_m3, "share", "field labour needed in March") \
    X(labour_need_m4, "share", "field labour needed in April") \
    X(labour_need_m5, "share", "field labour needed in May") \
    X(labour_need_m6, "share", "field labour needed in June (summer harvest)") \
    X(labour_need_m7, "share", "field labour needed in July") \
    X(labour_need_m8, "share", "field labour needed in August") \
    X(labour_need_m9, "share", "field labour needed in September (autumn harvest)") \
    X(labour_need_m10, "share", "field labour needed in October (autumn harvest)") \
    X(labour_need_m11, "share", "field labour needed in November") \
    X(labour_need_m12, "share", "field labour needed in December") \
    X(harvest_share_m6, "share", "share of the year's grain harvested in June (summer crops)") \
    X(sowing_month_summer_crop, "month", "month the winter wheat for the June harvest is sown") \
    X(sowing_month_autumn_crop, "month", "month the autumn crops are sown") \
    X(harvest_share_m9, "share", "share of the year's grain harvested in September") \
    X(harvest_share_m10, "share", "share of the year's grain harvested in October") \
    X(weather_sd, "ratio", "standard deviation of a province's seasonal weather factor") \
    X(pest_max_loss, "share", "share of a harvest a full pest outbreak destroys") \
    X(pest_growth, "1/month", "how fast pests multiply when their predators are gone") \
    X(sparrow_recovery, "1/month", "how fast the sparrow population recovers after a campaign") \
    X(forest_per_furnace, "1/worker-year", "forest cover lost per furnace worker-year, share of the forest") \
    X(erosion_loss, "share", "yield lost when the forest is entirely gone") \
    X(works_gain, "share/worker-year", "irrigation yield gain per water-works worker-year, per working-age person") \
    X(works_gain_max, "share", "largest yield gain mass water works can bring") \
    X(works_unsafe_share, "share", "share of works built without engineers that is unsafe") \
    X(dam_collapse_chance, "1/month", "monthly chance in the rainy season that unsafe works give way") \
    X(rainy_month_first, "month", "first month of the rainy season") \
    X(rainy_month_last, "month", "last month of the rainy season") \
    X(collapse_unsafe_left, "share", "share of the unsafe works still standing after a collapse") \
    X(dam_loss, "share", "share of a province's next harvest lost when its works give way") \
    X(pressure_base, "index", "national political pressure in 1957 (0 calm, 1 terror)") \
    X(pressure_decay_months, "months", "time for political pressure to fall halfway back to its base") \
    X(zeal_tau_months, "months", "how long cadre zeal takes to follow the political climate") \
    X(zeal_gain, "ratio", "how strongly pressure times a province's radicalism drives cadre zeal") \
    X(radicalism_radical, "index", "radicalism of a provincial leadership named as closely following Mao") \
    X(radicalism_ordinary, "index", "radicalism of the other provincial leaderships") \
    X(radical_excess_procurement, "share", "extra share of the reported harvest a fully radical leadership procures beyond its quota") \
    X(zeal_scale_ref, "index", "zeal at which a zeal-scaled policy has its nominal effect") \
    X(zeal_scale_floor, "ratio", "strength of a zeal-scaled policy where cadres have no zeal") \
    X(inflation_max, "ratio", "report inflation (reported/actual - 1) when zeal is 1") \
    X(procurement_rate_base, "share", "state procurement as a share of the reported harvest in 1957") \
    X(subsistence_kg_month, "kg/person/month", "grain a calm cadre leaves a peasant when procuring") \
    X(zeal_subsistence_cut, "ratio", "share of the subsistence grain a cadre takes anyway, per unit of zeal") \
    X(quota_trust_base, "share", "how far the centre planned quotas on the provinces' claims rather than on real harvests") \
    X(relief_trust_base, "share", "how far the centre judges the villages' need from the claims rather than from what they hold") \
    X(quota_alarm, "ratio", "how far the centre stops planning quotas on claims per unit of reported excess mortality") \
    X(extraction_per_month, "share", "share of an unmet quota squeezed out each month at zeal 1") \
    X(relief_base, "share", "share of a perceived rural shortfall the state resells in normal times") \
    X(state_other_use_t_year, "t/year", "state grain used by the army, industry and other non-ration uses") \
    X(granary_target_months, "months", "state stocks the centre aims to hold, in months of town sales") \
    X(granary_release_share, "1/month", "share of the stocks above the target the centre resells to the countryside each month") \
    X(granary_overflow_release, "share", "share of the stocks above the target that the cap on believed need holds back and the centre resells anyway") \
    X(granary_reserve_months, "months", "town sales the state keeps back before exporting") \
    X(health_tau_months, "months", "how long health takes to follow food intake") \
    X(health_max, "index", "highest health: eating beyond need does not protect further") \
    X(health_labour_exponent, "exponent", "how much poor health reduces work") \
    X(mort_threshold, "health", "health below which deaths rise above normal") \
    X(mort_scale, "ratio", "excess death multiplier per unit of squared health shortfall") \
    X(frailty_depletion, "ratio", "how fast the famine's toll lowers the mortality of the same hunger (the frailest die first), per share of the population dead") \
    X(cdr_decline_year, "1/year", "yearly relative fall of the normal death rate (the decline of the 1950s)") \
    X(registration_miss, "share", "share of the famine's excess deaths the later official registers never counted") \
    X(urban_mort_ratio, "ratio", "urban death rate relative to rural in normal times") \
    X(separation_fertility, "ratio", "fall in rural conceptions per share of the labour force sent away to furnaces and water works") \
    X(fert_tau_months, "months", "how long fecundity takes to follow health: famine amenorrhoea and separation build up") \
    X(fert_threshold, "health", "fecundity below which conceptions fall") \
    X(fert_slope, "1/health", "fall in conceptions per unit of health shortfall") \
    X(fert_floor, "ratio", "lowest fertility as a share of normal") \
    X(catchup_rate, "1/month", "share of postponed births made up each month once health returns") \
    X(urban_cbr_ratio, "ratio", "urban birth rate relative to rural in normal times") \
    X(steel_modern_t_year, "t/year", "steel from modern plants in 1957") \
    X(steel_modern_growth, "1/year", "growth of modern steel output under the Leap's investment push") \
    X(backyard_t_per_worker_month, "t/worker-month", "iron and steel a backyard furnace worker turns out per month") \
    X(backyard_usable_share, "share", "share of backyard output that is usable")

typedef enum CoreParam {
#define CORE_PARAM_ENUM(name, unit, doc) CORE_PARAM_##name,
    CORE_PARAM_LIST(CORE_PARAM_ENUM)
#undef CORE_PARAM_ENUM
    CORE_PARAM_COUNT
} CoreParam;

typedef struct CoreParamInfo { const char *name, *unit, *doc; } CoreParamInfo;
const CoreParamInfo *core_param_info(CoreParam p);
/* The values a parameter may take: from lo to hi, each end open or closed
 * (a share 0 to 1, a month 1 to 12, a divisor above 0, anything else
 * from 0 to below 1e9). A scenario with any other is refused. */
typedef struct CoreParamRange {
    double lo, hi;
    bool lo_open, hi_open;
} CoreParamRange;
CoreParamRange core_param_range(CoreParam p);
/* Looks a parameter up by name; returns CORE_PARAM_COUNT if there is none. */
CoreParam core_param_find(const char *name);

/* ==== Provinces (static data) ==== */

/* Whether a starting figure was recorded by a source or derived by a
 * documented method (docs/model.md, assets/data/SOURCES.md). */
typedef enum CoreProvenance { CORE_RECORDED, CORE_MODELLED } CoreProvenance;

typedef struct CoreProvinceInfo {
    char id[CORE_ID_LEN];            /* map-data id: "henan", "neimenggu", ... */
    int64_t pop_1957;                /* year-end 1957, persons */
    CoreProvenance pop_provenance;
    char pop_source[CORE_ID_LEN];
    double urban_share;              /* of the population, end of 1957 */
    CoreProvenance urban_provenance;
    char urban_source[CORE_ID_LEN];
    int64_t grain_1957_kg;           /* actual 1957 output (raw grain) */
    int64_t procured_1957_kg;        /* state procurement, grain year 1957/58 */
    int64_t sales_1957_kg;           /* state sales in the province (towns and resale), 1957/58 */
    CoreProvenance grain_provenance;
    char grain_source[CORE_ID_LEN];
    double cbr_base, cdr_base;       /* per 1000 per year, 1956-57 */
    CoreProvenance vital_provenance;
    char vital_source[CORE_ID_LEN];
    bool radical_leadership;         /* first secretary named as closely following Mao */
    char leadership_source[CORE_ID_LEN];
    bool leap_reached;               /* false where the communes and campaigns never came (Tibet) */
    char leap_source[CORE_ID_LEN];
} CoreProvinceInfo;

/* A parameter of the content (the scripts' magnitudes), read from the same
 * params.csv as the core's own but not used by the core. */
#define CORE_MAX_EXTRA_PARAMS 192
typedef struct CoreNamedParam {
    char name[CORE_ID_LEN];
    double value;
} CoreNamedParam;

/* Everything needed to start a run. Filled by core_data_* from data files or
 * directly by tests. Zero-initialised fields are invalid, not defaults. */
typedef struct CoreScenario {
    int start_year, start_month;           /* 1958, 1 */
    int province_count;
    CoreProvinceInfo provinces[CORE_MAX_PROVINCES];
    double params[CORE_PARAM_COUNT];
    bool param_set[CORE_PARAM_COUNT];
    int extra_param_count;
    CoreNamedParam extra_params[CORE_MAX_EXTRA_PARAMS];
} CoreScenario;

/* Parses assets/data/params.csv (a memory buffer; `name` is used in messages).
 * Rows naming none of the core's parameters are the content's (sc->extra_params).
 * Duplicate parameters, bad numbers, kinds or sources are errors naming name:line. */
bool core_data_parse_params(CoreScenario *sc, const char *name, const char *text, size_t len);
/* Parses assets/data/provinces.csv into sc->provinces. */
bool core_data_parse_provinces(CoreScenario *sc, const char *name, const char *text, size_t len);
/* Checks that every parameter is set and every province figure is usable. */
bool core_scenario_validate(const CoreScenario *sc);

/* ==== Levers ====
 * A lever is a model input that policies and events may change through
 * modifiers. Effective value = clamp((base + sum of adds) * product of muls).
 * X(name, scope, base, min, max, unit, doc); scope N = national, P = province. */
#define CORE_LEVER_LIST(X) \
    X(political_pressure, N, 0.0, 0.0, 1.0, "index", "political pressure on cadres from the centre (base: parameter pressure_base)") \
    X(exports_t_year, N, 0.0, 0.0, 2.0e7, "t/year", "grain the state plans to export per year") \
    X(exports_allowed, N, 0.0, 0.0, 1.0, "share", "share of the planned exports actually shipped (1 while the grain_exports policy is in force)") \
    X(imports_t_year, N, 0.0, 0.0, 2.0e7, "t/year", "grain the state imports per year") \
    X(urban_ration_mult, N, 1.0, 0.3, 1.5, "ratio", "urban ration relative to the 1957 ration") \
    X(urban_recruitment, N, 0.0, -2.0e6, 2.0e6, "persons/month", "peasants moved to (or sent back from) the cities each month") \
    X(weather_mult, N, 1.0, 0.5, 1.5, "ratio", "national weather factor on every harvest") \
    X(relief_on_reports, N, 1.0, 0.0, 1.0, "share", "how far the centre judges rural need from inflated reports (1) rather than actual stocks (0) (base: parameter relief_trust_base)") \
    X(yield_mult, P, 1.0, 0.0, 3.0, "ratio", "yield per sown hectare relative to 1957 farming practice") \
    X(sown_area_mult, P, 1.0, 0.0, 1.2, "ratio", "grain area sown relative to 1957") \
    X(seed_rate_mult, P, 1.0, 0.5, 5.0, "ratio", "seed sown per hectare relative to 1957") \
    X(labour_furnaces, P, 0.0, 0.0, 0.6, "share", "working-age labour sent to furnaces") \
    X(labour_water, P, 0.0, 0.0, 0.6, "share", "working-age labour sent to water works") \
    X(incentive_mult, P, 1.0, 0.2, 1.5, "ratio", "peasants' incentive to work relative to 1957") \
    X(consumption_mult, P, 1.0, 0.5, 2.0, "ratio", "rural grain eaten relative to a household's need") \
    X(mess_halls, P, 0.0, 0.0, 1.0, "share", "share of the rural population eating in communal mess halls") \
    X(mess_free_eating, P, 0.0, 0.0, 1.0, "share", "share of the mess halls where food is free for the taking (\"eat your fill\")") \
    X(labour_need_mult, P, 1.0, 0.5, 3.0, "ratio", "field labour needed relative to the 1957 calendar (deep ploughing)") \
    X(relief_share, P, 0.0, 0.0, 1.0, "share", "share of a perceived rural shortfall the state covers (base: parameter relief_base)") \
    X(nongrain_food_mult, P, 1.0, 0.0, 2.0, "ratio", "food from private plots, sidelines and markets relative to 1957") \
    X(zeal_push, P, 0.0, -1.0, 1.0, "index", "push on cadre zeal from campaigns") \
    X(sparrow_kill, P, 0.0, 0.0, 1.0, "1/month", "share of sparrows killed each month") \
    X(procurement_rate, P, 0.0, 0.0, 0.9, "share", "state procurement as a share of the reported harvest (base: parameter procurement_rate_base)") \
    X(report_inflation, P, 0.0, 0.0, 5.0, "ratio", "extra inflation of harvest reports on top of cadre zeal") \
    X(quota_on_reports, P, 1.0, 0.0, 1.0, "share", "how far procurement quotas follow reported (1) rather than verified (0) harvests") \
    X(seed_grain_taken, P, 0.0, 0.0, 1.0, "share", "share of the seed reserve procurement may take") \
    X(concealment, P, 0.0, 0.0, 1.0, "share", "share of the deaths above normal kept out of the statistics") \
    X(fertility_mult, P, 1.0, 0.5, 1.5, "ratio", "fertility relative to 1957 from policy") \
    X(outflow_share, P, 0.0, 0.0, 0.5, "share", "extra share of the reported harvest sent out of the province")

typedef enum CoreLeverScope { CORE_SCOPE_N, CORE_SCOPE_P } CoreLeverScope;

typedef enum CoreLever {
#define CORE_LEVER_ENUM(name, scope, base, lo, hi, unit, doc) CORE_LEVER_##name,
    CORE_LEVER_LIST(CORE_LEVER_ENUM)
#undef CORE_LEVER_ENUM
    CORE_LEVER_COUNT
} CoreLever;

typedef struct CoreLeverInfo {
    const char *name;
    CoreLeverScope scope;
    double base, min, max;
    const char *unit, *doc;
} CoreLeverInfo;
const CoreLeverInfo *core_lever_info(CoreLever l);
CoreLever core_lever_find(const char *name); /* CORE_LEVER_COUNT if none */

typedef enum CoreOp { CORE_OP_ADD, CORE_OP_MUL, CORE_OP_SET } CoreOp;

/* How a modifier's amount scales per province. */
typedef enum CoreScale {
    CORE_SCALE_NONE,
    CORE_SCALE_ZEAL,       /* stronger where cadres are zealous (zeal / zeal_scale_ref) */
} CoreScale;

#define CORE_ALL_PROVINCES (-1)
#define CORE_ALL_MONTHS 0x0FFFu

typedef struct CoreModifierDesc {
    CoreLever lever;
    CoreOp op;               /* ADD or MUL */
    double amount;
    int province;            /* index or CORE_ALL_PROVINCES */
    uint16_t month_mask;     /* bit m-1 set: active in calendar month m; 0 means all */
    CoreScale scale;
} CoreModifierDesc;

typedef struct CoreModifier {
    CoreModifierDesc d;
    uint16_t source;         /* interned source id */
    int32_t expires;         /* month index at which it ends; -1 = when its policy is repealed */
    int16_t policy;          /* policy index it belongs to, or -1 */
} CoreModifier;

/* ==== Adjustable state ====
 * One-shot changes events may make. Grain never appears from nowhere: it is
 * moved with CORE_CMD_TRANSFER instead. */
#define CORE_VAR_LIST(X) \
    X(pressure_shock, N, "index", "a lasting jump in political pressure (decays over pressure_decay_months)") \
    X(zeal, P, "index", "cadre zeal, 0..1") \
    X(sparrows, P, "index", "sparrow population relative to 1957, 0..1") \
    X(pests, P, "index", "pest infestation, 0..1") \
    X(forest, P, "index", "forest cover relative to 1957, 0..1") \
    X(works_unsafe, P, "index", "unsafe dams and channels built without engineers") \
    X(health, P, "index", "population health, 1 = well fed") \
    X(radicalism, P, "index", "radicalism of the provincial leadership, 0..1 (a change of first secretary)")

typedef enum CoreVar {
#define CORE_VAR_ENUM(name, scope, unit, doc) CORE_VAR_##name,
    CORE_VAR_LIST(CORE_VAR_ENUM)
#undef CORE_VAR_ENUM
    CORE_VAR_COUNT
} CoreVar;

typedef struct CoreVarInfo { const char *name; CoreLeverScope scope; const char *unit, *doc; } CoreVarInfo;
const CoreVarInfo *core_var_info(CoreVar v);
CoreVar core_var_find(const char *name);

/* Grain holders a transfer can move between. */
typedef enum CoreHolder { CORE_HOLD_GRANARY, CORE_HOLD_PROVINCE, CORE_HOLD_ABROAD } CoreHolder;

/* ==== Policies ==== */

typedef struct CorePolicy {
    char id[CORE_ID_LEN];
    int modifier_count;
    CoreModifierDesc modifiers[CORE_MAX_POLICY_MODIFIERS];
    bool active;
    int32_t enacted_month;   /* -1 if never */
} CorePolicy;

/* ==== Commands ====
 * Every change from outside the model (player, script, choices file) is a
 * command applied at the start of a month. A run is (seed, command log). */
typedef enum CoreCommandKind {
    CORE_CMD_POLICY_ENACT,
    CORE_CMD_POLICY_REPEAL,
    CORE_CMD_MODIFIER,       /* add a modifier for `months` months (0 = until the end) */
    CORE_CMD_ADJUST,         /* change a CoreVar by op/amount */
    CORE_CMD_TRANSFER,       /* move grain between holders */
    CORE_CMD_DECISION,       /* record that an event fired and which option was taken */
} CoreCommandKind;

typedef struct CoreCommand {
    CoreCommandKind kind;
    char source[CORE_SOURCE_LEN];  /* why: "policy:close_planting", "event:lushan/purge_peng" */
    int policy;                    /* ENACT/REPEAL: policy index */
    CoreModifierDesc modifier;     /* MODIFIER */
    int months;                    /* MODIFIER duration; 0 = permanent */
    CoreVar var;                   /* ADJUST */
    CoreOp op;                     /* ADJUST: ADD or SET */
    double amount;                 /* ADJUST amount; TRANSFER tonnes */
    int province;                  /* ADJUST/TRANSFER target province or CORE_ALL_PROVINCES */
    CoreHolder from, to;           /* TRANSFER */
    int from_province;             /* TRANSFER source when from == PROVINCE */
    char event[CORE_ID_LEN];       /* DECISION */
    char option[CORE_ID_LEN];      /* DECISION */
} CoreCommand;

/* An event that fired, and the option taken ("" if it had no choice). */
typedef struct CoreDecision {
    int32_t month;
    int32_t province;              /* -1 for national events */
    char event[CORE_ID_LEN];
    char option[CORE_ID_LEN];
} CoreDecision;

/* One slot of the decisions' index (CoreState.decision_index): the key is
 * (event, province), where province -1 stands for "any province"; the value
 * is the latest such decision's index + 1, 0 for an empty slot. */
typedef struct CoreDecisionSlot {
    uint16_t decision;
    int16_t province;
} CoreDecisionSlot;

/* ==== State ==== */

/* Per-province record kept for every month: X(type, name, unit, doc).
 * Types: I = int64_t, F = double. */
#define CORE_MONTH_FIELDS(X) \
    X(I, population, "persons", "population at the end of the month") \
    X(I, urban_pop, "persons", "urban population at the end of the month") \
    X(I, births, "persons", "births this month") \
    X(I, deaths, "persons", "deaths this month") \
    X(I, deaths_reported, "persons", "deaths that reached the statistics") \
    X(I, rural_deaths, "persons", "deaths in the countryside this month") \
    X(I, harvest_potential_kg, "kg", "grain the fields could have given this month") \
    X(I, harvest_kg, "kg", "grain actually brought in this month") \
    X(I, harvest_reported_kg, "kg", "grain the province reported harvesting this month") \
    X(I, rotted_kg, "kg", "grain left to rot in the fields for want of hands") \
    X(I, procured_kg, "kg", "grain taken by state procurement this month") \
    X(I, relief_kg, "kg", "grain resold or given to the countryside by the state") \
    X(I, quota_kg, "kg", "procurement quota set this month") \
    X(I, outflow_kg, "kg", "grain sent out of the province beyond procurement") \
    X(I, eaten_kg, "kg", "grain eaten by the rural population") \
    X(I, feed_waste_kg, "kg", "grain fed to animals, lost in storage or wasted") \
    X(I, seed_sown_kg, "kg", "seed grain sown") \
    X(I, rural_grain_kg, "kg", "grain held in the countryside at the end of the month") \
    X(I, seed_grain_kg, "kg", "seed reserve at the end of the month") \
    X(F, kcal_rural, "kcal/person/day", "food energy per rural person") \
    X(F, kcal_urban, "kcal/person/day", "food energy per urban person") \
    X(F, health, "index", "population health") \
    X(F, zeal, "index", "cadre zeal") \
    X(F, inflation, "ratio", "report inflation (reported/actual - 1)") \
    X(F, incentive, "ratio", "incentive to work") \
    X(F, labour_fields, "share", "working-age labour in the fields") \
    X(F, labour_furnaces, "share", "working-age labour at furnaces") \
    X(F, labour_water, "share", "working-age labour on water works") \
    X(F, labour_other, "share", "working-age labour elsewhere") \
    X(F, pests, "index", "pest infestation") \
    X(F, sparrows, "index", "sparrow population") \
    X(F, steel_reported_t, "t", "backyard iron and steel reported this month") \
    X(F, steel_usable_t, "t", "backyard iron and steel that was usable")

typedef struct CoreProvinceMonth {
#define CORE_MONTH_FIELD(type, name, unit, doc) CORE_FIELD_##type name;
#define CORE_FIELD_I int64_t
#define CORE_FIELD_F double
    CORE_MONTH_FIELDS(CORE_MONTH_FIELD)
#undef CORE_MONTH_FIELD
} CoreProvinceMonth;

#define CORE_NATIONAL_MONTH_FIELDS(X) \
    X(I, granary_kg, "kg", "state granary stock at the end of the month") \
    X(I, urban_supplied_kg, "kg", "grain supplied as urban rations") \
    X(I, exports_kg, "kg", "grain exported") \
    X(I, imports_kg, "kg", "grain imported") \
    X(F, pressure, "index", "political pressure") \
    X(F, steel_modern_t, "t", "steel from modern plants this month") \
    X(F, urban_ration_share, "share", "share of the full urban ration actually supplied")

typedef struct CoreNationalMonth {
#define CORE_NMONTH_FIELD(type, name, unit, doc) CORE_FIELD_##type name;
    CORE_NATIONAL_MONTH_FIELDS(CORE_NMONTH_FIELD)
#undef CORE_NMONTH_FIELD
} CoreNationalMonth;

typedef struct CoreProvince {
    int64_t rural_pop, urban_pop;          /* persons */
    int64_t rural_grain_kg;                /* food stocks held in the countryside */
    int64_t seed_grain_kg;                 /* reserve for the next sowing */
    double health;                         /* rural health, 1 = well fed */
    double health_urban;
    double fecundity_hist[CORE_FERT_LAG_MONTHS];    /* ring buffers: fecundity of the past months */
    double fecundity_urban_hist[CORE_FERT_LAG_MONTHS];
    double zeal;                           /* cadre zeal 0..1 */
    double radicalism;                     /* of the leadership now, 0..1 (starts from the leadership class) */
    double sparrows, pests, forest;        /* 0..1 */
    double works_done;                     /* irrigation gain as a yield share */
    double works_unsafe;                   /* unsafe works (index) */
    double dam_damage;                     /* share of the next harvest lost to a collapse */
    double birth_deficit;                  /* postponed births (persons) */
    double famine_dead;                    /* deaths above the normal rate so far (persons) */
    double quota_outstanding_kg;           /* procurement still demanded */
    double weather;                        /* last harvest's weather factor */
    double sown_summer, sown_autumn;       /* share of the needed seed actually sown, per crop */
    double cultivation_sum;                /* labour adequacy summed over the growing season */
    int cultivation_months;
    double year_reported_kg;               /* reported harvest so far this year */
} CoreProvince;

typedef struct CoreEffectEntry {
    int32_t month;            /* month index when it took effect */
    uint16_t source;          /* interned source id */
    uint8_t kind;             /* CoreCommandKind */
    int8_t province;          /* -1 = national / all */
    int16_t target;           /* policy, lever or var */
    double before, after;     /* ADJUST: values; TRANSFER: tonnes moved in `after` */
} CoreEffectEntry;

typedef struct CoreState {
    uint32_t magic;
    uint64_t seed;
    int start_year, start_month;
    int32_t month;                 /* months elapsed since the start */
    CoreRng rng;                   /* simulation stream */
    CoreRng script_rng;            /* stream for scripts' math.random */
    double params[CORE_PARAM_COUNT];
    int extra_param_count;
    CoreNamedParam extra_params[CORE_MAX_EXTRA_PARAMS];
    int province_count;
    CoreProvinceInfo info[CORE_MAX_PROVINCES];
    CoreProvince prov[CORE_MAX_PROVINCES];
    int64_t granary_kg;
    double pressure_shock;         /* decaying part of the pressure */
    double base_field_labour[CORE_MAX_PROVINCES]; /* 1957 field workers, persons */
    int policy_count;
    CorePolicy policies[CORE_MAX_POLICIES];
    int modifier_count;
    CoreModifier modifiers[CORE_MAX_MODIFIERS];
    double lever_n[CORE_LEVER_COUNT];                      /* effective national levers */
    double lever_p[CORE_MAX_PROVINCES][CORE_LEVER_COUNT];  /* effective province levers */
    int source_count;
    char sources[CORE_MAX_SOURCES][CORE_SOURCE_LEN];
    /* core_source_intern's hash table over `sources` (index + 1, 0 empty;
     * linear probing): a month of a thousand modded events interns a
     * thousand sources. Rebuilt when a save is loaded; not saved itself. */
    uint16_t source_index[CORE_SOURCE_SLOTS];
    int decision_count;
    CoreDecision decisions[CORE_MAX_DECISIONS];
    /* core_decision_find's hash table over `decisions` (open addressing,
     * linear probing): each decision has a key for its province (if any)
     * and one for "any province". Kept up to date as decisions are recorded
     * and rebuilt when a save is loaded; not saved itself. */
    CoreDecisionSlot decision_index[CORE_DECISION_SLOTS];
    int effect_count;              /* entries written in total (the log keeps the last CAP) */
    CoreEffectEntry effects[CORE_EFFECT_LOG_CAP];
    /* Grain that entered or left the whole system, for the conservation check. */
    int64_t total_harvested_kg, total_rotted_kg, total_eaten_kg, total_feed_waste_kg;
    int64_t total_sown_kg, total_urban_kg, total_exported_kg, total_imported_kg;
    int64_t total_transferred_in_kg;   /* by events, from abroad */
    /* The record, month by month. Only the months simulated (0 to month - 1)
     * and the month under way (`month`, zeroed when it begins) hold values:
     * later rows are not initialised until their month comes, so that a new
     * state costs what its first months use (1.5 of its 1.9 MB are here).
     * Read rows below `month` only. */
    CoreProvinceMonth hist[CORE_MAX_MONTHS][CORE_MAX_PROVINCES];
    CoreNationalMonth nhist[CORE_MAX_MONTHS];
} CoreState;

/* Creates a state at the scenario's start. Returns NULL (core_error_get) if
 * the scenario does not validate. The state owns no other memory. */
CoreState *core_state_create(const CoreScenario *sc, uint64_t seed);
void core_state_destroy(CoreState *s);
/* Copies a state (for counterfactual re-runs). */
CoreState *core_state_clone(const CoreState *s);
/* Copies what src holds into dst (a state's memory, as core_state_clone's):
 * the decisions recorded and the record's months so far; dst's decisions
 * and rows beyond them are, as in any state, not to be read. */
void core_state_copy(CoreState *dst, const CoreState *src);

/* Calendar of the month about to be simulated. */
int core_state_year(const CoreState *s);
int core_state_month_of_year(const CoreState *s); /* 1..12 */
/* Month index of a calendar date (may be negative or beyond the history). */
int core_month_index(const CoreState *s, int year, int month);
int core_province_find(const CoreState *s, const char *id); /* -1 if none */

/* Registers a policy's modifiers (from scripts). Re-registering an id replaces
 * its modifiers and keeps whether it is active. Returns the index or -1. */
int core_policy_register(CoreState *s, const char *id, const CoreModifierDesc *mods, int count);
int core_policy_find(const CoreState *s, const char *id);

/* The latest decision for an event (in a province, or -1 for any/national);
 * NULL if it never fired. Constant time (a hash table in the state), as
 * scripts ask it for every once-only event in every province every month. */
const CoreDecision *core_decision_find(const CoreState *s, const char *event, int province);
/* The provinces (bit p, p < 32) where `event` has a decision: one look-up
 * when it has none anywhere, as most have. */
uint32_t core_decided_provinces(const CoreState *s, const char *event);

/* Interns a "why" string; returns its index (0 is "model", 1 "other").
 * Past CORE_MAX_SOURCES distinct ones, a new one is logged as "other",
 * with a warning (core_log). */
uint16_t core_source_intern(CoreState *s, const char *source);
const char *core_source_name(const CoreState *s, uint16_t source);
/* A source's index if it is interned, else -1 (interns nothing). */
int core_source_find(const CoreState *s, const char *source);

/* Applies commands and simulates one month. A command that cannot apply
 * (bad index, non-finite amount) is skipped with a logged warning; the month
 * still runs. Returns false only if the history is full. */
bool core_tick(CoreState *s, const CoreCommand *cmds, size_t n);

/* Applies commands without advancing time (used when loading or previewing). */
void core_apply_commands(CoreState *s, const CoreCommand *cmds, size_t n);
/* Recomputes effective levers from the active modifiers. */
void core_levers_update(CoreState *s);

/* The value of a parameter by name, the core's or the content's; false if
 * there is none. */
bool core_param_lookup(const CoreState *s, const char *name, double *out);

/* Political pressure this month: the lever plus the decaying shock, 0..1. */
double core_pressure(const CoreState *s);

/* Effective value of a lever for a province (ignored for national levers). */
double core_lever_value(const CoreState *s, CoreLever l, int province);

/* One line of "why does this lever have this value". */
typedef struct CoreExplainItem {
    const char *source;      /* borrowed from the state */
    CoreOp op;
    double amount;           /* after zeal scaling */
    int32_t expires;
} CoreExplainItem;
/* Fills up to `cap` items; returns how many modifiers contribute. */
int core_lever_explain(const CoreState *s, CoreLever l, int province, CoreExplainItem *out, int cap);

/* ==== Yearly figures ==== */

typedef struct CoreYear {
    int64_t population;          /* end of year */
    int64_t population_start;    /* end of the previous year */
    int64_t births, deaths, deaths_reported, rural_deaths, urban_deaths;
    int64_t rural_pop_mid, urban_pop_mid;
    double crude_birth_rate, crude_death_rate;   /* per 1000, on the mid-year population */
    double rural_death_rate, urban_death_rate;
    double normal_death_rate;                    /* 1956-57 rate of the provinces summed */
    double registered_death_rate;                /* as the later registers counted it */
    double excess_deaths;                        /* deaths above the normal rate, on the mid-year population */
    double grain_actual_t, grain_reported_t, procurement_t, rotted_t, relief_t, outflow_t;
    double exports_t, imports_t;                 /* national only */
    double steel_reported_t, steel_usable_t;
    double kcal_rural_mean;
    int months;                                  /* months of the year simulated */
} CoreYear;

/* Sums the simulated months of `year` for one province (or nationally when
 * province == CORE_ALL_PROVINCES). Returns false if no month of that year
 * has been simulated. */
bool core_year_summary(const CoreState *s, int year, int province, CoreYear *out);

/* ==== Conservation ==== */

/* Grain in the system now: rural stocks + seed + granary. */
int64_t core_grain_in_system_kg(const CoreState *s);

/* ==== Hash and save ==== */

/* The format of the state core_save_to_buffer writes (a save of another
 * format does not load). */
unsigned core_save_format(void);

/* FNV-1a 64 over the serialized state. */
uint64_t core_state_hash(const CoreState *s);
/* Serializes the state into a malloc'd buffer (caller frees). */
bool core_save_to_buffer(const CoreState *s, uint8_t **out, size_t *out_len);
/* Rebuilds a state from a buffer; a damaged or incompatible buffer gives
 * NULL and a message. Never reads past `len`. */
CoreState *core_load_from_buffer(const uint8_t *buf, size_t len);

#endif /* CORE_H */
