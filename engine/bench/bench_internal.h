/* Shared between the benchmark files: gold rows, the bench's tallies and
 * the facts it keeps for a comparison. */
#ifndef SOLIEU_BENCH_INTERNAL_H
#define SOLIEU_BENCH_INTERNAL_H

#include <solieu/bench.h>

#include "rules/rules_internal.h"
#include "util/util.h"

/* ---- gold ------------------------------------------------------------------ */

typedef struct sl_gold_row {
    char *doc;  /* the doc column as written (the scorer keys on it) */
    char *line; /* trimmed: the scorer compares lines as strings */
    char *text;
    char *metric; /* trimmed, ASCII lower case */
    double value;
    int has_value; /* the value parses as a number */
    int required;
    size_t doc_index; /* into solieu_gold.docs */
} sl_gold_row;

typedef struct sl_gold_doc {
    char *name;
    int has_file; /* some GOLD_DIR/X.facts.csv names it: its facts are scored */
} sl_gold_doc;

/* A row's place in the (doc, line) index; strings borrowed from the row. */
typedef struct sl_gold_key {
    const char *doc, *line;
    size_t row;
} sl_gold_key;

struct solieu_gold {
    sl_vec rows;        /* sl_gold_row, in file order */
    sl_vec docs;        /* sl_gold_doc, sorted by name */
    sl_gold_key *order; /* sorted by (doc, line), file order within */
    size_t required;
};

/* Index of a document name in gold->docs, or SIZE_MAX. */
size_t sl_gold_doc_index(const solieu_gold *gold, const char *name);
/* The rows of (doc, line) as a range of gold->order: *first and the count
 * (gold->order[i].row is the row index). */
size_t sl_gold_find(const solieu_gold *gold, const char *doc, const char *line, size_t *first);
/* Parses a value cell as Python's float() would (after trimming); 0 when it
 * is not a number. */
int sl_gold_parse_value(const char *s, double *out);
/* A copy of s, trimmed and ASCII lower-cased (NULL when out of memory). */
char *sl_gold_norm(const char *s);

/* ---- the bench ----------------------------------------------------------------- */

/* A produced fact as the bench keeps it (false positives always, every fact
 * with keep_facts). Strings are owned. */
typedef struct sl_kept_fact {
    size_t doc; /* index into solieu_bench.doc_names */
    size_t line;
    size_t byte_start;
    char *text;
    double value;
    char *metric;
    char *rule;
    int gold; /* 1 matched, 0 false positive, -1 not scored */
} sl_kept_fact;

/* What a rule found; index nrules is "(no rule)". */
typedef struct sl_tally {
    size_t facts, true_pos, false_pos, misses, wrong_metric;
} sl_tally;

/* A rule id and its index in the rule set, for lookups by id. */
typedef struct sl_rule_ref {
    const char *id;
    size_t index;
} sl_rule_ref;

struct solieu_bench {
    const solieu_rules *rules;
    const solieu_gold *gold; /* may be NULL */
    solieu_extractor *ex;
    size_t nrules;
    sl_rule_ref *by_id;       /* sorted by id */
    sl_tally *tally;          /* nrules + 1 */
    unsigned char *gold_used; /* per gold row */
    unsigned char *doc_seen;  /* per gold doc */
    sl_vec doc_names;         /* char *: every document run, in order */
    size_t cur_doc;           /* index of the last document run */
    int cur_scored;
    int keep;
    int finished;
    sl_vec kept;      /* sl_kept_fact: every fact (keep) */
    sl_vec false_pos; /* sl_kept_fact */
    sl_vec missed;    /* size_t gold row indices, after finish */
    solieu_bench_row *rows;
    size_t nrows;
    solieu_bench_totals totals;
};

/* Rule index of an id, nrules when unknown. */
size_t sl_bench_rule_index(const solieu_bench *b, const char *id);
/* The kind word of a rule kind. */
const char *sl_bench_kind_name(int kind);
/* "F", "M", "W", "L" letters of a row's problems into buf (>= 8 bytes). */
const char *sl_bench_flags(const solieu_bench_row *r, char *buf);
/* A double for a table cell: "%.3f" or "-" for NAN, into buf (>= 32 bytes). */
const char *sl_bench_ratio(double v, char *buf);

#endif
