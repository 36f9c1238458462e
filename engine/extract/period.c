/* Which period a fact belongs to.
 *
 * Period rules mark places in a paragraph. A marker with `reach paragraph`
 * ("Trong 5 năm,", "Từ năm 2018 đến tháng 4/2023,", "Năm 2019:") holds from
 * where it stands to the end of the paragraph, until another replaces it. A
 * marker with `reach clause` ("riêng năm 2021", "vào các ngày 29 và
 * 30/3/2021") holds for its clause only: the stretch between ';', a sentence
 * end, "trong đó", "riêng" and parentheses. A fact inside parentheses, or in
 * a "trong đó"/"riêng" breakdown, with no marker of its own takes the one of
 * the clause it belongs to (a marker never reaches back out of a breakdown). */
#define _GNU_SOURCE /* memrchr */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <solieu/limits.h>
#include <solieu/number.h>

#include "extract/extract_internal.h"

typedef struct period_ctx {
    const char *text;
    const sl_header *h;
    sl_vec *markers;
} period_ctx;

static int group_int(const pcre2_code *code, pcre2_match_data *md, const char *text,
                     const char *name)
{
    size_t s, e;
    if (!sl_group_span(code, md, name, &s, &e) || e == s || e - s > 6)
        return 0;
    int v = 0;
    for (size_t i = s; i < e; i++) {
        if (text[i] < '0' || text[i] > '9')
            return 0;
        v = v * 10 + (text[i] - '0');
    }
    return v;
}

static int has_group(const pcre2_code *code, pcre2_match_data *md, const char *name)
{
    size_t s, e;
    return sl_group_span(code, md, name, &s, &e);
}

/* "I".."IV" or "1".."4"; 0 otherwise. */
static int quarter_of(const pcre2_code *code, pcre2_match_data *md, const char *text)
{
    size_t s, e;
    if (!sl_group_span(code, md, "quarter", &s, &e) || e == s || e - s > 3)
        return 0;
    static const char *const names[] = {"I", "II", "III", "IV", "1", "2", "3", "4"};
    for (int q = 0; q < 8; q++)
        if (strlen(names[q]) == e - s && memcmp(text + s, names[q], e - s) == 0)
            return q % 4 + 1;
    return 0;
}

/* A number of months from 1 to 11, in digits or words, that group `name`
 * holds; 0 when none. */
static int months_count(const pcre2_code *code, pcre2_match_data *md, const char *text,
                        const char *name)
{
    size_t s, e;
    solieu_number n;
    if (!sl_group_span(code, md, name, &s, &e) || e == s ||
        solieu_number_parse(text + s, e - s, &n) != SOLIEU_OK)
        return 0;
    return n.value >= 1 && n.value <= 11 && n.value == (int)n.value ? (int)n.value : 0;
}

/* The months [*m1, *m2] a half year, a quarter or the first or last months
 * of a year name; 0 when none. */
static int months_named(const pcre2_code *code, pcre2_match_data *md, const char *text, int *m1,
                        int *m2)
{
    int q = quarter_of(code, md, text);
    if (q) {
        *m1 = 3 * q - 2;
        *m2 = 3 * q;
        return 1;
    }
    if (has_group(code, md, "first_half") || has_group(code, md, "second_half")) {
        *m1 = has_group(code, md, "first_half") ? 1 : 7;
        *m2 = *m1 + 5;
        return 1;
    }
    /* "9 tháng đầu năm", "ba tháng cuối năm" */
    int first = months_count(code, md, text, "first_months");
    int last = months_count(code, md, text, "last_months");
    if (first) {
        *m1 = 1;
        *m2 = first;
        return 1;
    }
    if (last) {
        *m1 = 13 - last;
        *m2 = 12;
        return 1;
    }
    return 0;
}

