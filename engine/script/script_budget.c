/* script_budget.c — what a call may spend: instructions (Lua's count hook,
 * plus the work library functions charge for, plus memory growth), and the
 * wall clock as a safety net, read by the hook and at a frame's edges, not
 * by every call ("Clock" below); a call made of parts counts only once it
 * runs long ("Lazy budget"). Frames nest: a call, or a protected C body,
 * has its own budget and start, and the caller's come back after it. The
 * calls themselves and their reports are script_call.c's. */
#include "script_internal.h"

#include "platform.h"

#include <string.h>

#define DEFAULT_INSTRUCTIONS 20000000u
#define DEFAULT_TIME_LIMIT_MS 2000u
#define PRINT_LINES_PER_CALL 100

int64_t script_budget_cap(const ScriptHost *h)
{
    return (int64_t)(h->desc.instruction_cap ? h->desc.instruction_cap : DEFAULT_INSTRUCTIONS);
}

double script_time_limit_ms(const ScriptHost *h)
{
    return (double)(h->desc.time_limit_ms ? h->desc.time_limit_ms : DEFAULT_TIME_LIMIT_MS);
}

/* Lua clears a thread's 'allowhook' while a hook runs and only a pcall puts
 * it back, so a coroutine the hook stopped with an error runs no hooks ever
 * after: its pending __close handlers (run by lua_resetthread, hence by
 * coroutine.close and coroutine.wrap) would loop unchecked. Such threads are
 * marked in their extra space (no allocation; a new thread copies the main
 * thread's, which is never marked: pcall restores hooks there). */
static void mark_stopped(lua_State *L, const ScriptHost *h)
{
    if (L != h->mods[script_mod_index_of(L)].L)
        *(unsigned char *)lua_getextraspace(L) = 1;
}

bool script_thread_stopped(lua_State *co) { return *(unsigned char *)lua_getextraspace(co) != 0; }

/* The trigger loop of script_events.c (batch_triggers) and the loop of
 * fires of script_choose.c, chunks of the engine's: left out of where a script was and of tracebacks. */
bool script_engine_frame(const lua_Debug *ar)
{
    return ar->source && (strcmp(ar->source, TRIGGER_LOOP_CHUNK) == 0 || strcmp(ar->source, CHOOSE_LOOP_CHUNK) == 0);
}

/* Records that the current frame hit `limit` (the first time: where the
 * script was), and makes the hook run at every instruction of thread L. */
static void note_limit(lua_State *L, ScriptHost *h, int limit, int level)
{
    if (h->limit_hit == SCRIPT_LIMIT_NONE) {
        h->limit_hit = limit;
        /* The report needs the place: the script may swallow the error in a
         * coroutine and return before the hook fires again. */
        lua_Debug ar;
        h->limit_file[0] = '\0';
        h->limit_line = 0;
        for (int lv = level; lua_getstack(L, lv, &ar) && lua_getinfo(L, "Sl", &ar); lv++)
            if (ar.currentline > 0 && !script_engine_frame(&ar)) {
                snprintf(h->limit_file, sizeof h->limit_file, "%s",
                         ar.source && ar.source[0] == '@' ? ar.source + 1 : ar.short_src);
                h->limit_line = ar.currentline;
                break;
            }
    }
    h->budget_left = 0;
    if (lua_gethookcount(L) != 1) /* lua_sethook walks the whole call stack */
        lua_sethook(L, script_budget_hook, LUA_MASKCOUNT, 1);
}

/* Raises the limit error. From now on every instruction fails (the hook
 * runs at each one), so a pcall in the script cannot carry on. `level` is
 * where the message points: 0 in the hook (the running function), 1 in a C
 * function (its caller). */
static int limit_error(lua_State *L, ScriptHost *h, int limit, int level)
{
    note_limit(L, h, limit, level);
    if (level == 0)
        mark_stopped(L, h);
    luaL_where(L, level);
    if (h->limit_hit == SCRIPT_LIMIT_TIME)
        lua_pushfstring(L, "time limit exceeded (%d ms in one call)", (int)script_time_limit_ms(h));
    else
        lua_pushfstring(L, "instruction limit exceeded (%d million instructions in one call)",
                        (int)(script_budget_cap(h) / 1000000));
    lua_concat(L, 2);
    return lua_error(L);
}

