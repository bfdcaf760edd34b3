/* app_savegame.c — a whole game to and from a save slot: the core state
 * with every mod's version and storage (app_saves.c writes the file;
 * game.c gathers the storage and puts it back, running migrations). */
#define _POSIX_C_SOURCE 200809L
#include "app.h"

#include "game.h"

#include <stdio.h>
#include <stdlib.h>

bool app_save_game(Game *g, int slot, bool historical, char *err, size_t cap)
{
    ScriptModSave *mods = calloc(SCRIPT_MAX_MODS, sizeof *mods);
    int n = 0;
    bool ok = mods && game_save_mods(g, mods, SCRIPT_MAX_MODS, &n, err, cap) &&
              app_save_write_mods(game_state(g), mods, n, slot, historical, game_scenario(g)->id, err, cap);
    if (!mods)
        snprintf(err, cap, "out of memory");
    script_mod_saves_free(mods, n);
    free(mods);
    return ok;
}

Game *app_load_game(const GameDesc *base, int slot, AppSaveMeta *meta, char *err, size_t cap)
{
    ScriptModSave *mods = calloc(SCRIPT_MAX_MODS, sizeof *mods);
    int n = 0;
    CoreState *s = mods ? app_save_read_mods(slot, meta, mods, SCRIPT_MAX_MODS, &n, err, cap) : NULL;
    Game *g = NULL;
    if (s) {
        GameDesc d = *base;
        d.scenario = meta->scenario;
        g = game_restore_saved(&d, s, mods, n, err, cap);
    } else if (!mods) {
        snprintf(err, cap, "out of memory");
    }
    script_mod_saves_free(mods, n);
    free(mods);
    return g;
}
