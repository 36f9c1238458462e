/* A relation rule's examples are tests too: `example TEXT => pass` (or
 * `fail`, optionally `stated=N`) extracts facts from TEXT with the whole
 * rule set, checks them, and expects a row of this rule with that verdict;
 * `counter TEXT` expects no row of this rule. "\n" in TEXT breaks the line,
 * so an example can hold a footnote. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "check/check_internal.h"

static void report(solieu_diagnostic_fn fn, void *user, const sl_rule *r, const sl_example *e,
                   const char *msg)
{
    if (fn) {
        solieu_diagnostic d = {SOLIEU_SEVERITY_ERROR, SOLIEU_ERR_RULE, r->file, e->line, 1, r->id,
                               msg};
        fn(&d, user);
    }
}

/* Runs one example; returns a caller-owned failure message or NULL. */
static char *run_example(const solieu_rules *rules, const sl_rule *r, const sl_example *e)
{
    solieu_document *doc = NULL;
    solieu_facts *facts = NULL;
    solieu_extractor *ex = solieu_extractor_create(rules);
    solieu_checker *checker = solieu_checker_create(rules);
    char *error = NULL, *failure = NULL;
    /* "\n" in an example stands for a line break (a footnote's own line) */
    sl_buf text;
    sl_buf_init(&text, 0);
    for (const char *s = e->text; *s; s++) {
        if (s[0] == '\\' && s[1] == 'n') {
            sl_buf_putc(&text, '\n');
            s++;
        } else {
            sl_buf_putc(&text, *s);
        }
    }
    if (!ex || !checker || !text.data ||
        solieu_document_from_memory("example", text.data, text.len, &doc, &error) != SOLIEU_OK ||
        solieu_extract(ex, doc, &facts, &error) != SOLIEU_OK ||
        solieu_checker_add(checker, doc, facts) != SOLIEU_OK) {
        failure = sl_printf("example could not be checked: %s", error ? error : "out of memory");
        goto done;
    }
    /* the rule's row the example means: the one of its `stated=N` when it
     * names one (an example may make several rows), else the first */
    const char *stated_at = e->expect ? strstr(e->expect, "stated=") : NULL;
    double stated = stated_at ? strtod(stated_at + 7, NULL) : 0;
    const sl_check_row *found = NULL, *first = NULL;
    for (size_t i = 0; i < checker->rows.len && !found; i++) {
        const sl_check_row *row = sl_vec_at(&checker->rows, i);
        if (strcmp(row->rule, r->id) != 0)
            continue;
        if (!first)
            first = row;
        if (stated_at && fabs(strtod(row->stated, NULL) - stated) <= 1e-9)
            found = row;
    }
    if (!found)
        found = first;
    if (!e->expect) {
        if (found)
            failure = sl_printf("counter-example produced a %s row (%s)", found->check,
                                found->message);
        goto done;
    }
    if (!found) {
        failure = sl_printf("no %s row from this rule for \"%s\"", r->check, e->text);
        goto done;
    }
    char *expect = sl_strdup(e->expect);
    for (char *tok = expect ? strtok(expect, "; ") : NULL; tok && !failure;
         tok = strtok(NULL, "; ")) {
        if (strcmp(tok, "pass") == 0 || strcmp(tok, "fail") == 0) {
            if ((strcmp(tok, "pass") == 0) != found->pass)
                failure = sl_printf("expected %s, got %s: %s", tok, found->pass ? "pass" : "fail",
                                    found->message);
        } else if (strncmp(tok, "stated=", 7) == 0) {
            if (fabs(strtod(tok + 7, NULL) - strtod(found->stated, NULL)) > 1e-9)
                failure = sl_printf("expected stated %s, got %s", tok + 7, found->stated);
        } else {
            failure = sl_printf("unknown expectation '%s' (use pass, fail, stated=N)", tok);
        }
    }
    free(expect);
done:
    sl_buf_free(&text);
    free(error);
    solieu_facts_destroy(facts);
    solieu_document_destroy(doc);
    solieu_checker_destroy(checker);
    solieu_extractor_destroy(ex);
    return failure;
}

solieu_status solieu_check_rules_test(const solieu_rules *rules, solieu_diagnostic_fn on_fail,
                                      void *user, size_t *passed, size_t *failed)
{
    *passed = *failed = 0;
    for (size_t i = 0; i < sl_rules_kind_count(rules, SL_RULE_RELATION); i++) {
        const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_RELATION, i);
        for (size_t j = 0; j < r->examples.len; j++) {
            const sl_example *e = sl_vec_at(&r->examples, j);
            char *failure = run_example(rules, r, e);
            if (failure) {
                (*failed)++;
                report(on_fail, user, r, e, failure);
                free(failure);
            } else {
                (*passed)++;
            }
        }
    }
    return SOLIEU_OK;
}
