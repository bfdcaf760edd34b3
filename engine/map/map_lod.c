/* map_lod.c — coarser copies of the map for drawing it small. At the
 * fitted zoom a full-screen map shows several kilometres per pixel, while
 * the data has a point every kilometre or so: most of the 37,000 points and
 * triangles land on top of each other and only cost time.
 *
 * A level snaps every point to a square grid and drops points that repeat.
 * Snapping looks at a point's coordinates alone, and neighbouring provinces
 * share the exact same border points, so both sides of a border snap alike.
 * Then each border is simplified (Douglas-Peucker, to half the grid) once
 * for both sides: a ring is cut into arcs at its junctions (points whose
 * neighbours differ from one ring to another), and an arc is simplified in
 * one direction, whichever ring it is in. So the coarse provinces still
 * tile with no cracks or overlaps, with a fraction of the triangles. */
#include "map_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static MapPoint snap(MapPoint p, double grid)
{
    return (MapPoint){floor(p.x / grid + 0.5) * grid, floor(p.y / grid + 0.5) * grid};
}

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
        if (l->point_count > first && map_point_same(p, l->points[l->point_count - 1]))
            continue;
        l->points[l->point_count++] = p;
    }
    while (l->point_count - first > 1 && map_point_same(l->points[l->point_count - 1], l->points[first]))
        l->point_count--;
    if (l->point_count - first < 3) {
        l->point_count = first;
        for (int i = 0; i < src->point_count; i++)
            l->points[l->point_count++] = m->points[src->point_first + i];
    }
    l->rings[l->ring_count++] =
        (MapRing){.point_first = first, .point_count = l->point_count - first, .hole = src->hole, .feature = src->feature};
}

/* ==== Arcs ==== */

/* A distinct point of the level: the neighbours its first occurrence has
 * (ordered), and whether another occurrence has others (a junction). */
typedef struct PointSlot {
    int point; /* -1: empty */
    MapPoint a, b;
    bool junction;
} PointSlot;

static size_t slot_of(const PointSlot *t, size_t cap, const MapPoint *pts, MapPoint p)
{
    size_t k = (size_t)map_point_hash(MAP_HASH_BASIS, p) & (cap - 1);
    while (t[k].point >= 0 && !map_point_same(pts[t[k].point], p))
        k = (k + 1) & (cap - 1);
    return k;
}

/* Marks in `junction` (one flag a point of l) the points that end arcs:
 * where rings meet in another way than one border passing through, and
 * every point of a ring too small to simplify. */
static bool find_junctions(const MapLod *l, bool *junction)
{
    size_t cap = map_table_slots(l->point_count);
    PointSlot *t = malloc(cap * sizeof *t);
    if (!t)
        return false;
    for (size_t i = 0; i < cap; i++)
        t[i].point = -1;
    for (int r = 0; r < l->ring_count; r++) {
        const MapRing *ring = &l->rings[r];
        int n = ring->point_count;
        for (int i = 0; i < n; i++) {
            int at = ring->point_first + i;
            MapPoint a = l->points[ring->point_first + (i + n - 1) % n], b = l->points[ring->point_first + (i + 1) % n];
            if (map_point_less(b, a)) {
                MapPoint c = a;
                a = b;
                b = c;
            }
            PointSlot *slot = &t[slot_of(t, cap, l->points, l->points[at])];
            if (slot->point < 0)
                *slot = (PointSlot){at, a, b, n < 4};
            else if (n < 4 || !map_point_same(slot->a, a) || !map_point_same(slot->b, b))
                slot->junction = true;
        }
    }
    for (int i = 0; i < l->point_count; i++)
        junction[i] = t[slot_of(t, cap, l->points, l->points[i])].junction;
    free(t);
    return true;
}

void map_simplify(const double *xy, int n, double tol, unsigned char *keep, int *stack)
{
    if (n <= 0)
        return;
    memset(keep, 0, (size_t)n);
    keep[0] = keep[n - 1] = 1;
    int top = 0;
    stack[top++] = 0;
    stack[top++] = n - 1;
    while (top > 0) {
        int b = stack[--top], a = stack[--top];
        double ax = xy[2 * a], ay = xy[2 * a + 1], dx = xy[2 * b] - ax, dy = xy[2 * b + 1] - ay;
        double len2 = dx * dx + dy * dy, worst = -1;
        int at = -1;
        for (int i = a + 1; i < b; i++) {
            double px = xy[2 * i] - ax, py = xy[2 * i + 1] - ay, d2;
            if (len2 > 0) {
                double cross = px * dy - py * dx;
                d2 = cross * cross / len2;
            } else {
                d2 = px * px + py * py;
            }
            if (d2 > worst) {
                worst = d2;
                at = i;
            }
        }
        if (at >= 0 && worst > tol * tol) {
            keep[at] = 1;
            stack[top++] = a;
            stack[top++] = at;
            stack[top++] = at;
            stack[top++] = b;
        }
    }
}

