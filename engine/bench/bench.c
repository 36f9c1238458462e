/* One benchmark: a rule set run over documents, each produced fact scored
 * against gold as ../shared/tools/score does it, tallied per rule. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "bench/bench_internal.h"
#include "rules/rules_parse.h"

/* ---- rule lookup ------------------------------------------------------------- */

static const sl_rule *rule_at(const solieu_bench *b, size_t i)
{
    return sl_vec_at(&b->rules->rules, i);
}

static int cmp_by_id(const void *pa, const void *pb)
{
    return strcmp(((const sl_rule_ref *)pa)->id, ((const sl_rule_ref *)pb)->id);
}

size_t sl_bench_rule_index(const solieu_bench *b, const char *id)
{
    size_t lo = 0, hi = b->nrules;
    while (id && lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(b->by_id[mid].id, id);
        if (c == 0)
            return b->by_id[mid].index;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return b->nrules;
}

const char *sl_bench_kind_name(int kind)
{
    return sl_rule_kind_name((sl_rule_kind)kind);
}

/* ---- create / destroy ------------------------------------------------------- */

static void kept_free(sl_vec *v)
{
    for (size_t i = 0; i < v->len; i++) {
        sl_kept_fact *k = sl_vec_at(v, i);
        free(k->text);
        free(k->metric);
        free(k->rule);
    }
    sl_vec_free(v);
}

void solieu_bench_destroy(solieu_bench *b)
{
    if (!b)
        return;
    solieu_extractor_destroy(b->ex);
    free(b->by_id);
    free(b->tally);
    free(b->gold_used);
    free(b->doc_seen);
    for (size_t i = 0; i < b->doc_names.len; i++)
        free(*(char **)sl_vec_at(&b->doc_names, i));
    sl_vec_free(&b->doc_names);
    kept_free(&b->kept);
    kept_free(&b->false_pos);
    sl_vec_free(&b->missed);
    free(b->rows);
    free(b);
}

solieu_status solieu_bench_create(const solieu_rules *rules, const solieu_gold *gold,
                                  solieu_bench **out)
{
    *out = NULL;
    if (!rules)
        return SOLIEU_ERR_USAGE;
    solieu_bench *b = sl_calloc(1, sizeof *b);
    if (!b)
        return SOLIEU_ERR_NOMEM;
    b->rules = rules;
    b->gold = gold;
    b->nrules = solieu_rules_count(rules);
    sl_vec_init(&b->doc_names, sizeof(char *));
    sl_vec_init(&b->kept, sizeof(sl_kept_fact));
    sl_vec_init(&b->false_pos, sizeof(sl_kept_fact));
    sl_vec_init(&b->missed, sizeof(size_t));
    b->ex = solieu_extractor_create(rules);
    b->by_id = sl_calloc(b->nrules + 1, sizeof *b->by_id);
    b->tally = sl_calloc(b->nrules + 1, sizeof *b->tally);
    size_t ngold = gold ? gold->rows.len : 0, ndocs = gold ? gold->docs.len : 0;
    b->gold_used = sl_calloc(ngold + 1, 1);
    b->doc_seen = sl_calloc(ndocs + 1, 1);
    if (!b->ex || !b->by_id || !b->tally || !b->gold_used || !b->doc_seen) {
        solieu_bench_destroy(b);
        return SOLIEU_ERR_NOMEM;
    }
    solieu_extractor_set_profiling(b->ex, 1);
    for (size_t i = 0; i < b->nrules; i++)
        b->by_id[i] = (sl_rule_ref){rule_at(b, i)->id, i};
    qsort(b->by_id, b->nrules, sizeof *b->by_id, cmp_by_id);
    *out = b;
    return SOLIEU_OK;
}

void solieu_bench_keep_facts(solieu_bench *b, int on)
{
    b->keep = on;
}

/* ---- documents and facts ---------------------------------------------------- */

solieu_status solieu_bench_add_document(solieu_bench *b, const char *doc, unsigned long long bytes,
                                        double seconds, int failed)
{
    if (b->finished)
        return SOLIEU_ERR_USAGE;
    char *name = sl_strdup(doc);
    char **slot = name ? sl_vec_push(&b->doc_names) : NULL;
    if (!slot) {
        free(name);
        return SOLIEU_ERR_NOMEM;
    }
    *slot = name;
    b->cur_doc = b->doc_names.len - 1;
    b->totals.documents++;
    b->totals.failed_documents += failed != 0;
    b->totals.bytes += bytes;
    b->totals.seconds += seconds;
    size_t at = sl_gold_doc_index(b->gold, doc);
    b->cur_scored = 0;
    if (at != SIZE_MAX) {
        const sl_gold_doc *d = sl_vec_at(&b->gold->docs, at);
        b->doc_seen[at] = 1;
        b->cur_scored = d->has_file;
        b->totals.scored_documents += d->has_file != 0;
    }
    return SOLIEU_OK;
}

static solieu_status keep(sl_vec *v, const solieu_fact *f, size_t doc, double value, int gold)
{
    sl_kept_fact *k = sl_vec_push(v);
    if (!k)
        return SOLIEU_ERR_NOMEM;
    k->doc = doc;
    k->line = f->line;
    k->byte_start = f->byte_start;
    k->value = value;
    k->gold = gold;
    k->text = sl_strdup(f->text ? f->text : "");
    k->metric = sl_strdup(f->metric ? f->metric : "");
    k->rule = sl_strdup(f->rule ? f->rule : "");
    return k->text && k->metric && k->rule ? SOLIEU_OK : SOLIEU_ERR_NOMEM;
}

/* The first unused gold fact of (doc, line) whose value matches, taken; or
 * SIZE_MAX. The scorer walks its pool list the same way. */
static size_t take_gold(solieu_bench *b, const char *doc, size_t line, double value)
{
    char line_str[32];
    snprintf(line_str, sizeof line_str, "%zu", line);
    size_t first, n = sl_gold_find(b->gold, doc, line_str, &first);
    for (size_t i = first; i < first + n; i++) {
        size_t row = b->gold->order[i].row;
        const sl_gold_row *g = sl_vec_at(&b->gold->rows, row);
        if (!b->gold_used[row] && g->has_value && solieu_gold_value_matches(g->value, value)) {
            b->gold_used[row] = 1;
            return row;
        }
    }
    return SIZE_MAX;
}

solieu_status solieu_bench_add_fact(solieu_bench *b, const solieu_fact *f)
{
    if (b->finished || !b->doc_names.len)
        return SOLIEU_ERR_USAGE;
    const char *doc = f->doc ? f->doc : "";
    if (strcmp(doc, *(char **)sl_vec_at(&b->doc_names, b->cur_doc)) != 0)
        return SOLIEU_ERR_USAGE; /* facts follow the document they belong to */
    sl_tally *t = &b->tally[sl_bench_rule_index(b, f->rule)];
    t->facts++;
    b->totals.facts++;
    /* the scorer reads the value back from the CSV, as extract writes it */
    char buf[64];
    double value = 0;
    int has_value = sl_gold_parse_value(solieu_format_number(f->value, buf, sizeof buf), &value);
    int gold = -1;
    if (b->cur_scored) {
        b->totals.scored_facts++;
        size_t row = has_value ? take_gold(b, doc, f->line, value) : SIZE_MAX;
        gold = row != SIZE_MAX;
        if (gold) {
            const sl_gold_row *g = sl_vec_at(&b->gold->rows, row);
            t->true_pos++;
            b->totals.true_pos++;
            b->totals.required_found += g->required != 0;
            char *metric = sl_gold_norm(f->metric);
            if (!metric)
                return SOLIEU_ERR_NOMEM;
            if (strcmp(metric, g->metric) != 0) {
                t->wrong_metric++;
                b->totals.wrong_metric++;
            }
            free(metric);
        } else {
            t->false_pos++;
            b->totals.false_pos++;
            if (keep(&b->false_pos, f, b->cur_doc, value, 0) != SOLIEU_OK)
                return SOLIEU_ERR_NOMEM;
        }
    }
    return b->keep ? keep(&b->kept, f, b->cur_doc, value, gold) : SOLIEU_OK;
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

solieu_status solieu_bench_run_file(solieu_bench *b, const char *path, char **error)
{
    if (error)
        *error = NULL;
    struct stat st;
    unsigned long long bytes = stat(path, &st) == 0 ? (unsigned long long)st.st_size : 0;
    solieu_document *doc = NULL;
    solieu_facts *facts = NULL;
    double t0 = now();
    solieu_status status = solieu_document_load(path, &doc, error);
    double t1 = now();
    if (status == SOLIEU_OK)
        status = solieu_extract(b->ex, doc, &facts, error);
    double seconds = now() - t0;
    if (!b->finished)
        b->totals.load_seconds += t1 - t0;
    solieu_status added =
        solieu_bench_add_document(b, sl_basename(path), bytes, seconds, status != SOLIEU_OK);
    for (size_t i = 0; added == SOLIEU_OK && facts && i < solieu_facts_count(facts); i++)
        added = solieu_bench_add_fact(b, solieu_facts_get(facts, i));
    solieu_facts_destroy(facts);
    solieu_document_destroy(doc);
    if (status == SOLIEU_OK && added != SOLIEU_OK) {
        status = added;
        if (error)
            *error = sl_printf("%s: %s", path, solieu_strerror(added));
    }
    return status;
}
