/* script_explain.c — the console's "explain EVENT [PROVINCE]": whether an
 * event would fire now and why, one line per rule.
 *
 * The engine's rules (disabled, dates, once, province, mean time to happen)
 * come from the declaration. The trigger is a Lua function, so it is read
 * back from its file (lua_getinfo gives the lines): when its body is a single
 * `return A and B and ...` (or `or`), it is split at the top-level operator
 * and each clause is compiled as `return function(s, p) return A end` in the
 * trigger's own environment and run on the same (s, p), with the values of
 * the s.x / p.x fields it reads. Any other shape, or a clause that fails,
 * and the trigger is shown and run whole.
 *
 * Everything runs protected and quietly (h->quiet): a failing clause is part
 * of the answer, not an error of the mod; no event is disabled, and the
 * state's script random stream and the mod's storage are put back. */
#include "script_internal.h"

#include "platform.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CLAUSES 16
#define MAX_PATHS 6
#define MAX_TEXT 2048
#define MAX_SOURCE_BYTES (4u << 20)

typedef struct Span {
    int start, len;
} Span;

/* The trigger as read back from its file. */
typedef struct TriggerText {
    bool has_trigger;
    char source[256];         /* display name of its file, "" if not a Lua file */
    int first, last;          /* its lines */
    bool plain;               /* no upvalue but _ENV: its text can be compiled apart */
    char shown[MAX_TEXT];     /* the function's text, on one line */
    char params[64];          /* "s, p" */
    char expr[MAX_TEXT];      /* EXPR of a body `return EXPR`; "" for another shape */
    int clause_count;         /* 0 if it cannot be split */
    Span clauses[MAX_CLAUSES];
    bool any_of;              /* the clauses are joined by `or` */
} TriggerText;

typedef struct Explain {
    ScriptHost *h;
    CoreState *s;
    ScriptEvent *e;
    int event, province, now;
    char *out;
    size_t cap, used;
    const char *why_not;      /* the first rule that fails, NULL while all hold */
    char why_buf[160];
    ScriptError failure;      /* where h->quiet puts a failing call's error */
    int env;                  /* stack slot of the trigger's _ENV (nil if it has none) */
    TriggerText t;
} Explain;

/* ==== Output ==== */

static void vadd(Explain *x, const char *fmt, va_list ap)
{
    if (x->used + 1 >= x->cap)
        return;
    int n = vsnprintf(x->out + x->used, x->cap - x->used, fmt, ap);
    if (n > 0)
        x->used += (size_t)n < x->cap - x->used ? (size_t)n : x->cap - x->used - 1;
}

#if defined(__GNUC__)
#define PRINTF_LIKE(f, a) __attribute__((format(printf, f, a)))
#else
#define PRINTF_LIKE(f, a)
#endif

static void add(Explain *x, const char *fmt, ...) PRINTF_LIKE(2, 3);
static void add(Explain *x, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(x, fmt, ap);
    va_end(ap);
}

/* One line: "yes  ", "no   " or four spaces (holds < 0), then the text. */
static void line(Explain *x, int holds, const char *fmt, ...) PRINTF_LIKE(3, 4);
static void line(Explain *x, int holds, const char *fmt, ...)
{
    add(x, "\n%s", holds < 0 ? "    " : holds ? "yes  " : "no   ");
    va_list ap;
    va_start(ap, fmt);
    vadd(x, fmt, ap);
    va_end(ap);
}

static void fail_rule(Explain *x, const char *why)
{
    if (!x->why_not) {
        script_copy(x->why_buf, sizeof x->why_buf, why);
        x->why_not = x->why_buf;
    }
}

static const char *ym_text(int ym, char buf[16])
{
    snprintf(buf, 16, "%04d-%02d", ym / 12, ym % 12 + 1);
    return buf;
}

/* ==== Reading the trigger's text ==== */

