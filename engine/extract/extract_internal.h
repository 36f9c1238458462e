/* Shared between the extraction files. */
#ifndef SOLIEU_EXTRACT_INTERNAL_H
#define SOLIEU_EXTRACT_INTERNAL_H

#include <solieu/extract.h>

#include "document/document_internal.h"
#include "rules/rules_internal.h"

/* The metric of a footnote rule whose facts take their metric, unit and
 * qualifier from the body figure the footnote hangs on. */
#define SL_METRIC_INHERIT "inherit"
/* the unit of committee members counted among members ("cấp ủy viên") */
#define SL_UNIT_COMMITTEE_MEMBERS "c\xE1\xBA\xA5p \xE1\xBB\xA7y vi\xC3\xAAn"

struct solieu_extractor {
    const solieu_rules *rules;
    pcre2_match_data *md;
    pcre2_match_context *mc;
    sl_buf warnings;
    solieu_rule_stats *stats; /* one per rule; NULL for the checker's probes */
    int profiling;
    sl_literal_scratch *literals; /* this thread's for the fast literal search, or NULL */
    /* The fact rules with scanning alternatives that apply to a body
     * paragraph ([0]) and to a footnote ([1]), as indices among the fact
     * rules: every paragraph walks one list instead of every rule's record. */
    size_t *scanning[2];
    size_t scanning_count[2];
};

/* Called for each match with the match data set; non-zero stops. */
typedef int (*sl_match_fn)(void *ctx, const sl_rule *r, pcre2_match_data *md);

/* pcre2_match of `code` (one of r's codes) with the extractor's limits,
 * counted in ex->stats. */
int sl_match(solieu_extractor *ex, const sl_rule *r, const pcre2_code *code, const char *text,
             size_t len, size_t start, uint32_t options);
/* Every match of `code` that starts in text[from..to), the subject ending at
 * len; reports a limit hit into ex->warnings and returns its error. */
int sl_match_range(solieu_extractor *ex, const sl_rule *r, const pcre2_code *code,
                   const char *text, size_t len, size_t from, size_t to, size_t line,
                   const char *doc_name, sl_match_fn fn, void *ctx);

/* sl_match_range of r's scanning code, tried only where one of r's opening
 * words stands when it has them (with r->code_open, which has the same
 * groups as `code`): the same matches for less work. starts: where r's
 * opening words stand in text, ascending (sl_hits_by_group), or NULL to
 * scan. */
int sl_match_scanning(solieu_extractor *ex, const sl_rule *r, const pcre2_code *code,
                      const char *text, size_t len, const sl_vec *starts, size_t from, size_t to,
                      size_t line, const char *doc_name, sl_match_fn fn, void *ctx);

/* Per-group positions of opening words: one size_t vector per group of a
 * literal search, filled from its opening hits. */
typedef struct sl_word_starts {
    sl_vec *by_group;
    size_t groups;
} sl_word_starts;
/* 0, or -1 when out of memory. */
int sl_word_starts_init(sl_word_starts *w, size_t groups);
/* Fills them from a search's opening hits (the previous ones dropped). */
int sl_word_starts_fill(sl_word_starts *w, const sl_triggers *t, const sl_vec *openings);
void sl_word_starts_free(sl_word_starts *w);
/* The opening words of t's rules in text[0..len) into w (made by
 * sl_word_starts_init for t's groups): the search, then the fill. -1 when
 * out of memory. */
int sl_word_starts_find(solieu_extractor *ex, const sl_triggers *t, const char *text, size_t len,
                        sl_word_starts *w);
/* Where r's opening words stand, or NULL when r has none. */
static inline const sl_vec *sl_word_starts_of(const sl_word_starts *w, const sl_rule *r)
{
    return r->code_open && r->opening_group < w->groups ? &w->by_group[r->opening_group] : NULL;
}

struct solieu_facts {
    sl_vec facts;   /* solieu_fact */
    sl_vec strings; /* char *: every string the facts point to */
    char *entity;
};

