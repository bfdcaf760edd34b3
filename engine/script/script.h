/* script.h — the Lua 5.4 host: sandboxed mods, the game content they declare
 * (policies, events, scenarios, locale strings), and the protected calls
 * that run it.
 *
 * Every mod gets its own lua_State with a memory cap, a whitelist of
 * libraries and an instruction budget per call. Scripts read the simulation
 * through read-only views and change it only by queuing CoreCommands through
 * the effect functions, each tagged with the policy or event that caused it.
 * A script error never stops the game: the faulty event, policy hook or file
 * is disabled and the error is reported with mod, context, file:line and a
 * traceback.
 */
#ifndef SCRIPT_H
#define SCRIPT_H

#include "core.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SCRIPT_API_VERSION 2
#define SCRIPT_MAX_MODS 32
#define SCRIPT_MAX_EVENTS 12288         /* room for a mod of 10,000 events (bench_hooks); the host takes only the pages it uses */
#define SCRIPT_MAX_OPTIONS 6
#define SCRIPT_MAX_SOURCES_PER_ITEM 8
#define SCRIPT_MAX_TIMELINE 128
#define SCRIPT_MAX_CHOICE_PARAMS 16
#define SCRIPT_MAX_ERRORS 64
#define SCRIPT_MAX_SCENARIO_CHOICES 128

typedef struct ScriptHost ScriptHost;
/* A problem found while loading or checking mods ("file:line: message"). */
typedef void (*ScriptProblemFn)(const char *file, int line, const char *message, void *user);

/* One script failure, as shown to a modder. */
typedef struct ScriptError {
    char mod[CORE_ID_LEN];
    char mod_version[16];
    char context[96];       /* "event lushan: trigger", "loading", "policy communes: on_month" */
    char file[256];         /* as the chunk name gives it: "scripts/events/lushan.lua" */
    int line;               /* 0 if unknown */
    char message[512];
    char traceback[2048];
    bool out_of_memory, out_of_instructions;
    bool out_of_time;       /* stopped by the wall-clock safety net (ScriptHostDesc.time_limit_ms) */
} ScriptError;

typedef void (*ScriptErrorFn)(const ScriptError *err, void *user);
typedef void (*ScriptLogFn)(const char *mod, const char *message, void *user);

typedef struct ScriptHostDesc {
    size_t mem_cap_bytes;       /* per mod; 0 = 64 MiB */
    uint64_t instruction_cap;   /* per call; 0 = 20 million */
    ScriptErrorFn on_error;     /* may be NULL */
    ScriptLogFn on_log;         /* print() from scripts; may be NULL */
    void *user;
    int alloc_fail_after;       /* tests: fail the Nth allocation; 0 = never */
    /* Wall-clock limit of one call, in ms; 0 = 2000. A safety net behind the
     * instruction count for work the count cannot see (C library calls on
     * huge data); a script within its instruction budget never meets it. */
    uint32_t time_limit_ms;
    /* All mods' Lua states together, in bytes; 0 = 256 MiB. A mod that
     * would take the total past it gets an out-of-memory error, as if it
     * had met its own cap. */
    size_t total_mem_cap_bytes;
    /* The ids `sources = { ... }` may cite besides the mods' own works (the
     * game's works and research notes); none: any id is taken. Borrowed:
     * they must outlive the host. */
    const char *const *source_ids;
    int source_id_count;
} ScriptHostDesc;

ScriptHost *script_host_create(const ScriptHostDesc *desc);
void script_host_destroy(ScriptHost *h);

/* Loads a mod folder: mod.lua (optional for the base game), then
 * the .lua files of locale/, policies/, events/ and scenarios/ in name order.
 * `display_root` is stripped from paths in messages ("scripts/events/x.lua").
 * A file that fails is skipped with an error report; returns false only if
 * the mod as a whole cannot load (missing folder, bad manifest, no memory). */
bool script_host_load_mod(ScriptHost *h, const char *dir, const char *display_root);

/* ==== Did you mean ==== */

/* Edit distance of two names (letters compared without case; two swapped
 * letters count as one edit). */
int script_edit_distance(const char *a, const char *b);
/* The name of `names` closest to `name` (a typo away), or NULL if none is. */
const char *script_suggest(const char *name, const char *const *names, int count);
/* " (did you mean 'x'?)" or "", for the end of a message. */
void script_suggest_text(char *out, size_t cap, const char *name, const char *const *names, int count);

/* ==== Locale ==== */

typedef enum ScriptLang { SCRIPT_LANG_EN, SCRIPT_LANG_ZH, SCRIPT_LANG_COUNT } ScriptLang;
/* The string for `key` in `lang`, falling back to English, then to the key. */
const char *script_text(const ScriptHost *h, ScriptLang lang, const char *key);
bool script_has_text(const ScriptHost *h, ScriptLang lang, const char *key);
/* Every key of a language (for the glyph and completeness tests). */
int script_text_count(const ScriptHost *h, ScriptLang lang);
const char *script_text_key_at(const ScriptHost *h, ScriptLang lang, int i);

