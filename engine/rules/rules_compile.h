#ifndef SOLIEU_RULES_COMPILE_H
#define SOLIEU_RULES_COMPILE_H

#include "rules/rules_parse.h"

/* Expands macros and compiles r->pattern (replaced by its expansion, the
 * text as written kept in r->source).
 * Returns 0, 1 after reporting an error, or -1 when out of memory. */
int sl_rule_compile(sl_rule *r, const sl_vec *defines, solieu_diagnostic_fn on_diag, void *user);

/* Once the whole rule compiled: a fact rule's value and scan alternatives
 * apart, and for rules that scan, their opening words and the scanning
 * alternatives anchored. -1 when out of memory. */
int sl_rule_compile_parts(sl_rule *r, const sl_vec *defines);
/* Fills r->follow_bytes from r->follow: the bytes PCRE2 says can start a
 * match of what follows the number. All bytes when that is unknown. */
void sl_rule_follow_bytes(sl_rule *r, const sl_vec *defines);

#endif
