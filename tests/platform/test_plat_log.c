/* Log files (engine/platform/plat_log.c): a line carries an ISO 8601 local
 * timestamp and its level; rotation happens at the size limit and keeps
 * exactly N old files; XDG_STATE_HOME is honoured and a relative one is not;
 * paths may be Chinese; an unwritable folder or a full disk sends lines to
 * stderr after one warning, never a crash. Every test works under /tmp. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <fcntl.h>
#include <regex.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "platform.h"

static char root[256];

static int setup(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    snprintf(root, sizeof root, "%s/gl-log-XXXXXX", tmp && tmp[0] == '/' ? tmp : "/tmp");
    if (!mkdtemp(root))
        return -1;
    /* UTC+8 without daylight saving, spelled so that no tzdata is needed. */
    setenv("TZ", "CST-8", 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    plat_log_close();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

/* Points XDG_STATE_HOME at root/rel and gives that path back. */
static void state_home(char *out, size_t cap, const char *rel)
{
    snprintf(out, cap, "%s/%s", root, rel);
    setenv("XDG_STATE_HOME", out, 1);
}

/* Opens the log `name` with XDG_STATE_HOME at root/rel, checks that it is
 * rel/greatleap/NAME.log, and gives that path back. */
static void open_log_in(const char *rel, const char *name, char *path, size_t cap)
{
    char dir[300];
    state_home(dir, sizeof dir, rel);
    snprintf(path, cap, "%s/greatleap/%s.log", dir, name);
    assert_true(plat_log_open(name));
    assert_string_equal(plat_log_path(), path);
}

static char *slurp(const char *path) { return plat_read_file(path, 1 << 22, NULL); }

static int count_of(const char *hay, const char *needle)
{
    int n = 0;
    for (const char *p = hay; p && (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

/* ==== stderr, caught in a file ==== */
static int saved_stderr = -1;
static char capture_path[300];

static void capture_begin(void)
{
    snprintf(capture_path, sizeof capture_path, "%s/stderr.txt", root);
    fflush(stderr);
    saved_stderr = dup(2);
    int fd = open(capture_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, 2);
    close(fd);
}

static char *capture_end(void)
{
    fflush(stderr);
    dup2(saved_stderr, 2);
    close(saved_stderr);
    return slurp(capture_path);
}

/* The file at `path` holds `needle`. */
static void assert_file_has(const char *path, const char *needle)
{
    char *text = slurp(path);
    assert_non_null(text);
    if (!strstr(text, needle))
        fail_msg("%s does not hold '%s':\n%s", path, needle, text);
    free(text);
}

/* The log fell back to stderr: no file, exactly one warning in `err` (what
 * stderr got), and `line` there too when given. Frees err. */
static void assert_fell_back(char *err, const char *line)
{
    assert_string_equal(plat_log_path(), "");
    assert_non_null(err);
    assert_int_equal(count_of(err, "cannot write the log"), 1);
    if (line)
        assert_non_null(strstr(err, line));
    free(err);
}

/* ==== Tests ==== */

static void test_log_line_has_local_timestamp_and_level(void **state)
{
    (void)state;
    char expect[400];
    open_log_in("stamp", "kiosk", expect, sizeof expect);
    time_t before = time(NULL);
    plat_log(PLAT_LOG_WARN, "grain %d tonnes", 42);
    plat_log(PLAT_LOG_ERROR, "two\nlines\r");
    /* Read while the log is still open: each line is on disk at once. */
    char *text = slurp(expect);
    time_t after = time(NULL);
    assert_non_null(text);
    regex_t re;
    assert_int_equal(regcomp(&re,
                             "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}\\+08:00 WARN grain 42 tonnes\n"
                             "[0-9T:.+-]{29} ERROR two lines \n$",
                             REG_EXTENDED),
                     0);
    int match = regexec(&re, text, 0, NULL, 0);
    regfree(&re);
    if (match != 0)
        fail_msg("unexpected log text:\n%s", text);
    /* The time is now in local time (UTC+8 here), not UTC. */
    struct tm tm = {0};
    assert_int_equal(sscanf(text, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
                            &tm.tm_min, &tm.tm_sec),
                     6);
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    tm.tm_isdst = -1;
    time_t logged = mktime(&tm);
    assert_true(logged >= before - 1 && logged <= after + 1);
    free(text);
    plat_log_close();
}

static void test_log_appends_to_an_existing_file(void **state)
{
    (void)state;
    char dir[300], path[400];
    state_home(dir, sizeof dir, "append");
    assert_true(plat_log_open("a"));
    plat_log(PLAT_LOG_INFO, "first run");
    plat_log_close();
    assert_true(plat_log_open("a"));
    plat_log(PLAT_LOG_INFO, "second run");
    plat_log_close();
    snprintf(path, sizeof path, "%s/greatleap/a.log", dir);
    char *text = slurp(path);
    assert_non_null(text);
    assert_int_equal(count_of(text, "\n"), 2);
    assert_true(strstr(text, "first run") < strstr(text, "second run"));
    free(text);
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static void test_log_rotates_at_the_limit_and_keeps_n_files(void **state)
{
    (void)state;
    enum { LIMIT = 1000, KEEP = 3, LINES = 100 };
    char base[400], path[420];
    plat_log_set_rotation(LIMIT, KEEP);
    open_log_in("rotate", "r", base, sizeof base);
    snprintf(path, sizeof path, "%s.1", base);

    /* Every line has the same length, so a file holds `per_file` lines. */
    plat_log(PLAT_LOG_INFO, "line %04d %s", 1, "-------------------------------------");
    long line_len = file_size(base);
    assert_true(line_len > 40);
    long per_file = LIMIT / line_len;
    for (int i = 2; i <= per_file; i++)
        plat_log(PLAT_LOG_INFO, "line %04d %s", i, "-------------------------------------");
    assert_int_equal(file_size(base), per_file * line_len);
    assert_false(plat_is_file(path)); /* at the limit, not past it: no rotation yet */
    plat_log(PLAT_LOG_INFO, "line %04d %s", (int)per_file + 1, "-------------------------------------");
    assert_int_equal(file_size(path), per_file * line_len); /* the full file moved to .1 */
    assert_int_equal(file_size(base), line_len);            /* and the new line started a new one */

    for (int i = (int)per_file + 2; i <= LINES; i++)
        plat_log(PLAT_LOG_INFO, "line %04d %s", i, "-------------------------------------");
    plat_log_close();
    plat_log_set_rotation(0, 0);

    /* Exactly KEEP old files besides r.log. */
    char folder[400];
    snprintf(folder, sizeof folder, "%s", base);
    *strrchr(folder, '/') = '\0';
    int count = 0;
    char **names = plat_list_dir(folder, NULL, &count);
    assert_int_equal(count, KEEP + 1);
    plat_list_free(names, count);
    /* Oldest first, the kept files hold consecutive lines ending with the last. */
    int next = -1, total = 0;
    for (int k = KEEP; k >= 0; k--) {
        if (k > 0)
            snprintf(path, sizeof path, "%s.%d", base, k);
        else
            snprintf(path, sizeof path, "%s", base);
        assert_true(file_size(path) <= LIMIT);
        char *text = slurp(path);
        assert_non_null(text);
        for (char *p = strstr(text, "line "); p; p = strstr(p + 1, "line ")) {
            int n = atoi(p + 5);
            if (next >= 0)
                assert_int_equal(n, next);
            next = n + 1;
            total++;
        }
        free(text);
    }
    assert_int_equal(next, LINES + 1);
    /* KEEP full files, and r.log with what came after them. */
    assert_true(LINES / per_file > KEEP);
    assert_int_equal(total, KEEP * per_file + (LINES - 1) % per_file + 1);
}

static void test_log_deleted_by_hand_starts_a_new_file(void **state)
{
    (void)state;
    char base[400];
    plat_log_set_rotation(200, 2);
    open_log_in("deleted", "d", base, sizeof base);
    plat_log(PLAT_LOG_INFO, "before the file was deleted");
    assert_int_equal(unlink(base), 0);
    for (int i = 0; i < 6; i++)
        plat_log(PLAT_LOG_INFO, "after the file was deleted, line %d", i);
    assert_string_equal(plat_log_path(), base); /* still logging to a file */
    plat_log_close();
    plat_log_set_rotation(0, 0);
    assert_file_has(base, "line 5\n");
}

static void test_log_rotation_that_cannot_move_the_file_goes_to_stderr(void **state)
{
    (void)state;
    char base[400], blocker[420];
    plat_log_set_rotation(200, 1);
    open_log_in("stuck", "s", base, sizeof base);
    /* A folder where s.log.1 should go: rename(2) fails even for root. */
    snprintf(blocker, sizeof blocker, "%s.1/x", base);
    assert_true(plat_mkdir_p(blocker));
    capture_begin();
    for (int i = 0; i < 6; i++)
        plat_log(PLAT_LOG_INFO, "line %d", i);
    char *err = capture_end();
    plat_log_set_rotation(0, 0);
    assert_fell_back(err, " INFO line 5\n");
}

static void test_log_unwritable_folder_goes_to_stderr_once(void **state)
{
    (void)state;
    /* A file where the folder should be: unwritable even for root. */
    char blocker[300];
    state_home(blocker, sizeof blocker, "blocker");
    FILE *f = fopen(blocker, "w");
    assert_non_null(f);
    fputs("not a folder\n", f);
    fclose(f);

    capture_begin();
    bool opened = plat_log_open("k");
    plat_log(PLAT_LOG_INFO, "first %s", "line");
    plat_log(PLAT_LOG_ERROR, "second line");
    char *err = capture_end();
    assert_false(opened);
    assert_non_null(err);
    assert_int_equal(count_of(err, "\n"), 3);
    assert_non_null(strstr(err, " INFO first line\n"));
    assert_fell_back(err, " ERROR second line\n");
}

static void test_log_read_only_folder_goes_to_stderr(void **state)
{
    (void)state;
    if (geteuid() == 0)
        skip(); /* root writes into a read-only folder; the test above covers root */
    char dir[300], folder[400];
    state_home(dir, sizeof dir, "readonly");
    snprintf(folder, sizeof folder, "%s/greatleap", dir);
    assert_true(plat_mkdir_p(folder));
    assert_int_equal(chmod(folder, 0500), 0);
    capture_begin();
    bool opened = plat_log_open("k");
    plat_log(PLAT_LOG_INFO, "still here");
    char *err = capture_end();
    chmod(folder, 0755);
    assert_false(opened);
    assert_fell_back(err, " INFO still here\n");
}

static void test_log_full_disk_goes_to_stderr_once(void **state)
{
    (void)state;
    char path[400];
    open_log_in("full", "full", path, sizeof path);
    for (int i = 0; i < 20; i++)
        plat_log(PLAT_LOG_INFO, "filling the disk, line %d", i);

    /* A file size limit stands in for a full disk: write(2) fails (EFBIG)
     * once the file would pass 100 more bytes. SIGXFSZ would kill us. */
    struct rlimit old, lim;
    assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
    lim = old;
    lim.rlim_cur = (rlim_t)file_size(path) + 100;
    void (*old_handler)(int) = signal(SIGXFSZ, SIG_IGN);
    assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
    capture_begin();
    for (int i = 0; i < 5; i++)
        plat_log(PLAT_LOG_INFO, "after the disk filled up, line %d", i);
    char *err = capture_end();
    setrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, old_handler);

    /* Line 0 fitted in the file; the line that did not and all later ones
     * are on stderr, whole. */
    assert_file_has(path, "after the disk filled up, line 0\n");
    assert_non_null(err);
    assert_null(strstr(err, "line 0\n"));
    for (int i = 1; i < 4; i++) {
        char want[64];
        snprintf(want, sizeof want, " INFO after the disk filled up, line %d\n", i);
        assert_non_null(strstr(err, want));
    }
    assert_fell_back(err, " INFO after the disk filled up, line 4\n");
}

static void test_log_without_a_file_goes_to_stderr_without_warning(void **state)
{
    (void)state;
    plat_log_close();
    capture_begin();
    plat_log(PLAT_LOG_DEBUG, "no log is open");
    char *err = capture_end();
    assert_non_null(err);
    assert_int_equal(count_of(err, "cannot write the log"), 0);
    assert_int_equal(count_of(err, "\n"), 1);
    assert_non_null(strstr(err, " DEBUG no log is open\n"));
    free(err);
}

static void test_log_relative_xdg_state_home_is_ignored(void **state)
{
    (void)state;
    char home[300], expect[400];
    const char *old_home = getenv("HOME");
    char saved_home[300];
    snprintf(saved_home, sizeof saved_home, "%s", old_home ? old_home : "");
    snprintf(home, sizeof home, "%s/home", root);
    snprintf(expect, sizeof expect, "%s/.local/state/greatleap/k.log", home);
    setenv("HOME", home, 1);

    setenv("XDG_STATE_HOME", "relative/state", 1); /* the XDG spec: ignore it */
    assert_true(plat_log_open("k"));
    assert_string_equal(plat_log_path(), expect);
    unsetenv("XDG_STATE_HOME");
    assert_true(plat_log_open("k"));
    assert_string_equal(plat_log_path(), expect);
    plat_log(PLAT_LOG_INFO, "in the default folder");
    plat_log_close();
    assert_true(plat_is_file(expect));
    if (old_home)
        setenv("HOME", saved_home, 1);
}

static void test_log_chinese_path_and_name(void **state)
{
    (void)state;
    char expect[400];
    open_log_in("状态 目录", "大跃进", expect, sizeof expect);
    plat_log(PLAT_LOG_INFO, "省份：%s", "河南");
    plat_log_close();
    assert_file_has(expect, " INFO 省份：河南\n");
}

static void test_log_long_message_is_cut_between_characters(void **state)
{
    (void)state;
    char path[400];
    open_log_in("long", "long", path, sizeof path);
    static char msg[3001];
    for (int i = 0; i < 1000; i++)
        memcpy(msg + 3 * i, "饥", 3); /* three bytes in UTF-8 */
    plat_log(PLAT_LOG_INFO, "%s", msg);
    plat_log_close();
    char *text = slurp(path);
    assert_non_null(text);
    size_t len = strlen(text);
    assert_true(len <= 2048);
    assert_int_equal(text[len - 1], '\n');
    assert_int_equal(count_of(text, "\n"), 1);
    const char *body = strstr(text, " INFO ") + 6;
    size_t body_len = (size_t)(text + len - 1 - body);
    assert_true(body_len > 1900);
    assert_int_equal(body_len % 3, 0); /* only whole characters */
    free(text);
}

static void test_log_refuses_a_name_with_a_slash(void **state)
{
    (void)state;
    char dir[300];
    state_home(dir, sizeof dir, "slash");
    capture_begin();
    bool opened = plat_log_open("../escape");
    char *err = capture_end();
    assert_false(opened);
    assert_fell_back(err, NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_log_line_has_local_timestamp_and_level),
        cmocka_unit_test(test_log_appends_to_an_existing_file),
        cmocka_unit_test(test_log_rotates_at_the_limit_and_keeps_n_files),
        cmocka_unit_test(test_log_deleted_by_hand_starts_a_new_file),
        cmocka_unit_test(test_log_rotation_that_cannot_move_the_file_goes_to_stderr),
        cmocka_unit_test(test_log_unwritable_folder_goes_to_stderr_once),
        cmocka_unit_test(test_log_read_only_folder_goes_to_stderr),
        cmocka_unit_test(test_log_full_disk_goes_to_stderr_once),
        cmocka_unit_test(test_log_without_a_file_goes_to_stderr_without_warning),
        cmocka_unit_test(test_log_relative_xdg_state_home_is_ignored),
        cmocka_unit_test(test_log_chinese_path_and_name),
        cmocka_unit_test(test_log_long_message_is_cut_between_characters),
        cmocka_unit_test(test_log_refuses_a_name_with_a_slash),
    };
    return cmocka_run_group_tests_name("plat_log", tests, setup, teardown);
}
