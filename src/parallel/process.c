/* Async\Process: one child process from an argv array, started with
 * posix_spawn() (so "not found" and "not executable" are errors here, not a
 * child exiting 127), its output read by the loop and its exit seen through
 * SIGCHLD. Its promise resolves with an Async\ProcessResult once it has
 * exited and what it wrote has been read. */
#include "php_async_compat.h"
#include "php_async.h"
#include "common/callable.h"
#include "common/errors.h"
#include "common/options.h"
#include "loop/loop.h"
#include "promise/promise.h"
#include "parallel/ipc.h"
#include "parallel/parallel.h"
#include "zend_smart_str.h"

#include <errno.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

zend_class_entry *php_async_process_ce;
zend_class_entry *php_async_process_result_ce;
zend_class_entry *php_async_process_exception_ce;

static zend_object_handlers process_handlers;

#define READ_BUDGET (256 * 1024)   /* per stream and callback: the loop stays fair */
#define DRAIN_BUDGET (1024 * 1024) /* read after the exit: a descendant may keep writing */

typedef enum { PROC_NEW = 0, PROC_RUNNING, PROC_DONE } proc_state;

typedef struct {
	char **argv;
	char **envp;                   /* NULL: inherit */
	zend_string *cwd;
	zend_string *stdin_data;
	bool stdin_open;               /* option stdin => true */
	php_async_callable on_output[2];   /* stdout, stderr */

	uint8_t state;
	bool task_queued;
	bool holding;
	bool close_input;              /* closeInput() was called */
	php_async_child *child;
	pid_t pid;
	int in_fd, out_fd[2];
	struct event in_ev, out_ev[2];
	smart_str input;               /* not yet written to stdin */
	size_t input_pos;
	smart_str fresh[2];            /* read, not yet given to on_stdout/on_stderr */
	smart_str collected[2];        /* the result's stdout and stderr (no callback) */
	int8_t overflow;               /* the stream (0, 1) whose output outgrew memory_limit, or -1 */
	zval promise;
	zval failure;                  /* what an output callback threw: the rejection, once it has exited */
	zend_object std;
} php_async_process;

static zend_always_inline php_async_process *proc_from_obj(zend_object *obj)
{
	return (php_async_process *) ((char *) obj - XtOffsetOf(php_async_process, std));
}

static void process(zend_object *obj, void *data);
static const php_async_microtask_ops process_task = { process, NULL };

static void queue_process(php_async_process *pr)
{
	php_async_loop *loop = ASYNC_G(loop);

	if (pr->task_queued || !loop) {
		return;
	}
	pr->task_queued = true;
	GC_ADDREF(&pr->std);
	php_async_loop_queue_microtask(loop, &process_task, &pr->std, NULL);
}

/* ---- descriptors (libevent callbacks: C only) ---------------------------------- */

static void close_in(php_async_process *pr)
{
	if (pr->in_fd >= 0) {
		event_del(&pr->in_ev);
		close(pr->in_fd);
		pr->in_fd = -1;
	}
	smart_str_free(&pr->input);
	pr->input_pos = 0;
}

static void close_out(php_async_process *pr, int i)
{
	if (pr->out_fd[i] >= 0) {
		event_del(&pr->out_ev[i]);
		close(pr->out_fd[i]);
		pr->out_fd[i] = -1;
	}
}

/* Reads into the buffer the bytes go to: the callback's chunk, or the
 * result. Growing it past memory_limit would be a fatal error inside
 * libevent: the stream is closed instead, and the process stopped. */
static void read_out(php_async_process *pr, int i, size_t budget)
{
	smart_str *buf = php_async_callable_isset(&pr->on_output[i]) ? &pr->fresh[i] : &pr->collected[i];

	while (pr->out_fd[i] >= 0 && budget > 0) {
		ssize_t n;
		if (!php_async_frame_fits((buf->s ? ZSTR_LEN(buf->s) : 0) + 65536)) {
			pr->overflow = (int8_t) i;
			close_out(pr, i);
			return;
		}
		smart_str_alloc(buf, 65536, 0);
		n = read(pr->out_fd[i], ZSTR_VAL(buf->s) + ZSTR_LEN(buf->s), 65536);
		if (n > 0) {
			ZSTR_LEN(buf->s) += (size_t) n;
			budget -= MIN(budget, (size_t) n);
		} else if (n < 0 && errno == EINTR) {
			continue;
		} else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			return;
		} else {
			close_out(pr, i);
		}
	}
}

