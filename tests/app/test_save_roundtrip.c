/* Saves that always load (issue 13). A property test: random storage trees
 * (integers of the whole 64-bit range, floats by their bits with NaN,
 * infinities, -0 and subnormals, strings of any bytes, booleans, tables with
 * keys of every kind a table can have, nested) are put into a mod's storage,
 * saved through app_saves.c, loaded into a new game and compared with what
 * was saved, by a canonical dump computed in Lua on both sides. And: the
 * storage limit is 16 MiB exactly, with a clear message, and a save that
 * cannot be written leaves the previous one loadable; a save whose header
 * an older game wrote with a carriage return in a mod's version loads. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "../mods/mod_fixture.h"

#define ROUNDS 60

static int setup(void **state)
{
    (void)state;
    if (fixture_setup("roundtrip") != 0)
        return -1;
    setenv("XDG_DATA_HOME", fixture_path("数据"), 1);
    /* The dump: sorted keys, exact numbers (integers as integers, floats
     * by their bits), strings byte by byte. */
    fixture_mod("keeper", NULL);
    fixture_put("keeper/lib/dump.lua",
                "local M = {}\n"
                "local function key_rank(k)\n"
                "  local t = type(k)\n"
                "  if t == 'boolean' then return 0 elseif t == 'number' then return 1 else return 2 end\n"
                "end\n"
                "local function less(a, b)\n"
                "  local ra, rb = key_rank(a), key_rank(b)\n"
                "  if ra ~= rb then return ra < rb end\n"
                "  if ra == 0 then return (a and 1 or 0) < (b and 1 or 0) end\n"
                "  if ra == 1 and math.type(a) ~= math.type(b) then return math.type(a) == 'integer' end\n"
                "  return a < b\n"
                "end\n"
                "local function one(v, out)\n"
                "  local t = type(v)\n"
                "  if t == 'boolean' then out[#out + 1] = v and 'T' or 'F'\n"
                "  elseif math.type(v) == 'integer' then out[#out + 1] = 'i' .. string.format('%d', v)\n"
                "  elseif t == 'number' then out[#out + 1] = 'd' .. string.format('%016x', string.unpack('<i8', string.pack('<d', v)))\n"
                "  elseif t == 'string' then out[#out + 1] = 's' .. #v .. ':' .. (v:gsub('.', function(c) return string.format('%02x', c:byte()) end))\n"
                "  elseif t == 'table' then\n"
                "    local keys = {}\n"
                "    for k in pairs(v) do keys[#keys + 1] = k end\n"
                "    table.sort(keys, less)\n"
                "    out[#out + 1] = 't' .. #keys .. '{'\n"
                "    for _, k in ipairs(keys) do one(k, out) out[#out + 1] = '=' one(v[k], out) out[#out + 1] = ';' end\n"
                "    out[#out + 1] = '}'\n"
                "  else error('unexpected ' .. t) end\n"
                "end\n"
                "function M.dump(v) local out = {} one(v, out) return table.concat(out) end\n"
                "return M\n");
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return fixture_teardown();
}

/* ==== Random trees, written as Lua ==== */

