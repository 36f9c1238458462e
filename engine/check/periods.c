/* Periods as stretches of months, and figures whose periods tile
 * another's: the years of a term, the quarters of nine months, the months
 * of a half year (series_total in footnotes, in a table's rows, and in the
 * body after a total). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_internal.h"
#include "document/tables.h"

size_t sl_period_series(const solieu_fact *total, const solieu_fact *const *candidates, size_t n,
                        const solieu_fact **parts, double *sum, int *complete)
{
    long from, to;
    *sum = 0;
    *complete = 0;
    if (!sl_period_months(total->period, &from, &to) || from == to)
        return 0;
    /* a year's value counts within a period that ends or opens inside that
     * year ("2020/2025-05" and "Năm 2025: 7"): the period's years */
    long years_from = from - from % 12, years_to = to - to % 12 + 11;
    long covered = 0, first = to, last = from;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        const solieu_fact *f = candidates[i];
        long a, b;
        if (f == total || strcmp(f->metric, total->metric) != 0 ||
            !sl_period_months(f->period, &a, &b))
            continue;
        int year = a % 12 == 0 && b == a + 11;
        long lo = year ? years_from : from, hi = year ? years_to : to;
        if (a < lo || b > hi || (a == lo && b == hi))
            continue;
        for (size_t q = 0; q < k; q++) {
            long c, e;
            sl_period_months(parts[q]->period, &c, &e);
            if (a <= e && c <= b)
                return 0; /* two values for one stretch of time: no series */
        }
        parts[k++] = f;
        *sum += f->value;
        covered += b - a + 1;
        first = a < first ? a : first;
        last = b > last ? b : last;
    }
    /* complete: the parts leave no gap and reach both ends; of a period of
     * whole years (a term), into its first and its last year ("quý IV/2020"
     * to "5 tháng đầu năm 2025" of "2020 – 2025") */
    int whole_years = from % 12 == 0 && to % 12 == 11;
    int ends =
        whole_years ? first / 12 == from / 12 && last / 12 == to / 12 : first <= from && last >= to;
    *complete = k > 0 && covered == last - first + 1 && ends;
    return k >= 2 ? k : 0;
}

void sl_add_series(sl_check_doc *cd, const sl_rule *r, const solieu_fact *total,
                   const solieu_fact *const *parts, size_t k, double sum, const char *where)
{
    int pass = fabs(sum - total->value) < 1e-6;
    char a[64], b[64];
    sl_check_add(cd, "series_total", pass, r->id, total, parts, k, total->value, sum, 0,
                 "the %zu %s for parts of %s add up to %s %s, %s line %zu states %s", k, where,
                 total->period, solieu_format_number(sum, a, sizeof a), total->unit,
                 pass ? "as" : "but", total->line, solieu_format_number(total->value, b, sizeof b));
}

/* Whether paragraph p opens, past its bullet, with a total's word
 * ("• Cộng 9 tháng: ...", "- Tổng cộng: ..."), as a table's total row. */
static int opens_with_total(const sl_check_doc *cd, const sl_paragraph *p)
{
    const sl_piece *first = sl_vec_at(&p->pieces, 0);
    const char *text = cd->doc->text;
    size_t at = first->start;
    /* past ASCII bullets and spaces ("- ", "+ ", "* "), then a "•" */
    while (at < first->end &&
           !((unsigned char)text[at] >= 0x80 || (text[at] >= 'A' && text[at] <= 'Z') ||
             (text[at] >= 'a' && text[at] <= 'z')))
        at++;
    if (at + 3 <= first->end && (unsigned char)text[at] == 0xE2)
        at += 3; /* "•" is E2 80 A2 */
    while (at < first->end && text[at] == ' ')
        at++;
    sl_table_cell opening = {at, first->end};
    return at < first->end && sl_table_cell_is_total(text, &opening);
}

/* A total of a stretch of years that the report gives year by year
 * elsewhere, in a table's row or its columns ("| Đảng viên được kết nạp |
 * 118 | 127 | 136 |" and "sau 3 năm ... kết nạp 381 đảng viên"): every
 * year told once in the body, of the total's metric, qualifier and
 * entity, the years together covering it. A year told twice leaves no
 * telling which value is meant, and years far off the total add up
 * something else: no check. */
/* Whether a row of this document states `value` as a total already (the
 * same figure in a table's total row and in the text is one total). */
static int total_told(const sl_check_doc *cd, double value)
{
    for (size_t i = cd->first_row; i < cd->checker->rows.len; i++) {
        const sl_check_row *row = sl_vec_at(&cd->checker->rows, i);
        if ((strcmp(row->check, "series_total") == 0 || strcmp(row->check, "sum") == 0) &&
            strtod(row->stated, NULL) == value)
            return 1;
    }
    return 0;
}

