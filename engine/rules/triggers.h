/* Every rule's trigger literals (and, apart, every rule's opening words),
 * found in one pass over a text instead of one search per literal and rule. */
#ifndef SOLIEU_RULES_TRIGGERS_H
#define SOLIEU_RULES_TRIGGERS_H

#include <stddef.h>
#include <stdint.h>

#include "util/util.h"

struct hs_database; /* Hyperscan's, when the engine is built with it */

/* What a literal is looked for as: a rule's trigger, or a word a rule's
 * matches open with (rules/openings.h). Found in the same pass, reported
 * apart. */
enum { SL_LITERAL_TRIGGER = 1, SL_LITERAL_OPENING = 2 };

typedef struct sl_trigger_word {
    char *text;
    size_t len;
    unsigned kinds; /* SL_LITERAL_*: the sets that name it */
    /* up to four bytes after the first, to reject most places without a
     * call to memcmp: (next four bytes & tail_mask) == tail */
    uint32_t tail, tail_mask;
} sl_trigger_word;

/* The groups that name word w: groups[first[w] .. first[w + 1]). */
typedef struct sl_word_groups {
    size_t *first;
    size_t *groups;
} sl_word_groups;
enum { SL_LIST_TRIGGERS = 0, SL_LIST_OPENINGS = 1 };

typedef struct sl_triggers {
    sl_vec words;               /* sl_trigger_word, distinct */
    size_t groups; /* distinct sets; a rule's is sl_rule.trigger_group (or opening_group) */
    unsigned char *group_words; /* groups × words: whether a group names a word */
    /* the groups that name each word, trigger groups and opening groups
     * apart (SL_LIST_*) */
    sl_word_groups by_word[2];
    /* A word is looked for only where its first two bytes stand, the first
     * in either ASCII case: one bit per (first byte, second byte). */
    uint64_t pairs[65536 / 64];
    /* and where its second and third bytes stand (any third for a two-byte
     * word): a Vietnamese letter's first two bytes are shared by dozens of
     * letters ("ả", "ấ", "ọ" all open with E1 BA or E1 BB) */
    uint64_t tails[65536 / 64];
    size_t single[256]; /* one-byte words: their id + 1, else 0 */
    /* the longer words by folded first byte: ids[first[b] .. first[b + 1]),
     * ordered by second byte */
    size_t first[257];
    size_t *ids;
    unsigned char *second; /* second[j]: the second byte of word ids[j], asked first */
    struct hs_database *hs_db; /* the words for Hyperscan (literals_hs.c), or NULL */
} sl_triggers;

typedef struct sl_trigger_hit {
    size_t pos; /* first, for sl_vec_lower_bound */
    size_t word;
} sl_trigger_hit;

/* The literal of a '|'-separated trigger at *cursor (its length in *len),
 * moving *cursor to the next one; NULL after the last. */
const char *sl_trigger_next_word(const char **cursor, size_t *len);

/* Collects the literals of n '|'-separated sets (NULL: none), set i to be
 * looked for as kinds[i] (SL_LITERAL_*), and gives each set its group:
 * equal sets of one kind share one; (size_t)-1 for NULL. -1 when out of
 * memory. */
int sl_triggers_build(sl_triggers *t, const char *const *sets, const unsigned *kinds, size_t n,
                      size_t *group_of);
void sl_triggers_free(sl_triggers *t);

/* Working memory of the fast search, one per thread: Hyperscan's scratch
 * for the given searches. NULL when the engine has no fast search (built
 * without Hyperscan) or no memory for it: the searches then scan. */
typedef struct sl_literal_scratch sl_literal_scratch;
sl_literal_scratch *sl_literal_scratch_create(const sl_triggers *const *searches, size_t n);
void sl_literal_scratch_destroy(sl_literal_scratch *s);

/* Every occurrence of every word in text[0..len), by position (a word's
 * first byte compared with ASCII case folded, the rest exactly, as
 * sl_rule_trigger_at does), appended to triggers or openings
 * (sl_trigger_hit) as the word is looked for, to both when both. With a
 * scratch made for t, Hyperscan finds them; without, a scan. -1 when out
 * of memory. */
int sl_triggers_find(const sl_triggers *t, sl_literal_scratch *scratch, const char *text,
                     size_t len, sl_vec *triggers, sl_vec *openings);

/* The opening hits (sorted by position) split by group: starts[g] (a
 * size_t vector, one per group of t) gets the positions where a word of
 * group g stands, once each. -1 when out of memory. */
int sl_hits_by_group(const sl_triggers *t, const sl_vec *hits, sl_vec *starts);

/* Appends a hit of `word` at pos to triggers or openings (or both), as the
 * word is looked for; -1 when out of memory. */
int sl_trigger_push(const sl_triggers *t, size_t pos, size_t word, sl_vec *triggers,
                    sl_vec *openings);

/* The Hyperscan side (literals_hs.c): the database of t's words (left
 * NULL when Hyperscan is absent or cannot compile them; -1 when out of
 * memory), its release, and the search with it (0, -1 when out of memory,
 * 1 when Hyperscan could not search and the scan must). */
int sl_literals_hs_build(sl_triggers *t);
void sl_literals_hs_free(sl_triggers *t);
int sl_literals_hs_find(const sl_triggers *t, sl_literal_scratch *s, const char *text, size_t len,
                        sl_vec *triggers, sl_vec *openings);

static inline int sl_trigger_in_group(const sl_triggers *t, size_t group, size_t word)
{
    return t->group_words[group * t->words.len + word];
}

#endif
