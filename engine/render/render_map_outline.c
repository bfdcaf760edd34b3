/* render_map_outline.c — the map's borders and outlines: each ring's
 * points, in device pixels, as thin quads (one per segment), batched so
 * that a pass over every feature is one call. Runs of points closer than a
 * device pixel are thinned and the rest simplified (Douglas-Peucker) to
 * BORDER_TOLERANCE_PX; a border two features share is drawn once
 * (map_borders.c). */
#include "render_map_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define BORDER_TOLERANCE_PX 0.5f /* how far, in device px, a border may move when simplified */

static bool batch_room(RenderMap *m, int quads)
{
    int need = m->batch_nv + 4 * quads;
    if (need <= m->batch_cap)
        return true;
    int cap = need + need / 2 + 256;
    SDL_Vertex *v = realloc(m->batch_v, sizeof *v * (size_t)cap);
    if (!v)
        return false;
    m->batch_v = v;
    int *ix = realloc(m->batch_i, sizeof *ix * (size_t)(cap / 4 * 6));
    if (!ix)
        return false;
    m->batch_i = ix;
    m->batch_cap = cap;
    return true;
}

void render_map_triangles(RenderCtx *r, const SDL_Vertex *v, int nv, const int *idx, int ni, bool blend)
{
    SDL_Renderer *sdl = render_sdl(r);
    SDL_SetRenderDrawBlendMode(sdl, blend ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    render_triangles(r, v, nv, idx, ni);
    SDL_SetRenderDrawBlendMode(sdl, SDL_BLENDMODE_BLEND); /* what the rest of the drawing expects */
}

/* Draws the batch and empties it. Opaque outlines need no blending. */
void render_map_outline_flush(RenderCtx *r, RenderMap *m, RenderColor c)
{
    if (m->batch_nv > 0)
        render_map_triangles(r, m->batch_v, m->batch_nv, m->batch_i, m->batch_nv / 4 * 6, c.a != 255);
    m->batch_nv = 0;
}

/* Adds a polyline (logical px) to the batch: render_polyline's quads. */
static void batch_polyline(RenderMap *m, const double *xy, int n, float s, float t, SDL_Color col)
{
    if (n < 2 || !batch_room(m, n - 1))
        return;
    float half = fmaxf(0.5f, t * s * 0.5f);
    for (int i = 0; i + 1 < n; i++) {
        float x0 = (float)xy[2 * i] * s, y0 = (float)xy[2 * i + 1] * s, x1 = (float)xy[2 * i + 2] * s,
              y1 = (float)xy[2 * i + 3] * s;
        float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
        float nx = len > 0 ? -dy / len * half : 0, ny = len > 0 ? dx / len * half : 0;
        int base = m->batch_nv;
        SDL_Vertex *v = &m->batch_v[base];
        v[0] = (SDL_Vertex){{x0 + nx, y0 + ny}, col, {0, 0}};
        v[1] = (SDL_Vertex){{x1 + nx, y1 + ny}, col, {0, 0}};
        v[2] = (SDL_Vertex){{x1 - nx, y1 - ny}, col, {0, 0}};
        v[3] = (SDL_Vertex){{x0 - nx, y0 - ny}, col, {0, 0}};
        int *ix = &m->batch_i[base / 4 * 6];
        static const int q[6] = {0, 1, 2, 0, 2, 3};
        for (int k = 0; k < 6; k++)
            ix[k] = base + q[k];
        m->batch_nv += 4;
    }
}

/* Drops the points of the polyline in m->line (n points, logical px) that
 * lie within `tol` of the straight line between their kept neighbours
 * (map_simplify): a border zoomed out has long runs of points a pixel or
 * two apart that change nothing on screen but cost two triangles each.
 * Returns the points kept, in place. */
static int simplify(RenderMap *m, int n, double tol)
{
    if (n < 3)
        return n;
    double *xy = m->line;
    map_simplify(xy, n, tol, m->keep, m->stack);
    int w = 0;
    for (int i = 0; i < n; i++)
        if (m->keep[i]) {
            xy[2 * w] = xy[2 * i];
            xy[2 * w + 1] = xy[2 * i + 1];
            w++;
        }
    return w;
}

/* Adds the run of n points in m->line (logical px) to the batch: points
 * closer than a device pixel to the last one kept are skipped (they would
 * only add quads that cover the same pixels), the rest simplified. */
static void add_run(RenderMap *m, int n, float s, float thickness, SDL_Color col)
{
    double min_step = 1.0 / s, *xy = m->line;
    int kept = n > 0 ? 1 : 0;
    for (int i = 1; i < n; i++) {
        if (i < n - 1 && fabs(xy[2 * i] - xy[2 * kept - 2]) < min_step &&
            fabs(xy[2 * i + 1] - xy[2 * kept - 1]) < min_step)
            continue;
        xy[2 * kept] = xy[2 * i];
        xy[2 * kept + 1] = xy[2 * i + 1];
        kept++;
    }
    kept = simplify(m, kept, BORDER_TOLERANCE_PX / s);
    batch_polyline(m, m->line, kept, s, thickness, col);
}

/* Outline of one feature as quads, thickness in logical px, added to the
 * batch (drawn by outline_flush): of each ring, the segments `which` asks
 * for, as runs of consecutive ones; a ring drawn whole closes on itself. */
void render_map_outline_add(RenderCtx *r, RenderMap *m, int f, float thickness, RenderColor c, unsigned which)
{
    const Map *map = m->map;
    const MapFeature *ft = &map->features[f];
    float s = render_scale(r);
    SDL_Color col = render_sdl_color(c);
    for (int ri = ft->ring_first; ri < ft->ring_first + ft->ring_count; ri++) {
        const MapRing *ring = &m->level->rings[ri];
        const uint8_t *seg = m->level->segments + ring->point_first;
        const SDL_Vertex *v = &m->verts[ring->point_first];
        int n = ring->point_count, start = 0;
        while (start < n && (which >> seg[start] & 1u))
            start++;
        /* From the point after the first segment not drawn (or from the
         * first point, around and back to it), n segments. */
        start = start < n ? start + 1 : 0;
        int len = 0;
        for (int k = 0; k <= n; k++) {
            int i = (start + k) % n;
            bool drawn = k < n && (which >> seg[i] & 1u);
            if (drawn || len > 0) { /* a run's points: its segments' starts, and the last one's end */
                m->line[2 * len] = v[i].position.x / s;
                m->line[2 * len + 1] = v[i].position.y / s;
                len++;
            }
            if (!drawn && len > 0) {
                add_run(m, len, s, thickness, col);
                len = 0;
            }
        }
    }
}

void render_map_outline(RenderCtx *r, RenderMap *m, int f, float thickness, RenderColor c)
{
    render_map_outline_add(r, m, f, thickness, c, OUTLINE_WHOLE);
    render_map_outline_flush(r, m, c);
}
