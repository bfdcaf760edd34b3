/* render_map.c — the map on screen: a view (centre and zoom over projected
 * metres) fitted to an area of the window, fills drawn with one
 * SDL_RenderGeometry call over the triangles from the map module, borders
 * as thin quads, and labels placed largest province first so none overlap. */
#include "render_internal.h"
#include "render_map.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ZOOM_IN 10.0

struct RenderMap {
    const Map *map;
    RenderRect area;
    double cx, cy;          /* view centre, projected metres */
    double k;               /* logical px per metre */
    double k_fit;           /* k that fits the provinces */
    SDL_Vertex *verts;      /* one per map point, device px */
    int *tri;               /* map indices as int for SDL */
    int *order;             /* provinces by area, largest first (label priority) */
};

RenderMap *render_map_create(const Map *map)
{
    RenderMap *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->map = map;
    m->verts = calloc((size_t)map->point_count, sizeof *m->verts);
    m->tri = malloc(sizeof *m->tri * (size_t)(map->index_count ? map->index_count : 1));
    m->order = malloc(sizeof *m->order * (size_t)(map->feature_count ? map->feature_count : 1));
    if (!m->verts || !m->tri || !m->order) {
        render_map_destroy(m);
        return NULL;
    }
    for (int i = 0; i < map->index_count; i++)
        m->tri[i] = (int)map->indices[i];
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
    free(m->verts);
    free(m->tri);
    free(m->order);
    free(m);
}

/* Keeps the view inside the context window and the zoom within limits. */
static void clamp_view(RenderMap *m)
{
    const Map *map = m->map;
    double kmin = m->k_fit * 0.85, kmax = m->k_fit * MAX_ZOOM_IN;
    if (m->k < kmin)
        m->k = kmin;
    if (m->k > kmax)
        m->k = kmax;
    double half_w = m->area.w / 2 / m->k, half_h = m->area.h / 2 / m->k;
    double x0 = map->view_min.x + half_w * 0.3, x1 = map->view_max.x - half_w * 0.3;
    double y0 = map->view_min.y + half_h * 0.3, y1 = map->view_max.y - half_h * 0.3;
    if (x0 > x1)
        x0 = x1 = (map->view_min.x + map->view_max.x) / 2;
    if (y0 > y1)
        y0 = y1 = (map->view_min.y + map->view_max.y) / 2;
    m->cx = fmin(fmax(m->cx, x0), x1);
    m->cy = fmin(fmax(m->cy, y0), y1);
}

void render_map_set_area(RenderMap *m, RenderRect area)
{
    bool first = m->area.w <= 0;
    double zoom = m->k_fit > 0 ? m->k / m->k_fit : 1.0;
    m->area = area;
    const Map *map = m->map;
    double w = map->bbox_max.x - map->bbox_min.x, h = map->bbox_max.y - map->bbox_min.y;
    m->k_fit = fmin(area.w / (w * 1.04), area.h / (h * 1.06));
    if (first) {
        render_map_fit(m);
        return;
    }
    m->k = m->k_fit * zoom; /* keep the zoom relative to the fit when the window changes */
    clamp_view(m);
}

void render_map_fit(RenderMap *m)
{
    const Map *map = m->map;
    m->cx = (map->bbox_min.x + map->bbox_max.x) / 2;
    m->cy = (map->bbox_min.y + map->bbox_max.y) / 2;
    m->k = m->k_fit;
    clamp_view(m);
}

void render_map_pan(RenderMap *m, float dx, float dy)
{
    m->cx -= dx / m->k;
    m->cy += dy / m->k;
    clamp_view(m);
}

