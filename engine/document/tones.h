/* Old tone placement mended to the new (see tones.c). */
#ifndef SOLIEU_DOCUMENT_TONES_H
#define SOLIEU_DOCUMENT_TONES_H

#include <stddef.h>

/* When s[i] opens a syllable-final vowel pair with its mark placed the old
 * way ("uỷ", "Hoà"): the pair's length, with *new_placement (static) and
 * *new_len the new way ("ủy", "Hòa"); else 0. */
size_t sl_old_tone_pair_at(const char *s, size_t len, size_t i, const char **new_placement,
                           size_t *new_len);

/* How many syllable-final pairs in s[0..len) are marked the new way
 * ("ủy", "Hòa"), counted up to `enough`. */
size_t sl_new_tone_pairs(const char *s, size_t len, size_t enough);
/* s with the marks of its syllable-final pairs placed the old way ("Hòa"
 * -> "Hoà"), for figures of a report written so; caller-owned, NULL when
 * out of memory. */
char *sl_in_old_tone_placement(const char *s);

#endif
