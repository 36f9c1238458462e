/* Tables: markdown ones (cells split on '|'), HTML ones that converters
 * leave ("<tr><td>Cấp tỉnh</td><td>46</td></tr>", a row a line) and ones
 * aligned with spaces, as OCR lays them out, or set apart by '|' with no
 * markdown rule under the header. */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "document/tables.h"
#include "util/bytes16.h"

/* Line k (0-based) of the document: [*start, *end), no '\n'. */
static void line_span(const solieu_document *doc, size_t k, size_t *start, size_t *end)
{
    *start = doc->line_starts[k];
    *end = sl_line_end(doc, k);
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t';
}

/* Where a table line's first '|' is (after indentation), or (size_t)-1. */
static size_t opening_pipe(const char *text, size_t start, size_t end)
{
    while (start < end && is_blank(text[start]))
        start++;
    return start < end && text[start] == '|' ? start : (size_t)-1;
}

/* Splits a table line into cells; -1 when out of memory, 1 when it is not
 * a table line. A '|' after a backslash belongs to its cell. */
static int split_cells(const char *text, size_t start, size_t end, sl_vec *cells)
{
    size_t at = opening_pipe(text, start, end);
    if (at == (size_t)-1)
        return 1;
    while (end > at + 1 && is_blank(text[end - 1]))
        end--;
    size_t cell = at + 1;
    for (size_t i = at + 1; i <= end; i++) {
        int boundary = i == end || (text[i] == '|' && text[i - 1] != '\\');
        if (!boundary)
            continue;
        if (i == end && cell == end)
            break; /* the line ends with '|' */
        size_t s = cell, e = i;
        /* spaces, and the emphasis of "**29.846**" or "_Tổng_" */
        while (s < e && (is_blank(text[s]) || text[s] == '*' || text[s] == '_'))
            s++;
        while (e > s && (is_blank(text[e - 1]) || text[e - 1] == '*' || text[e - 1] == '_'))
            e--;
        sl_table_cell *c = sl_vec_push(cells);
        if (!c)
            return -1;
        c->start = s;
        c->end = e;
        cell = i + 1;
    }
    return cells->len >= 2 ? 0 : 1;
}

/* "---", ":--:", "-----:": a cell of the line under the header. */
static int is_rule_cell(const char *text, const sl_table_cell *c)
{
    size_t dashes = 0;
    for (size_t i = c->start; i < c->end; i++) {
        if (text[i] == '-')
            dashes++;
        else if (text[i] != ':')
            return 0;
    }
    return dashes > 0;
}

static int is_rule_line(const char *text, const sl_vec *cells)
{
    for (size_t i = 0; i < cells->len; i++)
        if (!is_rule_cell(text, sl_vec_at(cells, i)))
            return 0;
    return 1;
}

static void row_free(sl_table_row *row)
{
    sl_vec_free(&row->cells);
}

void sl_tables_free(sl_vec *tables)
{
    for (size_t t = 0; t < tables->len; t++) {
        sl_table *table = sl_vec_at(tables, t);
        row_free(&table->header);
        for (size_t r = 0; r < table->rows.len; r++)
            row_free(sl_vec_at(&table->rows, r));
        sl_vec_free(&table->rows);
    }
    sl_vec_free(tables);
}

/* The row of line k, or 1 when line k is no table line; -1: out of memory. */
static int read_row(const solieu_document *doc, size_t k, sl_table_row *row)
{
    size_t start, end;
    line_span(doc, k, &start, &end);
    row->line = k + 1;
    sl_vec_init(&row->cells, sizeof(sl_table_cell));
    int rc = split_cells(doc->text, start, end, &row->cells);
    if (rc != 0)
        row_free(row);
    return rc;
}

/* Appends the cell [s, e) to row; frees the row and gives -1 when out of
 * memory. */
static int push_cell(sl_table_row *row, size_t s, size_t e)
{
    sl_table_cell *c = sl_vec_push(&row->cells);
    if (!c) {
        row_free(row);
        return -1;
    }
    c->start = s;
    c->end = e;
    return 0;
}

/* Reads line k as a row of a table under way: 0 and *row, 1 when the line
 * is none of its rows, 2 when it is a line of the table that holds no row
 * ("</thead>", "<tbody>"), -1 when out of memory. */
typedef int (*row_reader)(const solieu_document *doc, size_t k, void *ctx, sl_table_row *row);

static void rows_free(sl_vec *rows)
{
    for (size_t r = 0; r < rows->len; r++)
        row_free(sl_vec_at(rows, r));
    sl_vec_free(rows);
}

/* The rows from line `from` on while `read` takes them, into *rows: 0 with
 * two or more, 1 with fewer (none kept), -1 when out of memory. *end: the
 * first line after them. */
static int collect_rows(const solieu_document *doc, size_t from, row_reader read, void *ctx,
                        sl_vec *rows, size_t *end)
{
    sl_vec_init(rows, sizeof(sl_table_row));
    size_t j = from;
    for (; j < doc->line_count; j++) {
        sl_table_row row;
        int rc = read(doc, j, ctx, &row);
        if (rc < 0) {
            rows_free(rows);
            return -1;
        }
        if (rc == 2)
            continue;
        if (rc > 0)
            break;
        sl_table_row *slot = sl_vec_push(rows);
        if (!slot) {
            row_free(&row);
            rows_free(rows);
            return -1;
        }
        *slot = row;
    }
    *end = j;
    if (rows->len < 2) {
        rows_free(rows);
        return 1;
    }
    return 0;
}

