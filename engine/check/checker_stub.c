#include <solieu/check.h>
#include "util/util.h"
struct solieu_checker { int unused; };
solieu_checker *solieu_checker_create(const solieu_rules *rules) { (void)rules; return sl_calloc(1, sizeof(solieu_checker)); }
void solieu_checker_destroy(solieu_checker *c) { sl_realloc(c, 0); }
solieu_status solieu_checker_add(solieu_checker *c, const solieu_document *d, const solieu_facts *f) { (void)c; (void)d; (void)f; return SOLIEU_OK; }
solieu_status solieu_checker_write(solieu_checker *c, solieu_csv_writer *w) { (void)c; (void)w; return SOLIEU_OK; }
