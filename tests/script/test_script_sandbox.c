/* Tests for the sandbox (script_sandbox.c, script_call.c): every forbidden
 * library and escape is refused, runaway loops and memory bombs are stopped
 * with a clear message, and the host keeps working afterwards. Each test
 * runs scripts in the base game's mod through script_eval. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "script.h"

static char last_log[512];

static void on_log(const char *mod, const char *msg, void *user)
{
    (void)mod;
    (void)user;
    snprintf(last_log, sizeof last_log, "%s", msg);
}

static ScriptHost *host_with(size_t mem_cap, uint64_t instructions)
{
    ScriptHostDesc d = {.mem_cap_bytes = mem_cap, .instruction_cap = instructions, .on_log = on_log};
    ScriptHost *h = script_host_create(&d);
    assert_non_null(h);
    assert_true(script_host_load_mod(h, GL_TEST_DATA_DIR "/scripts", "scripts"));
    return h;
}

static int setup(void **state)
{
    *state = host_with(0, 2000000);
    return 0;
}

static int teardown(void **state)
{
    script_host_destroy(*state);
    return 0;
}

/* Runs code, expecting failure whose message contains `needle`. */
static void expect_refused(ScriptHost *h, const char *code, const char *needle)
{
    char out[512];
    bool ok = script_eval(h, 0, "test", code, out, sizeof out);
    if (ok || !strstr(out, needle))
        fail_msg("%s\n  -> %s (%s), wanted an error containing '%s'", code, ok ? "succeeded" : "failed", out, needle);
}

static void expect_result(ScriptHost *h, const char *code, const char *want)
{
    char out[512];
    bool ok = script_eval(h, 0, "test", code, out, sizeof out);
    if (!ok || strcmp(out, want) != 0)
        fail_msg("%s\n  -> %s (%s), wanted %s", code, ok ? "ok" : "error", out, want);
}

static void test_sandbox_forbidden_libraries_are_refused(void **state)
{
    ScriptHost *h = *state;
    expect_refused(h, "return io.open('/etc/passwd')", "io.open is not available");
    expect_refused(h, "return io.popen('ls')", "not available");
    expect_refused(h, "return os.execute('true')", "os.execute is not available");
    expect_refused(h, "return os.exit(1)", "not available");
    expect_refused(h, "return os.getenv('HOME')", "not available");
    expect_refused(h, "return debug.getregistry()", "debug.getregistry is not available");
    expect_refused(h, "return package.loadlib('x', 'y')", "not available");
    expect_refused(h, "return require('os')", "require is not available");
    expect_refused(h, "return dofile('/etc/passwd')", "dofile is not available");
    expect_refused(h, "return loadfile('/etc/passwd')", "loadfile is not available");
    expect_refused(h, "io = nil; return rawget(io, 'x')", "bad argument"); /* its own env only */
}

static void test_sandbox_no_bytecode(void **state)
{
    ScriptHost *h = *state;
    expect_result(h, "return tostring(string.dump)", "nil");
    expect_result(h, "return tostring(('x').dump)", "nil");
    expect_result(h, "local f, err = load('\\27LuaT\\0\\25\\147\\13\\10\\26\\10'); return tostring(f) .. ' ' .. err",
                  "nil attempt to load a binary chunk (mode is 't')");
    expect_refused(h, "return load('return 1', 'x', 'b')", "binary chunks are not allowed");
    expect_refused(h, "return load(function() return nil end)", "only a string");
}

static void test_sandbox_load_uses_callers_environment(void **state)
{
    ScriptHost *h = *state;
    expect_result(h, "x = 41; local f = load('return x + 1'); return f()", "42");
    expect_result(h, "local f = load('return y', 'c', 't', { y = 7 }); return f()", "7");
}

static void test_sandbox_metatables_locked(void **state)
{
    ScriptHost *h = *state;
    expect_result(h, "return getmetatable('')", "false");
    expect_refused(h, "return setmetatable({}, { __gc = function() end })", "__gc metamethods are not allowed");
    expect_refused(h, "return setmetatable(gl, {})", "protected metatable");
    expect_refused(h, "gl.api_version = 2", "read-only");
    expect_result(h, "return gl.api_version", "1");
}

