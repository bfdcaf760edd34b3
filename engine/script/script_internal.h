/* script_internal.h — the host's structures, shared by the script module's
 * files. Not for other modules. */
#ifndef SCRIPT_INTERNAL_H
#define SCRIPT_INTERNAL_H

#include "script.h"
#include "script_pool.h"

#include <lauxlib.h>
#include <lua.h>

#if LUA_VERSION_NUM != 504
#error "The sandbox was checked against Lua 5.4: re-check the whitelist in script_sandbox.c for this version."
#endif

#define SCRIPT_MAX_POLICIES CORE_MAX_POLICIES
#define SCRIPT_MAX_SCENARIOS 16
#define SCRIPT_MAX_NOTICES 64
#define SCRIPT_MAX_CALL_DEPTH 8  /* script_call inside script_call (the test runner) */
#define SCRIPT_CONTEXT_LEN 128   /* a call's context in words (ScriptError.context) */

/* The kinds of userdata scripts are handed: views (script_views.c) and fx
 * (script_bind_effects.c). */
enum { SCRIPT_VIEW_STATE, SCRIPT_VIEW_NATIONAL, SCRIPT_VIEW_PROVINCE, SCRIPT_VIEW_EFFECTS, SCRIPT_VIEW_KINDS };

/* Memory accounting for one mod's Lua state (the allocator's userdata). */
typedef struct ScriptMem {
    size_t used, cap, peak;
    long allocs;             /* allocations so far */
    long fail_after;         /* tests: fail allocation number N; 0 = never */
    bool in_call;            /* inside a protected call: the cap is strict */
    struct ScriptHost *host; /* growth inside a call is charged to its budget */
    long refused;            /* growths refused (cap or budget), for reports */
    bool refused_total;      /* a growth was refused by the cap on all mods together */
    ScriptPool pool;         /* the state's small blocks (script_pool.c) */
    /* The addresses of the kinds' metatables in this state: a view or an fx
     * is told by its metatable's address, with no look-up in the registry
     * (twice in every event that fires: fx:modifier, fx:adjust...). */
    const void *mt[SCRIPT_VIEW_KINDS];
} ScriptMem;

/* The ScriptMem of a mod's state (the allocator's userdata). */
static inline ScriptMem *script_mem_of(lua_State *L)
{
    void *ud;
    lua_getallocf(L, &ud);
    return ud;
}

/* Whether the value at idx has the metatable of `kind` (SCRIPT_VIEW_*). */
static inline bool script_has_mt(lua_State *L, int idx, int kind)
{
    if (!lua_getmetatable(L, idx))
        return false;
    bool same = lua_topointer(L, -1) == script_mem_of(L)->mt[kind];
    lua_pop(L, 1);
    return same;
}

typedef struct ScriptMod {
    char id[CORE_ID_LEN];
    char version[16];
    char dir[1024];          /* absolute or as given */
    char display_dir[256];   /* shown in messages: "scripts" or "mods/foo" */
    lua_State *L;
    ScriptMem mem;
    bool disabled;
    ScriptManifest manifest;  /* what mod.lua declares (script_content.c) */
    int migration_level;      /* number of the last migrations/NNN_*.lua */
    /* What the mod costs (script_call.c): wall time and instructions spent
     * in its calls (a nested call counts for itself only), calls made, and
     * how often it hit a limit; at SCRIPT_MAX_STRIKES it is disabled. */
    double time_ms;
    uint64_t calls, instructions;
    /* The coroutine each nesting depth of script_call runs in, kept from
     * call to call (NULL: made at the next call), and its registry ref. */
    lua_State *threads[SCRIPT_MAX_CALL_DEPTH];
    int thread_refs[SCRIPT_MAX_CALL_DEPTH];
    int strikes;
    size_t source_bytes;      /* Lua text loaded so far (capped) */
    size_t locale_bytes;      /* locale text copied out of the state (capped) */
    int locale_keys;
    double setting_values[SCRIPT_MAX_SETTINGS]; /* by manifest.settings index (script_settings.c) */
    unsigned hooks;           /* 1 << ScriptHook: the hooks its files define */
    bool has_exports;         /* its exports.lua returned a table (script_exports.c) */
    unsigned hooks_off;       /* hooks off for the session after an error */
    bool memo_made;           /* its state has memo views (script_views_release) */
    struct PlatFolder *folder; /* `dir`, kept open for its files (NULL: could not) */
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
    /* Each option's effects and `when` functions: registry refs in the
     * state of the mod that gave them (the event's, or a patch's), or
     * LUA_NOREF. */
    int fx_mod[SCRIPT_MAX_OPTIONS], fx_ref[SCRIPT_MAX_OPTIONS];
    int when_mod[SCRIPT_MAX_OPTIONS], when_ref[SCRIPT_MAX_OPTIONS];
} ScriptEvent;

