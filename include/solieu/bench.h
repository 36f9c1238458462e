/* solieu: rule benchmarking — what each rule finds, misses and costs.
 *
 *   solieu_gold *gold;
 *   solieu_gold_load("examples/gold", &gold, &err);
 *   solieu_bench *b;
 *   solieu_bench_create(rules, gold, &b);
 *   solieu_bench_run_file(b, "examples/reports/ex1_quang_tri.txt", &err);  (per document)
 *   solieu_bench_finish(b);
 *   solieu_bench_print(b, stdout, 0);
 *   solieu_bench_destroy(b);
 *   solieu_gold_destroy(gold);
 *
 * Facts are matched to gold exactly as ../shared/tools/score does it: same
 * document base name, same line, values within 1e-9 * max(1, |gold|), each
 * gold fact taken by at most one produced fact, produced facts in the order
 * they come, gold rows in file order. Only documents that have a gold file
 * (GOLD_DIR/X.facts.csv scores X.txt) are scored. One difference, so a run
 * on a few documents is not drowned in misses: gold rows of documents that
 * were never run are left out (the scorer counts them as missed).
 *
 * Per rule: true positives are its facts that match a gold fact (required or
 * not), false positives those that match none; a gold fact nobody produced
 * is a miss of every fact rule whose metric equals the gold row's metric
 * (or of the "(no rule)" row when no rule has it). Rule precision is
 * tp / (tp + fp), rule recall tp / (tp + misses); the totals use the
 * scorer's definitions (recall over required gold facts only). */
#ifndef SOLIEU_BENCH_H
#define SOLIEU_BENCH_H

#include <stdio.h>

#include "common.h"
#include "csv.h"
#include "extract.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- gold ---------------------------------------------------------------- */

typedef struct solieu_gold solieu_gold;

/* An empty gold set; *out is caller-owned (solieu_gold_destroy). */
SOLIEU_API solieu_status solieu_gold_create(solieu_gold **out);
/* Reads every DIR/X.facts.csv (in name order, like the scorer). Needs the
 * columns doc, line, value and required; text and metric are used when
 * present. Returns SOLIEU_ERR_IO ("dir: strerror"), SOLIEU_ERR_CSV
 * ("path:line: what") or SOLIEU_ERR_USAGE ("dir: no *.facts.csv") with a
 * caller-owned message in *error (when not NULL); *out is then NULL. */
SOLIEU_API solieu_status solieu_gold_load(const char *dir, solieu_gold **out, char **error);
/* Adds the rows of one gold table. `file_name` is the gold file's name
 * ("X.facts.csv"): it makes X.txt a scored document and names the table in
 * messages. The table is only read during the call. */
SOLIEU_API solieu_status solieu_gold_add_table(solieu_gold *gold, const solieu_table *table,
                                               const char *file_name, char **error);
SOLIEU_API void solieu_gold_destroy(solieu_gold *gold);
/* Gold rows, and how many of them are required (required = 1). */
SOLIEU_API size_t solieu_gold_count(const solieu_gold *gold, size_t *required);
/* The scorer's value test: |gold - produced| <= 1e-9 * max(1, |gold|). */
SOLIEU_API int solieu_gold_value_matches(double gold, double produced);

/* ---- one benchmark: a rule set over documents, scored against gold -------- */

typedef struct solieu_bench solieu_bench;

/* A benchmark of `rules` against `gold` (NULL: nothing is scored, only
 * costs are measured). Both must outlive the bench. *out is caller-owned
 * (solieu_bench_destroy). Per-rule timing is switched on. */
SOLIEU_API solieu_status solieu_bench_create(const solieu_rules *rules, const solieu_gold *gold,
                                             solieu_bench **out);
SOLIEU_API void solieu_bench_destroy(solieu_bench *b);
/* Keep every produced fact (not only the false positives), which
 * solieu_bench_compare needs. Off by default: it costs memory per fact. */
SOLIEU_API void solieu_bench_keep_facts(solieu_bench *b, int on);

/* Loads, extracts and scores one document, timing load and extraction.
 * A document that cannot be read or extracted is counted as failed (its
 * gold facts still count as missed) and the status is returned with a
 * caller-owned message "path:line:col: what" in *error. */
SOLIEU_API solieu_status solieu_bench_run_file(solieu_bench *b, const char *path, char **error);

/* The pieces solieu_bench_run_file is made of, for facts produced
 * elsewhere: declare a document run (base name, its size in bytes, the
 * seconds it took), then score its facts one by one (f->doc, f->line,
 * f->value, f->text, f->metric, f->rule and f->byte_start are read). */
SOLIEU_API solieu_status solieu_bench_add_document(solieu_bench *b, const char *doc,
                                                   unsigned long long bytes, double seconds,
                                                   int failed);
SOLIEU_API solieu_status solieu_bench_add_fact(solieu_bench *b, const solieu_fact *f);

/* Computes misses, per-rule metrics and the order of the rows. Call once,
 * after the last document; the lookups below need it. */
SOLIEU_API solieu_status solieu_bench_finish(solieu_bench *b);

/* One row per rule of the set, plus "(no rule)" when some missed gold
 * metric belongs to no rule. Doubles are NAN when undefined (no facts for
 * precision, no tp and no misses for recall). */
