/* Reads the opening words off a pattern: a small walk over alternations,
 * groups and literal text that stops at anything else. Every word it gives
 * is a prefix of every match on its path, so trying the pattern only where
 * one of them stands finds every match a scan would. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "rules/openings.h"
#include "rules/triggers.h"
#include "util/util.h"

#define MAX_WORD_BYTES 48
#define MIN_WORD_BYTES 2

typedef struct opening {
    char text[MAX_WORD_BYTES];
    size_t len;
    int open; /* the path so far was all literal: what follows extends it */
} opening;

typedef struct opening_set {
    opening items[SL_MAX_OPENINGS];
    size_t n;
    int failed; /* more words than SL_MAX_OPENINGS */
} opening_set;

static void add_word(opening_set *set, const opening *w)
{
    for (size_t k = 0; k < set->n; k++) {
        opening *have = &set->items[k];
        if (have->len == w->len && memcmp(have->text, w->text, w->len) == 0) {
            /* one word for two paths: what follows may extend it only if
             * it extends both */
            have->open &= w->open;
            return;
        }
    }
    if (set->n == SL_MAX_OPENINGS) {
        set->failed = 1;
        return;
    }
    set->items[set->n++] = *w;
}

static int any_open(const opening_set *set)
{
    for (size_t k = 0; k < set->n; k++)
        if (set->items[k].open)
            return 1;
    return 0;
}

static void close_all(opening_set *set)
{
    for (size_t k = 0; k < set->n; k++)
        set->items[k].open = 0;
}

/* Index just past the construct at s[i]: an escape, a class or a group
 * (at the NUL when it is not closed). */
static size_t skip_atom(const char *s, size_t i)
{
    if (s[i] == '\\')
        return s[i + 1] ? i + 2 : i + 1;
    if (s[i] == '[') {
        size_t k = i + 1;
        if (s[k] == '^')
            k++;
        if (s[k] == ']')
            k++; /* a ']' first in a class is literal */
        for (; s[k] && s[k] != ']'; k++)
            if (s[k] == '\\' && s[k + 1])
                k++;
        return s[k] ? k + 1 : k;
    }
    if (s[i] == '(') {
        size_t k = i + 1;
        while (s[k] && s[k] != ')')
            k = (s[k] == '\\' || s[k] == '[' || s[k] == '(') ? skip_atom(s, k) : k + 1;
        return s[k] ? k + 1 : k;
    }
    return i + 1;
}

/* Index of the '|' or ')' that ends the branch at s[i] (or of the NUL). */
static size_t branch_end(const char *s, size_t i)
{
    while (s[i] && s[i] != '|' && s[i] != ')')
        i = skip_atom(s, i);
    return i;
}

typedef struct quantifier {
    size_t len;   /* 0: none */
    int may_skip; /* min 0 */
    int repeats;  /* max above 1 */
} quantifier;

static quantifier read_quantifier(const char *s, size_t i)
{
    quantifier q = {0, 0, 0};
    if (s[i] == '?' || s[i] == '*' || s[i] == '+') {
        q.len = 1;
        q.may_skip = s[i] != '+';
        q.repeats = s[i] != '?';
    } else if (s[i] == '{' && s[i + 1] >= '0' && s[i + 1] <= '9') {
        char *end;
        unsigned long min = strtoul(s + i + 1, &end, 10), max = min;
        if (*end == ',')
            max = end[1] == '}' ? (unsigned long)-1 : strtoul(end + 1, &end, 10);
        if (*end == ',')
            end++;
        if (*end != '}')
            return q; /* "{" is then a literal brace */
        q.len = (size_t)(end - (s + i)) + 1;
        q.may_skip = min == 0;
        q.repeats = max > 1;
    } else {
        return q;
    }
    if (s[i + q.len] == '?' || s[i + q.len] == '+')
        q.len++; /* lazy or possessive: the same words */
    return q;
}

/* Where the body of the group at s[i] == '(' starts when it is a plain
 * group (capturing, named, "(?:", atomic "(?>"); 0 for anything else. */
static size_t group_body(const char *s, size_t i)
{
    if (s[i + 1] != '?')
        return s[i + 1] == '*' ? 0 : i + 1;
    if (s[i + 2] == ':' || s[i + 2] == '>')
        return i + 3;
    size_t k = i + 2;
    if (s[k] == 'P')
        k++;
    char close = s[k] == '<' ? '>' : s[k] == '\'' ? '\'' : 0;
    if (!close || s[k + 1] == '=' || s[k + 1] == '!')
        return 0;
    for (k++; s[k] && s[k] != close; k++)
        if (!((s[k] >= 'a' && s[k] <= 'z') || (s[k] >= 'A' && s[k] <= 'Z') ||
              (s[k] >= '0' && s[k] <= '9') || s[k] == '_'))
            return 0;
    return s[k] ? k + 1 : 0;
}

static int is_lookaround(const char *s)
{
    return strncmp(s, "(?=", 3) == 0 || strncmp(s, "(?!", 3) == 0 || strncmp(s, "(?<=", 4) == 0 ||
           strncmp(s, "(?<!", 4) == 0;
}

static void parse_alternation(const char *s, size_t *i, opening_set *set);

/* Every word of `set` followed by the group's words `inner`, as the group's
 * quantifier allows. */
static void follow_with_group(opening_set *set, const opening_set *inner, quantifier q)
{
    opening_set out = {.n = 0, .failed = set->failed || inner->failed};
    for (size_t k = 0; k < set->n; k++) {
        const opening *w = &set->items[k];
        if (!w->open || q.may_skip)
            add_word(&out, w);
        if (!w->open)
            continue;
        for (size_t a = 0; a < inner->n; a++) {
            const opening *tail = &inner->items[a];
            opening joined = *w;
            if (w->len + tail->len < MAX_WORD_BYTES) {
                memcpy(joined.text + w->len, tail->text, tail->len);
                joined.len += tail->len;
                joined.open = tail->open && !q.repeats;
            } else {
                joined.open = 0;
            }
            add_word(&out, &joined);
        }
    }
    *set = out;
}

