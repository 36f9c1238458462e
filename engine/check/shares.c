/* A share stated beside its part, the whole standing elsewhere: "kết nạp
 * 520 đảng viên; ... nữ 234 đồng chí (chiếm 45%)", or a list under "63
 * đồng chí được xếp loại:" whose items read "+ Xuất sắc: 11 đồng chí,
 * chiếm 17,5%".
 *
 * The whole is not named, so it is looked for: any figure of the part's
 * noun in the share's paragraph, in the paragraph before it, or, for a list
 * item, in the list's head and earlier items; failing those, a figure of
 * the part's metric earlier in the report. A share that one of them
 * explains passes. One that none explains fails only on evidence: another
 * share of the same noun, in its sentence or its list, that one whole
 * explains, and that whole is larger than the part. A share nothing bears
 * out is not reported: the whole may not be in the text at all. */
#define _GNU_SOURCE /* memmem */
#include <math.h>
#include <string.h>

#include <solieu/number.h>

#include "check/check_internal.h"

/* between a share and its part; wider for a share whose words name its
 * whole, whose part the sentence may describe at length first */
enum { MAX_GAP_BYTES = 90, MAX_NAMED_GAP_BYTES = 120 };

typedef struct share {
    const solieu_fact *pct, *part, *whole; /* whole: the figure that explains it, or NULL */
    size_t scope;                          /* paragraph of the list head, or its own */
    size_t from;                           /* first paragraph its whole may stand in */
    const struct named_share *named;       /* the words that name its whole, or NULL */
    int decimals;                          /* of the stated share */
    int own;                               /* the part is a fraction: "126/179" */
    double tolerance;
} share;

static int is_pct(const solieu_fact *f)
{
    return strcmp(f->unit, "%") == 0;
}

/* Whether a share is an end of a range ("dao động từ 91% đến 98%"): no
 * share of one count. */
static int in_range(const char *scan, size_t len, const solieu_fact *pct)
{
    static const char from[] = "t\xE1\xBB\xAB ";        /* "từ " */
    static const char to[] = " \xC4\x91\xE1\xBA\xBFn "; /* " đến " */
    size_t s = pct->text_start, e = pct->text_end;
    return (s >= sizeof from - 1 &&
            memcmp(scan + s - (sizeof from - 1), from, sizeof from - 1) == 0) ||
           (e + sizeof to - 1 <= len && memcmp(scan + e, to, sizeof to - 1) == 0);
}

/* Whether the words after a share name its whole as another noun than its
 * part's ("41 đảng viên là sinh viên, chiếm 0,28% tổng số sinh viên"): a
 * whole the text names but does not give, no evidence either way. */
static int names_other_whole(const char *scan, size_t len, const solieu_fact *pct,
                             const solieu_fact *part)
{
    static const char *const openers[] = {
        "t\xE1\xBB\x95ng s\xE1\xBB\x91 ", /* "tổng số " */
        "s\xE1\xBB\x91 ",                 /* "số " */
    };
    size_t at = pct->text_end;
    while (at < len && scan[at] == ' ')
        at++;
    for (size_t k = 0; k < sizeof openers / sizeof openers[0]; k++) {
        size_t n = strlen(openers[k]);
        if (at + n > len || memcmp(scan + at, openers[k], n) != 0)
            continue;
        size_t unit = strlen(part->unit), words = at + n;
        /* "bằng 16,8% số được đánh giá": the part's own noun, unsaid */
        static const char *const participles[] = {"\xC4\x91\xC6\xB0\xE1\xBB\xA3"
                                                  "c ",
                                                  "\xC4\x91\xC3\xA3 ", "b\xE1\xBB\x8B "};
        for (size_t q = 0; q < sizeof participles / sizeof participles[0]; q++)
            if (words + strlen(participles[q]) <= len &&
                memcmp(scan + words, participles[q], strlen(participles[q])) == 0)
                return 0;
        int same = unit && words + unit <= len && memcmp(scan + words, part->unit, unit) == 0;
        /* "đảng viên" and "đồng chí" count the same people */
        enum { MEMBER_WORD_BYTES = 12 };
        int members = sl_counts_members(part->unit) && words + MEMBER_WORD_BYTES <= len &&
                      sl_counts_members(scan + words);
        return !same && !members;
    }
    return 0;
}

