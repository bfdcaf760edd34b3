/* platform.c — POSIX implementation of platform.h. */
#define _XOPEN_SOURCE 700 /* POSIX 2008 and realpath (XSI) */
#define _GNU_SOURCE      /* MAP_ANONYMOUS, O_PATH, syscall */
#include "platform.h"
#include "plat_kept.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#if defined(__linux__) && defined(__has_include)
#if __has_include(<linux/openat2.h>)
#include <linux/openat2.h>
#else
#undef SYS_openat2
#endif
#endif

#ifndef GL_SOURCE_DATA_FROM_BIN /* the source tree relative to the executable in the build tree */
#define GL_SOURCE_DATA_FROM_BIN ""
#endif
#ifndef GL_INSTALL_DATA_DIR
#define GL_INSTALL_DATA_DIR ""
#endif
#ifndef GL_DATA_DIR_FROM_BIN /* the data relative to the installed executable */
#define GL_DATA_DIR_FROM_BIN "../share/greatleap"
#endif

static _Thread_local char last_error[PLAT_PATH_MAX + 256];

static bool set_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
    return false;
}

const char *plat_error(void) { return last_error; }

bool plat_error_set(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
    return false;
}

/* Keeps the open `fd` only if it is a regular file of at most `max_bytes`;
 * closes it otherwise. */
static int keep_regular(int fd, const char *path, size_t max_bytes, struct stat *st)
{
    if (fstat(fd, st) != 0) {
        set_error("%s: %s", path, strerror(errno));
        close(fd);
        return -1;
    }
    if (!S_ISREG(st->st_mode)) {
        set_error("%s: not a regular file (devices, pipes and folders are never read)", path);
        close(fd);
        return -1;
    }
    if ((unsigned long long)st->st_size > (unsigned long long)max_bytes) {
        set_error("%s: larger than %zu bytes", path, max_bytes);
        close(fd);
        return -1;
    }
    return fd;
}

/* Opens `path` for reading without ever blocking (a FIFO or a device named
 * by a mod would stall the game until someone writes to it) and keeps it
 * open only if it is a regular file of at most `max_bytes`. */
static int open_regular(const char *path, size_t max_bytes, struct stat *st)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        set_error("%s: %s", path, strerror(errno));
        return -1;
    }
    return keep_regular(fd, path, max_bytes, st);
}

/* Reads what is left of `fd` (at most max_bytes; a file that grows past
 * its size is refused too) into a NUL-terminated malloc'd buffer. Closes fd. */
static char *read_fd(int fd, const char *path, size_t size_hint, size_t max_bytes, size_t *out_len)
{
    size_t cap = size_hint + 1 < max_bytes + 1 ? size_hint + 1 : max_bytes + 1, len = 0;
    if (cap < 64)
        cap = 64;
    char *buf = malloc(cap + 1);
    last_error[0] = '\0';
    while (buf) {
        ssize_t n = read(fd, buf + len, cap - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            set_error("%s: read error: %s", path, strerror(errno));
            free(buf);
            buf = NULL;
            break;
        }
        if (n == 0)
            break;
        /* Fewer bytes than asked from a regular file (the only kind
         * opened here): its end, with no read more to say so. */
        bool short_read = (size_t)n < cap - len;
        len += (size_t)n;
        if (len > max_bytes) {
            set_error("%s: larger than %zu bytes", path, max_bytes);
            free(buf);
            buf = NULL;
            break;
        }
        if (len == cap) {
            size_t ncap = cap * 2 < max_bytes + 1 ? cap * 2 : max_bytes + 1;
            char *nb = realloc(buf, ncap + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap = ncap;
        }
        if (short_read)
            break;
    }
    close(fd);
    if (!buf) {
        if (!last_error[0])
            set_error("%s: out of memory", path);
        return NULL;
    }
    buf[len] = '\0';
    if (out_len)
        *out_len = len;
    return buf;
}

char *plat_read_file(const char *path, size_t max_bytes, size_t *out_len)
{
    struct stat st;
    int fd = open_regular(path, max_bytes, &st);
    return fd < 0 ? NULL : read_fd(fd, path, (size_t)st.st_size, max_bytes, out_len);
}

const void *plat_map_file(const char *path, size_t max_bytes, size_t *out_len)
{
    struct stat st;
    int fd = open_regular(path, max_bytes, &st);
    if (fd < 0)
        return NULL;
    if (st.st_size <= 0) {
        close(fd);
        set_error("%s: empty", path);
        return NULL;
    }
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd); /* the mapping keeps the file */
    if (p == MAP_FAILED) {
        set_error("%s: cannot map it: %s", path, strerror(errno));
        return NULL;
    }
    *out_len = (size_t)st.st_size;
    return p;
}

