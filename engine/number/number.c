/* Vietnamese numerals at the start of a text span.
 *
 * Two shapes: digit forms ("27.210", "96,48 %", "302/313", "1,5 triệu") and
 * spelled-out forms ("hai mươi lăm", "một trăm linh năm"), plus the
 * approximation words that may stand before either ("khoảng", "gần", ...).
 *
 * Everything here is a pure function over (pointer, length): nothing
 * allocates, nothing reads at or past `len`, and the text need not be
 * NUL-terminated. Case-insensitive matching goes code point by code point
 * through utf8proc_tolower, which needs no buffer. */
#include <solieu/number.h>

#include <limits.h>
#include <math.h>
#include <string.h>

#include <utf8proc.h>

#include "util/util.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- characters ---------------------------------------------------------- */

/* Only ASCII digits: superscript footnote marks (¹ ² ³) must never extend a
 * number ("27.210¹" is 27210 followed by footnote 1). */
static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Letters, combining marks and decimal digits continue a word. Everything
 * else ends it, including punctuation, footnote superscripts (category No)
 * and invalid bytes, which are no letter we could recognise anyway. */
static int is_word_cp(utf8proc_int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
        return 1;
    default:
        return 0;
    }
}

/* Decodes one code point of s[pos..len); returns its byte length, or -1. */
static utf8proc_ssize_t decode_at(const char *s, size_t len, size_t pos, utf8proc_int32_t *cp)
{
    int32_t c;
    size_t n = sl_utf8_next(s + pos, len - pos, &c);
    *cp = c;
    return c < 0 ? -1 : (utf8proc_ssize_t)n;
}

/* 1 when a word that ends at `pos` is whole: the text ends there or the next
 * code point is not part of a word. A byte >= 0x80 may be a Vietnamese
 * letter ("trăm" inside "trămx"), hence the decoding. */
static int word_ends_at(const char *s, size_t len, size_t pos)
{
    utf8proc_int32_t cp;
    if (pos >= len)
        return 1;
    if (decode_at(s, len, pos, &cp) <= 0)
        return 1;
    return !is_word_cp(cp);
}

/* 1 when a word that starts at `pos` is whole on its left: start of text or
 * the previous code point is not part of a word. */
static int word_starts_at(const char *s, size_t pos)
{
    utf8proc_int32_t cp;
    size_t b;
    if (pos == 0)
        return 1;
    b = pos - 1;
    /* step back over at most three continuation bytes to the lead byte */
    while (b > 0 && pos - b < 4 && ((unsigned char)s[b] & 0xC0) == 0x80)
        b--;
    if (decode_at(s, pos, b, &cp) != (utf8proc_ssize_t)(pos - b))
        return 1;
    return !is_word_cp(cp);
}

/* The one separator allowed between a number and what belongs to it, and
 * between number words: a space, or a no-break space, which documents
 * converted from .docx put before '%' and units. Returns its byte length. */
static size_t sep_at(const char *s, size_t len, size_t pos)
{
    if (pos < len && s[pos] == ' ')
        return 1;
    if (pos + 1 < len && (unsigned char)s[pos] == 0xC2 && (unsigned char)s[pos + 1] == 0xA0)
        return 2;
    return 0;
}

/* Byte length of the text at `pos` that spells `word` (lowercase NFC) in any
 * case ("Một", "MỘT"), or 0. The word boundary is the caller's business. */
static size_t match_ci(const char *s, size_t len, size_t pos, const char *word)
{
    const utf8proc_uint8_t *w = (const utf8proc_uint8_t *)word;
    size_t i = pos;
    while (*w) {
        unsigned char tb = i < len ? (unsigned char)s[i] : 0;
        if (*w < 0x80 && tb < 0x80) {
            /* ASCII on both sides: the word is lowercase */
            if (!tb || (tb >= 'A' && tb <= 'Z' ? tb | 0x20 : tb) != *w)
                return 0;
            w++;
            i++;
            continue;
        }
        size_t same = 0; /* the letter as written, the usual case */
        while (w[same] >= 0x80 && i + same < len && (unsigned char)s[i + same] == w[same] &&
               (same == 0 || (w[same] & 0xC0) == 0x80))
            same++;
        if (same > 0 && (w[same] < 0x80 || (w[same] & 0xC0) != 0x80)) {
            w += same;
            i += same;
            continue;
        }
        utf8proc_int32_t wc, tc;
        utf8proc_ssize_t wn = utf8proc_iterate(w, -1, &wc);
        utf8proc_ssize_t tn;
        if (i >= len || wn <= 0)
            return 0;
        tn = decode_at(s, len, i, &tc);
        if (tn <= 0 || utf8proc_tolower(tc) != wc)
            return 0;
        w += wn;
        i += (size_t)tn;
    }
    return i - pos;
}

