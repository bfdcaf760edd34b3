/* Every province keeps its name and its value on the map (issue 12): the
 * game screen drawn offscreen in every map mode, in both languages, at four
 * window sizes from 1280x720 up, with the month's notices showing; each
 * province's label is placed with its value, at a readable size, inside the
 * map, on no other label and under nothing that floats over the map (the
 * legend, the notices). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <math.h>
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

static bool overlap(RenderRect a, RenderRect b)
{
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static bool inside(RenderRect a, RenderRect in)
{
    return a.x >= in.x && a.y >= in.y && a.x + a.w <= in.x + in.w && a.y + a.h <= in.y + in.h;
}

/* The smallest label a reader should have to read: 10 logical px. */
#define MIN_LABEL_PX 10.0f

static int check_frame(const Map *map, RenderMap *view, const UiState *ui, const char *what)
{
    int problems = 0, provinces = 0;
    for (int f = 0; f < map->feature_count; f++)
        provinces += map->features[f].kind == MAP_KIND_PROVINCE;
    int labelled = 0;
    for (int i = 0; i < render_map_label_count(view); i++) {
        const RenderMapLabel *l = render_map_label_at(view, i);
        const MapFeature *ft = &map->features[l->feature];
        if (ft->kind != MAP_KIND_PROVINCE)
            continue;
        labelled++;
        if (!l->with_value) {
            print_error("%s: %s has no value\n", what, ft->id);
            problems++;
        }
        if (l->size < MIN_LABEL_PX) {
            print_error("%s: %s's label is %.1f px\n", what, ft->id, l->size);
            problems++;
        }
        if (!inside(l->box, ui->map_area)) {
            print_error("%s: %s's label leaves the map\n", what, ft->id);
            problems++;
        }
        for (int k = 0; k < ui->map_obstacle_count; k++)
            if (overlap(l->box, ui->map_obstacles[k])) {
                print_error("%s: %s's label is under something over the map (%.0f,%.0f %.0fx%.0f)\n", what, ft->id,
                            ui->map_obstacles[k].x, ui->map_obstacles[k].y, ui->map_obstacles[k].w,
                            ui->map_obstacles[k].h);
                problems++;
            }
        for (int j = 0; j < i; j++) {
            const RenderMapLabel *o = render_map_label_at(view, j);
            if (overlap(l->box, o->box)) {
                print_error("%s: %s's label collides with %s's\n", what, ft->id, map->features[o->feature].id);
                problems++;
            }
        }
    }
    if (labelled != provinces) {
        print_error("%s: %d of %d provinces labelled\n", what, labelled, provinces);
        problems++;
    }
    return problems;
}

static void test_every_province_keeps_its_name_and_value(void **state)
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
    static const int sizes[][2] = {{1280, 720}, {1920, 1080}, {2560, 1600}, {3840, 2160}};
    int problems = 0, frames = 0;
    for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
        Offscreen o = offscreen_open(sizes[z][0], sizes[z][1], NULL);
        render_resize(o.r, sizes[z][0], sizes[z][1], 1.0f);
        for (int lang = 0; lang < SCRIPT_LANG_COUNT; lang++)
            for (int mode = 0; mode < UI_MODE_COUNT; mode++) {
                UiState *ui = calloc(1, sizeof *ui);
                ui_state_init(ui);
                ui->screen = UI_SCREEN_GAME;
                ui->mode = (UiMapMode)mode;
                /* A month's notices, as a game shows them. */
                const CoreState *s = game_state(g);
                int some[3] = {core_province_find(s, "henan"), core_province_find(s, "anhui"),
                               core_province_find(s, "sichuan")};
                ui_notify_policy(ui, "communes", true, false);
                ui_notify_decision(ui, "locusts", "fight_them_by_hand", UI_DECIDED_BY_HISTORY, some, 3);
                ui_notify_key(ui, "ui.saved", NULL);
                UiModel m = {.texts = texts, .lang = (ScriptLang)lang, .game = g, .map = map, .map_view = view,
                             .paused = true, .speed = 2, .historical = true, .ui_scale_percent = 100,
                             .card_seconds_left = -1, .standing = -1};
                UiInput in = {0};
                UiActions out;
                render_map_fit(view);
                ui_frame(ui, o.r, &m, &in, &out);
                char what[96];
                snprintf(what, sizeof what, "%dx%d %s %s", sizes[z][0], sizes[z][1], lang ? "zh" : "en",
                         ui_mode_info((UiMapMode)mode)->id);
                problems += check_frame(map, view, ui, what);
                frames++;
                free(ui);
            }
        offscreen_close(&o);
    }
    print_message("%d frames, %d problems\n", frames, problems);
    assert_int_equal(problems, 0);
    script_host_destroy(texts);
    game_destroy(g);
    render_map_destroy(view);
    map_destroy(map);
}

