/* The document's own facts: its date (from the place-and-date line, or else
 * the latest date it cites), number, type, the term it belongs to, and the
 * party organisation it reports on — all found by rules of their own kinds. */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_internal.h"

typedef struct header_ctx {
    const char *text;
    sl_header *h;
    int date_found;   /* docdate matched */
    int term_this_year; /* a term that begins in the document's year is named */
    size_t header_end;  /* where the header block ends: votes before it weigh more */
    long best_date;   /* latest cited date as yyyymmdd */
    char number[64];
    char place[96];
    sl_vec votes;     /* entity_vote */
} header_ctx;

typedef struct entity_vote {
    char *name;
    long score;
    size_t first;
    size_t header_line; /* 1-based line of its first vote in the letterhead, 0 if none */
} entity_vote;

static int group_int(const pcre2_code *code, pcre2_match_data *md, const char *text,
                     const char *name, int fallback)
{
    size_t s, e;
    if (!sl_group_span(code, md, name, &s, &e) || e == s || e - s > 9)
        return fallback;
    int v = 0;
    for (size_t i = s; i < e; i++) {
        if (text[i] < '0' || text[i] > '9')
            return fallback;
        v = v * 10 + (text[i] - '0');
    }
    return v;
}

static int plausible(int y, int m, int d)
{
    return y >= 1930 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static int on_docdate(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    header_ctx *c = ctx;
    int y = group_int(r->code, md, c->text, "y", 0), m = group_int(r->code, md, c->text, "m", 0),
        d = group_int(r->code, md, c->text, "d", 0);
    /* a draft may be dated by its month alone ("tháng 5 năm 2025"): day 0 */
    if (!plausible(y, m, d ? d : 1))
        return 0;
    c->h->year = y;
    c->h->month = m;
    c->h->day = d;
    size_t s, e;
    if (sl_group_span(r->code, md, "place", &s, &e)) {
        char *place = sl_utf8_title(c->text + s, e - s);
        if (place)
            snprintf(c->place, sizeof c->place, "%s", place);
        free(place);
    }
    c->date_found = 1;
    return 1; /* the first one is the document's own */
}

static int on_date(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    header_ctx *c = ctx;
    int y = group_int(r->code, md, c->text, "y", 0), m = group_int(r->code, md, c->text, "m", 1),
        d = group_int(r->code, md, c->text, "d", 1);
    if (plausible(y, m, d)) {
        long v = (long)y * 10000 + m * 100 + d;
        if (v > c->best_date)
            c->best_date = v;
    }
    return 0;
}

/* The current term is the latest one named that began before the
 * document's year: a report of June 2025 that closes the 2020 - 2025 term
 * and sets out the 2025 - 2030 one is still of the first. One that begins
 * in the document's year counts only when no earlier one is named. */
static int on_term(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    header_ctx *c = ctx;
    int y = group_int(r->code, md, c->text, "y1", 0);
    if (y < 1930 || y > 2100)
        return 0;
    if (c->h->year && y >= c->h->year)
        c->term_this_year |= y == c->h->year;
    else if (y > c->h->term_start)
        c->h->term_start = y;
    return 0;
}

static int on_docnumber(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    header_ctx *c = ctx;
    size_t s, e;
    if (!sl_group_span(r->code, md, "number", &s, &e))
        return 0;
    size_t k = 0;
    for (size_t i = s; i < e && k + 1 < sizeof c->number; i++)
        if (c->text[i] != ' ')
            c->number[k++] = c->text[i];
    c->number[k] = '\0';
    return 1;
}

/* HEADER_LINES lines open a report with its issuer ("HUYỆN ỦY HẢI HẬU"); a
 * name there weighs HEADER_WEIGHT times one in the body, where a district's
 * report names its communes again and again. */
enum { HEADER_LINES = 12, HEADER_WEIGHT = 5 };

static long vote_weight(const header_ctx *c, const sl_rule *r, size_t at)
{
    long w = r->priority > 0 ? r->priority : 1;
    return at < c->header_end ? w * HEADER_WEIGHT : w;
}

/* Whether offset `at` of text stands on a markdown table's line: a table
 * lists other organisations than the report's own. A line that opens with
 * a lone '|' is a scan's debris ("| THÀNH ỦY SA LÂM"), no table. */
static int on_table_line(const char *text, size_t at)
{
    size_t i = at;
    while (i > 0 && text[i - 1] != '\n')
        i--;
    while (text[i] == ' ' || text[i] == '\t')
        i++;
    if (text[i] != '|')
        return 0;
    const char *end = strchr(text + i, '\n');
    size_t rest = end ? (size_t)(end - text) - i - 1 : strlen(text + i + 1);
    return memchr(text + i + 1, '|', rest) != NULL;
}

/* The line of offset `at` of text, 1-based. */
static size_t line_number(const char *text, size_t at)
{
    size_t line = 1;
    for (const char *p = memchr(text, '\n', at); p;
         p = memchr(p + 1, '\n', at - (size_t)(p + 1 - text)))
        line++;
    return line;
}

static int on_entity(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    header_ctx *c = ctx;
    size_t ls, le, ns, ne;
    if (!sl_group_span(r->code, md, "name", &ns, &ne) || (c->h && on_table_line(c->text, ns)))
        return 0;
    char *level = NULL;
    if (sl_group_span(r->code, md, "level", &ls, &le))
        level = sl_utf8_lower(c->text + ls, le - ls);
    else if (r->unit)
        level = sl_strdup(r->unit); /* the rule names the level, e.g. "Tỉnh ủy X" */
    char *name = sl_utf8_title(c->text + ns, ne - ns);
    char *entity = (level && name) ? sl_printf("%s %s", level, name) : NULL;
    free(level);
    free(name);
    if (!entity)
        return 0;
    for (size_t i = 0; i < c->votes.len; i++) {
        entity_vote *v = sl_vec_at(&c->votes, i);
        if (strcmp(v->name, entity) == 0) {
            v->score += vote_weight(c, r, ns);
            free(entity);
            return 0;
        }
    }
    entity_vote *v = sl_vec_push(&c->votes);
    if (!v) {
        free(entity);
        return 0;
    }
    v->name = entity;
    v->score = vote_weight(c, r, ns);
    v->first = c->votes.len;
    v->header_line = ns < c->header_end ? line_number(c->text, ns) : 0;
    return 0;
}

/* The best-scored name of the votes (the first on a tie, of letterhead
 * lines the lower), taken out of them; NULL when there are none. */
static char *take_best_vote(sl_vec *votes)
{
    entity_vote *best = NULL;
    for (size_t i = 0; i < votes->len; i++) {
        entity_vote *v = sl_vec_at(votes, i);
        /* a letterhead names the superior body first and the issuer under
         * it ("ĐẢNG BỘ TỈNH X" over "ĐẢNG BỘ HUYỆN Y"): on a tie, the lower line */
        int lower_line = best && v->score == best->score && v->header_line && best->header_line &&
                         v->header_line > best->header_line;
        if (!best || v->score > best->score || lower_line)
            best = v;
    }
    char *name = best ? best->name : NULL;
    if (best)
        best->name = NULL;
    return name;
}

static void free_votes(sl_vec *votes)
{
    for (size_t i = 0; i < votes->len; i++)
        free(((entity_vote *)sl_vec_at(votes, i))->name);
    sl_vec_free(votes);
}

static void run_kind(solieu_extractor *ex, solieu_document *doc, const sl_word_starts *words,
                     sl_rule_kind kind, sl_match_fn fn, header_ctx *c)
{
    for (size_t i = 0; i < sl_rules_kind_count(ex->rules, kind); i++) {
        const sl_rule *r = sl_rules_of_kind(ex->rules, kind, i);
        sl_match_scanning(ex, r, r->code, doc->scan, doc->len,
                          words ? sl_word_starts_of(words, r) : NULL, 0, doc->len, 1, doc->name, fn,
                          c);
    }
}

/* The header rules' opening words in the whole document, when Hyperscan
 * can find them (scratch and database): read byte by byte, they would cost
 * more than the scans they save. NULL: the rules scan. */
static const sl_word_starts *header_words(solieu_extractor *ex, solieu_document *doc,
                                          sl_word_starts *words)
{
    const sl_triggers *t = &ex->rules->header_words;
    if (!ex->literals || !t->hs_db || sl_word_starts_init(words, t->groups) != 0)
        return NULL;
    int rc = sl_word_starts_find(ex, t, doc->scan, doc->len, words);
    return rc == 0 ? words : NULL;
}

/* The organisation a short text names ("Đảng bộ huyện An Lão"): the vote
 * of the entity rules over it alone. Caller-owned; NULL when none. */
char *sl_entity_in(solieu_extractor *ex, const char *text, size_t len)
{
    header_ctx c;
    memset(&c, 0, sizeof c);
    c.text = text;
    sl_vec_init(&c.votes, sizeof(entity_vote));
    for (size_t i = 0; i < sl_rules_kind_count(ex->rules, SL_RULE_ENTITY); i++) {
        const sl_rule *r = sl_rules_of_kind(ex->rules, SL_RULE_ENTITY, i);
        sl_match_scanning(ex, r, r->code, text, len, NULL, 0, len, 1, "", on_entity, &c);
    }
    char *best = take_best_vote(&c.votes);
    free_votes(&c.votes);
    return best;
}

static const char *type_of_number(const char *number)
{
    static const struct {
        const char *code, *type;
    } types[] = {{"BC", "Báo cáo"},   {"CV", "Công văn"},   {"KH", "Kế hoạch"},
                 {"NQ", "Nghị quyết"}, {"QĐ", "Quyết định"}, {"HD", "Hướng dẫn"},
                 {"TB", "Thông báo"},  {"CT", "Chỉ thị"},    {"KL", "Kết luận"},
                 {"ĐA", "Đề án"},      {"TTr", "Tờ trình"},  {"UBND", "Công văn"}};
    const char *dash = strchr(number, '-');
    const char *code = dash ? dash + 1 : strchr(number, '/');
    if (!code)
        return "";
    if (*code == '/')
        code++;
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        size_t n = strlen(types[i].code);
        if (strncmp(code, types[i].code, n) == 0 && (code[n] == '/' || code[n] == '-'))
            return types[i].type;
    }
    return "";
}

