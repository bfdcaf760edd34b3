/* Tests for engine/map: the Albers projection against PROJ, loading of the
 * real 1958 map (ids, kinds, names, areas, hit tests, timing), exact
 * triangulation of small and random polygons with holes, and refusal of
 * malformed JSON and GeoJSON without crashes or over-reads.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "map.h"
#include "map_internal.h"
#include "map_json.h"

/* ==== Fixtures ==== */

typedef struct Fixture {
    char *prov, *ctx;
    size_t prov_len, ctx_len;
    Map *map;
} Fixture;

/* Reads a file into a buffer of exactly its size, with no terminator, so
 * that AddressSanitizer catches any read past the end. */
static char *slurp(const char *rel, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", GL_TEST_DATA_DIR, rel);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *buf = n > 0 ? malloc((size_t)n) : NULL;
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf)
        *len = (size_t)n;
    return buf;
}

/* A copy of text[0..len) in a buffer of exactly len bytes (1 if len is 0). */
static char *exact_copy(const char *text, size_t len)
{
    char *b = malloc(len ? len : 1);
    assert_non_null(b);
    memcpy(b, text, len);
    return b;
}

static int group_setup(void **state)
{
    Fixture *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    fx->prov = slurp("assets/map/provinces-1958.geojson", &fx->prov_len);
    fx->ctx = slurp("assets/map/context.geojson", &fx->ctx_len);
    char err[256];
    if (fx->prov && fx->ctx)
        fx->map = map_load(fx->prov, fx->prov_len, fx->ctx, fx->ctx_len, err, sizeof err);
    if (!fx->map) {
        fprintf(stderr, "map fixture: %s\n", fx->prov && fx->ctx ? err : "cannot read assets/map");
        free(fx->prov);
        free(fx->ctx);
        free(fx);
        return -1;
    }
    *state = fx;
    return 0;
}

static int group_teardown(void **state)
{
    Fixture *fx = *state;
    map_destroy(fx->map);
    free(fx->prov);
    free(fx->ctx);
    free(fx);
    return 0;
}

/* ==== Geometry helpers ==== */

static double orient(MapPoint a, MapPoint b, MapPoint c)
{
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

static double ring_area_abs(const MapPoint *p, int n)
{
    double s = 0;
    for (int i = 0, j = n - 1; i < n; j = i++)
        s += p[j].x * p[i].y - p[i].x * p[j].y;
    return fabs(s) / 2;
}

/* Strictly inside a counter-clockwise triangle. */
static bool in_triangle(MapPoint a, MapPoint b, MapPoint c, MapPoint p)
{
    return orient(a, b, p) > 0 && orient(b, c, p) > 0 && orient(c, a, p) > 0;
}

/* ==== Projection ==== */

/* Reference values computed by PROJ 9.1.1 through pyproj 3.4.1 (Debian 12's
 * python3-pyproj), an implementation independent of ours:
 *   t = pyproj.Transformer.from_crs("EPSG:4326", "+proj=aea +lat_1=25
 *       +lat_2=47 +lat_0=0 +lon_0=105 +datum=WGS84 +units=m", always_xy=True)
 *   x, y = t.transform(lon, lat)   # printed with %.6f */
static const struct {
    double lon, lat, x, y;
} proj_reference[] = {
    { 105.0, 0.0, 0.000000, 0.000000 },
    { 105.0, 25.0, 0.000000, 2613973.659673 },
    { 105.0, 47.0, 0.000000, 5085476.273057 },
    { 116.4, 39.9, 956439.170011, 4343540.014491 },        /* Beijing */
    { 87.6, 43.8, -1378963.764818, 4849019.863651 },       /* Urumqi */
    { 91.1, 29.65, -1326281.903886, 3225382.827016 },      /* Lhasa */
    { 126.6, 45.75, 1659942.371851, 5127491.632892 },      /* Harbin */
    { 110.3, 20.0, 564082.675871, 2079895.158335 },        /* Haikou */
    { 73.5, 39.5, -2618488.718408, 4662309.364271 },
    { 135.0, 53.5, 2035482.873033, 6106512.141427 },
    { 60.0, 10.0, -5094656.237986, 2176834.736849 },
    { 150.0, -10.0, 5939922.495400, 441469.227462 },
};

static void test_project_matches_proj_reference(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof proj_reference / sizeof proj_reference[0]; i++) {
        MapPoint p = map_project(proj_reference[i].lon, proj_reference[i].lat);
        if (fabs(p.x - proj_reference[i].x) > 0.01 || fabs(p.y - proj_reference[i].y) > 0.01)
            fail_msg("map_project(%g, %g) = (%.6f, %.6f), PROJ says (%.6f, %.6f)", proj_reference[i].lon,
                     proj_reference[i].lat, p.x, p.y, proj_reference[i].x, proj_reference[i].y);
    }
}

/* ==== The real map ==== */

static const char *const province_ids[] = {
    "anhui", "beijing", "fujian", "gansu", "guangdong", "guangxi", "guizhou", "hebei", "heilongjiang",
    "henan", "hubei", "hunan", "jiangsu", "jiangxi", "jilin", "liaoning", "neimenggu", "ningxia",
    "qinghai", "shaanxi", "shandong", "shanghai", "shanxi", "sichuan", "xinjiang", "xizang", "yunnan",
    "zhejiang",
};
static const char *const context_ids[] = {
    "taiwan", "hong_kong", "macau", "mongolia", "soviet_union", "afghanistan", "pakistan", "east_pakistan",
    "india", "sikkim", "siachen", "nepal", "bhutan", "burma", "laos", "vietnam", "thailand", "north_korea",
    "south_korea", "japan", "ryukyu", "philippines",
};
#define N_PROVINCES (int)(sizeof province_ids / sizeof province_ids[0])
#define N_CONTEXT (int)(sizeof context_ids / sizeof context_ids[0])

