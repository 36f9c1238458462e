/* Two rule sets over the same documents: which facts one found and the
 * other did not, and how the scores and the time moved. */
#include <stdlib.h>
#include <string.h>

#include "bench/bench_internal.h"

struct solieu_bench_diff {
    const solieu_bench *a, *b;
    sl_vec changes; /* solieu_bench_change */
};

/* A kept fact with the name of its document, for sorting. */
typedef struct keyed {
    const char *doc;
    const sl_kept_fact *f;
    size_t seq;
} keyed;

static int cmp_keyed(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    int c = strcmp(a->doc, b->doc);
    if (c)
        return c;
    if (a->f->byte_start != b->f->byte_start)
        return a->f->byte_start < b->f->byte_start ? -1 : 1;
    return (a->seq > b->seq) - (a->seq < b->seq);
}

/* The kept facts of a bench sorted by (document, offset); caller-owned. */
static keyed *sorted_facts(const solieu_bench *b)
{
    keyed *k = sl_calloc(b->kept.len + 1, sizeof *k);
    if (!k)
        return NULL;
    for (size_t i = 0; i < b->kept.len; i++) {
        const sl_kept_fact *f = sl_vec_at(&b->kept, i);
        k[i] = (keyed){*(char **)sl_vec_at(&b->doc_names, f->doc), f, i};
    }
    qsort(k, b->kept.len, sizeof *k, cmp_keyed);
    return k;
}

static int same_fact(const sl_kept_fact *x, const sl_kept_fact *y)
{
    return strcmp(x->text, y->text) == 0 && solieu_gold_value_matches(x->value, y->value) &&
           strcmp(x->metric, y->metric) == 0 && strcmp(x->rule, y->rule) == 0;
}

static solieu_status add_change(solieu_bench_diff *d, solieu_change_kind kind, const char *doc,
                                const sl_kept_fact *x, const sl_kept_fact *y)
{
    solieu_bench_change *c = sl_vec_push(&d->changes);
    if (!c)
        return SOLIEU_ERR_NOMEM;
    const sl_kept_fact *any = x ? x : y;
    *c = (solieu_bench_change){
        .kind = kind,
        .doc = doc,
        .line = any->line,
        .text_a = x ? x->text : "",
        .text_b = y ? y->text : "",
        .value_a = x ? x->value : 0,
        .value_b = y ? y->value : 0,
        .metric_a = x ? x->metric : "",
        .metric_b = y ? y->metric : "",
        .rule_a = x ? x->rule : "",
        .rule_b = y ? y->rule : "",
        .gold_a = x ? x->gold : -1,
        .gold_b = y ? y->gold : -1,
    };
    return SOLIEU_OK;
}

void solieu_bench_diff_destroy(solieu_bench_diff *d)
{
    if (!d)
        return;
    sl_vec_free(&d->changes);
    free(d);
}

solieu_status solieu_bench_compare(const solieu_bench *a, const solieu_bench *b,
                                   solieu_bench_diff **out)
{
    *out = NULL;
    if (!a->finished || !b->finished || !a->keep || !b->keep)
        return SOLIEU_ERR_USAGE;
    solieu_bench_diff *d = sl_calloc(1, sizeof *d);
    keyed *ka = sorted_facts(a), *kb = sorted_facts(b);
    solieu_status st = d && ka && kb ? SOLIEU_OK : SOLIEU_ERR_NOMEM;
    if (d) {
        d->a = a;
        d->b = b;
        sl_vec_init(&d->changes, sizeof(solieu_bench_change));
    }
    /* a merge of the two sorted lists: a fact is the same number when its
     * document and byte offset are, whatever rule claimed it */
    size_t i = 0, j = 0, na = a->kept.len, nb = b->kept.len;
    while (st == SOLIEU_OK && (i < na || j < nb)) {
        int c = i == na ? 1 : j == nb ? -1 : strcmp(ka[i].doc, kb[j].doc);
        if (c == 0 && ka[i].f->byte_start != kb[j].f->byte_start)
            c = ka[i].f->byte_start < kb[j].f->byte_start ? -1 : 1;
        if (c < 0) {
            st = add_change(d, SOLIEU_CHANGE_LOST, ka[i].doc, ka[i].f, NULL);
            i++;
        } else if (c > 0) {
            st = add_change(d, SOLIEU_CHANGE_GAINED, kb[j].doc, NULL, kb[j].f);
            j++;
        } else {
            if (!same_fact(ka[i].f, kb[j].f))
                st = add_change(d, SOLIEU_CHANGE_CHANGED, ka[i].doc, ka[i].f, kb[j].f);
            i++;
            j++;
        }
    }
    free(ka);
    free(kb);
    if (st != SOLIEU_OK) {
        solieu_bench_diff_destroy(d);
        return st;
    }
    *out = d;
    return SOLIEU_OK;
}

