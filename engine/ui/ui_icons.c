/* ui_icons.c — the interface's icons, drawn by the game as vector shapes
 * (lines, circles, convex polygons) in one colour, so that they scale to
 * any interface size and need no image files: the map modes, the national
 * figures and the policy groups. Each is drawn in a square `size` wide whose
 * centre is (cx, cy); shapes are given in a unit square from -1 to 1. */
#include "ui_internal.h"

#include <math.h>
#include <string.h>

typedef struct Pen {
    RenderCtx *r;
    float cx, cy, k;            /* unit square to logical px */
    RenderColor col;
} Pen;

static float px(const Pen *p, float u) { return p->cx + u * p->k; }
static float py(const Pen *p, float v) { return p->cy + v * p->k; }

static void line(const Pen *p, float x0, float y0, float x1, float y1, float w)
{
    render_line(p->r, px(p, x0), py(p, y0), px(p, x1), py(p, y1), fmaxf(1.0f, w * p->k), p->col);
}

static void poly(const Pen *p, const float *uv, int n)
{
    float xy[32];
    for (int i = 0; i < n && i < 16; i++) {
        xy[2 * i] = px(p, uv[2 * i]);
        xy[2 * i + 1] = py(p, uv[2 * i + 1]);
    }
    render_fill_convex(p->r, xy, n < 16 ? n : 16, p->col);
}

static void dot(const Pen *p, float x, float y, float radius) { render_fill_circle(p->r, px(p, x), py(p, y), radius * p->k, p->col); }
static void ring(const Pen *p, float x, float y, float radius, float w)
{
    render_circle(p->r, px(p, x), py(p, y), radius * p->k, fmaxf(1.0f, w * p->k), p->col);
}

static void rect(const Pen *p, float x0, float y0, float x1, float y1)
{
    float uv[] = {x0, y0, x1, y0, x1, y1, x0, y1};
    poly(p, uv, 4);
}

/* An ear of grain: a stalk and four grains on each side, and a top one. */
static void ear(const Pen *p, float x, float scale)
{
    line(p, x, 0.95f * scale, x, -0.55f * scale, 0.12f);
    for (int i = 0; i < 3; i++) {
        float y = (-0.35f + 0.35f * (float)i) * scale;
        float left[] = {x - 0.05f, y, x - 0.42f * scale, y - 0.22f * scale, x - 0.36f * scale, y - 0.02f * scale};
        float right[] = {x + 0.05f, y, x + 0.42f * scale, y - 0.22f * scale, x + 0.36f * scale, y - 0.02f * scale};
        poly(p, left, 3);
        poly(p, right, 3);
    }
    float top[] = {x, -0.95f * scale, x + 0.16f * scale, -0.55f * scale, x, -0.45f * scale,
                   x - 0.16f * scale, -0.55f * scale};
    poly(p, top, 4);
}

/* A person: a head and shoulders. */
static void person(const Pen *p, float x, float y, float s)
{
    dot(p, x, y - 0.42f * s, 0.26f * s);
    float body[] = {x - 0.45f * s, y + 0.55f * s, x - 0.32f * s, y - 0.05f * s, x + 0.32f * s, y - 0.05f * s,
                    x + 0.45f * s, y + 0.55f * s};
    poly(p, body, 4);
}

/* A memorial stele: a slab with a rounded top, on a base. */
static void stele(const Pen *p)
{
    rect(p, -0.42f, -0.45f, 0.42f, 0.7f);
    dot(p, 0, -0.45f, 0.42f);
    rect(p, -0.7f, 0.7f, 0.7f, 0.92f);
}

