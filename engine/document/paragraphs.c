/* Lines to paragraphs, and where the footnotes are.
 *
 * A PDF page break leaves the footnotes of a page in the middle of a body
 * paragraph: the paragraph stops mid-sentence, the footnote bodies follow
 * (the first opened by its marker, later lines continuing it), and the body
 * resumes with a line that starts in lower case. Lines are classified in one
 * pass with that in mind, then body lines that continue an open paragraph
 * (a resumption or a hard wrap) are joined into one logical paragraph. */
#include <stdlib.h>
#include <string.h>

#include "document/document_internal.h"
#include "document/markers.h"
#include "document/paragraphs.h"

enum line_kind { LINE_BLANK, LINE_TEXT, LINE_FOOTNOTE_START, LINE_DEBRIS };

typedef struct line_info {
    size_t start, end;
    enum line_kind kind;
    int footnote;      /* footnote number for footnote lines, else 0 */
    int starts_lower;  /* first letter is lower case: a continuation */
    int ends_open;     /* no sentence-final punctuation at the end */
    int ends_clause;   /* ends with ';' or ',': the sentence goes on */
    int ends_colon;    /* ends with ':' (a footnote's "năm 2021:" goes on) */
    int bullet;        /* which bullet opens it: 0 none, else BULLET_* */
    int heading;
    int table; /* a markdown table's row: complete, and never a footnote's */
    int page_number; /* debris that numbers a page: "2", "- 3 -" */
    int rule;        /* debris that draws a rule: "-----", "***" */
    int starts_figure; /* opens with a figure: "05 đồng chí còn lại ..." */
} line_info;

/* A zone of footnote bodies stops after this many lines without the body
 * resuming, so one misread marker cannot swallow a whole report. */
#define MAX_ZONE_LINES 30

static size_t skip_spaces(const char *s, size_t i, size_t end)
{
    while (i < end && (s[i] == ' ' || s[i] == '\t'))
        i++;
    return i;
}

/* Whether a line holds no text: blanked markup, a rule (*rule set), a
 * page's number (*page_number set). */
static int is_debris(const char *s, size_t start, size_t end, int *page_number, int *rule)
{
    *page_number = 0;
    *rule = 0;
    size_t i = skip_spaces(s, start, end);
    if (i == end)
        return 1; /* only blanked markup */
    int digits = 0, rules = 0;
    for (size_t k = i; k < end; k++) {
        char c = s[k];
        if (c >= '0' && c <= '9')
            digits++;
        else if (c == '-' || c == '=' || c == '_' || c == '*')
            rules++;
        else if (c != ' ')
            return 0; /* text */
    }
    if (!digits && rules >= 3) {
        *rule = 1; /* "-----" */
        return 1;
    }
    *page_number = digits && digits <= 4 && rules <= 2; /* "2", "- 3 -" */
    return *page_number;
}

/* Whether the line's first letter is lower case: a sentence that goes on.
 * A number first counts by the word after it ("120 chi bộ ..." and "41/46
 * buôn ..." go on, "2.1. Xây dựng" does not). */
static int first_letter_case(const char *s, size_t i, size_t end)
{
    int after_number = 0;
    /* an item's letter ("b) Củng cố ...") is no continuation's first word */
    size_t j = skip_spaces(s, i, end);
    if (j + 2 < end && s[j] >= 'a' && s[j] <= 'z' && s[j + 1] == ')' && s[j + 2] == ' ')
        i = j + 2;
    while (i < end) {
        int cp;
        size_t n = sl_utf8_decode(s + i, end - i, &cp);
        if (sl_cp_is_letter(cp))
            return sl_cp_is_lower(cp) ? 1 : 0;
        if ((cp >= '0' && cp <= '9') ||
            (after_number && (cp == '.' || cp == ',' || cp == '%' || cp == '/'))) {
            after_number = 1;
            i += n;
            continue;
        }
        if (after_number && cp != ' ')
            return 0;
        /* quotes, brackets, blanked markup: look past them */
        if (cp == ' ' || cp == '"' || cp == '\'' || cp == '(' || cp == 0x201C || cp == 0x201D ||
            cp == 0x2018 || cp == 0x2019 || cp == 0xAB)
            i += n;
        else
            return 0;
    }
    return 0;
}

