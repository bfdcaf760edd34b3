/* Tests for the sandbox (script_sandbox.c, script_call.c): every forbidden
 * library and escape is refused, runaway loops and memory bombs are stopped
 * with a clear message, and the host keeps working afterwards. Each test
 * runs scripts in the base game's mod through script_eval. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "script.h"

#include <lauxlib.h>
#include <lualib.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

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
    expect_result(h, "return gl.api_version", "2");
}

/* setmetatable sets a checked copy of the metamethods (script_sandbox.c):
 * the usual idioms work, getmetatable still gives the table the script
 * passed, and a metamethod added later needs setmetatable again. */
static void test_sandbox_metatables_are_fixed_when_set(void **state)
{
    ScriptHost *h = *state;
    expect_result(h, "local mt = {} local t = setmetatable({}, mt) return rawequal(getmetatable(t), mt)", "true");
    expect_result(h,
                  "local C = {} C.__index = C function C.new(x) return setmetatable({ x = x }, C) end "
                  "function C:twice() return self.x * 2 end return C.new(21):twice()",
                  "42");
    expect_result(h, "local mt = {} local t = setmetatable({}, mt) mt.__index = function() return 1 end return tostring(t.x)",
                  "nil");
    expect_result(h,
                  "local mt = {} local t = setmetatable({}, mt) mt.__index = function() return 1 end "
                  "setmetatable(t, mt) return t.x",
                  "1");
    expect_result(h, "local t = setmetatable({}, { __metatable = 'locked' }) return getmetatable(t)", "locked");
    expect_refused(h, "local t = setmetatable({}, { __metatable = 'locked' }) setmetatable(t, {})", "protected metatable");
    expect_result(h, "local t = setmetatable({}, {}) setmetatable(t, { __index = { x = 5 } }) return t.x", "5");
    expect_result(h, "local t = setmetatable({}, { __index = { x = 1 } }) setmetatable(t, nil) return tostring(t.x)", "nil");
    expect_result(h, "local mt = { __index = {} } local a, b = setmetatable({}, mt), setmetatable({}, mt) "
                     "return rawequal(getmetatable(a), getmetatable(b))", "true");
    expect_result(h, "local mt = { __eq = function() return true end } return setmetatable({}, mt) == setmetatable({}, mt)",
                  "true");
    /* Weak tables: values, or keys with values, are cleared by a collection;
     * weak keys alone (ephemerons, whose collection can take quadratic time)
     * are refused, also when __mode is changed after setmetatable. */
    expect_result(h, "local w = setmetatable({}, { __mode = 'kv' }) w[{}] = 1 collectgarbage() return next(w) == nil", "true");
    expect_result(h, "local w = setmetatable({}, { __mode = 'v' }) w[1] = {} collectgarbage() return next(w) == nil", "true");
    expect_refused(h, "setmetatable({}, { __mode = 'k' })", "weak-key tables");
    expect_refused(h, "setmetatable({}, { __mode = 'kk' })", "weak-key tables");
    expect_result(h, "local mt = { __mode = 'kv' } local w = setmetatable({}, mt) mt.__mode = 'k' "
                     "w[{}] = 1 collectgarbage() return next(w) == nil", "true");
    expect_result(h, "do local x <close> = setmetatable({}, { __close = function() closed = true end }) end return closed",
                  "true");
    expect_result(h, "return tostring(setmetatable({}, { __tostring = function() return 'me' end }))", "me");
    expect_result(h, "return setmetatable({}, { __call = function(self, a) return a + 1 end })(1)", "2");
    expect_refused(h, "local t = {} setmetatable(t, { __call = t })", "__call must be a function");
    expect_refused(h, "setmetatable({}, { __call = setmetatable({}, { __call = print }) })", "__call must be a function");
    expect_refused(h, "local mt = {} local t = setmetatable({}, mt) mt.__call = t return t()", "attempt to call a table value");
    expect_refused(h, "setmetatable({}, { __gc = print })", "__gc metamethods are not allowed");
}

