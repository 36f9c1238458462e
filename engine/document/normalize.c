/* Bytes to text: UTF-8 validation with a located error, BOM and CR removal,
 * NFC normalisation with utf8proc, and the map back to original offsets. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "document/document_internal.h"
#include "document/normalize.h"
#include "util/bytes16.h"

size_t sl_utf8_decode(const char *s, size_t len, int *cp)
{
    int32_t c;
    size_t n = sl_utf8_next(s, len, &c);
    *cp = c;
    return n;
}

int sl_cp_is_upper(int cp)
{
    return sl_cp_case(cp) == SL_CASE_UPPER;
}

int sl_cp_is_lower(int cp)
{
    return sl_cp_case(cp) == SL_CASE_LOWER;
}

int sl_cp_is_letter(int cp)
{
    return sl_cp_case(cp) != SL_CASE_NOT_LETTER;
}

int sl_letter_at(const char *s, size_t len, size_t at)
{
    if (at >= len)
        return 0;
    int32_t cp;
    sl_utf8_next(s + at, len - at, &cp);
    return sl_cp_is_letter(cp);
}

static solieu_status fail(char **error, solieu_status status, const char *path, const char *data,
                          size_t at, const char *what)
{
    if (error) {
        size_t line, col;
        sl_line_col(data, at, &line, &col);
        *error = sl_printf("%s:%zu:%zu: %s", path, line, col, what);
    }
    return status;
}

solieu_status sl_validate_bytes(const char *path, const char *data, size_t len, char **error)
{
    size_t bad = sl_utf8_invalid_at(data, len);
    if (bad != (size_t)-1)
        return data[bad] == 0 ? fail(error, SOLIEU_ERR_BINARY, path, data, bad,
                                     "binary file (NUL byte), not a text report")
                              : fail(error, SOLIEU_ERR_UTF8, path, data, bad, "invalid UTF-8");
    /* text: anything but white space, byte order marks and no-break spaces */
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)data[i];
        if (c < 0x80) {
            if (!sl_is_space(c))
                return SOLIEU_OK;
            i++;
            continue;
        }
        int cp;
        i += sl_utf8_decode(data + i, len - i, &cp);
        if (cp != 0xFEFF && cp != 0xA0)
            return SOLIEU_OK;
    }
    if (error)
        *error = sl_printf("%s: empty document (no text)", path);
    return SOLIEU_ERR_EMPTY;
}

size_t sl_anchor_before(const sl_vec *anchors, size_t at, int by_norm)
{
    const sl_anchor *a = anchors->items;
    size_t lo = 0, hi = anchors->len;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if ((by_norm ? a[mid].norm : a[mid].orig) <= at)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

size_t sl_anchors_original(const sl_vec *anchors, size_t norm, size_t original_size)
{
    const sl_anchor *a = anchors->items;
    size_t lo = sl_anchor_before(anchors, norm, 1);
    size_t orig = a[lo].orig + (norm - a[lo].norm);
    /* within a run that normalisation lengthened, stay inside the run */
    if (lo + 1 < anchors->len && orig > a[lo + 1].orig)
        orig = a[lo + 1].orig;
    return orig > original_size ? original_size : orig;
}

int sl_anchors_push(sl_vec *anchors, size_t norm, size_t orig)
{
    sl_anchor *last = anchors->len ? sl_vec_at(anchors, anchors->len - 1) : NULL;
    if (last && last->norm == norm && last->orig == orig)
        return 0; /* the same point twice maps nothing new */
    sl_anchor *a = sl_vec_push(anchors);
    if (!a)
        return -1;
    a->norm = norm;
    a->orig = orig;
    return 0;
}

/* Appends one run of code points [s, s+n) normalised to NFC. A run is a
 * starter and the combining marks after it, so NFC never reaches across runs
 * for the scripts these reports use. Runs are short: they are decomposed
 * and composed again in a local buffer, without utf8proc_map's allocation. */
static int append_nfc_run(sl_buf *out, const char *s, size_t n)
{
    enum { MAX_RUN_CODE_POINTS = 32 };
    utf8proc_int32_t cps[MAX_RUN_CODE_POINTS];
    const utf8proc_option_t options = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    utf8proc_ssize_t count = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                                                cps, MAX_RUN_CODE_POINTS, options);
    if (count < 0)
        return sl_buf_append(out, s, n);
    if (count > MAX_RUN_CODE_POINTS) {
        /* a long run of marks: the allocating call */
        utf8proc_uint8_t *mapped = NULL;
        utf8proc_ssize_t m =
            utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &mapped, options);
        int rc =
            m < 0 ? sl_buf_append(out, s, n) : sl_buf_append(out, (const char *)mapped, (size_t)m);
        free(mapped);
        return rc;
    }
    count = utf8proc_normalize_utf32(cps, count, options);
    if (count < 0)
        return sl_buf_append(out, s, n);
    if (sl_buf_reserve(out, (size_t)count * 4) != 0)
        return -1;
    for (utf8proc_ssize_t k = 0; k < count; k++)
        out->len += (size_t)utf8proc_encode_char(cps[k], (utf8proc_uint8_t *)out->data + out->len);
    out->data[out->len] = '\0';
    return 0;
}