/* ---- HTML tables: "<tr><td>...</td>...</tr>", a row a line --------------- */

/* Whether text[i..end) opens with the tag `name` ("<td", "</td"), in either
 * case, ending there or with attributes. */
static int tag_named(const char *text, size_t i, size_t end, const char *name)
{
    size_t n = strlen(name);
    if (i + n >= end)
        return 0;
    for (size_t k = 0; k < n; k++)
        if ((text[i + k] | 0x20) != (name[k] | 0x20))
            return 0;
    return text[i + n] == '>' || text[i + n] == ' ';
}

/* Cells' spans: "colspan" cells are followed by empty ones to fill their
 * columns; "rowspan" cells leave empty cells in the rows below, so that
 * every row has a cell a column ("<td rowspan=2>TT</td><td
 * colspan=4>Kết quả</td>" / "<td>HTXSNV</td>..." puts HTXSNV under
 * "Kết quả"). */
enum { HTML_MAX_COLUMNS = 64 };
typedef struct html_grid {
    unsigned char below[HTML_MAX_COLUMNS]; /* rows a cell above still spans, by column */
    unsigned char down[HTML_MAX_COLUMNS];  /* of the row being read, by cell: rows below spanned */
} html_grid;

static int html_cells(const solieu_document *doc, size_t start, size_t end, sl_table_row *row,
                      html_grid *grid);
static int place_in_grid(sl_table_row *row, html_grid *grid);

/* The row of line k if it is an HTML table row with two cells or more, or
 * 1; -1 when out of memory. A cell's bounds are trimmed of the tags and
 * spaces at its ends (the scan copy has the tags blanked). */
static int read_html_row(const solieu_document *doc, size_t k, void *ctx, sl_table_row *row)
{
    html_grid *grid = ctx;
    size_t start, end;
    line_span(doc, k, &start, &end);
    const char *text = doc->text;
    while (start < end && is_blank(text[start]))
        start++;
    static const char *const sections[] = {"<thead",  "</thead", "<tbody",
                                           "</tbody", "<tfoot",  "</tfoot"};
    for (size_t t = 0; t < sizeof sections / sizeof sections[0]; t++)
        if (tag_named(text, start, end, sections[t]))
            return 2;
    if (!tag_named(text, start, end, "<tr"))
        return 1;
    row->line = k + 1;
    sl_vec_init(&row->cells, sizeof(sl_table_cell));
    if (html_cells(doc, start, end, row, grid) != 0 || place_in_grid(row, grid) != 0) {
        row_free(row);
        return -1;
    }
    if (row->cells.len < 2) {
        row_free(row);
        return 1;
    }
    return 0;
}

/* The number an attribute of the tag text[i, close) gives ("colspan=\"4\""),
 * 1 when it has none (or an unlikely one). */
static int span_attribute(const char *text, size_t i, size_t close, const char *name)
{
    size_t n = strlen(name);
    for (size_t k = i; k + n < close; k++) {
        size_t m = 0;
        while (m < n && (text[k + m] | 0x20) == name[m])
            m++;
        if (m < n)
            continue;
        k += n;
        while (k < close && (text[k] == '=' || text[k] == '"' || text[k] == '\'' || text[k] == ' '))
            k++;
        int v = 0;
        while (k < close && text[k] >= '0' && text[k] <= '9' && v < 100)
            v = v * 10 + (text[k++] - '0');
        return v >= 1 && v < HTML_MAX_COLUMNS ? v : 1;
    }
    return 1;
}

/* Whether a cell of a row above still spans a column from `column` on. */
static int spanned_from(const html_grid *grid, size_t column)
{
    for (size_t c = column; c < HTML_MAX_COLUMNS; c++)
        if (grid->below[c])
            return 1;
    return 0;
}

/* Puts the row's cells in their columns: an empty cell where a cell of a
 * row above still spans (see html_grid); -1 when out of memory. */
static int place_in_grid(sl_table_row *row, html_grid *grid)
{
    if (!grid)
        return 0;
    sl_vec cells;
    sl_vec_init(&cells, sizeof(sl_table_cell));
    size_t at = row->cells.len ? ((sl_table_cell *)sl_vec_at(&row->cells, 0))->start : 0;
    size_t i = 0;
    for (size_t column = 0;
         column < HTML_MAX_COLUMNS && (i < row->cells.len || spanned_from(grid, column));
         column++) {
        sl_table_cell *c = sl_vec_push(&cells);
        if (!c) {
            sl_vec_free(&cells);
            return -1;
        }
        if (grid->below[column] || i == row->cells.len) {
            *c = (sl_table_cell){at, at}; /* under a cell above */
            if (grid->below[column])
                grid->below[column]--;
            continue;
        }
        *c = *(const sl_table_cell *)sl_vec_at(&row->cells, i);
        grid->below[column] = grid->down[i < HTML_MAX_COLUMNS ? i : 0];
        i++;
    }
    sl_vec_free(&row->cells);
    row->cells = cells;
    memset(grid->down, 0, sizeof grid->down);
    return 0;
}

/* The cells "<td>...</td>" of text[start, end) appended to row; -1 when
 * out of memory. */
