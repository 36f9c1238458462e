/* Gold facts: GOLD_DIR/X.facts.csv files read into rows indexed by (doc, line),
 * the key ../shared/tools/score matches on. */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bench/bench_internal.h"

static const char FACTS_SUFFIX[] = ".facts.csv";

solieu_status solieu_gold_create(solieu_gold **out)
{
    *out = sl_calloc(1, sizeof **out);
    if (!*out)
        return SOLIEU_ERR_NOMEM;
    sl_vec_init(&(*out)->rows, sizeof(sl_gold_row));
    sl_vec_init(&(*out)->docs, sizeof(sl_gold_doc));
    return SOLIEU_OK;
}

void solieu_gold_destroy(solieu_gold *gold)
{
    if (!gold)
        return;
    for (size_t i = 0; i < gold->rows.len; i++) {
        sl_gold_row *r = sl_vec_at(&gold->rows, i);
        free(r->doc);
        free(r->line);
        free(r->text);
        free(r->metric);
    }
    for (size_t i = 0; i < gold->docs.len; i++)
        free(((sl_gold_doc *)sl_vec_at(&gold->docs, i))->name);
    sl_vec_free(&gold->rows);
    sl_vec_free(&gold->docs);
    free(gold->order);
    free(gold);
}

size_t solieu_gold_count(const solieu_gold *gold, size_t *required)
{
    if (required)
        *required = gold ? gold->required : 0;
    return gold ? gold->rows.len : 0;
}

int solieu_gold_value_matches(double gold, double produced)
{
    /* the scorer: abs(gv - v) <= 1e-9 * max(1.0, abs(gv)); NAN never matches */
    double scale = fabs(gold) > 1.0 ? fabs(gold) : 1.0;
    return fabs(gold - produced) <= 1e-9 * scale;
}

/* ---- small text helpers --------------------------------------------------- */

