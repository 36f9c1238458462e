/* Decoding steps of document loading (see normalize.c). */
#ifndef SOLIEU_DOCUMENT_NORMALIZE_H
#define SOLIEU_DOCUMENT_NORMALIZE_H

#include "util/util.h"

/* Rejects NUL bytes, invalid UTF-8 and text-less input, with a located
 * caller-owned message in *error. */
solieu_status sl_validate_bytes(const char *path, const char *data, size_t len, char **error);
/* Valid UTF-8 in, NFC with LF line ends out; anchors map offsets back. */
solieu_status sl_normalize(const char *data, size_t len, sl_buf *out, sl_vec *anchors);

#endif