static void out_cb(evutil_socket_t fd, short what, void *arg)
{
	php_async_process *pr = arg;
	int i = fd == pr->out_fd[0] ? 0 : 1;

	read_out(pr, i, READ_BUDGET);
	queue_process(pr);
}

static void write_in(php_async_process *pr)
{
	while (pr->in_fd >= 0 && pr->input.s && pr->input_pos < ZSTR_LEN(pr->input.s)) {
		ssize_t n = php_async_write_nosigpipe(pr->in_fd, ZSTR_VAL(pr->input.s) + pr->input_pos,
			ZSTR_LEN(pr->input.s) - pr->input_pos);
		if (n > 0) {
			pr->input_pos += (size_t) n;
		} else if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
			event_add(&pr->in_ev, NULL);
			return;
		} else {
			close_in(pr); /* it stopped reading its input: what is left is dropped, as a shell pipe would */
			return;
		}
	}
	if (pr->in_fd < 0) {
		return;
	}
	event_del(&pr->in_ev);
	smart_str_free(&pr->input);
	pr->input_pos = 0;
	if (pr->close_input) {
		close_in(pr);
	}
}

static void in_cb(evutil_socket_t fd, short what, void *arg)
{
	write_in(arg);
}

static void child_exited(php_async_child *c)
{
	queue_process(c->owner);
}

/* ---- settling ------------------------------------------------------------------- */

static void hold(php_async_process *pr, bool on)
{
	php_async_loop *loop = ASYNC_G(loop);

	if (on == pr->holding) {
		return;
	}
	pr->holding = on;
	if (on) {
		GC_ADDREF(&pr->std);
		if (loop) {
			php_async_loop_ref(loop);
		}
		if (!ASYNC_G(processes)) {
			ALLOC_HASHTABLE(ASYNC_G(processes));
			zend_hash_init(ASYNC_G(processes), 4, NULL, NULL, 0);
		}
		zend_hash_index_update_ptr(ASYNC_G(processes), pr->std.handle, pr);
	} else {
		if (ASYNC_G(processes)) {
			zend_hash_index_del(ASYNC_G(processes), pr->std.handle);
		}
		if (loop) {
			php_async_loop_unref(loop);
		}
		OBJ_RELEASE(&pr->std);
	}
}

/* Hands what was read to the callbacks or the result; false if a callback threw. */
static bool deliver(php_async_process *pr)
{
	int i;

	for (i = 0; i < 2; i++) {
		zval chunk;
		if (!pr->fresh[i].s || !ZSTR_LEN(pr->fresh[i].s) || !php_async_callable_isset(&pr->on_output[i])) {
			continue;
		}
		smart_str_0(&pr->fresh[i]);
		ZVAL_STR(&chunk, pr->fresh[i].s);
		pr->fresh[i].s = NULL;
		php_async_callable_call(&pr->on_output[i], 1, &chunk, NULL);
		zval_ptr_dtor(&chunk);
		if (EG(exception)) {
			return false;
		}
	}
	return true;
}

static void finish(php_async_process *pr, zval *reason)
{
	zval promise;
	int i;

	pr->state = PROC_DONE;
	close_in(pr);
	close_out(pr, 0);
	close_out(pr, 1);
	ZVAL_COPY_VALUE(&promise, &pr->promise);
	ZVAL_UNDEF(&pr->promise);
	if (reason) {
		php_async_promise_reject(Z_ASYNC_PROMISE_P(&promise), reason);
		zval_ptr_dtor(reason);
		ZVAL_UNDEF(reason);
		for (i = 0; i < 2; i++) {
			smart_str_free(&pr->collected[i]);
		}
	} else {
		zval result;
		object_init_ex(&result, php_async_process_result_ce);
		zend_update_property_long(php_async_process_result_ce, PHP_ASYNC_THIS_FOR_PROP(&result), "pid", sizeof("pid") - 1, pr->pid);
		/* neither is known when somebody else's waitpid() took the status */
		if (!pr->child->lost && WIFSIGNALED(pr->child->status)) {
			zend_update_property_long(php_async_process_result_ce, PHP_ASYNC_THIS_FOR_PROP(&result),
				"signal", sizeof("signal") - 1, WTERMSIG(pr->child->status));
		} else if (!pr->child->lost) {
			zend_update_property_long(php_async_process_result_ce, PHP_ASYNC_THIS_FOR_PROP(&result),
				"exitCode", sizeof("exitCode") - 1, WEXITSTATUS(pr->child->status));
		}
		for (i = 0; i < 2; i++) {
			smart_str_0(&pr->collected[i]);
			if (pr->collected[i].s) {
				zend_update_property_str(php_async_process_result_ce, PHP_ASYNC_THIS_FOR_PROP(&result),
					i ? "stderr" : "stdout", sizeof("stdout") - 1, pr->collected[i].s);
			}
			smart_str_free(&pr->collected[i]);
		}
		php_async_promise_resolve(Z_ASYNC_PROMISE_P(&promise), &result);
		zval_ptr_dtor(&result);
	}
	zval_ptr_dtor(&promise);
	php_async_child_release(pr->child);
	pr->child = NULL;
	hold(pr, false);
}

