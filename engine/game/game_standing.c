/* game_standing.c — the Party Center's standing with Mao (docs/model.md,
 * "Standing with Mao"). A radical choice earns favour; a moderating one
 * costs it, the more so the harsher the political climate of its month
 * (the core's political pressure: after Lushan, dissent was treason); at
 * zero the centre is purged, as Peng Dehuai was. Standing is computed from
 * the state's own record (the decisions taken, the board's policy changes
 * in the effect log, the pressure month by month), so it needs no saving
 * and cannot drift from the run. It changes nothing in the simulation. */
#include "game.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define START 60.0          /* January 1958: after Nanning, where Mao denounced "opposing rash advance" */
#define DECISION_GAIN 2.0   /* a radical answer to a card */
#define DECISION_COST 5.0   /* a moderating answer, before the climate */
#define POLICY_GAIN 3.0     /* enacting a radical policy from the board (or repealing a moderating one) */
#define POLICY_COST 8.0     /* the reverse, before the climate */

/* Each option's lean: +1 radical (Mao's line), -1 moderating (what he took
 * as rightist), 0 neither (a retreat Mao himself sanctioned, or no choice).
 * The weight multiplies the cost of a moderating answer. Events and options
 * not listed (a mod's) lean nowhere. */
typedef struct Lean {
    const char *event, *option;
    int lean;
    double weight;
} Lean;

static const Lean leans[] = {
    {"anhui_responsibility_fields", "responsibility_fields", -1, 1},
    {"anhui_responsibility_fields", "collective_fields_only", 1, 1},
    {"anti_concealment", "search_for_hidden_grain", 1, 1},
    {"anti_concealment", "believe_the_peasants", -1, 1},
    {"anti_right", "launch_the_struggle", 1, 1},
    {"anti_right", "keep_it_at_lushan", -1, 2},
    {"beidaihe_steel", "backyard_furnaces", 1, 1},
    {"beidaihe_steel", "modern_plants_only", -1, 1},
    {"chayashan", "hail_as_model", 1, 1},
    {"chayashan", "wait_and_see", -1, 1},
    {"close_planting", "promote", 1, 1},
    {"close_planting", "ask_agronomists", -1, 1},
    {"communes_are_good", "communes_everywhere", 1, 1},
    {"communes_are_good", "keep_cooperatives", -1, 1.5},
    {"deep_ploughing_praise", "promote_nationwide", 1, 1},
    {"deep_ploughing_praise", "field_trials_only", -1, 1},
    {"five_meals", "eat_your_fill", 1, 1},
    {"five_meals", "keep_work_points", -1, 1},
    {"foreign_aid", "refuse", 1, 1},
    {"foreign_aid", "accept_help", -1, 1.5},
    {"four_pests", "include_sparrows", 1, 1},
    {"four_pests", "spare_sparrows", -1, 1},
    {"furnace_fuel", "requisition_everything", 1, 1},
    {"furnace_fuel", "spare_households", -1, 1},
    {"furnaces_abandoned", "keep_going", 1, 1},
    {"furnaces_abandoned", "let_them_lapse", -1, 1},
    {"gansu_leadership", "keep_zhang_zhongliang", 1, 1},
    {"gansu_leadership", "remove_zhang_zhongliang", -1, 1},
    {"general_line", "adopt", 1, 1},
    {"general_line", "moderate_pace", -1, 2},
    {"grain_exports", "export_as_planned", 1, 1},
    {"grain_exports", "export_what_can_be_spared", -1, 1},
    {"grain_exports", "stop_exports", -1, 1.5},
    {"grain_imports", "no_imports", 1, 1},
    {"grain_imports", "buy_abroad", -1, 1},
    {"granaries", "keep_them_closed", 1, 1},
    {"granaries", "open_the_granaries", -1, 1},
    {"harvest_claims", "accept_and_raise_quotas", 1, 1},
    {"harvest_claims", "order_a_recount", -1, 1.5},
    {"hefei_furnace", "praise_it", 1, 1},
    {"hefei_furnace", "test_the_steel", -1, 1},
    {"hunan_leadership", "replace_zhou_xiaozhou", 1, 1},
    {"hunan_leadership", "keep_zhou_xiaozhou", -1, 1.5},
    {"japan_wheat", "rebuff", 1, 1},
    {"japan_wheat", "accept", -1, 1},
    {"leave_land_fallow", "concentrate", 1, 1},
    {"leave_land_fallow", "sow_every_field", -1, 1},
    {"lushan", "purge_peng", 1, 1},
    {"lushan", "listen_to_peng", -1, 3},
    {"manchuria_steelworks", "keep_the_furnaces", 1, 1},
    {"manchuria_steelworks", "halt_the_furnaces", -1, 1},
    {"one_third", "up_to_a_third", 1, 1},
    {"one_third", "lower_the_quotas", -1, 1},
    {"overtake_britain", "three_years", 1, 1},
    {"overtake_britain", "fifteen_years", -1, 1},
    {"peoples_daily_photo", "publish", 1, 1},
    {"peoples_daily_photo", "withhold", -1, 1},
    {"seven_thousand", "blame_the_weather", 1, 1},
    {"seven_thousand", "self_criticism", -1, 1},
    {"shandong_riots", "suppress", 1, 1},
    {"shandong_riots", "send_relief_grain", -1, 1},
    {"sichuan_transfers", "send_the_grain", 1, 1},
    {"sichuan_transfers", "keep_it_in_sichuan", -1, 1},
    {"sputnik_yields", "celebrate", 1, 1},
    {"sputnik_yields", "send_inspectors", -1, 1.5},
    {"water_conservancy_drive", "mobilise_masses", 1, 1},
    {"water_conservancy_drive", "engineers_first", -1, 1},
    {"xinyang", "meet_the_quota", 1, 1},
    {"xinyang", "stop_the_seizures", -1, 1},
};

