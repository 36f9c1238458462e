/* A facts CSV split by document: the rows sorted by document key (path,
 * else doc name) and then by row, cut into runs, and the runs put back in
 * the order of their first row so that output follows the input. */
#include <stdlib.h>
#include <string.h>

#include <solieu/check.h>

#include "util/util.h"

typedef struct doc_run {
    size_t first; /* into rows[] */
    size_t count;
    size_t first_row; /* rows[first], the key of the order of runs */
} doc_run;

typedef struct keyed_row {
    const char *key; /* the path, else the doc name */
    size_t row;
} keyed_row;

struct solieu_table_documents {
    const solieu_table *table;
    long c_doc, c_path;
    size_t *rows; /* grouped by document, ascending within each */
    sl_vec runs;  /* doc_run, by first row */
};

static int by_key_then_row(const void *pa, const void *pb)
{
    const keyed_row *a = pa, *b = pb;
    int c = strcmp(a->key, b->key);
    return c ? c : (a->row > b->row) - (a->row < b->row);
}

static int by_first_row(const void *pa, const void *pb)
{
    const doc_run *a = pa, *b = pb;
    return (a->first_row > b->first_row) - (a->first_row < b->first_row);
}

/* Cuts the sorted rows into runs of one key each. -1: out of memory. */
static int cut_runs(solieu_table_documents *d, const keyed_row *keyed, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t j = i + 1;
        while (j < n && strcmp(keyed[i].key, keyed[j].key) == 0)
            j++;
        doc_run *run = sl_vec_push(&d->runs);
        if (!run)
            return -1;
        run->first = i;
        run->count = j - i;
        run->first_row = keyed[i].row;
        i = j;
    }
    return 0;
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
    keyed_row *keyed = sl_calloc(nrows ? nrows : 1, sizeof *keyed);
    d->rows = sl_calloc(nrows ? nrows : 1, sizeof *d->rows);
    for (size_t r = 0; keyed && r < nrows; r++) {
        const char *name = solieu_table_cell(table, r, c_doc);
        const char *path = d->c_path >= 0 ? solieu_table_cell(table, r, d->c_path) : "";
        if (*name)
            keyed[kept++] = (keyed_row){*path ? path : name, r};
    }
    if (keyed)
        qsort(keyed, kept, sizeof *keyed, by_key_then_row);
    if (!keyed || !d->rows || cut_runs(d, keyed, kept) != 0) {
        free(keyed);
        solieu_table_documents_destroy(d);
        return NULL;
    }
    for (size_t i = 0; i < kept; i++)
        d->rows[i] = keyed[i].row;
    free(keyed);
    qsort(d->runs.items, d->runs.len, sizeof(doc_run), by_first_row);
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
