/* The cross-document rows of checks.csv (a document number cited with one
 * date here and another there: rule citation.across).
 *
 * When the set of documents changed, every document's citations are fed
 * to one checker: those its extraction kept (its citations fragment), or,
 * for a document extracted by an older version or whose fragment is cut
 * short, those found by reading it again (not extracting it: its facts come
 * from its facts fragment). The rows are cached under a key made of every
 * document's key, so an unchanged archive reads nothing. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <solieu/limits.h>

#include "batch/batch_internal.h"

#define ACROSS_RULE "citation.across"

static int usable(const sl_doc *d)
{
    return d->done && d->cur.status != SL_DOC_FAILED;
}

uint64_t sl_across_key(const solieu_batch *b)
{
    uint64_t h = sl_fnv1a64(b->key_seed, "across", 7);
    for (size_t i = 0; i < b->docs.len; i++) {
        const sl_doc *d = sl_vec_at(&b->docs, i);
        if (!usable(d))
            continue;
        unsigned char bytes[8];
        for (int k = 0; k < 8; k++)
            bytes[k] = (unsigned char)(d->cur.key >> (8 * k));
        h = sl_fnv1a64(h, bytes, sizeof bytes);
    }
    return h;
}

/* Feeds one document's citations as its run kept them. 0 when fed; -1
 * when there are none to take (an older state, a fragment cut short). */
static int feed_kept(solieu_batch *b, solieu_checker *checker, const sl_doc *d, int *oom)
{
    char *path = sl_fragment_path(b, d->cur.key, "citations");
    solieu_table *table = NULL;
    solieu_status st = !path                     ? SOLIEU_ERR_NOMEM
                       : access(path, R_OK) != 0 ? SOLIEU_ERR_IO
                                                 : solieu_table_read(path, &table, NULL);
    if (st == SOLIEU_OK)
        st = solieu_checker_add_citations(checker, table);
    if (st == SOLIEU_ERR_NOMEM)
        *oom = 1;
    solieu_table_destroy(table);
    free(path);
    return st == SOLIEU_OK ? 0 : -1;
}

/* Feeds one document, as it was extracted, to the checker by reading it
 * again. 0 when fed; -1 when it changed or cannot be read any more (its
 * citations then wait for the next run). */
static int feed(solieu_batch *b, solieu_checker *checker, const sl_doc *d, int *oom)
{
    char *data = NULL, *fragment = NULL;
    size_t len;
    solieu_document *doc = NULL;
    solieu_table *table = NULL;
    solieu_facts *facts = NULL;
    int rc = -1;
    solieu_status st = sl_read_file(d->path, SOLIEU_MAX_DOCUMENT_BYTES, &data, &len);
    if (st != SOLIEU_OK || sl_fnv1a64(SL_FNV_OFFSET, data, len) != d->cur.hash)
        goto cleanup;
    fragment = sl_fragment_path(b, d->cur.key, "facts");
    if (!fragment)
        st = SOLIEU_ERR_NOMEM;
    else
        st = solieu_document_from_memory(d->path, data, len, &doc, NULL);
    if (st == SOLIEU_OK)
        st = solieu_table_read(fragment, &table, NULL);
    if (st == SOLIEU_OK)
        st = solieu_facts_from_table(doc, table, &facts, NULL);
    if (st == SOLIEU_OK)
        st = solieu_checker_add(checker, doc, facts);
    rc = st == SOLIEU_OK ? 0 : -1;
cleanup:
    if (st == SOLIEU_ERR_NOMEM)
        *oom = 1;
    solieu_facts_destroy(facts);
    solieu_table_destroy(table);
    solieu_document_destroy(doc);
    free(fragment);
    free(data);
    return rc;
}

