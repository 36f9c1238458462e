/* Helpers the unit tests that load the real rules share. */
#ifndef SOLIEU_TEST_SUPPORT_H
#define SOLIEU_TEST_SUPPORT_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <solieu.h>

#include "util/util.h"

/* The source tree's rules/vi: $SOLIEU_SOURCE_DIR (set by ctest), else found
 * from this file's own path. Caller-owned. */
static inline char *test_rules_dir(void)
{
    const char *root = getenv("SOLIEU_SOURCE_DIR");
    if (root && *root)
        return sl_printf("%s/rules/vi", root);
    const char *here = __FILE__;
    const char *cut = strstr(here, "tests/unit/");
    if (!cut)
        return sl_strdup("rules/vi");
    return sl_printf("%.*srules/vi", (int)(cut - here), here);
}

static inline void test_print_diag(const solieu_diagnostic *d, void *user)
{
    (void)user;
    fprintf(stderr, "%s:%zu:%zu: %s\n", d->file ? d->file : "?", d->line, d->column, d->message);
}

/* Loads the source tree's rules/vi into *rules; the status says whether. */
static inline solieu_status test_load_rules(solieu_rules **rules)
{
    char *dir = test_rules_dir();
    solieu_status st = dir ? solieu_rules_load(dir, test_print_diag, NULL, rules) : SOLIEU_ERR_NOMEM;
    free(dir);
    return st;
}

#endif
