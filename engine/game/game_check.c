/* game_check.c — greatleap --check-mods: everything that can be found wrong
 * in a mod without playing it. The manifests and the load order; every file
 * loads (syntax, fields, unique ids); the scenario and parameters hold; the
 * ids, provinces, levers and variables the scripts name exist (read from the
 * source where they are literal, and by running every trigger, option and
 * monthly hook on sample states of a whole run); events that can never fire;
 * a text in both languages for every player-facing key, in glyphs the
 * bundled fonts have; test files that load. Problems come out sorted by file
 * and line, each once. */
#include "game.h"
#include "game_internal.h"

#include "platform.h"
#include "script_api.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "game_check_internal.h"

/* ==== Problems ==== */

/* Whether two messages differ only in their numbers: the same trigger
 * failing on each sample state is one mistake, reported once. */
static bool same_but_numbers(const char *a, const char *b)
{
    for (;;) {
        while (*a && (isdigit((unsigned char)*a) || *a == '.' || *a == '-'))
            a++;
        while (*b && (isdigit((unsigned char)*b) || *b == '.' || *b == '-'))
            b++;
        if (*a != *b)
            return false;
        if (!*a)
            return true;
        a++, b++;
    }
}

void check_add(Check *c, const char *file, int line, const char *fmt, ...)
{
    char message[sizeof c->items[0].message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    const char *shown = file && *file ? file : "?";
    for (int i = 0; i < c->count; i++)
        if (c->items[i].line == line && strcmp(c->items[i].file, shown) == 0 &&
            same_but_numbers(c->items[i].message, message))
            return;
    if (c->count == c->cap) {
        int cap = c->cap ? c->cap * 2 : 64;
        Problem *n = realloc(c->items, sizeof *n * (size_t)cap);
        if (!n) {
            c->out_of_memory = true;
            return;
        }
        c->items = n;
        c->cap = cap;
    }
    static const char *const tails[SCRIPT_LANG_COUNT] = {"/locale/en.lua", "/locale/zh.lua"};
    size_t fl = file ? strlen(file) : 0;
    for (int l = 0; l < SCRIPT_LANG_COUNT; l++)
        if (fl >= strlen(tails[l]) && strcmp(file + fl - strlen(tails[l]), tails[l]) == 0)
            c->locale_broken[l] = true;
    Problem *p = &c->items[c->count++];
    p->from_source = c->reading_source;
    snprintf(p->file, sizeof p->file, "%s", shown);
    p->line = line;
    snprintf(p->message, sizeof p->message, "%s", message);
}

static void on_problem(const char *file, int line, const char *message, void *user)
{
    check_add(user, file, line, "%s", message);
}

/* "file:line: message" (as game_create and the manifest reader give it). */
static void add_text(Check *c, const char *text)
{
    const char *colon = strstr(text, ".lua:");
    char file[512];
    if (colon && isdigit((unsigned char)colon[5])) {
        size_t n = (size_t)(colon + 4 - text);
        snprintf(file, sizeof file, "%.*s", (int)(n < sizeof file ? n : sizeof file - 1), text);
        char *end;
        long line = strtol(colon + 5, &end, 10);
        check_add(c, file, (int)line, "%s", *end == ':' ? end + (end[1] == ' ' ? 2 : 1) : end);
    } else {
        const char *sep = strstr(text, ": ");
        snprintf(file, sizeof file, "%.*s", sep ? (int)(sep - text) : 0, text);
        check_add(c, sep ? file : "", 0, "%s", sep ? sep + 2 : text);
    }
}

static void on_script_error(const ScriptError *e, void *user)
{
    Check *c = user;
    if (e->file[0])
        check_add(c, e->file, e->line, "%s", e->message);
    else
        check_add(c, e->mod, 0, "%s: %s", e->context, e->message);
}

/* The first 'quoted' name in a message ("" if none). */
static void quoted(const char *msg, char *out, size_t cap)
{
    const char *a = strchr(msg, '\''), *b = a ? strchr(a + 1, '\'') : NULL;
    snprintf(out, cap, "%.*s", a && b ? (int)(b - a + 1) : 0, a ? a : "");
}

/* A problem read from the source that a script run also reported, at the
 * same place and about the same name: the run's message says it better. */
static bool said_twice(const Check *c, int i)
{
    const Problem *p = &c->items[i];
    char name[128], other[128];
    quoted(p->message, name, sizeof name);
    if (!p->from_source || !name[0])
        return false;
    for (int k = 0; k < c->count; k++) {
        const Problem *q = &c->items[k];
        if (k == i || q->from_source || q->line != p->line || strcmp(q->file, p->file) != 0)
            continue;
        quoted(q->message, other, sizeof other);
        if (strcmp(name, other) == 0)
            return true;
    }
    return false;
}

static int compare_problems(const void *a, const void *b)
{
    const Problem *x = a, *y = b;
    int f = strcmp(x->file, y->file);
    if (f)
        return f;
    if (x->line != y->line)
        return x->line - y->line;
    return strcmp(x->message, y->message);
}

/* ==== Source text ==== */

/* The text of a loaded mod's file by the name messages give it (NULL if it
 * cannot be read). */
char *check_read_source(const Check *c, const char *display)
{
    size_t len;
    return script_file_read(c->h, display, 4u << 20, &len);
}

/* The line where `token` appears first, preferring "token =" (1 if nowhere). */
int check_line_of(const char *src, const char *token)
{
    if (!src || !token || !*token)
        return 1;
    const char *hit = NULL;
    size_t n = strlen(token);
    for (const char *p = strstr(src, token); p && !hit; p = strstr(p + 1, token)) {
        const char *q = p + n;
        while (*q == ' ' || *q == '"' || *q == '\'' || *q == ']')
            q++;
        if (q[0] == '=' && q[1] != '=')
            hit = p;
    }
    if (!hit)
        hit = strstr(src, token);
    int line = 1;
    for (const char *p = src; hit && p < hit; p++)
        line += *p == '\n';
    return line;
}

/* The line of `id = "ID"` (where the declaration names itself), else as
 * line_of: a comment naming the file must not take the message. */
static int id_line_of(const char *src, const char *id)
{
    size_t n = id ? strlen(id) : 0;
    for (const char *p = src && n ? strstr(src, id) : NULL; p; p = strstr(p + 1, id)) {
        if (p == src || (p[-1] != '"' && p[-1] != '\'') || p[n] != p[-1])
            continue;
        const char *q = p - 2;
        while (q > src && *q == ' ')
            q--;
        if (*q != '=' || q == src)
            continue;
        q--;
        while (q > src && *q == ' ')
            q--;
        if (q - 1 >= src && q[0] == 'd' && q[-1] == 'i' && (q - 1 == src || !isalnum((unsigned char)q[-2]))) {
            int line = 1;
            for (const char *r = src; r < p; r++)
                line += *r == '\n';
            return line;
        }
    }
    return check_line_of(src, id);
}

/* ==== Names the scripts use, read from the source ==== */

typedef enum RefKind { REF_POLICY, REF_EVENT, REF_PROVINCE, REF_HOLDER, REF_LEVER, REF_VAR, REF_LOCALE, REF_REQUIRE,
                       REF_CHOOSE } RefKind;

static const struct {
    const char *prefix;
    RefKind kind;
} patterns[] = {
    {"enact(", REF_POLICY},        {"repeal(", REF_POLICY},        {"policy_active(", REF_POLICY},
    {"policy_months(", REF_POLICY}, {"event_fired(", REF_EVENT},    {"event_choice(", REF_EVENT},
    {"event_months(", REF_EVENT},  {"province(", REF_PROVINCE},    {"province =", REF_PROVINCE},
    {"from =", REF_HOLDER},        {"to =", REF_HOLDER},           {"lever(", REF_LEVER},
    {"lever =", REF_LEVER},        {"var =", REF_VAR},             {"notify(", REF_LOCALE},
    {"require(", REF_REQUIRE},     {"require ", REF_REQUIRE},      {"choose(", REF_CHOOSE},
};

/* Reads a string literal at p (after spaces); returns the position after it
 * or NULL if there is none. */
static const char *literal(const char *p, char *out, size_t cap)
{
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p != '"' && *p != '\'')
        return NULL;
    char q = *p++;
    size_t n = 0;
    while (*p && *p != q && *p != '\n') {
        if (*p == '\\')
            return NULL; /* escapes: not a plain id */
        if (n + 1 < cap)
            out[n++] = *p;
        p++;
    }
    out[n] = '\0';
    return *p == q ? p + 1 : NULL;
}

