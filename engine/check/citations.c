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

static long date_key(const sl_citation *c)
{
    return (long)c->y * 10000 + c->m * 100 + c->d;
}

/* Reports every number of one document's citations[from..to) seen with more
 * than one date. */
static void report_conflicts(solieu_checker *checker, size_t from, size_t to)
{
    sl_citation *all = checker->citations.items;
    for (size_t i = from; i < to; i++) {
        sl_citation *a = &all[i];
        /* only the first citation of each number leads */
        int seen = 0;
        for (size_t j = from; j < i && !seen; j++)
            seen = strcmp(all[j].number, a->number) == 0;
        if (seen)
            continue;
        /* tally the dates */
        long dates[16];
        size_t counts[16], ndates = 0;
        for (size_t j = i; j < to; j++) {
            sl_citation *b = &all[j];
            if (strcmp(b->number, a->number) != 0)
                continue;
            long k = date_key(b);
            size_t q = 0;
            while (q < ndates && dates[q] != k)
                q++;
            if (q == ndates && ndates < 16) {
                dates[ndates] = k;
                counts[ndates++] = 0;
            }
            if (q < 16)
                counts[q]++;
        }
        if (ndates < 2)
            continue;
        size_t major = 0, minor = 0;
        for (size_t q = 1; q < ndates; q++) {
            if (counts[q] > counts[major])
                major = q;
        }
        minor = major == 0 ? 1 : 0;
        for (size_t q = 0; q < ndates; q++)
            if (q != major && counts[q] <= counts[minor])
                minor = q;
        sl_buf lines, where;
        sl_buf_init(&lines, 0);
        sl_buf_init(&where, 0);
        for (size_t j = i; j < to; j++) {
            sl_citation *b = &all[j];
            long k = date_key(b);
            if (strcmp(b->number, a->number) != 0 || (k != dates[major] && k != dates[minor]))
                continue;
            sl_buf_printf(&lines, "%s%zu", lines.len ? ";" : "", b->line);
            sl_buf_printf(&where, "%s%s:%zu %02d/%02d/%04d", where.len ? ", " : "", b->doc, b->line,
                          b->d, b->m, b->y);
        }
        char stated[32], computed[32];
        snprintf(stated, sizeof stated, "%04ld-%02ld-%02ld", dates[minor] / 10000,
                 dates[minor] / 100 % 100, dates[minor] % 100);
        snprintf(computed, sizeof computed, "%04ld-%02ld-%02ld", dates[major] / 10000,
                 dates[major] / 100 % 100, dates[major] % 100);
        char *msg = sl_printf("%s is cited with %zu dates (%s); %s differs from %s", a->number,
                              ndates, where.data ? where.data : "", stated, computed);
        char *line_text = sl_buf_take(&lines);
        sl_check_add_raw(checker, a->doc, "ref_date", 0, line_text ? line_text : "", stated,
                         computed, msg ? msg : "", "citation");
        free(msg);
        free(line_text);
        sl_buf_free(&where);
    }
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

void sl_check_citations_across(solieu_checker *c)
{
    /* within one document the conflicts are already reported; here only
     * pairs from different documents count */
    sl_citation *all = c->citations.items;
    size_t n = c->citations.len;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 1; j < n; j++) {
            if (strcmp(all[i].doc, all[j].doc) == 0 || strcmp(all[i].number, all[j].number) != 0 ||
                date_key(&all[i]) == date_key(&all[j]))
                continue;
            const char *slash = strrchr(all[i].number, '/');
            int national = slash && (strstr(slash, "TW") || strstr(slash, "CP") ||
                                     strstr(slash, "TTg") || strstr(slash, "QH"));
            if ((!national && strcmp(all[i].entity, all[j].entity) != 0) ||
                (*all[i].type && *all[j].type && strcmp(all[i].type, all[j].type) != 0) ||
                abs(all[i].y - all[j].y) >= 5)
                continue;
            char stated[32], computed[32], lines[64];
            snprintf(stated, sizeof stated, "%04d-%02d-%02d", all[j].y, all[j].m, all[j].d);
            snprintf(computed, sizeof computed, "%04d-%02d-%02d", all[i].y, all[i].m, all[i].d);
            snprintf(lines, sizeof lines, "%zu", all[j].line);
            char *msg = sl_printf("%s is dated %s in %s:%zu but %s in %s:%zu", all[j].number,
                                  stated, all[j].doc, all[j].line, computed, all[i].doc,
                                  all[i].line);
            sl_check_add_raw(c, all[j].doc, "ref_date", 0, lines, stated, computed,
                             msg ? msg : "", "citation.across");
            free(msg);
        }
    }
}
