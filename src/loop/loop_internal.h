/* Watcher operations shared by loop.c (the engine) and loop_api.c (the PHP
 * methods). Not for other subsystems: they use loop.h. */
#ifndef PHP_ASYNC_LOOP_INTERNAL_H
#define PHP_ASYNC_LOOP_INTERNAL_H

#include "loop/loop.h"

php_async_watcher *php_async_watcher_create(php_async_loop *loop, php_async_watcher_kind kind,
	zend_fcall_info *fci, zend_fcall_info_cache *fcc);
/* Enables a new watcher; false (errno set) when libevent refuses it. */
bool php_async_watcher_start(php_async_loop *loop, php_async_watcher *w);
bool php_async_watcher_enable(php_async_loop *loop, php_async_watcher *w);
void php_async_watcher_disable(php_async_loop *loop, php_async_watcher *w);
void php_async_watcher_cancel(php_async_loop *loop, php_async_watcher *w);
void php_async_watcher_set_referenced(php_async_loop *loop, php_async_watcher *w, bool referenced);
php_async_watcher *php_async_watcher_find(php_async_loop *loop, zend_string *id);

void php_async_loop_after_fork(php_async_loop *loop);
void php_async_loop_sweep_fd(php_async_loop *loop, evutil_socket_t fd);
void php_async_loop_run(php_async_loop *loop);
void php_async_loop_stop(php_async_loop *loop);
void php_async_loop_info(php_async_loop *loop, zval *return_value);

#endif
