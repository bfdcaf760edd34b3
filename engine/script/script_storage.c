/* script_storage.c — each mod's `storage` table: plain data (strings,
 * numbers, booleans and tables of them) that goes into save files, and the
 * migrations (migrations/NNN_name.lua) that bring an older save's storage up
 * to date. The serialized form is deterministic (keys sorted), exact (floats
 * as their IEEE bits) and parsed without running any Lua:
 *
 *   blob  = "GLS1" value
 *   value = "T" | "F" | "i" digits ";" | "d" 16 hex digits | "s" length ":" bytes
 *         | "t" count ":" (key value)*count
 */
#include "script_internal.h"

#include "platform.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define STORAGE_MAGIC "GLS1"
#define MAX_DEPTH 64
#define MAX_STORAGE_BYTES SCRIPT_MAX_STORAGE_BYTES
#define MAX_MIGRATIONS 256

static const char k_storage_key = 's'; /* registry: the mod's storage table */

void script_storage_open(lua_State *L)
{
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &k_storage_key);
    script_sandbox_set_global(L, "storage");
}

void script_storage_push(lua_State *L) { lua_rawgetp(L, LUA_REGISTRYINDEX, &k_storage_key); }

/* ==== Writing ==== */

/* One key of a table, for sorting: booleans, then numbers, then strings.
 * It is pushed again from here: the table does not change while it is
 * written (no script code runs), so a string key's bytes stay where they are. */
typedef struct KeyRef {
    int rank;                /* 0 boolean, 1 number, 2 string */
    bool is_int;
    lua_Integer ival;        /* exact: doubles cannot tell 2^62 from 2^62 + 1 */
    double num;
    const char *str;
    size_t len;
} KeyRef;

/* Everything a save of one storage holds in C memory, outside the mod's
 * capped Lua memory (a mod near its cap must still be able to save). An
 * error raised half-way leaves it to the caller, who owns the job
 * (storage_save), to free: nothing leaks across the longjmp. */
typedef struct SaveJob {
    char *blob;              /* the result */
    size_t len, cap;
    const void **seen;       /* open-addressing set of the tables written so far */
    size_t seen_count, seen_cap;
    KeyRef *keys[MAX_DEPTH + 2]; /* the sorted keys of each table on the path */
} SaveJob;

static void save_job_free(SaveJob *j)
{
    free(j->seen);
    for (int i = 0; i < MAX_DEPTH + 2; i++)
        free(j->keys[i]);
    j->seen = NULL;
    memset(j->keys, 0, sizeof j->keys);
}

typedef struct Out {
    lua_State *L;
    SaveJob *job;
    const void *path_tables[MAX_DEPTH + 2]; /* the tables being written, outermost first */
    char path[256];          /* "storage.history[3]", for messages */
} Out;

static void put(Out *o, const void *data, size_t n)
{
    SaveJob *j = o->job;
    if (n > MAX_STORAGE_BYTES - j->len)
        luaL_error(o->L, "%s: the storage is larger than %d MiB, the most a mod can keep in a save", o->path,
                   (int)(MAX_STORAGE_BYTES >> 20));
    if (j->len + n > j->cap) {
        size_t cap = j->cap ? j->cap : 4096;
        while (cap < j->len + n)
            cap *= 2;
        if (cap > MAX_STORAGE_BYTES)
            cap = MAX_STORAGE_BYTES;
        char *np = realloc(j->blob, cap);
        if (!np)
            luaL_error(o->L, "out of memory saving storage");
        j->blob = np;
        j->cap = cap;
    }
    memcpy(j->blob + j->len, data, n);
    j->len += n;
}

static void put_text(Out *o, const char *s) { put(o, s, strlen(s)); }

