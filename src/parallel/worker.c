/* The worker side of Async\Parallel: Async\Parallel\Worker::main() reads
 * task frames from descriptor 3 (blocking: a worker does one thing at a
 * time), runs them and writes back the result, what was thrown, or why the
 * result could not be sent. The pool closing the connection ends it. */
#include "php_async_compat.h"
#include "php_async.h"
#include "common/errors.h"
#include "parallel/ipc.h"
#include "parallel/parallel.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#define WORKER_FD 3
#define WORKER_ENV "ASYNC_PARALLEL_WORKER"

/* 1: done, 0: end of input before any byte, -1: error or a cut-off frame */
static int read_full(int fd, char *buf, size_t len)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = read(fd, buf + got, len - got);
		if (n > 0) {
			got += (size_t) n;
		} else if (n == 0) {
			return got == 0 ? 0 : -1;
		} else if (errno != EINTR) {
			return -1;
		}
	}
	return 1;
}

static bool write_full(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n > 0) {
			buf += n;
			len -= (size_t) n;
		} else if (n < 0 && errno != EINTR) {
			return false;
		}
	}
	return true;
}

static zval *exception_prop(zval *ex, const char *name, size_t len, zval *rv)
{
	zend_class_entry *base = instanceof_function(Z_OBJCE_P(ex), zend_ce_exception) ? zend_ce_exception : zend_ce_error;
	return zend_read_property(base, PHP_ASYNC_THIS_FOR_PROP(ex), name, len, 1, rv);
}

/* What the task threw, as plain data the parent turns into a TaskFailedException. */
static zend_string *failure_frame(zval *ex)
{
	zval info, rv, trace, fn, *p;
	zend_string *frame;

	array_init(&info);
	add_assoc_str(&info, "class", zend_string_copy(Z_OBJCE_P(ex)->name));
	add_assoc_str(&info, "message", php_async_exception_message(ex));
	p = exception_prop(ex, "code", sizeof("code") - 1, &rv);
	ZVAL_DEREF(p);
	if (Z_TYPE_P(p) == IS_STRING) {
		add_assoc_str(&info, "code", zend_string_copy(Z_STR_P(p)));
	} else {
		add_assoc_long(&info, "code", zval_get_long(p));
	}
	p = exception_prop(ex, "file", sizeof("file") - 1, &rv);
	add_assoc_str(&info, "file", zval_get_string(p));
	p = exception_prop(ex, "line", sizeof("line") - 1, &rv);
	add_assoc_long(&info, "line", zval_get_long(p));
	ZVAL_STRINGL(&fn, "getTraceAsString", sizeof("getTraceAsString") - 1);
	ZVAL_UNDEF(&trace);
	if (call_user_function(NULL, ex, &fn, &trace, 0, NULL) == SUCCESS && Z_TYPE(trace) == IS_STRING) {
		add_assoc_zval(&info, "trace", &trace);
	} else {
		zval_ptr_dtor(&trace);
		add_assoc_string(&info, "trace", "");
	}
	zval_ptr_dtor(&fn);
	if (EG(exception)) {
		zend_clear_exception();
	}
	frame = php_async_ipc_serialize(PHP_ASYNC_FRAME_FAILURE, &info, "$error", "The task's exception");
	zval_ptr_dtor(&info);
	if (!frame) {
		zend_clear_exception();
		frame = php_async_frame_new(PHP_ASYNC_FRAME_UNSENDABLE, "the task's exception could not be serialized",
			sizeof("the task's exception could not be serialized") - 1);
	}
	return frame;
}

/* Why the pending exception stopped a value from crossing, as a frame; NULL
 * when it is exit() unwinding (left thrown). */
static zend_string *unsendable_frame(void)
{
	zval ex;
	zend_string *msg, *frame;

	if (!php_async_take_exception(&ex)) {
		return NULL;
	}
	msg = php_async_exception_message(&ex);
	frame = php_async_frame_new(PHP_ASYNC_FRAME_UNSENDABLE, ZSTR_VAL(msg), ZSTR_LEN(msg));
	zend_string_release(msg);
	zval_ptr_dtor(&ex);
	return frame;
}

