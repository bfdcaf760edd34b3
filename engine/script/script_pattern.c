/* script_pattern.c — string.find, match, gmatch and gsub on a pattern
 * matcher of our own (Lua 5.4 pattern semantics, as the manual gives them,
 * §6.4.1) that charges every step to the call's budget (script_charge), so
 * that a backtracking pattern stops at the instruction limit instead of
 * running for hours inside one VM instruction (script_limits.c installs
 * them). */
#include "script_internal.h"

#include <ctype.h>
#include <limits.h>
#include <string.h>

/* ==== Pattern matching ==== */

#define PAT_ESC '%'
#define PAT_SPECIALS "^$*+?.([%-"
#define MAX_CAPTURES 32 /* LUA_MAXCAPTURES */
#define MAX_MATCH_DEPTH 200
#define CAP_OPEN (-1)
#define CAP_POSITION (-2)
#define STEP_CHUNK 4096

typedef struct Match {
    lua_State *L;
    const char *subject, *subject_end;
    const char *pat_end;
    int depth;              /* recursion left */
    int ncap;
    struct {
        const char *at;
        ptrdiff_t len;      /* or CAP_OPEN, CAP_POSITION */
    } cap[MAX_CAPTURES];
    int64_t steps;          /* not yet charged */
} Match;

static void match_init(Match *m, lua_State *L, const char *s, size_t ls, const char *p, size_t lp)
{
    m->L = L;
    m->subject = s;
    m->subject_end = s + ls;
    m->pat_end = p + lp;
    m->steps = 0;
}

static void match_reset(Match *m)
{
    m->depth = MAX_MATCH_DEPTH;
    m->ncap = 0;
}

static void step(Match *m, int64_t n)
{
    m->steps += n;
    if (m->steps >= STEP_CHUNK) {
        int64_t due = m->steps;
        m->steps = 0;
        script_charge(m->L, due);
    }
}

static void settle(Match *m)
{
    int64_t due = m->steps;
    m->steps = 0;
    script_charge(m->L, due);
}

/* One past the single-character class that starts at p. */
static const char *item_end(Match *m, const char *p)
{
    char c = *p++;
    if (c == PAT_ESC) {
        if (p >= m->pat_end)
            luaL_error(m->L, "malformed pattern (ends with '%%')");
        return p + 1;
    }
    if (c != '[')
        return p;
    if (p < m->pat_end && *p == '^')
        p++;
    for (;;) { /* the first character of a set may be ']' itself */
        if (p >= m->pat_end)
            luaL_error(m->L, "malformed pattern (missing ']')");
        c = *p++;
        if (c == PAT_ESC && p < m->pat_end)
            p++;
        if (p < m->pat_end && *p == ']')
            return p + 1;
    }
}

/* %a, %d, ... (upper case: the complement); any other letter stands for itself. */
static bool in_class(int c, int cl)
{
    bool r;
    switch (tolower(cl)) {
    case 'a': r = isalpha(c); break;
    case 'c': r = iscntrl(c); break;
    case 'd': r = isdigit(c); break;
    case 'g': r = isgraph(c); break;
    case 'l': r = islower(c); break;
    case 'p': r = ispunct(c); break;
    case 's': r = isspace(c); break;
    case 'u': r = isupper(c); break;
    case 'w': r = isalnum(c); break;
    case 'x': r = isxdigit(c); break;
    case 'z': r = c == 0; break; /* deprecated, but Lua 5.4 still has it */
    default: return cl == c;
    }
    return isupper(cl) ? !r : r;
}

/* Whether c is in the set that starts at p ('[') and ends at close (']'). */
static bool in_set(int c, const char *p, const char *close)
{
    bool found = true;
    p++;
    if (*p == '^') {
        found = false;
        p++;
    }
    while (p < close) {
        if (*p == PAT_ESC) {
            if (in_class(c, (unsigned char)p[1]))
                return found;
            p += 2;
        } else if (p[1] == '-' && p + 2 < close) {
            if ((unsigned char)p[0] <= c && c <= (unsigned char)p[2])
                return found;
            p += 3;
        } else {
            if ((unsigned char)*p == c)
                return found;
            p++;
        }
    }
    return !found;
}

/* Whether the character at s matches the class [p, ep). */
static bool single(const Match *m, const char *s, const char *p, const char *ep)
{
    if (s >= m->subject_end)
        return false;
    int c = (unsigned char)*s;
    switch (*p) {
    case '.': return true;
    case PAT_ESC: return in_class(c, (unsigned char)p[1]);
    case '[': return in_set(c, p, ep - 1);
    default: return (unsigned char)*p == c;
    }
}

static const char *match(Match *m, const char *s, const char *p);