/* ---- number words ---------------------------------------------------------- */

enum word_kind {
    W_DIGIT,  /* không .. chín: a digit anywhere a digit may stand */
    W_MOT,    /* mốt: 1, only after "mươi" */
    W_TU,     /* tư: 4, only after "mươi"/"mười"/"linh" ("tư" alone means "private") */
    W_LAM,    /* lăm: 5, only after "mươi"/"mười" */
    W_MUOI10, /* mười: the number 10 itself */
    W_MUOI,   /* mươi: the tens after a digit ("hai mươi") */
    W_TRAM,   /* trăm: hundreds */
    W_LINH,   /* linh/lẻ: an empty tens place ("một trăm linh năm") */
    W_SCALE   /* nghìn/ngàn, triệu, tỷ/tỉ */
};

struct num_word {
    const char *text; /* lowercase NFC */
    enum word_kind kind;
    double value;
};

static const struct num_word num_words[] = {
    {"không", W_DIGIT, 0},   {"một", W_DIGIT, 1},     {"hai", W_DIGIT, 2},
    {"ba", W_DIGIT, 3},      {"bốn", W_DIGIT, 4},     {"năm", W_DIGIT, 5},
    {"sáu", W_DIGIT, 6},     {"bảy", W_DIGIT, 7},     {"bẩy", W_DIGIT, 7},
    {"tám", W_DIGIT, 8},     {"chín", W_DIGIT, 9},    {"mốt", W_MOT, 1},
    {"tư", W_TU, 4},         {"lăm", W_LAM, 5},       {"mười", W_MUOI10, 10},
    {"mươi", W_MUOI, 10},    {"trăm", W_TRAM, 100},   {"linh", W_LINH, 0},
    {"lẻ", W_LINH, 0},       {"nghìn", W_SCALE, 1e3}, {"ngàn", W_SCALE, 1e3},
    {"triệu", W_SCALE, 1e6}, {"tỷ", W_SCALE, 1e9},    {"tỉ", W_SCALE, 1e9},
};

/* Compounds in which a scale syllable is no scale at all: "Năm 2023 tỷ lệ
 * hộ nghèo ..." must not read as 2023 billion. */
static const char *const scale_compounds[] = {
    "tỷ lệ",   "tỉ lệ",   "tỷ số",  "tỉ số",  "tỷ trọng",  "tỉ trọng",    "tỷ giá",    "tỉ giá",
    "tỷ suất", "tỉ suất", "tỷ phú", "tỉ phú", "triệu phú", "triệu chứng", "triệu tập", "triệu hồi",
};

static int is_scale_compound(const char *s, size_t len, size_t pos)
{
    for (size_t i = 0; i < ARRAY_LEN(scale_compounds); i++) {
        size_t n = match_ci(s, len, pos, scale_compounds[i]);
        if (n && word_ends_at(s, len, pos + n))
            return 1;
    }
    return 0;
}

typedef struct word_tok {
    enum word_kind kind;
    double value;
    size_t end; /* byte just after the word */
} word_tok;

/* Reads the whole number word at `pos`, if there is one. */
static int word_at(const char *s, size_t len, size_t pos, word_tok *t)
{
    /* every number word opens with an ASCII letter: most words of a text are
     * passed over on their first byte */
    unsigned char first = pos < len ? (unsigned char)s[pos] : 0;
    if (first >= 'A' && first <= 'Z')
        first |= 0x20;
    for (size_t i = 0; i < ARRAY_LEN(num_words); i++) {
        if ((unsigned char)num_words[i].text[0] != first)
            continue;
        size_t n = match_ci(s, len, pos, num_words[i].text);
        if (!n || !word_ends_at(s, len, pos + n))
            continue;
        if (num_words[i].kind == W_SCALE && is_scale_compound(s, len, pos))
            return 0;
        t->kind = num_words[i].kind;
        t->value = num_words[i].value;
        t->end = pos + n;
        return 1;
    }
    return 0;
}

