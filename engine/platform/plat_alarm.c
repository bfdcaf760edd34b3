/* plat_alarm.c — a one-shot alarm on the calling thread: a POSIX timer
 * whose signal goes to the thread that made it (Linux's SIGEV_THREAD_ID),
 * so that its handler runs on that thread, between two of its
 * instructions, as a signal handler does. The script host uses it to start
 * counting a call's instructions only once the call has run long
 * (script_budget.c, "Lazy budget"). */
#define _GNU_SOURCE /* SIGEV_THREAD_ID, gettid */
#include "platform.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

struct PlatAlarm {
    timer_t timer;
    pid_t thread;         /* the thread it rings on, and the only one that may arm it */
    void (*fn)(void *);
    void *arg;
};

static int alarm_signal(void) { return SIGRTMIN + 4; }

/* The calling thread's id, asked of the kernel once per thread. */
static pid_t this_thread(void)
{
    static _Thread_local pid_t id;
    if (id == 0)
        id = (pid_t)syscall(SYS_gettid);
    return id;
}

static void on_signal(int sig, siginfo_t *info, void *context)
{
    (void)sig;
    (void)context;
    PlatAlarm *a = info && info->si_code == SI_TIMER ? info->si_value.sival_ptr : NULL;
    if (a && a->fn)
        a->fn(a->arg);
}

/* The handler, installed once for the process; SA_RESTART so that a ring
 * during a read or a write does not make it fail with EINTR. */
static bool install_handler(void)
{
    static int installed; /* 0 not yet, 1 done, -1 failed */
    if (installed == 0) {
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_sigaction = on_signal;
        sa.sa_flags = SA_SIGINFO | SA_RESTART;
        sigemptyset(&sa.sa_mask);
        installed = sigaction(alarm_signal(), &sa, NULL) == 0 ? 1 : -1;
    }
    return installed == 1;
}

PlatAlarm *plat_alarm_create(void (*fn)(void *), void *arg)
{
    if (alarm_signal() > SIGRTMAX || !install_handler())
        return NULL;
    PlatAlarm *a = calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->fn = fn;
    a->arg = arg;
    a->thread = this_thread();
    /* A thread that blocked the signal (as some libraries' threads block
     * many) would never hear the alarm. */
    sigset_t mask;
    sigemptyset(&mask);
    sigaddset(&mask, alarm_signal());
    pthread_sigmask(SIG_UNBLOCK, &mask, NULL);
    struct sigevent ev;
    memset(&ev, 0, sizeof ev);
    ev.sigev_notify = SIGEV_THREAD_ID;
    ev.sigev_signo = alarm_signal();
    ev.sigev_value.sival_ptr = a;
    ev._sigev_un._tid = a->thread;
    if (timer_create(CLOCK_MONOTONIC, &ev, &a->timer) != 0) {
        free(a);
        return NULL;
    }
    return a;
}

bool plat_alarm_arm(PlatAlarm *a, double ms)
{
    if (!a || this_thread() != a->thread)
        return false;
    struct itimerspec when;
    memset(&when, 0, sizeof when);
    if (ms > 0) {
        long long ns = (long long)(ms * 1e6);
        when.it_value.tv_sec = (time_t)(ns / 1000000000);
        when.it_value.tv_nsec = (long)(ns % 1000000000);
    }
    return timer_settime(a->timer, 0, &when, NULL) == 0;
}

void plat_alarm_destroy(PlatAlarm *a)
{
    if (!a)
        return;
    timer_delete(a->timer);
    free(a);
}
