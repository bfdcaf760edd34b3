/* bare_sdl — the least an SDL2 program does to show a frame, the floor
 * under the game's start-up time and memory (bench/run.sh): a window of the
 * given size made as the game makes it (centred, resizable, high-DPI
 * allowed), a renderer of the same kind (SDL's first accelerated renderer,
 * without vsync, or the software one), one clear in the game's background
 * colour and one present. With FRAMES > 1 it goes on clearing and presenting
 * that many frames in all, so its memory can be compared with the game's
 * over a run.
 *
 * It prints, like greatleap --bench-frames, the time from the start of
 * main() to the return of the first present, on CLOCK_MONOTONIC:
 *   renderer=NAME size=WxH frame=bare first_frame_ms=T frames=N
 * Usage: bare_sdl WxH accelerated|software [FRAMES]
 * Build: cc -O2 bare_sdl.c $(sdl2-config --cflags --libs) -o bare_sdl */
#define _POSIX_C_SOURCE 200809L
#include <SDL.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char **argv)
{
    double start = now_ms();
    int w, h;
    if (argc < 3 || sscanf(argv[1], "%dx%d", &w, &h) != 2 || w < 1 || h < 1 ||
        (strcmp(argv[2], "accelerated") != 0 && strcmp(argv[2], "software") != 0)) {
        fprintf(stderr, "usage: bare_sdl WxH accelerated|software [FRAMES]\n");
        return 2;
    }
    bool software = strcmp(argv[2], "software") == 0;
    int frames = argc > 3 ? atoi(argv[3]) : 1;
    if (frames < 1)
        frames = 1;
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        fprintf(stderr, "bare_sdl: cannot start SDL: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window *win = SDL_CreateWindow("bare SDL2", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h,
                                       SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    if (!win) {
        fprintf(stderr, "bare_sdl: cannot open a window: %s\n", SDL_GetError());
        return 1;
    }
    /* The renderer as the game makes it (render_create_renderer): software
     * presents without OpenGL on X11, the hint read when the window's
     * surface is first made. */
    SDL_Renderer *ren = software ? NULL : SDL_CreateRenderer(win, -1, SDL_RENDERER_ACCELERATED);
    if (!ren) { /* the game falls back the same way */
        if (strcmp(SDL_GetCurrentVideoDriver(), "x11") == 0)
            SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        ren = SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!ren) {
        fprintf(stderr, "bare_sdl: cannot create a renderer: %s\n", SDL_GetError());
        return 1;
    }
    double first = 0;
    for (int i = 0; i < frames; i++) {
        SDL_Event e;
        while (SDL_PollEvent(&e))
            ;
        SDL_SetRenderDrawColor(ren, 244, 241, 234, 255);
        SDL_RenderClear(ren);
        SDL_RenderPresent(ren);
        if (i == 0)
            first = now_ms() - start;
    }
    SDL_RendererInfo info;
    SDL_GetRendererInfo(ren, &info);
    int ow, oh;
    SDL_GetRendererOutputSize(ren, &ow, &oh);
    printf("renderer=%s size=%dx%d frame=bare first_frame_ms=%.1f frames=%d\n", info.name, ow, oh, first, frames);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
    SDL_Quit();
    return 0;
}
