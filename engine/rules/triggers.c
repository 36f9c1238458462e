/* One pass finds every trigger literal of every rule: a bit per pair of
 * opening bytes says where a literal may start, and only there are the
 * literals that open with that byte compared. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules_internal.h"

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

/* Marks the pair (first, second) as one a word may open with, the first
 * byte in either ASCII case, so the scan tests the bytes as they stand. */
static void set_pair(sl_triggers *t, unsigned char first, unsigned char second)
{
    unsigned char cases[2] = {first, fold(first)};
    if (first >= 'a' && first <= 'z')
        cases[0] = (unsigned char)(first - 0x20);
    for (size_t k = 0; k < 2; k++) {
        size_t key = (size_t)cases[k] << 8 | second;
        t->pairs[key / 64] |= (uint64_t)1 << (key % 64);
    }
}

static long word_id(const sl_triggers *t, const char *w, size_t n)
{
    for (size_t k = 0; k < t->words.len; k++) {
        const sl_trigger_word *tw = sl_vec_at(&t->words, k);
        if (tw->len == n && memcmp(tw->text, w, n) == 0)
            return (long)k;
    }
    return -1;
}

const char *sl_trigger_next_word(const char **cursor, size_t *len)
{
    const char *w = *cursor;
    if (!w)
        return NULL;
    const char *bar = strchr(w, '|');
    *len = bar ? (size_t)(bar - w) : strlen(w);
    *cursor = bar ? bar + 1 : NULL;
    return w;
}

static int add_words(sl_triggers *t, const char *set, unsigned kind)
{
    size_t n;
    for (const char *w, *cursor = set; (w = sl_trigger_next_word(&cursor, &n));) {
        if (!n)
            continue;
        long have = word_id(t, w, n);
        if (have >= 0) {
            ((sl_trigger_word *)sl_vec_at(&t->words, (size_t)have))->kinds |= kind;
            continue;
        }
        sl_trigger_word *tw = sl_vec_push(&t->words);
        if (!tw || !(tw->text = sl_strndup(w, n)))
            return -1;
        tw->len = n;
        tw->kinds = kind;
        unsigned char tail[4] = {0}, mask[4] = {0};
        for (size_t k = 1; k < n && k <= 4; k++) {
            tail[k - 1] = (unsigned char)w[k];
            mask[k - 1] = 0xFF;
        }
        memcpy(&tw->tail, tail, 4);
        memcpy(&tw->tail_mask, mask, 4);
    }
    return 0;
}

