/* Loading a report and answering questions about its places. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <solieu/limits.h>

#include "document/capitals.h"
#include "document/document_internal.h"
#include "document/markers.h"
#include "document/normalize.h"
#include "document/paragraphs.h"
#include "document/tones.h"

static int index_lines(solieu_document *doc)
{
    size_t count = 1;
    const char *end = doc->text + doc->len;
    for (const char *nl = doc->text; (nl = memchr(nl, '\n', (size_t)(end - nl))); nl++)
        count++;
    /* a final newline does not open another line */
    if (doc->len && doc->text[doc->len - 1] == '\n')
        count--;
    if (count == 0)
        count = 1;
    doc->line_starts = sl_calloc(count, sizeof *doc->line_starts);
    doc->line_footnote = sl_calloc(count, sizeof *doc->line_footnote);
    doc->line_paragraph = sl_calloc(count, sizeof *doc->line_paragraph);
    if (!doc->line_starts || !doc->line_footnote || !doc->line_paragraph)
        return -1;
    for (size_t i = 0; i < count; i++)
        doc->line_paragraph[i] = (size_t)-1;
    size_t k = 0;
    doc->line_starts[k++] = 0;
    for (const char *nl = doc->text; k < count && (nl = memchr(nl, '\n', (size_t)(end - nl))); nl++)
        doc->line_starts[k++] = (size_t)(nl - doc->text) + 1;
    doc->line_count = count;
    return 0;
}

solieu_status solieu_document_from_memory(const char *path, const char *data, size_t len,
                                          solieu_document **out, char **error)
{
    *out = NULL;
    if (error)
        *error = NULL;
    if (len > SOLIEU_MAX_DOCUMENT_BYTES) {
        if (error)
            *error = sl_printf("%s: document larger than %u bytes", path,
                               SOLIEU_MAX_DOCUMENT_BYTES);
        return SOLIEU_ERR_TOO_BIG;
    }
    solieu_status status = sl_validate_bytes(path, data, len, error);
    if (status != SOLIEU_OK)
        return status;

    solieu_document *doc = sl_calloc(1, sizeof *doc);
    if (!doc)
        return SOLIEU_ERR_NOMEM;
    sl_vec_init(&doc->anchors, sizeof(sl_anchor));
    sl_vec_init(&doc->spelled, sizeof(sl_spelled));
    sl_vec_init(&doc->paragraphs, sizeof(sl_paragraph));
    sl_vec_init(&doc->markers, sizeof(sl_marker));
    doc->original_size = len;
    doc->path = sl_strdup(path);
    sl_buf text;
    sl_buf_init(&text, 0);
    status = doc->path ? sl_normalize(data, len, &text, &doc->anchors) : SOLIEU_ERR_NOMEM;
    size_t old_tone_marks = 0;
    if (status == SOLIEU_OK)
        status = sl_mend_slips(&text, &doc->anchors, len, &doc->spelled, &old_tone_marks);
    /* a stray old mark in a report of new ones is a slip, not its spelling:
     * the old must be most of the marks, all new since the mends */
    doc->writes_old_tones =
        status == SOLIEU_OK && old_tone_marks &&
        2 * old_tone_marks > sl_new_tone_pairs(text.data, text.len, 2 * old_tone_marks);
    if (status == SOLIEU_OK) {
        doc->len = text.len;
        doc->text = sl_buf_take(&text);
        doc->scan = doc->text ? sl_strndup(doc->text, doc->len) : NULL;
        if (!doc->scan)
            status = SOLIEU_ERR_NOMEM;
    }
    sl_buf_free(&text);
    if (status == SOLIEU_OK) {
        doc->name = sl_basename(doc->path);
        if (index_lines(doc) != 0)
            status = SOLIEU_ERR_NOMEM;
        else
            sl_lower_capital_lines(doc);
        if (status == SOLIEU_OK && (sl_find_markers(doc) != 0 || sl_find_paragraphs(doc) != 0))
            status = SOLIEU_ERR_NOMEM;
    }
    if (status != SOLIEU_OK) {
        if (error && !*error)
            *error = sl_printf("%s: %s", path, solieu_strerror(status));
        solieu_document_destroy(doc);
        return status;
    }
    *out = doc;
    return SOLIEU_OK;
}

solieu_status solieu_document_load(const char *path, solieu_document **out, char **error)
{
    *out = NULL;
    if (error)
        *error = NULL;
    char *data;
    size_t len;
    solieu_status status = sl_read_file_or_say(path, SOLIEU_MAX_DOCUMENT_BYTES, &data, &len, error);
    if (status != SOLIEU_OK)
        return status;
    status = solieu_document_from_memory(path, data, len, out, error);
    free(data);
    return status;
}

