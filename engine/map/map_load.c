/* map_load.c — builds a Map from the two GeoJSON files (RFC 7946): checks
 * every feature strictly (ids, names, kinds, rings), projects the rings,
 * triangulates each polygon, and answers look-ups by id and by point.
 * Pure C on memory buffers; the renderer draws what this builds.
 */
#include "map.h"
#include "map_internal.h"
#include "map_json.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Names of the two inputs in messages (map_load takes buffers, not paths). */
#define PROVINCES_NAME "provinces-1958.geojson"
#define CONTEXT_NAME "context.geojson"

typedef struct Builder {
    Map *m;
    int feature_cap, ring_cap, point_cap;
    MapIndexBuf tris;
    MapAlbers albers;
    const char *name;            /* the file being read */
    char who[MAP_ID_LEN + 16];   /* "feature 'anhui'", for messages */
    char *err;
    size_t err_cap;
} Builder;

/* ==== Errors ==== */

/* Writes "name: line N: who: message" and returns false. */
static bool fail_at(Builder *B, int line, const char *fmt, ...)
{
    if (!B->err || B->err_cap == 0)
        return false;
    int n = snprintf(B->err, B->err_cap, "%s: line %d: %s: ", B->name, line, B->who);
    if (n >= 0 && (size_t)n < B->err_cap) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(B->err + n, B->err_cap - (size_t)n, fmt, ap);
        va_end(ap);
    }
    return false;
}

static bool fail_oom(Builder *B, int line)
{
    return fail_at(B, line, "out of memory");
}

/* ==== Growable arrays ==== */

/* Returns `arr` grown to hold at least `need` elements of `elem` bytes
 * (updating *cap), or NULL when out of memory (arr is then untouched). */
static void *grow(void *arr, int *cap, int need, size_t elem)
{
    if (need <= *cap)
        return arr;
    int ncap = *cap > 0 ? *cap : 64;
    while (ncap < need) {
        if (ncap > INT_MAX / 2)
            return NULL;
        ncap *= 2;
    }
    if ((size_t)ncap > SIZE_MAX / elem)
        return NULL;
    void *p = realloc(arr, (size_t)ncap * elem);
    if (p)
        *cap = ncap;
    return p;
}

/* Returns `arr` reallocated to exactly `count` elements, or unchanged if
 * that fails or count is 0. */
static void *shrink(void *arr, int count, size_t elem)
{
    if (!arr || count <= 0)
        return arr;
    void *p = realloc(arr, (size_t)count * elem);
    return p ? p : arr;
}

/* ==== Properties ==== */

static const MapJsonValue *require(Builder *B, const MapJsonValue *obj, const char *key, MapJsonType type)
{
    const MapJsonValue *v = map_json_get(obj, key);
    if (!v) {
        fail_at(B, obj->line, "missing \"%s\"", key);
        return NULL;
    }
    if (v->type != type) {
        bool vowel = type == MAP_JSON_ARRAY || type == MAP_JSON_OBJECT;
        fail_at(B, v->line, "\"%s\" must be %s %s, not %s", key, vowel ? "an" : "a", map_json_type_name(type),
                map_json_type_name(v->type));
        return NULL;
    }
    return v;
}

/* Copies string property `key` into dst[cap]: non-empty, no NUL, fits. */
static bool copy_text(Builder *B, const MapJsonValue *props, const char *key, char *dst, size_t cap)
{
    const MapJsonValue *v = require(B, props, key, MAP_JSON_STRING);
    if (!v)
        return false;
    size_t len = v->as.string.len;
    if (len == 0)
        return fail_at(B, v->line, "\"%s\" is empty", key);
    if (len >= cap)
        return fail_at(B, v->line, "\"%s\" is longer than %zu bytes", key, cap - 1);
    if (strlen(v->as.string.chars) != len)
        return fail_at(B, v->line, "\"%s\" contains a NUL character", key);
    memcpy(dst, v->as.string.chars, len + 1);
    return true;
}

