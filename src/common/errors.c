/* Exception classes and argument errors: see errors.h. */
#include "php_async_compat.h"
#include "common/errors.h"

#if PHP_VERSION_ID < 80000
# include "stubs/errors_legacy_arginfo.h"
#else
# include "stubs/errors_arginfo.h"
#endif

zend_class_entry *php_async_error_ce;
zend_class_entry *php_async_exception_ce;

void php_async_errors_minit(void)
{
	php_async_error_ce = register_class_Async_AsyncError(zend_ce_error);
	php_async_exception_ce = register_class_Async_AsyncException(zend_ce_exception);
}

static ZEND_COLD void argument_error(zend_class_entry *ce, uint32_t arg_num, const char *arg_name,
		const char *format, va_list va)
{
#if PHP_VERSION_ID >= 80000
	(void) arg_name;
	zend_argument_error_variadic(ce, arg_num, format, va);
#else
	const char *class_name = get_active_class_name(NULL);
	const char *space = *class_name ? "::" : "";
	char *message = NULL;

	zend_vspprintf(&message, 0, format, va);
	zend_throw_exception_ex(ce, 0, "%s%s%s(): Argument #%u ($%s) %s",
		class_name, space, get_active_function_name(), arg_num, arg_name, message);
	efree(message);
#endif
}

ZEND_COLD void php_async_argument_value_error(uint32_t arg_num, const char *arg_name, const char *format, ...)
{
	va_list va;
	va_start(va, format);
#if PHP_VERSION_ID >= 80000
	argument_error(zend_ce_value_error, arg_num, arg_name, format, va);
#else
	argument_error(php_async_error_ce, arg_num, arg_name, format, va);
#endif
	va_end(va);
}

ZEND_COLD void php_async_argument_type_error(uint32_t arg_num, const char *arg_name, const char *format, ...)
{
	va_list va;
	va_start(va, format);
	argument_error(zend_ce_type_error, arg_num, arg_name, format, va);
	va_end(va);
}
