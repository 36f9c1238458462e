/* Rule sets: located load errors, macros, examples as tests, the digest,
 * the lint, and PCRE2's limits keeping a runaway pattern from hanging the
 * extraction. Each test writes a small rule directory of its own. */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <solieu/document.h>
#include <solieu/extract.h>
#include <solieu/rules.h>

#include "check.h"
#include "rules/rules_internal.h"
#include "test_support.h"

/* ---- a scratch rule directory -------------------------------------------------- */

typedef struct scratch {
    char dir[64];
    char names[8][32];
    size_t n;
} scratch;

static int scratch_open(scratch *s)
{
    memset(s, 0, sizeof *s);
    snprintf(s->dir, sizeof s->dir, "/tmp/solieu_rules_XXXXXX");
    return mkdtemp(s->dir) != NULL;
}

static void scratch_write(scratch *s, const char *name, const char *text)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", s->dir, name);
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->names[i], name) == 0)
            return;
    if (s->n < 8)
        snprintf(s->names[s->n++], sizeof s->names[0], "%s", name);
}

static void scratch_close(scratch *s)
{
    char path[128];
    for (size_t i = 0; i < s->n; i++) {
        snprintf(path, sizeof path, "%s/%s", s->dir, s->names[i]);
        unlink(path);
    }
    CHECK(rmdir(s->dir) == 0);
}

/* ---- collected diagnostics ------------------------------------------------------ */

typedef struct diag_copy {
    solieu_severity severity;
    solieu_status code;
    char file[64]; /* base name */
    size_t line, column;
    char rule[64];
    char message[512];
} diag_copy;

typedef struct diags {
    diag_copy items[32];
    size_t n;
} diags;

static void collect(const solieu_diagnostic *d, void *user)
{
    diags *ds = user;
    if (ds->n >= 32)
        return;
    diag_copy *c = &ds->items[ds->n++];
    c->severity = d->severity;
    c->code = d->code;
    const char *base = d->file ? strrchr(d->file, '/') : NULL;
    snprintf(c->file, sizeof c->file, "%s", base ? base + 1 : d->file ? d->file : "");
    c->line = d->line;
    c->column = d->column;
    snprintf(c->rule, sizeof c->rule, "%s", d->rule_id ? d->rule_id : "");
    snprintf(c->message, sizeof c->message, "%s", d->message ? d->message : "");
}

/* The first diagnostic whose message contains `part`, or NULL. */
static const diag_copy *find_diag(const diags *ds, const char *part)
{
    for (size_t i = 0; i < ds->n; i++)
        if (strstr(ds->items[i].message, part))
            return &ds->items[i];
    return NULL;
}

/* Loads a directory holding one file; returns the status, *out the rules. */
static solieu_status load_one(const char *file_text, diags *ds, solieu_rules **out)
{
    scratch s;
    memset(ds, 0, sizeof *ds);
    *out = NULL;
    if (!scratch_open(&s)) {
        CHECK(0);
        return SOLIEU_ERR_IO;
    }
    scratch_write(&s, "one.rules", file_text);
    solieu_status st = solieu_rules_load(s.dir, collect, ds, out);
    scratch_close(&s);
    return st;
}

/* Loads a file that must fail; checks there is no rule set. */
static void expect_load_error(const char *file_text, diags *ds)
{
    solieu_rules *rules = (solieu_rules *)1;
    solieu_status st = load_one(file_text, ds, &rules);
    CHECK(st != SOLIEU_OK);
    CHECK(rules == NULL);
    if (st == SOLIEU_OK)
        solieu_rules_destroy(rules);
}

static const sl_rule *rule_by_id(const solieu_rules *rules, const char *id)
{
    for (size_t i = 0; i < rules->rules.len; i++) {
        const sl_rule *r = sl_vec_at(&rules->rules, i);
        if (strcmp(r->id, id) == 0)
            return r;
    }
    return NULL;
}

/* ---- load errors -------------------------------------------------------------- */

static void test_unknown_attribute(void)
{
    diags ds;
    expect_load_error("# trees\n"
                      "rule trees.planted\n"
                      "    metric    trees\n"
                      "    colour    green\n"
                      "    pattern   (?<value>\\d+) cây\n",
                      &ds);
    CHECK(ds.n == 1);
    const diag_copy *d = find_diag(&ds, "unknown attribute 'colour'");
    CHECK(d != NULL);
    if (d) {
        CHECK_STR(d->file, "one.rules");
        CHECK(d->line == 4);
        CHECK(d->column == 5);
        CHECK(d->code == SOLIEU_ERR_RULE);
        CHECK(d->severity == SOLIEU_SEVERITY_ERROR);
        CHECK_STR(d->rule, "trees.planted");
    }
}

static void test_unknown_macro(void)
{
    diags ds;
    expect_load_error("define NUM = \\d+\n"
                      "\n"
                      "rule trees.planted\n"
                      "    metric    trees\n"
                      "    pattern   (?<value>{NUM}) {NOPE} cây\n",
                      &ds);
    CHECK(ds.n == 1);
    const diag_copy *d = find_diag(&ds, "unknown macro {NOPE}");
    CHECK(d != NULL);
    if (d) {
        CHECK(d->severity == SOLIEU_SEVERITY_ERROR);
        CHECK(d->line == 5);
        CHECK(d->column == 15);
        CHECK_STR(d->rule, "trees.planted");
    }
    /* the defined macro next to it is not reported */
    CHECK(find_diag(&ds, "{NUM}") == NULL);
}

