/* core_lever.c — effective lever values from the active modifiers, and the
 * explanation of each value (which policy or event contributes what). */
#include "core_internal.h"

#include <string.h>

/* Some levers take their 1957 value from a parameter rather than the table. */
static double lever_base(const CoreState *s, CoreLever l)
{
    switch (l) {
    case CORE_LEVER_political_pressure: return PARAM(s, pressure_base);
    case CORE_LEVER_relief_share: return PARAM(s, relief_base);
    case CORE_LEVER_procurement_rate: return PARAM(s, procurement_rate_base);
    case CORE_LEVER_quota_on_reports: return PARAM(s, quota_trust_base);
    case CORE_LEVER_relief_on_reports: return PARAM(s, relief_trust_base);
    default: return core_lever_info(l)->base;
    }
}

static bool active_this_month(const CoreModifierDesc *d, int month_of_year)
{
    return d->month_mask == 0 || (d->month_mask & (1u << (month_of_year - 1)));
}

/* A zeal-scaled campaign runs everywhere at zeal_scale_floor of its strength,
 * reaching full strength where zeal reaches zeal_scale_ref (more beyond it):
 * its strength in province p. */
static double zeal_strength(const CoreState *s, int p)
{
    double floor = PARAM(s, zeal_scale_floor);
    return floor + (1.0 - floor) * s->prov[p].zeal / PARAM(s, zeal_scale_ref);
}

/* The amount a modifier contributes where its strength is k (zeal scaling). */
static double scaled(const CoreModifierDesc *d, double k)
{
    if (d->op == CORE_OP_MUL)
        return maxd(0.0, 1.0 + (d->amount - 1.0) * k);
    return d->amount * k;
}

/* The amount a modifier contributes in province p (zeal scaling applied). */
static double scaled_amount(const CoreState *s, const CoreModifierDesc *d, int p)
{
    if (d->scale != CORE_SCALE_ZEAL || p < 0)
        return d->amount;
    return scaled(d, zeal_strength(s, p));
}

void core_levers_update(CoreState *s)
{
    int m = core_state_month_of_year(s), n = s->province_count;
    double add_n[CORE_LEVER_COUNT] = {0}, mul_n[CORE_LEVER_COUNT];
    /* By lever, then province: a modifier's provinces lie side by side. */
    static _Thread_local double add_p[CORE_LEVER_COUNT][CORE_MAX_PROVINCES];
    static _Thread_local double mul_p[CORE_LEVER_COUNT][CORE_MAX_PROVINCES];
    double zeal_k[CORE_MAX_PROVINCES]; /* each province's, once a modifier needs them */
    bool have_zeal_k = false;
    for (int l = 0; l < CORE_LEVER_COUNT; l++) {
        mul_n[l] = 1.0;
        for (int p = 0; p < n; p++) {
            add_p[l][p] = 0.0;
            mul_p[l][p] = 1.0;
        }
    }
    for (int i = 0; i < s->modifier_count; i++) {
        const CoreModifierDesc *d = &s->modifiers[i].d;
        if (!active_this_month(d, m))
            continue;
        if (core_lever_info(d->lever)->scope == CORE_SCOPE_N) {
            if (d->op == CORE_OP_MUL)
                mul_n[d->lever] *= d->amount;
            else
                add_n[d->lever] += d->amount;
            continue;
        }
        bool all = d->province == CORE_ALL_PROVINCES, zeal = d->scale == CORE_SCALE_ZEAL;
        if (!all && (d->province < 0 || d->province >= n))
            continue;
        int from = all ? 0 : d->province, to = all ? n : d->province + 1;
        if (zeal && !have_zeal_k) {
            for (int p = 0; p < n; p++)
                zeal_k[p] = zeal_strength(s, p);
            have_zeal_k = true;
        }
        double *acc = d->op == CORE_OP_MUL ? mul_p[d->lever] : add_p[d->lever];
        for (int p = from; p < to; p++) {
            if (all && !s->info[p].leap_reached)
                continue; /* the Leap's campaigns never came there */
            double a = zeal ? scaled(d, zeal_k[p]) : d->amount;
            if (d->op == CORE_OP_MUL)
                acc[p] *= a;
            else
                acc[p] += a;
        }
    }
    for (int l = 0; l < CORE_LEVER_COUNT; l++) {
        const CoreLeverInfo *li = core_lever_info((CoreLever)l);
        double base = lever_base(s, (CoreLever)l);
        if (li->scope == CORE_SCOPE_N) {
            s->lever_n[l] = clampd((base + add_n[l]) * mul_n[l], li->min, li->max);
            continue;
        }
        for (int p = 0; p < n; p++)
            s->lever_p[p][l] = clampd((base + add_p[l][p]) * mul_p[l][p], li->min, li->max);
    }
}

double core_lever_value(const CoreState *s, CoreLever l, int province)
{
    if ((unsigned)l >= CORE_LEVER_COUNT)
        return 0.0;
    if (core_lever_info(l)->scope == CORE_SCOPE_N)
        return s->lever_n[l];
    if (province < 0 || province >= s->province_count)
        return 0.0;
    return s->lever_p[province][l];
}

int core_lever_explain(const CoreState *s, CoreLever l, int province, CoreExplainItem *out, int cap)
{
    if ((unsigned)l >= CORE_LEVER_COUNT)
        return 0;
    bool national = core_lever_info(l)->scope == CORE_SCOPE_N;
    int m = core_state_month_of_year(s), n = 0;
    for (int i = 0; i < s->modifier_count; i++) {
        const CoreModifier *mod = &s->modifiers[i];
        if (mod->d.lever != l || !active_this_month(&mod->d, m))
            continue;
        if (!national && mod->d.province != CORE_ALL_PROVINCES && mod->d.province != province)
            continue;
        if (!national && mod->d.province == CORE_ALL_PROVINCES && !s->info[province].leap_reached)
            continue;
        if (n < cap)
            out[n] = (CoreExplainItem){core_source_name(s, mod->source), mod->d.op,
                                       scaled_amount(s, &mod->d, national ? -1 : province), mod->expires};
        n++;
    }
    return n;
}
