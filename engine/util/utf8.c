/* Where text stops being UTF-8, and where an offset is in lines. */
#include <utf8proc.h>

#include "util.h"

size_t sl_utf8_invalid_at(const char *data, size_t len)
{
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)data[i];
        if (c == 0)
            return i;
        if (c < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)data + i,
                                              (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0)
            return i;
        i += (size_t)n;
    }
    return (size_t)-1;
}

void sl_line_col(const char *data, size_t offset, size_t *line, size_t *col)
{
    size_t l = 1, start = 0;
    for (size_t i = 0; i < offset; i++) {
        if (data[i] == '\n') {
            l++;
            start = i + 1;
        }
    }
    *line = l;
    *col = offset - start + 1;
}
