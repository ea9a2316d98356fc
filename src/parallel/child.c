/* Our child processes, reaped through one SIGCHLD watcher on the loop's
 * event_base. Only our own pids are waited for (never waitpid(-1)), so
 * proc_open(), pcntl_fork() and their waits elsewhere in the process keep
 * working; the watcher exists only while we have children, and libevent puts
 * the previous SIGCHLD handler back when it goes. */
#include "php_async_compat.h"
#include "php_async.h"
#include "common/errors.h"
#include "loop/loop.h"
#include "parallel/parallel.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

static void child_free(php_async_child *c)
{
	zend_hash_index_del(ASYNC_G(children), (zend_ulong) c->pid);
	efree(c);
}

static void stop_watching_if_done(void)
{
	if (ASYNC_G(children) && zend_hash_num_elements(ASYNC_G(children)) == 0 && ASYNC_G(sigchld)) {
		event_free(ASYNC_G(sigchld)); /* libevent restores the previous handler */
		ASYNC_G(sigchld) = NULL;
	}
}

bool php_async_child_poll(php_async_child *c)
{
	int status;
	pid_t r;

	if (c->reaped) {
		return true;
	}
	do {
		r = waitpid(c->pid, &status, WNOHANG);
	} while (r < 0 && errno == EINTR);
	if (r == 0) {
		return false;
	}
	c->reaped = true;
	if (r == c->pid) {
		c->status = status;
	} else {
		c->lost = true; /* ECHILD: somebody else's waitpid(-1) took it */
	}
	return true;
}

/* Inside libevent: only reaps and tells the owners, who queue their work. */
static void sigchld_cb(evutil_socket_t signo, short what, void *arg)
{
	php_async_child *c;

	ZEND_HASH_FOREACH_PTR(ASYNC_G(children), c) {
		if (c->reaped || !php_async_child_poll(c)) {
			continue;
		}
		if (c->owner) {
			c->on_exit(c);
		} else {
			child_free(c);
		}
	} ZEND_HASH_FOREACH_END();
	stop_watching_if_done();
}

bool php_async_children_prepare(void)
{
	php_async_loop *loop;

	if (ASYNC_G(sigchld)) {
		return true;
	}
	loop = php_async_loop_get();
	if (!loop) {
		return false;
	}
	if (!ASYNC_G(children)) {
		ALLOC_HASHTABLE(ASYNC_G(children));
		zend_hash_init(ASYNC_G(children), 8, NULL, NULL, 0);
	}
	ASYNC_G(sigchld) = evsignal_new(loop->base, SIGCHLD, sigchld_cb, NULL);
	if (!ASYNC_G(sigchld) || evsignal_add(ASYNC_G(sigchld), NULL) != 0) {
		if (ASYNC_G(sigchld)) {
			event_free(ASYNC_G(sigchld));
			ASYNC_G(sigchld) = NULL;
		}
		zend_throw_exception(php_async_error_ce, "Cannot watch child processes: libevent could not add a SIGCHLD watcher", 0);
		return false;
	}
	return true;
}

php_async_child *php_async_child_add(pid_t pid, php_async_child_exit_fn on_exit, void *owner)
{
	php_async_child *c = ecalloc(1, sizeof(*c));

	c->pid = pid;
	c->on_exit = on_exit;
	c->owner = owner;
	zend_hash_index_update_ptr(ASYNC_G(children), (zend_ulong) pid, c);
	return c;
}

void php_async_child_release(php_async_child *c)
{
	if (c->reaped || php_async_child_poll(c)) {
		child_free(c);
		stop_watching_if_done();
		return;
	}
	c->owner = NULL;
	c->on_exit = NULL;
}

static void free_all(void)
{
	php_async_child *c;

	if (ASYNC_G(sigchld)) {
		event_free(ASYNC_G(sigchld));
		ASYNC_G(sigchld) = NULL;
	}
	if (!ASYNC_G(children)) {
		return;
	}
	ZEND_HASH_FOREACH_PTR(ASYNC_G(children), c) {
		efree(c);
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(ASYNC_G(children));
	FREE_HASHTABLE(ASYNC_G(children));
	ASYNC_G(children) = NULL;
}

/* The owners have closed the workers' pipes and signalled the processes:
 * give them a second to go, then kill what is left. No zombie survives the
 * request. */
void php_async_children_rshutdown(void)
{
	struct timespec pause = { 0, 2 * 1000 * 1000 };
	int rounds = 500;
	php_async_child *c;

	if (!ASYNC_G(children)) {
		free_all();
		return;
	}
	for (;;) {
		bool left = false;
		ZEND_HASH_FOREACH_PTR(ASYNC_G(children), c) {
			if (!php_async_child_poll(c)) {
				left = true;
			}
		} ZEND_HASH_FOREACH_END();
		if (!left) {
			break;
		}
		if (--rounds == 0) {
			ZEND_HASH_FOREACH_PTR(ASYNC_G(children), c) {
				if (!c->reaped) {
					kill(c->pid, SIGKILL);
					while (waitpid(c->pid, NULL, 0) < 0 && errno == EINTR);
					c->reaped = true;
				}
			} ZEND_HASH_FOREACH_END();
			break;
		}
		nanosleep(&pause, NULL);
	}
	free_all();
}

void php_async_children_after_fork(void)
{
	free_all();
}

/* ---- the subsystem's request hooks ------------------------------------------- */

void php_async_parallel_rshutdown(void)
{
	php_async_pool_rshutdown();
	php_async_process_rshutdown();
	php_async_children_rshutdown();
}

void php_async_parallel_after_fork(void)
{
	php_async_pool_after_fork();
	php_async_process_after_fork();
	php_async_children_after_fork();
}
