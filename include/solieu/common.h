/* solieu: shared types — error codes, diagnostics, ownership helpers. */
#ifndef SOLIEU_COMMON_H
#define SOLIEU_COMMON_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define SOLIEU_API __attribute__((visibility("default")))
#else
#define SOLIEU_API
#endif

/* Every fallible public function returns one of these. */
typedef enum solieu_status {
    SOLIEU_OK = 0,
    SOLIEU_ERR_NOMEM,      /* an allocation failed */
    SOLIEU_ERR_IO,         /* a file could not be read or written */
    SOLIEU_ERR_UTF8,       /* input is not valid UTF-8 */
    SOLIEU_ERR_EMPTY,      /* input holds no text */
    SOLIEU_ERR_BINARY,     /* input looks like a binary file */
    SOLIEU_ERR_TOO_BIG,    /* input exceeds a limit in limits.h */
    SOLIEU_ERR_RULE,       /* a rule file is malformed */
    SOLIEU_ERR_REGEX,      /* a rule's pattern does not compile */
    SOLIEU_ERR_MATCH_LIMIT,/* PCRE2 hit its match, depth or heap limit */
    SOLIEU_ERR_CSV,        /* a CSV file is malformed or lacks columns */
    SOLIEU_ERR_USAGE,      /* a caller passed invalid arguments */
    SOLIEU_ERR_MATH,       /* a statistic could not be computed */
    SOLIEU_ERR_INTERNAL
} solieu_status;

/* A static English description of any status value, never NULL. */
SOLIEU_API const char *solieu_strerror(int status);

typedef enum solieu_severity {
    SOLIEU_SEVERITY_NOTE = 0,
    SOLIEU_SEVERITY_WARNING,
    SOLIEU_SEVERITY_ERROR
} solieu_severity;

/* A located message. Strings are borrowed: valid only during the callback
 * that receives the diagnostic, or until the object that holds it changes. */
typedef struct solieu_diagnostic {
    solieu_severity severity;
    solieu_status code;
    const char *file;    /* may be NULL */
    size_t line;         /* 1-based; 0 when unknown */
    size_t column;       /* 1-based byte column; 0 when unknown */
    const char *rule_id; /* may be NULL */
    const char *message;
} solieu_diagnostic;

typedef void (*solieu_diagnostic_fn)(const solieu_diagnostic *diag, void *user);

/* Frees memory that a solieu function documents as caller-owned. */
SOLIEU_API void solieu_free(void *ptr);

/* The library's version string, e.g. "0.1.0". */
SOLIEU_API const char *solieu_version(void);

#ifdef __cplusplus
}
#endif
#endif
