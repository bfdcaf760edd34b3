/* map_json.h — internal to engine/map: a small strict JSON parser (RFC 8259)
 * over a memory buffer. It builds a read-only tree whose nodes and strings
 * live in one arena owned by the MapJsonDoc. Only the map loader uses it.
 */
#ifndef MAP_JSON_H
#define MAP_JSON_H

#include <stddef.h>

/* Arrays and objects nested deeper than this are refused (no stack blow-up). */
#define MAP_JSON_MAX_DEPTH 64

typedef enum MapJsonType {
    MAP_JSON_NULL,
    MAP_JSON_FALSE,
    MAP_JSON_TRUE,
    MAP_JSON_NUMBER,
    MAP_JSON_STRING,
    MAP_JSON_ARRAY,
    MAP_JSON_OBJECT,
    MAP_JSON_TYPE_COUNT
} MapJsonType;

typedef struct MapJsonValue MapJsonValue;
struct MapJsonValue {
    MapJsonType type;
    int line;                   /* 1-based line where the value starts */
    const char *key;            /* member name inside an object, else NULL */
    const MapJsonValue *next;   /* next element or member of the parent */
    union {
        double number;          /* MAP_JSON_NUMBER: always finite */
        struct {
            const char *chars;  /* NUL-terminated UTF-8; may hold \u0000 */
            size_t len;         /* bytes, without the terminator */
        } string;
        struct {
            const MapJsonValue *first;  /* in document order */
            size_t count;
        } list;                 /* MAP_JSON_ARRAY elements, MAP_JSON_OBJECT members */
    } as;
};

typedef struct MapJsonDoc MapJsonDoc;

/* Parses `len` bytes of `text` (need not be NUL-terminated; never read past
 * `len`). Strings are checked to be valid UTF-8 and their escapes, \uXXXX and
 * surrogate pairs included, are decoded to UTF-8. Numbers follow the JSON
 * grammar and must be finite. A leading UTF-8 BOM is skipped.
 * \param name used in messages, e.g. "context.geojson"
 * \param err  receives "name: line N: message" on failure (may be NULL)
 * \returns the document (free with map_json_destroy) or NULL on bad input or
 *          out of memory. */
MapJsonDoc *map_json_parse(const char *text, size_t len, const char *name, char *err, size_t err_cap);

/* Frees the document and every value and string in it. NULL is ignored. */
void map_json_destroy(MapJsonDoc *doc);

/* The top-level value of a parsed document; never NULL. */
const MapJsonValue *map_json_root(const MapJsonDoc *doc);

/* The first member of object `obj` named `key`, or NULL if there is none or
 * `obj` is NULL or not an object. */
const MapJsonValue *map_json_get(const MapJsonValue *obj, const char *key);

/* "null", "false", "true", "number", "string", "array" or "object". */
const char *map_json_type_name(MapJsonType type);

#endif
