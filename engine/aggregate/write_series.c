/* series.csv: the long form, one row per entity, metric, qualifier, unit and
 * period, with the lines each value comes from. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "agg.h"

static const char *const header[] = {"entity",      "metric",       "qualifier", "period",
                                     "period_kind", "value",        "unit",      "sources",
                                     "n_sources",   "interpolated", "conflict",  "conflict_values"};
#define N_COLUMNS (sizeof header / sizeof header[0])

static int put_sources(sl_buf *b, const sl_vec *src, const char *sep)
{
    for (size_t i = 0; i < src->len; i++) {
        const sl_agg_src *s = sl_vec_at(src, i);
        sl_buf_printf(b, "%s%s:%zu", i ? sep : "", s->doc, s->line);
    }
    return b->failed ? -1 : 0;
}

/* "5 (a.txt:75); 20 (a.txt:75, b.txt:12)": each distinct value, smallest
 * first, with the lines that state it. */
static solieu_status put_conflict(const sl_agg_cells *c, const sl_agg_cell *cell, sl_buf *b,
                                  sl_vec *scratch)
{
    const sl_agg_obs *o = sl_vec_at(&c->obs, cell->obs_first);
    for (size_t i = 0; i < cell->obs_count;) {
        size_t j = i + 1;
        while (j < cell->obs_count && sl_agg_same_value(o[j].value, o[i].value))
            j++;
        sl_agg_cell group = *cell;
        group.obs_first = cell->obs_first + i;
        group.obs_count = j - i;
        if (sl_agg_cell_sources(c, &group, scratch) != SOLIEU_OK)
            return SOLIEU_ERR_NOMEM;
        char num[64];
        if (cell->derived)
            sl_agg_fmt_computed(o[i].value, num, sizeof num);
        else
            sl_agg_fmt_value(o[i].value, num, sizeof num);
        sl_buf_printf(b, "%s%s (", i ? "; " : "", num);
        put_sources(b, scratch, ", ");
        sl_buf_putc(b, ')');
        i = j;
    }
    return b->failed ? SOLIEU_ERR_NOMEM : SOLIEU_OK;
}

solieu_status sl_agg_write_series(const solieu_aggregate *agg, solieu_csv_writer *w)
{
    solieu_status st = solieu_csv_write_row(w, header, N_COLUMNS);
    const sl_agg_cells *c = &agg->result;
    sl_vec src;
    sl_vec_init(&src, sizeof(sl_agg_src));
    sl_buf sources, conflicts;
    sl_buf_init(&sources, 0);
    sl_buf_init(&conflicts, 0);
    for (size_t i = 0; i < c->cells.len && st == SOLIEU_OK; i++) {
        const sl_agg_cell *cell = sl_vec_at(&c->cells, i);
        sl_buf_free(&sources);
        sl_buf_free(&conflicts);
        sl_buf_puts(&sources, "");
        sl_buf_puts(&conflicts, "");
        if (sl_agg_cell_sources(c, cell, &src) != SOLIEU_OK || put_sources(&sources, &src, ";")) {
            st = SOLIEU_ERR_NOMEM;
            break;
        }
        if (cell->conflict && (st = put_conflict(c, cell, &conflicts, &src)) != SOLIEU_OK)
            break;
        char value[64], n_sources[32];
        if (cell->conflict)
            value[0] = '\0';
        else if (cell->interpolated || cell->derived)
            sl_agg_fmt_computed(cell->value, value, sizeof value);
        else
            sl_agg_fmt_value(cell->value, value, sizeof value);
        snprintf(n_sources, sizeof n_sources, "%zu", cell->n_sources);
        const char *row[N_COLUMNS] = {cell->entity,
                                      cell->metric,
                                      cell->qualifier,
                                      cell->period,
                                      sl_agg_kind_name(cell->kind),
                                      value,
                                      cell->unit,
                                      sources.data,
                                      n_sources,
                                      cell->interpolated ? "1" : "0",
                                      cell->conflict ? "1" : "0",
                                      conflicts.data};
        st = solieu_csv_write_row(w, row, N_COLUMNS);
    }
    sl_vec_free(&src);
    sl_buf_free(&sources);
    sl_buf_free(&conflicts);
    return st;
}
