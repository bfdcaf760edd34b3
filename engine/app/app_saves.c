/* app_saves.c — save files: a text header (version, mode, scenario, date,
 * one line per mod with its version and the size of its storage, the size
 * of the moment), the core's serialized state, each mod's storage, the
 * moment (what was done since the month began, and the view), then a
 * checksum over all of it. Written to a temporary file and renamed; a
 * damaged or foreign file is refused with a message and nothing else
 * changes. Format 2 (no moment: saved as the month began) still loads;
 * format 1 (no mod lines) is read, and its core state, from a model the
 * game no longer has, is refused by the core with a message. */
#define _POSIX_C_SOURCE 200809L
#include "app.h"

#include "platform.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define SAVE_MAGIC "GREATLEAP-SAVE 3\n"
#define SAVE_MAGIC_V2 "GREATLEAP-SAVE 2\n" /* before the moment */
#define SAVE_MAGIC_V1 "GREATLEAP-SAVE 1\n" /* before mods had storage */
#define MAX_CORE_BYTES ((size_t)64 << 20)
/* The largest file a save can be: the core, the storage, the header. */
#define MAX_SAVE_BYTES (MAX_CORE_BYTES + SCRIPT_MAX_SAVED_STORAGE_BYTES + ((size_t)1 << 20))
#define MOMENT_MAX (1u << 20)

static bool slot_path(int slot, char *out, size_t cap, bool create_dir)
{
    char dir[PLAT_PATH_MAX], saves[PLAT_PATH_MAX];
    if (!plat_user_dir(dir, sizeof dir, "XDG_DATA_HOME", ".local/share") ||
        !plat_path_join(saves, sizeof saves, dir, "saves") || (create_dir && !plat_mkdir_p(saves)))
        return false;
    char name[32];
    if (slot == 0)
        snprintf(name, sizeof name, "autosave.save");
    else
        snprintf(name, sizeof name, "slot%d.save", slot);
    return plat_path_join(out, cap, saves, name);
}

static uint64_t fnv(const uint8_t *p, size_t n) { return plat_fnv1a(PLAT_FNV1A_BASIS, p, n); }

bool app_save_write(const CoreState *s, int slot, bool historical, const char *scenario, char *err, size_t cap)
{
    return app_save_write_mods(s, NULL, 0, slot, historical, scenario, err, cap);
}

/* Whether `s` can be one word of the header: 1 to 39 printable ASCII
 * characters, no space (ids are checked where they enter, in mod.lua and
 * the scenario files; this keeps a bug from writing a save that cannot load). */
static bool header_word(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++)
        if (s[i] <= ' ' || s[i] > '~')
            return false;
    return n > 0 && n < CORE_ID_LEN;
}

/* "mod <id> <version> <migration level> <storage bytes>\n" for each mod. */
static bool mod_lines(char *out, size_t cap, const ScriptModSave *mods, int count, size_t *storage_total, char *err,
                      size_t err_cap)
{
    size_t used = 0;
    *storage_total = 0;
    out[0] = '\0';
    for (int i = 0; i < count; i++) {
        char version[sizeof mods[i].version];
        snprintf(version, sizeof version, "%s", mods[i].version[0] ? mods[i].version : "0");
        for (char *p = version; *p; p++)
            if (*p <= ' ' || *p > '~')
                *p = '_'; /* one word per field (mod.lua's versions are checked when they load) */
        if (!header_word(mods[i].id) || mods[i].migration_level < 0)
            return snprintf(err, err_cap, "a mod's id cannot be written into a save"), false;
        if (mods[i].storage_len > SCRIPT_MAX_SAVED_STORAGE_BYTES - *storage_total)
            return snprintf(err, err_cap, "the mods' storage together is larger than %zu MiB, the most a save holds",
                            SCRIPT_MAX_SAVED_STORAGE_BYTES >> 20),
                   false;
        int n = snprintf(out + used, cap - used, "mod %s %s %d %zu\n", mods[i].id, version, mods[i].migration_level,
                         mods[i].storage_len);
        if (n < 0 || (size_t)n >= cap - used)
            return snprintf(err, err_cap, "too many mods to save"), false;
        used += (size_t)n;
        *storage_total += mods[i].storage_len;
    }
    return true;
}

