/* solieu: one document in, its facts out.
 *
 * An extractor holds per-thread scratch (PCRE2 match data and limits) over a
 * shared, immutable rule set: create one per worker thread. */
#ifndef SOLIEU_EXTRACT_H
#define SOLIEU_EXTRACT_H

#include <stddef.h>

#include "common.h"
#include "csv.h"
#include "document.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One statistic. A record, not a handle: every string is owned by the
 * solieu_facts list that holds the fact and lives as long as it does. */
typedef struct solieu_fact {
    const char *doc;         /* base name of the document */
    const char *path;        /* path as given */
    size_t line, column;     /* 1-based, where the number starts */
    size_t byte_start;       /* [byte_start, byte_end) of the number in the original file */
    size_t byte_end;
    size_t text_start;       /* the same in the normalised text */
    size_t text_end;
    const char *text;        /* the number as written: "27.210", "96,48%", "302/313" */
    double value;
    double denominator;      /* valid when has_denominator */
    int has_denominator;
    const char *approx;      /* "" or the approximation word: "khoảng", "trên" ... */
    const char *unit;
    const char *metric;
    const char *qualifier;
    const char *period;      /* "", "2021", "2018/2022", "2018/2023-04" */
    const char *scope;       /* "body" or "footnote:N" */
    int footnote;            /* N, or 0 in the body */
    const char *entity;
    const char *rule;        /* id of the rule that produced it */
    const char *context;     /* the sentence around the number, shortened */
    size_t paragraph;        /* index of the paragraph that holds it */
    size_t id;               /* 1-based, unique within the document */
} solieu_fact;

typedef struct solieu_facts solieu_facts;
typedef struct solieu_extractor solieu_extractor;

/* NULL when out of memory. The rules must outlive the extractor. */
SOLIEU_API solieu_extractor *solieu_extractor_create(const solieu_rules *rules);
SOLIEU_API void solieu_extractor_destroy(solieu_extractor *ex);

/* Extracts the facts of `doc` (whose header fields it also fills). On
 * success *out is caller-owned (solieu_facts_destroy). A rule that hits the
 * PCRE2 match limit is skipped for that paragraph and reported through
 * solieu_extractor_warnings; it does not fail the document. */
SOLIEU_API solieu_status solieu_extract(solieu_extractor *ex, solieu_document *doc,
                                        solieu_facts **out, char **error);
/* Warnings of the last solieu_extract call ("rule R hit the match limit at
 * line L"), one per line; borrowed, "" when none. */
SOLIEU_API const char *solieu_extractor_warnings(const solieu_extractor *ex);

/* What each rule cost and found, for rule authors (solieu bench). */
typedef struct solieu_rule_stats {
    const char *rule_id;          /* borrowed from the rule set */
    unsigned long long attempts;  /* PCRE2 match calls */
    unsigned long long matches;   /* matches found (before one rule wins a number) */
    unsigned long long limit_hits;/* calls stopped by PCRE2's match, depth or heap limit */
    double seconds;               /* time in those calls; 0 unless profiling is on */
} solieu_rule_stats;

/* Per-rule timing, off by default (it reads the clock around every match
 * call); the other counters are always kept. */
SOLIEU_API void solieu_extractor_set_profiling(solieu_extractor *ex, int on);
/* One entry per rule, in solieu_rules_id order (solieu_rules_count of them),
 * summed over every document this extractor has seen; borrowed. */
SOLIEU_API const solieu_rule_stats *solieu_extractor_rule_stats(const solieu_extractor *ex);

SOLIEU_API size_t solieu_facts_count(const solieu_facts *facts);
SOLIEU_API const solieu_fact *solieu_facts_get(const solieu_facts *facts, size_t index);
SOLIEU_API const char *solieu_facts_entity(const solieu_facts *facts);
SOLIEU_API void solieu_facts_destroy(solieu_facts *facts);

/* One document's outcome in solieu_extract_paths. Everything is borrowed
 * and valid only during the callback. */
typedef struct solieu_doc_result {
    size_t index;               /* position in the list of paths */
    const char *path;
    solieu_status status;
    const char *error;          /* "path:line:col: ..." when status is not SOLIEU_OK */
    const solieu_document *doc; /* NULL when status is not SOLIEU_OK */
    const solieu_facts *facts;  /* NULL when status is not SOLIEU_OK */
    const char *warnings;       /* rule limit hits, "" when none */
} solieu_doc_result;

/* Called in the order of `paths`, on the calling thread; non-zero stops. */
typedef int (*solieu_doc_result_fn)(const solieu_doc_result *result, void *user);

/* Loads and extracts every path with `threads` workers (1 or more) over the
 * shared rules, one extractor each, and hands the results to `fn` in input
 * order. With one worker no thread is started: the caller's thread does it. At most a few documents per worker are held at once, whatever the
 * number of paths. A document that fails is a result with its error; the
 * others go on. Returns SOLIEU_OK, SOLIEU_ERR_NOMEM, or SOLIEU_ERR_USAGE
 * when `fn` stopped the run. */
SOLIEU_API solieu_status solieu_extract_paths(const solieu_rules *rules,
                                              const char *const *paths, size_t count,
                                              unsigned threads, solieu_doc_result_fn fn,
                                              void *user);

/* The facts CSV header (facts.md columns plus the extras) and one row per
 * fact. `doc` supplies the document-level columns (doc_date, ...). */
SOLIEU_API solieu_status solieu_facts_write_header(solieu_csv_writer *w);
SOLIEU_API solieu_status solieu_facts_write(solieu_csv_writer *w, const solieu_facts *facts,
                                            const solieu_document *doc);

#ifdef __cplusplus
}
#endif
#endif
