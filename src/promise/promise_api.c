/* Async\Promise, Async\Deferred and the functions Async\await(),
 * Async\async() and Async\delay(): the PHP side of promise.c. */
#include "php_async_compat.h"
#include "php_async.h"
#include "common/errors.h"
#include "loop/loop.h"
#include "promise/promise.h"

#if PHP_VERSION_ID >= 80100
# include "zend_fibers.h"
#endif

zend_class_entry *php_async_deferred_ce;
static zend_object_handlers deferred_handlers;

void php_async_promise_resolving_functions(php_async_promise *p, zval out[2]);

/* ---- Async\Promise --------------------------------------------------------- */

ZEND_METHOD(Async_Promise, __construct)
{
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	php_async_promise *p = Z_ASYNC_PROMISE_P(ZEND_THIS);
	zval fns[2], retval, reason;

	ZEND_PARSE_PARAMETERS_START_EX(PHP_ASYNC_ZPP_CTOR, 1, 1)
		Z_PARAM_FUNC(fci, fcc)
	ZEND_PARSE_PARAMETERS_END();

	php_async_promise_resolving_functions(p, fns);
	fci.retval = &retval;
	fci.params = fns;
	fci.param_count = 2;
	zend_call_function(&fci, &fcc);
	zval_ptr_dtor(&retval);
	zval_ptr_dtor(&fns[0]);
	zval_ptr_dtor(&fns[1]);
	if (EG(exception) && php_async_take_exception(&reason)) {
		/* An executor that throws rejects, unless it settled first. */
		if (!p->locked) {
			p->locked = true;
			php_async_promise_reject(p, &reason);
		}
		zval_ptr_dtor(&reason);
	}
}

ZEND_METHOD(Async_Promise, resolve)
{
	zval *value = NULL, null;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(value)
	ZEND_PARSE_PARAMETERS_END();

	if (!value) {
		ZVAL_NULL(&null);
		value = &null;
	}
	php_async_promise_from_value(value, return_value);
}

ZEND_METHOD(Async_Promise, reject)
{
	zval *reason;
	php_async_promise *p;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(reason, zend_ce_throwable)
	ZEND_PARSE_PARAMETERS_END();

	p = php_async_promise_new(return_value);
	php_async_promise_reject(p, reason);
}

static void combine(INTERNAL_FUNCTION_PARAMETERS, php_async_combinator kind)
{
	zval *iterable;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		PHP_ASYNC_PARAM_ITERABLE(iterable)
	ZEND_PARSE_PARAMETERS_END();

	php_async_promise_combine(kind, iterable, return_value);
}

ZEND_METHOD(Async_Promise, all)
{
	combine(INTERNAL_FUNCTION_PARAM_PASSTHRU, PHP_ASYNC_COMBINE_ALL);
}

ZEND_METHOD(Async_Promise, allSettled)
{
	combine(INTERNAL_FUNCTION_PARAM_PASSTHRU, PHP_ASYNC_COMBINE_ALL_SETTLED);
}

ZEND_METHOD(Async_Promise, any)
{
	combine(INTERNAL_FUNCTION_PARAM_PASSTHRU, PHP_ASYNC_COMBINE_ANY);
}

ZEND_METHOD(Async_Promise, race)
{
	combine(INTERNAL_FUNCTION_PARAM_PASSTHRU, PHP_ASYNC_COMBINE_RACE);
}

/* then/catch/finally: a derived promise settled by the reaction. */
static void subscribe(zval *self, php_async_reaction_kind kind,
		zend_fcall_info *on_ok, zend_fcall_info_cache *on_ok_fcc,
		zend_fcall_info *on_err, zend_fcall_info_cache *on_err_fcc, zval *return_value)
{
	php_async_promise *derived = php_async_promise_new(return_value);
	php_async_reaction *r = php_async_reaction_new(kind, &derived->std);

	derived->locked = true; /* only the reaction settles it */
	if (on_ok && ZEND_FCI_INITIALIZED(*on_ok)) {
		php_async_callable_init(&r->on_fulfilled, on_ok, on_ok_fcc);
	}
	if (on_err && ZEND_FCI_INITIALIZED(*on_err)) {
		php_async_callable_init(&r->on_rejected, on_err, on_err_fcc);
	}
	php_async_promise_subscribe(Z_ASYNC_PROMISE_P(self), r);
}

