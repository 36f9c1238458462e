/* A facts CSV split by document: the row indices sorted by document key
 * (path, else doc name) and then by row, cut into runs, and the runs put
 * back in the order of their first row so output follows the input. */
#include <stdlib.h>
#include <string.h>

#include <solieu/check.h>

#include "util/util.h"

typedef struct doc_run {
    size_t first; /* into rows[] */
    size_t count;
} doc_run;

struct solieu_table_documents {
    const solieu_table *table;
    long c_doc, c_path;
    size_t *rows; /* grouped by document, ascending within each */
    sl_vec runs;  /* doc_run, by first row */
};

/* qsort has no context argument: the key columns of the table being
 * sorted. One sort at a time per thread. */
static _Thread_local const solieu_table_documents *sorting;

static const char *key_of(const solieu_table_documents *d, size_t row)
{
    const char *path = d->c_path >= 0 ? solieu_table_cell(d->table, row, d->c_path) : "";
    return *path ? path : solieu_table_cell(d->table, row, d->c_doc);
}

static int by_key_then_row(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    int c = strcmp(key_of(sorting, a), key_of(sorting, b));
    return c ? c : (a > b) - (a < b);
}

static int by_first_row(const void *pa, const void *pb)
{
    const doc_run *a = pa, *b = pb;
    size_t ra = sorting->rows[a->first], rb = sorting->rows[b->first];
    return (ra > rb) - (ra < rb);
}

solieu_table_documents *solieu_table_documents_create(const solieu_table *table)
{
    long c_doc = solieu_table_column(table, "doc");
    if (c_doc < 0)
        return NULL;
    solieu_table_documents *d = sl_calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->table = table;
    d->c_doc = c_doc;
    d->c_path = solieu_table_column(table, "path");
    sl_vec_init(&d->runs, sizeof(doc_run));
    size_t nrows = solieu_table_rows(table), kept = 0;
    d->rows = sl_calloc(nrows ? nrows : 1, sizeof *d->rows);
    if (!d->rows) {
        solieu_table_documents_destroy(d);
        return NULL;
    }
    for (size_t r = 0; r < nrows; r++)
        if (*solieu_table_cell(table, r, c_doc))
            d->rows[kept++] = r;
    sorting = d;
    qsort(d->rows, kept, sizeof *d->rows, by_key_then_row);
    for (size_t i = 0; i < kept;) {
        size_t j = i + 1;
        while (j < kept && strcmp(key_of(d, d->rows[i]), key_of(d, d->rows[j])) == 0)
            j++;
        doc_run *run = sl_vec_push(&d->runs);
        if (!run) {
            sorting = NULL;
            solieu_table_documents_destroy(d);
            return NULL;
        }
        run->first = i;
        run->count = j - i;
        i = j;
    }
    qsort(d->runs.items, d->runs.len, sizeof(doc_run), by_first_row);
    sorting = NULL;
    return d;
}

void solieu_table_documents_destroy(solieu_table_documents *d)
{
    if (!d)
        return;
    free(d->rows);
    sl_vec_free(&d->runs);
    free(d);
}

size_t solieu_table_documents_count(const solieu_table_documents *d)
{
    return d->runs.len;
}

static const doc_run *run_at(const solieu_table_documents *d, size_t k)
{
    return sl_vec_at(&d->runs, k);
}

const char *solieu_table_documents_name(const solieu_table_documents *d, size_t k)
{
    return solieu_table_cell(d->table, d->rows[run_at(d, k)->first], d->c_doc);
}

const char *solieu_table_documents_path(const solieu_table_documents *d, size_t k)
{
    return d->c_path >= 0 ? solieu_table_cell(d->table, d->rows[run_at(d, k)->first], d->c_path)
                          : "";
}

const size_t *solieu_table_documents_rows(const solieu_table_documents *d, size_t k, size_t *n)
{
    *n = run_at(d, k)->count;
    return d->rows + run_at(d, k)->first;
}
