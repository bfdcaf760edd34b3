/* fuzz_common.c — the scratch folder and the writing of fuzzed files that
 * the targets share (see fuzz.h). POSIX, like the platform layer. */
#define _POSIX_C_SOURCE 200809L
#include "fuzz.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char scratch[512];

void fuzz_fail(const char *what)
{
    fprintf(stderr, "fuzz: %s\n", what);
    abort();
}

/* Removes a tree made by fuzz_write (folders and plain files only). */
static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    if (d) {
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
                continue;
            char sub[1024];
            snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
            struct stat st;
            if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
                remove_tree(sub);
            else
                unlink(sub);
        }
        closedir(d);
    }
    rmdir(path);
}

static void remove_scratch(void)
{
    if (scratch[0])
        remove_tree(scratch);
}

const char *fuzz_scratch_dir(void)
{
    if (scratch[0])
        return scratch;
    const char *tmp = getenv("TMPDIR");
    snprintf(scratch, sizeof scratch, "%s/gl_fuzz_XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(scratch))
        fuzz_fail("cannot make a scratch folder");
    atexit(remove_scratch);
    return scratch;
}

static void make_parents(char *path)
{
    for (char *p = path + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(path, 0700) != 0 && errno != EEXIST)
                fuzz_fail("cannot make a folder");
            *p = '/';
        }
}

void fuzz_write(const char *dir, const char *rel, const void *data, size_t size)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, rel);
    make_parents(path);
    FILE *f = fopen(path, "wb");
    if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f) != 0)
        fuzz_fail("cannot write a file");
}

int fuzz_write_parts(const char *dir, const uint8_t *data, size_t size, const char *const *files, int count)
{
    for (int i = 0; i < count; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, files[i]);
        unlink(path);
    }
    size_t sep = strlen(FUZZ_SEPARATOR);
    int part = 0;
    const uint8_t *at = data, *end = data + size;
    while (part < count) {
        const uint8_t *cut = NULL;
        if (part < count - 1)
            for (const uint8_t *p = at; p + sep <= end && !cut; p++)
                if (memcmp(p, FUZZ_SEPARATOR, sep) == 0)
                    cut = p;
        const uint8_t *stop = cut ? cut : end;
        fuzz_write(dir, files[part], at, (size_t)(stop - at));
        part++;
        if (!cut)
            break;
        at = cut + sep;
    }
    return part;
}
