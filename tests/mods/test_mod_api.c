/* Tests for the modding API of issue 14: declarations checked strictly
 * (unknown fields with "did you mean", types, months, lists, booleans,
 * triggers that must say true or false, sources), hooks (on_new_game,
 * on_month, on_load, on_mod_added), chained and hidden events, options
 * offered under a condition, named modifiers, exports between mods,
 * dependencies with versions, optional and incompatible ones, patches,
 * settings, map modes and placeholders. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "mod_fixture.h"

static int setup(void **state)
{
    (void)state;
    return fixture_setup("modapi");
}

static int teardown(void **state)
{
    (void)state;
    return fixture_teardown();
}

static void expect_in(const char *text, const char *needle)
{
    if (!strstr(text, needle))
        fail_msg("expected '%s' in:\n%s", needle, text);
}

/* Texts for an event's card in both languages. */
static void texts(const char *mod, const char *keys)
{
    char rel[256];
    snprintf(rel, sizeof rel, "%s/locale/en.lua", mod);
    fixture_put(rel, keys);
    snprintf(rel, sizeof rel, "%s/locale/zh.lua", mod);
    fixture_put(rel, keys);
}

static Game *game_of(const char *const *mods, int n)
{
    char err[1024];
    Game *g = fixture_game(mods, n, err, sizeof err);
    if (!g)
        fail_msg("%s\n%s", err, fixture_errors);
    return g;
}

static void run_to(Game *g, int year, int month)
{
    char err[512];
    if (!game_run_until(g, year, month, err, sizeof err))
        fail_msg("%s", err);
}

/* ==== Declarations checked strictly ==== */

static void test_api_modifier_fields_are_checked(void **state)
{
    (void)state;
    fixture_mod("strict", NULL);
    fixture_put("strict/policies/p.lua", "return {\n  id = \"strict_p\",\n  category = \"agriculture\",\n"
                                         "  modifiers = {\n    { lever = \"yield_mult\", mul = 0.9, provnce = \"henan\" },\n"
                                         "  },\n}\n");
    fixture_put("strict/policies/q.lua", "return {\n  id = \"strict_q\",\n  category = \"agricultur\",\n}\n");
    fixture_put("strict/policies/r.lua", "return {\n  id = \"strict_r\",\n  modifiers = { lever = \"yield_mult\", "
                                         "mul = 0.9 },\n}\n");
    fixture_put("strict/events/e.lua", "return {\n  id = \"strict_e\",\n  once = \"no\",\n"
                                       "  options = { { id = \"a\" } },\n}\n");
    fixture_put("strict/events/f.lua", "return {\n  id = \"strict_f\",\n  sources = { \"E4\" },\n"
                                       "  options = { { id = \"a\" } },\n}\n");
    fixture_put("strict/events/g.lua", "return {\n  id = \"strict_g\",\n  options = { id = \"a\" },\n}\n");
    const char *mods[] = {"strict"};
    char err[1024];
    Game *g = fixture_game(mods, 1, err, sizeof err);
    game_destroy(g);
    expect_in(fixture_errors, "p.lua:5: policy 'strict_p': modifier 1: unknown field 'provnce' (did you mean "
                              "'province'?)");
    expect_in(fixture_errors, "q.lua:3: policy 'strict_q': 'category' is \"agricultur\" (did you mean "
                              "'agriculture'?)");
    expect_in(fixture_errors, "r.lua:3: policy 'strict_r': 'modifiers' must be a list of modifiers like { { lever = "
                              "\"yield_mult\", mul = 0.9 } }: this is a single modifier (wrap it in { })");
    expect_in(fixture_errors, "e.lua:3: event 'strict_e': 'once' must be true or false, not the string \"no\"");
    expect_in(fixture_errors, "f.lua:3: event 'strict_f': unknown source 'E4' (did you mean 'E04'?)");
    expect_in(fixture_errors, "g.lua:3: event 'strict_g': 'options' must be a list of options");
}

