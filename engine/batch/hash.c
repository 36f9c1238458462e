/* 64-bit FNV-1a: the content hash of the incremental state.
 *
 * Why not SHA-256: the hash only has to notice that a report changed, not
 * resist someone forging a collision — whoever can write the archive can
 * change the reports outright. FNV-1a is a dozen lines, needs no library,
 * and a changed file escapes it with probability 2^-64; the state compares
 * the size as well. */
#include "batch/batch_internal.h"

#define FNV_PRIME 0x100000001b3ULL

uint64_t sl_fnv1a64(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= FNV_PRIME;
    }
    return h;
}

void sl_hex64(uint64_t v, char out[17])
{
    static const char digits[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) {
        out[i] = digits[v & 15];
        v >>= 4;
    }
    out[16] = '\0';
}

int sl_parse_hex64(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    for (int i = 0; i < 16; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (d < 0)
            return -1;
        v = v << 4 | (uint64_t)d;
    }
    if (s[16] != '\0')
        return -1;
    *out = v;
    return 0;
}
