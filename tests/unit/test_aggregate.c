/* The aggregate stage: statistics on GSL, series with conflicts, gaps and
 * derived rates, document dates, merging of partial inputs, write errors and
 * allocation failures. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <solieu/aggregate.h>
#include <solieu/csv.h>

#include "check.h"
#include "util/util.h"

#define HEADER "doc,line,text,value,denominator,unit,metric,qualifier,period,scope,entity\n"

/* ---- statistics --------------------------------------------------------- */

static void test_stats_gold(void)
{
    /* tỉnh Đắk Nông, reviewed_members 2018-2022 (gold seed 003). */
    const int years[] = {2018, 2019, 2020, 2021, 2022};
    const double v[] = {24271, 24986, 25149, 25555, 26331};
    solieu_series_stats s;
    CHECK(solieu_series_stats_compute(years, v, 5, &s) == SOLIEU_OK);
    CHECK(s.n == 5);
    CHECK(s.first_year == 2018 && s.last_year == 2022);
    CHECK_NEAR(s.min, 24271, 0);
    CHECK_NEAR(s.max, 26331, 0);
    CHECK_NEAR(s.mean, 25258.4, 1e-9);
    CHECK_NEAR(s.sd, 758.217, 5e-4);
    CHECK_NEAR(s.slope, 468.9, 1e-6);
    CHECK_NEAR(s.r2, 0.9561, 5e-5);
    CHECK_NEAR(s.cagr_pct, 2.057, 5e-4);
    CHECK_NEAR(s.yoy_change, 776, 1e-9);
    CHECK_NEAR(s.yoy_pct, 100.0 * 776 / 25555, 1e-9);
    CHECK_NEAR(s.intercept + s.slope * 2020, 25258.4, 1e-6);
}

static void test_stats_small(void)
{
    solieu_series_stats s;
    const int y1[] = {2020};
    const double v1[] = {42};
    CHECK(solieu_series_stats_compute(y1, v1, 1, &s) == SOLIEU_OK);
    CHECK(s.n == 1 && s.first_year == 2020 && s.last_year == 2020);
    CHECK_NEAR(s.mean, 42, 0);
    CHECK(isnan(s.sd) && isnan(s.slope) && isnan(s.r2) && isnan(s.cagr_pct));
    CHECK(isnan(s.yoy_change) && isnan(s.yoy_pct));

    const int y2[] = {2019, 2021};
    const double v2[] = {100, 121};
    CHECK(solieu_series_stats_compute(y2, v2, 2, &s) == SOLIEU_OK);
    CHECK_NEAR(s.sd, sqrt(220.5), 1e-9);
    CHECK_NEAR(s.slope, 10.5, 1e-9);
    CHECK_NEAR(s.r2, 1, 1e-12);
    CHECK_NEAR(s.cagr_pct, 10, 1e-9); /* 100 -> 121 over two years */
    CHECK(isnan(s.yoy_change));       /* 2020 is not stated */

    /* A flat series: r² has nothing to explain. */
    const double flat[] = {5, 5};
    CHECK(solieu_series_stats_compute(y2, flat, 2, &s) == SOLIEU_OK);
    CHECK_NEAR(s.sd, 0, 0);
    CHECK_NEAR(s.slope, 0, 1e-12);
    CHECK(isnan(s.r2));

    /* Zero or negative ends: no growth rate. */
    const double zero[] = {0, 10};
    CHECK(solieu_series_stats_compute(y2, zero, 2, &s) == SOLIEU_OK);
    CHECK(isnan(s.cagr_pct));
    const double neg[] = {-4, 10};
    CHECK(solieu_series_stats_compute(y2, neg, 2, &s) == SOLIEU_OK);
    CHECK(isnan(s.cagr_pct));
    const double to_zero[] = {10, 0};
    CHECK(solieu_series_stats_compute(y2, to_zero, 2, &s) == SOLIEU_OK);
    CHECK(isnan(s.cagr_pct));

    /* yoy needs the year just before the last; yoy_pct a non-zero base. */
    const int y3[] = {2020, 2021};
    const double v3[] = {0, 7};
    CHECK(solieu_series_stats_compute(y3, v3, 2, &s) == SOLIEU_OK);
    CHECK_NEAR(s.yoy_change, 7, 0);
    CHECK(isnan(s.yoy_pct));

    CHECK(solieu_series_stats_compute(y1, v1, 0, &s) == SOLIEU_ERR_USAGE);
    const int bad[] = {2021, 2020};
    CHECK(solieu_series_stats_compute(bad, v2, 2, &s) == SOLIEU_ERR_USAGE);
}

