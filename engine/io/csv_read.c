/* CSV input on libcsv: the whole file becomes one table of NUL-terminated
 * strings in a single arena, so a table costs three allocations however many
 * cells it has.
 *
 * libcsv reports fields and rows but not lines, so the input is fed one
 * physical line at a time: the line being fed when a row's first non-blank
 * byte arrives is where that row starts, and the line being fed when libcsv
 * gives up is where the error is. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>
#include <solieu/csv.h>
#include <solieu/limits.h>

#include "util/util.h"

/* libcsv grows its field buffer by this much at a time (default 128). */
#define CSV_READ_BLOCK 4096u

typedef struct table_row {
    size_t first; /* index of the row's first field in field_off */
    size_t count;
    size_t line;
} table_row;

struct solieu_table {
    char *arena;       /* every field, each followed by a NUL */
    size_t *field_off; /* offset of each field in arena */
    table_row *rows;   /* rows[0] is the header */
    size_t n_rows;
};

typedef struct parse_ctx {
    sl_buf arena;
    sl_vec offs; /* size_t */
    sl_vec rows; /* table_row */
    size_t row_first;
    size_t row_line;
    int row_pending; /* the next non-blank line starts a new row */
    size_t line;     /* physical line being fed */
    solieu_status status;
    const char *why; /* static message when status != OK */
} parse_ctx;

/* libcsv's buffer is refused past the field cap, so a runaway quoted field
 * fails at the cap instead of at the end of memory. */
static void *capped_realloc(void *ptr, size_t size)
{
    if (size > (size_t)SOLIEU_MAX_CSV_FIELD_BYTES + 2 * CSV_READ_BLOCK)
        return NULL;
    return sl_realloc(ptr, size);
}

static void fail(parse_ctx *ctx, solieu_status status, const char *why)
{
    if (ctx->status == SOLIEU_OK) {
        ctx->status = status;
        ctx->why = why;
    }
}

static void on_field(void *s, size_t len, void *data)
{
    parse_ctx *ctx = data;
    if (ctx->status != SOLIEU_OK)
        return;
    if (len > SOLIEU_MAX_CSV_FIELD_BYTES) {
        fail(ctx, SOLIEU_ERR_TOO_BIG, "field exceeds the size limit");
        return;
    }
    /* Cells are handed out as C strings; an embedded NUL would cut them. */
    if (len && memchr(s, '\0', len)) {
        fail(ctx, SOLIEU_ERR_CSV, "NUL byte in a field");
        return;
    }
    size_t *off = sl_vec_push(&ctx->offs);
    if (!off || sl_buf_append(&ctx->arena, len ? s : "", len) != 0 ||
        sl_buf_putc(&ctx->arena, '\0') != 0) {
        fail(ctx, SOLIEU_ERR_NOMEM, "out of memory");
        return;
    }
    *off = ctx->arena.len - len - 1;
}

static void on_row(int c, void *data)
{
    (void)c;
    parse_ctx *ctx = data;
    if (ctx->status != SOLIEU_OK)
        return;
    table_row *row = sl_vec_push(&ctx->rows);
    if (!row) {
        fail(ctx, SOLIEU_ERR_NOMEM, "out of memory");
        return;
    }
    row->first = ctx->row_first;
    row->count = ctx->offs.len - ctx->row_first;
    row->line = ctx->row_line;
    ctx->row_first = ctx->offs.len;
    ctx->row_pending = 1;
}

/* Length of the physical line at s[0..len): up to and including "\n",
 * "\r\n" or a lone "\r". */
static size_t line_length(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n')
            return i + 1;
        if (s[i] == '\r')
            return (i + 1 < len && s[i + 1] == '\n') ? i + 2 : i + 1;
    }
    return len;
}

/* libcsv skips lines holding only spaces, tabs and line ends. */
static int is_blank(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

/* Returns the byte offset of the first invalid UTF-8 sequence, or len. */
static size_t utf8_invalid_at(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        size_t n;
        unsigned min;
        unsigned cp;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 2, min = 0x80, cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 3, min = 0x800, cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 4, min = 0x10000, cp = c & 0x07;
        } else {
            return i;
        }
        if (i + n > len)
            return i;
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n;
    }
    return len;
}

static char *located(const char *name, size_t line, const char *why)
{
    return sl_printf("%s:%zu: %s", name, line, why);
}

static void ctx_free(parse_ctx *ctx)
{
    sl_buf_free(&ctx->arena);
    sl_vec_free(&ctx->offs);
    sl_vec_free(&ctx->rows);
}

