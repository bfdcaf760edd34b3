/* script_locale.c — player-facing strings by language. Mods fill the tables
 * from locale/en.lua and locale/zh.lua; a later mod replaces a key only
 * through an explicit override (script_decl_locale checks that). Lookups are
 * a binary search over the keys, kept sorted; each key remembers its file. */
#include "script_decl.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *dup_text(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static int find(const ScriptLocale *loc, const char *key, bool *found)
{
    int lo = 0, hi = loc->count;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        int c = strcmp(loc->keys[mid], key);
        if (c == 0) {
            *found = true;
            return mid;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return lo;
}

/* Grows the three arrays together to hold `need` keys; false if out of memory. */
static bool grow(ScriptLocale *loc, int need)
{
    if (need <= loc->cap)
        return true;
    int cap = loc->cap ? loc->cap : 256;
    while (cap < need)
        cap *= 2;
    char **keys = realloc(loc->keys, sizeof *keys * (size_t)cap);
    if (keys)
        loc->keys = keys;
    char **values = keys ? realloc(loc->values, sizeof *values * (size_t)cap) : NULL;
    if (values)
        loc->values = values;
    const char **files = values ? realloc(loc->files, sizeof *files * (size_t)cap) : NULL;
    if (files)
        loc->files = files;
    if (!files)
        return false; /* the arrays already grown keep their new size */
    loc->cap = cap;
    return true;
}

/* The locale's own copy of a file name: each file is stored once. */
static const char *file_name(ScriptLocale *loc, const char *file)
{
    if (!file)
        file = "";
    for (int i = loc->file_count - 1; i >= 0; i--)
        if (strcmp(loc->file_names[i], file) == 0)
            return loc->file_names[i];
    if (loc->file_count == loc->file_cap) {
        int cap = loc->file_cap ? loc->file_cap * 2 : 16;
        char **names = realloc(loc->file_names, sizeof *names * (size_t)cap);
        if (!names)
            return NULL;
        loc->file_names = names;
        loc->file_cap = cap;
    }
    char *copy = dup_text(file);
    if (copy)
        loc->file_names[loc->file_count++] = copy;
    return copy;
}

/* Whether `p` lies in one of the locale's blocks (not freed by itself). */
static bool in_block(const ScriptLocale *loc, const char *p)
{
    for (int b = 0; b < loc->block_count; b++)
        if (p >= loc->blocks[b].base && p < loc->blocks[b].base + loc->blocks[b].size)
            return true;
    return false;
}

/* A block of `size` bytes the locale owns; NULL if out of memory. */
static char *new_block(ScriptLocale *loc, size_t size)
{
    if (loc->block_count == loc->block_cap) {
        int cap = loc->block_cap ? loc->block_cap * 2 : 16;
        struct ScriptLocaleBlock *grown = realloc(loc->blocks, sizeof *grown * (size_t)cap);
        if (!grown)
            return NULL;
        loc->blocks = grown;
        loc->block_cap = cap;
    }
    char *base = malloc(size ? size : 1);
    if (base)
        loc->blocks[loc->block_count++] = (struct ScriptLocaleBlock){base, size};
    return base;
}

bool script_locale_add(ScriptLocale *loc, const char *key, const char *value, const char *file)
{
    bool found;
    int i = find(loc, key, &found);
    const char *f = file_name(loc, file);
    char *v = dup_text(value);
    char *k = found ? NULL : dup_text(key);
    if (!v || !f || (!found && (!k || !grow(loc, loc->count + 1)))) {
        free(v);
        free(k);
        return false;
    }
    if (found) {
        if (!in_block(loc, loc->values[i]))
            free(loc->values[i]);
    } else {
        size_t tail = (size_t)(loc->count - i);
        memmove(loc->keys + i + 1, loc->keys + i, sizeof *loc->keys * tail);
        memmove(loc->values + i + 1, loc->values + i, sizeof *loc->values * tail);
        memmove(loc->files + i + 1, loc->files + i, sizeof *loc->files * tail);
        loc->keys[i] = k;
        loc->count++;
    }
    loc->values[i] = v;
    loc->files[i] = f;
    return true;
}

/* A key's first eight bytes as one number that sorts as they do (zeros
 * after a shorter key's end, and a key holds no zero byte). */
static uint64_t key_prefix(const char *key, size_t len)
{
    uint64_t v = 0;
    for (size_t i = 0; i < 8; i++)
        v = v << 8 | (i < len ? (unsigned char)key[i] : 0u);
    return v;
}

typedef struct {
    uint64_t prefix;
    const char *key, *value;
    size_t key_len;
} SortedEntry;

static int by_key(const void *a, const void *b)
{
    const SortedEntry *x = a, *y = b;
    if (x->prefix != y->prefix)
        return x->prefix < y->prefix ? -1 : 1;
    return x->key_len < 8 ? 0 : strcmp(x->key + 8, y->key + 8); /* the same first eight bytes */
}

int script_locale_add_new(ScriptLocale *loc, const ScriptLocaleEntry *given, int n, const char *file,
                          void (*known)(void *ctx, const char *key, const char *earlier_file), void *ctx)
{
    if (n <= 0)
        return 0;
    const char *f = file_name(loc, file);
    size_t bytes = 0;
    for (int i = 0; i < n; i++)
        bytes += given[i].key_len + given[i].value_len + 2;
    int total = loc->count + n;
    SortedEntry *add = malloc(sizeof *add * (size_t)n);
    char **keys = malloc(sizeof *keys * (size_t)total), **values = malloc(sizeof *values * (size_t)total);
    const char **files = malloc(sizeof *files * (size_t)total);
    char *block = f && add && keys && values && files ? new_block(loc, bytes) : NULL;
    if (!block) {
        free(add);
        free(keys);
        free(values);
        free(files);
        return -1;
    }
    /* Every key and text of the file in one block, one after the other. */
    for (int i = 0; i < n; i++) {
        size_t kl = given[i].key_len + 1, vl = given[i].value_len + 1;
        memcpy(block, given[i].key, kl);
        memcpy(block + kl, given[i].value, vl);
        add[i] = (SortedEntry){key_prefix(block, kl - 1), block, block + kl, kl - 1};
        block += kl + vl;
    }
    qsort(add, (size_t)n, sizeof *add, by_key);
    /* Merged into new arrays; a key the locale has already stays as it is. */
    int old = 0, next = 0, at = 0, refused = 0;
    while (old < loc->count || next < n) {
        int c = old == loc->count ? 1 : next == n ? -1 : strcmp(loc->keys[old], add[next].key);
        if (c == 0) {
            known(ctx, add[next++].key, loc->files[old]);
            refused++;
        } else if (c < 0) {
            keys[at] = loc->keys[old];
            values[at] = loc->values[old];
            files[at++] = loc->files[old++];
        } else {
            keys[at] = (char *)add[next].key;
            values[at] = (char *)add[next++].value;
            files[at++] = f;
        }
    }
    free(loc->keys);
    free(loc->values);
    free(loc->files);
    loc->keys = keys;
    loc->values = values;
    loc->files = files;
    loc->count = at;
    loc->cap = total;
    free(add);
    return refused;
}

bool script_locale_set(ScriptLocale *loc, const char *key, const char *value)
{
    return script_locale_add(loc, key, value, NULL);
}

void script_locale_free(ScriptLocale *loc)
{
    for (int i = 0; i < loc->count; i++) {
        if (!in_block(loc, loc->keys[i]))
            free(loc->keys[i]);
        if (!in_block(loc, loc->values[i]))
            free(loc->values[i]);
    }
    for (int i = 0; i < loc->file_count; i++)
        free(loc->file_names[i]);
    for (int b = 0; b < loc->block_count; b++)
        free(loc->blocks[b].base);
    free(loc->blocks);
    free(loc->keys);
    free(loc->values);
    free(loc->files);
    free(loc->file_names);
    memset(loc, 0, sizeof *loc);
}

const char *script_locale_get(const ScriptLocale *loc, const char *key)
{
    bool found;
    int i = key ? find(loc, key, &found) : 0;
    return key && found ? loc->values[i] : NULL;
}

const char *script_locale_file(const ScriptLocale *loc, const char *key)
{
    bool found;
    int i = key ? find(loc, key, &found) : 0;
    return key && found ? loc->files[i] : "";
}

static const char *lookup(const ScriptHost *h, ScriptLang lang, const char *key)
{
    return (unsigned)lang < SCRIPT_LANG_COUNT ? script_locale_get(&h->locale[lang], key) : NULL;
}

const char *script_text_file(const ScriptHost *h, ScriptLang lang, const char *key)
{
    return (unsigned)lang < SCRIPT_LANG_COUNT ? script_locale_file(&h->locale[lang], key) : "";
}

const char *script_text(const ScriptHost *h, ScriptLang lang, const char *key)
{
    const char *v = lookup(h, lang, key);
    if (!v)
        v = lookup(h, SCRIPT_LANG_EN, key);
    return v ? v : key;
}

bool script_has_text(const ScriptHost *h, ScriptLang lang, const char *key)
{
    return lookup(h, lang, key) != NULL;
}

int script_text_count(const ScriptHost *h, ScriptLang lang)
{
    return (unsigned)lang < SCRIPT_LANG_COUNT ? h->locale[lang].count : 0;
}

const char *script_text_key_at(const ScriptHost *h, ScriptLang lang, int i)
{
    if ((unsigned)lang >= SCRIPT_LANG_COUNT || i < 0 || i >= h->locale[lang].count)
        return NULL;
    return h->locale[lang].keys[i];
}

/* ==== Locale ==== */

/* Notes a new key and its text in `*add` (*n of *cap); false if out of memory. */
static bool keep_new(ScriptLocaleEntry **add, int *n, int *cap, const char *key, size_t key_len, const char *value,
                     size_t value_len)
{
    if (*n == *cap) {
        int ncap = *cap ? *cap * 2 : 256;
        ScriptLocaleEntry *grown = realloc(*add, sizeof *grown * (size_t)ncap);
        if (!grown)
            return false;
        *add = grown;
        *cap = ncap;
    }
    (*add)[(*n)++] = (ScriptLocaleEntry){key, value, key_len, value_len};
    return true;
}

/* A key an earlier file defines, found as a file's new keys are added. */
typedef struct {
    const LoadCtx *c;
} KnownKeys;

static void report_known(void *ctx, const char *key, const char *earlier_file)
{
    const KnownKeys *k = ctx;
    decl_bad(k->c, key, "locale key '%s' is already defined in %s (put it in override = { ... } to replace it)", key,
             earlier_file);
}

/* Adds one language's strings. A key another file already defines is an
 * error naming both files; replacing it takes an explicit
 * override = { ["key"] = "text" } table, whose keys must exist already. */
bool script_decl_locale(const LoadCtx *c, int t, const char *file_name)
{
    /* en.lua, zh.lua, or split into parts: en_ui.lua, zh_ui.lua, ... */
    ScriptLang lang;
    if (strcmp(file_name, "en.lua") == 0 || strncmp(file_name, "en_", 3) == 0)
        lang = SCRIPT_LANG_EN;
    else if (strcmp(file_name, "zh.lua") == 0 || strncmp(file_name, "zh_", 3) == 0)
        lang = SCRIPT_LANG_ZH;
    else
        return decl_bad(c, NULL, "locale files are named en.lua, zh.lua, en_<part>.lua or zh_<part>.lua, not %s",
                   file_name);
    ScriptLocale *loc = &c->h->locale[lang];
    bool ok = true;
    /* The file's new keys, added together after the first pass, before any
     * Lua can run (the override lookup may call a metamethod): the strings
     * are the table's own until then. */
    ScriptLocaleEntry *add = NULL;
    int adding = 0, add_cap = 0;
    for (int pass = 0; pass < 2; pass++) { /* the keys, then the overrides */
        int tbl = t;
        if (pass == 1) {
            KnownKeys known = {c};
            int refused = script_locale_add_new(loc, add, adding, c->display, report_known, &known);
            free(add);
            add = NULL;
            if (refused < 0)
                return decl_bad(c, NULL, "out of memory reading locale strings");
            ok = ok && refused == 0;
            lua_getfield(c->L, t, "override");
            if (lua_isnil(c->L, -1)) {
                lua_pop(c->L, 1);
                break;
            }
            tbl = lua_gettop(c->L);
            if (!lua_istable(c->L, tbl)) {
                lua_pop(c->L, 1);
                return decl_bad(c, "override", "'override' must be a table of existing keys and their new text");
            }
        }
        lua_pushnil(c->L);
        while (lua_next(c->L, tbl) != 0) {
            bool is_override = pass == 0 && lua_type(c->L, -2) == LUA_TSTRING &&
                               strcmp(lua_tostring(c->L, -2), "override") == 0 && lua_istable(c->L, -1);
            if (is_override) {
                lua_pop(c->L, 1);
                continue;
            }
            if (lua_type(c->L, -2) != LUA_TSTRING || lua_type(c->L, -1) != LUA_TSTRING) {
                lua_pop(c->L, 2 + pass);
                free(add);
                return decl_bad(c, NULL, "locale tables map string keys to strings");
            }
            /* Sandbox (script_internal.h): locale text leaves the capped Lua
             * state, so its size is capped here. */
            size_t klen = lua_rawlen(c->L, -2), vlen = lua_rawlen(c->L, -1);
            ScriptMod *m = &c->h->mods[c->mod];
            char why[96] = "";
            if (klen > SCRIPT_MAX_LOCALE_KEY)
                snprintf(why, sizeof why, "a locale key is longer than %d bytes", SCRIPT_MAX_LOCALE_KEY);
            else if (strlen(lua_tostring(c->L, -2)) != klen)
                snprintf(why, sizeof why, "a locale key holds a zero byte");
            else if (vlen > SCRIPT_MAX_LOCALE_TEXT)
                snprintf(why, sizeof why, "a locale text is longer than %zu KiB", SCRIPT_MAX_LOCALE_TEXT >> 10);
            else if (klen + vlen > SCRIPT_MAX_LOCALE_BYTES - m->locale_bytes)
                snprintf(why, sizeof why, "the mod's locale texts exceed %zu MiB in all", SCRIPT_MAX_LOCALE_BYTES >> 20);
            else if (m->locale_keys >= SCRIPT_MAX_LOCALE_KEYS)
                snprintf(why, sizeof why, "the mod has more than %d locale keys", SCRIPT_MAX_LOCALE_KEYS);
            if (why[0]) {
                lua_pop(c->L, 2 + pass);
                free(add);
                return decl_bad(c, NULL, "%s", why);
            }
            m->locale_bytes += klen + vlen;
            m->locale_keys++;
            const char *key = lua_tostring(c->L, -2);
            bool exists = pass == 1 && script_locale_get(loc, key) != NULL;
            if (pass == 1 && !exists)
                ok = decl_bad(c, key, "override: no earlier file defines the key '%s' in %s", key,
                         lang == SCRIPT_LANG_EN ? "English" : "Chinese");
            else if (pass == 0 && !keep_new(&add, &adding, &add_cap, key, klen, lua_tostring(c->L, -1), vlen)) {
                lua_pop(c->L, 2);
                free(add);
                return decl_bad(c, NULL, "out of memory reading locale strings");
            } else if (pass == 1 && !script_locale_add(loc, key, lua_tostring(c->L, -1), c->display)) {
                lua_pop(c->L, 3);
                return decl_bad(c, NULL, "out of memory reading locale strings");
            }
            lua_pop(c->L, 1);
        }
        if (pass == 1)
            lua_pop(c->L, 1);
    }
    return ok;
}

/* ==== Placeholders ==== */

/* The name of a placeholder at p ("{amount}" -> "amount"), its length in
 * `len` (with the braces); 0 if p does not start one. */
static size_t placeholder_at(const char *p, char *name, size_t cap)
{
    if (p[0] != '{')
        return 0;
    size_t n = 1;
    while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= '0' && p[n] <= '9') || p[n] == '_')
        n++;
    if (p[n] != '}' || n == 1 || n - 1 >= cap)
        return 0;
    memcpy(name, p + 1, n - 1);
    name[n - 1] = '\0';
    return n + 1;
}

