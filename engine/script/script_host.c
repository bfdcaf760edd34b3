/* script_host.c — creating and destroying the host, the mods' accessors and
 * evaluating a chunk of Lua in a mod's sandbox (tests, the console). */
#include "script_internal.h"

#include "platform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

ScriptHost *script_host_create(const ScriptHostDesc *desc)
{
    ScriptHost *h = plat_big_alloc(sizeof *h);
    if (!h)
        return NULL;
    if (desc)
        h->desc = *desc;
    return h;
}

void script_host_destroy(ScriptHost *h)
{
    if (!h)
        return;
    for (int i = 0; i < h->mod_count; i++) {
        if (h->mods[i].L)
            lua_close(h->mods[i].L);
        script_pool_close(&h->mods[i].mem.pool);
        plat_folder_close(h->mods[i].folder);
    }
    for (int l = 0; l < SCRIPT_LANG_COUNT; l++)
        script_locale_free(&h->locale[l]);
    plat_alarm_destroy(h->alarm);
    plat_big_free(h, sizeof *h);
}

int script_mod_count(const ScriptHost *h) { return h->mod_count; }

char *script_mod_file_read(const ScriptHost *h, int mod, const char *path, size_t max_bytes, size_t *len)
{
    if (mod < 0 || mod >= h->mod_count)
        return plat_error_set("%s: not a file of a loaded mod", path), NULL;
    const ScriptMod *m = &h->mods[mod];
    return m->folder ? plat_folder_read(m->folder, path, max_bytes, len) : plat_read_file_in(m->dir, path, max_bytes, len);
}

bool script_event_picture_check(const ScriptHost *h, const ScriptEventInfo *e, char *why, size_t cap)
{
    char path[PLAT_PATH_MAX];
    int mod = -1;
    for (int i = 0; i < h->event_count; i++)
        if (&h->events[i].info == e)
            mod = h->events[i].mod;
    if (mod < 0 || !e->picture[0] || !script_event_picture_path(h, e, path, sizeof path)) {
        snprintf(why, cap, "not a file inside the mod's folder");
        return false;
    }
    size_t len;
    char *png = script_mod_file_read(h, mod, path, SCRIPT_MAX_PICTURE_BYTES, &len);
    if (!png) {
        snprintf(why, cap, "%s", plat_error());
        return false;
    }
    uint32_t w = 0, ht = 0;
    bool ok = plat_png_size(png, len, &w, &ht);
    free(png);
    if (!ok)
        snprintf(why, cap, "not a PNG file");
    else if (w > SCRIPT_MAX_PICTURE_SIDE || ht > SCRIPT_MAX_PICTURE_SIDE)
        snprintf(why, cap, "%u x %u pixels: pictures are at most %d x %d", (unsigned)w, (unsigned)ht,
                 SCRIPT_MAX_PICTURE_SIDE, SCRIPT_MAX_PICTURE_SIDE);
    return ok && w <= SCRIPT_MAX_PICTURE_SIDE && ht <= SCRIPT_MAX_PICTURE_SIDE;
}

char *script_file_read(const ScriptHost *h, const char *display, size_t max_bytes, size_t *len)
{
    char path[PLAT_PATH_MAX];
    int mod = script_file_mod(h, display);
    if (mod < 0 || !plat_path_join(path, sizeof path, h->mods[mod].dir, display + strlen(h->mods[mod].display_dir) + 1))
        return script_mod_file_read(h, -1, display, max_bytes, len);
    return script_mod_file_read(h, mod, path, max_bytes, len);
}

const char *script_mod_id(const ScriptHost *h, int mod)
{
    return mod >= 0 && mod < h->mod_count ? h->mods[mod].id : NULL;
}

size_t script_total_memory(const ScriptHost *h) { return h->mem_total; }

size_t script_mod_memory(const ScriptHost *h, int mod)
{
    return mod >= 0 && mod < h->mod_count ? h->mods[mod].mem.used : 0;
}

double script_mod_time_ms(const ScriptHost *h, int mod)
{
    return mod >= 0 && mod < h->mod_count ? h->mods[mod].time_ms : 0.0;
}

uint64_t script_mod_instructions(const ScriptHost *h, int mod)
{
    return mod >= 0 && mod < h->mod_count ? h->mods[mod].instructions : 0;
}

