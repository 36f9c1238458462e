/* A markdown table's total row ("Tổng cộng", "Cộng", "Toàn tỉnh") against
 * the rows above or below it, column by column: the figures of every other
 * row add up to the total's (a `series_total` when the rows are years); a
 * total row first and rows that add up to well over it list groups of the
 * total, not its parts, and are not told. Shares (a "%" column) do not add
 * up and are left out; so is a column where a row has no figure.
 *
 * A row whose cells are one a year, a quarter or a month ("| Xóa tên | 58
 * | 64 | ... | 279 |" under "| 2021 | 2022 | ... | Cộng |") against its
 * cell for the whole period: every part of the period told once, the parts
 * add up to it (a `series_total`).
 *
 * Switched on by a relation rule with check table_sum.
 *
 * A cell whose metric a chain rule bounds ("Kết luận có vi phạm" under
 * "Đảng viên") against the nearest whole above it in its column ("Kiểm
 * tra khi có dấu hiệu vi phạm"), or else left of it in its row (a row a
 * year, the steps as columns); as in the text, a figure of the part's own
 * metric between them ends the search. */
#define _GNU_SOURCE /* memmem */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_internal.h"
#include "document/tables.h"

enum { MAX_TABLE_ROWS = 256 };

/* Whether a cell holds no count to add or bound: none, a share ("96,5%")
 * or a fraction ("35/40"). */
static int no_count(const solieu_fact *f)
{
    return !f || strcmp(f->unit, "%") == 0 || f->has_denominator;
}

/* The cell of a row in a column, or NULL (a short row). */
static const sl_table_cell *cell_at(const sl_table_row *row, size_t column)
{
    return column < row->cells.len ? sl_vec_at(&row->cells, column) : NULL;
}

/* The fact that stands in a cell, or NULL. */
static const solieu_fact *fact_in(const sl_check_doc *cd, const sl_table_row *row, size_t column)
{
    const sl_table_cell *cell = cell_at(row, column);
    return cell ? sl_fact_at(cd->facts, cell->start) : NULL;
}

/* A cell that says "none" with a dash ("-", "–"), bold or not: a zero in
 * its column's sum. */
static int dash_in(const sl_check_doc *cd, const sl_table_row *row, size_t column)
{
    const sl_table_cell *cell = cell_at(row, column);
    if (!cell)
        return 0;
    const char *s = cd->doc->text + cell->start;
    size_t n = cell->end - cell->start;
    while (n && *s == '*')
        s++, n--;
    while (n && s[n - 1] == '*')
        n--;
    return (n == 1 && *s == '-') || (n == 3 && memcmp(s, "\xE2\x80\x93", 3) == 0);
}

/* Whether a cell holds a digit, read as a figure or not. */
static int digit_in(const sl_check_doc *cd, const sl_table_row *row, size_t column)
{
    const sl_table_cell *cell = cell_at(row, column);
    if (!cell)
        return 0;
    for (size_t k = cell->start; k < cell->end; k++)
        if (cd->doc->text[k] >= '0' && cd->doc->text[k] <= '9')
            return 1;
    return 0;
}

/* Whether a row's cell names a year ("Năm 2023", "2024"). */
static int names_a_year(const sl_check_doc *cd, const sl_table_row *row, size_t column)
{
    const sl_table_cell *cell = cell_at(row, column);
    const char *t = cd->doc->text;
    for (size_t k = cell ? cell->start : 0; cell && k + 4 <= cell->end; k++)
        if ((t[k] == '1' || t[k] == '2') && (t[k + 1] == '9' || t[k + 1] == '0') &&
            t[k + 2] >= '0' && t[k + 2] <= '9' && t[k + 3] >= '0' && t[k + 3] <= '9' &&
            (k + 4 == cell->end || t[k + 4] < '0' || t[k + 4] > '9') &&
            (k == cell->start || t[k - 1] < '0' || t[k - 1] > '9'))
            return 1;
    return 0;
}

static int row_has_figures(const sl_check_doc *cd, const sl_table_row *row)
{
    for (size_t column = 0; column < row->cells.len; column++)
        if (fact_in(cd, row, column))
            return 1;
    return 0;
}

/* Whether the parts are one a stretch of time, none overlapping another
 * ("| 2021 |", "| 2022 |", ... or "| Tháng 1 |", "| Tháng 2 |", ...): the
 * total row is then the period's total. */
