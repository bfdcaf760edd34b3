/* game_shapley.h — "what mattered": a Shapley decomposition of the
 * historical run's excess deaths (1959-1961) over the main groups of
 * choices. Single-cause counterfactuals do not add up (two causes can each
 * be enough, or need each other); the Shapley value shares the whole
 * difference between history and the run with every group switched to its
 * alternative, fairly, by averaging each group's effect over every order in
 * which the groups could be switched. Every coalition of groups is a
 * campaign, on each of a few seeds; one campaign per step, so the interface
 * can show progress. */
#ifndef GAME_SHAPLEY_H
#define GAME_SHAPLEY_H

#include "game.h"

#define GAME_SHAPLEY_GROUPS 6
#define GAME_SHAPLEY_SEEDS 3

typedef struct GameShapleyGroup {
    const char *id;                 /* "procurement": locale key reckoning.shapley.<id> */
    double value_m[GAME_SHAPLEY_SEEDS]; /* deaths the group accounts for, per seed, millions */
    double mean_m, min_m, max_m;
} GameShapleyGroup;

typedef struct GameShapley GameShapley;

/* `desc` says how games are made (data, mods); the choices are history's. */
GameShapley *game_shapley_create(const GameDesc *desc);
void game_shapley_destroy(GameShapley *g);
/* Plays the next campaign; false once all are played (or one failed). */
bool game_shapley_step(GameShapley *g);
double game_shapley_progress(const GameShapley *g);
const char *game_shapley_error(const GameShapley *g);  /* "" if none */
bool game_shapley_done(const GameShapley *g);
const GameShapleyGroup *game_shapley_group(const GameShapley *g, int i);
/* History's excess deaths and those with every group switched, mean over
 * seeds, millions. */
void game_shapley_totals(const GameShapley *g, double *history_m, double *none_m);

#endif
