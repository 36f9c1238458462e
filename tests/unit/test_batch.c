/* The batch run (solieu/batch.h) from inside: the hash, the state file, a
 * run and its rerun, a document that vanishes mid-run, a stale lock, a
 * corrupt state, threads giving the same bytes, and every allocation
 * failing in turn. The CLI-level faults are in tests/faults/. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <solieu.h>
#include <solieu/batch.h>

#include "batch/batch_internal.h"
#include "check.h"

static char root[256];
static solieu_rules *rules;

static char *path_in(const char *rel)
{
    static char buf[8][512];
    static int k;
    k = (k + 1) % 8;
    snprintf(buf[k], sizeof buf[k], "%s/%s", root, rel);
    return buf[k];
}

static void write_file(const char *rel, const char *text)
{
    char *p = path_in(rel);
    char *slash = strrchr(p, '/');
    *slash = '\0';
    sl_mkdir_p(p);
    *slash = '/';
    FILE *f = fopen(p, "wb");
    if (!f)
        return;
    fputs(text, f);
    fclose(f);
}

/* The whole file, caller-owned ("" when missing). */
static char *slurp(const char *rel)
{
    char *data = NULL;
    size_t len;
    if (sl_read_file(path_in(rel), 1 << 26, &data, &len) != SOLIEU_OK)
        return sl_strdup("");
    return data;
}

static int same_file(const char *a, const char *b)
{
    char *x = slurp(a), *y = slurp(b);
    int same = strcmp(x, y) == 0;
    free(x);
    free(y);
    return same;
}

/* Files older than the racy window, so that a rerun trusts their stat. */
static void age(const char *rel)
{
    char cmd[700];
    snprintf(cmd, sizeof cmd, "touch -d '1 hour ago' '%s'", path_in(rel));
    CHECK(system(cmd) == 0);
}

static void test_hash(void)
{
    char hex[17];
    sl_hex64(sl_fnv1a64(SL_FNV_OFFSET, "", 0), hex);
    CHECK_STR(hex, "cbf29ce484222325");
    sl_hex64(sl_fnv1a64(SL_FNV_OFFSET, "a", 1), hex);
    CHECK_STR(hex, "af63dc4c8601ec8c");
    sl_hex64(sl_fnv1a64(SL_FNV_OFFSET, "foobar", 6), hex);
    CHECK_STR(hex, "85944171f73967e8");
    uint64_t v = 0;
    CHECK(sl_parse_hex64("85944171f73967e8", &v) == 0 && v == 0x85944171f73967e8ULL);
    CHECK(sl_parse_hex64("85944171f73967e", &v) != 0);
    CHECK(sl_parse_hex64("85944171f73967e8x", &v) != 0);
    CHECK(sl_parse_hex64("85944171F73967E8", &v) != 0);
}

typedef struct run_result {
    solieu_status status;
    solieu_batch_summary summary;
    char *error;
} run_result;

static run_result run(const char *in, const char *out, unsigned threads,
                      solieu_batch_progress_fn fn, void *user)
{
    run_result r = {SOLIEU_OK, {0}, NULL};
    solieu_batch *b = NULL;
    r.status = solieu_batch_create(rules, path_in(in), path_in(out), &b, &r.error);
    if (r.status != SOLIEU_OK)
        return r;
    solieu_batch_set_threads(b, threads);
    solieu_batch_set_progress(b, fn, user);
    r.status = solieu_batch_run(b, &r.error);
    r.summary = *solieu_batch_summary_get(b);
    solieu_batch_destroy(b);
    return r;
}

static const char report_a[] = "BÁO CÁO\n\nĐảng bộ tỉnh Hà Nam hiện có 3.120 đảng viên.\n";
static const char report_b[] = "BÁO CÁO\n\nĐảng bộ huyện có 45 tổ chức cơ sở đảng.\n";
static const char report_c[] = "BÁO CÁO\n\nNăm 2021 kết nạp 212 đảng viên mới.\n";

