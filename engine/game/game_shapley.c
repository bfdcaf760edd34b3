/* game_shapley.c — the Shapley decomposition of the historical run's
 * excess deaths (game_shapley.h). Each group is a set of history's choices
 * and the alternative each would have taken; a coalition switches the
 * groups in it to their alternatives. */
#include "game_shapley.h"
#include "game_reckon.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Switch {
    const char *event, *option;
} Switch;

/* The groups of issue 10, with the choices that make each one
 * (docs/model.md, "What mattered"). */
static const struct {
    const char *id;
    Switch choices[12];
    const char *params[2]; /* parameters set to 1 (weather): a normal year */
} groups[GAME_SHAPLEY_GROUPS] = {
    {"procurement",
     {{"harvest_claims", "order_a_recount"}, {"sputnik_yields", "send_inspectors"},
      {"anti_concealment", "believe_the_peasants"}, {"one_third", "lower_the_quotas"},
      {"xinyang", "stop_the_seizures"}, {"sichuan_transfers", "keep_it_in_sichuan"},
      {"statistics_destroyed", "report_the_truth"}},
     {NULL, NULL}},
    {"communes",
     {{"communes_are_good", "keep_cooperatives"}, {"five_meals", "keep_work_points"},
      {"chayashan", "wait_and_see"}},
     {NULL, NULL}},
    {"campaigns",
     {{"beidaihe_steel", "modern_plants_only"}, {"hefei_furnace", "test_the_steel"},
      {"overtake_britain", "fifteen_years"}, {"water_conservancy_drive", "engineers_first"},
      {"deep_ploughing_praise", "field_trials_only"}, {"close_planting", "ask_agronomists"},
      {"leave_land_fallow", "sow_every_field"}, {"four_pests", "spare_sparrows"},
      {"dams_give_way", "call_the_engineers"}},
     {NULL, NULL}},
    {"abroad",
     {{"grain_exports", "stop_exports"}, {"foreign_aid", "accept_help"}, {"japan_wheat", "accept"}},
     {NULL, NULL}},
    {"lushan",
     {{"lushan", "listen_to_peng"}, {"anti_right", "keep_it_at_lushan"}, {"granaries", "open_the_granaries"},
      {"cadres_replaced", "hear_them_out"}, {"hunan_leadership", "keep_zhou_xiaozhou"}},
     {NULL, NULL}},
    {"weather", {{NULL, NULL}}, {"weather_1958_mult", "drought_1960_weather_mult"}},
};

#define COALITIONS (1 << GAME_SHAPLEY_GROUPS)

struct GameShapley {
    GameDesc desc;
    double excess[COALITIONS][GAME_SHAPLEY_SEEDS];
    GameShapleyGroup out[GAME_SHAPLEY_GROUPS];
    int next, total;
    bool done;
    char error[256];
};

GameShapley *game_shapley_create(const GameDesc *desc)
{
    GameShapley *g = calloc(1, sizeof *g);
    if (!g)
        return NULL;
    g->desc = *desc;
    g->desc.chooser = GAME_CHOOSE_HISTORY;
    g->desc.follow_history = true;
    g->desc.choices = NULL;
    g->total = COALITIONS * GAME_SHAPLEY_SEEDS;
    for (int i = 0; i < GAME_SHAPLEY_GROUPS; i++)
        g->out[i].id = groups[i].id;
    return g;
}

void game_shapley_destroy(GameShapley *g) { free(g); }

