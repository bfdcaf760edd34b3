/* core_csv.h — a small RFC 4180 reader over a memory buffer, for the data
 * files. Internal to the core. Lines starting with '#' are comments. */
#ifndef CORE_CSV_H
#define CORE_CSV_H

#include <stdbool.h>
#include <stddef.h>

#define CSV_MAX_FIELDS 48
#define CSV_ROW_BYTES 8192

typedef struct CsvReader {
    const char *p, *end;
    const char *name;     /* for messages */
    int line;             /* line where the current row starts */
    int next_line;
    int nfields;
    char *field[CSV_MAX_FIELDS];
    char buf[CSV_ROW_BYTES];
} CsvReader;

void csv_init(CsvReader *r, const char *name, const char *text, size_t len);
/* Reads the next row. Returns 1 for a row, 0 at the end, -1 on a malformed
 * row (message in core_error_get, naming name:line). */
int csv_next(CsvReader *r);
/* Index of a header column, or -1. */
int csv_column(const CsvReader *header_row, const char *name);

#endif
