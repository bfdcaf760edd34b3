/* app_check.c — greatleap --check-mods DIR...: runs the game layer's mod
 * checker (game_check.c) with a glyph test from the bundled fonts, drawn by
 * SDL's software renderer on a surface (no window), and prints one
 * "file:line: message" line per problem. */
#define _POSIX_C_SOURCE 200809L
#include "app_internal.h"

#include "game.h"
#include "platform.h"
#include "render.h"

#include <stdio.h>

static bool covered(const char *text, uint32_t *missing, void *user)
{
    return render_text_covered(user, text, missing);
}

static void print_problem(const char *file, int line, const char *message, void *user)
{
    (void)user;
    printf("%s:%d: %s\n", file, line, message);
}

int app_check_mods_run(const AppOptions *o, const char *argv0)
{
    char data[PLAT_PATH_MAX], fonts[PLAT_PATH_MAX], err[256] = "";
    if (!app_find_data(o, argv0, data, sizeof data) || !plat_path_join(fonts, sizeof fonts, data, "assets/fonts"))
        return 2;
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ABGR8888);
    SDL_Renderer *ren = surface ? SDL_CreateSoftwareRenderer(surface) : NULL;
    RenderDesc desc = {.renderer = ren, .font_dir = fonts, .ui_scale = 1.0f};
    RenderCtx *r = ren ? render_create(&desc, err, sizeof err) : NULL;
    if (!r) {
        fprintf(stderr, "greatleap: --check-mods: cannot open the fonts to check glyphs: %s\n",
                err[0] ? err : SDL_GetError());
        return 2;
    }
    GameCheckDesc d = {.data_dir = data, .check_dirs = o->mod_args, .check_dir_count = o->mod_arg_count,
                       .extra_dirs = o->mods, .extra_dir_count = o->mod_count, .glyphs_covered = covered,
                       .problem = print_problem};
    /* render_text_covered takes the context as its first argument. */
    d.user = r;
    int problems = game_check_mods(&d);
    fflush(stdout);
    if (!o->quiet && problems) /* success is silent, as docs/modding.md says */
        fprintf(stderr, "greatleap: checked %d mod folder(s): %d problem(s)\n", o->mod_arg_count, problems);
    render_destroy(r);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surface);
    return problems ? 1 : 0;
}
