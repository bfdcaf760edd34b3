/* app_ini.h — the "key = value" files the program reads (settings.ini,
 * kiosk.ini): one reader, so both count lines and trim alike. */
#ifndef APP_INI_H
#define APP_INI_H

#include <stdbool.h>

/* The next "key = value" line of `*cursor` (text changed in place). Blank
 * lines and lines starting with '#' are skipped; *line counts every line.
 * A line without '=' gives *key = NULL. False at the end of the text. */
bool app_ini_next(char **cursor, int *line, char **key, char **val);

#endif