uint64_t script_mod_calls(const ScriptHost *h, int mod)
{
    return mod >= 0 && mod < h->mod_count ? h->mods[mod].calls : 0;
}

bool script_mod_is_disabled(const ScriptHost *h, int mod)
{
    return mod >= 0 && mod < h->mod_count && h->mods[mod].disabled;
}

typedef struct EvalJob {
    ScriptHost *h;
    int mod;
    const char *chunk_name, *code;
    char *out;
    size_t out_cap;
    bool ok;
} EvalJob;

static int eval_body(lua_State *L)
{
    EvalJob *j = lua_touserdata(L, 1);
    char name[200];
    snprintf(name, sizeof name, "=%s", j->chunk_name);
    /* The console's Lua sees the state as `s`, as triggers do. */
    if (j->h->state) {
        script_push_state_view(L);
        script_sandbox_set_global(L, "s");
    }
    j->ok = script_run_chunk(j->h, j->mod, j->code, strlen(j->code), name, 1, "eval");
    if (j->h->state) {
        lua_pushnil(L);
        script_sandbox_set_global(L, "s");
    }
    if (j->ok) {
        /* No __tostring here: that would run script code outside a protected call. */
        int t = lua_type(L, -1);
        if (t == LUA_TSTRING || t == LUA_TNUMBER)
            snprintf(j->out, j->out_cap, "%s", lua_tostring(L, -1));
        else if (t == LUA_TBOOLEAN)
            snprintf(j->out, j->out_cap, "%s", lua_toboolean(L, -1) ? "true" : "false");
        else
            snprintf(j->out, j->out_cap, "%s", lua_typename(L, t));
    }
    return 0;
}

bool script_eval(ScriptHost *h, int mod, const char *chunk_name, const char *code, char *out, size_t out_cap)
{
    return script_eval_on(h, mod, NULL, chunk_name, code, out, out_cap);
}

bool script_eval_on(ScriptHost *h, int mod, const CoreState *state, const char *chunk_name, const char *code,
                    char *out, size_t out_cap)
{
    char scratch[8];
    if (!out || !out_cap) {
        out = scratch;
        out_cap = sizeof scratch;
    }
    out[0] = '\0';
    if (mod < 0 || mod >= h->mod_count)
        return false;
    EvalJob j = {h, mod, chunk_name ? chunk_name : "eval", code, out, out_cap, false};
    int errors = h->errors_total;
    /* Code typed at the console may hit the limits as often as it likes:
     * that does not count against the mod (script_call.c's strikes). */
    bool outer = h->no_strikes;
    h->no_strikes = true;
    ScriptScope scope;
    if (state) {
        /* Read only: views of the state, no effects collected, and the
         * game's random stream left alone. */
        script_begin(h, &scope, (CoreState *)state, NULL, "console", true);
        h->rng = scope.rng;
    }
    bool ok = script_protected(h, mod, eval_body, &j, "eval") && j.ok;
    if (state)
        script_end(h, &scope);
    h->no_strikes = outer;
    if (!ok && h->errors_total > errors) {
        const ScriptError *e = script_error_at(h, script_error_count(h) - 1);
        snprintf(out, out_cap, "%s", e->message);
    }
    return ok;
}

/* ==== Hot reload (game_reload_scripts) ==== */

void script_errors_carry(ScriptHost *to, const ScriptHost *from, bool before)
{
    ScriptError *all = malloc(2 * SCRIPT_MAX_ERRORS * sizeof *all);
    if (!all)
        return; /* the console's list is a convenience: it loses the old errors, nothing else */
    const ScriptHost *first = before ? from : to, *second = before ? to : from;
    int n = 0;
    for (int i = 0; i < script_error_count(first); i++)
        all[n++] = *script_error_at(first, i);
    for (int i = 0; i < script_error_count(second); i++)
        all[n++] = *script_error_at(second, i);
    int keep = n < SCRIPT_MAX_ERRORS ? n : SCRIPT_MAX_ERRORS; /* the newest */
    for (int i = 0; i < keep; i++)
        to->errors[i] = all[n - keep + i];
    to->errors_total = keep;
    free(all);
}

void script_notices_carry(ScriptHost *to, const ScriptHost *from)
{
    to->notice_count = from->notice_count;
    memcpy(to->notices, from->notices, sizeof to->notices);
}