static void test_bad_regex(void)
{
    diags ds;
    expect_load_error("rule good.one\n"
                      "    metric    trees\n"
                      "    pattern   (?<value>\\d+) cây\n"
                      "\n"
                      "rule broken.one\n"
                      "    metric    trees\n"
                      "    pattern   (?<value>\\d+\n",
                      &ds);
    CHECK(ds.n == 1);
    const diag_copy *d = find_diag(&ds, "pattern does not compile");
    CHECK(d != NULL);
    if (d) {
        CHECK(d->code == SOLIEU_ERR_REGEX);
        CHECK_STR(d->file, "one.rules");
        CHECK(d->line == 7);
        CHECK(d->column == 15); /* where the pattern starts */
        CHECK_STR(d->rule, "broken.one");
    }
    /* of several pattern lines, the one that does not compile is named,
     * though each is compiled as an alternative of one pattern */
    expect_load_error("rule broken.second\n"
                      "    metric    trees\n"
                      "    pattern   (?<value>\\d+) cây\n"
                      "    pattern   (?<=a|bb\\s+)(?<value>\\d+) gốc\n",
                      &ds);
    d = find_diag(&ds, "lookbehind");
    CHECK(d != NULL);
    if (d) {
        CHECK(d->line == 4);
        CHECK(d->column == 15);
    }
}

static void test_duplicate_id(void)
{
    diags ds;
    expect_load_error("rule trees.planted\n"
                      "    metric    trees\n"
                      "    pattern   (?<value>\\d+) cây\n"
                      "\n"
                      "rule trees.planted\n"
                      "    metric    trees\n"
                      "    pattern   trồng (?<value>\\d+)\n",
                      &ds);
    CHECK(ds.n == 1);
    const diag_copy *d = find_diag(&ds, "duplicate rule id 'trees.planted'");
    CHECK(d != NULL);
    if (d) {
        CHECK(d->code == SOLIEU_ERR_RULE);
        CHECK(d->line == 5);                              /* the second one */
        CHECK(strstr(d->message, "one.rules:1") != NULL); /* names the first */
    }
}

static void test_missing_metric(void)
{
    diags ds;
    expect_load_error("rule trees.planted\n"
                      "    unit      cây\n"
                      "    pattern   (?<value>\\d+) cây\n",
                      &ds);
    CHECK(ds.n == 1);
    const diag_copy *d = find_diag(&ds, "a fact rule needs a metric");
    CHECK(d != NULL);
    if (d) {
        CHECK(d->line == 1);
        CHECK_STR(d->rule, "trees.planted");
    }
    /* other kinds need none */
    solieu_rules *rules = NULL;
    CHECK(load_one("rule skip.dates\n"
                   "    kind      ignore\n"
                   "    pattern   \\d+/\\d+/\\d{4}\n",
                   &ds, &rules) == SOLIEU_OK);
    CHECK(rules != NULL && ds.n == 0);
    solieu_rules_destroy(rules);
}

static void test_missing_directory(void)
{
    diags ds;
    memset(&ds, 0, sizeof ds);
    solieu_rules *rules = (solieu_rules *)1;
    solieu_status st = solieu_rules_load("/nonexistent/solieu/rules", collect, &ds, &rules);
    CHECK(st == SOLIEU_ERR_IO);
    CHECK(rules == NULL);
    CHECK(ds.n == 1);
    CHECK(ds.n && ds.items[0].code == SOLIEU_ERR_IO);
    CHECK(find_diag(&ds, "cannot read rule directory") != NULL);
}

/* ---- macros ---------------------------------------------------------------- */

