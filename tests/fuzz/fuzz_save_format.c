/* fuzz_save_format.c — save files mutated inside their structure. The input
 * is a whole save file. Under libFuzzer a custom mutator takes it apart
 * (the header's lines, the core state, each mod's storage), lets libFuzzer
 * mutate one part, and puts it together again with the sizes in the header
 * and the checksum right, so that nearly every input gets past the
 * checksum to the parsers behind it (the plain `save` target reaches them
 * only when the harness signs the input). Each input is then:
 *   - read (engine/app/app_saves.c); a refusal must give a reason;
 *   - if it loads: its storage goes into the base game (without running Lua
 *     to parse it), and the game's own save of that state and storage must
 *     load again, with the same core state: the game never writes a save it
 *     cannot read. */
#define _POSIX_C_SOURCE 200809L
#include "fuzz.h"

#include "app.h"
#include "platform.h"
#include "script_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MODS_CAP 8

static ScriptHost *host; /* the base game, to restore storage into */
static char saves_dir[600];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *dir = fuzz_scratch_dir();
    setenv("XDG_DATA_HOME", dir, 1); /* never the player's saves */
    snprintf(saves_dir, sizeof saves_dir, "%s/greatleap/saves", dir);
    host = script_host_create(&(ScriptHostDesc){.instruction_cap = 1000000, .mem_cap_bytes = (size_t)32 << 20});
    if (!host || !script_host_load_mod(host, GL_FUZZ_DATA_DIR "/scripts", "scripts"))
        fuzz_fail("cannot load the base game");
    return 0;
}

/* The game saves what it loaded, and that must load again. */
static void save_again(const CoreState *s, const AppSaveMeta *meta)
{
    ScriptModSave mods[SCRIPT_MAX_MODS];
    int n = 0;
    char err[512];
    if (!script_mods_save(host, mods, SCRIPT_MAX_MODS, &n, err, sizeof err)) {
        script_mod_saves_free(mods, n);
        return; /* refused with a message: the previous save stays */
    }
    bool written = app_save_write_mods(s, mods, n, 2, meta->historical, meta->scenario[0] ? meta->scenario : "1958",
                                       err, sizeof err);
    script_mod_saves_free(mods, n);
    if (!written)
        return;
    AppSaveMeta back;
    ScriptModSave loaded[MODS_CAP];
    int count = 0;
    CoreState *t = app_save_read_mods(2, &back, loaded, MODS_CAP, &count, err, sizeof err);
    if (!t) {
        fprintf(stderr, "fuzz: %s\n", err);
        fuzz_fail("the game wrote a save it cannot read");
    }
    if (core_state_hash(t) != core_state_hash(s))
        fuzz_fail("a saved state came back different");
    if (!script_mods_restore(host, loaded, count, err, sizeof err)) {
        fprintf(stderr, "fuzz: %s\n", err);
        fuzz_fail("the game wrote storage it cannot restore");
    }
    script_mod_saves_free(loaded, count);
    core_state_destroy(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    script_storage_rollback(host, 0, NULL, 0); /* nothing carries over from the input before */
    fuzz_write(saves_dir, "slot1.save", data, size);
    AppSaveMeta meta;
    app_save_meta(1, &meta);
    ScriptModSave mods[MODS_CAP];
    int count = 0;
    char err[256] = "";
    CoreState *s = app_save_read_mods(1, &meta, mods, MODS_CAP, &count, err, sizeof err);
    if (!s && (meta.status == APP_SAVE_OK || !err[0]))
        fuzz_fail("a save was refused without a reason");
    if (s) {
        if (count < 0 || count > MODS_CAP)
            fuzz_fail("a save gave an impossible number of mods");
        if (script_mods_restore(host, mods, count, err, sizeof err))
            save_again(s, &meta);
        script_mod_saves_free(mods, count);
        core_state_destroy(s);
    }
    return 0;
}

#ifdef GL_FUZZ_LIBFUZZER
/* ==== The structure-aware mutator (libFuzzer only) ==== */

size_t LLVMFuzzerMutate(uint8_t *data, size_t size, size_t max_size);
size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed);

/* A save taken apart: header text (every line before "core N"), then the
 * core's bytes and each mod's storage, in the order the file has them. */
typedef struct Parts {
    char header[4096];
    size_t header_len;
    size_t part_len[1 + MODS_CAP]; /* [0] the core, then the mods' storage */
    const uint8_t *part[1 + MODS_CAP];
    int mods;
} Parts;

static uint64_t fnv(const uint8_t *p, size_t n)
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ULL;
    return h;
}

