#define _GNU_SOURCE /* memmem */
/* A rule set: every *.rules file of a directory, parsed, then compiled. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <solieu/limits.h>

#include "rules/rules_compile.h"

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void diag(solieu_diagnostic_fn fn, void *user, solieu_status code, const char *file,
                 const char *msg)
{
    if (fn) {
        solieu_diagnostic d = {SOLIEU_SEVERITY_ERROR, code, file, 0, 0, NULL, msg};
        fn(&d, user);
    }
}

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static void free_rule(sl_rule *r)
{
    free(r->id);
    free(r->metric);
    free(r->unit);
    free(r->qualifier);
    free(r->check);
    free(r->parts);
    free(r->trigger);
    free(r->openings);
    pcre2_code_free(r->code_open);
    free(r->follow);
    free(r->value_pattern);
    free(r->scan_pattern);
    pcre2_code_free(r->code_value);
    pcre2_code_free(r->code_scan);
    free(r->pattern);
    free(r->source);
    pcre2_code_free(r->code);
    for (size_t i = 0; i < r->examples.len; i++) {
        sl_example *e = sl_vec_at(&r->examples, i);
        free(e->text);
        free(e->expect);
    }
    sl_vec_free(&r->examples);
    for (size_t i = 0; i < r->pattern_lines.len; i++)
        free(((sl_pattern_line *)sl_vec_at(&r->pattern_lines, i))->text);
    sl_vec_free(&r->pattern_lines);
}

void solieu_rules_destroy(solieu_rules *rules)
{
    if (!rules)
        return;
    for (size_t i = 0; i < rules->rules.len; i++)
        free_rule(sl_vec_at(&rules->rules, i));
    sl_vec_free(&rules->rules);
    for (size_t i = 0; i < rules->files.len; i++)
        free(*(char **)sl_vec_at(&rules->files, i));
    sl_vec_free(&rules->files);
    sl_vec_free(&rules->by_kind);
    sl_vec_free(&rules->stock_metrics);
    sl_triggers_free(&rules->triggers);
    sl_triggers_free(&rules->header_words);
    sl_value_index_free(&rules->value_rules);
    pcre2_code_free(rules->any_column);
    free(rules);
}

static int list_rule_files(const char *dir, sl_vec *names)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n > 6 && strcmp(e->d_name + n - 6, ".rules") == 0) {
            char **slot = sl_vec_push(names);
            if (!slot || !(*slot = sl_printf("%s/%s", dir, e->d_name))) {
                closedir(d);
                return -2;
            }
        }
    }
    closedir(d);
    if (names->len)
        qsort(names->items, names->len, sizeof(char *), cmp_str);
    return 0;
}

static int index_kinds(solieu_rules *rules)
{
    for (int k = 0; k < SL_RULE_KIND_COUNT; k++) {
        rules->first_of_kind[k] = rules->by_kind.len;
        for (size_t i = 0; i < rules->rules.len; i++) {
            const sl_rule *r = sl_vec_at(&rules->rules, i);
            if ((int)r->kind != k)
                continue;
            size_t *slot = sl_vec_push(&rules->by_kind);
            if (!slot)
                return -1;
            *slot = i;
            rules->count_of_kind[k]++;
        }
    }
    return 0;
}

/* The one-pass literal searches: each paragraph's, for the trigger and
 * opening words of fact, ignore and period rules; each document's, for the
 * opening words of header rules. -1 when out of memory. */