/* Reads number property `key`, which must lie in [lo, hi]. */
static bool read_coordinate(Builder *B, const MapJsonValue *props, const char *key, double lo, double hi,
                            double *out)
{
    const MapJsonValue *v = require(B, props, key, MAP_JSON_NUMBER);
    if (!v)
        return false;
    if (v->as.number < lo || v->as.number > hi)
        return fail_at(B, v->line, "\"%s\" %g is outside [%g, %g]", key, v->as.number, lo, hi);
    *out = v->as.number;
    return true;
}

/* Maps the `kind` property to MapKind; provinces and context each accept
 * only their own kinds, so that provinces always come first. */
static bool read_kind(Builder *B, const MapJsonValue *props, bool provinces, MapKind *out)
{
    static const struct {
        const char *name;
        MapKind kind;
    } kinds[] = {
        { "province", MAP_KIND_PROVINCE }, { "autonomous_region", MAP_KIND_PROVINCE },
        { "municipality", MAP_KIND_PROVINCE }, { "region", MAP_KIND_PROVINCE },
        { "taiwan", MAP_KIND_TAIWAN }, { "colony", MAP_KIND_COLONY }, { "foreign", MAP_KIND_FOREIGN },
    };
    const MapJsonValue *v = require(B, props, "kind", MAP_JSON_STRING);
    if (!v)
        return false;
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
        if (strcmp(v->as.string.chars, kinds[i].name) != 0)
            continue;
        if ((kinds[i].kind == MAP_KIND_PROVINCE) != provinces)
            return fail_at(B, v->line, "kind \"%s\" does not belong in %s", kinds[i].name, B->name);
        *out = kinds[i].kind;
        return true;
    }
    return fail_at(B, v->line, "unknown kind \"%s\"", v->as.string.chars);
}

