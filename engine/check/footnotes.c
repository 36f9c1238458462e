/* Relations between a body figure and the footnote its marker opens:
 * - series_total: the per-year values of the footnote add up to the body's
 *   period total ("126.292 lượt đảng viên⁷" and "- Năm 2018: 24.271 ...");
 * - footnote_sum: the footnote breaks the body's figure down ("64 tập thể⁴"
 *   and "09 tập thể ...; 55 tập thể ..."), same metric, same period;
 * - list_count: a stated count against the names the footnote lists
 *   ("10 tổ chức đảng²" and a footnote naming eleven);
 * - remainders: "8/15 xã³" and "(07 xã còn lại ...)" make 15.
 * Each is switched on by a relation rule of that check name. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <solieu/number.h>

#include "check/check_internal.h"

enum { MAX_SERIES_YEARS = 64 };

/* Where the body sentence that a marker ends begins (normalised offset):
 * the facts a footnote elaborates stand between there and the marker. */
static size_t marker_sentence_start(const sl_check_doc *cd, const sl_marker *m)
{
    const sl_paragraph *p = sl_vec_at(&cd->doc->paragraphs, m->paragraph);
    return sl_paragraph_to_text(p, sl_sentence_start(p->segment, sl_segment_offset(p, m->start)));
}

/* The first paragraph of footnote `number`, with *at past the spaces,
 * dashes and the colon of a markdown note ("[^3]: ...") it opens with; NULL
 * when there is none. */
static const sl_paragraph *footnote_opening(const solieu_document *doc, int number, size_t *at)
{
    for (size_t k = 0; k < doc->paragraphs.len; k++) {
        const sl_paragraph *p = sl_vec_at(&doc->paragraphs, k);
        if (p->footnote != number)
            continue;
        size_t i = 0;
        while (i < p->segment_len &&
               (p->segment[i] == ' ' || p->segment[i] == '-' || p->segment[i] == ':'))
            i++;
        *at = i;
        return p;
    }
    return NULL;
}

/* Whether footnote `number` opens by comparing ("So với năm 2021, ... tăng
 * 31 tổ chức; ... giảm từ 16 xuống còn 07"): its figures are changes, no
 * breakdown. */
static int opens_comparison(const solieu_document *doc, int number)
{
    static const char compared[] = "o v\xE1\xBB\x9Bi "; /* "[Ss]o với " */
    size_t i;
    const sl_paragraph *p = footnote_opening(doc, number, &i);
    return p && i + sizeof compared <= p->segment_len && (p->segment[i] | 0x20) == 's' &&
           memcmp(p->segment + i + 1, compared, sizeof compared - 1) == 0;
}

/* Whether text[from, to) holds, at a word's start, a word that picks some
 * out ("riêng", "tiêu biểu", "điển hình", "một số", "nhiều", "có đông",
 * "cao nhất"): what it names is not all there is. */
static int picks_some(const char *text, size_t from, size_t to)
{
    static const char *const picks[] = {
        "ri\xC3\xAAng ",                      /* riêng */
        "ti\xC3\xAAu bi\xE1\xBB\x83u",        /* tiêu biểu */
        "\xC4\x91i\xE1\xBB\x83n h\xC3\xACnh", /* điển hình */
        "m\xE1\xBB\x99t s\xE1\xBB\x91 ",      /* một số */
        "nhi\xE1\xBB\x81u ",                  /* nhiều */
        "c\xC3\xB3 \xC4\x91\xC3\xB4ng ",      /* có đông */
        "cao nh\xE1\xBA\xA5t",                /* cao nhất */
    };
    for (size_t j = from; j < to; j++) {
        if (j > 0 && text[j - 1] != ' ')
            continue;
        for (size_t k = 0; k < sizeof picks / sizeof picks[0]; k++) {
            size_t n = strlen(picks[k]);
            if (j + n <= to && memcmp(text + j, picks[k], n) == 0)
                return 1;
        }
    }
    return 0;
}

/* Whether footnote N opens with "Trong đó có" (among them), or its first
 * words pick some out ("Các đảng bộ có đông đảng viên: ..."): it may name
 * only some of the parts. */
