/* The benchmark's scoring: gold read from CSV, facts matched to it as
 * ../shared/tools/score does (doc, line as a string, value within 1e-9 of
 * the gold's scale, each gold fact used once, in order), misses attributed
 * to the rules that own the gold metric, the per-rule and total metrics,
 * the comparison of two runs, and allocation failures. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <solieu/bench.h>
#include <solieu/csv.h>
#include <solieu/rules.h>

#include "bench/bench_internal.h"
#include "check.h"
#include "util/util.h"

/* Two fact rules own metric m1 (r.one, r.three), one owns m2; an ignore rule
 * never makes facts. */
static const char RULES[] = "rule r.one\n"
                            "    metric    m1\n"
                            "    unit      đảng viên\n"
                            "    pattern   (?<value>\\d+) đảng viên\n"
                            "\n"
                            "rule r.two\n"
                            "    metric    m2\n"
                            "    unit      chi bộ\n"
                            "    pattern   (?<value>\\d+) chi bộ\n"
                            "\n"
                            "rule r.three\n"
                            "    metric    m1\n"
                            "    unit      người\n"
                            "    pattern   (?<value>\\d+) người\n"
                            "\n"
                            "rule r.skip\n"
                            "    kind      ignore\n"
                            "    pattern   năm \\d{4}\n";

/* a.txt has gold; b.txt has gold too but is never run in most tests */
static const char GOLD_A[] =
    "doc,line,text,value,denominator,unit,metric,period,scope,entity,required,note\n"
    "a.txt,3,120,120,,đảng viên,m1,,body,x,1,\n"
    "a.txt,3,120,120,,đảng viên,m1,,body,x,1,\n" /* same number twice */
    "a.txt,4,7,7,,chi bộ,m2,,body,x,1,\n"
    "a.txt,5,1000000,1000000,,người,m1,,body,x,0,\n"
    "a.txt,6,9,9,,lớp,m9,,body,x,1,\n"      /* no rule owns m9 */
    "a.txt,8,2,2,,chi bộ,M2 ,,body,x,1,\n"; /* metric normalised */
static const char GOLD_B[] = "doc,line,value,required,metric\n"
                             "b.txt,1,5,1,m1\n";

static char tmpdir[] = "/tmp/test_bench.XXXXXX";

static int write_file(const char *name, const char *text)
{
    char *path = sl_printf("%s/%s", tmpdir, name);
    FILE *f = path ? fopen(path, "wb") : NULL;
    int ok = f && fputs(text, f) >= 0;
    if (f && fclose(f) != 0)
        ok = 0;
    free(path);
    return ok ? 0 : -1;
}

static solieu_rules *load_rules(void)
{
    solieu_rules *rules = NULL;
    CHECK(write_file("t.rules", RULES) == 0);
    CHECK(solieu_rules_load(tmpdir, NULL, NULL, &rules) == SOLIEU_OK);
    return rules;
}

static solieu_gold *gold_of(const char *name, const char *csv, solieu_gold *gold)
{
    solieu_table *t = NULL;
    char *err = NULL;
    CHECK(solieu_table_parse(name, csv, strlen(csv), &t, &err) == SOLIEU_OK);
    CHECK(solieu_gold_add_table(gold, t, name, &err) == SOLIEU_OK);
    solieu_free(err);
    solieu_table_destroy(t);
    return gold;
}

static solieu_fact fact(const char *doc, size_t line, double value, const char *rule,
                        const char *metric, size_t byte_start)
{
    solieu_fact f;
    memset(&f, 0, sizeof f);
    f.doc = doc;
    f.line = line;
    f.value = value;
    f.text = "n";
    f.rule = rule;
    f.metric = metric;
    f.byte_start = byte_start;
    return f;
}

/* ---- gold values ------------------------------------------------------------------ */

static void test_values(void)
{
    CHECK(solieu_gold_value_matches(1.0, 1.0 + 5e-10));
    CHECK(!solieu_gold_value_matches(1.0, 1.0 + 2e-9));
    CHECK(solieu_gold_value_matches(0.0, 5e-10));      /* scale is at least 1 */
    CHECK(solieu_gold_value_matches(1e6, 1e6 + 5e-4)); /* 1e-9 of the gold value */
    CHECK(!solieu_gold_value_matches(1e6, 1e6 + 2e-3));
    CHECK(!solieu_gold_value_matches(NAN, NAN));
    double v = 0;
    CHECK(sl_gold_parse_value(" 27210 ", &v) && v == 27210);
    CHECK(sl_gold_parse_value("96.48", &v) && v == 96.48);
    CHECK(!sl_gold_parse_value("", &v));
    CHECK(!sl_gold_parse_value("27.210,5", &v));
    CHECK(!sl_gold_parse_value("0x10", &v)); /* Python's float() refuses hex */
}

