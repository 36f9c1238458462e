/* stats.csv: one row per series with at least one stated yearly value. The
 * figures use stated values only; n_interpolated says how many gap years the
 * series shows in series.csv besides them. */
#include <math.h>
#include <stdio.h>

#include "agg.h"

static const char *const header[] = {
    "entity",    "metric",   "qualifier", "unit",      "n",  "first_year",
    "last_year", "min",      "max",       "mean",      "sd", "yoy_change_last",
    "yoy_pct",   "cagr_pct", "slope",     "intercept", "r2", "n_interpolated"};
#define N_COLUMNS (sizeof header / sizeof header[0])

solieu_status sl_agg_write_stats(const solieu_aggregate *agg, solieu_csv_writer *w)
{
    solieu_status st = solieu_csv_write_row(w, header, N_COLUMNS);
    for (size_t i = 0; i < agg->series.len && st == SOLIEU_OK; i++) {
        const sl_agg_series *s = sl_vec_at(&agg->series, i);
        if (!s->has_stats)
            continue;
        const sl_agg_cell *cell = sl_vec_at(&agg->result.cells, s->first);
        const solieu_series_stats *t = &s->stats;
        char n[32], first[16], last[16], n_interp[32];
        char min[64], max[64], mean[64], sd[64], yoy[64], yoy_pct[64], cagr[64];
        char slope[64], intercept[64], r2[64];
        snprintf(n, sizeof n, "%zu", t->n);
        snprintf(first, sizeof first, "%d", t->first_year);
        snprintf(last, sizeof last, "%d", t->last_year);
        snprintf(n_interp, sizeof n_interp, "%zu", t->n_interpolated);
        if (cell->derived) {
            sl_agg_fmt_computed(t->min, min, sizeof min);
            sl_agg_fmt_computed(t->max, max, sizeof max);
        } else {
            sl_agg_fmt_value(t->min, min, sizeof min);
            sl_agg_fmt_value(t->max, max, sizeof max);
        }
        sl_agg_fmt_computed(t->mean, mean, sizeof mean);
        sl_agg_fmt_computed(t->sd, sd, sizeof sd);
        sl_agg_fmt_computed(t->yoy_change, yoy, sizeof yoy);
        sl_agg_fmt_computed(t->yoy_pct, yoy_pct, sizeof yoy_pct);
        sl_agg_fmt_computed(t->cagr_pct, cagr, sizeof cagr);
        sl_agg_fmt_computed(t->slope, slope, sizeof slope);
        sl_agg_fmt_computed(t->intercept, intercept, sizeof intercept);
        sl_agg_fmt_computed(t->r2, r2, sizeof r2);
        const char *row[N_COLUMNS] = {cell->entity,
                                      cell->metric,
                                      cell->qualifier,
                                      cell->unit,
                                      n,
                                      first,
                                      last,
                                      min,
                                      max,
                                      mean,
                                      sd,
                                      yoy,
                                      yoy_pct,
                                      cagr,
                                      slope,
                                      intercept,
                                      r2,
                                      n_interp};
        st = solieu_csv_write_row(w, row, N_COLUMNS);
    }
    return st;
}