static void test_api_effect_arguments_are_checked(void **state)
{
    (void)state;
    fixture_mod("fxarg", NULL);
    texts("fxarg", "return { [\"event.fxarg_a.title\"] = \"A\", [\"event.fxarg_a.text\"] = \"A.\", "
                   "[\"event.fxarg_a.option.a\"] = \"A\", [\"event.fxarg_b.title\"] = \"B\", [\"event.fxarg_b.text\"] = "
                   "\"B.\", [\"event.fxarg_b.option.a\"] = \"A\", [\"event.fxarg_c.title\"] = \"C\", "
                   "[\"event.fxarg_c.text\"] = \"C.\", [\"event.fxarg_c.option.a\"] = \"A\" }\n");
    fixture_put("fxarg/events/a.lua", "return {\n  id = \"fxarg_a\",\n  when = { date = \"1958-02\" },\n"
                                      "  options = { { id = \"a\", effects = function(s, fx)\n"
                                      "    fx:modifier{ lever = \"yield_mult\", mul = 0.9, months = 1.5 }\n"
                                      "  end } },\n}\n");
    fixture_put("fxarg/events/b.lua", "return {\n  id = \"fxarg_b\",\n  when = { date = \"1958-02\" },\n"
                                      "  options = { { id = \"a\", effects = function(s, fx)\n"
                                      "    fx:adjust{ var = \"zeal\", add = -0.1, provnce = \"henan\" }\n"
                                      "  end } },\n}\n");
    fixture_put("fxarg/events/c.lua", "return {\n  id = \"fxarg_c\",\n  when = { date = \"1958-02\" },\n"
                                      "  trigger = function(s) return s.month end,\n"
                                      "  options = { { id = \"a\", effects = function(s, fx)\n"
                                      "    fx:transfer{ from = \"granary\", to = \"tibet\", tonnes = 5 }\n"
                                      "  end } },\n}\n");
    Game *g = fixture_game_with("fxarg");
    run_to(g, 1958, 3);
    game_destroy(g);
    expect_in(fixture_errors, "a.lua:5: fx:modifier: 'months' must be a whole number of months from 1 to 180, not 1.5");
    expect_in(fixture_errors, "b.lua:5: fx:adjust: unknown field 'provnce' (did you mean 'province'?)");
    expect_in(fixture_errors, "c.lua:4: event fxarg_c: trigger returned the number 2: it must return true or false");
}

static void test_api_unknown_province_names_its_id(void **state)
{
    (void)state;
    fixture_mod("tibet", NULL);
    texts("tibet", "return { [\"event.tibet_e.title\"] = \"T\", [\"event.tibet_e.text\"] = \"T.\", "
                   "[\"event.tibet_e.option.a\"] = \"A\" }\n");
    fixture_put("tibet/events/e.lua", "return {\n  id = \"tibet_e\",\n  when = { date = \"1958-02\" },\n"
                                      "  options = { { id = \"a\", effects = function(s, fx)\n"
                                      "    fx:adjust{ var = \"zeal\", add = -0.1, province = \"tibet\" }\n"
                                      "  end } },\n}\n");
    Game *g = fixture_game_with("tibet");
    run_to(g, 1958, 2);
    game_destroy(g);
    expect_in(fixture_errors, "e.lua:5: fx:adjust: unknown province 'tibet' (Tibet is 'xizang')");
}

/* A trigger of scope "province" runs in every province in one protected
 * call of the engine's (issue 16). It must still fire exactly where it
 * holds, skip provinces a once-event has been decided in, and report a
 * failure, a wrong answer or a hang in one province at the script's own
 * file and line, never at the engine's loop; the game goes on. */
