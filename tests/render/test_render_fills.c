/* The fills the map's ground is made of (render.c): render_fill_around
 * writes every pixel of its outer rectangle once, render_fill_outside the
 * same but its inner rectangle, which it leaves as it was, and
 * render_fill_beyond the whole frame but what render_clip_push lets
 * through. An empty strip (the inner rectangle reaching an edge of the
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

static void test_fill_beyond_is_the_complement_of_the_clip(void **state)
{
    (void)state;
    Offscreen o = open_scaled();
    render_clear(o.r, sea);
    render_fill_beyond(o.r, outer, paper);
    /* What the clip lets through, drawn on top in ground, must be exactly
     * what is still sea. */
    RenderClip clip = render_clip_push(o.r, outer);
    render_fill_rect(o.r, (RenderRect){0, 0, W / SCALE, H / SCALE}, ground);
    render_clip_pop(o.r, clip);
    SDL_RenderFlush(o.renderer);
    int sea_left = 0, ground_px = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++) {
            uint32_t a = offscreen_at(&o, x, y);
            sea_left += a == mapped(&o, sea);
            ground_px += a == mapped(&o, ground);
            assert_true(a == mapped(&o, ground) || a == mapped(&o, paper));
        }
    assert_int_equal(sea_left, 0);
    SDL_Rect cr = {(int)(outer.x * SCALE), (int)(outer.y * SCALE), 0, 0};
    assert_int_equal(offscreen_at(&o, cr.x, cr.y), mapped(&o, ground));
    assert_int_equal(offscreen_at(&o, cr.x - 1, cr.y), mapped(&o, paper));
    assert_int_equal(offscreen_at(&o, cr.x, cr.y - 1), mapped(&o, paper));
    assert_true(ground_px > 10000);
    offscreen_close(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fill_outside_leaves_the_inner_rectangle),
        cmocka_unit_test(test_fill_around_covers_the_outer_pixels_exactly),
        cmocka_unit_test(test_fill_beyond_is_the_complement_of_the_clip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
