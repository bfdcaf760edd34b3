/* The fills the map's ground is made of (render.c): render_fill_around
 * writes every pixel of its outer rectangle once, render_fill_outside the
 * same but its inner rectangle, which it leaves as it was; and a plain fill
 * reaches the frame's edges. An empty strip (the inner rectangle reaching an edge of the
 * outer one) draws nothing: SDL draws an empty rectangle a pixel wide, and
 * the game screen's sea under the map showed a row of ground. At a
 * fractional scale, so that no edge is a whole pixel by chance. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "../support/offscreen.h"

#define W 320
#define H 180
#define SCALE 1.5f

static const RenderColor sea = {10, 20, 200, 255}, ground = {200, 180, 20, 255}, paper = {240, 240, 230, 255};

static uint32_t mapped(const Offscreen *o, RenderColor c)
{
    return SDL_MapRGBA(o->surface->format, c.r, c.g, c.b, c.a);
}

static Offscreen open_scaled(void)
{
    Offscreen o = offscreen_open(W, H, NULL);
    render_resize(o.r, W, H, SCALE * 1280.0f / W); /* the layout's scale is the interface's times W / 1280 */
    assert_float_equal(render_scale(o.r), SCALE, 1e-6);
    return o;
}

/* The outer rectangle, logical px, and an inner one sticking out of its
 * top and left (a map's sea window, larger than the map's area there). */
static const RenderRect outer = {10.3f, 20.7f, 150.2f, 90.9f}, inner = {0.0f, 5.0f, 90.6f, 70.3f};

static void test_fill_outside_leaves_the_inner_rectangle(void **state)
{
    (void)state;
    Offscreen o = open_scaled();
    render_clear(o.r, sea);
    render_fill_outside(o.r, outer, ground, inner);
    SDL_RenderFlush(o.renderer);
    /* The same with the inner rectangle filled, on another colour. */
    Offscreen ref = open_scaled();
    render_clear(ref.r, paper);
    render_fill_around(ref.r, outer, ground, inner, sea);
    SDL_RenderFlush(ref.renderer);
    int ground_px = 0, sea_px = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            uint32_t a = offscreen_at(&o, x, y), b = offscreen_at(&ref, x, y);
            if (b == mapped(&ref, paper)) /* outside the outer rectangle: untouched */
                assert_int_equal(a, mapped(&o, sea));
            else /* inside: ground where the reference has ground, else left as it was (sea) */
                assert_int_equal(a, b == mapped(&ref, ground) ? mapped(&o, ground) : mapped(&o, sea));
            ground_px += a == mapped(&o, ground);
            sea_px += b == mapped(&ref, sea);
        }
    assert_true(ground_px > 1000);
    assert_true(sea_px > 1000);
    /* The inner rectangle reaches the outer's top edge: the top row of the
     * outer rectangle is still sea above the inner one. */
    int top = (int)(outer.y * SCALE), x_in = (int)((inner.x + inner.w) * SCALE) - 2;
    assert_int_equal(offscreen_at(&o, x_in, top), mapped(&o, sea));
    offscreen_close(&ref);
    offscreen_close(&o);
}

static void test_fill_around_covers_the_outer_pixels_exactly(void **state)
{
    (void)state;
    Offscreen o = open_scaled();
    render_clear(o.r, paper);
    render_fill_around(o.r, outer, ground, inner, sea);
    SDL_RenderFlush(o.renderer);
    /* The outer rectangle grown to whole device pixels: each is ground or
     * sea, and nothing around it is touched. */
    int x0 = (int)floorf(outer.x * SCALE), y0 = (int)floorf(outer.y * SCALE);
    int x1 = (int)ceilf((outer.x + outer.w) * SCALE), y1 = (int)ceilf((outer.y + outer.h) * SCALE);
    int sea_px = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            uint32_t a = offscreen_at(&o, x, y);
            if (x >= x0 && x < x1 && y >= y0 && y < y1)
                assert_true(a == mapped(&o, ground) || a == mapped(&o, sea));
            else
                assert_int_equal(a, mapped(&o, paper));
            sea_px += a == mapped(&o, sea);
        }
    /* The inner rectangle, clipped to the outer one, in whole pixels. */
    int ix1 = (int)lroundf((inner.x + inner.w) * SCALE), iy1 = (int)lroundf((inner.y + inner.h) * SCALE);
    assert_int_equal(sea_px, (ix1 - x0) * (iy1 - y0));
    offscreen_close(&o);
}

/* A bar along the frame's bottom edge, in logical pixels (render_width
 * and render_height, the output over a scale that is not a whole number),
 * paints the frame's last row and, reaching the right edge, its last
 * column: the software renderer cut a rectangle's corner and size to whole
 * pixels each, and left the last row of a 1024x640 frame to the colour
 * under the mode bar. */
static void test_fill_reaches_the_frames_edges(void **state)
{
    (void)state;
    Offscreen o = offscreen_open(1024, 640, NULL);
    render_resize(o.r, 1024, 640, 1.0f);
    assert_float_equal(render_scale(o.r), 0.8f, 1e-6);
    float w = render_width(o.r), h = render_height(o.r);
    render_clear(o.r, sea);
    render_fill_rect(o.r, (RenderRect){0, h - 44, w, 44}, ground);        /* 35.2 device px tall */
    render_fill_rect(o.r, (RenderRect){w - 101, 100, 101, 200}, paper); /* 80.8 wide */
    SDL_RenderFlush(o.renderer);
    for (int x = 0; x < 1024; x++)
        assert_int_equal(offscreen_at(&o, x, 639), mapped(&o, ground));
    for (int y = 80; y < 240; y++)
        assert_int_equal(offscreen_at(&o, 1023, y), mapped(&o, paper));
    /* and their other edges where they were: 604.8 and 943.2 cut to 604 and 943 */
    assert_int_equal(offscreen_at(&o, 500, 603), mapped(&o, sea));
    assert_int_equal(offscreen_at(&o, 500, 604), mapped(&o, ground));
    assert_int_equal(offscreen_at(&o, 942, 150), mapped(&o, sea));
    assert_int_equal(offscreen_at(&o, 943, 150), mapped(&o, paper));
    assert_int_equal(offscreen_at(&o, 1023, 79), mapped(&o, sea));
    offscreen_close(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fill_outside_leaves_the_inner_rectangle),
        cmocka_unit_test(test_fill_around_covers_the_outer_pixels_exactly),
        cmocka_unit_test(test_fill_reaches_the_frames_edges),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
