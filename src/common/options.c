/* Option value checks: see options.h. */
#include "php_async_compat.h"
#include "common/errors.h"
#include "common/options.h"

bool php_async_opt_long(zval *v, uint32_t arg_num, const char *name, zend_long min, zend_long *out)
{
	if (Z_TYPE_P(v) != IS_LONG || Z_LVAL_P(v) < min) {
		php_async_argument_value_error(arg_num, "options", "option \"%s\" must be an integer of at least " ZEND_LONG_FMT,
			name, min);
		return false;
	}
	*out = Z_LVAL_P(v);
	return true;
}

bool php_async_opt_seconds(zval *v, uint32_t arg_num, const char *name, double *out)
{
	double d;
	if (Z_TYPE_P(v) == IS_LONG) {
		d = (double) Z_LVAL_P(v);
	} else if (Z_TYPE_P(v) == IS_DOUBLE) {
		d = Z_DVAL_P(v);
	} else {
		php_async_argument_value_error(arg_num, "options", "option \"%s\" must be a number of seconds", name);
		return false;
	}
	if (!zend_finite(d) || d < 0) {
		php_async_argument_value_error(arg_num, "options", "option \"%s\" must be a finite number of seconds, at least 0", name);
		return false;
	}
	*out = d;
	return true;
}

bool php_async_opt_string(zval *v, uint32_t arg_num, const char *name, bool non_empty, zend_string **out)
{
	if (Z_TYPE_P(v) != IS_STRING) {
		php_async_argument_value_error(arg_num, "options", "option \"%s\" must be a string", name);
		return false;
	}
	if (non_empty && Z_STRLEN_P(v) == 0) {
		php_async_argument_value_error(arg_num, "options", "option \"%s\" must not be empty", name);
		return false;
	}
	if (memchr(Z_STRVAL_P(v), '\0', Z_STRLEN_P(v))) {
		php_async_argument_value_error(arg_num, "options", "option \"%s\" must not contain NUL bytes", name);
		return false;
	}
	if (*out) {
		zend_string_release(*out);
	}
	*out = zend_string_copy(Z_STR_P(v));
	return true;
}

void php_async_opt_unknown(uint32_t arg_num, zend_string *key)
{
	if (!key) {
		php_async_argument_value_error(arg_num, "options", "must be an array with option names as keys");
	} else {
		php_async_argument_value_error(arg_num, "options", "has an unknown option \"%s\"", ZSTR_VAL(key));
	}
}

void php_async_strv_free(char **v)
{
	char **s;

	if (!v) {
		return;
	}
	for (s = v; *s; s++) {
		efree(*s);
	}
	efree(v);
}
