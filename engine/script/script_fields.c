/* script_fields.c — the helpers that read one field of a declaration table
 * and report what is wrong with it at its file and line (script_decl.h). */
#include "script_api.h"
#include "script_decl.h"

#include "platform.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where `token` is assigned as a field ("token =", not "=="), if it is. */
static const char *field_hit(const char *src, const char *token)
{
    size_t n = strlen(token);
    for (const char *p = strstr(src, token); p; p = strstr(p + 1, token)) {
        bool starts = p == src || !(isalnum((unsigned char)p[-1]) || p[-1] == '_');
        const char *q = p + n;
        while (*q == ' ' || *q == '\t' || *q == '"' || *q == '\'' || *q == ']')
            q++;
        if (starts && q[0] == '=' && q[1] != '=')
            return p;
    }
    return NULL;
}

/* Line of `token` in the source (1 if absent), preferring the place where
 * it is assigned as a field, so that a declaration error points near the
 * offending field. */
int decl_line_of(const char *src, const char *token)
{
    const char *hit = token && *token ? field_hit(src, token) : NULL;
    if (!hit && token && *token)
        hit = strstr(src, token);
    if (!hit)
        return 1;
    int line = 1;
    for (const char *p = src; p < hit; p++)
        line += *p == '\n';
    return line;
}

const char *decl_find(const char *src, const char *from, const char *key, bool literal)
{
    if (!src || !key || !*key)
        return NULL;
    const char *start = from ? from : src;
    if (!literal)
        return field_hit(start, key);
    size_t n = strlen(key);
    for (const char *p = strstr(start, key); p; p = strstr(p + 1, key))
        if (p > start && (p[-1] == '"' || p[-1] == '\'') && (p[n] == '"' || p[n] == '\''))
            return p;
    return NULL;
}

const char *decl_anchor(LoadCtx *c, const char *key, bool literal)
{
    const char *before = c->anchor, *at = decl_find(c->src, c->anchor, key, literal);
    if (at)
        c->anchor = at;
    return before;
}

int decl_line_at(const char *src, const char *hit)
{
    int line = 1;
    for (const char *p = src; hit && p < hit; p++)
        line += *p == '\n';
    return line;
}

void decl_quoted(const char *msg, char *out, size_t cap)
{
    const char *a = strchr(msg, '\''), *b = a ? strchr(a + 1, '\'') : NULL;
    snprintf(out, cap, "%.*s", a && b ? (int)(b - a - 1) : 0, a ? a + 1 : "");
}

bool decl_bad(const LoadCtx *c, const char *near, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* The place: `near` from the anchor on (as a field, then as any text),
     * else the anchor itself, else anywhere in the file. */
    const char *hit = NULL;
    if (c->anchor && near && *near) {
        hit = field_hit(c->anchor, near);
        if (!hit)
            hit = strstr(c->anchor, near);
    }
    int line = hit ? decl_line_at(c->src, hit) : c->anchor && (!near || !*near) ? decl_line_at(c->src, c->anchor)
                                                                            : decl_line_of(c->src, near);
    script_report(c->h, c->mod, "loading", c->display, line, "%s", msg);
    return false;
}

bool decl_valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n >= CORE_ID_LEN)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!(islower((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '_'))
            return false;
    return true;
}

/* A path a mod names: relative, no "..", no backslash, no control
 * character (symbolic links are checked when the file is read). */
bool decl_relative_path(const char *p)
{
    if (!p[0] || p[0] == '/' || strchr(p, '\\'))
        return false;
    for (const char *s = p; *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return false;
    for (const char *s = strstr(p, ".."); s; s = strstr(s + 1, ".."))
        if ((s == p || s[-1] == '/') && (s[2] == '/' || s[2] == '\0'))
            return false;
    return true;
}

/* An id as messages show it: a control character (a line break would
 * split the one-line message) becomes '?'. */
const char *decl_shown_id(const char *id, char out[CORE_ID_LEN])
{
    size_t i = 0;
    for (; id[i] && i + 1 < CORE_ID_LEN; i++)
        out[i] = (unsigned char)id[i] < 0x20 || id[i] == 0x7f ? '?' : id[i];
    out[i] = '\0';
    return out;
}

/* A mod's version: letters, digits and . _ + -, at most 15 characters. */
bool decl_valid_version(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!(isalnum((unsigned char)*s) || strchr("._+-", *s)))
            return false;
    return true;
}

