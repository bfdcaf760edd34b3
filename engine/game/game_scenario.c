/* game_scenario.c — what a game starts from: the scenario's data files
 * (parameters and provinces) read and parsed, the mods' parameters and a
 * choices file's laid over them. */
#include "game.h"
#include "game_internal.h"

#include "platform.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A scenario's data file: from the declaring mod's folder if it has the
 * file, else from the game's assets/data; in either case only from inside
 * that folder (after symbolic links), a regular file, at most 16 MiB. */
static bool read_data(const char *data_dir, const ScriptScenario *ss, const char *rel, char **text, size_t *len,
                      char *err, size_t cap)
{
    char path[PLAT_PATH_MAX], root[PLAT_PATH_MAX];
    const size_t max = 16u << 20;
    *text = NULL;
    if (ss->folder[0] && plat_path_join(path, sizeof path, ss->folder, rel) && plat_exists(path))
        *text = plat_read_file_in(ss->folder, path, max, len);
    else if (plat_path_join(root, sizeof root, data_dir, "assets/data") &&
             plat_path_join(path, sizeof path, data_dir, rel))
        *text = plat_read_file_in(root, path, max, len);
    if (!*text) {
        snprintf(err, cap, "scenario '%s': data file '%s': %s", ss->id, rel, plat_error());
        return false;
    }
    return true;
}

bool game_apply_mod_parameters(ScriptHost *h, CoreScenario *sc, ScriptProblemFn problem, void *user)
{
    const ScriptManifest *by[CORE_PARAM_COUNT] = {NULL};
    CoreScenario *probe = malloc(sizeof *probe);
    if (!probe) {
        problem("mod.lua", 0, "out of memory", user);
        return false;
    }
    bool ok = true;
    char msg[700];
    for (int m = 0; m < script_mod_count(h); m++) {
        const ScriptManifest *mf = script_mod_manifest(h, m);
        for (int i = 0; i < mf->parameter_count; i++) {
            const ScriptParamSetting *ps = &mf->parameters[i];
            CoreParam p = core_param_find(ps->name);
            msg[0] = '\0';
            if (p == CORE_PARAM_COUNT)
                snprintf(msg, sizeof msg, "unknown parameter '%s'", ps->name);
            else if (by[p])
                snprintf(msg, sizeof msg, "parameter '%s' is also changed by %s: two mods cannot change one parameter",
                         ps->name, by[p]->file);
            else {
                *probe = *sc;
                probe->params[p] = ps->value;
                if (!core_scenario_validate(probe))
                    snprintf(msg, sizeof msg, "%s", core_error_get());
                by[p] = mf;
            }
            if (msg[0]) {
                problem(mf->file, ps->line, msg, user);
                ok = false;
            }
        }
    }
    for (int p = 0; p < CORE_PARAM_COUNT && ok; p++)
        for (int i = 0; by[p] && i < by[p]->parameter_count; i++)
            if (core_param_find(by[p]->parameters[i].name) == (CoreParam)p)
                sc->params[p] = by[p]->parameters[i].value;
    /* Values that are fine alone can still break a rule together. */
    if (ok && !core_scenario_validate(sc)) {
        snprintf(msg, sizeof msg, "the parameters the mods change do not fit together: %s", core_error_get());
        problem("mod.lua", 0, msg, user);
        ok = false;
    }
    free(probe);
    return ok;
}

/* The last scenario data parsed, with the texts it came from: a process
 * makes its games from the same two files (an ensemble's seeds, the
 * Shapley decomposition, the kiosk's visitors), and parsing them was a
 * twentieth of making one. Only data that parsed cleanly is kept, and it
 * is used only for the same texts, byte for byte. */
static struct {
    char *params, *provinces; /* NULL: nothing kept */
    size_t params_len, provinces_len;
    CoreScenario sc;
} last_data;
static atomic_flag last_data_lock = ATOMIC_FLAG_INIT;

static void lock_last_data(void)
{
    while (atomic_flag_test_and_set_explicit(&last_data_lock, memory_order_acquire))
        ;
}