typedef enum TokKind { TK_END, TK_NAME, TK_OPEN, TK_CLOSE, TK_OTHER, TK_BAD } TokKind;

typedef struct Tok {
    TokKind kind;
    int start, len;
} Tok;

static bool name_char(char c) { return isalnum((unsigned char)c) || c == '_'; }

static bool tok_is(const char *t, Tok k, const char *word)
{
    return k.kind == TK_NAME && (size_t)k.len == strlen(word) && strncmp(t + k.start, word, (size_t)k.len) == 0;
}

/* The length of a long string "[==[ ... ]==]" at t, or 0 if there is none
 * (-1 if it does not end). */
static int long_string(const char *t)
{
    int eq = 0;
    while (t[1 + eq] == '=')
        eq++;
    if (t[0] != '[' || t[1 + eq] != '[')
        return 0;
    for (const char *p = t + 2 + eq; (p = strchr(p, ']')) != NULL; p++) {
        int n = 0;
        while (p[1 + n] == '=')
            n++;
        if (n == eq && p[1 + n] == ']')
            return (int)(p + 2 + n - t);
    }
    return -1;
}

/* The token at t[*pos], after blanks. Strings and numbers are one token
 * (TK_OTHER); a comment is TK_BAD: the splitter gives up rather than guess. */
static Tok next_token(const char *t, int *pos)
{
    int i = *pos;
    while (t[i] && isspace((unsigned char)t[i]))
        i++;
    Tok k = {TK_OTHER, i, 1};
    char c = t[i];
    if (!c) {
        k.kind = TK_END;
        k.len = 0;
    } else if (c == '-' && t[i + 1] == '-') {
        k.kind = TK_BAD;
    } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (t[j] && t[j] != c && t[j] != '\n')
            j += t[j] == '\\' && t[j + 1] ? 2 : 1;
        if (t[j] == c)
            k.len = j + 1 - i;
        else
            k.kind = TK_BAD;
    } else if (c == '[' && long_string(t + i) != 0) {
        int n = long_string(t + i);
        if (n < 0)
            k.kind = TK_BAD;
        else
            k.len = n;
    } else if (isalpha((unsigned char)c) || c == '_') {
        k.kind = TK_NAME;
        while (name_char(t[i + k.len]))
            k.len++;
    } else if (isdigit((unsigned char)c) || (c == '.' && isdigit((unsigned char)t[i + 1]))) {
        while (name_char(t[i + k.len]) || t[i + k.len] == '.' ||
               ((t[i + k.len] == '+' || t[i + k.len] == '-') && strchr("eEpP", t[i + k.len - 1])))
            k.len++;
    } else if (strchr("([{", c)) {
        k.kind = TK_OPEN;
    } else if (strchr(")]}", c)) {
        k.kind = TK_CLOSE;
    }
    *pos = k.start + k.len;
    return k;
}

/* Words that cannot be part of a plain expression: a body holding one is
 * not a single `return EXPR`. */
static bool statement_word(const char *t, Tok k)
{
    static const char *const words[] = {"function", "return", "local", "if", "then", "else", "elseif", "do",
                                        "while", "for", "repeat", "until", "goto", "break", "in", "end", NULL};
    for (int i = 0; words[i]; i++)
        if (tok_is(t, k, words[i]))
            return true;
    return false;
}

/* Reads "function name(a, b)" from t[*pos] into params; false if the
 * parameters are not plain names. */
static bool read_header(const char *t, int *pos, char *params, size_t cap)
{
    Tok k;
    do
        k = next_token(t, pos);
    while (k.kind != TK_END && k.kind != TK_BAD && !tok_is(t, k, "function"));
    if (k.kind != TK_NAME)
        return false;
    do /* an optional name: function M.helper( */
        k = next_token(t, pos);
    while (k.kind == TK_NAME || (k.kind == TK_OTHER && strchr(".:", t[k.start])));
    if (k.kind != TK_OPEN || t[k.start] != '(')
        return false;
    params[0] = '\0';
    for (k = next_token(t, pos); k.kind != TK_CLOSE; k = next_token(t, pos)) {
        bool comma = k.kind == TK_OTHER && t[k.start] == ',';
        if (k.kind != TK_NAME && !comma)
            return false;
        size_t used = strlen(params);
        if (used + (size_t)k.len + 2 >= cap)
            return false;
        snprintf(params + used, cap - used, "%.*s%s", k.len, t + k.start, comma ? " " : "");
    }
    return t[k.start] == ')';
}

