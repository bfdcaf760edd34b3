/* map_borders.c — which border segments two features share, so that a
 * border between two provinces is drawn once, not once for each (the
 * renderer's outline passes). A segment is a ring's pair of consecutive
 * points; two segments are the same border when they join the same two
 * points (in either direction) and their features are in the same group
 * (provinces, or everything else: map_border_group). Points are compared
 * exactly: the GeoJSON's neighbours share their vertices, and a level of
 * detail snaps each point to its grid alone, so shared points stay equal. */
#include "map.h"
#include "map_internal.h"

#include <stdlib.h>
#include <string.h>

int map_border_group(MapKind kind) { return kind == MAP_KIND_PROVINCE ? 0 : 1; }

typedef struct Slot {
    int seg;   /* the first segment with this key (its first point's index), -1: empty */
    int group;
} Slot;

bool map_mark_shared(const MapPoint *points, const MapRing *rings, int ring_count, const MapFeature *features,
                     int point_count, uint8_t *out)
{
    memset(out, MAP_SEGMENT_ALONE, (size_t)point_count);
    size_t cap = map_table_slots(point_count);
    Slot *t = malloc(cap * sizeof *t);
    int *next_of = malloc(((size_t)point_count ? (size_t)point_count : 1) * sizeof *next_of);
    if (!t || !next_of) {
        free(t);
        free(next_of);
        return false;
    }
    for (size_t i = 0; i < cap; i++)
        t[i].seg = -1;
    for (int r = 0; r < ring_count; r++) {
        const MapRing *ring = &rings[r];
        for (int i = 0; i < ring->point_count; i++)
            next_of[ring->point_first + i] = ring->point_first + (i + 1) % ring->point_count;
    }
    for (int r = 0; r < ring_count; r++) {
        const MapRing *ring = &rings[r];
        int group = map_border_group(features[ring->feature].kind);
        for (int i = 0; i < ring->point_count; i++) {
            int s = ring->point_first + i;
            MapPoint a = points[s], b = points[next_of[s]];
            if (map_point_same(a, b))
                continue;
            if (!map_point_less(a, b)) {
                MapPoint c = a;
                a = b;
                b = c;
            }
            size_t k = (size_t)map_point_hash(map_point_hash(MAP_HASH_BASIS, a), b) & (cap - 1);
            for (;; k = (k + 1) & (cap - 1)) {
                if (t[k].seg < 0) {
                    t[k] = (Slot){s, group};
                    break;
                }
                int o = t[k].seg;
                MapPoint oa = points[o], ob = points[next_of[o]];
                bool match = t[k].group == group && out[o] == MAP_SEGMENT_ALONE &&
                             ((map_point_same(oa, a) && map_point_same(ob, b)) ||
                              (map_point_same(oa, b) && map_point_same(ob, a)));
                if (!match) /* another border, another group's, or one already paired: a third draws its own */
                    continue;
                out[o] = MAP_SEGMENT_SHARED; /* the first ring draws it, the second not */
                out[s] = MAP_SEGMENT_OTHERS;
                break;
            }
        }
    }
    free(t);
    free(next_of);
    return true;
}

static uint8_t *marked(const MapPoint *points, const MapRing *rings, int ring_count, const MapFeature *features,
                       int point_count)
{
    uint8_t *out = malloc(point_count ? (size_t)point_count : 1);
    if (out && !map_mark_shared(points, rings, ring_count, features, point_count, out)) {
        free(out);
        return NULL;
    }
    return out;
}

bool map_build_segments(Map *m)
{
    m->segments = marked(m->points, m->rings, m->ring_count, m->features, m->point_count);
    for (int i = 0; i < MAP_LOD_COUNT && m->segments; i++) {
        MapLod *l = &m->lods[i];
        if (!(l->segments = marked(l->points, l->rings, l->ring_count, m->features, l->point_count)))
            return false;
    }
    return m->segments != NULL;
}
