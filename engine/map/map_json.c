/* map_json.c — a small strict JSON parser (RFC 8259) for the map loader.
 * Recursive descent over a buffer of known length into a tree of
 * MapJsonValue kept in an arena. Bounds every read and the nesting depth,
 * and reports the first error as "name: line N: message".
 */
#include "map_json.h"

#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== Arena ==== */

#define ARENA_ALIGN 8u               /* enough for double and pointers */
#define ARENA_FIRST_BYTES (64u << 10)
#define ARENA_MAX_BYTES (1u << 20)   /* blocks stop doubling here */
#define NUMBER_MAX_CHARS 127         /* longest number text we copy for strtod */

typedef struct ArenaBlock {
    struct ArenaBlock *next;
    size_t used, cap;
    max_align_t data[];
} ArenaBlock;

struct MapJsonDoc {
    ArenaBlock *blocks;              /* newest first */
    const MapJsonValue *root;
};

/* Returns `size` bytes aligned to ARENA_ALIGN, or NULL when out of memory. */
static void *arena_alloc(MapJsonDoc *doc, size_t size)
{
    if (size > SIZE_MAX / 2)
        return NULL;
    size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    ArenaBlock *b = doc->blocks;
    if (!b || b->cap - b->used < size) {
        size_t cap = b ? b->cap * 2 : ARENA_FIRST_BYTES;
        if (cap > ARENA_MAX_BYTES)
            cap = ARENA_MAX_BYTES;
        if (cap < size)
            cap = size;
        ArenaBlock *nb = malloc(sizeof *nb + cap);
        if (!nb)
            return NULL;
        nb->next = b;
        nb->used = 0;
        nb->cap = cap;
        doc->blocks = nb;
        b = nb;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    return p;
}

/* ==== Parser state and errors ==== */

typedef struct Parser {
    const char *s;
    size_t len, pos;
    int line;
    const char *name;
    char *err;
    size_t err_cap;
    char decimal_point;              /* of the current C locale, for strtod */
    MapJsonDoc *doc;
} Parser;

/* Records "name: line N: message" (first error only) and returns NULL, so
 * that callers can write `return fail(P, ...)`. */
static void *fail(Parser *P, const char *fmt, ...)
{
    if (P->err && P->err_cap > 0) {
        int n = snprintf(P->err, P->err_cap, "%s: line %d: ", P->name, P->line);
        if (n >= 0 && (size_t)n < P->err_cap) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(P->err + n, P->err_cap - (size_t)n, fmt, ap);
            va_end(ap);
        }
    }
    return NULL;
}

static void *fail_oom(Parser *P)
{
    return fail(P, "out of memory");
}

/* Describes the byte at the cursor for messages: 'x', \xNN or "end of input". */
static const char *describe_here(const Parser *P, char *buf, size_t cap)
{
    if (P->pos >= P->len)
        return "end of input";
    unsigned char c = (unsigned char)P->s[P->pos];
    if (c >= 0x20 && c < 0x7f)
        snprintf(buf, cap, "'%c'", (char)c);
    else
        snprintf(buf, cap, "byte 0x%02x", (unsigned)c);
    return buf;
}

static void skip_ws(Parser *P)
{
    while (P->pos < P->len) {
        char c = P->s[P->pos];
        if (c == '\n')
            P->line++;
        else if (c != ' ' && c != '\t' && c != '\r')
            return;
        P->pos++;
    }
}

static MapJsonValue *new_value(Parser *P, MapJsonType type, int line)
{
    MapJsonValue *v = arena_alloc(P->doc, sizeof *v);
    if (!v)
        return fail_oom(P);
    memset(v, 0, sizeof *v);
    v->type = type;
    v->line = line;
    return v;
}

/* ==== Strings ==== */

static bool is_cont(unsigned char c)
{
    return (c & 0xC0u) == 0x80u;
}

/* Length of the valid UTF-8 sequence at p (at most `avail` bytes), or 0 if
 * it is invalid: overlong forms, surrogates and code points above U+10FFFF
 * are refused (RFC 3629). */
