/* errors.csv and run.json: what went wrong, and what the run did. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "batch/batch_internal.h"

/* ---- errors.csv --------------------------------------------------------------- */

typedef struct err_ref {
    const char *path, *stage;
    const char *message; /* one line, not NUL-terminated */
    size_t len, seq;
} err_ref;

static int by_path(const void *a, const void *b)
{
    const err_ref *x = a, *y = b;
    int c = strcmp(x->path, y->path);
    return c ? c : x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int add_lines(sl_vec *refs, const char *path, const char *stage, const char *message)
{
    for (const char *p = message; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n) {
            err_ref *r = sl_vec_push(refs);
            if (!r)
                return -1;
            *r = (err_ref){path, stage, p, n, refs->len};
        }
        p = nl ? nl + 1 : NULL;
    }
    return 0;
}

solieu_status sl_write_errors(solieu_batch *b, char **error)
{
    sl_vec refs;
    sl_vec_init(&refs, sizeof(err_ref));
    int oom = 0;
    for (size_t i = 0; i < b->errors.len && !oom; i++) {
        const sl_error_row *r = sl_vec_at(&b->errors, i);
        oom = add_lines(&refs, r->path, r->stage, r->message) != 0;
    }
    for (size_t i = 0; i < b->docs.len && !oom; i++) {
        const sl_doc *d = sl_vec_at(&b->docs, i);
        if (d->done && d->cur.status != SL_DOC_OK)
            oom = add_lines(&refs, d->path, d->cur.stage ? d->cur.stage : "",
                            d->cur.message ? d->cur.message : "unknown failure") != 0;
    }
    if (oom) {
        sl_vec_free(&refs);
        return SOLIEU_ERR_NOMEM;
    }
    if (refs.len)
        qsort(refs.items, refs.len, sizeof(err_ref), by_path);
    b->summary.errors = refs.len;

    char *path;
    FILE *f = sl_stage_open(b, "errors.csv", &path, error);
    solieu_csv_writer *w = f ? solieu_csv_writer_create(f, 0) : NULL;
    solieu_status st = !f   ? (*error ? SOLIEU_ERR_IO : SOLIEU_ERR_NOMEM)
                       : !w ? SOLIEU_ERR_NOMEM
                            : SOLIEU_OK;
    static const char *const header[] = {"path", "stage", "message"};
    if (st == SOLIEU_OK)
        st = solieu_csv_write_row(w, header, 3);
    for (size_t i = 0; st == SOLIEU_OK && i < refs.len; i++) {
        const err_ref *r = sl_vec_at(&refs, i);
        char *line = sl_strndup(r->message, r->len);
        const char *row[] = {r->path, r->stage, line};
        st = line ? solieu_csv_write_row(w, row, 3) : SOLIEU_ERR_NOMEM;
        free(line);
    }
    solieu_csv_writer_destroy(w);
    if (f && st == SOLIEU_OK)
        st = sl_stage_close(f, path, error);
    else if (f)
        fclose(f);
    if (st == SOLIEU_ERR_IO && !*error)
        *error = sl_printf("%s: cannot write", path);
    free(path);
    sl_vec_free(&refs);
    return st;
}

/* ---- run.json ----------------------------------------------------------------- */

static void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", f);
        else if (*p < 0x20)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

solieu_status sl_write_run_json(solieu_batch *b, char **error)
{
    const solieu_batch_summary *s = &b->summary;
    char *path;
    FILE *f = sl_stage_open(b, "run.json", &path, error);
    if (!f) {
        free(path);
        return *error ? SOLIEU_ERR_IO : SOLIEU_ERR_NOMEM;
    }
    fputs("{\n  \"solieu_version\": ", f);
    json_string(f, solieu_version());
    fputs(",\n  \"solieu_rules_digest\": ", f);
    json_string(f, solieu_rules_digest(b->rules));
    fputs(",\n  \"input_dir\": ", f);
    json_string(f, b->input_dir);
    fprintf(f, ",\n  \"threads\": %u,\n  \"exit_status\": %d,\n", b->threads ? b->threads : 1,
            s->exit_status);
    fprintf(f,
            "  \"documents\": %zu,\n  \"documents_ok\": %zu,\n  \"documents_failed\": %zu,\n"
            "  \"documents_read\": %zu,\n  \"documents_extracted\": %zu,\n"
            "  \"documents_reused\": %zu,\n  \"documents_removed\": %zu,\n"
            "  \"documents_rechecked\": %zu,\n",
            s->documents, s->documents_ok, s->documents_failed, s->documents_read,
            s->documents_extracted, s->documents_reused, s->documents_removed,
            s->documents_rechecked);
    fprintf(f,
            "  \"facts\": %zu,\n  \"checks\": %zu,\n  \"checks_failed\": %zu,\n"
            "  \"errors\": %zu,\n  \"bytes_read\": %llu,\n",
            s->facts, s->checks, s->checks_failed, s->errors, s->bytes_read);
    if (b->stale_lock_pid)
        fprintf(f, "  \"stale_lock_taken_over_from_pid\": %ld,\n", b->stale_lock_pid);
    if (b->state_warning) {
        fputs("  \"state_warning\": ", f);
        json_string(f, b->state_warning);
        fputs(",\n", f);
    }
    /* the only fields that change between two runs over the same archive */
    double now = sl_monotonic_seconds();
    fprintf(f,
            "  \"seconds\": {\"walk\": %.3f, \"process\": %.3f, \"output\": %.3f, "
            "\"total\": %.3f},\n",
            s->seconds_walk, s->seconds_process, now - b->output_start, now - b->run_start);
    /* what the other outputs hold, so a reader can tell they belong together */
    fputs("  \"outputs\": {", f);
    solieu_status st = SOLIEU_OK;
    for (size_t i = 0; i + 1 < SL_N_OUTPUTS && st == SOLIEU_OK; i++) {
        char *file = sl_path_join(b->stage_dir, sl_outputs[i]);
        unsigned long long size;
        uint64_t hash;
        char hex[17];
        if (!file)
            st = SOLIEU_ERR_NOMEM;
        else if (sl_hash_file(file, &size, &hash) != 0)
            st = sl_io_fail(error, file, "cannot read", errno);
        if (st == SOLIEU_OK) {
            sl_hex64(hash, hex);
            fprintf(f, "%s\n    \"%s\": {\"bytes\": %llu, \"fnv1a64\": \"%s\"}", i ? "," : "",
                    sl_outputs[i], size, hex);
        }
        free(file);
    }
    fputs("\n  }\n}\n", f);
    if (st == SOLIEU_OK)
        st = sl_stage_close(f, path, error);
    else
        fclose(f);
    free(path);
    return st;
}