static int opens_partial(const solieu_document *doc, int number)
{
    static const char among[] = "rong \xC4\x91\xC3\xB3 c\xC3\xB3 "; /* "[Tt]rong đó có " */
    size_t i;
    const sl_paragraph *p = footnote_opening(doc, number, &i);
    if (!p)
        return 0;
    if (i + sizeof among <= p->segment_len && (p->segment[i] | 0x20) == 't' &&
        memcmp(p->segment + i + 1, among, sizeof among - 1) == 0)
        return 1;
    enum { FIRST_WORDS_BYTES = 80 };
    size_t to = i + FIRST_WORDS_BYTES < p->segment_len ? i + FIRST_WORDS_BYTES : p->segment_len;
    return picks_some(p->segment, i, to);
}

/* Whether the words the marker ends, back to the figure or the clause
 * before them, pick some out ("...; nhiều đảng bộ kết nạp đạt cao²"): the
 * footnote names those, no breakdown of a figure. */
static int marks_a_pick(const sl_check_doc *cd, const sl_marker *m)
{
    const sl_paragraph *p = sl_vec_at(&cd->doc->paragraphs, m->paragraph);
    size_t to = sl_segment_offset(p, m->start), from = to;
    while (from > 0 && !strchr(";,.:0123456789", p->segment[from - 1]))
        from--;
    return picks_some(p->segment, from, to);
}

/* Whether a colon follows at text[at], spaces aside. */
static int opens_with_colon(const char *text, size_t len, size_t at)
{
    while (at < len && text[at] == ' ')
        at++;
    return at < len && text[at] == ':';
}

/* Whether the figure whose digits open at seg[at] is a date's, a year's, a
 * month's or a quarter's number ("30/11/2024", "tháng 10") or counts the
 * months of a stretch ("5 tháng đầu năm"): no value. */
static int names_time(const char *seg, size_t at, size_t end)
{
    static const char *const before[] = {"th\xC3\xA1ng ", "ng\xC3\xA0y ", "qu\xC3\xBD ",
                                         "n\xC4\x83m "}; /* tháng, ngày, quý, năm */
    size_t e = at;
    while (e < end && seg[e] >= '0' && seg[e] <= '9')
        e++;
    if ((e < end && seg[e] == '/') || (at > 0 && seg[at - 1] == '/'))
        return 1;
    if (e - at == 4 && (seg[at] == '1' || seg[at] == '2'))
        return 1;
    for (size_t k = 0; k < sizeof before / sizeof before[0]; k++) {
        size_t n = strlen(before[k]);
        if (at >= n && strncasecmp(seg + at - n, before[k], n) == 0)
            return 1;
        /* "5 tháng đầu năm 2025", "3 năm": a stretch of time */
        if (e + 1 + n - 1 <= end && seg[e] == ' ' && strncmp(seg + e + 1, before[k], n - 1) == 0)
            return 1;
    }
    return 0;
}

/* Whether a figure's first digit stands at s[at]: a digit, not after a
 * digit or inside a number's grouping ("27.210", "96,48"). */
static int opens_a_figure(const char *s, size_t at)
{
    return s[at] >= '0' && s[at] <= '9' &&
           !(at > 0 &&
             ((s[at - 1] >= '0' && s[at - 1] <= '9') || s[at - 1] == '.' || s[at - 1] == ','));
}

/* Whether footnote N holds a figure no fact is ("...; từ đầu tháng 10 đến
 * ngày 30/11/2024: 64" where no rule read the stretch): the values read
 * are not all it gives. */
static int footnote_has_unread_figure(const sl_check_doc *cd, int number)
{
    for (size_t k = 0; k < cd->doc->paragraphs.len; k++) {
        const sl_paragraph *p = sl_vec_at(&cd->doc->paragraphs, k);
        if (p->footnote != number)
            continue;
        const char *seg = p->segment;
        size_t at = 0;
        while (at < p->segment_len && !(seg[at] >= '0' && seg[at] <= '9'))
            at++;
        while (at < p->segment_len && seg[at] >= '0' && seg[at] <= '9')
            at++; /* the note's own number */
        for (; at < p->segment_len; at++) {
            if (!opens_a_figure(seg, at))
                continue;
            size_t e = at;
            while (e < p->segment_len && seg[e] >= '0' && seg[e] <= '9')
                e++;
            /* "Thôn 2: 01": the number of a unit's name before its value */
            int names_unit = e < p->segment_len && seg[e] == ':';
            if (!names_time(seg, at, p->segment_len) && !names_unit &&
                !sl_fact_at(cd->facts, sl_paragraph_to_text(p, at)))
                return 1;
        }
    }
    return 0;
}

