/* Statistics of one yearly series, on GSL. Each figure is NAN rather than a
 * made-up number when its inputs cannot give it: an sd needs two values, a
 * growth rate needs positive ends, an r² needs values that vary. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_fit.h>
#include <gsl/gsl_statistics_double.h>

#include "agg.h"

static void clear(solieu_series_stats *s)
{
    memset(s, 0, sizeof *s);
    s->min = s->max = s->mean = s->sd = NAN;
    s->yoy_change = s->yoy_pct = s->cagr_pct = NAN;
    s->slope = s->intercept = s->r2 = NAN;
}

solieu_status solieu_series_stats_compute(const int *years, const double *values, size_t n,
                                          solieu_series_stats *out)
{
    clear(out);
    if (n == 0 || !years || !values)
        return SOLIEU_ERR_USAGE;
    for (size_t i = 1; i < n; i++)
        if (years[i] <= years[i - 1])
            return SOLIEU_ERR_USAGE;
    gsl_set_error_handler_off();

    out->n = n;
    out->first_year = years[0];
    out->last_year = years[n - 1];
    gsl_stats_minmax(&out->min, &out->max, values, 1, n);
    out->mean = gsl_stats_mean(values, 1, n);

    double first = values[0], last = values[n - 1];
    if (n >= 2 && years[n - 2] == years[n - 1] - 1) {
        double prev = values[n - 2];
        out->yoy_change = last - prev;
        if (prev != 0)
            out->yoy_pct = 100.0 * (last - prev) / fabs(prev);
    }
    if (n >= 2 && first > 0 && last > 0) {
        double span = (double)(years[n - 1] - years[0]);
        out->cagr_pct = (pow(last / first, 1.0 / span) - 1.0) * 100.0;
    }
    if (n < 2)
        return SOLIEU_OK;

    out->sd = gsl_stats_sd(values, 1, n); /* sample sd: divides by n - 1 */
    double *x = sl_malloc(n * sizeof *x);
    if (!x)
        return SOLIEU_ERR_NOMEM;
    for (size_t i = 0; i < n; i++)
        x[i] = years[i];
    double c0, c1, cov00, cov01, cov11, sse;
    int rc = gsl_fit_linear(x, 1, values, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &sse);
    free(x);
    if (rc != GSL_SUCCESS || !isfinite(c0) || !isfinite(c1))
        return SOLIEU_ERR_MATH;
    out->intercept = c0;
    out->slope = c1;
    double sst = gsl_stats_tss_m(values, 1, n, out->mean);
    /* A flat series has nothing to explain: r² is undefined, not 1 or 0. */
    if (sst > 0 && isfinite(sse)) {
        double r2 = 1.0 - sse / sst;
        out->r2 =
            r2 < 0 ? 0 : r2; /* rounding noise only: least squares never does worse than the mean */
    }
    return SOLIEU_OK;
}
