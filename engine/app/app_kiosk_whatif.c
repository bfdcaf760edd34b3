/* app_kiosk_whatif.c — what each of a kiosk visitor's options does on its
 * own: history replayed with that one decision changed, on a few seeds,
 * against history on the same seeds (the change in excess deaths
 * 1959-1961). The campaigns are played the way a visitor's game is: the
 * game waits for every decision and the kiosk takes history's option for
 * all but the one changed, from the month the visitor would be asked it
 * (kiosk.ini's "event@YYYY-MM") and at every later time it comes back,
 * as a visitor's answer is kept for the repeats. They are computed once,
 * when the kiosk starts: a campaign at a time between frames on the real
 * clock, so that nothing waits for them; all at once on a virtual clock. */
#define _POSIX_C_SOURCE 200809L
#include "app_game.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WHATIF_SEEDS 3

typedef struct Job {
    int decision;   /* -1: history */
    int option;
    int seed;       /* 1..WHATIF_SEEDS */
} Job;

struct KioskWhatIf {
    GameDesc desc;
    UiKiosk *out;                   /* the app's: filled as campaigns finish */
    int events[UI_KIOSK_MAX_DECISIONS]; /* each decision's event index in the probe's host */
    Job jobs[WHATIF_SEEDS * (1 + UI_KIOSK_MAX_DECISIONS * UI_KIOSK_MAX_OPTIONS)];
    int job_count, next;
    double history[WHATIF_SEEDS];
    double excess[UI_KIOSK_MAX_DECISIONS][UI_KIOSK_MAX_OPTIONS][WHATIF_SEEDS];
    double started_ms;
    char error[256];
};

static int month_code(const CoreState *s) { return core_state_year(s) * 100 + core_state_month_of_year(s); }

KioskWhatIf *kiosk_whatif_create(const GameDesc *desc, const KioskConfig *k, UiKiosk *out, char *err, size_t cap)
{
    KioskWhatIf *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, cap, "out of memory");
        return NULL;
    }
    w->desc = *desc;
    w->desc.chooser = GAME_CHOOSE_PLAYER; /* as a visitor's game: every decision waits */
    w->desc.follow_history = true;
    w->desc.choices = NULL;
    w->out = out;
    w->started_ms = plat_now_ms();
    /* The decisions' options, from a game that loads the same mods. */
    Game *probe = game_create(&w->desc, err, cap);
    if (!probe) {
        free(w);
        return NULL;
    }
    ScriptHost *h = game_host(probe);
    memset(out, 0, sizeof *out);
    out->reveal = -1;
    out->seeds = WHATIF_SEEDS;
    for (int d = 0; d < k->key_event_count; d++) {
        int e = script_event_find(h, k->key_events[d]);
        const ScriptEventInfo *info = e >= 0 ? script_event_at(h, e) : NULL;
        if (!info) {
            snprintf(err, cap, "key_events: there is no event '%s' (scripts/events, or a mod's events)",
                     k->key_events[d]);
            game_destroy(probe);
            free(w);
            return NULL;
        }
        UiKioskDecision *o = &out->decisions[out->decision_count++];
        snprintf(o->event, sizeof o->event, "%s", info->id);
        o->from = k->key_event_from[d];
        o->option_count = info->option_count < UI_KIOSK_MAX_OPTIONS ? info->option_count : UI_KIOSK_MAX_OPTIONS;
        o->history_option = info->historical_option >= 0 ? info->historical_option : info->default_option;
        o->chosen = -1;
        w->events[d] = e;
    }
    game_destroy(probe);
    for (int s = 1; s <= WHATIF_SEEDS; s++)
        w->jobs[w->job_count++] = (Job){-1, -1, s};
    for (int d = 0; d < out->decision_count; d++)
        for (int o = 0; o < out->decisions[d].option_count; o++)
            if (o != out->decisions[d].history_option)
                for (int s = 1; s <= WHATIF_SEEDS; s++)
                    w->jobs[w->job_count++] = (Job){d, o, s};
    return w;
}