/* Valid UTF-8 made only of 3-byte sequences (CJK), as Chinese names are. */
static bool is_cjk_utf8(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (!*u)
        return false;
    while (*u) {
        if (u[0] < 0xE3 || u[0] > 0xE9 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
            return false;
        u += 3;
    }
    return true;
}

static void test_load_every_feature(void **state)
{
    const Map *m = ((Fixture *)*state)->map;
    assert_int_equal(m->feature_count, N_PROVINCES + N_CONTEXT);
    assert_int_equal(N_PROVINCES, 28);
    assert_int_equal(N_CONTEXT, 22);
    for (int i = 0; i < m->feature_count; i++) {
        const MapFeature *f = &m->features[i];
        const char *want = i < N_PROVINCES ? province_ids[i] : context_ids[i - N_PROVINCES];
        assert_string_equal(f->id, want);
        assert_int_equal(map_find(m, want), i);
        MapKind kind = i < N_PROVINCES            ? MAP_KIND_PROVINCE
                       : strcmp(want, "taiwan") == 0 ? MAP_KIND_TAIWAN
                       : strcmp(want, "hong_kong") == 0 || strcmp(want, "macau") == 0 ? MAP_KIND_COLONY
                                                                                       : MAP_KIND_FOREIGN;
        assert_int_equal(f->kind, kind);
        assert_true(f->name_en[0] != '\0');
        if (!is_cjk_utf8(f->name_zh))
            fail_msg("%s: name_zh is not CJK UTF-8", f->id);
        assert_true(f->ring_count >= 1);
        assert_true(f->index_count > 0 && f->index_count % 3 == 0);
        assert_true(f->area_km2 > 0);
        for (int r = f->ring_first; r < f->ring_first + f->ring_count; r++) {
            assert_int_equal(m->rings[r].feature, i);
            assert_true(m->rings[r].point_count >= 3);
        }
    }
    /* 北京, 新疆, 内蒙古, 台湾, 苏联, 香港 */
    assert_string_equal(m->features[map_find(m, "beijing")].name_zh, "\xe5\x8c\x97\xe4\xba\xac");
    assert_string_equal(m->features[map_find(m, "xinjiang")].name_zh, "\xe6\x96\xb0\xe7\x96\x86");
    assert_string_equal(m->features[map_find(m, "neimenggu")].name_zh, "\xe5\x86\x85\xe8\x92\x99\xe5\x8f\xa4");
    assert_string_equal(m->features[map_find(m, "taiwan")].name_zh, "\xe5\x8f\xb0\xe6\xb9\xbe");
    assert_string_equal(m->features[map_find(m, "soviet_union")].name_zh, "\xe8\x8b\x8f\xe8\x81\x94");
    assert_string_equal(m->features[map_find(m, "hong_kong")].name_zh, "\xe9\xa6\x99\xe6\xb8\xaf");
    assert_string_equal(m->features[map_find(m, "neimenggu")].name_en, "Inner Mongolia");
    assert_int_equal(map_find(m, "manchukuo"), -1);
    assert_int_equal(map_find(m, ""), -1);
}

static void test_triangles_cover_rings_exactly(void **state)
{
    const Map *m = ((Fixture *)*state)->map;
    double min_area = INFINITY;
    for (int i = 0; i < m->feature_count; i++) {
        const MapFeature *f = &m->features[i];
        const MapRing *r0 = &m->rings[f->ring_first];
        const MapRing *rl = &m->rings[f->ring_first + f->ring_count - 1];
        uint32_t lo = (uint32_t)r0->point_first, hi = (uint32_t)(rl->point_first + rl->point_count);
        double ring_area = 0;
        for (int r = f->ring_first; r < f->ring_first + f->ring_count; r++) {
            const MapRing *ring = &m->rings[r];
            double a = ring_area_abs(m->points + ring->point_first, ring->point_count);
            ring_area += ring->hole ? -a : a;
        }
        double tri_area = 0;
        for (int k = f->index_first; k < f->index_first + f->index_count; k += 3) {
            const uint32_t *t = m->indices + k;
            for (int c = 0; c < 3; c++)
                if (t[c] < lo || t[c] >= hi)
                    fail_msg("%s: triangle %d uses point %u outside the feature", f->id, k / 3, t[c]);
            double o = orient(m->points[t[0]], m->points[t[1]], m->points[t[2]]);
            if (!(o > 0))
                fail_msg("%s: triangle %d is not counter-clockwise (2A = %g)", f->id, k / 3, o);
            min_area = fmin(min_area, o / 2);
            tri_area += o / 2;
        }
        if (fabs(tri_area - ring_area) > 1e-6 * ring_area)
            fail_msg("%s: triangles cover %.3f km2, rings enclose %.3f km2", f->id, tri_area / 1e6, ring_area / 1e6);
        assert_true(fabs(f->area_km2 - tri_area / 1e6) <= 1e-9 * f->area_km2);
    }
    print_message("smallest triangle: %.1f m2\n", min_area);
}

static void test_hebei_excludes_beijing(void **state)
{
    const Map *m = ((Fixture *)*state)->map;
    int hebei = map_find(m, "hebei"), beijing = map_find(m, "beijing");
    assert_true(hebei >= 0 && beijing >= 0);
    const MapFeature *h = &m->features[hebei];
    int holes = 0;
    for (int r = h->ring_first; r < h->ring_first + h->ring_count; r++)
        holes += m->rings[r].hole;
    assert_int_equal(holes, 1);

    MapPoint label = m->features[beijing].label;
    assert_int_equal(map_feature_at(m, label), beijing);
    /* Beijing lies inside Hebei's bounding box, so only the hole keeps it out. */
    assert_true(label.x > h->bbox_min.x && label.x < h->bbox_max.x);
    assert_true(label.y > h->bbox_min.y && label.y < h->bbox_max.y);
    for (int k = h->index_first; k < h->index_first + h->index_count; k += 3) {
        const uint32_t *t = m->indices + k;
        assert_false(in_triangle(m->points[t[0]], m->points[t[1]], m->points[t[2]], label));
    }
    /* Beijing comes first in the file, so take it out of a copy of the map:
     * the point must then fall in Hebei's hole, i.e. nowhere. */
    Map copy = *m;
    copy.features = malloc((size_t)m->feature_count * sizeof *copy.features);
    assert_non_null(copy.features);
    copy.feature_count = 0;
    for (int i = 0; i < m->feature_count; i++)
        if (i != beijing)
            copy.features[copy.feature_count++] = m->features[i];
    assert_int_equal(map_feature_at(&copy, label), -1);
    assert_int_equal(map_feature_at(&copy, h->label), map_find(&copy, "hebei"));
    free(copy.features);
    /* Hebei's area excludes Beijing's (pyproj shoelace: 200,450.9 km2). */
    assert_true(fabs(h->area_km2 - 200450.9) < 1.0);
}

static void test_label_points_hit_their_feature(void **state)
{
    const Map *m = ((Fixture *)*state)->map;
    for (int i = 0; i < m->feature_count; i++) {
        int hit = map_feature_at(m, m->features[i].label);
        if (hit != i)
            fail_msg("label of %s hits %s", m->features[i].id, hit >= 0 ? m->features[hit].id : "nothing");
    }
    assert_int_equal(map_feature_at(m, (MapPoint){ 1e8, 1e8 }), -1);
    assert_int_equal(map_feature_at(m, (MapPoint){ NAN, 0 }), -1);
    /* The Yellow Sea, between Shandong and Korea. */
    assert_int_equal(map_feature_at(m, map_project(123.5, 35.5)), -1);
    assert_int_equal(map_feature_at(m, map_project(113.6, 34.75)), map_find(m, "henan"));      /* Zhengzhou */
    assert_int_equal(map_feature_at(m, map_project(121.47, 31.23)), map_find(m, "shanghai"));
    assert_int_equal(map_feature_at(m, map_project(114.17, 22.32)), map_find(m, "hong_kong"));
}

static void test_province_area_plausible(void **state)
{
    const Map *m = ((Fixture *)*state)->map;
    double total = 0;
    for (int i = 0; i < m->feature_count; i++)
        if (m->features[i].kind == MAP_KIND_PROVINCE)
            total += m->features[i].area_km2;
    print_message("28 provinces: %.1f km2\n", total);
    /* Equal-area projection: China without Taiwan is about 9.4-9.6 million km2. */
    assert_true(total > 9.3e6 && total < 9.8e6);
    /* The same shoelace over the rings projected by PROJ (pyproj, as above). */
    assert_true(fabs(total - 9374185.6) < 1.0);

    assert_true(m->bbox_min.x < m->bbox_max.x && m->bbox_min.y < m->bbox_max.y);
    assert_true(m->view_min.x <= m->bbox_min.x && m->view_min.y <= m->bbox_min.y);
    assert_true(m->view_max.x >= m->bbox_max.x && m->view_max.y >= m->bbox_max.y);
    /* SOURCES.md step 3: the context window is China's box grown by 8 %. */
    assert_true(m->view_min.x > -3.1e6 && m->view_max.x < 2.7e6);
    assert_true(m->view_min.y > 1.5e6 && m->view_max.y < 6.3e6);
}

/* The coarse copies keep every ring and feature, lose points, and still
 * cover each province's area: snapping shared border points alike leaves
 * neither cracks nor overlaps worth a fraction of a percent. */
static void test_levels_of_detail(void **state)
{
    const Map *m = ((Fixture *)*state)->map;
    int previous_points = m->point_count;
    double full_total = 0;
    for (int i = 0; i < N_PROVINCES; i++)
        full_total += m->features[i].area_km2;
    for (int lv = 0; lv < MAP_LOD_COUNT; lv++) {
        const MapLod *l = &m->lods[lv];
        assert_true(l->grid_m > 0 && (lv == 0 || l->grid_m > m->lods[lv - 1].grid_m));
        assert_int_equal(l->ring_count, m->ring_count);
        assert_true(l->point_count < previous_points);
        assert_true(l->index_count > 0 && l->index_count < m->index_count && l->index_count % 3 == 0);
        previous_points = l->point_count;
        int *feature_of = malloc(sizeof *feature_of * (size_t)l->point_count);
        double *area = calloc((size_t)m->feature_count, sizeof *area);
        for (int r = 0; r < l->ring_count; r++) {
            assert_int_equal(l->rings[r].feature, m->rings[r].feature);
            assert_int_equal(l->rings[r].hole, m->rings[r].hole);
            assert_true(l->rings[r].point_count >= 3);
            for (int k = 0; k < l->rings[r].point_count; k++)
                feature_of[l->rings[r].point_first + k] = l->rings[r].feature;
        }
        for (int k = 0; k < l->index_count; k += 3) {
            const uint32_t *t = l->indices + k;
            assert_true(t[0] < (uint32_t)l->point_count && t[1] < (uint32_t)l->point_count &&
                        t[2] < (uint32_t)l->point_count);
            assert_int_equal(feature_of[t[0]], feature_of[t[1]]);
            assert_int_equal(feature_of[t[0]], feature_of[t[2]]);
            double o = orient(l->points[t[0]], l->points[t[1]], l->points[t[2]]);
            assert_true(o > 0);
            area[feature_of[t[0]]] += o / 2 / 1e6;
        }
        double total = 0;
        for (int i = 0; i < N_PROVINCES; i++) {
            total += area[i];
            if (m->features[i].area_km2 > 50000 && fabs(area[i] / m->features[i].area_km2 - 1) > 0.02)
                fail_msg("grid %.0f m: %s covers %.0f km2 instead of %.0f", l->grid_m, m->features[i].id, area[i],
                         m->features[i].area_km2);
        }
        print_message("grid %.0f m: %d points, %d triangles, provinces %.0f km2 (full %.0f)\n", l->grid_m,
                      l->point_count, l->index_count / 3, total, full_total);
        assert_true(fabs(total / full_total - 1) < 0.005);
        free(feature_of);
        free(area);
    }
    /* The borders simplified by arc: the coarsest level keeps under half
     * the points (snapping alone kept three quarters). */
    assert_true(m->lods[MAP_LOD_COUNT - 1].point_count < m->point_count / 2);
}

/* Shared borders (map_borders.c), at the full geometry and every level:
 * among the segments over the same two points in one group, as many are
 * drawn by a neighbour as draw for one (each copy after the first of a
 * border is left to another); Henan and Hubei share a border; and no
 * segment pairs a province with a context feature (they are drawn in
 * different passes). */
typedef struct Seg {
    double ax, ay, bx, by; /* its points, ordered */
    int group, state, feature;
} Seg;

static int seg_order(const void *pa, const void *pb)
{
    const Seg *a = pa, *b = pb;
    const double ka[4] = {a->ax, a->ay, a->bx, a->by}, kb[4] = {b->ax, b->ay, b->bx, b->by};
    for (int i = 0; i < 4; i++)
        if (ka[i] != kb[i])
            return ka[i] < kb[i] ? -1 : 1;
    return a->group - b->group;
}

/* Returns the share of the provinces' border length drawn by one province
 * alone (the coast and the national border). */
static double check_segments(const Map *m, const MapPoint *pts, const MapRing *rings, int ring_count,
                             const uint8_t *seg, int point_count, const char *what)
{
    double alone_m = 0, all_m = 0;
    Seg *all = malloc(sizeof *all * (size_t)point_count);
    assert_non_null(all);
    int n = 0, others = 0, henan = map_find(m, "henan"), hubei = map_find(m, "hubei");
    for (int r = 0; r < ring_count; r++)
        for (int i = 0; i < rings[r].point_count; i++) {
            int s = rings[r].point_first + i;
            MapPoint a = pts[s], b = pts[rings[r].point_first + (i + 1) % rings[r].point_count];
            if (a.x > b.x || (a.x == b.x && a.y > b.y)) {
                MapPoint c = a;
                a = b;
                b = c;
            }
            assert_true(seg[s] <= MAP_SEGMENT_OTHERS);
            others += seg[s] == MAP_SEGMENT_OTHERS;
            if (map_border_group(m->features[rings[r].feature].kind) == 0 && seg[s] != MAP_SEGMENT_OTHERS) {
                double len = hypot(b.x - a.x, b.y - a.y);
                all_m += len;
                alone_m += seg[s] == MAP_SEGMENT_ALONE ? len : 0;
            }
            all[n++] = (Seg){a.x, a.y, b.x, b.y, map_border_group(m->features[rings[r].feature].kind), seg[s],
                             rings[r].feature};
        }
    qsort(all, (size_t)n, sizeof *all, seg_order);
    int henan_hubei = 0;
    for (int k = 0; k < n;) {
        int end = k, count[3] = {0, 0, 0};
        bool has_henan = false, has_hubei = false;
        for (; end < n && seg_order(&all[k], &all[end]) == 0; end++) {
            count[all[end].state]++;
            has_henan |= all[end].feature == henan;
            has_hubei |= all[end].feature == hubei;
        }
        if (count[MAP_SEGMENT_SHARED] != count[MAP_SEGMENT_OTHERS] || (count[MAP_SEGMENT_ALONE] > 0 && end - k == 2))
            fail_msg("%s: %s's segment (%.0f, %.0f)-(%.0f, %.0f): %d alone, %d drawing for another, %d drawn by one",
                     what, m->features[all[k].feature].id, all[k].ax, all[k].ay, all[k].bx, all[k].by,
                     count[MAP_SEGMENT_ALONE], count[MAP_SEGMENT_SHARED], count[MAP_SEGMENT_OTHERS]);
        henan_hubei += has_henan && has_hubei && count[MAP_SEGMENT_OTHERS] > 0;
        k = end;
    }
    print_message("%s: %d of %d segments drawn by a neighbour, %d of Henan and Hubei's\n", what, others, n,
                  henan_hubei);
    assert_true(others > n / 5); /* the provinces' borders are mostly shared */
    assert_true(henan_hubei > 10);
    free(all);
    return alone_m / all_m;
}

static void test_shared_borders(void **state)
{
    const Map *m = ((Fixture *)*state)->map;
    double full = check_segments(m, m->points, m->rings, m->ring_count, m->segments, m->point_count, "full");
    for (int lv = 0; lv < MAP_LOD_COUNT; lv++) {
        const MapLod *l = &m->lods[lv];
        char what[32];
        snprintf(what, sizeof what, "grid %.0f m", l->grid_m);
        double alone = check_segments(m, l->points, l->rings, l->ring_count, l->segments, l->point_count, what);
        /* A border the two provinces simplified differently would be two
         * lines drawn alone, and a crack between their fills: the share of
         * the length drawn alone stays the coast's and the frontier's. */
        print_message("%s: %.1f %% of the provinces' border length alone (full: %.1f %%)\n", what, 100 * alone,
                      100 * full);
        assert_true(fabs(alone - full) < 0.03);
    }
}

/* Two squares side by side and a third feature of the other group on the
 * same edge: the squares' common edge is drawn once (by the first), the
 * other group's copy draws its own, and a zero-length segment is alone. */
static void test_shared_borders_by_hand(void **state)
{
    (void)state;
    MapFeature f[3] = {{.kind = MAP_KIND_PROVINCE}, {.kind = MAP_KIND_PROVINCE}, {.kind = MAP_KIND_FOREIGN}};
    MapPoint p[] = {
        {0, 0}, {1, 0}, {1, 1}, {0, 1},         /* ring 0: the left square, counter-clockwise */
        {1, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 1}, /* ring 1: the right one, with a repeated point */
        {1, 1}, {1, 0}, {3, 0},                 /* ring 2: a foreign triangle on the common edge */
    };
    MapRing r[] = {{0, 4, false, 0}, {4, 5, false, 1}, {9, 3, false, 2}};
    uint8_t seg[12];
    assert_true(map_mark_shared(p, r, 3, f, 12, seg));
    /* The common edge: (1,0)-(1,1) is ring 0's segment 1 and ring 1's segment 4 (from (1,1) back to (1,0)). */
    const uint8_t want[12] = {MAP_SEGMENT_ALONE,  MAP_SEGMENT_SHARED, MAP_SEGMENT_ALONE, MAP_SEGMENT_ALONE,
                              MAP_SEGMENT_ALONE,  MAP_SEGMENT_ALONE,  MAP_SEGMENT_ALONE, MAP_SEGMENT_ALONE,
                              MAP_SEGMENT_OTHERS, MAP_SEGMENT_ALONE,  MAP_SEGMENT_ALONE, MAP_SEGMENT_ALONE};
    for (int i = 0; i < 12; i++)
        if (seg[i] != want[i])
            fail_msg("segment %d: %d, expected %d", i, seg[i], want[i]);
}

static double seconds_now(void)
{
    struct timespec ts;
    timespec_get(&ts, TIME_UTC);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void test_load_is_fast(void **state)
{
    Fixture *fx = *state;
    double best = INFINITY;
    for (int run = 0; run < 3; run++) {
        double t0 = seconds_now();
        char err[256];
        Map *m = map_load(fx->prov, fx->prov_len, fx->ctx, fx->ctx_len, err, sizeof err);
        double dt = seconds_now() - t0;
        assert_non_null(m);
        best = fmin(best, dt);
        if (run == 0)
            print_message("%d points, %d rings, %d triangles\n", m->point_count, m->ring_count, m->index_count / 3);
        map_destroy(m);
        assert_true(dt < 1.0);
    }
    print_message("load of both files: %.1f ms\n", best * 1e3);
}

/* ==== Triangulation of small polygons ==== */

typedef struct Poly {
    MapPoint pts[4096];
    MapRing rings[64];
    int npts, nrings;
} Poly;

static void poly_ring(Poly *p, const double *xy, int n)
{
    assert_true(p->npts + n <= 4096 && p->nrings < 64);
    p->rings[p->nrings++] = (MapRing){ .point_first = p->npts, .point_count = n, .hole = p->nrings > 0 };
    for (int i = 0; i < n; i++)
        p->pts[p->npts++] = (MapPoint){ xy[2 * i], xy[2 * i + 1] };
}

static bool poly_contains(const Poly *p, MapPoint q)
{
    bool inside = false;
    for (int r = 0; r < p->nrings; r++) {
        const MapPoint *v = p->pts + p->rings[r].point_first;
        int n = p->rings[r].point_count;
        for (int i = 0, j = n - 1; i < n; j = i++) {
            if ((v[i].y > q.y) != (v[j].y > q.y) &&
                q.x < (v[j].x - v[i].x) * (q.y - v[i].y) / (v[j].y - v[i].y) + v[i].x)
                inside = !inside;
        }
    }
    return inside;
}

/* Net area the rings enclose: outer minus holes, whatever their orientation. */
static double poly_area(const Poly *p)
{
    double a = 0;
    for (int r = 0; r < p->nrings; r++) {
        double ra = ring_area_abs(p->pts + p->rings[r].point_first, p->rings[r].point_count);
        a += r == 0 ? ra : -ra;
    }
    return a;
}

/* Triangulates p; checks that every triangle is counter-clockwise, that the
 * areas agree and that sample points are covered once inside, never outside.
 * Returns the triangle count. */
static int check_triangulation(const Poly *p, double rel_tol, int samples, uint32_t seed)
{
    MapIndexBuf buf = { 0 };
    assert_true(map_triangulate_polygon(p->pts, p->rings, p->nrings, &buf));
    assert_int_equal(buf.count % 3, 0);
    double area = 0;
    MapPoint lo = { INFINITY, INFINITY }, hi = { -INFINITY, -INFINITY };
    for (int i = 0; i < p->npts; i++) {
        lo.x = fmin(lo.x, p->pts[i].x);
        lo.y = fmin(lo.y, p->pts[i].y);
        hi.x = fmax(hi.x, p->pts[i].x);
        hi.y = fmax(hi.y, p->pts[i].y);
    }
    for (size_t k = 0; k < buf.count; k += 3) {
        for (int c = 0; c < 3; c++)
            assert_true(buf.v[k + c] < (uint32_t)p->npts);
        double o = orient(p->pts[buf.v[k]], p->pts[buf.v[k + 1]], p->pts[buf.v[k + 2]]);
        assert_true(o > 0);
        area += o / 2;
    }
    double want = poly_area(p);
    if (fabs(area - want) > rel_tol * fabs(want))
        fail_msg("triangles cover %.12g, polygon encloses %.12g", area, want);
    uint32_t s = seed;
    for (int i = 0; i < samples; i++) {
        s = s * 1664525u + 1013904223u;
        double u = (s >> 8) / 16777216.0;
        s = s * 1664525u + 1013904223u;
        double v = (s >> 8) / 16777216.0;
        MapPoint q = { lo.x + (hi.x - lo.x) * (u * 1.1 - 0.05), lo.y + (hi.y - lo.y) * (v * 1.1 - 0.05) };
        int cover = 0;
        for (size_t k = 0; k < buf.count; k += 3)
            cover += in_triangle(p->pts[buf.v[k]], p->pts[buf.v[k + 1]], p->pts[buf.v[k + 2]], q);
        if (cover != (poly_contains(p, q) ? 1 : 0))
            fail_msg("point (%g, %g) covered %d times, inside = %d", q.x, q.y, cover, poly_contains(p, q));
    }
    int n = (int)(buf.count / 3);
    free(buf.v);
    return n;
}

static void test_triangulate_square_with_hole(void **state)
{
    (void)state;
    static const double outer[] = { 0, 0, 10, 0, 10, 10, 0, 10 };
    static const double hole[] = { 3, 3, 3, 7, 7, 7, 7, 3 };     /* clockwise */
    Poly *p = calloc(1, sizeof *p);
    assert_non_null(p);
    poly_ring(p, outer, 4);
    poly_ring(p, hole, 4);
    assert_int_equal(check_triangulation(p, 1e-12, 2000, 1), 8);

    /* Either orientation, closing points repeated. */
    static const double outer_cw[] = { 0, 0, 0, 10, 10, 10, 10, 0, 0, 0 };
    static const double hole_ccw[] = { 3, 3, 7, 3, 7, 7, 3, 7, 3, 3 };
    memset(p, 0, sizeof *p);
    poly_ring(p, outer_cw, 5);
    poly_ring(p, hole_ccw, 5);
    assert_int_equal(check_triangulation(p, 1e-12, 2000, 2), 8);

    /* Collinear and repeated points along the edges change nothing. */
    static const double outer_busy[] = { 0, 0, 5, 0, 5, 0, 10, 0, 10, 5, 10, 10, 10, 10, 0, 10, 0, 7, 0, 3 };
    static const double hole_busy[] = { 3, 3, 3, 5, 3, 7, 7, 7, 7, 3, 5, 3 };
    memset(p, 0, sizeof *p);
    poly_ring(p, outer_busy, 10);
    poly_ring(p, hole_busy, 6);
    check_triangulation(p, 1e-12, 2000, 3);
    free(p);
}

static void test_triangulate_u_shape(void **state)
{
    (void)state;
    static const double u[] = { 0, 0, 6, 0, 6, 6, 4, 6, 4, 2, 2, 2, 2, 6, 0, 6 };
    Poly *p = calloc(1, sizeof *p);
    assert_non_null(p);
    poly_ring(p, u, 8);
    assert_int_equal(check_triangulation(p, 1e-12, 2000, 4), 6);
    /* Reversed (clockwise) input gives the same cover. */
    double rev[16];
    for (int i = 0; i < 8; i++) {
        rev[2 * i] = u[2 * (7 - i)];
        rev[2 * i + 1] = u[2 * (7 - i) + 1];
    }
    memset(p, 0, sizeof *p);
    poly_ring(p, rev, 8);
    assert_int_equal(check_triangulation(p, 1e-12, 2000, 5), 6);
    free(p);
}

/* A 5x5 grid of square holes: aligned coordinates everywhere, so rays from
 * the holes hit vertices and earlier bridges exactly. */
static void test_triangulate_grid_of_holes(void **state)
{
    (void)state;
    Poly *p = calloc(1, sizeof *p);
    assert_non_null(p);
    static const double outer[] = { 0, 0, 11, 0, 11, 11, 0, 11 };
    poly_ring(p, outer, 4);
    for (int i = 0; i < 5; i++) {
        for (int j = 0; j < 5; j++) {
            double x = 1 + 2 * i, y = 1 + 2 * j;
            double hole[] = { x, y, x, y + 1, x + 1, y + 1, x + 1, y };
            poly_ring(p, hole, 4);
        }
    }
    check_triangulation(p, 1e-12, 4000, 6);
    /* Diamonds whose rightmost vertices share a y with the next hole's left. */
    memset(p, 0, sizeof *p);
    poly_ring(p, outer, 4);
    for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 4; j++) {
            double x = 1.5 + 2.5 * i, y = 1.5 + 2.5 * j;
            double hole[] = { x - 1, y, x, y + 1, x + 1, y, x, y - 1 };
            poly_ring(p, hole, 4);
        }
    }
    check_triangulation(p, 1e-12, 4000, 7);
    free(p);
}