static void test_gold_load(void)
{
    CHECK(write_file("a.facts.csv", GOLD_A) == 0);
    CHECK(write_file("b.facts.csv", GOLD_B) == 0);
    solieu_gold *gold = NULL;
    char *err = NULL;
    CHECK(solieu_gold_load(tmpdir, &gold, &err) == SOLIEU_OK);
    size_t req = 0;
    CHECK(solieu_gold_count(gold, &req) == 7);
    CHECK(req == 6);
    solieu_gold_destroy(gold);

    /* a missing directory and a gold file without its columns are located */
    CHECK(solieu_gold_load("/nonexistent/gold", &gold, &err) == SOLIEU_ERR_IO);
    CHECK(gold == NULL && err && strstr(err, "/nonexistent/gold: ") == err);
    solieu_free(err);
    CHECK(write_file("c.facts.csv", "doc,value\nc.txt,1\n") == 0);
    CHECK(solieu_gold_load(tmpdir, &gold, &err) == SOLIEU_ERR_CSV);
    CHECK(err && strstr(err, "c.facts.csv:1: ") != NULL);
    solieu_free(err);
    char *c = sl_printf("%s/c.facts.csv", tmpdir);
    unlink(c);
    free(c);
}

/* ---- matching and metrics ---------------------------------------------------------- */

