/* Module glue for async: startup and shutdown fan out to each subsystem. */
#include "php_async_compat.h"
#include "php_async.h"
#include "ext/standard/info.h"
#include "common/errors.h"
#include "loop/loop.h"
#include "promise/promise.h"
#include "websocket/ws.h"
#include "parallel/parallel.h"

/* Every class and function is declared in stubs/; the generated registration
 * code is included here, once, and the methods live in src/. */
#if PHP_VERSION_ID < 80000
# include "stubs/errors_legacy_arginfo.h"
# include "stubs/loop_legacy_arginfo.h"
# include "stubs/promise_legacy_arginfo.h"
# include "stubs/websocket_legacy_arginfo.h"
# include "stubs/parallel_legacy_arginfo.h"
#else
# include "stubs/errors_arginfo.h"
# include "stubs/loop_arginfo.h"
# include "stubs/promise_arginfo.h"
# include "stubs/websocket_arginfo.h"
# include "stubs/parallel_arginfo.h"
#endif
/* No legacy variant: the Listener's parameter types are valid on 7.4 too. */
#include "stubs/listener_arginfo.h"

#include <event2/event.h>
#include <openssl/crypto.h>
#include <wslay/wslay.h>

#ifndef ASYNC_WSLAY_VERSION
# define ASYNC_WSLAY_VERSION WSLAY_VERSION
#endif

ZEND_DECLARE_MODULE_GLOBALS(async)

extern zend_class_entry *php_async_loop_ce;

static PHP_GINIT_FUNCTION(async)
{
#if defined(COMPILE_DL_ASYNC) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(async_globals, 0, sizeof(*async_globals));
}

static PHP_MINIT_FUNCTION(async)
{
	php_async_error_ce = register_class_Async_AsyncError(zend_ce_error);
	php_async_unhandled_rejection_ce = register_class_Async_UnhandledRejectionError(php_async_error_ce);
	php_async_exception_ce = register_class_Async_AsyncException(zend_ce_exception);
	php_async_timeout_exception_ce = register_class_Async_TimeoutException(php_async_exception_ce);
	php_async_cancelled_exception_ce = register_class_Async_CancelledException(php_async_exception_ce);
	php_async_composite_exception_ce = register_class_Async_CompositeException(php_async_exception_ce);

	php_async_loop_ce = register_class_Async_Loop();
	php_async_loop_minit();

	php_async_promise_objects_minit(register_class_Async_Promise());
	php_async_promise_api_minit(register_class_Async_Deferred());

	{
		zend_class_entry *listener = register_class_Async_WebSocket_Listener();
		php_async_ws_minit(register_class_Async_WebSocketServer(), listener,
			register_class_Async_WebSocket_Connection(), register_class_Async_WebSocket_Request(),
			register_class_Async_WebSocket_ConnectionException(php_async_exception_ce),
			register_class_Async_WebSocket_HandshakeException(php_async_exception_ce));
	}

	php_async_pool_minit(register_class_Async_Parallel(), register_class_Async_Parallel_Task(),
		register_class_Async_Parallel_WorkerException(php_async_exception_ce),
		register_class_Async_Parallel_TaskFailedException(php_async_exception_ce),
		register_class_Async_Parallel_SerializationException(php_async_exception_ce));
	register_class_Async_Parallel_Worker();
	php_async_process_minit(register_class_Async_Process(), register_class_Async_ProcessResult(),
		register_class_Async_ProcessException(php_async_exception_ce));

	PHP_ASYNC_NOT_SERIALIZABLE(php_async_parallel_ce);
	PHP_ASYNC_NOT_SERIALIZABLE(php_async_process_ce);
	PHP_ASYNC_NOT_SERIALIZABLE(php_async_process_result_ce);
	PHP_ASYNC_NOT_SERIALIZABLE(php_async_ws_server_ce);
	PHP_ASYNC_NOT_SERIALIZABLE(php_async_ws_conn_ce);
	PHP_ASYNC_NOT_SERIALIZABLE(php_async_ws_request_ce);
	PHP_ASYNC_NOT_SERIALIZABLE(php_async_loop_ce);
	PHP_ASYNC_NOT_SERIALIZABLE(php_async_promise_ce);
	PHP_ASYNC_NOT_SERIALIZABLE(php_async_deferred_ce);
	return SUCCESS;
}

static PHP_MSHUTDOWN_FUNCTION(async)
{
	php_async_loop_mshutdown();
	return SUCCESS;
}

static PHP_RINIT_FUNCTION(async)
{
#if defined(COMPILE_DL_ASYNC) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	ZVAL_UNDEF(&ASYNC_G(unhandled));
	ASYNC_G(shutdown) = false;
	ASYNC_G(ws_servers) = NULL;
	ASYNC_G(children) = NULL;
	ASYNC_G(sigchld) = NULL;
	ASYNC_G(pools) = NULL;
	ASYNC_G(processes) = NULL;
	return SUCCESS;
}

static PHP_RSHUTDOWN_FUNCTION(async)
{
	/* The child of a fork() that never touched the loop since: forget the
	 * parent's servers, workers and processes first, never stop them. */
	php_async_loop_check_fork();
	/* Before the loop: their descriptors and SIGCHLD watcher live in its event_base. */
	php_async_parallel_rshutdown();
	php_async_ws_rshutdown();
	php_async_loop_rshutdown();
	php_async_loop_warn_unhandled();
#if PHP_VERSION_ID < 80000
	php_async_get_gc_buffer_free();
#endif
	return SUCCESS;
}

static PHP_MINFO_FUNCTION(async)
{
	php_info_print_table_start();
	php_info_print_table_header(2, "async support", "enabled");
	php_info_print_table_row(2, "async version", PHP_ASYNC_VERSION);
	php_async_loop_minfo();
	php_info_print_table_row(2, "wslay version", ASYNC_WSLAY_VERSION);
	php_info_print_table_row(2, "OpenSSL version", OpenSSL_version(OPENSSL_VERSION));
	php_info_print_table_end();
}

static const zend_module_dep async_deps[] = {
	ZEND_MOD_OPTIONAL("sockets")
	ZEND_MOD_END
};

zend_module_entry async_module_entry = {
	STANDARD_MODULE_HEADER_EX,
	NULL,
	async_deps,
	"async",
	ext_functions,
	PHP_MINIT(async),
	PHP_MSHUTDOWN(async),
	PHP_RINIT(async),
	PHP_RSHUTDOWN(async),
	PHP_MINFO(async),
	PHP_ASYNC_VERSION,
	PHP_MODULE_GLOBALS(async),
	PHP_GINIT(async),
	NULL,
	NULL,
	STANDARD_MODULE_PROPERTIES_EX
};

#ifdef COMPILE_DL_ASYNC
# ifdef ZTS
ZEND_TSRMLS_CACHE_DEFINE()
# endif
ZEND_GET_MODULE(async)
#endif
