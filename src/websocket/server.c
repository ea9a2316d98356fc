/* Async\WebSocketServer: options, binding (evconnlistener), TLS context,
 * calls into the Listener, broadcast with one shared frame, keep-alive pings,
 * graceful stop, and teardown at the end of the request. */
#include "php_async_compat.h"
#include "php_async.h"
#include "common/errors.h"
#include "common/options.h"
#include "loop/loop.h"
#include "promise/promise.h"
#include "websocket/ws.h"
#include "websocket/handshake.h"

#include <event2/buffer.h>
#include <event2/util.h>
#include <openssl/err.h>
#include <arpa/inet.h>

zend_class_entry *php_async_ws_server_ce;
zend_class_entry *php_async_ws_listener_ce;
zend_class_entry *php_async_ws_request_ce;
zend_class_entry *php_async_ws_conn_exception_ce;
zend_class_entry *php_async_ws_handshake_exception_ce;
static zend_object_handlers server_handlers;

/* ---- the object ------------------------------------------------------------ */

static zend_object *server_create(zend_class_entry *ce)
{
	php_async_ws_server *s = zend_object_alloc(sizeof(php_async_ws_server), ce);

	zend_object_std_init(&s->std, ce);
	object_properties_init(&s->std, ce);
	s->std.handlers = &server_handlers;
	ZVAL_UNDEF(&s->listener);
	ZVAL_UNDEF(&s->stop_promise);
	zend_hash_init(&s->conns, 8, NULL, ZVAL_PTR_DTOR, 0);
	return &s->std;
}

/* Drops every socket without calling PHP: the end of the request, or a
 * server object freed while still holding some. */
static void teardown(php_async_ws_server *s)
{
	zval *zv;

	ZEND_HASH_FOREACH_VAL(&s->conns, zv) {
		php_async_ws_conn *c = php_async_ws_conn_from_obj(Z_OBJ_P(zv));
		php_async_ws_conn_release_io(c);
		c->state = PHP_ASYNC_WS_CLOSED;
		c->server = NULL;
	} ZEND_HASH_FOREACH_END();
	zend_hash_clean(&s->conns);
	if (s->rbuf) {
		efree(s->rbuf);
		s->rbuf = NULL;
	}
	if (s->evl) {
		evconnlistener_free(s->evl);
		s->evl = NULL;
	}
	if (s->ssl_ctx) {
		SSL_CTX_free(s->ssl_ctx);
		s->ssl_ctx = NULL;
	}
}

static void server_free(zend_object *obj)
{
	php_async_ws_server *s = php_async_ws_server_from_obj(obj);

	teardown(s);
	zend_hash_destroy(&s->conns);
	zval_ptr_dtor(&s->listener);
	zval_ptr_dtor(&s->stop_promise);
	if (s->uri) {
		zend_string_release(s->uri);
	}
	if (s->address) {
		zend_string_release(s->address);
	}
	php_async_strv_free(s->opt.allowed_origins);
	php_async_strv_free(s->opt.subprotocols);
	if (s->opt.tls_cert) zend_string_release(s->opt.tls_cert);
	if (s->opt.tls_key) zend_string_release(s->opt.tls_key);
	if (s->opt.tls_passphrase) zend_string_release(s->opt.tls_passphrase);
	if (s->opt.tls_ca) zend_string_release(s->opt.tls_ca);
	zend_object_std_dtor(obj);
}

static HashTable *server_get_gc(PHP_ASYNC_OBJ_PARAM, zval **table, int *n)
{
	php_async_ws_server *s = php_async_ws_server_from_obj(PHP_ASYNC_OBJ_FROM_PARAM());
	zend_get_gc_buffer *buf = zend_get_gc_buffer_create();
	zval *zv;

	zend_get_gc_buffer_add_zval(buf, &s->listener);
	zend_get_gc_buffer_add_zval(buf, &s->stop_promise);
	ZEND_HASH_FOREACH_VAL(&s->conns, zv) {
		zend_get_gc_buffer_add_zval(buf, zv);
	} ZEND_HASH_FOREACH_END();
	zend_get_gc_buffer_use(buf, table, n);
	return PHP_ASYNC_OBJ_FROM_PARAM()->properties; /* dynamic ones: PHP 7.4 allows them */
}

/* ---- the registry of running servers (module globals) -------------------- */

/* A running server is kept alive by the request, not by the user's variable,
 * and keeps Loop::run() going. */