/* Whether a figure no fact is and no time's stands in the body text
 * [from, to) ("kết nạp 146 người ... và 23 người là chức việc(4)"): the
 * marker after it hangs on that figure, not on one before. */
static int unread_figure_between(const sl_check_doc *cd, size_t from, size_t to)
{
    const char *scan = cd->doc->scan;
    for (size_t at = from; at < to; at++) {
        if (opens_a_figure(scan, at) && !sl_fact_at(cd->facts, at) && !names_time(scan, at, to))
            return 1;
    }
    return 0;
}

/* Whether footnote N gives a figure the rules read outside parentheses
 * ("Khiển trách 5, cảnh cáo 1, khai trừ 3"): it breaks a count down, it
 * names nothing ("Chi bộ thôn 5, Chi bộ thôn 7" are names the rules do
 * not read as figures). */
static int footnote_has_read_figure(const sl_check_doc *cd, int number)
{
    for (size_t k = 0; k < cd->doc->paragraphs.len; k++) {
        const sl_paragraph *p = sl_vec_at(&cd->doc->paragraphs, k);
        if (p->footnote != number)
            continue;
        size_t first, end = sl_paragraphs_facts(cd, k, k, &first);
        for (size_t i = first; i < end; i++) {
            const solieu_fact *f = solieu_facts_get(cd->facts, i);
            size_t at = sl_segment_offset(p, f->text_start);
            if (f->paragraph == k && !sl_parenthesis_open(p->segment, 0, at))
                return 1;
        }
    }
    return 0;
}

/* Whether a footnote's parts are each a value in parentheses or after a
 * colon following a unit's name ("Đảng bộ Sở Y tế (412), Đảng bộ Sở Giáo
 * dục (365)", "Xã Ea Rơng: 72; xã Phú Đông: 65") under a total that counts
 * such units ("bốn đảng bộ cơ sở", "05 xã, thị trấn"): they count
 * something of each unit, not the units. */
static int values_of_named_units(const sl_check_doc *cd, const solieu_fact *total,
                                 const solieu_fact *const *parts, size_t n)
{
    static const char *const units[] = {"\xC4\x91\xE1\xBA\xA3ng b\xE1\xBB\x99", /* đảng bộ */
                                        "chi b\xE1\xBB\x99",                    /* chi bộ */
                                        "t\xE1\xBB\x95 ch\xE1\xBB\xA9"
                                        "c",                                /* tổ chức */
                                        "x\xC3\xA3",                        /* xã */
                                        "ph\xC6\xB0\xE1\xBB\x9Dng",         /* phường */
                                        "th\xC3\xB4n",                      /* thôn */
                                        "\xC4\x91\xC6\xA1n v\xE1\xBB\x8B"}; /* đơn vị */
    int counts_units = 0;
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
        counts_units |= strncmp(total->unit, units[k], strlen(units[k])) == 0;
    if (!counts_units)
        return 0;
    const char *text = cd->doc->text;
    for (size_t i = 0; i < n; i++) {
        size_t s = parts[i]->text_start, e = parts[i]->text_end;
        int bracketed = s > 0 && text[s - 1] == '(' && e < cd->doc->len && text[e] == ')';
        /* (a bare value after the name's colon: "Xã Ea Rơng: 72;", not
         * "Ủy ban Kiểm tra Tỉnh ủy: 01 tổ chức đảng") */
        int labelled = s >= 2 && text[s - 1] == ' ' && text[s - 2] == ':' &&
                       (e >= cd->doc->len || strchr(";,.\n", text[e]));
        if (!bracketed && !labelled)
            return 0;
    }
    return 1;
}

/* Footnote facts that break a body total down: its metric, its period or
 * none of their own, at least two of them. */