static int html_cells(const solieu_document *doc, size_t start, size_t end, sl_table_row *row,
                      html_grid *grid)
{
    const char *text = doc->text, *scan = doc->scan;
    for (size_t i = start; i < end; i++) {
        if (!tag_named(text, i, end, "<td") && !tag_named(text, i, end, "<th"))
            continue;
        const char *open = memchr(text + i, '>', end - i);
        if (!open)
            break;
        size_t tag = i, s = (size_t)(open - text) + 1, e = s;
        int across = grid ? span_attribute(text, tag, s, "colspan") : 1;
        int down = grid ? span_attribute(text, tag, s, "rowspan") : 1;
        while (e < end && !tag_named(text, e, end, "</td") && !tag_named(text, e, end, "</th") &&
               !tag_named(text, e, end, "<td") && !tag_named(text, e, end, "<th"))
            e++;
        i = e;
        while (s < e && is_blank(scan[s]))
            s++;
        while (e > s && is_blank(scan[e - 1]))
            e--;
        if (grid && row->cells.len < HTML_MAX_COLUMNS)
            grid->down[row->cells.len] = (unsigned char)(down - 1);
        if (push_cell(row, s, e) != 0)
            return -1;
        for (int extra = 1; extra < across; extra++) /* the columns it spans */
            if (push_cell(row, e, e) != 0)
                return -1;
    }
    return 0;
}

/* Whether line k opens with the tag `name` (after indentation). */
static int line_opens_with(const solieu_document *doc, size_t k, const char *name)
{
    size_t start, end;
    line_span(doc, k, &start, &end);
    while (start < end && is_blank(doc->text[start]))
        start++;
    return tag_named(doc->text, start, end, name);
}

/* A row spread over lines, as converters also write them: "<tr>" alone on
 * line k, a cell or more a line, "</tr>". Into *row, with *next the line
 * after it; 1 when line k opens no such row, -1 when out of memory. */
static int read_html_block_row(const solieu_document *doc, size_t k, sl_table_row *row,
                               size_t *next, html_grid *grid)
{
    enum { MAX_ROW_LINES = 64 };
    size_t start, end;
    line_span(doc, k, &start, &end);
    if (!line_opens_with(doc, k, "<tr") || memmem(doc->text + start, end - start, "<td", 3) ||
        memmem(doc->text + start, end - start, "<th", 3))
        return 1;
    row->line = k + 1;
    sl_vec_init(&row->cells, sizeof(sl_table_cell));
    size_t j = k + 1;
    for (; j < doc->line_count && j <= k + MAX_ROW_LINES && !line_opens_with(doc, j, "</tr"); j++) {
        line_span(doc, j, &start, &end);
        if (html_cells(doc, start, end, row, grid) != 0) {
            row_free(row);
            return -1;
        }
    }
    if (place_in_grid(row, grid) != 0)
        return -1;
    if (j == doc->line_count || !line_opens_with(doc, j, "</tr") || row->cells.len < 2) {
        row_free(row);
        return 1;
    }
    *next = j + 1;
    return 0;
}

/* An HTML table whose rows are spread over lines, the first (its header)
 * opening at line k; 1 when there is none, -1 when out of memory. */
static int read_html_blocks(const solieu_document *doc, size_t k, sl_table *table, size_t *last)
{
    size_t next;
    html_grid grid = {{0}, {0}};
    int rc = read_html_block_row(doc, k, &table->header, &next, &grid);
    if (rc != 0)
        return rc;
    sl_vec_init(&table->rows, sizeof(sl_table_row));
    sl_table_row row;
    while (next < doc->line_count &&
           (rc = read_html_block_row(doc, next, &row, &next, &grid)) == 0) {
        sl_table_row *slot = sl_vec_push(&table->rows);
        if (!slot) {
            row_free(&row);
            rc = -1;
            break;
        }
        *slot = row;
    }
    if (rc < 0 || table->rows.len < 2) {
        row_free(&table->header);
        rows_free(&table->rows);
        return rc < 0 ? -1 : 1;
    }
    *last = next - 1;
    return 0;
}

/* The HTML table whose first row (its header) is line k: its rows while
 * they run on, two at least; 1 when there is none, -1 when out of memory. */
static int read_html(const solieu_document *doc, size_t k, sl_table *table, size_t *last)
{
    sl_table_row header;
    html_grid grid = {{0}, {0}};
    int rc = read_html_row(doc, k, &grid, &header);
    if (rc > 0)
        return read_html_blocks(doc, k, table, last);
    if (rc != 0)
        return rc;
    size_t end;
    rc = collect_rows(doc, k + 1, read_html_row, &grid, &table->rows, &end);
    if (rc != 0) {
        row_free(&header);
        return rc;
    }
    table->header = header;
    *last = end - 1;
    return 0;
}

/* ---- tables aligned with spaces, as OCR lays them out ------------------
 *
 *                      Tổ chức đảng      Đảng viên
 *    Quý I/2024             03              12
 *
 * Cells are set apart by three spaces or more (or a tab). A header line
 * (no figure) is followed by two rows or more with a figure each, with as
 * many cells as the header or one more (the rows' labels, unnamed). */

/* Splits text[start, end) at each `separator` into cells, empty ones too
 * but an empty last one unless `keep_last` ("a | b |" has two cells; the
 * tab-separated "2\tKhu phố 2\t47\t" four, its empty note cell under
 * the header's); -1: out of memory. */
/* What a cell's text is trimmed of: blanks, emphasis ("**47**"), and
 * between tabs a '|' a scan left ("6 |"). */