static bool has_province(const CoreState *s, const char *id) { return core_province_find(s, id) >= 0; }

/* Reports a locale key missing in either language. */
static void need_text(Check *c, const char *file, int line, const char *what, const char *key)
{
    static const char *const names[SCRIPT_LANG_COUNT] = {"English", "Chinese"};
    static const char *const files[SCRIPT_LANG_COUNT] = {"en", "zh"};
    for (int l = 0; l < SCRIPT_LANG_COUNT; l++)
        if (!script_has_text(c->h, (ScriptLang)l, key) && !c->locale_broken[l])
            check_add(c, file, line, "%s: no %s text for '%s' (add it to locale/%s.lua)", what, names[l], key, files[l]);
}

static void check_ref(Check *c, int mod, const char *file, int line, RefKind kind, const char *name, const char *next)
{
    const CoreState *s = c->samples[0];
    char mod_file[PLAT_PATH_MAX], rel[256];
    switch (kind) {
    case REF_POLICY:
        if (script_policy_find(c->h, name) < 0)
            check_add(c, file, line, "unknown policy '%s'", name);
        break;
    case REF_EVENT:
    case REF_CHOOSE: {
        int e = script_event_find(c->h, name);
        char option[CORE_ID_LEN];
        if (e < 0) {
            check_add(c, file, line, "unknown event '%s'", name);
            break;
        }
        /* event_choice("x") == "y" and t:choose("x", "y") name an option of x */
        const char *p = next;
        while (*p == ' ' || *p == ')')
            p++;
        if (kind == REF_CHOOSE && *p == ',')
            p++;
        else if (kind == REF_EVENT && (strncmp(p, "==", 2) == 0 || strncmp(p, "~=", 2) == 0))
            p += 2;
        else
            break;
        if (literal(p, option, sizeof option) && script_option_find(script_event_at(c->h, e), option) < 0)
            check_add(c, file, line, "event '%s' has no option '%s'", name, option);
        break;
    }
    case REF_HOLDER:
    case REF_PROVINCE: {
        bool holder = kind == REF_HOLDER && (strcmp(name, "granary") == 0 || strcmp(name, "abroad") == 0);
        char why[512];
        if (!holder && strcmp(name, "all") != 0 && !has_province(s, name)) {
            script_unknown_province(c->h, s, name, why, sizeof why);
            check_add(c, file, line, "%s", why);
        }
        break;
    }
    case REF_LEVER: {
        char why[256];
        if (core_lever_find(name) == CORE_LEVER_COUNT) {
            script_unknown_lever(name, why, sizeof why);
            check_add(c, file, line, "%s", why);
        }
        break;
    }
    case REF_VAR: {
        char why[256];
        if (core_var_find(name) == CORE_VAR_COUNT) {
            script_unknown_var(name, why, sizeof why);
            check_add(c, file, line, "%s", why);
        }
        break;
    }
    case REF_LOCALE: need_text(c, file, line, "fx:notify", name); break;
    case REF_REQUIRE: {
        size_t n = strlen(name);
        bool plain = n > 0 && n + 5 < sizeof rel;
        for (size_t i = 0; plain && i < n; i++) {
            plain = isalnum((unsigned char)name[i]) || name[i] == '_' || name[i] == '.';
            rel[i] = name[i] == '.' ? '/' : name[i];
        }
        if (!plain)
            break; /* require() itself reports bad names when it runs */
        memcpy(rel + n, ".lua", 5);
        if (!plat_path_join(mod_file, sizeof mod_file, script_mod_dir(c->h, mod), rel) || !plat_is_file(mod_file))
            check_add(c, file, line, "require: no module '%s' in the mod's folder (looked for %s)", name, rel);
        else {
            char shown[PLAT_PATH_MAX];
            const char *mf = script_mod_manifest(c->h, mod)->file;
            snprintf(shown, sizeof shown, "%.*s%s", (int)(strlen(mf) > 7 ? strlen(mf) - 7 : 0), mf, rel);
            script_syntax_check(c->h, mod, mod_file, shown);
        }
        break;
    }
    }
}

