/* Consistency checks over small reports written for this test, extracted
 * with the real rules: sums and their parts, parts within wholes, stated
 * percentages at the edges of their tolerance, footnote series and lists,
 * and a document number cited with two dates. The rows are read back from
 * the CSV the checker writes. */
#include <stdlib.h>
#include <string.h>

#include <solieu/check.h>
#include <solieu/csv.h>
#include <solieu/document.h>
#include <solieu/extract.h>
#include <solieu/rules.h>

#include "check.h"
#include "test_support.h"
#include "util/util.h"

static solieu_rules *rules;

/* ---- helpers ---------------------------------------------------------------------- */



/* Extracts and checks one document into `checker`. */
static void add_document(solieu_checker *checker, solieu_extractor *ex, const char *name,
                         const char *text)
{
    solieu_document *doc = NULL;
    solieu_facts *facts = NULL;
    char *err = NULL;
    CHECK(solieu_document_from_memory(name, text, strlen(text), &doc, &err) == SOLIEU_OK);
    if (doc && solieu_extract(ex, doc, &facts, &err) == SOLIEU_OK)
        CHECK(solieu_checker_add(checker, doc, facts) == SOLIEU_OK);
    else
        CHECK(0);
    if (err)
        fprintf(stderr, "%s\n", err);
    solieu_free(err);
    solieu_facts_destroy(facts);
    solieu_document_destroy(doc); /* the checker keeps copies */
}

/* Checks documents names[i]/texts[i] together and returns the rows the
 * checker writes, parsed back (caller-owned), or NULL. */
static solieu_table *check_documents(const char *const *names, const char *const *texts, size_t n)
{
    solieu_checker *checker = solieu_checker_create(rules);
    solieu_extractor *ex = solieu_extractor_create(rules);
    FILE *f = tmpfile();
    solieu_csv_writer *w = f ? solieu_csv_writer_create(f, 0) : NULL;
    solieu_table *table = NULL;
    CHECK(checker && ex && f && w);
    if (checker && ex && w) {
        for (size_t i = 0; i < n; i++)
            add_document(checker, ex, names[i], texts[i]);
        CHECK(solieu_checker_write(checker, w) == SOLIEU_OK);
        CHECK(solieu_csv_writer_status(w) == SOLIEU_OK);
        fflush(f);
        long size = ftell(f);
        rewind(f);
        char *data = size > 0 ? malloc((size_t)size) : NULL;
        if (data && fread(data, 1, (size_t)size, f) == (size_t)size) {
            char *err = NULL;
            CHECK(solieu_table_parse("checks.csv", data, (size_t)size, &table, &err) == SOLIEU_OK);
            if (err)
                fprintf(stderr, "%s\n", err);
            solieu_free(err);
        } else {
            CHECK(0);
        }
        free(data);
        /* the row count and failures agree with what was written */
        size_t failed = 0, rows = solieu_checker_rows(checker, &failed);
        if (table) {
            CHECK(rows == solieu_table_rows(table));
            size_t written_failed = 0;
            long verdict = solieu_table_column(table, "verdict");
            for (size_t r = 0; r < solieu_table_rows(table); r++)
                written_failed += strcmp(solieu_table_cell(table, r, verdict), "fail") == 0;
            CHECK(failed == written_failed);
        }
    }
    solieu_csv_writer_destroy(w);
    if (f)
        fclose(f);
    solieu_extractor_destroy(ex);
    solieu_checker_destroy(checker);
    return table;
}

static solieu_table *check_one(const char *name, const char *text)
{
    return check_documents(&name, &text, 1);
}

static const char *cell(const solieu_table *t, size_t row, const char *column)
{
    return solieu_table_cell(t, row, solieu_table_column(t, column));
}

/* The row of check `check` whose lines column is `lines`, or (size_t)-1. */
static size_t find_row(const solieu_table *t, const char *check, const char *lines)
{
    for (size_t r = 0; t && r < solieu_table_rows(t); r++)
        if (strcmp(cell(t, r, "check"), check) == 0 && strcmp(cell(t, r, "lines"), lines) == 0)
            return r;
    fprintf(stderr, "no %s row for lines %s\n", check, lines);
    return (size_t)-1;
}

static size_t count_rows(const solieu_table *t, const char *check, const char *verdict)
{
    size_t n = 0;
    for (size_t r = 0; t && r < solieu_table_rows(t); r++)
        n += strcmp(cell(t, r, "check"), check) == 0 &&
             (!verdict || strcmp(cell(t, r, "verdict"), verdict) == 0);
    return n;
}

/* Checks verdict, stated and computed of one row; returns its index. */
static size_t expect_row(const solieu_table *t, const char *check, const char *lines,
                         const char *verdict, const char *stated, const char *computed)
{
    size_t r = find_row(t, check, lines);
    CHECK(r != (size_t)-1);
    if (r == (size_t)-1)
        return r;
    CHECK_STR(cell(t, r, "verdict"), verdict);
    CHECK_STR(cell(t, r, "severity"), strcmp(verdict, "pass") == 0 ? "info" : "error");
    CHECK_STR(cell(t, r, "stated"), stated);
    CHECK_STR(cell(t, r, "computed"), computed);
    return r;
}

