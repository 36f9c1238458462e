/* solieu: consistency checks — does the report add up?
 *
 * Relation rules (kind relation in rules/vi) find the arithmetic a careful
 * reader would verify: totals and their parts, parts and wholes, stated
 * percentages and their fractions, per-year footnote values and the period
 * total, stated counts and the items a footnote lists, and one document
 * number cited with two dates (also across the documents of one run). */
#ifndef SOLIEU_CHECK_H
#define SOLIEU_CHECK_H

#include "common.h"
#include "csv.h"
#include "document.h"
#include "extract.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct solieu_checker solieu_checker;

/* NULL when out of memory. The rules must outlive the checker. */
SOLIEU_API solieu_checker *solieu_checker_create(const solieu_rules *rules);
SOLIEU_API void solieu_checker_destroy(solieu_checker *checker);

/* Checks one document's facts; the rows are kept (copied) until written.
 * Citations are kept too, for the cross-document ref_date check. */
SOLIEU_API solieu_status solieu_checker_add(solieu_checker *checker, const solieu_document *doc,
                                            const solieu_facts *facts);
/* Runs the cross-document checks and writes the header and every row. */
SOLIEU_API solieu_status solieu_checker_write(solieu_checker *checker, solieu_csv_writer *w);
/* Rows so far and how many of them failed. */
SOLIEU_API size_t solieu_checker_rows(const solieu_checker *checker, size_t *failed);

/* Runs the examples of every relation rule: each extracts and checks its
 * text with the whole rule set and expects this rule's verdict. Failures go
 * to `on_fail`, located at the example's line. */
SOLIEU_API solieu_status solieu_check_rules_test(const solieu_rules *rules,
                                                 solieu_diagnostic_fn on_fail, void *user,
                                                 size_t *passed, size_t *failed);

/* Rebuilds the facts of `doc` from rows of a facts CSV (as `extract`
 * writes it) whose doc column names this document. Caller-owned result. */
SOLIEU_API solieu_status solieu_facts_from_table(const solieu_document *doc,
                                                 const solieu_table *table, solieu_facts **out,
                                                 char **error);

#ifdef __cplusplus
}
#endif
#endif
