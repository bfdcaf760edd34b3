/* app_kiosk_report.c — `greatleap --kiosk-report LOGDIR`: what a museum's
 * curator wants from the kiosk's logs (kiosk.log and its rotated copies),
 * as a CSV of sessions and a one-page summary: sessions per day, how many
 * reached the ending, the time spent, the choices made and their share.
 * Nothing in the log names or describes a visitor, and the report keeps
 * only dates, durations, screens reached and the options chosen. App layer:
 * reads files, writes files, no SDL. */
#define _POSIX_C_SOURCE 200809L
#include "app.h"
#include "platform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_DAYS 400
#define MAX_CHOICES 64
#define MAX_LOG_FILES 32

typedef struct Session {
    char date[16];             /* YYYY-MM-DD, the kiosk's local date */
    char start[8];             /* HH:MM */
    double begun_s, last_s;    /* seconds since the epoch, from the log's stamps */
    bool completed;            /* reached the ending */
    int touched, timed_out;    /* decisions answered by touch, by nobody (timeout) */
    char lang[3];
    char choices[256];         /* "event=option;..." in the order answered */
} Session;

typedef struct Report {
    FILE *csv;
    int sessions, completed, walked_away;
    double seconds, completed_seconds;
    struct {
        char date[16];
        int sessions, completed;
    } days[MAX_DAYS];
    int day_count;
    struct {
        char event[32], option[48];
        int count;
        int touched;
    } choices[MAX_CHOICES];
    int choice_count;
    char first[32], last[32];  /* the first and last stamps read */
    long lines, skipped;
} Report;

/* "2026-12-05T01:14:31.294+00:00 INFO message": the stamp as seconds since
 * the epoch (the offset applied), the local date and time, and the message. */
