/* script_bind_state.c — what scripts can read of the simulation: the
 * fields and methods of the state `s`, of `s.national` and of each
 * province's view (the views themselves are script_views.c), the `gl`
 * functions, and the whole API list the loader, the views and
 * greatleap --api-dump read. */
#include "script_api.h"
#include "script_internal.h"

#include <stdio.h>
#include <string.h>

#include "script_views.h"

/* ==== Helpers over the history ==== */

static int last_month(const CoreState *s) { return s->month - 1; }

typedef double (*FieldFn)(const CoreProvinceMonth *r);
static double f_deaths(const CoreProvinceMonth *r) { return (double)r->deaths; }
static double f_deaths_rep(const CoreProvinceMonth *r) { return (double)r->deaths_reported; }
static double f_births(const CoreProvinceMonth *r) { return (double)r->births; }
static double f_harvest(const CoreProvinceMonth *r) { return (double)r->harvest_kg / 1000.0; }
static double f_reported(const CoreProvinceMonth *r) { return (double)r->harvest_reported_kg / 1000.0; }
static double f_procured(const CoreProvinceMonth *r) { return (double)r->procured_kg / 1000.0; }
static double f_relief(const CoreProvinceMonth *r) { return (double)r->relief_kg / 1000.0; }

/* One province (prov >= 0) or all of them (-1): the provinces from..to-1. */
static int from_province(int prov) { return prov < 0 ? 0 : prov; }
static int to_province(const CoreState *s, int prov) { return prov < 0 ? s->province_count : prov + 1; }

static double sum_recent(const CoreState *s, int prov, int months, FieldFn fn)
{
    double acc = 0;
    for (int m = last_month(s); m >= 0 && m > last_month(s) - months; m--)
        for (int p = from_province(prov); p < to_province(s, prov); p++)
            acc += fn(&s->hist[m][p]);
    return acc;
}

static double population_now(const CoreState *s, int prov)
{
    double acc = 0;
    for (int p = from_province(prov); p < to_province(s, prov); p++)
        acc += (double)(s->prov[p].rural_pop + s->prov[p].urban_pop);
    return acc;
}

/* Rate per 1000 per year over the last 12 months (fewer at the start). */
static double recent_rate(const CoreState *s, int prov, FieldFn fn)
{
    int months = s->month < 12 ? s->month : 12;
    if (months == 0)
        return 0.0;
    double pop = population_now(s, prov);
    return pop > 0 ? 1000.0 * sum_recent(s, prov, months, fn) / pop * 12.0 / months : 0.0;
}

static double start_population(const CoreState *s, int prov)
{
    double acc = 0;
    for (int p = from_province(prov); p < to_province(s, prov); p++)
        acc += (double)s->info[p].pop_1957;
    return acc;
}

static void push_month_record(lua_State *L, const CoreProvinceMonth *rec)
{
    lua_createtable(L, 0, 40);
#define PUSH_FIELD(type, name, unit, doc) PUSH_##type(rec->name); lua_setfield(L, -2, #name);
#define PUSH_I(v) lua_pushinteger(L, (lua_Integer)(v))
#define PUSH_F(v) lua_pushnumber(L, (v))
    CORE_MONTH_FIELDS(PUSH_FIELD)
#undef PUSH_FIELD
}

static void push_year(lua_State *L, const CoreYear *y)
{
    lua_createtable(L, 0, 24);
    struct { const char *name; double v; } f[] = {
        {"population", (double)y->population},       {"births", (double)y->births},
        {"deaths", (double)y->deaths},               {"deaths_reported", (double)y->deaths_reported},
        {"crude_birth_rate", y->crude_birth_rate},   {"crude_death_rate", y->crude_death_rate},
        {"rural_death_rate", y->rural_death_rate},   {"urban_death_rate", y->urban_death_rate},
        {"normal_death_rate", y->normal_death_rate}, {"registered_death_rate", y->registered_death_rate},
        {"grain_actual_t", y->grain_actual_t},       {"grain_reported_t", y->grain_reported_t},
        {"procurement_t", y->procurement_t},         {"rotted_t", y->rotted_t},
        {"relief_t", y->relief_t},                   {"exports_t", y->exports_t},
        {"imports_t", y->imports_t},                 {"steel_reported_t", y->steel_reported_t},
        {"steel_usable_t", y->steel_usable_t},       {"kcal_rural", y->kcal_rural_mean},
        {"months", (double)y->months},               {"excess_deaths", y->excess_deaths}};
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++) {
        lua_pushnumber(L, f[i].v);
        lua_setfield(L, -2, f[i].name);
    }
}