static void test_matching(solieu_rules *rules)
{
    solieu_gold *gold = NULL;
    CHECK(solieu_gold_create(&gold) == SOLIEU_OK);
    gold_of("gold/a.facts.csv", GOLD_A, gold);
    gold_of("gold/b.facts.csv", GOLD_B, gold);
    solieu_bench *b = NULL;
    CHECK(solieu_bench_create(rules, gold, &b) == SOLIEU_OK);
    if (!b) {
        solieu_gold_destroy(gold);
        return;
    }
    CHECK(solieu_bench_add_document(b, "a.txt", 1000, 0.5, 0) == SOLIEU_OK);
    solieu_fact f[] = {
        fact("a.txt", 3, 120, "r.one", "m1", 10),            /* tp */
        fact("a.txt", 3, 120, "r.one", "m1", 20),            /* tp: the second gold 120 */
        fact("a.txt", 3, 120, "r.one", "m1", 30),            /* fp: both gold 120 are used */
        fact("a.txt", 4, 7, "r.three", "m1", 40),            /* tp, but gold says m2 */
        fact("a.txt", 5, 1000000.0004, "r.three", "m1", 50), /* tp within 1e-9 of 1e6 */
        fact("a.txt", 7, 9, "r.two", "m2", 60),              /* fp: gold 9 is on line 6 */
    };
    for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
        CHECK(solieu_bench_add_fact(b, &f[i]) == SOLIEU_OK);
    /* a document without gold: its facts are not scored */
    CHECK(solieu_bench_add_document(b, "z.txt", 500, 0.25, 0) == SOLIEU_OK);
    solieu_fact other = fact("z.txt", 1, 1, "r.one", "m1", 0);
    CHECK(solieu_bench_add_fact(b, &other) == SOLIEU_OK);
    /* a fact must follow its own document */
    solieu_fact stray = fact("a.txt", 1, 1, "r.one", "m1", 0);
    CHECK(solieu_bench_add_fact(b, &stray) == SOLIEU_ERR_USAGE);
    CHECK(solieu_bench_finish(b) == SOLIEU_OK);
    CHECK(solieu_bench_finish(b) == SOLIEU_ERR_USAGE);

    const solieu_bench_totals *t = solieu_bench_get_totals(b);
    CHECK(t->documents == 2 && t->scored_documents == 1);
    CHECK(t->unrun_gold_documents == 1); /* b.txt */
    CHECK(t->bytes == 1500);
    CHECK_NEAR(t->seconds, 0.75, 1e-12);
    CHECK_NEAR(t->docs_per_s, 2 / 0.75, 1e-9);
    CHECK(t->facts == 7 && t->scored_facts == 6);
    CHECK(t->true_pos == 4 && t->false_pos == 2);
    CHECK(t->gold_facts == 6 && t->gold_required == 5); /* b.txt's row left out */
    CHECK(t->required_found == 3);                      /* 120, 120, 7 */
    CHECK(t->misses == 2 && t->required_misses == 2);   /* line 6 (m9), line 8 (m2) */
    CHECK(t->wrong_metric == 1);
    CHECK_NEAR(t->precision, 4.0 / 6.0, 1e-12);
    CHECK_NEAR(t->recall, 3.0 / 5.0, 1e-12);
    CHECK_NEAR(t->f1, 2 * (4.0 / 6) * (3.0 / 5) / (4.0 / 6 + 3.0 / 5), 1e-12);

    const solieu_bench_row *one = solieu_bench_row_of(b, "r.one");
    const solieu_bench_row *two = solieu_bench_row_of(b, "r.two");
    const solieu_bench_row *three = solieu_bench_row_of(b, "r.three");
    const solieu_bench_row *none = solieu_bench_row_of(b, "(no rule)");
    const solieu_bench_row *skip = solieu_bench_row_of(b, "r.skip");
    CHECK(one && two && three && none && skip);
    if (one && two && three && none && skip) {
        CHECK(one->facts == 4 && one->true_pos == 2 && one->false_pos == 1 && one->misses == 0);
        CHECK_NEAR(one->precision, 2.0 / 3.0, 1e-12);
        CHECK_NEAR(one->recall, 1.0, 1e-12);
        CHECK_NEAR(one->f1, 0.8, 1e-12);
        /* the m2 gold fact on line 8 is a miss of r.two (metric compared
         * trimmed and lower-cased) */
        CHECK(two->true_pos == 0 && two->false_pos == 1 && two->misses == 1);
        CHECK_NEAR(two->precision, 0.0, 1e-12);
        CHECK(isnan(two->f1) == 0 && two->f1 == 0.0);
        CHECK(three->true_pos == 2 && three->wrong_metric == 1 && three->misses == 0);
        CHECK(none->misses == 1 && none->facts == 0); /* m9 */
        CHECK(isnan(skip->precision) && isnan(skip->recall) && isnan(skip->f1));
        CHECK(strcmp(skip->kind, "ignore") == 0 && strcmp(one->kind, "fact") == 0);
        CHECK(strcmp(three->metric, "m1") == 0);
        CHECK(!skip->flagged && one->flagged && three->flagged);
    }
    /* flagged rows come first */
    size_t n = 0;
    const solieu_bench_row *rows = solieu_bench_rows(b, &n);
    CHECK(n == 5);
    int seen_unflagged = 0, order_ok = 1;
    for (size_t i = 0; i < n; i++) {
        if (!rows[i].flagged)
            seen_unflagged = 1;
        else if (seen_unflagged)
            order_ok = 0;
    }
    CHECK(order_ok);

    /* the CSV parses back with a row per rule and a total */
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    solieu_csv_writer *w = mem ? solieu_csv_writer_create(mem, 0) : NULL;
    CHECK(w && solieu_bench_write_csv(b, w) == SOLIEU_OK);
    solieu_csv_writer_destroy(w);
    if (mem)
        fclose(mem);
    solieu_table *table = NULL;
    CHECK(buf && solieu_table_parse("bench.csv", buf, len, &table, NULL) == SOLIEU_OK);
    if (table) {
        CHECK(solieu_table_rows(table) == n + 1);
        CHECK_STR(solieu_table_cell(table, n, solieu_table_column(table, "rule")), "(total)");
        CHECK_STR(solieu_table_cell(table, n, solieu_table_column(table, "true_pos")), "4");
    }
    solieu_table_destroy(table);
    free(buf);

    FILE *devnull = fopen("/dev/null", "w");
    CHECK(devnull && solieu_bench_print(b, devnull, SOLIEU_BENCH_VERBOSE) == SOLIEU_OK);
    if (devnull)
        fclose(devnull);
    solieu_bench_destroy(b);
    solieu_gold_destroy(gold);
}