void solieu_document_destroy(solieu_document *doc)
{
    if (!doc)
        return;
    free(doc->path);
    free(doc->text);
    free(doc->scan);
    free(doc->line_starts);
    free(doc->line_footnote);
    free(doc->line_paragraph);
    sl_vec_free(&doc->anchors);
    sl_spelled_free(&doc->spelled);
    sl_paragraphs_free(&doc->paragraphs);
    sl_vec_free(&doc->markers);
    free(doc->number);
    free(doc->type);
    free(doc->place);
    free(doc);
}

char *sl_document_as_written(const solieu_document *doc, size_t start, const char *mended,
                             size_t len)
{
    size_t end = start + len;
    const sl_spelled *w = doc->spelled.items;
    size_t k = 0, n = doc->spelled.len;
    while (k < n && w[k].at + w[k].len <= start)
        k++;
    if (k == n || w[k].at >= end)
        return sl_strndup(mended, len); /* nothing spelled there: as read */
    sl_buf out;
    sl_buf_init(&out, 0);
    size_t at = start;
    for (; k < n && w[k].at < end; k++) {
        if (w[k].at < at || w[k].at + w[k].len > end)
            break; /* a figure only partly inside: the rest as read */
        sl_buf_append(&out, mended + (at - start), w[k].at - at);
        sl_buf_append(&out, w[k].written, strlen(w[k].written));
        at = w[k].at + w[k].len;
    }
    sl_buf_append(&out, mended + (at - start), end - at);
    if (out.failed) {
        sl_buf_free(&out);
        return NULL;
    }
    return sl_buf_take(&out);
}

const char *solieu_document_path(const solieu_document *doc)
{
    return doc->path;
}

const char *solieu_document_name(const solieu_document *doc)
{
    return doc->name;
}

const char *solieu_document_text(const solieu_document *doc, size_t *len)
{
    if (len)
        *len = doc->len;
    return doc->text;
}

size_t solieu_document_line_count(const solieu_document *doc)
{
    return doc->line_count;
}

size_t solieu_document_line_of(const solieu_document *doc, size_t offset, size_t *column)
{
    size_t lo = 0, hi = doc->line_count;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    if (column)
        *column = offset - doc->line_starts[lo] + 1;
    return lo + 1;
}

size_t solieu_document_original_offset(const solieu_document *doc, size_t offset)
{
    return sl_anchors_original(&doc->anchors, offset, doc->original_size);
}

int solieu_document_footnote_at(const solieu_document *doc, size_t offset)
{
    return doc->line_footnote[solieu_document_line_of(doc, offset, NULL) - 1];
}

size_t sl_document_paragraph_at(const solieu_document *doc, size_t offset)
{
    return doc->line_paragraph[solieu_document_line_of(doc, offset, NULL) - 1];
}

size_t sl_document_paragraph_above(const solieu_document *doc, size_t offset)
{
    size_t line = solieu_document_line_of(doc, offset, NULL); /* 1-based */
    for (size_t k = line - 1; k-- > 0;)
        if (doc->line_paragraph[k] != (size_t)-1)
            return doc->line_paragraph[k];
    return (size_t)-1;
}

void sl_document_set_header(solieu_document *doc, const char *date, int year, const char *number,
                            const char *type, const char *place)
{
    snprintf(doc->date, sizeof doc->date, "%s", date ? date : "");
    doc->year = year;
    free(doc->number);
    free(doc->type);
    free(doc->place);
    doc->number = sl_strdup(number ? number : "");
    doc->type = sl_strdup(type ? type : "");
    doc->place = sl_strdup(place ? place : "");
}

const char *solieu_document_date(const solieu_document *doc)
{
    return doc->date;
}

int solieu_document_year(const solieu_document *doc)
{
    return doc->year;
}

const char *solieu_document_number(const solieu_document *doc)
{
    return doc->number ? doc->number : "";
}

const char *solieu_document_type(const solieu_document *doc)
{
    return doc->type ? doc->type : "";
}

const char *solieu_document_place(const solieu_document *doc)
{
    return doc->place ? doc->place : "";
}

size_t sl_document_text_offset(const solieu_document *doc, size_t original)
{
    const sl_anchor *a = doc->anchors.items;
    size_t lo = sl_anchor_before(&doc->anchors, original, 0);
    size_t off = a[lo].norm + (original > a[lo].orig ? original - a[lo].orig : 0);
    return off > doc->len ? doc->len : off;
}