static void process(zend_object *obj, void *data)
{
	php_async_process *pr = proc_from_obj(obj);
	bool exited;

	pr->task_queued = false;
	if (pr->state != PROC_RUNNING) {
		return;
	}
	exited = pr->child->reaped || php_async_child_poll(pr->child);
	if (exited) {
		/* It is gone: what it wrote is all in the pipes now. A descendant
		 * that kept them open does not hold the result back. */
		read_out(pr, 0, DRAIN_BUDGET);
		read_out(pr, 1, DRAIN_BUDGET);
	}
	if (pr->overflow >= 0 && Z_ISUNDEF(pr->failure)) {
		if (!exited) {
			kill(pr->pid, SIGKILL);
		}
		php_async_exception_new(&pr->failure, php_async_process_exception_ce,
			"The %s of \"%s\" outgrew memory_limit after %zu bytes: it was stopped; stream it with the %s option",
			pr->overflow ? "stderr" : "stdout", pr->argv[0],
			pr->collected[pr->overflow].s ? ZSTR_LEN(pr->collected[pr->overflow].s) : 0,
			pr->overflow ? "on_stderr" : "on_stdout");
	}
	if (!deliver(pr)) {
		zval ex;
		if (!php_async_take_exception(&ex)) {
			return;
		}
		/* The callback failed: the process is stopped and its promise
		 * rejected with the exception once it has exited. */
		if (!exited) {
			kill(pr->pid, SIGKILL);
		}
		if (Z_ISUNDEF(pr->failure)) {
			ZVAL_COPY_VALUE(&pr->failure, &ex);
		} else {
			zval_ptr_dtor(&ex);
		}
		php_async_callable_dtor(&pr->on_output[0]);
		php_async_callable_dtor(&pr->on_output[1]);
		close_out(pr, 0);
		close_out(pr, 1);
	}
	if (exited) {
		finish(pr, Z_ISUNDEF(pr->failure) ? NULL : &pr->failure);
	}
}

/* ---- the object ------------------------------------------------------------------ */

static zend_object *process_create(zend_class_entry *ce)
{
	php_async_process *pr = zend_object_alloc(sizeof(php_async_process), ce);

	zend_object_std_init(&pr->std, ce);
	object_properties_init(&pr->std, ce);
	pr->std.handlers = &process_handlers;
	pr->in_fd = pr->out_fd[0] = pr->out_fd[1] = -1;
	php_async_callable_init_empty(&pr->on_output[0]);
	php_async_callable_init_empty(&pr->on_output[1]);
	ZVAL_UNDEF(&pr->promise);
	ZVAL_UNDEF(&pr->failure);
	pr->overflow = -1;
	return &pr->std;
}

/* Lets go of the child without calling PHP; signo: ask it to stop too. */
static void teardown(php_async_process *pr, int signo)
{
	int i;

	close_in(pr);
	close_out(pr, 0);
	close_out(pr, 1);
	if (pr->child) {
		if (signo && !pr->child->reaped) {
			kill(pr->pid, signo);
		}
		php_async_child_release(pr->child);
		pr->child = NULL;
	}
	for (i = 0; i < 2; i++) {
		smart_str_free(&pr->fresh[i]);
		smart_str_free(&pr->collected[i]);
	}
	if (pr->state == PROC_RUNNING) {
		pr->state = PROC_DONE;
	}
}

