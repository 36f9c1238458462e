/* A figure compared with last year's, which the text gives in parentheses:
 * "5.482 đảng viên, tăng 97 đảng viên so với năm 2023 (năm 2023: 5.385)"
 * adds up (5.385 + 97), "kết nạp 148 đảng viên, bằng 104,2% cùng kỳ (năm
 * 2023: 142)" divides (148/142), and "36 đối tượng, tăng 04 đối tượng,
 * tương đương tăng 12,5% so với cùng kỳ (... 32 đối tượng)" gives the rate
 * of the change as well (4/32). The rule's pattern names the figure
 * (`total`), last year's (`base`) and either the change (`delta`, with
 * `down` when it is a fall, and `growth` when its rate is given) or the
 * share (`pct`). */
#include <math.h>
#include <string.h>

#include <solieu/number.h>

#include "check/check_internal.h"

/* A stated percentage against what the figures give, in the percentage's
 * own precision: total/base for a share of last year's, the change/base for
 * a rate of change. */
static void add_rate(sl_relation_ctx *c, const sl_rule *r, size_t at, const solieu_number *pct,
                     double part, const solieu_fact *stated, const solieu_fact *last, double base,
                     const char *what)
{
    const solieu_fact *share = sl_fact_at(c->cd->facts, sl_paragraph_to_text(c->p, at));
    if (!share || base == 0)
        return;
    double computed = 100.0 * part / base, tolerance, shown;
    int pass = sl_share_agrees(computed, pct, &tolerance, &shown);
    const solieu_fact *figures[2] = {stated, last};
    char a[64], b[64], z[64];
    sl_check_add(c->cd, "ratio", pass, r->id, share, figures, last ? 2 : 1, pct->value, shown,
                 tolerance, "%s%s/%s = %.3f%%, line %zu states %s%%", what,
                 solieu_format_number(part, a, sizeof a), solieu_format_number(base, b, sizeof b),
                 computed, share->line, solieu_format_number(pct->value, z, sizeof z));
}

static int on_comparison(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    sl_relation_ctx *c = ctx;
    const char *seg = c->p->segment;
    solieu_number total, base, delta, pct;
    size_t ts, bs, ds, zs, unused_s, unused_e;
    if (!sl_group_number(r, md, seg, "total", &total, &ts) ||
        !sl_group_number(r, md, seg, "base", &base, &bs))
        return 0;
    const solieu_fact *stated = sl_fact_at(c->cd->facts, sl_paragraph_to_text(c->p, ts));
    const solieu_fact *last = sl_fact_at(c->cd->facts, sl_paragraph_to_text(c->p, bs));
    if (!stated || stated->has_denominator)
        return 0;
    const solieu_fact *others[1] = {last};
    char a[64], b[64], z[64], t[64];
    if (sl_group_number(r, md, seg, "delta", &delta, &ds)) {
        int down = sl_group_span(r->code, md, "down", &unused_s, &unused_e);
        double computed = down ? base.value - delta.value : base.value + delta.value;
        int pass = fabs(computed - total.value) < 1e-6;
        sl_check_add(c->cd, "sum", pass, r->id, stated, others, last ? 1 : 0, total.value, computed,
                     0, "%s %s %s = %s, line %zu states %s",
                     solieu_format_number(base.value, a, sizeof a), down ? "-" : "+",
                     solieu_format_number(delta.value, b, sizeof b),
                     solieu_format_number(computed, z, sizeof z), stated->line,
                     solieu_format_number(total.value, t, sizeof t));
        /* "tăng 11 đồng chí, bằng 109,4% so với năm 2023": a rate of 100%
         * or more is the figure's share of last year's, not the change's */
        if (sl_group_number(r, md, seg, "growth", &pct, &zs))
            add_rate(c, r, zs, &pct,
                     pct.value >= 100 ? total.value : fabs(total.value - base.value), stated, last,
                     base.value, pct.value >= 100 ? "" : "change ");
    } else if (sl_group_number(r, md, seg, "pct", &pct, &zs)) {
        add_rate(c, r, zs, &pct, total.value, stated, last, base.value, "");
    }
    return 0;
}

void sl_check_comparisons(sl_check_doc *cd)
{
    sl_run_relations(cd, "comparison", on_comparison, NULL);
}