static void test_api_province_triggers_run_in_each_province(void **state)
{
    (void)state;
    fixture_mod("prov", NULL);
    char keys[4096] = "return {";
    const char *const ids[] = {"prov_a", "prov_b", "prov_c", "prov_d", "prov_e", "prov_f", "prov_g"};
    for (int i = 0; i < 7; i++)
        snprintf(keys + strlen(keys), sizeof keys - strlen(keys),
                 " [\"event.%s.title\"] = \"T\", [\"event.%s.text\"] = \"T.\", [\"event.%s.option.a\"] = \"A\",", ids[i],
                 ids[i], ids[i]);
    snprintf(keys + strlen(keys), sizeof keys - strlen(keys), " }\n");
    texts("prov", keys);
    fixture_put("prov/events/a.lua", "return {\n  id = \"prov_a\",\n  scope = \"province\",\n"
                                     "  when = { date = \"1958-02\" },\n"
                                     "  trigger = function(s, p) return p.id == \"henan\" or p.id == \"anhui\" end,\n"
                                     "  options = { { id = \"a\" } },\n}\n");
    fixture_put("prov/events/b.lua", "return {\n  id = \"prov_b\",\n  scope = \"province\",\n"
                                     "  trigger = function(s, p)\n"
                                     "    if p.id == \"sichuan\" then error(\"no record for \" .. p.id) end\n"
                                     "    return false\n  end,\n  options = { { id = \"a\" } },\n}\n");
    fixture_put("prov/events/c.lua", "return {\n  id = \"prov_c\",\n  scope = \"province\",\n"
                                     "  trigger = function(s, p) if p.id == \"gansu\" then return 3 end return false end,\n"
                                     "  options = { { id = \"a\" } },\n}\n");
    fixture_put("prov/events/d.lua", "return {\n  id = \"prov_d\",\n  scope = \"province\",\n"
                                     "  trigger = function(s, p)\n"
                                     "    while p.id == \"yunnan\" do end\n"
                                     "    return false\n  end,\n  options = { { id = \"a\" } },\n}\n");
    /* After the three that fail, in the same month: the month's triggers
     * go on from the next event. */
    fixture_put("prov/events/e.lua", "return {\n  id = \"prov_e\",\n  scope = \"province\",\n"
                                     "  when = { date = \"1958-01\" },\n"
                                     "  trigger = function(s, p) return p.id == \"hunan\" end,\n"
                                     "  options = { { id = \"a\" } },\n}\n");
    /* Each event's triggers have a call's budget: 14 million instructions
     * each, over the 20 million of one call together. */
    for (int i = 0; i < 2; i++) {
        char path[64], text[512];
        snprintf(path, sizeof path, "prov/events/%c.lua", "fg"[i]);
        snprintf(text, sizeof text,
                 "return {\n  id = \"prov_%c\",\n  scope = \"province\",\n"
                 "  when = { date = \"1958-02\", [\"until\"] = \"1958-02\" },\n"
                 "  trigger = function(s, p)\n"
                 "    local x = 0\n    for i = 1, 250000 do x = x + i end\n"
                 "    return p.id == \"%s\"\n  end,\n  options = { { id = \"a\" } },\n}\n",
                 "fg"[i], i == 0 ? "hebei" : "shanxi");
        fixture_put(path, text);
    }
    Game *g = fixture_game_with("prov");
    run_to(g, 1958, 5);
    const CoreState *s = game_state(g);
    int hunan = core_province_find(s, "hunan");
    assert_true(hunan >= 0);
    const CoreDecision *fired = core_decision_find(s, "prov_e", hunan);
    assert_non_null(fired);
    assert_int_equal(fired->month, 0); /* January 1958, the month the others failed in */
    assert_non_null(core_decision_find(s, "prov_f", core_province_find(s, "hebei")));
    assert_non_null(core_decision_find(s, "prov_g", core_province_find(s, "shanxi")));
    for (int p = 0; p < s->province_count; p++) {
        bool expected = strcmp(s->info[p].id, "henan") == 0 || strcmp(s->info[p].id, "anhui") == 0;
        if ((core_decision_find(s, "prov_a", p) != NULL) != expected)
            fail_msg("prov_a decided in %s: %s", s->info[p].id, expected ? "no" : "yes");
        assert_null(core_decision_find(s, "prov_b", p));
        assert_null(core_decision_find(s, "prov_c", p));
        assert_null(core_decision_find(s, "prov_d", p));
    }
    assert_true(s->month >= 4); /* the game went on */
    const ScriptHost *h = game_host(g);
    bool traced = false;
    for (int i = 0; i < script_error_count(h); i++) {
        const ScriptError *e = script_error_at(h, i);
        if (strstr(e->traceback, "each province"))
            fail_msg("the engine's loop in a traceback:\n%s", e->traceback);
        traced |= strstr(e->traceback, "b.lua:5") != NULL;
    }
    assert_true(traced); /* the tracebacks were there to look at */
    game_destroy(g);
    expect_in(fixture_errors, "b.lua:5: no record for sichuan");
    expect_in(fixture_errors, "c.lua:4: event prov_c: trigger returned the number 3: it must return true or false");
    expect_in(fixture_errors, "d.lua:5: instruction limit exceeded");
    if (strstr(fixture_errors, "f.lua") || strstr(fixture_errors, "g.lua"))
        fail_msg("an event with a call's budget of its own failed:\n%s", fixture_errors);
}

