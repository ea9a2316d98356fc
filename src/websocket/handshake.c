/* The opening handshake, RFC 6455 section 4.2.1, over HTTP/1.1 message
 * syntax (RFC 9112 sections 3 and 5). Every read is bounded by the length
 * the caller gives; nothing is allocated. */
#include "websocket/handshake.h"

#include <string.h>
#include <openssl/evp.h>
#include <openssl/sha.h>

static const char ws_guid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"; /* RFC 6455 1.3 */

static inline int lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

bool php_async_slice_ieq(php_async_slice s, const char *lit)
{
	size_t n = strlen(lit), i;

	if (s.len != n) {
		return false;
	}
	for (i = 0; i < n; i++) {
		if (lower((unsigned char) s.p[i]) != lower((unsigned char) lit[i])) {
			return false;
		}
	}
	return true;
}

static bool slice_eq(php_async_slice s, const char *lit)
{
	size_t n = strlen(lit);
	return s.len == n && memcmp(s.p, lit, n) == 0;
}

/* tchar, RFC 9110 5.6.2 */
static bool is_tchar(unsigned char c)
{
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
		return true;
	}
	return c != 0 && strchr("!#$%&'*+-.^_`|~", c) != NULL;
}

bool php_async_hs_is_token(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (!is_tchar((unsigned char) s[i])) {
			return false;
		}
	}
	return n > 0;
}

static php_async_slice trim(php_async_slice s)
{
	while (s.len && (s.p[0] == ' ' || s.p[0] == '\t')) {
		s.p++;
		s.len--;
	}
	while (s.len && (s.p[s.len - 1] == ' ' || s.p[s.len - 1] == '\t')) {
		s.len--;
	}
	return s;
}

/* Calls back for each element of a comma-separated list, trimmed and
 * non-empty; stops when cb returns true, and returns that. */
static bool each_element(php_async_slice list, bool (*cb)(php_async_slice item, const void *arg), const void *arg)
{
	size_t i = 0, start = 0;

	for (; i <= list.len; i++) {
		if (i == list.len || list.p[i] == ',') {
			php_async_slice item = trim((php_async_slice) { list.p + start, i - start });
			if (item.len && cb(item, arg)) {
				return true;
			}
			start = i + 1;
		}
	}
	return false;
}

static bool token_ieq(php_async_slice item, const void *token)
{
	return php_async_slice_ieq(item, token);
}

static bool token_eq(php_async_slice item, const void *token)
{
	return slice_eq(item, token);
}

bool php_async_hs_has_token(php_async_slice list, const char *token)
{
	return each_element(list, token_ieq, token);
}

static php_async_hs_result fail(php_async_hs_request *req, int status, const char *reason)
{
	req->status = status;
	req->reason = reason;
	return PHP_ASYNC_HS_ERROR;
}

/* The first CR LF in [p, end), or NULL. */
static const char *find_crlf(const char *p, const char *end)
{
	for (; p + 1 < end; p++) {
		if (p[0] == '\r' && p[1] == '\n') {
			return p;
		}
	}
	return NULL;
}

static const char *find_head_end(const char *buf, size_t len)
{
	size_t i;

	for (i = 0; i + 3 < len; i++) {
		if (buf[i] == '\r' && buf[i + 1] == '\n' && buf[i + 2] == '\r' && buf[i + 3] == '\n') {
			return buf + i;
		}
	}
	return NULL;
}