static uint64_t rng_state;
static uint64_t next_u64(void)
{
    /* splitmix64: a fixed sequence, so a failure can be replayed */
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
static unsigned below(unsigned n) { return (unsigned)(next_u64() % n); }

typedef struct Text {
    char *p;
    size_t len, cap;
} Text;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static void add(Text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (t->len + (size_t)n + 1 > t->cap) {
        t->cap = (t->len + (size_t)n + 1) * 2;
        t->p = realloc(t->p, t->cap);
        assert_non_null(t->p);
    }
    va_start(ap, fmt);
    vsnprintf(t->p + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

static void add_integer(Text *t)
{
    static const char *const edges[] = {"0", "1", "-1", "math.maxinteger", "math.mininteger", "(1 << 62)",
                                        "(1 << 62) + 1", "-(1 << 62) - 1", "1000000000000000000",
                                        "-1000000000000000000", "9007199254740993", "(1 << 53) + 1"};
    if (below(3) == 0)
        add(t, "%s", edges[below(sizeof edges / sizeof edges[0])]);
    else /* any 64-bit pattern: Lua's hexadecimal integers wrap around */
        add(t, "0x%016" PRIx64, next_u64());
}

/* A float by its bits (string.unpack), so every pattern is exact. */
static void add_float_bits(Text *t, uint64_t bits)
{
    add(t, "string.unpack('<d', string.pack('<i8', %" PRId64 "))", (int64_t)bits);
}

static void add_float(Text *t, bool as_key)
{
    static const uint64_t edges[] = {0x8000000000000000ULL /* -0 */, 0x7ff0000000000000ULL /* inf */,
                                     0xfff0000000000000ULL /* -inf */, 0x7ff8000000000001ULL /* NaN */,
                                     0x0000000000000001ULL /* smallest subnormal */, 0x3fb999999999999aULL /* 0.1 */,
                                     0x43e0000000000000ULL /* 2^63 */, 0xc3e0000000000000ULL /* -2^63 */};
    uint64_t bits;
    for (;;) {
        bits = below(3) == 0 ? edges[below(sizeof edges / sizeof edges[0])] : next_u64();
        double d;
        memcpy(&d, &bits, sizeof d);
        /* Keys must be numbers a table can hold: not NaN; infinities are
         * refused by the save (a key must be finite). */
        if (!as_key || isfinite(d))
            break;
    }
    add_float_bits(t, bits);
}

static void add_string(Text *t)
{
    unsigned n = below(8) == 0 ? 200 + below(3000) : below(24);
    add(t, "\"");
    for (unsigned i = 0; i < n; i++)
        add(t, "\\x%02x", below(4) == 0 ? (unsigned)"\0\r\n\"\\%:;"[below(9)] : below(256));
    add(t, "\"");
}

static void add_value(Text *t, int depth);

static void add_table(Text *t, int depth)
{
    unsigned n = depth > 4 ? 0 : below(7);
    add(t, "(function() local t = {}\n");
    for (unsigned i = 0; i < n; i++) {
        add(t, " t[");
        switch (below(4)) {
        case 0: add(t, below(2) ? "true" : "false"); break;
        case 1: add_integer(t); break;
        case 2: add_float(t, true); break;
        default: add_string(t); break;
        }
        add(t, "] = ");
        add_value(t, depth + 1);
        add(t, "\n");
    }
    /* an array part too */
    if (n && below(2))
        for (unsigned i = 1; i <= below(6); i++) {
            add(t, " t[#t + 1] = ");
            add_value(t, depth + 1);
            add(t, "\n");
        }
    add(t, " return t end)()");
}

static void add_value(Text *t, int depth)
{
    switch (below(depth == 0 ? 1 : 6)) {
    case 0: add_table(t, depth); break;
    case 1: add(t, below(2) ? "true" : "false"); break;
    case 2: add_integer(t); break;
    case 3: add_float(t, false); break;
    default: add_string(t); break;
    }
}

/* ==== Saving and loading ==== */

static bool save_slot(Game *g, int slot, char *err, size_t cap)
{
    ScriptModSave mods[SCRIPT_MAX_MODS];
    int n = 0;
    bool ok = game_save_mods(g, mods, SCRIPT_MAX_MODS, &n, err, cap) &&
              app_save_write_mods(game_state(g), mods, n, slot, true, "1958", err, cap);
    script_mod_saves_free(mods, n);
    return ok;
}

static Game *load_slot(int slot, char *err, size_t cap)
{
    AppSaveMeta meta;
    ScriptModSave mods[SCRIPT_MAX_MODS];
    int n;
    CoreState *s = app_save_read_mods(slot, &meta, mods, SCRIPT_MAX_MODS, &n, err, cap);
    if (!s)
        return NULL;
    const char *dirs[] = {fixture_path("keeper")};
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .mod_dirs = dirs, .mod_dir_count = 1,
                  .chooser = GAME_CHOOSE_HISTORY, .host = {.on_error = fixture_on_error}};
    Game *g = game_restore_saved(&d, s, mods, n, err, cap);
    script_mod_saves_free(mods, n);
    return g;
}

/* Runs code in the keeper's sandbox; its result (a string) into out. */
static void run(Game *g, const char *code, char *out, size_t cap)
{
    ScriptHost *h = game_host(g);
    if (!script_eval(h, script_mod_find(h, "keeper"), "test", code, out, cap))
        fail_msg("%.300s...: %s", code, out);
}

/* The dump of the storage: its length and an FNV-1a hash of it, computed
 * in Lua (64-bit integers wrap), and its first bytes. */
static const char digest[] =
    "local d = require('lib.dump').dump(storage) local h = -3750763034362895579 "
    "for i = 1, #d do h = (h ~ d:byte(i)) * 1099511628211 end "
    "return #d .. ':' .. string.format('%x', h) .. ':' .. d:sub(1, 200)";

static void test_roundtrip_random_storage_trees(void **state)
{
    (void)state;
    char err[1024], before[512], after[512];
    int tables = 0;
    for (int round = 0; round < ROUNDS; round++) {
        rng_state = 0x5eed0000u + (unsigned)round;
        Text code = {0};
        add(&code, "storage.tree = ");
        add_value(&code, 0);
        add(&code, "\nstorage.extra = ");
        add_value(&code, 1);
        add(&code, "\nreturn 'ok'");
        fixture_errors[0] = '\0';
        Game *g = fixture_game_with("keeper");
        run(g, code.p, before, sizeof before);
        run(g, digest, before, sizeof before);
        if (!save_slot(g, 1, err, sizeof err))
            fail_msg("round %d: the save was refused: %s", round, err);
        game_destroy(g);
        g = load_slot(1, err, sizeof err);
        if (!g)
            fail_msg("round %d: a save that was written does not load: %s\n%.2000s", round, err, code.p);
        run(g, digest, after, sizeof after);
        if (strcmp(before, after) != 0)
            fail_msg("round %d: storage differs after a save and a load:\n before %s\n after  %s\n%.3000s", round,
                     before, after, code.p);
        tables += strstr(before, "t0{") == NULL;
        game_destroy(g);
        free(code.p);
    }
    assert_true(tables > ROUNDS / 2); /* most trees hold something */
}

/* The values that failed before issue 13, by name. */
static void test_roundtrip_large_integers(void **state)
{
    (void)state;
    char err[1024], out[512];
    Game *g = fixture_game_with("keeper");
    run(g, "storage.big = { math.maxinteger, math.mininteger, 1 << 62, 1000000000000000000, -1000000000000000000, [math.mininteger] = 'min' } "
           "return 'ok'", out, sizeof out);
    assert_true(save_slot(g, 1, err, sizeof err));
    game_destroy(g);
    g = load_slot(1, err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    run(g, "local b = storage.big return table.concat({ b[1], b[2], b[3], b[4], b[5], b[math.mininteger], "
           "math.type(b[1]) }, ' ')", out, sizeof out);
    assert_string_equal(out, "9223372036854775807 -9223372036854775808 4611686018427387904 1000000000000000000 "
                             "-1000000000000000000 min integer");
    game_destroy(g);
}

/* 16 MiB exactly: just under saves and loads (as many pieces, which once
 * failed at 9 MiB with "invalid option '%u'"); just over is refused with
 * the limit in the message, and the previous save stays. */
static void test_roundtrip_storage_limit(void **state)
{
    (void)state;
    char err[1024], out[512];
    Game *g = fixture_game_with("keeper");
    run(g, "storage.note = 'small' return 'ok'", out, sizeof out);
    assert_true(save_slot(g, 2, err, sizeof err));
    run(g, "storage.note = nil storage.pieces = {} "
           "for i = 1, 15 do storage.pieces[i] = ('x'):rep(1024 * 1024 - 16) end "
           "storage.pieces[16] = ('y'):rep(1024 * 1024 - 4096) return 'ok'",
        out, sizeof out);
    if (!save_slot(g, 1, err, sizeof err))
        fail_msg("storage under 16 MiB was refused: %s", err);
    run(g, "storage.pieces[17] = ('z'):rep(8192) return 'ok'", out, sizeof out);
    assert_false(save_slot(g, 2, err, sizeof err));
    assert_non_null(strstr(err, "larger than 16 MiB"));
    assert_null(strstr(err, "invalid option"));
    game_destroy(g);
    g = load_slot(1, err, sizeof err);
    if (!g)
        fail_msg("the 16 MiB save does not load: %s", err);
    run(g, "return #storage.pieces .. ' ' .. #storage.pieces[16]", out, sizeof out);
    assert_string_equal(out, "16 1044480");
    game_destroy(g);
    g = load_slot(2, err, sizeof err);
    if (!g)
        fail_msg("the previous save in slot 2 was lost: %s", err);
    run(g, "return storage.note", out, sizeof out);
    assert_string_equal(out, "small");
    game_destroy(g);
}

/* A table held twice would come back as two (and take the memory of two:
 * a list holding one table 400,000 times took megabytes when saved and
 * more than the mod's cap when loaded): it is refused with its key path. */
static void test_roundtrip_shared_tables_are_refused(void **state)
{
    (void)state;
    char err[1024], out[512];
    Game *g = fixture_game_with("keeper");
    run(g, "local t = { 1, 2 } storage.a = { t } storage.b = { x = t } return 'ok'", out, sizeof out);
    assert_false(save_slot(g, 1, err, sizeof err));
    assert_non_null(strstr(err, "storage.b.x is a table that storage already holds under another key"));
    run(g, "storage.b = { x = { 1, 2 } } return 'ok'", out, sizeof out); /* a copy is fine */
    if (!save_slot(g, 1, err, sizeof err))
        fail_msg("%s", err);
    game_destroy(g);
}

/* A loaded storage takes about the memory it took when it was saved: many
 * small arrays come back as arrays, not as hash tables three times their
 * size. */
static void test_roundtrip_loaded_storage_takes_its_memory(void **state)
{
    (void)state;
    char err[1024], out[512];
    Game *g = fixture_game_with("keeper");
    ScriptHost *h = game_host(g);
    int mod = script_mod_find(h, "keeper");
    run(g, "collectgarbage() return 'ok'", out, sizeof out);
    size_t empty = script_mod_memory(h, mod);
    run(g, "local l = {} for i = 1, 60000 do l[i] = { i, i + 1, i + 2 } end storage.l = l "
           "collectgarbage() return 'ok'", out, sizeof out);
    size_t kept = script_mod_memory(h, mod) - empty;
    assert_true(save_slot(g, 1, err, sizeof err));
    game_destroy(g);
    g = load_slot(1, err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    h = game_host(g);
    run(g, "collectgarbage() return 'ok'", out, sizeof out);
    size_t loaded = script_mod_memory(h, script_mod_find(h, "keeper"));
    fprintf(stderr, "  storage: %zu KiB when saved, the mod %zu KiB empty and %zu KiB loaded\n", kept >> 10, empty >> 10,
            loaded >> 10);
    assert_true(loaded < empty + kept + kept / 4);
    game_destroy(g);
}

static uint64_t fnv(const char *p, size_t n)
{
    uint64_t h = 14695981039346656037ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)p[i]) * 1099511628211ULL;
    return h;
}

/* An older game wrote a mod's version as it was, "1.0\r2": such a save
 * loads, with the mod installed or not. */
static void test_roundtrip_old_save_with_odd_version_loads(void **state)
{
    (void)state;
    char err[1024], out[512], path[PLAT_PATH_MAX];
    Game *g = fixture_game_with("keeper");
    run(g, "storage.kept = 'yes' return 'ok'", out, sizeof out);
    assert_true(save_slot(g, 3, err, sizeof err));
    game_destroy(g);
    snprintf(path, sizeof path, "%s/greatleap/saves/slot3.save", fixture_path("数据"));
    size_t len;
    char *text = plat_read_file(path, 1u << 26, &len);
    assert_non_null(text);
    char *v = strstr(text, "\nmod keeper 1.0.0 ");
    assert_non_null(v);
    memcpy(v + strlen("\nmod keeper "), "1.0\r2", 5);
    char *end = NULL; /* the trailer: "\nend <16 hex digits>\n", 22 bytes */
    assert_true(len > 22);
    if (memcmp(text + len - 22, "\nend ", 5) == 0)
        end = text + len - 22;
    assert_non_null(end);
    size_t body = (size_t)(end - text);
    char trailer[32];
    snprintf(trailer, sizeof trailer, "\nend %016llx\n", (unsigned long long)fnv(text, body));
    assert_int_equal(strlen(trailer), 22);
    memcpy(end, trailer, 22);
    assert_true(plat_write_file_atomic(path, text, len));
    free(text);
    g = load_slot(3, err, sizeof err);
    if (!g)
        fail_msg("a save with an odd version does not load: %s", err);
    run(g, "return storage.kept", out, sizeof out);
    assert_string_equal(out, "yes");
    game_destroy(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roundtrip_random_storage_trees),
        cmocka_unit_test(test_roundtrip_large_integers),
        cmocka_unit_test(test_roundtrip_storage_limit),
        cmocka_unit_test(test_roundtrip_shared_tables_are_refused),
        cmocka_unit_test(test_roundtrip_loaded_storage_takes_its_memory),
        cmocka_unit_test(test_roundtrip_old_save_with_odd_version_loads),
    };
    return cmocka_run_group_tests_name("save_roundtrip", tests, setup, teardown);
}