static int build_literal_search(solieu_rules *rules)
{
    size_t n = rules->rules.len;
    const char **sets = sl_calloc(2 * n + 1, sizeof *sets);
    unsigned *kinds = sl_calloc(2 * n + 1, sizeof *kinds);
    size_t *groups = sl_calloc(2 * n + 1, sizeof *groups);
    int rc = -1;
    if (!sets || !kinds || !groups)
        goto done;
    for (size_t i = 0; i < n; i++) {
        const sl_rule *r = sl_vec_at(&rules->rules, i);
        sets[i] = r->trigger;
        kinds[i] = SL_LITERAL_TRIGGER;
        sets[n + i] = sl_rule_reads_header(r) ? NULL : r->openings;
        kinds[n + i] = SL_LITERAL_OPENING;
    }
    if (sl_triggers_build(&rules->triggers, sets, kinds, 2 * n, groups) != 0)
        goto done;
    for (size_t i = 0; i < n; i++) {
        sl_rule *r = sl_vec_at(&rules->rules, i);
        r->trigger_group = groups[i];
        r->opening_group = groups[n + i];
        sets[i] = sl_rule_reads_header(r) ? r->openings : NULL;
    }
    if (sl_triggers_build(&rules->header_words, sets, kinds + n, n, groups) != 0)
        goto done;
    for (size_t i = 0; i < n; i++) {
        sl_rule *r = sl_vec_at(&rules->rules, i);
        if (sl_rule_reads_header(r))
            r->opening_group = groups[i];
    }
    rc = 0;
done:
    free(sets);
    free(kinds);
    free(groups);
    return rc;
}

/* The metrics of the fact and column rules marked `stock`, each once, into
 * rules->stock_metrics; -1 when out of memory. */
static int list_stock_metrics(solieu_rules *rules)
{
    for (size_t i = 0; i < rules->rules.len; i++) {
        const sl_rule *r = sl_vec_at(&rules->rules, i);
        if (!r->stock || !r->metric || (r->kind != SL_RULE_FACT && r->kind != SL_RULE_COLUMN) ||
            sl_rules_metric_is_stock(rules, r->metric))
            continue;
        const char **slot = sl_vec_push(&rules->stock_metrics);
        if (!slot)
            return -1;
        *slot = r->metric;
    }
    return 0;
}

int sl_rules_metric_is_stock(const solieu_rules *rules, const char *metric)
{
    for (size_t i = 0; i < rules->stock_metrics.len; i++)
        if (strcmp(*(const char *const *)sl_vec_at(&rules->stock_metrics, i), metric) == 0)
            return 1;
    return 0;
}

/* The column rules' patterns (expanded) as alternatives of one code. A
 * label is read against every column rule only when this one matches. -1
 * when out of memory; a code that does not compile is no error (the rules
 * are then tried one by one). */
static int build_any_column(solieu_rules *rules)
{
    sl_buf b;
    sl_buf_init(&b, 0);
    for (size_t i = 0; i < sl_rules_kind_count(rules, SL_RULE_COLUMN); i++) {
        const sl_rule *r = sl_rules_of_kind(rules, SL_RULE_COLUMN, i);
        if (r->cased) { /* one caseless code cannot stand for it */
            sl_buf_free(&b);
            return 0;
        }
        sl_buf_printf(&b, "%s(?:%s)", i ? "|" : "", r->pattern);
    }
    if (b.failed) {
        sl_buf_free(&b);
        return -1;
    }
    if (b.len) {
        int errcode;
        PCRE2_SIZE erroffset;
        rules->any_column =
            pcre2_compile((PCRE2_SPTR)b.data, b.len, PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS,
                          &errcode, &erroffset, NULL);
        if (rules->any_column)
            (void)pcre2_jit_compile(rules->any_column, PCRE2_JIT_COMPLETE);
    }
    sl_buf_free(&b);
    return 0;
}