/* Adds a table to the set of tables written; false if it was there. */
static bool seen_add(Out *o, const void *t)
{
    SaveJob *j = o->job;
    if (2 * (j->seen_count + 1) > j->seen_cap) {
        size_t cap = j->seen_cap ? 2 * j->seen_cap : 256;
        const void **grown = calloc(cap, sizeof *grown);
        if (!grown)
            luaL_error(o->L, "out of memory saving storage");
        for (size_t i = 0; i < j->seen_cap; i++)
            if (j->seen[i]) {
                size_t at = ((uintptr_t)j->seen[i] >> 4) * 0x9e3779b97f4a7c15ULL % cap;
                while (grown[at])
                    at = (at + 1) % cap;
                grown[at] = j->seen[i];
            }
        free(j->seen);
        j->seen = grown;
        j->seen_cap = cap;
    }
    size_t at = ((uintptr_t)t >> 4) * 0x9e3779b97f4a7c15ULL % j->seen_cap;
    for (; j->seen[at]; at = (at + 1) % j->seen_cap)
        if (j->seen[at] == t)
            return false;
    j->seen[at] = t;
    j->seen_count++;
    return true;
}

static bool is_identifier(const char *s)
{
    if (!(isalpha((unsigned char)*s) || *s == '_'))
        return false;
    for (; *s; s++)
        if (!(isalnum((unsigned char)*s) || *s == '_'))
            return false;
    return true;
}

/* Appends the key at `idx` to the path: .name, ["a b"] or [3]. */
static void path_push(Out *o, lua_State *L, int idx)
{
    size_t n = strlen(o->path);
    char *at = o->path + n;
    size_t room = sizeof o->path - n;
    if (lua_type(L, idx) == LUA_TSTRING && is_identifier(lua_tostring(L, idx)))
        snprintf(at, room, ".%s", lua_tostring(L, idx));
    else if (lua_type(L, idx) == LUA_TSTRING)
        snprintf(at, room, "[\"%s\"]", lua_tostring(L, idx));
    else if (lua_isinteger(L, idx))
        snprintf(at, room, "[%lld]", (long long)lua_tointeger(L, idx));
    else if (lua_type(L, idx) == LUA_TNUMBER)
        snprintf(at, room, "[%g]", lua_tonumber(L, idx));
    else
        snprintf(at, room, "[%s]", lua_toboolean(L, idx) ? "true" : "false");
}

static void put_number(Out *o, lua_State *L, int idx)
{
    char buf[40];
    if (lua_isinteger(L, idx)) {
        snprintf(buf, sizeof buf, "i%lld;", (long long)lua_tointeger(L, idx));
    } else {
        double d = lua_tonumber(L, idx);
        uint64_t bits;
        memcpy(&bits, &d, sizeof bits);
        snprintf(buf, sizeof buf, "d%016llx", (unsigned long long)bits);
    }
    put_text(o, buf);
}

