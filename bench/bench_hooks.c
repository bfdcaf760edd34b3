/* bench_hooks — the cost of mod scripts: a generated mod with 1,000 events
 * whose triggers look at provinces all over the map, loaded with the base
 * game. Reports the time to simulate a month (history's choices, 1958-1962),
 * microseconds per trigger call and per option's effects (a call queuing
 * two fx changes), measured on a state from mid-1959, and the fixed cost of
 * a call (a trigger that does nothing).
 * Usage: bench_hooks [per_province] [EVENTS] (default: each event concerns
 * one province, spread over all of them; with "per_province", every event's
 * trigger runs in every province, 28 times as many calls; EVENTS, default
 * 1000, the number of generated events: the cost per call should not
 * depend on it). */
#define _POSIX_C_SOURCE 200809L
#include "game.h"
#include "platform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int EVENTS = 1000;
#define RUNS 5

/* The province event e is tried in: its own, or one after another. */
static int province_of(ScriptHost *h, const CoreState *s, int e, int run, bool per_province)
{
    return per_province ? run % s->province_count : core_province_find(s, script_event_at(h, e)->province);
}

static double min_us(double best, double ms, int calls)
{
    double us = 1000.0 * ms / calls;
    return us < best ? us : best;
}

/* The core's warnings (a full table loses a mod's effects): counted, and
 * the first kept, so that the figures say whether everything applied. */
static int warnings;
static char first_warning[512];

static void on_warning(CoreLogLevel level, const char *message, void *user)
{
    (void)level;
    (void)user;
    if (warnings++ == 0)
        snprintf(first_warning, sizeof first_warning, "%s", message);
}

static bool put(const char *dir, const char *name, const char *text)
{
    char path[PLAT_PATH_MAX];
    return plat_path_join(path, sizeof path, dir, name) && plat_write_file_atomic(path, text, strlen(text));
}

/* Writes the mod: event i concerns province i % 28 (or every province),
 * fires when its province's zeal and food cross thresholds that differ from
 * event to event, at most once a year, and its options change a lever and a
 * variable there. */
static bool generate(const char *dir, const CoreState *s, bool per_province)
{
    char events[PLAT_PATH_MAX];
    if (!plat_path_join(events, sizeof events, dir, "events") || !plat_mkdir_p(events) ||
        !put(dir, "mod.lua", "return { id = \"bench_hooks\", name = \"Bench\", version = \"1.0.0\", api_version = 1 }\n"))
        return false;
    /* One more event whose trigger does nothing: the fixed cost of a call. */
    if (!put(events, "empty.lua", "return { id = \"bench_empty\", when = { date = \"1970-01\" },\n"
                                  "  trigger = function() return false end, options = { { id = \"a\" } } }\n"))
        return false;
    for (int i = 0; i < EVENTS; i++) {
        char name[64], text[2048];
        snprintf(name, sizeof name, "e%04d.lua", i);
        const char *where = per_province ? "  scope = \"province\",\n" : "";
        char province[96] = "";
        if (!per_province)
            snprintf(province, sizeof province, "  province = \"%s\",\n", s->info[i % s->province_count].id);
        snprintf(text, sizeof text,
                 "return {\n  id = \"bench_%d\",\n%s%s  once = false,\n"
                 "  when = { date = \"1958-01\", [\"until\"] = \"1962-12\" },\n"
                 "  trigger = function(s, p)\n"
                 "    return s.month == %d and p.zeal > %.3f and p.kcal < %d and not s:policy_active(\"open_granaries\")\n"
                 "  end,\n"
                 "  options = {\n"
                 "    { id = \"push\", effects = function(s, fx, p)\n"
                 "        fx:modifier{ lever = \"zeal_push\", add = 0.001, province = p.id, months = 3 }\n"
                 "        fx:adjust{ var = \"pests\", add = -0.001, province = p.id }\n      end },\n"
                 "    { id = \"wait\" },\n  },\n}\n",
                 i, where, province, 1 + i % 12, 0.05 + (i % 10) * 0.03, 1600 + (i % 7) * 100);
        if (!put(events, name, text))
            return false;
    }
    return true;
}

