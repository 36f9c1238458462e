/* UTF-8 text helpers for building fact fields. */
#include <string.h>

#include <utf8proc.h>

#include <solieu/limits.h>

#include "extract/extract_internal.h"
#include "util/bytes16.h"

static char *map_case(const char *s, size_t n, int title)
{
    sl_buf b;
    sl_buf_init(&b, 0);
    int word_start = 1, pending_space = 0;
    for (size_t i = 0; i < n;) {
        int cp;
        size_t k = sl_utf8_decode(s + i, n - i, &cp);
        i += k;
        if (cp < 0)
            continue;
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == 0xA0) {
            pending_space = b.len > 0;
            word_start = 1;
            continue;
        }
        if (pending_space)
            sl_buf_putc(&b, ' ');
        pending_space = 0;
        int mapped = (title && word_start) ? utf8proc_toupper(cp) : utf8proc_tolower(cp);
        word_start = 0;
        utf8proc_uint8_t enc[4];
        utf8proc_ssize_t m = utf8proc_encode_char(mapped, enc);
        sl_buf_append(&b, (const char *)enc, (size_t)m);
    }
    return sl_buf_take(&b);
}

char *sl_utf8_lower(const char *s, size_t n)
{
    return map_case(s, n, 0);
}

char *sl_utf8_title(const char *s, size_t n)
{
    return map_case(s, n, 1);
}

size_t sl_capitalise_first(const char *s, char *out, size_t size)
{
    size_t n = strlen(s);
    int cp;
    size_t k = sl_utf8_decode(s, n, &cp);
    utf8proc_uint8_t enc[4];
    if (!k || cp < 0)
        return 0;
    utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(cp), enc);
    if (m <= 0 || (size_t)m + n - k + 1 > size)
        return 0;
    memcpy(out, enc, (size_t)m);
    memcpy(out + m, s + k, n - k + 1);
    return (size_t)m + n - k;
}

static size_t back_to_boundary(const char *s, size_t pos)
{
    while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80)
        pos--;
    return pos;
}

#ifdef __SSE2__
/* Whether s[0..16) holds no tab or newline, no two spaces in a row (s[16]
 * counted) and does not end in a space: copied as it is, it is what the
 * byte loop below would write. */
static int plain_block(const char *s)
{
    __m128i x = sl_load16(s), next = sl_load16(s + 1);
    uint32_t runs = sl_mask_eq(x, ' ') & sl_mask_eq(next, ' ');
    return !(sl_mask_eq(x, '\n') | sl_mask_eq(x, '\t') | runs) && s[15] != ' ';
}
#endif

char *sl_context_snippet(const char *s, size_t len, size_t start, size_t end, size_t around)
{
    size_t from = start > around ? back_to_boundary(s, start - around) : 0;
    size_t to = end + around < len ? back_to_boundary(s, end + around) : len;
    /* white space runs become one space: never longer than the source */
    char *out = sl_malloc(to - from + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    int space = 0;
    for (size_t i = from; i < to;) {
#ifdef __SSE2__
        /* sixteen bytes with no tab, newline or run of spaces, after a
         * letter and ending in one, are copied as they are */
        if (!space && n > 0 && i + 17 <= to && plain_block(s + i)) {
            memcpy(out + n, s + i, 16);
            n += 16;
            i += 16;
            continue;
        }
#endif
        char c = s[i++];
        if (c == '\n' || c == '\t' || c == ' ') {
            space = n > 0;
            continue;
        }
        if (space)
            out[n++] = ' ';
        space = 0;
        out[n++] = c;
    }
    out[n] = '\0';
    return out;
}

/* A sentence ends at '.', '!' or '?' followed by white space (or the end),
 * and not inside a number ("27.210") or an abbreviation list ("v.v."). */
static int sentence_end_at(const char *s, size_t len, size_t i)
{
    char c = s[i];
    if (c != '.' && c != '!' && c != '?')
        return 0;
    return i + 1 >= len || s[i + 1] == ' ' || s[i + 1] == '\n';
}

size_t sl_sentence_start(const char *s, size_t pos)
{
    size_t floor = pos > SOLIEU_MAX_SENTENCE_BYTES ? pos - SOLIEU_MAX_SENTENCE_BYTES : 0;
    for (size_t i = pos; i > floor; i--)
        if (sentence_end_at(s, pos, i - 1) && i - 1 < pos)
            return i;
    return floor;
}

size_t sl_sentence_end(const char *s, size_t len, size_t pos)
{
    size_t ceiling = len - pos > SOLIEU_MAX_SENTENCE_BYTES ? pos + SOLIEU_MAX_SENTENCE_BYTES : len;
    for (size_t i = pos; i < ceiling; i++)
        if (sentence_end_at(s, len, i))
            return i + 1;
    return ceiling;
}

/* Past an item's numbering at text[from]: "1. ", "2) ", "a) ", "II. ". */
size_t sl_past_numbering(const char *text, size_t from, size_t end)
{
    size_t i = from;
    while (i < end && ((text[i] >= '0' && text[i] <= '9') || strchr("IVXivx", text[i])))
        i++;
    if (i == from && i + 1 < end && text[i] >= 'a' && text[i] <= 'z')
        i++; /* "a)" */
    if (i > from && i + 1 < end && (text[i] == '.' || text[i] == ')') && text[i + 1] == ' ')
        return i + 2;
    return from;
}

int sl_after_change_word(const char *text, size_t at)
{
    static const char *const words[] = {"t\xC4\x83ng ", "gi\xE1\xBA\xA3m "}; /* tăng, giảm */
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t n = strlen(words[k]);
        if (at >= n && memcmp(text + at - n, words[k], n) == 0)
            return 1;
    }
    return 0;
}

int sl_sentence_ends_between(const char *text, size_t from, size_t to)
{
    for (size_t k = from; k + 1 < to; k++)
        if (text[k] == '.' && (text[k + 1] == ' ' || text[k + 1] == '\n'))
            return 1;
    return 0;
}
