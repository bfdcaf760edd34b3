/* app_headless.c — the simulation without a window: run a scenario with
 * history's choices or a choices file, then write yearly national and
 * provincial figures as CSV. Used by tests, calibration and benchmarks. */
#define _POSIX_C_SOURCE 200809L
#include "app_internal.h"

#include "game.h"
#include "platform.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The run's CSV files as a set: all new, or (a full disk, a kill) all
 * as they were, never some of each. */
static bool write_csvs(const char *dir, AppText *texts, const char *const *names, int count)
{
    char paths[3][PLAT_PATH_MAX];
    const char *path_of[3];
    const void *data[3];
    size_t lens[3];
    for (int i = 0; i < count; i++) {
        if (texts[i].failed || !plat_path_join(paths[i], sizeof paths[i], dir, names[i])) {
            fprintf(stderr, "greatleap: cannot write %s: %s\n", names[i], texts[i].failed ? "out of memory" : plat_error());
            return false;
        }
        path_of[i] = paths[i];
        data[i] = texts[i].buf;
        lens[i] = texts[i].len;
    }
    if (!plat_write_files_atomic(count, path_of, data, lens)) {
        fprintf(stderr, "greatleap: cannot write the CSV files (the ones already in %s are unchanged): %s\n", dir,
                plat_error());
        return false;
    }
    return true;
}

static void national_csv(const CoreState *s, int first, int last, AppText *t)
{
    app_text_printf(t, "year,months,population,births,deaths,deaths_reported,crude_birth_rate,crude_death_rate,"
                   "rural_death_rate,urban_death_rate,grain_actual_mt,grain_reported_mt,procurement_mt,"
                   "procurement_share,net_exports_mt,exports_mt,imports_mt,rotted_mt,relief_mt,"
                   "steel_reported_mt,steel_usable_mt,kcal_rural\n");
    for (int y = first; y <= last; y++) {
        CoreYear Y;
        if (!core_year_summary(s, y, CORE_ALL_PROVINCES, &Y))
            continue;
        app_text_printf(t,
                    "%d,%d,%lld,%lld,%lld,%lld,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.4f,%.3f,%.3f,%.3f,%.3f,%.3f,"
                    "%.3f,%.3f,%.0f\n",
                    y, Y.months, (long long)Y.population, (long long)Y.births, (long long)Y.deaths,
                    (long long)Y.deaths_reported, Y.crude_birth_rate, Y.crude_death_rate, Y.rural_death_rate,
                    Y.urban_death_rate, Y.grain_actual_t / 1e6, Y.grain_reported_t / 1e6, Y.procurement_t / 1e6,
                    Y.grain_actual_t > 0 ? Y.procurement_t / Y.grain_actual_t : 0.0,
                    (Y.exports_t - Y.imports_t) / 1e6, Y.exports_t / 1e6, Y.imports_t / 1e6, Y.rotted_t / 1e6,
                    Y.relief_t / 1e6, Y.steel_reported_t / 1e6, Y.steel_usable_t / 1e6, Y.kcal_rural_mean);
    }
}

static void provinces_csv(const CoreState *s, int first, int last, AppText *t)
{
    app_text_printf(t, "year,province,months,population,births,deaths,deaths_reported,crude_birth_rate,"
                   "crude_death_rate,grain_actual_mt,grain_reported_mt,procurement_mt,procurement_share,"
                   "rotted_mt,relief_mt,kcal_rural\n");
    for (int y = first; y <= last; y++)
        for (int p = 0; p < s->province_count; p++) {
            CoreYear Y;
            if (!core_year_summary(s, y, p, &Y))
                continue;
            app_text_printf(t, "%d,%s,%d,%lld,%lld,%lld,%lld,%.3f,%.3f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.0f\n", y,
                        s->info[p].id, Y.months, (long long)Y.population, (long long)Y.births,
                        (long long)Y.deaths, (long long)Y.deaths_reported, Y.crude_birth_rate, Y.crude_death_rate,
                        Y.grain_actual_t / 1e6, Y.grain_reported_t / 1e6, Y.procurement_t / 1e6,
                        Y.grain_actual_t > 0 ? Y.procurement_t / Y.grain_actual_t : 0.0, Y.rotted_t / 1e6,
                        Y.relief_t / 1e6, Y.kcal_rural_mean);
        }
}

/* One row per month, national totals and population-weighted means: for
 * calibration and for reading what the model did month by month. */
