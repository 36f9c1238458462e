/* table.csv: the wide form a person pastes into a spreadsheet. One row per
 * series, one column per year that any series states, then one column per
 * other period (ranges such as "2018/2022", dates such as "2023-04") and an
 * "undated" column for values without a period. A period total therefore
 * sits in its own column and is never spread over the years it covers.
 * Interpolated and conflicting values stay out (empty cells): in a table
 * nothing would mark them. */
#include <stdlib.h>
#include <string.h>

#include "agg.h"

#define CELL_BYTES 64

static int int_cmp(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return x < y ? -1 : x > y;
}

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void unique(sl_vec *v, int (*cmp)(const void *, const void *))
{
    if (v->len < 2)
        return;
    qsort(v->items, v->len, v->size, cmp);
    size_t kept = 1;
    for (size_t i = 1; i < v->len; i++) {
        if (cmp(sl_vec_at(v, kept - 1), sl_vec_at(v, i)) == 0)
            continue;
        memcpy(sl_vec_at(v, kept++), sl_vec_at(v, i), v->size);
    }
    v->len = kept;
}

typedef struct columns {
    sl_vec years;  /* int */
    sl_vec others; /* const char * */
    int undated;
} columns;

static solieu_status find_columns(const sl_agg_cells *c, columns *cols)
{
    for (size_t i = 0; i < c->cells.len; i++) {
        const sl_agg_cell *cell = sl_vec_at(&c->cells, i);
        if (cell->interpolated)
            continue;
        if (cell->kind == SL_AGG_YEAR) {
            int *y = sl_vec_push(&cols->years);
            if (!y)
                return SOLIEU_ERR_NOMEM;
            *y = cell->year;
        } else if (*cell->period) {
            const char **p = sl_vec_push(&cols->others);
            if (!p)
                return SOLIEU_ERR_NOMEM;
            *p = cell->period;
        } else {
            cols->undated = 1;
        }
    }
    unique(&cols->years, int_cmp);
    unique(&cols->others, str_cmp);
    return SOLIEU_OK;
}

/* Column (after the 4 key columns) of a cell, or -1. */
static long column_of(const columns *cols, const sl_agg_cell *cell)
{
    if (cell->kind == SL_AGG_YEAR) {
        const int *y = cols->years.len ? bsearch(&cell->year, cols->years.items, cols->years.len,
                                                 sizeof(int), int_cmp)
                                       : NULL;
        return y ? (long)(y - (const int *)cols->years.items) : -1;
    }
    if (*cell->period) {
        const char **p = cols->others.len ? bsearch(&cell->period, cols->others.items,
                                                    cols->others.len, sizeof(char *), str_cmp)
                                          : NULL;
        return p ? (long)(cols->years.len + (size_t)(p - (const char **)cols->others.items)) : -1;
    }
    return cols->undated ? (long)(cols->years.len + cols->others.len) : -1;
}

solieu_status sl_agg_write_table(const solieu_aggregate *agg, solieu_csv_writer *w)
{
    const sl_agg_cells *c = &agg->result;
    columns cols;
    sl_vec_init(&cols.years, sizeof(int));
    sl_vec_init(&cols.others, sizeof(const char *));
    cols.undated = 0;
    const char **row = NULL;
    char *text = NULL;
    solieu_status st = find_columns(c, &cols);
    if (st != SOLIEU_OK)
        goto cleanup;
    size_t n_periods = cols.years.len + cols.others.len + (size_t)cols.undated;
    size_t n = 4 + n_periods;
    row = sl_calloc(n, sizeof *row);
    text = sl_calloc(n_periods ? n_periods : 1, CELL_BYTES);
    if (!row || !text) {
        st = SOLIEU_ERR_NOMEM;
        goto cleanup;
    }

    row[0] = "entity", row[1] = "metric", row[2] = "qualifier", row[3] = "unit";
    for (size_t k = 0; k < n_periods; k++) {
        char *t = text + k * CELL_BYTES;
        if (k < cols.years.len)
            snprintf(t, CELL_BYTES, "%d", *(const int *)sl_vec_at(&cols.years, k));
        row[4 + k] = k < cols.years.len ? t
                     : k < cols.years.len + cols.others.len
                         ? *(const char **)sl_vec_at(&cols.others, k - cols.years.len)
                         : "undated";
    }
    st = solieu_csv_write_row(w, row, n);

    for (size_t i = 0; i < agg->series.len && st == SOLIEU_OK; i++) {
        const sl_agg_series *s = sl_vec_at(&agg->series, i);
        const sl_agg_cell *first = sl_vec_at(&c->cells, s->first);
        row[0] = first->entity, row[1] = first->metric;
        row[2] = first->qualifier, row[3] = first->unit;
        for (size_t k = 0; k < n_periods; k++) {
            text[k * CELL_BYTES] = '\0';
            row[4 + k] = text + k * CELL_BYTES;
        }
        for (size_t j = s->first; j < s->first + s->count; j++) {
            const sl_agg_cell *cell = sl_vec_at(&c->cells, j);
            long k = column_of(&cols, cell);
            if (k < 0 || cell->interpolated || cell->conflict)
                continue;
            char *t = text + (size_t)k * CELL_BYTES;
            if (cell->derived)
                sl_agg_fmt_computed(cell->value, t, CELL_BYTES);
            else
                sl_agg_fmt_value(cell->value, t, CELL_BYTES);
        }
        st = solieu_csv_write_row(w, row, n);
    }

cleanup:
    free(row);
    free(text);
    sl_vec_free(&cols.years);
    sl_vec_free(&cols.others);
    return st;
}
