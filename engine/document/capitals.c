/* Sentences typed in capitals ("TRONG NĂM 2026 ĐẢNG ỦY ĐÃ XÉT, KẾT NẠP 38
 * ĐẢNG VIÊN MỚI, ĐẠT 108,6% CHỈ TIÊU ...") are read as the same words in
 * lower case. The rules and the nouns the engine knows are written in lower
 * case; the header rules that need capitals read a letterhead's short
 * lines, which are left alone. Only the scan copy changes, and only letters
 * whose lower case takes as many bytes, so offsets stay those of the text. */
#include <string.h>

#include <utf8proc.h>

#include "document/capitals.h"
#include "document/document_internal.h"

/* A sentence, not a title: enough words, a clause break, nearly all of
 * its cased letters capitals. */
enum { MIN_WORDS = 12, MIN_CASED = 30, UPPER_PERCENT = 90 };

/* Whether a line's ASCII letters are nearly all capitals: a byte loop that
 * turns down the lines in lower case (nearly all of them) before any
 * decoding. */
static int ascii_mostly_upper(const char *line, size_t len)
{
    enum { FEW_LOWER = 8 };
    size_t lower = 0, upper = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)line[i];
        lower += c >= 'a' && c <= 'z';
        upper += c >= 'A' && c <= 'Z';
        if (lower > FEW_LOWER && lower > upper)
            return 0; /* a line in lower case shows it within its first words */
    }
    return upper >= MIN_CASED / 2 && upper * 100 >= (upper + lower) * UPPER_PERCENT;
}

static int typed_in_capitals(const char *line, size_t len)
{
    if (len < MIN_CASED || !ascii_mostly_upper(line, len))
        return 0;
    size_t words = 0, cased = 0, upper = 0;
    int in_word = 0, clause_break = 0;
    for (size_t at = 0; at < len;) {
        int cp;
        size_t n = sl_utf8_decode(line + at, len - at, &cp);
        at += n;
        clause_break |= cp == ',' || cp == ';';
        int letter = cp > 0 && sl_cp_is_letter(cp);
        if (letter && !in_word)
            words++;
        in_word = letter || (cp >= '0' && cp <= '9');
        if (cp > 0 && sl_cp_is_upper(cp)) {
            cased++;
            upper++;
        } else if (cp > 0 && sl_cp_is_lower(cp))
            cased++;
    }
    return words >= MIN_WORDS && clause_break && cased >= MIN_CASED &&
           upper * 100 >= cased * UPPER_PERCENT;
}

static void lower_in_place(char *line, size_t len)
{
    for (size_t at = 0; at < len;) {
        int cp;
        size_t n = sl_utf8_decode(line + at, len - at, &cp);
        if (cp > 0 && sl_cp_is_upper(cp)) {
            utf8proc_uint8_t lowered[4];
            utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), lowered);
            if (m == (utf8proc_ssize_t)n)
                memcpy(line + at, lowered, n);
        }
        at += n;
    }
}

void sl_lower_capital_lines(solieu_document *doc)
{
    for (size_t k = 0; k < doc->line_count; k++) {
        size_t start = doc->line_starts[k], end = sl_line_end(doc, k);
        if (typed_in_capitals(doc->scan + start, end - start))
            lower_in_place(doc->scan + start, end - start);
    }
}
