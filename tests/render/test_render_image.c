/* Pictures (render_image): the texture holds what is on the screen, not
 * the whole picture: shrunk when loaded, made again when drawn bigger. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdlib.h>

#include <SDL_image.h>

#include "../support/offscreen.h"

/* A 1600x1200 picture: red rising left to right, blue top to bottom. */
static void write_picture(const char *path)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 1600, 1200, 32, SDL_PIXELFORMAT_ABGR8888);
    assert_non_null(s);
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++)
            ((uint32_t *)((uint8_t *)s->pixels + y * s->pitch))[x] =
                0xFF000000u | (uint32_t)(y * 255 / (s->h - 1)) << 16 | (uint32_t)(x * 255 / (s->w - 1));
    assert_int_equal(IMG_SavePNG(s, path), 0);
    SDL_FreeSurface(s);
}

/* The colour drawn at device pixel (x, y). */
static uint32_t pixel_at(Offscreen *o, int x, int y)
{
    uint32_t px;
    SDL_Rect at = {x, y, 1, 1};
    assert_int_equal(SDL_RenderReadPixels(o->renderer, &at, SDL_PIXELFORMAT_ABGR8888, &px, 4), 0);
    return px;
}

static void test_image_texture_is_sized_to_the_screen(void **state)
{
    (void)state;
    const char *path = "test_render_image.png"; /* in the test's working folder */
    write_picture(path);
    Offscreen o = offscreen_open(1280, 720, NULL); /* scale 1 */
    RenderCtx *r = o.r;
    render_clear(r, (RenderColor){0, 0, 0, 255});
    assert_true(render_image(r, path, (RenderRect){0, 0, 160, 120}));
    assert_int_equal(render_image_cache_bytes(r), 160 * 120 * 4); /* not 1600 x 1200 x 4 */
    /* Shrunk, the picture is still itself: dark top-left, red top-right,
     * blue bottom-left (ABGR in memory: red is the low byte). */
    uint32_t tl = pixel_at(&o, 2, 2), tr = pixel_at(&o, 157, 2), bl = pixel_at(&o, 2, 117);
    assert_true((tl & 0xFF) < 16 && (tl >> 16 & 0xFF) < 16);
    assert_true((tr & 0xFF) > 240 && (tr >> 16 & 0xFF) < 16);
    assert_true((bl & 0xFF) < 16 && (bl >> 16 & 0xFF) > 240);
    /* Drawn bigger: made again at that size; smaller again: kept. */
    assert_true(render_image(r, path, (RenderRect){0, 0, 400, 400})); /* fitted: 400 x 300 */
    assert_int_equal(render_image_cache_bytes(r), 400 * 300 * 4);
    assert_true(render_image(r, path, (RenderRect){0, 0, 80, 60}));
    assert_int_equal(render_image_cache_bytes(r), 400 * 300 * 4);
    /* Never bigger than the picture itself. */
    assert_true(render_image(r, path, (RenderRect){0, 0, 3200, 2400}));
    assert_int_equal(render_image_cache_bytes(r), 1600 * 1200 * 4);
    /* A picture that cannot be loaded draws nothing, and holds nothing. */
    assert_false(render_image(r, "no-such-picture.png", (RenderRect){0, 0, 100, 100}));
    assert_int_equal(render_image_cache_bytes(r), 1600 * 1200 * 4);
    offscreen_close(&o);
    remove(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_image_texture_is_sized_to_the_screen),
    };
    return cmocka_run_group_tests_name("render_image", tests, NULL, NULL);
}
