/* Async\Parallel: the pool object, its queue and the promises of its tasks.
 * Its workers (pool_worker.c) only read bytes and queue the pool's
 * microtask; results are unserialized, deaths reported and promises settled
 * there, or in the pool's timer (task_timeout). */
#include "php_async_compat.h"
#include "php_async.h"
#include "SAPI.h"
#include "common/errors.h"
#include "common/options.h"
#include "loop/loop.h"
#include "promise/promise.h"
#include "parallel/ipc.h"
#include "parallel/parallel.h"
#include "parallel/pool.h"
#include "ext/standard/php_string.h"

#include <errno.h>
#include <signal.h>
#include <unistd.h>

zend_class_entry *php_async_parallel_ce;
zend_class_entry *php_async_task_ce;
zend_class_entry *php_async_worker_exception_ce;
zend_class_entry *php_async_task_failed_exception_ce;
zend_class_entry *php_async_serialization_exception_ce;

static zend_object_handlers pool_handlers;

#define START_GRACE 60.0   /* seconds a new worker may take to start, besides task_timeout */

static zend_always_inline php_async_pool *pool_from_obj(zend_object *obj)
{
	return (php_async_pool *) ((char *) obj - XtOffsetOf(php_async_pool, std));
}

static void process(zend_object *obj, void *data);
static const php_async_microtask_ops process_task = { process, NULL };

void php_async_pool_queue_process(php_async_pool *p)
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
	zval ex;

	va_start(va, fmt);
	php_async_exception_newv(&ex, ce, fmt, va);
	va_end(va);
	job_settle(p, j, false, &ex);
	zval_ptr_dtor(&ex);
}

/* The running task's promise, when its worker died under it. */
static void reject_worker_died(php_async_pool *p, php_async_worker *w)
{
	php_async_job *j = w->job;
	zend_string *status = php_async_describe_status(w->child->status), *tail = php_async_pool_worker_stderr_tail(w), *trimmed;
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
			"Worker process %d died while running task %s: %s%s%s", (int) w->child->pid, ZSTR_VAL(j->name),
			w->child->lost ? "its exit status was taken by another waitpid()" : ZSTR_VAL(status),
			ZSTR_LEN(trimmed) ? "; its stderr ended with:\n" : " (nothing on stderr)",
			ZSTR_VAL(trimmed));
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
		return;
	}
	if (!j) {
		zend_string_efree(in);
		w->why = zend_string_init("it sent a result without a task", sizeof("it sent a result without a task") - 1, 0);
		php_async_pool_worker_retire(w, SIGKILL);
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
		php_async_pool_worker_retire(w, 0);
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
			w = php_async_pool_worker_start(p, &err);
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
		php_async_pool_worker_write(w);
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
			php_async_pool_worker_retire(w, 0);
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
				php_async_pool_worker_retire(w, SIGKILL);
			} else {
				php_async_pool_worker_close_ipc(w);
				if (php_async_child_poll(w->child)) {
					w->exited = true;
				}
			}
		}
		if (w->exited) {
			/* Everything it wrote before it went is readable now (its
			 * "ready", then maybe a result). */
			for (php_async_pool_worker_read(w); w->frame_ready; php_async_pool_worker_read(w)) {
				handle_frame(p, w);
			}
			php_async_pool_worker_read_stderr(w);
			if (w->job) {
				reject_worker_died(p, w);
			}
			php_async_pool_worker_free(p, w);
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
			php_async_pool_worker_retire(w, SIGTERM);
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
		php_async_pool_worker_free(p, w);
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
	return PHP_ASYNC_OBJ_FROM_PARAM()->properties; /* dynamic ones: PHP 7.4 allows them */
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
	php_async_pool_queue_process(p);
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
			php_async_pool_queue_process(p);
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
		php_async_pool_worker_retire(w, SIGKILL);
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
		php_async_pool_queue_process(p);
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
