/* core_csv.c — RFC 4180 CSV over a memory buffer (quotes, doubled quotes,
 * CRLF, '#' comment lines). Fields are copied into one row buffer; a row
 * that does not fit is an error, never a truncation. */
#include "core_csv.h"

#include "core.h"

#include <string.h>

void csv_init(CsvReader *r, const char *name, const char *text, size_t len)
{
    memset(r, 0, sizeof *r);
    r->p = text;
    r->end = text + len;
    r->name = name;
    r->next_line = 1;
}

static int csv_fail(const CsvReader *r, const char *what)
{
    core_error_set("%s:%d: %s", r->name, r->line, what);
    return -1;
}

static bool at_line_start_comment(const CsvReader *r)
{
    return r->p < r->end && *r->p == '#';
}

int csv_next(CsvReader *r)
{
    /* Skip blank lines and comments. */
    for (;;) {
        if (r->p >= r->end)
            return 0;
        if (at_line_start_comment(r) || *r->p == '\n' || *r->p == '\r') {
            while (r->p < r->end && *r->p != '\n')
                r->p++;
            if (r->p < r->end)
                r->p++;
            r->next_line++;
            continue;
        }
        break;
    }
    r->line = r->next_line;
    r->nfields = 0;
    size_t out = 0;
    bool in_quotes = false, field_start = true;
    r->field[r->nfields++] = r->buf;
    while (r->p < r->end) {
        char c = *r->p++;
        if (in_quotes) {
            if (c == '"') {
                if (r->p < r->end && *r->p == '"') {
                    r->p++;
                } else {
                    in_quotes = false;
                    continue;
                }
            } else if (c == '\n') {
                r->next_line++;
            }
        } else if (c == '"' && field_start) {
            in_quotes = true;
            field_start = false;
            continue;
        } else if (c == ',') {
            if (out + 1 >= CSV_ROW_BYTES)
                goto too_long;
            r->buf[out++] = '\0';
            if (r->nfields >= CSV_MAX_FIELDS)
                return csv_fail(r, "more than 48 fields");
            r->field[r->nfields++] = r->buf + out;
            field_start = true;
            continue;
        } else if (c == '\r') {
            continue;
        } else if (c == '\n') {
            r->next_line++;
            break;
        }
        field_start = false;
        if (out + 1 >= CSV_ROW_BYTES)
            goto too_long;
        r->buf[out++] = c;
    }
    if (in_quotes)
        return csv_fail(r, "unterminated quoted field");
    r->buf[out] = '\0';
    return 1;
too_long:
    return csv_fail(r, "row longer than 8192 bytes");
}

int csv_column(const CsvReader *h, const char *name)
{
    for (int i = 0; i < h->nfields; i++)
        if (strcmp(h->field[i], name) == 0)
            return i;
    return -1;
}
