/* app_headless.c — the simulation without a window: run a scenario with
 * history's choices or a choices file, then write yearly national and
 * provincial figures as CSV. Used by tests, calibration and benchmarks. */
#define _POSIX_C_SOURCE 200809L
#include "app_internal.h"

#include "game.h"
#include "game_shapley.h"
#include "platform.h"

#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The run's CSV files as a set: all new, or (a full disk, a kill) all
 * as they were, never some of each. */
static bool write_csvs(const char *dir, AppText *texts, const char *const *names, int count)
{
    char paths[5][PLAT_PATH_MAX];
    const char *path_of[5];
    const void *data[5];
    size_t lens[5];
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

/* ==== Yearly tables ====
 * One row per year (national) or per province and year; the same columns
 * feed the CSVs of one run and the ensemble's statistics. */
typedef struct Col {
    const char *name, *fmt;
} Col;

static const Col national_cols[] = {
    {"months", "%.0f"}, {"population", "%.0f"}, {"births", "%.0f"}, {"deaths", "%.0f"}, {"deaths_reported", "%.0f"},
    {"crude_birth_rate", "%.3f"}, {"crude_death_rate", "%.3f"}, {"rural_death_rate", "%.3f"},
    {"urban_death_rate", "%.3f"}, {"grain_actual_mt", "%.3f"}, {"grain_reported_mt", "%.3f"},
    {"procurement_mt", "%.3f"}, {"procurement_share", "%.4f"}, {"net_exports_mt", "%.3f"}, {"exports_mt", "%.3f"},
    {"imports_mt", "%.3f"}, {"rotted_mt", "%.3f"}, {"relief_mt", "%.3f"}, {"steel_reported_mt", "%.3f"},
    {"steel_usable_mt", "%.3f"}, {"kcal_rural", "%.0f"}, {"registered_death_rate", "%.3f"},
    {"normal_death_rate", "%.3f"}, {"excess_deaths", "%.0f"},
    /* The state's account by grain year (July of the row's year to June of
     * the next, as the Ministry of Grain counted, P04), and its stocks at the
     * end of June: what calibrate.py fits, on the ensemble's mean. A grain
     * year the run does not finish is left empty. */
    {"grain_year_procured_mt", "%.3f"}, {"grain_year_sales_mt", "%.3f"}, {"granary_june_mt", "%.3f"}};
#define NATIONAL_GRAIN_YEAR_COLS 3
#define NATIONAL_COLS ((int)(sizeof national_cols / sizeof national_cols[0]))

static const Col province_cols[] = {
    {"months", "%.0f"}, {"population", "%.0f"}, {"births", "%.0f"}, {"deaths", "%.0f"}, {"deaths_reported", "%.0f"},
    {"crude_birth_rate", "%.3f"}, {"crude_death_rate", "%.3f"}, {"grain_actual_mt", "%.4f"},
    {"grain_reported_mt", "%.4f"}, {"procurement_mt", "%.4f"}, {"procurement_share", "%.4f"}, {"rotted_mt", "%.4f"},
    {"relief_mt", "%.4f"}, {"kcal_rural", "%.0f"}, {"registered_death_rate", "%.3f"}, {"normal_death_rate", "%.3f"},
    {"excess_deaths", "%.0f"}, {"rural_death_rate", "%.3f"}, {"urban_death_rate", "%.3f"}};
#define PROVINCE_COLS ((int)(sizeof province_cols / sizeof province_cols[0]))
#define MAX_COLS 32

static void national_values(const CoreYear *y, double *v)
{
    double share = y->grain_actual_t > 0 ? y->procurement_t / y->grain_actual_t : 0.0;
    double row[] = {y->months, (double)y->population, (double)y->births, (double)y->deaths,
                    (double)y->deaths_reported, y->crude_birth_rate, y->crude_death_rate, y->rural_death_rate,
                    y->urban_death_rate, y->grain_actual_t / 1e6, y->grain_reported_t / 1e6, y->procurement_t / 1e6,
                    share, (y->exports_t - y->imports_t) / 1e6, y->exports_t / 1e6, y->imports_t / 1e6,
                    y->rotted_t / 1e6, y->relief_t / 1e6, y->steel_reported_t / 1e6, y->steel_usable_t / 1e6,
                    y->kcal_rural_mean, y->registered_death_rate, y->normal_death_rate, y->excess_deaths};
    memcpy(v, row, sizeof row);
}

static void province_values(const CoreYear *y, double *v)
{
    double share = y->grain_actual_t > 0 ? y->procurement_t / y->grain_actual_t : 0.0;
    double row[] = {y->months, (double)y->population, (double)y->births, (double)y->deaths,
                    (double)y->deaths_reported, y->crude_birth_rate, y->crude_death_rate, y->grain_actual_t / 1e6,
                    y->grain_reported_t / 1e6, y->procurement_t / 1e6, share, y->rotted_t / 1e6, y->relief_t / 1e6,
                    y->kcal_rural_mean, y->registered_death_rate, y->normal_death_rate, y->excess_deaths,
                    y->rural_death_rate, y->urban_death_rate};
    memcpy(v, row, sizeof row);
}

/* The grain-year columns of a national row (NATIONAL_GRAIN_YEAR_COLS). */
static void grain_year_values(const CoreState *s, int year, double *v)
{
    int july = (year - s->start_year) * 12 + 7 - s->start_month, june = july - 1;
    double procured = 0, sales = 0;
    bool whole = july >= 0 && july + 12 <= s->month;
    for (int m = july; whole && m < july + 12; m++) {
        sales += (double)s->nhist[m].urban_supplied_kg;
        for (int p = 0; p < s->province_count; p++) {
            procured += (double)s->hist[m][p].procured_kg;
            sales += (double)s->hist[m][p].relief_kg;
        }
    }
    v[0] = whole ? procured / 1e9 : NAN;
    v[1] = whole ? sales / 1e9 : NAN;
    v[2] = june >= 0 && june < s->month ? (double)s->nhist[june].granary_kg / 1e9 : NAN;
}

/* The table of a run: rows of (year, province or -1) with their values. */
typedef struct Row {
    int year, province;
    double v[MAX_COLS];
} Row;
typedef struct Rows {
    int count;
    Row row[];
} Rows;

/* NULL if out of memory. */
static Rows *collect_rows(const CoreState *s, int first, int last)
{
    size_t cap = (size_t)(last - first + 1) * (size_t)(s->province_count + 1);
    Rows *r = malloc(sizeof *r + cap * sizeof r->row[0]);
    if (!r)
        return NULL;
    r->count = 0;
    for (int y = first; y <= last; y++)
        for (int p = -1; p < s->province_count; p++) {
            CoreYear Y;
            if (!core_year_summary(s, y, p < 0 ? CORE_ALL_PROVINCES : p, &Y))
                continue;
            Row *row = &r->row[r->count++];
            row->year = y;
            row->province = p;
            if (p < 0) {
                national_values(&Y, row->v);
                grain_year_values(s, y, row->v + NATIONAL_COLS - NATIONAL_GRAIN_YEAR_COLS);
            } else
                province_values(&Y, row->v);
        }
    return r;
}

/* A value, or nothing for one the run cannot give (NAN). */
static void put_value(AppText *t, const char *fmt, double v)
{
    if (!isnan(v))
        app_text_printf(t, fmt, v);
}

static void table_csv(const CoreState *s, const Rows *r, bool national, AppText *t)
{
    const Col *cols = national ? national_cols : province_cols;
    int n = national ? NATIONAL_COLS : PROVINCE_COLS;
    app_text_printf(t, national ? "year" : "year,province");
    for (int c = 0; c < n; c++)
        app_text_printf(t, ",%s", cols[c].name);
    app_text_printf(t, "\n");
    for (int i = 0; i < r->count; i++) {
        const Row *row = &r->row[i];
        if ((row->province < 0) != national)
            continue;
        app_text_printf(t, "%d", row->year);
        if (!national)
            app_text_printf(t, ",%s", s->info[row->province].id);
        for (int c = 0; c < n; c++) {
            app_text_printf(t, ",");
            put_value(t, cols[c].fmt, row->v[c]);
        }
        app_text_printf(t, "\n");
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The p-th percentile (0..100) of n sorted values, interpolated linearly. */
static double percentile(const double *sorted, int n, double p)
{
    double at = p / 100.0 * (n - 1);
    int lo = (int)at;
    return lo + 1 < n ? sorted[lo] + (at - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[n - 1];
}

/* ensemble.csv: for every row and column of the seeds' tables, the mean and
 * the 5th and 95th percentiles over the seeds (runs[k] is seed first + k). */
static void ensemble_csv(const CoreState *s, Rows *const *runs, int seeds, AppText *t)
{
    double *vals = malloc(sizeof *vals * (size_t)seeds);
    if (!vals) {
        t->failed = true;
        return;
    }
    app_text_printf(t, "year,province,figure,mean,p5,p95,seeds\n");
    const Rows *r0 = runs[0];
    for (int i = 0; i < r0->count; i++) {
        const Row *row = &r0->row[i];
        bool national = row->province < 0;
        const Col *cols = national ? national_cols : province_cols;
        int n = national ? NATIONAL_COLS : PROVINCE_COLS;
        for (int c = 0; c < n; c++) {
            double sum = 0;
            for (int k = 0; k < seeds; k++) {
                vals[k] = runs[k]->row[i].v[c];
                sum += vals[k];
            }
            qsort(vals, (size_t)seeds, sizeof *vals, cmp_double);
            app_text_printf(t, "%d,%s,%s,", row->year, national ? "china" : s->info[row->province].id,
                            cols[c].name);
            put_value(t, cols[c].fmt, sum / seeds);
            app_text_printf(t, ",");
            put_value(t, cols[c].fmt, percentile(vals, seeds, 5));
            app_text_printf(t, ",");
            put_value(t, cols[c].fmt, percentile(vals, seeds, 95));
            app_text_printf(t, ",%d\n", seeds);
        }
    }
    free(vals);
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

/* shapley.csv: each group's share of history's excess deaths 1959-61. */
static int shapley_csv(const GameDesc *d, const AppOptions *o)
{
    GameShapley *sh = game_shapley_create(d);
    if (!sh) {
        fprintf(stderr, "greatleap: out of memory\n");
        return 1;
    }
    double t0 = plat_now_ms();
    int last = -1;
    while (game_shapley_step(sh)) {
        int pct = (int)(100 * game_shapley_progress(sh));
        if (!o->quiet && pct / 10 != last) {
            fprintf(stderr, "greatleap: what mattered: %d%%\r", pct);
            last = pct / 10;
        }
    }
    if (game_shapley_error(sh)[0]) {
        fprintf(stderr, "greatleap: --shapley: %s\n", game_shapley_error(sh));
        game_shapley_destroy(sh);
        return 1;
    }
    AppText t = {0};
    double hist, none;
    game_shapley_totals(sh, &hist, &none);
    app_text_printf(&t, "group,excess_deaths_m,min_m,max_m,seeds\n");
    for (int i = 0; i < GAME_SHAPLEY_GROUPS; i++) {
        const GameShapleyGroup *gr = game_shapley_group(sh, i);
        app_text_printf(&t, "%s,%.3f,%.3f,%.3f,%d\n", gr->id, gr->mean_m, gr->min_m, gr->max_m, GAME_SHAPLEY_SEEDS);
    }
    app_text_printf(&t, "history,%.3f,,,%d\nnone_of_them,%.3f,,,%d\n", hist, GAME_SHAPLEY_SEEDS, none,
                    GAME_SHAPLEY_SEEDS);
    static const char *const name[1] = {"shapley.csv"};
    bool ok = write_csvs(o->out_dir, &t, name, 1);
    app_text_free(&t);
    if (ok && !o->quiet)
        printf("greatleap: what mattered, over %d campaigns in %.0f ms: shapley.csv\n",
               (1 << GAME_SHAPLEY_GROUPS) * GAME_SHAPLEY_SEEDS, plat_now_ms() - t0);
    game_shapley_destroy(sh);
    return ok ? 0 : 1;
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
    d.keep_moment = o->save_slot > 0; /* so that the save holds the month's start */
    d.without_missing_mods = o->without_missing_mods;
    AppSaveMeta meta;
    Game *g = o->load_slot_given ? app_load_game(&d, o->load_slot, &meta, NULL, err, sizeof err)
                                 : game_create(&d, err, sizeof err);
    if (!g) {
        fprintf(stderr, "greatleap: %s\n", err);
        free(choices);
        return 2;
    }
    const CoreState *s = game_state(g);
    if (core_month_index(s, o->until_year, o->until_month) < 0 ||
        core_month_index(s, o->until_year, o->until_month) >= CORE_MAX_MONTHS) {
        fprintf(stderr, "greatleap: --until %d-%02d is outside the scenario (%d-%02d, at most %d months)\n",
                o->until_year, o->until_month, s->start_year, s->start_month, CORE_MAX_MONTHS);
        game_destroy(g);
        free(choices);
        return 2;
    }
    int status = 0, seeds = o->seed_count > 0 ? o->seed_count : 1;
    double t0 = plat_now_ms();
    if (!game_run_until(g, o->until_year, o->until_month, err, sizeof err)) {
        fprintf(stderr, "greatleap: simulation stopped: %s\n", err);
        status = 1;
    }
    /* The other seeds of an ensemble: the same choices, one campaign each. */
    Rows **runs = calloc((size_t)seeds, sizeof *runs);
    for (int k = 0; k < seeds && status == 0; k++) {
        if (!runs) {
            status = 1;
            break;
        }
        if (k == 0) {
            if (!(runs[0] = collect_rows(s, s->start_year, o->until_year)))
                status = 1;
            continue;
        }
        GameDesc dk = d;
        dk.seed = o->seed + (uint64_t)k;
        Game *gk = game_create(&dk, err, sizeof err);
        if (!gk || !game_run_until(gk, o->until_year, o->until_month, err, sizeof err)) {
            fprintf(stderr, "greatleap: seed %llu: %s\n", (unsigned long long)dk.seed, err);
            status = 1;
        } else if (!(runs[k] = collect_rows(game_state(gk), s->start_year, o->until_year))) {
            status = 1;
        }
        game_destroy(gk);
        if (!o->quiet && seeds >= 20 && (k + 1) % 10 == 0)
            fprintf(stderr, "greatleap: %d of %d seeds\n", k + 1, seeds);
    }
    double elapsed = plat_now_ms() - t0;
    if (status == 0) {
        if (!plat_mkdir_p(o->out_dir)) {
            fprintf(stderr, "greatleap: --out: %s\n", plat_error());
            status = 2;
        } else {
            /* The run's tables, the ensemble's with --seeds, and one row per
             * decision and how a player of this run would have met it (the
             * historical mode for history's choices, the free mode
             * otherwise, with the default settings), written as one set:
             * all new, or all as they were. */
            AppText texts[5] = {{0}, {0}, {0}, {0}, {0}};
            static const char *const names[5] = {"national.csv", "provinces.csv", "monthly.csv", "decisions.csv",
                                                  "ensemble.csv"};
            table_csv(s, runs[0], true, &texts[0]);
            table_csv(s, runs[0], false, &texts[1]);
            monthly_csv(s, &texts[2]);
            char *dec = game_decisions_csv(g, d.chooser == GAME_CHOOSE_HISTORY, GAME_PROVINCIAL_BY_MODE);
            texts[3] = (AppText){.buf = dec, .len = dec ? strlen(dec) : 0, .failed = dec == NULL};
            int count = 4;
            if (o->seed_count > 0) {
                ensemble_csv(s, runs, seeds, &texts[4]);
                count = 5;
            }
            if (!write_csvs(o->out_dir, texts, names, count))
                status = 1;
            for (int i = 0; i < 5; i++)
                app_text_free(&texts[i]);
        }
    }
    if (status == 0 && o->shapley)
        status = shapley_csv(&d, o);
    for (int k = 0; runs && k < seeds; k++)
        free(runs[k]);
    free(runs);
    free(choices);
    if (status == 0 && o->save_slot &&
        !app_save_game(g, o->save_slot, d.chooser == GAME_CHOOSE_HISTORY, NULL, err, sizeof err)) {
        fprintf(stderr, "greatleap: --save-slot: %s\n", err);
        status = 1;
    }
    if (status == 0 && !o->quiet) {
        if (o->seed_count > 0)
            printf("greatleap: simulated seeds %llu-%llu, %d months each, in %.0f ms; wrote national.csv, "
                   "provinces.csv and monthly.csv (seed %llu) and ensemble.csv to %s\n",
                   (unsigned long long)o->seed, (unsigned long long)(o->seed + (uint64_t)seeds - 1), s->month,
                   elapsed, (unsigned long long)o->seed, o->out_dir);
        else
            printf("greatleap: simulated %d months in %.0f ms (seed %llu, hash %016llx); wrote national.csv, "
                   "provinces.csv, monthly.csv and decisions.csv to %s\n",
                   s->month, elapsed, (unsigned long long)o->seed, (unsigned long long)core_state_hash(s),
                   o->out_dir);
    }
    int errors = script_error_count(game_host(g));
    if (errors && !o->quiet)
        fprintf(stderr, "greatleap: %d script error(s) were reported; the game went on without the faulty parts\n",
                errors);
    game_destroy(g);
    return status;
}