/* Random star-shaped polygons (simple by construction) with a star-shaped
 * hole in the middle and four smaller ones around it. */
static void test_triangulate_random_polygons(void **state)
{
    (void)state;
    Poly *p = calloc(1, sizeof *p);
    assert_non_null(p);
    uint32_t s = 12345;
#define RND() ((s = s * 1664525u + 1013904223u), (s >> 8) / 16777216.0)
    for (int iter = 0; iter < 150; iter++) {
        memset(p, 0, sizeof *p);
        double xy[2 * 600];
        int n = 3 + (int)(RND() * 400);
        for (int i = 0; i < n; i++) {
            double a = 2 * 3.14159265358979 * (i + 0.9 * RND()) / n, r = 50 + 50 * RND();
            xy[2 * i] = 1e6 + r * cos(a) * 1e3;   /* metres, offset like the map */
            xy[2 * i + 1] = 3e6 + r * sin(a) * 1e3;
        }
        poly_ring(p, xy, n);
        int holes = iter % 3 == 0 ? 0 : iter % 3 == 1 ? 1 : 5;
        for (int h = 0; h < holes; h++) {
            double cx = h == 0 ? 0 : h == 1 ? 32 : h == 2 ? -32 : 0;
            double cy = h == 3 ? 32 : h == 4 ? -32 : 0;
            double rmin = h == 0 ? 5 : 3, rmax = h == 0 ? 20 : 8;
            int m = 3 + (int)(RND() * 60);
            for (int i = 0; i < m; i++) {
                double a = -2 * 3.14159265358979 * (i + 0.9 * RND()) / m, r = rmin + (rmax - rmin) * RND();
                xy[2 * i] = 1e6 + (cx + r * cos(a)) * 1e3;
                xy[2 * i + 1] = 3e6 + (cy + r * sin(a)) * 1e3;
            }
            poly_ring(p, xy, m);
        }
        check_triangulation(p, 1e-9, 300, (uint32_t)iter);
    }
#undef RND
    free(p);
}

