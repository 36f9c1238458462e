/* Shared between the files of a batch run (solieu/batch.h): hashing, the
 * walk, the state, the lock, the per-document work and the outputs. */
#ifndef SOLIEU_BATCH_INTERNAL_H
#define SOLIEU_BATCH_INTERNAL_H

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>

#include <solieu/batch.h>
#include <solieu/check.h>
#include <solieu/csv.h>
#include <solieu/extract.h>

#include "util/util.h"

/* Everything a run keeps between runs lives in OUT/.solieu-state/. The state
 * file's name carries its format version: a new format starts afresh. */
#define SL_STATE_DIR ".solieu-state"
#define SL_STATE_FILE "state-v1.csv"
#define SL_FRAGMENT_DIR "fragments"
#define SL_LOCK_FILE "lock"
#define SL_STAGE_PREFIX "run-"
/* The stage renamed here is the commit point; its presence means a commit
 * is under way or was interrupted, and the next run finishes it. */
#define SL_COMMIT_DIR "commit"
/* A stat is trusted on the next run only when the file's mtime was this many
 * seconds older than the moment it was read: a change within the same
 * timestamp tick (1-2 s on some file systems) would otherwise go unseen. */
#define SL_RACY_SECONDS 2

/* ---- hash.c: 64-bit FNV-1a ------------------------------------------------ */

#define SL_FNV_OFFSET 0xcbf29ce484222325ULL
uint64_t sl_fnv1a64(uint64_t h, const void *data, size_t n);
/* 16 lower-case hex digits and a NUL. */
void sl_hex64(uint64_t v, char out[17]);
/* 0 when s is exactly 16 hex digits. */
int sl_parse_hex64(const char *s, uint64_t *out);

/* ---- fsutil.c: small file-system helpers --------------------------------- */

/* "a/b", caller-owned (NULL when out of memory). */
char *sl_path_join(const char *a, const char *b);
/* mkdir -p; 0, or -1 with errno. */
int sl_mkdir_p(const char *path);
/* rm -r; 0, or -1 with errno. A missing path is not an error. */
int sl_remove_tree(const char *path);
/* Makes renames inside `dir` durable; errors are ignored (some file systems
 * refuse to fsync a directory). */
void sl_fsync_dir(const char *dir);
/* fflush + fsync + fclose: 0, or -1 with errno; the stream is closed always. */
int sl_close_synced(FILE *f);
double sl_monotonic_seconds(void);
/* Copies `path` from its second line on to `out`; the fragment's first line
 * is its CSV header. 0, or -1 with errno. */
int sl_append_body(FILE *out, const char *path);
/* size and FNV-1a of a whole file; 0, or -1 with errno. */
int sl_hash_file(const char *path, unsigned long long *size, uint64_t *hash);

/* ---- the documents ---------------------------------------------------------- */

/* What stat says about a file; equal stats mean an unchanged file. */
typedef struct sl_stat {
    unsigned long long size, ino;
    long long mtime_s, ctime_s;
    long mtime_ns, ctime_ns;
} sl_stat;

enum { SL_DOC_OK = 0, SL_DOC_WARN = 1, SL_DOC_FAILED = 2 };

/* The outcome of one document, as the state keeps it. */
typedef struct sl_record {
    sl_stat st;    /* as seen when the bytes were read */
    int trusted;   /* st may stand for the content next run */
    uint64_t hash; /* FNV-1a of the content */
    uint64_t key;  /* names the fragments: content, path, rules, version */
    int status;    /* SL_DOC_* */
    char *stage;   /* when WARN or FAILED: "document", "extract", ... */
    char *message; /* one line per problem */
    size_t facts, checks, checks_failed;
    unsigned long long facts_bytes, checks_bytes; /* fragment sizes, to catch a torn one */
} sl_record;

/* One document of this run. */
typedef struct sl_doc {
    char *rel;                       /* path below the input directory: the sort key */
    char *path;                      /* input_dir/rel: what facts and errors name */
    sl_stat walk_st;                 /* from the walk */
    const struct sl_state_row *prev; /* from the previous state, or NULL */
    sl_record cur;
    int done; /* cur holds the outcome */
    int keep; /* cur goes into the new state (depends on content only) */
    int read, extracted, reused;
} sl_doc;

/* A row of errors.csv not tied to a document (an unreadable directory). */
typedef struct sl_error_row {
    char *path, *stage, *message;
} sl_error_row;

void sl_record_free(sl_record *r);
/* Deep copy of stage and message; -1 when out of memory. */
int sl_record_copy(sl_record *dst, const sl_record *src);
void sl_docs_free(sl_vec *docs);
void sl_error_rows_free(sl_vec *rows);
int sl_error_row_add(sl_vec *rows, const char *path, const char *stage, const char *message);
int sl_stat_equal(const sl_stat *a, const sl_stat *b);

/* ---- walk.c ------------------------------------------------------------------ */

/* Lists every *.txt and *.md below input_dir (dot entries and the directory
 * `skip`, the output, left out; symlinked directories not followed) into
 * `docs` (sl_doc), sorted by rel. Unreadable subdirectories and entries that
 * are not regular files become rows of `errors`. SOLIEU_ERR_IO with a
 * message when input_dir itself cannot be read. */
