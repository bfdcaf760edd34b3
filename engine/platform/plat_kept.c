/* plat_kept.c — files read before, kept for the process.
 *
 * Every game a process creates reads the same mod files again: the base
 * game's 85 and each mod's, for an ensemble of seeds, the reckoning's
 * re-runs, the Shapley decomposition's campaigns, the kiosk's what-ifs and
 * visitors. Opening, checking and reading each took four system calls,
 * about a sixth of making a game. A file read once is kept here with what
 * identifies its contents: the file (device and inode), its size and its
 * modification and change times. A later read asks the system for those of
 * the file at the same place (one call, without following a last link)
 * and hands back the kept text only if all are the same.
 *
 * What can change a file's bytes and not those times? A write in the same
 * tick of the file system's clock as the read that was kept (the times are
 * then the same before and after it): so a file is kept only once its times
 * are a few seconds old. A network file system's times may be cached ones:
 * files are kept only on the local kinds below. A change of ownership or
 * mode moves the change time, so the kept text is dropped then too.
 *
 * Confinement: a text is kept only after a read that opened the file
 * beneath the mod's folder (platform.c, open_beneath), and only if the
 * name names the file itself, not a link; a later hit hands back the bytes
 * of that same file in the same state, wherever a path leads now.
 * Bounded: past KEPT_MAX files or KEPT_MAX_BYTES, files are read each time.
 * Shared by the threads that load mods, behind a spin lock. */
#define _GNU_SOURCE /* fstatat */
#include "plat_kept.h"

#include "platform.h"

#include <fcntl.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#if defined(__linux__)
#include <sys/vfs.h>
#endif

#define KEPT_MAX 2048
#define KEPT_SLOTS 4096 /* a power of two, twice KEPT_MAX */
#define KEPT_MAX_BYTES ((size_t)16 << 20)
#define KEPT_SETTLED_S 3 /* a file's times at least this old: no write can hide in their tick */

typedef struct Kept {
    uint64_t hash; /* of key; 0: an empty slot */
    char *key, *data;
    size_t len;
    dev_t dev;
    ino_t ino;
    off_t size;
    struct timespec mtime, ctime;
} Kept;

static Kept slots[KEPT_SLOTS];
static int kept_count;
static size_t kept_bytes;
static atomic_flag kept_lock = ATOMIC_FLAG_INIT;
static atomic_long hits;
static atomic_int settle = KEPT_SETTLED_S;

long plat_kept_hits(void) { return atomic_load(&hits); }
void plat_kept_set_settle(int seconds) { atomic_store(&settle, seconds); }

static void lock(void)
{
    while (atomic_flag_test_and_set_explicit(&kept_lock, memory_order_acquire))
        ;
}

static void unlock(void) { atomic_flag_clear_explicit(&kept_lock, memory_order_release); }

bool plat_kept_local(int dir)
{
#if defined(__linux__)
    struct statfs fs;
    if (fstatfs(dir, &fs) != 0)
        return false;
    switch ((unsigned long)fs.f_type) {
    case 0xEF53UL:     /* ext2, ext3, ext4 */
    case 0x58465342UL: /* xfs */
    case 0x9123683EUL: /* btrfs */
    case 0x01021994UL: /* tmpfs */
    case 0x794C7630UL: /* overlayfs (containers) */
    case 0xF2F52010UL: /* f2fs */
        return true;
    default:
        return false;
    }
#else
    (void)dir;
    return false;
#endif
}

static uint64_t key_hash(const char *key)
{
    uint64_t h = plat_fnv1a(PLAT_FNV1A_BASIS, key, strlen(key));
    return h ? h : 1;
}

/* The slot of `key`: its own, or the empty one where it would go. */
static Kept *slot_of(const char *key, uint64_t h)
{
    for (size_t i = (size_t)h & (KEPT_SLOTS - 1);; i = (i + 1) & (KEPT_SLOTS - 1))
        if (slots[i].hash == 0 || (slots[i].hash == h && strcmp(slots[i].key, key) == 0))
            return &slots[i];
}

static bool same_time(struct timespec a, struct timespec b) { return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec; }

static bool same_file(const Kept *k, const struct stat *st)
{
    return S_ISREG(st->st_mode) && k->dev == st->st_dev && k->ino == st->st_ino && k->size == st->st_size &&
           same_time(k->mtime, st->st_mtim) && same_time(k->ctime, st->st_ctim);
}

char *plat_kept_find(int dir, const char *rest, const char *key, size_t max_bytes, size_t *out_len)
{
    uint64_t h = key_hash(key);
    lock();
    bool known = slot_of(key, h)->hash != 0;
    unlock();
    struct stat st;
    if (!known || fstatat(dir, rest, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return NULL;
    char *copy = NULL;
    lock();
    const Kept *k = slot_of(key, h);
    if (k->hash && same_file(k, &st) && k->len <= max_bytes && (copy = malloc(k->len + 1)) != NULL) {
        memcpy(copy, k->data, k->len + 1);
        if (out_len)
            *out_len = k->len;
        atomic_fetch_add(&hits, 1);
    }
    unlock();
    return copy;
}

void plat_kept_store(int dir, const char *rest, const char *key, const struct stat *st, const char *data,
                     size_t len)
{
    struct timespec now;
    struct stat at;
    if (clock_gettime(CLOCK_REALTIME, &now) != 0)
        return;
    time_t settled = now.tv_sec - atomic_load(&settle);
    if (st->st_mtim.tv_sec > settled || st->st_ctim.tv_sec > settled || (off_t)len != st->st_size ||
        fstatat(dir, rest, &at, AT_SYMLINK_NOFOLLOW) != 0 || at.st_dev != st->st_dev || at.st_ino != st->st_ino)
        return;
    uint64_t h = key_hash(key);
    char *copy = malloc(len + 1), *name = strdup(key);
    if (copy)
        memcpy(copy, data, len + 1);
    lock();
    Kept *k = slot_of(key, h);
    bool fits = copy && name && kept_bytes - (k->hash ? k->len : 0) + len <= KEPT_MAX_BYTES &&
                (k->hash || kept_count < KEPT_MAX);
    if (fits) {
        if (k->hash) { /* the file changed since: its new text replaces the old */
            kept_bytes -= k->len;
            free(k->data);
            free(name);
            name = k->key;
        } else
            kept_count++;
        *k = (Kept){h, name, copy, len, st->st_dev, st->st_ino, st->st_size, st->st_mtim, st->st_ctim};
        kept_bytes += len;
        copy = name = NULL;
    }
    unlock();
    free(copy);
    free(name);
}
