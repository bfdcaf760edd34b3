/* Tests for the pool of a Lua state's small blocks (script_pool.c): sizes
 * by class, freed blocks reused, contents kept across a resize in and out
 * of the pool, the heap once the region is spent, regions handed on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "platform.h"
#include "script_pool.h"

static void fill(void *p, size_t n, int seed)
{
    for (size_t i = 0; i < n; i++)
        ((unsigned char *)p)[i] = (unsigned char)(seed + (int)i);
}

static bool filled(const void *p, size_t n, int seed)
{
    for (size_t i = 0; i < n; i++)
        if (((const unsigned char *)p)[i] != (unsigned char)(seed + (int)i))
            return false;
    return true;
}

static void test_pool_blocks_by_class(void **state)
{
    (void)state;
    ScriptPool p;
    assert_true(script_pool_open(&p));
    void *a = script_pool_alloc(&p, 1), *b = script_pool_alloc(&p, 16), *c = script_pool_alloc(&p, 17);
    assert_true(script_pool_owns(&p, a) && script_pool_owns(&p, b) && script_pool_owns(&p, c));
    /* 1 and 16 bytes are one class, 17 the next: cut one after the other */
    assert_int_equal((char *)b - (char *)a, SCRIPT_POOL_GRAIN);
    assert_int_equal((char *)c - (char *)b, SCRIPT_POOL_GRAIN);
    void *d = script_pool_alloc(&p, SCRIPT_POOL_SMALL);
    assert_int_equal((char *)d - (char *)c, 2 * SCRIPT_POOL_GRAIN);
    /* a freed block is the next of its class, not of another */
    script_pool_free(&p, b, 16);
    assert_ptr_not_equal(script_pool_alloc(&p, 20), b);
    assert_ptr_equal(script_pool_alloc(&p, 9), b);
    int local;
    assert_false(script_pool_owns(&p, &local));
    void *heap = malloc(8);
    assert_false(script_pool_owns(&p, heap));
    free(heap);
    script_pool_close(&p);
    assert_false(script_pool_owns(&p, a));
}

static void test_pool_resize_keeps_contents(void **state)
{
    (void)state;
    ScriptPool p;
    assert_true(script_pool_open(&p));
    char *a = script_pool_alloc(&p, 20);
    fill(a, 20, 1);
    /* within its class: the same block */
    assert_ptr_equal(script_pool_realloc(&p, a, 20, 30), a);
    /* to a larger class: another block of the pool, the contents copied,
     * the old block back on its list */
    char *b = script_pool_realloc(&p, a, 20, 100);
    assert_ptr_not_equal(b, a);
    assert_true(script_pool_owns(&p, b));
    assert_true(filled(b, 20, 1));
    assert_ptr_equal(script_pool_alloc(&p, 32), a);
    /* out of the pool: from the heap, contents kept */
    fill(b, 100, 7);
    char *c = script_pool_realloc(&p, b, 100, 4000);
    assert_non_null(c);
    assert_false(script_pool_owns(&p, c));
    assert_true(filled(c, 100, 7));
    assert_ptr_equal(script_pool_alloc(&p, 100), b);
    free(c);
    script_pool_close(&p);
}

static void test_pool_spent_region_leaves_the_heap(void **state)
{
    (void)state;
    ScriptPool p;
    assert_true(script_pool_open(&p));
    /* the whole region in blocks of the largest class */
    size_t blocks = 0;
    void *last = NULL;
    for (void *b; (b = script_pool_alloc(&p, SCRIPT_POOL_SMALL)) != NULL; blocks++)
        last = b;
    assert_true(blocks > 1000);
    assert_null(script_pool_alloc(&p, 1));
    /* a block freed is still there for its class; the others are spent */
    script_pool_free(&p, last, SCRIPT_POOL_SMALL);
    assert_null(script_pool_alloc(&p, 16));
    assert_ptr_equal(script_pool_alloc(&p, SCRIPT_POOL_SMALL - 1), last);
    /* with no room in the pool, a block grows into the heap, and shrinks
     * where it is (shrinking never fails) */
    script_pool_free(&p, last, SCRIPT_POOL_SMALL);
    char *small = script_pool_alloc(&p, SCRIPT_POOL_SMALL - 1);
    assert_ptr_equal(small, last);
    fill(small, 100, 3);
    assert_ptr_equal(script_pool_realloc(&p, small, SCRIPT_POOL_SMALL - 1, 100), small);
    assert_true(filled(small, 100, 3));
    char *heap = script_pool_realloc(&p, small, 100, SCRIPT_POOL_SMALL);
    assert_false(script_pool_owns(&p, heap));
    assert_true(filled(heap, 100, 3));
    free(heap);
    assert_ptr_equal(script_pool_alloc(&p, 100), small); /* back on the list of the class it last had */
    script_pool_close(&p);
}

static void test_pool_regions_are_handed_on(void **state)
{
    (void)state;
    ScriptPool a, b;
    assert_true(script_pool_open(&a));
    char *first = script_pool_alloc(&a, 64);
    script_pool_close(&a);
    /* the next state cuts its blocks from the start of a region again */
    assert_true(script_pool_open(&b));
    char *again = script_pool_alloc(&b, 64);
    assert_ptr_equal(again, first);
    script_pool_close(&b);
    /* more regions open at once than are kept: each its own */
    ScriptPool many[4];
    for (int i = 0; i < 4; i++)
        assert_true(script_pool_open(&many[i]));
    for (int i = 0; i < 4; i++)
        for (int j = i + 1; j < 4; j++)
            assert_ptr_not_equal(many[i].base, many[j].base);
    for (int i = 0; i < 4; i++)
        script_pool_close(&many[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pool_blocks_by_class),
        cmocka_unit_test(test_pool_resize_keeps_contents),
        cmocka_unit_test(test_pool_spent_region_leaves_the_heap),
        cmocka_unit_test(test_pool_regions_are_handed_on),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
