/* The promise state machine: settling, adoption of promises and thenables
 * (Promises/A+ 2.3), reactions run as loop microtasks, unhandled rejection
 * reports, and the object handlers (get_gc above all). */
#include "php_async_compat.h"
#include "php_async.h"
#include "common/errors.h"
#include "loop/loop.h"
#include "promise/promise.h"

#if PHP_VERSION_ID >= 80100
# include "zend_fibers.h"
#endif

zend_class_entry *php_async_promise_ce;
static zend_object_handlers promise_handlers;

/* ---- objects ------------------------------------------------------------ */

static zend_object *promise_create(zend_class_entry *ce)
{
	php_async_promise *p = zend_object_alloc(sizeof(php_async_promise), ce);

	zend_object_std_init(&p->std, ce);
	object_properties_init(&p->std, ce);
	p->std.handlers = &promise_handlers;
	ZVAL_NULL(&p->result);
	return &p->std;
}

php_async_promise *php_async_promise_new(zval *out)
{
	object_init_ex(out, php_async_promise_ce);
	return Z_ASYNC_PROMISE_P(out);
}

php_async_reaction *php_async_reaction_new(php_async_reaction_kind kind, zend_object *target)
{
	php_async_reaction *r = emalloc(sizeof(*r));

	r->next = NULL;
	r->kind = (uint8_t) kind;
	r->original_state = PHP_ASYNC_PENDING;
	php_async_callable_init_empty(&r->on_fulfilled);
	php_async_callable_init_empty(&r->on_rejected);
	r->target = target;
	if (target) {
		GC_ADDREF(target);
	}
	ZVAL_UNDEF(&r->key);
	return r;
}

static void reaction_free(php_async_reaction *r)
{
	php_async_callable_dtor(&r->on_fulfilled);
	php_async_callable_dtor(&r->on_rejected);
	zval_ptr_dtor(&r->key);
	if (r->target) {
		OBJ_RELEASE(r->target);
	}
	efree(r);
}

/* A rejected promise that nobody subscribed to is going away: report it. */
static void promise_dtor(zend_object *obj)
{
	php_async_promise *p = php_async_promise_from_obj(obj);

	if (p->state == PHP_ASYNC_REJECTED && !p->handled) {
		p->handled = true;
		php_async_loop_report_unhandled(&p->result);
	}
	zend_objects_destroy_object(obj);
}

static void promise_free(zend_object *obj)
{
	php_async_promise *p = php_async_promise_from_obj(obj);
	php_async_reaction *r = p->head, *next;

	p->head = p->tail = NULL;
	while (r) {
		next = r->next;
		reaction_free(r);
		r = next;
	}
	zval_ptr_dtor(&p->result);
	zend_object_std_dtor(obj);
}

static HashTable *promise_get_gc(PHP_ASYNC_OBJ_PARAM, zval **table, int *n)
{
	php_async_promise *p = php_async_promise_from_obj(PHP_ASYNC_OBJ_FROM_PARAM());
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	php_async_reaction *r;

	zend_get_gc_buffer_add_zval(buf, &p->result);
	for (r = p->head; r; r = r->next) {
		php_async_callable_gc(&r->on_fulfilled, buf);
		php_async_callable_gc(&r->on_rejected, buf);
		if (r->target) {
			zend_get_gc_buffer_add_obj(buf, r->target);
		}
		zend_get_gc_buffer_add_zval(buf, &r->key);
	}
	zend_get_gc_buffer_use(buf, table, n);
	return PHP_ASYNC_OBJ_FROM_PARAM()->properties; /* dynamic ones: PHP 7.4 allows them */
}

/* ---- settling ----------------------------------------------------------- */

static void run_reaction_task(zend_object *obj, void *data);
static void discard_reaction_task(zend_object *obj, void *data)
{
	reaction_free(data);
}
static const php_async_microtask_ops reaction_task = { run_reaction_task, discard_reaction_task };

