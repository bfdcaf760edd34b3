/* render.c — the drawing context: scale for HiDPI and the UI scale, filled
 * and outlined rectangles, thick lines and polylines as triangles, clipping,
 * cached PNG images and screenshots. */
#include "render_internal.h"

#include "platform.h"

#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

SDL_Renderer *render_create_renderer(SDL_Window *window, bool software, bool vsync)
{
    SDL_Renderer *ren = NULL;
    if (!software)
        ren = SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | (vsync ? SDL_RENDERER_PRESENTVSYNC : 0));
    if (!ren) {
        /* Asked for, or the fallback when OpenGL failed: either way the
         * window's surface must not be an OpenGL texture where the window
         * system has surfaces of its own (X11: shared memory images). The
         * hint is read when the window's surface is first made, which the
         * software renderer does now. SDL's Wayland driver has no surface
         * but an OpenGL texture, and fails the renderer without it. */
        const char *driver = SDL_GetCurrentVideoDriver();
        if (driver && strcmp(driver, "x11") == 0)
            SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        ren = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
    }
    return ren;
}

RenderCtx *render_create(const RenderDesc *d, char *err, size_t cap)
{
    if (TTF_WasInit() == 0 && TTF_Init() != 0) {
        snprintf(err, cap, "SDL_ttf: %s", TTF_GetError());
        return NULL;
    }
    RenderCtx *r = calloc(1, sizeof *r);
    if (!r) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    r->sdl = d->renderer;
    SDL_RendererInfo info;
    bool known = SDL_GetRendererInfo(r->sdl, &info) == 0;
    r->software = known && (info.flags & SDL_RENDERER_SOFTWARE);
    if (known && !r->software && strncmp(info.name, "opengl", 6) == 0) /* "opengl", "opengles2" */
        r->gl_flush = (void (*)(void))SDL_GL_GetProcAddress("glFlush");
    /* The font files are read now; each size is opened when first drawn. */
    if (!render_fonts_load(r, d->font_dir, err, cap)) {
        render_text_fini(r);
        free(r);
        return NULL;
    }
    if (!render_text_init(r, d->text_cache_entries ? d->text_cache_entries : 1024,
                          d->text_cache_bytes ? d->text_cache_bytes : (size_t)16 << 20)) {
        snprintf(err, cap, "out of memory");
        render_text_fini(r);
        free(r);
        return NULL;
    }
    SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
    r->ui_scale = d->ui_scale > 0 ? d->ui_scale : 1.0f;
    render_resize(r, 0, 0, r->ui_scale);
    return r;
}

void render_destroy(RenderCtx *r)
{
    if (!r)
        return;
    render_text_fini(r);
    for (int i = 0; i < RENDER_MAX_IMAGES; i++)
        if (r->images[i].tex)
            SDL_DestroyTexture(r->images[i].tex);
    free(r->verts);
    free(r->idx);
    free(r);
}

SDL_Renderer *render_sdl(RenderCtx *r) { return r->sdl; }

void render_resize(RenderCtx *r, int window_w, int window_h, float ui_scale)
{
    (void)window_w;
    (void)window_h;
    /* Scale from the output in device pixels, so HiDPI needs nothing else:
     * the layout is made for at least 1280x720 logical pixels and grows with
     * the screen, so text reads the same from a kiosk's distance at 4K. */
    SDL_GetRendererOutputSize(r->sdl, &r->out_w, &r->out_h);
    if (ui_scale <= 0)
        ui_scale = 1.0f;
    float fit = fminf((float)r->out_w / 1280.0f, (float)r->out_h / 720.0f);
    float scale = fmaxf(0.25f, fit * ui_scale);
    if (fabsf(scale - r->scale) > 1e-4f) {
        r->scale = scale;
        render_text_cache_clear(r);
    }
    r->ui_scale = ui_scale;
}

float render_width(const RenderCtx *r) { return (float)r->out_w / r->scale; }
float render_height(const RenderCtx *r) { return (float)r->out_h / r->scale; }
float render_scale(const RenderCtx *r) { return r->scale; }

void render_clear(RenderCtx *r, RenderColor c)
{
    r->frame_counter++;
    SDL_SetRenderDrawColor(r->sdl, c.r, c.g, c.b, c.a);
    SDL_RenderClear(r->sdl);
}

void render_present(RenderCtx *r) { SDL_RenderPresent(r->sdl); }