/* Copies EXPR of a body "return EXPR end" at t[*pos] into tt->expr and
 * splits it at its top-level `or`s, or else its `and`s. False for any other
 * shape. */
static bool read_body(const char *t, int *pos, TriggerText *tt)
{
    Tok k = next_token(t, pos);
    if (!tok_is(t, k, "return"))
        return false;
    int start = *pos + (int)strspn(t + *pos, " \t\r\n"), depth = 0, ands[MAX_CLAUSES], ors[MAX_CLAUSES], nand = 0, nor = 0;
    for (k = next_token(t, pos); !tok_is(t, k, "end"); k = next_token(t, pos)) {
        if (k.kind == TK_END || k.kind == TK_BAD || statement_word(t, k))
            return false;
        depth += k.kind == TK_OPEN ? 1 : k.kind == TK_CLOSE ? -1 : 0;
        if (depth < 0)
            return false;
        if (depth == 0 && tok_is(t, k, "and") && nand < MAX_CLAUSES)
            ands[nand++] = k.start - start;
        if (depth == 0 && tok_is(t, k, "or") && nor < MAX_CLAUSES)
            ors[nor++] = k.start - start;
    }
    int len = k.start - start;
    while (len > 0 && (isspace((unsigned char)t[start + len - 1]) || t[start + len - 1] == ';'))
        len--;
    if (depth != 0 || len <= 0 || len >= (int)sizeof tt->expr || nand >= MAX_CLAUSES || nor >= MAX_CLAUSES)
        return false;
    memcpy(tt->expr, t + start, (size_t)len);
    tt->expr[len] = '\0';
    /* `or` binds loosest, so the top level is a chain of `or`s if there is
     * any; each clause may hold `and`s. */
    tt->any_of = nor > 0;
    int *cuts = nor ? ors : ands, ncut = nor ? nor : nand, word = nor ? 2 : 3, from = 0;
    for (int i = 0; i <= ncut; i++) {
        int to = i < ncut ? cuts[i] : len;
        Span sp = {from, to - from};
        while (sp.len > 0 && isspace((unsigned char)tt->expr[sp.start]))
            sp.start++, sp.len--;
        while (sp.len > 0 && isspace((unsigned char)tt->expr[sp.start + sp.len - 1]))
            sp.len--;
        if (sp.len <= 0)
            return false;
        tt->clauses[tt->clause_count++] = sp;
        from = to + word;
    }
    return true;
}

