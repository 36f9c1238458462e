/* The subcommands of the solieu CLI. Each returns the process exit code
 * documented in README.md (0 ok, 1 some input failed or a check/test failed,
 * 2 usage or fatal error). */
#ifndef SOLIEU_CLI_COMMANDS_H
#define SOLIEU_CLI_COMMANDS_H

int solieu_cmd_extract(int argc, char **argv);
int solieu_cmd_check(int argc, char **argv);
int solieu_cmd_aggregate(int argc, char **argv);
int solieu_cmd_rules(int argc, char **argv);
int solieu_cmd_run(int argc, char **argv);
int solieu_cmd_bench(int argc, char **argv);

#define SOLIEU_EXIT_OK 0
#define SOLIEU_EXIT_PARTIAL 1
#define SOLIEU_EXIT_FATAL 2

#endif
