/* The text cache (render_text.c): bounded in bytes and in entries, least
 * recently used out first, counted (render_text_stats), and a text dropped
 * from it, even in the frame that drew it, still draws the same. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "../support/offscreen.h"
#include "render_internal.h" /* render_font: the reference is drawn with the game's own face */

static const RenderColor white = {255, 255, 255, 255};

static void clear(RenderCtx *r) { render_clear(r, (RenderColor){0, 0, 0, 255}); }

/* A line of `chars` characters that no other (k) gives. */
static const char *fresh_line(int k, int chars)
{
    static char line[512];
    int n = snprintf(line, sizeof line, "%d ", k);
    for (; n < chars && n < (int)sizeof line - 1; n++)
        line[n] = (char)('a' + (k * 7 + n) % 26);
    line[n] = '\0';
    return line;
}

static void test_text_cache_stays_under_its_byte_bound(void **state)
{
    (void)state;
    const size_t budget = 256 << 10;
    Offscreen o = offscreen_open(800, 500, &(RenderDesc){.text_cache_bytes = budget});
    RenderCtx *r = o.r;
    RenderTextStats st = render_text_stats(r);
    assert_int_equal(st.max_bytes, budget);
    assert_int_equal(st.max_entries, 1024); /* the default */
    assert_true(st.font_file_bytes > 1000000); /* both fonts, in memory */
    assert_int_equal(st.font_faces, 0);        /* no face opened before it is needed */
    /* Far past the bound: 400 long lines, 20 to a frame, 3 sizes. */
    size_t most = 0;
    for (int k = 0; k < 400; k++) {
        if (k % 20 == 0)
            clear(r);
        render_text(r, fresh_line(k, 90), 0, (float)(k % 20) * 20, 16.0f + (float)(k % 3) * 4, RENDER_FONT_REGULAR,
                    white, RENDER_LEFT);
        st = render_text_stats(r);
        assert_true(st.bytes <= budget);
        assert_int_equal(st.bytes, render_text_cache_bytes(r));
        most = st.bytes > most ? st.bytes : most;
    }
    assert_true(most > budget / 2); /* it did fill */
    assert_int_equal(st.misses, 400);
    assert_int_equal(st.hits, 0);
    assert_true(st.evictions > 300);
    assert_int_equal(st.entries, 400 - (int)st.evictions);
    assert_int_equal(st.font_faces, 3); /* three sizes, one face each */
    assert_int_equal(st.font_resizes, 0);
    /* A clear empties it without counting evictions. */
    render_text_cache_clear(r);
    RenderTextStats after = render_text_stats(r);
    assert_int_equal(after.entries, 0);
    assert_int_equal(after.bytes, 0);
    assert_int_equal(after.evictions, st.evictions);
    offscreen_close(&o);
}

static void test_text_cache_drops_least_recently_used_first(void **state)
{
    (void)state;
    Offscreen o = offscreen_open(400, 200, &(RenderDesc){.text_cache_entries = 4});
    RenderCtx *r = o.r;
    const char *words[] = {"grain", "steel", "sparrows", "furnaces", "quota"};
    clear(r);
    for (int i = 0; i < 4; i++)
        render_text(r, words[i], 0, 0, 16, RENDER_FONT_REGULAR, white, RENDER_LEFT);
    clear(r);
    render_text(r, words[0], 0, 0, 16, RENDER_FONT_REGULAR, white, RENDER_LEFT); /* "grain" used again */
    render_text(r, words[4], 0, 0, 16, RENDER_FONT_REGULAR, white, RENDER_LEFT); /* full: "steel" goes */
    RenderTextStats st = render_text_stats(r);
    assert_int_equal(st.entries, 4);
    assert_int_equal(st.hits, 1);
    assert_int_equal(st.misses, 5);
    assert_int_equal(st.evictions, 1);
    render_text(r, words[0], 0, 0, 16, RENDER_FONT_REGULAR, white, RENDER_LEFT);
    render_text(r, words[2], 0, 0, 16, RENDER_FONT_REGULAR, white, RENDER_LEFT);
    render_text(r, words[3], 0, 0, 16, RENDER_FONT_REGULAR, white, RENDER_LEFT);
    assert_int_equal(render_text_stats(r).hits, 4); /* all still there */
    render_text(r, words[1], 0, 0, 16, RENDER_FONT_REGULAR, white, RENDER_LEFT);
    assert_int_equal(render_text_stats(r).misses, 6); /* "steel" had gone */
    /* The same text at another size or in another font is another entry. */
    render_text(r, words[1], 0, 0, 20, RENDER_FONT_REGULAR, white, RENDER_LEFT);
    render_text(r, words[1], 0, 0, 16, RENDER_FONT_BOLD, white, RENDER_LEFT);
    assert_int_equal(render_text_stats(r).misses, 8);
    offscreen_close(&o);
}

