/* The period a report's title names: "BÁO CÁO" on a line of its own, then
 * "Kết quả công tác xây dựng Đảng năm 2024, phương hướng, nhiệm vụ năm
 * 2025" or "Tổng kết ... nhiệm kỳ 2020 - 2025". The first period the period
 * rules find in that paragraph is the one the report covers. A section's
 * heading may name its own ("3. Đánh giá, xếp loại chất lượng năm 2023").
 * A figure whose own text names no period is one of its section's, else of
 * the report's (apply_title_period in attribution.c). */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_internal.h"

enum { TITLE_WITHIN_LINES = 30, PREAMBLE_PARAGRAPHS = 3 };

/* Whether a paragraph reads "BÁO CÁO", or "BÁO CÁO" and words in capitals
 * ("BÁO CÁO CHÍNH TRỊ"), and nothing else but markup. */
static int is_report_word(const sl_paragraph *p)
{
    static const char word[] = "B\xC3\x81O C\xC3\x81O"; /* BÁO CÁO */
    size_t from = 0, to = p->segment_len;
    while (from < to && strchr(" *#_", p->segment[from]))
        from++;
    while (to > from && strchr(" *#_", p->segment[to - 1]))
        to--;
    if (to - from < sizeof word - 1 || memcmp(p->segment + from, word, sizeof word - 1) != 0)
        return 0;
    for (size_t k = from + sizeof word - 1; k < to; k++)
        if (p->segment[k] >= 'a' && p->segment[k] <= 'z')
            return 0;
    return 1;
}

enum { HEADING_LEVELS = 8 };

/* How deep a heading stands, 1 the outermost: its markdown '#'s, else its
 * numbering ("PHẦN" 1, "A." 2, "II." 3, "2." 4, "2.1." 5, "a)" deepest);
 * 0 for a line in capitals with neither, which stands as deep as a part. */
static int heading_level(const sl_paragraph *p)
{
    const char *s = p->segment;
    size_t n = p->segment_len, i = 0;
    while (i < n && s[i] == '#')
        i++;
    if (i > 0)
        return i < HEADING_LEVELS ? (int)i : HEADING_LEVELS - 1;
    while (i < n && strchr(" *_", s[i]))
        i++;
    if (n - i >= 6 && (memcmp(s + i, "PH\xE1\xBA\xA6N", 6) == 0 || /* PHẦN */
                       memcmp(s + i, "Ph\xE1\xBA\xA7n", 6) == 0))  /* Phần */
        return 1;
    size_t k = i;
    while (k < n && strchr("IVXL", s[k]))
        k++;
    if (k > i && k < n && s[k] == '.')
        return 3;
    if (i + 1 < n && s[i] >= 'A' && s[i] <= 'Z' && s[i + 1] == '.')
        return 2;
    int groups = 0;
    for (k = i; k < n && s[k] >= '0' && s[k] <= '9';) {
        while (k < n && s[k] >= '0' && s[k] <= '9')
            k++;
        if (k < n && (s[k] == '.' || s[k] == ')'))
            k++;
        groups++;
    }
    if (groups)
        return groups + 3 < HEADING_LEVELS ? groups + 3 : HEADING_LEVELS - 1;
    if (i + 1 < n && s[i] >= 'a' && s[i] <= 'z' && s[i + 1] == ')')
        return HEADING_LEVELS - 1;
    return 0;
}

/* Whether a heading could name a period: a digit (a year, "6 tháng"),
 * "quý", "nhiệm kỳ" or "sáu tháng"; most headings hold none, and the
 * period rules need not run over them. */
static int may_name_period(const sl_paragraph *p)
{
    static const char *const words[] = {"qu\xC3\xBD ",                    /* quý */
                                        "nhi\xE1\xBB\x87m k\xE1\xBB\xB3", /* nhiệm kỳ */
                                        "s\xC3\xA1u th\xC3\xA1ng"};       /* sáu tháng */
    /* past its numbering ("2.1.", "IV."): a heading's own digits */
    size_t i = 0;
    while (i < p->segment_len && strchr(" #*.()0123456789IVXL", p->segment[i]))
        i++;
    for (; i < p->segment_len; i++)
        if (p->segment[i] >= '0' && p->segment[i] <= '9')
            return 1;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (memmem(p->segment, p->segment_len, words[k], strlen(words[k])))
            return 1;
    return 0;
}

