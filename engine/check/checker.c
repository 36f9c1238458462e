/* The checker: runs every relation finder over a document's facts and keeps
 * the rows until they are written. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <solieu/number.h>

#include "check/check_internal.h"

solieu_checker *solieu_checker_create(const solieu_rules *rules)
{
    solieu_checker *c = sl_calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->rules = rules;
    c->matcher = solieu_extractor_create(rules);
    sl_vec_init(&c->rows, sizeof(sl_check_row));
    sl_vec_init(&c->citations, sizeof(sl_citation));
    if (!c->matcher) {
        solieu_checker_destroy(c);
        return NULL;
    }
    return c;
}

static void free_row(sl_check_row *r)
{
    free(r->doc);
    free(r->check);
    free(r->lines);
    free(r->stated);
    free(r->computed);
    free(r->message);
    free(r->tolerance);
    free(r->facts);
    free(r->rule);
}

void sl_citation_free(sl_citation *ct)
{
    free(ct->doc);
    free(ct->entity);
    free(ct->type);
    free(ct->number);
}

void solieu_checker_destroy(solieu_checker *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->rows.len; i++)
        free_row(sl_vec_at(&c->rows, i));
    sl_vec_free(&c->rows);
    for (size_t i = 0; i < c->citations.len; i++)
        sl_citation_free(sl_vec_at(&c->citations, i));
    sl_vec_free(&c->citations);
    solieu_extractor_destroy(c->matcher);
    free(c);
}

static char *number_text(double v)
{
    char buf[64];
    return sl_strdup(solieu_format_number(v, buf, sizeof buf));
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* "61;65;67": the distinct lines, in order. */
static char *line_list(const solieu_fact *stated, const solieu_fact *const *others, size_t n)
{
    size_t *lines = sl_calloc(n + 1, sizeof *lines);
    if (!lines)
        return NULL;
    size_t k = 0;
    if (stated)
        lines[k++] = stated->line;
    for (size_t i = 0; i < n; i++)
        lines[k++] = others[i]->line;
    qsort(lines, k, sizeof *lines, cmp_size);
    sl_buf b;
    sl_buf_init(&b, 0);
    for (size_t i = 0; i < k; i++)
        if (i == 0 || lines[i] != lines[i - 1])
            sl_buf_printf(&b, "%s%zu", b.len ? ";" : "", lines[i]);
    free(lines);
    return sl_buf_take(&b);
}

/* Whether a sum or a share misses what it states by more than a quarter:
 * reports get a figure wrong by a digit or a part, not by a fourth of it
 * (small counts aside: 2 of 3 is off by one); a gap that wide says the
 * figures were misread together (parts of another whole, a share of
 * another base), so no verdict is told. */
static int misread(const char *check, int pass, double stated, double computed)
{
    enum { MISREAD_PERCENT = 25, SLIP = 2 };
    double gap = fabs(stated - computed);
    int wide = gap * 100 > MISREAD_PERCENT * fabs(stated) && gap > SLIP;
    return !pass && wide &&
           (strcmp(check, "sum") == 0 || strcmp(check, "series_total") == 0 ||
            strcmp(check, "ratio") == 0);
}

void sl_check_add(sl_check_doc *cd, const char *check, int pass, const char *rule,
                  const solieu_fact *stated_fact, const solieu_fact *const *others, size_t nothers,
                  double stated, double computed, double tolerance, const char *fmt, ...)
{
    if (misread(check, pass, stated, computed))
        return;
    sl_check_row *r = sl_vec_push(&cd->checker->rows);
    if (!r) {
        cd->oom = 1;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    r->message = sl_vprintf(fmt, ap);
    va_end(ap);
    r->doc = sl_strdup(solieu_document_name(cd->doc));
    r->check = sl_strdup(check);
    r->pass = pass;
    r->lines = line_list(stated_fact, others, nothers);
    r->stated = number_text(stated);
    r->computed = number_text(computed);
    r->tolerance = number_text(tolerance);
    r->rule = sl_strdup(rule ? rule : "");
    sl_buf ids;
    sl_buf_init(&ids, 0);
    if (stated_fact)
        sl_buf_printf(&ids, "%zu", stated_fact->id);
    for (size_t i = 0; i < nothers; i++)
        sl_buf_printf(&ids, "%s%zu", ids.len ? ";" : "", others[i]->id);
    r->facts = sl_buf_take(&ids);
    if (stated_fact) {
        r->byte_start = stated_fact->byte_start;
        r->byte_end = stated_fact->byte_end;
    }
    if (!r->message || !r->doc || !r->check || !r->lines || !r->stated || !r->computed ||
        !r->tolerance || !r->rule || !r->facts)
        cd->oom = 1;
}

void sl_check_add_raw(solieu_checker *c, const char *doc, const char *check, int pass,
                      const char *lines, const char *stated, const char *computed,
                      const char *message, const char *rule)
{
    sl_check_row *r = sl_vec_push(&c->rows);
    if (!r)
        return;
    r->doc = sl_strdup(doc);
    r->check = sl_strdup(check);
    r->pass = pass;
    r->lines = sl_strdup(lines);
    r->stated = sl_strdup(stated);
    r->computed = sl_strdup(computed);
    r->message = sl_strdup(message);
    r->tolerance = sl_strdup("0");
    r->facts = sl_strdup("");
    r->rule = sl_strdup(rule ? rule : "");
}

const sl_rule *sl_relation_rule(const solieu_rules *rules, const char *check)
{
    for (size_t i = 0; i < sl_rules_kind_count(rules, SL_RULE_RELATION); i++) {
        const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_RELATION, i);
        if (strcmp(r->check, check) == 0)
            return r;
    }
    return NULL;
}