int sl_triggers_build(sl_triggers *t, const char *const *sets, const unsigned *kinds, size_t n,
                      size_t *group_of)
{
    memset(t, 0, sizeof *t);
    sl_vec_init(&t->words, sizeof(sl_trigger_word));
    for (size_t i = 0; i < n; i++) {
        group_of[i] = (size_t)-1;
        if (!sets[i])
            continue;
        for (size_t j = 0; j < i && group_of[i] == (size_t)-1; j++)
            if (sets[j] && kinds[j] == kinds[i] && strcmp(sets[j], sets[i]) == 0)
                group_of[i] = group_of[j];
        if (group_of[i] == (size_t)-1) {
            group_of[i] = t->groups++;
            if (add_words(t, sets[i], kinds[i]) != 0)
                return -1;
        }
    }
    size_t nwords = t->words.len;
    t->group_words = sl_calloc(t->groups * nwords + 1, 1);
    if (!t->group_words)
        return -1;
    unsigned *group_kind = sl_calloc(t->groups + 1, sizeof *group_kind);
    if (!group_kind)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (!sets[i])
            continue;
        group_kind[group_of[i]] = kinds[i];
        size_t len;
        for (const char *w, *cursor = sets[i]; (w = sl_trigger_next_word(&cursor, &len));) {
            long id = len ? word_id(t, w, len) : -1;
            if (id >= 0)
                t->group_words[group_of[i] * nwords + (size_t)id] = 1;
        }
    }
    /* each word's groups of either kind, listed */
    static const unsigned kind_of_list[2] = {SL_LITERAL_TRIGGER, SL_LITERAL_OPENING};
    int rc = 0;
    for (size_t l = 0; l < 2 && rc == 0; l++) {
        sl_word_groups *by = &t->by_word[l];
        by->first = sl_calloc(nwords + 1, sizeof *by->first);
        by->groups = sl_calloc(t->groups * nwords + 1, sizeof *by->groups);
        if (!by->first || !by->groups) {
            rc = -1;
            break;
        }
        size_t listed = 0;
        for (size_t w = 0; w < nwords; w++) {
            by->first[w] = listed;
            for (size_t g = 0; g < t->groups; g++)
                if (group_kind[g] == kind_of_list[l] && t->group_words[g * nwords + w])
                    by->groups[listed++] = g;
        }
        by->first[nwords] = listed;
    }
    free(group_kind);
    if (rc != 0)
        return rc;
    t->ids = sl_calloc(nwords + 1, sizeof *t->ids);
    t->second = sl_calloc(nwords + 1, 1);
    if (!t->ids || !t->second)
        return -1;
    for (size_t k = 0; k < nwords; k++) {
        const sl_trigger_word *tw = sl_vec_at(&t->words, k);
        if (tw->len >= 2)
            t->first[fold((unsigned char)tw->text[0]) + 1]++;
    }
    for (size_t b = 0; b < 256; b++)
        t->first[b + 1] += t->first[b];
    size_t fill[256];
    memcpy(fill, t->first, sizeof fill);
    for (size_t k = 0; k < nwords; k++) {
        const sl_trigger_word *tw = sl_vec_at(&t->words, k);
        if (tw->len >= 2) {
            size_t j = fill[fold((unsigned char)tw->text[0])]++;
            t->ids[j] = k;
            t->second[j] = (unsigned char)tw->text[1];
        }
    }
    /* each first byte's words by second byte (stable), for a binary search:
     * a common first letter opens dozens of words */
    for (size_t b = 0; b < 256; b++)
        for (size_t j = t->first[b] + 1; j < t->first[b + 1]; j++)
            for (size_t m = j; m > t->first[b] && t->second[m - 1] > t->second[m]; m--) {
                size_t id = t->ids[m];
                unsigned char second = t->second[m];
                t->ids[m] = t->ids[m - 1];
                t->second[m] = t->second[m - 1];
                t->ids[m - 1] = id;
                t->second[m - 1] = second;
            }
    for (size_t k = 0; k < nwords; k++) {
        const sl_trigger_word *tw = sl_vec_at(&t->words, k);
        if (tw->len == 1) {
            /* a one-byte word opens every pair it starts, so the scan below
             * asks one bitmap for both kinds */
            unsigned char c = (unsigned char)tw->text[0];
            t->single[c] = k + 1;
            for (size_t next = 0; next < 256; next++)
                set_pair(t, c, (unsigned char)next);
        } else {
            unsigned char second = (unsigned char)tw->text[1];
            set_pair(t, (unsigned char)tw->text[0], second);
            for (size_t third = 0; third < 256; third++) {
                if (tw->len > 2 && third != (unsigned char)tw->text[2])
                    continue;
                size_t key = (size_t)second << 8 | third;
                t->tails[key / 64] |= (uint64_t)1 << (key % 64);
            }
        }
    }
    return sl_literals_hs_build(t);
}

void sl_triggers_free(sl_triggers *t)
{
    for (size_t k = 0; k < t->words.len; k++)
        free(((sl_trigger_word *)sl_vec_at(&t->words, k))->text);
    sl_vec_free(&t->words);
    free(t->group_words);
    for (size_t l = 0; l < 2; l++) {
        free(t->by_word[l].first);
        free(t->by_word[l].groups);
    }
    free(t->ids);
    free(t->second);
    sl_literals_hs_free(t);
    memset(t, 0, sizeof *t);
}

