/* Extraction with the real rules (rules/vi) over small reports written for
 * this test: metric, value, unit, line and scope of a fact; footnote
 * markers kept out of numbers; periods from paragraph and clause markers
 * and the document date; footnote facts inheriting the body's metric;
 * numbers that are never facts; the entity; and the same facts from NFD
 * and CRLF copies of a report. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include <solieu/document.h>
#include <solieu/extract.h>
#include <solieu/rules.h>

#include "check.h"
#include "extract/extract_internal.h"
#include "test_support.h"
#include "util/util.h"

static solieu_rules *rules;

/* ---- helpers -------------------------------------------------------------------- */

typedef struct run {
    solieu_document *doc;
    solieu_facts *facts;
    const char *data; /* the original bytes */
} run;

/* The document `data` read and extracted by ex (whose rule stats then count
 * this run too). */
static run extract_bytes_with(solieu_extractor *ex, const char *name, const char *data)
{
    run r = {NULL, NULL, data};
    char *err = NULL;
    if (solieu_document_from_memory(name, data, strlen(data), &r.doc, &err) != SOLIEU_OK) {
        fprintf(stderr, "%s\n", err ? err : "cannot load");
        solieu_free(err);
        CHECK(0);
        return r;
    }
    CHECK(solieu_extract(ex, r.doc, &r.facts, &err) == SOLIEU_OK);
    CHECK_STR(solieu_extractor_warnings(ex), "");
    solieu_free(err);
    return r;
}

static run extract_bytes(const char *name, const char *data)
{
    solieu_extractor *ex = solieu_extractor_create(rules);
    CHECK(ex != NULL);
    if (!ex)
        return (run){NULL, NULL, data};
    run r = extract_bytes_with(ex, name, data);
    solieu_extractor_destroy(ex);
    return r;
}

static void run_free(run *r)
{
    solieu_facts_destroy(r->facts);
    solieu_document_destroy(r->doc);
}

static size_t fact_count(const run *r)
{
    return r->facts ? solieu_facts_count(r->facts) : 0;
}

/* The fact written `text` on `line`, or NULL. */
static const solieu_fact *fact_at(const run *r, size_t line, const char *text)
{
    for (size_t i = 0; i < fact_count(r); i++) {
        const solieu_fact *f = solieu_facts_get(r->facts, i);
        if (f->line == line && strcmp(f->text, text) == 0)
            return f;
    }
    fprintf(stderr, "no fact \"%s\" on line %zu\n", text, line);
    return NULL;
}

static size_t facts_on_line(const run *r, size_t line)
{
    size_t n = 0;
    for (size_t i = 0; i < fact_count(r); i++)
        n += solieu_facts_get(r->facts, i)->line == line;
    return n;
}

/* The original bytes of a fact are the number as written. */
static int original_bytes_match(const run *r, const solieu_fact *f)
{
    size_t n = strlen(f->text);
    return f->byte_end - f->byte_start == n && memcmp(r->data + f->byte_start, f->text, n) == 0;
}

/* Checks metric, value, unit, period and scope of a fact in one go. */
static void expect_fact(const run *r, size_t line, const char *text, const char *metric,
                        double value, const char *unit, const char *period, const char *scope)
{
    const solieu_fact *f = fact_at(r, line, text);
    CHECK(f != NULL);
    if (!f)
        return;
    CHECK_STR(f->metric, metric);
    CHECK_NEAR(f->value, value, 1e-9);
    CHECK_STR(f->unit, unit);
    CHECK_STR(f->period, period);
    CHECK_STR(f->scope, scope);
    CHECK(original_bytes_match(r, f));
}

/* ---- the report ------------------------------------------------------------------ */

static const char report[] =
    "TỈNH ỦY HÀ TĨNH\n" /* 1 */
    "Số 215-BC/TU\n"    /* 2 */
    "\n"
    "Hà Tĩnh, ngày 10 tháng 3 năm 2023\n" /* 4 */
    "\n"
    "BÁO CÁO\n" /* 6 */
    "Kết quả thực hiện công tác xây dựng Đảng\n"
    "\n"
    "Thực hiện Kế hoạch số 112-KH/TU, ngày 05/01/2023 của Tỉnh ủy, Ban Thường vụ Tỉnh ủy "
    "Hà Tĩnh báo cáo như sau:\n" /* 9 */
    "\n"
    "I. TÌNH HÌNH CHUNG\n" /* 11 */
    "\n"
    "Đảng bộ tỉnh hiện có 18 đảng bộ trực thuộc với tổng số 27.210¹ đảng viên, sinh hoạt "
    "tại 1.126 chi bộ.\n" /* 13 */
    "\n"
    "Từ năm 2019 đến tháng 4/2023, các cấp ủy đã kết nạp 3.415 đảng viên mới. Các chi bộ "
    "đã xóa tên 57 trường hợp bỏ sinh hoạt.\n" /* 15 */
    "\n"
    "Trong 5 năm, Ủy ban kiểm tra các cấp đã kiểm tra khi có dấu hiệu vi phạm đối với 31 "
    "tổ chức đảng, kết luận 19 tổ chức đảng có vi phạm.\n" /* 17 */
    "\n"
    "Năm 2022, các chi bộ đã kết nạp 640 đảng viên, riêng năm 2021 kết nạp 152 đảng viên; "
    "đã xóa tên 14 trường hợp.\n" /* 19 */
    "\n"
    "Cấp ủy các cấp đã gợi ý kiểm điểm đối với 40 lượt tập thể⁴ có biểu hiện hạn chế "
    "trong lãnh đạo.\n" /* 21 */
    "\n"
    "Triển khai Nghị quyết Trung ương 4 khóa XII, Kết luận số 21-KL/TW ngày 25/10/2021, "
    "Ban Chỉ đạo 35 huyện Kỳ Anh và Tổ 35 xã Cẩm Bình đã họp ngày 12/5/2021; trong thời "
    "gian dịch Covid - 19 cán bộ, đảng viên vẫn tham gia đầy đủ.\n" /* 23 */
    "\n"
    "¹ Số liệu tính đến ngày 31/12/2022.\n" /* 25 */
    "⁴ Cụ thể:\n"                           /* 26 */
    "- Năm 2020: có 12 tập thể;\n"          /* 27 */
    "- Năm 2021: có 28 tập thể.\n";         /* 28 */

static void test_header_and_entity(const run *r)
{
    CHECK_STR(solieu_document_date(r->doc), "2023-03-10");
    CHECK(solieu_document_year(r->doc) == 2023);
    CHECK_STR(solieu_document_number(r->doc), "215-BC/TU");
    CHECK_STR(solieu_document_type(r->doc), "Báo cáo");
    CHECK_STR(solieu_document_place(r->doc), "Hà Tĩnh");
    CHECK_STR(solieu_facts_entity(r->facts), "tỉnh Hà Tĩnh");
    for (size_t i = 0; i < fact_count(r); i++) {
        const solieu_fact *f = solieu_facts_get(r->facts, i);
        CHECK_STR(f->entity, "tỉnh Hà Tĩnh");
        CHECK_STR(f->doc, "report.txt");
        CHECK(f->id == i + 1);
    }
}

static void test_membership(const run *r)
{
    const solieu_fact *f = fact_at(r, 13, "27.210");
    CHECK(f != NULL);
    if (!f)
        return;
    CHECK_STR(f->metric, "party_members");
    CHECK_NEAR(f->value, 27210, 0);
    CHECK_STR(f->unit, "đảng viên");
    CHECK_STR(f->scope, "body");
    CHECK(f->footnote == 0);
    CHECK_STR(f->period, "");
    CHECK_STR(f->rule, "members.total");
    CHECK(f->column == strlen("Đảng bộ tỉnh hiện có 18 đảng bộ trực thuộc với tổng số ") + 1);
    CHECK(original_bytes_match(r, f));
    CHECK(f->has_denominator == 0);
    /* the number next to it counts committees, not members */
    expect_fact(r, 13, "18", "direct_party_committees", 18, "đảng bộ", "", "body");
    CHECK(facts_on_line(r, 13) == 3);
}

static void test_periods(const run *r)
{
    /* "Từ năm 2019 đến tháng 4/2023," holds for the whole paragraph */
    expect_fact(r, 15, "3.415", "members_admitted", 3415, "đảng viên", "2019/2023-04", "body");
    expect_fact(r, 15, "57", "members_struck_off", 57, "trường hợp", "2019/2023-04", "body");
    CHECK(facts_on_line(r, 15) == 2); /* 2019, 4/2023 are no facts */
    /* "Trong 5 năm," with no date in the title: the five years up to the
     * document's (test_last_years_from_the_title has one) */
    expect_fact(r, 17, "31", "inspected_orgs", 31, "tổ chức đảng", "2019/2023", "body");
    expect_fact(r, 17, "19", "violating_orgs", 19, "tổ chức đảng", "2019/2023", "body");
    /* "riêng năm 2021" holds from where it stands to the end of its clause */
    expect_fact(r, 19, "640", "members_admitted", 640, "đảng viên", "2022", "body");
    expect_fact(r, 19, "152", "members_admitted", 152, "đảng viên", "2021", "body");
    expect_fact(r, 19, "14", "members_struck_off", 14, "trường hợp", "2022", "body");
    CHECK(facts_on_line(r, 19) == 3);
}

static void test_footnote_inherits(const run *r)
{
    /* its footnote gives it year by year: it holds for those years */
    expect_fact(r, 21, "40", "review_suggested_collectives", 40, "lượt tập thể", "2020/2021",
                "body");
    expect_fact(r, 27, "12", "review_suggested_collectives", 12, "tập thể", "2020", "footnote:4");
    expect_fact(r, 28, "28", "review_suggested_collectives", 28, "tập thể", "2021", "footnote:4");
    const solieu_fact *f = fact_at(r, 27, "12");
    CHECK(f && f->footnote == 4);
    /* the footnote of the membership figure states only a date */
    CHECK(facts_on_line(r, 25) == 0);
    CHECK(facts_on_line(r, 26) == 0);
}

static void test_never_facts(const run *r)
{
    /* heading, document number, dates, Trung ương 4, Ban Chỉ đạo 35, Tổ 35,
     * Covid - 19 */
    CHECK(facts_on_line(r, 1) == 0);
    CHECK(facts_on_line(r, 2) == 0);
    CHECK(facts_on_line(r, 4) == 0);
    CHECK(facts_on_line(r, 9) == 0);
    CHECK(facts_on_line(r, 23) == 0);
    for (size_t i = 0; i < fact_count(r); i++) {
        const solieu_fact *f = solieu_facts_get(r->facts, i);
        CHECK(f->value != 2023 && f->value != 2019 && f->value != 35 && f->value != 215);
    }
    CHECK(fact_count(r) == 13);
}

/* ---- markers in numbers ----------------------------------------------------------- */

static void test_markers_stay_out(void)
{
    const char *text = "Toàn tỉnh có 27.210¹ đảng viên.\n"
                       "Toàn huyện có 4.125<sup>2</sup> đảng viên.\n"
                       "Toàn xã có 318[3] đảng viên.\n"
                       "Toàn khối có 96²³ đảng viên.\n";
    run r = extract_bytes("markers.txt", text);
    CHECK(fact_count(&r) == 4);
    expect_fact(&r, 1, "27.210", "party_members", 27210, "đảng viên", "", "body");
    expect_fact(&r, 2, "4.125", "party_members", 4125, "đảng viên", "", "body");
    expect_fact(&r, 3, "318", "party_members", 318, "đảng viên", "", "body");
    expect_fact(&r, 4, "96", "party_members", 96, "đảng viên", "", "body");
    for (size_t i = 0; i < fact_count(&r); i++) {
        const solieu_fact *f = solieu_facts_get(r.facts, i);
        CHECK(strpbrk(f->text, "<[") == NULL);
        CHECK(f->text_end - f->text_start == strlen(f->text));
    }
    run_free(&r);
}

/* Bare per-year values in a footnote count what the body figure its marker
 * hangs on counts; a footnote hung on no figure gives none. */
