/* solieu aggregate: arguments in, messages out; the work is in the library
 * (solieu/aggregate.h). */
#include <stdio.h>
#include <string.h>

#include <solieu/aggregate.h>
#include <solieu/common.h>
#include <solieu/csv.h>

#include "commands.h"

static void usage(FILE *out)
{
    fputs("usage: solieu aggregate [-o DIR] [--excel] [--derive NAME=A/B]... FACTS.csv...\n"
          "\n"
          "Reads facts CSVs ('-' for standard input) and writes series.csv, table.csv,\n"
          "stats.csv and documents.csv into DIR (default '.', created when missing).\n"
          "\n"
          "  -o, --output DIR        output directory\n"
          "  --excel                 UTF-8 BOM and CRLF line ends, for Excel\n"
          "  --derive NAME=A/B       add series NAME = 100*A/B (unit %) per entity and year;\n"
          "                          may be repeated\n"
          "\n"
          "exit status: 0 ok, 1 some input file or row was skipped, 2 usage or fatal error\n",
          out);
}

static void on_warning(const solieu_diagnostic *d, void *user)
{
    (void)user;
    fprintf(stderr, "solieu: %s:%zu: warning: %s\n", d->file ? d->file : "-", d->line, d->message);
}

/* Prints "solieu: message" and frees the message. */
static void report(char *message, solieu_status status)
{
    fprintf(stderr, "solieu: %s\n", message ? message : solieu_strerror(status));
    solieu_free(message);
}

/* Value of an option given as "--opt VALUE" or "--opt=VALUE"; NULL when
 * argv[*i] is not that option. */
static const char *option_value(int argc, char **argv, int *i, const char *name,
                                const char *short_name, int *missing)
{
    const char *arg = argv[*i];
    size_t n = strlen(name);
    if (strncmp(arg, name, n) == 0 && arg[n] == '=')
        return arg + n + 1;
    if (strcmp(arg, name) != 0 && !(short_name && strcmp(arg, short_name) == 0))
        return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

int solieu_cmd_aggregate(int argc, char **argv)
{
    const char *dir = ".";
    unsigned flags = 0;
    int n_inputs = 0; /* inputs are moved to argv[1..n_inputs] as they are met */
    int only_inputs = 0;
    solieu_aggregate *agg = NULL;
    char *error = NULL;
    int rc = SOLIEU_EXIT_FATAL;

    if (solieu_aggregate_create(&agg) != SOLIEU_OK) {
        report(NULL, SOLIEU_ERR_NOMEM);
        return SOLIEU_EXIT_FATAL;
    }
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *value;
        int missing = 0;
        if (only_inputs || arg[0] != '-' || arg[1] == '\0') {
            argv[++n_inputs] = argv[i];
        } else if (strcmp(arg, "--") == 0) {
            only_inputs = 1;
        } else if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
            usage(stdout);
            rc = fclose(stdout) == 0 ? SOLIEU_EXIT_OK : SOLIEU_EXIT_FATAL;
            goto done;
        } else if (strcmp(arg, "--excel") == 0) {
            flags |= SOLIEU_CSV_EXCEL;
        } else if ((value = option_value(argc, argv, &i, "--output", "-o", &missing))) {
            dir = value;
        } else if ((value = option_value(argc, argv, &i, "--derive", NULL, &missing))) {
            solieu_status st = solieu_aggregate_add_derive(agg, value, &error);
            if (st != SOLIEU_OK) {
                report(error, st);
                goto done;
            }
        } else if (missing) {
            fprintf(stderr, "solieu: aggregate: option %s needs a value\n", arg);
            usage(stderr);
            goto done;
        } else {
            fprintf(stderr, "solieu: aggregate: unknown option '%s'\n", arg);
            usage(stderr);
            goto done;
        }
    }
    if (!n_inputs) {
        fputs("solieu: aggregate: no facts CSV given\n", stderr);
        usage(stderr);
        goto done;
    }

    solieu_aggregate_set_callback(agg, on_warning, NULL);
    int used = 0, failed = 0;
    for (int i = 1; i <= n_inputs; i++) {
        solieu_status st = solieu_aggregate_add_file(agg, argv[i], &error);
        if (st == SOLIEU_OK) {
            used++;
        } else {
            report(error, st);
            failed++;
        }
        error = NULL;
    }
    if (!used) {
        fputs("solieu: aggregate: no usable facts CSV; nothing written\n", stderr);
        goto done;
    }
    solieu_status st = solieu_aggregate_write(agg, dir, flags, &error);
    if (st != SOLIEU_OK) {
        report(error, st);
        goto done;
    }
    rc = (failed || solieu_aggregate_skipped_rows(agg)) ? SOLIEU_EXIT_PARTIAL : SOLIEU_EXIT_OK;

done:
    solieu_aggregate_destroy(agg);
    return rc;
}