bool script_parse_date(const char *text, int *year, int *month)
{
    if (!text || strlen(text) != 7 || text[4] != '-')
        return false;
    for (int i = 0; i < 7; i++)
        if (i != 4 && !isdigit((unsigned char)text[i]))
            return false;
    *year = atoi(text);
    *month = atoi(text + 5);
    return *month >= 1 && *month <= 12 && *year >= 1900 && *year <= 2100;
}

/* ==== Reading fields of the declaration table at the top of the stack ==== */

/* Rejects fields that the API list does not declare for `object` ("Event",
 * "Policy", ...): the list the reference documentation is generated from. */
bool decl_only_fields(const LoadCtx *c, int t, const char *what, const char *object)
{
    lua_pushnil(c->L);
    while (lua_next(c->L, t) != 0) {
        lua_pop(c->L, 1);
        if (lua_type(c->L, -1) != LUA_TSTRING) {
            if (lua_type(c->L, -1) == LUA_TNUMBER)
                continue; /* array part */
            lua_pop(c->L, 1);
            return decl_bad(c, NULL, "%s: field names must be strings", what);
        }
        const char *k = lua_tostring(c->L, -1);
        if (!script_api_has_field(object, k)) {
            char key[64], hint[160];
            script_copy(key, sizeof key, k);
            lua_pop(c->L, 1);
            const char *names[64];
            int n = script_api_field_names(object, names, 64);
            script_suggest_text(hint, sizeof hint, key, names, n);
            /* a field of the table that belongs inside this one ("date" on an event) */
            static const struct { const char *object, *inner, *where; } inside[] = {
                {"Event", "When", "when = { ... }"},
                {"Event", "Option", "each option of options = { { ... } }"},
                {"Policy", "Modifier", "each modifier of modifiers = { { ... } }"},
            };
            for (size_t i = 0; i < sizeof inside / sizeof *inside && !hint[0]; i++)
                if (strcmp(object, inside[i].object) == 0 && script_api_has_field(inside[i].inner, key))
                    snprintf(hint, sizeof hint, " ('%s' goes in %s)", key, inside[i].where);
            return decl_bad(c, key, "%s: unknown field '%s'%s", what, key, hint);
        }
    }
    return true;
}

/* What a value is, for messages: a string shows itself ("no"). */
static void value_words(lua_State *L, int idx, char *out, size_t cap)
{
    if (lua_type(L, idx) == LUA_TSTRING)
        snprintf(out, cap, "the string \"%.40s\"", lua_tostring(L, idx));
    else if (lua_type(L, idx) == LUA_TNUMBER)
        snprintf(out, cap, "the number %.14g", (double)lua_tonumber(L, idx));
    else
        snprintf(out, cap, "a %s", luaL_typename(L, idx));
}

bool decl_bool_field(const LoadCtx *c, int t, const char *what, const char *key, bool *out, bool fallback)
{
    lua_getfield(c->L, t, key);
    bool ok = true;
    if (lua_isnil(c->L, -1))
        *out = fallback;
    else if (lua_isboolean(c->L, -1))
        *out = lua_toboolean(c->L, -1);
    else {
        char words[80];
        value_words(c->L, -1, words, sizeof words);
        ok = decl_bad(c, key, "%s: '%s' must be true or false, not %s", what, key, words);
    }
    lua_pop(c->L, 1);
    return ok;
}

