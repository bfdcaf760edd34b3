/* core_error.c — last-error message and the injected log sink.
 * The core never prints: the app installs a sink (core_log_set_sink). */
#include "core.h"

#include <stdarg.h>
#include <stdio.h>

static _Thread_local char last_error[512];
static CoreLogSink log_sink;
static void *log_user;

const char *core_error_get(void) { return last_error; }

bool core_error_set(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
    return false;
}

void core_log_set_sink(CoreLogSink sink, void *user)
{
    log_sink = sink;
    log_user = user;
}

void core_log(CoreLogLevel level, const char *fmt, ...)
{
    if (!log_sink)
        return;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    log_sink(level, msg, log_user);
}
