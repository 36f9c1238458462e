/* Shared between the relation finders. */
#ifndef SOLIEU_CHECK_INTERNAL_H
#define SOLIEU_CHECK_INTERNAL_H

#include <solieu/check.h>
#include <solieu/number.h>

#include "document/document_internal.h"
#include "extract/extract_internal.h"
#include "rules/rules_internal.h"

typedef struct sl_check_row {
    char *doc;
    char *check;   /* sum, subset, ratio, series_total, list_count, ref_date */
    int pass;
    char *lines;   /* "61;65;67" */
    char *stated;
    char *computed;
    char *message;
    char *tolerance;
    char *facts;   /* fact ids, ';'-separated */
    size_t byte_start, byte_end; /* span of the stated figure in the original file */
    char *rule;
} sl_check_row;

/* A document number cited with a date, kept for the cross-document pass. */
typedef struct sl_citation {
    char *doc;
    char *entity;
    char *type;
    char *number; /* spaces removed: "160-BC/TU" */
    int y, m, d;
    size_t line;
} sl_citation;
void sl_citation_free(sl_citation *ct); /* its strings, not itself */

struct solieu_checker {
    const solieu_rules *rules;
    solieu_extractor *matcher; /* PCRE2 scratch and limits for relation rules */
    sl_vec rows;      /* sl_check_row */
    sl_vec citations; /* sl_citation */
};

typedef struct sl_footnoted {
    int footnote;
    size_t index; /* of the fact in the facts list */
} sl_footnoted;

/* What one document's checks look at. */
typedef struct sl_check_doc {
    solieu_checker *checker;
    const solieu_document *doc;
    const solieu_facts *facts;
    unsigned char *is_part; /* per fact id: a part of some breakdown */
    unsigned char *overlaps; /* per fact id: found by a rule of overlapping groups */
    sl_footnoted *footnoted; /* footnote facts, grouped by footnote */
    size_t nfootnoted;
    size_t first_row; /* the checker's rows from here on are this document's */
    int oom;
} sl_check_doc;

/* Appends a row; `fmt` builds the message. Takes no ownership of inputs. */
void sl_check_add(sl_check_doc *cd, const char *check, int pass, const char *rule,
                  const solieu_fact *stated_fact, const solieu_fact *const *others, size_t nothers,
                  double stated, double computed, double tolerance, const char *fmt, ...)
    __attribute__((format(printf, 11, 12)));
/* The same for rows not tied to facts (ref_date). */
void sl_check_add_raw(solieu_checker *c, const char *doc, const char *check, int pass,
                      const char *lines, const char *stated, const char *computed,
                      const char *message, const char *rule);

/* Whether text[pos] stands inside a parenthesis that closes before `end`. */
int sl_in_parenthesis(const char *text, size_t pos, size_t end);
/* Whether text[at] stands in a parenthesis that closes on its line. */
int sl_in_parentheses_on_line(const char *text, size_t len, size_t at);
/* The words of f's sentence before f, in its paragraph's segment (the
 * sentence's opening spaces skipped): its start, and their length in *n. */
const char *sl_sentence_before(const sl_check_doc *cd, const solieu_fact *f, size_t *n);
/* Whether figure f says by how much a figure changed ("tăng 02 chi bộ so
 * với năm 2024"): no total a list of parts or ratings adds up to. */
int sl_is_change(const sl_check_doc *cd, const solieu_fact *f);

/* Relation finders, each over one document. */
void sl_check_breakdowns(sl_check_doc *cd); /* sum and subset by pattern, formulas */
/* Whether figures of metric `part` can break a total of metric `total`
 * down: the same metric, or one the total's `family` rule lists. */
int sl_metric_in_family(const solieu_rules *rules, const char *total, const char *part);
void sl_check_chains(sl_check_doc *cd);     /* subset by metric pairs */
void sl_check_ratios(sl_check_doc *cd);
void sl_check_shares(sl_check_doc *cd);     /* a share against a whole named elsewhere */
void sl_check_ratings(sl_check_doc *cd);    /* counts by rating against the rated total */
void sl_check_comparisons(sl_check_doc *cd); /* a figure against last year's and the change */
void sl_check_footnotes(sl_check_doc *cd);  /* series_total, list_count, remainders */
void sl_check_citations(sl_check_doc *cd);  /* collects citations, ref_date within the doc */
void sl_check_citations_across(solieu_checker *c);
void sl_check_tables(sl_check_doc *cd); /* a table's total row against its rows */
void sl_check_named_lists(sl_check_doc *cd); /* a count against the names after it */
void sl_check_body_series(sl_check_doc *cd);
void sl_check_forms(sl_check_doc *cd);
void sl_check_categories(sl_check_doc *cd); /* totals against a paragraph of categories */
    /* a count of those disciplined against its forms */ /* a total against its parts' periods after
                                                            it */

/* Records a total and its parts: a sum (or a subset with one part, or a
 * partial breakdown that falls short), and marks same-metric parts. */
