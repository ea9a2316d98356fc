/* The exception classes shared by every part of async, and argument error
 * helpers that behave the same from PHP 7.4 to 8.4. */
#ifndef PHP_ASYNC_ERRORS_H
#define PHP_ASYNC_ERRORS_H

#include "php_async_compat.h"

extern zend_class_entry *php_async_error_ce;      /* Async\AsyncError */
extern zend_class_entry *php_async_exception_ce;  /* Async\AsyncException */
extern zend_class_entry *php_async_unhandled_rejection_ce;
extern zend_class_entry *php_async_timeout_exception_ce;
extern zend_class_entry *php_async_cancelled_exception_ce;
extern zend_class_entry *php_async_composite_exception_ce;

/* Throws Async\UnhandledRejectionError with reason as its previous. */
void php_async_throw_unhandled(zval *reason);
/* The same as an E_WARNING, when there is no loop run left to throw it. */
void php_async_warn_unhandled(zval *reason);
/* Makes a CompositeException holding reasons (an array; copied). */
void php_async_composite_exception_create(zval *out, const char *message, zval *reasons);

/* A new exception object of class ce (a Throwable) in out, with the message. */
void php_async_exception_new(zval *out, zend_class_entry *ce, const char *format, ...)
	ZEND_ATTRIBUTE_FORMAT(printf, 3, 4);
void php_async_exception_newv(zval *out, zend_class_entry *ce, const char *format, va_list va);
/* A Throwable's message (its "message" property, as a string). */
zend_string *php_async_exception_message(zval *throwable);
/* Moves EG(exception) into reason (a rejection reason). False, leaving it
 * thrown, when it is exit() unwinding, which must go on. */
bool php_async_take_exception(zval *reason);

/* "Class::method(): Argument #N ($name) <message>" as a ValueError (8.x) or
 * Async\AsyncError (7.4, which has no ValueError). */
ZEND_COLD void php_async_argument_value_error(uint32_t arg_num, const char *arg_name, const char *format, ...)
	ZEND_ATTRIBUTE_FORMAT(printf, 3, 4);
/* The same as a TypeError. */
ZEND_COLD void php_async_argument_type_error(uint32_t arg_num, const char *arg_name, const char *format, ...)
	ZEND_ATTRIBUTE_FORMAT(printf, 3, 4);

/* RETURN_COPY of a property (a getter of a private property). */
void php_async_return_property(zend_class_entry *ce, zval *object, const char *name, zval *return_value);
#define PHP_ASYNC_PROPERTY_GETTER(cls, method, ce, prop) \
	ZEND_METHOD(cls, method) \
	{ \
		ZEND_PARSE_PARAMETERS_NONE(); \
		php_async_return_property(ce, ZEND_THIS, prop, return_value); \
	}

#endif
