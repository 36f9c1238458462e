/* The value-first fact rules worth trying at a number, listed at load by
 * the number's shape and the byte that follows it, so that a number site
 * asks a handful of rules instead of every one. */
#ifndef SOLIEU_RULES_VALUE_INDEX_H
#define SOLIEU_RULES_VALUE_INDEX_H

#include <stddef.h>

#include <solieu/rules.h>

#define SL_SHAPE_KINDS 4

typedef struct sl_value_index {
    /* fact-rule indices (as for sl_rules_of_kind) of bucket k:
     * ids[start[k] .. start[k + 1]); NULL when every bucket is empty */
    size_t start[SL_SHAPE_KINDS * 256 + 1];
    size_t *ids;
} sl_value_index;

/* Builds the lists from the fact rules of `rules`, whose kinds are indexed
 * and follow bytes set. -1 when out of memory. */
int sl_value_index_build(sl_value_index *v, const solieu_rules *rules);
void sl_value_index_free(sl_value_index *v);

/* The rules for a number of one SL_SHAPE_* bit followed by byte `next`
 * (0 when what follows is not known: every rule of the shape). */
static inline const size_t *sl_value_index_rules(const sl_value_index *v, unsigned shape,
                                                 unsigned char next, size_t *count)
{
    /* SL_SHAPE_PLAIN, _PERCENT, _FRACTION, _WORDS are 1, 2, 4, 8 (their
     * enum is in rules_internal.h, which includes this file) */
    size_t kind = shape == 1 ? 0 : shape == 2 ? 1 : shape == 4 ? 2 : 3;
    size_t k = kind * 256 + next;
    *count = v->start[k + 1] - v->start[k];
    return *count ? v->ids + v->start[k] : NULL;
}

#endif
