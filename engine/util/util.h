/* Internal helpers shared by the engine's stages (prefix sl_). */
#ifndef SOLIEU_UTIL_H
#define SOLIEU_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <solieu/common.h>

/* All engine allocations go through these, so a test can make the Nth one
 * fail (sl_alloc_fail_after). */
void *sl_malloc(size_t size);
void *sl_calloc(size_t n, size_t size);
void *sl_realloc(void *ptr, size_t size);
char *sl_strdup(const char *s);
char *sl_strndup(const char *s, size_t n);
/* After `n` more successful allocations every allocation fails; -1 disables. */
void sl_alloc_fail_after(long n);

/* printf into a fresh caller-owned string (NULL when out of memory). */
char *sl_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *sl_vprintf(const char *fmt, va_list ap);

/* A growable byte buffer, always NUL-terminated, with a hard cap. */
typedef struct sl_buf {
    char *data;
    size_t len;
    size_t cap;
    size_t max; /* 0 = no cap beyond SIZE_MAX/2 */
    int failed; /* set once an append could not be done */
} sl_buf;

void sl_buf_init(sl_buf *b, size_t max);
int sl_buf_reserve(sl_buf *b, size_t extra);
/* Appends n bytes, growing the buffer; sl_buf_append when it must grow. */
int sl_buf_append_growing(sl_buf *b, const char *s, size_t n);
/* Appends are the inner loop of output and text building: inline while
 * the room is there. */
static inline int sl_buf_append(sl_buf *b, const char *s, size_t n)
{
    if (b->failed || n >= b->cap - b->len || n > b->max - b->len)
        return sl_buf_append_growing(b, s, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}
static inline int sl_buf_putc(sl_buf *b, char c)
{
    return sl_buf_append(b, &c, 1);
}
int sl_buf_puts(sl_buf *b, const char *s);
int sl_buf_printf(sl_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the bytes to the caller (never NULL unless failed) and resets b. */
char *sl_buf_take(sl_buf *b);
void sl_buf_free(sl_buf *b);

/* A growable array of fixed-size elements. */
typedef struct sl_vec {
    void *items;
    size_t len;
    size_t cap;
    size_t size;
} sl_vec;

void sl_vec_init(sl_vec *v, size_t elem_size);
/* Makes room for one more element; -1 when out of memory. */
int sl_vec_grow(sl_vec *v);
/* Appends a zeroed element and returns it, or NULL when out of memory. */
static inline void *sl_vec_push(sl_vec *v)
{
    if (v->len == v->cap && sl_vec_grow(v) != 0)
        return NULL;
    void *slot = (char *)v->items + v->len * v->size;
    memset(slot, 0, v->size);
    v->len++;
    return slot;
}
static inline void *sl_vec_at(const sl_vec *v, size_t i)
{
    return (char *)v->items + i * v->size;
}
void sl_vec_free(sl_vec *v);
/* In a vector whose elements open with a size_t (a size_t itself, or a
 * struct whose first member is one), sorted ascending by it: the index of
 * the first element whose key is >= key (v->len when none). */
size_t sl_vec_lower_bound(const sl_vec *v, size_t key);

/* Reads a whole file; returns SOLIEU_OK and a caller-owned buffer (with a
 * NUL after len bytes) or an error status with errno preserved. */
solieu_status sl_read_file(const char *path, size_t max, char **data, size_t *len);

/* sl_read_file, and on failure a caller-owned "path: reason" in *error
 * (when error is not NULL). */
solieu_status sl_read_file_or_say(const char *path, size_t max, char **data, size_t *len,
                                  char **error);

/* Decodes the code point at s[0..len), len > 0; returns its byte length (1
 * for a byte that does not start a valid sequence, with *cp = -1). Strict:
 * no overlong forms, surrogates or values past U+10FFFF. */
size_t sl_utf8_next(const char *s, size_t len, int32_t *cp);
/* The letter case of a code point (general category via utf8proc, kept in
 * a table for the Latin and Vietnamese ranges). */
enum { SL_CASE_NOT_LETTER = 0, SL_CASE_UPPER, SL_CASE_LOWER, SL_CASE_UNCASED_LETTER };
int sl_cp_case(int32_t cp);

/* Offset of the first byte that is not valid UTF-8 (a NUL byte counts),
 * or (size_t)-1 when all of data[0..len) is valid. */
size_t sl_utf8_invalid_at(const char *data, size_t len);
/* 1-based line and byte column of `offset` in `data`. */
void sl_line_col(const char *data, size_t offset, size_t *line, size_t *col);

/* Base name of a path (pointer into the argument). */
const char *sl_basename(const char *path);

/* ASCII-only helpers; Vietnamese case folding goes through utf8proc. */
static inline int sl_is_space(unsigned char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r'); /* space, \t \n \v \f \r */
}

/* Whether s ends with `suffix` ("members_admission_target", "_target"). */
static inline int sl_has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* Whether s[from, to) leaves a parenthesis it opened unclosed: s[to]
 * stands in an aside ("... 306 đồng chí (năm 2024:"). */
static inline int sl_parenthesis_open(const char *s, size_t from, size_t to)
{
    int depth = 0;
    for (size_t i = from; i < to; i++)
        depth += s[i] == '(' ? 1 : s[i] == ')' && depth > 0 ? -1 : 0;
    return depth > 0;
}

#endif
