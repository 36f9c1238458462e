/* After the last document: misses attributed to rules, per-rule metrics,
 * totals, and the report order. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bench/bench_internal.h"

static const char NO_RULE[] = "(no rule)";

/* NAN-aware ratio: NAN when the denominator is 0. */
static double ratio(size_t num, size_t den)
{
    return den ? (double)num / (double)den : NAN;
}

static double f1_of(double p, double r)
{
    if (isnan(p) || isnan(r))
        return NAN;
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

/* A gold fact nobody produced is a miss of every fact rule with its metric,
 * or of "(no rule)" when no rule has it: the rule author learns which rules
 * could have found it. */
static void attribute_miss(solieu_bench *b, const sl_gold_row *g)
{
    int owned = 0;
    for (size_t i = 0; i < b->nrules; i++) {
        const sl_rule *r = sl_vec_at(&b->rules->rules, i);
        if (r->kind == SL_RULE_FACT && r->metric && strcmp(r->metric, g->metric) == 0) {
            b->tally[i].misses++;
            owned = 1;
        }
    }
    if (!owned)
        b->tally[b->nrules].misses++;
}

static solieu_status count_misses(solieu_bench *b)
{
    solieu_bench_totals *t = &b->totals;
    for (size_t i = 0; b->gold && i < b->gold->rows.len; i++) {
        const sl_gold_row *g = sl_vec_at(&b->gold->rows, i);
        /* gold of documents never run is left out (see bench.h) */
        if (g->doc_index == SIZE_MAX || !b->doc_seen[g->doc_index])
            continue;
        t->gold_facts++;
        t->gold_required += g->required != 0;
        if (b->gold_used[i])
            continue;
        t->misses++;
        t->required_misses += g->required != 0;
        attribute_miss(b, g);
        size_t *slot = sl_vec_push(&b->missed);
        if (!slot)
            return SOLIEU_ERR_NOMEM;
        *slot = i;
    }
    for (size_t i = 0; b->gold && i < b->gold->docs.len; i++) {
        const sl_gold_doc *d = sl_vec_at(&b->gold->docs, i);
        t->unrun_gold_documents += d->has_file && !b->doc_seen[i];
    }
    return SOLIEU_OK;
}

static void fill_row(solieu_bench_row *row, const sl_tally *t, double bytes)
{
    row->facts = t->facts;
    row->true_pos = t->true_pos;
    row->false_pos = t->false_pos;
    row->misses = t->misses;
    row->wrong_metric = t->wrong_metric;
    row->precision = ratio(t->true_pos, t->true_pos + t->false_pos);
    row->recall = ratio(t->true_pos, t->true_pos + t->misses);
    row->f1 = f1_of(row->precision, row->recall);
    row->ns_per_byte = bytes > 0 ? row->seconds * 1e9 / bytes : 0;
    row->flagged = t->false_pos || t->misses || t->wrong_metric || row->limit_hits;
}

/* Flagged rows first, then by time descending, then by id: the rules that
 * need work and the rules that cost most are at the top. */
static int cmp_rows(const void *pa, const void *pb)
{
    const solieu_bench_row *a = pa, *b = pb;
    if (a->flagged != b->flagged)
        return b->flagged - a->flagged;
    if (a->seconds != b->seconds)
        return a->seconds < b->seconds ? 1 : -1;
    return strcmp(a->rule_id, b->rule_id);
}

static solieu_status build_rows(solieu_bench *b)
{
    const solieu_rule_stats *stats = solieu_extractor_rule_stats(b->ex);
    int no_rule = b->tally[b->nrules].misses || b->tally[b->nrules].facts;
    b->rows = sl_calloc(b->nrules + 1, sizeof *b->rows);
    if (!b->rows)
        return SOLIEU_ERR_NOMEM;
    double bytes = (double)b->totals.bytes;
    for (size_t i = 0; i < b->nrules; i++) {
        const sl_rule *r = sl_vec_at(&b->rules->rules, i);
        solieu_bench_row *row = &b->rows[i];
        row->rule_id = r->id;
        row->kind = sl_bench_kind_name(r->kind);
        row->metric = r->metric ? r->metric : "";
        row->attempts = stats[i].attempts;
        row->matches = stats[i].matches;
        row->limit_hits = stats[i].limit_hits;
        row->seconds = stats[i].seconds;
        b->totals.rule_seconds += row->seconds;
        fill_row(row, &b->tally[i], bytes);
    }
    b->nrows = b->nrules;
    if (no_rule) {
        solieu_bench_row *row = &b->rows[b->nrows++];
        row->rule_id = NO_RULE;
        row->kind = "-";
        row->metric = "";
        fill_row(row, &b->tally[b->nrules], bytes);
    }
    qsort(b->rows, b->nrows, sizeof *b->rows, cmp_rows);
    return SOLIEU_OK;
}

solieu_status solieu_bench_finish(solieu_bench *b)
{
    if (b->finished)
        return SOLIEU_ERR_USAGE;
    solieu_status st = count_misses(b);
    if (st == SOLIEU_OK)
        st = build_rows(b);
    if (st != SOLIEU_OK)
        return st;
    solieu_bench_totals *t = &b->totals;
    /* the scorer's conventions: precision 0 without facts, recall 1 without gold */
    t->precision = t->scored_facts ? (double)t->true_pos / (double)t->scored_facts : 0.0;
    t->recall = t->gold_required ? (double)t->required_found / (double)t->gold_required : 1.0;
    t->f1 = f1_of(t->precision, t->recall);
    t->mb_per_s = t->seconds > 0 ? (double)t->bytes / 1e6 / t->seconds : 0;
    t->docs_per_s = t->seconds > 0 ? (double)t->documents / t->seconds : 0;
    struct rusage ru;
    t->peak_rss_kib = getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
    b->finished = 1;
    return SOLIEU_OK;
}

const solieu_bench_row *solieu_bench_rows(const solieu_bench *b, size_t *n)
{
    *n = b->finished ? b->nrows : 0;
    return b->finished ? b->rows : NULL;
}

const solieu_bench_row *solieu_bench_row_of(const solieu_bench *b, const char *rule_id)
{
    for (size_t i = 0; b->finished && i < b->nrows; i++)
        if (strcmp(b->rows[i].rule_id, rule_id) == 0)
            return &b->rows[i];
    return NULL;
}

const solieu_bench_totals *solieu_bench_get_totals(const solieu_bench *b)
{
    return &b->totals;
}