static void test_footnote_year_values(void)
{
    const char *text = "Giai đoạn 2021 - 2023, toàn Đảng bộ kết nạp 610 đảng viên mới¹.\n"
                       "Các chi bộ duy trì sinh hoạt định kỳ².\n"
                       "\n"
                       "¹ Năm 2021: 190; năm 2022 kết nạp 205; năm 2023: 215.\n"
                       "² Năm 2021: 12; năm 2022: 14.\n";
    run r = extract_bytes("series.txt", text);
    expect_fact(&r, 4, "190", "members_admitted", 190, "đảng viên", "2021", "footnote:1");
    expect_fact(&r, 4, "205", "members_admitted", 205, "đảng viên", "2022", "footnote:1");
    expect_fact(&r, 4, "215", "members_admitted", 215, "đảng viên", "2023", "footnote:1");
    CHECK(facts_on_line(&r, 5) == 0);
    CHECK(fact_count(&r) == 4);
    run_free(&r);
    /* bare numbers with no figure before them are dropped, and a footnote
     * count looking for its body figure passes over them */
    r = extract_bytes("bare.txt", "Kết quả: xuất sắc 7, tốt 12¹.\n\n¹ Mở 5 lớp bồi dưỡng.\n");
    CHECK(facts_on_line(&r, 1) == 0);
    CHECK(fact_count(&r) == 1);
    run_free(&r);
}

/* "Nhiệm kỳ qua" is the term that began before the report's year, though
 * the report also sets out the next one. */
static void test_past_term(void)
{
    const char *text = "Hà Tĩnh, ngày 12 tháng 6 năm 2025\n"
                       "\n"
                       "Tổng kết công tác kiểm tra nhiệm kỳ 2020 - 2025\n"
                       "\n"
                       "Nhiệm kỳ qua, các cấp ủy đã thi hành kỷ luật 57 đảng viên.\n"
                       "\n"
                       "PHƯƠNG HƯỚNG NHIỆM KỲ 2025 - 2030\n";
    run r = extract_bytes("term.txt", text);
    expect_fact(&r, 5, "57", "disciplined_members", 57, "đảng viên", "2020/2025", "body");
    run_free(&r);
}

/* The title's year is the period of a figure whose text names none, but
 * not of a stock (members counted as of the report's date) nor of a
 * footnote's figures. */
static void test_title_period(void)
{
    const char *text = "Hòa An, ngày 20 tháng 12 năm 2024\n"
                       "\n"
                       "**BÁO CÁO**\n"
                       "Kết quả công tác xây dựng Đảng năm 2024, phương hướng nhiệm vụ năm 2025\n"
                       "\n"
                       "Đảng bộ hiện có 1.250 đảng viên¹. Các chi bộ đã kết nạp 31 đảng viên; "
                       "năm 2023 kết nạp 28 đảng viên.\n"
                       "\n"
                       "¹ Trong đó có 402 đảng viên nữ.\n";
    run r = extract_bytes("title.txt", text);
    expect_fact(&r, 6, "1.250", "party_members", 1250, "đảng viên", "", "body");
    expect_fact(&r, 6, "31", "members_admitted", 31, "đảng viên", "2024", "body");
    expect_fact(&r, 6, "28", "members_admitted", 28, "đảng viên", "2023", "body");
    const solieu_fact *f = fact_at(&r, 8, "402");
    CHECK(f && strcmp(f->period, "") == 0);
    run_free(&r);
    /* a title's span reaches no further than the report's year, but a
     * target keeps it */
    r = extract_bytes("span.txt",
                      "Phú Hòa, ngày 16 tháng 12 năm 2024\n"
                      "\n"
                      "BÁO CÁO\n"
                      "Sơ kết Nghị quyết về phát triển đảng viên, giai đoạn 2021 - 2025\n"
                      "\n"
                      "Các chi bộ đã kết nạp 57 đảng viên, đạt 95% chỉ tiêu (60 đảng viên).\n");
    expect_fact(&r, 6, "57", "members_admitted", 57, "đảng viên", "2021/2024", "body");
    f = fact_at(&r, 6, "60");
    CHECK(f && strcmp(f->metric, "members_admission_target") == 0 &&
          strcmp(f->period, "2021/2025") == 0);
    run_free(&r);
    /* a term in the title is the period; a preamble that says what the
     * figures cover overrides it; in a sentence the term names none */
    r = extract_bytes("term.txt", "Bắc Lương, ngày 18 tháng 3 năm 2025\n"
                                  "\n"
                                  "BÁO CÁO\n"
                                  "Tổng kết công tác kiểm tra nhiệm kỳ 2020 - 2025\n"
                                  "\n"
                                  "Báo cáo kết quả (số liệu tổng hợp từ ngày 01/01/2021 đến ngày "
                                  "31/12/2024) như sau:\n"
                                  "\n"
                                  "Thực hiện Nghị quyết Đại hội nhiệm kỳ 2020 - 2025, đã kiểm tra "
                                  "63 tổ chức đảng.\n");
    expect_fact(&r, 8, "63", "inspected_orgs", 63, "tổ chức đảng", "2021/2024", "body");
    run_free(&r);
}

/* A figure labelled by a unit the text names is that unit's, and so is the
 * share after it, also across a footnote's wrapped line; the report's own
 * figures stay the report's. */
static void test_named_units(void)
{
    const char *text = "TỈNH ỦY AN GIANG\n"                                                  /* 1 */
                       "\n"                                                                  /* 2 */
                       "Ban Thường vụ Tỉnh ủy An Giang báo cáo: kết nạp 1.125 đảng viên¹.\n" /* 3 */
                       "\n"                                                                  /* 4 */
                       "¹ Cao nhất: huyện Sông Mây 118/176 đảng viên (67,05%); thị xã Bến\n" /* 5 */
                       "Ngọc 96/150 đảng viên; Đảng bộ xã Hải Hưng: 09 đảng viên.\n";        /* 6 */
    run r = extract_bytes("units.txt", text);
    const solieu_fact *f = fact_at(&r, 3, "1.125");
    CHECK(f && strcmp(f->entity, "tỉnh An Giang") == 0);
    f = fact_at(&r, 5, "118/176");
    CHECK(f && strcmp(f->entity, "huyện Sông Mây") == 0);
    f = fact_at(&r, 5, "67,05%");
    CHECK(f && strcmp(f->entity, "huyện Sông Mây") == 0);
    f = fact_at(&r, 6, "96/150");
    CHECK(f && strcmp(f->entity, "thị xã Bến Ngọc") == 0 && f->footnote == 1);
    f = fact_at(&r, 6, "09");
    CHECK(f && strcmp(f->entity, "xã Hải Hưng") == 0);
    run_free(&r);
}

/* A column's header names months of its year: the first or last months,
 * a quarter; a share column's change with its sign. */
static void test_header_months(void)
{
    run r = extract_bytes("months.txt",
                          "| Chỉ tiêu | 6 tháng cuối năm 2025 | 9 tháng năm 2026 | Quý III/2026 "
                          "| Tăng/giảm (%) |\n"
                          "|---|---|---|---|---|\n"
                          "| Đảng viên được kết nạp | 12 | 30 | 9 | +15,3 |\n"
                          "| Đảng viên bị xóa tên | 4 | 2 | 1 | -55,6 |\n");
    const solieu_fact *f = fact_at(&r, 3, "12");
    CHECK(f && strcmp(f->period, "2025-07/2025-12") == 0);
    f = fact_at(&r, 3, "30");
    CHECK(f && strcmp(f->period, "2026-01/2026-09") == 0);
    f = fact_at(&r, 3, "9");
    CHECK(f && strcmp(f->period, "2026-07/2026-09") == 0);
    f = fact_at(&r, 3, "+15,3");
    CHECK(f && f->value > 15.29 && f->value < 15.31 && strcmp(f->unit, "%") == 0);
    f = fact_at(&r, 4, "-55,6");
    CHECK(f && f->value < -55.59 && f->value > -55.61);
    run_free(&r);
}

/* A report of January looks back on the years before it ("Trong 3 năm"
 * of 2024: 2021 to 2023), and a figure spelled out keeps its words in the
 * text column while its value is read. */
static void test_january_report_and_spelled_figures(void)
{
    run r = extract_bytes("january.txt", "HUYỆN ỦY TÂN SƠN\n"
                                         "Tân Sơn, ngày 15 tháng 01 năm 2024\n"
                                         "\n"
                                         "BÁO CÁO\n"
                                         "sơ kết giữa nhiệm kỳ 2020 - 2025\n"
                                         "\n"
                                         "Trong 3 năm, cấp ủy các cấp kiểm tra 126 tổ chức đảng.\n"
                                         "Năm 2023 kết nạp 12 đảng viên, trong đó có năm đảng "
                                         "viên nữ.\n");
    expect_fact(&r, 7, "126", "inspected_orgs", 126, "tổ chức đảng", "2021/2023", "body");
    const solieu_fact *f = fact_at(&r, 8, "năm");
    CHECK(f && f->value == 5 && strcmp(f->metric, "members_admitted") == 0);
    run_free(&r);
}

/* A span in the title that ends in the year of a report dated in its
 * first quarter has figures to the year before. */
static void test_span_ending_in_the_report_year(void)
{
    run r = extract_bytes("span.txt", "THÀNH ỦY TÂN LĨNH\n"
                                      "Tân Lĩnh, ngày 18 tháng 3 năm 2025\n"
                                      "\n"
                                      "BÁO CÁO\n"
                                      "Tổng kết 05 năm thực hiện Nghị quyết giai đoạn 2020 - 2025\n"
                                      "\n"
                                      "Toàn Đảng bộ đã kết nạp 1.350 đảng viên.\n");
    expect_fact(&r, 7, "1.350", "members_admitted", 1350, "đảng viên", "2020/2024", "body");
    run_free(&r);
    /* a year inside a span is the span's */
    r = extract_bytes("inside.txt",
                      "Từ năm 2020 đến hết năm 2024, Đảng bộ kết nạp 46 đảng viên.\n");
    expect_fact(&r, 1, "46", "members_admitted", 46, "đảng viên", "2020/2024", "body");
    run_free(&r);
}

/* A table's rows of months take their months, of the year the caption
 * names; its total row adds them up as a series. */
static void test_table_of_months(void)
{
    run r = extract_bytes("months_rows.txt", "Bảng 1. Kết quả kiểm tra theo tháng, năm 2024\n"
                                             "\n"
                                             "| Tháng | Đảng viên bị thi hành kỷ luật |\n"
                                             "|---|---|\n"
                                             "| Tháng 1 | 2 |\n"
                                             "| Tháng 2 | 3 |\n"
                                             "| Cộng | 5 |\n");
    const solieu_fact *f = fact_at(&r, 5, "2");
    CHECK(f && strcmp(f->period, "2024-01") == 0 && strcmp(f->metric, "disciplined_members") == 0);
    f = fact_at(&r, 6, "3");
    CHECK(f && strcmp(f->period, "2024-02") == 0);
    run_free(&r);
}

/* Letterheads: a body whose level ends its line, the place on the date
 * line below; the motto beside a name in capitals, set apart by a tab. */
static void test_letterheads(void)
{
    run r = extract_bytes("level.txt", "ĐẢNG BỘ ỦY BAN NHÂN DÂN TỈNH\tĐẢNG CỘNG SẢN VIỆT NAM\n"
                                       "ĐẢNG ỦY BỆNH VIỆN ĐA KHOA TỈNH\n"
                                       "*\tBắc Sơn, ngày 22 tháng 12 năm 2025\n"
                                       "\n"
                                       "Đảng bộ có 412 đảng viên.\n");
    CHECK_STR(solieu_facts_entity(r.facts), "tỉnh Bắc Sơn");
    run_free(&r);
    r = extract_bytes("motto.txt", "TỈNH ỦY TÂY SƠN\tĐẢNG CỘNG SẢN VIỆT NAM\n"
                                   "\n"
                                   "Toàn Đảng bộ có 61.358 đảng viên.\n");
    CHECK_STR(solieu_facts_entity(r.facts), "tỉnh Tây Sơn");
    run_free(&r);
}

/* A table's row numbers are no counts, though the text rules read "1 Đảng
 * bộ" there. */