static CoreLever check_lever(lua_State *L, int idx)
{
    const char *name = luaL_checkstring(L, idx);
    CoreLever l = core_lever_find(name);
    if (l == CORE_LEVER_COUNT)
        luaL_error(L, "unknown lever '%s'", name);
    return l;
}

static int find_province_arg(lua_State *L, const CoreState *s, int idx)
{
    const char *id = luaL_checkstring(L, idx);
    int p = core_province_find(s, id);
    if (p < 0)
        luaL_error(L, "unknown province '%s'", id);
    return p;
}

/* ==== Province fields ==== */

#define PROV_GETTER(name, expr)                              \
    static int pf_##name(lua_State *L)                       \
    {                                                        \
        View *v;                                             \
        const CoreState *s = script_field_state(L, &v);             \
        int p = v->province;                                 \
        (void)s;                                             \
        (void)p;                                             \
        expr;                                                \
        return 1;                                            \
    }

static const CoreProvinceMonth *last_rec(const CoreState *s, int p)
{
    static const CoreProvinceMonth empty;
    return s->month > 0 ? &s->hist[s->month - 1][p] : &empty;
}

PROV_GETTER(id, lua_pushstring(L, s->info[p].id))
PROV_GETTER(index, lua_pushinteger(L, p + 1))
PROV_GETTER(population, lua_pushinteger(L, s->prov[p].rural_pop + s->prov[p].urban_pop))
PROV_GETTER(rural_pop, lua_pushinteger(L, s->prov[p].rural_pop))
PROV_GETTER(urban_pop, lua_pushinteger(L, s->prov[p].urban_pop))
PROV_GETTER(grain_t, lua_pushnumber(L, (double)s->prov[p].rural_grain_kg / 1000.0))
PROV_GETTER(seed_t, lua_pushnumber(L, (double)s->prov[p].seed_grain_kg / 1000.0))
PROV_GETTER(health, lua_pushnumber(L, s->prov[p].health))
PROV_GETTER(health_urban, lua_pushnumber(L, s->prov[p].health_urban))
PROV_GETTER(zeal, lua_pushnumber(L, s->prov[p].zeal))
PROV_GETTER(sparrows, lua_pushnumber(L, s->prov[p].sparrows))
PROV_GETTER(pests, lua_pushnumber(L, s->prov[p].pests))
PROV_GETTER(forest, lua_pushnumber(L, s->prov[p].forest))
PROV_GETTER(works_unsafe, lua_pushnumber(L, s->prov[p].works_unsafe))
PROV_GETTER(radicalism, lua_pushnumber(L, s->prov[p].radicalism))
PROV_GETTER(kcal, lua_pushnumber(L, last_rec(s, p)->kcal_rural))
PROV_GETTER(kcal_urban, lua_pushnumber(L, last_rec(s, p)->kcal_urban))
PROV_GETTER(inflation, lua_pushnumber(L, last_rec(s, p)->inflation))
PROV_GETTER(labour_fields, lua_pushnumber(L, last_rec(s, p)->labour_fields))
PROV_GETTER(labour_furnaces, lua_pushnumber(L, last_rec(s, p)->labour_furnaces))
PROV_GETTER(labour_water, lua_pushnumber(L, last_rec(s, p)->labour_water))
PROV_GETTER(death_rate, lua_pushnumber(L, recent_rate(s, p, f_deaths)))
PROV_GETTER(death_rate_reported, lua_pushnumber(L, recent_rate(s, p, f_deaths_rep)))
PROV_GETTER(birth_rate, lua_pushnumber(L, recent_rate(s, p, f_births)))
PROV_GETTER(pop_change, lua_pushnumber(L, 100.0 * (population_now(s, p) / start_population(s, p) - 1.0)))
PROV_GETTER(harvest_t, lua_pushnumber(L, sum_recent(s, p, 12, f_harvest)))
PROV_GETTER(reported_t, lua_pushnumber(L, sum_recent(s, p, 12, f_reported)))
PROV_GETTER(procured_t, lua_pushnumber(L, sum_recent(s, p, 12, f_procured)))
PROV_GETTER(relief_t, lua_pushnumber(L, sum_recent(s, p, 12, f_relief)))

