/* platform.h — the few things the engine needs from the operating system:
 * whole-file reads, sorted directory listings, atomic writes, directories,
 * and where the game's data, saves and settings live. Like Quake's sys.h,
 * this is the only list of non-portable calls besides the app itself. */
#ifndef PLATFORM_H
#define PLATFORM_H

#include <stdbool.h>
#include <stddef.h>

#define PLAT_PATH_MAX 4096

/* Reads a whole file into a malloc'd, NUL-terminated buffer (caller frees).
 * `max_bytes` refuses files larger than that. Returns NULL and sets a message
 * (plat_error) naming the path on failure. */
char *plat_read_file(const char *path, size_t max_bytes, size_t *out_len);

/* Writes `len` bytes to `path` through a temporary file in the same folder,
 * flushed and renamed over the target, so a crash never leaves half a file. */
bool plat_write_file_atomic(const char *path, const void *data, size_t len);

/* Lists the names in a directory that end with `suffix` (NULL: every regular
 * file), sorted bytewise so that order never depends on the file system.
 * Returns a malloc'd array of malloc'd strings; free with plat_list_free. */
char **plat_list_dir(const char *dir, const char *suffix, int *count);
void plat_list_free(char **names, int count);

bool plat_is_dir(const char *path);
bool plat_is_file(const char *path);
/* Creates a directory and its parents (mode 0755). */
bool plat_mkdir_p(const char *path);

/* Joins two path parts with one '/'. Returns false if it does not fit. */
bool plat_path_join(char *out, size_t cap, const char *a, const char *b);

/* $XDG_DATA_HOME/greatleap (default ~/.local/share/greatleap), and the same
 * for XDG_CONFIG_HOME and XDG_STATE_HOME. Not created. */
bool plat_user_dir(char *out, size_t cap, const char *xdg_var, const char *fallback);

/* Finds the folder holding scripts/ and assets/: $GREATLEAP_DATA_DIR, then
 * the source tree the build came from, then the install prefix, then next to
 * the executable. */
bool plat_find_data_dir(char *out, size_t cap, const char *argv0);

/* Monotonic milliseconds, for profiling and the UI only (never the simulation). */
double plat_now_ms(void);

const char *plat_error(void);

#endif
