/* Sixteen bytes at a time with SSE2 (every x86-64 has it): byte classes of
 * a block as bit masks, bit k for byte k. The passes over whole reports
 * (UTF-8 check, NFD check, markers, context snippets) use these to step
 * over blocks with nothing to do; without SSE2 they go byte by byte. */
#ifndef SOLIEU_UTIL_BYTES16_H
#define SOLIEU_UTIL_BYTES16_H

#ifdef __SSE2__
#include <emmintrin.h>
#include <stdint.h>

static inline __m128i sl_load16(const char *s)
{
    return _mm_loadu_si128((const __m128i *)(const void *)s);
}

/* Bytes equal to c. */
static inline uint32_t sl_mask_eq(__m128i x, int c)
{
    return (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_set1_epi8((char)c)));
}

/* Bytes below / above v, compared as signed: 0x80..0xFF are -128..-1. */
static inline uint32_t sl_mask_lt(__m128i x, int v)
{
    return (uint32_t)_mm_movemask_epi8(_mm_cmplt_epi8(x, _mm_set1_epi8((char)v)));
}

static inline uint32_t sl_mask_gt(__m128i x, int v)
{
    return (uint32_t)_mm_movemask_epi8(_mm_cmpgt_epi8(x, _mm_set1_epi8((char)v)));
}

/* Bytes from 0x80 up (no ASCII). */
static inline uint32_t sl_mask_high(__m128i x)
{
    return (uint32_t)_mm_movemask_epi8(x);
}
#endif

#endif
