/* Unit tests for solieu_number_parse and solieu_number_approx_before: the
 * report conventions (dot thousands, comma decimals, fractions vs dates,
 * percent, scale words, number words) and the byte-exact `consumed`. */
#include <stdlib.h>
#include <string.h>

#include <solieu/number.h>

#include "check.h"

static solieu_status parse(const char *s, solieu_number *n)
{
    return solieu_number_parse(s, strlen(s), n);
}

/* Parses `text`, expects `val` and that exactly `prefix` was consumed;
 * a macro so that failures report the caller's line. */
#define EXPECT(text, val, prefix)                                                                  \
    do {                                                                                           \
        solieu_number n_;                                                                          \
        CHECK(parse((text), &n_) == SOLIEU_OK);                                                    \
        CHECK_NEAR(n_.value, (val), 1e-9 * (fabs((double)(val)) + 1));                             \
        CHECK(n_.consumed == strlen(prefix));                                                      \
    } while (0)

#define EXPECT_NONE(text)                                                                          \
    do {                                                                                           \
        solieu_number n_;                                                                          \
        CHECK(parse((text), &n_) == SOLIEU_ERR_USAGE);                                             \
        CHECK(n_.consumed == 0);                                                                   \
    } while (0)

static void test_digits(void)
{
    solieu_number n;

    EXPECT("27.210", 27210, "27.210");
    EXPECT("1.234.567 người", 1234567, "1.234.567");
    EXPECT("05", 5, "05");
    EXPECT("0", 0, "0");
    EXPECT("42abc", 42, "42");

    CHECK(parse("27.210", &n) == SOLIEU_OK);
    CHECK(n.decimals == 0 && !n.percent && !n.from_words && !n.has_denominator);

    /* a dot that does not group exactly three digits ends the number */
    EXPECT("2.1.", 2, "2");
    EXPECT("2.1. Kết quả", 2, "2");
    EXPECT("27.2105", 27, "27");
    EXPECT("27.21", 27, "27");
    EXPECT("1.234.56", 1234, "1.234");
    EXPECT("2021.123", 2021, "2021");
    /* sentence end */
    EXPECT("27.210.", 27210, "27.210");
    EXPECT("27.210. Tiếp", 27210, "27.210");
    /* footnote superscripts are never digits */
    EXPECT("27.210¹", 27210, "27.210");
    EXPECT("27.210² hộ", 27210, "27.210");
    EXPECT("5³", 5, "5");
}

static void test_decimals(void)
{
    solieu_number n;

    CHECK(parse("96,48", &n) == SOLIEU_OK);
    CHECK(n.value == 96.48); /* exactly the double nearest 96.48 */
    CHECK(n.decimals == 2);
    CHECK(n.consumed == 5);

    CHECK(parse("102,67", &n) == SOLIEU_OK);
    CHECK(n.value == 102.67);
    CHECK(n.decimals == 2);

    CHECK(parse("1.234,5", &n) == SOLIEU_OK);
    CHECK(n.value == 1234.5);
    CHECK(n.decimals == 1);
    CHECK(n.consumed == 7);

    /* Vietnamese: "1,234" is one point two three four */
    CHECK(parse("1,234", &n) == SOLIEU_OK);
    CHECK(n.value == 1.234);
    CHECK(n.decimals == 3);

    CHECK(parse("0,05", &n) == SOLIEU_OK);
    CHECK(n.value == 0.05);

    /* a comma before a space or a non-digit is punctuation */
    EXPECT("15, 03", 15, "15");
    EXPECT("15,", 15, "15");
    EXPECT("15,a", 15, "15");
    EXPECT("1,5,6", 1.5, "1,5");
    EXPECT("1,5.000", 1.5, "1,5");

    /* many decimals: no overflow, count kept */
    CHECK(parse("3,14159265358979323846264338", &n) == SOLIEU_OK);
    CHECK_NEAR(n.value, 3.14159265358979, 1e-12);
    CHECK(n.decimals == 26);
}

