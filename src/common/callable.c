/* Owned callables: see callable.h. */
#include "php_async_compat.h"
#include "common/callable.h"

void php_async_callable_init_empty(php_async_callable *c)
{
	ZVAL_UNDEF(&c->fn);
	c->fcc = empty_fcall_info_cache;
}

void php_async_callable_init(php_async_callable *c, zend_fcall_info *fci, zend_fcall_info_cache *fcc)
{
	ZVAL_COPY(&c->fn, &fci->function_name);
	c->fcc = *fcc;
	/* A trampoline (__call/__callStatic) is freed after one call: never keep
	 * it, let zend_call_function fetch a fresh one each time. PHP >= 8.0 zpp
	 * already released it (php-src #6073); 7.4 did not. */
	if (c->fcc.function_handler
			&& (c->fcc.function_handler->common.fn_flags & ZEND_ACC_CALL_VIA_TRAMPOLINE)) {
#if PHP_VERSION_ID < 80000
		zend_string_release_ex(c->fcc.function_handler->common.function_name, 0);
		zend_free_trampoline(c->fcc.function_handler);
#endif
		c->fcc.function_handler = NULL;
	}
}

void php_async_callable_dtor(php_async_callable *c)
{
	if (!Z_ISUNDEF(c->fn)) {
		zval tmp;
		ZVAL_COPY_VALUE(&tmp, &c->fn);
		ZVAL_UNDEF(&c->fn);
		c->fcc = empty_fcall_info_cache;
		zval_ptr_dtor(&tmp);
	}
}

bool php_async_callable_call(php_async_callable *c, uint32_t argc, zval *argv, zval *retval)
{
	zend_fcall_info fci;
	zend_fcall_info_cache fcc = c->fcc; /* a local copy: a trampoline lookup fills it */
	zval rv;
	zend_result ok;

	fci.size = sizeof(fci);
	ZVAL_COPY_VALUE(&fci.function_name, &c->fn);
	fci.object = NULL;
	fci.retval = retval ? retval : &rv;
	fci.param_count = argc;
	fci.params = argv;
	PHP_ASYNC_FCI_EXTRA(fci);

	ok = zend_call_function(&fci, &fcc);
	if (!retval) {
		zval_ptr_dtor(&rv);
	}
	return ok == SUCCESS && !EG(exception);
}

void php_async_callable_gc(php_async_callable *c, zend_get_gc_buffer *buf)
{
	if (!Z_ISUNDEF(c->fn)) {
		zend_get_gc_buffer_add_zval(buf, &c->fn);
	}
}
