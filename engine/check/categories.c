/* A paragraph that breaks the figures before it down by category ("Xét
 * theo loại hình, ở doanh nghiệp nhà nước có 38 tổ chức cơ sở đảng, 2.957
 * đảng viên; khu vực tư nhân 27 tổ chức cơ sở đảng, 1.106 đảng viên; ...")
 * after the totals ("... 71 tổ chức cơ sở đảng ... Tổng số đảng viên: 4.318").
 * Relation rules with check category_sum say by their pattern what opens
 * such a paragraph. The categories split each total: for every metric the
 * paragraph gives two or more figures of, and the paragraph before it one
 * figure of (with no qualifier, of the same period), the figures add up
 * to that one. */
#include <stdlib.h>
#include <string.h>

#include "check/check_internal.h"

enum { MAX_PARTS = 16, MAX_PARAGRAPH_FACTS = 64 }; /* (more in a paragraph are not looked at) */

static int on_opening(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    sl_relation_ctx *c = ctx;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (ov[0] != 0)
        return 0; /* the words open the paragraph, or it is no breakdown */
    const sl_rule **openers = c->data;
    openers[c->p - (const sl_paragraph *)c->cd->doc->paragraphs.items] = r;
    return 0;
}

/* The one figure in paragraph k that may be the total of `part`'s metric
 * (no qualifier, its period and kind), NULL when none or more than one. */
static const solieu_fact *total_of(const sl_check_doc *cd, size_t k, const solieu_fact *part)
{
    size_t i, end = sl_paragraphs_facts(cd, k, k, &i);
    const solieu_fact *total = NULL;
    for (; i < end; i++) {
        const solieu_fact *f = solieu_facts_get(cd->facts, i);
        if (f->paragraph != k || strcmp(f->metric, part->metric) != 0 || *f->qualifier ||
            f->has_denominator || strcmp(f->period, part->period) != 0 ||
            !sl_same_kind(f, part))
            continue;
        if (total)
            return NULL;
        total = f;
    }
    return total;
}

static void check_paragraph(sl_check_doc *cd, const sl_rule *r, size_t k)
{
    size_t first, end = sl_paragraphs_facts(cd, k, k, &first);
    unsigned char done[MAX_PARAGRAPH_FACTS] = {0}; /* taken into a metric's parts */
    for (size_t i = first; i < end && i - first < sizeof done; i++) {
        const solieu_fact *f = solieu_facts_get(cd->facts, i);
        if (done[i - first] || f->paragraph != k || *f->qualifier || f->has_denominator ||
            strcmp(f->unit, "%") == 0)
            continue;
        const solieu_fact *parts[MAX_PARTS];
        size_t n = 0;
        double sum = 0;
        for (size_t j = i; j < end && j - first < sizeof done && n < MAX_PARTS; j++) {
            const solieu_fact *g = solieu_facts_get(cd->facts, j);
            if (g->paragraph == k && strcmp(g->metric, f->metric) == 0 && !*g->qualifier &&
                strcmp(g->period, f->period) == 0 && sl_same_kind(g, f)) {
                done[j - first] = 1;
                parts[n++] = g;
                sum += g->value;
            }
        }
        const solieu_fact *total = n >= 2 ? total_of(cd, k - 1, f) : NULL;
        if (!total || sl_row_told(cd, total, "sum"))
            continue;
        char a[64], b[64];
        sl_check_add(cd, "sum", sum == total->value, r->id, total, parts, n, total->value, sum, 0,
                     "%zu categories on line %zu add up to %s %s, line %zu states %s", n,
                     parts[0]->line, solieu_format_number(sum, a, sizeof a), total->unit,
                     total->line, solieu_format_number(total->value, b, sizeof b));
    }
}

void sl_check_categories(sl_check_doc *cd)
{
    size_t count = cd->doc->paragraphs.len;
    if (count < 2)
        return;
    const sl_rule **openers = sl_calloc(count, sizeof *openers);
    if (!openers) {
        cd->oom = 1;
        return;
    }
    sl_run_relations(cd, "category_sum", on_opening, openers);
    for (size_t k = 1; k < count; k++) {
        const sl_rule *r = openers[k];
        const sl_paragraph *p = sl_vec_at(&cd->doc->paragraphs, k);
        const sl_paragraph *before = sl_vec_at(&cd->doc->paragraphs, k - 1);
        if (r && p->footnote == before->footnote)
            check_paragraph(cd, r, k);
    }
    free(openers);
}
