/* The state file: one CSV row per document kept from the last run — its
 * stat, content hash, fragment key and outcome. CSV (through the library's
 * own reader and writer) because paths and messages may hold any byte. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "batch/batch_internal.h"

static const char *const columns[] = {"path",   "size",          "inode",       "mtime",
                                      "ctime",  "trusted",       "hash",        "key",
                                      "status", "stage",         "message",     "facts",
                                      "checks", "checks_failed", "facts_bytes", "checks_bytes"};
enum {
    C_PATH,
    C_SIZE,
    C_INODE,
    C_MTIME,
    C_CTIME,
    C_TRUSTED,
    C_HASH,
    C_KEY,
    C_STATUS,
    C_STAGE,
    C_MESSAGE,
    C_FACTS,
    C_CHECKS,
    C_CHECKS_FAILED,
    C_FACTS_BYTES,
    C_CHECKS_BYTES,
    N_COLUMNS
};

static const char *const status_names[] = {"ok", "warn", "failed"};

static int parse_ull(const char *s, unsigned long long *out)
{
    if (*s < '0' || *s > '9')
        return -1;
    char *end;
    errno = 0;
    *out = strtoull(s, &end, 10);
    return errno || *end ? -1 : 0;
}

/* "seconds.nanoseconds" */
static int parse_time(const char *s, long long *sec, long *nsec)
{
    const char *dot = strchr(s, '.');
    if (!dot || dot - s > 20 || strlen(dot + 1) != 9)
        return -1;
    char whole[24];
    memcpy(whole, s, (size_t)(dot - s));
    whole[dot - s] = '\0';
    unsigned long long a, b;
    if (parse_ull(whole, &a) != 0 || parse_ull(dot + 1, &b) != 0)
        return -1;
    *sec = (long long)a;
    *nsec = (long)b;
    return 0;
}

static int parse_size(const char *s, size_t *out)
{
    unsigned long long v;
    if (parse_ull(s, &v) != 0)
        return -1;
    *out = (size_t)v;
    return 0;
}

/* Fills row `r` from table row `i`; -1 when a field is malformed. */
static int parse_row(const solieu_table *t, const long *col, size_t i, sl_state_row *row)
{
    const char *f[N_COLUMNS];
    for (int c = 0; c < N_COLUMNS; c++)
        f[c] = solieu_table_cell(t, i, col[c]);
    sl_record *r = &row->rec;
    r->status = -1;
    for (int s = 0; s < 3; s++)
        if (strcmp(f[C_STATUS], status_names[s]) == 0)
            r->status = s;
    if (!*f[C_PATH] || r->status < 0 || parse_ull(f[C_SIZE], &r->st.size) != 0 ||
        parse_ull(f[C_INODE], &r->st.ino) != 0 ||
        parse_time(f[C_MTIME], &r->st.mtime_s, &r->st.mtime_ns) != 0 ||
        parse_time(f[C_CTIME], &r->st.ctime_s, &r->st.ctime_ns) != 0 ||
        sl_parse_hex64(f[C_HASH], &r->hash) != 0 || sl_parse_hex64(f[C_KEY], &r->key) != 0 ||
        parse_size(f[C_FACTS], &r->facts) != 0 || parse_size(f[C_CHECKS], &r->checks) != 0 ||
        parse_size(f[C_CHECKS_FAILED], &r->checks_failed) != 0 ||
        parse_ull(f[C_FACTS_BYTES], &r->facts_bytes) != 0 ||
        parse_ull(f[C_CHECKS_BYTES], &r->checks_bytes) != 0)
        return -1;
    r->trusted = strcmp(f[C_TRUSTED], "1") == 0;
    row->rel = sl_strdup(f[C_PATH]);
    r->stage = *f[C_STAGE] ? sl_strdup(f[C_STAGE]) : NULL;
    r->message = *f[C_MESSAGE] ? sl_strdup(f[C_MESSAGE]) : NULL;
    return 0;
}

static int by_rel(const void *a, const void *b)
{
    return strcmp(((const sl_state_row *)a)->rel, ((const sl_state_row *)b)->rel);
}