static void test_table_row_numbers(void)
{
    run r = extract_bytes("rows.txt", "TT\tĐơn vị\tTổng số đảng viên\n"
                                      "1\tĐảng bộ Sở Y tế\t612\n"
                                      "2\tĐảng bộ Sở Tài chính\t438\n");
    CHECK(facts_on_line(&r, 2) == 1 && fact_at(&r, 2, "612") != NULL);
    CHECK(facts_on_line(&r, 3) == 1 && fact_at(&r, 3, "438") != NULL);
    run_free(&r);
}

/* A table of years whose rows under "Số đảng viên được đánh giá" are
 * ratings: each rating row counts what that row counts; a section's heading
 * row stops it. A table whose columns are ratings (no rule names them):
 * the row's noun says what each cell counts, unless the row names a unit.
 * A share written "45.0" in a column of shares is 45. */
static void test_tables_of_ratings(void)
{
    run r = extract_bytes("ratings2.txt",
                          "| Nội dung | 2024 | 2025 |\n"                               /* 1 */
                          "|---|---|---|\n"                                            /* 2 */
                          "| **B. Đảng viên** | | |\n"                                 /* 3 */
                          "| Số đảng viên được đánh giá, xếp loại | 3.551 | 3.589 |\n" /* 4 */
                          "| Hoàn thành xuất sắc nhiệm vụ | 512 | 538 |\n"             /* 5 */
                          "\n"
                          "Đối tượng            Tổng số    HTXSNV     HTTNV\n" /* 7 */
                          "Tổ chức cơ sở đảng        46         9        33\n" /* 8 */
                          "Chi bộ La Bông            12         2         9\n" /* 9 */
                          "\n"
                          "Đơn vị            Kết nạp    Chỉ tiêu    Đạt (%)\n"   /* 11 */
                          "Đảng bộ Sở Y tế         9          20       45.0\n"   /* 12 */
                          "Đảng bộ Sở Tư pháp      7          15       46.7\n"); /* 13 */
    const solieu_fact *f = fact_at(&r, 5, "538");
    const solieu_fact *total = fact_at(&r, 4, "3.589");
    CHECK(f && total && strcmp(f->metric, total->metric) == 0 && strcmp(f->period, "2025") == 0);
    f = fact_at(&r, 8, "9");
    CHECK(f && strcmp(f->metric, "reviewed_collectives") == 0 &&
          strcmp(f->unit, "tổ chức cơ sở đảng") == 0);
    CHECK(facts_on_line(&r, 9) == 0); /* "Chi bộ La Bông" names a unit */
    f = fact_at(&r, 12, "45.0");
    CHECK(f && f->value == 45 && strcmp(f->unit, "%") == 0);
    run_free(&r);
}

/* A tab-separated table keeps its empty cells: a row with an empty note
 * cell, and a total row with an empty number cell, stay in their columns. */
static void test_tabbed_table_empty_cells(void)
{
    run r = extract_bytes("tabs.txt", "STT\tChi bộ\tSố đảng viên\tKết nạp\tGhi chú\n" /* 1 */
                                      "1\tKhu phố 1\t58\t3\tGhép hai tổ\n"            /* 2 */
                                      "2\tKhu phố 2\t47\t2\t\n"                       /* 3 */
                                      "\tCộng\t105\t5\t\n");                          /* 4 */
    const solieu_fact *f = fact_at(&r, 3, "47");
    CHECK(f && strcmp(f->metric, "party_members") == 0);
    f = fact_at(&r, 3, "2");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0);
    f = fact_at(&r, 4, "105");
    CHECK(f && strcmp(f->metric, "party_members") == 0);
    run_free(&r);
}

/* The items under a head that breaks its figure down count what it
 * counts; a plain count among items that count it by rules of their own
 * counts something else. */
static void test_list_items_take_the_head(void)
{
    run r = extract_bytes("items.txt", "Năm 2024 kết nạp 52 đảng viên, trong đó:\n"         /* 1 */
                                       "• Nữ: 20 đồng chí;\n"                               /* 2 */
                                       "• Đoàn viên thanh niên: 30 đồng chí.\n"             /* 3 */
                                       "Xóa tên 9 trường hợp, cụ thể:\n"                    /* 4 */
                                       "- Tự ý bỏ sinh hoạt đảng: 05 trường hợp;\n"         /* 5 */
                                       "- Không đóng đảng phí: 04 trường hợp.\n"            /* 6 */
                                       "Tổng số đảng viên: 612 đồng chí, trong đó:\n"       /* 7 */
                                       "+ Đảng viên chính thức: 589 đồng chí;\n"            /* 8 */
                                       "+ Đảng viên được miễn sinh hoạt: 118 đồng chí.\n"); /* 9 */
    const solieu_fact *f = fact_at(&r, 2, "20");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0);
    f = fact_at(&r, 5, "05");
    CHECK(f && strcmp(f->metric, "members_struck_off") == 0);
    f = fact_at(&r, 9, "118");
    CHECK(f && strcmp(f->metric, "count") == 0);
    run_free(&r);
}

/* A markdown table with two header rows: a column is named by its group
 * and its own cell. */
static void test_table_subheader(void)
{
    run r = extract_bytes("groups.txt", "| TT | Đơn vị | Kết nạp năm 2024 | |\n"
                                        "|---|---|--:|--:|\n"
                                        "| | | Kế hoạch | Thực hiện |\n"
                                        "| 1 | Đảng bộ Công ty A | 12 | 14 |\n"
                                        "| 2 | Đảng bộ Công ty B | 4 | 5 |\n");
    const solieu_fact *f = fact_at(&r, 4, "12");
    CHECK(f && strcmp(f->metric, "members_admission_target") == 0);
    f = fact_at(&r, 4, "14");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0 && strcmp(f->period, "2024") == 0);
    CHECK(facts_on_line(&r, 3) == 0);
    run_free(&r);
}

/* The figure in parentheses right after "so với năm 2023" is of 2023; the
 * figure before it keeps its own period. */
static void test_compared_period(void)
{
    run r = extract_bytes("compared.txt", "Năm 2024 kết nạp 31 đảng viên, giảm 3 đảng viên so "
                                          "với năm 2023 (34 đảng viên).\n");
    const solieu_fact *f = fact_at(&r, 1, "34");
    CHECK(f && strcmp(f->period, "2023") == 0);
    f = fact_at(&r, 1, "31");
    CHECK(f && strcmp(f->period, "2024") == 0);
    run_free(&r);
}

/* A parenthesis with another year and "là" or a colon counts what the
 * figure before it counts ("(năm 2023 là 41 đồng chí)"). */
static void test_other_year_in_parenthesis(void)
{
    run r = extract_bytes("other_year.txt", "Số đảng viên mới kết nạp năm 2024 là 38 đồng chí "
                                            "(năm 2023 là 41 đồng chí).\n"
                                            "Trong nhiệm kỳ đã thi hành kỷ luật 64 đảng viên "
                                            "(nhiệm kỳ 2015 – 2020 là 81 đảng viên).\n");
    const solieu_fact *f = fact_at(&r, 1, "41");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0 && strcmp(f->period, "2023") == 0);
    f = fact_at(&r, 1, "38");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0 && strcmp(f->period, "2024") == 0);
    f = fact_at(&r, 2, "81");
    CHECK(f && strcmp(f->metric, "disciplined_members") == 0 &&
          strcmp(f->period, "2015/2020") == 0);
    run_free(&r);
    /* the later figures of such a parenthesis too */
    r = extract_bytes("other_year2.txt", "Cấp ủy cơ sở kiểm tra 19 tổ chức đảng và 43 đảng viên "
                                         "(cùng kỳ năm 2025: 17 tổ chức đảng, 38 đảng viên).\n");
    f = fact_at(&r, 1, "38");
    CHECK(f && strcmp(f->metric, "inspected_members") == 0);
    run_free(&r);
}

/* "1,245 đảng viên": thousands grouped with a comma, as English software
 * writes them, where a count of people cannot be a fraction; money and
 * shares keep the decimal comma. */
static void test_thousands_by_comma(void)
{
    run r = extract_bytes("comma.txt", "Năm 2025 kết nạp 1,245 đảng viên; tỷ lệ đạt 1,245%; "
                                       "thu 1,245 tỷ đồng.\n");
    const solieu_fact *f = fact_at(&r, 1, "1,245");
    CHECK(f && f->value == 1245);
    CHECK(solieu_facts_count(r.facts) >= 2);
    for (size_t i = 0; i < solieu_facts_count(r.facts); i++) {
        const solieu_fact *g = solieu_facts_get(r.facts, i);
        if (strcmp(g->unit, "%") == 0)
            CHECK(g->value == 1.245);
    }
    run_free(&r);
}

/* In a report of some months of a year, "cùng kỳ năm 2025" is those
 * months of 2025. */
static void test_same_period_last_year(void)
{
    run r = extract_bytes("same.txt", "BÁO CÁO\nSơ kết 6 tháng đầu năm 2026\n\n"
                                      "Kết nạp 80 đảng viên, cao hơn cùng kỳ năm 2025 (74 đảng "
                                      "viên); thi hành kỷ luật 4 đảng viên (cùng kỳ năm 2025: 6 "
                                      "đồng chí).\n");
    const solieu_fact *f = fact_at(&r, 4, "74");
    CHECK(f && strcmp(f->period, "2025-01/2025-06") == 0);
    f = fact_at(&r, 4, "6");
    CHECK(f && strcmp(f->period, "2025-01/2025-06") == 0);
    f = fact_at(&r, 4, "80");
    CHECK(f && strcmp(f->period, "2026-01/2026-06") == 0);
    run_free(&r);
}

/* "+" items right under a "-" item break it down though no colon ends it:
 * the quarters count what the item counts. */
static void test_plus_items_under_dash_item(void)
{
    run r = extract_bytes("plus.txt", "- Kết nạp: 86 đảng viên, đạt 71,7% kế hoạch năm.\n"
                                      "+ Quý I: 19; quý II: 34; quý III: 33.\n");
    const solieu_fact *f = fact_at(&r, 2, "34");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0);
    run_free(&r);
}

/* A share per year ("giảm 1,53%/năm") is a share, no fraction. */
static void test_share_per_year(void)
{
    run r = extract_bytes("peryear.txt", "Tỷ lệ hộ nghèo giảm bình quân 1,53%/năm.\n");
    const solieu_fact *f = fact_at(&r, 1, "1,53%");
    CHECK(f && f->value == 1.53 && strcmp(f->unit, "%") == 0);
    run_free(&r);
}

/* A letterhead names the superior body over the issuer: the issuer is the
 * report's entity. */
static void test_letterhead_issuer(void)
{
    run r = extract_bytes("letterhead.txt", "ĐẢNG BỘ TỈNH HÒA LÂM\nĐẢNG BỘ HUYỆN LỘC GIANG\n*\n"
                                            "Lộc Giang, ngày 08 tháng 4 năm 2025\n\nBÁO CÁO\n\n"
                                            "Toàn Đảng bộ có 7.952 đảng viên.\n");
    const solieu_fact *f = fact_at(&r, 8, "7.952");
    CHECK(f && strcmp(f->entity, "huyện Lộc Giang") == 0);
    run_free(&r);
}

/* "Trong 5 năm" counts from the date the title cites when that fits the
 * report's year, else the last five years up to it. */
static void test_last_years_from_the_title(void)
{
    static const char cited[] =
        "Hà Giang, ngày 20 tháng 11 năm 2025\n\nBÁO CÁO\n"
        "Tổng kết 5 năm thực hiện Chỉ thị số 12-CT/TU ngày 03/4/2021 của Ban Thường vụ\n\n"
        "Trong 5 năm, toàn Đảng bộ kết nạp 2.140 đảng viên.\n";
    run r = extract_bytes("cited.txt", cited);
    const solieu_fact *f = fact_at(&r, 6, "2.140");
    CHECK(f && strcmp(f->period, "2021/2025") == 0);
    run_free(&r);
    static const char long_ago[] =
        "Hà Giang, ngày 20 tháng 11 năm 2025\n\nBÁO CÁO\n"
        "Tổng kết thực hiện Chỉ thị số 12-CT/TU ngày 03/4/2016 của Ban Thường vụ\n\n"
        "Trong 3 năm, toàn Đảng bộ kết nạp 1.320 đảng viên.\n";
    r = extract_bytes("long_ago.txt", long_ago);
    f = fact_at(&r, 6, "1.320");
    CHECK(f && strcmp(f->period, "2023/2025") == 0);
    run_free(&r);
    /* of a report of March: five calendar years from the cited one */
    static const char march[] =
        "Tân Lĩnh, ngày 18 tháng 3 năm 2025\n\nBÁO CÁO\n"
        "Tổng kết 05 năm thực hiện Nghị quyết số 6118-NQ/TU, ngày 22/4/2020\n\n"
        "Trong 5 năm, toàn Đảng bộ kết nạp 1.350 đảng viên.\n";
    r = extract_bytes("march.txt", march);
    f = fact_at(&r, 6, "1.350");
    CHECK(f && strcmp(f->period, "2020/2024") == 0);
    run_free(&r);
}

