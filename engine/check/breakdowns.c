/* Totals and their parts. Pattern rules (check sum) mark a total and the
 * stretch holding its breakdown ("58 tổ chức cơ sở đảng, trong đó: ...",
 * "440 tổ chức cơ sở đảng (165 ..., 275 ...)"); only parts of the total's
 * kind count — its own metric or one its `family` rule lists. A breakdown
 * with one part is a subset ("331 ..., trong đó riêng năm 2021, 192 ...").
 * Formula rules (check formula) add metrics found in one sentence:
 * members present = reviewed + exempt. */
#define _GNU_SOURCE /* memmem */
#include <math.h>
#include <string.h>

#include "check/check_internal.h"

static const char *family_of(const solieu_rules *rules, const char *metric)
{
    for (size_t i = 0; i < sl_rules_kind_count(rules, SL_RULE_RELATION); i++) {
        const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_RELATION, i);
        if (strcmp(r->check, "family") == 0 && r->metric && strcmp(r->metric, metric) == 0)
            return r->parts;
    }
    return NULL;
}

int sl_metric_in_family(const solieu_rules *rules, const char *total, const char *part)
{
    if (strcmp(part, total) == 0)
        return 1;
    const char *family = family_of(rules, total);
    return family && sl_metric_listed(family, part);
}

static int part_of_kind(const solieu_rules *rules, const solieu_fact *total, const solieu_fact *f)
{
    /* organisations counted plainly are the total's, but for "tổ chức
     * (cơ sở) đảng" under a total of cells or committees ("94 chi bộ trực
     * thuộc" over "19 tổ chức cơ sở đảng"): those count another kind */
    static const char organisations[] = "t\xE1\xBB\x95 ch\xE1\xBB\xA9"
                                        "c "; /* "tổ chức " */
    /* plain counts of other nouns ("64 lớp ... cho 7.215 lượt học viên,
     * trong đó 27 lớp ... cho 1.318 đảng viên") are no parts of each other */
    if (strcmp(total->metric, "count") == 0 && strcmp(f->metric, "count") == 0)
        return strcmp(f->unit, "%") != 0 && sl_same_kind(total, f);
    if (sl_metric_in_family(rules, total->metric, f->metric))
        return strcmp(f->metric, "party_orgs") != 0 ||
               strncmp(f->unit, organisations, sizeof organisations - 1) != 0 ||
               strncmp(total->unit, organisations, sizeof organisations - 1) == 0;
    /* "235 đảng viên, trong đó có 48 đảng viên là ...": a plain count of the
     * total's own noun breaks it down */
    if (strcmp(f->metric, "count") == 0 && sl_same_noun(total->unit, f->unit))
        return 1;
    /* a plain count listed as "gồm: ..." is broken down by whatever counts
     * its noun ("giảm 201 đồng chí, gồm: từ trần 142, xóa tên 36 và cho ra
     * khỏi Đảng 21") */
    return strcmp(total->metric, "count") == 0 && strcmp(f->unit, "%") != 0 &&
           sl_same_kind(total, f);
}

/* Parts of the total's own metric break it down; a plain count beside
 * them ("chính thức: 589 đồng chí; dự bị: 23 đồng chí; được miễn sinh
 * hoạt: 118 đồng chí") counts something else. The parts kept; their count. */
static size_t drop_plain_counts(const solieu_fact *total, const solieu_fact **parts, size_t n)
{
    size_t own = 0, kept = 0;
    for (size_t i = 0; i < n; i++)
        own += strcmp(parts[i]->metric, total->metric) == 0;
    if (!own || strcmp(total->metric, "count") == 0)
        return n;
    for (size_t i = 0; i < n; i++)
        if (strcmp(parts[i]->metric, "count") != 0)
            parts[kept++] = parts[i];
    return kept;
}

static void sum_message(sl_buf *b, const solieu_fact *const *parts, size_t n, double sum)
{
    char num[64];
    for (size_t i = 0; i < n; i++)
        sl_buf_printf(b, "%s%s", i ? " + " : "", solieu_format_number(parts[i]->value, num, sizeof num));
    sl_buf_printf(b, " = %s", solieu_format_number(sum, num, sizeof num));
}

typedef struct sum_ctx {
    sl_check_doc *cd;
    const sl_paragraph *p;
    size_t paragraph;
} sum_ctx;

