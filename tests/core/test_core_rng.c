/* Tests for core_rng.c: the same seed gives the same stream, streams differ,
 * and draws stay in range. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>

#include "core.h"

static void test_rng_same_seed_same_stream(void **state)
{
    (void)state;
    CoreRng a, b;
    core_rng_seed(&a, 42, 1);
    core_rng_seed(&b, 42, 1);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(core_rng_u32(&a), core_rng_u32(&b));
}

static void test_rng_streams_and_seeds_differ(void **state)
{
    (void)state;
    CoreRng a, b, c;
    core_rng_seed(&a, 42, 1);
    core_rng_seed(&b, 42, 2);
    core_rng_seed(&c, 43, 1);
    int same_ab = 0, same_ac = 0;
    for (int i = 0; i < 100; i++) {
        uint32_t x = core_rng_u32(&a);
        same_ab += x == core_rng_u32(&b);
        same_ac += x == core_rng_u32(&c);
    }
    assert_true(same_ab < 3);
    assert_true(same_ac < 3);
}

static void test_rng_unit_and_normal_in_range(void **state)
{
    (void)state;
    CoreRng r;
    core_rng_seed(&r, 7, 1);
    double sum = 0, sq = 0;
    const int n = 20000;
    for (int i = 0; i < n; i++) {
        double u = core_rng_unit(&r);
        assert_true(u >= 0.0 && u < 1.0);
        double z = core_rng_normal(&r);
        assert_true(isfinite(z));
        sum += z;
        sq += z * z;
    }
    assert_true(fabs(sum / n) < 0.05);
    assert_true(fabs(sq / n - 1.0) < 0.05);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rng_same_seed_same_stream),
        cmocka_unit_test(test_rng_streams_and_seeds_differ),
        cmocka_unit_test(test_rng_unit_and_normal_in_range),
    };
    return cmocka_run_group_tests_name("core_rng", tests, NULL, NULL);
}
