/* app_sound.c — the interface's few sounds, synthesised when the game
 * starts (no sound files): a click for a button, a low chime when a card
 * asks for a decision, a soft tick for the month's notices, and a falling
 * tone when the Party Center is purged. SDL's own audio, one mono device;
 * silent, and never an error, when there is no audio device. The volume is
 * the player's setting (0 to 100). */
#include "app_game.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define RATE 44100

struct AppSound {
    SDL_AudioDeviceID dev;
    int16_t *clips[APP_SOUND_COUNT];
    int lengths[APP_SOUND_COUNT]; /* samples */
    int16_t *scratch;
    int scratch_len;
    int played;
};

/* A tone from f0 to f1 Hz over `ms`, with a soft attack and an
 * exponential decay, at `gain` of full scale; `partial` adds an octave
 * above at that share (a chime's brightness). */
static int16_t *tone(double f0, double f1, double ms, double gain, double partial, int *n)
{
    *n = (int)(RATE * ms / 1000.0);
    int16_t *s = malloc(sizeof *s * (size_t)*n);
    if (!s)
        return NULL;
    double phase = 0, phase2 = 0;
    for (int i = 0; i < *n; i++) {
        double t = (double)i / *n, f = f0 + (f1 - f0) * t;
        phase += 2 * 3.14159265358979323846 * f / RATE;
        phase2 += 4 * 3.14159265358979323846 * f / RATE;
        double env = fmin(1.0, i / (RATE * 0.004)) * exp(-5.0 * t);
        double v = (sin(phase) + partial * sin(phase2)) / (1 + partial);
        s[i] = (int16_t)lrint(32767.0 * gain * env * v);
    }
    return s;
}

AppSound *app_sound_open(bool wanted)
{
    if (!wanted || SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
        return NULL;
    SDL_AudioSpec want = {0}, have;
    want.freq = RATE;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    SDL_AudioDeviceID dev = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
    if (dev == 0) { /* no device: silent */
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return NULL;
    }
    AppSound *snd = calloc(1, sizeof *snd);
    if (!snd) {
        SDL_CloseAudioDevice(dev);
        SDL_QuitSubSystem(SDL_INIT_AUDIO);
        return NULL;
    }
    snd->dev = dev;
    snd->clips[APP_SOUND_CLICK] = tone(1400, 1100, 28, 0.22, 0.0, &snd->lengths[APP_SOUND_CLICK]);
    snd->clips[APP_SOUND_CARD] = tone(392, 392, 420, 0.30, 0.35, &snd->lengths[APP_SOUND_CARD]);
    snd->clips[APP_SOUND_NOTICE] = tone(880, 880, 90, 0.16, 0.2, &snd->lengths[APP_SOUND_NOTICE]);
    snd->clips[APP_SOUND_PURGE] = tone(330, 110, 1100, 0.35, 0.1, &snd->lengths[APP_SOUND_PURGE]);
    for (int i = 0; i < APP_SOUND_COUNT; i++)
        if (snd->lengths[i] > snd->scratch_len)
            snd->scratch_len = snd->lengths[i];
    snd->scratch = malloc(sizeof *snd->scratch * (size_t)(snd->scratch_len ? snd->scratch_len : 1));
    SDL_PauseAudioDevice(dev, 0);
    return snd;
}

void app_sound_close(AppSound *snd)
{
    if (!snd)
        return;
    SDL_CloseAudioDevice(snd->dev);
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
    for (int i = 0; i < APP_SOUND_COUNT; i++)
        free(snd->clips[i]);
    free(snd->scratch);
    free(snd);
}

void app_sound_play(AppSound *snd, AppSoundId id, int volume)
{
    if (!snd || volume <= 0 || id < 0 || id >= APP_SOUND_COUNT || !snd->clips[id] || !snd->scratch)
        return;
    /* The newest sound cuts what is left of the last: the interface stays
     * in time with the clicks that make it. */
    SDL_ClearQueuedAudio(snd->dev);
    double k = (volume > 100 ? 100 : volume) / 100.0;
    for (int i = 0; i < snd->lengths[id]; i++)
        snd->scratch[i] = (int16_t)lrint(snd->clips[id][i] * k);
    if (SDL_QueueAudio(snd->dev, snd->scratch, (Uint32)(sizeof *snd->scratch * (size_t)snd->lengths[id])) == 0)
        snd->played++;
}

int app_sound_played(const AppSound *snd) { return snd ? snd->played : 0; }
