/* An owned PHP callable: the zval plus its resolved zend_fcall_info_cache, so a
 * stored callback is resolved once and called cheaply many times. */
#ifndef PHP_ASYNC_CALLABLE_H
#define PHP_ASYNC_CALLABLE_H

#include "php_async_compat.h"

typedef struct {
	zval fn;                     /* UNDEF when empty */
	zend_fcall_info_cache fcc;   /* function_handler NULL: resolve on each call */
} php_async_callable;

static zend_always_inline bool php_async_callable_isset(const php_async_callable *c)
{
	return !Z_ISUNDEF(c->fn);
}

void php_async_callable_init_empty(php_async_callable *c);
/* Takes its own reference to what zpp produced (Z_PARAM_FUNC). */
void php_async_callable_init(php_async_callable *c, zend_fcall_info *fci, zend_fcall_info_cache *fcc);
void php_async_callable_dtor(php_async_callable *c);
/* Calls it; retval may be NULL. Returns false if the call could not be made or
 * threw: check EG(exception) as always. */
bool php_async_callable_call(php_async_callable *c, uint32_t argc, zval *argv, zval *retval);
/* Reports the callable to a get_gc buffer. */
void php_async_callable_gc(php_async_callable *c, zend_get_gc_buffer *buf);

#endif
