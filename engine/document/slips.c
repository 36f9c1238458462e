/* Slips that OCR and old Vietnamese encodings leave in the few nouns every
 * rule reads ("đảng", "viên", "đồng chí", "chi bộ"), and the abbreviations
 * reports write for them ("ĐV", "đ/c", "TCCSĐ", "HTXSNV"), mended before
 * any rule runs so that "27 dảng viên" and "27 ĐV" count members like "27
 * đảng viên". Each wrong form is
 * no Vietnamese word, so mending it cannot turn good text into bad; the one
 * that is a word ("chỉ", only) is mended only where a count stands before
 * it. Offsets still map to the file as read. */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "document/document_internal.h"
#include "document/legend.h"
#include "document/normalize.h"
#include "document/tones.h"
#include "util/bytes16.h"

#include <solieu/number.h>

enum slip_kind {
    SLIP_ANYWHERE,
    SLIP_AFTER_COUNT,  /* only right after a number: "5.207 đồng chỉ" */
    SLIP_ABBREVIATION, /* a word of its own, not part of a code: "ĐV", not "HD/ĐV" */
    SLIP_ENTITY        /* an HTML entity a converter left: wherever it stands */
};

typedef struct slip {
    const char *wrong, *right;
    unsigned char anchor; /* where in `wrong` the byte the scan picks stands */
    enum slip_kind kind;
} slip;

/* Written in UTF-8 escapes: the source stays ASCII. Each slip is found by
 * its anchor, a byte the scan picks sixteen bytes at a time by the bytes
 * around it (see candidates). */