static int is_cell_edge(char c, char separator)
{
    return is_blank(c) || c == '*' || c == '_' || (separator == '\t' && c == '|');
}

static int split_at(const char *text, size_t start, size_t end, char separator, int keep_last,
                    sl_table_row *row)
{
    size_t cell = start;
    for (size_t i = start; i <= end; i++) {
        if (i < end && text[i] != separator)
            continue;
        size_t s = cell, e = i;
        while (s < e && is_cell_edge(text[s], separator))
            s++;
        while (e > s && is_cell_edge(text[e - 1], separator))
            e--;
        if ((i < end || s < e || keep_last) && push_cell(row, s, e) != 0)
            return -1;
        cell = i + 1;
    }
    return 0;
}

/* Whether a line sets its cells apart by tabs alone (as a spreadsheet
 * copies them): a tab in it, and no run of three spaces. */
static int tab_separated(const char *text, size_t start, size_t end)
{
    if (!memchr(text + start, '\t', end - start))
        return 0;
    for (size_t i = start; i + 2 < end; i++)
        if (text[i] == ' ' && text[i + 1] == ' ' && text[i + 2] == ' ')
            return 0;
    return 1;
}

/* Whether a line sets its cells apart by semicolons, as a spreadsheet
 * saved as text does ("1;Kết nạp đảng viên mới;24;17;70,8"): two or more,
 * none followed by a space (prose puts one after its semicolons). */
static int semicolon_separated(const char *text, size_t start, size_t end)
{
    size_t n = 0;
    for (const char *p = memchr(text + start, ';', end - start); p;
         p = memchr(p + 1, ';', end - (size_t)(p + 1 - text))) {
        if (p + 1 < text + end && (p[1] == ' ' || p[1] == '\t'))
            return 0;
        n++;
    }
    return n >= 2;
}

/* Whether dots that lead to the next column open at text[i]: a space and
 * two dots or more ("Đảng viên ....... 5.216 ...... 5.067"), as a
 * fixed-width summary table sets its columns apart. */
static int leader_at(const char *text, size_t i, size_t len)
{
    return i + 2 < len && text[i] == ' ' && text[i + 1] == '.' && text[i + 2] == '.';
}

/* Whether text[start, end) has two leaders or more: a row of columns, not
 * a form's "label ...... figure" (read as "label: figure"). */
static int leaders_set_columns(const char *text, size_t start, size_t end)
{
    size_t n = 0;
    for (size_t i = start; i < end && n < 2; i++)
        if (leader_at(text, i, end)) {
            n++;
            i += 2;
            while (i + 1 < end && text[i + 1] == '.')
                i++;
        }
    return n >= 2;
}

/* Splits line k into cells at runs of three spaces, tabs or leaders, or at '|';
 * -1: out of memory. */
static int split_aligned_at(const solieu_document *doc, size_t k, size_t min_gap,
                            sl_table_row *row);

static int split_aligned(const solieu_document *doc, size_t k, sl_table_row *row)
{
    return split_aligned_at(doc, k, 3, row);
}

/* Line k's cells, set apart by runs of `min_gap` spaces or more (or a tab). */
static int split_aligned_at(const solieu_document *doc, size_t k, size_t min_gap, sl_table_row *row)
{
    size_t start, end;
    line_span(doc, k, &start, &end);
    const char *text = doc->text;
    row->line = k + 1;
    sl_vec_init(&row->cells, sizeof(sl_table_cell));
    /* a line whose cells '|' sets apart, without the markdown's opening
     * pipe ("1 | Huyện ủy Krông Suối | 12 | 31"); one a spreadsheet copied,
     * a tab between cells, empty cells kept so that every row has as many
     * as the header ("\tCộng\t413" has an empty first one) */
    if (tab_separated(text, start, end))
        return split_at(text, start, end, '\t', 1, row);
    if (semicolon_separated(text, start, end))
        return split_at(text, start, end, ';', 1, row);
    if (memchr(text + start, '|', end - start))
        return split_at(text, start, end, '|', 0, row);
    int leaders = leaders_set_columns(text, start, end);
    size_t i = start;
    while (i < end) {
        while (i < end && (is_blank(text[i]) || (leaders && text[i] == '.')))
            i++;
        if (i == end)
            break;
        size_t s = i;
        /* a cell runs to a gap of min_gap spaces, a tab or a leader */
        while (i < end && text[i] != '\t' && !(leaders && leader_at(text, i, end))) {
            size_t run = 0;
            while (i + run < end && text[i + run] == ' ' && run < min_gap)
                run++;
            if (run == min_gap)
                break;
            i += run ? run : 1;
        }
        size_t e = i;
        while (e > s && is_blank(text[e - 1]))
            e--;
        if (push_cell(row, s, e) != 0)
            return -1;
    }
    return 0;
}

/* Whether a cell is a figure: digits first, and only what numbers hold. */
static int figure_cell(const char *text, const sl_table_cell *c)
{
    if (c->end == c->start || text[c->start] < '0' || text[c->start] > '9')
        return 0;
    for (size_t i = c->start; i < c->end; i++)
        if (!strchr("0123456789.,/% ", text[i]))
            return 0;
    return 1;
}

static size_t figures_in(const char *text, const sl_table_row *row)
{
    size_t n = 0;
    for (size_t k = 0; k < row->cells.len; k++)
        n += figure_cell(text, sl_vec_at(&row->cells, k));
    return n;
}

