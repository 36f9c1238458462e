/* A stated percentage against its fraction: "302/313 ... (tỷ lệ 96,48%)".
 * The report may round or truncate, so it passes when it is within (less
 * than) one unit of the last decimal it writes: 96,48% for 96.485%, but
 * not 97% for 96%. */
#include <string.h>

#include <solieu/number.h>

#include "check/check_internal.h"

static int on_ratio(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    sl_relation_ctx *c = ctx;
    const char *seg = c->p->segment;
    solieu_number part, whole, pct;
    size_t ps, ws, zs;
    if (!sl_group_number(r, md, seg, "part", &part, &ps) ||
        !sl_group_number(r, md, seg, "whole", &whole, &ws) ||
        !sl_group_number(r, md, seg, "pct", &pct, &zs) || whole.value == 0)
        return 0;
    const solieu_fact *pct_fact = sl_fact_at(c->cd->facts, sl_paragraph_to_text(c->p, zs));
    const solieu_fact *frac_fact = sl_fact_at(c->cd->facts, sl_paragraph_to_text(c->p, ps));
    if (!pct_fact)
        return 0;
    double computed = 100.0 * part.value / whole.value, tolerance, shown;
    int pass = sl_share_agrees(computed, &pct, &tolerance, &shown);
    const solieu_fact *others[1] = {frac_fact};
    char a[64], b[64], z[64], q[64];
    sl_check_add(c->cd, "ratio", pass, r->id, pct_fact, others, frac_fact ? 1 : 0, pct.value,
                 shown, tolerance, "%s/%s = %.3f%%, line %zu states %s%% (%s within %s)",
                 solieu_format_number(part.value, a, sizeof a),
                 solieu_format_number(whole.value, b, sizeof b), computed, pct_fact->line,
                 solieu_format_number(pct.value, z, sizeof z), pass ? "agrees" : "does not agree",
                 solieu_format_number(tolerance, q, sizeof q));
    return 0;
}

void sl_check_ratios(sl_check_doc *cd)
{
    sl_run_relations(cd, "ratio", on_ratio, NULL);
}