static void registry_add(php_async_ws_server *s)
{
	php_async_loop *loop = ASYNC_G(loop);

	if (!ASYNC_G(ws_servers)) {
		ALLOC_HASHTABLE(ASYNC_G(ws_servers));
		zend_hash_init(ASYNC_G(ws_servers), 4, NULL, NULL, 0);
	}
	GC_ADDREF(&s->std);
	zend_hash_index_add_ptr(ASYNC_G(ws_servers), s->std.handle, s);
	if (loop) {
		php_async_loop_ref(loop);
	}
}

static void registry_remove(php_async_ws_server *s)
{
	php_async_loop *loop = ASYNC_G(loop);

	if (ASYNC_G(ws_servers) && zend_hash_index_del(ASYNC_G(ws_servers), s->std.handle) == SUCCESS) {
		if (loop) {
			php_async_loop_unref(loop);
		}
		OBJ_RELEASE(&s->std);
	}
}

/* Drops every running server's sockets without calling PHP, and lets the
 * servers go: at the end of the request, and in the child of a fork(),
 * which must not serve the parent's clients (the parent keeps its own
 * copies of the sockets). */
static void drop_servers(void)
{
	HashTable *servers = ASYNC_G(ws_servers);
	php_async_ws_server *s;

	if (!servers) {
		return;
	}
	ASYNC_G(ws_servers) = NULL;
	ZEND_HASH_FOREACH_PTR(servers, s) {
		teardown(s);
		s->state = PHP_ASYNC_WS_SERVER_STOPPED;
		s->stop_timer = s->ping_timer = 0; /* the loop drops its timers itself */
		if (ASYNC_G(loop)) {
			php_async_loop_unref(ASYNC_G(loop)); /* as registry_remove() does */
		}
	} ZEND_HASH_FOREACH_END();
	ZEND_HASH_FOREACH_PTR(servers, s) {
		OBJ_RELEASE(&s->std);
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(servers);
	FREE_HASHTABLE(servers);
}

void php_async_ws_after_fork(void)
{
	drop_servers();
}

void php_async_ws_rshutdown(void)
{
	drop_servers();
}

/* ---- calling the listener ---------------------------------------------------- */

void php_async_ws_call_listener(php_async_ws_server *s, zend_function *fn, php_async_ws_conn *c, uint32_t argc, zval *argv)
{
	zend_fcall_info fci;
	zend_fcall_info_cache fcc;
	zval params[3], retval;
	uint32_t i;

	if (Z_ISUNDEF(s->listener) || UNEXPECTED(EG(exception))) {
		return;
	}
	ZVAL_OBJ(&params[0], &c->std);
	for (i = 0; i < argc; i++) {
		ZVAL_COPY_VALUE(&params[i + 1], &argv[i]);
	}
	fci.size = sizeof(fci);
	ZVAL_UNDEF(&fci.function_name);
	fci.object = Z_OBJ(s->listener);
	fci.retval = &retval;
	fci.params = params;
	fci.param_count = argc + 1;
	PHP_ASYNC_FCI_EXTRA(fci);
	fcc.function_handler = fn;
	fcc.object = Z_OBJ(s->listener);
	fcc.called_scope = Z_OBJCE(s->listener);
#if PHP_VERSION_ID < 80200
	fcc.calling_scope = Z_OBJCE(s->listener);
#endif

	GC_ADDREF(&s->std);
	GC_ADDREF(&c->std);
	ZVAL_UNDEF(&retval);
	zend_call_function(&fci, &fcc);
	zval_ptr_dtor(&retval);
	if (EG(exception) && !PHP_ASYNC_IS_EXIT_EXCEPTION(EG(exception)) && fn != s->on_error) {
		/* The listener failed on this connection: onError hears of it; if
		 * that throws too, the loop's error handler (or run()) does. */
		zval ex;
		ZVAL_OBJ(&ex, EG(exception));
		GC_ADDREF(EG(exception));
		zend_clear_exception();
		php_async_ws_call_listener(s, s->on_error, c, 1, &ex);
		zval_ptr_dtor(&ex);
	}
	OBJ_RELEASE(&c->std);
	OBJ_RELEASE(&s->std);
}

/* ---- options ------------------------------------------------------------------- */

static bool opt_size(zval *v, const char *name, size_t min, size_t *out)
{
	zend_long n;
	if (!php_async_opt_long(v, 3, name, (zend_long) min, &n)) {
		return false;
	}
	*out = (size_t) n;
	return true;
}

static bool opt_list(zval *v, const char *name, char ***out)
{
	zval *item;
	uint32_t i = 0;
	char **list;

	if (Z_TYPE_P(v) != IS_ARRAY) {
		php_async_argument_value_error(3, "options", "option \"%s\" must be an array of strings", name);
		return false;
	}
	list = safe_emalloc(zend_hash_num_elements(Z_ARRVAL_P(v)) + 1, sizeof(char *), 0);
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL_P(v), item) {
		if (Z_TYPE_P(item) != IS_STRING || Z_STRLEN_P(item) == 0 || memchr(Z_STRVAL_P(item), '\r', Z_STRLEN_P(item))
				|| memchr(Z_STRVAL_P(item), '\n', Z_STRLEN_P(item))) {
			list[i] = NULL;
			php_async_strv_free(list);
			php_async_argument_value_error(3, "options", "option \"%s\" must be an array of non-empty strings", name);
			return false;
		}
		if (strcmp(name, "subprotocols") == 0 && !php_async_hs_is_token(Z_STRVAL_P(item), Z_STRLEN_P(item))) {
			list[i] = NULL;
			php_async_strv_free(list);
			php_async_argument_value_error(3, "options",
				"option \"subprotocols\" must hold tokens (no spaces, commas or quotes), \"%s\" given", Z_STRVAL_P(item));
			return false;
		}
		list[i++] = estrndup(Z_STRVAL_P(item), Z_STRLEN_P(item));
	} ZEND_HASH_FOREACH_END();
	list[i] = NULL;
	php_async_strv_free(*out);
	*out = list;
	return true;
}

