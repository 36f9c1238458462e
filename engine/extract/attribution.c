/* After the rules: what each figure takes from the figures, footnotes and
 * headings around it. A bare number takes the metric of the figure it
 * follows or its footnote hangs on; a footnote's plain count the body
 * figure's; a body figure the years its footnote lists; a figure that names
 * no period its section's or its report's; a figure a named unit labels or
 * governs, that unit. */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_internal.h"

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

/* Whether body figure g can give footnote fact f what f lacks. */
typedef int (*gives_fn)(const solieu_fact *g, const solieu_fact *f);

/* Where the parenthesis that closes right before `at` opens ("(Huyện ủy
 * giao 12 đồng chí)²"), or `at` when none closes there. */
static size_t aside_before(const char *text, size_t at)
{
    size_t i = at;
    while (i > 0 && text[i - 1] == ' ')
        i--;
    if (i == 0 || text[i - 1] != ')')
        return at;
    int depth = 0;
    for (size_t k = i; k-- > 0 && text[k] != '\n';) {
        if (text[k] == ')')
            depth++;
        else if (text[k] == '(' && --depth == 0)
            return k;
    }
    return at;
}

/* Where the sentence of a body marker that cites a footnote starts (a
 * normalised offset), or (size_t)-1 for a marker that opens a footnote's
 * body or stands in one. */
static size_t citing_sentence(const sl_attribution *d, const sl_marker *mk)
{
    if (mk->definition || mk->paragraph == (size_t)-1)
        return (size_t)-1;
    const sl_paragraph *p = sl_vec_at(&d->doc->paragraphs, mk->paragraph);
    if (p->footnote)
        return (size_t)-1;
    size_t seg_marker = sl_segment_offset(p, mk->start);
    return sl_paragraph_to_text(p, sl_sentence_start(p->segment, seg_marker));
}

/* A metric that says only what is counted ("count", "party_orgs"): a
 * footnote's figure of it may count what its body figure counts. */
static int is_generic(const char *metric)
{
    return strcmp(metric, "count") == 0 || strcmp(metric, "party_orgs") == 0;
}

/* Whether the footnote text before f names g's noun, in either case ("Số
 * tổ chức đảng được kiểm tra: năm 2019: 398" names "tổ chức đảng", "Đảng
 * viên bị kỷ luật cảnh cáo ..." names "đảng viên"). */
static int named_before(const sl_attribution *d, const solieu_fact *f, const solieu_fact *g)
{
    if (!*g->unit || f->paragraph >= d->doc->paragraphs.len)
        return 0;
    const sl_paragraph *p = sl_vec_at(&d->doc->paragraphs, f->paragraph);
    size_t at = sl_segment_offset(p, f->text_start);
    if (memmem(p->segment, at, g->unit, strlen(g->unit)))
        return 1;
    char capital[64];
    size_t n = sl_capitalise_first(g->unit, capital, sizeof capital);
    return n && memmem(p->segment, at, capital, n) != NULL;
}

/* What inherit_from_leads makes of a fact (its bare[] entry): a bare number,
 * one with no lead (dropped), a part of a breakdown. */
enum { BARE = 1, DROPPED = 2, PART = 3 };

/* Whether a fact may lead a bare number: one that says what it counts, or
 * a part of a breakdown ("xã 112 đảng viên; cơ quan 21"). */
static int leads(unsigned char bare)
{
    return bare == 0 || bare == PART;
}

/* The body figure the marker of f's footnote hangs on: the last fact that
 * `gives` before a marker of that footnote, in the marker's sentence and
 * outside an aside the marker closes, not a bare number itself (bare[], by
 * fact index); NULL when there is none, or when the marker stands on a plain
 * count of the footnote figure's noun. */
/* Whether figure g stands in an aside that closes before marker mk, in
 * mk's paragraph. */
static int aside_closes_between(const sl_attribution *d, const solieu_fact *g, const sl_marker *mk)
{
    const sl_paragraph *p = sl_vec_at(&d->doc->paragraphs, mk->paragraph);
    size_t end = sl_segment_offset(p, mk->start);
    int depth = 0;
    for (size_t k = sl_segment_offset(p, g->text_end); k < end && k < p->segment_len; k++)
        if (p->segment[k] == '(')
            depth++;
        else if (p->segment[k] == ')' && depth-- == 0)
            return 1;
    return 0;
}

/* A marker in a table row's label ("| 1 | Tập thể được kiểm điểm² | 1.284
 * | 1.302 |") hangs on the row's first figure that gives f what it lacks;
 * NULL when the marker stands in no table row or none does. */
static const solieu_fact *row_figure_after(sl_attribution *d, const sl_marker *mk,
                                           const solieu_fact *f, gives_fn gives,
                                           const unsigned char *bare)
{
    const char *t = d->doc->text;
    size_t start = mk->start;
    while (start > 0 && t[start - 1] != '\n')
        start--;
    while (t[start] == ' ')
        start++;
    if (t[start] != '|')
        return NULL;
    const char *nl = memchr(t + mk->end, '\n', d->doc->len - mk->end);
    size_t end = nl ? (size_t)(nl - t) : d->doc->len;
    const sl_vec *facts = &d->facts->facts;
    for (size_t j = sl_facts_from(d->facts, mk->end); j < facts->len; j++) {
        const solieu_fact *g = sl_vec_at(facts, j);
        if (g->text_start >= end)
            break;
        if (!g->footnote && leads(bare[j]) && gives(g, f))
            return g;
    }
    return NULL;
}

static const solieu_fact *hung_on(sl_attribution *d, const solieu_fact *f, gives_fn gives,
                                  const unsigned char *bare)
{
    const sl_vec *facts = &d->facts->facts;
    const solieu_fact *best = NULL, *named = NULL;
    for (size_t m = 0; m < d->doc->markers.len && !best; m++) {
        const sl_marker *mk = sl_vec_at(&d->doc->markers, m);
        size_t from = mk->number == f->footnote ? citing_sentence(d, mk) : (size_t)-1;
        if (from == (size_t)-1)
            continue;
        size_t until = aside_before(d->doc->scan, mk->start);
        const solieu_fact *last = NULL;
        for (size_t j = sl_facts_from(d->facts, from);
             j < facts->len && ((const solieu_fact *)sl_vec_at(facts, j))->text_start <= until;
             j++) {
            const solieu_fact *g = sl_vec_at(facts, j);
            if (g->footnote || g->paragraph != mk->paragraph)
                continue;
            last = g;
            if (leads(bare[j]) && gives(g, f)) {
                /* a figure in an aside that closed before the marker only
                 * details one before it ("38 tổ chức đảng (khiển trách 24,
                 * cảnh cáo 14) và 1.126 đảng viên³") */
                int detail = aside_closes_between(d, g, mk);
                if (!best || !detail)
                    best = g;
                if (named_before(d, f, g) && (!named || !detail))
                    named = g;
            }
        }
        if (!best && last == NULL)
            best = row_figure_after(d, mk, f, gives, bare);
        /* the marker on a plain count of the same noun ("tặng Huy hiệu Đảng
         * cho 37 đảng viên²"): the footnote's figures count what it counts,
         * not what a figure before it does */
        if (last && last != best && is_generic(last->metric) && *f->unit &&
            (sl_same_noun(last->unit, f->unit) ||
             (sl_counts_members(last->unit) && sl_counts_members(f->unit))))
            return NULL;
    }
    /* of the figures before the marker, the one whose noun the footnote
     * names, else the last */
    return named ? named : best;
}

/* "20 tập thể" in a footnote counts what the body's "449 lượt tập thể" counts. */
static int counts_same_noun(const solieu_fact *g, const solieu_fact *f)
{
    return !is_generic(g->metric) && (sl_same_noun(g->unit, f->unit) ||
                                      (sl_counts_members(g->unit) && sl_counts_members(f->unit)));
}

/* "đảng viên" and "đồng chí" count the same people. */
int sl_counts_members(const char *unit)
{
    static const char member[] = "\xC4\x91\xE1\xBA\xA3ng vi\xC3\xAAn"; /* đảng viên */
    static const char comrade[] = "\xC4\x91\xE1\xBB\x93ng ch\xC3\xAD"; /* đồng chí */
    return strncmp(unit, member, sizeof member - 1) == 0 ||
           strncmp(unit, comrade, sizeof comrade - 1) == 0;
}

/* A figure a bare number can count the same as: not a share, and of the
 * bare number's own noun when it names one ("nữ 4.912 đồng chí" among
 * members counts members, not organisations). */
static int may_lead(const solieu_fact *g, const solieu_fact *f)
{
    /* a share of units ("ở 7/11 xã") is no count its list goes on with */
    if (g->has_denominator && strcmp(g->metric, "units_with") == 0)
        return 0;
    return strcmp(g->unit, "%") != 0 &&
           (!*f->unit || sl_same_noun(g->unit, f->unit) ||
            (sl_counts_members(g->unit) && sl_counts_members(f->unit)));
}

/* Whether the text of paragraph p from figure g to offset `to` ends a
 * sentence or closes a parenthesis g stands in ("kết nạp 612 đảng viên (kế
 * hoạch 600 đảng viên); trong đó nữ 287": the 600 is an aside). */
static int apart_upto(const sl_paragraph *p, const solieu_fact *g, size_t to)
{
    int depth = 0;
    for (size_t k = sl_segment_offset(p, g->text_end); k < to && k < p->segment_len; k++) {
        char c = p->segment[k];
        if (c == '(')
            depth++;
        else if (c == ')' && depth-- == 0)
            return 1;
        else if (c == '.' && (k + 1 == p->segment_len || p->segment[k + 1] == ' '))
            return 1;
    }
    return 0;
}

/* Whether a sentence of paragraph p ends between offsets from and to. */
static int ends_sentence(const sl_paragraph *p, size_t from, size_t to)
{
    for (size_t k = from; k < to && k < p->segment_len; k++)
        if (p->segment[k] == '.' && (k + 1 == p->segment_len || p->segment[k + 1] == ' '))
            return 1;
    return 0;
}

/* Whether the text between figure g and figure f, both of paragraph p,
 * ends a sentence or closes a parenthesis g stands in. */
static int apart(const sl_paragraph *p, const solieu_fact *g, const solieu_fact *f)
{
    return apart_upto(p, g, sl_segment_offset(p, f->text_start));
}

/* Whether the comparison's words ("so với", "cùng kỳ") open at s[at],
 * their first letter in either case, a word's start. */
static int comparison_at(const char *s, size_t at, size_t end)
{
    static const char *const words[] = {
        "o v\xE1\xBB\x9Bi",         /* the "o với" of "so với" */
        "\xC3\xB9ng k\xE1\xBB\xB3", /* the "ùng kỳ" of "cùng kỳ" */
    };
    static const char first[] = "sc";
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t n = strlen(words[k]);
        if ((s[at] | 0x20) == first[k] && end - at > n && memcmp(s + at + 1, words[k], n) == 0 &&
            (at == 0 || s[at - 1] == ' ' || s[at - 1] == '('))
            return 1;
    }
    return 0;
}

