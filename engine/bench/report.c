/* The bench as a text table for a person and as CSV for a spreadsheet. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bench/bench_internal.h"

const char *sl_bench_flags(const solieu_bench_row *r, char *buf)
{
    char *p = buf;
    if (r->false_pos)
        *p++ = 'F';
    if (r->misses)
        *p++ = 'M';
    if (r->wrong_metric)
        *p++ = 'W';
    if (r->limit_hits)
        *p++ = 'L';
    *p = '\0';
    return buf;
}

const char *sl_bench_ratio(double v, char *buf)
{
    if (isnan(v))
        return "-";
    snprintf(buf, 32, "%.3f", v);
    return buf;
}

/* Width of the rule column: the longest id, within reason. */
static int id_width(const solieu_bench *b)
{
    size_t w = strlen("(total)");
    for (size_t i = 0; i < b->nrows; i++)
        if (strlen(b->rows[i].rule_id) > w)
            w = strlen(b->rows[i].rule_id);
    return (int)(w > 40 ? 40 : w);
}

static void print_row(FILE *out, int w, const char *id, const char *kind, const char *flags,
                      unsigned long long calls, unsigned long long matches, size_t facts, size_t tp,
                      size_t fp, size_t miss, double p, double r, double f1, double seconds,
                      double nspb, unsigned long long limits)
{
    char pb[32], rb[32], fb[32];
    fprintf(out,
            "%-4s %-*.*s %-9s %10llu %8llu %7zu %6zu %5zu %5zu %6s %6s %6s %10.2f %7.2f %5llu\n",
            flags, w, w, id, kind, calls, matches, facts, tp, fp, miss, sl_bench_ratio(p, pb),
            sl_bench_ratio(r, rb), sl_bench_ratio(f1, fb), seconds * 1e3, nspb, limits);
}

static void print_details(const solieu_bench *b, FILE *out)
{
    for (size_t i = 0; i < b->missed.len; i++) {
        const sl_gold_row *g = sl_vec_at(&b->gold->rows, *(size_t *)sl_vec_at(&b->missed, i));
        char vb[64];
        fprintf(out, "  MISSED   %s:%s %s = %s [%s]%s ->", g->doc, g->line, g->text,
                g->has_value ? solieu_format_number(g->value, vb, sizeof vb) : "?", g->metric,
                g->required ? "" : " (not required)");
        int owned = 0;
        for (size_t r = 0; r < b->nrules; r++) {
            const sl_rule *rule = sl_vec_at(&b->rules->rules, r);
            if (rule->kind == SL_RULE_FACT && rule->metric &&
                strcmp(rule->metric, g->metric) == 0) {
                fprintf(out, " %s", rule->id);
                owned = 1;
            }
        }
        fprintf(out, "%s\n", owned ? "" : " (no rule)");
    }
    for (size_t i = 0; i < b->false_pos.len; i++) {
        const sl_kept_fact *k = sl_vec_at(&b->false_pos, i);
        char vb[64];
        fprintf(out, "  SPURIOUS %s:%zu %s = %s [%s] %s\n",
                *(char **)sl_vec_at(&b->doc_names, k->doc), k->line, k->text,
                solieu_format_number(k->value, vb, sizeof vb), k->metric, k->rule);
    }
}

