/* Interned key strings. Fact files repeat the same entity, metric, unit and
 * doc on every row; keeping one copy of each saves most of the memory and
 * lets a key be stored as a pointer. Keys are NFC-normalised so that facts
 * typed with decomposed accents still land in the same series. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "agg.h"

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static int grow(sl_agg_strings *s)
{
    size_t cap = s->cap ? s->cap * 2 : 256;
    char **slots = sl_calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < s->cap; i++) {
        char *k = s->slots[i];
        if (!k)
            continue;
        size_t j = (size_t)hash_bytes(k, strlen(k)) & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = k;
    }
    free(s->slots);
    s->slots = slots;
    s->cap = cap;
    return 0;
}

/* NFC copy of text[0..len) in memory from sl_malloc, or NULL. Text that is
 * not valid UTF-8 is kept as it is (the CSV reader rejects it earlier). */
static char *nfc_copy(const char *text, size_t len)
{
    int ascii = 1;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)text[i] >= 0x80) {
            ascii = 0;
            break;
        }
    if (ascii)
        return sl_strndup(text, len);
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text, (utf8proc_ssize_t)len,
                                      &mapped, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0)
        return n == UTF8PROC_ERROR_NOMEM ? NULL : sl_strndup(text, len);
    /* utf8proc allocates with malloc; hand back memory from our own pair. */
    char *copy = sl_strndup((const char *)mapped, (size_t)n);
    free(mapped);
    return copy;
}

/* Slot holding text[0..len), or the empty slot where it would go. */
static size_t probe(const sl_agg_strings *s, const char *text, size_t len, uint64_t h)
{
    size_t j = (size_t)h & (s->cap - 1);
    while (s->slots[j]) {
        const char *k = s->slots[j];
        if (strncmp(k, text, len) == 0 && k[len] == '\0')
            return j;
        j = (j + 1) & (s->cap - 1);
    }
    return j;
}

const char *sl_agg_intern(sl_agg_strings *s, const char *text, size_t len)
{
    while (len && sl_is_space((unsigned char)*text))
        text++, len--;
    while (len && sl_is_space((unsigned char)text[len - 1]))
        len--;
    if ((s->len + 1) * 2 > s->cap && grow(s) != 0)
        return NULL;
    /* Nearly all input is NFC already: a raw hit is the NFC key itself, and
     * costs no allocation. */
    size_t j = probe(s, text, len, hash_bytes(text, len));
    if (s->slots[j])
        return s->slots[j];
    char *key = nfc_copy(text, len);
    if (!key)
        return NULL;
    size_t klen = strlen(key);
    j = probe(s, key, klen, hash_bytes(key, klen));
    if (s->slots[j]) {
        free(key);
        return s->slots[j];
    }
    s->slots[j] = key;
    s->len++;
    return key;
}

void sl_agg_strings_free(sl_agg_strings *s)
{
    for (size_t i = 0; i < s->cap; i++)
        free(s->slots[i]);
    free(s->slots);
    memset(s, 0, sizeof *s);
}
