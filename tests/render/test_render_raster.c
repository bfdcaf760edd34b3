/* render_raster.c: the software renderer's map triangles, written straight
 * into pixels (issue 16). Triangles that share an edge cover each pixel
 * along it once: no gap, and no pixel blended twice; the clip holds; the
 * pixels a triangle covers are those whose centres it contains. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

#include "render_internal.h"

static RenderPixels pixels_of(SDL_Surface *s, SDL_Rect clip)
{
    SDL_FillRect(s, NULL, SDL_MapRGB(s->format, 0, 0, 0));
    return (RenderPixels){s, s->pixels, s->pitch, s->format, clip};
}

static uint32_t at(const SDL_Surface *s, int x, int y)
{
    return ((const uint32_t *)((const uint8_t *)s->pixels + y * s->pitch))[x];
}

static SDL_Vertex vert(float x, float y, SDL_Color c) { return (SDL_Vertex){{x, y}, c, {0, 0}}; }

/* A fan of triangles around (cx, cy), blended at half alpha over black:
 * every pixel inside is blended exactly once, so all have one value. */
static void fan(SDL_Surface *s, int pieces, float cx, float cy, float radius)
{
    SDL_Color half = {255, 255, 255, 128};
    SDL_Vertex v[65];
    int idx[192];
    v[0] = vert(cx, cy, half);
    for (int i = 0; i < pieces; i++) {
        double a = 2 * M_PI * i / pieces + 0.1;
        v[1 + i] = vert(cx + radius * (float)cos(a), cy + radius * (float)sin(a), half);
        idx[3 * i] = 0;
        idx[3 * i + 1] = 1 + i;
        idx[3 * i + 2] = 1 + (i + 1) % pieces;
    }
    RenderPixels px = pixels_of(s, (SDL_Rect){0, 0, s->w, s->h});
    render_raster_triangles(&px, v, idx, 3 * pieces, true);
}

static void test_shared_edges_cover_each_pixel_once(void **state)
{
    (void)state;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 200, 200, 32, SDL_PIXELFORMAT_RGB888);
    assert_non_null(s);
    for (int pieces = 3; pieces <= 64; pieces *= 2) {
        fan(s, pieces, 100.3f, 99.7f, 80.0f);
        uint32_t black = SDL_MapRGB(s->format, 0, 0, 0), once = SDL_MapRGB(s->format, 128, 128, 128);
        int inside = 0;
        for (int y = 0; y < s->h; y++)
            for (int x = 0; x < s->w; x++) {
                uint32_t p = at(s, x, y);
                if (p != black && p != once)
                    fail_msg("%d pieces: pixel %d,%d is %08x: blended twice or wrongly", pieces, x, y, p);
                /* Well inside the polygon (its inner circle less a pixel): no gap. */
                double d = hypot(x + 0.5 - 100.3, y + 0.5 - 99.7);
                if (d < 80.0 * cos(M_PI / pieces) - 1.5 && p != once)
                    fail_msg("%d pieces: pixel %d,%d inside is not covered", pieces, x, y);
                inside += p == once;
            }
        /* The area covered is the polygon's, to within its perimeter. */
        double area = 0.5 * pieces * 80.0 * 80.0 * sin(2 * M_PI / pieces);
        assert_true(fabs(inside - area) < 2 * M_PI * 80.0 * 0.5 + 4);
    }
    SDL_FreeSurface(s);
}

static void test_clip_and_centres(void **state)
{
    (void)state;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 40, 30, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    SDL_Color red = {255, 0, 0, 255};
    /* A rectangle from (2.5, 3.5) to (30.5, 20.5) in two triangles: exactly
     * the pixels x 2..29, y 3..19 have their centres inside. */
    SDL_Vertex v[4] = {vert(2.5f, 3.5f, red), vert(30.5f, 3.5f, red), vert(30.5f, 20.5f, red), vert(2.5f, 20.5f, red)};
    int idx[6] = {0, 1, 2, 0, 2, 3};
    RenderPixels px = pixels_of(s, (SDL_Rect){0, 0, 40, 30});
    render_raster_triangles(&px, v, idx, 6, false);
    uint32_t r = SDL_MapRGBA(s->format, 255, 0, 0, 255);
    for (int y = 0; y < 30; y++)
        for (int x = 0; x < 40; x++)
            if ((at(s, x, y) == r) != (x >= 2 && x <= 29 && y >= 3 && y <= 19))
                fail_msg("pixel %d,%d: %08x", x, y, at(s, x, y));
    /* The clip (10, 5, 8, 4) leaves everything else as it was. */
    px = pixels_of(s, (SDL_Rect){10, 5, 8, 4});
    render_raster_triangles(&px, v, idx, 6, false);
    for (int y = 0; y < 30; y++)
        for (int x = 0; x < 40; x++)
            assert_int_equal(at(s, x, y) == r, x >= 10 && x < 18 && y >= 5 && y < 9);
    SDL_FreeSurface(s);
}

/* Vertices far off the screen, at infinity or not numbers (a degenerate
 * view) draw nothing outside the clip and do not crash. */
static void test_wild_vertices(void **state)
{
    (void)state;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 64, 48, 32, SDL_PIXELFORMAT_RGB888);
    assert_non_null(s);
    SDL_Color c = {10, 200, 30, 255};
    const float wild[] = {NAN, INFINITY, -INFINITY, 1e30f, -1e30f, 3e9f};
    for (size_t i = 0; i < sizeof wild / sizeof wild[0]; i++) {
        SDL_Vertex v[3] = {vert(wild[i], 5, c), vert(30, wild[i], c), vert(10, 40, c)};
        int idx[3] = {0, 1, 2};
        RenderPixels px = pixels_of(s, (SDL_Rect){8, 8, 40, 30});
        render_raster_triangles(&px, v, idx, 3, false);
        c.a = 128;
        render_raster_triangles(&px, v, idx, 3, true);
        c.a = 255;
        MapRing ring = {0, 3, false, 0};
        assert_true(render_raster_polygon(&px, v, &ring, 1, c));
        render_raster_fade(&px, (SDL_FRect){wild[i], 0, 50, wild[i]}, 10, c);
        uint32_t black = SDL_MapRGB(s->format, 0, 0, 0);
        for (int y = 0; y < 48; y++)
            for (int x = 0; x < 64; x++)
                if (!(x >= 8 && x < 48 && y >= 8 && y < 38) && at(s, x, y) != black)
                    fail_msg("value %g: pixel %d,%d outside the clip drawn", (double)wild[i], x, y);
    }
    SDL_FreeSurface(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shared_edges_cover_each_pixel_once),
        cmocka_unit_test(test_clip_and_centres),
        cmocka_unit_test(test_wild_vertices),
    };
    return cmocka_run_group_tests_name("render_raster", tests, NULL, NULL);
}
