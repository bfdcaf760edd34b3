/* app_api_dump.c — greatleap --api-dump DIR: the modding API reference in
 * three forms, all generated from the one list the bindings register from
 * (script_api_entries: the views, fx, the test object, the declaration
 * formats, the globals) and the lever, variable and parameter tables of
 * engine/core/core.h. api.md is for reading, api.json for tools and
 * greatleap.d.lua (LuaLS annotations) for completion in an editor. The
 * output depends on nothing else, so the committed copy can be compared. */
#define _POSIX_C_SOURCE 200809L
#include "app_internal.h"

#include "platform.h"
#include "script_api.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The objects in documentation order, with what each one is. */
static const struct {
    const char *object, *title, *intro;
} objects[] = {
    {"Global", "Globals", "What every file of a mod sees besides Lua's own safe functions (`string`, `table`, "
                          "`math`, `utf8`, `coroutine`, `pairs`, ...). There is no `io`, `os`, `debug` or `package`."},
    {"State", "`s`: the state", "The first argument of triggers, effects, hooks and `setup`: a read-only view of "
                               "the month about to be simulated. Valid only during the call that received it."},
    {"National", "`s.national`: national figures", "Read-only; figures over the last 12 months are sums or rates "
                                                   "of the months simulated so far."},
    {"Province", "`p`: a province", "From `s.provinces`, `s:province(id)`, or the last argument of the trigger and "
                                   "effects of an event with `province =` or `scope = \"province\"`."},
    {"Effects", "`fx`: effects", "The second argument of option effects, `on_month` and `setup`: the only way a "
                                 "script changes the game. Each call queues one change, applied at the start of the "
                                 "month and recorded with the event or policy that caused it."},
    {"gl", "`gl`", "The API table, read-only."},
    {"Test", "`t`: the test object", "The argument of a test's `run` function (tests/NAME.lua, run by "
                                     "`greatleap --test-mods`)."},
    {"Manifest", "mod.lua", "The manifest: the file that makes a folder a mod."},
    {"Policy", "Policies (policies/NAME.lua)", "Each file returns one table with these fields."},
    {"Event", "Events (events/NAME.lua)", "Each file returns one table with these fields."},
    {"When", "Event timing (`when = {...}`)", "When an event may fire."},
    {"Option", "Event options (`options = {...}`)", "Each option is a table with these fields."},
    {"Scenario", "Scenarios (scenarios/NAME.lua)", "Each file returns one table with these fields."},
    {"Modifier", "Modifiers", "A change to a lever, in a policy's `modifiers` or in `fx:modifier{...}`."},
    {"TestCase", "Test files (tests/NAME.lua)", "A test file returns a list of tables with these fields."},
    {"Setting", "Settings (`settings = {...}` in mod.lua)", "A setting the player chooses in the Mods screen; "
                                                             "new games take it, saves keep it."},
    {"MapMode", "Map modes (mapmodes/NAME.lua)", "Each file returns one table with these fields. A mode gets a "
                                                  "button after the eight built-in ones and key 9 or 0."},
    {"Patch", "Patches (patches/NAME.lua)", "Each file returns one table with these fields: it changes one "
                                             "option, modifier or text of another mod's event or policy."},
    {"Work", "A mod's own sources (sources.lua)", "sources.lua returns a list of works with these fields; "
                                                  "declarations cite them by id, and the Sources screen lists them "
                                                  "under the mod's name."},
};

/* What the docs list from the base game itself: each province's id and
 * names, and each parameter's value in assets/data/params.csv. */
typedef struct BaseFacts {
    int province_count;
    char ids[CORE_MAX_PROVINCES][CORE_ID_LEN];
    char names[CORE_MAX_PROVINCES][SCRIPT_LANG_COUNT][64];
    double params[CORE_PARAM_COUNT];
    bool known;
} BaseFacts;

static BaseFacts facts;

static void facts_read(const char *data_dir)
{
    char err[512];
    GameDesc d = {.data_dir = data_dir, .seed = 1, .chooser = GAME_CHOOSE_HISTORY};
    Game *g = data_dir ? game_create(&d, err, sizeof err) : NULL;
    if (!g)
        return;
    const CoreState *s = game_state(g);
    facts.province_count = s->province_count;
    for (int p = 0; p < s->province_count; p++) {
        snprintf(facts.ids[p], sizeof facts.ids[p], "%s", s->info[p].id);
        char key[CORE_ID_LEN + 16];
        snprintf(key, sizeof key, "province.%s", s->info[p].id);
        for (int l = 0; l < SCRIPT_LANG_COUNT; l++)
            snprintf(facts.names[p][l], sizeof facts.names[p][l], "%s",
                     script_text(game_host_const(g), (ScriptLang)l, key));
    }
    memcpy(facts.params, s->params, sizeof facts.params);
    facts.known = true;
    game_destroy(g);
}
#define OBJECT_COUNT (int)(sizeof objects / sizeof objects[0])