static void test_triangulate_degenerate_input(void **state)
{
    (void)state;
    Poly *p = calloc(1, sizeof *p);
    assert_non_null(p);
    MapIndexBuf buf = { 0 };

    /* Bow-tie (self-intersecting): anything counter-clockwise, no crash. */
    static const double bowtie[] = { 0, 0, 2, 2, 2, 0, 0, 2 };
    poly_ring(p, bowtie, 4);
    assert_true(map_triangulate_polygon(p->pts, p->rings, p->nrings, &buf));
    for (size_t k = 0; k < buf.count; k += 3)
        assert_true(orient(p->pts[buf.v[k]], p->pts[buf.v[k + 1]], p->pts[buf.v[k + 2]]) > 0);

    /* All collinear, all one point, two points: no triangles. */
    static const double line[] = { 0, 0, 1, 1, 2, 2, 3, 3, 1, 1 };
    static const double dot[] = { 5, 5, 5, 5, 5, 5, 5, 5 };
    static const double two[] = { 0, 0, 1, 0 };
    const struct {
        const double *xy;
        int n;
    } empty[] = { { line, 5 }, { dot, 4 }, { two, 2 } };
    for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++) {
        memset(p, 0, sizeof *p);
        poly_ring(p, empty[i].xy, empty[i].n);
        buf.count = 0;
        assert_true(map_triangulate_polygon(p->pts, p->rings, p->nrings, &buf));
        assert_int_equal(buf.count, 0);
    }

    /* A square with an antenna (a spike of zero area) is covered exactly. */
    static const double antenna[] = { 0, 0, 4, 0, 4, 2, 6, 2, 4, 2, 4, 4, 0, 4 };
    memset(p, 0, sizeof *p);
    poly_ring(p, antenna, 7);
    check_triangulation(p, 1e-12, 1000, 8);

    /* A hole touching the outer ring at a point. */
    static const double sq[] = { 0, 0, 10, 0, 10, 10, 0, 10 };
    static const double touch[] = { 10, 5, 7, 4, 7, 6 };
    memset(p, 0, sizeof *p);
    poly_ring(p, sq, 4);
    poly_ring(p, touch, 3);
    check_triangulation(p, 1e-12, 2000, 9);

    /* A hole outside the outer ring is ignored, without crashing. */
    static const double far_hole[] = { 20, 20, 20, 21, 21, 21 };
    memset(p, 0, sizeof *p);
    poly_ring(p, sq, 4);
    poly_ring(p, far_hole, 3);
    buf.count = 0;
    assert_true(map_triangulate_polygon(p->pts, p->rings, p->nrings, &buf));

    /* Random self-intersecting scribbles terminate quickly. */
    uint32_t s = 99;
    for (int iter = 0; iter < 20; iter++) {
        memset(p, 0, sizeof *p);
        double xy[2 * 500];
        for (int i = 0; i < 500; i++) {
            s = s * 1664525u + 1013904223u;
            xy[2 * i] = (s >> 20) % 64;       /* a coarse lattice: many repeats and collinear runs */
            s = s * 1664525u + 1013904223u;
            xy[2 * i + 1] = (s >> 20) % 64;
        }
        poly_ring(p, xy, 500);
        buf.count = 0;
        assert_true(map_triangulate_polygon(p->pts, p->rings, p->nrings, &buf));
        for (size_t k = 0; k < buf.count; k += 3)
            assert_true(orient(p->pts[buf.v[k]], p->pts[buf.v[k + 1]], p->pts[buf.v[k + 2]]) > 0);
    }
    free(buf.v);
    free(p);
}

