/* game_check_text.c — --check-mods on a mod's texts: every key of its
 * locale files in both languages, with the same placeholders in each, and
 * in glyphs the bundled fonts have (game_check.c runs the rest). */
#include "game_check_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every character of `text` the fonts lack, "U+3400, U+20000" (the first
 * eight, each once); how many there are. */
static int missing_glyphs(Check *c, const char *text, char *out, size_t cap)
{
    uint32_t seen[8];
    int count = 0, listed = 0;
    size_t used = 0;
    out[0] = '\0';
    for (const char *p = text; p && *p;) {
        uint32_t cp = 0;
        if (c->d->glyphs_covered(p, &cp, c->d->user))
            break;
        /* the rest of the text after that character */
        char enc[5] = {0};
        if (cp < 0x80)
            enc[0] = (char)cp;
        else if (cp < 0x800)
            enc[0] = (char)(0xC0 | cp >> 6), enc[1] = (char)(0x80 | (cp & 0x3F));
        else if (cp < 0x10000)
            enc[0] = (char)(0xE0 | cp >> 12), enc[1] = (char)(0x80 | ((cp >> 6) & 0x3F)),
            enc[2] = (char)(0x80 | (cp & 0x3F));
        else
            enc[0] = (char)(0xF0 | cp >> 18), enc[1] = (char)(0x80 | ((cp >> 12) & 0x3F)),
            enc[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), enc[3] = (char)(0x80 | (cp & 0x3F));
        const char *at = strstr(p, enc);
        bool again = false;
        for (int i = 0; i < listed; i++)
            again = again || seen[i] == cp;
        if (!again) {
            count++;
            if (listed < 8) {
                seen[listed++] = cp;
                int n = snprintf(out + used, cap - used, "%sU+%04X", used ? ", " : "", (unsigned)cp);
                used = n < 0 || (size_t)n >= cap - used ? cap - 1 : used + (size_t)n;
            }
        }
        p = at ? at + strlen(enc) : NULL; /* a character the callback could not place: stop */
    }
    return count;
}

/* "{amount}, {province}", or "none". */
static void placeholder_list(const char *text, char *out, size_t cap)
{
    char names[16][24];
    int n = script_text_placeholders(text, names, 16);
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < n && used < cap; i++) {
        int w = snprintf(out + used, cap - used, "%s{%s}", i ? ", " : "", names[i]);
        used = w < 0 ? cap : used + (size_t)w;
    }
    if (!n)
        snprintf(out, cap, "none");
}

/* A text's placeholders are the same in both languages ({amount} filled in
 * English and shown as written in Chinese is a bug the player sees). */
static void same_placeholders(Check *c, const char *file, int line, const char *key)
{
    char en[200], zh[200];
    placeholder_list(script_text(c->h, SCRIPT_LANG_EN, key), en, sizeof en);
    placeholder_list(script_text(c->h, SCRIPT_LANG_ZH, key), zh, sizeof zh);
    /* the same set in any order */
    char names_en[16][24], names_zh[16][24];
    int ne = script_text_placeholders(script_text(c->h, SCRIPT_LANG_EN, key), names_en, 16);
    int nz = script_text_placeholders(script_text(c->h, SCRIPT_LANG_ZH, key), names_zh, 16);
    bool same = ne == nz;
    for (int i = 0; i < ne && same; i++) {
        bool found = false;
        for (int k = 0; k < nz && !found; k++)
            found = strcmp(names_en[i], names_zh[k]) == 0;
        same = found;
    }
    if (!same)
        check_add(c, file, line, "'%s': the placeholders differ between the languages: English has %s, Chinese has %s", key,
            en, zh);
}

/* Whether a declaration already reported `key` missing in language `name`
 * (one mistake, one line). */
static bool text_reported(const Check *c, const char *key, const char *name)
{
    char want[CORE_ID_LEN * 3 + 40];
    snprintf(want, sizeof want, "no %s text for '%s'", name, key);
    for (int i = 0; i < c->count; i++)
        if (strstr(c->items[i].message, want))
            return true;
    return false;
}

/* Every key a checked mod's locale files define: in both languages, and in
 * glyphs the fonts have. */
void check_locale(Check *c)
{
    static const char *const names[SCRIPT_LANG_COUNT] = {"English", "Chinese"};
    for (int l = 0; l < SCRIPT_LANG_COUNT; l++) {
        ScriptLang lang = (ScriptLang)l, other = l == SCRIPT_LANG_EN ? SCRIPT_LANG_ZH : SCRIPT_LANG_EN;
        char *src = NULL, *src_file = NULL;
        for (int i = 0; i < script_text_count(c->h, lang); i++) {
            const char *key = script_text_key_at(c->h, lang, i);
            const char *file = script_text_file(c->h, lang, key);
            int mod = script_file_mod(c->h, file);
            if (mod < 0 || !c->checked[mod])
                continue;
            if (!src_file || strcmp(src_file, file) != 0) {
                free(src);
                free(src_file);
                src = check_read_source(c, file);
                src_file = malloc(strlen(file) + 1);
                if (src_file)
                    memcpy(src_file, file, strlen(file) + 1);
            }
            int line = check_line_of(src, key);
            if (!script_has_text(c->h, other, key) && !c->locale_broken[other] && !text_reported(c, key, names[other]))
                check_add(c, file, line, "'%s' has no %s text (every key needs both languages)", key, names[other]);
            if (l == SCRIPT_LANG_EN && script_has_text(c->h, other, key))
                same_placeholders(c, file, line, key);
            char missing[160];
            int misses = c->d->glyphs_covered ? missing_glyphs(c, script_text(c->h, lang, key), missing, sizeof missing)
                                              : 0;
            if (misses)
                check_add(c, file, line, "'%s': the bundled fonts have no glyph for %s in its %s text", key, missing,
                    names[l]);
        }
        free(src);
        free(src_file);
    }
}

