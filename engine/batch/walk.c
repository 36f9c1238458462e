/* The walk: every report below the input directory, sorted by path so that
 * outputs never depend on readdir order or on the number of threads. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "batch/batch_internal.h"

typedef struct walk_ctx {
    const char *root;
    struct stat skip;
    int have_skip;
    sl_vec *docs;
    sl_vec *errors;
    int oom;
} walk_ctx;

static int wanted(const char *name)
{
    size_t n = strlen(name);
    return (n > 4 && strcasecmp(name + n - 4, ".txt") == 0) ||
           (n > 3 && strcasecmp(name + n - 3, ".md") == 0);
}

static void fill_stat(sl_stat *out, const struct stat *st)
{
    out->size = (unsigned long long)st->st_size;
    out->ino = (unsigned long long)st->st_ino;
    out->mtime_s = (long long)st->st_mtim.tv_sec;
    out->mtime_ns = st->st_mtim.tv_nsec;
    out->ctime_s = (long long)st->st_ctim.tv_sec;
    out->ctime_ns = st->st_ctim.tv_nsec;
}

static void add_error(walk_ctx *w, const char *path, const char *stage, const char *what)
{
    char *message = sl_printf("%s: %s", path, what);
    if (!message || sl_error_row_add(w->errors, path, stage, message) != 0)
        w->oom = 1;
    free(message);
}

static void add_doc(walk_ctx *w, const char *rel, const char *path, const struct stat *st)
{
    sl_doc *d = sl_vec_push(w->docs);
    if (!d) {
        w->oom = 1;
        return;
    }
    d->rel = sl_strdup(rel);
    d->path = sl_strdup(path);
    fill_stat(&d->walk_st, st);
    if (!d->rel || !d->path)
        w->oom = 1;
}

static void walk_dir(walk_ctx *w, const char *rel, const char *full);

/* One directory entry: a report, a directory to enter, or neither. */
static void visit(walk_ctx *w, const char *rel, const char *full, const char *name)
{
    struct stat st;
    if (lstat(full, &st) != 0) {
        /* gone between readdir and here: it simply is not part of this run */
        if (errno != ENOENT && wanted(name))
            add_error(w, full, "read", strerror(errno));
        return;
    }
    if (S_ISLNK(st.st_mode)) {
        /* a link to a report counts; a link to a directory is not entered,
         * which keeps the walk finite without tracking cycles */
        if (!wanted(name))
            return;
        if (stat(full, &st) != 0) {
            add_error(w, full, "read", strerror(errno));
            return;
        }
        if (S_ISDIR(st.st_mode))
            return;
    } else if (S_ISDIR(st.st_mode)) {
        if (w->have_skip && st.st_dev == w->skip.st_dev && st.st_ino == w->skip.st_ino)
            return;
        walk_dir(w, rel, full);
        return;
    }
    if (!wanted(name))
        return;
    if (!S_ISREG(st.st_mode)) {
        add_error(w, full, "read", "not a regular file");
        return;
    }
    add_doc(w, rel, full, &st);
}

static void walk_dir(walk_ctx *w, const char *rel, const char *full)
{
    DIR *d = opendir(full);
    if (!d) {
        char *what = sl_printf("%s; the documents below it are left out", strerror(errno));
        add_error(w, full, "walk", what ? what : strerror(errno));
        free(what);
        return;
    }
    struct dirent *e;
    while (!w->oom && (e = readdir(d))) {
        /* dot entries: ".", "..", and hidden files such as .git or our state */
        if (e->d_name[0] == '.')
            continue;
        char *child_rel = *rel ? sl_path_join(rel, e->d_name) : sl_strdup(e->d_name);
        char *child_full = sl_path_join(full, e->d_name);
        if (child_rel && child_full)
            visit(w, child_rel, child_full, e->d_name);
        else
            w->oom = 1;
        free(child_rel);
        free(child_full);
    }
    closedir(d);
}

static int by_rel(const void *a, const void *b)
{
    return strcmp(((const sl_doc *)a)->rel, ((const sl_doc *)b)->rel);
}

solieu_status sl_walk(const char *input_dir, const char *skip, sl_vec *docs, sl_vec *errors,
                      char **error)
{
    walk_ctx w = {input_dir, {0}, 0, docs, errors, 0};
    struct stat st;
    if (stat(input_dir, &st) != 0) {
        *error = sl_printf("%s: %s", input_dir, strerror(errno));
        return SOLIEU_ERR_IO;
    }
    if (!S_ISDIR(st.st_mode)) {
        *error = sl_printf("%s: not a directory", input_dir);
        return SOLIEU_ERR_IO;
    }
    /* an input directory that cannot be listed would look like an empty
     * archive and wipe every fact: that is fatal, not a row of errors.csv */
    DIR *probe = opendir(input_dir);
    if (!probe) {
        *error = sl_printf("%s: %s", input_dir, strerror(errno));
        return SOLIEU_ERR_IO;
    }
    closedir(probe);
    w.have_skip = skip && stat(skip, &w.skip) == 0;
    if (w.have_skip && w.skip.st_dev == st.st_dev && w.skip.st_ino == st.st_ino) {
        *error = sl_printf("%s: the output directory cannot be the input directory", skip);
        return SOLIEU_ERR_IO;
    }
    walk_dir(&w, "", input_dir);
    if (w.oom)
        return SOLIEU_ERR_NOMEM;
    if (docs->len)
        qsort(docs->items, docs->len, sizeof(sl_doc), by_rel);
    return SOLIEU_OK;
}
