/* script_locale.c — player-facing strings by language. Mods fill the tables
 * from locale/en.lua and locale/zh.lua; a later mod replaces a key only
 * through an explicit override (script_content.c checks that). Lookups are a
 * binary search over the keys, kept sorted; each key remembers its file. */
#include "script_internal.h"

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

/* Grows the three arrays together; false if out of memory. */
static bool grow(ScriptLocale *loc)
{
    if (loc->count < loc->cap)
        return true;
    int cap = loc->cap ? loc->cap * 2 : 256;
    char **arrays[3] = {loc->keys, loc->values, loc->files};
    for (int a = 0; a < 3; a++) {
        char **n = realloc(arrays[a], sizeof *n * (size_t)cap);
        if (!n)
            return false; /* the arrays already grown keep their new size */
        arrays[a] = n;
        if (a == 0)
            loc->keys = n;
        else if (a == 1)
            loc->values = n;
        else
            loc->files = n;
    }
    loc->cap = cap;
    return true;
}

bool script_locale_add(ScriptLocale *loc, const char *key, const char *value, const char *file)
{
    bool found;
    int i = find(loc, key, &found);
    char *v = dup_text(value), *f = dup_text(file ? file : "");
    char *k = found ? NULL : dup_text(key);
    if (!v || !f || (!found && (!k || !grow(loc)))) {
        free(v);
        free(f);
        free(k);
        return false;
    }
    if (found) {
        free(loc->values[i]);
        free(loc->files[i]);
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

bool script_locale_set(ScriptLocale *loc, const char *key, const char *value)
{
    return script_locale_add(loc, key, value, NULL);
}

void script_locale_free(ScriptLocale *loc)
{
    for (int i = 0; i < loc->count; i++) {
        free(loc->keys[i]);
        free(loc->values[i]);
        free(loc->files[i]);
    }
    free(loc->keys);
    free(loc->values);
    free(loc->files);
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