/* Splits a save; false if it has no "core N" line to split at. */
static bool split(const uint8_t *data, size_t size, Parts *p)
{
    memset(p, 0, sizeof *p);
    size_t pos = 0;
    while (pos < size) {
        const uint8_t *nl = memchr(data + pos, '\n', size - pos);
        if (!nl)
            return false;
        size_t n = (size_t)(nl - (data + pos)) + 1;
        if (n > 6 && memcmp(data + pos, "core ", 5) == 0) {
            size_t core = strtoull((const char *)data + pos + 5, NULL, 10);
            pos += n;
            const uint8_t *at = data + pos, *end = data + size;
            /* The trailer "\nend <16 hex>\n" is not part of the body. */
            if (end - at >= 22 && memcmp(end - 22, "\nend ", 5) == 0)
                end -= 22;
            p->part[0] = at;
            p->part_len[0] = core < (size_t)(end - at) ? core : (size_t)(end - at);
            at += p->part_len[0];
            /* The mods' sizes from their lines, in order. */
            const char *line = p->header;
            for (int i = 0; i < MODS_CAP; i++) {
                const char *m = strstr(line, "\nmod ");
                if (!m)
                    break;
                const char *eol = strchr(m + 1, '\n'), *sp = m;
                for (const char *q = m + 1; q < eol; q++)
                    if (*q == ' ')
                        sp = q;
                size_t len = strtoull(sp + 1, NULL, 10);
                p->part[1 + i] = at;
                p->part_len[1 + i] = len < (size_t)(end - at) ? len : (size_t)(end - at);
                at += p->part_len[1 + i];
                p->mods = i + 1;
                line = eol;
            }
            return true;
        }
        if (p->header_len + n >= sizeof p->header)
            return false;
        memcpy(p->header + p->header_len, data + pos, n);
        p->header_len += n;
        p->header[p->header_len] = '\0';
        pos += n;
    }
    return false;
}

/* Writes the header with each mod line's size set to its part's length,
 * the parts and a right checksum. Returns the size, 0 if it does not fit. */
static size_t join(const Parts *p, uint8_t *out, size_t max)
{
    char header[8192];
    size_t used = 0;
    const char *line = p->header;
    int mod = 0;
    while (*line) {
        const char *eol = strchr(line, '\n');
        size_t n = eol ? (size_t)(eol - line) : strlen(line);
        const char *sp = NULL;
        for (size_t k = 0; k < n; k++)
            if (line[k] == ' ')
                sp = line + k;
        int w;
        if (strncmp(line, "mod ", 4) == 0 && sp && mod < p->mods)
            w = snprintf(header + used, sizeof header - used, "%.*s %zu\n", (int)(sp - line), line,
                         p->part_len[1 + mod++]);
        else
            w = snprintf(header + used, sizeof header - used, "%.*s\n", (int)n, line);
        if (w < 0 || (size_t)w >= sizeof header - used)
            return 0;
        used += (size_t)w;
        line = eol ? eol + 1 : line + n;
    }
    int w = snprintf(header + used, sizeof header - used, "core %zu\n", p->part_len[0]);
    if (w < 0 || (size_t)w >= sizeof header - used)
        return 0;
    used += (size_t)w;
    size_t total = used + 22;
    for (int i = 0; i <= p->mods; i++)
        total += p->part_len[i];
    if (total > max)
        return 0;
    uint8_t *at = out;
    memcpy(at, header, used);
    at += used;
    for (int i = 0; i <= p->mods; i++) {
        memmove(at, p->part[i], p->part_len[i]);
        at += p->part_len[i];
    }
    char trailer[32];
    snprintf(trailer, sizeof trailer, "\nend %016llx\n", (unsigned long long)fnv(out, (size_t)(at - out)));
    memcpy(at, trailer, 22);
    return (size_t)(at - out) + 22;
}

size_t LLVMFuzzerCustomMutator(uint8_t *data, size_t size, size_t max_size, unsigned int seed)
{
    static uint8_t scratch[1 << 20], parts_copy[1 << 20];
    Parts p;
    if (size > sizeof parts_copy || max_size > sizeof scratch || !split(data, size, &p))
        return LLVMFuzzerMutate(data, size, max_size);
    /* Copy the parts out: the file is rewritten in place. */
    memcpy(parts_copy, data, size);
    for (int i = 0; i <= p.mods; i++)
        p.part[i] = parts_copy + (p.part[i] - data);
    int which = (int)(seed % (unsigned)(p.mods + 2)); /* the header, the core, or a storage */
    size_t room = max_size > size ? max_size - size : 0;
    if (which == 0) {
        size_t n = LLVMFuzzerMutate((uint8_t *)p.header, p.header_len,
                                    sizeof p.header - 1 < p.header_len + room ? sizeof p.header - 1 : p.header_len + room);
        p.header_len = n;
        p.header[n] = '\0';
        if (strlen(p.header) != n) /* a NUL cuts the header short: keep it as text */
            p.header_len = strlen(p.header);
    } else {
        int i = which - 1;
        size_t len = p.part_len[i], cap = len + room < sizeof scratch ? len + room : sizeof scratch;
        memcpy(scratch, p.part[i], len);
        p.part_len[i] = LLVMFuzzerMutate(scratch, len, cap);
        p.part[i] = scratch;
    }
    size_t n = join(&p, data, max_size);
    return n ? n : LLVMFuzzerMutate(data, size, max_size);
}
#endif
