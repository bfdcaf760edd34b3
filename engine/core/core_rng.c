/* core_rng.c — PCG32 (O'Neill 2014), the only randomness in the simulation.
 * The state is two integers inside CoreState, so saving it saves the stream. */
#include "core.h"

#include <math.h>

void core_rng_seed(CoreRng *r, uint64_t seed, uint64_t stream)
{
    r->state = 0;
    r->inc = (stream << 1u) | 1u;
    core_rng_u32(r);
    r->state += seed;
    core_rng_u32(r);
}

uint32_t core_rng_u32(CoreRng *r)
{
    uint64_t old = r->state;
    r->state = old * 6364136223846793005ULL + r->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31u));
}

double core_rng_unit(CoreRng *r)
{
    /* 53 random bits from two draws, so every double in [0,1) step 2^-53 is reachable. */
    uint64_t hi = core_rng_u32(r) >> 5, lo = core_rng_u32(r) >> 6;
    return (double)(hi * 67108864.0 + lo) / 9007199254740992.0;
}

double core_rng_normal(CoreRng *r)
{
    double u1 = core_rng_unit(r), u2 = core_rng_unit(r);
    if (u1 < 1e-300)
        u1 = 1e-300;
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}
