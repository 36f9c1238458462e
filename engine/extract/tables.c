/* Facts from markdown tables. A column counts what its header says, by the
 * column rules (rules/vi/columns.rules); in a table whose columns are years
 * a row counts what its label says, by the same rules. A row counts for the
 * organisation its label names ("Đảng bộ huyện An Lão"), else for the
 * report's; a year in the header or as the row's label is the period. Only
 * cells that are a number and nothing else are figures. */
#define _GNU_SOURCE /* memrchr */
#include <stdlib.h>
#include <string.h>

#include <solieu/limits.h>
#include <solieu/number.h>

#include "document/tables.h"
#include "extract/extract_internal.h"

/* The column rule that names a header cell: the highest priority whose
 * pattern matches it, the first written on a tie, among those of `unit`
 * when one is given; NULL when none does. */
static const sl_rule *column_rule_of_unit(solieu_extractor *ex, const char *text, size_t len,
                                          const char *unit)
{
    const pcre2_code *any = ex->rules->any_column;
    if (any && pcre2_match(any, (PCRE2_SPTR)text, len, 0, 0, ex->md, ex->mc) < 0)
        return NULL; /* no column rule names it (or a limit: then none is sure) */
    const sl_rule *best = NULL;
    for (size_t i = 0; i < sl_rules_kind_count(ex->rules, SL_RULE_COLUMN); i++) {
        const sl_rule *r = sl_rules_of_kind(ex->rules, SL_RULE_COLUMN, i);
        if ((!best || r->priority > best->priority) &&
            (!unit || (r->unit && strcmp(r->unit, unit) == 0)) &&
            sl_match(ex, r, r->code, text, len, 0, 0) >= 0)
            best = r;
    }
    return best;
}

/* Whether a column's rule names only what is counted ("Tổ chức đảng",
 * "Đảng viên"), not what was done: the rules' lowest tier (see
 * columns.rules). */
enum { COUNTS_ONLY_PRIORITY = 10 };
static int counts_only(const sl_rule *r)
{
    return r->priority <= COUNTS_ONLY_PRIORITY;
}

/* Whether a rule other than `chosen`, of its unit and of another metric,
 * also names text (a caption of several things: "Số đảng viên, kết quả
 * kết nạp và xếp loại"). */
static int names_another(solieu_extractor *ex, const char *text, size_t len, const sl_rule *chosen)
{
    for (size_t i = 0; i < sl_rules_kind_count(ex->rules, SL_RULE_COLUMN); i++) {
        const sl_rule *r = sl_rules_of_kind(ex->rules, SL_RULE_COLUMN, i);
        if (r != chosen && r->unit && chosen->unit && strcmp(r->unit, chosen->unit) == 0 &&
            strcmp(r->metric, chosen->metric) != 0 && !counts_only(r) &&
            sl_match(ex, r, r->code, text, len, 0, 0) >= 0)
            return 1;
    }
    return 0;
}

static const sl_rule *column_rule(solieu_extractor *ex, const char *text, size_t len)
{
    return column_rule_of_unit(ex, text, len, NULL);
}

/* The noun a label names ("Tổng số tổ chức cơ sở đảng được đánh giá":
 * tổ chức cơ sở đảng), by the column rules that count one; NULL when none
 * does. */
static const char *noun_named(solieu_extractor *ex, const char *text, size_t len)
{
    const sl_rule *best = NULL;
    for (size_t i = 0; i < sl_rules_kind_count(ex->rules, SL_RULE_COLUMN); i++) {
        const sl_rule *r = sl_rules_of_kind(ex->rules, SL_RULE_COLUMN, i);
        if ((!best || r->priority > best->priority) && r->unit && strcmp(r->unit, "%") != 0 &&
            sl_match(ex, r, r->code, text, len, 0, 0) >= 0)
            best = r;
    }
    return best ? best->unit : NULL;
}

static int is_group_rule(const sl_rule *r)
{
    return r && strcmp(r->metric, SL_METRIC_INHERIT) == 0;
}

/* The rule a row's label names; a group's label ("Trong đó: công nhân") is
 * none of its own: the row breaks down the one above it. */
static const sl_rule *row_label_rule(solieu_extractor *ex, const char *text, size_t len)
{
    const sl_rule *r = column_rule(ex, text, len);
    return is_group_rule(r) ? NULL : r;
}

static int is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

