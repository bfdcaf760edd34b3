/* fuzz_save.c — save files as the game reads them (engine/app/app_saves.c):
 * the "GREATLEAP-SAVE" header, the mods' lines, the core state, the mods'
 * storage and the checksum, then the storage going back into a loaded mod
 * (script_mods_restore parses it without running Lua). The first byte
 * chooses whether the harness appends the right checksum, so that the
 * fuzzer gets past it to the parsers behind it. */
#define _POSIX_C_SOURCE 200809L
#include "fuzz.h"

#include "app.h"
#include "platform.h"
#include "script.h"

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
    host = script_host_create(&(ScriptHostDesc){.instruction_cap = 1000000});
    if (!host || !script_host_load_mod(host, GL_FUZZ_DATA_DIR "/scripts", "scripts"))
        fuzz_fail("cannot load the base game");
    return 0;
}

static uint64_t fnv(const uint8_t *p, size_t n)
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ p[i]) * 1099511628211ULL;
    return h;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    bool sign = data[0] & 1;
    data++;
    size--;
    char trailer[64] = "";
    if (sign)
        snprintf(trailer, sizeof trailer, "\nend %016llx\n", (unsigned long long)fnv(data, size));
    size_t tl = strlen(trailer);
    uint8_t *file = malloc(size + tl + 1);
    if (!file)
        return 0;
    memcpy(file, data, size);
    memcpy(file + size, trailer, tl);
    fuzz_write(saves_dir, "slot1.save", file, size + tl);
    free(file);

    AppSaveMeta meta;
    app_save_meta(1, &meta);
    ScriptModSave mods[MODS_CAP];
    int count = 0;
    char err[256];
    CoreState *s = app_save_read_mods(1, &meta, mods, MODS_CAP, &count, err, sizeof err);
    if (!s && meta.status == APP_SAVE_OK)
        fuzz_fail("a save was refused without a reason");
    if (s) {
        if (count < 0 || count > MODS_CAP)
            fuzz_fail("a save gave an impossible number of mods");
        script_mods_restore(host, mods, count, err, sizeof err);
        script_mod_saves_free(mods, count);
        core_state_destroy(s);
    }
    app_save_status_key(meta.status);
    return 0;
}
