/* Which value-first fact rules a number site tries, by shape and next byte. */
#include <stdlib.h>
#include <string.h>

#include "rules/rules_internal.h"

_Static_assert(SL_SHAPE_PLAIN == 1 && SL_SHAPE_PERCENT == 2 && SL_SHAPE_FRACTION == 4 &&
                   SL_SHAPE_WORDS == 8,
               "sl_value_index_rules numbers the shapes by these values");

/* in the order sl_value_index_rules numbers them */
static const unsigned shapes[SL_SHAPE_KINDS] = {SL_SHAPE_PLAIN, SL_SHAPE_PERCENT, SL_SHAPE_FRACTION,
                                                SL_SHAPE_WORDS};

static int worth_trying(const sl_rule *r, unsigned shape, unsigned char next)
{
    return r->code_value && (r->number_shapes & shape) && (!next || sl_rule_may_follow(r, next));
}

int sl_value_index_build(sl_value_index *v, const solieu_rules *rules)
{
    memset(v, 0, sizeof *v);
    size_t nfact = sl_rules_kind_count(rules, SL_RULE_FACT);
    sl_vec ids;
    sl_vec_init(&ids, sizeof(size_t));
    for (size_t k = 0; k < SL_SHAPE_KINDS * 256; k++) {
        v->start[k] = ids.len;
        for (size_t i = 0; i < nfact; i++) {
            if (!worth_trying(sl_rules_of_kind(rules, SL_RULE_FACT, i), shapes[k / 256],
                              (unsigned char)(k % 256)))
                continue;
            size_t *slot = sl_vec_push(&ids);
            if (!slot) {
                sl_vec_free(&ids);
                return -1;
            }
            *slot = i;
        }
    }
    v->start[SL_SHAPE_KINDS * 256] = ids.len;
    v->ids = ids.items; /* owned from here */
    return 0;
}

void sl_value_index_free(sl_value_index *v)
{
    free(v->ids);
    memset(v, 0, sizeof *v);
}