/* ==== The JSON parser ==== */

static MapJsonDoc *parse_exact(const char *text, size_t len, char *err, size_t cap)
{
    char *b = exact_copy(text, len);
    MapJsonDoc *d = map_json_parse(b, len, "t.json", err, cap);
    free(b);
    return d;
}

static void test_json_strings_and_numbers(void **state)
{
    (void)state;
    char err[256];
    static const char text[] =
        "{\"a\": \"\\\"\\\\\\/\\b\\f\\n\\r\\t\", \"b\": \"\\u00e9\\u4e2d\\ud83d\\ude00\", \"c\": \"x\\u0000y\","
        " \"d\": \"\xe4\xb8\xad\", \"n\": [-0, 1e3, 1.5E-2, -12.25, 123456789012345678901234567890],"
        " \"t\": [true, false, null, {}, []]}";
    MapJsonDoc *d = parse_exact(text, sizeof text - 1, err, sizeof err);
    if (!d)
        fail_msg("%s", err);
    const MapJsonValue *root = map_json_root(d);
    const MapJsonValue *a = map_json_get(root, "a"), *b = map_json_get(root, "b");
    assert_string_equal(a->as.string.chars, "\"\\/\b\f\n\r\t");
    assert_string_equal(b->as.string.chars, "\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80");
    const MapJsonValue *c = map_json_get(root, "c");
    assert_int_equal(c->as.string.len, 3);
    assert_memory_equal(c->as.string.chars, "x\0y", 3);
    assert_string_equal(map_json_get(root, "d")->as.string.chars, "\xe4\xb8\xad");
    const MapJsonValue *n = map_json_get(root, "n");
    assert_int_equal(n->as.list.count, 5);
    const MapJsonValue *v = n->as.list.first;
    assert_true(v->as.number == 0 && signbit(v->as.number));
    assert_true(v->next->as.number == 1000);
    assert_true(v->next->next->as.number == 0.015);
    assert_true(v->next->next->next->as.number == -12.25);
    assert_true(fabs(v->next->next->next->next->as.number - 1.2345678901234568e29) < 1e14);
    const MapJsonValue *t = map_json_get(root, "t")->as.list.first;
    assert_int_equal(t->type, MAP_JSON_TRUE);
    assert_int_equal(t->next->type, MAP_JSON_FALSE);
    assert_int_equal(t->next->next->type, MAP_JSON_NULL);
    assert_int_equal(t->next->next->next->type, MAP_JSON_OBJECT);
    assert_int_equal(t->next->next->next->next->type, MAP_JSON_ARRAY);
    assert_null(map_json_get(root, "missing"));
    assert_null(map_json_get(n, "a"));
    map_json_destroy(d);

    /* Only `len` bytes count: "[12]3" with len 4 is [12]; "123" with len 2 is 12. */
    d = map_json_parse("[12]3", 4, "t.json", err, sizeof err);
    assert_non_null(d);
    assert_true(map_json_root(d)->as.list.first->as.number == 12);
    map_json_destroy(d);
    d = map_json_parse("123", 2, "t.json", err, sizeof err);
    assert_non_null(d);
    assert_true(map_json_root(d)->as.number == 12);
    map_json_destroy(d);
    d = map_json_parse("[12]3", 5, "t.json", err, sizeof err);
    assert_null(d);

    /* Lines are counted for messages. */
    d = parse_exact("{\n\"a\": 1,\n\"b\": tru }", 20, err, sizeof err);
    assert_null(d);
    assert_non_null(strstr(err, "t.json: line 3: "));
    map_json_destroy(NULL);
}