/* Whether a share stands in a table's row ("| 1.296 | 96,8 |"): its cells
 * are no sentence that breaks a figure down. */
static int in_table_row(const char *scan, const solieu_fact *pct)
{
    for (size_t k = pct->text_start; k-- > 0 && scan[k] != '\n';)
        if (scan[k] == '|' || scan[k] == '\t')
            return 1;
    return 0;
}

/* Whether [from, to) closes a parenthesis it did not open. */
static int closes_aside(const char *scan, size_t from, size_t to)
{
    int depth = 0;
    for (size_t k = from; k < to; k++)
        if (scan[k] == '(')
            depth++;
        else if (scan[k] == ')' && --depth < 0)
            return 1;
    return 0;
}

/* The count a share stands beside: the fact right before it in its clause,
 * a count of something, with no other number between ("112 tổ chức, chiếm
 * 19,11%", "6.871 đồng chí (chiếm 69,78%)", "126/179 thôn (70,39%)").
 * Footnote markers are blanked in the scan text. */
static const solieu_fact *part_of(const sl_check_doc *cd, size_t i, size_t max_gap)
{
    const solieu_fact *pct = solieu_facts_get(cd->facts, i);
    const char *scan = cd->doc->scan;
    if (i == 0 || !is_pct(pct) || pct->has_denominator || *pct->approx ||
        in_range(scan, cd->doc->len, pct))
        return NULL;
    /* "đạt 90,1% (cùng kỳ: 91,3%), giảm 1,2%" says by how much a share
     * changed: no share of a count ("tăng 19 đảng viên, tương ứng tăng
     * 19,39%" is one, of the count before) */
    if (sl_is_change(cd, pct) && is_pct(solieu_facts_get(cd->facts, i - 1)))
        return NULL;
    for (size_t j = i; j-- > 0;) {
        const solieu_fact *part = solieu_facts_get(cd->facts, j);
        if (part->paragraph != pct->paragraph || pct->text_start < part->text_end ||
            pct->text_start - part->text_end > max_gap)
            return NULL;
        /* a part inside an aside the share follows is passed over, even
         * one the aside lists after a colon ("356 đảng viên (quý I: 97,
         * quý II: 135), đạt 72,1%") */
        if (closes_aside(scan, part->text_end, pct->text_start))
            continue;
        /* an aside in parentheses between them is passed over ("148 đảng
         * viên, bằng 104,2% cùng kỳ (năm 2023: 142), đạt 105,7%") */
        int depth = 0, aside = 0, bad_inside = 0;
        size_t next = j + 1; /* the figures between them */
        for (size_t k = part->text_end; k < pct->text_start && !aside; k++) {
            /* another share of the same part is passed over ("148 đảng viên,
             * bằng 104,2% cùng kỳ ..., đạt 105,7%") */
            const solieu_fact *between = next < i ? solieu_facts_get(cd->facts, next) : NULL;
            if (between && k == between->text_start && depth == 0 && is_pct(between)) {
                k = between->text_end - 1;
                next++;
                continue;
            }
            if (between && k >= between->text_end)
                next++;
            char c = scan[k];
            /* (a line break in one paragraph is a hard wrap) */
            int bad = c == '.' || c == ';' || c == ':' || (c >= '0' && c <= '9');
            if (c == ')' && depth == 0)
                aside = 1; /* the part stands inside an aside: look before it */
            else if (c == '(')
                depth++;
            else if (c == ')')
                depth--;
            else if (bad && depth == 0)
                return NULL;
            else if (bad)
                bad_inside = 1;
        }
        if (aside || is_pct(part))
            continue;
        /* the share inside a parenthesis the part opens: "6.871 (chiếm 69,78%)" */
        if (depth > 0 && bad_inside)
            return NULL;
        if (*part->approx || part->value <= 0)
            return NULL;
        return part;
    }
    return NULL;
}