typedef struct SavedMods SavedMods;
static size_t parse_header(const char *text, size_t len, AppSaveMeta *m, size_t *core_len, SavedMods *sm);
static bool header_reads_back(const uint8_t *buf, size_t len, size_t header_len, size_t core_len, int mod_count,
                              size_t storage_total);

bool app_save_write_mods(const CoreState *s, const ScriptModSave *mods, int mod_count, int slot, bool historical,
                         const char *scenario, char *err, size_t cap)
{
    return app_save_write_moment(s, mods, mod_count, NULL, 0, slot, historical, scenario, err, cap);
}

bool app_save_write_moment(const CoreState *s, const ScriptModSave *mods, int mod_count, const char *moment,
                           size_t moment_len, int slot, bool historical, const char *scenario, char *err, size_t cap)
{
    char path[PLAT_PATH_MAX];
    if (slot < 0 || slot > APP_SAVE_SLOTS || !slot_path(slot, path, sizeof path, true)) {
        snprintf(err, cap, "cannot prepare the save folder: %s", plat_error());
        return false;
    }
    uint8_t *core;
    size_t core_len;
    if (!core_save_to_buffer(s, &core, &core_len)) {
        snprintf(err, cap, "%s", core_error_get());
        return false;
    }
    char header[512 + SCRIPT_MAX_MODS * 128], mods_text[SCRIPT_MAX_MODS * 128], when[32];
    size_t storage_total;
    if (mod_count > SCRIPT_MAX_MODS) {
        free(core);
        return snprintf(err, cap, "too many mods to save"), false;
    }
    if (!mod_lines(mods_text, sizeof mods_text, mods, mod_count, &storage_total, err, cap)) {
        free(core);
        return false;
    }
    if (!header_word(scenario) || core_len > MAX_CORE_BYTES) {
        free(core);
        return snprintf(err, cap, "the scenario id or the state cannot be written into a save"), false;
    }
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
    if (moment_len > MOMENT_MAX) {
        free(core);
        snprintf(err, cap, "the month's record is too long to save");
        return false;
    }
    int hn = snprintf(header, sizeof header, "%smode %s\nscenario %s\ndate %d-%02d\nsaved %s\n%smoment %zu\ncore %zu\n",
                      SAVE_MAGIC, historical ? "historical" : "free", scenario, core_state_year(s),
                      core_state_month_of_year(s), when, mods_text, moment_len, core_len);
    size_t total = (size_t)hn + core_len + storage_total + moment_len + 32;
    uint8_t *buf = malloc(total);
    if (!buf) {
        free(core);
        snprintf(err, cap, "out of memory while saving");
        return false;
    }
    memcpy(buf, header, (size_t)hn);
    memcpy(buf + hn, core, core_len);
    size_t used = (size_t)hn + core_len;
    for (int i = 0; i < mod_count; i++) {
        if (mods[i].storage_len)
            memcpy(buf + used, mods[i].storage, mods[i].storage_len);
        used += mods[i].storage_len;
    }
    if (moment_len)
        memcpy(buf + used, moment, moment_len);
    used += moment_len;
    used += (size_t)snprintf((char *)buf + used, total - used, "\nend %016llx\n",
                             (unsigned long long)fnv(buf, used));
    /* Never write a save that cannot be read back: its header must parse
     * to what was put in. */
    bool ok = header_reads_back(buf, used, (size_t)hn, core_len, mod_count, storage_total);
    if (!ok)
        snprintf(err, cap, "the save would not load back; nothing was written");
    else if (!(ok = plat_write_file_atomic(path, buf, used)))
        snprintf(err, cap, "%s", plat_error());
    free(core);
    free(buf);
    return ok;
}

/* The mods a header lists, and how many bytes of storage follow the core. */
struct SavedMods {
    ScriptModSave *items;    /* may be NULL: only sizes are kept */
    int cap, count;
    size_t storage_total;
    size_t moment_len;       /* the moment after the storage (format 3) */
};

/* Digits only, into *out (at most `most`). */
static bool parse_digits(const char *s, const char *end, unsigned long long most, unsigned long long *out)
{
    unsigned long long v = 0;
    if (s >= end)
        return false;
    for (; s < end; s++) {
        if (*s < '0' || *s > '9' || v > (most - (unsigned)(*s - '0')) / 10)
            return false;
        v = v * 10 + (unsigned)(*s - '0');
    }
    *out = v;
    return true;
}