/* ==== Hooks, chains, hidden events, options offered, named modifiers ==== */

static void hooks_mod(void)
{
    fixture_mod("hooks", NULL);
    texts("hooks", "return { [\"modifier.hooks_drive\"] = \"Drive\" }\n");
    fixture_put("hooks/mod.lua",
                "function on_new_game(s, fx) storage.new_game = s.date end\n"
                "function on_month(s, fx)\n"
                "  storage.months = (storage.months or 0) + 1\n"
                "  if s.date == \"1958-03\" then fx:fire(\"hooks_later\", 2) end\n"
                "end\n"
                "function on_load(s) loaded_at = s.date; storage.tamper = true end\n"
                "return { id = \"hooks\", name = \"Hooks\", version = \"1.0.0\", api_version = 2,\n"
                "  languages = { \"en\", \"zh\" } }\n");
    /* Hidden, chained: fires two months after March 1958, in May. */
    fixture_put("hooks/events/later.lua",
                "return {\n  id = \"hooks_later\",\n  hidden = true,\n  chained = true,\n"
                "  options = {\n"
                "    { id = \"never\", when = function(s) return false end,\n"
                "      effects = function(s, fx) storage.wrong = true end },\n"
                "    { id = \"go\", effects = function(s, fx)\n"
                "      storage.later = s.date\n"
                "      fx:modify{ name = \"hooks_drive\", lever = \"yield_mult\", mul = 0.5, province = \"henan\", months = 6 }\n"
                "      fx:fire(\"hooks_end\", 3)\n"
                "    end },\n  },\n}\n");
    fixture_put("hooks/events/end.lua",
                "return {\n  id = \"hooks_end\",\n  hidden = true,\n  chained = true,\n"
                "  trigger = function(s) return s:has_modifier(\"hooks_drive\") end,\n"
                "  options = { { id = \"stop\", effects = function(s, fx)\n"
                "    storage.ended = s.date\n    fx:remove_modifier(\"hooks_drive\")\n  end } },\n}\n");
}

static double henan_yield(Game *g)
{
    const CoreState *s = game_state(g);
    return core_lever_value(s, CORE_LEVER_yield_mult, core_province_find(s, "henan"));
}

static void test_api_hooks_chains_and_named_modifiers(void **state)
{
    (void)state;
    hooks_mod();
    Game *g = fixture_game_with("hooks");
    assert_string_equal(fixture_eval(g, "hooks", "return storage.new_game"), "1958-01");
    run_to(g, 1958, 5); /* May is simulated: the chain fired as it began */
    assert_string_equal(fixture_eval(g, "hooks", "return storage.months"), "5");
    assert_string_equal(fixture_eval(g, "hooks", "return storage.later"), "1958-05");
    assert_string_equal(fixture_eval(g, "hooks", "return tostring(storage.wrong)"), "nil");
    double with_drive = henan_yield(g);
    run_to(g, 1958, 8); /* August: the end fired and took the modifier off */
    assert_string_equal(fixture_eval(g, "hooks", "return storage.ended"), "1958-08");
    double after = henan_yield(g);
    assert_true(after > with_drive * 1.5);
    assert_string_equal(fixture_eval(g, "hooks", "return tostring(storage.tamper)"), "nil");
    /* decisions: the hidden events were decided, each once */
    assert_non_null(core_decision_find(game_state(g), "hooks_later", -1));
    assert_string_equal(core_decision_find(game_state(g), "hooks_later", -1)->option, "go");
    assert_int_equal(fixture_errors[0], '\0');
    game_destroy(g);
}

static void test_api_chains_survive_a_save(void **state)
{
    (void)state;
    hooks_mod();
    Game *a = fixture_game_with("hooks"), *b = fixture_game_with("hooks");
    run_to(a, 1958, 3); /* the chain waits for May */
    run_to(b, 1958, 3);
    char err[512];
    assert_true(game_reload(b, err, sizeof err));
    assert_int_equal(script_chain_count(game_host(b)), 1);
    run_to(a, 1959, 1);
    run_to(b, 1959, 1);
    assert_string_equal(fixture_eval(b, "hooks", "return storage.ended"), "1958-08");
    assert_true(core_state_hash(game_state(a)) == core_state_hash(game_state(b)));
    game_destroy(a);
    game_destroy(b);
}

