/* Compiled rules as the extractor and the checker see them. */
#ifndef SOLIEU_RULES_INTERNAL_H
#define SOLIEU_RULES_INTERNAL_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <solieu/rules.h>

#include "rules/openings.h"
#include "rules/triggers.h"
#include "rules/value_index.h"
#include "util/util.h"

typedef enum sl_rule_kind {
    SL_RULE_FACT = 0,  /* a number and what it counts */
    SL_RULE_IGNORE,    /* numbers that are never statistics: dates, document numbers */
    SL_RULE_PERIOD,    /* "giai đoạn 2018 - 2022", "Năm 2019:" */
    SL_RULE_ENTITY,    /* the reporting organisation: level and name */
    SL_RULE_CITATION,  /* a cited document number with its date */
    SL_RULE_DOCDATE,   /* the document's own place and date line */
    SL_RULE_DATE,      /* any date, for the document's latest date */
    SL_RULE_TERM,      /* "nhiệm kỳ 2020 - 2025" */
    SL_RULE_DOCNUMBER, /* the document's own "Số 160-BC/TU" */
    SL_RULE_RELATION,  /* an arithmetic relation between facts */
    SL_RULE_COLUMN,    /* a table column's header: what its figures count */
    SL_RULE_TOPIC,     /* a list head with no figure: what its items count */
    SL_RULE_KIND_COUNT
} sl_rule_kind;

/* Where a rule runs; `heading` (period rules only): the report's title and
 * its section headings, where "nhiệm kỳ 2020 - 2025" names the period of
 * what follows, as it does not in a sentence. */
typedef enum sl_where {
    SL_WHERE_ANY = 0,
    SL_WHERE_BODY,
    SL_WHERE_FOOTNOTE,
    SL_WHERE_HEADING
} sl_where;

typedef struct sl_example {
    char *text;
    char *expect; /* NULL for a counter-example */
    size_t line;
} sl_example;

/* How the number at a site is written; a value-first rule is tried only
 * where the macro it starts with can match ({VALUE}: plain or percent,
 * {VALUEW}: also words, {PCTV}: percent, {FRAC}: fraction). */
enum {
    SL_SHAPE_PLAIN = 1,    /* "27.210", "05" */
    SL_SHAPE_PERCENT = 2,  /* "96,48%", "12 %" */
    SL_SHAPE_FRACTION = 4, /* "302/313" */
    SL_SHAPE_WORDS = 8     /* "hai mươi lăm" */
};

/* The numbers of the groups one name stands for in one compiled code (with
 * duplicate names, one per alternative), in the order PCRE2 lists them;
 * `all` is 0 when there were more than the table holds. */
enum { SL_MAX_GROUPS_PER_NAME = 16 };
typedef struct sl_group_numbers {
    int all;
    uint32_t count;
    uint32_t number[SL_MAX_GROUPS_PER_NAME];
} sl_group_numbers;

/* A fact rule's named groups in one of its codes, looked up once at load
 * rather than by name for every match. */
typedef struct sl_fact_groups {
    sl_group_numbers value, den, unit, qualifier;
} sl_fact_groups;

/* One pattern line of a rule, as written, and where it stands. */
typedef struct sl_pattern_line {
    char *text;
    size_t line, column;
} sl_pattern_line;

typedef struct sl_rule {
    char *id;
    sl_rule_kind kind;
    char *metric;
    char *unit;      /* literal, or "{group}" to take a captured group */
    char *qualifier;
    char *check;     /* relation rules: sum, subset, ratio, ... */
    char *parts;     /* relation rules: metrics, space-separated */
    int priority;
    sl_where where;
    int paragraph_reach; /* period rules: 1 = rest of paragraph, 0 = clause */
    int forward_only;    /* period rules of clause reach: only what follows them */
    int figure_before;   /* period rules: only the figure right before them */
    int figure_after;    /* period rules: only the figure right after them, or
                          * in the parenthesis right after them */
    int sentence_reach;  /* chain rules: the whole stands in the part's sentence */
    int cased;           /* match case-sensitively */
    int overlap;         /* fact rules: its figures are groups that may overlap
                          * (women, youth): subsets of a total, never the
                          * parts that add up to it */
    int stock;           /* fact rules: its metric counts what there is as of
                          * the report's date, so it never takes the period
                          * the report's title names */
    /* Fact rules split their alternatives: those that start with the number
     * run anchored where numbers start (code_value), the others scan the
     * text (code_scan). `code` holds them all, for examples and lint. */
    char *value_pattern, *scan_pattern;
    pcre2_code *code_value, *code_scan;
    char *follow;        /* what follows the number in each value pattern,
                          * '\n'-separated */
    int follow_unknown;  /* a value pattern does not follow its number with a space */
    unsigned char follow_bytes[32]; /* bytes that can start the text after the
                          * number and its spaces; all set when unknown */
    unsigned number_shapes; /* SL_SHAPE_*: the numbers its value patterns start with */
    char *pattern;       /* after macro expansion */
    char *source;        /* the pattern as written, macros unexpanded */
    char *trigger;       /* '|'-separated literals, one of which a text must hold
                          * (ASCII case ignored) for the rule to run on it */
    size_t trigger_group; /* its trigger among solieu_rules.triggers' groups */
    /* The words every scanning match opens with (rules/openings.h), and the
     * scanning alternatives compiled anchored, to be tried only where one of
     * them stands; NULL when the pattern may open otherwise. Fact, ignore,
     * period and header rules. */
    char *openings;
    size_t opening_group; /* its words among sl_rules_words_for(r)'s groups */
    pcre2_code *code_open;
    /* the named groups of code_value, and of code_scan (code_open has the same) */
    sl_fact_groups value_groups, scan_groups;
    pcre2_code *code;
    const char *file;    /* borrowed from solieu_rules.files */
    size_t line;
    size_t pattern_line, pattern_column;
    sl_vec pattern_lines; /* sl_pattern_line: each pattern as written, to say
                           * which of them does not compile */
    sl_vec examples;     /* sl_example */
} sl_rule;