static void footnote_sum(sl_check_doc *cd, const sl_rule *r, const sl_marker *m)
{
    if (opens_comparison(cd->doc, m->number))
        return;
    size_t n = solieu_facts_count(cd->facts);
    size_t from = marker_sentence_start(cd, m);
    size_t nfoot, first = sl_footnote_facts(cd, m->number, &nfoot);
    /* of the figures of one metric before the marker that the footnote
     * could break down, the last: the one the marker hangs on ("cử 236 cán
     * bộ đi ... và 1.386 cán bộ học ...(3)" / "(3) Trong đó có 402 cán bộ
     * nữ ...") */
    enum { MAX_TOTALS = 16 };
    const solieu_fact *totals[MAX_TOTALS], *all_parts[MAX_TOTALS][64];
    const solieu_fact *holders[MAX_TOTALS], *holder_parts[MAX_TOTALS][64];
    size_t counts[MAX_TOTALS], holder_counts[MAX_TOTALS], ntotals = 0;
    double sums[MAX_TOTALS];
    /* none before it, and it marks a label that opens what follows: the
     * figures its sentence goes on to give ("Kết quả xếp loại năm 2025(*):
     * ... 385 đảng viên được đánh giá") */
    int opens_label = opens_with_colon(cd->doc->scan, cd->doc->len, m->end);
    for (int after = 0; after < 1 + opens_label && !(after && ntotals); after++)
        for (size_t t = sl_facts_from(cd->facts, after ? m->start : from); t < n; t++) {
            const solieu_fact *total = solieu_facts_get(cd->facts, t);
            if (!after && total->text_start > m->start)
                break;
            if (after && (total->paragraph != m->paragraph ||
                          sl_sentence_ends_between(cd->doc->scan, m->start, total->text_start)))
                break;
            /* shares do not add up; a figure in an aside ("(quý I/2024: 187)")
             * is not what the marker after it hangs on; a change is no total
             * ("tăng 153 đảng viên" over transfers in and out) */
            /* "kết nạp 17/15 đảng viên¹" (done of the plan) breaks its 17 down */
            int of_plan = total->has_denominator && strcmp(total->metric, "members_admitted") == 0;
            if (total->paragraph != m->paragraph || (total->has_denominator && !of_plan) ||
                sl_is_change(cd, total) || strcmp(total->unit, "%") == 0 ||
                (!after && sl_in_parenthesis(cd->doc->text, total->text_end, m->start)) ||
                (!after &&
                 memchr(cd->doc->scan + total->text_end, ';', m->start - total->text_end)) ||
                (!after && unread_figure_between(cd, total->text_end, m->start)))
                continue;
            const solieu_fact *parts[64];
            size_t k = 0;
            for (size_t j = first; j < first + nfoot && k < 64; j++) {
                const solieu_fact *f = solieu_facts_get(cd->facts, cd->footnoted[j].index);
                /* a figure equal to the total restates it; it is not a part.
                 * "đồng chí" counts what "đảng viên" does where both are of a
                 * flow's metric ("khiển trách 121 đồng chí" under "kỷ luật 187
                 * đảng viên"); the footnote counts a stock inherits are as
                 * often groups of it ("47 đồng chí" awarded badges) */
                if (!sl_metric_in_family(cd->checker->rules, total->metric, f->metric) ||
                    !(sl_same_noun(total->unit, f->unit) ||
                      (strcmp(total->metric, f->metric) == 0 && sl_counts_members(total->unit) &&
                       sl_counts_members(f->unit) &&
                       !sl_rules_metric_is_stock(cd->checker->rules, total->metric))) ||
                    f->value == total->value || cd->is_part[f->id] ||
                    (*f->period && strcmp(f->period, total->period) != 0))
                    continue;
                parts[k++] = f;
            }
            /* a part larger than the total: the note breaks another
             * figure down ("có 23 đồng chí là cán bộ ...³" / "³ Trong 96
             * đảng viên bị kỷ luật, có 81 ...") */
            int larger = 0;
            for (size_t j = 0; j < k; j++)
                larger |= parts[j]->value > total->value;
            if (k < 2 || larger || values_of_named_units(cd, total, parts, k))
                continue;
            size_t slot = 0;
            while (slot < ntotals && strcmp(totals[slot]->metric, total->metric) != 0)
                slot++;
            if (slot == MAX_TOTALS)
                continue;
            double sum = 0;
            for (size_t j = 0; j < k; j++)
                sum += parts[j]->value;
            /* the last one of the metric takes the place; when the parts
             * outgrow it, the last before that is no part of another breakdown
             * and holds them ("kỷ luật 131 đảng viên, gồm ... khai trừ 12 đồng
             * chí[3]" / "[3] Trong đó có 4 ... và 27 ...") */
            if (slot == ntotals)
                holders[slot] = NULL;
            if (!cd->is_part[total->id] && !*total->qualifier && total->value >= sum) {
                holders[slot] = total;
                holder_counts[slot] = k;
                memcpy(holder_parts[slot], parts, k * sizeof *parts);
            }
            ntotals += slot == ntotals;
            totals[slot] = total;
            counts[slot] = k;
            memcpy(all_parts[slot], parts, k * sizeof *parts);
            sums[slot] = sum;
        }
    for (size_t s = 0; s < ntotals; s++)
        if (sums[s] > totals[s]->value && holders[s]) {
            totals[s] = holders[s];
            counts[s] = holder_counts[s];
            memcpy(all_parts[s], holder_parts[s], counts[s] * sizeof *all_parts[s]);
        }
    /* a footnote with a figure no rule read gives only some of the parts */
    int partial = ntotals && (opens_partial(cd->doc, m->number) || marks_a_pick(cd, m) ||
                              footnote_has_unread_figure(cd, m->number));
    for (size_t s = 0; s < ntotals; s++)
        sl_record_breakdown(cd, r, totals[s], all_parts[s], counts[s], partial);
}