static const slip slips[] = {
    {"d\xE1\xBA\xA3ng", "\xC4\x91\xE1\xBA\xA3ng", 0, SLIP_ANYWHERE}, /* dảng */
    {"D\xE1\xBA\xA3ng", "\xC4\x90\xE1\xBA\xA3ng", 0, SLIP_ANYWHERE}, /* Dảng */
    {"D\xE1\xBA\xA2NG", "\xC4\x90\xE1\xBA\xA2NG", 0, SLIP_ANYWHERE}, /* DẢNG */
    {"d\xE1\xBB\x93ng ch\xC3\xAD", "\xC4\x91\xE1\xBB\x93ng ch\xC3\xAD", 0,
     SLIP_ANYWHERE}, /* dồng chí */
    {"D\xE1\xBB\x93ng ch\xC3\xAD", "\xC4\x90\xE1\xBB\x93ng ch\xC3\xAD", 0,
     SLIP_ANYWHERE}, /* Dồng chí */
    {"\xC4\x91\xE1\xBB\x93ng ch\xE1\xBB\x89", "\xC4\x91\xE1\xBB\x93ng ch\xC3\xAD", 9,
     SLIP_AFTER_COUNT},                                                         /* đồng chỉ */
    {"ch\xE1\xBB\x89 b\xE1\xBB\x99", "chi b\xE1\xBB\x99", 1, SLIP_AFTER_COUNT}, /* chỉ bộ */
    {"vi\xC3\xAA n", "vi\xC3\xAAn", 1, SLIP_ANYWHERE}, /* viê n: a word OCR split */
    {"k\xC3\xAAt n\xE1\xBA\xA1p", "k\xE1\xBA\xBFt n\xE1\xBA\xA1p", 0, SLIP_ANYWHERE}, /* kêt nạp */
    {"K\xC3\xAAt n\xE1\xBA\xA1p", "K\xE1\xBA\xBFt n\xE1\xBA\xA1p", 0, SLIP_ANYWHERE}, /* Kêt nạp */
    {"ket n\xE1\xBA\xA1p", "k\xE1\xBA\xBFt n\xE1\xBA\xA1p", 0, SLIP_ANYWHERE}, /* ket nạp */
    {"Ket n\xE1\xBA\xA1p", "K\xE1\xBA\xBFt n\xE1\xBA\xA1p", 0, SLIP_ANYWHERE}, /* Ket nạp */
    {"chi b\xC3\xB4", "chi b\xE1\xBB\x99", 4, SLIP_ANYWHERE},                  /* chi bô */
    {"Chi b\xC3\xB4", "Chi b\xE1\xBB\x99", 4, SLIP_ANYWHERE},                  /* Chi bô */
    {"\xC4\x91\xE1\xBA\xA3ng b\xC3\xB4", "\xC4\x91\xE1\xBA\xA3ng b\xE1\xBB\x99", 8,
     SLIP_ANYWHERE}, /* đảng bô */
    {"\xC4\x90\xE1\xBA\xA3ng b\xC3\xB4", "\xC4\x90\xE1\xBA\xA3ng b\xE1\xBB\x99", 8,
     SLIP_ANYWHERE},                                              /* Đảng bô */
    {"chi b\xE1\xBB\x8D", "chi b\xE1\xBB\x99", 4, SLIP_ANYWHERE}, /* chi bọ */
    {"Chi b\xE1\xBB\x8D", "Chi b\xE1\xBB\x99", 4, SLIP_ANYWHERE}, /* Chi bọ */
    {"v\xC3\xAC\xC3\xAAn", "vi\xC3\xAAn", 2, SLIP_ANYWHERE},      /* vìên */
    {"v\xC3\xAD\xC3\xAAn", "vi\xC3\xAAn", 2, SLIP_ANYWHERE},      /* víên */
    {"v\xC4\xA9\xC3\xAAn", "vi\xC3\xAAn", 2, SLIP_ANYWHERE},      /* vĩên */
    {"v\xE1\xBB\x89\xC3\xAAn", "vi\xC3\xAAn", 3, SLIP_ANYWHERE},  /* vỉên */
    {"v\xE1\xBB\x8B\xC3\xAAn", "vi\xC3\xAAn", 3, SLIP_ANYWHERE},  /* vịên */
    /* one mark lost or misread after a count ("25 đảng vien", "06 đãng viên") */
    {"\xC4\x91\xE1\xBA\xA3ng vien", "\xC4\x91\xE1\xBA\xA3ng vi\xC3\xAAn", 8,
     SLIP_AFTER_COUNT}, /* đảng vien */
    {"\xC4\x91\xC3\xA3ng vi\xC3\xAAn", "\xC4\x91\xE1\xBA\xA3ng vi\xC3\xAAn", 2,
     SLIP_AFTER_COUNT}, /* đãng viên */
    /* the marks all lost ("184 dang vien"): words of their own only where
     * a count stands before them */
    {"dang vien", "\xC4\x91\xE1\xBA\xA3ng vi\xC3\xAAn", 0, SLIP_AFTER_COUNT}, /* dang vien */
    {"dong chi", "\xC4\x91\xE1\xBB\x93ng ch\xC3\xAD", 0, SLIP_AFTER_COUNT},   /* dong chi */
    /* a share written out ("đạt 118 phần trăm kế hoạch") */
    {"ph\xE1\xBA\xA7n tr\xC4\x83m", "%", 0, SLIP_AFTER_COUNT}, /* phần trăm */
    {"&nbsp;", " ", 0, SLIP_ENTITY},
    {"&#160;", " ", 0, SLIP_ENTITY},
    {"&#xA0;", " ", 0, SLIP_ENTITY},
    {"&#xa0;", " ", 0, SLIP_ENTITY},
    {"&amp;", "&", 0, SLIP_ENTITY},
    /* abbreviations of the reports' own nouns */
    {"\xC4\x90V", "\xC4\x91\xE1\xBA\xA3ng vi\xC3\xAAn", 0, SLIP_ABBREVIATION},  /* ĐV */
    {"\xC4\x91/c", "\xC4\x91\xE1\xBB\x93ng ch\xC3\xAD", 0, SLIP_ABBREVIATION},  /* đ/c */
    {"\xC4\x91/v", "\xC4\x91\xE1\xBA\xA3ng vi\xC3\xAAn", 0, SLIP_ABBREVIATION}, /* đ/v */
    {"\xC4\x91v", "\xC4\x91\xE1\xBA\xA3ng vi\xC3\xAAn", 0, SLIP_AFTER_COUNT},   /* đv */
    {"\xC4\x90/c", "\xC4\x90\xE1\xBB\x93ng ch\xC3\xAD", 0, SLIP_ABBREVIATION},  /* Đ/c */
    {"TCCS\xC4\x90",
     "t\xE1\xBB\x95 ch\xE1\xBB\xA9"
     "c c\xC6\xA1 s\xE1\xBB\x9F \xC4\x91\xE1\xBA\xA3ng",
     0, SLIP_ABBREVIATION}, /* TCCSĐ */
    {"TC\xC4\x90",
     "t\xE1\xBB\x95 ch\xE1\xBB\xA9"
     "c \xC4\x91\xE1\xBA\xA3ng",
     0, SLIP_ABBREVIATION}, /* TCĐ */
    {"TCCS",
     "t\xE1\xBB\x95 ch\xE1\xBB\xA9"
     "c c\xC6\xA1 s\xE1\xBB\x9F",
     0, SLIP_ABBREVIATION}, /* TCCS ("Số TCCS đảng") */
    {"CB\xC4\x90V", "c\xC3\xA1n b\xE1\xBB\x99, \xC4\x91\xE1\xBA\xA3ng vi\xC3\xAAn", 0,
     SLIP_ABBREVIATION}, /* CBĐV */
    /* "CB" is a cell only before what names one: elsewhere it is as likely
     * "cán bộ" */
    {"CB khu ph\xE1\xBB\x91", "chi b\xE1\xBB\x99 khu ph\xE1\xBB\x91", 0,
     SLIP_ABBREVIATION},                                                       /* CB khu phố */
    {"CB th\xC3\xB4n", "chi b\xE1\xBB\x99 th\xC3\xB4n", 0, SLIP_ABBREVIATION}, /* CB thôn */
    {"CB \xE1\xBA\xA5p", "chi b\xE1\xBB\x99 \xE1\xBA\xA5p", 0, SLIP_ABBREVIATION}, /* CB ấp */
    {"CB tr\xE1\xBB\xB1"
     "c thu\xE1\xBB\x99"
     "c",
     "chi b\xE1\xBB\x99 tr\xE1\xBB\xB1"
     "c thu\xE1\xBB\x99"
     "c",
     0, SLIP_ABBREVIATION},                                                  /* CB trực thuộc */
    {"UBKT", "\xE1\xBB\xA6y ban Ki\xE1\xBB\x83m tra", 0, SLIP_ABBREVIATION}, /* UBKT */
    {"BCH", "Ban Ch\xE1\xBA\xA5p h\xC3\xA0nh", 0, SLIP_ABBREVIATION},        /* BCH */
    {"BTV", "Ban Th\xC6\xB0\xE1\xBB\x9Dng v\xE1\xBB\xA5", 0, SLIP_ABBREVIATION}, /* BTV */
    {"DTTS", "d\xC3\xA2n t\xE1\xBB\x99\x63 thi\xE1\xBB\x83u s\xE1\xBB\x91", 0,
     SLIP_ABBREVIATION}, /* DTTS: dân tộc thiểu số */
    {"HTXSNV",
     "ho\xC3\xA0n th\xC3\xA0nh xu\xE1\xBA\xA5t s\xE1\xBA\xAF"
     "c nhi\xE1\xBB\x87m v\xE1\xBB\xA5",
     0, SLIP_ABBREVIATION}, /* HTXSNV */
    {"HTTNV", "ho\xC3\xA0n th\xC3\xA0nh t\xE1\xBB\x91t nhi\xE1\xBB\x87m v\xE1\xBB\xA5", 0,
     SLIP_ABBREVIATION}, /* HTTNV */
    {"HTNV", "ho\xC3\xA0n th\xC3\xA0nh nhi\xE1\xBB\x87m v\xE1\xBB\xA5", 0,
     SLIP_ABBREVIATION}, /* HTNV */
    {"KHTNV", "kh\xC3\xB4ng ho\xC3\xA0n th\xC3\xA0nh nhi\xE1\xBB\x87m v\xE1\xBB\xA5", 0,
     SLIP_ABBREVIATION}, /* KHTNV */
};

