/* render.h — drawing for the game: a context over an SDL renderer, text
 * through SDL2_ttf with a texture cache, PNG images through SDL2_image,
 * colour palettes, line charts and the map. Reads the core and the map;
 * changes nothing in them.
 *
 * Lengths are in *logical* pixels: the context multiplies them by its scale
 * (HiDPI factor times the player's UI scale), so layouts do not depend on
 * the screen's density.
 */
#ifndef RENDER_H
#define RENDER_H

#include "core.h"
#include "map.h"

#include <SDL.h>
#include <stdbool.h>

typedef struct RenderCtx RenderCtx;

typedef struct RenderColor {
    uint8_t r, g, b, a;
} RenderColor;

typedef struct RenderRect {
    float x, y, w, h;   /* logical pixels */
} RenderRect;

typedef enum RenderAlign { RENDER_LEFT, RENDER_CENTER, RENDER_RIGHT } RenderAlign;

typedef enum RenderFont { RENDER_FONT_REGULAR, RENDER_FONT_BOLD, RENDER_FONT_COUNT } RenderFont;

typedef struct RenderDesc {
    SDL_Renderer *renderer;
    const char *font_dir;           /* folder with the bundled fonts */
    float ui_scale;                 /* the player's setting; 0 = 1 */
    int text_cache_entries;         /* 0 = 1024 */
    size_t text_cache_bytes;        /* texture bytes kept at most; 0 = 16 MiB */
} RenderDesc;

/* ==== The SDL renderer ==== */

/* Creates the SDL renderer for a window, before the context: accelerated
 * (vsync if asked), falling back to software if that fails; or, with
 * `software`, software only. Software means no OpenGL at all on X11: SDL
 * would present a software renderer's frames through an OpenGL texture (its
 * "texture framebuffer"), so there the software renderer is made with
 * SDL_HINT_FRAMEBUFFER_ACCELERATION "0" (an SDL_FRAMEBUFFER_ACCELERATION
 * in the environment still wins). SDL's Wayland driver has no other way
 * to present, so there it keeps the texture. NULL (SDL_GetError) if neither works.
 * \sa SDL_DestroyRenderer */
SDL_Renderer *render_create_renderer(SDL_Window *window, bool software, bool vsync);

/* ==== Context ==== */

/* Creates a context; NULL with SDL_GetError-style message in `err`. */
RenderCtx *render_create(const RenderDesc *desc, char *err, size_t err_cap);
void render_destroy(RenderCtx *r);
SDL_Renderer *render_sdl(RenderCtx *r);

/* Call when the window or the UI scale changes: recomputes the scale from
 * the renderer's output size and the window size. */
void render_resize(RenderCtx *r, int window_w, int window_h, float ui_scale);
/* Logical size of the drawing area. */
float render_width(const RenderCtx *r);
float render_height(const RenderCtx *r);
float render_scale(const RenderCtx *r);   /* device pixels per logical pixel */

void render_clear(RenderCtx *r, RenderColor c);
void render_present(RenderCtx *r);
/* Hands what is drawn so far to the GPU (with OpenGL: glFlush), so that it
 * rasterises it while the rest is prepared. Without a GPU, Mesa's llvmpipe
 * then fills the map's land on its threads while the borders are built. */
void render_kick(RenderCtx *r);

/* ==== Shapes ==== */

void render_fill_rect(RenderCtx *r, RenderRect rect, RenderColor c);
/* `outer` in colour `around` with `inner` in colour `inside` over it (both
 * logical px); where `inside` is opaque, each pixel written once (the two
 * as whole device pixels). Leaves blending on, as the rest of the drawing
 * expects. */
void render_fill_around(RenderCtx *r, RenderRect outer, RenderColor around, RenderRect inner, RenderColor inside);
/* The same without the inner rectangle: what is there stays. */
void render_fill_outside(RenderCtx *r, RenderRect outer, RenderColor c, RenderRect inner);
void render_frame_rect(RenderCtx *r, RenderRect rect, float thickness, RenderColor c);
void render_line(RenderCtx *r, float x0, float y0, float x1, float y1, float thickness, RenderColor c);
/* A polyline of n points (logical px), drawn as joined quads. */
void render_polyline(RenderCtx *r, const float *xy, int n, float thickness, RenderColor c);
void render_set_clip(RenderCtx *r, const RenderRect *rect);  /* NULL: no clip */
/* A clip within the current one (a map inside a scrolled page): push
 * returns what to restore, pop restores it. */
typedef struct RenderClip {
    bool enabled;
    int x, y, w, h;             /* device px */
} RenderClip;
RenderClip render_clip_push(RenderCtx *r, RenderRect rect);
void render_clip_pop(RenderCtx *r, RenderClip saved);
/* A circle's outline, a filled circle, a filled convex polygon (n points, logical px). */
void render_circle(RenderCtx *r, float cx, float cy, float radius, float thickness, RenderColor c);
void render_fill_circle(RenderCtx *r, float cx, float cy, float radius, RenderColor c);
void render_fill_convex(RenderCtx *r, const float *xy, int n, RenderColor c);
/* Inside `rect`, bands `width` wide along its edges that fade from `c` at
 * the edge to nothing inward. */
void render_fade_edges(RenderCtx *r, RenderRect rect, float width, RenderColor c);

/* ==== Text ==== */

/* Draws UTF-8 text with its top-left (or top-centre, top-right) at x, y;
 * size in logical px. Returns the width drawn. */