static int on_period(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    period_ctx *c = ctx;
    int doc_year = c->h->year;
    int y = group_int(r->code, md, c->text, "y");
    int y1 = group_int(r->code, md, c->text, "y1");
    int y2 = group_int(r->code, md, c->text, "y2");
    int m_from = group_int(r->code, md, c->text, "m1");
    int month = group_int(r->code, md, c->text, "month");
    int m2 = group_int(r->code, md, c->text, "m2");
    int n = group_int(r->code, md, c->text, "n");
    if (!y && doc_year && has_group(r->code, md, "last_year"))
        y = doc_year - 1; /* "so với cùng kỳ năm trước" */
    /* years of four digits and months of two: bounded, so that every build
     * sees the period fits its buffer */
    y %= 10000;
    y1 %= 10000;
    y2 %= 10000;
    m_from %= 100;
    m2 %= 100;
    month %= 100;
    int m1 = 0, m_last = 0;
    char value[32] = "";
    if (months_named(r->code, md, c->text, &m1, &m_last)) {
        int year = y ? y : doc_year;
        if (year)
            snprintf(value, sizeof value, "%d-%02d/%d-%02d", year, m1, year, m_last);
    } else if (month >= 1 && month <= 12 && (y || doc_year)) {
        snprintf(value, sizeof value, "%d-%02d", y ? y : doc_year, month);
    } else if (y && c->h->title_month_from && y != doc_year && has_group(r->code, md, "same")) {
        /* "cùng kỳ năm 2025" in a report of the first half of 2026 */
        snprintf(value, sizeof value, "%d-%02d/%d-%02d", y, c->h->title_month_from, y,
                 c->h->title_month_to);
    } else if (y && m_from >= 1 && m_from <= 12 && m2 >= m_from && m2 <= 12) {
        /* "từ tháng 9 đến tháng 12/2024" */
        snprintf(value, sizeof value, "%d-%02d/%d-%02d", y, m_from, y, m2);
    } else if (y) {
        snprintf(value, sizeof value, "%d", y);
    } else if (y1 && y1 == y2 && m_from >= 1 && m_from <= m2 && m2 <= 12) {
        /* "từ ngày 01/7/2025 đến ngày 31/12/2025" */
        if (m_from == 1 && m2 == 12)
            snprintf(value, sizeof value, "%d", y1);
        else
            snprintf(value, sizeof value, "%d-%02d/%d-%02d", y1, m_from, y1, m2);
    } else if (y1 && y2 && y1 < y2 && m_from > 1 && m_from <= 12 && m2 >= 1 && m2 <= 12) {
        snprintf(value, sizeof value, "%d-%02d/%d-%02d", y1, m_from, y2, m2);
    } else if (y1 && y2 && y2 == y1 + 1 && has_group(r->code, md, "school")) {
        /* "năm học 2024 – 2025" */
        snprintf(value, sizeof value, "%d-09/%d-08", y1, y2);
    } else if (y1 && y2 && m2 >= 1 && m2 < 12) {
        snprintf(value, sizeof value, "%d/%d-%02d", y1, y2, m2);
    } else if (y1 && y2) {
        if (y1 == y2)
            snprintf(value, sizeof value, "%d", y1);
        else if (y1 < y2)
            snprintf(value, sizeof value, "%d/%d", y1, y2);
    } else if (y1 && has_group(r->code, md, "now") && doc_year >= y1) {
        snprintf(value, sizeof value, "%d/%d", y1, doc_year);
    } else if (n > 0 && n < 50 && doc_year) {
        /* "Trong 5 năm" counts from the date the title cites when that fits
         * ("05 năm thực hiện Kế hoạch ..., ngày 14/3/2018" of 2023: 2018 to
         * 2023), else the last n years up to the report's */
        int since = c->h->title_cites_year;
        /* a report dated in a year's first two months, its title not opening
         * on that year, looks back on the years before it ("Trong 3 năm" of
         * January 2024: 2021 to 2023) */
        char own_year[8];
        snprintf(own_year, sizeof own_year, "%d", doc_year % 10000);
        int looks_back = c->h->month >= 1 && c->h->month <= 2 &&
                         strncmp(c->h->title_period, own_year, strlen(own_year)) != 0;
        int to = looks_back ? doc_year - 1 : doc_year;
        int from = since && (to - since == n || to - since == n - 1) ? since : to - n + 1;
        /* counted from the cited date, n years end the year before a
         * report of a first quarter ("5 năm" from 2020 of March 2025: 2020
         * to 2024) */
        if (from == since && to - since == n && c->h->month >= 1 && c->h->month <= 3)
            to--;
        snprintf(value, sizeof value, "%d/%d", from, to);
    } else if (has_group(r->code, md, "term_opening") && c->h->term_start) {
        snprintf(value, sizeof value, "%d", c->h->term_start); /* "Đầu nhiệm kỳ, ..." */
    } else if (has_group(r->code, md, "congress") && c->h->term_start && y2 &&
               y2 >= c->h->term_start && m2 >= 1 && m2 <= 12) {
        /* "Từ đầu nhiệm kỳ đến hết tháng 9/2023" */
        snprintf(value, sizeof value, "%d/%d-%02d", c->h->term_start, y2, m2);
    } else if (has_group(r->code, md, "congress") && c->h->term_start && doc_year) {
        if (c->h->term_start < doc_year)
            snprintf(value, sizeof value, "%d/%d", c->h->term_start, doc_year);
        else
            snprintf(value, sizeof value, "%d", doc_year);
    }
    if (!value[0])
        return 0;
    sl_period_marker *m = sl_vec_push(c->markers);
    if (!m)
        return 1;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    m->pos = ov[0];
    m->paragraph_reach = r->paragraph_reach;
    m->forward_only = r->forward_only;
    m->figure_before = r->figure_before;
    m->figure_after = r->figure_after;
    m->data = has_group(r->code, md, "data");
    m->end = ov[1];
    snprintf(m->value, sizeof m->value, "%s", value);
    return 0;
}

