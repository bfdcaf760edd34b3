/* make_format2.c — how tests/app/saves/format2.save was made (not built by
 * CMake): commit 2b5c42c's save writer, engine/app/app_saves.c, saved as
 * old_app_saves.c with that commit's app.h beside it, linked with this
 * tree's libraries, on a historical game of this model to June 1959:
 *
 *   git show 2b5c42c:engine/app/app_saves.c >old_app_saves.c; git show 2b5c42c:engine/app/app.h >app.h
 *   cc -std=c11 -D_POSIX_C_SOURCE=200809L -I. -Iengine/{game,core,script,platform} $(pkg-config --cflags lua5.4) \
 *      make_format2.c old_app_saves.c build/engine/{game/libgl_game,script/libgl_script,core/libgl_core,platform/libgl_platform}.a \
 *      $(pkg-config --libs lua5.4) -lm -o make_format2
 *   XDG_DATA_HOME=out ./make_format2   # writes out/greatleap/saves/slot1.save */
#include "game.h"
#include <stdio.h>
#include <stdlib.h>
/* The format-2 writer of commit 2b5c42c (old_app_saves.c), on a state of this model. */
bool app_save_write_mods(const CoreState *s, const ScriptModSave *mods, int mod_count, int slot, bool historical,
                         const char *scenario, char *err, size_t cap);
int main(void)
{
    GameDesc d = {.data_dir = ".", .seed = 1, .chooser = GAME_CHOOSE_HISTORY, .follow_history = true};
    char err[1024];
    Game *g = game_create(&d, err, sizeof err);
    if (!g || !game_run_until(g, 1959, 6, err, sizeof err)) { fprintf(stderr, "%s\n", err); return 1; }
    /* A game saved between months, as the old window did: the state as the month began. */
    ScriptModSave mods[SCRIPT_MAX_MODS];
    int n = 0;
    if (!game_save_mods(g, mods, SCRIPT_MAX_MODS, &n, err, sizeof err)) return 2;
    if (!app_save_write_mods(game_state(g), mods, n, 1, true, "1958", err, sizeof err)) { fprintf(stderr, "%s\n", err); return 3; }
    puts("ok");
    return 0;
}
