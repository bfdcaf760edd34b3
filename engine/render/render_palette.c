/* render_palette.c — colour maps colour-blind players can read: viridis and
 * cividis (Smith & van der Walt; Nuñez, Anderton & Renslow 2018), sampled at
 * every 16th of matplotlib's 256 entries (lib/matplotlib/_cm_listed.py, CC0)
 * and interpolated linearly between samples. */
#include "render.h"

#include <math.h>

static const float viridis[17][3] = {
    {0.267004f, 0.004874f, 0.329415f}, {0.282327f, 0.094955f, 0.417331f}, {0.278826f, 0.175490f, 0.483397f},
    {0.258965f, 0.251537f, 0.524736f}, {0.229739f, 0.322361f, 0.545706f}, {0.199430f, 0.387607f, 0.554642f},
    {0.172719f, 0.448791f, 0.557885f}, {0.149039f, 0.508051f, 0.557250f}, {0.127568f, 0.566949f, 0.550556f},
    {0.120638f, 0.625828f, 0.533488f}, {0.157851f, 0.683765f, 0.501686f}, {0.246070f, 0.738910f, 0.452024f},
    {0.369214f, 0.788888f, 0.382914f}, {0.515992f, 0.831158f, 0.294279f}, {0.678489f, 0.863742f, 0.189503f},
    {0.845561f, 0.887322f, 0.099702f}, {0.993248f, 0.906157f, 0.143936f}};

static const float cividis[17][3] = {
    {0.000000f, 0.135112f, 0.304751f}, {0.000000f, 0.178802f, 0.414764f}, {0.103401f, 0.220406f, 0.435790f},
    {0.195057f, 0.264372f, 0.425924f}, {0.263738f, 0.307831f, 0.422789f}, {0.324250f, 0.351289f, 0.426250f},
    {0.380830f, 0.395164f, 0.435653f}, {0.435168f, 0.439763f, 0.451134f}, {0.488697f, 0.485318f, 0.471008f},
    {0.547840f, 0.531895f, 0.471704f}, {0.609105f, 0.579816f, 0.463638f}, {0.671991f, 0.629316f, 0.448018f},
    {0.736488f, 0.680629f, 0.424028f}, {0.802667f, 0.733978f, 0.390153f}, {0.870717f, 0.789572f, 0.343333f},
    {0.941147f, 0.847530f, 0.275815f}, {0.995737f, 0.909344f, 0.217772f}};

RenderColor render_palette(RenderPalette p, double t)
{
    const float(*map)[3] = p == RENDER_PALETTE_CIVIDIS ? cividis : viridis;
    if (!(t >= 0.0)) /* NaN too */
        t = 0.0;
    if (t > 1.0)
        t = 1.0;
    /* Samples sit at entries 0, 16, ..., 240 and 255 of the 256-entry map. */
    double entry = t * 255.0;
    int i = entry >= 240.0 ? 15 : (int)(entry / 16.0);
    double lo = i * 16.0, hi = i == 15 ? 255.0 : lo + 16.0;
    double f = (entry - lo) / (hi - lo);
    RenderColor c = {0, 0, 0, 255};
    uint8_t *out[3] = {&c.r, &c.g, &c.b};
    for (int k = 0; k < 3; k++)
        *out[k] = (uint8_t)lround(255.0 * (map[i][k] + (map[i + 1][k] - map[i][k]) * f));
    return c;
}

RenderColor render_contrast(RenderColor bg)
{
    /* Relative luminance (sRGB, approximately linearised by squaring). */
    double r = bg.r / 255.0, g = bg.g / 255.0, b = bg.b / 255.0;
    double lum = 0.2126 * r * r + 0.7152 * g * g + 0.0722 * b * b;
    return lum > 0.18 ? (RenderColor){20, 20, 20, 255} : (RenderColor){250, 250, 250, 255};
}