static void test_fractions_and_dates(void)
{
    solieu_number n;

    CHECK(parse("302/313", &n) == SOLIEU_OK);
    CHECK(n.value == 302 && n.has_denominator && n.denominator == 313);
    CHECK(n.consumed == 7);

    CHECK(parse("01/15", &n) == SOLIEU_OK);
    CHECK(n.value == 1 && n.has_denominator && n.denominator == 15);

    CHECK(parse("8/15 xã", &n) == SOLIEU_OK);
    CHECK(n.value == 8 && n.has_denominator && n.denominator == 15);
    CHECK(n.consumed == 4);

    CHECK(parse("1.200/3.400", &n) == SOLIEU_OK);
    CHECK(n.value == 1200 && n.has_denominator && n.denominator == 3400);
    CHECK(n.consumed == 11);

    /* dates are not fractions */
    CHECK(parse("30/3/2021", &n) == SOLIEU_OK);
    CHECK(n.value == 30 && !n.has_denominator && n.consumed == 2);

    CHECK(parse("4/2023", &n) == SOLIEU_OK);
    CHECK(n.value == 4 && !n.has_denominator && n.consumed == 1);

    CHECK(parse("12/2023", &n) == SOLIEU_OK);
    CHECK(n.value == 12 && !n.has_denominator && n.consumed == 2);

    /* no month can be 13 or 120, and 2500 is no year: fractions */
    CHECK(parse("13/2023", &n) == SOLIEU_OK);
    CHECK(n.has_denominator && n.denominator == 2023);
    CHECK(parse("120/2023", &n) == SOLIEU_OK);
    CHECK(n.has_denominator && n.denominator == 2023);
    CHECK(parse("4/2500", &n) == SOLIEU_OK);
    CHECK(n.has_denominator && n.denominator == 2500);

    /* no spaces around '/', and no decimals in a fraction */
    CHECK(parse("8 / 15", &n) == SOLIEU_OK);
    CHECK(n.value == 8 && !n.has_denominator && n.consumed == 1);
    CHECK(parse("8/ 15", &n) == SOLIEU_OK);
    CHECK(n.value == 8 && !n.has_denominator && n.consumed == 1);
    CHECK(parse("1,5/3", &n) == SOLIEU_OK);
    CHECK(n.value == 1.5 && !n.has_denominator && n.consumed == 3);
    CHECK(parse("8/", &n) == SOLIEU_OK);
    CHECK(n.value == 8 && !n.has_denominator && n.consumed == 1);
}

static void test_percent(void)
{
    solieu_number n;

    CHECK(parse("96,48%", &n) == SOLIEU_OK);
    CHECK(n.value == 96.48 && n.percent && n.consumed == 6);

    CHECK(parse("96,48 %", &n) == SOLIEU_OK);
    CHECK(n.value == 96.48 && n.percent && n.consumed == 7);

    CHECK(parse("81%.", &n) == SOLIEU_OK);
    CHECK(n.value == 81 && n.percent && n.consumed == 3);

    /* a no-break space counts as the one space */
    CHECK(parse("50\xC2\xA0%", &n) == SOLIEU_OK);
    CHECK(n.value == 50 && n.percent && n.consumed == 5);

    /* two spaces are too many */
    CHECK(parse("96  %", &n) == SOLIEU_OK);
    CHECK(n.value == 96 && !n.percent && n.consumed == 2);

    /* a dot before one or two digits and '%' is a decimal mark; before
     * three it groups thousands, and without '%' it ends the number */
    CHECK(parse("96.5%", &n) == SOLIEU_OK);
    CHECK(n.value == 96.5 && n.percent && n.decimals == 1 && n.consumed == 5);
    CHECK(parse("87.25 %", &n) == SOLIEU_OK);
    CHECK(n.value == 87.25 && n.percent && n.consumed == 7);
    CHECK(parse("1.234%", &n) == SOLIEU_OK);
    CHECK(n.value == 1234 && n.percent);
    CHECK(parse("96.5 tập thể", &n) == SOLIEU_OK);
    CHECK(n.value == 96 && !n.percent && n.consumed == 2);
}