static void test_macros(void)
{
    diags ds;
    solieu_rules *rules = NULL;
    solieu_status st = load_one("define NUM = (?:\\d{1,3}(?:\\.\\d{3})+|\\d+)\n"
                                "define TREE = cây (?:xanh|ăn quả)\n"
                                "\n"
                                "rule trees.planted\n"
                                "    metric    trees\n"
                                "    unit      cây\n"
                                "    pattern   (?<![\\p{L}\\d])(?<value>{NUM}) {TREE}(?!\\p{L})\n"
                                "    example   trồng mới 1.250 cây xanh => 1.250\n"
                                "    example   có 12 cây ăn quả và 30 cây xanh => 12; 30\n"
                                "    counter   trồng 12 cây cảnh\n",
                                &ds, &rules);
    CHECK(st == SOLIEU_OK);
    CHECK(ds.n == 0);
    if (!rules)
        return;
    CHECK(solieu_rules_count(rules) == 1);
    CHECK_STR(solieu_rules_id(rules, 0), "trees.planted");
    CHECK(solieu_rules_id(rules, 1) == NULL);
    const sl_rule *r = rule_by_id(rules, "trees.planted");
    CHECK(r != NULL);
    if (r) {
        /* the define is pasted in a group; \p{L} stays an escape; \d is an
         * ASCII digit, in a class and out of one */
        CHECK(strstr(r->pattern, "(?<value>(?:(?:[0-9]{1,3}(?:\\.[0-9]{3})+|[0-9]+)))") != NULL);
        CHECK(strstr(r->pattern, "[\\p{L}0-9]") != NULL);
        /* so PCRE2 knows the bytes a match opens with and skips the others
         * (with a Unicode \d it tried every byte) */
        const uint8_t *opening_bytes = NULL;
        pcre2_pattern_info(r->code, PCRE2_INFO_FIRSTBITMAP, &opening_bytes);
        CHECK(opening_bytes != NULL && (opening_bytes['7' / 8] & (1u << ('7' % 8))) &&
              !(opening_bytes['c' / 8] & (1u << ('c' % 8))));
        CHECK(strstr(r->pattern, "(?!\\p{L})") != NULL);
        CHECK(strstr(r->pattern, "{NUM}") == NULL && strstr(r->pattern, "{TREE}") == NULL);
        CHECK(strstr(r->pattern, "cây(?:\\s+)(?:xanh|ăn(?:\\s+)quả)") != NULL);
        CHECK(r->pattern_line == 7);
    }
    size_t passed = 99, failed = 99;
    CHECK(solieu_rules_test(rules, collect, &ds, &passed, &failed) == SOLIEU_OK);
    CHECK(passed == 3);
    CHECK(failed == 0);
    solieu_rules_destroy(rules);

    /* \p{Lu} alone, outside a class: not a macro either */
    CHECK(load_one("rule names.count\n"
                   "    metric    names\n"
                   "    pattern   (?<value>\\d+) \\p{Lu}\\p{Ll}+\n",
                   &ds, &rules) == SOLIEU_OK);
    CHECK(ds.n == 0);
    solieu_rules_destroy(rules);
}

/* ---- examples as tests ------------------------------------------------------ */

static void test_examples(void)
{
    diags ds;
    solieu_rules *rules = NULL;
    CHECK(load_one("rule trees.planted\n"                       /* 1 */
                   "    metric    trees\n"                      /* 2 */
                   "    pattern   (?<value>\\d+) cây\n"         /* 3 */
                   "    example   đã trồng 45 cây xanh => 45\n" /* 4: passes */
                   "    example   đã trồng 45 cây xanh => 46\n" /* 5: fails */
                   "    counter   trồng được 7 cây\n",          /* 6: matches */
                   &ds, &rules) == SOLIEU_OK);
    if (!rules)
        return;
    memset(&ds, 0, sizeof ds);
    size_t passed = 0, failed = 0;
    CHECK(solieu_rules_test(rules, collect, &ds, &passed, &failed) == SOLIEU_OK);
    CHECK(passed == 1);
    CHECK(failed == 2);
    CHECK(ds.n == 2);
    const diag_copy *wrong = find_diag(&ds, "where 46 was expected");
    CHECK(wrong && wrong->line == 5 && strcmp(wrong->rule, "trees.planted") == 0);
    const diag_copy *counter = find_diag(&ds, "counter-example matched");
    CHECK(counter && counter->line == 6);
    /* a NULL callback still counts */
    CHECK(solieu_rules_test(rules, NULL, NULL, &passed, &failed) == SOLIEU_OK);
    CHECK(passed == 1 && failed == 2);
    solieu_rules_destroy(rules);
    /* a counter the pattern matches passes when it holds none of the
     * triggers: the extractor never tries the rule in it */
    CHECK(load_one("rule trees.planted\n"
                   "    metric    trees\n"
                   "    trigger   trồng\n"
                   "    pattern   (?<value>\\d+) cây\n"
                   "    example   đã trồng 45 cây xanh => 45\n"
                   "    counter   chặt 7 cây\n"        /* no trigger: passes */
                   "    counter   trồng được 7 cây\n", /* matches: fails */
                   &ds, &rules) == SOLIEU_OK);
    if (!rules)
        return;
    memset(&ds, 0, sizeof ds);
    CHECK(solieu_rules_test(rules, collect, &ds, &passed, &failed) == SOLIEU_OK);
    CHECK(passed == 2 && failed == 1);
    counter = find_diag(&ds, "counter-example matched");
    CHECK(counter && counter->line == 7);
    solieu_rules_destroy(rules);
}

/* ---- the digest -------------------------------------------------------------- */

static void test_digest(void)
{
    scratch s;
    CHECK(scratch_open(&s));
    const char *v1 = "rule trees.planted\n    metric trees\n    pattern (?<value>\\d+) cây\n";
    const char *v2 = "rule trees.planted\n    metric trees\n    pattern (?<value>\\d+) cây xanh\n";
    scratch_write(&s, "a.rules", v1);
    solieu_rules *r1 = NULL, *r2 = NULL, *r3 = NULL;
    CHECK(solieu_rules_load(s.dir, NULL, NULL, &r1) == SOLIEU_OK);
    CHECK(solieu_rules_load(s.dir, NULL, NULL, &r2) == SOLIEU_OK);
    scratch_write(&s, "a.rules", v2);
    CHECK(solieu_rules_load(s.dir, NULL, NULL, &r3) == SOLIEU_OK);
    if (r1 && r2 && r3) {
        CHECK(strlen(solieu_rules_digest(r1)) == 16);
        CHECK_STR(solieu_rules_digest(r2), solieu_rules_digest(r1));
        CHECK(strcmp(solieu_rules_digest(r3), solieu_rules_digest(r1)) != 0);
    }
    solieu_rules_destroy(r1);
    solieu_rules_destroy(r2);
    solieu_rules_destroy(r3);
    scratch_close(&s);
}