/* The message handler of xpcall runs, unless the limit was hit: then Lua
 * would run it with hooks off. */
static void test_sandbox_xpcall_handler_cannot_escape_the_limit(void **state)
{
    ScriptHost *h = *state;
    expect_result(h, "local ok, m = xpcall(function() error('x', 0) end, function(m) return 'handled ' .. m end) return m",
                  "handled x");
    expect_refused(h, "xpcall(function() while true do end end, function(m) while true do end end)",
                   "instruction limit exceeded");
    expect_refused(h, "xpcall(function() error('x') end, function(m) while true do end end)", "instruction limit exceeded");
    expect_result(h, "return 'still here'", "still here");
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

/* A file's libraries read through to the real ones until it changes them
 * (script_sandbox.c, lib_proxy); then they are its own full copy. */
static void test_sandbox_file_libraries_are_its_own(void **state)
{
    ScriptHost *h = *state;
    expect_result(h, "string.upper = nil; return type(string.upper) .. ' ' .. string.rep('a', 2)", "nil aa");
    expect_result(h, "string.custom = 5; return string.custom + #string.rep('a', 2)", "7");
    expect_result(h, "local n = 0; for _ in pairs(math) do n = n + 1 end; return n > 20 and math.pi > 3", "true");
    expect_result(h, "rawset(table, 'x', 1); local n = 0; for _ in pairs(table) do n = n + 1 end; "
                     "return n > 5 and table.x == 1 and type(table.concat) == 'function'",
                  "true");
    expect_result(h, "setmetatable(string, { __index = function() return 1 end }); "
                     "return type(string.upper) .. ' ' .. string.nothing",
                  "function 1");
    expect_result(h, "return getmetatable(utf8)", "false");
    /* None of that reached another file. */
    expect_result(h, "return type(string.upper) .. ' ' .. tostring(string.custom) .. ' ' .. tostring(table.x) .. "
                     "' ' .. tostring(string.nothing)",
                  "function nil nil nil");
}

/* A mod's file, written to `dir`/chunks/events/probe.lua (with its manifest). */
static void write_probe(const char *dir, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/chunks", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/chunks/events", dir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/chunks/mod.lua", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("return { id = 'chunks', version = '1.0.0', api_version = 1 }\n", f);
    fclose(f);
    snprintf(path, sizeof path, "%s/chunks/events/probe.lua", dir);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* The line of the last error a fresh host reports loading the probe mod. */
static int probe_error_line(const char *dir, char *file, size_t cap)
{
    ScriptHostDesc d = {.on_log = on_log};
    ScriptHost *h = script_host_create(&d);
    assert_non_null(h);
    char mod[256];
    snprintf(mod, sizeof mod, "%s/chunks", dir);
    script_host_load_mod(h, mod, "chunks");
    int n = script_error_count(h), line = -1;
    if (n > 0) {
        const ScriptError *e = script_error_at(h, n - 1);
        line = e->line;
        snprintf(file, cap, "%s", e->file);
    }
    script_host_destroy(h);
    return line;
}

/* Files are compiled once a process (script_chunks.c): the second host
 * runs the same code from the compiled copy and still names file and line;
 * a file changed under the same name runs its new text, never the old. */
static void test_sandbox_compiled_files_are_the_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/gl_chunks_XXXXXX";
    assert_non_null(mkdtemp(dir));
    write_probe(dir, "local a = 1\nlocal b = 2\nerror('probe ' .. a + b)\n");
    char file[256] = "", again[256] = "";
    assert_int_equal(probe_error_line(dir, file, sizeof file), 3);
    assert_int_equal(probe_error_line(dir, again, sizeof again), 3);
    assert_string_equal(file, again);
    assert_non_null(strstr(file, "probe.lua"));
    write_probe(dir, "local a = 1\nlocal b = 2\n\n\nerror('probe ' .. a * b)\n");
    assert_int_equal(probe_error_line(dir, file, sizeof file), 5);
    const char *made[] = {"chunks/events/probe.lua", "chunks/mod.lua", "chunks/events", "chunks"};
    for (int i = 0; i < 4; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, made[i]);
        assert_int_equal(remove(path), 0);
    }
    rmdir(dir);
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

/* ==== The sandbox's own pattern matcher against Lua's ====
 * string.find, match, gmatch and gsub are replaced by a matcher that pays
 * for its steps (script_limits.c). The same probes run in a plain Lua state
 * with the standard library and in the sandbox; every result and every
 * error message must be the same: a few hundred chosen by hand, then a few
 * thousand random patterns over random subjects (a fixed seed). */

static const char probe_prelude[] =
    "local out = {}\n"
    "local function quote(v) local b = {}\n" /* one line, and no pattern function */
    "  for i = 1, #v do local c = v:byte(i)\n"
    "    b[i] = (c >= 32 and c < 127 and c ~= 92) and string.char(c) or ('\\\\' .. c .. ';') end\n"
    "  return '\"' .. table.concat(b) .. '\"' end\n"
    "local function ser(...)\n"
    "  local t = {}\n"
    "  for i = 1, select('#', ...) do local v = select(i, ...)\n"
    "    t[#t + 1] = type(v) == 'string' and quote(v) or tostring(v) end\n"
    "  return table.concat(t, ',')\n"
    "end\n"
    "local function probe(f) local r = table.pack(pcall(f))\n"
    "  out[#out + 1] = r[1] and ser(table.unpack(r, 2, r.n)) or 'error: ' .. quote(tostring(r[2])) end\n"
    "local function all(s, p, init) local r = {}\n"
    "  for a, b in string.gmatch(s, p, init) do r[#r + 1] = ser(a, b) end return table.concat(r, ';') end\n"
    "local function upper(...) return (...):upper() end\n";

/* Appends a Lua string literal of s (every byte that is not a letter or a
 * digit as a decimal escape). */
static void lua_literal(char *out, size_t cap, size_t *used, const char *s, size_t n)
{
    *used += (size_t)snprintf(out + *used, cap - *used, "\"");
    for (size_t i = 0; i < n && *used + 8 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
            out[(*used)++] = (char)c;
        else
            *used += (size_t)snprintf(out + *used, cap - *used, "\\%03u", c);
    }
    *used += (size_t)snprintf(out + *used, cap - *used, "\"");
}

/* Adds the probes of one (subject, pattern) pair. */
static void add_probes(char *code, size_t cap, size_t *used, const char *subject, const char *pattern)
{
    char s[256], p[256];
    size_t ls = 0, lp = 0;
    lua_literal(s, sizeof s, &ls, subject, strlen(subject));
    lua_literal(p, sizeof p, &lp, pattern, strlen(pattern));
    s[ls] = p[lp] = '\0';
    *used += (size_t)snprintf(code + *used, cap - *used,
                              "do local s, p = %s, %s\n"
                              "probe(function() return string.find(s, p) end)\n"
                              "probe(function() return string.find(s, p, 3) end)\n"
                              "probe(function() return string.find(s, p, -2, true) end)\n"
                              "probe(function() return string.match(s, p) end)\n"
                              "probe(function() return string.match(s, p, -4) end)\n"
                              "probe(function() return string.gsub(s, p, '<%%0>') end)\n"
                              "probe(function() return string.gsub(s, p, '%%1', 2) end)\n"
                              "probe(function() return string.gsub(s, p, upper) end)\n"
                              "probe(function() return string.gsub(s, p, { a = 'A', [''] = 'E' }) end)\n"
                              "probe(function() return all(s, p) end)\n"
                              "probe(function() return all(s, p, 2) end)\n"
                              "end\n",
                              s, p);
}

static const char *const chosen_patterns[] = {
    "", "a", "^a", "a$", "^$", ".", "..", "a*", "a+", "a-", "a?", "^a*$", "[ab]", "[^ab]", "[a-c]+", "[%a]",
    "[%d.]+", "[]]", "[^]]", "[a-]", "[-a]", "%a+", "%d+", "%s*", "%w-", "%x", "%p", "%c", "%g", "%u", "%l",
    "%A", "%D", "%S", "%W", "()", "(a)", "(a*)", "(a)(b)", "((a)(b))", "(a)%1", "(.)%1", "%b()", "%b(", "%f[%w]%w+",
    "%f[%W]", "%f[a]", "a%", "[a", "(a", "a)", "%1", "%0", "(()a)", "^(.-)%s*$", "^%s*(.-)%s*$", "(%w+)=(%w+)",
    "%.", "%%", "$a", "a^", "[%]]", "[a%-z]", "[%w_]", "x*$", ".-$", "(.-)b", "()a()", "%bxy", "%f[%z]", "\xff",
    "[\x80-\xff]+", "a.-b", "a.*b", "(a+)(b*)",
};
static const char *const chosen_subjects[] = {
    "", "a", "aaa", "abab", "b", "hello world", "  trim me  ", "key=value, k2=v2", "f(a(b)c)d", "x]y", "a.b",
    "100%", "a-b_c", "THE (quick) fox", "aaab", "\xff\x80x", "a\tb\nc",
};

static void probe_patterns(ScriptHost *h, lua_State *plain, const char *code, const char *label)
{
    static char mine[1 << 20];
    char *theirs = NULL;
    if (luaL_loadbuffer(plain, code, strlen(code), "=test") != LUA_OK || lua_pcall(plain, 0, 1, 0) != LUA_OK)
        fail_msg("%s: plain Lua failed: %s", label, lua_tostring(plain, -1));
    size_t n;
    const char *res = lua_tolstring(plain, -1, &n);
    theirs = malloc(n + 1);
    assert_non_null(theirs);
    memcpy(theirs, res, n + 1);
    lua_pop(plain, 1);
    if (!script_eval(h, 0, "test", code, mine, sizeof mine))
        fail_msg("%s: the sandbox failed: %s", label, mine);
    if (strcmp(mine, theirs) != 0) {
        /* Name the first probe that differs. */
        const char *a = mine, *b = theirs;
        int line = 1;
        while (*a && *a == *b) {
            line += *a == '\n';
            a++;
            b++;
        }
        const char *la = a, *lb = b;
        while (la > mine && la[-1] != '\n')
            la--;
        while (lb > theirs && lb[-1] != '\n')
            lb--;
        int na = (int)strcspn(la, "\n"), nb = (int)strcspn(lb, "\n");
        fprintf(stderr, "  probe %d differs:\n    sandbox: %.*s\n    Lua:     %.*s\n", line, na < 300 ? na : 300, la,
                nb < 300 ? nb : 300, lb);
        /* and the code of that probe */
        const char *c = code;
        for (int k = 0, probes = 0; *c && probes < line; c++)
            if (strncmp(c, "probe(function", 14) == 0 && ++probes == line) {
                const char *d = c;
                while (d > code && strncmp(d, "do local s", 10) != 0)
                    d--;
                fprintf(stderr, "    code: %.*s\n", (int)strcspn(d, "\n"), d);
                fprintf(stderr, "          %.*s\n", (int)strcspn(c, "\n"), c);
                (void)k;
                break;
            }
        free(theirs);
        fail_msg("%s: the sandbox's functions differ from Lua's", label);
    }
    free(theirs);
}

static void test_sandbox_patterns_match_lua(void **state)
{
    (void)state;
    ScriptHost *h = host_with(0, 500000000);
    lua_State *plain = luaL_newstate();
    luaL_openlibs(plain);
    size_t cap = 1 << 21, used = 0;
    char *code = malloc(cap);
    assert_non_null(code);
    used += (size_t)snprintf(code, cap, "%s", probe_prelude);
    for (size_t i = 0; i < sizeof chosen_patterns / sizeof *chosen_patterns; i++)
        for (size_t k = 0; k < sizeof chosen_subjects / sizeof *chosen_subjects; k++)
            add_probes(code, cap, &used, chosen_subjects[k], chosen_patterns[i]);
    snprintf(code + used, cap - used, "return table.concat(out, '\\n')\n");
    probe_patterns(h, plain, code, "chosen patterns");

    /* Random ones: short, so that Lua's own matcher stays fast. */
    static const char *const items[] = {"a", "b", ".", "%a", "%d", "%s", "[ab]", "[^a]", "[a-c]", "%w", "x",
                                        "(", ")", "()", "%b()", "%f[%w]", "%1", "[%d.]", " ", "%A"};
    static const char *const suffixes[] = {"", "", "", "*", "+", "-", "?"};
    static const char alphabet[] = "aab.1 (x)b";
    uint32_t seed = 12345;
#define NEXT() (seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff)
    for (int batch = 0; batch < 6; batch++) {
        used = (size_t)snprintf(code, cap, "%s", probe_prelude);
        for (int n = 0; n < 400; n++) {
            char pat[128] = "", subj[32] = "";
            if (NEXT() % 4 == 0)
                strcat(pat, "^");
            int items_n = 1 + (int)(NEXT() % 5);
            for (int i = 0; i < items_n; i++) {
                strcat(pat, items[NEXT() % (sizeof items / sizeof *items)]);
                strcat(pat, suffixes[NEXT() % (sizeof suffixes / sizeof *suffixes)]);
            }
            if (NEXT() % 5 == 0)
                strcat(pat, "$");
            int len = (int)(NEXT() % 12);
            for (int i = 0; i < len; i++)
                subj[i] = alphabet[NEXT() % (sizeof alphabet - 1)];
            subj[len] = '\0';
            add_probes(code, cap, &used, subj, pat);
        }
        snprintf(code + used, cap - used, "return table.concat(out, '\\n')\n");
        probe_patterns(h, plain, code, "random patterns");
    }
#undef NEXT
    free(code);
    lua_close(plain);
    script_host_destroy(h);
}

/* The other replaced functions (table.*, string.rep, xpcall, coroutine.wrap
 * and close, tonumber, utf8.*) behave as Lua's do, errors included. */
static const char *const library_probes[] =
    {"local t = {1, 2, 3} table.insert(t, 4) table.insert(t, 1, 0) return table.concat(t, ',')",
     "local t = {1, 2, 3} table.insert(t, 4, 9) return table.concat(t, ',')",
     "table.insert({1, 2}, 5, 1)", "table.insert({1, 2}, 0, 1)", "table.insert({}, 1, 2, 3)", "table.insert(nil, 1)",
     "local t = {1, 2, 3} return table.remove(t), table.remove(t, 1), table.concat(t, ',')",
     "local t = {} return table.remove(t), table.remove(t, 0), #t", "table.remove({1, 2}, 5)",
     "local t = {1, 2, 3} return table.remove(t, 4), #t",
     "local t = setmetatable({}, { __len = function() return 2 end, __index = function(_, k) return k * 10 end,"
     " __newindex = function(t, k, v) rawset(t, k, v) end }) table.insert(t, 1, 'x') return rawget(t, 1), rawget(t, 2), rawget(t, 3)",
     "local t = {5, 3, 8, 1, 9, 2, 7} table.sort(t) return table.concat(t, ',')",
     "local t = {5, 3, 8, 1, 9, 2, 7} table.sort(t, function(a, b) return a > b end) return table.concat(t, ',')",
     "local t = {'pear', 'apple', 'fig'} table.sort(t) return table.concat(t, ',')",
     "table.sort({1, 'x', 2})", "table.sort({3, 2, 1}, 42)", "local t = {} table.sort(t) return #t",
     "local t = {} for i = 1, 200 do t[i] = (i * 7919) % 1000 end table.sort(t) for i = 2, 200 do"
     " if t[i - 1] > t[i] then return 'unsorted' end end return t[1], t[200]",
     "return table.concat({1, 2, 3}, ', ', 2, 3), table.concat({}, 'x'), table.concat({'a'}, '', 1, 0)",
     "return table.concat({1, {}, 3})", "return table.concat({1, 2}, ',', 1, 5)",
     "return table.unpack({1, 2, 3}), table.unpack({1, 2, 3}, 2), table.unpack({1, 2, 3}, 2, 5)",
     "return table.unpack({}, 1, 1e8)", "return select('#', table.unpack({}, 5, 4))",
     "return table.concat(table.move({1, 2, 3}, 1, 3, 2), ','), table.concat(table.move({1, 2}, 1, 2, 1, {}), ',')",
     "return ('ab'):rep(3), ('ab'):rep(3, '-'), ('x'):rep(0), ('x'):rep(-5), (''):rep(4), (''):rep(3, ','), ('a'):rep(1, ',')",
     "return string.rep('x', 2.5)", "return string.rep()",
     "return tonumber('0x10'), tonumber('  12  '), tonumber('z', 36), tonumber('1e'), tonumber(nil)",
     "return utf8.len('\\228\\184\\173x'), utf8.offset('abc', 2), utf8.codepoint('abc', 1, -1)",
     "return ('Hello'):upper(), ('Hello'):lower(), ('abc'):reverse(), ('abc'):byte(1, -1)",
     "return xpcall(function() error('x') end, function(m) return 'handled: ' .. m end)",
     "return xpcall(function(a, b) return a + b end, print, 1, 2)", "return xpcall(print)",
     "local f = coroutine.wrap(function(a) local b = coroutine.yield(a + 1) return b * 2 end) return f(1), f(5)",
     "local f = coroutine.wrap(function() error('inside') end) return f()",
     "local f = coroutine.wrap(function() error({}) end) local ok, e = pcall(f) return ok, type(e)",
     "local f = coroutine.wrap(function() return 1 end) f() return f()", "return coroutine.wrap(42)",
     "local co = coroutine.create(function() coroutine.yield() end) coroutine.resume(co) return coroutine.close(co), coroutine.status(co)",
     "local co = coroutine.create(function() error('x') end) coroutine.resume(co) return coroutine.close(co)",
     "return coroutine.close(coroutine.running())", "return coroutine.close(42)",
     "local co = coroutine.wrap(function() return coroutine.isyieldable(), select(2, coroutine.running()) end) return co()",
     NULL};

static void test_sandbox_library_replacements_match_lua(void **state)
{
    (void)state;
    ScriptHost *h = host_with(0, 50000000);
    lua_State *plain = luaL_newstate();
    luaL_openlibs(plain);
    size_t cap = 1 << 18, used = 0;
    char *code = malloc(cap);
    assert_non_null(code);
    used += (size_t)snprintf(code, cap, "%s", probe_prelude);
    for (int i = 0; library_probes[i]; i++)
        used += (size_t)snprintf(code + used, cap - used, "probe(function() %s end)\n", library_probes[i]);
    snprintf(code + used, cap - used, "return table.concat(out, '\\n')\n");
    probe_patterns(h, plain, code, "library functions");
    free(code);
    lua_close(plain);
    script_host_destroy(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_sandbox_forbidden_libraries_are_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_no_bytecode, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_load_uses_callers_environment, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_metatables_locked, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_metatables_are_fixed_when_set, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_xpcall_handler_cannot_escape_the_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_endless_loop_is_stopped, setup, teardown),
        cmocka_unit_test(test_sandbox_memory_bomb_is_stopped),
        cmocka_unit_test_setup_teardown(test_sandbox_errors_name_file_line_and_traceback, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_restricted_builtins, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_files_do_not_share_globals, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sandbox_file_libraries_are_its_own, setup, teardown),
        cmocka_unit_test(test_sandbox_compiled_files_are_the_files),
        cmocka_unit_test(test_sandbox_allocation_failures_never_crash),
        cmocka_unit_test(test_sandbox_patterns_match_lua),
        cmocka_unit_test(test_sandbox_library_replacements_match_lua),
    };
    return cmocka_run_group_tests_name("script_sandbox", tests, NULL, NULL);
}