static int push_to(sl_vec *hits, size_t pos, size_t word)
{
    sl_trigger_hit *h = sl_vec_push(hits);
    if (!h)
        return -1;
    h->pos = pos;
    h->word = word;
    return 0;
}

int sl_trigger_push(const sl_triggers *t, size_t pos, size_t word, sl_vec *triggers,
                    sl_vec *openings)
{
    unsigned kinds = ((const sl_trigger_word *)sl_vec_at(&t->words, word))->kinds;
    if ((kinds & SL_LITERAL_TRIGGER) && push_to(triggers, pos, word) != 0)
        return -1;
    if ((kinds & SL_LITERAL_OPENING) && push_to(openings, pos, word) != 0)
        return -1;
    return 0;
}

/* The scan: a pair-bitmap test at every byte, the words compared only
 * where one may start. */
static int scan(const sl_triggers *t, const char *text, size_t len, sl_vec *triggers,
                sl_vec *openings)
{
    for (size_t i = 0; i + 1 < len; i++) {
        size_t key = (size_t)(unsigned char)text[i] << 8 | (unsigned char)text[i + 1];
        if (!(t->pairs[key / 64] >> (key % 64) & 1))
            continue;
        unsigned char c = (unsigned char)text[i];
        if (t->single[c] && sl_trigger_push(t, i, t->single[c] - 1, triggers, openings) != 0)
            return -1;
        unsigned char b = fold(c), c1 = (unsigned char)text[i + 1];
        if (i + 2 < len) {
            size_t tail = (size_t)c1 << 8 | (unsigned char)text[i + 2];
            if (!(t->tails[tail / 64] >> (tail % 64) & 1))
                continue;
        }
        uint32_t next4 = 0;
        if (len - i > 4)
            memcpy(&next4, text + i + 1, 4);
        size_t lo = t->first[b], hi = t->first[b + 1];
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (t->second[mid] < c1)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t j = lo; j < t->first[b + 1] && t->second[j] == c1; j++) {
            const sl_trigger_word *tw = sl_vec_at(&t->words, t->ids[j]);
            if (tw->len > len - i || (len - i > 4 && (next4 & tw->tail_mask) != tw->tail))
                continue;
            if (memcmp(text + i + 1, tw->text + 1, tw->len - 1) == 0 &&
                sl_trigger_push(t, i, t->ids[j], triggers, openings) != 0)
                return -1;
        }
    }
    unsigned char last = len ? (unsigned char)text[len - 1] : 0;
    if (len && t->single[last] &&
        sl_trigger_push(t, len - 1, t->single[last] - 1, triggers, openings) != 0)
        return -1;
    return 0;
}

int sl_triggers_find(const sl_triggers *t, sl_literal_scratch *scratch, const char *text,
                     size_t len, sl_vec *triggers, sl_vec *openings)
{
    if (scratch && t->hs_db && len <= UINT_MAX) {
        int rc = sl_literals_hs_find(t, scratch, text, len, triggers, openings);
        if (rc <= 0)
            return rc;
    }
    return scan(t, text, len, triggers, openings);
}

int sl_hits_by_group(const sl_triggers *t, const sl_vec *hits, sl_vec *starts)
{
    const sl_word_groups *by = &t->by_word[SL_LIST_OPENINGS];
    for (size_t k = 0; k < hits->len; k++) {
        const sl_trigger_hit *h = sl_vec_at(hits, k);
        for (size_t j = by->first[h->word]; j < by->first[h->word + 1]; j++) {
            sl_vec *v = &starts[by->groups[j]];
            if (v->len && *(const size_t *)sl_vec_at(v, v->len - 1) == h->pos)
                continue; /* two of the group's words at one place */
            size_t *slot = sl_vec_push(v);
            if (!slot)
                return -1;
            *slot = h->pos;
        }
    }
    return 0;
}
