/* A report's legend of the abbreviations it uses. */
#ifndef SOLIEU_DOCUMENT_LEGEND_H
#define SOLIEU_DOCUMENT_LEGEND_H

#include <stddef.h>

#include "util/util.h"

typedef struct sl_abbreviation {
    char *short_form; /* "KN" */
    char *long_form;  /* "kết nạp" */
} sl_abbreviation;

/* The abbreviations s[0, len) defines in a legend after "viết tắt:"
 * ("ĐB: Đảng bộ; KN: kết nạp; ...", "ĐV - đảng viên; ..."), into out
 * (sl_abbreviation; empty when there is none), and where the legend's
 * entries begin and end (*at, *end_at; len when none). -1: out of memory
 * (out still to be freed). */
int sl_legend_read(const char *s, size_t len, sl_vec *out, size_t *at, size_t *end_at);
void sl_legend_free(sl_vec *abbreviations);

#endif