/* Whether the share is the part's of `base`, within its tolerance. */
static int agrees_with(const share *s, double base, double *computed)
{
    *computed = 100.0 * s->part->value / base;
    return fabs(*computed - s->pct->value) < s->tolerance - 1e-9;
}

/* Whether a part is of a single year other than the whole's ("2023"
 * beside "2024"). */
static int other_year(const solieu_fact *whole, const solieu_fact *part)
{
    return strlen(whole->period) == 4 && strlen(part->period) == 4 &&
           strcmp(whole->period, part->period) != 0;
}

static int explains(const solieu_fact *whole, const share *s, double *computed)
{
    if (whole == s->part && s->part->has_denominator)
        return agrees_with(s, s->part->denominator, computed);
    /* last year's part ("(năm 2023: 9.213 đảng viên, chiếm 14,26%)") is a
     * share of last year's whole, not of this year's */
    if (whole == s->part || s->part->has_denominator || is_pct(whole) || whole->value <= 0 ||
        !sl_same_kind(whole, s->part) || other_year(whole, s->part))
        return 0;
    return agrees_with(s, whole->value, computed);
}

/* The paragraphs a share's whole may stand in: [*from, to]. */
static size_t scope_of(const sl_check_doc *cd, size_t k, size_t *from)
{
    const sl_vec *paragraphs = &cd->doc->paragraphs;
    const sl_paragraph *p = sl_vec_at(paragraphs, k);
    size_t head = k;
    if (sl_paragraph_is_item(p)) {
        while (head > 0) {
            const sl_paragraph *q = sl_vec_at(paragraphs, head - 1);
            if (q->footnote != p->footnote)
                break;
            head--;
            if (!sl_paragraph_is_item(q))
                break;
        }
        *from = head;
        return head;
    }
    const sl_paragraph *before = k > 0 ? sl_vec_at(paragraphs, k - 1) : NULL;
    *from = before && before->footnote == p->footnote ? k - 1 : k;
    return k;
}

/* The explaining whole nearest before the share, else the nearest after. */
static const solieu_fact *find_whole(const sl_check_doc *cd, const share *s, size_t from)
{
    size_t first, end = sl_paragraphs_facts(cd, from, s->pct->paragraph, &first);
    const solieu_fact *before = NULL, *after = NULL;
    double computed;
    for (size_t i = first; i < end; i++) {
        const solieu_fact *f = solieu_facts_get(cd->facts, i);
        if (f->paragraph < from || f->paragraph > s->pct->paragraph ||
            f->footnote != s->pct->footnote || !explains(f, s, &computed))
            continue;
        if (f->text_start < s->part->text_start)
            before = f;
        else if (!after)
            after = f;
    }
    return before ? before : after;
}

/* A whole earlier in the report, of the part's own metric: a group's share
 * of the members counted at the top ("đảng viên nữ 15.288 đồng chí,
 * chiếm 36,63%" pages after "41.736 đảng viên"). Only a share with
 * decimals is looked up so far away, where one figure explaining it by
 * chance is unlikely; the nearest before wins. */
static const solieu_fact *earlier_whole(const sl_check_doc *cd, const share *s)
{
    if (s->decimals < 1)
        return NULL;
    double computed;
    /* a part named by its rating ("10 tổ chức cơ sở đảng hoàn thành tốt
     * nhiệm vụ (chiếm 71,4%)") is also a share of all there are of its
     * noun ("có 14 tổ chức cơ sở đảng") */
    int rated = *s->part->qualifier &&
                sl_rating_level(s->part->qualifier, strlen(s->part->qualifier)) != SL_NO_RATING;
    for (size_t i = sl_facts_from(cd->facts, s->part->text_start); i-- > 0;) {
        const solieu_fact *f = solieu_facts_get(cd->facts, i);
        int of_metric = strcmp(f->metric, s->part->metric) == 0;
        int all_of_noun = rated && !*f->qualifier && sl_same_noun(f->unit, s->part->unit) &&
                          sl_rules_metric_is_stock(cd->checker->rules, f->metric);
        if ((of_metric || all_of_noun) && explains(f, s, &computed))
            return f;
    }
    return NULL;
}

/* What a share is of: its fraction's denominator ("41/49 đồng chí"), or
 * the whole's figure. */
