/* script_decl.c — what a mod's files declare: the fields of mod.lua, of
 * policies, events, their options and timing, scenarios, modifiers and test
 * files, plus the globals every mod file sees. The loader refuses any field
 * not listed here (script_content.c), and the API reference is generated
 * from the same list (greatleap --api-dump), so the two cannot drift. */
#include "script_api.h"
#include "script_internal.h"

#include <string.h>

#define D(obj, name, sig, type, doc) {obj, name, SCRIPT_API_FIELD, sig, type, doc, NULL}

const ScriptApiEntry script_decl_api[] = {
    D("Manifest", "id", "id = \"my_mod\"", "string", "The mod's id: a-z, 0-9 and _, unique among the loaded mods (the base game is \"base\")."),
    D("Manifest", "name", "name = \"My mod\"", "string", "The mod's name, for people."),
    D("Manifest", "version", "version = \"1.0.0\"", "string", "The mod's version, numbers joined by dots. Saves record it."),
    D("Manifest", "api_version", "api_version = 1", "integer", "The script API version the mod is written for; a newer one than the game's is refused."),
    D("Manifest", "dependencies", "dependencies = { \"other_mod\" }", "{string}", "Ids of the mods that must load before this one (the base game always does). A missing one, or a cycle, is an error."),
    D("Manifest", "languages", "languages = { \"en\", \"zh\" }", "{string}", "The languages the mod has text in: \"en\" and \"zh\"."),
    D("Manifest", "parameters", "parameters = { kcal_need = 2000 }", "table<string, number>", "Model parameters the mod changes, by name (see the parameter table); each value must stay in the range the model accepts. Two mods may not change the same parameter."),
    D("Manifest", "description", "description = \"...\"", "string", "One or two sentences on what the mod does."),
    D("Manifest", "author", "author = \"...\"", "string", "Who made it."),

    D("Policy", "id", "id = \"my_policy\"", "string", "The policy's id (a-z, 0-9, _). Its texts are policy.<id>.name and policy.<id>.desc."),
    D("Policy", "name", "name = \"policy.my_policy.name\"", "string", "Locale key of the name (default policy.<id>.name)."),
    D("Policy", "desc", "desc = \"policy.my_policy.desc\"", "string", "Locale key of the description (default policy.<id>.desc)."),
    D("Policy", "category", "category = \"agriculture\"", "string", "Where the policy board lists it: agriculture, society, industry, procurement, trade, politics, reform or other (text: category.<name>)."),
    D("Policy", "modifiers", "modifiers = { { lever = \"yield_mult\", mul = 0.9 } }", "{Modifier}", "What the policy does while in force: modifiers on levers (at most 12)."),
    D("Policy", "sources", "sources = { \"E05\" }", "{string}", "Ids of the sources the policy rests on (assets/data/SOURCES.md)."),
    D("Policy", "on_month", "on_month = function(s, fx) ... end", "function", "Runs every month while the policy is in force; may queue effects."),
    D("Policy", "override", "override = true", "boolean", "Replaces the policy with the same id from a mod loaded earlier. Without it, a second declaration of an id is an error."),

    D("Event", "id", "id = \"my_event\"", "string", "The event's id. Its texts are event.<id>.title, event.<id>.text and event.<id>.option.<option>."),
    D("Event", "title", "title = \"event.my_event.title\"", "string", "Locale key of the title (default event.<id>.title)."),
    D("Event", "text", "text = \"event.my_event.text\"", "string", "Locale key of the text (default event.<id>.text)."),
    D("Event", "picture", "picture = \"images/poster.png\"", "string", "A PNG inside the mod's folder, shown on the card."),
    D("Event", "province", "province = \"henan\"", "string", "The province the event concerns: its trigger and effects get that province as `p`."),
    D("Event", "scope", "scope = \"province\"", "string", "\"national\" (default) or \"province\": the trigger and effects run once per province, with `p`."),
    D("Event", "when", "when = { date = \"1959-07\" }", "When", "When it may fire: from a date, until a date, and with a mean time to happen."),
    D("Event", "trigger", "trigger = function(s, p) return ... end", "function", "Must return true for the event to fire (checked at the start of each month in its window)."),
    D("Event", "once", "once = false", "boolean", "Fire at most once (default true; per province for per-province events)."),
    D("Event", "options", "options = { { id = \"a\", effects = function(s, fx, p) ... end }, ... }", "{Option}", "The choices on the card (1 to 6)."),
    D("Event", "default", "default = \"option_id\"", "string", "The option taken when nobody chooses (default: the first)."),
    D("Event", "sources", "sources = { \"E16\" }", "{string}", "Ids of the sources the event rests on."),
    D("Event", "override", "override = true", "boolean", "Replaces the event with the same id from a mod loaded earlier (it fires in its place)."),

    D("When", "date", "date = \"1959-07\"", "string", "The first month it may fire (\"YYYY-MM\")."),
    D("When", "until", "[\"until\"] = \"1960-06\"", "string", "The last month it may fire."),
    D("When", "mtth_months", "mtth_months = 6", "number", "Mean time to happen, in months, once the trigger holds (without it the event fires as soon as it holds)."),
    D("When", "modifiers", "modifiers = { { factor = 0.5, when = function(s, p) return ... end } }", "{table}", "Multiply the mean time to happen by factor while `when` holds."),

    D("Option", "id", "id = \"purge_peng\"", "string", "The option's id. Its text is event.<event>.option.<id>."),
    D("Option", "text", "text = \"event.lushan.option.purge_peng\"", "string", "Locale key of the option's text (default event.<event>.option.<id>)."),
    D("Option", "historical", "historical = true", "boolean", "The option history took (at most one per event): historical mode takes it."),
    D("Option", "effects", "effects = function(s, fx, p) ... end", "function", "What choosing it does: queue effects with fx. Also runs, as a preview, when the player points at the option."),

    D("Scenario", "id", "id = \"1958\"", "string", "The scenario's id (--scenario). Its name is scenario.<id>.name."),
    D("Scenario", "start", "start = \"1958-01\"", "string", "The first month."),
    D("Scenario", "data", "data = { params = \"assets/data/params.csv\", provinces = \"assets/data/provinces.csv\" }", "table", "The data files the state starts from (relative to the game's data folder)."),
    D("Scenario", "history", "history = { { date = \"1958-03\", enact = \"industrial_recruitment\" } }", "{table}", "Policy changes no event decides, as the scenario's history has them (historical mode)."),
    D("Scenario", "events", "events = { lushan = \"listen_to_peng\" }", "table<string, string>", "The options this scenario's history takes, in place of the events' historical ones (historical mode)."),
    D("Scenario", "setup", "setup = function(s, fx) ... end", "function", "Runs once at the start; may queue effects."),
    D("Scenario", "sources", "sources = { \"S01\" }", "{string}", "Ids of the sources."),
    D("Scenario", "override", "override = true", "boolean", "Replaces the scenario with the same id from a mod loaded earlier."),

    D("Modifier", "lever", "lever = \"yield_mult\"", "string", "The lever it acts on (see the lever table)."),
    D("Modifier", "add", "add = 0.05", "number", "Adds to the lever (give add or mul)."),
    D("Modifier", "mul", "mul = 0.9", "number", "Multiplies the lever."),
    D("Modifier", "province", "province = \"henan\"", "string", "Only in this province (province levers only; default: all)."),
    D("Modifier", "calendar", "calendar = { 11, 12, 1, 2 }", "{integer}", "Only in these calendar months."),
    D("Modifier", "scale", "scale = \"zeal\"", "string", "\"zeal\": stronger where cadres are zealous."),
    D("Modifier", "months", "months = 12", "integer", "fx:modifier only: how long it lasts (absent: for good)."),

    D("TestCase", "name", "name = \"the event fires in 1959\"", "string", "What the test checks, printed on its result line."),
    D("TestCase", "scenario", "scenario = \"1958\"", "string", "The scenario to start (default \"1958\")."),
    D("TestCase", "seed", "seed = 1", "integer", "The seed (default 1)."),
    D("TestCase", "choices", "choices = \"historical\"", "string", "\"historical\" (default: the scenario's history) or \"defaults\" (every event's default option)."),
    D("TestCase", "run", "run = function(t) ... end", "function", "The test: drives the game through `t`."),

    D("Global", "storage", "storage.count = (storage.count or 0) + 1", "table", "The mod's own table that is saved with the game: strings, numbers, booleans and tables of them, as a tree (no functions, no cycles, no table held twice), at most 16 MiB saved. Restored after the mod's files load; migrations/NNN_name.lua update it for saves of older versions."),
    {"Global", "require", SCRIPT_API_FUNCTION, "require(\"lib.util\")", "any", "Loads lib/util.lua from the mod's own folder (never outside it), once per mod, and returns what it returns.", NULL},
};
const int script_decl_api_count = (int)(sizeof script_decl_api / sizeof script_decl_api[0]);

bool script_api_has_field(const char *object, const char *name)
{
    int n;
    const ScriptApiEntry *e = script_api_entries(&n);
    for (int i = 0; i < n; i++)
        if (e[i].kind == SCRIPT_API_FIELD && strcmp(e[i].object, object) == 0 && strcmp(e[i].name, name) == 0)
            return true;
    return false;
}