/* The first period the period rules (heading ones too) find in paragraph
 * p, or with `data_only` the first that says what a report's figures cover
 * (a `data` group), into out; 0 when there is none. The rules are tried at
 * their opening words, found with `words` (the caller's, made for the
 * rules' triggers; NULL: they scan), as in the body: a title's preamble can
 * be a long paragraph. */
static int heading_period(solieu_extractor *ex, const solieu_document *doc, const sl_header *h,
                          sl_word_starts *words, const sl_paragraph *p, int data_only, char *out,
                          size_t size)
{
    const sl_piece *first = sl_vec_at(&p->pieces, 0);
    sl_vec markers;
    sl_vec_init(&markers, sizeof(sl_period_marker));
    if (words &&
        sl_word_starts_find(ex, sl_rules_triggers(ex->rules), p->segment, p->segment_len, words))
        words = NULL;
    sl_periods_find(ex, p, words, h, solieu_document_line_of(doc, first->start, NULL), doc->name, 1,
                    &markers);
    int found = 0;
    for (size_t i = 0; i < markers.len && !found; i++) {
        const sl_period_marker *m = sl_vec_at(&markers, i);
        if (!data_only || m->data) {
            snprintf(out, size, "%s", m->value);
            found = 1;
        }
    }
    sl_vec_free(&markers);
    return found;
}

/* Opening words for heading_period: NULL when out of memory (it scans). */
static sl_word_starts *period_words(solieu_extractor *ex, sl_word_starts *words)
{
    return sl_word_starts_init(words, sl_rules_triggers(ex->rules)->groups) == 0 ? words : NULL;
}

int sl_section_periods(solieu_extractor *ex, const solieu_document *doc, const sl_header *h,
                       char (**out)[32])
{
    *out = NULL;
    if (!doc->paragraphs.len)
        return 0;
    char(*periods)[32] = sl_calloc(doc->paragraphs.len, sizeof *periods);
    if (!periods)
        return -1;
    /* a heading's period holds under it, in the headings below it too
     * ("PHẦN THỨ NHẤT ... NHIỆM KỲ 2020 – 2025" over "I. KẾT QUẢ ĐẠT ĐƯỢC"
     * over "1. Về công tác xây dựng Đảng"), until a heading as deep or
     * deeper names another; the report's title is read as the title. */
    sl_word_starts words_store = {NULL, 0};
    sl_word_starts *words = period_words(ex, &words_store);
    char by_level[HEADING_LEVELS][32] = {{0}};
    const char *current = "";
    size_t title_ends = 0;
    for (size_t k = 0; k < doc->paragraphs.len; k++) {
        const sl_paragraph *p = sl_vec_at(&doc->paragraphs, k);
        if (is_report_word(p) && !title_ends) {
            /* the title, and lines in capitals that go on with it ("VÀ
             * PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026") */
            title_ends = k + 2;
            while (title_ends < doc->paragraphs.len) {
                const sl_paragraph *q = sl_vec_at(&doc->paragraphs, title_ends);
                if (!q->heading || q->footnote || heading_level(q) != 0)
                    break;
                title_ends++;
            }
        }
        if (p->heading && !p->footnote && k >= title_ends) {
            int level = heading_level(p);
            if (level == 0)
                level = 1;
            for (int l = level; l < HEADING_LEVELS; l++)
                by_level[l][0] = '\0';
            if (may_name_period(p))
                heading_period(ex, doc, h, words, p, 0, by_level[level], sizeof by_level[level]);
            current = "";
            for (int l = level; l > 0 && !*current; l--)
                current = by_level[l];
        }
        snprintf(periods[k], sizeof periods[k], "%s", current);
    }
    sl_word_starts_free(&words_store);
    *out = periods;
    return 0;
}

