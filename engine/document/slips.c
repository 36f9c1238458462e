/* Slips that OCR and old Vietnamese encodings leave in the few nouns every
 * rule reads ("đảng", "đồng chí", "chi bộ"), mended before any rule runs so
 * that "27 dảng viên" counts members like "27 đảng viên". Each wrong form is
 * no Vietnamese word, so mending it cannot turn good text into bad; the one
 * that is a word ("chỉ", only) is mended only where a count stands before
 * it. Offsets still map to the file as read. */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "document/document_internal.h"
#include "document/normalize.h"

typedef struct slip {
    const char *wrong, *right;
    int after_count; /* only right after a number: "5.207 đồng chỉ" */
} slip;

/* Written in UTF-8 escapes: the source stays ASCII. */
static const slip slips[] = {
    {"d\xE1\xBA\xA3ng", "\xC4\x91\xE1\xBA\xA3ng", 0},                       /* dảng */
    {"D\xE1\xBA\xA3ng", "\xC4\x90\xE1\xBA\xA3ng", 0},                       /* Dảng */
    {"D\xE1\xBA\xA2NG", "\xC4\x90\xE1\xBA\xA2NG", 0},                       /* DẢNG */
    {"d\xE1\xBB\x93ng ch\xC3\xAD", "\xC4\x91\xE1\xBB\x93ng ch\xC3\xAD", 0}, /* dồng chí */
    {"D\xE1\xBB\x93ng ch\xC3\xAD", "\xC4\x90\xE1\xBB\x93ng ch\xC3\xAD", 0}, /* Dồng chí */
    {"\xC4\x91\xE1\xBB\x93ng ch\xE1\xBB\x89", "\xC4\x91\xE1\xBB\x93ng ch\xC3\xAD",
     1},                                       /* đồng chỉ */
    {"chi b\xC3\xB4", "chi b\xE1\xBB\x99", 0}, /* chi bô */
    {"Chi b\xC3\xB4", "Chi b\xE1\xBB\x99", 0}, /* Chi bô */
    {"\xC4\x91\xE1\xBA\xA3ng b\xC3\xB4", "\xC4\x91\xE1\xBA\xA3ng b\xE1\xBB\x99", 0}, /* đảng bô */
    {"\xC4\x90\xE1\xBA\xA3ng b\xC3\xB4", "\xC4\x90\xE1\xBA\xA3ng b\xE1\xBB\x99", 0}, /* Đảng bô */
};

typedef struct mend {
    size_t at;
    const slip *slip;
} mend;

static int letter_before(const char *s, size_t at)
{
    if (at == 0)
        return 0;
    size_t k = at - 1;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80)
        k--;
    int32_t cp;
    sl_utf8_next(s + k, at - k, &cp);
    return sl_cp_is_letter(cp);
}

static int letter_at(const char *s, size_t len, size_t at)
{
    if (at >= len)
        return 0;
    int32_t cp;
    sl_utf8_next(s + at, len - at, &cp);
    return sl_cp_is_letter(cp);
}

/* "5.207 đồng chỉ", "cho 12 đồng chỉ": a digit, then one space. */
static int count_before(const char *s, size_t at)
{
    return at >= 2 && s[at - 1] == ' ' && s[at - 2] >= '0' && s[at - 2] <= '9';
}

static int by_offset(const void *a, const void *b)
{
    size_t x = ((const mend *)a)->at, y = ((const mend *)b)->at;
    return (x > y) - (x < y);
}

/* Eth (Ð, ð), which legacy encodings give for Đ and đ, has no place in
 * Vietnamese; both are two bytes, mended where they stand. */
static void mend_eth(char *s, size_t len)
{
    for (char *p = s; (p = memchr(p, '\xC3', len - (size_t)(p - s))) && p + 1 < s + len; p++) {
        if (p[1] == '\x90') {
            p[0] = '\xC4';
        } else if (p[1] == '\xB0') {
            p[0] = '\xC4';
            p[1] = '\x91';
        }
    }
}