static int ends_open(const char *s, size_t start, size_t end)
{
    size_t i = end;
    while (i > start) {
        /* step back one code point */
        size_t k = i - 1;
        while (k > start && ((unsigned char)s[k] & 0xC0) == 0x80)
            k--;
        int cp;
        sl_utf8_decode(s + k, i - k, &cp);
        if (cp == ' ' || cp == '"' || cp == '\'' || cp == ')' || cp == 0x201D || cp == 0x2019 ||
            cp == 0x21B4 /* ↴ */ || cp == 0xBB) {
            i = k;
            continue;
        }
        return !(cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ';' || cp == 0x2026);
    }
    return 0;
}

enum { BULLET_NONE, BULLET_HYPHEN, BULLET_PLUS, BULLET_DOT, BULLET_DASH };

static int is_bullet(const char *s, size_t start, size_t end)
{
    size_t i = skip_spaces(s, start, end);
    if (i + 1 < end && (s[i] == '-' || s[i] == '+') && s[i + 1] == ' ')
        return s[i] == '-' ? BULLET_HYPHEN : BULLET_PLUS;
    if (i + 3 < end && memcmp(s + i, "\xE2\x80\xA2", 3) == 0) /* • */
        return BULLET_DOT;
    if (i + 3 < end && memcmp(s + i, "\xE2\x80\x93", 3) == 0) /* – */
        return BULLET_DASH;
    return BULLET_NONE;
}

/* Whether s[from, end) ends a sentence inside it: a full stop after a
 * word, then a space and a capital letter. */
static int sentence_inside(const char *s, size_t from, size_t end)
{
    for (size_t i = from; i + 2 < end; i++) {
        int cp;
        if (s[i] == '.' && s[i + 1] == ' ' && i > from && !(s[i - 1] >= '0' && s[i - 1] <= '9') &&
            sl_utf8_decode(s + i + 2, end - i - 2, &cp) && sl_cp_case(cp) == SL_CASE_UPPER)
            return 1;
    }
    return 0;
}

static int is_heading(const solieu_document *doc, size_t start, size_t end)
{
    const char *s = doc->scan;
    size_t i = skip_spaces(doc->text, start, end);
    if (i < end && doc->text[i] == '#')
        return 1;
    if (end - start > 480)
        return 0;
    /* "IV.", "2.1.", "a)" numbering without a final full stop */
    size_t k = i;
    while (k < end && ((s[k] >= '0' && s[k] <= '9') || s[k] == '.' || s[k] == 'I' || s[k] == 'V' ||
                       s[k] == 'X' || s[k] == 'L'))
        k++;
    int numbered = k > i && k < end && (s[k - 1] == '.' || s[k] == ')') && (s[k] == ' ' || s[k] == ')');
    /* "b)", "đ)", unless a run-in heading goes on with its text ("a) Kiểm
     * tra: Ban Thường vụ ...") */
    size_t letter =
        (i < end && s[i] >= 'a' && s[i] <= 'z')                                           ? 1
        : (i + 1 < end && (unsigned char)s[i] == 0xC4 && (unsigned char)s[i + 1] == 0x91) ? 2
                                                                                          : 0;
    if (letter && i + letter + 1 < end && s[i + letter] == ')' && s[i + letter + 1] == ' ' &&
        !memchr(s + i, ':', end - i))
        numbered = 1;
    /* a numbered line that runs on after a sentence of its own ("1. Công
     * tác phát triển đảng viên. Các cấp ủy ...", wrapped) opens a
     * paragraph; one with a label's colon is a form's field ("1.1. Đảng
     * viên chính thức: ...... 1.109"), no heading */
    const char *text = doc->text, *colon = numbered ? memchr(text + k, ':', end - k) : NULL;
    if (numbered && ends_open(s, start, end) && !sentence_inside(s, k, end) &&
        !(colon && colon + 1 < text + end))
        return 1;
    /* a line in capitals: a title */
    size_t upper = 0, lower = 0;
    for (size_t p = i; p < end;) {
        unsigned char c = (unsigned char)s[p];
        if (c < 0x80) {
            upper += c >= 'A' && c <= 'Z';
            lower += c >= 'a' && c <= 'z';
            p++;
        } else {
            int cp;
            p += sl_utf8_decode(s + p, end - p, &cp);
            int letter_case = sl_cp_case(cp);
            upper += letter_case == SL_CASE_UPPER;
            lower += letter_case == SL_CASE_LOWER;
        }
        /* settled: not even capitals in every byte left would make it one */
        if (lower * 4 >= upper + (end - p))
            return 0;
    }
    return upper >= 4 && lower * 4 < upper;
}