/* Queues r to run against the settled promise p. */
static void schedule(php_async_promise *p, php_async_reaction *r)
{
	php_async_loop *loop = php_async_loop_get();

	if (UNEXPECTED(!loop)) {
		reaction_free(r);
		return;
	}
	GC_ADDREF(&p->std);
	php_async_loop_queue_microtask(loop, &reaction_task, &p->std, r);
}

void php_async_promise_settle(php_async_promise *p, uint8_t state, zval *value)
{
	php_async_reaction *r, *next;
	zval old;

	if (p->state != PHP_ASYNC_PENDING) {
		return;
	}
	p->state = state;
	p->locked = true;
	ZVAL_COPY_VALUE(&old, &p->result);
	ZVAL_COPY(&p->result, value);
	r = p->head;
	p->head = p->tail = NULL;
	for (; r; r = next) {
		next = r->next;
		r->next = NULL;
		schedule(p, r);
	}
	zval_ptr_dtor(&old); /* last: a combinator's partial results may hold anything */
}

void php_async_promise_subscribe(php_async_promise *p, php_async_reaction *r)
{
	p->handled = true;
	if (p->state != PHP_ASYNC_PENDING) {
		schedule(p, r);
		return;
	}
	if (p->tail) {
		p->tail->next = r;
	} else {
		p->head = r;
	}
	p->tail = r;
}

void php_async_promise_reject(php_async_promise *p, zval *reason)
{
	php_async_promise_settle(p, PHP_ASYNC_REJECTED, reason);
}

/* ---- resolving functions: closures bound to the promise ---------------- */

static zend_internal_function resolve_fn, reject_fn;

ZEND_BEGIN_ARG_INFO_EX(arginfo_resolving_fn, 0, 0, 0)
	ZEND_ARG_INFO(0, value)
ZEND_END_ARG_INFO()

static ZEND_NAMED_FUNCTION(resolving_resolve)
{
	zval *value = NULL;
	php_async_promise *p = Z_ASYNC_PROMISE_P(ZEND_THIS);

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(value)
	ZEND_PARSE_PARAMETERS_END();

	if (!p->locked) {
		zval null;
		ZVAL_NULL(&null);
		p->locked = true;
		php_async_promise_resolve(p, value ? value : &null);
	}
}

static ZEND_NAMED_FUNCTION(resolving_reject)
{
	zval *reason = NULL;
	php_async_promise *p = Z_ASYNC_PROMISE_P(ZEND_THIS);

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_ZVAL(reason)
	ZEND_PARSE_PARAMETERS_END();

	if (p->locked) {
		return;
	}
	p->locked = true;
	if (reason && Z_TYPE_P(reason) == IS_OBJECT && instanceof_function(Z_OBJCE_P(reason), zend_ce_throwable)) {
		php_async_promise_reject(p, reason);
	} else {
		/* A reason must be throwable by await(): say what was given instead. */
		zval ex;
		php_async_exception_new(&ex, zend_ce_type_error, "A promise was rejected with %s instead of a Throwable",
			reason ? zend_zval_type_name(reason) : "nothing");
		php_async_promise_reject(p, &ex);
		zval_ptr_dtor(&ex);
	}
}

static void init_internal_fn(zend_internal_function *f, const char *name, zif_handler handler,
		const zend_internal_arg_info *arg_info, uint32_t num_args)
{
	memset(f, 0, sizeof(*f));
	f->type = ZEND_INTERNAL_FUNCTION;
	f->fn_flags = ZEND_ACC_PUBLIC;
	f->function_name = zend_string_init_interned(name, strlen(name), 1);
	f->scope = php_async_promise_ce;
	f->num_args = num_args;
	f->required_num_args = 0;
	f->arg_info = (zend_internal_arg_info *) arg_info + 1;
	f->handler = handler;
}

