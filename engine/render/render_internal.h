/* render_internal.h — the context's fields, shared by the render module. */
#ifndef RENDER_INTERNAL_H
#define RENDER_INTERNAL_H

#include "map.h"
#include "render.h"

#include <SDL_ttf.h>

/* Faces open per font. A face is at one pixel size at a time and is
 * resized (TTF_SetFontSize) to serve another: a face holds ~400 KB, and the
 * map's labels alone come in some twenty sizes. */
#define RENDER_FACES 4
#define RENDER_MAX_IMAGES 32

typedef struct TextEntry TextEntry;
typedef struct WrapEntry WrapEntry;
#define RENDER_WRAP_CACHE 64 /* wrapped paragraphs whose line breaks are kept */

typedef struct FontFace {
    TTF_Font *font;         /* NULL: not opened yet */
    int px;                 /* its size now, device pixels */
    uint64_t last_used;     /* r->font_clock when last asked for */
} FontFace;

typedef struct ImageEntry {
    char path[512];
    SDL_Texture *tex;       /* NULL if it failed to load (remembered, not retried) */
    int w, h;               /* the picture's own size */
    int tex_w, tex_h;       /* the texture's: no bigger than the picture was drawn */
    uint64_t last_used;
} ImageEntry;

struct RenderCtx {
    SDL_Renderer *sdl;
    bool software;          /* SDL's software renderer: render_pixels_begin may write to its window */
    void (*gl_flush)(void); /* glFlush with SDL's OpenGL renderers, else NULL (render_kick) */
    /* Each font file mapped once (plat_map_file: 3.8 MB, of which a session
     * touches some tables and the glyphs it draws); its faces are opened
     * from there when first needed, so no size re-reads the file. */
    const void *font_data[RENDER_FONT_COUNT];
    size_t font_bytes[RENDER_FONT_COUNT];
    FontFace faces[RENDER_FONT_COUNT][RENDER_FACES];
    uint64_t font_clock, font_resizes;
    float scale;            /* device px per logical px */
    float ui_scale;
    int out_w, out_h;       /* device pixels */
    /* Text cache (render_text.c): text_max entries, found through an
     * open-addressing index, and a list from the most to the least recently
     * used, which goes first when the entries or the bytes run out. */
    TextEntry *text;
    int *text_index;        /* text_slots slots: an entry's index + 1, 0 = empty */
    int text_max, text_slots, text_count;
    int text_newest, text_oldest, text_free; /* -1: none */
    size_t text_bytes, text_budget; /* texture bytes held, and the most kept */
    uint64_t text_hits, text_misses, text_evictions;
    RenderTextDraw *text_log; /* render_text_log: NULL unless recording */
    int text_log_cap, text_log_count;
    WrapEntry *wraps;       /* RENDER_WRAP_CACHE line layouts, least recently used replaced */
    uint64_t frame_counter;
    ImageEntry images[RENDER_MAX_IMAGES];
    /* Scratch for geometry. */
    SDL_Vertex *verts;
    int *idx;
    int verts_cap, idx_cap;
};

/* Grows the scratch arrays to hold at least nv vertices and ni indices. */
bool render_scratch(RenderCtx *r, int nv, int ni);
TTF_Font *render_font(RenderCtx *r, RenderFont font, float logical_size);
/* Reads the bundled font files from `dir` into memory (render_text.c);
 * false with a message naming the file. */
bool render_fonts_load(RenderCtx *r, const char *dir, char *err, size_t err_cap);
/* Sets up the text cache; false if out of memory. */
bool render_text_init(RenderCtx *r, int entries, size_t bytes);
/* Frees the text cache, the fonts and their files. */
void render_text_fini(RenderCtx *r);
static inline SDL_Color render_sdl_color(RenderColor c) { return (SDL_Color){c.r, c.g, c.b, c.a}; }

/* ==== Pixels (render_raster.c) ==== */

/* The pixels the software renderer draws into: its window's surface. */
typedef struct RenderPixels {
    SDL_Surface *surface;
    uint8_t *pixels;
    int pitch;
    const SDL_PixelFormat *format;
    SDL_Rect clip;          /* the renderer's clip, device px */
} RenderPixels;

/* Draws what is queued, then gives the window surface's pixels to write
 * into directly, within the renderer's clip. False (draw through SDL) when
 * the renderer is not the software one, draws into a texture, or its
 * surface is not 32 bits a pixel. End with render_pixels_end. */
bool render_pixels_begin(RenderCtx *r, RenderPixels *px);
void render_pixels_end(RenderPixels *px);

/* Triangles (idx, n_idx / 3 of them) of one colour each (their first
 * vertex's), positions in device px: opaque, or blended by their alpha. */
void render_raster_triangles(const RenderPixels *px, const SDL_Vertex *v, const int *idx, int n_idx, bool blend);

/* Triangles of one colour each (their first vertex's), device px, with the
 * renderer's draw blend mode: into the software renderer's pixels when it
 * has them (several times faster than its general rasteriser, which tests
 * every pixel of each triangle's bounding box), else through SDL. */
void render_triangles(RenderCtx *r, const SDL_Vertex *v, int nv, const int *idx, int ni);

/* One feature's rings filled in colour col (opaque), by the even-odd rule:
 * positions of v (device px) from each ring's point_first. False if out of
 * memory (nothing drawn). */
bool render_raster_polygon(const RenderPixels *px, const SDL_Vertex *v, const MapRing *rings, int ring_count,
                           SDL_Color col);

/* render_fade_edges in pixels: colour c, its alpha falling linearly to 0
 * over `width` inwards from each edge of `rect` (device px). */
void render_raster_fade(const RenderPixels *px, SDL_FRect rect, float width, SDL_Color c);

#endif