/* text[at, at + wrong_len) becomes right[0, right_len): a slip's right
 * form, or the digits of a number the text also spells out (in the text
 * itself, which is read before it is replaced). */
typedef struct mend {
    size_t at, wrong_len;
    const char *right; /* NULL: the digits below */
    size_t right_len;
    char digits[12];
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

/* "5.207 đồng chỉ", "cho 12 đồng chỉ": a digit, then one space. */
static int count_before(const char *s, size_t at)
{
    return at >= 2 && s[at - 1] == ' ' && s[at - 2] >= '0' && s[at - 2] <= '9';
}

/* Whether [start, end) is part of a code ("Số 12-HD/UBKT", "BCH2"). */
static int in_code(const char *s, size_t len, size_t start, size_t end)
{
    char before = start ? s[start - 1] : ' ', after = end < len ? s[end] : ' ';
    return strchr("/-_", before) || strchr("/-_", after) || (before >= '0' && before <= '9') ||
           (after >= '0' && after <= '9');
}

static int by_offset(const void *a, const void *b)
{
    size_t x = ((const mend *)a)->at, y = ((const mend *)b)->at;
    return (x > y) - (x < y);
}

/* Eth (Ð, ð), which legacy encodings give for Đ and đ, has no place in
 * Vietnamese; both are two bytes, mended where they stand. */
static void mend_eth(char *s, size_t at)
{
    s[at] = '\xC4';
    if (s[at + 1] == '\xB0')
        s[at + 1] = '\x91';
}

static int is_eth(const char *s, size_t at)
{
    return s[at] == '\xC3' && (s[at + 1] == '\x90' || s[at + 1] == '\xB0');
}

#ifdef __SSE2__
/* The bytes of s[0..16) that may open an eth or anchor a slip (s[16..19)
 * readable): d or D before ả, Ả or ồ; b before ô or ọ; h before ỉ; the
 * last byte of an i with a tone mark before ê; k or K before "êt" or "et". Vietnamese has a 'd' or
 * 'h' before some E1 letter every few words, so the letter after the lead byte is looked at too. */
static inline __m128i eq(__m128i x, int c)
{
    return _mm_cmpeq_epi8(x, _mm_set1_epi8((char)c));
}

static uint32_t candidates(const char *s)
{
    __m128i x = sl_load16(s), x1 = sl_load16(s + 1), x2 = sl_load16(s + 2), x3 = sl_load16(s + 3);
    /* combined as vectors, one movemask at the end: this runs on every byte */
    __m128i d = _mm_and_si128(_mm_or_si128(eq(x, 'd'), eq(x, 'D')), eq(x1, 0xE1));
    d = _mm_and_si128(d, _mm_or_si128(eq(x2, 0xBA), eq(x2, 0xBB)));
    d = _mm_and_si128(d, _mm_or_si128(_mm_or_si128(eq(x3, 0xA3), eq(x3, 0xA2)), eq(x3, 0x93)));
    __m128i b = _mm_and_si128(_mm_and_si128(eq(x, 'b'), eq(x1, 0xC3)), eq(x2, 0xB4));
    __m128i h = _mm_and_si128(_mm_and_si128(eq(x, 'h'), eq(x1, 0xE1)),
                              _mm_and_si128(eq(x2, 0xBB), eq(x3, 0x89)));
    b = _mm_or_si128(b, _mm_and_si128(_mm_and_si128(eq(x, 'b'), eq(x1, 0xE1)),
                                      _mm_and_si128(eq(x2, 0xBB), eq(x3, 0x8D))));
    __m128i i_tone =
        _mm_or_si128(_mm_or_si128(eq(x, 0xAC), eq(x, 0xAD)),
                     _mm_or_si128(eq(x, 0xA9), _mm_or_si128(eq(x, 0x89), eq(x, 0x8B))));
    h = _mm_or_si128(h, _mm_and_si128(i_tone, _mm_and_si128(eq(x1, 0xC3), eq(x2, 0xAA))));
    /* "kêt nạp", "ket nạp": the tone OCR drops from "kết" */
    __m128i k = _mm_and_si128(_mm_or_si128(eq(x, 'k'), eq(x, 'K')),
                              _mm_or_si128(_mm_and_si128(eq(x1, 0xC3), eq(x2, 0xAA)),
                                           _mm_and_si128(eq(x1, 'e'), eq(x2, 't'))));
    h = _mm_or_si128(h, k);
    /* "dang vien", "dong chi" */
    h = _mm_or_si128(
        h, _mm_and_si128(_mm_and_si128(eq(x, 'd'), _mm_or_si128(eq(x1, 'a'), eq(x1, 'o'))),
                         _mm_and_si128(eq(x2, 'n'), eq(x3, 'g'))));
    /* "phần trăm" */
    h = _mm_or_si128(h, _mm_and_si128(_mm_and_si128(eq(x, 'p'), eq(x1, 'h')),
                                      _mm_and_si128(eq(x2, 0xE1), eq(x3, 0xBA))));
    /* "đảng vien", "đãng viên" */
    h = _mm_or_si128(h, _mm_and_si128(_mm_and_si128(eq(x, 'v'), eq(x1, 'i')),
                                      _mm_and_si128(eq(x2, 'e'), eq(x3, 'n'))));
    h = _mm_or_si128(h, _mm_and_si128(_mm_and_si128(eq(x, 0xC3), eq(x1, 0xA3)),
                                      _mm_and_si128(eq(x2, 'n'), eq(x3, 'g'))));
    /* "viê n" */
    h = _mm_or_si128(h, _mm_and_si128(_mm_and_si128(eq(x, 'i'), eq(x1, 0xC3)),
                                      _mm_and_si128(eq(x2, 0xAA), eq(x3, ' '))));
    __m128i eth = _mm_and_si128(eq(x, 0xC3), _mm_or_si128(eq(x1, 0x90), eq(x1, 0xB0)));
    /* abbreviations: two capitals ("UBKT", "TCĐ"), or Đ/đ before V, v or '/' */
    __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('A' - 1)),
                                  _mm_cmplt_epi8(x, _mm_set1_epi8('Z' + 1)));
    __m128i upper1 = _mm_and_si128(_mm_cmpgt_epi8(x1, _mm_set1_epi8('A' - 1)),
                                   _mm_cmplt_epi8(x1, _mm_set1_epi8('Z' + 1)));
    __m128i caps = _mm_and_si128(upper, _mm_or_si128(upper1, eq(x1, 0xC4)));
    __m128i dd = _mm_and_si128(_mm_and_si128(eq(x, 0xC4), _mm_or_si128(eq(x1, 0x90), eq(x1, 0x91))),
                               _mm_or_si128(_mm_or_si128(eq(x2, 'V'), eq(x2, 'v')), eq(x2, '/')));
    __m128i entity = _mm_and_si128(
        eq(x, '&'), _mm_or_si128(_mm_or_si128(eq(x1, 'n'), eq(x1, 'a')), eq(x1, '#')));
    __m128i any = _mm_or_si128(_mm_or_si128(_mm_or_si128(d, b), _mm_or_si128(h, eth)),
                               _mm_or_si128(_mm_or_si128(caps, dd), entity));
    return (uint32_t)_mm_movemask_epi8(any);
}
#endif

