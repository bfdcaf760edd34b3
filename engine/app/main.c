/* main.c — the program's entry point: parse the options, add the player's
 * installed mods where they apply, then run the mode the options select.
 * Only this file exits. */
#include "app.h"
#include "app_internal.h"

#include "platform.h"

#include <stdio.h>

/* The modes that play the game load the player's installed mods; the tools
 * for modders and the test runner load only what the command line names,
 * so their results do not depend on the machine. */
static bool plays(AppMode mode)
{
    return mode == APP_MODE_GAME || mode == APP_MODE_HEADLESS || mode == APP_MODE_SCREENSHOT ||
           mode == APP_MODE_BENCH;
}

int main(int argc, char **argv)
{
    double start = plat_now_ms();
    AppOptions opt;
    char err[512];
    if (!app_cli_parse(argc, argv, &opt, err, sizeof err)) {
        fprintf(stderr, "greatleap: %s\n", err);
        return 2;
    }
    opt.start_ms = start;
    core_log_set_sink(app_log_core, NULL); /* the core never prints; its warnings must not vanish */
    /* The Mods screen's choices: which installed mods load, in what order. */
    static AppSettings chosen;
    app_settings_defaults(&chosen);
    if (plays(opt.mode)) {
        char ignored[1024];
        app_settings_load(&chosen, ignored, sizeof ignored); /* the game reports bad lines when it starts */
    }
    if (plays(opt.mode) && !opt.no_user_mods) {
        char warn[512] = "";
        app_mods_add_user_except(&opt, chosen.mods_disabled, warn, sizeof warn);
        if (warn[0])
            fprintf(stderr, "greatleap: %s\n", warn);
    }
    app_mods_sort_preferring(&opt, chosen.mods_order);
    if (plays(opt.mode)) {
        int removed = app_saves_clean();
        if (removed && !opt.quiet)
            fprintf(stderr, "greatleap: removed %d temporary file(s) an interrupted save left behind\n", removed);
    }
    switch (opt.mode) {
    case APP_MODE_HELP: app_cli_print_help(); return 0;
    case APP_MODE_VERSION: app_cli_print_version(); return 0;
    case APP_MODE_HEADLESS: return app_headless_run(&opt, argv[0]);
    case APP_MODE_TESTS: return app_tests_run(&opt, argv[0]);
    case APP_MODE_CHECK_MODS: return app_check_mods_run(&opt, argv[0]);
    case APP_MODE_TEST_MODS: return app_test_mods_run(&opt, argv[0]);
    case APP_MODE_API_DUMP: return app_api_dump_run(&opt, argv[0]);
    case APP_MODE_KIOSK_REPORT: return app_kiosk_report_run(&opt);
    case APP_MODE_GAME:
    case APP_MODE_SCREENSHOT:
    case APP_MODE_BENCH: return app_game_run(&opt, argv[0]);
    }
    return 2;
}