static void test_scale_words(void)
{
    solieu_number n;

    EXPECT("1,5 triệu", 1500000, "1,5 triệu");
    EXPECT("1,5 triệu đồng", 1500000, "1,5 triệu");
    EXPECT("2 nghìn", 2000, "2 nghìn");
    EXPECT("3 ngàn", 3000, "3 ngàn");
    EXPECT("27 tỷ đồng", 27e9, "27 tỷ");
    EXPECT("27 tỉ,", 27e9, "27 tỉ");
    EXPECT("12,3 Triệu.", 12.3e6, "12,3 Triệu");
    EXPECT("1.000 tỷ", 1e12, "1.000 tỷ");
    /* compound scales */
    EXPECT("2 nghìn tỷ đồng", 2e12, "2 nghìn tỷ");
    EXPECT("2 tỷ nghìn", 2e9, "2 tỷ");

    CHECK(parse("1,5 triệu", &n) == SOLIEU_OK);
    CHECK(n.decimals == 1 && !n.from_words);

    /* not a whole word, or not a scale at all */
    EXPECT("5 triệuu", 5, "5");
    EXPECT("5 tỷx", 5, "5");
    EXPECT("5 triệuả", 5, "5");
    EXPECT("5  triệu", 5, "5");
    EXPECT("5triệu", 5, "5");
    EXPECT("2023 tỷ lệ hộ nghèo", 2023, "2023");
    EXPECT("3 triệu chứng", 3, "3");
    EXPECT("302/313 triệu", 302, "302/313");
}

static void test_number_words(void)
{
    solieu_number n;

    EXPECT("một", 1, "một");
    EXPECT("Một", 1, "Một");
    EXPECT("MỘT", 1, "MỘT");
    EXPECT("mười", 10, "mười");
    EXPECT("Mười lăm", 15, "Mười lăm");
    EXPECT("mười một", 11, "mười một");
    EXPECT("mười tư", 14, "mười tư");
    EXPECT("hai mươi", 20, "hai mươi");
    EXPECT("hai mươi lăm", 25, "hai mươi lăm");
    EXPECT("hai mươi mốt", 21, "hai mươi mốt");
    EXPECT("ba mươi tư", 34, "ba mươi tư");
    EXPECT("chín mươi chín", 99, "chín mươi chín");
    EXPECT("năm mươi", 50, "năm mươi");
    EXPECT("ba trăm", 300, "ba trăm");
    EXPECT("trăm", 100, "trăm");
    EXPECT("trăm lượt", 100, "trăm");
    EXPECT("hai nghìn", 2000, "hai nghìn");
    EXPECT("hai ngàn", 2000, "hai ngàn");
    EXPECT("một trăm linh năm", 105, "một trăm linh năm");
    EXPECT("một trăm lẻ tư", 104, "một trăm lẻ tư");
    EXPECT("bảy", 7, "bảy");
    EXPECT("bẩy trăm", 700, "bẩy trăm");
    EXPECT("hai trăm ba mươi sáu người", 236, "hai trăm ba mươi sáu");
    EXPECT("hai nghìn không trăm hai mươi ba", 2023, "hai nghìn không trăm hai mươi ba");
    EXPECT("một nghìn linh năm", 1005, "một nghìn linh năm");
    EXPECT("hai triệu ba trăm nghìn", 2300000, "hai triệu ba trăm nghìn");
    EXPECT("mười lăm nghìn", 15000, "mười lăm nghìn");
    EXPECT("ba nghìn tỷ", 3e12, "ba nghìn tỷ");
    EXPECT("trăm nghìn", 100000, "trăm nghìn");
    EXPECT("hai, ba", 2, "hai");

    CHECK(parse("hai mươi", &n) == SOLIEU_OK);
    CHECK(n.from_words && n.decimals == 0 && !n.percent && !n.has_denominator);

    /* a lone "năm" is 5; the caller decides whether it means "year" */
    EXPECT("năm", 5, "năm");
    EXPECT("năm 2023", 5, "năm");
    /* but "năm" never continues a sequence where it is no digit */
    EXPECT("hai mươi năm", 20, "hai mươi");
    EXPECT("mười năm qua", 10, "mười");
    EXPECT("một trăm năm", 100, "một trăm");
    EXPECT("hai nghìn năm", 2000, "hai nghìn");
    EXPECT("hai trăm hai", 200, "hai trăm");
    /* a scale no smaller than the previous one starts something else */
    EXPECT("hai nghìn ba triệu", 2000, "hai nghìn");
    EXPECT("hai tỷ lệ", 2, "hai");

    /* words that are numbers only after another number word */
    EXPECT_NONE("mốt");
    EXPECT_NONE("tư nhân");
    EXPECT_NONE("lăm");
    EXPECT_NONE("mươi");
    EXPECT_NONE("linh năm");
    EXPECT_NONE("nghìn");
    EXPECT_NONE("tỷ lệ");
    EXPECT_NONE("không");
    /* whole words only */
    EXPECT_NONE("bao");
    EXPECT_NONE("hain");
    EXPECT_NONE("tráng");
    EXPECT_NONE("một\xCC\x81");    /* a combining mark continues the word */
    EXPECT("ba\xC2\xB9", 3, "ba"); /* a footnote mark does not */
    EXPECT("hai  mươi", 2, "hai");
}

