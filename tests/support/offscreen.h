/* offscreen.h — a render context on a software renderer over a plain
 * surface, with the bundled fonts: what the render and UI tests draw on. */
#ifndef GL_TEST_OFFSCREEN_H
#define GL_TEST_OFFSCREEN_H

#include "render.h"

typedef struct Offscreen {
    SDL_Surface *surface;
    SDL_Renderer *renderer;
    RenderCtx *r;
} Offscreen;

/* `desc` gives the cache sizes (renderer, fonts and scale are filled in);
 * NULL for the defaults. Fails the test if anything cannot be created. */
static inline Offscreen offscreen_open(int w, int h, const RenderDesc *desc)
{
    Offscreen o = {SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ABGR8888), NULL, NULL};
    o.renderer = o.surface ? SDL_CreateSoftwareRenderer(o.surface) : NULL;
    assert_non_null(o.renderer);
    RenderDesc d = desc ? *desc : (RenderDesc){0};
    d.renderer = o.renderer;
    d.font_dir = GL_TEST_DATA_DIR "/assets/fonts";
    d.ui_scale = 1.0f;
    char err[256];
    o.r = render_create(&d, err, sizeof err);
    if (!o.r)
        fail_msg("render_create: %s", err);
    return o;
}

/* The pixel at (x, y) of what was drawn (after SDL_RenderFlush). */
static inline uint32_t offscreen_at(const Offscreen *o, int x, int y)
{
    const uint8_t *row = (const uint8_t *)o->surface->pixels + (size_t)y * (size_t)o->surface->pitch;
    return ((const uint32_t *)row)[x];
}

static inline void offscreen_close(Offscreen *o)
{
    render_destroy(o->r);
    SDL_DestroyRenderer(o->renderer);
    SDL_FreeSurface(o->surface);
}

#endif
