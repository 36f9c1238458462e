/* One document number cited with two dates. Citation rules find "Báo cáo
 * số 160-BC/TU ngày 22/6/2016" and the document's own "Số ... / Place, ngày
 * ..." header; a number seen with different dates is a ref_date failure,
 * the odd date out being the stated one. Across the documents of a run a
 * number is compared only when it means the same document: a national one
 * (/TW, /CP, /TTg, /QH) or one from the same entity, of the same type,
 * and within one five-year term. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_internal.h"

typedef struct cite_ctx {
    sl_check_doc *cd;
    const char *text;
    const char *entity;
    int oom;
} cite_ctx;

static int group_int(const sl_rule *r, pcre2_match_data *md, const char *text, const char *name)
{
    size_t s, e;
    if (!sl_group_span(r->code, md, name, &s, &e) || e == s || e - s > 4)
        return 0;
    return atoi(text + s);
}

static int on_citation(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    cite_ctx *c = ctx;
    size_t ns, ne;
    if (!sl_group_span(r->code, md, "number", &ns, &ne))
        return 0;
    int y = group_int(r, md, c->text, "y"), m = group_int(r, md, c->text, "m"),
        d = group_int(r, md, c->text, "d");
    if (y < 1930 || m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    sl_citation *ct = sl_vec_push(&c->cd->checker->citations);
    if (!ct) {
        c->oom = 1;
        return 1;
    }
    sl_buf num;
    sl_buf_init(&num, 0);
    for (size_t i = ns; i < ne; i++)
        if (c->text[i] != ' ')
            sl_buf_putc(&num, c->text[i]);
    ct->number = sl_buf_take(&num);
    size_t ts, te;
    ct->type = sl_group_span(r->code, md, "type", &ts, &te) ? sl_utf8_lower(c->text + ts, te - ts)
                                                           : sl_strdup("");
    ct->doc = sl_strdup(solieu_document_name(c->cd->doc));
    ct->entity = sl_strdup(c->entity);
    ct->y = y;
    ct->m = m;
    ct->d = d;
    ct->line = solieu_document_line_of(c->cd->doc, ns, NULL);
    return 0;
}

/* Citations named in one message at most. */
#define MAX_LISTED 8

static int by_size(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    return a < b ? -1 : a > b;
}

static long date_key(const sl_citation *c)
{
    return (long)c->y * 10000 + c->m * 100 + c->d;
}

static void date_text(long key, char *buf, size_t size)
{
    snprintf(buf, size, "%04ld-%02ld-%02ld", key / 10000, key / 100 % 100, key % 100);
}

/* Citations ordered by number, then date, then document and line. */
static int by_number(const void *pa, const void *pb)
{
    const sl_citation *a = *(const sl_citation *const *)pa, *b = *(const sl_citation *const *)pb;
    int c = strcmp(a->number, b->number);
    if (c)
        return c;
    long da = date_key(a), db = date_key(b);
    if (da != db)
        return da < db ? -1 : 1;
    c = strcmp(a->doc, b->doc);
    if (c)
        return c;
    return a->line < b->line ? -1 : a->line > b->line;
}

static const sl_citation **sorted(solieu_checker *checker, size_t from, size_t to)
{
    const sl_citation **v = sl_calloc(to - from + 1, sizeof *v);
    if (!v)
        return NULL;
    for (size_t i = from; i < to; i++)
        v[i - from] = sl_vec_at(&checker->citations, i);
    if (to - from > 1)
        qsort(v, to - from, sizeof *v, by_number);
    return v;
}

/* The date cited most often in v[0..n) (all one number); ties go to the
 * earliest-cited date. */
static long majority_date(const sl_citation *const *v, size_t n)
{
    long best = date_key(v[0]);
    size_t best_count = 0;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && date_key(v[j]) == date_key(v[i]))
            j++;
        if (j - i > best_count) {
            best = date_key(v[i]);
            best_count = j - i;
        }
        i = j;
    }
    return best;
}

/* Calls fn for each number of v[0..n) (sorted) cited with more than one
 * date, with its citations and the date cited most often. */
typedef void (*conflict_fn)(solieu_checker *checker, const sl_citation *const *group,
                            size_t count, long major);

static void each_conflict(solieu_checker *checker, const sl_citation **v, size_t n,
                          conflict_fn fn)
{
    for (size_t i = 0; v && i < n;) {
        size_t j = i;
        while (j < n && strcmp(v[j]->number, v[i]->number) == 0)
            j++;
        if (date_key(v[i]) != date_key(v[j - 1]))
            fn(checker, v + i, j - i, majority_date(v + i, j - i));
        i = j;
    }
}

