/* Parts never exceed wholes.
 * - A chain rule names a metric and the metrics of its wholes
 *   ("violating_orgs" within "inspected_orgs"): each fact is held against
 *   the nearest whole before it in its paragraph (its sentence, for a rule
 *   of `reach sentence`, unless its pattern finds words in the part's
 *   sentence that refer back; the paragraph before too, when they open
 *   the part's paragraph: "Kết luận: 07 tổ chức đảng ... có vi phạm"), of
 *   the same period (or where one of them names none).
 * - A narrower rule holds a year's figure against the same metric's figure
 *   for a range that contains the year, earlier in the paragraph ("kết nạp
 *   386 đảng viên, riêng năm 2021 kết nạp 147"). */
#include <stdlib.h>
#include <string.h>

#include <solieu/limits.h>

#include "check/check_internal.h"

/* A subset row for this whole and part exists already (from a breakdown). */
static int already_related(const sl_check_doc *cd, const solieu_fact *whole,
                           const solieu_fact *part)
{
    char ids[64];
    snprintf(ids, sizeof ids, "%zu;%zu", whole->id, part->id);
    for (size_t i = cd->first_row; i < cd->checker->rows.len; i++) {
        const sl_check_row *r = sl_vec_at(&cd->checker->rows, i);
        if (strcmp(r->check, "subset") == 0 && strcmp(r->facts, ids) == 0)
            return 1;
    }
    return 0;
}

void sl_add_subset(sl_check_doc *cd, const sl_rule *r, const solieu_fact *whole,
                   const solieu_fact *part)
{
    if (already_related(cd, whole, part))
        return;
    char a[64], b[64];
    int pass = part->value <= whole->value + 1e-9;
    const solieu_fact *others[1] = {part};
    sl_check_add(cd, "subset", pass, r->id, whole, others, 1, whole->value, part->value, 0,
                 "%s %s (%s%s%s) on line %zu %s the %s %s (%s%s%s) on line %zu they are part of",
                 solieu_format_number(part->value, a, sizeof a), part->unit, part->metric,
                 *part->period ? ", " : "", part->period, part->line,
                 pass ? "do not exceed" : "exceed", solieu_format_number(whole->value, b, sizeof b),
                 whole->unit, whole->metric, *whole->period ? ", " : "", whole->period,
                 whole->line);
}

/* A figure whose sentence names no period belongs to the one around it. */
int sl_comparable_periods(const char *a, const char *b)
{
    return !*a || !*b || strcmp(a, b) == 0;
}

const sl_rule *sl_chain_rule(const solieu_rules *rules, const char *metric)
{
    for (size_t i = 0; i < sl_rules_kind_count(rules, SL_RULE_RELATION); i++) {
        const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_RELATION, i);
        if (strcmp(r->check, "chain") == 0 && r->metric && r->parts &&
            strcmp(r->metric, metric) == 0)
            return r;
    }
    return NULL;
}

static int year_within(const char *year, const char *range)
{
    char *end;
    long y = strtol(year, &end, 10);
    if (*end || end == year)
        return 0;
    long from = strtol(range, &end, 10);
    if (*end != '/')
        return 0;
    long to = strtol(end + 1, NULL, 10);
    return from <= y && y <= to;
}

/* No sentence ends between the two figures: a part's whole is in its own
 * sentence ("kết luận 10 đảng viên có vi phạm. Toàn Đảng bộ thi hành kỷ
 * luật 17 đảng viên" are two populations). */
static int one_sentence(const sl_check_doc *cd, const solieu_fact *a, const solieu_fact *b)
{
    return !sl_sentence_ends_between(cd->doc->scan, a->text_end, b->text_start);
}

static int on_link(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    (void)r;
    (void)md;
    *(int *)ctx = 1;
    return 1; /* one is enough */
}

/* The part's sentence, up to the part, refers back to the sentence before
 * ("... thi hành kỷ luật 602 đảng viên trong số các đảng viên vi phạm nói
 * trên"): the rule's pattern matches in it. */
static int refers_back(sl_check_doc *cd, const sl_rule *r, const solieu_fact *part)
{
    if (!r->code || part->paragraph >= cd->doc->paragraphs.len)
        return 0;
    const sl_paragraph *p = sl_vec_at(&cd->doc->paragraphs, part->paragraph);
    size_t at = sl_segment_offset(p, part->text_start);
    size_t from = sl_sentence_start(p->segment, at);
    size_t to = sl_sentence_end(p->segment, p->segment_len, at);
    int found = 0;
    sl_match_all(cd->checker->matcher, r, p->segment + from, to - from, part->line, cd->doc->name,
                 on_link, &found);
    return found;
}

