/* Rule loading, located diagnostics and atomic output for the CLI. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_util.h"

#ifndef SOLIEU_SOURCE_RULES_DIR
#define SOLIEU_SOURCE_RULES_DIR "rules/vi"
#endif

const char *cli_rules_dir(const char *option)
{
    if (option)
        return option;
    const char *env = getenv("SOLIEU_RULES");
    if (env && *env)
        return env;
    struct stat st;
    if (stat("rules/vi", &st) == 0 && S_ISDIR(st.st_mode))
        return "rules/vi";
    return SOLIEU_SOURCE_RULES_DIR;
}

/* Prints the source line of a diagnostic and a caret under its column. */
static void print_source_line(const char *file, size_t line, size_t column)
{
    FILE *f = fopen(file, "rb");
    if (!f)
        return;
    char buf[4096];
    size_t n = 0;
    while (fgets(buf, sizeof buf, f)) {
        size_t len = strlen(buf);
        if (len && buf[len - 1] == '\n') {
            n++;
            if (n == line)
                break;
        }
    }
    fclose(f);
    if (n != line)
        return;
    buf[strcspn(buf, "\r\n")] = '\0';
    fprintf(stderr, "  %s\n  ", buf);
    for (size_t i = 1; i < column && i < sizeof buf && buf[i - 1]; i++)
        fputc(buf[i - 1] == '\t' ? '\t' : ' ', stderr);
    fputs("^\n", stderr);
}

void cli_print_diagnostic(const solieu_diagnostic *d, void *user)
{
    (void)user;
    const char *sev = d->severity == SOLIEU_SEVERITY_ERROR     ? "error"
                      : d->severity == SOLIEU_SEVERITY_WARNING ? "warning"
                                                                : "note";
    if (d->file && d->line)
        fprintf(stderr, "%s:%zu:%zu: %s: ", d->file, d->line, d->column ? d->column : 1, sev);
    else if (d->file)
        fprintf(stderr, "%s: %s: ", d->file, sev);
    else
        fprintf(stderr, "solieu: %s: ", sev);
    if (d->rule_id)
        fprintf(stderr, "[%s] ", d->rule_id);
    fprintf(stderr, "%s\n", d->message);
    if (d->file && d->line)
        print_source_line(d->file, d->line, d->column);
}

solieu_rules *cli_load_rules(const char *dir)
{
    solieu_rules *rules = NULL;
    solieu_status st = solieu_rules_load(dir, cli_print_diagnostic, NULL, &rules);
    if (st != SOLIEU_OK) {
        fprintf(stderr, "solieu: cannot load rules from %s: %s\n", dir, solieu_strerror(st));
        return NULL;
    }
    return rules;
}

int cli_output_open(cli_output *out, const char *path)
{
    memset(out, 0, sizeof *out);
    if (!path || strcmp(path, "-") == 0) {
        out->stream = stdout;
        return 0;
    }
    /* a device or a pipe (/dev/stdout, /dev/null, a FIFO) is written as it
     * is: renaming a file over it would replace it */
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode)) {
            fprintf(stderr, "solieu: %s: cannot write: Is a directory\n", path);
            return -1;
        }
        out->stream = fopen(path, "wb");
        if (!out->stream) {
            fprintf(stderr, "solieu: %s: cannot write: %s\n", path, strerror(errno));
            return -1;
        }
        return 0;
    }
    out->path = strdup(path);
    const char *slash = strrchr(path, '/');
    int dir_len = slash ? (int)(slash - path + 1) : 0;
    size_t n = strlen(path) + 32;
    out->tmp = malloc(n);
    if (!out->path || !out->tmp) {
        fprintf(stderr, "solieu: out of memory\n");
        cli_output_abort(out);
        return -1;
    }
    snprintf(out->tmp, n, "%.*s.%s.XXXXXX", dir_len, path, slash ? slash + 1 : path);
    int fd = mkstemp(out->tmp);
    if (fd < 0) {
        fprintf(stderr, "solieu: %s: cannot write: %s\n", path, strerror(errno));
        free(out->tmp);
        out->tmp = NULL;
        cli_output_abort(out);
        return -1;
    }
    fchmod(fd, 0644);
    out->stream = fdopen(fd, "wb");
    if (!out->stream) {
        close(fd);
        fprintf(stderr, "solieu: %s: cannot write: %s\n", path, strerror(errno));
        cli_output_abort(out);
        return -1;
    }
    return 0;
}

int cli_output_commit(cli_output *out)
{
    if (out->stream && !out->tmp && out->stream != stdout) {
        /* written in place (a device or a pipe) */
        int failed = ferror(out->stream) != 0;
        if (fclose(out->stream) != 0)
            failed = 1;
        out->stream = NULL;
        if (failed)
            fprintf(stderr, "solieu: write error: %s\n", strerror(errno));
        return failed ? -1 : 0;
    }
    if (out->stream == stdout) {
        if (fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, "solieu: standard output: %s\n", strerror(errno));
            return -1;
        }
        return 0;
    }
    int failed = ferror(out->stream) != 0;
    if (fflush(out->stream) != 0 || fsync(fileno(out->stream)) != 0)
        failed = 1;
    int saved = errno;
    if (fclose(out->stream) != 0)
        failed = 1;
    out->stream = NULL;
    if (!failed && rename(out->tmp, out->path) != 0) {
        failed = 1;
        saved = errno;
    }
    if (failed) {
        fprintf(stderr, "solieu: %s: cannot write: %s\n", out->path, strerror(saved));
        cli_output_abort(out);
        return -1;
    }
    free(out->tmp);
    free(out->path);
    out->tmp = out->path = NULL;
    return 0;
}

void cli_output_abort(cli_output *out)
{
    if (out->stream && out->stream != stdout)
        fclose(out->stream);
    if (out->tmp)
        unlink(out->tmp);
    free(out->tmp);
    free(out->path);
    memset(out, 0, sizeof *out);
}

char **cli_read_path_list(FILE *in, size_t *count)
{
    size_t cap = 64, n = 0;
    char **paths = malloc(cap * sizeof *paths);
    char *line = NULL;
    size_t line_cap = 0;
    ssize_t len;
    while (paths && (len = getline(&line, &line_cap, in)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0)
            continue;
        if (n == cap) {
            char **grown = realloc(paths, 2 * cap * sizeof *paths);
            if (!grown)
                break;
            paths = grown;
            cap *= 2;
        }
        paths[n] = strdup(line);
        if (paths[n])
            n++;
    }
    free(line);
    *count = n;
    return paths;
}

void cli_free_path_list(char **paths, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(paths[i]);
    free(paths);
}
