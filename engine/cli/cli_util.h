/* Small pieces the subcommands share: rule loading, diagnostics, output. */
#ifndef SOLIEU_CLI_UTIL_H
#define SOLIEU_CLI_UTIL_H

#include <stdio.h>

#include <solieu.h>

/* The rule directory: -r, else $SOLIEU_RULES, else ./rules/vi, else the
 * source tree's rules/vi. */
const char *cli_rules_dir(const char *option);
/* Loads rules, printing every diagnostic as file:line:col: error: message
 * with the source line and a caret. NULL on failure. */
solieu_rules *cli_load_rules(const char *dir);
void cli_print_diagnostic(const solieu_diagnostic *d, void *user);

/* An output file written to DIR/.name.XXXXXX and renamed into place by
 * cli_output_commit, so a reader never sees half a file. "-" or NULL is
 * stdout; a path that is not a regular file (/dev/stdout, a FIFO) is
 * written in place. */
typedef struct cli_output {
    FILE *stream;
    char *path;
    char *tmp;
} cli_output;
int cli_output_open(cli_output *out, const char *path);
/* Returns 0, or -1 after printing why (the temporary file is removed). */
int cli_output_commit(cli_output *out);
void cli_output_abort(cli_output *out);

/* Reads the list of paths on stdin for the "-" argument. */
char **cli_read_path_list(FILE *in, size_t *count);
void cli_free_path_list(char **paths, size_t count);

#endif
