/* Where text stops being UTF-8, and where an offset is in lines. */
#include <pthread.h>
#include <string.h>

#include <utf8proc.h>

#include "util.h"

size_t sl_utf8_next(const char *s, size_t len, int32_t *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len == 0) {
        *cp = -1;
        return 1;
    }
    unsigned c = u[0];
    if (c < 0x80) {
        *cp = (int32_t)c;
        return 1;
    }
    size_t n;
    uint32_t value, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2, value = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, value = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, value = c & 0x07, min = 0x10000;
    } else {
        *cp = -1;
        return 1;
    }
    if (n > len) {
        *cp = -1;
        return 1;
    }
    for (size_t k = 1; k < n; k++) {
        if ((u[k] & 0xC0) != 0x80) {
            *cp = -1;
            return 1;
        }
        value = value << 6 | (u[k] & 0x3F);
    }
    /* overlong forms, UTF-16 surrogates and values past U+10FFFF */
    if (value < min || (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
        *cp = -1;
        return 1;
    }
    *cp = (int32_t)value;
    return n;
}

size_t sl_utf8_invalid_at(const char *data, size_t len)
{
    for (size_t i = 0; i < len;) {
        /* eight ASCII bytes at a time: no high bit and no NUL among them */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, data + i, 8);
            if ((w & 0x8080808080808080ULL) ||
                ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL))
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned char c = (unsigned char)data[i];
        if (c == 0)
            return i;
        if (c < 0x80) {
            i++;
            continue;
        }
        /* the two- and three-byte forms every Vietnamese letter takes */
        unsigned char c1 = i + 1 < len ? (unsigned char)data[i + 1] : 0;
        if (c >= 0xC2 && c <= 0xDF && (c1 & 0xC0) == 0x80) {
            i += 2;
            continue;
        }
        if (c >= 0xE1 && c <= 0xEC && (c1 & 0xC0) == 0x80 && i + 2 < len &&
            ((unsigned char)data[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        int32_t cp;
        size_t n = sl_utf8_next(data + i, len - i, &cp);
        if (cp < 0)
            return i;
        i += n;
    }
    return (size_t)-1;
}

/* Letter case of the code points below CASE_TABLE_LIMIT (Latin, with every
 * Vietnamese letter), asked of utf8proc once; the rest are asked each time. */
enum { CASE_TABLE_LIMIT = 0x2000 };
static unsigned char case_table[CASE_TABLE_LIMIT];
static pthread_once_t case_table_once = PTHREAD_ONCE_INIT;

static int case_of(int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
        return SL_CASE_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return SL_CASE_LOWER;
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return SL_CASE_UNCASED_LETTER;
    default:
        return SL_CASE_NOT_LETTER;
    }
}

static void fill_case_table(void)
{
    for (int32_t cp = 0; cp < CASE_TABLE_LIMIT; cp++)
        case_table[cp] = (unsigned char)case_of(cp);
}

int sl_cp_case(int32_t cp)
{
    if (cp < 0)
        return SL_CASE_NOT_LETTER;
    if (cp >= CASE_TABLE_LIMIT)
        return case_of(cp);
    pthread_once(&case_table_once, fill_case_table);
    return case_table[cp];
}

void sl_line_col(const char *data, size_t offset, size_t *line, size_t *col)
{
    size_t l = 1, start = 0;
    for (size_t i = 0; i < offset; i++) {
        if (data[i] == '\n') {
            l++;
            start = i + 1;
        }
    }
    *line = l;
    *col = offset - start + 1;
}