/* ---- the lint ------------------------------------------------------------------ */

static size_t warnings_for(const diags *ds, const char *rule, const char *part)
{
    size_t n = 0;
    for (size_t i = 0; i < ds->n; i++)
        n += strcmp(ds->items[i].rule, rule) == 0 && strstr(ds->items[i].message, part) != NULL;
    return n;
}

static void test_lint(void)
{
    diags ds;
    solieu_rules *rules = NULL;
    CHECK(load_one("rule slow.nested\n"                   /* 1 */
                   "    metric    x\n"                    /* 2 */
                   "    pattern   (?<value>(a+)+b) cây\n" /* 3 */
                   "\n"
                   "rule slow.wildcard\n"                      /* 5 */
                   "    metric    x\n"                         /* 6 */
                   "    pattern   kết nạp .* (?<value>\\d+)\n" /* 7 */
                   "\n"
                   "rule fine.literal\n"
                   "    metric    x\n"
                   "    pattern   (?<value>\\d+) cây xanh\n"
                   "\n"
                   "rule slow.unanchored\n"
                   "    kind      ignore\n"
                   "    pattern   [a-z]x?\n"
                   "\n"
                   "rule fine.anchored\n"
                   "    kind      ignore\n"
                   "    pattern   ^[a-z]x?\n",
                   &ds, &rules) == SOLIEU_OK);
    if (!rules)
        return;
    memset(&ds, 0, sizeof ds);
    size_t n = solieu_rules_lint(rules, collect, &ds);
    CHECK(n == ds.n);
    CHECK(n >= 2);
    CHECK(warnings_for(&ds, "slow.nested", "nested quantifiers") == 1);
    CHECK(warnings_for(&ds, "slow.wildcard", "unbounded wildcard") == 1);
    CHECK(warnings_for(&ds, "slow.wildcard", "nested quantifiers") == 0);
    CHECK(warnings_for(&ds, "fine.literal", "") == 0);
    /* tried at its start only, an anchored pattern needs no literal */
    CHECK(warnings_for(&ds, "slow.unanchored", "no literal") == 1);
    CHECK(warnings_for(&ds, "fine.anchored", "no literal") == 0);
    const diag_copy *d = find_diag(&ds, "nested quantifiers");
    CHECK(d && d->severity == SOLIEU_SEVERITY_WARNING && d->line == 3 && d->column == 15);
    d = find_diag(&ds, "unbounded wildcard");
    CHECK(d && d->line == 7);
    solieu_rules_destroy(rules);
}

/* ---- PCRE2 limits ------------------------------------------------------------------ */

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void test_match_limit(void)
{
    diags ds;
    solieu_rules *rules = NULL;
    CHECK(load_one("rule runaway.digits\n"
                   "    metric    codes\n"
                   "    pattern   (?<value>(\\d+)+)x\n",
                   &ds, &rules) == SOLIEU_OK);
    if (!rules)
        return;
    /* 40 digits not followed by 'x': exponential backtracking, cut short */
    char text[512];
    snprintf(text, sizeof text,
             "Mã hồ sơ 12x được lưu trữ.\n"
             "\n"
             "Dãy mã %s ax\n"
             "\n"
             "Mã hồ sơ 34x được lưu trữ.\n",
             "1234567890123456789012345678901234567890");
    solieu_document *doc = NULL;
    char *err = NULL;
    CHECK(solieu_document_from_memory("limit.txt", text, strlen(text), &doc, &err) == SOLIEU_OK);
    solieu_extractor *ex = solieu_extractor_create(rules);
    CHECK(ex != NULL);
    if (doc && ex) {
        solieu_facts *facts = NULL;
        double t0 = now_seconds();
        solieu_status st = solieu_extract(ex, doc, &facts, &err);
        double elapsed = now_seconds() - t0;
        CHECK(st == SOLIEU_OK);
        CHECK(err == NULL);
        CHECK(elapsed < 5.0);
        const char *w = solieu_extractor_warnings(ex);
        CHECK(strstr(w, "limit.txt:3:") != NULL);
        CHECK(strstr(w, "rule runaway.digits hit PCRE2's match limit") != NULL);
        /* only that paragraph is skipped */
        CHECK(facts && solieu_facts_count(facts) == 2);
        if (facts && solieu_facts_count(facts) == 2) {
            CHECK_NEAR(solieu_facts_get(facts, 0)->value, 12, 0);
            CHECK(solieu_facts_get(facts, 0)->line == 1);
            CHECK_NEAR(solieu_facts_get(facts, 1)->value, 34, 0);
            CHECK(solieu_facts_get(facts, 1)->line == 5);
        }
        solieu_facts_destroy(facts);
        /* the next document starts with no warnings */
        solieu_document *clean = NULL;
        const char *ok = "Mã hồ sơ 56x được lưu trữ.\n";
        CHECK(solieu_document_from_memory("ok.txt", ok, strlen(ok), &clean, NULL) == SOLIEU_OK);
        if (clean) {
            CHECK(solieu_extract(ex, clean, &facts, NULL) == SOLIEU_OK);
            CHECK_STR(solieu_extractor_warnings(ex), "");
            CHECK(facts && solieu_facts_count(facts) == 1);
            solieu_facts_destroy(facts);
            solieu_document_destroy(clean);
        }
    }
    solieu_free(err);
    solieu_extractor_destroy(ex);
    solieu_document_destroy(doc);
    solieu_rules_destroy(rules);
}

