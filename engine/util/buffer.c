/* Growable buffers and arrays with explicit caps. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void sl_buf_init(sl_buf *b, size_t max)
{
    memset(b, 0, sizeof *b);
    b->max = max ? max : SIZE_MAX / 2;
}

int sl_buf_reserve(sl_buf *b, size_t extra)
{
    if (b->failed)
        return -1;
    if (extra > b->max || b->len + extra > b->max) {
        b->failed = 1;
        return -1;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = sl_realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return -1;
    }
    b->data = p;
    b->cap = cap;
    return 0;
}

int sl_buf_append_growing(sl_buf *b, const char *s, size_t n)
{
    if (sl_buf_reserve(b, n) != 0)
        return -1;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int sl_buf_puts(sl_buf *b, const char *s)
{
    return sl_buf_append(b, s, strlen(s));
}

int sl_buf_printf(sl_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = sl_vprintf(fmt, ap);
    va_end(ap);
    if (!s) {
        b->failed = 1;
        return -1;
    }
    int rc = sl_buf_puts(b, s);
    free(s);
    return rc;
}

char *sl_buf_take(sl_buf *b)
{
    if (b->failed) {
        sl_buf_free(b);
        return NULL;
    }
    if (!b->data && sl_buf_reserve(b, 0) != 0)
        return NULL;
    char *p = b->data;
    size_t max = b->max;
    memset(b, 0, sizeof *b);
    b->max = max;
    return p;
}

void sl_buf_free(sl_buf *b)
{
    free(b->data);
    size_t max = b->max;
    memset(b, 0, sizeof *b);
    b->max = max;
}

void sl_vec_init(sl_vec *v, size_t elem_size)
{
    memset(v, 0, sizeof *v);
    v->size = elem_size;
}

int sl_vec_grow(sl_vec *v)
{
    size_t cap = v->cap ? v->cap * 2 : 16;
    void *p = sl_realloc(v->items, cap * v->size);
    if (!p)
        return -1;
    v->items = p;
    v->cap = cap;
    return 0;
}

size_t sl_vec_lower_bound(const sl_vec *v, size_t key)
{
    size_t lo = 0, hi = v->len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        size_t at;
        memcpy(&at, (const char *)v->items + mid * v->size, sizeof at);
        if (at < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void sl_vec_free(sl_vec *v)
{
    free(v->items);
    size_t size = v->size;
    memset(v, 0, sizeof *v);
    v->size = size;
}