static bool parse_options(php_async_ws_server *s, HashTable *options)
{
	php_async_ws_options *o = &s->opt;
	zend_string *key;
	zval *v;

	o->max_message_size = 16 * 1024 * 1024;
	o->max_header_size = 8192;
	o->send_buffer_limit = 4 * 1024 * 1024;
	o->max_connections = 10000;
	o->backlog = 511;
	o->handshake_timeout = 10.0;
	o->idle_timeout = 0;
	o->ping_interval = 30.0;

	if (!options) {
		return true;
	}
	ZEND_HASH_FOREACH_STR_KEY_VAL(options, key, v) {
		ZVAL_DEREF(v);
		if (!key) {
			php_async_argument_value_error(3, "options", "must be an array with option names as keys");
			return false;
		}
		if (zend_string_equals_literal(key, "max_message_size")) {
			if (!opt_size(v, "max_message_size", 1, &o->max_message_size)) return false;
		} else if (zend_string_equals_literal(key, "max_header_size")) {
			if (!opt_size(v, "max_header_size", 256, &o->max_header_size)) return false;
		} else if (zend_string_equals_literal(key, "send_buffer_limit")) {
			if (!opt_size(v, "send_buffer_limit", 1, &o->send_buffer_limit)) return false;
		} else if (zend_string_equals_literal(key, "max_connections")) {
			if (!php_async_opt_long(v, 3, "max_connections", 1, &o->max_connections)) return false;
		} else if (zend_string_equals_literal(key, "backlog")) {
			if (!php_async_opt_long(v, 3, "backlog", 1, &o->backlog)) return false;
		} else if (zend_string_equals_literal(key, "handshake_timeout")) {
			if (!php_async_opt_seconds(v, 3, "handshake_timeout", &o->handshake_timeout)) return false;
		} else if (zend_string_equals_literal(key, "idle_timeout")) {
			if (!php_async_opt_seconds(v, 3, "idle_timeout", &o->idle_timeout)) return false;
		} else if (zend_string_equals_literal(key, "ping_interval")) {
			if (!php_async_opt_seconds(v, 3, "ping_interval", &o->ping_interval)) return false;
		} else if (zend_string_equals_literal(key, "allowed_origins")) {
			if (!opt_list(v, "allowed_origins", &o->allowed_origins)) return false;
		} else if (zend_string_equals_literal(key, "subprotocols")) {
			if (!opt_list(v, "subprotocols", &o->subprotocols)) return false;
		} else if (zend_string_equals_literal(key, "tls_cert")) {
			if (!php_async_opt_string(v, 3, "tls_cert", false, &o->tls_cert)) return false;
		} else if (zend_string_equals_literal(key, "tls_key")) {
			if (!php_async_opt_string(v, 3, "tls_key", false, &o->tls_key)) return false;
		} else if (zend_string_equals_literal(key, "tls_passphrase")) {
			if (!php_async_opt_string(v, 3, "tls_passphrase", false, &o->tls_passphrase)) return false;
		} else if (zend_string_equals_literal(key, "tls_ca")) {
			if (!php_async_opt_string(v, 3, "tls_ca", false, &o->tls_ca)) return false;
		} else {
			php_async_opt_unknown(3, key);
			return false;
		}
	} ZEND_HASH_FOREACH_END();
	return true;
}