static int compare_keys(const void *a, const void *b)
{
    const KeyRef *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank - y->rank;
    if (x->rank < 2 && x->is_int && y->is_int)
        return (x->ival > y->ival) - (x->ival < y->ival);
    if (x->rank < 2) { /* keys are never equal: at a tie of doubles, integers first */
        int c = (x->num > y->num) - (x->num < y->num);
        return c ? c : (int)y->is_int - (int)x->is_int;
    }
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->str, y->str, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

static void push_key(lua_State *L, const KeyRef *r)
{
    if (r->rank == 0)
        lua_pushboolean(L, r->ival != 0);
    else if (r->rank == 1 && r->is_int)
        lua_pushinteger(L, r->ival);
    else if (r->rank == 1)
        lua_pushnumber(L, r->num);
    else
        lua_pushlstring(L, r->str, r->len);
}

static void put_value(Out *o, int idx, int depth);

/* A table: each table once (storage is a tree: a table it holds twice
 * would come back from a save as two tables, and take twice the memory). */
static void put_table(Out *o, int t, int depth)
{
    lua_State *L = o->L;
    if (depth > MAX_DEPTH)
        luaL_error(L, "%s: tables nest more than %d deep", o->path, MAX_DEPTH);
    const void *id = lua_topointer(L, t);
    if (!seen_add(o, id)) {
        for (int d = 0; d < depth; d++)
            if (o->path_tables[d] == id)
                luaL_error(L, "%s contains itself (a cycle): storage must be a tree of plain data", o->path);
        luaL_error(L, "%s is a table that storage already holds under another key: storage must be a tree "
                      "(keep a copy, or the key)", o->path);
    }
    o->path_tables[depth] = id;
    luaL_checkstack(L, 8, "storage nests too deep");
    /* Gather the keys, then write them in sorted order (pairs() order
     * changes from run to run; saves must not). */
    size_t count = 0;
    lua_pushnil(L);
    while (lua_next(L, t) != 0) {
        lua_pop(L, 1);
        int kt = lua_type(L, -1);
        if (kt != LUA_TSTRING && kt != LUA_TNUMBER && kt != LUA_TBOOLEAN)
            luaL_error(L, "%s has a key that is a %s: keys are strings, numbers or booleans", o->path,
                       lua_typename(L, kt));
        if (kt == LUA_TNUMBER && !isfinite(lua_tonumber(L, -1)))
            luaL_error(L, "%s has a key that is not a finite number", o->path);
        count++;
    }
    KeyRef *refs = malloc(sizeof *refs * (count ? count : 1));
    if (!refs)
        luaL_error(L, "out of memory saving storage");
    free(o->job->keys[depth]);
    o->job->keys[depth] = refs;
    size_t i = 0;
    lua_pushnil(L);
    while (lua_next(L, t) != 0) { /* the same keys as above: nothing changed the table */
        lua_pop(L, 1);
        if (i == count)
            continue;
        KeyRef *r = &refs[i++];
        int kt = lua_type(L, -1);
        r->rank = kt == LUA_TBOOLEAN ? 0 : kt == LUA_TNUMBER ? 1 : 2;
        r->is_int = kt == LUA_TBOOLEAN || lua_isinteger(L, -1);
        r->ival = kt == LUA_TBOOLEAN ? lua_toboolean(L, -1) : r->is_int ? lua_tointeger(L, -1) : 0;
        r->num = kt == LUA_TNUMBER ? lua_tonumber(L, -1) : 0;
        r->str = kt == LUA_TSTRING ? lua_tolstring(L, -1, &r->len) : NULL;
    }
    count = i; /* a weak table's entries may go at a collection between the passes */
    qsort(refs, count, sizeof *refs, compare_keys);
    char head[32];
    snprintf(head, sizeof head, "t%zu:", count);
    put_text(o, head);
    size_t path_len = strlen(o->path);
    for (i = 0; i < count; i++) {
        push_key(L, &refs[i]);               /* key */
        path_push(o, L, -1);
        put_value(o, lua_gettop(L), depth);
        lua_pushvalue(L, -1);
        lua_rawget(L, t);                    /* key value */
        put_value(o, lua_gettop(L), depth + 1);
        lua_pop(L, 2);
        o->path[path_len] = '\0';
    }
    free(refs);
    o->job->keys[depth] = NULL;
}

static void put_value(Out *o, int idx, int depth)
{
    lua_State *L = o->L;
    switch (lua_type(L, idx)) {
    case LUA_TBOOLEAN: put_text(o, lua_toboolean(L, idx) ? "T" : "F"); break;
    case LUA_TNUMBER: put_number(o, L, idx); break;
    case LUA_TSTRING: {
        size_t n;
        const char *s = lua_tolstring(L, idx, &n);
        char head[32];
        snprintf(head, sizeof head, "s%zu:", n);
        put_text(o, head);
        put(o, s, n);
        break;
    }
    case LUA_TTABLE: put_table(o, idx, depth); break;
    default:
        luaL_error(L, "%s is a %s: storage keeps only strings, numbers, booleans and tables", o->path,
                   luaL_typename(L, idx));
    }
}

/* Serializes the storage table (protected body). */
static int save_body(lua_State *L)
{
    SaveJob *j = lua_touserdata(L, 1);
    Out o = {.L = L, .job = j, .path = "storage"};
    script_storage_push(L);
    put_text(&o, STORAGE_MAGIC);
    put_value(&o, lua_gettop(L), 0);
    return 0;
}

/* ==== Reading ==== */

typedef struct In {
    lua_State *L;
    const char *p, *end;
} In;

static void damaged(In *in) { luaL_error(in->L, "the saved storage is damaged"); }

/* A decimal integer of the whole 64-bit range (math.mininteger too), then
 * `stop`. */
static lua_Integer read_count(In *in, char stop)
{
    uint64_t v = 0;
    bool neg = in->p < in->end && *in->p == '-', any = false;
    if (neg)
        in->p++;
    while (in->p < in->end && isdigit((unsigned char)*in->p)) {
        unsigned d = (unsigned)(*in->p++ - '0');
        if (v > (UINT64_MAX - d) / 10)
            damaged(in);
        v = v * 10 + d;
        any = true;
    }
    uint64_t most = neg ? (uint64_t)LUA_MAXINTEGER + 1u : (uint64_t)LUA_MAXINTEGER;
    if (!any || v > most || in->p >= in->end || *in->p++ != stop)
        damaged(in);
    if (neg && v == most)
        return LUA_MININTEGER;
    return neg ? -(lua_Integer)v : (lua_Integer)v;
}

static void get_value(In *in, int depth)
{
    lua_State *L = in->L;
    if (in->p >= in->end || depth > MAX_DEPTH)
        damaged(in);
    luaL_checkstack(L, 4, "the saved storage nests too deep");
    char tag = *in->p++;
    switch (tag) {
    case 'T': lua_pushboolean(L, 1); break;
    case 'F': lua_pushboolean(L, 0); break;
    case 'i': lua_pushinteger(L, (lua_Integer)read_count(in, ';')); break;
    case 'd': {
        if (in->end - in->p < 16)
            damaged(in);
        uint64_t bits = 0;
        for (int i = 0; i < 16; i++) {
            char ch = in->p[i];
            int v = isdigit((unsigned char)ch) ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
            if (v < 0)
                damaged(in);
            bits = bits << 4 | (uint64_t)v;
        }
        in->p += 16;
        double d;
        memcpy(&d, &bits, sizeof d);
        lua_pushnumber(L, d);
        break;
    }
    case 's': {
        lua_Integer n = read_count(in, ':');
        if (n < 0 || n > in->end - in->p)
            damaged(in);
        lua_pushlstring(L, in->p, (size_t)n);
        in->p += n;
        break;
    }
    case 't': {
        lua_Integer n = read_count(in, ':');
        if (n < 0 || n > in->end - in->p)
            damaged(in);
        /* Not presized: grown as a script grows it, integer keys go to
         * the array part, so the table takes the memory it took when saved. */
        lua_newtable(L);
        for (lua_Integer i = 0; i < n; i++) {
            get_value(in, depth + 1);
            if (lua_type(L, -1) == LUA_TTABLE || (lua_type(L, -1) == LUA_TNUMBER && !isfinite(lua_tonumber(L, -1))))
                damaged(in);
            get_value(in, depth + 1);
            lua_rawset(L, -3);
        }
        break;
    }
    default: damaged(in);
    }
}

typedef struct LoadJob {
    const char *blob;
    size_t len;
} LoadJob;

/* Replaces the contents of the storage table (protected body). The table
 * itself stays the same: every file environment of the mod holds it. */
static int load_body(lua_State *L)
{
    const LoadJob *j = lua_touserdata(L, 1);
    In in = {L, j->blob, j->blob + j->len};
    size_t magic = strlen(STORAGE_MAGIC);
    if (j->len < magic || memcmp(j->blob, STORAGE_MAGIC, magic) != 0)
        damaged(&in);
    in.p += magic;
    get_value(&in, 0);
    if (!lua_istable(L, -1) || in.p != in.end)
        damaged(&in);
    int fresh = lua_gettop(L);
    script_storage_push(L);
    int st = lua_gettop(L);
    lua_pushnil(L);
    while (lua_next(L, st) != 0) { /* clearing fields during next() is allowed */
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_pushnil(L);
        lua_rawset(L, st);
    }
    lua_pushnil(L);
    while (lua_next(L, fresh) != 0) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, st);
    }
    return 0;
}

