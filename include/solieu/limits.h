/* Every cap the engine enforces lives here, so a reviewer sees them at once. */
#ifndef SOLIEU_LIMITS_H
#define SOLIEU_LIMITS_H

/* Largest document read; a bigger one is refused with SOLIEU_ERR_TOO_BIG. */
#define SOLIEU_MAX_DOCUMENT_BYTES (256u * 1024u * 1024u)
/* Largest rule file. */
#define SOLIEU_MAX_RULE_FILE_BYTES (4u * 1024u * 1024u)
/* A paragraph longer than this is scanned in windows of this size. */
#define SOLIEU_MAX_WINDOW_BYTES (64u * 1024u)
/* PCRE2 limits per match call: a runaway pattern fails fast, it never hangs. */
#define SOLIEU_PCRE2_MATCH_LIMIT 200000u
#define SOLIEU_PCRE2_DEPTH_LIMIT 5000u
#define SOLIEU_PCRE2_HEAP_LIMIT_KIB 8192u
/* Largest CSV field and row count read back by check/aggregate. */
#define SOLIEU_MAX_CSV_FIELD_BYTES (1u * 1024u * 1024u)
/* How far a sentence or clause is looked for around a number: text without
 * a full stop for longer than this (a 50 MB line) is cut into pieces of
 * this size, so the work per number stays bounded. */
#define SOLIEU_MAX_SENTENCE_BYTES 4096u
/* Context snippet around a fact, in bytes on each side. */
#define SOLIEU_CONTEXT_BYTES 60u

#endif