bool decl_enum_field(const LoadCtx *c, int t, const char *what, const char *key, char *out, size_t cap,
                     const char *const *choices, int count, const char *fallback)
{
    if (!decl_str_field(c, t, what, key, out, cap, fallback))
        return false;
    for (int i = 0; i < count; i++)
        if (strcmp(out, choices[i]) == 0)
            return true;
    char list[400] = "", hint[96];
    size_t used = 0;
    for (int i = 0; i < count && used < sizeof list; i++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s\"%s\"", i ? (i == count - 1 ? " or " : ", ") : "",
                                 choices[i]);
    script_suggest_text(hint, sizeof hint, out, choices, count);
    return decl_bad(c, key, "%s: '%s' is \"%s\"%s; it must be %s", what, key, out, hint, list);
}

int decl_list_field(const LoadCtx *c, int t, const char *what, const char *key, const char *one,
                    const char *example)
{
    lua_getfield(c->L, t, key);
    if (lua_isnil(c->L, -1)) {
        lua_pop(c->L, 1);
        return -1;
    }
    if (!lua_istable(c->L, -1)) {
        char words[80];
        value_words(c->L, -1, words, sizeof words);
        lua_pop(c->L, 1);
        return decl_bad(c, key, "%s: '%s' must be a list like %s, not %s", what, key, example, words), -2;
    }
    /* A list has the keys 1..n and no other: a table with named fields is
     * one element where the list of them belongs. */
    lua_Integer n = (lua_Integer)lua_rawlen(c->L, -1), keys = 0;
    bool named = false;
    lua_pushnil(c->L);
    while (lua_next(c->L, -2) != 0) {
        keys++;
        named |= lua_type(c->L, -2) != LUA_TNUMBER;
        lua_pop(c->L, 1);
    }
    if (named || keys != n) {
        lua_pop(c->L, 1);
        if (named && one)
            return decl_bad(c, key, "%s: '%s' must be a list of %ss like %s: this is a single %s (wrap it in { })",
                            what, key, one, example, one), -2;
        return decl_bad(c, key, "%s: '%s' must be a list like %s (elements 1, 2, 3, ... and nothing else)", what,
                        key, example), -2;
    }
    return (int)n;
}

/* Optional string field; `fallback` (may be NULL) when absent. */
bool decl_str_field(const LoadCtx *c, int t, const char *what, const char *key, char *out, size_t cap,
                      const char *fallback)
{
    lua_getfield(c->L, t, key);
    int type = lua_type(c->L, -1);
    bool ok = true;
    if (type == LUA_TSTRING) {
        size_t n;
        const char *s = lua_tolstring(c->L, -1, &n);
        if (n >= cap)
            ok = decl_bad(c, key, "%s: '%s' is longer than %zu characters", what, key, cap - 1);
        else
            memcpy(out, s, n + 1);
    } else if (type == LUA_TNIL) {
        if (fallback)
            script_copy(out, cap, fallback);
        else
            ok = decl_bad(c, key, "%s: '%s' is required", what, key);
    } else {
        ok = decl_bad(c, key, "%s: '%s' must be a string, not a %s", what, key, lua_typename(c->L, type));
    }
    lua_pop(c->L, 1);
    return ok;
}

/* Optional function field: stays on the stack if present (returns 1), else
 * nothing is pushed (returns 0); -1 on a type error. */
int decl_fn_field(const LoadCtx *c, int t, const char *what, const char *key)
{
    lua_getfield(c->L, t, key);
    if (lua_isfunction(c->L, -1))
        return 1;
    bool nil = lua_isnil(c->L, -1);
    lua_pop(c->L, 1);
    if (nil)
        return 0;
    decl_bad(c, key, "%s: '%s' must be a function", what, key);
    return -1;
}

