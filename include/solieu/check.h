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
/* The citations (document numbers with their dates) of the documents added
 * so far, as CSV: all the cross-document check needs of them, for a batch
 * to keep. Read back with solieu_checker_add_citations, they take part in
 * the cross-document check as if their documents had been added; their
 * own rows are not made again. SOLIEU_ERR_CSV: not such a file, or one cut
 * short (nothing is added then). */
SOLIEU_API solieu_status solieu_checker_write_citations(const solieu_checker *checker,
                                                        solieu_csv_writer *w);
SOLIEU_API solieu_status solieu_checker_add_citations(solieu_checker *checker,
                                                      const solieu_table *table);
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
/* The same from the rows `rows[0..n)` of `table`, all of them taken as
 * rows of `doc` (as solieu_table_documents groups them). */
SOLIEU_API solieu_status solieu_facts_from_rows(const solieu_document *doc,
                                                const solieu_table *table, const size_t *rows,
                                                size_t n, solieu_facts **out, char **error);

/* The documents of a facts CSV, each with its rows, in the order of their
 * first row. A document is told by its `path` cell, or by its `doc` cell
 * when the path is empty or the column missing: two reports with the same
 * base name in different folders stay two documents. Rows with no doc are
 * left out. Grouping is one sort, so a facts CSV of a whole archive is
 * split in n log n. */
typedef struct solieu_table_documents solieu_table_documents;
/* NULL when out of memory, or when the table has no doc column. */
SOLIEU_API solieu_table_documents *solieu_table_documents_create(const solieu_table *table);
SOLIEU_API void solieu_table_documents_destroy(solieu_table_documents *docs);
SOLIEU_API size_t solieu_table_documents_count(const solieu_table_documents *docs);
/* The k-th document's doc and path cells ("" when there is no path), and
 * its rows (indices into the table, ascending). */
SOLIEU_API const char *solieu_table_documents_name(const solieu_table_documents *docs, size_t k);
SOLIEU_API const char *solieu_table_documents_path(const solieu_table_documents *docs, size_t k);
SOLIEU_API const size_t *solieu_table_documents_rows(const solieu_table_documents *docs, size_t k,
                                                     size_t *n);

#ifdef __cplusplus
}
#endif
#endif