void kiosk_whatif_destroy(KioskWhatIf *w) { free(w); }

/* One campaign: a visitor's game in which every decision takes history's
 * option but `decision`, which takes `option` from its month on. Excess
 * deaths 1959-1961, millions. */
static bool campaign(KioskWhatIf *w, const Job *j, double *excess)
{
    GameDesc d = w->desc;
    d.seed = (uint64_t)j->seed;
    char err[256] = "";
    Game *g = game_create(&d, err, sizeof err);
    bool ok = g != NULL;
    int from = j->decision >= 0 ? w->out->decisions[j->decision].from : 0;
    int event = j->decision >= 0 ? w->events[j->decision] : -1;
    while (ok && !app_game_over(game_state(g))) {
        while (game_pending_count(g) > 0) {
            const ScriptDue *due = game_pending_at(g, 0);
            int option = game_history_option(g, due);
            if (due->event == event && due->province < 0 && month_code(game_state(g)) >= from)
                option = j->option;
            if (!game_choose(g, 0, option)) {
                snprintf(err, sizeof err, "cannot take option %d of a pending event", option);
                ok = false;
                break;
            }
        }
        ok = ok && game_advance(g, err, sizeof err);
    }
    if (ok)
        *excess = game_excess_deaths(game_state(g), 1959, 1961) / 1e6;
    else
        snprintf(w->error, sizeof w->error, "%s", err[0] ? err : "a campaign failed");
    game_destroy(g);
    return ok;
}

/* What is known so far, into the interface's struct. */
static void publish(KioskWhatIf *w)
{
    UiKiosk *out = w->out;
    bool history = w->next >= WHATIF_SEEDS;
    out->history_known = history;
    out->history_excess_m = history ? w->history[0] : NAN; /* seed 1: the visitor's */
    out->progress = w->job_count ? (double)w->next / w->job_count : 1.0;
    for (int d = 0; d < out->decision_count; d++) {
        UiKioskDecision *o = &out->decisions[d];
        /* Done once the last job of this decision is. */
        int last = -1;
        for (int i = 0; i < w->job_count; i++)
            if (w->jobs[i].decision == d)
                last = i;
        o->computed = history && w->next > last;
        if (!o->computed)
            continue;
        for (int opt = 0; opt < o->option_count; opt++) {
            double sum = 0, lo = INFINITY, hi = -INFINITY;
            for (int s = 0; s < WHATIF_SEEDS; s++) {
                double change = opt == o->history_option ? 0 : w->excess[d][opt][s] - w->history[s];
                sum += change;
                lo = fmin(lo, change);
                hi = fmax(hi, change);
            }
            o->change_m[opt] = sum / WHATIF_SEEDS;
            o->change_min_m[opt] = lo;
            o->change_max_m[opt] = hi;
        }
    }
}

bool kiosk_whatif_step(KioskWhatIf *w)
{
    if (!w || w->error[0] || w->next >= w->job_count)
        return false;
    const Job *j = &w->jobs[w->next];
    double excess;
    if (!campaign(w, j, &excess))
        return false;
    if (j->decision < 0)
        w->history[j->seed - 1] = excess;
    else
        w->excess[j->decision][j->option][j->seed - 1] = excess;
    w->next++;
    publish(w);
    return w->next < w->job_count;
}

bool kiosk_whatif_done(const KioskWhatIf *w) { return !w || w->error[0] || w->next >= w->job_count; }
const char *kiosk_whatif_error(const KioskWhatIf *w) { return w ? w->error : ""; }
int kiosk_whatif_campaigns(const KioskWhatIf *w) { return w ? w->job_count : 0; }
double kiosk_whatif_seconds(const KioskWhatIf *w) { return w ? (plat_now_ms() - w->started_ms) / 1000.0 : 0; }