ZEND_METHOD(Async_Promise, then)
{
	zend_fcall_info ok = empty_fcall_info, err = empty_fcall_info;
	zend_fcall_info_cache ok_fcc = empty_fcall_info_cache, err_fcc = empty_fcall_info_cache;

	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_FUNC_OR_NULL(ok, ok_fcc)
		Z_PARAM_FUNC_OR_NULL(err, err_fcc)
	ZEND_PARSE_PARAMETERS_END();

	subscribe(ZEND_THIS, PHP_ASYNC_REACT_THEN, &ok, &ok_fcc, &err, &err_fcc, return_value);
}

ZEND_METHOD(Async_Promise, catch)
{
	zend_fcall_info err;
	zend_fcall_info_cache err_fcc;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_FUNC(err, err_fcc)
	ZEND_PARSE_PARAMETERS_END();

	subscribe(ZEND_THIS, PHP_ASYNC_REACT_THEN, NULL, NULL, &err, &err_fcc, return_value);
}

ZEND_METHOD(Async_Promise, finally)
{
	zend_fcall_info fn;
	zend_fcall_info_cache fcc;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_FUNC(fn, fcc)
	ZEND_PARSE_PARAMETERS_END();

	subscribe(ZEND_THIS, PHP_ASYNC_REACT_FINALLY, &fn, &fcc, NULL, NULL, return_value);
}

static void timeout_fired(zend_object *obj)
{
	php_async_promise *t = php_async_promise_from_obj(obj);

	t->timer_id = 0;
	if (t->state == PHP_ASYNC_PENDING) {
		zval ex;
		php_async_exception_new(&ex, php_async_timeout_exception_ce, "The operation timed out");
		php_async_promise_settle(t, PHP_ASYNC_REJECTED, &ex);
		zval_ptr_dtor(&ex);
	}
}

/* A new promise in return_value that a C timer settles after the seconds
 * argument: timeout() and Async\delay(). NULL with an exception thrown. */
static php_async_promise *timer_promise(INTERNAL_FUNCTION_PARAMETERS, php_async_timer_fn fn)
{
	double seconds;
	php_async_loop *loop;
	php_async_promise *p;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_DOUBLE(seconds)
	ZEND_PARSE_PARAMETERS_END_EX(return NULL);

	if (!zend_finite(seconds) || seconds < 0) {
		php_async_argument_value_error(1, "seconds", "must be a finite number greater than or equal to 0");
		return NULL;
	}
	if (!(loop = php_async_loop_get())) {
		return NULL;
	}
	p = php_async_promise_new(return_value);
	p->locked = true;
	GC_ADDREF(&p->std);
	p->timer_id = php_async_loop_add_timer(loop, seconds, fn, &p->std);
	return p;
}

ZEND_METHOD(Async_Promise, timeout)
{
	php_async_promise *t = timer_promise(INTERNAL_FUNCTION_PARAM_PASSTHRU, timeout_fired);

	if (!t) {
		RETURN_THROWS();
	}
	php_async_promise_subscribe(Z_ASYNC_PROMISE_P(ZEND_THIS), php_async_reaction_new(PHP_ASYNC_REACT_TIMEOUT, &t->std));
}

ZEND_METHOD(Async_Promise, isPending)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(Z_ASYNC_PROMISE_P(ZEND_THIS)->state == PHP_ASYNC_PENDING);
}

ZEND_METHOD(Async_Promise, isFulfilled)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(Z_ASYNC_PROMISE_P(ZEND_THIS)->state == PHP_ASYNC_FULFILLED);
}

ZEND_METHOD(Async_Promise, isRejected)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(Z_ASYNC_PROMISE_P(ZEND_THIS)->state == PHP_ASYNC_REJECTED);
}

ZEND_METHOD(Async_Promise, await)
{
	ZEND_PARSE_PARAMETERS_NONE();
	php_async_promise_await(Z_ASYNC_PROMISE_P(ZEND_THIS), NULL, return_value);
}

/* ---- Async\Deferred ------------------------------------------------------- */

typedef struct {
	zval promise;
	zend_object std;
} php_async_deferred;

static zend_always_inline php_async_deferred *deferred_from_obj(zend_object *obj)
{
	return (php_async_deferred *) ((char *) obj - XtOffsetOf(php_async_deferred, std));
}

static zend_object *deferred_create(zend_class_entry *ce)
{
	php_async_deferred *d = zend_object_alloc(sizeof(php_async_deferred), ce);

	zend_object_std_init(&d->std, ce);
	object_properties_init(&d->std, ce);
	d->std.handlers = &deferred_handlers;
	php_async_promise_new(&d->promise);
	return &d->std;
}

