/* app_ini.c — see app_ini.h. */
#include "app_ini.h"

#include <ctype.h>
#include <string.h>

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = '\0';
    return s;
}

bool app_ini_next(char **cursor, int *line, char **key, char **val)
{
    while (*cursor && **cursor) {
        char *l = *cursor, *nl = strchr(l, '\n');
        if (nl)
            *nl = '\0';
        *cursor = nl ? nl + 1 : l + strlen(l);
        ++*line;
        char *t = trim(l);
        if (!*t || *t == '#')
            continue;
        char *eq = strchr(t, '=');
        *key = *val = NULL;
        if (eq) {
            *eq = '\0';
            *key = trim(t);
            *val = trim(eq + 1);
        }
        return true;
    }
    return false;
}