typedef struct ScriptScenarioDef {
    ScriptScenario sc;
    char start_text[8];
    char timeline_dates[SCRIPT_MAX_TIMELINE][8];
    int mod;
    int ref;
    char file[256];          /* where it is declared, for messages */
    int timeline_line[SCRIPT_MAX_TIMELINE];       /* lines of the history entries */
    int choice_line[SCRIPT_MAX_SCENARIO_CHOICES]; /* lines of the events = {...} entries */
} ScriptScenarioDef;

/* Locale strings of one language: keys and values, kept sorted by key. */
typedef struct ScriptLocale {
    int count, cap;
    char **keys, **values;    /* sorted by key */
    const char **files;       /* the file each key came from, one of file_names */
    char **file_names;        /* each file's name once (script_locale_add) */
    int file_count, file_cap;
    /* One block a file for the keys and texts script_locale_add_new copies
     * (a key or text inside one is not freed by itself). */
    struct ScriptLocaleBlock {
        char *base;
        size_t size;
    } *blocks;
    int block_count, block_cap;
} ScriptLocale;

/* An event fired for a later month (fx:fire), script_chains.c. */
#define SCRIPT_MAX_CHAINS 1024
typedef struct ScriptChain {
    char event[CORE_ID_LEN];
    int32_t month;           /* the month index it fires in */
    int16_t province;        /* -1: none */
    int16_t mod;             /* the mod that fired it: its save keeps it */
} ScriptChain;

#define SCRIPT_EVENT_SLOTS 32768 /* a power of two, at least twice SCRIPT_MAX_EVENTS */
_Static_assert(SCRIPT_EVENT_SLOTS >= 2 * SCRIPT_MAX_EVENTS && SCRIPT_MAX_EVENTS < 65535, "the events' index");

struct ScriptHost {
    ScriptHostDesc desc;
    size_t mem_total;        /* bytes of every mod's state together (script_sandbox.c) */
    int mod_count;
    ScriptMod mods[SCRIPT_MAX_MODS];
    int policy_count;
    ScriptPolicy policies[SCRIPT_MAX_POLICIES];
    int event_count;
    ScriptEvent events[SCRIPT_MAX_EVENTS];
    /* The events by id (script_event_find): open addressing, the value an
     * event's place + 1, 0 for an empty slot; at most half full. */
    uint16_t event_index[SCRIPT_EVENT_SLOTS];
    int scenario_count;
    ScriptScenarioDef scenarios[SCRIPT_MAX_SCENARIOS];
    ScriptLocale locale[SCRIPT_LANG_COUNT];
    int chain_count;
    ScriptChain chains[SCRIPT_MAX_CHAINS];
    int work_count;
    ScriptWork works[SCRIPT_MAX_WORKS];
    int map_mode_count;
    ScriptMapMode map_modes[SCRIPT_MAX_MAP_MODES];
    int map_mode_mod[SCRIPT_MAX_MAP_MODES], map_mode_ref[SCRIPT_MAX_MAP_MODES];
    /* The state scripts may look at, valid only during a call. */
    CoreState *state;
    uint32_t generation;     /* bumped after each call: views kept past it go stale */
    /* Views read many times while the state cannot change keep what they
     * read (script_views.c, memo views): set for the month's search
     * for due events; memo_live once some mod has such views. */
    bool memo_views, memo_live;
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
    /* Limits of the current call (script_budget.c). */
    bool budget_active;      /* a budgeted frame is running: charges apply */
    int limit_hit;           /* SCRIPT_LIMIT_* that stopped the current frame */
    char limit_file[256];    /* where the script was when it hit the limit */
    int limit_line;
    bool limit_late;         /* the time limit was found only when the call returned */
    double frame_start_ms;   /* when the current frame began, at the latest (time limit) */
    double clock_ms;         /* the clock's last reading (script_budget.c, "Clock") */
    int clock_calls;         /* calls returned since then */
    int64_t parts_spent;     /* instructions of the parts before the current one (script_call_next_part) */
    void *trigger_batch;     /* the month's triggers being run (script_events.c), else NULL */
    void *choose_run;        /* the fires being run (script_choose.c), else NULL */
    /* Lazy budget (script_budget.c): the call running without the count hook
     * until the alarm sets it, and the alarm (made on first use). */
    lua_State *volatile lazy_thread;
    struct PlatAlarm *alarm;
    bool no_alarm;           /* none could be made: every call counts from its start */
    double child_ms;         /* time of the timed frames (other mods' exports) nested in the current one */
    int64_t child_charged;   /* instructions of other mods' exports charged to the current frame */
    struct ScriptMod *frame_mod; /* the mod of the innermost timed frame (script_budget.c, script_frame_begin) */
    int close_depth;         /* nesting of coroutine.close (script_limits.c) */
    int print_lines;         /* print() lines left in the current outermost call */
    bool no_strikes;         /* script_eval: limits hit do not count against the mod */
    /* While set, a failing call writes its error here instead of the error
     * list and on_error (script_explain.c: a clause that fails is part of
     * the explanation, not a fault of the mod). */
    ScriptError *quiet;
};