static void process_free(zend_object *obj)
{
	php_async_process *pr = proc_from_obj(obj);

	php_async_loop_check_fork(); /* a fork()'s child must not touch the parent's events */
	teardown(pr, SIGTERM);
	php_async_strv_free(pr->argv);
	php_async_strv_free(pr->envp);
	if (pr->cwd) {
		zend_string_release(pr->cwd);
	}
	if (pr->stdin_data) {
		zend_string_release(pr->stdin_data);
	}
	php_async_callable_dtor(&pr->on_output[0]);
	php_async_callable_dtor(&pr->on_output[1]);
	zval_ptr_dtor(&pr->promise);
	zval_ptr_dtor(&pr->failure);
	zend_object_std_dtor(obj);
}

static HashTable *process_get_gc(PHP_ASYNC_OBJ_PARAM, zval **table, int *n)
{
	php_async_process *pr = proc_from_obj(PHP_ASYNC_OBJ_FROM_PARAM());
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();

	zend_get_gc_buffer_add_zval(buf, &pr->promise);
	zend_get_gc_buffer_add_zval(buf, &pr->failure);
	php_async_callable_gc(&pr->on_output[0], buf);
	php_async_callable_gc(&pr->on_output[1], buf);
	zend_get_gc_buffer_use(buf, table, n);
	return PHP_ASYNC_OBJ_FROM_PARAM()->properties; /* dynamic ones: PHP 7.4 allows them */
}

/* A string for a C array: no NUL bytes inside. */
static char *c_string(zval *v, uint32_t arg_num, const char *arg, const char *what)
{
	zend_string *s;
	char *out;

	ZVAL_DEREF(v);
	if (Z_TYPE_P(v) != IS_STRING && Z_TYPE_P(v) != IS_LONG && Z_TYPE_P(v) != IS_DOUBLE) {
		php_async_argument_type_error(arg_num, arg, "must hold only strings as %s, %s given", what, zend_zval_type_name(v));
		return NULL;
	}
	s = zval_get_string(v);
	if (memchr(ZSTR_VAL(s), '\0', ZSTR_LEN(s))) {
		php_async_argument_value_error(arg_num, arg, "must not contain NUL bytes in %s", what);
		zend_string_release(s);
		return NULL;
	}
	out = estrndup(ZSTR_VAL(s), ZSTR_LEN(s));
	zend_string_release(s);
	return out;
}

static char **build_argv(HashTable *command)
{
	uint32_t n = zend_hash_num_elements(command), i = 0;
	char **argv;
	zval *v;

	if (n == 0) {
		php_async_argument_value_error(1, "command", "must not be empty: give [program, arg, ...]");
		return NULL;
	}
	argv = ecalloc(n + 1, sizeof(char *));
	ZEND_HASH_FOREACH_VAL(command, v) {
		if (!(argv[i] = c_string(v, 1, "command", "program and arguments"))) {
			php_async_strv_free(argv);
			return NULL;
		}
		i++;
	} ZEND_HASH_FOREACH_END();
	if (!*argv[0]) {
		php_async_strv_free(argv);
		php_async_argument_value_error(1, "command", "must start with a program name, not an empty string");
		return NULL;
	}
	return argv;
}

static char **build_envp(HashTable *env)
{
	char **envp = ecalloc(zend_hash_num_elements(env) + 1, sizeof(char *));
	zend_string *name;
	zval *v;
	uint32_t i = 0;

	ZEND_HASH_FOREACH_STR_KEY_VAL(env, name, v) {
		char *value;
		if (!name || !ZSTR_LEN(name) || memchr(ZSTR_VAL(name), '=', ZSTR_LEN(name))
				|| ZSTR_LEN(name) != strlen(ZSTR_VAL(name))) {
			php_async_strv_free(envp);
			php_async_argument_value_error(2, "options", "option \"env\" must map variable names (without \"=\") to values");
			return NULL;
		}
		if (!(value = c_string(v, 2, "options", "values of option \"env\""))) {
			php_async_strv_free(envp);
			return NULL;
		}
		spprintf(&envp[i++], 0, "%s=%s", ZSTR_VAL(name), value);
		efree(value);
	} ZEND_HASH_FOREACH_END();
	return envp;
}