const solieu_fact *sl_fact_at(const solieu_facts *facts, size_t at)
{
    size_t i = sl_facts_from(facts, at);
    if (i < solieu_facts_count(facts) && solieu_facts_get(facts, i)->text_start == at)
        return solieu_facts_get(facts, i);
    return NULL;
}

static int by_footnote(const void *pa, const void *pb)
{
    const sl_footnoted *a = pa, *b = pb;
    if (a->footnote != b->footnote)
        return a->footnote < b->footnote ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

/* Facts grouped by footnote, in text order within each. */
static int index_footnotes(sl_check_doc *cd)
{
    size_t n = solieu_facts_count(cd->facts);
    cd->footnoted = sl_calloc(n + 1, sizeof *cd->footnoted);
    if (!cd->footnoted)
        return -1;
    for (size_t i = 0; i < n; i++) {
        const solieu_fact *f = solieu_facts_get(cd->facts, i);
        if (f->footnote)
            cd->footnoted[cd->nfootnoted++] = (sl_footnoted){f->footnote, i};
    }
    if (cd->nfootnoted > 1)
        qsort(cd->footnoted, cd->nfootnoted, sizeof *cd->footnoted, by_footnote);
    return 0;
}

size_t sl_footnote_facts(const sl_check_doc *cd, int number, size_t *count)
{
    size_t lo = 0, hi = cd->nfootnoted;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cd->footnoted[mid].footnote < number)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t n = 0;
    while (lo + n < cd->nfootnoted && cd->footnoted[lo + n].footnote == number)
        n++;
    *count = n;
    return lo;
}

/* "trường hợp" (cases) counts members where members are counted. */
static int counts_people(const char *unit)
{
    static const char cases[] = "tr\xC6\xB0\xE1\xBB\x9Dng h\xE1\xBB\xA3p"; /* trường hợp */
    return sl_counts_members(unit) || strcmp(unit, cases) == 0;
}

int sl_in_parenthesis(const char *text, size_t pos, size_t end)
{
    for (size_t i = pos; i < end; i++) {
        if (text[i] == '(')
            return 0;
        if (text[i] == ')')
            return 1;
    }
    return 0;
}

int sl_in_parentheses_on_line(const char *text, size_t len, size_t at)
{
    const char *eol = memchr(text + at, '\n', len - at);
    return sl_in_parenthesis(text, at, eol ? (size_t)(eol - text) : len);
}

const char *sl_sentence_before(const sl_check_doc *cd, const solieu_fact *f, size_t *n)
{
    const sl_paragraph *p = sl_vec_at(&cd->doc->paragraphs, f->paragraph);
    size_t at = sl_segment_offset(p, f->text_start);
    size_t from = sl_sentence_start(p->segment, at);
    while (from < at && p->segment[from] == ' ')
        from++;
    *n = at - from;
    return p->segment + from;
}

int sl_share_agrees(double computed, const solieu_number *stated, double *tolerance, double *shown)
{
    double scale = pow(10.0, stated->decimals);
    *tolerance = 1.0 / scale;
    *shown = round(computed * scale) / scale;
    /* rounding is off by at most half a unit, truncation by less than one */
    return fabs(computed - stated->value) < *tolerance - 1e-9;
}