struct solieu_rules {
    sl_vec rules;        /* sl_rule */
    sl_vec files;        /* char *: owned file paths */
    char digest[17];
    size_t first_of_kind[SL_RULE_KIND_COUNT];
    size_t count_of_kind[SL_RULE_KIND_COUNT];
    sl_vec by_kind;      /* size_t indices of rules, grouped by kind */
    sl_triggers triggers;       /* fact, ignore and period rules' trigger and opening words,
                                 * looked for in each paragraph */
    sl_triggers header_words;   /* header rules' opening words, looked for in each document */
    sl_value_index value_rules; /* the value-first fact rules, by number shape and next byte */
    pcre2_code *any_column;     /* every column rule's pattern in one: a label no rule
                                 * names is turned away with one match (NULL: none) */
    sl_vec stock_metrics;       /* const char *: the metrics of the fact and column
                                 * rules marked `stock`, once each */
};

/* Whether a rule marked `stock` counts `metric`: what there is as of the
 * report's date (members, organisations), never the period of its title. */
int sl_rules_metric_is_stock(const solieu_rules *rules, const char *metric);

/* Whether a value-first rule can match where the text after the number
 * starts with byte b. */
static inline int sl_rule_may_follow(const sl_rule *r, unsigned char b)
{
    return (r->follow_bytes[b >> 3] >> (b & 7)) & 1;
}

/* Offset of the first trigger literal of r in text (its first ASCII letter
 * in either case), (size_t)-1 when none; 0 for a rule without triggers. */
size_t sl_rule_trigger_at(const sl_rule *r, const char *text, size_t len);

static inline const sl_triggers *sl_rules_triggers(const solieu_rules *rules)
{
    return &rules->triggers;
}

/* Rules that read the whole document once (its date, number, term and
 * organisation) rather than paragraph by paragraph. */
static inline int sl_rule_reads_header(const sl_rule *r)
{
    return r->kind == SL_RULE_ENTITY || r->kind == SL_RULE_DOCDATE || r->kind == SL_RULE_DATE ||
           r->kind == SL_RULE_TERM || r->kind == SL_RULE_DOCNUMBER;
}

/* The literal search that finds r's opening words. */
static inline const sl_triggers *sl_rules_words_for(const solieu_rules *rules, const sl_rule *r)
{
    return sl_rule_reads_header(r) ? &rules->header_words : &rules->triggers;
}

static inline const sl_value_index *sl_rules_value_index(const solieu_rules *rules)
{
    return &rules->value_rules;
}

/* The rules of one kind, in file order. */
static inline const sl_rule *sl_rules_of_kind(const solieu_rules *rules, sl_rule_kind kind,
                                              size_t i)
{
    size_t index = *(size_t *)sl_vec_at(&rules->by_kind, rules->first_of_kind[kind] + i);
    return sl_vec_at(&rules->rules, index);
}
size_t sl_rules_kind_count(const solieu_rules *rules, sl_rule_kind kind);

/* A match context with the engine's match, depth and heap limits; one per
 * thread (caller-owned: pcre2_match_context_free). */
pcre2_match_context *sl_match_context_create(void);

/* Span of the named group in the last match, if it took part. With
 * duplicate names, the first that matched. */
int sl_group_span(const pcre2_code *code, pcre2_match_data *md, const char *name, size_t *start,
                  size_t *end);
/* The same with the name's groups looked up beforehand (`name` is asked of
 * code only when they were too many to keep). */
int sl_group_numbers_span(const sl_group_numbers *groups, const pcre2_code *code,
                          pcre2_match_data *md, const char *name, size_t *start, size_t *end);

#endif
