/* A rule's examples are its tests: `example TEXT => 41; 37` must yield those
 * values from the `value` group, in order (or name=text for other groups);
 * `counter TEXT` must not be found: no match, or none of the rule's triggers
 * in it (the extractor never tries the rule there). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <solieu/number.h>

#include "rules/rules_internal.h"

static void fail(solieu_diagnostic_fn fn, void *user, const sl_rule *r, const sl_example *e,
                 const char *msg)
{
    if (fn) {
        solieu_diagnostic d = {
            SOLIEU_SEVERITY_ERROR, SOLIEU_ERR_RULE, r->file, e->line, 1, r->id, msg};
        fn(&d, user);
    }
}

static int same_value(const char *got, size_t n, const char *want)
{
    solieu_number a, b;
    if (solieu_number_parse(got, n, &a) == SOLIEU_OK && a.consumed == n &&
        solieu_number_parse(want, strlen(want), &b) == SOLIEU_OK && b.consumed == strlen(want))
        return fabs(a.value - b.value) < 1e-9;
    char *end;
    double w = strtod(want, &end);
    if (*want && !*end && solieu_number_parse(got, n, &a) == SOLIEU_OK && a.consumed == n)
        return fabs(a.value - w) < 1e-9;
    return strlen(want) == n && strncmp(got, want, n) == 0;
}

/* The extractor tries a rule with opening words only where one of them
 * stands (rules/openings.h): every match the rule's scanning alternatives
 * find in the example must start at one. Returns a caller-owned failure
 * message or NULL. */