/* `partial`: the breakdown may name only some parts ("trong đó có ...",
 * "among them"): parts that fall short of the total are then a subset, not
 * a wrong sum; parts beyond it are wrong either way. */
void sl_record_breakdown(sl_check_doc *cd, const sl_rule *r, const solieu_fact *total,
                         const solieu_fact *const *parts, size_t n, int partial)
{
    /* groups that overlap (women, youth, minorities) break nothing down; a
     * bound ("trên 300 đảng viên") is no total the parts add up to */
    if (*total->approx)
        return;
    for (size_t i = 0; i < n; i++)
        if (cd->overlaps[parts[i]->id])
            return;
    /* a level and those above it ("3.912 đảng viên hoàn thành tốt nhiệm vụ
     * trở lên") overlaps the levels beside it: only some of the whole */
    static const char and_above[] = "tr\xE1\xBB\x9F l\xC3\xAAn"; /* trở lên */
    for (size_t i = 0; i < n; i++) {
        const char *text = cd->doc->scan;
        size_t end = parts[i]->text_end;
        while (end < cd->doc->len && !strchr(",;.(\n", text[end]))
            end++;
        if (memmem(text + parts[i]->text_end, end - parts[i]->text_end, and_above,
                   sizeof and_above - 1))
            partial = 1;
    }
    /* a same-metric part is a sub-category, not a figure of its own for a
     * series; parts of another metric (a formula) stay figures */
    for (size_t i = 0; i < n; i++)
        if (strcmp(parts[i]->metric, total->metric) == 0)
            cd->is_part[parts[i]->id] = 1;
    char t[64], v[64];
    if (n == 1) {
        const solieu_fact *part = parts[0];
        int pass = part->value <= total->value + 1e-9;
        sl_check_add(cd, "subset", pass, r->id, total, parts, 1, total->value, part->value, 0,
                     "%s %s on line %zu %s the %s %s on line %zu it is part of",
                     solieu_format_number(part->value, v, sizeof v), part->unit, part->line,
                     pass ? "does not exceed" : "exceeds",
                     solieu_format_number(total->value, t, sizeof t), total->unit, total->line);
        return;
    }
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += parts[i]->value;
    int pass = fabs(sum - total->value) < 1e-6;
    /* parts one for each stretch within the total's period ("38 đảng viên
     * (2021: 6; 2022: 9; ...)") are its series, whether or not they reach
     * both ends: the breakdown's words already tie them to it */
    const solieu_fact *tiles[64];
    double tiled_sum;
    int complete;
    int series = n <= 64 && sl_period_series(total, parts, n, tiles, &tiled_sum, &complete) == n;
    if (partial && sum < total->value) {
        char s1[64];
        sl_check_add(cd, "subset", 1, r->id, total, parts, n, total->value, sum, 0,
                     "the %zu parts named on line %zu add up to %s, within the %s %s they are "
                     "among",
                     n, parts[0]->line, solieu_format_number(sum, s1, sizeof s1),
                     solieu_format_number(total->value, t, sizeof t), total->unit);
        return;
    }
    sl_buf b;
    sl_buf_init(&b, 0);
    sum_message(&b, parts, n, sum);
    sl_buf_printf(&b, " %s, %s line %zu states %s", total->unit, pass ? "as" : "but",
                  total->line, solieu_format_number(total->value, t, sizeof t));
    char *msg = sl_buf_take(&b);
    sl_check_add(cd, series ? "series_total" : "sum", pass, r->id, total, parts, n, total->value,
                 sum, 0, "%s", msg ? msg : "");
    free(msg);
}

/* Where the parts' list in seg[ps, pe) ends: a list of figures first
 * ("gồm 61 đơn tố cáo, 23 đơn ...") ends at a semicolon not followed by
 * another figure ("...; qua phân loại có 38 đơn"), whose clause says
 * something else; pe otherwise. */
static size_t list_end(const char *seg, size_t ps, size_t pe)
{
    size_t opening = ps;
    while (opening < pe && (seg[opening] == ' ' || seg[opening] == ':'))
        opening++;
    if (opening == pe || seg[opening] < '0' || seg[opening] > '9')
        return pe;
    for (const char *semicolon = memchr(seg + opening, ';', pe - opening); semicolon;
         semicolon = memchr(semicolon + 1, ';', pe - (size_t)(semicolon + 1 - seg))) {
        size_t at = (size_t)(semicolon - seg), next = at + 1;
        while (next < pe && seg[next] == ' ')
            next++;
        if (next < pe && !(seg[next] >= '0' && seg[next] <= '9') &&
            !sl_parenthesis_open(seg, ps, at))
            return at;
    }
    return pe;
}

