/* solieu bench --gold GOLD_DIR [-r RULES_DIR] [--csv OUT.csv] [-v] DOCS...
 * solieu bench --compare RULES_A RULES_B --gold GOLD_DIR [-v] DOCS...
 * The scoring, tallies and tables are in the library (solieu/bench.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <solieu.h>
#include <solieu/bench.h>

#include "cli_util.h"
#include "commands.h"

static int usage(void)
{
    fputs("usage: solieu bench --gold GOLD_DIR [-r RULES_DIR] [--csv OUT.csv] [-v] DOCS...\n"
          "       solieu bench --compare RULES_A RULES_B --gold GOLD_DIR [-v] DOCS...\n"
          "       (DOCS '-' reads a list of paths from standard input, one per line;\n"
          "        -v lists every miss and false positive)\n",
          stderr);
    return SOLIEU_EXIT_FATAL;
}

typedef struct bench_args {
    const char *gold_dir, *rules_dir, *csv_path, *rules_a, *rules_b;
    int verbose;
    char **paths;
    size_t npaths;
} bench_args;

/* Fills *a from argv; returns 0, or -1 after printing why. */
static int parse_args(int argc, char **argv, bench_args *a)
{
    size_t cap = 0;
    int from_stdin = 0;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if (strcmp(s, "--gold") == 0 && i + 1 < argc)
            a->gold_dir = argv[++i];
        else if ((strcmp(s, "-r") == 0 || strcmp(s, "--rules") == 0) && i + 1 < argc)
            a->rules_dir = argv[++i];
        else if (strcmp(s, "--csv") == 0 && i + 1 < argc)
            a->csv_path = argv[++i];
        else if (strcmp(s, "--compare") == 0 && i + 2 < argc) {
            a->rules_a = argv[++i];
            a->rules_b = argv[++i];
        } else if (strcmp(s, "-v") == 0 || strcmp(s, "--verbose") == 0)
            a->verbose = 1;
        else if (strcmp(s, "-") == 0)
            from_stdin = 1;
        else if (s[0] == '-' && s[1]) {
            fprintf(stderr, "solieu: bench: unknown option or missing argument '%s'\n", s);
            return -1;
        } else {
            if (a->npaths == cap) {
                cap = cap ? 2 * cap : 16;
                char **grown = realloc(a->paths, cap * sizeof *grown);
                if (!grown)
                    return -1;
                a->paths = grown;
            }
            a->paths[a->npaths++] = strdup(s);
            if (!a->paths[a->npaths - 1])
                return -1;
        }
    }
    if (from_stdin) {
        size_t n = 0;
        char **listed = cli_read_path_list(stdin, &n);
        char **grown = listed ? realloc(a->paths, (a->npaths + n + 1) * sizeof *grown) : NULL;
        if (!grown) {
            cli_free_path_list(listed, n);
            return -1;
        }
        a->paths = grown;
        memcpy(a->paths + a->npaths, listed, n * sizeof *listed);
        a->npaths += n;
        free(listed); /* the strings now belong to a->paths */
    }
    if (!a->gold_dir) {
        fputs("solieu: bench: --gold GOLD_DIR is required\n", stderr);
        return -1;
    }
    if (a->rules_a && (a->rules_dir || a->csv_path)) {
        fputs("solieu: bench: --compare takes its two rule directories; -r and --csv do not "
              "apply\n",
              stderr);
        return -1;
    }
    if (!a->npaths) {
        fputs("solieu: bench: no documents\n", stderr);
        return -1;
    }
    return 0;
}

static solieu_gold *load_gold(const char *dir)
{
    solieu_gold *gold = NULL;
    char *error = NULL;
    solieu_status st = solieu_gold_load(dir, &gold, &error);
    if (st != SOLIEU_OK)
        fprintf(stderr, "solieu: %s\n", error ? error : solieu_strerror(st));
    solieu_free(error);
    return gold;
}

/* Runs one document through a bench; prints its error unless `quiet`.
 * Returns 1 when the document failed. */
static int run_one(solieu_bench *b, const char *path, int quiet)
{
    char *error = NULL;
    solieu_status st = solieu_bench_run_file(b, path, &error);
    if (st != SOLIEU_OK && !quiet)
        fprintf(stderr, "%s\n", error ? error : solieu_strerror(st));
    solieu_free(error);
    return st != SOLIEU_OK;
}

/* Creates a bench over freshly loaded rules; NULL after printing why. */
static solieu_bench *bench_for(const char *rules_dir, const solieu_gold *gold, solieu_rules **rules)
{
    solieu_bench *b = NULL;
    *rules = cli_load_rules(cli_rules_dir(rules_dir));
    if (*rules && solieu_bench_create(*rules, gold, &b) != SOLIEU_OK)
        fputs("solieu: out of memory\n", stderr);
    return b;
}

