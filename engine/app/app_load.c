/* app_load.c — what the window loads besides itself: the interface's
 * texts and the map, each on a thread of its own while the window opens
 * (joined when first needed), the sound device after the first frame, and
 * the fingerprint of the script folders --dev watches. */
#include "app_game.h"
#include "app_console.h"

#include <stdio.h>
#include <stdlib.h>

static bool load_map_into(const char *data, Map **map, RenderMap **view, char *err, size_t cap)
{
    char p1[PLAT_PATH_MAX], p2[PLAT_PATH_MAX];
    plat_path_join(p1, sizeof p1, data, "assets/map/provinces-1958.geojson");
    plat_path_join(p2, sizeof p2, data, "assets/map/context.geojson");
    size_t n1, n2;
    char *t1 = plat_read_file(p1, 32u << 20, &n1), *t2 = t1 ? plat_read_file(p2, 32u << 20, &n2) : NULL;
    if (!t1 || !t2) {
        snprintf(err, cap, "%s", plat_error());
        free(t1);
        return false;
    }
    *map = map_load(t1, n1, t2, n2, err, cap);
    free(t1);
    free(t2);
    return *map && (*view = render_map_create(*map)) != NULL;
}

bool app_load_map(App *a, char *err, size_t cap) { return load_map_into(a->data, &a->map, &a->view, err, cap); }

/* The title screen needs no map: it is read and triangulated (35 ms) on a
 * thread of its own from start-up, at a low priority, while the window
 * opens and shows the title, into fields nothing else reads until
 * app_need_map joins it. */
static int map_loader(void *user)
{
    App *a = user;
    SDL_SetThreadPriority(SDL_THREAD_PRIORITY_LOW); /* the window and the title first */
    a->map_load_ok = load_map_into(a->data, &a->map_loaded, &a->view_loaded, a->map_err, sizeof a->map_err);
    return 0;
}

void app_start_map(App *a)
{
    a->map_loader = SDL_CreateThread(map_loader, "greatleap-map", a);
}

/* The map, when something needs it: a game, a scene for a screenshot or a
 * benchmark, the first frame being on screen (run_window). Joins the
 * thread if it started; loads it here if not. */
void app_need_map(App *a)
{
    char err[1024] = "";
    if (a->map_loader) {
        SDL_WaitThread(a->map_loader, NULL);
        a->map_loader = NULL;
        a->map = a->map_loaded;
        a->view = a->view_loaded;
        a->map_loaded = NULL;
        a->view_loaded = NULL;
        if (!a->map_load_ok) {
            render_map_destroy(a->view);
            map_destroy(a->map);
            a->view = NULL;
            a->map = NULL;
            snprintf(err, sizeof err, "%s", a->map_err);
        }
    }
    if (a->view)
        return;
    if (err[0] || !app_load_map(a, err, sizeof err)) {
        /* Nothing of the game can be shown without it, as at start-up. */
        fprintf(stderr, "greatleap: the map: %s\n", err[0] ? err : "cannot load it");
        exit(2);
    }
}

void app_need_sound(App *a)
{
    if (!a->sound_wanted)
        return;
    a->sound_wanted = false;
    a->sound = app_sound_open(true);
}

/* The interface's own host: the locale and the content's declarations,
 * there before a game is, from the base game and the mods. */
ScriptHost *app_load_texts(App *a, char *err, size_t cap)
{
    ScriptHost *h = script_host_create(&(ScriptHostDesc){.on_error = app_on_script_error, .user = a});
    char scripts[PLAT_PATH_MAX];
    plat_path_join(scripts, sizeof scripts, a->data, "scripts");
    if (!h || !script_host_load_mod(h, scripts, "scripts")) {
        snprintf(err, cap, "cannot load the game's scripts from %.900s", scripts);
        script_host_destroy(h);
        return NULL;
    }
    for (int i = 0; i < a->opt->mod_count; i++)
        script_host_load_mod(h, a->opt->mods[i], a->opt->mods[i]);
    return h;
}

/* The interface's texts load on a thread of their own while the window
 * and its renderer are created (the OpenGL context alone takes 50 ms);
 * the host is touched by nothing else until app_join_texts. A script's
 * error on the way only prints (a->texts is still NULL) and sets
 * a->script_failed, read after the join. */
static int texts_loader(void *user)
{
    App *a = user;
    a->texts_loaded = app_load_texts(a, a->texts_err, sizeof a->texts_err);
    return 0;
}

void app_start_texts(App *a)
{
    a->texts_loader = SDL_CreateThread(texts_loader, "greatleap-texts", a);
}

/* The texts, loaded: by the thread if it started, here if not. */
ScriptHost *app_join_texts(App *a, char *err, size_t cap)
{
    if (!a->texts_loader)
        return app_load_texts(a, err, cap);
    SDL_WaitThread(a->texts_loader, NULL);
    a->texts_loader = NULL;
    ScriptHost *h = a->texts_loaded;
    a->texts_loaded = NULL;
    if (!h)
        snprintf(err, cap, "%s", a->texts_err);
    return h;
}

/* The folders --dev watches: the base game's scripts and every mod's. */
uint64_t app_watch_fingerprint(App *a)
{
    char scripts[PLAT_PATH_MAX];
    plat_path_join(scripts, sizeof scripts, a->data, "scripts");
    const char *dirs[APP_MAX_MODS + 1] = {scripts};
    for (int i = 0; i < a->opt->mod_count; i++)
        dirs[i + 1] = a->opt->mods[i];
    return app_scripts_fingerprint(dirs, a->opt->mod_count + 1);
}