/* Whether a tab parts text[from, end) (from: its first non-blank byte):
 * a spreadsheet's row ("Phường\t9\t3.287\t87"), which the next row does
 * not go on. */
static int has_inner_tab(const char *text, size_t from, size_t end)
{
    const char *tab = memchr(text + from, '\t', end - from);
    if (!tab)
        return 0;
    for (const char *c = tab; c < text + end; c++)
        if (*c != '\t' && *c != ' ' && *c != '\r')
            return 1;
    return 0;
}

/* Whether text[from, end) is a line of an HTML table a converter left
 * ("<tr>", "<td>9</td>", "</table>"): a table's line, which leaves no
 * body sentence open. */
static int is_table_markup(const char *text, size_t from, size_t end)
{
    while (end > from && (text[end - 1] == ' ' || text[end - 1] == '\r'))
        end--;
    return end - from >= 3 && text[from] == '<' && text[end - 1] == '>' &&
           (text[from + 1] == 't' || text[from + 1] == 'T' ||
            (text[from + 1] == '/' && (text[from + 2] == 't' || text[from + 2] == 'T')));
}

static void classify(const solieu_document *doc, line_info *li)
{
    const char *s = doc->scan;
    size_t i = skip_spaces(doc->text, li->start, li->end);
    if (i == li->end) {
        li->kind = LINE_BLANK;
        return;
    }
    int number;
    size_t m = sl_marker_at(doc->text + i, li->end - i, &number);
    if (!m)
        m = sl_paren_note_at(doc, i, &number);
    if (!m)
        m = sl_plain_note_at(doc, i, &number);
    if (m && number > 0) {
        li->kind = LINE_FOOTNOTE_START;
        li->footnote = number;
    } else if (is_debris(s, li->start, li->end, &li->page_number, &li->rule)) {
        li->kind = LINE_DEBRIS;
        return;
    } else {
        li->kind = LINE_TEXT;
    }
    li->starts_lower = first_letter_case(s, li->start, li->end);
    li->starts_figure = s[i] >= '0' && s[i] <= '9';
    li->ends_open = ends_open(s, li->start, li->end);
    size_t last = li->end;
    while (last > li->start && s[last - 1] == ' ')
        last--;
    li->ends_clause = last > li->start && (s[last - 1] == ';' || s[last - 1] == ',');
    li->ends_colon = last > li->start && s[last - 1] == ':';
    if (li->ends_colon && sl_parenthesis_open(s, li->start, last)) {
        /* "... 306 đồng chí (năm 2024:" / "281).": a wrap inside an aside,
         * no list's head */
        li->ends_colon = 0;
        li->ends_open = 1;
    }
    li->bullet = is_bullet(s, li->start, li->end);
    li->heading = li->kind == LINE_TEXT && is_heading(doc, li->start, li->end);
    li->table =
        li->kind == LINE_TEXT && (doc->text[i] == '|' || has_inner_tab(doc->text, i, li->end) ||
                                  is_table_markup(doc->text, i, li->end));
    if (li->heading || li->table)
        li->ends_open = 0;
}

/* From line k on: only bullets (or debris) until a line that resumes the
 * interrupted body paragraph in lower case. */
