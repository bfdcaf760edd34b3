/* script_decl.h — reading what a mod's files declare (mod.lua, locale,
 * policies, events, scenarios): the file being read, and the helpers that
 * check one field of a declaration table at a time and report a problem
 * with its file and line. Shared by the loader's files only:
 *
 *   script_loader.c    files and folders of a mod, in order
 *   script_fields.c    the helpers below
 *   script_manifest.c  mod.lua
 *   script_content.c   policies and scenarios
 *   script_event_decl.c  events, their timing and options
 *   script_locale.c    locale files
 */
#ifndef SCRIPT_DECL_H
#define SCRIPT_DECL_H

#include "script_internal.h"

/* Lua files a mod loads are at most this long. */
#define SCRIPT_MAX_FILE_BYTES (4u << 20)

/* What is being loaded, for messages. */
typedef struct LoadCtx {
    ScriptHost *h;
    int mod;
    lua_State *L;
    const char *display;   /* "scripts/events/lushan.lua" */
    const char *src;       /* the file's text, to find line numbers */
    /* Where in src the part being read starts (an option, a policy's
     * modifiers): a problem's line is looked for from here first. NULL:
     * the whole file. Changed as the reader goes (it is not const). */
    const char *anchor;
} LoadCtx;

/* ==== script_fields.c ==== */

/* Line of `token` in the source (1 if absent), preferring the place where
 * it is assigned as a field ("token ="). */
int decl_line_of(const char *src, const char *token);
/* Where the field `key` is assigned ("key =") at or after `from`, or where
 * the string literal "key" is; NULL if nowhere. */
const char *decl_find(const char *src, const char *from, const char *key, bool literal);
/* The line `hit` (a place in src) is on. */
int decl_line_at(const char *src, const char *hit);
/* The first 'quoted' name of a message, without the quotes ("" if none). */
void decl_quoted(const char *msg, char *out, size_t cap);
/* Sets c->anchor to decl_find(c->src, c->anchor, key, literal) when found;
 * returns the previous anchor (to put back). */
const char *decl_anchor(LoadCtx *c, const char *key, bool literal);
/* Reports a problem of the file being read at the line of `near` (a field
 * name or value; NULL: line 1). Returns false. */
bool decl_bad(const LoadCtx *c, const char *near, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* An id: a-z, 0-9 and _, at most CORE_ID_LEN - 1 characters. */
bool decl_valid_id(const char *s);
/* Reads the table at idx in one pass (no look-up a field): pushes n slots,
 * the values of names[0..n) in that order (nil where absent), and returns
 * -1 if every key is one of the first `allowed` names. Otherwise it stops
 * at the first key that is not, pushes it above the slots and returns its
 * place in names (n if it is none of them, or not a string). Raises only
 * if the stack cannot grow. */
int script_read_fields(lua_State *L, int idx, const char *const *names, int n, int allowed);
/* A path a mod names: relative, no "..", no backslash, no control character. */
bool decl_relative_path(const char *p);
/* An id as messages show it (control characters as '?'). */
const char *decl_shown_id(const char *id, char out[CORE_ID_LEN]);
/* A mod's version: letters, digits and . _ + -. */
bool decl_valid_version(const char *s);
/* Rejects fields the API list does not declare for `object`, with the
 * nearest known name ("did you mean"). */
bool decl_only_fields(const LoadCtx *c, int t, const char *what, const char *object);
/* Optional boolean field: true or false, nothing else ("no" is not false). */
bool decl_bool_field(const LoadCtx *c, int t, const char *what, const char *key, bool *out, bool fallback);
/* Optional string field that must be one of `choices` (fallback when absent). */
bool decl_enum_field(const LoadCtx *c, int t, const char *what, const char *key, char *out, size_t cap,
                     const char *const *choices, int count, const char *fallback);
/* Optional list field: pushes it and returns its length (>= 0) if it is a
 * list, returns -1 if absent (nothing pushed), -2 after reporting a value
 * that is not a list. `one` names an element ("modifier") for the message
 * about a single element given where a list belongs; `example` shows one. */
int decl_list_field(const LoadCtx *c, int t, const char *what, const char *key, const char *one,
                    const char *example);
/* Optional string field; `fallback` (NULL: required) when absent. */
bool decl_str_field(const LoadCtx *c, int t, const char *what, const char *key, char *out, size_t cap,
                    const char *fallback);
/* Optional function field: pushed if present (1), nothing if absent (0), -1 on a type error. */
int decl_fn_field(const LoadCtx *c, int t, const char *what, const char *key);
/* sources = { "E04", ... }. */
bool decl_sources_field(const LoadCtx *c, int t, const char *what, char out[][CORE_ID_LEN], int *count);
/* Where a declaration whose id is taken goes (see script_fields.c). */
int decl_choose_slot(const LoadCtx *c, int t, const char *what, const char *id, int dup, int dup_mod,
                     const char *dup_file, int fresh);

/* ==== script_loader.c ==== */
/* Creates mod slot h->mod_count for a folder and reads its manifest.
 * Returns the mod index, or -1 after reporting why it cannot load. */
int script_open_mod(ScriptHost *h, const char *dir, const char *display_root);

/* ==== script_event_decl.c (for patches) ==== */
/* One option of event e at `index` from the table at ot; with `patch`, only
 * the fields the table gives change. */
bool decl_option(const LoadCtx *c, int ot, const char *what, ScriptEvent *e, int index, bool patch);
/* The option history took (at most one) and the default. */
bool decl_event_choices(const LoadCtx *c, int t, const char *what, ScriptEventInfo *in, bool patch);

/* ==== What each kind of file declares (the table at index t) ==== */
bool script_decl_manifest(const LoadCtx *c, int t);
bool script_decl_locale(const LoadCtx *c, int t, const char *file_name);
bool script_decl_policy(const LoadCtx *c, int t);
bool script_decl_event(const LoadCtx *c, int t);
bool script_decl_scenario(const LoadCtx *c, int t);
bool script_decl_sources(const LoadCtx *c, int t);   /* sources.lua (script_sources.c) */
bool script_decl_patch(const LoadCtx *c, int t);     /* patches/ (script_patch.c) */
bool script_decl_map_mode(const LoadCtx *c, int t);  /* mapmodes/ (script_map_mode.c) */

#endif
