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

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The region of one Lua state: room for 16 MiB of small blocks (a game's
 * base scripts use about one). */
#define POOL_REGION ((size_t)16 << 20)

static size_t class_of(size_t size) { return (size - 1) / SCRIPT_POOL_GRAIN; }

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
#if PLAT_HEAP_CHECKED
    return false;
#else
    lock();
    if (kept_count > 0)
        p->base = kept[--kept_count];
    unlock();
    if (!p->base)
        p->base = plat_big_alloc(POOL_REGION);
    if (!p->base)
        return false;
    p->next = p->base;
    p->end = p->base + POOL_REGION;
    return true;
#endif
}

void script_pool_close(ScriptPool *p)
{
    if (!p->base)
        return;
    lock();
    bool keep = kept_count < KEPT_MAX;
    if (keep)
        kept[kept_count++] = p->base;
    unlock();
    if (!keep)
        plat_big_free(p->base, POOL_REGION);
    memset(p, 0, sizeof *p);
}

void *script_pool_alloc(ScriptPool *p, size_t size)
{
    size_t c = class_of(size);
    void *b = p->free_list[c];
    if (b) {
        memcpy(&p->free_list[c], b, sizeof(void *));
        return b;
    }
    size_t bytes = (c + 1) * SCRIPT_POOL_GRAIN;
    if ((size_t)(p->end - p->next) < bytes)
        return NULL;
    b = p->next;
    p->next += bytes;
    return b;
}

void script_pool_free(ScriptPool *p, void *ptr, size_t size)
{
    size_t c = class_of(size);
    memcpy(ptr, &p->free_list[c], sizeof(void *));
    p->free_list[c] = ptr;
}

void *script_pool_realloc(ScriptPool *p, void *ptr, size_t old_size, size_t new_size)
{
    if (new_size <= SCRIPT_POOL_SMALL && class_of(new_size) == class_of(old_size))
        return ptr;
    void *n = new_size <= SCRIPT_POOL_SMALL ? script_pool_alloc(p, new_size) : NULL;
    if (!n)
        n = malloc(new_size);
    if (!n)
        return NULL;
    memcpy(n, ptr, old_size < new_size ? old_size : new_size);
    script_pool_free(p, ptr, old_size);
    return n;
}
