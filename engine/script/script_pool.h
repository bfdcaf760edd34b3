/* script_pool.h — the small blocks of a mod's Lua state (see script_pool.c). */
#ifndef SCRIPT_POOL_H
#define SCRIPT_POOL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SCRIPT_POOL_GRAIN 16
#define SCRIPT_POOL_SMALL 2048 /* the largest block the pool serves */
#define SCRIPT_POOL_CLASSES (SCRIPT_POOL_SMALL / SCRIPT_POOL_GRAIN)

typedef struct ScriptPool {
    char *base, *next, *end;                /* the region, and its part not handed out yet */
    char *counted;                          /* the part counted in script_pool_bytes */
    void *free_list[SCRIPT_POOL_CLASSES];   /* freed blocks by size class, linked through themselves */
} ScriptPool;

/* Reserves the pool's region; false (the pool then serves nothing) if the
 * system will not. */
bool script_pool_open(ScriptPool *p);
/* Gives the region back: every block in it is gone. */
void script_pool_close(ScriptPool *p);

/* Whether `ptr` is one of the pool's blocks. */
static inline bool script_pool_owns(const ScriptPool *p, const void *ptr)
{
    return (uintptr_t)ptr >= (uintptr_t)p->base && (uintptr_t)ptr < (uintptr_t)p->end;
}

/* A block of `size` bytes (1 to SCRIPT_POOL_SMALL); NULL when the region
 * is spent and no block of its size was freed. */
void *script_pool_alloc(ScriptPool *p, size_t size);
/* Takes back a block the pool gave for `size` bytes. */
void script_pool_free(ScriptPool *p, void *ptr, size_t size);
/* `ptr` (a pool block of old_size bytes) resized to new_size: the same
 * block when both sizes share a class, else a new one (from the pool, or
 * the heap when growing) with the contents copied and `ptr` taken back.
 * Shrinking never fails: with no block of the smaller class free, `ptr`
 * stays (its spare bytes unused until the state closes). NULL, `ptr`
 * untouched, when growing finds no room anywhere. */
void *script_pool_realloc(ScriptPool *p, void *ptr, size_t old_size, size_t new_size);

#endif
