/* What a stream watcher watches: the descriptor behind a PHP stream resource
 * or an ext/sockets Socket, whether it is still open, and whether PHP has
 * read-ahead data buffered for it. */
#ifndef PHP_ASYNC_STREAM_FD_H
#define PHP_ASYNC_STREAM_FD_H

#include "php_async_compat.h"
#include <event2/util.h>

/* The descriptor to watch, or -1 with a TypeError/ValueError thrown that
 * names argument arg_num ($arg_name). */
evutil_socket_t php_async_stream_fd(zval *stream, uint32_t arg_num, const char *arg_name);
bool php_async_stream_alive(zval *stream);
bool php_async_stream_has_buffered(zval *stream);

#endif
