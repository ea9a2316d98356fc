/* Starting child processes with posix_spawn(): no fork() of a large PHP
 * process, exec errors (not found, not executable) come back to the caller
 * instead of a child that exits 127, and the child starts with default
 * signal handling and no signals blocked. */
#include "php_async_compat.h"
#include "parallel/parallel.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int php_async_spawn(const php_async_spawn_spec *spec, pid_t *pid)
{
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t attr;
	sigset_t none, all;
	int i, rc = 0;

	if (posix_spawn_file_actions_init(&fa) != 0) {
		return ENOMEM;
	}
	if (posix_spawnattr_init(&attr) != 0) {
		posix_spawn_file_actions_destroy(&fa);
		return ENOMEM;
	}
	for (i = 0; i < 3 && rc == 0; i++) {
		if (spec->stdio[i] == PHP_ASYNC_SPAWN_DEVNULL) {
			rc = posix_spawn_file_actions_addopen(&fa, i, "/dev/null", i == 0 ? O_RDONLY : O_WRONLY, 0);
		} else if (spec->stdio[i] >= 0) {
			rc = posix_spawn_file_actions_adddup2(&fa, spec->stdio[i], i);
		}
	}
	if (rc == 0 && spec->extra_fd >= 0) {
		rc = posix_spawn_file_actions_adddup2(&fa, spec->extra_fd, 3);
	}
#ifdef HAVE_POSIX_SPAWN_FILE_ACTIONS_ADDCLOSEFROM_NP
	/* Descriptors PHP opened without close-on-exec stay in the parent. */
	if (rc == 0) {
		rc = posix_spawn_file_actions_addclosefrom_np(&fa, spec->extra_fd >= 0 ? 4 : 3);
	}
#endif
	if (rc == 0 && spec->cwd) {
#ifdef HAVE_POSIX_SPAWN_FILE_ACTIONS_ADDCHDIR_NP
		rc = posix_spawn_file_actions_addchdir_np(&fa, spec->cwd);
#else
		rc = ENOSYS;
#endif
	}
	if (rc == 0) {
		sigemptyset(&none);
		sigfillset(&all);
		rc = posix_spawnattr_setsigmask(&attr, &none);
		if (rc == 0) {
			rc = posix_spawnattr_setsigdefault(&attr, &all);
		}
		if (rc == 0) {
			rc = posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
		}
	}
	if (rc == 0) {
		rc = posix_spawn(pid, spec->path, &fa, &attr, spec->argv, spec->envp ? spec->envp : environ);
	}
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	return rc;
}

static int check_program(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		return errno;
	}
	if (S_ISDIR(st.st_mode)) {
		return EISDIR;
	}
	return access(path, X_OK) == 0 ? 0 : errno;
}

zend_string *php_async_find_program(const char *name, const char *search_path, const char *cwd, int *err)
{
	const char *dir, *end;
	int found_err = ENOENT;

	if (strchr(name, '/')) {
		/* A relative path is relative to the directory the child starts in. */
		if (cwd && name[0] != '/') {
			zend_string *in_cwd = zend_strpprintf(0, "%s/%s", cwd, name);
			*err = check_program(ZSTR_VAL(in_cwd));
			zend_string_release(in_cwd);
		} else {
			*err = check_program(name);
		}
		return *err ? NULL : zend_string_init(name, strlen(name), 0);
	}
	if (!*name) {
		*err = ENOENT;
		return NULL;
	}
	for (dir = search_path ? search_path : "/usr/local/bin:/usr/bin:/bin"; ; dir = end + 1) {
		size_t len;
		zend_string *path;
		int e;

		end = strchr(dir, ':');
		len = end ? (size_t) (end - dir) : strlen(dir);
		path = len ? zend_strpprintf(0, "%.*s/%s", (int) len, dir, name) : zend_strpprintf(0, "./%s", name);
		e = check_program(ZSTR_VAL(path));
		if (e == 0) {
			*err = 0;
			return path;
		}
		if (e == EACCES) {
			found_err = EACCES; /* there is one, but it may not be run */
		}
		zend_string_release(path);
		if (!end) {
			break;
		}
	}
	*err = found_err;
	return NULL;
}

/* Makes fds[parent] non-blocking, or closes both and keeps errno. */
static bool parent_end_nonblocking(int fds[2], int parent)
{
	int flags = fcntl(fds[parent], F_GETFL), e;

	if (flags >= 0 && fcntl(fds[parent], F_SETFL, flags | O_NONBLOCK) == 0) {
		return true;
	}
	e = errno;
	close(fds[0]);
	close(fds[1]);
	errno = e;
	return false;
}

bool php_async_cloexec_pipe(int fds[2], bool parent_reads)
{
	return pipe2(fds, O_CLOEXEC) == 0 && parent_end_nonblocking(fds, parent_reads ? 0 : 1);
}

/* fds[0] is the parent's (non-blocking), fds[1] the child's. */
bool php_async_cloexec_socketpair(int fds[2])
{
	return socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) == 0 && parent_end_nonblocking(fds, 0);
}

/* A reader that went away must not kill the process: SIGPIPE is blocked
 * around the write and a SIGPIPE it raised is taken back (the socket's
 * MSG_NOSIGNAL, for pipes). */
ssize_t php_async_write_nosigpipe(int fd, const char *buf, size_t len)
{
	sigset_t pipe_set, old, pending;
	struct timespec zero = { 0, 0 };
	bool was_pending;
	ssize_t n;
	int e;

	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	sigprocmask(SIG_BLOCK, &pipe_set, &old);
	sigpending(&pending);
	was_pending = sigismember(&pending, SIGPIPE);
	do {
		n = write(fd, buf, len);
	} while (n < 0 && errno == EINTR);
	e = errno;
	if (n < 0 && e == EPIPE && !was_pending) {
		sigtimedwait(&pipe_set, NULL, &zero);
	}
	sigprocmask(SIG_SETMASK, &old, NULL);
	errno = e;
	return n;
}

zend_string *php_async_describe_status(int status)
{
	if (WIFSIGNALED(status)) {
		const char *name = strsignal(WTERMSIG(status));
		return zend_strpprintf(0, "signal %d (%s)", WTERMSIG(status), name ? name : "unknown");
	}
	return zend_strpprintf(0, "exit status %d", WEXITSTATUS(status));
}