/* ---- TLS ------------------------------------------------------------------------ */

/* Never let OpenSSL prompt on the terminal: no passphrase given, none tried. */
static int passphrase_cb(char *buf, int size, int rwflag, void *userdata)
{
	zend_string *pass = userdata;
	int n;

	if (!pass) {
		return 0;
	}
	n = (int) ZSTR_LEN(pass) < size ? (int) ZSTR_LEN(pass) : size;
	memcpy(buf, ZSTR_VAL(pass), (size_t) n);
	return n;
}

static void throw_tls(const char *what, const char *file)
{
	unsigned long err = ERR_get_error();
	char reason[256] = "unknown OpenSSL error";

	if (err) {
		ERR_error_string_n(err, reason, sizeof(reason));
	}
	ERR_clear_error();
	zend_throw_exception_ex(php_async_exception_ce, 0, "Cannot %s %s: %s", what, file ? file : "", reason);
}

static SSL_CTX *make_ssl_ctx(php_async_ws_server *s)
{
	SSL_CTX *ctx = SSL_CTX_new(TLS_server_method());

	if (!ctx) {
		throw_tls("create a TLS context", NULL);
		return NULL;
	}
	SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
	SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE);
	SSL_CTX_set_mode(ctx, SSL_MODE_RELEASE_BUFFERS);
	SSL_CTX_set_default_passwd_cb(ctx, passphrase_cb);
	SSL_CTX_set_default_passwd_cb_userdata(ctx, s->opt.tls_passphrase);
	if (SSL_CTX_use_certificate_chain_file(ctx, ZSTR_VAL(s->opt.tls_cert)) != 1) {
		throw_tls("load the certificate chain", ZSTR_VAL(s->opt.tls_cert));
		SSL_CTX_free(ctx);
		return NULL;
	}
	if (SSL_CTX_use_PrivateKey_file(ctx, ZSTR_VAL(s->opt.tls_key ? s->opt.tls_key : s->opt.tls_cert), SSL_FILETYPE_PEM) != 1) {
		throw_tls("load the private key", ZSTR_VAL(s->opt.tls_key ? s->opt.tls_key : s->opt.tls_cert));
		SSL_CTX_free(ctx);
		return NULL;
	}
	if (SSL_CTX_check_private_key(ctx) != 1) {
		throw_tls("use the private key: it does not match the certificate", NULL);
		SSL_CTX_free(ctx);
		return NULL;
	}
	if (s->opt.tls_ca && SSL_CTX_load_verify_locations(ctx, ZSTR_VAL(s->opt.tls_ca), NULL) != 1) {
		throw_tls("load the CA file", ZSTR_VAL(s->opt.tls_ca));
		SSL_CTX_free(ctx);
		return NULL;
	}
	/* The default passphrase callback data must not outlive the options. */
	SSL_CTX_set_default_passwd_cb_userdata(ctx, NULL);
	SSL_CTX_set_default_passwd_cb(ctx, NULL);
	return ctx;
}

/* ---- listening -------------------------------------------------------------------- */

static void accept_cb(struct evconnlistener *evl, evutil_socket_t fd, struct sockaddr *addr, int len, void *arg)
{
	php_async_ws_conn_accept(arg, fd, addr, len);
}

static void accept_error_cb(struct evconnlistener *evl, void *arg)
{
	int err = EVUTIL_SOCKET_ERROR();
	char *msg = NULL;

	zend_spprintf(&msg, 0, "async: WebSocket server cannot accept: %s", evutil_socket_error_to_string(err));
	php_log_err_with_severity(msg, LOG_WARNING);
	efree(msg);
}

static void ping_fired(zend_object *obj);

static void arm_ping(php_async_ws_server *s)
{
	php_async_loop *loop = ASYNC_G(loop);

	if (loop && s->opt.ping_interval > 0) {
		GC_ADDREF(&s->std);
		s->ping_timer = php_async_loop_add_timer(loop, s->opt.ping_interval, ping_fired, &s->std);
		/* keep-alive pings alone never keep Loop::run() going */
		php_async_loop_unreference_id(loop, s->ping_timer);
	}
}

