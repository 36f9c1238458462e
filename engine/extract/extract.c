/* One document in, its facts out: every fact rule over every paragraph,
 * candidates resolved, then each fact attributed its scope, period, entity
 * and — in a footnote that only names a noun — the metric of the body
 * sentence its marker hangs on. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <solieu/limits.h>
#include <solieu/number.h>

#include "document/tones.h"
#include "extract/extract_internal.h"
#include "util/bytes16.h"

typedef struct span {
    size_t start, end;
} span;

static int list_scanning_rules(solieu_extractor *ex)
{
    size_t nfact = sl_rules_kind_count(ex->rules, SL_RULE_FACT);
    for (int in_footnote = 0; in_footnote < 2; in_footnote++) {
        ex->scanning[in_footnote] = sl_calloc(nfact + 1, sizeof(size_t));
        if (!ex->scanning[in_footnote])
            return -1;
        for (size_t i = 0; i < nfact; i++) {
            const sl_rule *r = sl_rules_of_kind(ex->rules, SL_RULE_FACT, i);
            if (r->code_scan && r->where != (in_footnote ? SL_WHERE_BODY : SL_WHERE_FOOTNOTE))
                ex->scanning[in_footnote][ex->scanning_count[in_footnote]++] = i;
        }
    }
    return 0;
}

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
    /* without it (no Hyperscan, or no memory for it) the search scans */
    const sl_triggers *searches[] = {sl_rules_triggers(rules), &rules->header_words};
    ex->literals = sl_literal_scratch_create(searches, 2);
    if (!ex->md || !ex->mc || !ex->stats || list_scanning_rules(ex) != 0) {
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
    sl_literal_scratch_destroy(ex->literals);
    free(ex->scanning[0]);
    free(ex->scanning[1]);
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

size_t sl_facts_from(const solieu_facts *facts, size_t offset)
{
    size_t lo = 0, hi = solieu_facts_count(facts);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (solieu_facts_get(facts, mid)->text_start < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const char *sl_facts_keep(solieu_facts *facts, char *s, int *oom)
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
    const pcre2_code *code;       /* the rule's code whose match data is read */
    const sl_fact_groups *groups; /* its named groups */
    int oom;
} match_ctx;

static int on_fact(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    match_ctx *c = ctx;
    size_t vs, ve;
    const sl_fact_groups *g = c->groups;
    if (!sl_group_numbers_span(&g->value, c->code, md, "value", &vs, &ve) || ve <= vs)
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
    if (sl_group_numbers_span(&g->den, c->code, md, "den", &ds, &de) && de > ds) {
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
    if (sl_group_numbers_span(&g->unit, c->code, md, "unit", &us, &ue) && ue > us) {
        cand->has_unit_group = 1;
        cand->unit_start = us;
        cand->unit_end = ue;
    }
    size_t qs, qe;
    if (sl_group_numbers_span(&g->qualifier, c->code, md, "qualifier", &qs, &qe) && qe > qs) {
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

/* The sentences of a paragraph that hold one of a trigger group's words,
 * found for every group at once from one pass over the words. */
typedef struct group_windows {
    size_t done;  /* where the last window ends, while they are found */
    sl_vec spans; /* span */
} group_windows;

typedef struct doc_ctx {
    solieu_extractor *ex;
    solieu_document *doc;
    solieu_facts *facts;
    const sl_header *header;
    /* the trigger words of the current paragraph and the windows they open,
     * and the words the rules' matches open with */
    sl_vec hits;     /* sl_trigger_hit */
    sl_vec openings; /* sl_trigger_hit */
    sl_word_starts starts; /* the opening words by group */
    int literals_found;
    group_windows *groups; /* by trigger group */
    int windows_found;
    size_t ngroups;
    const sl_vec *sites; /* of the current paragraph: size_t offsets, ascending */
    sl_vec near;         /* span: where ignore rules run in the current paragraph */
    sl_sentences sentences; /* of the current paragraph, once asked for */
    int sentences_found;
    /* the period a list's head line gives its items ("Kết quả năm 2024 như
     * sau:" then "- ..."), "" when none */
    char list_period[32];
    int oom;
} doc_ctx;

/* Whether a figure written "1,245" counts whole things: people or party
 * bodies, of which there is no 1.245. Reports typed with English software
 * group thousands with a comma; a Vietnamese decimal comma before three
 * digits is then no decimal ("1,245 tỷ đồng" stays 1.245). */
static int thousands_by_comma(const char *text, size_t n, const char *unit)
{
    static const char *const whole[] = {
        "\xC4\x91\xE1\xBA\xA3ng vi\xC3\xAAn", /* đảng viên */
        "\xC4\x91\xE1\xBB\x93ng ch\xC3\xAD",  /* đồng chí */
        "t\xE1\xBB\x95 ch\xE1\xBB\xA9"
        "c",                                       /* tổ chức */
        "chi b\xE1\xBB\x99",                       /* chi bộ */
        "\xC4\x91\xE1\xBA\xA3ng b\xE1\xBB\x99",    /* đảng bộ */
        "tr\xC6\xB0\xE1\xBB\x9Dng h\xE1\xBB\xA3p", /* trường hợp */
        "t\xE1\xBA\xADp th\xE1\xBB\x83",           /* tập thể */
        "c\xC3\xA1 nh\xC3\xA2n",                   /* cá nhân */
        "l\xC6\xB0\xE1\xBB\xA3t",                  /* lượt */
        "ng\xC6\xB0\xE1\xBB\x9Di",                 /* người */
        "qu\xE1\xBA\xA7n ch\xC3\xBAng",            /* quần chúng */
    };
    size_t comma = n >= 5 ? n - 4 : 0;
    if (n < 5 || n > 7 || text[comma] != ',' || text[0] == '0')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (i != comma && (text[i] < '0' || text[i] > '9'))
            return 0;
    for (size_t k = 0; k < sizeof whole / sizeof whole[0]; k++)
        if (strncmp(unit, whole[k], strlen(whole[k])) == 0)
            return 1;
    return 0;
}

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
    f->text = sl_facts_keep(
        facts, sl_document_as_written(d->doc, f->text_start, seg + c->start, c->end - c->start),
        &d->oom);
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
        f->unit = sl_facts_keep(
            facts, sl_utf8_lower(seg + c->unit_start, c->unit_end - c->unit_start), &d->oom);
    else
        f->unit = c->rule->unit ? c->rule->unit : "";
    if (c->den_end <= c->den_start &&
        thousands_by_comma(seg + c->start, c->value_end - c->start, f->unit))
        f->value = round(f->value * 1000);
    f->metric = c->rule->metric ? c->rule->metric : "count";
    if (c->qual_end > c->qual_start)
        f->qualifier = sl_facts_keep(
            facts, sl_utf8_lower(seg + c->qual_start, c->qual_end - c->qual_start), &d->oom);
    else
        f->qualifier = c->rule->qualifier ? c->rule->qualifier : "";
    f->period = sl_period_for(p, period_markers, c->start);
    f->period = sl_facts_keep(facts, sl_strdup(f->period), &d->oom);
    f->footnote = p->footnote;
    f->scope =
        p->footnote ? sl_facts_keep(facts, sl_printf("footnote:%d", p->footnote), &d->oom) : "body";
    f->entity = facts->entity ? facts->entity : "";
    f->rule = c->rule->id;
    f->context = sl_facts_keep(
        facts, sl_context_snippet(seg, p->segment_len, c->start, c->end, SOLIEU_CONTEXT_BYTES),
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

static int ends_word(const char *s, size_t len, size_t i)
{
    return i >= len || s[i] == ' ' || s[i] == ',' || s[i] == '.' || s[i] == ';';
}

/* The words a Vietnamese number can open with (NFC, lower case), listed by
 * first letter: a word start is compared with the few that could match. */
typedef struct number_word {
    const char *text;
    size_t len;
} number_word;

#define WORD(s) {s, sizeof s - 1}
static const number_word words_m[] = {WORD("m\xE1\xBB\x99t"), WORD("m\xC6\xB0\xE1\xBB\x9Di")},
                         words_h[] = {WORD("hai")},
                         words_b[] = {WORD("ba"), WORD("b\xE1\xBB\x91n"), WORD("b\xE1\xBA\xA3y"),
                                      WORD("b\xE1\xBA\xA9y")},
                         words_n[] = {WORD("n\xC4\x83m"), WORD("ngh\xC3\xACn"),
                                      WORD("ng\xC3\xA0n")},
                         words_s[] = {WORD("s\xC3\xA1u")},
                         words_t[] = {WORD("t\xC3\xA1m"), WORD("tr\xC4\x83m"),
                                      WORD("tri\xE1\xBB\x87u")},
                         words_c[] = {WORD("ch\xC3\xADn")};
#undef WORD
#define COUNT(words) (sizeof words / sizeof words[0])
static const struct {
    const number_word *words;
    size_t count;
} number_words_by_letter[26] = {
    ['m' - 'a'] = {words_m, COUNT(words_m)}, ['h' - 'a'] = {words_h, COUNT(words_h)},
    ['b' - 'a'] = {words_b, COUNT(words_b)}, ['n' - 'a'] = {words_n, COUNT(words_n)},
    ['s' - 'a'] = {words_s, COUNT(words_s)}, ['t' - 'a'] = {words_t, COUNT(words_t)},
    ['c' - 'a'] = {words_c, COUNT(words_c)}};
#undef COUNT

/* Whether one of the number words stands whole at s, its first letter in
 * either case; the number parser decides the rest. */
static int is_number_word(const char *s, size_t len)
{
    unsigned letter = (unsigned char)(s[0] | 0x20) - 'a';
    if (letter >= 26)
        return 0;
    const number_word *words = number_words_by_letter[letter].words;
    for (size_t k = 0; k < number_words_by_letter[letter].count; k++)
        if (words[k].len <= len && s[1] == words[k].text[1] &&
            memcmp(s + 2, words[k].text + 2, words[k].len - 2) == 0 &&
            ends_word(s, len, words[k].len))
            return 1;
    return 0;
}

/* The bytes a number site can open with: digits, and the first letters of
 * the number words in either case. find_sites steps over all others. */
static const unsigned char opens_site[256] = {
    ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
    ['8'] = 1, ['9'] = 1, ['m'] = 1, ['M'] = 1, ['h'] = 1, ['H'] = 1, ['b'] = 1, ['B'] = 1,
    ['n'] = 1, ['N'] = 1, ['s'] = 1, ['S'] = 1, ['t'] = 1, ['T'] = 1, ['c'] = 1, ['C'] = 1};

/* Whether a number starts at s[i], a byte that can open one: a digit that
 * does not continue another number, or a number written in words that
 * starts a word (and does not lie in one found before: *words_from). */
static int starts_number(const char *s, size_t len, size_t i, size_t *words_from)
{
    unsigned char c = (unsigned char)s[i];
    if (is_digit((char)c))
        return i == 0 ||
               !(is_digit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ',' || s[i - 1] == '/');
    if (i < *words_from || !(i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == ',') ||
        !is_number_word(s + i, len - i))
        return 0;
    /* numbers in words: asked of the number parser where a word is one of
     * the number words; a lone "một" or "năm" is an article or a year */
    solieu_number num;
    if (solieu_number_parse(s + i, len - i, &num) != SOLIEU_OK || !num.from_words)
        return 0;
    size_t w = i;
    while (!ends_word(s, len, w))
        w++;
    *words_from = i + num.consumed;
    return !((num.value == 1 || num.value == 5) && num.consumed == w - i);
}

#ifdef __SSE2__
/* The bytes of s[0..16) that may start a number (s[-1] readable): digits,
 * and bytes after a space, '(' or ',' (word starts; opens_site and
 * starts_number look closer). Most bytes of a report are neither. */
static uint32_t site_candidates(const char *s)
{
    __m128i x = sl_load16(s), before = sl_load16(s - 1);
    uint32_t digits = sl_mask_gt(x, '0' - 1) & sl_mask_lt(x, '9' + 1);
    uint32_t after_gap =
        sl_mask_eq(before, ' ') | sl_mask_eq(before, '(') | sl_mask_eq(before, ',');
    return digits | after_gap;
}
#endif

/* Adds s[i] to the sites when a number starts there; -1: out of memory. */
static int try_site(const char *s, size_t len, size_t i, size_t *words_from, sl_vec *sites)
{
    if (!opens_site[(unsigned char)s[i]] || !starts_number(s, len, i, words_from))
        return 0;
    size_t *slot = sl_vec_push(sites);
    if (!slot)
        return -1;
    *slot = i;
    return 0;
}

/* Where a number may start: the first digit of a digit group that does not
 * continue another number, and the starts of numbers written in words.
 * Every fact holds a number, so a paragraph without sites has none. */
static void find_sites(doc_ctx *d, const sl_paragraph *p, sl_vec *sites)
{
    const char *s = p->segment;
    size_t len = p->segment_len, words_from = 0, i = 0;
    int rc = len ? try_site(s, len, i++, &words_from, sites) : 0;
#ifdef __SSE2__
    for (; i + 16 <= len && rc == 0; i += 16)
        for (uint32_t m = site_candidates(s + i); m && rc == 0; m &= m - 1)
            rc = try_site(s, len, i + (size_t)__builtin_ctz(m), &words_from, sites);
#endif
    for (; i < len && rc == 0; i++)
        rc = try_site(s, len, i, &words_from, sites);
    if (rc != 0)
        d->oom = 1;
}

/* Where the subject of a match that starts in a sentence ending at `end`
 * ends: lookaheads may peek a little past the sentence. */
static size_t subject_end(size_t end, size_t len)
{
    return end + 64 < len ? end + 64 : len;
}

/* Whether a site lies in [from, to). */
static int site_between(const sl_vec *sites, size_t from, size_t to)
{
    size_t lo = sl_vec_lower_bound(sites, from);
    return lo < sites->len && *(const size_t *)sl_vec_at(sites, lo) < to;
}

static const sl_sentences *sentences_of(doc_ctx *d, const sl_paragraph *p)
{
    if (!d->sentences_found) {
        if (sl_sentences_index(&d->sentences, p->segment, p->segment_len) != 0) {
            d->oom = 1;
            return NULL;
        }
        d->sentences_found = 1;
    }
    return &d->sentences;
}

/* The trigger and opening words of the paragraph, found once. */
static int find_literals(doc_ctx *d, const sl_paragraph *p)
{
    if (d->literals_found)
        return 0;
    d->hits.len = d->openings.len = 0;
    const sl_triggers *t = sl_rules_triggers(d->ex->rules);
    if (sl_triggers_find(t, d->ex->literals, p->segment, p->segment_len, &d->hits, &d->openings) !=
            0 ||
        sl_word_starts_fill(&d->starts, t, &d->openings) != 0) {
        d->oom = 1;
        return -1;
    }
    d->literals_found = 1;
    return 0;
}

/* Where r's opening words stand in the paragraph (NULL: scan). */
static const sl_vec *starts_of(doc_ctx *d, const sl_rule *r, const sl_paragraph *p)
{
    return r->code_open && find_literals(d, p) == 0 ? sl_word_starts_of(&d->starts, r) : NULL;
}

/* Every trigger group's windows, in one pass over the paragraph's trigger
 * words: the sentences that hold one of the group's words and a number. */
static int find_windows(doc_ctx *d, const sl_paragraph *p)
{
    if (d->windows_found)
        return 0;
    const sl_sentences *sentences = find_literals(d, p) == 0 ? sentences_of(d, p) : NULL;
    if (!sentences)
        return -1;
    const sl_triggers *t = sl_rules_triggers(d->ex->rules);
    size_t len = p->segment_len;
    for (size_t k = 0; k < d->hits.len; k++) {
        const sl_trigger_hit *h = sl_vec_at(&d->hits, k);
        size_t start = (size_t)-1, end = 0;
        const sl_word_groups *by = &t->by_word[SL_LIST_TRIGGERS];
        for (size_t j = by->first[h->word]; j < by->first[h->word + 1]; j++) {
            group_windows *g = &d->groups[by->groups[j]];
            if (h->pos < g->done)
                continue;
            if (start == (size_t)-1) {
                start = sl_sentences_start(sentences, h->pos);
                end = sl_sentences_end(sentences, h->pos);
            }
            size_t from = start < g->done ? g->done : start;
            g->done = end > h->pos ? end : h->pos + 1;
            /* every fact holds a number: a sentence without one is passed over */
            if (!site_between(d->sites, from, subject_end(end, len)))
                continue;
            span *sp = sl_vec_push(&g->spans);
            if (!sp) {
                d->oom = 1;
                return -1;
            }
            sp->start = from;
            sp->end = end;
        }
    }
    d->windows_found = 1;
    return 0;
}

static const sl_vec *windows_for(doc_ctx *d, const sl_rule *r, const sl_paragraph *p)
{
    return find_windows(d, p) == 0 ? &d->groups[r->trigger_group].spans : NULL;
}

/* Whether one of the (sorted, disjoint) spans meets [from, to]. */
static int overlaps_window(const sl_vec *spans, size_t from, size_t to)
{
    if (!spans)
        return 0;
    size_t lo = 0, hi = spans->len;
    while (lo < hi) { /* the first span that ends after `from` */
        size_t mid = lo + (hi - lo) / 2;
        if (((const span *)sl_vec_at(spans, mid))->end <= from)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < spans->len && ((const span *)sl_vec_at(spans, lo))->start <= to;
}

static void clear_windows(doc_ctx *d)
{
    d->literals_found = 0;
    d->sentences_found = 0;
    d->windows_found = 0;
    for (size_t k = 0; k < d->ngroups; k++) {
        d->groups[k].done = 0;
        d->groups[k].spans.len = 0;
    }
}

/* Runs a rule's scanning alternatives over the paragraph; a rule with
 * triggers only over the sentences that hold one (its matches stay within a
 * sentence: the gaps in patterns never cross a full stop). */
static void scan_rule(doc_ctx *d, const sl_rule *r, const sl_paragraph *p, size_t line,
                      match_ctx *mc)
{
    const char *s = p->segment;
    size_t len = p->segment_len;
    const sl_vec *starts = starts_of(d, r, p);
    if (!r->trigger) {
        sl_match_scanning(d->ex, r, r->code_scan, s, len, starts, 0, len, line, d->doc->name,
                          on_fact, mc);
        return;
    }
    const sl_vec *spans = windows_for(d, r, p);
    for (size_t k = 0; spans && k < spans->len; k++) {
        const span *sp = sl_vec_at(spans, k);
        sl_match_scanning(d->ex, r, r->code_scan, s, subject_end(sp->end, len), starts, sp->start,
                          sp->end, line, d->doc->name, on_fact, mc);
    }
}

/* How the number at a site is written (SL_SHAPE_*), and the first byte
 * after it and the spaces after it, 0 when that is not known here (a
 * number in words, whose end only the parser knows; a percent sign, which
 * the rule's macro takes in). */
typedef struct site_info {
    unsigned shape;
    unsigned char next;
} site_info;

static site_info site_at(const char *s, size_t len, size_t site)
{
    site_info info = {SL_SHAPE_WORDS, 0};
    if (!is_digit(s[site]))
        return info;
    size_t i = site;
    info.shape = SL_SHAPE_PLAIN;
    while (i < len &&
           (is_digit(s[i]) || s[i] == '.' || s[i] == ',' || s[i] == '/' || s[i] == '%')) {
        if (s[i] == '/' && !(i + 1 < len && is_digit(s[i + 1])))
            break; /* "1,53%/năm": a rate per year, no fraction */
        if (s[i] == '/' && info.shape == SL_SHAPE_PLAIN)
            info.shape = SL_SHAPE_FRACTION;
        i++;
    }
    /* "96,48 %" and "27.210." end differently from the run */
    while (i > site && (s[i - 1] == '.' || s[i - 1] == ','))
        i--;
    size_t j = i;
    while (j < len && s[j] == ' ')
        j++;
    if ((j < len && s[j] == '%') || (i > site && s[i - 1] == '%')) {
        if (info.shape == SL_SHAPE_PLAIN)
            info.shape = SL_SHAPE_PERCENT;
        if (j < len && s[j] == '%')
            return info;
    }
    info.next = j < len ? (unsigned char)s[j] : 0;
    return info;
}

static int by_start(const void *a, const void *b)
{
    const span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Where an ignore match can cover a candidate: it starts in the candidate's
 * sentence, before the candidate ends. Sorted, overlaps merged. */
static const sl_vec *candidate_windows(doc_ctx *d, const sl_paragraph *p, const sl_vec *candidates)
{
    sl_vec *near = &d->near;
    near->len = 0;
    const sl_sentences *sentences = sentences_of(d, p);
    if (!sentences)
        return NULL;
    for (size_t i = 0; i < candidates->len; i++) {
        const sl_candidate *c = sl_vec_at(candidates, i);
        span *w = sl_vec_push(near);
        if (!w) {
            d->oom = 1;
            return NULL;
        }
        w->start = sl_sentences_start(sentences, c->start);
        w->end = c->end;
    }
    qsort(near->items, near->len, sizeof(span), by_start);
    size_t kept = 0;
    for (size_t i = 0; i < near->len; i++) {
        span *w = sl_vec_at(near, i), *last = kept ? sl_vec_at(near, kept - 1) : NULL;
        if (last && w->start <= last->end) {
            if (w->end > last->end)
                last->end = w->end;
        } else {
            *(span *)sl_vec_at(near, kept++) = *w;
        }
    }
    near->len = kept;
    return near;
}

static void extract_paragraph_facts(doc_ctx *d, size_t k, sl_vec *candidates, sl_vec *ignored,
                                    sl_vec *markers, sl_vec *sites)
{
    const sl_paragraph *p = sl_vec_at(&d->doc->paragraphs, k);
    const sl_piece *first = sl_vec_at(&p->pieces, 0);
    size_t line = solieu_document_line_of(d->doc, first->start, NULL);
    candidates->len = ignored->len = markers->len = sites->len = 0;
    clear_windows(d);
    find_sites(d, p, sites);
    if (sites->len == 0)
        return;
    d->sites = sites;
    match_ctx mc = {candidates, ignored, p->segment, 0, NULL, NULL, 0};
    const solieu_rules *rules = d->ex->rules;
    const size_t *scanning = d->ex->scanning[p->footnote != 0];
    for (size_t n = 0; n < d->ex->scanning_count[p->footnote != 0] && !mc.oom; n++) {
        const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_FACT, scanning[n]);
        mc.rule_index = scanning[n];
        mc.code = r->code_scan;
        mc.groups = &r->scan_groups;
        scan_rule(d, r, p, line, &mc);
    }
    /* the alternatives that start with the number: tried at each site, when
     * what follows the number there can start what follows it in the rule */
    const size_t *site = sites->items;
    for (size_t j = 0; j < sites->len && !mc.oom; j++) {
        site_info at = site_at(p->segment, p->segment_len, site[j]);
        size_t count;
        const size_t *ids =
            sl_value_index_rules(sl_rules_value_index(rules), at.shape, at.next, &count);
        for (size_t n = 0; n < count; n++) {
            size_t i = ids[n];
            const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_FACT, i);
            if (!rule_applies(r, p))
                continue;
            if (r->trigger && !overlaps_window(windows_for(d, r, p), site[j], site[j]))
                continue;
            mc.rule_index = i;
            mc.code = r->code_value;
            mc.groups = &r->value_groups;
            int rc = sl_match(d->ex, r, r->code_value, p->segment, p->segment_len, site[j], 0);
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
    const sl_vec *near = candidate_windows(d, p, candidates);
    for (size_t i = 0; near && i < sl_rules_kind_count(rules, SL_RULE_IGNORE); i++) {
        const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_IGNORE, i);
        const sl_vec *spans = r->trigger ? windows_for(d, r, p) : NULL;
        const sl_vec *starts = starts_of(d, r, p);
        for (size_t n = 0; rule_applies(r, p) && n < near->len; n++) {
            const span *w = sl_vec_at(near, n);
            if (r->trigger && !overlaps_window(spans, w->start, w->end))
                continue;
            /* the subject ends with the candidate's sentence, as for fact
             * rules: a rule that matches nothing there would otherwise scan
             * on to the end of the paragraph from every window */
            size_t end = subject_end(sl_sentences_end(&d->sentences, w->end), p->segment_len);
            sl_match_scanning(d->ex, r, r->code, p->segment, end, starts, w->start, w->end, line,
                              d->doc->name, on_ignore, &mc);
        }
    }
    d->oom |= mc.oom;
    sl_candidates_resolve(candidates, ignored);
    if (candidates->len == 0)
        return;
    sl_periods_find(d->ex, p, find_literals(d, p) == 0 ? &d->starts : NULL, d->header, line,
                    d->doc->name, 0, markers);
    for (size_t i = 0; i < candidates->len; i++)
        add_fact(d, k, p, sl_vec_at(candidates, i), markers);
}

/* The period in force at the end of a paragraph: what a list under it
 * ("Kết quả năm 2024 như sau:") inherits. */
static void period_at_end(doc_ctx *d, const sl_paragraph *p, size_t line, sl_vec *markers,
                          char *out, size_t size)
{
    markers->len = 0;
    sl_periods_find(d->ex, p, find_literals(d, p) == 0 ? &d->starts : NULL, d->header, line,
                    d->doc->name, 0, markers);
    size_t end = p->segment_len;
    while (end > 0 && (p->segment[end - 1] == ' ' || p->segment[end - 1] == ':'))
        end--;
    snprintf(out, size, "%s", end ? sl_period_for(p, markers, end - 1) : "");
}

/* What the table lead callback needs: the document's context and room for
 * the period it returns. */
typedef struct table_lead {
    doc_ctx *d;
    sl_vec *markers;
    char period[32];
} table_lead;

/* The period at the end of the paragraph that leads into a table starting
 * at `offset`: the text right above it, when that ends with ':' ("Kết quả
 * đánh giá, xếp loại chi bộ năm 2025:"); "" otherwise. */
static const char *table_lead_period(void *ctx, size_t offset)
{
    table_lead *lead = ctx;
    const solieu_document *doc = lead->d->doc;
    size_t k = sl_document_paragraph_above(doc, offset); /* blank lines between */
    if (k == (size_t)-1 || lead->d->oom)
        return "";
    const sl_paragraph *p = sl_vec_at(&doc->paragraphs, k);
    if (p->footnote || !sl_paragraph_opens_list(p))
        return "";
    const sl_piece *first = sl_vec_at(&p->pieces, 0);
    clear_windows(lead->d); /* the words found so far are another paragraph's */
    period_at_end(lead->d, p, solieu_document_line_of(doc, first->start, NULL), lead->markers,
                  lead->period, sizeof lead->period);
    return lead->period;
}

/* A paragraph's facts; the items of a list take its head's period when
 * they name none of their own. */
static void extract_paragraph(doc_ctx *d, size_t k, sl_vec *candidates, sl_vec *ignored,
                              sl_vec *markers, sl_vec *sites)
{
    const sl_paragraph *p = sl_vec_at(&d->doc->paragraphs, k);
    int item = sl_paragraph_is_item(p);
    if (!item)
        d->list_period[0] = '\0';
    size_t before = d->facts->facts.len;
    extract_paragraph_facts(d, k, candidates, ignored, markers, sites);
    for (size_t i = before; item && d->list_period[0] && i < d->facts->facts.len; i++) {
        solieu_fact *f = sl_vec_at(&d->facts->facts, i);
        if (!*f->period)
            f->period = sl_facts_keep(d->facts, sl_strdup(d->list_period), &d->oom);
    }
    if (sl_paragraph_opens_list(p) && !d->oom) {
        const sl_piece *first = sl_vec_at(&p->pieces, 0);
        char head[32];
        period_at_end(d, p, solieu_document_line_of(d->doc, first->start, NULL), markers, head,
                      sizeof head);
        if (*head || !item) /* an item that heads a list of its own keeps the outer period */
            snprintf(d->list_period, sizeof d->list_period, "%s", head);
    }
}

static int by_offset(const void *pa, const void *pb)
{
    const solieu_fact *a = pa, *b = pb;
    return a->text_start < b->text_start ? -1 : a->text_start > b->text_start;
}

/* A report written with the marks placed the old way ("Huyện uỷ Hoà
 * Vĩnh") was read in the new way; its facts' nouns and names are given
 * back as it writes them. -1 when out of memory. */
static int write_as_the_report(solieu_facts *facts)
{
    enum { FIELDS = 3 };
    /* facts in a row share their entity, often their unit: each field's
     * last string is written once */
    const char *last_read[FIELDS] = {NULL}, *last_written[FIELDS] = {NULL};
    int oom = 0;
    for (size_t i = 0; i < facts->facts.len && !oom; i++) {
        solieu_fact *f = sl_vec_at(&facts->facts, i);
        const char **fields[FIELDS] = {&f->unit, &f->entity, &f->qualifier};
        for (size_t k = 0; k < FIELDS && !oom; k++) {
            if (!*fields[k] || !**fields[k])
                continue;
            if (*fields[k] != last_read[k]) {
                last_read[k] = *fields[k];
                last_written[k] = sl_facts_keep(facts, sl_in_old_tone_placement(*fields[k]), &oom);
            }
            *fields[k] = last_written[k];
        }
    }
    return oom ? -1 : 0;
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
    sl_title_detect(ex, doc, &header);

    doc_ctx d = {0};
    d.ex = ex;
    d.doc = doc;
    d.facts = facts;
    d.header = &header;
    sl_vec_init(&d.hits, sizeof(sl_trigger_hit));
    sl_vec_init(&d.openings, sizeof(sl_trigger_hit));
    sl_vec_init(&d.near, sizeof(span));
    sl_vec_init(&d.sentences.ends, sizeof(size_t));
    d.ngroups = sl_rules_triggers(ex->rules)->groups;
    d.groups = sl_calloc(d.ngroups + 1, sizeof *d.groups);
    d.oom = !d.groups || sl_word_starts_init(&d.starts, d.ngroups) != 0;
    for (size_t k = 0; k < d.ngroups && d.groups; k++)
        sl_vec_init(&d.groups[k].spans, sizeof(span));
    sl_vec candidates, ignored, markers, sites;
    sl_vec_init(&candidates, sizeof(sl_candidate));
    sl_vec_init(&ignored, sizeof(span));
    sl_vec_init(&markers, sizeof(sl_period_marker));
    sl_vec_init(&sites, sizeof(size_t));
    for (size_t k = 0; k < doc->paragraphs.len && !d.oom; k++)
        extract_paragraph(&d, k, &candidates, &ignored, &markers, &sites);
    table_lead lead = {&d, &markers, ""};
    if (!d.oom && sl_table_facts(ex, doc, facts, table_lead_period, &lead, header.year) != 0)
        d.oom = 1;
    for (size_t k = 0; k < d.ngroups && d.groups; k++)
        sl_vec_free(&d.groups[k].spans);
    free(d.groups);
    sl_vec_free(&d.hits);
    sl_vec_free(&d.openings);
    sl_word_starts_free(&d.starts);
    sl_vec_free(&d.near);
    sl_vec_free(&d.sentences.ends);
    sl_vec_free(&sites);
    sl_vec_free(&candidates);
    sl_vec_free(&ignored);
    sl_vec_free(&markers);
    if (!d.oom) {
        if (facts->facts.len)
            qsort(facts->facts.items, facts->facts.len, sizeof(solieu_fact), by_offset);
        sl_attribution at = {.ex = ex, .doc = doc, .header = &header, .facts = facts};
        sl_attribute_facts(&at);
        d.oom |= at.oom;
    }
    if (d.oom) {
        solieu_facts_destroy(facts);
        if (error)
            *error = sl_printf("%s: out of memory", doc->path);
        return SOLIEU_ERR_NOMEM;
    }
    if (doc->writes_old_tones && write_as_the_report(facts) != 0) {
        solieu_facts_destroy(facts);
        if (error)
            *error = sl_printf("%s: out of memory", doc->path);
        return SOLIEU_ERR_NOMEM;
    }
    for (size_t i = 0; i < facts->facts.len; i++)
        ((solieu_fact *)sl_vec_at(&facts->facts, i))->id = i + 1;
    *out = facts;
    return SOLIEU_OK;
}