static int digit_at(const char *s, size_t len, size_t i)
{
    return i < len && s[i] >= '0' && s[i] <= '9';
}

/* Whether the three bytes after s[at, at + n) are digits and no fourth
 * follows, and one to three digits not starting with 0 stand before it:
 * a thousands group ("5 318"). */
static int groups_thousands(const char *s, size_t len, size_t at, size_t n)
{
    size_t k = at;
    while (k > 0 && digit_at(s, len, k - 1) && at - k < 4)
        k--;
    size_t after = at + n;
    return k < at && at - k <= 3 && s[k] != '0' && (k == 0 || !digit_at(s, len, k - 1)) &&
           digit_at(s, len, after) && digit_at(s, len, after + 1) && digit_at(s, len, after + 2) &&
           !digit_at(s, len, after + 3);
}

static solieu_status try_at(char *s, size_t len, size_t at, sl_vec *mends)
{
    if (is_eth(s, at)) {
        mend_eth(s, at);
        return SOLIEU_OK;
    }
    /* two capitals inside a word or a code ("NQ/TW", "XIII") are no
     * abbreviation of ours: most capitals the scan picks end here */
    if (s[at] >= 'A' && s[at] <= 'Z' && at > 0 && s[at - 1] != ' ' && s[at - 1] != '(' &&
        s[at - 1] != '\n')
        return SOLIEU_OK;
    for (size_t k = 0; k < sizeof slips / sizeof slips[0]; k++) {
        const slip *sp = &slips[k];
        if (sp->wrong[sp->anchor] != s[at] || at < sp->anchor)
            continue;
        size_t n = strlen(sp->wrong);
        if (at - sp->anchor + n > len || memcmp(s + at - sp->anchor, sp->wrong, n) != 0)
            continue;
        size_t start = at - sp->anchor;
        int word = sp->kind != SLIP_ENTITY; /* an entity needs no word of its own */
        if ((word && (letter_before(s, start) || sl_letter_at(s, len, start + n))) ||
            (sp->kind == SLIP_AFTER_COUNT && !count_before(s, start)) ||
            (sp->kind == SLIP_ABBREVIATION && in_code(s, len, start, start + n)))
            continue;
        /* a no-break space grouping thousands ("<td>1&nbsp;512</td>") is
         * the dot reports write */
        const char *right = sp->right;
        if (sp->kind == SLIP_ENTITY && strcmp(right, " ") == 0 &&
            groups_thousands(s, len, start, n))
            right = ".";
        mend *m = sl_vec_push(mends);
        if (!m)
            return SOLIEU_ERR_NOMEM;
        *m = (mend){start, n, right, strlen(right), {0}};
    }
    return SOLIEU_OK;
}

static int is_digits(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return to > from;
}

/* The words a number in words opens with (một … mười), and those it may
 * also end with ("hai mươi", "ba mươi mốt", "một trăm"). */
static const char *const digit_words[] = {"m\xE1\xBB\x99t",
                                          "hai",
                                          "ba",
                                          "b\xE1\xBB\x91n",
                                          "n\xC4\x83m",
                                          "s\xC3\xA1u",
                                          "b\xE1\xBA\xA3y",
                                          "b\xE1\xBA\xA9y",
                                          "t\xC3\xA1m",
                                          "ch\xC3\xADn",
                                          "m\xC6\xB0\xE1\xBB\x9Di"};
static const char *const tail_words[] = {"m\xC6\xB0\xC6\xA1i", "m\xE1\xBB\x91t", "l\xC4\x83m",
                                         "t\xC6\xB0",          "tr\xC4\x83m",    "ngh\xC3\xACn",
                                         "ng\xC3\xA0n"}; /* mươi, mốt, lăm, tư, trăm, nghìn, ngàn */

/* Whether the word s[at, at + n) is one of words[0, count). */
static int word_among(const char *s, size_t at, size_t n, const char *const *words, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (strlen(words[k]) == n && memcmp(s + at, words[k], n) == 0)
            return 1;
    return 0;
}

/* Whether s[at..end) opens with a word a number in words opens with (not
 * "trăm", "mươi": "hàng trăm đảng viên" is no figure). */
static int opens_number_word(const char *s, size_t at, size_t end)
{
    size_t n = 0;
    while (at + n < end && s[at + n] != ' ')
        n++;
    return word_among(s, at, n, digit_words, sizeof digit_words / sizeof digit_words[0]);
}