static int pm_lever(lua_State *L)
{
    int p = script_view_province(L, 1);
    CoreLever l = check_lever(L, 2);
    lua_pushnumber(L, core_lever_value(script_host_of(L)->state, l, p));
    return 1;
}

/* p:month(k): the record of k months ago (1 = the last month simulated). */
static int pm_month(lua_State *L)
{
    View *v;
    const CoreState *s = script_view_state(L, 1, VIEW_PROVINCE, &v);
    lua_Integer k = luaL_optinteger(L, 2, 1);
    if (k < 1 || k > s->month)
        return luaL_pushfail(L), 1;
    push_month_record(L, &s->hist[s->month - k][v->province]);
    return 1;
}

static int pm_year(lua_State *L)
{
    View *v;
    const CoreState *s = script_view_state(L, 1, VIEW_PROVINCE, &v);
    CoreYear y;
    if (!core_year_summary(s, (int)luaL_checkinteger(L, 2), v->province, &y))
        return luaL_pushfail(L), 1;
    push_year(L, &y);
    return 1;
}

/* ==== National fields ==== */

#define NAT_GETTER(name, expr)                               \
    static int nf_##name(lua_State *L)                       \
    {                                                        \
        const CoreState *s = script_field_state(L, NULL);           \
        (void)s;                                             \
        expr;                                                \
        return 1;                                            \
    }

static double nat_recent(const CoreState *s, int which)
{
    double acc = 0;
    for (int m = last_month(s); m >= 0 && m > last_month(s) - 12; m--)
        acc += (double)(which == 0 ? s->nhist[m].exports_kg : s->nhist[m].imports_kg) / 1000.0;
    return acc;
}

static double urban_total(const CoreState *s)
{
    double acc = 0;
    for (int p = 0; p < s->province_count; p++)
        acc += (double)s->prov[p].urban_pop;
    return acc;
}

NAT_GETTER(population, lua_pushinteger(L, (lua_Integer)population_now(s, -1)))
NAT_GETTER(urban_pop, lua_pushinteger(L, (lua_Integer)urban_total(s)))
NAT_GETTER(rural_pop, lua_pushinteger(L, (lua_Integer)(population_now(s, -1) - urban_total(s))))
NAT_GETTER(granary_t, lua_pushnumber(L, (double)s->granary_kg / 1000.0))
NAT_GETTER(pressure, lua_pushnumber(L, core_pressure(s)))
NAT_GETTER(death_rate, lua_pushnumber(L, recent_rate(s, -1, f_deaths)))
NAT_GETTER(death_rate_reported, lua_pushnumber(L, recent_rate(s, -1, f_deaths_rep)))
NAT_GETTER(birth_rate, lua_pushnumber(L, recent_rate(s, -1, f_births)))
NAT_GETTER(pop_change, lua_pushnumber(L, 100.0 * (population_now(s, -1) / start_population(s, -1) - 1.0)))
NAT_GETTER(harvest_t, lua_pushnumber(L, sum_recent(s, -1, 12, f_harvest)))
NAT_GETTER(reported_t, lua_pushnumber(L, sum_recent(s, -1, 12, f_reported)))
NAT_GETTER(procured_t, lua_pushnumber(L, sum_recent(s, -1, 12, f_procured)))
NAT_GETTER(exports_t, lua_pushnumber(L, nat_recent(s, 0)))
NAT_GETTER(imports_t, lua_pushnumber(L, nat_recent(s, 1)))
NAT_GETTER(urban_ration_share,
           lua_pushnumber(L, s->month > 0 ? s->nhist[s->month - 1].urban_ration_share : 1.0))

static int nm_lever(lua_State *L)
{
    const CoreState *s = script_view_state(L, 1, VIEW_NATIONAL, NULL);
    CoreLever l = check_lever(L, 2);
    if (core_lever_info(l)->scope != CORE_SCOPE_N)
        return luaL_error(L, "'%s' is a province lever: use p:lever(\"%s\")", core_lever_info(l)->name,
                          core_lever_info(l)->name);
    lua_pushnumber(L, core_lever_value(s, l, -1));
    return 1;
}

