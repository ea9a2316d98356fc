/* async: an event loop, promises, a WebSocket server and worker processes for
 * PHP, with libevent, wslay and OpenSSL doing the work in C. */
#ifndef PHP_ASYNC_H
#define PHP_ASYNC_H

extern zend_module_entry async_module_entry;
#define phpext_async_ptr &async_module_entry

#define PHP_ASYNC_VERSION "0.1.0"

struct php_async_loop;
struct event;

ZEND_BEGIN_MODULE_GLOBALS(async)
	struct php_async_loop *loop;   /* made on first use, freed in RSHUTDOWN */
	bool forked;                   /* set in the child of a fork() */
	char libevent_error[256];      /* libevent's last warning */
	zval unhandled;                /* rejections nobody handled, not yet raised */
	bool shutdown;                 /* RSHUTDOWN has begun */
	HashTable *ws_servers;         /* running WebSocket servers, by object handle */
	HashTable *children;           /* our child processes, by pid (parallel/child.c) */
	struct event *sigchld;         /* reaps them while there are any */
	HashTable *pools;              /* live Async\Parallel pools, by object handle (not owned) */
	HashTable *processes;          /* running Async\Process objects, by object handle */
#if PHP_VERSION_ID < 80000
	zend_get_gc_buffer gc_buffer;
#endif
ZEND_END_MODULE_GLOBALS(async)

ZEND_EXTERN_MODULE_GLOBALS(async)
#define ASYNC_G(v) ZEND_MODULE_GLOBALS_ACCESSOR(async, v)

#if defined(ZTS) && defined(COMPILE_DL_ASYNC)
ZEND_TSRMLS_CACHE_EXTERN()
#endif

#endif
