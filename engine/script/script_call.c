/* script_call.c — the one road into Lua (after lua.c's docall and
 * Freeciv's luascript_call). A call runs the function in a coroutine of the
 * mod's state (one per nesting depth, kept and reused from call to call),
 * under an instruction budget (a count hook, plus the work library
 * functions charge for, plus growth of memory) and a wall-clock safety net
 * read by the hook, not by every call (script_budget.c). When it fails,
 * the coroutine's stack is still there, so the report (mod, context,
 * file:line, message, traceback) is built from it here in C, without
 * running script code and without allocating: a script cannot replace the
 * handler or make it lose the message, and memory errors get a location
 * too. The context is put into words only then. */
#include "script_internal.h"

#include "platform.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CLOCK_EVERY_CALLS 16           /* calls between clock readings at the least (see "Clock") */
#define TOSTRING_INSTRUCTIONS 100000   /* budget of an error object's __tostring */
#define TRACEBACK_LEVELS 12

static const char k_part_fn = 'p'; /* registry: the function of the current part (script_call_next_part) */

/* ==== Reports ==== */

static void copy_text(char *dst, size_t cap, const char *src) { script_copy(dst, cap, src); }

/* "scripts/events/x.lua:12: message" -> file, line, message. */
static bool split_location(const char *msg, char *file, size_t file_cap, int *line, const char **rest)
{
    const char *colon = strchr(msg, ':');
    while (colon) {
        char *end;
        long n = strtol(colon + 1, &end, 10);
        if (end > colon + 1 && *end == ':' && n > 0 && n < 100000000) {
            size_t len = (size_t)(colon - msg);
            if (len >= file_cap)
                len = file_cap - 1;
            memcpy(file, msg, len);
            file[len] = '\0';
            *line = (int)n;
            *rest = end[1] == ' ' ? end + 2 : end + 1;
            return true;
        }
        colon = strchr(colon + 1, ':');
    }
    return false;
}

static void record(ScriptHost *h, const ScriptError *e)
{
    if (h->quiet) { /* script_explain.c: the failure is part of its answer, not the mod's error */
        *h->quiet = *e;
        return;
    }
    h->errors[h->errors_total % SCRIPT_MAX_ERRORS] = *e;
    h->errors_total++;
    if (h->desc.on_error)
        h->desc.on_error(e, h->desc.user);
}

static void fill_mod(const ScriptHost *h, int mod, ScriptError *e)
{
    if (mod >= 0 && mod < h->mod_count) {
        copy_text(e->mod, sizeof e->mod, h->mods[mod].id);
        copy_text(e->mod_version, sizeof e->mod_version, h->mods[mod].version);
    }
}

void script_report(ScriptHost *h, int mod, const char *context, const char *file, int line, const char *fmt, ...)
{
    ScriptError e;
    memset(&e, 0, sizeof e);
    fill_mod(h, mod, &e);
    copy_text(e.context, sizeof e.context, context);
    copy_text(e.file, sizeof e.file, file);
    e.line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    record(h, &e);
}

/* Appends to a fixed buffer, truncating. */
static size_t append(char *buf, size_t cap, size_t used, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
static size_t append(char *buf, size_t cap, size_t used, const char *fmt, ...)
{
    if (used + 1 >= cap)
        return used;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf + used, cap - used, fmt, ap);
    va_end(ap);
    return n < 0 ? used : (size_t)n < cap - used ? used + (size_t)n : cap - 1;
}

/* The error's file:line and a traceback from the stack of the failed thread
 * `co` (lua_getinfo with "Sln" allocates nothing). A location the message
 * gave stays; one Lua shortened ("...x.lua") is completed from the stack. */
