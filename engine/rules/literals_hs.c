/* The literal search on Hyperscan, when the engine is built with it
 * (Debian libhyperscan-dev, x86-64): its multi-literal matcher reads text
 * several times faster than the pair-bitmap scan in triggers.c, which stays
 * as the search everywhere else. Both report the same words at the same
 * places (tests/unit/test_rules.c compares them). */
#include <stdlib.h>
#include <string.h>

#include "rules/triggers.h"

#ifdef SOLIEU_HAVE_HYPERSCAN
#include <hs/hs.h>

struct sl_literal_scratch {
    hs_scratch_t *hs;
};

int sl_literals_hs_build(sl_triggers *t)
{
    t->hs_db = NULL;
    size_t n = t->words.len;
    if (n == 0)
        return 0;
    /* A word's first byte matches in either ASCII case, the rest exactly:
     * Hyperscan is asked for the words with ASCII case ignored (its
     * caseless mode folds ASCII only) and on_word keeps the exact ones. */
    const char **texts = sl_calloc(n, sizeof *texts);
    size_t *lens = sl_calloc(n, sizeof *lens);
    unsigned *ids = sl_calloc(n, sizeof *ids);
    unsigned *flags = sl_calloc(n, sizeof *flags);
    int rc = -1;
    if (texts && lens && ids && flags) {
        for (size_t k = 0; k < n; k++) {
            const sl_trigger_word *w = sl_vec_at(&t->words, k);
            texts[k] = w->text;
            lens[k] = w->len;
            ids[k] = (unsigned)k;
            flags[k] = HS_FLAG_CASELESS;
        }
        hs_compile_error_t *error = NULL;
        if (hs_compile_lit_multi(texts, flags, ids, lens, (unsigned)n, HS_MODE_BLOCK, NULL,
                                 &t->hs_db, &error) != HS_SUCCESS) {
            /* no fast search (an old CPU, say): the scan still finds them all */
            hs_free_compile_error(error);
            t->hs_db = NULL;
        }
        rc = 0;
    }
    free(texts);
    free(lens);
    free(ids);
    free(flags);
    return rc;
}

void sl_literals_hs_free(sl_triggers *t)
{
    hs_free_database(t->hs_db);
    t->hs_db = NULL;
}

sl_literal_scratch *sl_literal_scratch_create(const sl_triggers *const *searches, size_t n)
{
    sl_literal_scratch *s = sl_calloc(1, sizeof *s);
    if (!s)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        /* one scratch grows to serve every database it is allocated for */
        if (searches[i]->hs_db && hs_alloc_scratch(searches[i]->hs_db, &s->hs) != HS_SUCCESS) {
            sl_literal_scratch_destroy(s);
            return NULL;
        }
    }
    if (!s->hs) {
        free(s);
        return NULL;
    }
    return s;
}

void sl_literal_scratch_destroy(sl_literal_scratch *s)
{
    if (!s)
        return;
    hs_free_scratch(s->hs);
    free(s);
}

typedef struct found {
    const sl_triggers *t;
    const char *text;
    sl_vec *triggers, *openings;
    size_t first[2]; /* where this search's hits start in each */
    int oom;
} found;

static int on_word(unsigned int id, unsigned long long from, unsigned long long to,
                   unsigned int flags, void *context)
{
    (void)from; /* not tracked without HS_FLAG_SOM_LEFTMOST: the length gives it */
    (void)flags;
    found *f = context;
    const sl_trigger_word *w = sl_vec_at(&f->t->words, id);
    size_t pos = (size_t)to - w->len;
    /* found with ASCII case ignored: the bytes after the first (and a
     * one-byte word's only byte) must be as written */
    if (w->len == 1 ? f->text[pos] != w->text[0]
                    : memcmp(f->text + pos + 1, w->text + 1, w->len - 1) != 0)
        return 0;
    size_t had[2] = {f->triggers->len, f->openings->len};
    if (sl_trigger_push(f->t, pos, id, f->triggers, f->openings) != 0) {
        f->oom = 1;
        return 1; /* stop */
    }
    /* matches come by where they end; a word that starts before the last
     * ones found is moved back among them (a few places at most: words are
     * short) */
    sl_vec *lists[2] = {f->triggers, f->openings};
    for (size_t l = 0; l < 2; l++) {
        if (lists[l]->len == had[l])
            continue;
        sl_trigger_hit *hits = lists[l]->items;
        for (size_t k = lists[l]->len - 1; k > f->first[l] && hits[k - 1].pos > hits[k].pos; k--) {
            sl_trigger_hit moved = hits[k];
            hits[k] = hits[k - 1];
            hits[k - 1] = moved;
        }
    }
    return 0;
}

int sl_literals_hs_find(const sl_triggers *t, sl_literal_scratch *s, const char *text, size_t len,
                        sl_vec *triggers, sl_vec *openings)
{
    found f = {t, text, triggers, openings, {triggers->len, openings->len}, 0};
    hs_error_t rc =
        len ? hs_scan(t->hs_db, text, (unsigned int)len, 0, s->hs, on_word, &f) : HS_SUCCESS;
    if (f.oom)
        return -1;
    if (rc != HS_SUCCESS) {
        /* Hyperscan could not search (it says why only in a code): forget
         * what it found, and let the scan do it */
        triggers->len = f.first[0];
        openings->len = f.first[1];
        return 1;
    }
    return 0;
}

#else /* without Hyperscan: the scan in triggers.c does all the searching */

int sl_literals_hs_build(sl_triggers *t)
{
    t->hs_db = NULL;
    return 0;
}

void sl_literals_hs_free(sl_triggers *t)
{
    (void)t;
}

sl_literal_scratch *sl_literal_scratch_create(const sl_triggers *const *searches, size_t n)
{
    (void)searches;
    (void)n;
    return NULL;
}

void sl_literal_scratch_destroy(sl_literal_scratch *s)
{
    (void)s;
}

int sl_literals_hs_find(const sl_triggers *t, sl_literal_scratch *s, const char *text, size_t len,
                        sl_vec *triggers, sl_vec *openings)
{
    (void)t;
    (void)s;
    (void)text;
    (void)len;
    (void)triggers;
    (void)openings;
    return 1;
}

#endif
