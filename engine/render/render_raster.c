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
#include <stdlib.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* An edge from its end points in one canonical order (top first, then
 * left), so that the two triangles sharing it compute the same x at every
 * row, to the bit. */
typedef struct Edge {
    float x, y, dxdy;
} Edge;

static Edge edge_of(SDL_FPoint a, SDL_FPoint b)
{
    if (a.y > b.y || (a.y == b.y && a.x > b.x)) {
        SDL_FPoint t = a;
        a = b;
        b = t;
    }
    return (Edge){a.x, a.y, b.y != a.y ? (b.x - a.x) / (b.y - a.y) : 0};
}

static float edge_x(const Edge *e, float y) { return e->x + (y - e->y) * e->dxdy; }

/* First pixel whose centre is at or right of x; far off-screen values and
 * NaN (a degenerate vertex) are held to ±10^7, which every clip cuts. */
static int first_at(float x)
{
    float t = x - 0.5f;
    if (!(t > -1e7f))
        return -10000000;
    return t > 1e7f ? 10000000 : (int)ceilf(t);
}

typedef struct Paint {
    uint32_t solid;           /* the colour as the surface stores it (opaque) */
    uint32_t r, g, b, a;      /* the colour and its alpha (blended) */
    bool blend;
} Paint;

/* (x * a + y * (255 - a)) / 255, rounded, for 8-bit x, y and a. */
static inline uint32_t mix(uint32_t x, uint32_t y, uint32_t a)
{
    uint32_t t = x * a + y * (255 - a) + 128;
    return (t + (t >> 8)) >> 8;
}

static void blend_span(const RenderPixels *px, uint32_t *row, int x0, int x1, const Paint *p, uint32_t a)
{
    const SDL_PixelFormat *f = px->format;
    if (f->Gmask == 0xff00 && (f->Rmask | f->Bmask) == 0xff00ff) {
        /* Red and blue in one word, green in another: two multiplies a
         * pixel. a 0-255 is taken as 0-256, so 255 keeps the colour. */
        uint32_t w = a + (a >> 7), iw = 256 - w;
        uint32_t src = p->r << f->Rshift | p->g << 8 | p->b << f->Bshift;
        uint32_t s_rb = (src & 0xff00ff) * w, s_g = (src & 0xff00) * w;
        uint32_t amask = f->Amask, s_a = (uint32_t)255 * w;
        for (int x = x0; x < x1; x++) {
            uint32_t d = row[x];
            uint32_t out = (((d & 0xff00ff) * iw + s_rb + 0x800080) >> 8 & 0xff00ff) |
                           (((d & 0xff00) * iw + s_g + 0x8000) >> 8 & 0xff00);
            if (amask) {
                uint32_t da = (d & amask) >> f->Ashift;
                out |= ((da * iw + s_a + 128) >> 8) << f->Ashift & amask;
            }
            row[x] = out;
        }
        return;
    }
    for (int x = x0; x < x1; x++) {
        uint32_t d = row[x];
        uint32_t out = mix(p->r, (d & f->Rmask) >> f->Rshift, a) << f->Rshift |
                       mix(p->g, (d & f->Gmask) >> f->Gshift, a) << f->Gshift |
                       mix(p->b, (d & f->Bmask) >> f->Bshift, a) << f->Bshift;
        if (f->Amask)
            out |= (mix(255, (d & f->Amask) >> f->Ashift, a) << f->Ashift) & f->Amask;
        row[x] = out;
    }
}

/* n pixels of one value, 16 bytes a store where the machine has them. */
static void fill_pixels(uint32_t *dst, uint32_t value, int n)
{
    int i = 0;
#ifdef __SSE2__
    __m128i v = _mm_set1_epi32((int)value);
    for (; i + 4 <= n; i += 4)
        _mm_storeu_si128((__m128i *)(dst + i), v);
#endif
    for (; i < n; i++)
        dst[i] = value;
}

