/* stamp — runs a program with GLB_T0_NS set to CLOCK_MONOTONIC (ns) taken
 * just before exec, the start that bench/firstframe/firstframe.c counts from.
 * Usage: stamp PROGRAM [ARG]... */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: stamp PROGRAM [ARG]...\n");
        return 2;
    }
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    char t0[32];
    snprintf(t0, sizeof t0, "%llu", (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec);
    setenv("GLB_T0_NS", t0, 1);
    execvp(argv[1], argv + 1);
    perror(argv[1]);
    return 127;
}
