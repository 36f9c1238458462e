#ifndef SOLIEU_RULES_COMPILE_H
#define SOLIEU_RULES_COMPILE_H

#include "rules/rules_parse.h"

/* Expands macros and compiles r->pattern (replaced by its expansion).
 * Returns 0, 1 after reporting an error, or -1 when out of memory. */
int sl_rule_compile(sl_rule *r, const sl_vec *defines, solieu_diagnostic_fn on_diag, void *user);

/* Compiles a fact rule's value and scan alternatives apart, once the whole
 * rule compiled; -1 when out of memory. */
int sl_rule_compile_parts(sl_rule *r, const sl_vec *defines);
/* Fills r->follow_bytes from r->follow: the bytes PCRE2 says can start a
 * match of what follows the number. All bytes when that is unknown. */
void sl_rule_follow_bytes(sl_rule *r, const sl_vec *defines);

#endif