/* The year a header cell or a row label names ("Năm 2022", "2022"), or 0. */
static int year_in(const char *s, size_t len)
{
    int found = 0;
    for (size_t i = 0; i + 4 <= len; i++) {
        int digits = 1;
        for (size_t k = 0; k < 4; k++)
            digits &= s[i + k] >= '0' && s[i + k] <= '9';
        if (!digits || (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9') ||
            (i + 4 < len && s[i + 4] >= '0' && s[i + 4] <= '9'))
            continue;
        int y =
            (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 + s[i + 3] - '0';
        if (y < 1930 || y > 2100 || found)
            return 0; /* none, or two: a range is not one year */
        found = y;
    }
    return found;
}

/* The months of its year a header cell names before the year ("11 tháng
 * năm 2025", "6 tháng đầu năm 2026", "6 tháng cuối năm 2025", "Quý
 * III/2025"), as "2025-01/2025-11" into out; "" when it names none. */
static void months_in(const char *s, size_t len, int year, char *out, size_t size)
{
    static const char months_word[] = " th\xC3\xA1ng";  /* " tháng" */
    static const char quarter_word[] = "Qu\xC3\xBD "; /* "Quý " */
    static const char last_word[] = " cu\xE1\xBB\x91i";  /* " cuối" */
    static const char *const quarters[] = {"IV", "III", "II", "I"};
    out[0] = '\0';
    for (size_t i = 0; i < len; i++) {
        if (is_digit(s[i]) && (i == 0 || !is_digit(s[i - 1]))) {
            int n = 0;
            size_t k = i;
            while (k < len && is_digit(s[k]) && n < 100)
                n = n * 10 + (s[k++] - '0');
            if (n >= 1 && n <= 11 && len - k >= sizeof months_word - 1 &&
                memcmp(s + k, months_word, sizeof months_word - 1) == 0) {
                /* "6 tháng cuối năm": the last months */
                size_t after = k + sizeof months_word - 1;
                int last = len - after >= sizeof last_word - 1 &&
                           memcmp(s + after, last_word, sizeof last_word - 1) == 0;
                snprintf(out, size, "%d-%02d/%d-%02d", year % 10000, last ? 13 - n : 1,
                         year % 10000, last ? 12 : n);
                return;
            }
        }
        if (len - i > sizeof quarter_word - 1 &&
            memcmp(s + i, quarter_word, sizeof quarter_word - 1) == 0) {
            size_t at = i + sizeof quarter_word - 1;
            for (int q = 0; q < 4; q++) {
                size_t n = strlen(quarters[q]);
                if (len - at >= n && memcmp(s + at, quarters[q], n) == 0 &&
                    (at + n == len || s[at + n] == '/' || s[at + n] == ' ')) {
                    int first = 3 * (4 - q) - 2;
                    snprintf(out, size, "%d-%02d/%d-%02d", year % 10000, first, year % 10000,
                             first + 2);
                    return;
                }
            }
        }
    }
}

/* The month a row's label names ("Tháng 3", "tháng 03/2024") of `year`
 * (unless the label gives its own), as "2024-03" into out; the months of a
 * quarter or of "6 tháng" as months_in reads them; "" when it names none. */
static void row_months(const char *s, size_t len, int year, char *out, size_t size)
{
    static const char month_word[] = "h\xC3\xA1ng "; /* "[Tt]háng " */
    out[0] = '\0';
    size_t i = 0;
    while (i < len && s[i] == ' ')
        i++;
    if (len - i > sizeof month_word && (s[i] == 'T' || s[i] == 't') &&
        memcmp(s + i + 1, month_word, sizeof month_word - 1) == 0) {
        size_t k = i + sizeof month_word;
        int month = 0;
        while (k < len && is_digit(s[k]) && month < 100)
            month = month * 10 + (s[k++] - '0');
        int own = k + 5 <= len && s[k] == '/' ? year_in(s + k + 1, 4) : 0;
        if (own)
            year = own;
        if (month >= 1 && month <= 12 && year)
            sl_period_format(year * 12L + month - 1, year * 12L + month - 1, out, size);
        return;
    }
    if (year)
        months_in(s, len, year, out, size);
}

/* The range of years a header cell names ("Kết nạp (2017 - 2023)"), as
 * "2017/2023" into out; "" when it names none or one. */
static void range_in(const char *s, size_t len, char *out, size_t size)
{
    out[0] = '\0';
    int years[2], n = 0;
    for (size_t i = 0; i + 4 <= len && n <= 2; i++) {
        int y = year_in(s + i, 4);
        if (!y || (i > 0 && is_digit(s[i - 1])) || (i + 4 < len && is_digit(s[i + 4])))
            continue;
        if (n < 2)
            years[n] = y;
        n++;
        i += 3;
    }
    if (n == 2 && years[0] < years[1])
        snprintf(out, size, "%d/%d", years[0], years[1]);
}

/* A cell that is a figure and nothing else: "4.215", "2,99", "96,5%",
 * "32/38", "05". */
static int cell_figure(const char *s, size_t len, solieu_number *num)
{
    if (!len || s[0] < '0' || s[0] > '9')
        return 0;
    return solieu_number_parse(s, len, num) == SOLIEU_OK && !num->from_words &&
           num->consumed == len;
}

/* A cell's figure with its change noted after it ("64 (tăng 03)", "55
 * (giảm 01)"): the figure, s[0, *figure_len); 0 when the cell is not so. */
static int figure_with_change(const char *s, size_t len, solieu_number *num, size_t *figure_len)
{
    static const char *const changes[] = {"t\xC4\x83ng", "gi\xE1\xBA\xA3m", "+", "-"};
    if (!len || s[0] < '0' || s[0] > '9' || s[len - 1] != ')')
        return 0;
    const char *open = memchr(s, '(', len);
    if (!open || open == s || open[-1] != ' ')
        return 0;
    size_t n = (size_t)(open - 1 - s);
    if (!cell_figure(s, n, num))
        return 0;
    for (size_t k = 0; k < sizeof changes / sizeof changes[0]; k++) {
        size_t w = strlen(changes[k]);
        if ((size_t)(s + len - open - 1) > w && strncmp(open + 1, changes[k], w) == 0) {
            *figure_len = n;
            return 1;
        }
    }
    return 0;
}

static int by_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Whether a fact of the text starts in [from, to) (starts: sorted). */
static int taken(const size_t *starts, size_t n, size_t from, size_t to)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (starts[mid] < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && starts[lo] < to;
}

enum { NAME_BYTES = 512 }; /* room for a column's name */

typedef struct table_ctx {
    solieu_extractor *ex;
    const solieu_document *doc;
    solieu_facts *facts;
    const size_t *taken;
    size_t ntaken;
    /* sl_table_cell: spans whose text facts are none: cells that number a
     * table's rows, the change noted after a cell's figure ("(tăng 03)") */
    sl_vec unread_spans;
    sl_lead_period_fn lead_period;
    void *lead_ctx;
    int report_year; /* the year the report is of, 0 when unknown */
    /* what the current row's label counts ("Chi bộ cơ sở": chi bộ cơ sở),
     * for a column rule that names no noun of its own ("HTXSNV" of the
     * organisations rated); NULL outside a table's rows */
    const char *row_noun;
    int oom;
} table_ctx;

/* Whether a cell holds a row's number: one to three digits and nothing
 * else. */
static int row_number_cell(const char *text, const sl_table_cell *cell)
{
    size_t n = cell->end - cell->start;
    if (n == 0 || n > 3)
        return 0;
    for (size_t i = cell->start; i < cell->end; i++)
        if (text[i] < '0' || text[i] > '9')
            return 0;
    return 1;
}

/* Drops the facts the text rules read in the cells that number a table's
 * rows ("1\tĐảng bộ Sở Y tế\t612" is no "1 đảng bộ") and in the changes
 * noted after cells' figures. */
static void drop_unread_spans(table_ctx *c)
{
    sl_vec *facts = &c->facts->facts;
    size_t kept = 0;
    for (size_t i = 0; i < facts->len; i++) {
        const solieu_fact *f = sl_vec_at(facts, i);
        int unread = 0;
        for (size_t k = 0; k < c->unread_spans.len && !unread; k++) {
            const sl_table_cell *span = sl_vec_at(&c->unread_spans, k);
            unread = f->text_start >= span->start && f->text_start < span->end;
        }
        if (!unread)
            *(solieu_fact *)sl_vec_at(facts, kept++) = *f;
    }
    facts->len = kept;
}

/* A figure at text[start, end) of a 1-based line: `rule` says what it
 * counts; a share ("96,5%") is a percent, a fraction ("48/52") the units
 * that have what the rule counts. */
/* The paragraph a figure at `offset` belongs to: its line's, or for a cell
 * on a line of markup alone ("<td>7</td>", a cell a line) the nearest
 * paragraph above it (the table's lead), else below; (size_t)-1 when the
 * document has none. Every fact has a paragraph: attribution and checks
 * index by it. */
static size_t paragraph_of(const solieu_document *doc, size_t offset)
{
    size_t own = sl_document_paragraph_at(doc, offset);
    if (own != (size_t)-1)
        return own;
    size_t above = sl_document_paragraph_above(doc, offset);
    if (above != (size_t)-1)
        return above;
    size_t line = solieu_document_line_of(doc, offset, NULL); /* 1-based: the next line's index */
    for (size_t k = line; k < doc->line_count; k++)
        if (doc->line_paragraph[k] != (size_t)-1)
            return doc->line_paragraph[k];
    return (size_t)-1;
}

static void add_figure(table_ctx *c, size_t start, size_t end, const solieu_number *num,
                       const sl_rule *rule, const char *period, const char *entity,
                       const char *qualifier)
{
    const char *text = c->doc->text;
    solieu_facts *facts = c->facts;
    size_t paragraph = paragraph_of(c->doc, start);
    if (paragraph == (size_t)-1)
        return; /* a document of markup alone */
    solieu_fact *f = sl_vec_push(&facts->facts);
    if (!f) {
        c->oom = 1;
        return;
    }
    memset(f, 0, sizeof *f);
    f->doc = c->doc->name;
    f->path = c->doc->path;
    f->text_start = start;
    f->text_end = end;
    f->line = solieu_document_line_of(c->doc, start, &f->column);
    f->byte_start = solieu_document_original_offset(c->doc, start);
    f->byte_end = solieu_document_original_offset(c->doc, end);
    f->text = sl_facts_keep(facts, sl_strndup(text + start, end - start), &c->oom);
    f->value = num->value;
    f->denominator = num->denominator;
    f->has_denominator = num->has_denominator;
    f->approx = "";
    /* a share under a rule of counts is a plain share, or of the
     * collectives so rated the share of cells ("Chi bộ hoàn thành tốt
     * nhiệm vụ trở lên | 84,9%"); a rate's rule keeps its metric */
    int share = num->percent && !(rule->unit && strcmp(rule->unit, "%") == 0);
    f->unit = share ? "%" : rule->unit ? rule->unit : c->row_noun ? c->row_noun : "";
    f->metric = !share                                              ? rule->metric
                : strcmp(rule->metric, "reviewed_collectives") == 0 ? "cell_rating_share"
                                                                    : "percent";
    if (!share && num->has_denominator)
        f->metric = "units_with";
    f->qualifier = qualifier ? qualifier : rule->qualifier ? rule->qualifier : "";
    f->period = sl_facts_keep(facts, sl_strdup(period), &c->oom);
    f->footnote = c->doc->line_footnote[f->line - 1];
    f->scope =
        f->footnote ? sl_facts_keep(facts, sl_printf("footnote:%d", f->footnote), &c->oom) : "body";
    f->entity = entity ? entity : facts->entity ? facts->entity : "";
    f->rule = rule->id;
    /* the cell's own line (an HTML row may spread its cells over lines) */
    size_t line_start = c->doc->line_starts[f->line - 1];
    size_t line_end = f->line < c->doc->line_count ? c->doc->line_starts[f->line] : c->doc->len;
    f->context = sl_facts_keep(facts,
                               sl_context_snippet(text + line_start, line_end - line_start,
                                                  start - line_start, end - line_start,
                                                  SOLIEU_CONTEXT_BYTES),
                               &c->oom);
    f->paragraph = paragraph;
}

static int is_share(const sl_rule *rule)
{
    return rule->unit && strcmp(rule->unit, "%") == 0;
}

/* A share written with a decimal dot ("45.0", "93.75") in a column of
 * shares, where a dot before one or two digits groups no thousands. */
static int dotted_share(const char *s, size_t len, solieu_number *num)
{
    size_t dot = 0;
    while (dot < len && s[dot] >= '0' && s[dot] <= '9')
        dot++;
    if (dot == 0 || dot > 3 || dot == len || s[dot] != '.' || len - dot - 1 < 1 ||
        len - dot - 1 > 2)
        return 0;
    for (size_t i = dot + 1; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    memset(num, 0, sizeof *num);
    num->value = strtod(s, NULL); /* digits and a dot: the C locale's own */
    num->consumed = len;
    num->decimals = (int)(len - dot - 1);
    return 1;
}

/* A change written with its sign ("+15,3", "-55,6", "−12,0"): the
 * figure, negative after a minus. */
static int signed_figure(const char *s, size_t len, solieu_number *num)
{
    static const char minus_sign[] = "\xE2\x88\x92"; /* − */
    size_t sign = len > 1 && (s[0] == '+' || s[0] == '-')                                      ? 1
                  : len > 3 && memcmp(s, minus_sign, sizeof minus_sign - 1) == 0 ? sizeof minus_sign - 1
                                                                                 : 0;
    if (!sign || !cell_figure(s + sign, len - sign, num) || num->has_denominator)
        return 0;
    if (s[0] != '+')
        num->value = -num->value;
    num->consumed = len;
    return 1;
}

static void add_cell(table_ctx *c, const sl_table_row *row, const sl_table_cell *cell,
                     const sl_rule *rule, const char *period, const char *entity,
                     const char *qualifier)
{
    solieu_number num;
    const char *s = c->doc->text + cell->start;
    size_t len = cell->end - cell->start;
    /* (a signed count is a change, no figure of what its row counts) */
    size_t figure_len = len;
    if ((cell_figure(s, len, &num) ||
         (is_share(rule) && (dotted_share(s, len, &num) || signed_figure(s, len, &num))) ||
         figure_with_change(s, len, &num, &figure_len)) &&
        !taken(c->taken, c->ntaken, cell->start, cell->start + figure_len)) {
        add_figure(c, cell->start, cell->start + figure_len, &num, rule, period, entity, qualifier);
        sl_table_cell *change = figure_len < len ? sl_vec_push(&c->unread_spans) : NULL;
        if (change) {
            *change = *cell;
            change->start = cell->start + figure_len;
        } else if (figure_len < len) {
            c->oom = 1;
        }
    }
}

/* Whether a table's first row names columns under the header's groups
 * ("| Đảng viên | | Kết nạp | |" over "| Tổng số | Trong đó nữ | Kế
 * hoạch | Thực hiện |"): no figure in it, figures in the row after. */
static int has_subheader(const char *text, const sl_table *table)
{
    if (table->rows.len < 2)
        return 0;
    for (size_t r = 0; r < 2; r++) {
        const sl_table_row *row = sl_vec_at(&table->rows, r);
        int figures = 0;
        solieu_number num;
        for (size_t k = 0; k < row->cells.len; k++) {
            const sl_table_cell *cell = sl_vec_at(&row->cells, k);
            figures += cell_figure(text + cell->start, cell->end - cell->start, &num);
        }
        if ((r == 0) == (figures > 0))
            return 0;
    }
    return 1;
}

/* Column k's name: its header cell, or with a subheader the group over it
 * (the nearest header cell at or left of k that is not empty) and its
 * subheader cell, "Kết nạp năm 2024 Thực hiện", into out. */
static void column_name(const char *text, const sl_table *table, int subheader, size_t k, char *out,
                        size_t size)
{
    const sl_vec *head = &table->header.cells;
    size_t g = k;
    while (subheader && g > 0 &&
           ((const sl_table_cell *)sl_vec_at(head, g))->end ==
               ((const sl_table_cell *)sl_vec_at(head, g))->start)
        g--;
    const sl_table_cell *group = sl_vec_at(head, g);
    int n = snprintf(out, size, "%.*s", (int)(group->end - group->start), text + group->start);
    const sl_table_row *sub = subheader ? sl_vec_at(&table->rows, 0) : NULL;
    if (sub && k < sub->cells.len && n >= 0 && (size_t)n < size) {
        const sl_table_cell *cell = sl_vec_at(&sub->cells, k);
        if (cell->end > cell->start)
            snprintf(out + n, size - (size_t)n, " %.*s", (int)(cell->end - cell->start),
                     text + cell->start);
    }
}

/* Whether a cell has a capital letter after its first word: a proper
 * name ("Chi bộ La Bông", "Huyện ủy Krông Suối"). */
static int capital_after_first_word(const char *text, const sl_table_cell *cell)
{
    size_t i = cell->start;
    while (i < cell->end && text[i] != ' ')
        i++;
    while (i < cell->end) {
        int32_t cp;
        size_t n = sl_utf8_next(text + i, cell->end - i, &cp);
        if (i > cell->start && text[i - 1] == ' ' && sl_cp_case(cp) == SL_CASE_UPPER)
            return 1;
        i += n ? n : 1;
    }
    return 0;
}

/* How many of a row's cells are figures. */
static size_t row_figures(const char *text, const sl_table_row *row)
{
    size_t n = 0;
    solieu_number num;
    for (size_t k = 0; k < row->cells.len; k++) {
        const sl_table_cell *cell = sl_vec_at(&row->cells, k);
        n += cell_figure(text + cell->start, cell->end - cell->start, &num);
    }
    return n;
}

/* Whether some row has a figure in column k (not a column of names). */
static int column_has_figures(const char *text, const sl_table *table, size_t k)
{
    solieu_number num;
    for (size_t r = 0; r < table->rows.len; r++) {
        const sl_table_row *row = sl_vec_at(&table->rows, r);
        if (k >= row->cells.len)
            continue;
        const sl_table_cell *cell = sl_vec_at(&row->cells, k);
        if (cell_figure(text + cell->start, cell->end - cell->start, &num))
            return 1;
    }
    return 0;
}

/* A share column's rule read with what names what it is a share of: the
 * two columns before it ("Chỉ tiêu kết nạp | Đã kết nạp | Tỷ lệ (%)"), or
 * a row's label and the column before ("Hoàn thành tốt nhiệm vụ | Số chi bộ
 * | Tỷ lệ (%)"); that rule when it outranks the share column's own, NULL
 * otherwise. */
static const sl_rule *share_in_context(table_ctx *c, const char *label, size_t len,
                                       const char *before, const char *name, const sl_rule *rule)
{
    char joined[3 * NAME_BYTES + 8];
    int n = snprintf(joined, sizeof joined, "%.*s | %s | %s", (int)len, label, before, name);
    if (n < 0 || (size_t)n >= sizeof joined)
        return NULL;
    const sl_rule *r = column_rule(c->ex, joined, (size_t)n);
    return r && r->priority > rule->priority && is_share(r) ? r : NULL;
}

/* The rule for a row's label and a column's name read together ("Đảng
 * viên" under "HTXSNV" reads "đảng viên hoàn thành xuất sắc nhiệm vụ":
 * members rated), when it names other than the row alone; NULL when none
 * does. */
/* words[0, len) and a column's name as one text, "words column", into
 * out; its length, 0 when the name is empty or they do not fit. */
static size_t read_together(const char *words, size_t len, const char *column, char *out,
                            size_t size)
{
    size_t n = strlen(column);
    if (!n || len + 1 + n >= size)
        return 0;
    memcpy(out, words, len);
    out[len] = ' ';
    memcpy(out + len + 1, column, n + 1);
    return len + 1 + n;
}

static const sl_rule *rule_with_row(table_ctx *c, const char *label, size_t label_len,
                                    const char *column, const sl_rule *row_rule)
{
    char both[2 * NAME_BYTES];
    size_t n = read_together(label, label_len, column, both, sizeof both);
    const sl_rule *r = n ? column_rule(c->ex, both, n) : NULL;
    return r && r != row_rule && (!row_rule || strcmp(r->metric, row_rule->metric) != 0) ? r : NULL;
}

/* A column that names only what is counted, under words that name what
 * was done to it: its row's label ("Kết luận có vi phạm") or the table's
 * caption ("Bảng 1. Kiểm tra tổ chức đảng, đảng viên khi có dấu hiệu vi
 * phạm"). The rule that reads both together and counts the same thing (of
 * the column rule's unit), when more specific than the column alone and,
 * when `sole`, the only one that does (a caption may name several things);
 * the column's rule otherwise. */
static const sl_rule *activity_of(table_ctx *c, const char *words, size_t len, const char *column,
                                  const sl_rule *column_rule, int sole)
{
    char both[2 * NAME_BYTES];
    size_t n = counts_only(column_rule) && column_rule->unit
                   ? read_together(words, len, column, both, sizeof both)
                   : 0;
    const sl_rule *r = n ? column_rule_of_unit(c->ex, both, n, column_rule->unit) : NULL;
    if (!r || r->priority <= column_rule->priority)
        return column_rule;
    return sole && names_another(c->ex, both, n, r) ? column_rule : r;
}

/* A row's rule read with the columns right of its label that no rule names
 * (see rule_with_row): the first that names other than the row; NULL when
 * none does. */
static const sl_rule *row_with_columns(table_ctx *c, const sl_table *table, const sl_table_row *row,
                                       const sl_table_cell *label, size_t label_at,
                                       const sl_rule *const *rules, char (*names)[NAME_BYTES],
                                       const sl_rule *row_rule)
{
    const char *text = c->doc->text;
    for (size_t k = label_at + 1; k < row->cells.len && k < table->header.cells.len; k++) {
        if (rules[k])
            continue;
        const sl_rule *r =
            rule_with_row(c, text + label->start, label->end - label->start, names[k], row_rule);
        if (r)
            return r;
    }
    return NULL;
}

/* A group column's name as a qualifier: lower case, past "Trong đó" ("Trong
 * đó nữ" gives "nữ"); caller-owned, NULL when out of memory. */
static char *group_name(const char *name)
{
    static const char among[] = "trong \xC4\x91\xC3\xB3"; /* "trong đó" */
    char *lower = sl_utf8_lower(name, strlen(name));
    if (lower && strncmp(lower, among, sizeof among - 1) == 0) {
        size_t from = sizeof among - 1;
        while (lower[from] == ' ' || lower[from] == ':')
            from++;
        memmove(lower, lower + from, strlen(lower + from) + 1);
    }
    return lower;
}

/* The short line right above a table (blank lines aside), its caption
 * ("Bảng 1. Kiểm tra tổ chức đảng, đảng viên khi có dấu hiệu vi phạm"),
 * and its length; NULL when there is none. */
static const char *caption_of(const table_ctx *c, const sl_table *table, size_t *len)
{
    enum { MAX_CAPTION_BYTES = 240 };
    const solieu_document *doc = c->doc;
    if (!table->header.cells.len)
        return NULL;
    const sl_table_cell *first = sl_vec_at(&table->header.cells, 0);
    size_t k = sl_document_paragraph_above(doc, first->start);
    if (k == (size_t)-1)
        return NULL;
    const sl_paragraph *p = sl_vec_at(&doc->paragraphs, k);
    if (p->footnote || p->segment_len > MAX_CAPTION_BYTES)
        return NULL;
    *len = p->segment_len;
    return p->segment;
}

/* The unit a row's label names by its name alone under a header that says
 * its level ("Sì Lồ Phìn" under "Đảng bộ xã": "xã Sì Lồ Phìn"), read by the
 * entity rules from the header and the label together; NULL when they name
 * none, or when the header names more than one level ("Xã, thị trấn"). */
static char *entity_by_header(table_ctx *c, const sl_table_cell *header, const sl_table_cell *label)
{
    const char *text = c->doc->text;
    size_t hn = header->end - header->start, ln = label->end - label->start;
    if (!hn || memchr(text + header->start, ',', hn))
        return NULL;
    char *joined =
        sl_printf("%.*s %.*s", (int)hn, text + header->start, (int)ln, text + label->start);
    if (!joined)
        return NULL;
    char *entity = sl_entity_in(c->ex, joined, strlen(joined));
    free(joined);
    return entity;
}

/* Whether a column's name ends with a rating, abbreviated or in words
 * ("Kết quả xếp loại HTXSNV", "Hoàn thành tốt nhiệm vụ"), not a share of
 * one. */
static int names_a_rating(const char *name)
{
    static const char *const ratings[] = {
        "HTXSNV",
        "HTTNV",
        "HTNV",
        "KHTNV",
        "ho\xC3\xA0n th\xC3\xA0nh xu\xE1\xBA\xA5t s\xE1\xBA\xAF"
        "c nhi\xE1\xBB\x87m v\xE1\xBB\xA5", /* hoàn thành xuất sắc nhiệm vụ */
        "ho\xC3\xA0n th\xC3\xA0nh t\xE1\xBB\x91t nhi\xE1\xBB\x87m v\xE1\xBB\xA5", /* hoàn thành tốt
                                                                                     nhiệm vụ */
        "ho\xC3\xA0n th\xC3\xA0nh nhi\xE1\xBB\x87m v\xE1\xBB\xA5", /* hoàn thành nhiệm vụ */
    };
    size_t n = strlen(name);
    if (memchr(name, '%', n))
        return 0;
    for (size_t k = 0; k < sizeof ratings / sizeof ratings[0]; k++) {
        size_t w = strlen(ratings[k]);
        /* the first letter in either case: "Hoàn thành ...", "hoàn thành ..." */
        if (n >= w && memcmp(name + n - w + 1, ratings[k] + 1, w - 1) == 0 &&
            ((name[n - w] | 0x20) == (ratings[k][0] | 0x20)))
            return 1;
    }
    return 0;
}

static void table_facts(table_ctx *c, const sl_table *table)
{
    const char *text = c->doc->text;
    size_t ncols = table->header.cells.len;
    int subheader = has_subheader(text, table);
    /* rules[k]: what column k counts; counted[k]: what its header alone
     * names, before the caption says what was done to it */
    const sl_rule **rules = sl_calloc(2 * (ncols + 1), sizeof *rules);
    const sl_rule **counted = rules + ncols + 1;
    int *years = sl_calloc(ncols + 1, sizeof *years);
    if (!rules || !years) {
        free(rules);
        free(years);
        c->oom = 1;
        return;
    }
    /* the years the columns span: the period of a column of totals */
    int first_year = 0, last_year = 0;
    char(*names)[NAME_BYTES] = sl_calloc(ncols + 1, sizeof *names);
    if (!names) {
        free(rules);
        free(years);
        c->oom = 1;
        return;
    }
    size_t caption_len = 0;
    const char *caption = caption_of(c, table, &caption_len);
    /* the one thing the caption names, if it names one */
    const sl_rule *caption_rule = caption ? column_rule(c->ex, caption, caption_len) : NULL;
    if (caption_rule &&
        (counts_only(caption_rule) || is_share(caption_rule) || is_group_rule(caption_rule) ||
         names_another(c->ex, caption, caption_len, caption_rule)))
        caption_rule = NULL;
    for (size_t k = 0; k < ncols; k++) {
        char *name = names[k];
        column_name(text, table, subheader, k, name, NAME_BYTES);
        rules[k] = counted[k] = column_rule(c->ex, name, strlen(name));
        /* a share says what it is a share of by the columns before it:
         * "Chỉ tiêu kết nạp | Đã kết nạp | Tỷ lệ (%)" */
        if (rules[k] && is_share(rules[k]) && k >= 2) {
            const sl_rule *with_context = share_in_context(c, names[k - 2], strlen(names[k - 2]),
                                                           names[k - 1], name, rules[k]);
            if (with_context)
                rules[k] = with_context;
        }
        years[k] = year_in(name, strlen(name));
        if (years[k] && (!first_year || years[k] < first_year))
            first_year = years[k];
        if (years[k] > last_year)
            last_year = years[k];
    }
    /* what the caption says was done, for the columns that name only what
     * is counted, unless another column counts that already ("Kết quả kết
     * nạp đảng viên năm 2024" over "Số đảng viên | ... | Đã kết nạp") */
    for (size_t k = 0; caption && k < ncols; k++) {
        const sl_rule *done =
            rules[k] ? activity_of(c, caption, caption_len, names[k], rules[k], 1) : NULL;
        int told = 0;
        for (size_t j = 0; done && done != rules[k] && j < ncols; j++)
            told |= rules[j] && strcmp(rules[j]->metric, done->metric) == 0 &&
                    column_has_figures(text, table, j);
        if (done && !told)
            rules[k] = done;
    }
    /* the ratings' columns ("HTXSNV | HTTNV | ...", under "Kết quả xếp
     * loại" or not) beside a column of the count rated ("Số đảng viên được
     * xếp loại") split that count: they count what it counts */
    const sl_rule *rated_count = NULL;
    for (size_t k = 0; k < ncols && !rated_count; k++)
        if (rules[k] && (strcmp(rules[k]->metric, "reviewed_members") == 0 ||
                         strcmp(rules[k]->metric, "reviewed_collectives") == 0))
            rated_count = rules[k];
    for (size_t k = 0; rated_count && k < ncols; k++)
        if (!rules[k] && names_a_rating(names[k]))
            rules[k] = counted[k] = rated_count;
    char span[32] = "";
    if (first_year && last_year > first_year)
        snprintf(span, sizeof span, "%d/%d", first_year, last_year);
    /* the period the line that leads into the table names ("Kết quả xếp
     * loại chi bộ năm 2025:"), for the cells that name none */
    const sl_table_cell *first_header = ncols ? sl_vec_at(&table->header.cells, 0) : NULL;
    const char *lead =
        c->lead_period && first_header ? c->lead_period(c->lead_ctx, first_header->start) : "";
    /* the year of the rows that name a month or a quarter alone: the
     * lead's, else one the caption names ("... theo tháng, năm 2024"),
     * else the report's */
    int table_year = *lead ? atoi(lead) : 0;
    for (size_t i = 0; !table_year && caption && i + 4 <= caption_len; i++)
        if (!(i > 0 && is_digit(caption[i - 1])) &&
            !(i + 4 < caption_len && is_digit(caption[i + 4])))
            table_year = year_in(caption + i, 4);
    if (!table_year)
        table_year = c->report_year;
    /* a table of ratings: rows of what is rated under columns of the
     * ratings ("Đảng viên | 3.752 | 571" under "Tổng số | HTXSNV"); its
     * figures are of the rating's year, stocks too (cells rated in 2025) */
    int rated_table = 0;
    for (size_t r = subheader ? 1 : 0; r < table->rows.len && !rated_table; r++) {
        const sl_table_row *row = sl_vec_at(&table->rows, r);
        const sl_table_cell *label = sl_table_row_label(text, row);
        if (!label || capital_after_first_word(text, label))
            continue;
        size_t label_at = (size_t)(label - (const sl_table_cell *)row->cells.items);
        const sl_rule *row_rule =
            row_label_rule(c->ex, text + label->start, label->end - label->start);
        rated_table = row_rule && row_with_columns(c, table, row, label, label_at, rules, names,
                                                   row_rule) != NULL;
    }
    const sl_rule *above = NULL; /* the rule of the last row a rule names */
    int above_names_unit = 0;   /* and whether that row names a unit */
    for (size_t r = subheader ? 1 : 0; r < table->rows.len && !c->oom; r++) {
        const sl_table_row *row = sl_vec_at(&table->rows, r);
        /* a first column no rule names, of small numbers: the rows' numbers */
        if (!rules[0] && !years[0] && row->cells.len &&
            row_number_cell(text, sl_vec_at(&row->cells, 0))) {
            sl_table_cell *slot = sl_vec_push(&c->unread_spans);
            if (!slot) {
                c->oom = 1;
                break;
            }
            *slot = *(const sl_table_cell *)sl_vec_at(&row->cells, 0);
        }
        const sl_table_cell *label = sl_table_row_label(text, row);
        const sl_rule *row_rule = NULL;
        c->row_noun = NULL;
        int row_year = 0;
        const char *kept = NULL, *qualifier = NULL;
        size_t label_at = label ? (size_t)(label - (const sl_table_cell *)row->cells.items) : 0;
        /* "Chi bộ La Bông" names a unit, "Đảng viên" what is counted */
        int names_a_unit = label && capital_after_first_word(text, label);
        int figures = row_figures(text, row);
        if (!figures)
            above = NULL; /* a section's heading row: "| **B. Đảng viên** | | |" */
        if (label) {
            row_rule = row_label_rule(c->ex, text + label->start, label->end - label->start);
            /* a row no rule names under one that some rule does breaks it
             * down ("Hoàn thành tốt nhiệm vụ" under "Số đảng viên được đánh
             * giá"): what that row counts */
            /* a total row adds up every row, not the last: it takes what
             * the caption names, and what a unit's row counts is no figure
             * of its own ("Chi bộ Tổ dân phố 2" over "Cộng") */
            int total_row = sl_table_cell_is_total(text, label);
            if (!row_rule && figures && !(total_row && (caption_rule || above_names_unit)))
                row_rule = above;
            else if (row_rule && figures) {
                above = row_rule;
                above_names_unit = names_a_unit;
            }
            c->row_noun = row_rule && !names_a_unit ? row_rule->unit : NULL;
            const sl_rule *rated =
                rated_table && row_rule && !names_a_unit
                    ? row_with_columns(c, table, row, label, label_at, rules, names, row_rule)
                    : NULL;
            if (rated)
                row_rule = rated; /* "Đảng viên" rated: members reviewed */
            row_year = year_in(text + label->start, label->end - label->start);
            char *entity = sl_entity_in(c->ex, text + label->start, label->end - label->start);
            if (!entity && label_at < table->header.cells.len)
                entity = entity_by_header(c, sl_vec_at(&table->header.cells, label_at), label);
            kept = entity ? sl_facts_keep(c->facts, entity, &c->oom) : NULL;
        } else if (row->cells.len) { /* a row labelled by its year alone: "| 2021 | 46 |" */
            const sl_table_cell *first = sl_vec_at(&row->cells, 0);
            row_year = year_in(text + first->start, first->end - first->start);
        }
        for (size_t k = 0; k < row->cells.len && k < ncols; k++) {
            /* a column named by its header; a column of a year or of a
             * range of years ("Nhiệm kỳ 2015 - 2020"), or the column that
             * totals the years, by the row */
            const sl_table_cell *h = sl_vec_at(&table->header.cells, k);
            int totals = !rules[k] && *span && sl_table_cell_is_total(text, h);
            char period[32] = "";
            if (totals)
                snprintf(period, sizeof period, "%s", span);
            else if (years[k]) {
                months_in(names[k], strlen(names[k]), years[k], period, sizeof period);
                if (!*period)
                    snprintf(period, sizeof period, "%d", years[k]);
            } else if (row_year)
                snprintf(period, sizeof period, "%d", row_year);
            else if (label && k > label_at &&
                     (row_months(text + label->start, label->end - label->start, table_year, period,
                                 sizeof period),
                      *period)) {
                /* a row of a month or a quarter ("Tháng 3", "Quý II") */
            } else {
                range_in(text + h->start, h->end - h->start, period, sizeof period);
                /* "Quý I", "6 tháng" with no year: of the year the table's
                 * lead names ("... 6 tháng đầu năm 2024"), else the report's */
                int year = *lead ? atoi(lead) : c->report_year;
                if (!*period && year && names[k][0])
                    months_in(names[k], strlen(names[k]), year, period, sizeof period);
            }
            /* a column no rule names right of the row's label, in a row a
             * rule names ("Đảng viên | 3.752 | 571 | 2.944" under "Tổng số
             * | HTXSNV | HTTNV"): what the row counts */
            int grouped = label && k > label_at && names[k][0] && !names_a_unit;
            const sl_rule *rule = rules[k]                                   ? rules[k]
                                  : years[k] || totals || *period || grouped ? row_rule
                                                                             : NULL;
            /* units down the rows, figures under headers that name no
             * metric ("Đơn vị | Quý III | 9 tháng"): what the caption says
             * they count ("Kết quả kết nạp đảng viên theo đơn vị:"), not
             * the units a row's label names ("Các đảng bộ phường"); a row
             * that names what the caption counts ("Tổng số đảng viên")
             * keeps its own */
            if (caption_rule && !rules[k] && k > label_at && h->end > h->start &&
                (!rule || (counts_only(rule) && rule->unit && caption_rule->unit &&
                           strcmp(rule->unit, caption_rule->unit) != 0)))
                rule = caption_rule;
            if (rule && rule == rules[k] && counted[k] && label && k > label_at && !names_a_unit) {
                /* what the row's label says was done outranks the caption */
                const sl_rule *by_row = activity_of(
                    c, text + label->start, label->end - label->start, names[k], counted[k], 0);
                if (by_row != counted[k])
                    rule = by_row;
            }
            const char *row_qualifier = NULL;
            if (is_group_rule(rule)) {
                /* "Trong đó nữ" right of "Kết nạp": a group of that count */
                size_t left = k;
                while (left > 0 && (!rules[left - 1] || is_share(rules[left - 1]) ||
                                    is_group_rule(rules[left - 1])))
                    left--;
                rule = left > 0 ? rules[left - 1] : NULL;
                if (rule)
                    row_qualifier = sl_facts_keep(c->facts, group_name(names[k]), &c->oom);
            }
            if (rule && label && k > 0 && is_share(rule)) {
                /* a row of a rating in a share column: "Hoàn thành tốt
                 * nhiệm vụ | Số chi bộ | Tỷ lệ (%)" is a share of cells so
                 * rated, by the rule for the row, the column before and
                 * this one together */
                const sl_rule *rated =
                    share_in_context(c, text + label->start, label->end - label->start,
                                     names[k - 1], names[k], rule);
                if (rated) {
                    rule = rated;
                    if (!qualifier)
                        qualifier = sl_facts_keep(
                            c->facts, sl_utf8_lower(text + label->start, label->end - label->start),
                            &c->oom);
                    row_qualifier = qualifier;
                }
            }
            /* what there is (members, cells) holds at the report's date, as
             * in the text */
            if (!*period && *lead && rule &&
                (rated_table || !sl_rules_metric_is_stock(c->ex->rules, rule->metric)))
                snprintf(period, sizeof period, "%s", lead);
            if (rule)
                add_cell(c, row, sl_vec_at(&row->cells, k), rule, period, kept, row_qualifier);
        }
    }
    c->row_noun = NULL;
    free(rules);
    free(years);
    free(names);
}

/* ---- labelled figures: "- Số đảng viên mới kết nạp: 125 đồng chí" ---- */

static int is_label_edge(char ch)
{
    return ch == '(' || ch == ';' || ch == ':';
}

/* Whether text[s, e) can label a figure: a letter, no number but a year
 * (or a date in parentheses: "Số đảng viên đầu kỳ (ngày 01/01/2026)"),
 * not too long. */
static int is_label(const char *text, size_t s, size_t e)
{
    int letter = 0, depth = 0;
    if (e <= s || e - s > 160)
        return 0;
    for (size_t i = s; i < e; i++) {
        depth += text[i] == '(' ? 1 : text[i] == ')' && depth > 0 ? -1 : 0;
        if (depth > 0)
            continue;
        if (is_digit(text[i])) {
            size_t run = i;
            while (run < e && is_digit(text[run]))
                run++;
            if (run - i != 4 || !year_in(text + i, 4))
                return 0;
            i = run - 1;
            continue;
        }
        letter |=
            (unsigned char)text[i] >= 0x80 || ((text[i] | 0x20) >= 'a' && (text[i] | 0x20) <= 'z');
    }
    return letter;
}

/* A lone "một" or "năm" is an article or a year's word, not a figure. */
static int lone_article(const char *s, size_t len, const solieu_number *num)
{
    return num->from_words && (num->value == 1 || num->value == 5) && !memchr(s, ' ', len);
}

/* Whether a span of time's word follows a figure at text[at] ("Xóa tên: 9
 * tháng xóa tên 8 đảng viên"): the figure is a duration or a period. */
static int time_word_at(const char *text, size_t at, size_t end)
{
    static const char *const words[] = {" th\xC3\xA1ng", " n\xC4\x83m", " ng\xC3\xA0y",
                                        " qu\xC3\xBD", " tu\xE1\xBA\xA7n"};
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t n = strlen(words[k]);
        if (at + n <= end && memcmp(text + at, words[k], n) == 0 &&
            (at + n == end || !((unsigned char)text[at + n] >= 0x80 ||
                                (text[at + n] >= 'a' && text[at + n] <= 'z'))))
            return 1;
    }
    return 0;
}

/* Every "label: figure" of one line, the label running back from the colon
 * to the line's start (past a bullet or a numbering) or to an open '(' or
 * a ';'. The colon may be one the reading put for a form's dot leaders
 * ("Tổng số đảng viên ........ 4.215"), so it is looked for in the scan
 * copy; a label's parenthesis ("Kết nạp (2021 - 2024)") belongs to it and
 * gives its figure the years it names. */
static void line_labels(table_ctx *c, size_t line)
{
    const char *text = c->doc->text, *scan = c->doc->scan;
    size_t start = c->doc->line_starts[line - 1];
    size_t end = line < c->doc->line_count ? c->doc->line_starts[line] : c->doc->len;
    size_t from = start;
    while (from < end && (text[from] == ' ' || text[from] == '\t' || text[from] == '-' ||
                          text[from] == '+' || text[from] == '*'))
        from++;
    if (from < end && text[from] == '|')
        return; /* a table's line */
    from = sl_past_numbering(text, from, end);
    for (const char *at = memchr(scan + from, ':', end - from); at && !c->oom;
         at = memchr(at + 1, ':', end - (size_t)(at + 1 - scan))) {
        size_t colon = (size_t)(at - scan);
        size_t ls = colon;
        while (ls > from && !is_label_edge(scan[ls - 1])) {
            if (scan[ls - 1] == ')') { /* a parenthesis closed within the label */
                const char *open = memrchr(scan + from, '(', ls - 1 - from);
                if (!open)
                    break;
                ls = (size_t)(open - scan);
                continue;
            }
            ls--;
        }
        while (ls < colon && (scan[ls] == ' ' || scan[ls] == '*'))
            ls++;
        size_t le = colon;
        while (le > ls && (scan[le - 1] == ' ' || scan[le - 1] == '*'))
            le--;
        size_t fs = colon + 1;
        while (fs < end && (scan[fs] == ' ' || scan[fs] == '*'))
            fs++;
        solieu_number num;
        if (!is_label(text, ls, le) || fs >= end ||
            solieu_number_parse(text + fs, end - fs, &num) != SOLIEU_OK || !num.consumed)
            continue;
        size_t fe = fs + num.consumed;
        if ((fe < end && !strchr(" \n,;.)*", text[fe])) ||
            (fe + 1 < end && text[fe] == '.' && is_digit(text[fe + 1])) ||
            lone_article(text + fs, fe - fs, &num) || time_word_at(text, fe, end))
            continue; /* "12/2023", "3a", "năm 2021", "0236.3845.217", "9 tháng": no figure */
        const sl_rule *rule = column_rule(c->ex, text + ls, le - ls);
        if (!rule || taken(c->taken, c->ntaken, fs, fe))
            continue;
        char period[16] = "";
        int year = year_in(text + ls, le - ls);
        range_in(text + ls, le - ls, period, sizeof period);
        if (year && !*period)
            snprintf(period, sizeof period, "%d", year);
        /* "Trong đó người dân tộc thiểu số: 42": a group, named so */
        char *group = NULL;
        if (is_group_rule(rule)) {
            char label[NAME_BYTES];
            snprintf(label, sizeof label, "%.*s", (int)(le - ls), text + ls);
            group = group_name(label);
        }
        c->row_noun = rule->unit ? NULL : noun_named(c->ex, text + ls, le - ls);
        add_figure(c, fs, fe, &num, rule, period, NULL,
                   group ? sl_facts_keep(c->facts, group, &c->oom) : NULL);
        c->row_noun = NULL;
    }
}

static int plain_share(const solieu_fact *f)
{
    return strcmp(f->metric, "percent") == 0;
}

/* Drops the text's plain shares and readings past their cells (facts [0,
 * before); across: one per fact) that a table read too (facts from
 * `before` on). */
static void drop_read_twice(table_ctx *c, size_t before, const unsigned char *across)
{
    sl_vec *facts = &c->facts->facts;
    size_t kept = 0;
    for (size_t i = 0; i < facts->len; i++) {
        const solieu_fact *f = sl_vec_at(facts, i);
        int twice = 0, yielded = i < before && (plain_share(f) || across[i]);
        for (size_t j = before; yielded && j < facts->len && !twice; j++)
            twice = ((const solieu_fact *)sl_vec_at(facts, j))->text_start == f->text_start;
        if (!twice)
            *(solieu_fact *)sl_vec_at(facts, kept++) = *f;
    }
    facts->len = kept;
}

/* Whether a text's fact stands alone in one of a row's cells and the
 * text's rules, which read a paragraph's lines as one, may have taken the
 * next cell's words for its noun: a tab or a '|' follows it ("4\tTổ 8 cũ
 * ..." read as "4 tổ"), or it ends its row and the table's next row
 * follows ("... 96,3" / "Đảng viên ... 5.216" read as "96,3 đảng viên"). */
static int reads_past_its_cell(const solieu_document *doc, const sl_table *table, size_t r,
                               const solieu_fact *f)
{
    enum { MIN_CELLS = 3 }; /* a form's "label   figure" rows name their own figures */
    const sl_table_row *row = sl_vec_at(&table->rows, r);
    if (row->cells.len < MIN_CELLS)
        return 0;
    for (size_t k = 0; k < row->cells.len; k++) {
        const sl_table_cell *cell = sl_vec_at(&row->cells, k);
        if (f->text_start != cell->start || f->text_end != cell->end)
            continue;
        size_t at = cell->end;
        while (at < doc->len && doc->text[at] == ' ')
            at++;
        if (at < doc->len && (doc->text[at] == '\t' || doc->text[at] == '|'))
            return k + 1 < row->cells.len;
        if (k + 1 < row->cells.len || r + 1 >= table->rows.len)
            return 0;
        const sl_table_row *next = sl_vec_at(&table->rows, r + 1);
        return next->line == row->line + 1 && at < doc->len && doc->text[at] == '\n';
    }
    return 0;
}

/* Where a table's row stands: the table and the row's index, by line. */
typedef struct row_place {
    const sl_table *table; /* NULL: no table's row on that line */
    size_t row;
} row_place;

/* The row of each line (1-based, line_count + 1 entries), one pass over
 * the tables; NULL when out of memory. */
static row_place *rows_by_line(const solieu_document *doc, const sl_vec *tables)
{
    row_place *at = sl_calloc(doc->line_count + 2, sizeof *at);
    for (size_t t = 0; at && t < tables->len; t++) {
        const sl_table *table = sl_vec_at(tables, t);
        for (size_t r = 0; r < table->rows.len; r++) {
            const sl_table_row *row = sl_vec_at(&table->rows, r);
            if (row->line <= doc->line_count)
                at[row->line] = (row_place){table, r};
        }
    }
    return at;
}

/* Marks the text's facts that may have read past their cells (across:
 * one per fact). */
static void mark_readings_past_cells(const solieu_document *doc, const row_place *rows,
                                     const sl_vec *facts, unsigned char *across)
{
    for (size_t i = 0; i < facts->len; i++) {
        const solieu_fact *f = sl_vec_at(facts, i);
        const row_place *place = f->line <= doc->line_count ? &rows[f->line] : NULL;
        across[i] = place && place->table && reads_past_its_cell(doc, place->table, place->row, f);
    }
}

int sl_table_facts(solieu_extractor *ex, const solieu_document *doc, solieu_facts *facts,
                   sl_lead_period_fn lead_period, void *lead_ctx, int report_year)
{
    if (!sl_rules_kind_count(ex->rules, SL_RULE_COLUMN))
        return 0;
    sl_vec tables;
    sl_vec_init(&tables, sizeof(sl_table));
    table_ctx c = {ex, doc, facts, NULL, 0, {0}, lead_period, lead_ctx, report_year, NULL, 0};
    sl_vec_init(&c.unread_spans, sizeof(sl_table_cell));
    if (sl_find_tables(doc, &tables) != 0)
        c.oom = 1;
    /* the text's facts take their cells, but for plain shares: a table
     * reads those with its row and column (a rate's metric, the column's
     * year) */
    size_t *starts = NULL, ntaken = 0, before = facts->facts.len;
    unsigned char *across = NULL;
    row_place *rows = NULL;
    if (!c.oom) {
        starts = sl_calloc(facts->facts.len + 1, sizeof *starts);
        across = sl_calloc(facts->facts.len + 1, 1);
        rows = rows_by_line(doc, &tables);
        c.oom = !starts || !across || !rows;
        if (!c.oom)
            mark_readings_past_cells(doc, rows, &facts->facts, across);
        for (size_t i = 0; !c.oom && i < facts->facts.len; i++) {
            const solieu_fact *f = sl_vec_at(&facts->facts, i);
            if (!plain_share(f) && !across[i])
                starts[ntaken++] = f->text_start;
        }
        if (starts)
            qsort(starts, ntaken, sizeof *starts, by_size);
        c.taken = starts;
        c.ntaken = ntaken;
    }
    for (size_t t = 0; t < tables.len && !c.oom; t++)
        table_facts(&c, sl_vec_at(&tables, t));
    if (!c.oom)
        drop_read_twice(&c, before, across);
    if (!c.oom && c.unread_spans.len)
        drop_unread_spans(&c);
    /* a table's rows are read as rows, not as "label: figure" lines (a
     * fixed-width table's dot leaders read as colons) */
    for (size_t line = 1; line <= doc->line_count && !c.oom; line++)
        if (!rows[line].table)
            line_labels(&c, line);
    sl_vec_free(&c.unread_spans);
    free(starts);
    free(across);
    free(rows);
    sl_tables_free(&tables);
    return c.oom ? -1 : 0;
}
