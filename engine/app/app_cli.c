/* app_cli.c — command-line parsing. Every option is listed in one table,
 * which --help prints, so the help cannot miss one. */
#define _POSIX_C_SOURCE 200809L
#include "app.h"

#include "script.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef GL_VERSION
#define GL_VERSION "0.0.0"
#endif

typedef struct Option {
    const char *name;
    const char *arg;   /* NULL: a flag */
    const char *help;
} Option;

static const Option options[] = {
    {"--headless", NULL, "Run the simulation without a window and write CSV files (needs --out)."},
    {"--until", "YYYY-MM", "Last month to simulate (default 1962-12)."},
    {"--choices", "WHICH", "historical (default): history's choices; defaults: every event's default option; or a Lua choices file."},
    {"--seed", "N", "Seed of the simulation's random numbers (default 1)."},
    {"--shapley", NULL, "With --headless: also decompose history's excess deaths 1959-61 over the main groups of choices (a Shapley decomposition over seeds 1-3) into shapley.csv."},
    {"--seeds", "A-B", "With --headless: run every seed from A to B and write ensemble.csv (mean, 5th and 95th percentile of every figure) beside the CSVs of seed A."},
    {"--out", "DIR", "Folder for national.csv, provinces.csv and monthly.csv (created if missing)."},
    {"--run-tests", "PATH", "Run Lua test files headless (a file, or every .lua in a folder): a line per test, then a summary."},
    {"--screenshot", "FILE", "Render one frame offscreen to a PNG file and exit (with --size, --at, --map-mode, --lang, --screen)."},
    {"--size", "WxH", "Size of the --screenshot frame or of the window, in pixels (default 1440x900)."},
    {"--at", "YYYY-MM", "For --screenshot: play history's choices up to this month first."},
    {"--map-mode", "MODE", "For --screenshot: reported_harvest, actual_harvest, retained, death_rate, population_change, procurement, labour_diverted or report_gap."},
    {"--lang", "en|zh", "Language of the interface (overrides the setting)."},
    {"--screen", "NAME", "For --screenshot: title, scenarios, mods, intro, map, province, event, policies, ledger, menu, settings, sources, end, reckoning, reckoning-decisions, reckoning-history or console. With --kiosk: attract, map, event, reveal (a decision just taken, with what really happened) or ending."},
    {"--renderer", "KIND", "accelerated (default, falls back to software) or software: for broken graphics drivers."},
    {"--kiosk", NULL, "Museum kiosk: fullscreen, attract loop, guided visitor sessions, no way out but the staff chord and PIN (docs/kiosk.md)."},
    {"--kiosk-config", "FILE", "Kiosk settings file (default $XDG_CONFIG_HOME/greatleap/kiosk.ini; keys in docs/kiosk.md)."},
    {"--input-script", "FILE", "Drive the window with scripted input, a command a line (click X Y, tap X Y, key ctrl+s, type TEXT, wait-month, wait-ms N, screenshot FILE, expect-screen NAME, quit; docs/input-script.md). A file runs on a virtual clock; '-' is stdin, on the real clock. For tests."},
    {"--kiosk-input", "FILE", "The same as --input-script."},
    {"--ui-scale", "PERCENT", "Size of the interface, 75 to 200 (overrides the setting)."},
    {"--check-layout", NULL, "With --screenshot: list every button or figure that leaves the bar, panel or window it belongs to, or whose text does not fit it; exit 1 if any."},
    {"--check-contrast", NULL, "With --screenshot: measure every text drawn against the pixels behind it (WCAG 2 contrast); list each below AA (4.5:1, 3:1 for large text); exit 1 if any."},
    {"--soak", "N", "With --kiosk: run offscreen on a virtual clock for N visitor sessions with synthetic touches, printing resident memory."},
    {"--bench-frames", "N", "Benchmark: open the window on the --screen scene, draw N frames without vsync, print timings, exit."},
    {"--scenario", "ID", "Scenario to start (default 1958): headless, in --screenshot, and in the window, where New game lists every loaded scenario."},
    {"--data", "DIR", "Folder holding scripts/ and assets/ (default: found automatically)."},
    {"--mods", "DIR", "Load a mod folder as well as the base game (repeatable); mods load in dependency order."},
    {"--dev", NULL, "Modding: reload the scripts whenever a mod's file changes (F5 reloads by hand; ` opens the console)."},
    {"--no-user-mods", NULL, "Do not load the mods installed in $XDG_DATA_HOME/greatleap/mods."},
    {"--check-mods", "DIR...", "Check mod folders without playing: one 'file:line: message' line per problem; exit 1 if any."},
    {"--test-mods", "DIR...", "Run each mod folder's tests/*.lua headless: a line per test, then a summary; exit 1 if one fails."},
    {"--api-dump", "DIR", "Write the modding API reference (api.md, api.json, greatleap.d.lua) into DIR."},
    {"--kiosk-report", "LOGDIR", "For a museum's curator: read the kiosk's logs in LOGDIR and write kiosk-sessions.csv and kiosk-summary.txt (sessions per day, completion, time spent, choices and their share; no personal data) into --out DIR or the current folder."},
    {"--save-slot", "N", "With --headless: save the game in slot N (1-5) at the end of the run."},
    {"--load-slot", "N", "With --headless: continue the game saved in slot N (0 is the autosave) instead of starting one."},
    {"--without-missing-mods", NULL, "With --load-slot: load a save whose mods are not all installed, leaving out their storage and events."},
    {"--quiet", NULL, "Print nothing but errors."},
    {"--help", NULL, "Show this help and exit."},
    {"--version", NULL, "Show the version and exit."},
};

