/* Facts read back from a facts CSV, placed again in their document so the
 * relation rules can see where each number stands. A row is placed by its
 * byte_start when that still points at its text, else by its text on its
 * line; a row that fits neither is skipped. */
#include <stdlib.h>
#include <string.h>

#include <solieu/number.h>

#include "check/check_internal.h"

static size_t locate(const solieu_document *doc, size_t line, const char *text, const char *bs)
{
    size_t n = strlen(text);
    if (!n || line == 0 || line > doc->line_count)
        return (size_t)-1;
    if (*bs) {
        size_t off = sl_document_text_offset(doc, strtoull(bs, NULL, 10));
        if (off + n <= doc->len && strncmp(doc->text + off, text, n) == 0)
            return off;
    }
    size_t start = doc->line_starts[line - 1];
    size_t end = line < doc->line_count ? doc->line_starts[line] : doc->len;
    for (size_t i = start; i + n <= end; i++)
        if (strncmp(doc->text + i, text, n) == 0 &&
            (i == start || doc->text[i - 1] < '0' || doc->text[i - 1] > '9'))
            return i;
    return (size_t)-1;
}

static const char *keep(solieu_facts *facts, const char *s, int *oom)
{
    char *copy = sl_strdup(s);
    char **slot = copy ? sl_vec_push(&facts->strings) : NULL;
    if (!slot) {
        free(copy);
        *oom = 1;
        return "";
    }
    *slot = copy;
    return copy;
}

static int by_offset(const void *pa, const void *pb)
{
    const solieu_fact *a = pa, *b = pb;
    return a->text_start < b->text_start ? -1 : a->text_start > b->text_start;
}

solieu_status solieu_facts_from_rows(const solieu_document *doc, const solieu_table *table,
                                     const size_t *rows, size_t n, solieu_facts **out, char **error)
{
    *out = NULL;
    if (error)
        *error = NULL;
    long c_doc = solieu_table_column(table, "doc"), c_line = solieu_table_column(table, "line"),
         c_text = solieu_table_column(table, "text"), c_value = solieu_table_column(table, "value");
    if (c_doc < 0 || c_line < 0 || c_text < 0 || c_value < 0) {
        if (error)
            *error = sl_printf("facts CSV lacks one of the columns doc, line, text, value");
        return SOLIEU_ERR_CSV;
    }
    long c_den = solieu_table_column(table, "denominator"), c_unit = solieu_table_column(table, "unit"),
         c_metric = solieu_table_column(table, "metric"),
         c_qual = solieu_table_column(table, "qualifier"),
         c_period = solieu_table_column(table, "period"),
         c_entity = solieu_table_column(table, "entity"), c_rule = solieu_table_column(table, "rule"),
         c_bs = solieu_table_column(table, "byte_start");
    solieu_facts *facts = sl_calloc(1, sizeof *facts);
    if (!facts)
        return SOLIEU_ERR_NOMEM;
    sl_vec_init(&facts->facts, sizeof(solieu_fact));
    sl_vec_init(&facts->strings, sizeof(char *));
    int oom = 0;
    for (size_t k = 0; k < n && !oom; k++) {
        size_t row = rows[k];
        const char *text = solieu_table_cell(table, row, c_text);
        size_t line = strtoull(solieu_table_cell(table, row, c_line), NULL, 10);
        size_t at = locate(doc, line, text, solieu_table_cell(table, row, c_bs));
        if (at == (size_t)-1 || sl_document_paragraph_at(doc, at) == (size_t)-1)
            continue;
        solieu_fact *f = sl_vec_push(&facts->facts);
        if (!f) {
            oom = 1;
            break;
        }
        f->doc = doc->name;
        f->path = doc->path;
        f->text_start = at;
        f->text_end = at + strlen(text);
        f->line = solieu_document_line_of(doc, at, &f->column);
        f->byte_start = solieu_document_original_offset(doc, f->text_start);
        f->byte_end = solieu_document_original_offset(doc, f->text_end);
        f->text = keep(facts, text, &oom);
        f->value = strtod(solieu_table_cell(table, row, c_value), NULL);
        const char *den = solieu_table_cell(table, row, c_den);
        if (*den) {
            f->denominator = strtod(den, NULL);
            f->has_denominator = 1;
        }
        f->approx = "";
        f->unit = keep(facts, solieu_table_cell(table, row, c_unit), &oom);
        f->metric = keep(facts, solieu_table_cell(table, row, c_metric), &oom);
        f->qualifier = keep(facts, solieu_table_cell(table, row, c_qual), &oom);
        f->period = keep(facts, solieu_table_cell(table, row, c_period), &oom);
        f->entity = keep(facts, solieu_table_cell(table, row, c_entity), &oom);
        f->rule = keep(facts, solieu_table_cell(table, row, c_rule), &oom);
        f->context = "";
        f->footnote = solieu_document_footnote_at(doc, at);
        f->scope = "body";
        if (f->footnote) {
            char *scope = sl_printf("footnote:%d", f->footnote);
            f->scope = keep(facts, scope ? scope : "", &oom);
            free(scope);
        }
        f->paragraph = sl_document_paragraph_at(doc, at);
        if (!facts->entity && *f->entity)
            facts->entity = sl_strdup(f->entity);
    }
    if (oom) {
        solieu_facts_destroy(facts);
        return SOLIEU_ERR_NOMEM;
    }
    if (facts->facts.len)
        qsort(facts->facts.items, facts->facts.len, sizeof(solieu_fact), by_offset);
    for (size_t i = 0; i < facts->facts.len; i++)
        ((solieu_fact *)sl_vec_at(&facts->facts, i))->id = i + 1;
    *out = facts;
    return SOLIEU_OK;
}

solieu_status solieu_facts_from_table(const solieu_document *doc, const solieu_table *table,
                                      solieu_facts **out, char **error)
{
    *out = NULL;
    if (error)
        *error = NULL;
    long c_doc = solieu_table_column(table, "doc");
    size_t nrows = solieu_table_rows(table), n = 0;
    size_t *rows = sl_calloc(nrows ? nrows : 1, sizeof *rows);
    if (!rows)
        return SOLIEU_ERR_NOMEM;
    const char *name = solieu_document_name(doc);
    for (size_t row = 0; c_doc >= 0 && row < nrows; row++)
        if (strcmp(sl_basename(solieu_table_cell(table, row, c_doc)), name) == 0)
            rows[n++] = row;
    solieu_status st = solieu_facts_from_rows(doc, table, rows, n, out, error);
    free(rows);
    return st;
}
