/* The one-shot alarm (engine/platform/plat_alarm.c): armed, it rings once,
 * on the thread that made it, not before its time; disarmed in time it
 * never rings; another thread cannot arm it; a thread that blocked every
 * real-time signal still hears its own; a read it interrupts is not cut
 * short (SA_RESTART). */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "platform.h"

typedef struct Ring {
    volatile int count;
    volatile pthread_t thread;
} Ring;

static void on_ring(void *arg)
{
    Ring *r = arg;
    r->thread = pthread_self();
    r->count++;
}

/* Spins (no system call to interrupt) until the alarm rang or ms passed. */
static void spin(const Ring *r, double ms)
{
    double until = plat_now_ms() + ms;
    while (r->count == 0 && plat_now_ms() < until)
        ;
}

static void test_alarm_rings_once_on_its_thread(void **state)
{
    (void)state;
    Ring r = {0};
    PlatAlarm *a = plat_alarm_create(on_ring, &r);
    assert_non_null(a);
    double start = plat_now_ms();
    assert_true(plat_alarm_arm(a, 5));
    spin(&r, 2000);
    double took = plat_now_ms() - start;
    assert_int_equal(r.count, 1);
    assert_true(pthread_equal(r.thread, pthread_self()));
    assert_true(took >= 4.5);
    spin(&r, 20); /* one-shot: no second ring */
    assert_int_equal(r.count, 1);
    plat_alarm_destroy(a);
}

static void test_alarm_disarmed_never_rings(void **state)
{
    (void)state;
    Ring r = {0};
    PlatAlarm *a = plat_alarm_create(on_ring, &r);
    assert_non_null(a);
    assert_true(plat_alarm_arm(a, 30));
    assert_true(plat_alarm_arm(a, 0));
    double until = plat_now_ms() + 80;
    while (plat_now_ms() < until)
        ;
    assert_int_equal(r.count, 0);
    plat_alarm_destroy(a);
}

static void *arm_from_other_thread(void *arg)
{
    return (void *)(intptr_t)plat_alarm_arm(arg, 5);
}

static void test_alarm_only_its_thread_arms_it(void **state)
{
    (void)state;
    Ring r = {0};
    PlatAlarm *a = plat_alarm_create(on_ring, &r);
    assert_non_null(a);
    pthread_t t;
    void *armed = NULL;
    assert_int_equal(pthread_create(&t, NULL, arm_from_other_thread, a), 0);
    assert_int_equal(pthread_join(t, &armed), 0);
    assert_null(armed);
    spin(&r, 50);
    assert_int_equal(r.count, 0);
    plat_alarm_destroy(a);
}

/* In a thread that blocks every real-time signal, as some libraries'
 * threads block many: the alarm it makes still rings there. */
static void *ring_in_blocking_thread(void *arg)
{
    Ring *r = arg;
    sigset_t mask;
    sigemptyset(&mask);
    for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
        sigaddset(&mask, sig);
    pthread_sigmask(SIG_BLOCK, &mask, NULL);
    PlatAlarm *a = plat_alarm_create(on_ring, r);
    if (a && plat_alarm_arm(a, 5))
        spin(r, 2000);
    plat_alarm_destroy(a);
    return NULL;
}

static void test_alarm_rings_where_signals_were_blocked(void **state)
{
    (void)state;
    Ring r = {0};
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, ring_in_blocking_thread, &r), 0);
    assert_int_equal(pthread_join(t, NULL), 0);
    assert_int_equal(r.count, 1);
    assert_true(pthread_equal(r.thread, t));
}

static void test_alarm_does_not_cut_a_read_short(void **state)
{
    (void)state;
    Ring r = {0};
    PlatAlarm *a = plat_alarm_create(on_ring, &r);
    assert_non_null(a);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) { /* writes after the alarm has rung in the parent's read */
        struct timespec wait = {0, 60 * 1000 * 1000};
        nanosleep(&wait, NULL);
        _exit(write(fds[1], "x", 1) == 1 ? 0 : 1);
    }
    assert_true(plat_alarm_arm(a, 10));
    char c = 0;
    ssize_t n = read(fds[0], &c, 1);
    assert_int_equal(r.count, 1);
    assert_int_equal(n, 1);
    assert_int_equal(c, 'x');
    close(fds[0]);
    close(fds[1]);
    plat_alarm_destroy(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_alarm_rings_once_on_its_thread),
        cmocka_unit_test(test_alarm_disarmed_never_rings),
        cmocka_unit_test(test_alarm_only_its_thread_arms_it),
        cmocka_unit_test(test_alarm_rings_where_signals_were_blocked),
        cmocka_unit_test(test_alarm_does_not_cut_a_read_short),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
