/* solieu: the one parser for Vietnamese numerals in reports.
 *
 *   "27.210"  -> 27210        (dot groups thousands)
 *   "96,48"   -> 96.48        (comma is the decimal mark)
 *   "1.234,5" -> 1234.5
 *   "05"      -> 5            (leading zeros)
 *   "302/313" -> 302, denominator 313
 *   "96,48%"  -> 96.48, percent
 *   "1,5 triệu" -> 1500000   (scale words: nghìn/ngàn, triệu, tỷ/tỉ)
 *   "hai mươi lăm" -> 25, "một trăm linh năm" -> 105, "trăm" -> 100
 *
 * Everything else in the engine asks this module; nobody re-parses. */
#ifndef SOLIEU_NUMBER_H
#define SOLIEU_NUMBER_H

#include <stddef.h>

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct solieu_number {
    double value;
    double denominator; /* valid when has_denominator */
    int has_denominator;
    int percent;        /* the text ended in '%' */
    int from_words;     /* written in words ("hai mươi") */
    int decimals;       /* digits after the decimal mark, 0 for integers */
    size_t consumed;    /* bytes of the input that make up the number */
} solieu_number;

/* Parses the number at the start of text[0..len) (UTF-8, NFC). Leading
 * spaces are not skipped. Returns SOLIEU_OK and fills *out, or
 * SOLIEU_ERR_USAGE (with *out zeroed) when no number starts there. Trailing
 * text after the number is allowed and not consumed (out->consumed tells
 * where it ends). Never reads text[len]; text need not be NUL-terminated.
 *
 * Digit forms: ASCII digits only. '.' groups thousands only before exactly
 * three digits ("2.1." is 2), ',' is the decimal mark before a digit, and
 * so is a '.' before one or two digits and a '%' ("96.5%").
 * "x/y" is a fraction unless it is a date ("30/3/2021" and "4/2023" give
 * just the first number). '%' right after the number or after one space,
 * or a scale word after one space ("1,5 triệu", "2 nghìn tỷ"), is consumed.
 *
 * Word forms (case-insensitive): the longest valid sequence is consumed;
 * "hai mươi năm" is 20 (năm = year there), a lone "năm" is 5 and the
 * caller judges the context. */
SOLIEU_API solieu_status solieu_number_parse(const char *text, size_t len, solieu_number *out);

/* Approximation words that may stand right before a number ("khoảng 200",
 * "gần trăm", "trên 81%", "hơn 30"). Returns the byte length of the word
 * plus its trailing spaces when text[0..len) *ends* with such a whole word
 * (any case) followed by one or more spaces, else 0. `*kind` (kind may be
 * NULL) receives the lowercase NFC word, borrowed static storage, or NULL:
 * "khoảng", "gần", "trên", "hơn", "gần như", "xấp xỉ", "ước", "ước tính",
 * "chừng", "khoảng gần", "trên dưới", "ít nhất". */
SOLIEU_API size_t solieu_number_approx_before(const char *text, size_t len, const char **kind);

#ifdef __cplusplus
}
#endif
#endif
