/* Output files appear atomically: each is written under a temporary name in
 * its final directory (same file system, so rename is atomic) and renamed
 * into place only when complete. A reader never sees half a file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "agg.h"

static solieu_status io_error(char **error, const char *path, int err)
{
    if (error && !*error)
        *error = sl_printf("%s: %s", path, strerror(err));
    return SOLIEU_ERR_IO;
}

static int is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

solieu_status sl_agg_make_dirs(const char *dir, char **error)
{
    if (!*dir)
        return io_error(error, dir, ENOENT);
    if (is_dir(dir))
        return SOLIEU_OK;
    char *path = sl_strdup(dir);
    if (!path)
        return SOLIEU_ERR_NOMEM;
    solieu_status st = SOLIEU_OK;
    /* Create each missing parent in turn, like mkdir -p. */
    for (char *p = path + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) {
            st = io_error(error, dir, errno);
            break;
        }
        *p = saved;
        if (!saved)
            break;
    }
    free(path);
    if (st == SOLIEU_OK && !is_dir(dir))
        st = io_error(error, dir, ENOTDIR);
    return st;
}

solieu_status sl_agg_out_open(sl_agg_out *o, const char *dir, const char *name, char **error)
{
    memset(o, 0, sizeof *o);
    o->final_path = sl_printf("%s/%s", dir, name);
    o->tmp_path = sl_printf("%s/.%s.XXXXXX", dir, name);
    if (!o->final_path || !o->tmp_path) {
        free(o->tmp_path);
        o->tmp_path = NULL; /* a template, not a file yet */
        sl_agg_out_discard(o);
        return SOLIEU_ERR_NOMEM;
    }
    int fd = mkstemp(o->tmp_path);
    if (fd < 0) {
        int err = errno;
        free(o->tmp_path);
        o->tmp_path = NULL; /* nothing to remove */
        sl_agg_out_discard(o);
        return io_error(error, dir, err);
    }
    /* mkstemp creates 0600; outputs are meant to be shared like any file. */
    (void)fchmod(fd, 0644);
    o->stream = fdopen(fd, "wb");
    if (!o->stream) {
        int err = errno;
        close(fd);
        sl_agg_out_discard(o);
        return io_error(error, dir, err);
    }
    return SOLIEU_OK;
}

solieu_status sl_agg_out_close(sl_agg_out *o, char **error)
{
    FILE *f = o->stream;
    o->stream = NULL;
    int err = 0;
    errno = 0;
    if (fflush(f) != 0 || ferror(f))
        err = errno ? errno : EIO;
    else if (fsync(fileno(f)) != 0 && errno != EINVAL)
        err = errno;
    if (fclose(f) != 0 && !err)
        err = errno;
    return err ? io_error(error, o->final_path, err) : SOLIEU_OK;
}

solieu_status sl_agg_out_commit(sl_agg_out *o, char **error)
{
    if (rename(o->tmp_path, o->final_path) != 0)
        return io_error(error, o->final_path, errno);
    free(o->tmp_path);
    o->tmp_path = NULL;
    return SOLIEU_OK;
}

void sl_agg_out_discard(sl_agg_out *o)
{
    if (o->stream)
        fclose(o->stream);
    if (o->tmp_path)
        unlink(o->tmp_path);
    free(o->tmp_path);
    free(o->final_path);
    memset(o, 0, sizeof *o);
}