/* A table of ratings: rows of what is rated under columns of the ratings.
 * The members row counts members reviewed, the cells row the collectives
 * reviewed (in the row's noun), and every row takes the year of the line
 * leading into the table. */
static void test_table_of_ratings_by_row(void)
{
    run r = extract_bytes("rated.txt", "Kết quả xếp loại chất lượng năm 2025:\n\n"
                                       "| Đối tượng | Tổng số | HTXSNV | HTTNV | HTNV | KHTNV |\n"
                                       "|---|---|---|---|---|---|\n"
                                       "| Chi bộ trực thuộc | 24 | 5 | 16 | 2 | 1 |\n"
                                       "| Đảng viên | 812 | 120 | 640 | 45 | 7 |\n");
    const solieu_fact *f = fact_at(&r, 6, "640");
    CHECK(f && strcmp(f->metric, "reviewed_members") == 0 && strcmp(f->period, "2025") == 0);
    f = fact_at(&r, 6, "812");
    CHECK(f && strcmp(f->metric, "reviewed_members") == 0);
    f = fact_at(&r, 5, "16");
    CHECK(f && strcmp(f->metric, "reviewed_collectives") == 0 && strcmp(f->period, "2025") == 0 &&
          strcmp(f->unit, "chi bộ trực thuộc") == 0);
    run_free(&r);
}

/* A grid table, as some converters draw one: borders between its rows. */
static void test_grid_table(void)
{
    run r = extract_bytes("grid.txt", "+----+------------------+---------+\n"
                                      "| TT | Chi bộ            | Kết nạp |\n"
                                      "+====+==================+=========+\n"
                                      "| 1  | Chi bộ thôn Bắc   |      12 |\n"
                                      "+----+------------------+---------+\n"
                                      "| 2  | Chi bộ thôn Nam   |       9 |\n"
                                      "+----+------------------+---------+\n");
    const solieu_fact *f = fact_at(&r, 4, "12");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0);
    f = fact_at(&r, 6, "9");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0);
    CHECK(facts_on_line(&r, 4) == 1);
    run_free(&r);
}

/* A fixed-width table whose columns dotted leaders set apart: each cell
 * read once, under its column's year; the last cell of a row does not
 * take the next row's label for its noun. */
static void test_table_with_dotted_columns(void)
{
    run r = extract_bytes("dotted.txt",
                          "Chỉ tiêu ...................... Năm 2025 ... Năm 2024 ... So sánh (%)\n"
                          "Đảng viên ........................ 3.410 ...... 3.388 ...... 100,6\n"
                          "Kết nạp đảng viên .................. 126 ........ 131 ....... 96,2\n");
    const solieu_fact *f = fact_at(&r, 2, "3.388");
    CHECK(f && strcmp(f->metric, "party_members") == 0 && strcmp(f->period, "2024") == 0);
    f = fact_at(&r, 2, "100,6");
    CHECK(f && strcmp(f->unit, "%") == 0);
    f = fact_at(&r, 3, "126");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0 && strcmp(f->period, "2025") == 0);
    CHECK(facts_on_line(&r, 2) == 3);
    run_free(&r);
}

/* A tab-separated table whose last column holds notes in words: a row's
 * figure is the column's, not a count of the note's first noun. */
static void test_tab_table_with_notes_column(void)
{
    run r = extract_bytes("tabs.txt", "TT\tChi bộ\tĐảng viên\tKết nạp\tGhi chú\n"
                                      "1\tChi bộ thôn\t512\t6\tThôn 3 mới sáp nhập\n"
                                      "2\tChi bộ tổ dân phố\t208\t3\tTổ 5 cũ ghép vào tổ 6\n");
    const solieu_fact *f = fact_at(&r, 3, "3");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0);
    run_free(&r);
}

/* "Hợp tác xã" names a cooperative, no commune: no entity of its own. */
static void test_cooperative_is_no_commune(void)
{
    run r =
        extract_bytes("coop.txt", "ĐẢNG ỦY XÃ TÂN PHONG\n\n"
                                  "Giải thể 02 chi bộ: Chi bộ Trường Mầm non Hoa Mai, Chi bộ Hợp "
                                  "tác xã Nông nghiệp Mai Xuân; thành lập mới 01 Chi bộ Công ty "
                                  "May Tân Phong.\n");
    const solieu_fact *f = fact_at(&r, 3, "01");
    CHECK(f && strstr(f->entity, "Nông") == NULL);
    run_free(&r);
}

/* Thousands grouped by a no-break space in an HTML cell, as an entity or
 * as a space: read as one figure. */
static void test_html_cell_thousands(void)
{
    run r = extract_bytes("nbsp.txt", "<table>\n"
                                      "<tr><td>TT</td><td>Đơn vị</td><td>Đảng viên</td></tr>\n"
                                      "<tr><td>1</td><td>Phường Bắc</td><td>2&nbsp;318</td></tr>\n"
                                      "<tr><td>2</td><td>Phường Nam</td><td>1 047</td></tr>\n"
                                      "</table>\n");
    CHECK(facts_on_line(&r, 3) == 1);
    CHECK(facts_on_line(&r, 4) == 1);
    run_free(&r);
}

/* A form's numbered field with its label's colon ("1.1. ...: .... N") is
 * a field, no heading: its figure is read. */
static void test_numbered_form_field(void)
{
    run r = extract_bytes("field.txt", "I. ĐẢNG VIÊN\n"
                                       "1. Tổng số đảng viên: ................ 846 đồng chí\n"
                                       "1.1. Đảng viên chính thức: ........... 812\n"
                                       "1.2. Đảng viên dự bị: ................ 34\n");
    const solieu_fact *f = fact_at(&r, 3, "812");
    CHECK(f && strcmp(f->metric, "party_members") == 0);
    run_free(&r);
}

/* Ratings' columns under a group header beside the count rated count
 * what that column counts. */
static void test_rating_columns_beside_the_count_rated(void)
{
    run r = extract_bytes("ratings.txt",
                          "| TT | Khối | Số đảng viên được xếp loại | Kết quả xếp loại | | | |\n"
                          "|---|---|---|---|---|---|---|\n"
                          "| | | | HTXSNV | HTTNV | HTNV | KHTNV |\n"
                          "| 1 | Khối dân cư | 402 | 61 | 318 | 20 | 3 |\n"
                          "| 2 | Khối cơ quan | 150 | 27 | 119 | 4 | - |\n");
    const solieu_fact *f = fact_at(&r, 4, "318");
    CHECK(f && strcmp(f->metric, "reviewed_members") == 0);
    f = fact_at(&r, 5, "27");
    CHECK(f && strcmp(f->metric, "reviewed_members") == 0);
    run_free(&r);
}

/* A change told from one figure to another: the second counts what the
 * first counts, and the first is of the stretch before. */
static void test_change_from_one_figure_to_another(void)
{
    run r = extract_bytes("change.txt", "BÁO CÁO\nKết quả công tác kiểm tra quý III năm 2025\n\n"
                                        "So với quý trước, số đảng viên được kiểm tra khi có dấu "
                                        "hiệu vi phạm tăng từ 12 đồng chí lên 16 đồng chí.\n");
    const solieu_fact *f = fact_at(&r, 4, "12");
    CHECK(f && strcmp(f->period, "2025-04/2025-06") == 0);
    f = fact_at(&r, 4, "16");
    CHECK(f && strcmp(f->metric, "inspected_members") == 0 &&
          strcmp(f->period, "2025-07/2025-09") == 0);
    run_free(&r);
}

/* Notes listed under "Ghi chú:" as "2. ...", cited by "(2)" stuck to a
 * word of the text: their figures stand in footnote 2. */
static void test_notes_listed_under_ghi_chu(void)
{
    run r = extract_bytes("listed.txt", "Năm 2025 kết nạp 64 đảng viên(2), đạt kế hoạch.\n\n"
                                        "Ghi chú:\n"
                                        "1. Không có đảng viên nào bị kỷ luật.\n"
                                        "2. Khối xã kết nạp 41; khối cơ quan 23.\n");
    const solieu_fact *f = fact_at(&r, 5, "41");
    CHECK(f && strcmp(f->scope, "footnote:2") == 0);
    f = fact_at(&r, 1, "64");
    CHECK(f && strcmp(f->scope, "body") == 0);
    run_free(&r);
}

/* A note cited in a table row's label breaks down the row's figures: its
 * bare figures by level count what the row's first figure counts. */
static void test_note_cited_in_a_table_label(void)
{
    run r =
        extract_bytes("rowlabel.txt", "| TT | Nội dung | Năm 2024 |\n"
                                      "|---|---|---|\n"
                                      "| 1 | Tập thể lãnh đạo, quản lý được kiểm điểm² | 1.302 |\n"
                                      "\n"
                                      "² Năm 2024: cấp tỉnh 63, cấp huyện 245, cấp cơ sở 994.\n");
    expect_fact(&r, 3, "1.302", "reviewed_collectives", 1302, "tập thể", "2024", "body");
    const solieu_fact *f = fact_at(&r, 5, "245");
    CHECK(f && strcmp(f->metric, "reviewed_collectives") == 0 &&
          strcmp(f->scope, "footnote:2") == 0);
    run_free(&r);
}

/* A report that places its marks the old way is read as one that places
 * them the new way, and its nouns and names are written as it writes them. */
static void test_old_tone_placement_as_written(void)
{
    run r = extract_bytes("oldtones.txt", "HUYỆN UỶ HOÀ VĨNH\n\nBÁO CÁO\n\n"
                                          "Uỷ ban Kiểm tra Huyện uỷ kiểm tra 12 tổ chức đảng; "
                                          "có 7 cấp uỷ viên.\n");
    const solieu_fact *f = fact_at(&r, 5, "12");
    CHECK(f && strcmp(f->metric, "inspected_orgs") == 0);
    CHECK(f && strcmp(f->entity, "huyện Hoà Vĩnh") == 0);
    f = fact_at(&r, 5, "7");
    CHECK(f && strcmp(f->unit, "cấp uỷ viên") == 0);
    run_free(&r);
}

/* Sentences typed in capitals read as the same words in lower case; the
 * figures keep their text. */
static void test_sentence_in_capitals(void)
{
    run r = extract_bytes("caps.txt", "Báo cáo năm 2025\n\n"
                                      "TRONG NĂM 2025, ĐẢNG ỦY ĐÃ KẾT NẠP 27 ĐẢNG VIÊN MỚI, "
                                      "CÔNG NHẬN ĐẢNG VIÊN CHÍNH THỨC CHO 31 ĐỒNG CHÍ.\n");
    const solieu_fact *f = fact_at(&r, 3, "27");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0 && strcmp(f->unit, "đảng viên") == 0);
    f = fact_at(&r, 3, "31");
    CHECK(f && strcmp(f->metric, "members_made_official") == 0);
    run_free(&r);
}

/* An HTML table in sections (<thead>, <tbody>, <tfoot>), its figures
 * wrapped in no-break spaces written as entities. */
static void test_html_table_in_sections(void)
{
    run r = extract_bytes(
        "sections.txt",
        "<table>\n<thead>\n"
        "<tr><th>STT</th><th>Đảng bộ</th><th>Đảng viên</th><th>Kết nạp</th></tr>\n"
        "</thead>\n<tbody>\n"
        "<tr><td>1</td><td>Xã Long Điền</td><td>&#160;438&#160;</td><td>&nbsp;14</td></tr>\n"
        "<tr><td>2</td><td>Xã Tân Hiệp</td><td>395&nbsp;</td><td>11</td></tr>\n"
        "</tbody>\n</table>\n");
    const solieu_fact *f = fact_at(&r, 6, "438");
    CHECK(f && strcmp(f->metric, "party_members") == 0);
    f = fact_at(&r, 7, "11");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0);
    run_free(&r);
}

