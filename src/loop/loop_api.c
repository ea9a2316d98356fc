/* Async\Loop: the PHP methods. They check arguments and hand over to the
 * engine in loop.c. */
#include "php_async_compat.h"
#include "php_async.h"
#include "common/errors.h"
#include "loop/loop.h"
#include "loop/loop_internal.h"
#include "loop/stream_fd.h"

#include <math.h>
#include <signal.h>
#include <sys/stat.h>

zend_class_entry *php_async_loop_ce;

/* Longer than any process will wait: keeps the timeval arithmetic exact. */
#define PHP_ASYNC_MAX_SECONDS 3153600000.0 /* 100 years */

ZEND_METHOD(Async_Loop, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

/* Returns false with a ValueError thrown if seconds is not a usable delay. */
static bool seconds_to_timeval(double seconds, uint32_t arg_num, const char *arg_name, struct timeval *tv)
{
	if (!zend_finite(seconds)) {
		php_async_argument_value_error(arg_num, arg_name, "must be a finite number of seconds");
		return false;
	}
	if (seconds < 0) {
		php_async_argument_value_error(arg_num, arg_name, "must be greater than or equal to 0");
		return false;
	}
	php_async_timeval_from_seconds(seconds > PHP_ASYNC_MAX_SECONDS ? PHP_ASYNC_MAX_SECONDS : seconds, tv);
	return true;
}

static void start_or_throw(php_async_loop *loop, php_async_watcher *w, const char *what, zval *return_value)
{
	if (!php_async_watcher_start(loop, w)) {
		int err = errno;
		bool stream = w->kind == PHP_ASYNC_WATCHER_READABLE || w->kind == PHP_ASYNC_WATCHER_WRITABLE;
		evutil_socket_t fd = w->fd;
		php_async_watcher_cancel(loop, w);
		if (stream && err == EPERM) {
			/* epoll refuses files that are always ready: asked only now, so
			 * registering costs no fstat() */
			struct stat st;
			if (fstat(fd, &st) == 0 && (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))) {
				php_async_argument_value_error(1, "stream",
					"cannot be watched: it is a plain file, which is always ready (read or write it directly)");
			} else {
				php_async_argument_value_error(1, "stream",
					"cannot be watched: this kind of file is always ready and cannot be polled (read or write it directly)");
			}
			return;
		}
		zend_throw_exception_ex(php_async_error_ce, 0, "Cannot watch %s: %s", what,
			ASYNC_G(libevent_error)[0] ? ASYNC_G(libevent_error) : strerror(err));
		return;
	}
	RETVAL_STR_COPY(w->id_str);
}

ZEND_METHOD(Async_Loop, defer)
{
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	php_async_loop *loop;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_FUNC(fci, fcc)
	ZEND_PARSE_PARAMETERS_END();

	if (!(loop = php_async_loop_get())) {
		RETURN_THROWS();
	}
	start_or_throw(loop, php_async_watcher_create(loop, PHP_ASYNC_WATCHER_DEFER, &fci, &fcc),
		"a deferred callback", return_value);
}

static void add_timer(INTERNAL_FUNCTION_PARAMETERS, php_async_watcher_kind kind, const char *arg_name)
{
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	double seconds;
	struct timeval tv;
	php_async_loop *loop;
	php_async_watcher *w;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_DOUBLE(seconds)
		Z_PARAM_FUNC(fci, fcc)
	ZEND_PARSE_PARAMETERS_END();

	if (!seconds_to_timeval(seconds, 1, arg_name, &tv)) {
		RETURN_THROWS();
	}
	if (!(loop = php_async_loop_get())) {
		RETURN_THROWS();
	}
	w = php_async_watcher_create(loop, kind, &fci, &fcc);
	w->interval = tv;
	start_or_throw(loop, w, "a timer", return_value);
}