/* ---- the one-pass trigger scan agrees with the rule-by-rule search ------------------ */

static int by_hit(const void *pa, const void *pb)
{
    const sl_trigger_hit *a = pa, *b = pb;
    if (a->pos != b->pos)
        return a->pos < b->pos ? -1 : 1;
    return a->word < b->word ? -1 : a->word > b->word;
}

static int same_hits(sl_vec *a, sl_vec *b)
{
    if (a->len != b->len)
        return 0;
    if (a->len > 1) {
        qsort(a->items, a->len, sizeof(sl_trigger_hit), by_hit);
        qsort(b->items, b->len, sizeof(sl_trigger_hit), by_hit);
    }
    return a->len == 0 || memcmp(a->items, b->items, a->len * sizeof(sl_trigger_hit)) == 0;
}

/* Hyperscan's search (when the engine has it) finds what the scan finds. */
static void check_same_hits(const sl_triggers *t, sl_literal_scratch *fast, const char *text,
                            size_t len, const sl_vec *hits, const sl_vec *openings)
{
    sl_vec fast_hits, fast_openings, scan_hits, scan_openings;
    sl_vec_init(&fast_hits, sizeof(sl_trigger_hit));
    sl_vec_init(&fast_openings, sizeof(sl_trigger_hit));
    sl_vec_init(&scan_hits, sizeof(sl_trigger_hit));
    sl_vec_init(&scan_openings, sizeof(sl_trigger_hit));
    CHECK(sl_triggers_find(t, fast, text, len, &fast_hits, &fast_openings) == 0);
    for (size_t k = 1; k < fast_hits.len; k++) /* by position, as the scan gives them */
        CHECK(((sl_trigger_hit *)sl_vec_at(&fast_hits, k - 1))->pos <=
              ((sl_trigger_hit *)sl_vec_at(&fast_hits, k))->pos);
    for (size_t k = 1; k < fast_openings.len; k++)
        CHECK(((sl_trigger_hit *)sl_vec_at(&fast_openings, k - 1))->pos <=
              ((sl_trigger_hit *)sl_vec_at(&fast_openings, k))->pos);
    for (size_t k = 0; k < hits->len; k++)
        *(sl_trigger_hit *)sl_vec_push(&scan_hits) = *(const sl_trigger_hit *)sl_vec_at(hits, k);
    for (size_t k = 0; k < openings->len; k++)
        *(sl_trigger_hit *)sl_vec_push(&scan_openings) =
            *(const sl_trigger_hit *)sl_vec_at(openings, k);
    CHECK(same_hits(&fast_hits, &scan_hits));
    CHECK(same_hits(&fast_openings, &scan_openings));
    sl_vec_free(&fast_hits);
    sl_vec_free(&fast_openings);
    sl_vec_free(&scan_hits);
    sl_vec_free(&scan_openings);
}

