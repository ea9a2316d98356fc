/* libFuzzer target for the WebSocket handshake parser: any bytes, whole or
 * split at any point as they may arrive over TCP, must parse without reading
 * out of bounds, and a request that validates must yield an accept key. */
#include <stdint.h>
#include <string.h>
#include "websocket/handshake.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const origins[] = { "https://example.org", NULL };
	static const char *const protocols[] = { "chat", "pusher-channels", NULL };
	php_async_hs_policy policy = { origins, protocols };
	php_async_hs_request req;
	size_t max = 8192, split = size ? data[0] % (size + 1) : 0;
	int chosen;

	/* A prefix first, as a short TCP read would give it. */
	(void) php_async_hs_parse((const char *) data, split, max, &req);
	if (php_async_hs_parse((const char *) data, size, max, &req) == PHP_ASYNC_HS_OK
			&& php_async_hs_validate(&req, &policy, &chosen) == PHP_ASYNC_HS_OK) {
		char accept[PHP_ASYNC_HS_ACCEPT_LEN + 1];
		php_async_hs_accept(req.key, accept);
		if (strlen(accept) != PHP_ASYNC_HS_ACCEPT_LEN) {
			__builtin_trap();
		}
	}
	/* A tight limit must be respected too. */
	(void) php_async_hs_parse((const char *) data, size, 64, &req);
	return 0;
}
