/* game_check_internal.h — what the files of --check-mods share
 * (game_check.c, game_check_text.c): the problems found and the sample
 * game they are found on. */
#ifndef GAME_CHECK_INTERNAL_H
#define GAME_CHECK_INTERNAL_H

#include "game.h"
#include "game_internal.h"

#define SAMPLE_COUNT 4

typedef struct Problem {
    char file[512];
    int line;
    char message[700];
    bool from_source;        /* found by reading the source (a script run may find it too) */
} Problem;

typedef struct Check {
    const GameCheckDesc *d;
    Problem *items;
    int count, cap;
    bool out_of_memory;
    ScriptHost *h;                  /* the sample game's host */
    bool reading_source;            /* problems now come from reading the source */
    bool checked[SCRIPT_MAX_MODS];  /* by mod index in h */
    CoreState *samples[SAMPLE_COUNT];
    /* The mods' storage at each sample state, as a save holds it. */
    ScriptModSave storages[SAMPLE_COUNT][SCRIPT_MAX_MODS];
    int storage_count[SAMPLE_COUNT];
    /* A locale file of this language did not load: every text of it is
     * missing, and saying so key by key would bury the one real line. */
    bool locale_broken[SCRIPT_LANG_COUNT];
} Check;

/* Records a problem at file:line (a mistake once: the same message, numbers
 * aside, at the same place is dropped). */
void check_add(Check *c, const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
/* A file's text as the problems name it (malloc'd), NULL if unreadable. */
char *check_read_source(const Check *c, const char *display);
/* The line `token` is assigned on (token = ...), else where it first appears; 1 if nowhere. */
int check_line_of(const char *src, const char *token);
/* game_check_text.c: every key a checked mod's locale files define. */
void check_locale(Check *c);

#endif