static int one_a_period(const solieu_fact *const *parts, size_t k)
{
    if (k < 2)
        return 0;
    for (size_t i = 0; i < k; i++) {
        long a, b;
        if (!sl_period_months(parts[i]->period, &a, &b))
            return 0;
        for (size_t j = 0; j < i; j++) {
            long c, e;
            sl_period_months(parts[j]->period, &c, &e);
            if (a <= e && c <= b)
                return 0;
        }
    }
    return 1;
}

static void check_column(sl_check_doc *cd, const sl_rule *r, const sl_table *table,
                         size_t total_row, size_t column)
{
    const solieu_fact *total = fact_in(cd, sl_vec_at(&table->rows, total_row), column);
    if (no_count(total))
        return;
    const solieu_fact *parts[MAX_TABLE_ROWS];
    size_t k = 0, dashes = 0;
    double sum = 0;
    for (size_t i = 0; i < table->rows.len && k < MAX_TABLE_ROWS; i++) {
        if (i == total_row)
            continue;
        const sl_table_row *row = sl_vec_at(&table->rows, i);
        const solieu_fact *f = fact_in(cd, row, column);
        if (!f && i == 0 && !row_has_figures(cd, row) && names_a_year(cd, row, column))
            continue; /* a header row of years under the groups ("| | Năm 2023 | ...") */
        if (!f && digit_in(cd, row, column))
            return; /* a figure the rules did not read: the column cannot be added up */
        if (!f && !row_has_figures(cd, row))
            continue; /* a second header row ("| | | Tổng số | Trong đó nữ |") */
        if (!f && dash_in(cd, row, column)) {
            dashes++; /* none: adds nothing */
            continue;
        }
        if (!f || strcmp(f->metric, total->metric) != 0)
            return; /* a row without its figure: the column cannot be added up */
        parts[k++] = f;
        sum += f->value;
    }
    if (k == 0 || k + dashes < 2)
        return;
    /* a total row first, and rows that add up to well over it: groups of
     * the total (women, the young, graduates), not its parts */
    if (total_row == 0 && sum > total->value * 1.05)
        return;
    int pass = fabs(sum - total->value) < 1e-6;
    char a[64], b[64];
    sl_check_add(cd, one_a_period(parts, k) ? "series_total" : "sum", pass, r->id, total, parts, k,
                 total->value, sum, 0,
                 "the %zu rows of the table add up to %s %s, %s its total row (line %zu) "
                 "states %s",
                 k + dashes, solieu_format_number(sum, a, sizeof a), total->unit,
                 pass ? "as" : "but", total->line, solieu_format_number(total->value, b, sizeof b));
}

static void check_row_years(sl_check_doc *cd, const sl_rule *r, const sl_table_row *row)
{
    const solieu_fact *cells[MAX_TABLE_ROWS];
    size_t n = 0;
    for (size_t column = 0; column < row->cells.len && n < MAX_TABLE_ROWS; column++) {
        const solieu_fact *f = fact_in(cd, row, column);
        if (!no_count(f))
            cells[n++] = f;
    }
    for (size_t t = 0; t < n; t++) {
        const solieu_fact *total = cells[t], *years[MAX_TABLE_ROWS];
        double sum;
        int complete;
        size_t k = sl_period_series(total, cells, n, years, &sum, &complete);
        if (!k || !complete)
            continue; /* some years untold: the row need not add up */
        char where[48];
        snprintf(where, sizeof where, "cells of the row on line %zu", total->line);
        sl_add_series(cd, r, total, years, k, sum, where);
    }
}

/* The whole of `part` among the cells before it: up its column (step -1 in
 * rows) or left along its row (step -1 in columns); NULL when none. */
static const solieu_fact *whole_before(const sl_check_doc *cd, const sl_rule *chain,
                                       const sl_table *table, size_t row, size_t column,
                                       int along_row)
{
    const solieu_fact *part = fact_in(cd, sl_vec_at(&table->rows, row), column);
    size_t at = along_row ? column : row;
    while (at-- > 0) {
        const solieu_fact *f = along_row ? fact_in(cd, sl_vec_at(&table->rows, row), at)
                                         : fact_in(cd, sl_vec_at(&table->rows, at), column);
        if (no_count(f))
            continue;
        if (strcmp(f->metric, part->metric) == 0 && !*f->qualifier)
            return NULL;
        if (sl_metric_listed(chain->parts, f->metric) &&
            sl_comparable_periods(f->period, part->period))
            return f;
    }
    return NULL;
}

