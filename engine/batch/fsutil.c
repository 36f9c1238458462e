/* File-system helpers of a batch run: paths, directories, durable closes. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "batch/batch_internal.h"

char *sl_path_join(const char *a, const char *b)
{
    size_t n = strlen(a);
    return sl_printf("%s%s%s", a, n && a[n - 1] == '/' ? "" : "/", b);
}

int sl_mkdir_p(const char *path)
{
    if (!*path) {
        errno = ENOENT;
        return -1;
    }
    char *p = sl_strdup(path);
    if (!p) {
        errno = ENOMEM;
        return -1;
    }
    int rc = 0;
    /* create each ancestor in turn; EEXIST is fine as long as it is a dir */
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char saved = *s;
        *s = '\0';
        if (mkdir(p, 0755) != 0 && errno != EEXIST) {
            rc = -1;
            break;
        }
        *s = saved;
        if (!saved)
            break;
    }
    struct stat st;
    if (rc == 0 && stat(path, &st) != 0) {
        rc = -1;
    } else if (rc == 0 && !S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        rc = -1;
    }
    int saved_errno = errno;
    free(p);
    errno = saved_errno;
    return rc;
}

int sl_remove_tree(const char *path)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? 0 : -1;
    if (!S_ISDIR(st.st_mode))
        return unlink(path);
    DIR *d = opendir(path);
    if (!d)
        return -1;
    int rc = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *child = sl_path_join(path, e->d_name);
        if (!child || sl_remove_tree(child) != 0)
            rc = -1;
        free(child);
    }
    closedir(d);
    if (rmdir(path) != 0)
        rc = -1;
    return rc;
}

void sl_fsync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    (void)fsync(fd);
    close(fd);
}

int sl_close_synced(FILE *f)
{
    int failed = ferror(f) != 0;
    int saved = errno;
    if (fflush(f) != 0 || fsync(fileno(f)) != 0) {
        failed = 1;
        saved = errno;
    }
    if (fclose(f) != 0 && !failed) {
        failed = 1;
        saved = errno;
    }
    if (failed) {
        errno = saved ? saved : EIO;
        return -1;
    }
    return 0;
}

double sl_monotonic_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int sl_append_body(FILE *out, const char *path)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return -1;
    int c;
    while ((c = getc(in)) != EOF && c != '\n')
        ;
    char buf[65536];
    size_t n;
    int rc = 0;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n) {
            rc = -1;
            break;
        }
    if (ferror(in))
        rc = -1;
    int saved = errno;
    fclose(in);
    errno = saved;
    return rc;
}

int sl_hash_file(const char *path, unsigned long long *size, uint64_t *hash)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return -1;
    char buf[65536];
    size_t n;
    uint64_t h = SL_FNV_OFFSET;
    unsigned long long total = 0;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
        h = sl_fnv1a64(h, buf, n);
        total += n;
    }
    int rc = ferror(in) ? -1 : 0;
    int saved = errno;
    fclose(in);
    errno = saved;
    *size = total;
    *hash = h;
    return rc;
}
