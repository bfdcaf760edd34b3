/* script_suggest.c — "did you mean": the closest of a list of names to a
 * name that is not in it, by edit distance (a typo, a missing letter, two
 * letters swapped), or one that starts the same way. Every message about
 * an unknown name (a field, a lever, a province, an event...) offers one. */
#include "script_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

int script_edit_distance(const char *a, const char *b)
{
    int la = (int)strlen(a), lb = (int)strlen(b);
    if (la > 63 || lb > 63)
        return 99;
    int d[64][64];
    for (int i = 0; i <= la; i++)
        d[i][0] = i;
    for (int j = 0; j <= lb; j++)
        d[0][j] = j;
    for (int i = 1; i <= la; i++)
        for (int j = 1; j <= lb; j++) {
            int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
            int sub = d[i - 1][j - 1] + (ca != cb);
            int del = d[i - 1][j] + 1, ins = d[i][j - 1] + 1;
            int best = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
            /* two letters swapped cost one edit (Damerau) */
            if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) && tolower((unsigned char)a[i - 2]) == cb &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[la][lb];
}

const char *script_suggest(const char *name, const char *const *names, int count)
{
    if (!name || !*name)
        return NULL;
    size_t len = strlen(name);
    /* Up to a third of the letters may be wrong, at least one, at most three. */
    int limit = (int)(len / 3);
    limit = limit < 1 ? 1 : limit > 3 ? 3 : limit;
    const char *best = NULL;
    int best_d = limit + 1;
    for (int i = 0; i < count; i++) {
        if (!names[i])
            continue;
        int d = script_edit_distance(name, names[i]);
        if (d < best_d) {
            best_d = d;
            best = names[i];
        }
    }
    if (best)
        return best;
    /* "labour" for "labour_furnaces": a name the unknown one starts, or
     * that starts it, if only one does. */
    const char *only = NULL;
    for (int i = 0; i < count; i++) {
        size_t n = names[i] ? strlen(names[i]) : 0;
        if (n >= 4 && len >= 4 && (strncmp(names[i], name, len < n ? len : n) == 0)) {
            if (only)
                return NULL;
            only = names[i];
        }
    }
    return only;
}

void script_suggest_text(char *out, size_t cap, const char *name, const char *const *names, int count)
{
    const char *s = script_suggest(name, names, count);
    if (s)
        snprintf(out, cap, " (did you mean '%s'?)", s);
    else if (cap)
        out[0] = '\0';
}