int script_text_placeholders(const char *text, char (*names)[24], int cap)
{
    int count = 0;
    for (const char *p = text; *p; p++) {
        char name[24];
        size_t n = placeholder_at(p, name, sizeof name);
        if (!n)
            continue;
        bool seen = false;
        for (int i = 0; i < count && !seen; i++)
            seen = strcmp(names[i], name) == 0;
        if (!seen && count < cap)
            snprintf(names[count++], 24, "%s", name);
        p += n - 1;
    }
    return count;
}

void script_text_fill(const char *tmpl, const ScriptTextArg *args, int arg_count, const char *province,
                      void (*number)(double v, char *out, size_t cap, void *user), void *user, char *out, size_t cap)
{
    size_t used = 0;
    if (!cap)
        return;
    for (const char *p = tmpl; *p && used + 1 < cap;) {
        char name[24], value[96] = "";
        size_t n = placeholder_at(p, name, sizeof name);
        bool known = false;
        if (n && province && strcmp(name, "province") == 0) {
            snprintf(value, sizeof value, "%s", province);
            known = true;
        }
        for (int i = 0; n && !known && i < arg_count; i++)
            if (strcmp(args[i].name, name) == 0) {
                if (args[i].is_number && number)
                    number(args[i].number, value, sizeof value, user);
                else if (args[i].is_number)
                    snprintf(value, sizeof value, "%g", args[i].number);
                else
                    snprintf(value, sizeof value, "%s", args[i].text);
                known = true;
            }
        if (!known) { /* not a placeholder, or one without a value: as written */
            out[used++] = *p++;
            continue;
        }
        int w = snprintf(out + used, cap - used, "%s", value);
        used += w < 0 ? 0 : (size_t)w < cap - used ? (size_t)w : cap - used - 1;
        p += n;
    }
    out[used] = '\0';
}
