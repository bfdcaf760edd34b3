/* map_triangulate.c — ear clipping of one polygon with holes, after Eberly,
 * "Triangulation by Ear Clipping" (2002): each hole is bridged to a visible
 * outer vertex, then ears are clipped, with a grid over the reflex vertices
 * to keep the ear test local. Bad input falls back in stages, never loops. */
#include "map_internal.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* How a ring is clipped. A ring that gets stuck moves to the next stage:
 *  STRICT   ears whose triangle holds no other reflex vertex;
 *  FILTERED the same, after dropping repeated and collinear vertices again;
 *  SPLIT    cut the ring along a diagonal that crosses nothing, and start
 *           both halves again at STRICT (each half is smaller, so this ends);
 *  FORCE    clip any convex corner and drop the rest (invalid input only). */
enum { PASS_STRICT, PASS_FILTERED, PASS_SPLIT, PASS_FORCE };

/* The SPLIT stage costs O(n^3) in the worst case; past this many elementary
 * steps per polygon it gives up and the FORCE stage finishes the ring. */
#define SPLIT_BUDGET (1LL << 26)
#define GRID_MAX_SIDE 1024

typedef struct Node {
    double x, y;
    uint32_t idx;    /* index into the caller's points */
    int prev, next;  /* neighbours in the ring this node is on */
    bool gone;       /* clipped or dropped */
} Node;

typedef struct Work {
    int start;       /* any node of the ring */
    int pass;
} Work;

typedef struct HoleRef {
    int node;        /* the hole's rightmost vertex */
    double x;
} HoleRef;

typedef struct Tri {
    Node *nodes;
    int count, cap;
    /* Grid over the reflex vertices of the ring being clipped: the vertices
     * of cell c are cell_items[cell_start[c] .. cell_start[c + 1]). */
    int *cell_start, *cell_items;
    int cell_cap;
    int gx, gy;
    double x0, y0, sx, sy;  /* origin and cells per metre */
    Work *work;
    int work_count, work_cap;
    MapIndexBuf *out;
    long long budget;
} Tri;

/* ==== Geometry ==== */