static int nm_year(lua_State *L)
{
    const CoreState *s = script_view_state(L, 1, VIEW_NATIONAL, NULL);
    CoreYear y;
    if (!core_year_summary(s, (int)luaL_checkinteger(L, 2), CORE_ALL_PROVINCES, &y))
        return luaL_pushfail(L), 1;
    push_year(L, &y);
    return 1;
}

/* ==== State fields ==== */

#define STATE_GETTER(name, expr)                             \
    static int sf_##name(lua_State *L)                       \
    {                                                        \
        const CoreState *s = script_field_state(L, NULL);           \
        (void)s;                                             \
        expr;                                                \
        return 1;                                            \
    }

STATE_GETTER(year, lua_pushinteger(L, core_state_year(s)))
STATE_GETTER(month, lua_pushinteger(L, core_state_month_of_year(s)))
STATE_GETTER(month_index, lua_pushinteger(L, s->month))
STATE_GETTER(date, lua_pushfstring(L, "%d-%s%d", core_state_year(s), core_state_month_of_year(s) < 10 ? "0" : "",
                                   core_state_month_of_year(s)))
STATE_GETTER(national, script_view_push_kind(L, VIEW_NATIONAL, -1))

static int sf_provinces(lua_State *L)
{
    const CoreState *s = script_view_state(L, 1, VIEW_STATE, NULL);
    lua_createtable(L, s->province_count, 0);
    for (int p = 0; p < s->province_count; p++) {
        script_view_push_kind(L, VIEW_PROVINCE, p);
        lua_rawseti(L, -2, p + 1);
    }
    return 1;
}

static int sm_province(lua_State *L)
{
    const CoreState *s = script_view_state(L, 1, VIEW_STATE, NULL);
    int p = core_province_find(s, luaL_checkstring(L, 2));
    if (p < 0)
        return luaL_pushfail(L), 1;
    script_view_push_kind(L, VIEW_PROVINCE, p);
    return 1;
}

static int sm_policy_active(lua_State *L)
{
    const CoreState *s = script_view_state(L, 1, VIEW_STATE, NULL);
    const char *id = luaL_checkstring(L, 2);
    int i = core_policy_find(s, id);
    if (i < 0 && script_policy_find(script_host_of(L), id) < 0)
        return luaL_error(L, "unknown policy '%s'", id);
    lua_pushboolean(L, i >= 0 && s->policies[i].active);
    return 1;
}

/* Months since the policy was enacted, or nil if it is not active. */
static int sm_policy_months(lua_State *L)
{
    const CoreState *s = script_view_state(L, 1, VIEW_STATE, NULL);
    int i = core_policy_find(s, luaL_checkstring(L, 2));
    if (i < 0 || !s->policies[i].active)
        return luaL_pushfail(L), 1;
    lua_pushinteger(L, s->month - s->policies[i].enacted_month);
    return 1;
}

static const CoreDecision *decision_arg(lua_State *L, const CoreState *s)
{
    const char *id = luaL_checkstring(L, 2);
    if (script_event_find(script_host_of(L), id) < 0)
        luaL_error(L, "unknown event '%s'", id);
    int prov = lua_isnoneornil(L, 3) ? -1 : find_province_arg(L, s, 3);
    return core_decision_find(s, id, prov);
}

static int sm_event_fired(lua_State *L)
{
    const CoreState *s = script_view_state(L, 1, VIEW_STATE, NULL);
    lua_pushboolean(L, decision_arg(L, s) != NULL);
    return 1;
}

static int sm_event_choice(lua_State *L)
{
    const CoreState *s = script_view_state(L, 1, VIEW_STATE, NULL);
    const CoreDecision *d = decision_arg(L, s);
    if (!d)
        return luaL_pushfail(L), 1;
    lua_pushstring(L, d->option);
    return 1;
}

static int sm_event_months(lua_State *L)
{
    const CoreState *s = script_view_state(L, 1, VIEW_STATE, NULL);
    const CoreDecision *d = decision_arg(L, s);
    if (!d)
        return luaL_pushfail(L), 1;
    lua_pushinteger(L, s->month - d->month);
    return 1;
}