/* Which limit stopped a call. */
enum { SCRIPT_LIMIT_NONE, SCRIPT_LIMIT_INSTRUCTIONS, SCRIPT_LIMIT_TIME };
/* All mods' memory together (ScriptHostDesc.total_mem_cap_bytes = 0). */
#define SCRIPT_DEFAULT_TOTAL_MEM ((size_t)256 << 20)
/* A mod that hits its limits this many times is disabled for the session. */
#define SCRIPT_MAX_STRIKES 3
/* Lua text one mod may load in all (files, require, load()). */
#define SCRIPT_MAX_MOD_SOURCE_BYTES ((size_t)32 << 20)
/* Locale text is copied out of the capped Lua state into the host, so it
 * has caps of its own (the base game: 882 keys, 70 KB, values up to 503 bytes). */
#define SCRIPT_MAX_LOCALE_KEY 128
#define SCRIPT_MAX_LOCALE_TEXT ((size_t)16 << 10)
#define SCRIPT_MAX_LOCALE_BYTES ((size_t)4 << 20)
#define SCRIPT_MAX_LOCALE_KEYS 10000 /* a sorted insert each: quadratic */

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
/* luaL_loadbufferx(L, src, len, name, "t"), from the process's compiled
 * copy when this text was compiled under this name before (script_chunks.c). */
int script_chunk_load(lua_State *L, const char *src, size_t len, const char *name);
/* Pushes one of the engine's own loops (the month's triggers, its fires),
 * compiled once per mod state and kept in the registry at `key`. Raises
 * only when out of memory (the caller is protected). */
void script_push_engine_loop(lua_State *L, const void *key, const char *src, size_t len, const char *name);
ScriptHost *script_host_of(lua_State *L);
int script_mod_index_of(lua_State *L);
/* Pops the value on top and makes it a global of every file environment
 * created from now on (require, storage). */
void script_sandbox_set_global(lua_State *L, const char *name);

/* ==== script_call.c ==== */
/* The one road into Lua: calls the function below `nargs` arguments on the
 * stack with a traceback handler and the instruction budget. On error,
 * reports it (mod, context) and returns false with nothing left on the stack;
 * on success leaves `nresults` results. */
bool script_call(ScriptHost *h, int mod, int nargs, int nresults, const char *context);
/* What a call is for, in parts, put into words only if it fails: `what`
 * alone ("on_reload"), or "what id: part[ detail][ index]" ("event x:
 * trigger", "event x: option y", "event x: MTTH modifier 2"). */
