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
} tone_pair;

/* Every mark on every case of o-a, o-e and u-y, in UTF-8 escapes. */
static const tone_pair pairs[] = {
    {"\x6F\xC3\xA0", "\xC3\xB2\x61"},         /* oà -> òa */
    {"\x6F\xC3\xA1", "\xC3\xB3\x61"},         /* oá -> óa */
    {"\x6F\xE1\xBA\xA3", "\xE1\xBB\x8F\x61"}, /* oả -> ỏa */
    {"\x6F\xC3\xA3", "\xC3\xB5\x61"},         /* oã -> õa */
    {"\x6F\xE1\xBA\xA1", "\xE1\xBB\x8D\x61"}, /* oạ -> ọa */
    {"\x6F\xC3\x80", "\xC3\xB2\x41"},         /* oÀ -> òA */
    {"\x6F\xC3\x81", "\xC3\xB3\x41"},         /* oÁ -> óA */
    {"\x6F\xE1\xBA\xA2", "\xE1\xBB\x8F\x41"}, /* oẢ -> ỏA */
    {"\x6F\xC3\x83", "\xC3\xB5\x41"},         /* oÃ -> õA */
    {"\x6F\xE1\xBA\xA0", "\xE1\xBB\x8D\x41"}, /* oẠ -> ọA */
    {"\x6F\xC3\xA8", "\xC3\xB2\x65"},         /* oè -> òe */
    {"\x6F\xC3\xA9", "\xC3\xB3\x65"},         /* oé -> óe */
    {"\x6F\xE1\xBA\xBB", "\xE1\xBB\x8F\x65"}, /* oẻ -> ỏe */
    {"\x6F\xE1\xBA\xBD", "\xC3\xB5\x65"},     /* oẽ -> õe */
    {"\x6F\xE1\xBA\xB9", "\xE1\xBB\x8D\x65"}, /* oẹ -> ọe */
    {"\x6F\xC3\x88", "\xC3\xB2\x45"},         /* oÈ -> òE */
    {"\x6F\xC3\x89", "\xC3\xB3\x45"},         /* oÉ -> óE */
    {"\x6F\xE1\xBA\xBA", "\xE1\xBB\x8F\x45"}, /* oẺ -> ỏE */
    {"\x6F\xE1\xBA\xBC", "\xC3\xB5\x45"},     /* oẼ -> õE */
    {"\x6F\xE1\xBA\xB8", "\xE1\xBB\x8D\x45"}, /* oẸ -> ọE */
    {"\x4F\xC3\xA0", "\xC3\x92\x61"},         /* Oà -> Òa */
    {"\x4F\xC3\xA1", "\xC3\x93\x61"},         /* Oá -> Óa */
    {"\x4F\xE1\xBA\xA3", "\xE1\xBB\x8E\x61"}, /* Oả -> Ỏa */
    {"\x4F\xC3\xA3", "\xC3\x95\x61"},         /* Oã -> Õa */
    {"\x4F\xE1\xBA\xA1", "\xE1\xBB\x8C\x61"}, /* Oạ -> Ọa */
    {"\x4F\xC3\x80", "\xC3\x92\x41"},         /* OÀ -> ÒA */
    {"\x4F\xC3\x81", "\xC3\x93\x41"},         /* OÁ -> ÓA */
    {"\x4F\xE1\xBA\xA2", "\xE1\xBB\x8E\x41"}, /* OẢ -> ỎA */
    {"\x4F\xC3\x83", "\xC3\x95\x41"},         /* OÃ -> ÕA */
    {"\x4F\xE1\xBA\xA0", "\xE1\xBB\x8C\x41"}, /* OẠ -> ỌA */
    {"\x4F\xC3\xA8", "\xC3\x92\x65"},         /* Oè -> Òe */
    {"\x4F\xC3\xA9", "\xC3\x93\x65"},         /* Oé -> Óe */
    {"\x4F\xE1\xBA\xBB", "\xE1\xBB\x8E\x65"}, /* Oẻ -> Ỏe */
    {"\x4F\xE1\xBA\xBD", "\xC3\x95\x65"},     /* Oẽ -> Õe */
    {"\x4F\xE1\xBA\xB9", "\xE1\xBB\x8C\x65"}, /* Oẹ -> Ọe */
    {"\x4F\xC3\x88", "\xC3\x92\x45"},         /* OÈ -> ÒE */
    {"\x4F\xC3\x89", "\xC3\x93\x45"},         /* OÉ -> ÓE */
    {"\x4F\xE1\xBA\xBA", "\xE1\xBB\x8E\x45"}, /* OẺ -> ỎE */
    {"\x4F\xE1\xBA\xBC", "\xC3\x95\x45"},     /* OẼ -> ÕE */
    {"\x4F\xE1\xBA\xB8", "\xE1\xBB\x8C\x45"}, /* OẸ -> ỌE */
    {"\x75\xE1\xBB\xB3", "\xC3\xB9\x79"},     /* uỳ -> ùy */
    {"\x75\xC3\xBD", "\xC3\xBA\x79"},         /* uý -> úy */
    {"\x75\xE1\xBB\xB7", "\xE1\xBB\xA7\x79"}, /* uỷ -> ủy */
    {"\x75\xE1\xBB\xB9", "\xC5\xA9\x79"},     /* uỹ -> ũy */
    {"\x75\xE1\xBB\xB5", "\xE1\xBB\xA5\x79"}, /* uỵ -> ụy */
    {"\x75\xE1\xBB\xB2", "\xC3\xB9\x59"},     /* uỲ -> ùY */
    {"\x75\xC3\x9D", "\xC3\xBA\x59"},         /* uÝ -> úY */
    {"\x75\xE1\xBB\xB6", "\xE1\xBB\xA7\x59"}, /* uỶ -> ủY */
    {"\x75\xE1\xBB\xB8", "\xC5\xA9\x59"},     /* uỸ -> ũY */
    {"\x75\xE1\xBB\xB4", "\xE1\xBB\xA5\x59"}, /* uỴ -> ụY */
    {"\x55\xE1\xBB\xB3", "\xC3\x99\x79"},     /* Uỳ -> Ùy */
    {"\x55\xC3\xBD", "\xC3\x9A\x79"},         /* Uý -> Úy */
    {"\x55\xE1\xBB\xB7", "\xE1\xBB\xA6\x79"}, /* Uỷ -> Ủy */
    {"\x55\xE1\xBB\xB9", "\xC5\xA8\x79"},     /* Uỹ -> Ũy */
    {"\x55\xE1\xBB\xB5", "\xE1\xBB\xA4\x79"}, /* Uỵ -> Ụy */
    {"\x55\xE1\xBB\xB2", "\xC3\x99\x59"},     /* UỲ -> ÙY */
    {"\x55\xC3\x9D", "\xC3\x9A\x59"},         /* UÝ -> ÚY */
    {"\x55\xE1\xBB\xB6", "\xE1\xBB\xA6\x59"}, /* UỶ -> ỦY */
    {"\x55\xE1\xBB\xB8", "\xC5\xA8\x59"},     /* UỸ -> ŨY */
    {"\x55\xE1\xBB\xB4", "\xE1\xBB\xA4\x59"}, /* UỴ -> ỤY */
};