/* The footnote's values whose periods tile `total`'s (of its metric, one
 * per year, quarter or month) into years[]; their count, 0 when a stretch
 * of time comes twice. *complete: they cover the whole period (else the
 * series may not add up to the total, and only a sum that does is told). */
static size_t years_of(sl_check_doc *cd, const solieu_fact *total, size_t first, size_t nfoot,
                       const solieu_fact **years, double *sum, int *complete)
{
    *sum = 0;
    *complete = 0;
    if (strcmp(total->unit, "%") == 0)
        return 0; /* shares of the years do not add up to the period's */
    const solieu_fact *candidates[MAX_SERIES_YEARS];
    size_t n = 0;
    for (size_t j = first; j < first + nfoot && n < MAX_SERIES_YEARS; j++) {
        const solieu_fact *f = solieu_facts_get(cd->facts, cd->footnoted[j].index);
        if (!cd->is_part[f->id])
            candidates[n++] = f;
    }
    return sl_period_series(total, candidates, n, years, sum, complete);
}

/* Whether another figure the marker hangs on, besides `total`, has as many
 * values by year in the footnote and adds up to them exactly: the years
 * the footnote gives cover the period ("thi hành kỷ luật 38 tổ chức đảng và
 * 1.126 đảng viên³" / "³ Năm 2020: 02 tổ chức đảng, 86 đảng viên; ...",
 * a term of 2020 - 2025 told to 2024). */
static int sibling_adds_up(sl_check_doc *cd, const sl_marker *m, size_t from, size_t first,
                           size_t nfoot, const solieu_fact *total, size_t k)
{
    size_t n = solieu_facts_count(cd->facts);
    for (size_t t = sl_facts_from(cd->facts, from); t < n; t++) {
        const solieu_fact *other = solieu_facts_get(cd->facts, t);
        if (other->text_start > m->start)
            break;
        if (other == total || other->paragraph != m->paragraph ||
            strcmp(other->metric, total->metric) == 0 ||
            sl_in_parenthesis(cd->doc->text, other->text_end, m->start))
            continue;
        const solieu_fact *years[MAX_SERIES_YEARS];
        double sum;
        int complete;
        if (years_of(cd, other, first, nfoot, years, &sum, &complete) == k &&
            fabs(sum - other->value) < 1e-6)
            return 1;
    }
    return 0;
}

static void series_total(sl_check_doc *cd, const sl_rule *r, const sl_marker *m)
{
    size_t n = solieu_facts_count(cd->facts);
    size_t from = marker_sentence_start(cd, m);
    size_t nfoot, first = sl_footnote_facts(cd, m->number, &nfoot);
    for (size_t t = sl_facts_from(cd->facts, from); t < n; t++) {
        const solieu_fact *total = solieu_facts_get(cd->facts, t);
        if (total->text_start > m->start)
            break;
        /* a figure in an aside the marker follows ("96 đảng viên (khiển
         * trách 52, ..., khai trừ 09)²") is not what it hangs on */
        if (sl_in_parenthesis(cd->doc->text, total->text_end, m->start))
            continue;
        const solieu_fact *years[MAX_SERIES_YEARS];
        double sum;
        int complete;
        size_t k = total->paragraph == m->paragraph
                       ? years_of(cd, total, first, nfoot, years, &sum, &complete)
                       : 0;
        if (!k)
            continue;
        /* of two figures of one metric before the marker, the years add up
         * to the later one: the one the marker hangs on */
        int later = 0;
        for (size_t u = t + 1; u < n && !later; u++) {
            const solieu_fact *other = solieu_facts_get(cd->facts, u);
            const solieu_fact *unused[MAX_SERIES_YEARS];
            double unused_sum;
            int unused_complete;
            if (other->text_start > m->start)
                break;
            later = other->paragraph == m->paragraph && strcmp(other->metric, total->metric) == 0 &&
                    !sl_in_parenthesis(cd->doc->text, other->text_end, m->start) &&
                    years_of(cd, other, first, nfoot, unused, &unused_sum, &unused_complete) != 0;
        }
        if (later)
            continue;
        if (fabs(sum - total->value) >= 1e-6 &&
            ((!complete && !sibling_adds_up(cd, m, from, first, nfoot, total, k)) ||
             footnote_has_unread_figure(cd, m->number)))
            continue; /* some years untold or unread: it need not add up */
        char where[48];
        snprintf(where, sizeof where, "values of footnote %d", m->number);
        sl_add_series(cd, r, total, years, k, sum, where);
    }
}

