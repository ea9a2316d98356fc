/* The one place for differences between the PHP versions async supports
 * (7.4 to 8.4). Every .c file includes this first, instead of php.h. */
#ifndef PHP_ASYNC_COMPAT_H
#define PHP_ASYNC_COMPAT_H

#ifdef HAVE_CONFIG_H
# include "config.h"
#endif

#include <stdbool.h>
#include "php.h"
#include "zend_exceptions.h"
#include "zend_interfaces.h"
#include "zend_closures.h"

#if PHP_VERSION_ID < 80000
# define RETURN_THROWS() do { ZEND_ASSERT(EG(exception)); return; } while (0)
# define ZEND_ARG_SEND_MODE(arg_info) (arg_info)->pass_by_reference
# define Z_PARAM_FUNC_OR_NULL(fci, fcc) Z_PARAM_FUNC_EX(fci, fcc, 1, 0)
# define RETURN_COPY(zv) RETURN_ZVAL(zv, 1, 0)
# define RETVAL_COPY(zv) ZVAL_COPY(return_value, zv)
#endif

#if PHP_VERSION_ID < 80000
typedef int zend_result;
#endif

/* On 7.x, a constructor's zpp failure is only a warning unless asked to
 * throw (8.0 always throws). */
#if PHP_VERSION_ID < 80000
# define PHP_ASYNC_ZPP_CTOR ZEND_PARSE_PARAMS_THROW
#else
# define PHP_ASYNC_ZPP_CTOR 0
#endif

/* Interface methods in the generated arginfo (8.0 added the macro). */
#ifndef ZEND_ABSTRACT_ME_WITH_FLAGS
# define ZEND_ABSTRACT_ME_WITH_FLAGS(classname, name, arg_info, flags) ZEND_RAW_FENTRY(#name, NULL, arg_info, flags)
#endif

#if PHP_VERSION_ID < 80000
/* PHP 8.0's zend_get_gc_buffer, for 7.4: one growing buffer per request,
 * reused by every get_gc call as the engine's own is. */
typedef struct {
	zval *start, *end, *cur;
} zend_get_gc_buffer;
zend_get_gc_buffer *php_async_get_gc_buffer_create(void);
void php_async_get_gc_buffer_grow(zend_get_gc_buffer *buf);
void php_async_get_gc_buffer_free(void);
# define zend_get_gc_buffer_create php_async_get_gc_buffer_create
static zend_always_inline void zend_get_gc_buffer_add_zval(zend_get_gc_buffer *buf, zval *zv)
{
	if (Z_REFCOUNTED_P(zv)) {
		if (UNEXPECTED(buf->cur == buf->end)) {
			php_async_get_gc_buffer_grow(buf);
		}
		ZVAL_COPY_VALUE(buf->cur, zv);
		buf->cur++;
	}
}
static zend_always_inline void zend_get_gc_buffer_add_obj(zend_get_gc_buffer *buf, zend_object *obj)
{
	if (UNEXPECTED(buf->cur == buf->end)) {
		php_async_get_gc_buffer_grow(buf);
	}
	ZVAL_OBJ(buf->cur, obj);
	buf->cur++;
}
static zend_always_inline void zend_get_gc_buffer_use(zend_get_gc_buffer *buf, zval **table, int *n)
{
	*table = buf->start;
	*n = (int) (buf->cur - buf->start);
}
#endif

#if PHP_VERSION_ID < 80000
# define PHP_ASYNC_IS_EXIT_EXCEPTION(ex) false
#elif PHP_VERSION_ID < 80100
# define PHP_ASYNC_IS_EXIT_EXCEPTION(ex) zend_is_unwind_exit(ex)
#else
# define PHP_ASYNC_IS_EXIT_EXCEPTION(ex) (zend_is_unwind_exit(ex) || zend_is_graceful_exit(ex))
#endif

/* Sets the fields of a zend_fcall_info that differ between 7.x and 8.x. */
#if PHP_VERSION_ID < 80000
# define PHP_ASYNC_FCI_EXTRA(fci) do { (fci).no_separation = 1; } while (0)
#else
# define PHP_ASYNC_FCI_EXTRA(fci) do { (fci).named_params = NULL; } while (0)
#endif

/* zend_read_property/zend_update_property take a zend_object from 8.0. */
#if PHP_VERSION_ID < 80000
# define PHP_ASYNC_THIS_FOR_PROP(zv) (zv)
# define RETURN_COPY_DEREF(zv) do { zval *_z = (zv); ZVAL_DEREF(_z); RETURN_ZVAL(_z, 1, 0); } while (0)
#else
# define PHP_ASYNC_THIS_FOR_PROP(zv) Z_OBJ_P(zv)
#endif

/* @not-serializable becomes ZEND_ACC_NOT_SERIALIZABLE from 8.1; before, the
 * class handlers must refuse. */
#if PHP_VERSION_ID < 80100
# define PHP_ASYNC_NOT_SERIALIZABLE(ce) do { \
		(ce)->serialize = zend_class_serialize_deny; \
		(ce)->unserialize = zend_class_unserialize_deny; \
	} while (0)
#else
# define PHP_ASYNC_NOT_SERIALIZABLE(ce) ((void) (ce))
#endif

/* zend_call_method takes a zend_object from 8.0. */
#if PHP_VERSION_ID < 80000
# define PHP_ASYNC_CALL_OBJ(zv) (zv)
#else
# define PHP_ASYNC_CALL_OBJ(zv) Z_OBJ_P(zv)
#endif

/* get_gc and friends take a zend_object from 8.0, a zval on 7.x. */
#if PHP_VERSION_ID < 80000
# define PHP_ASYNC_OBJ_PARAM zval *object_zv
# define PHP_ASYNC_OBJ_FROM_PARAM() Z_OBJ_P(object_zv)
#else
# define PHP_ASYNC_OBJ_PARAM zend_object *object
# define PHP_ASYNC_OBJ_FROM_PARAM() object
#endif

/* An iterable parameter: 7.4's zpp has no Z_PARAM_ITERABLE, so it takes any
 * value and php_async_iterable_to_array() checks it. */
#if PHP_VERSION_ID >= 80000
# define PHP_ASYNC_PARAM_ITERABLE(dest) Z_PARAM_ITERABLE(dest)
#else
# define PHP_ASYNC_PARAM_ITERABLE(dest) Z_PARAM_ZVAL(dest)
#endif

#endif