static double base_of(const share *s, const solieu_fact *whole)
{
    return s->own ? s->part->denominator : whole->value;
}

/* A whole that a sibling share of the same noun is explained by, larger
 * than this share's part (the nearest such share's); NULL without such
 * evidence. */
static const share *sibling_evidence(const sl_check_doc *cd, const share *shares, size_t n,
                                     const share *s)
{
    const share *best = NULL;
    size_t best_gap = 0;
    for (size_t j = 0; j < n; j++) {
        const share *o = &shares[j];
        if (o == s || !o->whole || o->scope != s->scope || !sl_same_kind(o->part, s->part) ||
            base_of(o, o->whole) <= s->part->value || !sl_same_kind(o->whole, s->part) ||
            other_year(o->whole, s->part))
            continue;
        int listed = o->pct->paragraph != s->pct->paragraph;
        size_t a =
            o->pct->text_start < s->pct->text_start ? o->pct->text_start : s->pct->text_start;
        size_t b =
            o->pct->text_start < s->pct->text_start ? s->pct->text_start : o->pct->text_start;
        /* shares of parts named by qualifiers of one metric (ratings:
         * "xuất sắc 251 đồng chí, chiếm 12,3%" ... "1.953 đồng chí hoàn
         * thành tốt nhiệm vụ trở lên, đạt 96,5%") are of one whole across
         * the paragraph's sentences */
        int graded = *o->part->qualifier && *s->part->qualifier &&
                     strcmp(o->part->metric, s->part->metric) == 0;
        /* the nearest: "đạt 108,9% ... trong đó nữ 841 đồng chí (48,3%),
         * người dân tộc thiểu số 402 đồng chí (24,1%)" is of what 48,3% is of */
        if ((listed || graded || !sl_sentence_ends_between(cd->doc->scan, a, b)) &&
            (!best || b - a < best_gap)) {
            best = o;
            best_gap = b - a;
        }
    }
    return best;
}

/* Whether the part's sentence opens with "Trong số" ("Trong số đảng viên
 * mới có 8.395 đoàn viên"): it breaks down a figure of the sentence
 * before. */
static int sentence_opens_among(const sl_check_doc *cd, const solieu_fact *part)
{
    static const char among[] = "rong s\xE1\xBB\x91 "; /* "[Tt]rong số " */
    size_t n;
    const char *opening = sl_sentence_before(cd, part, &n);
    return n > sizeof among - 1 && (opening[0] | 0x20) == 't' &&
           memcmp(opening + 1, among, sizeof among - 1) == 0;
}

/* The whole a share's sentence breaks down before it ("có 9.874 đảng
 * viên; trong đó đảng viên nữ 4.213 đồng chí, chiếm 45,2%"): the nearest
 * figure before the part in its sentence, of its metric and kind and
 * larger, with "trong đó" between them or the part named by a qualifier
 * the whole has not; or, for a sentence that opens with "Trong số", the nearest
 * figure of its metric before it in the paragraph; NULL when none. */
