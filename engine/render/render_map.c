/* render_map.c — the map on screen: a view (centre and zoom over projected
 * metres) fitted to an area of the window, fills drawn with one
 * SDL_RenderGeometry call over the triangles from the map module (without
 * blending when they are opaque), borders as thin quads in one call a
 * pass (render_map_outline.c), and labels placed largest province first so
 * none overlap. With the software renderer, the fills come from the rings
 * and everything of one colour is written into the window's pixels
 * (render_raster.c). */
#include "render_internal.h"
#include "render_map.h"
#include "render_map_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ZOOM_IN 10.0

static bool level_init(Level *l, double grid, const MapPoint *points, const MapRing *rings,
                       const uint8_t *segments, int point_count, const uint32_t *indices, int index_count)
{
    *l = (Level){grid, points, rings, segments, point_count, index_count, NULL};
    l->tri = malloc(sizeof *l->tri * (size_t)(index_count ? index_count : 1));
    if (!l->tri)
        return false;
    for (int i = 0; i < index_count; i++)
        l->tri[i] = (int)indices[i];
    return true;
}

RenderMap *render_map_create(const Map *map)
{
    RenderMap *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->map = map;
    bool ok = level_init(&m->levels[0], 0, map->points, map->rings, map->segments, map->point_count, map->indices,
                         map->index_count);
    for (int i = 0; i < MAP_LOD_COUNT; i++) {
        const MapLod *l = &map->lods[i];
        ok = ok && level_init(&m->levels[i + 1], l->grid_m, l->points, l->rings, l->segments, l->point_count,
                              l->indices, l->index_count);
    }
    m->level = &m->levels[0];
    m->verts = calloc((size_t)map->point_count + 1, sizeof *m->verts);
    m->line = malloc(sizeof *m->line * 2 * ((size_t)map->point_count + 1));
    m->order = malloc(sizeof *m->order * (size_t)(map->feature_count ? map->feature_count : 1));
    m->keep = malloc((size_t)map->point_count + 1);
    m->stack = malloc(sizeof *m->stack * 4 * ((size_t)map->point_count + 1));
    if (!ok || !m->verts || !m->line || !m->order || !m->keep || !m->stack) {
        render_map_destroy(m);
        return NULL;
    }
    for (int i = 0; i < map->feature_count; i++)
        m->order[i] = i;
    /* Insertion sort by area, largest first: 50 features. */
    for (int i = 1; i < map->feature_count; i++)
        for (int j = i; j > 0 && map->features[m->order[j]].area_km2 > map->features[m->order[j - 1]].area_km2; j--) {
            int t = m->order[j];
            m->order[j] = m->order[j - 1];
            m->order[j - 1] = t;
        }
    m->k = 1e-3;
    return m;
}

void render_map_destroy(RenderMap *m)
{
    if (!m)
        return;
    for (int i = 0; i <= MAP_LOD_COUNT; i++)
        free(m->levels[i].tri);
    free(m->verts);
    free(m->line);
    free(m->keep);
    free(m->stack);
    free(m->batch_v);
    free(m->batch_i);
    free(m->order);
    free(m);
}

/* The rectangle the map is fitted into: the focus, or the whole area. */
static RenderRect fit_rect(const RenderMap *m) { return m->focus.w > 0 ? m->focus : m->area; }

/* How far the fit rectangle's centre is from the area's, logical px. */
static void focus_offset(const RenderMap *m, double *dx, double *dy)
{
    RenderRect f = fit_rect(m);
    *dx = (f.x + f.w / 2) - (m->area.x + m->area.w / 2);
    *dy = (f.y + f.h / 2) - (m->area.y + m->area.h / 2);
}

/* Keeps the view inside the context window and the zoom within limits: the
 * point at the fit rectangle's centre stays within the window. */
