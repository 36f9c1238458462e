/* Counts by yearly rating against the total rated: "586 tổ chức cơ sở đảng
 * được đánh giá, xếp loại" then "hoàn thành xuất sắc nhiệm vụ 112 tổ chức;
 * hoàn thành tốt nhiệm vụ 421 tổ chức; hoàn thành nhiệm vụ 49 tổ chức;
 * không hoàn thành nhiệm vụ 4 tổ chức", in one sentence or over a list.
 *
 * The four levels split the rated total, so counts of two or more levels
 * that add up to it pass. They fail only when they cannot be a partial
 * list: all of the levels down to "không hoàn thành" are given, or they
 * exceed the total. */
#define _GNU_SOURCE /* memmem */
#include <string.h>

#include "check/check_internal.h"

enum { NO_LEVEL = SL_NO_RATING, EXCELLENT, GOOD, DONE, FAILED = SL_RATING_FAILED };
enum { MAX_PARTS = 8, MAX_WINDOW = 120 };

/* Whether s[0..n) holds `word` (lower case, an ASCII first letter), its
 * first letter in either case. */
static int has(const char *s, size_t n, const char *word)
{
    size_t w = strlen(word);
    for (const char *p = s + 1;
         p < s + n && (p = memmem(p, (size_t)(s + n - p), word + 1, w - 1)) != NULL; p++)
        if ((p[-1] | 0x20) == word[0])
            return 1;
    return 0;
}

int sl_every_rating_level(unsigned seen)
{
    return __builtin_popcount(seen) == FAILED;
}

int sl_rating_level(const char *s, size_t n)
{
    if (has(s, n, "tr\xE1\xBB\x9F l\xC3\xAAn"))             /* trở lên */
        return NO_LEVEL;                                    /* "tốt trở lên" adds levels up */
    if (has(s, n, "kh\xC3\xB4ng ho\xC3\xA0n th\xC3\xA0nh")) /* không hoàn thành */
        return FAILED;
    if (has(s, n, "xu\xE1\xBA\xA5t s\xE1\xBA\xAF")) /* xuất sắc */
        return EXCELLENT;
    if (has(s, n, "ho\xC3\xA0n th\xC3\xA0nh t\xE1\xBB\x91t")) /* hoàn thành tốt */
        return GOOD;
    if (has(s, n,
            "ho\xC3\xA0n th\xC3\xA0nh nhi\xE1\xBB\x87m v\xE1\xBB\xA5")) /* hoàn thành nhiệm vụ */
        return DONE;
    return NO_LEVEL;
}

/* A clause of one count ends at punctuation, at the next number or at
 * "và". */
static int clause_break(const char *text, size_t i)
{
    char c = text[i];
    return c == ';' || c == '.' || c == '\n' || c == '(' || c == ',' || c == ')' ||
           (c >= '0' && c <= '9') || (c == ' ' && strncmp(text + i, " v\xC3\xA0 ", 5) == 0);
}

/* The window, without its spaces, ends with `word` ("tốt 26", "hoàn
 * thành 4": the short forms of a list of levels). */
static int ends_with(const char *s, size_t n, const char *word)
{
    while (n > 0 && s[n - 1] == ' ')
        n--;
    size_t w = strlen(word);
    return n >= w && memcmp(s + n - w, word, w) == 0 && (n == w || s[n - w - 1] == ' ');
}

/* The rating of a count: named in its clause before it ("hoàn thành tốt
 * nhiệm vụ 421 tổ chức"), else after it ("9.871 đảng viên hoàn thành xuất
 * sắc nhiệm vụ"). */
