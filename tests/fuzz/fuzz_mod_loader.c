/* fuzz_mod_loader.c — a mod written from the fuzz input: its parts (split at
 * FUZZ_SEPARATOR lines) become an event, the manifest, a policy, locale
 * files, a scenario, a module for require and a migration. The mod is
 * loaded on its own (the base game would make each run slow) and played
 * for three months on a copy of the 1958 state: its events fire and take
 * options (one preview), its policies' hooks run, the core applies what they
 * queued, and its texts are looked up. Then its storage goes through a save
 * and back: what was saved must load again as it was (restored at the
 * level it was saved at), and once more as if saved before the migration,
 * which then runs. Every error the host reports must say what and where. */
#include "fuzz.h"

#include "game.h"
#include "script_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const files[] = {"events/x.lua",   "mod.lua",   "policies/p.lua", "locale/en.lua",
                                    "scenarios/s.lua", "lib/m.lua", "events/y.lua",   "locale/zh.lua",
                                    "migrations/001_m.lua"};
#define FILE_COUNT (int)(sizeof files / sizeof files[0])

static char mod_dir[600];
static CoreState *start; /* the 1958 state, with the base game's policies */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(mod_dir, sizeof mod_dir, "%s/fuzzmod", fuzz_scratch_dir());
    GameDesc d = {.data_dir = GL_FUZZ_DATA_DIR, .seed = 1, .chooser = GAME_CHOOSE_DEFAULTS};
    char err[512];
    Game *g = game_create(&d, err, sizeof err);
    if (!g)
        fuzz_fail(err);
    start = core_state_clone(game_state(g));
    game_destroy(g);
    if (!start)
        fuzz_fail("cannot copy the 1958 state");
    return 0;
}

static void check_error(const ScriptError *e, void *user)
{
    (void)user;
    if (!e->message[0] || !e->context[0])
        fuzz_fail("a script error without a message or a context");
}

/* The storage the mod kept, saved and restored: at its own level it must
 * come back exactly (saved again, the bytes are the same); at level 0 the
 * migration runs, and may fail only with a reported error. */
static void storage_round_trip(ScriptHost *h)
{
    ScriptModSave saved[SCRIPT_MAX_MODS], again[SCRIPT_MAX_MODS];
    int n = 0, m = 0;
    char err[512] = "";
    for (int i = 0; i < h->mod_count; i++)
        if (h->mods[i].disabled)
            return; /* a mod that failed to load runs nothing, migrations included: no game loads it */
    bool ok = script_mods_save(h, saved, SCRIPT_MAX_MODS, &n, err, sizeof err);
    if (ok) {
        for (int i = 0; i < n; i++)
            if (saved[i].storage_len > SCRIPT_MAX_STORAGE_BYTES)
                fuzz_fail("a storage larger than the limit was saved");
        /* As a game loads a save: into an empty storage. */
        for (int i = 0; i < h->mod_count; i++)
            script_storage_rollback(h, i, NULL, 0);
        if (!script_mods_restore(h, saved, n, err, sizeof err)) {
            fprintf(stderr, "%s\n", err);
            fuzz_fail("a storage that was saved does not load back");
        }
        if (!script_mods_save(h, again, SCRIPT_MAX_MODS, &m, err, sizeof err) || m != n)
            fuzz_fail("a storage that was loaded back cannot be saved again");
        for (int i = 0; i < n; i++)
            if (again[i].storage_len != saved[i].storage_len ||
                (saved[i].storage_len && memcmp(again[i].storage, saved[i].storage, saved[i].storage_len) != 0))
                fuzz_fail("a storage changed through a save and a load");
        script_mod_saves_free(again, m);
        for (int i = 0; i < n; i++)
            saved[i].migration_level = 0;
        err[0] = '\0';
        if (!script_mods_restore(h, saved, n, err, sizeof err) && !err[0])
            fuzz_fail("a migration failed without a message");
    }
    script_mod_saves_free(saved, n);
}

static const char default_manifest[] = "return { id = 'fuzz', api_version = 1 }\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int parts = fuzz_write_parts(mod_dir, data, size, files, FILE_COUNT);
    if (parts < 2)
        fuzz_write(mod_dir, "mod.lua", default_manifest, sizeof default_manifest - 1);
    ScriptHostDesc desc = {.mem_cap_bytes = (size_t)8 << 20, .instruction_cap = 200000, .time_limit_ms = 2000,
                           .on_error = check_error};
    ScriptHost *h = script_host_create(&desc);
    if (!h)
        return 0;
    script_host_load_mod(h, mod_dir, "fuzz");
    CoreState *s = core_state_clone(start);
    if (!s)
        fuzz_fail("cannot copy the state");
    script_register_policies(h, s);
    ScriptCommands cmds = {0};
    for (int i = 0; i < h->scenario_count; i++)
        script_scenario_setup(h, s, h->scenarios[i].sc.id, &cmds);
    for (int month = 0; month < 3; month++) {
        ScriptDueList list = {0};
        script_events_due(h, s, &list);
        ScriptDue *due = list.items;
        int n = list.count;
        for (int k = 0; k < n; k++) {
            const ScriptEventInfo *e = script_event_at(h, due[k].event);
            if (!e)
                fuzz_fail("a due event that does not exist");
            if (k == 0)
                script_event_choose(h, s, &due[k], e->option_count - 1, true, &cmds);
            script_event_choose(h, s, &due[k], e->default_option, false, &cmds);
        }
        script_due_list_free(&list);
        script_policies_month(h, s, &cmds);
        core_tick(s, cmds.items, (size_t)cmds.count);
        script_commands_clear(&cmds);
        ScriptNotice notes[8];
        script_notices_take(h, notes, 8);
    }
    for (int l = 0; l < SCRIPT_LANG_COUNT; l++)
        for (int i = 0; i < script_text_count(h, (ScriptLang)l); i++)
            script_text(h, (ScriptLang)l, script_text_key_at(h, (ScriptLang)l, i));
    storage_round_trip(h);
    script_commands_free(&cmds);
    core_state_destroy(s);
    script_host_destroy(h);
    return 0;
}
