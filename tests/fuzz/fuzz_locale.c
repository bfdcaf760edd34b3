/* fuzz_locale.c — the locale loader: the input (split at FUZZ_SEPARATOR
 * lines) becomes locale/en.lua, locale/zh.lua and locale/en_more.lua of a
 * mod, which is loaded; then every key is listed and looked up in both
 * languages, and keys that are not there fall back as documented. */
#include "fuzz.h"

#include "script.h"

#include <stdio.h>
#include <string.h>

static const char *const files[] = {"locale/en.lua", "locale/zh.lua", "locale/en_more.lua"};
static char mod_dir[600];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    snprintf(mod_dir, sizeof mod_dir, "%s/fuzzlocale", fuzz_scratch_dir());
    static const char manifest[] = "return { id = 'fuzzlocale', api_version = 1 }\n";
    fuzz_write(mod_dir, "mod.lua", manifest, sizeof manifest - 1);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_write_parts(mod_dir, data, size, files, 3);
    ScriptHost *h = script_host_create(&(ScriptHostDesc){.mem_cap_bytes = (size_t)8 << 20, .instruction_cap = 200000});
    if (!h)
        return 0;
    script_host_load_mod(h, mod_dir, "fuzz");
    for (int l = 0; l < SCRIPT_LANG_COUNT; l++) {
        int n = script_text_count(h, (ScriptLang)l);
        const char *prev = NULL;
        for (int i = 0; i < n; i++) {
            const char *key = script_text_key_at(h, (ScriptLang)l, i);
            if (!key || (prev && strcmp(prev, key) >= 0))
                fuzz_fail("locale keys are not sorted and unique");
            if (!script_has_text(h, (ScriptLang)l, key) || !script_text(h, (ScriptLang)l, key))
                fuzz_fail("a listed key has no text");
            prev = key;
        }
        if (script_text_key_at(h, (ScriptLang)l, n) != NULL)
            fuzz_fail("a key past the end");
    }
    const char *missing = "fuzz.no.such.key";
    if (!script_has_text(h, SCRIPT_LANG_EN, missing) && !script_has_text(h, SCRIPT_LANG_ZH, missing) &&
        strcmp(script_text(h, SCRIPT_LANG_ZH, missing), missing) != 0)
        fuzz_fail("a missing key does not fall back to itself");
    script_host_destroy(h);
    return 0;
}