/* Digits OCR read as letters inside numbers ("7l", "1O5 642", "3.5OO"),
 * and a space after a share's decimal comma ("96, 5%"); words keep their
 * letters. */
static void test_ocr_letters_in_numbers(void)
{
    run r = extract_bytes("ocr.txt", "Có 1O5 642 đảng viên, kết nạp 6l8 đảng viên, đạt 96, 5%.\n"
                                     "Tỉnh lộ 10 qua xã Ol.\n");
    const solieu_fact *f = fact_at(&r, 1, "105.642");
    CHECK(f && f->value == 105642);
    f = fact_at(&r, 1, "618");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0);
    f = fact_at(&r, 1, "96,5%");
    CHECK(f && f->value == 96.5);
    CHECK(facts_on_line(&r, 2) == 0);
    run_free(&r);
}

/* Items under a head that names attendance: members present of all, and
 * the share after each the attendance's rate. */
static void test_attendance_items(void)
{
    run r = extract_bytes("attend.txt", "Số đảng viên dự sinh hoạt bình quân mỗi kỳ:\n"
                                        "- Quý I: 21/23 đồng chí, đạt 91,3%;\n"
                                        "- Quý II: 22/23 đồng chí, đạt 95,7%.\n");
    const solieu_fact *f = fact_at(&r, 3, "22/23");
    CHECK(f && strcmp(f->metric, "attendance") == 0);
    f = fact_at(&r, 2, "91,3%");
    CHECK(f && strcmp(f->metric, "attendance_rate") == 0);
    run_free(&r);
}

/* Line numbers a scan put in every line's margin are no figures; the
 * text after them reads as ever. */
static void test_margin_line_numbers(void)
{
    run r = extract_bytes("margin.txt", " 1  BÁO CÁO\n"
                                        " 2  công tác xây dựng Đảng\n"
                                        " 3  I. TÌNH HÌNH\n"
                                        " 4  Đảng bộ xã có 23 chi bộ trực thuộc\n"
                                        " 5  và 611 đảng viên.\n"
                                        " 6  II. KẾT QUẢ\n"
                                        " 7  Năm 2025, Đảng ủy kết nạp 19 đảng\n"
                                        " 8  viên, vượt chỉ tiêu.\n"
                                        " 9  Công nhận đảng viên chính thức\n"
                                        "10  cho 21 đồng chí.\n"
                                        "11  Nơi nhận: như trên.\n");
    CHECK(facts_on_line(&r, 2) == 0 && facts_on_line(&r, 3) == 0 && facts_on_line(&r, 6) == 0);
    const solieu_fact *f = fact_at(&r, 7, "19");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0);
    run_free(&r);
}

/* A count restated for other stretches of time in its sentence ("lũy kế
 * 9 tháng là 31 ..., cùng kỳ năm 2024 là 27 ...") counts what it counts,
 * the cumulative of the months to the quarter's end; a change restates
 * nothing. */
static void test_restated_for_other_periods(void)
{
    run r =
        extract_bytes("restated.txt",
                      "Lạc Viên, ngày 06 tháng 10 năm 2025\n"
                      "BÁO CÁO\n"
                      "kết quả công tác kiểm tra quý III năm 2025\n"
                      "Trong quý III, Ban Thường vụ kiểm tra 8 tổ chức đảng, lũy kế 9 tháng là 31 "
                      "tổ chức đảng, cùng kỳ năm 2024 là 27 tổ chức đảng.\n"
                      "Kỷ luật 8 đảng viên, so với cùng kỳ giảm 4 đảng viên.\n");
    const solieu_fact *f = fact_at(&r, 4, "31");
    CHECK(f && strcmp(f->metric, "inspected_orgs") == 0 &&
          strcmp(f->period, "2025-01/2025-09") == 0);
    f = fact_at(&r, 4, "27");
    CHECK(f && strcmp(f->metric, "inspected_orgs") == 0);
    f = fact_at(&r, 5, "4");
    CHECK(!f || strcmp(f->metric, "disciplined_members") != 0);
    run_free(&r);
}

/* Plain counts in an aside of years after words that name what they count
 * ("Kết nạp đảng viên mới (năm 2025: 1.846 đồng chí; năm 2024: ...)"). */
static void test_aside_of_years(void)
{
    run r = extract_bytes("aside.txt", "Kết nạp đảng viên mới (năm 2025: 1.846 đồng chí; năm 2024: "
                                       "1.702 đồng chí), bằng 108,5% so với năm trước.\n");
    const solieu_fact *f = fact_at(&r, 1, "1.702");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0 && strcmp(f->period, "2024") == 0);
    run_free(&r);
    /* bare values by year, under words that name members and discipline */
    r = extract_bytes("aside2.txt", "Số đảng viên bị thi hành kỷ luật theo từng năm (2021: 187; "
                                    "2022: 203; 2023: 176).\n");
    f = fact_at(&r, 1, "203");
    CHECK(f && strcmp(f->metric, "disciplined_members") == 0 && strcmp(f->period, "2022") == 0);
    run_free(&r);
}

/* Counts of whole things written with commas grouping thousands, as in
 * English: the count; a share keeps its decimals. */
static void test_commas_grouping_counts(void)
{
    run r = extract_bytes("commas.txt", "Đảng bộ có 1,245 đảng viên, đạt 1,245%.\n");
    const solieu_fact *f = fact_at(&r, 1, "1,245");
    CHECK(f && f->value == 1245);
    f = fact_at(&r, 1, "1,245%");
    CHECK(f && f->value > 1.24 && f->value < 1.25);
    run_free(&r);
}

/* A cell's figure with its change noted after it: the figure, and no
 * figure of the change. */
static void test_table_cell_with_its_change(void)
{
    run r = extract_bytes("change.txt", "| TT | Chi bộ | Đảng viên | Kết nạp |\n"
                                        "|---|---|---|---|\n"
                                        "| 1 | Chi bộ thôn Đồng Sen | 64 (tăng 03) | 02 |\n");
    const solieu_fact *f = fact_at(&r, 3, "64");
    CHECK(f && f->value == 64 && strcmp(f->metric, "party_members") == 0);
    CHECK(fact_at(&r, 3, "03") == NULL);
    CHECK(facts_on_line(&r, 3) == 2);
    run_free(&r);
}

/* A term the report counts to a month: its other figures of the term run
 * to that month too. */
static void test_term_to_its_month(void)
{
    run r = extract_bytes("term_month.txt",
                          "An Phú, ngày 12 tháng 6 năm 2025\n\nBÁO CÁO\n"
                          "Tổng kết công tác kiểm tra nhiệm kỳ 2020 - 2025\n\n"
                          "Từ đầu nhiệm kỳ đến tháng 5/2025, đã kiểm tra 42 tổ chức đảng.\n\n"
                          "Các chi bộ đã kết nạp 316 đảng viên.\n");
    const solieu_fact *f = fact_at(&r, 6, "42");
    CHECK(f && strcmp(f->period, "2020/2025-05") == 0);
    f = fact_at(&r, 8, "316");
    CHECK(f && strcmp(f->period, "2020/2025-05") == 0);
    run_free(&r);
}

/* Tables aligned with spaces: years as the header's columns, and a header
 * over two lines whose second line stands under the first by place. */
static void test_aligned_tables_with_two_line_headers(void)
{
    static const char text[] =
        "Biểu 1. Tổ chức đảng\n"                                                  /* 1 */
        "TT   Loại hình                  Đảng bộ    Chi bộ   Chi bộ trực thuộc\n" /* 2 */
        "                                  cơ sở     cơ sở       đảng ủy cơ sở\n" /* 3 */
        "1    Xã, thị trấn                    14         -                 152\n" /* 4 */
        "2    Cơ quan                          2        17                  21\n" /* 5 */
        "\n"                                                                      /* 6 */
        "Biểu 2. Biến động đảng viên\n"                                           /* 7 */
        "Chỉ tiêu                   2023      2024      2025    Tăng/giảm\n"      /* 8 */
        "                                                       2025/2024\n"      /* 9 */
        "Tổng số đảng viên         3.512     3.580     3.641          +61\n"      /* 10 */
        "Kết nạp mới                  97       104       112           +8\n";     /* 11 */
    run r = extract_bytes("aligned.txt", text);
    const solieu_fact *f = fact_at(&r, 5, "17");
    CHECK(f && strcmp(f->metric, "grassroots_party_cells") == 0);
    f = fact_at(&r, 4, "152");
    CHECK(f && strcmp(f->metric, "subordinate_party_cells") == 0);
    f = fact_at(&r, 10, "3.580");
    CHECK(f && strcmp(f->metric, "party_members") == 0 && strcmp(f->period, "2024") == 0);
    f = fact_at(&r, 11, "112");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0 && strcmp(f->period, "2025") == 0);
    run_free(&r);
}

/* A comparison that opens the clause after a ';' still compares with the
 * figure before it: "(11 đảng viên)" counts what "14" counts, in 2025. */
static void test_comparison_after_semicolon(void)
{
    run r = extract_bytes("semicolon.txt", "Năm 2026 đã kết nạp 14 đảng viên, đạt 48,7% chỉ tiêu; "
                                           "so với cùng kỳ năm 2025 (11 đảng viên) tăng 03 "
                                           "đảng viên.\n");
    const solieu_fact *f = fact_at(&r, 1, "11");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0 && strcmp(f->period, "2025") == 0);
    run_free(&r);
}

/* A table under a line that leads into it ("... năm 2024:") takes that
 * line's period; a share in a row that names a rating is the share of
 * cells so rated. */
static void test_table_lead_and_ratings(void)
{
    run r = extract_bytes("ratings.txt", "Kết quả xếp loại chi bộ năm 2024:\n\n"
                                         "| Mức xếp loại | Số chi bộ | Tỷ lệ (%) |\n"
                                         "|---|---|---|\n"
                                         "| Hoàn thành tốt nhiệm vụ | 12 | 60,0 |\n"
                                         "| Hoàn thành nhiệm vụ | 8 | 40,0 |\n");
    const solieu_fact *f = fact_at(&r, 5, "60,0");
    CHECK(f && strcmp(f->metric, "cell_rating_share") == 0 &&
          strcmp(f->qualifier, "hoàn thành tốt nhiệm vụ") == 0 && strcmp(f->period, "2024") == 0);
    f = fact_at(&r, 6, "8");
    CHECK(f && strcmp(f->period, "2024") == 0);
    run_free(&r);
}

/* An HTML table whose rows spread their cells over lines: each figure on
 * its own line. */
static void test_html_rows_over_lines(void)
{
    run r = extract_bytes("rows.html.txt", "<table>\n<tr>\n<td>TT</td>\n<td>Đảng bộ</td>\n"
                                           "<td>Số đảng viên hiện có</td>\n</tr>\n"
                                           "<tr>\n<td>1</td>\n<td>Huyện Tân Khê</td>\n"
                                           "<td>6.305</td>\n</tr>\n"
                                           "<tr>\n<td>2</td>\n<td>Huyện Bình Sa</td>\n"
                                           "<td>4.728</td>\n</tr>\n</table>\n");
    const solieu_fact *f = fact_at(&r, 10, "6.305");
    CHECK(f && strcmp(f->metric, "party_members") == 0);
    CHECK(fact_at(&r, 15, "4.728") != NULL);
    CHECK(facts_on_line(&r, 8) == 0); /* the row's number */
    run_free(&r);
}

/* A form whose labels lead to their figures with dots; items under a
 * "Trong đó:" take the figure they break down. */