/* The ($resolve, $reject) pair of closures for p, in out[0] and out[1]. */
static void resolving_functions(php_async_promise *p, zval out[2])
{
	zval self;

	ZVAL_OBJ(&self, &p->std);
	zend_create_closure(&out[0], (zend_function *) &resolve_fn, php_async_promise_ce, php_async_promise_ce, &self);
	zend_create_closure(&out[1], (zend_function *) &reject_fn, php_async_promise_ce, php_async_promise_ce, &self);
}

/* ---- adoption ------------------------------------------------------------ */

/* An object with a public, non-static method then() (method_exists()
 * semantics, as react/promise and amphp use: __call does not make one). */
static bool is_thenable(zval *value)
{
	zend_function *fn;

	if (Z_TYPE_P(value) != IS_OBJECT) {
		return false;
	}
	fn = zend_hash_str_find_ptr(&Z_OBJCE_P(value)->function_table, "then", sizeof("then") - 1);
	return fn && (fn->common.fn_flags & ZEND_ACC_PUBLIC) && !(fn->common.fn_flags & ZEND_ACC_STATIC);
}

/* The job of Promises/A+ 2.3.3: call thenable->then($resolve, $reject) for a
 * fresh promise that p adopts, so a misbehaving thenable settles p once. */
static void run_thenable_task(zend_object *obj, void *data)
{
	php_async_promise *p = php_async_promise_from_obj(obj);
	zval *thenable = data, proxy_zv, fns[2], rv, ex;
	php_async_promise *proxy = php_async_promise_new(&proxy_zv);

	php_async_promise_subscribe(proxy, php_async_reaction_new(PHP_ASYNC_REACT_ADOPT, &p->std));
	resolving_functions(proxy, fns);
	zend_call_method(PHP_ASYNC_CALL_OBJ(thenable), Z_OBJCE_P(thenable), NULL, "then", 4, &rv, 2, &fns[0], &fns[1]);
	zval_ptr_dtor(&rv);
	if (EG(exception) && php_async_take_exception(&ex)) {
		if (!proxy->locked) {
			proxy->locked = true;
			php_async_promise_reject(proxy, &ex);
		}
		zval_ptr_dtor(&ex);
	}
	zval_ptr_dtor(&fns[0]);
	zval_ptr_dtor(&fns[1]);
	zval_ptr_dtor(&proxy_zv);
	zval_ptr_dtor(thenable);
	efree(thenable);
}

static void discard_thenable_task(zend_object *obj, void *data)
{
	zval_ptr_dtor((zval *) data);
	efree(data);
}
static const php_async_microtask_ops thenable_task = { run_thenable_task, discard_thenable_task };

void php_async_promise_resolve(php_async_promise *p, zval *value)
{
	ZVAL_DEREF(value);
	if (Z_TYPE_P(value) == IS_OBJECT && Z_OBJCE_P(value) == php_async_promise_ce) {
		php_async_promise *other = Z_ASYNC_PROMISE_P(value);
		if (other == p) {
			zval ex;
			php_async_exception_new(&ex, zend_ce_type_error, "A promise cannot be resolved with itself");
			php_async_promise_settle(p, PHP_ASYNC_REJECTED, &ex);
			zval_ptr_dtor(&ex);
			return;
		}
		php_async_promise_subscribe(other, php_async_reaction_new(PHP_ASYNC_REACT_ADOPT, &p->std));
		return;
	}
	if (is_thenable(value)) {
		php_async_loop *loop = php_async_loop_get();
		zval *copy;
		if (!loop) {
			return;
		}
		copy = emalloc(sizeof(zval));
		ZVAL_COPY(copy, value);
		GC_ADDREF(&p->std);
		php_async_loop_queue_microtask(loop, &thenable_task, &p->std, copy);
		return;
	}
	php_async_promise_settle(p, PHP_ASYNC_FULFILLED, value);
}

