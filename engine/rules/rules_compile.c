/* From rule text to PCRE2 code: {MACRO} expansion, readable spaces, JIT. */
#include <stdlib.h>
#include <string.h>

#include <solieu/limits.h>

#include "rules/rules_compile.h"

#define MAX_EXPANSION_DEPTH 16
#define MAX_PATTERN_BYTES (256u * 1024u)

static const sl_define *find_define(const sl_vec *defines, const char *name, size_t n)
{
    for (size_t i = defines->len; i-- > 0;) {
        const sl_define *d = sl_vec_at(defines, i);
        if (strlen(d->name) == n && strncmp(d->name, name, n) == 0)
            return d;
    }
    return NULL;
}

/* {NAME} with NAME upper case is a macro; {2,3} and \{ stay regex syntax.
 * A plain space outside a character class matches any run of white space,
 * so patterns read like the sentences they match. \d is an ASCII digit. */
static int expand(const char *src, const sl_vec *defines, sl_buf *out, int depth,
                  char **error)
{
    if (depth > MAX_EXPANSION_DEPTH) {
        *error = sl_printf("macros nest deeper than %d (a define uses itself?)",
                           MAX_EXPANSION_DEPTH);
        return -1;
    }
    int in_class = 0;
    for (size_t i = 0; src[i]; i++) {
        char c = src[i];
        if (c == '\\' && src[i + 1] == 'd') {
            /* Under PCRE2_UCP \d is any Unicode digit, which keeps PCRE2 from
             * knowing the bytes a match can start with (a pattern opening with
             * \d was tried at every byte). The number reader takes only ASCII
             * digits anyway. */
            sl_buf_puts(out, in_class ? "0-9" : "[0-9]");
            i++;
            continue;
        }
        if (c == '\\' && src[i + 1]) {
            /* \p{L}, \x{20}: the braces belong to the escape */
            size_t n = 2;
            if (src[i + 2] == '{' && ((src[i + 1] >= 'a' && src[i + 1] <= 'z') ||
                                      (src[i + 1] >= 'A' && src[i + 1] <= 'Z'))) {
                while (src[i + n] && src[i + n] != '}')
                    n++;
                if (src[i + n] == '}')
                    n++;
            }
            sl_buf_append(out, src + i, n);
            i += n - 1;
            continue;
        }
        if (in_class) {
            if (c == ']')
                in_class = 0;
            sl_buf_putc(out, c);
            continue;
        }
        if (c == '[') {
            in_class = 1;
            sl_buf_putc(out, c);
            if (src[i + 1] == ']' || (src[i + 1] == '^' && src[i + 2] == ']')) {
                /* a ']' first in a class is literal */
                size_t skip = src[i + 1] == '^' ? 2 : 1;
                sl_buf_append(out, src + i + 1, skip);
                i += skip;
            }
            continue;
        }
        if (c == ' ') {
            while (src[i + 1] == ' ')
                i++;
            sl_buf_puts(out, "(?:\\s+)");
            continue;
        }
        if (c == '{' && src[i + 1] >= 'A' && src[i + 1] <= 'Z') {
            size_t j = i + 1;
            while ((src[j] >= 'A' && src[j] <= 'Z') || (src[j] >= '0' && src[j] <= '9') ||
                   src[j] == '_')
                j++;
            if (src[j] == '}') {
                const sl_define *d = find_define(defines, src + i + 1, j - i - 1);
                if (!d) {
                    *error = sl_printf("unknown macro {%.*s}", (int)(j - i - 1), src + i + 1);
                    return -1;
                }
                sl_buf_puts(out, "(?:");
                if (expand(d->body, defines, out, depth + 1, error) != 0)
                    return -1;
                sl_buf_putc(out, ')');
                i = j;
                continue;
            }
        }
        sl_buf_putc(out, c);
    }
    if (out->len > MAX_PATTERN_BYTES) {
        *error = sl_printf("pattern expands to more than %u bytes", MAX_PATTERN_BYTES);
        return -1;
    }
    return out->failed ? -1 : 0;
}

