/* solieu: facts in, time series, a wide table and GSL statistics out.
 *
 *   solieu_aggregate *agg;
 *   solieu_aggregate_create(&agg);
 *   solieu_aggregate_add_derive(agg, "review_rate=reviewed_members/members_present", &err);
 *   solieu_aggregate_add_file(agg, "a.facts.csv", &err);   (any number of files)
 *   solieu_aggregate_write(agg, "out", SOLIEU_CSV_EXCEL, &err);
 *   solieu_aggregate_destroy(agg);
 *
 * A series is keyed by entity, metric, qualifier and unit; each of its rows
 * by period. The result depends only on the set of fact rows, never on their
 * order or on how they were split between files, so partial fact files
 * merge: aggregating two halves gives the same bytes as aggregating the whole.
 * See docs/aggregate.md for the outputs and their columns. */
#ifndef SOLIEU_AGGREGATE_H
#define SOLIEU_AGGREGATE_H

#include <stddef.h>

#include "common.h"
#include "csv.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- statistics of one yearly series ------------------------------------- */

/* Every double is NAN when it cannot be computed (see each field). */
typedef struct solieu_series_stats {
    size_t n; /* stated yearly values used */
    int first_year, last_year;
    double min, max, mean;
    double sd;               /* sample standard deviation; NAN when n < 2 */
    double yoy_change;       /* last value minus the value of last_year - 1; NAN when absent */
    double yoy_pct;          /* yoy_change in % of that value; NAN when it is 0 */
    double cagr_pct;         /* compound annual growth, %; NAN unless both ends > 0 */
    double slope, intercept; /* least squares value = intercept + slope * year; NAN when n < 2 */
    double r2;               /* 1 - SSE/SST; NAN when n < 2 or all values equal */
    size_t n_interpolated;   /* gap years filled by interpolation (not in the above) */
} solieu_series_stats;

/* Computes the statistics of `n` (year, value) pairs with strictly increasing
 * years. Uses GSL (and turns its abort-on-error handler off). Returns
 * SOLIEU_ERR_USAGE when n is 0 or years are not increasing, SOLIEU_ERR_MATH
 * when GSL fails; *out is filled (NAN where unknown) in every case. */
SOLIEU_API solieu_status solieu_series_stats_compute(const int *years, const double *values,
                                                     size_t n, solieu_series_stats *out);

/* ---- the aggregation -------------------------------------------------------- */

typedef struct solieu_aggregate solieu_aggregate;

/* Creates an empty aggregation; *out is caller-owned (solieu_aggregate_destroy).
 * Returns SOLIEU_ERR_NOMEM when out of memory. */
SOLIEU_API solieu_status solieu_aggregate_create(solieu_aggregate **out);
SOLIEU_API void solieu_aggregate_destroy(solieu_aggregate *agg);

/* Receives a warning for each fact row that is skipped (its value is not a
 * number, its line is not a line number). The diagnostic is borrowed. */
SOLIEU_API void solieu_aggregate_set_callback(solieu_aggregate *agg, solieu_diagnostic_fn fn,
                                              void *user);

/* Adds a derived series "NAME=A/B": for each entity, qualifier and year where
 * metrics A and B both have a stated, unconflicted value and B is not zero,
 * NAME = 100 * A / B with unit "%". Derives run in the order added, so one may
 * use an earlier one. On error returns SOLIEU_ERR_USAGE and, when `error` is
 * not NULL, a caller-owned message (solieu_free). */
SOLIEU_API solieu_status solieu_aggregate_add_derive(solieu_aggregate *agg, const char *spec,
                                                     char **error);

/* Adds every fact row of a facts table (columns of spec/facts.md; needed:
 * doc, line, value, unit, metric, period, entity; optional: qualifier,
 * doc_date, doc_number, doc_type, doc_issuer, doc_place). `name` is used in
 * messages. A table that lacks a needed column adds nothing and returns
 * SOLIEU_ERR_CSV with "name:1: ..."; rows that cannot be used are skipped
 * with a warning to the callback and counted (solieu_aggregate_skipped_rows).
 * The table is only read during the call. */
SOLIEU_API solieu_status solieu_aggregate_add_table(solieu_aggregate *agg,
                                                    const solieu_table *table, const char *name,
                                                    char **error);
/* Reads `path` ("-" is standard input) and adds it as above. A file that
 * cannot be read or parsed adds nothing; the message is "path:line: what"
 * or "path: what". */
SOLIEU_API solieu_status solieu_aggregate_add_file(solieu_aggregate *agg, const char *path,
                                                   char **error);

/* Fact rows skipped with a warning so far. */
SOLIEU_API size_t solieu_aggregate_skipped_rows(const solieu_aggregate *agg);

/* Builds series, derived series, interpolated gaps and statistics from the
 * facts added so far. solieu_aggregate_write calls it when needed; call it
 * yourself before the lookups below. Errors as for add_derive. */
SOLIEU_API solieu_status solieu_aggregate_compute(solieu_aggregate *agg, char **error);

/* Writes series.csv, table.csv, stats.csv and documents.csv into `dir`
 * (created when missing). Each goes to a temporary file in `dir` first and is
 * renamed into place only when all four were written. `flags`: SOLIEU_CSV_EXCEL
 * for a BOM and CRLF. On error returns SOLIEU_ERR_IO with "dir: strerror" or
 * "dir/file: strerror" (caller-owned). */
SOLIEU_API solieu_status solieu_aggregate_write(solieu_aggregate *agg, const char *dir,
                                                unsigned flags, char **error);

/* ---- looking results up (after solieu_aggregate_compute) ------------------- */

typedef struct solieu_aggregate_value {
    double value;     /* NAN when conflict */
    int interpolated; /* filled by interpolation, not stated */
    int conflict;     /* stated with different values */
    size_t n_sources; /* distinct doc:line that state it */
} solieu_aggregate_value;

/* Finds the row of series (entity, metric, qualifier, unit) for `period`
 * ("2019", "2018/2022", "" for undated). qualifier NULL means ""; unit NULL
 * means the series' first unit in sort order. Returns 1 and fills *out when
 * found, 0 when not (or not computed). */
SOLIEU_API int solieu_aggregate_find(const solieu_aggregate *agg, const char *entity,
                                     const char *metric, const char *qualifier, const char *unit,
                                     const char *period, solieu_aggregate_value *out);
/* The statistics of a series with at least one stated yearly value; 1 when
 * found, 0 when not. Arguments as for solieu_aggregate_find. */
SOLIEU_API int solieu_aggregate_find_stats(const solieu_aggregate *agg, const char *entity,
                                           const char *metric, const char *qualifier,
                                           const char *unit, solieu_series_stats *out);

#ifdef __cplusplus
}
#endif
#endif
