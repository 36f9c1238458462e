#ifndef SOLIEU_RULES_PARSE_H
#define SOLIEU_RULES_PARSE_H

#include "rules/rules_internal.h"

typedef struct sl_define {
    char *name;
    char *body;
    const char *file;
    size_t line, column;
} sl_define;

/* Parses one rule file's text, appending sl_rule to `rules` and sl_define to
 * `defines`. Returns the number of errors reported through on_diag. */
int sl_rules_parse_file(const char *file, const char *text, size_t len, sl_vec *rules,
                        sl_vec *defines, solieu_diagnostic_fn on_diag, void *user);
const char *sl_rule_kind_name(sl_rule_kind kind);

#endif