static bool parse_line(const char *line, double *t, char date[16], char hm[8], const char **msg)
{
    int Y, M, D, h, m, s, ms, oh, om;
    char sign;
    if (strlen(line) < 31 || sscanf(line, "%4d-%2d-%2dT%2d:%2d:%2d.%3d%c%2d:%2d", &Y, &M, &D, &h, &m, &s, &ms, &sign,
                                    &oh, &om) != 10 ||
        (sign != '+' && sign != '-'))
        return false;
    const char *sp = strchr(line + 29, ' ');
    if (!sp)
        return false;
    const char *rest = strchr(sp + 1, ' '); /* after the level */
    if (!rest)
        return false;
    *msg = rest + 1;
    /* Days from the civil date (Howard Hinnant's algorithm), no time zone. */
    int y = Y - (M <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400, mp = (M + 9) % 12;
    int doy = (153 * mp + 2) / 5 + D - 1, doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    double days = (double)era * 146097 + doe - 719468;
    double offset = (oh * 3600 + om * 60) * (sign == '-' ? -1 : 1);
    *t = days * 86400 + h * 3600 + m * 60 + s + ms / 1000.0 - offset;
    snprintf(date, 16, "%04u-%02u-%02u", (unsigned)Y % 10000u, (unsigned)M % 100u, (unsigned)D % 100u);
    snprintf(hm, 8, "%02u:%02u", (unsigned)h % 100u, (unsigned)m % 100u);
    return true;
}

static void count_day(Report *r, const Session *s)
{
    int i = 0;
    while (i < r->day_count && strcmp(r->days[i].date, s->date) != 0)
        i++;
    if (i == r->day_count) {
        if (r->day_count == MAX_DAYS)
            return;
        snprintf(r->days[r->day_count++].date, sizeof r->days[0].date, "%s", s->date);
    }
    r->days[i].sessions++;
    r->days[i].completed += s->completed;
}

static void count_choice(Report *r, const char *event, const char *option, bool touched)
{
    int i = 0;
    while (i < r->choice_count && (strcmp(r->choices[i].event, event) || strcmp(r->choices[i].option, option)))
        i++;
    if (i == r->choice_count) {
        if (r->choice_count == MAX_CHOICES)
            return;
        snprintf(r->choices[i].event, sizeof r->choices[i].event, "%s", event);
        snprintf(r->choices[i].option, sizeof r->choices[i].option, "%s", option);
        r->choice_count++;
    }
    r->choices[i].count++;
    r->choices[i].touched += touched;
}

/* A session ends: one CSV row, and into the totals. */
static void end_session(Report *r, Session *s)
{
    double secs = s->last_s - s->begun_s;
    if (secs < 0)
        secs = 0;
    r->sessions++;
    r->completed += s->completed;
    r->walked_away += !s->completed;
    r->seconds += secs;
    if (s->completed)
        r->completed_seconds += secs;
    count_day(r, s);
    fprintf(r->csv, "%d,%s,%s,%.0f,%s,%d,%d,%s,%s\n", r->sessions, s->date, s->start, secs,
            s->completed ? "yes" : "no", s->touched, s->timed_out, s->lang, s->choices);
}

/* One log file, line by line; `open` carries a session across files. */
static void read_log(Report *r, FILE *f, Session *s, bool *open, char *lang, char *first_lang)
{
    char line[1024];
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        r->lines++;
        double t;
        char date[16], hm[8];
        const char *msg;
        if (!parse_line(line, &t, date, hm, &msg)) {
            r->skipped++;
            continue;
        }
        if (!r->first[0])
            snprintf(r->first, sizeof r->first, "%.19s", line);
        snprintf(r->last, sizeof r->last, "%.19s", line);
        char ev[32], opt[48], how[16];
        if (strncmp(msg, "started:", 8) == 0 || strncmp(msg, "leaving:", 8) == 0) {
            if (*open) /* the kiosk stopped mid-session */
                end_session(r, s);
            *open = false;
            snprintf(lang, 3, "%s", "");
        } else if (strncmp(msg, "visitors start in ", 18) == 0) {
            snprintf(first_lang, 3, "%.2s", msg + 18);
            snprintf(lang, 3, "%s", first_lang);
        } else if (strncmp(msg, "screen intro", 12) == 0 && !*open) {
            memset(s, 0, sizeof *s);
            snprintf(s->date, sizeof s->date, "%s", date);
            snprintf(s->start, sizeof s->start, "%s", hm);
            snprintf(s->lang, sizeof s->lang, "%s", lang);
            s->begun_s = s->last_s = t;
            *open = true;
        } else if (strncmp(msg, "language ", 9) == 0) {
            snprintf(lang, 3, "%.2s", msg + 9);
            if (*open)
                snprintf(s->lang, sizeof s->lang, "%s", lang);
        } else if (*open && strncmp(msg, "screen ending", 13) == 0) {
            s->completed = true;
            s->last_s = t;
        } else if (*open && strncmp(msg, "screen attract", 14) == 0) {
            if (!s->completed) /* walked away: the idle time is not time spent */
                s->last_s = s->last_s > s->begun_s ? s->last_s : t;
            else
                s->last_s = t;
            end_session(r, s);
            *open = false;
            snprintf(lang, 3, "%s", first_lang); /* the next visitor starts in the kiosk's language */
        } else if (*open && sscanf(msg, "chose %31s %47s (%15[a-z])", ev, opt, how) == 3) {
            bool touched = strcmp(how, "touch") == 0;
            s->touched += touched;
            s->timed_out += !touched;
            s->last_s = t;
            size_t n = strlen(s->choices);
            snprintf(s->choices + n, sizeof s->choices - n, "%s%s=%s", n ? ";" : "", ev, opt);
            count_choice(r, ev, opt, touched);
        } else if (*open && (strncmp(msg, "reveal over", 11) == 0 || strncmp(msg, "card ", 5) == 0)) {
            s->last_s = t; /* the visitor was still there */
        }
    }
}