static void test_json_refuses_bad_syntax(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "", " ", "[1,]", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "{a:1}", "{'a':1}", "[01]", "[1.]", "[.5]",
        "[+1]", "[-]", "[1e]", "[1e+]", "[NaN]", "[Infinity]", "[1e999]", "[tru]", "[nul]", "[\"abc]",
        "[\"a\\x\"]", "[\"\\u12\"]", "[\"\\u12g4\"]", "[\"\\ud800\"]", "[\"\\udc00\"]", "[\"\\ud800\\u0041\"]",
        "[\"a\tb\"]", "[\"a\nb\"]", "[\"\xff\"]", "[\"\xc0\xaf\"]", "[\"\xed\xa0\x80\"]", "[\"\xf4\x90\x80\x80\"]",
        "[\"\xe4\xb8\"]", "[1] x", "[1]]", "{\"a\":1}}", "[/* c */ 1]", "// c\n[1]", "[1,,2]", "{,}", "{\"a\"}",
        "\"\\", "[\"\\",
        /* 150 digits: valid JSON, but longer than the parser copies. */
        ("[1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"
         "12345678901234567890123456789012345678901234567890]"),
    };
    char err[256];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err[0] = '\0';
        MapJsonDoc *d = parse_exact(bad[i], strlen(bad[i]), err, sizeof err);
        if (d)
            fail_msg("accepted bad JSON #%zu: %s", i, bad[i]);
        if (strncmp(err, "t.json: line ", 13) != 0)
            fail_msg("bad message for #%zu: '%s'", i, err);
    }
    /* A NUL byte inside a string is a control character. */
    assert_null(parse_exact("[\"a\0b\"]", 7, err, sizeof err));
    /* NULL error buffer is allowed. */
    assert_null(parse_exact("[", 1, NULL, 0));
}

