/* game_sources.c — the ids a mod's declarations may cite besides its own
 * works: the game's published works (assets/data/works.csv) and the research
 * notes mapped to them (assets/data/sources.csv). Read once per data folder
 * and kept for the program's life (every script host borrows them). */
#include "game.h"
#include "game_internal.h"

#include "platform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_IDS 1024

static char cached_dir[PLAT_PATH_MAX];
static char *ids_text;             /* the ids, NUL-separated */
static const char *ids[MAX_IDS];
static int id_count;

/* The first field of every row but the header and comments. */
static void read_ids(const char *data_dir, const char *rel, char **buf, size_t *used, size_t *cap)
{
    char path[PLAT_PATH_MAX];
    size_t len;
    char *text = plat_path_join(path, sizeof path, data_dir, rel) ? plat_read_file(path, 4u << 20, &len) : NULL;
    if (!text)
        return;
    bool header = true;
    for (char *line = text; line && *line;) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (line[0] != '#' && line[0] != '\0') {
            size_t n = strcspn(line, ",\r");
            if (!header && n > 0 && n < CORE_ID_LEN && id_count < MAX_IDS) {
                if (*used + n + 1 > *cap) {
                    size_t c = *cap ? *cap * 2 : 4096;
                    char *g = realloc(*buf, c);
                    if (!g)
                        break;
                    *buf = g;
                    *cap = c;
                }
                memcpy(*buf + *used, line, n);
                (*buf)[*used + n] = '\0';
                ids[id_count++] = (const char *)(uintptr_t)*used; /* an offset until the buffer stops moving */
                *used += n + 1;
            }
            header = false;
        }
        line = nl ? nl + 1 : NULL;
    }
    free(text);
}

const char *const *game_source_ids(const char *data_dir, int *count)
{
    if (!data_dir || strcmp(cached_dir, data_dir) != 0) {
        free(ids_text);
        ids_text = NULL;
        id_count = 0;
        size_t used = 0, cap = 0;
        if (data_dir) {
            read_ids(data_dir, "assets/data/works.csv", &ids_text, &used, &cap);
            read_ids(data_dir, "assets/data/sources.csv", &ids_text, &used, &cap);
        }
        for (int i = 0; i < id_count; i++)
            ids[i] = ids_text + (uintptr_t)ids[i];
        snprintf(cached_dir, sizeof cached_dir, "%s", data_dir ? data_dir : "");
    }
    *count = id_count;
    return ids;
}