/* ---- aggregation through the public API ---------------------------------- */

static solieu_aggregate *aggregate_text(const char *text, const char *const *derives,
                                        size_t n_derives)
{
    solieu_aggregate *agg = NULL;
    solieu_table *t = NULL;
    char *err = NULL;
    CHECK(solieu_aggregate_create(&agg) == SOLIEU_OK);
    for (size_t i = 0; i < n_derives; i++)
        CHECK(solieu_aggregate_add_derive(agg, derives[i], NULL) == SOLIEU_OK);
    CHECK(solieu_table_parse("u.csv", text, strlen(text), &t, &err) == SOLIEU_OK);
    CHECK(solieu_aggregate_add_table(agg, t, "u.csv", &err) == SOLIEU_OK);
    CHECK(solieu_aggregate_compute(agg, &err) == SOLIEU_OK);
    if (err)
        fprintf(stderr, "%s\n", err);
    solieu_free(err);
    solieu_table_destroy(t);
    return agg;
}

static void test_gap_interpolated(void)
{
    solieu_aggregate *agg = aggregate_text(HEADER "a.txt,1,10,10,,chi bộ,x,,2018,body,huyện A\n"
                                                  "a.txt,2,40,40,,chi bộ,x,,2021,body,huyện A\n",
                                           NULL, 0);
    solieu_aggregate_value v;
    CHECK(solieu_aggregate_find(agg, "huyện A", "x", NULL, NULL, "2019", &v));
    CHECK(v.interpolated == 1 && v.conflict == 0 && v.n_sources == 0);
    CHECK_NEAR(v.value, 20, 1e-9);
    CHECK(solieu_aggregate_find(agg, "huyện A", "x", "", "chi bộ", "2020", &v));
    CHECK_NEAR(v.value, 30, 1e-9);
    CHECK(solieu_aggregate_find(agg, "huyện A", "x", NULL, NULL, "2018", &v));
    CHECK(v.interpolated == 0 && v.n_sources == 1);
    CHECK(!solieu_aggregate_find(agg, "huyện A", "x", NULL, NULL, "2022", &v));

    /* Statistics use the two stated values only. */
    solieu_series_stats s;
    CHECK(solieu_aggregate_find_stats(agg, "huyện A", "x", NULL, NULL, &s));
    CHECK(s.n == 2 && s.n_interpolated == 2);
    CHECK_NEAR(s.mean, 25, 1e-9);
    solieu_aggregate_destroy(agg);
}

static void test_conflict_and_repeat(void)
{
    solieu_aggregate *agg =
        aggregate_text(HEADER "a.txt,5,12,12,,đảng bộ,direct_party_committees,,2020,body,tỉnh X\n"
                              "b.txt,9,12,12,,đảng bộ,direct_party_committees,,2020,body,tỉnh X\n"
                              "a.txt,6,7,7,,đảng viên,disciplined_members,,2020,body,tỉnh X\n"
                              "b.txt,3,9,9,,đảng viên,disciplined_members,,2020,body,tỉnh X\n"
                              "b.txt,4,9,9,,đảng viên,disciplined_members,,2020,body,tỉnh X\n"
                              "a.txt,6,7,7,,đảng viên,disciplined_members,,2019,body,tỉnh X\n",
                       NULL, 0);
    solieu_aggregate_value v;
    CHECK(solieu_aggregate_find(agg, "tỉnh X", "direct_party_committees", NULL, NULL, "2020", &v));
    CHECK(v.conflict == 0 && v.n_sources == 2);
    CHECK_NEAR(v.value, 12, 0);
    CHECK(solieu_aggregate_find(agg, "tỉnh X", "disciplined_members", NULL, NULL, "2020", &v));
    CHECK(v.conflict == 1 && isnan(v.value) && v.n_sources == 3);
    /* A conflicting year is not a stated value: stats see 2019 only. */
    solieu_series_stats s;
    CHECK(solieu_aggregate_find_stats(agg, "tỉnh X", "disciplined_members", NULL, NULL, &s));
    CHECK(s.n == 1 && s.last_year == 2019);
    solieu_aggregate_destroy(agg);
}