/* "<id> <version> <level> <bytes>": read from both ends, so that a version
 * written with an odd byte by an older game (a carriage return) still
 * loads; the version only labels messages. */
static bool parse_mod_line(const char *line, SavedMods *sm)
{
    ScriptModSave m;
    memset(&m, 0, sizeof m);
    const char *end = line + strlen(line), *id_end = strchr(line, ' '), *last = strrchr(line, ' ');
    const char *level = last;
    while (level && level > line && *--level != ' ')
        ;
    unsigned long long lv, bytes;
    if (!id_end || id_end == line || (size_t)(id_end - line) >= sizeof m.id || !level || level <= id_end + 1 ||
        !parse_digits(level + 1, last, 1000000, &lv) || !parse_digits(last + 1, end, SCRIPT_MAX_STORAGE_BYTES, &bytes))
        return false;
    memcpy(m.id, line, (size_t)(id_end - line));
    size_t vlen = (size_t)(level - id_end - 1);
    snprintf(m.version, sizeof m.version, "%.*s", (int)(vlen < sizeof m.version ? vlen : sizeof m.version - 1),
             id_end + 1);
    m.migration_level = (int)lv;
    m.storage_len = (size_t)bytes;
    if (m.storage_len > SCRIPT_MAX_SAVED_STORAGE_BYTES - sm->storage_total)
        return false;
    sm->storage_total += m.storage_len;
    if (sm->items && sm->count < sm->cap)
        sm->items[sm->count] = m;
    sm->count++;
    return true;
}

/* Parses the header; returns the offset of the core bytes, or 0. */
static size_t parse_header(const char *text, size_t len, AppSaveMeta *m, size_t *core_len, SavedMods *sm)
{
    size_t magic = strlen(SAVE_MAGIC);
    if (len < magic || (memcmp(text, SAVE_MAGIC, magic) != 0 && memcmp(text, SAVE_MAGIC_V2, magic) != 0 &&
                        memcmp(text, SAVE_MAGIC_V1, magic) != 0))
        return 0;
    m->format = text[magic - 2] - '0';
    size_t pos = magic;
    *core_len = 0;
    while (pos < len) {
        const char *line = text + pos, *nl = memchr(line, '\n', len - pos);
        if (!nl || nl - line > 200)
            return 0;
        char buf[256];
        memcpy(buf, line, (size_t)(nl - line));
        buf[nl - line] = '\0';
        pos = (size_t)(nl - text) + 1;
        if (strncmp(buf, "mode ", 5) == 0)
            m->historical = strcmp(buf + 5, "historical") == 0;
        else if (strncmp(buf, "scenario ", 9) == 0)
            snprintf(m->scenario, sizeof m->scenario, "%.39s", buf + 9);
        else if (strncmp(buf, "date ", 5) == 0)
            sscanf(buf + 5, "%d-%d", &m->year, &m->month);
        else if (strncmp(buf, "saved ", 6) == 0)
            snprintf(m->saved_at, sizeof m->saved_at, "%.31s", buf + 6);
        else if (strncmp(buf, "mod ", 4) == 0 && !parse_mod_line(buf + 4, sm))
            return 0;
        else if (strncmp(buf, "moment ", 7) == 0) {
            char *end;
            unsigned long long n = strtoull(buf + 7, &end, 10);
            if (*end || n > MOMENT_MAX)
                return 0;
            sm->moment_len = (size_t)n;
        }
        else if (strncmp(buf, "core ", 5) == 0) {
            char *end;
            unsigned long long n = strtoull(buf + 5, &end, 10);
            /* A state longer than the file is a cut-short save: the
             * checksum test reports it as damaged. */
            if (*end || n == 0 || n > MAX_CORE_BYTES)
                return 0;
            *core_len = (size_t)n;
            return pos;
        }
    }
    return 0;
}

/* Whether a save about to be written parses back: its header ends where
 * the core starts and lists the mods and sizes that were put in. */
static bool header_reads_back(const uint8_t *buf, size_t len, size_t header_len, size_t core_len, int mod_count,
                              size_t storage_total)
{
    AppSaveMeta meta;
    memset(&meta, 0, sizeof meta);
    SavedMods sm = {NULL, 0, 0, 0, 0};
    size_t core_read = 0;
    return parse_header((const char *)buf, len, &meta, &core_read, &sm) == header_len && core_read == core_len &&
           sm.count == mod_count && sm.storage_total == storage_total;
}

