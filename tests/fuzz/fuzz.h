/* fuzz.h — the libFuzzer entry points every target in tests/fuzz defines,
 * and what the targets share: a scratch folder and writing a fuzzed mod
 * into it. The same sources build as libFuzzer programs (GL_FUZZ=ON, clang)
 * and, in every build, as replay programs that feed each file of the seed
 * corpus and of the regressions to the same entry point (fuzz_replay.c). */
#ifndef GL_FUZZ_H
#define GL_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A fresh folder under $TMPDIR (or /tmp), removed at exit. Aborts if it
 * cannot be made: a fuzzer without its folder would test nothing. */
const char *fuzz_scratch_dir(void);

/* Writes data to dir/rel, making the folders on the way. */
void fuzz_write(const char *dir, const char *rel, const void *data, size_t size);

/* Splits the input at FUZZ_SEPARATOR lines and writes part i to files[i]
 * (inside dir, after removing what an earlier input left); parts beyond
 * `count` go to the last file. Returns how many parts there were. */
#define FUZZ_SEPARATOR "\n--@@\n"
int fuzz_write_parts(const char *dir, const uint8_t *data, size_t size, const char *const *files, int count);

/* Aborts with a message: a broken invariant is a finding, like a crash. */
void fuzz_fail(const char *what);

#endif