void app_cli_print_help(void)
{
    printf("Great Leap %s — a historical simulation of China's Great Leap Forward and the famine of 1959-1961.\n\n",
           GL_VERSION);
    printf("Usage: greatleap [OPTION]...\n\n");
    for (size_t i = 0; i < sizeof options / sizeof options[0]; i++) {
        char left[40];
        snprintf(left, sizeof left, "%s%s%s", options[i].name, options[i].arg ? " " : "",
                 options[i].arg ? options[i].arg : "");
        printf("  %-22s %s\n", left, options[i].help);
    }
    printf("\nExit status: 0 on success, 1 if the simulation failed, 2 on bad arguments or input files.\n");
    printf("Example: greatleap --headless --until 1962-12 --choices historical --seed 1 --out out/\n");
}

void app_cli_print_version(void)
{
    printf("greatleap %s (script API %d)\n", GL_VERSION, SCRIPT_API_VERSION);
    printf("Licence: MIT (the code, the scripts and the documentation). The fonts are under the SIL Open Font\n"
           "License 1.1, the map data is public domain (Natural Earth), and the historical data keep their\n"
           "sources' terms. Every file's licence: %s\n",
           GL_COPYRIGHT_FILE);
}

static bool parse_date(const char *s, int *y, int *m)
{
    return s && strlen(s) == 7 && s[4] == '-' && sscanf(s, "%4d-%2d", y, m) == 2 && *m >= 1 && *m <= 12 &&
           *y >= 1900 && *y <= 2100;
}

static const Option *find_option(const char *name)
{
    for (size_t k = 0; k < sizeof options / sizeof options[0]; k++)
        if (strcmp(name, options[k].name) == 0)
            return &options[k];
    return NULL;
}

/* The mode an option selects, or -1 if it selects none. */
static int mode_of(const char *name)
{
    static const struct {
        const char *name;
        AppMode mode;
    } modes[] = {{"--headless", APP_MODE_HEADLESS},     {"--run-tests", APP_MODE_TESTS},
                 {"--screenshot", APP_MODE_SCREENSHOT}, {"--bench-frames", APP_MODE_BENCH},
                 {"--help", APP_MODE_HELP},             {"--version", APP_MODE_VERSION},
                 {"--check-mods", APP_MODE_CHECK_MODS}, {"--test-mods", APP_MODE_TEST_MODS},
                 {"--api-dump", APP_MODE_API_DUMP},     {"--kiosk-report", APP_MODE_KIOSK_REPORT}};
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++)
        if (strcmp(name, modes[i].name) == 0)
            return (int)modes[i].mode;
    return -1;
}

/* Options that make no sense together are refused, never resolved
 * silently (one of them would simply not happen). */
