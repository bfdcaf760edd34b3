/* Files (engine/platform/platform.c): reads take regular files only and
 * never block (a FIFO, /dev/stdin, a device or a folder is refused at
 * once); reads confined to a folder refuse every way out of it (symbolic
 * links to files or folders outside, ".."); a set of files is written all
 * or nothing; the temporary files a killed write left are removed, but not
 * those a running process may still be writing. Every test works under /tmp. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "plat_kept.h"
#include "platform.h"

static char root[256];

static int setup(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    snprintf(root, sizeof root, "%s/gl-files-XXXXXX", tmp && tmp[0] == '/' ? tmp : "/tmp");
    return mkdtemp(root) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    return system(cmd) == 0 ? 0 : -1;
}

static void path_of(char *out, size_t cap, const char *rel) { snprintf(out, cap, "%s/%s", root, rel); }

static void write_text(const char *rel, const char *text)
{
    char path[512];
    path_of(path, sizeof path, rel);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_true(fputs(text, f) >= 0);
    assert_int_equal(fclose(f), 0);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_files_read_regular(void **state)
{
    (void)state;
    char path[512];
    write_text("a.txt", "hello");
    path_of(path, sizeof path, "a.txt");
    size_t len = 0;
    char *text = plat_read_file(path, 100, &len);
    assert_non_null(text);
    assert_int_equal(len, 5);
    assert_string_equal(text, "hello");
    free(text);
    /* Larger than the limit: refused before it is read. */
    assert_null(plat_read_file(path, 4, &len));
    assert_non_null(strstr(plat_error(), "larger than 4 bytes"));
    /* Exactly the limit: read. */
    text = plat_read_file(path, 5, &len);
    assert_non_null(text);
    free(text);
}

/* A mapped file (the fonts): its bytes, the same refusals as a read (too
 * large, not a regular file, missing: with the path), and an empty file
 * refused rather than mapped as nothing. */
static void test_files_mapped(void **state)
{
    (void)state;
    char path[512];
    write_text("m.bin", "OTTO and more");
    path_of(path, sizeof path, "m.bin");
    size_t len = 0;
    const char *p = plat_map_file(path, 100, &len);
    assert_non_null(p);
    assert_int_equal(len, 13);
    assert_memory_equal(p, "OTTO and more", 13);
    plat_unmap_file(p, len);
    assert_null(plat_map_file(path, 12, &len));
    assert_non_null(strstr(plat_error(), "larger than 12 bytes"));
    write_text("empty.bin", "");
    path_of(path, sizeof path, "empty.bin");
    assert_null(plat_map_file(path, 100, &len));
    assert_non_null(strstr(plat_error(), "empty"));
    path_of(path, sizeof path, "missing.bin");
    assert_null(plat_map_file(path, 100, &len));
    assert_non_null(strstr(plat_error(), "missing.bin"));
    assert_null(plat_map_file(root, 100, &len));
    assert_non_null(strstr(plat_error(), "not a regular file"));
    path_of(path, sizeof path, "mfifo");
    assert_int_equal(mkfifo(path, 0600), 0);
    double t0 = now_s();
    assert_null(plat_map_file(path, 100, &len));
    assert_true(now_s() - t0 < 2.0);
}

/* A FIFO nobody writes to would block open() and read() for ever. */
static void test_files_fifo_is_refused_at_once(void **state)
{
    (void)state;
    char path[512];
    path_of(path, sizeof path, "fifo");
    assert_int_equal(mkfifo(path, 0600), 0);
    double t0 = now_s();
    assert_null(plat_read_file(path, 1 << 20, NULL));
    assert_non_null(strstr(plat_error(), "not a regular file"));
    assert_null(plat_read_file_in(root, path, 1 << 20, NULL));
    assert_true(now_s() - t0 < 2.0);
}

/* /dev/stdin (a pipe whose writer never closes it here), /dev/zero (endless)
 * and a folder are refused too. */