static void test_no_number(void)
{
    solieu_number n;

    EXPECT_NONE("");
    EXPECT_NONE(" 5");
    EXPECT_NONE("abc");
    EXPECT_NONE(",5");
    EXPECT_NONE(".5");
    EXPECT_NONE("%");
    EXPECT_NONE("¹²³");
    EXPECT_NONE("-5");
    CHECK(solieu_number_parse(NULL, 3, &n) == SOLIEU_ERR_USAGE);
    CHECK(solieu_number_parse("5", 1, NULL) == SOLIEU_ERR_USAGE);
    CHECK(solieu_number_parse("5", 0, &n) == SOLIEU_ERR_USAGE);
}

static void test_len_limits(void)
{
    solieu_number n;

    /* "27.210" cut at 4 is "27.2" */
    CHECK(solieu_number_parse("27.210", 4, &n) == SOLIEU_OK);
    CHECK(n.value == 27 && n.consumed == 2);
    CHECK(solieu_number_parse("27.210", 5, &n) == SOLIEU_OK);
    CHECK(n.value == 27 && n.consumed == 2);
    CHECK(solieu_number_parse("27.210.", 6, &n) == SOLIEU_OK);
    CHECK(n.value == 27210 && n.consumed == 6);
    CHECK(solieu_number_parse("96,48%", 3, &n) == SOLIEU_OK);
    CHECK(n.value == 96 && n.consumed == 2 && n.decimals == 0);
    CHECK(solieu_number_parse("96,48%", 5, &n) == SOLIEU_OK);
    CHECK(n.value == 96.48 && !n.percent && n.consumed == 5);
    CHECK(solieu_number_parse("30/3/2021", 4, &n) == SOLIEU_OK);
    CHECK(n.value == 30 && n.has_denominator && n.denominator == 3 && n.consumed == 4);
    CHECK(solieu_number_parse("1,5 triệu", 8, &n) == SOLIEU_OK);
    CHECK(n.value == 1.5 && n.consumed == 3);
    /* a word cut short is another word, or none */
    CHECK(solieu_number_parse("hai mươi", 6, &n) == SOLIEU_OK);
    CHECK(n.value == 2 && n.consumed == 3);
    CHECK(solieu_number_parse("một", 3, &n) == SOLIEU_ERR_USAGE);
}

/* Every prefix of every input, in a heap block of exactly that size, so
 * that AddressSanitizer catches any read at or past len. */
static void test_every_prefix(void)
{
    static const char *const inputs[] = {
        "27.210¹",
        "1.234.567,89 %",
        "30/3/2021",
        "4/2023",
        "302/313 xã",
        "96,48\xC2\xA0%",
        "1,5 triệu đồng",
        "2 nghìn tỷ",
        "2023 tỷ lệ",
        "hai mươi lăm",
        "một trăm linh năm",
        "Mười lăm nghìn",
        "hai nghìn không trăm hai mươi ba",
        "trăm",
        "2.1.",
        "5 triệu\xE1",
        "\xC2",
        "mộ\xE1\xBB",
        "khoảng gần ",
        "Trên\xC2\xA0",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        size_t len = strlen(inputs[i]);
        for (size_t k = 0; k <= len; k++) {
            char *buf = malloc(k ? k : 1);
            solieu_number n;
            const char *kind;
            size_t a;
            if (!buf)
                abort();
            memcpy(buf, inputs[i], k);
            if (solieu_number_parse(buf, k, &n) == SOLIEU_OK)
                CHECK(n.consumed > 0 && n.consumed <= k);
            else
                CHECK(n.consumed == 0);
            a = solieu_number_approx_before(buf, k, &kind);
            CHECK(a <= k);
            CHECK((a == 0) == (kind == NULL));
            free(buf);
        }
    }
}

