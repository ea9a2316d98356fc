/* Stream and Socket descriptors: see stream_fd.h. */
#include "php_async_compat.h"
#include "common/errors.h"
#include "loop/stream_fd.h"
#include "php_streams.h"
#include "ext/standard/file.h"


/* ext/sockets is optional: when its header is installed, Socket objects (and
 * 7.4's Socket resources) can be watched too. Only its inline helpers and
 * struct layout are used, so async.so has no link-time dependency on it. */
#if defined(__has_include)
# if __has_include("ext/sockets/php_sockets.h")
#  ifndef HAVE_SOCKETS
#   define HAVE_SOCKETS 1
#  endif
#  include "ext/sockets/php_sockets.h"
#  define PHP_ASYNC_HAVE_SOCKETS 1
#  ifndef IS_INVALID_SOCKET /* 7.4 */
#   define IS_INVALID_SOCKET(sock) ((sock)->bsd_socket < 0)
#  endif
# endif
#endif

static bool is_stream_resource(zval *zv)
{
	int type = Z_RES_TYPE_P(zv);
	return type == php_file_le_stream() || type == php_file_le_pstream();
}

#ifdef PHP_ASYNC_HAVE_SOCKETS
/* The ext/sockets socket behind zv, or NULL if zv is not one. */
static php_socket *socket_of(zval *zv)
{
# if PHP_VERSION_ID >= 80000
	if (Z_TYPE_P(zv) == IS_OBJECT) {
		zend_class_entry *ce = Z_OBJCE_P(zv);
		if (ce->type == ZEND_INTERNAL_CLASS && zend_string_equals_literal(ce->name, "Socket")) {
			return socket_from_obj(Z_OBJ_P(zv));
		}
	}
# else
	if (Z_TYPE_P(zv) == IS_RESOURCE && Z_RES_TYPE_P(zv) >= 0
			&& Z_RES_TYPE_P(zv) == zend_fetch_list_dtor_id("Socket")) {
		return (php_socket *) Z_RES_VAL_P(zv);
	}
# endif
	return NULL;
}
#endif

evutil_socket_t php_async_stream_fd(zval *zv, uint32_t arg_num, const char *arg_name)
{
	ZVAL_DEREF(zv);
	if (Z_TYPE_P(zv) == IS_RESOURCE && is_stream_resource(zv)) {
		php_stream *stream = (php_stream *) Z_RES_VAL_P(zv);
		php_socket_t fd = -1;
		int as = PHP_STREAM_AS_FD_FOR_SELECT | PHP_STREAM_CAST_INTERNAL;

		if (php_stream_can_cast(stream, as) != SUCCESS
				|| php_stream_cast(stream, as, (void **) &fd, 0) != SUCCESS || fd < 0) {
			php_async_argument_value_error(arg_num, arg_name,
				"cannot be watched: a %s stream has no file descriptor", stream->ops->label);
			return -1;
		}
		return (evutil_socket_t) fd;
	}
#ifdef PHP_ASYNC_HAVE_SOCKETS
	{
		php_socket *sock = socket_of(zv);
		if (sock) {
			if (IS_INVALID_SOCKET(sock)) {
				php_async_argument_value_error(arg_num, arg_name, "has already been closed");
				return -1;
			}
			return (evutil_socket_t) sock->bsd_socket;
		}
	}
#endif
	if (Z_TYPE_P(zv) == IS_RESOURCE && Z_RES_TYPE_P(zv) < 0) {
		php_async_argument_value_error(arg_num, arg_name, "has already been closed");
		return -1;
	}
	php_async_argument_type_error(arg_num, arg_name, "must be a stream resource or a Socket, %s given",
		Z_TYPE_P(zv) == IS_OBJECT ? ZSTR_VAL(Z_OBJCE_P(zv)->name) : zend_zval_type_name(zv));
	return -1;
}

bool php_async_stream_alive(zval *zv)
{
	if (Z_TYPE_P(zv) == IS_RESOURCE) {
		if (is_stream_resource(zv)) {
			return true;
		}
#if defined(PHP_ASYNC_HAVE_SOCKETS) && PHP_VERSION_ID < 80000
		{
			php_socket *sock = socket_of(zv);
			return sock && !IS_INVALID_SOCKET(sock);
		}
#else
		return false; /* closed: fclose() leaves the type -1 */
#endif
	}
#ifdef PHP_ASYNC_HAVE_SOCKETS
	{
		php_socket *sock = socket_of(zv);
		return sock && !IS_INVALID_SOCKET(sock);
	}
#else
	return false;
#endif
}

bool php_async_stream_has_buffered(zval *zv)
{
	if (Z_TYPE_P(zv) == IS_RESOURCE && is_stream_resource(zv)) {
		php_stream *stream = (php_stream *) Z_RES_VAL_P(zv);
		return stream->writepos > stream->readpos;
	}
	return false;
}