static void check_chains(sl_check_doc *cd, const sl_table *table)
{
    for (size_t i = 0; i < table->rows.len; i++) {
        const sl_table_row *row = sl_vec_at(&table->rows, i);
        for (size_t column = 0; column < row->cells.len; column++) {
            const solieu_fact *part = fact_in(cd, row, column);
            if (no_count(part))
                continue;
            const sl_rule *chain = sl_chain_rule(cd->checker->rules, part->metric);
            if (!chain)
                continue;
            const solieu_fact *whole = whole_before(cd, chain, table, i, column, 0);
            if (!whole)
                whole = whole_before(cd, chain, table, i, column, 1);
            if (whole)
                sl_add_subset(cd, chain, whole, part);
        }
    }
}

/* Tells a row's cells (k figures, `dashes` cells of none) against the
 * row's total cell: "the 4 ratings of the row on line 12 add up to ...". */
static void add_row_sum(sl_check_doc *cd, const sl_rule *r, const solieu_fact *total,
                        const solieu_fact *const *parts, size_t k, size_t dashes, const char *cells,
                        const char *where, const char *total_name)
{
    double sum = 0;
    for (size_t i = 0; i < k; i++)
        sum += parts[i]->value;
    int pass = fabs(sum - total->value) < 1e-6;
    char a[64], b[64];
    sl_check_add(cd, "sum", pass, r->id, total, parts, k, total->value, sum, 0,
                 "the %zu %s on line %zu%s%s add up to %s %s, %s its %s states %s", k + dashes,
                 cells, total->line, *where ? " " : "", where,
                 solieu_format_number(sum, a, sizeof a), total->unit, pass ? "as" : "but",
                 total_name, solieu_format_number(total->value, b, sizeof b));
}

/* A row's figures under one group header ("Kết quả xếp loại" over
 * "HTXSNV | HTTNV | HTNV | KHTNV") against its cell under a total's header
 * before them ("Tổng số được xếp loại"): the group's cells add up to it.
 * The group is a header cell followed by empty ones, a second header row
 * naming its columns. */
static void check_row_group(sl_check_doc *cd, const sl_rule *r, const sl_table *table,
                            const sl_table_row *row)
{
    const char *text = cd->doc->text;
    const sl_vec *head = &table->header.cells;
    for (size_t g = 1; g + 1 < head->len; g++) {
        const sl_table_cell *group = sl_vec_at(head, g);
        size_t last = g;
        while (last + 1 < head->len &&
               ((const sl_table_cell *)sl_vec_at(head, last + 1))->end ==
                   ((const sl_table_cell *)sl_vec_at(head, last + 1))->start)
            last++;
        if (group->end == group->start || last == g)
            continue;
        const solieu_fact *total = NULL;
        for (size_t t = g; t-- > 0 && !total;) {
            const solieu_fact *f = fact_in(cd, row, t);
            if (!no_count(f) && sl_table_cell_is_total(text, sl_vec_at(head, t)))
                total = f;
        }
        if (!total)
            continue;
        const solieu_fact *parts[MAX_TABLE_ROWS];
        size_t k = 0, dashes = 0;
        for (size_t c = g; c <= last && k < MAX_TABLE_ROWS; c++) {
            const solieu_fact *f = fact_in(cd, row, c);
            if (!f && dash_in(cd, row, c)) {
                dashes++;
                continue;
            }
            if (no_count(f) || !sl_same_kind(f, total)) {
                k = 0; /* a cell the sum cannot take: no check */
                break;
            }
            parts[k++] = f;
        }
        if (k == 0 || k + dashes < 2)
            continue;
        add_row_sum(cd, r, total, parts, k, dashes, "cells of the row", "under its group",
                    "total cell");
        g = last;
    }
}

/* The rating a header cell names, in words or by its usual abbreviation
 * ("HTXSNV", "KHTNV"); SL_NO_RATING for none. */
