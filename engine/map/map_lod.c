/* map_lod.c — coarser copies of the map for drawing it small. At the
 * fitted zoom a full-screen map shows several kilometres per pixel, while
 * the data has a point every kilometre or so: most of the 37,000 points and
 * triangles land on top of each other and only cost time.
 *
 * A level snaps every point to a square grid and drops points that repeat.
 * Snapping looks at a point's coordinates alone, and neighbouring provinces
 * share the exact same border points, so both sides of a border snap alike:
 * the coarse provinces still tile with no cracks or overlaps. */
#include "map_internal.h"

#include <math.h>
#include <stdlib.h>

static MapPoint snap(MapPoint p, double grid)
{
    return (MapPoint){floor(p.x / grid + 0.5) * grid, floor(p.y / grid + 0.5) * grid};
}

static bool same(MapPoint a, MapPoint b) { return a.x == b.x && a.y == b.y; }

static void lod_free(MapLod *l)
{
    free(l->points);
    free(l->rings);
    free(l->indices);
    free(l->segments);
    *l = (MapLod){0};
}

/* Appends the snapped ring; a ring that snaps to fewer than three points
 * (an island smaller than the grid) is kept as it was, so no feature ever
 * disappears. */
static void add_ring(MapLod *l, const Map *m, const MapRing *src, double grid)
{
    int first = l->point_count;
    for (int i = 0; i < src->point_count; i++) {
        MapPoint p = snap(m->points[src->point_first + i], grid);
        if (l->point_count > first && same(p, l->points[l->point_count - 1]))
            continue;
        l->points[l->point_count++] = p;
    }
    while (l->point_count - first > 1 && same(l->points[l->point_count - 1], l->points[first]))
        l->point_count--;
    if (l->point_count - first < 3) {
        l->point_count = first;
        for (int i = 0; i < src->point_count; i++)
            l->points[l->point_count++] = m->points[src->point_first + i];
    }
    l->rings[l->ring_count++] =
        (MapRing){.point_first = first, .point_count = l->point_count - first, .hole = src->hole, .feature = src->feature};
}

static bool build_level(const Map *m, double grid, MapLod *l)
{
    *l = (MapLod){.grid_m = grid};
    l->points = malloc(sizeof *l->points * (size_t)(m->point_count ? m->point_count : 1));
    l->rings = malloc(sizeof *l->rings * (size_t)(m->ring_count ? m->ring_count : 1));
    if (!l->points || !l->rings)
        return false;
    for (int r = 0; r < m->ring_count; r++)
        add_ring(l, m, &m->rings[r], grid);
    /* Triangulate polygon by polygon: an outer ring, then its holes. */
    MapIndexBuf tris = {0};
    for (int r = 0; r < l->ring_count;) {
        int end = r + 1;
        while (end < l->ring_count && l->rings[end].hole && l->rings[end].feature == l->rings[r].feature)
            end++;
        if (!map_triangulate_polygon(l->points, l->rings + r, end - r, &tris)) {
            free(tris.v);
            return false;
        }
        r = end;
    }
    l->indices = tris.v;
    l->index_count = (int)tris.count;
    return true;
}

bool map_build_lods(Map *m)
{
    static const double grids[MAP_LOD_COUNT] = {1500, 3000, 6000};
    for (int i = 0; i < MAP_LOD_COUNT; i++)
        if (!build_level(m, grids[i], &m->lods[i])) {
            for (int k = 0; k <= i; k++)
                lod_free(&m->lods[k]);
            return false;
        }
    return true;
}

void map_free_lods(Map *m)
{
    for (int i = 0; i < MAP_LOD_COUNT; i++)
        lod_free(&m->lods[i]);
}
