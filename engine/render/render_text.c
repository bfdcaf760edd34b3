/* render_text.c — text through SDL2_ttf. Each (font, pixel size, string) is
 * rendered once into a white texture and kept in a cache (least recently
 * used goes first), then tinted when drawn, so a frame of interface costs a
 * few texture copies. Wrapping breaks at spaces, or between CJK characters;
 * a paragraph's line breaks are kept too, since finding them measures every
 * prefix of every line. */
#include "render_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct TextEntry {
    char *text;             /* NULL: empty slot */
    uint32_t hash;
    int font, px;
    SDL_Texture *tex;
    int w, h;               /* device pixels */
    uint64_t last_used;
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

void render_text_init(RenderCtx *r, int entries, size_t bytes)
{
    r->wraps = calloc(RENDER_WRAP_CACHE, sizeof *r->wraps);
    r->text_cap = entries * 2; /* open addressing at most half full */
    r->text = calloc((size_t)r->text_cap, sizeof *r->text);
    r->text_count = 0;
    r->text_bytes = 0;
    r->text_budget = bytes;
}

/* What an entry's texture holds: 4 bytes a pixel (ARGB). */
static size_t entry_bytes(const TextEntry *e) { return (size_t)e->w * (size_t)e->h * 4; }

static void entry_free(RenderCtx *r, TextEntry *e)
{
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    r->text_bytes -= entry_bytes(e);
    r->text_count--;
    free(e->text);
    memset(e, 0, sizeof *e);
}

void render_text_cache_clear(RenderCtx *r)
{
    for (int i = 0; i < r->text_cap; i++)
        if (r->text[i].text)
            entry_free(r, &r->text[i]);
    wraps_clear(r);
}

void render_text_fini(RenderCtx *r)
{
    if (!r->text)
        return;
    render_text_cache_clear(r);
    free(r->text);
    r->text = NULL;
    free(r->wraps);
    r->wraps = NULL;
}

int render_text_cache_size(const RenderCtx *r) { return r->text_count; }
size_t render_text_cache_bytes(const RenderCtx *r) { return r->text_bytes; }

int render_font_sizes_open(const RenderCtx *r)
{
    int n = 0;
    for (int f = 0; f < RENDER_FONT_COUNT; f++)
        n += r->font_counts[f];
    return n;
}

TTF_Font *render_font(RenderCtx *r, RenderFont font, float logical_size)
{
    int px = (int)lroundf(logical_size * r->scale);
    if (px < 4)
        px = 4;
    if (px > 400)
        px = 400;
    FontSize *sizes = r->fonts[font];
    for (int i = 0; i < r->font_counts[font]; i++)
        if (sizes[i].px == px)
            return sizes[i].font;
    if (r->font_counts[font] == RENDER_MAX_FONT_SIZES) { /* drop the first: sizes change only on resize */
        TTF_CloseFont(sizes[0].font);
        memmove(sizes, sizes + 1, sizeof *sizes * (RENDER_MAX_FONT_SIZES - 1));
        r->font_counts[font]--;
    }
    TTF_Font *f = TTF_OpenFont(r->font_path[font], px);
    if (!f)
        return NULL;
    TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
    sizes[r->font_counts[font]++] = (FontSize){px, f};
    return f;
}

/* Rehash after removing entries (open addressing needs no tombstones then). */
static void rehash(RenderCtx *r)
{
    TextEntry *old = r->text;
    TextEntry *fresh = calloc((size_t)r->text_cap, sizeof *fresh);
    if (!fresh)
        return;
    r->text = fresh;
    for (int i = 0; i < r->text_cap; i++) {
        if (!old[i].text)
            continue;
        int k = (int)(old[i].hash % (uint32_t)r->text_cap);
        while (fresh[k].text)
            k = (k + 1) % r->text_cap;
        fresh[k] = old[i];
    }
    free(old);
}

/* Evicts roughly the least recently used quarter of the cache (by age
 * range), never an entry used in this frame. */