static const solieu_fact *broken_down_whole(const sl_check_doc *cd, const share *s)
{
    static const char trong_do[] = "trong \xC4\x91\xC3\xB3"; /* trong đó */
    const char *text = cd->doc->scan;
    /* a part named by a group or a rating ("đảng viên mới là người dân tộc
     * thiểu số có 63 đồng chí", "hoàn thành xuất sắc nhiệm vụ có 41 đồng
     * chí") breaks down its metric's figure of the sentences before too */
    int among = strcmp(s->part->metric, "count") != 0 &&
                (sentence_opens_among(cd, s->part) || *s->part->qualifier);
    for (size_t i = sl_facts_from(cd->facts, s->part->text_start); i-- > 0;) {
        const solieu_fact *g = solieu_facts_get(cd->facts, i);
        int earlier = g->paragraph != s->part->paragraph ||
                      sl_sentence_ends_between(text, g->text_end, s->part->text_start);
        if ((earlier && !among) || g->paragraph < s->from || g->footnote != s->part->footnote)
            return NULL;
        /* (a group named without its noun, "8.395 đoàn viên", is of the
         * metric's kind) */
        if (earlier && strcmp(g->metric, s->part->metric) == 0 && !*g->qualifier &&
            (sl_same_kind(g, s->part) || !*s->part->unit) && !is_pct(g) && !g->has_denominator &&
            sl_comparable_periods(g->period, s->part->period))
            return g->value > s->part->value ? g : NULL; /* the figure a sentence before gave */
        if (earlier)
            continue;
        if (is_pct(g) || g->has_denominator || strcmp(g->metric, s->part->metric) != 0 ||
            (!sl_same_kind(g, s->part) && *s->part->unit) || g->value <= s->part->value)
            continue;
        size_t n = s->part->text_start - g->text_end;
        /* a part named by a qualifier of the whole's own metric ("3.986
         * đảng viên được đánh giá; đảng viên hoàn thành xuất sắc nhiệm vụ là
         * 547 đồng chí") breaks it down without saying so */
        int qualified = *s->part->qualifier && !*g->qualifier;
        return qualified || memmem(text + g->text_end, n, trong_do, sizeof trong_do - 1) ? g : NULL;
    }
    return NULL;
}

/* Where a share's words name what it is of ("chiếm 76,8% số đảng viên
 * được kết nạp"): the share's offset and the metric of its whole, by a
 * named_share rule. */
typedef struct named_share {
    size_t pct_start, words_end; /* the share, and the end of the words after it */
    const sl_rule *rule;         /* its metric: the whole's */
} named_share;

static int on_named_share(void *ctx, const sl_rule *r, pcre2_match_data *md)
{
    sl_relation_ctx *c = ctx;
    size_t start, end;
    if (!r->metric || !sl_group_span(r->code, md, "pct", &start, &end))
        return 0;
    named_share *n = sl_vec_push(c->data);
    if (!n)
        c->cd->oom = 1;
    else
        *n = (named_share){sl_paragraph_to_text(c->p, start),
                           sl_paragraph_to_text(c->p, pcre2_get_ovector_pointer(md)[1]), r};
    return 0;
}

static const named_share *naming_words(const sl_vec *named, const solieu_fact *pct)
{
    const named_share *all = named->items;
    for (size_t k = 0; k < named->len; k++)
        if (all[k].pct_start == pct->text_start)
            return &all[k];
    return NULL;
}

/* The figure the naming words give in parentheses right after them ("bằng
 * 9,6% tổng số đảng viên kết nạp toàn huyện cùng giai đoạn (712 đảng
 * viên)"), of the part's kind; NULL when none. */
static const solieu_fact *whole_given_after(const sl_check_doc *cd, const share *s)
{
    enum { MAX_WORDS_BYTES = 60 };
    const char *scan = cd->doc->scan;
    size_t end = s->named->words_end, i = sl_facts_from(cd->facts, end);
    if (i >= solieu_facts_count(cd->facts))
        return NULL;
    const solieu_fact *f = solieu_facts_get(cd->facts, i);
    if (f->text_start - end > MAX_WORDS_BYTES || is_pct(f) || f->has_denominator ||
        !sl_same_kind(f, s->part))
        return NULL;
    int opened = 0;
    for (size_t k = end; k < f->text_start; k++) {
        if (scan[k] == ')' || scan[k] == '.' || scan[k] == ';' || scan[k] == '\n')
            return NULL;
        opened |= scan[k] == '(';
    }
    return opened ? f : NULL;
}

/* The figure a share's words name as its whole: the one they give right
 * after them; else the one total of the named metric in the part's
 * paragraph; else, of the figures of that metric before the part whose
 * period may hold the part's, the nearest that explains the share, or the
 * nearest when they all give one value larger than the part (figures that
 * disagree leave no telling which one the words mean). *explained: whether
 * the figure explains the share. */