float render_text(RenderCtx *r, const char *text, float x, float y, float size, RenderFont font, RenderColor c,
                  RenderAlign align);
/* One text drawn, as a text log records it: where (device pixels, within
 * the clip), its colour, size (logical px) and font, and its start. */
typedef struct RenderTextDraw {
    SDL_Rect px;                /* device pixels, within the clip */
    bool cut_sideways;          /* the clip cut its left or right end off */
    RenderColor colour;
    float size;
    RenderFont font;
    char text[40];
} RenderTextDraw;
/* Records every text drawn from now into `log` (up to `cap`; NULL stops
 * recording), for checks such as the kiosk's contrast test. The caller owns
 * `log`. */
void render_text_log(RenderCtx *r, RenderTextDraw *log, int cap);
int render_text_log_count(const RenderCtx *r);  /* recorded so far (may exceed cap) */
/* The frame drawn so far, 4 bytes a pixel (R, G, B, A), out_w * out_h
 * pixels into `rgba` (which holds that many); false on failure. */
bool render_read_rgba(RenderCtx *r, uint8_t *rgba);
int render_output_width(const RenderCtx *r);    /* device pixels */
int render_output_height(const RenderCtx *r);
/* Width and height the text would take. */
void render_text_size(RenderCtx *r, const char *text, float size, RenderFont font, float *w, float *h);
/* Draws text wrapped to `width` (breaking at spaces, or between CJK
 * characters); returns the height used. With `draw` false only measures. */
float render_text_wrapped(RenderCtx *r, const char *text, float x, float y, float width, float size,
                          RenderFont font, RenderColor c, bool draw);
/* True if the bundled font has a glyph for every character of `text`;
 * the first missing code point goes to *missing. */
bool render_text_covered(RenderCtx *r, const char *text, uint32_t *missing);
/* Drops every cached text texture (language change, resize). */
void render_text_cache_clear(RenderCtx *r);
int render_text_cache_size(const RenderCtx *r);
size_t render_text_cache_bytes(const RenderCtx *r); /* texture memory held, 4 bytes a pixel */
int render_font_sizes_open(const RenderCtx *r);     /* font faces open (a few per font, each at one size) */

/* What the text cache holds and how it is used, for benchmarks, the soak
 * test and tests. The bytes held stay within the bound (but for a single
 * text larger than the whole bound, then held alone). */
typedef struct RenderTextStats {
    int entries, max_entries;       /* texts held, and the most kept */
    size_t bytes, max_bytes;        /* their texture bytes (4 a pixel), and the most kept */
    uint64_t hits, misses;          /* lookups since the context was made: found, rendered */
    uint64_t evictions;             /* texts dropped to make room (not counting clears) */
    int font_faces;                 /* faces open, all fonts (at most RENDER_FACES each) */
    uint64_t font_resizes;          /* times a face was resized to serve another pixel size */
    size_t font_file_bytes;         /* the font files held in memory */
} RenderTextStats;
RenderTextStats render_text_stats(const RenderCtx *r);

/* ==== Images ==== */

/* Draws a PNG (cached by path) fitted into rect, keeping its aspect ratio.
 * Only a regular file of at most RENDER_MAX_IMAGE_BYTES that is a PNG of at
 * most RENDER_MAX_IMAGE_SIDE pixels a side (its header is read before
 * anything is decoded) is drawn: a small file can declare a picture of
 * gigabytes. Its texture is no bigger than it is drawn (a bigger picture is
 * shrunk when loaded, and loaded again if later drawn bigger). Returns false
 * if it cannot be loaded (the caller draws nothing). */
#define RENDER_MAX_IMAGE_SIDE 2048
#define RENDER_MAX_IMAGE_BYTES ((size_t)8 << 20)
bool render_image(RenderCtx *r, const char *path, RenderRect rect);
size_t render_image_cache_bytes(const RenderCtx *r); /* texture memory of the cached pictures, 4 bytes a pixel */

/* ==== Palettes ==== */

typedef enum RenderPalette { RENDER_PALETTE_VIRIDIS, RENDER_PALETTE_CIVIDIS, RENDER_PALETTE_COUNT } RenderPalette;
/* Colour at t in 0..1 (clamped). */
RenderColor render_palette(RenderPalette p, double t);
/* Black or white, whichever reads better on `bg`. */
RenderColor render_contrast(RenderColor bg);

/* ==== Charts ==== */

typedef struct RenderSeries {
    const double *values;       /* n values, NAN for gaps */
    RenderColor color;
    bool dashed;
    const char *label;
} RenderSeries;

typedef struct RenderChart {
    RenderRect rect;
    int n;                      /* points per series (months) */
    int first_year, first_month;/* calendar of the first point */
    const RenderSeries *series;
    int series_count;
    double y_min, y_max;        /* both 0: from the data */
    const char *unit;           /* shown on the axis */
    float text_size;
    bool legend;
} RenderChart;

void render_chart(RenderCtx *r, const RenderChart *chart);
/* The point of a chart under x (logical px): its index, its x, and the
 * plot's top and bottom; false if x is not over the plot. */
bool render_chart_locate(const RenderChart *chart, float x, int *index, float *line_x, float *top, float *bottom);

/* ==== Screenshots ==== */

/* Reads the current back buffer and writes it as PNG (atomically). */
bool render_screenshot(RenderCtx *r, const char *path, char *err, size_t err_cap);

#endif