size_t solieu_bench_diff_count(const solieu_bench_diff *d)
{
    return d ? d->changes.len : 0;
}

const solieu_bench_change *solieu_bench_diff_get(const solieu_bench_diff *d, size_t i)
{
    return d && i < d->changes.len ? sl_vec_at(&d->changes, i) : NULL;
}

/* ---- printing ------------------------------------------------------------------ */

static const char *gold_word(int gold)
{
    return gold == 1 ? "true" : gold == 0 ? "false" : "unscored";
}

static void print_changes(const solieu_bench_diff *d, FILE *out, solieu_change_kind kind,
                          const char *title)
{
    size_t n = 0, truth[3] = {0, 0, 0};
    for (size_t i = 0; i < d->changes.len; i++) {
        const solieu_bench_change *c = sl_vec_at(&d->changes, i);
        if (c->kind == kind) {
            n++;
            truth[(kind == SOLIEU_CHANGE_GAINED ? c->gold_b : c->gold_a) + 1]++;
        }
    }
    if (kind == SOLIEU_CHANGE_CHANGED)
        fprintf(out, "%s: %zu\n", title, n);
    else
        fprintf(out, "%s: %zu (%zu true, %zu false, %zu unscored)\n", title, n, truth[2], truth[1],
                truth[0]);
    for (size_t i = 0; i < d->changes.len; i++) {
        const solieu_bench_change *c = sl_vec_at(&d->changes, i);
        if (c->kind != kind)
            continue;
        char va[64], vb[64];
        solieu_format_number(c->value_a, va, sizeof va);
        solieu_format_number(c->value_b, vb, sizeof vb);
        if (kind == SOLIEU_CHANGE_LOST)
            fprintf(out, "  - %s:%zu %s = %s %s [%s] %s\n", c->doc, c->line, c->text_a, va,
                    c->metric_a, c->rule_a, gold_word(c->gold_a));
        else if (kind == SOLIEU_CHANGE_GAINED)
            fprintf(out, "  + %s:%zu %s = %s %s [%s] %s\n", c->doc, c->line, c->text_b, vb,
                    c->metric_b, c->rule_b, gold_word(c->gold_b));
        else
            fprintf(out, "  ~ %s:%zu %s = %s %s [%s] %s -> %s = %s %s [%s] %s\n", c->doc, c->line,
                    c->text_a, va, c->metric_a, c->rule_a, gold_word(c->gold_a), c->text_b, vb,
                    c->metric_b, c->rule_b, gold_word(c->gold_b));
    }
}

static int row_moved(const solieu_bench_row *x, const solieu_bench_row *y)
{
    return !x || !y || x->facts != y->facts || x->true_pos != y->true_pos ||
           x->false_pos != y->false_pos || x->misses != y->misses;
}

