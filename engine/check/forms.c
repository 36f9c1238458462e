/* A count of those disciplined and its forms after it: "thi hành kỷ luật
 * 46 đảng viên, gồm khiển trách 27, cảnh cáo 12, cách chức 02, khai trừ
 * 06" in one sentence, in the list under it ("Hình thức kỷ luật:" then
 * "- Khiển trách: 27 đồng chí;" ...) or in the paragraph after it that
 * gives the forms.
 *
 * The forms (figures of the count's metric whose qualifier is one the
 * relation rule names, each form once) split the count: they pass when
 * they add up to it. They fail when they exceed it, or when two or more
 * fall short of it without "trong đó" bringing them in as a part. */
#define _GNU_SOURCE /* memmem */
#include <string.h>

#include "check/check_internal.h"

enum { MAX_FORMS = 8 };

/* Whether `qualifier` is one of the '|'-separated forms. */
static int is_form(const char *forms, const char *qualifier)
{
    size_t n = strlen(qualifier);
    for (const char *p = forms; n && *p;) {
        const char *end = strchr(p, '|');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && memcmp(p, qualifier, n) == 0)
            return 1;
        p += len + (end != NULL);
    }
    return 0;
}

/* The last paragraph the forms of a count in paragraph k may stand in: the
 * list items after it (a heading line without figures may open them), or
 * the paragraph after it. */
static size_t forms_reach(const sl_check_doc *cd, size_t k)
{
    const sl_vec *paragraphs = &cd->doc->paragraphs;
    size_t last = k + 1 < paragraphs->len ? k + 1 : k;
    while (last + 1 < paragraphs->len && sl_paragraph_is_item(sl_vec_at(paragraphs, last + 1)) &&
           (sl_paragraph_is_item(sl_vec_at(paragraphs, last)) || last == k + 1))
        last++;
    return last;
}

static const char trong_do[] = "trong \xC4\x91\xC3\xB3"; /* trong đó */

/* Whether "trong đó" stands in [from, to) with no sentence ending after
 * it: what follows is a part of a count before it. */
static int within_part_of(const char *scan, size_t from, size_t to)
{
    const char *at =
        from < to ? memmem(scan + from, to - from, trong_do, sizeof trong_do - 1) : NULL;
    return at && !sl_sentence_ends_between(scan, (size_t)(at - scan), to);
}

static void check_forms(sl_check_doc *cd, const sl_rule *r, size_t t)
{
    const solieu_fact *total = solieu_facts_get(cd->facts, t);
    const solieu_fact *forms[MAX_FORMS];
    size_t n = 0, count = solieu_facts_count(cd->facts);
    size_t reach = forms_reach(cd, total->paragraph);
    double sum = 0;
    for (size_t i = t + 1; i < count && n < MAX_FORMS; i++) {
        const solieu_fact *f = solieu_facts_get(cd->facts, i);
        if (f->paragraph > reach || f->footnote != total->footnote)
            break;
        /* "- Khai trừ: 01" after the other forms: the expelled, one form
         * of those disciplined */
        int expelled = n > 0 && sl_comparable_periods(f->period, total->period) && !*f->qualifier &&
                       strcmp(f->metric, "members_expelled") == 0 &&
                       strcmp(total->metric, "disciplined_members") == 0;
        if (expelled) {
            int again = 0;
            for (size_t k = 0; k < n; k++)
                again |= !*forms[k]->qualifier;
            if (again || !sl_same_kind(f, total))
                break;
            forms[n++] = f;
            sum += f->value;
            continue;
        }
        if (strcmp(f->metric, total->metric) != 0 ||
            !sl_comparable_periods(f->period, total->period))
            continue;
        if (!*f->qualifier && within_part_of(cd->doc->scan, total->text_end, f->text_start))
            continue; /* "trong đó ... 31 đảng viên là cán bộ": who, not which form */
        if (!*f->qualifier)
            break; /* another count of those disciplined: a new sentence's */
        if (!is_form(r->qualifier, f->qualifier))
            continue; /* "trong đó có 13 cấp ủy viên": who, not which form */
        int again = 0;
        for (size_t k = 0; k < n; k++)
            again |= strcmp(forms[k]->qualifier, f->qualifier) == 0;
        if (again || !sl_same_kind(f, total))
            break;
        /* the forms stand in the count's paragraph or all after it */
        if (n > 0 &&
            (forms[0]->paragraph == total->paragraph) != (f->paragraph == total->paragraph))
            break;
        forms[n++] = f;
        sum += f->value;
    }
    if (n == 0 || (n == 1 && sum <= total->value))
        return;
    int partial = forms[0]->paragraph == total->paragraph &&
                  within_part_of(cd->doc->scan, total->text_end, forms[0]->text_start);
    int pass = sum == total->value;
    if (!pass && partial && sum < total->value)
        return;
    /* "(khiển trách 21, cảnh cáo 10, cách chức hai, khai trừ bốn)": forms
     * in words the rules did not read */
    const sl_paragraph *p = sl_vec_at(&cd->doc->paragraphs, forms[n - 1]->paragraph);
    size_t to = sl_segment_offset(p, forms[n - 1]->text_end);
    while (to < p->segment_len && !strchr(".;)", p->segment[to]))
        to++;
    size_t from = forms[0]->paragraph == total->paragraph ? sl_segment_offset(p, total->text_end)
                                                          : sl_segment_offset(p, forms[0]->text_start);
    if (!pass && forms[0]->paragraph == forms[n - 1]->paragraph &&
        sl_unread_part(p, from, to, forms, n))
        return;
    char a[64], b[64];
    sl_check_add(cd, "sum", pass, r->id, total, forms, n, total->value, sum, 0,
                 "%zu forms on lines %zu-%zu add up to %s, line %zu states %s", n, forms[0]->line,
                 forms[n - 1]->line, solieu_format_number(sum, a, sizeof a), total->line,
                 solieu_format_number(total->value, b, sizeof b));
}

void sl_check_forms(sl_check_doc *cd)
{
    const sl_rule *r = sl_relation_rule(cd->checker->rules, "form_sum");
    if (!r || !r->parts || !r->qualifier)
        return;
    for (size_t t = 0; t < solieu_facts_count(cd->facts); t++) {
        const solieu_fact *f = solieu_facts_get(cd->facts, t);
        /* a count inside another's "trong đó" is a part, not a count to split */
        if (!*f->qualifier && !f->has_denominator && !*f->approx && f->value > 0 &&
            sl_metric_listed(r->parts, f->metric) && !sl_row_told(cd, f, "sum") &&
            !within_part_of(cd->doc->scan, sl_sentence_start(cd->doc->scan, f->text_start),
                            f->text_start))
            check_forms(cd, r, t);
    }
}
