/* The aggregation handle and its pipeline: documents -> effective periods ->
 * cells -> derived series -> gap years -> statistics. Results are computed
 * from the whole set of facts each time, so adding facts in any order or
 * split gives the same results. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_errno.h>

#include "agg.h"

solieu_status solieu_aggregate_create(solieu_aggregate **out)
{
    *out = NULL;
    solieu_aggregate *agg = sl_calloc(1, sizeof *agg);
    if (!agg)
        return SOLIEU_ERR_NOMEM;
    sl_vec_init(&agg->facts, sizeof(sl_agg_fact));
    sl_vec_init(&agg->votes, sizeof(sl_agg_vote));
    sl_vec_init(&agg->derives, sizeof(sl_agg_derive));
    sl_agg_cells_init(&agg->result);
    sl_vec_init(&agg->series, sizeof(sl_agg_series));
    sl_vec_init(&agg->docs, sizeof(sl_agg_doc));
    /* GSL's default handler aborts the process; we check every status. */
    gsl_set_error_handler_off();
    *out = agg;
    return SOLIEU_OK;
}

void sl_agg_reset_results(solieu_aggregate *agg)
{
    agg->computed = 0;
    sl_agg_cells_free(&agg->result);
    sl_agg_cells_init(&agg->result);
    sl_vec_free(&agg->series);
    sl_vec_free(&agg->docs);
}

void solieu_aggregate_destroy(solieu_aggregate *agg)
{
    if (!agg)
        return;
    sl_agg_reset_results(agg);
    sl_vec_free(&agg->facts);
    sl_vec_free(&agg->votes);
    sl_vec_free(&agg->derives);
    sl_agg_strings_free(&agg->strings);
    free(agg);
}

void solieu_aggregate_set_callback(solieu_aggregate *agg, solieu_diagnostic_fn fn, void *user)
{
    agg->on_diag = fn;
    agg->diag_user = user;
}

solieu_status solieu_aggregate_add_derive(solieu_aggregate *agg, const char *spec, char **error)
{
    if (error)
        *error = NULL;
    sl_agg_derive d;
    solieu_status st = sl_agg_derive_parse(&agg->strings, spec, &d, error);
    if (st != SOLIEU_OK)
        return st;
    for (size_t i = 0; i < agg->derives.len; i++) {
        const sl_agg_derive *other = sl_vec_at(&agg->derives, i);
        if (other->name == d.name) {
            if (error)
                *error = sl_printf("derive '%s': %s is derived twice", spec, d.name);
            return SOLIEU_ERR_USAGE;
        }
    }
    sl_agg_derive *slot = sl_vec_push(&agg->derives);
    if (!slot) {
        if (error)
            *error = sl_printf("derive '%s': %s", spec, solieu_strerror(SOLIEU_ERR_NOMEM));
        return SOLIEU_ERR_NOMEM;
    }
    *slot = d;
    sl_agg_reset_results(agg);
    return SOLIEU_OK;
}

/* A fact without a period holds as of its document's date: its year, when a
 * doc_date column gave one. */
static solieu_status effective_facts(solieu_aggregate *agg, sl_vec *work)
{
    for (size_t i = 0; i < agg->facts.len; i++) {
        sl_agg_fact *f = sl_vec_push(work);
        if (!f)
            return SOLIEU_ERR_NOMEM;
        *f = *(const sl_agg_fact *)sl_vec_at(&agg->facts, i);
        if (*f->period)
            continue;
        const sl_agg_doc *d = sl_agg_document_find(&agg->docs, f->doc);
        if (!d || !d->year)
            continue;
        char year[16];
        snprintf(year, sizeof year, "%d", d->year);
        f->period = sl_agg_intern(&agg->strings, year, strlen(year));
        if (!f->period)
            return SOLIEU_ERR_NOMEM;
    }
    return SOLIEU_OK;
}

/* Naming a derived series like an input metric would mix computed values
 * into stated ones. */
static const char *derive_clash(const solieu_aggregate *agg)
{
    for (size_t k = 0; k < agg->derives.len; k++) {
        const sl_agg_derive *d = sl_vec_at(&agg->derives, k);
        for (size_t i = 0; i < agg->facts.len; i++)
            if (((const sl_agg_fact *)sl_vec_at(&agg->facts, i))->metric == d->name)
                return d->name;
    }
    return NULL;
}