/* The part's sentence opens its paragraph and refers back: its whole may
 * stand in the paragraph before. */
static int opens_referring_back(sl_check_doc *cd, const sl_rule *r, const solieu_fact *part)
{
    if (part->paragraph >= cd->doc->paragraphs.len)
        return 0;
    const sl_paragraph *p = sl_vec_at(&cd->doc->paragraphs, part->paragraph);
    size_t from = sl_sentence_start(p->segment, sl_segment_offset(p, part->text_start));
    for (size_t k = 0; k < from; k++)
        if (p->segment[k] != ' ' && p->segment[k] != '-' && p->segment[k] != '+' &&
            p->segment[k] != '*')
            return 0;
    return refers_back(cd, r, part);
}

/* Whether f stands in parentheses in a paragraph before the part's: a
 * share of the whole there ("huyện Tân Khê (5)"), no whole of a later
 * paragraph's figure. */
static int aside_of_other_paragraph(const sl_check_doc *cd, const solieu_fact *f,
                                    const solieu_fact *part)
{
    return f->paragraph != part->paragraph &&
           sl_in_parentheses_on_line(cd->doc->text, cd->doc->len, f->text_end);
}

void sl_check_chains(sl_check_doc *cd)
{
    const solieu_rules *rules = cd->checker->rules;
    size_t n = solieu_facts_count(cd->facts);
    for (size_t i = 0; i < sl_rules_kind_count(rules, SL_RULE_RELATION); i++) {
        const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_RELATION, i);
        int chain = strcmp(r->check, "chain") == 0, narrower = strcmp(r->check, "narrower") == 0;
        if ((!chain && !narrower) || !r->metric)
            continue;
        for (size_t k = 0; k < n; k++) {
            const solieu_fact *part = solieu_facts_get(cd->facts, k);
            if (strcmp(part->metric, r->metric) != 0)
                continue;
            const solieu_fact *whole = NULL;
            int back = -1; /* whether the paragraph before is in reach: not asked yet */
            for (size_t j = k; j-- > 0 && !whole;) {
                const solieu_fact *f = solieu_facts_get(cd->facts, j);
                /* within the paragraph, and within reach of a few sentences */
                if (part->text_start - f->text_start > 4 * SOLIEU_MAX_SENTENCE_BYTES)
                    break;
                if (f->paragraph != part->paragraph) {
                    if (f->paragraph + 1 != part->paragraph || f->footnote != part->footnote)
                        break;
                    if (back < 0)
                        back = chain && opens_referring_back(cd, r, part);
                    if (!back)
                        break;
                }
                /* a figure of the part's own metric between them has the
                 * whole for its own ("kết luận 04 đảng viên có vi phạm, trong
                 * đó 03 ... phải thi hành kỷ luật; toàn Đảng bộ thi hành kỷ luật
                 * 07 đảng viên"): this one counts more than the whole holds */
                if (chain && strcmp(f->metric, part->metric) == 0 && !*f->qualifier)
                    break;
                /* a part of a breakdown ("kiểm tra 19 đảng viên, trong đó ...
                 * kiểm tra 6 đảng viên, ... 13 đảng viên") is no whole of what
                 * the whole gave ("Kết luận 16 đảng viên có vi phạm") */
                /* committee members ("trong đó, số cấp ủy viên: 05") are a
                 * group of the whole, never the whole of those found in
                 * violation or disciplined */
                /* nor is a figure in an aside before the part ("06 đảng viên
                 * (lũy kế 9 tháng: 05; cùng kỳ: 04), kết luận 05 ...") */
                if (chain && r->parts && sl_metric_listed(r->parts, f->metric) &&
                    !cd->is_part[f->id] && strcmp(f->unit, SL_UNIT_COMMITTEE_MEMBERS) != 0 &&
                    !(f->paragraph == part->paragraph &&
                      sl_in_parenthesis(cd->doc->text, f->text_end, part->text_start)) &&
                    !aside_of_other_paragraph(cd, f, part) &&
                    sl_comparable_periods(f->period, part->period) &&
                    (!r->sentence_reach || one_sentence(cd, f, part) || refers_back(cd, r, part)))
                    whole = f;
                /* a whole with a qualifier is a group or an average
                 * ("bình quân mỗi năm"), not the range's total */
                if (narrower && strcmp(f->metric, part->metric) == 0 && !*f->qualifier &&
                    year_within(part->period, f->period))
                    whole = f;
            }
            if (whole)
                sl_add_subset(cd, r, whole, part);
        }
    }
}
