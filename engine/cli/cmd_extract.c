/* solieu extract [-r RULES_DIR] [-o OUT.csv] [--check CHECKS.csv] FILE...|- */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_util.h"
#include "commands.h"

static int usage(void)
{
    fputs("usage: solieu extract [-r RULES_DIR] [-o OUT.csv] [--check CHECKS.csv] FILE...\n"
          "       (FILE '-' reads a list of paths from standard input, one per line)\n",
          stderr);
    return SOLIEU_EXIT_FATAL;
}

int solieu_cmd_extract(int argc, char **argv)
{
    const char *rules_dir = NULL, *out_path = NULL, *check_path = NULL;
    char **paths = NULL;
    size_t npaths = 0, cap = 0;
    int from_stdin = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if ((strcmp(a, "-r") == 0 || strcmp(a, "--rules") == 0) && i + 1 < argc)
            rules_dir = argv[++i];
        else if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) && i + 1 < argc)
            out_path = argv[++i];
        else if (strcmp(a, "--check") == 0 && i + 1 < argc)
            check_path = argv[++i];
        else if (strcmp(a, "-") == 0)
            from_stdin = 1;
        else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "solieu: extract: unknown option '%s'\n", a);
            free(paths);
            return usage();
        } else {
            if (npaths == cap) {
                cap = cap ? 2 * cap : 16;
                char **grown = realloc(paths, cap * sizeof *paths);
                if (!grown) {
                    free(paths);
                    return SOLIEU_EXIT_FATAL;
                }
                paths = grown;
            }
            paths[npaths++] = (char *)a;
        }
    }
    size_t nlisted = 0;
    char **listed = from_stdin ? cli_read_path_list(stdin, &nlisted) : NULL;
    if (npaths + nlisted == 0) {
        free(paths);
        cli_free_path_list(listed, nlisted);
        return usage();
    }

    int exit_code = SOLIEU_EXIT_FATAL;
    solieu_rules *rules = cli_load_rules(cli_rules_dir(rules_dir));
    solieu_extractor *ex = rules ? solieu_extractor_create(rules) : NULL;
    solieu_checker *checker = NULL;
    cli_output out = {0}, checks_out = {0};
    solieu_csv_writer *w = NULL;
    if (!ex)
        goto cleanup;
    if (check_path) {
        checker = solieu_checker_create(rules);
        if (!checker || cli_output_open(&checks_out, check_path) != 0)
            goto cleanup;
    }
    if (cli_output_open(&out, out_path) != 0)
        goto cleanup;
    w = solieu_csv_writer_create(out.stream, 0);
    if (!w || solieu_facts_write_header(w) != SOLIEU_OK)
        goto cleanup;

    size_t failed = 0;
    for (size_t i = 0; i < npaths + nlisted; i++) {
        const char *path = i < npaths ? paths[i] : listed[i - npaths];
        solieu_document *doc = NULL;
        solieu_facts *facts = NULL;
        char *error = NULL;
        solieu_status st = solieu_document_load(path, &doc, &error);
        if (st == SOLIEU_OK)
            st = solieu_extract(ex, doc, &facts, &error);
        if (st != SOLIEU_OK) {
            fprintf(stderr, "%s\n", error ? error : solieu_strerror(st));
            failed++;
        } else {
            const char *warnings = solieu_extractor_warnings(ex);
            if (*warnings)
                fputs(warnings, stderr);
            if (solieu_facts_write(w, facts, doc) != SOLIEU_OK) {
                solieu_free(error);
                solieu_facts_destroy(facts);
                solieu_document_destroy(doc);
                fprintf(stderr, "solieu: %s: write error\n", out_path ? out_path : "stdout");
                goto cleanup;
            }
            if (checker && solieu_checker_add(checker, doc, facts) != SOLIEU_OK) {
                fprintf(stderr, "solieu: %s: out of memory while checking\n", path);
                failed++;
            }
        }
        solieu_free(error);
        solieu_facts_destroy(facts);
        solieu_document_destroy(doc);
    }
    if (checker) {
        solieu_csv_writer *cw = solieu_csv_writer_create(checks_out.stream, 0);
        solieu_status st = cw ? solieu_checker_write(checker, cw) : SOLIEU_ERR_NOMEM;
        solieu_csv_writer_destroy(cw);
        if (st != SOLIEU_OK || cli_output_commit(&checks_out) != 0)
            goto cleanup;
    }
    if (solieu_csv_writer_status(w) != SOLIEU_OK || cli_output_commit(&out) != 0)
        goto cleanup;
    exit_code = failed ? SOLIEU_EXIT_PARTIAL : SOLIEU_EXIT_OK;

cleanup:
    if (exit_code == SOLIEU_EXIT_FATAL) {
        cli_output_abort(&out);
        cli_output_abort(&checks_out);
    }
    solieu_csv_writer_destroy(w);
    solieu_checker_destroy(checker);
    solieu_extractor_destroy(ex);
    solieu_rules_destroy(rules);
    free(paths);
    cli_free_path_list(listed, nlisted);
    return exit_code;
}