int sl_row_told(const sl_check_doc *cd, const solieu_fact *stated, const char *check)
{
    for (size_t i = cd->first_row; i < cd->checker->rows.len; i++) {
        const sl_check_row *row = sl_vec_at(&cd->checker->rows, i);
        if (row->byte_start == stated->byte_start && strcmp(row->check, check) == 0)
            return 1;
    }
    return 0;
}

int sl_is_change(const sl_check_doc *cd, const solieu_fact *f)
{
    return sl_after_change_word(cd->doc->scan, f->text_start);
}

int sl_same_kind(const solieu_fact *a, const solieu_fact *b)
{
    if (!*a->unit || !*b->unit)
        return 0;
    return sl_same_noun(a->unit, b->unit) || sl_same_noun(b->unit, a->unit) ||
           (counts_people(a->unit) && counts_people(b->unit));
}

void sl_run_relations(sl_check_doc *cd, const char *check, sl_match_fn fn, void *data)
{
    const solieu_rules *rules = cd->checker->rules;
    for (size_t k = 0; k < cd->doc->paragraphs.len; k++) {
        sl_relation_ctx c = {cd, sl_vec_at(&cd->doc->paragraphs, k), data};
        for (size_t i = 0; i < sl_rules_kind_count(rules, SL_RULE_RELATION); i++) {
            const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_RELATION, i);
            if (r->code && strcmp(r->check, check) == 0)
                sl_match_all(cd->checker->matcher, r, c.p->segment, c.p->segment_len, 0,
                             cd->doc->name, fn, &c);
        }
    }
}

int sl_group_number(const sl_rule *r, pcre2_match_data *md, const char *seg, const char *name,
                    solieu_number *num, size_t *start)
{
    size_t s, e;
    if (!sl_group_span(r->code, md, name, &s, &e) ||
        solieu_number_parse(seg + s, e - s, num) != SOLIEU_OK)
        return 0;
    *start = s;
    return 1;
}

size_t sl_paragraphs_facts(const sl_check_doc *cd, size_t from, size_t to, size_t *first)
{
    const sl_paragraph *a = sl_vec_at(&cd->doc->paragraphs, from);
    const sl_paragraph *b = sl_vec_at(&cd->doc->paragraphs, to);
    const sl_piece *start = sl_vec_at(&a->pieces, 0);
    const sl_piece *end = sl_vec_at(&b->pieces, b->pieces.len - 1);
    size_t n = solieu_facts_count(cd->facts), i = sl_facts_from(cd->facts, start->start);
    *first = i;
    while (i < n && solieu_facts_get(cd->facts, i)->text_start < end->end)
        i++;
    return i;
}

/* The end of the item of a list that opens at seg[a], items apart by ','
 * or ';', before `to`. */
static size_t item_end(const char *seg, size_t a, size_t to)
{
    while (a < to && seg[a] != ',' && seg[a] != ';')
        a++;
    return a;
}

/* Whether one of the parts ends its item: the list puts its figures after
 * their labels ("chi bộ trường học 6, chi bộ cơ quan 3"). */
static int figures_close_items(const sl_paragraph *p, size_t from, size_t to,
                               const solieu_fact *const *parts, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        size_t at = sl_segment_offset(p, parts[k]->text_start);
        size_t end = at + (parts[k]->text_end - parts[k]->text_start);
        if (at < from || at >= to)
            continue;
        size_t b = item_end(p->segment, at, to), e = b;
        while (e > at && p->segment[e - 1] == ' ')
            e--;
        if (e == end)
            return 1;
    }
    return 0;
}

/* Whether an item of the parts' list in seg[from, to), items apart by ','
 * or ';', ends with a number in words that no part is ("khiển trách 21,
 * cảnh cáo 10, cách chức hai, khai trừ bốn"), or, in a list set apart by
 * semicolons or whose read figures close their items ("chi bộ thôn 17,
 * chi bộ trường học 6"), with a figure no part is: the parts read are not
 * all there are, and add up to no verdict. */