/* Policies: +1 radical (enacting earns favour, repealing costs), -1
 * moderating (enacting costs, repealing earns). Not listed: neither. */
typedef struct PolicyLean {
    const char *policy;
    int lean;
} PolicyLean;

static const PolicyLean policy_leans[] = {
    {"anti_right_deviation", 1},   {"backyard_furnaces", 1},      {"close_planting", 1},
    {"communes", 1},               {"deep_ploughing", 1},         {"free_supply", 1},
    {"general_line", 1},           {"grain_exports", 1},          {"granaries_closed", 1},
    {"industrial_recruitment", 1}, {"mess_halls", 1},             {"private_plots_abolished", 1},
    {"rising_quotas", 1},          {"sparrow_campaign", 1},       {"water_conservancy", 1},
    {"fallow_best_fields", 1},     {"engineered_water_works", -1}, {"household_quotas", -1},
    {"open_granaries", -1},        {"private_plots_restored", -1}, {"send_workers_home", -1},
    {"sideline_occupations", -1},  {"smaller_communes", -1},      {"team_accounting", -1},
    {"verify_harvests", -1},
};

static const Lean *option_lean(const char *event, const char *option)
{
    for (size_t i = 0; i < sizeof leans / sizeof leans[0]; i++)
        if (strcmp(leans[i].event, event) == 0 && strcmp(leans[i].option, option) == 0)
            return &leans[i];
    return NULL;
}

int game_policy_lean(const char *policy)
{
    for (size_t i = 0; i < sizeof policy_leans / sizeof policy_leans[0]; i++)
        if (strcmp(policy_leans[i].policy, policy) == 0)
            return policy_leans[i].lean;
    return 0;
}

double game_climate(const CoreState *s, int month)
{
    /* The climate a month begins in: the pressure the month before ended
     * with; for the first month, 1957's (the parameter pressure_base). */
    if (month > s->month)
        month = s->month;
    double p = month <= 0 ? s->params[CORE_PARAM_pressure_base] : s->nhist[month - 1].pressure;
    return p < 0 ? 0 : p > 1 ? 1 : p;
}

/* What a moderating step costs in a month's climate (a positive number). */
static double cost_in(const CoreState *s, int month, double base)
{
    return base * (0.5 + 1.5 * game_climate(s, month));
}

double game_option_standing(const Game *g, const char *event, const char *option, int month)
{
    const Lean *l = option_lean(event, option);
    if (!l || l->lean == 0)
        return 0;
    return l->lean > 0 ? DECISION_GAIN : -cost_in(game_state(g), month, DECISION_COST * l->weight);
}

double game_policy_standing(const Game *g, const char *policy, bool enact, int month)
{
    int lean = game_policy_lean(policy) * (enact ? 1 : -1);
    if (lean == 0)
        return 0;
    return lean > 0 ? POLICY_GAIN : -cost_in(game_state(g), month, POLICY_COST);
}