void sl_header_detect(solieu_extractor *ex, solieu_document *doc, sl_header *h)
{
    memset(h, 0, sizeof *h);
    header_ctx c;
    memset(&c, 0, sizeof c);
    c.text = doc->scan;
    c.h = h;
    c.header_end = doc->line_count > HEADER_LINES ? doc->line_starts[HEADER_LINES] : doc->len;
    /* the letterhead ends where the title begins: a preamble within the
     * first lines names the bodies whose instructions it follows ("Thực
     * hiện Công văn ... của Ban Tổ chức Tỉnh ủy X"), not the issuer */
    static const char title[] = "B\xC3\x81O C\xC3\x81O"; /* BÁO CÁO */
    const char *at = memmem(doc->scan, c.header_end, title, sizeof title - 1);
    if (at)
        c.header_end = (size_t)(at - doc->scan);
    sl_vec_init(&c.votes, sizeof(entity_vote));
    sl_word_starts words = {NULL, 0};
    const sl_word_starts *openings = header_words(ex, doc, &words);

    run_kind(ex, doc, openings, SL_RULE_DOCDATE, on_docdate, &c);
    if (!c.date_found) {
        run_kind(ex, doc, openings, SL_RULE_DATE, on_date, &c);
        if (c.best_date) {
            h->year = (int)(c.best_date / 10000);
            h->month = (int)(c.best_date / 100 % 100);
            h->day = (int)(c.best_date % 100);
        }
    }
    run_kind(ex, doc, openings, SL_RULE_TERM, on_term, &c);
    if (!h->term_start && c.term_this_year)
        h->term_start = h->year;
    run_kind(ex, doc, openings, SL_RULE_DOCNUMBER, on_docnumber, &c);
    run_kind(ex, doc, openings, SL_RULE_ENTITY, on_entity, &c);
    sl_word_starts_free(&words);

    h->entity = take_best_vote(&c.votes);
    free_votes(&c.votes);

    char date[16] = "";
    if (h->year && h->day)
        snprintf(date, sizeof date, "%04d-%02d-%02d", h->year, h->month, h->day);
    else if (h->year)
        snprintf(date, sizeof date, "%04d-%02d", h->year, h->month);
    sl_document_set_header(doc, date, h->year, c.number, type_of_number(c.number), c.place);
}

void sl_header_free(sl_header *h)
{
    free(h->entity);
    h->entity = NULL;
}