static void test_run_and_rerun(void)
{
    write_file("a/in/one.txt", report_a);
    write_file("a/in/sub/two.md", report_b);
    write_file("a/in/three.txt", report_c);
    write_file("a/in/.hidden.txt", report_c); /* dot files are not reports */
    write_file("a/in/notes.pdf", "not a report");
    age("a/in/one.txt");
    age("a/in/sub/two.md");
    age("a/in/three.txt");
    run_result r = run("a/in", "a/out", 1, NULL, NULL);
    CHECK(r.status == SOLIEU_OK);
    CHECK(r.summary.documents == 3);
    CHECK(r.summary.documents_extracted == 3);
    CHECK(r.summary.exit_status == 0);
    CHECK(r.summary.facts >= 3);
    free(r.error);
    char *facts = slurp("a/out/facts.csv");
    CHECK(strstr(facts, "3.120") != NULL);
    CHECK(strstr(facts, "45") != NULL);
    /* sorted by path: one.txt, sub/two.md, three.txt */
    char *one = strstr(facts, "in/one.txt"), *two = strstr(facts, "in/sub/two.md"),
         *three = strstr(facts, "in/three.txt");
    CHECK(one && two && three && one < two && two < three);
    free(facts);

    const char *names[] = {"facts.csv", "checks.csv",    "series.csv", "table.csv",
                           "stats.csv", "documents.csv", "errors.csv"};
    char *before[7];
    for (int i = 0; i < 7; i++) {
        char rel[64];
        snprintf(rel, sizeof rel, "a/out/%s", names[i]);
        before[i] = slurp(rel);
    }
    r = run("a/in", "a/out", 3, NULL, NULL);
    CHECK(r.status == SOLIEU_OK);
    CHECK(r.summary.documents_read == 0);
    CHECK(r.summary.documents_extracted == 0);
    CHECK(r.summary.documents_reused == 3);
    free(r.error);
    for (int i = 0; i < 7; i++) {
        char rel[64];
        snprintf(rel, sizeof rel, "a/out/%s", names[i]);
        char *after = slurp(rel);
        CHECK(strcmp(before[i], after) == 0);
        free(after);
        free(before[i]);
    }

    /* touched, same bytes: read again, not extracted */
    char cmd[700];
    snprintf(cmd, sizeof cmd, "touch '%s'", path_in("a/in/one.txt"));
    CHECK(system(cmd) == 0);
    r = run("a/in", "a/out", 1, NULL, NULL);
    CHECK(r.summary.documents_read == 1);
    CHECK(r.summary.documents_extracted == 0);
    free(r.error);

    /* a removed document takes its facts with it */
    unlink(path_in("a/in/sub/two.md"));
    r = run("a/in", "a/out", 1, NULL, NULL);
    CHECK(r.summary.documents_removed == 1);
    CHECK(r.summary.documents == 2);
    free(r.error);
    facts = slurp("a/out/facts.csv");
    CHECK(strstr(facts, "two.md") == NULL);
    free(facts);
}

/* Deletes b.txt once a.txt is done: it vanishes between walk and read. */
static void vanish(const solieu_batch_progress *p, void *user)
{
    (void)user;
    if (p->path && strstr(p->path, "/a.txt"))
        unlink(path_in("v/in/b.txt"));
}

static void test_vanish(void)
{
    write_file("v/in/a.txt", report_a);
    write_file("v/in/b.txt", report_b);
    write_file("v/in/c.txt", report_c);
    run_result r = run("v/in", "v/out", 1, vanish, NULL);
    CHECK(r.status == SOLIEU_OK);
    CHECK(r.summary.exit_status == 1);
    CHECK(r.summary.documents_failed == 1);
    free(r.error);
    char *errors = slurp("v/out/errors.csv");
    CHECK(strstr(errors, "b.txt,read,") != NULL);
    CHECK(strstr(errors, "vanished") != NULL);
    free(errors);
    char *facts = slurp("v/out/facts.csv");
    CHECK(strstr(facts, "a.txt") && strstr(facts, "c.txt"));
    free(facts);
    /* not remembered: the next run looks again, finds it gone, and is clean */
    r = run("v/in", "v/out", 1, NULL, NULL);
    CHECK(r.summary.exit_status == 0);
    CHECK(r.summary.documents == 2);
    free(r.error);
}

static void test_stale_lock_and_bad_state(void)
{
    write_file("s/in/a.txt", report_a);
    /* a lock left by a process that is gone */
    pid_t child = fork();
    if (child == 0)
        _exit(0);
    waitpid(child, NULL, 0);
    char text[32];
    snprintf(text, sizeof text, "%ld\n", (long)child);
    write_file("s/out/.solieu-state/lock", text);
    write_file("s/out/.solieu-state/state-v1.csv", "path,size\n\"broken\n");
    write_file("s/out/.solieu-state/run-99999/facts.csv", "half a file");
    run_result r = run("s/in", "s/out", 1, NULL, NULL);
    CHECK(r.status == SOLIEU_OK);
    CHECK(r.summary.documents_extracted == 1);
    free(r.error);
    char *json = slurp("s/out/run.json");
    CHECK(strstr(json, "\"stale_lock_taken_over_from_pid\"") != NULL);
    CHECK(strstr(json, "\"state_warning\"") != NULL);
    free(json);
    struct stat st;
    CHECK(stat(path_in("s/out/.solieu-state/run-99999"), &st) != 0);
    CHECK(stat(path_in("s/out/.solieu-state/lock"), &st) != 0); /* released */
}

/* A commit a killed run left half done is finished before anything else. */
static void test_finish_commit(void)
{
    write_file("c/in/a.txt", report_a);
    write_file("c/out/.solieu-state/commit/facts.csv", "new facts\n");
    write_file("c/out/.solieu-state/commit/state-v1.csv", "new state\n");
    write_file("c/out/facts.csv", "old facts\n");
    write_file("c/out/checks.csv", "checks moved before the kill\n");
    solieu_batch *b = NULL;
    char *error = NULL;
    CHECK(solieu_batch_create(rules, path_in("c/in"), path_in("c/out"), &b, &error) == SOLIEU_OK);
    CHECK(sl_finish_commit(b, &error) == SOLIEU_OK);
    solieu_batch_destroy(b);
    free(error);
    char *facts = slurp("c/out/facts.csv"), *checks = slurp("c/out/checks.csv"),
         *state = slurp("c/out/.solieu-state/state-v1.csv");
    CHECK_STR(facts, "new facts\n");
    CHECK_STR(checks, "checks moved before the kill\n");
    CHECK_STR(state, "new state\n");
    free(facts);
    free(checks);
    free(state);
    struct stat st;
    CHECK(stat(path_in("c/out/.solieu-state/commit"), &st) != 0);
    /* and a run over it works: the finished state is not a state file, so
     * everything is extracted again */
    run_result r = run("c/in", "c/out", 1, NULL, NULL);
    CHECK(r.status == SOLIEU_OK && r.summary.documents_extracted == 1);
    free(r.error);
}