/* Within one document: one row per number, the odd date out stated. */
static void report_in_document(solieu_checker *checker, const sl_citation *const *v, size_t n,
                               long major)
{
    sl_buf lines, where;
    sl_buf_init(&lines, 0);
    sl_buf_init(&where, 0);
    size_t ndates = 0;
    long minor = 0, last = -1;
    for (size_t k = 0; k < n; k++) {
        long key = date_key(v[k]);
        if (key != last) {
            ndates++;
            last = key;
            if (key != major && !minor)
                minor = key;
        }
        if (k < MAX_LISTED)
            sl_buf_printf(&where, "%s%s:%zu %02d/%02d/%04d", where.len ? ", " : "", v[k]->doc,
                          v[k]->line, v[k]->d, v[k]->m, v[k]->y);
    }
    if (n > MAX_LISTED)
        sl_buf_printf(&where, " and %zu more", n - MAX_LISTED);
    /* lines in text order */
    size_t *ls = sl_calloc(n, sizeof *ls);
    for (size_t k = 0; ls && k < n; k++)
        ls[k] = v[k]->line;
    if (ls)
        qsort(ls, n, sizeof *ls, by_size);
    for (size_t a = 0; ls && a < n; a++)
        if (!a || ls[a] != ls[a - 1])
            sl_buf_printf(&lines, "%s%zu", lines.len ? ";" : "", ls[a]);
    free(ls);
    char stated[32], computed[32];
    date_text(minor, stated, sizeof stated);
    date_text(major, computed, sizeof computed);
    char *msg = sl_printf("%s is cited with %zu dates (%s); %s differs from %s", v[0]->number,
                          ndates, where.data ? where.data : "", stated, computed);
    char *line_text = sl_buf_take(&lines);
    sl_check_add_raw(checker, v[0]->doc, "ref_date", 0, line_text ? line_text : "", stated,
                     computed, msg ? msg : "", "citation");
    free(msg);
    free(line_text);
    sl_buf_free(&where);
}

static void report_conflicts(solieu_checker *checker, size_t from, size_t to)
{
    const sl_citation **v = sorted(checker, from, to);
    each_conflict(checker, v, to - from, report_in_document);
    free(v);
}

void sl_check_citations(sl_check_doc *cd)
{
    const solieu_rules *rules = cd->checker->rules;
    size_t before = cd->checker->citations.len;
    cite_ctx c = {cd, cd->doc->scan, solieu_facts_entity(cd->facts), 0};
    for (size_t i = 0; i < sl_rules_kind_count(rules, SL_RULE_CITATION); i++) {
        const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_CITATION, i);
        sl_match_all(cd->checker->matcher, r, cd->doc->scan, cd->doc->len, 1, cd->doc->name, on_citation, &c);
    }
    cd->oom |= c.oom;
    report_conflicts(cd->checker, before, cd->checker->citations.len);
}

static int national(const char *number)
{
    const char *slash = strrchr(number, '/');
    return slash && (strstr(slash, "TW") || strstr(slash, "CP") || strstr(slash, "TTg") ||
                     strstr(slash, "QH"));
}

/* Two citations name the same document: a national number, or one of the
 * same entity; the same type when both say; and within one term. */
static int comparable(const sl_citation *a, const sl_citation *b)
{
    return (national(a->number) || strcmp(a->entity, b->entity) == 0) &&
           !(*a->type && *b->type && strcmp(a->type, b->type) != 0) && abs(a->y - b->y) < 5;
}

/* Across documents: one row per document and odd date, against a document
 * that gives the number its most frequent date. */
static void report_across(solieu_checker *c, const sl_citation *const *v, size_t n, long major)
{
    const sl_citation *witness = NULL;
    for (size_t k = 0; k < n && !witness; k++)
        if (date_key(v[k]) == major)
            witness = v[k];
    for (size_t k = 0; k < n; k++) {
        const sl_citation *odd = v[k];
        if (date_key(odd) == major || strcmp(odd->doc, witness->doc) == 0 ||
            !comparable(odd, witness))
            continue;
        if (k > 0 && date_key(v[k - 1]) == date_key(odd) && strcmp(v[k - 1]->doc, odd->doc) == 0)
            continue; /* one row per document and odd date */
        char stated[32], computed[32], lines[64];
        date_text(date_key(odd), stated, sizeof stated);
        date_text(major, computed, sizeof computed);
        snprintf(lines, sizeof lines, "%zu", odd->line);
        char *msg = sl_printf("%s is dated %s in %s:%zu but %s in %s:%zu", odd->number, stated,
                              odd->doc, odd->line, computed, witness->doc, witness->line);
        sl_check_add_raw(c, odd->doc, "ref_date", 0, lines, stated, computed, msg ? msg : "",
                         "citation.across");
        free(msg);
    }
}

void sl_check_citations_across(solieu_checker *c)
{
    /* conflicts inside one document are reported already; here a document
     * whose date for a number differs from the date the other documents
     * give it most often gets one row */
    const sl_citation **v = sorted(c, 0, c->citations.len);
    each_conflict(c, v, c->citations.len, report_across);
    free(v);
}
