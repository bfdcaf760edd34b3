/* render_map_internal.h — the map view's fields, shared by render_map.c
 * (the view, the layer, its texture and labels) and render_map_outline.c
 * (borders and outlines). */
#ifndef RENDER_MAP_INTERNAL_H
#define RENDER_MAP_INTERNAL_H

#include "render_internal.h"
#include "render_map.h"

/* One level of detail: the full map, or one of map->lods. Rings match
 * map->rings one for one at every level. */
typedef struct Level {
    double grid_m;          /* 0 for the full geometry */
    const MapPoint *points;
    const MapRing *rings;
    const uint8_t *segments; /* MapSegment of each point's segment (shared borders drawn once) */
    int point_count, index_count;
    int *tri;               /* the level's triangles as int, for SDL */
} Level;

struct RenderMap {
    const Map *map;
    RenderRect area;
    RenderRect focus;       /* the part of the area the map is fitted into (w 0: the whole area) */
    double cx, cy;          /* view centre, projected metres */
    double k;               /* logical px per metre */
    double k_fit;           /* k that fits the provinces */
    Level levels[MAP_LOD_COUNT + 1];
    const Level *level;     /* the one being drawn */
    SDL_Vertex *verts;      /* one per point of the level, device px */
    double *line;           /* scratch for outlines, logical px */
    unsigned char *keep;    /* scratch for simplify: a flag a point */
    int *stack;             /* scratch for simplify: ranges still to look at */
    SDL_Vertex *batch_v;    /* a pass of outlines (many rings) drawn in one call */
    int *batch_i;
    int batch_nv, batch_cap; /* vertices in it, room (quads * 4) */
    int *order;             /* provinces by area, largest first (label priority) */
    double pending_zoom;    /* a view set before the map had an area (0: none) */
    bool at_fit;            /* the view is the fit: a new area or focus fits again */
    RenderMapLabel labels[RENDER_MAP_MAX_LABELS]; /* where the last layer put its labels */
    int label_count;
};

/* ==== Borders and outlines (render_map_outline.c) ==== */

/* Triangles of one colour each, opaque or blended (render_triangles). */
void render_map_triangles(RenderCtx *r, const SDL_Vertex *v, int nv, const int *idx, int ni, bool blend);

/* Which segments of a ring an outline draws (MapSegment, map_borders.c):
 * the whole ring (a hover, a selection), or a pass's part of a group's
 * borders, where a border two features share is drawn by one of them. */
enum {
    OUTLINE_ALONE = 1 << MAP_SEGMENT_ALONE,
    OUTLINE_SHARED = 1 << MAP_SEGMENT_SHARED,
    OUTLINE_WHOLE = OUTLINE_ALONE | OUTLINE_SHARED | 1 << MAP_SEGMENT_OTHERS,
};

/* Adds feature f's outline (thickness in logical px, the segments `which`
 * asks for) to the pass's batch; render_map_outline_flush draws the batch
 * in one call and empties it. */
void render_map_outline_add(RenderCtx *r, RenderMap *m, int f, float thickness, RenderColor c, unsigned which);
void render_map_outline_flush(RenderCtx *r, RenderMap *m, RenderColor c);
/* One feature's whole outline, drawn at once (hover, selection, marks). */
void render_map_outline(RenderCtx *r, RenderMap *m, int f, float thickness, RenderColor c);

#endif
