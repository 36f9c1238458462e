/* The CSV reader: quoting, BOM, CRLF, line numbers of rows and errors, caps,
 * every prefix of an input, and every allocation failing in turn; and the
 * writer's side: quoting and number formats. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <solieu/csv.h>
#include <solieu/limits.h>

#include "check.h"
#include "util/util.h"

static solieu_table *parse(const char *text, char **error)
{
    solieu_table *t = NULL;
    solieu_status st = solieu_table_parse("t.csv", text, strlen(text), &t, error);
    return st == SOLIEU_OK ? t : NULL;
}

static void test_basic(void)
{
    char *err = NULL;
    solieu_table *t = parse("doc,line,value\na.txt,7,27210\nb.txt,9,96.48\n", &err);
    CHECK(t != NULL);
    CHECK(err == NULL);
    if (!t)
        return;
    CHECK(solieu_table_rows(t) == 2);
    CHECK(solieu_table_columns(t) == 3);
    CHECK_STR(solieu_table_header(t, 1), "line");
    CHECK(solieu_table_column(t, "value") == 2);
    CHECK(solieu_table_column(t, "nope") == -1);
    CHECK_STR(solieu_table_cell(t, 0, 0), "a.txt");
    CHECK_STR(solieu_table_cell(t, 1, 2), "96.48");
    CHECK_STR(solieu_table_cell(t, 1, -1), "");
    CHECK_STR(solieu_table_cell(t, 1, 7), "");
    CHECK(solieu_table_row_line(t, 0) == 2);
    CHECK(solieu_table_row_line(t, 1) == 3);
    solieu_table_destroy(t);
    solieu_table_destroy(NULL);
}

static void test_bom_crlf_quotes(void)
{
    const char *text = "\xEF\xBB\xBF Doc ,Text,Unit\r\n"
                       "a.txt,\"27.210, và \"\"x\"\"\",đảng viên\r\n"
                       "\r\n"
                       "b.txt,\"two\r\nlines\",tổ chức đảng\r\n"
                       "c.txt,short\r\n"
                       "d.txt,last,no newline";
    char *err = NULL;
    solieu_table *t = parse(text, &err);
    CHECK(t != NULL);
    if (!t) {
        fprintf(stderr, "%s\n", err ? err : "?");
        solieu_free(err);
        return;
    }
    CHECK(solieu_table_column(t, "doc") == 0); /* BOM stripped, header trimmed */
    CHECK(solieu_table_column(t, "TEXT") == 1);
    CHECK(solieu_table_rows(t) == 4);
    CHECK_STR(solieu_table_cell(t, 0, 1), "27.210, và \"x\"");
    CHECK_STR(solieu_table_cell(t, 0, 2), "đảng viên");
    CHECK_STR(solieu_table_cell(t, 1, 1), "two\r\nlines");
    CHECK_STR(solieu_table_cell(t, 2, 2), ""); /* short row */
    CHECK_STR(solieu_table_cell(t, 3, 2), "no newline");
    CHECK(solieu_table_row_line(t, 0) == 2);
    CHECK(solieu_table_row_line(t, 1) == 4); /* after the blank line */
    CHECK(solieu_table_row_line(t, 2) == 6); /* after a two-line field */
    CHECK(solieu_table_row_line(t, 3) == 7);
    CHECK(solieu_table_row_line(t, 9) == 0);
    solieu_table_destroy(t);
}

static void expect_error(const char *text, solieu_status want, const char *message)
{
    char *err = NULL;
    solieu_table *t = NULL;
    solieu_status st = solieu_table_parse("t.csv", text, strlen(text), &t, &err);
    CHECK(st == want);
    CHECK(t == NULL);
    CHECK_STR(err, message);
    solieu_free(err);
    solieu_table_destroy(t);
}

static void test_errors(void)
{
    expect_error("", SOLIEU_ERR_CSV, "t.csv:1: no header row");
    expect_error("a,b\n1,2\n3,\"open\n4,5\n", SOLIEU_ERR_CSV, "t.csv:3: unterminated quoted field");
    expect_error("a,b\n1,2\nx\"y,2\n", SOLIEU_ERR_CSV,
                 "t.csv:3: malformed quoting (a quote inside an unquoted field, or text after a "
                 "closing quote)");
    expect_error("a,b\n1,2\n\xC3\x28,2\n", SOLIEU_ERR_UTF8, "t.csv:3: invalid UTF-8");

    /* A NUL would cut the cell short when read back as a C string. */
    const char nul[] = "a,b\n1,x\0y\n";
    char *err = NULL;
    solieu_table *t = NULL;
    CHECK(solieu_table_parse("t.csv", nul, sizeof nul - 1, &t, &err) == SOLIEU_ERR_CSV);
    CHECK_STR(err, "t.csv:2: NUL byte in a field");
    solieu_free(err);

    CHECK(solieu_table_read("/nonexistent/x.csv", &t, &err) == SOLIEU_ERR_IO);
    CHECK_STR(err, "/nonexistent/x.csv: No such file or directory");
    solieu_free(err);
}

