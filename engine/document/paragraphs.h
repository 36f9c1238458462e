#ifndef SOLIEU_DOCUMENT_PARAGRAPHS_H
#define SOLIEU_DOCUMENT_PARAGRAPHS_H

#include "util/util.h"

struct solieu_document;

/* Classifies lines, assigns footnote bodies, joins continuations and builds
 * doc->paragraphs; needs lines and markers found first. -1: out of memory. */
int sl_find_paragraphs(struct solieu_document *doc);
void sl_paragraphs_free(sl_vec *paragraphs);

#endif