void render_kick(RenderCtx *r)
{
    if (!r->gl_flush)
        return;
    SDL_RenderFlush(r->sdl); /* SDL's queue to OpenGL, */
    r->gl_flush();           /* and OpenGL's to the rasteriser */
}

bool render_scratch(RenderCtx *r, int nv, int ni)
{
    if (nv > r->verts_cap) {
        int cap = nv + nv / 2 + 64;
        SDL_Vertex *v = realloc(r->verts, sizeof *v * (size_t)cap);
        if (!v)
            return false;
        r->verts = v;
        r->verts_cap = cap;
    }
    if (ni > r->idx_cap) {
        int cap = ni + ni / 2 + 96;
        int *ix = realloc(r->idx, sizeof *ix * (size_t)cap);
        if (!ix)
            return false;
        r->idx = ix;
        r->idx_cap = cap;
    }
    return true;
}

/* An opaque rectangle is filled without blending: the same pixels, but the
 * software renderer fills it as a plain fill instead of blending each
 * pixel (the title's band is 42 % of the window), and llvmpipe does not
 * read what is under it. */
void render_fill_rect(RenderCtx *r, RenderRect rect, RenderColor c)
{
    SDL_FRect fr = {rect.x * r->scale, rect.y * r->scale, rect.w * r->scale, rect.h * r->scale};
    /* A rectangle that reaches the frame's right or bottom edge in logical
     * pixels (render_width, render_height: the output over the scale)
     * reaches it in device pixels too. Rounding may leave it a hair short,
     * and the software renderer, which cuts a rectangle's corner and size
     * to whole pixels, then left the frame's last row unpainted (the mode
     * bar's, at 1024x640): from its first whole pixel to the edge. */
    if (fabsf(fr.x + fr.w - (float)r->out_w) < 0.01f) {
        fr.x = floorf(fr.x);
        fr.w = (float)r->out_w - fr.x;
    }
    if (fabsf(fr.y + fr.h - (float)r->out_h) < 0.01f) {
        fr.y = floorf(fr.y);
        fr.h = (float)r->out_h - fr.y;
    }
    SDL_SetRenderDrawColor(r->sdl, c.r, c.g, c.b, c.a);
    SDL_BlendMode mode = SDL_BLENDMODE_BLEND;
    if (c.a == 255 && SDL_GetRenderDrawBlendMode(r->sdl, &mode) == 0 && mode == SDL_BLENDMODE_BLEND) {
        SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_NONE);
        SDL_RenderFillRectF(r->sdl, &fr);
        SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
        return;
    }
    SDL_RenderFillRectF(r->sdl, &fr);
}

/* Four rectangles around another (device pixels), those that are not
 * empty: SDL's renderers draw an empty rectangle a pixel wide. Leaves
 * blending on. */
