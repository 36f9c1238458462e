/* The sentence ends of one segment, found in one pass, so that the many
 * windows and candidates of a paragraph look their sentence up instead of
 * walking the text again. Answers equal sl_sentence_start/sl_sentence_end. */
#include <string.h>

#include <solieu/limits.h>

#include "extract/extract_internal.h"

static int is_stop(char c)
{
    return c == '.' || c == '!' || c == '?';
}

int sl_sentences_index(sl_sentences *t, const char *s, size_t len)
{
    t->s = s;
    t->len = len;
    t->ends.len = 0;
    /* stops are rare: memchr finds each kind, the nearest is taken first */
    const char *next[3] = {NULL, NULL, NULL}, stops[3] = {'.', '!', '?'};
    for (size_t k = 0; k < 3; k++)
        next[k] = len ? memchr(s, stops[k], len) : NULL;
    for (;;) {
        size_t k = 3;
        for (size_t j = 0; j < 3; j++)
            if (next[j] && (k == 3 || next[j] < next[k]))
                k = j;
        if (k == 3)
            return 0;
        size_t i = (size_t)(next[k] - s);
        next[k] = i + 1 < len ? memchr(s + i + 1, stops[k], len - i - 1) : NULL;
        if (i + 1 < len && s[i + 1] != ' ' && s[i + 1] != '\n')
            continue;
        size_t *end = sl_vec_push(&t->ends);
        if (!end)
            return -1;
        *end = i + 1;
    }
}

size_t sl_sentences_start(const sl_sentences *t, size_t pos)
{
    size_t floor = pos > SOLIEU_MAX_SENTENCE_BYTES ? pos - SOLIEU_MAX_SENTENCE_BYTES : 0;
    /* a stop right before pos ends a sentence whatever follows it: the
     * text is seen as cut at pos */
    if (pos > floor && is_stop(t->s[pos - 1]))
        return pos;
    size_t k = sl_vec_lower_bound(&t->ends, pos); /* ends before pos: [0, k) */
    if (k == 0)
        return floor;
    size_t end = *(const size_t *)sl_vec_at(&t->ends, k - 1);
    return end > floor ? end : floor;
}

size_t sl_sentences_end(const sl_sentences *t, size_t pos)
{
    size_t ceiling =
        t->len - pos > SOLIEU_MAX_SENTENCE_BYTES ? pos + SOLIEU_MAX_SENTENCE_BYTES : t->len;
    size_t k = sl_vec_lower_bound(&t->ends, pos + 1);
    if (k == t->ends.len)
        return ceiling;
    size_t end = *(const size_t *)sl_vec_at(&t->ends, k);
    return end <= ceiling ? end : ceiling;
}
