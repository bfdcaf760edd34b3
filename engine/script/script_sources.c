/* script_sources.c — the works a mod cites, declared in its sources.lua as
 * the game's own are in assets/data/works.csv (author, year and title at
 * least), and the check that every id a declaration's `sources = {...}`
 * names is a work of the game, a research note the game maps to its works,
 * or a mod's own work. The Sources screen lists a mod's works under its
 * name. */
#include "script_decl.h"

#include <stdio.h>
#include <string.h>

int script_work_count(const ScriptHost *h) { return h->work_count; }
const ScriptWork *script_work_at(const ScriptHost *h, int i)
{
    return i >= 0 && i < h->work_count ? &h->works[i] : NULL;
}

static bool game_source(const ScriptHost *h, const char *id)
{
    for (int i = 0; i < h->desc.source_id_count; i++)
        if (strcmp(h->desc.source_ids[i], id) == 0)
            return true;
    return false;
}

bool script_source_known(const ScriptHost *h, const char *id)
{
    if (h->desc.source_id_count == 0 || strncmp(id, "docs/", 5) == 0 || game_source(h, id))
        return true;
    for (int i = 0; i < h->work_count; i++)
        if (strcmp(h->works[i].id, id) == 0)
            return true;
    return false;
}

void script_source_suggest(const ScriptHost *h, const char *id, char *out, size_t cap)
{
    const char *names[512];
    int n = 0;
    for (int i = 0; i < h->desc.source_id_count && n < 512; i++)
        names[n++] = h->desc.source_ids[i];
    for (int i = 0; i < h->work_count && n < 512; i++)
        names[n++] = h->works[i].id;
    script_suggest_text(out, cap, id, names, n);
}

static const char *const kinds[] = {"statistics", "demography", "history", "account", "model"};
static const char *const grades[] = {"A", "B", "C"};

static bool one_work(const LoadCtx *c, int wt, ScriptWork *w)
{
    char what[96] = "sources.lua: a work";
    if (!lua_istable(c->L, wt))
        return decl_bad(c, NULL, "sources.lua returns a list of works like { { id = \"...\", author = \"...\", "
                                 "year = 1999, title = \"...\" } }");
    if (!decl_only_fields(c, wt, what, "Work") || !decl_str_field(c, wt, what, "id", w->id, sizeof w->id, NULL))
        return false;
    snprintf(what, sizeof what, "sources.lua: work '%s'", w->id);
    if (!decl_valid_id(w->id))
        return decl_bad(c, w->id, "%s: ids use only a-z, 0-9 and _", what);
    if (game_source(c->h, w->id))
        return decl_bad(c, w->id, "%s: the game's own sources already use this id", what);
    for (int i = 0; i < c->h->work_count; i++)
        if (strcmp(c->h->works[i].id, w->id) == 0)
            return decl_bad(c, w->id, "%s: mod %s's sources.lua already declares it", what, c->h->works[i].mod);
    if (!decl_enum_field(c, wt, what, "kind", w->kind, sizeof w->kind, kinds, 5, "history") ||
        !decl_enum_field(c, wt, what, "grade", w->grade, sizeof w->grade, grades, 3, "C") ||
        !decl_str_field(c, wt, what, "author", w->author, sizeof w->author, NULL) ||
        !decl_str_field(c, wt, what, "author_zh", w->author_zh, sizeof w->author_zh, "") ||
        !decl_str_field(c, wt, what, "title", w->title, sizeof w->title, NULL) ||
        !decl_str_field(c, wt, what, "title_zh", w->title_zh, sizeof w->title_zh, "") ||
        !decl_str_field(c, wt, what, "title_en", w->title_en, sizeof w->title_en, "") ||
        !decl_str_field(c, wt, what, "published", w->published, sizeof w->published, "") ||
        !decl_str_field(c, wt, what, "rests_on", w->rests_on, sizeof w->rests_on, "") ||
        !decl_str_field(c, wt, what, "rests_on_zh", w->rests_on_zh, sizeof w->rests_on_zh, ""))
        return false;
    lua_getfield(c->L, wt, "year");
    int whole = 0;
    lua_Integer y = lua_type(c->L, -1) == LUA_TNUMBER ? lua_tointegerx(c->L, -1, &whole) : 0;
    lua_pop(c->L, 1);
    if (!whole || y < 1000 || y > 2100)
        return decl_bad(c, "year", "%s: 'year' must be the year it was published, like year = 1999", what);
    w->year = (int)y;
    if (!w->author[0] || !w->title[0])
        return decl_bad(c, w->id, "%s: a work needs an author and a title", what);
    return true;
}

bool script_decl_sources(const LoadCtx *c, int t)
{
    /* The file returns the list itself: a table with named fields is one
     * work where the list of them belongs. */
    lua_getfield(c->L, t, "id");
    bool single = !lua_isnil(c->L, -1);
    lua_pop(c->L, 1);
    if (single)
        return decl_bad(c, "id", "sources.lua returns a list of works: this is a single work (wrap it in { })");
    lua_pushvalue(c->L, t);
    int n = (int)lua_rawlen(c->L, -1);
    int list = lua_gettop(c->L);
    bool ok = true;
    LoadCtx at = *c;
    for (int i = 1; i <= n && ok; i++) {
        if (c->h->work_count >= SCRIPT_MAX_WORKS) {
            ok = decl_bad(c, NULL, "sources.lua: at most %d works in all mods", SCRIPT_MAX_WORKS);
            break;
        }
        ScriptWork *w = &c->h->works[c->h->work_count];
        memset(w, 0, sizeof *w);
        lua_rawgeti(c->L, list, i);
        lua_getfield(c->L, -1, "id");
        if (lua_type(c->L, -1) == LUA_TSTRING)
            decl_anchor(&at, lua_tostring(c->L, -1), true);
        lua_pop(c->L, 1);
        ok = one_work(&at, lua_gettop(c->L), w);
        lua_pop(c->L, 1);
        if (ok) {
            script_copy(w->mod, sizeof w->mod, c->h->mods[c->mod].id);
            script_copy(w->file, sizeof w->file, c->display);
            w->line = at.anchor ? decl_line_at(c->src, at.anchor) : 1;
            c->h->work_count++;
        }
    }
    lua_pop(c->L, 1);
    return ok;
}
