/* Unit tests of the handshake parser (pure C, run by scripts/test-c). */
#include <stdio.h>
#include <string.h>
#include "websocket/handshake.h"

static int passed, failed;

#define CHECK(cond, name) do { \
		if (cond) { passed++; } else { failed++; printf("FAIL %s (line %d)\n", name, __LINE__); } \
	} while (0)

static const char *const no_list[] = { NULL };

/* Parses and validates; returns the status (101 when accepted, 0 when the
 * head is incomplete). */
static int run(const char *head, size_t max, const char *const *origins, const char *const *protocols, int *proto)
{
	php_async_hs_request req;
	php_async_hs_policy policy = { origins, protocols };
	int chosen = -1;
	php_async_hs_result r = php_async_hs_parse(head, strlen(head), max, &req);

	if (r == PHP_ASYNC_HS_INCOMPLETE) {
		return 0;
	}
	if (r == PHP_ASYNC_HS_OK) {
		r = php_async_hs_validate(&req, &policy, &chosen);
	}
	if (proto) {
		*proto = chosen;
	}
	return r == PHP_ASYNC_HS_OK ? 101 : req.status;
}

#define REQ(extra) "GET /chat?x=1 HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" \
	"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n" extra "\r\n"

int main(void)
{
	char accept[PHP_ASYNC_HS_ACCEPT_LEN + 1];
	php_async_hs_request req;
	const char *const protos[] = { "v2", "chat", NULL };
	const char *const origins[] = { "https://ok.example", NULL };
	int proto;

	/* RFC 6455 1.3's example key and accept value. */
	php_async_hs_accept((php_async_slice) { "dGhlIHNhbXBsZSBub25jZQ==", 24 }, accept);
	CHECK(strcmp(accept, "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=") == 0, "accept key of RFC 6455 1.3");

	CHECK(run(REQ(""), 8192, NULL, NULL, NULL) == 101, "a valid request");
	CHECK(php_async_hs_parse(REQ(""), strlen(REQ("")), 8192, &req) == PHP_ASYNC_HS_OK
		&& req.path.len == 5 && memcmp(req.path.p, "/chat", 5) == 0
		&& req.query.len == 3 && memcmp(req.query.p, "x=1", 3) == 0, "path and query");
	CHECK(run("GET / HTTP/1.1\r\nhost: h\r\nUPGRADE: WebSocket\r\nconnection: keep-alive, upgrade\r\n"
		"sec-websocket-key: dGhlIHNhbXBsZSBub25jZQ==\r\nsec-websocket-version: 13\r\n\r\n", 8192, NULL, NULL, NULL) == 101,
		"header names and tokens are case-insensitive; Connection is a list");
	CHECK(run("GET / HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: keep-alive\r\nConnection: Upgrade\r\n"
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", 8192, NULL, NULL, NULL) == 101,
		"Connection split over two header lines");

	/* Incomplete heads, at every split point. */
	{
		const char *full = REQ("");
		size_t n = strlen(full), i, incomplete = 0;
		for (i = 0; i < n; i++) {
			if (php_async_hs_parse(full, i, 8192, &req) == PHP_ASYNC_HS_INCOMPLETE) {
				incomplete++;
			}
		}
		CHECK(incomplete == n, "every proper prefix is incomplete");
	}

	CHECK(run(REQ(""), 40, NULL, NULL, NULL) == 431, "head over max_header_size: 431");
	CHECK(run("GET / HTTP/1.1\r\nHost: h\r\n", 20, NULL, NULL, NULL) == 431, "unterminated head over the limit: 431");
	CHECK(run("POST / HTTP/1.1\r\nHost: h\r\n\r\n", 8192, NULL, NULL, NULL) == 405, "POST: 405");
	CHECK(run("GET / HTTP/1.1\r\nHost: h\r\n\r\n", 8192, NULL, NULL, NULL) == 426, "plain GET: 426");
	CHECK(run("GET / HTTP/1.0\r\nHost: h\r\n\r\n", 8192, NULL, NULL, NULL) == 505, "HTTP/1.0: 505");
	CHECK(run("GET / HTTP/1.1\r\nHost: h\r\nUpgrade: h2c\r\nConnection: Upgrade\r\n\r\n", 8192, NULL, NULL, NULL) == 400,
		"Upgrade to something else: 400");
	CHECK(run("GET / HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: close\r\n"
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", 8192, NULL, NULL, NULL) == 400,
		"Connection without Upgrade: 400");
	CHECK(run("GET / HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 8\r\n\r\n", 8192, NULL, NULL, NULL) == 426,
		"version 8: 426");
	CHECK(run("GET / HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
		"Sec-WebSocket-Key: c2hvcnQ=\r\nSec-WebSocket-Version: 13\r\n\r\n", 8192, NULL, NULL, NULL) == 400,
		"a key that is not 16 bytes: 400");
	CHECK(run("GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
		"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n", 8192, NULL, NULL, NULL) == 400,
		"no Host: 400");
	CHECK(run(REQ("Host: again\r\n"), 8192, NULL, NULL, NULL) == 400, "two Host headers: 400");
	CHECK(run(REQ(" folded\r\n"), 8192, NULL, NULL, NULL) == 400, "obsolete line folding: 400");
	CHECK(run(REQ("Bad Name: x\r\n"), 8192, NULL, NULL, NULL) == 400, "space in a header name: 400");
	CHECK(run(REQ("X: a\001b\r\n"), 8192, NULL, NULL, NULL) == 400, "control character in a value: 400");
	CHECK(run("GET http://h/ HTTP/1.1\r\nHost: h\r\n\r\n", 8192, NULL, NULL, NULL) == 400, "absolute-form target: 400");
	CHECK(run("GET  / HTTP/1.1\r\n\r\n", 8192, NULL, NULL, NULL) == 400, "empty target: 400");

	CHECK(run(REQ("Origin: https://ok.example\r\n"), 8192, origins, NULL, NULL) == 101, "allowed origin");
	CHECK(run(REQ("Origin: https://evil.example\r\n"), 8192, origins, NULL, NULL) == 403, "other origin: 403");
	CHECK(run(REQ(""), 8192, origins, NULL, NULL) == 403, "no origin when origins are restricted: 403");

	CHECK(run(REQ("Sec-WebSocket-Protocol: chat, v2\r\n"), 8192, NULL, protos, &proto) == 101 && proto == 0,
		"subprotocol: the server's preference wins");
	CHECK(run(REQ("Sec-WebSocket-Protocol: chat\r\n"), 8192, NULL, protos, &proto) == 101 && proto == 1, "subprotocol chat");
	CHECK(run(REQ("Sec-WebSocket-Protocol: Chat\r\n"), 8192, NULL, protos, &proto) == 101 && proto == -1,
		"subprotocol names are case-sensitive");
	CHECK(run(REQ("Sec-WebSocket-Protocol: other\r\n"), 8192, NULL, no_list, &proto) == 101 && proto == -1, "no match: none");

	{
		char many[16384];
		size_t n = 0;
		int i;
		n += (size_t) snprintf(many + n, sizeof(many) - n, "GET / HTTP/1.1\r\n");
		for (i = 0; i < PHP_ASYNC_HS_MAX_HEADERS + 1; i++) {
			n += (size_t) snprintf(many + n, sizeof(many) - n, "X-%d: y\r\n", i);
		}
		snprintf(many + n, sizeof(many) - n, "\r\n");
		CHECK(run(many, sizeof(many), NULL, NULL, NULL) == 431, "too many headers: 431");
	}

	printf("handshake: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