static uint32_t rule_options(const sl_rule *r)
{
    /* patterns are checked for valid UTF-8 by PCRE2 itself, not trusted */
    uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES;
    return r->cased ? options : options | PCRE2_CASELESS;
}

/* Expands and compiles one more pattern of a rule that already compiled as
 * a whole, so it cannot fail but for memory; NULL then. */
static pcre2_code *compile_part(const sl_rule *r, const char *source, const sl_vec *defines,
                                uint32_t extra_options, int jit)
{
    char *error = NULL;
    sl_buf b;
    sl_buf_init(&b, 0);
    pcre2_code *code = NULL;
    if (expand(source, defines, &b, 0, &error) == 0 && b.data) {
        int errcode;
        PCRE2_SIZE off;
        code = pcre2_compile((PCRE2_SPTR)b.data, b.len, rule_options(r) | extra_options,
                             &errcode, &off, NULL);
        if (code && jit)
            (void)pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);
    }
    free(error);
    sl_buf_free(&b);
    return code;
}

/* The opening words of a pattern with its macros expanded: an alternative
 * that opens with one ("(?<qualifier>{RATING}) ...") opens with its words. */
static char *expanded_openings(const sl_rule *r, const char *source, const sl_vec *defines,
                               int *oom)
{
    char *error = NULL, *words = NULL;
    sl_buf b;
    sl_buf_init(&b, 0);
    *oom = 0;
    if (expand(source, defines, &b, 0, &error) == 0 && b.data)
        words = sl_pattern_openings(b.data, !r->cased, oom);
    else
        *oom = !error;
    free(error);
    sl_buf_free(&b);
    return words;
}

/* A name's groups in code, as PCRE2's name table lists them. */
static void group_numbers(const pcre2_code *code, const char *name, sl_group_numbers *out)
{
    out->all = 1;
    out->count = 0;
    PCRE2_SPTR first, last;
    if (!code || pcre2_substring_nametable_scan(code, (PCRE2_SPTR)name, &first, &last) < 0)
        return;
    uint32_t entry_size;
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    for (PCRE2_SPTR e = first; e <= last; e += entry_size) {
        if (out->count == SL_MAX_GROUPS_PER_NAME) {
            out->all = 0;
            return;
        }
        out->number[out->count++] = ((uint32_t)e[0] << 8) | e[1];
    }
}

/* The groups on_fact reads, looked up once. */
static void fact_groups(const pcre2_code *code, sl_fact_groups *g)
{
    group_numbers(code, "value", &g->value);
    group_numbers(code, "den", &g->den);
    group_numbers(code, "unit", &g->unit);
    group_numbers(code, "qualifier", &g->qualifier);
}

/* The alternatives of a rule that scan text, and so may be tried at their
 * opening words instead: a fact rule's that do not start with the number;
 * all of an ignore, period or header rule's (citation and relation rules
 * are the checker's, run once per report). */
static const char *scanning_source(const sl_rule *r)
{
    if (r->kind == SL_RULE_FACT)
        return r->scan_pattern;
    if (r->kind == SL_RULE_IGNORE || r->kind == SL_RULE_PERIOD || sl_rule_reads_header(r))
        return r->source;
    return NULL;
}

