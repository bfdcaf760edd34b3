/* script_decl.c — what a mod's files declare: the fields of mod.lua, of
 * policies, events, their options and timing, scenarios, modifiers and test
 * files, plus the globals every mod file sees. The loader refuses any field
 * not listed here (script_content.c), and the API reference is generated
 * from the same list (greatleap --api-dump), so the two cannot drift. */
#include "script_api.h"
#include "script_internal.h"

#include "platform.h"

#include <pthread.h>
#include <string.h>

#define D(obj, name, sig, type, doc) {obj, name, SCRIPT_API_FIELD, sig, type, doc, NULL}

const ScriptApiEntry script_decl_api[] = {
    D("Manifest", "id", "id = \"my_mod\"", "string", "The mod's id: a-z, 0-9 and _, unique among the loaded mods (the base game is \"base\")."),
    D("Manifest", "name", "name = \"My mod\"", "string", "The mod's name, for people."),
    D("Manifest", "version", "version = \"1.0.0\"", "string", "The mod's version, numbers joined by dots. Saves record it."),
    D("Manifest", "api_version", "api_version = 2", "integer", "The script API version the mod is written for (this game's is gl.api_version): a newer one is refused; mods written for version 1 still load."),
    D("Manifest", "dependencies", "dependencies = { \"atlas >= 1.2 < 2\", \"? plain_words\", \"! no_leap\" }", "{string}", "The mods this one needs: \"id\" (must be there; loads first), \"id >= 1.2 < 2\" (a version in that range), \"? id\" (optional: loads first if it is there) and \"! id\" (cannot run beside it). The base game always loads first. A missing mod, a wrong version or a cycle is an error."),
    D("Manifest", "languages", "languages = { \"en\", \"zh\" }", "{string}", "The languages the mod has text in: \"en\" and \"zh\"."),
    D("Manifest", "parameters", "parameters = { kcal_need = 2000 }", "table<string, number>", "Model parameters the mod changes, by name (see the parameter table); each value must stay in the range the model accepts. Two mods may not change the same parameter."),
    D("Manifest", "description", "description = \"...\"", "string", "One or two sentences on what the mod does."),
    D("Manifest", "author", "author = \"...\"", "string", "Who made it."),
    D("Manifest", "settings", "settings = { { name = \"show_notices\", type = \"bool\", default = true } }", "{Setting}", "Settings the player chooses in the Mods screen (at most 16); scripts read them as settings.<name>. Their texts are setting.<mod>.<name> (and setting.<mod>.<name>.<choice> for each choice) in both languages."),

    D("Setting", "name", "name = \"hunger_line\"", "string", "The setting's name (a-z, 0-9, _): scripts read settings.<name>."),
    D("Setting", "type", "type = \"number\"", "SettingType", "\"bool\" (on or off), \"number\" (from min to max, in steps) or \"choice\" (one of choices)."),
    D("Setting", "default", "default = 1800", "boolean|number|string", "The value until the player changes it: true or false, a number from min to max, or one of choices."),
    D("Setting", "min", "min = 1200", "number", "number: the lowest value."),
    D("Setting", "max", "max = 2400", "number", "number: the highest value."),
    D("Setting", "step", "step = 100", "number", "number: how much one click changes it (default: a twentieth of the range)."),
    D("Setting", "choices", "choices = { \"ochre\", \"slate\" }", "{string}", "choice: the ids to choose from (2 to 8)."),

    D("Policy", "id", "id = \"my_policy\"", "string", "The policy's id (a-z, 0-9, _). Its texts are policy.<id>.name and policy.<id>.desc."),
    D("Policy", "name", "name = \"policy.my_policy.name\"", "string", "Locale key of the name (default policy.<id>.name)."),
    D("Policy", "desc", "desc = \"policy.my_policy.desc\"", "string", "Locale key of the description (default policy.<id>.desc)."),
    D("Policy", "category", "category = \"agriculture\"", "Category", "Where the policy board lists it: agriculture, society, industry, procurement, trade, politics, reform or other (text: category.<name>)."),
    D("Policy", "modifiers", "modifiers = { { lever = \"yield_mult\", mul = 0.9 } }", "{Modifier}", "What the policy does while in force: modifiers on levers (at most 12)."),
    D("Policy", "sources", "sources = { \"E05\" }", "{string}", "Ids of the sources the policy rests on (assets/data/SOURCES.md)."),
    D("Policy", "on_month", "on_month = function(s, fx) ... end", "fun(s: State, fx: Effects)", "Runs every month while the policy is in force; may queue effects."),
    D("Policy", "override", "override = true", "boolean", "Replaces the policy with the same id from a mod loaded earlier. Without it, a second declaration of an id is an error."),

    D("Event", "id", "id = \"my_event\"", "string", "The event's id. Its texts are event.<id>.title, event.<id>.text and event.<id>.option.<option>."),
    D("Event", "title", "title = \"event.my_event.title\"", "string", "Locale key of the title (default event.<id>.title)."),
    D("Event", "text", "text = \"event.my_event.text\"", "string", "Locale key of the text (default event.<id>.text)."),
    D("Event", "picture", "picture = \"images/poster.png\"", "string", "A PNG inside the mod's folder, shown on the card."),
    D("Event", "province", "province = \"henan\"", "ProvinceId", "The province the event concerns: its trigger and effects get that province as `p`."),
    D("Event", "scope", "scope = \"province\"", "Scope", "\"national\" (default) or \"province\": the trigger and effects run once per province, with `p`."),
    D("Event", "when", "when = { date = \"1959-07\" }", "When", "When it may fire: from a date, until a date, and with a mean time to happen."),
    D("Event", "trigger", "trigger = function(s, p) return ... end", "fun(s: State, p?: Province): boolean", "Must return true for the event to fire (checked at the start of each month in its window). It must return true or false: anything else is an error."),
    D("Event", "once", "once = false", "boolean", "Fire at most once (default true; per province for per-province events)."),
    D("Event", "hidden", "hidden = true", "boolean", "No card and no texts: the event takes its default option by itself (the first whose `when` holds if the default's does not). For scripts that run later (fx:fire) or on a condition."),
    D("Event", "chained", "chained = true", "boolean", "The event fires only when an effect fires it (fx:fire), never on its own."),
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
    D("Option", "effects", "effects = function(s, fx, p) ... end", "fun(s: State, fx: Effects, p?: Province)", "What choosing it does: queue effects with fx. Also runs, as a preview, when the player points at the option."),
    D("Option", "when", "when = function(s, p) return s:policy_active(\"communes\") end", "fun(s: State, p?: Province): boolean", "The option is offered only while this returns true (checked when the event fires); without it, always."),

    D("Scenario", "id", "id = \"1958\"", "string", "The scenario's id (--scenario). Its name is scenario.<id>.name."),
    D("Scenario", "start", "start = \"1958-01\"", "string", "The first month."),
    D("Scenario", "data", "data = { params = \"assets/data/params.csv\", provinces = \"assets/data/provinces.csv\" }", "table", "The data files the state starts from (relative to the game's data folder)."),
    D("Scenario", "history", "history = { { date = \"1958-03\", enact = \"industrial_recruitment\" } }", "{table}", "Policy changes no event decides, as the scenario's history has them (historical mode)."),
    D("Scenario", "events", "events = { lushan = \"listen_to_peng\" }", "table<string, string>", "The options this scenario's history takes, in place of the events' historical ones (historical mode)."),
    D("Scenario", "setup", "setup = function(s, fx) ... end", "fun(s: State, fx: Effects)", "Runs once at the start; may queue effects."),
    D("Scenario", "sources", "sources = { \"S01\" }", "{string}", "Ids of the sources."),
    D("Scenario", "description", "description = \"scenario.my_scenario.desc\"", "string", "Locale key of the text the New game screen shows under its name (default scenario.<id>.desc)."),
    D("Scenario", "override", "override = true", "boolean", "Replaces the scenario with the same id from a mod loaded earlier."),

    D("Modifier", "lever", "lever = \"yield_mult\"", "Lever", "The lever it acts on (see the lever table)."),
    D("Modifier", "add", "add = 0.05", "number|Parameter", "Adds to the lever (give add or mul): a number, or a parameter's name."),
    D("Modifier", "mul", "mul = 0.9", "number|Parameter", "Multiplies the lever: a number, or a parameter's name."),
    D("Modifier", "province", "province = \"henan\"", "ProvinceId", "Only in this province (province levers only; default: all)."),
    D("Modifier", "calendar", "calendar = { 11, 12, 1, 2 }", "{integer}", "Only in these calendar months (whole numbers 1 to 12)."),
    D("Modifier", "scale", "scale = \"zeal\"", "\"zeal\"", "\"zeal\": stronger where cadres are zealous."),
    D("Modifier", "months", "months = 12", "integer", "fx:modifier and fx:modify only: how long it lasts, a whole number of months from 1 (absent: for good)."),
    D("Modifier", "name", "name = \"relief_drive\"", "string", "fx:modify only: the modifier's name (a-z, 0-9, _), for s:has_modifier and fx:remove_modifier; its text is modifier.<name>."),

    D("TestCase", "name", "name = \"the event fires in 1959\"", "string", "What the test checks, printed on its result line."),
    D("TestCase", "scenario", "scenario = \"1958\"", "string", "The scenario to start (default \"1958\")."),
    D("TestCase", "seed", "seed = 1", "integer", "The seed (default 1)."),
    D("TestCase", "choices", "choices = \"historical\"", "string", "\"historical\" (default: the scenario's history) or \"defaults\" (every event's default option)."),
    D("TestCase", "run", "run = function(t) ... end", "function", "The test: drives the game through `t`."),

    D("Work", "id", "id = \"my_mod_smith1999\"", "string", "The id sources = { ... } cite (a-z, 0-9, _; not one the game's works or research notes use)."),
    D("Work", "kind", "kind = \"history\"", "WorkKind", "statistics, demography, history, account (memoirs, contemporary press and reports) or model; default history."),
    D("Work", "grade", "grade = \"B\"", "string", "A, B or C, as assets/data/SOURCES.md grades the game's works (default C)."),
    D("Work", "author", "author = \"Smith, Jane\"", "string", "Who wrote it (required)."),
    D("Work", "author_zh", "author_zh = \"...\"", "string", "The author in Chinese, if the work has a Chinese edition."),
    D("Work", "year", "year = 1999", "integer", "The year it was published (required)."),
    D("Work", "title", "title = \"...\"", "string", "The title as published (required)."),
    D("Work", "title_zh", "title_zh = \"...\"", "string", "A Chinese edition's title."),
    D("Work", "title_en", "title_en = \"...\"", "string", "An English rendering of a Chinese title."),
    D("Work", "published", "published = \"Beijing: ...\"", "string", "Publisher or journal."),
    D("Work", "rests_on", "rests_on = \"...\"", "string", "What in the mod rests on it, in English."),
    D("Work", "rests_on_zh", "rests_on_zh = \"...\"", "string", "The same in Chinese."),

    D("MapMode", "id", "id = \"hunger\"", "string", "The mode's id (--map-mode). Its texts are mapmode.<id>.name (the button and legend) and mapmode.<id>.unit (the legend's unit), in both languages."),
    D("MapMode", "value", "value = function(s, p) return p.kcal end", "fun(s: State, p: Province): number|nil", "The value a province is coloured by (nil: no value, drawn grey). Runs once a month for every province, not every frame."),
    D("MapMode", "lo", "lo = 1000", "number", "The value at the palette's first colour (default: the lowest value this month)."),
    D("MapMode", "hi", "hi = 2600", "number", "The value at its last colour (default: the highest this month)."),
    D("MapMode", "palette", "palette = \"cividis\"", "Palette", "\"viridis\" or \"cividis\" (the palettes of the built-in modes, readable by colour-blind players; default viridis), or a list of 2 to 8 colours { \"#f7f4ea\", \"#7a1f1f\" } from lo to hi."),
    D("MapMode", "reversed", "reversed = true", "boolean", "High values light, low values dark."),
    D("MapMode", "decimals", "decimals = 0", "integer", "Digits after the point in the legend and on the map (default 0)."),

    D("Patch", "event", "event = \"lushan\"", "string", "The event the patch changes (declared by a mod loaded before this one)."),
    D("Patch", "policy", "policy = \"communes\"", "string", "The policy the patch changes (give event or policy)."),
    D("Patch", "options", "options = { { id = \"listen_to_peng\", effects = function(s, fx) ... end } }", "{Option}", "Options of the event: an option with an id the event has changes the fields given (the rest stay); a new id adds an option."),
    D("Patch", "modifiers", "modifiers = { [2] = { lever = \"mess_halls\", add = 0.5 } }", "table<integer, Modifier>", "Modifiers of the policy replaced by position."),
    D("Patch", "add_modifiers", "add_modifiers = { { lever = \"zeal_push\", add = 0.05 } }", "{Modifier}", "Modifiers added to the policy."),

    D("Global", "storage", "storage.count = (storage.count or 0) + 1", "table", "The mod's own table that is saved with the game: strings, numbers, booleans and tables of them, as a tree (no functions, no cycles, no table held twice), at most 16 MiB saved. Restored after the mod's files load; migrations/NNN_name.lua update it for saves of older versions."),
    {"Global", "require", SCRIPT_API_FUNCTION, "require(\"lib.util\")", "any", "Loads lib/util.lua from the mod's own folder (never outside it), once per mod, and returns what it returns.", NULL},
    D("Global", "settings", "if settings.show_notices then ... end", "table<string, boolean|number|string>", "The values of the settings mod.lua declares, as the player chose them in the Mods screen (read-only). A game keeps the values it started with, in its saves; read them inside triggers, effects and hooks."),
    {"Global", "import", SCRIPT_API_FUNCTION, "local atlas = import(\"famine_atlas\")", "table|nil", "What another mod's exports.lua returns, for a mod that lists it in dependencies (nil for an optional one that is not loaded). Its functions run in that mod's sandbox: arguments and results are copied across (plain data, and the views s, p and fx), never shared.", NULL},
    {"Global", "on_new_game", SCRIPT_API_FUNCTION, "function on_new_game(s, fx) ... end", "", "Defined by a mod's file: runs once when a new game starts, after the scenario's setup; may queue effects.", NULL},
    {"Global", "on_month", SCRIPT_API_FUNCTION, "function on_month(s, fx) ... end", "", "Defined by a mod's file: runs after the core has simulated each month (s is the month about to begin); its effects apply in that month.", NULL},
    {"Global", "on_load", SCRIPT_API_FUNCTION, "function on_load(s) ... end", "", "Defined by a mod's file: runs when a saved game is loaded, after its storage is back and migrated; for rebuilding what the mod keeps outside storage. It cannot change storage (a change is undone) or queue effects.", NULL},
    {"Global", "on_mod_added", SCRIPT_API_FUNCTION, "function on_mod_added(s, fx) ... end", "", "Defined by a mod's file: runs when a saved game that did not have this mod is loaded with it; may queue effects (they apply at once) and set up storage.", NULL},
    {"Global", "on_reload", SCRIPT_API_FUNCTION, "function on_reload() ... end", "", "Defined by a mod's file: runs after the scripts are reloaded (F5, --dev), with no state visible.", NULL},
};
const int script_decl_api_count = (int)(sizeof script_decl_api / sizeof script_decl_api[0]);

