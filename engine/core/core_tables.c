/* core_tables.c — the name tables generated from the X-macro lists in core.h:
 * parameters, levers and adjustable variables. Scripts, data files and the API
 * documentation all look names up here. */
#include "core.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

static const CoreParamInfo param_table[CORE_PARAM_COUNT] = {
#define ROW(name, unit, doc) {#name, unit, doc},
    CORE_PARAM_LIST(ROW)
#undef ROW
};

static const CoreLeverInfo lever_table[CORE_LEVER_COUNT] = {
#define ROW(name, scope, base, lo, hi, unit, doc) {#name, CORE_SCOPE_##scope, base, lo, hi, unit, doc},
    CORE_LEVER_LIST(ROW)
#undef ROW
};

static const CoreVarInfo var_table[CORE_VAR_COUNT] = {
#define ROW(name, scope, unit, doc) {#name, CORE_SCOPE_##scope, unit, doc},
    CORE_VAR_LIST(ROW)
#undef ROW
};

const CoreParamInfo *core_param_info(CoreParam p)
{
    return (unsigned)p < CORE_PARAM_COUNT ? &param_table[p] : NULL;
}

/* The parameters by name, sorted once a process (a data file's every row
 * and every mod's parameters look a name up: a scan was a tenth of making a
 * game). */
static CoreParam by_name[CORE_PARAM_COUNT];
static atomic_int by_name_state; /* 0: not sorted, 1: being sorted, 2: sorted */

static int param_name_cmp(const void *a, const void *b)
{
    return strcmp(param_table[*(const CoreParam *)a].name, param_table[*(const CoreParam *)b].name);
}

/* Sorts by_name the first time; a thread that comes meanwhile waits. */
static void sort_by_name(void)
{
    if (atomic_load_explicit(&by_name_state, memory_order_acquire) == 2)
        return;
    int expected = 0;
    if (atomic_compare_exchange_strong_explicit(&by_name_state, &expected, 1, memory_order_acquire,
                                                memory_order_acquire)) {
        for (int i = 0; i < CORE_PARAM_COUNT; i++)
            by_name[i] = (CoreParam)i;
        qsort(by_name, CORE_PARAM_COUNT, sizeof *by_name, param_name_cmp);
        atomic_store_explicit(&by_name_state, 2, memory_order_release);
    }
    while (atomic_load_explicit(&by_name_state, memory_order_acquire) != 2)
        ;
}

CoreParam core_param_find(const char *name)
{
    sort_by_name();
    int lo = 0, hi = CORE_PARAM_COUNT;
    while (lo < hi) {
        int mid = (lo + hi) / 2, c = strcmp(param_table[by_name[mid]].name, name);
        if (c == 0)
            return by_name[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return CORE_PARAM_COUNT;
}

bool core_param_lookup(const CoreState *s, const char *name, double *out)
{
    CoreParam p = core_param_find(name);
    if (p != CORE_PARAM_COUNT) {
        *out = s->params[p];
        return true;
    }
    for (int i = 0; i < s->extra_param_count; i++)
        if (strcmp(s->extra_params[i].name, name) == 0) {
            *out = s->extra_params[i].value;
            return true;
        }
    return false;
}

const CoreLeverInfo *core_lever_info(CoreLever l)
{
    return (unsigned)l < CORE_LEVER_COUNT ? &lever_table[l] : NULL;
}

CoreLever core_lever_find(const char *name)
{
    for (int i = 0; i < CORE_LEVER_COUNT; i++) /* the first byte before a call: a fire of a mod's event looks up its levers */
        if (lever_table[i].name[0] == name[0] && strcmp(lever_table[i].name, name) == 0)
            return (CoreLever)i;
    return CORE_LEVER_COUNT;
}

const CoreVarInfo *core_var_info(CoreVar v)
{
    return (unsigned)v < CORE_VAR_COUNT ? &var_table[v] : NULL;
}

CoreVar core_var_find(const char *name)
{
    for (int i = 0; i < CORE_VAR_COUNT; i++)
        if (var_table[i].name[0] == name[0] && strcmp(var_table[i].name, name) == 0)
            return (CoreVar)i;
    return CORE_VAR_COUNT;
}