static void span(const RenderPixels *px, const Paint *p, int y, int x0, int x1)
{
    uint32_t *row = (uint32_t *)(px->pixels + (size_t)y * (size_t)px->pitch);
    if (p->blend)
        blend_span(px, row, x0, x1, p, p->a);
    else
        fill_pixels(row + x0, p->solid, x1 - x0);
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
    int y0 = first_at(a.y), y1 = first_at(c.y), yb = first_at(b.y);
    if (y0 < cl->y)
        y0 = cl->y;
    if (y1 > cl->y + cl->h)
        y1 = cl->y + cl->h;
    /* Is b left of the long edge a-c? (y grows downwards) */
    bool b_left = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) < 0;
    Edge ac = edge_of(a, c), ab = edge_of(a, b), bc = edge_of(b, c);
    for (int y = y0; y < y1; y++) {
        float yc = (float)y + 0.5f;
        /* Rows above b's meet a-b, the others b-c; neither is flat where it is used. */
        float xl = edge_x(&ac, yc), xs = edge_x(y < yb ? &ab : &bc, yc);
        int x0 = first_at(b_left ? xs : xl), x1 = first_at(b_left ? xl : xs);
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

/* The alpha of the fade at distance d from the edge. */
static uint32_t fade_alpha(SDL_Color c, float d, float width)
{
    return d >= width ? 0 : (uint32_t)((float)c.a * (1.0f - d / width) + 0.5f);
}

void render_raster_fade(const RenderPixels *px, SDL_FRect rect, float width, SDL_Color c)
{
    if (!(width > 0))
        return;
    Paint p = {0, c.r, c.g, c.b, c.a, true};
    const SDL_Rect *cl = &px->clip;
    float rx1 = rect.x + rect.w, ry1 = rect.y + rect.h;
    int y0 = first_at(rect.y), y1 = first_at(ry1), x0 = first_at(rect.x), x1 = first_at(rx1);
    if (y0 < cl->y)
        y0 = cl->y;
    if (y1 > cl->y + cl->h)
        y1 = cl->y + cl->h;
    if (x0 < cl->x)
        x0 = cl->x;
    if (x1 > cl->x + cl->w)
        x1 = cl->x + cl->w;
    /* Columns before xa and from xb on are within `width` of a side; the
     * alpha is each pixel's nearest edge's (the bands meet on diagonals). */
    int xa = first_at(rect.x + width), xb = first_at(rx1 - width);
    if (xa > x1)
        xa = x1;
    if (xb < xa)
        xb = xa;
    for (int y = y0; y < y1; y++) {
        float dy = fminf((float)y + 0.5f - rect.y, ry1 - ((float)y + 0.5f));
        uint32_t *row = (uint32_t *)(px->pixels + (size_t)y * (size_t)px->pitch);
        for (int x = x0; x < x1; x++) {
            if (x == xa && xb > xa) { /* the middle: one alpha, the row's */
                uint32_t a = fade_alpha(c, dy, width);
                int end = xb < x1 ? xb : x1;
                if (a > 0)
                    blend_span(px, row, x, end, &p, a);
                x = end - 1;
                continue;
            }
            float cx = (float)x + 0.5f;
            uint32_t a = fade_alpha(c, fminf(dy, fminf(cx - rect.x, rx1 - cx)), width);
            if (a > 0)
                blend_span(px, row, x, x + 1, &p, a);
        }
    }
}

/* ==== Polygons ====
 * A feature's rings (outer rings and holes, by the even-odd rule), filled a
 * row at a time: at each row's centre, the x where each edge crosses it,
 * sorted, fill between pairs. A ring cuts a row a few times where its
 * triangulation would give tens of thin triangles, each a span and a setup
 * of its own. Edges enter the active list through a bucket for the row they
 * start at, so nothing is sorted but each row's few crossings. */
typedef struct PolyEdge {
    Edge e;
    float y_end;
    int next;               /* the next edge starting at the same row, or -1 */
} PolyEdge;

bool render_raster_polygon(const RenderPixels *px, const SDL_Vertex *v, const MapRing *rings, int ring_count,
                           SDL_Color col)
{
    const SDL_Rect *cl = &px->clip;
    if (cl->w <= 0 || cl->h <= 0)
        return true;
    int n = 0;
    float top = 1e30f, bottom = -1e30f;
    for (int r = 0; r < ring_count; r++)
        for (int i = 0; i < rings[r].point_count; i++, n++) {
            float y = v[rings[r].point_first + i].position.y;
            top = y < top ? y : top;
            bottom = y > bottom ? y : bottom;
        }
    int y0 = first_at(top), y1 = first_at(bottom);
    if (y0 < cl->y)
        y0 = cl->y;
    if (y1 > cl->y + cl->h)
        y1 = cl->y + cl->h;
    if (n == 0 || y0 >= y1)
        return true;
    int rows = y1 - y0;
    PolyEdge *edges = malloc(sizeof *edges * (size_t)n);
    int *start = malloc(sizeof *start * (size_t)rows), *active = malloc(sizeof *active * (size_t)n);
    float *xs = malloc(sizeof *xs * (size_t)n);
    if (!edges || !start || !active || !xs) {
        free(edges);
        free(start);
        free(active);
        free(xs);
        return false; /* the caller draws the triangles instead */
    }
    for (int i = 0; i < rows; i++)
        start[i] = -1;
    int ne = 0;
    for (int r = 0; r < ring_count; r++) {
        const SDL_Vertex *p = v + rings[r].point_first;
        int k = rings[r].point_count;
        for (int i = 0; i < k; i++) {
            SDL_FPoint a = p[i].position, b = p[(i + 1) % k].position;
            if (a.y == b.y || !(a.y == a.y && b.y == b.y)) /* flat, or not a number */
                continue;
            Edge e = edge_of(a, b);
            float y_end = a.y > b.y ? a.y : b.y;
            int first = first_at(e.y), last = first_at(y_end); /* rows [first, last) */
            if (first < y0)
                first = y0;
            if (first >= last || first >= y1)
                continue;
            edges[ne] = (PolyEdge){e, y_end, start[first - y0]};
            start[first - y0] = ne++;
        }
    }
    Paint paint = {SDL_MapRGBA(px->format, col.r, col.g, col.b, 255), col.r, col.g, col.b, 255, false};
    int na = 0;
    for (int y = y0; y < y1; y++) {
        float yc = (float)y + 0.5f;
        for (int i = start[y - y0]; i >= 0; i = edges[i].next)
            active[na++] = i;
        int nx = 0;
        for (int i = 0; i < na; i++) {
            if (!(yc < edges[active[i]].y_end)) { /* ended above this row */
                active[i--] = active[--na];
                continue;
            }
            float x = edge_x(&edges[active[i]].e, yc);
            int j = nx++;
            for (; j > 0 && xs[j - 1] > x; j--) /* insertion: a row has few crossings */
                xs[j] = xs[j - 1];
            xs[j] = x;
        }
        for (int i = 0; i + 1 < nx; i += 2) {
            int x0 = first_at(xs[i]), x1 = first_at(xs[i + 1]);
            if (x0 < cl->x)
                x0 = cl->x;
            if (x1 > cl->x + cl->w)
                x1 = cl->x + cl->w;
            if (x0 < x1)
                span(px, &paint, y, x0, x1);
        }
    }
    free(edges);
    free(start);
    free(active);
    free(xs);
    return true;
}
