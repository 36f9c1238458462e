/* solieu_batch: one run over a directory of reports (see solieu/batch.h).
 *
 *   lock → finish a commit a killed run left, clear its stage → load the
 *   state → walk → reuse what did not change → read, extract, check the rest
 *   (threads) → write every output into the stage directory → commit: rename
 *   the stage to commit/, then each file into place → drop unused fragments
 *   → unlock */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/batch_internal.h"

solieu_status solieu_batch_create(const solieu_rules *rules, const char *input_dir,
                                  const char *out_dir, solieu_batch **out, char **error)
{
    *out = NULL;
    if (error)
        *error = NULL;
    if (!rules || !input_dir || !*input_dir || !out_dir || !*out_dir) {
        if (error)
            *error = sl_printf("solieu_batch_create: rules, an input and an output directory "
                               "are needed");
        return SOLIEU_ERR_USAGE;
    }
    solieu_batch *b = sl_calloc(1, sizeof *b);
    if (!b)
        return SOLIEU_ERR_NOMEM;
    b->rules = rules;
    b->threads = 1;
    b->max_line_bytes = SOLIEU_BATCH_MAX_LINE_BYTES;
    sl_vec_init(&b->docs, sizeof(sl_doc));
    sl_vec_init(&b->errors, sizeof(sl_error_row));
    pthread_mutex_init(&b->mutex, NULL);
    /* "in/" and "in" are the same archive: the paths in facts must agree */
    b->input_dir = sl_strdup(input_dir);
    if (b->input_dir) {
        size_t n = strlen(b->input_dir);
        while (n > 1 && b->input_dir[n - 1] == '/')
            b->input_dir[--n] = '\0';
    }
    b->out_dir = sl_strdup(out_dir);
    b->state_dir = sl_path_join(out_dir, SL_STATE_DIR);
    b->fragment_dir = b->state_dir ? sl_path_join(b->state_dir, SL_FRAGMENT_DIR) : NULL;
    b->stage_dir =
        b->state_dir ? sl_printf("%s/%s%ld", b->state_dir, SL_STAGE_PREFIX, (long)getpid()) : NULL;
    if (!b->input_dir || !b->out_dir || !b->state_dir || !b->fragment_dir || !b->stage_dir) {
        solieu_batch_destroy(b);
        return SOLIEU_ERR_NOMEM;
    }
    *out = b;
    return SOLIEU_OK;
}

void solieu_batch_destroy(solieu_batch *b)
{
    if (!b)
        return;
    sl_docs_free(&b->docs);
    sl_error_rows_free(&b->errors);
    sl_state_free(&b->state);
    pthread_mutex_destroy(&b->mutex);
    free(b->queue);
    free(b->fatal_message);
    free(b->state_warning);
    free(b->input_dir);
    free(b->out_dir);
    free(b->state_dir);
    free(b->fragment_dir);
    free(b->stage_dir);
    free(b);
}

void solieu_batch_set_threads(solieu_batch *b, unsigned threads)
{
    b->threads = threads ? threads : 1;
}

void solieu_batch_set_max_line_bytes(solieu_batch *b, size_t max)
{
    b->max_line_bytes = max;
}

void solieu_batch_set_progress(solieu_batch *b, solieu_batch_progress_fn fn, void *user)
{
    b->progress = fn;
    b->progress_user = user;
}

const solieu_batch_summary *solieu_batch_summary_get(const solieu_batch *b)
{
    return &b->summary;
}

void sl_batch_fail(solieu_batch *b, solieu_status st, char *message)
{
    pthread_mutex_lock(&b->mutex);
    if (b->fatal == SOLIEU_OK) {
        b->fatal = st;
        b->fatal_message = message;
        message = NULL;
    }
    pthread_mutex_unlock(&b->mutex);
    free(message);
}

/* The key hashes its parts with NUL separators, the content hash as eight
 * bytes in a fixed order, so it is the same on every machine. */
uint64_t sl_batch_key(const solieu_batch *b, const char *path, uint64_t hash)
{
    unsigned char bytes[8];
    for (int i = 0; i < 8; i++)
        bytes[i] = (unsigned char)(hash >> (8 * i));
    uint64_t h = sl_fnv1a64(b->key_seed, path, strlen(path) + 1);
    return sl_fnv1a64(h, bytes, sizeof bytes);
}

char *sl_fragment_path(const solieu_batch *b, uint64_t key, const char *kind)
{
    char hex[17];
    sl_hex64(key, hex);
    /* 256 shards keep directories small for archives of 100 000 reports */
    return sl_printf("%s/%.2s/%s.%s.csv", b->fragment_dir, hex, hex, kind);
}

static int fragment_size_is(const solieu_batch *b, uint64_t key, const char *kind,
                            unsigned long long size)
{
    char *path = sl_fragment_path(b, key, kind);
    struct stat st;
    int ok = path && stat(path, &st) == 0 && (unsigned long long)st.st_size == size;
    free(path);
    return ok;
}

int sl_fragments_ok(const solieu_batch *b, const sl_record *rec)
{
    /* fragments are not fsynced one by one; their size, kept in the state,
     * tells a torn one (after a power cut) from a whole one */
    return rec->status == SL_DOC_FAILED ||
           (fragment_size_is(b, rec->key, "facts", rec->facts_bytes) &&
            fragment_size_is(b, rec->key, "checks", rec->checks_bytes));
}

/* Removes the stage directories of runs that were killed (we hold the lock,
 * so none of them is still running). */