/* Whether the byte at s[i] starts a combining mark. The lead bytes of every
 * block that holds marks are looked at first, so NFC text, the usual case,
 * is passed over on its first byte. */
static int mark_at(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0xCC || c == 0xE2)
        return 0; /* ASCII, Latin letters, punctuation */
    if (c == 0xCC || c == 0xCD)
        return 1; /* U+0300-U+036F: all combining */
    /* Vietnamese letters U+1E00-U+1EFF; marks only in U+1AB0-1AFF, U+1DC0-1DFF */
    if (c == 0xE1 && i + 1 < len && s[i + 1] != '\xAA' && s[i + 1] != '\xAB' && s[i + 1] != '\xB7')
        return 0;
    int cp;
    sl_utf8_decode(s + i, len - i, &cp);
    return cp >= 0 && utf8proc_get_property(cp)->combining_class != 0;
}

#ifdef __SSE2__
/* The bytes of s[0..16) that mark_at must look at (s[16] readable): from
 * CC up, but not E2 and not an E1 whose next byte opens no block of marks.
 * A Vietnamese report has one every few bytes; a block of sixteen with
 * none is passed over at once. */
static uint32_t mark_candidates(const char *s)
{
    __m128i x = sl_load16(s), next = sl_load16(s + 1);
    uint32_t from_cc = sl_mask_high(x) & sl_mask_gt(x, (signed char)0xCB); /* CC-FF */
    uint32_t to_marks = sl_mask_eq(next, 0xAA) | sl_mask_eq(next, 0xAB) | sl_mask_eq(next, 0xB7);
    uint32_t letters = sl_mask_eq(x, 0xE1) & ~to_marks;
    return from_cc & ~(sl_mask_eq(x, 0xE2) | letters);
}
#endif

/* Whether decomposed text (NFD) is about: any combining mark. */
static int has_combining_mark(const char *s, size_t len)
{
    size_t i = 0;
#ifdef __SSE2__
    for (; i + 17 <= len; i += 16)
        for (uint32_t m = mark_candidates(s + i); m; m &= m - 1)
            if (mark_at(s, len, i + (size_t)__builtin_ctz(m)))
                return 1;
#endif
    for (; i < len; i++)
        if (mark_at(s, len, i))
            return 1;
    return 0;
}

/* NFD reports repeat the same few hundred letter-and-marks runs: each run
 * is composed by utf8proc once per thread and remembered, keyed by its
 * bytes. A slot holds the last run that hashed to it. */
