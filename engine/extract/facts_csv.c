/* The facts CSV: the columns of shared/spec/facts.md, then the extras a
 * reader needs to go back to the sentence and the document. */
#include <stdio.h>

#include "extract/extract_internal.h"

static const char *const columns[] = {
    "doc",      "line",      "text",     "value",   "denominator", "unit",       "metric",
    "qualifier", "period",   "scope",    "entity",  "approx",      "rule",       "byte_start",
    "byte_end", "context",   "path",     "doc_date", "doc_number", "doc_type",   "doc_place"};
#define NCOLUMNS (sizeof columns / sizeof columns[0])

solieu_status solieu_facts_write_header(solieu_csv_writer *w)
{
    return solieu_csv_write_row(w, columns, NCOLUMNS);
}

solieu_status solieu_facts_write(solieu_csv_writer *w, const solieu_facts *facts,
                                 const solieu_document *doc)
{
    for (size_t i = 0; i < solieu_facts_count(facts); i++) {
        const solieu_fact *f = solieu_facts_get(facts, i);
        char line[32], value[64], den[64], bs[32], be[32];
        solieu_format_integer((long long)f->line, line, sizeof line);
        solieu_format_number(f->value, value, sizeof value);
        if (f->has_denominator)
            solieu_format_number(f->denominator, den, sizeof den);
        else
            den[0] = '\0';
        solieu_format_integer((long long)f->byte_start, bs, sizeof bs);
        solieu_format_integer((long long)f->byte_end, be, sizeof be);
        const char *row[NCOLUMNS] = {f->doc,     line,
                                     f->text,    value,
                                     den,        f->unit,
                                     f->metric,  f->qualifier,
                                     f->period,  f->scope,
                                     f->entity,  f->approx,
                                     f->rule,    bs,
                                     be,         f->context,
                                     f->path,    solieu_document_date(doc),
                                     solieu_document_number(doc), solieu_document_type(doc),
                                     solieu_document_place(doc)};
        solieu_status st = solieu_csv_write_row(w, row, NCOLUMNS);
        if (st != SOLIEU_OK)
            return st;
    }
    return SOLIEU_OK;
}
