/* Internals of the aggregate stage, shared by its files (prefix sl_agg_).
 *
 * Pipeline (aggregate.c): fact rows (facts_in.c) -> documents and their dates
 * (documents.c) -> effective periods (period.c) -> cells, one per series row,
 * with conflicts and sources (cells.c) -> derived series (derive.c) -> gap
 * years (interp.c) -> statistics (stats.c) -> four CSV files (write_*.c,
 * out_file.c). Every step sorts by value, never by arrival, which is what
 * makes partial fact files merge to the same bytes. */
#ifndef SOLIEU_AGGREGATE_AGG_H
#define SOLIEU_AGGREGATE_AGG_H

#include <stdio.h>

#include <solieu/aggregate.h>
#include <solieu/csv.h>

#include "util/util.h"

/* ---- interned strings ------------------------------------------------------- */

/* One NFC-normalised copy of each key string; equal keys share a pointer.
 * Everything is freed by sl_agg_strings_free. */
typedef struct sl_agg_strings {
    char **slots;
    size_t cap; /* power of two */
    size_t len;
} sl_agg_strings;

/* Interns text[0..len) after trimming ASCII spaces and NFC normalisation.
 * Returns NULL when out of memory. */
const char *sl_agg_intern(sl_agg_strings *s, const char *text, size_t len);
void sl_agg_strings_free(sl_agg_strings *s);

/* ---- periods ---------------------------------------------------------------- */

typedef enum sl_agg_kind {
    SL_AGG_POINT = 0, /* "" (as of the document date) or another single date */
    SL_AGG_YEAR,      /* "2021" */
    SL_AGG_RANGE      /* "2018/2022", "2018/2023-04" */
} sl_agg_kind;

/* Classifies a period; *year is set for SL_AGG_YEAR. */
sl_agg_kind sl_agg_period_kind(const char *period, int *year);
const char *sl_agg_kind_name(sl_agg_kind kind);
/* The first standalone four-digit year (1000..2999) in a date such as
 * "2023-07-13", "13/7/2023" or "ngày 13 tháng 7 năm 2023"; 0 when none. */
int sl_agg_year_of_date(const char *date);

/* ---- facts and documents ---------------------------------------------------- */

/* One fact row as read; strings are interned. */
typedef struct sl_agg_fact {
    const char *entity, *metric, *qualifier, *unit, *period;
    const char *doc;         /* the document, as sl_agg_name_documents tells it */
    const char *name, *path; /* its doc and path cells ("" without a path column) */
    size_t line;
    double value;
} sl_agg_fact;

enum {
    SL_DOC_NUMBER = 0,
    SL_DOC_TYPE,
    SL_DOC_ISSUER,
    SL_DOC_ENTITY,
    SL_DOC_PLACE,
    SL_DOC_DATE,
    SL_DOC_NFIELDS
};

/* A document attribute as one fact row states it. */
typedef struct sl_agg_vote {
    const char *doc, *name, *path; /* as in its sl_agg_fact */
    int field;
    const char *value;
} sl_agg_vote;

/* A document as documents.csv shows it: each field is the value most fact
 * rows give (ties: the smallest), "" when none. */
typedef struct sl_agg_doc {
    const char *doc;
    const char *field[SL_DOC_NFIELDS];
    int year; /* of the date, 0 when unknown */
} sl_agg_doc;

/* Sets the doc of every fact and vote: its name (the base name, as
 * facts.md has it), or its path when reports in different folders share
 * that name, so that they stay apart in every output. */
solieu_status sl_agg_name_documents(sl_vec *facts, sl_vec *votes);
/* Resolves `votes` plus the entity of each fact into one sl_agg_doc per
 * distinct doc, sorted by doc name, into `docs` (sl_agg_doc). */
solieu_status sl_agg_documents(const sl_vec *facts, const sl_vec *votes, sl_vec *docs);
/* The document named `doc` in sorted `docs`, or NULL. */
const sl_agg_doc *sl_agg_document_find(const sl_vec *docs, const char *doc);

/* ---- cells: one per series row --------------------------------------------- */

/* A value stated at one place. */
typedef struct sl_agg_obs {
    double value;
    const char *doc;
    size_t line;
} sl_agg_obs;

typedef struct sl_agg_cell {
    const char *entity, *metric, *qualifier, *unit, *period;
    sl_agg_kind kind;
    int year;     /* when kind == SL_AGG_YEAR */
    double value; /* NAN when conflict */
    int conflict;
    int interpolated;
    int derived;      /* computed by a --derive, not stated */
    size_t obs_first; /* observations in sl_agg_cells.obs, sorted by value, doc, line */
    size_t obs_count;
    size_t n_sources; /* distinct doc:line */
} sl_agg_cell;

typedef struct sl_agg_cells {
    sl_vec cells; /* sl_agg_cell, sorted by sl_agg_cell_cmp */
    sl_vec obs;   /* sl_agg_obs */
} sl_agg_cells;