/* ==== Content ==== */

/* Where the policy board lists a policy (its text: category.<name>). */
#define SCRIPT_POLICY_CATEGORY_COUNT 8
extern const char *const script_policy_categories[SCRIPT_POLICY_CATEGORY_COUNT];

typedef struct ScriptPolicyInfo {
    char id[CORE_ID_LEN];
    char mod[CORE_ID_LEN];
    char category[CORE_ID_LEN];
    char name_key[96], desc_key[96];
    int modifier_count;
    CoreModifierDesc modifiers[CORE_MAX_POLICY_MODIFIERS];
    int source_count;
    char sources[SCRIPT_MAX_SOURCES_PER_ITEM][CORE_ID_LEN];
    char province_of[CORE_MAX_POLICY_MODIFIERS][CORE_ID_LEN]; /* per modifier: province id or "" */
    int modifier_line[CORE_MAX_POLICY_MODIFIERS];             /* per modifier: its line in `file` */
    char param_of[CORE_MAX_POLICY_MODIFIERS][CORE_ID_LEN];    /* per modifier: its amount's parameter or "" */
    bool has_on_month;
    bool disabled;
    char file[256];
} ScriptPolicyInfo;

typedef struct ScriptOptionInfo {
    char id[CORE_ID_LEN];
    char text_key[128];
    bool historical;
    bool has_when;              /* offered only while its `when` holds */
    int line;                   /* in the event's file (or the patch's) */
} ScriptOptionInfo;

typedef struct ScriptEventInfo {
    char id[CORE_ID_LEN];
    char mod[CORE_ID_LEN];
    char title_key[96], text_key[96];
    char picture[128];          /* mod-relative path or "" */
    bool per_province;          /* trigger and effects run once per province */
    char province[CORE_ID_LEN]; /* the province the event concerns ("" if none) */
    int date_ym;                /* earliest month as year*12+month-1 (timing by date), or -1 */
    int until_ym;               /* last month it may fire (year*12+month-1), or -1 */
    double mtth_months;         /* > 0: mean time to happen once the trigger holds */
    bool once;
    bool hidden;                /* no card, no texts: it takes its option by itself */
    bool chained;               /* fires only when an effect fires it (fx:fire) */
    int option_count;
    ScriptOptionInfo options[SCRIPT_MAX_OPTIONS];
    int default_option;
    int historical_option;      /* -1 if history took none of them */
    int source_count;
    char sources[SCRIPT_MAX_SOURCES_PER_ITEM][CORE_ID_LEN];
    bool disabled;
    char file[256];
} ScriptEventInfo;

int script_policy_count(const ScriptHost *h);
const ScriptPolicyInfo *script_policy_at(const ScriptHost *h, int i);
int script_policy_find(const ScriptHost *h, const char *id);
/* The file of an event's picture: its mod's folder joined with the
 * mod-relative path (checked at load to stay inside it). False if none. */
bool script_event_picture_path(const ScriptHost *h, const ScriptEventInfo *e, char *out, size_t cap);
int script_event_count(const ScriptHost *h);
const ScriptEventInfo *script_event_at(const ScriptHost *h, int i);
int script_event_find(const ScriptHost *h, const char *id);
int script_option_find(const ScriptEventInfo *e, const char *id);

/* Registers every loaded policy's modifiers with the core (by id). */
bool script_register_policies(ScriptHost *h, CoreState *s);

/* Commands queued by scripts during a call; the game passes them to core_tick. */
typedef struct ScriptCommands {
    CoreCommand *items;
    int count, cap;
} ScriptCommands;
void script_commands_clear(ScriptCommands *c);
void script_commands_free(ScriptCommands *c);
bool script_commands_push(ScriptCommands *c, const CoreCommand *cmd);

/* Two commands of the script layer's own travel in the same buffer, so that
 * a preview or a failed call drops them with the rest. They are
 * CORE_CMD_MODIFIER commands with negative months, which the core refuses:
 * the game takes them out before core_tick.
 *   END_MODIFIER: ends the modifiers whose source is `source`
 *                 ("modifier:NAME", fx:modify and fx:remove_modifier);
 *   FIRE:         fires event `event` (in `province`, -1 for none) in
 *                 `amount` months, for mod `policy` (fx:fire). */
#define SCRIPT_CMD_END_MODIFIER (-1)
#define SCRIPT_CMD_FIRE (-2)
static inline bool script_command_is_own(const CoreCommand *c)
{
    return c->kind == CORE_CMD_MODIFIER && c->months < 0;
}