/* The pixels of the top band of the window, where the test's text is. */
static void read_band(SDL_Renderer *ren, uint32_t *px, int w, int h)
{
    SDL_Rect band = {0, 0, w, h};
    assert_int_equal(SDL_RenderReadPixels(ren, &band, SDL_PIXELFORMAT_ABGR8888, px, w * 4), 0);
}

static void test_text_evicted_text_still_draws(void **state)
{
    (void)state;
    enum { W = 600, H = 40 };
    /* A window's renderer, as the game's: SDL batches its drawing calls
     * (a renderer on a plain surface draws each at once), on SDL's dummy
     * video driver; 1280x720, so one logical pixel is one pixel. */
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
    SDL_Window *win = SDL_CreateWindow("test", 0, 0, 1280, 720, SDL_WINDOW_HIDDEN);
    SDL_Renderer *ren = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    assert_non_null(ren);
    /* A bound a few long lines fill. */
    char err[256];
    RenderDesc d = {.renderer = ren, .font_dir = GL_TEST_DATA_DIR "/assets/fonts", .text_cache_bytes = 96 << 10};
    RenderCtx *r = render_create(&d, err, sizeof err);
    assert_non_null(r);
    static uint32_t crowded[W * H], alone[W * H];
    const char *text = "Grain procured 1959: 67.4 Mt 征购粮食";
    const RenderColor gold = {250, 220, 90, 255};
    /* Drawn, then pushed out of the cache in the same frame, before SDL has
     * carried out the drawing, by lines drawn below it... */
    clear(r);
    render_text(r, text, 8, 4, 24, RENDER_FONT_BOLD, gold, RENDER_LEFT);
    for (int k = 0; k < 30; k++)
        render_text(r, fresh_line(k, 60), 0, 60 + (float)k * 11, 16, RENDER_FONT_REGULAR, white, RENDER_LEFT);
    assert_true(render_text_stats(r).evictions > 10);
    read_band(ren, crowded, W, H);
    /* ...it is on the screen all the same, as when drawn alone in the next
     * frame, where it is rendered anew. */
    uint64_t misses = render_text_stats(r).misses;
    clear(r);
    render_text(r, text, 8, 4, 24, RENDER_FONT_BOLD, gold, RENDER_LEFT);
    assert_int_equal(render_text_stats(r).misses, misses + 1); /* it had gone */
    read_band(ren, alone, W, H);
    int lit = 0;
    for (int i = 0; i < W * H; i++)
        lit += (alone[i] & 0xFFFFFF) != 0;
    assert_true(lit > 200); /* the text is there */
    assert_memory_equal(crowded, alone, sizeof alone);
    render_destroy(r);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
    SDL_Quit();
}

/* The pixels of a w x h offscreen context after drawing `text` at `size`
 * alone (into px). */
static void draw_alone(RenderCtx *r, Offscreen *o, const char *text, float size, uint32_t *px, int w, int h)
{
    clear(r);
    render_text(r, text, 4, 4, size, RENDER_FONT_REGULAR, white, RENDER_LEFT);
    read_band(o->renderer, px, w, h);
}

/* A few faces per font serve every size, resized as needed: what a face
 * resized many times draws, and the sizes it measures, are what a new face
 * gives. And a text's size from the cache is the size measured. */
static void test_text_faces_are_few_and_resized_faces_draw_the_same(void **state)
{
    (void)state;
    enum { W = 400, H = 60 };
    static uint32_t fresh[W * H], resized[W * H];
    const char *text = "Henan 河南 1960: 39.6‰";
    Offscreen a = offscreen_open(1280, 720, NULL), b = offscreen_open(1280, 720, NULL); /* scale 1 */
    draw_alone(a.r, &a, text, 13, fresh, W, H);
    float fw, fh;
    render_text_size(a.r, "never drawn", 13, RENDER_FONT_REGULAR, &fw, &fh);
    /* b: twenty sizes, measured and drawn, in both fonts. */
    for (int size = 10; size < 30; size++)
        for (int f = 0; f < RENDER_FONT_COUNT; f++) {
            float w0, h0, w1, h1;
            render_text_size(b.r, text, (float)size, (RenderFont)f, &w0, &h0); /* measured by a face */
            render_text(b.r, text, 0, 0, (float)size, (RenderFont)f, white, RENDER_LEFT);
            render_text_size(b.r, text, (float)size, (RenderFont)f, &w1, &h1); /* from the cache */
            assert_true(w0 == w1 && h0 == h1 && w0 > 0);
        }
    RenderTextStats st = render_text_stats(b.r);
    assert_int_equal(st.font_faces, 2 * 4); /* RENDER_FACES a font */
    assert_true(st.font_resizes >= 2 * (20 - 4));
    render_text_cache_clear(b.r);
    draw_alone(b.r, &b, text, 13, resized, W, H);
    assert_memory_equal(fresh, resized, sizeof fresh);
    float rw, rh;
    render_text_size(b.r, "never drawn", 13, RENDER_FONT_REGULAR, &rw, &rh);
    assert_true(rw == fw && rh == fh);
    offscreen_close(&a);
    offscreen_close(&b);
}

