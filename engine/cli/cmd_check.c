/* solieu check [-r RULES_DIR] [-o CHECKS.csv] FACTS.csv...
 * Relations are found in the reports themselves, so each document named by
 * the facts (its `path` column, else its name beside the CSV) is read again. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_util.h"
#include "commands.h"

/* The report a facts row came from: its path as written, else its base
 * name in the facts CSV's directory. Caller-owned. */
static char *find_document(const char *csv_path, const char *path, const char *doc)
{
    if (*path && access(path, R_OK) == 0)
        return strdup(path);
    const char *slash = strrchr(csv_path, '/');
    size_t n = strlen(csv_path) + strlen(doc) + 2;
    char *candidate = malloc(n);
    if (!candidate)
        return NULL;
    snprintf(candidate, n, "%.*s%s", slash ? (int)(slash - csv_path + 1) : 0, csv_path, doc);
    if (access(candidate, R_OK) == 0)
        return candidate;
    free(candidate);
    return NULL;
}

/* Checks every document of one facts CSV; returns the number that failed. */
static size_t check_table(solieu_checker *checker, const char *csv_path, const solieu_table *t)
{
    solieu_table_documents *docs = solieu_table_documents_create(t);
    if (!docs) {
        fprintf(stderr, "%s: %s\n", csv_path,
                solieu_table_column(t, "doc") < 0 ? "facts CSV has no doc column"
                                                  : solieu_strerror(SOLIEU_ERR_NOMEM));
        return 1;
    }
    size_t failed = 0;
    for (size_t k = 0; k < solieu_table_documents_count(docs); k++) {
        const char *doc_name = solieu_table_documents_name(docs, k);
        size_t nrows;
        const size_t *rows = solieu_table_documents_rows(docs, k, &nrows);
        char *path = find_document(csv_path, solieu_table_documents_path(docs, k), doc_name);
        if (!path) {
            fprintf(stderr,
                    "%s:%zu: %s: source document not found; check reads the reports the "
                    "facts came from\n",
                    csv_path, solieu_table_row_line(t, rows[0]), doc_name);
            failed++;
            continue;
        }
        solieu_document *doc = NULL;
        solieu_facts *facts = NULL;
        char *error = NULL;
        solieu_status st = solieu_document_load(path, &doc, &error);
        if (st == SOLIEU_OK)
            st = solieu_facts_from_rows(doc, t, rows, nrows, &facts, &error);
        if (st == SOLIEU_OK)
            st = solieu_checker_add(checker, doc, facts);
        if (st != SOLIEU_OK) {
            fprintf(stderr, "%s\n", error ? error : solieu_strerror(st));
            failed++;
        }
        solieu_free(error);
        solieu_facts_destroy(facts);
        solieu_document_destroy(doc);
        free(path);
    }
    solieu_table_documents_destroy(docs);
    return failed;
}

int solieu_cmd_check(int argc, char **argv)
{
    const char *rules_dir = NULL, *out_path = NULL;
    int first_input = 0, ninputs = 0;
    for (int i = 1; i < argc; i++) {
        if ((strcmp(argv[i], "-r") == 0 || strcmp(argv[i], "--rules") == 0) && i + 1 < argc)
            rules_dir = argv[++i];
        else if ((strcmp(argv[i], "-o") == 0 || strcmp(argv[i], "--output") == 0) && i + 1 < argc)
            out_path = argv[++i];
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "solieu: check: unknown option '%s'\n", argv[i]);
            return SOLIEU_EXIT_FATAL;
        } else {
            if (!ninputs)
                first_input = i;
            argv[first_input + ninputs++] = argv[i];
        }
    }
    if (!ninputs) {
        fputs("usage: solieu check [-r RULES_DIR] [-o CHECKS.csv] FACTS.csv...\n", stderr);
        return SOLIEU_EXIT_FATAL;
    }
    solieu_rules *rules = cli_load_rules(cli_rules_dir(rules_dir));
    if (!rules)
        return SOLIEU_EXIT_FATAL;
    int code = SOLIEU_EXIT_FATAL;
    solieu_checker *checker = solieu_checker_create(rules);
    cli_output out = {0};
    solieu_csv_writer *w = NULL;
    size_t failed = 0;
    if (!checker)
        goto cleanup;
    for (int i = 0; i < ninputs; i++) {
        const char *csv_path = argv[first_input + i];
        solieu_table *t = NULL;
        char *error = NULL;
        if (solieu_table_read(csv_path, &t, &error) != SOLIEU_OK) {
            fprintf(stderr, "%s\n", error ? error : "cannot read facts CSV");
            solieu_free(error);
            failed++;
            continue;
        }
        failed += check_table(checker, csv_path, t);
        solieu_table_destroy(t);
    }
    if (cli_output_open(&out, out_path) != 0)
        goto cleanup;
    w = solieu_csv_writer_create(out.stream, 0);
    if (!w || solieu_checker_write(checker, w) != SOLIEU_OK || cli_output_commit(&out) != 0) {
        cli_output_abort(&out);
        goto cleanup;
    }
    size_t fails;
    size_t rows = solieu_checker_rows(checker, &fails);
    fprintf(stderr, "solieu: %zu relations checked, %zu inconsistent\n", rows, fails);
    code = failed ? SOLIEU_EXIT_PARTIAL : SOLIEU_EXIT_OK;
cleanup:
    solieu_csv_writer_destroy(w);
    solieu_checker_destroy(checker);
    solieu_rules_destroy(rules);
    return code;
}