/* Scratch for one ring (at most max_n points): the arc in its canonical
 * direction, the kept flags by the arc's order, and simplify's stack. */
typedef struct Scratch {
    double *xy;              /* the arc's points, x then y */
    int *index;              /* its point k is the ring's point index[k] */
    unsigned char *keep;
    int *stack;
} Scratch;

/* Simplifies the arc of ring points from..to (ring indices, going forward
 * `len` points, both ends kept), in its canonical direction: from the
 * smaller end point (or, for an arc from a point back to itself, towards
 * the smaller of its first and last inner points), so that the two rings a
 * border lies in keep the same points of it. */
static void simplify_arc(const MapPoint *pts, int first, int n, int from, int len, double tol, Scratch *w,
                         unsigned char *kept)
{
    int to = (from + len - 1) % n;
    bool reverse = map_point_less(pts[first + to], pts[first + from]);
    if (map_point_same(pts[first + to], pts[first + from]) && len > 3)
        reverse = map_point_less(pts[first + (to + n - 1) % n], pts[first + (from + 1) % n]);
    for (int k = 0; k < len; k++) {
        int i = reverse ? (to - k + n) % n : (from + k) % n;
        w->index[k] = i;
        w->xy[2 * k] = pts[first + i].x;
        w->xy[2 * k + 1] = pts[first + i].y;
    }
    map_simplify(w->xy, len, tol, w->keep, w->stack);
    for (int k = 0; k < len; k++)
        if (w->keep[k])
            kept[w->index[k]] = 1;
}

/* The level's rings simplified into new arrays (l's replaced); a ring left
 * with fewer than three points is kept whole. */
static bool simplify_level(MapLod *l, double tol)
{
    int max_n = 3;
    for (int r = 0; r < l->ring_count; r++)
        max_n = l->rings[r].point_count + 1 > max_n ? l->rings[r].point_count + 1 : max_n;
    bool *junction = malloc(sizeof *junction * (size_t)(l->point_count ? l->point_count : 1));
    unsigned char *kept = malloc((size_t)max_n);
    MapPoint *out = malloc(sizeof *out * (size_t)(l->point_count ? l->point_count : 1));
    Scratch w = {malloc(sizeof *w.xy * 2 * (size_t)max_n), malloc(sizeof *w.index * (size_t)max_n),
                 malloc((size_t)max_n), malloc(sizeof *w.stack * 4 * (size_t)max_n)};
    bool ok = junction && kept && out && w.xy && w.index && w.keep && w.stack && find_junctions(l, junction);
    int count = 0;
    for (int r = 0; ok && r < l->ring_count; r++) {
        MapRing *ring = &l->rings[r];
        const MapPoint *pts = l->points;
        int first = ring->point_first, n = ring->point_count;
        memset(kept, 0, (size_t)n);
        int j0 = -1;
        for (int i = 0; i < n && j0 < 0; i++)
            if (junction[first + i])
                j0 = i;
        if (j0 < 0) {
            /* A ring with no junction (an island, or a province inside another):
             * from its smallest point, towards its smaller neighbour, around
             * and back, cut at the point farthest from the start. */
            int s = 0;
            for (int i = 1; i < n; i++)
                if (map_point_less(pts[first + i], pts[first + s]))
                    s = i;
            bool forward = map_point_less(pts[first + (s + 1) % n], pts[first + (s + n - 1) % n]);
            int far = s;
            double best = -1;
            for (int k = 0; k < n; k++) {
                int i = forward ? (s + k) % n : (s - k + n) % n;
                double dx = pts[first + i].x - pts[first + s].x, dy = pts[first + i].y - pts[first + s].y;
                if (dx * dx + dy * dy > best) {
                    best = dx * dx + dy * dy;
                    far = i;
                }
            }
            int span = forward ? (far - s + n) % n : (s - far + n) % n;
            int a = forward ? s : far, b = forward ? far : s; /* forward from a to b, then b back to a */
            simplify_arc(pts, first, n, a, span + 1, tol, &w, kept);
            simplify_arc(pts, first, n, b, n - span + 1, tol, &w, kept);
        } else {
            for (int k = 0, from = j0; k < n;) {
                int len = 1;
                while (len <= n && !junction[first + (from + len) % n])
                    len++;
                simplify_arc(pts, first, n, from, len + 1, tol, &w, kept);
                k += len;
                from = (from + len) % n;
            }
        }
        int start = count;
        for (int i = 0; i < n; i++)
            if (kept[i])
                out[count++] = pts[first + i];
        if (count - start < 3) { /* too small to simplify: whole */
            count = start;
            for (int i = 0; i < n; i++)
                out[count++] = pts[first + i];
        }
        ring->point_first = start;
        ring->point_count = count - start;
    }
    free(junction);
    free(kept);
    free(w.xy);
    free(w.index);
    free(w.keep);
    free(w.stack);
    if (!ok) {
        free(out);
        return false;
    }
    free(l->points);
    l->points = out;
    l->point_count = count;
    return true;
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
    if (!simplify_level(l, grid / 2))
        return false;
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