static const char *expand_max(Match *m, const char *s, const char *p, const char *ep)
{
    ptrdiff_t n = 0;
    while (single(m, s + n, p, ep)) {
        n++;
        step(m, 1);
    }
    for (; n >= 0; n--) { /* the longest run first, then shorter ones */
        const char *r = match(m, s + n, ep + 1);
        if (r)
            return r;
    }
    return NULL;
}

static const char *expand_min(Match *m, const char *s, const char *p, const char *ep)
{
    for (;;) {
        const char *r = match(m, s, ep + 1);
        if (r)
            return r;
        if (!single(m, s, p, ep))
            return NULL;
        s++;
    }
}

static const char *capture_open(Match *m, const char *s, const char *p, ptrdiff_t what)
{
    if (m->ncap >= MAX_CAPTURES)
        luaL_error(m->L, "too many captures");
    m->cap[m->ncap].at = s;
    m->cap[m->ncap].len = what;
    m->ncap++;
    const char *r = match(m, s, p);
    if (!r)
        m->ncap--;
    return r;
}

static const char *capture_close(Match *m, const char *s, const char *p)
{
    int i = m->ncap - 1;
    while (i >= 0 && m->cap[i].len != CAP_OPEN)
        i--;
    if (i < 0)
        luaL_error(m->L, "invalid pattern capture");
    m->cap[i].len = s - m->cap[i].at;
    const char *r = match(m, s, p);
    if (!r)
        m->cap[i].len = CAP_OPEN;
    return r;
}

/* %bxy at p (pointing at x). */
static const char *balance(Match *m, const char *s, const char *p)
{
    if (p + 1 >= m->pat_end)
        luaL_error(m->L, "malformed pattern (missing arguments to '%%b')");
    if (s >= m->subject_end || *s != p[0])
        return NULL;
    int level = 1;
    for (const char *q = s + 1; q < m->subject_end; q++) {
        step(m, 1);
        if (*q == p[1]) {
            if (--level == 0)
                return q + 1;
        } else if (*q == p[0]) {
            level++;
        }
    }
    return NULL;
}

/* %1 .. %9: the text of an earlier capture again. */
static const char *backref(Match *m, const char *s, int digit)
{
    int i = digit - '1';
    if (i < 0 || i >= m->ncap || m->cap[i].len == CAP_OPEN)
        luaL_error(m->L, "invalid capture index %%%d", i + 1);
    ptrdiff_t len = m->cap[i].len;
    if (len < 0) /* a position capture matches no text */
        return NULL;
    step(m, 1 + len / 16);
    if (m->subject_end - s >= len && memcmp(m->cap[i].at, s, (size_t)len) == 0)
        return s + len;
    return NULL;
}

/* The end of a match of pattern p at s, or NULL. */
static const char *match(Match *m, const char *s, const char *p)
{
    if (m->depth-- == 0)
        luaL_error(m->L, "pattern too complex");
    const char *r = s;
    while (p < m->pat_end) {
        step(m, 1);
        if (*p == '(') {
            r = p + 1 < m->pat_end && p[1] == ')' ? capture_open(m, s, p + 2, CAP_POSITION)
                                                  : capture_open(m, s, p + 1, CAP_OPEN);
            goto done;
        }
        if (*p == ')') {
            r = capture_close(m, s, p + 1);
            goto done;
        }
        if (*p == '$' && p + 1 == m->pat_end) {
            r = s == m->subject_end ? s : NULL;
            goto done;
        }
        if (*p == PAT_ESC && p + 1 < m->pat_end) {
            if (p[1] == 'b') {
                s = balance(m, s, p + 2);
                if (!s)
                    goto fail;
                p += 4;
                continue;
            }
            if (p[1] == 'f') {
                p += 2;
                if (p >= m->pat_end || *p != '[')
                    luaL_error(m->L, "missing '[' after '%%f' in pattern");
                const char *ep = item_end(m, p);
                int prev = s == m->subject ? '\0' : (unsigned char)s[-1];
                int cur = s < m->subject_end ? (unsigned char)*s : '\0';
                if (in_set(prev, p, ep - 1) || !in_set(cur, p, ep - 1))
                    goto fail;
                p = ep;
                continue;
            }
            if (isdigit((unsigned char)p[1])) {
                s = backref(m, s, (unsigned char)p[1]);
                if (!s)
                    goto fail;
                p += 2;
                continue;
            }
        }
        const char *ep = item_end(m, p);
        bool ok = single(m, s, p, ep);
        char suffix = ep < m->pat_end ? *ep : '\0';
        if (suffix == '?') {
            if (ok && (r = match(m, s + 1, ep + 1)) != NULL)
                goto done;
            p = ep + 1;
            continue;
        }
        if (suffix == '+') {
            r = ok ? expand_max(m, s + 1, p, ep) : NULL;
            goto done;
        }
        if (suffix == '*') {
            r = expand_max(m, s, p, ep);
            goto done;
        }
        if (suffix == '-') {
            r = expand_min(m, s, p, ep);
            goto done;
        }
        if (!ok)
            goto fail;
        s++;
        p = ep;
    }
    r = s;
    goto done;
fail:
    r = NULL;
done:
    m->depth++;
    return r;
}