static int bullets_then_resumption(const line_info *lines, size_t n, size_t k)
{
    for (size_t j = k; j < n && j < k + 2 * MAX_ZONE_LINES; j++) {
        const line_info *li = &lines[j];
        if (li->kind == LINE_BLANK || li->kind == LINE_DEBRIS)
            continue;
        if (li->kind != LINE_TEXT)
            return 0;
        if (li->starts_lower && !li->bullet)
            return j > k;
        if (!li->bullet)
            return 0;
    }
    return 0;
}

/* Decides, line by line, which lines are footnote bodies. */
static void assign_footnotes(line_info *lines, size_t n)
{
    int in_zone = 0, zone_interrupted = 0, current = 0, zone_lines = 0;
    int body_bullet = 0; /* the bullet of the last body line, of the zone's citing item */
    int zone_bullet = 0;
    int body_open = 0;      /* the last body text line stopped mid-sentence */
    int footnote_open = 0;  /* the last footnote line stopped mid-sentence */
    int footnote_goes_on = 0; /* ... or at a clause's end (';', ',') */
    size_t last_footnote_line = (size_t)-1;
    for (size_t k = 0; k < n; k++) {
        line_info *li = &lines[k];
        if (li->rule && last_footnote_line != (size_t)-1)
            in_zone = 0; /* the rule under a page's foot: the next page's body follows */
        if (li->kind == LINE_BLANK || li->kind == LINE_DEBRIS)
            continue;
        /* the line right under a footnote's line: a hard wrap goes on with it
         * ("... thị xã Bến" / "Ngọc 96/150 ĐV (64,00%); ...") */
        int adjacent = last_footnote_line != (size_t)-1 && last_footnote_line + 1 == k;
        if (li->kind == LINE_FOOTNOTE_START) {
            if (!in_zone) {
                zone_interrupted = body_open;
                zone_lines = 0;
                zone_bullet = body_bullet;
            }
            in_zone = 1;
            current = li->footnote;
            footnote_open = li->ends_open;
            footnote_goes_on = li->ends_open || li->ends_clause;
            last_footnote_line = k;
            continue;
        }
        if (!in_zone && body_open && current && li->bullet && !li->starts_lower &&
            bullets_then_resumption(lines, n, k)) {
            /* a footnote's list that the page break carried past its marker */
            in_zone = 1;
            zone_interrupted = 1;
            zone_lines = 0;
        }
        if (in_zone) {
            int stays = 0;
            /* the body's list resumes: an item with the bullet of the item
             * that cites the footnote */
            int next_item = li->bullet && li->bullet == zone_bullet;
            if (++zone_lines <= MAX_ZONE_LINES && !li->heading && !li->table && !next_item) {
                if (zone_interrupted) /* lower case resumes the body, unless the
                                       * footnote's sentence goes on right above */
                    stays = !li->starts_lower || (adjacent && footnote_goes_on);
                else
                    stays = li->bullet || (li->starts_lower && footnote_open) ||
                            (adjacent && (li->starts_lower || footnote_open));
            }
            if (stays) {
                li->footnote = current;
                footnote_open = li->ends_open;
                /* a line kept only for its capital (a page's running header,
                 * a name) says nothing of where the footnote's sentence is */
                footnote_goes_on = li->starts_lower && (li->ends_open || li->ends_clause);
                last_footnote_line = k;
                continue;
            }
            in_zone = 0;
        }
        body_open = li->ends_open;
        body_bullet = li->bullet;
    }
}

/* The first page number at or after line k; n when none. */
static size_t page_number_from(const line_info *lines, size_t n, size_t k)
{
    while (k < n && !lines[k].page_number)
        k++;
    return k;
}

/* Whether two lines open with the same word after their bullets ("- Năm
 * 2022: ..." and "- Năm 2023: ..."). */
