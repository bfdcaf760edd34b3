/* script_manifest.c — mod.lua, the manifest that makes a folder a mod: its
 * id, version, API version, dependencies, languages and parameters. */
#include "script_api.h"
#include "script_decl.h"

#include "platform.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== Versions ==== */

/* The next number of a version ("1.10.2" -> 1, then 10, then 2); 0 at the end. */
static long next_number(const char **v)
{
    long n = 0;
    while (**v && !isdigit((unsigned char)**v))
        (*v)++;
    while (isdigit((unsigned char)**v) && n < 100000000)
        n = n * 10 + (*(*v)++ - '0');
    while (isdigit((unsigned char)**v))
        (*v)++;
    return n;
}

int script_version_compare(const char *a, const char *b)
{
    for (int i = 0; i < 8 && (*a || *b); i++) {
        long x = next_number(&a), y = next_number(&b);
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

bool script_version_fits(const ScriptDependency *d, const char *v)
{
    for (int i = 0; i < d->term_count; i++) {
        int c = script_version_compare(v, d->version[i]);
        const char *op = d->op[i];
        bool ok = strcmp(op, ">=") == 0 ? c >= 0 : strcmp(op, ">") == 0 ? c > 0 : strcmp(op, "<=") == 0 ? c <= 0
                  : strcmp(op, "<") == 0 ? c < 0 : c == 0;
        if (!ok)
            return false;
    }
    return true;
}

/* "? atlas >= 1.2 < 2" into d; false with the reason in why. */
static bool parse_dependency(const char *text, ScriptDependency *d, char *why, size_t cap)
{
    memset(d, 0, sizeof *d);
    script_copy(d->text, sizeof d->text, text);
    const char *p = text;
    while (*p == ' ')
        p++;
    if (strncmp(p, "(?)", 3) == 0 || *p == '?' || *p == '!') {
        d->kind = *p == '!' ? SCRIPT_DEP_INCOMPATIBLE : SCRIPT_DEP_OPTIONAL;
        p += *p == '(' ? 3 : 1;
        while (*p == ' ')
            p++;
    }
    size_t n = 0;
    while ((islower((unsigned char)p[n]) || isdigit((unsigned char)p[n]) || p[n] == '_') && n + 1 < CORE_ID_LEN)
        n++;
    memcpy(d->id, p, n);
    d->id[n] = '\0';
    p += n;
    if (!n || !(*p == '\0' || *p == ' ' || *p == '<' || *p == '>' || *p == '='))
        return snprintf(why, cap, "\"%s\" is not a dependency: write a mod id (a-z, 0-9 and _), like \"atlas\", "
                                  "\"atlas >= 1.2 < 2\", \"? atlas\" (optional) or \"! atlas\" (incompatible)",
                        text),
               false;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        char op[3] = "";
        size_t k = 0;
        while ((*p == '<' || *p == '>' || *p == '=') && k < 2)
            op[k++] = *p++;
        op[k] = '\0';
        bool known = !strcmp(op, ">=") || !strcmp(op, ">") || !strcmp(op, "<=") || !strcmp(op, "<") || !strcmp(op, "=");
        while (*p == ' ')
            p++;
        char version[16];
        size_t vn = 0;
        while ((isalnum((unsigned char)p[vn]) || p[vn] == '.') && vn + 1 < sizeof version)
            version[vn] = p[vn], vn++;
        version[vn] = '\0';
        p += vn;
        if (!known || !vn || !isdigit((unsigned char)version[0]))
            return snprintf(why, cap, "\"%s\": versions are given as >= 1.2, > 1.2, <= 2, < 2 or = 1.2.3", text),
                   false;
        if (d->kind == SCRIPT_DEP_INCOMPATIBLE)
            return snprintf(why, cap, "\"%s\": an incompatible mod takes no version", text), false;
        if (d->term_count >= SCRIPT_MAX_VERSION_TERMS)
            return snprintf(why, cap, "\"%s\": at most %d version terms", text, SCRIPT_MAX_VERSION_TERMS), false;
        script_copy(d->op[d->term_count], sizeof d->op[0], op);
        script_copy(d->version[d->term_count++], sizeof d->version[0], version);
    }
    return true;
}

static bool dependencies_field(const LoadCtx *c, int t, ScriptManifest *mf)
{
    int n = decl_list_field(c, t, "mod.lua", "dependencies", NULL, "{ \"atlas >= 1.2\", \"? plain_words\" }");
    if (n == -2)
        return false;
    bool ok = true;
    for (int i = 1; i <= n && ok; i++) {
        lua_rawgeti(c->L, -1, i);
        char why[300];
        if (lua_type(c->L, -1) != LUA_TSTRING)
            ok = decl_bad(c, "dependencies", "mod.lua: dependency %d must be a string like \"atlas >= 1.2\"", i);
        else if (mf->dependency_count >= SCRIPT_MAX_DEPENDENCIES)
            ok = decl_bad(c, "dependencies", "mod.lua: at most %d dependencies", SCRIPT_MAX_DEPENDENCIES);
        else if (!parse_dependency(lua_tostring(c->L, -1), &mf->dependencies[mf->dependency_count], why, sizeof why))
            ok = decl_bad(c, lua_tostring(c->L, -1), "mod.lua: %s", why);
        else
            mf->dependency_count++;
        lua_pop(c->L, 1);
    }
    if (n >= 0)
        lua_pop(c->L, 1);
    return ok;
}

/* A list of ids in field `key` (languages); false after a report. */
static bool id_list_field(const LoadCtx *c, int t, const char *key, char out[][CORE_ID_LEN], int cap, int *count)
{
    *count = 0;
    int n = decl_list_field(c, t, "mod.lua", key, NULL, "{ \"en\", \"zh\" }");
    if (n == -2)
        return false;
    bool ok = true;
    for (int i = 1; i <= n && ok; i++) {
        lua_rawgeti(c->L, -1, i);
        const char *id = lua_type(c->L, -1) == LUA_TSTRING ? lua_tostring(c->L, -1) : "";
        if (!decl_valid_id(id))
            ok = decl_bad(c, key, "mod.lua: '%s' entry %d must be an id (a-z, 0-9 and _)", key, i);
        else if (*count >= cap)
            ok = decl_bad(c, key, "mod.lua: at most %d entries in '%s'", cap, key);
        else
            script_copy(out[(*count)++], CORE_ID_LEN, id);
        lua_pop(c->L, 1);
    }
    if (n >= 0)
        lua_pop(c->L, 1);
    return ok;
}

static bool languages_field(const LoadCtx *c, int t, ScriptManifest *mf)
{
    char langs[SCRIPT_LANG_COUNT + 1][CORE_ID_LEN];
    int n;
    lua_getfield(c->L, t, "languages");
    bool absent = lua_isnil(c->L, -1);
    lua_pop(c->L, 1);
    if (absent)
        return true;
    if (!id_list_field(c, t, "languages", langs, SCRIPT_LANG_COUNT + 1, &n))
        return false;
    for (int i = 0; i < n; i++) {
        if (strcmp(langs[i], "en") == 0)
            mf->languages[SCRIPT_LANG_EN] = true;
        else if (strcmp(langs[i], "zh") == 0)
            mf->languages[SCRIPT_LANG_ZH] = true;
        else
            return decl_bad(c, "languages", "mod.lua: unknown language '%s' (the game has \"en\" and \"zh\")", langs[i]);
    }
    return true;
}

/* parameters = { kcal_need = 2000 }: names must be the core's parameter
 * names; ranges are checked against the scenario's data when a game starts
 * (game.c), because the core's rules look at all parameters together. */
static bool parameters_field(const LoadCtx *c, int t, ScriptManifest *mf)
{
    lua_getfield(c->L, t, "parameters");
    bool ok = lua_isnil(c->L, -1) || lua_istable(c->L, -1) ||
              decl_bad(c, "parameters", "mod.lua: 'parameters' must be a table like { kcal_need = 2000 }");
    if (ok && lua_istable(c->L, -1)) {
        lua_pushnil(c->L);
        while (ok && lua_next(c->L, -2) != 0) {
            const char *name = lua_type(c->L, -2) == LUA_TSTRING ? lua_tostring(c->L, -2) : NULL;
            int isnum = 0;
            double v = lua_tonumberx(c->L, -1, &isnum);
            if (!name || core_param_find(name) == CORE_PARAM_COUNT)
                ok = decl_bad(c, name ? name : "parameters",
                         "mod.lua: unknown parameter '%s' (see the parameter table in docs/api/api.md)",
                         name ? name : "?");
            else if (!isnum || lua_type(c->L, -1) != LUA_TNUMBER || !(v == v) || v > 1e300 || v < -1e300)
                ok = decl_bad(c, name, "mod.lua: parameter '%s' must be a number", name);
            else if (mf->parameter_count >= SCRIPT_MAX_MOD_PARAMETERS)
                ok = decl_bad(c, name, "mod.lua: at most %d parameters", SCRIPT_MAX_MOD_PARAMETERS);
            else {
                /* Insert sorted by name: pairs() order must not show. */
                int i = mf->parameter_count++;
                while (i > 0 && strcmp(mf->parameters[i - 1].name, name) > 0) {
                    mf->parameters[i] = mf->parameters[i - 1];
                    i--;
                }
                ScriptParamSetting *ps = &mf->parameters[i];
                script_copy(ps->name, sizeof ps->name, name);
                ps->value = v;
                ps->line = decl_line_of(c->src, name);
            }
            lua_pop(c->L, 1);
        }
        if (!ok)
            lua_pop(c->L, 1); /* the key lua_next left */
    }
    lua_pop(c->L, 1);
    return ok;
}

/* ==== Settings ==== */

static const char *const setting_types[] = {"bool", "number", "choice"};

static bool number_of(const LoadCtx *c, int st, const char *what, const char *key, double *out, bool required)
{
    lua_getfield(c->L, st, key);
    bool ok = true;
    if (lua_type(c->L, -1) == LUA_TNUMBER && isfinite(lua_tonumber(c->L, -1)))
        *out = lua_tonumber(c->L, -1);
    else if (!lua_isnil(c->L, -1) || required)
        ok = decl_bad(c, key, "%s: '%s' must be a number", what, key);
    lua_pop(c->L, 1);
    return ok;
}

static bool one_setting(const LoadCtx *c, int st, ScriptSettingDecl *sd)
{
    char what[96] = "mod.lua: a setting", type[16];
    if (!lua_istable(c->L, st))
        return decl_bad(c, "settings", "mod.lua: each setting is a table like { name = \"x\", type = \"bool\", "
                                       "default = true }");
    if (!decl_only_fields(c, st, what, "Setting") ||
        !decl_str_field(c, st, what, "name", sd->name, sizeof sd->name, NULL))
        return false;
    snprintf(what, sizeof what, "mod.lua: setting '%s'", sd->name);
    if (!decl_valid_id(sd->name))
        return decl_bad(c, sd->name, "%s: names use only a-z, 0-9 and _", what);
    if (!decl_enum_field(c, st, what, "type", type, sizeof type, setting_types, 3, NULL))
        return false;
    sd->type = strcmp(type, "bool") == 0 ? SCRIPT_SETTING_BOOL : strcmp(type, "number") == 0 ? SCRIPT_SETTING_NUMBER
                                                                                             : SCRIPT_SETTING_CHOICE;
    lua_getfield(c->L, st, "default");
    int dt = lua_type(c->L, -1);
    lua_pop(c->L, 1);
    if (dt == LUA_TNIL)
        return decl_bad(c, sd->name, "%s: 'default' is required", what);
    if (sd->type == SCRIPT_SETTING_BOOL) {
        bool b;
        if (!decl_bool_field(c, st, what, "default", &b, false))
            return false;
        sd->def = b;
        sd->max = 1;
        sd->step = 1;
        sd->integer = true;
        return true;
    }
    if (sd->type == SCRIPT_SETTING_NUMBER) {
        sd->step = 0;
        if (!number_of(c, st, what, "default", &sd->def, true) || !number_of(c, st, what, "min", &sd->min, true) ||
            !number_of(c, st, what, "max", &sd->max, true) || !number_of(c, st, what, "step", &sd->step, false))
            return false;
        if (!(sd->min < sd->max) || sd->def < sd->min || sd->def > sd->max)
            return decl_bad(c, "default", "%s: needs min < max and min <= default <= max", what);
        if (sd->step <= 0)
            sd->step = (sd->max - sd->min) / 20;
        sd->integer = sd->def == floor(sd->def) && sd->min == floor(sd->min) && sd->max == floor(sd->max) &&
                      sd->step == floor(sd->step);
        return true;
    }
    int n = decl_list_field(c, st, what, "choices", NULL, "{ \"red\", \"blue\" }");
    if (n < 0)
        return n == -1 ? decl_bad(c, sd->name, "%s: a choice needs choices = { \"a\", \"b\" }", what) : false;
    bool ok = n >= 2 && n <= SCRIPT_MAX_CHOICES;
    if (!ok)
        decl_bad(c, "choices", "%s: 'choices' lists 2 to %d ids", what, SCRIPT_MAX_CHOICES);
    for (int i = 1; i <= n && ok; i++) {
        lua_rawgeti(c->L, -1, i);
        const char *id = lua_type(c->L, -1) == LUA_TSTRING ? lua_tostring(c->L, -1) : "";
        if (!decl_valid_id(id))
            ok = decl_bad(c, "choices", "%s: choice %d must be an id (a-z, 0-9 and _)", what, i);
        else
            script_copy(sd->choices[sd->choice_count++], CORE_ID_LEN, id);
        lua_pop(c->L, 1);
    }
    lua_pop(c->L, 1);
    char def[CORE_ID_LEN];
    const char *names[SCRIPT_MAX_CHOICES];
    for (int i = 0; i < sd->choice_count; i++)
        names[i] = sd->choices[i];
    if (!ok || !decl_enum_field(c, st, what, "default", def, sizeof def, names, sd->choice_count, NULL))
        return false;
    for (int i = 0; i < sd->choice_count; i++)
        if (strcmp(def, sd->choices[i]) == 0)
            sd->def = i;
    sd->max = sd->choice_count - 1;
    sd->step = 1;
    sd->integer = true;
    return true;
}

static bool settings_field(const LoadCtx *c, int t, ScriptManifest *mf)
{
    int n = decl_list_field(c, t, "mod.lua", "settings", "setting",
                            "{ { name = \"show_notices\", type = \"bool\", default = true } }");
    if (n == -2)
        return false;
    bool ok = n <= SCRIPT_MAX_SETTINGS || decl_bad(c, "settings", "mod.lua: at most %d settings", SCRIPT_MAX_SETTINGS);
    LoadCtx at = *c;
    decl_anchor(&at, "settings", false);
    for (int i = 1; i <= n && ok; i++) {
        lua_rawgeti(c->L, -1, i);
        ScriptSettingDecl *sd = &mf->settings[mf->setting_count];
        memset(sd, 0, sizeof *sd);
        decl_anchor(&at, "name", false);
        sd->line = at.anchor ? decl_line_at(c->src, at.anchor) : 1;
        ok = one_setting(&at, lua_gettop(c->L), sd);
        for (int k = 0; ok && k < mf->setting_count; k++)
            if (strcmp(mf->settings[k].name, sd->name) == 0)
                ok = decl_bad(&at, sd->name, "mod.lua: two settings are named '%s'", sd->name);
        if (ok)
            mf->setting_count++;
        if (at.anchor)
            at.anchor++;
        lua_pop(c->L, 1);
    }
    if (n >= 0)
        lua_pop(c->L, 1);
    return ok;
}

/* mod.lua: { id = "base", name = "...", version = "1.0.0", api_version = 2, ... } */
bool script_decl_manifest(const LoadCtx *c, int t)
{
    ScriptMod *m = &c->h->mods[c->mod];
    ScriptManifest *mf = &m->manifest;
    bool ok = decl_only_fields(c, t, "mod.lua", "Manifest") &&
              decl_str_field(c, t, "mod.lua", "id", m->id, sizeof m->id, NULL) &&
              decl_str_field(c, t, "mod.lua", "version", m->version, sizeof m->version, "0") &&
              decl_str_field(c, t, "mod.lua", "name", mf->name, sizeof mf->name, "") &&
              decl_str_field(c, t, "mod.lua", "author", mf->author, sizeof mf->author, "") &&
              decl_str_field(c, t, "mod.lua", "description", mf->description, sizeof mf->description, "");
    if (ok && !decl_valid_id(m->id))
        ok = decl_bad(c, "id", "mod.lua: the mod id '%s' may use only a-z, 0-9 and _", m->id);
    if (ok && !decl_valid_version(m->version)) /* saves record it on a line of their header */
        ok = decl_bad(c, "version", "mod.lua: 'version' may use only letters, digits and . _ + - (like \"1.0.0\")");
    if (ok) {
        lua_getfield(c->L, t, "api_version");
        lua_Integer v = lua_tointeger(c->L, -1);
        if (!lua_isinteger(c->L, -1) || v < 1)
            ok = decl_bad(c, "api_version", "mod.lua: 'api_version' must be a whole number (this game has %d)",
                     SCRIPT_API_VERSION);
        else if (v > SCRIPT_API_VERSION)
            ok = decl_bad(c, "api_version", "mod.lua: the mod needs API version %lld; this game has %d", (long long)v,
                     SCRIPT_API_VERSION);
        mf->api_version = (int)v;
        lua_pop(c->L, 1);
    }
    ok = ok && dependencies_field(c, t, mf) && languages_field(c, t, mf) && parameters_field(c, t, mf) &&
         settings_field(c, t, mf);
    script_copy(mf->id, sizeof mf->id, m->id);
    script_copy(mf->version, sizeof mf->version, m->version);
    mf->id_line = decl_line_of(c->src, "id");
    mf->dependencies_line = decl_line_of(c->src, "dependencies");
    return ok;
}

bool script_manifest_read(const char *dir, const char *display, ScriptManifest *out, char *err, size_t err_cap)
{
    memset(out, 0, sizeof *out);
    err[0] = '\0';
    char manifest[PLAT_PATH_MAX];
    if (!plat_path_join(manifest, sizeof manifest, dir, "mod.lua") || !plat_is_file(manifest)) {
        snprintf(err, err_cap, "%s: not a mod folder (a mod starts with a mod.lua manifest)", display);
        return false;
    }
    /* A manifest is a small table: a few MiB is plenty, and a manifest that
     * fills memory meets that limit long before the clock, however slow the
     * machine. */
    ScriptHost *h = script_host_create(&(ScriptHostDesc){.mem_cap_bytes = (size_t)4 << 20});
    int mod = h ? script_open_mod(h, dir, display) : -1;
    if (mod >= 0)
        *out = h->mods[mod].manifest;
    else if (h && script_error_count(h) > 0) {
        const ScriptError *e = script_error_at(h, 0);
        snprintf(err, err_cap, "%s:%d: %s", e->file, e->line, e->message);
    } else
        snprintf(err, err_cap, "%s: out of memory reading the manifest", display);
    script_host_destroy(h);
    return mod >= 0;
}
