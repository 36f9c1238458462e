/* The outputs of a run, written complete into the stage directory
 * (OUT/.solieu-state/run-PID/): facts.csv and checks.csv from the documents'
 * fragments in path order, the aggregation, errors.csv and run.json
 * (report.c), and the new state. commit.c moves them into place. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <solieu/aggregate.h>

#include "batch/batch_internal.h"

const char *const sl_outputs[SL_N_OUTPUTS] = {"facts.csv",  "checks.csv", "series.csv",
                                              "table.csv",  "stats.csv",  "documents.csv",
                                              "errors.csv", "run.json"};

solieu_status sl_io_fail(char **error, const char *path, const char *what, int err)
{
    *error = sl_printf("%s: %s: %s", path, what, strerror(err ? err : EIO));
    return SOLIEU_ERR_IO;
}

FILE *sl_stage_open(solieu_batch *b, const char *name, char **path, char **error)
{
    *path = sl_path_join(b->stage_dir, name);
    if (!*path)
        return NULL;
    FILE *f = fopen(*path, "wb");
    if (!f)
        sl_io_fail(error, *path, "cannot write", errno);
    return f;
}

solieu_status sl_stage_close(FILE *f, const char *path, char **error)
{
    return sl_close_synced(f) == 0 ? SOLIEU_OK : sl_io_fail(error, path, "cannot write", errno);
}

int sl_doc_has_fragments(const sl_doc *d)
{
    return d->done && d->cur.status != SL_DOC_FAILED;
}

/* facts.csv or checks.csv: a header, then every document's fragment body in
 * path order. `header` writes the header row. */
static solieu_status concatenate(solieu_batch *b, const char *name, const char *kind,
                                 solieu_status (*header)(solieu_batch *, solieu_csv_writer *),
                                 const char *extra, char **error)
{
    char *path;
    FILE *f = sl_stage_open(b, name, &path, error);
    if (!f) {
        free(path);
        return *error ? SOLIEU_ERR_IO : SOLIEU_ERR_NOMEM;
    }
    solieu_csv_writer *w = solieu_csv_writer_create(f, 0);
    solieu_status st = w ? header(b, w) : SOLIEU_ERR_NOMEM;
    solieu_csv_writer_destroy(w);
    for (size_t i = 0; st == SOLIEU_OK && i < b->docs.len; i++) {
        const sl_doc *d = sl_vec_at(&b->docs, i);
        if (!sl_doc_has_fragments(d))
            continue;
        char *fragment = sl_fragment_path(b, d->cur.key, kind);
        if (!fragment)
            st = SOLIEU_ERR_NOMEM;
        else if (sl_append_body(f, fragment) != 0)
            st = sl_io_fail(error, fragment, "cannot read state fragment", errno);
        free(fragment);
    }
    if (st == SOLIEU_OK && extra && sl_append_body(f, extra) != 0)
        st = sl_io_fail(error, extra, "cannot read state fragment", errno);
    if (st == SOLIEU_OK)
        st = sl_stage_close(f, path, error);
    else
        fclose(f);
    free(path);
    return st;
}

static solieu_status facts_header(solieu_batch *b, solieu_csv_writer *w)
{
    (void)b;
    return solieu_facts_write_header(w);
}

/* The checker writes its header with its rows; an empty one writes only it. */
static solieu_status checks_header(solieu_batch *b, solieu_csv_writer *w)
{
    solieu_checker *c = solieu_checker_create(b->rules);
    solieu_status st = c ? solieu_checker_write(c, w) : SOLIEU_ERR_NOMEM;
    solieu_checker_destroy(c);
    return st;
}

/* ---- aggregation ---------------------------------------------------------- */

typedef struct agg_ctx {
    solieu_batch *b;
    const char *doc_path;
    int oom;
} agg_ctx;

static void on_agg_warning(const solieu_diagnostic *diag, void *user)
{
    agg_ctx *c = user;
    char *message = sl_printf("%s: fact row %zu: %s", c->doc_path, diag->line, diag->message);
    if (!message || sl_error_row_add(&c->b->errors, c->doc_path, "aggregate", message) != 0)
        c->oom = 1;
    free(message);
}

