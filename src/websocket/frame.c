/* Server-to-client frame headers (RFC 6455 5.2): never masked, FIN set; the
 * payload follows as is. Encoded by us rather than wslay so one encoded
 * frame can be shared by every recipient of a broadcast. */
#include "php_async_compat.h"
#include "websocket/ws.h"

size_t php_async_ws_frame_header(unsigned char out[10], uint8_t opcode, size_t len)
{
	out[0] = (unsigned char) (0x80 | (opcode & 0x0f));
	if (len < 126) {
		out[1] = (unsigned char) len;
		return 2;
	}
	if (len <= 0xffff) {
		out[1] = 126;
		out[2] = (unsigned char) (len >> 8);
		out[3] = (unsigned char) len;
		return 4;
	}
	out[1] = 127;
	out[2] = (unsigned char) ((uint64_t) len >> 56);
	out[3] = (unsigned char) ((uint64_t) len >> 48);
	out[4] = (unsigned char) ((uint64_t) len >> 40);
	out[5] = (unsigned char) ((uint64_t) len >> 32);
	out[6] = (unsigned char) (len >> 24);
	out[7] = (unsigned char) (len >> 16);
	out[8] = (unsigned char) (len >> 8);
	out[9] = (unsigned char) len;
	return 10;
}