static int level_of(const sl_check_doc *cd, const solieu_fact *f)
{
    /* read in the paragraph's joined text, where a hard wrap ("hoàn thành
     * xuất sắc nhiệm\nvụ 17") breaks no clause */
    const char *text = cd->doc->scan;
    size_t len = cd->doc->len, start = f->text_start, stop = f->text_end;
    if (f->paragraph < cd->doc->paragraphs.len) {
        const sl_paragraph *p = sl_vec_at(&cd->doc->paragraphs, f->paragraph);
        size_t s = sl_segment_offset(p, f->text_start), e = sl_segment_offset(p, f->text_end);
        if (e > s) {
            text = p->segment;
            len = p->segment_len;
            start = s;
            stop = e;
        }
    }
    size_t from = start;
    while (from > 0 && start - from < MAX_WINDOW && !clause_break(text, from - 1))
        from--;
    int level = sl_rating_level(text + from, start - from);
    if (level)
        return level;
    if (ends_with(text + from, start - from, "t\xE1\xBB\x91t")) /* tốt */
        return GOOD;
    if (ends_with(text + from, start - from, "ho\xC3\xA0n th\xC3\xA0nh")) /* hoàn thành */
        return DONE;
    /* a count in parentheses after its share reads on past them: "76,17%
     * (44.871 đồng chí) hoàn thành tốt nhiệm vụ" */
    int bracketed = start > 0 && text[start - 1] == '(';
    size_t to = stop;
    /* (a colon after it opens what it breaks down: "412 chi bộ đều được
     * đánh giá: hoàn thành tốt nhiệm vụ 296 ...") */
    for (; to < len && to - stop < MAX_WINDOW; to++)
        if (clause_break(text, to) || text[to] == ':') {
            if (!bracketed || text[to] != ')')
                break;
            bracketed = 0;
        }
    return sl_rating_level(text + stop, to - stop);
}

static int is_count(const solieu_fact *f)
{
    return strcmp(f->unit, "%") != 0 && *f->unit && f->value >= 0;
}

/* Whether text[i] ends a sentence: a line's end or a full stop, but not
 * one between digits, which groups thousands ("2.803"). */
static int ends_sentence(const char *text, size_t len, size_t i)
{
    if (text[i] == '\n')
        return 1;
    int digits_around = i > 0 && i + 1 < len && text[i - 1] >= '0' && text[i - 1] <= '9' &&
                        text[i + 1] >= '0' && text[i + 1] <= '9';
    return text[i] == '.' && !digits_around;
}

/* The sentence holding `at` names a rating ("được đánh giá, xếp loại",
 * "Đảng viên được đánh giá, xếp loại năm 2024: 63/68 đồng chí"). */
static int sentence_rates(const sl_check_doc *cd, size_t at)
{
    const char *text = cd->doc->scan;
    size_t from = at, to = at, len = cd->doc->len;
    while (from > 0 && !ends_sentence(text, len, from - 1))
        from--;
    while (to < len && !ends_sentence(text, len, to) && text[to] != ';')
        to++;
    return has(text + from, to - from, "x\xE1\xBA\xBFp lo\xE1\xBA\xA1i") || /* xếp loại */
           has(text + from, to - from, "\xC4\x91\xC3\xA1nh gi\xC3\xA1");    /* đánh giá */
}

/* Whether a count's clause says its things were not rated ("còn 05 chi
 * bộ chưa đánh giá, xếp loại", "02 đồng chí không xếp loại", "miễn đánh
 * giá"): no total of the rated. */
static int not_rated(const sl_check_doc *cd, const solieu_fact *f)
{
    static const char *const negations[] = {
        "ch\xC6\xB0" "a ",           /* chưa */
        "kh\xC3\xB4ng ",            /* không */
        "mi\xE1\xBB\x85n ",        /* miễn */
        "\xC4\x91\xC6\xB0\xE1\xBB\xA3" "c mi\xE1\xBB\x85n", /* được miễn */
    };
    enum { CLAUSE_BYTES = 40 };
    const char *text = cd->doc->scan;
    size_t to = f->text_end;
    while (to < cd->doc->len && to - f->text_end < CLAUSE_BYTES && !clause_break(text, to))
        to++;
    for (size_t k = 0; k < sizeof negations / sizeof negations[0]; k++)
        if (has(text + f->text_end, to - f->text_end, negations[k]))
            return 1;
    return 0;
}

/* The rated total before the first part: among the earlier counts of its
 * noun in its paragraph, or in the paragraphs before it where their
 * sentence speaks of rating, the one the parts add up to, else the nearest
 * outside parentheses ("63/68 đồng chí (05 đồng chí miễn đánh giá)"). */
static const solieu_fact *total_before(const sl_check_doc *cd, size_t first, double sum)
{
    const solieu_fact *part = solieu_facts_get(cd->facts, first), *nearest = NULL;
    for (size_t j = first; j-- > 0;) {
        const solieu_fact *f = solieu_facts_get(cd->facts, j);
        if (f->footnote != part->footnote || f->paragraph > part->paragraph ||
            part->paragraph - f->paragraph > 6)
            break;
        if (!is_count(f) || sl_is_change(cd, f) || !sl_same_kind(f, part) ||
            level_of(cd, f) || not_rated(cd, f) ||
            (f->paragraph != part->paragraph && !sentence_rates(cd, f->text_start)))
            continue;
        if (f->value == sum)
            return f;
        if (!nearest && !sl_in_parentheses_on_line(cd->doc->scan, cd->doc->len, f->text_end))
            nearest = f;
    }
    return nearest;
}