void plat_unmap_file(const void *p, size_t len)
{
    if (p)
        munmap((void *)(uintptr_t)p, len);
}

/* Whether the resolved path `real` is `root_real` itself or lies below it. */
static bool below(const char *root_real, const char *real)
{
    size_t n = strlen(root_real);
    if (n == 1 && root_real[0] == '/')
        return real[0] == '/';
    return strncmp(root_real, real, n) == 0 && (real[n] == '/' || real[n] == '\0');
}

bool plat_path_inside(const char *root, const char *path)
{
    char *rr = realpath(root, NULL), *rp = realpath(path, NULL);
    bool ok = rr && rp && below(rr, rp) && strcmp(rr, rp) != 0;
    free(rr);
    free(rp);
    return ok;
}

/* The path the open descriptor `fd` really reads (symbolic links and ".."
 * resolved by the kernel, so that nothing can change between the check and
 * the read); `path` resolved by realpath where /proc is missing. */
static char *fd_real_path(int fd, const char *path)
{
    char link[64], target[PLAT_PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0 || (size_t)n >= sizeof target - 1)
        return realpath(path, NULL);
    target[n] = '\0';
    return strdup(target);
}

/* `path` past `root` and its slashes when path is root/rest; NULL if not. */
static const char *below_root(const char *root, const char *path)
{
    size_t n = strlen(root);
    while (n > 1 && root[n - 1] == '/')
        n--;
    if (strncmp(path, root, n) != 0 || path[n] != '/')
        return NULL;
    const char *rest = path + n;
    while (*rest == '/')
        rest++;
    return *rest ? rest : NULL;
}

/* `path`, when it is root/rest, opened by the kernel with the promise that
 * resolving `rest` never leaves root (Linux's openat2 with RESOLVE_BENEATH:
 * no "..", absolute link or /proc magic link out of it), `dir` being root
 * opened (-1: opened here). -1 if it cannot (no openat2, a path not written
 * under root, a link the kernel will not follow that way, no such file):
 * the caller then checks the slow way, which also says why. Two system
 * calls where that check takes a dozen, for each of the hundred files a
 * game loads. */
static int open_beneath(int dir, const char *root, const char *path)
{
#if defined(__linux__) && defined(SYS_openat2)
    static atomic_int unsupported;
    const char *rest = below_root(root, path);
    if (atomic_load_explicit(&unsupported, memory_order_relaxed) || !rest)
        return -1;
    int own = dir < 0 ? open(root, O_PATH | O_DIRECTORY | O_CLOEXEC) : -1;
    if (dir < 0 && own < 0)
        return -1;
    struct open_how how = {.flags = O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC,
                           .resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS};
    int fd = (int)syscall(SYS_openat2, dir < 0 ? own : dir, rest, &how, sizeof how);
    if (fd < 0 && errno == ENOSYS)
        atomic_store_explicit(&unsupported, 1, memory_order_relaxed);
    if (own >= 0)
        close(own);
    return fd;
#else
    (void)dir;
    (void)root;
    (void)path;
    return -1;
#endif
}

struct PlatFolder {
    int fd;
    bool local; /* on a local file system: its files are kept once read (plat_kept.c) */
    char root[PLAT_PATH_MAX];
};