static void test_derive(void)
{
    const char *const derives[] = {"rate=reviewed/present", "double=rate/half"};
    solieu_aggregate *agg =
        aggregate_text(HEADER "a.txt,1,1,90,,đảng viên,reviewed,,2020,body,tỉnh X\n"
                              "a.txt,2,1,120,,đảng viên,present,,2020,body,tỉnh X\n"
                              "a.txt,3,1,50,,đảng viên,reviewed,,2021,body,tỉnh X\n"
                              "a.txt,4,1,0,,đảng viên,present,,2021,body,tỉnh X\n"
                              "a.txt,5,1,50,,đảng viên,reviewed,,2022,body,tỉnh X\n"
                              "a.txt,6,1,1,,%,half,,2020,body,tỉnh X\n"
                              "a.txt,7,1,50,,đảng viên,reviewed,,2023,body,tỉnh Y\n"
                              "a.txt,8,1,100,,đảng viên,present,,2023,body,tỉnh Y\n"
                              "a.txt,9,1,99,,đảng viên,present,,2023,body,tỉnh Y\n",
                       derives, 2);
    solieu_aggregate_value v;
    CHECK(solieu_aggregate_find(agg, "tỉnh X", "rate", NULL, "%", "2020", &v));
    CHECK_NEAR(v.value, 75, 1e-9);
    CHECK(v.n_sources == 2); /* the two lines it was computed from */
    CHECK(!solieu_aggregate_find(agg, "tỉnh X", "rate", NULL, NULL, "2021", &v));  /* B = 0 */
    CHECK(!solieu_aggregate_find(agg, "tỉnh X", "rate", NULL, NULL, "2022", &v));  /* no B */
    CHECK(!solieu_aggregate_find(agg, "tỉnh Y", "rate", NULL, NULL, "2023", &v));  /* B conflicts */
    CHECK(solieu_aggregate_find(agg, "tỉnh X", "double", NULL, NULL, "2020", &v)); /* chained */
    CHECK_NEAR(v.value, 7500, 1e-9);

    char *err = NULL;
    CHECK(solieu_aggregate_add_derive(agg, "broken", &err) == SOLIEU_ERR_USAGE);
    CHECK_STR(err, "derive 'broken': expected NAME=A/B");
    solieu_free(err);
    CHECK(solieu_aggregate_add_derive(agg, "a=a/b", &err) == SOLIEU_ERR_USAGE);
    solieu_free(err);
    CHECK(solieu_aggregate_add_derive(agg, "=a/b", &err) == SOLIEU_ERR_USAGE);
    solieu_free(err);
    /* Reusing an input metric's name is refused at compute time. */
    CHECK(solieu_aggregate_add_derive(agg, "present=reviewed/half", &err) == SOLIEU_OK);
    CHECK(solieu_aggregate_compute(agg, &err) == SOLIEU_ERR_USAGE);
    CHECK_STR(err, "derive present: a metric of that name is already in the facts");
    solieu_free(err);
    solieu_aggregate_destroy(agg);
}

static void test_undated(void)
{
    solieu_aggregate *agg =
        aggregate_text("doc,line,value,unit,metric,period,entity,doc_date,doc_number\n"
                       "a.txt,3,27210,đảng viên,party_members,,tỉnh X,2023-07-13,160-BC/TU\n"
                       "b.txt,4,500,đảng viên,party_members,,tỉnh Y,,\n"
                       "c.txt,5,510,đảng viên,party_members,,tỉnh Y,ngày 2 tháng 3 năm 2021,\n",
                       NULL, 0);
    solieu_aggregate_value v;
    CHECK(solieu_aggregate_find(agg, "tỉnh X", "party_members", NULL, NULL, "2023", &v));
    CHECK_NEAR(v.value, 27210, 0);
    CHECK(solieu_aggregate_find(agg, "tỉnh Y", "party_members", NULL, NULL, "", &v));
    CHECK_NEAR(v.value, 500, 0);
    CHECK(solieu_aggregate_find(agg, "tỉnh Y", "party_members", NULL, NULL, "2021", &v));
    CHECK_NEAR(v.value, 510, 0);
    solieu_aggregate_destroy(agg);
}

static void count_warning(const solieu_diagnostic *d, void *user)
{
    CHECK(d->severity == SOLIEU_SEVERITY_WARNING);
    CHECK_STR(d->file, "w.csv");
    CHECK(d->line == 3);
    ++*(int *)user;
}