static int write_csv(const solieu_bench *b, const char *path)
{
    cli_output out;
    if (cli_output_open(&out, path) != 0)
        return -1;
    solieu_csv_writer *w = solieu_csv_writer_create(out.stream, 0);
    solieu_status st = w ? solieu_bench_write_csv(b, w) : SOLIEU_ERR_NOMEM;
    solieu_csv_writer_destroy(w);
    if (st != SOLIEU_OK) {
        fprintf(stderr, "solieu: %s: %s\n", path, solieu_strerror(st));
        cli_output_abort(&out);
        return -1;
    }
    return cli_output_commit(&out);
}

static int run_gold(const bench_args *a, const solieu_gold *gold)
{
    solieu_rules *rules = NULL;
    solieu_bench *b = bench_for(a->rules_dir, gold, &rules);
    int code = SOLIEU_EXIT_FATAL;
    size_t failed = 0;
    if (!b)
        goto cleanup;
    for (size_t i = 0; i < a->npaths; i++)
        failed += run_one(b, a->paths[i], 0);
    if (solieu_bench_finish(b) != SOLIEU_OK) {
        fputs("solieu: out of memory\n", stderr);
        goto cleanup;
    }
    if (solieu_bench_print(b, stdout, a->verbose ? SOLIEU_BENCH_VERBOSE : 0) != SOLIEU_OK)
        goto cleanup;
    if (a->csv_path && write_csv(b, a->csv_path) != 0)
        goto cleanup;
    code = failed ? SOLIEU_EXIT_PARTIAL : SOLIEU_EXIT_OK;
cleanup:
    solieu_bench_destroy(b);
    solieu_rules_destroy(rules);
    return code;
}

static int run_compare(const bench_args *a, const solieu_gold *gold)
{
    solieu_rules *rules_a = NULL, *rules_b = NULL;
    solieu_bench *ba = bench_for(a->rules_a, gold, &rules_a);
    solieu_bench *bb = ba ? bench_for(a->rules_b, gold, &rules_b) : NULL;
    solieu_bench_diff *diff = NULL;
    int code = SOLIEU_EXIT_FATAL;
    size_t failed = 0;
    if (!ba || !bb)
        goto cleanup;
    solieu_bench_keep_facts(ba, 1);
    solieu_bench_keep_facts(bb, 1);
    /* document by document, A then B, so both see the same cache state */
    for (size_t i = 0; i < a->npaths; i++) {
        int fa = run_one(ba, a->paths[i], 0);
        failed += run_one(bb, a->paths[i], fa) || fa;
    }
    if (solieu_bench_finish(ba) != SOLIEU_OK || solieu_bench_finish(bb) != SOLIEU_OK ||
        solieu_bench_compare(ba, bb, &diff) != SOLIEU_OK) {
        fputs("solieu: out of memory\n", stderr);
        goto cleanup;
    }
    if (a->verbose) {
        printf("== A: %s\n", a->rules_a);
        solieu_bench_print(ba, stdout, SOLIEU_BENCH_VERBOSE);
        printf("== B: %s\n", a->rules_b);
        solieu_bench_print(bb, stdout, SOLIEU_BENCH_VERBOSE);
        puts("== B against A");
    }
    if (solieu_bench_diff_print(diff, stdout, a->rules_a, a->rules_b) != SOLIEU_OK)
        goto cleanup;
    code = failed ? SOLIEU_EXIT_PARTIAL : SOLIEU_EXIT_OK;
cleanup:
    solieu_bench_diff_destroy(diff);
    solieu_bench_destroy(ba);
    solieu_bench_destroy(bb);
    solieu_rules_destroy(rules_a);
    solieu_rules_destroy(rules_b);
    return code;
}

int solieu_cmd_bench(int argc, char **argv)
{
    bench_args a = {0};
    int code = SOLIEU_EXIT_FATAL;
    solieu_gold *gold = NULL;
    if (parse_args(argc, argv, &a) != 0) {
        code = usage();
        goto cleanup;
    }
    gold = load_gold(a.gold_dir);
    if (!gold)
        goto cleanup;
    code = a.rules_a ? run_compare(&a, gold) : run_gold(&a, gold);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fputs("solieu: standard output: write error\n", stderr);
        code = SOLIEU_EXIT_FATAL;
    }
cleanup:
    solieu_gold_destroy(gold);
    cli_free_path_list(a.paths, a.npaths);
    return code;
}
