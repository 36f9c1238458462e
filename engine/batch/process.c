/* The work on each document that changed: read it once, hash it, and —
 * when its fragment key is new — extract, check and write its fragments.
 * Worker threads share the rule set and each own one extractor. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <solieu/limits.h>

#include "batch/batch_internal.h"

/* A failure of this document. `keep` when it depends on the content alone,
 * so the state may remember it and the next run need not read the file. */
static void fail(sl_doc *d, const char *stage, char *message, int keep)
{
    sl_record_free(&d->cur);
    d->cur.status = SL_DOC_FAILED;
    d->cur.stage = sl_strdup(stage);
    d->cur.message = message;
    d->keep = keep && d->cur.stage && message;
    d->done = 1;
}

static void fail_errno(sl_doc *d, const char *stage, int err)
{
    if (err == ENOENT)
        fail(d, stage,
             sl_printf("%s: vanished after the walk listed it (%s)", d->path, strerror(err)), 0);
    else
        fail(d, stage, sl_printf("%s: %s", d->path, strerror(err)), 0);
}

/* Reads the whole file through one descriptor, so that the stat kept is the
 * stat of the bytes hashed. Returns 0, or -1 after recording the failure. */
static int read_whole(sl_doc *d, char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    /* O_NONBLOCK: a FIFO put where a report was must not hang the run */
    int fd = open(d->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        fail_errno(d, "read", errno);
        return -1;
    }
    struct stat sb;
    if (fstat(fd, &sb) != 0) {
        fail_errno(d, "read", errno);
        close(fd);
        return -1;
    }
    if (!S_ISREG(sb.st_mode)) {
        fail(d, "read", sl_printf("%s: not a regular file", d->path), 0);
        close(fd);
        return -1;
    }
    if ((unsigned long long)sb.st_size > SOLIEU_MAX_DOCUMENT_BYTES) {
        fail(d, "document",
             sl_printf("%s: %lld bytes, over the limit of %u bytes", d->path, (long long)sb.st_size,
                       SOLIEU_MAX_DOCUMENT_BYTES),
             0);
        close(fd);
        return -1;
    }
    d->cur.st.size = (unsigned long long)sb.st_size;
    d->cur.st.ino = (unsigned long long)sb.st_ino;
    d->cur.st.mtime_s = (long long)sb.st_mtim.tv_sec;
    d->cur.st.mtime_ns = sb.st_mtim.tv_nsec;
    d->cur.st.ctime_s = (long long)sb.st_ctim.tv_sec;
    d->cur.st.ctime_ns = sb.st_ctim.tv_nsec;
    d->cur.trusted = (long long)sb.st_mtim.tv_sec + SL_RACY_SECONDS < (long long)time(NULL);

    /* the file may still grow while we read: read to EOF, within the cap */
    size_t cap = (size_t)sb.st_size + 1, n = 0;
    char *buf = sl_malloc(cap + 1);
    int err = 0;
    while (buf) {
        if (n == cap) {
            if (cap > SOLIEU_MAX_DOCUMENT_BYTES)
                break;
            size_t grown =
                cap * 2 > SOLIEU_MAX_DOCUMENT_BYTES + 1 ? SOLIEU_MAX_DOCUMENT_BYTES + 1 : cap * 2;
            char *p = sl_realloc(buf, grown + 1);
            if (!p) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = p;
            cap = grown;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            err = errno;
            break;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    close(fd);
    d->read = 1;
    if (!buf) {
        fail(d, "read", sl_printf("%s: out of memory", d->path), 0);
        return -1;
    }
    if (err) {
        free(buf);
        fail_errno(d, "read", err);
        return -1;
    }
    if (n > SOLIEU_MAX_DOCUMENT_BYTES) {
        free(buf);
        fail(d, "document",
             sl_printf("%s: over the limit of %u bytes", d->path, SOLIEU_MAX_DOCUMENT_BYTES), 0);
        return -1;
    }
    buf[n] = '\0';
    d->cur.st.size = n;
    *data = buf;
    *len = n;
    return 0;
}

/* 1-based number and length of the longest line. */
static size_t longest_line(const char *data, size_t len, size_t *line)
{
    size_t best = 0, at = 1, lineno = 1;
    const char *p = data, *end = data + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = (size_t)((nl ? nl : end) - p);
        if (n > best) {
            best = n;
            at = lineno;
        }
        lineno++;
        p = nl ? nl + 1 : end;
    }
    *line = at;
    return best;
}

/* Writes one fragment: a CSV with its header, to a temporary name first so
 * a killed run never leaves a torn fragment under its final name. */
typedef solieu_status (*fragment_fn)(solieu_csv_writer *w, void *ctx);

static solieu_status write_fragment(solieu_batch *b, uint64_t key, const char *kind,
                                    fragment_fn fill, void *ctx, unsigned long long *bytes)
{
    char *final = sl_fragment_path(b, key, kind);
    char *tmp = final ? sl_printf("%s.tmp-XXXXXX", final) : NULL;
    if (!tmp) {
        free(final);
        sl_batch_fail(b, SOLIEU_ERR_NOMEM, NULL);
        return SOLIEU_ERR_NOMEM;
    }
    /* the shard directory: fragments/xx/ */
    char *slash = strrchr(final, '/');
    *slash = '\0';
    int dir_ok = sl_mkdir_p(final) == 0;
    int err = errno;
    *slash = '/';
    int fd = dir_ok ? mkstemp(tmp) : -1;
    if (fd >= 0)
        err = 0;
    else if (dir_ok)
        err = errno;
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (fd >= 0 && !f) {
        err = errno;
        close(fd);
    }
    solieu_status st = SOLIEU_ERR_IO;
    if (f) {
        (void)fchmod(fileno(f), 0644);
        solieu_csv_writer *w = solieu_csv_writer_create(f, 0);
        st = w ? fill(w, ctx) : SOLIEU_ERR_NOMEM;
        solieu_csv_writer_destroy(w);
        long size = ftell(f);
        if (fflush(f) != 0 || ferror(f) || size < 0) {
            err = errno;
            if (st == SOLIEU_OK)
                st = SOLIEU_ERR_IO;
        }
        if (fclose(f) != 0 && st == SOLIEU_OK) {
            err = errno;
            st = SOLIEU_ERR_IO;
        }
        *bytes = size < 0 ? 0 : (unsigned long long)size;
        if (st == SOLIEU_OK && rename(tmp, final) != 0) {
            err = errno;
            st = SOLIEU_ERR_IO;
        }
        if (st != SOLIEU_OK)
            unlink(tmp);
    }
    if (st != SOLIEU_OK)
        sl_batch_fail(b, st,
                      st == SOLIEU_ERR_NOMEM
                          ? NULL
                          : sl_printf("%s: cannot write: %s", final, strerror(err ? err : EIO)));
    free(tmp);
    free(final);
    return st;
}

typedef struct facts_ctx {
    const solieu_facts *facts;
    const solieu_document *doc;
} facts_ctx;

static solieu_status fill_facts(solieu_csv_writer *w, void *ctx)
{
    facts_ctx *c = ctx;
    solieu_status st = solieu_facts_write_header(w);
    return st == SOLIEU_OK ? solieu_facts_write(w, c->facts, c->doc) : st;
}

static solieu_status fill_checks(solieu_csv_writer *w, void *ctx)
{
    return solieu_checker_write(ctx, w);
}

static solieu_status fill_citations(solieu_csv_writer *w, void *ctx)
{
    return solieu_checker_write_citations(ctx, w);
}

/* Sets the warnings of the extraction (one per line) as the record's. */
static void take_warnings(sl_doc *d, const char *warnings)
{
    size_t n = strlen(warnings);
    while (n && warnings[n - 1] == '\n')
        n--;
    if (!n)
        return;
    d->cur.status = SL_DOC_WARN;
    d->cur.stage = sl_strdup("extract");
    d->cur.message = sl_strndup(warnings, n);
    if (!d->cur.stage || !d->cur.message)
        d->keep = 0;
}

/* Extracts and checks a document read into memory, and writes its fragments. */
static void extract_one(solieu_batch *b, solieu_extractor *ex, sl_doc *d, const char *data,
                        size_t len)
{
    size_t line;
    size_t longest = longest_line(data, len, &line);
    if (b->max_line_bytes && longest > b->max_line_bytes) {
        fail(d, "document",
             sl_printf("%s:%zu: line of %zu bytes, over the limit of %zu (extraction time grows "
                       "with the square of a paragraph's length; split the text into lines)",
                       d->path, line, longest, b->max_line_bytes),
             1);
        return;
    }
    solieu_document *doc = NULL;
    solieu_facts *facts = NULL;
    solieu_checker *checker = NULL;
    char *error = NULL;
    solieu_status st = solieu_document_from_memory(d->path, data, len, &doc, &error);
    if (st != SOLIEU_OK) {
        fail(d, "document", error ? error : sl_printf("%s: %s", d->path, solieu_strerror(st)),
             st != SOLIEU_ERR_NOMEM);
        return;
    }
    st = solieu_extract(ex, doc, &facts, &error);
    if (st != SOLIEU_OK) {
        fail(d, "extract", error ? error : sl_printf("%s: %s", d->path, solieu_strerror(st)),
             st != SOLIEU_ERR_NOMEM);
        solieu_document_destroy(doc);
        return;
    }
    d->keep = 1;
    d->extracted = 1;
    d->cur.status = SL_DOC_OK;
    take_warnings(d, solieu_extractor_warnings(ex));
    d->cur.facts = solieu_facts_count(facts);
    checker = solieu_checker_create(b->rules);
    st = checker ? solieu_checker_add(checker, doc, facts) : SOLIEU_ERR_NOMEM;
    if (st != SOLIEU_OK) {
        /* the facts stand; the checks are retried next run (not kept) */
        char *message = sl_printf("%s%s%s: checks: %s", d->cur.message ? d->cur.message : "",
                                  d->cur.message ? "\n" : "", d->path, solieu_strerror(st));
        free(d->cur.message);
        d->cur.message = message;
        if (!d->cur.stage)
            d->cur.stage = sl_strdup("check");
        d->cur.status = SL_DOC_WARN;
        d->keep = 0;
        solieu_checker_destroy(checker);
        checker = solieu_checker_create(b->rules); /* empty: header only */
    }
    if (checker)
        d->cur.checks = solieu_checker_rows(checker, &d->cur.checks_failed);
    facts_ctx fc = {facts, doc};
    if (!checker)
        sl_batch_fail(b, SOLIEU_ERR_NOMEM, NULL);
    else if (write_fragment(b, d->cur.key, "facts", fill_facts, &fc, &d->cur.facts_bytes) ==
                 SOLIEU_OK &&
             write_fragment(b, d->cur.key, "checks", fill_checks, checker, &d->cur.checks_bytes) ==
                 SOLIEU_OK &&
             st == SOLIEU_OK) {
        /* for the cross-document check of a later run; without it (checks
         * failed here) that run reads the document */
        unsigned long long bytes;
        write_fragment(b, d->cur.key, "citations", fill_citations, checker, &bytes);
    }
    d->done = 1;
    solieu_checker_destroy(checker);
    solieu_facts_destroy(facts);
    solieu_document_destroy(doc);
}

static void process_one(solieu_batch *b, solieu_extractor *ex, sl_doc *d)
{
    char *data;
    size_t len;
    if (read_whole(d, &data, &len) != 0)
        return;
    d->cur.hash = sl_fnv1a64(SL_FNV_OFFSET, data, len);
    d->cur.key = sl_batch_key(b, d->path, d->cur.hash);
    const sl_record *prev = d->prev ? &d->prev->rec : NULL;
    if (prev && prev->key == d->cur.key && sl_fragments_ok(b, prev)) {
        /* touched, copied back, or stat untrusted: same bytes, same facts */
        sl_record fresh = d->cur;
        if (sl_record_copy(&d->cur, prev) != 0) {
            d->cur = fresh;
            fail(d, "read", sl_printf("%s: out of memory", d->path), 0);
        } else {
            d->cur.st = fresh.st;
            d->cur.trusted = fresh.trusted;
            d->keep = 1;
            d->done = 1;
        }
    } else {
        extract_one(b, ex, d, data, len);
    }
    free(data);
}

/* Progress after one document; called without the lock. */
static void report(solieu_batch *b, const sl_doc *d)
{
    pthread_mutex_lock(&b->mutex);
    solieu_batch_progress *p = &b->prog;
    p->done++;
    p->bytes_done += d->walk_st.size;
    p->seconds = sl_monotonic_seconds() - b->process_start;
    p->path = d->path;
    p->extracted = d->extracted;
    p->facts = d->cur.facts;
    p->stage = d->cur.status != SL_DOC_OK ? d->cur.stage : NULL;
    p->message = d->cur.status != SL_DOC_OK ? d->cur.message : NULL;
    if (b->progress)
        b->progress(p, b->progress_user);
    pthread_mutex_unlock(&b->mutex);
}

static void *worker(void *arg)
{
    solieu_batch *b = arg;
    solieu_extractor *ex = solieu_extractor_create(b->rules);
    if (!ex) {
        sl_batch_fail(b, SOLIEU_ERR_NOMEM, NULL);
        return NULL;
    }
    for (;;) {
        pthread_mutex_lock(&b->mutex);
        int stop = b->fatal != SOLIEU_OK || b->next >= b->queue_len;
        size_t index = stop ? 0 : b->queue[b->next++];
        pthread_mutex_unlock(&b->mutex);
        if (stop)
            break;
        sl_doc *d = sl_vec_at(&b->docs, index);
        process_one(b, ex, d);
        report(b, d);
    }
    solieu_extractor_destroy(ex);
    return NULL;
}

solieu_status sl_process_queue(solieu_batch *b)
{
    b->queue = sl_calloc(b->docs.len + 1, sizeof *b->queue);
    if (!b->queue)
        return SOLIEU_ERR_NOMEM;
    b->queue_len = b->next = 0;
    memset(&b->prog, 0, sizeof b->prog);
    b->prog.documents = b->docs.len;
    for (size_t i = 0; i < b->docs.len; i++) {
        sl_doc *d = sl_vec_at(&b->docs, i);
        if (d->done)
            continue;
        b->queue[b->queue_len++] = i;
        b->prog.bytes_total += d->walk_st.size;
    }
    b->prog.to_read = b->queue_len;
    b->process_start = sl_monotonic_seconds();
    if (b->progress)
        b->progress(&b->prog, b->progress_user);

    size_t want = b->threads > 1 ? b->threads : 1;
    if (want > b->queue_len)
        want = b->queue_len;
    pthread_t *ids = want > 1 ? sl_calloc(want, sizeof *ids) : NULL;
    size_t started = 0;
    for (size_t i = 0; ids && i < want; i++) {
        if (pthread_create(&ids[i], NULL, worker, b) != 0)
            break;
        started++;
    }
    if (started == 0)
        worker(b); /* one thread wanted, or none could start: do it here */
    for (size_t i = 0; i < started; i++)
        pthread_join(ids[i], NULL);
    free(ids);
    return b->fatal;
}
