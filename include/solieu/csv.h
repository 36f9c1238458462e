/* solieu: RFC 4180 CSV in and out, on libcsv. */
#ifndef SOLIEU_CSV_H
#define SOLIEU_CSV_H

#include <stdio.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- reading: a whole CSV file as a table of strings ---------------------- */

typedef struct solieu_table solieu_table;

/* Reads `path` (UTF-8, optional BOM, LF or CRLF, RFC 4180 quoting; the first
 * row is the header). On failure returns a status and, when `error` is not
 * NULL, a caller-owned message "path:line: what" (free with solieu_free).
 * On success *out is caller-owned: free with solieu_table_destroy. */
SOLIEU_API solieu_status solieu_table_read(const char *path, solieu_table **out, char **error);
/* Same, from memory; `name` is used in messages. */
SOLIEU_API solieu_status solieu_table_parse(const char *name, const char *data, size_t len,
                                            solieu_table **out, char **error);
SOLIEU_API void solieu_table_destroy(solieu_table *table);

SOLIEU_API size_t solieu_table_rows(const solieu_table *table);   /* data rows, header excluded */
SOLIEU_API size_t solieu_table_columns(const solieu_table *table); /* header fields */
SOLIEU_API const char *solieu_table_header(const solieu_table *table, size_t column);
/* Index of the header named `name` (compared after trimming and ASCII
 * lower-casing), or -1. */
SOLIEU_API long solieu_table_column(const solieu_table *table, const char *name);
/* Cell text, borrowed from the table; "" for a short row or a missing column
 * (column < 0). Never NULL. */
SOLIEU_API const char *solieu_table_cell(const solieu_table *table, size_t row, long column);
/* 1-based line of the file where data row `row` starts, for messages. */
SOLIEU_API size_t solieu_table_row_line(const solieu_table *table, size_t row);

/* ---- writing ---------------------------------------------------------------- */

typedef struct solieu_csv_writer solieu_csv_writer;

enum {
    SOLIEU_CSV_EXCEL = 1 << 0 /* UTF-8 BOM first and CRLF line ends, for Excel */
};

/* Wraps an open stream (not owned: the caller closes it). Returns NULL when
 * out of memory. */
SOLIEU_API solieu_csv_writer *solieu_csv_writer_create(FILE *stream, unsigned flags);
/* Writes one row of `n` fields; NULL fields are written empty. Quotes as
 * RFC 4180 requires. Returns SOLIEU_ERR_IO when the stream fails. */
SOLIEU_API solieu_status solieu_csv_write_row(solieu_csv_writer *w, const char *const *fields,
                                              size_t n);
/* Fields written so far went out without an I/O error. */
SOLIEU_API solieu_status solieu_csv_writer_status(const solieu_csv_writer *w);
SOLIEU_API void solieu_csv_writer_destroy(solieu_csv_writer *w);

/* Formats a number as a plain decimal with '.' and no exponent, shortest
 * form that round-trips to 10 significant digits ("27210", "96.48", "-0.5").
 * Writes into buf (at least 64 bytes) and returns it. */
SOLIEU_API char *solieu_format_number(double value, char *buf, size_t size);

/* Writes a whole number in decimal into buf (truncated to size - 1 bytes)
 * and returns it. */
SOLIEU_API char *solieu_format_integer(long long value, char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