static void test_dot_leaders(void)
{
    run r = extract_bytes("leaders.txt", "PHỤ LỤC\n"
                                         "1. Tổng số đảng viên .................. 4.215\n"
                                         "   - Đảng viên dưới 30 tuổi ........ 1.032\n"
                                         "2. Kết nạp đảng viên (2021 - 2024) .............. 742\n"
                                         "   Trong đó:\n"
                                         "   - Năm 2021 ......................... 176\n"
                                         "   - Năm 2022 ......................... 183\n"
                                         "3. Xóa tên (2021 - 2024) ................. 29\n"
                                         "   - Năm 2021 ......................... 7\n");
    expect_fact(&r, 2, "4.215", "party_members", 4215, "đảng viên", "", "body");
    const solieu_fact *f = fact_at(&r, 3, "1.032");
    CHECK(f && strcmp(f->metric, "party_members") == 0);
    f = fact_at(&r, 4, "742");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0 && strcmp(f->period, "2021/2024") == 0);
    f = fact_at(&r, 6, "176");
    CHECK(f && strcmp(f->metric, "members_admitted") == 0 && strcmp(f->period, "2021") == 0);
    f = fact_at(&r, 9, "7"); /* under a labelled figure, no "Trong đó:" */
    CHECK(f && strcmp(f->metric, "members_struck_off") == 0);
    run_free(&r);
}

/* Figures listed "respectively" with nothing before them to count take
 * what the sentence's words before the list name; with a figure before
 * them, that figure's metric. */
static void test_respectively(void)
{
    run r = extract_bytes("respectively.txt",
                          "Số tổ chức cơ sở đảng được xếp loại hoàn thành xuất sắc nhiệm vụ, "
                          "hoàn thành tốt nhiệm vụ lần lượt là 8 và 21 tổ chức.\n"
                          "Đảng viên được đánh giá hoàn thành tốt nhiệm vụ, hoàn thành nhiệm vụ "
                          "lần lượt là 1.342, 77 và 6 đồng chí.\n"
                          "Số đảng viên nữ, đảng viên người dân tộc thiểu số lần lượt là 510 và "
                          "96 đồng chí.\n"
                          "Kết nạp 64 đảng viên; các quý lần lượt là 12, 20 và 32 đảng viên.\n");
    const char *expected[][3] = {
        {"1", "8", "reviewed_collectives"}, {"1", "21", "reviewed_collectives"},
        {"2", "1.342", "reviewed_members"}, {"2", "6", "reviewed_members"},
        {"3", "510", "party_members"},      {"3", "96", "party_members"},
        {"4", "12", "members_admitted"},    {"4", "32", "members_admitted"},
    };
    for (size_t k = 0; k < sizeof expected / sizeof expected[0]; k++) {
        const solieu_fact *f = fact_at(&r, (size_t)atoi(expected[k][0]), expected[k][1]);
        CHECK(f && strcmp(f->metric, expected[k][2]) == 0);
    }
    run_free(&r);
}

/* A footnote's yearly percentages of a body rate are that rate. */
static void test_footnote_rates(void)
{
    run r = extract_bytes("rates.txt", "Tỷ lệ đảng viên dự sinh hoạt bình quân đạt 93,8%¹.\n"
                                       "¹ Năm 2023 đạt 92,1%; năm 2024 đạt 95.5%.\n");
    const solieu_fact *f = fact_at(&r, 1, "93,8%");
    CHECK(f && strcmp(f->metric, "attendance_rate") == 0);
    f = fact_at(&r, 2, "95.5%");
    CHECK(f && strcmp(f->metric, "attendance_rate") == 0 && f->value == 95.5);
    run_free(&r);
}

/* A table whose cells '|' sets apart, with no markdown rule under its
 * header and an empty cell in its total row. */
static void test_piped_table(void)
{
    run r = extract_bytes("piped.txt", "STT | Đơn vị | Số đảng viên được kiểm tra\n"
                                       "1 | Huyện ủy An Lão | 31\n"
                                       "2 | Thị ủy Kon Rinh | 24\n"
                                       "Cộng |  | 55\n");
    CHECK(facts_on_line(&r, 2) == 1 && fact_at(&r, 2, "31") != NULL);
    CHECK(facts_on_line(&r, 3) == 1 && fact_at(&r, 3, "24") != NULL);
    CHECK(facts_on_line(&r, 4) == 1 && fact_at(&r, 4, "55") != NULL);
    run_free(&r);
}

/* Full and probationary members are parts of the membership, the second
 * without its noun ("đảng viên chính thức 3.471, dự bị 116"). */
static void test_standing_members(void)
{
    run r = extract_bytes("standing.txt",
                          "Đảng bộ có 3.587 đảng viên; đảng viên chính thức 3.471, dự bị 116.\n");
    expect_fact(&r, 1, "3.471", "party_members", 3471, "đảng viên", "", "body");
    expect_fact(&r, 1, "116", "party_members", 116, "đảng viên", "", "body");
    run_free(&r);
}

/* The parts of a breakdown ("gồm ...") count what their whole counts; a
 * clause after ';' that does not open with its figure is no part; a label
 * stops at the colon before it. */
static void test_breakdown_parts(void)
{
    run r = extract_bytes("parts.txt",
                          "Kiểm tra 96 tổ chức đảng, gồm 12 đảng ủy cơ sở và 84 chi bộ; "
                          "phát hiện 3 tổ chức đảng có sai sót.\n"
                          "Một số đảng bộ kết nạp vượt chỉ tiêu: xã An Hòa: 38; xã Phú Lộc: 31.\n");
    expect_fact(&r, 1, "12", "inspected_orgs", 12, "đảng ủy cơ sở", "", "body");
    expect_fact(&r, 1, "84", "inspected_orgs", 84, "chi bộ", "", "body");
    expect_fact(&r, 1, "3", "party_orgs", 3, "tổ chức đảng", "", "body");
    expect_fact(&r, 2, "38", "members_admitted", 38, "đảng viên", "", "body");
    expect_fact(&r, 2, "31", "members_admitted", 31, "đảng viên", "", "body");
    run_free(&r);
}

/* Parts right after their whole's noun, in a parenthesis that opens with a
 * figure or after a colon, count what the whole counts; a parenthesis that
 * compares is no breakdown. */
static void test_parts_after_noun(void)
{
    run r =
        extract_bytes("noun_parts.txt",
                      "Đảng ủy kiểm tra 15 chi bộ (9 chi bộ thôn, 6 chi bộ trường học).\n"
                      "Đảng ủy kiểm tra 12 chi bộ (tăng 3 chi bộ so với năm trước).\n"
                      "Đảng ủy kiểm tra 24 đảng viên: Thôn Một có 10 đồng chí, Thôn Hai có 14.\n");
    expect_fact(&r, 1, "9", "inspected_orgs", 9, "chi bộ", "", "body");
    expect_fact(&r, 1, "6", "inspected_orgs", 6, "chi bộ", "", "body");
    expect_fact(&r, 2, "3", "party_orgs", 3, "chi bộ", "", "body");
    expect_fact(&r, 3, "10", "inspected_members", 10, "đồng chí", "", "body");
    run_free(&r);
}

/* A sentence that opens by breaking down a figure of the one before
 * ("Phân theo khối: ...") counts what that figure counts, past an aside; a
 * bare figure after such a part counts the same. */
static void test_breakdown_sentence(void)
{
    run r = extract_bytes("next_sentence.txt",
                          "Năm 2024 kết nạp 148 đảng viên (kế hoạch 140 đảng viên). Phân theo "
                          "khối: xã, thị trấn 112 đảng viên; cơ quan 21; doanh nghiệp 15.\n");
    expect_fact(&r, 1, "112", "members_admitted", 112, "đảng viên", "", "body");
    expect_fact(&r, 1, "21", "members_admitted", 21, "đảng viên", "", "body");
    run_free(&r);
}

/* A plain count in the list under a head with no figure takes the metric a
 * topic rule names for the head, for its noun; not when items of the list
 * count that metric by rules of their own. */
static void test_topic_of_list(void)
{
    const char *text = "Phân theo khối, số đảng viên mới kết nạp như sau:\n" /* 1 */
                       "- Khối xã, thị trấn: 89 đảng viên;\n"                /* 2 */
                       "- Khối cơ quan: 19 đảng viên.\n"                     /* 3 */
                       "\n"                                                  /* 4 */
                       "Kết quả kết nạp đảng viên như sau:\n"                /* 5 */
                       "- Các chi bộ thôn kết nạp 12 đảng viên;\n"           /* 6 */
                       "- Có 7 đảng viên là đoàn viên thanh niên.\n";        /* 7 */
    run r = extract_bytes("topic.txt", text);
    expect_fact(&r, 2, "89", "members_admitted", 89, "đảng viên", "", "body");
    expect_fact(&r, 3, "19", "members_admitted", 19, "đảng viên", "", "body");
    expect_fact(&r, 7, "7", "count", 7, "đảng viên", "", "body");
    run_free(&r);
}

/* A figure in the parenthesis right after "so với ..." counts what the
 * sentence's figure counts, past an aside, also when the comparison opens
 * the next sentence; breakdown words in an aside open nothing. */
static void test_compared_figure(void)
{
    run r = extract_bytes(
        "compared.txt",
        "Nhiệm kỳ qua kết nạp 812 đảng viên (kế hoạch 800 đảng viên), tăng 108 đảng viên so "
        "với nhiệm kỳ trước (704 đảng viên).\n"
        "Năm nay kết nạp 117 đảng viên. So với cùng kỳ năm trước (98 đảng viên), tăng 19 "
        "đảng viên.\n"
        "Đã kiểm tra 74 tổ chức đảng (trong đó 15 chi bộ), tăng 17 tổ chức đảng so với năm "
        "trước.\n"
        "Kết nạp 89 đảng viên, cao hơn cùng kỳ năm trước (74 đảng viên).\n"
        "Công nhận đảng viên chính thức cho 102 đồng chí (cùng kỳ năm trước: 96 đồng chí).\n");
    expect_fact(&r, 1, "704", "members_admitted", 704, "đảng viên", "", "body");
    expect_fact(&r, 2, "98", "members_admitted", 98, "đảng viên", "", "body");
    expect_fact(&r, 2, "19", "count", 19, "đảng viên", "", "body");
    expect_fact(&r, 3, "17", "party_orgs", 17, "tổ chức đảng", "", "body");
    expect_fact(&r, 4, "74", "members_admitted", 74, "đảng viên", "", "body");
    expect_fact(&r, 5, "96", "members_made_official", 96, "đồng chí", "", "body");
    run_free(&r);
}

/* A heading's period holds under the headings below it until one as deep
 * or deeper names another; a draft dated by its month alone is dated so. */
static void test_heading_hierarchy(void)
{
    const char *text = "HUYỆN ỦY AN LẠC\n"                                   /* 1 */
                       "*An Lạc, tháng 5 năm 2025*\n"                        /* 2 */
                       "\n"                                                  /* 3 */
                       "PHẦN THỨ NHẤT\n"                                     /* 4 */
                       "KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT NHIỆM KỲ 2020 - 2025\n" /* 5 */
                       "I. CÔNG TÁC XÂY DỰNG ĐẢNG\n"                         /* 6 */
                       "1. Công tác kiểm tra\n"                              /* 7 */
                       "Cấp ủy các cấp đã kiểm tra 45 tổ chức đảng.\n"       /* 8 */
                       "II. KẾT QUẢ NĂM 2024\n"                              /* 9 */
                       "1. Công tác kiểm tra\n"                              /* 10 */
                       "Cấp ủy các cấp đã kiểm tra 12 tổ chức đảng.\n"       /* 11 */
                       "PHẦN THỨ HAI\n"                                      /* 12 */
                       "Cấp ủy các cấp đã kiểm tra 9 tổ chức đảng.\n";       /* 13 */
    run r = extract_bytes("levels.txt", text);
    expect_fact(&r, 8, "45", "inspected_orgs", 45, "tổ chức đảng", "2020/2025", "body");
    expect_fact(&r, 11, "12", "inspected_orgs", 12, "tổ chức đảng", "2024", "body");
    expect_fact(&r, 13, "9", "inspected_orgs", 9, "tổ chức đảng", "", "body");
    CHECK_STR(solieu_document_date(r.doc), "2025-05");
    run_free(&r);
}

/* A footnote hung on a plain count ("37 đảng viên¹") counts what that
 * counts, not what a figure before it in the sentence counts. */