static void clear_stages(solieu_batch *b)
{
    DIR *d = opendir(b->state_dir);
    struct dirent *e;
    size_t n = strlen(SL_STAGE_PREFIX);
    while (d && (e = readdir(d))) {
        if (strncmp(e->d_name, SL_STAGE_PREFIX, n) != 0)
            continue;
        char *path = sl_path_join(b->state_dir, e->d_name);
        if (path)
            sl_remove_tree(path);
        free(path);
    }
    if (d)
        closedir(d);
}

/* Decides, from stat alone, which documents keep their previous outcome. */
static solieu_status reuse_unchanged(solieu_batch *b)
{
    for (size_t i = 0; i < b->docs.len; i++) {
        sl_doc *d = sl_vec_at(&b->docs, i);
        d->prev = sl_state_find(&b->state, d->rel);
        if (!d->prev)
            continue;
        const sl_record *prev = &d->prev->rec;
        if (!prev->trusted || !sl_stat_equal(&prev->st, &d->walk_st) ||
            sl_batch_key(b, d->path, prev->hash) != prev->key || !sl_fragments_ok(b, prev))
            continue;
        if (sl_record_copy(&d->cur, prev) != 0)
            return SOLIEU_ERR_NOMEM;
        d->done = d->keep = d->reused = 1;
    }
    size_t removed = 0;
    for (size_t i = 0; i < b->state.n; i++) {
        const char *rel = b->state.rows[i].rel;
        int found = 0;
        /* docs are sorted by rel too */
        size_t lo = 0, hi = b->docs.len;
        while (lo < hi && !found) {
            size_t mid = lo + (hi - lo) / 2;
            int c = strcmp(rel, ((sl_doc *)sl_vec_at(&b->docs, mid))->rel);
            if (c == 0)
                found = 1;
            else if (c < 0)
                hi = mid;
            else
                lo = mid + 1;
        }
        removed += !found;
    }
    b->summary.documents_removed = removed;
    return SOLIEU_OK;
}

static solieu_status dir_error(const char *path, const char *what, char **error)
{
    *error = sl_printf("%s: %s: %s", path, what, strerror(errno));
    return SOLIEU_ERR_IO;
}

static void seed_key(solieu_batch *b)
{
    char limit[32];
    snprintf(limit, sizeof limit, "%zu", b->max_line_bytes);
    const char *parts[] = {"solieu-batch-1", solieu_version(), solieu_rules_digest(b->rules),
                           limit};
    uint64_t h = SL_FNV_OFFSET;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        h = sl_fnv1a64(h, parts[i], strlen(parts[i]) + 1);
    b->key_seed = h;
}

/* Everything between taking the lock and releasing it. */
static solieu_status run_locked(solieu_batch *b, char **error)
{
    solieu_status st = sl_finish_commit(b, error);
    if (st != SOLIEU_OK)
        return st;
    clear_stages(b);
    if (mkdir(b->stage_dir, 0755) != 0)
        return dir_error(b->stage_dir, "cannot create", error);
    if (sl_mkdir_p(b->fragment_dir) != 0)
        return dir_error(b->fragment_dir, "cannot create", error);
    char *state_path = sl_path_join(b->state_dir, SL_STATE_FILE);
    if (!state_path)
        return SOLIEU_ERR_NOMEM;
    st = sl_state_load(state_path, &b->state, &b->state_warning);
    free(state_path);
    if (st != SOLIEU_OK)
        return st;

    double t = sl_monotonic_seconds();
    st = sl_walk(b->input_dir, b->out_dir, &b->docs, &b->errors, error);
    if (st == SOLIEU_OK)
        st = reuse_unchanged(b);
    b->summary.documents = b->docs.len;
    b->summary.seconds_walk = sl_monotonic_seconds() - t;
    if (st != SOLIEU_OK)
        return st;

    st = sl_process_queue(b);
    b->summary.seconds_process = sl_monotonic_seconds() - b->process_start;
    if (st != SOLIEU_OK) {
        *error = b->fatal_message;
        b->fatal_message = NULL;
        return st;
    }
    b->output_start = sl_monotonic_seconds();
    st = sl_write_outputs(b, error);
    if (st == SOLIEU_OK)
        st = sl_commit_outputs(b, error);
    b->summary.seconds_output = sl_monotonic_seconds() - b->output_start;
    if (st == SOLIEU_OK)
        sl_collect_fragments(b);
    return st;
}

solieu_status solieu_batch_run(solieu_batch *b, char **error)
{
    char *message = NULL;
    if (error)
        *error = NULL;
    if (b->ran) {
        if (error)
            *error = sl_printf("solieu_batch_run: a batch runs once; create another");
        return SOLIEU_ERR_USAGE;
    }
    b->ran = 1;
    b->run_start = sl_monotonic_seconds();
    seed_key(b);
    const char *unusable = sl_mkdir_p(b->out_dir) != 0     ? b->out_dir
                           : sl_mkdir_p(b->state_dir) != 0 ? b->state_dir
                                                           : NULL;
    if (unusable) {
        solieu_status st = dir_error(unusable, "cannot create", &message);
        if (error)
            *error = message;
        else
            free(message);
        return st;
    }
    sl_lock lock;
    solieu_status st = sl_lock_acquire(&lock, b->state_dir, &message);
    if (st == SOLIEU_OK) {
        b->stale_lock_pid = lock.stale_pid;
        st = run_locked(b, &message);
        sl_remove_tree(b->stage_dir);
        sl_lock_release(&lock);
    }
    b->summary.seconds_total = sl_monotonic_seconds() - b->run_start;
    if (st != SOLIEU_OK && !message)
        message = sl_printf("%s: %s", b->out_dir, solieu_strerror(st));
    if (error)
        *error = message;
    else
        free(message);
    return st;
}
