/* Fact rows in: map the columns of a facts table, check each row, keep the
 * usable ones. A file is taken whole or not at all when a needed column is
 * missing; a bad row only costs itself (with a warning naming its line). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <solieu/limits.h>

#include "agg.h"

enum {
    COL_DOC,
    COL_LINE,
    COL_VALUE,
    COL_UNIT,
    COL_METRIC,
    COL_PERIOD,
    COL_ENTITY,
    COL_QUALIFIER,
    COL_PATH,
    COL_NCOLS
};

static const char *const column_names[COL_NCOLS] = {
    "doc", "line", "value", "unit", "metric", "period", "entity", "qualifier", "path"};
#define N_NEEDED COL_QUALIFIER /* every column before qualifier is needed */

/* doc_* columns in SL_DOC_* order; "" for entity, which comes from the fact. */
static const char *const doc_columns[SL_DOC_NFIELDS] = {"doc_number", "doc_type",  "doc_issuer",
                                                        "",           "doc_place", "doc_date"};

/* A plain decimal as facts.md writes it ("27210", "96.48", "-0.5", an
 * exponent tolerated); no locale, no hex, no inf/nan, no decimal comma. */
static int parse_value(const char *s, double *out)
{
    while (sl_is_space((unsigned char)*s))
        s++;
    const char *p = s;
    if (*p == '+' || *p == '-')
        p++;
    size_t digits = 0;
    while (*p >= '0' && *p <= '9')
        p++, digits++;
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9')
            p++, digits++;
    }
    if (!digits)
        return -1;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            return -1;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    const char *end = p;
    while (sl_is_space((unsigned char)*p))
        p++;
    if (*p)
        return -1;
    char *stop;
    errno = 0;
    double v = strtod(s, &stop);
    if (stop != end || errno == ERANGE)
        return -1;
    *out = v;
    return 0;
}

static int parse_line(const char *s, size_t *out)
{
    while (sl_is_space((unsigned char)*s))
        s++;
    size_t v = 0, digits = 0;
    for (; *s >= '0' && *s <= '9'; s++, digits++) {
        if (v > ((size_t)-1 - 9) / 10)
            return -1;
        v = v * 10 + (size_t)(*s - '0');
    }
    while (sl_is_space((unsigned char)*s))
        s++;
    if (!digits || *s || v == 0)
        return -1;
    *out = v;
    return 0;
}

static void warn(solieu_aggregate *agg, const char *name, size_t line, const char *message)
{
    agg->skipped_rows++;
    if (!agg->on_diag)
        return;
    solieu_diagnostic d;
    memset(&d, 0, sizeof d);
    d.severity = SOLIEU_SEVERITY_WARNING;
    d.code = SOLIEU_ERR_CSV;
    d.file = name;
    d.line = line;
    d.message = message;
    agg->on_diag(&d, agg->diag_user);
}

static int all_empty(const solieu_table *t, size_t row)
{
    size_t n = solieu_table_columns(t);
    for (size_t c = 0; c < n; c++) {
        const char *s = solieu_table_cell(t, row, (long)c);
        while (sl_is_space((unsigned char)*s))
            s++;
        if (*s)
            return 0;
    }
    return 1;
}

static const char *intern_cell(solieu_aggregate *agg, const solieu_table *t, size_t row, long col)
{
    const char *s = solieu_table_cell(t, row, col);
    return sl_agg_intern(&agg->strings, s, strlen(s));
}

/* Adds the fact of one row; returns SOLIEU_OK also when the row is skipped. */
static solieu_status add_row(solieu_aggregate *agg, const solieu_table *t, const char *name,
                             size_t row, const long *col, const long *doc_col)
{
    size_t line_no = solieu_table_row_line(t, row);
    if (all_empty(t, row))
        return SOLIEU_OK;
    sl_agg_fact f;
    memset(&f, 0, sizeof f);
    const char *value = solieu_table_cell(t, row, col[COL_VALUE]);
    if (parse_value(value, &f.value) != 0) {
        char *msg = sl_printf("value '%.40s' is not a plain decimal number; row skipped", value);
        warn(agg, name, line_no, msg ? msg : "value is not a plain decimal number; row skipped");
        free(msg);
        return SOLIEU_OK;
    }
    const char *line = solieu_table_cell(t, row, col[COL_LINE]);
    if (parse_line(line, &f.line) != 0) {
        char *msg = sl_printf("line '%.40s' is not a line number; row skipped", line);
        warn(agg, name, line_no, msg ? msg : "line is not a line number; row skipped");
        free(msg);
        return SOLIEU_OK;
    }
    f.doc = f.name = intern_cell(agg, t, row, col[COL_DOC]);
    f.path = col[COL_PATH] >= 0 ? intern_cell(agg, t, row, col[COL_PATH]) : "";
    f.entity = intern_cell(agg, t, row, col[COL_ENTITY]);
    f.metric = intern_cell(agg, t, row, col[COL_METRIC]);
    f.qualifier = intern_cell(agg, t, row, col[COL_QUALIFIER]);
    f.unit = intern_cell(agg, t, row, col[COL_UNIT]);
    f.period = intern_cell(agg, t, row, col[COL_PERIOD]);
    if (!f.doc || !f.path || !f.entity || !f.metric || !f.qualifier || !f.unit || !f.period)
        return SOLIEU_ERR_NOMEM;
    sl_agg_fact *slot = sl_vec_push(&agg->facts);
    if (!slot)
        return SOLIEU_ERR_NOMEM;
    *slot = f;

    for (int k = 0; k < SL_DOC_NFIELDS; k++) {
        if (doc_col[k] < 0 || !*solieu_table_cell(t, row, doc_col[k]))
            continue;
        const char *v = intern_cell(agg, t, row, doc_col[k]);
        sl_agg_vote *vote = v ? sl_vec_push(&agg->votes) : NULL;
        if (!vote)
            return SOLIEU_ERR_NOMEM;
        vote->doc = vote->name = f.name;
        vote->path = f.path;
        vote->field = k;
        vote->value = v;
    }
    return SOLIEU_OK;
}

