/* Footnotes whose numbers lost their superscript when a PDF became text:
 * "kết nạp 612 đảng viên2, đạt ..." cites the body "2 Năm 2020: ..." that
 * stands under a rule of underscores or dashes. A number is such a note
 * only when both are there: the body opens a line under the rule with the
 * number and a capital, and the citation is the same digits stuck to the
 * end of a lower-case word in the text above the rule. Figures that open a
 * wrapped line ("184 đảng viên; ...") open no note: a capital must follow.
 * Notes marked by stars read the same way, numbered by their stars:
 * "kết nạp 1.012 đảng viên**, ..." over "** Năm 2021: 196 đảng viên; ...";
 * their citation may follow a capital or a figure. */
#include <string.h>

#include "document/document_internal.h"
#include "document/markers.h"

enum {
    MIN_RULE_CHARS = 5,      /* "_____" */
    MAX_NOTE_LINES = 40,     /* lines under a rule that may open notes */
    MAX_CITING_BYTES = 20000 /* how far above the rule a citation may stand */
};

static size_t line_end(const solieu_document *doc, size_t k)
{
    return k + 1 < doc->line_count ? doc->line_starts[k + 1] - 1 : doc->len;
}

/* A line of underscores or dashes only, at least MIN_RULE_CHARS of them. */
static int is_rule_line(const char *t, size_t start, size_t end)
{
    size_t marks = 0;
    for (size_t i = start; i < end; i++) {
        if (t[i] == '_' || t[i] == '-')
            marks++;
        else if (t[i] != ' ' && t[i] != '\t')
            return 0;
    }
    return marks >= MIN_RULE_CHARS;
}

/* "2 Năm 2020 ...", "** Năm 2021 ...": the note number (or stars)
 * opening text[i, end) before a space and a capital; its length, or 0. */
static size_t note_number_at(const char *t, size_t i, size_t end, int *number)
{
    size_t k = i;
    int value = 0;
    if (t[i] == '*') {
        while (k < end && k < i + 4 && t[k] == '*')
            k++;
        value = (int)(k - i);
        if (value > 3) /* a row of stars is no note's mark */
            return 0;
    } else {
        while (k < end && k < i + 2 && t[k] >= '0' && t[k] <= '9')
            value = value * 10 + (t[k++] - '0');
    }
    if (k == i || value == 0 || k + 1 >= end || t[k] != ' ')
        return 0;
    int32_t cp;
    sl_utf8_next(t + k + 1, end - k - 1, &cp);
    if (sl_cp_case(cp) != SL_CASE_UPPER)
        return 0;
    *number = value;
    return k - i;
}

/* The last place in text[from, to) where the note's `mark` stands stuck to
 * the end of a word and ends there: digits after a lower-case letter
 * ("viên2,"), stars after a letter or a figure ("tỉnh*.", "1.012**,");
 * (size_t)-1 when none. */
static size_t citation_before(const char *t, size_t from, size_t to, const char *mark, size_t n)
{
    int stars = mark[0] == '*';
    for (size_t i = to; i-- > from + 1;) {
        if (t[i] != mark[0] || i + n > to || memcmp(t + i, mark, n) != 0)
            continue;
        char after = i + n < to ? t[i + n] : ' ';
        if (!strchr(" ,.;:)\n", after) || t[i - 1] == mark[0])
            continue;
        size_t k = i - 1;
        while (k > from && ((unsigned char)t[k] & 0xC0) == 0x80)
            k--;
        int32_t cp;
        sl_utf8_next(t + k, i - k, &cp);
        int kind = sl_cp_case(cp);
        if (kind == SL_CASE_LOWER ||
            (stars && (kind == SL_CASE_UPPER || (t[i - 1] >= '0' && t[i - 1] <= '9'))))
            return i;
    }
    return (size_t)-1;
}

int sl_find_plain_notes(solieu_document *doc)
{
    const char *t = doc->text;
    size_t body_from = 0; /* citations stand below the rule before */
    for (size_t k = 0; k < doc->line_count; k++) {
        size_t start = doc->line_starts[k], end = line_end(doc, k);
        if (!is_rule_line(t, start, end))
            continue;
        size_t above = start > MAX_CITING_BYTES && start - MAX_CITING_BYTES > body_from
                           ? start - MAX_CITING_BYTES
                           : body_from;
        unsigned char seen[SL_MAX_PAREN_NOTES] = {0};
        size_t last_note_line = k, j = k + 1;
        for (; j < doc->line_count && j <= k + MAX_NOTE_LINES; j++) {
            size_t ls = doc->line_starts[j], le = line_end(doc, j);
            if (is_rule_line(t, ls, le))
                break;
            while (ls < le && (t[ls] == ' ' || t[ls] == '\t'))
                ls++;
            int number;
            size_t n = note_number_at(t, ls, le, &number);
            if (!n || seen[number])
                continue;
            size_t cited = citation_before(t, above, start, t + ls, n);
            if (cited == (size_t)-1)
                continue;
            seen[number] = 1;
            last_note_line = j;
            if (sl_marker_add(doc, cited, n, number) != 0 || sl_marker_add(doc, ls, n, number) != 0)
                return -1;
        }
        /* the next rule's citations stand after this rule's notes */
        body_from = line_end(doc, last_note_line);
    }
    return 0;
}

size_t sl_plain_note_at(const solieu_document *doc, size_t i, int *number)
{
    if (i >= doc->len || ((doc->text[i] < '0' || doc->text[i] > '9') && doc->text[i] != '*'))
        return 0;
    const sl_marker *m = doc->markers.items;
    size_t lo = 0, hi = doc->markers.len;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m[mid].start < i)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == doc->markers.len || m[lo].start != i)
        return 0;
    *number = m[lo].number;
    return m[lo].end - m[lo].start;
}