static php_async_hs_result parse_request_line(php_async_hs_request *req, const char *p, const char *eol)
{
	const char *sp1 = memchr(p, ' ', (size_t) (eol - p)), *sp2, *q;
	php_async_slice version;

	if (!sp1 || sp1 == p) {
		return fail(req, 400, "malformed request line");
	}
	req->method = (php_async_slice) { p, (size_t) (sp1 - p) };
	for (q = p; q < sp1; q++) {
		if (!is_tchar((unsigned char) *q)) {
			return fail(req, 400, "malformed request method");
		}
	}
	sp2 = memchr(sp1 + 1, ' ', (size_t) (eol - sp1 - 1));
	if (!sp2 || sp2 == sp1 + 1) {
		return fail(req, 400, "malformed request line");
	}
	req->target = (php_async_slice) { sp1 + 1, (size_t) (sp2 - sp1 - 1) };
	for (q = req->target.p; q < sp2; q++) {
		if ((unsigned char) *q <= 0x20 || (unsigned char) *q == 0x7f) {
			return fail(req, 400, "malformed request target");
		}
	}
	if (req->target.p[0] != '/') {
		return fail(req, 400, "the request target must be a path (origin-form)");
	}
	q = memchr(req->target.p, '?', req->target.len);
	req->path = (php_async_slice) { req->target.p, q ? (size_t) (q - req->target.p) : req->target.len };
	req->query = q ? (php_async_slice) { q + 1, (size_t) (sp2 - q - 1) } : (php_async_slice) { sp2, 0 };

	version = (php_async_slice) { sp2 + 1, (size_t) (eol - sp2 - 1) };
	if (version.len != 8 || memcmp(version.p, "HTTP/", 5) != 0 || version.p[6] != '.'
			|| version.p[5] < '0' || version.p[5] > '9' || version.p[7] < '0' || version.p[7] > '9') {
		return fail(req, 400, "malformed HTTP version");
	}
	if (version.p[5] != '1' || version.p[7] == '0') {
		return fail(req, 505, "a WebSocket handshake needs HTTP/1.1");
	}
	return PHP_ASYNC_HS_OK;
}

/* Stores one of the single-valued headers the handshake reads. */
static bool set_once(php_async_slice *slot, php_async_slice value)
{
	if (slot->p) {
		return false;
	}
	*slot = value;
	return true;
}

php_async_hs_result php_async_hs_parse(const char *buf, size_t len, size_t max_size, php_async_hs_request *req)
{
	const char *head_end, *p, *eol, *end;
	size_t limit = len < max_size ? len : max_size;
	php_async_hs_result rc;

	memset(req, 0, sizeof(*req));
	head_end = find_head_end(buf, limit);
	if (!head_end) {
		if (len >= max_size) {
			return fail(req, 431, "the request head is larger than max_header_size");
		}
		return PHP_ASYNC_HS_INCOMPLETE;
	}
	req->length = (size_t) (head_end - buf) + 4;
	end = head_end + 2; /* through the CR LF of the last header line */

	eol = find_crlf(buf, end);
	if ((rc = parse_request_line(req, buf, eol)) != PHP_ASYNC_HS_OK) {
		return rc;
	}
	for (p = eol + 2; p < end; p = eol + 2) {
		const char *colon, *q;
		php_async_slice name, value;

		eol = find_crlf(p, end);
		if (p[0] == ' ' || p[0] == '\t') {
			return fail(req, 400, "obsolete header line folding is not allowed");
		}
		colon = memchr(p, ':', (size_t) (eol - p));
		if (!colon || colon == p) {
			return fail(req, 400, "malformed header line");
		}
		for (q = p; q < colon; q++) {
			if (!is_tchar((unsigned char) *q)) {
				return fail(req, 400, "malformed header name");
			}
		}
		for (q = colon + 1; q < eol; q++) {
			unsigned char c = (unsigned char) *q;
			if ((c < 0x20 && c != '\t') || c == 0x7f) {
				return fail(req, 400, "control character in a header value");
			}
		}
		if (req->n_headers == PHP_ASYNC_HS_MAX_HEADERS) {
			return fail(req, 431, "too many header fields");
		}
		name = (php_async_slice) { p, (size_t) (colon - p) };
		value = trim((php_async_slice) { colon + 1, (size_t) (eol - colon - 1) });
		req->names[req->n_headers] = name;
		req->values[req->n_headers] = value;
		req->n_headers++;

		if (php_async_slice_ieq(name, "host")) {
			if (!set_once(&req->host, value)) {
				return fail(req, 400, "more than one Host header");
			}
		} else if (php_async_slice_ieq(name, "upgrade")) {
			if (!set_once(&req->upgrade, value)) {
				return fail(req, 400, "more than one Upgrade header");
			}
		} else if (php_async_slice_ieq(name, "sec-websocket-key")) {
			if (!set_once(&req->key, value)) {
				return fail(req, 400, "more than one Sec-WebSocket-Key header");
			}
		} else if (php_async_slice_ieq(name, "sec-websocket-version")) {
			if (!set_once(&req->version, value)) {
				return fail(req, 400, "more than one Sec-WebSocket-Version header");
			}
		} else if (php_async_slice_ieq(name, "origin")) {
			if (!set_once(&req->origin, value)) {
				return fail(req, 400, "more than one Origin header");
			}
		}
	}
	return PHP_ASYNC_HS_OK;
}