int sl_unread_part(const sl_paragraph *p, size_t from, size_t to, const solieu_fact *const *parts,
                   size_t n)
{
    const char *seg = p->segment;
    int labelled = figures_close_items(p, from, to, parts, n);
    /* a figure ending an item before the last part read is one of the
     * list's ("trong đó chi bộ khu phố 19, chi bộ cơ quan 05 và ..."); the
     * items after it may be the sentence's next clauses ("..., cùng 64
     * chi bộ trực thuộc") */
    size_t last = from;
    for (size_t k = 0; k < n; k++) {
        size_t at = sl_segment_offset(p, parts[k]->text_start);
        if (at >= from && at < to && at + 1 > last)
            last = at + 1;
    }
    for (size_t a = from; a < to;) {
        size_t b = item_end(seg, a, to);
        size_t end = b;
        while (end > a && seg[end - 1] == ' ')
            end--;
        /* a note's mark after the item's figure ("chi bộ khu phố 11 (1)") */
        if (end - a > 4 && seg[end - 1] == ')') {
            size_t open = end - 2;
            while (open > a && seg[open] >= '0' && seg[open] <= '9' && end - open < 5)
                open--;
            if (seg[open] == '(' && open + 2 < end && open > a && seg[open - 1] == ' ')
                for (end = open; end > a && seg[end - 1] == ' ';)
                    end--;
        }
        size_t word = end;
        while (word > a && seg[word - 1] != ' ')
            word--;
        solieu_number num;
        int read = 0;
        for (size_t k = 0; k < n && !read; k++) {
            size_t at = sl_segment_offset(p, parts[k]->text_start);
            read = at >= a && at < b;
        }
        /* in a list set apart by semicolons, a figure after a label ("chi
         * bộ thôn 19; chi bộ cơ quan 04") too */
        int semicolons = b < to && seg[b] == ';'; /* (and not the list's last, which the
                                                     rule's match may cut short) */
        if (!read && word < end && solieu_number_parse(seg + word, end - word, &num) == SOLIEU_OK &&
            num.consumed == end - word &&
            (num.from_words || ((semicolons || labelled || b < last) && num.value < 1900)))
            return 1;
        a = b + 1;
    }
    return 0;
}

int sl_level_opening(const char *text, size_t len)
{
    static const struct {
        const char *word;
        int level;
    } levels[] = {
        {"th\xE1\xBB\x8B x\xC3\xA3 ", 2},       /* thị xã, before xã */
        {"th\xC3\xA0nh ph\xE1\xBB\x91 ", 2},    /* thành phố */
        {"x\xC3\xA3 ", 1},                      /* xã */
        {"ph\xC6\xB0\xE1\xBB\x9Dng ", 1},       /* phường */
        {"th\xE1\xBB\x8B tr\xE1\xBA\xA5n ", 1}, /* thị trấn */
        {"huy\xE1\xBB\x87n ", 2},               /* huyện */
        {"qu\xE1\xBA\xADn ", 2},                /* quận */
        {"t\xE1\xBB\x89nh ", 3},                /* tỉnh */
    };
    for (size_t k = 0; k < sizeof levels / sizeof levels[0]; k++) {
        size_t n = strlen(levels[k].word);
        if (len >= n && memcmp(text, levels[k].word, n) == 0)
            return levels[k].level;
    }
    return 0;
}

int sl_metric_listed(const char *list, const char *metric)
{
    size_t n = strlen(metric);
    for (const char *p = list; p && *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        const char *end = p;
        while (*end && *end != ' ' && *end != ',')
            end++;
        if ((size_t)(end - p) == n && strncmp(p, metric, n) == 0)
            return 1;
        p = end;
    }
    return 0;
}

/* Which facts a rule of overlapping groups found (by their rule's id). */
static void mark_overlaps(sl_check_doc *cd)
{
    const solieu_rules *rules = cd->checker->rules;
    static const sl_rule_kind kinds[] = {SL_RULE_FACT, SL_RULE_COLUMN}; /* text, tables */
    for (size_t kind = 0; kind < sizeof kinds / sizeof kinds[0]; kind++)
        for (size_t k = 0; k < sl_rules_kind_count(rules, kinds[kind]); k++) {
            const sl_rule *r = sl_rules_of_kind(rules, kinds[kind], k);
            for (size_t i = 0; r->overlap && i < solieu_facts_count(cd->facts); i++) {
                const solieu_fact *f = solieu_facts_get(cd->facts, i);
                if (strcmp(r->id, f->rule) == 0)
                    cd->overlaps[f->id] = 1;
            }
        }
}

/* Whether two failed sums add the same number of parts to the same wrong
 * total: one figure stated in two places. */
static int same_sum_elsewhere(const sl_check_row *a, const sl_check_row *b)
{
    size_t na = 1, nb = 1;
    for (const char *p = a->facts; *p; p++)
        na += *p == ';';
    for (const char *p = b->facts; *p; p++)
        nb += *p == ';';
    return strcmp(a->check, "sum") == 0 && strcmp(a->computed, b->computed) == 0 && na == nb;
}