solieu_status solieu_rules_load(const char *dir, solieu_diagnostic_fn on_diag, void *user,
                                solieu_rules **out)
{
    *out = NULL;
    solieu_rules *rules = sl_calloc(1, sizeof *rules);
    if (!rules)
        return SOLIEU_ERR_NOMEM;
    sl_vec_init(&rules->rules, sizeof(sl_rule));
    sl_vec_init(&rules->files, sizeof(char *));
    sl_vec_init(&rules->by_kind, sizeof(size_t));
    sl_vec_init(&rules->stock_metrics, sizeof(const char *));
    sl_vec defines;
    sl_vec_init(&defines, sizeof(sl_define));
    solieu_status status = SOLIEU_OK;
    int errors = 0;

    int listed = list_rule_files(dir, &rules->files);
    if (listed != 0) {
        char *msg = sl_printf("cannot read rule directory: %s",
                              listed == -1 ? strerror(errno) : "out of memory");
        diag(on_diag, user, SOLIEU_ERR_IO, dir, msg ? msg : "cannot read rule directory");
        free(msg);
        status = listed == -1 ? SOLIEU_ERR_IO : SOLIEU_ERR_NOMEM;
        goto cleanup;
    }
    if (rules->files.len == 0) {
        diag(on_diag, user, SOLIEU_ERR_RULE, dir, "no *.rules files in this directory");
        status = SOLIEU_ERR_RULE;
        goto cleanup;
    }
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < rules->files.len; i++) {
        const char *file = *(char **)sl_vec_at(&rules->files, i);
        char *text;
        size_t len;
        solieu_status st = sl_read_file(file, SOLIEU_MAX_RULE_FILE_BYTES, &text, &len);
        if (st != SOLIEU_OK) {
            char *msg = sl_printf("cannot read: %s",
                                  st == SOLIEU_ERR_IO ? strerror(errno) : solieu_strerror(st));
            diag(on_diag, user, st, file, msg ? msg : "cannot read");
            free(msg);
            status = st;
            goto cleanup;
        }
        const char *base = sl_basename(file);
        h = fnv1a(h, base, strlen(base) + 1);
        h = fnv1a(h, text, len);
        size_t bad = sl_utf8_invalid_at(text, len);
        if (bad != (size_t)-1) {
            /* patterns and examples are matched as UTF-8: refuse the file */
            if (on_diag) {
                size_t line, col;
                sl_line_col(text, bad, &line, &col);
                solieu_diagnostic d = {SOLIEU_SEVERITY_ERROR, SOLIEU_ERR_UTF8, file, line, col,
                                       NULL, text[bad] ? "invalid UTF-8" : "NUL byte"};
                on_diag(&d, user);
            }
            free(text);
            errors++;
            continue;
        }
        errors += sl_rules_parse_file(file, text, len, &rules->rules, &defines, on_diag, user);
        free(text);
    }
    snprintf(rules->digest, sizeof rules->digest, "%016llx", (unsigned long long)h);
    for (size_t i = 0; i < rules->rules.len; i++) {
        sl_rule *r = sl_vec_at(&rules->rules, i);
        for (size_t j = 0; j < i; j++) {
            const sl_rule *other = sl_vec_at(&rules->rules, j);
            if (strcmp(other->id, r->id) == 0 && on_diag) {
                char *msg = sl_printf("duplicate rule id '%s' (first at %s:%zu)", r->id,
                                      other->file, other->line);
                solieu_diagnostic d = {SOLIEU_SEVERITY_ERROR, SOLIEU_ERR_RULE, r->file, r->line,
                                       6, r->id, msg ? msg : "duplicate rule id"};
                on_diag(&d, user);
                free(msg);
                errors++;
                break;
            }
        }
        if (r->kind == SL_RULE_RELATION && !r->check) {
            if (on_diag) {
                solieu_diagnostic d = {SOLIEU_SEVERITY_ERROR, SOLIEU_ERR_RULE, r->file, r->line, 1,
                                       r->id, "a relation rule needs a check (sum, subset, ...)"};
                on_diag(&d, user);
            }
            errors++;
        }
        if ((r->kind == SL_RULE_FACT || r->kind == SL_RULE_COLUMN || r->kind == SL_RULE_TOPIC) &&
            !r->metric) {
            if (on_diag) {
                solieu_diagnostic d = {SOLIEU_SEVERITY_ERROR,
                                       SOLIEU_ERR_RULE,
                                       r->file,
                                       r->line,
                                       1,
                                       r->id,
                                       r->kind == SL_RULE_FACT     ? "a fact rule needs a metric"
                                       : r->kind == SL_RULE_COLUMN ? "a column rule needs a metric"
                                                                   : "a topic rule needs a metric"};
                on_diag(&d, user);
            }
            errors++;
        }
        /* relation rules that work on metrics alone need no pattern */
        if (r->kind == SL_RULE_RELATION && !r->pattern)
            continue;
        int rc = sl_rule_compile(r, &defines, on_diag, user);
        if (rc < 0) {
            status = SOLIEU_ERR_NOMEM;
            goto cleanup;
        }
        errors += rc;
    }
    if (errors) {
        status = SOLIEU_ERR_RULE;
        goto cleanup;
    }
    for (size_t i = 0; i < rules->rules.len; i++) {
        sl_rule *r = sl_vec_at(&rules->rules, i);
        if (sl_rule_compile_parts(r, &defines) != 0) {
            status = SOLIEU_ERR_NOMEM;
            goto cleanup;
        }
        sl_rule_follow_bytes(r, &defines);
    }
    if (index_kinds(rules) != 0 || build_literal_search(rules) != 0 ||
        sl_value_index_build(&rules->value_rules, rules) != 0 || build_any_column(rules) != 0 ||
        list_stock_metrics(rules) != 0) {
        status = SOLIEU_ERR_NOMEM;
        goto cleanup;
    }

