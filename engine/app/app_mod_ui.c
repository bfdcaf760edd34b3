/* app_mod_ui.c — what the mods add to the window: their map modes (after
 * the eight built-in ones, a key and a button each), their values computed
 * by the mod's function once per month shown, not per frame. */
#include "app_game.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The range of a mode without lo and hi: the month's values. */
static void fit_range(UiModeInfo *mi, const double *v, int n)
{
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < n; i++)
        if (isfinite(v[i])) {
            lo = fmin(lo, v[i]);
            hi = fmax(hi, v[i]);
        }
    if (!isfinite(lo))
        lo = 0, hi = 1;
    if (!(hi > lo))
        hi = lo + 1;
    mi->lo = lo;
    mi->hi = hi;
}

void app_mod_modes_update(App *a)
{
    UiModeInfo infos[UI_MAX_MOD_MODES];
    int n = 0;
    ScriptHost *h = a->game ? game_host(a->game) : NULL;
    for (int i = 0; h && i < script_map_mode_count(h) && n < UI_MAX_MOD_MODES; i++) {
        const ScriptMapMode *mm = script_map_mode_at(h, i);
        if (mm->disabled)
            continue;
        UiModeInfo *mi = &infos[n];
        memset(mi, 0, sizeof *mi);
        mi->id = mm->id;
        mi->name_key = mm->name_key;
        mi->unit_key = mm->unit_key;
        mi->lo = mm->has_lo ? mm->lo : 0;
        mi->hi = mm->has_hi ? mm->hi : 1;
        mi->palette = strcmp(mm->palette, "cividis") == 0 ? RENDER_PALETTE_CIVIDIS : RENDER_PALETTE_VIRIDIS;
        mi->reversed = mm->reversed;
        mi->figures = UI_FIGURES_EITHER;
        mi->icon = UI_ICON_NONE;
        mi->color_count = mm->color_count;
        for (int k = 0; k < mm->color_count && k < 8; k++)
            mi->colors[k] = mm->colors[k];
        mi->decimals = mm->decimals;
        int shown = (int)a->ui.mode - UI_MODE_COUNT;
        if (n == shown) {
            const CoreState *s = game_state(a->game);
            if (a->mod_mode_host != h || a->mod_mode_month != s->month || a->mod_mode_shown != shown) {
                for (int p = 0; p < CORE_MAX_PROVINCES; p++)
                    a->mod_mode_values[p] = NAN;
                /* a failure disables the mode (reported); the map shows no values until the mode changes */
                script_map_mode_values(h, game_core(a->game), i, a->mod_mode_values, CORE_MAX_PROVINCES);
                a->mod_mode_host = h;
                a->mod_mode_month = s->month;
                a->mod_mode_shown = shown;
            }
            mi->values = a->mod_mode_values;
            if (!mm->has_lo || !mm->has_hi) {
                double lo = mi->lo, hi = mi->hi;
                fit_range(mi, a->mod_mode_values, s->province_count);
                if (mm->has_lo)
                    mi->lo = lo;
                if (mm->has_hi)
                    mi->hi = hi;
            }
        }
        n++;
    }
    ui_modes_set_mod_modes(infos, n);
    if ((int)a->ui.mode >= ui_mode_total()) /* its mod is gone */
        a->ui.mode = UI_MODE_DEATH_RATE;
}

/* ==== The Mods screen ==== */

static bool installed_dir(const char *dir)
{
    char base[PLAT_PATH_MAX], mods[PLAT_PATH_MAX];
    if (!plat_user_dir(base, sizeof base, "XDG_DATA_HOME", ".local/share") ||
        !plat_path_join(mods, sizeof mods, base, "mods"))
        return false;
    size_t n = strlen(mods);
    return strncmp(dir, mods, n) == 0 && dir[n] == '/';
}

static int errors_of(const ScriptHost *h, const char *id)
{
    int n = 0;
    for (int i = 0; h && i < script_error_count(h); i++)
        n += strcmp(script_error_at(h, i)->mod, id) == 0;
    return n;
}

static void fill_values(App *a, UiModRow *row)
{
    const ScriptManifest *mf = row->manifest;
    for (int i = 0; i < mf->setting_count; i++) {
        const char *chosen = app_mod_setting(&a->settings, mf->id, mf->settings[i].name);
        double v;
        row->values[i] = chosen && script_setting_parse(&mf->settings[i], chosen, &v) ? v : mf->settings[i].def;
    }
}

/* Where `id` stands in the preferred order (later ids after earlier). */
static int preference(const char *order, const char *id)
{
    int at = 0;
    for (const char *p = order; *p;) {
        size_t len = strcspn(p, " ");
        if (len && len == strlen(id) && strncmp(p, id, len) == 0)
            return at;
        at += len > 0;
        p += len + (p[len] == ' ');
    }
    return 1000;
}