static void test_footnote_on_plain_count(void)
{
    run r = extract_bytes("plain_note.txt",
                          "Năm 2024 công nhận đảng viên chính thức cho 22 đồng chí; tặng Huy hiệu "
                          "Đảng cho 37 đảng viên¹.\n"
                          "\n"
                          "¹ Huy hiệu 30 năm tuổi Đảng: 15 đồng chí; Huy hiệu 40 năm tuổi Đảng: 22 "
                          "đồng chí.\n");
    const solieu_fact *f = fact_at(&r, 3, "15");
    CHECK(f && strcmp(f->metric, "count") == 0 && strcmp(f->scope, "footnote:1") == 0);
    run_free(&r);
}

/* An item of another bullet that ends with ':' heads a list within the
 * list: its items break its figure down, though a later item of the outer
 * list counts the same metric by a rule of its own; a rate of all the
 * units ("58/58 tổ chức ..., trong đó:") gives no metric to its parts. */
static void test_nested_list(void)
{
    const char *text = "2. Công tác tổ chức\n"                                 /* 1 */
                       "- Trong quý, kết nạp 10 đảng viên mới, cụ thể:\n"      /* 2 */
                       "+ Chi bộ Thôn 1: 01 đồng chí;\n"                       /* 3 */
                       "+ Chi bộ Thôn 3: 02 đồng chí;\n"                       /* 4 */
                       "- Lũy kế 9 tháng kết nạp 21 đảng viên.\n"              /* 5 */
                       "\n"                                                    /* 6 */
                       "Kết quả năm 2024 như sau:\n"                           /* 7 */
                       "- 58/58 tổ chức cơ sở đảng được xếp loại, trong đó:\n" /* 8 */
                       "+ Hoàn thành tốt nhiệm vụ: 41 tổ chức;\n";             /* 9 */
    run r = extract_bytes("nested.txt", text);
    expect_fact(&r, 3, "01", "members_admitted", 1, "đồng chí", "", "body");
    const solieu_fact *rated = fact_at(&r, 9, "41");
    CHECK(rated && strcmp(rated->metric, "units_with") != 0);
    run_free(&r);
}

/* Parts that do not add up to the figure nearest them but to another of
 * their paragraph that counts the same kind break that one down; a line
 * that ends with ':' goes on into a lower-case line. */
static void test_whole_by_sum(void)
{
    run r = extract_bytes(
        "by_sum.txt", "Năm 2025, đã kiểm tra 186 đảng viên khi có dấu hiệu vi phạm. Kết luận "
                      "171 đảng viên có vi phạm, 102 đảng viên phải thi hành kỷ luật. Chia theo "
                      "quý:\n"
                      "quý I: 38 đảng viên; quý II: 51 đảng viên; quý III: 56 đảng viên; quý IV: "
                      "41 đảng viên.\n");
    expect_fact(&r, 2, "38", "inspected_members", 38, "đảng viên", "2025", "body");
    expect_fact(&r, 2, "41", "inspected_members", 41, "đảng viên", "2025", "body");
    run_free(&r);
}

/* Fractions one a month in a list whose head names what they count (one
 * topic rule alone) count that, each in its month. */
static void test_monthly_fractions(void)
{
    const char *text = "An Bình, ngày 16 tháng 12 năm 2024\n" /* 1 */
                       "\n"                                   /* 2 */
                       "Chi bộ tổ chức 12 kỳ sinh hoạt. Số đảng viên dự sinh hoạt (có mặt/tổng "
                       "số đảng viên):\n"                                            /* 3 */
                       "- Quý I: tháng 1: 18/19; tháng 2: 19/19; tháng 3: 17/19.\n"; /* 4 */
    run r = extract_bytes("months.txt", text);
    expect_fact(&r, 4, "18/19", "attendance", 18, "đảng viên", "2024-01", "body");
    expect_fact(&r, 4, "17/19", "attendance", 17, "đảng viên", "2024-03", "body");
    run_free(&r);
}

/* "BÁO CÁO" and its title on one line: the title's period, not that of the
 * paragraph after it. */
static void test_title_on_report_line(void)
{
    const char *text = "BÁO CÁO KẾT QUẢ CÔNG TÁC XÂY DỰNG ĐẢNG NĂM 2024\n"                  /* 1 */
                       "\n"                                                                 /* 2 */
                       "Căn cứ Nghị quyết của Đảng ủy năm 2021, Đảng ủy báo cáo như sau.\n" /* 3 */
                       "\n"                                                                 /* 4 */
                       "Đảng ủy đã kiểm tra 5 tổ chức đảng.\n";                             /* 5 */
    run r = extract_bytes("title_line.txt", text);
    expect_fact(&r, 5, "5", "inspected_orgs", 5, "tổ chức đảng", "2024", "body");
    run_free(&r);
}

/* A markdown table: each figure under a header a column rule names, for
 * the unit its row names (else the report's), in the header's year; row
 * numbers and names are no figures, and the rows do not make the report's
 * entity. */
static void test_table_facts(void)
{
    const char *text = "Tỉnh ủy Bạc Liêu báo cáo kết quả năm 2023.\n"                    /* 1 */
                       "\n"                                                              /* 2 */
                       "| TT | Đơn vị | Số đảng viên năm 2023 | Kết nạp | Tỷ lệ (%) |\n" /* 3 */
                       "|---|---|---|---|---|\n"                                         /* 4 */
                       "| 1 | Đảng bộ huyện Đông Hải | 3.104 | 96 | 3,09 |\n"            /* 5 */
                       "| 2 | Đảng bộ huyện Hòa Bình | 2.877 | 81 | 2,82 |\n"            /* 6 */
                       "| | Tổng cộng | 5.981 | 177 | 2,96 |\n";                         /* 7 */
    run r = extract_bytes("table.txt", text);
    expect_fact(&r, 5, "3.104", "party_members", 3104, "đảng viên", "2023", "body");
    expect_fact(&r, 5, "96", "members_admitted", 96, "đảng viên", "", "body");
    expect_fact(&r, 5, "3,09", "percent", 3.09, "%", "", "body");
    const solieu_fact *row = fact_at(&r, 6, "2.877"), *total = fact_at(&r, 7, "5.981");
    CHECK(row && strcmp(row->entity, "huyện Hòa Bình") == 0);
    CHECK(total && strcmp(total->entity, "tỉnh Bạc Liêu") == 0);
    CHECK(facts_on_line(&r, 5) == 3 && facts_on_line(&r, 7) == 3 && fact_count(&r) == 9);
    run_free(&r);
}

/* A share column is read with the names of the two columns before it (a
 * share of what was done against its target); a row whose label names no
 * unit is the report's, not the unit of the row above. */
static void test_table_share_of_columns(void)
{
    const char *text = "Tỉnh ủy Bạc Liêu báo cáo kết quả năm 2023.\n"          /* 1 */
                       "\n"                                                    /* 2 */
                       "TT\tĐơn vị\tChỉ tiêu kết nạp\tĐã kết nạp\tTỷ lệ (%)\n" /* 3 */
                       "1\tHuyện Hòa Bình\t100\t110\t110,0\n"                  /* 4 */
                       "2\tHuyện Đông Hải\t80\t84\t105,0\n"                    /* 5 */
                       "3\tĐảng bộ Khối cơ quan\t50\t45\t90,0\n";              /* 6 */
    run r = extract_bytes("share_table.txt", text);
    expect_fact(&r, 4, "110,0", "admission_plan_rate", 110, "%", "", "body");
    const solieu_fact *row = fact_at(&r, 6, "45");
    CHECK(row && strcmp(row->entity, "tỉnh Bạc Liêu") == 0);
    run_free(&r);
}

/* The items of a list take the period of the line that heads it; a table
 * column's header may give a range of years. */
static void test_list_and_column_periods(void)
{
    const char *text = "Kết quả đánh giá năm 2024 như sau:\n"                      /* 1 */
                       "- Đảng viên hoàn thành xuất sắc nhiệm vụ: 211 đồng chí;\n" /* 2 */
                       "- Đảng viên không hoàn thành nhiệm vụ: 9 đồng chí.\n"      /* 3 */
                       "Các chi bộ tiếp tục kết nạp 14 đảng viên.\n"               /* 4 */
                       "\n"                                                        /* 5 */
                       "| TT | Đơn vị | Kết nạp đảng viên (2019 - 2023) |\n"       /* 6 */
                       "|---|---|---|\n"                                           /* 7 */
                       "| 1 | Chi bộ thôn 1 | 12 |\n";                             /* 8 */
    run r = extract_bytes("lists.txt", text);
    const solieu_fact *item = fact_at(&r, 2, "211"), *after = fact_at(&r, 4, "14");
    CHECK(item && strcmp(item->period, "2024") == 0);
    CHECK(after && strcmp(after->period, "") == 0);
    expect_fact(&r, 8, "12", "members_admitted", 12, "đảng viên", "2019/2023", "body");
    run_free(&r);
}

/* A year named in a clause holds for what follows it, not for what came
 * before; an event's date holds for its whole clause. */
static void test_year_reaches_forward(void)
{
    const char *text = "Giai đoạn 2019 - 2022, đã kiểm điểm đối với 3.200 lượt tập thể, trong năm "
                       "2022 có 120 chi bộ được kiểm tra.\n"
                       "Tổ chức 2 lớp cho 310/320 người được triệu tập vào các ngày 5 và 6/4/2021.\n";
    run r = extract_bytes("forward.txt", text);
    const solieu_fact *before = fact_at(&r, 1, "3.200");
    const solieu_fact *after = fact_at(&r, 1, "120");
    const solieu_fact *event = fact_at(&r, 2, "310/320");
    CHECK(before && strcmp(before->period, "2019/2022") == 0);
    CHECK(after && strcmp(after->period, "2022") == 0);
    CHECK(event && strcmp(event->period, "2021") == 0);
    run_free(&r);
}

/* ---- the entity ------------------------------------------------------------------- */

static void test_entity_votes(void)
{
    /* the reporter outvotes a district named twice; the district's own
     * figures are the district's */
    const char *text = "Ban Thường vụ Tỉnh ủy Hà Tĩnh báo cáo kết quả như sau:\n"
                       "\n"
                       "Huyện ủy Kỳ Anh đã kết nạp 45 đảng viên; trên địa bàn huyện Kỳ Anh "
                       "có 12 chi bộ.\n";
    run r = extract_bytes("entity.txt", text);
    CHECK(r.facts != NULL);
    if (r.facts) {
        CHECK_STR(solieu_facts_entity(r.facts), "tỉnh Hà Tĩnh");
        CHECK(fact_count(&r) == 2);
        for (size_t i = 0; i < fact_count(&r); i++)
            CHECK_STR(solieu_facts_get(r.facts, i)->entity, "huyện Kỳ Anh");
    }
    run_free(&r);
}

/* ---- the same report in other encodings -------------------------------------------- */

static char *to_crlf(const char *s)
{
    sl_buf b;
    sl_buf_init(&b, 0);
    for (; *s; s++) {
        if (*s == '\n')
            sl_buf_putc(&b, '\r');
        sl_buf_putc(&b, *s);
    }
    return sl_buf_take(&b);
}

static void expect_same_facts(const run *a, const run *b, const char *what)
{
    CHECK(fact_count(a) == fact_count(b));
    if (fact_count(a) != fact_count(b)) {
        fprintf(stderr, "%s: %zu facts, the original %zu\n", what, fact_count(b), fact_count(a));
        return;
    }
    for (size_t i = 0; i < fact_count(a); i++) {
        const solieu_fact *f = solieu_facts_get(a->facts, i), *g = solieu_facts_get(b->facts, i);
        CHECK(f->line == g->line);
        CHECK(f->column == g->column);
        CHECK_STR(g->text, f->text);
        CHECK_NEAR(g->value, f->value, 0);
        CHECK_STR(g->metric, f->metric);
        CHECK_STR(g->unit, f->unit);
        CHECK_STR(g->period, f->period);
        CHECK_STR(g->scope, f->scope);
        CHECK_STR(g->entity, f->entity);
        /* and each copy's offsets point at its own bytes */
        CHECK(original_bytes_match(b, g));
    }
    CHECK_STR(solieu_document_date(b->doc), solieu_document_date(a->doc));
}

