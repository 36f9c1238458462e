/* Footnote markers (¹²³, <sup>N</sup>, [N], ^N) and markup debris: found in the
 * text and blanked to spaces in the scan copy, so offsets never move and a
 * marker is never read as part of a number ("27.210¹" is 27210). */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "document/document_internal.h"
#include "document/markers.h"
#include "util/bytes16.h"

static int superscript_digit(int cp)
{
    switch (cp) {
    case 0x2070: return 0;
    case 0x00B9: return 1;
    case 0x00B2: return 2;
    case 0x00B3: return 3;
    default:
        if (cp >= 0x2074 && cp <= 0x2079)
            return cp - 0x2070;
        return -1;
    }
}

size_t sl_marker_at(const char *s, size_t len, int *number)
{
    int cp;
    size_t n = sl_utf8_decode(s, len, &cp);
    if (superscript_digit(cp) >= 0) {
        int value = 0;
        size_t i = 0;
        while (i < len) {
            size_t k = sl_utf8_decode(s + i, len - i, &cp);
            int d = superscript_digit(cp);
            if (d < 0 || value > 9999)
                break;
            value = value * 10 + d;
            i += k;
        }
        *number = value;
        return i;
    }
    (void)n;
    if (len >= 11 && strncmp(s, "<sup>", 5) == 0) {
        size_t i = 5;
        int value = 0, digits = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9' && digits < 4) {
            value = value * 10 + (s[i] - '0');
            i++;
            digits++;
        }
        if (digits && i + 6 <= len && strncmp(s + i, "</sup>", 6) == 0) {
            *number = value;
            return i + 6;
        }
        return 0;
    }
    if (len >= 2 && s[0] == '^') { /* "144^2": the caret of a markdown export */
        size_t i = 1;
        int value = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9' && i < 4)
            value = value * 10 + (s[i++] - '0');
        if (i > 1 && value > 0 && (i == len || s[i] < '0' || s[i] > '9')) {
            *number = value;
            return i;
        }
        return 0;
    }
    if (len >= 3 && s[0] == '[') {
        size_t i = s[1] == '^' ? 2 : 1; /* "[^3]": markdown's footnotes */
        int value = 0, digits = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9' && digits < 3) {
            value = value * 10 + (s[i] - '0');
            i++;
            digits++;
        }
        if (digits && i < len && s[i] == ']' && value > 0) {
            *number = value;
            return i + 1;
        }
    }
    return 0;
}

static int by_start(const void *a, const void *b)
{
    size_t x = ((const sl_marker *)a)->start, y = ((const sl_marker *)b)->start;
    return (x > y) - (x < y);
}