/* Whether s[at, end) opens with another year or term: "năm 2023",
 * "nhiệm kỳ 2015 – 2020", "giai đoạn 2016 - 2020". */
static int year_at(const char *s, size_t at, size_t end)
{
    static const char *const words[] = {
        "n\xC4\x83m ",                     /* năm */
        "nhi\xE1\xBB\x87m k\xE1\xBB\xB3 ", /* nhiệm kỳ */
        "giai \xC4\x91o\xE1\xBA\xA1n ",    /* giai đoạn */
    };
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t n = strlen(words[k]);
        if (end - at < n + 4 || (s[at] | 0x20) != words[k][0] ||
            memcmp(s + at + 1, words[k] + 1, n - 1) != 0)
            continue;
        const char *y = s + at + n;
        return (memcmp(y, "19", 2) == 0 || memcmp(y, "20", 2) == 0) && y[2] >= '0' && y[2] <= '9' &&
               y[3] >= '0' && y[3] <= '9';
    }
    return 0;
}

/* Where the parenthesis that holds offset from opens (the offset after
 * its '('), looking back no further than reach bytes before k and not
 * past another parenthesis or a sentence's end; SIZE_MAX when none. */
static size_t paren_opening(const char *seg, size_t from, size_t k, size_t reach)
{
    size_t open = from;
    while (open > 0 && k - open < reach && !strchr("().;", seg[open - 1]))
        open--;
    return open > 0 && seg[open - 1] == '(' ? open : SIZE_MAX;
}

/* Where the comparison's words start when figure f is what was counted
 * then, the same thing as the sentence's figure: first in the parenthesis
 * right after them ("tăng 108 đảng viên so với nhiệm kỳ 2015 – 2020 (704
 * đảng viên)", "cao hơn cùng kỳ năm 2025 (74 đảng viên)"), or after them,
 * or after another year or term, and a colon or "là" in a parenthesis
 * ("(cùng kỳ năm 2025: 96 đồng chí)", "(năm 2023 là 41 đồng chí)",
 * "(nhiệm kỳ 2015 – 2020 là 81 đảng viên)"); SIZE_MAX otherwise. */
static size_t compared_at(const sl_paragraph *p, const solieu_fact *f)
{
    enum { COMPARISON_WORDS = 60 };
    const char *seg = p->segment;
    size_t k = sl_segment_offset(p, f->text_start);
    while (k > 0 && seg[k - 1] == ' ')
        k--;
    size_t said = k > 0 && seg[k - 1] == ':' ? k - 1 : SIZE_MAX;
    if (k >= 4 && memcmp(seg + k - 4, " l\xC3\xA0", 4) == 0) /* " là" */
        said = k - 4;
    if (k > 0 && seg[k - 1] == ',') {
        /* a later figure of the same parenthesis: "(cùng kỳ năm 2025: 17 tổ
         * chức đảng, 38 đảng viên)" */
        size_t open = paren_opening(seg, k - 1, k, 2 * COMPARISON_WORDS);
        if (open == SIZE_MAX)
            return SIZE_MAX;
        const char *colon = memchr(seg + open, ':', k - open);
        size_t first_said = colon ? (size_t)(colon - seg) : SIZE_MAX;
        return first_said != SIZE_MAX &&
                       (comparison_at(seg, open, first_said) || year_at(seg, open, first_said))
                   ? open
                   : SIZE_MAX;
    }
    if (said != SIZE_MAX) { /* "(cùng kỳ năm 2025: 96", "(năm 2023 là 41" */
        size_t open = paren_opening(seg, said, k, COMPARISON_WORDS);
        return open != SIZE_MAX && (comparison_at(seg, open, k) || year_at(seg, open, said))
                   ? open
                   : SIZE_MAX;
    }
    if (k == 0 || seg[k - 1] != '(')
        return SIZE_MAX;
    k--;
    size_t limit = k > COMPARISON_WORDS ? k - COMPARISON_WORDS : 0;
    for (size_t s = k; s-- > limit;) {
        if (strchr(".;()", seg[s]))
            return SIZE_MAX;
        if (comparison_at(seg, s, k))
            return s;
    }
    return SIZE_MAX;
}

/* Where the sentence before f's ends (the offset of its full stop), when
 * f's sentence opens by breaking down a figure of that one ("Phân theo
 * khối: xã, thị trấn 112 đảng viên; ...") or by comparing with one ("So
 * với cùng kỳ năm 2024 (98 đảng viên), ..."); SIZE_MAX otherwise. */
static size_t opened_by_breakdown(const sl_paragraph *p, const solieu_fact *f)
{
    static const char *const openers[] = {
        "Ph\xC3\xA2n theo ",                    /* Phân theo */
        "Chia theo ",                           /* Chia theo */
        "Trong \xC4\x91\xC3\xB3",               /* Trong đó */
        "Trong s\xE1\xBB\x91 \xC4\x91\xC3\xB3", /* Trong số đó */
    };
    size_t at = sl_segment_offset(p, f->text_start);
    size_t stop = at;
    while (stop > 0 && !(p->segment[stop - 1] == '.' && p->segment[stop] == ' '))
        stop--;
    if (stop == 0)
        return SIZE_MAX;
    size_t start = stop;
    while (start < at && p->segment[start] == ' ')
        start++;
    for (size_t k = 0; k < sizeof openers / sizeof openers[0]; k++) {
        size_t n = strlen(openers[k]);
        if (at - start >= n && memcmp(p->segment + start, openers[k], n) == 0)
            return stop - 1;
    }
    /* "So với cùng kỳ năm 2024 (98 đảng viên), ..." */
    size_t compared = compared_at(p, f);
    return compared != SIZE_MAX && comparison_at(p->segment, start, at) &&
                   !memchr(p->segment + start, ';', compared - start)
               ? stop - 1
               : SIZE_MAX;
}

/* A share that says what it measures (attendance, coverage), for a
 * footnote's plain percentage. */
static int names_a_rate(const solieu_fact *g, const solieu_fact *f)
{
    (void)f;
    return strcmp(g->unit, "%") == 0 && strcmp(g->metric, "percent") != 0;
}

/* Party organisations of any kind: "tổ chức đảng", "chi bộ", "đảng ủy". */
static int counts_party_orgs(const char *unit)
{
    static const char *const heads[] = {
        "t\xE1\xBB\x95 ch\xE1\xBB\xA9"
        "c",                                         /* tổ chức */
        "chi b\xE1\xBB\x99",                         /* chi bộ */
        "chi, \xC4\x91\xE1\xBA\xA3ng b\xE1\xBB\x99", /* chi, đảng bộ */
        "\xC4\x91\xE1\xBA\xA3ng b\xE1\xBB\x99",      /* đảng bộ */
        "\xC4\x91\xE1\xBA\xA3ng \xE1\xBB\xA7y",      /* đảng ủy */
    };
    for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++)
        if (strncmp(unit, heads[k], strlen(heads[k])) == 0)
            return 1;
    return 0;
}

/* The words that open a breakdown: "trong đó", "gồm", "trong số" ("trong
 * số được kết nạp, ... là 58 đồng chí"), and in a list's head also "cụ
 * thể", "phân theo" and "chia theo" ("..., phân theo khối:"). */
static const char *const breakdown_words[] = {
    "trong \xC4\x91\xC3\xB3",       /* trong đó */
    "g\xE1\xBB\x93m",               /* gồm */
    "trong s\xE1\xBB\x91",          /* trong số */
    "c\xE1\xBB\xA5 th\xE1\xBB\x83", /* cụ thể */
    "ph\xC3\xA2n theo",             /* phân theo */
    "chia theo",                    /* chia theo */
};
enum { SENTENCE_BREAKDOWN_WORDS = 3, LIST_BREAKDOWN_WORDS = 6 };

/* Whether text[0, n) holds one of the first `count` breakdown words. */
static int holds_breakdown_word(const char *text, size_t n, size_t count)
{
    for (size_t k = 0; k < count; k++)
        if (memmem(text, n, breakdown_words[k], strlen(breakdown_words[k])))
            return 1;
    return 0;
}

/* Whether text[0, n), what stands between a figure and a later one, opens
 * its parts right after the figure's noun: with a colon ("220 đồng chí: Tổ
 * dân phố 1 có 21 đồng chí, ...") or a parenthesis that opens with a figure
 * ("18 chi bộ (12 chi bộ thôn, 4 chi bộ trường học ...", not "18 chi bộ
 * (tăng 2 chi bộ ...") or with a label ("38 (chi bộ khu dân cư: 27; ..."). */
static int opens_parts_after_noun(const char *text, size_t n)
{
    const char *c = text;
    while (c < text + n && *c != '(' && *c != ':') {
        if (*c == ',' || *c == ';' || *c == '.' || (*c >= '0' && *c <= '9'))
            return 0;
        c++;
    }
    if (c == text + n)
        return 0;
    if (*c == ':')
        return 1;
    const char *first = c + 1;
    while (first < text + n && *first == ' ')
        first++;
    if (first == text + n || (*first >= '0' && *first <= '9'))
        return 1; /* the end: f opens it */
    /* a parenthesis of labelled parts: "38 chi bộ (chi bộ khu dân cư: 27" */
    const char *end = text + n;
    while (end > first && end[-1] == ' ')
        end--;
    if (end == first || end[-1] != ':')
        return 0;
    for (const char *k = first; k < end; k++)
        if ((*k >= '0' && *k <= '9') || *k == '(' || *k == ')' || *k == ';')
            return 0;
    return 1;
}

/* Whether the text between figures g and f of paragraph p opens a
 * breakdown that f stands in ("..., gồm", "trong đó", a colon or a
 * parenthesis of parts, a comparison's parenthesis): a clause after a ';'
 * goes on with it only when the figure opens it ("gồm: 12 chi bộ thôn; 05
 * chi bộ trường học", not "...; phát hiện 4 tổ chức đảng"). */