void sl_record_breakdown(sl_check_doc *cd, const sl_rule *r, const solieu_fact *total,
                         const solieu_fact *const *parts, size_t n, int partial);

/* Where footnote N's facts start in cd->footnoted, and how many (*count). */
size_t sl_footnote_facts(const sl_check_doc *cd, int number, size_t *count);
/* The first relation rule with check `check`, or NULL (the check is off). */
const sl_rule *sl_relation_rule(const solieu_rules *rules, const char *check);
/* The fact whose number starts at normalised offset `at`, or NULL. */
const solieu_fact *sl_fact_at(const solieu_facts *facts, size_t at);
/* Whether two figures count the same noun ("tổ chức" and "tổ chức cơ sở
 * đảng"; "đảng viên", "đồng chí" and "trường hợp"). */
int sl_same_kind(const solieu_fact *a, const solieu_fact *b);
/* Whether a stated percentage agrees with the computed one: within (less
 * than) one unit of its last decimal, as a report rounds or truncates.
 * *tolerance: that unit; *shown: the computed one in the stated precision. */
int sl_share_agrees(double computed, const solieu_number *stated, double *tolerance, double *shown);
/* The yearly rating words s[0, n) name, from the best (1) to "không hoàn
 * thành nhiệm vụ" (SL_RATING_FAILED); SL_NO_RATING for none or for a
 * level and those above it ("tốt trở lên"). */
enum { SL_NO_RATING = 0, SL_RATING_FAILED = 4 };
int sl_rating_level(const char *s, size_t n);
/* Whether the levels seen (bit L for level L) are every level, the best
 * down to "không hoàn thành": a list of them that splits its total. */
int sl_every_rating_level(unsigned seen);
/* What a relation rule's match callback gets: the document's checks and
 * the paragraph matched. */
typedef struct sl_relation_ctx {
    sl_check_doc *cd;
    const sl_paragraph *p;
    void *data; /* the caller's, passed through */
} sl_relation_ctx;
/* Runs every relation rule of check `check` that has a pattern over every
 * paragraph, calling fn (its ctx an sl_relation_ctx carrying `data`) for
 * each match. */
void sl_run_relations(sl_check_doc *cd, const char *check, sl_match_fn fn, void *data);
/* The number a relation rule's named group captured in segment `seg`, and
 * where it starts there; 0 when the group did not take part or holds no
 * number. */
int sl_group_number(const sl_rule *r, pcre2_match_data *md, const char *seg, const char *name,
                    solieu_number *num, size_t *start);
/* The facts within the text of paragraphs [from, to]: the facts list's
 * [*first, return) (a paragraph a page break split may hold another's
 * facts; callers check f->paragraph). */
size_t sl_paragraphs_facts(const sl_check_doc *cd, size_t from, size_t to, size_t *first);
/* Parts whose periods tile the total's: each within it, none overlapping
 * another, all of one metric with it. `complete`: together they cover it.
 * Their count (0: a period twice, or fewer than two). */
size_t sl_period_series(const solieu_fact *total, const solieu_fact *const *candidates, size_t n,
                        const solieu_fact **parts, double *sum, int *complete);
/* Whether this document has a row of `check` stating this figure (one
 * told by another finder already). */
int sl_row_told(const sl_check_doc *cd, const solieu_fact *stated, const char *check);
/* Adds a series_total row: the k parts add up to `sum` against the total
 * (`where` says which parts: "values of footnote 3"). */
void sl_add_series(sl_check_doc *cd, const sl_rule *r, const solieu_fact *total,
                   const solieu_fact *const *parts, size_t k, double sum, const char *where);
/* Whether an item of a list in p's segment [from, to) (items apart by ','
 * or ';') ends with a figure that none of the n parts is: a number in
 * words, or digits in a list of labelled figures, set apart by semicolons
 * or before the last part read. The parts read are not all the list
 * gives. */
int sl_unread_part(const sl_paragraph *p, size_t from, size_t to,
                   const solieu_fact *const *parts, size_t n);
/* The administrative level whose word opens text[0..len): 1 a commune,
 * ward or town ("xã "), 2 a district or city, 3 a province; 0 none (a
 * hamlet, a cell, a name). */
int sl_level_opening(const char *text, size_t len);
/* Whether `metric` is listed in the space-separated `list`. */
int sl_metric_listed(const char *list, const char *metric);
/* The chain rule whose part is `metric` (its wholes in r->parts), or NULL. */
const sl_rule *sl_chain_rule(const solieu_rules *rules, const char *metric);
/* Whether a figure of this period may be the whole of one of that period
 * (the same, or either names none). */
int sl_comparable_periods(const char *a, const char *b);
/* Records that `part` may not exceed `whole` (once per pair), by chain rule r. */
void sl_add_subset(sl_check_doc *cd, const sl_rule *r, const solieu_fact *whole,
                   const solieu_fact *part);

#endif
