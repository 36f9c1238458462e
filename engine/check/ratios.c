/* A stated percentage against its fraction: "302/313 ... (tỷ lệ 96,48%)".
 * The report may round or truncate, so it passes when it is within (less
 * than) one unit of the last decimal it writes: 96,48% for 96.485%, but
 * not 97% for 96%. */
#include <math.h>
#include <string.h>

#include <solieu/number.h>

#include "check/check_internal.h"

typedef struct ratio_ctx {
    sl_check_doc *cd;
    const sl_paragraph *p;
} ratio_ctx;

static int group_number(const sl_rule *r, pcre2_match_data *md, const char *seg,
                        const char *name, solieu_number *num, size_t *start)
{
    size_t s, e;
    if (!sl_group_span(r->code, md, name, &s, &e) ||
        solieu_number_parse(seg + s, e - s, num) != SOLIEU_OK)
        return 0;
    *start = s;
    return 1;
}

static int on_ratio(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    ratio_ctx *c = ctx;
    const char *seg = c->p->segment;
    solieu_number part, whole, pct;
    size_t ps, ws, zs;
    if (!group_number(r, md, seg, "part", &part, &ps) ||
        !group_number(r, md, seg, "whole", &whole, &ws) ||
        !group_number(r, md, seg, "pct", &pct, &zs) || whole.value == 0)
        return 0;
    const solieu_fact *pct_fact = sl_fact_at(c->cd->facts, sl_paragraph_to_text(c->p, zs));
    const solieu_fact *frac_fact = sl_fact_at(c->cd->facts, sl_paragraph_to_text(c->p, ps));
    if (!pct_fact)
        return 0;
    double computed = 100.0 * part.value / whole.value;
    double tolerance = pow(10.0, -pct.decimals);
    /* rounding is off by at most half a unit, truncation by less than one */
    int pass = fabs(computed - pct.value) < tolerance - 1e-9;
    double shown = round(computed * pow(10.0, pct.decimals)) / pow(10.0, pct.decimals);
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
    const solieu_rules *rules = cd->checker->rules;
    for (size_t k = 0; k < cd->doc->paragraphs.len; k++) {
        const sl_paragraph *p = sl_vec_at(&cd->doc->paragraphs, k);
        ratio_ctx c = {cd, p};
        for (size_t i = 0; i < sl_rules_kind_count(rules, SL_RULE_RELATION); i++) {
            const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_RELATION, i);
            if (r->code && strcmp(r->check, "ratio") == 0)
                sl_match_all(cd->checker->matcher, r, p->segment, p->segment_len, 0, cd->doc->name, on_ratio, &c);
        }
    }
}
