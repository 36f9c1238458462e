/* Fuzz target: the rule-file parser. The input is written into a private
 * directory as x.rules and loaded with solieu_rules_load (parse, macros,
 * PCRE2 compile); a set that loads also runs its examples and the linter. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <solieu.h>

#include "fuzz.h"

static char dir[4096];
static char file[4200];

static void remove_dir(void)
{
    unlink(file);
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0]) {
        /* $TMPDIR: run-fuzzers points it into build-fuzz/, where the
         * directories of crashed processes (no atexit) are out of the way */
        const char *tmp = getenv("TMPDIR");
        snprintf(dir, sizeof dir, "%s/solieu-fuzz-rules-XXXXXX", tmp && *tmp ? tmp : "/tmp");
        if (!mkdtemp(dir))
            abort();
        snprintf(file, sizeof file, "%s/x.rules", dir);
        atexit(remove_dir);
    }
    FILE *f = fopen(file, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    if (fclose(f) != 0)
        abort();
    solieu_rules *rules = NULL;
    solieu_status st = solieu_rules_load(dir, NULL, NULL, &rules);
    FUZZ_ASSERT((st == SOLIEU_OK) == (rules != NULL));
    if (rules) {
        size_t n = solieu_rules_count(rules);
        for (size_t i = 0; i < n; i++)
            FUZZ_ASSERT(solieu_rules_id(rules, i) != NULL);
        FUZZ_ASSERT(solieu_rules_digest(rules) != NULL);
        size_t passed = 0, failed = 0;
        (void)solieu_rules_test(rules, NULL, NULL, &passed, &failed);
        (void)solieu_rules_lint(rules, NULL, NULL);
    }
    solieu_rules_destroy(rules);
    return 0;
}