/* Reads the number word after the single separator that follows `end`. */
static int word_after(const char *s, size_t len, size_t end, word_tok *t)
{
    size_t n = sep_at(s, len, end);
    return n && word_at(s, len, end + n, t);
}

/* The unit after a tens word. "năm" is refused on purpose: after a tens
 * word it means "year" ("hai mươi năm" = twenty years); 5 is "lăm" there.
 * "mốt" belongs after "mươi" only ("mười một" is 11, "mười mốt" is not). */
static int tens_unit(const word_tok *t, int after_muoi, double *unit)
{
    switch (t->kind) {
    case W_DIGIT:
        if (t->value == 0 || t->value == 5)
            return 0;
        break;
    case W_MOT:
        if (!after_muoi)
            return 0;
        break;
    case W_TU:
    case W_LAM:
        break;
    default:
        return 0;
    }
    *unit = t->value;
    return 1;
}

/* "mười [unit]" or "<digit 2-9> mươi [unit]": 10..99. */
static int parse_tens(const char *s, size_t len, size_t pos, double *v, size_t *end)
{
    word_tok a, b, u;
    double val, unit;
    size_t e;
    if (!word_at(s, len, pos, &a))
        return 0;
    if (a.kind == W_MUOI10) {
        val = 10;
        e = a.end;
    } else if (a.kind == W_DIGIT && a.value >= 2 && word_after(s, len, a.end, &b) &&
               b.kind == W_MUOI) {
        val = a.value * 10;
        e = b.end;
    } else {
        return 0;
    }
    if (word_after(s, len, e, &u) && tens_unit(&u, a.kind == W_DIGIT, &unit)) {
        val += unit;
        e = u.end;
    }
    *v = val;
    *end = e;
    return 1;
}

/* "linh/lẻ <digit 1-9 or tư>": an empty tens place, 1..9. */
static int parse_linh(const char *s, size_t len, size_t pos, double *v, size_t *end)
{
    word_tok a, b;
    if (!word_at(s, len, pos, &a) || a.kind != W_LINH || !word_after(s, len, a.end, &b))
        return 0;
    if (!((b.kind == W_DIGIT && b.value > 0) || b.kind == W_TU))
        return 0;
    *v = b.value;
    *end = b.end;
    return 1;
}

/* One group below 1000, as it stands before a scale word or at the end.
 * The first group may be a bare digit ("hai nghìn", "năm") or a bare
 * "trăm" ("gần trăm lượt"). A later group must show its structure
 * ("không trăm hai mươi", "linh năm", "hai mươi"): a bare digit after a
 * scale word ("hai nghìn năm") is a colloquial or a different phrase. */
static int parse_group(const char *s, size_t len, size_t pos, int first, double *v, size_t *end)
{
    word_tok a, b;
    double hundreds = -1, rest = 0;
    size_t e = 0, n;
    if (!word_at(s, len, pos, &a))
        return 0;
    if (a.kind == W_DIGIT && (a.value > 0 || !first) && word_after(s, len, a.end, &b) &&
        b.kind == W_TRAM) {
        hundreds = a.value * 100;
        e = b.end;
    } else if (a.kind == W_TRAM && first) {
        hundreds = 100;
        e = a.end;
    }
    if (hundreds >= 0) {
        size_t re;
        n = sep_at(s, len, e);
        if (n && (parse_linh(s, len, e + n, &rest, &re) || parse_tens(s, len, e + n, &rest, &re)))
            e = re;
        else
            rest = 0;
        *v = hundreds + rest;
        *end = e;
        return 1;
    }
    if (parse_tens(s, len, pos, v, end))
        return 1;
    if (!first)
        return parse_linh(s, len, pos, v, end);
    if (a.kind == W_DIGIT && a.value > 0) {
        *v = a.value;
        *end = a.end;
        return 1;
    }
    return 0;
}