PlatFolder *plat_folder_open(const char *root)
{
    if (strlen(root) >= PLAT_PATH_MAX)
        return NULL;
    PlatFolder *f = malloc(sizeof *f);
    if (!f)
        return NULL;
    f->fd = open(root, O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (f->fd < 0) {
        free(f);
        return NULL;
    }
    memcpy(f->root, root, strlen(root) + 1);
    f->local = plat_kept_local(f->fd);
    return f;
}

void plat_folder_close(PlatFolder *f)
{
    if (!f)
        return;
    close(f->fd);
    free(f);
}

static char *read_in(int dir, const char *root, const char *path, size_t max_bytes, size_t *out_len,
                     const char *keep_as);

char *plat_folder_read(const PlatFolder *f, const char *path, size_t max_bytes, size_t *out_len)
{
    const char *rest = f->local ? below_root(f->root, path) : NULL;
    char *kept = rest ? plat_kept_find(f->fd, rest, path, max_bytes, out_len) : NULL;
    return kept ? kept : read_in(f->fd, f->root, path, max_bytes, out_len, rest);
}

char *plat_read_file_in(const char *root, const char *path, size_t max_bytes, size_t *out_len)
{
    return read_in(-1, root, path, max_bytes, out_len, NULL);
}

/* `keep_as`: path's part below root (NULL: not kept), under which a file
 * opened beneath the folder `dir` is kept for later reads (plat_kept.c). */
static char *read_in(int dir, const char *root, const char *path, size_t max_bytes, size_t *out_len,
                     const char *keep_as)
{
    struct stat st;
    int fd = open_beneath(dir, root, path);
    if (fd >= 0) {
        fd = keep_regular(fd, path, max_bytes, &st);
        size_t len;
        char *text = fd < 0 ? NULL : read_fd(fd, path, (size_t)st.st_size, max_bytes, &len);
        if (text && keep_as)
            plat_kept_store(dir, keep_as, path, &st, text, len);
        if (text && out_len)
            *out_len = len;
        return text;
    }
    char *rr = realpath(root, NULL);
    if (!rr) {
        set_error("%s: %s", root, strerror(errno));
        return NULL;
    }
    fd = open_regular(path, max_bytes, &st);
    if (fd < 0) {
        free(rr);
        return NULL;
    }
    char *real = fd_real_path(fd, path);
    bool inside = real && below(rr, real) && strcmp(rr, real) != 0;
    free(real);
    free(rr);
    if (!inside) {
        close(fd);
        set_error("%s: leads outside %s (through a symbolic link or '..'); files are read only from inside it", path,
                  root);
        return NULL;
    }
    return read_fd(fd, path, (size_t)st.st_size, max_bytes, out_len);
}

void *plat_pages_alloc(size_t size)
{
    void *p = mmap(NULL, size ? size : 1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

void plat_pages_free(void *p, size_t size)
{
    if (p)
        munmap(p, size ? size : 1);
}

/* Under AddressSanitizer the heap's, whose red zones catch overruns; else
 * pages from the kernel, which come zeroed. */
#if PLAT_HEAP_CHECKED
void *plat_big_alloc(size_t size) { return calloc(1, size ? size : 1); }

void plat_big_free(void *p, size_t size)
{
    (void)size;
    free(p);
}
#else
void *plat_big_alloc(size_t size) { return plat_pages_alloc(size); }

void plat_big_free(void *p, size_t size) { plat_pages_free(p, size); }
#endif

int plat_opengl_mapped(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    if (!f)
        return -1;
    static const char *const libs[] = {"/libGL.so", "/libGLX", "/libEGL.so", "/libOpenGL", "_dri.so", "/libLLVM",
                                       "/libgallium"};
    char line[1024];
    int found = 0;
    while (!found && fgets(line, sizeof line, f))
        for (size_t i = 0; i < sizeof libs / sizeof libs[0] && !found; i++)
            found = strstr(line, libs[i]) != NULL;
    fclose(f);
    return found;
}

uint64_t plat_fnv1a(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ b[i]) * 1099511628211ULL;
    return h;
}

bool plat_png_size(const void *data, size_t len, uint32_t *width, uint32_t *height)
{
    const unsigned char *p = data;
    /* signature, then the first chunk: length 13, "IHDR", width, height */
    if (len < 24 || memcmp(p, "\x89PNG\r\n\x1a\n", 8) != 0 || memcmp(p + 8, "\0\0\0\x0dIHDR", 8) != 0)
        return false;
    *width = (uint32_t)p[16] << 24 | (uint32_t)p[17] << 16 | (uint32_t)p[18] << 8 | p[19];
    *height = (uint32_t)p[20] << 24 | (uint32_t)p[21] << 16 | (uint32_t)p[22] << 8 | p[23];
    return true;
}

/* Writes `data` to the temporary file `tmp` and flushes it to the disk;
 * removes it again on failure. */
static bool write_temp(const char *tmp, const void *data, size_t len)
{
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0)
        return set_error("%s: %s", tmp, strerror(errno));
    const char *p = data;
    size_t left = len;
    while (left > 0) {
        ssize_t n = write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            close(fd);
            unlink(tmp);
            return set_error("%s: %s", tmp, strerror(e));
        }
        p += n;
        left -= (size_t)n;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        int e = errno;
        unlink(tmp);
        return set_error("%s: %s", tmp, strerror(e));
    }
    return true;
}

/* "path.tmp<pid>": plat_remove_stale_temps knows temporary files by it. */
static bool temp_name(char *out, size_t cap, const char *path)
{
    if (snprintf(out, cap, "%s.tmp%ld", path, (long)getpid()) >= (int)cap)
        return set_error("%s: path too long", path);
    return true;
}

bool plat_write_file_atomic(const char *path, const void *data, size_t len)
{
    return plat_write_files_atomic(1, &path, &data, &len);
}