static size_t enclosing_paren(const char *s, size_t pos);

static int by_position(const void *pa, const void *pb)
{
    const sl_period_marker *a = pa, *b = pb;
    return a->pos < b->pos ? -1 : a->pos > b->pos;
}

void sl_periods_find(solieu_extractor *ex, const sl_paragraph *p, const sl_word_starts *words,
                     const sl_header *h, size_t line, const char *doc_name, int heading,
                     sl_vec *markers)
{
    period_ctx c = {p->segment, h, markers};
    for (size_t i = 0; i < sl_rules_kind_count(ex->rules, SL_RULE_PERIOD); i++) {
        const sl_rule *r = sl_rules_of_kind(ex->rules, SL_RULE_PERIOD, i);
        if (r->where == SL_WHERE_HEADING && !heading)
            continue;
        sl_match_scanning(ex, r, r->code, p->segment, p->segment_len,
                          words ? sl_word_starts_of(words, r) : NULL, 0, p->segment_len, line,
                          doc_name, on_period, &c);
    }
    if (markers->len > 1)
        qsort(markers->items, markers->len, sizeof(sl_period_marker), by_position);
    /* a year inside a span another marker reads ("năm 2024" of "từ năm 2020
     * đến hết năm 2024") is that marker's, not one of its own */
    size_t kept = 0;
    for (size_t k = 0; k < markers->len; k++) {
        sl_period_marker *m = sl_vec_at(markers, k);
        const sl_period_marker *before = kept ? sl_vec_at(markers, kept - 1) : NULL;
        if (before && m->pos > before->pos && m->end <= before->end)
            continue;
        if (kept != k)
            *(sl_period_marker *)sl_vec_at(markers, kept) = *m;
        kept++;
    }
    markers->len = kept;
    size_t running = (size_t)-1;
    for (size_t k = 0; k < markers->len; k++) {
        sl_period_marker *m = sl_vec_at(markers, k);
        m->paren = enclosing_paren(p->segment, m->pos);
        if (m->paragraph_reach && m->paren == (size_t)-1)
            running = k;
        m->running = running;
    }
}

/* "trong đó" (of which) and "riêng" (separately) open a clause of their own:
 * a year stated after them does not reach back to the total before them. */
static int starts_subclause(const char *s, size_t len, size_t i)
{
    static const char *const words[] = {"trong \xC4\x91\xC3\xB3", /* "trong đó" */
                                        "ri\xC3\xAAng "};            /* "riêng " */
    if ((s[i] | 0x20) != 't' && (s[i] | 0x20) != 'r')
        return 0; /* most bytes: asked at every byte of a clause */
    if (i > 0 && s[i - 1] != ' ' && s[i - 1] != ',' && s[i - 1] != '(')
        return 0;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t n = strlen(words[k]);
        if (i + n <= len && (s[i] == words[k][0] || s[i] == words[k][0] - 32) &&
            memcmp(s + i + 1, words[k] + 1, n - 1) == 0)
            return 1;
    }
    return 0;
}

