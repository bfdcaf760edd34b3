/* The modder's console (engine/app/app_console.c, engine/ui/ui_console.c):
 * an error shows its source with the line marked and its traceback; the
 * commands fire and explain events, evaluate Lua and list what each mod
 * costs; long lines wrap without breaking a character; and --dev's
 * fingerprint notices an edited script, and only a script. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app_console.h"
#include "platform.h"

static UiConsole con;

static void on_error(const ScriptError *e, void *user)
{
    (void)user;
    app_console_error(&con, NULL, e);
}

static Game *new_game(void)
{
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .chooser = GAME_CHOOSE_PLAYER,
                  .host = {.on_error = on_error}};
    char err[512];
    Game *g = game_create(&d, err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    return g;
}

/* The index of the last line containing `needle`, or -1. */
static int find_line(const char *needle)
{
    for (int i = con.count - 1; i >= 0; i--)
        if (strstr(con.lines[i], needle))
            return i;
    return -1;
}

static ConsoleResult run(Game *g, const char *line)
{
    return app_console_run(&con, g, game_host(g), SCRIPT_LANG_EN, line);
}

static void test_error_shows_source_and_traceback(void **state)
{
    (void)state;
    memset(&con, 0, sizeof con);
    Game *g = new_game();
    /* The fifth line of a real file of the base game. */
    char path[1024], want[256];
    snprintf(path, sizeof path, "%s/scripts/events/lushan.lua", GL_TEST_DATA_DIR);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    for (int i = 0; i < 5; i++)
        assert_non_null(fgets(want, sizeof want, f));
    fclose(f);
    want[strcspn(want, "\r\n")] = '\0';
    ScriptError e = {.mod = "base", .mod_version = "1.0", .context = "event lushan: trigger",
                     .file = "scripts/events/lushan.lua", .line = 5, .message = "attempt to compare nil"};
    snprintf(e.traceback, sizeof e.traceback, "stack traceback:\n\tscripts/events/lushan.lua:5: in function <x>");
    app_console_error(&con, game_host(g), &e);
    int head = find_line("error in mod base 1.0");
    assert_true(head >= 0);
    assert_int_equal(con.kinds[head], UI_CONSOLE_ERROR);
    assert_true(strstr(con.lines[head], "event lushan: trigger") != NULL);
    assert_true(find_line("scripts/events/lushan.lua:5: attempt to compare nil") > head);
    int mark = find_line(">>    5 | ");
    assert_true(mark > head);
    assert_int_equal(con.kinds[mark], UI_CONSOLE_MARK);
    assert_true(strstr(con.lines[mark], want) != NULL);
    /* Two lines of context on each side, then the traceback. */
    assert_true(strncmp(con.lines[mark - 2], "      3 | ", 10) == 0);
    assert_true(strncmp(con.lines[mark + 2], "      7 | ", 10) == 0);
    assert_int_equal(con.kinds[mark + 1], UI_CONSOLE_SOURCE);
    int trace = find_line("stack traceback:");
    assert_true(trace > mark);
    assert_int_equal(con.kinds[trace], UI_CONSOLE_TRACE);
    game_destroy(g);
}

static void test_commands(void **state)
{
    (void)state;
    memset(&con, 0, sizeof con);
    Game *g = new_game();
    assert_int_equal(run(g, "= 6 * 7"), CONSOLE_DONE);
    assert_string_equal(con.lines[con.count - 1], "42");
    /* The state is `s`, as in triggers (docs/modding.md's example). */
    assert_int_equal(run(g, "= s.year"), CONSOLE_DONE);
    assert_string_equal(con.lines[con.count - 1], "1958");
    run(g, "= s.national.population > 0");
    assert_string_equal(con.lines[con.count - 1], "true");
    /* A Lua error in console code reaches the console through the handler. */
    run(g, "= nosuchtable.field");
    assert_true(find_line("nosuchtable") >= 0 || find_line("attempt to index") >= 0);
    run(g, "nonsense words");
    assert_int_equal(con.kinds[con.count - 1], UI_CONSOLE_ERROR);
    assert_string_equal(con.lines[con.count - 1], script_text(game_host(g), SCRIPT_LANG_EN, "ui.console.unknown"));
    run(g, "perf");
    int base = find_line("base\t");
    assert_true(base >= 0 && strncmp(con.lines[base], "base", 4) == 0);
    run(g, "mods");
    assert_true(strncmp(con.lines[con.count - 1], "base", 4) == 0);
    /* Firing an event opens its card now; a wrong id says so. */
    int before = game_pending_count(g);
    run(g, "fire locusts henan");
    assert_int_equal(game_pending_count(g), before + 1);
    run(g, "fire no_such_event");
    assert_int_equal(con.kinds[con.count - 1], UI_CONSOLE_ERROR);
    assert_int_equal(game_pending_count(g), before + 1);
    /* Explaining a trigger names the event and says yes or no per clause. */
    int lines = con.count;
    run(g, "explain lushan");
    assert_true(con.count > lines + 2);
    assert_true(find_line("lushan") >= lines);
    assert_true(find_line("date") >= lines);
    assert_int_equal(run(g, "reload"), CONSOLE_RELOAD);
    run(g, "clear");
    assert_int_equal(con.count, 0);
    game_destroy(g);
}