/* A number a fact rule claimed, before one rule wins it. */
typedef struct sl_candidate {
    size_t start, end;         /* the number (value through denominator) in the segment */
    size_t value_end;
    size_t den_start, den_end; /* 0,0 when none */
    size_t match_start, match_end;
    const sl_rule *rule;
    size_t rule_index;
    size_t unit_start, unit_end; /* captured unit group, when the rule takes one */
    int has_unit_group;
    size_t qual_start, qual_end; /* captured qualifier group, when any */
} sl_candidate;

/* Every match of r->code over text[0..len). */
int sl_match_all(solieu_extractor *ex, const sl_rule *r, const char *text, size_t len,
                 size_t line, const char *doc_name, sl_match_fn fn, void *ctx);

/* Header: date, year, number, type, place, entity, term start; the period
 * the title names (sl_title_detect, "" when none) and, when that is months
 * of one year ("2026-01/2026-06"), those months: the same period of
 * another year ("cùng kỳ năm 2025") covers them too. title_cites_year: the
 * year of the date the title cites ("05 năm thực hiện Kế hoạch số 27-KH/TU,
 * ngày 14/3/2018"), 0 when none: where "trong 5 năm" counts from. */
typedef struct sl_header {
    int year, month, day;
    int term_start;
    char *entity;
    char title_period[32];
    int title_month_from, title_month_to;
    int title_cites_year;
} sl_header;
void sl_header_detect(solieu_extractor *ex, solieu_document *doc, sl_header *h);
void sl_header_free(sl_header *h);
/* The organisation a short text names ("Đảng bộ huyện An Lão" -> "huyện An
 * Lão"), by the entity rules; caller-owned, NULL when none. */
char *sl_entity_in(solieu_extractor *ex, const char *text, size_t len);

/* The period the text that leads into a table starting at `offset` names
 * ("Kết quả xếp loại năm 2025:"), "" when none. */
typedef const char *(*sl_lead_period_fn)(void *ctx, size_t offset);
/* Facts from the document's markdown tables (engine/extract/tables.c),
 * added to `facts`: a figure in a column whose header a column rule names,
 * unless a fact of the text stands there already; the cells that name no
 * period take the lead's (lead_period may be NULL); a header's quarter or
 * months with no year ("Quý I", "6 tháng") are of the lead's year, else of
 * `report_year` (0: unknown). -1 when out of memory. */
int sl_table_facts(solieu_extractor *ex, const solieu_document *doc, solieu_facts *facts,
                   sl_lead_period_fn lead_period, void *lead_ctx, int report_year);
/* Index of the first fact at or after normalised offset `offset` (facts
 * are in text order). */
size_t sl_facts_from(const solieu_facts *facts, size_t offset);
/* Keeps s (caller-allocated; NULL sets *oom) among the strings the facts
 * own, and returns it ("" when out of memory). */
const char *sl_facts_keep(solieu_facts *facts, char *s, int *oom);

/* Periods: markers found per paragraph, resolved per fact. */
typedef struct sl_period_marker {
    size_t pos; /* segment offset; first, for sl_vec_lower_bound */
    int paragraph_reach;
    int forward_only; /* a clause marker that does not reach back */
    int figure_before; /* a marker of the figure right before it: "97 (2021)" */
    int figure_after;  /* ... of the figure right after it: "so với nhiệm kỳ
                        * 2015 - 2020 (250 đảng viên)" */
    size_t end;        /* segment offset where the marker's words end */
    int data;          /* it says what a report's figures cover: "số liệu tổng
                        * hợp từ ngày 01/01/2021 đến ngày 31/12/2024" */
    char value[32];
    size_t paren;   /* the '(' it stands in, or (size_t)-1 */
    size_t running; /* index of the paragraph-reach marker in force here, or (size_t)-1 */
} sl_period_marker;
/* The months a period covers, counted from year 0 ("2025" → 2025·12 to
 * 2025·12 + 11; "2026-07/2026-09"; "2021/2025"): 1 with the first and last
 * into *from and *to, 0 for no period of whole months. */
