/* script_chunks.c — compiled chunks, kept for the life of the process.
 *
 * A game loads the same files each time one is created: the base game's 85
 * and every mod's, for an ensemble of seeds, the reckoning's re-runs, the
 * Shapley decomposition's 192 campaigns and the kiosk's what-ifs. Parsing
 * them was 40% of creating a game. So a chunk is compiled from its text once
 * (mode "t": a mod can never hand the engine bytecode), dumped with its
 * debug information (errors still name file and line), and the same text
 * under the same name loads from the dump afterwards. The text is kept and
 * compared byte for byte, so no other text ever gets this one's code.
 * Bounded: past CHUNKS_MAX_BYTES or CHUNKS_MAX, chunks are compiled each
 * time as before. Shared by every Lua state of the process and by the
 * thread that loads the interface's texts, behind a spin lock. */
#include "platform.h"
#include "script_internal.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#define CHUNKS_MAX 1024
#define CHUNKS_MAX_BYTES (32u << 20)

typedef struct Chunk {
    uint64_t hash; /* of the name and the text's length */
    char *name, *src, *code;
    size_t src_len, code_len;
} Chunk;

static Chunk chunks[CHUNKS_MAX];
static int chunk_count;
static size_t chunk_bytes;
static atomic_flag chunk_lock = ATOMIC_FLAG_INIT;

static void lock(void)
{
    while (atomic_flag_test_and_set_explicit(&chunk_lock, memory_order_acquire))
        ;
}

static void unlock(void)
{
    atomic_flag_clear_explicit(&chunk_lock, memory_order_release);
}

/* The dump as it is written: a buffer that grows. */
typedef struct Dump {
    char *data;
    size_t len, cap;
    bool failed;
} Dump;

static int dump_write(lua_State *L, const void *p, size_t n, void *ud)
{
    (void)L;
    Dump *d = ud;
    if (d->failed)
        return 1;
    if (d->len + n > d->cap) {
        size_t cap = d->cap ? d->cap : 4096;
        while (cap < d->len + n)
            cap *= 2;
        char *grown = realloc(d->data, cap);
        if (!grown) {
            d->failed = true;
            return 1;
        }
        d->data = grown;
        d->cap = cap;
    }
    memcpy(d->data + d->len, p, n);
    d->len += n;
    return 0;
}

static const Chunk *find(uint64_t hash, const char *name, const char *src, size_t len)
{
    for (int i = 0; i < chunk_count; i++) {
        const Chunk *c = &chunks[i];
        if (c->hash == hash && c->src_len == len && strcmp(c->name, name) == 0 && memcmp(c->src, src, len) == 0)
            return c;
    }
    return NULL;
}

/* Keeps the function on top of L's stack (just compiled from `src`). */
static void keep(lua_State *L, uint64_t hash, const char *name, const char *src, size_t len)
{
    Dump d = {0};
    if (lua_dump(L, dump_write, &d, 0) != 0 || d.failed) {
        free(d.data);
        return;
    }
    size_t name_len = strlen(name) + 1;
    lock();
    if (chunk_count < CHUNKS_MAX && chunk_bytes + len + d.len + name_len <= CHUNKS_MAX_BYTES &&
        !find(hash, name, src, len)) {
        Chunk c = {hash, malloc(name_len), malloc(len ? len : 1), d.data, len, d.len};
        if (c.name && c.src) {
            memcpy(c.name, name, name_len);
            memcpy(c.src, src, len);
            chunks[chunk_count++] = c;
            chunk_bytes += len + d.len + name_len;
            d.data = NULL;
        } else {
            free(c.name);
            free(c.src);
        }
    }
    unlock();
    free(d.data);
}

int script_chunk_load(lua_State *L, const char *src, size_t len, const char *name)
{
    /* The name and the length pick the candidates; find() compares the
     * text itself, so hashing it too would only read it twice. */
    uint64_t hash = plat_fnv1a(plat_fnv1a(PLAT_FNV1A_BASIS, name, strlen(name) + 1), &len, sizeof len);
    lock();
    const Chunk *c = find(hash, name, src, len);
    /* Entries are never changed or freed once added: the dump stays valid
     * after the lock is let go. */
    const char *code = c ? c->code : NULL;
    size_t code_len = c ? c->code_len : 0;
    unlock();
    if (code) {
        if (luaL_loadbufferx(L, code, code_len, name, "b") == LUA_OK)
            return LUA_OK;
        lua_pop(L, 1); /* the error (out of memory): compiled from the text instead, which says why */
    }
    int st = luaL_loadbufferx(L, src, len, name, "t");
    if (st == LUA_OK && !code)
        keep(L, hash, name, src, len);
    return st;
}

void script_push_engine_loop(lua_State *L, const void *key, const char *src, size_t len, const char *name)
{
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, key) == LUA_TFUNCTION)
        return;
    lua_pop(L, 1);
    if (script_chunk_load(L, src, len, name) != LUA_OK)
        lua_error(L); /* memory only */
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, key);
}