/* Whether the word that ends at s[end) is one a number in words can end
 * with; most nouns stand after digits or other words, and are passed by at
 * once. */
static int ends_number_word(const char *s, size_t end)
{
    size_t start = end;
    while (start > 0 && end - start < 8 && s[start - 1] != ' ' && s[start - 1] != '\n' &&
           s[start - 1] != '(')
        start--;
    return word_among(s, start, end - start, digit_words,
                      sizeof digit_words / sizeof digit_words[0]) ||
           word_among(s, start, end - start, tail_words, sizeof tail_words / sizeof tail_words[0]);
}

/* The start of the longest run of words that ends right at `end` (a
 * space, a line's start or '(' before it, no digit in it, at most
 * MAX_WORDS_BYTES) and reads as a number: as `*value` when value is not
 * NULL, else any whole number from 1 that opens with a number's first
 * word; the number into *num. (size_t)-1 when none. */
static size_t number_words_before(const char *s, size_t end, const double *value,
                                  solieu_number *num)
{
    enum { MAX_WORDS_BYTES = 48 };
    size_t best = (size_t)-1;
    for (size_t k = end; k-- > 0 && end - k <= MAX_WORDS_BYTES;) {
        if (k > 0 && s[k - 1] != ' ' && s[k - 1] != '\n' && s[k - 1] != '(')
            continue;
        if (s[k] >= '0' && s[k] <= '9')
            break;
        solieu_number n;
        if ((!value && !opens_number_word(s, k, end)) ||
            solieu_number_parse(s + k, end - k, &n) != SOLIEU_OK || n.consumed != end - k)
            continue;
        if (value ? n.value != *value
                  : !(n.value >= 1 && n.value < 1e6 && n.value == (double)(long)n.value))
            continue;
        best = k;
        *num = n;
    }
    return best;
}

/* "mười hai (12) tổ chức", "01 (một) đồng chí": a number spelled out and
 * given in digits is the digits alone, so that rules read one number. */
static solieu_status find_spelled_numbers(const char *s, size_t len, sl_vec *mends)
{
    for (const char *p = memchr(s, '(', len); p;
         p = memchr(p + 1, '(', len - (size_t)(p + 1 - s))) {
        size_t open = (size_t)(p - s);
        const char *q = memchr(p, ')', len - open);
        if (!q || q - p > 48 || open < 2 || s[open - 1] != ' ')
            continue;
        size_t close = (size_t)(q - s);
        solieu_number inner, outer;
        size_t start, digits_at, digits_len;
        if (is_digits(s, open + 1, close)) { /* words (digits) */
            if (solieu_number_parse(s + open + 1, close - open - 1, &inner) != SOLIEU_OK ||
                (start = number_words_before(s, open - 1, &inner.value, &outer)) == (size_t)-1)
                continue;
            digits_at = open + 1;
            digits_len = close - open - 1;
        } else { /* digits (words), the digits perhaps in bold: "**89** (tám mươi chín)" */
            size_t digits_end = open - 1;
            while (digits_end > 0 && s[digits_end - 1] == '*')
                digits_end--;
            start = digits_end;
            while (start > 0 && s[start - 1] >= '0' && s[start - 1] <= '9')
                start--;
            if (start == digits_end ||
                (start > 0 && s[start - 1] != ' ' && s[start - 1] != '\n' && s[start - 1] != '*') ||
                solieu_number_parse(s + open + 1, close - open - 1, &inner) != SOLIEU_OK ||
                inner.consumed != close - open - 1 || (s[open + 1] >= '0' && s[open + 1] <= '9') ||
                solieu_number_parse(s + start, digits_end - start, &outer) != SOLIEU_OK ||
                outer.value != inner.value)
                continue;
            digits_at = start;
            digits_len = digits_end - start;
        }
        mend *m = sl_vec_push(mends);
        if (!m)
            return SOLIEU_ERR_NOMEM;
        *m = (mend){start, close + 1 - start, s + digits_at, digits_len, {0}};
    }
    return SOLIEU_OK;
}

/* What a number spelled out before it counts: the nouns after which
 * find_counted_words reads the words before as a number. The first two are
 * people; "năm" alone before the others is a year's word. */
#define NOUN(text)                                                                                 \
    {                                                                                              \
        text, sizeof text - 1                                                                      \
    }
static const struct {
    const char *text;
    size_t len;
} counted_nouns[] = {
    NOUN(" \xC4\x91\xE1\xBA\xA3ng vi\xC3\xAAn"), /* đảng viên */
    NOUN(" \xC4\x91\xE1\xBB\x93ng ch\xC3\xAD"),  /* đồng chí */
    NOUN(" t\xE1\xBB\x95 ch\xE1\xBB\xA9"
         "c"),                                        /* tổ chức */
    NOUN(" chi b\xE1\xBB\x99"),                       /* chi bộ */
    NOUN(" \xC4\x91\xE1\xBA\xA3ng b\xE1\xBB\x99"),    /* đảng bộ */
    NOUN(" tr\xC6\xB0\xE1\xBB\x9Dng h\xE1\xBB\xA3p"), /* trường hợp */
    NOUN(" cu\xE1\xBB\x99"
         "c"),                              /* cuộc */
    NOUN(" t\xE1\xBA\xADp th\xE1\xBB\x83"), /* tập thể */
};
#undef NOUN

/* Which of counted_nouns stands at s[at] (a space), or -1. Their first
 * four bytes tell them apart, so those are compared first. */
static int counted_noun_at(const char *s, size_t len, size_t at)
{
    if (at + 4 > len)
        return -1;
    uint32_t head;
    memcpy(&head, s + at, 4);
    for (size_t w = 0; w < sizeof counted_nouns / sizeof counted_nouns[0]; w++) {
        uint32_t noun_head;
        memcpy(&noun_head, counted_nouns[w].text, 4);
        size_t n = counted_nouns[w].len;
        if (noun_head == head && at + n <= len && memcmp(s + at, counted_nouns[w].text, n) == 0)
            return (int)w;
    }
    return -1;
}