static int sm_lever(lua_State *L)
{
    const CoreState *s = script_view_state(L, 1, VIEW_STATE, NULL);
    CoreLever l = check_lever(L, 2);
    int p = -1;
    if (core_lever_info(l)->scope == CORE_SCOPE_P)
        p = find_province_arg(L, s, 3);
    lua_pushnumber(L, core_lever_value(s, l, p));
    return 1;
}

static int sm_months_since(lua_State *L)
{
    const CoreState *s = script_view_state(L, 1, VIEW_STATE, NULL);
    int y, m;
    if (!script_parse_date(luaL_checkstring(L, 2), &y, &m))
        return luaL_argerror(L, 2, "expected a date \"YYYY-MM\"");
    lua_pushinteger(L, s->month - core_month_index(s, y, m));
    return 1;
}

static int sm_param(lua_State *L)
{
    const CoreState *s = script_view_state(L, 1, VIEW_STATE, NULL);
    double v;
    char err[160];
    if (!script_param_value(s, luaL_checkstring(L, 2), &v, err, sizeof err))
        return luaL_error(L, "%s", err);
    lua_pushnumber(L, v);
    return 1;
}

/* s:has_modifier(name [, province]): a named modifier (fx:modify) is in
 * force, anywhere or where it acts on that province (or on all). */
static int sm_has_modifier(lua_State *L)
{
    const CoreState *s = script_view_state(L, 1, VIEW_STATE, NULL);
    const char *name = luaL_checkstring(L, 2);
    int p = lua_isnoneornil(L, 3) ? -2 : find_province_arg(L, s, 3);
    char source[CORE_SOURCE_LEN];
    snprintf(source, sizeof source, "modifier:%s", name);
    int id = core_source_find(s, source); /* compared as a number: thousands of modifiers may be in force */
    bool found = false;
    for (int i = 0; id >= 0 && i < s->modifier_count && !found; i++)
        found = s->modifiers[i].source == id &&
                (p == -2 || s->modifiers[i].d.province == CORE_ALL_PROVINCES || s->modifiers[i].d.province == p);
    lua_pushboolean(L, found);
    return 1;
}

/* ==== gl functions ==== */

static int gl_levers(lua_State *L)
{
    lua_createtable(L, CORE_LEVER_COUNT, 0);
    for (int i = 0; i < CORE_LEVER_COUNT; i++) {
        lua_pushstring(L, core_lever_info((CoreLever)i)->name);
        lua_rawseti(L, -2, i + 1);
    }
    return 1;
}

/* ==== The list ==== */

#define F(obj, name, sig, ret, doc, fn) {obj, name, SCRIPT_API_FIELD, sig, ret, doc, fn}
#define M(obj, name, sig, ret, doc, fn) {obj, name, SCRIPT_API_METHOD, sig, ret, doc, fn}

extern const ScriptApiEntry script_effects_api[], script_test_api[], script_decl_api[];
extern const int script_effects_api_count, script_test_api_count, script_decl_api_count;