/* The scorer compares lines as strings: gold line "03" never matches line 3. */
static void test_line_as_string(solieu_rules *rules)
{
    solieu_gold *gold = NULL;
    CHECK(solieu_gold_create(&gold) == SOLIEU_OK);
    gold_of("x.facts.csv", "doc,line,value,required\nx.txt, 03 ,5,1\nx.txt,4 ,6,1\n", gold);
    solieu_bench *b = NULL;
    CHECK(solieu_bench_create(rules, gold, &b) == SOLIEU_OK);
    CHECK(solieu_bench_add_document(b, "x.txt", 10, 0, 0) == SOLIEU_OK);
    solieu_fact f1 = fact("x.txt", 3, 5, "r.one", "m1", 0);
    solieu_fact f2 = fact("x.txt", 4, 6, "r.one", "m1", 5);
    CHECK(solieu_bench_add_fact(b, &f1) == SOLIEU_OK);
    CHECK(solieu_bench_add_fact(b, &f2) == SOLIEU_OK);
    CHECK(solieu_bench_finish(b) == SOLIEU_OK);
    CHECK(solieu_bench_get_totals(b)->true_pos == 1);
    solieu_bench_destroy(b);
    solieu_gold_destroy(gold);
}

/* Real extraction through solieu_bench_run_file, and a file that fails. */
static void test_run_file(solieu_rules *rules)
{
    CHECK(write_file("r.txt", "BÁO CÁO\n\nĐảng bộ có 120 đảng viên và 7 chi bộ.\n") == 0);
    solieu_gold *gold = NULL;
    CHECK(solieu_gold_create(&gold) == SOLIEU_OK);
    gold_of("r.facts.csv", "doc,line,value,required,metric\nr.txt,3,120,1,m1\nr.txt,3,7,1,m2\n",
            gold);
    solieu_bench *b = NULL;
    CHECK(solieu_bench_create(rules, gold, &b) == SOLIEU_OK);
    char *path = sl_printf("%s/r.txt", tmpdir), *missing = sl_printf("%s/none.txt", tmpdir);
    char *err = NULL;
    CHECK(solieu_bench_run_file(b, path, &err) == SOLIEU_OK);
    CHECK(solieu_bench_run_file(b, missing, &err) == SOLIEU_ERR_IO);
    CHECK(err && strstr(err, "none.txt") != NULL);
    solieu_free(err);
    CHECK(solieu_bench_finish(b) == SOLIEU_OK);
    const solieu_bench_totals *t = solieu_bench_get_totals(b);
    CHECK(t->documents == 2 && t->failed_documents == 1);
    CHECK(t->true_pos == 2 && t->false_pos == 0 && t->recall == 1.0);
    const solieu_bench_row *one = solieu_bench_row_of(b, "r.one");
    CHECK(one && one->attempts > 0 && one->matches == 1);
    free(path);
    free(missing);
    solieu_bench_destroy(b);
    solieu_gold_destroy(gold);
}

/* ---- comparison ------------------------------------------------------------------------ */

static void test_compare(solieu_rules *rules)
{
    solieu_gold *gold = NULL;
    CHECK(solieu_gold_create(&gold) == SOLIEU_OK);
    gold_of("a.facts.csv", GOLD_A, gold);
    solieu_bench *a = NULL, *b = NULL;
    CHECK(solieu_bench_create(rules, gold, &a) == SOLIEU_OK);
    CHECK(solieu_bench_create(rules, gold, &b) == SOLIEU_OK);
    solieu_bench_keep_facts(a, 1);
    solieu_bench_keep_facts(b, 1);
    CHECK(solieu_bench_add_document(a, "a.txt", 100, 0.1, 0) == SOLIEU_OK);
    CHECK(solieu_bench_add_document(b, "a.txt", 100, 0.2, 0) == SOLIEU_OK);
    solieu_fact fa[] = {fact("a.txt", 3, 120, "r.one", "m1", 10), /* only in A */
                        fact("a.txt", 4, 7, "r.three", "m1", 40)};
    solieu_fact fb[] = {fact("a.txt", 4, 7, "r.two", "m2", 40),  /* changed rule and metric */
                        fact("a.txt", 8, 2, "r.two", "m2", 80)}; /* only in B */
    for (int i = 0; i < 2; i++) {
        CHECK(solieu_bench_add_fact(a, &fa[i]) == SOLIEU_OK);
        CHECK(solieu_bench_add_fact(b, &fb[i]) == SOLIEU_OK);
    }
    solieu_bench_diff *d = NULL;
    CHECK(solieu_bench_compare(a, b, &d) == SOLIEU_ERR_USAGE); /* not finished */
    CHECK(solieu_bench_finish(a) == SOLIEU_OK && solieu_bench_finish(b) == SOLIEU_OK);
    CHECK(solieu_bench_compare(a, b, &d) == SOLIEU_OK);
    CHECK(solieu_bench_diff_count(d) == 3);
    const solieu_bench_change *c0 = solieu_bench_diff_get(d, 0);
    const solieu_bench_change *c1 = solieu_bench_diff_get(d, 1);
    const solieu_bench_change *c2 = solieu_bench_diff_get(d, 2);
    CHECK(solieu_bench_diff_get(d, 3) == NULL);
    if (c0 && c1 && c2) {
        CHECK(c0->kind == SOLIEU_CHANGE_LOST && c0->line == 3 && c0->gold_a == 1);
        CHECK(c1->kind == SOLIEU_CHANGE_CHANGED && c1->line == 4);
        CHECK_STR(c1->metric_a, "m1");
        CHECK_STR(c1->metric_b, "m2");
        CHECK_STR(c1->rule_b, "r.two");
        CHECK(c2->kind == SOLIEU_CHANGE_GAINED && c2->line == 8 && c2->gold_b == 1);
        CHECK(c2->gold_a == -1);
    }
    FILE *devnull = fopen("/dev/null", "w");
    CHECK(devnull && solieu_bench_diff_print(d, devnull, "A", "B") == SOLIEU_OK);
    if (devnull)
        fclose(devnull);
    solieu_bench_diff_destroy(d);
    solieu_bench_destroy(a);
    solieu_bench_destroy(b);
    solieu_gold_destroy(gold);
}