/* ==== Works a mod cites (sources.lua) ==== */

#define SCRIPT_MAX_WORKS 128
typedef struct ScriptWork {
    char id[CORE_ID_LEN];
    char mod[CORE_ID_LEN];
    char kind[16];               /* statistics, demography, history, account or model */
    char grade[4];
    char author[160], author_zh[64];
    int year;
    char title[320], title_zh[160], title_en[240];
    char published[240];
    char rests_on[480], rests_on_zh[320];
    char file[256];
    int line;
} ScriptWork;
int script_work_count(const ScriptHost *h);
const ScriptWork *script_work_at(const ScriptHost *h, int i);
/* Whether `id` is a source a declaration may cite (see ScriptHostDesc). */
bool script_source_known(const ScriptHost *h, const char *id);

/* ==== Map modes from mods (mapmodes/NAME.lua) ==== */

#define SCRIPT_MAX_MAP_MODES 16
#define SCRIPT_MAX_PALETTE 8
typedef struct ScriptMapMode {
    char id[CORE_ID_LEN];
    char mod[CORE_ID_LEN];
    char name_key[96], unit_key[96];
    bool has_lo, has_hi;
    double lo, hi;
    char palette[CORE_ID_LEN];   /* a named palette, or "" when colours are given */
    int color_count;
    uint32_t colors[SCRIPT_MAX_PALETTE]; /* 0xRRGGBB, from lo to hi */
    bool reversed;
    int decimals;
    bool disabled;               /* its value function failed */
    char file[256];
} ScriptMapMode;
int script_map_mode_count(const ScriptHost *h);
const ScriptMapMode *script_map_mode_at(const ScriptHost *h, int i);
int script_map_mode_find(const ScriptHost *h, const char *id);
/* Runs mode i's value(s, p) for every province of s into out[province]
 * (NAN where it returns nil), in one protected call. A failure or a value
 * that is not a number or nil disables the mode (reported) and gives false. */
bool script_map_mode_values(ScriptHost *h, CoreState *s, int i, double *out, int count);

/* ==== Scenario ==== */

typedef struct ScriptTimelineEntry {
    int month;                  /* month index */
    bool enact;                 /* false = repeal */
    char policy[CORE_ID_LEN];
} ScriptTimelineEntry;

typedef struct ScriptScenario {
    char id[CORE_ID_LEN];
    char desc_key[96];          /* locale key of its description (scenario.<id>.desc) */
    int source_count;
    char sources[SCRIPT_MAX_SOURCES_PER_ITEM][CORE_ID_LEN];
    int start_year, start_month;
    /* Data files: looked for in the declaring mod's folder (`folder`), then
     * in the game's assets/data; never outside either (game_build_scenario). */
    char params_file[256], provinces_file[256];
    char folder[1024];
    int timeline_count;
    ScriptTimelineEntry timeline[SCRIPT_MAX_TIMELINE]; /* history's policy changes */
    /* events = { event_id = "option_id" }: the options this scenario's own
     * history takes (historical mode), in place of the events' historical ones. */
    int choice_count;
    char choice_event[SCRIPT_MAX_SCENARIO_CHOICES][CORE_ID_LEN];
    char choice_option[SCRIPT_MAX_SCENARIO_CHOICES][CORE_ID_LEN];
} ScriptScenario;

/* The scenario with this id ("1958"); false if none. Dates in the timeline
 * are converted to month indices from the scenario's start. */
bool script_scenario_get(const ScriptHost *h, const char *id, ScriptScenario *out);
int script_scenario_count(const ScriptHost *h);
/* The id of scenario i and the file that declares it (NULL if out of range). */
const char *script_scenario_id(const ScriptHost *h, int i);
const char *script_scenario_file(const ScriptHost *h, int i);
/* The mod that declares scenario i, and the locale key of its description. */
const char *script_scenario_mod(const ScriptHost *h, int i);
const char *script_scenario_desc_key(const ScriptHost *h, int i);
/* Checks that a scenario's history and events = {...} name policies, events
 * and options that are loaded; each problem names the scenario's file and
 * line. False if there is any (or no such scenario). */
bool script_scenario_check(const ScriptHost *h, const char *id, ScriptProblemFn problem, void *user);
/* Runs the scenario's setup(s, fx) if it has one, queuing commands. */
bool script_scenario_setup(ScriptHost *h, CoreState *s, const char *id, ScriptCommands *out);

/* ==== Running events and policies ==== */

/* A value for a text's placeholder ("{amount}"). */
#define SCRIPT_MAX_NOTICE_ARGS 6
typedef struct ScriptTextArg {
    char name[24];
    bool is_number;             /* a number, put into words in the reader's language */
    double number;
    char text[64];
} ScriptTextArg;

