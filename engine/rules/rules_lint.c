/* Warnings for patterns that will make scanning slow, in the manner of
 * YARA's "slowing down scanning": no literal to anchor on, nested
 * quantifiers, unbounded wildcards. */
#include <string.h>

#include "rules/rules_internal.h"

static void warn(solieu_diagnostic_fn fn, void *user, const sl_rule *r, const char *msg)
{
    if (fn) {
        solieu_diagnostic d = {SOLIEU_SEVERITY_WARNING, SOLIEU_OK, r->file,
                               r->pattern_line ? r->pattern_line : r->line,
                               r->pattern_column ? r->pattern_column : 1, r->id, msg};
        fn(&d, user);
    }
}

/* A quantified group whose body is itself quantified: (a+)+ and friends. */
static int nested_quantifier(const char *p)
{
    int depth = 0, inner[64] = {0};
    for (size_t i = 0; p[i]; i++) {
        char c = p[i];
        if (c == '\\' && p[i + 1]) {
            i++;
            continue;
        }
        if (c == '(' && depth < 63) {
            inner[++depth] = 0;
        } else if (c == ')' && depth > 0) {
            int had = inner[depth--];
            char q = p[i + 1];
            if (had && (q == '+' || q == '*'))
                return 1;
            if (depth > 0 && had)
                inner[depth] = 1;
        } else if ((c == '+' || c == '*') && depth > 0) {
            inner[depth] = 1;
        }
    }
    return 0;
}

/* The code the extractor runs over text position by position, or NULL when
 * it only ever tries the rule anchored: a fact rule's alternatives that
 * start with the number run where numbers start, and a rule with opening
 * words runs where they stand (a header rule's only when Hyperscan finds
 * them). */
static const pcre2_code *scanning_code(const solieu_rules *rules, const sl_rule *r)
{
    if (r->code_open && (!sl_rule_reads_header(r) || rules->header_words.hs_db))
        return NULL;
    if (r->kind == SL_RULE_COLUMN || r->kind == SL_RULE_TOPIC)
        return NULL; /* read only in a table's header cells or a list's head */
    return r->kind == SL_RULE_FACT ? r->code_scan : r->code;
}

size_t solieu_rules_lint(const solieu_rules *rules, solieu_diagnostic_fn on_warn, void *user)
{
    size_t warnings = 0;
    for (size_t i = 0; i < rules->rules.len; i++) {
        const sl_rule *r = sl_vec_at(&rules->rules, i);
        if (!r->code)
            continue;
        uint32_t first = 0, last = 0, min_length = 0, options = 0;
        const pcre2_code *scanning = scanning_code(rules, r);
        if (scanning) {
            pcre2_pattern_info(scanning, PCRE2_INFO_FIRSTCODETYPE, &first);
            pcre2_pattern_info(scanning, PCRE2_INFO_LASTCODETYPE, &last);
            pcre2_pattern_info(scanning, PCRE2_INFO_ALLOPTIONS, &options);
        }
        pcre2_pattern_info(r->code, PCRE2_INFO_MINLENGTH, &min_length);
        /* a pattern anchored at the start ("^...") is tried there only */
        if (scanning && first == 0 && last == 0 && !(options & PCRE2_ANCHORED)) {
            warn(on_warn, user, r, "no literal to anchor on: this pattern is tried at every "
                                   "position of the text");
            warnings++;
        }
        if (nested_quantifier(r->pattern)) {
            warn(on_warn, user, r, "nested quantifiers like (a+)+ can backtrack without end");
            warnings++;
        }
        if (strstr(r->pattern, ".*") || strstr(r->pattern, ".+") ||
            strstr(r->pattern, "[^.]*") || strstr(r->pattern, "\\S*")) {
            warn(on_warn, user, r, "unbounded wildcard: bound it, e.g. [^.;]{0,80}");
            warnings++;
        }
        if (min_length < 2 && r->kind != SL_RULE_COLUMN && r->kind != SL_RULE_TOPIC) {
            warn(on_warn, user, r, "the pattern can match one character or none");
            warnings++;
        }
    }
    return warnings;
}