static void deferred_free(zend_object *obj)
{
	php_async_deferred *d = deferred_from_obj(obj);
	zval_ptr_dtor(&d->promise);
	zend_object_std_dtor(obj);
}

static HashTable *deferred_get_gc(PHP_ASYNC_OBJ_PARAM, zval **table, int *n)
{
	php_async_deferred *d = deferred_from_obj(PHP_ASYNC_OBJ_FROM_PARAM());
	*table = &d->promise;
	*n = 1;
	return PHP_ASYNC_OBJ_FROM_PARAM()->properties; /* dynamic ones: PHP 7.4 allows them */
}

ZEND_METHOD(Async_Deferred, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(Async_Deferred, promise)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_COPY(&deferred_from_obj(Z_OBJ_P(ZEND_THIS))->promise);
}

/* "Settled" for a Deferred: resolve() or reject() was called, even if the
 * promise still waits for a thenable it was resolved with. */
#define DEFERRED_DONE(p) ((p)->locked)

ZEND_METHOD(Async_Deferred, resolve)
{
	zval *value = NULL, null;
	php_async_promise *p = Z_ASYNC_PROMISE_P(&deferred_from_obj(Z_OBJ_P(ZEND_THIS))->promise);

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(value)
	ZEND_PARSE_PARAMETERS_END();

	if (DEFERRED_DONE(p)) {
		return;
	}
	p->locked = true;
	if (!value) {
		ZVAL_NULL(&null);
		value = &null;
	}
	php_async_promise_resolve(p, value);
}

ZEND_METHOD(Async_Deferred, reject)
{
	zval *reason;
	php_async_promise *p = Z_ASYNC_PROMISE_P(&deferred_from_obj(Z_OBJ_P(ZEND_THIS))->promise);

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(reason, zend_ce_throwable)
	ZEND_PARSE_PARAMETERS_END();

	if (DEFERRED_DONE(p)) {
		return;
	}
	p->locked = true;
	php_async_promise_reject(p, reason);
}

ZEND_METHOD(Async_Deferred, isSettled)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(DEFERRED_DONE(Z_ASYNC_PROMISE_P(&deferred_from_obj(Z_OBJ_P(ZEND_THIS))->promise)));
}

/* ---- functions ------------------------------------------------------------- */

ZEND_FUNCTION(Async_await)
{
	zval *promise;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_OBJECT_OF_CLASS(promise, php_async_promise_ce)
	ZEND_PARSE_PARAMETERS_END();

	php_async_promise_await(Z_ASYNC_PROMISE_P(promise), promise, return_value);
}

static void delay_fired(zend_object *obj)
{
	zval null;
	ZVAL_NULL(&null);
	php_async_promise_from_obj(obj)->timer_id = 0;
	php_async_promise_settle(php_async_promise_from_obj(obj), PHP_ASYNC_FULFILLED, &null);
}

ZEND_FUNCTION(Async_delay)
{
	if (!timer_promise(INTERNAL_FUNCTION_PARAM_PASSTHRU, delay_fired)) {
		RETURN_THROWS();
	}
}

#if PHP_VERSION_ID >= 80100
/* The body of every Async\async() fiber, a closure bound to the promise it
 * settles. The call [fn, ...args] waits in that promise's result while it is
 * pending, where the cycle collector sees it (arguments of internal frames in
 * a suspended fiber are invisible to it). */
static zend_internal_function fiber_body_fn;

ZEND_BEGIN_ARG_INFO_EX(arginfo_fiber_body, 0, 0, 0)
ZEND_END_ARG_INFO()

