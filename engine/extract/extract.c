/* One document in, its facts out: every fact rule over every paragraph,
 * candidates resolved, then each fact attributed its scope, period, entity
 * and — in a footnote that only names a noun — the metric of the body
 * sentence its marker hangs on. */
#include <stdlib.h>
#include <string.h>

#include <solieu/limits.h>
#include <solieu/number.h>

#include "extract/extract_internal.h"

typedef struct span {
    size_t start, end;
} span;

solieu_extractor *solieu_extractor_create(const solieu_rules *rules)
{
    solieu_extractor *ex = sl_calloc(1, sizeof *ex);
    if (!ex)
        return NULL;
    ex->rules = rules;
    ex->md = pcre2_match_data_create(64, NULL);
    ex->mc = sl_match_context_create();
    sl_buf_init(&ex->warnings, 64 * 1024);
    ex->stats = sl_calloc(solieu_rules_count(rules) + 1, sizeof *ex->stats);
    for (size_t i = 0; ex->stats && i < solieu_rules_count(rules); i++)
        ex->stats[i].rule_id = solieu_rules_id(rules, i);
    if (!ex->md || !ex->mc || !ex->stats) {
        solieu_extractor_destroy(ex);
        return NULL;
    }
    return ex;
}

void solieu_extractor_destroy(solieu_extractor *ex)
{
    if (!ex)
        return;
    pcre2_match_data_free(ex->md);
    pcre2_match_context_free(ex->mc);
    sl_buf_free(&ex->warnings);
    free(ex->stats);
    free(ex);
}

void solieu_extractor_set_profiling(solieu_extractor *ex, int on)
{
    ex->profiling = on;
}

const solieu_rule_stats *solieu_extractor_rule_stats(const solieu_extractor *ex)
{
    return ex->stats;
}

const char *solieu_extractor_warnings(const solieu_extractor *ex)
{
    return ex->warnings.data ? ex->warnings.data : "";
}

/* ---- the facts list ----------------------------------------------------- */

static solieu_facts *facts_create(void)
{
    solieu_facts *f = sl_calloc(1, sizeof *f);
    if (!f)
        return NULL;
    sl_vec_init(&f->facts, sizeof(solieu_fact));
    sl_vec_init(&f->strings, sizeof(char *));
    return f;
}

void solieu_facts_destroy(solieu_facts *facts)
{
    if (!facts)
        return;
    for (size_t i = 0; i < facts->strings.len; i++)
        free(*(char **)sl_vec_at(&facts->strings, i));
    sl_vec_free(&facts->strings);
    sl_vec_free(&facts->facts);
    free(facts->entity);
    free(facts);
}

size_t solieu_facts_count(const solieu_facts *facts)
{
    return facts->facts.len;
}

const solieu_fact *solieu_facts_get(const solieu_facts *facts, size_t index)
{
    return index < facts->facts.len ? sl_vec_at(&facts->facts, index) : NULL;
}

const char *solieu_facts_entity(const solieu_facts *facts)
{
    return facts->entity ? facts->entity : "";
}

/* Takes ownership of s; returns it, or "" when s is NULL or cannot be kept. */
static const char *keep(solieu_facts *facts, char *s, int *oom)
{
    if (!s) {
        *oom = 1;
        return "";
    }
    char **slot = sl_vec_push(&facts->strings);
    if (!slot) {
        free(s);
        *oom = 1;
        return "";
    }
    *slot = s;
    return s;
}

/* ---- matching ------------------------------------------------------------ */

typedef struct match_ctx {
    sl_vec *candidates;
    sl_vec *ignored;
    const char *segment;
    size_t rule_index;
    const pcre2_code *code; /* the rule's code whose match data is read */
    int oom;
} match_ctx;

