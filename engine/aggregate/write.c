/* solieu_aggregate_write: all four files go to temporary names first and are
 * renamed only once every one of them is complete, so a failure (full disk,
 * read-only directory) leaves the previous outputs untouched. */
#include <stdlib.h>

#include "agg.h"

typedef solieu_status (*writer_fn)(const solieu_aggregate *, solieu_csv_writer *);

static const struct {
    const char *name;
    writer_fn write;
} outputs[] = {
    {"series.csv", sl_agg_write_series},
    {"table.csv", sl_agg_write_table},
    {"stats.csv", sl_agg_write_stats},
    {"documents.csv", sl_agg_write_documents},
};
#define N_OUTPUTS (sizeof outputs / sizeof outputs[0])

static solieu_status write_one(const solieu_aggregate *agg, sl_agg_out *out, const char *dir,
                               size_t k, unsigned flags, char **error)
{
    solieu_status st = sl_agg_out_open(out, dir, outputs[k].name, error);
    if (st != SOLIEU_OK)
        return st;
    solieu_csv_writer *w = solieu_csv_writer_create(out->stream, flags);
    if (!w)
        return SOLIEU_ERR_NOMEM;
    st = outputs[k].write(agg, w);
    solieu_csv_writer_destroy(w);
    /* Closing reports the deferred write errors, so it runs even after an
     * error to find the errno worth showing. */
    solieu_status closed = sl_agg_out_close(out, error);
    return st == SOLIEU_ERR_NOMEM ? st : closed != SOLIEU_OK ? closed : st;
}

solieu_status solieu_aggregate_write(solieu_aggregate *agg, const char *dir, unsigned flags,
                                     char **error)
{
    if (error)
        *error = NULL;
    solieu_status st = solieu_aggregate_compute(agg, error);
    if (st != SOLIEU_OK)
        return st;
    st = sl_agg_make_dirs(dir, error);
    if (st != SOLIEU_OK)
        return st;
    sl_agg_out out[N_OUTPUTS] = {{0}};
    for (size_t k = 0; k < N_OUTPUTS && st == SOLIEU_OK; k++)
        st = write_one(agg, &out[k], dir, k, flags, error);
    for (size_t k = 0; k < N_OUTPUTS && st == SOLIEU_OK; k++)
        st = sl_agg_out_commit(&out[k], error);
    for (size_t k = 0; k < N_OUTPUTS; k++)
        sl_agg_out_discard(&out[k]);
    if (st != SOLIEU_OK && error && !*error)
        *error = sl_printf("%s: %s", dir, solieu_strerror(st));
    return st;
}