static bool check_combinations(const AppOptions *o, char *err, size_t cap)
{
    bool window = o->mode == APP_MODE_GAME || o->mode == APP_MODE_SCREENSHOT || o->mode == APP_MODE_BENCH;
    if (o->kiosk && !window)
        return snprintf(err, cap, "--kiosk runs the game's window: it cannot go with %s", o->mode_option), false;
    if (o->kiosk && o->dev)
        return snprintf(err, cap, "--dev and --kiosk cannot be used together: a kiosk never reloads scripts"), false;
    if (o->kiosk_config && !o->kiosk)
        return snprintf(err, cap, "--kiosk-config goes with --kiosk"), false;
    if ((o->save_slot || o->load_slot_given) && o->mode != APP_MODE_HEADLESS)
        return snprintf(err, cap, "--save-slot and --load-slot go with --headless"), false;
    if (o->without_missing_mods && !o->load_slot_given)
        return snprintf(err, cap, "--without-missing-mods goes with --load-slot"), false;
    if (o->soak_sessions > 0 && !o->kiosk)
        return snprintf(err, cap, "--soak runs the kiosk: add --kiosk"), false;
    if (o->check_contrast && o->mode != APP_MODE_SCREENSHOT)
        return snprintf(err, cap, "--check-contrast goes with --screenshot"), false;
    if (o->check_layout && o->mode != APP_MODE_SCREENSHOT)
        return snprintf(err, cap, "--check-layout goes with --screenshot"), false;
    if (o->shapley && o->mode != APP_MODE_HEADLESS)
        return snprintf(err, cap, "--shapley goes with --headless"), false;
    if (o->seed_count > 0 && (o->mode != APP_MODE_HEADLESS || o->save_slot || o->load_slot_given))
        return snprintf(err, cap, "--seeds goes with --headless (and not with --save-slot or --load-slot)"), false;
    if (o->mode == APP_MODE_HEADLESS && !o->out_dir)
        return snprintf(err, cap, "--headless needs --out DIR for its CSV files"), false;
    return true;
}

