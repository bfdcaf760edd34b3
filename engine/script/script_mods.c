/* script_mods.c — the order mods load in: every mod after the mods it
 * depends on (the base game first of all; an optional dependency only if it
 * is there), and otherwise in the player's order or by id, so that the order
 * never depends on where the folders are or how they were listed. A missing
 * dependency, one of the wrong version, an incompatible mod that is there, a
 * cycle or two mods with one id is an error that names the mods, versions
 * and files involved. */
#include "script_internal.h"

#include <stdio.h>
#include <string.h>

static int find(const ScriptManifest *m, int n, const char *id)
{
    for (int i = 0; i < n; i++)
        if (strcmp(m[i].id, id) == 0)
            return i;
    return -1;
}

/* Whether mod i loads after mod k: it needs k (required, or optional and
 * there); every mod needs the base game. */
static bool depends_on(const ScriptManifest *m, int i, int k)
{
    if (i == k)
        return false;
    if (strcmp(m[k].id, "base") == 0 && strcmp(m[i].id, "base") != 0)
        return true;
    for (int d = 0; d < m[i].dependency_count; d++)
        if (m[i].dependencies[d].kind != SCRIPT_DEP_INCOMPATIBLE && strcmp(m[i].dependencies[d].id, m[k].id) == 0)
            return true;
    return false;
}

static const char *file_of(const ScriptManifest *m) { return m->file[0] ? m->file : m->id; }

/* " >= 1.2 < 2" for the messages. */
static void terms_text(const ScriptDependency *d, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    for (int t = 0; t < d->term_count && used < cap; t++)
        used += (size_t)snprintf(out + used, cap - used, " %s %s", d->op[t], d->version[t]);
}

bool script_mod_can_load(const ScriptManifest *m, int n, int i, const bool *present, char *why, size_t cap)
{
    for (int d = 0; d < m[i].dependency_count; d++) {
        const ScriptDependency *dep = &m[i].dependencies[d];
        int k = find(m, n, dep->id);
        bool there = k >= 0 && k != i && (!present || present[k]);
        char terms[80];
        terms_text(dep, terms, sizeof terms);
        if (dep->kind == SCRIPT_DEP_INCOMPATIBLE && there) {
            snprintf(why, cap, "mod '%s' cannot run beside mod '%s' (its dependencies say \"! %s\"): disable one of them",
                     m[i].id, dep->id, dep->id);
            return false;
        }
        if (dep->kind == SCRIPT_DEP_REQUIRED && !there) {
            snprintf(why, cap, "mod '%s' needs mod '%s'%s, which is not loaded (install it or give its folder with --mods)",
                     m[i].id, dep->id, terms);
            return false;
        }
        if (dep->kind != SCRIPT_DEP_INCOMPATIBLE && there && !script_version_fits(dep, m[k].version)) {
            snprintf(why, cap, "mod '%s' needs mod '%s'%s; version %s is loaded (%s)", m[i].id, dep->id, terms,
                     m[k].version, file_of(&m[k]));
            return false;
        }
    }
    return true;
}

/* Describes a cycle among the mods not placed yet: "a -> b -> a". */
static void report_cycle(const ScriptManifest *m, int n, const bool *placed, ScriptProblemFn problem, void *user)
{
    int start = -1;
    for (int i = 0; i < n; i++)
        if (!placed[i] && (start < 0 || strcmp(m[i].id, m[start].id) < 0))
            start = i;
    /* Walk unplaced dependencies until a mod repeats: that is the loop. */
    int path[SCRIPT_MAX_MODS + 1], len = 0, at = start;
    bool seen[SCRIPT_MAX_MODS] = {false};
    while (at >= 0 && !seen[at] && len < SCRIPT_MAX_MODS) {
        seen[at] = true;
        path[len++] = at;
        int next = -1;
        for (int k = 0; k < n && next < 0; k++)
            if (!placed[k] && depends_on(m, at, k))
                next = k;
        at = next;
    }
    int first = 0;
    while (first < len && path[first] != at)
        first++;
    char text[600] = "";
    size_t used = 0;
    for (int i = first; i < len && used < sizeof text; i++)
        used += (size_t)snprintf(text + used, sizeof text - used, "%s -> ", m[path[i]].id);
    if (at >= 0 && used < sizeof text)
        snprintf(text + used, sizeof text - used, "%s", m[at].id);
    int who = at >= 0 ? at : start;
    char msg[800];
    snprintf(msg, sizeof msg, "mods depend on each other in a cycle: %s", text);
    problem(file_of(&m[who]), m[who].dependencies_line, msg, user);
}

bool script_mods_order_ranked(const ScriptManifest *m, int n, const int *rank, int *order, ScriptProblemFn problem,
                              void *user)
{
    bool ok = n <= SCRIPT_MAX_MODS;
    char msg[1200];
    if (!ok) {
        snprintf(msg, sizeof msg, "too many mods (at most %d)", SCRIPT_MAX_MODS);
        problem(file_of(&m[SCRIPT_MAX_MODS]), 1, msg, user);
        return false;
    }
    for (int i = 0; i < n; i++) {
        int first = find(m, i, m[i].id);
        if (first >= 0) {
            snprintf(msg, sizeof msg, "mod id '%s' is already used by %s: two mods cannot share an id", m[i].id,
                     file_of(&m[first]));
            problem(file_of(&m[i]), m[i].id_line, msg, user);
            ok = false;
        }
        if (!script_mod_can_load(m, n, i, NULL, msg, sizeof msg)) {
            problem(file_of(&m[i]), m[i].dependencies_line, msg, user);
            ok = false;
        }
    }
    if (!ok)
        return false;
    bool placed[SCRIPT_MAX_MODS] = {false};
    for (int slot = 0; slot < n; slot++) {
        int pick = -1;
        for (int i = 0; i < n; i++) {
            if (placed[i])
                continue;
            bool ready = true;
            for (int k = 0; k < n && ready; k++)
                ready = placed[k] || !depends_on(m, i, k);
            if (!ready)
                continue;
            bool before = pick < 0 || (rank ? rank[i] < rank[pick] || (rank[i] == rank[pick] &&
                                                                         strcmp(m[i].id, m[pick].id) < 0)
                                            : strcmp(m[i].id, m[pick].id) < 0);
            if (before)
                pick = i;
        }
        if (pick < 0) {
            report_cycle(m, n, placed, problem, user);
            return false;
        }
        placed[pick] = true;
        order[slot] = pick;
    }
    return true;
}

bool script_mods_order(const ScriptManifest *m, int n, int *order, ScriptProblemFn problem, void *user)
{
    return script_mods_order_ranked(m, n, NULL, order, problem, user);
}
