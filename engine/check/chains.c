/* Parts never exceed wholes: a chain rule names a metric and the metrics of
 * its wholes ("violating_orgs" within "inspected_orgs"). Each fact is held
 * against the nearest whole before it in the same sentence. */
#include <string.h>

#include "check/check_internal.h"

void sl_check_chains(sl_check_doc *cd)
{
    const solieu_rules *rules = cd->checker->rules;
    size_t n = solieu_facts_count(cd->facts);
    for (size_t i = 0; i < sl_rules_kind_count(rules, SL_RULE_RELATION); i++) {
        const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_RELATION, i);
        if (strcmp(r->check, "chain") != 0 || !r->metric || !r->parts)
            continue;
        for (size_t k = 0; k < n; k++) {
            const solieu_fact *part = solieu_facts_get(cd->facts, k);
            if (strcmp(part->metric, r->metric) != 0)
                continue;
            const sl_paragraph *p = sl_vec_at(&cd->doc->paragraphs, part->paragraph);
            size_t at = sl_segment_offset(p, part->text_start);
            size_t from = sl_paragraph_to_text(p, sl_sentence_start(p->segment, at));
            const solieu_fact *whole = NULL;
            for (size_t j = k; j-- > 0;) {
                const solieu_fact *f = solieu_facts_get(cd->facts, j);
                if (f->paragraph != part->paragraph || f->text_start < from)
                    break;
                if (sl_metric_listed(r->parts, f->metric) && strcmp(f->period, part->period) == 0) {
                    whole = f;
                    break;
                }
            }
            if (!whole)
                continue;
            char a[64], b[64];
            int pass = part->value <= whole->value + 1e-9;
            const solieu_fact *others[1] = {part};
            sl_check_add(cd, "subset", pass, r->id, whole, others, 1, whole->value, part->value, 0,
                         "%s %s (%s) on line %zu %s the %s %s (%s) they are part of",
                         solieu_format_number(part->value, a, sizeof a), part->unit, part->metric,
                         part->line, pass ? "do not exceed" : "exceed",
                         solieu_format_number(whole->value, b, sizeof b), whole->unit,
                         whole->metric);
        }
    }
}
