/* Fuzz target: the number parser (solieu_number_parse) and the
 * approximation words before a number (solieu_number_approx_before). The
 * input is not NUL-terminated, as the parser allows. */
#include <math.h>
#include <string.h>

#include <solieu/number.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    solieu_number n;
    memset(&n, 0x55, sizeof n);
    solieu_status st = solieu_number_parse(text, size, &n);
    if (st == SOLIEU_OK) {
        FUZZ_ASSERT(n.consumed > 0 && n.consumed <= size);
        FUZZ_ASSERT(!isnan(n.value));
        FUZZ_ASSERT(!n.has_denominator || !isnan(n.denominator));
        /* what follows the number parses on its own, never past the end */
        solieu_number rest;
        (void)solieu_number_parse(text + n.consumed, size - n.consumed, &rest);
    } else {
        FUZZ_ASSERT(n.consumed == 0 && n.value == 0);
    }
    const char *kind = NULL;
    size_t k = solieu_number_approx_before(text, size, &kind);
    FUZZ_ASSERT(k <= size);
    FUZZ_ASSERT(k == 0 || kind != NULL);
    return 0;
}
