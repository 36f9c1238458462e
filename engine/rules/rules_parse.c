/* Reading rule files: stanzas of `rule ID` / `define NAME = ...` with
 * indented attributes. Every problem is reported as file:line:col. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "rules/rules_parse.h"

static const char *const kind_names[SL_RULE_KIND_COUNT] = {
    "fact", "ignore", "period",    "entity",   "citation", "docdate",
    "date", "term",   "docnumber", "relation", "column",   "topic"};

typedef struct parser {
    const char *file;
    sl_vec *rules;
    sl_vec *defines;
    solieu_diagnostic_fn on_diag;
    void *user;
    int errors;
    sl_rule *current;
} parser;

static void report(parser *p, size_t line, size_t col, const char *message)
{
    p->errors++;
    if (p->on_diag) {
        solieu_diagnostic d = {SOLIEU_SEVERITY_ERROR, SOLIEU_ERR_RULE, p->file, line, col,
                               p->current ? p->current->id : NULL, message};
        p->on_diag(&d, p->user);
    }
}

static char *trim_dup(const char *s, size_t n)
{
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        n--;
    while (n && (*s == ' ' || *s == '\t')) {
        s++;
        n--;
    }
    return sl_strndup(s, n);
}

static int valid_name(const char *s, size_t n, int upper)
{
    if (!n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int ok = upper ? (isupper(c) || isdigit(c) || c == '_')
                       : (isalnum(c) || c == '_' || c == '-' || c == '.');
        if (!ok || (i == 0 && upper && !isupper(c)))
            return 0;
    }
    return 1;
}

static void start_define(parser *p, const char *s, size_t n, size_t line)
{
    p->current = NULL;
    size_t i = 6; /* after "define" */
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t name = i;
    while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '=')
        i++;
    size_t name_len = i - name;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (!valid_name(s + name, name_len, 1)) {
        report(p, line, name + 1, "define needs an upper-case NAME ([A-Z][A-Z0-9_]*)");
        return;
    }
    if (i >= n || s[i] != '=') {
        report(p, line, i + 1, "expected '=' after the define's name");
        return;
    }
    sl_define *d = sl_vec_push(p->defines);
    if (!d)
        return;
    d->name = sl_strndup(s + name, name_len);
    d->body = trim_dup(s + i + 1, n - i - 1);
    d->file = p->file;
    d->line = line;
    d->column = i + 2;
}

static void start_rule(parser *p, const char *s, size_t n, size_t line)
{
    size_t i = 4;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t id = i;
    while (i < n && s[i] != ' ' && s[i] != '\t')
        i++;
    p->current = NULL;
    if (!valid_name(s + id, i - id, 0)) {
        report(p, line, id + 1, "rule needs an id of letters, digits, '_', '-' or '.'");
        return;
    }
    sl_rule *r = sl_vec_push(p->rules);
    if (!r)
        return;
    r->id = sl_strndup(s + id, i - id);
    r->file = p->file;
    r->line = line;
    r->priority = 0;
    sl_vec_init(&r->examples, sizeof(sl_example));
    sl_vec_init(&r->pattern_lines, sizeof(sl_pattern_line));
    p->current = r;
}

static int add_example(parser *p, sl_rule *r, const char *v, size_t line, int counter)
{
    sl_example *e = sl_vec_push(&r->examples);
    if (!e)
        return -1;
    e->line = line;
    const char *arrow = counter ? NULL : strstr(v, "=>");
    if (!counter && !arrow) {
        report(p, line, 1, "example needs '=> expected values' (use counter for non-matches)");
        e->text = sl_strdup(v);
        return 0;
    }
    e->text = arrow ? trim_dup(v, (size_t)(arrow - v)) : sl_strdup(v);
    e->expect = arrow ? trim_dup(arrow + 2, strlen(arrow + 2)) : NULL;
    return 0;
}

/* Length of the lookbehind assertions a pattern opens with: "(?<=...)",
 * "(?<!...)". They look before the match, so the match still starts there. */
