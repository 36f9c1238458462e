/* Minimal assertions for unit tests: each failure prints file:line and the
 * test keeps going; main returns non-zero when anything failed. */
#ifndef SOLIEU_TEST_CHECK_H
#define SOLIEU_TEST_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int test_failures;
static int test_checks;

#define CHECK(cond)                                                                      \
    do {                                                                                 \
        test_checks++;                                                                   \
        if (!(cond)) {                                                                   \
            test_failures++;                                                             \
            fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);     \
        }                                                                                \
    } while (0)

#define CHECK_STR(got, want)                                                             \
    do {                                                                                 \
        const char *g_ = (got), *w_ = (want);                                            \
        test_checks++;                                                                   \
        if (!g_ || strcmp(g_, w_) != 0) {                                                \
            test_failures++;                                                             \
            fprintf(stderr, "%s:%d: got \"%s\", want \"%s\"\n", __FILE__, __LINE__,      \
                    g_ ? g_ : "(null)", w_);                                             \
        }                                                                                \
    } while (0)

#define CHECK_NEAR(got, want, tol)                                                       \
    do {                                                                                 \
        double g_ = (got), w_ = (want);                                                  \
        test_checks++;                                                                   \
        if (!(fabs(g_ - w_) <= (tol))) {                                                 \
            test_failures++;                                                             \
            fprintf(stderr, "%s:%d: got %.10g, want %.10g\n", __FILE__, __LINE__, g_, w_); \
        }                                                                                \
    } while (0)

#define TEST_MAIN_END()                                                                  \
    do {                                                                                 \
        printf("%d checks, %d failed\n", test_checks, test_failures);                    \
        return test_failures ? 1 : 0;                                                    \
    } while (0)

#endif