static solieu_status find_mends(const char *s, size_t len, sl_vec *mends)
{
    for (size_t k = 0; k < sizeof slips / sizeof slips[0]; k++) {
        const slip *sp = &slips[k];
        size_t n = strlen(sp->wrong);
        for (const char *p = s; (p = memmem(p, len - (size_t)(p - s), sp->wrong, n)); p += n) {
            size_t at = (size_t)(p - s);
            if (letter_before(s, at) || letter_at(s, len, at + n) ||
                (sp->after_count && !count_before(s, at)))
                continue;
            mend *m = sl_vec_push(mends);
            if (!m)
                return SOLIEU_ERR_NOMEM;
            m->at = at;
            m->slip = sp;
        }
    }
    qsort(mends->items, mends->len, sizeof(mend), by_offset);
    return SOLIEU_OK;
}

static int push_anchor(sl_vec *anchors, size_t norm, size_t orig)
{
    sl_anchor *last = anchors->len ? sl_vec_at(anchors, anchors->len - 1) : NULL;
    if (last && last->norm == norm && last->orig == orig)
        return 0;
    sl_anchor *a = sl_vec_push(anchors);
    if (!a)
        return -1;
    a->norm = norm;
    a->orig = orig;
    return 0;
}

/* The text with every mend made, and anchors that map the new offsets back:
 * each mended word is anchored at both ends, anchors inside it dropped and
 * those after it moved by what the mends before them added. */
static solieu_status apply_mends(sl_buf *text, sl_vec *anchors, const sl_vec *mends,
                                 size_t original_size)
{
    sl_buf out;
    sl_buf_init(&out, text->max);
    sl_vec moved;
    sl_vec_init(&moved, sizeof(sl_anchor));
    const sl_anchor *a = anchors->items;
    size_t next_anchor = 0, copied = 0;
    int failed = sl_buf_reserve(&out, text->len + 8 * mends->len);
    for (size_t k = 0; k < mends->len && !failed; k++) {
        const mend *m = sl_vec_at(mends, k);
        size_t wrong = strlen(m->slip->wrong), right = strlen(m->slip->right);
        if (m->at < copied)
            continue; /* overlaps the mend before it */
        size_t orig_start = sl_anchors_original(anchors, m->at, original_size);
        size_t orig_end = sl_anchors_original(anchors, m->at + wrong, original_size);
        for (; next_anchor < anchors->len && a[next_anchor].norm <= m->at; next_anchor++)
            failed |=
                push_anchor(&moved, a[next_anchor].norm - copied + out.len, a[next_anchor].orig);
        failed |= sl_buf_append(&out, text->data + copied, m->at - copied);
        failed |= push_anchor(&moved, out.len, orig_start);
        failed |= sl_buf_append(&out, m->slip->right, right);
        failed |= push_anchor(&moved, out.len, orig_end);
        copied = m->at + wrong;
        while (next_anchor < anchors->len && a[next_anchor].norm <= copied)
            next_anchor++;
    }
    for (; next_anchor < anchors->len && !failed; next_anchor++)
        failed |= push_anchor(&moved, a[next_anchor].norm - copied + out.len, a[next_anchor].orig);
    failed |= sl_buf_append(&out, text->data + copied, text->len - copied);
    if (failed || out.failed) {
        sl_buf_free(&out);
        sl_vec_free(&moved);
        return SOLIEU_ERR_NOMEM;
    }
    sl_buf_free(text);
    *text = out;
    sl_vec_free(anchors);
    *anchors = moved;
    return SOLIEU_OK;
}

solieu_status sl_mend_slips(sl_buf *text, sl_vec *anchors, size_t original_size)
{
    mend_eth(text->data, text->len);
    sl_vec mends;
    sl_vec_init(&mends, sizeof(mend));
    solieu_status status = find_mends(text->data, text->len, &mends);
    if (status == SOLIEU_OK && mends.len)
        status = apply_mends(text, anchors, &mends, original_size);
    sl_vec_free(&mends);
    return status;
}
