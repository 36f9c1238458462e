/* Sentences typed in capitals, read in lower case. */
#ifndef SOLIEU_DOCUMENT_CAPITALS_H
#define SOLIEU_DOCUMENT_CAPITALS_H

#include <solieu/document.h>

/* Lowers, in doc->scan, the lines that are sentences typed in capitals
 * (see capitals.c); needs the lines indexed. */
void sl_lower_capital_lines(solieu_document *doc);

#endif
