/* script_api.h — the list of everything scripts can call or read, declared
 * once (like TIC-80's API list): the bindings register from it and the API
 * reference (--api-dump) is generated from it, so the two cannot drift. */
#ifndef SCRIPT_API_H
#define SCRIPT_API_H

#include <lua.h>

typedef enum ScriptApiKind { SCRIPT_API_FIELD, SCRIPT_API_METHOD, SCRIPT_API_FUNCTION } ScriptApiKind;

typedef struct ScriptApiEntry {
    const char *object;     /* "State", "Province", "National", "Effects", "gl" */
    const char *name;
    ScriptApiKind kind;
    const char *signature;  /* as a modder writes it: "fx:enact(policy_id)" */
    const char *returns;    /* Lua type(s), "" for none */
    const char *doc;        /* one or two sentences, with units */
    lua_CFunction fn;       /* getter for fields (self at 1), else the function */
} ScriptApiEntry;

/* The whole list, in documentation order. */
const ScriptApiEntry *script_api_entries(int *count);

#include "script.h"
#include <stdbool.h>
#include <stddef.h>

/* ==== Modifier tables (script_modifier.c) ==== */

/* Where a modifier table is read: a policy's `modifiers` (no months, no
 * name), fx:modifier{...} (months) or fx:modify{...} (months and a name). */
typedef enum ScriptModifierUse { SCRIPT_MODIFIER_POLICY, SCRIPT_MODIFIER_EFFECT, SCRIPT_MODIFIER_NAMED } ScriptModifierUse;

typedef struct ScriptModifierRead {
    CoreModifierDesc d;            /* d.province stays CORE_ALL_PROVINCES: the caller resolves `province` */
    char province[CORE_ID_LEN];    /* the province id given, "" for all */
    char param[CORE_ID_LEN];       /* the amount's parameter name, "" for a number */
    int months;                    /* 0: for good */
    char name[CORE_ID_LEN];        /* SCRIPT_MODIFIER_NAMED */
} ScriptModifierRead;

/* Reads the modifier table at `idx`: every field known and of its type. An
 * amount may name a parameter, looked up in `s` now (or, s NULL, kept in
 * out->param for later). False with a message ("unknown field 'provnce'
 * (did you mean 'province'?)") in err. */
bool script_read_modifier(lua_State *L, int idx, const CoreState *s, ScriptModifierUse use, ScriptModifierRead *out,
                          char *err, size_t err_cap);
/* Field `key` of the table at idx as a number of months: absent gives 0,
 * else a whole number from 1 to CORE_MAX_MONTHS. */
bool script_read_months(lua_State *L, int idx, const char *key, int *months, char *err, size_t cap);
/* The value of a parameter by name; false with "unknown parameter 'x' (did
 * you mean 'y'?)" in err. */
bool script_param_value(const CoreState *s, const char *name, double *out, char *err, size_t cap);

/* Messages about unknown names, with the nearest known one. A province may
 * also be named in English or Chinese ("Tibet" is 'xizang'); h may be NULL. */
void script_unknown_lever(const char *name, char *err, size_t cap);
void script_unknown_var(const char *name, char *err, size_t cap);
void script_unknown_province(const ScriptHost *h, const CoreState *s, const char *name, char *err, size_t cap);
const char *const *script_lever_names(int *count);
const char *const *script_var_names(int *count);

#endif