static int same_first_word(const char *s, const line_info *a, const line_info *b)
{
    size_t i = skip_spaces(s, a->start, a->end), j = skip_spaces(s, b->start, b->end);
    while (i < a->end && s[i] != ' ') /* the bullets */
        i++;
    while (j < b->end && s[j] != ' ')
        j++;
    i = skip_spaces(s, i, a->end);
    j = skip_spaces(s, j, b->end);
    size_t w = 0;
    while (i + w < a->end && j + w < b->end && s[i + w] == s[j + w] && s[i + w] != ' ')
        w++;
    return w > 0 && (i + w == a->end || s[i + w] == ' ') && (j + w == b->end || s[j + w] == ' ');
}

/* A footnote whose last item stops at a clause's end (";", ",") at one
 * page's foot goes on at the next page's foot: the items right above that
 * page's number, set apart from the body above them by a blank line, that
 * open as its last item does ("- Năm 2022: ...;" | page 4 | ... | "- Năm
 * 2023: ..." | page 5). */
static void carry_footnotes_over_pages(const char *s, line_info *lines, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const line_info *last = &lines[k];
        if (!last->footnote || !last->ends_clause || !last->bullet)
            continue;
        size_t after = k + 1;
        while (after < n && lines[after].kind != LINE_TEXT &&
               lines[after].kind != LINE_FOOTNOTE_START && !lines[after].page_number)
            after++;
        if (after < n && lines[after].footnote == last->footnote)
            continue; /* not its last line */
        size_t page = page_number_from(lines, n, k + 1);
        size_t next = page < n ? page_number_from(lines, n, page + 1) : n;
        if (next >= n)
            continue;
        size_t bottom = next;
        while (bottom > page + 1 && lines[bottom - 1].kind == LINE_BLANK)
            bottom--;
        size_t top = bottom;
        while (top > page + 1 && lines[top - 1].kind == LINE_TEXT && !lines[top - 1].footnote &&
               !lines[top - 1].heading && !lines[top - 1].table)
            top--;
        if (top == bottom || lines[top - 1].kind != LINE_BLANK ||
            lines[top].bullet != last->bullet || !same_first_word(s, &lines[top], last))
            continue;
        for (size_t q = top; q < bottom; q++)
            lines[q].footnote = last->footnote;
    }
}

/* Whether a footnote's sentence goes on past the end of this line: it
 * stops mid-sentence, or at a clause's end or a colon ("... năm 2021:" /
 * "184 đảng viên; ..."). */
static int footnote_goes_on(const line_info *li)
{
    return li->ends_open || li->ends_clause || li->ends_colon;
}

static void free_paragraph(sl_paragraph *p)
{
    sl_vec_free(&p->pieces);
    free(p->joined);
}

static int add_piece(sl_paragraph *p, size_t start, size_t end)
{
    sl_piece *piece = sl_vec_push(&p->pieces);
    if (!piece)
        return -1;
    piece->start = start;
    piece->end = end;
    return 0;
}

/* Whether a line ends on a word a hyphen breaks and the next goes on with
 * the rest of it ("đảng vi-" / "ên. Trong đó"): a letter right before the
 * hyphen, a lower-case letter first on the next line. */
static int splits_a_word(const char *s, const sl_piece *before, const sl_piece *after)
{
    if (before->end - before->start < 2 || s[before->end - 1] != '-' || after->start >= after->end)
        return 0;
    unsigned char last = (unsigned char)s[before->end - 2];
    int letter_before = (last >= 'a' && last <= 'z') || (last >= 'A' && last <= 'Z') ||
                        (last >= 0x80 && last <= 0xBF); /* a letter's last byte */
    int cp;
    sl_utf8_decode(s + after->start, after->end - after->start, &cp);
    return letter_before && sl_cp_is_letter(cp) && sl_cp_is_lower(cp);
}

