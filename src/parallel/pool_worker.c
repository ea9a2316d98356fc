/* One worker process, seen from its pool: started with posix_spawn() as
 * `php -r 'Async\Parallel\Worker::main();'` with the parent's ini
 * choices, a socketpair for frames (its descriptor 3) and a pipe for its
 * stderr. Everything here is C only: libevent callbacks read and write bytes
 * and queue the pool's microtask, which does the rest (pool.c). */
#include "php_async_compat.h"
#include "php_async.h"
#include "SAPI.h"
#include "common/options.h"
#include "loop/loop.h"
#include "parallel/pool.h"

#include <errno.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

static const char worker_code[] =
	"if (isset($argv[1])) { require $argv[1]; } Async\\Parallel\\Worker::main();";

/* ---- a worker's descriptors (libevent callbacks: C only) ----------------------- */

void php_async_pool_worker_close_ipc(php_async_worker *w)
{
	if (w->ipc_fd >= 0) {
		event_del(&w->ipc_ev);
		event_del(&w->out_ev);
		close(w->ipc_fd);
		w->ipc_fd = -1;
	}
}

static void close_err(php_async_worker *w)
{
	if (w->err_fd >= 0) {
		event_del(&w->err_ev);
		close(w->err_fd);
		w->err_fd = -1;
	}
}

/* Reads what has arrived of the next frame; stops at a whole one. */
void php_async_pool_worker_read(php_async_worker *w)
{
	size_t budget = READ_CHUNK * 8;

	while (w->ipc_fd >= 0 && !w->frame_ready && !w->broken && budget > 0) {
		ssize_t n;
		if (w->hdr_got < PHP_ASYNC_FRAME_HEADER) {
			n = recv(w->ipc_fd, w->hdr + w->hdr_got, PHP_ASYNC_FRAME_HEADER - w->hdr_got, 0);
		} else {
			size_t want = ZSTR_LEN(w->in) - w->in_got;
			n = recv(w->ipc_fd, ZSTR_VAL(w->in) + w->in_got, want < READ_CHUNK ? want : READ_CHUNK, 0);
		}
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			return;
		}
		if (n <= 0) {
			w->broken = true; /* the worker is gone, or going */
			php_async_pool_worker_close_ipc(w);
			return;
		}
		budget -= (size_t) n;
		if (w->hdr_got < PHP_ASYNC_FRAME_HEADER) {
			size_t len;
			w->hdr_got += (size_t) n;
			if (w->hdr_got < PHP_ASYNC_FRAME_HEADER) {
				continue;
			}
			if (!php_async_frame_parse(w->hdr, &w->in_type, &len) || w->in_type == PHP_ASYNC_FRAME_TASK
					|| (w->in_type == PHP_ASYNC_FRAME_READY && (len || w->ready))) {
				w->why = zend_string_init("it sent bytes that are not a frame of the pool's protocol",
					sizeof("it sent bytes that are not a frame of the pool's protocol") - 1, 0);
				w->broken = true;
				return;
			}
			if (!php_async_frame_fits(len)) {
				w->why = zend_strpprintf(0, "its result of %zu bytes does not fit in this process's memory_limit", len);
				w->broken = true;
				return;
			}
			w->in = zend_string_alloc(len, 0);
			w->in_got = 0;
		} else {
			w->in_got += (size_t) n;
		}
		if (w->in_got == ZSTR_LEN(w->in)) {
			ZSTR_VAL(w->in)[w->in_got] = '\0';
			w->frame_ready = true;
		}
	}
}

static void ipc_read_cb(evutil_socket_t fd, short what, void *arg)
{
	php_async_worker *w = arg;

	/* One frame at a time: what follows a whole one stays in the socket
	 * (the event fires again) until the pool has taken it. */
	php_async_pool_worker_read(w);
	if (w->frame_ready || w->broken) {
		php_async_pool_queue_process(w->pool);
	}
}

