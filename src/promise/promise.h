/* Async\Promise: a Promises/A+ state machine whose reactions run as loop
 * microtasks, never inside the call that settles or subscribes. Shared by
 * every subsystem that hands PHP an asynchronous result. */
#ifndef PHP_ASYNC_PROMISE_H
#define PHP_ASYNC_PROMISE_H

#include "php_async_compat.h"
#include "common/callable.h"

typedef enum {
	PHP_ASYNC_PENDING = 0,
	PHP_ASYNC_FULFILLED,
	PHP_ASYNC_REJECTED
} php_async_promise_state;

typedef enum {
	PHP_ASYNC_REACT_THEN,         /* call on_fulfilled/on_rejected, settle target with the result */
	PHP_ASYNC_REACT_FINALLY,      /* call on_fulfilled (onSettled), then pass the state through */
	PHP_ASYNC_REACT_FINALLY_WAIT, /* finally's handler returned a promise: key holds the original */
	PHP_ASYNC_REACT_ADOPT,        /* target takes this promise's state */
	PHP_ASYNC_REACT_FIBER,        /* resume the fiber in target */
	PHP_ASYNC_REACT_COMBINE,      /* target is an all/allSettled/any/race promise; key is the input's key */
	PHP_ASYNC_REACT_TIMEOUT       /* target is a timeout() promise */
} php_async_reaction_kind;

typedef enum {
	PHP_ASYNC_COMBINE_NONE = 0,
	PHP_ASYNC_COMBINE_ALL,
	PHP_ASYNC_COMBINE_ALL_SETTLED,
	PHP_ASYNC_COMBINE_ANY,
	PHP_ASYNC_COMBINE_RACE
} php_async_combinator;

typedef struct php_async_reaction php_async_reaction;
struct php_async_reaction {
	php_async_reaction *next;
	uint8_t kind;
	uint8_t original_state;       /* FINALLY_WAIT */
	php_async_callable on_fulfilled;
	php_async_callable on_rejected;
	zend_object *target;          /* owned: the derived promise, or a fiber */
	zval key;                     /* COMBINE: the input's key; FINALLY_WAIT: the original result */
};

typedef struct {
	uint8_t state;
	bool handled;                 /* a reaction was attached: a rejection is someone's business */
	bool locked;                  /* resolve/reject was called (maybe adopting a thenable still) */
	uint8_t combinator;
	uint32_t remaining;           /* combinator: inputs still pending */
	zend_ulong timer_id;          /* timeout(): the timer that rejects it */
	zval result;                  /* value or reason; a combinator's partial results while pending */
	php_async_reaction *head, *tail;
	zend_object std;
} php_async_promise;

extern zend_class_entry *php_async_promise_ce;
extern zend_class_entry *php_async_deferred_ce;

static zend_always_inline php_async_promise *php_async_promise_from_obj(zend_object *obj)
{
	return (php_async_promise *) ((char *) obj - XtOffsetOf(php_async_promise, std));
}
#define Z_ASYNC_PROMISE_P(zv) php_async_promise_from_obj(Z_OBJ_P(zv))

/* MINIT, with the class entries async.c registered from the stubs. */
void php_async_promise_objects_minit(zend_class_entry *promise_ce);
void php_async_promise_api_minit(zend_class_entry *deferred_ce);

/* A new pending promise in out. */
php_async_promise *php_async_promise_new(zval *out);
/* Resolves (adopting promises and thenables) or rejects, once: later calls
 * on a locked promise are ignored. */
void php_async_promise_resolve(php_async_promise *p, zval *value);
void php_async_promise_reject(php_async_promise *p, zval *reason);
/* Settles without adopting: value must not be a thenable. */
void php_async_promise_settle(php_async_promise *p, uint8_t state, zval *value);
/* Attaches a reaction; takes over the reaction. */
void php_async_promise_subscribe(php_async_promise *p, php_async_reaction *r);
php_async_reaction *php_async_reaction_new(php_async_reaction_kind kind, zend_object *target);
/* Promise::resolve(): value itself if it is a promise, else a promise of it. */
void php_async_promise_from_value(zval *value, zval *out);
/* await: suspends the current fiber, or runs the loop at top level. A
 * suspended fiber's internal frames are invisible to the cycle collector, so
 * the caller's frame slot holding p (arg_slot, may be NULL) is released
 * before suspending: the reaction keeps what is needed. */
void php_async_promise_await(php_async_promise *p, zval *arg_slot, zval *return_value);

/* The iterable as an array, keys kept (iterator_to_array); a TypeError
 * naming the argument if it is not iterable (7.4 zpp does not check). */
bool php_async_iterable_to_array(zval *iterable, uint32_t arg_num, const char *arg_name, zval *out);

/* Combinators (combinators.c). */
void php_async_promise_combine(php_async_combinator kind, zval *iterable, zval *return_value);
void php_async_promise_combine_react(php_async_promise *input, php_async_reaction *r);

#endif