/* Every ping_interval: a connection that did not answer the last ping (nor
 * sent anything) is dead and dropped; the others are pinged. */
static void ping_fired(zend_object *obj)
{
	php_async_ws_server *s = php_async_ws_server_from_obj(obj);
	zval *zv, dead;

	s->ping_timer = 0;
	if (s->state != PHP_ASYNC_WS_SERVER_LISTENING) {
		return;
	}
	array_init(&dead);
	ZEND_HASH_FOREACH_VAL(&s->conns, zv) {
		php_async_ws_conn *c = php_async_ws_conn_from_obj(Z_OBJ_P(zv));
		if (c->state != PHP_ASYNC_WS_OPEN) {
			continue;
		}
		if (c->awaiting_pong) {
			Z_ADDREF_P(zv);
			add_next_index_zval(&dead, zv);
		} else {
			c->awaiting_pong = true;
			php_async_ws_conn_ping(c, "", 0);
		}
	} ZEND_HASH_FOREACH_END();
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(dead), zv) {
		php_async_ws_conn *c = php_async_ws_conn_from_obj(Z_OBJ_P(zv));
		php_async_ws_conn_close(c, 1006, "no answer to ping", sizeof("no answer to ping") - 1, true);
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&dead);
	arm_ping(s);
}

static void complete_stop(php_async_ws_server *s)
{
	php_async_loop *loop = ASYNC_G(loop);
	zval null;

	if (s->state == PHP_ASYNC_WS_SERVER_STOPPED) {
		return;
	}
	s->state = PHP_ASYNC_WS_SERVER_STOPPED;
	if (loop) {
		if (s->stop_timer) {
			php_async_loop_cancel_id(loop, s->stop_timer);
			s->stop_timer = 0;
		}
		if (s->ping_timer) {
			php_async_loop_cancel_id(loop, s->ping_timer);
			s->ping_timer = 0;
		}
	}
	teardown(s);
	if (!Z_ISUNDEF(s->stop_promise)) {
		ZVAL_NULL(&null);
		php_async_promise_settle(Z_ASYNC_PROMISE_P(&s->stop_promise), PHP_ASYNC_FULFILLED, &null);
	}
	registry_remove(s);
}

void php_async_ws_server_forget(php_async_ws_server *s, php_async_ws_conn *c)
{
	zend_hash_index_del(&s->conns, c->id);
	if (s->state == PHP_ASYNC_WS_SERVER_STOPPING && zend_hash_num_elements(&s->conns) == 0) {
		complete_stop(s);
	}
}

/* The grace period is over: drop whoever is left. */
static void grace_over(zend_object *obj)
{
	php_async_ws_server *s = php_async_ws_server_from_obj(obj);
	zval list, *zv;

	s->stop_timer = 0;
	if (s->state != PHP_ASYNC_WS_SERVER_STOPPING) {
		return;
	}
	ZVAL_ARR(&list, zend_array_dup(&s->conns));
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), zv) {
		php_async_ws_conn_close(php_async_ws_conn_from_obj(Z_OBJ_P(zv)), 1006, "", 0, true);
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&list);
	complete_stop(s);
}

/* ---- methods ------------------------------------------------------------------------ */