void php_async_pool_worker_write(php_async_worker *w)
{
	while (w->job && w->ipc_fd >= 0 && w->out_pos < ZSTR_LEN(w->job->frame)) {
		ssize_t n = send(w->ipc_fd, ZSTR_VAL(w->job->frame) + w->out_pos, ZSTR_LEN(w->job->frame) - w->out_pos, MSG_NOSIGNAL);
		if (n > 0) {
			w->out_pos += (size_t) n;
		} else if (n < 0 && errno == EINTR) {
			continue;
		} else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			event_add(&w->out_ev, NULL);
			return;
		} else {
			w->broken = true; /* the reader (the worker) is gone: its exit tells why */
			php_async_pool_queue_process(w->pool);
			return;
		}
	}
	if (w->ipc_fd >= 0) {
		event_del(&w->out_ev);
	}
}

static void ipc_write_cb(evutil_socket_t fd, short what, void *arg)
{
	php_async_pool_worker_write(arg);
}

/* Keeps the tail for reports and passes the bytes on to our stderr. */
void php_async_pool_worker_read_stderr(php_async_worker *w)
{
	char buf[8192];

	while (w->err_fd >= 0) {
		ssize_t n = read(w->err_fd, buf, sizeof(buf));
		size_t i;
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			return;
		}
		if (n <= 0) {
			close_err(w);
			return;
		}
		for (i = 0; i < (size_t) n; i++) {
			w->tail[w->tail_pos] = buf[i];
			w->tail_pos = (w->tail_pos + 1) % STDERR_TAIL;
		}
		w->tail_len = MIN(STDERR_TAIL, w->tail_len + (size_t) n);
		(void) !write(STDERR_FILENO, buf, (size_t) n); /* best effort, as the worker's own stderr would be */
	}
}

static void err_read_cb(evutil_socket_t fd, short what, void *arg)
{
	php_async_pool_worker_read_stderr(arg);
}

static void on_worker_exit(php_async_child *c)
{
	php_async_worker *w = c->owner;

	w->exited = true;
	php_async_pool_queue_process(w->pool);
}

/* ---- starting and ending workers -------------------------------------------------- */

/* The worker's command line: the same php.ini choice and -d settings as this
 * process (so an extension loaded with -d extension=... is loaded there
 * too), errors to stderr, then the pool's own ini settings. */
static char **worker_argv(php_async_pool *p)
{
	zend_llist args;
	zend_llist_element *e;
	char **argv;
	size_t i = 0;
	zend_string *key;
	zval *v;

	zend_llist_init(&args, sizeof(char *), NULL, 0);
#define ADD(s) do { char *dup_ = estrdup(s); zend_llist_add_element(&args, &dup_); } while (0)
	ADD(ZSTR_VAL(p->php_binary));
	if (sapi_module.php_ini_ignore) {
		ADD("-n");
	}
	if (sapi_module.php_ini_path_override) {
		ADD("-c");
		ADD(sapi_module.php_ini_path_override);
	}
	if (sapi_module.ini_entries && strcmp(sapi_module.name, "cli") == 0) {
		const char *line = sapi_module.ini_entries, *end;
		for (; *line; line = *end ? end + 1 : end) {
			end = strchr(line, '\n');
			if (!end) {
				end = line + strlen(line);
			}
			if (end > line) {
				char *entry = estrndup(line, (size_t) (end - line));
				ADD("-d");
				zend_llist_add_element(&args, &entry);
			}
		}
	}
	ADD("-d");
	ADD("display_errors=stderr");
	if (Z_TYPE(p->ini) == IS_ARRAY) {
		ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL(p->ini), key, v) {
			zend_string *s = zval_get_string(v);
			char *entry;
			spprintf(&entry, 0, "%s=%s", ZSTR_VAL(key), ZSTR_VAL(s));
			zend_string_release(s);
			ADD("-d");
			zend_llist_add_element(&args, &entry);
		} ZEND_HASH_FOREACH_END();
	}
	ADD("-r");
	ADD(worker_code);
	ADD("--");
	if (p->bootstrap) {
		ADD(ZSTR_VAL(p->bootstrap));
	}
#undef ADD
	argv = safe_emalloc(zend_llist_count(&args) + 1, sizeof(char *), 0);
	for (e = args.head; e; e = e->next) {
		argv[i++] = *(char **) e->data;
	}
	argv[i] = NULL;
	zend_llist_destroy(&args);
	return argv;
}