solieu_status solieu_bench_print(const solieu_bench *b, FILE *out, unsigned flags)
{
    if (!b->finished)
        return SOLIEU_ERR_USAGE;
    const solieu_bench_totals *t = &b->totals;
    int w = id_width(b);
    fprintf(out, "%-4s %-*s %-9s %10s %8s %7s %6s %5s %5s %6s %6s %6s %10s %7s %5s\n", "!", w,
            "rule", "kind", "calls", "matches", "facts", "tp", "fp", "miss", "P", "R", "F1",
            "time ms", "ns/B", "limit");
    unsigned long long calls = 0, matches = 0, limits = 0;
    for (size_t i = 0; i < b->nrows; i++) {
        const solieu_bench_row *r = &b->rows[i];
        char fl[8];
        print_row(out, w, r->rule_id, r->kind, sl_bench_flags(r, fl), r->attempts, r->matches,
                  r->facts, r->true_pos, r->false_pos, r->misses, r->precision, r->recall, r->f1,
                  r->seconds, r->ns_per_byte, r->limit_hits);
        calls += r->attempts;
        matches += r->matches;
        limits += r->limit_hits;
    }
    double bytes = (double)t->bytes;
    print_row(out, w, "(total)", "", "", calls, matches, t->facts, t->true_pos, t->false_pos,
              t->misses, t->precision, t->recall, t->f1, t->seconds,
              bytes > 0 ? t->seconds * 1e9 / bytes : 0, limits);
    fputs("order: flagged rules first (F false positives, M misses, W right number with another "
          "metric, L PCRE2 limit hits), then the rest; each by time descending\n",
          out);
    fprintf(out, "documents: %zu run (%zu failed), %zu scored against gold, %llu bytes",
            t->documents, t->failed_documents, t->scored_documents, (unsigned long long)t->bytes);
    if (t->unrun_gold_documents)
        fprintf(out, "; gold of %zu documents not run is left out", t->unrun_gold_documents);
    fprintf(out,
            "\nfacts: %zu produced, %zu scored: %zu true, %zu false; gold %zu (%zu required): "
            "%zu missed (%zu required), %zu found with another metric\n",
            t->facts, t->scored_facts, t->true_pos, t->false_pos, t->gold_facts, t->gold_required,
            t->misses, t->required_misses, t->wrong_metric);
    fprintf(out, "scorer: precision %.3f recall %.3f (%zu/%zu) F1 %.3f\n", t->precision, t->recall,
            t->required_found, t->gold_required, t->f1);
    fprintf(out,
            "speed: %.3f s to load and extract (per-rule timing on), %.2f MB/s, %.1f documents/s; "
            "loading %.3f s, rule matching %.3f s (%.0f%%), the rest %.3f s\n",
            t->seconds, t->mb_per_s, t->docs_per_s, t->load_seconds, t->rule_seconds,
            t->seconds > 0 ? 100 * t->rule_seconds / t->seconds : 0.0,
            t->seconds - t->load_seconds - t->rule_seconds);
    fprintf(out, "peak memory: %.1f MB (ru_maxrss)\n", (double)t->peak_rss_kib / 1024.0);
    if (flags & SOLIEU_BENCH_VERBOSE)
        print_details(b, out);
    return ferror(out) ? SOLIEU_ERR_IO : SOLIEU_OK;
}

/* ---- CSV ---------------------------------------------------------------------- */

static const char *num(double v, char *buf)
{
    if (isnan(v))
        return "";
    snprintf(buf, 64, "%.6g", v);
    return buf;
}

static const char *count(unsigned long long v, char *buf)
{
    snprintf(buf, 64, "%llu", v);
    return buf;
}

enum { NCOLS = 17 };

static solieu_status write_row(solieu_csv_writer *w, const solieu_bench_row *r, const char *flags)
{
    char b[14][64];
    const char *fields[NCOLS] = {
        r->rule_id,
        r->kind,
        r->metric,
        count(r->attempts, b[0]),
        count(r->matches, b[1]),
        count(r->limit_hits, b[2]),
        count(r->facts, b[3]),
        count(r->true_pos, b[4]),
        count(r->false_pos, b[5]),
        count(r->misses, b[6]),
        count(r->wrong_metric, b[7]),
        num(r->precision, b[8]),
        num(r->recall, b[9]),
        num(r->f1, b[10]),
        num(r->seconds, b[11]),
        num(r->ns_per_byte, b[12]),
        flags,
    };
    return solieu_csv_write_row(w, fields, NCOLS);
}

solieu_status solieu_bench_write_csv(const solieu_bench *b, solieu_csv_writer *w)
{
    if (!b->finished)
        return SOLIEU_ERR_USAGE;
    static const char *const header[NCOLS] = {
        "rule",   "kind",     "metric",    "attempts",    "matches",      "limit_hits",
        "facts",  "true_pos", "false_pos", "misses",      "wrong_metric", "precision",
        "recall", "f1",       "seconds",   "ns_per_byte", "flags"};
    solieu_status st = solieu_csv_write_row(w, header, NCOLS);
    solieu_bench_row total = {.rule_id = "(total)", .kind = "", .metric = ""};
    for (size_t i = 0; st == SOLIEU_OK && i < b->nrows; i++) {
        const solieu_bench_row *r = &b->rows[i];
        char fl[8];
        st = write_row(w, r, sl_bench_flags(r, fl));
        total.attempts += r->attempts;
        total.matches += r->matches;
        total.limit_hits += r->limit_hits;
    }
    const solieu_bench_totals *t = &b->totals;
    total.facts = t->facts;
    total.true_pos = t->true_pos;
    total.false_pos = t->false_pos;
    total.misses = t->misses;
    total.wrong_metric = t->wrong_metric;
    total.precision = t->precision;
    total.recall = t->recall;
    total.f1 = t->f1;
    total.seconds = t->seconds;
    total.ns_per_byte = t->bytes ? t->seconds * 1e9 / (double)t->bytes : 0;
    if (st == SOLIEU_OK)
        st = write_row(w, &total, "");
    return st == SOLIEU_OK ? solieu_csv_writer_status(w) : st;
}