static size_t utf8_char_bytes(unsigned char lead)
{
    return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

/* Extends the open words of `set` along one branch, up to its '|' or ')'. */
static void parse_branch(const char *s, size_t *i, opening_set *set)
{
    while (s[*i] && s[*i] != '|' && s[*i] != ')') {
        if (!any_open(set)) {
            *i = branch_end(s, *i);
            return;
        }
        size_t at = *i;
        char c = s[at];
        if (c == '(' && is_lookaround(s + at)) {
            *i = skip_atom(s, at); /* zero-width: the match starts where it did */
            continue;
        }
        if (c == '(') {
            size_t body = group_body(s, at), end = skip_atom(s, at);
            if (!body) {
                close_all(set);
                continue;
            }
            opening_set inner = {.n = 1, .items = {{.len = 0, .open = 1}}};
            size_t j = body;
            parse_alternation(s, &j, &inner);
            quantifier q = read_quantifier(s, end);
            follow_with_group(set, &inner, q);
            *i = end + q.len;
            continue;
        }
        /* white space ends a word: in patterns a space is any run of it */
        if (strchr(" \\[.^${*+?", c)) {
            close_all(set);
            continue;
        }
        size_t n = utf8_char_bytes((unsigned char)c);
        for (size_t k = 1; k < n; k++)
            if (!s[at + k])
                n = k;
        if (read_quantifier(s, at + n).len) {
            close_all(set); /* an optional or repeated letter ends the word before it */
            continue;
        }
        for (size_t k = 0; k < set->n; k++) {
            opening *w = &set->items[k];
            if (!w->open)
                continue;
            if (w->len + n < MAX_WORD_BYTES) {
                memcpy(w->text + w->len, s + at, n);
                w->len += n;
            } else {
                w->open = 0;
            }
        }
        *i = at + n;
    }
}

static void parse_alternation(const char *s, size_t *i, opening_set *set)
{
    opening_set start = *set, all = {.n = 0, .failed = set->failed};
    for (;;) {
        opening_set branch = start;
        parse_branch(s, i, &branch);
        for (size_t k = 0; k < branch.n; k++)
            add_word(&all, &branch.items[k]);
        all.failed |= branch.failed;
        if (s[*i] != '|')
            break;
        (*i)++;
    }
    *set = all;
}

/* Appends "|word" (or "word" first) to out unless it is there already. */
static void append_word(sl_buf *out, const char *w, size_t n)
{
    size_t len;
    const char *cursor = out->data;
    for (const char *have; out->len && (have = sl_trigger_next_word(&cursor, &len));)
        if (len == n && memcmp(have, w, n) == 0)
            return;
    if (out->len)
        sl_buf_putc(out, '|');
    sl_buf_append(out, w, n);
}

/* w[0..n) into out with its first `count` letters mapped by `to_case`, the
 * rest kept; its length, 0 when it does not fit. */
static size_t recased(const char *w, size_t n, utf8proc_int32_t (*to_case)(utf8proc_int32_t),
                      size_t count, char *out, size_t room)
{
    size_t len = 0;
    for (size_t i = 0, k = 0; i < n; k++) {
        int32_t cp;
        size_t step = sl_utf8_next(w + i, n - i, &cp);
        utf8proc_uint8_t bytes[4];
        utf8proc_ssize_t m = cp < 0 ? 0 : utf8proc_encode_char(k < count ? to_case(cp) : cp, bytes);
        if (m <= 0 || len + (size_t)m > room)
            return 0;
        memcpy(out + len, bytes, (size_t)m);
        len += (size_t)m;
        i += step;
    }
    return len;
}

/* The forms of a word the literal search is to find. The search folds the
 * ASCII case of the first byte and compares the rest exactly, so a rule
 * that ignores case lists the word in lower case, capitalised (when its
 * first letter is not ASCII) and in capitals; a case-sensitive rule, as
 * written. */
static void append_forms(sl_buf *out, const char *w, size_t n, int caseless)
{
    if (!caseless) {
        append_word(out, w, n);
        return;
    }
    char lower[MAX_WORD_BYTES * 2], form[MAX_WORD_BYTES * 2];
    size_t lower_len = recased(w, n, utf8proc_tolower, SIZE_MAX, lower, sizeof lower);
    if (!lower_len) {
        append_word(out, w, n);
        return;
    }
    append_word(out, lower, lower_len);
    size_t m = recased(lower, lower_len, utf8proc_toupper, SIZE_MAX, form, sizeof form);
    if (m)
        append_word(out, form, m);
    if ((unsigned char)lower[0] >= 0x80 &&
        (m = recased(lower, lower_len, utf8proc_toupper, 1, form, sizeof form)) != 0)
        append_word(out, form, m);
}

char *sl_pattern_openings(const char *pattern, int caseless, int *oom)
{
    *oom = 0;
    opening_set set = {.n = 1, .items = {{.len = 0, .open = 1}}};
    size_t i = 0;
    parse_alternation(pattern, &i, &set);
    if (set.failed || pattern[i] != '\0')
        return NULL;
    for (size_t k = 0; k < set.n; k++)
        if (set.items[k].len < MIN_WORD_BYTES)
            return NULL;
    sl_buf out;
    sl_buf_init(&out, 0);
    for (size_t k = 0; k < set.n; k++)
        append_forms(&out, set.items[k].text, set.items[k].len, caseless);
    char *words = sl_buf_take(&out);
    *oom = !words;
    return words;
}