static void fill_strips(RenderCtx *r, const SDL_Rect strips[4], RenderColor c)
{
    SDL_Rect some[4];
    int n = 0;
    for (int i = 0; i < 4; i++)
        if (strips[i].w > 0 && strips[i].h > 0)
            some[n++] = strips[i];
    SDL_SetRenderDrawBlendMode(r->sdl, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(r->sdl, c.r, c.g, c.b, c.a);
    if (n > 0)
        SDL_RenderFillRects(r->sdl, some, n);
    SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
}

/* The device pixels render_clip_push lets through for a rectangle. */
static SDL_Rect clip_pixels(const RenderCtx *r, RenderRect rect)
{
    return (SDL_Rect){(int)floorf(rect.x * r->scale), (int)floorf(rect.y * r->scale), (int)ceilf(rect.w * r->scale),
                      (int)ceilf(rect.h * r->scale)};
}

/* render_fill_around's rectangles in whole device pixels: the outer one
 * grown to them, the inner one rounded and kept within it. */
static void around_pixels(const RenderCtx *r, RenderRect outer, RenderRect inner, SDL_Rect *out, SDL_Rect *in)
{
    float s = r->scale;
    int ax0 = (int)floorf(outer.x * s), ay0 = (int)floorf(outer.y * s);
    int ax1 = (int)ceilf((outer.x + outer.w) * s), ay1 = (int)ceilf((outer.y + outer.h) * s);
    int ix0 = (int)lroundf(inner.x * s), iy0 = (int)lroundf(inner.y * s);
    int ix1 = (int)lroundf((inner.x + inner.w) * s), iy1 = (int)lroundf((inner.y + inner.h) * s);
    int x0 = ix0 < ax0 ? ax0 : ix0 > ax1 ? ax1 : ix0, x1 = ix1 < x0 ? x0 : ix1 > ax1 ? ax1 : ix1;
    int y0 = iy0 < ay0 ? ay0 : iy0 > ay1 ? ay1 : iy0, y1 = iy1 < y0 ? y0 : iy1 > ay1 ? ay1 : iy1;
    *out = (SDL_Rect){ax0, ay0, ax1 - ax0, ay1 - ay0};
    *in = (SDL_Rect){x0, y0, x1 - x0, y1 - y0};
}

/* The strips of `out` around `in` (within it), those that are not empty. */
static void fill_around_rect(RenderCtx *r, SDL_Rect out, SDL_Rect in, RenderColor c)
{
    SDL_Rect strips[4] = {{out.x, out.y, out.w, in.y - out.y},
                          {out.x, in.y + in.h, out.w, out.y + out.h - (in.y + in.h)},
                          {out.x, in.y, in.x - out.x, in.h},
                          {in.x + in.w, in.y, out.x + out.w - (in.x + in.w), in.h}};
    fill_strips(r, strips, c);
}

void render_fill_outside(RenderCtx *r, RenderRect outer, RenderColor c, RenderRect inner)
{
    SDL_Rect out, in;
    around_pixels(r, outer, inner, &out, &in);
    fill_around_rect(r, out, in, c);
}

void render_fill_around(RenderCtx *r, RenderRect outer, RenderColor around, RenderRect inner, RenderColor inside)
{
    if (inside.a < 255) { /* (render_fill_rect blends only what is not opaque) */
        render_fill_rect(r, outer, around);
        render_fill_rect(r, inner, inside);
        return;
    }
    /* Under an opaque inner rectangle the outer colour would be written for
     * nothing: a full pass over a 4K window. So both are whole device
     * pixels of one rectangle and its complement: nothing twice, nothing
     * missed. */
    SDL_Rect out, in;
    around_pixels(r, outer, inner, &out, &in);
    fill_around_rect(r, out, in, around);
    if (in.w > 0 && in.h > 0) { /* (an empty one would be drawn a pixel wide) */
        SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_NONE);
        SDL_SetRenderDrawColor(r->sdl, inside.r, inside.g, inside.b, inside.a);
        SDL_RenderFillRect(r->sdl, &in);
        SDL_SetRenderDrawBlendMode(r->sdl, SDL_BLENDMODE_BLEND);
    }
}

void render_frame_rect(RenderCtx *r, RenderRect rect, float t, RenderColor c)
{
    t = fmaxf(t, 1.0f / r->scale); /* never thinner than a device pixel, or it vanishes */
    render_fill_rect(r, (RenderRect){rect.x, rect.y, rect.w, t}, c);
    render_fill_rect(r, (RenderRect){rect.x, rect.y + rect.h - t, rect.w, t}, c);
    render_fill_rect(r, (RenderRect){rect.x, rect.y + t, t, rect.h - 2 * t}, c);
    render_fill_rect(r, (RenderRect){rect.x + rect.w - t, rect.y + t, t, rect.h - 2 * t}, c);
}

/* One quad per segment, in device pixels. */
static void add_segment(SDL_Vertex *v, int *ix, int base, float x0, float y0, float x1, float y1, float half,
                        SDL_Color col)
{
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    float nx = len > 0 ? -dy / len * half : 0, ny = len > 0 ? dx / len * half : 0;
    v[0] = (SDL_Vertex){{x0 + nx, y0 + ny}, col, {0, 0}};
    v[1] = (SDL_Vertex){{x1 + nx, y1 + ny}, col, {0, 0}};
    v[2] = (SDL_Vertex){{x1 - nx, y1 - ny}, col, {0, 0}};
    v[3] = (SDL_Vertex){{x0 - nx, y0 - ny}, col, {0, 0}};
    int q[6] = {0, 1, 2, 0, 2, 3};
    for (int k = 0; k < 6; k++)
        ix[k] = base + q[k];
}