void php_async_promise_from_value(zval *value, zval *out)
{
	php_async_promise *p;

	ZVAL_DEREF(value);
	if (Z_TYPE_P(value) == IS_OBJECT && Z_OBJCE_P(value) == php_async_promise_ce) {
		ZVAL_COPY(out, value);
		return;
	}
	p = php_async_promise_new(out);
	p->locked = true;
	php_async_promise_resolve(p, value);
}

/* ---- running reactions --------------------------------------------------- */

/* Takes the pending exception as a rejection reason; false for exit(), which
 * must go on unwinding. */
static void settle_target_from_call(php_async_promise *target, zval *retval)
{
	zval reason;

	if (EG(exception)) {
		if (php_async_take_exception(&reason)) {
			php_async_promise_settle(target, PHP_ASYNC_REJECTED, &reason);
			zval_ptr_dtor(&reason);
		}
		return;
	}
	php_async_promise_resolve(target, retval);
}

#if PHP_VERSION_ID >= 80100
static void resume_fiber(zend_object *fiber, php_async_promise *p)
{
	zval rv;

	if (p->state == PHP_ASYNC_FULFILLED) {
		zend_call_method(fiber, zend_ce_fiber, NULL, "resume", 6, &rv, 1, &p->result, NULL);
	} else {
		zend_call_method(fiber, zend_ce_fiber, NULL, "throw", 5, &rv, 1, &p->result, NULL);
	}
	zval_ptr_dtor(&rv);
}
#endif

static void run_reaction_task(zend_object *obj, void *data)
{
	php_async_promise *p = php_async_promise_from_obj(obj);
	php_async_reaction *r = data;
	php_async_promise *target = NULL;
	zval retval;

	if (r->target && r->kind != PHP_ASYNC_REACT_FIBER) {
		target = php_async_promise_from_obj(r->target);
	}
	switch (r->kind) {
		case PHP_ASYNC_REACT_THEN: {
			php_async_callable *handler = p->state == PHP_ASYNC_FULFILLED ? &r->on_fulfilled : &r->on_rejected;
			if (!php_async_callable_isset(handler)) {
				php_async_promise_settle(target, p->state, &p->result);
				break;
			}
			ZVAL_UNDEF(&retval);
			php_async_callable_call(handler, 1, &p->result, &retval);
			settle_target_from_call(target, &retval);
			zval_ptr_dtor(&retval);
			break;
		}
		case PHP_ASYNC_REACT_FINALLY: {
			ZVAL_UNDEF(&retval);
			php_async_callable_call(&r->on_fulfilled, 0, NULL, &retval);
			if (EG(exception)) {
				settle_target_from_call(target, &retval);
			} else if (Z_TYPE(retval) == IS_OBJECT && (Z_OBJCE(retval) == php_async_promise_ce || is_thenable(&retval))) {
				/* Wait for the promise it returned; its rejection replaces ours. */
				zval waited;
				php_async_reaction *w = php_async_reaction_new(PHP_ASYNC_REACT_FINALLY_WAIT, r->target);
				w->original_state = p->state;
				ZVAL_COPY(&w->key, &p->result);
				php_async_promise_from_value(&retval, &waited);
				php_async_promise_subscribe(Z_ASYNC_PROMISE_P(&waited), w);
				zval_ptr_dtor(&waited);
			} else {
				php_async_promise_settle(target, p->state, &p->result);
			}
			zval_ptr_dtor(&retval);
			break;
		}
		case PHP_ASYNC_REACT_FINALLY_WAIT:
			if (p->state == PHP_ASYNC_REJECTED) {
				php_async_promise_settle(target, PHP_ASYNC_REJECTED, &p->result);
			} else {
				php_async_promise_settle(target, r->original_state, &r->key);
			}
			break;
		case PHP_ASYNC_REACT_ADOPT:
			php_async_promise_settle(target, p->state, &p->result);
			break;
		case PHP_ASYNC_REACT_FIBER:
#if PHP_VERSION_ID >= 80100
			resume_fiber(r->target, p);
#endif
			break;
		case PHP_ASYNC_REACT_COMBINE:
			php_async_promise_combine_react(p, r);
			break;
		case PHP_ASYNC_REACT_TIMEOUT:
			if (target->state == PHP_ASYNC_PENDING) {
				php_async_loop *loop = ASYNC_G(loop);
				if (loop && target->timer_id) {
					php_async_loop_cancel_id(loop, target->timer_id);
				}
				target->timer_id = 0;
				php_async_promise_settle(target, p->state, &p->result);
			}
			break;
	}
	reaction_free(r);
}