static int ends_sentence(const char *s, size_t len, size_t i)
{
    return (s[i] == '.' || s[i] == '!' || s[i] == '?') && (i + 1 >= len || s[i + 1] == ' ');
}

/* The innermost unclosed '(' before pos within a sentence's reach, or
 * (size_t)-1. */
static size_t enclosing_paren(const char *s, size_t pos)
{
    int depth = 0;
    size_t floor = pos > SOLIEU_MAX_SENTENCE_BYTES ? pos - SOLIEU_MAX_SENTENCE_BYTES : 0;
    /* most text has no parenthesis in reach: two vector searches say so */
    const char *open = memrchr(s + floor, '(', pos - floor);
    if (!open)
        return (size_t)-1;
    const char *close = memrchr(s + floor, ')', pos - floor);
    if (!close || close < open)
        return (size_t)(open - s);
    for (size_t i = pos; i-- > floor;) {
        if (s[i] == ')')
            depth++;
        else if (s[i] == '(') {
            if (depth == 0)
                return i;
            depth--;
        }
    }
    return (size_t)-1;
}

/* The bytes a clause bound can be at or open with: parentheses, stops, and
 * the first letters of the subclause words. The walks below step over the
 * rest without looking further. */
static const unsigned char may_bound_clause[256] = {
    ['('] = 1, [')'] = 1, [';'] = 1, ['.'] = 1, ['!'] = 1,
    ['?'] = 1, ['t'] = 1, ['T'] = 1, ['r'] = 1, ['R'] = 1};

/* How far after a figure's start a `figure-before` marker may stand:
 * the longest number written and a space. */
enum { FIGURE_BEFORE_BYTES = 24 };

/* The clause around pos at pos's own parenthesis level. */
static void clause_bounds(const char *s, size_t len, size_t pos, size_t *start, size_t *end)
{
    size_t i = pos;
    int depth = 0;
    size_t floor = pos > SOLIEU_MAX_SENTENCE_BYTES ? pos - SOLIEU_MAX_SENTENCE_BYTES : 0;
    size_t ceiling = len - pos > SOLIEU_MAX_SENTENCE_BYTES ? pos + SOLIEU_MAX_SENTENCE_BYTES : len;
    while (i > floor) {
        char c = s[i - 1];
        if (!may_bound_clause[(unsigned char)c]) {
            i--;
            continue;
        }
        if (c == ')')
            depth++;
        else if (c == '(') {
            if (depth == 0)
                break;
            depth--;
        } else if (depth == 0 && (c == ';' || ends_sentence(s, len, i - 1)))
            break;
        else if (depth == 0 && starts_subclause(s, len, i - 1)) {
            i--;
            break;
        }
        i--;
    }
    *start = i;
    depth = 0;
    for (i = pos; i < ceiling; i++) {
        char c = s[i];
        if (!may_bound_clause[(unsigned char)c])
            continue;
        if (c == '(')
            depth++;
        else if (c == ')') {
            if (depth == 0)
                break;
            depth--;
        } else if (depth == 0 && (c == ';' || ends_sentence(s, len, i)))
            break;
        else if (depth == 0 && i > pos && starts_subclause(s, len, i))
            break;
    }
    *end = i;
}

/* Whether only spaces and one '(' stand in s[from, pos): the figure at pos
 * comes right after what ends at from ("... 2015 - 2020 (250 đảng viên)"). */
static int figure_follows(const char *s, size_t from, size_t pos)
{
    int parens = 0;
    for (size_t i = from; i < pos; i++) {
        if (s[i] == '(')
            parens++;
        else if (s[i] != ' ')
            return 0;
    }
    return parens <= 1 && pos - from <= FIGURE_BEFORE_BYTES;
}

