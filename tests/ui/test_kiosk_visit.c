/* A kiosk visitor's map shows a province's name and value only while a
 * finger is on it (issue 15): a touch screen leaves SDL's emulated pointer
 * where the finger lifted, and a label that followed the pointer stuck
 * over the map for the rest of the visit. Drawn offscreen, three frames
 * with the pointer on one province: finger down (the label is drawn),
 * finger up (it is not), and the pointer moved without a finger (it is
 * not). The texts drawn are read from the renderer's text log. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../support/offscreen.h"
#include "game.h"
#include "map.h"
#include "platform.h"
#include "render_map.h"
#include "script.h"
#include "ui.h"

static Map *load_map(void)
{
    size_t n1, n2;
    char *t1 = plat_read_file(GL_TEST_DATA_DIR "/assets/map/provinces-1958.geojson", 32u << 20, &n1);
    char *t2 = plat_read_file(GL_TEST_DATA_DIR "/assets/map/context.geojson", 32u << 20, &n2);
    char err[256];
    Map *m = t1 && t2 ? map_load(t1, n1, t2, n2, err, sizeof err) : NULL;
    free(t1);
    free(t2);
    assert_non_null(m);
    return m;
}

/* How many texts of the frame start with `prefix`. */
static int drawn_starting(const RenderTextDraw *log, int n, const char *prefix)
{
    int count = 0;
    for (int i = 0; i < n; i++)
        count += strncmp(log[i].text, prefix, strlen(prefix)) == 0;
    return count;
}

static void test_finger_label_only_under_a_finger(void **state)
{
    (void)state;
    Map *map = load_map();
    RenderMap *view = render_map_create(map);
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .chooser = GAME_CHOOSE_HISTORY};
    char err[1024];
    Game *g = game_create(&d, err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    assert_true(game_run_until(g, 1960, 5, err, sizeof err));
    ScriptHost *texts = script_host_create(&(ScriptHostDesc){0});
    assert_true(script_host_load_mod(texts, GL_TEST_DATA_DIR "/scripts", "scripts"));
    Offscreen o = offscreen_open(1280, 720, NULL);
    render_resize(o.r, 1280, 720, 1.0f);
    UiState *ui = calloc(1, sizeof *ui);
    ui_state_init(ui);
    ui->screen = UI_SCREEN_GAME;
    ui->true_figures = true;
    UiKiosk kinfo = {.reveal = -1, .reveal_seconds = 20};
    UiModel m = {.texts = texts, .lang = SCRIPT_LANG_EN, .game = g, .map = map, .map_view = view, .speed = 1,
                 .historical = true, .ui_scale_percent = 100, .kiosk = true, .card_seconds_left = -1,
                 .standing = -1, .kiosk_info = &kinfo, .now_ms = 1000};
    UiInput in = {0};
    UiActions out;
    ui_frame(ui, o.r, &m, &in, &out); /* the map fitted to its place */
    /* A province under its own label's centre. */
    const CoreState *s = game_state(g);
    float x = 0, y = 0;
    const char *name = NULL;
    for (int i = 0; i < render_map_label_count(view) && !name; i++) {
        const RenderMapLabel *l = render_map_label_at(view, i);
        const MapFeature *ft = &map->features[l->feature];
        x = l->box.x + l->box.w / 2;
        y = l->box.y + l->box.h / 2;
        if (ft->kind == MAP_KIND_PROVINCE && !l->leader && render_map_pick(view, x, y) == l->feature &&
            core_province_find(s, ft->id) >= 0)
            name = ft->id;
    }
    assert_non_null(name);
    char key[64], prefix[96];
    snprintf(key, sizeof key, "province.%s", name);
    snprintf(prefix, sizeof prefix, "%s  ", script_text(texts, SCRIPT_LANG_EN, key));
    RenderTextDraw *log = calloc(1024, sizeof *log);
    assert_non_null(log);
    struct {
        bool down;
        float dx;
        int want;
        const char *what;
    } frames[] = {{true, 0, 1, "finger down"}, {false, 0, 0, "finger lifted"}, {false, 3, 0, "pointer moved"}};
    for (size_t f = 0; f < sizeof frames / sizeof frames[0]; f++) {
        in = (UiInput){.mouse_x = x + frames[f].dx, .mouse_y = y, .mouse_down = frames[f].down,
                       .mouse_in_window = true};
        render_text_log(o.r, log, 1024);
        ui_frame(ui, o.r, &m, &in, &out);
        int n = render_text_log_count(o.r);
        render_text_log(o.r, NULL, 0);
        int got = drawn_starting(log, n < 1024 ? n : 1024, prefix);
        print_message("%s over %s: %d label(s) \"%s...\"\n", frames[f].what, name, got, prefix);
        assert_int_equal(got, frames[f].want);
    }
    free(log);
    free(ui);
    offscreen_close(&o);
    script_host_destroy(texts);
    game_destroy(g);
    render_map_destroy(view);
    map_destroy(map);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_finger_label_only_under_a_finger)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
