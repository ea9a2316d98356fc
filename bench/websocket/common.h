/* Shared by loadgen.c and floor.c: SHA-1 and base64 for the RFC 6455 4.2.2
 * Sec-WebSocket-Accept value, a monotonic clock, and raising RLIMIT_NOFILE.
 * Header-only so that each program builds with one cc command. */
#ifndef BENCH_WS_COMMON_H
#define BENCH_WS_COMMON_H

#include <stdint.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>

static inline uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t) ts.tv_sec * 1000000000ull + (uint64_t) ts.tv_nsec;
}

static inline void raise_nofile(void)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
		rl.rlim_cur = rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
	}
}

/* FIPS 180-1 SHA-1, enough for the handshake. */
static void sha1(const uint8_t *msg, size_t len, uint8_t out[20])
{
	uint32_t h[5] = { 0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0 };
	uint8_t block[64];
	uint64_t bits = (uint64_t) len * 8;
	size_t total = ((len + 8) / 64 + 1) * 64, off;

	for (off = 0; off < total; off += 64) {
		uint32_t w[80], a, b, c, d, e, f, k, t;
		int i;
		for (i = 0; i < 64; i++) {
			size_t p = off + (size_t) i;
			if (p < len) {
				block[i] = msg[p];
			} else if (p == len) {
				block[i] = 0x80;
			} else if (p >= total - 8) {
				block[i] = (uint8_t) (bits >> (8 * (total - 1 - p)));
			} else {
				block[i] = 0;
			}
		}
		for (i = 0; i < 16; i++) {
			w[i] = (uint32_t) block[4 * i] << 24 | (uint32_t) block[4 * i + 1] << 16
				| (uint32_t) block[4 * i + 2] << 8 | block[4 * i + 3];
		}
		for (i = 16; i < 80; i++) {
			t = w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16];
			w[i] = t << 1 | t >> 31;
		}
		a = h[0]; b = h[1]; c = h[2]; d = h[3]; e = h[4];
		for (i = 0; i < 80; i++) {
			if (i < 20) {
				f = (b & c) | (~b & d); k = 0x5A827999;
			} else if (i < 40) {
				f = b ^ c ^ d; k = 0x6ED9EBA1;
			} else if (i < 60) {
				f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC;
			} else {
				f = b ^ c ^ d; k = 0xCA62C1D6;
			}
			t = (a << 5 | a >> 27) + f + e + k + w[i];
			e = d; d = c; c = b << 30 | b >> 2; b = a; a = t;
		}
		h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e;
	}
	for (off = 0; off < 5; off++) {
		out[4 * off] = (uint8_t) (h[off] >> 24);
		out[4 * off + 1] = (uint8_t) (h[off] >> 16);
		out[4 * off + 2] = (uint8_t) (h[off] >> 8);
		out[4 * off + 3] = (uint8_t) h[off];
	}
}

static size_t base64(const uint8_t *in, size_t len, char *out)
{
	static const char tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	size_t i, o = 0;

	for (i = 0; i + 2 < len; i += 3) {
		uint32_t v = (uint32_t) in[i] << 16 | (uint32_t) in[i + 1] << 8 | in[i + 2];
		out[o++] = tab[v >> 18]; out[o++] = tab[(v >> 12) & 63];
		out[o++] = tab[(v >> 6) & 63]; out[o++] = tab[v & 63];
	}
	if (i < len) {
		uint32_t v = (uint32_t) in[i] << 16 | (i + 1 < len ? (uint32_t) in[i + 1] << 8 : 0);
		out[o++] = tab[v >> 18]; out[o++] = tab[(v >> 12) & 63];
		out[o++] = i + 1 < len ? tab[(v >> 6) & 63] : '=';
		out[o++] = '=';
	}
	out[o] = '\0';
	return o;
}

/* RFC 6455 4.2.2: base64(SHA-1(key + GUID)); out needs 29 bytes. */
static void ws_accept(const char *key, size_t key_len, char out[29])
{
	static const char guid[] = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
	uint8_t buf[128], dig[20];

	if (key_len > sizeof(buf) - (sizeof(guid) - 1)) {
		key_len = sizeof(buf) - (sizeof(guid) - 1);
	}
	memcpy(buf, key, key_len);
	memcpy(buf + key_len, guid, sizeof(guid) - 1);
	sha1(buf, key_len + sizeof(guid) - 1, dig);
	base64(dig, 20, out);
}

#endif
