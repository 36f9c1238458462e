/* solieu run INPUT_DIR -o OUT_DIR [-j N] [-r RULES_DIR] [-q|-v] [--max-line-bytes N]
 * The nightly job; the work is in the library (solieu/batch.h). This file
 * parses arguments and talks to the person at the terminal, if any. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <solieu/batch.h>

#include "cli_util.h"
#include "commands.h"

static void usage(FILE *out)
{
    fputs("usage: solieu run INPUT_DIR -o OUT_DIR [-j N] [-r RULES_DIR] [-q|-v]\n"
          "                  [--max-line-bytes N]\n"
          "\n"
          "Extracts, checks and aggregates every *.txt and *.md below INPUT_DIR and writes\n"
          "facts.csv, checks.csv, series.csv, table.csv, stats.csv, documents.csv,\n"
          "errors.csv and run.json into OUT_DIR. Only documents that changed since the\n"
          "last run into OUT_DIR are read again (state in OUT_DIR/.solieu-state/).\n"
          "\n"
          "  -o, --output DIR      output directory (required; created when missing)\n"
          "  -j, --jobs N          documents in parallel (default: the number of CPUs)\n"
          "  -r, --rules DIR       rule directory (default: $SOLIEU_RULES or rules/vi)\n"
          "  -q, --quiet           no progress bar and no summary, even on a terminal\n"
          "  -v, --verbose         one line per document read, and a summary\n"
          "  --max-line-bytes N    refuse documents with a longer line (default 1048576,\n"
          "                        0 for no limit)\n"
          "\n"
          "exit status: 0 every document went through, 1 some are in errors.csv,\n"
          "             2 usage or fatal error (nothing was replaced)\n",
          out);
}

typedef struct ui {
    int bar; /* draw a progress bar: stderr is a terminal, neither -q nor -v */
    int verbose;
    double last_draw;
    int drawn;
} ui;