void render_triangles(RenderCtx *r, const SDL_Vertex *v, int nv, const int *idx, int ni)
{
    RenderPixels px;
    if (render_pixels_begin(r, &px)) {
        SDL_BlendMode mode = SDL_BLENDMODE_BLEND;
        SDL_GetRenderDrawBlendMode(r->sdl, &mode);
        render_raster_triangles(&px, v, idx, ni, mode == SDL_BLENDMODE_BLEND);
        render_pixels_end(&px);
    } else {
        SDL_RenderGeometry(r->sdl, NULL, v, nv, idx, ni);
    }
}

void render_line(RenderCtx *r, float x0, float y0, float x1, float y1, float t, RenderColor c)
{
    float xy[4] = {x0, y0, x1, y1};
    render_polyline(r, xy, 2, t, c);
}

void render_polyline(RenderCtx *r, const float *xy, int n, float t, RenderColor c)
{
    if (n < 2 || !render_scratch(r, 4 * (n - 1), 6 * (n - 1)))
        return;
    float s = r->scale, half = fmaxf(0.5f, t * s * 0.5f);
    SDL_Color col = render_sdl_color(c);
    for (int i = 0; i + 1 < n; i++)
        add_segment(&r->verts[4 * i], &r->idx[6 * i], 4 * i, xy[2 * i] * s, xy[2 * i + 1] * s, xy[2 * i + 2] * s,
                    xy[2 * i + 3] * s, half, col);
    render_triangles(r, r->verts, 4 * (n - 1), r->idx, 6 * (n - 1));
}

void render_circle(RenderCtx *r, float cx, float cy, float radius, float thickness, RenderColor c)
{
    float xy[2 * 41];
    for (int i = 0; i <= 40; i++) {
        float a = (float)i * 6.2831853f / 40.0f;
        xy[2 * i] = cx + radius * cosf(a);
        xy[2 * i + 1] = cy + radius * sinf(a);
    }
    render_polyline(r, xy, 41, thickness, c);
}

void render_fill_convex(RenderCtx *r, const float *xy, int n, RenderColor c)
{
    if (n < 3 || !render_scratch(r, n, 3 * (n - 2)))
        return;
    float s = r->scale;
    SDL_Color col = render_sdl_color(c);
    for (int i = 0; i < n; i++)
        r->verts[i] = (SDL_Vertex){{xy[2 * i] * s, xy[2 * i + 1] * s}, col, {0, 0}};
    for (int i = 0; i + 2 < n; i++) { /* a fan from the first point */
        r->idx[3 * i] = 0;
        r->idx[3 * i + 1] = i + 1;
        r->idx[3 * i + 2] = i + 2;
    }
    render_triangles(r, r->verts, n, r->idx, 3 * (n - 2));
}

/* A quad with a colour at each corner (logical px, clockwise from top left). */
static void gradient_quad(RenderCtx *r, const float *xy, const RenderColor *cols)
{
    if (!render_scratch(r, 4, 6))
        return;
    float s = r->scale;
    for (int i = 0; i < 4; i++)
        r->verts[i] = (SDL_Vertex){{xy[2 * i] * s, xy[2 * i + 1] * s}, render_sdl_color(cols[i]), {0, 0}};
    static const int idx[6] = {0, 1, 2, 0, 2, 3};
    memcpy(r->idx, idx, sizeof idx);
    SDL_RenderGeometry(r->sdl, NULL, r->verts, 4, r->idx, 6);
}

void render_fade_edges(RenderCtx *r, RenderRect rect, float width, RenderColor c)
{
    RenderPixels px;
    if (render_pixels_begin(r, &px)) { /* the software renderer: straight into its pixels */
        float s = r->scale;
        render_raster_fade(&px, (SDL_FRect){rect.x * s, rect.y * s, rect.w * s, rect.h * s}, width * s,
                           render_sdl_color(c));
        render_pixels_end(&px);
        return;
    }
    RenderColor solid = c, clear = c;
    clear.a = 0;
    float x0 = rect.x, y0 = rect.y, x1 = rect.x + rect.w, y1 = rect.y + rect.h, w = width;
    float top[] = {x0, y0, x1, y0, x1 - w, y0 + w, x0 + w, y0 + w};
    float bottom[] = {x0 + w, y1 - w, x1 - w, y1 - w, x1, y1, x0, y1};
    float left[] = {x0, y0, x0 + w, y0 + w, x0 + w, y1 - w, x0, y1};
    float right[] = {x1 - w, y0 + w, x1, y0, x1, y1, x1 - w, y1 - w};
    RenderColor ct[] = {solid, solid, clear, clear}, cb[] = {clear, clear, solid, solid};
    RenderColor cl[] = {solid, clear, clear, solid}, cr[] = {clear, solid, solid, clear};
    gradient_quad(r, top, ct);
    gradient_quad(r, bottom, cb);
    gradient_quad(r, left, cl);
    gradient_quad(r, right, cr);
}