ZEND_METHOD(Async_Loop, delay)
{
	add_timer(INTERNAL_FUNCTION_PARAM_PASSTHRU, PHP_ASYNC_WATCHER_DELAY, "seconds");
}

ZEND_METHOD(Async_Loop, repeat)
{
	add_timer(INTERNAL_FUNCTION_PARAM_PASSTHRU, PHP_ASYNC_WATCHER_REPEAT, "interval");
}

static void add_stream(INTERNAL_FUNCTION_PARAMETERS, php_async_watcher_kind kind)
{
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	zval *stream;
	evutil_socket_t fd;
	php_async_loop *loop;
	php_async_watcher *w;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_ZVAL(stream)
		Z_PARAM_FUNC(fci, fcc)
	ZEND_PARSE_PARAMETERS_END();

	ZVAL_DEREF(stream);
	if ((fd = php_async_stream_fd(stream, 1, "stream")) < 0) {
		RETURN_THROWS();
	}
	if (!(loop = php_async_loop_get())) {
		RETURN_THROWS();
	}
	/* A closed stream's watchers must leave libevent before its descriptor
	 * number is watched again. */
	php_async_loop_sweep_fd(loop, fd);
	w = php_async_watcher_create(loop, kind, &fci, &fcc);
	w->fd = fd;
	ZVAL_COPY(&w->stream, stream);
	ASYNC_G(libevent_error)[0] = '\0';
	start_or_throw(loop, w, "the stream", return_value);
}

ZEND_METHOD(Async_Loop, onReadable)
{
	add_stream(INTERNAL_FUNCTION_PARAM_PASSTHRU, PHP_ASYNC_WATCHER_READABLE);
}

ZEND_METHOD(Async_Loop, onWritable)
{
	add_stream(INTERNAL_FUNCTION_PARAM_PASSTHRU, PHP_ASYNC_WATCHER_WRITABLE);
}

ZEND_METHOD(Async_Loop, onSignal)
{
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	zend_long signo;
	php_async_loop *loop;
	php_async_watcher *w;

	ZEND_PARSE_PARAMETERS_START(2, 2)
		Z_PARAM_LONG(signo)
		Z_PARAM_FUNC(fci, fcc)
	ZEND_PARSE_PARAMETERS_END();

	if (signo < 1 || signo >= NSIG) {
		php_async_argument_value_error(1, "signal", "must be a signal number between 1 and %d", NSIG - 1);
		RETURN_THROWS();
	}
	if (signo == SIGKILL || signo == SIGSTOP) {
		php_async_argument_value_error(1, "signal", "cannot be SIGKILL or SIGSTOP, which cannot be caught");
		RETURN_THROWS();
	}
	if (!(loop = php_async_loop_get())) {
		RETURN_THROWS();
	}
	w = php_async_watcher_create(loop, PHP_ASYNC_WATCHER_SIGNAL, &fci, &fcc);
	w->signo = (int) signo;
	ASYNC_G(libevent_error)[0] = '\0';
	start_or_throw(loop, w, "the signal", return_value);
}

/* The watcher named by the one string argument; NULL, with an exception
 * unless quiet, if there is none. */
static php_async_watcher *watcher_arg(INTERNAL_FUNCTION_PARAMETERS, php_async_loop **loop_out, bool quiet)
{
	zend_string *id;
	php_async_loop *loop;
	php_async_watcher *w;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(id)
	ZEND_PARSE_PARAMETERS_END_EX(return NULL);

	if (!(loop = php_async_loop_get())) {
		return NULL;
	}
	w = php_async_watcher_find(loop, id);
	if (!w && !quiet) {
		php_async_argument_value_error(1, "id",
			"must be the id of a watcher that exists, \"%s\" was cancelled, has already run or was never made",
			ZSTR_VAL(id));
	}
	*loop_out = loop;
	return w;
}

