/* The lock of an output directory: OUT/.solieu-state/lock holds the pid of
 * the run that owns it.
 *
 * Two guards, because each misses a case the other sees: an fcntl lock on
 * the file is dropped by the kernel when its process dies, however it dies,
 * so a lock of a killed run never blocks; the pid inside, checked with
 * kill(pid, 0), also stops a run when the holder is alive but the fcntl lock
 * says nothing (a file system without fcntl locks, an older solieu). A lock
 * whose pid is dead is stale and is taken over. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch/batch_internal.h"

static long read_pid(int fd)
{
    char buf[32];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0)
        return 0;
    buf[n] = '\0';
    char *end;
    long pid = strtol(buf, &end, 10);
    return pid > 0 && (*end == '\n' || *end == '\0') ? pid : 0;
}

static int alive(long pid)
{
    return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

static solieu_status held(sl_lock *lock, int fd, long pid, char **error)
{
    close(fd);
    if (pid > 0)
        *error = sl_printf("%s: locked by process %ld, which is still running; one run at a time "
                           "per output directory (if that process is not solieu, remove the "
                           "lock file)",
                           lock->path, pid);
    else
        *error = sl_printf("%s: locked by another solieu run", lock->path);
    free(lock->path);
    lock->path = NULL;
    lock->fd = -1;
    return SOLIEU_ERR_IO;
}

solieu_status sl_lock_acquire(sl_lock *lock, const char *state_dir, char **error)
{
    memset(lock, 0, sizeof *lock);
    lock->fd = -1;
    lock->path = sl_path_join(state_dir, SL_LOCK_FILE);
    if (!lock->path)
        return SOLIEU_ERR_NOMEM;
    /* a finishing run unlinks the file it locked: retry when the file we
     * locked is no longer the one at the path */
    for (int attempt = 0; attempt < 100; attempt++) {
        int fd = open(lock->path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd < 0) {
            *error = sl_printf("%s: cannot create: %s", lock->path, strerror(errno));
            free(lock->path);
            lock->path = NULL;
            return SOLIEU_ERR_IO;
        }
        struct flock fl;
        memset(&fl, 0, sizeof fl);
        fl.l_type = F_WRLCK;
        fl.l_whence = SEEK_SET;
        if (fcntl(fd, F_SETLK, &fl) != 0) {
            if (errno != EACCES && errno != EAGAIN) {
                *error = sl_printf("%s: cannot lock: %s", lock->path, strerror(errno));
                close(fd);
                free(lock->path);
                lock->path = NULL;
                return SOLIEU_ERR_IO;
            }
            long pid = read_pid(fd);
            if (pid == 0 && fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type != F_UNLCK)
                pid = (long)fl.l_pid; /* the holder has not written its pid yet */
            return held(lock, fd, pid, error);
        }
        struct stat a, b;
        if (fstat(fd, &a) != 0 || stat(lock->path, &b) != 0 || a.st_ino != b.st_ino ||
            a.st_dev != b.st_dev) {
            close(fd);
            continue;
        }
        long pid = read_pid(fd);
        if (pid > 0 && pid != (long)getpid() && alive(pid))
            return held(lock, fd, pid, error);
        char text[32];
        int n = snprintf(text, sizeof text, "%ld\n", (long)getpid());
        if (ftruncate(fd, 0) != 0 || pwrite(fd, text, (size_t)n, 0) != n) {
            *error = sl_printf("%s: cannot write: %s", lock->path, strerror(errno));
            close(fd);
            free(lock->path);
            lock->path = NULL;
            return SOLIEU_ERR_IO;
        }
        lock->fd = fd;
        lock->stale_pid = pid != (long)getpid() ? pid : 0;
        return SOLIEU_OK;
    }
    *error = sl_printf("%s: the lock file keeps changing; is another run starting?", lock->path);
    free(lock->path);
    lock->path = NULL;
    return SOLIEU_ERR_IO;
}

void sl_lock_release(sl_lock *lock)
{
    if (lock->fd < 0)
        return;
    /* unlink while still holding the lock, so nobody can take the old file */
    unlink(lock->path);
    close(lock->fd);
    free(lock->path);
    lock->fd = -1;
    lock->path = NULL;
}