void render_fill_circle(RenderCtx *r, float cx, float cy, float radius, RenderColor c)
{
    float xy[2 * 32];
    for (int i = 0; i < 32; i++) {
        float a = (float)i * 6.2831853f / 32.0f;
        xy[2 * i] = cx + radius * cosf(a);
        xy[2 * i + 1] = cy + radius * sinf(a);
    }
    render_fill_convex(r, xy, 32, c);
}

void render_set_clip(RenderCtx *r, const RenderRect *rect)
{
    if (!rect) {
        SDL_RenderSetClipRect(r->sdl, NULL);
        return;
    }
    SDL_Rect cr = {(int)floorf(rect->x * r->scale), (int)floorf(rect->y * r->scale),
                   (int)ceilf(rect->w * r->scale), (int)ceilf(rect->h * r->scale)};
    SDL_RenderSetClipRect(r->sdl, &cr);
}

RenderClip render_clip_push(RenderCtx *r, RenderRect rect)
{
    RenderClip saved = {SDL_RenderIsClipEnabled(r->sdl) == SDL_TRUE, 0, 0, 0, 0};
    SDL_Rect cr = clip_pixels(r, rect);
    if (saved.enabled) {
        SDL_Rect prev, both;
        SDL_RenderGetClipRect(r->sdl, &prev);
        saved.x = prev.x, saved.y = prev.y, saved.w = prev.w, saved.h = prev.h;
        if (!SDL_IntersectRect(&prev, &cr, &both))
            both = (SDL_Rect){prev.x, prev.y, 0, 0}; /* nothing of it shows */
        cr = both;
    }
    SDL_RenderSetClipRect(r->sdl, &cr);
    return saved;
}

void render_clip_pop(RenderCtx *r, RenderClip saved)
{
    SDL_Rect prev = {saved.x, saved.y, saved.w, saved.h};
    SDL_RenderSetClipRect(r->sdl, saved.enabled ? &prev : NULL);
}

/* A PNG file, checked before it is decoded (render_image). */
static SDL_Surface *load_png(const char *path)
{
    size_t len;
    char *data = plat_read_file(path, RENDER_MAX_IMAGE_BYTES, &len);
    uint32_t w, h;
    SDL_Surface *surf = NULL;
    if (data && plat_png_size(data, len, &w, &h) && w > 0 && h > 0 && w <= RENDER_MAX_IMAGE_SIDE &&
        h <= RENDER_MAX_IMAGE_SIDE) {
        SDL_RWops *rw = SDL_RWFromConstMem(data, (int)len);
        surf = rw ? IMG_LoadPNG_RW(rw) : NULL; /* PNG only: no other format is sniffed from the bytes */
        if (rw)
            SDL_RWclose(rw);
        if (surf && (surf->w > RENDER_MAX_IMAGE_SIDE || surf->h > RENDER_MAX_IMAGE_SIDE)) {
            SDL_FreeSurface(surf);
            surf = NULL;
        }
    }
    free(data);
    return surf;
}

/* The device pixels a w x h picture takes fitted into rect, at most its own. */
static void image_fit(const RenderCtx *r, int w, int h, RenderRect rect, int *fw, int *fh)
{
    float k = fminf(rect.w / (float)w, rect.h / (float)h) * r->scale;
    *fw = (int)fminf(ceilf((float)w * k), (float)w);
    *fh = (int)fminf(ceilf((float)h * k), (float)h);
}

/* Loads e's picture into a texture of the size it takes in rect, shrunk
 * with linear filtering if the picture is bigger: a mod's photo drawn in a
 * card holds the card's pixels, not the photo's. e->tex stays NULL if the
 * picture cannot be loaded. */