/* The placeholders ("{amount}") a text holds, each once, up to cap; returns how many. */
int script_text_placeholders(const char *text, char (*names)[24], int cap);
/* A text with its placeholders filled: {province} with `province` (if not
 * NULL), the others from args (numbers through `number`, in the reader's
 * language, or %g if NULL). A placeholder without a value stays as written. */
void script_text_fill(const char *tmpl, const ScriptTextArg *args, int arg_count, const char *province,
                      void (*number)(double v, char *out, size_t cap, void *user), void *user, char *out, size_t cap);

/* A message for the player produced by a script (fx:notify). */
typedef struct ScriptNotice {
    char key[96];
    int province;               /* -1 = national */
    char source[CORE_SOURCE_LEN];
    int arg_count;
    ScriptTextArg args[SCRIPT_MAX_NOTICE_ARGS];
} ScriptNotice;

/* An event that fires this month and waits for a choice. */
typedef struct ScriptDue {
    int event;
    int province;               /* for per-province events, else -1 */
    uint8_t unavailable;        /* bit i: option i is not offered (its `when` did not hold as the event fired) */
} ScriptDue;

/* Which options of a due event are offered: runs the options' `when`
 * functions on the state (a failing one counts as not offered, and is
 * reported) and sets due->unavailable. If none would be offered, the
 * default is. */
void script_due_options(ScriptHost *h, CoreState *s, ScriptDue *due);
/* Whether option i of a due event is offered. */
static inline bool script_option_offered(const ScriptDue *due, int option)
{
    return option >= 0 && option < 8 && !(due->unavailable & (1u << option));
}

/* A growable list of due events. Zero-initialise; free with
 * script_due_list_free. */
typedef struct ScriptDueList {
    ScriptDue *items;
    int count, cap;
} ScriptDueList;

/* fx:fire: takes the FIRE commands out of `cmds` into the schedule of
 * chained events (kept with each mod's storage in saves); then appends to
 * `out` (NULL: none are taken) the events whose time has come by the
 * state's month (their trigger, if they have one, holding), in the order
 * they were fired, and drops them from the schedule. Returns how many were
 * appended; out of memory, the rest stay in the schedule. */
int script_chains_due(ScriptHost *h, CoreState *s, ScriptCommands *cmds, ScriptDueList *out);
/* Events waiting in the schedule (for the console and tests). */
int script_chain_count(const ScriptHost *h);

/* Finds the events that fire at the start of the state's current month and
 * appends them to `out`. Every event is checked, however many are due. The
 * order (docs/modding.md, "When events fire"): round by round, one due
 * event of each mod that has one left, mods in load order; each mod's own
 * in declaration order, provinces in map order. Triggers run protected; a
 * failing trigger disables its event. False if the list could not grow
 * (out of memory: the events found until then are kept). */
bool script_events_due(ScriptHost *h, CoreState *s, ScriptDueList *out);
/* Appends to a due list; false when out of memory. */
bool script_due_push(ScriptDueList *l, ScriptDue due);
void script_due_list_free(ScriptDueList *l);

/* Runs an option's effects and queues its commands, plus the decision record.
 * `preview` runs them against a copy of the script RNG and records nothing
 * in the state (used to show an option's effects before it is chosen). */
bool script_event_choose(ScriptHost *h, CoreState *s, const ScriptDue *due, int option, bool preview,
                         ScriptCommands *out);
/* Takes options[i] for dues[i], i < n, in order, as script_event_choose
 * would one after another (a month's fires: run together, much faster).
 * False if some fire named no option or its effects failed. */
bool script_events_choose(ScriptHost *h, CoreState *s, const ScriptDue *dues, const int *options, int n,
                          ScriptCommands *out);

/* Runs every active policy's on_month hook, queuing commands. */
void script_policies_month(ScriptHost *h, CoreState *s, ScriptCommands *out);

/* Notices queued since the last call (the host keeps a small ring). */
int script_notices_take(ScriptHost *h, ScriptNotice *out, int cap);

/* ==== Choices files (counterfactual runs) ==== */

typedef struct ScriptChoiceOverride {
    char event[CORE_ID_LEN];
    char option[CORE_ID_LEN];
} ScriptChoiceOverride;

typedef struct ScriptChoices {
    bool historical_base;       /* true: history's options and timeline, then overrides */
    bool replace_timeline;      /* true: ignore the scenario's history timeline */
    int override_count;
    ScriptChoiceOverride overrides[SCRIPT_MAX_EVENTS];
    int timeline_count;
    ScriptTimelineEntry timeline[SCRIPT_MAX_TIMELINE];
    char timeline_dates[SCRIPT_MAX_TIMELINE][8]; /* "YYYY-MM", converted once the scenario is known */
    int param_count;            /* parameters = { name = value }: a counterfactual world (normal weather) */
    char param_name[SCRIPT_MAX_CHOICE_PARAMS][CORE_ID_LEN];
    double param_value[SCRIPT_MAX_CHOICE_PARAMS];
} ScriptChoices;