typedef struct ScriptContext {
    const char *what, *id, *part, *detail;
    int index;               /* > 0: written after the part */
} ScriptContext;
/* script_call with the context in parts (the monthly calls build no text). */
bool script_call_in(ScriptHost *h, int mod, int nargs, int nresults, const ScriptContext *context);
/* A call's context in words, as a failing call reports it. */
void script_context_text(const ScriptContext *c, char *buf, size_t cap);
/* Loads Lua text as `chunk_name` ("@file" or "=name") in a fresh environment
 * of mod `mod` and runs it, leaving `nresults` results on success. Syntax and
 * runtime errors are reported (with `context`) and give false. Call it from a
 * protected body. */
bool script_run_chunk(ScriptHost *h, int mod, const char *src, size_t len, const char *chunk_name, int nresults,
                      const char *context);
/* The same, and leaves the chunk's environment below the results, so that
 * the caller can look up the globals the file defined (on_reload). */
bool script_run_chunk_env(ScriptHost *h, int mod, const char *src, size_t len, const char *chunk_name, int nresults,
                          const char *context);
/* Runs fn(L) with `ud` as its light-userdata argument inside lua_pcall (as
 * lua.c runs pmain), so that a memory error raised by the host's own Lua API
 * calls is reported, not a panic. fn must hold no malloc'd memory across API
 * calls. Returns false (reported with `context`) if fn raised an error. */
bool script_protected(ScriptHost *h, int mod, lua_CFunction fn, void *ud, const char *context);
/* ==== script_budget.c ==== */
#define SCRIPT_HOOK_STEP 1000 /* instructions between the budget's checks */
/* A budgeted frame: a script_call, or a protected C body (whose Lua API
 * calls can run script metamethods). Frames nest; each has its own budget
 * and start, and the caller's are put back afterwards. */
typedef struct ScriptFrame {
    int64_t budget_left;
    bool active;
    int limit_hit, limit_line;
    bool limit_late;
    char limit_file[256];    /* saved only when limit_hit is set */
    double start_ms, child_ms;
    int64_t child_charged;
    ScriptMod *mod;          /* the caller's timed mod (h->frame_mod) */
    bool timed;              /* this frame reads the clock (see script_frame_begin) */
} ScriptFrame;
/* The instruction budget of a call, and its time limit. */
int64_t script_budget_cap(const ScriptHost *h);
double script_time_limit_ms(const ScriptHost *h);
/* The count hook: every SCRIPT_HOOK_STEP instructions, the budget and the
 * clock; a limit hit stops the thread (a yield, or the limit error). */
void script_budget_hook(lua_State *L, lua_Debug *ar);
/* Reads the wall clock into h->clock_ms (and starts counting calls since). */
double script_clock_read(ScriptHost *h);
/* A frame of the engine's own loops (left out of tracebacks and places). */
bool script_engine_frame(const lua_Debug *ar);
/* Begins a frame of mod m (NULL: not counted for a mod) with `budget`
 * instructions, saving the caller's; script_frame_end puts it back and
 * gives the instructions the frame used. */
void script_frame_begin(ScriptHost *h, ScriptFrame *saved, int64_t budget, ScriptMod *m);
void script_frame_end(ScriptHost *h, ScriptMod *m, const ScriptFrame *saved, int64_t budget, uint64_t *used);
/* Whether the call about to run on co may start without the count hook
 * ("Lazy budget"); if so the alarm is armed, and script_lazy_end must
 * follow the call. */
bool script_lazy_begin(ScriptHost *h, lua_State *co);
void script_lazy_end(ScriptHost *h);
/* Charges `units` (about one VM instruction each) of work done in C, such
 * as pattern matching, to the current call's budget; raises the limit error
 * when it runs out. Does nothing outside a budgeted call. */
void script_charge(lua_State *L, int64_t units);
/* Sets the budget's count hook on a thread a script made (script_sandbox.c:
 * a script's coroutines count from their start, in every call). */
void script_hook_thread(lua_State *t);
/* Whether the count hook stopped thread `co` with the limit error. Lua
 * leaves hooks off on such a thread, so its pending __close handlers must
 * never run (they would run without any limit). */
bool script_thread_stopped(lua_State *co);
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

/* ==== script_limits.c ==== */
/* Replaces, in the state's real library tables, the functions whose work
 * in C is not bounded by the instruction count hook (patterns, string.rep,
 * the table functions that loop, coroutine.close) with versions that charge
 * their work to the budget. Call before the environments are built. */
void script_limits_open(lua_State *L);