static size_t leading_lookbehinds(const char *s)
{
    size_t i = 0;
    while (strncmp(s + i, "(?<=", 4) == 0 || strncmp(s + i, "(?<!", 4) == 0) {
        int depth = 0;
        size_t k = i;
        for (; s[k]; k++) {
            if (s[k] == '\\' && s[k + 1]) {
                k++;
                continue;
            }
            if (s[k] == '[') { /* "(?<=[(:;]\x20)": a class's brackets are no group */
                size_t end = k + 1 + (s[k + 1] == '^');
                end += s[end] == ']'; /* a ']' first in a class is literal */
                while (s[end] && s[end] != ']')
                    end += (s[end] == '\\' && s[end + 1]) ? 2 : 1;
                if (!s[end])
                    return i;
                k = end;
                continue;
            }
            if (s[k] == '(')
                depth++;
            else if (s[k] == ')' && --depth == 0)
                break;
        }
        if (!s[k])
            return i;
        i = k + 1;
    }
    return i;
}

/* What follows the number macro a pattern starts with (after lookbehinds),
 * or NULL; *shapes gets the SL_SHAPE_* numbers that macro matches. */
static const char *starts_with_number(const char *pattern, unsigned *shapes)
{
    static const struct {
        const char *name;
        unsigned shapes;
    } macros[] = {
        {"{VALUE}", SL_SHAPE_PLAIN | SL_SHAPE_PERCENT},
        {"{VALUEW}", SL_SHAPE_PLAIN | SL_SHAPE_PERCENT | SL_SHAPE_WORDS},
        {"{PCTV}", SL_SHAPE_PERCENT},
        {"{FRAC}", SL_SHAPE_FRACTION},
    };
    const char *at = pattern + leading_lookbehinds(pattern);
    for (size_t k = 0; k < sizeof macros / sizeof macros[0]; k++)
        if (strncmp(at, macros[k].name, strlen(macros[k].name)) == 0) {
            *shapes = macros[k].shapes;
            return at + strlen(macros[k].name);
        }
    return NULL;
}

static int append_alternative(char **slot, const char *value)
{
    char *joined = *slot ? sl_printf("%s|%s", *slot, value) : sl_strdup(value);
    if (!joined)
        return -1;
    free(*slot);
    *slot = joined;
    return 0;
}

/* Several pattern lines are alternatives. Those that start with the number
 * are also kept apart (value_pattern, with what follows the number in
 * `follow`), so the extractor can try them only where a number starts. */
static int add_pattern(sl_rule *r, const char *value, size_t line, size_t column)
{
    if (!r->pattern) {
        r->pattern_line = line;
        r->pattern_column = column;
    }
    sl_pattern_line *written = sl_vec_push(&r->pattern_lines);
    if (!written || !(written->text = sl_strdup(value)))
        return -1;
    written->line = line;
    written->column = column;
    if (append_alternative(&r->pattern, value) != 0)
        return -1;
    unsigned shapes = 0;
    const char *tail = starts_with_number(value, &shapes);
    if (!tail)
        return append_alternative(&r->scan_pattern, value);
    r->number_shapes |= shapes;
    if (append_alternative(&r->value_pattern, value) != 0)
        return -1;
    if (*tail != ' ')
        r->follow_unknown = 1; /* a plain space there is the gap before the noun */
    else if (r->follow) {
        char *joined = sl_printf("%s\n%s", r->follow, tail + 1);
        if (!joined)
            return -1;
        free(r->follow);
        r->follow = joined;
    } else if (!(r->follow = sl_strdup(tail + 1))) {
        return -1;
    }
    return 0;
}

static void attribute(parser *p, const char *s, size_t n, size_t line)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t key = i;
    while (i < n && s[i] != ' ' && s[i] != '\t')
        i++;
    size_t key_len = i - key;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t value_col = i + 1;
    char *value = trim_dup(s + i, n - i);
    sl_rule *r = p->current;
    if (!value)
        return;
    if (!r) {
        report(p, line, key + 1, "attribute outside a rule (start one with 'rule ID')");
        free(value);
        return;
    }
