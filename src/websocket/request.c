/* Async\WebSocket\Request: the handshake request of a connection, parsed on
 * first use from the head the connection kept, so an idle connection holds
 * only the raw bytes. */
#include "php_async_compat.h"
#include "SAPI.h"
#include "php_variables.h"
#include "ext/standard/url.h"
#include "websocket/ws.h"
#include "websocket/handshake.h"

typedef struct {
	zval method, path, query_string, query, headers, cookies, subprotocol;
	zend_object std;
} php_async_ws_request;

static zend_object_handlers request_handlers;

static inline php_async_ws_request *request_from_obj(zend_object *obj)
{
	return (php_async_ws_request *) ((char *) obj - XtOffsetOf(php_async_ws_request, std));
}

static zend_object *request_create(zend_class_entry *ce)
{
	php_async_ws_request *r = zend_object_alloc(sizeof(php_async_ws_request), ce);

	zend_object_std_init(&r->std, ce);
	object_properties_init(&r->std, ce);
	r->std.handlers = &request_handlers;
	ZVAL_EMPTY_STRING(&r->method);
	ZVAL_EMPTY_STRING(&r->path);
	ZVAL_EMPTY_STRING(&r->query_string);
	ZVAL_UNDEF(&r->query);
	array_init(&r->headers);
	array_init(&r->cookies);
	ZVAL_NULL(&r->subprotocol);
	return &r->std;
}

static void request_free(zend_object *obj)
{
	php_async_ws_request *r = request_from_obj(obj);

	zval_ptr_dtor(&r->method);
	zval_ptr_dtor(&r->path);
	zval_ptr_dtor(&r->query_string);
	zval_ptr_dtor(&r->query);
	zval_ptr_dtor(&r->headers);
	zval_ptr_dtor(&r->cookies);
	zval_ptr_dtor(&r->subprotocol);
	zend_object_std_dtor(obj);
}

/* "a=1; b=2" into name => url-decoded value, as PHP fills $_COOKIE. */
static void parse_cookies(zval *out, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t start, eq = 0, end;
		while (i < len && (s[i] == ' ' || s[i] == ';')) {
			i++;
		}
		start = i;
		while (i < len && s[i] != ';') {
			if (s[i] == '=' && !eq) {
				eq = i;
			}
			i++;
		}
		end = i;
		while (end > start && s[end - 1] == ' ') {
			end--;
		}
		if (eq > start && eq < end) {
			zend_string *value = zend_string_init(s + eq + 1, end - eq - 1, 0);
			ZSTR_LEN(value) = php_url_decode(ZSTR_VAL(value), ZSTR_LEN(value));
			if (!zend_symtable_str_exists(Z_ARRVAL_P(out), s + start, eq - start)) {
				add_assoc_str_ex(out, s + start, eq - start, value);
			} else {
				zend_string_release(value);
			}
		}
	}
}

void php_async_ws_request_create(php_async_ws_conn *c, zval *out)
{
	php_async_ws_request *r;
	php_async_hs_request *req;
	size_t i;

	object_init_ex(out, php_async_ws_request_ce);
	r = request_from_obj(Z_OBJ_P(out));
	if (!c->head) {
		return;
	}
	req = emalloc(sizeof(*req));
	if (php_async_hs_parse(ZSTR_VAL(c->head), ZSTR_LEN(c->head), ZSTR_LEN(c->head) + 1, req) != PHP_ASYNC_HS_OK) {
		efree(req);
		return;
	}
	zval_ptr_dtor(&r->method);
	ZVAL_STRINGL(&r->method, req->method.p, req->method.len);
	zval_ptr_dtor(&r->path);
	ZVAL_STRINGL(&r->path, req->path.p, req->path.len);
	zval_ptr_dtor(&r->query_string);
	ZVAL_STRINGL(&r->query_string, req->query.p, req->query.len);
	for (i = 0; i < req->n_headers; i++) {
		zend_string *raw = zend_string_init(req->names[i].p, req->names[i].len, 0);
		zend_string *name = zend_string_tolower(raw);
		zval *prev = zend_hash_find(Z_ARRVAL(r->headers), name);
		if (prev) {
			/* repeated fields join with ", " (RFC 9110 5.3); cookies with "; " */
			zend_string *joined = zend_strpprintf(0, "%s%s%.*s", Z_STRVAL_P(prev),
				zend_string_equals_literal(name, "cookie") ? "; " : ", ", (int) req->values[i].len, req->values[i].p);
			zval_ptr_dtor(prev);
			ZVAL_STR(prev, joined);
		} else {
			zval v;
			ZVAL_STRINGL(&v, req->values[i].p, req->values[i].len);
			zend_hash_add_new(Z_ARRVAL(r->headers), name, &v);
		}
		zend_string_release(name);
		zend_string_release(raw);
	}
	{
		zval *cookie = zend_hash_str_find(Z_ARRVAL(r->headers), "cookie", sizeof("cookie") - 1);
		if (cookie) {
			parse_cookies(&r->cookies, Z_STRVAL_P(cookie), Z_STRLEN_P(cookie));
		}
	}
	if (c->subprotocol_name) {
		ZVAL_STR_COPY(&r->subprotocol, c->subprotocol_name);
	}
	efree(req);
}

#define THIS_REQUEST() request_from_obj(Z_OBJ_P(ZEND_THIS))

ZEND_METHOD(Async_WebSocket_Request, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(Async_WebSocket_Request, method)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_COPY(&THIS_REQUEST()->method);
}

ZEND_METHOD(Async_WebSocket_Request, path)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_COPY(&THIS_REQUEST()->path);
}

ZEND_METHOD(Async_WebSocket_Request, queryString)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_COPY(&THIS_REQUEST()->query_string);
}

ZEND_METHOD(Async_WebSocket_Request, query)
{
	php_async_ws_request *r = THIS_REQUEST();

	ZEND_PARSE_PARAMETERS_NONE();
	if (Z_ISUNDEF(r->query)) {
		array_init(&r->query);
		if (Z_STRLEN(r->query_string)) {
			/* as parse_str() does */
			sapi_module.treat_data(PARSE_STRING, estrndup(Z_STRVAL(r->query_string), Z_STRLEN(r->query_string)), &r->query);
		}
	}
	RETURN_COPY(&r->query);
}

ZEND_METHOD(Async_WebSocket_Request, headers)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_COPY(&THIS_REQUEST()->headers);
}

ZEND_METHOD(Async_WebSocket_Request, header)
{
	zend_string *name, *lower;
	zval *v;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(name)
	ZEND_PARSE_PARAMETERS_END();

	lower = zend_string_tolower(name);
	v = zend_hash_find(Z_ARRVAL(THIS_REQUEST()->headers), lower);
	zend_string_release(lower);
	if (v) {
		RETURN_COPY(v);
	}
	RETURN_NULL();
}

ZEND_METHOD(Async_WebSocket_Request, cookies)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_COPY(&THIS_REQUEST()->cookies);
}

ZEND_METHOD(Async_WebSocket_Request, subprotocol)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_COPY(&THIS_REQUEST()->subprotocol);
}

void php_async_ws_request_minit(void)
{
	php_async_ws_request_ce->create_object = request_create;
	memcpy(&request_handlers, zend_get_std_object_handlers(), sizeof(request_handlers));
	request_handlers.offset = XtOffsetOf(php_async_ws_request, std);
	request_handlers.free_obj = request_free;
	request_handlers.clone_obj = NULL;
}