void ui_icon(UiCtx *c, UiIcon icon, float cx, float cy, float size, RenderColor col)
{
    Pen p = {c->r, cx, cy, size / 2, col};
    switch (icon) {
    case UI_ICON_NONE: break;
    case UI_ICON_GRAIN: ear(&p, 0, 1); break;
    case UI_ICON_REPORTED_GRAIN: /* an ear and, beside it, a taller claim */
        ear(&p, -0.35f, 0.85f);
        line(&p, 0.55f, 0.9f, 0.55f, -0.6f, 0.14f);
        {
            float head[] = {0.55f, -0.95f, 0.85f, -0.5f, 0.25f, -0.5f};
            poly(&p, head, 3);
        }
        break;
    case UI_ICON_BOWL: { /* grain left per person: a bowl, grains heaped in it */
        float bowl[] = {-0.9f, -0.05f, 0.9f, -0.05f, 0.55f, 0.55f, -0.55f, 0.55f};
        poly(&p, bowl, 4);
        rect(&p, -0.3f, 0.55f, 0.3f, 0.75f);
        dot(&p, -0.3f, -0.25f, 0.2f);
        dot(&p, 0.05f, -0.38f, 0.2f);
        dot(&p, 0.38f, -0.22f, 0.2f);
        break;
    }
    case UI_ICON_DEATHS: stele(&p); break;
    case UI_ICON_POPULATION_CHANGE: /* two people and a falling line */
        person(&p, -0.42f, 0.15f, 0.75f);
        person(&p, 0.42f, 0.15f, 0.75f);
        line(&p, -0.95f, -0.85f, 0.95f, -0.45f, 0.1f);
        break;
    case UI_ICON_PROCUREMENT: { /* a sack and an arrow away from it */
        float sack[] = {-0.85f, 0.85f, -0.95f, 0.2f, -0.7f, -0.35f, -0.15f, -0.35f, 0.1f, 0.2f, 0.0f, 0.85f};
        poly(&p, sack, 6);
        rect(&p, -0.6f, -0.62f, -0.25f, -0.35f);
        line(&p, 0.25f, 0.2f, 0.8f, 0.2f, 0.16f);
        float head[] = {0.98f, 0.2f, 0.62f, -0.12f, 0.62f, 0.52f};
        poly(&p, head, 3);
        break;
    }
    case UI_ICON_FURNACE: { /* labour diverted: a backyard furnace and its fire */
        float kiln[] = {-0.7f, 0.9f, -0.45f, -0.35f, 0.45f, -0.35f, 0.7f, 0.9f};
        poly(&p, kiln, 4);
        rect(&p, 0.1f, -0.85f, 0.35f, -0.35f);
        RenderColor hole = UI_SLATE;
        hole.a = col.a;
        Pen q = p;
        q.col = hole;
        float mouth[] = {-0.22f, 0.9f, -0.22f, 0.45f, 0.22f, 0.45f, 0.22f, 0.9f};
        poly(&q, mouth, 4);
        break;
    }
    case UI_ICON_REPORT_GAP: /* two bars, the claim above the harvest, and the gap between */
        rect(&p, -0.8f, 0.1f, -0.2f, 0.9f);
        rect(&p, 0.2f, -0.9f, 0.8f, 0.9f);
        line(&p, -0.5f, -0.1f, -0.5f, -0.75f, 0.08f);
        line(&p, -0.75f, -0.9f, 0.05f, -0.9f, 0.08f);
        break;
    case UI_ICON_POPULATION: person(&p, 0, 0.1f, 1.05f); break;
    case UI_ICON_GRANARY: { /* a granary: walls and a roof */
        rect(&p, -0.7f, -0.1f, 0.7f, 0.9f);
        float roof[] = {-0.95f, -0.05f, 0, -0.9f, 0.95f, -0.05f};
        poly(&p, roof, 3);
        break;
    }
    case UI_ICON_STANDING: { /* a five-pointed star */
        float pts[20];
        for (int i = 0; i < 10; i++) {
            float a = -1.5707963f + (float)i * 3.14159265f / 5, rr = i % 2 ? 0.42f : 1.0f;
            pts[2 * i] = rr * cosf(a);
            pts[2 * i + 1] = rr * sinf(a) + 0.08f;
        }
        for (int i = 0; i < 5; i++) { /* each point a triangle, the middle a pentagon */
            float tri[] = {pts[4 * i], pts[4 * i + 1], pts[(4 * i + 2) % 20], pts[(4 * i + 3) % 20],
                           pts[(4 * i + 18) % 20], pts[(4 * i + 19) % 20]};
            poly(&p, tri, 3);
        }
        float mid[] = {pts[2], pts[3], pts[6], pts[7], pts[10], pts[11], pts[14], pts[15], pts[18], pts[19]};
        poly(&p, mid, 5);
        break;
    }
    case UI_ICON_SOCIETY: /* people together */
        person(&p, -0.5f, 0.2f, 0.7f);
        person(&p, 0.5f, 0.2f, 0.7f);
        person(&p, 0, 0.05f, 0.85f);
        break;
    case UI_ICON_TRADE: /* two arrows, out and in */
        line(&p, -0.85f, -0.35f, 0.5f, -0.35f, 0.15f);
        {
            float a[] = {0.95f, -0.35f, 0.45f, -0.7f, 0.45f, 0.0f};
            poly(&p, a, 3);
        }
        line(&p, 0.85f, 0.4f, -0.5f, 0.4f, 0.15f);
        {
            float b[] = {-0.95f, 0.4f, -0.45f, 0.05f, -0.45f, 0.75f};
            poly(&p, b, 3);
        }
        break;
    case UI_ICON_POLITICS: /* a flag on a pole */
        line(&p, -0.7f, -0.95f, -0.7f, 0.95f, 0.12f);
        rect(&p, -0.62f, -0.9f, 0.85f, -0.05f);
        break;
    case UI_ICON_REFORM: /* a field in strips: the land returned to households */
        ring(&p, 0, 0, 0.85f, 0.12f);
        line(&p, -0.4f, -0.75f, -0.4f, 0.75f, 0.1f);
        line(&p, 0.1f, -0.85f, 0.1f, 0.85f, 0.1f);
        line(&p, 0.55f, -0.65f, 0.55f, 0.65f, 0.1f);
        break;
    case UI_ICON_OTHER: dot(&p, 0, 0, 0.35f); break;
    case UI_ICON_COUNT: break;
    }
}

UiIcon ui_category_icon(const char *category)
{
    static const struct { const char *name; UiIcon icon; } map[] = {
        {"agriculture", UI_ICON_GRAIN},   {"society", UI_ICON_SOCIETY},        {"industry", UI_ICON_FURNACE},
        {"procurement", UI_ICON_PROCUREMENT}, {"trade", UI_ICON_TRADE},     {"politics", UI_ICON_POLITICS},
        {"reform", UI_ICON_REFORM}};
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(map[i].name, category) == 0)
            return map[i].icon;
    return UI_ICON_OTHER;
}