static void test_files_devices_and_folders_are_refused(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    int saved = dup(STDIN_FILENO);
    assert_true(saved >= 0);
    assert_true(dup2(fds[0], STDIN_FILENO) >= 0);
    double t0 = now_s();
    assert_null(plat_read_file("/dev/stdin", 1 << 20, NULL));
    assert_non_null(strstr(plat_error(), "not a regular file"));
    assert_true(now_s() - t0 < 2.0);
    assert_true(dup2(saved, STDIN_FILENO) >= 0);
    close(saved);
    close(fds[0]);
    close(fds[1]);
    assert_null(plat_read_file("/dev/zero", 1 << 20, NULL));
    assert_null(plat_read_file(root, 1 << 20, NULL));
    assert_non_null(strstr(plat_error(), "not a regular file"));
}

static void test_files_confined_reads(void **state)
{
    (void)state;
    char mod[512], inside[512], link[512], target[512], sub[512];
    path_of(mod, sizeof mod, "mod");
    assert_int_equal(mkdir(mod, 0700), 0);
    path_of(sub, sizeof sub, "mod/sub");
    assert_int_equal(mkdir(sub, 0700), 0);
    write_text("mod/sub/in.lua", "return 1");
    write_text("secret.txt", "SECRET");
    path_of(inside, sizeof inside, "mod/sub/in.lua");
    size_t len;
    char *text = plat_read_file_in(mod, inside, 1 << 20, &len);
    assert_non_null(text);
    assert_string_equal(text, "return 1");
    free(text);
    /* A link inside to a file inside: fine. */
    path_of(link, sizeof link, "mod/alias.lua");
    assert_int_equal(symlink("sub/in.lua", link), 0);
    text = plat_read_file_in(mod, link, 1 << 20, &len);
    assert_non_null(text);
    free(text);
    /* The same link written as an absolute path: openat2's quick check
     * (RESOLVE_BENEATH) refuses it, the full check lets it through. */
    path_of(link, sizeof link, "mod/absolute.lua");
    assert_int_equal(symlink(inside, link), 0);
    text = plat_read_file_in(mod, link, 1 << 20, &len);
    assert_non_null(text);
    assert_string_equal(text, "return 1");
    free(text);
    /* A link to a file outside, "..", and a folder linked from outside. */
    path_of(link, sizeof link, "mod/leak.lua");
    path_of(target, sizeof target, "secret.txt");
    assert_int_equal(symlink(target, link), 0);
    assert_null(plat_read_file_in(mod, link, 1 << 20, &len));
    assert_non_null(strstr(plat_error(), "leads outside"));
    path_of(link, sizeof link, "mod/sub/../../secret.txt");
    assert_null(plat_read_file_in(mod, link, 1 << 20, &len));
    assert_non_null(strstr(plat_error(), "leads outside"));
    path_of(link, sizeof link, "mod/etc");
    assert_int_equal(symlink("/etc", link), 0);
    path_of(link, sizeof link, "mod/etc/passwd");
    assert_null(plat_read_file_in(mod, link, 1 << 20, &len));
    assert_non_null(strstr(plat_error(), "leads outside"));
    assert_false(plat_path_inside(mod, link));
    assert_true(plat_path_inside(mod, inside));
    assert_false(plat_path_inside(mod, mod)); /* the folder itself is not a file inside it */
    /* A mod folder that is itself a link (an installed mod pointing at a
     * working copy) still reads its own files. */
    path_of(link, sizeof link, "linked_mod");
    assert_int_equal(symlink(mod, link), 0);
    char via[600];
    snprintf(via, sizeof via, "%s/sub/in.lua", link);
    text = plat_read_file_in(link, via, 1 << 20, &len);
    assert_non_null(text);
    free(text);
    /* /dev/stdin inside a mod is refused as a device, without blocking. */
    path_of(link, sizeof link, "mod/picture.png");
    assert_int_equal(symlink("/dev/stdin", link), 0);
    assert_null(plat_read_file_in(mod, link, 1 << 20, &len));
    /* The same reads through the folder kept open: the same answers. */
    PlatFolder *f = plat_folder_open(mod);
    assert_non_null(f);
    const char *const cases[] = {"mod/sub/in.lua", "mod/alias.lua", "mod/absolute.lua", "mod/leak.lua",
                                 "mod/sub/../../secret.txt", "mod/etc/passwd", "mod/picture.png", "mod/missing.lua"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        path_of(link, sizeof link, cases[i]);
        char *direct = plat_read_file_in(mod, link, 1 << 20, &len);
        char *kept = plat_folder_read(f, link, 1 << 20, &len);
        if ((direct == NULL) != (kept == NULL) || (direct && strcmp(direct, kept) != 0))
            fail_msg("%s: read %s directly, %s through the open folder", cases[i], direct ? "" : "refused",
                     kept ? "read" : "refused");
        if (i < 3)
            assert_non_null(kept);
        free(direct);
        free(kept);
    }
    plat_folder_close(f);
    assert_null(plat_folder_open("/nonexistent/folder"));
}