static int on_fact(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    match_ctx *c = ctx;
    size_t vs, ve;
    if (!sl_group_span(c->code, md, "value", &vs, &ve) || ve <= vs)
        return 0;
    solieu_number num;
    if (solieu_number_parse(c->segment + vs, ve - vs, &num) != SOLIEU_OK ||
        num.consumed != ve - vs)
        return 0;
    sl_candidate *cand = sl_vec_push(c->candidates);
    if (!cand) {
        c->oom = 1;
        return 1;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    cand->start = vs;
    cand->value_end = ve;
    cand->end = ve;
    size_t ds, de;
    if (sl_group_span(c->code, md, "den", &ds, &de) && de > ds) {
        cand->den_start = ds;
        cand->den_end = de;
        if (de > cand->end)
            cand->end = de;
    }
    cand->match_start = ov[0];
    cand->match_end = ov[1];
    cand->rule = r;
    cand->rule_index = c->rule_index;
    size_t us, ue;
    if (sl_group_span(c->code, md, "unit", &us, &ue) && ue > us) {
        cand->has_unit_group = 1;
        cand->unit_start = us;
        cand->unit_end = ue;
    }
    size_t qs, qe;
    if (sl_group_span(c->code, md, "qualifier", &qs, &qe) && qe > qs) {
        cand->qual_start = qs;
        cand->qual_end = qe;
    }
    return 0;
}

static int on_ignore(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    match_ctx *c = ctx;
    size_t s, e;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    /* an `ignore` rule may name the part to drop; by default all of it */
    if (!sl_group_span(r->code, md, "drop", &s, &e)) {
        s = ov[0];
        e = ov[1];
    }
    span *sp = sl_vec_push(c->ignored);
    if (!sp) {
        c->oom = 1;
        return 1;
    }
    sp->start = s;
    sp->end = e;
    return 0;
}

/* ---- building facts ---------------------------------------------------------- */

typedef struct doc_ctx {
    solieu_extractor *ex;
    solieu_document *doc;
    solieu_facts *facts;
    const sl_header *header;
    sl_vec windows; /* trigger_windows of the current paragraph */
    int oom;
} doc_ctx;

static void add_fact(doc_ctx *d, size_t para_index, const sl_paragraph *p, const sl_candidate *c,
                     const sl_vec *period_markers)
{
    solieu_facts *facts = d->facts;
    const char *seg = p->segment;
    solieu_number num, den;
    if (solieu_number_parse(seg + c->start, c->value_end - c->start, &num) != SOLIEU_OK)
        return;
    solieu_fact *f = sl_vec_push(&facts->facts);
    if (!f) {
        d->oom = 1;
        return;
    }
    f->doc = d->doc->name;
    f->path = d->doc->path;
    f->text_start = sl_paragraph_to_text(p, c->start);
    f->text_end = sl_paragraph_to_text(p, c->end);
    f->line = solieu_document_line_of(d->doc, f->text_start, &f->column);
    f->byte_start = solieu_document_original_offset(d->doc, f->text_start);
    f->byte_end = solieu_document_original_offset(d->doc, f->text_end);
    f->text = keep(facts, sl_strndup(seg + c->start, c->end - c->start), &d->oom);
    f->value = num.value;
    if (c->den_end > c->den_start &&
        solieu_number_parse(seg + c->den_start, c->den_end - c->den_start, &den) == SOLIEU_OK) {
        f->denominator = den.value;
        f->has_denominator = 1;
    }
    const char *approx = NULL;
    solieu_number_approx_before(seg, c->start, &approx);
    f->approx = approx ? approx : "";
    if (c->has_unit_group)
        f->unit = keep(facts, sl_utf8_lower(seg + c->unit_start, c->unit_end - c->unit_start),
                       &d->oom);
    else
        f->unit = c->rule->unit ? c->rule->unit : "";
    f->metric = c->rule->metric ? c->rule->metric : "count";
    if (c->qual_end > c->qual_start)
        f->qualifier = keep(facts, sl_utf8_lower(seg + c->qual_start, c->qual_end - c->qual_start),
                            &d->oom);
    else
        f->qualifier = c->rule->qualifier ? c->rule->qualifier : "";
    f->period = sl_period_for(p, period_markers, c->start);
    f->period = keep(facts, sl_strdup(f->period), &d->oom);
    f->footnote = p->footnote;
    f->scope = p->footnote ? keep(facts, sl_printf("footnote:%d", p->footnote), &d->oom) : "body";
    f->entity = facts->entity ? facts->entity : "";
    f->rule = c->rule->id;
    f->context = keep(facts,
                      sl_context_snippet(seg, p->segment_len, c->start, c->end, SOLIEU_CONTEXT_BYTES),
                      &d->oom);
    f->paragraph = para_index;
}

static int rule_applies(const sl_rule *r, const sl_paragraph *p)
{
    if (r->where == SL_WHERE_BODY)
        return p->footnote == 0;
    if (r->where == SL_WHERE_FOOTNOTE)
        return p->footnote != 0;
    return 1;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* The words a Vietnamese number can open with (NFC, either case of the
 * first letter); the number parser decides the rest. */
static int is_number_word(const char *w, size_t n)
{
#define WORD(s) {s, sizeof s - 1}
    static const struct {
        const char *text;
        size_t len;
    } words[] = {WORD("m\xE1\xBB\x99t"), WORD("hai"), WORD("ba"), WORD("b\xE1\xBB\x91n"),
                 WORD("n\xC4\x83m"), WORD("s\xC3\xA1u"), WORD("b\xE1\xBA\xA3y"),
                 WORD("b\xE1\xBA\xA9y"), WORD("t\xC3\xA1m"), WORD("ch\xC3\xADn"),
                 WORD("m\xC6\xB0\xE1\xBB\x9Di"), WORD("tr\xC4\x83m"),
                 WORD("ngh\xC3\xACn"), WORD("ng\xC3\xA0n"), WORD("tri\xE1\xBB\x87u")};
#undef WORD
    if (n < 2 || n > 8)
        return 0;
    char first = (char)(w[0] | 0x20);
    if (!strchr("mhbnstc", first))
        return 0;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (words[k].len == n && first == words[k].text[0] &&
            memcmp(w + 1, words[k].text + 1, n - 1) == 0)
            return 1;
    return 0;
}

/* Where a number may start: the first digit of a digit group that does not
 * continue another number, and the starts of numbers written in words.
 * Every fact holds a number, so a paragraph without sites has none. */
static void find_sites(doc_ctx *d, const sl_paragraph *p, size_t line, sl_vec *sites)
{
    const char *s = p->segment;
    for (size_t i = 0; i < p->segment_len; i++) {
        if (!is_digit(s[i]))
            continue;
        if (i == 0 || !(is_digit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ',' || s[i - 1] == '/')) {
            size_t *slot = sl_vec_push(sites);
            if (!slot) {
                d->oom = 1;
                return;
            }
            *slot = i;
        }
    }
    /* numbers in words: asked of the number parser where a word is one of
     * the number words; a lone "một" or "năm" is an article or a year */
    for (size_t i = 0; i < p->segment_len; i++) {
        if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '(' && s[i - 1] != ',')
            continue;
        size_t w = i;
        while (w < p->segment_len && s[w] != ' ' && s[w] != ',' && s[w] != '.' && s[w] != ';')
            w++;
        if (!is_number_word(s + i, w - i))
            continue;
        solieu_number num;
        if (solieu_number_parse(s + i, p->segment_len - i, &num) != SOLIEU_OK || !num.from_words)
            continue;
        int lone = (num.value == 1 || num.value == 5) && num.consumed == w - i;
        if (!lone) {
            size_t *slot = sl_vec_push(sites);
            if (!slot) {
                d->oom = 1;
                return;
            }
            *slot = i;
        }
        i += num.consumed - 1;
    }
    (void)line;
}

/* The sentences of a paragraph that hold a trigger, found once per
 * distinct trigger string and paragraph (rules often share one). */
typedef struct trigger_windows {
    const char *trigger;
    sl_vec spans; /* span */
} trigger_windows;

static const sl_vec *windows_for(doc_ctx *d, const sl_rule *r, const sl_paragraph *p)
{
    for (size_t k = 0; k < d->windows.len; k++) {
        trigger_windows *w = sl_vec_at(&d->windows, k);
        if (strcmp(w->trigger, r->trigger) == 0)
            return &w->spans;
    }
    trigger_windows *w = sl_vec_push(&d->windows);
    if (!w) {
        d->oom = 1;
        return NULL;
    }
    w->trigger = r->trigger;
    sl_vec_init(&w->spans, sizeof(span));
    const char *s = p->segment;
    size_t len = p->segment_len, done = 0;
    while (done < len) {
        size_t hit = sl_rule_trigger_at(r, s + done, len - done);
        if (hit == (size_t)-1)
            break;
        hit += done;
        span *sp = sl_vec_push(&w->spans);
        if (!sp) {
            d->oom = 1;
            break;
        }
        sp->start = sl_sentence_start(s, hit);
        if (sp->start < done)
            sp->start = done;
        sp->end = sl_sentence_end(s, len, hit);
        done = sp->end > hit ? sp->end : hit + 1;
    }
    return &w->spans;
}

static void clear_windows(doc_ctx *d)
{
    for (size_t k = 0; k < d->windows.len; k++)
        sl_vec_free(&((trigger_windows *)sl_vec_at(&d->windows, k))->spans);
    d->windows.len = 0;
}

/* Runs a rule's scanning alternatives over the paragraph; a rule with
 * triggers only over the sentences that hold one (its matches stay within a
 * sentence: the gaps in patterns never cross a full stop). */
static void scan_rule(doc_ctx *d, const sl_rule *r, const sl_paragraph *p, size_t line,
                      match_ctx *mc)
{
    const char *s = p->segment;
    size_t len = p->segment_len;
    if (!r->trigger) {
        sl_match_range(d->ex, r, r->code_scan, s, len, 0, len, line, d->doc->name, on_fact, mc);
        return;
    }
    const sl_vec *spans = windows_for(d, r, p);
    for (size_t k = 0; spans && k < spans->len; k++) {
        const span *sp = sl_vec_at(spans, k);
        /* lookaheads may peek a little past the sentence's end */
        size_t subject = sp->end + 64 < len ? sp->end + 64 : len;
        sl_match_range(d->ex, r, r->code_scan, s, subject, sp->start, sp->end, line,
                       d->doc->name, on_fact, mc);
    }
}

/* The first byte after the number at `site` and the spaces after it; 0 for
 * a number written in words (its end is not known here: try every rule). */
static unsigned char follow_byte(const char *s, size_t len, size_t site)
{
    if (!is_digit(s[site]))
        return 0;
    size_t i = site;
    while (i < len && (is_digit(s[i]) || s[i] == '.' || s[i] == ',' || s[i] == '/' || s[i] == '%'))
        i++;
    /* "96,48 %" and "27.210." end differently from the run */
    while (i > site && (s[i - 1] == '.' || s[i - 1] == ','))
        i--;
    size_t j = i;
    while (j < len && s[j] == ' ')
        j++;
    if (j < len && s[j] == '%')
        return 0;
    return j < len ? (unsigned char)s[j] : 0;
}

static void extract_paragraph(doc_ctx *d, size_t k, sl_vec *candidates, sl_vec *ignored,
                              sl_vec *markers, sl_vec *sites)
{
    const sl_paragraph *p = sl_vec_at(&d->doc->paragraphs, k);
    const sl_piece *first = sl_vec_at(&p->pieces, 0);
    size_t line = solieu_document_line_of(d->doc, first->start, NULL);
    candidates->len = ignored->len = markers->len = sites->len = 0;
    clear_windows(d);
    find_sites(d, p, line, sites);
    if (sites->len == 0)
        return;
    match_ctx mc = {candidates, ignored, p->segment, 0, NULL, 0};
    const solieu_rules *rules = d->ex->rules;
    size_t nfact = sl_rules_kind_count(rules, SL_RULE_FACT);
    for (size_t i = 0; i < nfact && !mc.oom; i++) {
        const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_FACT, i);
        if (r->code_scan && rule_applies(r, p)) {
            mc.rule_index = i;
            mc.code = r->code_scan;
            scan_rule(d, r, p, line, &mc);
        }
    }
    /* the alternatives that start with the number: tried at each site, when
     * what follows the number there can start what follows it in the rule */
    const size_t *site = sites->items;
    for (size_t j = 0; j < sites->len && !mc.oom; j++) {
        unsigned char next = follow_byte(p->segment, p->segment_len, site[j]);
        for (size_t i = 0; i < nfact; i++) {
            const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_FACT, i);
            if (!r->code_value || !rule_applies(r, p) || (next && !sl_rule_may_follow(r, next)))
                continue;
            mc.rule_index = i;
            mc.code = r->code_value;
            int rc = sl_match(d->ex, r, r->code_value, p->segment, p->segment_len, site[j],
                              PCRE2_ANCHORED);
            if (rc >= 0)
                on_fact(&mc, r, d->ex->md);
            else if (rc != PCRE2_ERROR_NOMATCH)
                sl_buf_printf(&d->ex->warnings, "%s:%zu: rule %s hit PCRE2 error %d; skipped there\n",
                              d->doc->name, line, r->id, rc);
        }
    }
    if (candidates->len == 0) {
        d->oom |= mc.oom;
        return;
    }
    for (size_t i = 0; i < sl_rules_kind_count(rules, SL_RULE_IGNORE); i++) {
        const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_IGNORE, i);
        if (rule_applies(r, p))
            sl_match_all(d->ex, r, p->segment, p->segment_len, line, d->doc->name, on_ignore, &mc);
    }
    d->oom |= mc.oom;
    sl_candidates_resolve(candidates, ignored);
    if (candidates->len == 0)
        return;
    sl_periods_find(d->ex, p, d->header, line, d->doc->name, markers);
    for (size_t i = 0; i < candidates->len; i++)
        add_fact(d, k, p, sl_vec_at(candidates, i), markers);
}