/* Whether f is a total given right after the first part ("hoàn thành xuất
 * sắc nhiệm vụ có 11 trên tổng số 59 tổ chức ..."). */
static int total_after_part(const sl_check_doc *cd, const solieu_fact *f)
{
    static const char of_all[] = "t\xE1\xBB\x95ng s\xE1\xBB\x91 "; /* "tổng số " */
    size_t n = sizeof of_all - 1;
    return f->text_start >= n && memcmp(cd->doc->scan + f->text_start - n, of_all, n) == 0;
}

/* Whether the sentence of a list's first part says the list leaves some
 * out ("ngoài số hoàn thành xuất sắc nêu trên, còn 44 tổ chức hoàn thành
 * tốt nhiệm vụ ..."): besides those told before, no whole list. */
static int says_besides(const sl_check_doc *cd, const solieu_fact *first)
{
    static const char besides[] = "ngo\xC3\xA0i s\xE1\xBB\x91 "; /* "ngoài số " */
    size_t n;
    const char *opening = sl_sentence_before(cd, first, &n);
    return has(opening, n, besides);
}

static void check_group(sl_check_doc *cd, const sl_rule *r, const solieu_fact **parts, size_t n,
                        const int *levels, size_t first, const solieu_fact *stated_total)
{
    if (says_besides(cd, parts[0]))
        return;
    unsigned seen = 0;
    double sum = 0;
    for (size_t k = 0; k < n; k++) {
        seen |= 1u << levels[k];
        sum += parts[k]->value;
    }
    if (__builtin_popcount(seen) < 2)
        return;
    const solieu_fact *total = stated_total ? stated_total : total_before(cd, first, sum);
    if (!total)
        return;
    int complete = sl_every_rating_level(seen);
    int pass = sum == total->value;
    if (!pass && !complete && sum < total->value)
        return;
    char a[64], b[64];
    sl_check_add(cd, "sum", pass, r->id, total, parts, n, total->value, sum, 0,
                 "the %zu counts by rating add up to %s %s, %s line %zu states %s", n,
                 solieu_format_number(sum, a, sizeof a), total->unit, pass ? "as" : "but",
                 total->line, solieu_format_number(total->value, b, sizeof b));
}

void sl_check_ratings(sl_check_doc *cd)
{
    const sl_rule *r = sl_relation_rule(cd->checker->rules, "rating_sum");
    size_t count = solieu_facts_count(cd->facts);
    const solieu_fact *parts[MAX_PARTS], *stated_total = NULL;
    int levels[MAX_PARTS];
    size_t n = 0, first = 0;
    for (size_t i = 0; r && i <= count; i++) {
        const solieu_fact *f = i < count ? solieu_facts_get(cd->facts, i) : NULL;
        int level = NO_LEVEL;
        if (f && is_count(f) && !f->has_denominator)
            level = level_of(cd, f);
        if (!f && n) {
            check_group(cd, r, parts, n, levels, first, stated_total);
            break;
        }
        const solieu_fact *last = n ? parts[n - 1] : NULL;
        if (!level && n == 1 && !stated_total && f && is_count(f) && sl_same_kind(f, parts[0]) &&
            f->paragraph == parts[0]->paragraph && total_after_part(cd, f)) {
            stated_total = f;
            continue;
        }
        if (!level) {
            /* a count of the parts' noun that is not rated starts anew;
             * last year's in an aside ("6 (năm 2023: 5)") does not */
            if (last && f && is_count(f) && !sl_is_change(cd, f) && sl_same_kind(f, last) &&
                sl_comparable_periods(f->period, last->period) &&
                !sl_in_parentheses_on_line(cd->doc->scan, cd->doc->len, f->text_start)) {
                check_group(cd, r, parts, n, levels, first, stated_total);
                n = 0;
                stated_total = NULL;
            }
            continue;
        }
        int joins = last && f->footnote == last->footnote && f->paragraph >= last->paragraph &&
                    f->paragraph - last->paragraph <= 2 && sl_same_kind(f, last) &&
                    level > levels[n - 1] && n < MAX_PARTS;
        if (!joins) {
            if (n)
                check_group(cd, r, parts, n, levels, first, stated_total);
            n = 0;
            stated_total = NULL;
            first = i;
        }
        parts[n] = f;
        levels[n++] = level;
    }
}