bool plat_write_files_atomic(int count, const char *const *paths, const void *const *data, const size_t *lens)
{
    char(*tmp)[PLAT_PATH_MAX] = count > 0 ? malloc(sizeof *tmp * (size_t)count) : NULL;
    if (!tmp)
        return set_error("%s", count > 0 ? "out of memory" : "no files to write");
    int written = 0;
    bool ok = true;
    for (; written < count && ok; written++)
        ok = temp_name(tmp[written], sizeof tmp[written], paths[written]) &&
             write_temp(tmp[written], data[written], lens[written]);
    if (!ok) { /* nothing was renamed yet: every old file is still there */
        for (int i = 0; i < written - 1; i++)
            unlink(tmp[i]);
        free(tmp);
        return false;
    }
    /* Every new file is on the disk; renames within a folder need no space. */
    for (int i = 0; i < count; i++)
        if (rename(tmp[i], paths[i]) != 0) {
            int e = errno;
            for (int k = i; k < count; k++)
                unlink(tmp[k]);
            free(tmp);
            return set_error("%s: %s", paths[i], strerror(e));
        }
    free(tmp);
    return true;
}

/* Whether `name` is "<anything>.tmp<digits>"; the digits' value in *pid. */
static bool temp_pid(const char *name, long *pid)
{
    const char *t = strstr(name, ".tmp");
    for (const char *next = t; next; next = strstr(t + 1, ".tmp"))
        t = next;
    if (!t || t == name || !t[4])
        return false;
    char *end;
    *pid = strtol(t + 4, &end, 10);
    return *end == '\0' && *pid > 0;
}

int plat_remove_stale_temps(const char *dir, double min_age_seconds)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    int removed = 0;
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        long pid;
        char path[PLAT_PATH_MAX];
        struct stat st;
        if (!temp_pid(e->d_name, &pid) || !plat_path_join(path, sizeof path, dir, e->d_name) ||
            lstat(path, &st) != 0 || !S_ISREG(st.st_mode) || pid == (long)getpid())
            continue;
        /* A process with that number may be writing it right now: its file
         * is left alone while it is young (a write takes well under a
         * second; an old one was left by a process that died, whatever
         * runs under its number today). */
        bool owner_alive = kill((pid_t)pid, 0) == 0 || errno == EPERM;
        if (owner_alive && difftime(now, st.st_mtime) < min_age_seconds)
            continue;
        if (unlink(path) == 0)
            removed++;
    }
    closedir(d);
    return removed;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether the entry `e` of the folder `d` is a regular file, or a link to
 * one (as plat_is_file says): the kind the listing gives, asked of the
 * system only for a link or where the file system does not say. */
static bool listed_file(DIR *d, const struct dirent *e)
{
#ifdef DT_REG
    if (e->d_type == DT_REG)
        return true;
    if (e->d_type != DT_LNK && e->d_type != DT_UNKNOWN)
        return false;
#endif
    struct stat st;
    return fstatat(dirfd(d), e->d_name, &st, 0) == 0 && S_ISREG(st.st_mode);
}

char **plat_list_dir(const char *dir, const char *suffix, int *count)
{
    *count = 0;
    DIR *d = opendir(dir);
    if (!d) {
        set_error("%s: %s", dir, strerror(errno));
        return NULL;
    }
    int cap = 16, n = 0;
    char **names = malloc(sizeof *names * (size_t)cap);
    struct dirent *e;
    size_t slen = suffix ? strlen(suffix) : 0;
    while (names && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(e->d_name);
        if (suffix && (len < slen || strcmp(e->d_name + len - slen, suffix) != 0))
            continue;
        if (!listed_file(d, e))
            continue;
        if (n == cap) {
            char **nn = realloc(names, sizeof *names * (size_t)(cap *= 2));
            if (!nn) {
                plat_list_free(names, n);
                names = NULL;
                break;
            }
            names = nn;
        }
        names[n] = strdup(e->d_name);
        if (!names[n]) {
            plat_list_free(names, n);
            names = NULL;
            break;
        }
        n++;
    }
    closedir(d);
    if (!names) {
        set_error("%s: out of memory listing the folder", dir);
        return NULL;
    }
    qsort(names, (size_t)n, sizeof *names, compare_names);
    *count = n;
    return names;
}

void plat_list_free(char **names, int count)
{
    if (!names)
        return;
    for (int i = 0; i < count; i++)
        free(names[i]);
    free(names);
}

bool plat_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool plat_exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

bool plat_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