static void describe_stack(lua_State *co, ScriptError *e)
{
    size_t used = append(e->traceback, sizeof e->traceback, 0, "stack traceback:");
    bool have_location = e->file[0] != '\0';
    const char *tail = strncmp(e->file, "...", 3) == 0 ? e->file + 3 : NULL;
    lua_Debug ar;
    for (int level = 0; lua_getstack(co, level, &ar); level++) {
        if (level == TRACEBACK_LEVELS) {
            used = append(e->traceback, sizeof e->traceback, used, "\n\t...");
            break;
        }
        if (!lua_getinfo(co, "Sln", &ar))
            break;
        if (script_engine_frame(&ar))
            continue;
        const char *src = ar.source && ar.source[0] == '@' ? ar.source + 1 : ar.short_src;
        if (ar.currentline <= 0) {
            used = append(e->traceback, sizeof e->traceback, used, "\n\t[C]: in %s%s%s",
                          ar.name ? "function '" : "a C function", ar.name ? ar.name : "", ar.name ? "'" : "");
            continue;
        }
        if (!have_location) {
            copy_text(e->file, sizeof e->file, src);
            e->line = ar.currentline;
            have_location = true;
        } else if (tail) {
            size_t sl = strlen(src), tl = strlen(tail);
            if (sl >= tl && strcmp(src + sl - tl, tail) == 0) {
                copy_text(e->file, sizeof e->file, src);
                tail = NULL;
            }
        }
        const char *what = ar.name ? ar.name : *ar.what == 'm' ? "main chunk" : "function";
        used = append(e->traceback, sizeof e->traceback, used, "\n\t%s:%d: in %s%s%s", src, ar.currentline,
                      ar.name ? "function '" : "", what, ar.name ? "'" : "");
    }
}

static int error_tostring(lua_State *L)
{
    luaL_tolstring(L, 1, NULL);
    return 1;
}

/* The message of an error object that is not a string. A __tostring is run
 * protected, with a small budget of its own, on the main thread; if it
 * fails in any way the message still says what was thrown. */
static void object_message(ScriptHost *h, lua_State *L, lua_State *co, ScriptError *e)
{
    int t = lua_type(co, -1);
    if (t == LUA_TNUMBER) {
        if (lua_isinteger(co, -1))
            snprintf(e->message, sizeof e->message, "%lld", (long long)lua_tointeger(co, -1));
        else
            snprintf(e->message, sizeof e->message, "%.14g", (double)lua_tonumber(co, -1));
        return;
    }
    snprintf(e->message, sizeof e->message, "(error object is a %s value)", lua_typename(co, t));
    if (t == LUA_TNONE || !luaL_getmetafield(co, -1, "__tostring"))
        return;
    lua_pop(co, 1);
    if (!lua_checkstack(L, 3))
        return;
    int top = lua_gettop(L);
    lua_pushcfunction(L, error_tostring);
    lua_pushvalue(co, -1);
    lua_xmove(co, L, 1);
    ScriptFrame f;
    script_frame_begin(h, &f, TOSTRING_INSTRUCTIONS, NULL);
    lua_Hook hook = lua_gethook(L);
    int mask = lua_gethookmask(L), count = lua_gethookcount(L);
    lua_sethook(L, script_budget_hook, LUA_MASKCOUNT, SCRIPT_HOOK_STEP);
    int st = lua_pcall(L, 1, 1, 0);
    lua_sethook(L, hook, mask, count);
    uint64_t used;
    script_frame_end(h, NULL, &f, TOSTRING_INSTRUCTIONS, &used);
    if (st == LUA_OK && lua_type(L, -1) == LUA_TSTRING)
        snprintf(e->message, sizeof e->message, "%s", lua_tostring(L, -1));
    else
        snprintf(e->message, sizeof e->message, "(error object is a %s value; its __tostring failed)",
                 lua_typename(co, t));
    lua_settop(L, top);
}

/* Which limit stopped the current frame: the hook's verdict, or a budget
 * the allocator or a library function used up just before the error. */
static int frame_limit(const ScriptHost *h)
{
    if (h->limit_hit != SCRIPT_LIMIT_NONE)
        return h->limit_hit;
    return h->budget_left <= 0 ? SCRIPT_LIMIT_INSTRUCTIONS : SCRIPT_LIMIT_NONE;
}

