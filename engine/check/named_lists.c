/* A count and the names in parentheses right after it: "giám sát 02 chi bộ
 * (Chi bộ khu phố 2, Chi bộ khu phố 6 và Chi bộ Trường Tiểu học Tân Lộc)".
 * The names are as many as the count says (list_count). Pattern rules with
 * check list_count mark the count (group count) and the names (group
 * names: what a name looks like is the rule's to say). No figure may stand
 * between the count and the names' end: "(Chi bộ A: 12 đảng viên, ...)"
 * breaks the count down, it does not name it. */
#include <math.h>
#include <string.h>

#include <solieu/number.h>

#include "check/check_internal.h"

/* Whether the text opens with a unit's word in capitals ("Chi bộ ",
 * "Đảng bộ ", "Đảng ủy "): names of units. */
static int opens_with_unit(const char *text, size_t len)
{
    static const char *const units[] = {"Chi b\xE1\xBB\x99", "\xC4\x90\xE1\xBA\xA3ng b\xE1\xBB\x99",
                                        "\xC4\x90\xE1\xBA\xA3ng \xE1\xBB\xA7y"};
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
        if (len >= strlen(units[k]) && memcmp(text, units[k], strlen(units[k])) == 0)
            return 1;
    return 0;
}

/* Whether the text opens with a place's word in capitals ("Tổ 12", "Khu
 * phố 6", "Thôn Đông", "Xã An Phú"). */
static int opens_with_place(const char *text, size_t len)
{
    static const char *const places[] = {"T\xE1\xBB\x95 ", "Khu ",
                                         "Th\xC3\xB4n ",   "\xE1\xBA\xA4p ",
                                         "X\xC3\xB3m ",    "B\xE1\xBA\xA3n ",
                                         "X\xC3\xA3 ",     "Ph\xC6\xB0\xE1\xBB\x9Dng "};
    for (size_t k = 0; k < sizeof places / sizeof places[0]; k++)
        if (len >= strlen(places[k]) && memcmp(text, places[k], strlen(places[k])) == 0)
            return 1;
    return 0;
}

/* Whether the ',' at text[at] sets a place after the name before it
 * ("bản Khuổi Tát, xã Khuổi Lừa", "xã Tân An, huyện Đồng Phú"): a level
 * above the list's first name's follows. */
static int locates_the_name_before(const char *text, size_t len, size_t at)
{
    size_t next = at + 1;
    while (next < len && text[next] == ' ')
        next++;
    return sl_level_opening(text + next, len - next) > sl_level_opening(text, len);
}

/* The names in text[0..len), which the rule's pattern has matched as
 * names apart by ',' or ';', the last after " và ". Where a ';' stands,
 * it alone parts them: a name may hold a comma ("Công ty May An Phú, Khu
 * công nghiệp Bắc Sơn; Công ty Dược Hòa Bình"). */
static size_t count_names(const char *text, size_t len)
{
    static const char joiner[] = " v\xC3\xA0 "; /* " và " */
    char sep = memchr(text, ';', len) ? ';' : ',';
    /* names that open with a unit's word ("Đảng bộ Khối Cơ quan và
     * Doanh nghiệp tỉnh, Đảng bộ Quân sự tỉnh"): a " và " parts two names
     * only where the next opens with a unit's word or the first's words */
    size_t first_word = 0;
    while (first_word < len && text[first_word] != ' ')
        first_word++;
    if (first_word < len)
        first_word++; /* the first two words: "Đảng bộ", "Chi bộ" */
    while (first_word < len && text[first_word] != ' ')
        first_word++;
    int unit_names = opens_with_unit(text, first_word);
    size_t names = 1;
    for (size_t at = 0; at < len; at++) {
        if (text[at] == sep && !(sep == ',' && locates_the_name_before(text, len, at)))
            names++;
        else if (sep == ',' && text[at] == ' ' && len - at >= sizeof joiner - 1 &&
                 memcmp(text + at, joiner, sizeof joiner - 1) == 0) {
            size_t next = at + sizeof joiner - 1;
            if (!unit_names || opens_with_unit(text + next, len - next) ||
                (len - next >= first_word && memcmp(text + next, text, first_word) == 0))
                names++;
        }
    }
    return names;
}

/* Whether a fact other than `count` stands in [from, to) of the text. */
static int figure_within(const sl_check_doc *cd, const solieu_fact *count, size_t from, size_t to)
{
    size_t i = sl_facts_from(cd->facts, from);
    for (; i < solieu_facts_count(cd->facts); i++) {
        const solieu_fact *f = solieu_facts_get(cd->facts, i);
        if (f->text_start >= to)
            return 0;
        if (f != count)
            return 1;
    }
    return 0;
}

