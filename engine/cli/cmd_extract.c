/* solieu extract [-r RULES_DIR] [-o OUT.csv] [--check CHECKS.csv] [-j N] FILE...|- */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_util.h"
#include "commands.h"

typedef struct emit_ctx {
    solieu_csv_writer *w;
    solieu_checker *checker;
    const char *out_path;
    size_t failed;
    int write_failed;
} emit_ctx;

/* Each document's outcome, in input order: its facts written, its
 * relations checked, or its error reported. */
static int emit(const solieu_doc_result *r, void *user)
{
    emit_ctx *c = user;
    if (r->status != SOLIEU_OK) {
        fprintf(stderr, "%s\n", *r->error ? r->error : solieu_strerror(r->status));
        c->failed++;
        return 0;
    }
    if (*r->warnings)
        fputs(r->warnings, stderr);
    if (solieu_facts_write(c->w, r->facts, r->doc) != SOLIEU_OK) {
        fprintf(stderr, "solieu: %s: write error\n", c->out_path ? c->out_path : "stdout");
        c->write_failed = 1;
        return 1;
    }
    if (c->checker && solieu_checker_add(c->checker, r->doc, r->facts) != SOLIEU_OK) {
        fprintf(stderr, "solieu: %s: out of memory while checking\n", r->path);
        c->failed++;
    }
    return 0;
}

static int usage(void)
{
    fputs("usage: solieu extract [-r RULES_DIR] [-o OUT.csv] [--check CHECKS.csv] [-j N] FILE...\n"
          "       (FILE '-' reads a list of paths from standard input, one per line;\n"
          "        -j N extracts N documents at a time, output order unchanged)\n",
          stderr);
    return SOLIEU_EXIT_FATAL;
}

int solieu_cmd_extract(int argc, char **argv)
{
    const char *rules_dir = NULL, *out_path = NULL, *check_path = NULL;
    unsigned threads = 1;
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
        else if (strcmp(a, "-j") == 0 && i + 1 < argc) {
            char *end;
            long n = strtol(argv[++i], &end, 10);
            if (*end || n < 1 || n > 64) {
                fprintf(stderr, "solieu: extract: -j takes a number from 1 to 64\n");
                free(paths);
                return SOLIEU_EXIT_FATAL;
            }
            threads = (unsigned)n;
        }
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
    solieu_checker *checker = NULL;
    cli_output out = {0}, checks_out = {0};
    solieu_csv_writer *w = NULL;
    if (!rules)
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

    const char **all = malloc((npaths + nlisted) * sizeof *all);
    if (!all)
        goto cleanup;
    for (size_t i = 0; i < npaths + nlisted; i++)
        all[i] = i < npaths ? paths[i] : listed[i - npaths];
    emit_ctx ctx = {w, checker, out_path, 0, 0};
    solieu_status st = solieu_extract_paths(rules, all, npaths + nlisted, threads, emit, &ctx);
    free(all);
    if (st == SOLIEU_ERR_NOMEM)
        fprintf(stderr, "solieu: out of memory\n");
    if (st != SOLIEU_OK || ctx.write_failed)
        goto cleanup;
    size_t failed = ctx.failed;
    if (checker) {
        solieu_csv_writer *cw = solieu_csv_writer_create(checks_out.stream, 0);
        st = cw ? solieu_checker_write(checker, cw) : SOLIEU_ERR_NOMEM;
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
    solieu_rules_destroy(rules);
    free(paths);
    cli_free_path_list(listed, nlisted);
    return exit_code;
}
