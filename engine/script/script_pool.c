/* script_pool.c — the small blocks of a mod's Lua state.
 *
 * A Lua state allocates tens of thousands of small blocks while a game
 * loads and plays (strings, tables, closures), and frees them all when it
 * closes. The heap's malloc and free were a tenth of a headless campaign.
 * Lua tells the allocator a block's size when it frees or resizes it, so a
 * block needs no header: blocks of up to SCRIPT_POOL_SMALL bytes come from
 * one region reserved for the state, in classes of SCRIPT_POOL_GRAIN bytes,
 * cut from its start in turn, and a freed block waits on its class's list
 * for the next of its size. Closing the state gives the whole region back.
 * Larger blocks, and small ones once the region is spent, come from the
 * heap as before. The region is address space: the pages a state never
 * touches cost nothing. The sandbox's memory limits count the sizes Lua
 * asks for (script_sandbox.c), wherever the blocks come from. */
#include "script_pool.h"

#include "platform.h"
#include "script.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The region of one Lua state: room for 16 MiB of small blocks (a game's
 * base scripts use about one). */
#define POOL_REGION ((size_t)16 << 20)

/* Under AddressSanitizer the region is poisoned but for the bytes of the
 * blocks Lua holds, each to the size it asked for: reading or writing past
 * a block, or a block once freed, is then reported as with the heap's. */
#if PLAT_HEAP_CHECKED
#include <sanitizer/asan_interface.h>
#include <sanitizer/lsan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
/* The leak checker looks for pointers to the heap's blocks in the region
 * too: a large block is often reachable only from a small one. */
#define WATCH(p, n) __lsan_register_root_region((p), (n))
#define UNWATCH(p, n) __lsan_unregister_root_region((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#define WATCH(p, n) ((void)(p), (void)(n))
#define UNWATCH(p, n) ((void)(p), (void)(n))
#endif

#define COUNT_STEP ((size_t)64 << 10)
static atomic_size_t counted_bytes; /* script_pool_bytes */

size_t script_pool_bytes(void) { return atomic_load_explicit(&counted_bytes, memory_order_relaxed); }

static size_t class_of(size_t size) { return (size - 1) / SCRIPT_POOL_GRAIN; }
static size_t class_bytes(size_t size) { return (class_of(size) + 1) * SCRIPT_POOL_GRAIN; }

/* Regions of closed states, kept for the next states (a campaign after
 * another): their pages are already the process's, where a new region's
 * would each cost a fault. */
#define KEPT_MAX 2
static char *kept[KEPT_MAX];
static int kept_count;
static atomic_flag kept_lock = ATOMIC_FLAG_INIT;

static void lock(void)
{
    while (atomic_flag_test_and_set_explicit(&kept_lock, memory_order_acquire))
        ;
}

static void unlock(void) { atomic_flag_clear_explicit(&kept_lock, memory_order_release); }

bool script_pool_open(ScriptPool *p)
{
    memset(p, 0, sizeof *p);
    lock();
    if (kept_count > 0)
        p->base = kept[--kept_count];
    unlock();
    if (!p->base)
        p->base = plat_pages_alloc(POOL_REGION);
    if (!p->base)
        return false;
    POISON(p->base, POOL_REGION);
    WATCH(p->base, POOL_REGION);
    p->next = p->counted = p->base;
    p->end = p->base + POOL_REGION;
    return true;
}

void script_pool_close(ScriptPool *p)
{
    if (!p->base)
        return;
    atomic_fetch_sub_explicit(&counted_bytes, (size_t)(p->counted - p->base), memory_order_relaxed);
    UNWATCH(p->base, POOL_REGION);
    UNPOISON(p->base, POOL_REGION);
    lock();
    bool keep = kept_count < KEPT_MAX;
    if (keep)
        kept[kept_count++] = p->base;
    unlock();
    if (!keep)
        plat_pages_free(p->base, POOL_REGION);
    memset(p, 0, sizeof *p);
}

void *script_pool_alloc(ScriptPool *p, size_t size)
{
    size_t c = class_of(size);
    char *b = p->free_list[c];
    if (b) {
        UNPOISON(b, sizeof(void *));
        memcpy(&p->free_list[c], b, sizeof(void *));
        POISON(b, sizeof(void *));
    } else {
        size_t bytes = (c + 1) * SCRIPT_POOL_GRAIN;
        if (!p->base || (size_t)(p->end - p->next) < bytes) /* no region, or spent */
            return NULL;
        b = p->next;
        p->next += bytes;
        if (p->next > p->counted) { /* counted a step at a time: no atomic add a block */
            size_t step = ((size_t)(p->next - p->counted) + COUNT_STEP - 1) / COUNT_STEP * COUNT_STEP;
            atomic_fetch_add_explicit(&counted_bytes, step, memory_order_relaxed);
            p->counted += step;
        }
    }
    UNPOISON(b, size);
    return b;
}

void script_pool_free(ScriptPool *p, void *ptr, size_t size)
{
    size_t c = class_of(size);
    UNPOISON(ptr, sizeof(void *)); /* a block holds at least SCRIPT_POOL_GRAIN bytes */
    memcpy(ptr, &p->free_list[c], sizeof(void *));
    POISON(ptr, class_bytes(size));
    p->free_list[c] = ptr;
}

void *script_pool_realloc(ScriptPool *p, void *ptr, size_t old_size, size_t new_size)
{
    if (new_size <= old_size || (new_size <= SCRIPT_POOL_SMALL && class_of(new_size) == class_of(old_size))) {
        /* The same block (from now on of new_size's class) when it may or
         * must be: Lua assumes shrinking never fails. */
        if (new_size < old_size && class_of(new_size) != class_of(old_size)) {
            void *n = script_pool_alloc(p, new_size);
            if (n) {
                memcpy(n, ptr, new_size);
                script_pool_free(p, ptr, old_size);
                return n;
            }
        }
        POISON(ptr, class_bytes(old_size));
        UNPOISON(ptr, new_size);
        return ptr;
    }
    void *n = new_size <= SCRIPT_POOL_SMALL ? script_pool_alloc(p, new_size) : NULL;
    if (!n)
        n = malloc(new_size);
    if (!n)
        return NULL;
    memcpy(n, ptr, old_size);
    script_pool_free(p, ptr, old_size);
    return n;
}