static void draw_bar(ui *u, const solieu_batch_progress *p)
{
    const int width = 30;
    double frac = p->to_read ? (double)p->done / (double)p->to_read : 1.0;
    int filled = (int)(frac * width);
    double mb = (double)p->bytes_done / 1e6;
    double rate = p->seconds > 0 ? mb / p->seconds : 0;
    double left = rate > 0 ? ((double)(p->bytes_total - p->bytes_done) / 1e6) / rate : 0;
    char bar[64];
    for (int i = 0; i < width; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[width] = '\0';
    fprintf(stderr, "\r[%s] %zu/%zu documents  %.1f MB/s  ETA %d:%02d ", bar, p->done, p->to_read,
            rate, (int)left / 60, (int)left % 60);
    fflush(stderr);
    u->drawn = 1;
}

static void on_progress(const solieu_batch_progress *p, void *user)
{
    ui *u = user;
    if (u->verbose && p->path) {
        if (p->message)
            fprintf(stderr, "solieu: %s: %s:\n%s\n", p->path, p->stage, p->message);
        else if (p->extracted)
            fprintf(stderr, "solieu: %s: %zu facts\n", p->path, p->facts);
        else
            fprintf(stderr, "solieu: %s: unchanged content\n", p->path);
    }
    if (!u->bar)
        return;
    if (p->writing) {
        if (u->drawn)
            fputs("\r\033[K", stderr);
        fputs("solieu: writing outputs...", stderr);
        u->drawn = 1;
        return;
    }
    /* redraw at most ten times a second, and at the end */
    if (p->done == p->to_read || p->seconds - u->last_draw >= 0.1 || !u->drawn) {
        u->last_draw = p->seconds;
        draw_bar(u, p);
    }
}

static void print_summary(const solieu_batch_summary *s, const char *out_dir)
{
    fprintf(stderr,
            "solieu: %zu documents: %zu extracted, %zu unchanged, %zu removed; %zu facts, "
            "%zu checks (%zu inconsistent) in %.1f s\n",
            s->documents, s->documents_extracted, s->documents - s->documents_extracted,
            s->documents_removed, s->facts, s->checks, s->checks_failed, s->seconds_total);
    if (s->errors)
        fprintf(stderr, "solieu: %zu documents failed or warned: see %s/errors.csv\n",
                s->documents_failed, out_dir);
}

/* A count (0 or more), or -1 when `text` is not one. */
static long parse_count(const char *text)
{
    char *end;
    long v = strtol(text, &end, 10);
    return *text && !*end && v >= 0 ? v : -1;
}

int solieu_cmd_run(int argc, char **argv)
{
    const char *input = NULL, *out_dir = NULL, *rules_dir = NULL;
    long jobs = sysconf(_SC_NPROCESSORS_ONLN), max_line = -2;
    int quiet = 0, verbose = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int has_value = i + 1 < argc;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            usage(stdout);
            return fclose(stdout) == 0 ? SOLIEU_EXIT_OK : SOLIEU_EXIT_FATAL;
        } else if ((strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) && has_value) {
            out_dir = argv[++i];
        } else if ((strcmp(a, "-r") == 0 || strcmp(a, "--rules") == 0) && has_value) {
            rules_dir = argv[++i];
        } else if (((strcmp(a, "-j") == 0 || strcmp(a, "--jobs") == 0) && has_value) ||
                   (strncmp(a, "-j", 2) == 0 && a[2])) {
            const char *value = a[2] && a[1] == 'j' ? a + 2 : argv[++i]; /* -j4 or -j 4 */
            jobs = parse_count(value);
            if (jobs < 1 || jobs > 1024) {
                fprintf(stderr, "solieu: run: -j wants a number from 1 to 1024, not '%s'\n", value);
                return SOLIEU_EXIT_FATAL;
            }
        } else if (strcmp(a, "--max-line-bytes") == 0 && has_value) {
            max_line = parse_count(argv[++i]);
            if (max_line < 0) {
                fprintf(stderr, "solieu: run: --max-line-bytes wants a number, not '%s'\n",
                        argv[i]);
                return SOLIEU_EXIT_FATAL;
            }
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            quiet = 1;
        } else if (strcmp(a, "-v") == 0 || strcmp(a, "--verbose") == 0) {
            verbose = 1;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "solieu: run: unknown option or missing value: '%s'\n", a);
            usage(stderr);
            return SOLIEU_EXIT_FATAL;
        } else if (!input) {
            input = a;
        } else {
            fprintf(stderr, "solieu: run: one input directory, not '%s' as well\n", a);
            usage(stderr);
            return SOLIEU_EXIT_FATAL;
        }
    }
    if (!input || !out_dir || (quiet && verbose)) {
        fputs(!input     ? "solieu: run: no input directory\n"
              : !out_dir ? "solieu: run: no output directory (-o)\n"
                         : "solieu: run: -q and -v together\n",
              stderr);
        usage(stderr);
        return SOLIEU_EXIT_FATAL;
    }

    solieu_rules *rules = cli_load_rules(cli_rules_dir(rules_dir));
    if (!rules)
        return SOLIEU_EXIT_FATAL;
    solieu_batch *batch = NULL;
    char *error = NULL;
    int code = SOLIEU_EXIT_FATAL;
    ui u = {!quiet && !verbose && isatty(STDERR_FILENO), verbose, 0, 0};
    solieu_status st = solieu_batch_create(rules, input, out_dir, &batch, &error);
    if (st == SOLIEU_OK) {
        solieu_batch_set_threads(batch, jobs > 0 ? (unsigned)jobs : 1);
        if (max_line >= 0)
            solieu_batch_set_max_line_bytes(batch, (size_t)max_line);
        solieu_batch_set_progress(batch, on_progress, &u);
        st = solieu_batch_run(batch, &error);
    }
    if (u.drawn)
        fputs("\r\033[K", stderr); /* the bar gives way to what follows */
    if (st != SOLIEU_OK) {
        fprintf(stderr, "solieu: %s\n", error ? error : solieu_strerror(st));
    } else {
        const solieu_batch_summary *s = solieu_batch_summary_get(batch);
        if (verbose || (!quiet && isatty(STDERR_FILENO)))
            print_summary(s, out_dir);
        code = s->exit_status ? SOLIEU_EXIT_PARTIAL : SOLIEU_EXIT_OK;
    }
    solieu_free(error);
    solieu_batch_destroy(batch);
    solieu_rules_destroy(rules);
    return code;
}
