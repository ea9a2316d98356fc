/* Promise::all(), allSettled(), any() and race(): one derived promise that
 * subscribes to every input and keeps its partial results while pending. */
#include "php_async_compat.h"
#include "common/errors.h"
#include "promise/promise.h"

bool php_async_iterable_to_array(zval *iterable, uint32_t arg_num, const char *arg_name, zval *out)
{
	zval fn, args[2];

	if (!zend_is_iterable(iterable)) {
		php_async_argument_type_error(arg_num, arg_name, "must be of type Traversable|array, %s given", zend_zval_type_name(iterable));
		return false;
	}
	if (Z_TYPE_P(iterable) == IS_ARRAY) {
		ZVAL_COPY(out, iterable);
		return true;
	}
	ZVAL_STRINGL(&fn, "iterator_to_array", sizeof("iterator_to_array") - 1);
	ZVAL_COPY_VALUE(&args[0], iterable);
	ZVAL_TRUE(&args[1]);
	ZVAL_UNDEF(out);
	call_user_function(NULL, NULL, &fn, out, 2, args);
	zval_ptr_dtor(&fn);
	if (EG(exception) || Z_TYPE_P(out) != IS_ARRAY) {
		zval_ptr_dtor(out);
		return false;
	}
	return true;
}

static void reject_composite(php_async_promise *c, zval *reasons, const char *message)
{
	zval ex;

	php_async_composite_exception_create(&ex, message, reasons);
	php_async_promise_settle(c, PHP_ASYNC_REJECTED, &ex);
	zval_ptr_dtor(&ex);
}

void php_async_promise_combine(php_async_combinator kind, zval *iterable, zval *return_value)
{
	zval items, *value, empty;
	zend_string *skey;
	zend_ulong ikey;
	php_async_promise *c;
	uint32_t n;

	if (!php_async_iterable_to_array(iterable, 1, "promises", &items)) {
		return;
	}
	c = php_async_promise_new(return_value);
	c->locked = true;
	c->combinator = (uint8_t) kind;
	n = zend_hash_num_elements(Z_ARRVAL(items));
	if (n == 0) {
		array_init(&empty);
		if (kind == PHP_ASYNC_COMBINE_ANY) {
			reject_composite(c, &empty, "Promise::any() was given no promises, so none can fulfil");
		} else if (kind != PHP_ASYNC_COMBINE_RACE) {
			php_async_promise_settle(c, PHP_ASYNC_FULFILLED, &empty);
		}
		/* race() of nothing never settles, as in JavaScript. */
		zval_ptr_dtor(&empty);
		zval_ptr_dtor(&items);
		return;
	}
	c->remaining = n;
	if (kind != PHP_ASYNC_COMBINE_RACE) {
		/* Every key in input order, so the result keeps that order. */
		zval_ptr_dtor(&c->result);
		array_init_size(&c->result, n);
		ZEND_HASH_FOREACH_KEY(Z_ARRVAL(items), ikey, skey) {
			zval null;
			ZVAL_NULL(&null);
			if (skey) {
				zend_hash_add_new(Z_ARRVAL(c->result), skey, &null);
			} else {
				zend_hash_index_add_new(Z_ARRVAL(c->result), ikey, &null);
			}
		} ZEND_HASH_FOREACH_END();
	}
	ZEND_HASH_FOREACH_KEY_VAL(Z_ARRVAL(items), ikey, skey, value) {
		zval input;
		php_async_reaction *r = php_async_reaction_new(PHP_ASYNC_REACT_COMBINE, &c->std);
		if (skey) {
			ZVAL_STR_COPY(&r->key, skey);
		} else {
			ZVAL_LONG(&r->key, (zend_long) ikey);
		}
		php_async_promise_from_value(value, &input);
		php_async_promise_subscribe(Z_ASYNC_PROMISE_P(&input), r);
		zval_ptr_dtor(&input);
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&items);
}

static void set_result(php_async_promise *c, zval *key, zval *value)
{
	SEPARATE_ARRAY(&c->result);
	if (Z_TYPE_P(key) == IS_LONG) {
		zend_hash_index_update(Z_ARRVAL(c->result), (zend_ulong) Z_LVAL_P(key), value);
	} else {
		zend_hash_update(Z_ARRVAL(c->result), Z_STR_P(key), value);
	}
}

/* The results collected so far, settled as the combinator's value. */
static void settle_with_results(php_async_promise *c, uint8_t state)
{
	zval results;
	ZVAL_COPY(&results, &c->result);
	php_async_promise_settle(c, state, &results);
	zval_ptr_dtor(&results);
}

void php_async_promise_combine_react(php_async_promise *input, php_async_reaction *r)
{
	php_async_promise *c = php_async_promise_from_obj(r->target);
	bool fulfilled = input->state == PHP_ASYNC_FULFILLED;
	zval entry;

	if (c->state != PHP_ASYNC_PENDING) {
		return;
	}
	switch (c->combinator) {
		case PHP_ASYNC_COMBINE_ALL:
			if (!fulfilled) {
				php_async_promise_settle(c, PHP_ASYNC_REJECTED, &input->result);
				return;
			}
			Z_TRY_ADDREF(input->result);
			set_result(c, &r->key, &input->result);
			if (--c->remaining == 0) {
				settle_with_results(c, PHP_ASYNC_FULFILLED);
			}
			return;
		case PHP_ASYNC_COMBINE_ALL_SETTLED:
			array_init_size(&entry, 2);
			add_assoc_string(&entry, "status", fulfilled ? "fulfilled" : "rejected");
			Z_TRY_ADDREF(input->result);
			add_assoc_zval(&entry, fulfilled ? "value" : "reason", &input->result);
			set_result(c, &r->key, &entry);
			if (--c->remaining == 0) {
				settle_with_results(c, PHP_ASYNC_FULFILLED);
			}
			return;
		case PHP_ASYNC_COMBINE_ANY:
			if (fulfilled) {
				php_async_promise_settle(c, PHP_ASYNC_FULFILLED, &input->result);
				return;
			}
			Z_TRY_ADDREF(input->result);
			set_result(c, &r->key, &input->result);
			if (--c->remaining == 0) {
				zval reasons;
				ZVAL_COPY(&reasons, &c->result);
				reject_composite(c, &reasons, "Every promise given to Promise::any() was rejected");
				zval_ptr_dtor(&reasons);
			}
			return;
		case PHP_ASYNC_COMBINE_RACE:
			php_async_promise_settle(c, input->state, &input->result);
			return;
	}
}