static const ScriptApiEntry state_api[] = {
    F("State", "year", "s.year", "integer", "Calendar year of the month about to be simulated.", sf_year),
    F("State", "month", "s.month", "integer", "Calendar month, 1 to 12.", sf_month),
    F("State", "date", "s.date", "string", "The month as \"YYYY-MM\".", sf_date),
    F("State", "month_index", "s.month_index", "integer", "Months since the scenario began (0 in the first month).", sf_month_index),
    F("State", "national", "s.national", "National", "National figures.", sf_national),
    F("State", "provinces", "s.provinces", "{Province}", "Every province, always in the same order.", sf_provinces),
    M("State", "province", "s:province(id)", "Province|nil", "The province with this map id (\"henan\"), or nil.", sm_province),
    M("State", "policy_active", "s:policy_active(policy_id)", "boolean", "Whether a policy is in force.", sm_policy_active),
    M("State", "policy_months", "s:policy_months(policy_id)", "integer|nil", "Months since an active policy was enacted; nil if it is not in force.", sm_policy_months),
    M("State", "event_fired", "s:event_fired(event_id [, province_id])", "boolean", "Whether an event has fired (in a province, for per-province events).", sm_event_fired),
    M("State", "event_choice", "s:event_choice(event_id [, province_id])", "string|nil", "The option taken the last time the event fired, or nil.", sm_event_choice),
    M("State", "event_months", "s:event_months(event_id [, province_id])", "integer|nil", "Months since the event last fired, or nil.", sm_event_months),
    M("State", "lever", "s:lever(lever [, province_id])", "number", "Effective value of a lever (see the lever table); province levers need a province.", sm_lever),
    M("State", "months_since", "s:months_since(\"YYYY-MM\")", "integer", "Months from a date to now (negative before it).", sm_months_since),
    M("State", "has_modifier", "s:has_modifier(name [, province_id])", "boolean", "Whether a named modifier (fx:modify) is in force: anywhere, or acting on that province.", sm_has_modifier),
    M("State", "param", "s:param(name)", "number", "The value of a model or content parameter (assets/data/params.csv). Modifier and adjust amounts may also name a parameter instead of a number: { lever = \"yield_mult\", mul = \"close_planting_yield_mult\" }.", sm_param),

    F("National", "population", "n.population", "integer", "People, now.", nf_population),
    F("National", "urban_pop", "n.urban_pop", "integer", "Urban people, now.", nf_urban_pop),
    F("National", "rural_pop", "n.rural_pop", "integer", "Rural people, now.", nf_rural_pop),
    F("National", "granary_t", "n.granary_t", "number", "State granary stocks, tonnes.", nf_granary_t),
    F("National", "pressure", "n.pressure", "number", "Political pressure on cadres, 0 to 1.", nf_pressure),
    F("National", "death_rate", "n.death_rate", "number", "Deaths per 1000 per year over the last 12 months (what really happened).", nf_death_rate),
    F("National", "death_rate_reported", "n.death_rate_reported", "number", "Deaths per 1000 per year that reached the statistics.", nf_death_rate_reported),
    F("National", "birth_rate", "n.birth_rate", "number", "Births per 1000 per year over the last 12 months.", nf_birth_rate),
    F("National", "pop_change", "n.pop_change", "number", "Population change since the start, percent.", nf_pop_change),
    F("National", "harvest_t", "n.harvest_t", "number", "Grain actually harvested in the last 12 months, tonnes.", nf_harvest_t),
    F("National", "reported_t", "n.reported_t", "number", "Grain reported harvested in the last 12 months, tonnes.", nf_reported_t),
    F("National", "procured_t", "n.procured_t", "number", "Grain procured by the state in the last 12 months, tonnes.", nf_procured_t),
    F("National", "exports_t", "n.exports_t", "number", "Grain exported in the last 12 months, tonnes.", nf_exports_t),
    F("National", "imports_t", "n.imports_t", "number", "Grain imported in the last 12 months, tonnes.", nf_imports_t),
    F("National", "urban_ration_share", "n.urban_ration_share", "number", "Share of the urban ration the state could supply last month.", nf_urban_ration_share),
    M("National", "lever", "n:lever(lever)", "number", "Effective value of a national lever.", nm_lever),
    M("National", "year", "n:year(year)", "table|nil", "A year's totals (population, births, deaths, crude_birth_rate, crude_death_rate, registered_death_rate, normal_death_rate, excess_deaths, grain_actual_t, grain_reported_t, procurement_t, exports_t, imports_t, ...), or nil before it.", nm_year),

    F("Province", "id", "p.id", "string", "Map id (\"henan\").", pf_id),
    F("Province", "index", "p.index", "integer", "Position in s.provinces.", pf_index),
    F("Province", "population", "p.population", "integer", "People, now.", pf_population),
    F("Province", "rural_pop", "p.rural_pop", "integer", "Rural people, now.", pf_rural_pop),
    F("Province", "urban_pop", "p.urban_pop", "integer", "Urban people, now.", pf_urban_pop),
    F("Province", "grain_t", "p.grain_t", "number", "Grain held in the countryside, tonnes.", pf_grain_t),
    F("Province", "seed_t", "p.seed_t", "number", "Seed reserve, tonnes.", pf_seed_t),
    F("Province", "health", "p.health", "number", "Rural health: 1 is well fed; deaths rise below about 0.9.", pf_health),
    F("Province", "health_urban", "p.health_urban", "number", "Urban health.", pf_health_urban),
    F("Province", "zeal", "p.zeal", "number", "Cadre zeal, 0 to 1.", pf_zeal),
    F("Province", "sparrows", "p.sparrows", "number", "Sparrow population relative to 1957, 0 to 1.", pf_sparrows),
    F("Province", "pests", "p.pests", "number", "Pest infestation, 0 to 1.", pf_pests),
    F("Province", "forest", "p.forest", "number", "Forest cover relative to 1957, 0 to 1.", pf_forest),
    F("Province", "works_unsafe", "p.works_unsafe", "number", "Unsafe dams and channels built without engineers (index).", pf_works_unsafe),
    F("Province", "radicalism", "p.radicalism", "number", "Radicalism of the provincial leadership (data), 0 to 1.", pf_radicalism),
    F("Province", "kcal", "p.kcal", "number", "Food per rural person last month, kcal/day.", pf_kcal),
    F("Province", "kcal_urban", "p.kcal_urban", "number", "Food per urban person last month, kcal/day.", pf_kcal_urban),
    F("Province", "inflation", "p.inflation", "number", "Report inflation last month (reported/actual - 1).", pf_inflation),
    F("Province", "labour_fields", "p.labour_fields", "number", "Share of working-age labour in the fields last month.", pf_labour_fields),
    F("Province", "labour_furnaces", "p.labour_furnaces", "number", "Share of working-age labour at furnaces last month.", pf_labour_furnaces),
    F("Province", "labour_water", "p.labour_water", "number", "Share of working-age labour on water works last month.", pf_labour_water),
    F("Province", "death_rate", "p.death_rate", "number", "Deaths per 1000 per year over the last 12 months.", pf_death_rate),
    F("Province", "death_rate_reported", "p.death_rate_reported", "number", "Deaths per 1000 per year that reached the statistics.", pf_death_rate_reported),
    F("Province", "birth_rate", "p.birth_rate", "number", "Births per 1000 per year over the last 12 months.", pf_birth_rate),
    F("Province", "pop_change", "p.pop_change", "number", "Population change since the start, percent.", pf_pop_change),
    F("Province", "harvest_t", "p.harvest_t", "number", "Grain harvested in the last 12 months, tonnes.", pf_harvest_t),
    F("Province", "reported_t", "p.reported_t", "number", "Grain reported in the last 12 months, tonnes.", pf_reported_t),
    F("Province", "procured_t", "p.procured_t", "number", "Grain procured in the last 12 months, tonnes.", pf_procured_t),
    F("Province", "relief_t", "p.relief_t", "number", "Grain resold or given by the state in the last 12 months, tonnes.", pf_relief_t),
    M("Province", "lever", "p:lever(lever)", "number", "Effective value of a province lever here.", pm_lever),
    M("Province", "month", "p:month([k])", "table|nil", "The full record of k months ago (default 1), with every field of the monthly history.", pm_month),
    M("Province", "year", "p:year(year)", "table|nil", "A year's totals for this province, or nil before it.", pm_year),

    {"gl", "levers", SCRIPT_API_FUNCTION, "gl.levers()", "{string}", "Names of every lever modifiers can act on.", gl_levers},
};

