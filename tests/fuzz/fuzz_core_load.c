/* fuzz_core_load.c — the core's state parser (core_load_from_buffer), fed
 * any bytes. A buffer it accepts must save and load back to the same state
 * (the same hash), and a month must simulate from it: a state the parser
 * lets through is one the game will run. */
#include "fuzz.h"

#include "core.h"

#include <stdlib.h>

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    CoreState *s = core_load_from_buffer(data, size);
    if (!s)
        return 0;
    uint8_t *again;
    size_t len;
    if (!core_save_to_buffer(s, &again, &len))
        fuzz_fail("an accepted state cannot be saved");
    CoreState *t = core_load_from_buffer(again, len);
    if (!t || core_state_hash(t) != core_state_hash(s))
        fuzz_fail("an accepted state does not load back the same");
    free(again);
    core_state_destroy(t);
    core_tick(s, NULL, 0); /* false at the end of the history: that is fine */
    core_state_destroy(s);
    return 0;
}