static void monthly_csv(const CoreState *s, AppText *t)
{
    app_text_printf(t, "month,date,population,births,deaths,potential_mt,harvest_mt,reported_mt,rotted_mt,procured_mt,relief_mt,"
                   "eaten_mt,seed_sown_mt,rural_grain_mt,seed_grain_mt,granary_mt,urban_supplied_mt,exports_mt,"
                   "imports_mt,kcal_rural,kcal_urban,health,zeal,inflation,pressure,labour_fields,labour_furnaces,"
                   "labour_water,pests,urban_pop\n");
    for (int m = 0; m < s->month; m++) {
        double f[12] = {0}, pop = 0, rural = 0;
        int64_t sum[15] = {0};
        for (int p = 0; p < s->province_count; p++) {
            const CoreProvinceMonth *r = &s->hist[m][p];
            double rp = (double)(r->population - r->urban_pop);
            int64_t v[14] = {r->population, r->births, r->deaths, r->harvest_kg, r->harvest_reported_kg,
                             r->rotted_kg, r->procured_kg, r->relief_kg, r->eaten_kg, r->seed_sown_kg,
                             r->rural_grain_kg, r->seed_grain_kg, r->urban_pop, r->harvest_potential_kg};
            for (int k = 0; k < 14; k++)
                sum[k] += v[k];
            double w[] = {r->kcal_rural * rp, r->kcal_urban * (double)r->urban_pop, r->health * rp, r->zeal * rp,
                          r->inflation * rp, r->labour_fields * rp, r->labour_furnaces * rp, r->labour_water * rp,
                          r->pests * rp};
            for (int k = 0; k < 9; k++)
                f[k] += w[k];
            pop += (double)r->population;
            rural += rp;
        }
        const CoreNationalMonth *n = &s->nhist[m];
        int y = s->start_year + (s->start_month - 1 + m) / 12, mo = (s->start_month - 1 + m) % 12 + 1;
        app_text_printf(t, "%d,%d-%02d,%lld,%lld,%lld,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,"
                       "%.0f,%.0f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%.3f,%lld\n",
                    m, y, mo, (long long)sum[0], (long long)sum[1], (long long)sum[2], sum[13] / 1e9, sum[3] / 1e9, sum[4] / 1e9,
                    sum[5] / 1e9, sum[6] / 1e9, sum[7] / 1e9, sum[8] / 1e9, sum[9] / 1e9, sum[10] / 1e9,
                    sum[11] / 1e9, (double)n->granary_kg / 1e9, (double)n->urban_supplied_kg / 1e9,
                    (double)n->exports_kg / 1e9, (double)n->imports_kg / 1e9, f[0] / rural,
                    f[1] / (pop - rural), f[2] / rural, f[3] / rural, f[4] / rural, n->pressure, f[5] / rural,
                    f[6] / rural, f[7] / rural, f[8] / rural, (long long)sum[12]);
    }
}

int app_tests_run(const AppOptions *o, const char *argv0)
{
    char data[PLAT_PATH_MAX];
    if (!app_find_data(o, argv0, data, sizeof data))
        return 2;
    bool quiet = true;
    GameDesc base = {.data_dir = data, .mod_dirs = o->mods, .mod_dir_count = o->mod_count,
                     .host = {.on_error = app_log_script_error, .on_log = app_log_script_print, .user = &quiet}};
    int passed = 0, failed = 0;
    if (plat_is_dir(o->tests_path)) {
        int n;
        char **names = plat_list_dir(o->tests_path, ".lua", &n);
        if (!names) {
            fprintf(stderr, "greatleap: --run-tests: %s\n", plat_error());
            return 2;
        }
        for (int i = 0; i < n; i++) {
            char path[PLAT_PATH_MAX];
            plat_path_join(path, sizeof path, o->tests_path, names[i]);
            game_run_test_file(&base, path, path, &passed, &failed);
        }
        plat_list_free(names, n);
    } else if (plat_is_file(o->tests_path)) {
        game_run_test_file(&base, o->tests_path, o->tests_path, &passed, &failed);
    } else {
        fprintf(stderr, "greatleap: --run-tests: no such file or folder '%s'\n", o->tests_path);
        return 2;
    }
    printf("%d tests, %d passed, %d failed\n", passed + failed, passed, failed);
    return failed == 0 && passed > 0 ? 0 : 1;
}

