/* Child processes: spawning (posix_spawn), reaping through the loop's
 * SIGCHLD watcher, and the class entries of Async\Parallel and
 * Async\Process. Shared by pool.c, worker.c and process.c. */
#ifndef PHP_ASYNC_PARALLEL_H
#define PHP_ASYNC_PARALLEL_H

#include "php_async_compat.h"
#include <sys/types.h>

/* ---- spawn.c --------------------------------------------------------------- */

#define PHP_ASYNC_SPAWN_DEVNULL (-1)   /* a std descriptor of the child reads/writes /dev/null */
#define PHP_ASYNC_SPAWN_INHERIT (-2)   /* ... is the parent's own */

typedef struct {
	const char *path;       /* the program, as php_async_find_program() found it */
	char *const *argv;
	char *const *envp;      /* NULL: the parent's environment */
	const char *cwd;        /* NULL: the parent's */
	int stdio[3];           /* descriptors for the child's 0, 1, 2, or DEVNULL/INHERIT */
	int extra_fd;           /* becomes the child's descriptor 3; -1: none */
} php_async_spawn_spec;

/* Starts a child; 0 with *pid set, or an errno value. */
int php_async_spawn(const php_async_spawn_spec *spec, pid_t *pid);
/* The program to run for name: itself if it has a "/" (checked relative to
 * cwd, where the child starts, if given), else the first executable found
 * in search_path (PATH). NULL with *err (an errno) if none. */
zend_string *php_async_find_program(const char *name, const char *search_path, const char *cwd, int *err);
/* A pipe or socketpair whose ends are non-blocking (parent side) and
 * close-on-exec; false with errno. */
bool php_async_cloexec_pipe(int fds[2], bool parent_reads);
bool php_async_cloexec_socketpair(int fds[2]);
/* write() that never raises SIGPIPE: -1 with EPIPE instead. */
ssize_t php_async_write_nosigpipe(int fd, const char *buf, size_t len);
/* "exit status 3", "signal 9 (SIGKILL)" */
zend_string *php_async_describe_status(int status);

/* ---- child.c: our children, reaped through SIGCHLD --------------------------- */

typedef struct php_async_child php_async_child;
typedef void (*php_async_child_exit_fn)(php_async_child *c);

struct php_async_child {
	pid_t pid;
	int status;                 /* from waitpid(), once reaped */
	bool reaped;
	bool lost;                  /* reaped by someone else: status unknown */
	php_async_child_exit_fn on_exit; /* runs inside libevent: may only queue work */
	void *owner;                /* NULL: detached, freed once reaped */
};

/* Installs the SIGCHLD watcher; call before spawning. False with an exception. */
bool php_async_children_prepare(void);
/* Registers a started child. */
php_async_child *php_async_child_add(pid_t pid, php_async_child_exit_fn on_exit, void *owner);
/* waitpid(WNOHANG) now; true if it has been reaped. */
bool php_async_child_poll(php_async_child *c);
/* The owner lets go: freed now if reaped, else when it is. */
void php_async_child_release(php_async_child *c);
/* End of request: waits a moment for what is left, then kills and reaps it. */
void php_async_children_rshutdown(void);
/* Child of a fork(): the parent's children are not ours. */
void php_async_children_after_fork(void);

/* ---- the classes --------------------------------------------------------------- */

extern zend_class_entry *php_async_parallel_ce;
extern zend_class_entry *php_async_task_ce;
extern zend_class_entry *php_async_worker_exception_ce;
extern zend_class_entry *php_async_task_failed_exception_ce;
extern zend_class_entry *php_async_serialization_exception_ce;
extern zend_class_entry *php_async_process_ce;
extern zend_class_entry *php_async_process_result_ce;
extern zend_class_entry *php_async_process_exception_ce;

void php_async_pool_minit(zend_class_entry *pool_ce, zend_class_entry *task_ce, zend_class_entry *worker_ex,
	zend_class_entry *failed_ex, zend_class_entry *serialization_ex);
void php_async_process_minit(zend_class_entry *process_ce, zend_class_entry *result_ce, zend_class_entry *process_ex);
void php_async_pool_rshutdown(void);
void php_async_pool_after_fork(void);
void php_async_process_rshutdown(void);
void php_async_process_after_fork(void);
/* Before the loop goes: pools close their workers, processes are stopped. */
void php_async_parallel_rshutdown(void);
void php_async_parallel_after_fork(void);

#endif