/* Text of footnote N: its paragraphs joined; NULL when there are none. */
static char *footnote_text(const solieu_document *doc, int number, size_t *first_line,
                           size_t *first_para)
{
    sl_buf b;
    sl_buf_init(&b, 0);
    *first_line = 0;
    for (size_t k = 0; k < doc->paragraphs.len; k++) {
        const sl_paragraph *p = sl_vec_at(&doc->paragraphs, k);
        if (p->footnote != number)
            continue;
        if (!*first_line) {
            const sl_piece *piece = sl_vec_at(&p->pieces, 0);
            *first_line = solieu_document_line_of(doc, piece->start, NULL);
            *first_para = k;
        }
        sl_buf_printf(&b, "%s%.*s", b.len ? " " : "", (int)p->segment_len, p->segment);
    }
    return *first_line ? sl_buf_take(&b) : (sl_buf_free(&b), NULL);
}

/* Whether the digit at *at is the number that ends a name ("Chi bộ thôn
 * Khe Tây 2;", "khu phố 10 và ..."): a word before it, an item's end after
 * it. A figure, a date or a clause's number ("khoản 2 Điều 5") is none. */
static int ends_a_name(const char *text, const char *at)
{
    static const char joiner[] = " v\xC3\xA0 "; /* " và " */
    if (at - text < 2 || at[-1] != ' ' || (at[-2] >= '0' && at[-2] <= '9') || at[-2] == ' ')
        return 0;
    const char *end = at;
    while (*end >= '0' && *end <= '9')
        end++;
    /* (or an aside after the name: "Chi bộ Tổ 5 (Đảng bộ thị trấn X);") */
    return *end == '\0' || *end == ';' || *end == ',' ||
           (*end == '.' && !(end[1] >= '0' && end[1] <= '9')) ||
           strncmp(end, joiner, sizeof joiner - 1) == 0 || strncmp(end, " (", 2) == 0;
}

/* Whether a list opens, past its spaces, with a unit's word ("Chi bộ",
 * "Đảng bộ", "Đảng ủy", "Ban Thường vụ", the first three in either case):
 * names of party units. */
static int names_units(const char *list)
{
    static const char *const words[] = {"Chi b\xE1\xBB\x99 ",
                                        "chi b\xE1\xBB\x99 ",
                                        "\xC4\x90\xE1\xBA\xA3ng b\xE1\xBB\x99 ",
                                        "\xC4\x91\xE1\xBA\xA3ng b\xE1\xBB\x99 ",
                                        "\xC4\x90\xE1\xBA\xA3ng \xE1\xBB\xA7y ",
                                        "\xC4\x91\xE1\xBA\xA3ng \xE1\xBB\xA7y ",
                                        "Ban Th\xC6\xB0\xE1\xBB\x9Dng v\xE1\xBB\xA5 "};
    while (*list == ' ')
        list++;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (strncmp(list, words[k], strlen(words[k])) == 0)
            return 1;
    return 0;
}

/* Whether text after a comma places the unit before it ("Chi bộ thôn 3, xã
 * Tân Hòa"): a level word in lower case, then a name. */
static int locates(const char *after_comma)
{
    /* the longest level's word is shorter than this */
    enum { LEVEL_WORD_BYTES = 32 };
    return after_comma[0] == ' ' &&
           sl_level_opening(after_comma + 1, strnlen(after_comma + 1, LEVEL_WORD_BYTES)) > 0;
}