/* The message of a limit (or of running out of memory, limit NONE). */
static void limit_message(const ScriptHost *h, const ScriptMod *m, int limit, ScriptError *e)
{
    if (limit == SCRIPT_LIMIT_TIME) {
        e->out_of_time = true;
        snprintf(e->message, sizeof e->message, "time limit exceeded (%d ms in one call%s)", (int)script_time_limit_ms(h),
                 h->limit_late ? ", found when it returned: garbage collection and library calls count" : "");
    } else if (limit == SCRIPT_LIMIT_INSTRUCTIONS) {
        e->out_of_instructions = true;
        snprintf(e->message, sizeof e->message, "instruction limit exceeded (%d million instructions in one call)",
                 (int)(script_budget_cap(h) / 1000000));
    }
    if (limit != SCRIPT_LIMIT_NONE) {
        if (h->limit_file[0]) {
            copy_text(e->file, sizeof e->file, h->limit_file);
            e->line = h->limit_line;
        }
    } else {
        e->out_of_memory = true;
        if (m->mem.refused_total)
            snprintf(e->message, sizeof e->message, "out of memory: all mods together may use at most %zu MiB",
                     (h->desc.total_mem_cap_bytes ? h->desc.total_mem_cap_bytes : SCRIPT_DEFAULT_TOTAL_MEM) >> 20);
        else
            snprintf(e->message, sizeof e->message, "out of memory: the mod may use at most %zu MiB", m->mem.cap >> 20);
    }
}

/* Fills `e` from the thread `co` that stopped with status `st`. */
static void describe_failure(ScriptHost *h, ScriptMod *m, lua_State *co, int st, int limit, ScriptError *e)
{
    if (limit != SCRIPT_LIMIT_NONE || st == LUA_ERRMEM) {
        limit_message(h, m, limit, e);
    } else if (st == LUA_YIELD) {
        copy_text(e->message, sizeof e->message,
                  "attempt to yield from outside a coroutine (a hook must return, not yield)");
    } else if (lua_type(co, -1) == LUA_TSTRING) {
        const char *msg = lua_tostring(co, -1), *rest = msg;
        /* Errors passed on through coroutine.wrap gain a "file:line: " at
         * each level: keep the first location and the message at the end. */
        if (split_location(msg, e->file, sizeof e->file, &e->line, &rest)) {
            char file[8];
            int line;
            const char *next;
            while (split_location(rest, file, sizeof file, &line, &next) && next > rest &&
                   strncmp(rest, e->file, strlen(e->file)) == 0)
                rest = next;
        }
        copy_text(e->message, sizeof e->message, rest);
        /* A memory error thrown on by coroutine.wrap arrives as a string. */
        e->out_of_memory = m->mem.refused > 0 && strstr(rest, "not enough memory") != NULL;
    } else {
        object_message(h, m->L, co, e);
    }
    if (st != LUA_OK)
        describe_stack(co, e);
}

/* A limit hit (not an ordinary error) counts against the mod. */
static void strike(ScriptHost *h, int mod, const ScriptError *e)
{
    ScriptMod *m = &h->mods[mod];
    if (h->no_strikes || !(e->out_of_memory || e->out_of_instructions || e->out_of_time) || m->disabled)
        return;
    if (++m->strikes < SCRIPT_MAX_STRIKES)
        return;
    m->disabled = true;
    script_report(h, mod, "limits", e->file, e->line,
                  "the mod is disabled for this session: it hit its instruction, time or memory limits %d times",
                  m->strikes);
}

/* The hook reads the clock only between instructions: a call whose time
 * went into a garbage collection or a library function just before it
 * returned would get away with it. So the clock is read again when a call
 * returns that may have taken long (see "Clock"); a call over its time
 * limit fails as if the hook had stopped it, reported where the function
 * is defined (the function is at `fn` on L's stack, 0 if unknown). Calls
 * nested in the frame count in its time, as they do for the hook. */
static void check_late(ScriptHost *h, lua_State *L, int fn)
{
    if (h->limit_hit != SCRIPT_LIMIT_NONE || script_clock_read(h) - h->frame_start_ms <= script_time_limit_ms(h))
        return;
    h->limit_hit = SCRIPT_LIMIT_TIME;
    h->limit_late = true;
    lua_Debug def;
    if (fn && lua_isfunction(L, fn) && lua_checkstack(L, 1)) {
        lua_pushvalue(L, fn);
        if (lua_getinfo(L, ">S", &def) && def.source && def.linedefined > 0) { /* no allocation */
            snprintf(h->limit_file, sizeof h->limit_file, "%s", def.source[0] == '@' ? def.source + 1 : def.short_src);
            h->limit_line = def.linedefined;
        }
    }
}

/* ==== Calls ==== */

/* The context put into words ("event x: trigger", "event x: MTTH modifier
 * 2", "event x: option y"), only when a call fails. */