static int breakdown_between(const sl_paragraph *p, const solieu_fact *g, const solieu_fact *f)
{
    size_t from = sl_segment_offset(p, g->text_end), to = sl_segment_offset(p, f->text_start);
    if (to <= from || to > p->segment_len)
        return 0;
    const char *text = p->segment + from;
    size_t n = to - from;
    size_t compared = compared_at(p, f);
    if (compared != SIZE_MAX && compared >= from) {
        /* within g's clause, or opening the clause after it ("...; so với
         * cùng kỳ năm 2025 (11 đảng viên) tăng 03": "so với" opens it,
         * the comparison's words found may be its "cùng kỳ") */
        const char *semicolon = memrchr(text, ';', n);
        size_t opens = semicolon ? (size_t)(semicolon + 1 - p->segment) : from;
        while (semicolon && opens < compared && p->segment[opens] == ' ')
            opens++;
        if (!semicolon || opens == compared ||
            (opens < compared && comparison_at(p->segment, opens, compared + 1)))
            return 1;
    }
    /* words in an aside between them open nothing for f: "74 tổ chức đảng
     * (trong đó 152 cấp ủy viên), tăng 17 tổ chức đảng" */
    const char *closed = memrchr(text, ')', n);
    if (closed) {
        n -= (size_t)(closed + 1 - text);
        text = closed + 1;
    }
    if (!holds_breakdown_word(text, n, SENTENCE_BREAKDOWN_WORDS) &&
        !opens_parts_after_noun(text, n))
        return 0;
    const char *semicolon = memrchr(text, ';', n);
    /* "...; trong số được kết nạp, ... là 58 đồng chí": the clause opens
     * the breakdown itself */
    if (semicolon && holds_breakdown_word(semicolon + 1, (size_t)(text + n - semicolon - 1),
                                          SENTENCE_BREAKDOWN_WORDS))
        return 1;
    for (const char *c = semicolon ? semicolon + 1 : text + n; c < text + n; c++)
        if (*c != ' ')
            return 0;
    return 1;
}

/* Whether g counts what f counts: the same noun, members, organisations. */
static int counts_same_kind(const solieu_fact *g, const solieu_fact *f)
{
    return sl_same_noun(g->unit, f->unit) ||
           (sl_counts_members(g->unit) && sl_counts_members(f->unit)) ||
           (counts_party_orgs(g->unit) && counts_party_orgs(f->unit));
}

/* Whether g says what it counts: not bare, not a plain count, no share. */
static int says_what(const solieu_fact *g, unsigned char bare)
{
    return !bare && !is_generic(g->metric) && strcmp(g->unit, "%") != 0 && !g->has_denominator;
}

/* A line of a form that ends with its figure after a label ("2. Kết nạp
 * đảng viên (2021 - 2024) ........ 742", read as "...: 742"): the items
 * under it break that figure down. */
static int ends_with_labelled_figure(const sl_paragraph *p)
{
    size_t n = p->segment_len;
    while (n > 0 && p->segment[n - 1] == ' ')
        n--;
    size_t k = n;
    while (k > 0 && ((p->segment[k - 1] >= '0' && p->segment[k - 1] <= '9') ||
                     p->segment[k - 1] == '.' || p->segment[k - 1] == ','))
        k--;
    if (k == n)
        return 0;
    while (k > 0 && p->segment[k - 1] == ' ')
        k--;
    return k > 0 && p->segment[k - 1] == ':';
}

/* A paragraph that only opens a list ("Trong đó:", "Gồm:", "Cụ thể:"). */
static int is_short_opener(const sl_paragraph *p)
{
    enum { SHORT_OPENER_BYTES = 16 };
    size_t n = p->segment_len;
    while (n > 0 && (p->segment[n - 1] == ' ' || p->segment[n - 1] == ':'))
        n--;
    size_t i = 0;
    while (i < n && p->segment[i] == ' ')
        i++;
    return n - i > 0 && n - i <= SHORT_OPENER_BYTES;
}

/* The paragraph that heads the list item `k` stands in (a line ending
 * with ':' above the items: "xóa tên 14 trường hợp, cụ thể:"), or
 * (size_t)-1 when k is no item or heads no such list. */
static size_t list_head_of(const sl_attribution *d, size_t k)
{
    const sl_vec *paragraphs = &d->doc->paragraphs;
    const sl_paragraph *item = sl_vec_at(paragraphs, k);
    if (!sl_paragraph_is_item(item))
        return (size_t)-1;
    while (k-- > 0) {
        const sl_paragraph *p = sl_vec_at(paragraphs, k);
        if (p->footnote != item->footnote)
            return (size_t)-1;
        /* an item of another bullet that ends with ':' heads a list within
         * the list ("- Trong quý, kết nạp 10 đảng viên, cụ thể:" over "+
         * Chi bộ Thôn 1: 01 đồng chí;") */
        if (sl_paragraph_is_item(p) && sl_paragraph_opens_list(p) &&
            sl_paragraph_bullet(p) != sl_paragraph_bullet(item))
            return k;
        /* a '+' item right under a '-' one breaks it down though no colon
         * ends it ("- Kết nạp: 86 đảng viên, đạt 71,7% kế hoạch." / "+ Quý
         * I: 19; quý II: 34; quý III: 33.") */
        if (sl_paragraph_is_item(p) && sl_paragraph_bullet(p) == '-' &&
            sl_paragraph_bullet(item) == '+')
            return k;
        if (!sl_paragraph_is_item(p)) {
            if (!sl_paragraph_opens_list(p) && !ends_with_labelled_figure(p))
                return (size_t)-1;
            /* "4. Tổ chức cơ sở đảng được xếp loại: 37" / "Trong đó:" / items */
            if (k > 0 && is_short_opener(p)) {
                const sl_paragraph *q = sl_vec_at(paragraphs, k - 1);
                if (q->footnote == p->footnote)
                    return k - 1;
            }
            return k;
        }
    }
    return (size_t)-1;
}

/* Whether figure g stands in an aside of paragraph p: a ')' it does not
 * open follows it ("tham gia kiểm điểm 475/512 (miễn kiểm điểm: 37)"). */
static int in_aside(const sl_paragraph *p, const solieu_fact *g)
{
    int depth = 0;
    for (size_t k = sl_segment_offset(p, g->text_end); k < p->segment_len; k++)
        if (p->segment[k] == '(')
            depth++;
        else if (p->segment[k] == ')' && depth-- == 0)
            return 1;
    return 0;
}

/* The last figure of the list head over fact i's item that says what it
 * counts and may give it to f (gives), or NULL; none in an aside. */
static const solieu_fact *from_list_head(sl_attribution *d, size_t i, const unsigned char *bare,
                                         gives_fn gives)
{
    const solieu_fact *f = sl_vec_at(&d->facts->facts, i);
    size_t head = list_head_of(d, f->paragraph);
    if (head == (size_t)-1)
        return NULL;
    for (size_t j = i; j-- > 0;) {
        const solieu_fact *g = sl_vec_at(&d->facts->facts, j);
        if (g->paragraph < head)
            break;
        /* "kết nạp 112/105 đảng viên ...; trong đó:" leads with its 112 */
        if (g->paragraph == head && !bare[j] && !is_generic(g->metric) &&
            strcmp(g->unit, "%") != 0 && gives(g, f) &&
            !in_aside(sl_vec_at(&d->doc->paragraphs, head), g))
            return g;
    }
    return NULL;
}

/* Whether a list head says its items break its figure down: "trong đó",
 * "gồm" or "cụ thể" before its colon. */
static int breakdown_opens(const sl_paragraph *head)
{
    enum { NEAR_END = 40 };
    size_t from = head->segment_len > NEAR_END ? head->segment_len - NEAR_END : 0;
    return holds_breakdown_word(head->segment + from, head->segment_len - from,
                                LIST_BREAKDOWN_WORDS);
}

/* Whether an item of the list under paragraph `head` counts `metric`, what
 * its head counts, by a rule of its own (not derived). */
static int items_count_it(sl_attribution *d, size_t head, const char *metric,
                          const unsigned char *bare)
{
    /* the items under it; under an item, those of one bullet (a list within
     * the list) */
    const sl_vec *paragraphs = &d->doc->paragraphs;
    int nested = sl_paragraph_is_item(sl_vec_at(paragraphs, head));
    char bullet =
        head + 1 < paragraphs->len ? sl_paragraph_bullet(sl_vec_at(paragraphs, head + 1)) : '\0';
    size_t last = head;
    while (last + 1 < paragraphs->len && sl_paragraph_is_item(sl_vec_at(paragraphs, last + 1)) &&
           (!nested || sl_paragraph_bullet(sl_vec_at(paragraphs, last + 1)) == bullet))
        last++;
    const sl_piece *first =
        sl_vec_at(&((const sl_paragraph *)sl_vec_at(&d->doc->paragraphs, head))->pieces, 0);
    for (size_t j = sl_facts_from(d->facts, first->start); j < d->facts->facts.len; j++) {
        const solieu_fact *g = sl_vec_at(&d->facts->facts, j);
        if (g->paragraph > last)
            break;
        if (g->paragraph > head && !bare[j] && strcmp(g->metric, metric) == 0)
            return 1;
    }
    return 0;
}

/* The figure a plain count breaks down, when a breakdown opens between
 * them ("kiểm tra 121 tổ chức đảng, gồm 17 đảng ủy cơ sở và 104 chi bộ",
 * "21 chi bộ trực thuộc, gồm 12 chi bộ thôn ..."): the nearest figure
 * before it in its sentence, or in the sentence before when its own opens
 * with the breakdown ("Phân theo khối: ..."), that says what it counts and
 * counts the same kind; else the figure of the list head over its item;
 * NULL when none. */
static const solieu_fact *broken_down(sl_attribution *d, size_t i, const unsigned char *bare)
{
    const solieu_fact *f = sl_vec_at(&d->facts->facts, i);
    const sl_paragraph *p = sl_vec_at(&d->doc->paragraphs, f->paragraph);
    size_t opened = opened_by_breakdown(p, f);
    for (size_t j = i; j-- > 0;) {
        const solieu_fact *g = sl_vec_at(&d->facts->facts, j);
        int before_opener = opened != SIZE_MAX && sl_segment_offset(p, g->text_start) < opened;
        if (g->paragraph != f->paragraph)
            break;
        if (before_opener && apart_upto(p, g, opened)) {
            if (ends_sentence(p, sl_segment_offset(p, g->text_end), opened))
                break;
            continue; /* an aside: "(chỉ tiêu 140 đảng viên)" */
        }
        if (!before_opener && apart(p, g, f)) {
            if (ends_sentence(p, sl_segment_offset(p, g->text_end),
                              sl_segment_offset(p, f->text_start)))
                break;
            continue; /* an aside: "(800 đảng viên)" */
        }
        if (!says_what(g, bare[j]))
            continue;
        if (counts_same_kind(g, f))
            return before_opener || breakdown_between(p, g, f) ? g : NULL;
    }
    /* an item of a list its head breaks down ("..., cụ thể:" / "• Tự ý bỏ
     * sinh hoạt đảng: 06 trường hợp;"), unless items of the list count
     * what the head counts by rules of their own: then a plain count among
     * them counts something else ("chính thức: 589; dự bị: 23; được miễn
     * sinh hoạt: 118") */
    const solieu_fact *whole = from_list_head(d, i, bare, counts_same_kind);
    if (!whole || whole->has_denominator || /* "58/58 tổ chức ..., trong đó:" rates them all */
        !(breakdown_opens(sl_vec_at(&d->doc->paragraphs, whole->paragraph)) ||
          breakdown_opens(sl_vec_at(&d->doc->paragraphs, whole->paragraph + 1))) ||
        items_count_it(d, whole->paragraph, whole->metric, bare))
        return NULL;
    return whole;
}