/* HTML-ish tags that converters leave behind (<br>, <i>, </p>). */
static size_t tag_at(const char *s, size_t len)
{
    if (len < 3 || s[0] != '<')
        return 0;
    size_t i = 1;
    if (s[i] == '/')
        i++;
    size_t name = i;
    while (i < len && i < 12 && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
        i++;
    if (i == name)
        return 0;
    while (i < len && i < 40 && s[i] != '>' && s[i] != '<' && s[i] != '\n')
        i++;
    return (i < len && s[i] == '>') ? i + 1 : 0;
}

/* The bytes the loop below acts on; every other byte is passed over. */
static const unsigned char acts_on[256] = {
    ['\n'] = 1, ['\t'] = 1, ['\f'] = 1, ['\v'] = 1, ['['] = 1,  ['<'] = 1,
    ['*'] = 1,  ['_'] = 1,  ['#'] = 1,  ['^'] = 1,  [0xC2] = 1, [0xE2] = 1};

/* The next byte from t[i] on that the loop below acts on (len when none):
 * sixteen at a time, then one by one. */
static size_t next_acted_on(const char *t, size_t i, size_t len)
{
#ifdef __SSE2__
    for (; i + 16 <= len; i += 16) {
        __m128i x = sl_load16(t + i);
        uint32_t m = sl_mask_gt(x, '\b') & sl_mask_lt(x, '\r'); /* \t \n \v \f */
        static const char singles[] = {'[', '<', '*', '_', '#', '^', (char)0xC2, (char)0xE2};
        for (size_t k = 0; k < sizeof singles; k++)
            m |= sl_mask_eq(x, singles[k]);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
#endif
    while (i < len && !acts_on[(unsigned char)t[i]])
        i++;
    return i;
}

int sl_marker_add(solieu_document *doc, size_t at, size_t n, int number)
{
    sl_marker *mk = sl_vec_push(&doc->markers);
    if (!mk)
        return -1;
    mk->start = at;
    mk->end = at + n;
    mk->number = number;
    memset(doc->scan + at, ' ', n);
    return 0;
}

/* "(n)" with n from 1 to 99 at s[i]: its length and *number, or 0. */
static size_t paren_number_at(const char *s, size_t len, size_t i, int *number)
{
    if (i + 2 < len && s[i] == '(' && s[i + 1] == '*') {
        /* "(*)", "(**)": notes numbered by their stars */
        size_t k = i + 1;
        while (k < len && k < i + 4 && s[k] == '*')
            k++;
        if (k >= len || s[k] != ')')
            return 0;
        *number = (int)(k - i - 1);
        return k + 1 - i;
    }
    if (i + 2 >= len || s[i] != '(' || s[i + 1] < '0' || s[i + 1] > '9')
        return 0;
    size_t k = i + 1;
    int value = 0;
    while (k < len && k < i + 3 && s[k] >= '0' && s[k] <= '9')
        value = value * 10 + (s[k++] - '0');
    if (k >= len || s[k] != ')' || value == 0 || value >= SL_MAX_PAREN_NOTES)
        return 0;
    *number = value;
    return k + 1 - i;
}

/* Whether "(n)" at i opens its line's text (after indentation). */
static int opens_line(const char *s, size_t i)
{
    while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
        i--;
    return i == 0 || s[i - 1] == '\n';
}

/* Whether the line holding s[i] has a figure in parentheses before i, as
 * lists of counts by item have ("thôn A (3), thôn B (2)."). */
static int figure_in_parentheses_before(const char *s, size_t i)
{
    int number;
    for (size_t k = i; k > 0 && s[k - 1] != '\n'; k--)
        if (s[k - 1] == '(' && paren_number_at(s, i, k - 1, &number))
            return 1;
    return 0;
}

/* Whether "(n)" at i, m bytes long, cites a note: it clings to the word
 * before ("đảng viên(5)"), is starred after a space ("dự bị (*)"), or
 * closes its line after a space ("nhắc nhở đảng viên (3).") where it ends
 * no list of counts in parentheses. */
static int cites_a_note(const char *s, size_t len, size_t i, size_t m)
{
    if (opens_line(s, i) || i == 0)
        return 0;
    if (s[i - 1] != ' ' || s[i + 1] == '*')
        return 1;
    size_t k = i + m;
    if (k < len && s[k] == '.')
        k++;
    while (k < len && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
        k++;
    return (k == len || s[k] == '\n') && !figure_in_parentheses_before(s, i);
}

/* Footnotes numbered in parentheses: "đảng viên(5)" cites note 5 when a
 * line that opens with "(5) " follows; body enumerations "(1) ..." cite
 * nothing and stay text. Starred notes ("dự bị (*)" / "(*) ...") are
 * numbered by their stars. Marks doc->paren_note, then registers the
 * citations and the bodies' openings as markers. -1: out of memory. */
static int find_paren_notes(solieu_document *doc)
{
    const char *t = doc->text;
    size_t len = doc->len;
    size_t cited_at[SL_MAX_PAREN_NOTES];
    for (size_t n = 0; n < SL_MAX_PAREN_NOTES; n++)
        cited_at[n] = (size_t)-1;
    int any = 0;
    for (const char *p = t; (p = memchr(p, '(', len - (size_t)(p - t))) != NULL; p++) {
        size_t i = (size_t)(p - t);
        int number;
        size_t m = paren_number_at(t, len, i, &number);
        if (!m)
            continue;
        if (cites_a_note(t, len, i, m)) {
            if (cited_at[number] == (size_t)-1)
                cited_at[number] = i;
        } else if (opens_line(t, i) && i + m < len && t[i + m] == ' ' &&
                   cited_at[number] != (size_t)-1) {
            doc->paren_note[number] = 1;
            any = 1;
        }
    }
    if (!any)
        return 0;
    for (const char *p = t; (p = memchr(p, '(', len - (size_t)(p - t))) != NULL; p++) {
        size_t i = (size_t)(p - t);
        int number;
        size_t m = paren_number_at(t, len, i, &number);
        if (!m || !doc->paren_note[number] || (!opens_line(t, i) && !cites_a_note(t, len, i, m)))
            continue;
        if (sl_marker_add(doc, i, m, number) != 0)
            return -1;
    }
    qsort(doc->markers.items, doc->markers.len, sizeof(sl_marker), by_start);
    return 0;
}

size_t sl_paren_note_at(const solieu_document *doc, size_t i, int *number)
{
    size_t m = paren_number_at(doc->text, doc->len, i, number);
    return m && doc->paren_note[*number] && opens_line(doc->text, i) ? m : 0;
}

/* The dots that lead a label to its figure in a form ("Tổng số đảng viên
 * .......... 4.215") read as the colon they stand for: the scan copy has
 * ':' and spaces there, so that labels read as "Tổng số đảng viên: 4.215".
 * Four dots or more (an ellipsis has three), or two "…" or more, then a
 * figure on the line. */
static const char ellipsis[] = "\xE2\x80\xA6"; /* "…", of which typists make leaders too */

/* Past a leader's dots, ellipses and spaces from text[i]. */
static size_t past_leader(const char *t, size_t len, size_t i)
{
    for (;;) {
        if (i < len && (t[i] == '.' || t[i] == ' '))
            i++;
        else if (i + 3 <= len && memcmp(t + i, ellipsis, 3) == 0)
            i += 3;
        else
            return i;
    }
}

/* The leader from text[at] (its first dot) to `end` reads as a colon after
 * the label, or as spaces when the label has its own colon ("Kết nạp mới:
 * ...... 05"). */
static void blank_leader(solieu_document *doc, size_t at, size_t end)
{
    const char *t = doc->text;
    while (at > 0 && t[at - 1] == ' ')
        at--;
    if (end >= doc->len || t[end] < '0' || t[end] > '9' || at == 0 || t[at - 1] == '\n')
        return;
    if (t[at - 1] == ':') {
        memset(doc->scan + at, ' ', end - at);
        return;
    }
    doc->scan[at] = ':';
    memset(doc->scan + at + 1, ' ', end - at - 1);
}

/* Where the next leader opens at or after text[i] (four dots, or two
 * ellipses), len when none: memchr to the candidate bytes, cheaper
 * than a memmem pass over every report. */
static size_t next_leader(const char *t, size_t len, size_t i, char first, const char *opening,
                          size_t n)
{
    for (const char *p = memchr(t + i, first, len - i); p;
         p = memchr(p + 1, first, len - (size_t)(p + 1 - t))) {
        size_t at = (size_t)(p - t);
        if (at + n <= len && memcmp(p, opening, n) == 0)
            return at;
    }
    return len;
}

static void mark_dot_leaders(solieu_document *doc)
{
    static const char dots[] = "....", ellipses[] = "\xE2\x80\xA6\xE2\x80\xA6"; /* "……" */
    const char *t = doc->text;
    size_t len = doc->len;
    for (size_t at = next_leader(t, len, 0, '.', dots, 4); at < len;) {
        size_t end = past_leader(t, len, at);
        blank_leader(doc, at, end);
        at = end < len ? next_leader(t, len, end, '.', dots, 4) : len;
    }
    for (size_t at = next_leader(t, len, 0, '\xE2', ellipses, 6); at < len;) {
        size_t end = past_leader(t, len, at);
        blank_leader(doc, at, end);
        at = end < len ? next_leader(t, len, end, '\xE2', ellipses, 6) : len;
    }
}

/* A label and its figure set apart by a run of spaces, the figure ending
 * the line ("Kết nạp đảng viên mới                  18", a form's two
 * columns as a PDF gives them): the run reads as a dot leader. Only lines
 * of two columns: a run before a figure that follows another figure is a
 * table's. */
static void mark_space_leaders(solieu_document *doc)
{
    enum { MIN_RUN = 5 };
    const char *t = doc->text;
    for (size_t k = 0; k < doc->line_count; k++) {
        size_t start = doc->line_starts[k], end = sl_line_end(doc, k), e = end;
        while (e > start && t[e - 1] == ' ')
            e--;
        size_t f = e; /* the figure: digits, dots and commas ending the line */
        while (f > start &&
               ((t[f - 1] >= '0' && t[f - 1] <= '9') || t[f - 1] == '.' || t[f - 1] == ','))
            f--;
        size_t run = f;
        while (run > start && t[run - 1] == ' ')
            run--;
        if (f < e && t[f] >= '0' && t[f] <= '9' && f - run >= MIN_RUN && run > start &&
            !(t[run - 1] >= '0' && t[run - 1] <= '9') && t[run - 1] != '.' &&
            memchr(t + start, '\t', end - start) == NULL)
            blank_leader(doc, run, f);
    }
}

/* The width of a margin line number that opens the line at text[start]
 * (" 12  Năm 2025, ..."): spaces, one to three digits, then two spaces or
 * more; 0 when the line opens otherwise. */
static size_t margin_number_at(const char *t, size_t len, size_t start)
{
    size_t i = start;
    while (i < len && t[i] == ' ' && i - start < 3)
        i++;
    size_t digits = i;
    while (i < len && t[i] >= '0' && t[i] <= '9' && i - digits < 3)
        i++;
    if (i == digits || i + 2 > len || t[i] != ' ' || t[i + 1] != ' ')
        return 0;
    return i - start;
}

/* Line numbers a scan put in the margin of every line ("12  Năm 2025,
 * Đảng ủy kết nạp ...", counting up, restarting on each page): blanked in
 * the scan copy when most lines open with one that follows the line
 * before's, so that no rule reads them. */
static void blank_margin_numbers(solieu_document *doc)
{
    enum { MIN_LINES = 10 };
    const char *t = doc->text;
    size_t lines = 0, numbered = 0, counting = 0;
    long last = -1;
    for (size_t k = 0; k < doc->line_count; k++) {
        size_t start = doc->line_starts[k], end = sl_line_end(doc, k);
        if (end > start) {
            lines++;
            size_t w = margin_number_at(t, end, start);
            if (w) {
                numbered++;
                long n = strtol(t + start, NULL, 10);
                counting += n == last + 1 || n == 1;
                last = n;
            }
        }
    }
    if (lines < MIN_LINES || numbered * 5 < lines * 4 || counting * 5 < numbered * 4)
        return;
    for (size_t k = 0; k < doc->line_count; k++) {
        size_t start = doc->line_starts[k], w = margin_number_at(t, sl_line_end(doc, k), start);
        if (w)
            memset(doc->scan + start, ' ', w);
    }
}

int sl_find_markers(solieu_document *doc)
{
    const char *t = doc->text;
    char *scan = doc->scan;
    size_t len = doc->len;
    size_t line_start = 0;
    for (size_t i = 0; i < len;) {
        i = next_acted_on(t, i, len);
        if (i >= len)
            break;
        unsigned char c = (unsigned char)t[i];
        if (c == '\n') {
            line_start = i + 1;
            i++;
            continue;
        }
        int number;
        size_t m = 0;
        /* superscript digits are U+00B2, B3, B9 and U+2070-2079 */
        if (c == '[' || c == '<' || c == '^' || c == 0xC2 || c == 0xE2)
            m = sl_marker_at(t + i, len - i, &number);
        if (m) {
            if (sl_marker_add(doc, i, m, number) != 0)
                return -1;
            i += m;
            continue;
        }
        if (c == '<') {
            size_t tag = tag_at(t + i, len - i);
            if (tag) {
                memset(scan + i, ' ', tag);
                i += tag;
                continue;
            }
        }
        if (c == '*' || c == '_' || c == '#') {
            /* markdown emphasis and heading marks */
            if (c != '#' || i == line_start || scan[i - 1] == ' ' || scan[i - 1] == '#')
                scan[i] = ' ';
            i++;
            continue;
        }
        if (c == 0xC2 && i + 1 < len && (unsigned char)t[i + 1] == 0xA0) {
            scan[i] = scan[i + 1] = ' '; /* no-break space */
            i += 2;
            continue;
        }
        if (c == '\t' || c == '\f' || c == '\v')
            scan[i] = ' ';
        i++;
    }
    blank_margin_numbers(doc);
    mark_dot_leaders(doc);
    mark_space_leaders(doc);
    size_t found = doc->markers.len;
    if (find_paren_notes(doc) != 0 || sl_find_plain_notes(doc) != 0)
        return -1;
    if (doc->markers.len > found)
        qsort(doc->markers.items, doc->markers.len, sizeof(sl_marker), by_start);
    return 0;
}
