#ifndef SOLIEU_DOCUMENT_MARKERS_H
#define SOLIEU_DOCUMENT_MARKERS_H

#include <stddef.h>

struct solieu_document;

/* Byte length of a footnote marker starting at s (¹², <sup>12</sup>, [12],
 * [^12]), with its number in *number; 0 when none starts there. */
size_t sl_marker_at(const char *s, size_t len, int *number);
/* Records every marker of doc->text in doc->markers and blanks markers and
 * markup in doc->scan. Returns -1 when out of memory. */
int sl_find_markers(struct solieu_document *doc);
/* A footnote body's opening "(n)" at text offset i (see find_paren_notes):
 * its length and *number, or 0. */
size_t sl_paren_note_at(const struct solieu_document *doc, size_t i, int *number);

/* Records the marker text[at, at+n) of footnote `number` and blanks it in
 * the scan copy; -1 when out of memory. */
int sl_marker_add(struct solieu_document *doc, size_t at, size_t n, int number);
/* Finds the footnotes numbered in plain digits or marked by stars under a
 * rule (plain_notes.c) and records their markers, unsorted; -1: out of
 * memory. */
int sl_find_plain_notes(struct solieu_document *doc);
/* A plain-digit or starred footnote body opening at text offset i: its
 * number's length and *number, or 0. Needs doc->markers sorted. */
size_t sl_plain_note_at(const struct solieu_document *doc, size_t i, int *number);

#endif
