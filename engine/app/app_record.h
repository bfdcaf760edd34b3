/* app_record.h — the record the interface shows next to the simulation:
 * the sources (assets/data/sources.csv), the national series the reckoning
 * compares with (assets/data/history/national.csv), and how each province's
 * starting figures were obtained (assets/data/provinces.csv). */
#ifndef APP_RECORD_H
#define APP_RECORD_H

#include "ui.h"

#include <stddef.h>

/* Each returns false with a message naming file:line on a malformed file;
 * a missing file is an error too (the data folder is incomplete). */
bool app_sources_load(const char *data_dir, UiSources *out, char *err, size_t err_cap);
void app_sources_free(UiSources *s);
bool app_record_load(const char *data_dir, UiRecord *out, char *err, size_t err_cap);
/* Returns the number of provinces read, or -1. */
int app_provenance_load(const char *data_dir, UiProvenance *out, int cap, char *err, size_t err_cap);

#endif