int app_headless_run(const AppOptions *o, const char *argv0)
{
    char data[PLAT_PATH_MAX], err[1024] = "";
    if (!app_find_data(o, argv0, data, sizeof data))
        return 2;
    bool quiet = o->quiet;
    GameDesc d = {.data_dir = data, .scenario = o->scenario, .seed = o->seed, .mod_dirs = o->mods,
                  .mod_dir_count = o->mod_count, .chooser = GAME_CHOOSE_HISTORY,
                  .host = {.on_error = app_log_script_error, .on_log = app_log_script_print, .user = &quiet}};
    ScriptChoices *choices = NULL;
    if (strcmp(o->choices, "defaults") == 0) {
        d.chooser = GAME_CHOOSE_DEFAULTS;
    } else if (strcmp(o->choices, "historical") != 0) {
        if (!plat_is_file(o->choices)) {
            fprintf(stderr, "greatleap: --choices: no such file '%s' (or use historical / defaults)\n", o->choices);
            return 2;
        }
        /* The choices file needs a host to run in; a small one is enough. */
        ScriptHost *tmp = script_host_create(&(ScriptHostDesc){0});
        char scripts[PLAT_PATH_MAX];
        plat_path_join(scripts, sizeof scripts, data, "scripts");
        choices = calloc(1, sizeof *choices);
        bool ok = tmp && choices && script_host_load_mod(tmp, scripts, "scripts") &&
                  script_choices_load(tmp, o->choices, choices, err, sizeof err);
        script_host_destroy(tmp);
        if (!ok) {
            fprintf(stderr, "greatleap: %s\n", err[0] ? err : "cannot read the choices file");
            free(choices);
            return 2;
        }
        d.chooser = choices->historical_base ? GAME_CHOOSE_HISTORY : GAME_CHOOSE_DEFAULTS;
        d.choices = choices;
    }
    AppSaveMeta meta;
    Game *g = o->load_slot_given ? app_load_game(&d, o->load_slot, &meta, err, sizeof err)
                                 : game_create(&d, err, sizeof err);
    free(choices);
    if (!g) {
        fprintf(stderr, "greatleap: %s\n", err);
        return 2;
    }
    const CoreState *s = game_state(g);
    if (core_month_index(s, o->until_year, o->until_month) < 0 ||
        core_month_index(s, o->until_year, o->until_month) >= CORE_MAX_MONTHS) {
        fprintf(stderr, "greatleap: --until %d-%02d is outside the scenario (%d-%02d, at most %d months)\n",
                o->until_year, o->until_month, s->start_year, s->start_month, CORE_MAX_MONTHS);
        game_destroy(g);
        return 2;
    }
    int status = 0;
    double t0 = plat_now_ms();
    if (!game_run_until(g, o->until_year, o->until_month, err, sizeof err)) {
        fprintf(stderr, "greatleap: simulation stopped: %s\n", err);
        status = 1;
    }
    double elapsed = plat_now_ms() - t0;
    if (status == 0) {
        if (!plat_mkdir_p(o->out_dir)) {
            fprintf(stderr, "greatleap: --out: %s\n", plat_error());
            status = 2;
        } else {
            AppText texts[3] = {{0}, {0}, {0}};
            static const char *const names[3] = {"national.csv", "provinces.csv", "monthly.csv"};
            national_csv(s, s->start_year, o->until_year, &texts[0]);
            provinces_csv(s, s->start_year, o->until_year, &texts[1]);
            monthly_csv(s, &texts[2]);
            if (!write_csvs(o->out_dir, texts, names, 3))
                status = 1;
            for (int i = 0; i < 3; i++)
                app_text_free(&texts[i]);
        }
    }
    if (status == 0 && o->save_slot &&
        !app_save_game(g, o->save_slot, d.chooser == GAME_CHOOSE_HISTORY, err, sizeof err)) {
        fprintf(stderr, "greatleap: --save-slot: %s\n", err);
        status = 1;
    }
    if (status == 0 && !o->quiet)
        printf("greatleap: simulated %d months in %.0f ms (seed %llu, hash %016llx); wrote national.csv, "
               "provinces.csv and monthly.csv to %s\n",
               s->month, elapsed, (unsigned long long)o->seed, (unsigned long long)core_state_hash(s), o->out_dir);
    int errors = script_error_count(game_host(g));
    if (errors && !o->quiet)
        fprintf(stderr, "greatleap: %d script error(s) were reported; the game went on without the faulty parts\n",
                errors);
    game_destroy(g);
    return status;
}
