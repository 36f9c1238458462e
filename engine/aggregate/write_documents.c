/* documents.csv: one row per document that contributed a fact. */
#include "agg.h"

solieu_status sl_agg_write_documents(const solieu_aggregate *agg, solieu_csv_writer *w)
{
    static const char *const header[] = {"doc",    "number", "type", "issuer",
                                         "entity", "place",  "date"};
    solieu_status st = solieu_csv_write_row(w, header, 7);
    for (size_t i = 0; i < agg->docs.len && st == SOLIEU_OK; i++) {
        const sl_agg_doc *d = sl_vec_at(&agg->docs, i);
        const char *row[7] = {d->doc,
                              d->field[SL_DOC_NUMBER],
                              d->field[SL_DOC_TYPE],
                              d->field[SL_DOC_ISSUER],
                              d->field[SL_DOC_ENTITY],
                              d->field[SL_DOC_PLACE],
                              d->field[SL_DOC_DATE]};
        st = solieu_csv_write_row(w, row, 7);
    }
    return st;
}