static void test_api_player_sees_no_hidden_card(void **state)
{
    (void)state;
    hooks_mod();
    const char *dirs[] = {fixture_path("hooks")};
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .mod_dirs = dirs, .mod_dir_count = 1,
                  .chooser = GAME_CHOOSE_PLAYER, .follow_history = true, .host = {.on_error = fixture_on_error}};
    char err[512];
    Game *g = game_create(&d, err, sizeof err);
    assert_non_null(g);
    while (game_state(g)->month < 6) {
        for (int i = 0; i < game_pending_count(g);) {
            const ScriptDue *due = game_pending_at(g, i);
            const ScriptEventInfo *e = script_event_at(game_host(g), due->event);
            assert_false(e->hidden);
            assert_true(game_choose(g, i, game_history_option(g, due)));
        }
        assert_true(game_advance(g, err, sizeof err));
    }
    assert_string_equal(fixture_eval(g, "hooks", "return storage.later"), "1958-05");
    game_destroy(g);
}

static void test_api_option_offered_only_when(void **state)
{
    (void)state;
    fixture_mod("offer", NULL);
    texts("offer", "return { [\"event.offer_e.title\"] = \"O\", [\"event.offer_e.text\"] = \"O.\", "
                   "[\"event.offer_e.option.a\"] = \"A\", [\"event.offer_e.option.b\"] = \"B\" }\n");
    fixture_put("offer/events/e.lua",
                "return {\n  id = \"offer_e\",\n  when = { date = \"1958-02\" },\n"
                "  options = {\n    { id = \"a\", historical = true, when = function(s) return s.year > 1960 end },\n"
                "    { id = \"b\" },\n  },\n}\n");
    Game *g = fixture_game_with("offer");
    run_to(g, 1958, 2);
    /* history's option was not offered: the other was taken */
    assert_string_equal(core_decision_find(game_state(g), "offer_e", -1)->option, "b");
    game_destroy(g);
}

/* ==== Mods that talk ==== */

static void atlas_mods(const char *user_dep)
{
    fixture_put("atlas/mod.lua", "return { id = \"atlas\", name = \"Atlas\", version = \"1.3.0\", api_version = 2,\n"
                                 "  languages = { \"en\", \"zh\" } }\n");
    fixture_put("atlas/exports.lua",
                "local M = { threshold = 1800, names = { \"a\", \"b\" } }\n"
                "function M.hunger(p) return math.max(0, M.threshold - p.kcal) end\n"
                "function M.count() storage.calls = (storage.calls or 0) + 1; return storage.calls, \"x\" end\n"
                "function M.bad() return function() end end\n"
                "return M\n");
    char text[512];
    snprintf(text, sizeof text,
             "return { id = \"user\", name = \"User\", version = \"1.0.0\", api_version = 2,\n"
             "  languages = { \"en\", \"zh\" }, dependencies = { \"%s\" } }\n", user_dep);
    fixture_put("user/mod.lua", text);
    fixture_put("user/lib/x.lua", "return 1\n");
}

static void test_api_exports_copy_across_states(void **state)
{
    (void)state;
    atlas_mods("atlas >= 1.2 < 2");
    const char *mods[] = {"atlas", "user"};
    Game *g = game_of(mods, 2);
    assert_string_equal(fixture_eval(g, "user", "local a = import('atlas'); a.names[1] = 'changed'\n"
                                                "return a.threshold .. ',' .. import('atlas').names[1]"),
                        "1800,a");
    assert_string_equal(fixture_eval(g, "user", "local a = import('atlas'); local n, x = a.count(); "
                                                "local m = a.count(); return n .. x .. m"),
                        "1x2");
    assert_string_equal(fixture_eval(g, "atlas", "return storage.calls"), "2");
    expect_in(fixture_eval(g, "user", "return import('atlas').bad()"),
              "atlas.bad: result 1 is a function: only plain data and the views s, p and fx can cross between mods");
    expect_in(fixture_eval(g, "user", "return import('no_such')"),
              "a mod imports only the mods it lists in mod.lua's dependencies");
    game_destroy(g);
}