static void evict(RenderCtx *r)
{
    uint64_t lo = UINT64_MAX, hi = 0;
    for (int i = 0; i < r->text_cap; i++)
        if (r->text[i].text) {
            uint64_t a = r->text[i].last_used;
            lo = a < lo ? a : lo;
            hi = a > hi ? a : hi;
        }
    uint64_t cut = lo + (hi - lo) / 4;
    int freed = 0;
    for (int pass = 0; pass < 2 && freed == 0; pass++, cut = hi) /* all old: free all but this frame's */
        for (int i = 0; i < r->text_cap; i++)
            if (r->text[i].text && r->text[i].last_used <= cut && r->text[i].last_used != r->frame_counter) {
                entry_free(r, &r->text[i]);
                freed++;
            }
    rehash(r);
}

static TextEntry *lookup(RenderCtx *r, const char *text, RenderFont font, float size)
{
    int px = (int)lroundf(size * r->scale);
    uint32_t h = text_hash(text, (int)font, px);
    int k = (int)(h % (uint32_t)r->text_cap);
    while (r->text[k].text) {
        TextEntry *e = &r->text[k];
        if (e->hash == h && e->font == (int)font && e->px == px && strcmp(e->text, text) == 0) {
            e->last_used = r->frame_counter;
            return e;
        }
        k = (k + 1) % r->text_cap;
    }
    /* Full by count or by bytes: drop the oldest. The byte bound is soft
     * within a frame (this frame's entries stay), so a frame never loses
     * text it needs; across frames it holds. */
    if (r->text_count * 2 >= r->text_cap || r->text_bytes >= r->text_budget) {
        evict(r);
        if (r->text_count * 2 >= r->text_cap)
            return NULL; /* every entry is in use this frame: draw nothing rather than loop */
        for (k = (int)(h % (uint32_t)r->text_cap); r->text[k].text; k = (k + 1) % r->text_cap)
            ;
    }
    TTF_Font *f = render_font(r, font, size);
    if (!f)
        return NULL;
    SDL_Surface *surf = TTF_RenderUTF8_Blended(f, text, (SDL_Color){255, 255, 255, 255});
    if (!surf)
        return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(r->sdl, surf);
    int w = surf->w, hh = surf->h;
    SDL_FreeSurface(surf);
    size_t len = strlen(text) + 1;
    char *copy = malloc(len);
    if (!tex || !copy) {
        if (tex)
            SDL_DestroyTexture(tex);
        free(copy);
        return NULL;
    }
    memcpy(copy, text, len);
    SDL_SetTextureBlendMode(tex, SDL_BLENDMODE_BLEND);
    TextEntry *e = &r->text[k];
    *e = (TextEntry){copy, h, (int)font, px, tex, w, hh, r->frame_counter};
    r->text_count++;
    r->text_bytes += entry_bytes(e);
    return e;
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
    SDL_SetTextureColorMod(e->tex, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(e->tex, c.a);
    SDL_RenderCopyF(r->sdl, e->tex, NULL, &dst);
    return w;
}

void render_text_size(RenderCtx *r, const char *text, float size, RenderFont font, float *w, float *h)
{
    int iw = 0, ih = 0;
    TTF_Font *f = render_font(r, font, size);
    if (f && text && *text)
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
static int wrap_lines(TTF_Font *f, const char *text, float width, WrapLine **out)
{
    int count = 0, cap = 8;
    WrapLine *lines = malloc(sizeof *lines * (size_t)cap);
    char line[2048];
    const char *p = text;
    while (lines && *p) {
        /* Take characters while the line fits; remember the last break. */
        const char *start = p, *brk = NULL, *q = p;
        size_t len = 0;
        while (*q && *q != '\n') {
            const char *before = q;
            uint32_t cp = next_codepoint(&q);
            size_t n = (size_t)(q - before);
            if (len + n >= sizeof line)
                break;
            memcpy(line + len, before, n);
            line[len + n] = '\0';
            int w = 0;
            if (f)
                TTF_SizeUTF8(f, line, &w, NULL);
            if ((float)w > width && len > 0) {
                q = before;
                break;
            }
            len += n;
            const char *peek = q;
            uint32_t nextc = *peek ? next_codepoint(&peek) : 0;
            if ((cp == ' ' || is_cjk(cp) || (nextc && is_cjk(nextc))) && !no_line_start(nextc))
                brk = q;
        }
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