/* Loads a choices file in its own sandbox. Errors name file:line. Dates are
 * kept as text; script_choices_resolve turns them into month indices. */
bool script_choices_load(ScriptHost *h, const char *path, ScriptChoices *out, char *err, size_t err_cap);
/* Checks every event, option and policy the choices name, and converts dates. */
bool script_choices_resolve(const ScriptHost *h, ScriptChoices *c, int start_year, int start_month, char *err,
                            size_t err_cap);

/* ==== Lua test files (headless scenario tests) ====
 * A test file returns a list: { { name = "...", seed = 1, choices = "historical",
 * run = function(t) ... end }, ... }. `t` advances the game, forces choices
 * and checks values (t:expect, t:near). The game itself is driven through
 * these callbacks, so this layer does not depend on the game layer. */
typedef struct ScriptTestOps {
    bool (*advance_to)(void *ctx, int year, int month, char *err, size_t cap);
    bool (*force_choice)(void *ctx, const char *event, const char *option, char *err, size_t cap);
    bool (*set_policy)(void *ctx, const char *policy, bool enact, char *err, size_t cap);
    CoreState *(*state)(void *ctx);
    /* t:reload(): save the game (core state and storage) and load it back
     * in place. May be NULL (then t:reload raises an error). */
    bool (*reload)(void *ctx, char *err, size_t cap);
    /* t:fresh(): a second game as the test's began, to drive through the
     * same ops, and its release when the test ends. May be NULL. */
    void *(*fresh)(void *ctx, char *err, size_t cap);
    void (*release)(void *ctx);
} ScriptTestOps;

typedef struct ScriptTestInfo {
    char name[128];
    char scenario[CORE_ID_LEN];
    char choices[32];            /* "historical" or "defaults" */
    uint64_t seed;
} ScriptTestInfo;

/* Lists the tests of a file by running it in mod 0's sandbox. Returns the
 * count, or -1 with a "file:line: message" in err. */
int script_test_list(ScriptHost *h, const char *path, const char *display, ScriptTestInfo *out, int cap, char *err,
                     size_t err_cap);
/* Runs test `index` of the file in mod 0 of `h` (the host of the game the
 * ops drive). Returns true if it passed; failures are described in `report`. */
bool script_test_run(ScriptHost *h, const char *path, const char *display, int index, const ScriptTestOps *ops,
                     void *ctx, char *report, size_t report_cap);

/* ==== Errors and limits ==== */

int script_error_count(const ScriptHost *h);
const ScriptError *script_error_at(const ScriptHost *h, int i); /* oldest first, last SCRIPT_MAX_ERRORS */
/* Memory in use by a mod's Lua state, in bytes; and by all of them. */
size_t script_mod_memory(const ScriptHost *h, int mod);
size_t script_total_memory(const ScriptHost *h);
/* The bytes the Lua states of the process hold outside the heap: their
 * pools' regions as far as handed out, in steps of 64 KiB (script_pool.c). */
size_t script_pool_bytes(void);
int script_mod_count(const ScriptHost *h);
const char *script_mod_id(const ScriptHost *h, int mod);

/* Runs a chunk of Lua text in a mod's sandbox (tests, the console). The
 * result is returned as text in `out` (tostring of the first value). */
bool script_eval(ScriptHost *h, int mod, const char *chunk_name, const char *code, char *out, size_t out_cap);
/* The same with `state` (may be NULL) readable as the global `s`, as a
 * trigger reads it: the console's "= s.year". Nothing it does changes the
 * state or draws from the game's random stream. */
bool script_eval_on(ScriptHost *h, int mod, const CoreState *state, const char *chunk_name, const char *code,
                    char *out, size_t out_cap);

/* Instructions used by the last protected call (for benchmarks). */
uint64_t script_last_instructions(const ScriptHost *h);
/* Protected calls made so far, and the wall time spent in them (outermost
 * calls only), for benchmarks. */
uint64_t script_call_count(const ScriptHost *h);
double script_time_ms(const ScriptHost *h);

/* What each mod costs, for the console's "which mod makes the game slow":
 * wall time in ms and instructions spent in the mod's calls (hooks,
 * triggers, effects, loading; a call nested in another counts for itself
 * only), and the calls made. 0 for an index out of range. */
double script_mod_time_ms(const ScriptHost *h, int mod);
uint64_t script_mod_instructions(const ScriptHost *h, int mod);
uint64_t script_mod_calls(const ScriptHost *h, int mod);
/* Whether a mod was disabled for the session (bad manifest, or it hit its
 * instruction, time or memory limits three times). */
