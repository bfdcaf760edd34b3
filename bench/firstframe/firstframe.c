/* firstframe.so — an LD_PRELOAD shim that times, from the outside and in
 * the same way for every program, when a frame reaches the screen: it wraps
 * SDL_RenderPresent (SDL's 2D renderers: the game and bench/peers/bare_sdl)
 * and SDL_GL_SwapWindow (LÖVE, which draws with OpenGL itself), and notes
 * CLOCK_MONOTONIC when the real call returns.
 *
 * The start is GLB_T0_NS, CLOCK_MONOTONIC in nanoseconds taken by
 * bench/firstframe/stamp.c just before it execs the program, so the time
 * counts exec, the dynamic loader and every constructor, as a player waits
 * for them.
 *
 * Environment:
 *   GLB_T0_NS     the start (set by stamp); without it nothing is timed
 *   GLB_OUT       file the line is appended to (default: standard error)
 *   GLB_PRESENTS  how many presents to note before writing the line (default 1)
 *   GLB_EXIT      if 1, _exit(0) right after writing the line
 * Line: "presents=K present_ms=A,B,... loader_ms=L" (ms since GLB_T0_NS;
 * loader_ms: when this shim's constructor ran, before main).
 *
 * It does not include SDL's headers, so it loads into any process. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_PRESENTS 16

static double t0_ms = -1, loader_ms = -1;
static double at_ms[MAX_PRESENTS];
static int wanted = 1, seen = 0, exit_after = 0;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

__attribute__((constructor)) static void firstframe_init(void)
{
    const char *t0 = getenv("GLB_T0_NS");
    if (!t0)
        return;
    t0_ms = (double)strtoull(t0, NULL, 10) / 1e6;
    loader_ms = now_ms() - t0_ms;
    const char *k = getenv("GLB_PRESENTS");
    if (k && atoi(k) > 0)
        wanted = atoi(k) < MAX_PRESENTS ? atoi(k) : MAX_PRESENTS;
    const char *x = getenv("GLB_EXIT");
    exit_after = x && strcmp(x, "1") == 0;
}

static void noted(void)
{
    if (t0_ms < 0 || seen >= wanted)
        return;
    at_ms[seen++] = now_ms() - t0_ms;
    if (seen < wanted)
        return;
    char line[64 + MAX_PRESENTS * 16];
    int n = snprintf(line, sizeof line, "presents=%d present_ms=", seen);
    for (int i = 0; i < seen; i++)
        n += snprintf(line + n, sizeof line - (size_t)n, "%s%.1f", i ? "," : "", at_ms[i]);
    n += snprintf(line + n, sizeof line - (size_t)n, " loader_ms=%.1f\n", loader_ms);
    const char *out = getenv("GLB_OUT");
    int fd = out ? open(out, O_WRONLY | O_CREAT | O_APPEND, 0644) : 2;
    if (fd >= 0) {
        if (write(fd, line, (size_t)n) != n)
            (void)0;
        if (fd != 2)
            close(fd);
    }
    if (exit_after)
        _exit(0);
}

void SDL_RenderPresent(void *renderer);
void SDL_RenderPresent(void *renderer)
{
    static void (*real)(void *);
    if (!real)
        real = (void (*)(void *))dlsym(RTLD_NEXT, "SDL_RenderPresent");
    real(renderer);
    noted();
}

void SDL_GL_SwapWindow(void *window);
void SDL_GL_SwapWindow(void *window)
{
    static void (*real)(void *);
    if (!real)
        real = (void (*)(void *))dlsym(RTLD_NEXT, "SDL_GL_SwapWindow");
    real(window);
    noted();
}