/* Stated, unconflicted yearly values of the series at cells[first..first+count). */
static solieu_status stated_years(const sl_agg_cells *c, size_t first, size_t count, sl_vec *years,
                                  sl_vec *values, sl_vec *taken)
{
    years->len = values->len = taken->len = 0;
    for (size_t i = first; i < first + count; i++) {
        const sl_agg_cell *cell = sl_vec_at(&c->cells, i);
        if (cell->kind != SL_AGG_YEAR || cell->interpolated)
            continue;
        int *slot = sl_vec_push(cell->conflict ? taken : years);
        if (!slot)
            return SOLIEU_ERR_NOMEM;
        *slot = cell->year;
        if (cell->conflict)
            continue;
        double *v = sl_vec_push(values);
        if (!v)
            return SOLIEU_ERR_NOMEM;
        *v = cell->value;
    }
    return SOLIEU_OK;
}

/* Derived values are computed, so they print rounded like other computed
 * figures; stated values print as stated. */
static void mark_derived(solieu_aggregate *agg)
{
    for (size_t i = 0; i < agg->result.cells.len; i++) {
        sl_agg_cell *cell = sl_vec_at(&agg->result.cells, i);
        for (size_t k = 0; k < agg->derives.len; k++)
            if (cell->metric == ((const sl_agg_derive *)sl_vec_at(&agg->derives, k))->name)
                cell->derived = 1;
    }
}

static size_t series_end(const sl_agg_cells *c, size_t first)
{
    size_t end = first + 1;
    while (end < c->cells.len &&
           sl_agg_same_series(sl_vec_at(&c->cells, first), sl_vec_at(&c->cells, end)))
        end++;
    return end;
}

static solieu_status fill_gaps(solieu_aggregate *agg, sl_vec *years, sl_vec *values, sl_vec *taken)
{
    sl_agg_cells *c = &agg->result;
    sl_vec extra, gaps;
    sl_vec_init(&extra, sizeof(sl_agg_cell));
    sl_vec_init(&gaps, sizeof(sl_agg_gap));
    solieu_status st = SOLIEU_OK;
    for (size_t first = 0; first < c->cells.len && st == SOLIEU_OK;) {
        size_t end = series_end(c, first);
        gaps.len = 0;
        st = stated_years(c, first, end - first, years, values, taken);
        if (st == SOLIEU_OK)
            st = sl_agg_fill_gaps(years->items, values->items, years->len, taken->items, taken->len,
                                  &gaps);
        const sl_agg_cell *proto = sl_vec_at(&c->cells, first);
        for (size_t g = 0; g < gaps.len && st == SOLIEU_OK; g++) {
            const sl_agg_gap *gap = sl_vec_at(&gaps, g);
            sl_agg_cell *cell = sl_vec_push(&extra);
            char year[16];
            snprintf(year, sizeof year, "%d", gap->year);
            const char *period = sl_agg_intern(&agg->strings, year, strlen(year));
            if (!cell || !period) {
                st = SOLIEU_ERR_NOMEM;
                break;
            }
            memset(cell, 0, sizeof *cell);
            cell->entity = proto->entity;
            cell->metric = proto->metric;
            cell->qualifier = proto->qualifier;
            cell->unit = proto->unit;
            cell->period = period;
            cell->kind = SL_AGG_YEAR;
            cell->year = gap->year;
            cell->value = gap->value;
            cell->interpolated = 1;
            cell->derived = proto->derived;
        }
        first = end;
    }
    /* A GSL failure on one series leaves that series without gap years. */
    if (st == SOLIEU_ERR_MATH)
        st = SOLIEU_OK;
    if (st == SOLIEU_OK)
        st = sl_agg_cells_add(c, extra.items, extra.len);
    sl_vec_free(&extra);
    sl_vec_free(&gaps);
    return st;
}

static solieu_status compute_stats(solieu_aggregate *agg, sl_vec *years, sl_vec *values,
                                   sl_vec *taken)
{
    const sl_agg_cells *c = &agg->result;
    for (size_t first = 0; first < c->cells.len;) {
        size_t end = series_end(c, first);
        sl_agg_series *s = sl_vec_push(&agg->series);
        if (!s)
            return SOLIEU_ERR_NOMEM;
        s->first = first;
        s->count = end - first;
        solieu_status st = stated_years(c, first, end - first, years, values, taken);
        if (st != SOLIEU_OK)
            return st;
        if (years->len) {
            st = solieu_series_stats_compute(years->items, values->items, years->len, &s->stats);
            if (st == SOLIEU_ERR_NOMEM)
                return st;
            s->has_stats = 1;
            for (size_t i = first; i < end; i++)
                if (((const sl_agg_cell *)sl_vec_at(&c->cells, i))->interpolated)
                    s->stats.n_interpolated++;
        }
        first = end;
    }
    return SOLIEU_OK;
}