/* One campaign: history with the groups of `coalition` switched. */
static bool campaign(GameShapley *g, int coalition, uint64_t seed, double *excess_out)
{
    ScriptChoices *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(g->error, sizeof g->error, "out of memory");
        return false;
    }
    c->historical_base = true;
    for (int i = 0; i < GAME_SHAPLEY_GROUPS; i++) {
        if (!(coalition & (1 << i)))
            continue;
        for (int k = 0; k < 12 && groups[i].choices[k].event; k++) {
            ScriptChoiceOverride *o = &c->overrides[c->override_count++];
            snprintf(o->event, sizeof o->event, "%s", groups[i].choices[k].event);
            snprintf(o->option, sizeof o->option, "%s", groups[i].choices[k].option);
        }
        for (int k = 0; k < 2 && groups[i].params[k]; k++) {
            snprintf(c->param_name[c->param_count], CORE_ID_LEN, "%s", groups[i].params[k]);
            c->param_value[c->param_count++] = 1.0;
        }
    }
    GameDesc d = g->desc;
    d.seed = seed;
    d.choices = c;
    char err[256];
    Game *game = game_create(&d, err, sizeof err);
    bool ok = game && game_run_until(game, GAME_LAST_YEAR, GAME_LAST_MONTH, err, sizeof err);
    if (ok)
        *excess_out = game_excess_deaths(game_state(game), 1959, 1961) / 1e6;
    else
        snprintf(g->error, sizeof g->error, "%s", err);
    game_destroy(game);
    free(c);
    return ok;
}

static int popcount(int x)
{
    int n = 0;
    for (; x; x &= x - 1)
        n++;
    return n;
}

/* The Shapley value of each group on each seed: the average, over every
 * order of switching the groups, of the deaths the group's switch removes. */
static void finish(GameShapley *g)
{
    double fact[GAME_SHAPLEY_GROUPS + 1] = {1};
    for (int k = 1; k <= GAME_SHAPLEY_GROUPS; k++)
        fact[k] = fact[k - 1] * k;
    for (int i = 0; i < GAME_SHAPLEY_GROUPS; i++) {
        GameShapleyGroup *o = &g->out[i];
        o->mean_m = 0;
        o->min_m = INFINITY;
        o->max_m = -INFINITY;
        for (int s = 0; s < GAME_SHAPLEY_SEEDS; s++) {
            double v = 0;
            for (int set = 0; set < COALITIONS; set++) {
                if (set & (1 << i))
                    continue;
                int k = popcount(set);
                double w = fact[k] * fact[GAME_SHAPLEY_GROUPS - k - 1] / fact[GAME_SHAPLEY_GROUPS];
                v += w * (g->excess[set][s] - g->excess[set | (1 << i)][s]);
            }
            o->value_m[s] = v;
            o->mean_m += v / GAME_SHAPLEY_SEEDS;
            o->min_m = fmin(o->min_m, v);
            o->max_m = fmax(o->max_m, v);
        }
    }
    g->done = true;
}

bool game_shapley_step(GameShapley *g)
{
    if (g->error[0] || g->next >= g->total)
        return false;
    int k = g->next++;
    int set = k / GAME_SHAPLEY_SEEDS, seed = k % GAME_SHAPLEY_SEEDS;
    if (!campaign(g, set, (uint64_t)seed + 1, &g->excess[set][seed]))
        return false;
    if (g->next == g->total)
        finish(g);
    return g->next < g->total;
}

double game_shapley_progress(const GameShapley *g) { return g->total ? (double)g->next / g->total : 1.0; }
const char *game_shapley_error(const GameShapley *g) { return g->error; }
bool game_shapley_done(const GameShapley *g) { return g->done; }

const GameShapleyGroup *game_shapley_group(const GameShapley *g, int i)
{
    return g->done && i >= 0 && i < GAME_SHAPLEY_GROUPS ? &g->out[i] : NULL;
}

void game_shapley_totals(const GameShapley *g, double *history_m, double *none_m)
{
    *history_m = *none_m = 0;
    for (int s = 0; s < GAME_SHAPLEY_SEEDS; s++) {
        *history_m += g->excess[0][s] / GAME_SHAPLEY_SEEDS;
        *none_m += g->excess[COALITIONS - 1][s] / GAME_SHAPLEY_SEEDS;
    }
}
