/* script_chains.c — chained events (fx:fire): the schedule of events fired
 * for a later month, and what each mod keeps in a save besides its storage
 * (its chained events and its settings' values), appended to the storage's
 * bytes as a section of lines:
 *
 *   "GLM1\n" ("chain" EVENT MONTH PROVINCE "\n" | "setting" NAME VALUE "\n")*
 *
 * A line that does not parse, or names what the mod no longer has, is
 * skipped: a save always loads. */
#include "script_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define META_MAGIC "GLM1\n"

int script_chain_count(const ScriptHost *h) { return h->chain_count; }

/* Moves the FIRE commands of cmds into the schedule. */
static void take_fires(ScriptHost *h, const CoreState *s, ScriptCommands *cmds)
{
    int w = 0;
    for (int i = 0; i < cmds->count; i++) {
        CoreCommand *c = &cmds->items[i];
        if (!(c->kind == CORE_CMD_MODIFIER && c->months == SCRIPT_CMD_FIRE)) {
            if (w != i) /* a command is 256 bytes, and a big month queues thousands */
                cmds->items[w] = *c;
            w++;
            continue;
        }
        if (h->chain_count >= SCRIPT_MAX_CHAINS) {
            int mod = c->policy >= 0 && c->policy < h->mod_count ? c->policy : -1;
            script_report(h, mod, "fx:fire", "", 0, "more than %d events are waiting to be fired: '%s' is dropped",
                          SCRIPT_MAX_CHAINS, c->event);
            continue;
        }
        ScriptChain *ch = &h->chains[h->chain_count++];
        memset(ch, 0, sizeof *ch);
        script_copy(ch->event, sizeof ch->event, c->event);
        ch->month = s->month + (int)c->amount;
        ch->province = c->province;
        ch->mod = c->policy;
    }
    cmds->count = w;
}

typedef struct ChainJob {
    ScriptHost *h;
    ScriptEvent *e;
    int province;
    bool ok, holds;
} ChainJob;

static int trigger_body(lua_State *L)
{
    ChainJob *j = lua_touserdata(L, 1);
    j->ok = true;
    j->holds = script_event_trigger_holds(j->h, j->e, j->province, &j->ok);
    return 0;
}

int script_chains_due(ScriptHost *h, CoreState *s, ScriptCommands *cmds, ScriptDueList *out)
{
    if (cmds)
        take_fires(h, s, cmds);
    int n = 0, w = 0;
    bool full = !out; /* no more are taken: the rest stay in the schedule */
    ScriptScope scope;
    script_begin(h, &scope, s, NULL, "", false);
    for (int i = 0; i < h->chain_count; i++) {
        ScriptChain *ch = &h->chains[i];
        if (ch->month > s->month || full) {
            h->chains[w++] = *ch;
            continue;
        }
        int event = script_event_find(h, ch->event);
        ScriptEvent *e = event >= 0 ? &h->events[event] : NULL;
        if (!e || e->info.disabled || h->mods[e->mod].disabled ||
            (e->info.once && core_decision_find(s, e->info.id, ch->province) != NULL))
            continue; /* gone, or it cannot fire again */
        ChainJob j = {h, e, ch->province, false, false};
        if (!script_protected(h, e->mod, trigger_body, &j, "chained event trigger") || !j.ok) {
            e->info.disabled = true;
            continue;
        }
        if (!j.holds)
            continue;
        if (!script_due_push(out, (ScriptDue){event, ch->province, 0})) {
            full = true; /* out of memory: it waits for the next look */
            h->chains[w++] = *ch;
            continue;
        }
        script_event_offered(h, s, &out->items[out->count - 1]);
        n++;
    }
    h->chain_count = w;
    script_end(h, &scope);
    return n;
}

/* ==== What a save keeps of a mod besides its storage ==== */

bool script_meta_append(const ScriptHost *h, int mod, char **blob, size_t *len)
{
    const ScriptMod *m = &h->mods[mod];
    size_t need = sizeof META_MAGIC + (size_t)h->chain_count * (CORE_ID_LEN + 48) +
                  (size_t)m->manifest.setting_count * (CORE_ID_LEN + 64);
    char *text = malloc(need), *grown;
    if (!text)
        return false;
    size_t used = (size_t)snprintf(text, need, "%s", META_MAGIC);
    size_t empty = used;
    for (int i = 0; i < h->chain_count; i++)
        if (h->chains[i].mod == mod)
            used += (size_t)snprintf(text + used, need - used, "chain %s %d %d\n", h->chains[i].event,
                                     (int)h->chains[i].month, (int)h->chains[i].province);
    for (int i = 0; i < m->manifest.setting_count; i++) {
        char value[64];
        script_setting_text(&m->manifest.settings[i], m->setting_values[i], value, sizeof value);
        used += (size_t)snprintf(text + used, need - used, "setting %s %s\n", m->manifest.settings[i].name, value);
    }
    if (used == empty) {
        free(text);
        return true;
    }
    grown = realloc(*blob, *len + used);
    if (!grown) {
        free(text);
        return false;
    }
    memcpy(grown + *len, text, used);
    *blob = grown;
    *len += used;
    free(text);
    return true;
}

void script_meta_apply(ScriptHost *h, int mod, const char *text, size_t len)
{
    ScriptMod *m = &h->mods[mod];
    int w = 0; /* the mod's chains come from the save */
    for (int i = 0; i < h->chain_count; i++)
        if (h->chains[i].mod != mod)
            h->chains[w++] = h->chains[i];
    h->chain_count = w;
    size_t magic = sizeof META_MAGIC - 1;
    if (len < magic || memcmp(text, META_MAGIC, magic) != 0)
        return;
    for (size_t at = magic; at < len;) {
        const char *start = text + at, *nl = memchr(start, '\n', len - at);
        size_t n = nl ? (size_t)(nl - start) : len - at;
        at += n + 1;
        char line[200], a[CORE_ID_LEN], b[64];
        int month, province;
        snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line ? n : sizeof line - 1), start);
        if (sscanf(line, "chain %39s %d %d", a, &month, &province) == 3 && h->chain_count < SCRIPT_MAX_CHAINS &&
            month >= 0 && month <= CORE_MAX_MONTHS && province >= -1 && province < CORE_MAX_PROVINCES) {
            ScriptChain *ch = &h->chains[h->chain_count++];
            memset(ch, 0, sizeof *ch);
            script_copy(ch->event, sizeof ch->event, a);
            ch->month = month;
            ch->province = province;
            ch->mod = mod;
        } else if (sscanf(line, "setting %39s %63s", a, b) == 2) {
            int i = script_setting_find(&m->manifest, a);
            double v;
            if (i >= 0 && script_setting_parse(&m->manifest.settings[i], b, &v))
                m->setting_values[i] = v;
        }
    }
}
