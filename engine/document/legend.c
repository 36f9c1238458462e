/* A report's own legend of abbreviations ("* Ghi chú viết tắt: ĐB: Đảng
 * bộ; KN: kết nạp; CNCT: công nhận đảng viên chính thức; ...", "(Viết
 * tắt: ĐV - đảng viên; CT - chính thức; ...)" under a title), read so
 * that a terse report ("KN: 05 ĐV; CNCT: 04 ĐV") says what it counts. */
#define _GNU_SOURCE /* memmem */
#include <stdlib.h>
#include <string.h>

#include "document/legend.h"
#include "util/util.h"

enum { MAX_SHORT = 12, MAX_LONG = 80, LEGEND_HEAD_GAP = 30, MAX_ABBREVIATIONS = 64 };

static int is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Whether s[0, n) may be an abbreviation: two bytes or more, no space,
 * and a capital letter (ASCII or "Đ") or a '/' ("đ/c") in it. */
static int short_form(const char *s, size_t n)
{
    if (n < 2 || n > MAX_SHORT)
        return 0;
    int marked = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_space(s[i]) || s[i] == ',' || s[i] == '.')
            return 0;
        marked |= (s[i] >= 'A' && s[i] <= 'Z') || s[i] == '/' ||
                  (i + 1 < n && (unsigned char)s[i] == 0xC4 && (unsigned char)s[i + 1] == 0x90);
    }
    return marked;
}

/* The long form in s[from, to): spaces and line breaks as one space, an
 * aside in parentheses dropped ("kiểm tra (trong mục KL là khiển trách)"),
 * NULL when empty or too long. */
static char *long_form(const char *s, size_t from, size_t to)
{
    char out[MAX_LONG + 1];
    size_t n = 0;
    int depth = 0;
    for (size_t i = from; i < to; i++) {
        char c = s[i];
        if (c == '(')
            depth++;
        else if (c == ')' && depth > 0)
            depth--;
        else if (depth == 0) {
            if (is_space(c)) {
                if (n > 0 && out[n - 1] != ' ')
                    out[n++] = ' ';
            } else
                out[n++] = c;
        }
        if (n >= MAX_LONG)
            return NULL;
    }
    while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '.'))
        n--;
    return n ? sl_strndup(out, n) : NULL;
}

/* Where the legend's entries begin: after "viết tắt" and the colon that
 * follows it; len when the report has none. */
static size_t legend_start(const char *s, size_t len)
{
    static const char head[] = "i\xE1\xBA\xBFt t\xE1\xBA\xAFt"; /* [Vv]iết tắt */
    const char *at = memmem(s, len, head, sizeof head - 1);
    while (at && (at == s || (at[-1] != 'v' && at[-1] != 'V')))
        at = memmem(at + 1, len - (size_t)(at + 1 - s), head, sizeof head - 1);
    if (!at)
        return len;
    size_t i = (size_t)(at - s) + sizeof head - 1, stop = i + LEGEND_HEAD_GAP;
    while (i < len && i < stop && s[i] != ':' && s[i] != '\n')
        i++;
    return i < len && s[i] == ':' ? i + 1 : len;
}

/* Where the short form of an entry that opens at s[i] ends and its long
 * form begins: at its colon ("KN: kết nạp") or dash ("KN - kết nạp", "KN
 * – kết nạp"); 0 when no entry opens there. */
static size_t separator_after(const char *s, size_t len, size_t i, size_t *long_from)
{
    static const char en_dash[] = " \xE2\x80\x93 "; /* " – " */
    for (size_t k = i; k < len && k - i <= MAX_SHORT && s[k] != '\n'; k++) {
        if (s[k] == ':') {
            *long_from = k + 1;
            return k;
        }
        if (k + 3 <= len && memcmp(s + k, " - ", 3) == 0) {
            *long_from = k + 3;
            return k;
        }
        if (k + 5 <= len && memcmp(s + k, en_dash, 5) == 0) {
            *long_from = k + 5;
            return k;
        }
    }
    return 0;
}

int sl_legend_read(const char *s, size_t len, sl_vec *out, size_t *at, size_t *end_at)
{
    sl_vec_init(out, sizeof(sl_abbreviation));
    size_t i = legend_start(s, len);
    *at = i;
    /* a legend in parentheses ("(Viết tắt: ĐV - đảng viên; ...)") ends
     * where they close */
    int parenthesised = i < len && memrchr(s + (i > LEGEND_HEAD_GAP ? i - LEGEND_HEAD_GAP : 0), '(',
                                           i > LEGEND_HEAD_GAP ? LEGEND_HEAD_GAP : i) != NULL;
    while (i < len && out->len < MAX_ABBREVIATIONS) {
        while (i < len && (is_space(s[i]) || s[i] == ';'))
            i++;
        size_t from, sep = separator_after(s, len, i, &from);
        if (!sep || !short_form(s + i, sep - i))
            break; /* the legend ends where no entry stands */
        size_t end = from;
        while (end < len && s[end] != ';' && !(parenthesised && s[end] == ')') &&
               !(s[end] == '\n' && end + 1 < len && s[end + 1] == '\n') &&
               !(parenthesised && s[end] == '\n'))
            end++;
        char *expansion = long_form(s, from, end);
        if (expansion) {
            sl_abbreviation *a = sl_vec_push(out);
            char *abbreviation = sl_strndup(s + i, sep - i);
            if (!a || !abbreviation) {
                free(expansion);
                free(abbreviation);
                return -1;
            }
            *a = (sl_abbreviation){abbreviation, expansion};
        }
        i = end;
        if (parenthesised && i < len && s[i] == ')')
            break;
    }
    *end_at = i;
    if (out->len < 2) /* one "X: y" is no legend */
        sl_legend_free(out);
    return 0;
}

void sl_legend_free(sl_vec *abbreviations)
{
    for (size_t k = 0; k < abbreviations->len; k++) {
        sl_abbreviation *a = sl_vec_at(abbreviations, k);
        free(a->short_form);
        free(a->long_form);
    }
    sl_vec_free(abbreviations);
}
