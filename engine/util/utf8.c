/* Where text stops being UTF-8, and where an offset is in lines. */
#include <pthread.h>
#include <string.h>

#include <utf8proc.h>

#include "util.h"
#include "util/bytes16.h"

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

#ifdef __SSE2__
/* What one block leaves the next: the continuation bytes its last leads
 * still need, and whether its last byte was a lead whose second byte has a
 * narrower range (E0, ED, F0, F4). */
typedef struct utf8_carry {
    uint32_t need, e0, ed, f0, f4;
} utf8_carry;

/* Whether a block is valid UTF-8 without NUL, given what the previous one
 * left. Each lead sets the bits of the continuation bytes it needs; the
 * block is valid when exactly those bytes are continuations and no byte
 * is a NUL or a lead that cannot be (C0, C1, F5-FF). */
/* inlined into the loop, so the compared constants are made once */
static inline __attribute__((always_inline)) int block_valid(__m128i x, utf8_carry *c)
{
    uint32_t high = sl_mask_high(x);
    if (sl_mask_eq(x, 0))
        return 0;
    if (!high && !c->need)
        return 1;                    /* ASCII, and nothing owed: the carry stays empty */
    uint32_t cont = sl_mask_lt(x, -64);                              /* 80-BF */
    uint32_t lead2 = high & sl_mask_gt(x, -63) & sl_mask_lt(x, -32); /* C2-DF */
    uint32_t lead3 = high & sl_mask_gt(x, -33) & sl_mask_lt(x, -16); /* E0-EF */
    uint32_t lead4 = high & sl_mask_gt(x, -17) & sl_mask_lt(x, -11); /* F0-F4 */
    if (high & ~(cont | lead2 | lead3 | lead4))
        return 0;
    uint32_t need =
        lead2 << 1 | lead3 << 1 | lead3 << 2 | lead4 << 1 | lead4 << 2 | lead4 << 3 | c->need;
    if ((need & 0xFFFF) != cont)
        return 0;
    /* the second byte after E0 (no overlong), ED (no surrogate), F0 (no
     * overlong) and F4 (not past U+10FFFF) */
    uint32_t from_90 = high & sl_mask_gt(x, -113), from_a0 = high & sl_mask_gt(x, -97);
    uint32_t e0 = sl_mask_eq(x, 0xE0) << 1 | c->e0, ed = sl_mask_eq(x, 0xED) << 1 | c->ed;
    uint32_t f0 = sl_mask_eq(x, 0xF0) << 1 | c->f0, f4 = sl_mask_eq(x, 0xF4) << 1 | c->f4;
    if ((e0 & ~from_a0 & 0xFFFF) || (ed & from_a0) || (f0 & ~from_90 & 0xFFFF) || (f4 & from_90))
        return 0;
    c->need = need >> 16;
    c->e0 = e0 >> 16;
    c->ed = ed >> 16;
    c->f0 = f0 >> 16;
    c->f4 = f4 >> 16;
    return 1;
}

/* Whether all of data is valid UTF-8 without NUL, sixteen bytes at a time:
 * a Vietnamese report has a multi-byte letter every few bytes, which keeps
 * a byte-by-byte walk from ever taking its ASCII stride. Yes or no only. */
static int valid_by_blocks(const char *data, size_t len)
{
    utf8_carry carry = {0, 0, 0, 0, 0};
    size_t i = 0;
    for (; i + 16 <= len; i += 16)
        if (!block_valid(sl_load16(data + i), &carry))
            return 0;
    /* the tail, padded with spaces: a sequence it cuts short fails there */
    char tail[16];
    memset(tail, ' ', sizeof tail);
    if (len > i)
        memcpy(tail, data + i, len - i);
    return block_valid(sl_load16(tail), &carry) && carry.need == 0;
}
#endif

size_t sl_utf8_invalid_at(const char *data, size_t len)
{
#ifdef __SSE2__
    if (valid_by_blocks(data, len))
        return (size_t)-1;
        /* invalid somewhere: the walk below says where */
#endif
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
