/* render_text.c — text through SDL2_ttf. Each font file is mapped into
 * memory once, and each pixel size is opened from there when first used.
 * Each (font, pixel size, string) is rendered once into a white texture and
 * kept in a cache bounded in entries and in texture bytes (the least
 * recently used goes first), then tinted when drawn, so a frame of
 * interface costs a few texture copies. Wrapping breaks at spaces, or
 * between CJK characters; a paragraph's line breaks are kept too, since
 * finding them measures every prefix of every line. */
#include "platform.h"
#include "render_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== Fonts ==== */

/* True if `data` starts like an OpenType or TrueType file (or collection). */
static bool looks_like_font(const unsigned char *data, size_t n)
{
    static const char *const tags[] = {"OTTO", "\0\1\0\0", "true", "ttcf"};
    for (size_t i = 0; n >= 4 && i < sizeof tags / sizeof tags[0]; i++)
        if (memcmp(data, tags[i], 4) == 0)
            return true;
    return false;
}

bool render_fonts_load(RenderCtx *r, const char *dir, char *err, size_t cap)
{
    static const char *const files[RENDER_FONT_COUNT] = {"NotoSansSC-Regular-GreatLeap.otf",
                                                          "NotoSansSC-Bold-GreatLeap.otf"};
    for (int f = 0; f < RENDER_FONT_COUNT; f++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, files[f]);
        size_t n = 0;
        const void *data = plat_map_file(path, INT32_MAX, &n);
        if (!data || !looks_like_font(data, n)) {
            snprintf(err, cap, "cannot open the font %s", data ? path : plat_error());
            if (data)
                snprintf(err + strlen(err), cap - strlen(err), ": not an OpenType font");
            plat_unmap_file(data, n);
            return false;
        }
        r->font_data[f] = data;
        r->font_bytes[f] = n;
    }
    return true;
}

int render_font_sizes_open(const RenderCtx *r)
{
    int n = 0;
    for (int f = 0; f < RENDER_FONT_COUNT; f++)
        for (int i = 0; i < RENDER_FACES; i++)
            n += r->faces[f][i].font != NULL;
    return n;
}

TTF_Font *render_font(RenderCtx *r, RenderFont font, float logical_size)
{
    int px = (int)lroundf(logical_size * r->scale);
    if (px < 4)
        px = 4;
    if (px > 400)
        px = 400;
    /* A face at that size; else one not opened yet; else the least
     * recently used, resized. */
    FontFace *faces = r->faces[font], *pick = &faces[0];
    for (int i = 0; i < RENDER_FACES; i++) {
        if (faces[i].font && faces[i].px == px) {
            faces[i].last_used = ++r->font_clock;
            return faces[i].font;
        }
        if (pick->font && (!faces[i].font || faces[i].last_used < pick->last_used))
            pick = &faces[i];
    }
    if (!pick->font) {
        /* A read-only stream over the file in memory, one per face (a face
         * remembers its stream's position), freed with the face. */
        SDL_RWops *rw = SDL_RWFromConstMem(r->font_data[font], (int)r->font_bytes[font]);
        pick->font = rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
        if (!pick->font)
            return NULL;
        TTF_SetFontHinting(pick->font, TTF_HINTING_LIGHT);
    } else if (TTF_SetFontSize(pick->font, px) != 0) {
        return NULL;
    } else {
        r->font_resizes++;
    }
    pick->px = px;
    pick->last_used = ++r->font_clock;
    return pick->font;
}

/* ==== The text cache ==== */

struct TextEntry {
    char *text;             /* NULL: free */
    uint32_t hash;
    int font, px;
    SDL_Texture *tex;       /* its ink only; NULL if it has none (spaces) */
    int w, h;               /* its line box, device pixels: what layouts measure */
    SDL_Rect ink;           /* where the texture lies in the box */
    int newer, older;       /* neighbours in the use list (-1 at its ends); `older` links the free list */
};

static uint32_t text_hash(const char *s, int font, int px)
{
    uint32_t h = 2166136261u ^ (uint32_t)(font * 131 + px);
    for (; *s; s++)
        h = (h ^ (uint8_t)*s) * 16777619u;
    return h;
}

