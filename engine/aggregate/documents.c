/* Documents: each attribute is whatever most fact rows of the document say.
 * Counting over all rows (rather than taking the first row seen) is what
 * keeps the answer independent of the order and the split of input files. */
#include <stdlib.h>
#include <string.h>

#include "agg.h"

static int vote_cmp(const void *pa, const void *pb)
{
    const sl_agg_vote *a = pa, *b = pb;
    int c = strcmp(a->doc, b->doc);
    if (c)
        return c;
    if (a->field != b->field)
        return a->field < b->field ? -1 : 1;
    return strcmp(a->value, b->value);
}

typedef struct name_path {
    const char *name, *path;
} name_path;

static int by_name_then_path(const void *pa, const void *pb)
{
    const name_path *a = pa, *b = pb;
    int c = strcmp(a->name, b->name);
    return c ? c : strcmp(a->path, b->path);
}

static int name_cmp(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

solieu_status sl_agg_name_documents(sl_vec *facts, sl_vec *votes)
{
    /* the names that more than one path has, sorted */
    sl_vec pairs, shared;
    sl_vec_init(&pairs, sizeof(name_path));
    sl_vec_init(&shared, sizeof(const char *));
    solieu_status st = SOLIEU_OK;
    for (size_t i = 0; i < facts->len; i++) {
        const sl_agg_fact *f = sl_vec_at(facts, i);
        name_path *p = *f->path ? sl_vec_push(&pairs) : NULL;
        if (*f->path && !p) {
            st = SOLIEU_ERR_NOMEM;
            goto done;
        }
        if (p) {
            p->name = f->name;
            p->path = f->path;
        }
    }
    if (pairs.len)
        qsort(pairs.items, pairs.len, sizeof(name_path), by_name_then_path);
    for (size_t i = 1; i < pairs.len; i++) {
        const name_path *a = sl_vec_at(&pairs, i - 1), *b = sl_vec_at(&pairs, i);
        if (strcmp(a->name, b->name) != 0 || strcmp(a->path, b->path) == 0)
            continue;
        const char **last = shared.len ? sl_vec_at(&shared, shared.len - 1) : NULL;
        if (last && strcmp(*last, a->name) == 0)
            continue;
        const char **slot = sl_vec_push(&shared);
        if (!slot) {
            st = SOLIEU_ERR_NOMEM;
            goto done;
        }
        *slot = a->name;
    }
    for (size_t i = 0; i < facts->len; i++) {
        sl_agg_fact *f = sl_vec_at(facts, i);
        int apart = *f->path && shared.len &&
                    bsearch(f->name, shared.items, shared.len, sizeof(const char *), name_cmp);
        f->doc = apart ? f->path : f->name;
    }
    for (size_t i = 0; i < votes->len; i++) {
        sl_agg_vote *v = sl_vec_at(votes, i);
        int apart = *v->path && shared.len &&
                    bsearch(v->name, shared.items, shared.len, sizeof(const char *), name_cmp);
        v->doc = apart ? v->path : v->name;
    }
done:
    sl_vec_free(&pairs);
    sl_vec_free(&shared);
    return st;
}

solieu_status sl_agg_documents(const sl_vec *facts, const sl_vec *votes, sl_vec *docs)
{
    /* Every fact votes for its entity; an empty entity still records that
     * the document exists. */
    sl_vec all;
    sl_vec_init(&all, sizeof(sl_agg_vote));
    for (size_t i = 0; i < votes->len; i++) {
        sl_agg_vote *v = sl_vec_push(&all);
        if (!v)
            goto nomem;
        *v = *(const sl_agg_vote *)sl_vec_at(votes, i);
    }
    for (size_t i = 0; i < facts->len; i++) {
        const sl_agg_fact *f = sl_vec_at(facts, i);
        sl_agg_vote *v = sl_vec_push(&all);
        if (!v)
            goto nomem;
        v->doc = f->doc;
        v->name = f->name;
        v->path = f->path;
        v->field = SL_DOC_ENTITY;
        v->value = f->entity;
    }
    if (all.len)
        qsort(all.items, all.len, sizeof(sl_agg_vote), vote_cmp);

    sl_agg_doc *cur = NULL;
    size_t best[SL_DOC_NFIELDS];
    for (size_t i = 0; i < all.len;) {
        const sl_agg_vote *v = sl_vec_at(&all, i);
        size_t run = 1;
        while (i + run < all.len && vote_cmp(v, sl_vec_at(&all, i + run)) == 0)
            run++;
        if (!cur || strcmp(cur->doc, v->doc) != 0) {
            cur = sl_vec_push(docs);
            if (!cur)
                goto nomem;
            cur->doc = v->doc;
            for (int k = 0; k < SL_DOC_NFIELDS; k++) {
                cur->field[k] = "";
                best[k] = 0;
            }
        }
        /* Runs come in value order, so '>' keeps the smallest on a tie. */
        if (*v->value && run > best[v->field]) {
            best[v->field] = run;
            cur->field[v->field] = v->value;
        }
        i += run;
    }
    for (size_t i = 0; i < docs->len; i++) {
        sl_agg_doc *d = sl_vec_at(docs, i);
        d->year = sl_agg_year_of_date(d->field[SL_DOC_DATE]);
    }
    sl_vec_free(&all);
    return SOLIEU_OK;

nomem:
    sl_vec_free(&all);
    return SOLIEU_ERR_NOMEM;
}

static int doc_key_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const sl_agg_doc *)elem)->doc);
}

const sl_agg_doc *sl_agg_document_find(const sl_vec *docs, const char *doc)
{
    if (!docs->len)
        return NULL;
    return bsearch(doc, docs->items, docs->len, sizeof(sl_agg_doc), doc_key_cmp);
}