int sl_rule_compile_parts(sl_rule *r, const sl_vec *defines)
{
    if (!r->code)
        return 0;
    const char *scanning = scanning_source(r);
    int oom = 0;
    r->openings = scanning ? expanded_openings(r, scanning, defines, &oom) : NULL;
    if (oom)
        return -1;
    /* anchored when compiled, not when matched: PCRE2_ANCHORED given to
     * pcre2_match() turns JIT off and runs the interpreter */
    if (r->kind == SL_RULE_FACT && r->value_pattern &&
        !(r->code_value = compile_part(r, r->value_pattern, defines, PCRE2_ANCHORED, 1)))
        return -1;
    /* with opening words the anchored code does the work: the scanning code
     * is kept for a text whose words could not be found (out of memory),
     * without the cost of JIT compiling it */
    if (r->kind == SL_RULE_FACT && r->scan_pattern &&
        !(r->code_scan = compile_part(r, r->scan_pattern, defines, 0, !r->openings)))
        return -1;
    if (r->openings && !(r->code_open = compile_part(r, scanning, defines, PCRE2_ANCHORED, 1)))
        return -1;
    if (r->kind == SL_RULE_FACT) {
        fact_groups(r->code_value, &r->value_groups);
        fact_groups(r->code_scan, &r->scan_groups);
    }
    return 0;
}

/* The first of r's pattern lines that does not compile alone, with why in
 * *error (owned); NULL when each does (their alternation is what fails),
 * or when out of memory. */
static const sl_pattern_line *line_that_fails(const sl_rule *r, const sl_vec *defines, char **error)
{
    for (size_t i = 0; i < r->pattern_lines.len; i++) {
        const sl_pattern_line *written = sl_vec_at(&r->pattern_lines, i);
        sl_buf b;
        sl_buf_init(&b, 0);
        char *why = NULL;
        if (expand(written->text, defines, &b, 0, &why) != 0 || !b.data) {
            sl_buf_free(&b);
            if (why) {
                *error = why;
                return written;
            }
            return NULL;
        }
        int errcode;
        PCRE2_SIZE erroffset;
        pcre2_code *code =
            pcre2_compile((PCRE2_SPTR)b.data, b.len, rule_options(r), &errcode, &erroffset, NULL);
        if (code) {
            pcre2_code_free(code);
            sl_buf_free(&b);
            continue;
        }
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        *error = sl_printf("pattern does not compile: %s (at offset %zu of the expanded "
                           "pattern \"%.60s%s\")",
                           (const char *)msg, (size_t)erroffset, b.data, b.len > 60 ? "..." : "");
        sl_buf_free(&b);
        return written;
    }
    return NULL;
}

int sl_rule_compile(sl_rule *r, const sl_vec *defines, solieu_diagnostic_fn on_diag, void *user)
{
    char *error = NULL;
    const sl_pattern_line *failing = NULL;
    if (!r->pattern) {
        error = sl_printf("rule has no pattern");
        goto report;
    }
    sl_buf b;
    sl_buf_init(&b, 0);
    if (expand(r->pattern, defines, &b, 0, &error) != 0) {
        sl_buf_free(&b);
        if (!error)
            error = sl_printf("out of memory");
        goto report;
    }
    char *expanded = sl_buf_take(&b);
    if (!expanded)
        return -1;
    int errcode;
    PCRE2_SIZE erroffset;
    r->code = pcre2_compile((PCRE2_SPTR)expanded, PCRE2_ZERO_TERMINATED, rule_options(r),
                            &errcode, &erroffset, NULL);
    if (!r->code && (failing = line_that_fails(r, defines, &error)) != NULL) {
        free(expanded);
        goto report;
    }
    if (!r->code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        error = sl_printf("pattern does not compile: %s (at offset %zu of the expanded "
                          "pattern \"%.60s%s\")",
                          (const char *)msg, (size_t)erroffset, expanded,
                          strlen(expanded) > 60 ? "..." : "");
        free(expanded);
        goto report;
    }
    r->source = r->pattern;
    r->pattern = expanded;
    /* JIT is a speed-up only: without it the interpreter gives the same
     * answers. A fact rule's whole pattern only checks its examples: the
     * extractor runs its parts (sl_rule_compile_parts). */
    if (r->kind != SL_RULE_FACT)
        (void)pcre2_jit_compile(r->code, PCRE2_JIT_COMPLETE);
    return 0;

report:
    if (on_diag) {
        size_t line = failing ? failing->line : r->pattern_line ? r->pattern_line : r->line;
        size_t column = failing ? failing->column : r->pattern_column ? r->pattern_column : 1;
        solieu_diagnostic d = {
            SOLIEU_SEVERITY_ERROR,          SOLIEU_ERR_REGEX, r->file, line, column, r->id,
            error ? error : "out of memory"};
        on_diag(&d, user);
    }
    free(error);
    return 1;
}