void sl_agg_cells_init(sl_agg_cells *c);
void sl_agg_cells_free(sl_agg_cells *c);
/* Replaces the contents of `out` by the cells of `facts` (sl_agg_fact,
 * periods already effective). Sorts `facts` in place. */
solieu_status sl_agg_cells_build(sl_vec *facts, sl_agg_cells *out);
/* Adds interpolated cells (no observations) and sorts again. */
solieu_status sl_agg_cells_add(sl_agg_cells *c, const sl_agg_cell *extra, size_t n);
/* Orders by entity, metric, qualifier, unit, then period. */
int sl_agg_cell_cmp(const void *a, const void *b);
/* Same series: entity, metric, qualifier and unit are equal. */
int sl_agg_same_series(const sl_agg_cell *a, const sl_agg_cell *b);
/* Values closer than this (relative) are the same statement. */
int sl_agg_same_value(double a, double b);

/* A doc:line pair. */
typedef struct sl_agg_src {
    const char *doc;
    size_t line;
} sl_agg_src;
/* Fills `out` (sl_agg_src, cleared first) with the distinct sources of `cell`
 * in doc, line order. */
solieu_status sl_agg_cell_sources(const sl_agg_cells *c, const sl_agg_cell *cell, sl_vec *out);

/* ---- derived series --------------------------------------------------------- */

typedef struct sl_agg_derive {
    const char *name, *num, *den;
} sl_agg_derive;

/* Parses "NAME=A/B" (spaces around names allowed). */
solieu_status sl_agg_derive_parse(sl_agg_strings *s, const char *spec, sl_agg_derive *out,
                                  char **error);
/* Appends to `facts` one fact per source of each derived value of `d` over
 * the yearly cells in `c`. */
solieu_status sl_agg_derive_facts(const sl_agg_cells *c, const sl_agg_derive *d, sl_agg_strings *s,
                                  sl_vec *facts);

/* ---- gap years -------------------------------------------------------------- */

typedef struct sl_agg_gap {
    int year;
    double value;
} sl_agg_gap;

/* Linear interpolation (gsl_interp) of the n >= 2 points (years, values) at
 * every year strictly between years[0] and years[n-1] that is not in years
 * and not in taken[0..n_taken). Appends sl_agg_gap to `out`. */
solieu_status sl_agg_fill_gaps(const int *years, const double *values, size_t n, const int *taken,
                               size_t n_taken, sl_vec *out);

/* ---- the handle ------------------------------------------------------------- */

typedef struct sl_agg_series {
    size_t first, count; /* cells of the series in result.cells */
    solieu_series_stats stats;
    int has_stats; /* at least one stated yearly value */
} sl_agg_series;

struct solieu_aggregate {
    sl_agg_strings strings;
    sl_vec facts;   /* sl_agg_fact, as read */
    sl_vec votes;   /* sl_agg_vote */
    sl_vec derives; /* sl_agg_derive */
    solieu_diagnostic_fn on_diag;
    void *diag_user;
    size_t skipped_rows;

    int computed;
    sl_agg_cells result;
    sl_vec series; /* sl_agg_series */
    sl_vec docs;   /* sl_agg_doc */
};

/* Drops computed results (new facts or derives arrived). */
void sl_agg_reset_results(solieu_aggregate *agg);

/* ---- output ----------------------------------------------------------------- */

/* Formats a stated value: solieu_format_number (10 significant digits). */
const char *sl_agg_fmt_value(double v, char *buf, size_t size);
/* Formats a computed value rounded to 4 decimals; "" for NAN. */
const char *sl_agg_fmt_computed(double v, char *buf, size_t size);

solieu_status sl_agg_write_series(const solieu_aggregate *agg, solieu_csv_writer *w);
solieu_status sl_agg_write_table(const solieu_aggregate *agg, solieu_csv_writer *w);
solieu_status sl_agg_write_stats(const solieu_aggregate *agg, solieu_csv_writer *w);
solieu_status sl_agg_write_documents(const solieu_aggregate *agg, solieu_csv_writer *w);

/* An output file written under a temporary name in its directory and
 * renamed into place by sl_agg_out_commit. */
typedef struct sl_agg_out {
    char *tmp_path;
    char *final_path;
    FILE *stream;
} sl_agg_out;

/* Creates `dir` and its parents when missing ("dir: strerror" on failure). */
solieu_status sl_agg_make_dirs(const char *dir, char **error);
solieu_status sl_agg_out_open(sl_agg_out *o, const char *dir, const char *name, char **error);
/* Flushes, syncs and closes the temporary file. */
solieu_status sl_agg_out_close(sl_agg_out *o, char **error);
solieu_status sl_agg_out_commit(sl_agg_out *o, char **error);
/* Closes and removes the temporary file if still there; frees paths. */
void sl_agg_out_discard(sl_agg_out *o);

#endif
