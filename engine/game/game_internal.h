/* game_internal.h — what the game module's files share (game.c and the
 * mod checker, game_check.c). Not for other modules. */
#ifndef GAME_INTERNAL_H
#define GAME_INTERNAL_H

#include "game.h"

/* Applies the parameters the loaded mods declare in mod.lua to a scenario.
 * Each value is checked with the core's own rules, one at a time on the
 * data's values, so that a problem names the mod.lua line that is out of
 * range; two mods changing one parameter is a problem too. */
bool game_apply_mod_parameters(ScriptHost *h, CoreScenario *sc, ScriptProblemFn problem, void *user);

/* Loads the base game (data_dir/scripts) and d->mod_dirs into `h` in
 * dependency order; false with the first problem in `err`. */
bool game_load_mods(ScriptHost *h, const GameDesc *d, char *err, size_t cap);

/* Reads a scenario's data files (relative to data_dir) into `sc`. */
bool game_build_scenario(const char *data_dir, const ScriptScenario *ss, CoreScenario *sc, char *err, size_t cap);

/* Whether two paths name the same folder (after symbolic links). */
bool game_same_folder(const char *a, const char *b);

/* A ScriptProblemFn that keeps the first problem as "file:line: message" in
 * `user`, a char[1024] that starts empty. */
void game_first_problem(const char *file, int line, const char *message, void *user);

#endif