static void image_load(RenderCtx *r, ImageEntry *e, RenderRect rect)
{
    SDL_Surface *surf = load_png(e->path);
    if (!surf)
        return;
    e->w = surf->w;
    e->h = surf->h;
    int tw, th;
    image_fit(r, e->w, e->h, rect, &tw, &th);
    if (tw > 0 && th > 0 && (tw < e->w || th < e->h)) {
        SDL_Surface *argb = SDL_ConvertSurfaceFormat(surf, SDL_PIXELFORMAT_ARGB8888, 0);
        SDL_Surface *small = SDL_CreateRGBSurfaceWithFormat(0, tw, th, 32, SDL_PIXELFORMAT_ARGB8888);
        if (argb && small && SDL_SoftStretchLinear(argb, NULL, small, NULL) == 0) {
            SDL_FreeSurface(surf);
            surf = small;
            small = NULL;
        }
        SDL_FreeSurface(argb);
        SDL_FreeSurface(small); /* not NULL only if shrinking failed: then the whole picture */
    }
    e->tex = SDL_CreateTextureFromSurface(r->sdl, surf);
    e->tex_w = surf->w;
    e->tex_h = surf->h;
    SDL_FreeSurface(surf);
}

bool render_image(RenderCtx *r, const char *path, RenderRect rect)
{
    ImageEntry *e = NULL, *oldest = &r->images[0];
    for (int i = 0; i < RENDER_MAX_IMAGES; i++) {
        if (strcmp(r->images[i].path, path) == 0) {
            e = &r->images[i];
            break;
        }
        if (r->images[i].last_used < oldest->last_used)
            oldest = &r->images[i];
    }
    if (!e) {
        e = oldest;
        if (e->tex)
            SDL_DestroyTexture(e->tex);
        memset(e, 0, sizeof *e);
        snprintf(e->path, sizeof e->path, "%s", path);
        image_load(r, e, rect);
    } else if (e->tex) {
        /* Drawn bigger than its (shrunk) texture now, after a resize say:
         * loaded again at the new size. */
        int fw, fh;
        image_fit(r, e->w, e->h, rect, &fw, &fh);
        if (e->tex_w < fw || e->tex_h < fh) {
            SDL_DestroyTexture(e->tex);
            e->tex = NULL;
            image_load(r, e, rect);
        }
    }
    e->last_used = r->frame_counter;
    if (!e->tex || e->w <= 0 || e->h <= 0)
        return false;
    float k = fminf(rect.w / (float)e->w, rect.h / (float)e->h);
    SDL_FRect dst = {(rect.x + (rect.w - e->w * k) / 2) * r->scale, (rect.y + (rect.h - e->h * k) / 2) * r->scale,
                     e->w * k * r->scale, e->h * k * r->scale};
    SDL_RenderCopyF(r->sdl, e->tex, NULL, &dst);
    return true;
}

size_t render_image_cache_bytes(const RenderCtx *r)
{
    size_t n = 0;
    for (int i = 0; i < RENDER_MAX_IMAGES; i++)
        if (r->images[i].tex)
            n += (size_t)r->images[i].tex_w * (size_t)r->images[i].tex_h * 4;
    return n;
}

bool render_read_rgba(RenderCtx *r, uint8_t *rgba)
{
    return SDL_RenderReadPixels(r->sdl, NULL, SDL_PIXELFORMAT_ABGR8888, rgba, r->out_w * 4) == 0;
}

int render_output_width(const RenderCtx *r) { return r->out_w; }
int render_output_height(const RenderCtx *r) { return r->out_h; }

bool render_screenshot(RenderCtx *r, const char *path, char *err, size_t cap)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, r->out_w, r->out_h, 32, SDL_PIXELFORMAT_ABGR8888);
    if (!s) {
        snprintf(err, cap, "screenshot: %s", SDL_GetError());
        return false;
    }
    bool ok = SDL_RenderReadPixels(r->sdl, NULL, SDL_PIXELFORMAT_ABGR8888, s->pixels, s->pitch) == 0;
    if (ok) {
        /* Opaque: the back buffer's alpha is not meaningful in a picture. */
        for (int y = 0; y < s->h; y++) {
            uint8_t *row = (uint8_t *)s->pixels + y * s->pitch;
            for (int x = 0; x < s->w; x++)
                row[4 * x + 3] = 255;
        }
        char tmp[1100];
        snprintf(tmp, sizeof tmp, "%s.tmp", path);
        ok = IMG_SavePNG(s, tmp) == 0 && rename(tmp, path) == 0;
        if (!ok)
            remove(tmp);
    }
    if (!ok)
        snprintf(err, cap, "screenshot %s: %s", path, SDL_GetError());
    SDL_FreeSurface(s);
    return ok;
}
