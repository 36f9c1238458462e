/* Footnotes whose numbers lost their superscript when a PDF became text:
 * "kết nạp 612 đảng viên2, đạt ..." cites the body "2 Năm 2020: ..." that
 * stands under a rule of underscores or dashes. A number is such a note
 * only when both are there: the body opens a line under the rule with the
 * number and a capital, and the citation is the same digits stuck to the
 * end of a lower-case word in the text above the rule. Figures that open a
 * wrapped line ("184 đảng viên; ...") open no note: a capital must follow.
 * Notes marked by stars read the same way, numbered by their stars:
 * "kết nạp 1.012 đảng viên**, ..." over "** Năm 2021: 196 đảng viên; ...";
 * their citation may follow a capital or a figure. Notes listed under
 * "Ghi chú:" as "1. ..." read the same way when "(1)" stuck to a word of
 * the text cites them. */
#include <stdio.h>
#include <string.h>

#include "document/document_internal.h"
#include "document/markers.h"

enum {
    MIN_RULE_CHARS = 5,      /* "_____" */
    MAX_NOTE_LINES = 40,     /* lines under a rule that may open notes */
    MAX_CITING_BYTES = 20000 /* how far above the rule a citation may stand */
};

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

/* A line that heads a block of notes: "Ghi chú:" or "Chú thích:" alone
 * (bold or not). */
static int is_notes_heading(const char *t, size_t start, size_t end)
{
    static const char *const headings[] = {"Ghi ch\xC3\xBA:", "Ch\xC3\xBA th\xC3\xAD"
                                                              "ch:"};
    while (start < end && (t[start] == ' ' || t[start] == '\t' || t[start] == '*'))
        start++;
    while (end > start && (t[end - 1] == ' ' || t[end - 1] == '\t' || t[end - 1] == '*'))
        end--;
    for (size_t k = 0; k < sizeof headings / sizeof headings[0]; k++) {
        size_t n = strlen(headings[k]);
        if (end - start == n && memcmp(t + start, headings[k], n) == 0)
            return 1;
    }
    return 0;
}

/* "3. Đảng bộ xã ...", "3) ...": a listed note's number, then '.' or ')',
 * a space and a capital; its length with the '.' or ')', or 0. */
static size_t listed_number_at(const char *t, size_t i, size_t end, int *number)
{
    size_t k = i;
    int value = 0;
    while (k < end && k < i + 2 && t[k] >= '0' && t[k] <= '9')
        value = value * 10 + (t[k++] - '0');
    if (k == i || value == 0 || k + 2 >= end || (t[k] != '.' && t[k] != ')') || t[k + 1] != ' ')
        return 0;
    int32_t cp;
    sl_utf8_next(t + k + 2, end - k - 2, &cp);
    if (sl_cp_case(cp) != SL_CASE_UPPER)
        return 0;
    *number = value;
    return k + 1 - i;
}

/* Where "(n)" stands stuck to the end of a word or figure in t[from, to)
 * ("đảng viên(4)", "6.214 đồng chí(1),"), the last one; (size_t)-1 when
 * none. */
static size_t glued_citation_before(const char *t, size_t from, size_t to, int number)
{
    char mark[8];
    int n = snprintf(mark, sizeof mark, "(%d)", number);
    for (size_t i = to; n > 0 && i-- > from + 1;) {
        if (t[i] != '(' || i + (size_t)n > to || memcmp(t + i, mark, (size_t)n) != 0)
            continue;
        char before = t[i - 1];
        if (before != ' ' && before != '\n' && before != '\t' && before != '(')
            return i;
    }
    return (size_t)-1;
}

/* Notes listed under "Ghi chú:" after the text, numbered "1." or "1)",
 * that marks "(1)" stuck to words of the text cite: a number is a note
 * only when both are there. */
static int find_listed_notes(solieu_document *doc)
{
    const char *t = doc->text;
    for (size_t k = 0; k < doc->line_count; k++) {
        size_t start = doc->line_starts[k], end = sl_line_end(doc, k);
        if (!is_notes_heading(t, start, end))
            continue;
        unsigned char seen[SL_MAX_PAREN_NOTES] = {0};
        for (size_t j = k + 1; j < doc->line_count && j <= k + MAX_NOTE_LINES; j++) {
            size_t ls = doc->line_starts[j], le = sl_line_end(doc, j);
            while (ls < le && (t[ls] == ' ' || t[ls] == '\t'))
                ls++;
            if (ls == le)
                continue;
            int number;
            size_t n = listed_number_at(t, ls, le, &number);
            if (!n)
                break; /* the block ends with its numbered lines */
            if (number >= SL_MAX_PAREN_NOTES || seen[number])
                continue;
            size_t cited = glued_citation_before(t, 0, start, number);
            if (cited == (size_t)-1)
                continue;
            seen[number] = 1;
            size_t mark = (size_t)snprintf(NULL, 0, "(%d)", number);
            if (sl_marker_add(doc, cited, mark, number) != 0 ||
                sl_marker_add(doc, ls, n, number) != 0)
                return -1;
        }
    }
    return 0;
}

int sl_find_plain_notes(solieu_document *doc)
{
    const char *t = doc->text;
    size_t body_from = 0; /* citations stand below the rule before */
    for (size_t k = 0; k < doc->line_count; k++) {
        size_t start = doc->line_starts[k], end = sl_line_end(doc, k);
        if (!is_rule_line(t, start, end))
            continue;
        size_t above = start > MAX_CITING_BYTES && start - MAX_CITING_BYTES > body_from
                           ? start - MAX_CITING_BYTES
                           : body_from;
        unsigned char seen[SL_MAX_PAREN_NOTES] = {0};
        size_t last_note_line = k, j = k + 1;
        for (; j < doc->line_count && j <= k + MAX_NOTE_LINES; j++) {
            size_t ls = doc->line_starts[j], le = sl_line_end(doc, j);
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
        body_from = sl_line_end(doc, last_note_line);
    }
    return find_listed_notes(doc);
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
