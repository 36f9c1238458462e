/* Fuzz target: the document reader (solieu_document_from_memory) — UTF-8
 * validation, BOM, CRLF, NFC with its offset map, footnote markers,
 * paragraphs, markdown tables — and every accessor over the result. */
#include <solieu.h>

#include "document/tables.h"
#include "fuzz.h"

/* Every table cell lies in its row's line, in order. */
static void check_tables(const solieu_document *doc)
{
    sl_vec tables;
    sl_vec_init(&tables, sizeof(sl_table));
    if (sl_find_tables(doc, &tables) == 0) {
        for (size_t t = 0; t < tables.len; t++) {
            const sl_table *table = sl_vec_at(&tables, t);
            for (size_t r = 0; r <= table->rows.len; r++) {
                const sl_table_row *row = r ? sl_vec_at(&table->rows, r - 1) : &table->header;
                size_t line_start = doc->line_starts[row->line - 1], last = line_start;
                for (size_t c = 0; c < row->cells.len; c++) {
                    const sl_table_cell *cell = sl_vec_at(&row->cells, c);
                    FUZZ_ASSERT(cell->start >= last && cell->end >= cell->start &&
                                cell->end <= doc->len);
                    last = cell->end;
                }
            }
        }
    }
    sl_tables_free(&tables);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    solieu_document *doc = NULL;
    char *error = NULL;
    solieu_status st =
        solieu_document_from_memory("fuzz.txt", (const char *)data, size, &doc, &error);
    FUZZ_ASSERT((st == SOLIEU_OK) == (doc != NULL));
    FUZZ_ASSERT(st == SOLIEU_OK || error != NULL);
    if (doc) {
        size_t len = 0;
        const char *text = solieu_document_text(doc, &len);
        FUZZ_ASSERT(text != NULL && text[len] == '\0');
        size_t lines = solieu_document_line_count(doc);
        FUZZ_ASSERT(lines >= 1);
        /* 257 offsets spread over the text, its start and end among them */
        for (size_t i = 0; i <= 256; i++) {
            size_t off = (size_t)((unsigned long long)len * i / 256);
            size_t column = 0;
            size_t line = solieu_document_line_of(doc, off, &column);
            FUZZ_ASSERT(line >= 1 && line <= lines && column >= 1);
            /* a place in the original file lies inside it */
            FUZZ_ASSERT(solieu_document_original_offset(doc, off) <= size);
            (void)solieu_document_footnote_at(doc, off);
        }
        (void)solieu_document_name(doc);
        (void)solieu_document_path(doc);
        (void)solieu_document_date(doc);
        (void)solieu_document_year(doc);
        (void)solieu_document_number(doc);
        (void)solieu_document_type(doc);
        (void)solieu_document_place(doc);
        check_tables(doc);
    }
    solieu_free(error);
    solieu_document_destroy(doc);
    return 0;
}
