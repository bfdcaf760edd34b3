/* bench_campaign — full 1958-1962 campaigns headless, history's choices.
 * Reports campaigns per second, microseconds per province-month, and the
 * share of simulation time spent in Lua (triggers, effects, policy hooks).
 * Loading the mods is timed separately: it happens once per game.
 * Usage: bench_campaign [campaigns] (default 50). */
#define _POSIX_C_SOURCE 200809L
#include "game.h"
#include "platform.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int campaigns = argc > 1 ? atoi(argv[1]) : 50;
    if (campaigns < 1)
        campaigns = 1;
    double load_ms = 0, run_ms = 0, lua_ms = 0;
    long province_months = 0;
    uint64_t calls = 0;
    for (int i = 0; i < campaigns; i++) {
        char err[512];
        GameDesc d = {.data_dir = GL_BENCH_DATA_DIR, .seed = (uint64_t)i + 1, .chooser = GAME_CHOOSE_HISTORY};
        double t0 = plat_now_ms();
        Game *g = game_create(&d, err, sizeof err);
        if (!g) {
            fprintf(stderr, "bench_campaign: %s\n", err);
            return 1;
        }
        double t1 = plat_now_ms();
        double lua_before = script_time_ms(game_host(g));
        uint64_t calls_before = script_call_count(game_host(g));
        if (!game_run_until(g, 1962, 12, err, sizeof err)) {
            fprintf(stderr, "bench_campaign: %s\n", err);
            return 1;
        }
        double t2 = plat_now_ms();
        load_ms += t1 - t0;
        run_ms += t2 - t1;
        lua_ms += script_time_ms(game_host(g)) - lua_before;
        calls += script_call_count(game_host(g)) - calls_before;
        province_months += (long)game_state(g)->month * game_state(g)->province_count;
        game_destroy(g);
    }
    printf("campaigns: %d (1958-01 to 1962-12, 28 provinces, history's choices)\n", campaigns);
    printf("load mods + scenario: %.2f ms per game\n", load_ms / campaigns);
    printf("simulate 60 months:   %.2f ms per campaign -> %.1f campaigns/s (%.1f with loading)\n",
           run_ms / campaigns, 1000.0 * campaigns / run_ms, 1000.0 * campaigns / (run_ms + load_ms));
    printf("per province-month:   %.2f us\n", 1000.0 * run_ms / (double)province_months);
    printf("time in Lua:          %.1f%% of simulation time (%.0f protected calls per campaign)\n",
           100.0 * lua_ms / run_ms, (double)calls / campaigns);
    return 0;
}