/* Items a footnote lists: "A; B; C", "A, B và C", "X và các đơn vị: A; B",
 * "các huyện ủy: A, B, C; Đảng ủy X; Đảng ủy Y". Returns 0 when the text
 * is not a plain list (it holds numbers other than those ending names). */
static size_t count_items(const char *text)
{
    sl_buf b;
    sl_buf_init(&b, 0);
    int depth = 0;
    for (const char *s = text; *s; s++) {
        if (*s == '(')
            depth++;
        else if (*s == ')' && depth)
            depth--;
        else if (!depth && *s >= '0' && *s <= '9') {
            if (!ends_a_name(text, s)) {
                sl_buf_free(&b);
                return 0;
            }
            while (s[1] >= '0' && s[1] <= '9')
                sl_buf_putc(&b, *s++);
            sl_buf_putc(&b, *s);
        } else if (!depth)
            sl_buf_putc(&b, *s);
    }
    char *t = sl_buf_take(&b);
    if (!t)
        return 0;
    size_t len = strlen(t);
    while (len && (t[len - 1] == ' ' || t[len - 1] == '.' || t[len - 1] == ';'))
        t[--len] = '\0';
    size_t items = 0;
    char *list = t;
    char *colon = strrchr(t, ':');
    char *first_semicolon = strchr(t, ';');
    char *group_colon = first_semicolon ? memchr(t, ':', (size_t)(first_semicolon - t)) : NULL;
    if (group_colon)
        colon = group_colon; /* "các huyện ủy: A, B, C; Đảng ủy X; Đảng ủy Y": the colon
                              * opens the first group's own list, names set apart by commas */
    if (colon && first_semicolon && colon < first_semicolon) {
        for (char *c = colon + 1; c < first_semicolon; c++)
            items += *c == ',';
    }
    if (colon) {
        *colon = '\0';
        /* "Đảng ủy Công an tỉnh và đảng ủy các đơn vị:" names one more */
        char *and = strstr(t, " v\xC3\xA0 "); /* " và " */
        if (and) {
            items++;
            for (char *c = t; c < and; c++)
                items += *c == ',';
        }
        list = colon + 1;
    }
    char sep = strchr(list, ';') ? ';' : ',';
    size_t parts = 1;
    char *last = list;
    int units = names_units(list);
    for (char *c = list; *c; c++)
        if (*c == sep && !(sep == ',' && units && locates(c + 1))) {
            parts++;
            last = c + 1;
        }
    const char *and_last = sep == ',' ? strstr(last, " v\xC3\xA0 ") : NULL;
    /* "..., Tây Phú và thị trấn Phú Phong"; among units' names, only
     * before another unit ("Chi bộ Phòng Tài nguyên và Môi trường" is one) */
    if (and_last && (!units || names_units(and_last + 4)))
        parts++;
    int empty = 1;
    for (char *c = list; *c; c++)
        empty &= *c == ' ';
    free(t);
    return empty ? items : items + parts;
}

/* The fact the marker hangs on: the last one before it, with only words
 * (no number, no sentence or clause end) in between. */
static const solieu_fact *fact_before_marker(const sl_check_doc *cd, const sl_marker *m)
{
    size_t next = sl_facts_from(cd->facts, m->start), until = m->start;
    const solieu_fact *best = next ? solieu_facts_get(cd->facts, next - 1) : NULL;
    /* a count's share in parentheses before the marker ("05 tổ chức cơ sở
     * đảng hoàn thành xuất sắc nhiệm vụ (31,25%)[3]"): the count's marker */
    if (best && next >= 2 && strcmp(best->unit, "%") == 0 &&
        sl_in_parenthesis(cd->doc->text, best->text_end, m->start)) {
        const solieu_fact *count = solieu_facts_get(cd->facts, next - 2);
        size_t open = best->text_start;
        while (open > count->text_end && cd->doc->scan[open - 1] != '(')
            open--;
        if (open > count->text_end && strcmp(count->unit, "%") != 0) {
            best = count;
            until = open - 1;
        }
    }
    if (!best || best->paragraph != m->paragraph || best->text_end > until ||
        until - best->text_end > 150)
        return NULL;
    const char *t = cd->doc->scan;
    for (size_t i = best->text_end; i < until; i++)
        if ((t[i] >= '0' && t[i] <= '9') || t[i] == '.' || t[i] == ';' || t[i] == ':')
            return NULL;
    return best;
}

typedef struct remainder_ctx {
    const char *text;
    double value;
    int found;
} remainder_ctx;