/* Twice the signed area of triangle abc: > 0 when counter-clockwise. */
static double orient(double ax, double ay, double bx, double by, double cx, double cy)
{
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

static double orient_nodes(const Tri *t, int a, int b, int c)
{
    const Node *A = &t->nodes[a], *B = &t->nodes[b], *C = &t->nodes[c];
    return orient(A->x, A->y, B->x, B->y, C->x, C->y);
}

/* Reflex or flat: the interior angle at `i` is at least 180 degrees. */
static bool is_reflex(const Tri *t, int i)
{
    return orient_nodes(t, t->nodes[i].prev, i, t->nodes[i].next) <= 0;
}

static bool same_pos(const Tri *t, int a, int b)
{
    return t->nodes[a].x == t->nodes[b].x && t->nodes[a].y == t->nodes[b].y;
}

/* Whether p lies in triangle abc or on its boundary, for either orientation. */
static bool in_triangle_any(double ax, double ay, double bx, double by, double cx, double cy, double px, double py)
{
    double d1 = orient(ax, ay, bx, by, px, py);
    double d2 = orient(bx, by, cx, cy, px, py);
    double d3 = orient(cx, cy, ax, ay, px, py);
    bool neg = d1 < 0 || d2 < 0 || d3 < 0;
    bool pos = d1 > 0 || d2 > 0 || d3 > 0;
    return !(neg && pos);
}

/* Whether point p is inside the interior angle at node v (the ring being
 * counter-clockwise, the interior is on the left of each edge). */
static bool locally_inside(const Tri *t, int v, double px, double py)
{
    const Node *V = &t->nodes[v], *A = &t->nodes[V->prev], *B = &t->nodes[V->next];
    double left_of_out = orient(V->x, V->y, B->x, B->y, px, py);
    double left_of_in = orient(A->x, A->y, V->x, V->y, px, py);
    if (orient(A->x, A->y, V->x, V->y, B->x, B->y) >= 0)
        return left_of_out >= 0 && left_of_in >= 0;
    return left_of_out >= 0 || left_of_in >= 0;
}

static int sign_of(double v)
{
    return (v > 0) - (v < 0);
}

/* r is on segment pq, given that it is collinear with it. */
static bool within_box(double px, double py, double qx, double qy, double rx, double ry)
{
    return rx >= fmin(px, qx) && rx <= fmax(px, qx) && ry >= fmin(py, qy) && ry <= fmax(py, qy);
}

/* Whether closed segments pq and rs share any point. */
static bool segments_touch(const Node *p, const Node *q, const Node *r, const Node *s)
{
    int o1 = sign_of(orient(p->x, p->y, q->x, q->y, r->x, r->y));
    int o2 = sign_of(orient(p->x, p->y, q->x, q->y, s->x, s->y));
    int o3 = sign_of(orient(r->x, r->y, s->x, s->y, p->x, p->y));
    int o4 = sign_of(orient(r->x, r->y, s->x, s->y, q->x, q->y));
    if (o1 != o2 && o3 != o4)
        return true;
    return (o1 == 0 && within_box(p->x, p->y, q->x, q->y, r->x, r->y)) ||
           (o2 == 0 && within_box(p->x, p->y, q->x, q->y, s->x, s->y)) ||
           (o3 == 0 && within_box(r->x, r->y, s->x, s->y, p->x, p->y)) ||
           (o4 == 0 && within_box(r->x, r->y, s->x, s->y, q->x, q->y));
}

/* ==== Rings as linked lists ==== */

static int node_add(Tri *t, double x, double y, uint32_t idx)
{
    if (t->count >= t->cap)
        return -1;
    int i = t->count++;
    t->nodes[i] = (Node){ .x = x, .y = y, .idx = idx, .prev = i, .next = i, .gone = false };
    return i;
}

/* Links a to b across the ring(s) with a doubled edge, as both hole
 * bridging and ring splitting need: a -> b -> (b's old successors) ... and
 * a' -> (a's old successors) ... -> b' -> a'. When a and b are on one ring
 * this cuts it in two; when b is on a hole it joins the hole to the ring.
 * Returns a' (a node of the other half), or -1 if the pool is full. */
static int link_across(Tri *t, int a, int b)
{
    int a2 = node_add(t, t->nodes[a].x, t->nodes[a].y, t->nodes[a].idx);
    int b2 = node_add(t, t->nodes[b].x, t->nodes[b].y, t->nodes[b].idx);
    if (a2 < 0 || b2 < 0)
        return -1;
    int an = t->nodes[a].next, bp = t->nodes[b].prev;
    t->nodes[a].next = b;
    t->nodes[b].prev = a;
    t->nodes[a2].next = an;
    t->nodes[an].prev = a2;
    t->nodes[b2].next = a2;
    t->nodes[a2].prev = b2;
    t->nodes[bp].next = b2;
    t->nodes[b2].prev = bp;
    return a2;
}

static void link_after(Tri *t, int a, int i)
{
    int b = t->nodes[a].next;
    t->nodes[i].prev = a;
    t->nodes[i].next = b;
    t->nodes[b].prev = i;
    t->nodes[a].next = i;
}

static void unlink_node(Tri *t, int i)
{
    Node *n = &t->nodes[i];
    t->nodes[n->prev].next = n->next;
    t->nodes[n->next].prev = n->prev;
    n->gone = true;
}

static int ring_size(const Tri *t, int start)
{
    int n = 0, p = start;
    do {
        n++;
        p = t->nodes[p].next;
    } while (p != start);
    return n;
}

/* Builds ring `r` as a circular list, counter-clockwise if `want_ccw`, else
 * clockwise, skipping repeated consecutive points (the closing point too).
 * Returns a node of the ring, or -1 if it encloses no area. */
static int build_ring(Tri *t, const MapPoint *pts, const MapRing *r, bool want_ccw)
{
    int n = r->point_count;
    if (n < 3 || r->point_first < 0)
        return -1;
    const MapPoint *p = pts + r->point_first;
    double area2 = 0;
    for (int i = 0, j = n - 1; i < n; j = i++)
        area2 += p[j].x * p[i].y - p[i].x * p[j].y;
    if (!(area2 != 0) || !isfinite(area2))
        return -1;
    bool forward = (area2 > 0) == want_ccw;

    int head = -1, last = -1;
    for (int k = 0; k < n; k++) {
        int j = forward ? k : n - 1 - k;
        const MapPoint *q = &p[j];
        if (last >= 0 && t->nodes[last].x == q->x && t->nodes[last].y == q->y)
            continue;
        int i = node_add(t, q->x, q->y, (uint32_t)(r->point_first + j));
        if (i < 0)
            return -1;
        if (last < 0)
            head = i;
        else
            link_after(t, last, i);
        last = i;
    }
    if (last != head && same_pos(t, head, last))
        unlink_node(t, last);
    if (t->nodes[head].next == t->nodes[head].prev)
        return -1;              /* fewer than three distinct points */
    return head;
}

/* Drops repeated points and vertices collinear with their neighbours (both
 * change nothing in the area). Returns a node of what is left, or -1 when
 * fewer than three vertices remain. */
static int filter_ring(Tri *t, int start)
{
    int p = start, end = start;
    for (;;) {
        int a = t->nodes[p].prev, b = t->nodes[p].next;
        if (a == b)
            return -1;
        if (orient_nodes(t, a, p, b) == 0) {
            unlink_node(t, p);
            p = end = a;    /* a's neighbourhood changed: look at it again */
            continue;
        }
        p = b;
        if (p == end)
            return p;
    }
}

/* ==== Holes ==== */

/* Among the nodes at v's position (bridges duplicate vertices), the one whose
 * interior angle contains the direction to (px, py). */
static int pick_copy(const Tri *t, int outer, int v, double px, double py)
{
    if (locally_inside(t, v, px, py))
        return v;
    int p = outer;
    do {
        if (p != v && same_pos(t, p, v) && locally_inside(t, p, px, py))
            return p;
        p = t->nodes[p].next;
    } while (p != outer);
    return v;
}

/* A vertex of the outer ring visible from hole vertex m, found as Eberly
 * does: cast a ray from m towards +x, take the nearest edge it hits, and
 * the end of that edge furthest along the ray, unless reflex vertices lie in
 * the triangle between m, the hit point and that end: then the one seen at
 * the smallest angle from the ray. Returns -1 if the ray hits nothing (a hole
 * outside its outer ring). */
static int find_visible(const Tri *t, int outer, int m)
{
    const Node *nodes = t->nodes;
    double mx = nodes[m].x, my = nodes[m].y;
    double hit_x = INFINITY;
    int edge = -1;
    int p = outer;
    do {
        int q = nodes[p].next;
        const Node *P = &nodes[p], *Q = &nodes[q];
        /* Only edges going up (y increasing): the ring is counter-clockwise,
         * so those have the inside to their west, facing the hole. */
        if (P->y < Q->y && P->y <= my && my <= Q->y) {
            double x = my == Q->y ? Q->x : P->x + (my - P->y) * (Q->x - P->x) / (Q->y - P->y);
            if (x >= mx && x < hit_x) {
                hit_x = x;
                edge = p;
            }
        }
        p = q;
    } while (p != outer);
    if (edge < 0)
        return -1;

    int q = nodes[edge].next;
    if (my == nodes[edge].y && hit_x == nodes[edge].x)
        return pick_copy(t, outer, edge, mx, my);
    if (my == nodes[q].y && hit_x == nodes[q].x)
        return pick_copy(t, outer, q, mx, my);
    int cand = nodes[edge].x > nodes[q].x ? edge : q;
    const Node *C = &nodes[cand];

    int best = -1;
    double best_dx = 0, best_dy = 0;
    p = outer;
    do {
        const Node *R = &nodes[p];
        if (p != cand && !same_pos(t, p, cand) && R->x >= mx &&
            in_triangle_any(mx, my, hit_x, my, C->x, C->y, R->x, R->y) && is_reflex(t, p)) {
            double dx = R->x - mx, dy = fabs(R->y - my);
            /* Smaller angle: dy/dx < best_dy/best_dx; ties go to the nearer. */
            double lhs = dy * best_dx, rhs = best_dy * dx;
            if (best < 0 || lhs < rhs || (lhs == rhs && dx < best_dx)) {
                best = p;
                best_dx = dx;
                best_dy = dy;
            }
        }
        p = nodes[p].next;
    } while (p != outer);
    return pick_copy(t, outer, best >= 0 ? best : cand, mx, my);
}

/* Joins the hole holding node m to the outer ring by a bridge m-v walked both
 * ways: v -> m -> (around the hole) -> m' -> v' -> (rest of the outer ring). */
static void bridge_hole(Tri *t, int outer, int m)
{
    int v = find_visible(t, outer, m);
    if (v < 0)
        return;                 /* not inside the outer ring: ignored */
    link_across(t, v, m);       /* cannot fail: the pool is sized for it */
}

static int cmp_hole(const void *pa, const void *pb)
{
    const HoleRef *a = pa, *b = pb;
    if (a->x != b->x)
        return a->x < b->x ? 1 : -1;    /* rightmost first */
    return (a->node > b->node) - (a->node < b->node);
}

/* Holes are joined from the rightmost one leftwards, so that a ray cast to
 * +x from a hole never meets a hole that is not yet part of the outer ring. */
static void eliminate_holes(Tri *t, const MapPoint *pts, const MapRing *rings, int ring_count, int outer,
                            HoleRef *holes)
{
    int nh = 0;
    for (int r = 1; r < ring_count; r++) {
        int h = build_ring(t, pts, &rings[r], false);
        if (h < 0)
            continue;
        int right = h, p = h;
        do {
            if (t->nodes[p].x > t->nodes[right].x)
                right = p;
            p = t->nodes[p].next;
        } while (p != h);
        holes[nh++] = (HoleRef){ .node = right, .x = t->nodes[right].x };
    }
    qsort(holes, (size_t)nh, sizeof *holes, cmp_hole);
    for (int i = 0; i < nh; i++)
        bridge_hole(t, outer, holes[i].node);
}

/* ==== Reflex-vertex grid ==== */

static int cell_x(const Tri *t, double x)
{
    double c = (x - t->x0) * t->sx;
    return c <= 0 ? 0 : c >= t->gx - 1 ? t->gx - 1 : (int)c;
}

static int cell_y(const Tri *t, double y)
{
    double c = (y - t->y0) * t->sy;
    return c <= 0 ? 0 : c >= t->gy - 1 ? t->gy - 1 : (int)c;
}

/* Buckets the reflex (and flat) vertices of the ring at `start`, about two
 * per cell. Clipping an ear only shrinks the angles of its neighbours, so a
 * vertex convex now stays convex and need never be looked at. */
static void grid_build(Tri *t, int start)
{
    int reflex = 0;
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    int p = start;
    do {
        if (is_reflex(t, p)) {
            reflex++;
            const Node *P = &t->nodes[p];
            x0 = fmin(x0, P->x);
            y0 = fmin(y0, P->y);
            x1 = fmax(x1, P->x);
            y1 = fmax(y1, P->y);
        }
        p = t->nodes[p].next;
    } while (p != start);

    t->gx = t->gy = 1;
    t->x0 = reflex ? x0 : 0;
    t->y0 = reflex ? y0 : 0;
    t->sx = t->sy = 0;
    double w = x1 - x0, h = y1 - y0;
    if (reflex > 4 && w > 0 && h > 0) {
        double cells = reflex / 2.0;
        double gx = ceil(sqrt(cells * w / h));
        gx = gx < 1 ? 1 : gx > GRID_MAX_SIDE ? GRID_MAX_SIDE : gx;
        double gy = ceil(cells / gx);
        gy = gy < 1 ? 1 : gy > GRID_MAX_SIDE ? GRID_MAX_SIDE : gy;
        t->gx = (int)gx;
        t->gy = (int)gy;
        while ((long long)t->gx * t->gy > t->cell_cap - 1) {
            if (t->gx > t->gy)
                t->gx--;
            else
                t->gy--;
        }
        t->sx = t->gx / w;
        t->sy = t->gy / h;
    }

    int ncells = t->gx * t->gy;
    memset(t->cell_start, 0, (size_t)(ncells + 1) * sizeof *t->cell_start);
    p = start;
    do {
        if (is_reflex(t, p))
            t->cell_start[cell_y(t, t->nodes[p].y) * t->gx + cell_x(t, t->nodes[p].x)]++;
        p = t->nodes[p].next;
    } while (p != start);
    for (int c = 1; c < ncells; c++)
        t->cell_start[c] += t->cell_start[c - 1];
    t->cell_start[ncells] = reflex;
    p = start;
    do {
        if (is_reflex(t, p)) {
            int c = cell_y(t, t->nodes[p].y) * t->gx + cell_x(t, t->nodes[p].x);
            t->cell_items[--t->cell_start[c]] = p;
        }
        p = t->nodes[p].next;
    } while (p != start);
}

/* ==== Clipping ==== */

/* Whether b (with neighbours a and c) is an ear: a strictly convex corner
 * whose triangle holds no reflex vertex of the ring, not even on its edges.
 * Vertices at the same position as a, b or c are bridge copies and do not
 * count. */
static bool is_ear(const Tri *t, int b)
{
    const Node *nodes = t->nodes;
    int a = nodes[b].prev, c = nodes[b].next;
    const Node *A = &nodes[a], *B = &nodes[b], *C = &nodes[c];
    if (orient(A->x, A->y, B->x, B->y, C->x, C->y) <= 0)
        return false;
    double minx = fmin(A->x, fmin(B->x, C->x)), maxx = fmax(A->x, fmax(B->x, C->x));
    double miny = fmin(A->y, fmin(B->y, C->y)), maxy = fmax(A->y, fmax(B->y, C->y));
    int cx0 = cell_x(t, minx), cx1 = cell_x(t, maxx);
    int cy0 = cell_y(t, miny), cy1 = cell_y(t, maxy);
    for (int cy = cy0; cy <= cy1; cy++) {
        for (int cx = cx0; cx <= cx1; cx++) {
            int cell = cy * t->gx + cx;
            for (int k = t->cell_start[cell]; k < t->cell_start[cell + 1]; k++) {
                int p = t->cell_items[k];
                const Node *P = &nodes[p];
                if (P->gone || p == a || p == b || p == c)
                    continue;
                if (P->x < minx || P->x > maxx || P->y < miny || P->y > maxy)
                    continue;
                if ((P->x == A->x && P->y == A->y) || (P->x == B->x && P->y == B->y) ||
                    (P->x == C->x && P->y == C->y))
                    continue;
                if (orient(A->x, A->y, B->x, B->y, P->x, P->y) >= 0 &&
                    orient(B->x, B->y, C->x, C->y, P->x, P->y) >= 0 &&
                    orient(C->x, C->y, A->x, A->y, P->x, P->y) >= 0 && is_reflex(t, p))
                    return false;
            }
        }
    }
    return true;
}

static bool emit(Tri *t, int a, int b, int c)
{
    MapIndexBuf *o = t->out;
    if (o->cap - o->count < 3) {
        size_t cap = o->cap ? o->cap * 2 : 384;
        if (cap > SIZE_MAX / sizeof *o->v)
            return false;
        uint32_t *v = realloc(o->v, cap * sizeof *v);
        if (!v)
            return false;
        o->v = v;
        o->cap = cap;
    }
    o->v[o->count++] = t->nodes[a].idx;
    o->v[o->count++] = t->nodes[b].idx;
    o->v[o->count++] = t->nodes[c].idx;
    return true;
}

typedef enum ClipResult { CLIP_DONE, CLIP_STUCK, CLIP_NOMEM } ClipResult;

/* Clips ears around the ring until three vertices are left, or until a whole
 * lap finds none (then *start is where it stopped). After an ear it moves on
 * two vertices, which gives strips rather than fans of thin triangles. */
static ClipResult clip_ears(Tri *t, int *start)
{
    int ear = *start, stop = ear;
    while (t->nodes[ear].prev != t->nodes[ear].next) {
        int a = t->nodes[ear].prev, c = t->nodes[ear].next;
        if (is_ear(t, ear)) {
            if (!emit(t, a, ear, c))
                return CLIP_NOMEM;
            unlink_node(t, ear);
            ear = stop = t->nodes[c].next;
            continue;
        }
        ear = c;
        if (ear == stop) {
            *start = ear;
            return CLIP_STUCK;
        }
    }
    return CLIP_DONE;
}

/* Even-odd test of point (px, py) against the ring holding `start`. */
static bool ring_contains(const Tri *t, int start, double px, double py)
{
    bool inside = false;
    int p = start;
    do {
        const Node *P = &t->nodes[p], *Q = &t->nodes[P->next];
        if ((P->y > py) != (Q->y > py) && px < (Q->x - P->x) * (py - P->y) / (Q->y - P->y) + P->x)
            inside = !inside;
        p = P->next;
    } while (p != start);
    return inside;
}

/* Whether a-b (non-adjacent) is a diagonal: inside both corners, crossing
 * no edge that does not end at a or b, with its midpoint inside. */
static bool is_diagonal(Tri *t, int a, int b, int size)
{
    const Node *A = &t->nodes[a], *B = &t->nodes[b];
    if (same_pos(t, a, b) || !locally_inside(t, a, B->x, B->y) || !locally_inside(t, b, A->x, A->y))
        return false;
    t->budget -= 2 * size;
    int p = a;
    do {
        int q = t->nodes[p].next;
        if (!same_pos(t, p, a) && !same_pos(t, p, b) && !same_pos(t, q, a) && !same_pos(t, q, b) &&
            segments_touch(&t->nodes[p], &t->nodes[q], A, B))
            return false;
        p = q;
    } while (p != a);
    return ring_contains(t, a, (A->x + B->x) / 2, (A->y + B->y) / 2);
}

/* Cuts the ring at `start` along some diagonal a-b into a -> b -> ... -> a
 * and a' -> (old a.next) -> ... -> b' -> a'. Stores a node of each ring in
 * halves[0] and halves[1]; false when no diagonal is found within budget. */
static bool split_ring(Tri *t, int start, int halves[2])
{
    int size = ring_size(t, start);
    if (size < 4 || t->count > t->cap - 2)
        return false;
    int a = start;
    do {
        for (int b = t->nodes[t->nodes[a].next].next; b != t->nodes[a].prev; b = t->nodes[b].next) {
            if (--t->budget < 0)
                return false;
            if (!is_diagonal(t, a, b, size))
                continue;
            int a2 = link_across(t, a, b);
            if (a2 < 0)
                return false;
            halves[0] = a;
            halves[1] = a2;
            return true;
        }
        a = t->nodes[a].next;
    } while (a != start);
    return false;
}

/* Last resort: clip convex corners whatever they contain; when a whole lap
 * has none, drop a vertex. Each lap removes a vertex, so this ends. */
static bool force_clip(Tri *t, int p)
{
    int size = ring_size(t, p), misses = 0;
    while (size >= 3) {
        int a = t->nodes[p].prev, c = t->nodes[p].next;
        if (orient_nodes(t, a, p, c) > 0) {
            if (!emit(t, a, p, c))
                return false;
        } else if (++misses < size) {
            p = c;
            continue;
        }
        unlink_node(t, p);
        size--;
        misses = 0;
        p = c;
    }
    return true;
}

static bool push_work(Tri *t, int start, int pass)
{
    if (t->work_count >= t->work_cap)
        return false;
    t->work[t->work_count++] = (Work){ .start = start, .pass = pass };
    return true;
}

/* Runs the stages on every ring until all are done. */
static bool run_work(Tri *t)
{
    while (t->work_count > 0) {
        Work w = t->work[--t->work_count];
        int start = w.start;
        switch (w.pass) {
        case PASS_STRICT:
        case PASS_FILTERED: {
            if (w.pass == PASS_FILTERED)
                start = filter_ring(t, start);
            if (start < 0)
                break;
            grid_build(t, start);
            ClipResult r = clip_ears(t, &start);
            if (r == CLIP_NOMEM)
                return false;
            if (r == CLIP_STUCK && !push_work(t, start, w.pass + 1) && !force_clip(t, start))
                return false;
            break;
        }
        case PASS_SPLIT: {
            int halves[2];
            bool queued = split_ring(t, start, halves)
                              ? push_work(t, halves[0], PASS_STRICT) && push_work(t, halves[1], PASS_STRICT)
                              : push_work(t, start, PASS_FORCE);
            if (!queued && !force_clip(t, start))
                return false;
            break;
        }
        default:
            if (!force_clip(t, start))
                return false;
            break;
        }
    }
    return true;
}

/* ==== Entry point ==== */

bool map_triangulate_polygon(const MapPoint *points, const MapRing *rings, int ring_count, MapIndexBuf *out)
{
    if (!points || !rings || ring_count <= 0)
        return true;
    size_t n = 0;
    for (int r = 0; r < ring_count; r++)
        if (rings[r].point_count > 0)
            n += (size_t)rings[r].point_count;
    /* Bridges add 2 nodes per hole; each split adds 2 and there are fewer
     * splits than nodes. */
    size_t base = n + 2 * (size_t)ring_count;
    if (base > (size_t)INT_MAX / 4)
        return false;
    Tri t = {
        .cap = (int)(3 * base + 8),
        .cell_cap = (int)(base + 2),
        .work_cap = (int)(base + 8),
        .out = out,
        .budget = SPLIT_BUDGET,
    };
    t.nodes = malloc((size_t)t.cap * sizeof *t.nodes);
    t.cell_start = malloc((size_t)t.cell_cap * sizeof *t.cell_start);
    t.cell_items = malloc((size_t)t.cap * sizeof *t.cell_items);
    t.work = malloc((size_t)t.work_cap * sizeof *t.work);
    HoleRef *holes = malloc((size_t)ring_count * sizeof *holes);
    bool ok = t.nodes && t.cell_start && t.cell_items && t.work && holes;
    if (ok) {
        int outer = build_ring(&t, points, &rings[0], true);
        if (outer >= 0) {
            eliminate_holes(&t, points, rings, ring_count, outer, holes);
            int start = filter_ring(&t, outer);
            if (start >= 0) {
                push_work(&t, start, PASS_STRICT);
                ok = run_work(&t);
            }
        }
    }
    free(holes);
    free(t.work);
    free(t.cell_items);
    free(t.cell_start);
    free(t.nodes);
    return ok;
}