ZEND_METHOD(Async_WebSocketServer, __construct)
{
	zend_string *uri;
	zval *listener;
	HashTable *options = NULL;
	php_async_ws_server *s = php_async_ws_server_from_obj(Z_OBJ_P(ZEND_THIS));
	zend_class_entry *ce;

	ZEND_PARSE_PARAMETERS_START_EX(PHP_ASYNC_ZPP_CTOR, 2, 3)
		Z_PARAM_STR(uri)
		Z_PARAM_OBJECT_OF_CLASS(listener, php_async_ws_listener_ce)
		Z_PARAM_OPTIONAL
		Z_PARAM_ARRAY_HT(options)
	ZEND_PARSE_PARAMETERS_END();

	if (s->uri) {
		zend_throw_error(NULL, "Cannot call Async\\WebSocketServer::__construct() twice");
		RETURN_THROWS();
	}
	if (strncmp(ZSTR_VAL(uri), "tls://", 6) == 0 || strncmp(ZSTR_VAL(uri), "wss://", 6) == 0) {
		s->tls = true;
	} else if (strncmp(ZSTR_VAL(uri), "tcp://", 6) != 0 && strncmp(ZSTR_VAL(uri), "ws://", 5) != 0) {
		php_async_argument_value_error(1, "uri", "must be \"tcp://IP:PORT\" or \"tls://IP:PORT\", \"%s\" given", ZSTR_VAL(uri));
		RETURN_THROWS();
	}
	if (!parse_options(s, options)) {
		RETURN_THROWS();
	}
	if (s->tls && !s->opt.tls_cert) {
		php_async_argument_value_error(3, "options", "must have \"tls_cert\" (and \"tls_key\") for a tls:// server");
		RETURN_THROWS();
	}
	s->uri = zend_string_copy(uri);
	ZVAL_COPY(&s->listener, listener);
	ce = Z_OBJCE_P(listener);
	s->on_open = zend_hash_str_find_ptr(&ce->function_table, "onopen", sizeof("onopen") - 1);
	s->on_message = zend_hash_str_find_ptr(&ce->function_table, "onmessage", sizeof("onmessage") - 1);
	s->on_close = zend_hash_str_find_ptr(&ce->function_table, "onclose", sizeof("onclose") - 1);
	s->on_error = zend_hash_str_find_ptr(&ce->function_table, "onerror", sizeof("onerror") - 1);
}

/* "IPv4:port" or "[IPv6]:port", port 0-65535 (libevent's parser refuses 0). */
static bool parse_address(const char *hostport, struct sockaddr_storage *ss, int *len)
{
	const char *colon = strrchr(hostport, ':');
	char host[INET6_ADDRSTRLEN + 2], *end;
	size_t hlen;
	long port;

	if (!colon || colon == hostport) {
		return false;
	}
	port = strtol(colon + 1, &end, 10);
	if (*end || end == colon + 1 || port < 0 || port > 65535) {
		return false;
	}
	hlen = (size_t) (colon - hostport);
	if (hostport[0] == '[') {
		if (hlen < 3 || hostport[hlen - 1] != ']' || hlen - 2 >= sizeof(host)) {
			return false;
		}
		memcpy(host, hostport + 1, hlen - 2);
		host[hlen - 2] = '\0';
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *) ss;
		if (inet_pton(AF_INET6, host, &in6->sin6_addr) != 1) {
			return false;
		}
		in6->sin6_family = AF_INET6;
		in6->sin6_port = htons((uint16_t) port);
		*len = sizeof(*in6);
		return true;
	}
	if (hlen >= sizeof(host)) {
		return false;
	}
	memcpy(host, hostport, hlen);
	host[hlen] = '\0';
	if (strcmp(host, "localhost") == 0) {
		strcpy(host, "127.0.0.1");
	}
	{
		struct sockaddr_in *in = (struct sockaddr_in *) ss;
		if (inet_pton(AF_INET, host, &in->sin_addr) != 1) {
			return false;
		}
		in->sin_family = AF_INET;
		in->sin_port = htons((uint16_t) port);
		*len = sizeof(*in);
	}
	return true;
}

static php_async_ws_server *this_server(zval *zv)
{
	php_async_ws_server *s = php_async_ws_server_from_obj(Z_OBJ_P(zv));
	if (!s->uri) {
		zend_throw_error(NULL, "The Async\\WebSocketServer was not constructed");
		return NULL;
	}
	return s;
}