solieu_status solieu_aggregate_add_table(solieu_aggregate *agg, const solieu_table *table,
                                         const char *name, char **error)
{
    if (error)
        *error = NULL;
    if (!name)
        name = "<facts>";
    long col[COL_NCOLS];
    for (int k = 0; k < COL_NCOLS; k++) {
        col[k] = solieu_table_column(table, column_names[k]);
        if (k < N_NEEDED && col[k] < 0) {
            if (error)
                *error = sl_printf("%s:1: missing column '%s' (a facts CSV needs doc, line, "
                                   "value, unit, metric, period, entity)",
                                   name, column_names[k]);
            return SOLIEU_ERR_CSV;
        }
    }
    long doc_col[SL_DOC_NFIELDS];
    for (int k = 0; k < SL_DOC_NFIELDS; k++)
        doc_col[k] = *doc_columns[k] ? solieu_table_column(table, doc_columns[k]) : -1;

    /* Rows are added to the end, so a failure part-way drops them again and
     * the file counts as not added at all. */
    size_t facts_before = agg->facts.len, votes_before = agg->votes.len;
    size_t skipped_before = agg->skipped_rows;
    size_t rows = solieu_table_rows(table);
    for (size_t r = 0; r < rows; r++) {
        solieu_status st = add_row(agg, table, name, r, col, doc_col);
        if (st != SOLIEU_OK) {
            agg->facts.len = facts_before;
            agg->votes.len = votes_before;
            agg->skipped_rows = skipped_before;
            if (error)
                *error = sl_printf("%s:%zu: %s", name, solieu_table_row_line(table, r),
                                   solieu_strerror(st));
            return st;
        }
    }
    sl_agg_reset_results(agg);
    return SOLIEU_OK;
}

/* Standard input as a whole, under the same cap as a file. */
static solieu_status read_stdin(char **data, size_t *len)
{
    sl_buf b;
    sl_buf_init(&b, SOLIEU_MAX_DOCUMENT_BYTES);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
        if (sl_buf_append(&b, chunk, n) != 0) {
            int too_big = b.len + n > SOLIEU_MAX_DOCUMENT_BYTES;
            sl_buf_free(&b);
            return too_big ? SOLIEU_ERR_TOO_BIG : SOLIEU_ERR_NOMEM;
        }
    }
    if (ferror(stdin)) {
        sl_buf_free(&b);
        return SOLIEU_ERR_IO;
    }
    *len = b.len;
    *data = sl_buf_take(&b);
    return *data ? SOLIEU_OK : SOLIEU_ERR_NOMEM;
}

solieu_status solieu_aggregate_add_file(solieu_aggregate *agg, const char *path, char **error)
{
    if (error)
        *error = NULL;
    solieu_table *table = NULL;
    solieu_status st;
    const char *name = path;
    if (strcmp(path, "-") == 0) {
        name = "<stdin>";
        char *data = NULL;
        size_t len = 0;
        st = read_stdin(&data, &len);
        if (st != SOLIEU_OK) {
            if (error)
                *error = sl_printf("%s: %s", name,
                                   st == SOLIEU_ERR_IO ? strerror(errno) : solieu_strerror(st));
            return st;
        }
        st = solieu_table_parse(name, data, len, &table, error);
        free(data);
    } else {
        st = solieu_table_read(path, &table, error);
    }
    if (st != SOLIEU_OK)
        return st;
    st = solieu_aggregate_add_table(agg, table, name, error);
    solieu_table_destroy(table);
    return st;
}

size_t solieu_aggregate_skipped_rows(const solieu_aggregate *agg)
{
    return agg->skipped_rows;
}