static int on_remainder(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    remainder_ctx *c = ctx;
    size_t s, e;
    solieu_number num;
    if (sl_group_span(r->code, md, "remainder", &s, &e) &&
        solieu_number_parse(c->text + s, e - s, &num) == SOLIEU_OK) {
        c->value = num.value;
        c->found = 1;
        return 1;
    }
    return 0;
}

static void list_count(sl_check_doc *cd, const sl_rule *r, const sl_rule *remainder,
                       const sl_marker *m)
{
    const solieu_fact *stated = fact_before_marker(cd, m);
    if (!stated)
        return;
    size_t line = 0, para = 0;
    if (footnote_has_read_figure(cd, m->number))
        return;
    char *text = footnote_text(cd->doc, m->number, &line, &para);
    if (!text)
        return;
    size_t items = count_items(text);
    char a[64];
    /* a listed count states a whole number of items, and a list can name
     * them: "78 tổ chức đảng ... với 1.963 đảng viên³" / "³ Tập trung ở ba
     * khu ..." says where, it does not name the 1.963 */
    /* one item is no list unless one is stated: "2 đảng viên⁴" / "⁴ Đảng
     * viên thuộc Đảng bộ phường X vi phạm ..." says who, it names none;
     * nor is a note on one ("01 đồng chí³" / "³ Đảng viên thuộc Chi bộ Khu
     * phố 5, tự ý bỏ sinh hoạt, ...") a list of what its commas part */
    if (items && stated->value == floor(stated->value) && r &&
        stated->value <= 2.0 * (double)items + 2.0 &&
        (items > 1 ? stated->value >= 2 : stated->value == 1)) {
        int pass = (double)items == stated->value;
        sl_check_add(cd, "list_count", pass, r->id, stated, NULL, 0, stated->value, (double)items,
                     0, "line %zu states %s %s, footnote %d (line %zu) lists %zu", stated->line,
                     solieu_format_number(stated->value, a, sizeof a), stated->unit, m->number,
                     line, items);
        sl_check_row *row = sl_vec_at(&cd->checker->rows, cd->checker->rows.len - 1);
        char *lines = sl_printf("%zu;%zu", stated->line, line);
        if (lines) {
            free(row->lines);
            row->lines = lines;
        }
    }
    if (remainder && remainder->code && stated->has_denominator) {
        remainder_ctx rc = {text, 0, 0};
        sl_match_all(cd->checker->matcher, remainder, text, strlen(text), line, cd->doc->name, on_remainder, &rc);
        if (rc.found) {
            double sum = stated->value + rc.value;
            int pass = fabs(sum - stated->denominator) < 1e-6;
            char b[64], c[64];
            sl_check_add(cd, "sum", pass, remainder->id, NULL, &stated, 1, stated->denominator, sum,
                         0, "%s + %s remaining (footnote %d) = %s, %s line %zu states %s in all",
                         solieu_format_number(stated->value, a, sizeof a),
                         solieu_format_number(rc.value, b, sizeof b), m->number,
                         solieu_format_number(sum, c, sizeof c), pass ? "as" : "but",
                         stated->line, solieu_format_number(stated->denominator, c, sizeof c));
            sl_check_row *row = sl_vec_at(&cd->checker->rows, cd->checker->rows.len - 1);
            char *lines = sl_printf("%zu;%zu", stated->line, line);
            if (lines) {
                free(row->lines);
                row->lines = lines;
            }
        }
    }
    free(text);
}

void sl_check_footnotes(sl_check_doc *cd)
{
    const solieu_rules *rules = cd->checker->rules;
    const sl_rule *series = sl_relation_rule(rules, "series_total");
    const sl_rule *listed = sl_relation_rule(rules, "list_count");
    const sl_rule *remainder = sl_relation_rule(rules, "remainder");
    const sl_rule *breakdown = sl_relation_rule(rules, "footnote_sum");
    for (size_t k = 0; k < cd->doc->markers.len; k++) {
        const sl_marker *m = sl_vec_at(&cd->doc->markers, k);
        if (m->definition || m->paragraph == (size_t)-1)
            continue;
        const sl_paragraph *p = sl_vec_at(&cd->doc->paragraphs, m->paragraph);
        if (p->footnote)
            continue;
        if (series)
            series_total(cd, series, m);
        if (breakdown)
            footnote_sum(cd, breakdown, m);
        if (listed || remainder)
            list_count(cd, listed, remainder, m);
    }
}
