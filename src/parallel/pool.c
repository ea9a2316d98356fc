/* Async\Parallel: a pool of worker processes. Each worker is `php -r
 * 'Async\Parallel\Worker::main();'` started with posix_spawn(), talking
 * frames over a socketpair (its descriptor 3); its stderr is a pipe whose
 * tail explains a death. libevent callbacks only read bytes and queue the
 * pool's microtask; promises are settled there, or in the pool's timer. */
#include "php_async_compat.h"
#include "php_async.h"
#include "SAPI.h"
#include "common/errors.h"
#include "common/options.h"
#include "loop/loop.h"
#include "promise/promise.h"
#include "parallel/ipc.h"
#include "parallel/parallel.h"
#include "ext/standard/php_string.h"

#include <errno.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

zend_class_entry *php_async_parallel_ce;
zend_class_entry *php_async_task_ce;
zend_class_entry *php_async_worker_exception_ce;
zend_class_entry *php_async_task_failed_exception_ce;
zend_class_entry *php_async_serialization_exception_ce;

static zend_object_handlers pool_handlers;

#define STDERR_TAIL 4096
#define KILL_GRACE 1.0     /* seconds between SIGTERM and SIGKILL */
#define START_GRACE 60.0   /* seconds a new worker may take to start, besides task_timeout */
#define READ_CHUNK (1024 * 1024)

static const char worker_code[] =
	"if (isset($argv[1])) { require $argv[1]; } Async\\Parallel\\Worker::main();";

typedef struct php_async_job php_async_job;
struct php_async_job {
	php_async_job *next;
	zend_string *frame;            /* the serialized task, header included */
	zend_string *name;             /* its class, for messages */
	zend_object *promise;          /* owned */
};

typedef struct php_async_worker php_async_worker;
typedef struct php_async_pool php_async_pool;

struct php_async_worker {
	php_async_worker *next;
	php_async_pool *pool;
	php_async_child *child;
	int ipc_fd, err_fd;            /* -1: closed */
	struct event ipc_ev, out_ev, err_ev;
	php_async_job *job;            /* running now */
	size_t out_pos;                /* of job->frame, written */
	unsigned char hdr[PHP_ASYNC_FRAME_HEADER];
	size_t hdr_got;
	zend_string *in;               /* the frame being read */
	size_t in_got;
	uint8_t in_type;
	bool frame_ready;              /* in holds a whole frame */
	bool broken;                   /* the connection failed, or the worker broke the protocol */
	bool exited;                   /* reaped */
	bool retiring;                 /* we closed its connection: it is on its way out */
	bool ready;                    /* it has started and required the bootstrap */
	zend_string *why;              /* why we stopped it (a protocol error), for the report */
	double deadline;               /* task_timeout: when the job is late (0: never) */
	double kill_at;                /* SIGKILL if still alive then (0: not signalled) */
	zend_long tasks_done;
	char tail[STDERR_TAIL];        /* the last bytes of its stderr (a ring) */
	size_t tail_len, tail_pos;
};

struct php_async_pool {
	zend_long workers_max;
	zend_string *bootstrap;
	zend_string *php_binary;
	zval ini;                      /* array or UNDEF */
	double task_timeout;
	zend_long max_tasks_per_worker;
	zend_long max_queue;

	php_async_worker *workers;
	uint32_t n_workers, n_busy;
	php_async_job *queue_head, *queue_tail;
	uint32_t queued;
	zend_long completed, failed;
	bool task_queued;              /* the microtask is queued */
	bool holding;                  /* holds itself and the loop: work is in flight */
	bool shutting_down, killed;
	zval shutdown_promise;
	zend_ulong timer_id;
	double timer_due;
	zend_object std;
};

static zend_always_inline php_async_pool *pool_from_obj(zend_object *obj)
{
	return (php_async_pool *) ((char *) obj - XtOffsetOf(php_async_pool, std));
}

static void process(zend_object *obj, void *data);
static const php_async_microtask_ops process_task = { process, NULL };

static void queue_process(php_async_pool *p)
{
	php_async_loop *loop = ASYNC_G(loop);

	if (p->task_queued || !loop) {
		return;
	}
	p->task_queued = true;
	GC_ADDREF(&p->std);
	php_async_loop_queue_microtask(loop, &process_task, &p->std, NULL);
}

/* ---- jobs -------------------------------------------------------------------- */

static void job_free(php_async_job *j)
{
	zend_string_release(j->frame);
	zend_string_release(j->name);
	OBJ_RELEASE(j->promise);
	efree(j);
}

static void job_settle(php_async_pool *p, php_async_job *j, bool ok, zval *value)
{
	php_async_promise *promise = php_async_promise_from_obj(j->promise);

	if (ok) {
		p->completed++;
		php_async_promise_resolve(promise, value);
	} else {
		p->failed++;
		php_async_promise_reject(promise, value);
	}
	job_free(j);
}

static void job_fail(php_async_pool *p, php_async_job *j, zend_class_entry *ce, const char *fmt, ...)
	ZEND_ATTRIBUTE_FORMAT(printf, 4, 5);