/* A number spelled out before the noun at `end` (counted_nouns[noun]) as a
 * mend to its digits; nothing when the words before are no number. */
static solieu_status mend_counted_words(const char *s, size_t end, int noun, sl_vec *mends)
{
    solieu_number value;
    size_t start =
        ends_number_word(s, end) ? number_words_before(s, end, NULL, &value) : (size_t)-1;
    if (start == (size_t)-1)
        return SOLIEU_OK;
    int single = !memchr(s + start, ' ', end - start);
    int labelled = start >= 2 && s[start - 2] == ':' && s[start - 1] == ' ';
    if (single && !labelled && memcmp(s + start, "m\xE1\xBB\x99t", 4) == 0)
        return SOLIEU_OK; /* "một đảng viên gương mẫu": an article ("cách chức: một
                             đồng chí" counts) */
    if (single && memcmp(s + start, "n\xC4\x83m", 4) == 0 && noun > 1)
        return SOLIEU_OK; /* "năm" before what is no person is a year's word */
    mend *m = sl_vec_push(mends);
    if (!m)
        return SOLIEU_ERR_NOMEM;
    *m = (mend){start, end - start, NULL, 0, {0}};
    m->right_len = (size_t)snprintf(m->digits, sizeof m->digits, "%ld", (long)value.value);
    return SOLIEU_OK;
}

#ifdef __SSE2__
/* The spaces of s[0..16) that may open one of counted_nouns (s[16]
 * readable): before 'đ' (lead byte C4), 't' or 'c'. */
static uint32_t noun_candidates(const char *s)
{
    __m128i x1 = sl_load16(s + 1);
    __m128i next = _mm_or_si128(_mm_or_si128(eq(x1, 0xC4), eq(x1, 't')), eq(x1, 'c'));
    return (uint32_t)_mm_movemask_epi8(_mm_and_si128(eq(sl_load16(s), ' '), next));
}
#endif

/* "hai mươi sáu đảng viên", "ba đồng chí": a number spelled out right
 * before what it counts reads as its digits, so that the rules read it as
 * they read "26 đảng viên". "một" alone stays (an article), and "năm"
 * alone but before members (a year's word); so do words a number does not
 * open with ("hàng trăm"). One pass over the spaces before the nouns. */
static solieu_status find_counted_words(const char *s, size_t len, sl_vec *mends)
{
    size_t i = 0;
    solieu_status status = SOLIEU_OK;
#ifdef __SSE2__
    for (; i + 17 <= len && status == SOLIEU_OK; i += 16)
        for (uint32_t m = noun_candidates(s + i); m && status == SOLIEU_OK; m &= m - 1) {
            size_t at = i + (size_t)__builtin_ctz(m);
            int noun = counted_noun_at(s, len, at);
            if (noun >= 0)
                status = mend_counted_words(s, at, noun, mends);
        }
#endif
    for (; i < len && status == SOLIEU_OK; i++) {
        int noun = s[i] == ' ' ? counted_noun_at(s, len, i) : -1;
        if (noun >= 0)
            status = mend_counted_words(s, i, noun, mends);
    }
    return status;
}

/* Mends the eths in place and lists the other slips, in text order. */
static solieu_status find_mends(char *s, size_t len, sl_vec *mends)
{
    size_t i = 0;
    solieu_status status = SOLIEU_OK;
#ifdef __SSE2__
    for (; i + 19 <= len && status == SOLIEU_OK; i += 16)
        for (uint32_t m = candidates(s + i); m && status == SOLIEU_OK; m &= m - 1)
            status = try_at(s, len, i + (size_t)__builtin_ctz(m), mends);
#endif
    for (; i + 1 < len && status == SOLIEU_OK; i++)
        status = try_at(s, len, i, mends);
    return status;
}

/* The text with every mend made, and anchors that map the new offsets back:
 * each mended word is anchored at both ends, anchors inside it dropped and
 * those after it moved by what the mends before them added. */
static solieu_status apply_mends(sl_buf *text, sl_vec *anchors, const sl_vec *mends,
                                 size_t original_size, sl_vec *spelled)
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
        size_t wrong = m->wrong_len, right = m->right_len;
        if (m->at < copied)
            continue; /* overlaps the mend before it */
        size_t orig_start = sl_anchors_original(anchors, m->at, original_size);
        size_t orig_end = sl_anchors_original(anchors, m->at + wrong, original_size);
        for (; next_anchor < anchors->len && a[next_anchor].norm <= m->at; next_anchor++)
            failed |= sl_anchors_push(&moved, a[next_anchor].norm - copied + out.len,
                                      a[next_anchor].orig);
        failed |= sl_buf_append(&out, text->data + copied, m->at - copied);
        failed |= sl_anchors_push(&moved, out.len, orig_start);
        if (!m->right) {
            sl_spelled *w = sl_vec_push(spelled);
            failed |= !w;
            if (w) {
                *w = (sl_spelled){out.len, right, sl_strndup(text->data + m->at, wrong)};
                failed |= !w->written;
            }
        }
        failed |= sl_buf_append(&out, m->right ? m->right : m->digits, right);
        failed |= sl_anchors_push(&moved, out.len, orig_end);
        copied = m->at + wrong;
        while (next_anchor < anchors->len && a[next_anchor].norm <= copied)
            next_anchor++;
    }
    for (; next_anchor < anchors->len && !failed; next_anchor++)
        failed |=
            sl_anchors_push(&moved, a[next_anchor].norm - copied + out.len, a[next_anchor].orig);
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

/* Where the space of a number grouped "1 164" starting at s[i] stands
 * (one to three digits, a space, three digits, no digit after); 0 when
 * none does. */
