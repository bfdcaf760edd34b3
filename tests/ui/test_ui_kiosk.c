/* A museum visitor can reach nothing that saves, loads, changes the
 * settings or leaves the game: ui_frame closes such an overlay in a kiosk,
 * whatever path opened it, and the app refuses such an action. (The soak
 * found one path: a sources page with its filter cleared, closed on the
 * game screen, led back to the pause menu, and from there to the settings
 * and Quit.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>

#include "../support/offscreen.h"
#include "script.h"
#include "ui.h"

static const UiOverlay forbidden_overlays[] = {UI_OVERLAY_POLICIES, UI_OVERLAY_MENU,         UI_OVERLAY_SETTINGS,
                                               UI_OVERLAY_SAVE,     UI_OVERLAY_LOAD,         UI_OVERLAY_CONFIRM_QUIT,
                                               UI_OVERLAY_CONFIRM_TITLE};
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static void test_kiosk_rules(void **state)
{
    (void)state;
    for (size_t i = 0; i < COUNT(forbidden_overlays); i++)
        assert_false(ui_kiosk_allows_overlay(forbidden_overlays[i]));
    assert_true(ui_kiosk_allows_overlay(UI_OVERLAY_NONE));
    assert_true(ui_kiosk_allows_overlay(UI_OVERLAY_SOURCES));
    assert_true(ui_kiosk_allows_overlay(UI_OVERLAY_LEDGER));
    assert_true(ui_kiosk_allows_overlay(UI_OVERLAY_PIN));
    static const UiActionKind refused[] = {UI_ACT_QUIT,           UI_ACT_QUIT_TO_TITLE, UI_ACT_SAVE,
                                           UI_ACT_LOAD,           UI_ACT_SET_FULLSCREEN, UI_ACT_SET_UI_SCALE,
                                           UI_ACT_SET_SPEED,      UI_ACT_POLICY,        UI_ACT_TOGGLE_PAUSE,
                                           UI_ACT_CONSOLE,        UI_ACT_RELOAD_SCRIPTS, UI_ACT_SCREENSHOT};
    for (size_t i = 0; i < COUNT(refused); i++)
        assert_false(ui_kiosk_allows_action(refused[i]));
    static const UiActionKind allowed[] = {UI_ACT_KIOSK_BEGIN, UI_ACT_NEW_GAME,    UI_ACT_CHOOSE,
                                           UI_ACT_RECKONING,   UI_ACT_SET_LANGUAGE, UI_ACT_KIOSK_FINISH,
                                           UI_ACT_PIN};
    for (size_t i = 0; i < COUNT(allowed); i++)
        assert_true(ui_kiosk_allows_action(allowed[i]));
}

/* One frame of the intro screen with `overlay` open; returns the overlay
 * after the frame. */
static UiOverlay frame_with(RenderCtx *r, ScriptHost *texts, bool kiosk, UiOverlay overlay)
{
    UiState ui;
    ui_state_init(&ui);
    ui.screen = UI_SCREEN_INTRO;
    ui.intro_historical = true;
    ui.overlay = overlay;
    UiModel m = {.texts = texts, .lang = SCRIPT_LANG_EN, .speed = 1, .ui_scale_percent = 100, .kiosk = kiosk,
                 .card_seconds_left = -1};
    UiInput in = {0};
    UiActions out = {0};
    ui_frame(&ui, r, &m, &in, &out);
    return ui.overlay;
}

static void test_kiosk_frame_closes_forbidden_overlays(void **state)
{
    (void)state;
    Offscreen o = offscreen_open(1280, 720, NULL);
    RenderCtx *r = o.r;
    ScriptHost *texts = script_host_create(&(ScriptHostDesc){0});
    assert_true(script_host_load_mod(texts, GL_TEST_DATA_DIR "/scripts", "scripts"));
    for (size_t i = 0; i < COUNT(forbidden_overlays); i++) {
        /* On a desktop the overlay stays open (the policy board closes
         * itself without a game); in a kiosk it is closed. */
        if (forbidden_overlays[i] != UI_OVERLAY_POLICIES)
            assert_int_equal(frame_with(r, texts, false, forbidden_overlays[i]), forbidden_overlays[i]);
        assert_int_equal(frame_with(r, texts, true, forbidden_overlays[i]), UI_OVERLAY_NONE);
    }
    assert_int_equal(frame_with(r, texts, true, UI_OVERLAY_SOURCES), UI_OVERLAY_SOURCES);
    script_host_destroy(texts);
    offscreen_close(&o);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_kiosk_rules),
                                       cmocka_unit_test(test_kiosk_frame_closes_forbidden_overlays)};
    return cmocka_run_group_tests_name("ui_kiosk", tests, NULL, NULL);
}