/* The fields by object and name, for the loader's check of every key of
 * every declared table: an open-addressed table of indexes into the list,
 * built once (a scan of the whole list per key was a tenth of loading). */
#define FIELD_SLOTS 1024 /* a power of two, over twice the list's length */
static short field_slot[FIELD_SLOTS]; /* index + 1; 0 empty */
static pthread_once_t field_once = PTHREAD_ONCE_INIT;

static unsigned field_hash(const char *object, const char *name)
{
    uint64_t h = plat_fnv1a(plat_fnv1a(PLAT_FNV1A_BASIS, object, strlen(object) + 1), name, strlen(name));
    return (unsigned)(h ^ h >> 32) & (FIELD_SLOTS - 1);
}

static void field_index(void)
{
    int n;
    const ScriptApiEntry *e = script_api_entries(&n);
    for (int i = 0; i < n; i++)
        if (e[i].kind == SCRIPT_API_FIELD) {
            unsigned at = field_hash(e[i].object, e[i].name);
            while (field_slot[at])
                at = (at + 1) & (FIELD_SLOTS - 1);
            field_slot[at] = (short)(i + 1);
        }
}

bool script_api_has_field(const char *object, const char *name)
{
    pthread_once(&field_once, field_index);
    int n;
    const ScriptApiEntry *e = script_api_entries(&n);
    for (unsigned at = field_hash(object, name); field_slot[at]; at = (at + 1) & (FIELD_SLOTS - 1)) {
        const ScriptApiEntry *f = &e[field_slot[at] - 1];
        if (strcmp(f->name, name) == 0 && strcmp(f->object, object) == 0)
            return true;
    }
    return false;
}

int script_api_field_names(const char *object, const char **out, int cap)
{
    int n, k = 0;
    const ScriptApiEntry *e = script_api_entries(&n);
    for (int i = 0; i < n && k < cap; i++)
        if (e[i].kind == SCRIPT_API_FIELD && strcmp(e[i].object, object) == 0)
            out[k++] = e[i].name;
    return k;
}