solieu_status solieu_aggregate_compute(solieu_aggregate *agg, char **error)
{
    if (error)
        *error = NULL;
    if (agg->computed)
        return SOLIEU_OK;
    sl_agg_reset_results(agg);

    sl_vec work, years, values, taken;
    sl_vec_init(&work, sizeof(sl_agg_fact));
    sl_vec_init(&years, sizeof(int));
    sl_vec_init(&values, sizeof(double));
    sl_vec_init(&taken, sizeof(int));
    solieu_status st = SOLIEU_OK;
    const char *clash = derive_clash(agg);
    if (clash) {
        st = SOLIEU_ERR_USAGE;
        if (error)
            *error = sl_printf("derive %s: a metric of that name is already in the facts", clash);
        goto cleanup;
    }
    if ((st = sl_agg_name_documents(&agg->facts, &agg->votes)) != SOLIEU_OK ||
        (st = sl_agg_documents(&agg->facts, &agg->votes, &agg->docs)) != SOLIEU_OK ||
        (st = effective_facts(agg, &work)) != SOLIEU_OK ||
        (st = sl_agg_cells_build(&work, &agg->result)) != SOLIEU_OK)
        goto fail;
    /* Each derive sees the ones before it, so rates of rates work. */
    for (size_t k = 0; k < agg->derives.len; k++) {
        const sl_agg_derive *d = sl_vec_at(&agg->derives, k);
        if ((st = sl_agg_derive_facts(&agg->result, d, &agg->strings, &work)) != SOLIEU_OK ||
            (st = sl_agg_cells_build(&work, &agg->result)) != SOLIEU_OK)
            goto fail;
    }
    mark_derived(agg);
    if ((st = fill_gaps(agg, &years, &values, &taken)) != SOLIEU_OK ||
        (st = compute_stats(agg, &years, &values, &taken)) != SOLIEU_OK)
        goto fail;
    agg->computed = 1;
    goto cleanup;

fail:
    if (error)
        *error = sl_printf("aggregate: %s", solieu_strerror(st));
    sl_agg_reset_results(agg);
cleanup:
    sl_vec_free(&work);
    sl_vec_free(&years);
    sl_vec_free(&values);
    sl_vec_free(&taken);
    return st;
}

static int key_matches(const sl_agg_cell *cell, const char *entity, const char *metric,
                       const char *qualifier, const char *unit)
{
    return strcmp(cell->entity, entity) == 0 && strcmp(cell->metric, metric) == 0 &&
           strcmp(cell->qualifier, qualifier ? qualifier : "") == 0 &&
           (!unit || strcmp(cell->unit, unit) == 0);
}

/* Lookups scan linearly: they serve tests and small embeddings, the writers
 * walk the sorted cells directly. With unit NULL, the first series in unit
 * order that has what is asked for wins. */
int solieu_aggregate_find(const solieu_aggregate *agg, const char *entity, const char *metric,
                          const char *qualifier, const char *unit, const char *period,
                          solieu_aggregate_value *out)
{
    if (!agg->computed)
        return 0;
    for (size_t i = 0; i < agg->result.cells.len; i++) {
        const sl_agg_cell *cell = sl_vec_at(&agg->result.cells, i);
        if (!key_matches(cell, entity, metric, qualifier, unit) ||
            strcmp(cell->period, period ? period : "") != 0)
            continue;
        out->value = cell->value;
        out->interpolated = cell->interpolated;
        out->conflict = cell->conflict;
        out->n_sources = cell->n_sources;
        return 1;
    }
    return 0;
}

int solieu_aggregate_find_stats(const solieu_aggregate *agg, const char *entity, const char *metric,
                                const char *qualifier, const char *unit, solieu_series_stats *out)
{
    if (!agg->computed)
        return 0;
    for (size_t i = 0; i < agg->series.len; i++) {
        const sl_agg_series *s = sl_vec_at(&agg->series, i);
        if (s->has_stats &&
            key_matches(sl_vec_at(&agg->result.cells, s->first), entity, metric, qualifier, unit)) {
            *out = s->stats;
            return 1;
        }
    }
    return 0;
}