void render_map_zoom(RenderMap *m, float factor, float x, float y)
{
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

/* Outline of one feature as quads, thickness in logical px. */
static void draw_outline(RenderCtx *r, const RenderMap *m, int f, float thickness, RenderColor c)
{
    const Map *map = m->map;
    const MapFeature *ft = &map->features[f];
    float s = render_scale(r);
    for (int ri = ft->ring_first; ri < ft->ring_first + ft->ring_count; ri++) {
        const MapRing *ring = &map->rings[ri];
        int n = ring->point_count;
        float *xy = malloc(sizeof *xy * 2 * (size_t)(n + 1));
        if (!xy)
            return;
        for (int i = 0; i <= n; i++) {
            const SDL_Vertex *v = &m->verts[ring->point_first + i % n];
            xy[2 * i] = v->position.x / s;
            xy[2 * i + 1] = v->position.y / s;
        }
        render_polyline(r, xy, n + 1, thickness, c);
        free(xy);
    }
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
    const char *name, *value;
    float size, nw, nh, vw, vh;
} Label;

static Box label_box(const Label *l, float cx, float cy, bool with_value)
{
    float w = with_value ? fmaxf(l->nw, l->vw) : l->nw, h = l->nh + (with_value ? l->vh : 0);
    return (Box){cx - w / 2 - 3, cy - h / 2 - 1, cx + w / 2 + 3, cy + h / 2 + 1};
}

static bool box_free(const RenderMap *m, const Box *b, const Box *placed, int nplaced)
{
    if (b->x0 < m->area.x || b->y0 < m->area.y || b->x1 > m->area.x + m->area.w || b->y1 > m->area.y + m->area.h)
        return false;
    for (int i = 0; i < nplaced; i++)
        if (overlaps(b, &placed[i]))
            return false;
    return true;
}

/* Finds room for a label: on the label point, then nudged around it, then
 * (for small provinces) further out with a leader line, then without the
 * value. Returns false if there is no room at all. */
static bool place_label(const RenderMap *m, const Label *l, float lx, float ly, float feature_px, const Box *placed,
                        int nplaced, Box *out, bool *with_value, bool *leader)
{
    static const float nudge[][2] = {{0, 0}, {0, -0.5f}, {0, 0.5f}, {0.5f, 0}, {-0.5f, 0}};
    static const float far[][2] = {{1.3f, 0}, {1.3f, -0.8f}, {1.3f, 0.8f}, {-1.3f, 0}, {0, -1.4f}, {0, 1.4f}};
    for (int pass = 0; pass < 2; pass++) {
        *with_value = pass == 0 && l->value;
        Box b0 = label_box(l, 0, 0, *with_value);
        float w = b0.x1 - b0.x0, h = b0.y1 - b0.y0;
        for (size_t i = 0; i < sizeof nudge / sizeof nudge[0]; i++) {
            *out = label_box(l, lx + nudge[i][0] * w, ly + nudge[i][1] * h, *with_value);
            if (box_free(m, out, placed, nplaced)) {
                *leader = false;
                return true;
            }
        }
        /* Moving a label off a province is only clear when the province is
         * small enough that the line points at it unambiguously. */
        if (feature_px < w * 1.5f) {
            for (size_t i = 0; i < sizeof far / sizeof far[0]; i++) {
                float dx = far[i][0] * (w / 2 + feature_px / 2 + 6), dy = far[i][1] * h;
                *out = label_box(l, lx + dx, ly + dy, *with_value);
                if (box_free(m, out, placed, nplaced)) {
                    *leader = true;
                    return true;
                }
            }
        }
    }
    return false;
}

void render_map_draw(RenderCtx *r, RenderMap *m, const RenderMapLayer *layer)
{
    const Map *map = m->map;
    float s = render_scale(r);
    render_set_clip(r, &m->area);
    render_fill_rect(r, m->area, layer->outside);
    MapPoint wlo, whi;
    context_window(map, &wlo, &whi);
    float wx0, wy0, wx1, wy1;
    to_screen(m, (MapPoint){wlo.x, whi.y}, &wx0, &wy0);
    to_screen(m, (MapPoint){whi.x, wlo.y}, &wx1, &wy1);
    RenderRect window = {wx0, wy0, wx1 - wx0, wy1 - wy0};
    render_fill_rect(r, window, layer->sea);
    /* Transform every point once, colour it by its feature. */
    for (int f = 0; f < map->feature_count; f++) {
        const MapFeature *ft = &map->features[f];
        SDL_Color col = render_sdl_color(layer->fill[f]);
        for (int ri = ft->ring_first; ri < ft->ring_first + ft->ring_count; ri++) {
            const MapRing *ring = &map->rings[ri];
            for (int i = ring->point_first; i < ring->point_first + ring->point_count; i++) {
                float x, y;
                to_screen(m, map->points[i], &x, &y);
                m->verts[i] = (SDL_Vertex){{x * s, y * s}, col, {0, 0}};
            }
        }
    }
    SDL_RenderGeometry(render_sdl(r), NULL, m->verts, map->point_count, m->tri, map->index_count);
    render_frame_rect(r, window, 1.0f, layer->context_border);
    /* Borders: context first and lighter, then provinces. */
    for (int f = 0; f < map->feature_count; f++)
        if (map->features[f].kind != MAP_KIND_PROVINCE)
            draw_outline(r, m, f, 0.8f, layer->context_border);
    for (int f = 0; f < map->feature_count; f++)
        if (map->features[f].kind == MAP_KIND_PROVINCE)
            draw_outline(r, m, f, 1.2f, layer->border);
    if (layer->hovered >= 0 && layer->hovered != layer->selected)
        draw_outline(r, m, layer->hovered, 2.5f, layer->highlight);
    if (layer->selected >= 0)
        draw_outline(r, m, layer->selected, 3.5f, layer->highlight);
    /* Labels, largest feature first; a label that finds no room is left out. */
    Box placed[128];
    int nplaced = 0;
    float zoom = render_map_zoom_level(m);
    for (int oi = 0; oi < map->feature_count && nplaced < 128; oi++) {
        int f = m->order[oi];
        const MapFeature *ft = &map->features[f];
        Label l = {layer->names ? layer->names[f] : NULL, layer->values ? layer->values[f] : NULL, 0, 0, 0, 0, 0};
        if (!l.name || !*l.name)
            continue;
        /* Bigger provinces and closer zooms get bigger names, within limits. */
        l.size = layer->label_size * (0.8f + 0.25f * (float)log10(fmax(ft->area_km2, 1000) / 50000.0)) *
                 fminf(1.6f, sqrtf(zoom));
        l.size = fmaxf(layer->label_size * 0.85f, fminf(l.size, layer->label_size * 1.5f));
        float lx, ly;
        to_screen(m, ft->label, &lx, &ly);
        render_text_size(r, l.name, l.size, RENDER_FONT_BOLD, &l.nw, &l.nh);
        if (l.value)
            render_text_size(r, l.value, l.size * 0.92f, RENDER_FONT_REGULAR, &l.vw, &l.vh);
        float feature_px = (float)(fmax(ft->bbox_max.x - ft->bbox_min.x, ft->bbox_max.y - ft->bbox_min.y) * m->k);
        Box b;
        bool with_value, leader;
        if (!place_label(m, &l, lx, ly, feature_px, placed, nplaced, &b, &with_value, &leader))
            continue;
        placed[nplaced++] = b;
        /* Off the province the plate sits on whatever is there: use sea-dark ink. */
        RenderColor under = leader ? layer->sea : layer->fill[f];
        RenderColor ink = render_contrast(under);
        RenderColor plate = render_contrast(ink);
        if (leader) {
            float ex = fminf(fmaxf(lx, b.x0), b.x1), ey = fminf(fmaxf(ly, b.y0), b.y1);
            float xy[4] = {lx, ly, ex, ey};
            render_polyline(r, xy, 2, 1.2f, ink);
            render_fill_rect(r, (RenderRect){lx - 2, ly - 2, 4, 4}, ink);
        }
        /* A plate behind the text keeps it legible on any colour and over borders. */
        plate.a = 165;
        render_fill_rect(r, (RenderRect){b.x0, b.y0, b.x1 - b.x0, b.y1 - b.y0}, plate);
        float cx = (b.x0 + b.x1) / 2;
        render_text(r, l.name, cx, b.y0 + 1, l.size, RENDER_FONT_BOLD, ink, RENDER_CENTER);
        if (with_value)
            render_text(r, l.value, cx, b.y0 + 1 + l.nh, l.size * 0.92f, RENDER_FONT_REGULAR, ink, RENDER_CENTER);
    }
    render_set_clip(r, NULL);
}
