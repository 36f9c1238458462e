/* solieu: a report as text — decoded, normalised, with its structure found.
 *
 * Loading validates UTF-8 (an error names path:line:col), strips a BOM, folds
 * CRLF to LF, normalises to NFC with utf8proc while keeping a map back to the
 * original bytes, and finds the structure a fact needs: lines, paragraphs
 * (page-break continuations joined), footnote bodies with their continuation
 * lines, the footnote markers in the body, and the header (date, number). */
#ifndef SOLIEU_DOCUMENT_H
#define SOLIEU_DOCUMENT_H

#include <stddef.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct solieu_document solieu_document;

/* Loads a report from a file. On success *out is caller-owned (destroy with
 * solieu_document_destroy). On failure returns the status and, when `error`
 * is not NULL, a caller-owned message such as
 * "report.txt:42:17: invalid UTF-8" (free with solieu_free). */
SOLIEU_API solieu_status solieu_document_load(const char *path, solieu_document **out,
                                              char **error);
/* Same, from bytes in memory (copied); `path` names it in messages. */
SOLIEU_API solieu_status solieu_document_from_memory(const char *path, const char *data,
                                                     size_t len, solieu_document **out,
                                                     char **error);
SOLIEU_API void solieu_document_destroy(solieu_document *doc);

SOLIEU_API const char *solieu_document_path(const solieu_document *doc);
SOLIEU_API const char *solieu_document_name(const solieu_document *doc); /* base name */
/* The normalised text (NFC, LF), NUL-terminated, borrowed. */
SOLIEU_API const char *solieu_document_text(const solieu_document *doc, size_t *len);
SOLIEU_API size_t solieu_document_line_count(const solieu_document *doc);
/* 1-based line and byte column of a normalised offset. */
SOLIEU_API size_t solieu_document_line_of(const solieu_document *doc, size_t offset,
                                          size_t *column);
/* Byte offset in the original file of a normalised offset. */
SOLIEU_API size_t solieu_document_original_offset(const solieu_document *doc, size_t offset);
/* Footnote number whose body holds the offset, or 0 for the body text. */
SOLIEU_API int solieu_document_footnote_at(const solieu_document *doc, size_t offset);
/* The document's date as "YYYY-MM-DD" ("" when unknown), its year (0 when
 * unknown), number ("160-BC/TU"), type ("BÁO CÁO"), place; borrowed. */
SOLIEU_API const char *solieu_document_date(const solieu_document *doc);
SOLIEU_API int solieu_document_year(const solieu_document *doc);
SOLIEU_API const char *solieu_document_number(const solieu_document *doc);
SOLIEU_API const char *solieu_document_type(const solieu_document *doc);
SOLIEU_API const char *solieu_document_place(const solieu_document *doc);

#ifdef __cplusplus
}
#endif
#endif