static int rating_column(const char *text, const sl_table_cell *cell)
{
    static const char *const abbreviations[] = {"HTXSNV", "HTTNV", "HTNV", "KHTNV"};
    size_t n = cell->end - cell->start;
    static const char done[] = "ho\xC3\xA0n th\xC3\xA0nh";       /* hoàn thành */
    static const char and_above[] = "tr\xE1\xBB\x9F l\xC3\xAAn"; /* trở lên */
    for (size_t k = 0; k < sizeof abbreviations / sizeof abbreviations[0]; k++)
        if (n == strlen(abbreviations[k]) && memcmp(text + cell->start, abbreviations[k], n) == 0)
            return (int)k + 1;
    int level = sl_rating_level(text + cell->start, n);
    /* "Hoàn thành NV": the plain level, its noun abbreviated */
    if (level == SL_NO_RATING && n > 1 &&
        memmem(text + cell->start + 1, n - 1, done + 1, sizeof done - 2) != NULL &&
        memmem(text + cell->start, n, and_above, sizeof and_above - 1) == NULL)
        level = SL_RATING_FAILED - 1;
    return level;
}

/* Whether a header cell heads the count rated ("Tổng số", "Số được xếp
 * loại"), no rating of its own. */
static int rated_count_column(const char *text, const sl_table_cell *cell)
{
    static const char rated[] = "x\xE1\xBA\xBFp lo\xE1\xBA\xA1i"; /* xếp loại */
    size_t n = cell->end - cell->start;
    return n && !rating_column(text, cell) &&
           (sl_table_cell_is_total(text, cell) ||
            memmem(text + cell->start, n, rated, sizeof rated - 1) != NULL);
}

/* The level column c names: in the header, or in a second header row
 * under a group ("Kết quả xếp loại" over "HTXSNV | HTTNV | ..."). */
static int level_of_column(const sl_check_doc *cd, const sl_table *table, size_t c)
{
    const char *text = cd->doc->text;
    int level = rating_column(text, sl_vec_at(&table->header.cells, c));
    const sl_table_row *first = table->rows.len ? sl_vec_at(&table->rows, 0) : NULL;
    if (level == SL_NO_RATING && first && c < first->cells.len && !row_has_figures(cd, first))
        level = rating_column(text, sl_vec_at(&first->cells, c));
    return level;
}

/* A row's counts by rating, one column a level ("| Tổng số được xếp loại |
 * HTXSNV | Tỷ lệ (%) | HTTNV | ... | KHTNV |"), against its count rated.
 * As in the text, the levels split the count: all of them down to "không
 * hoàn thành" must add up to it, fewer must not exceed it. */
static void check_row_ratings(sl_check_doc *cd, const sl_rule *r, const sl_table *table,
                              const sl_table_row *row)
{
    const char *text = cd->doc->text;
    const sl_vec *head = &table->header.cells;
    if (row->cells.len != head->len)
        return;
    size_t t = 0;
    while (t < head->len && !rated_count_column(text, sl_vec_at(head, t)))
        t++;
    const solieu_fact *total = t < head->len ? fact_in(cd, row, t) : NULL;
    if (no_count(total) || sl_row_told(cd, total, "sum"))
        return;
    const solieu_fact *parts[SL_RATING_FAILED];
    size_t k = 0, dashes = 0;
    unsigned seen = 0;
    double sum = 0;
    for (size_t c = t + 1; c < head->len; c++) {
        int level = level_of_column(cd, table, c);
        if (level == SL_NO_RATING && seen && !no_count(fact_in(cd, row, c)))
            return; /* a count among the levels under a header not read as one */
        if (level == SL_NO_RATING)
            continue;
        if (seen & (1u << level))
            return; /* the levels again, of another year or group */
        seen |= 1u << level;
        const solieu_fact *f = fact_in(cd, row, c);
        if (!f && dash_in(cd, row, c)) {
            dashes++;
            continue;
        }
        if (no_count(f) || !sl_same_kind(f, total))
            return;
        parts[k++] = f;
        sum += f->value;
    }
    int every_level = sl_every_rating_level(seen);
    if (k == 0 || k + dashes < 2 || (!every_level && sum <= total->value))
        return;
    add_row_sum(cd, r, total, parts, k, dashes, "ratings of the row", "", "count rated");
}

/* Whether a header cell heads a comparison in percent of two periods
 * ("So sánh (%)", "So với cùng kỳ (%)", "2025/2024 (%)"). */