static void test_trigger_scan(void)
{
    const char *triggers[] = {"kiểm tra", "ảng viên", "%", "khỏi Đảng|khai trừ", "kiểm tra",
                              "chi bộ|ảng bộ|tổ chức", " tên"};
    enum { NRULES = sizeof triggers / sizeof triggers[0] };
    sl_vec rules;
    sl_vec_init(&rules, sizeof(sl_rule));
    for (size_t i = 0; i < NRULES; i++) {
        sl_rule *r = sl_vec_push(&rules);
        CHECK(r != NULL);
        if (r)
            r->trigger = (char *)triggers[i];
    }
    /* each set looked for twice: as a trigger, and as opening words */
    sl_triggers t;
    const char *sets[2 * NRULES];
    size_t groups[2 * NRULES];
    unsigned kinds[2 * NRULES];
    for (size_t i = 0; i < NRULES; i++) {
        sets[i] = sets[NRULES + i] = triggers[i];
        kinds[i] = SL_LITERAL_TRIGGER;
        kinds[NRULES + i] = SL_LITERAL_OPENING;
    }
    CHECK(sl_triggers_build(&t, sets, kinds, 2 * NRULES, groups) == 0);
    for (size_t i = 0; i < NRULES; i++) {
        sl_rule *r = sl_vec_at(&rules, i);
        r->trigger_group = groups[i];
        r->opening_group = groups[NRULES + i];
        CHECK(r->opening_group != r->trigger_group);
    }
    const sl_triggers *searches[] = {&t};
    sl_literal_scratch *fast = sl_literal_scratch_create(searches, 1);
    const sl_rule *first = sl_vec_at(&rules, 0), *twin = sl_vec_at(&rules, 4);
    CHECK(first->trigger_group == twin->trigger_group); /* one group per distinct value */
    CHECK(t.groups == 2 * (NRULES - 1));
    const char *texts[] = {
        "Kiểm tra 12 tổ chức đảng và 30 đảng viên; khai trừ 2 đảng viên, xóa tên 3.",
        "ĐẢNG BỘ TỈNH: 96,48% chi bộ; Đảng viên được kiểm tra%",
        "kiểm tr",
        "%",
        "",
        "đưa ra khỏi Đảng 05 trường hợp kiểm trakiểm tra",
        /* ASCII case: the first letter folds, the rest must be as written */
        "CHI bộ, Chi bộ, cHI bộ, KIỂM TRA, Kiểm TRA, TÊN, Tên",
    };
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        const char *text = texts[k];
        size_t len = strlen(text);
        sl_vec hits, openings;
        sl_vec_init(&hits, sizeof(sl_trigger_hit));
        sl_vec_init(&openings, sizeof(sl_trigger_hit));
        CHECK(sl_triggers_find(&t, NULL, text, len, &hits, &openings) == 0);
        CHECK(openings.len == hits.len);
        if (fast)
            check_same_hits(&t, fast, text, len, &hits, &openings);
        for (size_t i = 0; i < NRULES; i++) {
            const sl_rule *r = sl_vec_at(&rules, i);
            /* every position where the rule's own search finds a literal */
            size_t want[64], nwant = 0;
            for (size_t from = 0; from < len && nwant < 64;) {
                size_t at = sl_rule_trigger_at(r, text + from, len - from);
                if (at == (size_t)-1)
                    break;
                want[nwant++] = from + at;
                from += at + 1;
            }
            for (int as_opening = 0; as_opening < 2; as_opening++) {
                const sl_vec *found = as_opening ? &openings : &hits;
                size_t group = as_opening ? r->opening_group : r->trigger_group;
                size_t got[64], ngot = 0;
                for (size_t h = 0; h < found->len && ngot < 64; h++) {
                    const sl_trigger_hit *hit = sl_vec_at(found, h);
                    if (sl_trigger_in_group(&t, group, hit->word) &&
                        (ngot == 0 || got[ngot - 1] != hit->pos))
                        got[ngot++] = hit->pos;
                }
                CHECK(ngot == nwant);
                for (size_t j = 0; j < ngot && j < nwant; j++)
                    CHECK(got[j] == want[j]);
                if (ngot != nwant)
                    fprintf(stderr, "  text %zu, %s \"%s\": %zu hits, expected %zu\n", k,
                            as_opening ? "opening" : "trigger", r->trigger, ngot, nwant);
            }
        }
        sl_vec_free(&hits);
        sl_vec_free(&openings);
    }
    sl_literal_scratch_destroy(fast);
    sl_triggers_free(&t);
    sl_vec_free(&rules);
}

/* On the example reports, with the real rules: Hyperscan's search finds the
 * trigger and opening words the scan finds, line by line and over a whole
 * report (skipped when the engine has no Hyperscan). */
static void test_fast_search_on_reports(void)
{
    solieu_rules *rules = NULL;
    CHECK(test_load_rules(&rules) == SOLIEU_OK);
    if (!rules)
        return;
    const sl_triggers *t = &rules->triggers;
    sl_literal_scratch *fast = sl_literal_scratch_create(&t, 1);
    char *dir = test_rules_dir();
    static const char *const reports[] = {"ex1_quang_tri", "ex2_tam_ky", "ex3_soc_trang",
                                          "ex4_krong_pac", "ex5_dong_anh"};
    for (size_t i = 0; fast && dir && i < sizeof reports / sizeof reports[0]; i++) {
        char *path = sl_printf("%s/../../examples/reports/%s.txt", dir, reports[i]);
        char *text = NULL;
        size_t len = 0;
        CHECK(path && sl_read_file(path, 1u << 24, &text, &len) == SOLIEU_OK);
        for (size_t at = 0; text && at < len;) {
            const char *nl = memchr(text + at, '\n', len - at);
            size_t end = nl ? (size_t)(nl - text) : len;
            sl_vec hits, openings;
            sl_vec_init(&hits, sizeof(sl_trigger_hit));
            sl_vec_init(&openings, sizeof(sl_trigger_hit));
            /* each line, then (at the end) the whole report */
            size_t from = end < len ? at : 0;
            CHECK(sl_triggers_find(t, NULL, text + from, end - from, &hits, &openings) == 0);
            check_same_hits(t, fast, text + from, end - from, &hits, &openings);
            sl_vec_free(&hits);
            sl_vec_free(&openings);
            at = end + 1;
        }
        free(text);
        free(path);
    }
    free(dir);
    sl_literal_scratch_destroy(fast);
    solieu_rules_destroy(rules);
}

