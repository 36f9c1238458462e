/* Number formatting for the outputs: plain decimals with '.', never an
 * exponent, so every spreadsheet reads them as numbers in any locale that
 * imports CSV with '.' decimals. */
#include <math.h>

#include "agg.h"

const char *sl_agg_fmt_value(double v, char *buf, size_t size)
{
    return solieu_format_number(v, buf, size);
}

/* Computed figures (means, rates, interpolations) carry float noise past the
 * fourth decimal that means nothing to a reader and breaks byte-for-byte
 * comparisons between runs on different machines. */
const char *sl_agg_fmt_computed(double v, char *buf, size_t size)
{
    if (!isfinite(v))
        return solieu_format_number(v, buf, size);
    double r = round(v * 1e4) / 1e4;
    if (!isfinite(r))
        r = v;
    if (r == 0)
        r = 0; /* no "-0" */
    return solieu_format_number(r, buf, size);
}