/* "lượt tập thể" and "tập thể" count the same noun. */
static const char *unit_head(const char *unit)
{
    static const char turn[] = "l\xC6\xB0\xE1\xBB\xA3t "; /* "lượt " */
    return strncmp(unit, turn, sizeof turn - 1) == 0 ? unit + sizeof turn - 1 : unit;
}

/* The footnote's noun names the body's, or the body's begins with it
 * ("cuộc" for "cuộc giám sát"). */
int sl_same_noun(const char *body_unit, const char *footnote_unit)
{
    const char *b = unit_head(body_unit), *f = unit_head(footnote_unit);
    size_t n = strlen(f);
    return strncmp(b, f, n) == 0 && (b[n] == '\0' || b[n] == ' ');
}

static size_t segment_offset(const sl_paragraph *p, size_t text_offset)
{
    for (size_t j = 0; j < p->pieces.len; j++) {
        const sl_piece *piece = sl_vec_at(&p->pieces, j);
        if (text_offset >= piece->start && text_offset <= piece->end)
            return piece->seg_offset + (text_offset - piece->start);
    }
    return 0;
}

/* A footnote fact that says only "20 tập thể" counts what the body sentence
 * its marker hangs on counts ("449 lượt tập thể" given review suggestions). */
static void inherit_footnote_metrics(doc_ctx *d)
{
    sl_vec *facts = &d->facts->facts;
    for (size_t i = 0; i < facts->len; i++) {
        solieu_fact *f = sl_vec_at(facts, i);
        if (!f->footnote || strcmp(f->metric, "count") != 0 || !*f->unit)
            continue;
        const solieu_fact *best = NULL;
        for (size_t m = 0; m < d->doc->markers.len && !best; m++) {
            const sl_marker *mk = sl_vec_at(&d->doc->markers, m);
            if (mk->definition || mk->number != f->footnote || mk->paragraph == (size_t)-1)
                continue;
            const sl_paragraph *p = sl_vec_at(&d->doc->paragraphs, mk->paragraph);
            if (p->footnote)
                continue;
            size_t seg_marker = segment_offset(p, mk->start);
            size_t from = sl_paragraph_to_text(p, sl_sentence_start(p->segment, seg_marker));
            for (size_t j = 0; j < facts->len; j++) {
                const solieu_fact *g = sl_vec_at(facts, j);
                if (g->footnote || g->paragraph != mk->paragraph || g->text_start < from ||
                    g->text_start > mk->start || strcmp(g->metric, "count") == 0)
                    continue;
                if (sl_same_noun(g->unit, f->unit))
                    best = g;
            }
        }
        if (best) {
            f->metric = best->metric;
            if (!*f->qualifier)
                f->qualifier = best->qualifier;
        }
    }
}