static void test_field_cap(void)
{
    size_t big = SOLIEU_MAX_CSV_FIELD_BYTES + 10;
    char *text = malloc(big + 16);
    if (!text)
        return;
    strcpy(text, "a\n\"");
    memset(text + 3, 'x', big);
    strcpy(text + 3 + big, "\"\n");
    char *err = NULL;
    solieu_table *t = NULL;
    CHECK(solieu_table_parse("big.csv", text, strlen(text), &t, &err) == SOLIEU_ERR_TOO_BIG);
    CHECK_STR(err, "big.csv:2: field exceeds the size limit");
    solieu_free(err);
    free(text);
}

/* Every prefix of a valid file parses or fails with a located message. */
static void test_prefixes(void)
{
    const char *text = "doc,text\r\na.txt,\"x,\"\"y\"\"\r\nz\"\r\n\r\nb.txt,  spaced  \r\n";
    size_t len = strlen(text);
    for (size_t n = 0; n <= len; n++) {
        char *err = NULL;
        solieu_table *t = NULL;
        solieu_status st = solieu_table_parse("p.csv", text, n, &t, &err);
        CHECK((st == SOLIEU_OK) == (t != NULL));
        CHECK((st == SOLIEU_OK) == (err == NULL));
        if (err)
            CHECK(strncmp(err, "p.csv:", 6) == 0);
        solieu_free(err);
        solieu_table_destroy(t);
    }
}

/* The Nth allocation fails for every N until parsing succeeds: no crash, no
 * leak (the sanitizer build checks), and the status says why. */
static void test_alloc_failures(void)
{
    const char *text = "doc,line\na.txt,1\nb.txt,\"2\"\n";
    int succeeded = 0;
    long n;
    for (n = 0; n < 200 && !succeeded; n++) {
        sl_alloc_fail_after(n);
        char *err = NULL;
        solieu_table *t = NULL;
        solieu_status st = solieu_table_parse("f.csv", text, strlen(text), &t, &err);
        sl_alloc_fail_after(-1);
        if (st == SOLIEU_OK) {
            succeeded = 1;
            CHECK(solieu_table_rows(t) == 2);
        } else {
            CHECK(st == SOLIEU_ERR_NOMEM);
        }
        solieu_free(err);
        solieu_table_destroy(t);
    }
    CHECK(succeeded);
    printf("allocation failures injected: %ld\n", n - 1);
}

static void test_number_formats(void)
{
    char buf[64];
    CHECK_STR(solieu_format_integer(0, buf, sizeof buf), "0");
    CHECK_STR(solieu_format_integer(5, buf, sizeof buf), "5");
    CHECK_STR(solieu_format_integer(-12, buf, sizeof buf), "-12");
    CHECK_STR(solieu_format_integer(27210, buf, sizeof buf), "27210");
    CHECK_STR(solieu_format_integer(LLONG_MAX, buf, sizeof buf), "9223372036854775807");
    CHECK_STR(solieu_format_integer(LLONG_MIN, buf, sizeof buf), "-9223372036854775808");
    CHECK_STR(solieu_format_integer(27210, buf, 4), "272"); /* cut to the room given */
    CHECK_STR(solieu_format_number(27210.0, buf, sizeof buf), "27210");
    CHECK_STR(solieu_format_number(-3.0, buf, sizeof buf), "-3");
    CHECK_STR(solieu_format_number(96.48, buf, sizeof buf), "96.48");
    CHECK_STR(solieu_format_number(-0.5, buf, sizeof buf), "-0.5");
}

static void test_writer_quoting(void)
{
    char *out = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&out, &size);
    CHECK(f != NULL);
    if (!f)
        return;
    solieu_csv_writer *w = solieu_csv_writer_create(f, 0);
    const char *row[] = {"plain",      "a \"b\", c", "\"\"", " padded",
                         "two\nlines", "tab\t",      "a, b", ""};
    CHECK(w && solieu_csv_write_row(w, row, sizeof row / sizeof row[0]) == SOLIEU_OK);
    solieu_csv_writer_destroy(w);
    fclose(f);
    CHECK_STR(
        out,
        "plain,\"a \"\"b\"\", c\",\"\"\"\"\"\",\" padded\",\"two\nlines\",\"tab\t\",\"a, b\",\n");
    free(out);
}

int main(void)
{
    test_number_formats();
    test_writer_quoting();
    test_basic();
    test_bom_crlf_quotes();
    test_errors();
    test_field_cap();
    test_prefixes();
    test_alloc_failures();
    TEST_MAIN_END();
}