static int on_names(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    sl_relation_ctx *c = ctx;
    size_t cs, ce, ns, ne;
    if (!sl_group_span(r->code, md, "count", &cs, &ce) ||
        !sl_group_span(r->code, md, "names", &ns, &ne))
        return 0;
    const solieu_fact *count = sl_fact_at(c->cd->facts, sl_paragraph_to_text(c->p, cs));
    if (!count || count->value != floor(count->value) ||
        figure_within(c->cd, count, sl_paragraph_to_text(c->p, ce), sl_paragraph_to_text(c->p, ne)))
        return 0;
    /* units or places named after a count of people ("3 đảng viên (Chi bộ
     * Khu phố 5 và Chi bộ Khu phố 11)", "01 đảng viên (Tổ 12, Khu phố 6)")
     * say where they are, not who */
    if (sl_counts_members(count->unit) && (opens_with_unit(c->p->segment + ns, ne - ns) ||
                                           opens_with_place(c->p->segment + ns, ne - ns)))
        return 0;
    size_t names = count_names(c->p->segment + ns, ne - ns);
    /* one name is no list, and a count far above the names is not what they
     * name ("12 chi bộ (nhất là Chi bộ A, Chi bộ B)") */
    if (names < 2 || count->value > 2.0 * (double)names + 2.0)
        return 0;
    int pass = (double)names == count->value;
    char a[64];
    sl_check_add(c->cd, "list_count", pass, r->id, count, NULL, 0, count->value, (double)names, 0,
                 "line %zu states %s %s, the parenthesis after it names %zu", count->line,
                 solieu_format_number(count->value, a, sizeof a), count->unit, names);
    return 0;
}

/* Whether paragraph p is an item that names a unit and gives no figure
 * ("• Chi bộ ấp Rạch Sậy;"): with the bullet of the items before it. */
static int names_a_unit_item(const sl_check_doc *cd, size_t k, char bullet)
{
    const sl_paragraph *p = sl_vec_at(&cd->doc->paragraphs, k);
    if (sl_paragraph_bullet(p) != bullet)
        return 0;
    size_t i = 0;
    while (i < p->segment_len && p->segment[i] == ' ')
        i++;
    while (i < p->segment_len && p->segment[i] != ' ') /* the bullet */
        i++;
    while (i < p->segment_len && p->segment[i] == ' ')
        i++;
    size_t first;
    return opens_with_unit(p->segment + i, p->segment_len - i) &&
           sl_paragraphs_facts(cd, k, k, &first) == first;
}

/* A count whose paragraph closes with a colon after it, no figure between
 * ("kiện toàn chi ủy ở bốn chi bộ, gồm:"), and the items under it that each
 * name a unit ("• Chi bộ ấp Rạch Sậy;"): as many as the count says. */
static void check_item_lists(sl_check_doc *cd, const sl_rule *r)
{
    const sl_vec *paragraphs = &cd->doc->paragraphs;
    for (size_t k = 0; k + 1 < paragraphs->len; k++) {
        const sl_paragraph *p = sl_vec_at(paragraphs, k);
        size_t end = p->segment_len;
        while (end > 0 && p->segment[end - 1] == ' ')
            end--;
        size_t first, stop = sl_paragraphs_facts(cd, k, k, &first);
        if (end == 0 || p->segment[end - 1] != ':' || stop == first || p->footnote)
            continue;
        const solieu_fact *count = solieu_facts_get(cd->facts, stop - 1);
        size_t after = sl_segment_offset(p, count->text_end);
        if (count->has_denominator || count->value != floor(count->value) ||
            sl_counts_members(count->unit) || !*count->unit ||
            memchr(p->segment + after, '.', end - after) ||
            memchr(p->segment + after, ';', end - after))
            continue;
        const sl_paragraph *item = sl_vec_at(paragraphs, k + 1);
        char bullet = sl_paragraph_bullet(item);
        size_t names = 0;
        while (bullet && k + 1 + names < paragraphs->len &&
               names_a_unit_item(cd, k + 1 + names, bullet))
            names++;
        /* one name is no list, and a count far above the names is not what
         * they name */
        if (names < 2 || count->value > 2.0 * (double)names + 2.0)
            continue;
        int pass = (double)names == count->value;
        char a[64];
        sl_check_add(cd, "list_count", pass, r->id, count, NULL, 0, count->value, (double)names, 0,
                     "line %zu states %s %s, the items under it name %zu", count->line,
                     solieu_format_number(count->value, a, sizeof a), count->unit, names);
    }
}

void sl_check_named_lists(sl_check_doc *cd)
{
    sl_run_relations(cd, "list_count", on_names, NULL);
    const sl_rule *items = sl_relation_rule(cd->checker->rules, "item_list");
    if (items)
        check_item_lists(cd, items);
}
