/* render_raster.c — flat-coloured triangles written straight into the
 * pixels of the software renderer's window surface (issue 16).
 *
 * SDL's software renderer draws geometry with a general rasteriser: each
 * pixel of each triangle interpolates colour and texture coordinates and
 * goes through a generic blend. The map's fills and borders need none of
 * that: every triangle has one colour, opaque (land) or blended with a
 * constant alpha (borders, halos). Filled here, a row at a time, a 4K map
 * redraws several times faster.
 *
 * Coverage: a pixel belongs to a triangle when its centre does, the left
 * and top edges inclusive, the right and bottom exclusive. An edge's x at a
 * row is computed from its end points in one canonical order, so two
 * triangles sharing an edge agree on it to the bit: no pixel is missed or
 * drawn twice along a shared edge (SDL's rasteriser uses the same rule). */
#include "render_internal.h"

#include <math.h>

bool render_pixels_begin(RenderCtx *r, RenderPixels *px)
{
    if (!r->software || SDL_GetRenderTarget(r->sdl) != NULL)
        return false;
    SDL_Window *win = SDL_RenderGetWindow(r->sdl);
    if (!win || SDL_RenderFlush(r->sdl) != 0) /* what is queued lands under what is written here */
        return false;
    SDL_Surface *s = SDL_GetWindowSurface(win);
    int ow, oh;
    if (!s || s->format->BytesPerPixel != 4 || SDL_GetRendererOutputSize(r->sdl, &ow, &oh) != 0 || ow != s->w ||
        oh != s->h)
        return false;
    if (SDL_MUSTLOCK(s) && SDL_LockSurface(s) != 0)
        return false;
    px->surface = s;
    px->pixels = s->pixels;
    px->pitch = s->pitch;
    px->format = s->format;
    px->clip = (SDL_Rect){0, 0, s->w, s->h};
    if (SDL_RenderIsClipEnabled(r->sdl)) {
        SDL_Rect c;
        SDL_RenderGetClipRect(r->sdl, &c);
        if (!SDL_IntersectRect(&px->clip, &c, &px->clip))
            px->clip = (SDL_Rect){0, 0, 0, 0};
    }
    return true;
}

void render_pixels_end(RenderPixels *px)
{
    if (SDL_MUSTLOCK(px->surface))
        SDL_UnlockSurface(px->surface);
}

/* x of the edge a-b at height y, a and b in a canonical order. */
static float edge_x(SDL_FPoint a, SDL_FPoint b, float y)
{
    if (a.y > b.y || (a.y == b.y && a.x > b.x)) {
        SDL_FPoint t = a;
        a = b;
        b = t;
    }
    return a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y);
}

/* First pixel whose centre is at or right of x. */
static int first_at(float x) { return (int)ceilf(x - 0.5f); }

typedef struct Paint {
    uint32_t solid;           /* the colour as the surface stores it (opaque) */
    uint32_t r, g, b, a;      /* the colour and its alpha (blended) */
    bool blend;
} Paint;

static void span(const RenderPixels *px, const Paint *p, int y, int x0, int x1)
{
    uint32_t *row = (uint32_t *)(px->pixels + (size_t)y * (size_t)px->pitch);
    if (!p->blend) {
        for (int x = x0; x < x1; x++)
            row[x] = p->solid;
        return;
    }
    const SDL_PixelFormat *f = px->format;
    uint32_t ia = 255 - p->a;
    for (int x = x0; x < x1; x++) {
        uint32_t d = row[x];
        uint32_t dr = (d & f->Rmask) >> f->Rshift, dg = (d & f->Gmask) >> f->Gshift, db = (d & f->Bmask) >> f->Bshift;
        dr = (p->r * p->a + dr * ia + 127) / 255;
        dg = (p->g * p->a + dg * ia + 127) / 255;
        db = (p->b * p->a + db * ia + 127) / 255;
        uint32_t out = (dr << f->Rshift) | (dg << f->Gshift) | (db << f->Bshift);
        if (f->Amask) {
            uint32_t da = (d & f->Amask) >> f->Ashift;
            out |= ((p->a + (da * ia + 127) / 255) << f->Ashift) & f->Amask;
        }
        row[x] = out;
    }
}

static void triangle(const RenderPixels *px, const Paint *p, SDL_FPoint a, SDL_FPoint b, SDL_FPoint c)
{
    /* Sort by y: a top, c bottom. */
    if (b.y < a.y) {
        SDL_FPoint t = a;
        a = b;
        b = t;
    }
    if (c.y < b.y) {
        SDL_FPoint t = b;
        b = c;
        c = t;
    }
    if (b.y < a.y) {
        SDL_FPoint t = a;
        a = b;
        b = t;
    }
    if (!(c.y > a.y)) /* flat, or not a number */
        return;
    const SDL_Rect *cl = &px->clip;
    int y0 = first_at(a.y), y1 = first_at(c.y);
    if (y0 < cl->y)
        y0 = cl->y;
    if (y1 > cl->y + cl->h)
        y1 = cl->y + cl->h;
    /* Is b left of the long edge a-c? */
    float cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
    bool b_left = cross < 0; /* y grows downwards */
    for (int y = y0; y < y1; y++) {
        float yc = (float)y + 0.5f;
        float xl = edge_x(a, c, yc);
        float xs = yc < b.y ? edge_x(a, b, yc) : edge_x(b, c, yc); /* neither edge is flat where it is used */
        float lo = b_left ? xs : xl, hi = b_left ? xl : xs;
        int x0 = first_at(lo), x1 = first_at(hi);
        if (x0 < cl->x)
            x0 = cl->x;
        if (x1 > cl->x + cl->w)
            x1 = cl->x + cl->w;
        if (x0 < x1)
            span(px, p, y, x0, x1);
    }
}

void render_raster_triangles(const RenderPixels *px, const SDL_Vertex *v, const int *idx, int n_idx, bool blend)
{
    if (px->clip.w <= 0 || px->clip.h <= 0)
        return;
    Paint p = {0};
    SDL_Color last = {0, 0, 0, 0};
    bool have = false;
    for (int i = 0; i + 2 < n_idx; i += 3) {
        const SDL_Vertex *a = &v[idx[i]], *b = &v[idx[i + 1]], *c = &v[idx[i + 2]];
        SDL_Color col = a->color;
        if (!have || col.r != last.r || col.g != last.g || col.b != last.b || col.a != last.a) {
            last = col;
            have = true;
            p.blend = blend && col.a < 255;
            p.solid = SDL_MapRGBA(px->format, col.r, col.g, col.b, 255);
            p.r = col.r;
            p.g = col.g;
            p.b = col.b;
            p.a = col.a;
            if (blend && col.a == 0)
                continue;
        } else if (blend && col.a == 0) {
            continue;
        }
        triangle(px, &p, a->position, b->position, c->position);
    }
}
