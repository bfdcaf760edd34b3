/* map_internal.h — shared by the files of engine/map (loader, projection,
 * triangulator) and by its tests; other modules include only map.h.
 */
#ifndef MAP_INTERNAL_H
#define MAP_INTERNAL_H

#include "map.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ==== Points compared exactly (map_borders.c, map_lod.c) ==== */

static inline bool map_point_same(MapPoint a, MapPoint b) { return a.x == b.x && a.y == b.y; }

/* By x, then y: a border's two ends, or a ring's points, in one order. */
static inline bool map_point_less(MapPoint a, MapPoint b) { return a.x < b.x || (a.x == b.x && a.y < b.y); }

/* A hash of the point's bits, continuing from h (start from
 * MAP_HASH_BASIS), for tables keyed by points. */
#define MAP_HASH_BASIS 0xcbf29ce484222325ull
static inline uint64_t map_point_hash(uint64_t h, MapPoint p)
{
    uint64_t b[2];
    memcpy(b, &p, sizeof b);
    for (int i = 0; i < 2; i++) {
        h ^= b[i];
        h *= 0x100000001b3ull;
        h ^= h >> 29;
    }
    return h;
}

/* The slots of an open-addressing table for n keys: a power of two at
 * least twice n (so at most half full). */
static inline size_t map_table_slots(int n)
{
    size_t cap = 16;
    while (cap < 2 * (size_t)n)
        cap *= 2;
    return cap;
}

/* ==== Projection (map_project.c) ==== */

/* Constants of the Albers projection in map.h, worked out once by the
 * loader instead of once per point as map_project does. */
typedef struct MapAlbers {
    double a;          /* semi-major axis, metres */
    double e, e2;      /* eccentricity and its square */
    double n;          /* cone constant */
    double c;          /* Snyder's C */
    double rho0;       /* radius of the origin parallel, metres */
    double lon0_deg;   /* central meridian */
} MapAlbers;

/* Fills `al` with the constants of the map projection. */
void map_albers_init(MapAlbers *al);
/* Projects a point with constants from map_albers_init; same as map_project. */
MapPoint map_albers_forward(const MapAlbers *al, double lon_deg, double lat_deg);

/* ==== Triangulation (map_triangulate.c) ==== */

/* A growable list of triangle corners, 3 per triangle. Zero-initialise it;
 * free(buf.v) when done. */
typedef struct MapIndexBuf {
    uint32_t *v;
    size_t count, cap;
} MapIndexBuf;

/* Triangulates one polygon: rings[0] is the outer ring, rings[1..] its holes,
 * each a (point_first, point_count) range of `points` (the `hole` and
 * `feature` fields are ignored). Rings may be in either orientation, may
 * repeat their first point at the end and may hold repeated or collinear
 * points. Appends counter-clockwise, non-degenerate triangles as indices into
 * `points` to `out`. Invalid input (self-intersections, holes outside the
 * outer ring) never crashes or loops: a best effort is emitted.
 * \returns false only when memory runs out (`out` then holds a partial
 *          result, still valid to free). */
bool map_triangulate_polygon(const MapPoint *points, const MapRing *rings, int ring_count, MapIndexBuf *out);

/* ==== Levels of detail (map_lod.c) ==== */

/* Fills m->lods from the full geometry; false if memory runs out (then
 * m->lods is left empty). */
bool map_build_lods(Map *m);
/* Marks the shared border segments of the map and of each level of detail
 * (map_borders.c); false if out of memory. */
bool map_build_segments(Map *m);
void map_free_lods(Map *m);

#endif