/* ==== script_pattern.c ==== */
/* string.find, match, gmatch and gsub on a matcher that charges its steps. */
int script_l_find(lua_State *L);
int script_l_match(lua_State *L);
int script_l_gmatch(lua_State *L);
int script_l_gsub(lua_State *L);

/* ==== script_exports.c ==== */
/* Keeps the table exports.lua returned (at t). Call protected. */
void script_exports_keep(lua_State *L, int t);
/* Installs `import` for the mod's files. Call protected. */
void script_exports_open(lua_State *L);

/* ==== script_bind_*.c ==== */
/* The views that cross between mods: which kind a userdata is (false if
 * none, or a view past its call), and a new one of that kind. */
bool script_view_read(lua_State *L, int idx, int *kind, int *province);
void script_view_push(lua_State *L, int kind, int province);
void script_bind_open(lua_State *L);                 /* registers metatables and the `gl` table */
void script_effects_register(lua_State *L);          /* the `fx` metatable (script_bind_effects.c) */
bool script_effects_read(lua_State *L, int idx, int *kind, int *province); /* script_view_read's for `fx` */
void script_push_state_view(lua_State *L);           /* the `s` argument of triggers and effects */
void script_push_province_view(lua_State *L, int province);
/* Pushes the views of this generation as a table: [1] the state, [3 + p]
 * province p, for every province (the trigger loop, script_events.c, hands it to Lua). */
void script_push_views(lua_State *L, int province_count);
/* Gives every mod's memo views their plain metatable back (at the end of
 * the search for due events, before the generation changes): kept past
 * it, they raise. */
void script_views_release(ScriptHost *h);
/* script_call_in, a call over its time reported where the function at
 * index `where` of the mod's stack is defined (0: the function called). */
bool script_call_where(ScriptHost *h, int mod, int nargs, int nresults, const ScriptContext *context, int where);
/* script_call_where's `where` for a call made of parts (the month's
 * triggers of one mod, script_events.c): the function the current part
 * runs, as script_call_next_part was last told. */
#define SCRIPT_WHERE_PART (-1)
/* The same, for a call long enough that it starts without counting its
 * instructions until it runs long (script_budget.c, "Lazy budget"). */
#define SCRIPT_WHERE_PARTS_LAZY (-2)
/* Inside a call: what follows is a new part, with the budget (instructions
 * and time) of a call of its own; `fn` (an index on L) is the function it
 * runs, for a time overrun found only when the call returns. */
void script_call_next_part(lua_State *L, int fn);
/* The chunk name of the trigger loop (script_events.c): left out of tracebacks. */
#define TRIGGER_LOOP_CHUNK "=(each province)"
/* The chunk name of the loop of a month's fires (script_choose.c): left out too. */
#define CHOOSE_LOOP_CHUNK "=(each choice)"
void script_push_effects(lua_State *L);              /* the `fx` argument of effects */

/* ==== script_locale.c ==== */
bool script_locale_set(ScriptLocale *loc, const char *key, const char *value);
void script_locale_free(ScriptLocale *loc);

/* ==== script_content.c ==== */
/* Month index of "YYYY-MM" relative to a start; false if malformed. */
bool script_parse_date(const char *text, int *year, int *month);

/* ==== script_locale.c (additions) ==== */
/* Sets a key and remembers the file it came from. */
bool script_locale_add(ScriptLocale *loc, const char *key, const char *value, const char *file);
typedef struct ScriptLocaleEntry {
    const char *key, *value;
    size_t key_len, value_len;
} ScriptLocaleEntry;
/* Adds a file's keys (n, none twice, no zero byte in a key), copied into
 * one block, with one merge (a file's keys one at a time would move the
 * arrays for each). A key the locale has already is left as it is and
 * handed to `known` with the file that has it. Returns how many were, -1
 * if out of memory (then nothing is added). */
int script_locale_add_new(ScriptLocale *loc, const ScriptLocaleEntry *add, int n, const char *file,
                          void (*known)(void *ctx, const char *key, const char *earlier_file), void *ctx);
/* The value of a key, or NULL; and the file that set it ("" if unknown). */
const char *script_locale_get(const ScriptLocale *loc, const char *key);
const char *script_locale_file(const ScriptLocale *loc, const char *key);

/* A Lua file handed to a protected body through script_protected's `ud`
 * (syntax checks, migrations). */