void script_context_text(const ScriptContext *c, char *buf, size_t cap)
{
    if (!c->id) {
        copy_text(buf, cap, c->what);
        return;
    }
    size_t used = append(buf, cap, 0, "%s %s: %s", c->what ? c->what : "", c->id, c->part ? c->part : "");
    if (c->detail)
        used = append(buf, cap, used, " %s", c->detail);
    if (c->index > 0)
        append(buf, cap, used, " %d", c->index);
}

/* The coroutine calls at nesting depth `depth` run in: made once for the
 * mod (anchored in the registry) and reused, so that a call allocates
 * nothing and leaves no garbage. May raise a memory error (callers are
 * protected). */
static lua_State *call_thread(ScriptMod *m, int depth)
{
    if (m->threads[depth])
        return m->threads[depth];
    lua_State *co = lua_newthread(m->L);                          /* co */
    int ref = luaL_ref(m->L, LUA_REGISTRYINDEX);                  /* (anchored) */
    m->thread_refs[depth] = ref;
    return m->threads[depth] = co;
}

bool script_call(ScriptHost *h, int mod, int nargs, int nresults, const char *context)
{
    return script_call_in(h, mod, nargs, nresults, &(ScriptContext){.what = context});
}

bool script_call_in(ScriptHost *h, int mod, int nargs, int nresults, const ScriptContext *context)
{
    return script_call_where(h, mod, nargs, nresults, context, 0);
}

bool script_call_where(ScriptHost *h, int mod, int nargs, int nresults, const ScriptContext *context, int where)
{
    /* nresults may be LUA_MULTRET: every result is left. */
    ScriptMod *m = &h->mods[mod];
    lua_State *L = m->L;
    int base = lua_gettop(L) - nargs; /* the function */
    int depth = h->call_depth;
    char text[SCRIPT_CONTEXT_LEN];
    if (m->disabled || depth >= SCRIPT_MAX_CALL_DEPTH || !lua_checkstack(L, 2)) {
        lua_settop(L, base - 1);
        if (!m->disabled) {
            script_context_text(context, text, sizeof text);
            script_report(h, mod, text, "", 0, "script calls nested too deeply");
        }
        return false;
    }
    lua_State *co = call_thread(m, depth);
    if (!lua_checkstack(co, nargs + 2)) {
        lua_settop(L, base - 1);
        script_context_text(context, text, sizeof text);
        script_report(h, mod, text, "", 0, "cannot start a call (no stack space)");
        return false;
    }
    /* The function stays at `base` on L too: a call that overran its time
     * without the hook seeing it is reported where it is defined. */
    lua_pushvalue(L, base);
    lua_insert(L, base + 1);     /* fn fn args */
    lua_xmove(L, co, nargs + 1); /* fn | fn args on the call's thread */
    int64_t cap = script_budget_cap(h);
    ScriptFrame f;
    script_frame_begin(h, &f, cap, m);
    bool outer_in_call = m->mem.in_call;
    long refused = m->mem.refused;
    m->mem.in_call = true;
    m->mem.refused = 0;
    bool outer_refused_total = m->mem.refused_total;
    m->mem.refused_total = false;
    bool lazy = where == SCRIPT_WHERE_PARTS_LAZY && script_lazy_begin(h, co);
    if (!lazy)
        lua_sethook(co, script_budget_hook, LUA_MASKCOUNT, SCRIPT_HOOK_STEP);
    h->call_depth++;
    int nres = 0;
    int64_t parts_spent = h->parts_spent;
    h->parts_spent = 0;
    int st = lua_resume(co, L, nargs, &nres);
    if (lazy)
        script_lazy_end(h);
    if (st == LUA_OK && (f.active ? cap - h->budget_left >= SCRIPT_HOOK_STEP || ++h->clock_calls >= CLOCK_EVERY_CALLS
                                  : true)) {
        if (where == SCRIPT_WHERE_PART || where == SCRIPT_WHERE_PARTS_LAZY) {
            lua_rawgetp(L, LUA_REGISTRYINDEX, &k_part_fn); /* room: checked above */
            check_late(h, L, lua_gettop(L));
            lua_pop(L, 1);
        } else
            check_late(h, L, where ? where : base);
    }
    ScriptError e;
    /* A limit hit fails the call even if the script swallowed the error. */
    bool failed = st != LUA_OK || frame_limit(h) != SCRIPT_LIMIT_NONE;
    if (failed) {
        memset(&e, 0, sizeof e);
        fill_mod(h, mod, &e);
        script_context_text(context, e.context, sizeof e.context);
        describe_failure(h, m, co, st, frame_limit(h), &e);
        if (script_thread_stopped(co)) {
            /* Hooks are off for good on a thread the hook stopped with an
             * error, and its pending __close handlers must not run
             * (lua_settop would run them too): it is left to the collector
             * and the next call gets a new thread. */
            luaL_unref(L, LUA_REGISTRYINDEX, m->thread_refs[depth]);
            m->threads[depth] = NULL;
        } else {
            /* Pending __close handlers run here, under the budget. */
            if (st != LUA_OK)
                lua_resetthread(co);
            lua_settop(co, 0);
        }
    }
    m->mem.in_call = outer_in_call;
    bool oom = m->mem.refused > 0;
    m->mem.refused += refused;
    m->mem.refused_total |= outer_refused_total;
    h->call_depth--;
    h->calls++;
    m->calls++;
    script_frame_end(h, m, &f, cap, &h->last_instructions);
    h->last_instructions += (uint64_t)h->parts_spent; /* the parts before the last (script_call_next_part) */
    m->instructions += (uint64_t)h->parts_spent;
    h->parts_spent = parts_spent;
    if (!failed) {
        int keep = nresults == LUA_MULTRET || nres < nresults ? nres : nresults;
        lua_settop(co, lua_gettop(co) - nres + keep);
        if (!lua_checkstack(L, keep + 1)) { /* LUA_MULTRET: as many as it returned */
            lua_settop(co, 0);
            lua_settop(L, base - 1);
            script_context_text(context, text, sizeof text);
            script_report(h, mod, text, "", 0, "too many results");
            return false;
        }
        lua_xmove(co, L, keep); /* fn results */
        lua_settop(co, 0);
        for (int i = keep; i < nresults; i++)
            lua_pushnil(L);
        lua_remove(L, base);
        return true;
    }
    lua_settop(L, base - 1);
    if (oom || e.out_of_instructions || e.out_of_time)
        lua_gc(L, LUA_GCCOLLECT); /* give back what a runaway call left behind */
    record(h, &e);
    strike(h, mod, &e);
    return false;
}