/* The function's text with runs of blanks made one space. */
static void collapse(const char *text, char *out, size_t cap)
{
    size_t n = 0;
    for (const char *p = text; *p && n + 1 < cap; p++) {
        bool blank = isspace((unsigned char)*p);
        if (blank && (n == 0 || out[n - 1] == ' '))
            continue;
        out[n++] = blank ? ' ' : *p;
    }
    while (n > 0 && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

/* The function's lines from its `function` to its last `end`, on one line
 * (what comes before and after it on those lines is the declaration's). */
static void show_function(const char *text, char *out, size_t cap)
{
    const char *start = strstr(text, "function"), *end = NULL;
    if (!start)
        start = text;
    for (const char *p = strstr(start, "end"); p; p = strstr(p + 1, "end"))
        end = p + 3;
    char *part = malloc(strlen(start) + 1);
    if (!part) {
        collapse(text, out, cap);
        return;
    }
    size_t n = end ? (size_t)(end - start) : strlen(start);
    memcpy(part, start, n);
    part[n] = '\0';
    collapse(part, out, cap);
    free(part);
}

/* Lines first..last of a file, or false. */
static bool read_lines(const ScriptHost *h, const char *display, int first, int last, char *out, size_t cap)
{
    size_t len;
    char *src = script_file_read(h, display, MAX_SOURCE_BYTES, &len);
    if (!src)
        return false;
    const char *p = src;
    for (int l = 1; l < first && p; l++)
        p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL;
    const char *end = p;
    for (int l = first; l <= last && end; l++)
        end = strchr(end, '\n') ? strchr(end, '\n') + 1 : NULL;
    if (p && !end)
        end = src + len;
    bool ok = p && end && (size_t)(end - p) < cap;
    if (ok) {
        memcpy(out, p, (size_t)(end - p));
        out[end - p] = '\0';
    }
    free(src);
    return ok;
}

/* Fills tt from the trigger's source lines (plain C, between the protected
 * bodies: it reads a file). */
static void read_trigger_text(const ScriptHost *h, TriggerText *tt)
{
    char *text = malloc(MAX_TEXT);
    if (!text || !tt->source[0] || tt->first <= 0 || !read_lines(h, tt->source, tt->first, tt->last, text, MAX_TEXT)) {
        free(text);
        return;
    }
    show_function(text, tt->shown, sizeof tt->shown);
    int pos = 0;
    /* Only one function in its lines: another one on the same line could be
     * the one lua_getinfo meant. */
    const char *again = strstr(text, "function");
    bool one = again && !strstr(again + 1, "function");
    if (!one || !tt->plain || !read_header(text, &pos, tt->params, sizeof tt->params) || !read_body(text, &pos, tt))
        tt->clause_count = 0;
    free(text);
}

/* ==== Running clauses ==== */

/* Pushes the trigger function, or nil. */
static void push_trigger(Explain *x)
{
    lua_State *L = x->h->mods[x->e->mod].L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, x->e->ref);
    lua_getfield(L, -1, "trigger");
    lua_remove(L, -2);
}

/* Calls the function on top with the trigger's arguments (s [, p]) and
 * leaves its one result. False with the error in x->failure. */
static bool call_with_views(Explain *x)
{
    lua_State *L = x->h->mods[x->e->mod].L;
    script_push_state_view(L);
    int nargs = 1;
    if (x->province >= 0) {
        script_push_province_view(L, x->province);
        nargs = 2;
    }
    return script_call(x->h, x->e->mod, nargs, 1, "explain");
}

/* Compiles `return function(PARAMS) return EXPR end` in the trigger's
 * environment, runs it on (s [, p]) and leaves the value. */
static bool eval_text(Explain *x, const char *expr, int len)
{
    lua_State *L = x->h->mods[x->e->mod].L;
    char code[MAX_TEXT + 128];
    int n = snprintf(code, sizeof code, "return function(%s) return %.*s\nend", x->t.params, len, expr);
    if (n < 0 || (size_t)n >= sizeof code)
        return false;
    if (lua_isnil(L, x->env))
        script_sandbox_push_env(L);
    else
        lua_pushvalue(L, x->env);
    if (script_sandbox_load(L, code, (size_t)n, "=explain") != LUA_OK) {
        snprintf(x->failure.message, sizeof x->failure.message, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);
        return false;
    }
    return script_call(x->h, x->e->mod, 0, 1, "explain") && call_with_views(x);
}

/* The value on top as text, for plain values only; pops it. */
static bool value_text(lua_State *L, char *buf, size_t cap)
{
    int t = lua_type(L, -1);
    bool plain = true;
    if (t == LUA_TNUMBER && lua_isinteger(L, -1))
        snprintf(buf, cap, "%lld", (long long)lua_tointeger(L, -1));
    else if (t == LUA_TNUMBER)
        snprintf(buf, cap, "%.6g", (double)lua_tonumber(L, -1));
    else if (t == LUA_TSTRING)
        snprintf(buf, cap, "\"%.40s\"", lua_tostring(L, -1));
    else if (t == LUA_TBOOLEAN || t == LUA_TNIL)
        snprintf(buf, cap, "%s", t == LUA_TNIL ? "nil" : lua_toboolean(L, -1) ? "true" : "false");
    else
        plain = false;
    lua_pop(L, 1);
    return plain;
}

static bool is_param(const TriggerText *tt, const char *t, Tok k)
{
    const char *p = tt->params;
    while (*p) {
        size_t n = strcspn(p, ", ");
        if (n == (size_t)k.len && strncmp(p, t + k.start, n) == 0)
            return true;
        p += n;
        p += strspn(p, ", ");
    }
    return false;
}

/* "   [p.pests = 0.41, s.year = 1960]": the fields a clause reads, found as
 * PARAM.name(.name)* in its text, each evaluated on its own. */
static void clause_values(Explain *x, Span sp, char *out, size_t cap)
{
    char text[MAX_TEXT], paths[MAX_PATHS][128];
    int npaths = 0, pos = 0;
    size_t used = 0;
    snprintf(text, sizeof text, "%.*s", sp.len, x->t.expr + sp.start);
    out[0] = '\0';
    bool after_dot = false;
    for (Tok k = next_token(text, &pos); k.kind != TK_END && k.kind != TK_BAD && npaths < MAX_PATHS;
         k = next_token(text, &pos)) {
        bool dot = k.kind == TK_OTHER && strchr(".:", text[k.start]);
        if (k.kind == TK_NAME && !after_dot && is_param(&x->t, text, k)) {
            int end = k.start + k.len, look = end;
            while (text[look] == '.' && text[look + 1] != '.') {
                Tok field = next_token(text, &(int){look + 1});
                if (field.kind != TK_NAME || field.start != look + 1)
                    break;
                end = look = field.start + field.len;
            }
            snprintf(paths[npaths], sizeof paths[npaths], "%.*s", end - k.start, text + k.start);
            bool seen = end == k.start + k.len; /* a bare parameter: nothing to show */
            for (int i = 0; i < npaths && !seen; i++)
                seen = strcmp(paths[i], paths[npaths]) == 0;
            if (!seen)
                npaths++;
            pos = end;
        }
        after_dot = dot;
    }
    for (int i = 0; i < npaths; i++) {
        char value[64];
        lua_State *L = x->h->mods[x->e->mod].L;
        if (!eval_text(x, paths[i], (int)strlen(paths[i])) || !value_text(L, value, sizeof value))
            continue;
        int n = snprintf(out + used, cap - used, "%s%s = %s", used ? ", " : "   [", paths[i], value);
        if (n < 0 || (size_t)n >= cap - used - 1)
            break;
        used += (size_t)n;
    }
    if (used)
        snprintf(out + used, cap - used, "]");
}

/* ==== The rules ==== */

static void engine_rules(Explain *x)
{
    const ScriptEventInfo *in = &x->e->info;
    char a[16], b[16];
    bool mod_off = x->h->mods[x->e->mod].disabled;
    if (in->disabled || mod_off) {
        line(x, 0, "not disabled (%s)", mod_off ? "its mod is disabled for this session" : "disabled after an error");
        fail_rule(x, "disabled");
    } else
        line(x, 1, "not disabled");
    if (in->date_ym >= 0) {
        line(x, x->now >= in->date_ym, "date: from %s, now %s", ym_text(in->date_ym, a), ym_text(x->now, b));
        if (x->now < in->date_ym)
            fail_rule(x, "too early");
    }
    if (in->until_ym >= 0) {
        line(x, x->now <= in->until_ym, "date: until %s, now %s", ym_text(in->until_ym, a), ym_text(x->now, b));
        if (x->now > in->until_ym)
            fail_rule(x, "too late");
    }
    if (in->once) {
        const CoreDecision *d = core_decision_find(x->s, in->id, x->province);
        if (d)
            line(x, 0, "not fired yet (once): it fired in %s",
                 ym_text(x->now - x->s->month + d->month, a));
        else
            line(x, 1, "not fired yet (once)");
        if (d)
            fail_rule(x, "already fired");
    }
    const char *where = x->province >= 0 ? x->s->info[x->province].id : "";
    if (in->per_province)
        line(x, 1, "per province: %s", where);
    else if (in->province[0])
        line(x, 1, "province: %s (named by the event)", where);
    else
        line(x, -1, "national event");
}

/* The mean time to happen and this month's roll; the roll decides only
 * once the trigger holds, so its verdict waits (*missed). */
static void mtth_rule(Explain *x, bool *missed)
{
    const ScriptEventInfo *in = &x->e->info;
    *missed = false;
    if (in->mtth_months <= 0)
        return;
    double mtth;
    if (!script_event_mtth(x->h, x->event, x->province, &mtth)) {
        line(x, 0, "MTTH %g months: a modifier fails: %s", in->mtth_months, x->failure.message);
        *missed = true;
        return;
    }
    double chance = 1.0 - exp(-1.0 / mtth), roll = script_event_roll(x->s, in->id, x->province);
    char with[64] = "";
    if (mtth != in->mtth_months)
        snprintf(with, sizeof with, " (%.3g with its modifiers)", mtth);
    *missed = roll >= chance;
    line(x, !*missed, "MTTH %g months%s: %.1f%% chance this month, this month's roll %.3f", in->mtth_months, with,
         100.0 * chance, roll);
}

/* Evaluates every clause; false if one fails (then the trigger is shown
 * whole). */
static bool run_clauses(Explain *x, bool *holds)
{
    lua_State *L = x->h->mods[x->e->mod].L;
    for (int i = 0; i < x->t.clause_count; i++) {
        Span sp = x->t.clauses[i];
        if (!eval_text(x, x->t.expr + sp.start, sp.len))
            return false;
        holds[i] = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    return true;
}

static void trigger_rule(Explain *x)
{
    lua_State *L = x->h->mods[x->e->mod].L;
    if (!x->t.has_trigger) {
        line(x, 1, "trigger: none");
        return;
    }
    const char *shown = x->t.shown[0] ? x->t.shown : "(its source cannot be read)";
    push_trigger(x);
    if (!call_with_views(x)) {
        line(x, 0, "trigger: %s", shown);
        line(x, -1, "it fails: %s", x->failure.message);
        fail_rule(x, "the trigger fails");
        return;
    }
    bool whole = lua_toboolean(L, -1);
    lua_pop(L, 1);
    if (!whole)
        fail_rule(x, "the trigger does not hold");
    bool holds[MAX_CLAUSES];
    if (x->t.clause_count == 0 || !run_clauses(x, holds)) {
        line(x, whole, "trigger: %s", shown);
        return;
    }
    char values[512];
    if (x->t.clause_count == 1) {
        clause_values(x, x->t.clauses[0], values, sizeof values);
        line(x, whole, "trigger: %s%s", x->t.expr, values);
        return;
    }
    line(x, whole, "trigger, %s:", x->t.any_of ? "any of" : "all of");
    for (int i = 0; i < x->t.clause_count; i++) {
        Span sp = x->t.clauses[i];
        clause_values(x, sp, values, sizeof values);
        line(x, holds[i], "  %.*s%s", sp.len, x->t.expr + sp.start, values);
    }
}

/* The trigger's file, lines and upvalues (first protected body). */
static int source_body(lua_State *L)
{
    Explain *x = lua_touserdata(L, 1);
    push_trigger(x);
    x->t.has_trigger = !lua_isnil(L, -1);
    if (!lua_isfunction(L, -1))
        return 0;
    lua_Debug ar;
    lua_pushvalue(L, -1);
    lua_getinfo(L, ">Su", &ar);
    if (ar.source[0] == '@' && strcmp(ar.what, "Lua") == 0) {
        snprintf(x->t.source, sizeof x->t.source, "%s", ar.source + 1);
        x->t.first = ar.linedefined;
        x->t.last = ar.lastlinedefined;
    }
    /* A local of the file the trigger reads would be a nil global in a
     * clause compiled apart: only _ENV may be an upvalue. */
    x->t.plain = true;
    for (int i = 1; i <= ar.nups; i++) {
        const char *name = lua_getupvalue(L, -1, i);
        if (name)
            lua_pop(L, 1);
        if (!name || strcmp(name, "_ENV") != 0)
            x->t.plain = false;
    }
    return 0;
}

/* Pushes the trigger's _ENV, or nil if it has none. */
static void push_trigger_env(Explain *x)
{
    lua_State *L = x->h->mods[x->e->mod].L;
    push_trigger(x);
    for (int i = 1; lua_isfunction(L, -1); i++) {
        const char *name = lua_getupvalue(L, -1, i);
        if (!name)
            break;
        if (strcmp(name, "_ENV") == 0) {
            lua_remove(L, -2);
            return;
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    lua_pushnil(L);
}

/* Every rule and the verdict (second protected body). */
static int explain_body(lua_State *L)
{
    Explain *x = lua_touserdata(L, 1);
    push_trigger_env(x);
    x->env = lua_gettop(L);
    engine_rules(x);
    if (x->e->info.per_province && x->province < 0) {
        line(x, 0, "a province: the event runs once per province");
        fail_rule(x, "no province given");
        return 0;
    }
    bool missed;
    mtth_rule(x, &missed);
    trigger_rule(x);
    if (missed)
        fail_rule(x, "this month's roll missed");
    return 0;
}

bool script_event_explain(ScriptHost *h, CoreState *s, int event, int province, char *out, size_t cap)
{
    if (!out || !cap)
        return false;
    out[0] = '\0';
    if (event < 0 || event >= h->event_count || province >= s->province_count)
        return false;
    Explain *x = calloc(1, sizeof *x);
    if (!x)
        return snprintf(out, cap, "out of memory"), false;
    ScriptEvent *e = &h->events[event];
    *x = (Explain){.h = h, .s = s, .e = e, .event = event, .province = province, .out = out, .cap = cap,
                   .now = core_state_year(s) * 12 + core_state_month_of_year(s) - 1};
    add(x, "event %s (%s)%s%s", e->info.id, e->info.file, province >= 0 ? ", province " : "",
        province >= 0 ? s->info[province].id : "");

    ScriptError *outer_quiet = h->quiet;
    bool outer_strikes = h->no_strikes;
    h->quiet = &x->failure;
    h->no_strikes = true; /* like script_eval: the console's probes do not count against the mod */
    CoreRng rng = s->script_rng;
    char *storage = NULL;
    size_t storage_len = 0;
    bool keep_storage = script_storage_snapshot(h, e->mod, &storage, &storage_len);
    ScriptScope scope;
    script_begin(h, &scope, s, NULL, "explain", false);

    script_protected(h, e->mod, source_body, x, "explain");
    read_trigger_text(h, &x->t);
    if (!script_protected(h, e->mod, explain_body, x, "explain"))
        fail_rule(x, x->failure.message[0] ? x->failure.message : "the explanation failed");

    script_end(h, &scope);
    if (keep_storage)
        script_storage_rollback(h, e->mod, storage, storage_len);
    s->script_rng = rng;
    h->quiet = outer_quiet;
    h->no_strikes = outer_strikes;
    add(x, "\n=> %s%s", x->why_not ? "would not fire: " : "would fire", x->why_not ? x->why_not : "");
    free(x);
    return true;
}