static void job_fail(php_async_pool *p, php_async_job *j, zend_class_entry *ce, const char *fmt, ...)
{
	va_list va;
	zend_string *msg;
	zval ex;

	va_start(va, fmt);
	msg = zend_vstrpprintf(0, fmt, va);
	va_end(va);
	php_async_exception_new(&ex, ce, "%s", ZSTR_VAL(msg));
	zend_string_release(msg);
	job_settle(p, j, false, &ex);
	zval_ptr_dtor(&ex);
}

/* ---- a worker's descriptors (libevent callbacks: C only) ----------------------- */

static void close_ipc(php_async_worker *w)
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
static void ipc_read(php_async_worker *w)
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
			close_ipc(w);
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

	ipc_read(w);
	if (w->frame_ready || w->broken) {
		if (w->ipc_fd >= 0) {
			event_del(&w->ipc_ev); /* one frame at a time */
		}
		queue_process(w->pool);
	}
}

static void ipc_write(php_async_worker *w)
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
			queue_process(w->pool);
			return;
		}
	}
	if (w->ipc_fd >= 0) {
		event_del(&w->out_ev);
	}
}

static void ipc_write_cb(evutil_socket_t fd, short what, void *arg)
{
	ipc_write(arg);
}

/* Keeps the tail for reports and passes the bytes on to our stderr. */
static void err_read(php_async_worker *w)
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
	err_read(arg);
}