/* ---- the words a pattern's matches open with ----------------------------------------- */

static void test_openings(void)
{
    static const struct {
        const char *pattern;
        int caseless;
        const char *want; /* NULL: none */
    } cases[] = {
        {"kiểm tra{GAP}{VALUE} {ORG}", 1, "kiểm|KIỂM"},
        {"(?<!trong\\x20đó\\x20)(?:có|tổng số|với) {VALUE}", 1, "có|CÓ|tổng|TỔNG|với|VỚI"},
        {"(?:tổng )?số đảng viên", 0, "số|tổng"},
        {"(?<qualifier>khiển trách|cảnh cáo):? {VALUE}", 0, "khiển|cảnh"},
        {"(?:ab|cd)(?:ef)?g", 0, "abg|abefg|cdg|cdefg"},
        {"(?:ab){2}c", 0, "ab"},
        {"abc*d", 0, "ab"},
        {"abc(?=d)e", 0, "abce"},
        {"(?:ab |ab)c", 0, "ab"}, /* "ab c" opens with "ab", not "abc" */
        {"đối với {VALUE}", 1, "đối|ĐỐI|Đối"},
        {"Đảng bộ (?<level>tỉnh)", 0, "Đảng"},
        {"(?:ủy ban|ỦY BAN) nhân dân", 1, "ủy|ỦY|Ủy"},
        {"trong (?<n>\\d{1,2}) năm|giai đoạn {YEAR}", 1, "trong|TRONG|giai|GIAI"},
        /* a match may open otherwise */
        {"{VALUE} đảng viên", 1, NULL},
        {"^năm {YEAR}", 1, NULL},
        {"\\(\\d{1,2}\\)", 1, NULL},
        {"[Tt]ổ \\d+", 0, NULL},
        {"x?yz", 0, NULL},
        {"a{2}bc", 0, NULL},
        {"(?:tổng )?{NUM} đảng viên", 0, NULL},
        {"(?i)abc", 0, NULL},
        {"ab|c", 0, NULL}, /* one branch opens with one byte */
        {"(?:a1|a2|a3|a4|a5|a6|a7|a8|a9|b1|b2|b3|b4|b5|b6|b7|b8|b9|c1|c2|c3|c4|c5|c6|c7) x", 0,
         NULL}, /* more words than are worth looking for */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        int oom = 1;
        char *got = sl_pattern_openings(cases[i].pattern, cases[i].caseless, &oom);
        CHECK(!oom);
        int same = cases[i].want ? got && strcmp(got, cases[i].want) == 0 : got == NULL;
        CHECK(same);
        if (!same)
            fprintf(stderr, "  openings of \"%s\": \"%s\", expected \"%s\"\n", cases[i].pattern,
                    got ? got : "(none)", cases[i].want ? cases[i].want : "(none)");
        free(got);
    }
}

/* The rules of one file with `text` in a fresh scratch directory (closed by
 * the caller); NULL when they do not load. */
static solieu_rules *load_rules_text(scratch *sc, const char *text)
{
    CHECK(scratch_open(sc));
    scratch_write(sc, "a.rules", text);
    solieu_rules *rules = NULL;
    CHECK(solieu_rules_load(sc->dir, NULL, NULL, &rules) == SOLIEU_OK);
    return rules;
}

/* ---- a rule tried at its opening words finds what a scan finds ----------------------- */

static void test_openings_extract_like_scanning(void)
{
    /* "ở" is a word and the end of "hở", "sở": a scan tries both, and so
     * must the opening words */
    const char *rules_text = "define VALUE = (?<![\\d.,])(?<value>\\d+)\n"
                             "rule orgs.at\n"
                             "    metric party_orgs\n"
                             "    pattern (?:tại|ở|đối với) {VALUE} chi bộ\n"
                             "    example tại 12 chi bộ => 12\n";
    scratch sc;
    solieu_rules *rules = load_rules_text(&sc, rules_text);
    const sl_rule *r = rules ? sl_vec_at(&rules->rules, 0) : NULL;
    CHECK(r && r->code_open && r->openings);
    const char *text = "Đối với 3 chi bộ, ở 4 chi bộ và cơ sở 5 chi bộ; TẠI 6 chi bộ, tại7 chi bộ.";
    solieu_document *doc = NULL;
    char *err = NULL;
    solieu_extractor *ex = NULL;
    solieu_facts *facts = NULL;
    if (rules &&
        solieu_document_from_memory("t.txt", text, strlen(text), &doc, &err) == SOLIEU_OK &&
        (ex = solieu_extractor_create(rules)) != NULL &&
        solieu_extract(ex, doc, &facts, &err) == SOLIEU_OK) {
        const double want[] = {3, 4, 5, 6};
        size_t n = solieu_facts_count(facts);
        CHECK(n == sizeof want / sizeof want[0]);
        for (size_t i = 0; i < n && i < sizeof want / sizeof want[0]; i++)
            CHECK(solieu_facts_get(facts, i)->value == want[i]);
    } else {
        CHECK(0);
    }
    solieu_facts_destroy(facts);
    solieu_extractor_destroy(ex);
    solieu_document_destroy(doc);
    solieu_free(err);
    solieu_rules_destroy(rules);
    scratch_close(&sc);
}

