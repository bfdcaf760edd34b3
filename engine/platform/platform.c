/* platform.c — POSIX implementation of platform.h. */
#define _XOPEN_SOURCE 700 /* POSIX 2008 and realpath (XSI) */
#include "platform.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

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

char *plat_read_file(const char *path, size_t max_bytes, size_t *out_len)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        set_error("%s: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 14, len = 0;
    char *buf = malloc(cap + 1);
    while (buf) {
        size_t n = fread(buf + len, 1, cap - len, f);
        len += n;
        if (len > max_bytes) {
            set_error("%s: larger than %zu bytes", path, max_bytes);
            free(buf);
            buf = NULL;
            break;
        }
        if (n == 0) {
            if (ferror(f)) {
                set_error("%s: read error: %s", path, strerror(errno));
                free(buf);
                buf = NULL;
            }
            break;
        }
        if (len == cap) {
            char *nb = realloc(buf, cap * 2 + 1);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
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

bool plat_write_file_atomic(const char *path, const void *data, size_t len)
{
    char tmp[PLAT_PATH_MAX];
    if (snprintf(tmp, sizeof tmp, "%s.tmp%ld", path, (long)getpid()) >= (int)sizeof tmp)
        return set_error("%s: path too long", path);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
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
    if (rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        return set_error("%s: %s", path, strerror(e));
    }
    return true;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
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
        char full[PLAT_PATH_MAX];
        if (!plat_path_join(full, sizeof full, dir, e->d_name) || !plat_is_file(full))
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