cleanup:
    for (size_t i = 0; i < defines.len; i++) {
        sl_define *d = sl_vec_at(&defines, i);
        free(d->name);
        free(d->body);
    }
    sl_vec_free(&defines);
    if (status != SOLIEU_OK) {
        solieu_rules_destroy(rules);
        return status;
    }
    *out = rules;
    return SOLIEU_OK;
}

/* First occurrence of word[0..n) in text, its first byte compared with ASCII
 * case folded (a trigger may open a sentence). */
static const char *find_word(const char *text, size_t len, const char *word, size_t n)
{
    int fold = (word[0] >= 'a' && word[0] <= 'z') || (word[0] >= 'A' && word[0] <= 'Z');
    if (!fold || n < 2)
        return memmem(text, len, word, n);
    for (size_t from = 1; from < len;) {
        const char *rest = memmem(text + from, len - from, word + 1, n - 1);
        if (!rest)
            return NULL;
        if ((rest[-1] | 0x20) == (word[0] | 0x20))
            return rest - 1;
        from = (size_t)(rest - text) + 1;
    }
    return NULL;
}

size_t sl_rule_trigger_at(const sl_rule *r, const char *text, size_t len)
{
    if (!r->trigger)
        return 0;
    const char *best = NULL;
    size_t n;
    for (const char *t, *cursor = r->trigger; (t = sl_trigger_next_word(&cursor, &n));) {
        /* a later word is looked for only where it could start before the
         * best so far, and never past the text */
        size_t within = best && (size_t)(best - text) + n < len ? (size_t)(best - text) + n : len;
        const char *hit = n ? find_word(text, within, t, n) : NULL;
        if (hit && (!best || hit < best))
            best = hit;
    }
    return best ? (size_t)(best - text) : (size_t)-1;
}

size_t solieu_rules_count(const solieu_rules *rules)
{
    return rules->rules.len;
}

const char *solieu_rules_id(const solieu_rules *rules, size_t index)
{
    return index < rules->rules.len ? ((const sl_rule *)sl_vec_at(&rules->rules, index))->id
                                    : NULL;
}

const char *solieu_rules_digest(const solieu_rules *rules)
{
    return rules->digest;
}

size_t sl_rules_kind_count(const solieu_rules *rules, sl_rule_kind kind)
{
    return rules->count_of_kind[kind];
}
