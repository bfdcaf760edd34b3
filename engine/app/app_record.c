/* app_record.c — reads the record files for the interface (app_record.h),
 * with the core's CSV reader. Columns are found by name, so a new column in
 * a data file changes nothing here. */
#include "app_record.h"

#include "core_csv.h"
#include "platform.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A CSV file read whole, with its header row. */
typedef struct Table {
    char *text;
    size_t len;
    CsvReader rd;
    int cols[16];
} Table;

static bool table_open(Table *t, const char *data_dir, const char *rel, const char *const *names, int n, char *err,
                       size_t cap)
{
    char path[PLAT_PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", data_dir, rel);
    t->text = plat_read_file(path, 8u << 20, &t->len);
    if (!t->text) {
        snprintf(err, cap, "%s", plat_error());
        return false;
    }
    csv_init(&t->rd, rel, t->text, t->len);
    if (csv_next(&t->rd) != 1) {
        snprintf(err, cap, "%s: no header row", rel);
        return false;
    }
    for (int i = 0; i < n; i++)
        if ((t->cols[i] = csv_column(&t->rd, names[i])) < 0) {
            snprintf(err, cap, "%s: no column '%s'", rel, names[i]);
            return false;
        }
    /* csv_column reads the current row: keep the indices, then go on. */
    return true;
}

static const char *field(const Table *t, int i) { return t->cols[i] < t->rd.nfields ? t->rd.field[t->cols[i]] : ""; }

static double number(const Table *t, int i)
{
    const char *s = field(t, i);
    char *end;
    double v = strtod(s, &end);
    return *s && end != s ? v : NAN;
}

bool app_sources_load(const char *data_dir, UiSources *out, char *err, size_t cap)
{
    static const char *const names[] = {"id", "grade", "citation", "url"};
    memset(out, 0, sizeof *out);
    Table t = {0};
    bool ok = table_open(&t, data_dir, "assets/data/sources.csv", names, 4, err, cap);
    int capacity = 0, row;
    while (ok && (row = csv_next(&t.rd)) == 1) {
        if (out->count == capacity) {
            capacity = capacity ? capacity * 2 : 128;
            UiSource *grown = realloc(out->items, sizeof *grown * (size_t)capacity);
            if (!grown) {
                snprintf(err, cap, "out of memory reading the sources");
                ok = false;
                break;
            }
            out->items = grown;
        }
        UiSource *s = &out->items[out->count++];
        snprintf(s->id, sizeof s->id, "%s", field(&t, 0));
        snprintf(s->grade, sizeof s->grade, "%s", field(&t, 1));
        snprintf(s->citation, sizeof s->citation, "%s", field(&t, 2));
        snprintf(s->url, sizeof s->url, "%s", field(&t, 3));
    }
    if (ok && row < 0) {
        snprintf(err, cap, "%s", core_error_get());
        ok = false;
    }
    free(t.text);
    if (!ok)
        app_sources_free(out);
    return ok;
}

void app_sources_free(UiSources *s)
{
    free(s->items);
    s->items = NULL;
    s->count = 0;
}

bool app_record_load(const char *data_dir, UiRecord *out, char *err, size_t cap)
{
    static const char *const names[] = {"year", "crude_death_rate", "crude_birth_rate", "grain_output_mt_official_early",
                                        "net_grain_exports_mt", "population_millions_yearend", "pop_vital_source",
                                        "grain_early_source", "trade_source"};
    memset(out, 0, sizeof *out);
    Table t = {0};
    bool ok = table_open(&t, data_dir, "assets/data/history/national.csv", names, 9, err, cap);
    int row;
    while (ok && (row = csv_next(&t.rd)) == 1 && out->count < UI_RECORD_YEARS) {
        UiRecordYear *y = &out->years[out->count++];
        y->year = (int)number(&t, 0);
        y->cdr = number(&t, 1);
        y->cbr = number(&t, 2);
        y->grain_mt = number(&t, 3);
        y->net_exports_mt = number(&t, 4);
        y->population_m = number(&t, 5);
        /* One id per series, as given for the first year the game shows
         * ("S04;S03" gives S04). */
        if (y->year < 1958)
            continue;
        if (!out->cdr_source[0] && field(&t, 6)[0])
            sscanf(field(&t, 6), "%15[A-Za-z0-9]", out->cdr_source);
        if (!out->grain_source[0] && field(&t, 7)[0])
            sscanf(field(&t, 7), "%15[A-Za-z0-9]", out->grain_source);
        if (!out->trade_source[0] && field(&t, 8)[0])
            sscanf(field(&t, 8), "%15[A-Za-z0-9]", out->trade_source);
    }
    free(t.text);
    return ok;
}

int app_provenance_load(const char *data_dir, UiProvenance *out, int cap, char *err, size_t err_cap)
{
    static const char *const names[] = {"id",          "pop_provenance",   "pop_source",   "vital_provenance",
                                        "vital_source", "grain_provenance", "grain_source"};
    Table t = {0};
    if (!table_open(&t, data_dir, "assets/data/provinces.csv", names, 7, err, err_cap)) {
        free(t.text);
        return -1;
    }
    int n = 0, row;
    while ((row = csv_next(&t.rd)) == 1 && n < cap) {
        UiProvenance *p = &out[n++];
        memset(p, 0, sizeof *p);
        snprintf(p->id, sizeof p->id, "%s", field(&t, 0));
        p->pop_recorded = strcmp(field(&t, 1), "recorded") == 0;
        snprintf(p->pop_source, sizeof p->pop_source, "%s", field(&t, 2));
        p->vital_recorded = strcmp(field(&t, 3), "recorded") == 0;
        snprintf(p->vital_source, sizeof p->vital_source, "%s", field(&t, 4));
        p->grain_recorded = strcmp(field(&t, 5), "recorded") == 0;
        snprintf(p->grain_source, sizeof p->grain_source, "%s", field(&t, 6));
    }
    free(t.text);
    if (row < 0) {
        snprintf(err, err_cap, "%s", core_error_get());
        return -1;
    }
    return n;
}