static void test_bad_input(void)
{
    solieu_aggregate *agg = NULL;
    CHECK(solieu_aggregate_create(&agg) == SOLIEU_OK);
    solieu_table *t = NULL;
    char *err = NULL;
    const char *missing = "doc,line,value,metric,period,entity\na.txt,1,2,x,,y\n";
    CHECK(solieu_table_parse("m.csv", missing, strlen(missing), &t, NULL) == SOLIEU_OK);
    CHECK(solieu_aggregate_add_table(agg, t, "m.csv", &err) == SOLIEU_ERR_CSV);
    CHECK_STR(err, "m.csv:1: missing column 'unit' (a facts CSV needs doc, line, value, unit, "
                   "metric, period, entity)");
    solieu_free(err);
    solieu_table_destroy(t);

    int warnings = 0;
    solieu_aggregate_set_callback(agg, count_warning, &warnings);
    const char *bad2 = HEADER "a.txt,1,1,1,,x,m,,2020,body,e\n"
                              "a.txt,2,1,\"96,48\",,x,m,,2021,body,e\n"; /* decimal comma */
    t = NULL;
    CHECK(solieu_table_parse("w.csv", bad2, strlen(bad2), &t, NULL) == SOLIEU_OK);
    CHECK(solieu_aggregate_add_table(agg, t, "w.csv", &err) == SOLIEU_OK);
    solieu_table_destroy(t);
    CHECK(warnings == 1);
    CHECK(solieu_aggregate_skipped_rows(agg) == 1);
    solieu_aggregate_destroy(agg);
    solieu_aggregate_destroy(NULL);
}

/* ---- outputs: merge, write errors --------------------------------------- */

static char *slurp(const char *path)
{
    char *data = NULL;
    size_t len = 0;
    if (sl_read_file(path, 1u << 24, &data, &len) != SOLIEU_OK)
        return NULL;
    return data;
}

static const char *const merge_rows[] = {
    "a.txt,1,1,10,,chi bộ,x,q,2018,body,huyện A\n",
    "b.txt,2,1,40,,chi bộ,x,q,2021,body,huyện A\n",
    "a.txt,3,1,7,,đảng viên,y,,2020,body,huyện A\n",
    "b.txt,4,1,9,,đảng viên,y,,2020,body,huyện A\n",
    "c.txt,5,1,9,,đảng viên,y,,2020,body,huyện A\n",
    "a.txt,6,1,100,,đảng viên,y,,2018/2022,body,huyện A\n",
    "c.txt,7,1,3,,đảng viên,z,,,body,huyện B\n",
    "b.txt,8,1,2,,đảng viên,z,,,body,huyện B\n",
};
#define N_MERGE_ROWS (sizeof merge_rows / sizeof merge_rows[0])

/* Writes the rows, split into `parts` tables by i % parts, in reverse order
 * when `reverse`, into dir. */
static void write_split(const char *dir, size_t parts, int reverse)
{
    solieu_aggregate *agg = NULL;
    CHECK(solieu_aggregate_create(&agg) == SOLIEU_OK);
    CHECK(solieu_aggregate_add_derive(agg, "r=y/z", NULL) == SOLIEU_OK);
    for (size_t p = 0; p < parts; p++) {
        sl_buf b;
        sl_buf_init(&b, 0);
        sl_buf_puts(&b, HEADER);
        for (size_t k = 0; k < N_MERGE_ROWS; k++) {
            size_t i = reverse ? N_MERGE_ROWS - 1 - k : k;
            if (i % parts == p)
                sl_buf_puts(&b, merge_rows[i]);
        }
        solieu_table *t = NULL;
        CHECK(solieu_table_parse("part.csv", b.data, b.len, &t, NULL) == SOLIEU_OK);
        CHECK(solieu_aggregate_add_table(agg, t, "part.csv", NULL) == SOLIEU_OK);
        solieu_table_destroy(t);
        sl_buf_free(&b);
    }
    char *err = NULL;
    CHECK(solieu_aggregate_write(agg, dir, 0, &err) == SOLIEU_OK);
    if (err)
        fprintf(stderr, "%s\n", err);
    solieu_free(err);
    solieu_aggregate_destroy(agg);
}

