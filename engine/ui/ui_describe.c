/* ui_describe.c — effects in words, for the policy board and for an event
 * option's preview: "Yield per hectare ×0.95", "Labour at furnaces +14
 * points (stronger where cadres are zealous)", "Enact: People's communes". */
#include "ui_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void amount_text(const UiCtx *c, const CoreLeverInfo *li, CoreOp op, double amount, char *buf, size_t cap)
{
    if (op == CORE_OP_MUL) {
        snprintf(buf, cap, "\xC3\x97%.2f", amount); /* ×0.95 */
        return;
    }
    const char *sign = amount >= 0 ? "+" : "\xE2\x88\x92"; /* − */
    double a = fabs(amount);
    if (strcmp(li->unit, "share") == 0)
        snprintf(buf, cap, "%s%.0f%s", sign, a * 100.0, ui_t(c, "unit.points"));
    else if (strcmp(li->unit, "1/month") == 0)
        snprintf(buf, cap, "%s%.0f%s", sign, a * 100.0, ui_t(c, "unit.percent_per_month"));
    else if (strcmp(li->unit, "t/year") == 0) {
        char t[64];
        ui_format_tonnes(c, t, sizeof t, a);
        snprintf(buf, cap, "%s%s%s", sign, t, ui_t(c, "unit.per_year"));
    } else if (strcmp(li->unit, "persons/month") == 0) {
        char p[64];
        ui_format_people(c, p, sizeof p, a);
        snprintf(buf, cap, "%s%s%s", sign, p, ui_t(c, "unit.per_month"));
    } else
        snprintf(buf, cap, "%s%.2f", sign, a);
}

static const char *province_name(const UiCtx *c, const CoreState *s, int p)
{
    if (p < 0 || !s || p >= s->province_count)
        return ui_t(c, "effect.all_provinces");
    return ui_tf(c, "province.%s", s->info[p].id);
}

void ui_describe_modifier(const UiCtx *c, const CoreModifierDesc *d, const CoreState *s, char *buf, size_t cap)
{
    const CoreLeverInfo *li = core_lever_info(d->lever);
    if (!li) {
        snprintf(buf, cap, "?");
        return;
    }
    char amount[96];
    amount_text(c, li, d->op, d->amount, amount, sizeof amount);
    int n = snprintf(buf, cap, "%s %s", ui_tf(c, "lever.%s", li->name), amount);
    if (li->scope == CORE_SCOPE_P && d->province >= 0 && n > 0 && (size_t)n < cap)
        n += snprintf(buf + n, cap - (size_t)n, " \xC2\xB7 %s", province_name(c, s, d->province));
    if (d->scale == CORE_SCALE_ZEAL && n > 0 && (size_t)n < cap)
        n += snprintf(buf + n, cap - (size_t)n, " %s", ui_t(c, "effect.scaled_by_zeal"));
    if (d->month_mask && d->month_mask != CORE_ALL_MONTHS && n > 0 && (size_t)n < cap) {
        char months[64] = "";
        size_t used = 0;
        for (int m = 1; m <= 12; m++)
            if (d->month_mask & (1u << (m - 1)))
                used += (size_t)snprintf(months + used, sizeof months - used, "%s%d", used ? "," : "", m);
        snprintf(buf + n, cap - (size_t)n, " %s %s", ui_t(c, "effect.in_months"), months);
    }
}

void ui_describe_command(const UiCtx *c, const CoreCommand *cmd, const CoreState *s, char *buf, size_t cap)
{
    buf[0] = '\0';
    switch (cmd->kind) {
    case CORE_CMD_POLICY_ENACT:
    case CORE_CMD_POLICY_REPEAL: {
        const char *id = s && cmd->policy >= 0 && cmd->policy < s->policy_count ? s->policies[cmd->policy].id : "?";
        const char *verb = ui_t(c, cmd->kind == CORE_CMD_POLICY_ENACT ? "effect.enact" : "effect.repeal");
        snprintf(buf, cap, "%s%s%s", verb, ui_t(c, "ui.word_space"), ui_tf(c, "policy.%s.name", id));
        break;
    }
    case CORE_CMD_MODIFIER: {
        char m[200];
        ui_describe_modifier(c, &cmd->modifier, s, m, sizeof m);
        if (cmd->months > 0)
            snprintf(buf, cap, "%s, %d %s", m, cmd->months, ui_t(c, "unit.months"));
        else
            snprintf(buf, cap, "%s", m);
        break;
    }
    case CORE_CMD_ADJUST: {
        const CoreVarInfo *vi = core_var_info(cmd->var);
        char amount[64];
        if (cmd->op == CORE_OP_SET)
            snprintf(amount, sizeof amount, "= %.2f", cmd->amount);
        else
            snprintf(amount, sizeof amount, "%s%.2f", cmd->amount >= 0 ? "+" : "\xE2\x88\x92", fabs(cmd->amount));
        snprintf(buf, cap, "%s %s", ui_tf(c, "var.%s", vi ? vi->name : "?"), amount);
        if (vi && vi->scope == CORE_SCOPE_P) {
            size_t n = strlen(buf);
            snprintf(buf + n, cap - n, " \xC2\xB7 %s", province_name(c, s, cmd->province));
        }
        break;
    }
    case CORE_CMD_TRANSFER: {
        char t[64];
        ui_format_tonnes(c, t, sizeof t, cmd->amount);
        const char *from = cmd->from == CORE_HOLD_GRANARY ? ui_t(c, "effect.granary")
                           : cmd->from == CORE_HOLD_ABROAD ? ui_t(c, "effect.abroad")
                                                           : province_name(c, s, cmd->from_province);
        const char *to = cmd->to == CORE_HOLD_GRANARY ? ui_t(c, "effect.granary")
                         : cmd->to == CORE_HOLD_ABROAD ? ui_t(c, "effect.abroad")
                                                       : province_name(c, s, cmd->province);
        snprintf(buf, cap, "%s %s%s%s \xE2\x86\x92 %s", ui_t(c, "effect.grain"), t, ui_t(c, "ui.colon"), from, to);
        break;
    }
    case CORE_CMD_DECISION: break;
    }
}
