/* One pass finds every trigger literal of every rule: a bit per pair of
 * opening bytes says where a literal may start, and only there are the
 * literals that open with that byte compared. */
#include <stdlib.h>
#include <string.h>

#include "rules/rules_internal.h"

static unsigned char fold(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

static size_t pair_key(const char *s)
{
    return (size_t)fold((unsigned char)s[0]) << 8 | (unsigned char)s[1];
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

static int add_words(sl_triggers *t, const char *trigger)
{
    size_t n;
    for (const char *w, *cursor = trigger; (w = sl_trigger_next_word(&cursor, &n));) {
        if (!n || word_id(t, w, n) >= 0)
            continue;
        sl_trigger_word *tw = sl_vec_push(&t->words);
        if (!tw || !(tw->text = sl_strndup(w, n)))
            return -1;
        tw->len = n;
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

int sl_triggers_build(sl_triggers *t, sl_vec *rules)
{
    memset(t, 0, sizeof *t);
    sl_vec_init(&t->words, sizeof(sl_trigger_word));
    for (size_t i = 0; i < rules->len; i++) {
        sl_rule *r = sl_vec_at(rules, i);
        r->trigger_group = (size_t)-1;
        if (!r->trigger)
            continue;
        for (size_t j = 0; j < i && r->trigger_group == (size_t)-1; j++) {
            const sl_rule *other = sl_vec_at(rules, j);
            if (other->trigger && strcmp(other->trigger, r->trigger) == 0)
                r->trigger_group = other->trigger_group;
        }
        if (r->trigger_group == (size_t)-1) {
            r->trigger_group = t->groups++;
            if (add_words(t, r->trigger) != 0)
                return -1;
        }
    }
    size_t nwords = t->words.len;
    t->group_words = sl_calloc(t->groups * nwords + 1, 1);
    if (!t->group_words)
        return -1;
    for (size_t i = 0; i < rules->len; i++) {
        const sl_rule *r = sl_vec_at(rules, i);
        if (!r->trigger)
            continue;
        size_t n;
        for (const char *w, *cursor = r->trigger; (w = sl_trigger_next_word(&cursor, &n));) {
            long id = n ? word_id(t, w, n) : -1;
            if (id >= 0)
                t->group_words[r->trigger_group * nwords + (size_t)id] = 1;
        }
    }
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
    for (size_t k = 0; k < nwords; k++) {
        const sl_trigger_word *tw = sl_vec_at(&t->words, k);
        if (tw->len == 1) {
            /* a one-byte word opens every pair it starts, so the scan below
             * asks one bitmap for both kinds */
            unsigned char c = (unsigned char)tw->text[0];
            t->single[c] = k + 1;
            for (size_t next = 0; next < 256; next++) {
                size_t key = (size_t)fold(c) << 8 | next;
                t->pairs[key / 64] |= (uint64_t)1 << (key % 64);
            }
        } else {
            size_t key = pair_key(tw->text);
            t->pairs[key / 64] |= (uint64_t)1 << (key % 64);
        }
    }
    return 0;
}

void sl_triggers_free(sl_triggers *t)
{
    for (size_t k = 0; k < t->words.len; k++)
        free(((sl_trigger_word *)sl_vec_at(&t->words, k))->text);
    sl_vec_free(&t->words);
    free(t->group_words);
    free(t->ids);
    free(t->second);
    memset(t, 0, sizeof *t);
}

static int push_hit(sl_vec *hits, size_t pos, size_t word)
{
    sl_trigger_hit *h = sl_vec_push(hits);
    if (!h)
        return -1;
    h->pos = pos;
    h->word = word;
    return 0;
}

int sl_triggers_find(const sl_triggers *t, const char *text, size_t len, sl_vec *hits)
{
    for (size_t i = 0; i + 1 < len; i++) {
        size_t key = pair_key(text + i);
        if (!(t->pairs[key / 64] >> (key % 64) & 1))
            continue;
        unsigned char c = (unsigned char)text[i];
        if (t->single[c] && push_hit(hits, i, t->single[c] - 1) != 0)
            return -1;
        unsigned char b = fold(c), c1 = (unsigned char)text[i + 1];
        uint32_t next4 = 0;
        if (len - i > 4)
            memcpy(&next4, text + i + 1, 4);
        for (size_t j = t->first[b]; j < t->first[b + 1]; j++) {
            if (t->second[j] != c1)
                continue;
            const sl_trigger_word *tw = sl_vec_at(&t->words, t->ids[j]);
            if (tw->len > len - i || (len - i > 4 && (next4 & tw->tail_mask) != tw->tail))
                continue;
            if (memcmp(text + i + 1, tw->text + 1, tw->len - 1) == 0 &&
                push_hit(hits, i, t->ids[j]) != 0)
                return -1;
        }
    }
    unsigned char last = len ? (unsigned char)text[len - 1] : 0;
    if (len && t->single[last] && push_hit(hits, len - 1, t->single[last] - 1) != 0)
        return -1;
    return 0;
}
