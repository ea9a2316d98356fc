/* Run-time pieces of php_async_compat.h: the get_gc buffer for PHP 7.4. */
#include "php_async_compat.h"
#include "php_async.h"

#if PHP_VERSION_ID < 80000
zend_get_gc_buffer *php_async_get_gc_buffer_create(void)
{
	zend_get_gc_buffer *buf = &ASYNC_G(gc_buffer);
	buf->cur = buf->start;
	return buf;
}

void php_async_get_gc_buffer_grow(zend_get_gc_buffer *buf)
{
	size_t used = buf->cur - buf->start;
	size_t size = buf->end - buf->start;
	size_t new_size = size ? size * 2 : 64;

	buf->start = erealloc(buf->start, new_size * sizeof(zval));
	buf->cur = buf->start + used;
	buf->end = buf->start + new_size;
}

void php_async_get_gc_buffer_free(void)
{
	zend_get_gc_buffer *buf = &ASYNC_G(gc_buffer);
	if (buf->start) {
		efree(buf->start);
	}
	buf->start = buf->cur = buf->end = NULL;
}
#endif
