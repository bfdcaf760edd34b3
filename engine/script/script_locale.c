/* script_locale.c — player-facing strings by language. Mods fill the tables
 * from locale/en.lua and locale/zh.lua; later mods override keys. Lookups are
 * a binary search over the keys, kept sorted. */
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

bool script_locale_set(ScriptLocale *loc, const char *key, const char *value)
{
    bool found;
    int i = find(loc, key, &found);
    char *v = dup_text(value);
    if (!v)
        return false;
    if (found) {
        free(loc->values[i]);
        loc->values[i] = v;
        return true;
    }
    char *k = dup_text(key);
    if (!k) {
        free(v);
        return false;
    }
    if (loc->count == loc->cap) {
        int cap = loc->cap ? loc->cap * 2 : 256;
        char **nk = realloc(loc->keys, sizeof *nk * (size_t)cap);
        if (!nk)
            goto fail;
        loc->keys = nk;
        char **nv = realloc(loc->values, sizeof *nv * (size_t)cap);
        if (!nv)
            goto fail;
        loc->values = nv;
        loc->cap = cap;
    }
    memmove(loc->keys + i + 1, loc->keys + i, sizeof *loc->keys * (size_t)(loc->count - i));
    memmove(loc->values + i + 1, loc->values + i, sizeof *loc->values * (size_t)(loc->count - i));
    loc->keys[i] = k;
    loc->values[i] = v;
    loc->count++;
    return true;
fail:
    free(k);
    free(v);
    return false;
}

void script_locale_free(ScriptLocale *loc)
{
    for (int i = 0; i < loc->count; i++) {
        free(loc->keys[i]);
        free(loc->values[i]);
    }
    free(loc->keys);
    free(loc->values);
    memset(loc, 0, sizeof *loc);
}

static const char *lookup(const ScriptHost *h, ScriptLang lang, const char *key)
{
    if ((unsigned)lang >= SCRIPT_LANG_COUNT || !key)
        return NULL;
    bool found;
    int i = find(&h->locale[lang], key, &found);
    return found ? h->locale[lang].values[i] : NULL;
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
