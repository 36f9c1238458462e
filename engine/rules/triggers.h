/* Every fact rule's trigger literals, found in one pass over a text instead
 * of one search per literal and rule. */
#ifndef SOLIEU_RULES_TRIGGERS_H
#define SOLIEU_RULES_TRIGGERS_H

#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

typedef struct sl_trigger_word {
    char *text;
    size_t len;
    /* up to four bytes after the first, to reject most places without a
     * call to memcmp: (next four bytes & tail_mask) == tail */
    uint32_t tail, tail_mask;
} sl_trigger_word;

typedef struct sl_triggers {
    sl_vec words;               /* sl_trigger_word, distinct */
    size_t groups;              /* distinct `trigger` values; a rule's is sl_rule.trigger_group */
    unsigned char *group_words; /* groups × words: whether a group names a word */
    /* A word is looked for only where its first two bytes stand, the first
     * with ASCII case folded: one bit per (folded first byte, second byte). */
    uint64_t pairs[65536 / 64];
    size_t single[256]; /* one-byte words: their id + 1, else 0 */
    /* the longer words by folded first byte: ids[first[b] .. first[b + 1]) */
    size_t first[257];
    size_t *ids;
    unsigned char *second; /* second[j]: the second byte of word ids[j], asked first */
} sl_triggers;

typedef struct sl_trigger_hit {
    size_t pos;
    size_t word;
} sl_trigger_hit;

/* The literal of a '|'-separated trigger at *cursor (its length in *len),
 * moving *cursor to the next one; NULL after the last. */
const char *sl_trigger_next_word(const char **cursor, size_t *len);

/* Collects the literals of every rule with a trigger and sets each rule's
 * trigger_group. -1 when out of memory. */
int sl_triggers_build(sl_triggers *t, sl_vec *rules);
void sl_triggers_free(sl_triggers *t);

/* Every occurrence of every word in text[0..len), by position (a word's
 * first byte compared with ASCII case folded, the rest exactly, as
 * sl_rule_trigger_at does), appended to hits (sl_trigger_hit). -1 when out
 * of memory. */
int sl_triggers_find(const sl_triggers *t, const char *text, size_t len, sl_vec *hits);

static inline int sl_trigger_in_group(const sl_triggers *t, size_t group, size_t word)
{
    return t->group_words[group * t->words.len + word];
}

#endif
