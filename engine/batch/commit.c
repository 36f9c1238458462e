/* The commit of a run's outputs, and the collection of unused fragments.
 *
 * The stage directory (OUT/.solieu-state/run-PID/), complete and flushed, is
 * renamed to .solieu-state/commit — the commit point — and its files renamed
 * into OUT one by one: data files first, run.json last, the state after it.
 * A run killed before the commit point leaves the previous outputs; one
 * killed after it is finished by the next run (sl_finish_commit). */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/batch_internal.h"

/* Moves what is left in the commit directory into place: the outputs, then
 * the state, then removes it. A file already gone was moved by an earlier,
 * interrupted attempt. */
static solieu_status roll_forward(solieu_batch *b, const char *commit, char **error)
{
    solieu_status st = SOLIEU_OK;
    for (size_t i = 0; i <= SL_N_OUTPUTS && st == SOLIEU_OK; i++) {
        /* the outputs in order (run.json last), then the state */
        const char *name = i < SL_N_OUTPUTS ? sl_outputs[i] : SL_STATE_FILE;
        const char *dir = i < SL_N_OUTPUTS ? b->out_dir : b->state_dir;
        if (i == SL_N_OUTPUTS)
            sl_fsync_dir(b->out_dir);
        char *from = sl_path_join(commit, name);
        char *to = sl_path_join(dir, name);
        if (!from || !to)
            st = SOLIEU_ERR_NOMEM;
        else if (rename(from, to) != 0 && errno != ENOENT)
            st = sl_io_fail(error, to, "cannot rename into place", errno);
        free(from);
        free(to);
    }
    if (st == SOLIEU_OK) {
        sl_fsync_dir(b->state_dir);
        sl_remove_tree(commit);
    }
    return st;
}

solieu_status sl_finish_commit(solieu_batch *b, char **error)
{
    char *commit = sl_path_join(b->state_dir, SL_COMMIT_DIR);
    if (!commit)
        return SOLIEU_ERR_NOMEM;
    struct stat st;
    solieu_status status = stat(commit, &st) == 0 ? roll_forward(b, commit, error) : SOLIEU_OK;
    free(commit);
    return status;
}

solieu_status sl_commit_outputs(solieu_batch *b, char **error)
{
    char *commit = sl_path_join(b->state_dir, SL_COMMIT_DIR);
    if (!commit)
        return SOLIEU_ERR_NOMEM;
    /* the commit point: one rename of the whole stage. From here on the new
     * outputs win — a run killed now is finished by the next one */
    solieu_status st = SOLIEU_OK;
    if (rename(b->stage_dir, commit) != 0)
        st = sl_io_fail(error, commit, "cannot commit", errno);
    else
        sl_fsync_dir(b->state_dir);
    if (st == SOLIEU_OK)
        st = roll_forward(b, commit, error);
    free(commit);
    return st;
}

/* ---- collecting fragments no document uses any more ------------------------ */

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Removes every file of one shard whose key no kept document has (and the
 * temporaries of killed runs). */
static void collect_shard(const char *dir, const uint64_t *keys, size_t n)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char hex[17];
        uint64_t key;
        int used = 0;
        const char *dot = strchr(e->d_name, '.');
        if (dot && dot - e->d_name == 16 && !strstr(e->d_name, ".tmp-")) {
            memcpy(hex, e->d_name, 16);
            hex[16] = '\0';
            used = sl_parse_hex64(hex, &key) == 0 && bsearch(&key, keys, n, sizeof key, cmp_u64);
        }
        if (!used) {
            char *file = sl_path_join(dir, e->d_name);
            if (file)
                unlink(file);
            free(file);
        }
    }
    closedir(d);
    rmdir(dir); /* only when it became empty */
}

void sl_collect_fragments(solieu_batch *b)
{
    uint64_t *keys = sl_calloc(b->docs.len + 1, sizeof *keys);
    if (!keys)
        return; /* unused fragments only cost space; the next run retries */
    size_t n = 0;
    keys[n++] = b->across_key;
    for (size_t i = 0; i < b->docs.len; i++) {
        const sl_doc *d = sl_vec_at(&b->docs, i);
        if (d->keep && sl_doc_has_fragments(d))
            keys[n++] = d->cur.key;
    }
    qsort(keys, n, sizeof *keys, cmp_u64);
    DIR *d = opendir(b->fragment_dir);
    struct dirent *e;
    while (d && (e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char *shard = sl_path_join(b->fragment_dir, e->d_name);
        if (shard)
            collect_shard(shard, keys, n);
        free(shard);
    }
    if (d)
        closedir(d);
    free(keys);
}