static const char *kind_name(ScriptApiKind k)
{
    return k == SCRIPT_API_FIELD ? "field" : k == SCRIPT_API_METHOD ? "method" : "function";
}

static const char *scope_name(CoreLeverScope s) { return s == CORE_SCOPE_N ? "national" : "province"; }

/* ==== Markdown ==== */

/* Table cells: a | would end the cell. */
static void md_cell(AppText *t, const char *s)
{
    for (; *s; s++)
        if (*s == '|')
            app_text_printf(t, "\\|");
        else
            app_text_printf(t, "%c", *s);
}

/* The last cell of a row, and the end of the row. */
static void md_row_end(AppText *t, const char *s)
{
    md_cell(t, s);
    app_text_printf(t, " |\n");
}

static void markdown(AppText *t)
{
    int n;
    const ScriptApiEntry *e = script_api_entries(&n);
    app_text_printf(t, "# Great Leap modding API, version %d\n\n", SCRIPT_API_VERSION);
    app_text_printf(t, "Generated by `greatleap --api-dump docs/api` from the engine's API list "
                       "(`engine/script/script_api.h` and the files that register bindings) and the tables in "
                       "`engine/core/core.h`. Do not edit it by hand; the test `api_docs` fails when it is out of "
                       "date. The tutorial is `docs/modding.md`.\n\n");
    for (int o = 0; o < OBJECT_COUNT; o++)
        app_text_printf(t, "- [%s](#%s)\n", objects[o].title, objects[o].object);
    app_text_printf(t, "- [Levers](#levers)\n- [Variables](#variables)\n- [Parameters](#parameters)\n"
                       "- [Provinces](#provinces)\n- [A month's record (`p:month()`)](#month)\n\n");
    for (int o = 0; o < OBJECT_COUNT; o++) {
        app_text_printf(t, "<a id=\"%s\"></a>\n\n## %s\n\n%s\n\n", objects[o].object, objects[o].title,
                        objects[o].intro);
        app_text_printf(t, "| name | kind | how | type | what |\n|---|---|---|---|---|\n");
        for (int i = 0; i < n; i++) {
            if (strcmp(e[i].object, objects[o].object) != 0)
                continue;
            app_text_printf(t, "| `%s` | %s | `", e[i].name, kind_name(e[i].kind));
            md_cell(t, e[i].signature);
            app_text_printf(t, "` | ");
            md_cell(t, e[i].returns[0] ? e[i].returns : "");
            app_text_printf(t, " | ");
            md_row_end(t, e[i].doc);
        }
        app_text_printf(t, "\n");
    }
    app_text_printf(t, "<a id=\"levers\"></a>\n\n## Levers\n\nModel inputs that modifiers change. Effective value "
                       "= clamp((base + sum of adds) x product of muls, min, max).\n\n"
                       "| lever | scope | base | min | max | unit | what |\n|---|---|---|---|---|---|---|\n");
    for (int l = 0; l < CORE_LEVER_COUNT; l++) {
        const CoreLeverInfo *li = core_lever_info((CoreLever)l);
        app_text_printf(t, "| `%s` | %s | %g | %g | %g | %s | ", li->name, scope_name(li->scope), li->base, li->min,
                        li->max, li->unit);
        md_row_end(t, li->doc);
    }
    app_text_printf(t, "\n<a id=\"variables\"></a>\n\n## Variables\n\nState that `fx:adjust` changes once. Grain "
                       "is never created this way: `fx:transfer` moves it.\n\n"
                       "| variable | scope | unit | what |\n|---|---|---|---|\n");
    for (int v = 0; v < CORE_VAR_COUNT; v++) {
        const CoreVarInfo *vi = core_var_info((CoreVar)v);
        app_text_printf(t, "| `%s` | %s | %s | ", vi->name, scope_name(vi->scope), vi->unit);
        md_row_end(t, vi->doc);
    }
    app_text_printf(t, "\n<a id=\"parameters\"></a>\n\n## Parameters\n\nModel constants, read from "
                       "`assets/data/params.csv` (which gives each value and its source); the value column is the "
                       "base game's. A mod changes them in mod.lua with `parameters = { name = value }`; the values "
                       "must stay in the range the model accepts (`--check-mods` and a reload under `--dev` say "
                       "which rule a value breaks). The range column is what the model accepts, not what is "
                       "plausible: `[` and `]` include the end, `(` and `)` leave it out.\n\n"
                       "| parameter | value | range | unit | what |\n|---|---|---|---|---|\n");
    for (int p = 0; p < CORE_PARAM_COUNT; p++) {
        const CoreParamInfo *pi = core_param_info((CoreParam)p);
        CoreParamRange r = core_param_range((CoreParam)p);
        app_text_printf(t, "| `%s` | %.6g | %s%g, %g%s | %s | ", pi->name, facts.params[p], r.lo_open ? "(" : "[",
                        r.lo, r.hi, r.hi_open ? ")" : "]", pi->unit);
        md_row_end(t, pi->doc);
    }
    app_text_printf(t, "\n<a id=\"provinces\"></a>\n\n## Provinces\n\nThe province ids scripts use "
                       "(`s:province(id)`, `province = \"...\"`), with their names in the game. A name where an "
                       "id belongs is reported with its id (\"Tibet is 'xizang'\").\n\n"
                       "| id | English | 中文 |\n|---|---|---|\n");
    for (int p = 0; p < facts.province_count; p++)
        app_text_printf(t, "| `%s` | %s | %s |\n", facts.ids[p], facts.names[p][SCRIPT_LANG_EN],
                        facts.names[p][SCRIPT_LANG_ZH]);
    app_text_printf(t, "\n<a id=\"month\"></a>\n\n## A month's record (`p:month()`)\n\n`p:month(k)` "
                       "returns the record of k months ago (default 1; nil before the game's first month) as a "
                       "table with these fields.\n\n| field | type | unit | what |\n|---|---|---|---|\n");
#define MONTH_ROW(type, name, unit, doc)                                                                    \
    app_text_printf(t, "| `%s` | %s | %s | ", #name, #type[0] == 'I' ? "integer" : "number", unit);        \
    md_row_end(t, doc);
    CORE_MONTH_FIELDS(MONTH_ROW)
#undef MONTH_ROW
}

/* ==== JSON ==== */

static void json_string(AppText *t, const char *s)
{
    app_text_printf(t, "\"");
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            app_text_printf(t, "\\%c", ch);
        else if (ch == '\n')
            app_text_printf(t, "\\n");
        else if (ch < 0x20)
            app_text_printf(t, "\\u%04x", ch);
        else
            app_text_printf(t, "%c", ch);
    }
    app_text_printf(t, "\"");
}

