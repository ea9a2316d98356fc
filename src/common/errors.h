/* The exception classes shared by every part of async, and argument error
 * helpers that behave the same from PHP 7.4 to 8.4. */
#ifndef PHP_ASYNC_ERRORS_H
#define PHP_ASYNC_ERRORS_H

#include "php_async_compat.h"

extern zend_class_entry *php_async_error_ce;      /* Async\AsyncError */
extern zend_class_entry *php_async_exception_ce;  /* Async\AsyncException */

void php_async_errors_minit(void);

/* "Class::method(): Argument #N ($name) <message>" as a ValueError (8.x) or
 * Async\AsyncError (7.4, which has no ValueError). */
ZEND_COLD void php_async_argument_value_error(uint32_t arg_num, const char *arg_name, const char *format, ...)
	ZEND_ATTRIBUTE_FORMAT(printf, 3, 4);
/* The same as a TypeError. */
ZEND_COLD void php_async_argument_type_error(uint32_t arg_num, const char *arg_name, const char *format, ...)
	ZEND_ATTRIBUTE_FORMAT(printf, 3, 4);

#endif
