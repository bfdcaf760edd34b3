/* platform.h — the few things the engine needs from the operating system:
 * whole-file reads, sorted directory listings, atomic writes, directories,
 * and where the game's data, saves and settings live. Like Quake's sys.h,
 * this is the only list of non-portable calls besides the app itself. */
#ifndef PLATFORM_H
#define PLATFORM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PLAT_PATH_MAX 4096

/* Reads a whole regular file into a malloc'd, NUL-terminated buffer (caller
 * frees). `max_bytes` refuses files larger than that. Never blocks: FIFOs,
 * devices (/dev/stdin) and folders are refused without being read. Returns
 * NULL and sets a message (plat_error) naming the path on failure. */
char *plat_read_file(const char *path, size_t max_bytes, size_t *out_len);

/* A whole regular file (not empty, at most `max_bytes`) mapped read-only:
 * its pages are read when touched, so a file of which little is used (a
 * font: megabytes of glyphs) costs what is used. NULL and plat_error on
 * failure. Unmap with plat_unmap_file and the same length. The file must
 * not be truncated while mapped: for installed assets, which packages
 * replace instead of rewriting. */
const void *plat_map_file(const char *path, size_t max_bytes, size_t *out_len);
void plat_unmap_file(const void *p, size_t len);

/* The same, for a file that must lie inside the folder `root`: the file is
 * opened first, then the path the kernel opened (symbolic links and ".."
 * resolved) must be below root's real path, so that a link in a mod's
 * folder cannot lead a read out of it. */
char *plat_read_file_in(const char *root, const char *path, size_t max_bytes, size_t *out_len);

/* A folder kept open for the files read inside it (a mod's): each read
 * then opens only the file, not the folder again. NULL if it cannot be
 * opened (reads then go through plat_read_file_in). A folder moved or
 * replaced while open is still read where it was opened. */
typedef struct PlatFolder PlatFolder;
PlatFolder *plat_folder_open(const char *root);
void plat_folder_close(PlatFolder *f);
/* plat_read_file_in(root, path, ...) for the folder opened at `root`. */
char *plat_folder_read(const PlatFolder *f, const char *path, size_t max_bytes, size_t *out_len);

/* Whether `path` exists and, with symbolic links resolved, lies below
 * `root` (not root itself). */
bool plat_path_inside(const char *root, const char *path);

/* The size a PNG file's header (its IHDR chunk) declares, read without
 * decoding anything; false if `data` does not start like a PNG file. */
bool plat_png_size(const void *data, size_t len, uint32_t *width, uint32_t *height);

/* FNV-1a over n bytes, continuing from h (start from PLAT_FNV1A_BASIS). */
#define PLAT_FNV1A_BASIS 14695981039346656037ULL
uint64_t plat_fnv1a(uint64_t h, const void *p, size_t n);

/* A large zeroed block (a game's script host, megabytes of fixed tables of
 * which a game uses a few pages) straight from the kernel: pages nobody
 * touches cost nothing, where calloc would reuse the last game's freed heap
 * and clear all of it. NULL when out of memory. Free with plat_big_free and
 * the same size. */
void *plat_big_alloc(size_t size);
void plat_big_free(void *p, size_t size);

/* Pages reserved from the system (address space: a page costs memory once
 * touched), for an allocator of its own to cut up; their contents are
 * unspecified. Always from the system, under AddressSanitizer too (its
 * user poisons them itself). NULL if the system refuses. */
void *plat_pages_alloc(size_t size);
void plat_pages_free(void *p, size_t size);

/* 1 when built with AddressSanitizer: large blocks then come from the heap
 * (plat_big_alloc), and an allocator of our own poisons what it has not
 * handed out (script_pool.c), so that overruns are still caught. */
#if defined(__SANITIZE_ADDRESS__)
#define PLAT_HEAP_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PLAT_HEAP_CHECKED 1
#endif
#endif
#ifndef PLAT_HEAP_CHECKED
#define PLAT_HEAP_CHECKED 0
#endif

/* Whether a library of OpenGL's (libGL, GLX, EGL, Mesa's drivers and the
 * LLVM that llvmpipe runs on) is mapped into this process: 1 yes, 0 no, -1
 * cannot tell (no /proc/self/maps). The software renderer must map none. */
int plat_opengl_mapped(void);

/* Writes `len` bytes to `path` through a temporary file in the same folder
 * ("path.tmp<pid>"), flushed and renamed over the target, so a crash never
 * leaves half a file. */
bool plat_write_file_atomic(const char *path, const void *data, size_t len);

/* Writes `count` files as a set: every temporary file is written and
 * flushed first, and only when all are on the disk are they renamed over
 * their targets. When one cannot be written (a full disk), every old file
 * stays as it was and no temporary file is left. */