solieu_status sl_state_load(const char *path, sl_state *st, char **warning)
{
    memset(st, 0, sizeof *st);
    *warning = NULL;
    struct stat sb;
    if (stat(path, &sb) != 0 && errno == ENOENT)
        return SOLIEU_OK; /* the first run */
    solieu_table *t = NULL;
    char *error = NULL;
    solieu_status status = solieu_table_read(path, &t, &error);
    if (status == SOLIEU_ERR_NOMEM) {
        solieu_free(error);
        return status;
    }
    long col[N_COLUMNS];
    int bad = status != SOLIEU_OK;
    for (int c = 0; !bad && c < N_COLUMNS; c++)
        bad = (col[c] = solieu_table_column(t, columns[c])) < 0;
    size_t n = bad ? 0 : solieu_table_rows(t);
    st->rows = sl_calloc(n + 1, sizeof *st->rows);
    if (!st->rows) {
        solieu_free(error);
        solieu_table_destroy(t);
        return SOLIEU_ERR_NOMEM;
    }
    for (size_t i = 0; i < n && !bad; i++) {
        bad = parse_row(t, col, i, &st->rows[i]) != 0;
        st->n = i + 1; /* so that sl_state_free sees a half-filled row */
        if (!bad && !st->rows[i].rel) {
            status = SOLIEU_ERR_NOMEM;
            bad = 1;
        }
    }
    solieu_table_destroy(t);
    if (bad) {
        sl_state_free(st);
        if (status == SOLIEU_ERR_NOMEM) {
            solieu_free(error);
            return status;
        }
        *warning = sl_printf("%s: %s; every document is read and extracted again", path,
                             error ? error : "not a state file of this version");
        solieu_free(error);
        return *warning ? SOLIEU_OK : SOLIEU_ERR_NOMEM;
    }
    solieu_free(error);
    if (st->n)
        qsort(st->rows, st->n, sizeof *st->rows, by_rel);
    return SOLIEU_OK;
}

const sl_state_row *sl_state_find(const sl_state *st, const char *rel)
{
    if (!st->n)
        return NULL;
    sl_state_row probe;
    memset(&probe, 0, sizeof probe);
    probe.rel = (char *)rel;
    return bsearch(&probe, st->rows, st->n, sizeof *st->rows, by_rel);
}

void sl_state_free(sl_state *st)
{
    for (size_t i = 0; i < st->n; i++) {
        free(st->rows[i].rel);
        sl_record_free(&st->rows[i].rec);
    }
    free(st->rows);
    memset(st, 0, sizeof *st);
}

solieu_status sl_state_write(FILE *f, const sl_vec *docs)
{
    solieu_csv_writer *w = solieu_csv_writer_create(f, 0);
    if (!w)
        return SOLIEU_ERR_NOMEM;
    solieu_status status = solieu_csv_write_row(w, columns, N_COLUMNS);
    for (size_t i = 0; status == SOLIEU_OK && i < docs->len; i++) {
        const sl_doc *d = sl_vec_at(docs, i);
        if (!d->keep)
            continue;
        const sl_record *r = &d->cur;
        char size[24], ino[24], mtime[40], ctime[40], hash[17], key[17], facts[24], checks[24],
            failed[24], facts_bytes[24], checks_bytes[24];
        snprintf(size, sizeof size, "%llu", r->st.size);
        snprintf(ino, sizeof ino, "%llu", r->st.ino);
        snprintf(mtime, sizeof mtime, "%lld.%09ld", r->st.mtime_s, r->st.mtime_ns);
        snprintf(ctime, sizeof ctime, "%lld.%09ld", r->st.ctime_s, r->st.ctime_ns);
        sl_hex64(r->hash, hash);
        sl_hex64(r->key, key);
        snprintf(facts, sizeof facts, "%zu", r->facts);
        snprintf(checks, sizeof checks, "%zu", r->checks);
        snprintf(failed, sizeof failed, "%zu", r->checks_failed);
        snprintf(facts_bytes, sizeof facts_bytes, "%llu", r->facts_bytes);
        snprintf(checks_bytes, sizeof checks_bytes, "%llu", r->checks_bytes);
        const char *row[N_COLUMNS] = {d->rel,
                                      size,
                                      ino,
                                      mtime,
                                      ctime,
                                      r->trusted ? "1" : "0",
                                      hash,
                                      key,
                                      status_names[r->status],
                                      r->stage ? r->stage : "",
                                      r->message ? r->message : "",
                                      facts,
                                      checks,
                                      failed,
                                      facts_bytes,
                                      checks_bytes};
        status = solieu_csv_write_row(w, row, N_COLUMNS);
    }
    solieu_csv_writer_destroy(w);
    return status;
}