static void unlock_last_data(void) { atomic_flag_clear_explicit(&last_data_lock, memory_order_release); }

static bool same_text(const char *kept, size_t kept_len, const char *text, size_t len)
{
    return kept && kept_len == len && memcmp(kept, text, len) == 0;
}

/* Whether the texts are the last ones parsed (provinces NULL: whether the
 * parameters are); with both, sc becomes what they gave. */
static bool from_last(CoreScenario *sc, const char *params, size_t params_len, const char *provinces,
                      size_t provinces_len)
{
    lock_last_data();
    bool same = same_text(last_data.params, last_data.params_len, params, params_len) &&
                (!provinces || same_text(last_data.provinces, last_data.provinces_len, provinces, provinces_len));
    if (same && provinces)
        *sc = last_data.sc;
    unlock_last_data();
    return same;
}

/* Keeps sc as what the texts give (they are the kept copies from now on). */
static void keep_last(const CoreScenario *sc, char *params, size_t params_len, char *provinces, size_t provinces_len)
{
    lock_last_data();
    char *old_params = last_data.params, *old_provinces = last_data.provinces;
    last_data.params = params;
    last_data.params_len = params_len;
    last_data.provinces = provinces;
    last_data.provinces_len = provinces_len;
    last_data.sc = *sc;
    unlock_last_data();
    free(old_params);
    free(old_provinces);
}

bool game_build_scenario(const char *data_dir, const ScriptScenario *ss, CoreScenario *sc, char *err, size_t cap)
{
    memset(sc, 0, sizeof *sc);
    sc->start_year = ss->start_year;
    sc->start_month = ss->start_month;
    char *params, *provinces = NULL;
    size_t params_len, provinces_len = 0;
    if (!read_data(data_dir, ss, ss->params_file, &params, &params_len, err, cap))
        return false;
    /* The provinces' file is read once the parameters' parse (or the
     * parameters kept, which parsed) holds, as it always was. */
    bool parsed = false, ok = from_last(sc, params, params_len, NULL, 0);
    if (!ok)
        ok = parsed = core_data_parse_params(sc, ss->params_file, params, params_len);
    if (ok && !read_data(data_dir, ss, ss->provinces_file, &provinces, &provinces_len, err, cap)) {
        free(params);
        return false;
    }
    if (ok && !parsed && from_last(sc, params, params_len, provinces, provinces_len)) {
        free(params);
        free(provinces);
        sc->start_year = ss->start_year;
        sc->start_month = ss->start_month;
        return true;
    }
    if (ok && !parsed)
        ok = core_data_parse_params(sc, ss->params_file, params, params_len);
    if (ok && (ok = core_data_parse_provinces(sc, ss->provinces_file, provinces, provinces_len)))
        keep_last(sc, params, params_len, provinces, provinces_len);
    else {
        free(params);
        free(provinces);
        snprintf(err, cap, "%s", core_error_get());
    }
    return ok;
}

/* A choices file's parameters (a counterfactual world: normal weather, say)
 * replace the data's before the state is made. */
bool game_apply_choice_parameters(const ScriptChoices *c, CoreScenario *sc, char *err, size_t cap)
{
    for (int i = 0; i < c->param_count; i++) {
        CoreParam p = core_param_find(c->param_name[i]);
        bool found = p != CORE_PARAM_COUNT;
        if (found)
            sc->params[p] = c->param_value[i];
        for (int k = 0; !found && k < sc->extra_param_count; k++)
            if (strcmp(sc->extra_params[k].name, c->param_name[i]) == 0) {
                sc->extra_params[k].value = c->param_value[i];
                found = true;
            }
        if (!found) {
            snprintf(err, cap, "choices: unknown parameter '%s' (assets/data/params.csv lists them)", c->param_name[i]);
            return false;
        }
    }
    if (c->param_count > 0 && !core_scenario_validate(sc)) {
        snprintf(err, cap, "choices: %s", core_error_get());
        return false;
    }
    return true;
}