/* Whether a cell names a year or two ("2024", "2025/2024"): a header's,
 * not a figure. */
static int year_cell(const char *text, const sl_table_cell *c)
{
    size_t n = c->end - c->start;
    const char *t = text + c->start;
    int one = n == 4 && (t[0] == '1' || t[0] == '2') && strspn(t, "0123456789") >= 4;
    int two = n == 9 && (t[4] == '/' || t[4] == '-') && strspn(t, "0123456789") == 4 &&
              strspn(t + 5, "0123456789") == 4;
    return one || two;
}

/* The figures of a header line or its second line, years aside. */
static size_t header_figures(const char *text, const sl_table_row *row)
{
    size_t n = 0;
    for (size_t k = 0; k < row->cells.len; k++) {
        const sl_table_cell *c = sl_vec_at(&row->cells, k);
        n += figure_cell(text, c) && !year_cell(text, c);
    }
    return n;
}

/* The column of text[at] on the line that starts at line_start: its
 * characters before it (UTF-8 continuation bytes take none). */
static size_t column_of(const char *text, size_t line_start, size_t at)
{
    size_t column = 0;
    for (size_t i = line_start; i < at; i++)
        column += ((unsigned char)text[i] & 0xC0) != 0x80;
    return column;
}

/* A header's second line ("Đảng bộ   Chi bộ" over "cơ sở     cơ sở"),
 * its words set under the header cells they stand below (by their place
 * on the line), into *sub: as many cells as the header, empty ones where
 * none stands; 1 when line k is no such line, -1 when out of memory. */
static int header_second_line(const solieu_document *doc, size_t k, const sl_table_row *header,
                              sl_table_row *sub)
{
    sl_table_row words;
    if (split_aligned(doc, k, &words) != 0)
        return -1;
    const char *text = doc->text;
    if (!words.cells.len || words.cells.len > header->cells.len || header_figures(text, &words)) {
        row_free(&words);
        return 1;
    }
    size_t header_line = doc->line_starts[header->line - 1], line = doc->line_starts[k];
    size_t last = line; /* cells stand in order: an empty one where the one before ends */
    sub->line = k + 1;
    sl_vec_init(&sub->cells, sizeof(sl_table_cell));
    for (size_t h = 0; h < header->cells.len; h++) {
        const sl_table_cell *hc = sl_vec_at(&header->cells, h);
        size_t from = column_of(text, header_line, hc->start), to = (size_t)-1;
        /* the header cell's columns reach to the next one's */
        if (h + 1 < header->cells.len)
            to = column_of(text, header_line,
                           ((const sl_table_cell *)sl_vec_at(&header->cells, h + 1))->start);
        size_t s = last, e = last;
        for (size_t w = 0; w < words.cells.len; w++) {
            const sl_table_cell *wc = sl_vec_at(&words.cells, w);
            size_t ws = column_of(text, line, wc->start), we = column_of(text, line, wc->end);
            if (we > from && ws < to && s == e && wc->start >= last) {
                s = wc->start;
                e = wc->end;
            }
        }
        last = e;
        if (push_cell(sub, s, e) != 0) {
            row_free(&words);
            row_free(sub);
            return -1;
        }
    }
    row_free(&words);
    return 0;
}

/* The first tab, '|', leader or run of three spaces in text[from, len), or len.
 * Sixteen bytes at a time with SSE2: a report has few. */