static char *trimmed(const char *s)
{
    while (sl_is_space((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && sl_is_space((unsigned char)s[n - 1]))
        n--;
    return sl_strndup(s, n);
}

char *sl_gold_norm(const char *s)
{
    char *t = trimmed(s ? s : "");
    for (char *p = t; p && *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    return t;
}

int sl_gold_parse_value(const char *s, double *out)
{
    while (sl_is_space((unsigned char)*s))
        s++;
    /* strtod takes hex ("0x1A"), Python's float() does not */
    if (!*s || strpbrk(s, "xX"))
        return 0;
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (end == s)
        return 0;
    while (sl_is_space((unsigned char)*end))
        end++;
    if (*end)
        return 0;
    *out = v;
    return 1;
}

/* ---- the (doc, line) index -------------------------------------------------- */

static int cmp_doc(const void *a, const void *b)
{
    return strcmp(((const sl_gold_doc *)a)->name, ((const sl_gold_doc *)b)->name);
}

size_t sl_gold_doc_index(const solieu_gold *gold, const char *name)
{
    if (!gold || !gold->docs.len)
        return SIZE_MAX;
    sl_gold_doc key = {(char *)name, 0};
    const sl_gold_doc *hit = bsearch(&key, gold->docs.items, gold->docs.len, sizeof key, cmp_doc);
    return hit ? (size_t)(hit - (const sl_gold_doc *)gold->docs.items) : SIZE_MAX;
}

/* qsort is not stable: the row index breaks ties so that, within one
 * (doc, line), rows keep their file order, which decides which gold fact a
 * produced fact takes first — as in the scorer's pool lists. */
static int cmp_key(const void *pa, const void *pb)
{
    const sl_gold_key *a = pa, *b = pb;
    int c = strcmp(a->doc, b->doc);
    if (!c)
        c = strcmp(a->line, b->line);
    return c ? c : (a->row > b->row) - (a->row < b->row);
}

static int key_before(const sl_gold_key *k, const char *doc, const char *line)
{
    int c = strcmp(k->doc, doc);
    return (c ? c : strcmp(k->line, line)) < 0;
}

static int key_equals(const sl_gold_key *k, const char *doc, const char *line)
{
    return strcmp(k->doc, doc) == 0 && strcmp(k->line, line) == 0;
}

size_t sl_gold_find(const solieu_gold *gold, const char *doc, const char *line, size_t *first)
{
    size_t lo = 0, hi = gold ? gold->rows.len : 0;
    while (lo < hi) { /* lower bound */
        size_t mid = lo + (hi - lo) / 2;
        if (key_before(&gold->order[mid], doc, line))
            lo = mid + 1;
        else
            hi = mid;
    }
    *first = lo;
    size_t n = 0;
    while (gold && lo + n < gold->rows.len && key_equals(&gold->order[lo + n], doc, line))
        n++;
    return n;
}

/* Adds a document name (once), remembering whether a gold file names it. */
static solieu_status add_doc(solieu_gold *gold, const char *name, int has_file)
{
    size_t at = sl_gold_doc_index(gold, name);
    if (at != SIZE_MAX) {
        ((sl_gold_doc *)sl_vec_at(&gold->docs, at))->has_file |= has_file;
        return SOLIEU_OK;
    }
    char *copy = sl_strdup(name);
    sl_gold_doc *d = copy ? sl_vec_push(&gold->docs) : NULL;
    if (!d) {
        free(copy);
        return SOLIEU_ERR_NOMEM;
    }
    d->name = copy;
    d->has_file = has_file;
    qsort(gold->docs.items, gold->docs.len, sizeof *d, cmp_doc);
    return SOLIEU_OK;
}

/* Rebuilds the row order and each row's document index after an add. */
static solieu_status reindex(solieu_gold *gold)
{
    sl_gold_key *order = sl_realloc(gold->order, (gold->rows.len + 1) * sizeof *order);
    if (!order)
        return SOLIEU_ERR_NOMEM;
    gold->order = order;
    for (size_t i = 0; i < gold->rows.len; i++) {
        sl_gold_row *r = sl_vec_at(&gold->rows, i);
        r->doc_index = sl_gold_doc_index(gold, r->doc);
        order[i] = (sl_gold_key){r->doc, r->line, i};
    }
    qsort(order, gold->rows.len, sizeof *order, cmp_key);
    return SOLIEU_OK;
}

static void set_error(char **error, char *msg)
{
    if (error)
        *error = msg;
    else
        free(msg);
}

solieu_status solieu_gold_add_table(solieu_gold *gold, const solieu_table *table,
                                    const char *file_name, char **error)
{
    if (error)
        *error = NULL;
    long c_doc = solieu_table_column(table, "doc"), c_line = solieu_table_column(table, "line");
    long c_value = solieu_table_column(table, "value");
    long c_req = solieu_table_column(table, "required");
    long c_text = solieu_table_column(table, "text"),
         c_metric = solieu_table_column(table, "metric");
    size_t nrows = solieu_table_rows(table);
    /* like the scorer, a table without rows needs no columns */
    if (nrows && (c_doc < 0 || c_line < 0 || c_value < 0 || c_req < 0)) {
        set_error(error, sl_printf("%s:1: a gold file needs the columns doc, line, value and "
                                   "required",
                                   file_name));
        return SOLIEU_ERR_CSV;
    }
    /* GOLD_DIR/X.facts.csv scores X.txt, as the scorer derives it */
    const char *base = sl_basename(file_name);
    size_t blen = strlen(base), slen = sizeof FACTS_SUFFIX - 1;
    if (blen > slen && strcmp(base + blen - slen, FACTS_SUFFIX) == 0) {
        char *doc = sl_printf("%.*s.txt", (int)(blen - slen), base);
        solieu_status st = doc ? add_doc(gold, doc, 1) : SOLIEU_ERR_NOMEM;
        free(doc);
        if (st != SOLIEU_OK)
            return st;
    }
    solieu_status st = SOLIEU_OK;
    for (size_t i = 0; st == SOLIEU_OK && i < nrows; i++) {
        sl_gold_row r = {0};
        r.doc = sl_strdup(solieu_table_cell(table, i, c_doc));
        r.line = trimmed(solieu_table_cell(table, i, c_line));
        r.text = sl_strdup(solieu_table_cell(table, i, c_text));
        r.metric = sl_gold_norm(solieu_table_cell(table, i, c_metric));
        char *req = trimmed(solieu_table_cell(table, i, c_req));
        int req_ok = req != NULL;
        r.required = req && strcmp(req, "1") == 0;
        free(req);
        r.has_value = sl_gold_parse_value(solieu_table_cell(table, i, c_value), &r.value);
        sl_gold_row *slot = NULL;
        if (r.doc && r.line && r.text && r.metric && req_ok && add_doc(gold, r.doc, 0) == SOLIEU_OK)
            slot = sl_vec_push(&gold->rows);
        if (slot) {
            *slot = r;
            gold->required += r.required != 0;
        } else {
            free(r.doc);
            free(r.line);
            free(r.text);
            free(r.metric);
            st = SOLIEU_ERR_NOMEM;
        }
    }
    /* rows added before a failure stay usable */
    solieu_status ist = reindex(gold);
    return st != SOLIEU_OK ? st : ist;
}

/* ---- a gold directory ------------------------------------------------------- */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of the DIR/X.facts.csv files, sorted (as Python's sorted(glob(...)), which
 * skips names starting with a dot). */
static solieu_status list_gold_files(const char *dir, sl_vec *names, char **error)
{
    DIR *d = opendir(dir);
    if (!d) {
        set_error(error, sl_printf("%s: %s", dir, strerror(errno)));
        return SOLIEU_ERR_IO;
    }
    struct dirent *e;
    size_t slen = sizeof FACTS_SUFFIX - 1;
    solieu_status st = SOLIEU_OK;
    while (st == SOLIEU_OK && (e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.' || n <= slen || strcmp(e->d_name + n - slen, FACTS_SUFFIX) != 0)
            continue;
        char **slot = sl_vec_push(names);
        if (!slot || !(*slot = sl_strdup(e->d_name)))
            st = SOLIEU_ERR_NOMEM;
    }
    closedir(d);
    if (st == SOLIEU_OK)
        qsort(names->items, names->len, sizeof(char *), cmp_str);
    return st;
}

solieu_status solieu_gold_load(const char *dir, solieu_gold **out, char **error)
{
    if (error)
        *error = NULL;
    *out = NULL;
    solieu_gold *gold = NULL;
    sl_vec names;
    sl_vec_init(&names, sizeof(char *));
    solieu_status st = list_gold_files(dir, &names, error);
    if (st == SOLIEU_OK && names.len == 0) {
        set_error(error, sl_printf("%s: no *.facts.csv gold files", dir));
        st = SOLIEU_ERR_USAGE;
    }
    if (st == SOLIEU_OK)
        st = solieu_gold_create(&gold);
    for (size_t i = 0; st == SOLIEU_OK && i < names.len; i++) {
        const char *name = *(char **)sl_vec_at(&names, i);
        size_t dlen = strlen(dir);
        int slash = dlen && dir[dlen - 1] == '/';
        char *path = sl_printf("%s%s%s", dir, slash ? "" : "/", name);
        solieu_table *t = NULL;
        st = path ? solieu_table_read(path, &t, error) : SOLIEU_ERR_NOMEM;
        if (st == SOLIEU_OK)
            st = solieu_gold_add_table(gold, t, path, error);
        solieu_table_destroy(t);
        free(path);
    }
    for (size_t i = 0; i < names.len; i++)
        free(*(char **)sl_vec_at(&names, i));
    sl_vec_free(&names);
    if (st != SOLIEU_OK) {
        if (st == SOLIEU_ERR_NOMEM && error && !*error)
            *error = sl_printf("%s: out of memory", dir);
        solieu_gold_destroy(gold);
        return st;
    }
    *out = gold;
    return SOLIEU_OK;
}