#define EXPECT_APPROX(text, want_kind, want_len)                                                   \
    do {                                                                                           \
        const char *k_ = "unset";                                                                  \
        CHECK(solieu_number_approx_before((text), strlen(text), &k_) == (want_len));               \
        CHECK_STR(k_, (want_kind));                                                                \
    } while (0)

#define EXPECT_NO_APPROX(text)                                                                     \
    do {                                                                                           \
        const char *k_ = "unset";                                                                  \
        CHECK(solieu_number_approx_before((text), strlen(text), &k_) == 0);                        \
        CHECK(k_ == NULL);                                                                         \
    } while (0)

static void test_approx_before(void)
{
    EXPECT_APPROX("khoảng ", "khoảng", strlen("khoảng "));
    EXPECT_APPROX("đạt khoảng ", "khoảng", strlen("khoảng "));
    EXPECT_APPROX("Khoảng ", "khoảng", strlen("Khoảng "));
    EXPECT_APPROX("có gần ", "gần", strlen("gần "));
    EXPECT_APPROX("Trên ", "trên", strlen("Trên "));
    EXPECT_APPROX("tăng hơn   ", "hơn", strlen("hơn   "));
    EXPECT_APPROX("gần như ", "gần như", strlen("gần như "));
    EXPECT_APPROX("xấp xỉ ", "xấp xỉ", strlen("xấp xỉ "));
    EXPECT_APPROX("ước ", "ước", strlen("ước "));
    EXPECT_APPROX("ước tính ", "ước tính", strlen("ước tính "));
    EXPECT_APPROX("chừng ", "chừng", strlen("chừng "));
    EXPECT_APPROX("khoảng gần ", "khoảng gần", strlen("khoảng gần "));
    EXPECT_APPROX("trên dưới ", "trên dưới", strlen("trên dưới "));
    EXPECT_APPROX("ít nhất ", "ít nhất", strlen("ít nhất "));
    EXPECT_APPROX("(khoảng ", "khoảng", strlen("khoảng "));
    EXPECT_APPROX("đạt: trên\t", "trên", strlen("trên\t"));
    EXPECT_APPROX("trên\xC2\xA0", "trên", strlen("trên\xC2\xA0"));
    EXPECT_APPROX("KHOẢNG ", "khoảng", strlen("KHOẢNG "));

    EXPECT_NO_APPROX("tổng số ");
    EXPECT_NO_APPROX("trên tổng số ");
    EXPECT_NO_APPROX("khoảng");     /* no space after */
    EXPECT_NO_APPROX("khoảng 200"); /* does not end with the word */
    EXPECT_NO_APPROX("thơn ");      /* "hơn" inside a word */
    EXPECT_NO_APPROX("mtrên ");
    EXPECT_NO_APPROX("ởgần "); /* preceded by a non-ASCII letter */
    EXPECT_NO_APPROX("");
    EXPECT_NO_APPROX("   ");
    CHECK(solieu_number_approx_before(NULL, 5, NULL) == 0);
    CHECK(solieu_number_approx_before("gần ", strlen("gần "), NULL) == strlen("gần "));
    /* the length limit is the text: "gần thêm" cut after "gần " */
    {
        const char *kind = NULL;
        CHECK(solieu_number_approx_before("gần thêm", strlen("gần "), &kind) == strlen("gần "));
        CHECK_STR(kind, "gần");
        CHECK(solieu_number_approx_before("gần thêm", strlen("gần"), &kind) == 0);
    }
}

int main(void)
{
    test_digits();
    test_decimals();
    test_fractions_and_dates();
    test_percent();
    test_scale_words();
    test_number_words();
    test_no_number();
    test_len_limits();
    test_every_prefix();
    test_approx_before();
    TEST_MAIN_END();
}
