/* solieu: command dispatch only; every command lives in its own cmd_*.c. */
#include <stdio.h>
#include <string.h>

#include <solieu.h>

#include "commands.h"

static void usage(FILE *out)
{
    fputs("usage: solieu COMMAND [OPTIONS] ...\n"
          "\n"
          "commands:\n"
          "  extract [-r RULES_DIR] [-o OUT.csv] [--check CHECKS.csv] [-j N] FILE...|-\n"
          "                         reports in, one CSV row per statistic out\n"
          "  check [-o CHECKS.csv] FACTS.csv...\n"
          "                         verify sums, subsets, ratios, series totals, list\n"
          "                         counts and citation dates\n"
          "  aggregate [-o DIR] [--excel] [--derive NAME=A/B] FACTS.csv...\n"
          "                         time series, wide table and GSL statistics\n"
          "  run INPUT_DIR -o OUT_DIR [-j N] [-r RULES_DIR] [-q|-v]\n"
          "                         the nightly job: incremental, atomic, robust\n"
          "  bench --gold GOLD_DIR [-r RULES_DIR] [--csv OUT.csv] [-v] DOCS...|-\n"
          "  bench --compare RULES_A RULES_B --gold GOLD_DIR [-v] DOCS...|-\n"
          "                         what each rule finds, misses and costs\n"
          "  rules test|lint [-r RULES_DIR]\n"
          "                         run every rule's examples / warn about slow patterns\n"
          "  version                print the version\n",
          out);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return SOLIEU_EXIT_FATAL;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "extract") == 0)
        return solieu_cmd_extract(argc - 1, argv + 1);
    if (strcmp(cmd, "check") == 0)
        return solieu_cmd_check(argc - 1, argv + 1);
    if (strcmp(cmd, "aggregate") == 0)
        return solieu_cmd_aggregate(argc - 1, argv + 1);
    if (strcmp(cmd, "rules") == 0)
        return solieu_cmd_rules(argc - 1, argv + 1);
    if (strcmp(cmd, "run") == 0)
        return solieu_cmd_run(argc - 1, argv + 1);
    if (strcmp(cmd, "bench") == 0)
        return solieu_cmd_bench(argc - 1, argv + 1);
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("solieu %s\n", solieu_version());
        return SOLIEU_EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        usage(stdout);
        return SOLIEU_EXIT_OK;
    }
    fprintf(stderr, "solieu: unknown command '%s'\n", cmd);
    usage(stderr);
    return SOLIEU_EXIT_FATAL;
}