/* Two failed checks of one relation ("the forms add up to 230, not 229",
 * told by the list and by the ratings) are one inconsistency: the later of
 * two with the same check, figures and stated value is dropped. So is the
 * later of two that find the same wrong figure against the same sum in
 * two places (the text and a table's row stating "6" for forms adding up
 * to 5): its lines join the first's. Passes stay, each with its rule.
 * -1 when out of memory. */
static int drop_repeated_rows(solieu_checker *c, size_t first)
{
    size_t kept = first;
    int oom = 0;
    for (size_t i = first; i < c->rows.len; i++) {
        sl_check_row *r = sl_vec_at(&c->rows, i);
        sl_check_row *same = NULL;
        for (size_t j = first; j < kept && !same; j++) {
            sl_check_row *q = sl_vec_at(&c->rows, j);
            if (!q->pass && !r->pass && strcmp(q->check, r->check) == 0 &&
                strcmp(q->stated, r->stated) == 0 &&
                (strcmp(q->facts, r->facts) == 0 || same_sum_elsewhere(q, r)))
                same = q;
        }
        if (same && strcmp(same->facts, r->facts) != 0 && !strstr(same->lines, r->lines)) {
            char *lines = sl_printf("%s;%s", same->lines, r->lines);
            if (lines) {
                free(same->lines);
                same->lines = lines;
            } else {
                oom = 1;
            }
        }
        if (same)
            free_row(r);
        else
            *(sl_check_row *)sl_vec_at(&c->rows, kept++) = *r;
    }
    c->rows.len = kept;
    return oom ? -1 : 0;
}

solieu_status solieu_checker_add(solieu_checker *c, const solieu_document *doc,
                                 const solieu_facts *facts)
{
    sl_check_doc cd = {c, doc, facts, NULL, NULL, NULL, 0, c->rows.len, 0};
    cd.is_part = sl_calloc(solieu_facts_count(facts) + 1, 1);
    cd.overlaps = sl_calloc(solieu_facts_count(facts) + 1, 1);
    if (!cd.is_part || !cd.overlaps || index_footnotes(&cd) != 0) {
        free(cd.is_part);
        free(cd.overlaps);
        free(cd.footnoted);
        return SOLIEU_ERR_NOMEM;
    }
    mark_overlaps(&cd);
    sl_check_breakdowns(&cd);
    sl_check_chains(&cd);
    sl_check_ratios(&cd);
    /* a table's comparison column is checked against its two periods
     * before a share looks for a whole */
    sl_check_tables(&cd);
    sl_check_shares(&cd);
    sl_check_ratings(&cd);
    sl_check_comparisons(&cd);
    sl_check_footnotes(&cd);
    sl_check_named_lists(&cd);
    sl_check_body_series(&cd);
    sl_check_forms(&cd);
    sl_check_categories(&cd);
    sl_check_citations(&cd);
    if (!cd.oom && drop_repeated_rows(c, cd.first_row) != 0)
        cd.oom = 1;
    free(cd.is_part);
    free(cd.overlaps);
    free(cd.footnoted);
    return cd.oom ? SOLIEU_ERR_NOMEM : SOLIEU_OK;
}

size_t solieu_checker_rows(const solieu_checker *c, size_t *failed)
{
    if (failed) {
        *failed = 0;
        for (size_t i = 0; i < c->rows.len; i++)
            *failed += !((const sl_check_row *)sl_vec_at(&c->rows, i))->pass;
    }
    return c->rows.len;
}

solieu_status solieu_checker_write(solieu_checker *c, solieu_csv_writer *w)
{
    sl_check_citations_across(c);
    static const char *const header[] = {"doc",      "check",    "verdict",  "lines",
                                         "stated",   "computed", "message",  "severity",
                                         "tolerance", "facts",   "byte_start", "byte_end",
                                         "rule"};
    solieu_status st = solieu_csv_write_row(w, header, sizeof header / sizeof header[0]);
    for (size_t i = 0; st == SOLIEU_OK && i < c->rows.len; i++) {
        const sl_check_row *r = sl_vec_at(&c->rows, i);
        char bs[32] = "", be[32] = "";
        if (r->byte_end) {
            snprintf(bs, sizeof bs, "%zu", r->byte_start);
            snprintf(be, sizeof be, "%zu", r->byte_end);
        }
        const char *row[] = {r->doc,     r->check,    r->pass ? "pass" : "fail",
                             r->lines,   r->stated,   r->computed,
                             r->message, r->pass ? "info" : "error",
                             r->tolerance, r->facts,  bs,
                             be,         r->rule};
        st = solieu_csv_write_row(w, row, sizeof row / sizeof row[0]);
    }
    return st;
}
