/* solieu rules test|lint [-r RULES_DIR] [--fail-on-warnings] */
#include <stdio.h>
#include <string.h>

#include "cli_util.h"
#include "commands.h"

int solieu_cmd_rules(int argc, char **argv)
{
    const char *rules_dir = NULL, *action = NULL;
    int fail_on_warnings = 0;
    for (int i = 1; i < argc; i++) {
        if ((strcmp(argv[i], "-r") == 0 || strcmp(argv[i], "--rules") == 0) && i + 1 < argc)
            rules_dir = argv[++i];
        else if (strcmp(argv[i], "--fail-on-warnings") == 0)
            fail_on_warnings = 1;
        else if (!action && (strcmp(argv[i], "test") == 0 || strcmp(argv[i], "lint") == 0))
            action = argv[i];
        else {
            fprintf(stderr, "solieu: rules: unexpected argument '%s'\n", argv[i]);
            action = NULL;
            break;
        }
    }
    if (!action) {
        fputs("usage: solieu rules test|lint [-r RULES_DIR] [--fail-on-warnings]\n", stderr);
        return SOLIEU_EXIT_FATAL;
    }
    solieu_rules *rules = cli_load_rules(cli_rules_dir(rules_dir));
    if (!rules)
        return SOLIEU_EXIT_FATAL;
    int code = SOLIEU_EXIT_OK;
    if (strcmp(action, "test") == 0) {
        size_t passed, failed, rel_passed, rel_failed;
        solieu_rules_test(rules, cli_print_diagnostic, NULL, &passed, &failed);
        solieu_check_rules_test(rules, cli_print_diagnostic, NULL, &rel_passed, &rel_failed);
        passed += rel_passed;
        failed += rel_failed;
        printf("%zu passed, %zu failed\n", passed, failed);
        code = failed ? SOLIEU_EXIT_PARTIAL : SOLIEU_EXIT_OK;
    } else {
        size_t warnings = solieu_rules_lint(rules, cli_print_diagnostic, NULL);
        printf("%zu rules, %zu warnings\n", solieu_rules_count(rules), warnings);
        code = (warnings && fail_on_warnings) ? SOLIEU_EXIT_PARTIAL : SOLIEU_EXIT_OK;
    }
    solieu_rules_destroy(rules);
    return code;
}