static void test_sandbox_endless_loop_is_stopped(void **state)
{
    ScriptHost *h = *state;
    expect_refused(h, "while true do end", "instruction limit exceeded");
    const ScriptError *e = script_error_at(h, script_error_count(h) - 1);
    assert_true(e->out_of_instructions);
    /* pcall cannot swallow the limit and loop again. */
    expect_refused(h, "while true do pcall(function() while true do end end) end", "instruction limit");
    expect_refused(h, "local co = coroutine.wrap(function() while true do end end); co()", "instruction limit");
    expect_refused(h, "local function f() return f() end; return f()", "");
    expect_result(h, "return 1 + 1", "2"); /* the game goes on */
}

static void test_sandbox_memory_bomb_is_stopped(void **state)
{
    (void)state;
    ScriptHost *h = host_with((size_t)16 << 20, 200000000);
    expect_refused(h, "local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 1000) .. i end", "out of memory");
    assert_true(script_error_at(h, script_error_count(h) - 1)->out_of_memory);
    expect_refused(h, "return string.rep('x', 1e10)", "");
    expect_refused(h, "local s = 'x' for i = 1, 40 do s = s .. s end return #s", "memory");
    expect_result(h, "return #string.rep('y', 1000)", "1000");
    assert_true(script_mod_memory(h, 0) < ((size_t)16 << 20));
    script_host_destroy(h);
}

static void test_sandbox_errors_name_file_line_and_traceback(void **state)
{
    ScriptHost *h = *state;
    expect_refused(h, "local a = 1\nlocal b = 2\nreturn nil + a", "attempt to perform arithmetic");
    const ScriptError *e = script_error_at(h, script_error_count(h) - 1);
    assert_string_equal(e->file, "test");
    assert_int_equal(e->line, 3);
    assert_non_null(strstr(e->traceback, "stack traceback"));
    assert_string_equal(e->mod, "base");
    expect_refused(h, "error({})", "(error object is a table value)");
    expect_refused(h, "error(setmetatable({}, { __tostring = function() while true do end end }))",
                   "error object is a table");
}

static void test_sandbox_restricted_builtins(void **state)
{
    ScriptHost *h = *state;
    expect_refused(h, "math.randomseed(1)", "engine seeds");
    expect_refused(h, "return math.random()", "only available while the game runs");
    expect_refused(h, "collectgarbage('stop')", "not available");
    expect_result(h, "return type(collectgarbage('count'))", "number");
    expect_result(h, "print('hello', 1, nil)", "nil");
    assert_string_equal(last_log, "hello\t1\tnil");
    /* Ordinary Lua keeps working. */
    expect_result(h, "local t = {3, 1, 2}; table.sort(t, function(a, b) return a > b end); return table.concat(t, ',')",
                  "3,2,1");
    expect_result(h, "return utf8.len('大跃进')", "3");
    expect_result(h, "return ('%05.1f'):format(3.14159)", "003.1");
}

static void test_sandbox_files_do_not_share_globals(void **state)
{
    ScriptHost *h = *state;
    expect_result(h, "secret = 1; string.upper = nil; return 'set'", "set");
    expect_result(h, "return tostring(secret) .. ' ' .. type(string.upper)", "nil function");
}

/* Lua's ltests.c idea: fail the Nth allocation for N = 1, 2, ... while the
 * base game loads. Nothing may crash or leak (ASan checks the leaks). */
static void test_sandbox_allocation_failures_never_crash(void **state)
{
    (void)state;
    for (int n = 1; n < 3000; n += 1 + n / 8) {
        ScriptHostDesc d = {.alloc_fail_after = n};
        ScriptHost *h = script_host_create(&d);
        script_host_load_mod(h, GL_TEST_DATA_DIR "/scripts", "scripts");
        script_host_destroy(h);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_sandbox_forbidden_libraries_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_no_bytecode, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_load_uses_callers_environment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_metatables_locked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_endless_loop_is_stopped, setup, teardown),
        cmocka_unit_test(test_sandbox_memory_bomb_is_stopped),
        cmocka_unit_test_setup_teardown(test_sandbox_errors_name_file_line_and_traceback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_restricted_builtins, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_files_do_not_share_globals, setup, teardown),
        cmocka_unit_test(test_sandbox_allocation_failures_never_crash),
    };
    return cmocka_run_group_tests_name("script_sandbox", tests, NULL, NULL);
}