/* Opening words are read off the pattern with its macros expanded, and an
 * alternative that opens with lookbehinds and the number (one holding a
 * class with a '(') is tried at numbers: the rule keeps its opening words
 * for the rest. */
static void test_openings_through_macros(void)
{
    const char *rules_text = "define VALUE = (?<![\\d.,])(?<value>\\d+)\n"
                             "define LEVEL = (?:tốt|khá)\n"
                             "rule rated.cells\n"
                             "    metric party_orgs\n"
                             "    pattern (?<qualifier>xếp loại {LEVEL}):? {VALUE} chi bộ\n"
                             "    pattern (?<=[(:]\\x20|[(]){VALUE} chi bộ (?<qualifier>tốt)\n"
                             "    example xếp loại tốt: 12 chi bộ => 12\n"
                             "    example gồm: 7 chi bộ tốt => 7\n";
    scratch sc;
    solieu_rules *rules = load_rules_text(&sc, rules_text);
    const sl_rule *r = rules ? sl_vec_at(&rules->rules, 0) : NULL;
    CHECK(r && r->code_open && r->code_value);
    CHECK(r && r->openings && strcmp(r->openings, "xếp|XẾP") == 0);
    if (r && r->openings && strcmp(r->openings, "xếp|XẾP") != 0)
        fprintf(stderr, "  openings: \"%s\"\n", r->openings);
    solieu_rules_destroy(rules);
    scratch_close(&sc);
}

/* A rule whose many alternatives each capture `value`: more groups of one
 * name than the lookup table keeps, so they are read by name, and the
 * facts are the same. */
static void test_many_groups_of_one_name(void)
{
    sl_buf text;
    sl_buf_init(&text, 0);
    sl_buf_puts(&text, "define VALUE = (?<![\\d.,])(?<value>\\d+)\nrule many.alternatives\n"
                       "    metric count\n");
    for (int k = 0; k < SL_MAX_GROUPS_PER_NAME + 2; k++)
        sl_buf_printf(&text, "    pattern {VALUE} loai%02d\n", k);
    scratch sc;
    CHECK(scratch_open(&sc));
    scratch_write(&sc, "a.rules", text.data ? text.data : "");
    sl_buf_free(&text);
    solieu_rules *rules = NULL;
    CHECK(solieu_rules_load(sc.dir, NULL, NULL, &rules) == SOLIEU_OK);
    const sl_rule *r = rules ? sl_vec_at(&rules->rules, 0) : NULL;
    CHECK(r && !r->value_groups.value.all);
    const char *report = "Có 7 loai00 và 12 loai17, 30 loai18.";
    solieu_document *doc = NULL;
    solieu_extractor *ex = NULL;
    solieu_facts *facts = NULL;
    if (rules &&
        solieu_document_from_memory("many.txt", report, strlen(report), &doc, NULL) == SOLIEU_OK &&
        (ex = solieu_extractor_create(rules)) != NULL &&
        solieu_extract(ex, doc, &facts, NULL) == SOLIEU_OK) {
        CHECK(solieu_facts_count(facts) == 2);
        CHECK(solieu_facts_count(facts) == 2 && solieu_facts_get(facts, 0)->value == 7 &&
              solieu_facts_get(facts, 1)->value == 12);
    } else {
        CHECK(0);
    }
    solieu_facts_destroy(facts);
    solieu_extractor_destroy(ex);
    solieu_document_destroy(doc);
    solieu_rules_destroy(rules);
    scratch_close(&sc);
}

/* A rule's first trigger in a text: the earliest of its words, the later
 * ones looked for only where they could start first and never past the
 * text (a longer word after an early hit near the end). */
static void test_trigger_at(void)
{
    diags ds;
    solieu_rules *rules = NULL;
    CHECK(load_one("rule trees.planted\n"
                   "    metric    count\n"
                   "    trigger   ab|abcdefgh|xy\n"
                   "    pattern   (?<value>\\d+) cây\n",
                   &ds, &rules) == SOLIEU_OK);
    if (!rules)
        return;
    const sl_rule *r = sl_vec_at(&rules->rules, 0);
    char *text = sl_strdup("xx ab");
    CHECK(text && sl_rule_trigger_at(r, text, strlen(text)) == 3);
    free(text);
    text = sl_strdup("xy ab");
    CHECK(text && sl_rule_trigger_at(r, text, strlen(text)) == 0);
    free(text);
    CHECK(sl_rule_trigger_at(r, "none", 4) == (size_t)-1);
    solieu_rules_destroy(rules);
}

int main(void)
{
    test_unknown_attribute();
    test_unknown_macro();
    test_bad_regex();
    test_duplicate_id();
    test_missing_metric();
    test_missing_directory();
    test_macros();
    test_examples();
    test_digest();
    test_lint();
    test_match_limit();
    test_trigger_scan();
    test_trigger_at();
    test_openings();
    test_openings_extract_like_scanning();
    test_openings_through_macros();
    test_fast_search_on_reports();
    test_many_groups_of_one_name();
    TEST_MAIN_END();
}