enum { MEMO_SLOTS = 1024, MEMO_RUN_BYTES = 15 };
typedef struct nfc_memo_slot {
    unsigned char in_len, out_len;
    char in[MEMO_RUN_BYTES], out[MEMO_RUN_BYTES];
} nfc_memo_slot;
static _Thread_local nfc_memo_slot nfc_memo[MEMO_SLOTS];

static int append_nfc_run_memo(sl_buf *out, const char *s, size_t n)
{
    if (n > MEMO_RUN_BYTES)
        return append_nfc_run(out, s, n);
    uint32_t h = 2166136261u;
    for (size_t k = 0; k < n; k++)
        h = (h ^ (unsigned char)s[k]) * 16777619u;
    nfc_memo_slot *slot = &nfc_memo[h % MEMO_SLOTS];
    if (slot->in_len == n && memcmp(slot->in, s, n) == 0)
        return sl_buf_append(out, slot->out, slot->out_len);
    size_t before = out->len;
    if (append_nfc_run(out, s, n) != 0)
        return -1;
    size_t made = out->len - before;
    if (made <= MEMO_RUN_BYTES) {
        slot->in_len = (unsigned char)n;
        memcpy(slot->in, s, n);
        slot->out_len = (unsigned char)made;
        memcpy(slot->out, out->data + before, made);
    }
    return 0;
}

solieu_status sl_normalize(const char *data, size_t len, sl_buf *out, sl_vec *anchors)
{
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    if (sl_anchors_push(anchors, 0, i) != 0)
        return SOLIEU_ERR_NOMEM;
    int nfd = has_combining_mark(data + i, len - i);
    while (i < len) {
        unsigned char c = (unsigned char)data[i];
        if (c == '\r') {
            /* CRLF -> LF; a lone CR is a line end too */
            if (sl_buf_putc(out, '\n') != 0)
                return SOLIEU_ERR_NOMEM;
            i += (i + 1 < len && data[i + 1] == '\n') ? 2 : 1;
            if (sl_anchors_push(anchors, out->len, i) != 0)
                return SOLIEU_ERR_NOMEM;
            continue;
        }
        if (!nfd) {
            /* NFC already: copied up to the next carriage return */
            const char *cr = memchr(data + i, '\r', len - i);
            size_t j = cr ? (size_t)(cr - data) : len;
            if (sl_buf_append(out, data + i, j - i) != 0)
                return SOLIEU_ERR_NOMEM;
            i = j;
            continue;
        }
        if (c < 0x80) {
            size_t j = i + 1;
            while (j < len && data[j] != '\r' && (unsigned char)data[j] < 0x80)
                j++;
            /* in NFD text an ASCII letter is the starter of the marks after it */
            if (j < len && (unsigned char)data[j] >= 0x80 && j - 1 > i)
                j--;
            else if (j < len && (unsigned char)data[j] >= 0x80 && j - 1 == i)
                goto starter;
            if (sl_buf_append(out, data + i, j - i) != 0)
                return SOLIEU_ERR_NOMEM;
            i = j;
            continue;
        }
    starter:;
        /* a starter and its combining marks */
        int cp;
        size_t j = i + sl_utf8_decode(data + i, len - i, &cp);
        while (j < len && (unsigned char)data[j] >= 0x80) {
            int next;
            size_t n = sl_utf8_decode(data + j, len - j, &next);
            if (next < 0 || utf8proc_get_property(next)->combining_class == 0)
                break;
            j += n;
        }
        size_t before = out->len;
        if (append_nfc_run_memo(out, data + i, j - i) != 0)
            return SOLIEU_ERR_NOMEM;
        /* a run that changed length is anchored at both ends: offsets inside
         * it map into it (NFC can lengthen a run as well as shorten it) */
        if (out->len - before != j - i && (sl_anchors_push(anchors, before, i) != 0 ||
                                           sl_anchors_push(anchors, out->len, j) != 0))
            return SOLIEU_ERR_NOMEM;
        i = j;
    }
    return out->failed ? SOLIEU_ERR_NOMEM : SOLIEU_OK;
}
