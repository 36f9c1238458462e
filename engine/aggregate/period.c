/* Period strings of the facts contract: "2021" is a year, anything with a '/'
 * a range ("2018/2022", "2018/2023-04"), everything else (empty, "2023-04")
 * a point in time that no year column can hold. */
#include <string.h>

#include "agg.h"

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

sl_agg_kind sl_agg_period_kind(const char *period, int *year)
{
    *year = 0;
    if (strchr(period, '/'))
        return SL_AGG_RANGE;
    if (strlen(period) == 4 && is_digit(period[0]) && is_digit(period[1]) && is_digit(period[2]) &&
        is_digit(period[3]) && period[0] != '0') {
        *year = (period[0] - '0') * 1000 + (period[1] - '0') * 100 + (period[2] - '0') * 10 +
                (period[3] - '0');
        return SL_AGG_YEAR;
    }
    return SL_AGG_POINT;
}

const char *sl_agg_kind_name(sl_agg_kind kind)
{
    switch (kind) {
    case SL_AGG_YEAR:
        return "year";
    case SL_AGG_RANGE:
        return "range";
    case SL_AGG_POINT:
        return "point";
    }
    return "point";
}

int sl_agg_year_of_date(const char *date)
{
    const char *p = date;
    while (*p) {
        if (!is_digit(*p)) {
            p++;
            continue;
        }
        const char *start = p;
        while (is_digit(*p))
            p++;
        if (p - start == 4 && (start[0] == '1' || start[0] == '2'))
            return (start[0] - '0') * 1000 + (start[1] - '0') * 100 + (start[2] - '0') * 10 +
                   (start[3] - '0');
    }
    return 0;
}