static bool parse_options(php_async_process *pr, HashTable *options)
{
	zend_string *key;
	zval *v;

	ZEND_HASH_FOREACH_STR_KEY_VAL(options, key, v) {
		ZVAL_DEREF(v);
		if (!key) {
			php_async_opt_unknown(2, key);
			return false;
		} else if (zend_string_equals_literal(key, "cwd")) {
			if (!php_async_opt_string(v, 2, "cwd", true, &pr->cwd)) return false;
		} else if (zend_string_equals_literal(key, "env")) {
			if (Z_TYPE_P(v) != IS_ARRAY) {
				php_async_argument_value_error(2, "options", "option \"env\" must be an array of name => value");
				return false;
			}
			php_async_strv_free(pr->envp);
			if (!(pr->envp = build_envp(Z_ARRVAL_P(v)))) return false;
		} else if (zend_string_equals_literal(key, "stdin")) {
			if (Z_TYPE_P(v) == IS_TRUE) {
				pr->stdin_open = true;
			} else if (Z_TYPE_P(v) == IS_STRING) {
				pr->stdin_data = zend_string_copy(Z_STR_P(v));
			} else if (Z_TYPE_P(v) != IS_NULL) {
				php_async_argument_value_error(2, "options",
					"option \"stdin\" must be a string (written, then closed), true (kept open for write()) or null");
				return false;
			}
		} else if (zend_string_equals_literal(key, "on_stdout") || zend_string_equals_literal(key, "on_stderr")) {
			zend_fcall_info fci;
			zend_fcall_info_cache fcc;
			int i = zend_string_equals_literal(key, "on_stderr");
			if (zend_fcall_info_init(v, 0, &fci, &fcc, NULL, NULL) != SUCCESS) {
				php_async_argument_type_error(2, "options", "option \"%s\" must be a callable", ZSTR_VAL(key));
				return false;
			}
			php_async_callable_dtor(&pr->on_output[i]);
			php_async_callable_init(&pr->on_output[i], &fci, &fcc);
		} else {
			php_async_opt_unknown(2, key);
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

ZEND_METHOD(Async_Process, __construct)
{
	php_async_process *pr = proc_from_obj(Z_OBJ_P(ZEND_THIS));
	HashTable *command, *options = NULL;

	ZEND_PARSE_PARAMETERS_START_EX(PHP_ASYNC_ZPP_CTOR, 1, 2)
		Z_PARAM_ARRAY_HT(command)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	if (pr->argv) {
		zend_throw_exception(php_async_error_ce, "Async\\Process::__construct() was already called", 0);
		RETURN_THROWS();
	}
	if (!(pr->argv = build_argv(command))) {
		RETURN_THROWS();
	}
	if (options && !parse_options(pr, options)) {
		RETURN_THROWS();
	}
}

static void throw_cannot_run(php_async_process *pr, const char *why)
{
	zend_throw_exception_ex(php_async_process_exception_ce, 0, "Cannot run \"%s\": %s", pr->argv[0], why);
}

ZEND_METHOD(Async_Process, start)
{
	php_async_process *pr = proc_from_obj(Z_OBJ_P(ZEND_THIS));
	php_async_loop *loop;
	php_async_spawn_spec spec;
	zend_string *program;
	int in[2] = { -1, -1 }, out[2][2] = { { -1, -1 }, { -1, -1 } }, err, i;
	struct stat st;

	ZEND_PARSE_PARAMETERS_NONE();

	if (!pr->argv) {
		zend_throw_exception(php_async_error_ce, "The Async\\Process was not constructed", 0);
		RETURN_THROWS();
	}
	if (pr->state != PROC_NEW) {
		zend_throw_exception(php_async_error_ce, "The process was already started: make a new Async\\Process to run it again", 0);
		RETURN_THROWS();
	}
	if (pr->cwd) {
		const char *why = stat(ZSTR_VAL(pr->cwd), &st) != 0 ? strerror(errno) : !S_ISDIR(st.st_mode) ? "not a directory" : NULL;
		if (why) {
			zend_throw_exception_ex(php_async_process_exception_ce, 0, "Cannot run \"%s\" in \"%s\": %s", pr->argv[0],
				ZSTR_VAL(pr->cwd), why);
			RETURN_THROWS();
		}
	}
	program = php_async_find_program(pr->argv[0], getenv("PATH"), pr->cwd ? ZSTR_VAL(pr->cwd) : NULL, &err);
	if (!program) {
		char *why;
		spprintf(&why, 0, "%s%s", strerror(err),
			strchr(pr->argv[0], '/') ? "" : err == ENOENT ? " (not found in PATH)" : " (in PATH, but not executable)");
		throw_cannot_run(pr, why);
		efree(why);
		RETURN_THROWS();
	}
	if (!(loop = php_async_loop_get()) || !php_async_children_prepare()) {
		zend_string_release(program);
		RETURN_THROWS();
	}
	if (((pr->stdin_data || pr->stdin_open) && !php_async_cloexec_pipe(in, false))
			|| !php_async_cloexec_pipe(out[0], true) || !php_async_cloexec_pipe(out[1], true)) {
		err = errno;
		for (i = 0; i < 2; i++) {
			if (in[i] >= 0) close(in[i]);
			if (out[0][i] >= 0) close(out[0][i]);
			if (out[1][i] >= 0) close(out[1][i]);
		}
		zend_string_release(program);
		throw_cannot_run(pr, strerror(err));
		RETURN_THROWS();
	}
	spec.path = ZSTR_VAL(program);
	spec.argv = pr->argv;
	spec.envp = pr->envp;
	spec.cwd = pr->cwd ? ZSTR_VAL(pr->cwd) : NULL;
	spec.stdio[0] = in[0] >= 0 ? in[0] : PHP_ASYNC_SPAWN_DEVNULL;
	spec.stdio[1] = out[0][1];
	spec.stdio[2] = out[1][1];
	spec.extra_fd = -1;
	err = php_async_spawn(&spec, &pr->pid);
	zend_string_release(program);
	if (in[0] >= 0) {
		close(in[0]);
	}
	close(out[0][1]);
	close(out[1][1]);
	if (err) {
		if (in[1] >= 0) {
			close(in[1]);
		}
		close(out[0][0]);
		close(out[1][0]);
		throw_cannot_run(pr, strerror(err));
		RETURN_THROWS();
	}

	pr->state = PROC_RUNNING;
	pr->child = php_async_child_add(pr->pid, child_exited, pr);
	pr->in_fd = in[1];
	pr->out_fd[0] = out[0][0];
	pr->out_fd[1] = out[1][0];
	for (i = 0; i < 2; i++) {
		event_assign(&pr->out_ev[i], loop->base, pr->out_fd[i], EV_READ | EV_PERSIST, out_cb, pr);
		event_add(&pr->out_ev[i], NULL);
	}
	if (pr->in_fd >= 0) {
		event_assign(&pr->in_ev, loop->base, pr->in_fd, EV_WRITE | EV_PERSIST, in_cb, pr);
		if (pr->stdin_data) {
			smart_str_append(&pr->input, pr->stdin_data);
		}
		pr->close_input = !pr->stdin_open;
		write_in(pr);
	}
	php_async_promise_new(&pr->promise);
	hold(pr, true);
	RETURN_COPY(&pr->promise);
}

static bool started(php_async_process *pr)
{
	php_async_loop_check_fork(); /* in a fork()'s child the process is the parent's: done */
	if (pr->state == PROC_NEW) {
		zend_throw_exception(php_async_error_ce, "The process has not been started: call start() first", 0);
		return false;
	}
	return true;
}

ZEND_METHOD(Async_Process, pid)
{
	php_async_process *pr = proc_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_NONE();
	if (!started(pr)) {
		RETURN_THROWS();
	}
	RETURN_LONG(pr->pid);
}

ZEND_METHOD(Async_Process, isRunning)
{
	php_async_process *pr = proc_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(pr->state == PROC_RUNNING && !(pr->child->reaped || php_async_child_poll(pr->child)));
}

ZEND_METHOD(Async_Process, write)
{
	php_async_process *pr = proc_from_obj(Z_OBJ_P(ZEND_THIS));
	zend_string *data;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(data)
	ZEND_PARSE_PARAMETERS_END();

	if (!started(pr)) {
		RETURN_THROWS();
	}
	if (!pr->stdin_open) {
		zend_throw_exception(php_async_error_ce,
			"The process's stdin is not open for write(): construct it with the option 'stdin' => true", 0);
		RETURN_THROWS();
	}
	if (pr->close_input) {
		zend_throw_exception(php_async_error_ce, "The process's stdin was closed with closeInput()", 0);
		RETURN_THROWS();
	}
	if (pr->in_fd < 0) {
		return; /* it exited or closed its input: the data goes nowhere, as with a pipe */
	}
	smart_str_append(&pr->input, data);
	write_in(pr);
}

ZEND_METHOD(Async_Process, closeInput)
{
	php_async_process *pr = proc_from_obj(Z_OBJ_P(ZEND_THIS));

	ZEND_PARSE_PARAMETERS_NONE();
	if (!started(pr)) {
		RETURN_THROWS();
	}
	pr->close_input = true;
	if (!pr->input.s || pr->input_pos >= ZSTR_LEN(pr->input.s)) {
		close_in(pr);
	}
}

ZEND_METHOD(Async_Process, kill)
{
	php_async_process *pr = proc_from_obj(Z_OBJ_P(ZEND_THIS));
	zend_long signo = SIGTERM;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(signo)
	ZEND_PARSE_PARAMETERS_END();

	if (!started(pr)) {
		RETURN_THROWS();
	}
	if (signo < 1 || signo >= NSIG) {
		php_async_argument_value_error(1, "signal", "must be a signal number between 1 and %d", NSIG - 1);
		RETURN_THROWS();
	}
	if (pr->state == PROC_RUNNING && !pr->child->reaped) {
		kill(pr->pid, (int) signo);
	}
}

/* ---- ProcessResult ------------------------------------------------------------------ */

ZEND_METHOD(Async_ProcessResult, __construct)
{
}

PHP_ASYNC_PROPERTY_GETTER(Async_ProcessResult, pid, php_async_process_result_ce, "pid")
PHP_ASYNC_PROPERTY_GETTER(Async_ProcessResult, exitCode, php_async_process_result_ce, "exitCode")
PHP_ASYNC_PROPERTY_GETTER(Async_ProcessResult, signal, php_async_process_result_ce, "signal")
PHP_ASYNC_PROPERTY_GETTER(Async_ProcessResult, stdout, php_async_process_result_ce, "stdout")
PHP_ASYNC_PROPERTY_GETTER(Async_ProcessResult, stderr, php_async_process_result_ce, "stderr")

ZEND_METHOD(Async_ProcessResult, isSuccessful)
{
	zval rv, *v;

	ZEND_PARSE_PARAMETERS_NONE();
	v = zend_read_property(php_async_process_result_ce, PHP_ASYNC_THIS_FOR_PROP(ZEND_THIS), "exitCode", sizeof("exitCode") - 1, 1, &rv);
	ZVAL_DEREF(v);
	RETURN_BOOL(Z_TYPE_P(v) == IS_LONG && Z_LVAL_P(v) == 0);
}

/* ---- module hooks --------------------------------------------------------------------- */

void php_async_process_minit(zend_class_entry *process_ce, zend_class_entry *result_ce, zend_class_entry *process_ex)
{
	php_async_process_ce = process_ce;
	php_async_process_result_ce = result_ce;
	php_async_process_exception_ce = process_ex;
	process_ce->create_object = process_create;
	memcpy(&process_handlers, zend_get_std_object_handlers(), sizeof(zend_object_handlers));
	process_handlers.offset = XtOffsetOf(php_async_process, std);
	process_handlers.free_obj = process_free;
	process_handlers.get_gc = process_get_gc;
	process_handlers.clone_obj = NULL;
}

/* Running processes are stopped (SIGTERM; the children's rshutdown kills
 * what is still there after a second), or in a fork()'s child, forgotten. */
static void drop_processes(int signo)
{
	HashTable *procs = ASYNC_G(processes);
	php_async_process *pr;

	if (!procs) {
		return;
	}
	ASYNC_G(processes) = NULL;
	ZEND_HASH_FOREACH_PTR(procs, pr) {
		if (!signo) {
			pr->child = NULL; /* the parent's */
		}
		teardown(pr, signo);
		zval_ptr_dtor(&pr->promise);
		ZVAL_UNDEF(&pr->promise);
		pr->holding = false;
		if (ASYNC_G(loop)) {
			php_async_loop_unref(ASYNC_G(loop));
		}
	} ZEND_HASH_FOREACH_END();
	ZEND_HASH_FOREACH_PTR(procs, pr) {
		OBJ_RELEASE(&pr->std);
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(procs);
	FREE_HASHTABLE(procs);
}

void php_async_process_rshutdown(void)
{
	drop_processes(SIGTERM);
}

void php_async_process_after_fork(void)
{
	drop_processes(0);
}