static size_t spaced_thousands_at(const char *s, size_t len, size_t i)
{
    size_t k = i;
    while (digit_at(s, len, k) && k - i < 4)
        k++;
    if (k == i || k - i > 3 || s[i] == '0' || k >= len || s[k] != ' ')
        return 0;
    return digit_at(s, len, k + 1) && digit_at(s, len, k + 2) && digit_at(s, len, k + 3) &&
                   !digit_at(s, len, k + 4)
               ? k
               : 0;
}

/* "1 245 đảng viên", as some PDF exports group thousands: the space
 * becomes the dot reports write ("1.245"), in place (the lengths agree).
 * One to three digits after a space or a line's start, one space, three
 * digits, then a space and a letter or a mark; never between years
 * ("2023 2024" has four digits) nor after a digit group ("12.345 678"). */
static void join_spaced_thousands(char *s, size_t len)
{
    for (char *p = memchr(s, ' ', len); p; p = memchr(p + 1, ' ', len - (size_t)(p + 1 - s))) {
        size_t at = (size_t)(p - s), k = at;
        if (at == 0 || !digit_at(s, len, at - 1) || !digit_at(s, len, at + 1))
            continue; /* most spaces: no digit on either side */
        if (!groups_thousands(s, len, at, 1))
            continue;
        while (k > 0 && digit_at(s, len, k - 1))
            k--;
        if (k > 0 && !strchr(" \n*(|>\t", s[k - 1]))
            continue; /* (">": an HTML cell's start, "<td>1 512</td>") */
        char after = at + 4 < len ? s[at + 4] : '\n';
        size_t below = after == '/' ? spaced_thousands_at(s, len, at + 5) : 0;
        if ((after == '/' && !below) || (after == ' ' && digit_at(s, len, at + 5)))
            continue; /* "1 245/300", "12 345 678": not a figure we know */
        if (k >= 2 && digit_at(s, len, k - 2))
            continue; /* "12 345 678", "2024 1 245" */
        s[at] = '.';
        if (below)
            s[below] = '.'; /* "1 107/1 164" */
    }
}

/* Whether s[k] may stand before a number: a space, a line's or cell's
 * start, markup. */
static int opens_number_at(const char *s, size_t k)
{
    return k == 0 || strchr(" \t\n*(|", s[k - 1]) != NULL;
}

/* Whether s[i] may stand in a number OCR read: a digit, a grouping or
 * decimal mark, or a letter it takes digits for. */
static int in_misread_number(const char *s, size_t len, size_t i)
{
    return i < len &&
           (digit_at(s, len, i) || s[i] == '.' || s[i] == ',' || s[i] == 'l' || s[i] == 'O');
}

/* Every `letter` inside a number OCR read ("7l", "8l6", "l.245", "1O5",
 * "3.5OO", "O6"), in place (the lengths agree): a run of digits, marks and
 * such letters that stands as a word of its own and opens like a number,
 * a digit in it. */
static void misread_letters(char *s, size_t len, char letter, char digit)
{
    for (char *p = memchr(s, letter, len); p;
         p = memchr(p + 1, letter, len - (size_t)(p + 1 - s))) {
        size_t at = (size_t)(p - s), from = at, to = at + 1;
        while (from > 0 && in_misread_number(s, len, from - 1))
            from--;
        while (in_misread_number(s, len, to))
            to++;
        while (to > from && (s[to - 1] == '.' || s[to - 1] == ','))
            to--; /* a sentence's stop or a list's comma */
        size_t digits = 0;
        for (size_t i = from; i < to; i++)
            digits += digit_at(s, len, i);
        int alone =
            opens_number_at(s, from) &&
            (to == len || !((unsigned char)s[to] >= 0x80 || (s[to] | 0x20) >= 'a') || s[to] == '%');
        if (digits == 0 || to - from < 2 || !alone ||
            !(digit_at(s, len, from) || s[from] == letter))
            continue;
        for (size_t i = from; i < to; i++)
            if (s[i] == letter)
                s[i] = digit;
    }
}

/* Digits OCR misreads in a number: "6 .012" (a space before the thousands'
 * dot) is "6.012", "96, 5%" (a space after the decimal comma of a share)
 * is "96,5%" (the letters it takes for digits: misread_letters). */
static solieu_status find_misread_digits(char *s, size_t len, sl_vec *mends)
{
    for (char *p = memchr(s, ',', len); p; p = memchr(p + 1, ',', len - (size_t)(p + 1 - s))) {
        size_t comma = (size_t)(p - s), d = comma + 2;
        if (comma == 0 || !digit_at(s, len, comma - 1) || d >= len || s[comma + 1] != ' ' ||
            !digit_at(s, len, d))
            continue;
        size_t e = d;
        while (digit_at(s, len, e) && e - d < 3)
            e++;
        if (e - d > 2 || digit_at(s, len, e))
            continue;
        if (e < len && s[e] == ' ')
            e++;
        if (e >= len || s[e] != '%')
            continue;
        mend *m = sl_vec_push(mends);
        if (!m)
            return SOLIEU_ERR_NOMEM;
        *m = (mend){comma, 2, ",", 1, {0}};
    }
    for (char *p = memchr(s, '.', len); p; p = memchr(p + 1, '.', len - (size_t)(p + 1 - s))) {
        size_t dot = (size_t)(p - s), k = dot - 1;
        if (dot < 2 || s[k] != ' ' || !digit_at(s, len, k - 1) || !digit_at(s, len, dot + 1) ||
            !digit_at(s, len, dot + 2) || !digit_at(s, len, dot + 3) || digit_at(s, len, dot + 4))
            continue;
        size_t start = k;
        while (start > 0 && digit_at(s, len, start - 1) && k - start < 4)
            start--;
        if (k - start > 3 || !opens_number_at(s, start))
            continue;
        mend *m = sl_vec_push(mends);
        if (!m)
            return SOLIEU_ERR_NOMEM;
        *m = (mend){k, 2, ".", 1, {0}};
    }
    return SOLIEU_OK;
}