/* One wrapped paragraph: where each line starts in the text and how many
 * bytes it takes (trailing spaces dropped). */
typedef struct WrapLine {
    int start, len;
} WrapLine;

struct WrapEntry {
    char *text; /* NULL: empty */
    int font, px;
    float width;
    WrapLine *lines;
    int line_count;
    uint64_t last_used;
};

static void wraps_clear(RenderCtx *r)
{
    for (int i = 0; r->wraps && i < RENDER_WRAP_CACHE; i++) {
        free(r->wraps[i].text);
        free(r->wraps[i].lines);
        memset(&r->wraps[i], 0, sizeof r->wraps[i]);
    }
}

bool render_text_init(RenderCtx *r, int entries, size_t bytes)
{
    r->text_max = entries > 0 ? entries : 1;
    r->text_slots = 16;
    while (r->text_slots < 2 * r->text_max) /* the index at most half full */
        r->text_slots *= 2;
    r->wraps = calloc(RENDER_WRAP_CACHE, sizeof *r->wraps);
    r->text = calloc((size_t)r->text_max, sizeof *r->text);
    r->text_index = calloc((size_t)r->text_slots, sizeof *r->text_index);
    r->text_budget = bytes;
    r->text_newest = r->text_oldest = -1;
    r->text_free = -1;
    for (int i = r->text_max - 1; r->text && i >= 0; i--) { /* every entry free, the first on top */
        r->text[i].older = r->text_free;
        r->text_free = i;
    }
    return r->wraps && r->text && r->text_index;
}

/* What an entry's texture holds: 4 bytes a pixel (ARGB). */
static size_t entry_bytes(const TextEntry *e) { return (size_t)e->ink.w * (size_t)e->ink.h * 4; }

/* The smallest rectangle of `surf` (ARGB8888, as SDL_ttf's blended text)
 * holding every pixel that is not fully transparent; empty if none is. A
 * text's line box is mostly transparent (the room above and below its
 * letters), and a transparent pixel blended changes nothing: drawing only
 * the ink gives the same picture with a third to a half of the pixels. */