static bool same_text(const char *rel, const char *want)
{
    char path[512];
    path_of(path, sizeof path, rel);
    char *text = plat_read_file(path, 1 << 20, NULL);
    bool same = text && strcmp(text, want) == 0;
    free(text);
    return same;
}

static int count_temps(const char *dir)
{
    int n = 0;
    char **names = NULL;
    names = plat_list_dir(dir, NULL, &n);
    int temps = 0;
    for (int i = 0; i < n; i++)
        temps += strstr(names[i], ".tmp") != NULL;
    plat_list_free(names, n);
    return temps;
}

static void test_files_set_is_all_or_nothing(void **state)
{
    (void)state;
    char dir[512], a[600], b[600], c[600];
    path_of(dir, sizeof dir, "set");
    assert_int_equal(mkdir(dir, 0700), 0);
    write_text("set/a.csv", "old a");
    write_text("set/b.csv", "old b");
    snprintf(a, sizeof a, "%s/a.csv", dir);
    snprintf(b, sizeof b, "%s/b.csv", dir);
    snprintf(c, sizeof c, "%s/no-such-folder/c.csv", dir);
    const char *paths[] = {a, b, c};
    const void *data[] = {"new a", "new b", "new c"};
    size_t lens[] = {5, 5, 5};
    /* The third cannot be written: the first two stay old, no temp is left. */
    assert_false(plat_write_files_atomic(3, paths, data, lens));
    assert_true(same_text("set/a.csv", "old a"));
    assert_true(same_text("set/b.csv", "old b"));
    assert_int_equal(count_temps(dir), 0);
    /* All can be written: all are new. */
    assert_true(plat_write_files_atomic(2, paths, data, lens));
    assert_true(same_text("set/a.csv", "new a"));
    assert_true(same_text("set/b.csv", "new b"));
    assert_int_equal(count_temps(dir), 0);
}

/* The file size limit (RLIMIT_FSIZE) stands in for a full disk: the second
 * file of a set fails half-way and the set stays old. */
static void test_files_set_on_a_full_disk(void **state)
{
    (void)state;
    char a[600], b[600];
    write_text("full_a.csv", "old a");
    write_text("full_b.csv", "old b");
    path_of(a, sizeof a, "full_a.csv");
    path_of(b, sizeof b, "full_b.csv");
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit lim = {4096, 4096};
        setrlimit(RLIMIT_FSIZE, &lim);
        static char big[10000];
        memset(big, 'x', sizeof big);
        const char *paths[] = {a, b};
        const void *data[] = {"new a", big};
        size_t lens[] = {5, sizeof big};
        _exit(plat_write_files_atomic(2, paths, data, lens) ? 1 : 0);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    assert_true(same_text("full_a.csv", "old a"));
    assert_true(same_text("full_b.csv", "old b"));
    assert_int_equal(count_temps(root), 0);
}

static void set_age(const char *path, int seconds)
{
    struct timeval tv[2];
    gettimeofday(&tv[0], NULL);
    tv[0].tv_sec -= seconds;
    tv[1] = tv[0];
    assert_int_equal(utimes(path, tv), 0);
}