/* series, table, stats and documents.csv. Each document's fragment is added
 * on its own: the aggregate's result does not depend on how the fact rows
 * are split between files, and no single table has to hold all of them. */
static solieu_status aggregate(solieu_batch *b, char **error)
{
    solieu_aggregate *agg = NULL;
    solieu_status st = solieu_aggregate_create(&agg);
    agg_ctx ctx = {b, NULL, 0};
    if (st == SOLIEU_OK)
        solieu_aggregate_set_callback(agg, on_agg_warning, &ctx);
    for (size_t i = 0; st == SOLIEU_OK && i < b->docs.len; i++) {
        const sl_doc *d = sl_vec_at(&b->docs, i);
        if (!sl_doc_has_fragments(d) || d->cur.facts == 0)
            continue;
        char *fragment = sl_fragment_path(b, d->cur.key, "facts");
        ctx.doc_path = d->path;
        st = fragment ? solieu_aggregate_add_file(agg, fragment, error) : SOLIEU_ERR_NOMEM;
        free(fragment);
    }
    if (st == SOLIEU_OK)
        st = solieu_aggregate_write(agg, b->stage_dir, 0, error);
    if (st == SOLIEU_OK && ctx.oom)
        st = SOLIEU_ERR_NOMEM;
    solieu_aggregate_destroy(agg);
    return st;
}

static solieu_status write_state(solieu_batch *b, char **error)
{
    char *path;
    FILE *f = sl_stage_open(b, SL_STATE_FILE, &path, error);
    if (!f) {
        free(path);
        return *error ? SOLIEU_ERR_IO : SOLIEU_ERR_NOMEM;
    }
    solieu_status st = sl_state_write(f, &b->docs);
    if (st == SOLIEU_OK)
        st = sl_stage_close(f, path, error);
    else
        fclose(f);
    if (st == SOLIEU_ERR_IO && !*error)
        *error = sl_printf("%s: cannot write", path);
    free(path);
    return st;
}

/* Counts what went into the outputs; exit status 1 when errors.csv has rows. */
static void summarise(solieu_batch *b)
{
    solieu_batch_summary *s = &b->summary;
    for (size_t i = 0; i < b->docs.len; i++) {
        const sl_doc *d = sl_vec_at(&b->docs, i);
        s->documents_read += d->read;
        s->documents_extracted += d->extracted;
        s->documents_reused += d->reused;
        s->bytes_read += d->read ? d->cur.st.size : 0;
        if (sl_doc_has_fragments(d)) {
            s->documents_ok++;
            s->facts += d->cur.facts;
            s->checks += d->cur.checks;
            s->checks_failed += d->cur.checks_failed;
        }
        s->documents_failed += d->cur.status != SL_DOC_OK;
    }
}

solieu_status sl_write_outputs(solieu_batch *b, char **error)
{
    summarise(b);
    if (b->progress) {
        b->prog.path = b->prog.stage = b->prog.message = NULL;
        b->prog.extracted = 0;
        b->prog.facts = 0;
        b->prog.writing = 1;
        b->prog.seconds = sl_monotonic_seconds() - b->process_start;
        b->progress(&b->prog, b->progress_user);
    }
    char *across = NULL;
    solieu_status st = concatenate(b, "facts.csv", "facts", facts_header, NULL, error);
    if (st == SOLIEU_OK)
        st = sl_across_fragment(b, &across, error);
    if (st == SOLIEU_OK)
        st = concatenate(b, "checks.csv", "checks", checks_header, across, error);
    free(across);
    if (st == SOLIEU_OK)
        st = aggregate(b, error);
    if (st == SOLIEU_OK)
        st = sl_write_errors(b, error);
    b->summary.exit_status = b->summary.errors ? 1 : 0;
    if (st == SOLIEU_OK)
        st = sl_write_run_json(b, error);
    if (st == SOLIEU_OK)
        st = write_state(b, error);
    return st;
}
