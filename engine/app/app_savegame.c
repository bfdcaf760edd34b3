/* app_savegame.c — a whole game to and from a save slot, at any moment:
 * the state and every mod's version and storage as the month began, the
 * player's steps since and the app's view (app_saves.c writes the file;
 * game.c keeps the month's start and replays the steps). The window, its
 * autosave and --save-slot / --load-slot all come through here. */
#define _POSIX_C_SOURCE 200809L
#include "app.h"

#include "game.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool app_save_game(Game *g, int slot, bool historical, const char *view, char *err, size_t cap)
{
    GameMoment m;
    if (!game_moment(g, &m, err, cap))
        return false;
    size_t view_len = view ? strlen(view) : 0;
    char *text = malloc(m.journal_len + view_len + 1);
    bool ok = text != NULL;
    if (!ok)
        snprintf(err, cap, "out of memory");
    else {
        memcpy(text, m.journal, m.journal_len);
        if (view_len)
            memcpy(text + m.journal_len, view, view_len);
        ok = app_save_write_moment(m.state, m.mods, m.mod_count, text, m.journal_len + view_len, slot, historical,
                                   game_scenario(g)->id, err, cap);
    }
    free(text);
    game_moment_free(&m);
    return ok;
}

/* Whether game_restore_saved's message names mod `id` as the one missing. */
static bool needs_mod(const char *err, const char *id)
{
    char needle[CORE_ID_LEN + 24];
    snprintf(needle, sizeof needle, "the save needs mod '%s'", id);
    return strncmp(err, needle, strlen(needle)) == 0;
}

Game *app_load_game(const GameDesc *base, int slot, AppSaveMeta *meta, char **view, char *err, size_t cap)
{
    if (view)
        *view = NULL;
    ScriptModSave *mods = calloc(SCRIPT_MAX_MODS, sizeof *mods);
    int n = 0;
    char *moment = NULL;
    size_t moment_len = 0;
    CoreState *s = mods ? app_save_read_moment(slot, meta, mods, SCRIPT_MAX_MODS, &n, &moment, &moment_len, err, cap)
                        : NULL;
    Game *g = NULL;
    if (meta) {
        meta->missing_mod[0] = meta->missing_version[0] = '\0';
    }
    if (s) {
        GameDesc d = *base;
        d.scenario = meta->scenario;
        if (d.chooser == GAME_CHOOSE_PLAYER) /* a player's game goes on in the mode it was saved in */
            d.follow_history = meta->historical;
        g = game_restore_saved(&d, s, mods, n, err, cap);
        if (!g) {
            /* A missing mod is the player's to fix: say which. */
            meta->status = strncmp(err, "the save needs mod", 18) == 0 ? APP_SAVE_NEEDS_MOD : APP_SAVE_INCOMPATIBLE;
            for (int i = 0; i < n && meta->status == APP_SAVE_NEEDS_MOD; i++)
                if (!meta->missing_mod[0] && needs_mod(err, mods[i].id)) {
                    snprintf(meta->missing_mod, sizeof meta->missing_mod, "%s", mods[i].id);
                    snprintf(meta->missing_version, sizeof meta->missing_version, "%s", mods[i].version);
                }
        } else if (moment && !game_replay_journal(g, moment, moment_len, err, cap)) {
            meta->status = APP_SAVE_INCOMPATIBLE;
            game_destroy(g);
            g = NULL;
        }
    } else if (!mods) {
        snprintf(err, cap, "out of memory");
    }
    if (g && view) {
        *view = moment;
        moment = NULL;
    }
    free(moment);
    script_mod_saves_free(mods, n);
    free(mods);
    return g;
}