/* Whether some row is exactly this one (several may share their lines). */
static int has_row(const solieu_table *t, const char *check, const char *lines, const char *verdict,
                   const char *stated, const char *computed)
{
    for (size_t r = 0; t && r < solieu_table_rows(t); r++)
        if (strcmp(cell(t, r, "check"), check) == 0 && strcmp(cell(t, r, "lines"), lines) == 0 &&
            strcmp(cell(t, r, "verdict"), verdict) == 0 &&
            strcmp(cell(t, r, "stated"), stated) == 0 &&
            strcmp(cell(t, r, "computed"), computed) == 0)
            return 1;
    return 0;
}

static int message_has(const solieu_table *t, size_t row, const char *part)
{
    return row != (size_t)-1 && strstr(cell(t, row, "message"), part) != NULL;
}

/* ---- sums and subsets ------------------------------------------------------------ */

static void test_sums_and_subsets(void)
{
    const char *text =
        "Đảng bộ huyện Cẩm Xuyên hiện có 50 tổ chức cơ sở đảng, trong đó: 20 đảng bộ cơ sở, "
        "31 chi bộ cơ sở.\n" /* 1 */
        "\n"
        "Đảng bộ thị xã Kỳ Anh có 45 tổ chức cơ sở đảng, trong đó: 15 đảng bộ cơ sở, 30 chi "
        "bộ cơ sở và 210 chi bộ trực thuộc đảng ủy cơ sở.\n" /* 3 */
        "\n"
        "Năm 2022, Ủy ban kiểm tra các cấp đã kiểm tra khi có dấu hiệu vi phạm đối với 14 tổ "
        "chức đảng, kết luận 9 tổ chức đảng có vi phạm.\n" /* 5 */
        "\n"
        "Năm 2021, các cấp ủy đã kiểm tra khi có dấu hiệu vi phạm đối với 6 tổ chức đảng, qua "
        "đó kết luận 8 tổ chức đảng vi phạm.\n"; /* 7 */
    solieu_table *t = check_one("sums.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    /* the columns this test reads */
    const char *columns[] = {"doc",       "check",      "verdict",  "lines",
                             "stated",    "computed",   "message",  "severity",
                             "tolerance", "byte_start", "byte_end", "rule"};
    for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++)
        CHECK(solieu_table_column(t, columns[i]) >= 0);
    CHECK(solieu_table_column(t, "doc") == 0);

    size_t r = expect_row(t, "sum", "1", "fail", "50", "51");
    CHECK(message_has(t, r, "51"));
    CHECK(message_has(t, r, "50"));
    CHECK(r != (size_t)-1 && strcmp(cell(t, r, "doc"), "sums.txt") == 0);
    CHECK(r != (size_t)-1 && strcmp(cell(t, r, "tolerance"), "0") == 0);
    /* byte_start..byte_end is the stated total in the original */
    if (r != (size_t)-1) {
        size_t bs = strtoul(cell(t, r, "byte_start"), NULL, 10);
        size_t be = strtoul(cell(t, r, "byte_end"), NULL, 10);
        CHECK(be == bs + 2 && be <= strlen(text) && memcmp(text + bs, "50", 2) == 0);
    }

    /* the 210 cells under grassroots committees are no grassroots organisations */
    r = expect_row(t, "sum", "3", "pass", "45", "45");
    CHECK(r != (size_t)-1 && !message_has(t, r, "210"));

    r = expect_row(t, "subset", "5", "pass", "14", "9");
    CHECK(message_has(t, r, "9") && message_has(t, r, "14"));
    r = expect_row(t, "subset", "7", "fail", "6", "8");
    CHECK(message_has(t, r, "8") && message_has(t, r, "6"));

    CHECK(count_rows(t, "sum", NULL) == 2);
    CHECK(count_rows(t, "subset", NULL) == 2);
    solieu_table_destroy(t);
}

/* ---- ratios ---------------------------------------------------------------------- */