#define KEY(k) (key_len == strlen(k) && strncmp(s + key, k, key_len) == 0)
    if (KEY("pattern")) {
        if (!*value)
            report(p, line, value_col, "empty pattern");
        else if (add_pattern(r, value, line, value_col) != 0)
            report(p, line, value_col, "out of memory");
    } else if (KEY("example") || KEY("counter")) {
        add_example(p, r, value, line, KEY("counter"));
    } else if (KEY("kind")) {
        int found = -1;
        for (int k = 0; k < SL_RULE_KIND_COUNT; k++)
            if (strcmp(value, kind_names[k]) == 0)
                found = k;
        if (found < 0)
            report(p, line, value_col, "unknown kind (fact, ignore, period, entity, citation, "
                                       "docdate, date, term, docnumber, relation)");
        else
            r->kind = (sl_rule_kind)found;
    } else if (KEY("metric") || KEY("unit") || KEY("qualifier") || KEY("check") ||
               KEY("parts") || KEY("trigger")) {
        char **slot = KEY("metric") ? &r->metric : KEY("unit") ? &r->unit
                      : KEY("qualifier") ? &r->qualifier : KEY("check") ? &r->check
                      : KEY("parts") ? &r->parts : &r->trigger;
        free(*slot);
        *slot = value;
        return;
    } else if (KEY("priority")) {
        char *end;
        long v = strtol(value, &end, 10);
        if (*end || end == value || v < -1000 || v > 1000)
            report(p, line, value_col, "priority must be a whole number from -1000 to 1000");
        r->priority = (int)v;
    } else if (KEY("where")) {
        if (strcmp(value, "any") == 0)
            r->where = SL_WHERE_ANY;
        else if (strcmp(value, "body") == 0)
            r->where = SL_WHERE_BODY;
        else if (strcmp(value, "footnote") == 0)
            r->where = SL_WHERE_FOOTNOTE;
        else if (strcmp(value, "heading") == 0 && r->kind == SL_RULE_PERIOD)
            r->where = SL_WHERE_HEADING;
        else
            report(p, line, value_col,
                   "where must be any, body or footnote (or heading, for a period rule)");
    } else if (KEY("reach")) {
        if (strcmp(value, "paragraph") == 0)
            r->paragraph_reach = 1;
        else if (strcmp(value, "clause") == 0)
            r->paragraph_reach = 0;
        else if (strcmp(value, "rest-of-clause") == 0)
            r->forward_only = 1;
        else if (strcmp(value, "figure-before") == 0)
            r->figure_before = 1;
        else if (strcmp(value, "figure-after") == 0)
            r->figure_after = 1;
        else if (strcmp(value, "sentence") == 0)
            r->sentence_reach = 1;
        else
            report(p, line, value_col,
                   "reach must be paragraph, sentence, clause, rest-of-clause, figure-before or "
                   "figure-after");
    } else if (KEY("overlap")) {
        if (strcmp(value, "yes") == 0)
            r->overlap = 1;
        else if (strcmp(value, "no") == 0)
            r->overlap = 0;
        else
            report(p, line, value_col, "overlap must be yes or no");
    } else if (KEY("stock")) {
        if (strcmp(value, "yes") == 0)
            r->stock = 1;
        else if (strcmp(value, "no") == 0)
            r->stock = 0;
        else
            report(p, line, value_col, "stock must be yes or no");
    } else if (KEY("case")) {
        if (strcmp(value, "sensitive") == 0)
            r->cased = 1;
        else if (strcmp(value, "insensitive") == 0)
            r->cased = 0;
        else
            report(p, line, value_col, "case must be sensitive or insensitive");
    } else {
        char *msg = sl_printf("unknown attribute '%.*s'", (int)key_len, s + key);
        report(p, line, key + 1, msg ? msg : "unknown attribute");
        free(msg);
    }
#undef KEY
    free(value);
}

int sl_rules_parse_file(const char *file, const char *text, size_t len, sl_vec *rules,
                        sl_vec *defines, solieu_diagnostic_fn on_diag, void *user)
{
    parser p = {file, rules, defines, on_diag, user, 0, NULL};
    size_t line = 0;
    for (size_t i = 0; i < len;) {
        size_t end = i;
        while (end < len && text[end] != '\n')
            end++;
        line++;
        const char *s = text + i;
        size_t n = end - i;
        if (n && s[n - 1] == '\r')
            n--;
        size_t k = 0;
        while (k < n && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k == n || s[k] == '#') {
            /* blank or comment */
        } else if (k == 0 && n >= 7 && strncmp(s, "define", 6) == 0 &&
                   (s[6] == ' ' || s[6] == '\t')) {
            start_define(&p, s, n, line);
        } else if (k == 0 && n >= 5 && strncmp(s, "rule", 4) == 0 &&
                   (s[4] == ' ' || s[4] == '\t')) {
            start_rule(&p, s, n, line);
        } else if (k == 0) {
            report(&p, line, 1, "expected 'rule ID', 'define NAME = ...', an indented "
                                "attribute or a # comment");
        } else {
            attribute(&p, s, n, line);
        }
        i = end + 1;
    }
    return p.errors;
}

const char *sl_rule_kind_name(sl_rule_kind kind)
{
    return (unsigned)kind < SL_RULE_KIND_COUNT ? kind_names[kind] : "?";
}
