/* The WebSocket opening handshake (RFC 6455 section 4.2) as pure C: a bounded
 * parser for the client's HTTP request head and the checks a server makes on
 * it. No PHP, no libevent: it is fuzzed on its own (tests/fuzz/). */
#ifndef PHP_ASYNC_HANDSHAKE_H
#define PHP_ASYNC_HANDSHAKE_H

#include <stddef.h>
#include <stdbool.h>

#define PHP_ASYNC_HS_MAX_HEADERS 100
#define PHP_ASYNC_HS_ACCEPT_LEN 28   /* base64 of a SHA-1 digest */

typedef struct {
	const char *p;
	size_t len;
} php_async_slice;

typedef enum {
	PHP_ASYNC_HS_INCOMPLETE = 0,  /* the head has not ended yet: read more */
	PHP_ASYNC_HS_OK,              /* a well-formed WebSocket upgrade request */
	PHP_ASYNC_HS_ERROR            /* answer with status, then close */
} php_async_hs_result;

typedef struct {
	/* The request line. */
	php_async_slice method, target, path, query;
	/* Every header, in order; names as sent. */
	php_async_slice names[PHP_ASYNC_HS_MAX_HEADERS];
	php_async_slice values[PHP_ASYNC_HS_MAX_HEADERS];
	size_t n_headers;
	/* The headers the handshake needs (empty if absent). */
	php_async_slice host, upgrade, connection, key, version, origin;
	/* Bytes of the head, through the blank line. */
	size_t length;
	/* On PHP_ASYNC_HS_ERROR: the HTTP status to answer and why. */
	int status;
	const char *reason;
} php_async_hs_request;

/* What the server accepts; lists are NULL-terminated (NULL: anything). */
typedef struct {
	const char *const *allowed_origins;
	const char *const *subprotocols;
} php_async_hs_policy;

/* Parses the request head at the start of buf. Never reads past len, and
 * fails with 431 if the head is not complete within max_size bytes. */
php_async_hs_result php_async_hs_parse(const char *buf, size_t len, size_t max_size, php_async_hs_request *req);

/* Checks a parsed request against RFC 6455 4.2.1 and the policy. On success
 * sets *subprotocol to the chosen one (index into policy->subprotocols, or -1
 * for none). */
php_async_hs_result php_async_hs_validate(php_async_hs_request *req, const php_async_hs_policy *policy, int *subprotocol);

/* Sec-WebSocket-Accept for a key: 28 characters plus a NUL in out. */
void php_async_hs_accept(php_async_slice key, char out[PHP_ASYNC_HS_ACCEPT_LEN + 1]);

/* Case-insensitive comparison of a slice with a C string. */
bool php_async_slice_ieq(php_async_slice s, const char *lit);
/* Whether s is an RFC 9110 token (a subprotocol name, a header name). */
bool php_async_hs_is_token(const char *s, size_t n);
/* Whether a comma-separated header value holds token (case-insensitive). */
bool php_async_hs_has_token(php_async_slice list, const char *token);

#endif
