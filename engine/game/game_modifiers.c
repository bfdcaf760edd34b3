/* game_modifiers.c — named modifiers (fx:modify, fx:remove_modifier): a
 * modifier whose source is "modifier:NAME" can be found by name and ended.
 * The core has no command that ends a modifier, so the ending is applied
 * here, to the state's list of modifiers, just before the month's commands
 * go to core_tick: exactly where the core itself drops the modifiers whose
 * months are over. */
#include "game.h"
#include "game_internal.h"

#include <string.h>

static bool ends(const CoreCommand *c)
{
    return c->kind == CORE_CMD_MODIFIER && c->months == SCRIPT_CMD_END_MODIFIER;
}

void game_end_named_modifiers(CoreState *s, ScriptCommands *cmds)
{
    bool changed = false;
    for (int i = 0; i < cmds->count; i++) {
        if (!ends(&cmds->items[i]))
            continue;
        const char *name = cmds->items[i].source;
        /* the state's modifiers of that name (by its index: thousands may be in force) */
        int id = core_source_find(s, name), w = 0;
        for (int k = 0; k < s->modifier_count; k++)
            if (id < 0 || s->modifiers[k].source != id)
                s->modifiers[w++] = s->modifiers[k];
        changed |= w != s->modifier_count;
        s->modifier_count = w;
        /* and those added earlier this month: the last call wins */
        for (int k = 0; k < i; k++) {
            CoreCommand *c = &cmds->items[k];
            if (c->kind == CORE_CMD_MODIFIER && c->months >= 0 && strcmp(c->source, name) == 0)
                c->months = SCRIPT_CMD_END_MODIFIER - 100; /* dropped below */
        }
    }
    int w = 0;
    for (int i = 0; i < cmds->count; i++)
        if (!script_command_is_own(&cmds->items[i])) {
            if (w != i) /* only what moves is copied: a big month queues thousands */
                cmds->items[w] = cmds->items[i];
            w++;
        }
    cmds->count = w;
    if (changed)
        core_levers_update(s);
}

void game_apply_now(Game *g, ScriptCommands *cmds)
{
    script_chains_due(g->host, g->state, cmds, NULL);
    game_end_named_modifiers(g->state, cmds);
    core_apply_commands(g->state, cmds->items, (size_t)cmds->count);
}