static ZEND_NAMED_FUNCTION(fiber_body)
{
	php_async_promise *p = Z_ASYNC_PROMISE_P(ZEND_THIS);
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	zval *call = &p->result, *fn, *arg, *params, retval;
	uint32_t n = 0;
	char *error = NULL;

	ZEND_PARSE_PARAMETERS_NONE();

	ZEND_ASSERT(Z_TYPE_P(call) == IS_ARRAY);
	fn = zend_hash_index_find(Z_ARRVAL_P(call), 0);
	if (zend_fcall_info_init(fn, 0, &fci, &fcc, NULL, &error) != SUCCESS) {
		zend_throw_error(NULL, "Async\\async(): the callback is no longer callable: %s", error ? error : "");
		if (error) {
			efree(error);
		}
		return;
	}
	/* The arguments stay in the array, which the promise holds until the
	 * call returns: they are copied into the callee's frame. */
	params = safe_emalloc(zend_hash_num_elements(Z_ARRVAL_P(call)), sizeof(zval), 0);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(call), arg) {
		if (arg != fn) {
			ZVAL_COPY_VALUE(&params[n++], arg); /* borrowed from the array */
		}
	} ZEND_HASH_FOREACH_END();
	fci.retval = &retval;
	fci.param_count = n;
	fci.params = params;
	ZVAL_UNDEF(&retval);
	zend_call_function(&fci, &fcc);
	zend_release_fcall_info_cache(&fcc);
	efree(params);
	if (EG(exception)) {
		zval reason;
		if (php_async_take_exception(&reason)) {
			php_async_promise_reject(p, &reason);
			zval_ptr_dtor(&reason);
		}
	} else {
		php_async_promise_resolve(p, &retval);
	}
	zval_ptr_dtor(&retval);
}

/* Starts the fiber from the loop. */
static void run_fiber_start(zend_object *fiber, void *data)
{
	zval rv;
	zend_call_method(fiber, zend_ce_fiber, NULL, "start", 5, &rv, 0, NULL, NULL);
	zval_ptr_dtor(&rv);
}
static const php_async_microtask_ops fiber_start_task = { run_fiber_start, NULL };

ZEND_FUNCTION(Async_async)
{
	zval *fn, *args = NULL, fiber, body, self;
	uint32_t argc = 0, i;
	php_async_loop *loop;
	php_async_promise *p;

	ZEND_PARSE_PARAMETERS_START(1, -1)
		Z_PARAM_ZVAL(fn)
		Z_PARAM_VARIADIC('*', args, argc)
	ZEND_PARSE_PARAMETERS_END();

	if (!zend_is_callable(fn, 0, NULL)) {
		zend_argument_type_error(1, "must be a valid callback, %s given", zend_zval_type_name(fn));
		RETURN_THROWS();
	}
	if (!(loop = php_async_loop_get())) {
		RETURN_THROWS();
	}
	p = php_async_promise_new(return_value);
	p->locked = true;
	zval_ptr_dtor(&p->result);
	array_init_size(&p->result, argc + 1);
	Z_TRY_ADDREF_P(fn);
	add_next_index_zval(&p->result, fn);
	for (i = 0; i < argc; i++) {
		Z_TRY_ADDREF(args[i]);
		add_next_index_zval(&p->result, &args[i]);
	}
	ZVAL_OBJ(&self, &p->std);
	zend_create_closure(&body, (zend_function *) &fiber_body_fn, php_async_promise_ce, php_async_promise_ce, &self);
	object_init_ex(&fiber, zend_ce_fiber);
	zend_call_known_instance_method_with_1_params(zend_ce_fiber->constructor, Z_OBJ(fiber), NULL, &body);
	zval_ptr_dtor(&body);
	if (EG(exception)) {
		zval_ptr_dtor(&fiber);
		RETURN_THROWS();
	}
	php_async_loop_queue_microtask(loop, &fiber_start_task, Z_OBJ(fiber), NULL);
}
#endif

/* ---- registration ---------------------------------------------------------- */

void php_async_promise_api_minit(zend_class_entry *deferred_ce)
{
	php_async_deferred_ce = deferred_ce;
	php_async_deferred_ce->create_object = deferred_create;
	memcpy(&deferred_handlers, zend_get_std_object_handlers(), sizeof(deferred_handlers));
	deferred_handlers.offset = XtOffsetOf(php_async_deferred, std);
	deferred_handlers.free_obj = deferred_free;
	deferred_handlers.get_gc = deferred_get_gc;
	deferred_handlers.clone_obj = NULL;

#if PHP_VERSION_ID >= 80100
	memset(&fiber_body_fn, 0, sizeof(fiber_body_fn));
	fiber_body_fn.type = ZEND_INTERNAL_FUNCTION;
	fiber_body_fn.fn_flags = ZEND_ACC_PUBLIC;
	fiber_body_fn.function_name = zend_string_init_interned("{async}", sizeof("{async}") - 1, 1);
	fiber_body_fn.scope = php_async_promise_ce;
	fiber_body_fn.num_args = 0;
	fiber_body_fn.required_num_args = 0;
	fiber_body_fn.arg_info = (zend_internal_arg_info *) arginfo_fiber_body + 1;
	fiber_body_fn.handler = fiber_body;
#endif
}