int sl_period_months(const char *period, long *from, long *to);
/* The inverse: months [from, to] as a period ("2024", "2025-07/2025-09",
 * "2025-03"). */
void sl_period_format(long from, long to, char *out, size_t size);
/* Past an item's numbering at text[from] ("1. ", "2) ", "a) ", "II. "), or from. */
size_t sl_past_numbering(const char *text, size_t from, size_t end);
/* Whether a change's word ("tăng ", "giảm ") stands right before text[at]:
 * the figure there is a change, not a level. */
int sl_after_change_word(const char *text, size_t at);
/* Whether a sentence ends in text[from, to): a full stop before a space or
 * a line's end (a line break alone is a hard wrap within a paragraph). */
int sl_sentence_ends_between(const char *text, size_t from, size_t to);
/* Finds the period markers of a paragraph, sorted by position (words: the
 * rules' opening words in its segment, or NULL). */
void sl_periods_find(solieu_extractor *ex, const sl_paragraph *p, const sl_word_starts *words,
                     const sl_header *h, size_t line, const char *doc_name, int heading,
                     sl_vec *markers);
const char *sl_period_for(const sl_paragraph *p, const sl_vec *markers, size_t pos);
/* The period the report's title names ("... năm 2024", "... nhiệm kỳ 2020
 * - 2025") into h->title_period ("" when it names none) and, when that is
 * months of one year, those months into h->title_month_from/to. */
void sl_title_detect(solieu_extractor *ex, const solieu_document *doc, sl_header *h);
/* Per paragraph, the period the heading of its section names ("" when
 * none): *out, caller-freed, one entry per paragraph. -1 when out of
 * memory. */
int sl_section_periods(solieu_extractor *ex, const solieu_document *doc, const sl_header *h,
                       char (**out)[32]);

/* Resolution: drops ignored numbers, keeps one fact per number. */
void sl_candidates_resolve(sl_vec *candidates, sl_vec *ignored);

/* Sentence and clause edges in a segment. */
size_t sl_sentence_start(const char *s, size_t pos);
size_t sl_sentence_end(const char *s, size_t len, size_t pos);

/* The same answers for many positions of one segment: its sentence ends
 * indexed once (sl_vec_init(&ends, sizeof(size_t)) first; -1 when out of
 * memory). */
typedef struct sl_sentences {
    const char *s;
    size_t len;
    sl_vec ends; /* size_t: one past each sentence's stop, ascending */
} sl_sentences;
int sl_sentences_index(sl_sentences *t, const char *s, size_t len);
size_t sl_sentences_start(const sl_sentences *t, size_t pos);
size_t sl_sentences_end(const sl_sentences *t, size_t pos);

/* Whether a footnote's noun ("cuộc", "tập thể") names what a body unit
 * ("cuộc giám sát", "lượt tập thể") counts. */
int sl_same_noun(const char *body_unit, const char *footnote_unit);
/* What the passes after the rules read and change (attribution.c). */
typedef struct sl_attribution {
    solieu_extractor *ex;
    const solieu_document *doc;
    const sl_header *header;
    solieu_facts *facts;
    int oom;
} sl_attribution;
/* Metrics, periods and entities a figure takes from around it: bare numbers
 * from their leads (or dropped), footnote counts from their body figure,
 * periods from footnote series, sections and the title, entities from the
 * units the text names. Sets a->oom when out of memory. */
void sl_attribute_facts(sl_attribution *a);
/* Whether a unit counts party members ("đảng viên", "đồng chí"). */
int sl_counts_members(const char *unit);

/* Text helpers (caller-owned results, NULL when out of memory). */
char *sl_utf8_lower(const char *s, size_t n);   /* lower case, spaces folded */
char *sl_utf8_title(const char *s, size_t n);   /* "HẬU GIANG" -> "Hậu Giang" */
char *sl_context_snippet(const char *s, size_t len, size_t start, size_t end, size_t around);
/* s with its first letter in upper case ("đảng viên" → "Đảng viên") into
 * out; its length, 0 when it does not fit. */
size_t sl_capitalise_first(const char *s, char *out, size_t size);

#endif