static SDL_Rect ink_box(const SDL_Surface *surf)
{
    int x0 = surf->w, y0 = surf->h, x1 = -1, y1 = -1;
    for (int y = 0; y < surf->h; y++) {
        const Uint32 *row = (const Uint32 *)((const Uint8 *)surf->pixels + (size_t)y * (size_t)surf->pitch);
        int first = -1, last = -1;
        for (int x = 0; x < surf->w; x++)
            if (row[x] >> 24) {
                if (first < 0)
                    first = x;
                last = x;
            }
        if (first < 0)
            continue;
        y0 = y < y0 ? y : y0;
        y1 = y;
        x0 = first < x0 ? first : x0;
        x1 = last > x1 ? last : x1;
    }
    return x1 < 0 ? (SDL_Rect){0, 0, 0, 0} : (SDL_Rect){x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}

/* The index slot holding (text, font, px), or the empty slot where it
 * would go. */
static int index_slot(const RenderCtx *r, uint32_t h, const char *text, int font, int px)
{
    int mask = r->text_slots - 1, k = (int)(h & (uint32_t)mask);
    for (; r->text_index[k]; k = (k + 1) & mask) {
        const TextEntry *e = &r->text[r->text_index[k] - 1];
        if (e->hash == h && e->font == font && e->px == px && strcmp(e->text, text) == 0)
            break;
    }
    return k;
}

/* Empties slot k of the index, moving later entries of its probe run back
 * so that every entry stays reachable from its home slot (no tombstones). */
static void index_remove(RenderCtx *r, int k)
{
    int mask = r->text_slots - 1;
    for (int j = (k + 1) & mask; r->text_index[j]; j = (j + 1) & mask) {
        int home = (int)(r->text[r->text_index[j] - 1].hash & (uint32_t)mask);
        /* The entry at j may fill the hole at k unless its home lies
         * cyclically in (k, j]. */
        bool stays = k <= j ? (home > k && home <= j) : (home > k || home <= j);
        if (!stays) {
            r->text_index[k] = r->text_index[j];
            k = j;
        }
    }
    r->text_index[k] = 0;
}

static void list_unlink(RenderCtx *r, int i)
{
    TextEntry *e = &r->text[i];
    if (e->newer >= 0)
        r->text[e->newer].older = e->older;
    else
        r->text_newest = e->older;
    if (e->older >= 0)
        r->text[e->older].newer = e->newer;
    else
        r->text_oldest = e->newer;
}

static void list_push_newest(RenderCtx *r, int i)
{
    TextEntry *e = &r->text[i];
    e->newer = -1;
    e->older = r->text_newest;
    if (r->text_newest >= 0)
        r->text[r->text_newest].newer = i;
    else
        r->text_oldest = i;
    r->text_newest = i;
}

/* Drops entry i: from the index, the use list and the GPU. Drawing calls
 * already queued with its texture are carried out first (SDL flushes them
 * when a texture they use is destroyed), so dropping an entry drawn in this
 * frame takes nothing off the screen. */
static void entry_drop(RenderCtx *r, int i)
{
    TextEntry *e = &r->text[i];
    int k = (int)(e->hash & (uint32_t)(r->text_slots - 1));
    while (r->text_index[k] != i + 1)
        k = (k + 1) & (r->text_slots - 1);
    index_remove(r, k);
    list_unlink(r, i);
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    r->text_bytes -= entry_bytes(e);
    r->text_count--;
    free(e->text);
    memset(e, 0, sizeof *e);
    e->older = r->text_free;
    r->text_free = i;
}

void render_text_cache_clear(RenderCtx *r)
{
    while (r->text_oldest >= 0)
        entry_drop(r, r->text_oldest);
    wraps_clear(r);
}

void render_text_fini(RenderCtx *r)
{
    if (r->text && r->text_index)
        render_text_cache_clear(r);
    wraps_clear(r);
    free(r->text);
    free(r->text_index);
    free(r->wraps);
    r->text = NULL;
    r->text_index = NULL;
    r->wraps = NULL;
    for (int f = 0; f < RENDER_FONT_COUNT; f++) {
        for (int i = 0; i < RENDER_FACES; i++)
            if (r->faces[f][i].font)
                TTF_CloseFont(r->faces[f][i].font);
        memset(r->faces[f], 0, sizeof r->faces[f]);
        plat_unmap_file(r->font_data[f], r->font_bytes[f]); /* after its faces, which read from it */
        r->font_data[f] = NULL;
    }
}

int render_text_cache_size(const RenderCtx *r) { return r->text_count; }
size_t render_text_cache_bytes(const RenderCtx *r) { return r->text_bytes; }

RenderTextStats render_text_stats(const RenderCtx *r)
{
    RenderTextStats st = {r->text_count,  r->text_max,       r->text_bytes,           r->text_budget,
                          r->text_hits,   r->text_misses,    r->text_evictions,       render_font_sizes_open(r),
                          r->font_resizes, 0};
    for (int f = 0; f < RENDER_FONT_COUNT; f++)
        st.font_file_bytes += r->font_bytes[f];
    return st;
}

/* The cached entry of `text`, or NULL: nothing rendered, nothing counted. */
static const TextEntry *peek(const RenderCtx *r, const char *text, RenderFont font, float size)
{
    int px = (int)lroundf(size * r->scale);
    int i = r->text_index[index_slot(r, text_hash(text, (int)font, px), text, (int)font, px)];
    return i ? &r->text[i - 1] : NULL;
}

/* The cached texture of `text`, rendering it on a miss; NULL if it cannot
 * be rendered. Room is made before the new texture is created, so the
 * bytes held never pass the budget: the only exception is a single text
 * larger than the whole budget, which is then all the cache holds. */
static TextEntry *lookup(RenderCtx *r, const char *text, RenderFont font, float size)
{
    int px = (int)lroundf(size * r->scale);
    uint32_t h = text_hash(text, (int)font, px);
    int k = index_slot(r, h, text, (int)font, px);
    if (r->text_index[k]) {
        int i = r->text_index[k] - 1;
        r->text_hits++;
        list_unlink(r, i);
        list_push_newest(r, i);
        return &r->text[i];
    }
    r->text_misses++;
    TTF_Font *f = render_font(r, font, size);
    SDL_Surface *surf = f ? TTF_RenderUTF8_Blended(f, text, (SDL_Color){255, 255, 255, 255}) : NULL;
    if (!surf)
        return NULL;
    SDL_Rect ink = surf->format->format == SDL_PIXELFORMAT_ARGB8888 && SDL_LockSurface(surf) == 0
                       ? ink_box(surf)
                       : (SDL_Rect){0, 0, surf->w, surf->h};
    if (SDL_MUSTLOCK(surf))
        SDL_UnlockSurface(surf);
    size_t bytes = (size_t)ink.w * (size_t)ink.h * 4;
    while (r->text_oldest >= 0 && (r->text_count == r->text_max || r->text_bytes + bytes > r->text_budget)) {
        entry_drop(r, r->text_oldest);
        r->text_evictions++;
    }
    SDL_Texture *tex = NULL;
    bool tex_ok = ink.w == 0; /* nothing to draw: no texture, and that is no failure */
    if (!tex_ok) {
        SDL_Surface *part = SDL_CreateRGBSurfaceWithFormatFrom(
            (Uint8 *)surf->pixels + (size_t)ink.y * (size_t)surf->pitch + (size_t)ink.x * 4, ink.w, ink.h, 32,
            surf->pitch, surf->format->format);
        tex = part ? SDL_CreateTextureFromSurface(r->sdl, part) : NULL;
        SDL_FreeSurface(part);
        tex_ok = tex != NULL;
    }
    int w = surf->w, hh = surf->h;
    SDL_FreeSurface(surf);
    size_t len = strlen(text) + 1;
    char *copy = malloc(len);
    if (!tex_ok || !copy) {
        if (tex)
            SDL_DestroyTexture(tex);
        free(copy);
        return NULL;
    }
    memcpy(copy, text, len);
    if (tex)
        SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    int i = r->text_free; /* there is one: at most text_max - 1 are held now */
    TextEntry *e = &r->text[i];
    r->text_free = e->older;
    *e = (TextEntry){copy, h, (int)font, px, tex, w, hh, ink, -1, -1};
    list_push_newest(r, i);
    r->text_index[index_slot(r, h, text, (int)font, px)] = i + 1; /* evictions may have moved the slot */
    r->text_count++;
    r->text_bytes += entry_bytes(e);
    return e;
}

/* A text drawn, into the text log: its rectangle within the clip. */
static void log_text(RenderCtx *r, const char *text, const SDL_FRect *dst, float size, RenderFont font, RenderColor c)
{
    SDL_Rect px = {(int)dst->x, (int)dst->y, (int)dst->w, (int)dst->h}, clip, in;
    bool cut = false;
    if (SDL_RenderIsClipEnabled(r->sdl)) {
        SDL_RenderGetClipRect(r->sdl, &clip);
        if (!SDL_IntersectRect(&px, &clip, &in))
            return;
        cut = in.w < px.w;
        px = in;
    }
    if (r->text_log_count < r->text_log_cap) {
        RenderTextDraw *d = &r->text_log[r->text_log_count];
        *d = (RenderTextDraw){px, cut, c, size, font, ""};
        snprintf(d->text, sizeof d->text, "%s", text);
    }
    r->text_log_count++;
}

float render_text(RenderCtx *r, const char *text, float x, float y, float size, RenderFont font, RenderColor c,
                  RenderAlign align)
{
    if (!text || !*text)
        return 0;
    TextEntry *e = lookup(r, text, font, size);
    if (!e)
        return 0;
    float w = (float)e->w / r->scale;
    if (align == RENDER_CENTER)
        x -= w / 2;
    else if (align == RENDER_RIGHT)
        x -= w;
    SDL_FRect dst = {roundf(x * r->scale), roundf(y * r->scale), (float)e->w, (float)e->h};
    if (e->tex) {
        SDL_FRect ink = {dst.x + (float)e->ink.x, dst.y + (float)e->ink.y, (float)e->ink.w, (float)e->ink.h};
        SDL_SetTextureColorMod(e->tex, c.r, c.g, c.b);
        SDL_SetTextureAlphaMod(e->tex, c.a);
        SDL_RenderCopyF(r->sdl, e->tex, NULL, &ink);
    }
    if (r->text_log)
        log_text(r, text, &dst, size, font, c);
    return w;
}

void render_text_log(RenderCtx *r, RenderTextDraw *log, int cap)
{
    r->text_log = log;
    r->text_log_cap = log ? cap : 0;
    r->text_log_count = 0;
}

int render_text_log_count(const RenderCtx *r) { return r->text_log_count; }

void render_text_size(RenderCtx *r, const char *text, float size, RenderFont font, float *w, float *h)
{
    int iw = 0, ih = 0;
    /* A text in the cache has its size there: SDL_ttf makes a text's
     * surface exactly as big as TTF_SizeUTF8 says, and layouts measure the
     * texts they draw every frame, so no face is needed for them. */
    const TextEntry *e = text && *text ? peek(r, text, font, size) : NULL;
    TTF_Font *f = e ? NULL : render_font(r, font, size);
    if (e) {
        iw = e->w;
        ih = e->h;
    } else if (f && text && *text)
        TTF_SizeUTF8(f, text, &iw, &ih);
    else if (f)
        ih = TTF_FontHeight(f);
    if (w)
        *w = (float)iw / r->scale;
    if (h)
        *h = (float)ih / r->scale;
}

/* ==== UTF-8 ==== */

static uint32_t next_codepoint(const char **p)
{
    const uint8_t *s = (const uint8_t *)*p;
    uint32_t c = s[0];
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (n == 2)
        c &= 0x1F;
    else if (n == 3)
        c &= 0x0F;
    else if (n == 4)
        c &= 0x07;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) { /* broken sequence: take one byte */
            *p += 1;
            return 0xFFFD;
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    *p += n;
    return c;
}

bool render_text_covered(RenderCtx *r, const char *text, uint32_t *missing)
{
    TTF_Font *f = render_font(r, RENDER_FONT_REGULAR, 16);
    TTF_Font *b = render_font(r, RENDER_FONT_BOLD, 16);
    for (const char *p = text; *p;) {
        uint32_t c = next_codepoint(&p);
        if (c == '\n' || c == '\t')
            continue;
        if (!TTF_GlyphIsProvided32(f, c) || !TTF_GlyphIsProvided32(b, c)) {
            if (missing)
                *missing = c;
            return false;
        }
    }
    return true;
}

/* ==== Wrapping ==== */

static bool is_cjk(uint32_t c)
{
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

/* Characters that must not begin a line (closing punctuation). */
static bool no_line_start(uint32_t c)
{
    static const uint32_t list[] = {0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF1A, 0xFF1B, 0xFF01, 0xFF1F, 0xFF09,
                                    0x300D, 0x300F, 0x3011, 0x201D, 0x2019, ',', '.', ';', ':', '!', '?', ')'};
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
        if (c == list[i])
            return true;
    return false;
}

/* Breaks `text` into lines no wider than `width` (device pixels at font
 * f); returns the number of lines, or -1 if out of memory. *out is
 * malloc'd. The width of every prefix is measured, as kerning and shaping
 * make a line's width more than the sum of its characters'. */
/* Whether the first `bytes` bytes of `line` are wider than `width`. */
static bool too_wide(TTF_Font *f, char *line, size_t bytes, float width)
{
    if (!f)
        return false;
    char saved = line[bytes];
    line[bytes] = '\0';
    int w = 0;
    TTF_SizeUTF8(f, line, &w, NULL);
    line[bytes] = saved;
    return (float)w > width;
}

#define WRAP_LINE_BYTES 2048

static int wrap_lines(TTF_Font *f, const char *text, float width, WrapLine **out)
{
    int count = 0, cap = 8;
    WrapLine *lines = malloc(sizeof *lines * (size_t)cap);
    char line[WRAP_LINE_BYTES];
    size_t ends[WRAP_LINE_BYTES]; /* byte length of the first k + 1 characters */
    const char *p = text;
    while (lines && *p) {
        /* The line's characters up to a newline (or as many as the buffer
         * holds: `over`, the first that does not fit in it). */
        const char *start = p, *q = p;
        size_t len = 0;
        int m = 0;
        bool over = false;
        while (*q && *q != '\n') {
            const char *before = q;
            next_codepoint(&q);
            size_t n = (size_t)(q - before);
            if (len + n >= sizeof line) {
                over = true;
                break;
            }
            memcpy(line + len, before, n);
            len += n;
            ends[m++] = len;
        }
        line[len] = '\0';
        /* Take characters while the line fits: the first always, then up to
         * the first whose prefix is too wide. A prefix is no narrower than a
         * shorter one, so that character is found by halving instead of
         * measuring every prefix (a paragraph's layout took 270 measures). */
        int k = m;
        if (m > 1 && too_wide(f, line, len, width)) {
            int lo = 1, hi = m; /* the first k chars fit; k + 1 .. m: hi chars do not */
            while (hi - lo > 1) {
                int mid = (lo + hi) / 2;
                if (too_wide(f, line, ends[mid - 1], width))
                    hi = mid;
                else
                    lo = mid;
            }
            k = lo;
            over = false;
        }
        /* Where the taken characters allow a break (the last such place). */
        const char *brk = NULL, *c = start;
        for (int i = 0; i < k; i++) {
            uint32_t cp = next_codepoint(&c);
            const char *peek = c;
            uint32_t nextc = *peek ? next_codepoint(&peek) : 0;
            if ((cp == ' ' || is_cjk(cp) || (nextc && is_cjk(nextc))) && !no_line_start(nextc))
                brk = c;
        }
        q = start + (k > 0 ? ends[k - 1] : 0);
        if (over) /* the character past the buffer goes with the line, unmeasured */
            next_codepoint(&q);
        const char *end = q;
        if (*q && *q != '\n' && brk && brk > start)
            end = brk;
        int n = (int)(end - start);
        while (n > 0 && start[n - 1] == ' ')
            n--;
        if (count == cap) {
            WrapLine *more = realloc(lines, sizeof *lines * (size_t)(cap *= 2));
            if (!more)
                break;
            lines = more;
        }
        lines[count++] = (WrapLine){(int)(start - text), n};
        p = end;
        while (*p == ' ')
            p++;
        if (*p == '\n')
            p++;
        if (end == start && *p && *p != '\n') /* a single character wider than the line */
            next_codepoint(&p);
    }
    if (!lines)
        return -1;
    *out = lines;
    return count;
}

/* The cached layout of `text`, or a new one in place of the least recently
 * used; NULL if out of memory. */
static const WrapEntry *wrap_lookup(RenderCtx *r, const char *text, float width, RenderFont font, float size)
{
    int px = (int)lroundf(size * r->scale);
    WrapEntry *oldest = &r->wraps[0];
    for (int i = 0; i < RENDER_WRAP_CACHE; i++) {
        WrapEntry *e = &r->wraps[i];
        if (e->text && e->font == (int)font && e->px == px && e->width == width && strcmp(e->text, text) == 0) {
            e->last_used = r->frame_counter;
            return e;
        }
        if (!e->text || (oldest->text && e->last_used < oldest->last_used))
            oldest = e;
    }
    WrapLine *lines = NULL;
    int count = wrap_lines(render_font(r, font, size), text, width * r->scale, &lines);
    size_t len = strlen(text) + 1;
    char *copy = count >= 0 ? malloc(len) : NULL;
    if (!copy) {
        free(lines);
        return NULL;
    }
    memcpy(copy, text, len);
    free(oldest->text);
    free(oldest->lines);
    *oldest = (WrapEntry){copy, (int)font, px, width, lines, count, r->frame_counter};
    return oldest;
}

float render_text_wrapped(RenderCtx *r, const char *text, float x, float y, float width, float size,
                          RenderFont font, RenderColor c, bool draw)
{
    float line_h = 0;
    render_text_size(r, "Ag", size, font, NULL, &line_h);
    line_h *= 1.25f;
    const WrapEntry *e = wrap_lookup(r, text, width, font, size);
    if (!e)
        return 0;
    char line[2048];
    for (int i = 0; draw && i < e->line_count; i++) {
        int n = e->lines[i].len < (int)sizeof line ? e->lines[i].len : (int)sizeof line - 1;
        memcpy(line, text + e->lines[i].start, (size_t)n);
        line[n] = '\0';
        if (n > 0)
            render_text(r, line, x, y + line_h * (float)i, size, font, c, RENDER_LEFT);
    }
    return line_h * (float)e->line_count;
}
