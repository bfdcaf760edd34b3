/* app_record.c — reads the record files for the interface (app_record.h),
 * with the core's CSV reader. Columns are found by name, so a new column in
 * a data file changes nothing here. */
#define _POSIX_C_SOURCE 200809L /* strtok_r */
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

/* Grows an array by doubling; false when memory runs out. */
static bool grow(void **items, int count, int *capacity, size_t size)
{
    if (count < *capacity)
        return true;
    int more = *capacity ? *capacity * 2 : 64;
    void *grown = realloc(*items, size * (size_t)more);
    if (!grown)
        return false;
    *items = grown;
    *capacity = more;
    return true;
}

static bool kind_of(const char *s, UiWorkKind *out)
{
    static const char *const names[UI_WORK_KINDS] = {"statistics", "demography", "history", "account", "model"};
    for (int k = 0; k < UI_WORK_KINDS; k++)
        if (strcmp(s, names[k]) == 0) {
            *out = (UiWorkKind)k;
            return true;
        }
    return false;
}

/* works.csv: the published works. A work without author, year or title, or
 * of no known kind, is refused: nothing is shown that a reader cannot find. */
static bool load_works(const char *data_dir, UiSources *out, char *err, size_t cap)
{
    static const char *const names[] = {"id",        "kind",  "grade",    "label",    "label_zh",  "author",   "author_zh",
                                        "year",      "title", "title_zh", "title_en", "published", "rests_on", "rests_on_zh"};
    Table t = {0};
    bool ok = table_open(&t, data_dir, "assets/data/works.csv", names, 14, err, cap);
    int capacity = 0, row;
    while (ok && (row = csv_next(&t.rd)) == 1) {
        if (!grow((void **)&out->works, out->work_count, &capacity, sizeof *out->works)) {
            snprintf(err, cap, "out of memory reading the works");
            ok = false;
            break;
        }
        UiWork *w = &out->works[out->work_count];
        memset(w, 0, sizeof *w);
        snprintf(w->id, sizeof w->id, "%s", field(&t, 0));
        if (!kind_of(field(&t, 1), &w->kind)) {
            snprintf(err, cap, "assets/data/works.csv:%d: %s: unknown kind '%s'", t.rd.line, w->id, field(&t, 1));
            ok = false;
            break;
        }
        snprintf(w->grade, sizeof w->grade, "%s", field(&t, 2));
        snprintf(w->label, sizeof w->label, "%s", field(&t, 3));
        snprintf(w->label_zh, sizeof w->label_zh, "%s", field(&t, 4));
        snprintf(w->author, sizeof w->author, "%s", field(&t, 5));
        snprintf(w->author_zh, sizeof w->author_zh, "%s", field(&t, 6));
        snprintf(w->year, sizeof w->year, "%s", field(&t, 7));
        snprintf(w->title, sizeof w->title, "%s", field(&t, 8));
        snprintf(w->title_zh, sizeof w->title_zh, "%s", field(&t, 9));
        snprintf(w->title_en, sizeof w->title_en, "%s", field(&t, 10));
        snprintf(w->published, sizeof w->published, "%s", field(&t, 11));
        snprintf(w->rests_on, sizeof w->rests_on, "%s", field(&t, 12));
        snprintf(w->rests_on_zh, sizeof w->rests_on_zh, "%s", field(&t, 13));
        if (strlen(field(&t, 0)) >= sizeof w->id) {
            snprintf(err, cap, "assets/data/works.csv:%d: the id '%s' is too long", t.rd.line, field(&t, 0));
            ok = false;
            break;
        }
        if (!w->id[0] || !w->author[0] || !w->year[0] || !w->title[0] || !w->label[0]) {
            snprintf(err, cap, "assets/data/works.csv:%d: '%s' needs an id, a label, an author, a year and a title",
                     t.rd.line, w->id);
            ok = false;
            break;
        }
        out->work_count++;
    }
    if (ok && row < 0) {
        snprintf(err, cap, "%s", core_error_get());
        ok = false;
    }
    free(t.text);
    return ok;
}

static int work_index(const UiSources *s, const char *id)
{
    for (int i = 0; i < s->work_count; i++)
        if (strcmp(s->works[i].id, id) == 0)
            return i;
    return -1;
}

/* sources.csv: the research ids and the works they read. */
static bool load_refs(const char *data_dir, UiSources *out, char *err, size_t cap)
{
    static const char *const names[] = {"id", "works", "locator"};
    Table t = {0};
    bool ok = table_open(&t, data_dir, "assets/data/sources.csv", names, 3, err, cap);
    int capacity = 0, row;
    while (ok && (row = csv_next(&t.rd)) == 1) {
        if (!grow((void **)&out->refs, out->ref_count, &capacity, sizeof *out->refs)) {
            snprintf(err, cap, "out of memory reading the sources");
            ok = false;
            break;
        }
        UiSourceRef *r = &out->refs[out->ref_count];
        memset(r, 0, sizeof *r);
        snprintf(r->id, sizeof r->id, "%s", field(&t, 0));
        snprintf(r->locator, sizeof r->locator, "%s", field(&t, 2));
        char works[160];
        snprintf(works, sizeof works, "%s", field(&t, 1));
        for (char *save = NULL, *w = strtok_r(works, " ", &save); ok && w; w = strtok_r(NULL, " ", &save)) {
            int k = work_index(out, w);
            if (k < 0 || r->work_count >= UI_REF_WORKS) {
                snprintf(err, cap, "assets/data/sources.csv:%d: %s: %s", t.rd.line, r->id,
                         k < 0 ? "names a work that works.csv does not list" : "too many works");
                if (k < 0)
                    snprintf(err + strlen(err), cap - strlen(err), " ('%s')", w);
                ok = false;
            } else {
                r->work[r->work_count++] = k;
            }
        }
        if (ok && (!r->id[0] || r->work_count == 0)) {
            snprintf(err, cap, "assets/data/sources.csv:%d: '%s' names no work", t.rd.line, r->id);
            ok = false;
        }
        if (ok)
            out->ref_count++;
    }
    if (ok && row < 0) {
        snprintf(err, cap, "%s", core_error_get());
        ok = false;
    }
    free(t.text);
    return ok;
}

bool app_sources_load(const char *data_dir, UiSources *out, char *err, size_t cap)
{
    memset(out, 0, sizeof *out);
    if (load_works(data_dir, out, err, cap) && load_refs(data_dir, out, err, cap))
        return true;
    app_sources_free(out);
    return false;
}

void app_sources_free(UiSources *s)
{
    free(s->works);
    free(s->refs);
    memset(s, 0, sizeof *s);
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
    /* The works behind each province's story (stories.csv). */
    static const char *const story_names[] = {"province", "works"};
    Table st = {0};
    if (!table_open(&st, data_dir, "assets/data/stories.csv", story_names, 2, err, err_cap)) {
        free(st.text);
        return -1;
    }
    while ((row = csv_next(&st.rd)) == 1)
        for (int i = 0; i < n; i++)
            if (strcmp(out[i].id, field(&st, 0)) == 0)
                snprintf(out[i].story_works, sizeof out[i].story_works, "%s", field(&st, 1));
    free(st.text);
    if (row < 0) {
        snprintf(err, err_cap, "%s", core_error_get());
        return -1;
    }
    return n;
}