/* The message of the host's latest error, as "file:line: message". */
static void last_error(const ScriptHost *h, char *err, size_t cap, const char *fallback)
{
    const ScriptError *e = script_error_at(h, script_error_count(h) - 1);
    char file[sizeof e->file];
    if (e)
        script_error_file(h, e->file, file, sizeof file);
    if (!e)
        snprintf(err, cap, "%s", fallback);
    else if (e->file[0])
        snprintf(err, cap, "%s:%d: %s", file, e->line, e->message);
    else
        snprintf(err, cap, "%s", e->message);
}

/* Serializes mod `mod`'s storage into a malloc'd blob. */
static bool storage_save(ScriptHost *h, int mod, char **blob, size_t *len, char *err, size_t cap)
{
    SaveJob j;
    memset(&j, 0, sizeof j);
    char context[96];
    snprintf(context, sizeof context, "saving storage of mod %s", h->mods[mod].id);
    bool ok = script_protected(h, mod, save_body, &j, context);
    save_job_free(&j);
    if (!ok) {
        free(j.blob);
        int n = snprintf(err, cap, "mod %s: ", h->mods[mod].id);
        if (n >= 0 && (size_t)n < cap)
            last_error(h, err + n, cap - (size_t)n, "cannot save storage");
        return false;
    }
    *blob = j.blob;
    *len = j.len;
    return true;
}