/* A national decision (or one about a named province) is the centre's;
 * the events that happen in province after province are the cadres'. */
static bool centre_decides(const Game *g, const char *event)
{
    const ScriptHost *h = game_host_const(g);
    const ScriptEventInfo *e = script_event_at(h, script_event_find(h, event));
    return e && !e->per_province;
}

typedef struct Step {
    int month;
    double change;
    const char *what, *option;
    bool policy;
} Step;

/* The steps in order of month (decisions and board changes of a month
 * apply as the month is simulated). Returns how many; fills up to cap. */
static int steps(const Game *g, Step *out, int cap)
{
    const CoreState *s = game_state(g);
    int n = 0;
    int first = s->effect_count > CORE_EFFECT_LOG_CAP ? s->effect_count - CORE_EFFECT_LOG_CAP : 0;
    int e = first;
    for (int month = 0; month < s->month; month++) {
        for (int i = 0; i < s->decision_count; i++) {
            const CoreDecision *d = &s->decisions[i];
            if (d->month != month || !centre_decides(g, d->event))
                continue;
            double change = game_option_standing(g, d->event, d->option, month);
            if (change != 0 && n < cap)
                out[n] = (Step){month, change, d->event, d->option, false};
            n += change != 0;
        }
        for (; e < s->effect_count && s->effects[e % CORE_EFFECT_LOG_CAP].month <= month; e++) {
            const CoreEffectEntry *x = &s->effects[e % CORE_EFFECT_LOG_CAP];
            const char *source = core_source_name(s, x->source);
            if (x->month != month || (x->kind != CORE_CMD_POLICY_ENACT && x->kind != CORE_CMD_POLICY_REPEAL) ||
                !source || strncmp(source, "player:", 7) != 0)
                continue;
            bool enact = x->kind == CORE_CMD_POLICY_ENACT;
            double change = game_policy_standing(g, source + 7, enact, month);
            if (change != 0 && n < cap)
                out[n] = (Step){month, change, source + 7, enact ? "enact" : "repeal", true};
            n += change != 0;
        }
    }
    return n;
}

GameStanding game_standing(const Game *g)
{
    GameStanding st = {START, -1, 0, 0};
    Step list[512];
    int n = steps(g, list, 512);
    for (int i = 0; i < n && i < 512; i++) {
        st.value = fmin(100.0, st.value + list[i].change);
        if (st.value <= 0 && st.purged_month < 0) {
            st.value = 0;
            st.purged_month = list[i].month;
        }
        if (st.purged_month >= 0)
            st.value = 0;
        if (list[i].month == game_state(g)->month - 1)
            st.last_month_change += list[i].change;
    }
    st.steps = n;
    return st;
}

int game_standing_steps(const Game *g, int month, GameStandingStep *out, int cap)
{
    Step list[512];
    int n = steps(g, list, 512), k = 0;
    for (int i = 0; i < n && i < 512 && k < cap; i++)
        if (month < 0 || list[i].month == month) {
            out[k].month = list[i].month;
            out[k].change = list[i].change;
            out[k].policy = list[i].policy;
            snprintf(out[k].what, sizeof out[k].what, "%s", list[i].what);
            snprintf(out[k].option, sizeof out[k].option, "%s", list[i].option);
            k++;
        }
    return k;
}

int game_standing_unknown(const Game *g, char *first, size_t cap)
{
    const ScriptHost *h = game_host_const(g);
    int n = 0;
    if (cap)
        first[0] = '\0';
    for (size_t i = 0; i < sizeof leans / sizeof leans[0]; i++) {
        const ScriptEventInfo *e = script_event_at(h, script_event_find(h, leans[i].event));
        if (e && script_option_find(e, leans[i].option) >= 0)
            continue;
        if (n++ == 0 && cap)
            snprintf(first, cap, "%s/%s", leans[i].event, leans[i].option);
    }
    for (size_t i = 0; i < sizeof policy_leans / sizeof policy_leans[0]; i++) {
        if (script_policy_find(h, policy_leans[i].policy) >= 0)
            continue;
        if (n++ == 0 && cap)
            snprintf(first, cap, "%s", policy_leans[i].policy);
    }
    return n;
}