static void clamp_view(RenderMap *m)
{
    const Map *map = m->map;
    double kmin = m->k_fit * 0.85, kmax = m->k_fit * MAX_ZOOM_IN;
    if (m->k < kmin)
        m->k = kmin;
    if (m->k > kmax)
        m->k = kmax;
    RenderRect f = fit_rect(m);
    double ox, oy;
    focus_offset(m, &ox, &oy);
    double half_w = f.w / 2 / m->k, half_h = f.h / 2 / m->k;
    double x0 = map->view_min.x + half_w * 0.3, x1 = map->view_max.x - half_w * 0.3;
    double y0 = map->view_min.y + half_h * 0.3, y1 = map->view_max.y - half_h * 0.3;
    if (x0 > x1)
        x0 = x1 = (map->view_min.x + map->view_max.x) / 2;
    if (y0 > y1)
        y0 = y1 = (map->view_min.y + map->view_max.y) / 2;
    double fx = m->cx + ox / m->k, fy = m->cy - oy / m->k;
    m->cx = fmin(fmax(fx, x0), x1) - ox / m->k;
    m->cy = fmin(fmax(fy, y0), y1) + oy / m->k;
}

void render_map_set_area(RenderMap *m, RenderRect area)
{
    bool first = m->area.w <= 0;
    double zoom = m->k_fit > 0 ? m->k / m->k_fit : 1.0;
    m->area = area;
    const Map *map = m->map;
    double w = map->bbox_max.x - map->bbox_min.x, h = map->bbox_max.y - map->bbox_min.y;
    RenderRect f = fit_rect(m);
    m->k_fit = fmin(f.w / (w * 1.04), f.h / (h * 1.06));
    if (first && m->pending_zoom > 0) { /* a view was set (a load) before the first frame */
        m->k = m->k_fit * m->pending_zoom;
        m->pending_zoom = 0;
        clamp_view(m);
        return;
    }
    if (first) {
        render_map_fit(m);
        return;
    }
    if (m->at_fit) { /* a view nobody moved follows the window */
        render_map_fit(m);
        return;
    }
    m->k = m->k_fit * zoom; /* keep the zoom relative to the fit when the window changes */
    clamp_view(m);
}

void render_map_fit(RenderMap *m)
{
    const Map *map = m->map;
    m->k = m->k_fit;
    double ox, oy;
    focus_offset(m, &ox, &oy);
    m->cx = (map->bbox_min.x + map->bbox_max.x) / 2 - ox / m->k;
    m->cy = (map->bbox_min.y + map->bbox_max.y) / 2 + oy / m->k;
    clamp_view(m);
    m->at_fit = true;
}

void render_map_set_focus(RenderMap *m, RenderRect focus)
{
    m->focus = focus;
}

void render_map_frame(RenderMap *m, MapPoint lo, MapPoint hi, RenderRect target, double max_zoom)
{
    m->at_fit = false;
    if (m->k_fit <= 0 || target.w < 40 || target.h < 40)
        return;
    double w = fmax(hi.x - lo.x, 1.0), h = fmax(hi.y - lo.y, 1.0);
    double k = fmin(target.w * 0.8 / w, target.h * 0.8 / h);
    m->k = fmin(fmax(k, m->k_fit), m->k_fit * max_zoom);
    /* The box's centre at the target's centre. */
    double tx = target.x + target.w / 2 - (m->area.x + m->area.w / 2);
    double ty = target.y + target.h / 2 - (m->area.y + m->area.h / 2);
    m->cx = (lo.x + hi.x) / 2 - tx / m->k;
    m->cy = (lo.y + hi.y) / 2 + ty / m->k;
    clamp_view(m);
}

void render_map_pan(RenderMap *m, float dx, float dy)
{
    m->at_fit = false;
    m->cx -= dx / m->k;
    m->cy += dy / m->k;
    clamp_view(m);
}

