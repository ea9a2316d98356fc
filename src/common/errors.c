/* Exception classes and argument errors: see errors.h. */
#include "php_async_compat.h"
#include "common/errors.h"

zend_class_entry *php_async_error_ce;
zend_class_entry *php_async_exception_ce;
zend_class_entry *php_async_unhandled_rejection_ce;
zend_class_entry *php_async_timeout_exception_ce;
zend_class_entry *php_async_cancelled_exception_ce;
zend_class_entry *php_async_composite_exception_ce;

ZEND_METHOD(Async_CompositeException, getReasons)
{
	zval *reasons, rv;

	ZEND_PARSE_PARAMETERS_NONE();
	reasons = zend_read_property(php_async_composite_exception_ce, PHP_ASYNC_THIS_FOR_PROP(ZEND_THIS),
		"reasons", sizeof("reasons") - 1, 1, &rv);
	ZVAL_DEREF(reasons);
	if (Z_TYPE_P(reasons) != IS_ARRAY) {
		RETURN_EMPTY_ARRAY();
	}
	RETURN_COPY(reasons);
}

void php_async_composite_exception_create(zval *out, const char *message, zval *reasons)
{
	object_init_ex(out, php_async_composite_exception_ce);
	zend_update_property_string(zend_ce_exception, PHP_ASYNC_THIS_FOR_PROP(out), "message", sizeof("message") - 1, message);
	zend_update_property(php_async_composite_exception_ce, PHP_ASYNC_THIS_FOR_PROP(out), "reasons", sizeof("reasons") - 1, reasons);
}

void php_async_exception_new(zval *out, zend_class_entry *ce, const char *format, ...)
{
	va_list va;

	va_start(va, format);
	php_async_exception_newv(out, ce, format, va);
	va_end(va);
}

void php_async_exception_newv(zval *out, zend_class_entry *ce, const char *format, va_list va)
{
	zend_string *message = zend_vstrpprintf(0, format, va);

	object_init_ex(out, ce);
	zend_update_property_str(instanceof_function(ce, zend_ce_exception) ? zend_ce_exception : zend_ce_error,
		PHP_ASYNC_THIS_FOR_PROP(out), "message", sizeof("message") - 1, message);
	zend_string_release(message);
}

bool php_async_take_exception(zval *reason)
{
	zend_object *ex = EG(exception);
	if (PHP_ASYNC_IS_EXIT_EXCEPTION(ex)) {
		return false;
	}
	ZVAL_OBJ(reason, ex);
	GC_ADDREF(ex);
	zend_clear_exception();
	return true;
}

zend_string *php_async_exception_message(zval *throwable)
{
	zval rv, *msg = zend_read_property_ex(Z_OBJCE_P(throwable), PHP_ASYNC_THIS_FOR_PROP(throwable),
		ZSTR_KNOWN(ZEND_STR_MESSAGE), 1, &rv);
	return zval_get_string(msg);
}

/* "Exception: message" for a reason that may be any value. */
static zend_string *describe(zval *reason)
{
	if (Z_TYPE_P(reason) == IS_OBJECT && instanceof_function(Z_OBJCE_P(reason), zend_ce_throwable)) {
		zend_string *m = php_async_exception_message(reason);
		zend_string *s = zend_strpprintf(0, "%s: %s", ZSTR_VAL(Z_OBJCE_P(reason)->name), ZSTR_VAL(m));
		zend_string_release(m);
		return s;
	}
	return zend_strpprintf(0, "%s", zend_zval_type_name(reason));
}

void php_async_throw_unhandled(zval *reason)
{
	zend_string *what = describe(reason);
	zend_string *message = zend_strpprintf(0, "Unhandled promise rejection: %s; attach a rejection "
		"handler (catch, then or await) before the promise is destroyed", ZSTR_VAL(what));
	zval ex;

	object_init_ex(&ex, php_async_unhandled_rejection_ce);
	zend_update_property_str(zend_ce_error, PHP_ASYNC_THIS_FOR_PROP(&ex), "message", sizeof("message") - 1, message);
	zend_string_release(message);
	zend_string_release(what);
	if (Z_TYPE_P(reason) == IS_OBJECT && instanceof_function(Z_OBJCE_P(reason), zend_ce_throwable)) {
		Z_ADDREF_P(reason); /* zend_exception_set_previous takes a reference */
		zend_exception_set_previous(Z_OBJ(ex), Z_OBJ_P(reason));
	}
	zend_throw_exception_object(&ex);
}

void php_async_warn_unhandled(zval *reason)
{
	zend_string *what = describe(reason);
	php_error_docref(NULL, E_WARNING, "Unhandled promise rejection: %s", ZSTR_VAL(what));
	zend_string_release(what);
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

void php_async_return_property(zend_class_entry *ce, zval *object, const char *name, zval *return_value)
{
	zval rv, *v = zend_read_property(ce, PHP_ASYNC_THIS_FOR_PROP(object), name, strlen(name), 1, &rv);
	ZVAL_DEREF(v);
	RETURN_COPY(v);
}
