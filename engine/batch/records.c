/* The small records of a run: outcomes, documents, error rows. */
#include <stdlib.h>
#include <string.h>

#include "batch/batch_internal.h"

void sl_record_free(sl_record *r)
{
    free(r->stage);
    free(r->message);
    r->stage = r->message = NULL;
}

int sl_record_copy(sl_record *dst, const sl_record *src)
{
    *dst = *src;
    dst->stage = src->stage ? sl_strdup(src->stage) : NULL;
    dst->message = src->message ? sl_strdup(src->message) : NULL;
    if ((src->stage && !dst->stage) || (src->message && !dst->message)) {
        sl_record_free(dst);
        return -1;
    }
    return 0;
}

void sl_docs_free(sl_vec *docs)
{
    for (size_t i = 0; i < docs->len; i++) {
        sl_doc *d = sl_vec_at(docs, i);
        free(d->rel);
        free(d->path);
        sl_record_free(&d->cur);
    }
    sl_vec_free(docs);
}

int sl_error_row_add(sl_vec *rows, const char *path, const char *stage, const char *message)
{
    sl_error_row *r = sl_vec_push(rows);
    if (!r)
        return -1;
    r->path = sl_strdup(path);
    r->stage = sl_strdup(stage);
    r->message = sl_strdup(message);
    return r->path && r->stage && r->message ? 0 : -1;
}

void sl_error_rows_free(sl_vec *rows)
{
    for (size_t i = 0; i < rows->len; i++) {
        sl_error_row *r = sl_vec_at(rows, i);
        free(r->path);
        free(r->stage);
        free(r->message);
    }
    sl_vec_free(rows);
}

int sl_stat_equal(const sl_stat *a, const sl_stat *b)
{
    return a->size == b->size && a->ino == b->ino && a->mtime_s == b->mtime_s &&
           a->mtime_ns == b->mtime_ns && a->ctime_s == b->ctime_s && a->ctime_ns == b->ctime_ns;
}
