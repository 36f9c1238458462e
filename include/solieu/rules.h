/* solieu: rule sets — loaded from rules/<lang>/NAME.rules, compiled once with
 * PCRE2 JIT, immutable afterwards and shareable between threads.
 * The file format is documented in rules/README.md. */
#ifndef SOLIEU_RULES_H
#define SOLIEU_RULES_H

#include <stddef.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct solieu_rules solieu_rules;

/* Loads and compiles every NAME.rules file of `dir` (sorted by name). Each
 * problem goes to `on_diag` (may be NULL) with its file, line, column and
 * code (SOLIEU_ERR_REGEX for a pattern that does not compile). Returns
 * SOLIEU_OK with a caller-owned *out (solieu_rules_destroy); SOLIEU_ERR_IO
 * when the directory or a file cannot be read; SOLIEU_ERR_RULE for any
 * problem inside the rule files; *out is then NULL. */
SOLIEU_API solieu_status solieu_rules_load(const char *dir, solieu_diagnostic_fn on_diag,
                                           void *user, solieu_rules **out);
SOLIEU_API void solieu_rules_destroy(solieu_rules *rules);

SOLIEU_API size_t solieu_rules_count(const solieu_rules *rules);
SOLIEU_API const char *solieu_rules_id(const solieu_rules *rules, size_t index);
/* A hex digest of every rule file's bytes: changes when any rule changes. */
SOLIEU_API const char *solieu_rules_digest(const solieu_rules *rules);

/* Runs every rule's `example` and `counter` lines, except those of relation
 * rules, which need extraction and checking (solieu_check_rules_test). Each
 * failure goes to `on_fail` (may be NULL) located at the example's line. */
SOLIEU_API solieu_status solieu_rules_test(const solieu_rules *rules, solieu_diagnostic_fn on_fail,
                                           void *user, size_t *passed, size_t *failed);

/* Warns about patterns likely to be slow: no literal to anchor on, nested
 * quantifiers, unbounded wildcards. Returns the number of warnings. */
SOLIEU_API size_t solieu_rules_lint(const solieu_rules *rules, solieu_diagnostic_fn on_warn,
                                    void *user);

#ifdef __cplusplus
}
#endif
#endif