/* Pushes capture i of the match [s, e); with no captures, i == 0 is the whole match. */
static void push_capture(Match *m, int i, const char *s, const char *e)
{
    if (i >= m->ncap) {
        if (i != 0)
            luaL_error(m->L, "invalid capture index %%%d", i + 1);
        lua_pushlstring(m->L, s, (size_t)(e - s));
        return;
    }
    ptrdiff_t len = m->cap[i].len;
    if (len == CAP_OPEN)
        luaL_error(m->L, "unfinished capture");
    if (len == CAP_POSITION)
        lua_pushinteger(m->L, (lua_Integer)(m->cap[i].at - m->subject) + 1);
    else
        lua_pushlstring(m->L, m->cap[i].at, (size_t)len);
}

/* Pushes every capture (s == NULL: none stands for the whole match). */
static int push_captures(Match *m, const char *s, const char *e)
{
    int n = m->ncap == 0 && s ? 1 : m->ncap;
    luaL_checkstack(m->L, n, "too many captures");
    for (int i = 0; i < n; i++)
        push_capture(m, i, s, e);
    return n;
}

/* A 1-based string position (negative from the end) as an offset; may be
 * past the end. */
static size_t start_offset(lua_Integer pos, size_t len)
{
    if (pos > 0)
        return (size_t)pos - 1;
    if (pos == 0 || pos < -(lua_Integer)len)
        return 0;
    return len - (size_t)(-pos);
}

static bool has_specials(const char *p, size_t lp)
{
    for (size_t i = 0; i < lp; i++)
        if (p[i] && strchr(PAT_SPECIALS, p[i]))
            return true;
    return false;
}

/* memmem that pays for the bytes it looks at. */
static const char *plain_find(lua_State *L, const char *s, size_t ls, const char *p, size_t lp)
{
    if (lp == 0)
        return s;
    if (lp > ls)
        return NULL;
    const char *end = s + (ls - lp) + 1; /* one past the last possible start */
    int64_t cost = 0;
    const char *found = NULL;
    while (s < end) {
        const char *hit = memchr(s, *p, (size_t)(end - s));
        if (!hit) {
            cost += (end - s) / 16;
            break;
        }
        cost += (hit - s) / 16 + 1 + (int64_t)(lp / 16);
        if (memcmp(hit + 1, p + 1, lp - 1) == 0) {
            found = hit;
            break;
        }
        s = hit + 1;
        if (cost >= STEP_CHUNK) {
            script_charge(L, cost);
            cost = 0;
        }
    }
    script_charge(L, cost);
    return found;
}

static int find_aux(lua_State *L, bool find)
{
    size_t ls, lp;
    const char *s = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    size_t init = start_offset(luaL_optinteger(L, 3, 1), ls);
    if (init > ls) {
        luaL_pushfail(L);
        return 1;
    }
    if (find && (lua_toboolean(L, 4) || !has_specials(p, lp))) {
        const char *r = plain_find(L, s + init, ls - init, p, lp);
        if (r) {
            lua_pushinteger(L, (lua_Integer)(r - s) + 1);
            lua_pushinteger(L, (lua_Integer)(r - s + (ptrdiff_t)lp));
            return 2;
        }
        luaL_pushfail(L);
        return 1;
    }
    bool anchor = lp > 0 && *p == '^';
    if (anchor) {
        p++;
        lp--;
    }
    Match m;
    match_init(&m, L, s, ls, p, lp);
    const char *s1 = s + init;
    do {
        match_reset(&m);
        const char *e = match(&m, s1, p);
        if (e) {
            settle(&m);
            if (!find)
                return push_captures(&m, s1, e);
            lua_pushinteger(L, (lua_Integer)(s1 - s) + 1);
            lua_pushinteger(L, (lua_Integer)(e - s));
            return push_captures(&m, NULL, NULL) + 2;
        }
    } while (s1++ < m.subject_end && !anchor);
    settle(&m);
    luaL_pushfail(L);
    return 1;
}

int script_l_find(lua_State *L) { return find_aux(L, true); }
int script_l_match(lua_State *L) { return find_aux(L, false); }

/* Where gmatch goes on from (offsets into the subject). */
typedef struct GMatchState {
    size_t pos;
    size_t last;          /* end of the last match, to skip an empty one there */
    bool has_last;
} GMatchState;

