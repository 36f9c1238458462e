/* Old tone placement: "hoà", "khoẻ", "uỷ" for "hòa", "khỏe", "ủy". Both
 * spellings are Vietnamese, and reports from older templates keep the old
 * one ("HUYỆN UỶ", "Tỉnh uỷ", "văn hoá"); rules are written in the new one,
 * so the old is mended before they run. Only a syllable that ends on the
 * pair moves its mark: "hoàn", "khuỷu" and "quý" stay as they are. */
#include <stdlib.h>
#include <string.h>

#include "document/document_internal.h"
#include "document/tones.h"
#include "util/util.h"

typedef struct tone_pair {
    const char *old_placement, *new_placement;
    unsigned char old_len, new_len;
} tone_pair;

/* Every mark on every case of o-a, o-e and u-y, in UTF-8 escapes. */
static const tone_pair pairs[] = {
    {"\x6F\xC3\xA0", "\xC3\xB2\x61", 3, 3},         /* oà -> òa */
    {"\x6F\xC3\xA1", "\xC3\xB3\x61", 3, 3},         /* oá -> óa */
    {"\x6F\xE1\xBA\xA3", "\xE1\xBB\x8F\x61", 4, 4}, /* oả -> ỏa */
    {"\x6F\xC3\xA3", "\xC3\xB5\x61", 3, 3},         /* oã -> õa */
    {"\x6F\xE1\xBA\xA1", "\xE1\xBB\x8D\x61", 4, 4}, /* oạ -> ọa */
    {"\x6F\xC3\x80", "\xC3\xB2\x41", 3, 3},         /* oÀ -> òA */
    {"\x6F\xC3\x81", "\xC3\xB3\x41", 3, 3},         /* oÁ -> óA */
    {"\x6F\xE1\xBA\xA2", "\xE1\xBB\x8F\x41", 4, 4}, /* oẢ -> ỏA */
    {"\x6F\xC3\x83", "\xC3\xB5\x41", 3, 3},         /* oÃ -> õA */
    {"\x6F\xE1\xBA\xA0", "\xE1\xBB\x8D\x41", 4, 4}, /* oẠ -> ọA */
    {"\x6F\xC3\xA8", "\xC3\xB2\x65", 3, 3},         /* oè -> òe */
    {"\x6F\xC3\xA9", "\xC3\xB3\x65", 3, 3},         /* oé -> óe */
    {"\x6F\xE1\xBA\xBB", "\xE1\xBB\x8F\x65", 4, 4}, /* oẻ -> ỏe */
    {"\x6F\xE1\xBA\xBD", "\xC3\xB5\x65", 4, 3},     /* oẽ -> õe */
    {"\x6F\xE1\xBA\xB9", "\xE1\xBB\x8D\x65", 4, 4}, /* oẹ -> ọe */
    {"\x6F\xC3\x88", "\xC3\xB2\x45", 3, 3},         /* oÈ -> òE */
    {"\x6F\xC3\x89", "\xC3\xB3\x45", 3, 3},         /* oÉ -> óE */
    {"\x6F\xE1\xBA\xBA", "\xE1\xBB\x8F\x45", 4, 4}, /* oẺ -> ỏE */
    {"\x6F\xE1\xBA\xBC", "\xC3\xB5\x45", 4, 3},     /* oẼ -> õE */
    {"\x6F\xE1\xBA\xB8", "\xE1\xBB\x8D\x45", 4, 4}, /* oẸ -> ọE */
    {"\x4F\xC3\xA0", "\xC3\x92\x61", 3, 3},         /* Oà -> Òa */
    {"\x4F\xC3\xA1", "\xC3\x93\x61", 3, 3},         /* Oá -> Óa */
    {"\x4F\xE1\xBA\xA3", "\xE1\xBB\x8E\x61", 4, 4}, /* Oả -> Ỏa */
    {"\x4F\xC3\xA3", "\xC3\x95\x61", 3, 3},         /* Oã -> Õa */
    {"\x4F\xE1\xBA\xA1", "\xE1\xBB\x8C\x61", 4, 4}, /* Oạ -> Ọa */
    {"\x4F\xC3\x80", "\xC3\x92\x41", 3, 3},         /* OÀ -> ÒA */
    {"\x4F\xC3\x81", "\xC3\x93\x41", 3, 3},         /* OÁ -> ÓA */
    {"\x4F\xE1\xBA\xA2", "\xE1\xBB\x8E\x41", 4, 4}, /* OẢ -> ỎA */
    {"\x4F\xC3\x83", "\xC3\x95\x41", 3, 3},         /* OÃ -> ÕA */
    {"\x4F\xE1\xBA\xA0", "\xE1\xBB\x8C\x41", 4, 4}, /* OẠ -> ỌA */
    {"\x4F\xC3\xA8", "\xC3\x92\x65", 3, 3},         /* Oè -> Òe */
    {"\x4F\xC3\xA9", "\xC3\x93\x65", 3, 3},         /* Oé -> Óe */
    {"\x4F\xE1\xBA\xBB", "\xE1\xBB\x8E\x65", 4, 4}, /* Oẻ -> Ỏe */
    {"\x4F\xE1\xBA\xBD", "\xC3\x95\x65", 4, 3},     /* Oẽ -> Õe */
    {"\x4F\xE1\xBA\xB9", "\xE1\xBB\x8C\x65", 4, 4}, /* Oẹ -> Ọe */
    {"\x4F\xC3\x88", "\xC3\x92\x45", 3, 3},         /* OÈ -> ÒE */
    {"\x4F\xC3\x89", "\xC3\x93\x45", 3, 3},         /* OÉ -> ÓE */
    {"\x4F\xE1\xBA\xBA", "\xE1\xBB\x8E\x45", 4, 4}, /* OẺ -> ỎE */
    {"\x4F\xE1\xBA\xBC", "\xC3\x95\x45", 4, 3},     /* OẼ -> ÕE */
    {"\x4F\xE1\xBA\xB8", "\xE1\xBB\x8C\x45", 4, 4}, /* OẸ -> ỌE */
    {"\x75\xE1\xBB\xB3", "\xC3\xB9\x79", 4, 3},     /* uỳ -> ùy */
    {"\x75\xC3\xBD", "\xC3\xBA\x79", 3, 3},         /* uý -> úy */
    {"\x75\xE1\xBB\xB7", "\xE1\xBB\xA7\x79", 4, 4}, /* uỷ -> ủy */
    {"\x75\xE1\xBB\xB9", "\xC5\xA9\x79", 4, 3},     /* uỹ -> ũy */
    {"\x75\xE1\xBB\xB5", "\xE1\xBB\xA5\x79", 4, 4}, /* uỵ -> ụy */
    {"\x75\xE1\xBB\xB2", "\xC3\xB9\x59", 4, 3},     /* uỲ -> ùY */
    {"\x75\xC3\x9D", "\xC3\xBA\x59", 3, 3},         /* uÝ -> úY */
    {"\x75\xE1\xBB\xB6", "\xE1\xBB\xA7\x59", 4, 4}, /* uỶ -> ủY */
    {"\x75\xE1\xBB\xB8", "\xC5\xA9\x59", 4, 3},     /* uỸ -> ũY */
    {"\x75\xE1\xBB\xB4", "\xE1\xBB\xA5\x59", 4, 4}, /* uỴ -> ụY */
    {"\x55\xE1\xBB\xB3", "\xC3\x99\x79", 4, 3},     /* Uỳ -> Ùy */
    {"\x55\xC3\xBD", "\xC3\x9A\x79", 3, 3},         /* Uý -> Úy */
    {"\x55\xE1\xBB\xB7", "\xE1\xBB\xA6\x79", 4, 4}, /* Uỷ -> Ủy */
    {"\x55\xE1\xBB\xB9", "\xC5\xA8\x79", 4, 3},     /* Uỹ -> Ũy */
    {"\x55\xE1\xBB\xB5", "\xE1\xBB\xA4\x79", 4, 4}, /* Uỵ -> Ụy */
    {"\x55\xE1\xBB\xB2", "\xC3\x99\x59", 4, 3},     /* UỲ -> ÙY */
    {"\x55\xC3\x9D", "\xC3\x9A\x59", 3, 3},         /* UÝ -> ÚY */
    {"\x55\xE1\xBB\xB6", "\xE1\xBB\xA6\x59", 4, 4}, /* UỶ -> ỦY */
    {"\x55\xE1\xBB\xB8", "\xC5\xA8\x59", 4, 3},     /* UỸ -> ŨY */
    {"\x55\xE1\xBB\xB4", "\xE1\xBB\xA4\x59", 4, 4}, /* UỴ -> ỤY */
};
enum { PAIRS = sizeof pairs / sizeof pairs[0] };

