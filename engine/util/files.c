/* Whole-file reads with a size cap, and small path helpers. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

solieu_status sl_read_file(const char *path, size_t max, char **data, size_t *len)
{
    *data = NULL;
    *len = 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return SOLIEU_ERR_IO;
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        errno = EISDIR;
        return SOLIEU_ERR_IO;
    }
    sl_buf b;
    sl_buf_init(&b, max);
    char chunk[65536];
    size_t n;
    solieu_status status = SOLIEU_OK;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > max) {
            status = SOLIEU_ERR_TOO_BIG;
            break;
        }
        if (sl_buf_append(&b, chunk, n) != 0) {
            status = SOLIEU_ERR_NOMEM;
            break;
        }
    }
    if (status == SOLIEU_OK && ferror(f))
        status = SOLIEU_ERR_IO;
    int saved = errno;
    fclose(f);
    if (status != SOLIEU_OK) {
        sl_buf_free(&b);
        errno = saved;
        return status;
    }
    *len = b.len;
    *data = sl_buf_take(&b);
    return *data ? SOLIEU_OK : SOLIEU_ERR_NOMEM;
}

solieu_status sl_read_file_or_say(const char *path, size_t max, char **data, size_t *len,
                                  char **error)
{
    solieu_status status = sl_read_file(path, max, data, len);
    if (status != SOLIEU_OK && error)
        *error = sl_printf("%s: %s", path,
                           status == SOLIEU_ERR_IO ? strerror(errno) : solieu_strerror(status));
    return status;
}

const char *sl_basename(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}
