/* game_reckon.h — the reckoning's question "what did my choices change?".
 * Every event the player decided is played again headless with that one
 * decision flipped, over a few seeds, next to the player's own choices
 * replayed on the same seeds; the change in excess deaths is reported as a
 * range. One campaign per step, so the interface can show progress. */
#ifndef GAME_RECKON_H
#define GAME_RECKON_H

#include "game.h"

#define GAME_RECKON_SEEDS 3
#define GAME_RECKON_MAX_ITEMS 64
typedef struct GameReckonItem {
    char event[CORE_ID_LEN];
    char option[CORE_ID_LEN];       /* what the player chose (the last time) */
    char flipped[CORE_ID_LEN];      /* what is tried instead */
    int times;                      /* how often the player decided this event */
    bool policy;                    /* a policy changed from the board: event = policy id, option = enact|repeal,
                                       flipped = "" (tried: never changed) */
    char month[8];                  /* a board change's month, "YYYY-MM" */
    int timeline_index;             /* a board change's place in the played timeline */
    int override_index;             /* an event's place in the played choices */
    bool done;
    double change_min_m, change_max_m; /* excess deaths, flipped minus played, millions */
} GameReckonItem;

typedef struct GameReckoning GameReckoning;

/* Gathers the decisions of a played state: the option taken for each event,
 * and the policies the player enacted or repealed on the board (from the
 * state's effect log, so a loaded save keeps them). `desc` is how the game
 * was created (data, mods); `historical` is its mode. NULL if out of memory. */
GameReckoning *game_reckon_create(const GameDesc *desc, const CoreState *played, bool historical);
void game_reckon_destroy(GameReckoning *r);

/* Plays the next campaign. False once everything has been computed (or a
 * campaign failed: game_reckon_error says why). */
bool game_reckon_step(GameReckoning *r);
double game_reckon_progress(const GameReckoning *r);    /* 0 to 1 */
const char *game_reckon_error(const GameReckoning *r);  /* "" if none */

int game_reckon_count(const GameReckoning *r);
const GameReckonItem *game_reckon_item(const GameReckoning *r, int i);
/* The player's choices replayed: excess deaths 1959-1961 per seed, millions. */
void game_reckon_played_range(const GameReckoning *r, double *min_m, double *max_m);

/* Deaths above each province's normal (1956-57) rate, summed over the
 * years, on the mid-year population; whatever the years simulated so far. */
double game_excess_deaths(const CoreState *s, int first_year, int last_year);

#endif