static const solieu_fact *named_whole(const sl_check_doc *cd, const share *s, int *explained)
{
    const solieu_fact *nearest = NULL;
    int agree = 1;
    double computed;
    const solieu_fact *given = whole_given_after(cd, s);
    if (given) {
        *explained = explains(given, s, &computed);
        return *explained || given->value > s->part->value ? given : NULL;
    }
    *explained = 0;
    const solieu_fact *in_paragraph = NULL;
    for (size_t i = sl_facts_from(cd->facts, s->part->text_start); i-- > 0;) {
        const solieu_fact *f = solieu_facts_get(cd->facts, i);
        if (f->paragraph != s->part->paragraph)
            break;
        /* "tổng số đảng viên là 1.286 (chính thức 1.247, ...); nữ có 524,
         * chiếm 41,7% tổng số đảng viên": the paragraph's one total */
        if (strcmp(f->metric, s->named->rule->metric) == 0 && !*f->qualifier && !is_pct(f) &&
            !f->has_denominator && sl_same_kind(f, s->part) &&
            sl_comparable_periods(f->period, s->part->period)) {
            if (in_paragraph && in_paragraph->value != f->value) {
                in_paragraph = NULL;
                break;
            }
            in_paragraph = f;
        }
    }
    if (in_paragraph && in_paragraph->value > s->part->value) {
        *explained = explains(in_paragraph, s, &computed);
        return in_paragraph;
    }
    for (size_t i = sl_facts_from(cd->facts, s->part->text_start); i-- > 0;) {
        const solieu_fact *f = solieu_facts_get(cd->facts, i);
        if (strcmp(f->metric, s->named->rule->metric) != 0 || is_pct(f) || f->has_denominator ||
            !sl_same_kind(f, s->part) ||
            f->footnote != s->pct->footnote || !sl_comparable_periods(f->period, s->part->period))
            continue;
        if (explains(f, s, &computed)) {
            *explained = 1;
            return f;
        }
        if (!nearest)
            nearest = f;
        else if (f->value != nearest->value)
            agree = 0;
    }
    /* figures that disagree, none explaining the share, still tell when
     * the nearest stands in the share's own scope ("597 trên tổng số 611
     * đảng viên đã xếp loại; ... 94 đồng chí, chiếm 17,5% số đảng viên
     * được xếp loại"): whichever the words mean, the share is wrong */
    int near = nearest && nearest->paragraph >= s->from && nearest->footnote == s->pct->footnote;
    return (agree || near) && nearest && nearest->value > s->part->value ? nearest : NULL;
}

/* Whether the words between a share's part and the share name its part
 * anew ("khai trừ 3 đồng chí, số đảng viên bị kỷ luật chiếm 0,22%"): the
 * share is of that figure, which may not be the part before it. */
static int renames_part(const char *scan, const share *s)
{
    static const char number_of[] = ", s\xE1\xBB\x91 "; /* ", số " */
    size_t from = s->part->text_end, to = s->pct->text_start;
    return to > from && memmem(scan + from, to - from, number_of, sizeof number_of - 1) != NULL;
}

/* The target a plan rate is of ("chỉ tiêu năm 2026 kết nạp 30 đảng viên
 * ... kết nạp 14 đảng viên, đạt 48,7% chỉ tiêu"): the one figure of a
 * target in the share's scope, of the part's kind, whose period holds the
 * part's; NULL when there is none or more than one. The text names this
 * whole and gives it, so a rate it does not explain is wrong. */
static const solieu_fact *stated_target(const sl_check_doc *cd, const share *s)
{
    long a, b, c, e;
    if (!sl_has_suffix(s->pct->metric, "_plan_rate") || !sl_period_months(s->part->period, &a, &b))
        return NULL;
    size_t first, end = sl_paragraphs_facts(cd, s->from, s->pct->paragraph, &first);
    const solieu_fact *target = NULL;
    for (size_t i = first; i < end; i++) {
        const solieu_fact *f = solieu_facts_get(cd->facts, i);
        if (f->paragraph < s->from || f->paragraph > s->pct->paragraph ||
            f->footnote != s->pct->footnote || !sl_has_suffix(f->metric, "_target") ||
            f->value <= 0 || !sl_same_kind(f, s->part) || !sl_period_months(f->period, &c, &e) ||
            a < c || b > e)
            continue;
        if (target)
            return NULL;
        target = f;
    }
    return target;
}