/* Where the label a paragraph opens with ends (its colon: "2) Kết nạp
 * đảng viên: ...", "- Công nhận đảng viên chính thức: ..."), past a
 * numbering, a bullet or emphasis; (size_t)-1 when it opens with none (a
 * figure, a stop or a clause's end before the colon, or no colon near). */
static size_t opening_label_end(const sl_paragraph *p)
{
    enum { MAX_LABEL_BYTES = 90 };
    static const char bullet[] = "\xE2\x80\xA2"; /* • */
    const char *s = p->segment;
    size_t n = p->segment_len < MAX_LABEL_BYTES ? p->segment_len : MAX_LABEL_BYTES;
    size_t at = 0;
    for (;;) {
        if (at < n && (s[at] == ' ' || s[at] == '-' || s[at] == '+' || s[at] == '*'))
            at++;
        else if (at + 3 <= n && memcmp(s + at, bullet, 3) == 0)
            at += 3;
        else
            break;
    }
    at = sl_past_numbering(s, at, n);
    for (size_t k = at; k < n; k++) {
        char c = s[k];
        if (c == ':')
            return k > at ? k : (size_t)-1;
        if ((c >= '0' && c <= '9') || c == '.' || c == ';' || c == '(' || c == ',')
            return (size_t)-1;
    }
    return (size_t)-1;
}

/* The topic rule that names what the items of a list under a head with no
 * figure of their noun count ("Phân theo khối, số đảng viên mới kết nạp
 * ... như sau:" over "- Khối xã: 89 đảng viên;"): of the topic rules that
 * match the head and count what item fact i counts (any, for a figure with
 * no noun: "tháng 1: 18/19", when only one does), the one of highest
 * priority (the first written on a tie), unless items count its metric by
 * rules of their own; NULL when none. */
/* The topic rule of highest priority that text[0, len) names and whose
 * noun counts what f counts; NULL when none does, or when f names no noun
 * and two topics tie (a head on "kỷ luật" of organisations and of
 * members). */
static const sl_rule *topic_named(sl_attribution *d, const solieu_fact *f, const char *text,
                                  size_t len)
{
    const solieu_rules *rules = d->ex->rules;
    const sl_rule *best = NULL;
    int tied = 0;
    for (size_t k = 0; k < sl_rules_kind_count(rules, SL_RULE_TOPIC); k++) {
        const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_TOPIC, k);
        solieu_fact counted = {.unit = r->unit ? r->unit : ""};
        if ((best && r->priority < best->priority) || (*f->unit && !counts_same_kind(&counted, f)))
            continue;
        if (sl_match(d->ex, r, r->code, text, len, 0, 0) < 0)
            continue;
        if (best && r->priority == best->priority) {
            /* a tie the words break when they name one topic's noun ("Số
             * đảng viên bị thi hành kỷ luật": members, not organisations) */
            int names_r = r->unit && memmem(text, len, r->unit, strlen(r->unit));
            int names_best = best->unit && memmem(text, len, best->unit, strlen(best->unit));
            if (names_r != names_best) {
                if (names_r)
                    best = r;
                tied = 0;
                continue;
            }
            tied = 1;
            continue;
        }
        tied = 0;
        best = r;
    }
    return !best || (tied && !*f->unit) ? NULL : best;
}

/* The topic the words before an aside of years name ("Kết nạp đảng viên
 * mới (năm 2025: 1.846 đồng chí; năm 2024: 1.702 đồng chí)", "Số đảng viên
 * bị thi hành kỷ luật theo từng năm (2021: 187; ...)"), for a plain or a
 * bare count in it; NULL when f stands in no such aside. */
static const sl_rule *topic_of_aside(sl_attribution *d, const solieu_fact *f)
{
    enum { HEAD_BYTES = 80 };
    static const char year_label[] = "(n\xC4\x83m "; /* "(năm " */
    const sl_paragraph *p = sl_vec_at(&d->doc->paragraphs, f->paragraph);
    size_t at = sl_segment_offset(p, f->text_start);
    const char *open = at ? memrchr(p->segment, '(', at) : NULL;
    if (!open || memchr(open, ')', at - (size_t)(open - p->segment)))
        return NULL;
    /* "(năm 2025: ...", "(2021: 187; 2022: 203; ...)" */
    int bare_year = (open[1] == '1' || open[1] == '2') && open[2] >= '0' && open[2] <= '9' &&
                    open[3] >= '0' && open[3] <= '9' && open[4] >= '0' && open[4] <= '9' &&
                    open[5] == ':';
    if (!bare_year && strncmp(open, year_label, sizeof year_label - 1) != 0)
        return NULL;
    size_t to = (size_t)(open - p->segment);
    size_t from = sl_sentence_start(p->segment, to);
    if (to - from > HEAD_BYTES)
        from = to - HEAD_BYTES;
    for (size_t k = from; k < to; k++)
        if (p->segment[k] >= '0' && p->segment[k] <= '9')
            return NULL; /* a figure before it: the aside is that figure's */
    return topic_named(d, f, p->segment + from, to - from);
}

/* The topic a sentence's words name before a list of figures that has
 * nothing before it to count ("Đảng viên được xếp loại hoàn thành xuất sắc,
 * hoàn thành tốt nhiệm vụ lần lượt là 31, 205 đồng chí"), for f, one of the
 * figures; NULL when a figure stands before the list. */
static const sl_rule *topic_of_sentence(sl_attribution *d, const solieu_fact *f)
{
    const sl_paragraph *p = sl_vec_at(&d->doc->paragraphs, f->paragraph);
    size_t at = sl_segment_offset(p, f->text_start);
    size_t from = sl_sentence_start(p->segment, at);
    size_t head_end = from;
    while (head_end < at && !(p->segment[head_end] >= '0' && p->segment[head_end] <= '9'))
        head_end++;
    /* between the head and f only the list's figures, commas and "và" */
    static const char and[] = "v\xC3\xA0"; /* và */
    for (size_t k = head_end; k < at; k++) {
        char c = p->segment[k];
        if (k + sizeof and-1 <= at && memcmp(p->segment + k, and, sizeof and-1) == 0)
            k += sizeof and-2;
        else if (!(c >= '0' && c <= '9') && c != '.' && c != ',' && c != ' ')
            return NULL;
    }
    return head_end > from ? topic_named(d, f, p->segment + from, head_end - from) : NULL;
}

static const sl_rule *topic_of_list(sl_attribution *d, size_t i, const unsigned char *bare)
{
    const solieu_fact *f = sl_vec_at(&d->facts->facts, i);
    size_t head = list_head_of(d, f->paragraph);
    const char *head_text;
    size_t head_len;
    int inline_label = head == (size_t)-1;
    if (!inline_label) {
        if (from_list_head(d, i, bare, counts_same_kind))
            return NULL;
        const sl_paragraph *p = sl_vec_at(&d->doc->paragraphs, head);
        head_text = p->segment;
        head_len = p->segment_len;
    } else {
        /* no list above: the label the fact's own paragraph opens with
         * ("2) Kết nạp đảng viên: quý III kết nạp 38; lũy kế 9 tháng: 97") */
        const sl_paragraph *p = sl_vec_at(&d->doc->paragraphs, f->paragraph);
        size_t colon = opening_label_end(p);
        if (colon == (size_t)-1 || sl_segment_offset(p, f->text_start) < colon)
            return NULL;
        head = f->paragraph;
        head_text = p->segment;
        head_len = colon;
    }
    const sl_rule *best = topic_named(d, f, head_text, head_len);
    if (!best)
        return NULL;
    /* under a label of its own paragraph, figures beside it that count the
     * topic by rules of their own ("quý III kết nạp 38 đảng viên") are no
     * list of other things */
    return inline_label || !items_count_it(d, head, best->metric, bare) ? best : NULL;
}

/* An item that opens with a label and breaks the item above it down ("-
 * Kết nạp 14 ĐV, đạt 70% KH năm" / "- Theo chi bộ: thôn Bàu Sen (3), ..."):
 * the first figure of the item above that may lead fact i; NULL when none. */
static const solieu_fact *item_above(sl_attribution *d, size_t i, const unsigned char *bare)
{
    enum { ITEMS_BACK = 3 };
    const solieu_fact *f = sl_vec_at(&d->facts->facts, i);
    const sl_vec *paragraphs = &d->doc->paragraphs;
    if (f->footnote || f->paragraph == 0 || f->paragraph >= paragraphs->len ||
        !sl_paragraph_is_item(sl_vec_at(paragraphs, f->paragraph)) ||
        opening_label_end(sl_vec_at(paragraphs, f->paragraph)) == (size_t)-1)
        return NULL;
    /* up past sibling breakdowns ("- Theo chi bộ: ..." over "- Theo quý:
     * ...") to the item they break down */
    size_t j = i;
    for (size_t k = f->paragraph; k-- > 0 && f->paragraph - k <= ITEMS_BACK;) {
        const sl_paragraph *item = sl_vec_at(paragraphs, k);
        if (!sl_paragraph_is_item(item))
            return NULL;
        const solieu_fact *first = NULL;
        size_t first_at = 0;
        while (j > 0) {
            const solieu_fact *g = sl_vec_at(&d->facts->facts, j - 1);
            if (g->paragraph < k)
                break;
            j--;
            if (g->paragraph == k) {
                first = g;
                first_at = j;
            }
        }
        if (first && leads(bare[first_at]) && may_lead(first, f) && !is_generic(first->metric))
            return first;
        if (opening_label_end(item) == (size_t)-1)
            return NULL; /* an item of its own, not a breakdown of the one above */
    }
    return NULL;
}

/* The numbering a paragraph opens with: "1." gives major 1, minor 0;
 * "1.2" or "1.2." major 1, minor 2; 0 when it opens with none. */
static int field_number(const sl_paragraph *p, int *minor)
{
    const char *s = p->segment;
    size_t n = p->segment_len, at = 0;
    int major = 0;
    *minor = 0;
    while (at < n && s[at] == ' ')
        at++;
    for (; at < n && s[at] >= '0' && s[at] <= '9' && major < 100; at++)
        major = major * 10 + (s[at] - '0');
    if (!major || at >= n || s[at] != '.')
        return 0;
    for (at++; at < n && s[at] >= '0' && s[at] <= '9' && *minor < 100; at++)
        *minor = *minor * 10 + (s[at] - '0');
    if (at < n && s[at] == '.')
        at++;
    return at < n && s[at] == ' ' ? major : 0;
}

/* A form's sub-field ("1.2 Do Ủy ban Kiểm tra kiểm tra: ..... 02") counts
 * what its field does ("1. Số tổ chức đảng được kiểm tra: ..... 08"): the
 * field's figure, found up past the sub-fields before it; NULL when the
 * paragraph is no sub-field or its field gives no figure. */