/* ==== Clock ====
 * Reading the clock costs about as much as a small call, so calls do not
 * read it. The host keeps its last reading (clock_ms); a frame's start is
 * that reading, taken at or before it began. It is read again:
 *  - when an outermost frame begins and ends (a mod's time, script_time_ms);
 *  - by the hook, every SCRIPT_HOOK_STEP instructions: a hanging script is stopped
 *    there with its file:line;
 *  - when a call returns that did counted work (SCRIPT_HOOK_STEP units or more:
 *    instructions, work charged by library functions, memory grown), or
 *    that is the CLOCK_EVERY_CALLS-th since the last reading: the work the
 *    hook cannot see (one instruction comparing two huge strings, a
 *    collection) is found there (check_late).
 * So a frame's start is late by at most the few calls before it since the
 * last reading, each of which did almost no counted work. */

double script_clock_read(ScriptHost *h)
{
    h->clock_calls = 0;
    return h->clock_ms = plat_now_ms();
}

/* Every SCRIPT_HOOK_STEP instructions (every instruction once a limit was hit). The
 * wall clock is read here too: C functions on huge data can take long
 * without running instructions. When a limit is hit, a thread that can
 * yield does: the yield leaves at once, while an error would be caught by
 * every pcall on the way out, each catch walking the whole call stack (a
 * deep chain of pcalls would take hours to unwind). */
void script_budget_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    ScriptHost *h = script_host_of(L);
    if (!h->budget_active)
        return;
    int step = lua_gethookcount(L);
    h->budget_left -= step;
    int limit = h->limit_hit;
    if (limit == SCRIPT_LIMIT_NONE && h->budget_left <= 0)
        limit = SCRIPT_LIMIT_INSTRUCTIONS;
    if (limit == SCRIPT_LIMIT_NONE && script_clock_read(h) - h->frame_start_ms > script_time_limit_ms(h))
        limit = SCRIPT_LIMIT_TIME;
    if (limit == SCRIPT_LIMIT_NONE) {
        if (step != SCRIPT_HOOK_STEP) /* a coroutine left from a call that hit its limit */
            lua_sethook(L, script_budget_hook, LUA_MASKCOUNT, SCRIPT_HOOK_STEP);
        return;
    }
    if (lua_isyieldable(L)) {
        note_limit(L, h, limit, 0);
        lua_yield(L, 0);
        return;
    }
    limit_error(L, h, limit, 0);
}

void script_hook_thread(lua_State *t) { lua_sethook(t, script_budget_hook, LUA_MASKCOUNT, SCRIPT_HOOK_STEP); }

/* ==== Lazy budget ====
 * Counting instructions costs: while a count hook is set, Lua stops at
 * every instruction to count it, a third of the time of a month's
 * triggers. A call made of parts (a mod's triggers of the month in every
 * province, its fires: many small calls to scripts that end) starts
 * without the hook, and an alarm (plat_alarm, on this thread) sets it if
 * the call still runs LAZY_ARM_MS later: from then on its instructions
 * count as any call's, so a runaway is stopped as before, LAZY_ARM_MS
 * late, with its file and line. Library work and memory are charged from
 * the start, as ever. A script's coroutines count from their start
 * (script_hook_thread), so a loop in one is stopped too. Where no alarm
 * can be had (another system, or a host used from another thread than
 * the one it first ran parts on), every call counts from its start. In a
 * lazy call, `perf` counts the instructions after the alarm only; its
 * time is all there. */
#define LAZY_ARM_MS 20.0

/* The alarm's handler (a signal handler: lua_sethook is written for it). */
static void on_lazy_alarm(void *arg)
{
    ScriptHost *h = arg;
    lua_State *co = h->lazy_thread;
    if (co)
        lua_sethook(co, script_budget_hook, LUA_MASKCOUNT, SCRIPT_HOOK_STEP);
}

/* Whether the call about to run on co may start without the hook; if so,
 * the alarm is armed. Not for a call nested in a lazy one. */
bool script_lazy_begin(ScriptHost *h, lua_State *co)
{
    if (h->lazy_thread || h->no_alarm)
        return false;
    if (!h->alarm && !(h->alarm = plat_alarm_create(on_lazy_alarm, h))) {
        h->no_alarm = true;
        return false;
    }
    lua_sethook(co, NULL, 0, 0);
    h->lazy_thread = co;
    if (!plat_alarm_arm(h->alarm, LAZY_ARM_MS)) {
        h->lazy_thread = NULL;
        return false;
    }
    return true;
}