static void test_long_lines_wrap_on_characters(void **state)
{
    (void)state;
    memset(&con, 0, sizeof con);
    char text[1200] = "";
    for (int i = 0; i < 100; i++)
        strcat(text, "饥荒"); /* 3 bytes each: 600 bytes on one line */
    ui_console_print(&con, UI_CONSOLE_INFO, text);
    assert_true(con.count >= 5);
    size_t total = 0;
    for (int i = 0; i < con.count; i++) {
        const char *l = con.lines[i] + (i > 0 ? 4 : 0); /* continuations are indented */
        assert_true(i == 0 || strncmp(con.lines[i], "    ", 4) == 0);
        assert_true(((unsigned char)l[0] & 0xC0) != 0x80); /* starts on a character */
        assert_int_equal(strlen(l) % 3, 0);                /* ends on one */
        total += strlen(l);
    }
    assert_int_equal(total, 600);
    /* Lines beyond the console's memory push the oldest out. */
    for (int i = 0; i < UI_CONSOLE_LINES + 10; i++) {
        char line[32];
        snprintf(line, sizeof line, "line %d", i);
        ui_console_print(&con, UI_CONSOLE_INFO, line);
    }
    assert_int_equal(con.count, UI_CONSOLE_LINES);
    assert_string_equal(con.lines[UI_CONSOLE_LINES - 1], "line 209");
}

/* A long line of words is cut between words, the space dropped: joined
 * again with one space, the lines give the text back, and no line ends or
 * starts inside a word. */
static void test_long_lines_wrap_between_words(void **state)
{
    (void)state;
    memset(&con, 0, sizeof con);
    char text[1200] = "";
    for (int i = 0; i < 60; i++) {
        char word[24];
        snprintf(word, sizeof word, "%sword%d", i ? " " : "", i * 37);
        strcat(text, word);
    }
    ui_console_print(&con, UI_CONSOLE_INFO, text);
    assert_true(con.count >= 3);
    char joined[1200] = "";
    for (int i = 0; i < con.count; i++) {
        const char *l = con.lines[i] + (i > 0 ? 4 : 0);
        assert_true(l[0] != ' ' && l[strlen(l) - 1] != ' ');
        if (i)
            strcat(joined, " ");
        strcat(joined, l);
    }
    assert_string_equal(joined, text);
}

static void write_text(const char *dir, const char *name, const char *text)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_fingerprint_sees_script_edits(void **state)
{
    (void)state;
    char dir[] = "/tmp/gl-console-XXXXXX";
    assert_non_null(mkdtemp(dir));
    const char *dirs[] = {dir};
    write_text(dir, "a.lua", "return 1\n");
    uint64_t fp = app_scripts_fingerprint(dirs, 1);
    assert_true(fp == app_scripts_fingerprint(dirs, 1));
    write_text(dir, "a.lua", "return 12\n"); /* a different size */
    uint64_t edited = app_scripts_fingerprint(dirs, 1);
    assert_true(edited != fp);
    char sub[sizeof dir + sizeof "/events"];
    snprintf(sub, sizeof sub, "%s/events", dir);
    assert_true(plat_mkdir_p(sub));
    write_text(sub, "b.lua", "return {}\n"); /* a new file in a folder */
    uint64_t added = app_scripts_fingerprint(dirs, 1);
    assert_true(added != edited);
    write_text(dir, "notes.txt", "not a script\n");
    assert_true(app_scripts_fingerprint(dirs, 1) == added);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_error_shows_source_and_traceback),
        cmocka_unit_test(test_commands),
        cmocka_unit_test(test_long_lines_wrap_on_characters),
        cmocka_unit_test(test_long_lines_wrap_between_words),
        cmocka_unit_test(test_fingerprint_sees_script_edits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