static const solieu_fact *field_above(sl_attribution *d, size_t i, const unsigned char *bare)
{
    enum { SUBFIELDS_BACK = 12 };
    const solieu_fact *f = sl_vec_at(&d->facts->facts, i);
    const sl_vec *paragraphs = &d->doc->paragraphs;
    int minor, field = field_number(sl_vec_at(paragraphs, f->paragraph), &minor);
    if (f->footnote || !field || !minor)
        return NULL;
    size_t k = f->paragraph;
    while (k > 0 && f->paragraph - k < SUBFIELDS_BACK) {
        int above_minor, above = field_number(sl_vec_at(paragraphs, --k), &above_minor);
        if (above != field)
            return NULL;
        if (!above_minor)
            break;
    }
    if (k == f->paragraph)
        return NULL;
    for (size_t j = i; j-- > 0;) {
        const solieu_fact *g = sl_vec_at(&d->facts->facts, j);
        if (g->paragraph < k)
            break;
        if (g->paragraph == k && leads(bare[j]) && may_lead(g, f) && !is_generic(g->metric))
            return g;
    }
    return NULL;
}

/* The figure an `inherit` fact (a bare number) counts the same as: the
 * nearest before it in its sentence that says what it counts (not a plain
 * count, not an aside in parentheses), else the nearest before it in its
 * paragraph that is not a share and not bare itself ("37 tổ chức; xuất sắc
 * 7, tốt 26"), else, in a footnote, the body figure the footnote hangs on
 * ("Năm 2021: 204; năm 2022: 211"). */
/* Whether the facts before f (in text order) have left f's paragraph, g
 * being the next: a figure of another paragraph but a footnote's, which a
 * page break may have set inside f's ("... chỉ tiêu[2]; trong" / "[2] ..."
 * / "đó: nữ 48, ..."). */
static int left_paragraph(const solieu_fact *g, const solieu_fact *f)
{
    return g->paragraph != f->paragraph && g->footnote == f->footnote;
}

/* Whether paragraph p opens by carrying on the one before ("Kết quả:
 * hoàn thành xuất sắc nhiệm vụ 7; ...", "Trong đó: ..."), past a bullet. */
static int carries_on(const sl_paragraph *p)
{
    static const char *const openers[] = {
        "K\xE1\xBA\xBFt qu\xE1\xBA\xA3:", /* Kết quả: */
        "Trong \xC4\x91\xC3\xB3:",        /* Trong đó: */
        "C\xE1\xBB\xA5 th\xE1\xBB\x83:",  /* Cụ thể: */
    };
    size_t at = 0;
    while (at < p->segment_len && (p->segment[at] == ' ' || p->segment[at] == '-' ||
                                   p->segment[at] == '+' || p->segment[at] == '*'))
        at++;
    for (size_t k = 0; k < sizeof openers / sizeof openers[0]; k++) {
        size_t n = strlen(openers[k]);
        if (at + n <= p->segment_len && memcmp(p->segment + at, openers[k], n) == 0)
            return 1;
    }
    return 0;
}

/* The last figure of the paragraph before f's that may lead it, when f's
 * paragraph carries that one on; NULL otherwise. */
static const solieu_fact *lead_before(sl_attribution *d, size_t i, const unsigned char *bare)
{
    const solieu_fact *f = sl_vec_at(&d->facts->facts, i);
    if (f->paragraph == 0 || !carries_on(sl_vec_at(&d->doc->paragraphs, f->paragraph)))
        return NULL;
    for (size_t j = i; j-- > 0;) {
        const solieu_fact *g = sl_vec_at(&d->facts->facts, j);
        if (g->paragraph + 1 < f->paragraph || g->footnote != f->footnote)
            break;
        if (g->paragraph + 1 == f->paragraph && leads(bare[j]) && may_lead(g, f) &&
            !is_generic(g->metric))
            return g;
    }
    return NULL;
}

static const solieu_fact *lead_of(sl_attribution *d, size_t i, const unsigned char *bare)
{
    const solieu_fact *f = sl_vec_at(&d->facts->facts, i);
    const sl_paragraph *p = sl_vec_at(&d->doc->paragraphs, f->paragraph);
    for (size_t j = i; j-- > 0;) {
        const solieu_fact *g = sl_vec_at(&d->facts->facts, j);
        if (left_paragraph(g, f))
            break;
        if (g->paragraph == f->paragraph && leads(bare[j]) && may_lead(g, f) &&
            !is_generic(g->metric) && !apart(p, g, f))
            return g;
    }
    for (size_t j = i; j-- > 0;) {
        const solieu_fact *g = sl_vec_at(&d->facts->facts, j);
        if (left_paragraph(g, f))
            break;
        /* a target in a sentence before sets nothing that was done ("Chỉ
         * tiêu ... là 120 đảng viên. Kết quả theo quý: quý I: 21; ...") */
        if (g->paragraph == f->paragraph && leads(bare[j]) && may_lead(g, f) &&
            !(sl_has_suffix(g->metric, "_target") && apart(p, g, f)))
            return g;
    }
    const solieu_fact *head = from_list_head(d, i, bare, may_lead);
    if (head)
        return head; /* "Kết nạp 229 đảng viên, trong đó:" / "• Nữ: 47 đồng chí;" */
    const solieu_fact *above = item_above(d, i, bare);
    if (above)
        return above; /* "- Kết nạp 14 ĐV; ..." / "- Theo quý: Quý I: 3, quý II: 6" */
    if ((above = field_above(d, i, bare)) != NULL)
        return above; /* "1. Số ... được kiểm tra: .... 08" / "1.1 Do Đảng ủy kiểm tra: .... 06" */
    if ((above = lead_before(d, i, bare)) != NULL)
        return above; /* "... 31 chi bộ được đánh giá." / "Kết quả: hoàn thành tốt nhiệm vụ 19; ..."
                       */
    return f->footnote ? hung_on(d, f, may_lead, bare) : NULL;
}

/* The years of footnote N's values of total's metric, one each, if they
 * run without a gap ("Năm 2021: 65; năm 2022: 74; ...") and each is less
 * than the total: *y1, *y2; 0 if not. */
static int series_years(const sl_attribution *d, int number, const solieu_fact *total, int *y1,
                        int *y2)
{
    const char *metric = total->metric;
    enum { MAX_YEARS = 16 };
    int years[MAX_YEARS];
    size_t n = 0;
    for (size_t i = 0; i < d->facts->facts.len; i++) {
        const solieu_fact *f = sl_vec_at(&d->facts->facts, i);
        if (f->footnote != number || strcmp(f->metric, metric) != 0)
            continue;
        /* a year's value as large as the total: not a breakdown of it
         * (ratings year by year, of which the body gives the last) */
        if (strlen(f->period) != 4 || n == MAX_YEARS || f->value >= total->value)
            return 0;
        int y = atoi(f->period);
        for (size_t k = 0; k < n; k++)
            if (years[k] == y)
                return 0;
        years[n++] = y;
    }
    if (n < 2)
        return 0;
    *y1 = *y2 = years[0];
    for (size_t k = 1; k < n; k++) {
        *y1 = years[k] < *y1 ? years[k] : *y1;
        *y2 = years[k] > *y2 ? years[k] : *y2;
    }
    return *y2 - *y1 + 1 == (int)n;
}

/* The last body figure of a metric before a footnote's marker, naming no
 * period, holds for the years the footnote gives it by ("kiểm tra 287 đảng viên[3]" / "[3] Năm
 * 2021: 65;
 * ... năm 2024: 72" is 2021/2024). */
static void periods_from_series(sl_attribution *d)
{
    for (size_t m = 0; m < d->doc->markers.len && !d->oom; m++) {
        const sl_marker *mk = sl_vec_at(&d->doc->markers, m);
        size_t from = citing_sentence(d, mk);
        if (from == (size_t)-1)
            continue;
        /* of each metric, the last figure before the marker in its sentence */
        size_t first = sl_facts_from(d->facts, from), end = first;
        while (end < d->facts->facts.len &&
               ((const solieu_fact *)sl_vec_at(&d->facts->facts, end))->text_start <= mk->start)
            end++;
        for (size_t j = first; j < end && !d->oom; j++) {
            solieu_fact *g = sl_vec_at(&d->facts->facts, j);
            int later = 0;
            for (size_t k = j + 1; k < end && !later; k++)
                later = strcmp(((const solieu_fact *)sl_vec_at(&d->facts->facts, k))->metric,
                               g->metric) == 0;
            int y1, y2;
            if (later || *g->period || g->footnote || g->paragraph != mk->paragraph ||
                strcmp(g->unit, "%") == 0 || !series_years(d, mk->number, g, &y1, &y2))
                continue;
            g->period = sl_facts_keep(d->facts, sl_printf("%d/%d", y1, y2), &d->oom);
        }
    }
}

/* ---- figures of a unit the text names ("huyện Sông Mây 118/176 đảng
 * viên (67,05%); thị xã Bến Ngọc 96/150 ...") ---- */

enum { UNIT_WINDOW_BYTES = 80 };

static int clause_edge(char c)
{
    return c == ';' || c == ',' || c == ':' || c == '(' || c == ')' || c == '.';
}

/* Whether s[i..n) opens with `word`, its first letter in either case. */
static int opens_with(const char *s, size_t i, size_t n, const char *word)
{
    if (i >= n || (s[i] | 0x20) != word[0])
        return 0;
    size_t w = strlen(word);
    return i + w <= n && memcmp(s + i + 1, word + 1, w - 1) == 0;
}

/* A capitalised word's length (up to a space or punctuation), or 0. */
static size_t capitalised_word(const char *s, size_t i, size_t n)
{
    int32_t cp;
    size_t k = sl_utf8_next(s + i, n - i, &cp);
    if (sl_cp_case(cp) != SL_CASE_UPPER)
        return 0;
    while (i + k < n && s[i + k] != ' ' && !clause_edge(s[i + k]))
        k++;
    return k;
}

/* A unit the text names: a level word (or a committee's: "Huyện ủy"), then
 * one to four capitalised words. */
typedef struct unit_mention {
    size_t start, name_end; /* "huyện Sông Mây": [start, name_end) */
    size_t after;           /* past the name and the spaces after it */
} unit_mention;

static const char *const unit_levels[] = {
    "th\xE1\xBB\x8B x\xC3\xA3 ",       /* thị xã */
    "th\xE1\xBB\x8B tr\xE1\xBA\xA5n ", /* thị trấn */
    "th\xC3\xA0nh ph\xE1\xBB\x91 ",    /* thành phố */
    "huy\xE1\xBB\x87n \xE1\xBB\xA7y ", /* huyện ủy */
    "th\xE1\xBB\x8B \xE1\xBB\xA7y ",   /* thị ủy */
    "th\xC3\xA0nh \xE1\xBB\xA7y ",     /* thành ủy */
    "qu\xE1\xBA\xADn \xE1\xBB\xA7y ",  /* quận ủy */
    "huy\xE1\xBB\x87n ",               /* huyện */
    "qu\xE1\xBA\xADn ",                /* quận */
    "ph\xC6\xB0\xE1\xBB\x9Dng ",       /* phường */
    "x\xC3\xA3 ",                      /* xã */
};

