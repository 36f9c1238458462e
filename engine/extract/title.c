/* The period a report's title names: "BÁO CÁO" on a line of its own, then
 * "Kết quả công tác xây dựng Đảng năm 2024, phương hướng, nhiệm vụ năm
 * 2025" or "Tổng kết ... nhiệm kỳ 2020 - 2025". The first period the period
 * rules find in that paragraph is the one the report covers; a figure whose
 * own text names no period is a figure of it (see sl_title_period_apply). */
#include <string.h>

#include "extract/extract_internal.h"

enum { TITLE_WITHIN_LINES = 30 };

/* Whether a paragraph reads "BÁO CÁO" and nothing else but markup. */
static int is_report_word(const sl_paragraph *p)
{
    static const char word[] = "B\xC3\x81O C\xC3\x81O"; /* BÁO CÁO */
    size_t from = 0, to = p->segment_len;
    while (from < to && strchr(" *#_", p->segment[from]))
        from++;
    while (to > from && strchr(" *#_", p->segment[to - 1]))
        to--;
    return to - from == sizeof word - 1 && memcmp(p->segment + from, word, to - from) == 0;
}

void sl_title_period(solieu_extractor *ex, const solieu_document *doc, const sl_header *h,
                     char *out, size_t size)
{
    *out = '\0';
    for (size_t k = 0; k + 1 < doc->paragraphs.len; k++) {
        const sl_paragraph *p = sl_vec_at(&doc->paragraphs, k);
        const sl_piece *first = sl_vec_at(&p->pieces, 0);
        size_t line = solieu_document_line_of(doc, first->start, NULL);
        if (line > TITLE_WITHIN_LINES)
            return;
        if (p->footnote || !is_report_word(p))
            continue;
        const sl_paragraph *title = sl_vec_at(&doc->paragraphs, k + 1);
        const sl_piece *title_first = sl_vec_at(&title->pieces, 0);
        sl_vec markers;
        sl_vec_init(&markers, sizeof(sl_period_marker));
        sl_periods_find(ex, title, NULL, h, solieu_document_line_of(doc, title_first->start, NULL),
                        doc->name, &markers);
        if (markers.len)
            snprintf(out, size, "%s", ((const sl_period_marker *)sl_vec_at(&markers, 0))->value);
        sl_vec_free(&markers);
        return;
    }
}
