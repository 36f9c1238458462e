/* Cells: all facts with one key (entity, metric, qualifier, unit, period)
 * become one series row. One value stated by several lines is one value with
 * several sources; different values are a conflict, shown with every value
 * and its sources and never averaged. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "agg.h"

void sl_agg_cells_init(sl_agg_cells *c)
{
    sl_vec_init(&c->cells, sizeof(sl_agg_cell));
    sl_vec_init(&c->obs, sizeof(sl_agg_obs));
}

void sl_agg_cells_free(sl_agg_cells *c)
{
    sl_vec_free(&c->cells);
    sl_vec_free(&c->obs);
}

int sl_agg_same_value(double a, double b)
{
    double scale = fmax(1.0, fmax(fabs(a), fabs(b)));
    return fabs(a - b) <= 1e-9 * scale;
}

static int key_cmp(const char *const ka[5], const char *const kb[5])
{
    for (int i = 0; i < 5; i++) {
        if (ka[i] == kb[i])
            continue; /* interned: same pointer, same string */
        int c = strcmp(ka[i], kb[i]);
        if (c)
            return c;
    }
    return 0;
}

int sl_agg_cell_cmp(const void *pa, const void *pb)
{
    const sl_agg_cell *a = pa, *b = pb;
    const char *ka[5] = {a->entity, a->metric, a->qualifier, a->unit, a->period};
    const char *kb[5] = {b->entity, b->metric, b->qualifier, b->unit, b->period};
    return key_cmp(ka, kb);
}

int sl_agg_same_series(const sl_agg_cell *a, const sl_agg_cell *b)
{
    return strcmp(a->entity, b->entity) == 0 && strcmp(a->metric, b->metric) == 0 &&
           strcmp(a->qualifier, b->qualifier) == 0 && strcmp(a->unit, b->unit) == 0;
}

static int fact_key_cmp(const sl_agg_fact *a, const sl_agg_fact *b)
{
    const char *ka[5] = {a->entity, a->metric, a->qualifier, a->unit, a->period};
    const char *kb[5] = {b->entity, b->metric, b->qualifier, b->unit, b->period};
    return key_cmp(ka, kb);
}

static int fact_cmp(const void *pa, const void *pb)
{
    const sl_agg_fact *a = pa, *b = pb;
    int c = fact_key_cmp(a, b);
    if (c)
        return c;
    if (a->value != b->value)
        return a->value < b->value ? -1 : 1;
    c = strcmp(a->doc, b->doc);
    if (c)
        return c;
    return a->line < b->line ? -1 : a->line > b->line;
}

static int src_cmp(const void *pa, const void *pb)
{
    const sl_agg_src *a = pa, *b = pb;
    int c = strcmp(a->doc, b->doc);
    if (c)
        return c;
    return a->line < b->line ? -1 : a->line > b->line;
}

solieu_status sl_agg_cell_sources(const sl_agg_cells *c, const sl_agg_cell *cell, sl_vec *out)
{
    out->len = 0;
    for (size_t i = 0; i < cell->obs_count; i++) {
        const sl_agg_obs *o = sl_vec_at(&c->obs, cell->obs_first + i);
        sl_agg_src *s = sl_vec_push(out);
        if (!s)
            return SOLIEU_ERR_NOMEM;
        s->doc = o->doc;
        s->line = o->line;
    }
    if (out->len > 1)
        qsort(out->items, out->len, sizeof(sl_agg_src), src_cmp);
    size_t kept = 0;
    for (size_t i = 0; i < out->len; i++) {
        sl_agg_src *s = sl_vec_at(out, i);
        if (kept && src_cmp(sl_vec_at(out, kept - 1), s) == 0)
            continue;
        *(sl_agg_src *)sl_vec_at(out, kept++) = *s;
    }
    out->len = kept;
    return SOLIEU_OK;
}

/* Fills value, conflict and n_sources of a cell whose observations are set. */
static solieu_status settle(sl_agg_cells *c, sl_agg_cell *cell, sl_vec *scratch)
{
    const sl_agg_obs *o = sl_vec_at(&c->obs, cell->obs_first);
    cell->value = o[0].value;
    for (size_t i = 1; i < cell->obs_count; i++)
        if (!sl_agg_same_value(o[i].value, o[0].value)) {
            cell->conflict = 1;
            cell->value = NAN;
            break;
        }
    if (sl_agg_cell_sources(c, cell, scratch) != SOLIEU_OK)
        return SOLIEU_ERR_NOMEM;
    cell->n_sources = scratch->len;
    return SOLIEU_OK;
}

solieu_status sl_agg_cells_build(sl_vec *facts, sl_agg_cells *out)
{
    out->cells.len = 0;
    out->obs.len = 0;
    if (facts->len > 1)
        qsort(facts->items, facts->len, sizeof(sl_agg_fact), fact_cmp);
    sl_vec scratch;
    sl_vec_init(&scratch, sizeof(sl_agg_src));
    solieu_status st = SOLIEU_OK;
    sl_agg_cell *cell = NULL;
    const sl_agg_fact *prev = NULL;
    for (size_t i = 0; i < facts->len; i++) {
        const sl_agg_fact *f = sl_vec_at(facts, i);
        if (!prev || fact_key_cmp(prev, f) != 0) {
            if (cell && (st = settle(out, cell, &scratch)) != SOLIEU_OK)
                goto cleanup;
            cell = sl_vec_push(&out->cells);
            if (!cell) {
                st = SOLIEU_ERR_NOMEM;
                goto cleanup;
            }
            cell->entity = f->entity;
            cell->metric = f->metric;
            cell->qualifier = f->qualifier;
            cell->unit = f->unit;
            cell->period = f->period;
            cell->kind = sl_agg_period_kind(f->period, &cell->year);
            cell->obs_first = out->obs.len;
        } else if (prev->value == f->value && prev->doc == f->doc && prev->line == f->line) {
            continue; /* the same statement read twice (a file given twice) */
        }
        prev = f;
        sl_agg_obs *o = sl_vec_push(&out->obs);
        if (!o) {
            st = SOLIEU_ERR_NOMEM;
            goto cleanup;
        }
        o->value = f->value;
        o->doc = f->doc;
        o->line = f->line;
        cell->obs_count++;
    }
    if (cell)
        st = settle(out, cell, &scratch);
cleanup:
    sl_vec_free(&scratch);
    return st;
}

solieu_status sl_agg_cells_add(sl_agg_cells *c, const sl_agg_cell *extra, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        sl_agg_cell *cell = sl_vec_push(&c->cells);
        if (!cell)
            return SOLIEU_ERR_NOMEM;
        *cell = extra[i];
    }
    if (n && c->cells.len > 1)
        qsort(c->cells.items, c->cells.len, sizeof(sl_agg_cell), sl_agg_cell_cmp);
    return SOLIEU_OK;
}