int app_saves_clean(void)
{
    char dir[PLAT_PATH_MAX], saves[PLAT_PATH_MAX], config[PLAT_PATH_MAX];
    int removed = 0;
    /* A write takes well under a second: a temporary file a minute old, or
     * one whose process is gone, was left by a kill or a crash. */
    if (plat_user_dir(dir, sizeof dir, "XDG_DATA_HOME", ".local/share") &&
        plat_path_join(saves, sizeof saves, dir, "saves"))
        removed += plat_remove_stale_temps(saves, 60);
    if (plat_user_dir(config, sizeof config, "XDG_CONFIG_HOME", ".config"))
        removed += plat_remove_stale_temps(config, 60);
    return removed;
}

const char *app_save_status_key(AppSaveStatus status)
{
    static const char *const keys[] = {[APP_SAVE_OK] = "ui.loaded",
                                       [APP_SAVE_MISSING] = "save.missing",
                                       [APP_SAVE_UNREADABLE] = "save.unreadable",
                                       [APP_SAVE_FOREIGN] = "save.foreign",
                                       [APP_SAVE_DAMAGED] = "save.damaged",
                                       [APP_SAVE_INCOMPATIBLE] = "save.incompatible",
                                       [APP_SAVE_OLD_MODEL] = "save.old_model",
                                       [APP_SAVE_NEEDS_MOD] = "save.needs_mod"};
    return (unsigned)status < sizeof keys / sizeof keys[0] ? keys[status] : "save.unreadable";
}

/* Gives each listed mod its own copy of its storage bytes. */
static bool copy_storage(const char *at, ScriptModSave *mods, int count)
{
    for (int i = 0; i < count; i++) {
        mods[i].storage = NULL;
        if (mods[i].storage_len && !(mods[i].storage = malloc(mods[i].storage_len))) {
            script_mod_saves_free(mods, i);
            return false;
        }
        if (mods[i].storage_len)
            memcpy(mods[i].storage, at, mods[i].storage_len);
        at += mods[i].storage_len;
    }
    return true;
}

static char *read_slot(int slot, size_t *len, AppSaveStatus *status, char *err, size_t cap)
{
    char path[PLAT_PATH_MAX];
    if (slot < 0 || slot > APP_SAVE_SLOTS || !slot_path(slot, path, sizeof path, false) || !plat_is_file(path)) {
        snprintf(err, cap, "no save in slot %d", slot);
        *status = APP_SAVE_MISSING;
        return NULL;
    }
    char *text = plat_read_file(path, MAX_SAVE_BYTES, len);
    if (!text) {
        snprintf(err, cap, "%s", plat_error());
        *status = APP_SAVE_UNREADABLE;
    }
    return text;
}

CoreState *app_save_read(int slot, AppSaveMeta *meta, char *err, size_t cap)
{
    int count;
    return app_save_read_mods(slot, meta, NULL, 0, &count, err, cap);
}

CoreState *app_save_read_mods(int slot, AppSaveMeta *meta, ScriptModSave *mods, int mods_cap, int *mod_count,
                              char *err, size_t cap)
{
    return app_save_read_moment(slot, meta, mods, mods_cap, mod_count, NULL, NULL, err, cap);
}

/* The shape of the core state a save holds: its format, and the counts of
 * parameters and levers the model had (what the core checks). */
typedef struct CoreShape {
    unsigned format, params, levers;
} CoreShape;

static CoreShape core_shape(const char *core, size_t len)
{
    CoreShape s = {0, 0, 0};
    unsigned *fields[] = {&s.format, &s.params, &s.levers};
    for (int f = 0; f < 3 && len >= 16 + 8 * (size_t)f; f++) {
        uint64_t v = 0;
        for (int i = 0; i < 8; i++)
            v |= (uint64_t)(unsigned char)core[8 + 8 * f + i] << (8 * i);
        *fields[f] = v < 100000 ? (unsigned)v : 0;
    }
    return s;
}

/* Whether a state comes from another model of the famine than this one:
 * an older format, or the same format with other parameters or levers. */
