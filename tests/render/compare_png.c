/* compare_png — compares a rendered screenshot with its golden image.
 * A pixel differs when a channel differs by more than THRESHOLD; the images
 * match when no more than MAX_SHARE of the pixels differ (fonts and
 * anti-aliasing may move a few pixels between library versions).
 * Usage: compare_png golden.png actual.png [diff.png]; exit 0 if they match.
 *        compare_png a.png b.png diff.png --outside-columns X0 X1: every
 *        pixel left of column X0 and from column X1 on must match (nothing
 *        drawn in the band between may reach out of it). */
#include <SDL.h>
#include <stdbool.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THRESHOLD 40
#define MAX_SHARE 0.01

int main(int argc, char **argv)
{
    int x0 = -1, x1 = -1; /* --outside-columns */
    if (argc == 7 && strcmp(argv[4], "--outside-columns") == 0) {
        x0 = atoi(argv[5]);
        x1 = atoi(argv[6]);
    }
    if (argc < 3) {
        fprintf(stderr, "usage: compare_png golden.png actual.png [diff.png]\n");
        return 2;
    }
    SDL_Surface *a0 = IMG_Load(argv[1]), *b0 = IMG_Load(argv[2]);
    if (!a0 || !b0) {
        fprintf(stderr, "compare_png: cannot read %s: %s\n", a0 ? argv[2] : argv[1], IMG_GetError());
        return 2;
    }
    SDL_Surface *a = SDL_ConvertSurfaceFormat(a0, SDL_PIXELFORMAT_ABGR8888, 0);
    SDL_Surface *b = SDL_ConvertSurfaceFormat(b0, SDL_PIXELFORMAT_ABGR8888, 0);
    if (a->w != b->w || a->h != b->h) {
        fprintf(stderr, "compare_png: sizes differ: %dx%d vs %dx%d\n", a->w, a->h, b->w, b->h);
        return 1;
    }
    SDL_Surface *diff = SDL_CreateRGBSurfaceWithFormat(0, a->w, a->h, 32, SDL_PIXELFORMAT_ABGR8888);
    long differing = 0;
    for (int y = 0; y < a->h; y++) {
        const Uint8 *pa = (const Uint8 *)a->pixels + y * a->pitch, *pb = (const Uint8 *)b->pixels + y * b->pitch;
        Uint8 *pd = (Uint8 *)diff->pixels + y * diff->pitch;
        for (int x = 0; x < a->w; x++) {
            int worst = 0;
            for (int k = 0; k < 3; k++) {
                int d = abs(pa[4 * x + k] - pb[4 * x + k]);
                worst = d > worst ? d : worst;
            }
            bool outside = x < x0 || x >= x1;
            bool bad = x0 >= 0 ? outside && worst > 0 : worst > THRESHOLD;
            differing += bad;
            pd[4 * x + 0] = bad ? 255 : pa[4 * x + 0] / 3;
            pd[4 * x + 1] = bad ? 0 : pa[4 * x + 1] / 3;
            pd[4 * x + 2] = bad ? 0 : pa[4 * x + 2] / 3;
            pd[4 * x + 3] = 255;
        }
    }
    double share = (double)differing / ((double)a->w * a->h);
    int status = x0 >= 0 ? differing > 0 : share <= MAX_SHARE ? 0 : 1;
    printf("%s: %.3f%% of pixels differ (at most %.1f%% allowed)\n", status ? "DIFFERENT" : "same", share * 100.0,
           MAX_SHARE * 100.0);
    if (status && argc > 3)
        IMG_SavePNG(diff, argv[3]);
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    SDL_FreeSurface(a0);
    SDL_FreeSurface(b0);
    SDL_FreeSurface(diff);
    return status;
}