static void test_merge(const char *tmp)
{
    char *one = sl_printf("%s/one", tmp), *split = sl_printf("%s/split/deeper", tmp);
    write_split(one, 1, 0);
    write_split(split, 3, 1);
    const char *files[] = {"series.csv", "table.csv", "stats.csv", "documents.csv"};
    for (size_t i = 0; i < 4; i++) {
        char *pa = sl_printf("%s/%s", one, files[i]), *pb = sl_printf("%s/%s", split, files[i]);
        char *a = slurp(pa), *b = slurp(pb);
        CHECK(a && b && strcmp(a, b) == 0);
        free(a), free(b), free(pa), free(pb);
    }
    /* One look at the contents: the conflict lists each value with its lines. */
    char *path = sl_printf("%s/series.csv", one);
    char *series = slurp(path);
    CHECK(series && strstr(series, "huyện A,y,,2020,year,,đảng viên,a.txt:3;b.txt:4;c.txt:5,3,0,1,"
                                   "\"7 (a.txt:3); 9 (b.txt:4, c.txt:5)\"\n"));
    CHECK(series && strstr(series, "huyện A,x,q,2019,year,20,chi bộ,,0,1,0,\n"));
    free(series), free(path), free(one), free(split);
}

static void test_write_errors(const char *tmp)
{
    char *file = sl_printf("%s/plain", tmp);
    FILE *f = fopen(file, "w");
    CHECK(f != NULL);
    if (f)
        fclose(f);
    char *dir = sl_printf("%s/sub", file);
    solieu_aggregate *agg = aggregate_text(HEADER "a.txt,1,1,1,,x,m,,2020,body,e\n", NULL, 0);
    char *err = NULL;
    CHECK(solieu_aggregate_write(agg, dir, 0, &err) == SOLIEU_ERR_IO);
    char *want = sl_printf("%s: Not a directory", dir);
    CHECK_STR(err, want);
    solieu_free(err), free(want), free(dir), free(file);
    solieu_aggregate_destroy(agg);
}

/* Every allocation of the whole pipeline failing in turn. */
static void test_alloc_failures(void)
{
    const char *text = HEADER "a.txt,1,1,10,,chi bộ,x,,2018,body,huyện A\n"
                              "a.txt,2,1,40,,chi bộ,x,,2021,body,huyện A\n"
                              "a.txt,3,1,20,,chi bộ,y,,2018,body,huyện A\n"
                              "b.txt,3,1,20,,chi bộ,y,,2018,body,huyện A\n"
                              "a.txt,4,1,5,,chi bộ,z,,2018,body,huyện A\n"
                              "b.txt,4,1,6,,chi bộ,z,,2018,body,huyện A\n";
    int succeeded = 0;
    long n;
    for (n = 0; n < 2000 && !succeeded; n++) {
        solieu_aggregate *agg = NULL;
        solieu_table *t = NULL;
        char *err = NULL;
        sl_alloc_fail_after(n);
        solieu_status st = solieu_aggregate_create(&agg);
        if (st == SOLIEU_OK)
            st = solieu_aggregate_add_derive(agg, "r=x/y", &err);
        solieu_free(err), err = NULL;
        if (st == SOLIEU_OK)
            st = solieu_table_parse("a.csv", text, strlen(text), &t, &err);
        solieu_free(err), err = NULL;
        if (st == SOLIEU_OK)
            st = solieu_aggregate_add_table(agg, t, "a.csv", &err);
        solieu_free(err), err = NULL;
        if (st == SOLIEU_OK)
            st = solieu_aggregate_compute(agg, &err);
        sl_alloc_fail_after(-1);
        solieu_free(err);
        CHECK(st == SOLIEU_OK || st == SOLIEU_ERR_NOMEM);
        if (st == SOLIEU_OK) {
            solieu_aggregate_value v;
            CHECK(solieu_aggregate_find(agg, "huyện A", "r", NULL, NULL, "2018", &v));
            succeeded = 1;
        }
        solieu_table_destroy(t);
        solieu_aggregate_destroy(agg);
    }
    CHECK(succeeded);
    printf("allocation failures injected: %ld\n", n - 1);
}

int main(void)
{
    char tmp[] = "/tmp/solieu_test_aggregate.XXXXXX";
    if (!mkdtemp(tmp)) {
        perror("mkdtemp");
        return 1;
    }
    test_stats_gold();
    test_stats_small();
    test_gap_interpolated();
    test_conflict_and_repeat();
    test_derive();
    test_undated();
    test_bad_input();
    test_merge(tmp);
    test_write_errors(tmp);
    test_alloc_failures();
    char *cmd = sl_printf("rm -rf '%s'", tmp);
    if (cmd && system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmp);
    free(cmd);
    TEST_MAIN_END();
}