/* The year of the first date "d/m/yyyy" in paragraph p, 0 when none. */
static int cited_year(const sl_paragraph *p)
{
    const char *s = p->segment;
    size_t n = p->segment_len;
    for (const char *at = memchr(s, '/', n); at;
         at = memchr(at + 1, '/', n - (size_t)(at + 1 - s))) {
        size_t i = (size_t)(at - s);
        /* "14/3/2018": a month of one or two digits between two slashes */
        size_t m = i + 1;
        while (m < n && m - i <= 2 && s[m] >= '0' && s[m] <= '9')
            m++;
        if (m == i + 1 || m + 4 >= n + 1 || s[m] != '/' || i == 0 || s[i - 1] < '0' ||
            s[i - 1] > '9')
            continue;
        int year = 0;
        size_t y = m + 1;
        for (; y < n && y < m + 5 && s[y] >= '0' && s[y] <= '9'; y++)
            year = year * 10 + (s[y] - '0');
        if (y == m + 5 && (y == n || s[y] < '0' || s[y] > '9') && year >= 1900 && year <= 2200)
            return year;
    }
    return 0;
}

/* The period the report's title names, into out; "" when it names none. */
static void title_period_with(solieu_extractor *ex, const solieu_document *doc, const sl_header *h,
                              sl_word_starts *words, char *out, size_t size, int *cites_year)
{
    *cites_year = 0;
    *out = '\0';
    for (size_t k = 0; k + 1 < doc->paragraphs.len; k++) {
        const sl_paragraph *p = sl_vec_at(&doc->paragraphs, k);
        const sl_piece *first = sl_vec_at(&p->pieces, 0);
        size_t line = solieu_document_line_of(doc, first->start, NULL);
        if (line > TITLE_WITHIN_LINES)
            return;
        if (p->footnote || !is_report_word(p))
            continue;
        /* "BÁO CÁO KẾT QUẢ ... NĂM 2024" is a title of its own; "BÁO CÁO" or
         * "BÁO CÁO CHÍNH TRỊ" has it on the next line */
        if (!heading_period(ex, doc, h, words, p, 0, out, size) &&
            !heading_period(ex, doc, h, words, sl_vec_at(&doc->paragraphs, k + 1), 0, out, size))
            *out = '\0';
        *cites_year = cited_year(p);
        if (!*cites_year)
            *cites_year = cited_year(sl_vec_at(&doc->paragraphs, k + 1));
        /* the preamble may say what the figures cover ("số liệu tổng hợp từ
         * ngày 01/01/2021 đến ngày 31/12/2024"): that, rather than the term */
        for (size_t j = k + 2; j < doc->paragraphs.len && j <= k + 1 + PREAMBLE_PARAGRAPHS; j++) {
            const sl_paragraph *q = sl_vec_at(&doc->paragraphs, j);
            if (q->heading || q->footnote)
                break;
            char data[32];
            if (heading_period(ex, doc, h, words, q, 1, data, sizeof data)) {
                snprintf(out, size, "%s", data);
                break;
            }
        }
        return;
    }
}

static void title_period(solieu_extractor *ex, const solieu_document *doc, const sl_header *h,
                         char *out, size_t size, int *cites_year)
{
    sl_word_starts words_store = {NULL, 0};
    title_period_with(ex, doc, h, period_words(ex, &words_store), out, size, cites_year);
    sl_word_starts_free(&words_store);
}

void sl_title_detect(solieu_extractor *ex, const solieu_document *doc, sl_header *h)
{
    char period[sizeof h->title_period];
    int cites_year;
    title_period(ex, doc, h, period, sizeof period, &cites_year);
    /* a span that ends in the year of a report dated in its first quarter
     * ("giai đoạn 2020 - 2025" of March 2025) has figures to the year before */
    int from, to;
    char tail;
    if (sscanf(period, "%4d/%4d%c", &from, &to, &tail) == 2 && to == h->year && to - 1 > from &&
        h->month >= 1 && h->month <= 3)
        snprintf(period, sizeof period, "%d/%d", from, to - 1);
    h->title_cites_year = cites_year;
    memcpy(h->title_period, period, sizeof period);
    int y1, y2, m1, m2;
    char rest;
    if (sscanf(period, "%4d-%2d/%4d-%2d%c", &y1, &m1, &y2, &m2, &rest) == 4 && y1 == y2 &&
        m1 >= 1 && m1 <= m2 && m2 <= 12) {
        h->title_month_from = m1;
        h->title_month_to = m2;
    }
}