static void report(sl_check_doc *cd, const sl_rule *r, const share *s, const solieu_fact *whole,
                   double base, int pass)
{
    if (whole == s->part && !whole->has_denominator)
        return; /* a figure is no share of itself; a fraction is of its denominator */
    double computed = 100.0 * s->part->value / base;
    double shown = round(computed * pow(10.0, s->decimals)) / pow(10.0, s->decimals);
    const solieu_fact *others[2] = {s->part, whole};
    char a[64], b[64], z[64];
    sl_check_add(cd, "ratio", pass, r->id, s->pct, others, 2, s->pct->value, shown, s->tolerance,
                 "%s %s on line %zu of the %s %s on line %zu = %.3f%%, line %zu states %s%%",
                 solieu_format_number(s->part->value, a, sizeof a), s->part->unit, s->part->line,
                 solieu_format_number(base, b, sizeof b), whole->unit, whole->line, computed,
                 s->pct->line, solieu_format_number(s->pct->value, z, sizeof z));
}

void sl_check_shares(sl_check_doc *cd)
{
    const sl_rule *r = sl_relation_rule(cd->checker->rules, "share");
    size_t count = solieu_facts_count(cd->facts);
    if (!r || count < 2)
        return;
    sl_vec shares, named;
    sl_vec_init(&shares, sizeof(share));
    sl_vec_init(&named, sizeof(named_share));
    sl_run_relations(cd, "named_share", on_named_share, &named);
    for (size_t i = 1; i < count; i++) {
        const solieu_fact *f = solieu_facts_get(cd->facts, i);
        const named_share *words = naming_words(&named, f);
        const solieu_fact *part = part_of(cd, i, words ? MAX_NAMED_GAP_BYTES : MAX_GAP_BYTES);
        solieu_number pct;
        if (!part || solieu_number_parse(f->text, strlen(f->text), &pct) != SOLIEU_OK)
            continue;
        share *s = sl_vec_push(&shares);
        if (!s) {
            cd->oom = 1;
            break;
        }
        *s = (share){f,
                     part,
                     NULL,
                     0,
                     0,
                     words,
                     pct.decimals,
                     part->has_denominator,
                     pow(10.0, -pct.decimals)};
        s->scope = scope_of(cd, f->paragraph, &s->from);
        s->whole = s->own ? part : find_whole(cd, s, s->from);
        if (!s->whole)
            s->whole = earlier_whole(cd, s);
    }
    share *all = shares.items;
    for (size_t j = 0; j < shares.len; j++) {
        const share *s = &all[j], *o;
        const solieu_fact *whole;
        double computed;
        int explained;
        /* a ratio rule ("27/29 đơn, đạt 93,1%") or a table's comparison of
         * two periods may have told it already */
        if (sl_row_told(cd, s->pct, "ratio"))
            continue;
        if (s->own)
            report(cd, r, s, s->part, base_of(s, s->part), explains(s->part, s, &computed));
        else if (s->whole)
            report(cd, s->named ? s->named->rule : r, s, s->whole, s->whole->value, 1);
        else if (s->named && (whole = named_whole(cd, s, &explained)) != NULL &&
                 (explained || !renames_part(cd->doc->scan, s)))
            report(cd, s->named->rule, s, whole, whole->value, explained);
        else if ((whole = stated_target(cd, s)) != NULL)
            report(cd, r, s, whole, whole->value, 0);
        else if (sl_is_change(cd, s->part) ||
                 names_other_whole(cd->doc->scan, cd->doc->len, s->pct, s->part))
            continue; /* "tăng 583 đảng viên, bằng 31,1%": of the figure before
                         the change, which the text may not give; "chiếm 0,28%
                         tổng số sinh viên": of a whole it names, not gives */
        else if ((o = sibling_evidence(cd, all, shares.len, s)) != NULL)
            report(cd, r, s, o->whole, base_of(o, o->whole), 0);
        else if (!in_table_row(cd->doc->scan, s->pct) && (whole = broken_down_whole(cd, s)) != NULL)
            report(cd, r, s, whole, whole->value, agrees_with(s, whole->value, &computed));
    }
    sl_vec_free(&shares);
    sl_vec_free(&named);
}