static bool other_model(CoreShape s)
{
    return s.format && (s.format < core_save_format() ||
                        (s.format == core_save_format() && (s.params != CORE_PARAM_COUNT || s.levers != CORE_LEVER_COUNT)));
}

CoreState *app_save_read_moment(int slot, AppSaveMeta *meta, ScriptModSave *mods, int mods_cap, int *mod_count,
                                char **moment, size_t *moment_len, char *err, size_t cap)
{
    memset(meta, 0, sizeof *meta);
    *mod_count = 0;
    if (moment) {
        *moment = NULL;
        *moment_len = 0;
    }
    size_t len;
    char *text = read_slot(slot, &len, &meta->status, err, cap);
    if (!text)
        return NULL;
    meta->exists = true;
    SavedMods sm = {mods, mods_cap, 0, 0, 0};
    size_t core_len, at = parse_header(text, len, meta, &core_len, &sm);
    CoreState *s = NULL;
    char trailer[64];
    if (at == 0) {
        snprintf(err, cap, "no Great Leap save header");
        meta->status = APP_SAVE_FOREIGN;
    } else {
        size_t body = at + core_len + sm.storage_total + sm.moment_len;
        int n = body <= len ? snprintf(trailer, sizeof trailer, "\nend %016llx\n",
                                       (unsigned long long)fnv((const uint8_t *)text, body))
                            : 0;
        if (body > len) {
            snprintf(err, cap, "the file ends %zu bytes early", body - len);
            meta->status = APP_SAVE_DAMAGED;
        } else if (len != body + (size_t)n || memcmp(text + body, trailer, (size_t)n) != 0) {
            snprintf(err, cap, "checksum does not match");
            meta->status = APP_SAVE_DAMAGED;
        } else if (!(s = core_load_from_buffer((const uint8_t *)text + at, core_len))) {
            CoreShape shape = core_shape(text + at, core_len);
            if (other_model(shape))
                snprintf(err, cap, "save format %d, state format %u with %u parameters and %u levers, from another "
                                   "model of the famine than this version's (state format %u with %d parameters and "
                                   "%d levers): it cannot be continued; the file is kept as it is",
                         meta->format, shape.format, shape.params, shape.levers, core_save_format(),
                         (int)CORE_PARAM_COUNT, (int)CORE_LEVER_COUNT);
            else
                snprintf(err, cap, "%s", core_error_get());
            meta->status = other_model(shape) ? APP_SAVE_OLD_MODEL : APP_SAVE_INCOMPATIBLE;
        } else if (sm.count > mods_cap && mods) {
            snprintf(err, cap, "the save lists %d mods; at most %d can load", sm.count, mods_cap);
            meta->status = APP_SAVE_INCOMPATIBLE;
            core_state_destroy(s);
            s = NULL;
        } else if (mods && !copy_storage(text + at + core_len, mods, sm.count)) {
            snprintf(err, cap, "out of memory reading the mods' storage");
            meta->status = APP_SAVE_UNREADABLE;
            core_state_destroy(s);
            s = NULL;
        } else if (moment && sm.moment_len && !(*moment = malloc(sm.moment_len + 1))) {
            snprintf(err, cap, "out of memory reading the save's month");
            meta->status = APP_SAVE_UNREADABLE;
            script_mod_saves_free(mods, mods ? sm.count : 0);
            core_state_destroy(s);
            s = NULL;
        } else {
            if (mods)
                *mod_count = sm.count;
            if (moment && sm.moment_len) {
                memcpy(*moment, text + at + core_len + sm.storage_total, sm.moment_len);
                (*moment)[sm.moment_len] = '\0';
                *moment_len = sm.moment_len;
            }
        }
    }
    meta->damaged = s == NULL;
    free(text);
    return s;
}

void app_save_meta(int slot, AppSaveMeta *meta)
{
    memset(meta, 0, sizeof *meta);
    char err[64];
    size_t len;
    char *text = read_slot(slot, &len, &meta->status, err, sizeof err);
    if (!text)
        return;
    meta->exists = true;
    size_t core_len;
    SavedMods sm = {NULL, 0, 0, 0, 0};
    meta->damaged = parse_header(text, len, meta, &core_len, &sm) == 0;
    if (meta->damaged)
        meta->status = APP_SAVE_FOREIGN;
    free(text);
}