static int letter_at(const char *s, size_t len, size_t at)
{
    int32_t cp;
    return at < len && sl_utf8_next(s + at, len - at, &cp) && sl_cp_is_letter(cp);
}

size_t sl_old_tone_pair_at(const char *s, size_t len, size_t i, const char **new_placement,
                           size_t *new_len)
{
    char first = s[i];
    if ((first != 'o' && first != 'O' && first != 'u' && first != 'U') || i + 2 >= len ||
        (unsigned char)s[i + 1] < 0xC3)
        return 0;
    if (i > 0 && (first == 'u' || first == 'U') && (s[i - 1] == 'q' || s[i - 1] == 'Q'))
        return 0; /* "quý": the u belongs to the consonant */
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        const char *old = pairs[k].old_placement;
        size_t n = strlen(old);
        if (old[0] != first || i + n > len || memcmp(s + i, old, n) != 0)
            continue;
        if (letter_at(s, len, i + n))
            return 0; /* "hoàn", "khuỷu": the mark stands where it should */
        *new_placement = pairs[k].new_placement;
        *new_len = strlen(*new_placement);
        return n;
    }
    return 0;
}

char *sl_in_old_tone_placement(const char *s)
{
    size_t len = strlen(s);
    sl_buf out;
    sl_buf_init(&out, 0);
    for (size_t i = 0; i < len;) {
        size_t k = 0, n = 0;
        for (; k < sizeof pairs / sizeof pairs[0]; k++) {
            n = strlen(pairs[k].new_placement);
            if (i + n <= len && memcmp(s + i, pairs[k].new_placement, n) == 0 &&
                !letter_at(s, len, i + n) && !(i > 0 && (s[i - 1] == 'q' || s[i - 1] == 'Q')))
                break;
        }
        if (k < sizeof pairs / sizeof pairs[0]) {
            sl_buf_append(&out, pairs[k].old_placement, strlen(pairs[k].old_placement));
            i += n;
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