solieu_status solieu_table_parse(const char *name, const char *data, size_t len, solieu_table **out,
                                 char **error)
{
    *out = NULL;
    if (error)
        *error = NULL;
    if (!name)
        name = "<csv>";

    parse_ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    sl_buf_init(&ctx.arena, 0);
    sl_vec_init(&ctx.offs, sizeof(size_t));
    sl_vec_init(&ctx.rows, sizeof(table_row));
    ctx.row_pending = 1;
    ctx.line = 1;

    struct csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
        if (error)
            *error = located(name, 1, "out of memory");
        return SOLIEU_ERR_NOMEM;
    }
    csv_set_realloc_func(&parser, capped_realloc);
    csv_set_free_func(&parser, free);
    csv_set_blk_size(&parser, CSV_READ_BLOCK);

    solieu_status status = SOLIEU_OK;
    size_t err_line = 1;
    const char *why = NULL;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }

    size_t pos = 0;
    while (pos < len) {
        size_t n = line_length(data + pos, len - pos);
        const char *chunk = data + pos;
        if (utf8_invalid_at((const unsigned char *)chunk, n) != n) {
            status = SOLIEU_ERR_UTF8;
            why = "invalid UTF-8";
            err_line = ctx.line;
            goto cleanup;
        }
        if (ctx.row_pending && !is_blank(chunk, n)) {
            ctx.row_line = ctx.line;
            ctx.row_pending = 0;
        }
        size_t done = csv_parse(&parser, chunk, n, on_field, on_row, &ctx);
        if (ctx.status != SOLIEU_OK) {
            status = ctx.status;
            why = ctx.why;
            err_line = ctx.line;
            goto cleanup;
        }
        if (done != n) {
            int e = csv_error(&parser);
            err_line = ctx.line;
            if (e == CSV_EPARSE) {
                status = SOLIEU_ERR_CSV;
                why = "malformed quoting (a quote inside an unquoted field, or text after a "
                      "closing quote)";
            } else if (csv_get_buffer_size(&parser) >= SOLIEU_MAX_CSV_FIELD_BYTES) {
                status = SOLIEU_ERR_TOO_BIG;
                why = "field exceeds the size limit";
            } else {
                status = SOLIEU_ERR_NOMEM;
                why = "out of memory";
            }
            goto cleanup;
        }
        pos += n;
        ctx.line++;
    }
    if (csv_fini(&parser, on_field, on_row, &ctx) != 0) {
        status = SOLIEU_ERR_CSV;
        why = "unterminated quoted field";
        err_line = ctx.row_line ? ctx.row_line : 1;
        goto cleanup;
    }
    if (ctx.status != SOLIEU_OK) {
        status = ctx.status;
        why = ctx.why;
        err_line = ctx.line > 1 ? ctx.line - 1 : 1;
        goto cleanup;
    }
    if (ctx.rows.len == 0) {
        status = SOLIEU_ERR_CSV;
        why = "no header row";
        err_line = 1;
        goto cleanup;
    }

    solieu_table *t = sl_calloc(1, sizeof *t);
    char *arena = sl_buf_take(&ctx.arena);
    if (!t || !arena) {
        free(t);
        free(arena);
        status = SOLIEU_ERR_NOMEM;
        why = "out of memory";
        goto cleanup;
    }
    t->arena = arena;
    t->field_off = ctx.offs.items;
    t->rows = ctx.rows.items;
    t->n_rows = ctx.rows.len;
    sl_vec_init(&ctx.offs, sizeof(size_t)); /* ownership moved to t */
    sl_vec_init(&ctx.rows, sizeof(table_row));
    *out = t;

cleanup:
    csv_free(&parser);
    ctx_free(&ctx);
    if (status != SOLIEU_OK && error)
        *error = located(name, err_line, why);
    return status;
}

solieu_status solieu_table_read(const char *path, solieu_table **out, char **error)
{
    *out = NULL;
    if (error)
        *error = NULL;
    char *data = NULL;
    size_t len = 0;
    solieu_status status = sl_read_file_or_say(path, SOLIEU_MAX_DOCUMENT_BYTES, &data, &len, error);
    if (status != SOLIEU_OK)
        return status;
    status = solieu_table_parse(path, data, len, out, error);
    free(data);
    return status;
}

void solieu_table_destroy(solieu_table *table)
{
    if (!table)
        return;
    free(table->arena);
    free(table->field_off);
    free(table->rows);
    free(table);
}

size_t solieu_table_rows(const solieu_table *table)
{
    return table->n_rows - 1;
}

size_t solieu_table_columns(const solieu_table *table)
{
    return table->rows[0].count;
}

static const char *field(const solieu_table *table, size_t row_index, long column)
{
    if (row_index >= table->n_rows || column < 0)
        return "";
    const table_row *row = &table->rows[row_index];
    if ((size_t)column >= row->count)
        return "";
    return table->arena + table->field_off[row->first + (size_t)column];
}

const char *solieu_table_header(const solieu_table *table, size_t column)
{
    return field(table, 0, (long)column);
}

/* Header names compare after trimming and ASCII lower-casing, so "Doc " and
 * "doc" are one column. */
static int header_equals(const char *header, const char *name)
{
    while (sl_is_space((unsigned char)*header))
        header++;
    while (sl_is_space((unsigned char)*name))
        name++;
    size_t hl = strlen(header), nl = strlen(name);
    while (hl && sl_is_space((unsigned char)header[hl - 1]))
        hl--;
    while (nl && sl_is_space((unsigned char)name[nl - 1]))
        nl--;
    if (hl != nl)
        return 0;
    for (size_t i = 0; i < hl; i++) {
        unsigned char a = (unsigned char)header[i], b = (unsigned char)name[i];
        if (a >= 'A' && a <= 'Z')
            a = (unsigned char)(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z')
            b = (unsigned char)(b - 'A' + 'a');
        if (a != b)
            return 0;
    }
    return 1;
}

long solieu_table_column(const solieu_table *table, const char *name)
{
    size_t n = solieu_table_columns(table);
    for (size_t i = 0; i < n; i++)
        if (header_equals(solieu_table_header(table, i), name))
            return (long)i;
    return -1;
}

const char *solieu_table_cell(const solieu_table *table, size_t row, long column)
{
    return field(table, row + 1, column);
}

size_t solieu_table_row_line(const solieu_table *table, size_t row)
{
    return row + 1 < table->n_rows ? table->rows[row + 1].line : 0;
}