ZEND_METHOD(Async_Loop, cancel)
{
	php_async_loop *loop;
	php_async_watcher *w = watcher_arg(INTERNAL_FUNCTION_PARAM_PASSTHRU, &loop, true);
	if (w) {
		php_async_watcher_cancel(loop, w);
	}
}

ZEND_METHOD(Async_Loop, enable)
{
	php_async_loop *loop;
	php_async_watcher *w = watcher_arg(INTERNAL_FUNCTION_PARAM_PASSTHRU, &loop, false);
	if (!w) {
		RETURN_THROWS();
	}
	ASYNC_G(libevent_error)[0] = '\0';
	if (!php_async_watcher_enable(loop, w)) {
		zend_throw_exception_ex(php_async_error_ce, 0, "Cannot enable watcher \"%s\": %s",
			ZSTR_VAL(w->id_str), ASYNC_G(libevent_error)[0] ? ASYNC_G(libevent_error) : strerror(errno));
	}
}

ZEND_METHOD(Async_Loop, disable)
{
	php_async_loop *loop;
	php_async_watcher *w = watcher_arg(INTERNAL_FUNCTION_PARAM_PASSTHRU, &loop, false);
	if (!w) {
		RETURN_THROWS();
	}
	php_async_watcher_disable(loop, w);
}

ZEND_METHOD(Async_Loop, reference)
{
	php_async_loop *loop;
	php_async_watcher *w = watcher_arg(INTERNAL_FUNCTION_PARAM_PASSTHRU, &loop, false);
	if (!w) {
		RETURN_THROWS();
	}
	php_async_watcher_set_referenced(loop, w, true);
}

ZEND_METHOD(Async_Loop, unreference)
{
	php_async_loop *loop;
	php_async_watcher *w = watcher_arg(INTERNAL_FUNCTION_PARAM_PASSTHRU, &loop, true);
	if (w) {
		php_async_watcher_set_referenced(loop, w, false);
	}
}

ZEND_METHOD(Async_Loop, run)
{
	php_async_loop *loop;

	ZEND_PARSE_PARAMETERS_NONE();
	if (!(loop = php_async_loop_get())) {
		RETURN_THROWS();
	}
	php_async_loop_run(loop);
}

ZEND_METHOD(Async_Loop, stop)
{
	php_async_loop *loop;

	ZEND_PARSE_PARAMETERS_NONE();
	if ((loop = php_async_loop_get())) {
		php_async_loop_stop(loop);
	}
}

ZEND_METHOD(Async_Loop, now)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_DOUBLE(php_async_loop_now());
}

ZEND_METHOD(Async_Loop, setErrorHandler)
{
	zend_fcall_info fci = empty_fcall_info;
	zend_fcall_info_cache fcc = empty_fcall_info_cache;
	php_async_loop *loop;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_FUNC_OR_NULL(fci, fcc)
	ZEND_PARSE_PARAMETERS_END();

	if (!(loop = php_async_loop_get())) {
		RETURN_THROWS();
	}
	if (php_async_callable_isset(&loop->error_handler)) {
		ZVAL_COPY(return_value, &loop->error_handler.fn);
	}
	php_async_callable_dtor(&loop->error_handler);
	if (ZEND_FCI_INITIALIZED(fci)) {
		php_async_callable_init(&loop->error_handler, &fci, &fcc);
	}
}

ZEND_METHOD(Async_Loop, getErrorHandler)
{
	php_async_loop *loop;

	ZEND_PARSE_PARAMETERS_NONE();
	if (!(loop = php_async_loop_get())) {
		RETURN_THROWS();
	}
	if (php_async_callable_isset(&loop->error_handler)) {
		RETURN_COPY(&loop->error_handler.fn);
	}
}

ZEND_METHOD(Async_Loop, info)
{
	php_async_loop *loop;

	ZEND_PARSE_PARAMETERS_NONE();
	if (!(loop = php_async_loop_get())) {
		RETURN_THROWS();
	}
	php_async_loop_info(loop, return_value);
}