bool plat_mkdir_p(const char *path)
{
    char buf[PLAT_PATH_MAX];
    if (snprintf(buf, sizeof buf, "%s", path) >= (int)sizeof buf)
        return set_error("%s: path too long", path);
    for (char *p = buf + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(buf, 0755) != 0 && errno != EEXIST)
            return set_error("%s: %s", buf, strerror(errno));
        *p = '/';
    }
    if (mkdir(buf, 0755) != 0 && errno != EEXIST)
        return set_error("%s: %s", buf, strerror(errno));
    return true;
}

bool plat_path_join(char *out, size_t cap, const char *a, const char *b)
{
    size_t la = strlen(a);
    bool slash = la > 0 && a[la - 1] == '/';
    int n = snprintf(out, cap, "%s%s%s", a, slash || la == 0 ? "" : "/", b);
    if (n < 0 || (size_t)n >= cap)
        return set_error("path too long: %s/%s", a, b);
    return true;
}

bool plat_user_dir(char *out, size_t cap, const char *xdg_var, const char *fallback)
{
    const char *base = getenv(xdg_var);
    char tmp[PLAT_PATH_MAX];
    if (!base || base[0] != '/') { /* the XDG spec says relative values are ignored */
        const char *home = getenv("HOME");
        if (!home || !*home)
            return set_error("neither %s nor HOME is set", xdg_var);
        if (!plat_path_join(tmp, sizeof tmp, home, fallback))
            return false;
        base = tmp;
    }
    return plat_path_join(out, cap, base, "greatleap");
}

static bool has_game_data(const char *dir)
{
    char a[PLAT_PATH_MAX], b[PLAT_PATH_MAX];
    return plat_path_join(a, sizeof a, dir, "scripts") && plat_path_join(b, sizeof b, dir, "assets/data") &&
           plat_is_dir(a) && plat_is_dir(b);
}

/* The folder holding the running executable: /proc/self/exe resolves
 * symlinks, so a link in /usr/bin to an install elsewhere still finds it;
 * argv[0] serves where /proc is missing. */
static bool exe_dir(char *out, size_t cap, const char *argv0)
{
    ssize_t n = readlink("/proc/self/exe", out, cap - 1);
    if (n > 0 && (size_t)n < cap - 1)
        out[n] = '\0';
    else if (!argv0 || !strchr(argv0, '/') || snprintf(out, cap, "%s", argv0) >= (int)cap)
        return false;
    char *slash = strrchr(out, '/');
    if (!slash)
        return false;
    slash[slash == out ? 1 : 0] = '\0'; /* "/greatleap" lives in "/" */
    return true;
}

static bool copy_dir(char *out, size_t cap, const char *dir)
{
    char *real = realpath(dir, NULL); /* "/usr/bin/../share/greatleap" reads better as "/usr/share/greatleap" */
    int n = snprintf(out, cap, "%s", real ? real : dir);
    free(real);
    return n >= 0 && (size_t)n < cap;
}

bool plat_find_data_dir(char *out, size_t cap, const char *argv0)
{
    const char *env = getenv("GREATLEAP_DATA_DIR");
    if (env && *env) {
        if (!has_game_data(env))
            return set_error("GREATLEAP_DATA_DIR=%s has no scripts/ and assets/data/", env);
        return snprintf(out, cap, "%s", env) < (int)cap;
    }
    /* The executable's own folder (an unpacked archive) and install prefix
     * come before the source tree, so an installed game uses its installed
     * data even while the tree it was built from is still there. The
     * prefix is found relative to the executable, so a moved install works. */
    char dir[PLAT_PATH_MAX], prefix_data[PLAT_PATH_MAX], source_data[PLAT_PATH_MAX];
    const char *candidates[4];
    size_t count = 0;
    if (exe_dir(dir, sizeof dir, argv0)) {
        candidates[count++] = dir;
        if (plat_path_join(prefix_data, sizeof prefix_data, dir, GL_DATA_DIR_FROM_BIN))
            candidates[count++] = prefix_data;
        /* Run from the build tree. Relative, so that no build folder is
         * compiled in and builds in different folders are identical. */
        if (GL_SOURCE_DATA_FROM_BIN[0] &&
            plat_path_join(source_data, sizeof source_data, dir, GL_SOURCE_DATA_FROM_BIN))
            candidates[count++] = source_data;
    }
    candidates[count++] = GL_INSTALL_DATA_DIR; /* the prefix the build was configured for */
    for (size_t i = 0; i < count; i++)
        if (candidates[i][0] && has_game_data(candidates[i]))
            return copy_dir(out, cap, candidates[i]);
    return set_error("cannot find the game data (scripts/ and assets/); set GREATLEAP_DATA_DIR");
}

double plat_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}