static void set_byte(unsigned char *bits, unsigned b)
{
    bits[b >> 3] |= (unsigned char)(1u << (b & 7));
}

void sl_rule_follow_bytes(sl_rule *r, const sl_vec *defines)
{
    memset(r->follow_bytes, 0xFF, sizeof r->follow_bytes);
    if (!r->code_value || !r->follow || r->follow_unknown)
        return;
    unsigned char bits[32] = {0};
    for (const char *tail = r->follow; tail;) {
        const char *nl = strchr(tail, '\n');
        char *one = nl ? sl_strndup(tail, (size_t)(nl - tail)) : sl_strdup(tail);
        pcre2_code *code = one ? compile_part(r, one, defines, 0, 0) : NULL;
        free(one);
        uint32_t type = 0, unit = 0;
        const uint8_t *bitmap = NULL;
        if (code) {
            pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODETYPE, &type);
            pcre2_pattern_info(code, PCRE2_INFO_FIRSTCODEUNIT, &unit);
            pcre2_pattern_info(code, PCRE2_INFO_FIRSTBITMAP, &bitmap);
        }
        if (code && type == 1) {
            set_byte(bits, unit & 0xFF);
            if ((unit >= 'a' && unit <= 'z') || (unit >= 'A' && unit <= 'Z'))
                set_byte(bits, unit ^ 0x20);
        } else if (code && bitmap) {
            for (size_t k = 0; k < 32; k++)
                bits[k] |= bitmap[k];
        } else {
            pcre2_code_free(code);
            return; /* unknown: keep every byte */
        }
        pcre2_code_free(code);
        tail = nl ? nl + 1 : NULL;
    }
    memcpy(r->follow_bytes, bits, sizeof bits);
}

pcre2_match_context *sl_match_context_create(void)
{
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    if (!mc)
        return NULL;
    pcre2_set_match_limit(mc, SOLIEU_PCRE2_MATCH_LIMIT);
    pcre2_set_depth_limit(mc, SOLIEU_PCRE2_DEPTH_LIMIT);
    pcre2_set_heap_limit(mc, SOLIEU_PCRE2_HEAP_LIMIT_KIB);
    return mc;
}

/* Whether group took part in the last match, and then its span. */
static int group_took_part(pcre2_match_data *md, uint32_t group, size_t *start, size_t *end)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    if (group >= pcre2_get_ovector_count(md) || ov[2 * group] == PCRE2_UNSET)
        return 0;
    *start = ov[2 * group];
    *end = ov[2 * group + 1];
    return 1;
}

int sl_group_numbers_span(const sl_group_numbers *groups, const pcre2_code *code,
                          pcre2_match_data *md, const char *name, size_t *start, size_t *end)
{
    if (!groups->all)
        return sl_group_span(code, md, name, start, end);
    for (uint32_t k = 0; k < groups->count; k++)
        if (group_took_part(md, groups->number[k], start, end))
            return 1;
    return 0;
}

int sl_group_span(const pcre2_code *code, pcre2_match_data *md, const char *name, size_t *start,
                  size_t *end)
{
    PCRE2_SPTR first, last;
    int entry = pcre2_substring_nametable_scan(code, (PCRE2_SPTR)name, &first, &last);
    if (entry < 0)
        return 0;
    uint32_t entry_size;
    pcre2_pattern_info(code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    for (PCRE2_SPTR e = first; e <= last; e += entry_size)
        if (group_took_part(md, ((uint32_t)e[0] << 8) | e[1], start, end))
            return 1;
    return 0;
}