void script_call_next_part(lua_State *L, int fn)
{
    ScriptHost *h = script_host_of(L);
    int64_t cap = script_budget_cap(h);
    h->parts_spent += cap - (h->budget_left > 0 ? h->budget_left : 0);
    h->budget_left = cap;
    h->frame_start_ms = h->clock_ms; /* as a nested call's: the last reading */
    lua_pushvalue(L, fn);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &k_part_fn);
}

bool script_run_chunk(ScriptHost *h, int mod, const char *src, size_t len, const char *chunk_name, int nresults,
                      const char *context)
{
    if (!script_run_chunk_env(h, mod, src, len, chunk_name, nresults, context))
        return false;
    lua_remove(h->mods[mod].L, -nresults - 1); /* the environment */
    return true;
}

bool script_run_chunk_env(ScriptHost *h, int mod, const char *src, size_t len, const char *chunk_name, int nresults,
                          const char *context)
{
    ScriptMod *m = &h->mods[mod];
    lua_State *L = m->L;
    if (m->disabled)
        return false;
    if (len > SCRIPT_MAX_MOD_SOURCE_BYTES - m->source_bytes) {
        script_report(h, mod, context, chunk_name + 1, 0, "the mod's Lua files exceed %zu MiB in all",
                      SCRIPT_MAX_MOD_SOURCE_BYTES >> 20);
        return false;
    }
    m->source_bytes += len;
    script_sandbox_push_env(L);
    lua_pushvalue(L, -1); /* env env: the chunk takes one, the caller gets the other */
    if (script_sandbox_load(L, src, len, chunk_name) != LUA_OK) {
        /* A syntax error: "file:line: message". */
        const char *msg = lua_tostring(L, -1);
        char file[256] = "";
        int line = 0;
        const char *rest = msg ? msg : "cannot load";
        if (msg && !split_location(msg, file, sizeof file, &line, &rest))
            copy_text(file, sizeof file, chunk_name + 1);
        /* Lua shortens a long chunk name ("...mods/x/events/y.lua"): the
         * message names the file in full, as every other message does. */
        size_t fl = strlen(file), cl = strlen(chunk_name + 1);
        if (strncmp(file, "...", 3) == 0 && cl >= fl - 3 && strcmp(chunk_name + 1 + cl - (fl - 3), file + 3) == 0)
            copy_text(file, sizeof file, chunk_name + 1);
        script_report(h, mod, context, file, line, "%s", rest);
        lua_pop(L, 2); /* env msg */
        return false;
    }
    if (!script_call(h, mod, 0, nresults, context)) {
        lua_pop(L, 1); /* env */
        return false;
    }
    return true;
}