void app_mod_rows_update(App *a)
{
    if (!a->left_out) { /* the installed mods left out: their manifests, once */
        const char *const *dirs;
        int n = app_mods_left_out(&dirs);
        a->left_out = calloc((size_t)n + 1, sizeof *a->left_out);
        char err[256];
        for (int i = 0; a->left_out && i < n; i++)
            if (script_manifest_read(dirs[i], dirs[i], &a->left_out[a->left_out_count], err, sizeof err))
                a->left_out_count++;
    }
    const ScriptHost *h = a->game ? game_host_const(a->game) : a->texts;
    a->mod_row_count = 0;
    for (int i = 0; h && i < script_mod_count(h); i++) {
        UiModRow *row = &a->mod_rows[a->mod_row_count++];
        memset(row, 0, sizeof *row);
        row->manifest = script_mod_manifest(h, i);
        row->loaded = true;
        row->installed = installed_dir(script_mod_dir(h, i));
        row->enabled = !app_word_listed(a->settings.mods_disabled, row->manifest->id);
        row->errors = errors_of(h, row->manifest->id);
        fill_values(a, row);
    }
    for (int i = 0; i < a->left_out_count && a->mod_row_count < (int)(sizeof a->mod_rows / sizeof *a->mod_rows); i++) {
        UiModRow *row = &a->mod_rows[a->mod_row_count++];
        memset(row, 0, sizeof *row);
        row->manifest = &a->left_out[i];
        row->installed = true;
        row->enabled = !app_word_listed(a->settings.mods_disabled, row->manifest->id);
        fill_values(a, row);
    }
    /* the installed mods in the order preferred (the base game and --mods keep their places) */
    for (int i = 1; i < a->mod_row_count; i++)
        for (int k = i; k > 0 && a->mod_rows[k].installed && a->mod_rows[k - 1].installed &&
                        preference(a->settings.mods_order, a->mod_rows[k].manifest->id) <
                            preference(a->settings.mods_order, a->mod_rows[k - 1].manifest->id);
             k--) {
            UiModRow t = a->mod_rows[k];
            a->mod_rows[k] = a->mod_rows[k - 1];
            a->mod_rows[k - 1] = t;
        }
}

static void keep(App *a)
{
    char err[256];
    if (!app_settings_save(&a->settings, err, sizeof err))
        app_error(a, "%s", err);
}

/* `list` with `id` added or taken away. */
static void set_listed(char *list, size_t cap, const char *id, bool in)
{
    char out[512] = "";
    size_t used = 0;
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, " ");
        if (len && !(len == strlen(id) && strncmp(p, id, len) == 0))
            used += (size_t)snprintf(out + used, sizeof out - used, "%s%.*s", used ? " " : "", (int)len, p);
        p += len + (p[len] == ' ');
        if (used >= sizeof out)
            return;
    }
    if (in)
        snprintf(out + used, sizeof out - used, "%s%s", used ? " " : "", id);
    snprintf(list, cap, "%s", out);
}

void app_mod_action(App *a, const UiAction *x)
{
    app_mod_rows_update(a);
    if (x->kind == UI_ACT_MOD_SETTING) {
        char mod[CORE_ID_LEN], name[CORE_ID_LEN], value[48];
        if (sscanf(x->text, "%39s %39s %47s", mod, name, value) != 3)
            return;
        for (int r = 0; r < a->mod_row_count; r++) {
            const ScriptManifest *mf = a->mod_rows[r].manifest;
            int i = strcmp(mf->id, mod) == 0 ? script_setting_find(mf, name) : -1;
            double v;
            if (i >= 0 && script_setting_parse(&mf->settings[i], value, &v) &&
                app_mod_setting_set(&a->settings, mod, name, value))
                keep(a);
        }
    } else if (x->kind == UI_ACT_MOD_ENABLE) {
        set_listed(a->settings.mods_disabled, sizeof a->settings.mods_disabled, x->text, x->a == 0);
        keep(a);
    } else if (x->kind == UI_ACT_MOD_MOVE) {
        /* the installed mods' order as shown, with this one moved */
        const char *ids[SCRIPT_MAX_MODS + APP_MAX_MODS];
        int n = 0, at = -1;
        for (int r = 0; r < a->mod_row_count; r++)
            if (a->mod_rows[r].installed) {
                if (strcmp(a->mod_rows[r].manifest->id, x->text) == 0)
                    at = n;
                ids[n++] = a->mod_rows[r].manifest->id;
            }
        int to = at + (x->a < 0 ? -1 : 1);
        if (at < 0 || to < 0 || to >= n)
            return;
        const char *t = ids[at];
        ids[at] = ids[to];
        ids[to] = t;
        char order[512] = "";
        size_t used = 0;
        for (int i = 0; i < n && used < sizeof order; i++)
            used += (size_t)snprintf(order + used, sizeof order - used, "%s%s", i ? " " : "", ids[i]);
        snprintf(a->settings.mods_order, sizeof a->settings.mods_order, "%s", order);
        keep(a);
    }
    app_mod_rows_update(a);
}

void app_mod_ui_free(App *a)
{
    free(a->left_out);
    a->left_out = NULL;
    a->left_out_count = 0;
}