static void test_api_dependency_versions(void **state)
{
    (void)state;
    atlas_mods("atlas >= 2");
    const char *mods[] = {"atlas", "user"};
    char err[1024];
    Game *g = fixture_game(mods, 2, err, sizeof err);
    assert_null(g);
    expect_in(err, "mod 'user' needs mod 'atlas' >= 2; version 1.3.0 is loaded");
    atlas_mods("! atlas");
    g = fixture_game(mods, 2, err, sizeof err);
    assert_null(g);
    expect_in(err, "mod 'user' cannot run beside mod 'atlas'");
    atlas_mods("? atlas");
    const char *alone[] = {"user"};
    g = game_of(alone, 1);
    assert_string_equal(fixture_eval(g, "user", "return tostring(import('atlas'))"), "nil");
    game_destroy(g);
    g = game_of(mods, 2); /* the optional one, there: it loads first */
    assert_string_equal(fixture_eval(g, "user", "return import('atlas').threshold"), "1800");
    game_destroy(g);
    fixture_put("user/mod.lua", "return { id = \"user\", version = \"1\", api_version = 2, dependencies = { \"atlas >> 2\" } }\n");
    g = fixture_game(mods, 2, err, sizeof err);
    assert_null(g);
    expect_in(err, "versions are given as >= 1.2");
}

static void test_api_patches_change_one_option(void **state)
{
    (void)state;
    fixture_mod("patcher", "  dependencies = { \"base\" },\n");
    texts("patcher", "return { [\"event.lushan.option.write_back\"] = \"Write back\" }\n");
    fixture_put("patcher/patches/lushan.lua",
                "return {\n  event = \"lushan\",\n  options = {\n"
                "    { id = \"purge_peng\", effects = function(s, fx) storage.patched = s.date end },\n"
                "    { id = \"write_back\", effects = function(s, fx) end },\n  },\n}\n");
    fixture_put("patcher/patches/communes.lua",
                "return {\n  policy = \"communes\",\n  add_modifiers = { { lever = \"zeal_push\", add = 0.01 } },\n}\n");
    fixture_put("patcher/patches/bad.lua", "return {\n  event = \"lushan_\",\n  options = {},\n}\n");
    Game *g = game_of((const char *const[]){"patcher"}, 1);
    const ScriptEventInfo *e = script_event_at(game_host(g), script_event_find(game_host(g), "lushan"));
    assert_int_equal(e->option_count, 3);
    assert_string_equal(e->options[2].id, "write_back");
    assert_string_equal(e->options[e->historical_option].id, "purge_peng"); /* kept what the patch did not give */
    const ScriptPolicyInfo *p = script_policy_at(game_host(g), script_policy_find(game_host(g), "communes"));
    assert_int_equal(p->modifiers[p->modifier_count - 1].lever, CORE_LEVER_zeal_push);
    run_to(g, 1959, 8);
    assert_string_equal(fixture_eval(g, "patcher", "return storage.patched"), "1959-07");
    expect_in(fixture_errors, "bad.lua:2: patch: no event 'lushan_' (did you mean 'lushan'?)");
    game_destroy(g);
}

/* ==== Settings, map modes, placeholders ==== */