static size_t utf8_seq_len(const unsigned char *p, size_t avail)
{
    unsigned char c0 = p[0];
    if (c0 < 0x80)
        return 1;
    if (c0 < 0xC2)
        return 0;
    if (c0 < 0xE0)
        return avail >= 2 && is_cont(p[1]) ? 2 : 0;
    if (c0 < 0xF0) {
        if (avail < 3 || !is_cont(p[1]) || !is_cont(p[2]))
            return 0;
        if ((c0 == 0xE0 && p[1] < 0xA0) || (c0 == 0xED && p[1] >= 0xA0))
            return 0;
        return 3;
    }
    if (c0 < 0xF5) {
        if (avail < 4 || !is_cont(p[1]) || !is_cont(p[2]) || !is_cont(p[3]))
            return 0;
        if ((c0 == 0xF0 && p[1] < 0x90) || (c0 == 0xF4 && p[1] >= 0x90))
            return 0;
        return 4;
    }
    return 0;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Four hex digits at s[0..3] (the caller checked they are in bounds), or -1. */
static long hex4(const char *s)
{
    long v = 0;
    for (int i = 0; i < 4; i++) {
        int d = hex_digit(s[i]);
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

static size_t put_utf8(char *dst, unsigned long cp)
{
    unsigned char *d = (unsigned char *)dst;
    if (cp < 0x80) {
        d[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        d[0] = (unsigned char)(0xC0 | (cp >> 6));
        d[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        d[0] = (unsigned char)(0xE0 | (cp >> 12));
        d[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        d[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    d[0] = (unsigned char)(0xF0 | (cp >> 18));
    d[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    d[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    d[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Parses the string whose opening quote is at the cursor into the arena.
 * Returns the decoded text (length in *out_len) or NULL on error. The decoded
 * form is never longer than the raw one, so one allocation suffices. */
static const char *parse_string(Parser *P, size_t *out_len)
{
    const char *s = P->s;
    size_t start = P->pos + 1, end = start;
    while (end < P->len && s[end] != '"')
        end += s[end] == '\\' ? 2 : 1;
    if (end >= P->len)
        return fail(P, "unterminated string");

    char *dst = arena_alloc(P->doc, end - start + 1);
    if (!dst)
        return fail_oom(P);
    size_t o = 0;
    size_t i = start;
    while (i < end) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\') {
            char e = s[i + 1];       /* i + 1 < end: the scan above skipped it */
            static const char escaped[] = "\"\\/bfnrt";
            static const char decoded[] = "\"\\/\b\f\n\r\t";
            const char *simple = e != '\0' ? strchr(escaped, e) : NULL;
            if (simple) {
                dst[o++] = decoded[simple - escaped];
                i += 2;
                continue;
            }
            if (e != 'u')
                return fail(P, "invalid escape '\\%c' in string", e >= 0x20 && e < 0x7f ? e : '?');
            if (end - i < 6)
                return fail(P, "truncated \\u escape in string");
            long cp = hex4(s + i + 2);
            if (cp < 0)
                return fail(P, "bad hex digits in \\u escape");
            i += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (end - i < 6 || s[i] != '\\' || s[i + 1] != 'u')
                    return fail(P, "unpaired UTF-16 surrogate in \\u escape");
                long lo = hex4(s + i + 2);
                if (lo < 0xDC00 || lo > 0xDFFF)
                    return fail(P, "unpaired UTF-16 surrogate in \\u escape");
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                return fail(P, "unpaired UTF-16 surrogate in \\u escape");
            }
            o += put_utf8(dst + o, (unsigned long)cp);
        } else if (c < 0x20) {
            return fail(P, "control character 0x%02x in string (must be escaped)", (unsigned)c);
        } else {
            size_t n = utf8_seq_len((const unsigned char *)s + i, end - i);
            if (n == 0)
                return fail(P, "invalid UTF-8 in string");
            memcpy(dst + o, s + i, n);
            o += n;
            i += n;
        }
    }
    dst[o] = '\0';
    *out_len = o;
    P->pos = end + 1;
    return dst;
}

/* ==== Numbers and literals ==== */

static bool is_digit(const Parser *P, size_t at)
{
    return at < P->len && P->s[at] >= '0' && P->s[at] <= '9';
}

/* Checks the JSON number grammar, then converts a bounded copy with strtod
 * (with '.' swapped for the locale's decimal point, should it differ). */
static MapJsonValue *parse_number(Parser *P)
{
    size_t start = P->pos, i = start;
    if (i < P->len && P->s[i] == '-')
        i++;
    if (!is_digit(P, i))
        return fail(P, "bad number");
    if (P->s[i] == '0')
        i++;
    else
        while (is_digit(P, i))
            i++;
    if (i < P->len && P->s[i] == '.') {
        i++;
        if (!is_digit(P, i))
            return fail(P, "bad number: digits must follow '.'");
        while (is_digit(P, i))
            i++;
    }
    if (i < P->len && (P->s[i] == 'e' || P->s[i] == 'E')) {
        i++;
        if (i < P->len && (P->s[i] == '+' || P->s[i] == '-'))
            i++;
        if (!is_digit(P, i))
            return fail(P, "bad number: digits must follow the exponent");
        while (is_digit(P, i))
            i++;
    }
    size_t n = i - start;
    if (n > NUMBER_MAX_CHARS)
        return fail(P, "number longer than %d characters", NUMBER_MAX_CHARS);

    char buf[NUMBER_MAX_CHARS + 1];
    memcpy(buf, P->s + start, n);
    buf[n] = '\0';
    if (P->decimal_point != '.') {
        char *dot = strchr(buf, '.');
        if (dot)
            *dot = P->decimal_point;
    }
    char *endp = NULL;
    double d = strtod(buf, &endp);
    if (endp != buf + n)
        return fail(P, "bad number");
    if (!isfinite(d))
        return fail(P, "number out of range");

    MapJsonValue *v = new_value(P, MAP_JSON_NUMBER, P->line);
    if (!v)
        return NULL;
    v->as.number = d;
    P->pos = i;
    return v;
}

static MapJsonValue *parse_literal(Parser *P, const char *word, MapJsonType type)
{
    size_t n = strlen(word);
    if (P->len - P->pos < n || memcmp(P->s + P->pos, word, n) != 0)
        return fail(P, "bad literal (expected '%s')", word);
    P->pos += n;
    return new_value(P, type, P->line);
}

/* ==== Values, arrays, objects ==== */

static MapJsonValue *parse_value(Parser *P, int depth);

static MapJsonValue *parse_array(Parser *P, int depth)
{
    if (depth > MAP_JSON_MAX_DEPTH)
        return fail(P, "arrays and objects nested deeper than %d", MAP_JSON_MAX_DEPTH);
    MapJsonValue *arr = new_value(P, MAP_JSON_ARRAY, P->line);
    if (!arr)
        return NULL;
    P->pos++;                        /* '[' */
    skip_ws(P);
    if (P->pos < P->len && P->s[P->pos] == ']') {
        P->pos++;
        return arr;
    }
    MapJsonValue *tail = NULL;
    for (;;) {
        MapJsonValue *item = parse_value(P, depth);
        if (!item)
            return NULL;
        if (tail)
            tail->next = item;
        else
            arr->as.list.first = item;
        tail = item;
        arr->as.list.count++;
        skip_ws(P);
        char what[16];
        if (P->pos >= P->len)
            return fail(P, "unterminated array (opened on line %d)", arr->line);
        char c = P->s[P->pos];
        if (c == ']') {
            P->pos++;
            return arr;
        }
        if (c != ',')
            return fail(P, "expected ',' or ']' in array, found %s", describe_here(P, what, sizeof what));
        P->pos++;
    }
}

static MapJsonValue *parse_object(Parser *P, int depth)
{
    if (depth > MAP_JSON_MAX_DEPTH)
        return fail(P, "arrays and objects nested deeper than %d", MAP_JSON_MAX_DEPTH);
    MapJsonValue *obj = new_value(P, MAP_JSON_OBJECT, P->line);
    if (!obj)
        return NULL;
    P->pos++;                        /* '{' */
    skip_ws(P);
    if (P->pos < P->len && P->s[P->pos] == '}') {
        P->pos++;
        return obj;
    }
    MapJsonValue *tail = NULL;
    char what[16];
    for (;;) {
        skip_ws(P);
        if (P->pos >= P->len)
            return fail(P, "unterminated object (opened on line %d)", obj->line);
        if (P->s[P->pos] != '"')
            return fail(P, "expected a member name in object, found %s", describe_here(P, what, sizeof what));
        size_t key_len;
        const char *key = parse_string(P, &key_len);
        if (!key)
            return NULL;
        skip_ws(P);
        if (P->pos >= P->len || P->s[P->pos] != ':')
            return fail(P, "expected ':' after member name, found %s", describe_here(P, what, sizeof what));
        P->pos++;
        MapJsonValue *member = parse_value(P, depth);
        if (!member)
            return NULL;
        member->key = key;
        if (tail)
            tail->next = member;
        else
            obj->as.list.first = member;
        tail = member;
        obj->as.list.count++;
        skip_ws(P);
        if (P->pos >= P->len)
            return fail(P, "unterminated object (opened on line %d)", obj->line);
        char c = P->s[P->pos];
        if (c == '}') {
            P->pos++;
            return obj;
        }
        if (c != ',')
            return fail(P, "expected ',' or '}' in object, found %s", describe_here(P, what, sizeof what));
        P->pos++;
    }
}

/* `depth` counts the arrays and objects enclosing the value. */
static MapJsonValue *parse_value(Parser *P, int depth)
{
    skip_ws(P);
    char what[16];
    if (P->pos >= P->len)
        return fail(P, "unexpected end of input");
    switch (P->s[P->pos]) {
    case '{':
        return parse_object(P, depth + 1);
    case '[':
        return parse_array(P, depth + 1);
    case '"': {
        int line = P->line;
        size_t n;
        const char *str = parse_string(P, &n);
        if (!str)
            return NULL;
        MapJsonValue *v = new_value(P, MAP_JSON_STRING, line);
        if (!v)
            return NULL;
        v->as.string.chars = str;
        v->as.string.len = n;
        return v;
    }
    case 't':
        return parse_literal(P, "true", MAP_JSON_TRUE);
    case 'f':
        return parse_literal(P, "false", MAP_JSON_FALSE);
    case 'n':
        return parse_literal(P, "null", MAP_JSON_NULL);
    default:
        if (P->s[P->pos] == '-' || (P->s[P->pos] >= '0' && P->s[P->pos] <= '9'))
            return parse_number(P);
        return fail(P, "unexpected %s", describe_here(P, what, sizeof what));
    }
}

/* ==== Public functions ==== */

MapJsonDoc *map_json_parse(const char *text, size_t len, const char *name, char *err, size_t err_cap)
{
    if (err && err_cap > 0)
        err[0] = '\0';
    const struct lconv *lc = localeconv();
    Parser P = {
        .s = text ? text : "",
        .len = text ? len : 0,
        .line = 1,
        .name = name ? name : "json",
        .err = err,
        .err_cap = err_cap,
        .decimal_point = lc && lc->decimal_point && lc->decimal_point[0] ? lc->decimal_point[0] : '.',
    };
    P.doc = calloc(1, sizeof *P.doc);
    if (!P.doc) {
        fail_oom(&P);
        return NULL;
    }
    if (P.len >= 3 && memcmp(P.s, "\xEF\xBB\xBF", 3) == 0)
        P.pos = 3;
    const MapJsonValue *root = parse_value(&P, 0);
    if (root) {
        skip_ws(&P);
        if (P.pos < P.len) {
            char what[16];
            root = fail(&P, "unexpected %s after the JSON value", describe_here(&P, what, sizeof what));
        }
    }
    if (!root) {
        map_json_destroy(P.doc);
        return NULL;
    }
    P.doc->root = root;
    return P.doc;
}

void map_json_destroy(MapJsonDoc *doc)
{
    if (!doc)
        return;
    ArenaBlock *b = doc->blocks;
    while (b) {
        ArenaBlock *next = b->next;
        free(b);
        b = next;
    }
    free(doc);
}

const MapJsonValue *map_json_root(const MapJsonDoc *doc)
{
    return doc->root;
}

const MapJsonValue *map_json_get(const MapJsonValue *obj, const char *key)
{
    if (!obj || obj->type != MAP_JSON_OBJECT)
        return NULL;
    for (const MapJsonValue *m = obj->as.list.first; m; m = m->next)
        if (strcmp(m->key, key) == 0)
            return m;
    return NULL;
}

const char *map_json_type_name(MapJsonType type)
{
    static const char *const names[MAP_JSON_TYPE_COUNT] = {
        "null", "false", "true", "number", "string", "array", "object",
    };
    return type >= 0 && type < MAP_JSON_TYPE_COUNT ? names[type] : "?";
}
