/* render_create_renderer: `--renderer software` uses no OpenGL at all
 * (issue 16). On X11, SDL backs a software renderer's window with an OpenGL
 * texture unless told not to, so the fallback for broken drivers would
 * still need them. Run under Xvfb (tests/render/CMakeLists.txt): the
 * software renderer must leave no OpenGL context current and no OpenGL
 * library loaded; then, as a control that the check can see OpenGL at all,
 * the accelerated renderer must show both. The order matters (the software
 * case runs first, before anything loads OpenGL into the process), and so
 * the group's tests run in the order they are listed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "platform.h"
#include "render.h"

/* True if a library of OpenGL's is mapped into this process (Linux). */
static bool opengl_loaded(void)
{
    int mapped = plat_opengl_mapped();
    assert_int_not_equal(mapped, -1);
    return mapped == 1;
}

/* Makes a window as the game does (the window first, then the renderer),
 * draws and presents one frame, and returns the renderer's name. */
static void one_frame(bool software, char *name, size_t cap, bool *gl_context)
{
    assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
    SDL_Window *win = SDL_CreateWindow("test", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 320, 200,
                                       SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    assert_non_null(win);
    SDL_Renderer *ren = render_create_renderer(win, software, false);
    assert_non_null(ren);
    SDL_RendererInfo info;
    assert_int_equal(SDL_GetRendererInfo(ren, &info), 0);
    snprintf(name, cap, "%s", info.name);
    SDL_SetRenderDrawColor(ren, 200, 30, 30, 255);
    SDL_RenderClear(ren);
    SDL_RenderPresent(ren); /* where a texture framebuffer would be uploaded */
    SDL_SetWindowSize(win, 400, 240); /* and a resized window's new surface */
    SDL_RenderClear(ren);
    SDL_RenderPresent(ren);
    *gl_context = SDL_GL_GetCurrentContext() != NULL;
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
    SDL_Quit();
}

static void test_render_software_uses_no_opengl(void **state)
{
    (void)state;
    char name[64];
    bool context = true;
    one_frame(true, name, sizeof name, &context);
    assert_string_equal(name, "software");
    assert_false(context);
    assert_false(opengl_loaded());
}

/* The control: where SDL has OpenGL (X11 under Xvfb, with Mesa), the
 * accelerated renderer is OpenGL, and the checks above see it. */
static void test_render_accelerated_is_seen_using_opengl(void **state)
{
    (void)state;
    if (SDL_Init(SDL_INIT_VIDEO) != 0 || strcmp(SDL_GetCurrentVideoDriver(), "x11") != 0) {
        SDL_Quit();
        skip(); /* the dummy or offscreen driver: no OpenGL to see */
    }
    SDL_Quit();
    char name[64];
    bool context = false;
    one_frame(false, name, sizeof name, &context);
    assert_string_not_equal(name, "software");
    assert_true(context);
    assert_true(opengl_loaded());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_render_software_uses_no_opengl),
        cmocka_unit_test(test_render_accelerated_is_seen_using_opengl),
    };
    return cmocka_run_group_tests_name("render_software", tests, NULL, NULL);
}