static void test_json_nesting_is_bounded(void **state)
{
    (void)state;
    char err[256];
    size_t deep = 200000;
    char *b = malloc(2 * deep);
    assert_non_null(b);
    memset(b, '[', deep);
    memset(b + deep, ']', deep);
    assert_null(map_json_parse(b, 2 * deep, "t.json", err, sizeof err));
    assert_non_null(strstr(err, "nested deeper than 64"));
    /* Exactly 64 levels are fine, 65 are not. */
    memcpy(b + 64, b + deep, 64);
    MapJsonDoc *d = map_json_parse(b, 128, "t.json", err, sizeof err);
    if (!d)
        fail_msg("%s", err);
    map_json_destroy(d);
    memset(b, '[', 65);
    memcpy(b + 65, b + deep, 65);
    assert_null(map_json_parse(b, 130, "t.json", err, sizeof err));
    /* Objects count too. */
    for (size_t i = 0; i < 70; i++)
        memcpy(b + 5 * i, "{\"a\":", 5);
    assert_null(map_json_parse(b, 350, "t.json", err, sizeof err));
    assert_non_null(strstr(err, "nested deeper than 64"));
    free(b);
}

/* ==== Malformed GeoJSON ==== */

/* A minimal valid pair: one province with a hole, one context feature. No
 * trailing whitespace, so every proper prefix is invalid. */
static const char small_prov[] =
    "{\"type\":\"FeatureCollection\",\"features\":[\n"
    "{\"type\":\"Feature\",\"id\":\"a\",\"properties\":{\"id\":\"alpha\",\"name_en\":\"Alpha\","
    "\"name_zh\":\"\\u7532\",\"kind\":\"province\",\"label_lon\":100.5,\"label_lat\":30.5,\"note\":\"\"},\n"
    "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[100,30],[102,30],[102,32],[100,32],[100,30]],"
    "[[101,31],[101,31.5],[101.5,31.5],[101.5,31],[101,31]]]}}]}";
static const char small_ctx[] =
    "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"id\":\"beta\","
    "\"name_en\":\"Beta\",\"name_zh\":\"\xe4\xb9\x99\",\"kind\":\"foreign\",\"label_lon\":110.5,\"label_lat\":40.5},"
    "\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[[[[110,40],[111,40],[111,41],[110,40]]]]}}]}";

static Map *load_exact(const char *prov, size_t prov_len, const char *ctx, size_t ctx_len, char *err, size_t cap)
{
    char *p = exact_copy(prov, prov_len), *c = exact_copy(ctx, ctx_len);
    Map *m = map_load(p, prov_len, c, ctx_len, err, cap);
    free(p);
    free(c);
    return m;
}

static void test_small_pair_loads(void **state)
{
    (void)state;
    char err[256];
    Map *m = load_exact(small_prov, sizeof small_prov - 1, small_ctx, sizeof small_ctx - 1, err, sizeof err);
    if (!m)
        fail_msg("%s", err);
    assert_int_equal(m->feature_count, 2);
    assert_string_equal(m->features[0].id, "alpha");
    assert_string_equal(m->features[0].name_zh, "\xe7\x94\xb2");
    assert_int_equal(m->features[0].ring_count, 2);
    assert_true(m->rings[1].hole);
    assert_int_equal(m->rings[0].point_count, 4);
    assert_int_equal(m->features[0].index_count, 3 * 8);
    assert_int_equal(m->features[1].kind, MAP_KIND_FOREIGN);
    assert_int_equal(m->features[1].index_count, 3);
    assert_int_equal(map_feature_at(m, map_project(101.25, 31.25)), -1);   /* in the hole */
    assert_int_equal(map_feature_at(m, map_project(100.2, 30.2)), 0);
    assert_int_equal(map_feature_at(m, map_project(110.8, 40.2)), 1);
    assert_true(m->view_max.y > m->bbox_max.y);
    map_destroy(m);
    map_destroy(NULL);
}

static void expect_refused(const char *prov, size_t prov_len, const char *ctx, size_t ctx_len, const char *name,
                           const char *what)
{
    char err[256];
    strcpy(err, "untouched");
    Map *m = load_exact(prov, prov_len, ctx, ctx_len, err, sizeof err);
    if (m) {
        map_destroy(m);
        fail_msg("accepted: %s", what);
    }
    char prefix[64];
    snprintf(prefix, sizeof prefix, "%s: line ", name);
    if (strncmp(err, prefix, strlen(prefix)) != 0)
        fail_msg("%s: message '%s' does not start with '%s'", what, err, prefix);
}

static void test_truncated_files_refused(void **state)
{
    Fixture *fx = *state;
    const size_t sp = sizeof small_prov - 1, sc = sizeof small_ctx - 1;
    for (size_t n = 0; n < sp; n++)
        expect_refused(small_prov, n, small_ctx, sc, "provinces-1958.geojson", "truncated small provinces");
    for (size_t n = 0; n < sc; n++)
        expect_refused(small_prov, sp, small_ctx, n, "context.geojson", "truncated small context");
    /* The real files end in "]}\n": every cut before the final '}' is invalid. */
    for (int k = 0; k < 40; k++) {
        size_t n = (fx->prov_len - 2) * (size_t)k / 40 + (size_t)k % 7;
        expect_refused(fx->prov, n, small_ctx, sc, "provinces-1958.geojson", "truncated real provinces");
        n = (fx->ctx_len - 2) * (size_t)k / 40 + (size_t)k % 5;
        expect_refused(small_prov, sp, fx->ctx, n, "context.geojson", "truncated real context");
    }
    expect_refused(fx->prov, fx->prov_len - 2, small_ctx, sc, "provinces-1958.geojson", "real provinces - 2");
    char err[64];
    assert_null(map_load(NULL, 0, NULL, 0, err, sizeof err));
    assert_true(err[0] != '\0');
    /* No error buffer: still works, and still fails cleanly. */
    Map *m = load_exact(small_prov, sp, small_ctx, sc, NULL, 0);
    assert_non_null(m);
    map_destroy(m);
    assert_null(load_exact(small_prov, sp - 1, small_ctx, sc, NULL, 0));
}

/* Replaces the first `from` in `text` with `to`. */
static char *mutate(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    assert_non_null(at);
    size_t head = (size_t)(at - text), fl = strlen(from), tl = strlen(to), len = strlen(text);
    char *out = malloc(len - fl + tl + 1);
    assert_non_null(out);
    memcpy(out, text, head);
    memcpy(out + head, to, tl);
    memcpy(out + head + tl, at + fl, len - head - fl + 1);
    return out;
}