bool script_mod_is_disabled(const ScriptHost *h, int mod);

/* ==== Mods: manifests, load order, storage, migrations ====
 * A mod is a folder with a mod.lua manifest; the base game (scripts/) is the
 * mod "base". Every other mod depends on it implicitly. */

#define SCRIPT_MAX_DEPENDENCIES 8
#define SCRIPT_MAX_MOD_PARAMETERS 32

/* One model parameter a mod changes (mod.lua: parameters = { name = value }). */
typedef struct ScriptParamSetting {
    char name[CORE_ID_LEN];
    double value;
    int line;                    /* in mod.lua, for messages */
} ScriptParamSetting;

/* One entry of mod.lua's dependencies: "atlas", "atlas >= 1.2 < 2",
 * "? atlas" (optional: loads first if it is there) or "! atlas" (the two
 * cannot run together). */
typedef enum ScriptDepKind { SCRIPT_DEP_REQUIRED, SCRIPT_DEP_OPTIONAL, SCRIPT_DEP_INCOMPATIBLE } ScriptDepKind;
#define SCRIPT_MAX_VERSION_TERMS 2
typedef struct ScriptDependency {
    char id[CORE_ID_LEN];
    ScriptDepKind kind;
    int term_count;              /* version terms: op and version, all of which must hold */
    char op[SCRIPT_MAX_VERSION_TERMS][3]; /* ">=", ">", "<=", "<", "=" */
    char version[SCRIPT_MAX_VERSION_TERMS][16];
    char text[80];               /* as written */
} ScriptDependency;

/* Whether version `v` ("1.2.10") satisfies every term of `d`. Versions are
 * compared number by number (1.10 > 1.9; a missing number is 0). */
bool script_version_fits(const ScriptDependency *d, const char *v);
/* <0, 0, >0 as a is older, the same as or newer than b. */
int script_version_compare(const char *a, const char *b);

/* A setting a mod offers the player (mod.lua: settings = {...}). */
typedef enum ScriptSettingType { SCRIPT_SETTING_BOOL, SCRIPT_SETTING_NUMBER, SCRIPT_SETTING_CHOICE } ScriptSettingType;
#define SCRIPT_MAX_SETTINGS 16
#define SCRIPT_MAX_CHOICES 8
typedef struct ScriptSettingDecl {
    char name[CORE_ID_LEN];
    ScriptSettingType type;
    double def, min, max, step;  /* NUMBER; BOOL: def 0 or 1; CHOICE: def is the choice's index */
    bool integer;                /* NUMBER: whole numbers only (default, min, max and step are) */
    int choice_count;
    char choices[SCRIPT_MAX_CHOICES][CORE_ID_LEN];
    int line;                    /* in mod.lua */
} ScriptSettingDecl;

/* The index of a setting by name in a manifest, -1 if none. */
struct ScriptManifest;
int script_setting_find(const struct ScriptManifest *mf, const char *name);
/* A setting's value from text ("true", "1800", "ochre"); false if it is not
 * one of its values (out of range, not a choice). */
bool script_setting_parse(const ScriptSettingDecl *d, const char *text, double *out);
/* A value as that text. */
void script_setting_text(const ScriptSettingDecl *d, double v, char *out, size_t cap);

/* What mod.lua declares. */
typedef struct ScriptManifest {
    char id[CORE_ID_LEN];
    char name[96];
    char version[16];
    char author[96];
    char description[400];
    int api_version;
    int dependency_count;
    ScriptDependency dependencies[SCRIPT_MAX_DEPENDENCIES];
    bool languages[SCRIPT_LANG_COUNT];
    int parameter_count;
    ScriptParamSetting parameters[SCRIPT_MAX_MOD_PARAMETERS]; /* sorted by name */
    int setting_count;
    ScriptSettingDecl settings[SCRIPT_MAX_SETTINGS];
    char file[512];              /* mod.lua as shown in messages ("mods/foo/mod.lua") */
    int id_line, dependencies_line; /* where in mod.lua, for messages */
} ScriptManifest;

/* Reads only the mod.lua of a folder, in a sandbox of its own. False with
 * "file:line: message" in err if the folder has no valid manifest. */
bool script_manifest_read(const char *dir, const char *display, ScriptManifest *out, char *err, size_t err_cap);

/* The order to load mods in: dependencies (required, and optional ones
 * that are there) first, then by `rank` (the player's order; NULL: by id).
 * A missing required dependency, one of the wrong version, an incompatible
 * mod that is there, cycles and duplicate ids are reported through
 * `problem` (naming the versions and files) and give false. order[]
 * receives indices into `m` (n of them on success). */
