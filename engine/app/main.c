/* main.c — the program's entry point: parse the options, then run the mode
 * they select. Only this file exits. */
#include "app.h"

#include "platform.h"

#include <stdio.h>

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
    switch (opt.mode) {
    case APP_MODE_HELP: app_cli_print_help(); return 0;
    case APP_MODE_VERSION: app_cli_print_version(); return 0;
    case APP_MODE_HEADLESS: return app_headless_run(&opt, argv[0]);
    case APP_MODE_TESTS: return app_tests_run(&opt, argv[0]);
    case APP_MODE_GAME:
    case APP_MODE_SCREENSHOT:
    case APP_MODE_BENCH: return app_game_run(&opt, argv[0]);
    }
    return 2;
}