typedef struct ScriptFileJob {
    ScriptHost *h;
    int mod;
    const char *src, *display;
    size_t len;
    bool ok;
} ScriptFileJob;

/* ==== script_content.c ==== */
/* Files event `i` (a new one, at the end) under its id for script_event_find. */
void script_event_index_add(ScriptHost *h, int i);

/* ==== script_events.c (for script_choose.c) ==== */
/* Turns an event off for the session after an error, and says so. */
void script_event_disable(ScriptHost *h, ScriptEvent *e);

/* ==== script_events.c (for script_explain.c) ==== */
/* This month's roll for an event on a province (-1 national), uniform in
 * [0, 1): with a mean time to happen, the event fires if it is under
 * 1 - exp(-1 / mtth). */
double script_event_roll(const CoreState *s, const char *id, int province);
/* An event's mean time to happen now, after the modifiers whose `when`
 * holds. Call protected, inside script_begin; false if a modifier fails. */
bool script_event_mtth(ScriptHost *h, int event, int province, double *mtth);

/* ==== script_settings.c ==== */
/* Installs the read-only `settings` global of the mod's files. Call protected. */
void script_settings_open(lua_State *L);
/* Every setting of the mod at its default. */
void script_settings_defaults(ScriptMod *m);

/* ==== script_chains.c ==== */
/* Appends what the save keeps of mod `mod` besides its storage (chained
 * events, settings) to a storage blob; false if out of memory. */
bool script_meta_append(const ScriptHost *h, int mod, char **blob, size_t *len);
/* Puts back such a section (the bytes after the storage; may be empty):
 * the mod's chained events are the save's, its settings the save's. */
void script_meta_apply(ScriptHost *h, int mod, const char *text, size_t len);

/* ==== script_events.c (for script_chains.c) ==== */
/* Whether event e's trigger holds (true if it has none); *ok false if it
 * failed. Call protected, inside script_begin. */
bool script_event_trigger_holds(ScriptHost *h, ScriptEvent *e, int province, bool *ok);
/* Sets due->unavailable (script_due_options), inside script_begin. */
void script_event_offered(ScriptHost *h, CoreState *s, ScriptDue *due);

/* ==== script_hooks.c ==== */
/* Remembers the hooks (on_month, on_reload, ...) a just loaded file's
 * environment at `env` defines as globals. Call protected. */
void script_hooks_keep(lua_State *L, int env);

/* ==== script_require.c ==== */
/* Installs `require(name)` for mod files: loads name.lua (dots become
 * folders) from the mod's own folder, once per mod. Call protected. */
void script_require_open(lua_State *L);

/* ==== script_storage.c ==== */
/* Creates the mod's `storage` table and makes it a global of its files.
 * Call protected. */
void script_storage_open(lua_State *L);
/* Pushes the mod's storage table. */
void script_storage_push(lua_State *L);
/* Checks the names of migrations/NNN_name.lua (reporting bad ones) and
 * returns the highest NNN, 0 if there are none. */
int script_migrations_scan(ScriptHost *h, int mod);
/* Runs the mod's migrations numbered above `from` on its storage. */
bool script_storage_migrate(ScriptHost *h, int mod, int from, char *err, size_t cap);
/* A copy of the storage before a preview, and putting it back after, so
 * that previewing an option never changes what the mod keeps. An empty
 * storage gives *blob NULL. False if it cannot be copied (do not roll back). */
bool script_storage_snapshot(ScriptHost *h, int mod, char **blob, size_t *len);
void script_storage_rollback(ScriptHost *h, int mod, char *blob, size_t len);

/* " (did you mean 'x'?)" for an unknown source id, or "". */
void script_source_suggest(const ScriptHost *h, const char *id, char *out, size_t cap);
/* " (did you mean 'x'?)" for an unknown event id, or "". */
void script_event_suggest(const ScriptHost *h, const char *id, char *out, size_t cap);

/* ==== script_decl.c (additions) ==== */
/* Whether the API list declares field `name` of `object` (declarations
 * such as "Event" or "Policy" are checked against it). */
bool script_api_has_field(const char *object, const char *name);
/* The names of the fields the API list declares for `object`; returns how many (up to cap). */
int script_api_field_names(const char *object, const char **out, int cap);

#endif