static void document_series(sl_check_doc *cd, const sl_rule *r)
{
    enum { MAX_PARTS = 64 };
    size_t n = solieu_facts_count(cd->facts);
    for (size_t t = 0; r && t < n; t++) {
        const solieu_fact *total = solieu_facts_get(cd->facts, t);
        long from, to;
        if (total->footnote || total->has_denominator || strcmp(total->unit, "%") == 0 ||
            strcmp(total->metric, "count") == 0 || !sl_period_months(total->period, &from, &to) ||
            from % 12 != 0 || to % 12 != 11 || to - from < 12 || total_told(cd, total->value))
            continue;
        const solieu_fact *candidates[MAX_PARTS], *parts[MAX_PARTS];
        size_t k = 0;
        for (size_t j = 0; j < n && k < MAX_PARTS; j++) {
            const solieu_fact *f = solieu_facts_get(cd->facts, j);
            if (f != total && !f->footnote && !cd->is_part[f->id] &&
                strcmp(f->metric, total->metric) == 0 &&
                strcmp(f->qualifier, total->qualifier) == 0 &&
                strcmp(f->entity, total->entity) == 0 && sl_same_kind(f, total))
                candidates[k++] = f;
        }
        double sum;
        int complete;
        size_t m = sl_period_series(total, candidates, k, parts, &sum, &complete);
        /* far from the total, the years add up another measure than the
         * figure's ("bình quân", another term's): no check */
        if (m && complete && fabs(sum - total->value) <= total->value / 10)
            sl_add_series(cd, r, total, parts, m, sum, "yearly values of the report");
    }
}

/* A total of a period and its parts given near it in the body: after it,
 * in its paragraph or the list items under it ("kiểm tra 11 đảng viên." /
 * "+ Theo quý: quý I: 3; quý II: 5; quý III: 4"), or in the items above an
 * item that opens with a total's word. Every part of the period told
 * once, the parts add up to it. */
void sl_check_body_series(sl_check_doc *cd)
{
    enum { MAX_PARTS = 64, ITEMS_AFTER = 2, ITEMS_BEFORE = 4 };
    const sl_rule *r = sl_relation_rule(cd->checker->rules, "series_total");
    size_t n = solieu_facts_count(cd->facts);
    const sl_vec *paragraphs = &cd->doc->paragraphs;
    /* a figure between a total and the parts told against it is one of its
     * groups ("kết nạp 97 đảng viên, ... trong đó 31 ... Cụ thể: năm 2021
     * kết nạp 18, ..."): the parts are the total's, not the group's */
    size_t told_from = 0, told_to = 0;
    for (size_t t = 0; r && t < n; t++) {
        const solieu_fact *total = solieu_facts_get(cd->facts, t);
        long from, to;
        if (total->text_start > told_from && total->text_start < told_to)
            continue;
        if (total->paragraph >= paragraphs->len || total->footnote || total->has_denominator ||
            strcmp(total->unit, "%") == 0 || !sl_period_months(total->period, &from, &to) ||
            from == to || sl_row_told(cd, total, "series_total") ||
            strcmp(total->metric, "count") == 0)
            continue; /* a plain count may be a target or a group: no total */
        /* the paragraph's figures after it, then those of the items under
         * it; of an item that opens with a total's word, those of the items
         * above it too ("• Quý I: ..." / "• Cộng 9 tháng: ... 9 đảng viên
         * bị thi hành kỷ luật") */
        size_t first = total->paragraph, last = total->paragraph;
        while (last + 1 < paragraphs->len && last < total->paragraph + ITEMS_AFTER &&
               sl_paragraph_is_item(sl_vec_at(paragraphs, last + 1)))
            last++;
        while (first > 0 && total->paragraph - first < ITEMS_BEFORE &&
               sl_paragraph_is_item(sl_vec_at(paragraphs, first)) &&
               sl_paragraph_is_item(sl_vec_at(paragraphs, first - 1)) &&
               opens_with_total(cd, sl_vec_at(paragraphs, total->paragraph)))
            first--;
        const solieu_fact *candidates[MAX_PARTS], *parts[MAX_PARTS];
        size_t k = 0, j, end = sl_paragraphs_facts(cd, first, last, &j);
        for (; j < end && k < MAX_PARTS; j++) {
            const solieu_fact *f = solieu_facts_get(cd->facts, j);
            if (f == total || f->paragraph < first || f->paragraph > last ||
                (f->paragraph == total->paragraph && f->text_start < total->text_start))
                continue;
            /* a group ("Trong đó người dân tộc thiểu số: 42") is no period's part */
            if (!f->footnote && !cd->is_part[f->id] && strcmp(f->qualifier, total->qualifier) == 0)
                candidates[k++] = f;
        }
        double sum;
        int complete;
        size_t m = sl_period_series(total, candidates, k, parts, &sum, &complete);
        if (!m || !complete)
            continue;
        /* a part larger than the total: the figure is a part of something
         * else ("thôn Bàu Sen (3)" over "Quý I: 3, quý II: 6"), no total */
        int larger = 0;
        for (size_t q = 0; q < m && !larger; q++)
            larger = parts[q]->value > total->value;
        if (larger)
            continue;
        char where[32];
        snprintf(where, sizeof where, "values near line %zu", total->line);
        sl_add_series(cd, r, total, parts, m, sum, where);
        told_from = total->text_start;
        told_to = parts[0]->text_start;
    }
    document_series(cd, r);
}
