/* Every match of one rule over one text, within PCRE2's limits. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "extract/extract_internal.h"

static void report_failure(solieu_extractor *ex, const sl_rule *r, int rc, size_t line,
                           const char *doc_name)
{
    const char *why = rc == PCRE2_ERROR_MATCHLIMIT   ? "match limit"
                      : rc == PCRE2_ERROR_DEPTHLIMIT ? "depth limit"
                      : rc == PCRE2_ERROR_HEAPLIMIT  ? "heap limit"
                                                     : "an error";
    sl_buf_printf(&ex->warnings, "%s:%zu: rule %s hit PCRE2's %s (error %d); skipped there\n",
                  doc_name, line, r->id, why, rc);
}

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int sl_match(solieu_extractor *ex, const sl_rule *r, const pcre2_code *code, const char *text,
             size_t len, size_t start, uint32_t options)
{
    solieu_rule_stats *st = NULL;
    if (ex->stats)
        st = &ex->stats[r - (const sl_rule *)ex->rules->rules.items];
    double t0 = (st && ex->profiling) ? now() : 0;
    /* pcre2_jit_match skips the checks pcre2_match makes on every call (the
     * text is known to be UTF-8: loading checked it). For code that was not
     * JIT compiled it does nothing but say so, and the interpreter runs. */
    int rc = pcre2_jit_match(code, (PCRE2_SPTR)text, len, start, options, ex->md, ex->mc);
    if (rc == PCRE2_ERROR_JIT_BADOPTION)
        rc = pcre2_match(code, (PCRE2_SPTR)text, len, start, options | PCRE2_NO_UTF_CHECK, ex->md,
                         ex->mc);
    if (st) {
        st->attempts++;
        st->matches += rc >= 0;
        st->limit_hits += rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
                          rc == PCRE2_ERROR_HEAPLIMIT;
        if (ex->profiling)
            st->seconds += now() - t0;
    }
    return rc;
}

int sl_match_range(solieu_extractor *ex, const sl_rule *r, const pcre2_code *code,
                   const char *text, size_t len, size_t from, size_t to, size_t line,
                   const char *doc_name, sl_match_fn fn, void *ctx)
{
    size_t at = from;
    while (at < to || (at == to && to == len)) {
        int rc = sl_match(ex, r, code, text, len, at, 0);
        if (rc == PCRE2_ERROR_NOMATCH)
            return 0;
        if (rc < 0) {
            report_failure(ex, r, rc, line, doc_name);
            return rc;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ex->md);
        if (ov[0] >= to && to < len)
            return 0;
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

int sl_match_scanning(solieu_extractor *ex, const sl_rule *r, const pcre2_code *code,
                      const char *text, size_t len, const sl_vec *starts, size_t from, size_t to,
                      size_t line, const char *doc_name, sl_match_fn fn, void *ctx)
{
    if (!r->code_open || !starts)
        return sl_match_range(ex, r, code, text, len, from, to, line, doc_name, fn, ctx);
    /* A scan finds the leftmost match at or after `from`, then goes on from
     * its end. Every match starts at an opening word, so trying the words in
     * order, and none before the last match's end, finds the same ones. */
    const size_t *at = starts->items;
    size_t resume = from;
    for (size_t k = sl_vec_lower_bound(starts, from); k < starts->len && at[k] < to; k++) {
        if (at[k] < resume)
            continue;
        int rc = sl_match(ex, r, r->code_open, text, len, at[k], 0);
        if (rc == PCRE2_ERROR_NOMATCH)
            continue;
        if (rc < 0) {
            report_failure(ex, r, rc, line, doc_name);
            return rc;
        }
        if (fn(ctx, r, ex->md) != 0)
            return 0;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ex->md);
        resume = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    return 0;
}

int sl_match_all(solieu_extractor *ex, const sl_rule *r, const char *text, size_t len,
                 size_t line, const char *doc_name, sl_match_fn fn, void *ctx)
{
    return sl_match_range(ex, r, r->code, text, len, 0, len, line, doc_name, fn, ctx);
}

int sl_word_starts_init(sl_word_starts *w, size_t groups)
{
    w->groups = groups;
    w->by_group = sl_calloc(groups + 1, sizeof *w->by_group);
    if (!w->by_group)
        return -1;
    for (size_t g = 0; g < groups; g++)
        sl_vec_init(&w->by_group[g], sizeof(size_t));
    return 0;
}

int sl_word_starts_fill(sl_word_starts *w, const sl_triggers *t, const sl_vec *openings)
{
    for (size_t g = 0; g < w->groups; g++)
        w->by_group[g].len = 0;
    return sl_hits_by_group(t, openings, w->by_group);
}

int sl_word_starts_find(solieu_extractor *ex, const sl_triggers *t, const char *text, size_t len,
                        sl_word_starts *w)
{
    sl_vec no_triggers, openings;
    sl_vec_init(&no_triggers, sizeof(sl_trigger_hit));
    sl_vec_init(&openings, sizeof(sl_trigger_hit));
    int rc = sl_triggers_find(t, ex->literals, text, len, &no_triggers, &openings);
    if (rc == 0)
        rc = sl_word_starts_fill(w, t, &openings);
    sl_vec_free(&no_triggers);
    sl_vec_free(&openings);
    return rc;
}

void sl_word_starts_free(sl_word_starts *w)
{
    for (size_t g = 0; w->by_group && g < w->groups; g++)
        sl_vec_free(&w->by_group[g]);
    free(w->by_group);
    w->by_group = NULL;
    w->groups = 0;
}
