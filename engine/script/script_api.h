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

/* Reads a modifier table ({ lever = "yield_mult", mul = 0.9, province = "henan",
 * calendar = {7, 8}, scale = "zeal" }) at `idx`. The province id is returned
 * as text in `province_id` ("" for all provinces) for the caller to resolve;
 * out->province is left as CORE_ALL_PROVINCES. On error returns false with
 * a message in `err`. */
#include "core.h"
#include <stdbool.h>
#include <stddef.h>
/* Reads a modifier table. Its amount is a number or a parameter's name:
 * looked up in `s` now, or (s NULL) kept in `param` for later. */
bool script_read_modifier(lua_State *L, int idx, const CoreState *s, CoreModifierDesc *out, char *province_id,
                          size_t pid_cap, char *param, size_t param_cap, char *err, size_t err_cap);
/* The value of a parameter by name; false with "unknown parameter 'x' (did
 * you mean 'y'?)" in err. */
bool script_param_value(const CoreState *s, const char *name, double *out, char *err, size_t cap);

#endif