bool script_mods_order(const ScriptManifest *m, int n, int *order, ScriptProblemFn problem, void *user);
bool script_mods_order_ranked(const ScriptManifest *m, int n, const int *rank, int *order, ScriptProblemFn problem,
                              void *user);
/* Why mod i cannot load beside the others of m (a required dependency
 * missing or of the wrong version, an incompatible mod present): a message
 * in `why` and false; true if nothing stops it. `present` says which
 * entries of m are to load (NULL: all). */
bool script_mod_can_load(const ScriptManifest *m, int n, int i, const bool *present, char *why, size_t cap);

/* A loaded mod's setting: set from text (false with a message if the mod has
 * no such setting or the value is not one of its values), and its value. */
bool script_mod_setting_set(ScriptHost *h, int mod, const char *name, const char *value, char *err, size_t cap);
double script_mod_setting_value(const ScriptHost *h, int mod, int setting);

/* The manifest of a loaded mod (NULL if out of range). */
const ScriptManifest *script_mod_manifest(const ScriptHost *h, int mod);
/* The folder a loaded mod came from, as given. */
const char *script_mod_dir(const ScriptHost *h, int mod);
/* The number of the last migrations/NNN_name.lua file of a loaded mod (0 if none). */
int script_mod_migration_level(const ScriptHost *h, int mod);
int script_mod_find(const ScriptHost *h, const char *id);

/* Which file gave a locale key its text ("" if unknown). */
const char *script_text_file(const ScriptHost *h, ScriptLang lang, const char *key);

/* What a save holds of the mods' storage (docs/modding.md): one mod's
 * serialized storage, and all mods' together. Larger storage is refused
 * when the game is saved, with a message, and the previous save stays. */
#define SCRIPT_MAX_STORAGE_BYTES ((size_t)16 << 20)
#define SCRIPT_MAX_SAVED_STORAGE_BYTES ((size_t)64 << 20)

/* A mod's `storage` table as it goes into a save file. */
typedef struct ScriptModSave {
    char id[CORE_ID_LEN];
    char version[16];
    int migration_level;         /* script_mod_migration_level when saved */
    char *storage;               /* serialized storage (malloc'd; may be NULL when empty) */
    size_t storage_len;
} ScriptModSave;

/* Serializes every loaded mod's storage into out[0..*count). Storage holds
 * plain data only: a function, userdata, thread or cycle fails with its key
 * path ("mods/foo: storage.history[3].cb is a function"). Free with
 * script_mod_saves_free, on failure too. */
bool script_mods_save(ScriptHost *h, ScriptModSave *out, int cap, int *count, char *err, size_t err_cap);
void script_mod_saves_free(ScriptModSave *saves, int count);
/* --check-mods: runs every migration of mod `mod`, from the first, on a
 * storage given as script_mods_save wrote it (NULL: an empty storage, as a
 * save made before the mod kept anything has), each bounded like any call;
 * a failure is reported through on_error with its file and line. The mod's
 * storage is as it was afterwards. False if a migration failed. */
bool script_migrations_try(ScriptHost *h, int mod, const char *blob, size_t len);
/* Puts saved storage back into the loaded mods with the same ids and runs
 * the migrations each mod gained since the save (migrations/NNN_*.lua with
 * NNN above the saved level, in order). Mods missing from the save keep an
 * empty storage. False with "file:line: message" if a migration fails, a
 * storage section is damaged or the save comes from a newer version. */
bool script_mods_restore(ScriptHost *h, const ScriptModSave *saves, int count, char *err, size_t err_cap);

/* ==== Hooks: global functions a mod's files define ==== */

typedef enum ScriptHook {
    SCRIPT_HOOK_ON_NEW_GAME,     /* on_new_game(s, fx): a new game starts, after the scenario's setup */
    SCRIPT_HOOK_ON_MONTH,        /* on_month(s, fx): after the core's month, as the next begins */
    SCRIPT_HOOK_ON_LOAD,         /* on_load(s): a save was loaded (storage changes are undone) */
    SCRIPT_HOOK_ON_MOD_ADDED,    /* on_mod_added(s, fx): a save without the mod was loaded with it */
    SCRIPT_HOOK_ON_RELOAD,       /* on_reload(): the scripts were reloaded */
    SCRIPT_HOOK_COUNT
} ScriptHook;
const char *script_hook_name(ScriptHook hook);
bool script_mod_has_hook(const ScriptHost *h, int mod, ScriptHook hook);
/* Runs a mod's definitions of a hook (each protected, in load order) on
 * state s, queuing effects in out (NULL for on_load and on_reload). A hook
 * that fails is off for the session and what it queued is dropped. False
 * if it failed. */
bool script_mod_run_hook(ScriptHost *h, int mod, ScriptHook hook, CoreState *s, ScriptCommands *out);
/* The same for every mod, in load order. */
void script_mods_run_hook(ScriptHost *h, ScriptHook hook, CoreState *s, ScriptCommands *out);

