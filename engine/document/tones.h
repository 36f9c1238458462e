/* Old tone placement mended to the new (see tones.c). */
#ifndef SOLIEU_DOCUMENT_TONES_H
#define SOLIEU_DOCUMENT_TONES_H

#include <stddef.h>

/* When s[i] opens a syllable-final vowel pair with its mark placed the old
 * way ("uỷ", "Hoà"): the pair's length, with *new_placement (static) and
 * *new_len the new way ("ủy", "Hòa"); else 0. */
size_t sl_old_tone_pair_at(const char *s, size_t len, size_t i, const char **new_placement,
                           size_t *new_len);

#endif
