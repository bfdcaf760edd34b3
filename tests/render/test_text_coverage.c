/* Every string in every locale file renders with the bundled fonts: no
 * character falls back to a missing-glyph box, in English or Chinese. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>

#include "render.h"
#include "script.h"

static void test_text_every_locale_string_has_glyphs(void **state)
{
    (void)state;
    SDL_Surface *surf = SDL_CreateRGBSurfaceWithFormat(0, 64, 64, 32, SDL_PIXELFORMAT_ABGR8888);
    SDL_Renderer *ren = SDL_CreateSoftwareRenderer(surf);
    assert_non_null(ren);
    char err[256];
    RenderCtx *r = render_create(&(RenderDesc){ren, GL_TEST_DATA_DIR "/assets/fonts", 1.0f, 0}, err, sizeof err);
    if (!r)
        fail_msg("render_create: %s", err);
    ScriptHost *h = script_host_create(&(ScriptHostDesc){0});
    assert_true(script_host_load_mod(h, GL_TEST_DATA_DIR "/scripts", "scripts"));
    int checked = 0, missing = 0;
    for (int l = 0; l < SCRIPT_LANG_COUNT; l++)
        for (int i = 0; i < script_text_count(h, (ScriptLang)l); i++) {
            const char *key = script_text_key_at(h, (ScriptLang)l, i);
            const char *text = script_text(h, (ScriptLang)l, key);
            uint32_t cp = 0;
            checked++;
            if (!render_text_covered(r, text, &cp)) {
                fprintf(stderr, "%s %s: no glyph for U+%04X\n", l ? "zh" : "en", key, (unsigned)cp);
                missing++;
            }
        }
    assert_true(checked > 600);
    assert_int_equal(missing, 0);
    /* And the check itself can fail: a character outside the font. */
    uint32_t cp = 0;
    assert_false(render_text_covered(r, "\xF0\x9F\x98\x80", &cp)); /* U+1F600 */
    assert_int_equal(cp, 0x1F600);
    script_host_destroy(h);
    render_destroy(r);
    SDL_DestroyRenderer(ren);
    SDL_FreeSurface(surf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_text_every_locale_string_has_glyphs)};
    return cmocka_run_group_tests_name("render_text", tests, NULL, NULL);
}