/* This process's environment, and the marker that Worker::main() checks. */
static char **worker_envp(void)
{
	extern char **environ;
	size_t n = 0, i;
	char **envp;

	while (environ[n]) {
		n++;
	}
	envp = safe_emalloc(n + 2, sizeof(char *), 0);
	for (i = 0; i < n; i++) {
		envp[i] = environ[i];
	}
	envp[n] = "ASYNC_PARALLEL_WORKER=3";
	envp[n + 1] = NULL;
	return envp;
}

/* Starts a worker, or returns NULL and sets *err to an errno value. */
php_async_worker *php_async_pool_worker_start(php_async_pool *p, int *err)
{
	php_async_loop *loop = ASYNC_G(loop);
	php_async_spawn_spec spec;
	php_async_worker *w;
	int sp[2], ep[2];
	char **argv, **envp;
	pid_t pid;

	if (!php_async_cloexec_socketpair(sp)) {
		*err = errno;
		return NULL;
	}
	if (!php_async_cloexec_pipe(ep, true)) {
		*err = errno;
		close(sp[0]);
		close(sp[1]);
		return NULL;
	}
	argv = worker_argv(p);
	envp = worker_envp();
	spec.path = ZSTR_VAL(p->php_binary);
	spec.argv = argv;
	spec.envp = envp;
	spec.cwd = NULL;
	spec.stdio[0] = PHP_ASYNC_SPAWN_DEVNULL;
	spec.stdio[1] = PHP_ASYNC_SPAWN_INHERIT;
	spec.stdio[2] = ep[1];
	spec.extra_fd = sp[1];
	*err = php_async_spawn(&spec, &pid);
	php_async_strv_free(argv);
	efree(envp);
	close(sp[1]);
	close(ep[1]);
	if (*err) {
		close(sp[0]);
		close(ep[0]);
		return NULL;
	}

	w = ecalloc(1, sizeof(*w));
	w->pool = p;
	w->ipc_fd = sp[0];
	w->err_fd = ep[0];
	w->child = php_async_child_add(pid, on_worker_exit, w);
	event_assign(&w->ipc_ev, loop->base, w->ipc_fd, EV_READ | EV_PERSIST, ipc_read_cb, w);
	event_assign(&w->out_ev, loop->base, w->ipc_fd, EV_WRITE | EV_PERSIST, ipc_write_cb, w);
	event_assign(&w->err_ev, loop->base, w->err_fd, EV_READ | EV_PERSIST, err_read_cb, w);
	event_add(&w->ipc_ev, NULL);
	event_add(&w->err_ev, NULL);
	w->next = p->workers;
	p->workers = w;
	p->n_workers++;
	return w;
}

/* Lets a worker go: closing its connection ends Worker::main(); a busy or
 * stuck one gets SIGTERM (or SIGKILL) too. It stays listed until reaped. */
void php_async_pool_worker_retire(php_async_worker *w, int signo)
{
	w->retiring = true;
	php_async_pool_worker_close_ipc(w);
	if (signo && !w->exited) {
		kill(w->child->pid, signo);
		if (signo == SIGTERM && !w->kill_at) {
			w->kill_at = php_async_loop_now() + KILL_GRACE;
		}
	}
}

void php_async_pool_worker_free(php_async_pool *p, php_async_worker *w)
{
	php_async_worker **pp;

	for (pp = &p->workers; *pp; pp = &(*pp)->next) {
		if (*pp == w) {
			*pp = w->next;
			break;
		}
	}
	p->n_workers--;
	php_async_pool_worker_close_ipc(w);
	close_err(w);
	if (w->in) {
		zend_string_efree(w->in);
	}
	if (w->why) {
		zend_string_release(w->why);
	}
	if (w->child) {
		php_async_child_release(w->child);
	}
	efree(w);
}

zend_string *php_async_pool_worker_stderr_tail(php_async_worker *w)
{
	zend_string *s = zend_string_alloc(w->tail_len, 0);
	size_t start = (w->tail_pos + STDERR_TAIL - w->tail_len) % STDERR_TAIL, i;

	for (i = 0; i < w->tail_len; i++) {
		ZSTR_VAL(s)[i] = w->tail[(start + i) % STDERR_TAIL];
	}
	ZSTR_VAL(s)[w->tail_len] = '\0';
	return s;
}
