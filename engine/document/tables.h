/* Markdown tables, as PDF-to-markdown conversion writes them:
 *
 *   | TT | Đơn vị          | Tổng số đảng viên | Kết nạp mới |
 *   |----|-----------------|-------------------|-------------|
 *   | 1  | Đảng bộ huyện A | 4.215             | 126         |
 *
 * A header line, a line of dashes, then rows, every line opening with '|'. */
#ifndef SOLIEU_DOCUMENT_TABLES_H
#define SOLIEU_DOCUMENT_TABLES_H

#include "document/document_internal.h"

/* A cell: [start, end) in doc->text, spaces and emphasis (*, _) trimmed
 * (start == end: empty). */
typedef struct sl_table_cell {
    size_t start, end;
} sl_table_cell;

typedef struct sl_table_row {
    size_t line;  /* 1-based */
    sl_vec cells; /* sl_table_cell, left to right */
} sl_table_row;

typedef struct sl_table {
    sl_table_row header;
    sl_vec rows; /* sl_table_row, the data rows */
} sl_table;

/* Every table of the document, in order, into `tables` (sl_table; init it
 * with sl_vec_init(tables, sizeof(sl_table))). 0, or -1 when out of memory. */
int sl_find_tables(const solieu_document *doc, sl_vec *tables);
void sl_tables_free(sl_vec *tables);

/* The row's label: its first cell that holds a letter, or NULL. */
const sl_table_cell *sl_table_row_label(const char *text, const sl_table_row *row);
/* Whether a cell names a total ("Tổng cộng", "Tổng số", "Cộng", "Toàn
 * tỉnh"): a total row's label, or a column of totals. */
int sl_table_cell_is_total(const char *text, const sl_table_cell *cell);

#endif