ZEND_METHOD(Async_WebSocketServer, start)
{
	php_async_ws_server *s;
	php_async_loop *loop;
	struct sockaddr_storage ss;
	int sslen = sizeof(ss);
	const char *hostport;
	socklen_t len = sizeof(ss);
	char ip[INET6_ADDRSTRLEN];

	ZEND_PARSE_PARAMETERS_NONE();
	if (!(s = this_server(ZEND_THIS))) {
		RETURN_THROWS();
	}
	if (s->state != PHP_ASYNC_WS_SERVER_NEW) {
		zend_throw_exception_ex(php_async_error_ce, 0, "This Async\\WebSocketServer was started already; make a new one");
		RETURN_THROWS();
	}
	if (!(loop = php_async_loop_get())) {
		RETURN_THROWS();
	}
	hostport = strstr(ZSTR_VAL(s->uri), "://") + 3;
	memset(&ss, 0, sizeof(ss));
	if (!parse_address(hostport, &ss, &sslen)) {
		zend_throw_exception_ex(php_async_exception_ce, 0,
			"Cannot listen on %s: give an IP address and a port, such as tcp://127.0.0.1:8080", ZSTR_VAL(s->uri));
		RETURN_THROWS();
	}
	if (s->tls && !(s->ssl_ctx = make_ssl_ctx(s))) {
		RETURN_THROWS();
	}
	s->evl = evconnlistener_new_bind(loop->base, accept_cb, s,
		LEV_OPT_CLOSE_ON_FREE | LEV_OPT_CLOSE_ON_EXEC | LEV_OPT_REUSEABLE, (int) s->opt.backlog,
		(struct sockaddr *) &ss, sslen);
	if (!s->evl) {
		int err = errno;
		zend_throw_exception_ex(php_async_exception_ce, err, "Cannot listen on %s: %s", hostport, strerror(err));
		if (s->ssl_ctx) {
			SSL_CTX_free(s->ssl_ctx);
			s->ssl_ctx = NULL;
		}
		RETURN_THROWS();
	}
	evconnlistener_set_error_cb(s->evl, accept_error_cb);
	if (getsockname(evconnlistener_get_fd(s->evl), (struct sockaddr *) &ss, &len) == 0) {
		if (ss.ss_family == AF_INET6) {
			inet_ntop(AF_INET6, &((struct sockaddr_in6 *) &ss)->sin6_addr, ip, sizeof(ip));
			s->address = zend_strpprintf(0, "[%s]:%d", ip, ntohs(((struct sockaddr_in6 *) &ss)->sin6_port));
		} else {
			inet_ntop(AF_INET, &((struct sockaddr_in *) &ss)->sin_addr, ip, sizeof(ip));
			s->address = zend_strpprintf(0, "%s:%d", ip, ntohs(((struct sockaddr_in *) &ss)->sin_port));
		}
	}
	s->state = PHP_ASYNC_WS_SERVER_LISTENING;
	registry_add(s);
	arm_ping(s);
}

ZEND_METHOD(Async_WebSocketServer, stop)
{
	double grace = 5.0;
	php_async_ws_server *s;
	php_async_loop *loop;
	zval list, *zv;

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_DOUBLE(grace)
	ZEND_PARSE_PARAMETERS_END();

	if (!(s = this_server(ZEND_THIS))) {
		RETURN_THROWS();
	}
	if (!zend_finite(grace) || grace < 0) {
		php_async_argument_value_error(1, "grace", "must be a finite number of seconds, at least 0");
		RETURN_THROWS();
	}
	if (!Z_ISUNDEF(s->stop_promise)) {
		RETURN_COPY(&s->stop_promise);
	}
	if (!(loop = php_async_loop_get())) {
		RETURN_THROWS();
	}
	php_async_promise_new(&s->stop_promise)->locked = true;
	if (s->state != PHP_ASYNC_WS_SERVER_LISTENING) {
		zval null;
		s->state = PHP_ASYNC_WS_SERVER_STOPPED;
		ZVAL_NULL(&null);
		php_async_promise_settle(Z_ASYNC_PROMISE_P(&s->stop_promise), PHP_ASYNC_FULFILLED, &null);
		RETURN_COPY(&s->stop_promise);
	}
	s->state = PHP_ASYNC_WS_SERVER_STOPPING;
	if (s->evl) {
		evconnlistener_free(s->evl);
		s->evl = NULL;
	}
	/* 1001 Going Away to every open connection; drop half-made ones. */
	ZVAL_ARR(&list, zend_array_dup(&s->conns));
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), zv) {
		php_async_ws_conn *c = php_async_ws_conn_from_obj(Z_OBJ_P(zv));
		if (c->state == PHP_ASYNC_WS_OPEN) {
			php_async_ws_conn_close(c, 1001, "server shutting down", sizeof("server shutting down") - 1, false);
		} else if (c->state == PHP_ASYNC_WS_HANDSHAKE) {
			php_async_ws_conn_close(c, 1006, "", 0, true);
		}
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&list);
	RETVAL_COPY(&s->stop_promise);
	if (zend_hash_num_elements(&s->conns) == 0) {
		complete_stop(s);
	} else if (s->state == PHP_ASYNC_WS_SERVER_STOPPING) {
		GC_ADDREF(&s->std);
		s->stop_timer = php_async_loop_add_timer(loop, grace, grace_over, &s->std);
	}
}

ZEND_METHOD(Async_WebSocketServer, address)
{
	php_async_ws_server *s;

	ZEND_PARSE_PARAMETERS_NONE();
	if (!(s = this_server(ZEND_THIS))) {
		RETURN_THROWS();
	}
	if (!s->address) {
		zend_throw_exception_ex(php_async_error_ce, 0, "The server has no address before start()");
		RETURN_THROWS();
	}
	RETURN_STR_COPY(s->address);
}

