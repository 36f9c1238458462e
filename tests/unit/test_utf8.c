/* The UTF-8 check against a walk with the strict decoder: every one- to
 * three-byte sequence and the edges of the four-byte ones, at every
 * position around a 16-byte block boundary, and random damage to
 * Vietnamese text. The check reads sixteen bytes at a time where it can;
 * the decoder reads one code point at a time. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "util/util.h"

/* Where the strict decoder stops: the first byte that does not start a
 * valid code point, or a NUL; (size_t)-1 when none. */
static size_t first_invalid(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t n = sl_utf8_next(s + i, len - i, &cp);
        if (cp <= 0)
            return i;
        i += n;
    }
    return (size_t)-1;
}

static size_t failures_shown;

/* seq[0..n) at offset `at` in a run of ASCII letters of length len */
static void check_placed(const unsigned char *seq, size_t n, size_t at, size_t len)
{
    char buf[64];
    memset(buf, 'a', sizeof buf);
    memcpy(buf + at, seq, n);
    size_t want = first_invalid(buf, len), got = sl_utf8_invalid_at(buf, len);
    CHECK(got == want);
    if (got != want && failures_shown++ < 10)
        fprintf(stderr, "  %zu bytes %02X %02X %02X %02X at %zu of %zu: %zd, expected %zd\n", n,
                seq[0], n > 1 ? seq[1] : 0, n > 2 ? seq[2] : 0, n > 3 ? seq[3] : 0, at, len,
                (ssize_t)got, (ssize_t)want);
}

static void test_every_short_sequence(void)
{
    /* offsets before, across and after the first block boundary, and at
     * the very end (a sequence cut short) */
    static const size_t offsets[] = {0, 13, 14, 15, 16, 17, 30};
    static const size_t lengths[] = {33, 40};
    unsigned char seq[4];
    for (unsigned a = 0; a < 256; a++)
        for (size_t o = 0; o < sizeof offsets / sizeof offsets[0]; o++)
            for (size_t l = 0; l < 2; l++) {
                seq[0] = (unsigned char)a;
                check_placed(seq, 1, offsets[o], lengths[l]);
            }
    for (unsigned a = 0x80; a < 256; a++)
        for (unsigned b = 0; b < 256; b++)
            for (size_t o = 0; o < sizeof offsets / sizeof offsets[0]; o++) {
                seq[0] = (unsigned char)a;
                seq[1] = (unsigned char)b;
                check_placed(seq, 2, offsets[o], 40);
                check_placed(seq, 2, offsets[o], offsets[o] + 1); /* cut after the lead */
            }
    /* three bytes: every lead E0-EF with every second and third byte that
     * matters (continuations, their edges, and a few that are not) */
    static const unsigned char tails[] = {0x00, 0x20, 0x7F, 0x80, 0x8F, 0x90, 0x9F,
                                          0xA0, 0xBF, 0xC0, 0xC3, 0xE1, 0xF0, 0xFF};
    for (unsigned a = 0xE0; a <= 0xF7; a++)
        for (size_t b = 0; b < sizeof tails; b++)
            for (size_t c = 0; c < sizeof tails; c++)
                for (size_t d = 0; d < sizeof tails; d++)
                    for (size_t o = 0; o < sizeof offsets / sizeof offsets[0]; o++) {
                        seq[0] = (unsigned char)a;
                        seq[1] = tails[b];
                        seq[2] = tails[c];
                        seq[3] = tails[d];
                        check_placed(seq, 4, offsets[o], 40);
                        check_placed(seq, 3, offsets[o], offsets[o] + 2);
                    }
}

static void test_damaged_reports(void)
{
    const char *text = "Toàn Đảng bộ có 27.210 đảng viên, đạt 96,48% kế hoạch; "
                       "kiểm tra 302/313 tổ chức đảng (ỦY BAN KIỂM TRA), "
                       "xử lý kỷ luật 05 đồng chí vi phạm.";
    size_t n = strlen(text);
    char buf[256];
    uint32_t seed = 12345;
    for (int round = 0; round < 20000; round++) {
        size_t len = 1 + (size_t)(round % (int)n);
        memcpy(buf, text, len);
        for (int k = 0; k < round % 3; k++) {
            seed = seed * 1103515245u + 12345u;
            buf[(seed >> 8) % len] = (char)(seed >> 20);
        }
        size_t want = first_invalid(buf, len), got = sl_utf8_invalid_at(buf, len);
        CHECK(got == want);
        if (got != want && failures_shown++ < 10)
            fprintf(stderr, "  round %d: %zd, expected %zd\n", round, (ssize_t)got, (ssize_t)want);
    }
    CHECK(sl_utf8_invalid_at(text, n) == (size_t)-1);
    CHECK(sl_utf8_invalid_at(NULL, 0) == (size_t)-1);
}

int main(void)
{
    test_every_short_sequence();
    test_damaged_reports();
    TEST_MAIN_END();
}