static int on_sum(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    sum_ctx *c = ctx;
    sl_check_doc *cd = c->cd;
    const char *total_group = strcmp(r->check, "subset") == 0 ? "whole" : "total";
    size_t ts, te, ps, pe;
    if (!sl_group_span(r->code, md, total_group, &ts, &te) ||
        !sl_group_span(r->code, md, "parts", &ps, &pe))
        return 0;
    const solieu_fact *total = sl_fact_at(cd->facts, sl_paragraph_to_text(c->p, ts));
    if (!total || total->has_denominator)
        return 0;
    /* the other figure of a pair broken down together ("17 đảng bộ trực
     * thuộc và 607 tổ chức cơ sở đảng, trong đó ..."): a part of its kind
     * may be its, not the total's */
    size_t os, oe;
    const solieu_fact *other = sl_group_span(r->code, md, "other", &os, &oe)
                                   ? sl_fact_at(cd->facts, sl_paragraph_to_text(c->p, os))
                                   : NULL;
    pe = list_end(c->p->segment, ps, pe);
    size_t from = sl_paragraph_to_text(c->p, ps), to = sl_paragraph_to_text(c->p, pe);
    const solieu_fact *parts[64];
    size_t n = 0;
    int mixed = 0;
    for (size_t i = sl_facts_from(cd->facts, from); i < solieu_facts_count(cd->facts) && n < 64;
         i++) {
        const solieu_fact *f = solieu_facts_get(cd->facts, i);
        if (f->text_start >= to)
            break;
        /* in parentheses opened after the parts' start ("gồm 19 đảng bộ cơ sở (07
         * xã; 12 cơ quan) và 22 chi bộ"): they break the 19 down, not the total */
        if (f == total || f->paragraph != c->paragraph || cd->is_part[f->id] ||
            sl_parenthesis_open(c->p->segment, ps, sl_segment_offset(c->p, f->text_start)))
            continue;
        if (other && part_of_kind(cd->checker->rules, other, f))
            return 0;
        if (part_of_kind(cd->checker->rules, total, f))
            parts[n++] = f;
        else if (strcmp(f->unit, "%") != 0 &&
                 (sl_same_noun(total->unit, f->unit) || sl_same_noun(f->unit, total->unit)))
            mixed = 1;
    }
    n = drop_plain_counts(total, parts, n);
    /* a part of the total's noun that a rule read as something else
     * ("86 đảng bộ, trong đó đảng bộ xã 71, đảng bộ phường 9 và 06 đảng bộ
     * cơ quan"): the parts read are not all there are */
    if (n && !mixed && !sl_unread_part(c->p, ps, pe, parts, n)) {
        size_t qs, qe;
        int partial = sl_group_span(r->code, md, "partial", &qs, &qe);
        sl_record_breakdown(cd, r, total, parts, strcmp(r->check, "subset") == 0 ? 1 : n, partial);
    }
    return 0;
}

static void run_patterns(sl_check_doc *cd)
{
    const solieu_rules *rules = cd->checker->rules;
    for (size_t k = 0; k < cd->doc->paragraphs.len; k++) {
        const sl_paragraph *p = sl_vec_at(&cd->doc->paragraphs, k);
        sum_ctx c = {cd, p, k};
        for (size_t i = 0; i < sl_rules_kind_count(rules, SL_RULE_RELATION); i++) {
            const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_RELATION, i);
            if (!r->code || (strcmp(r->check, "sum") != 0 && strcmp(r->check, "subset") != 0))
                continue;
            sl_match_all(cd->checker->matcher, r, p->segment, p->segment_len, 0, cd->doc->name, on_sum, &c);
        }
    }
}

/* Bounds of the sentence around a fact, as normalised offsets. */
static void sentence_of(const sl_check_doc *cd, const solieu_fact *f, size_t *from, size_t *to)
{
    const sl_paragraph *p = sl_vec_at(&cd->doc->paragraphs, f->paragraph);
    size_t at = sl_segment_offset(p, f->text_start);
    *from = sl_paragraph_to_text(p, sl_sentence_start(p->segment, at));
    *to = sl_paragraph_to_text(p, sl_sentence_end(p->segment, p->segment_len, at));
}