/* ==== Hot reload (game_reload_scripts) ==== */

/* Calls every global function on_reload() that a mod's files define, each
 * protected (a failure is reported with context "on_reload"), in load order,
 * with no state visible. */
void script_mods_on_reload(ScriptHost *h);
/* Hands the notices `from` queued and nobody took yet to `to`, a host
 * freshly loaded to replace it. */
void script_notices_carry(ScriptHost *to, const ScriptHost *from);
/* Puts the script errors `from` recorded into `to`'s list (the console's
 * `errors`): before `to`'s own when `to` replaces `from` (a reload), after
 * them when `from` was a failed reload. The newest SCRIPT_MAX_ERRORS stay;
 * nobody is told of them again. */
void script_errors_carry(ScriptHost *to, const ScriptHost *from, bool before);

/* Explains, one line per clause, whether event `event` would fire now (on
 * province `province`, -1 for a national event) and why: the engine's rules
 * (disabled, dates, once, province, mean time to happen with this month's
 * roll), then the trigger split at its top-level `and`s (or `or`s) when it
 * is a single `return EXPR`, each clause evaluated on the state with the
 * values of the fields it reads. Lines start with "yes  ", "no   " or
 * four spaces; the last one is the verdict ("=> would fire" or "=> would
 * not fire: why"). Everything runs protected and changes nothing: a failing
 * clause is shown, not reported. False if `event` is out of range. */
bool script_event_explain(ScriptHost *h, CoreState *s, int event, int province, char *out, size_t cap);

/* ==== Checking content (greatleap --check-mods) ==== */

/* Runs an event's trigger (and MTTH modifiers) on a state, ignoring its
 * dates; *holds tells whether it would fire this month. False (reported
 * through on_error) if a script fails. */
bool script_event_try_trigger(ScriptHost *h, CoreState *s, int event, int province, bool *holds);
/* Runs an active or inactive policy's on_month hook on a state, queuing its
 * commands in `out`. False if the hook fails; true if it has none. */
bool script_policy_try_hook(ScriptHost *h, CoreState *s, int policy, ScriptCommands *out);

/* The real path of a loaded mod's file from the name messages give it
 * ("mods/foo/events/x.lua"); false if no loaded mod's folder holds it (a
 * symbolic link that leads out of the folder does not count). */
bool script_file_path(const ScriptHost *h, const char *display, char *out, size_t cap);
/* Reads a file of loaded mod `mod` (path as the platform layer takes it):
 * a regular file of at most max_bytes inside the mod's folder after
 * symbolic links, read without ever blocking. NULL with the reason in
 * plat_error() otherwise. Every file a mod's content comes from is read
 * through this or script_file_read. */
char *script_mod_file_read(const ScriptHost *h, int mod, const char *path, size_t max_bytes, size_t *len);
/* The same for a file named as messages name it ("mods/foo/events/x.lua"). */
char *script_file_read(const ScriptHost *h, const char *display, size_t max_bytes, size_t *len);

/* Pictures of event cards (a documented limit: docs/modding.md): a PNG file
 * of at most SCRIPT_MAX_PICTURE_BYTES whose header gives at most
 * SCRIPT_MAX_PICTURE_SIDE pixels a side, checked before anything decodes it. */
#define SCRIPT_MAX_PICTURE_SIDE 2048
#define SCRIPT_MAX_PICTURE_BYTES ((size_t)8 << 20)
/* Whether an event's picture is such a file inside its mod's folder; the
 * reason in `why` if not. */
bool script_event_picture_check(const ScriptHost *h, const ScriptEventInfo *e, char *why, size_t cap);
/* Lua shortens long chunk names in its messages ("...mods/foo/events/x.lua"):
 * the full name of such a file, found among the loaded mods' folders, goes
 * to `out` (otherwise `file` itself). */
void script_error_file(const ScriptHost *h, const char *file, char *out, size_t cap);
/* The loaded mod a file shown as `display` belongs to, or -1. */
int script_file_mod(const ScriptHost *h, const char *display);
/* Compiles a Lua file of mod `mod` without running it; a syntax error is
 * reported (through on_error) and gives false. */
bool script_syntax_check(ScriptHost *h, int mod, const char *path, const char *display);

/* The same as script_test_list / script_test_run, but in the sandbox of mod
 * `mod`, so that the test sees that mod's `storage` and `require`. */
int script_test_list_in(ScriptHost *h, int mod, const char *path, const char *display, ScriptTestInfo *out, int cap,
                        char *err, size_t err_cap);
bool script_test_run_in(ScriptHost *h, int mod, const char *path, const char *display, int index,
                        const ScriptTestOps *ops, void *ctx, char *report, size_t report_cap);

#endif