static void on_worker_exit(php_async_child *c)
{
	php_async_worker *w = c->owner;

	w->exited = true;
	queue_process(w->pool);
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
static php_async_worker *worker_start(php_async_pool *p, int *err)
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
static void worker_retire(php_async_worker *w, int signo)
{
	w->retiring = true;
	close_ipc(w);
	if (signo && !w->exited) {
		kill(w->child->pid, signo);
		if (signo == SIGTERM && !w->kill_at) {
			w->kill_at = php_async_loop_now() + KILL_GRACE;
		}
	}
}

static void worker_free(php_async_pool *p, php_async_worker *w)
{
	php_async_worker **pp;

	for (pp = &p->workers; *pp; pp = &(*pp)->next) {
		if (*pp == w) {
			*pp = w->next;
			break;
		}
	}
	p->n_workers--;
	close_ipc(w);
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

static zend_string *stderr_tail(php_async_worker *w)
{
	zend_string *s = zend_string_alloc(w->tail_len, 0);
	size_t start = (w->tail_pos + STDERR_TAIL - w->tail_len) % STDERR_TAIL, i;

	for (i = 0; i < w->tail_len; i++) {
		ZSTR_VAL(s)[i] = w->tail[(start + i) % STDERR_TAIL];
	}
	ZSTR_VAL(s)[w->tail_len] = '\0';
	return s;
}

/* The running task's promise, when its worker died under it. */
static void reject_worker_died(php_async_pool *p, php_async_worker *w)
{
	php_async_job *j = w->job;
	zend_string *status = php_async_describe_status(w->child->status), *tail = stderr_tail(w), *trimmed;
	zval ex;

	w->job = NULL;
	p->n_busy--;
	trimmed = php_trim(tail, NULL, 0, 3);
	if (w->why) {
		php_async_exception_new(&ex, php_async_worker_exception_ce,
			"Worker process %d was stopped while running task %s: %s", (int) w->child->pid, ZSTR_VAL(j->name),
			ZSTR_VAL(w->why));
	} else {
		php_async_exception_new(&ex, php_async_worker_exception_ce,
			"Worker process %d died while running task %s: %s%s%s%s", (int) w->child->pid, ZSTR_VAL(j->name),
			w->child->lost ? "its exit status was taken by another waitpid()" : ZSTR_VAL(status),
			ZSTR_LEN(trimmed) ? "; its stderr ended with:\n" : " (nothing on stderr)",
			ZSTR_VAL(trimmed), "");
	}
	if (!w->child->lost) {
		if (WIFSIGNALED(w->child->status)) {
			zend_update_property_long(php_async_worker_exception_ce, PHP_ASYNC_THIS_FOR_PROP(&ex),
				"signal", sizeof("signal") - 1, WTERMSIG(w->child->status));
		} else {
			zend_update_property_long(php_async_worker_exception_ce, PHP_ASYNC_THIS_FOR_PROP(&ex),
				"exitCode", sizeof("exitCode") - 1, WEXITSTATUS(w->child->status));
		}
	}
	zend_update_property_str(php_async_worker_exception_ce, PHP_ASYNC_THIS_FOR_PROP(&ex),
		"stderr", sizeof("stderr") - 1, tail);
	zend_string_release(trimmed);
	zend_string_release(tail);
	zend_string_release(status);
	job_settle(p, j, false, &ex);
	zval_ptr_dtor(&ex);
}

/* ---- results ---------------------------------------------------------------------- */

static void set_prop(zval *ex, const char *name, zval *info, const char *key)
{
	zval *v = zend_hash_str_find(Z_ARRVAL_P(info), key, strlen(key));
	if (v) {
		zend_update_property(php_async_task_failed_exception_ce, PHP_ASYNC_THIS_FOR_PROP(ex), name, strlen(name), v);
	}
}

static void failed_exception(php_async_job *j, zval *info, zval *ex)
{
	zval *cls = zend_hash_str_find(Z_ARRVAL_P(info), "class", sizeof("class") - 1);
	zval *msg = zend_hash_str_find(Z_ARRVAL_P(info), "message", sizeof("message") - 1);
	zval *code = zend_hash_str_find(Z_ARRVAL_P(info), "code", sizeof("code") - 1);

	php_async_exception_new(ex, php_async_task_failed_exception_ce, "Task %s failed in a worker: %s: %s",
		ZSTR_VAL(j->name), cls && Z_TYPE_P(cls) == IS_STRING ? Z_STRVAL_P(cls) : "?",
		msg && Z_TYPE_P(msg) == IS_STRING ? Z_STRVAL_P(msg) : "");
	if (code && Z_TYPE_P(code) == IS_LONG) {
		zend_update_property_long(zend_ce_exception, PHP_ASYNC_THIS_FOR_PROP(ex), "code", sizeof("code") - 1, Z_LVAL_P(code));
	}
	set_prop(ex, "originalClass", info, "class");
	set_prop(ex, "originalMessage", info, "message");
	set_prop(ex, "originalCode", info, "code");
	set_prop(ex, "originalFile", info, "file");
	set_prop(ex, "originalLine", info, "line");
	set_prop(ex, "originalTrace", info, "trace");
}

/* A whole frame from a worker: its job's result. */
static void handle_frame(php_async_pool *p, php_async_worker *w)
{
	php_async_job *j = w->job;
	zend_string *in = w->in;
	zval value;

	w->in = NULL;
	w->frame_ready = false;
	w->hdr_got = 0;
	if (w->in_type == PHP_ASYNC_FRAME_READY) {
		/* The time a worker takes to start is not its first task's. */
		zend_string_efree(in);
		w->ready = true;
		if (j && p->task_timeout > 0) {
			w->deadline = php_async_loop_now() + p->task_timeout;
		}
		if (w->ipc_fd >= 0) {
			event_add(&w->ipc_ev, NULL);
		}
		return;
	}
	if (!j) {
		zend_string_efree(in);
		w->why = zend_string_init("it sent a result without a task", sizeof("it sent a result without a task") - 1, 0);
		worker_retire(w, SIGKILL);
		return;
	}
	w->job = NULL;
	p->n_busy--;
	w->tasks_done++;
	w->deadline = 0;

	if (w->in_type == PHP_ASYNC_FRAME_UNSENDABLE) {
		zval ex;
		php_async_exception_new(&ex, php_async_serialization_exception_ce, "Task %s: %s", ZSTR_VAL(j->name), ZSTR_VAL(in));
		job_settle(p, j, false, &ex);
		zval_ptr_dtor(&ex);
	} else if (!php_async_ipc_unserialize(ZSTR_VAL(in), ZSTR_LEN(in), &value)) {
		zval ex;
		if (php_async_take_exception(&ex)) {
			job_settle(p, j, false, &ex);
			zval_ptr_dtor(&ex);
		} else {
			job_free(j);
		}
	} else if (w->in_type == PHP_ASYNC_FRAME_FAILURE && Z_TYPE(value) == IS_ARRAY) {
		zval ex;
		failed_exception(j, &value, &ex);
		zval_ptr_dtor(&value);
		job_settle(p, j, false, &ex);
		zval_ptr_dtor(&ex);
	} else {
		job_settle(p, j, true, &value);
		zval_ptr_dtor(&value);
	}
	zend_string_efree(in);

	if (p->max_tasks_per_worker && w->tasks_done >= p->max_tasks_per_worker) {
		worker_retire(w, 0);
	} else if (w->ipc_fd >= 0) {
		event_add(&w->ipc_ev, NULL); /* an idle worker's death is noticed too */
	}
}

/* ---- scheduling --------------------------------------------------------------------- */

static void timer_fired(zend_object *obj);

static void schedule_timer(php_async_pool *p)
{
	php_async_loop *loop = ASYNC_G(loop);
	php_async_worker *w;
	double due = 0;

	for (w = p->workers; w; w = w->next) {
		if (w->job && w->deadline && (!due || w->deadline < due)) {
			due = w->deadline;
		}
		if (w->kill_at && !w->exited && (!due || w->kill_at < due)) {
			due = w->kill_at;
		}
	}
	if (p->timer_id && (!due || due < p->timer_due)) {
		php_async_loop_cancel_id(loop, p->timer_id);
		p->timer_id = 0;
	}
	if (due && !p->timer_id && loop) {
		double now = php_async_loop_now();
		GC_ADDREF(&p->std); /* the timer's */
		p->timer_id = php_async_loop_add_timer(loop, due > now ? due - now : 0, timer_fired, &p->std);
		p->timer_due = due;
		if (p->timer_id) {
			php_async_loop_unreference_id(loop, p->timer_id); /* the work in flight keeps the loop going */
		}
	}
}

static void dispatch(php_async_pool *p)
{
	while (p->queue_head && !p->killed) {
		php_async_worker *w;
		php_async_job *j;
		int err = 0;

		for (w = p->workers; w; w = w->next) {
			if (!w->job && !w->retiring && !w->exited && !w->broken && w->ipc_fd >= 0) {
				break;
			}
		}
		if (!w) {
			uint32_t alive = 0;
			php_async_worker *x;
			for (x = p->workers; x; x = x->next) {
				alive += !x->retiring;
			}
			if (alive >= (uint32_t) p->workers_max) {
				return;
			}
			w = worker_start(p, &err);
		}
		j = p->queue_head;
		p->queue_head = j->next;
		if (!p->queue_head) {
			p->queue_tail = NULL;
		}
		p->queued--;
		j->next = NULL;
		if (!w) {
			job_fail(p, j, php_async_worker_exception_ce, "Cannot start a worker process (%s): %s",
				ZSTR_VAL(p->php_binary), strerror(err));
			continue;
		}
		w->job = j;
		w->out_pos = 0;
		w->deadline = p->task_timeout > 0
			? php_async_loop_now() + p->task_timeout + (w->ready ? 0 : START_GRACE) : 0;
		p->n_busy++;
		ipc_write(w);
	}
}

/* Work in flight keeps the pool object and Loop::run() alive. */
static void update_hold(php_async_pool *p)
{
	php_async_loop *loop = ASYNC_G(loop);
	bool busy = p->queued || p->n_busy || (p->shutting_down && p->n_workers) || (p->killed && p->n_workers);

	if (busy && !p->holding && loop) {
		p->holding = true;
		GC_ADDREF(&p->std);
		php_async_loop_ref(loop);
	} else if (!busy && p->holding) {
		p->holding = false;
		if (loop) {
			php_async_loop_unref(loop);
		}
		OBJ_RELEASE(&p->std);
	}
}

static void finish_shutdown(php_async_pool *p)
{
	php_async_worker *w;

	if (!p->shutting_down && !p->killed) {
		return;
	}
	if (p->queued || p->n_busy) {
		return;
	}
	for (w = p->workers; w; w = w->next) {
		if (!w->retiring) {
			worker_retire(w, 0);
		}
	}
	if (!p->n_workers && Z_TYPE(p->shutdown_promise) == IS_OBJECT) {
		zval null, promise;
		ZVAL_NULL(&null);
		ZVAL_COPY_VALUE(&promise, &p->shutdown_promise);
		ZVAL_UNDEF(&p->shutdown_promise);
		php_async_promise_resolve(Z_ASYNC_PROMISE_P(&promise), &null);
		zval_ptr_dtor(&promise);
	}
}

/* Everything that needs PHP: results, deaths, the queue. */
static void run_pool(php_async_pool *p)
{
	php_async_worker *w, *next;

	for (w = p->workers; w; w = next) {
		next = w->next;
		if (w->frame_ready) {
			handle_frame(p, w);
		}
		if (w->broken && !w->exited) {
			/* A worker that broke the protocol is stopped; one whose
			 * connection closed is exiting: its exit status comes. */
			if (w->why) {
				worker_retire(w, SIGKILL);
			} else {
				close_ipc(w);
				if (php_async_child_poll(w->child)) {
					w->exited = true;
				}
			}
		}
		if (w->exited) {
			/* Everything it wrote before it went is readable now (its
			 * "ready", then maybe a result). */
			for (ipc_read(w); w->frame_ready; ipc_read(w)) {
				handle_frame(p, w);
			}
			err_read(w);
			if (w->job) {
				reject_worker_died(p, w);
			}
			worker_free(p, w);
		}
	}
	dispatch(p);
	finish_shutdown(p);
	schedule_timer(p);
}

static void process(zend_object *obj, void *data)
{
	php_async_pool *p = pool_from_obj(obj);

	p->task_queued = false;
	run_pool(p);
	update_hold(p);
}

static void timer_fired(zend_object *obj)
{
	php_async_pool *p = pool_from_obj(obj);
	double now = php_async_loop_now();
	php_async_worker *w;

	p->timer_id = 0;
	for (w = p->workers; w; w = w->next) {
		if (w->job && w->deadline && w->deadline <= now) {
			php_async_job *j = w->job;
			w->job = NULL;
			p->n_busy--;
			if (w->ready) {
				job_fail(p, j, php_async_timeout_exception_ce,
					"Task %s did not finish within %.3g s (task_timeout): its worker process %d was stopped",
					ZSTR_VAL(j->name), p->task_timeout, (int) w->child->pid);
			} else {
				job_fail(p, j, php_async_timeout_exception_ce,
					"Task %s did not start: worker process %d was not ready (PHP started, bootstrap required) "
					"within %.3g s: it was stopped", ZSTR_VAL(j->name), (int) w->child->pid, START_GRACE + p->task_timeout);
			}
			worker_retire(w, SIGTERM);
		} else if (w->kill_at && w->kill_at <= now && !w->exited) {
			kill(w->child->pid, SIGKILL);
			w->kill_at = 0;
		}
	}
	run_pool(p);
	update_hold(p);
}

/* ---- the object ---------------------------------------------------------------------- */

/* Stops everything without calling PHP: free_obj, end of request, fork. */
static void teardown(php_async_pool *p, bool ours)
{
	php_async_worker *w;
	php_async_job *j;

	while ((w = p->workers)) {
		if (ours && !w->exited && (w->job || w->kill_at)) {
			kill(w->child->pid, SIGKILL);
		}
		if (w->job) {
			job_free(w->job);
			w->job = NULL;
		}
		if (!ours) {
			w->child = NULL; /* the parent's child, and its record is gone */
		}
		worker_free(p, w);
	}
	p->n_busy = 0;
	while ((j = p->queue_head)) {
		p->queue_head = j->next;
		job_free(j);
	}
	p->queue_tail = NULL;
	p->queued = 0;
	p->timer_id = 0; /* the loop drops its timers itself */
}

static zend_object *pool_create(zend_class_entry *ce)
{
	php_async_pool *p = zend_object_alloc(sizeof(php_async_pool), ce);

	zend_object_std_init(&p->std, ce);
	object_properties_init(&p->std, ce);
	p->std.handlers = &pool_handlers;
	ZVAL_UNDEF(&p->ini);
	ZVAL_UNDEF(&p->shutdown_promise);
	return &p->std;
}

static void pool_free(zend_object *obj)
{
	php_async_pool *p = pool_from_obj(obj);

	php_async_loop_check_fork(); /* a fork()'s child must not touch the parent's events */
	if (ASYNC_G(pools)) {
		zend_hash_index_del(ASYNC_G(pools), obj->handle);
	}
	if (p->timer_id && ASYNC_G(loop)) {
		php_async_loop_cancel_id(ASYNC_G(loop), p->timer_id);
	}
	teardown(p, true);
	if (p->bootstrap) {
		zend_string_release(p->bootstrap);
	}
	if (p->php_binary) {
		zend_string_release(p->php_binary);
	}
	zval_ptr_dtor(&p->ini);
	zval_ptr_dtor(&p->shutdown_promise);
	zend_object_std_dtor(obj);
}

static HashTable *pool_get_gc(PHP_ASYNC_OBJ_PARAM, zval **table, int *n)
{
	php_async_pool *p = pool_from_obj(PHP_ASYNC_OBJ_FROM_PARAM());
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	php_async_worker *w;
	php_async_job *j;
	zval zv;

	zend_get_gc_buffer_add_zval(buf, &p->shutdown_promise);
	for (w = p->workers; w; w = w->next) {
		if (w->job) {
			ZVAL_OBJ(&zv, w->job->promise);
			zend_get_gc_buffer_add_zval(buf, &zv);
		}
	}
	for (j = p->queue_head; j; j = j->next) {
		ZVAL_OBJ(&zv, j->promise);
		zend_get_gc_buffer_add_zval(buf, &zv);
	}
	zend_get_gc_buffer_use(buf, table, n);
	return NULL;
}

static bool parse_options(php_async_pool *p, HashTable *options)
{
	zend_string *key;
	zval *v;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);

	p->workers_max = cpus > 0 ? cpus : 1;
	p->max_queue = 65536;
	if (options) {
		ZEND_HASH_FOREACH_STR_KEY_VAL(options, key, v) {
			ZVAL_DEREF(v);
			if (!key) {
				php_async_opt_unknown(1, key);
				return false;
			} else if (zend_string_equals_literal(key, "workers")) {
				if (!php_async_opt_long(v, 1, "workers", 1, &p->workers_max)) return false;
			} else if (zend_string_equals_literal(key, "bootstrap")) {
				if (!php_async_opt_string(v, 1, "bootstrap", true, &p->bootstrap)) return false;
			} else if (zend_string_equals_literal(key, "php_binary")) {
				if (!php_async_opt_string(v, 1, "php_binary", true, &p->php_binary)) return false;
			} else if (zend_string_equals_literal(key, "task_timeout")) {
				if (!php_async_opt_seconds(v, 1, "task_timeout", &p->task_timeout)) return false;
			} else if (zend_string_equals_literal(key, "max_tasks_per_worker")) {
				if (!php_async_opt_long(v, 1, "max_tasks_per_worker", 0, &p->max_tasks_per_worker)) return false;
			} else if (zend_string_equals_literal(key, "max_queue")) {
				if (!php_async_opt_long(v, 1, "max_queue", 1, &p->max_queue)) return false;
			} else if (zend_string_equals_literal(key, "ini")) {
				zend_string *name;
				zval *item;
				if (Z_TYPE_P(v) != IS_ARRAY) {
					php_async_argument_value_error(1, "options", "option \"ini\" must be an array of setting => value");
					return false;
				}
				ZEND_HASH_FOREACH_STR_KEY_VAL(Z_ARRVAL_P(v), name, item) {
					ZVAL_DEREF(item);
					if (!name || !ZSTR_LEN(name) || strpbrk(ZSTR_VAL(name), "=\n") || ZSTR_LEN(name) != strlen(ZSTR_VAL(name))
							|| (Z_TYPE_P(item) != IS_STRING && Z_TYPE_P(item) != IS_LONG && Z_TYPE_P(item) != IS_DOUBLE
								&& Z_TYPE_P(item) != IS_TRUE && Z_TYPE_P(item) != IS_FALSE)
							|| (Z_TYPE_P(item) == IS_STRING && (memchr(Z_STRVAL_P(item), '\n', Z_STRLEN_P(item))
								|| memchr(Z_STRVAL_P(item), '\0', Z_STRLEN_P(item))))) {
						php_async_argument_value_error(1, "options",
							"option \"ini\" must map setting names to single-line scalar values");
						return false;
					}
				} ZEND_HASH_FOREACH_END();
				zval_ptr_dtor(&p->ini);
				ZVAL_COPY(&p->ini, v);
			} else {
				php_async_opt_unknown(1, key);
				return false;
			}
		} ZEND_HASH_FOREACH_END();
	}

	if (!p->php_binary) {
		/* Under FPM or Apache, PHP_BINARY is the server, not a CLI php. */
		if (!PG(php_binary) || !*PG(php_binary) || strcmp(sapi_module.name, "cli") != 0) {
			php_async_argument_value_error(1, "options", "must give \"php_binary\" (a CLI php) in the %s SAPI",
				sapi_module.name);
			return false;
		}
		p->php_binary = zend_string_init(PG(php_binary), strlen(PG(php_binary)), 0);
	} else {
		int err;
		zend_string *found = php_async_find_program(ZSTR_VAL(p->php_binary), getenv("PATH"), NULL, &err);
		if (!found) {
			php_async_argument_value_error(1, "options", "option \"php_binary\": cannot run \"%s\": %s",
				ZSTR_VAL(p->php_binary), strerror(err));
			return false;
		}
		zend_string_release(p->php_binary);
		p->php_binary = found;
	}
	if (p->bootstrap) {
		char resolved[MAXPATHLEN];
		zend_stat_t st;
		const char *why = !expand_filepath(ZSTR_VAL(p->bootstrap), resolved) || VCWD_STAT(resolved, &st) != 0
			? strerror(errno) : S_ISDIR(st.st_mode) ? "it is a directory"
			: VCWD_ACCESS(resolved, R_OK) != 0 ? strerror(errno) : NULL;
		if (why) {
			php_async_argument_value_error(1, "options", "option \"bootstrap\": cannot read \"%s\": %s",
				ZSTR_VAL(p->bootstrap), why);
			return false;
		}
		zend_string_release(p->bootstrap);
		p->bootstrap = zend_string_init(resolved, strlen(resolved), 0);
	}
	return true;
}

ZEND_METHOD(Async_Parallel, __construct)
{
	php_async_pool *p = pool_from_obj(Z_OBJ_P(ZEND_THIS));
	HashTable *options = NULL;

	ZEND_PARSE_PARAMETERS_START_EX(PHP_ASYNC_ZPP_CTOR, 0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	if (p->php_binary) {
		zend_throw_exception(php_async_error_ce, "Async\\Parallel::__construct() was already called", 0);
		RETURN_THROWS();
	}
	if (!parse_options(p, options)) {
		RETURN_THROWS();
	}
	if (!ASYNC_G(pools)) {
		ALLOC_HASHTABLE(ASYNC_G(pools));
		zend_hash_init(ASYNC_G(pools), 4, NULL, NULL, 0);
	}
	zend_hash_index_update_ptr(ASYNC_G(pools), Z_OBJ_P(ZEND_THIS)->handle, p);
}

static bool usable(php_async_pool *p)
{
	php_async_loop_check_fork(); /* in a fork()'s child the pool is the parent's: killed */
	if (!p->php_binary) {
		zend_throw_exception(php_async_error_ce, "The Async\\Parallel pool was not constructed", 0);
		return false;
	}
	if (p->killed || p->shutting_down) {
		zend_throw_exception(php_async_error_ce, "The Async\\Parallel pool was shut down: it takes no new tasks", 0);
		return false;
	}
	return true;
}

/* Queues a task; return_value gets its promise (rejected if it cannot go). */
static void submit(php_async_pool *p, zval *task, zval *return_value)
{
	php_async_promise *promise = php_async_promise_new(return_value);
	zend_string *frame, *what;
	php_async_job *j;

	if ((zend_long) p->queued >= p->max_queue) {
		zval ex;
		php_async_exception_new(&ex, php_async_exception_ce,
			"The Async\\Parallel queue is full (max_queue = " ZEND_LONG_FMT " tasks waiting for a worker)", p->max_queue);
		php_async_promise_reject(promise, &ex);
		zval_ptr_dtor(&ex);
		return;
	}
	what = zend_strpprintf(0, "Task %s", ZSTR_VAL(Z_OBJCE_P(task)->name));
	frame = php_async_ipc_serialize(PHP_ASYNC_FRAME_TASK, task, "$task", ZSTR_VAL(what));
	zend_string_release(what);
	if (!frame) {
		zval ex;
		if (php_async_take_exception(&ex)) {
			php_async_promise_reject(promise, &ex);
			zval_ptr_dtor(&ex);
		}
		return;
	}
	if (!php_async_children_prepare()) {
		zend_string_release(frame);
		return;
	}
	j = ecalloc(1, sizeof(*j));
	j->frame = frame;
	j->name = zend_string_copy(Z_OBJCE_P(task)->name);
	j->promise = &promise->std;
	GC_ADDREF(j->promise);
	if (p->queue_tail) {
		p->queue_tail->next = j;
	} else {
		p->queue_head = j;
	}
	p->queue_tail = j;
	p->queued++;
	update_hold(p);
	queue_process(p);
}

ZEND_METHOD(Async_Parallel, submit)
{
	php_async_pool *p = pool_from_obj(Z_OBJ_P(ZEND_THIS));
	zval *task;

	/* A TypeError on 7.4 too: a warning and null would only fail later, at then(). */
	ZEND_PARSE_PARAMETERS_START_EX(PHP_ASYNC_ZPP_CTOR, 1, 1)
		Z_PARAM_OBJECT_OF_CLASS(task, php_async_task_ce)
	ZEND_PARSE_PARAMETERS_END();

	if (!usable(p)) {
		RETURN_THROWS();
	}
	submit(p, task, return_value);
}

ZEND_METHOD(Async_Parallel, map)
{
	php_async_pool *p = pool_from_obj(Z_OBJ_P(ZEND_THIS));
	zval *tasks, arr, promises, *task, promise;
	zend_string *key;
	zend_ulong idx;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		PHP_ASYNC_PARAM_ITERABLE(tasks)
	ZEND_PARSE_PARAMETERS_END();

	if (!usable(p) || !php_async_iterable_to_array(tasks, 1, "tasks", &arr)) {
		RETURN_THROWS();
	}
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(arr), task) {
		ZVAL_DEREF(task);
		if (Z_TYPE_P(task) != IS_OBJECT || !instanceof_function(Z_OBJCE_P(task), php_async_task_ce)) {
			php_async_argument_type_error(1, "tasks", "must contain only Async\\Parallel\\Task objects, %s given",
				Z_TYPE_P(task) == IS_OBJECT ? ZSTR_VAL(Z_OBJCE_P(task)->name) : zend_zval_type_name(task));
			zval_ptr_dtor(&arr);
			RETURN_THROWS();
		}
	} ZEND_HASH_FOREACH_END();

	array_init_size(&promises, zend_hash_num_elements(Z_ARRVAL(arr)));
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL(arr), idx, key, task) {
		ZVAL_DEREF(task);
		submit(p, task, &promise);
		if (EG(exception)) {
			zval_ptr_dtor(&promise);
			break;
		}
		if (key) {
			zend_hash_update(Z_ARRVAL(promises), key, &promise);
		} else {
			zend_hash_index_update(Z_ARRVAL(promises), idx, &promise);
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&arr);
	if (!EG(exception)) {
		php_async_promise_combine(PHP_ASYNC_COMBINE_ALL, &promises, return_value);
	}
	zval_ptr_dtor(&promises);
}

ZEND_METHOD(Async_Parallel, shutdown)
{
	php_async_pool *p = pool_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_NONE();

	if (!p->php_binary) {
		zend_throw_exception(php_async_error_ce, "The Async\\Parallel pool was not constructed", 0);
		RETURN_THROWS();
	}
	php_async_loop_check_fork();
	if (Z_TYPE(p->shutdown_promise) == IS_UNDEF) {
		php_async_promise_new(&p->shutdown_promise);
		if (!p->n_workers && !p->queued) {
			zval null;
			ZVAL_NULL(&null);
			php_async_promise_resolve(Z_ASYNC_PROMISE_P(&p->shutdown_promise), &null);
			RETVAL_COPY(&p->shutdown_promise);
			p->shutting_down = true;
			return;
		}
	}
	RETVAL_COPY(&p->shutdown_promise);
	if (!p->shutting_down) {
		p->shutting_down = true;
		if (php_async_loop_get()) {
			update_hold(p);
			queue_process(p);
		}
	}
}

ZEND_METHOD(Async_Parallel, kill)
{
	php_async_pool *p = pool_from_obj(Z_OBJ_P(ZEND_THIS));
	php_async_worker *w;
	php_async_job *j;

	ZEND_PARSE_PARAMETERS_NONE();

	php_async_loop_check_fork();
	if (p->killed) {
		return;
	}
	p->killed = true;
	for (w = p->workers; w; w = w->next) {
		if (w->job) {
			j = w->job;
			w->job = NULL;
			p->n_busy--;
			job_fail(p, j, php_async_cancelled_exception_ce,
				"Task %s was cancelled: the Async\\Parallel pool was killed", ZSTR_VAL(j->name));
		}
		worker_retire(w, SIGKILL);
	}
	while ((j = p->queue_head)) {
		p->queue_head = j->next;
		p->queued--;
		job_fail(p, j, php_async_cancelled_exception_ce,
			"Task %s was cancelled: the Async\\Parallel pool was killed", ZSTR_VAL(j->name));
	}
	p->queue_tail = NULL;
	if (php_async_loop_get()) {
		update_hold(p);
		queue_process(p);
	}
}

ZEND_METHOD(Async_Parallel, stats)
{
	php_async_pool *p = pool_from_obj(Z_OBJ_P(ZEND_THIS));
	php_async_worker *w;
	zend_long alive = 0;

	ZEND_PARSE_PARAMETERS_NONE();

	php_async_loop_check_fork();
	for (w = p->workers; w; w = w->next) {
		alive += !w->exited && !w->retiring;
	}
	array_init_size(return_value, 5);
	add_assoc_long(return_value, "workers", alive);
	add_assoc_long(return_value, "busy", p->n_busy);
	add_assoc_long(return_value, "queued", p->queued);
	add_assoc_long(return_value, "completed", p->completed);
	add_assoc_long(return_value, "failed", p->failed);
}

/* ---- the exceptions' getters ---------------------------------------------------------- */

PHP_ASYNC_PROPERTY_GETTER(Async_Parallel_WorkerException, getExitCode, php_async_worker_exception_ce, "exitCode")
PHP_ASYNC_PROPERTY_GETTER(Async_Parallel_WorkerException, getSignal, php_async_worker_exception_ce, "signal")
PHP_ASYNC_PROPERTY_GETTER(Async_Parallel_WorkerException, getStderr, php_async_worker_exception_ce, "stderr")
PHP_ASYNC_PROPERTY_GETTER(Async_Parallel_TaskFailedException, getOriginalClass, php_async_task_failed_exception_ce, "originalClass")
PHP_ASYNC_PROPERTY_GETTER(Async_Parallel_TaskFailedException, getOriginalMessage, php_async_task_failed_exception_ce, "originalMessage")
PHP_ASYNC_PROPERTY_GETTER(Async_Parallel_TaskFailedException, getOriginalCode, php_async_task_failed_exception_ce, "originalCode")
PHP_ASYNC_PROPERTY_GETTER(Async_Parallel_TaskFailedException, getOriginalFile, php_async_task_failed_exception_ce, "originalFile")
PHP_ASYNC_PROPERTY_GETTER(Async_Parallel_TaskFailedException, getOriginalLine, php_async_task_failed_exception_ce, "originalLine")
PHP_ASYNC_PROPERTY_GETTER(Async_Parallel_TaskFailedException, getOriginalTraceAsString, php_async_task_failed_exception_ce, "originalTrace")

ZEND_METHOD(Async_Parallel_Worker, __construct)
{
}

/* ---- module hooks ---------------------------------------------------------------------- */

void php_async_pool_minit(zend_class_entry *pool_ce, zend_class_entry *task_ce, zend_class_entry *worker_ex,
	zend_class_entry *failed_ex, zend_class_entry *serialization_ex)
{
	php_async_parallel_ce = pool_ce;
	php_async_task_ce = task_ce;
	php_async_worker_exception_ce = worker_ex;
	php_async_task_failed_exception_ce = failed_ex;
	php_async_serialization_exception_ce = serialization_ex;
	pool_ce->create_object = pool_create;
	memcpy(&pool_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	pool_handlers.offset = XtOffsetOf(php_async_pool, std);
	pool_handlers.free_obj = pool_free;
	pool_handlers.get_gc = pool_get_gc;
	pool_handlers.clone_obj = NULL;
}

/* Every pool lets its workers go (their connections close, so they exit) and
 * drops its work; ours = false in the child of a fork(), where the workers
 * are the parent's. */
static void drop_pools(bool ours)
{
	HashTable *pools = ASYNC_G(pools);
	php_async_pool *p;

	if (!pools) {
		return;
	}
	ZEND_HASH_FOREACH_PTR(pools, p) {
		teardown(p, ours);
		p->killed = true;
		if (p->holding) {
			p->holding = false;
			if (ASYNC_G(loop)) {
				php_async_loop_unref(ASYNC_G(loop));
			}
			GC_DELREF(&p->std); /* the object store frees it at the end of the request */
		}
	} ZEND_HASH_FOREACH_END();
	if (!ours) {
		return;
	}
	ASYNC_G(pools) = NULL;
	zend_hash_destroy(pools);
	FREE_HASHTABLE(pools);
}

void php_async_pool_rshutdown(void)
{
	drop_pools(true);
}

void php_async_pool_after_fork(void)
{
	drop_pools(false);
}