/* Scale words after `end`, chained while each is larger than the product so
 * far ("nghìn tỷ" = 1e12). Returns the product (1 when there is none). */
static double scale_after(const char *s, size_t len, size_t *end)
{
    double scale = 1;
    word_tok t;
    while (word_after(s, len, *end, &t) && t.kind == W_SCALE && t.value > scale) {
        scale *= t.value;
        *end = t.end;
    }
    return scale;
}

/* Groups joined by descending scales: "hai triệu ba trăm nghìn". A group
 * whose scale is not below the previous one is left unconsumed. */
static int parse_words(const char *s, size_t len, solieu_number *out)
{
    double total = 0, prev_scale = INFINITY;
    size_t pos = 0, end = 0;
    int first = 1;
    for (;;) {
        double g, scale;
        size_t ge, se, n;
        if (!parse_group(s, len, pos, first, &g, &ge))
            break;
        se = ge;
        scale = scale_after(s, len, &se);
        if (scale == 1) {
            total += g;
            end = ge;
            break;
        }
        if (scale >= prev_scale)
            break;
        total += g * scale;
        prev_scale = scale;
        end = se;
        first = 0;
        n = sep_at(s, len, se);
        if (!n)
            break;
        pos = se + n;
    }
    if (end == 0)
        return 0;
    out->value = total;
    out->from_words = 1;
    out->consumed = end;
    return 1;
}

/* ---- digit forms ------------------------------------------------------------ */

/* A '.' at i that groups thousands: exactly three digits, then no digit. */
static int is_group_at(const char *s, size_t len, size_t i)
{
    return i + 3 < len && s[i] == '.' && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
           is_digit(s[i + 3]) && (i + 4 == len || !is_digit(s[i + 4]));
}

/* Digits from pos with '.' thousands groups. *run gets the length of the
 * leading digit run and *grouped whether any group followed; returns the end.
 * A dot after four or more digits is no thousands mark ("2021.5"). */
static size_t scan_grouped(const char *s, size_t len, size_t pos, double *val, size_t *run,
                           int *grouped)
{
    double v = 0;
    size_t i = pos;
    while (i < len && is_digit(s[i]))
        v = v * 10 + (s[i++] - '0');
    *run = i - pos;
    *grouped = 0;
    if (*run <= 3) {
        while (is_group_at(s, len, i)) {
            for (size_t k = 1; k <= 3; k++)
                v = v * 10 + (s[i + k] - '0');
            i += 4;
            *grouped = 1;
        }
    }
    *val = v;
    return i;
}

/* Digits after the decimal comma at s[pos..). The value is formed as one
 * integer mantissa over a power of ten when that is exact, so "96,48" gives
 * the double nearest to 96.48 rather than 96 + 0.48 rounded twice. */
static size_t scan_decimals(const char *s, size_t len, size_t pos, double ip, double *value,
                            int *decimals)
{
    double frac = 0, pow10 = 1, m;
    size_t i = pos;
    while (i < len && is_digit(s[i])) {
        if (i - pos < 17) { /* more digits than a double holds add nothing */
            frac = frac * 10 + (s[i] - '0');
            pow10 *= 10;
        }
        i++;
    }
    m = ip * pow10 + frac;
    *value = m < 9007199254740992.0 ? m / pow10 : ip + frac / pow10;
    *decimals = i - pos > INT_MAX ? INT_MAX : (int)(i - pos);
    return i;
}

/* "x/y" after the integer x ending at i, or 0 when it is no fraction. Dates
 * are refused: "30/3/2021" (another "/digit" follows) and month/year
 * "4/2023" (x of 1-2 digits up to 12, y a 4-digit year 1900-2100). */
static size_t scan_fraction(const char *s, size_t len, size_t i, double x, size_t xrun,
                            int xgrouped, double *y)
{
    size_t yrun, ye;
    int ygrouped;
    if (!(i + 1 < len && s[i] == '/' && is_digit(s[i + 1])))
        return 0;
    ye = scan_grouped(s, len, i + 1, y, &yrun, &ygrouped);
    if (ye + 1 < len && s[ye] == '/' && is_digit(s[ye + 1]))
        return 0;
    if (!xgrouped && xrun <= 2 && x <= 12 && !ygrouped && yrun == 4 && *y >= 1900 && *y <= 2100)
        return 0;
    return ye;
}

