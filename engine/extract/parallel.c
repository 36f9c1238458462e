/* Documents in parallel, results in order: workers take the next path,
 * extract it with their own extractor into a slot of a small window, and
 * the calling thread hands the slots out in input order. The window bounds
 * memory whatever the number of documents. One worker runs in the calling
 * thread: waking a thread per document cost some 6 % of a run. */
#include <pthread.h>
#include <stdlib.h>

#include "extract/extract_internal.h"

#define SLOTS_PER_WORKER 4

typedef struct slot {
    int ready;
    solieu_status status;
    char *error;
    solieu_document *doc;
    solieu_facts *facts;
    char *warnings;
} slot;

typedef struct pool {
    const solieu_rules *rules;
    const char *const *paths;
    size_t count;
    slot *slots;
    size_t window;
    size_t next;      /* next path to take */
    size_t delivered; /* results handed out so far */
    int stop;
    pthread_mutex_t lock;
    pthread_cond_t changed;
} pool;

static void clear_slot(slot *s)
{
    free(s->error);
    free(s->warnings);
    solieu_facts_destroy(s->facts);
    solieu_document_destroy(s->doc);
    s->error = s->warnings = NULL;
    s->facts = NULL;
    s->doc = NULL;
    s->ready = 0;
}

static slot extract_one(solieu_extractor *ex, const char *path)
{
    slot result = {0};
    if (!ex) {
        result.status = SOLIEU_ERR_NOMEM;
        result.error = sl_printf("%s: out of memory", path);
    } else {
        result.status = solieu_document_load(path, &result.doc, &result.error);
        if (result.status == SOLIEU_OK) {
            result.status = solieu_extract(ex, result.doc, &result.facts, &result.error);
            const char *w = solieu_extractor_warnings(ex);
            result.warnings = *w ? sl_strdup(w) : NULL;
        }
    }
    result.ready = 1;
    return result;
}

/* Hands one result to the caller; returns the callback's wish to stop. */
static int deliver(slot *s, size_t index, const char *path, solieu_doc_result_fn fn, void *user)
{
    solieu_doc_result r = {index,
                           path,
                           s->status,
                           s->error ? s->error : "",
                           s->status == SOLIEU_OK ? s->doc : NULL,
                           s->status == SOLIEU_OK ? s->facts : NULL,
                           s->warnings ? s->warnings : ""};
    return fn(&r, user);
}

/* One worker: no thread, so no hand-over per document. */
static solieu_status extract_in_turn(const solieu_rules *rules, const char *const *paths,
                                     size_t count, solieu_doc_result_fn fn, void *user)
{
    solieu_extractor *ex = solieu_extractor_create(rules);
    solieu_status status = SOLIEU_OK;
    for (size_t i = 0; i < count; i++) {
        slot s = extract_one(ex, paths[i]);
        int stop = deliver(&s, i, paths[i], fn, user);
        clear_slot(&s);
        if (stop) {
            status = SOLIEU_ERR_USAGE;
            break;
        }
    }
    solieu_extractor_destroy(ex);
    return status;
}

static void *work(void *arg)
{
    pool *p = arg;
    solieu_extractor *ex = solieu_extractor_create(p->rules);
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (!p->stop && p->next < p->count && p->next >= p->delivered + p->window)
            pthread_cond_wait(&p->changed, &p->lock);
        if (p->stop || p->next >= p->count) {
            pthread_mutex_unlock(&p->lock);
            break;
        }
        size_t i = p->next++;
        pthread_mutex_unlock(&p->lock);

        slot result = extract_one(ex, p->paths[i]);
        pthread_mutex_lock(&p->lock);
        p->slots[i % p->window] = result;
        pthread_cond_broadcast(&p->changed);
        pthread_mutex_unlock(&p->lock);
    }
    solieu_extractor_destroy(ex);
    return NULL;
}

solieu_status solieu_extract_paths(const solieu_rules *rules, const char *const *paths,
                                   size_t count, unsigned threads, solieu_doc_result_fn fn,
                                   void *user)
{
    if (threads < 1)
        threads = 1;
    if (threads > 64)
        threads = 64;
    if (threads == 1)
        return extract_in_turn(rules, paths, count, fn, user);
    pool p = {rules, paths, count, NULL, threads * SLOTS_PER_WORKER, 0, 0, 0,
              PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER};
    p.slots = sl_calloc(p.window, sizeof *p.slots);
    pthread_t *workers = sl_calloc(threads, sizeof *workers);
    if (!p.slots || !workers) {
        free(p.slots);
        free(workers);
        return SOLIEU_ERR_NOMEM;
    }
    unsigned started = 0;
    for (; started < threads; started++)
        if (pthread_create(&workers[started], NULL, work, &p) != 0)
            break;
    solieu_status status = started ? SOLIEU_OK : SOLIEU_ERR_NOMEM;
    for (size_t i = 0; started && i < count; i++) {
        slot *s = &p.slots[i % p.window];
        pthread_mutex_lock(&p.lock);
        while (!s->ready)
            pthread_cond_wait(&p.changed, &p.lock);
        pthread_mutex_unlock(&p.lock);
        int stop = deliver(s, i, paths[i], fn, user);
        pthread_mutex_lock(&p.lock);
        clear_slot(s);
        p.delivered = i + 1;
        p.stop = stop;
        pthread_cond_broadcast(&p.changed);
        pthread_mutex_unlock(&p.lock);
        if (stop) {
            status = SOLIEU_ERR_USAGE;
            break;
        }
    }
    pthread_mutex_lock(&p.lock);
    p.stop = 1;
    pthread_cond_broadcast(&p.changed);
    pthread_mutex_unlock(&p.lock);
    for (unsigned t = 0; t < started; t++)
        pthread_join(workers[t], NULL);
    for (size_t k = 0; k < p.window; k++)
        clear_slot(&p.slots[k]);
    free(p.slots);
    free(workers);
    pthread_mutex_destroy(&p.lock);
    pthread_cond_destroy(&p.changed);
    return status;
}