/* ---- await --------------------------------------------------------------- */

static bool is_settled(void *arg)
{
	return ((php_async_promise *) arg)->state != PHP_ASYNC_PENDING;
}

void php_async_promise_await(php_async_promise *p, zval *arg_slot, zval *return_value)
{
	p->handled = true;
	if (p->state == PHP_ASYNC_PENDING) {
		php_async_loop *loop;
#if PHP_VERSION_ID >= 80100
		zend_fiber *fiber = EG(active_fiber);
		if (fiber) {
			/* Resumed from a microtask once p settles: with the value, or
			 * by Fiber::throw() with the reason. */
			php_async_promise_subscribe(p, php_async_reaction_new(PHP_ASYNC_REACT_FIBER, &fiber->std));
			if (arg_slot) {
				zval_ptr_dtor(arg_slot);
				ZVAL_NULL(arg_slot);
			}
			zend_call_method(NULL, zend_ce_fiber, NULL, "suspend", 7, return_value, 0, NULL, NULL);
			return;
		}
#endif
		if (!(loop = php_async_loop_get())) {
			return;
		}
		if (loop->running) {
			zend_throw_exception_ex(php_async_error_ce, 0,
				"Cannot await outside a Fiber while the loop is running: it would block the loop; "
				"run the code in Async\\async() or subscribe with then()");
			return;
		}
		GC_ADDREF(&p->std);
		if (!php_async_loop_run_until(loop, is_settled, p)) {
			if (EG(exception)) {
				/* thrown by a callback: it comes out of await() */
			} else if (loop->stopped) {
				zend_throw_exception_ex(php_async_error_ce, 0,
					"Async\\Loop::stop() was called while awaiting a promise that is still pending");
			} else {
				zend_throw_exception_ex(php_async_error_ce, 0,
					"Deadlock: the event loop ran out of work while awaiting a promise that is still pending, "
					"so nothing is left that could settle it");
			}
			OBJ_RELEASE(&p->std);
			return;
		}
		OBJ_RELEASE(&p->std);
	}
	if (p->state == PHP_ASYNC_FULFILLED) {
		RETURN_COPY(&p->result);
	}
	Z_ADDREF(p->result);
	zend_throw_exception_object(&p->result);
}

/* ---- registration ------------------------------------------------------ */

void php_async_promise_objects_minit(zend_class_entry *ce)
{
	php_async_promise_ce = ce;
	ce->create_object = promise_create;
	memcpy(&promise_handlers, zend_get_std_object_handlers(), sizeof(promise_handlers));
	promise_handlers.offset = XtOffsetOf(php_async_promise, std);
	promise_handlers.free_obj = promise_free;
	promise_handlers.dtor_obj = promise_dtor;
	promise_handlers.get_gc = promise_get_gc;
	promise_handlers.clone_obj = NULL;
	init_internal_fn(&resolve_fn, "resolve", resolving_resolve, arginfo_resolving_fn, 1);
	init_internal_fn(&reject_fn, "reject", resolving_reject, arginfo_resolving_fn, 1);
}

/* For the constructor's executor. */
void php_async_promise_resolving_functions(php_async_promise *p, zval out[2])
{
	resolving_functions(p, out);
}