static void test_ratio_tolerance(void)
{
    const char *text =
        "Hội nghị quán triệt có 302/313 đảng viên được triệu tập tham dự, đạt 96,48%.\n" /* 1 */
        "\n"
        "Hội nghị sơ kết có 302/313 đảng viên được triệu tập tham dự, đạt 96,49%.\n" /* 3 */
        "\n"
        "Hội nghị tổng kết có 302/313 đảng viên được triệu tập tham dự, đạt 96,46%.\n" /* 5 */
        "\n"
        "Lớp bồi dưỡng thứ nhất có 2/3 học viên được triệu tập tham dự, đạt 66,67%.\n" /* 7 */
        "\n"
        "Lớp bồi dưỡng thứ hai có 2/3 học viên được triệu tập tham dự, đạt 66,6%.\n" /* 9 */
        "\n"
        "Lớp bồi dưỡng thứ ba có 2/3 học viên được triệu tập tham dự, đạt 66,5%.\n" /* 11 */
        "\n"
        "Năm 2022, toàn tỉnh kết nạp 95/90 đảng viên (tỷ lệ 105,56% so với Kế hoạch).\n"; /* 13 */
    solieu_table *t = check_one("ratios.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    /* 96.486%: truncated and rounded both agree, two hundredths off does not */
    size_t r = expect_row(t, "ratio", "1", "pass", "96.48", "96.49");
    CHECK(r != (size_t)-1 && strcmp(cell(t, r, "tolerance"), "0.01") == 0);
    expect_row(t, "ratio", "3", "pass", "96.49", "96.49");
    r = expect_row(t, "ratio", "5", "fail", "96.46", "96.49");
    CHECK(message_has(t, r, "302/313"));
    /* 66.667% */
    expect_row(t, "ratio", "7", "pass", "66.67", "66.67");
    r = expect_row(t, "ratio", "9", "pass", "66.6", "66.7");
    CHECK(r != (size_t)-1 && strcmp(cell(t, r, "tolerance"), "0.1") == 0);
    expect_row(t, "ratio", "11", "fail", "66.5", "66.7");
    /* above 100% */
    expect_row(t, "ratio", "13", "pass", "105.56", "105.56");
    CHECK(count_rows(t, "ratio", NULL) == 7);
    CHECK(count_rows(t, "ratio", "fail") == 2);
    solieu_table_destroy(t);
}

/* ---- footnote series and lists ------------------------------------------------------ */

static void test_footnotes(void)
{
    const char *text =
        "Giai đoạn 2019 - 2022, toàn Đảng bộ đã tổ chức kiểm điểm đối với 1.250 lượt tập thể¹ "
        "theo đúng quy định.\n" /* 1 */
        "\n"
        "Giai đoạn 2019 - 2021, các chi bộ đã tổ chức kiểm điểm đối với 700 lượt tập thể² "
        "theo đúng quy định.\n" /* 3 */
        "\n"
        "Ban Thường vụ Tỉnh ủy chọn 04 đảng bộ trực thuộc³ làm điểm về đổi mới sinh hoạt chi "
        "bộ.\n" /* 5 */
        "\n"
        "Ban Thường vụ Tỉnh ủy chọn 05 đảng bộ trực thuộc⁴ làm điểm về công tác dân vận.\n" /* 7 */
        "\n"
        "Ban Tổ chức Tỉnh ủy đã khảo sát 4 đảng bộ trực thuộc⁵ để chuẩn bị tổng kết.\n" /* 9 */
        "\n"
        "Ban Tuyên giáo Tỉnh ủy đã khảo sát 5 đảng bộ trực thuộc⁶ về công tác nắm bắt dư "
        "luận.\n" /* 11 */
        "\n"
        "¹ Cụ thể:\n"                /* 13 */
        "- Năm 2019: 300 tập thể;\n" /* 14 */
        "- Năm 2020: 310 tập thể;\n"
        "- Năm 2021: 320 tập thể;\n"
        "- Năm 2022: 320 tập thể.\n" /* 17 */
        "² Cụ thể:\n"                /* 18 */
        "- Năm 2019: 200 tập thể;\n" /* 19 */
        "- Năm 2020: 250 tập thể;\n"
        "- Năm 2021: 260 tập thể.\n" /* 21 */
        "³ Đảng bộ huyện Kỳ Anh, Đảng bộ huyện Cẩm Xuyên, Đảng bộ thị xã Hồng Lĩnh và Đảng "
        "bộ Quân sự tỉnh.\n"                                                              /* 22 */
        "⁴ Đảng bộ huyện Đức Thọ, Đảng bộ huyện Nghi Xuân và Đảng bộ Công an tỉnh.\n"     /* 23 */
        "⁵ Đảng bộ Khối các cơ quan tỉnh và các đảng bộ: Can Lộc; Thạch Hà; Hương Sơn.\n" /* 24 */
        "⁶ Đảng bộ Khối doanh nghiệp tỉnh và các đảng bộ: Vũ Quang; Lộc Hà.\n";           /* 25 */
    solieu_table *t = check_one("notes.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    size_t r = expect_row(t, "series_total", "1;14;15;16;17", "pass", "1250", "1250");
    CHECK(message_has(t, r, "2019/2022"));
    r = expect_row(t, "series_total", "3;19;20;21", "fail", "700", "710");
    CHECK(message_has(t, r, "710") && message_has(t, r, "700"));
    CHECK(count_rows(t, "series_total", NULL) == 2);

    /* names separated by commas and "và" */
    expect_row(t, "list_count", "5;22", "pass", "4", "4");
    r = expect_row(t, "list_count", "7;23", "fail", "5", "3");
    CHECK(message_has(t, r, "footnote 4"));
    /* "X và các đơn vị: A; B; C" names X too */
    expect_row(t, "list_count", "9;24", "pass", "4", "4");
    expect_row(t, "list_count", "11;25", "fail", "5", "3");
    CHECK(count_rows(t, "list_count", NULL) == 4);
    solieu_table_destroy(t);
}

/* Forms of discipline in "đồng chí" add up to members disciplined in
 * "đảng viên"; groups of a stock in a footnote ("47 đồng chí" awarded
 * badges under the members there are) add up to nothing. */
static void test_footnote_sum_of_comrades(void)
{
    const char *text =
        "Nhiệm kỳ qua đã thi hành kỷ luật 187 đảng viên¹.\n" /* 1 */
        "\n"
        "Đảng bộ có 1.245 đảng viên, trong đó 69 đảng viên dự bị².\n" /* 3 */
        "\n"
        "¹ Khiển trách 121 đồng chí, cảnh cáo 43 đồng chí, cách chức 07 đồng chí, khai trừ 14 "
        "đồng chí.\n"                                                       /* 5 */
        "² Trao Huy hiệu Đảng cho 47 đồng chí; có 14 đảng viên từ trần.\n"; /* 6 */
    solieu_table *t = check_one("comrades.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    size_t r = expect_row(t, "sum", "1;5", "fail", "187", "185");
    CHECK(r != (size_t)-1);
    CHECK(count_rows(t, "sum", NULL) == 1);
    solieu_table_destroy(t);
}

/* A paragraph that opens by referring back ("Kết luận: ...") holds its
 * parts against the wholes of the paragraph before; one that does not,
 * not. */
static void test_chain_across_paragraphs(void)
{
    const char *text =
        "Năm 2024, ủy ban kiểm tra đã kiểm tra khi có dấu hiệu vi phạm đối với 06 tổ chức "
        "đảng.\n"                                 /* 1 */
        "Kết luận: 07 tổ chức đảng có vi phạm.\n" /* 2 */
        "\n"
        "Năm 2024, ủy ban kiểm tra đã kiểm tra khi có dấu hiệu vi phạm đối với 12 tổ chức "
        "đảng.\n"                                     /* 4 */
        "Toàn Đảng bộ có 15 tổ chức đảng vi phạm.\n"; /* 5 */
    solieu_table *t = check_one("across.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    expect_row(t, "subset", "1;2", "fail", "6", "7");
    CHECK(count_rows(t, "subset", NULL) == 1);
    solieu_table_destroy(t);
}

/* One wrong figure stated in two places against the same parts is one
 * inconsistency, on both lines. */
static void test_same_inconsistency_twice(void)
{
    const char *text =
        "Năm 2024 thi hành kỷ luật 6 đảng viên (khiển trách 3, cảnh cáo 2).\n"
        "\n"
        "Tóm lại, năm 2024 thi hành kỷ luật 6 đảng viên (khiển trách 3, cảnh cáo 2).\n";
    solieu_table *t = check_one("twice.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK(count_rows(t, "sum", "fail") == 1);
    expect_row(t, "sum", "1;3", "fail", "6", "5");
    solieu_table_destroy(t);
}

/* A change ("tăng 02 chi bộ") among counts by rating is no total rated. */
static void test_rating_change_is_no_total(void)
{
    const char *text = "Năm 2024 có 08 chi bộ hoàn thành xuất sắc nhiệm vụ, tăng 02 chi bộ so "
                       "với năm 2023; 06 chi bộ hoàn thành nhiệm vụ; 01 chi bộ không hoàn thành "
                       "nhiệm vụ.\n";
    solieu_table *t = check_one("change.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK(count_rows(t, "sum", "fail") == 0);
    solieu_table_destroy(t);
}

/* Bulleted items that name two parts each, set apart by ';', give both;
 * one relation told by two rules is one row. */
static void test_items_of_two_parts(void)
{
    const char *text = "- Chi bộ trực thuộc đảng ủy cơ sở: 268, gồm:\n"
                       "+ Chi bộ thôn, tổ dân phố: 153; chi bộ cơ quan, trường học: 98;\n"
                       "+ Chi bộ doanh nghiệp: 12; chi bộ quân sự, công an: 9.\n";
    solieu_table *t = check_one("twoparts.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK(count_rows(t, "sum", "fail") == 1);
    expect_row(t, "sum", "1;2;3", "fail", "268", "272"); /* 153 + 98 + 12 + 9, not 268 */
    solieu_table_destroy(t);
}

/* A note hung on the last form of discipline whose parts outgrow it breaks
 * down the total before the forms; a markdown note "[^3]: Trong đó có ..."
 * names only some of the parts. */
static void test_note_parts_outgrow_the_last_figure(void)
{
    const char *text = "Năm 2025 thi hành kỷ luật 131 đảng viên, gồm: khiển trách 74 đồng chí, "
                       "cảnh cáo 38 đồng chí, cách chức 7 đồng chí, khai trừ 12 đồng chí[^3].\n"
                       "\n"
                       "[^3]: Trong đó có 4 đảng viên thuộc diện Tỉnh ủy quản lý và 27 đảng viên "
                       "thuộc diện cấp huyện quản lý.\n";
    solieu_table *t = check_one("outgrow.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK(count_rows(t, "sum", "fail") == 0);
    CHECK(count_rows(t, "subset", "fail") == 0);
    solieu_table_destroy(t);
}

/* The ends of a range of shares ("từ 91% đến 98%") are no share of the
 * fraction before them; the share right after it is. */
static void test_range_of_shares(void)
{
    const char *text = "Bình quân mỗi kỳ có 4.052/4.256 đảng viên dự sinh hoạt (95,2%), tỷ lệ ở "
                       "từng chi bộ dao động từ 91% đến 98%.\n";
    solieu_table *t = check_one("range.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK(count_rows(t, "ratio", "fail") == 0);
    CHECK(count_rows(t, "ratio", "pass") == 1);
    solieu_table_destroy(t);
}

/* A table whose rows are years: its total row is the period's total, a
 * series_total, each row of its own year. */
static void test_table_of_years(void)
{
    const char *text = "| Năm | Kết nạp đảng viên |\n" /* 1 */
                       "|---|---|\n"                   /* 2 */
                       "| 2021 | 10 |\n"               /* 3 */
                       "| 2022 | 12 |\n"               /* 4 */
                       "| Tổng cộng | 23 |\n";         /* 5 */
    solieu_table *t = check_one("years.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    expect_row(t, "series_total", "3;4;5", "fail", "23", "22");
    CHECK(count_rows(t, "sum", NULL) == 0);
    solieu_table_destroy(t);
}

/* Quarters in a footnote against nine months, and a row of years against
 * its cell for the term: parts of a period tile it. */
static void test_periods_that_tile(void)
{
    const char *text =
        "Hòa Khê, ngày 26 tháng 9 năm 2026\n"                                        /* 1 */
        "\n"                                                                         /* 2 */
        "BÁO CÁO\n"                                                                  /* 3 */
        "Kết quả công tác xây dựng Đảng quý III và 9 tháng đầu năm 2026\n"           /* 4 */
        "\n"                                                                         /* 5 */
        "Kết nạp đảng viên: quý III kết nạp 12 đảng viên; 9 tháng: 32 đảng viên¹.\n" /* 6 */
        "\n"                                                                         /* 7 */
        "| Nội dung | 2021 | 2022 | 2023 | Cộng |\n"                                 /* 8 */
        "|---|---|---|---|---|\n"                                                    /* 9 */
        "| Kết nạp đảng viên | 40 | 38 | 45 | 123 |\n"                               /* 10 */
        "\n"                                                                         /* 11 */
        "¹ Quý I: 9 đảng viên; quý II: 10 đảng viên; quý III: 12 đảng viên.\n";      /* 12 */
    solieu_table *t = check_one("tiles.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    size_t r = expect_row(t, "series_total", "6;12", "fail", "32", "31");
    CHECK(message_has(t, r, "2026-01/2026-09"));
    expect_row(t, "series_total", "10", "pass", "123", "123");
    solieu_table_destroy(t);

    /* parts given in the body, in the items under the total */
    const char *body = "Hòa Khê, ngày 26 tháng 9 năm 2026\n"                                 /* 1 */
                       "\n"                                                                  /* 2 */
                       "BÁO CÁO\n"                                                           /* 3 */
                       "Kết quả công tác kiểm tra 9 tháng đầu năm 2026\n"                    /* 4 */
                       "\n"                                                                  /* 5 */
                       "- Kiểm tra khi có dấu hiệu vi phạm: 2 tổ chức đảng, 11 đảng viên.\n" /* 6 */
                       "+ Theo quý: quý I: 3; quý II: 5; quý III: 4.\n";                     /* 7 */
    t = check_one("body_tiles.txt", body);
    CHECK(t != NULL);
    if (!t)
        return;
    expect_row(t, "series_total", "6;7", "fail", "11", "12");
    solieu_table_destroy(t);

    /* parts in the items above a total's item ("• Cộng 9 tháng: ...") */
    const char *above = "Hòa Khê, ngày 26 tháng 9 năm 2026\n"                /* 1 */
                        "\n"                                                 /* 2 */
                        "BÁO CÁO\n"                                          /* 3 */
                        "Kết quả công tác kiểm tra 9 tháng đầu năm 2026\n"   /* 4 */
                        "\n"                                                 /* 5 */
                        "• Quý I: thi hành kỷ luật 2 đảng viên.\n"           /* 6 */
                        "• Quý II: thi hành kỷ luật 3 đảng viên.\n"          /* 7 */
                        "• Quý III: thi hành kỷ luật 3 đảng viên.\n"         /* 8 */
                        "• Cộng 9 tháng: 9 đảng viên bị thi hành kỷ luật.\n" /* 9 */
                        "• Còn 4 đảng viên chưa kiểm điểm.\n";               /* 10 */
    t = check_one("above_tiles.txt", above);
    CHECK(t != NULL);
    if (!t)
        return;
    expect_row(t, "series_total", "6;7;8;9", "fail", "9", "8");
    CHECK(count_rows(t, "series_total", NULL) == 1);
    solieu_table_destroy(t);
}

/* A change a footnote explains ("tăng 153 đảng viên": transfers in and
 * out) is no total its figures add up to. */
static void test_change_is_no_footnote_total(void)
{
    const char *text = "Tổng số đảng viên: 14.286, tăng 153 đảng viên so với cùng kỳ¹.\n" /* 1 */
                       "\n"
                       "¹ Có 57 đảng viên chuyển sinh hoạt đến và 49 đảng viên chuyển sinh hoạt "
                       "đi.\n"; /* 3 */
    solieu_table *t = check_one("change_note.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK(count_rows(t, "sum", "fail") == 0);
    solieu_table_destroy(t);
}

/* A total row first and rows that add up to well over it: groups of the
 * total, not its parts; no sum is told. */
static void test_table_of_groups(void)
{
    const char *text = "| Chỉ tiêu | Số đảng viên |\n"        /* 1 */
                       "|---|---|\n"                          /* 2 */
                       "| Tổng số đảng viên | 1.247 |\n"      /* 3 */
                       "| Đảng viên nữ | 538 |\n"             /* 4 */
                       "| Đảng viên dưới 30 tuổi | 96 |\n"    /* 5 */
                       "| Trình độ đại học trở lên | 603 |\n" /* 6 */
                       "| Được miễn sinh hoạt | 311 |\n";     /* 7 */
    solieu_table *t = check_one("groups.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK(count_rows(t, "sum", NULL) == 0);
    solieu_table_destroy(t);
}

/* ---- cited dates --------------------------------------------------------------------- */

static void test_ref_date(void)
{
    const char *names[] = {"refs.txt", "other.txt"};
    const char *texts[] = {
        "Hà Tĩnh, ngày 10 tháng 3 năm 2023\n" /* 1 */
        "\n"
        "Thực hiện Kế hoạch số 86-KH/TU, ngày 12/4/2021 của Ban Thường vụ Tỉnh ủy, các cấp "
        "ủy đã triển khai đồng bộ các giải pháp.\n" /* 3 */
        "\n"
        "Sau 2 năm thực hiện Kế hoạch số 86-KH/TU, ngày 12/4/2021, các chi bộ đã kết nạp 35 "
        "đảng viên.\n" /* 5 */
        "\n"
        "Theo Kế hoạch số 86-KH/TU, ngày 12/5/2021, các chi bộ tổ chức sinh hoạt chuyên đề "
        "hằng quý.\n", /* 7 */
        /* cites its own numbers consistently: no row */
        "Hà Tĩnh, ngày 20 tháng 4 năm 2023\n"
        "\n"
        "Thực hiện Chỉ thị số 15-CT/TU ngày 03/8/2022 của Ban Thường vụ Tỉnh ủy, các chi bộ "
        "đã quán triệt đầy đủ.\n"
        "\n"
        "Qua 6 tháng triển khai Chỉ thị số 15-CT/TU ngày 03/8/2022, các chi bộ đã kết nạp "
        "12 đảng viên.\n"};
    solieu_table *t = check_documents(names, texts, 2);
    CHECK(t != NULL);
    if (!t)
        return;
    size_t r = expect_row(t, "ref_date", "3;5;7", "fail", "2021-05-12", "2021-04-12");
    CHECK(r != (size_t)-1 && strcmp(cell(t, r, "doc"), "refs.txt") == 0);
    CHECK(message_has(t, r, "86-KH/TU"));
    CHECK(count_rows(t, "ref_date", NULL) == 1);
    solieu_table_destroy(t);
}

/* What a checker writes with `write` (its rows or its citations), as text
 * (caller-owned), or NULL. */
typedef solieu_status (*write_fn)(solieu_checker *checker, solieu_csv_writer *w);

static char *written(solieu_checker *checker, write_fn write, size_t *len)
{
    char *data = NULL;
    FILE *f = open_memstream(&data, len);
    solieu_csv_writer *w = f ? solieu_csv_writer_create(f, 0) : NULL;
    CHECK(w && write(checker, w) == SOLIEU_OK);
    solieu_csv_writer_destroy(w);
    if (f)
        fclose(f);
    return data;
}

static solieu_status write_rows(solieu_checker *checker, solieu_csv_writer *w)
{
    return solieu_checker_write(checker, w);
}

static solieu_status write_citations(solieu_checker *checker, solieu_csv_writer *w)
{
    return solieu_checker_write_citations(checker, w);
}

/* The rows of rule citation.across in a checks CSV, in order. */
static char *across_rows(const char *csv, size_t len)
{
    solieu_table *t = NULL;
    sl_buf out;
    sl_buf_init(&out, 0);
    CHECK(solieu_table_parse("checks.csv", csv, len, &t, NULL) == SOLIEU_OK);
    for (size_t r = 0; t && r < solieu_table_rows(t); r++)
        if (strcmp(cell(t, r, "rule"), "citation.across") == 0)
            sl_buf_printf(&out, "%s|%s|%s|%s\n", cell(t, r, "doc"), cell(t, r, "lines"),
                          cell(t, r, "stated"), cell(t, r, "message"));
    solieu_table_destroy(t);
    return sl_buf_take(&out);
}

/* Citations kept as CSV (as a batch keeps them per document) and read back
 * into another checker give the cross-document rows the documents give;
 * a citations file cut short is refused whole. */
static void test_kept_citations(void)
{
    const char *names[] = {"a.txt", "b.txt", "c.txt"};
    const char *texts[] = {
        "Thực hiện Kế hoạch số 41-KH/TU ngày 05/6/2021 của Ban Thường vụ, các chi bộ đã "
        "kết nạp 12 đảng viên.\n",
        "Sau một năm thực hiện Kế hoạch số 41-KH/TU ngày 05/6/2021, các chi bộ đã kết nạp "
        "9 đảng viên.\n",
        "Theo Kế hoạch số 41-KH/TU ngày 15/6/2021, các chi bộ đã kết nạp 7 đảng viên.\n"};
    solieu_extractor *ex = solieu_extractor_create(rules);
    solieu_checker *all = solieu_checker_create(rules), *kept = solieu_checker_create(rules);
    CHECK(ex && all && kept);
    if (!ex || !all || !kept)
        goto cleanup;
    for (size_t i = 0; i < 3; i++) {
        add_document(all, ex, names[i], texts[i]);
        solieu_checker *one = solieu_checker_create(rules);
        CHECK(one != NULL);
        if (!one)
            continue;
        add_document(one, ex, names[i], texts[i]);
        size_t len;
        char *csv = written(one, write_citations, &len);
        solieu_table *t = NULL;
        CHECK(csv && solieu_table_parse("citations.csv", csv, len, &t, NULL) == SOLIEU_OK);
        if (t)
            CHECK(solieu_checker_add_citations(kept, t) == SOLIEU_OK);
        solieu_table_destroy(t);
        /* without its last row (the mark), and so without its count */
        size_t cut = len;
        while (cut > 0 && csv[cut - 1] == '\n')
            cut--;
        while (cut > 0 && csv[cut - 1] != '\n')
            cut--;
        t = NULL;
        CHECK(solieu_table_parse("citations.csv", csv, cut, &t, NULL) == SOLIEU_OK);
        if (t)
            CHECK(solieu_checker_add_citations(kept, t) == SOLIEU_ERR_CSV);
        solieu_table_destroy(t);
        free(csv);
        solieu_checker_destroy(one);
    }
    size_t len_all, len_kept;
    char *rows_all = written(all, write_rows, &len_all);
    char *rows_kept = written(kept, write_rows, &len_kept);
    char *want = rows_all ? across_rows(rows_all, len_all) : NULL;
    char *got = rows_kept ? across_rows(rows_kept, len_kept) : NULL;
    CHECK(want && strstr(want, "c.txt|1|2021-06-15|") == want); /* the odd date out */
    CHECK_STR(got, want ? want : "");
    free(rows_all);
    free(rows_kept);
    free(want);
    free(got);
cleanup:
    solieu_checker_destroy(all);
    solieu_checker_destroy(kept);
    solieu_extractor_destroy(ex);
}

/* A form's numbered field heads the items under it; an item with the
 * head's bullet is no part of it; overlapping groups under "Trong đó:"
 * are no sum. */
static void test_form_fields(void)
{
    const char *text = "Mỹ Lợi, ngày 2 tháng 4 năm 2026\n"                    /* 1 */
                       "\n"                                                   /* 2 */
                       "BÁO CÁO\n"                                            /* 3 */
                       "Kết quả công tác quý I năm 2026\n"                    /* 4 */
                       "\n"                                                   /* 5 */
                       "1. Thi hành kỷ luật: ........ 09 đảng viên\n"         /* 6 */
                       "   - Khiển trách: ........ 05 đồng chí\n"             /* 7 */
                       "   - Cảnh cáo: ........ 03 đồng chí\n"                /* 8 */
                       "2. Tổng số đảng viên: ........ 1.148 đồng chí\n"      /* 9 */
                       "   Trong đó:\n"                                       /* 10 */
                       "   - Đảng viên nữ: ........ 412 đồng chí\n"           /* 11 */
                       "   - Đảng viên dưới 30 tuổi: ........ 903 đồng chí\n" /* 12 */
                       "- Kỷ luật 4 đảng viên, cụ thể:\n"                     /* 13 */
                       "+ Khiển trách: 3 đồng chí;\n"                         /* 14 */
                       "+ Cảnh cáo: 1 đồng chí.\n"                            /* 15 */
                       "- Kết nạp 12 đảng viên mới.\n";                       /* 16 */
    solieu_table *t = check_one("form.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK(has_row(t, "sum", "6;7;8", "fail", "9", "8"));
    CHECK(count_rows(t, "sum", "fail") == 1); /* 412 + 903 are groups of 1.148 */
    CHECK(has_row(t, "sum", "13;14;15", "pass", "4", "4"));
    solieu_table_destroy(t);
}

/* A note on a label that opens what follows breaks down the figure after
 * it; a note on a figure's clause does not reach past it. */
static void test_note_on_a_label(void)
{
    const char *text =
        "Tân An, ngày 20 tháng 1 năm 2026\n"                                     /* 1 */
        "\n"                                                                     /* 2 */
        "BÁO CÁO\n"                                                              /* 3 */
        "Kết quả công tác năm 2025\n"                                            /* 4 */
        "\n"                                                                     /* 5 */
        "Kết quả xếp loại năm 2025(*): 210 đảng viên được đánh giá, xếp loại.\n" /* 6 */
        "(*) Hoàn thành xuất sắc nhiệm vụ 31 đồng chí, hoàn thành tốt nhiệm vụ "
        "170 đồng chí, hoàn thành nhiệm vụ 7 đồng chí.\n"; /* 7 */
    solieu_table *t = check_one("label_note.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK(has_row(t, "sum", "6;7", "fail", "210", "208"));
    solieu_table_destroy(t);
}

/* A caption says what a table's bare columns count; a dash adds nothing. */
static void test_caption_and_dashes(void)
{
    const char *text = "Đông Sơn, ngày 12 tháng 12 năm 2025\n"      /* 1 */
                       "\n"                                         /* 2 */
                       "BÁO CÁO\n"                                  /* 3 */
                       "Kết quả công tác năm 2025\n"                /* 4 */
                       "\n"                                         /* 5 */
                       "Bảng 2. Kiểm tra khi có dấu hiệu vi phạm\n" /* 6 */
                       "\n"                                         /* 7 */
                       "| Đơn vị | Tổ chức đảng | Đảng viên |\n"    /* 8 */
                       "|---|---|---|\n"                            /* 9 */
                       "| Xã An Phú | 2 | 5 |\n"                    /* 10 */
                       "| Xã Bình Lợi | - | 3 |\n"                  /* 11 */
                       "| **Tổng cộng** | **3** | **8** |\n";       /* 12 */
    solieu_table *t = check_one("caption.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK(has_row(t, "sum", "10;12", "fail", "3", "2"));
    CHECK(has_row(t, "sum", "10;11;12", "pass", "8", "8"));
    solieu_table_destroy(t);
}

/* The steps of an inspection as a table's rows, or as its columns: each
 * step's figure against the step above it (or left of it). */
static void test_chains_in_tables(void)
{
    const char *text = "Đông Sơn, ngày 12 tháng 12 năm 2025\n"              /* 1 */
                       "\n"                                                 /* 2 */
                       "BÁO CÁO\n"                                          /* 3 */
                       "Kết quả công tác kiểm tra năm 2025\n"               /* 4 */
                       "\n"                                                 /* 5 */
                       "| Nội dung | Tổ chức đảng | Đảng viên |\n"          /* 6 */
                       "|---|---|---|\n"                                    /* 7 */
                       "| Kiểm tra khi có dấu hiệu vi phạm | 4 | 15 |\n"    /* 8 */
                       "| Giám sát chuyên đề | 30 | 52 |\n"                 /* 9 */
                       "| Kết luận có vi phạm | 5 | 11 |\n"                 /* 10 */
                       "| Thi hành kỷ luật | 2 | 8 |\n"                     /* 11 */
                       "\n"                                                 /* 12 */
                       "| Năm | Kiểm tra đảng viên | Đảng viên vi phạm |\n" /* 13 */
                       "|---|---|---|\n"                                    /* 14 */
                       "| 2024 | 20 | 14 |\n";                              /* 15 */
    solieu_table *t = check_one("table_chains.txt", text);
    CHECK(t != NULL);
    if (!t)
        return;
    CHECK(has_row(t, "subset", "8;10", "fail", "4", "5"));
    CHECK(has_row(t, "subset", "8;10", "pass", "15", "11"));
    CHECK(has_row(t, "subset", "10;11", "pass", "5", "2"));
    CHECK(has_row(t, "subset", "10;11", "pass", "11", "8"));
    CHECK(has_row(t, "subset", "15", "pass", "20", "14"));
    CHECK(count_rows(t, "subset", NULL) == 5); /* supervision bounds nothing */
    solieu_table_destroy(t);
}

/* A facts CSV split by document: by path, so two reports with one base
 * name stay apart; by doc when there is no path; in order of first row. */
static void test_table_documents(void)
{
    static const char csv[] = "doc,line,text,value,path\n"
                              "b.txt,1,5,5,x/b.txt\n"
                              "a.txt,2,6,6,x/a.txt\n"
                              "b.txt,3,7,7,y/b.txt\n"
                              "b.txt,4,8,8,x/b.txt\n"
                              ",5,9,9,\n"
                              "c.txt,6,1,1,\n"
                              "a.txt,7,2,2,x/a.txt\n";
    solieu_table *t = NULL;
    CHECK(solieu_table_parse("facts.csv", csv, sizeof csv - 1, &t, NULL) == SOLIEU_OK);
    solieu_table_documents *docs = t ? solieu_table_documents_create(t) : NULL;
    CHECK(docs != NULL);
    if (!docs) {
        solieu_table_destroy(t);
        return;
    }
    static const struct {
        const char *name, *path;
        size_t n, rows[2];
    } want[] = {{"b.txt", "x/b.txt", 2, {0, 3}},
                {"a.txt", "x/a.txt", 2, {1, 6}},
                {"b.txt", "y/b.txt", 1, {2, 0}},
                {"c.txt", "", 1, {5, 0}}};
    CHECK(solieu_table_documents_count(docs) == 4);
    for (size_t k = 0; k < 4 && k < solieu_table_documents_count(docs); k++) {
        size_t n;
        const size_t *rows = solieu_table_documents_rows(docs, k, &n);
        CHECK_STR(solieu_table_documents_name(docs, k), want[k].name);
        CHECK_STR(solieu_table_documents_path(docs, k), want[k].path);
        CHECK(n == want[k].n);
        for (size_t i = 0; i < n && i < 2; i++)
            CHECK(rows[i] == want[k].rows[i]);
    }
    solieu_table_documents_destroy(docs);
    solieu_table_destroy(t);
}

int main(void)
{
    solieu_status st = test_load_rules(&rules);
    CHECK(st == SOLIEU_OK);
    if (st != SOLIEU_OK)
        TEST_MAIN_END();
    test_sums_and_subsets();
    test_ratio_tolerance();
    test_footnotes();
    test_footnote_sum_of_comrades();
    test_chain_across_paragraphs();
    test_same_inconsistency_twice();
    test_rating_change_is_no_total();
    test_table_of_years();
    test_periods_that_tile();
    test_change_is_no_footnote_total();
    test_table_of_groups();
    test_ref_date();
    test_range_of_shares();
    test_note_parts_outgrow_the_last_figure();
    test_items_of_two_parts();
    test_table_documents();
    test_chains_in_tables();
    test_caption_and_dashes();
    test_note_on_a_label();
    test_form_fields();
    test_kept_citations();
    solieu_rules_destroy(rules);
    TEST_MAIN_END();
}
