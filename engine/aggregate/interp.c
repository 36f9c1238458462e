/* Gap years: a series stated for 2018 and 2021 gets 2019 and 2020 by linear
 * interpolation (gsl_interp). The caller marks them interpolated; they never
 * feed the statistics of stated values. */
#include <stdlib.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_interp.h>

#include "agg.h"

static int contains(const int *set, size_t n, int year)
{
    for (size_t i = 0; i < n; i++)
        if (set[i] == year)
            return 1;
    return 0;
}

solieu_status sl_agg_fill_gaps(const int *years, const double *values, size_t n, const int *taken,
                               size_t n_taken, sl_vec *out)
{
    if (n < 2)
        return SOLIEU_OK;
    /* Only allocate GSL state for a series that has a gap at all. */
    if (years[n - 1] - years[0] + 1 == (int)n)
        return SOLIEU_OK;
    gsl_set_error_handler_off();

    solieu_status st = SOLIEU_OK;
    double *xa = sl_malloc(n * sizeof *xa);
    gsl_interp *interp = gsl_interp_alloc(gsl_interp_linear, n);
    gsl_interp_accel *acc = gsl_interp_accel_alloc();
    if (!xa || !interp || !acc) {
        st = SOLIEU_ERR_NOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++)
        xa[i] = years[i];
    if (gsl_interp_init(interp, xa, values, n) != GSL_SUCCESS) {
        st = SOLIEU_ERR_MATH; /* years not strictly increasing */
        goto cleanup;
    }
    size_t k = 0;
    for (int y = years[0] + 1; y < years[n - 1]; y++) {
        while (k < n && years[k] < y)
            k++;
        if ((k < n && years[k] == y) || contains(taken, n_taken, y))
            continue;
        double v;
        if (gsl_interp_eval_e(interp, xa, values, (double)y, acc, &v) != GSL_SUCCESS) {
            st = SOLIEU_ERR_MATH;
            goto cleanup;
        }
        sl_agg_gap *g = sl_vec_push(out);
        if (!g) {
            st = SOLIEU_ERR_NOMEM;
            goto cleanup;
        }
        g->year = y;
        g->value = v;
    }

cleanup:
    gsl_interp_accel_free(acc);
    gsl_interp_free(interp);
    free(xa);
    return st;
}