typedef struct solieu_bench_row {
    const char *rule_id;           /* borrowed */
    const char *kind;              /* "fact", "ignore", "period", ... */
    const char *metric;            /* "" when the rule has none */
    unsigned long long attempts;   /* PCRE2 match calls */
    unsigned long long matches;    /* PCRE2 matches, before one rule wins a number */
    unsigned long long limit_hits; /* calls stopped by a PCRE2 limit */
    size_t facts;                  /* facts it produced (in every document) */
    size_t true_pos, false_pos;    /* of its facts in scored documents */
    size_t misses;                 /* unproduced gold facts with its metric */
    size_t wrong_metric;           /* true positives whose gold metric differs */
    double precision, recall, f1;
    double seconds;     /* in its PCRE2 calls */
    double ns_per_byte; /* seconds per input byte, in ns */
    int flagged;        /* false positives, misses, wrong metrics or limit hits */
} solieu_bench_row;

/* The rows in report order: flagged rules first, then the others, each
 * group by time descending, then by id. Borrowed; *n receives the count. */
SOLIEU_API const solieu_bench_row *solieu_bench_rows(const solieu_bench *b, size_t *n);
/* The row of a rule id, or NULL. */
SOLIEU_API const solieu_bench_row *solieu_bench_row_of(const solieu_bench *b, const char *rule_id);

typedef struct solieu_bench_totals {
    size_t documents, failed_documents;
    size_t scored_documents;     /* run documents that have a gold file */
    size_t unrun_gold_documents; /* gold files whose document was not run */
    unsigned long long bytes;    /* input bytes of every document run */
    size_t facts;                /* produced, every document */
    size_t scored_facts;         /* produced in scored documents */
    size_t true_pos, false_pos;
    size_t gold_facts, gold_required; /* gold rows of run documents */
    size_t required_found;
    size_t misses, required_misses; /* gold facts nobody produced */
    size_t wrong_metric;
    double precision; /* true_pos / scored_facts; 0 when no facts */
    double recall;    /* required_found / gold_required; 1 when none */
    double f1;
    double seconds;              /* load and extraction, profiled */
    double load_seconds;         /* of which loading (UTF-8, NFC, structure) by run_file */
    double rule_seconds;         /* sum of the rows' seconds */
    double mb_per_s, docs_per_s; /* bytes / 1e6 / seconds, documents / seconds */
    long peak_rss_kib;           /* getrusage ru_maxrss of this process, at finish */
} solieu_bench_totals;

SOLIEU_API const solieu_bench_totals *solieu_bench_get_totals(const solieu_bench *b);

enum {
    SOLIEU_BENCH_VERBOSE = 1 << 0 /* also list every miss and false positive */
};
/* The table of rows, then the totals. Returns SOLIEU_ERR_IO when `out`
 * fails. */
SOLIEU_API solieu_status solieu_bench_print(const solieu_bench *b, FILE *out, unsigned flags);
/* One CSV row per rule (the fields of solieu_bench_row) and a last row
 * "(total)". */
SOLIEU_API solieu_status solieu_bench_write_csv(const solieu_bench *b, solieu_csv_writer *w);

/* ---- comparing two rule sets over the same documents ----------------------- */

typedef enum solieu_change_kind {
    SOLIEU_CHANGE_LOST = 0, /* produced by A only */
    SOLIEU_CHANGE_GAINED,   /* produced by B only */
    SOLIEU_CHANGE_CHANGED   /* both, with another text, value, metric or rule */
} solieu_change_kind;

/* gold_a/gold_b: 1 matched a gold fact, 0 a false positive, -1 not scored
 * (no gold for the document, or not produced by that side). */
typedef struct solieu_bench_change {
    solieu_change_kind kind;
    const char *doc;
    size_t line;
    const char *text_a, *text_b; /* "" on the side that lacks it */
    double value_a, value_b;
    const char *metric_a, *metric_b;
    const char *rule_a, *rule_b;
    int gold_a, gold_b;
} solieu_bench_change;

typedef struct solieu_bench_diff solieu_bench_diff;

/* Compares two finished benches run with solieu_bench_keep_facts on the
 * same documents in the same order. Facts are paired by document and byte
 * offset of the number. *out is caller-owned (solieu_bench_diff_destroy)
 * and borrows strings from both benches. SOLIEU_ERR_USAGE when a bench did
 * not keep its facts or is not finished. */
SOLIEU_API solieu_status solieu_bench_compare(const solieu_bench *a, const solieu_bench *b,
                                              solieu_bench_diff **out);
SOLIEU_API void solieu_bench_diff_destroy(solieu_bench_diff *d);
SOLIEU_API size_t solieu_bench_diff_count(const solieu_bench_diff *d);
/* Changes sorted by document, line and offset; borrowed. */
SOLIEU_API const solieu_bench_change *solieu_bench_diff_get(const solieu_bench_diff *d, size_t i);
/* Prints what B gained and lost against A, the changed facts, the rules
 * whose counts moved, and the deltas of precision, recall, F1 and time.
 * `name_a`/`name_b` label the sides. */
SOLIEU_API solieu_status solieu_bench_diff_print(const solieu_bench_diff *d, FILE *out,
                                                 const char *name_a, const char *name_b);

#ifdef __cplusplus
}
#endif
#endif