ZEND_METHOD(Async_WebSocketServer, connections)
{
	php_async_ws_server *s;
	zval *zv;

	ZEND_PARSE_PARAMETERS_NONE();
	if (!(s = this_server(ZEND_THIS))) {
		RETURN_THROWS();
	}
	array_init(return_value);
	ZEND_HASH_FOREACH_VAL(&s->conns, zv) {
		php_async_ws_conn *c = php_async_ws_conn_from_obj(Z_OBJ_P(zv));
		if (c->state == PHP_ASYNC_WS_OPEN) {
			Z_ADDREF_P(zv);
			add_index_zval(return_value, (zend_long) c->id, zv);
		}
	} ZEND_HASH_FOREACH_END();
}

ZEND_METHOD(Async_WebSocketServer, broadcast)
{
	zend_string *data;
	zend_bool binary = 0; /* zend_bool: 7.4's Z_PARAM_BOOL wants one */
	HashTable *except = NULL, skip;
	php_async_ws_server *s;
	unsigned char hdr[10];
	size_t hlen;
	zend_long sent = 0;
	zval *zv;

	ZEND_PARSE_PARAMETERS_START(1, 3)
		Z_PARAM_STR(data)
		Z_PARAM_OPTIONAL
		Z_PARAM_BOOL(binary)
		Z_PARAM_ARRAY_HT(except)
	ZEND_PARSE_PARAMETERS_END();

	if (!(s = this_server(ZEND_THIS))) {
		RETURN_THROWS();
	}
	zend_hash_init(&skip, except ? zend_hash_num_elements(except) : 0, NULL, NULL, 0);
	if (except) {
		ZEND_HASH_FOREACH_VAL(except, zv) {
			ZVAL_DEREF(zv);
			if (Z_TYPE_P(zv) == IS_OBJECT && Z_OBJCE_P(zv) == php_async_ws_conn_ce) {
				zend_hash_index_add_empty_element(&skip, php_async_ws_conn_from_obj(Z_OBJ_P(zv))->id);
			} else if (Z_TYPE_P(zv) == IS_LONG) {
				zend_hash_index_add_empty_element(&skip, (zend_ulong) Z_LVAL_P(zv));
			} else {
				zend_hash_destroy(&skip);
				php_async_argument_type_error(3, "except", "must hold Connection objects or connection ids");
				RETURN_THROWS();
			}
		} ZEND_HASH_FOREACH_END();
	}
	/* one header and the caller's string, shared by every recipient's queue */
	hlen = php_async_ws_frame_header(hdr, binary ? WSLAY_BINARY_FRAME : WSLAY_TEXT_FRAME, ZSTR_LEN(data));
	ZEND_HASH_FOREACH_VAL(&s->conns, zv) {
		php_async_ws_conn *c = php_async_ws_conn_from_obj(Z_OBJ_P(zv));
		if (c->state != PHP_ASYNC_WS_OPEN || (except && zend_hash_index_exists(&skip, c->id))) {
			continue;
		}
		if (php_async_ws_conn_write_frame(c, hdr, hlen, data)) {
			sent++;
		}
	} ZEND_HASH_FOREACH_END();
	zend_hash_destroy(&skip);
	RETURN_LONG(sent);
}

void php_async_ws_minit(zend_class_entry *server_ce, zend_class_entry *listener_ce, zend_class_entry *conn_ce,
		zend_class_entry *request_ce, zend_class_entry *conn_exception_ce, zend_class_entry *handshake_exception_ce)
{
	php_async_ws_server_ce = server_ce;
	php_async_ws_listener_ce = listener_ce;
	php_async_ws_conn_ce = conn_ce;
	php_async_ws_request_ce = request_ce;
	php_async_ws_conn_exception_ce = conn_exception_ce;
	php_async_ws_handshake_exception_ce = handshake_exception_ce;

	server_ce->create_object = server_create;
	memcpy(&server_handlers, zend_get_std_object_handlers(), sizeof(server_handlers));
	server_handlers.offset = XtOffsetOf(php_async_ws_server, std);
	server_handlers.free_obj = server_free;
	server_handlers.get_gc = server_get_gc;
	server_handlers.clone_obj = NULL;
	php_async_ws_conn_minit();
	php_async_ws_request_minit();
}