static char *check_openings(const solieu_rules *rules, const sl_rule *r, const char *s, size_t len,
                            pcre2_match_data *md, pcre2_match_context *mc)
{
    const pcre2_code *scanning = r->kind == SL_RULE_FACT ? r->code_scan : r->code;
    if (!r->code_open || !scanning)
        return NULL;
    sl_vec triggers, openings;
    sl_vec_init(&triggers, sizeof(sl_trigger_hit));
    sl_vec_init(&openings, sizeof(sl_trigger_hit));
    char *failure = NULL;
    const sl_triggers *words = sl_rules_words_for(rules, r);
    if (sl_triggers_find(words, NULL, s, len, &triggers, &openings) != 0)
        failure = sl_printf("out of memory");
    for (size_t at = 0; !failure && at <= len;) {
        if (pcre2_match(scanning, (PCRE2_SPTR)s, len, at, 0, md, mc) < 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        int opens = 0;
        for (size_t k = 0; k < openings.len && !opens; k++) {
            const sl_trigger_hit *h = sl_vec_at(&openings, k);
            opens = h->pos == ov[0] && sl_trigger_in_group(words, r->opening_group, h->word);
        }
        if (!opens)
            failure = sl_printf("the match \"%.*s\" opens with none of the words the rule is tried "
                                "at (%s): write the opening word in lower case, capitals or "
                                "capitalised",
                                (int)(ov[1] - ov[0]), s + ov[0], r->openings);
        at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    sl_vec_free(&triggers);
    sl_vec_free(&openings);
    return failure;
}

/* Checks one example; returns a caller-owned failure message or NULL. */
static char *run_example(const solieu_rules *rules, const sl_rule *r, const sl_example *e,
                         pcre2_match_data *md, pcre2_match_context *mc)
{
    const char *s = e->text;
    size_t len = strlen(s), at = 0;
    int matches = 0;
    sl_buf got;
    sl_buf_init(&got, 4096);
    char *expect = e->expect ? sl_strdup(e->expect) : NULL;
    char *cursor = expect, *failure = NULL;
    while (at <= len) {
        int rc = pcre2_match(r->code, (PCRE2_SPTR)s, len, at, 0, md, mc);
        if (rc == PCRE2_ERROR_NOMATCH)
            break;
        if (rc < 0) {
            failure = sl_printf("matching the example failed (PCRE2 error %d)", rc);
            goto done;
        }
        matches++;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        size_t vs, ve;
        if (sl_group_span(r->code, md, "value", &vs, &ve))
            sl_buf_printf(&got, "%s%.*s", got.len ? "; " : "", (int)(ve - vs), s + vs);
        at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    if (!expect) {
        if (matches && sl_rule_trigger_at(r, s, len) != (size_t)-1)
            failure = sl_printf("counter-example matched: \"%s\"", s);
        goto done;
    }
    if (!matches) {
        failure = sl_printf("example does not match: \"%s\"", s);
        goto done;
    }
    /* the extractor tries a rule only in the sentences that hold a trigger */
    if (sl_rule_trigger_at(r, s, len) == (size_t)-1) {
        failure =
            sl_printf("example holds none of the rule's triggers (%s): \"%s\"", r->trigger, s);
        goto done;
    }
    if ((failure = check_openings(rules, r, s, len, md, mc)) != NULL)
        goto done;
    /* compare expectations; re-run the first match for name=value groups */
    pcre2_match(r->code, (PCRE2_SPTR)s, len, 0, 0, md, mc);
    size_t nth = 0;
    const char *values = got.data ? got.data : "";
    for (char *tok = strtok(cursor, ";"); tok; tok = strtok(NULL, ";")) {
        while (*tok == ' ')
            tok++;
        char *end = tok + strlen(tok);
        while (end > tok && end[-1] == ' ')
            *--end = '\0';
        char *eq = strchr(tok, '=');
        if (eq) {
            *eq = '\0';
            size_t gs, ge;
            if (!sl_group_span(r->code, md, tok, &gs, &ge)) {
                failure = sl_printf("group '%s' did not match in \"%s\"", tok, s);
                goto done;
            }
            if (!same_value(s + gs, ge - gs, eq + 1)) {
                failure = sl_printf("group '%s' gave \"%.*s\", expected \"%s\"", tok,
                                    (int)(ge - gs), s + gs, eq + 1);
                goto done;
            }
            continue;
        }
        /* the nth value captured */
        const char *v = values;
        for (size_t k = 0; k < nth && v; k++) {
            v = strstr(v, "; ");
            if (v)
                v += 2;
        }
        if (!v || !*v) {
            failure = sl_printf("expected value %s but the rule captured only \"%s\"", tok, values);
            goto done;
        }
        const char *vend = strstr(v, "; ");
        size_t vn = vend ? (size_t)(vend - v) : strlen(v);
        if (!same_value(v, vn, tok)) {
            failure = sl_printf("captured \"%.*s\" where %s was expected (all: \"%s\")", (int)vn, v,
                                tok, values);
            goto done;
        }
        nth++;
    }
done:
    free(expect);
    sl_buf_free(&got);
    return failure;
}

solieu_status solieu_rules_test(const solieu_rules *rules, solieu_diagnostic_fn on_fail, void *user,
                                size_t *passed, size_t *failed)
{
    *passed = *failed = 0;
    pcre2_match_context *mc = sl_match_context_create();
    pcre2_match_data *md = pcre2_match_data_create(64, NULL);
    if (!mc || !md) {
        pcre2_match_context_free(mc);
        pcre2_match_data_free(md);
        return SOLIEU_ERR_NOMEM;
    }
    for (size_t i = 0; i < rules->rules.len; i++) {
        const sl_rule *r = sl_vec_at(&rules->rules, i);
        if (r->kind == SL_RULE_RELATION)
            continue; /* see solieu_check_rules_test */
        for (size_t j = 0; r->code && j < r->examples.len; j++) {
            const sl_example *e = sl_vec_at(&r->examples, j);
            char *failure = run_example(rules, r, e, md, mc);
            if (failure) {
                (*failed)++;
                fail(on_fail, user, r, e, failure);
                free(failure);
            } else {
                (*passed)++;
            }
        }
    }
    pcre2_match_data_free(md);
    pcre2_match_context_free(mc);
    return SOLIEU_OK;
}