/* Gives multi-line paragraphs one joined segment to match rules against. */
static int build_segments(solieu_document *doc)
{
    for (size_t k = 0; k < doc->paragraphs.len; k++) {
        sl_paragraph *p = sl_vec_at(&doc->paragraphs, k);
        sl_piece *first = sl_vec_at(&p->pieces, 0);
        if (p->pieces.len == 1) {
            p->segment = doc->scan + first->start;
            p->segment_len = first->end - first->start;
            first->seg_offset = 0;
            continue;
        }
        sl_buf b;
        sl_buf_init(&b, 0);
        for (size_t j = 0; j < p->pieces.len; j++) {
            sl_piece *piece = sl_vec_at(&p->pieces, j);
            /* lines joined by one space, whatever indents or pads them
             * ("... 9 tháng đầu" / "      năm 2026") */
            if (j)
                piece->start = skip_spaces(doc->scan, piece->start, piece->end);
            while (j + 1 < p->pieces.len && piece->end > piece->start &&
                   (doc->scan[piece->end - 1] == ' ' || doc->scan[piece->end - 1] == '\t'))
                piece->end--;
            if (j && splits_a_word(doc->scan, sl_vec_at(&p->pieces, j - 1), piece)) {
                /* "đảng vi-" / "ên": the word whole again, its hyphen dropped */
                ((sl_piece *)sl_vec_at(&p->pieces, j - 1))->end--;
                b.len--;
            } else if (j) {
                sl_buf_putc(&b, ' ');
            }
            piece->seg_offset = b.len;
            sl_buf_append(&b, doc->scan + piece->start, piece->end - piece->start);
        }
        p->segment_len = b.len;
        p->joined = sl_buf_take(&b);
        if (!p->joined)
            return -1;
        p->segment = p->joined;
    }
    return 0;
}

int sl_find_paragraphs(solieu_document *doc)
{
    size_t n = doc->line_count;
    line_info *lines = sl_calloc(n, sizeof *lines);
    if (!lines)
        return -1;
    for (size_t k = 0; k < n; k++) {
        lines[k].start = doc->line_starts[k];
        lines[k].end = (k + 1 < n) ? doc->line_starts[k + 1] - 1 : doc->len;
        if (k + 1 == n && lines[k].end > lines[k].start && doc->text[lines[k].end - 1] == '\n')
            lines[k].end--; /* the final newline ends the last line, it is not in it */
        classify(doc, &lines[k]);
    }
    assign_footnotes(lines, n);
    carry_footnotes_over_pages(doc->scan, lines, n);

    int rc = 0;
    size_t open_body = (size_t)-1; /* paragraph a lower-case line may continue */
    int body_clause_ends = 0;      /* ... whose last line ends a clause (';', ',', ':'):
                                    * only a lower-case line goes on with it */
    size_t prev_body_line = (size_t)-1;
    int open_body_item = 0;            /* the open body paragraph is a list item */
    size_t open_footnote = (size_t)-1; /* footnote paragraph a wrapped line goes on */
    for (size_t k = 0; k < n && rc == 0; k++) {
        line_info *li = &lines[k];
        doc->line_footnote[k] = li->footnote;
        if (li->kind == LINE_BLANK || li->kind == LINE_DEBRIS)
            continue;
        int is_footnote = li->footnote != 0;
        if (is_footnote && li->kind != LINE_FOOTNOTE_START && open_footnote != (size_t)-1 &&
            !li->bullet &&
            ((const sl_paragraph *)sl_vec_at(&doc->paragraphs, open_footnote))->footnote ==
                li->footnote) {
            /* a footnote's sentence wrapped onto this line */
            sl_paragraph *p = sl_vec_at(&doc->paragraphs, open_footnote);
            rc = add_piece(p, li->start, li->end);
            doc->line_paragraph[k] = open_footnote;
            if (!footnote_goes_on(li))
                open_footnote = (size_t)-1;
            continue;
        }
        /* a line that opens with a figure after a blank line is a paragraph
         * of its own under a list item ("• Khóm Chợ Cũ: 03 đồng chí" / "" /
         * "05 đồng chí còn lại ..."), not the item's sentence going on */
        int own_after_item = li->starts_figure && prev_body_line + 1 < k && open_body_item;
        if (!is_footnote && open_body != (size_t)-1 && !li->bullet && !li->heading &&
            !own_after_item &&
            (li->starts_lower || (prev_body_line + 1 == k && !body_clause_ends))) {
            sl_paragraph *p = sl_vec_at(&doc->paragraphs, open_body);
            rc = add_piece(p, li->start, li->end);
            doc->line_paragraph[k] = open_body;
            prev_body_line = k;
            body_clause_ends = !li->ends_open && (li->ends_clause || li->ends_colon);
            if (!li->ends_open && !li->ends_clause && !li->ends_colon)
                open_body = (size_t)-1;
            continue;
        }
        sl_paragraph *p = sl_vec_push(&doc->paragraphs);
        if (!p) {
            rc = -1;
            break;
        }
        sl_vec_init(&p->pieces, sizeof(sl_piece));
        p->footnote = li->footnote;
        p->heading = li->heading;
        rc = add_piece(p, li->start, li->end);
        doc->line_paragraph[k] = doc->paragraphs.len - 1;
        if (!is_footnote) {
            open_body = li->ends_open || li->ends_clause || li->ends_colon ? doc->paragraphs.len - 1
                                                                           : (size_t)-1;
            open_body_item = li->bullet != 0;
            body_clause_ends = !li->ends_open && (li->ends_clause || li->ends_colon);
            prev_body_line = k;
        } else {
            open_footnote = footnote_goes_on(li) ? doc->paragraphs.len - 1 : (size_t)-1;
        }
    }
    free(lines);
    if (rc == 0)
        rc = build_segments(doc);
    /* which paragraph holds each marker, and which markers open a footnote */
    for (size_t k = 0; rc == 0 && k < doc->markers.len; k++) {
        sl_marker *m = sl_vec_at(&doc->markers, k);
        m->paragraph = sl_document_paragraph_at(doc, m->start);
        size_t line = solieu_document_line_of(doc, m->start, NULL);
        size_t first = skip_spaces(doc->text, doc->line_starts[line - 1], doc->len);
        m->definition = doc->line_footnote[line - 1] && first == m->start;
    }
    return rc;
}

