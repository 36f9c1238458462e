/* One number, one fact: numbers inside an `ignore` match (dates, document
 * numbers) are dropped, and where several rules claim the same number the
 * most specific wins — highest priority, then the longest match, then the
 * rule written first. Both steps sweep the text once, so a paragraph of
 * any length costs in proportion to its numbers. */
#include <stdlib.h>

#include "extract/extract_internal.h"

typedef struct span {
    size_t start, end;
} span;

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
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end < b->end ? -1 : a->end > b->end;
}

static int span_by_start(const void *pa, const void *pb)
{
    const span *a = pa, *b = pb;
    return a->start < b->start ? -1 : a->start > b->start;
}

/* Drops candidates whose number overlaps an ignored span. */
static size_t drop_ignored(sl_candidate *c, size_t n, sl_vec *ignored)
{
    span *ig = ignored->items;
    size_t m = ignored->len;
    if (m > 1)
        qsort(ig, m, sizeof *ig, span_by_start);
    /* merge into disjoint spans, sorted */
    size_t merged = 0;
    for (size_t k = 0; k < m; k++) {
        if (merged && ig[k].start < ig[merged - 1].end) {
            if (ig[k].end > ig[merged - 1].end)
                ig[merged - 1].end = ig[k].end;
        } else {
            ig[merged++] = ig[k];
        }
    }
    ignored->len = merged;
    size_t kept = 0, k = 0;
    for (size_t i = 0; i < n; i++) { /* c is sorted by start */
        while (k < merged && ig[k].end <= c[i].start)
            k++;
        int drop = k < merged && ig[k].start < c[i].end;
        if (!drop)
            c[kept++] = c[i];
    }
    return kept;
}

void sl_candidates_resolve(sl_vec *candidates, sl_vec *ignored)
{
    sl_candidate *c = candidates->items;
    size_t n = candidates->len;
    if (n > 1)
        qsort(c, n, sizeof *c, by_position);
    n = drop_ignored(c, n, ignored);
    /* clusters of candidates whose numbers overlap: the strongest of each
     * cluster wins, then the strongest of what does not overlap it, ... */
    size_t kept = 0;
    for (size_t from = 0; from < n;) {
        size_t to = from + 1, reach = c[from].end;
        while (to < n && c[to].start < reach) {
            if (c[to].end > reach)
                reach = c[to].end;
            to++;
        }
        qsort(c + from, to - from, sizeof *c, by_strength);
        size_t first = kept;
        for (size_t i = from; i < to; i++) {
            int taken = 0;
            for (size_t k = first; k < kept && !taken; k++)
                taken = c[i].start < c[k].end && c[k].start < c[i].end;
            if (!taken)
                c[kept++] = c[i];
        }
        if (kept - first > 1)
            qsort(c + first, kept - first, sizeof *c, by_position);
        from = to;
    }
    candidates->len = kept;
}