static void run_formulas(sl_check_doc *cd)
{
    const solieu_rules *rules = cd->checker->rules;
    for (size_t i = 0; i < sl_rules_kind_count(rules, SL_RULE_RELATION); i++) {
        const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_RELATION, i);
        if (strcmp(r->check, "formula") != 0 || !r->metric || !r->parts)
            continue;
        for (size_t t = 0; t < solieu_facts_count(cd->facts); t++) {
            const solieu_fact *total = solieu_facts_get(cd->facts, t);
            if (strcmp(total->metric, r->metric) != 0)
                continue;
            size_t from, to;
            sentence_of(cd, total, &from, &to);
            const solieu_fact *parts[16];
            size_t n = 0;
            for (size_t j = sl_facts_from(cd->facts, from);
                 j < solieu_facts_count(cd->facts) && n < 16; j++) {
                const solieu_fact *f = solieu_facts_get(cd->facts, j);
                if (f->text_start >= to)
                    break;
                /* a part named by a qualifier (a rating: "1.362 đảng viên hoàn
                 * thành xuất sắc nhiệm vụ") is one of the reviewed, not beside
                 * them */
                if (f != total && f->paragraph == total->paragraph && !*f->qualifier &&
                    sl_metric_listed(r->parts, f->metric) && strcmp(f->period, total->period) == 0)
                    parts[n++] = f;
            }
            if (n >= 2)
                sl_record_breakdown(cd, r, total, parts, n, 0);
        }
    }
}

/* Whether an item gives a figure after its label's colon ("- Từ trần:
 * 03"), spaces (a form's leader) between. */
static int labels_a_figure(const char *s, size_t n)
{
    const char *colon = memchr(s, ':', n);
    if (!colon)
        return 0;
    size_t i = (size_t)(colon - s) + 1;
    while (i < n && s[i] == ' ')
        i++;
    return i < n && s[i] >= '0' && s[i] <= '9';
}

/* Where paragraph p's text ends. */
static size_t item_end(const sl_paragraph *p)
{
    const sl_piece *last = sl_vec_at(&p->pieces, p->pieces.len - 1);
    return last->end;
}

/* How far paragraph p is indented: the spaces it opens with. */
static size_t indent_of(const sl_paragraph *p)
{
    size_t i = 0;
    while (i < p->segment_len && p->segment[i] == ' ')
        i++;
    return i;
}

/* The parts the bulleted items under paragraph k (from paragraph
 * first_item on) give `total`: each item's first figure of the total's
 * kind, and the first of each clause after a ';' in it ("+ Chi bộ thôn:
 * 153; chi bộ cơ quan: 98;"), into parts[]; their count, 0 when an item
 * gives a figure no rule read (the parts cannot be added up). */
static size_t item_parts(sl_check_doc *cd, size_t k, size_t first_item, const solieu_fact *total,
                         const solieu_fact **parts, size_t max)
{
    const sl_vec *paragraphs = &cd->doc->paragraphs;
    const sl_paragraph *head = sl_vec_at(paragraphs, k);
    size_t nparts = 0;
    char head_bullet = sl_paragraph_bullet(head);
    size_t indent = first_item < paragraphs->len ? indent_of(sl_vec_at(paragraphs, first_item)) : 0;
    for (size_t j = first_item; j < paragraphs->len && nparts < max; j++) {
        const sl_paragraph *item = sl_vec_at(paragraphs, j);
        /* an item with the head's own bullet is its sibling, not its part */
        if (item->footnote != head->footnote || !sl_paragraph_is_item(item) ||
            (head_bullet && sl_paragraph_bullet(item) == head_bullet) || indent_of(item) < indent)
            break;
        if (indent_of(item) > indent)
            continue; /* "  - chi bộ trường học: 7" under "- Khối cơ quan: 13, gồm:" */
        size_t i, end = sl_paragraphs_facts(cd, j, j, &i);
        size_t clause_from = 0; /* where the clause that may give the next part starts */
        size_t had = nparts;
        for (; i < end && nparts < max; i++) {
            const solieu_fact *f = solieu_facts_get(cd->facts, i);
            if (f->paragraph != j || f->text_start < clause_from || cd->is_part[f->id] ||
                !part_of_kind(cd->checker->rules, total, f))
                continue;
            parts[nparts++] = f;
            const char *semicolon =
                memchr(cd->doc->text + f->text_end, ';', item_end(item) - f->text_end);
            if (!semicolon)
                break;
            clause_from = (size_t)(semicolon - cd->doc->text);
        }
        /* an item with a figure the rules did not read ("- Từ trần: 03"):
         * the parts cannot be added up */
        if (nparts == had && labels_a_figure(item->segment, item->segment_len))
            return 0;
    }
    return nparts;
}