/* Runs one task frame; NULL when exit() is unwinding (it must go on). */
static zend_string *run_task(const char *payload, size_t len)
{
	zval task, fn, retval;
	zend_string *frame, *what;

	if (!php_async_ipc_unserialize(payload, len, &task)) {
		return unsendable_frame();
	}
	if (Z_TYPE(task) != IS_OBJECT || !instanceof_function(Z_OBJCE(task), php_async_task_ce)) {
		zend_string *msg;
		zval *missing = Z_TYPE(task) == IS_OBJECT
			&& zend_string_equals_literal(Z_OBJCE(task)->name, "__PHP_Incomplete_Class")
			? zend_hash_str_find(Z_OBJPROP(task), "__PHP_Incomplete_Class_Name", sizeof("__PHP_Incomplete_Class_Name") - 1)
			: NULL;
		if (missing && Z_TYPE_P(missing) == IS_STRING) {
			msg = zend_strpprintf(0, "class %s is not known in the worker: load it with the pool's \"bootstrap\" "
				"option (e.g. Composer's vendor/autoload.php)", Z_STRVAL_P(missing));
		} else {
			msg = zend_strpprintf(0, "the worker received %s, which is not an Async\\Parallel\\Task",
				Z_TYPE(task) == IS_OBJECT ? ZSTR_VAL(Z_OBJCE(task)->name) : zend_zval_type_name(&task));
		}
		frame = php_async_frame_new(PHP_ASYNC_FRAME_UNSENDABLE, ZSTR_VAL(msg), ZSTR_LEN(msg));
		zend_string_release(msg);
		zval_ptr_dtor(&task);
		return frame;
	}

	ZVAL_STRINGL(&fn, "run", 3);
	ZVAL_UNDEF(&retval);
	call_user_function(NULL, &task, &fn, &retval, 0, NULL);
	zval_ptr_dtor(&fn);
	if (EG(exception)) {
		zval ex;
		zval_ptr_dtor(&retval);
		zval_ptr_dtor(&task);
		if (!php_async_take_exception(&ex)) {
			return NULL;
		}
		frame = failure_frame(&ex);
		zval_ptr_dtor(&ex);
		return frame;
	}
	what = zend_strpprintf(0, "The result of %s::run()", ZSTR_VAL(Z_OBJCE(task)->name));
	frame = php_async_ipc_serialize(PHP_ASYNC_FRAME_RESULT, &retval, "$result", ZSTR_VAL(what));
	zend_string_release(what);
	zval_ptr_dtor(&retval);
	zval_ptr_dtor(&task);
	return frame ? frame : unsendable_frame();
}

ZEND_METHOD(Async_Parallel_Worker, __construct)
{
}

ZEND_METHOD(Async_Parallel_Worker, main)
{
	const char *env = getenv(WORKER_ENV);
	unsigned char hdr[PHP_ASYNC_FRAME_HEADER];

	ZEND_PARSE_PARAMETERS_NONE();
	if (!env || strcmp(env, "3") != 0 || fcntl(WORKER_FD, F_GETFD) < 0) {
		zend_throw_exception(php_async_error_ce,
			"Async\\Parallel\\Worker::main() runs only in a worker process that Async\\Parallel started", 0);
		RETURN_THROWS();
	}
	unsetenv(WORKER_ENV);                 /* not for the task's own children */
	fcntl(WORKER_FD, F_SETFD, FD_CLOEXEC); /* nor the connection */
	{
		/* The bootstrap is done: a task's time starts now (task_timeout). */
		zend_string *ready = php_async_frame_new(PHP_ASYNC_FRAME_READY, "", 0);
		bool sent = write_full(WORKER_FD, ZSTR_VAL(ready), ZSTR_LEN(ready));
		zend_string_efree(ready);
		if (!sent) {
			return;
		}
	}

	for (;;) {
		zend_string *payload, *frame;
		uint8_t type;
		size_t len;
		int r = read_full(WORKER_FD, (char *) hdr, sizeof(hdr));

		if (r == 0) {
			break; /* the pool let us go */
		}
		if (r < 0 || !php_async_frame_parse(hdr, &type, &len) || type != PHP_ASYNC_FRAME_TASK) {
			php_error_docref(NULL, E_WARNING, "Async\\Parallel worker: the connection to the pool broke");
			break;
		}
		if (!php_async_frame_fits(len)) {
			static const char msg[] = "the task is too large for the worker's memory_limit";
			frame = php_async_frame_new(PHP_ASYNC_FRAME_UNSENDABLE, msg, sizeof(msg) - 1);
			/* the payload still has to be read past */
			while (len > 0) {
				char skip[65536];
				size_t n = len < sizeof(skip) ? len : sizeof(skip);
				if (read_full(WORKER_FD, skip, n) != 1) {
					break;
				}
				len -= n;
			}
		} else {
			payload = zend_string_alloc(len, 0);
			if (read_full(WORKER_FD, ZSTR_VAL(payload), len) != 1 && len > 0) {
				zend_string_efree(payload);
				php_error_docref(NULL, E_WARNING, "Async\\Parallel worker: the connection to the pool broke");
				break;
			}
			ZSTR_VAL(payload)[len] = '\0';
			frame = run_task(ZSTR_VAL(payload), len);
			zend_string_efree(payload);
			if (!frame) {
				return; /* exit(): leave it thrown */
			}
		}
		if (!write_full(WORKER_FD, ZSTR_VAL(frame), ZSTR_LEN(frame))) {
			zend_string_efree(frame);
			break;
		}
		zend_string_efree(frame);
	}
}