bool plat_write_files_atomic(int count, const char *const *paths, const void *const *data, const size_t *lens);

/* Removes the temporary files ("name.tmp<pid>", regular files only) that a
 * write killed half-way left in `dir`: those of processes that no longer
 * run, and those older than `min_age_seconds` whoever runs under that pid.
 * Returns how many were removed. */
int plat_remove_stale_temps(const char *dir, double min_age_seconds);

/* Lists the names in a directory that end with `suffix` (NULL: every regular
 * file), sorted bytewise so that order never depends on the file system.
 * Returns a malloc'd array of malloc'd strings; free with plat_list_free. */
char **plat_list_dir(const char *dir, const char *suffix, int *count);
void plat_list_free(char **names, int count);

bool plat_is_dir(const char *path);
bool plat_is_file(const char *path);
/* Whether anything (a file, a folder, a FIFO, a link) has that name. */
bool plat_exists(const char *path);
/* Creates a directory and its parents (mode 0755). */
bool plat_mkdir_p(const char *path);

/* Joins two path parts with one '/'. Returns false if it does not fit. */
bool plat_path_join(char *out, size_t cap, const char *a, const char *b);

/* $XDG_DATA_HOME/greatleap (default ~/.local/share/greatleap), and the same
 * for XDG_CONFIG_HOME and XDG_STATE_HOME. Not created. */
bool plat_user_dir(char *out, size_t cap, const char *xdg_var, const char *fallback);

/* Finds the folder holding scripts/ and assets/: $GREATLEAP_DATA_DIR, then
 * the executable's own folder, then its install prefix's share/greatleap
 * (found from the executable, so a moved install works), then the source
 * tree the build came from, then the configured install prefix. */
bool plat_find_data_dir(char *out, size_t cap, const char *argv0);

/* ==== Log files (plat_log.c) ====
 * One log at a time, for unattended runs (the museum kiosk): lines go to
 * $XDG_STATE_HOME/greatleap/NAME.log, rotated by size. Logging never stops
 * the game: when the file cannot be written, lines go to stderr after one
 * warning. Not thread-safe. */
typedef enum PlatLogLevel { PLAT_LOG_DEBUG, PLAT_LOG_INFO, PLAT_LOG_WARN, PLAT_LOG_ERROR, PLAT_LOG_LEVEL_COUNT } PlatLogLevel;

#define PLAT_LOG_DEFAULT_MAX_BYTES (1024L * 1024L)
#define PLAT_LOG_DEFAULT_KEEP_FILES 5

/* Opens (appending) $XDG_STATE_HOME/greatleap/NAME.log, default
 * ~/.local/state/greatleap, creating the folder. `name` is a file name
 * without a '/'. On failure logging goes to stderr (one warning) and this
 * returns false; plat_log still works. Closes a log opened before. */
bool plat_log_open(const char *name);

/* When a line would take the log past `max_bytes`, NAME.log becomes
 * NAME.log.1 (.1 becomes .2 and so on, `keep_files` old files kept) and a
 * new NAME.log starts. Zero or less: the defaults (1 MiB, 5 files). */
void plat_log_set_rotation(long max_bytes, int keep_files);

/* Appends one line "2025-01-31T18:04:05.123+08:00 INFO message": local
 * time, the level, the message (line breaks become spaces; cut at 2000
 * bytes). Written at once with one write(2), so a crash loses nothing.
 * Before plat_log_open, or after it failed, the line goes to stderr. */
void plat_log(PlatLogLevel level, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The open log's path, or "" when lines go to stderr. */
const char *plat_log_path(void);

/* Closes the log; later lines go to stderr. */
void plat_log_close(void);

/* Monotonic milliseconds, for profiling and the UI only (never the simulation). */
double plat_now_ms(void);

const char *plat_error(void);
/* Sets the message plat_error() gives (for callers that refuse a path
 * themselves); returns false. */
bool plat_error_set(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* ==== plat_alarm.c ====
 * A one-shot alarm on the calling thread: plat_alarm_arm(a, ms) makes
 * fn(arg) run ms milliseconds later on the thread that created the alarm,
 * in a signal handler (so fn may only do what a handler may: set flags,
 * or call lua_sethook, which Lua writes for this). NULL where the system
 * has no such timers. */
typedef struct PlatAlarm PlatAlarm;
PlatAlarm *plat_alarm_create(void (*fn)(void *), void *arg);
/* Arms (ms > 0) or disarms (ms = 0) the alarm; false, doing nothing, when
 * called from another thread than the one that created it, or on failure. */
bool plat_alarm_arm(PlatAlarm *a, double ms);
void plat_alarm_destroy(PlatAlarm *a);

#endif
