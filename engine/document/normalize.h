/* Decoding steps of document loading (see normalize.c). */
#ifndef SOLIEU_DOCUMENT_NORMALIZE_H
#define SOLIEU_DOCUMENT_NORMALIZE_H

#include "util/util.h"

/* Rejects NUL bytes, invalid UTF-8 and text-less input, with a located
 * caller-owned message in *error. */
solieu_status sl_validate_bytes(const char *path, const char *data, size_t len, char **error);
/* Valid UTF-8 in, NFC with LF line ends out; anchors map offsets back. */
solieu_status sl_normalize(const char *data, size_t len, sl_buf *out, sl_vec *anchors);

/* Appends the anchor (norm, orig) unless it is the last one; -1 when out of
 * memory. */
int sl_anchors_push(sl_vec *anchors, size_t norm, size_t orig);
/* The last anchor at or before `at`, read as a normalised offset (by_norm)
 * or an original one. */
size_t sl_anchor_before(const sl_vec *anchors, size_t at, int by_norm);
/* The original offset of normalised offset `norm`, through the anchors. */
size_t sl_anchors_original(const sl_vec *anchors, size_t norm, size_t original_size);
/* A figure the mends wrote in digits for what the report spelled ("năm
 * đảng viên" -> "5 đảng viên", "1O5" -> "105"): where the digits stand in
 * the mended text, and the words as the report wrote them (owned). */
typedef struct sl_spelled {
    size_t at, len;
    char *written;
} sl_spelled;

/* Mends the OCR and encoding slips of a few key nouns ("dảng" -> "đảng")
 * in normalised text, keeping the anchors true (see slips.c); the figures
 * it writes in digits are added to `spelled` (sl_spelled, in text order),
 * the marks it moves from the old place to the new to *old_tone_marks. */
solieu_status sl_mend_slips(sl_buf *text, sl_vec *anchors, size_t original_size, sl_vec *spelled,
                            size_t *old_tone_marks);
/* Frees the words of sl_spelled entries, and the vector. */
void sl_spelled_free(sl_vec *spelled);

#endif