static bool storage_load(ScriptHost *h, int mod, const char *blob, size_t len, char *err, size_t cap)
{
    LoadJob j = {blob, len};
    char context[96];
    snprintf(context, sizeof context, "loading storage of mod %s", h->mods[mod].id);
    if (script_protected(h, mod, load_body, &j, context))
        return true;
    int n = snprintf(err, cap, "mod %s: ", h->mods[mod].id);
    if (n >= 0 && (size_t)n < cap)
        last_error(h, err + n, cap - (size_t)n, "the saved storage is damaged");
    return false;
}

/* ==== Migrations ==== */

typedef struct Migration {
    int number;
    char name[256];
} Migration;

static int compare_migrations(const void *a, const void *b)
{
    return ((const Migration *)a)->number - ((const Migration *)b)->number;
}

/* Lists migrations/NNN_name.lua in number order; bad names are reported
 * (when `report`) and skipped. Returns the count. */
static int list_migrations(ScriptHost *h, int mod, Migration *out, int cap, bool report)
{
    ScriptMod *m = &h->mods[mod];
    char dir[PLAT_PATH_MAX];
    int n = 0, count = 0;
    char **names = plat_path_join(dir, sizeof dir, m->dir, "migrations") && plat_is_dir(dir)
                       ? plat_list_dir(dir, ".lua", &n)
                       : NULL;
    for (int i = 0; names && i < n; i++) {
        char display[PLAT_PATH_MAX];
        snprintf(display, sizeof display, "%s/migrations/%s", m->display_dir, names[i]);
        char *end;
        long num = strtol(names[i], &end, 10);
        bool twice = false;
        for (int k = 0; k < count; k++)
            twice |= out[k].number == num;
        if (!isdigit((unsigned char)names[i][0]) || *end != '_' || num < 1 || num > 99999) {
            if (report)
                script_report(h, mod, "loading", display, 0,
                              "migration files are named NNN_what.lua, NNN from 001 up (like 002_rename_history.lua)");
        } else if (twice) {
            if (report)
                script_report(h, mod, "loading", display, 0, "another migration file has the number %ld", num);
        } else if (count < cap) {
            out[count].number = (int)num;
            snprintf(out[count].name, sizeof out[count].name, "%s", names[i]);
            count++;
        }
    }
    if (names)
        plat_list_free(names, n);
    qsort(out, (size_t)count, sizeof *out, compare_migrations);
    return count;
}