/* `, "key": "value"` (or without the comma for the first field). */
static void json_field(AppText *t, const char *key, const char *value, bool first)
{
    app_text_printf(t, "%s\"%s\": ", first ? "" : ", ", key);
    json_string(t, value);
}

/* The end of a table row: its unit and doc, then a comma unless it is last. */
static void json_row_end(AppText *t, const char *unit, const char *doc, bool last)
{
    json_field(t, "unit", unit, false);
    json_field(t, "doc", doc, false);
    app_text_printf(t, "}%s\n", last ? "" : ",");
}

/* The name of the last field of a month's record (for JSON's commas). */
#define LAST_NAME(type, name, unit, doc) last_month_field = #name;
static const char *last_month_field_name(void)
{
    const char *last_month_field = "";
    CORE_MONTH_FIELDS(LAST_NAME)
    return last_month_field;
}
#undef LAST_NAME

static void json(AppText *t)
{
    const char *last_month_field = last_month_field_name();
    int n;
    const ScriptApiEntry *e = script_api_entries(&n);
    app_text_printf(t, "{\n  \"api_version\": %d,\n  \"objects\": [\n", SCRIPT_API_VERSION);
    for (int o = 0; o < OBJECT_COUNT; o++) {
        app_text_printf(t, "    {");
        json_field(t, "name", objects[o].object, true);
        json_field(t, "title", objects[o].title, false);
        json_field(t, "doc", objects[o].intro, false);
        app_text_printf(t, ", \"entries\": [");
        bool first = true;
        for (int i = 0; i < n; i++) {
            if (strcmp(e[i].object, objects[o].object) != 0)
                continue;
            app_text_printf(t, "%s\n      {", first ? "" : ",");
            json_field(t, "name", e[i].name, true);
            json_field(t, "kind", kind_name(e[i].kind), false);
            json_field(t, "signature", e[i].signature, false);
            json_field(t, "type", e[i].returns, false);
            json_field(t, "doc", e[i].doc, false);
            app_text_printf(t, "}");
            first = false;
        }
        app_text_printf(t, "\n    ]}%s\n", o + 1 < OBJECT_COUNT ? "," : "");
    }
    app_text_printf(t, "  ],\n  \"levers\": [\n");
    for (int l = 0; l < CORE_LEVER_COUNT; l++) {
        const CoreLeverInfo *li = core_lever_info((CoreLever)l);
        app_text_printf(t, "    {\"name\": \"%s\", \"scope\": \"%s\", \"base\": %.10g, \"min\": %.10g, "
                           "\"max\": %.10g",
                        li->name, scope_name(li->scope), li->base, li->min, li->max);
        json_row_end(t, li->unit, li->doc, l + 1 == CORE_LEVER_COUNT);
    }
    app_text_printf(t, "  ],\n  \"variables\": [\n");
    for (int v = 0; v < CORE_VAR_COUNT; v++) {
        const CoreVarInfo *vi = core_var_info((CoreVar)v);
        app_text_printf(t, "    {\"name\": \"%s\", \"scope\": \"%s\"", vi->name, scope_name(vi->scope));
        json_row_end(t, vi->unit, vi->doc, v + 1 == CORE_VAR_COUNT);
    }
    app_text_printf(t, "  ],\n  \"parameters\": [\n");
    for (int p = 0; p < CORE_PARAM_COUNT; p++) {
        const CoreParamInfo *pi = core_param_info((CoreParam)p);
        CoreParamRange r = core_param_range((CoreParam)p);
        app_text_printf(t, "    {\"name\": \"%s\", \"value\": %.10g, \"min\": %.10g, \"min_included\": %s, "
                           "\"max\": %.10g, \"max_included\": %s",
                        pi->name, facts.params[p], r.lo, r.lo_open ? "false" : "true", r.hi,
                        r.hi_open ? "false" : "true");
        json_row_end(t, pi->unit, pi->doc, p + 1 == CORE_PARAM_COUNT);
    }
    app_text_printf(t, "  ],\n  \"provinces\": [\n");
    for (int p = 0; p < facts.province_count; p++) {
        app_text_printf(t, "    {");
        json_field(t, "id", facts.ids[p], true);
        json_field(t, "en", facts.names[p][SCRIPT_LANG_EN], false);
        json_field(t, "zh", facts.names[p][SCRIPT_LANG_ZH], false);
        app_text_printf(t, "}%s\n", p + 1 < facts.province_count ? "," : "");
    }
    app_text_printf(t, "  ],\n  \"month_fields\": [\n");
#define MONTH_JSON(type, name, unit, doc)                                                                   \
    app_text_printf(t, "    {\"name\": \"%s\", \"type\": \"%s\"", #name, #type[0] == 'I' ? "integer" : "number"); \
    json_row_end(t, unit, doc, strcmp(#name, last_month_field) == 0);
    CORE_MONTH_FIELDS(MONTH_JSON)
#undef MONTH_JSON
    app_text_printf(t, "  ]\n}\n");
}

/* ==== LuaLS annotations ==== */

/* "{Province}" -> "Province[]", "" -> NULL. */
static const char *lua_type_of(const char *api_type, char *buf, size_t cap)
{
    if (!api_type[0])
        return NULL;
    size_t n = strlen(api_type);
    if (api_type[0] == '{' && api_type[n - 1] == '}')
        snprintf(buf, cap, "%.*s[]", (int)(n - 2), api_type + 1);
    else
        snprintf(buf, cap, "%s", api_type);
    return buf;
}

/* A parameter's type from its name in the signatures. */
static const char *param_type(const char *name)
{
    static const struct {
        const char *name, *type;
    } known[] = {{"lever", "Lever"},        {"k", "integer"},          {"year", "integer"},
                 {"months", "integer"},     {"level", "integer"},      {"actual", "number"},
                 {"expected", "number"},    {"tolerance", "number"},   {"condition", "any"},
                 {"old_storage", "table"},  {"args", "table"},         {"name", "string"}};
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (strcmp(name, known[i].name) == 0)
            return known[i].type;
    return "string"; /* ids, keys, dates, labels, messages */
}

/* Writes ---@param lines and the Lua parameter list of a signature like
 * "s:event_fired(event_id [, province_id])" or "fx:modifier{ ... }". */
static void lua_params(AppText *t, const char *sig, char *list, size_t cap)
{
    list[0] = '\0';
    const char *open = strpbrk(sig, "({");
    if (!open)
        return;
    if (*open == '{') {
        app_text_printf(t, "---@param args table %s\n", open);
        snprintf(list, cap, "args");
        return;
    }
    const char *close = strrchr(open, ')');
    size_t used = 0;
    bool optional = false;
    int index = 0;
    for (const char *p = open + 1; close && p < close;) {
        while (p < close && (*p == ' ' || *p == ','))
            p++;
        if (p < close && *p == '[') {
            optional = true;
            p++;
            continue;
        }
        const char *start = p;
        while (p < close && *p != ',' && *p != '[' && *p != ']')
            p++;
        const char *end = p;
        while (end > start && end[-1] == ' ')
            end--;
        if (p < close && *p == ']')
            p++;
        if (end == start)
            continue;
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)(end - start), start);
        bool ident = isalpha((unsigned char)name[0]) || name[0] == '_';
        for (const char *q = name; ident && *q; q++)
            ident = isalnum((unsigned char)*q) || *q == '_';
        if (strcmp(name, "...") == 0)
            app_text_printf(t, "---@param ... any\n");
        else if (!ident) /* "\"YYYY-MM\"" or "\"en\" | \"zh\"" */
            snprintf(name, sizeof name, "%s", strstr(name, "YYYY") ? "date" : strstr(name, "en") ? "lang" : "arg");
        if (strcmp(name, "...") != 0)
            app_text_printf(t, "---@param %s%s %s\n", name, optional ? "?" : "", param_type(name));
        used += (size_t)snprintf(list + used, used < cap ? cap - used : 0, "%s%s", index++ ? ", " : "", name);
    }
}

static bool lua_keyword(const char *s)
{
    static const char *const words[] = {"and", "break", "do", "else", "elseif", "end", "false", "for",
                                        "function", "goto", "if", "in", "local", "nil", "not", "or",
                                        "repeat", "return", "then", "true", "until", "while"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(s, words[i]) == 0)
            return true;
    return false;
}

static void luals(AppText *t)
{
    int n;
    const ScriptApiEntry *e = script_api_entries(&n);
    app_text_printf(t, "---@meta\n-- Great Leap modding API, version %d: LuaLS annotations for completion in an "
                       "editor.\n-- Generated by `greatleap --api-dump docs/api`; do not edit. Reference: "
                       "docs/api/api.md.\n\n", SCRIPT_API_VERSION);
    const char *names[3] = {"Lever", "Variable", "Parameter"};
    int counts[3] = {CORE_LEVER_COUNT, CORE_VAR_COUNT, CORE_PARAM_COUNT};
    for (int a = 0; a < 3; a++) {
        app_text_printf(t, "---@alias %s\n", names[a]);
        for (int i = 0; i < counts[a]; i++) {
            const char *name = a == 0   ? core_lever_info((CoreLever)i)->name
                               : a == 1 ? core_var_info((CoreVar)i)->name
                                        : core_param_info((CoreParam)i)->name;
            app_text_printf(t, "---| \"%s\"\n", name);
        }
        app_text_printf(t, "\n");
    }
    app_text_printf(t, "---@alias ProvinceId\n");
    for (int p = 0; p < facts.province_count; p++)
        app_text_printf(t, "---| \"%s\" # %s\n", facts.ids[p], facts.names[p][SCRIPT_LANG_EN]);
    app_text_printf(t, "\n---@alias Scope\n---| \"national\"\n---| \"province\"\n\n"
                       "---@alias SettingType\n---| \"bool\"\n---| \"number\"\n---| \"choice\"\n\n"
                       "---@alias Category\n---| \"agriculture\"\n---| \"society\"\n---| \"industry\"\n"
                       "---| \"procurement\"\n---| \"trade\"\n---| \"politics\"\n---| \"reform\"\n---| \"other\"\n\n");
    app_text_printf(t, "--- A month's record: p:month(k).\n---@class MonthRecord\n");
#define MONTH_FIELD(type, name, unit, doc) \
    app_text_printf(t, "---@field %s %s %s (%s)\n", #name, #type[0] == 'I' ? "integer" : "number", doc, unit);
    CORE_MONTH_FIELDS(MONTH_FIELD)
#undef MONTH_FIELD
    app_text_printf(t, "\n");
    for (int o = 0; o < OBJECT_COUNT; o++) {
        const char *obj = objects[o].object;
        if (strcmp(obj, "Global") == 0)
            continue;
        app_text_printf(t, "--- %s\n---@class %s\n", objects[o].intro, obj);
        char type[128];
        for (int i = 0; i < n; i++)
            if (strcmp(e[i].object, obj) == 0 && e[i].kind == SCRIPT_API_FIELD) {
                const char *ty = lua_type_of(e[i].returns, type, sizeof type);
                if (lua_keyword(e[i].name))
                    app_text_printf(t, "---@field [\"%s\"] %s %s\n", e[i].name, ty ? ty : "any", e[i].doc);
                else
                    app_text_printf(t, "---@field %s %s %s\n", e[i].name, ty ? ty : "any", e[i].doc);
            }
        if (strcmp(obj, "gl") == 0)
            app_text_printf(t, "---@field api_version integer The script API version of the game.\ngl = {}\n\n");
        else
            app_text_printf(t, "local %s = {}\n\n", obj);
        for (int i = 0; i < n; i++) {
            if (strcmp(e[i].object, obj) != 0 || e[i].kind == SCRIPT_API_FIELD)
                continue;
            char list[256];
            app_text_printf(t, "--- %s\n--- `%s`\n", e[i].doc, e[i].signature);
            lua_params(t, e[i].signature, list, sizeof list);
            const char *ty = lua_type_of(e[i].returns, type, sizeof type);
            if (ty)
                app_text_printf(t, "---@return %s\n", ty);
            app_text_printf(t, "function %s%s%s(%s) end\n\n", obj, e[i].kind == SCRIPT_API_METHOD ? ":" : ".",
                            e[i].name, list);
        }
    }
    app_text_printf(t, "--- The mod's own table that is saved with the game (plain data only).\n---@type table\n"
                       "storage = {}\n\n--- Loads NAME.lua (dots become folders) from the mod's own folder, once "
                       "per mod.\n---@param name string\n---@return any\nfunction require(name) end\n");
}

/* ==== Files ==== */

static bool finish(AppText *t, char **out, size_t *len)
{
    if (t->failed) {
        app_text_free(t);
        return false;
    }
    *out = t->buf;
    *len = t->len;
    return true;
}

bool app_api_markdown(char **out, size_t *len)
{
    AppText t = {0};
    markdown(&t);
    return finish(&t, out, len);
}

bool app_api_json(char **out, size_t *len)
{
    AppText t = {0};
    json(&t);
    return finish(&t, out, len);
}

bool app_api_luals(char **out, size_t *len)
{
    AppText t = {0};
    luals(&t);
    return finish(&t, out, len);
}

int app_api_dump_run(const AppOptions *o, const char *argv0)
{
    char data[PLAT_PATH_MAX];
    if (app_find_data(o, argv0, data, sizeof data))
        facts_read(data);
    if (!facts.known) {
        fprintf(stderr, "greatleap: --api-dump: cannot load the base game to list its provinces and parameters\n");
        return 1;
    }
    static const struct {
        const char *name;
        bool (*make)(char **, size_t *);
    } docs[] = {{"api.md", app_api_markdown}, {"api.json", app_api_json}, {"greatleap.d.lua", app_api_luals}};
    if (!plat_mkdir_p(o->api_dir)) {
        fprintf(stderr, "greatleap: --api-dump: %s\n", plat_error());
        return 2;
    }
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        char *text, path[PLAT_PATH_MAX];
        size_t len;
        if (!docs[i].make(&text, &len)) {
            fprintf(stderr, "greatleap: --api-dump: out of memory\n");
            return 1;
        }
        bool ok = plat_path_join(path, sizeof path, o->api_dir, docs[i].name) && plat_write_file_atomic(path, text, len);
        free(text);
        if (!ok) {
            fprintf(stderr, "greatleap: --api-dump: %s\n", plat_error());
            return 1;
        }
    }
    if (!o->quiet)
        printf("greatleap: wrote api.md, api.json and greatleap.d.lua to %s\n", o->api_dir);
    return 0;
}