static size_t next_gap(const char *text, size_t from, size_t len)
{
    size_t i = from;
#ifdef __SSE2__
    for (; i + 18 <= len; i += 16) {
        __m128i a = sl_load16(text + i), b = sl_load16(text + i + 1), c = sl_load16(text + i + 2);
        uint32_t m = (sl_mask_eq(a, ' ') & sl_mask_eq(b, ' ') & sl_mask_eq(c, ' ')) |
                     (sl_mask_eq(a, ' ') & sl_mask_eq(b, '.') & sl_mask_eq(c, '.')) |
                     sl_mask_eq(a, '\t') | sl_mask_eq(a, '|') |
                     (sl_mask_eq(a, ';') & ~sl_mask_eq(b, ' '));
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
#endif
    for (; i < len; i++)
        if (text[i] == '\t' || text[i] == '|' || leader_at(text, i, len) ||
            (i + 2 < len && text[i] == ' ' && text[i + 1] == ' ' && text[i + 2] == ' ') ||
            (text[i] == ';' && i + 1 < len && text[i + 1] != ' '))
            return i;
    return len;
}

/* Per line: whether it has a gap that sets cells apart (three spaces, a
 * tab, a '|' or, in a line of them, a semicolon, after its indentation).
 * One sweep over the text: gaps are rare. */
static unsigned char *gap_lines(const solieu_document *doc)
{
    unsigned char *gaps = sl_calloc(doc->line_count + 1, 1);
    const char *text = doc->text;
    for (size_t pos = next_gap(text, 0, doc->len); gaps && pos < doc->len;
         pos = next_gap(text, pos + 1, doc->len)) {
        size_t line = solieu_document_line_of(doc, pos, NULL) - 1, i = doc->line_starts[line];
        while (i < pos && is_blank(text[i]))
            i++;
        size_t end = line + 1 < doc->line_count ? doc->line_starts[line + 1] : doc->len;
        int leader = leader_at(text, pos, end) && !(pos + 2 < end && text[pos + 1] == ' ');
        if (i < pos && (text[pos] != ';' || semicolon_separated(text, i, end)) &&
            (!leader || leaders_set_columns(text, i, end))) {
            gaps[line] = 1; /* past the indentation */
            pos = end - 1;  /* the line's other gaps tell nothing more */
        }
    }
    return gaps;
}

/* A row of an aligned table `*ctx` cells wide (or one more, for the rows'
 * labels) with a figure. */
static int read_aligned_row(const solieu_document *doc, size_t k, void *ctx, sl_table_row *row)
{
    size_t width = *(const size_t *)ctx;
    if (split_aligned(doc, k, row) != 0)
        return -1;
    size_t n = row->cells.len;
    /* one cell more (the rows' labels) or one fewer (a total row without
     * its number) than the header */
    if (n + 1 < width || n > width + 1 || !figures_in(doc->text, row)) {
        row_free(row);
        return 1;
    }
    return 0;
}

/* Whether a row only numbers the columns ("A  B  1  2  3  4", "(1) (2)"):
 * single capitals and numbers that go up by one. */
static int numbers_columns(const char *text, const sl_table_row *row)
{
    int last = 0;
    for (size_t k = 0; k < row->cells.len; k++) {
        const sl_table_cell *c = sl_vec_at(&row->cells, k);
        size_t s = c->start, e = c->end;
        /* a column's formula after its number: "(6)=(5)/(4)" */
        const char *close = text[s] == '(' ? memchr(text + s, ')', e - s) : NULL;
        if (close && close + 1 < text + e && close[1] == '=')
            e = (size_t)(close - text) + 1;
        if (e > s + 1 && text[s] == '(' && text[e - 1] == ')')
            s++, e--;
        if (e == s + 1 && text[s] >= 'A' && text[s] <= 'Z')
            continue;
        int value = 0;
        for (size_t i = s; i < e; i++) {
            if (text[i] < '0' || text[i] > '9' || e - s > 2)
                return 0;
            value = value * 10 + (text[i] - '0');
        }
        if (e == s || (last && value != last + 1))
            return 0;
        last = value;
    }
    return last > 0;
}

/* An aligned table whose header is line k, into *table; 1 when there is
 * none, -1 when out of memory. *last is its last line (0-based). */
static int read_aligned(const solieu_document *doc, const unsigned char *gaps, size_t k,
                        sl_table *table, size_t *last)
{
    /* the rows follow, or a header's second line and then the rows (the
     * second line may hold a cell alone: "Tăng/giảm" over "2025/2024") */
    int rows_next = gaps[k + 1] || (k + 2 < doc->line_count && gaps[k + 2]);
    if (!gaps[k] || !rows_next ||
        opening_pipe(doc->text, doc->line_starts[k],
                     k + 1 < doc->line_count ? doc->line_starts[k + 1] : doc->len) != (size_t)-1)
        return 1;
    sl_table_row header;
    if (split_aligned(doc, k, &header) != 0)
        return -1;
    /* a header typed with narrower gaps than its rows ("Kiểm tra  Giám sát
     * Kỷ luật" over cells three spaces apart): split at two spaces when
     * that gives the first row's cells */
    sl_table_row first_row, narrow;
    if (split_aligned(doc, k + 1, &first_row) != 0) {
        row_free(&header);
        return -1;
    }
    /* (one cell more is the rows' unnamed labels, unless the narrow split
     * names every cell: "Khối   Đảng viên  Đảng phí thu   Nộp cấp trên") */
    if (first_row.cells.len > header.cells.len) {
        if (split_aligned_at(doc, k, 2, &narrow) != 0) {
            row_free(&header);
            row_free(&first_row);
            return -1;
        }
        if (narrow.cells.len > header.cells.len &&
            (first_row.cells.len > header.cells.len + 1
                 ? narrow.cells.len <= first_row.cells.len
                 : narrow.cells.len == first_row.cells.len)) {
            row_free(&header);
            header = narrow;
        } else {
            row_free(&narrow);
        }
    }
    row_free(&first_row);
    size_t width = header.cells.len;
    if (width < 2 || header_figures(doc->text, &header)) {
        row_free(&header);
        return 1;
    }
    /* a header over two lines: the second is the table's first row, a
     * subheader (extract/tables.c reads a column's name from both) */
    sl_table_row sub;
    int second =
        k + 2 < doc->line_count && gaps[k + 2] ? header_second_line(doc, k + 1, &header, &sub) : 1;
    if (second < 0) {
        row_free(&header);
        return -1;
    }
    size_t j;
    int rc =
        collect_rows(doc, second == 0 ? k + 2 : k + 1, read_aligned_row, &width, &table->rows, &j);
    if (rc != 0)
        goto fail; /* collect_rows kept no rows */

    /* a row that numbers the columns is the header's, not a row of figures */
    sl_table_row *numbering = sl_vec_at(&table->rows, 0);
    if (numbers_columns(doc->text, numbering)) {
        row_free(numbering);
        memmove(numbering, numbering + 1, (table->rows.len - 1) * sizeof *numbering);
        table->rows.len--;
        rc = 1;
        if (table->rows.len < 2)
            goto fail_rows;
    }
    rc = -1; /* from here on, only memory can fail */
    /* rows one cell wider: their labels' column has no header */
    const sl_table_row *first = sl_vec_at(&table->rows, 0);
    if (first->cells.len == width + 1) {
        sl_table_cell *c = sl_vec_push(&header.cells);
        if (!c)
            goto fail_rows;
        memmove((sl_table_cell *)header.cells.items + 1, header.cells.items,
                width * sizeof(sl_table_cell));
        sl_table_cell *label = header.cells.items;
        label->start = label->end = doc->line_starts[k];
    }
    /* a row with fewer cells lacks its first ones (a total row without a
     * number: "    Cộng    24    612"): its cells stand under the last
     * headers; so does the header's second line */
    for (size_t r = 0; r <= table->rows.len; r++) {
        sl_table_row *row = r < table->rows.len ? sl_vec_at(&table->rows, r)
                            : second == 0       ? &sub
                                                : NULL;
        while (row && row->cells.len < header.cells.len) {
            if (!sl_vec_push(&row->cells))
                goto fail_rows;
            memmove((sl_table_cell *)row->cells.items + 1, row->cells.items,
                    (row->cells.len - 1) * sizeof(sl_table_cell));
            sl_table_cell *empty = row->cells.items;
            empty->start = empty->end = doc->line_starts[row->line - 1];
        }
    }
    /* the header's second line goes first */
    if (second == 0) {
        if (!sl_vec_push(&table->rows))
            goto fail_rows;
        memmove((sl_table_row *)table->rows.items + 1, table->rows.items,
                (table->rows.len - 1) * sizeof(sl_table_row));
        *(sl_table_row *)table->rows.items = sub;
    }
    table->header = header;
    *last = j - 1;
    return 0;

fail_rows:
    rows_free(&table->rows);
fail:
    if (second == 0)
        row_free(&sub);
    row_free(&header);
    return rc;
}

/* Appends a table found; frees it and gives -1 when out of memory. */
/* Whether two headers name the same columns, cell by cell. */
static int same_header(const char *text, const sl_table_row *a, const sl_table_row *b)
{
    if (a->cells.len != b->cells.len)
        return 0;
    for (size_t k = 0; k < a->cells.len; k++) {
        const sl_table_cell *x = sl_vec_at(&a->cells, k), *y = sl_vec_at(&b->cells, k);
        if (x->end - x->start != y->end - y->start ||
            memcmp(text + x->start, text + y->start, x->end - x->start) != 0)
            return 0;
    }
    return 1;
}

/* Appends a table, or, when it goes on the one before after a page break
 * (its header repeated a few lines below that table's last row), appends
 * its rows to that one: a total row below sums the rows above the break
 * too. */
static int push_table(const solieu_document *doc, sl_vec *tables, sl_table *table)
{
    enum { PAGE_BREAK_LINES = 6 };
    sl_table *last = tables->len ? sl_vec_at(tables, tables->len - 1) : NULL;
    const sl_table_row *last_row =
        last && last->rows.len ? sl_vec_at(&last->rows, last->rows.len - 1) : NULL;
    if (last_row && table->header.line > last_row->line &&
        table->header.line - last_row->line <= PAGE_BREAK_LINES &&
        same_header(doc->text, &last->header, &table->header)) {
        for (size_t k = 0; k < table->rows.len; k++) {
            sl_table_row *slot = sl_vec_push(&last->rows);
            if (!slot) {
                row_free(&table->header);
                rows_free(&table->rows);
                return -1;
            }
            *slot = *(sl_table_row *)sl_vec_at(&table->rows, k);
        }
        row_free(&table->header);
        sl_vec_free(&table->rows);
        return 0;
    }
    sl_table *slot = sl_vec_push(tables);
    if (!slot) {
        row_free(&table->header);
        rows_free(&table->rows);
        return -1;
    }
    *slot = *table;
    return 0;
}

/* Whether line k is a border of a grid table ("+-----+------+", "+====+"
 * under the header, as some converters draw tables). */
static int grid_border(const solieu_document *doc, size_t k)
{
    if (k >= doc->line_count)
        return 0;
    size_t start, end;
    line_span(doc, k, &start, &end);
    while (start < end && is_blank(doc->text[start]))
        start++;
    while (end > start && is_blank(doc->text[end - 1]))
        end--;
    if (end - start < 3 || doc->text[start] != '+' || doc->text[end - 1] != '+')
        return 0;
    for (size_t i = start; i < end; i++)
        if (!strchr("+-=:", doc->text[i]))
            return 0;
    return 1;
}

/* Whether line k opens a run of pipe rows: none stands right above it. */
static int opens_a_run(const solieu_document *doc, size_t k)
{
    sl_table_row above;
    int rc = k > 0 ? read_row(doc, k - 1, &above) : 1;
    if (rc == 0)
        row_free(&above);
    return rc > 0;
}

/* The 1-based line a table's last row (or its header) stands on. */
static size_t last_line_of(const sl_table *t)
{
    const sl_table_row *end = t->rows.len ? sl_vec_at(&t->rows, t->rows.len - 1) : &t->header;
    return end->line;
}

int sl_find_tables(const solieu_document *doc, sl_vec *tables)
{
    for (size_t k = 0; k + 1 < doc->line_count; k++) {
        sl_table_row header, rule;
        int rc = read_row(doc, k, &header);
        if (rc < 0)
            return -1;
        if (rc > 0)
            continue;
        /* a markdown table's header stands over its rule line; a grid
         * table's between two borders */
        int grid = k > 0 && grid_border(doc, k - 1) && grid_border(doc, k + 1);
        rc = grid ? 1 : read_row(doc, k + 1, &rule);
        int ruled = rc == 0 && is_rule_line(doc->text, &rule.cells);
        /* a converter may drop the rule line: a header of words over rows
         * of as many cells with figures, the first lines of their run */
        int headless = !grid && rc == 0 && !ruled && header.cells.len >= 3 &&
                       rule.cells.len == header.cells.len && !header_figures(doc->text, &header) &&
                       header_figures(doc->text, &rule) && opens_a_run(doc, k);
        int is_table = grid || ruled || headless;
        if (rc == 0)
            row_free(&rule);
        if (grid)
            rc = 0;
        if (!is_table) {
            row_free(&header);
            if (rc < 0)
                return -1;
            continue;
        }
        sl_table table = {header, {0}};
        sl_vec_init(&table.rows, sizeof(sl_table_row));
        /* a row of groups over the header, the rule line under the header
         * ("| Khối | Tổ chức cơ sở đảng | | Đảng viên | |" over "| | Năm
         * 2023 | Năm 2024 | Năm 2023 | Năm 2024 |"): the groups head the
         * table, the header is its first row (a subheader) */
        sl_table_row groups;
        if (!grid && k > 0 &&
            (!tables->len || last_line_of(sl_vec_at(tables, tables->len - 1)) < k)) {
            rc = read_row(doc, k - 1, &groups);
            if (rc < 0) {
                row_free(&header);
                return -1;
            }
            if (rc == 0 && groups.cells.len == header.cells.len &&
                !header_figures(doc->text, &groups) && !is_rule_line(doc->text, &groups.cells)) {
                sl_table_row *first = sl_vec_push(&table.rows);
                if (!first) {
                    row_free(&groups);
                    row_free(&header);
                    return -1;
                }
                *first = header;
                table.header = groups;
            } else if (rc == 0) {
                row_free(&groups);
            }
        }
        for (k += headless ? 1 : 2; k < doc->line_count; k++) {
            sl_table_row row;
            if (grid && grid_border(doc, k))
                continue; /* the border between two rows */
            rc = read_row(doc, k, &row);
            if (rc > 0)
                break;
            sl_table_row *slot = rc < 0 ? NULL : sl_vec_push(&table.rows);
            if (!slot) {
                if (rc == 0)
                    row_free(&row);
                row_free(&table.header);
                rows_free(&table.rows);
                return -1;
            }
            *slot = row;
        }
        if (push_table(doc, tables, &table) != 0)
            return -1;
    }
    /* then the HTML ones: a line that opens with "<tr" */
    for (size_t k = 0; k + 2 < doc->line_count; k++) {
        size_t start, end;
        line_span(doc, k, &start, &end);
        while (start < end && is_blank(doc->text[start]))
            start++;
        if (start == end || doc->text[start] != '<')
            continue;
        sl_table table;
        size_t last;
        int rc = read_html(doc, k, &table, &last);
        if (rc < 0)
            return -1;
        if (rc > 0)
            continue;
        if (push_table(doc, tables, &table) != 0)
            return -1;
        k = last;
    }
    /* then the aligned ones, away from the markdown and HTML ones */
    size_t markdown = tables->len;
    unsigned char *gaps = gap_lines(doc);
    if (!gaps)
        return -1;
    for (size_t k = 0; k + 2 < doc->line_count; k++) {
        int inside = 0;
        for (size_t t = 0; t < markdown && !inside; t++) {
            const sl_table *m = sl_vec_at(tables, t);
            const sl_table_row *end =
                m->rows.len ? sl_vec_at(&m->rows, m->rows.len - 1) : &m->header;
            inside = k + 1 >= m->header.line && k + 1 <= end->line;
        }
        if (inside)
            continue;
        sl_table table;
        size_t last;
        int rc = read_aligned(doc, gaps, k, &table, &last);
        if (rc < 0) {
            free(gaps);
            return -1;
        }
        if (rc > 0)
            continue;
        if (push_table(doc, tables, &table) != 0) {
            free(gaps);
            return -1;
        }
        k = last;
    }
    free(gaps);
    return 0;
}

const sl_table_cell *sl_table_row_label(const char *text, const sl_table_row *row)
{
    for (size_t k = 0; k < row->cells.len; k++) {
        const sl_table_cell *cell = sl_vec_at(&row->cells, k);
        for (size_t i = cell->start; i < cell->end; i++)
            if ((unsigned char)text[i] >= 0x80 ||
                ((text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z'))
                return cell;
    }
    return NULL;
}

int sl_table_cell_is_total(const char *text, const sl_table_cell *cell)
{
    /* lower case: "tổng", "cộng", "toàn " */
    static const char *const openings[] = {"t\xE1\xBB\x95ng", "c\xE1\xBB\x99ng", "to\xC3\xA0n "};
    utf8proc_uint8_t *lower = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)text + cell->start,
                                      (utf8proc_ssize_t)(cell->end - cell->start), &lower,
                                      UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE | UTF8PROC_STABLE);
    int total = 0;
    for (size_t k = 0; n > 0 && k < sizeof openings / sizeof openings[0] && !total; k++)
        total = (size_t)n >= strlen(openings[k]) &&
                memcmp(lower, openings[k], strlen(openings[k])) == 0;
    free(lower);
    return total;
}