int script_migrations_scan(ScriptHost *h, int mod)
{
    Migration *list = calloc(MAX_MIGRATIONS, sizeof *list);
    int n = list ? list_migrations(h, mod, list, MAX_MIGRATIONS, true) : 0;
    int level = n ? list[n - 1].number : 0;
    free(list);
    return level;
}

/* Runs one migration file: it returns a function that changes the storage
 * table it is given and returns nothing, or changes `storage` itself and
 * returns nothing (protected body). */
static int migrate_body(lua_State *L)
{
    ScriptFileJob *j = lua_touserdata(L, 1);
    char chunk[PLAT_PATH_MAX + 1];
    snprintf(chunk, sizeof chunk, "@%s", j->display);
    if (!script_run_chunk(j->h, j->mod, j->src, j->len, chunk, 1, "migration"))
        return 0;
    if (lua_isnil(L, -1)) { /* the file changed the global `storage` itself */
        j->ok = true;
        return 0;
    }
    if (!lua_isfunction(L, -1)) {
        script_report(j->h, j->mod, "migration", j->display, 1,
                      "a migration file returns a function(storage) that updates the table it is given");
        return 0;
    }
    script_storage_push(L);
    if (!script_call(j->h, j->mod, 1, 1, "migration"))
        return 0;
    if (!lua_isnil(L, -1)) {
        script_report(j->h, j->mod, "migration", j->display, 1,
                      "a migration changes the storage table it is given and returns nothing (it returned a %s)",
                      luaL_typename(L, -1));
        return 0;
    }
    j->ok = true;
    return 0;
}

/* Runs the migrations numbered above `from` in order. */
static bool migrate(ScriptHost *h, int mod, int from, char *err, size_t cap)
{
    Migration *list = calloc(MAX_MIGRATIONS, sizeof *list);
    if (!list)
        return snprintf(err, cap, "out of memory"), false;
    int n = list_migrations(h, mod, list, MAX_MIGRATIONS, false);
    bool ok = true;
    for (int i = 0; i < n && ok; i++) {
        if (list[i].number <= from)
            continue;
        char path[PLAT_PATH_MAX], rel[300], display[PLAT_PATH_MAX];
        snprintf(rel, sizeof rel, "migrations/%s", list[i].name);
        snprintf(display, sizeof display, "%s/%s", h->mods[mod].display_dir, rel);
        size_t len;
        char *src = plat_path_join(path, sizeof path, h->mods[mod].dir, rel) ? script_mod_file_read(h, mod, path, 4u << 20, &len)
                                                                              : NULL;
        if (!src) {
            snprintf(err, cap, "%s: %s", display, plat_error());
            ok = false;
            break;
        }
        ScriptFileJob j = {h, mod, src, display, len, false};
        ok = script_protected(h, mod, migrate_body, &j, "migration") && j.ok;
        free(src);
        if (!ok)
            last_error(h, err, cap, "a migration failed");
    }
    free(list);
    return ok;
}

/* ==== Saves ==== */

