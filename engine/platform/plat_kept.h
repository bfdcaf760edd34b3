/* plat_kept.h — files read before, kept for the process (plat_kept.c).
 * Internal to gl_platform. */
#ifndef PLAT_KEPT_H
#define PLAT_KEPT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

/* Whether the folder open at `dir` lies on a local file system, whose
 * files' times the kernel keeps itself (no network file system's cached
 * attributes): only such files are kept. */
bool plat_kept_local(int dir);

/* The text of `rest` (a path below the folder open at `dir`, `key` naming
 * it in full) as read before, in a new NUL-terminated malloc'd buffer, if
 * the file there is still the very one read (same file, size, times) and
 * at most max_bytes long; NULL otherwise. */
char *plat_kept_find(int dir, const char *rest, const char *key, size_t max_bytes, size_t *out_len);

/* Keeps `data` (len bytes), just read from the file `st` describes, which
 * `rest` below `dir` names, when that is the file itself (not a link) and
 * it has not changed for a few seconds (a change within the same tick of
 * its clock would leave its times as they were). */
void plat_kept_store(int dir, const char *rest, const char *key, const struct stat *st, const char *data,
                     size_t len);

/* For tests: the reads answered from kept texts so far, and the age in
 * seconds a file's times must have for it to be kept (default 3). */
long plat_kept_hits(void);
void plat_kept_set_settle(int seconds);

#endif