static int compares_periods(const char *text, const sl_table_cell *cell)
{
    static const char *const words[] = {"So s\xC3\xA1nh", "so s\xC3\xA1nh", "So v\xE1\xBB\x9Bi",
                                        "so v\xE1\xBB\x9Bi"};
    /* against a target: one period's figures ("Tỷ lệ so với chỉ tiêu (%)") */
    static const char *const targets[] = {"ch\xE1\xBB\x89 ti\xC3\xAAu",
                                          "k\xE1\xBA\xBF ho\xE1\xBA\xA1"
                                          "ch"};
    size_t n = cell->end - cell->start;
    const char *t = text + cell->start;
    for (size_t k = 0; k < sizeof targets / sizeof targets[0]; k++)
        if (memmem(t, n, targets[k], strlen(targets[k])))
            return 0;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (memmem(t, n, words[k], strlen(words[k])))
            return 1;
    for (size_t i = 0; i + 9 <= n; i++)
        if ((t[i] == '1' || t[i] == '2') && strspn(t + i, "0123456789") == 4 && t[i + 4] == '/' &&
            strspn(t + i + 5, "0123456789") == 4 && memchr(t, '%', n))
            return 1;
    return 0;
}

/* A row's comparison in percent ("| Kết nạp đảng viên | 214 | 196 | 109,2
 * |" under "| Chỉ tiêu | Năm 2024 | Năm 2023 | So sánh (%) |") against its
 * two figures of one metric and two periods before it: the later one over
 * the earlier, within a unit of the last decimal written. */
static void check_row_comparison(sl_check_doc *cd, const sl_rule *r, const sl_table *table,
                                 const sl_table_row *row)
{
    const char *text = cd->doc->text;
    const sl_vec *head = &table->header.cells;
    size_t width = row->cells.len < head->len ? row->cells.len : head->len;
    for (size_t c = 2; c < width; c++) {
        if (!compares_periods(text, sl_vec_at(head, c)))
            continue;
        const solieu_fact *pct = fact_in(cd, row, c), *a = NULL, *b = NULL;
        size_t counts = 0;
        for (size_t k = 0; k < c; k++) {
            const solieu_fact *f = fact_in(cd, row, k);
            if (no_count(f))
                continue;
            counts++;
            a = b;
            b = f;
        }
        long af, at, bf, bt;
        solieu_number stated;
        if (!pct || counts != 2 || strcmp(a->metric, b->metric) != 0 ||
            !sl_period_months(a->period, &af, &at) || !sl_period_months(b->period, &bf, &bt) ||
            af == bf || solieu_number_parse(pct->text, strlen(pct->text), &stated) != SOLIEU_OK)
            return;
        const solieu_fact *later = af > bf ? a : b, *earlier = af > bf ? b : a;
        if (earlier->value <= 0)
            return;
        double computed = 100.0 * later->value / earlier->value, tolerance, shown;
        int pass = sl_share_agrees(computed, &stated, &tolerance, &shown);
        const solieu_fact *others[2] = {later, earlier};
        char x[64], y[64], z[64];
        sl_check_add(cd, "ratio", pass, r->id, pct, others, 2, stated.value, shown, tolerance,
                     "%s (%s) over %s (%s) on line %zu = %.3f%%, the comparison cell states %s",
                     solieu_format_number(later->value, x, sizeof x), later->period,
                     solieu_format_number(earlier->value, y, sizeof y), earlier->period, pct->line,
                     computed, solieu_format_number(stated.value, z, sizeof z));
        return;
    }
}

/* Whether a share's cell agrees with a/b (sl_share_agrees). *computed:
 * 100·a/b; *tolerance, *shown: as sl_share_agrees gives them. */
static int cell_share_agrees(const solieu_fact *pct, const solieu_fact *a, const solieu_fact *b,
                             double *computed, double *tolerance, double *shown)
{
    solieu_number stated;
    if (b->value <= 0 || solieu_number_parse(pct->text, strlen(pct->text), &stated) != SOLIEU_OK)
        return 0;
    *computed = 100.0 * a->value / b->value;
    return sl_share_agrees(*computed, &stated, tolerance, shown);
}

/* A column of shares ("Tỷ lệ (%)") whose cells two count columns before it
 * explain, row after row (most rows' share is column a over column b):
 * every row's share against its own a/b. Two rows at least must agree,
 * and more than half of those with the three cells, and no other pair of
 * columns as well. */