/* ---- allocation failures ------------------------------------------------------------------ */

/* Fails the Nth allocation for every N until a run gets through: each
 * failure is an error status, never a crash or (under ASan) a leak. */
static void test_alloc_failures(solieu_rules *rules)
{
    solieu_table *t = NULL;
    CHECK(solieu_table_parse("a.facts.csv", GOLD_A, strlen(GOLD_A), &t, NULL) == SOLIEU_OK);
    int completed = 0;
    for (long n = 0; t && n < 5000 && !completed; n++) {
        solieu_gold *gold = NULL;
        solieu_bench *b = NULL;
        solieu_bench_diff *d = NULL;
        solieu_fact f1 = fact("a.txt", 3, 120, "r.one", "m1", 1);
        solieu_fact f2 = fact("a.txt", 9, 1, "r.one", "m1", 2);
        sl_alloc_fail_after(n);
        solieu_status st = solieu_gold_create(&gold);
        if (st == SOLIEU_OK)
            st = solieu_gold_add_table(gold, t, "a.facts.csv", NULL);
        if (st == SOLIEU_OK)
            st = solieu_bench_create(rules, gold, &b);
        if (st == SOLIEU_OK) {
            solieu_bench_keep_facts(b, 1);
            st = solieu_bench_add_document(b, "a.txt", 10, 0, 0);
        }
        if (st == SOLIEU_OK)
            st = solieu_bench_add_fact(b, &f1);
        if (st == SOLIEU_OK)
            st = solieu_bench_add_fact(b, &f2);
        if (st == SOLIEU_OK)
            st = solieu_bench_finish(b);
        if (st == SOLIEU_OK)
            st = solieu_bench_compare(b, b, &d);
        sl_alloc_fail_after(-1);
        CHECK(st == SOLIEU_OK || st == SOLIEU_ERR_NOMEM);
        completed = st == SOLIEU_OK;
        if (completed)
            CHECK(solieu_bench_diff_count(d) == 0);
        solieu_bench_diff_destroy(d);
        solieu_bench_destroy(b);
        solieu_gold_destroy(gold);
    }
    CHECK(completed);
    solieu_table_destroy(t);
}

int main(void)
{
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    solieu_rules *rules = load_rules();
    test_values();
    if (rules) {
        test_matching(rules);
        test_line_as_string(rules);
        test_run_file(rules);
        test_compare(rules);
        test_alloc_failures(rules);
    }
    test_gold_load();
    solieu_rules_destroy(rules);
    const char *names[] = {"t.rules", "a.facts.csv", "b.facts.csv", "r.txt"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        char *p = sl_printf("%s/%s", tmpdir, names[i]);
        unlink(p);
        free(p);
    }
    rmdir(tmpdir);
    TEST_MAIN_END();
}
