/* One number, one fact: numbers inside an `ignore` match (dates, document
 * numbers) are dropped, and where several rules claim the same number the
 * most specific wins — highest priority, then the longest match, then the
 * rule written first. */
#include <stdlib.h>

#include "extract/extract_internal.h"

typedef struct span {
    size_t start, end;
} span;

static int overlaps(size_t a0, size_t a1, size_t b0, size_t b1)
{
    return a0 < b1 && b0 < a1;
}

static int by_strength(const void *pa, const void *pb)
{
    const sl_candidate *a = pa, *b = pb;
    if (a->rule->priority != b->rule->priority)
        return a->rule->priority > b->rule->priority ? -1 : 1;
    size_t la = a->match_end - a->match_start, lb = b->match_end - b->match_start;
    if (la != lb)
        return la > lb ? -1 : 1;
    if (a->rule_index != b->rule_index)
        return a->rule_index < b->rule_index ? -1 : 1;
    return a->start < b->start ? -1 : a->start > b->start;
}

static int by_position(const void *pa, const void *pb)
{
    const sl_candidate *a = pa, *b = pb;
    return a->start < b->start ? -1 : a->start > b->start;
}

void sl_candidates_resolve(sl_vec *candidates, const sl_vec *ignored)
{
    sl_candidate *c = candidates->items;
    size_t n = candidates->len, kept = 0;
    for (size_t i = 0; i < n; i++) {
        int drop = 0;
        for (size_t k = 0; k < ignored->len && !drop; k++) {
            const span *s = sl_vec_at(ignored, k);
            drop = overlaps(c[i].start, c[i].end, s->start, s->end);
        }
        if (!drop)
            c[kept++] = c[i];
    }
    n = kept;
    qsort(c, n, sizeof *c, by_strength);
    kept = 0;
    for (size_t i = 0; i < n; i++) {
        int taken = 0;
        for (size_t k = 0; k < kept && !taken; k++)
            taken = overlaps(c[i].start, c[i].end, c[k].start, c[k].end);
        if (!taken)
            c[kept++] = c[i];
    }
    candidates->len = kept;
    qsort(c, kept, sizeof *c, by_position);
}