void script_lazy_end(ScriptHost *h)
{
    h->lazy_thread = NULL; /* first: a ring from now on does nothing */
    plat_alarm_arm(h->alarm, 0);
}

void script_charge(lua_State *L, int64_t units)
{
    ScriptHost *h = script_host_of(L);
    if (!h->budget_active || units <= 0)
        return;
    h->budget_left -= units;
    if (h->limit_hit != SCRIPT_LIMIT_NONE || h->budget_left <= 0)
        limit_error(L, h, SCRIPT_LIMIT_INSTRUCTIONS, 1);
}

/* A frame of mod `m` (NULL: not counted for a mod) reads the clock when it
 * begins and ends if it is outermost, or if it is another mod's than the
 * frame it is nested in (an export called across mods): its time counts
 * for its own mod, and not for the caller's (h->child_ms). Frames nested
 * in a frame of the same mod read no clock: their time is the caller's. */
void script_frame_begin(ScriptHost *h, ScriptFrame *saved, int64_t budget, ScriptMod *m)
{
    saved->budget_left = h->budget_left;
    saved->active = h->budget_active;
    saved->limit_hit = h->limit_hit;
    saved->limit_line = h->limit_line;
    saved->limit_late = h->limit_late;
    if (h->limit_hit != SCRIPT_LIMIT_NONE)
        memcpy(saved->limit_file, h->limit_file, sizeof saved->limit_file);
    saved->start_ms = h->frame_start_ms;
    saved->child_ms = h->child_ms;
    saved->child_charged = h->child_charged;
    saved->mod = h->frame_mod;
    saved->timed = !h->budget_active || (m && m != h->frame_mod);
    if (!h->budget_active) { /* outermost: per-call allowances start afresh, the clock is read */
        h->close_depth = 0;
        h->print_lines = PRINT_LINES_PER_CALL;
        h->frame_start_ms = script_clock_read(h);
    } else if (saved->timed) { /* another mod's export: its time is its own */
        h->frame_start_ms = script_clock_read(h);
    } else {
        h->frame_start_ms = h->clock_ms;
    }
    if (saved->timed)
        h->frame_mod = m;
    h->budget_left = budget;
    h->budget_active = true;
    h->limit_hit = SCRIPT_LIMIT_NONE;
    h->limit_late = false;
    h->child_ms = 0;
    h->child_charged = 0;
}

/* Ends a frame of mod `m` (NULL: not counted for a mod); `used` receives
 * the instructions it used. A timed frame's time (outermost, or another
 * mod's export) counts for its mod, less the time of the timed frames
 * nested in it (other mods' exports, counted for those mods); calls of the
 * same mod nested in it count in it. */
void script_frame_end(ScriptHost *h, ScriptMod *m, const ScriptFrame *saved, int64_t budget, uint64_t *used)
{
    *used = (uint64_t)(budget - (h->budget_left > 0 ? h->budget_left : 0));
    double child_ms = h->child_ms; /* timed frames nested in this one */
    if (saved->timed) {
        double elapsed = script_clock_read(h) - h->frame_start_ms;
        if (!saved->active)
            h->lua_ms += elapsed;
        if (m)
            m->time_ms += elapsed - child_ms;
        child_ms = elapsed;
    }
    if (m) {
        /* another mod's export this frame called was charged to it too:
         * `perf` counts it for that mod only */
        int64_t own = (int64_t)*used - h->child_charged;
        m->instructions += own > 0 ? (uint64_t)own : 0;
    }
    h->budget_left = saved->budget_left;
    h->budget_active = saved->active;
    h->limit_hit = saved->limit_hit;
    h->limit_line = saved->limit_line;
    h->limit_late = saved->limit_late;
    if (saved->limit_hit != SCRIPT_LIMIT_NONE)
        memcpy(h->limit_file, saved->limit_file, sizeof h->limit_file);
    h->frame_start_ms = saved->start_ms;
    h->child_ms = saved->child_ms + child_ms;
    h->child_charged = saved->child_charged;
    h->frame_mod = saved->mod;
}