/* The unit named at word start i of s[0, n), into *m; 0 if none. */
static int mention_at(const char *s, size_t i, size_t n, unit_mention *m)
{
    /* the first two letters of every level: most words fail here */
    char c = (char)(s[i] | 0x20), next = i + 1 < n ? s[i + 1] : 0;
    if (!((c == 't' && next == 'h') || (c == 'h' && next == 'u') || (c == 'q' && next == 'u') ||
          (c == 'p' && next == 'h') || (c == 'x' && next == '\xC3') ||
          (s[i] == '\xE1' && next == '\xBA')))
        return 0;
    /* "các xã Mỹ Lộc, Mỹ Đông và ...": units listed, none the subject */
    static const char plural[] = "c\xC3\xA1"
                                 "c "; /* "các " */
    if (i >= sizeof plural - 1 &&
        memcmp(s + i - (sizeof plural - 1), plural, sizeof plural - 1) == 0)
        return 0;
    /* "Hợp tác xã Nông nghiệp ...": a cooperative, no commune */
    static const char cooperative[] = "t\xC3\xA1"
                                      "c "; /* "tác " */
    if (i >= sizeof cooperative - 1 &&
        memcmp(s + i - (sizeof cooperative - 1), cooperative, sizeof cooperative - 1) == 0)
        return 0;
    for (size_t l = 0; l < sizeof unit_levels / sizeof unit_levels[0]; l++) {
        if (!opens_with(s, i, n, unit_levels[l]))
            continue;
        size_t k = i + strlen(unit_levels[l]), words = 0, w;
        while (words < 4 && k < n && (w = capitalised_word(s, k, n)) > 0) {
            k += w;
            words++;
            while (k < n && s[k] == ' ')
                k++;
        }
        if (!words)
            continue;
        size_t end = k;
        while (end > i && s[end - 1] == ' ')
            end--;
        *m = (unit_mention){i, end, k};
        return 1;
    }
    return 0;
}

/* Every unit a paragraph's segment names, in order; -1 when out of memory. */
static int find_mentions(const char *s, size_t n, sl_vec *mentions)
{
    mentions->len = 0;
    for (size_t i = 0; i < n; i++) {
        unit_mention m;
        if ((i > 0 && s[i - 1] != ' ') || !mention_at(s, i, n, &m))
            continue;
        unit_mention *slot = sl_vec_push(mentions);
        if (!slot)
            return -1;
        *slot = m;
        i = m.name_end; /* "thị xã Bến Ngọc" holds no "xã Bến Ngọc" of its own */
    }
    return 0;
}

/* The last unit named within s[from, to). `label`: it must stand right
 * before `to`, followed by two words of a verb at most ("huyện Sông Mây
 * 118/176", "huyện Tu Mơ Rông kết nạp 352"). */
static const unit_mention *unit_before(const char *s, const sl_vec *mentions, size_t from,
                                       size_t to, int label)
{
    for (size_t j = mentions->len; j-- > 0;) {
        const unit_mention *m = sl_vec_at(mentions, j);
        if (m->name_end > to)
            continue;
        if (m->start < from)
            return NULL;
        if (!label)
            return m;
        size_t rest = 0; /* words between the name and the figure */
        for (size_t k = m->after; k < to; k++)
            rest += s[k] == ' ' && k + 1 < to && s[k + 1] != ' ';
        return rest <= 1 && !(m->after < to && capitalised_word(s, m->after, to)) ? m : NULL;
    }
    return NULL;
}

/* Whether fact f is a table's cell (a column rule gave it): its row gave
 * its entity. */
static int from_table(const solieu_rules *rules, const solieu_fact *f)
{
    for (size_t k = 0; k < sl_rules_kind_count(rules, SL_RULE_COLUMN); k++)
        if (sl_rules_of_kind(rules, SL_RULE_COLUMN, k)->id == f->rule)
            return 1;
    return 0;
}

static void entities_of_named_units(sl_attribution *d)
{
    const solieu_fact *named = NULL; /* the last figure given a unit's name */
    sl_vec mentions;
    sl_vec_init(&mentions, sizeof(unit_mention));
    size_t paragraph = (size_t)-1;
    /* the last unit's entity, for the figures after it that it names too */
    const char *last_unit = NULL, *last_entity = NULL;
    size_t last_len = 0;
    for (size_t i = 0; i < d->facts->facts.len && !d->oom; i++) {
        solieu_fact *f = sl_vec_at(&d->facts->facts, i);
        if (f->paragraph >= d->doc->paragraphs.len)
            continue;
        const sl_paragraph *p = sl_vec_at(&d->doc->paragraphs, f->paragraph);
        if (f->paragraph != paragraph) {
            paragraph = f->paragraph;
            if (find_mentions(p->segment, p->segment_len, &mentions) != 0) {
                d->oom = 1;
                break;
            }
        }
        if (!mentions.len || from_table(d->ex->rules, f))
            continue;
        /* a share right after such a figure is the same unit's ("(67,05%)") */
        if (named && i > 0 && named == sl_vec_at(&d->facts->facts, i - 1) &&
            named->paragraph == f->paragraph && strcmp(f->unit, "%") == 0 &&
            f->text_start - named->text_end < 24 &&
            !memchr(d->doc->text + named->text_end, ';', f->text_start - named->text_end)) {
            f->entity = named->entity;
            continue;
        }
        size_t at = sl_segment_offset(p, f->text_start), from = at;
        while (from > 0 && at - from < UNIT_WINDOW_BYTES && !clause_edge(p->segment[from - 1]))
            from--;
        /* a unit that labels the figure ("Đảng bộ xã Hải Hưng: 09"), in its
         * clause or right before its colon */
        size_t label_from = from;
        if (label_from > 0 && p->segment[label_from - 1] == ':') {
            label_from--;
            while (label_from > 0 && from - label_from < UNIT_WINDOW_BYTES &&
                   !clause_edge(p->segment[label_from - 1]))
                label_from--;
        }
        const unit_mention *m = unit_before(p->segment, &mentions, from, at, 1);
        if (!m && label_from < from)
            m = unit_before(p->segment, &mentions, label_from, from - 1, 1);
        /* else the sentence's subject ("Đảng bộ huyện Đồng Xuân là ..., trong
         * nhiệm kỳ kết nạp 742 đảng viên") */
        if (!m)
            m = unit_before(p->segment, &mentions, sl_sentence_start(p->segment, at), at, 0);
        if (!m)
            continue;
        const char *unit = p->segment + m->start;
        size_t len = m->name_end - m->start;
        if (!last_unit || len != last_len || memcmp(unit, last_unit, len) != 0) {
            char *entity = sl_entity_in(d->ex, unit, len);
            last_entity = entity ? sl_facts_keep(d->facts, entity, &d->oom) : NULL;
            last_unit = unit;
            last_len = len;
        }
        if (last_entity) {
            f->entity = last_entity;
            named = f;
        }
    }
    sl_vec_free(&mentions);
}

/* Facts that say only part of what they are take the rest from a figure
 * before them: a footnote `count` with a noun the metric of the body figure
 * its marker hangs on; an `inherit` fact (a number with no metric of its
 * own) the metric, and the unit and qualifier it lacks, of its lead
 * (lead_of). Without a lead, one that names its noun is a `count`, a bare
 * number is dropped. */
/* Parts that do not add up to the whole they were given but to another
 * figure of the whole's paragraph before them that says what it counts
 * and counts the same kind take that one's metric: "kiểm tra 186 đảng
 * viên ... 102 đảng viên phải thi hành kỷ luật. Chia theo quý: quý I: 38
 * đảng viên; ..." breaks the 186 down. whole_of[i]: the index of part i's
 * whole plus one, 0 for no part. */
static void wholes_by_sum(sl_attribution *d, const size_t *whole_of, const unsigned char *bare)
{
    enum { MAX_SPREAD = 64 }; /* facts between a whole's first part and its last */
    sl_vec *facts = &d->facts->facts;
    for (size_t i = 0; i < facts->len; i++) {
        size_t w = whole_of[i];
        if (!w || (i > 0 && whole_of[i - 1] == w))
            continue;
        const solieu_fact *whole = sl_vec_at(facts, w - 1), *part = sl_vec_at(facts, i);
        double sum = 0;
        size_t parts = 0;
        for (size_t k = i; k < facts->len && k - i < MAX_SPREAD; k++)
            if (whole_of[k] == w) {
                sum += ((const solieu_fact *)sl_vec_at(facts, k))->value;
                parts++;
            }
        if (parts < 2 || sum == whole->value)
            continue;
        const solieu_fact *by_sum = NULL;
        for (size_t j = i; j-- > 0 && !by_sum;) {
            const solieu_fact *g = sl_vec_at(facts, j);
            if (g->paragraph < whole->paragraph)
                break;
            if (g->paragraph == whole->paragraph && g->value == sum && says_what(g, bare[j]) &&
                counts_same_kind(g, part))
                by_sum = g;
        }
        for (size_t k = i; by_sum && k < facts->len && k - i < MAX_SPREAD; k++)
            if (whole_of[k] == w)
                ((solieu_fact *)sl_vec_at(facts, k))->metric = by_sum->metric;
    }
}

/* The figure of the same sentence that plain count i restates for another
 * stretch of time ("kiểm tra 8 tổ chức đảng, lũy kế 9 tháng là 31 tổ chức
 * đảng, cùng kỳ năm 2024 là 27 tổ chức đảng"): the nearest before it of
 * its kind that says what it counts, with "lũy kế", "cùng kỳ", "tính
 * chung" or "năm trước" between them; NULL when none. */
static const solieu_fact *restated_for_period(sl_attribution *d, size_t i,
                                              const unsigned char *bare)
{
    static const char *const words[] = {
        "l\xC5\xA9y k\xE1\xBA\xBF",  /* lũy kế */
        "c\xC3\xB9ng k\xE1\xBB\xB3", /* cùng kỳ */
        "t\xC3\xADnh chung",         /* tính chung */
        "n\xC4\x83m tr\xC6\xB0\xE1\xBB\x9B"
        "c", /* năm trước */
    };
    static const char *const changes[] = {"t\xC4\x83ng ", "gi\xE1\xBA\xA3m ", "h\xC6\xA1n "};
    const solieu_fact *f = sl_vec_at(&d->facts->facts, i);
    const sl_paragraph *p = sl_vec_at(&d->doc->paragraphs, f->paragraph);
    /* a change ("giảm 4 đảng viên", "nhiều hơn 6") restates nothing */
    for (size_t k = 0; k < sizeof changes / sizeof changes[0]; k++) {
        size_t n = strlen(changes[k]);
        if (f->text_start >= n && memcmp(d->doc->scan + f->text_start - n, changes[k], n) == 0)
            return NULL;
    }
    for (size_t j = i; j-- > 0;) {
        const solieu_fact *g = sl_vec_at(&d->facts->facts, j);
        if (g->paragraph != f->paragraph || ends_sentence(p, sl_segment_offset(p, g->text_end),
                                                          sl_segment_offset(p, f->text_start)))
            return NULL;
        if (!counts_same_kind(g, f))
            continue;
        if (!says_what(g, bare[j]))
            return NULL; /* the nearest of its kind says nothing more */
        const char *between = d->doc->scan + g->text_end;
        size_t n = f->text_start - g->text_end;
        for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
            if (memmem(between, n, words[k], strlen(words[k])))
                return g;
        return NULL;
    }
    return NULL;
}