int main(int argc, char **argv)
{
    bool per_province = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "per_province") == 0)
            per_province = true;
        else if (atoi(argv[i]) > 0 && atoi(argv[i]) <= 20000)
            EVENTS = atoi(argv[i]);
    }
    core_log_set_sink(on_warning, NULL);
    char err[1024];
    GameDesc base = {.data_dir = GL_BENCH_DATA_DIR, .seed = 1, .chooser = GAME_CHOOSE_HISTORY};
    Game *g = game_create(&base, err, sizeof err);
    if (!g) {
        fprintf(stderr, "bench_hooks: %s\n", err);
        return 1;
    }
    char dir[] = "/tmp/bench_hooks_XXXXXX";
    if (!mkdtemp(dir) || !generate(dir, game_state(g), per_province)) {
        fprintf(stderr, "bench_hooks: cannot write the generated mod: %s\n", plat_error());
        return 1;
    }
    /* The base game alone, for comparison. */
    double t0 = plat_now_ms();
    game_run_until(g, 1962, 12, err, sizeof err);
    double base_ms = plat_now_ms() - t0;
    game_destroy(g);
    for (int run = 1; run < RUNS; run++) {
        g = game_create(&base, err, sizeof err);
        t0 = plat_now_ms();
        game_run_until(g, 1962, 12, err, sizeof err);
        double ms = plat_now_ms() - t0;
        base_ms = ms < base_ms ? ms : base_ms;
        game_destroy(g);
    }

    const char *mods[] = {dir};
    GameDesc d = base;
    d.mod_dirs = mods;
    d.mod_dir_count = 1;
    t0 = plat_now_ms();
    g = game_create(&d, err, sizeof err);
    double load_ms = plat_now_ms() - t0;
    if (!g || script_event_count(game_host(g)) < EVENTS + 1) {
        fprintf(stderr, "bench_hooks: %s\n", g ? "the generated events did not load" : err);
        return 1;
    }
    /* The machine is shared: each figure is the best of a few runs. Every
     * month is timed too (game_run_until is game_advance month by month), so
     * that the slowest month shows: each month's best over the runs, and the
     * slowest of all the months of all the runs. */
    double run_ms = 1e30, month_best[CORE_MAX_MONTHS], month_any_worst = 0;
    int month_date[CORE_MAX_MONTHS] = {0}; /* YYYYMM */
    for (int m = 0; m < CORE_MAX_MONTHS; m++)
        month_best[m] = 1e30;
    int months = 0, fired = 0;
    uint64_t run_calls = 0;
    for (int run = 0; run < RUNS; run++) {
        if (run > 0)
            g = game_create(&d, err, sizeof err);
        ScriptHost *h = game_host(g);
        uint64_t calls0 = script_call_count(h);
        int last = core_month_index(game_state(g), 1962, 12);
        double ms = 0;
        while (game_state(g)->month <= last) {
            int m = game_state(g)->month;
            int date = core_state_year(game_state(g)) * 100 + core_state_month_of_year(game_state(g));
            t0 = plat_now_ms();
            if (!game_advance(g, err, sizeof err)) {
                fprintf(stderr, "bench_hooks: %s\n", err);
                return 1;
            }
            double month_ms = plat_now_ms() - t0;
            ms += month_ms;
            if (m >= 0 && m < CORE_MAX_MONTHS && month_ms < month_best[m]) {
                month_best[m] = month_ms;
                month_date[m] = date;
            }
            month_any_worst = month_ms > month_any_worst ? month_ms : month_any_worst;
        }
        run_ms = ms < run_ms ? ms : run_ms;
        months = game_state(g)->month;
        run_calls = script_call_count(h) - calls0;
        fired = 0;
        for (int i = 0; i < game_state(g)->decision_count; i++)
            fired += strncmp(game_state(g)->decisions[i].event, "bench_", 6) == 0;
        game_destroy(g);
    }

    /* Triggers and effects alone, on the state of July 1959. */
    g = game_create(&d, err, sizeof err);
    ScriptHost *h = game_host(g);
    game_run_until(g, 1959, 6, err, sizeof err);
    CoreState *s = game_core(g);
    int first = script_event_find(h, "bench_0"), empty = script_event_find(h, "bench_empty");
    double trigger_us = 1e30, effect_us = 1e30, empty_us = 1e30;
    ScriptCommands out = {0};
    for (int run = 0; run < RUNS; run++) {
        t0 = plat_now_ms();
        for (int e = first; e < first + EVENTS; e++) {
            bool holds;
            script_event_try_trigger(h, s, e, province_of(h, s, e, run, per_province), &holds);
        }
        trigger_us = min_us(trigger_us, plat_now_ms() - t0, EVENTS);
        t0 = plat_now_ms();
        for (int e = first; e < first + EVENTS; e++) {
            ScriptDue due = {e, province_of(h, s, e, run, per_province), 0};
            script_commands_clear(&out);
            script_event_choose(h, s, &due, 0, false, &out); /* queued only: nothing is applied */
        }
        effect_us = min_us(effect_us, plat_now_ms() - t0, EVENTS);
        t0 = plat_now_ms();
        for (int i = 0; i < EVENTS; i++) {
            bool holds;
            script_event_try_trigger(h, s, empty, -1, &holds);
        }
        empty_us = min_us(empty_us, plat_now_ms() - t0, EVENTS);
    }
    script_commands_free(&out);
    game_destroy(g);
    char cmd[64];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "bench_hooks: could not remove %s\n", dir);

    printf("generated mod: %d events, %s\n", EVENTS,
           per_province ? "every trigger runs in all 28 provinces" : "each concerning one province, all 28 covered");
    printf("(best of %d runs each; the machine may be shared)\n", RUNS);
    printf("load base game + mod:  %.1f ms\n", load_ms);
    printf("simulate a month:      %.3f ms with the mod (%.3f ms base game alone), %d months, %.0f protected "
           "calls a month, %d bench events fired\n",
           run_ms / months, base_ms / months, months, (double)run_calls / months, fired);
    printf("per call in a month:   %.3f us (the month's time over its protected calls)\n",
           1000.0 * run_ms / (double)run_calls);
    int worst = 0;
    for (int m = 1; m < months && m < CORE_MAX_MONTHS; m++)
        worst = month_best[m] > month_best[worst] ? m : worst;
    printf("month with the mod:    mean %.3f ms, worst %.3f ms (%04d-%02d; each month the best of %d runs), "
           "worst of any run %.3f ms\n",
           run_ms / months, month_best[worst], month_date[worst] / 100, month_date[worst] % 100, RUNS,
           month_any_worst);
    printf("per trigger call:      %.2f us (July 1959 state)\n", trigger_us);
    printf("per empty trigger:     %.2f us (the fixed cost of a protected call with its views)\n", empty_us);
    printf("per option's effects:  %.2f us (each queuing 2 fx changes and the decision)\n", effect_us);
    if (warnings)
        printf("core warnings:         %d in all the runs, the first: %s\n", warnings, first_warning);
    else
        printf("core warnings:         none (every effect applied)\n");
    return 0;
}