bool app_cli_parse(int argc, char **argv, AppOptions *o, char *err, size_t cap)
{
    memset(o, 0, sizeof *o);
    o->mode = APP_MODE_GAME;
    o->until_year = 1962;
    o->until_month = 12;
    o->choices = "historical";
    o->seed = 1;
    o->scenario = "1958";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const Option *opt = find_option(a);
        if (!opt) {
            snprintf(err, cap, "unknown option '%s' (try --help)", a);
            return false;
        }
        const char *v = NULL;
        if (opt->arg) {
            /* "--out --quiet" is a missing value, not a folder named --quiet. */
            if (i + 1 >= argc || find_option(argv[i + 1])) {
                snprintf(err, cap, "%s needs a value: %s %s", a, a, opt->arg);
                return false;
            }
            v = argv[++i];
        }
        int mode = mode_of(a);
        if (mode >= 0 && o->mode_option && strcmp(o->mode_option, a) != 0) {
            snprintf(err, cap, "%s and %s cannot be used together: choose one", o->mode_option, a);
            return false;
        }
        if (mode >= 0)
            o->mode_option = opt->name;
        if (strcmp(a, "--check-mods") == 0 || strcmp(a, "--test-mods") == 0) {
            /* DIR...: this value and every following one up to the next option. */
            o->mode = strcmp(a, "--check-mods") == 0 ? APP_MODE_CHECK_MODS : APP_MODE_TEST_MODS;
            for (;;) {
                if (o->mod_arg_count >= APP_MAX_MODS) {
                    snprintf(err, cap, "%s: at most %d mod folders", a, APP_MAX_MODS);
                    return false;
                }
                o->mod_args[o->mod_arg_count++] = v;
                if (i + 1 >= argc || strncmp(argv[i + 1], "--", 2) == 0)
                    break;
                v = argv[++i];
            }
        } else if (strcmp(a, "--kiosk-report") == 0) {
            o->mode = APP_MODE_KIOSK_REPORT;
            o->kiosk_report_dir = v;
        } else if (strcmp(a, "--api-dump") == 0) {
            o->mode = APP_MODE_API_DUMP;
            o->api_dir = v;
        } else if (strcmp(a, "--no-user-mods") == 0)
            o->no_user_mods = true;
        else if (strcmp(a, "--without-missing-mods") == 0)
            o->without_missing_mods = true;
        else if (strcmp(a, "--dev") == 0)
            o->dev = true;
        else if (strcmp(a, "--check-layout") == 0)
            o->check_layout = true;
        else if (strcmp(a, "--check-contrast") == 0)
            o->check_contrast = true;
        else if (strcmp(a, "--save-slot") == 0 || strcmp(a, "--load-slot") == 0) {
            bool save = strcmp(a, "--save-slot") == 0;
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || !*v || n < (save ? 1 : 0) || n > APP_SAVE_SLOTS) {
                snprintf(err, cap, "%s: '%s' is not a slot from %d to %d", a, v, save ? 1 : 0, APP_SAVE_SLOTS);
                return false;
            }
            *(save ? &o->save_slot : &o->load_slot) = (int)n;
            if (!save)
                o->load_slot_given = true;
        } else if (strcmp(a, "--headless") == 0)
            o->mode = APP_MODE_HEADLESS;
        else if (strcmp(a, "--help") == 0)
            o->mode = APP_MODE_HELP;
        else if (strcmp(a, "--version") == 0)
            o->mode = APP_MODE_VERSION;
        else if (strcmp(a, "--quiet") == 0)
            o->quiet = true;
        else if (strcmp(a, "--shapley") == 0)
            o->shapley = true;
        else if (strcmp(a, "--until") == 0) {
            if (!parse_date(v, &o->until_year, &o->until_month)) {
                snprintf(err, cap, "--until: '%s' is not a month like 1962-12", v);
                return false;
            }
        } else if (strcmp(a, "--seed") == 0) {
            char *end;
            errno = 0;
            unsigned long long n = strtoull(v, &end, 10);
            if (errno || *end || !*v || v[0] == '-') {
                snprintf(err, cap, "--seed: '%s' is not a whole number 0 or more", v);
                return false;
            }
            o->seed = n;
        } else if (strcmp(a, "--seeds") == 0) {
            unsigned long long first, last;
            char extra;
            if (sscanf(v, "%llu-%llu%c", &first, &last, &extra) != 2 || v[0] == '-' || first > last ||
                last - first >= APP_MAX_SEEDS) {
                snprintf(err, cap, "--seeds: '%s' is not a range like 1-20 (at most %d seeds)", v, APP_MAX_SEEDS);
                return false;
            }
            o->seed = first;
            o->seed_count = (int)(last - first + 1);
        } else if (strcmp(a, "--choices") == 0)
            o->choices = v;
        else if (strcmp(a, "--screenshot") == 0) {
            o->mode = APP_MODE_SCREENSHOT;
            o->screenshot = v;
        } else if (strcmp(a, "--size") == 0) {
            char extra;
            if (sscanf(v, "%dx%d%c", &o->width, &o->height, &extra) != 2 || o->width < 320 || o->height < 240 ||
                o->width > 8192 || o->height > 8192) {
                snprintf(err, cap, "--size: '%s' is not a size like 1920x1080 (320x240 to 8192x8192)", v);
                return false;
            }
        } else if (strcmp(a, "--at") == 0) {
            if (!parse_date(v, &o->at_year, &o->at_month)) {
                snprintf(err, cap, "--at: '%s' is not a month like 1959-07", v);
                return false;
            }
            o->has_at = true;
        } else if (strcmp(a, "--map-mode") == 0)
            o->map_mode = v;
        else if (strcmp(a, "--lang") == 0) {
            if (strcmp(v, "en") != 0 && strcmp(v, "zh") != 0) {
                snprintf(err, cap, "--lang: '%s' must be en or zh", v);
                return false;
            }
            o->lang = v;
        } else if (strcmp(a, "--screen") == 0)
            o->screen = v;
        else if (strcmp(a, "--run-tests") == 0) {
            o->mode = APP_MODE_TESTS;
            o->tests_path = v;
        } else if (strcmp(a, "--out") == 0)
            o->out_dir = v;
        else if (strcmp(a, "--scenario") == 0)
            o->scenario = v;
        else if (strcmp(a, "--renderer") == 0) {
            if (strcmp(v, "accelerated") != 0 && strcmp(v, "software") != 0) {
                snprintf(err, cap, "--renderer: '%s' must be accelerated or software", v);
                return false;
            }
            o->software_renderer = strcmp(v, "software") == 0;
        } else if (strcmp(a, "--bench-frames") == 0) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || !*v || n < 1 || n > 1000000) {
                snprintf(err, cap, "--bench-frames: '%s' is not a number of frames from 1 to 1000000", v);
                return false;
            }
            o->mode = APP_MODE_BENCH;
            o->bench_frames = (int)n;
        } else if (strcmp(a, "--kiosk") == 0) {
            o->kiosk = true;
        } else if (strcmp(a, "--kiosk-config") == 0) {
            o->kiosk_config = v;
        } else if (strcmp(a, "--kiosk-input") == 0 || strcmp(a, "--input-script") == 0) {
            o->input_script = v;
        } else if (strcmp(a, "--ui-scale") == 0) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || !*v || n < 75 || n > 200) {
                snprintf(err, cap, "--ui-scale: '%s' is not a percentage from 75 to 200", v);
                return false;
            }
            o->ui_scale_percent = (int)n;
        } else if (strcmp(a, "--soak") == 0) {
            char *end;
            long n = strtol(v, &end, 10);
            if (*end || !*v || n < 1 || n > 1000000) {
                snprintf(err, cap, "--soak: '%s' is not a number of sessions from 1 to 1000000", v);
                return false;
            }
            o->soak_sessions = (int)n;
        }
        else if (strcmp(a, "--data") == 0)
            o->data_dir = v;
        else if (strcmp(a, "--mods") == 0) {
            if (o->mod_count >= APP_MAX_MODS) {
                snprintf(err, cap, "--mods: at most %d mod folders", APP_MAX_MODS);
                return false;
            }
            o->mods[o->mod_count++] = v;
        }
    }
    return check_combinations(o, err, cap);
}
