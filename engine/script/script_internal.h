/* script_internal.h — the host's structures, shared by the script module's
 * files. Not for other modules. */
#ifndef SCRIPT_INTERNAL_H
#define SCRIPT_INTERNAL_H

#include "script.h"

#include <lauxlib.h>
#include <lua.h>

#if LUA_VERSION_NUM != 504
#error "The sandbox was checked against Lua 5.4: re-check the whitelist in script_sandbox.c for this version."
#endif

#define SCRIPT_MAX_POLICIES CORE_MAX_POLICIES
#define SCRIPT_MAX_SCENARIOS 16
#define SCRIPT_MAX_NOTICES 64

/* Memory accounting for one mod's Lua state (the allocator's userdata). */
typedef struct ScriptMem {
    size_t used, cap, peak;
    long allocs;             /* allocations so far */
    long fail_after;         /* tests: fail allocation number N; 0 = never */
    bool in_call;            /* inside a protected call: the cap is strict */
} ScriptMem;

typedef struct ScriptMod {
    char id[CORE_ID_LEN];
    char version[16];
    char dir[1024];          /* absolute or as given */
    char display_dir[256];   /* shown in messages: "scripts" or "mods/foo" */
    lua_State *L;
    ScriptMem mem;
    bool disabled;
} ScriptMod;

typedef struct ScriptPolicy {
    ScriptPolicyInfo info;
    int mod;
    int ref;                 /* registry ref of the declaration table */
} ScriptPolicy;

typedef struct ScriptEvent {
    ScriptEventInfo info;
    int mod;
    int ref;                 /* registry ref of the declaration table */
    int mtth_modifier_count;
} ScriptEvent;

typedef struct ScriptScenarioDef {
    ScriptScenario sc;
    char start_text[8];
    char timeline_dates[SCRIPT_MAX_TIMELINE][8];
    int mod;
    int ref;
} ScriptScenarioDef;

/* Locale strings of one language: keys and values, kept sorted by key. */
typedef struct ScriptLocale {
    int count, cap;
    char **keys, **values;
} ScriptLocale;

struct ScriptHost {
    ScriptHostDesc desc;
    int mod_count;
    ScriptMod mods[SCRIPT_MAX_MODS];
    int policy_count;
    ScriptPolicy policies[SCRIPT_MAX_POLICIES];
    int event_count;
    ScriptEvent events[SCRIPT_MAX_EVENTS];
    int scenario_count;
    ScriptScenarioDef scenarios[SCRIPT_MAX_SCENARIOS];
    ScriptLocale locale[SCRIPT_LANG_COUNT];
    /* The state scripts may look at, valid only during a call. */
    CoreState *state;
    uint32_t generation;     /* bumped after each call: views kept past it go stale */
    /* Where effect functions queue their commands, and why. */
    ScriptCommands *out;
    char why[CORE_SOURCE_LEN];
    bool preview;
    CoreRng *rng;            /* math.random's stream during a call */
    /* Instruction budget of the current call. */
    int64_t budget_left;
    uint64_t last_instructions, calls;
    int call_depth;          /* nesting of script_call */
    double lua_ms;           /* wall time inside outermost calls (benchmarks) */
    bool budget_blown;
    int errors_total;
    ScriptError errors[SCRIPT_MAX_ERRORS];
    int notice_count;
    ScriptNotice notices[SCRIPT_MAX_NOTICES];
};

/* Copies a NUL-terminated string into a fixed buffer, truncating. */
static inline void script_copy(char *dst, size_t cap, const char *src)
{
    size_t n = 0;
    while (src && src[n] && n + 1 < cap) {
        dst[n] = src[n];
        n++;
    }
    if (cap)
        dst[n] = '\0';
}

/* ==== script_sandbox.c ==== */
/* Creates a mod's Lua state with the allocator, libraries and API. */
bool script_sandbox_open(ScriptHost *h, ScriptMod *m);
/* Pushes a new environment table for a file of mod `m` (whitelisted globals). */
void script_sandbox_push_env(lua_State *L);
/* Loads Lua text as a function with the env on top of the stack as _ENV
 * (pops the env). Refuses bytecode. Returns a lua_load status. */
int script_sandbox_load(lua_State *L, const char *code, size_t len, const char *chunk_name);
ScriptHost *script_host_of(lua_State *L);
int script_mod_index_of(lua_State *L);

/* ==== script_call.c ==== */
/* The one road into Lua: calls the function below `nargs` arguments on the
 * stack with a traceback handler and the instruction budget. On error,
 * reports it (mod, context) and returns false with nothing left on the stack;
 * on success leaves `nresults` results. */
bool script_call(ScriptHost *h, int mod, int nargs, int nresults, const char *context);
/* Loads Lua text as `chunk_name` ("@file" or "=name") in a fresh environment
 * of mod `mod` and runs it, leaving `nresults` results on success. Syntax and
 * runtime errors are reported (with `context`) and give false. Call it from a
 * protected body. */
bool script_run_chunk(ScriptHost *h, int mod, const char *src, size_t len, const char *chunk_name, int nresults,
                      const char *context);
/* Runs fn(L) with `ud` as its light-userdata argument inside lua_pcall (as
 * lua.c runs pmain), so that a memory error raised by the host's own Lua API
 * calls is reported, not a panic. fn must hold no malloc'd memory across API
 * calls. Returns false (reported with `context`) if fn raised an error. */
bool script_protected(ScriptHost *h, int mod, lua_CFunction fn, void *ud, const char *context);
/* Reports an error that did not come from a call (validation, files). */
void script_report(ScriptHost *h, int mod, const char *context, const char *file, int line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
/* Makes the state visible to scripts for the duration of a call sequence;
 * script_end puts back what was visible before (calls can nest) and makes
 * every view handed out so far stale. */
typedef struct ScriptScope {
    CoreState *state;
    ScriptCommands *out;
    char why[CORE_SOURCE_LEN];
    bool preview;
    CoreRng *rng;
} ScriptScope;
void script_begin(ScriptHost *h, ScriptScope *saved, CoreState *s, ScriptCommands *out, const char *why,
                  bool preview);
void script_end(ScriptHost *h, const ScriptScope *saved);

/* ==== script_bind_*.c ==== */
void script_bind_open(lua_State *L);                 /* registers metatables and the `gl` table */
void script_push_state_view(lua_State *L);           /* the `s` argument of triggers and effects */
void script_push_province_view(lua_State *L, int province);
void script_push_effects(lua_State *L);              /* the `fx` argument of effects */

/* ==== script_locale.c ==== */
bool script_locale_set(ScriptLocale *loc, const char *key, const char *value);
void script_locale_free(ScriptLocale *loc);

/* ==== script_content.c ==== */
/* Month index of "YYYY-MM" relative to a start; false if malformed. */
bool script_parse_date(const char *text, int *year, int *month);

#endif
