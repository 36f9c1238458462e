/* CSV output: libcsv quotes a field when it needs quoting; plain fields are
 * written bare so spreadsheets read numbers as numbers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <solieu/csv.h>

#include "util/util.h"

struct solieu_csv_writer {
    FILE *stream;
    unsigned flags;
    int wrote_bom;
    solieu_status status;
    sl_buf row; /* a row is built here and written with one call */
};

solieu_csv_writer *solieu_csv_writer_create(FILE *stream, unsigned flags)
{
    solieu_csv_writer *w = sl_calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->stream = stream;
    w->flags = flags;
    sl_buf_init(&w->row, 0);
    return w;
}

static int needs_quotes(const char *s, size_t n)
{
    if (!n)
        return 0;
    if (sl_is_space((unsigned char)s[0]) || sl_is_space((unsigned char)s[n - 1]))
        return 1;
    return strpbrk(s, ",\"\r\n") != NULL;
}

/* The field in quotes. libcsv doubles the quotes inside one that holds
 * some, into room for the worst case (every byte a doubled quote, and the
 * two around) so that it is called once; one without any, the usual case
 * (a context snippet with a comma), needs only the two around it. */
static void append_quoted(sl_buf *row, const char *s, size_t n)
{
    if (!memchr(s, '"', n)) {
        sl_buf_putc(row, '"');
        sl_buf_append(row, s, n);
        sl_buf_putc(row, '"');
        return;
    }
    size_t room = 2 * n + 2;
    if (sl_buf_reserve(row, room) != 0)
        return;
    row->len += csv_write(row->data + row->len, room, s, n);
    row->data[row->len] = '\0';
}

solieu_status solieu_csv_write_row(solieu_csv_writer *w, const char *const *fields, size_t n)
{
    if (w->status != SOLIEU_OK)
        return w->status;
    sl_buf *row = &w->row;
    row->len = 0;
    if ((w->flags & SOLIEU_CSV_EXCEL) && !w->wrote_bom) {
        sl_buf_append(row, "\xEF\xBB\xBF", 3);
        w->wrote_bom = 1;
    }
    for (size_t i = 0; i < n; i++) {
        const char *s = fields[i] ? fields[i] : "";
        size_t len = strlen(s);
        if (i)
            sl_buf_putc(row, ',');
        if (needs_quotes(s, len))
            append_quoted(row, s, len);
        else
            sl_buf_append(row, s, len);
    }
    if (w->flags & SOLIEU_CSV_EXCEL)
        sl_buf_putc(row, '\r');
    sl_buf_putc(row, '\n');
    if (row->failed) {
        w->status = SOLIEU_ERR_NOMEM;
        return w->status;
    }
    if (fwrite(row->data, 1, row->len, w->stream) != row->len || ferror(w->stream))
        w->status = SOLIEU_ERR_IO;
    return w->status;
}

solieu_status solieu_csv_writer_status(const solieu_csv_writer *w)
{
    return w->status;
}

void solieu_csv_writer_destroy(solieu_csv_writer *w)
{
    if (!w)
        return;
    sl_buf_free(&w->row);
    free(w);
}

char *solieu_format_integer(long long value, char *buf, size_t size)
{
    /* digits written backwards: printf's parsing costs more than the number */
    char digits[24];
    size_t n = 0;
    unsigned long long mag =
        value < 0 ? 0ULL - (unsigned long long)value : (unsigned long long)value;
    do {
        digits[n++] = (char)('0' + mag % 10);
        mag /= 10;
    } while (mag);
    if (value < 0)
        digits[n++] = '-';
    if (size == 0)
        return buf;
    size_t k = 0;
    for (; k < n && k + 1 < size; k++)
        buf[k] = digits[n - 1 - k];
    buf[k] = '\0';
    return buf;
}

char *solieu_format_number(double value, char *buf, size_t size)
{
    if (!isfinite(value)) {
        snprintf(buf, size, "%s", "");
        return buf;
    }
    double mag = fabs(value);
    if (mag < 1e15 && value == floor(value)) {
        /* a whole number, the usual case: its digits, as "%.0f" gives them */
        return solieu_format_integer((long long)value, buf, size);
    }
    /* %.10g can switch to exponent form; print fixed and trim zeros. */
    int decimals = 10;
    if (mag >= 1)
        decimals = 10 - (int)floor(log10(mag)) - 1;
    if (decimals < 0)
        decimals = 0;
    if (decimals > 10)
        decimals = 10;
    snprintf(buf, size, "%.*f", decimals, value);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *end = buf + strlen(buf) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    if (strcmp(buf, "-0") == 0)
        snprintf(buf, size, "0");
    return buf;
}