size_t sl_old_tone_pair_at(const char *s, size_t len, size_t i, const char **new_placement,
                           size_t *new_len)
{
    char first = s[i];
    if ((first != 'o' && first != 'O' && first != 'u' && first != 'U') || i + 2 >= len ||
        (unsigned char)s[i + 1] < 0xC3)
        return 0;
    if (i > 0 && (first == 'u' || first == 'U') && (s[i - 1] == 'q' || s[i - 1] == 'Q'))
        return 0; /* "quý": the u belongs to the consonant */
    for (size_t k = 0; k < PAIRS; k++) {
        const tone_pair *t = &pairs[k];
        if (t->old_placement[0] != first || t->old_placement[1] != s[i + 1] ||
            t->old_placement[2] != s[i + 2] || i + t->old_len > len ||
            memcmp(s + i, t->old_placement, t->old_len) != 0)
            continue;
        if (sl_letter_at(s, len, i + t->old_len))
            return 0; /* "hoàn", "khuỷu": the mark stands where it should */
        *new_placement = t->new_placement;
        *new_len = t->new_len;
        return t->old_len;
    }
    return 0;
}

/* The pair placed the new way that opens at s[i] (a marked o or u), or
 * NULL; *n its length. Bytes below C3 open no marked vowel. */
static const tone_pair *new_pair_at(const char *s, size_t len, size_t i)
{
    if ((unsigned char)s[i] < 0xC3 || (i > 0 && (s[i - 1] == 'q' || s[i - 1] == 'Q')))
        return NULL;
    for (size_t k = 0; k < PAIRS; k++) {
        const tone_pair *t = &pairs[k];
        if (t->new_placement[0] == s[i] && i + t->new_len <= len &&
            memcmp(s + i, t->new_placement, t->new_len) == 0 &&
            !sl_letter_at(s, len, i + t->new_len))
            return t;
    }
    return NULL;
}

size_t sl_new_tone_pairs(const char *s, size_t len, size_t enough)
{
    size_t found = 0;
    for (size_t i = 0; i + 2 < len && found < enough; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0xC3)
            continue;
        /* the vowel after the marked one: a, e or y, after 2 or 3 bytes */
        size_t after = i + (c >= 0xE0 ? 3 : 2);
        char v = after < len ? (char)(s[after] | 0x20) : 0;
        if ((v == 'a' || v == 'e' || v == 'y') && new_pair_at(s, len, i))
            found++;
    }
    return found;
}

char *sl_in_old_tone_placement(const char *s)
{
    size_t len = strlen(s);
    sl_buf out;
    sl_buf_init(&out, 0);
    for (size_t i = 0; i < len;) {
        const tone_pair *t = new_pair_at(s, len, i);
        if (t) {
            sl_buf_append(&out, t->old_placement, t->old_len);
            i += t->new_len;
        } else {
            sl_buf_putc(&out, s[i++]);
        }
    }
    if (out.failed) {
        sl_buf_free(&out);
        return NULL;
    }
    return out.data ? sl_buf_take(&out) : sl_strdup("");
}