/* "96.5%": a '.' before one or two digits and a percent sign is the
 * decimal mark English software writes (a thousands dot takes three). */
static int dot_decimal_percent(const char *s, size_t len, size_t i)
{
    if (!(i + 1 < len && s[i] == '.' && is_digit(s[i + 1])))
        return 0;
    size_t k = i + 1;
    while (k < len && k < i + 4 && is_digit(s[k]))
        k++;
    if (k - i - 1 > 2)
        return 0;
    size_t n = sep_at(s, len, k);
    return k < len && (s[k] == '%' || (n && k + n < len && s[k + n] == '%'));
}

static void parse_digits(const char *s, size_t len, solieu_number *out)
{
    double ip, y;
    size_t run, i, n, fe;
    int grouped;

    i = scan_grouped(s, len, 0, &ip, &run, &grouped);
    out->value = ip;
    if (i + 1 < len && s[i] == ',' && is_digit(s[i + 1])) {
        i = scan_decimals(s, len, i + 1, ip, &out->value, &out->decimals);
    } else if (!grouped && dot_decimal_percent(s, len, i)) {
        i = scan_decimals(s, len, i + 1, ip, &out->value, &out->decimals);
    } else if ((fe = scan_fraction(s, len, i, ip, run, grouped, &y)) != 0) {
        /* '%' or a scale word after a fraction means nothing in reports */
        out->denominator = y;
        out->has_denominator = 1;
        out->consumed = fe;
        return;
    }

    n = sep_at(s, len, i);
    if (i < len && s[i] == '%') {
        out->percent = 1;
        i++;
    } else if (n && i + n < len && s[i + n] == '%') {
        out->percent = 1;
        i += n + 1;
    } else {
        size_t se = i;
        double scale = scale_after(s, len, &se);
        if (scale != 1) {
            out->value *= scale;
            i = se;
        }
    }
    out->consumed = i;
}

/* ---- public ------------------------------------------------------------------ */

solieu_status solieu_number_parse(const char *text, size_t len, solieu_number *out)
{
    if (!out)
        return SOLIEU_ERR_USAGE;
    memset(out, 0, sizeof *out);
    if (!text || len == 0)
        return SOLIEU_ERR_USAGE;
    if (is_digit(text[0])) {
        parse_digits(text, len, out);
        return SOLIEU_OK;
    }
    if (parse_words(text, len, out))
        return SOLIEU_OK;
    memset(out, 0, sizeof *out);
    return SOLIEU_ERR_USAGE;
}

/* Longer phrases first: "khoảng gần" must win over its tail "gần". */
static const char *const approx_words[] = {
    "khoảng gần", "trên dưới", "gần như", "xấp xỉ", "ước tính", "ít nhất", "khoảng",
    "chừng",      "trên",      "dưới",    "hơn",    "gần",      "ước",
};

size_t solieu_number_approx_before(const char *text, size_t len, const char **kind)
{
    size_t end = len;
    if (kind)
        *kind = NULL;
    if (!text)
        return 0;
    while (end > 0) {
        if (text[end - 1] == ' ' || text[end - 1] == '\t')
            end--;
        else if (end >= 2 && (unsigned char)text[end - 2] == 0xC2 &&
                 (unsigned char)text[end - 1] == 0xA0)
            end -= 2;
        else
            break;
    }
    if (end == len)
        return 0;
    for (size_t i = 0; i < ARRAY_LEN(approx_words); i++) {
        /* Vietnamese upper and lower case letters have equal UTF-8 lengths,
         * so the word's own length locates its start in the text. */
        size_t n = strlen(approx_words[i]);
        unsigned char first = n <= end ? (unsigned char)text[end - n] : 0;
        if (n > end || (first < 0x80 && (first | 0x20) != (unsigned char)approx_words[i][0]))
            continue;
        if (match_ci(text, end, end - n, approx_words[i]) == n && word_starts_at(text, end - n)) {
            if (kind)
                *kind = approx_words[i];
            return len - (end - n);
        }
    }
    return 0;
}
