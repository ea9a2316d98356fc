/* Module glue for async: startup and shutdown fan out to each subsystem. */
#include "php_async_compat.h"
#include "php_async.h"
#include "ext/standard/info.h"
#include "common/errors.h"
#include "loop/loop.h"

#include <event2/event.h>
#include <openssl/crypto.h>
#include <wslay/wslay.h>

#ifndef ASYNC_WSLAY_VERSION
# define ASYNC_WSLAY_VERSION WSLAY_VERSION
#endif

ZEND_DECLARE_MODULE_GLOBALS(async)

void php_async_loop_api_minit(void);

static PHP_GINIT_FUNCTION(async)
{
#if defined(COMPILE_DL_ASYNC) && defined(ZTS)
	ZEND_TSRMLS_CACHE_UPDATE();
#endif
	memset(async_globals, 0, sizeof(*async_globals));
}

static PHP_MINIT_FUNCTION(async)
{
	php_async_errors_minit();
	php_async_loop_minit();
	php_async_loop_api_minit();
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
	return SUCCESS;
}

static PHP_RSHUTDOWN_FUNCTION(async)
{
	php_async_loop_rshutdown();
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
	NULL,
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