static int by_offset(const void *pa, const void *pb)
{
    const solieu_fact *a = pa, *b = pb;
    return a->text_start < b->text_start ? -1 : a->text_start > b->text_start;
}

solieu_status solieu_extract(solieu_extractor *ex, solieu_document *doc, solieu_facts **out,
                             char **error)
{
    *out = NULL;
    if (error)
        *error = NULL;
    sl_buf_free(&ex->warnings);
    solieu_facts *facts = facts_create();
    if (!facts)
        return SOLIEU_ERR_NOMEM;
    sl_header header;
    sl_header_detect(ex, doc, &header);
    facts->entity = header.entity;
    header.entity = NULL;

    doc_ctx d = {ex, doc, facts, &header, {0}, 0};
    sl_vec_init(&d.windows, sizeof(trigger_windows));
    sl_vec candidates, ignored, markers, sites;
    sl_vec_init(&candidates, sizeof(sl_candidate));
    sl_vec_init(&ignored, sizeof(span));
    sl_vec_init(&markers, sizeof(sl_period_marker));
    sl_vec_init(&sites, sizeof(size_t));
    for (size_t k = 0; k < doc->paragraphs.len && !d.oom; k++)
        extract_paragraph(&d, k, &candidates, &ignored, &markers, &sites);
    clear_windows(&d);
    sl_vec_free(&d.windows);
    sl_vec_free(&sites);
    sl_vec_free(&candidates);
    sl_vec_free(&ignored);
    sl_vec_free(&markers);
    if (d.oom) {
        solieu_facts_destroy(facts);
        if (error)
            *error = sl_printf("%s: out of memory", doc->path);
        return SOLIEU_ERR_NOMEM;
    }
    if (facts->facts.len)
        qsort(facts->facts.items, facts->facts.len, sizeof(solieu_fact), by_offset);
    inherit_footnote_metrics(&d);
    for (size_t i = 0; i < facts->facts.len; i++)
        ((solieu_fact *)sl_vec_at(&facts->facts, i))->id = i + 1;
    *out = facts;
    return SOLIEU_OK;
}