void sl_paragraphs_free(sl_vec *paragraphs)
{
    for (size_t k = 0; k < paragraphs->len; k++)
        free_paragraph(sl_vec_at(paragraphs, k));
    sl_vec_free(paragraphs);
}

size_t sl_segment_offset(const sl_paragraph *p, size_t text_offset)
{
    for (size_t j = 0; j < p->pieces.len; j++) {
        const sl_piece *piece = sl_vec_at(&p->pieces, j);
        if (text_offset >= piece->start && text_offset <= piece->end)
            return piece->seg_offset + (text_offset - piece->start);
    }
    return 0;
}

size_t sl_paragraph_to_text(const sl_paragraph *p, size_t seg_offset)
{
    const sl_piece *pieces = p->pieces.items;
    size_t j = p->pieces.len - 1;
    while (j > 0 && pieces[j].seg_offset > seg_offset)
        j--;
    size_t off = pieces[j].start + (seg_offset - pieces[j].seg_offset);
    return off > pieces[j].end ? pieces[j].end : off;
}

int sl_paragraph_is_item(const sl_paragraph *p)
{
    size_t i = 0;
    while (i < p->segment_len && p->segment[i] == ' ')
        i++;
    if (i + 1 < p->segment_len && strchr("-+*", p->segment[i]) && p->segment[i + 1] == ' ')
        return 1;
    /* "• ", "– " */
    return i + 3 < p->segment_len &&
           (memcmp(p->segment + i, "\xE2\x80\xA2", 3) == 0 ||
            memcmp(p->segment + i, "\xE2\x80\x93", 3) == 0) &&
           p->segment[i + 3] == ' ';
}

char sl_paragraph_bullet(const sl_paragraph *p)
{
    if (!sl_paragraph_is_item(p))
        return 0;
    size_t i = 0;
    while (p->segment[i] == ' ')
        i++;
    return p->segment[i];
}

int sl_paragraph_opens_list(const sl_paragraph *p)
{
    size_t n = p->segment_len;
    while (n > 0 && p->segment[n - 1] == ' ')
        n--;
    return n > 0 && p->segment[n - 1] == ':';
}