const char *sl_period_for(const sl_paragraph *p, const sl_vec *markers, size_t pos)
{
    const char *s = p->segment;
    size_t len = p->segment_len;
    size_t at = pos;
    for (int level = 0; level < 6 && markers->len; level++) {
        size_t start, end;
        clause_bounds(s, len, at, &start, &end);
        size_t paren = enclosing_paren(s, at);
        const sl_period_marker *best = NULL;
        for (size_t k = sl_vec_lower_bound(markers, start); k < markers->len; k++) {
            const sl_period_marker *m = sl_vec_at(markers, k);
            if (m->pos >= end)
                break;
            int clause_level = !m->paragraph_reach || m->paren != (size_t)-1;
            if (m->figure_before) {
                /* it names the period of the figure it follows, and no other */
                if (m->pos > pos && m->pos - pos <= FIGURE_BEFORE_BYTES) {
                    best = m;
                    break;
                }
                continue;
            }
            if (m->figure_after) {
                /* ... or of the figure right after it, "(" between them */
                if (pos >= m->end && figure_follows(s, m->end, pos)) {
                    best = m;
                    break;
                }
                continue;
            }
            if (!clause_level || m->paren != paren || (m->forward_only && m->pos > pos))
                continue;
            /* the nearest one before the fact, else the first after it */
            if (!best || (m->pos <= pos && (best->pos > pos || m->pos > best->pos)))
                best = m;
        }
        if (best)
            return best->value;
        if (paren != (size_t)-1) {
            at = paren; /* try the clause that holds the parentheses */
        } else if (start > 0 && starts_subclause(s, len, start)) {
            /* a breakdown ("trong đó", "riêng") belongs to the clause it breaks down */
            at = start - 1;
            while (at > 0 && (s[at] == ' ' || s[at] == ','))
                at--;
            /* an aside ends the clause broken down ("16 đảng viên (năm 2024:
             * 13 đảng viên), trong đó ..."): the breakdown is of the figure
             * before it, not of the aside's */
            size_t aside = s[at] == ')' ? enclosing_paren(s, at) : (size_t)-1;
            if (aside != (size_t)-1 && aside > 0) {
                at = aside - 1;
                while (at > 0 && s[at] == ' ')
                    at--;
            }
        } else {
            break;
        }
    }
    size_t k = sl_vec_lower_bound(markers, pos + 1); /* markers at or before pos: [0, k) */
    if (k == 0)
        return "";
    size_t running = ((const sl_period_marker *)sl_vec_at(markers, k - 1))->running;
    return running == (size_t)-1 ? ""
                                 : ((const sl_period_marker *)sl_vec_at(markers, running))->value;
}

/* "2025" or "2025-07": the year and month (1 for a year alone, *whole
 * set); 0 when it is neither. */
static int year_month(const char *s, const char **end, int *y, int *m, int *whole)
{
    if (strspn(s, "0123456789") != 4)
        return 0;
    *y = atoi(s);
    *whole = s[4] != '-';
    *m = 1;
    *end = s + 4;
    if (!*whole) {
        if (strspn(s + 5, "0123456789") != 2)
            return 0;
        *m = atoi(s + 5);
        *end = s + 7;
    }
    return *y >= 1900 && *y <= 2200 && *m >= 1 && *m <= 12;
}

void sl_period_format(long from, long to, char *out, size_t size)
{
    if (from % 12 == 0 && to == from + 11)
        snprintf(out, size, "%ld", from / 12);
    else if (from == to)
        snprintf(out, size, "%ld-%02ld", from / 12, from % 12 + 1);
    else
        snprintf(out, size, "%ld-%02ld/%ld-%02ld", from / 12, from % 12 + 1, to / 12, to % 12 + 1);
}

int sl_period_months(const char *period, long *from, long *to)
{
    const char *end;
    int y1, m1, whole1, y2, m2, whole2;
    if (!year_month(period, &end, &y1, &m1, &whole1))
        return 0;
    if (*end == '\0') {
        *from = y1 * 12L + m1 - 1;
        *to = whole1 ? y1 * 12L + 11 : *from;
        return 1;
    }
    if (*end != '/' || !year_month(end + 1, &end, &y2, &m2, &whole2) || *end != '\0')
        return 0;
    *from = y1 * 12L + m1 - 1;
    *to = whole2 ? y2 * 12L + 11 : y2 * 12L + m2 - 1;
    return *to >= *from;
}