static void test_api_settings_are_the_players_and_saved(void **state)
{
    (void)state;
    fixture_put("set/mod.lua",
                "return { id = \"set\", name = \"Set\", version = \"1.0.0\", api_version = 2,\n"
                "  languages = { \"en\", \"zh\" },\n  settings = {\n"
                "    { name = \"on\", type = \"bool\", default = true },\n"
                "    { name = \"line\", type = \"number\", default = 1800, min = 1200, max = 2400, step = 100 },\n"
                "    { name = \"look\", type = \"choice\", default = \"ochre\", choices = { \"ochre\", \"slate\" } },\n"
                "  } }\n");
    const char *dirs[] = {fixture_path("set")};
    GameSettingValue v[] = {{"set", "line", "2000"}, {"set", "look", "slate"}, {"set", "gone", "1"}};
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .mod_dirs = dirs, .mod_dir_count = 1,
                  .chooser = GAME_CHOOSE_HISTORY, .host = {.on_error = fixture_on_error}, .settings = v,
                  .setting_count = 3};
    char err[512];
    Game *g = game_create(&d, err, sizeof err);
    assert_non_null(g);
    assert_string_equal(fixture_eval(g, "set", "return tostring(settings.on) .. settings.line .. settings.look"),
                        "true2000slate");
    expect_in(fixture_eval(g, "set", "settings.on = false"), "settings are the player's");
    expect_in(fixture_eval(g, "set", "return settings.lines"), "settings has no 'lines' (did you mean 'line'?)");
    /* a save keeps the game's values, whatever the player sets later */
    ScriptModSave saves[SCRIPT_MAX_MODS];
    int n;
    assert_true(game_save_mods(g, saves, SCRIPT_MAX_MODS, &n, err, sizeof err));
    assert_true(script_mod_setting_set(game_host(g), script_mod_find(game_host(g), "set"), "line", "1200", err,
                                       sizeof err));
    assert_false(script_mod_setting_set(game_host(g), script_mod_find(game_host(g), "set"), "line", "9999", err,
                                        sizeof err));
    assert_true(script_mods_restore(game_host(g), saves, n, err, sizeof err));
    assert_string_equal(fixture_eval(g, "set", "return settings.line"), "2000");
    script_mod_saves_free(saves, n);
    game_destroy(g);
    fixture_put("set/mod.lua", "return { id = \"set\", version = \"1\", api_version = 2,\n"
                               "  settings = { { name = \"line\", type = \"number\", default = 3000, min = 1, max = 2 } } }\n");
    g = fixture_game((const char *const[]){"set"}, 1, err, sizeof err);
    assert_null(g);
    expect_in(err, "mod.lua:2: mod.lua: setting 'line': needs min < max and min <= default <= max");
}

static void test_api_map_mode_values(void **state)
{
    (void)state;
    fixture_mod("mm", NULL);
    fixture_put("mm/mapmodes/hunger.lua",
                "return {\n  id = \"mm_hunger\",\n  lo = 0, hi = 1000,\n  palette = { \"#f7f4ea\", \"#7a1f1f\" },\n"
                "  value = function(s, p) if p.id == \"xizang\" then return nil end return 1800 - p.kcal end,\n}\n");
    fixture_put("mm/mapmodes/bad.lua", "return {\n  id = \"mm_bad\",\n  value = function(s, p) return \"x\" end,\n}\n");
    Game *g = fixture_game_with("mm");
    run_to(g, 1958, 3);
    ScriptHost *h = game_host(g);
    assert_int_equal(script_map_mode_count(h), 2);
    double v[CORE_MAX_PROVINCES];
    assert_true(script_map_mode_values(h, game_core(g), script_map_mode_find(h, "mm_hunger"), v, CORE_MAX_PROVINCES));
    assert_true(isnan(v[core_province_find(game_state(g), "xizang")]));
    assert_false(isnan(v[core_province_find(game_state(g), "henan")]));
    assert_int_equal(script_map_mode_at(h, script_map_mode_find(h, "mm_hunger"))->colors[1], 0x7a1f1f);
    assert_false(script_map_mode_values(h, game_core(g), script_map_mode_find(h, "mm_bad"), v, CORE_MAX_PROVINCES));
    expect_in(fixture_errors, "bad.lua:3: map mode mm_bad: value returned a string");
    game_destroy(g);
}

static void test_api_placeholders(void **state)
{
    (void)state;
    char out[256];
    ScriptTextArg args[] = {{"amount", true, 5000, ""}, {"who", false, 0, "Li"}};
    script_text_fill("{who}: {amount} t to {province}, {unknown} {", args, 2, "Henan", NULL, NULL, out, sizeof out);
    assert_string_equal(out, "Li: 5000 t to Henan, {unknown} {");
    char names[4][24];
    assert_int_equal(script_text_placeholders("{a} {b} {a} {no space}", names, 4), 2);
    assert_string_equal(names[1], "b");
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_api_modifier_fields_are_checked),
        T(test_api_effect_arguments_are_checked),
        T(test_api_unknown_province_names_its_id),
        T(test_api_province_triggers_run_in_each_province),
        T(test_api_hooks_chains_and_named_modifiers),
        T(test_api_chains_survive_a_save),
        T(test_api_player_sees_no_hidden_card),
        T(test_api_option_offered_only_when),
        T(test_api_exports_copy_across_states),
        T(test_api_dependency_versions),
        T(test_api_patches_change_one_option),
        T(test_api_settings_are_the_players_and_saved),
        T(test_api_map_mode_values),
        T(test_api_placeholders),
    };
    return cmocka_run_group_tests_name("mod_api", tests, NULL, NULL);
}
