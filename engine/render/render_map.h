/* render_map.h — the map on screen: view (pan, zoom), picking and drawing. */
#ifndef RENDER_MAP_H
#define RENDER_MAP_H

#include "map.h"
#include "render.h"

typedef struct RenderMap RenderMap;

/* What to draw this frame: a fill colour per map feature and optional
 * labels (a name line and a value line) per feature. */
#define RENDER_MAP_MAX_LABELS 64
#define RENDER_MAP_MAX_OBSTACLES 16

typedef struct RenderMapLayer {
    const RenderColor *fill;        /* map->feature_count colours */
    const char *const *names;       /* per feature, or NULL */
    const char *const *values;      /* per feature, or NULL */
    int hovered, selected;          /* feature index or -1 */
    const int *marked;              /* features to outline in `mark` (a card's provinces), or NULL */
    int marked_count;
    RenderColor mark;
    float label_size;               /* logical px at the fitted zoom */
    RenderColor sea, outside;       /* sea, and beyond the map's data (the land and sea fade into it) */
    RenderColor border, context_border, highlight;
    /* Where labels must not go (the legend, the notices, a card, a panel),
     * logical px. */
    const RenderRect *obstacles;
    int obstacle_count;
    float label_min_scale;          /* smallest label size tried, relative (0: 0.56) */
    /* The map's area is already `sea` (the caller cleared the frame to it):
     * only the ground around the sea is drawn, a pass over the area fewer. */
    bool sea_under;
} RenderMapLayer;

/* Where the last drawing of the layer put a feature's label. */
typedef struct RenderMapLabel {
    int feature;
    RenderRect box;                 /* name and value, with the plate */
    bool with_value, leader;        /* its value is shown; it sits off its province on a leader line */
    float size;                     /* of its name, logical px */
} RenderMapLabel;
int render_map_label_count(const RenderMap *m);
const RenderMapLabel *render_map_label_at(const RenderMap *m, int i);

/* The map must outlive the renderer. NULL if out of memory. */
RenderMap *render_map_create(const Map *map);
void render_map_destroy(RenderMap *m);

/* The part of the window the map fills (logical px); keeps the zoom. */
void render_map_set_area(RenderMap *m, RenderRect area);
/* Shows every province. */
void render_map_fit(RenderMap *m);
/* The part of the area the map is fitted into (a legend beside it), set
 * before render_map_set_area; a rectangle of width 0 means the whole area. */
void render_map_set_focus(RenderMap *m, RenderRect focus);
/* Frames a box of the map (projected metres) in `target`, a part of the
 * map's area (logical px), zooming in at most to `max_zoom` times the fit. */
void render_map_frame(RenderMap *m, MapPoint lo, MapPoint hi, RenderRect target, double max_zoom);
/* Moves the map by (dx, dy) logical px, within limits. */
void render_map_pan(RenderMap *m, float dx, float dy);
/* Zooms by `factor` around (x, y), within limits (0.85x to 10x the fit). */
void render_map_zoom(RenderMap *m, float factor, float x, float y);
float render_map_zoom_level(const RenderMap *m);
/* Where the map looks: its centre (projected metres) and zoom (relative to
 * the fit), for saves; set keeps it within the limits. */
typedef struct RenderMapView {
    double cx, cy, zoom;
} RenderMapView;
RenderMapView render_map_get_view(const RenderMap *m);
void render_map_set_view(RenderMap *m, RenderMapView v);
/* The feature under a point of the window, or -1. */
int render_map_pick(const RenderMap *m, float x, float y);
void render_map_screen_point(const RenderMap *m, MapPoint p, float *x, float *y);

/* Draws the map, the layer and its hover and selection outlines. */
void render_map_draw(RenderCtx *r, RenderMap *m, const RenderMapLayer *layer);

#endif