static void test_nfd_and_crlf(const run *original)
{
    char *nfd = (char *)utf8proc_NFD((const utf8proc_uint8_t *)report);
    char *crlf = to_crlf(report);
    CHECK(nfd && crlf);
    if (nfd && crlf) {
        CHECK(strcmp(nfd, report) != 0);
        run a = extract_bytes("report.txt", nfd);
        expect_same_facts(original, &a, "NFD");
        run b = extract_bytes("report.txt", crlf);
        expect_same_facts(original, &b, "CRLF");
        /* the CRLF copy's offsets lie one byte further per line above */
        const solieu_fact *f = fact_at(original, 13, "27.210"), *g = fact_at(&b, 13, "27.210");
        CHECK(f && g && g->byte_start == f->byte_start + 12);
        run_free(&a);
        run_free(&b);
    }
    free(nfd);
    free(crlf);
}

/* BUG: a report without a single fact makes solieu_extract call
 * qsort(NULL, 0, ...) on the empty facts list (engine/extract/extract.c,
 * the sort by offset): undefined behaviour that aborts the sanitizer build
 * ("null pointer passed as argument 1"). Run last, so it hides nothing. */
static void test_no_facts(void)
{
    run r = extract_bytes("none.txt", "BÁO CÁO\nTình hình chung của Đảng bộ tỉnh.\n");
    CHECK(r.facts != NULL);
    CHECK(fact_count(&r) == 0);
    run_free(&r);
}

/* A rule is tried only where it can match: {PCTV} at percentages, {FRAC} at
 * fractions, a rule with triggers only in sentences that hold one. */
static unsigned long long attempts_of(const solieu_extractor *ex, const char *id)
{
    const solieu_rule_stats *st = solieu_extractor_rule_stats(ex);
    for (size_t i = 0; i < solieu_rules_count(rules); i++)
        if (strcmp(solieu_rules_id(rules, i), id) == 0)
            return st[i].attempts;
    fprintf(stderr, "no rule %s\n", id);
    CHECK(0);
    return 0;
}

static void test_rules_tried_where_they_can_match(void)
{
    solieu_extractor *ex = solieu_extractor_create(rules);
    CHECK(ex != NULL);
    if (!ex)
        return;
    run r = extract_bytes_with(
        ex, "shapes.txt", "Chi bộ có 25 đảng viên, đạt 96,48%. Có 8/15 xã hoàn thành.\n");
    CHECK(fact_count(&r) >= 3);
    CHECK(attempts_of(ex, "rate.percent") == 1);     /* {PCTV}: only at 96,48% */
    CHECK(attempts_of(ex, "rate.units_with") == 1);  /* {FRAC}: only at 8/15 */
    CHECK(attempts_of(ex, "members.admitted") == 0); /* no "kết nạp" anywhere */
    CHECK(attempts_of(ex, "ignore.date_days") == 0); /* no "ngày" anywhere */
    run_free(&r);
    solieu_extractor_destroy(ex);
}

/* The per-paragraph sentence index answers what the text walks answer,
 * at every position: stops in numbers and abbreviations, a stop right
 * before the position, stops at the very end, sentences longer than the
 * reach. */
static void test_sentence_index(void)
{
    char *long_text = malloc(2 * SOLIEU_MAX_SENTENCE_BYTES + 64);
    CHECK(long_text != NULL);
    if (!long_text)
        return;
    memset(long_text, 'a', 2 * SOLIEU_MAX_SENTENCE_BYTES + 63);
    memcpy(long_text + 10, ". ", 2);
    memcpy(long_text + SOLIEU_MAX_SENTENCE_BYTES + 40, "? ", 2);
    long_text[2 * SOLIEU_MAX_SENTENCE_BYTES + 63] = '\0';
    const char *texts[] = {"", ".", "Có 27.210 đảng viên. Trong đó 12 v.v. nữa!\nMới?x. y",
                           "a.b.c. 5.5. ! ? .", long_text};
    sl_sentences index;
    sl_vec_init(&index.ends, sizeof(size_t));
    size_t differ = 0;
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        const char *s = texts[t];
        size_t len = strlen(s);
        CHECK(sl_sentences_index(&index, s, len) == 0);
        for (size_t pos = 0; pos <= len; pos++) {
            differ += sl_sentences_start(&index, pos) != sl_sentence_start(s, pos);
            if (pos < len)
                differ += sl_sentences_end(&index, pos) != sl_sentence_end(s, len, pos);
        }
    }
    CHECK(differ == 0);
    sl_vec_free(&index.ends);
    free(long_text);
}

/* Members of each cell listed with "đv", closed by "Tổng:" on a line of
 * its own: stocks of members, the total too. */
static void test_cell_members_list(void)
{
    run r = extract_bytes("cells_list.txt", "ĐẢNG BỘ PHƯỜNG AN LẠC\n"
                                            "\n"
                                            "BÁO CÁO\n"
                                            "Tình hình 5 tháng đầu năm 2026\n"
                                            "\n"
                                            "- Đảng viên các chi bộ khu phố:\n"
                                            "+ Chi bộ Khu phố 1: 86 đv\n"
                                            "+ Chi bộ Bàu Sen: 112 đv\n"
                                            "Tổng: 198 đv\n");
    expect_fact(&r, 7, "86", "party_members", 86, "đảng viên", "", "body");
    expect_fact(&r, 8, "112", "party_members", 112, "đảng viên", "", "body");
    const solieu_fact *total = fact_at(&r, 9, "198");
    CHECK(total && strcmp(total->metric, "party_members") == 0);
    run_free(&r);
}

/* An HTML table with a cell a line: its cells have a paragraph (the
 * nearest above; none made attribution read past the paragraphs). */
static void test_cells_on_markup_lines(void)
{
    run r =
        extract_bytes("cells.txt", "ĐẢNG BỘ TỈNH AN HÒA\n"
                                   "\n"
                                   "BÁO CÁO\n"
                                   "Kết quả năm 2025\n"
                                   "\n"
                                   "Có 12 tổ chức cơ sở đảng, gồm:\n"
                                   "<table>\n<tr>\n<td>Đơn vị</td>\n<td>Tổ chức đảng</td>\n</tr>\n"
                                   "<tr>\n<td>Khối cơ quan</td>\n<td>7</td>\n</tr>\n"
                                   "<tr>\n<td>Khối doanh nghiệp</td>\n<td>5</td>\n</tr>\n"
                                   "</table>\n");
    const solieu_fact *lead = fact_at(&r, 6, "12");
    const solieu_fact *first = fact_at(&r, 14, "7"), *second = fact_at(&r, 18, "5");
    CHECK(lead && first && second);
    if (lead && first && second)
        CHECK(first->paragraph < r.doc->paragraphs.len &&
              second->paragraph < r.doc->paragraphs.len && first->paragraph >= lead->paragraph);
    run_free(&r);
}

/* Rates of other periods after a rate are the same rate; a change is not. */
static void test_rates_of_other_periods(void)
{
    run r = extract_bytes("rates.txt",
                          "Tân Mỹ, ngày 20 tháng 12 năm 2025\n"
                          "\n"
                          "BÁO CÁO\n"
                          "Kết quả công tác xây dựng Đảng năm 2025\n"
                          "\n"
                          "Tỷ lệ đảng viên dự sinh hoạt chi bộ đạt 94,1% (năm 2024: 92,6%); quý "
                          "I: 93,0%, quý IV: 95,2%; so với năm trước tăng 1,5%.\n");
    expect_fact(&r, 6, "94,1%", "attendance_rate", 94.1, "%", "2025", "body");
    expect_fact(&r, 6, "92,6%", "attendance_rate", 92.6, "%", "2024", "body");
    expect_fact(&r, 6, "93,0%", "attendance_rate", 93.0, "%", "2025-01/2025-03", "body");
    expect_fact(&r, 6, "95,2%", "attendance_rate", 95.2, "%", "2025-10/2025-12", "body");
    const solieu_fact *change = fact_at(&r, 6, "1,5%");
    CHECK(change && strcmp(change->metric, "attendance_rate") != 0);
    run_free(&r);
}

/* The context snippet folds white space runs into one space and drops it
 * at both ends; it copies plain stretches sixteen bytes at a time, so it is
 * compared with the rule itself on random text of letters, spaces, tabs
 * and newlines. */
static void test_context_snippet_spacing(void)
{
    static const char *const pieces[] = {"a", "b", "\xE1\xBA\xA3", " ", " ", "\n", "\t", "xyz"};
    uint32_t seed = 7;
    for (int round = 0; round < 3000; round++) {
        char text[160];
        size_t len = 0;
        while (len < 120) {
            seed = seed * 1103515245u + 12345u;
            const char *piece = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
            memcpy(text + len, piece, strlen(piece));
            len += strlen(piece);
        }
        text[len] = '\0';
        char want[160];
        size_t n = 0;
        int space = 0;
        for (size_t i = 0; i < len; i++) {
            char c = text[i];
            if (c == ' ' || c == '\n' || c == '\t') {
                space = n > 0;
                continue;
            }
            if (space)
                want[n++] = ' ';
            space = 0;
            want[n++] = c;
        }
        want[n] = '\0';
        /* the whole text: a window wider than it on both sides */
        char *got = sl_context_snippet(text, len, len / 2, len / 2, len);
        CHECK(got && strcmp(got, want) == 0);
        if (got && strcmp(got, want) != 0)
            fprintf(stderr, "  \"%s\"\n  want \"%s\"\n", got, want);
        free(got);
    }
}

int main(void)
{
    test_context_snippet_spacing();
    solieu_status st = test_load_rules(&rules);
    CHECK(st == SOLIEU_OK);
    if (st != SOLIEU_OK)
        TEST_MAIN_END();

    run r = extract_bytes("report.txt", report);
    CHECK(r.facts != NULL);
    if (r.facts) {
        test_header_and_entity(&r);
        test_membership(&r);
        test_periods(&r);
        test_footnote_inherits(&r);
        test_never_facts(&r);
        test_nfd_and_crlf(&r);
    }
    run_free(&r);
    test_markers_stay_out();
    test_year_reaches_forward();
    test_footnote_year_values();
    test_past_term();
    test_title_period();
    test_standing_members();
    test_breakdown_parts();
    test_parts_after_noun();
    test_breakdown_sentence();
    test_topic_of_list();
    test_rates_of_other_periods();
    test_cells_on_markup_lines();
    test_cell_members_list();
    test_compared_figure();
    test_heading_hierarchy();
    test_table_share_of_columns();
    test_footnote_on_plain_count();
    test_nested_list();
    test_whole_by_sum();
    test_monthly_fractions();
    test_title_on_report_line();
    test_piped_table();
    test_list_items_take_the_head();
    test_footnote_rates();
    test_table_subheader();
    test_compared_period();
    test_other_year_in_parenthesis();
    test_thousands_by_comma();
    test_comparison_after_semicolon();
    test_letterhead_issuer();
    test_last_years_from_the_title();
    test_table_of_ratings_by_row();
    test_table_cell_with_its_change();
    test_commas_grouping_counts();
    test_grid_table();
    test_table_with_dotted_columns();
    test_sentence_in_capitals();
    test_notes_listed_under_ghi_chu();
    test_note_cited_in_a_table_label();
    test_old_tone_placement_as_written();
    test_tab_table_with_notes_column();
    test_cooperative_is_no_commune();
    test_change_from_one_figure_to_another();
    test_rating_columns_beside_the_count_rated();
    test_numbered_form_field();
    test_html_cell_thousands();
    test_html_table_in_sections();
    test_ocr_letters_in_numbers();
    test_attendance_items();
    test_margin_line_numbers();
    test_restated_for_other_periods();
    test_aside_of_years();
    test_term_to_its_month();
    test_aligned_tables_with_two_line_headers();
    test_share_per_year();
    test_plus_items_under_dash_item();
    test_same_period_last_year();
    test_table_lead_and_ratings();
    test_html_rows_over_lines();
    test_dot_leaders();
    test_respectively();
    test_named_units();
    test_letterheads();
    test_header_months();
    test_january_report_and_spelled_figures();
    test_table_of_months();
    test_span_ending_in_the_report_year();
    test_table_row_numbers();
    test_tabbed_table_empty_cells();
    test_tables_of_ratings();
    test_table_facts();
    test_list_and_column_periods();
    test_entity_votes();
    test_no_facts();
    test_rules_tried_where_they_can_match();
    test_sentence_index();
    solieu_rules_destroy(rules);
    TEST_MAIN_END();
}