static void test_threads_same_bytes(void)
{
    const char *src = getenv("SOLIEU_SOURCE_DIR");
    if (!src)
        return;
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s' && cp '%s'/examples/reports/*.txt '%s'",
             path_in("t/in"), src, path_in("t/in"));
    CHECK(system(cmd) == 0);
    run_result r1 = run("t/in", "t/out1", 1, NULL, NULL);
    run_result r4 = run("t/in", "t/out4", 4, NULL, NULL);
    CHECK(r1.status == SOLIEU_OK && r4.status == SOLIEU_OK);
    CHECK(r1.summary.documents == 5 && r4.summary.documents_extracted == 5);
    free(r1.error);
    free(r4.error);
    CHECK(same_file("t/out1/facts.csv", "t/out4/facts.csv"));
    CHECK(same_file("t/out1/checks.csv", "t/out4/checks.csv"));
    CHECK(same_file("t/out1/series.csv", "t/out4/series.csv"));
    CHECK(same_file("t/out1/stats.csv", "t/out4/stats.csv"));
}

static void test_fatal(void)
{
    write_file("f/in/a.txt", report_a);
    write_file("f/file", "x");
    /* an output directory below a regular file cannot exist */
    run_result r = run("f/in", "f/file/out", 1, NULL, NULL);
    CHECK(r.status == SOLIEU_ERR_IO);
    CHECK(r.error && strstr(r.error, "f/file/out"));
    free(r.error);
    r = run("f/missing", "f/out", 1, NULL, NULL);
    CHECK(r.status == SOLIEU_ERR_IO);
    CHECK(r.error && strstr(r.error, "f/missing"));
    free(r.error);
    solieu_batch *b = NULL;
    char *error = NULL;
    CHECK(solieu_batch_create(rules, "", "x", &b, &error) == SOLIEU_ERR_USAGE && !b && error);
    free(error);
    solieu_batch_destroy(NULL);
}

/* Every allocation of a run failing in turn: a status, never a crash or a
 * leak (the sanitizer build checks the leaks), and a later run still works. */
static void test_alloc_failures(void)
{
    write_file("m/in/a.txt", report_a);
    write_file("m/in/b.txt", report_b);
    char out[64];
    int failures = 0;
    for (long n = 0; n < 4000; n += n < 200 ? 1 : 37) {
        snprintf(out, sizeof out, "m/out%ld", n % 3);
        solieu_batch *b = NULL;
        char *error = NULL;
        sl_alloc_fail_after(n);
        solieu_status st = solieu_batch_create(rules, path_in("m/in"), path_in(out), &b, &error);
        if (st == SOLIEU_OK)
            st = solieu_batch_run(b, &error);
        sl_alloc_fail_after(-1);
        if (st != SOLIEU_OK)
            failures++;
        CHECK(st == SOLIEU_OK || st == SOLIEU_ERR_NOMEM || st == SOLIEU_ERR_IO ||
              st == SOLIEU_ERR_CSV);
        free(error);
        solieu_batch_destroy(b);
        if (st == SOLIEU_OK && n > 200)
            break;
    }
    CHECK(failures > 0);
    run_result r = run("m/in", "m/out0", 1, NULL, NULL);
    CHECK(r.status == SOLIEU_OK && r.summary.exit_status == 0);
    free(r.error);
    char *facts = slurp("m/out0/facts.csv");
    CHECK(strstr(facts, "3.120") && strstr(facts, "45"));
    free(facts);
}

int main(void)
{
    snprintf(root, sizeof root, "/tmp/solieu-test-batch-XXXXXX");
    if (!mkdtemp(root)) {
        perror("mkdtemp");
        return 1;
    }
    const char *src = getenv("SOLIEU_SOURCE_DIR");
    char rules_dir[512];
    snprintf(rules_dir, sizeof rules_dir, "%s/rules/vi", src ? src : ".");
    if (solieu_rules_load(rules_dir, NULL, NULL, &rules) != SOLIEU_OK) {
        fprintf(stderr, "cannot load %s\n", rules_dir);
        return 1;
    }
    test_hash();
    test_run_and_rerun();
    test_vanish();
    test_stale_lock_and_bad_state();
    test_finish_commit();
    test_threads_same_bytes();
    test_fatal();
    test_alloc_failures();
    solieu_rules_destroy(rules);
    sl_remove_tree(root);
    TEST_MAIN_END();
}