solieu_status sl_walk(const char *input_dir, const char *skip, sl_vec *docs, sl_vec *errors,
                      char **error);

/* ---- state.c ---------------------------------------------------------------- */

typedef struct sl_state_row {
    char *rel;
    sl_record rec;
} sl_state_row;

typedef struct sl_state {
    sl_state_row *rows; /* sorted by rel */
    size_t n;
} sl_state;

/* Reads the state file; a missing file is an empty state. An unreadable or
 * malformed one is ignored too (everything is extracted again) and reported
 * through *warning (caller-owned). Returns SOLIEU_ERR_NOMEM only. */
solieu_status sl_state_load(const char *path, sl_state *st, char **warning);
const sl_state_row *sl_state_find(const sl_state *st, const char *rel);
void sl_state_free(sl_state *st);
/* Writes the kept records of `docs` (sl_doc) as the new state. */
solieu_status sl_state_write(FILE *f, const sl_vec *docs);

/* ---- lock.c ------------------------------------------------------------------ */

typedef struct sl_lock {
    int fd;
    char *path;
    long stale_pid; /* the dead run whose lock was taken over, or 0 */
} sl_lock;

/* Takes OUT/.solieu-state/lock: fails (SOLIEU_ERR_IO, message with the pid)
 * while another live process holds it; takes over a lock whose process is
 * gone. */
solieu_status sl_lock_acquire(sl_lock *lock, const char *state_dir, char **error);
void sl_lock_release(sl_lock *lock);

/* ---- the run ----------------------------------------------------------------- */

struct solieu_batch {
    const solieu_rules *rules;
    char *input_dir, *out_dir, *state_dir, *fragment_dir, *stage_dir;
    unsigned threads;
    size_t max_line_bytes;
    solieu_batch_progress_fn progress;
    void *progress_user;
    uint64_t key_seed; /* FNV state over version, rules digest, limits */
    uint64_t across_key;
    int ran;

    sl_vec docs;   /* sl_doc, sorted by rel */
    sl_vec errors; /* sl_error_row from the walk and the aggregation */
    sl_state state;
    solieu_batch_summary summary;
    char *state_warning;
    long stale_lock_pid; /* the dead run whose lock this one took over */

    /* shared by the workers, under `mutex` */
    pthread_mutex_t mutex;
    size_t *queue, queue_len, next;
    solieu_batch_progress prog;
    double run_start, process_start, output_start;
    solieu_status fatal;
    char *fatal_message;
};

/* Fragment key of a content hash for `path`. */
uint64_t sl_batch_key(const solieu_batch *b, const char *path, uint64_t hash);
/* OUT/.solieu-state/fragments/xx/KEY.facts.csv (or .checks.csv); caller-owned. */
char *sl_fragment_path(const solieu_batch *b, uint64_t key, const char *kind);
/* The previous record can stand for the document: its fragments are whole. */
int sl_fragments_ok(const solieu_batch *b, const sl_record *rec);
/* Records the first fatal error (takes `message`); later ones are dropped. */
void sl_batch_fail(solieu_batch *b, solieu_status st, char *message);

/* across.c: the cross-document check rows, cached under a key of every
 * document's key; *path (caller-owned) is their fragment, header first. */
uint64_t sl_across_key(const solieu_batch *b);
solieu_status sl_across_fragment(solieu_batch *b, char **path, char **error);

/* process.c: reads, hashes, extracts and checks every queued document. */
solieu_status sl_process_queue(solieu_batch *b);

/* output.c: writes every output into the stage directory. */
solieu_status sl_write_outputs(solieu_batch *b, char **error);
/* The outputs in the order they are committed: run.json last. */
#define SL_N_OUTPUTS 8
extern const char *const sl_outputs[SL_N_OUTPUTS];
/* Sets *error to "path: what: strerror(err)"; returns SOLIEU_ERR_IO. */
solieu_status sl_io_fail(char **error, const char *path, const char *what, int err);
/* Opens stage/name for writing (*path caller-owned); NULL with *error set on
 * an I/O error, without when out of memory. */
FILE *sl_stage_open(solieu_batch *b, const char *name, char **path, char **error);
/* Flushes to disk and closes. */
solieu_status sl_stage_close(FILE *f, const char *path, char **error);
/* The document's facts and checks are in its fragments (it did not fail). */
int sl_doc_has_fragments(const sl_doc *d);

/* report.c: errors.csv (sets summary.errors) and run.json. */
solieu_status sl_write_errors(solieu_batch *b, char **error);
solieu_status sl_write_run_json(solieu_batch *b, char **error);

/* commit.c: the commit (one rename of the stage, then each file into place),
 * the end of a commit a killed run left (call under the lock, first), and
 * the collection of fragments no kept document uses. */
solieu_status sl_commit_outputs(solieu_batch *b, char **error);
solieu_status sl_finish_commit(solieu_batch *b, char **error);
void sl_collect_fragments(solieu_batch *b);

#endif