/* The whole list: the views, fx, the test object, then the declarations.
 * Built once; every part is a constant table in its own file. */
const ScriptApiEntry *script_api_entries(int *count)
{
    static ScriptApiEntry all[512];
    static int n;
    if (!n) {
        const ScriptApiEntry *parts[] = {state_api, script_effects_api, script_test_api, script_decl_api};
        const int counts[] = {(int)(sizeof state_api / sizeof state_api[0]), script_effects_api_count,
                              script_test_api_count, script_decl_api_count};
        for (int p = 0; p < 4; p++)
            for (int i = 0; i < counts[p] && n < (int)(sizeof all / sizeof all[0]); i++)
                all[n++] = parts[p][i];
    }
    *count = n;
    return all;
}

void script_bind_open(lua_State *L)
{
    script_views_register(L);
    script_effects_register(L);
    /* The `gl` table. */
    lua_newtable(L);
    lua_pushinteger(L, SCRIPT_API_VERSION);
    lua_setfield(L, -2, "api_version");
    int count;
    const ScriptApiEntry *e = script_api_entries(&count);
    for (int i = 0; i < count; i++)
        if (strcmp(e[i].object, "gl") == 0) {
            lua_pushcfunction(L, e[i].fn);
            lua_setfield(L, -2, e[i].name);
        }
}

