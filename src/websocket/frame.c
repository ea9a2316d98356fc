/* Frame work done without wslay where it is hot. Server-to-client frame
 * headers (RFC 6455 5.2): never masked, FIN set, encoded by us so one frame
 * can be shared by every recipient of a broadcast. Unmasking and UTF-8
 * checks for client data frames, a word at a time. */
#include "php_async_compat.h"
#include "websocket/ws.h"

#ifdef __SSE2__
# include <emmintrin.h>
#endif

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

/* RFC 6455 5.3: byte i of the payload is XORed with key[i % 4]; src holds
 * the bytes from offset on. Sixteen bytes at a time with SSE2 (every x86-64
 * CPU has it), else eight: the key repeated is the same in either byte
 * order, and memcpy keeps unaligned loads legal. */
void php_async_ws_unmask_copy(unsigned char *dst, const unsigned char *src, size_t n, const unsigned char key[4],
	size_t offset)
{
	unsigned char k[4] = { key[offset & 3], key[(offset + 1) & 3], key[(offset + 2) & 3], key[(offset + 3) & 3] };
	uint32_t k4;
	uint64_t k8, w;
	size_t i = 0;

	memcpy(&k4, k, 4);
	k8 = ((uint64_t) k4 << 32) | k4;
#ifdef __SSE2__
	{
		__m128i k16 = _mm_set1_epi32((int) k4);
		for (; i + 16 <= n; i += 16) {
			_mm_storeu_si128((__m128i *) (dst + i),
				_mm_xor_si128(_mm_loadu_si128((const __m128i *) (src + i)), k16));
		}
	}
#endif
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, src + i, 8);
		w ^= k8;
		memcpy(dst + i, &w, 8);
	}
	for (; i < n; i++) {
		dst[i] = src[i] ^ k[i & 3];
	}
}

/* RFC 3629 UTF-8: no overlongs, no surrogates, nothing above U+10FFFF.
 * Runs of ASCII are skipped eight bytes at a time. */
bool php_async_ws_utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char b = s[i];
		size_t need, k;
		uint32_t cp;

		if (b < 0x80) {
			uint64_t w;
			i++;
			while (i + 8 <= n) {
				memcpy(&w, s + i, 8);
				if (w & UINT64_C(0x8080808080808080)) {
					break;
				}
				i += 8;
			}
			continue;
		}
		if ((b & 0xe0) == 0xc0) {
			need = 1;
			cp = b & 0x1f;
		} else if ((b & 0xf0) == 0xe0) {
			need = 2;
			cp = b & 0x0f;
		} else if ((b & 0xf8) == 0xf0) {
			need = 3;
			cp = b & 0x07;
		} else {
			return false;
		}
		if (n - i <= need) {
			return false;
		}
		for (k = 1; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80) {
				return false;
			}
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if ((need == 1 && cp < 0x80) || (need == 2 && cp < 0x800) || (need == 3 && cp < 0x10000)
				|| cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
			return false;
		}
		i += need + 1;
	}
	return true;
}