static void inherit_from_leads(sl_attribution *d)
{
    sl_vec *facts = &d->facts->facts;
    size_t kept = 0;
    unsigned char *bare = sl_calloc(facts->len + 1, 1);
    size_t *whole_of = sl_calloc(facts->len + 1, sizeof *whole_of);
    if (!bare || !whole_of) {
        free(bare);
        free(whole_of);
        d->oom = 1;
        return;
    }
    for (size_t i = 0; i < facts->len; i++)
        bare[i] =
            strcmp(((solieu_fact *)sl_vec_at(facts, i))->metric, SL_METRIC_INHERIT) == 0 ? BARE : 0;

    for (size_t i = 0; i < facts->len; i++) {
        solieu_fact *f = sl_vec_at(facts, i);
        const sl_rule *topic = NULL;
        const solieu_fact *same = NULL;
        if (bare[i] && !*f->unit && (topic = topic_of_list(d, i, bare)) != NULL) {
            /* "Số đảng viên dự sinh hoạt (có mặt/tổng số):" / "tháng 1: 18/19" */
            f->metric = topic->metric;
            f->unit = topic->unit ? topic->unit : "";
        } else if (bare[i]) {
            const solieu_fact *best = lead_of(d, i, bare);
            const sl_rule *aside = best ? NULL : topic_of_aside(d, f);
            if (aside) {
                f->metric = aside->metric;
                if (!*f->unit)
                    f->unit = aside->unit ? aside->unit : "";
                continue;
            }
            const sl_rule *head = best || !*f->unit ? NULL : topic_of_sentence(d, f);
            if (head) {
                f->metric = head->metric;
                continue;
            }
            if (!best && *f->unit) {
                /* a group of members with nothing before it to count, in no
                 * list ("Về độ tuổi: dưới 30 tuổi có 168 đồng chí"): members;
                 * other bare figures still count people ("4.912 đồng chí") */
                int group = *f->qualifier && sl_counts_members(f->unit) &&
                            list_head_of(d, f->paragraph) == (size_t)-1;
                f->metric = group ? "party_members" : "count";
                continue;
            }
            if (!best) {
                bare[i] = DROPPED; /* below, once every fact has looked */
                continue;
            }
            f->metric = best->metric;
            if (!*f->unit)
                f->unit = best->unit;
            if (!*f->qualifier)
                f->qualifier = best->qualifier;
        } else if (!f->footnote && is_generic(f->metric) && *f->unit &&
                   (topic = topic_of_aside(d, f)) != NULL) {
            f->metric = topic->metric;
        } else if (!f->footnote && is_generic(f->metric) && *f->unit &&
                   (same = restated_for_period(d, i, bare)) != NULL) {
            /* "kiểm tra 8 tổ chức đảng, lũy kế 9 tháng là 31 tổ chức đảng,
             * cùng kỳ năm 2024 là 27": the same count, of other periods */
            f->metric = same->metric;
        } else if (!f->footnote && is_generic(f->metric) && *f->unit) {
            const solieu_fact *whole = broken_down(d, i, bare);
            topic = whole ? NULL : topic_of_list(d, i, bare);
            if (whole || topic) {
                f->metric = whole ? whole->metric : topic->metric;
                bare[i] = PART; /* the next part looks past it to the whole */
            }
            if (whole)
                whole_of[i] = (size_t)(whole - (const solieu_fact *)facts->items) + 1;
        } else if (!f->footnote && strcmp(f->metric, "units_with") == 0 &&
                   sl_counts_members(f->unit) && (topic = topic_of_list(d, i, bare)) != NULL &&
                   strcmp(topic->metric, "attendance") == 0) {
            /* "Số đảng viên dự sinh hoạt bình quân mỗi kỳ:" / "- Quý I: 21/23
             * đồng chí": members present of all, not units */
            f->metric = topic->metric;
            bare[i] = PART; /* derived: the items after it look past it */
        } else if (f->footnote && strcmp(f->metric, "percent") == 0) {
            /* "Tỷ lệ đảng viên dự sinh hoạt đạt 93,8%¹" / "¹ Năm 2021 đạt
             * 89,2%; ...": the years' rates of the body's rate */
            const solieu_fact *best = hung_on(d, f, names_a_rate, bare);
            if (best)
                f->metric = best->metric;
        } else if (f->footnote && is_generic(f->metric) && *f->unit) {
            const solieu_fact *best = hung_on(d, f, counts_same_noun, bare);
            /* organisations dissolved or merged, in a footnote on the
             * number there were, are no stock themselves */
            if (best && strcmp(f->metric, "count") != 0 &&
                sl_rules_metric_is_stock(d->ex->rules, best->metric))
                best = NULL;
            if (best) {
                f->metric = best->metric;
                if (!*f->qualifier)
                    f->qualifier = best->qualifier;
            }
        }
    }
    wholes_by_sum(d, whole_of, bare);
    for (size_t i = 0; i < facts->len; i++)
        if (bare[i] != DROPPED)
            *(solieu_fact *)sl_vec_at(facts, kept++) = *(solieu_fact *)sl_vec_at(facts, i);
    facts->len = kept;
    free(bare);
    free(whole_of);
}

/* A period of years that runs past the report's year ("giai đoạn 2021 -
 * 2025" in a report of 2024) as far as the report reaches: "2021/2024".
 * The period itself when it does not, or is no such span. */
static const char *clip_to_year(const char *period, int year, char *out, size_t size)
{
    long from, to;
    if (year <= 0 || !sl_period_months(period, &from, &to) || from % 12 != 0 || to % 12 != 11)
        return period; /* no span of whole years */
    int y1 = (int)(from / 12), y2 = (int)(to / 12);
    if (y1 > year || y2 <= year)
        return period;
    if (y1 == year)
        snprintf(out, size, "%d", year);
    else
        snprintf(out, size, "%d/%d", y1, year);
    return out;
}

/* A body figure whose text names no period is one of the period the
 * report's title names, unless it counts what there is (members,
 * organisations); a title's span of years reaches no further than the
 * report's own year, except for targets. */
static void apply_title_period(sl_attribution *d)
{
    const char *title = d->header->title_period;
    char(*sections)[32];
    if (sl_section_periods(d->ex, d->doc, d->header, &sections) != 0) {
        d->oom = 1;
        return;
    }

    const char *kept = NULL, *kept_value = NULL;
    for (size_t i = 0; i < d->facts->facts.len && !d->oom; i++) {
        solieu_fact *f = sl_vec_at(&d->facts->facts, i);
        if (*f->period || f->footnote || sl_rules_metric_is_stock(d->ex->rules, f->metric))
            continue;
        const char *value = sections && *sections[f->paragraph] ? sections[f->paragraph] : title;
        if (!*value)
            continue;
        char clipped[32];
        if (!sl_has_suffix(f->metric, "_target"))
            value = clip_to_year(value, d->header->year, clipped, sizeof clipped);
        if (!kept || strcmp(kept_value, value) != 0) {
            kept = sl_facts_keep(d->facts, sl_strdup(value), &d->oom);
            kept_value = kept;
        }
        f->period = kept;
    }
    free(sections);
}

/* Whether the change's words "tăng từ " or "giảm từ " stand right before
 * text[at]. */
static int after_change_from(const char *scan, size_t at)
{
    static const char from[] = "t\xE1\xBB\xAB "; /* "từ " */
    size_t n = sizeof from - 1;
    return at >= n && memcmp(scan + at - n, from, n) == 0 && sl_after_change_word(scan, at - n);
}

/* A change told from one figure to another ("số đảng viên được kiểm tra
 * tăng từ 13 đồng chí lên 17 đồng chí", "giảm từ 44 xuống 39 chi bộ"):
 * the second counts what the first counts, now; the first is of the
 * stretch before, as long as the second's. */
static void changes_from_to(sl_attribution *d)
{
    enum { MAX_GAP_BYTES = 40 };
    static const char *const tos[] = {" l\xC3\xAAn ", " xu\xE1\xBB\x91ng "}; /* lên, xuống */
    const char *scan = d->doc->scan;
    for (size_t i = 0; i + 1 < d->facts->facts.len; i++) {
        solieu_fact *f = sl_vec_at(&d->facts->facts, i), *g = sl_vec_at(&d->facts->facts, i + 1);
        if (!after_change_from(scan, f->text_start) || g->paragraph != f->paragraph ||
            g->text_start < f->text_end || g->text_start - f->text_end > MAX_GAP_BYTES ||
            strcmp(f->unit, "%") == 0 || strcmp(g->unit, "%") == 0)
            continue;
        int to_word = 0;
        for (size_t k = 0; k < sizeof tos / sizeof tos[0] && !to_word; k++)
            to_word = memmem(scan + f->text_end, g->text_start - f->text_end, tos[k],
                             strlen(tos[k])) != NULL;
        if (!to_word)
            continue;
        if (is_generic(g->metric) && !is_generic(f->metric))
            g->metric = f->metric;
        else if (is_generic(f->metric) && !is_generic(g->metric))
            f->metric = g->metric;
        if (!*g->unit)
            g->unit = f->unit;
        long from, to;
        const char *now = *g->period ? g->period : f->period;
        if (!sl_period_months(now, &from, &to))
            continue;
        char before[96];
        long length = to - from + 1;
        sl_period_format(from - length, to - length, before, sizeof before);
        g->period = now;
        f->period = sl_facts_keep(d->facts, sl_strdup(before), &d->oom);
    }
}

/* A plain percentage of another period right after a rate, in its
 * sentence ("tỷ lệ đảng viên dự sinh hoạt đạt 92,9% (năm 2023: 90,7%);
 * quý I: 91,2%; ..."): the same rate then. A change ("giảm 1,2%") is no
 * rate. Run before the title's period fills the periods the text left
 * unsaid. */