bool script_protected(ScriptHost *h, int mod, lua_CFunction fn, void *ud, const char *context)
{
    ScriptMod *m = &h->mods[mod];
    lua_State *L = m->L;
    int top = lua_gettop(L);
    /* The body's own Lua API calls can run script metamethods (__index on a
     * declaration table): they get a budget too. */
    int64_t cap = script_budget_cap(h);
    ScriptFrame f;
    script_frame_begin(h, &f, cap, m);
    lua_Hook hook = lua_gethook(L);
    int mask = lua_gethookmask(L), count = lua_gethookcount(L);
    bool outer_refused_total = m->mem.refused_total;
    m->mem.refused_total = false;
    lua_sethook(L, script_budget_hook, LUA_MASKCOUNT, SCRIPT_HOOK_STEP);
    lua_pushcfunction(L, fn);
    lua_pushlightuserdata(L, ud);
    uint64_t calls = h->calls;
    int st = lua_pcall(L, 1, 0, 0);
    lua_sethook(L, hook, mask, count);
    /* The body's own API calls may have run script code or a collection.
     * Calls it made were checked on their own, and its time holds theirs:
     * then only the hook's verdict counts. */
    bool late = st == LUA_OK && h->calls == calls && (check_late(h, L, 0), h->limit_hit == SCRIPT_LIMIT_TIME);
    ScriptError e;
    if (st != LUA_OK || late) {
        memset(&e, 0, sizeof e);
        fill_mod(h, mod, &e);
        copy_text(e.context, sizeof e.context, context);
        /* The stack is gone here (a plain pcall): the location is the message's. */
        const char *msg = !late && lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        const char *rest = msg ? msg : "(error object is not a string)";
        if (msg)
            split_location(msg, e.file, sizeof e.file, &e.line, &rest);
        copy_text(e.message, sizeof e.message, rest);
        int limit = frame_limit(h);
        if (limit != SCRIPT_LIMIT_NONE || st == LUA_ERRMEM)
            limit_message(h, m, limit, &e);
    }
    m->mem.refused_total |= outer_refused_total;
    uint64_t used;
    script_frame_end(h, m, &f, cap, &used);
    if (st == LUA_OK && !late)
        return true;
    lua_settop(L, top);
    lua_gc(L, LUA_GCCOLLECT);
    record(h, &e);
    strike(h, mod, &e);
    return false;
}

void script_begin(ScriptHost *h, ScriptScope *saved, CoreState *s, ScriptCommands *out, const char *why,
                  bool preview)
{
    saved->state = h->state;
    saved->out = h->out;
    saved->preview = h->preview;
    saved->rng = h->rng;
    copy_text(saved->why, sizeof saved->why, h->why);
    h->state = s;
    h->out = out;
    h->preview = preview;
    h->rng = s ? &s->script_rng : NULL;
    copy_text(h->why, sizeof h->why, why);
}

void script_end(ScriptHost *h, const ScriptScope *saved)
{
    h->state = saved->state;
    h->out = saved->out;
    h->preview = saved->preview;
    h->rng = saved->rng;
    copy_text(h->why, sizeof h->why, saved->why);
    h->generation++;
}

int script_error_count(const ScriptHost *h)
{
    return h->errors_total < SCRIPT_MAX_ERRORS ? h->errors_total : SCRIPT_MAX_ERRORS;
}

const ScriptError *script_error_at(const ScriptHost *h, int i)
{
    int n = script_error_count(h);
    if (i < 0 || i >= n)
        return NULL;
    int first = h->errors_total - n;
    return &h->errors[(first + i) % SCRIPT_MAX_ERRORS];
}

uint64_t script_last_instructions(const ScriptHost *h) { return h->last_instructions; }
uint64_t script_call_count(const ScriptHost *h) { return h->calls; }
double script_time_ms(const ScriptHost *h) { return h->lua_ms; }
