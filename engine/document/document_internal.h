/* The document's internal layout, shared by the engine's later stages. */
#ifndef SOLIEU_DOCUMENT_INTERNAL_H
#define SOLIEU_DOCUMENT_INTERNAL_H

#include <solieu/document.h>

#include "util/util.h"

/* One physical line's share of a paragraph, in normalised offsets. */
typedef struct sl_piece {
    size_t start, end;  /* [start, end) in doc->text, no '\n' */
    size_t seg_offset;  /* where the piece starts in the paragraph's segment */
} sl_piece;

/* A logical paragraph: lines that a page break or a hard wrap split are
 * joined (with one space) into one segment that rules run over. */
typedef struct sl_paragraph {
    sl_vec pieces;       /* sl_piece */
    int footnote;        /* 0: body; N: body of footnote N */
    int heading;         /* looks like a heading or title */
    const char *segment; /* scan text of the paragraph, borrowed or `joined` */
    size_t segment_len;
    char *joined;        /* owned copy when the paragraph has several pieces */
} sl_paragraph;

/* A footnote marker in the body: ¹, <sup>1</sup>, [1]. */
typedef struct sl_marker {
    size_t start, end; /* normalised offsets of the marker itself */
    int number;
    int definition;    /* opens the footnote's own body, not a reference */
    size_t paragraph;  /* index of the paragraph that holds it */
} sl_marker;

typedef struct sl_anchor {
    size_t norm, orig;
} sl_anchor;

enum { SL_MAX_PAREN_NOTES = 100 };

struct solieu_document {
    char *path;
    const char *name;
    size_t original_size; /* bytes of the file as read */
    char *text;  /* NFC, LF, no BOM */
    char *scan;  /* text with markers and markup blanked to spaces, same length */
    size_t len;
    size_t *line_starts;
    size_t line_count;
    int *line_footnote; /* per line: footnote number or 0 */
    size_t *line_paragraph; /* per line: index of its paragraph, or (size_t)-1 */
    sl_vec anchors;     /* sl_anchor: normalised -> original offsets */
    sl_vec spelled;     /* sl_spelled: figures the mends wrote in digits */
    int writes_old_tones; /* most marks placed the old way ("uỷ", "hoà"), read the new */
    sl_vec paragraphs;  /* sl_paragraph, in document order of first line */
    sl_vec markers;     /* sl_marker */
    /* footnotes numbered "(5)": a number is one when a "(5)" stuck to a
     * word cites it and a line opening with "(5) " later gives its body */
    unsigned char paren_note[SL_MAX_PAREN_NOTES];
    /* header, filled by the extractor's header rules */
    char date[16];
    int year;
    char *number;
    char *type;
    char *place;
};

/* The len bytes of text at normalised offset `start` as the report wrote
 * them: the figures the mends wrote in digits in their words again ("năm",
 * not "5"); `mended` is that text as read. Caller-owned; NULL when out of
 * memory. */
char *sl_document_as_written(const solieu_document *doc, size_t start, const char *mended,
                             size_t len);
/* Original file offset -> normalised offset (the inverse of
 * solieu_document_original_offset). */
size_t sl_document_text_offset(const solieu_document *doc, size_t original);
/* Segment offset -> normalised offset within paragraph p. */
size_t sl_paragraph_to_text(const sl_paragraph *p, size_t seg_offset);
/* The inverse: the segment offset of normalised offset `text_offset` in p
 * (0 when it lies outside p). */
size_t sl_segment_offset(const sl_paragraph *p, size_t text_offset);
/* Whether a paragraph is a list item: it opens with "- ", "+ ", "* " or "• ". */
int sl_paragraph_is_item(const sl_paragraph *p);
/* The byte an item's bullet opens with ('-', '+', '*', or the lead byte of
 * "•" and "–"), 0 when p is no item. */
char sl_paragraph_bullet(const sl_paragraph *p);
/* Whether a paragraph ends with ':' (a list's head: "Kết quả như sau:"). */
int sl_paragraph_opens_list(const sl_paragraph *p);
/* Normalised offset -> paragraph index, or (size_t)-1. */
size_t sl_document_paragraph_at(const solieu_document *doc, size_t offset);
/* The paragraph of the nearest line above the one holding `offset` that has
 * one (past blank lines and lines of markup alone); (size_t)-1 when none. */
size_t sl_document_paragraph_above(const solieu_document *doc, size_t offset);
/* Where line k (0-based) ends: its '\n', or the text's end. */
static inline size_t sl_line_end(const solieu_document *doc, size_t k)
{
    if (k + 1 < doc->line_count)
        return doc->line_starts[k + 1] - 1;
    size_t end = doc->len; /* the last line's '\n', when the text ends with one */
    return end > doc->line_starts[k] && doc->text[end - 1] == '\n' ? end - 1 : end;
}
/* Replaces the header fields (copies the strings). */
void sl_document_set_header(solieu_document *doc, const char *date, int year, const char *number,
                            const char *type, const char *place);

/* Decodes the code point at s[0..len); returns its byte length (1 for an
 * invalid byte, with *cp = -1). */
size_t sl_utf8_decode(const char *s, size_t len, int *cp);
/* Category tests on a code point via utf8proc. */
int sl_cp_is_upper(int cp);
int sl_cp_is_lower(int cp);
int sl_cp_is_letter(int cp);
/* Whether a letter starts at s[at] (at < len). */
int sl_letter_at(const char *s, size_t len, size_t at);

#endif