/* A Sec-WebSocket-Key is the base64 of 16 bytes: 22 characters and "==". */
static bool valid_key(php_async_slice key)
{
	size_t i;

	if (key.len != 24 || key.p[22] != '=' || key.p[23] != '=') {
		return false;
	}
	for (i = 0; i < 22; i++) {
		unsigned char c = (unsigned char) key.p[i];
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/')) {
			return false;
		}
	}
	return true;
}

/* Whether any header named name holds the token. */
static bool any_header_has(const php_async_hs_request *req, const char *name,
		bool (*match)(php_async_slice, const void *), const char *token)
{
	size_t i;

	for (i = 0; i < req->n_headers; i++) {
		if (php_async_slice_ieq(req->names[i], name) && each_element(req->values[i], match, token)) {
			return true;
		}
	}
	return false;
}

php_async_hs_result php_async_hs_validate(php_async_hs_request *req, const php_async_hs_policy *policy, int *subprotocol)
{
	*subprotocol = -1;
	if (!slice_eq(req->method, "GET")) {
		return fail(req, 405, "a WebSocket handshake is a GET request");
	}
	if (!req->upgrade.p) {
		return fail(req, 426, "this is a WebSocket endpoint: send an Upgrade: websocket request");
	}
	if (!php_async_hs_has_token(req->upgrade, "websocket")) {
		return fail(req, 400, "the Upgrade header must name websocket");
	}
	if (!any_header_has(req, "connection", token_ieq, "upgrade")) {
		return fail(req, 400, "the Connection header must include Upgrade");
	}
	if (!req->host.p) {
		return fail(req, 400, "the Host header is missing");
	}
	if (!slice_eq(req->version, "13")) {
		return fail(req, 426, "only WebSocket version 13 is supported");
	}
	if (!valid_key(req->key)) {
		return fail(req, 400, "Sec-WebSocket-Key must be the base64 of 16 bytes");
	}
	if (policy->allowed_origins) {
		const char *const *o;
		bool allowed = false;
		for (o = policy->allowed_origins; *o; o++) {
			if (strcmp(*o, "*") == 0 || (req->origin.p && php_async_slice_ieq(req->origin, *o))) {
				allowed = true;
				break;
			}
		}
		if (!allowed) {
			return fail(req, 403, "the Origin is not allowed");
		}
	}
	if (policy->subprotocols) {
		int i;
		/* The server's order of preference; names are case-sensitive. */
		for (i = 0; policy->subprotocols[i]; i++) {
			if (any_header_has(req, "sec-websocket-protocol", token_eq, policy->subprotocols[i])) {
				*subprotocol = i;
				break;
			}
		}
	}
	return PHP_ASYNC_HS_OK;
}

void php_async_hs_accept(php_async_slice key, char out[PHP_ASYNC_HS_ACCEPT_LEN + 1])
{
	unsigned char input[64 + sizeof(ws_guid)], digest[SHA_DIGEST_LENGTH];
	size_t n = key.len < 64 ? key.len : 64;

	memcpy(input, key.p, n);
	memcpy(input + n, ws_guid, sizeof(ws_guid) - 1);
	SHA1(input, n + sizeof(ws_guid) - 1, digest);
	EVP_EncodeBlock((unsigned char *) out, digest, SHA_DIGEST_LENGTH);
	out[PHP_ASYNC_HS_ACCEPT_LEN] = '\0';
}