static void test_files_stale_temps_are_removed(void **state)
{
    (void)state;
    char dir[512], path[700];
    path_of(dir, sizeof dir, "saves");
    assert_int_equal(mkdir(dir, 0700), 0);
    /* A process that has ended: its pid runs nothing now. */
    pid_t dead = fork();
    assert_true(dead >= 0);
    if (dead == 0)
        _exit(0);
    assert_int_equal(waitpid(dead, NULL, 0), dead);
    char name[128];
    snprintf(name, sizeof name, "saves/slot1.save.tmp%ld", (long)dead);
    write_text(name, "half a save");
    /* A running process (our parent) that may be saving now, and one that
     * has been "saving" for an hour (a dead one whose pid was reused). */
    snprintf(name, sizeof name, "saves/slot2.save.tmp%ld", (long)getppid());
    write_text(name, "being written");
    snprintf(name, sizeof name, "saves/slot3.save.tmp%ld", (long)getppid());
    write_text(name, "left long ago");
    path_of(path, sizeof path, name);
    set_age(path, 3600);
    write_text("saves/slot4.save", "a real save");
    write_text("saves/notes.tmpx", "not ours");
    /* A link named like a temporary file is not followed or removed. */
    path_of(path, sizeof path, "saves/slot5.save.tmp1");
    char target[512];
    path_of(target, sizeof target, "saves/slot4.save");
    assert_int_equal(symlink(target, path), 0);
    assert_int_equal(plat_remove_stale_temps(dir, 60), 2);
    int n;
    char **names = plat_list_dir(dir, NULL, &n);
    char list[1024] = "";
    for (int i = 0; i < n; i++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s ", names[i]);
    plat_list_free(names, n);
    char want[256];
    snprintf(want, sizeof want, "notes.tmpx slot2.save.tmp%ld slot4.save slot5.save.tmp1 ", (long)getppid());
    assert_string_equal(list, want);
    /* A missing folder: nothing to do. */
    assert_int_equal(plat_remove_stale_temps("/nonexistent/greatleap", 60), 0);
}

/* The files of a folder, by name: regular files and links to them, never a
 * folder, a link to one or a dangling link. */
static void test_files_list_dir_kinds(void **state)
{
    (void)state;
    char dir[512], path[600], target[600];
    path_of(dir, sizeof dir, "kinds");
    assert_int_equal(mkdir(dir, 0700), 0);
    write_text("kinds/b.lua", "b");
    write_text("kinds/a.lua", "a");
    write_text("kinds/notes.txt", "not lua");
    write_text("kinds/.hidden.lua", "hidden");
    path_of(path, sizeof path, "kinds/sub.lua");
    assert_int_equal(mkdir(path, 0700), 0);
    path_of(target, sizeof target, "kinds/a.lua");
    path_of(path, sizeof path, "kinds/c_link.lua");
    assert_int_equal(symlink(target, path), 0);
    path_of(target, sizeof target, "kinds/sub.lua");
    path_of(path, sizeof path, "kinds/d_folder_link.lua");
    assert_int_equal(symlink(target, path), 0);
    path_of(path, sizeof path, "kinds/e_dangling.lua");
    assert_int_equal(symlink("/nonexistent/greatleap.lua", path), 0);
    int n;
    char **names = plat_list_dir(dir, ".lua", &n);
    assert_non_null(names);
    char list[256] = "";
    for (int i = 0; i < n; i++)
        snprintf(list + strlen(list), sizeof list - strlen(list), "%s ", names[i]);
    plat_list_free(names, n);
    assert_string_equal(list, "a.lua b.lua c_link.lua ");
    names = plat_list_dir(dir, NULL, &n);
    assert_int_equal(n, 4); /* and notes.txt */
    plat_list_free(names, n);
}

/* A folder's files read again come from what was kept only while they are
 * the same file, unchanged; a link is never kept; a new file is kept only
 * once its times are settled. */
static void test_files_kept_reads(void **state)
{
    (void)state;
    char dir[512], path[512], other[512], link[512];
    path_of(dir, sizeof dir, "kept");
    assert_int_equal(mkdir(dir, 0700), 0);
    write_text("kept/a.lua", "first");
    path_of(path, sizeof path, "kept/a.lua");
    PlatFolder *f = plat_folder_open(dir);
    assert_non_null(f);
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    assert_true(fd >= 0);
    bool local = plat_kept_local(fd);
    close(fd);
    if (!local) { /* a network file system: nothing is kept */
        plat_folder_close(f);
        skip();
    }
    size_t len;
    /* Just written: not kept, so not handed back. */
    long hits = plat_kept_hits();
    for (int i = 0; i < 2; i++)
        free(plat_folder_read(f, path, 1 << 20, &len));
    assert_int_equal(plat_kept_hits(), hits);
    /* Settled (times of any age, for the test): kept after one read. */
    plat_kept_set_settle(0);
    free(plat_folder_read(f, path, 1 << 20, &len));
    char *text = plat_folder_read(f, path, 1 << 20, &len);
    assert_int_equal(plat_kept_hits(), hits + 1);
    assert_string_equal(text, "first");
    assert_int_equal(len, 5);
    free(text);
    /* A limit the kept text exceeds: read, and refused as before. */
    assert_null(plat_folder_read(f, path, 4, &len));
    assert_non_null(strstr(plat_error(), "larger than 4 bytes"));
    /* Changed: the new text. */
    write_text("kept/a.lua", "second text");
    text = plat_folder_read(f, path, 1 << 20, &len);
    assert_string_equal(text, "second text");
    free(text);
    /* Another file moved in its place: its text. */
    write_text("kept/b.lua", "third file!");
    free(plat_folder_read(f, path, 1 << 20, &len)); /* kept again */
    path_of(other, sizeof other, "kept/b.lua");
    assert_int_equal(rename(other, path), 0);
    hits = plat_kept_hits();
    text = plat_folder_read(f, path, 1 << 20, &len);
    assert_int_equal(plat_kept_hits(), hits);
    assert_string_equal(text, "third file!");
    free(text);
    /* Its place taken by a link to a file beside it: read through the link
     * each time, never kept. */
    write_text("kept/c.lua", "fourth");
    assert_int_equal(unlink(path), 0);
    assert_int_equal(symlink("c.lua", path), 0);
    hits = plat_kept_hits();
    for (int i = 0; i < 3; i++) {
        text = plat_folder_read(f, path, 1 << 20, &len);
        assert_string_equal(text, "fourth");
        free(text);
    }
    assert_int_equal(plat_kept_hits(), hits);
    /* A link out of the folder is refused, kept or not. */
    write_text("outside.txt", "SECRET");
    path_of(link, sizeof link, "kept/leak.lua");
    path_of(other, sizeof other, "outside.txt");
    assert_int_equal(symlink(other, link), 0);
    assert_null(plat_folder_read(f, link, 1 << 20, &len));
    /* Removed: an error, not the old text. */
    assert_int_equal(unlink(path), 0);
    assert_null(plat_folder_read(f, path, 1 << 20, &len));
    plat_kept_set_settle(3);
    plat_folder_close(f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_files_read_regular),
        cmocka_unit_test(test_files_mapped),
        cmocka_unit_test(test_files_fifo_is_refused_at_once),
        cmocka_unit_test(test_files_devices_and_folders_are_refused),
        cmocka_unit_test(test_files_confined_reads),
        cmocka_unit_test(test_files_list_dir_kinds),
        cmocka_unit_test(test_files_kept_reads),
        cmocka_unit_test(test_files_set_is_all_or_nothing),
        cmocka_unit_test(test_files_set_on_a_full_disk),
        cmocka_unit_test(test_files_stale_temps_are_removed),
    };
    return cmocka_run_group_tests_name("plat_files", tests, setup, teardown);
}