static bool valid_id(const char *id)
{
    for (const char *c = id; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
            return false;
    return true;
}

/* ==== Geometry ==== */

/* Reads one position [lon, lat] or [lon, lat, alt] as degrees. */
static bool read_position(Builder *B, const MapJsonValue *pos, double *lon, double *lat)
{
    if (pos->type != MAP_JSON_ARRAY || pos->as.list.count < 2 || pos->as.list.count > 3)
        return fail_at(B, pos->line, "a position must be an array of 2 or 3 numbers");
    const MapJsonValue *x = pos->as.list.first, *y = x->next;
    if (x->type != MAP_JSON_NUMBER || y->type != MAP_JSON_NUMBER ||
        (y->next && y->next->type != MAP_JSON_NUMBER))
        return fail_at(B, pos->line, "a position must be an array of 2 or 3 numbers");
    *lon = x->as.number;
    *lat = y->as.number;
    if (*lon < -180 || *lon > 180 || *lat < -90 || *lat > 90)
        return fail_at(B, pos->line, "position (%g, %g) is not a longitude and latitude", *lon, *lat);
    return true;
}

/* Appends a linear ring: at least 4 positions, closed; the closing position
 * is not stored. */
static bool read_ring(Builder *B, const MapJsonValue *ring, bool hole)
{
    Map *m = B->m;
    if (ring->type != MAP_JSON_ARRAY)
        return fail_at(B, ring->line, "a ring must be an array of positions, not %s",
                       map_json_type_name(ring->type));
    if (ring->as.list.count < 4)
        return fail_at(B, ring->line, "a ring needs at least 4 positions, has %zu", ring->as.list.count);
    if (ring->as.list.count > (size_t)(INT_MAX / 4 - m->point_count))
        return fail_at(B, ring->line, "too many points");
    int n = (int)ring->as.list.count - 1;

    void *p = grow(m->points, &B->point_cap, m->point_count + n, sizeof *m->points);
    if (!p)
        return fail_oom(B, ring->line);
    m->points = p;
    p = grow(m->rings, &B->ring_cap, m->ring_count + 1, sizeof *m->rings);
    if (!p)
        return fail_oom(B, ring->line);
    m->rings = p;

    double lon0 = 0, lat0 = 0;
    int k = 0;
    for (const MapJsonValue *pos = ring->as.list.first; pos; pos = pos->next, k++) {
        double lon = 0, lat = 0;
        if (!read_position(B, pos, &lon, &lat))
            return false;
        if (k == 0) {
            lon0 = lon;
            lat0 = lat;
        }
        if (k < n)
            m->points[m->point_count + k] = map_albers_forward(&B->albers, lon, lat);
        else if (lon != lon0 || lat != lat0)
            return fail_at(B, pos->line, "ring is not closed (last position differs from the first)");
    }
    m->rings[m->ring_count] = (MapRing){
        .point_first = m->point_count,
        .point_count = n,
        .hole = hole,
        .feature = m->feature_count,
    };
    m->point_count += n;
    m->ring_count++;
    return true;
}

/* Reads a Polygon's coordinates (outer ring, then holes) and triangulates it. */
static bool read_polygon(Builder *B, const MapJsonValue *poly)
{
    if (poly->type != MAP_JSON_ARRAY || poly->as.list.count == 0)
        return fail_at(B, poly->line, "a polygon must be a non-empty array of rings");
    int first = B->m->ring_count;
    bool hole = false;
    for (const MapJsonValue *r = poly->as.list.first; r; r = r->next, hole = true)
        if (!read_ring(B, r, hole))
            return false;
    if (!map_triangulate_polygon(B->m->points, B->m->rings + first, B->m->ring_count - first, &B->tris))
        return fail_oom(B, poly->line);
    if (B->tris.count > (size_t)INT_MAX)
        return fail_at(B, poly->line, "too many triangles");
    return true;
}

static bool read_geometry(Builder *B, const MapJsonValue *feature)
{
    const MapJsonValue *geom = require(B, feature, "geometry", MAP_JSON_OBJECT);
    if (!geom)
        return false;
    const MapJsonValue *type = require(B, geom, "type", MAP_JSON_STRING);
    const MapJsonValue *coords = type ? require(B, geom, "coordinates", MAP_JSON_ARRAY) : NULL;
    if (!coords)
        return false;
    if (strcmp(type->as.string.chars, "Polygon") == 0)
        return read_polygon(B, coords);
    if (strcmp(type->as.string.chars, "MultiPolygon") != 0)
        return fail_at(B, type->line, "geometry type \"%s\" is not Polygon or MultiPolygon",
                       type->as.string.chars);
    if (coords->as.list.count == 0)
        return fail_at(B, coords->line, "empty MultiPolygon");
    for (const MapJsonValue *poly = coords->as.list.first; poly; poly = poly->next)
        if (!read_polygon(B, poly))
            return false;
    return true;
}

/* ==== Features ==== */

static double triangle_area2(const MapPoint *p, const uint32_t *t)
{
    const MapPoint *a = &p[t[0]], *b = &p[t[1]], *c = &p[t[2]];
    return (b->x - a->x) * (c->y - a->y) - (b->y - a->y) * (c->x - a->x);
}

static void grow_box(MapPoint *lo, MapPoint *hi, MapPoint p)
{
    lo->x = fmin(lo->x, p.x);
    lo->y = fmin(lo->y, p.y);
    hi->x = fmax(hi->x, p.x);
    hi->y = fmax(hi->y, p.y);
}

static bool read_feature(Builder *B, const MapJsonValue *f, bool provinces)
{
    Map *m = B->m;
    snprintf(B->who, sizeof B->who, "feature %d", m->feature_count + 1);
    if (f->type != MAP_JSON_OBJECT)
        return fail_at(B, f->line, "must be an object, not %s", map_json_type_name(f->type));
    const MapJsonValue *type = require(B, f, "type", MAP_JSON_STRING);
    if (!type)
        return false;
    if (strcmp(type->as.string.chars, "Feature") != 0)
        return fail_at(B, type->line, "\"type\" must be \"Feature\"");
    const MapJsonValue *props = require(B, f, "properties", MAP_JSON_OBJECT);
    if (!props)
        return false;

    MapFeature feat;
    memset(&feat, 0, sizeof feat);
    if (!copy_text(B, props, "id", feat.id, sizeof feat.id))
        return false;
    if (!valid_id(feat.id))
        return fail_at(B, map_json_get(props, "id")->line, "id \"%s\" must be lowercase ASCII letters, digits, '_'",
                       feat.id);
    if (map_find(m, feat.id) >= 0)
        return fail_at(B, map_json_get(props, "id")->line, "duplicate id \"%s\"", feat.id);
    snprintf(B->who, sizeof B->who, "feature '%s'", feat.id);
    if (!copy_text(B, props, "name_en", feat.name_en, sizeof feat.name_en) ||
        !copy_text(B, props, "name_zh", feat.name_zh, sizeof feat.name_zh) ||
        !read_kind(B, props, provinces, &feat.kind))
        return false;
    double label_lon = 0, label_lat = 0;
    if (!read_coordinate(B, props, "label_lon", -180, 180, &label_lon) ||
        !read_coordinate(B, props, "label_lat", -90, 90, &label_lat))
        return false;
    feat.label = map_albers_forward(&B->albers, label_lon, label_lat);

    feat.ring_first = m->ring_count;
    feat.index_first = (int)B->tris.count;
    if (!read_geometry(B, f))
        return false;
    feat.ring_count = m->ring_count - feat.ring_first;
    feat.index_count = (int)B->tris.count - feat.index_first;

    feat.bbox_min = (MapPoint){ INFINITY, INFINITY };
    feat.bbox_max = (MapPoint){ -INFINITY, -INFINITY };
    const MapRing *r0 = &m->rings[feat.ring_first];
    for (int i = r0->point_first; i < m->point_count; i++)
        grow_box(&feat.bbox_min, &feat.bbox_max, m->points[i]);
    double area2 = 0;
    for (int i = feat.index_first; i < feat.index_first + feat.index_count; i += 3)
        area2 += triangle_area2(m->points, B->tris.v + i);
    feat.area_km2 = area2 / 2 / 1e6;

    void *p = grow(m->features, &B->feature_cap, m->feature_count + 1, sizeof *m->features);
    if (!p)
        return fail_oom(B, f->line);
    m->features = p;
    m->features[m->feature_count++] = feat;
    return true;
}

static bool read_collection(Builder *B, const char *text, size_t len, const char *name, bool provinces)
{
    B->name = name;
    snprintf(B->who, sizeof B->who, "top level");
    MapJsonDoc *doc = map_json_parse(text, len, name, B->err, B->err_cap);
    if (!doc)
        return false;
    const MapJsonValue *root = map_json_root(doc);
    bool ok = false;
    const MapJsonValue *type = NULL, *features = NULL;
    if (root->type != MAP_JSON_OBJECT) {
        fail_at(B, root->line, "must be an object, not %s", map_json_type_name(root->type));
    } else if ((type = require(B, root, "type", MAP_JSON_STRING)) == NULL) {
        /* message written */
    } else if (strcmp(type->as.string.chars, "FeatureCollection") != 0) {
        fail_at(B, type->line, "\"type\" must be \"FeatureCollection\"");
    } else if ((features = require(B, root, "features", MAP_JSON_ARRAY)) == NULL) {
        /* message written */
    } else if (provinces && features->as.list.count == 0) {
        fail_at(B, features->line, "no features");
    } else {
        ok = true;
        for (const MapJsonValue *f = features->as.list.first; ok && f; f = f->next)
            ok = read_feature(B, f, provinces);
    }
    map_json_destroy(doc);
    return ok;
}

/* ==== Public functions ==== */

Map *map_load(const char *provinces, size_t provinces_len, const char *context, size_t context_len, char *err,
              size_t err_cap)
{
    if (err && err_cap > 0)
        err[0] = '\0';
    Builder B = { .err = err, .err_cap = err_cap, .name = "map" };
    snprintf(B.who, sizeof B.who, "map_load");
    B.m = calloc(1, sizeof *B.m);
    if (!B.m) {
        fail_oom(&B, 0);
        return NULL;
    }
    map_albers_init(&B.albers);
    Map *m = B.m;
    bool ok = read_collection(&B, provinces, provinces_len, PROVINCES_NAME, true);
    int province_count = m->feature_count;
    ok = ok && read_collection(&B, context, context_len, CONTEXT_NAME, false);
    if (!ok) {
        free(B.tris.v);
        map_destroy(m);
        return NULL;
    }

    m->indices = B.tris.v;
    m->index_count = (int)B.tris.count;
    /* The arrays grew by doubling; give back the slack (kept on failure). */
    m->features = shrink(m->features, m->feature_count, sizeof *m->features);
    m->rings = shrink(m->rings, m->ring_count, sizeof *m->rings);
    m->points = shrink(m->points, m->point_count, sizeof *m->points);
    m->indices = shrink(m->indices, m->index_count, sizeof *m->indices);
    m->bbox_min = m->view_min = (MapPoint){ INFINITY, INFINITY };
    m->bbox_max = m->view_max = (MapPoint){ -INFINITY, -INFINITY };
    for (int i = 0; i < m->feature_count; i++) {
        const MapFeature *f = &m->features[i];
        if (i < province_count) {
            grow_box(&m->bbox_min, &m->bbox_max, f->bbox_min);
            grow_box(&m->bbox_min, &m->bbox_max, f->bbox_max);
        }
        grow_box(&m->view_min, &m->view_max, f->bbox_min);
        grow_box(&m->view_min, &m->view_max, f->bbox_max);
    }
    if (!map_build_lods(m) || !map_build_segments(m)) {
        fail_oom(&B, 0);
        map_destroy(m);
        return NULL;
    }
    return m;
}

void map_destroy(Map *m)
{
    if (!m)
        return;
    map_free_lods(m);
    free(m->segments);
    free(m->features);
    free(m->rings);
    free(m->points);
    free(m->indices);
    free(m);
}

int map_find(const Map *m, const char *id)
{
    if (!m || !id)
        return -1;
    for (int i = 0; i < m->feature_count; i++)
        if (strcmp(m->features[i].id, id) == 0)
            return i;
    return -1;
}

/* Even-odd rule over every ring of the feature, so holes are respected. */
static bool feature_contains(const Map *m, const MapFeature *f, MapPoint p)
{
    bool inside = false;
    for (int r = f->ring_first; r < f->ring_first + f->ring_count; r++) {
        const MapPoint *pts = m->points + m->rings[r].point_first;
        int n = m->rings[r].point_count;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            const MapPoint *a = &pts[i], *b = &pts[j];
            if ((a->y > p.y) != (b->y > p.y) && p.x < (b->x - a->x) * (p.y - a->y) / (b->y - a->y) + a->x)
                inside = !inside;
        }
    }
    return inside;
}

int map_feature_at(const Map *m, MapPoint p)
{
    if (!m)
        return -1;
    /* Provinces come first in the array, so they win over context. */
    for (int i = 0; i < m->feature_count; i++) {
        const MapFeature *f = &m->features[i];
        if (p.x < f->bbox_min.x || p.x > f->bbox_max.x || p.y < f->bbox_min.y || p.y > f->bbox_max.y)
            continue;
        if (feature_contains(m, f, p))
            return i;
    }
    return -1;
}