/* A text's texture holds its ink, not its line box (the room above and
 * below the letters, a third or more of the box, is not drawn), and it
 * draws exactly what the whole box drew: compared pixel for pixel with
 * SDL_ttf's own surface of the box, drawn the same way, in colour, half
 * transparent, over a background that is not uniform. A text of spaces has
 * no ink: no texture, nothing drawn, its width still given. */
static void test_text_texture_is_its_ink(void **state)
{
    (void)state;
    Offscreen o = offscreen_open(640, 360, NULL);
    Offscreen ref = offscreen_open(640, 360, NULL);
    const char *text = "Gansu 495 kg, 甘肃";
    const RenderColor ink = {200, 60, 30, 170};
    const float size = 31;
    for (int k = 0; k < 2; k++) { /* a background with edges under the text */
        Offscreen *t = k ? &ref : &o;
        render_resize(t->r, 640, 360, 2.0f); /* one device pixel a logical one (half of 1280x720, twice the size) */
        assert_float_equal(render_scale(t->r), 1.0f, 1e-6);
        render_clear(t->r, (RenderColor){20, 90, 40, 255});
        render_fill_rect(t->r, (RenderRect){0, 0, 210, 360}, (RenderColor){240, 230, 200, 255});
    }
    float w = render_text(o.r, text, 13, 17, size, RENDER_FONT_BOLD, ink, RENDER_LEFT);
    float bw, bh;
    render_text_size(o.r, text, size, RENDER_FONT_BOLD, &bw, &bh);
    assert_float_equal(w, bw, 1e-3);
    size_t box_bytes = (size_t)bw * (size_t)bh * 4; /* scale 1: device pixels */
    assert_true(render_text_cache_bytes(o.r) > 0);
    assert_true(render_text_cache_bytes(o.r) * 10 < box_bytes * 9); /* at most 90 % of the box */
    /* The reference: the whole box from SDL_ttf, as render_text drew it before. */
    SDL_Surface *box = TTF_RenderUTF8_Blended(render_font(ref.r, RENDER_FONT_BOLD, size), text,
                                              (SDL_Color){255, 255, 255, 255});
    assert_non_null(box);
    assert_int_equal(box->w, (int)bw);
    SDL_Texture *tex = SDL_CreateTextureFromSurface(ref.renderer, box);
    assert_non_null(tex);
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    SDL_SetTextureColorMod(tex, ink.r, ink.g, ink.b);
    SDL_SetTextureAlphaMod(tex, ink.a);
    SDL_RenderCopy(ref.renderer, tex, NULL, &(SDL_Rect){13, 17, box->w, box->h});
    SDL_RenderFlush(o.renderer);
    SDL_RenderFlush(ref.renderer);
    int differ = 0, inked = 0;
    for (int y = 0; y < o.surface->h; y++)
        for (int x = 0; x < o.surface->w; x++) {
            uint32_t a = offscreen_at(&o, x, y);
            differ += a != offscreen_at(&ref, x, y);
            inked += a != offscreen_at(&o, x < 210 ? 0 : 639, y); /* the background of its side */
        }
    assert_int_equal(differ, 0);
    assert_true(inked > 200); /* and something was drawn */
    /* Spaces: no ink. */
    size_t before = render_text_cache_bytes(o.r);
    SDL_Surface *copy = SDL_DuplicateSurface(o.surface);
    float sw = render_text(o.r, "   ", 13, 80, size, RENDER_FONT_REGULAR, ink, RENDER_LEFT);
    SDL_RenderFlush(o.renderer);
    assert_true(sw > 0);
    assert_int_equal(render_text_cache_size(o.r), 2);
    assert_int_equal(render_text_cache_bytes(o.r), before);
    assert_memory_equal(copy->pixels, o.surface->pixels, (size_t)o.surface->pitch * (size_t)o.surface->h);
    SDL_FreeSurface(copy);
    SDL_DestroyTexture(tex);
    SDL_FreeSurface(box);
    offscreen_close(&ref);
    offscreen_close(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_cache_stays_under_its_byte_bound),
        cmocka_unit_test(test_text_cache_drops_least_recently_used_first),
        cmocka_unit_test(test_text_evicted_text_still_draws),
        cmocka_unit_test(test_text_faces_are_few_and_resized_faces_draw_the_same),
        cmocka_unit_test(test_text_texture_is_its_ink),
    };
    return cmocka_run_group_tests_name("render_text_cache", tests, NULL, NULL);
}