static void print_summary(FILE *o, const Report *r, const char *dir)
{
    fprintf(o, "Great Leap kiosk: report on %s\n", dir);
    fprintf(o, "Log from %s to %s (%ld lines", r->first[0] ? r->first : "-", r->last[0] ? r->last : "-", r->lines);
    if (r->skipped)
        fprintf(o, ", %ld not read", r->skipped);
    fprintf(o, ")\nNo personal data: the log holds screens, times and the options chosen, never who chose them.\n\n");
    fprintf(o, "Sessions: %d\n", r->sessions);
    if (r->sessions) {
        fprintf(o, "Reached the ending: %d (%.0f %%)\n", r->completed, 100.0 * r->completed / r->sessions);
        fprintf(o, "Left before the ending: %d\n", r->walked_away);
        fprintf(o, "Time spent: %.1f minutes a session on average", r->seconds / r->sessions / 60);
        if (r->completed)
            fprintf(o, "; %.1f minutes for those who reached the ending", r->completed_seconds / r->completed / 60);
        fprintf(o, "\n");
    }
    fprintf(o, "\nSessions per day\n  date         sessions  reached the ending\n");
    for (int i = 0; i < r->day_count; i++)
        fprintf(o, "  %s  %8d  %8d\n", r->days[i].date, r->days[i].sessions, r->days[i].completed);
    fprintf(o, "\nChoices made (share of the answers to that decision; 'by touch' excludes timeouts)\n");
    for (int i = 0; i < r->choice_count; i++) {
        int total = 0;
        for (int j = 0; j < r->choice_count; j++)
            if (strcmp(r->choices[j].event, r->choices[i].event) == 0)
                total += r->choices[j].count;
        bool first = true;
        for (int j = 0; j < i; j++)
            first &= strcmp(r->choices[j].event, r->choices[i].event) != 0;
        if (first)
            fprintf(o, "  %s (%d answers)\n", r->choices[i].event, total);
        fprintf(o, "    %-34s %6d  %5.1f %%  (%d by touch)\n", r->choices[i].option, r->choices[i].count,
                100.0 * r->choices[i].count / (total ? total : 1), r->choices[i].touched);
    }
}

int app_kiosk_report_run(const AppOptions *o)
{
    const char *dir = o->kiosk_report_dir;
    const char *out = o->out_dir ? o->out_dir : ".";
    if (o->out_dir && !plat_mkdir_p(out)) {
        fprintf(stderr, "greatleap: --kiosk-report: cannot create %s\n", out);
        return 1;
    }
    Report *r = calloc(1, sizeof *r);
    if (!r)
        return 1;
    char csv_path[PLAT_PATH_MAX], txt_path[PLAT_PATH_MAX];
    if (!plat_path_join(csv_path, sizeof csv_path, out, "kiosk-sessions.csv") ||
        !plat_path_join(txt_path, sizeof txt_path, out, "kiosk-summary.txt") || !(r->csv = fopen(csv_path, "w"))) {
        fprintf(stderr, "greatleap: --kiosk-report: cannot write %s\n", csv_path);
        free(r);
        return 1;
    }
    fprintf(r->csv, "session,date,start,seconds,reached_ending,answered_by_touch,timed_out,language,choices\n");
    /* Oldest first: kiosk.log.N ... kiosk.log.1, then kiosk.log. */
    Session s;
    bool open = false;
    char lang[3] = "", first_lang[3] = "";
    int files = 0;
    for (int i = MAX_LOG_FILES; i >= 0; i--) {
        char name[32], path[PLAT_PATH_MAX];
        snprintf(name, sizeof name, i ? "kiosk.log.%d" : "kiosk.log", i);
        if (!plat_path_join(path, sizeof path, dir, name))
            continue;
        FILE *f = fopen(path, "r");
        if (!f)
            continue;
        files++;
        read_log(r, f, &s, &open, lang, first_lang);
        fclose(f);
    }
    if (open) /* a session under way when the log was read */
        end_session(r, &s);
    bool ok = fclose(r->csv) == 0;
    if (files == 0) {
        fprintf(stderr, "greatleap: --kiosk-report: no kiosk.log in %s (the kiosk writes it to "
                        "$XDG_STATE_HOME/greatleap, see docs/kiosk.md)\n", dir);
        remove(csv_path);
        free(r);
        return 1;
    }
    FILE *t = fopen(txt_path, "w");
    if (t) {
        print_summary(t, r, dir);
        ok &= fclose(t) == 0;
    }
    if (!t || !ok) {
        fprintf(stderr, "greatleap: --kiosk-report: cannot write %s\n", txt_path);
        free(r);
        return 1;
    }
    if (!o->quiet) {
        print_summary(stdout, r, dir);
        printf("\nwrote %s and %s (%d log files)\n", csv_path, txt_path, files);
    }
    free(r);
    return 0;
}
