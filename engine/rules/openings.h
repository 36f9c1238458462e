/* The words a scanning pattern's matches open with, read off the pattern's
 * source: "(?:có|với|tổng số) ..." opens with "có", "với" or "tổng". A rule
 * whose every match opens with one of a few words need not be scanned over
 * a sentence byte by byte: it can be tried anchored where those words stand,
 * found by the same one-pass literal search as triggers. */
#ifndef SOLIEU_RULES_OPENINGS_H
#define SOLIEU_RULES_OPENINGS_H

#include <stddef.h>

/* At most this many words (more would cost more to look for than a scan). */
#define SL_MAX_OPENINGS 24

/* The words every match of `pattern` (rule syntax, macros unexpanded) opens
 * with, '|'-separated, as a caller-owned string: each word is the literal
 * text up to the first white space or regex construct, at least two bytes
 * long. The literal search folds the ASCII case of a word's first byte and
 * compares the rest exactly, so for a `caseless` pattern each word is
 * listed in lower case, in capitals and, when its first letter is not
 * ASCII, capitalised ("đối", "ĐỐI", "Đối"; other mixes are not found). NULL
 * when a match may open otherwise (a class, a macro, `^`, an optional first
 * word, too many words) or when out of memory (*oom set). Zero-width
 * assertions are passed over: they do not move where a match starts. */
char *sl_pattern_openings(const char *pattern, int caseless, int *oom);

#endif
