/* plat_log.c — the log file for unattended runs (the museum kiosk): one line
 * per call, written at once, rotated by size. Whatever goes wrong with the
 * file, lines fall back to stderr, so logging can never stop the game. */
#define _POSIX_C_SOURCE 200809L
#include "platform.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define LOG_LINE_CAP 2048 /* timestamp, level, message and '\n' */

static struct {
    int fd;                      /* -1: lines go to stderr */
    char path[PLAT_PATH_MAX];    /* of NAME.log while fd is open */
    long size;                   /* bytes in NAME.log */
    long max_bytes;
    int keep_files;
} g = {.fd = -1, .max_bytes = PLAT_LOG_DEFAULT_MAX_BYTES, .keep_files = PLAT_LOG_DEFAULT_KEEP_FILES};

/* Gives up on the file: one warning, then every line goes to stderr (with
 * no file left to fail, the warning cannot repeat). */
static void fall_back(const char *what, const char *why)
{
    if (g.fd >= 0)
        close(g.fd);
    g.fd = -1;
    fprintf(stderr, "greatleap: cannot write the log %s (%s); logging to stderr\n", what, why);
    g.path[0] = '\0';
}

static bool open_current(void)
{
    /* O_NONBLOCK: if NAME.log were a FIFO, opening it must not hang the game. */
    int fd = open(g.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0644);
    if (fd < 0) {
        fall_back(g.path, strerror(errno));
        return false;
    }
    g.fd = fd;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        fall_back(g.path, "not a regular file");
        return false;
    }
    g.size = (long)st.st_size;
    return true;
}

bool plat_log_open(const char *name)
{
    plat_log_close();
    tzset(); /* localtime_r need not read TZ itself */
    if (!name || !*name || strchr(name, '/')) {
        fall_back(name ? name : "(null)", "not a file name");
        return false;
    }
    char dir[PLAT_PATH_MAX], file[PLAT_PATH_MAX];
    if (!plat_user_dir(dir, sizeof dir, "XDG_STATE_HOME", ".local/state") || !plat_mkdir_p(dir)) {
        fall_back("folder", plat_error());
        return false;
    }
    if (snprintf(file, sizeof file, "%s.log", name) >= (int)sizeof file ||
        !plat_path_join(g.path, sizeof g.path, dir, file)) {
        fall_back(name, "path too long");
        return false;
    }
    return open_current();
}

void plat_log_set_rotation(long max_bytes, int keep_files)
{
    g.max_bytes = max_bytes > 0 ? max_bytes : PLAT_LOG_DEFAULT_MAX_BYTES;
    g.keep_files = keep_files > 0 ? keep_files : PLAT_LOG_DEFAULT_KEEP_FILES;
}

const char *plat_log_path(void) { return g.fd >= 0 ? g.path : ""; }

void plat_log_close(void)
{
    if (g.fd >= 0)
        close(g.fd);
    g.fd = -1;
    g.path[0] = '\0';
}

/* NAME.log.(N-1) -> .N, ..., NAME.log -> .1, then a new NAME.log. Renaming
 * over .N drops the oldest, so exactly keep_files old files remain. */
static void rotate(void)
{
    close(g.fd);
    g.fd = -1;
    char from[PLAT_PATH_MAX + 16], to[PLAT_PATH_MAX + 16];
    for (int i = g.keep_files; i >= 1; i--) {
        int a = i > 1 ? snprintf(from, sizeof from, "%s.%d", g.path, i - 1) : snprintf(from, sizeof from, "%s", g.path);
        int b = snprintf(to, sizeof to, "%s.%d", g.path, i);
        if (a >= (int)sizeof from || b >= (int)sizeof to) {
            fall_back(g.path, "path too long to rotate");
            return;
        }
        /* A missing file is normal (few old ones yet, or NAME.log deleted
         * by hand). Any other failure stops the file: growing it without
         * bound could fill a kiosk's disk. */
        if (rename(from, to) != 0 && errno != ENOENT) {
            fall_back(from, strerror(errno));
            return;
        }
    }
    open_current();
}

static bool write_all(int fd, const char *p, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}

/* "2025-01-31T18:04:05.123+08:00 INFO ": ISO 8601 local time with its
 * offset (strftime's %z is +0800; the extended format wants +08:00). */
static int stamp(char *out, size_t cap, PlatLogLevel level)
{
    static const char *const names[PLAT_LOG_LEVEL_COUNT] = {"DEBUG", "INFO", "WARN", "ERROR"};
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    char date[32] = "?", zone[8] = "";
    if (localtime_r(&ts.tv_sec, &tm)) {
        strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm);
        if (strftime(zone, sizeof zone, "%z", &tm) == 5) {
            memmove(zone + 4, zone + 3, 3); /* "+0800" -> "+08:00" */
            zone[3] = ':';
        } else {
            zone[0] = '\0'; /* no known offset: local time as it is */
        }
    }
    const char *name = (unsigned)level < PLAT_LOG_LEVEL_COUNT ? names[level] : "INFO";
    int n = snprintf(out, cap, "%s.%03ld%s %s ", date, ts.tv_nsec / 1000000L, zone, name);
    return n < 0 ? 0 : n;
}

/* How much of s[0..len) to keep so that a UTF-8 character cut at the end by
 * truncation is dropped whole rather than left half-written. */
static size_t utf8_whole(const char *s, size_t len)
{
    size_t i = len;
    while (i > 0 && len - i < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i == 0)
        return len;
    unsigned char lead = (unsigned char)s[i - 1];
    size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    return len - (i - 1) < need ? i - 1 : len;
}

void plat_log(PlatLogLevel level, const char *fmt, ...)
{
    char line[LOG_LINE_CAP];
    size_t head = (size_t)stamp(line, sizeof line, level);
    size_t room = sizeof line - head - 1; /* keeps a byte for '\n' */
    va_list ap;
    va_start(ap, fmt);
    int m = vsnprintf(line + head, room, fmt, ap);
    va_end(ap);
    size_t len = head;
    if (m > 0)
        len += (size_t)m < room ? (size_t)m : utf8_whole(line + head, room - 1);
    /* One call, one line: a message's own line breaks would forge lines. */
    for (size_t i = head; i < len; i++)
        if ((unsigned char)line[i] < 0x20 && line[i] != '\t')
            line[i] = ' ';
    line[len++] = '\n';

    if (g.fd >= 0 && g.size > 0 && g.size + (long)len > g.max_bytes)
        rotate();
    if (g.fd >= 0) {
        if (write_all(g.fd, line, len)) {
            g.size += (long)len;
            return;
        }
        fall_back(g.path, strerror(errno));
    }
    fwrite(line, 1, len, stderr);
}