static void check_rate_column(sl_check_doc *cd, const sl_rule *r, const sl_table *table, size_t c)
{
    size_t best_a = 0, best_b = 0, best = 0, ties = 0, rows_with = 0;
    for (size_t a = 0; a < c; a++)
        for (size_t b = 0; b < c; b++) {
            if (a == b)
                continue;
            size_t agree = 0, with = 0;
            for (size_t i = 0; i < table->rows.len; i++) {
                const sl_table_row *row = sl_vec_at(&table->rows, i);
                const solieu_fact *pct = fact_in(cd, row, c), *fa = fact_in(cd, row, a),
                                  *fb = fact_in(cd, row, b);
                double computed, tolerance, shown;
                if (!pct || strcmp(pct->unit, "%") != 0 || no_count(fa) || no_count(fb))
                    continue;
                with++;
                agree += cell_share_agrees(pct, fa, fb, &computed, &tolerance, &shown);
            }
            if (agree > best) {
                best = agree;
                best_a = a;
                best_b = b;
                ties = 0;
                rows_with = with;
            } else if (agree == best && agree) {
                ties++;
            }
        }
    if (best < 2 || ties || 2 * best <= rows_with)
        return;
    for (size_t i = 0; i < table->rows.len; i++) {
        const sl_table_row *row = sl_vec_at(&table->rows, i);
        const solieu_fact *pct = fact_in(cd, row, c), *fa = fact_in(cd, row, best_a),
                          *fb = fact_in(cd, row, best_b);
        double computed = 0, tolerance = 0, shown = 0;
        if (!pct || strcmp(pct->unit, "%") != 0 || no_count(fa) || no_count(fb) ||
            sl_row_told(cd, pct, "ratio"))
            continue;
        int pass = cell_share_agrees(pct, fa, fb, &computed, &tolerance, &shown);
        const solieu_fact *others[2] = {fa, fb};
        char x[64], y[64], z[64];
        sl_check_add(cd, "ratio", pass, r->id, pct, others, 2, pct->value, shown, tolerance,
                     "%s over %s on line %zu = %.3f%%, the share's cell states %s (the other "
                     "rows' shares are the same columns')",
                     solieu_format_number(fa->value, x, sizeof x),
                     solieu_format_number(fb->value, y, sizeof y), pct->line, computed,
                     solieu_format_number(pct->value, z, sizeof z));
    }
}

void sl_check_tables(sl_check_doc *cd)
{
    const sl_rule *r = sl_relation_rule(cd->checker->rules, "table_sum");
    sl_vec tables;
    sl_vec_init(&tables, sizeof(sl_table));
    if (sl_find_tables(cd->doc, &tables) != 0)
        cd->oom = 1;
    const char *text = cd->doc->text;
    for (size_t t = 0; t < tables.len && !cd->oom; t++) {
        const sl_table *table = sl_vec_at(&tables, t);
        check_chains(cd, table);
        if (!r)
            continue;
        size_t n = table->rows.len;
        for (size_t c = 2; c < table->header.cells.len; c++)
            if (!compares_periods(text, sl_vec_at(&table->header.cells, c)))
                check_rate_column(cd, r, table, c);
        /* the columns against the total row first: a total row's wrong
         * figure is told once, not again against its row's ratings */
        size_t total_row = (size_t)-1;
        for (size_t i = n - 1; n >= 3 && n <= MAX_TABLE_ROWS; i = 0) {
            /* the total row is the last or the first, with figures of its
             * own (a second header row "| | | Tổng số | ..." is none) */
            const sl_table_row *row = sl_vec_at(&table->rows, i);
            const sl_table_cell *label = sl_table_row_label(text, row);
            if (label && sl_table_cell_is_total(text, label) && row_has_figures(cd, row)) {
                total_row = i;
                break;
            }
            if (i == 0)
                break;
        }
        for (size_t column = 0; total_row != (size_t)-1 && column < table->header.cells.len;
             column++)
            check_column(cd, r, table, total_row, column);
        for (size_t i = 0; i < n; i++) {
            check_row_years(cd, r, sl_vec_at(&table->rows, i));
            check_row_group(cd, r, table, sl_vec_at(&table->rows, i));
            check_row_ratings(cd, r, table, sl_vec_at(&table->rows, i));
            check_row_comparison(cd, r, table, sl_vec_at(&table->rows, i));
        }
    }
    sl_tables_free(&tables);
}