static void rates_of_other_periods(sl_attribution *d)
{
    enum { MAX_GAP_BYTES = 60 };
    const char *scan = d->doc->scan;
    for (size_t i = 1; i < d->facts->facts.len; i++) {
        solieu_fact *f = sl_vec_at(&d->facts->facts, i);
        const solieu_fact *g = sl_vec_at(&d->facts->facts, i - 1);
        if (strcmp(f->metric, "percent") != 0 || f->has_denominator || !*f->period ||
            !names_a_rate(g, f) || g->paragraph != f->paragraph || g->footnote != f->footnote ||
            strcmp(g->period, f->period) == 0 || f->text_start < g->text_end ||
            f->text_start - g->text_end > MAX_GAP_BYTES ||
            sl_after_change_word(scan, f->text_start))
            continue;
        if (!sl_sentence_ends_between(scan, g->text_end, f->text_start))
            f->metric = g->metric;
    }
}

/* A share of a stock ("đảng viên nữ 1.412 đồng chí, chiếm 36,7%") is of
 * the stock's moment, as its count is: no period where the count has
 * none. The count stands right before it, only words between (no figure,
 * no clause's or sentence's end). */
static void shares_of_stocks(sl_attribution *d)
{
    enum { MAX_GAP_BYTES = 40 };
    const char *scan = d->doc->scan;
    for (size_t i = 1; i < d->facts->facts.len; i++) {
        solieu_fact *f = sl_vec_at(&d->facts->facts, i);
        const solieu_fact *g = sl_vec_at(&d->facts->facts, i - 1);
        if (strcmp(f->metric, "percent") != 0 || !*f->period || f->has_denominator ||
            g->paragraph != f->paragraph || *g->period || g->has_denominator ||
            !sl_rules_metric_is_stock(d->ex->rules, g->metric) || f->text_start < g->text_end ||
            f->text_start - g->text_end > MAX_GAP_BYTES)
            continue;
        size_t k = g->text_end;
        while (k < f->text_start && !strchr(".;:\n0123456789", scan[k]))
            k++;
        if (k == f->text_start)
            f->period = "";
    }
}

/* A term the report counts to a month ("Từ đầu nhiệm kỳ đến tháng 5/2025"
 * gives "2020/2025-05"): its other figures of the term ("2020/2025", from
 * a heading or the title) run to that month too. Only the report's term
 * (the header's), and only when the report names one such month for it. */
static void term_to_its_month(sl_attribution *d)
{
    int y1 = 0, y2 = 0, month = 0;
    for (size_t i = 0; i < d->facts->facts.len; i++) {
        const solieu_fact *f = sl_vec_at(&d->facts->facts, i);
        long from, to;
        /* whole years to a month ("2020/2025-05") */
        if (!sl_period_months(f->period, &from, &to) || from % 12 != 0 || to % 12 == 11 ||
            from / 12 >= to / 12)
            continue;
        int a = (int)(from / 12), b = (int)(to / 12), m = (int)(to % 12) + 1;
        if (month && (a != y1 || b != y2 || m != month))
            return; /* two months for a term, or two terms: none is sure */
        y1 = a;
        y2 = b;
        month = m;
    }
    if (!month || y1 != d->header->term_start)
        return; /* a span other than the term ("Trong 5 năm"): its own */
    char term[16], to_month[32];
    snprintf(term, sizeof term, "%d/%d", y1, y2);
    snprintf(to_month, sizeof to_month, "%d/%d-%02d", y1, y2, month);
    const char *kept = NULL;
    for (size_t i = 0; i < d->facts->facts.len && !d->oom; i++) {
        solieu_fact *f = sl_vec_at(&d->facts->facts, i);
        if (strcmp(f->period, term) != 0)
            continue;
        if (!kept)
            kept = sl_facts_keep(d->facts, sl_strdup(to_month), &d->oom);
        if (kept)
            f->period = kept;
    }
}

/* Whether a unit counts whole things: people or bodies, not money, land
 * or time. */
static int counts_whole_things(const char *unit)
{
    static const char *const heads[] = {
        "chi b\xE1\xBB\x99", /* chi bộ */
        "t\xE1\xBB\x95 ch\xE1\xBB\xA9"
        "c",                                    /* tổ chức */
        "\xC4\x91\xE1\xBA\xA3ng b\xE1\xBB\x99", /* đảng bộ */
        "c\xE1\xBA\xA5p \xE1\xBB\xA7y",         /* cấp ủy */
        "t\xE1\xBA\xAD"
        "p th\xE1\xBB\x83",                        /* tập thể */
        "l\xC6\xB0\xE1\xBB\xA3t",                  /* lượt */
        "tr\xC6\xB0\xE1\xBB\x9Dng h\xE1\xBB\xA3p", /* trường hợp */
        "ng\xC6\xB0\xE1\xBB\x9Di",                 /* người */
    };
    if (sl_counts_members(unit))
        return 1;
    for (size_t k = 0; k < sizeof heads / sizeof heads[0]; k++)
        if (strncmp(unit, heads[k], strlen(heads[k])) == 0)
            return 1;
    return 0;
}

/* A count of whole things written with commas grouping its thousands, as
 * in English ("đảng viên chính thức (1,198)"): 1198, not 1,198. A comma
 * followed by three digits is a decimal mark only where a fraction can
 * be. */
static void commas_grouping_counts(sl_attribution *d)
{
    for (size_t i = 0; i < d->facts->facts.len; i++) {
        solieu_fact *f = sl_vec_at(&d->facts->facts, i);
        if (f->has_denominator || f->value == (long long)f->value || !counts_whole_things(f->unit))
            continue;
        const char *t = f->text;
        size_t digits = strspn(t, "0123456789");
        if (digits == 0 || digits > 3)
            continue;
        double whole = 0;
        int grouped = 1;
        for (size_t k = 0; k < digits; k++)
            whole = whole * 10 + (t[k] - '0');
        for (t += digits; *t && grouped;) {
            grouped = t[0] == ',' && strspn(t + 1, "0123456789") == 3;
            for (int k = 1; k <= 3 && grouped; k++)
                whole = whole * 10 + (t[k] - '0');
            if (grouped)
                t += 4;
        }
        if (grouped)
            f->value = whole;
    }
}

/* Whether the words right before figure f say what there is ("Đảng bộ
 * có 14 chi bộ", "gồm 9 chi bộ thôn", "tổng số 31 chi bộ"), not what was
 * done to some ("giải thể 05 chi bộ", "còn 03 chi bộ chưa ..."). */
static int counts_what_there_is(const sl_attribution *d, const solieu_fact *f)
{
    static const char *const words[] = {"c\xC3\xB3 ", "g\xE1\xBB\x93m ", "g\xE1\xBB\x93m: ",
                                        "t\xE1\xBB\x95ng s\xE1\xBB\x91 "}; /* có, gồm, tổng số */
    const char *text = d->doc->scan;
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) {
        size_t n = strlen(words[k]);
        if (f->text_start >= n && memcmp(text + f->text_start - n, words[k], n) == 0)
            return 1;
    }
    return 0;
}

/* Cells of a commune's, a ward's or a town's committee ("Đảng bộ xã có 14
 * chi bộ, gồm 9 chi bộ thôn, 3 chi bộ trường học ..."): such a committee
 * is a grassroots one, so the cells it has are subordinate cells; so are
 * the parts subordinate cells break down into, whoever has them. */
static void cells_of_grassroots_committees(sl_attribution *d)
{
    static const char cell[] = "chi b\xE1\xBB\x99";                               /* chi bộ */
    static const char grassroots[] = "chi b\xE1\xBB\x99 c\xC6\xA1 s\xE1\xBB\x9F"; /* chi bộ cơ sở */
    static const char *const communes[] = {
        "x\xC3\xA3 ", "ph\xC6\xB0\xE1\xBB\x9Dng ",
        "th\xE1\xBB\x8B tr\xE1\xBA\xA5n "}; /* xã, phường, thị trấn */
    const solieu_fact *whole = NULL;
    unsigned char *not_bare = sl_calloc(d->facts->facts.len + 1, 1);
    if (!not_bare) {
        d->oom = 1;
        return;
    }
    for (size_t i = 0; i < d->facts->facts.len; i++) {
        solieu_fact *f = sl_vec_at(&d->facts->facts, i);
        if (strcmp(f->metric, "subordinate_party_cells") == 0) {
            whole = f; /* "38 chi bộ trực thuộc (chi bộ khu dân cư: 27; ...)" */
            continue;
        }
        if (strcmp(f->metric, "party_orgs") != 0 || strncmp(f->unit, cell, sizeof cell - 1) != 0 ||
            strncmp(f->unit, grassroots, sizeof grassroots - 1) == 0)
            continue;
        int commune = 0;
        for (size_t k = 0; k < sizeof communes / sizeof communes[0]; k++)
            commune |= strncmp(f->entity, communes[k], strlen(communes[k])) == 0;
        const sl_paragraph *p = sl_vec_at(&d->doc->paragraphs, f->paragraph);
        int part = whole && whole->paragraph == f->paragraph && breakdown_between(p, whole, f);
        /* an item of a list whose head counts subordinate cells ("38 chi
         * bộ trực thuộc, phân theo khối:" / "- Khối khu phố: 21 chi bộ") */
        const solieu_fact *head = from_list_head(d, i, not_bare, counts_same_kind);
        if (head && strcmp(head->metric, "subordinate_party_cells") == 0 &&
            breakdown_opens(sl_vec_at(&d->doc->paragraphs, head->paragraph))) {
            f->metric = "subordinate_party_cells";
            continue;
        }
        if (part || (commune && counts_what_there_is(d, f))) {
            f->metric = "subordinate_party_cells";
            if (!part)
                whole = f;
        }
    }
    free(not_bare);
}

/* A plain share right after an attendance ("21/23 đồng chí, đạt 91,3%",
 * "675/702 (96,15%)"): the attendance's rate. */
static void rates_of_attendance(sl_attribution *d)
{
    enum { NEAR = 40 }; /* past the attendance's noun: " đồng chí, đạt " */
    for (size_t i = 1; i < d->facts->facts.len; i++) {
        solieu_fact *f = sl_vec_at(&d->facts->facts, i);
        const solieu_fact *g = sl_vec_at(&d->facts->facts, i - 1);
        if (strcmp(f->metric, "percent") != 0 || strcmp(g->metric, "attendance") != 0 ||
            !g->has_denominator || g->paragraph != f->paragraph || f->text_start < g->text_end ||
            f->text_start - g->text_end > NEAR)
            continue;
        const char *between = d->doc->scan + g->text_end;
        size_t n = f->text_start - g->text_end, k = 0;
        while (k < n && !(between[k] >= '0' && between[k] <= '9') && between[k] != ';' &&
               between[k] != '.')
            k++;
        if (k == n)
            f->metric = "attendance_rate";
    }
}

void sl_attribute_facts(sl_attribution *d)
{
    inherit_from_leads(d);
    commas_grouping_counts(d);
    periods_from_series(d);
    rates_of_other_periods(d);
    apply_title_period(d);
    changes_from_to(d);
    term_to_its_month(d);
    shares_of_stocks(d);
    entities_of_named_units(d);
    cells_of_grassroots_committees(d);
    rates_of_attendance(d);
}