/* Finds every literal name after the patterns above, outside comments. */
static void scan_source(Check *c, int mod, const char *file, const char *src)
{
    c->reading_source = true;
    int line = 1;
    for (const char *p = src; *p; p++) {
        if (*p == '\n') {
            line++;
            continue;
        }
        if (p[0] == '-' && p[1] == '-') { /* a comment: skip to the end of the line or the long comment */
            const char *end = strncmp(p + 2, "[[", 2) == 0 ? strstr(p, "]]") : strchr(p, '\n');
            for (; *p && p != end; p++)
                line += *p == '\n';
            if (!*p)
                break;
            p--; /* the loop steps onto the end of the comment */
            continue;
        }
        if (p != src && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
            continue;
        for (size_t k = 0; k < sizeof patterns / sizeof patterns[0]; k++) {
            size_t n = strlen(patterns[k].prefix);
            if (strncmp(p, patterns[k].prefix, n) != 0)
                continue;
            char name[128];
            const char *after = literal(p + n, name, sizeof name);
            if (after)
                check_ref(c, mod, file, line, patterns[k].kind, name, after);
        }
    }
    c->reading_source = false;
}

static void scan_file(Check *c, int mod, const char *display)
{
    char *src = check_read_source(c, display);
    if (src)
        scan_source(c, mod, display, src);
    free(src);
}

/* ==== Content ==== */

static void check_event(Check *c, int index, int mod)
{
    const ScriptEventInfo *e = script_event_at(c->h, index);
    char *src = check_read_source(c, e->file);
    char what[80];
    snprintf(what, sizeof what, "event '%s'", e->id);
    int id_line = id_line_of(src, e->id);
    const CoreState *s0 = c->samples[0];
    int first = s0->start_year * 12 + s0->start_month - 1, last = GAME_LAST_YEAR * 12 + GAME_LAST_MONTH - 1;
    if (e->date_ym > last)
        check_add(c, e->file, check_line_of(src, "date"), "%s can never fire: its date %d-%02d is after the game ends (%d-%02d)",
            e->id, e->date_ym / 12, e->date_ym % 12 + 1, GAME_LAST_YEAR, GAME_LAST_MONTH);
    if (e->until_ym >= 0 && e->until_ym < first)
        check_add(c, e->file, check_line_of(src, "until"), "%s can never fire: its window ends before the game starts (%d-%02d)",
            e->id, s0->start_year, s0->start_month);
    if (e->until_ym >= 0 && e->date_ym >= 0 && e->until_ym < e->date_ym)
        check_add(c, e->file, check_line_of(src, "until"), "%s can never fire: 'until' comes before 'date'", e->id);
    bool province_ok = !e->province[0] || has_province(s0, e->province);
    if (!province_ok)
        check_add(c, e->file, check_line_of(src, "province"), "%s can never fire: there is no province '%s'", e->id,
            e->province);
    char key[160];
    /* A hidden event is never shown: it needs no texts. */
    if (!e->hidden) {
        need_text(c, e->file, id_line, what, e->title_key);
        need_text(c, e->file, id_line, what, e->text_key);
        snprintf(key, sizeof key, "event.%s.title", e->id);
        if (strcmp(key, e->title_key) != 0)
            need_text(c, e->file, id_line, what, key); /* the notifications use it */
    }
    for (int o = 0; o < e->option_count && !e->hidden; o++) {
        int option_line = id_line_of(src, e->options[o].id);
        need_text(c, e->file, option_line, what, e->options[o].text_key);
        snprintf(key, sizeof key, "event.%s.option.%s", e->id, e->options[o].id);
        if (strcmp(key, e->options[o].text_key) != 0)
            need_text(c, e->file, option_line, what, key);
    }
    char why[PLAT_PATH_MAX + 256];
    if (e->picture[0] && !script_event_picture_check(c->h, e, why, sizeof why))
        check_add(c, e->file, check_line_of(src, "picture"), "%s: picture '%s': %s", e->id, e->picture, why);
    if (src)
        scan_source(c, mod, e->file, src);
    free(src);
    if (!province_ok)
        return;
    /* Run the trigger and every option on the sample states: for every
     * province on one state, for one province on the others. */
    ScriptCommands out = {0};
    for (int k = 0; k < SAMPLE_COUNT; k++) {
        CoreState *s = c->samples[k];
        if (!s)
            continue;
        int lo = -1, hi = -1;
        if (e->per_province) {
            lo = 0;
            hi = k == SAMPLE_COUNT - 1 ? s->province_count - 1 : 0;
        } else if (e->province[0])
            lo = hi = core_province_find(s, e->province);
        for (int p = lo; p <= hi; p++) {
            bool holds; /* a failing trigger is reported; its options still run */
            script_event_try_trigger(c->h, s, index, p, &holds);
            ScriptDue due = {index, p, 0};
            for (int o = 0; o < e->option_count; o++) {
                script_commands_clear(&out);
                script_event_choose(c->h, s, &due, o, true, &out);
            }
        }
    }
    script_commands_free(&out);
}

static void check_policy(Check *c, int index, int mod)
{
    const ScriptPolicyInfo *p = script_policy_at(c->h, index);
    char *src = check_read_source(c, p->file);
    char what[80], key[160];
    snprintf(what, sizeof what, "policy '%s'", p->id);
    int id_line = id_line_of(src, p->id);
    need_text(c, p->file, id_line, what, p->name_key);
    need_text(c, p->file, id_line, what, p->desc_key);
    snprintf(key, sizeof key, "policy.%s.name", p->id);
    if (strcmp(key, p->name_key) != 0)
        need_text(c, p->file, id_line, what, key);
    snprintf(key, sizeof key, "category.%s", p->category);
    need_text(c, p->file, check_line_of(src, "category"), what, key);
    if (src)
        scan_source(c, mod, p->file, src);
    free(src);
    ScriptCommands out = {0};
    for (int k = 0; k < SAMPLE_COUNT; k++)
        if (c->samples[k] && !script_policy_try_hook(c->h, c->samples[k], index, &out))
            break;
    script_commands_free(&out);
}

/* Migrations run, from the first, on an empty storage (a save made before
 * the mod kept anything) and on the storage the mod kept at each sample
 * state, each call bounded like any other: a failure is a problem at its
 * file and line. */
static void check_migrations(Check *c, int mod)
{
    if (script_mod_migration_level(c->h, mod) <= 0)
        return;
    script_migrations_try(c->h, mod, NULL, 0);
    const char *id = script_mod_id(c->h, mod);
    for (int k = 0; k < SAMPLE_COUNT; k++)
        for (int i = 0; i < c->storage_count[k]; i++)
            if (strcmp(c->storages[k][i].id, id) == 0 && c->storages[k][i].storage)
                script_migrations_try(c->h, mod, c->storages[k][i].storage, c->storages[k][i].storage_len);
}

/* The test files load and list their tests; migrations compile and run. */
static void check_files(Check *c, int mod)
{
    const char *dir = script_mod_dir(c->h, mod);
    const char *mf = script_mod_manifest(c->h, mod)->file;
    int shown_len = (int)(strlen(mf) > 8 ? strlen(mf) - 8 : 0); /* without "/mod.lua" */
    static const char *const subs[] = {"tests", "migrations"};
    for (int k = 0; k < 2; k++) {
        char sub[PLAT_PATH_MAX];
        int n;
        char **names = plat_path_join(sub, sizeof sub, dir, subs[k]) && plat_is_dir(sub)
                           ? plat_list_dir(sub, ".lua", &n)
                           : NULL;
        for (int i = 0; names && i < n; i++) {
            char path[PLAT_PATH_MAX], shown[PLAT_PATH_MAX];
            plat_path_join(path, sizeof path, sub, names[i]);
            snprintf(shown, sizeof shown, "%.*s/%s/%s", shown_len, mf, subs[k], names[i]);
            if (k == 0) {
                ScriptTestInfo *tests = calloc(256, sizeof *tests);
                char err[1024] = "";
                int count = tests ? script_test_list_in(c->h, mod, path, shown, tests, 256, err, sizeof err) : 0;
                if (count < 0)
                    add_text(c, err);
                else if (tests && count == 0)
                    check_add(c, shown, 1, "the file lists no tests");
                free(tests);
            } else {
                script_syntax_check(c->h, mod, path, shown);
            }
            scan_file(c, mod, shown);
        }
        if (names)
            plat_list_free(names, n);
    }
    check_migrations(c, mod);
}

static bool valid_version(const char *v)
{
    if (!isdigit((unsigned char)*v))
        return false;
    for (; *v; v++)
        if (!isdigit((unsigned char)*v) && !(*v == '.' && isdigit((unsigned char)v[1])))
            return false;
    return true;
}

static void check_manifest(Check *c, const ScriptManifest *m, const char *dir)
{
    char *src = NULL;
    char path[PLAT_PATH_MAX];
    size_t len;
    if (plat_path_join(path, sizeof path, dir, "mod.lua"))
        src = plat_read_file_in(dir, path, 1u << 20, &len);
    if (!m->name[0])
        check_add(c, m->file, check_line_of(src, "id"), "mod.lua: 'name' is missing");
    if (!src || !strstr(src, "version"))
        check_add(c, m->file, 1, "mod.lua: 'version' is missing (like version = \"1.0.0\")");
    else if (!valid_version(m->version))
        check_add(c, m->file, check_line_of(src, "version"), "mod.lua: version \"%s\" is not numbers joined by dots (1.0.0)",
            m->version);
    free(src);
}

/* ==== The whole check ==== */

/* Runs a scenario with history's choices to the end of the game; script
 * errors along the way are problems. With `keep`, the states at the start
 * and in each July from 1959 become the sample states. */
static void sample_run(Check *c, const GameDesc *base, const char *scenario, bool keep, Game **out)
{
    GameDesc d = *base;
    d.scenario = scenario;
    char err[1024] = "";
    Game *g = game_create(&d, err, sizeof err);
    if (!g) {
        add_text(c, err);
        return;
    }
    static const int sample_month[SAMPLE_COUNT] = {0, 18, 30, 42};
    for (int k = 0; k < SAMPLE_COUNT && keep; k++) {
        while (game_state(g)->month < sample_month[k] && game_advance(g, err, sizeof err))
            ;
        if (game_state(g)->month == sample_month[k]) {
            c->samples[k] = core_state_clone(game_state(g));
            char why[256];
            if (!game_save_mods(g, c->storages[k], SCRIPT_MAX_MODS, &c->storage_count[k], why, sizeof why)) {
                script_mod_saves_free(c->storages[k], c->storage_count[k]);
                c->storage_count[k] = 0; /* storage that cannot be saved was reported as it failed */
            }
        }
    }
    if (!game_run_until(g, GAME_LAST_YEAR, GAME_LAST_MONTH, err, sizeof err))
        add_text(c, err);
    if (out)
        *out = g;
    else
        game_destroy(g);
}

/* The folders to load: the base game first, then the dependencies and the
 * mods to check, each once (the base game's own folder may be checked). */
typedef struct Folders {
    int count;
    char dirs[SCRIPT_MAX_MODS][PLAT_PATH_MAX];
    const char *shown[SCRIPT_MAX_MODS];
    bool checked[SCRIPT_MAX_MODS];
    ScriptManifest manifests[SCRIPT_MAX_MODS];
} Folders;

static bool gather(Check *c, Folders *f)
{
    const GameCheckDesc *d = c->d;
    plat_path_join(f->dirs[0], sizeof f->dirs[0], d->data_dir, "scripts");
    f->shown[0] = "scripts";
    f->count = 1;
    for (int i = 0; i < d->extra_dir_count + d->check_dir_count; i++) {
        bool is_check = i >= d->extra_dir_count;
        const char *dir = is_check ? d->check_dirs[i - d->extra_dir_count] : d->extra_dirs[i];
        int same = -1;
        for (int k = 0; k < f->count && same < 0; k++)
            if (game_same_folder(f->dirs[k], dir))
                same = k;
        if (same >= 0) {
            f->checked[same] |= is_check;
            continue;
        }
        if (f->count >= SCRIPT_MAX_MODS) {
            check_add(c, dir, 0, "too many mods (at most %d)", SCRIPT_MAX_MODS);
            return false;
        }
        snprintf(f->dirs[f->count], sizeof f->dirs[f->count], "%s", dir);
        f->shown[f->count] = dir;
        f->checked[f->count++] = is_check;
    }
    bool ok = true;
    for (int i = 0; i < f->count; i++) {
        char err[1024];
        if (!script_manifest_read(f->dirs[i], f->shown[i], &f->manifests[i], err, sizeof err)) {
            add_text(c, err);
            ok = false;
        } else if (f->checked[i]) {
            check_manifest(c, &f->manifests[i], f->dirs[i]);
        }
    }
    return ok;
}

/* Every mod's parameters at once (a game stops at the first bad one). */
static bool check_parameters(Check *c, const GameDesc *base)
{
    ScriptHost *probe = script_host_create(&base->host);
    CoreScenario *sc = calloc(1, sizeof *sc);
    char err[1024] = "";
    ScriptScenario ss;
    bool ok = false;
    if (probe && sc && game_load_mods(probe, base, err, sizeof err) && script_scenario_get(probe, "1958", &ss) &&
        game_build_scenario(base->data_dir, &ss, sc, err, sizeof err))
        ok = game_apply_mod_parameters(probe, sc, on_problem, c);
    else
        add_text(c, err[0] ? err : "cannot load the mods");
    free(sc);
    script_host_destroy(probe);
    return ok;
}

static void check_content(Check *c, const GameDesc *base)
{
    for (int i = 0; i < script_event_count(c->h); i++) {
        int mod = script_mod_find(c->h, script_event_at(c->h, i)->mod);
        if (mod >= 0 && c->checked[mod])
            check_event(c, i, mod);
    }
    for (int i = 0; i < script_policy_count(c->h); i++) {
        int mod = script_mod_find(c->h, script_policy_at(c->h, i)->mod);
        if (mod >= 0 && c->checked[mod])
            check_policy(c, i, mod);
    }
    for (int i = 0; i < script_scenario_count(c->h); i++) {
        const char *id = script_scenario_id(c->h, i), *file = script_scenario_file(c->h, i);
        int mod = script_file_mod(c->h, file);
        if (mod < 0 || !c->checked[mod])
            continue;
        char key[96];
        snprintf(key, sizeof key, "scenario.%s.name", id);
        char *src = check_read_source(c, file);
        need_text(c, file, check_line_of(src, id), "scenario", key);
        free(src);
        script_scenario_check(c->h, id, on_problem, c);
        scan_file(c, mod, file);
        if (strcmp(id, "1958") != 0)
            sample_run(c, base, id, false, NULL);
    }
    check_locale(c);
    for (int mod = 0; mod < script_mod_count(c->h); mod++)
        if (c->checked[mod])
            check_files(c, mod);
}

int game_check_mods(const GameCheckDesc *d)
{
    Check c = {.d = d};
    Folders *f = calloc(1, sizeof *f);
    int order[SCRIPT_MAX_MODS];
    const char *extra[SCRIPT_MAX_MODS];
    int extra_count = 0;
    Game *g = NULL;
    if (!f)
        check_add(&c, "", 0, "out of memory");
    else if (gather(&c, f) && script_mods_order(f->manifests, f->count, order, on_problem, &c)) {
        for (int i = 0; i < f->count; i++)
            if (order[i] != 0)
                extra[extra_count++] = f->dirs[order[i]];
        GameDesc base = {.data_dir = d->data_dir, .seed = 1, .mod_dirs = extra, .mod_dir_count = extra_count,
                         .chooser = GAME_CHOOSE_HISTORY, .host = {.on_error = on_script_error, .user = &c}};
        if (check_parameters(&c, &base))
            sample_run(&c, &base, "1958", true, &g);
        if (g && c.samples[0]) {
            c.h = game_host(g);
            for (int i = 0; i < f->count; i++) {
                int mod = f->checked[i] ? script_mod_find(c.h, f->manifests[i].id) : -1;
                if (mod >= 0)
                    c.checked[mod] = true;
            }
            check_content(&c, &base);
        }
    }
    for (int k = 0; k < SAMPLE_COUNT; k++) {
        core_state_destroy(c.samples[k]);
        script_mod_saves_free(c.storages[k], c.storage_count[k]);
    }
    game_destroy(g);
    free(f);
    if (c.out_of_memory)
        check_add(&c, "", 0, "out of memory: some problems were not recorded");
    if (c.count > 0)
        qsort(c.items, (size_t)c.count, sizeof *c.items, compare_problems);
    int reported = 0, last = -1;
    for (int i = 0; i < c.count; i++) {
        if ((last >= 0 && compare_problems(&c.items[last], &c.items[i]) == 0) || said_twice(&c, i))
            continue;
        last = i;
        d->problem(c.items[i].file, c.items[i].line, c.items[i].message, d->user);
        reported++;
    }
    free(c.items);
    return reported;
}