/* Spaces a PDF or a word processor writes as other characters: a no-break,
 * thin or narrow space ("5 318" grouping thousands, "103,3 %") and a soft
 * hyphen inside a word. A space that groups thousands becomes the dot
 * reports write; another a space; a soft hyphen nothing. */
static solieu_status find_space_mends(const char *s, size_t len, sl_vec *mends)
{
    /* found by their first byte, which Vietnamese letters never open
     * with: C2 (no-break space A0, soft hyphen AD) and E2 80 (thin 89,
     * figure 87, narrow no-break AF) */
    static const unsigned char leads[] = {0xC2, 0xE2};
    for (size_t k = 0; k < sizeof leads; k++)
        for (const char *p = memchr(s, leads[k], len); p;
             p = memchr(p + 1, leads[k], len - (size_t)(p + 1 - s))) {
            size_t at = (size_t)(p - s), n = leads[k] == 0xC2 ? 2 : 3;
            if (at + n > len)
                break;
            unsigned char b1 = (unsigned char)p[1], b2 = n == 3 ? (unsigned char)p[2] : 0;
            int hyphen = n == 2 && b1 == 0xAD;
            int space = (n == 2 && b1 == 0xA0) ||
                        (n == 3 && b1 == 0x80 && (b2 == 0x89 || b2 == 0x87 || b2 == 0xAF));
            if (!hyphen && !space)
                continue;
            const char *right = hyphen ? "" : groups_thousands(s, len, at, n) ? "." : " ";
            mend *m = sl_vec_push(mends);
            if (!m)
                return SOLIEU_ERR_NOMEM;
            *m = (mend){at, n, right, strlen(right), {0}};
        }
    return SOLIEU_OK;
}

/* Marks placed the old way on a syllable's last two vowels ("Huyện uỷ",
 * "hoà"), placed the new way the rules read. Found by the o or u that opens
 * the pair. */
static solieu_status find_tone_mends(const char *s, size_t len, sl_vec *mends, size_t *found)
{
    static const char firsts[] = "oOuU";
    for (size_t k = 0; k < sizeof firsts - 1; k++)
        for (const char *p = memchr(s, firsts[k], len); p;
             p = memchr(p + 1, firsts[k], len - (size_t)(p + 1 - s))) {
            size_t at = (size_t)(p - s), right_len;
            const char *right;
            size_t n = sl_old_tone_pair_at(s, len, at, &right, &right_len);
            if (!n)
                continue;
            mend *m = sl_vec_push(mends);
            if (!m)
                return SOLIEU_ERR_NOMEM;
            *m = (mend){at, n, right, right_len, {0}};
            ++*found;
        }
    return SOLIEU_OK;
}

/* Every use, outside the legend, of an abbreviation the report's legend
 * defines, as a word of its own and in no code ("KN: 05 ĐV", not
 * "05-KH/KN"). */
static solieu_status find_legend_mends(const char *s, size_t len, const sl_vec *abbreviations,
                                       size_t legend_at, size_t legend_end, sl_vec *mends)
{
    for (size_t k = 0; k < abbreviations->len; k++) {
        const sl_abbreviation *a = sl_vec_at(abbreviations, k);
        size_t n = strlen(a->short_form);
        for (const char *p = memmem(s, len, a->short_form, n); p;
             p = memmem(p + 1, len - (size_t)(p + 1 - s), a->short_form, n)) {
            size_t start = (size_t)(p - s);
            if ((start + n > legend_at && start < legend_end) || letter_before(s, start) ||
                sl_letter_at(s, len, start + n) || in_code(s, len, start, start + n))
                continue;
            mend *m = sl_vec_push(mends);
            if (!m)
                return SOLIEU_ERR_NOMEM;
            *m = (mend){start, n, a->long_form, strlen(a->long_form), {0}};
        }
    }
    return SOLIEU_OK;
}

void sl_spelled_free(sl_vec *spelled)
{
    for (size_t k = 0; k < spelled->len; k++)
        free(((sl_spelled *)sl_vec_at(spelled, k))->written);
    sl_vec_free(spelled);
}

solieu_status sl_mend_slips(sl_buf *text, sl_vec *anchors, size_t original_size, sl_vec *spelled,
                            size_t *old_tone_marks)
{
    /* digits first: "1O5 642" groups its thousands once it is "105 642" */
    misread_letters(text->data, text->len, 'l', '1');
    misread_letters(text->data, text->len, 'O', '0');
    join_spaced_thousands(text->data, text->len);
    sl_vec mends;
    sl_vec_init(&mends, sizeof(mend));
    solieu_status status = find_mends(text->data, text->len, &mends);
    if (status == SOLIEU_OK)
        status = find_misread_digits(text->data, text->len, &mends);
    if (status == SOLIEU_OK)
        status = find_spelled_numbers(text->data, text->len, &mends);
    if (status == SOLIEU_OK)
        status = find_counted_words(text->data, text->len, &mends);
    if (status == SOLIEU_OK)
        status = find_space_mends(text->data, text->len, &mends);
    if (status == SOLIEU_OK)
        status = find_tone_mends(text->data, text->len, &mends, old_tone_marks);
    /* the report's own abbreviations, after the mends of ours (a mend that
     * overlaps one before it is dropped) */
    sl_vec legend;
    sl_vec_init(&legend, sizeof(sl_abbreviation));
    size_t legend_at = 0, legend_end = 0;
    if (status == SOLIEU_OK &&
        sl_legend_read(text->data, text->len, &legend, &legend_at, &legend_end) != 0)
        status = SOLIEU_ERR_NOMEM;
    if (status == SOLIEU_OK)
        status = find_legend_mends(text->data, text->len, &legend, legend_at, legend_end, &mends);
    if (status == SOLIEU_OK && mends.len) {
        /* anchored at different places, mends may be found out of order */
        qsort(mends.items, mends.len, sizeof(mend), by_offset);
        status = apply_mends(text, anchors, &mends, original_size, spelled);
    }
    sl_legend_free(&legend);
    sl_vec_free(&mends);
    return status;
}