/* Writes the across rows of `checker` (with the checks header) to `f`. */
static solieu_status write_across(solieu_batch *b, solieu_checker *checker, FILE *f, size_t *rows,
                                  size_t *failed)
{
    char *all = sl_path_join(b->stage_dir, "all-checks.csv");
    FILE *tmp = all ? fopen(all, "wb") : NULL;
    solieu_csv_writer *w = tmp ? solieu_csv_writer_create(tmp, 0) : NULL;
    solieu_status st = w     ? solieu_checker_write(checker, w)
                       : all ? SOLIEU_ERR_IO
                             : SOLIEU_ERR_NOMEM;
    solieu_csv_writer_destroy(w);
    if (tmp && fclose(tmp) != 0 && st == SOLIEU_OK)
        st = SOLIEU_ERR_IO;
    solieu_table *t = NULL;
    if (st == SOLIEU_OK)
        st = solieu_table_read(all, &t, NULL);
    w = st == SOLIEU_OK ? solieu_csv_writer_create(f, 0) : NULL;
    if (st == SOLIEU_OK && !w)
        st = SOLIEU_ERR_NOMEM;
    size_t columns = t ? solieu_table_columns(t) : 0;
    const char **row = st == SOLIEU_OK ? sl_calloc(columns + 1, sizeof *row) : NULL;
    if (st == SOLIEU_OK && !row)
        st = SOLIEU_ERR_NOMEM;
    long c_rule = t ? solieu_table_column(t, "rule") : -1;
    long c_verdict = t ? solieu_table_column(t, "verdict") : -1;
    for (size_t c = 0; st == SOLIEU_OK && c < columns; c++)
        row[c] = solieu_table_header(t, c);
    if (st == SOLIEU_OK)
        st = solieu_csv_write_row(w, row, columns);
    for (size_t r = 0; st == SOLIEU_OK && r < solieu_table_rows(t); r++) {
        if (strcmp(solieu_table_cell(t, r, c_rule), ACROSS_RULE) != 0)
            continue;
        for (size_t c = 0; c < columns; c++)
            row[c] = solieu_table_cell(t, r, (long)c);
        st = solieu_csv_write_row(w, row, columns);
        (*rows)++;
        *failed += strcmp(solieu_table_cell(t, r, c_verdict), "fail") == 0;
    }
    free(row);
    solieu_csv_writer_destroy(w);
    solieu_table_destroy(t);
    if (all)
        unlink(all);
    free(all);
    return st;
}

/* Counts the rows of a cached across fragment. */
static solieu_status count_rows(const char *path, size_t *rows, size_t *failed)
{
    solieu_table *t = NULL;
    solieu_status st = solieu_table_read(path, &t, NULL);
    if (st != SOLIEU_OK)
        return st;
    long c_verdict = solieu_table_column(t, "verdict");
    *rows = solieu_table_rows(t);
    for (size_t r = 0; r < *rows; r++)
        *failed += strcmp(solieu_table_cell(t, r, c_verdict), "fail") == 0;
    solieu_table_destroy(t);
    return c_verdict < 0 ? SOLIEU_ERR_CSV : SOLIEU_OK;
}

solieu_status sl_across_fragment(solieu_batch *b, char **path, char **error)
{
    b->across_key = sl_across_key(b);
    *path = sl_fragment_path(b, b->across_key, "across");
    if (!*path)
        return SOLIEU_ERR_NOMEM;
    size_t rows = 0, failed = 0;
    if (access(*path, R_OK) == 0 && count_rows(*path, &rows, &failed) == SOLIEU_OK) {
        b->summary.checks += rows;
        b->summary.checks_failed += failed;
        return SOLIEU_OK;
    }
    solieu_checker *checker = solieu_checker_create(b->rules);
    if (!checker)
        return SOLIEU_ERR_NOMEM;
    int oom = 0, complete = 1;
    size_t usable_docs = 0;
    for (size_t i = 0; i < b->docs.len; i++)
        usable_docs += usable(sl_vec_at(&b->docs, i));
    /* one document cannot disagree with another */
    for (size_t i = 0; usable_docs > 1 && i < b->docs.len && !oom; i++) {
        const sl_doc *d = sl_vec_at(&b->docs, i);
        if (!usable(d))
            continue;
        if (feed_kept(b, checker, d, &oom) == 0 || oom)
            continue;
        if (feed(b, checker, d, &oom) == 0)
            b->summary.documents_rechecked++;
        else
            complete = 0;
    }
    /* written to the stage; cached under the key only when every document
     * took part, else the next run tries again */
    char *staged = sl_path_join(b->stage_dir, "across.csv");
    FILE *f = staged && !oom ? fopen(staged, "wb") : NULL;
    solieu_status st = oom || !staged ? SOLIEU_ERR_NOMEM : f ? SOLIEU_OK : SOLIEU_ERR_IO;
    if (st == SOLIEU_OK)
        st = write_across(b, checker, f, &rows, &failed);
    if (f && sl_close_synced(f) != 0 && st == SOLIEU_OK)
        st = SOLIEU_ERR_IO;
    solieu_checker_destroy(checker);
    if (st == SOLIEU_OK) {
        b->summary.checks += rows;
        b->summary.checks_failed += failed;
        char *slash = strrchr(*path, '/');
        *slash = '\0';
        int dir_ok = sl_mkdir_p(*path) == 0;
        *slash = '/';
        if (!complete || !dir_ok || rename(staged, *path) != 0) {
            free(*path);
            *path = staged;
            staged = NULL;
        }
    } else if (st == SOLIEU_ERR_IO) {
        *error = sl_printf("%s: cannot write: %s", staged, strerror(errno));
    }
    free(staged);
    return st;
}