void render_map_zoom(RenderMap *m, float factor, float x, float y)
{
    m->at_fit = false;
    /* Keep the point under (x, y) where it is. */
    double px = m->cx + (x - (m->area.x + m->area.w / 2)) / m->k;
    double py = m->cy - (y - (m->area.y + m->area.h / 2)) / m->k;
    m->k *= factor;
    clamp_view(m);
    m->cx = px - (x - (m->area.x + m->area.w / 2)) / m->k;
    m->cy = py + (y - (m->area.y + m->area.h / 2)) / m->k;
    clamp_view(m);
}

float render_map_zoom_level(const RenderMap *m) { return (float)(m->k / m->k_fit); }

RenderMapView render_map_get_view(const RenderMap *m)
{
    return (RenderMapView){m->cx, m->cy, m->k_fit > 0 ? m->k / m->k_fit : 1.0};
}

void render_map_set_view(RenderMap *m, RenderMapView v)
{
    m->at_fit = false;
    if (!isfinite(v.cx) || !isfinite(v.cy) || !isfinite(v.zoom) || v.zoom <= 0)
        return;
    m->cx = v.cx;
    m->cy = v.cy;
    if (m->k_fit > 0) {
        m->k = m->k_fit * v.zoom;
        clamp_view(m);
    } else {
        m->pending_zoom = v.zoom; /* before the first area: applied when it comes */
    }
}

static void to_screen(const RenderMap *m, MapPoint p, float *x, float *y)
{
    *x = (float)(m->area.x + m->area.w / 2 + (p.x - m->cx) * m->k);
    *y = (float)(m->area.y + m->area.h / 2 - (p.y - m->cy) * m->k);
}

void render_map_screen_point(const RenderMap *m, MapPoint p, float *x, float *y) { to_screen(m, p, x, y); }

int render_map_pick(const RenderMap *m, float x, float y)
{
    if (x < m->area.x || y < m->area.y || x > m->area.x + m->area.w || y > m->area.y + m->area.h)
        return -1;
    MapPoint p = {m->cx + (x - (m->area.x + m->area.w / 2)) / m->k, m->cy - (y - (m->area.y + m->area.h / 2)) / m->k};
    return map_feature_at(m->map, p);
}

/* Outlines are quads, one a segment, as render_polyline draws them; a pass
 * over many rings (every border of the map) collects them in one batch and
 * draws it with one call (see outline_flush): 3 calls a layer instead of
 * one per ring, the same triangles in the same order. */
/* The software renderer fills each feature from its rings, a row at a time
 * (render_raster_polygon), faster than its triangles. False if it cannot:
 * then the triangles are drawn. */
static bool fill_rings(RenderCtx *r, RenderMap *m, const RenderMapLayer *layer)
{
    RenderPixels px;
    if (!render_pixels_begin(r, &px))
        return false;
    bool ok = true;
    for (int f = 0; f < m->map->feature_count && ok; f++) {
        const MapFeature *ft = &m->map->features[f];
        ok = render_raster_polygon(&px, m->verts, m->level->rings + ft->ring_first, ft->ring_count,
                                   render_sdl_color(layer->fill[f]));
    }
    render_pixels_end(&px);
    return ok;
}

typedef struct Box {
    float x0, y0, x1, y1;
} Box;