bool decl_sources_field(const LoadCtx *c, int t, const char *what, char out[][CORE_ID_LEN], int *count)
{
    *count = 0;
    lua_getfield(c->L, t, "sources");
    bool ok = true;
    if (lua_istable(c->L, -1)) {
        lua_Integer n = luaL_len(c->L, -1);
        for (lua_Integer i = 1; i <= n && ok; i++) {
            lua_rawgeti(c->L, -1, i);
            const char *s = lua_tostring(c->L, -1);
            if (lua_type(c->L, -1) != LUA_TSTRING || strlen(s) >= CORE_ID_LEN)
                ok = decl_bad(c, "sources", "%s: 'sources' must list source ids (strings)", what);
            else if (*count >= SCRIPT_MAX_SOURCES_PER_ITEM)
                ok = decl_bad(c, "sources", "%s: at most %d sources", what, SCRIPT_MAX_SOURCES_PER_ITEM);
            else if (!script_source_known(c->h, s)) {
                /* Reported, and left out: the declaration still loads. */
                char hint[96];
                script_source_suggest(c->h, s, hint, sizeof hint);
                decl_bad(c, s, "%s: unknown source '%s'%s (cite a work of assets/data/works.csv, a research id "
                               "of assets/data/sources.csv, or a work of the mod's sources.lua)",
                         what, s, hint);
            } else
                script_copy(out[(*count)++], CORE_ID_LEN, s);
            lua_pop(c->L, 1);
        }
    } else if (lua_type(c->L, -1) == LUA_TSTRING) {
        ok = decl_bad(c, "sources", "%s: 'sources' must be a list: sources = { \"%s\" }", what, lua_tostring(c->L, -1));
    } else if (!lua_isnil(c->L, -1)) {
        ok = decl_bad(c, "sources", "%s: 'sources' must be a list like { \"E04\" }", what);
    }
    lua_pop(c->L, 1);
    return ok;
}

/* ==== Overrides ==== */

/* Where a declaration whose id an earlier one already has (`dup`, or -1 if
 * none) goes: a mod replaces another mod's policy, event or scenario only
 * when it says override = true, so nothing is ever replaced by accident.
 * Returns `dup` to replace it, `fresh` for a new slot, or -1 after
 * reporting why the declaration cannot stand. */
int decl_choose_slot(const LoadCtx *c, int t, const char *what, const char *id, int dup, int dup_mod,
                       const char *dup_file, int fresh)
{
    lua_getfield(c->L, t, "override");
    int type = lua_type(c->L, -1);
    bool over = lua_toboolean(c->L, -1);
    lua_pop(c->L, 1);
    if (type != LUA_TNIL && type != LUA_TBOOLEAN)
        return decl_bad(c, "override", "%s: 'override' must be true or false", what), -1;
    if (dup < 0 && over)
        return decl_bad(c, "override", "%s: override = true, but no mod loaded before this one declares it", what), -1;
    if (dup >= 0 && dup_mod == c->mod)
        return decl_bad(c, id, "%s is declared twice in the same mod: here and in %s", what, dup_file), -1;
    if (dup >= 0 && !over)
        return decl_bad(c, id, "%s is declared twice: here and in %s (add override = true to replace it)", what,
                   dup_file), -1;
    return dup >= 0 ? dup : fresh;
}

int script_read_fields(lua_State *L, int idx, const char *const *names, int n, int allowed)
{
    idx = lua_absindex(L, idx);
    luaL_checkstack(L, n + 3, "reading a table's fields");
    for (int i = 0; i < n; i++)
        lua_pushnil(L);
    int base = lua_gettop(L) - n + 1;
    lua_pushnil(L);
    while (lua_next(L, idx) != 0) { /* slots key value */
        int at = n;
        if (lua_type(L, -2) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -2);
            for (at = 0; at < n && (names[at][0] != k[0] || strcmp(names[at], k) != 0); at++)
                ;
        }
        if (at >= allowed) {
            lua_pop(L, 1); /* slots key */
            return at;
        }
        lua_replace(L, base + at);
    }
    return -1;
}
