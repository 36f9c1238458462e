/* Every match of one rule over one text, within PCRE2's limits. */
#include <string.h>

#include "extract/extract_internal.h"

int sl_match_all(solieu_extractor *ex, const sl_rule *r, const char *text, size_t len,
                 size_t line, const char *doc_name, sl_match_fn fn, void *ctx)
{
    size_t at = 0;
    while (at <= len) {
        int rc = pcre2_match(r->code, (PCRE2_SPTR)text, len, at, PCRE2_NO_UTF_CHECK, ex->md,
                             ex->mc);
        if (rc == PCRE2_ERROR_NOMATCH)
            return 0;
        if (rc < 0) {
            const char *why = rc == PCRE2_ERROR_MATCHLIMIT   ? "match limit"
                              : rc == PCRE2_ERROR_DEPTHLIMIT ? "depth limit"
                              : rc == PCRE2_ERROR_HEAPLIMIT  ? "heap limit"
                                                             : "an error";
            sl_buf_printf(&ex->warnings, "%s:%zu: rule %s hit PCRE2's %s (error %d); skipped there\n",
                          doc_name, line, r->id, why, rc);
            return rc;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ex->md);
        if (fn(ctx, r, ex->md) != 0)
            return 0;
        size_t next = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
        /* step over a whole UTF-8 character after an empty match */
        while (next < len && ((unsigned char)text[next] & 0xC0) == 0x80)
            next++;
        at = next;
    }
    return 0;
}
