/* app_mod_ui.c — what the mods add to the window: their map modes (after
 * the eight built-in ones, a key and a button each), their values computed
 * by the mod's function once per month shown, not per frame. */
#include "app_game.h"

#include <math.h>
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
