/* Derived series NAME = 100 * A / B. A derived value becomes ordinary facts
 * (one per source of A and of B), so it goes through the same cell building
 * as stated values: its sources are the lines it was computed from, and two
 * different results for one key show up as a conflict, not as a silent pick. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "agg.h"

static int valid_name(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s == ',' || *s == '=' || *s == '/' || *s == '"' || *s == '\n' || *s == '\r')
            return 0;
    return 1;
}

solieu_status sl_agg_derive_parse(sl_agg_strings *s, const char *spec, sl_agg_derive *out,
                                  char **error)
{
    const char *eq = strchr(spec, '=');
    const char *slash = eq ? strchr(eq + 1, '/') : NULL;
    if (!eq || !slash || strchr(slash + 1, '/')) {
        if (error)
            *error = sl_printf("derive '%s': expected NAME=A/B", spec);
        return SOLIEU_ERR_USAGE;
    }
    out->name = sl_agg_intern(s, spec, (size_t)(eq - spec));
    out->num = sl_agg_intern(s, eq + 1, (size_t)(slash - eq - 1));
    out->den = sl_agg_intern(s, slash + 1, strlen(slash + 1));
    if (!out->name || !out->num || !out->den) {
        if (error)
            *error = sl_printf("derive '%s': %s", spec, solieu_strerror(SOLIEU_ERR_NOMEM));
        return SOLIEU_ERR_NOMEM;
    }
    if (!valid_name(out->name) || !valid_name(out->num) || !valid_name(out->den)) {
        if (error)
            *error = sl_printf("derive '%s': expected NAME=A/B with non-empty metric names", spec);
        return SOLIEU_ERR_USAGE;
    }
    if (strcmp(out->name, out->num) == 0 || strcmp(out->name, out->den) == 0) {
        if (error)
            *error = sl_printf("derive '%s': the new name must differ from A and B", spec);
        return SOLIEU_ERR_USAGE;
    }
    return SOLIEU_OK;
}

/* A stated yearly value of one metric. */
typedef struct operand {
    const sl_agg_cell *cell;
} operand;

static int operand_cmp(const void *pa, const void *pb)
{
    const sl_agg_cell *a = ((const operand *)pa)->cell, *b = ((const operand *)pb)->cell;
    int c = strcmp(a->entity, b->entity);
    if (c)
        return c;
    c = strcmp(a->qualifier, b->qualifier);
    if (c)
        return c;
    if (a->year != b->year)
        return a->year < b->year ? -1 : 1;
    return strcmp(a->unit, b->unit);
}

/* Same entity, qualifier and year (units may differ). */
static int operand_match(const operand *a, const operand *b)
{
    return strcmp(a->cell->entity, b->cell->entity) == 0 &&
           strcmp(a->cell->qualifier, b->cell->qualifier) == 0 && a->cell->year == b->cell->year;
}

static solieu_status collect(const sl_agg_cells *c, const char *metric, sl_vec *out)
{
    for (size_t i = 0; i < c->cells.len; i++) {
        const sl_agg_cell *cell = sl_vec_at(&c->cells, i);
        if (cell->kind != SL_AGG_YEAR || cell->conflict || cell->interpolated ||
            strcmp(cell->metric, metric) != 0)
            continue;
        operand *o = sl_vec_push(out);
        if (!o)
            return SOLIEU_ERR_NOMEM;
        o->cell = cell;
    }
    if (out->len > 1)
        qsort(out->items, out->len, sizeof(operand), operand_cmp);
    return SOLIEU_OK;
}

static solieu_status emit(const sl_agg_cells *c, const sl_agg_cell *from, const sl_agg_derive *d,
                          const char *unit, double value, sl_vec *facts)
{
    for (size_t i = 0; i < from->obs_count; i++) {
        const sl_agg_obs *o = sl_vec_at(&c->obs, from->obs_first + i);
        sl_agg_fact *f = sl_vec_push(facts);
        if (!f)
            return SOLIEU_ERR_NOMEM;
        f->entity = from->entity;
        f->metric = d->name;
        f->qualifier = from->qualifier;
        f->unit = unit;
        f->period = from->period;
        f->doc = f->name = o->doc;
        f->path = "";
        f->line = o->line;
        f->value = value;
    }
    return SOLIEU_OK;
}

solieu_status sl_agg_derive_facts(const sl_agg_cells *c, const sl_agg_derive *d, sl_agg_strings *s,
                                  sl_vec *facts)
{
    const char *percent = sl_agg_intern(s, "%", 1);
    if (!percent)
        return SOLIEU_ERR_NOMEM;
    sl_vec num, den;
    sl_vec_init(&num, sizeof(operand));
    sl_vec_init(&den, sizeof(operand));
    solieu_status st = collect(c, d->num, &num);
    if (st == SOLIEU_OK)
        st = collect(c, d->den, &den);

    /* Merge join on (entity, qualifier, year); a key present under several
     * units pairs every unit of A with every unit of B. */
    size_t i = 0, j = 0;
    while (st == SOLIEU_OK && i < num.len && j < den.len) {
        const operand *a = sl_vec_at(&num, i), *b = sl_vec_at(&den, j);
        if (!operand_match(a, b)) {
            int cmp = strcmp(a->cell->entity, b->cell->entity);
            if (!cmp)
                cmp = strcmp(a->cell->qualifier, b->cell->qualifier);
            if (!cmp)
                cmp = a->cell->year < b->cell->year ? -1 : 1;
            if (cmp < 0)
                i++;
            else
                j++;
            continue;
        }
        size_t i_end = i, j_end = j;
        while (i_end < num.len && operand_match(sl_vec_at(&num, i_end), a))
            i_end++;
        while (j_end < den.len && operand_match(sl_vec_at(&den, j_end), b))
            j_end++;
        for (size_t x = i; x < i_end && st == SOLIEU_OK; x++) {
            for (size_t y = j; y < j_end && st == SOLIEU_OK; y++) {
                const sl_agg_cell *ca = ((const operand *)sl_vec_at(&num, x))->cell;
                const sl_agg_cell *cb = ((const operand *)sl_vec_at(&den, y))->cell;
                if (cb->value == 0)
                    continue;
                double v = 100.0 * ca->value / cb->value;
                if (!isfinite(v))
                    continue;
                st = emit(c, ca, d, percent, v, facts);
                if (st == SOLIEU_OK)
                    st = emit(c, cb, d, percent, v, facts);
            }
        }
        i = i_end;
        j = j_end;
    }
    sl_vec_free(&num);
    sl_vec_free(&den);
    return st;
}