static int gmatch_next(lua_State *L)
{
    size_t ls, lp;
    const char *s = lua_tolstring(L, lua_upvalueindex(1), &ls);
    const char *p = lua_tolstring(L, lua_upvalueindex(2), &lp);
    GMatchState *g = lua_touserdata(L, lua_upvalueindex(3));
    Match m;
    match_init(&m, L, s, ls, p, lp);
    for (size_t at = g->pos; at <= ls; at++) {
        match_reset(&m);
        const char *e = match(&m, s + at, p);
        if (e && !(g->has_last && (size_t)(e - s) == g->last)) {
            g->pos = g->last = (size_t)(e - s);
            g->has_last = true;
            settle(&m);
            return push_captures(&m, s + at, e);
        }
    }
    g->pos = ls + 1; /* done: later calls find nothing at once */
    settle(&m);
    return 0;
}

int script_l_gmatch(lua_State *L)
{
    size_t ls;
    luaL_checklstring(L, 1, &ls);
    luaL_checkstring(L, 2);
    size_t init = start_offset(luaL_optinteger(L, 3, 1), ls);
    lua_settop(L, 2);
    GMatchState *g = lua_newuserdatauv(L, sizeof *g, 0);
    g->pos = init > ls ? ls + 1 : init;
    g->last = 0;
    g->has_last = false;
    lua_pushcclosure(L, gmatch_next, 3);
    return 1;
}

/* gsub's replacement string: %0 .. %9 and %%. */
static void add_template(Match *m, luaL_Buffer *b, const char *s, const char *e)
{
    lua_State *L = m->L;
    size_t l;
    const char *t = lua_tolstring(L, 3, &l), *end = t + l;
    while (t < end) {
        const char *esc = memchr(t, PAT_ESC, (size_t)(end - t));
        if (!esc) {
            luaL_addlstring(b, t, (size_t)(end - t));
            return;
        }
        luaL_addlstring(b, t, (size_t)(esc - t));
        esc++; /* a '%' at the very end meets the terminating '\0' */
        if (*esc == PAT_ESC) {
            luaL_addchar(b, PAT_ESC);
        } else if (isdigit((unsigned char)*esc)) {
            if (*esc == '0') {
                luaL_addlstring(b, s, (size_t)(e - s));
            } else {
                push_capture(m, *esc - '1', s, e);
                luaL_tolstring(L, -1, NULL);
                lua_remove(L, -2);
                luaL_addvalue(b);
            }
        } else {
            luaL_error(L, "invalid use of '%c' in replacement string", PAT_ESC);
        }
        t = esc + 1;
    }
}

/* Adds the replacement of the match [s, e); false if it kept the original. */
static bool add_value(Match *m, luaL_Buffer *b, const char *s, const char *e, int repl_type)
{
    lua_State *L = m->L;
    if (repl_type == LUA_TFUNCTION) {
        lua_pushvalue(L, 3);
        int n = push_captures(m, s, e);
        lua_call(L, n, 1);
    } else if (repl_type == LUA_TTABLE) {
        push_capture(m, 0, s, e);
        lua_gettable(L, 3);
    } else {
        add_template(m, b, s, e);
        return true;
    }
    if (!lua_toboolean(L, -1)) { /* nil or false: keep the original text */
        lua_pop(L, 1);
        luaL_addlstring(b, s, (size_t)(e - s));
        return false;
    }
    if (!lua_isstring(L, -1))
        luaL_error(L, "invalid replacement value (a %s)", luaL_typename(L, -1));
    luaL_addvalue(b);
    return true;
}

int script_l_gsub(lua_State *L)
{
    size_t ls, lp;
    const char *src = luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    int repl_type = lua_type(L, 3);
    lua_Integer max_n = luaL_optinteger(L, 4, (lua_Integer)ls + 1);
    luaL_argexpected(L,
                     repl_type == LUA_TNUMBER || repl_type == LUA_TSTRING || repl_type == LUA_TFUNCTION ||
                         repl_type == LUA_TTABLE,
                     3, "string/function/table");
    bool anchor = lp > 0 && *p == '^';
    if (anchor) {
        p++;
        lp--;
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    Match m;
    match_init(&m, L, src, ls, p, lp);
    const char *last = NULL;
    lua_Integer n = 0;
    bool changed = false;
    while (n < max_n) {
        match_reset(&m);
        const char *e = match(&m, src, p);
        if (e && e != last) {
            n++;
            changed = add_value(&m, &b, src, e, repl_type) || changed;
            src = last = e;
        } else if (src < m.subject_end) {
            luaL_addchar(&b, *src++);
        } else {
            break;
        }
        if (anchor)
            break;
    }
    settle(&m);
    if (!changed) {
        lua_pushvalue(L, 1);
    } else {
        luaL_addlstring(&b, src, (size_t)(m.subject_end - src));
        luaL_pushresult(&b);
    }
    lua_pushinteger(L, n);
    return 2;
}