static void cell(FILE *out, const solieu_bench_row *x, const solieu_bench_row *y, int which)
{
    size_t vx = 0, vy = 0;
    if (x)
        vx = which == 0   ? x->facts
             : which == 1 ? x->true_pos
             : which == 2 ? x->false_pos
                          : x->misses;
    if (y)
        vy = which == 0   ? y->facts
             : which == 1 ? y->true_pos
             : which == 2 ? y->false_pos
                          : y->misses;
    char sx[32] = "-", sy[32] = "-";
    if (x)
        snprintf(sx, sizeof sx, "%zu", vx);
    if (y)
        snprintf(sy, sizeof sy, "%zu", vy);
    fprintf(out, " %6s -> %-6s", sx, sy);
}

static void print_rule_moves(const solieu_bench_diff *d, FILE *out)
{
    size_t na, nb, moved = 0;
    const solieu_bench_row *ra = solieu_bench_rows(d->a, &na), *rb = solieu_bench_rows(d->b, &nb);
    for (int pass = 0; pass < 2; pass++) {
        /* pass 0: rules of A (and their B rows); pass 1: rules only B has */
        size_t n = pass ? nb : na;
        for (size_t i = 0; i < n; i++) {
            const solieu_bench_row *x = pass ? solieu_bench_row_of(d->a, rb[i].rule_id) : &ra[i];
            const solieu_bench_row *y = pass ? &rb[i] : solieu_bench_row_of(d->b, ra[i].rule_id);
            if ((pass && x) || !row_moved(x, y))
                continue;
            if (moved++ == 0)
                fprintf(out,
                        "rules whose counts moved (A -> B):\n  %-32s %6s %9s %6s %9s %6s %9s "
                        "%6s\n",
                        "rule", "facts", "", "tp", "", "fp", "", "miss");
            fprintf(out, "  %-32s", x ? x->rule_id : y->rule_id);
            for (int w = 0; w < 4; w++)
                cell(out, x, y, w);
            fputc('\n', out);
        }
    }
    if (!moved)
        fputs("rules whose counts moved: none\n", out);
}

/* One line of the deltas table, `digits` after the decimal point. */
static void delta_line(FILE *out, const char *what, double a, double b, int digits)
{
    fprintf(out, "  %-22s %12.*f %12.*f %+12.*f\n", what, digits, a, digits, b, digits, b - a);
}

solieu_status solieu_bench_diff_print(const solieu_bench_diff *d, FILE *out, const char *name_a,
                                      const char *name_b)
{
    fprintf(out, "A: %s\nB: %s\n", name_a, name_b);
    print_changes(d, out, SOLIEU_CHANGE_LOST, "lost (found by A, not by B)");
    print_changes(d, out, SOLIEU_CHANGE_GAINED, "gained (found by B, not by A)");
    print_changes(d, out, SOLIEU_CHANGE_CHANGED,
                  "changed (same number, other text, metric or rule)");
    print_rule_moves(d, out);
    const solieu_bench_totals *a = &d->a->totals, *b = &d->b->totals;
    fprintf(out, "  %-22s %12s %12s %12s\n", "", "A", "B", "B - A");
    delta_line(out, "precision", a->precision, b->precision, 3);
    delta_line(out, "recall", a->recall, b->recall, 3);
    delta_line(out, "F1", a->f1, b->f1, 3);
    delta_line(out, "facts", (double)a->facts, (double)b->facts, 0);
    delta_line(out, "true positives", (double)a->true_pos, (double)b->true_pos, 0);
    delta_line(out, "false positives", (double)a->false_pos, (double)b->false_pos, 0);
    delta_line(out, "misses (required)", (double)a->required_misses, (double)b->required_misses, 0);
    delta_line(out, "wrong metric", (double)a->wrong_metric, (double)b->wrong_metric, 0);
    delta_line(out, "time s", a->seconds, b->seconds, 4);
    delta_line(out, "rule time s", a->rule_seconds, b->rule_seconds, 4);
    delta_line(out, "MB/s", a->mb_per_s, b->mb_per_s, 2);
    return ferror(out) ? SOLIEU_ERR_IO : SOLIEU_OK;
}