static void test_wrong_geojson_refused(void **state)
{
    (void)state;
    static const struct {
        bool ctx;                   /* mutate the context file, not the provinces */
        const char *from, *to;
    } cases[] = {
        { false, "{\"type\":\"FeatureCollection\",\"features\":[", "[[" },
        { false, "\"FeatureCollection\"", "\"Collection\"" },
        { false, "\"type\":\"FeatureCollection\",", "" },
        { false, "\"features\":[", "\"features\":{\"x\":[" },
        { false, "\"type\":\"Feature\",\"id\"", "\"type\":\"Fish\",\"id\"" },
        { false, "\"id\":\"alpha\"", "\"id\":5" },
        { false, "\"id\":\"alpha\"", "\"id\":\"\"" },
        { false, "\"id\":\"alpha\"", "\"id\":\"Alpha\"" },
        { false, "\"id\":\"alpha\"", "\"id\":\"al pha\"" },
        { false, "\"id\":\"alpha\"", "\"id\":\"a123456789012345678901234567890123456789\"" },
        { true, "\"id\":\"beta\"", "\"id\":\"alpha\"" },
        { false, "\"name_en\":\"Alpha\",", "" },
        { false, "\"name_en\":\"Alpha\"",
          "\"name_en\":\"Alpha Alpha Alpha Alpha Alpha Alpha Alpha Alpha Alpha Alpha Alpha Alpha Alpha\"" },
        { false, "\"name_zh\":\"\\u7532\",", "" },
        { false, "\"name_zh\":\"\\u7532\"", "\"name_zh\":null" },
        { false, "\"name_zh\":\"\\u7532\"", "\"name_zh\":\"\\u7532\\u0000\"" },
        { false, "\"kind\":\"province\"", "\"kind\":\"kingdom\"" },
        { false, "\"kind\":\"province\"", "\"kind\":\"foreign\"" },
        { true, "\"kind\":\"foreign\"", "\"kind\":\"province\"" },
        { false, "\"kind\":\"province\"", "\"kind\":[\"province\"]" },
        { false, "\"label_lon\":100.5", "\"label_lon\":\"100.5\"" },
        { false, "\"label_lon\":100.5,", "" },
        { false, "\"label_lat\":30.5", "\"label_lat\":95" },
        { false, "\"properties\":{", "\"properties\":[{" },
        { false, "\"type\":\"Polygon\"", "\"type\":\"Point\"" },
        { false, "\"type\":\"Polygon\"", "\"type\":\"MultiPolygon\"" },
        { false, "\"coordinates\":[[[100,30]", "\"coordinates\":{\"a\":[[[100,30]" },
        { false, "\"coordinates\":[[[100,30],[102,30],[102,32],[100,32],[100,30]]",
          "\"coordinates\":[[[100,30],[102,30],[100,30]]" },
        { false, "[100,32],[100,30]]", "[100,32],[100,30.1]]" },
        { false, "[102,32]", "[102]" },
        { false, "[102,32]", "[102,32,0,0]" },
        { false, "[102,32]", "[\"102\",32]" },
        { false, "[102,32]", "[202,32]" },
        { false, "[102,32]", "[102,-91]" },
        { false, "\"coordinates\":[[[100,30]", "\"coordinates\":[[[[100,30]" },
        { false, "\"coordinates\":[[", "\"coordinates\":[7,[" },
        { false, "[[100,30],[102,30]", "[7,[100,30],[102,30]" },
        { false, "\"geometry\":{", "\"geometry\":null,\"g\":{" },
        { true, "\"coordinates\":[[[[110,40]", "\"coordinates\":[[[[110,40]]],[[[110,40]" },
        { true, "\"coordinates\":[[[[110,40],[111,40],[111,41],[110,40]]]]", "\"coordinates\":[]" },
        { true, "\"features\":[{", "\"features\":[7,{" },
    };
    const size_t sp = sizeof small_prov - 1, sc = sizeof small_ctx - 1;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char what[64];
        snprintf(what, sizeof what, "case %zu", i);
        char *bad = mutate(cases[i].ctx ? small_ctx : small_prov, cases[i].from, cases[i].to);
        if (cases[i].ctx)
            expect_refused(small_prov, sp, bad, strlen(bad), "context.geojson", what);
        else
            expect_refused(bad, strlen(bad), small_ctx, sc, "provinces-1958.geojson", what);
        free(bad);
    }
    /* Deep nesting in either file. */
    size_t deep = 100000;
    char *nest = malloc(deep);
    assert_non_null(nest);
    memset(nest, '[', deep);
    expect_refused(nest, deep, small_ctx, sc, "provinces-1958.geojson", "deep provinces");
    memset(nest, '{', deep);
    expect_refused(small_prov, sp, nest, deep, "context.geojson", "deep context");
    free(nest);
    /* No provinces at all. */
    static const char none[] = "{\"type\":\"FeatureCollection\",\"features\":[]}";
    expect_refused(none, sizeof none - 1, small_ctx, sc, "provinces-1958.geojson", "no provinces");
    /* An empty context is fine. */
    char err[256];
    Map *m = load_exact(small_prov, sp, none, sizeof none - 1, err, sizeof err);
    if (!m)
        fail_msg("%s", err);
    assert_int_equal(m->feature_count, 1);
    map_destroy(m);
}

static void test_messages_name_file_and_line(void **state)
{
    (void)state;
    char err[256];
    char *bad = mutate(small_prov, "\"kind\":\"province\"", "\"kind\":\"kingdom\"");
    Map *m = load_exact(bad, strlen(bad), small_ctx, sizeof small_ctx - 1, err, sizeof err);
    free(bad);
    assert_null(m);
    assert_string_equal(err, "provinces-1958.geojson: line 2: feature 'alpha': unknown kind \"kingdom\"");
    bad = mutate(small_prov, "[101,31],[101,31.5]", "[101,31],[101,31.5,\"x\"]");
    m = load_exact(bad, strlen(bad), small_ctx, sizeof small_ctx - 1, err, sizeof err);
    free(bad);
    assert_null(m);
    assert_non_null(strstr(err, "provinces-1958.geojson: line 3: feature 'alpha': "));
    /* Truncated messages stay terminated. */
    char tiny[12];
    assert_null(load_exact(small_prov, 10, small_ctx, 10, tiny, sizeof tiny));
    assert_int_equal(strlen(tiny), sizeof tiny - 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_project_matches_proj_reference),
        cmocka_unit_test(test_load_every_feature),
        cmocka_unit_test(test_triangles_cover_rings_exactly),
        cmocka_unit_test(test_hebei_excludes_beijing),
        cmocka_unit_test(test_label_points_hit_their_feature),
        cmocka_unit_test(test_province_area_plausible),
        cmocka_unit_test(test_load_is_fast),
        cmocka_unit_test(test_levels_of_detail),
        cmocka_unit_test(test_shared_borders),
        cmocka_unit_test(test_shared_borders_by_hand),
        cmocka_unit_test(test_triangulate_square_with_hole),
        cmocka_unit_test(test_triangulate_u_shape),
        cmocka_unit_test(test_triangulate_grid_of_holes),
        cmocka_unit_test(test_triangulate_random_polygons),
        cmocka_unit_test(test_triangulate_degenerate_input),
        cmocka_unit_test(test_json_strings_and_numbers),
        cmocka_unit_test(test_json_refuses_bad_syntax),
        cmocka_unit_test(test_json_nesting_is_bounded),
        cmocka_unit_test(test_small_pair_loads),
        cmocka_unit_test(test_truncated_files_refused),
        cmocka_unit_test(test_wrong_geojson_refused),
        cmocka_unit_test(test_messages_name_file_and_line),
    };
    return cmocka_run_group_tests_name("map", tests, group_setup, group_teardown);
}
