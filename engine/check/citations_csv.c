/* A checker's citations as CSV and back: what the cross-document ref_date
 * check needs of a document, kept by a batch so that a changed archive does
 * not mean reading every unchanged report again. The last row is a mark
 * holding the number of rows before it: a file cut short (a power cut
 * between the rename and the data reaching the disk) is told from a whole
 * one, and its document is read instead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_internal.h"

enum { COL_DOC, COL_ENTITY, COL_TYPE, COL_NUMBER, COL_Y, COL_M, COL_D, COL_LINE, NCOLUMNS };
static const char *const columns[NCOLUMNS] = {"doc", "entity", "type", "number",
                                              "y",   "m",      "d",    "line"};

solieu_status solieu_checker_write_citations(const solieu_checker *c, solieu_csv_writer *w)
{
    solieu_status st = solieu_csv_write_row(w, columns, NCOLUMNS);
    for (size_t i = 0; st == SOLIEU_OK && i < c->citations.len; i++) {
        const sl_citation *ct = sl_vec_at(&c->citations, i);
        char y[16], m[16], d[16], line[32];
        snprintf(y, sizeof y, "%d", ct->y);
        snprintf(m, sizeof m, "%d", ct->m);
        snprintf(d, sizeof d, "%d", ct->d);
        snprintf(line, sizeof line, "%zu", ct->line);
        const char *row[NCOLUMNS] = {ct->doc, ct->entity, ct->type, ct->number, y, m, d, line};
        st = solieu_csv_write_row(w, row, NCOLUMNS);
    }
    if (st == SOLIEU_OK) {
        char count[32];
        snprintf(count, sizeof count, "%zu", c->citations.len);
        const char *mark[NCOLUMNS] = {"", "", "", "", "", "", "", count};
        st = solieu_csv_write_row(w, mark, NCOLUMNS);
    }
    return st;
}

/* A whole number of at most nine digits, else -1. */
static long small_number(const char *s)
{
    long v = 0;
    size_t n = 0;
    for (; s[n] >= '0' && s[n] <= '9' && n < 9; n++)
        v = v * 10 + (s[n] - '0');
    return n && !s[n] ? v : -1;
}

solieu_status solieu_checker_add_citations(solieu_checker *c, const solieu_table *t)
{
    long col[NCOLUMNS];
    for (int k = 0; k < NCOLUMNS; k++)
        if ((col[k] = solieu_table_column(t, columns[k])) < 0)
            return SOLIEU_ERR_CSV;
    size_t rows = solieu_table_rows(t);
    if (!rows || *solieu_table_cell(t, rows - 1, col[COL_NUMBER]) ||
        small_number(solieu_table_cell(t, rows - 1, col[COL_LINE])) != (long)(rows - 1))
        return SOLIEU_ERR_CSV; /* no mark, or a wrong count: cut short */
    size_t before = c->citations.len;
    solieu_status st = SOLIEU_OK;
    for (size_t r = 0; r + 1 < rows && st == SOLIEU_OK; r++) {
        long v[4]; /* y, m, d, line */
        for (int k = 0; k < 4; k++)
            v[k] = small_number(solieu_table_cell(t, r, col[COL_Y + k]));
        if (v[0] < 0 || v[1] < 0 || v[2] < 0 || v[3] < 0 ||
            !*solieu_table_cell(t, r, col[COL_NUMBER])) {
            st = SOLIEU_ERR_CSV;
            break;
        }
        sl_citation *ct = sl_vec_push(&c->citations);
        if (!ct) {
            st = SOLIEU_ERR_NOMEM;
            break;
        }
        memset(ct, 0, sizeof *ct);
        ct->doc = sl_strdup(solieu_table_cell(t, r, col[COL_DOC]));
        ct->entity = sl_strdup(solieu_table_cell(t, r, col[COL_ENTITY]));
        ct->type = sl_strdup(solieu_table_cell(t, r, col[COL_TYPE]));
        ct->number = sl_strdup(solieu_table_cell(t, r, col[COL_NUMBER]));
        ct->y = (int)v[0];
        ct->m = (int)v[1];
        ct->d = (int)v[2];
        ct->line = (size_t)v[3];
        if (!ct->doc || !ct->entity || !ct->type || !ct->number)
            st = SOLIEU_ERR_NOMEM;
    }
    if (st != SOLIEU_OK) {
        /* all or nothing: the caller reads the document instead */
        for (size_t i = before; i < c->citations.len; i++)
            sl_citation_free(sl_vec_at(&c->citations, i));
        c->citations.len = before;
    }
    return st;
}
