/* solieu: the nightly job — a directory of reports in, every output out.
 *
 *   solieu_batch *b;
 *   solieu_batch_create(rules, "archive", "out", &b, &err);
 *   solieu_batch_set_threads(b, 4);
 *   solieu_batch_run(b, &err);        (SOLIEU_OK even when some documents failed)
 *   solieu_batch_summary_get(b)->exit_status
 *   solieu_batch_destroy(b);
 *
 * A run walks the input directory (recursively, *.txt and *.md, sorted by
 * path), extracts and checks every document that changed since the last run,
 * aggregates, and writes into the output directory facts.csv, checks.csv,
 * series.csv, table.csv, stats.csv, documents.csv, errors.csv and run.json.
 *
 * Incremental: OUT/.solieu-state/ keeps, for each document, its size, times,
 * inode and content hash, and its facts and check rows as CSV fragments. A
 * document whose stat matches is not read; one whose content hash matches is
 * not extracted. The fragment key covers the content, the path, the rule
 * set's digest and the solieu version, so a changed rule re-extracts all.
 *
 * Atomic: outputs are written under OUT/.solieu-state/ and renamed into
 * place (run.json last, then the state) only when the run succeeded; a run
 * killed before that leaves the previous outputs as they were, one killed
 * during the renames leaves OUT/.solieu-state/commit/, which the next run
 * finishes first. A lock file (OUT/.solieu-state/lock, holding the pid)
 * keeps two runs apart.
 * See docs/nightly.md. */
#ifndef SOLIEU_BATCH_H
#define SOLIEU_BATCH_H

#include <stddef.h>

#include "common.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct solieu_batch solieu_batch;

/* Longest line a run accepts by default: extraction time grows with the
 * square of a paragraph's length, so a 50 MB single-line file would stall a
 * nightly run for days; such a file becomes a row in errors.csv instead. */
#define SOLIEU_BATCH_MAX_LINE_BYTES (1024u * 1024u)

/* Prepares a run of `rules` (borrowed; must outlive the batch) over
 * `input_dir` into `out_dir` (created when missing at run time). Nothing is
 * touched until solieu_batch_run. On success *out is caller-owned
 * (solieu_batch_destroy); SOLIEU_ERR_USAGE or SOLIEU_ERR_NOMEM otherwise,
 * with a caller-owned message in *error when error is not NULL. */
SOLIEU_API solieu_status solieu_batch_create(const solieu_rules *rules, const char *input_dir,
                                             const char *out_dir, solieu_batch **out, char **error);
SOLIEU_API void solieu_batch_destroy(solieu_batch *batch);

/* Worker threads (each with its own extractor over the shared rules);
 * 0 or 1 runs in the calling thread. Outputs do not depend on it. */
SOLIEU_API void solieu_batch_set_threads(solieu_batch *batch, unsigned threads);
/* Longest line accepted, in bytes; 0 for no limit. */
SOLIEU_API void solieu_batch_set_max_line_bytes(solieu_batch *batch, size_t max);

/* What the progress callback is told: once when processing starts (path
 * NULL), once after each document that had to be read, and once when the
 * outputs are being written (path NULL, writing 1). */
typedef struct solieu_batch_progress {
    size_t documents;               /* found by the walk */
    size_t to_read;                 /* of those, documents whose bytes must be read */
    size_t done;                    /* of to_read, finished so far */
    unsigned long long bytes_total; /* size of the to_read documents */
    unsigned long long bytes_done;
    double seconds;      /* since processing started */
    const char *path;    /* the document just finished, or NULL */
    int extracted;       /* it was extracted (not just re-hashed) */
    size_t facts;        /* its facts */
    const char *stage;   /* when it failed or warned: "read", "document", ... */
    const char *message; /* and why (may hold several lines); else NULL */
    int writing;         /* every document is done; outputs are being written */
} solieu_batch_progress;

/* Called with a lock held, from whichever thread finished the document, so
 * calls never overlap. Everything in *p is borrowed for the call. */
typedef void (*solieu_batch_progress_fn)(const solieu_batch_progress *p, void *user);
SOLIEU_API void solieu_batch_set_progress(solieu_batch *batch, solieu_batch_progress_fn fn,
                                          void *user);

/* Runs once. Returns SOLIEU_OK when the outputs were written — also when
 * some documents failed (they are rows of errors.csv; the summary's
 * exit_status is then 1). Any other status is fatal and leaves the previous
 * outputs untouched: SOLIEU_ERR_IO (input or output directory unusable, the
 * output directory locked by a live run), SOLIEU_ERR_NOMEM, SOLIEU_ERR_CSV
 * (aggregation failed); *error then gets a caller-owned message naming the
 * path. */
SOLIEU_API solieu_status solieu_batch_run(solieu_batch *batch, char **error);

/* The counts of the last run, also written to run.json. */
typedef struct solieu_batch_summary {
    size_t documents;           /* found by the walk (*.txt, *.md) */
    size_t documents_ok;        /* whose facts are in facts.csv */
    size_t documents_failed;    /* with a row in errors.csv (a warned one is also ok) */
    size_t documents_read;      /* whose bytes this run read */
    size_t documents_extracted; /* extracted and checked by this run */
    size_t documents_reused;    /* facts and checks taken from the state, unread */
    size_t documents_removed;   /* in the previous state, gone now */
    size_t documents_rechecked; /* read again, not extracted, for the cross-document
                                   checks because the set of documents changed */
    size_t facts, checks, checks_failed;
    size_t errors; /* rows of errors.csv */
    unsigned long long bytes_read;
    double seconds_walk, seconds_process, seconds_output, seconds_total;
    int exit_status; /* 0 every document went through, 1 some did not */
} solieu_batch_summary;

/* Borrowed; all zero before a run. */
SOLIEU_API const solieu_batch_summary *solieu_batch_summary_get(const solieu_batch *batch);

#ifdef __cplusplus
}
#endif
#endif