/* The first map a new game shows (reported harvest per person, January
 * 1958) has colours that differ from province to province: its values
 * spread over more than a quarter of the mode's scale. (The death rate's,
 * the mode the game used to open on, spread over a sixth: a nearly flat green.) */
static void test_the_first_map_mode_differs_between_provinces(void **state)
{
    (void)state;
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .chooser = GAME_CHOOSE_PLAYER, .follow_history = true};
    char err[1024];
    Game *g = game_create(&d, err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    const CoreState *s = game_state(g);
    double spread[2];
    UiMapMode modes[2] = {UI_MODE_REPORTED_HARVEST, UI_MODE_DEATH_RATE};
    for (int k = 0; k < 2; k++) {
        double lo = 1e300, hi = -1e300;
        for (int p = 0; p < s->province_count; p++) {
            double v = ui_mode_value(s, p, modes[k], false);
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
        }
        const UiModeInfo *mi = ui_mode_info(modes[k]);
        spread[k] = (hi - lo) / (mi->hi - mi->lo);
    }
    print_message("spread over the scale: reported harvest %.2f, death rate %.2f\n", spread[0], spread[1]);
    assert_true(spread[0] > 0.25);
    assert_true(spread[1] < spread[0]);
    game_destroy(g);
}

/* 1958's claims show on the map as they are made (issue 12): the report
 * gap is nil in January 1958 and large by November, after the autumn's
 * "satellite" claims; the twelve months before the start are 1957's record,
 * whole. */
static void test_1958_claims_show_as_they_are_made(void **state)
{
    (void)state;
    GameDesc d = {.data_dir = GL_TEST_DATA_DIR, .seed = 1, .chooser = GAME_CHOOSE_HISTORY};
    char err[1024];
    Game *g = game_create(&d, err, sizeof err);
    if (!g)
        fail_msg("%s", err);
    const CoreState *s = game_state(g);
    for (int p = 0; p < s->province_count; p++) {
        assert_true(fabs(ui_harvest_before_start_kg(s, p, 12) - (double)s->info[p].grain_1957_kg) < 1.0);
        assert_true(fabs(ui_mode_value(s, p, UI_MODE_REPORT_GAP, false)) < 1e-9);
    }
    assert_true(game_run_until(g, 1958, 10, err, sizeof err));
    int claimed = 0;
    for (int p = 0; p < s->province_count; p++)
        claimed += ui_mode_value(s, p, UI_MODE_REPORT_GAP, false) > 20.0;
    print_message("November 1958: %d of %d provinces report 20%% or more above their harvest\n", claimed,
                  s->province_count);
    assert_true(claimed > s->province_count / 2);
    game_destroy(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_every_province_keeps_its_name_and_value),
                                       cmocka_unit_test(test_the_first_map_mode_differs_between_provinces),
                                       cmocka_unit_test(test_1958_claims_show_as_they_are_made)};
    return cmocka_run_group_tests_name("map_labels", tests, NULL, NULL);
}