/* Whether a list's head ends with "trong đó:" (among them). */
static int ends_with_among(const sl_paragraph *head)
{
    static const char among[] = "rong \xC4\x91\xC3\xB3"; /* "[Tt]rong đó" */
    size_t n = head->segment_len, m = sizeof among - 1;
    while (n > 0 && (head->segment[n - 1] == ' ' || head->segment[n - 1] == ':'))
        n--;
    return n > m && memcmp(head->segment + n - m, among, m) == 0 &&
           (head->segment[n - m - 1] | 0x20) == 't';
}

/* A form's numbered field with its figure ("7. Tăng trong quý: .... 09
 * đồng chí") heads the items under it, past a "Trong đó:" line with no
 * figure; the paragraph its items start at, 0 when it heads none. */
static size_t field_items(const sl_check_doc *cd, size_t k)
{
    const sl_vec *paragraphs = &cd->doc->paragraphs;
    const sl_paragraph *head = sl_vec_at(paragraphs, k);
    size_t at = 0;
    while (at < head->segment_len && head->segment[at] == ' ')
        at++;
    if (at == head->segment_len || head->segment[at] < '0' || head->segment[at] > '9' ||
        sl_past_numbering(head->segment, at, head->segment_len) == at)
        return 0;
    size_t next = k + 1, first;
    if (next < paragraphs->len && sl_paragraph_opens_list(sl_vec_at(paragraphs, next)) &&
        sl_paragraphs_facts(cd, next, next, &first) == first)
        next++; /* "Trong đó:" */
    return next < paragraphs->len && sl_paragraph_is_item(sl_vec_at(paragraphs, next)) ? next : 0;
}

/* A figure that ends a line with ':' and the bulleted lines under it:
 * "thi hành kỷ luật 37 đảng viên, cụ thể:" then "+ Khiển trách: 21 đồng
 * chí;" ... The total is the line's figure (outside parentheses) that the
 * most items break down, the first on a tie ("541 đồng chí; 55 đồng chí
 * không xếp loại. Cụ thể:" breaks down the 541; "03 tổ chức đảng ... và 52
 * đảng viên, cụ thể:" with the forms of members, the 52). */
static void run_bullet_lists(sl_check_doc *cd)
{
    const sl_rule *r = sl_relation_rule(cd->checker->rules, "list_sum");
    const sl_vec *paragraphs = &cd->doc->paragraphs;
    for (size_t k = 0; r && k + 2 < paragraphs->len; k++) {
        const sl_paragraph *head = sl_vec_at(paragraphs, k);
        size_t first_item = head->footnote                  ? 0
                            : sl_paragraph_opens_list(head) ? k + 1
                                                            : field_items(cd, k);
        if (!first_item)
            continue;
        const sl_piece *last = sl_vec_at(&head->pieces, head->pieces.len - 1);
        const solieu_fact *total = NULL, *parts[64], *candidate_parts[64];
        size_t nparts = 0, i, end = sl_paragraphs_facts(cd, k, k, &i);
        for (; i < end; i++) {
            const solieu_fact *f = solieu_facts_get(cd->facts, i);
            if (f->paragraph != k || f->has_denominator || strcmp(f->unit, "%") == 0 ||
                sl_in_parenthesis(cd->doc->text, f->text_end, last->end))
                continue;
            size_t got = drop_plain_counts(f, candidate_parts,
                                           item_parts(cd, k, first_item, f, candidate_parts, 64));
            if (got > nparts) {
                total = f;
                nparts = got;
                memcpy(parts, candidate_parts, got * sizeof *parts);
            }
        }
        /* items under "Trong đó:" may be groups that overlap (women, the
         * young): only some of the total */
        int among = first_item > k + 1 || ends_with_among(head);
        double sum = 0;
        for (size_t q = 0; q < nparts; q++)
            sum += parts[q]->value;
        if (total && nparts >= 2 && !(among && sum > total->value))
            sl_record_breakdown(cd, r, total, parts, nparts, among);
    }
}

void sl_check_breakdowns(sl_check_doc *cd)
{
    run_patterns(cd);
    run_formulas(cd);
    run_bullet_lists(cd);
}