static bool overlaps(const Box *a, const Box *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* The context window of assets/map/SOURCES.md (step 3): the provinces'
 * bounding rectangle grown by 8 % on each side. Context features were
 * clipped to it, so outside it the map has no data and must not look like sea. */
static void context_window(const Map *map, MapPoint *lo, MapPoint *hi)
{
    double gx = (map->bbox_max.x - map->bbox_min.x) * 0.08, gy = (map->bbox_max.y - map->bbox_min.y) * 0.08;
    *lo = (MapPoint){map->bbox_min.x - gx, map->bbox_min.y - gy};
    *hi = (MapPoint){map->bbox_max.x + gx, map->bbox_max.y + gy};
}

typedef struct Label {
    int f;
    const char *name, *value;
    float base;                 /* the size the label wants, logical px */
    float lx, ly;               /* its province's label point */
    float feature_px;           /* the province's size on screen */
} Label;

typedef struct Fit {
    float size, nw, nh, vw, vh;
    bool with_value;
} Fit;

static Box label_box(const Fit *t, float cx, float cy)
{
    float w = t->with_value ? fmaxf(t->nw, t->vw) : t->nw, h = t->nh + (t->with_value ? t->vh : 0);
    return (Box){cx - w / 2 - 3, cy - h / 2 - 1, cx + w / 2 + 3, cy + h / 2 + 1};
}

static bool box_free(const RenderMap *m, const Box *b, const Box *placed, int nplaced)
{
    if (b->x0 < m->area.x + 2 || b->y0 < m->area.y + 2 || b->x1 > m->area.x + m->area.w - 2 ||
        b->y1 > m->area.y + m->area.h - 2)
        return false;
    for (int i = 0; i < nplaced; i++)
        if (overlaps(b, &placed[i]))
            return false;
    return true;
}

/* The label measured at a size. */
static Fit measure(RenderCtx *r, const Label *l, float size, bool with_value)
{
    Fit t = {size, 0, 0, 0, 0, with_value && l->value && *l->value};
    render_text_size(r, l->name, size, RENDER_FONT_BOLD, &t.nw, &t.nh);
    if (t.with_value)
        render_text_size(r, l->value, size * 0.92f, RENDER_FONT_REGULAR, &t.vw, &t.vh);
    return t;
}

/* On its province: the label point, then nudged, as long as the label's
 * centre stays over the province. */
static bool place_inside(const RenderMap *m, const Label *l, const Fit *t, const Box *placed, int nplaced, Box *out)
{
    static const float nudge[][2] = {{0, 0},       {0, -0.5f},  {0, 0.5f},   {0.5f, 0},     {-0.5f, 0},
                                     {0.5f, -0.5f}, {-0.5f, 0.5f}, {0.5f, 0.5f}, {-0.5f, -0.5f}, {0, -1},
                                     {0, 1},       {1, 0},      {-1, 0}};
    Box b0 = label_box(t, 0, 0);
    float w = b0.x1 - b0.x0, h = b0.y1 - b0.y0;
    for (size_t i = 0; i < sizeof nudge / sizeof nudge[0]; i++) {
        float cx = l->lx + nudge[i][0] * w, cy = l->ly + nudge[i][1] * h;
        if (i > 0 && render_map_pick(m, cx, cy) != l->f)
            continue;
        *out = label_box(t, cx, cy);
        if (box_free(m, out, placed, nplaced))
            return true;
    }
    return false;
}

/* Whether the segment from (x0, y0) to (x1, y1) crosses a box. */
static bool segment_hits(float x0, float y0, float x1, float y1, const Box *b)
{
    for (int i = 0; i <= 16; i++) { /* sampled: boxes are far larger than the step */
        float t = (float)i / 16.0f, x = x0 + (x1 - x0) * t, y = y0 + (y1 - y0) * t;
        if (x > b->x0 && x < b->x1 && y > b->y0 && y < b->y1)
            return true;
    }
    return false;
}

/* Off its province, with a leader line back to it: around it in twelve
 * directions, nearer first; the line crosses no other label. */
static bool place_outside(const RenderMap *m, const Label *l, const Fit *t, const Box *placed, int nplaced, Box *out)
{
    Box b0 = label_box(t, 0, 0);
    float w = b0.x1 - b0.x0, h = b0.y1 - b0.y0;
    for (int ring = 0; ring < 4; ring++) {
        float reach = l->feature_px * 0.35f + (float)ring * 0.6f * h + 8;
        for (int k = 0; k < 12; k++) {
            float a = (float)k * 6.2831853f / 12.0f;
            float cx = l->lx + cosf(a) * (w / 2 + reach), cy = l->ly + sinf(a) * (h / 2 + reach);
            *out = label_box(t, cx, cy);
            if (!box_free(m, out, placed, nplaced))
                continue;
            float ex = fminf(fmaxf(l->lx, out->x0), out->x1), ey = fminf(fmaxf(l->ly, out->y0), out->y1);
            bool crosses = false;
            for (int i = 0; i < nplaced && !crosses; i++)
                crosses = segment_hits(l->lx, l->ly, ex, ey, &placed[i]);
            if (!crosses)
                return true;
        }
    }
    return false;
}

/* Finds room for a label: on its province at a smaller size before off it
 * on a leader line, and the value kept to the last. Returns false if there
 * is no room at all. */
static bool place_label(RenderCtx *r, const RenderMap *m, const Label *l, float min_scale, const Box *placed,
                        int nplaced, Box *out, Fit *fit, bool *leader)
{
    static const struct { float scale; bool outside; } tries[] = {
        {1.0f, false}, {0.9f, false}, {1.0f, true},  {0.9f, true},  {0.8f, false}, {0.8f, true},
        {0.72f, false}, {0.72f, true}, {0.64f, false}, {0.64f, true}, {0.56f, false}, {0.56f, true}};
    for (int with_value = 1; with_value >= 0; with_value--)
        for (size_t s = 0; s < sizeof tries / sizeof tries[0]; s++) {
            if (tries[s].scale < min_scale - 1e-3f)
                continue;
            *fit = measure(r, l, l->base * tries[s].scale, with_value);
            if (!with_value && l->value && *l->value && fit->with_value)
                continue;
            *leader = tries[s].outside;
            if (!*leader && place_inside(m, l, fit, placed, nplaced, out))
                return true;
            /* Only a province small on screen points at itself from outside. */
            Box b0 = label_box(fit, 0, 0);
            if (*leader && l->feature_px < (b0.x1 - b0.x0) * 3 && place_outside(m, l, fit, placed, nplaced, out))
                return true;
        }
    return false;
}

/* Everything but the hover and selection outlines: sea, land, borders and
 * labels. */
static void draw_layer(RenderCtx *r, RenderMap *m, const RenderMapLayer *layer)
{
    const Map *map = m->map;
    float s = render_scale(r);
    RenderClip clip = render_clip_push(r, m->area);
    /* Beyond the map's data a quiet ground, so the map fills its area at
     * any shape; the sea and the neighbours' land, cut at the edge of the
     * data, fade into it (render_fill_around: each pixel written once). */
    MapPoint wlo, whi;
    context_window(map, &wlo, &whi);
    float wx0, wy0, wx1, wy1;
    to_screen(m, (MapPoint){wlo.x, whi.y}, &wx0, &wy0);
    to_screen(m, (MapPoint){whi.x, wlo.y}, &wx1, &wy1);
    RenderRect window = {wx0, wy0, wx1 - wx0, wy1 - wy0};
    if (layer->sea_under)
        render_fill_outside(r, m->area, layer->outside, window);
    else
        render_fill_around(r, m->area, layer->outside, window, layer->sea);
    /* The coarsest level whose grid is under a device pixel looks the same
     * as the full map and costs a fraction of it. */
    m->level = &m->levels[0];
    for (int i = MAP_LOD_COUNT; i >= 1; i--)
        if (m->levels[i].grid_m * m->k * s <= 0.8) {
            m->level = &m->levels[i];
            break;
        }
    const Level *lv = m->level;
    /* Transform every point once, colour it by its feature. */
    for (int ri = 0; ri < map->ring_count; ri++) {
        const MapRing *ring = &lv->rings[ri];
        SDL_Color col = render_sdl_color(layer->fill[ring->feature]);
        for (int i = ring->point_first; i < ring->point_first + ring->point_count; i++) {
            float x, y;
            to_screen(m, lv->points[i], &x, &y);
            m->verts[i] = (SDL_Vertex){{x * s, y * s}, col, {0, 0}};
        }
    }
    bool opaque = true;
    for (int f = 0; f < map->feature_count && opaque; f++)
        opaque = layer->fill[f].a == 255;
    if (!(opaque && fill_rings(r, m, layer)))
        render_map_triangles(r, m->verts, lv->point_count, lv->tri, lv->index_count, !opaque);
    render_kick(r); /* the land rasterised while the borders are made: 4K frames 9 % faster on llvmpipe */
    /* Borders: context first and lighter, then provinces, each on a pale
     * halo, so a border shows between two provinces of one colour. Each
     * pass is one batch. */
    for (int f = 0; f < map->feature_count; f++)
        if (map->features[f].kind != MAP_KIND_PROVINCE)
            render_map_outline_add(r, m, f, 0.8f, layer->context_border, OUTLINE_ALONE | OUTLINE_SHARED);
    render_map_outline_flush(r, m, layer->context_border);
    RenderRect faded = {window.x - 3, window.y - 3, window.w + 6, window.h + 6}; /* over the cut's outline too */
    render_fade_edges(r, faded, fminf(48, fmaxf(window.w, window.h) * 0.05f), layer->outside);
    /* A border between two provinces is drawn once, its halo as dense as
     * two halos over each other (as when each province drew its own). */
    RenderColor halo = {255, 255, 255, 110}, halo_shared = halo;
    halo_shared.a = (uint8_t)(255 - (255 - halo.a) * (255 - halo.a) / 255);
    for (int f = 0; f < map->feature_count; f++)
        if (map->features[f].kind == MAP_KIND_PROVINCE)
            render_map_outline_add(r, m, f, 3.0f, halo, OUTLINE_ALONE);
    render_map_outline_flush(r, m, halo);
    for (int f = 0; f < map->feature_count; f++)
        if (map->features[f].kind == MAP_KIND_PROVINCE)
            render_map_outline_add(r, m, f, 3.0f, halo_shared, OUTLINE_SHARED);
    render_map_outline_flush(r, m, halo_shared);
    for (int f = 0; f < map->feature_count; f++)
        if (map->features[f].kind == MAP_KIND_PROVINCE)
            render_map_outline_add(r, m, f, 1.2f, layer->border, OUTLINE_ALONE | OUTLINE_SHARED);
    render_map_outline_flush(r, m, layer->border);
    /* Labels, the provinces smallest on screen first (they have the least
     * room); the obstacles (the legend, the notices, a card) are taken. */
    Box placed[RENDER_MAP_MAX_LABELS + RENDER_MAP_MAX_OBSTACLES];
    int nplaced = 0;
    for (int i = 0; i < layer->obstacle_count && i < RENDER_MAP_MAX_OBSTACLES; i++) {
        RenderRect o = layer->obstacles[i];
        placed[nplaced++] = (Box){o.x, o.y, o.x + o.w, o.y + o.h};
    }
    int obstacles = nplaced;
    m->label_count = 0;
    float zoom = render_map_zoom_level(m);
    /* A map small on screen (a small window, a large interface) gets
     * smaller names: they are sized for the provinces fitted in about 790
     * logical px. */
    float shrink = (float)fmin(1.0, fmax(0.7, (map->bbox_max.x - map->bbox_min.x) * m->k_fit / 790.0));
    Label ls[RENDER_MAP_MAX_LABELS];
    int nl = 0;
    for (int oi = map->feature_count - 1; oi >= 0 && nl < RENDER_MAP_MAX_LABELS; oi--) {
        int f = m->order[oi]; /* smallest first */
        const MapFeature *ft = &map->features[f];
        Label l = {f, layer->names ? layer->names[f] : NULL, layer->values ? layer->values[f] : NULL, 0, 0, 0, 0};
        if (!l.name || !*l.name)
            continue;
        /* Bigger provinces and closer zooms get bigger names, within limits. */
        l.base = layer->label_size * (0.8f + 0.25f * (float)log10(fmax(ft->area_km2, 1000) / 50000.0)) *
                 fminf(1.6f, sqrtf(zoom));
        l.base = fmaxf(layer->label_size * 0.85f, fminf(l.base, layer->label_size * 1.5f));
        l.base *= shrink;
        to_screen(m, ft->label, &l.lx, &l.ly);
        l.feature_px = (float)(fmax(ft->bbox_max.x - ft->bbox_min.x, ft->bbox_max.y - ft->bbox_min.y) * m->k);
        /* A province off the map's area has no label to place. */
        if (l.lx < m->area.x || l.lx > m->area.x + m->area.w || l.ly < m->area.y || l.ly > m->area.y + m->area.h)
            continue;
        ls[nl++] = l;
    }
    /* Provinces before the rest (Taiwan, which is not simulated). */
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < nl; i++) {
            const Label *l = &ls[i];
            if ((map->features[l->f].kind == MAP_KIND_PROVINCE) != (pass == 0))
                continue;
            Box b;
            Fit fit;
            bool leader;
            if (!place_label(r, m, l, layer->label_min_scale > 0 ? layer->label_min_scale : 0.56f, placed, nplaced,
                             &b, &fit, &leader))
                continue;
            placed[nplaced++] = b;
            m->labels[m->label_count++] = (RenderMapLabel){l->f, {b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0},
                                                           fit.with_value, leader, fit.size};
            /* Off the province the plate sits on whatever is there: use sea-dark ink. */
            RenderColor under = leader ? layer->sea : layer->fill[l->f];
            RenderColor ink = render_contrast(under);
            RenderColor plate = render_contrast(ink);
            if (leader) {
                float ex = fminf(fmaxf(l->lx, b.x0), b.x1), ey = fminf(fmaxf(l->ly, b.y0), b.y1);
                float xy[4] = {l->lx, l->ly, ex, ey};
                render_polyline(r, xy, 2, 1.2f, ink);
                render_fill_rect(r, (RenderRect){l->lx - 2, l->ly - 2, 4, 4}, ink);
            }
            /* A plate behind the text keeps it legible on any colour and over borders. */
            plate.a = 165;
            render_fill_rect(r, (RenderRect){b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0}, plate);
            float cx = (b.x0 + b.x1) / 2;
            render_text(r, l->name, cx, b.y0 + 1, fit.size, RENDER_FONT_BOLD, ink, RENDER_CENTER);
            if (fit.with_value)
                render_text(r, l->value, cx, b.y0 + 1 + fit.nh, fit.size * 0.92f, RENDER_FONT_REGULAR, ink,
                            RENDER_CENTER);
        }
    (void)obstacles;
    render_clip_pop(r, clip);
}

int render_map_label_count(const RenderMap *m) { return m->label_count; }

const RenderMapLabel *render_map_label_at(const RenderMap *m, int i)
{
    return i >= 0 && i < m->label_count ? &m->labels[i] : NULL;
}

void render_map_draw(RenderCtx *r, RenderMap *m, const RenderMapLayer *layer)
{
    /* Drawn in full every frame. It was kept in a texture the window's size
     * and copied, but without a GPU (OpenGL on llvmpipe) the copy of a 4K
     * texture costs almost what drawing the map does, a changed map cost
     * both, and the texture 33 MiB (bench/README.md, eighth session). */
    draw_layer(r, m, layer);
    RenderClip clip = render_clip_push(r, m->area);
    if (layer->hovered >= 0 && layer->hovered != layer->selected)
        render_map_outline(r, m, layer->hovered, 2.5f, layer->highlight);
    if (layer->selected >= 0)
        render_map_outline(r, m, layer->selected, 3.5f, layer->highlight);
    for (int i = 0; layer->marked && i < layer->marked_count; i++)
        if (layer->marked[i] >= 0 && layer->marked[i] < m->map->feature_count)
            render_map_outline(r, m, layer->marked[i], 3.0f, layer->mark);
    render_clip_pop(r, clip);
}
