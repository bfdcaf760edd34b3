/* map.h — the map of 1958 China as data: features (provinces, Taiwan,
 * colonies, neighbouring countries) read from GeoJSON, projected with an
 * Albers equal-area conic (ellipsoidal, WGS84; standard parallels 25N and
 * 47N, central meridian 105E, as in assets/map/SOURCES.md) and triangulated
 * once at load. Pure C: no SDL, no Lua; the renderer draws what this gives.
 *
 * Coordinates are projected metres, x east, y north.
 */
#ifndef MAP_H
#define MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define MAP_ID_LEN 40
#define MAP_NAME_LEN 64

typedef struct MapPoint {
    double x, y;
} MapPoint;

typedef enum MapKind {
    MAP_KIND_PROVINCE,   /* simulated: province, autonomous_region, municipality, region */
    MAP_KIND_TAIWAN,     /* drawn greyed out, not simulated */
    MAP_KIND_COLONY,     /* Hong Kong, Macau */
    MAP_KIND_FOREIGN,    /* neighbouring countries, for context */
} MapKind;

typedef struct MapRing {
    int point_first, point_count;   /* into Map.points; not closed (last != first) */
    bool hole;
    int feature;
} MapRing;

typedef struct MapFeature {
    char id[MAP_ID_LEN];            /* "henan", "neimenggu", "taiwan", "soviet_union" */
    char name_en[MAP_NAME_LEN];
    char name_zh[MAP_NAME_LEN];     /* UTF-8 */
    MapKind kind;
    MapPoint label;                 /* projected label_lon/label_lat */
    int ring_first, ring_count;     /* into Map.rings */
    int index_first, index_count;   /* into Map.indices, 3 per triangle */
    MapPoint bbox_min, bbox_max;
    double area_km2;                /* from the triangles */
} MapFeature;

/* A coarser copy of the geometry, for drawing the map small (map_lod.c):
 * points snapped to a grid, rings (same order and features as Map.rings)
 * and their triangles. */
#define MAP_LOD_COUNT 3
typedef struct MapLod {
    double grid_m;                  /* the grid's spacing, metres */
    int point_count, ring_count, index_count;
    MapPoint *points;
    MapRing *rings;
    uint32_t *indices;
    uint8_t *segments;              /* MapSegment of each point's segment, as Map.segments */
} MapLod;

/* A ring's segment from one of its points to the next, as borders are
 * drawn (map_borders.c): a border two features of a group share (the
 * provinces; everything else) is drawn by one of their rings. */
typedef enum MapSegment {
    MAP_SEGMENT_ALONE,              /* no other feature of the group has it */
    MAP_SEGMENT_SHARED,             /* another has it; this ring draws it */
    MAP_SEGMENT_OTHERS,             /* another has it and draws it */
} MapSegment;

typedef struct Map {
    int feature_count;
    MapFeature *features;           /* provinces first (file order), then context */
    int ring_count;
    MapRing *rings;
    int point_count;
    MapPoint *points;
    int index_count;
    uint32_t *indices;              /* triangles over Map.points, counter-clockwise */
    uint8_t *segments;              /* MapSegment of the segment from each point to its ring's next */
    MapPoint bbox_min, bbox_max;    /* of the MAP_KIND_PROVINCE features */
    MapPoint view_min, view_max;    /* of every feature (the context window) */
    MapLod lods[MAP_LOD_COUNT];     /* finest first: 1.5, 3 and 6 km grids */
} Map;

/* Parses the two GeoJSON files (memory buffers; names used in messages),
 * projects and triangulates every polygon (holes included). Returns NULL
 * with a message in `err` on malformed input; never reads past `len`. */
Map *map_load(const char *provinces, size_t provinces_len, const char *context, size_t context_len, char *err,
              size_t err_cap);
void map_destroy(Map *m);

/* Albers equal-area conic on the WGS84 ellipsoid (Snyder 1987, eqs. 14-1 to
 * 14-12), parameters as above. Degrees in, metres out. */
MapPoint map_project(double lon_deg, double lat_deg);

/* The border group of a kind (0: provinces, 1: the rest), and the
 * segments of `rings` (over `points`, point_count of them) marked into
 * `out`, one MapSegment a point. False if out of memory. */
int map_border_group(MapKind kind);
bool map_mark_shared(const MapPoint *points, const MapRing *rings, int ring_count, const MapFeature *features,
                     int point_count, uint8_t *out);

/* Douglas-Peucker over the polyline xy (n points, x then y): keep[i] is
 * set for the points kept, the two ends and every point farther than `tol`
 * from the line between its kept neighbours; `stack` holds 4 * n ints.
 * The same points always keep the same ones (the levels of detail rely on
 * it; the renderer simplifies borders with it each frame). */
void map_simplify(const double *xy, int n, double tol, unsigned char *keep, int *stack);

/* Index of the feature with this id, or -1. */
int map_find(const Map *m, const char *id);
/* The feature under a projected point (holes respected), or -1. Provinces
 * win over context features. */
int map_feature_at(const Map *m, MapPoint p);

#endif