bool script_mods_save(ScriptHost *h, ScriptModSave *out, int cap, int *count, char *err, size_t err_cap)
{
    *count = 0;
    for (int i = 0; i < h->mod_count; i++) {
        if (*count >= cap)
            return snprintf(err, err_cap, "too many mods to save"), false;
        ScriptModSave *s = &out[(*count)++];
        memset(s, 0, sizeof *s);
        script_copy(s->id, sizeof s->id, h->mods[i].id);
        script_copy(s->version, sizeof s->version, h->mods[i].version);
        s->migration_level = h->mods[i].migration_level;
        if (!storage_save(h, i, &s->storage, &s->storage_len, err, err_cap))
            return false;
    }
    return true;
}

void script_mod_saves_free(ScriptModSave *saves, int count)
{
    for (int i = 0; saves && i < count; i++) {
        free(saves[i].storage);
        saves[i].storage = NULL;
        saves[i].storage_len = 0;
    }
}

bool script_mods_restore(ScriptHost *h, const ScriptModSave *saves, int count, char *err, size_t err_cap)
{
    for (int i = 0; i < h->mod_count; i++) {
        const ScriptModSave *s = NULL;
        for (int k = 0; k < count; k++)
            if (strcmp(saves[k].id, h->mods[i].id) == 0)
                s = &saves[k];
        if (!s)
            continue; /* the mod is new to this save: it starts with an empty storage */
        const ScriptMod *m = &h->mods[i];
        if (s->migration_level > m->migration_level)
            return snprintf(err, err_cap,
                            "the save was made with version %s of mod '%s' (migration %d); version %s knows only "
                            "migrations up to %d: install the newer version",
                            s->version, m->id, s->migration_level, m->version, m->migration_level),
                   false;
        if (s->storage_len && !storage_load(h, i, s->storage, s->storage_len, err, err_cap))
            return false;
        if (!migrate(h, i, s->migration_level, err, err_cap))
            return false;
    }
    return true;
}

/* ==== Previews ==== */

/* Whether the mod's storage table is empty. Pushes and reads only, no
 * allocation, so it needs no protected call. */
static bool storage_empty(ScriptHost *h, int mod)
{
    lua_State *L = h->mods[mod].L;
    if (!lua_checkstack(L, 3))
        return false;
    script_storage_push(L);
    lua_pushnil(L);
    bool empty = lua_next(L, -2) == 0;
    lua_settop(L, lua_gettop(L) - (empty ? 1 : 3));
    return empty;
}

static const char empty_storage[] = STORAGE_MAGIC "t0:";

bool script_storage_snapshot(ScriptHost *h, int mod, char **blob, size_t *len)
{
    char err[64];
    *blob = NULL;
    *len = 0;
    /* Most mods keep nothing: then there is nothing to copy (blob NULL). */
    return storage_empty(h, mod) || storage_save(h, mod, blob, len, err, sizeof err);
}

void script_storage_rollback(ScriptHost *h, int mod, char *blob, size_t len)
{
    char err[64];
    if (blob)
        storage_load(h, mod, blob, len, err, sizeof err);
    else if (!storage_empty(h, mod))
        storage_load(h, mod, empty_storage, sizeof empty_storage - 1, err, sizeof err);
    free(blob);
}

bool script_storage_migrate(ScriptHost *h, int mod, int from, char *err, size_t cap)
{
    return migrate(h, mod, from, err, cap);
}

bool script_migrations_try(ScriptHost *h, int mod, const char *blob, size_t len)
{
    if (mod < 0 || mod >= h->mod_count || h->mods[mod].disabled)
        return false;
    char *saved;
    size_t saved_len;
    if (!script_storage_snapshot(h, mod, &saved, &saved_len))
        return false;
    char err[600];
    /* A check: limits hit here do not count against the mod (it would be
     * disabled before every sample was tried). */
    bool outer = h->no_strikes;
    h->no_strikes = true;
    bool ok = storage_load(h, mod, blob ? blob : empty_storage, blob ? len : sizeof empty_storage - 1, err, sizeof err) &&
              migrate(h, mod, 0, err, sizeof err);
    h->no_strikes = outer;
    script_storage_rollback(h, mod, saved, saved_len);
    return ok;
}
