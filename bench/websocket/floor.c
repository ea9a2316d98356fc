/* The "floor" WebSocket server: the least work a server on libevent can do
 * for bench/websocket's echo and broadcast, as the lower bound to judge
 * Async\WebSocketServer by. Fixed, minimal handshake parsing; frames are read
 * from one shared buffer, unmasked in place and written back with a single
 * send(); a message whose first byte is 'B' goes to every other open client,
 * one send() per recipient. No validation (UTF-8, RSV bits, sizes, opcodes
 * beyond close/ping), no fragmentation handling, no PHP.
 *   cc -O2 -o floor floor.c -levent
 *   ./floor PORT        (127.0.0.1 only; prints "LISTENING 127.0.0.1:PORT")
 *   ./floor PORT --bev  the same frame handling, but on libevent bufferevents
 *                       as Async\WebSocketServer uses them (reads through
 *                       evbuffer_read, writes queued to the output evbuffer and
 *                       sent when EV_WRITE fires): isolates libevent's share.
 *   ./floor PORT --bev-wt  bufferevents, but "write-through": send() at once when
 *                       the output evbuffer is empty, queue only what the socket
 *                       did not take (what a fix in async could save). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <event2/event.h>
#include <event2/buffer.h>
#include <event2/bufferevent.h>
#include "common.h"

#define BUF_SIZE (1 << 20)   /* largest frame accepted: 1 MiB */

typedef struct conn {
	int fd;
	int open;                 /* handshake done */
	int index;                /* in open_conns, -1 if not there */
	struct event *rev, *wev;
	struct bufferevent *bev;  /* --bev mode */
	uint8_t *keep;            /* a partial frame (or request) kept between reads */
	size_t keep_len;
	uint8_t *out;             /* what send() could not take yet */
	size_t out_len, out_off;
} conn;

static struct event_base *base;
static uint8_t *rbuf;
static conn **open_conns;
static int n_open, cap_open;
static int bev_mode, bev_write_through;

static void conn_free(conn *c)
{
	if (c->index >= 0) {
		open_conns[c->index] = open_conns[--n_open];
		open_conns[c->index]->index = c->index;
	}
	if (c->bev) {
		bufferevent_free(c->bev); /* closes the socket */
	} else {
		event_free(c->rev);
		event_free(c->wev);
		close(c->fd);
	}
	free(c->keep);
	free(c->out);
	free(c);
}

/* Writes now; what the socket does not take waits for EV_WRITE. */
static int conn_write(conn *c, const uint8_t *p, size_t len)
{
	ssize_t n = 0;

	if (c->bev) {
		struct evbuffer *out = bufferevent_get_output(c->bev);
		if (bev_write_through && evbuffer_get_length(out) == 0) {
			n = send(c->fd, p, len, MSG_NOSIGNAL | MSG_DONTWAIT);
			if (n < 0) {
				if (errno != EAGAIN && errno != EWOULDBLOCK) {
					return -1;
				}
				n = 0;
			}
			if ((size_t) n == len) {
				return 0;
			}
		}
		return evbuffer_add(out, p + n, len - (size_t) n);
	}
	if (c->out_len == c->out_off) {
		n = send(c->fd, p, len, MSG_NOSIGNAL | MSG_DONTWAIT);
		if (n < 0) {
			if (errno != EAGAIN && errno != EWOULDBLOCK) {
				return -1;
			}
			n = 0;
		}
		if ((size_t) n == len) {
			return 0;
		}
	}
	if (c->out_off) {
		memmove(c->out, c->out + c->out_off, c->out_len - c->out_off);
		c->out_len -= c->out_off;
		c->out_off = 0;
	}
	c->out = realloc(c->out, c->out_len + len - (size_t) n);
	memcpy(c->out + c->out_len, p + n, len - (size_t) n);
	c->out_len += len - (size_t) n;
	event_add(c->wev, NULL);
	return 0;
}

static void write_cb(evutil_socket_t fd, short what, void *arg)
{
	conn *c = arg;
	ssize_t n = send(fd, c->out + c->out_off, c->out_len - c->out_off, MSG_NOSIGNAL | MSG_DONTWAIT);

	if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
		conn_free(c);
		return;
	}
	if (n > 0) {
		c->out_off += (size_t) n;
	}
	if (c->out_off < c->out_len) {
		event_add(c->wev, NULL);
	} else {
		c->out_off = c->out_len = 0;
	}
}

/* Fixed minimal parsing: the Sec-WebSocket-Key header, then 101. */
static int handshake(conn *c, uint8_t *buf, size_t len, size_t *used)
{
	char *end, *key, *eol, accept[29], resp[256];
	int n;

	buf[len] = '\0';
	end = strstr((char *) buf, "\r\n\r\n");
	if (!end) {
		*used = 0;
		return len > 8192 ? -1 : 0;
	}
	*used = (size_t) (end + 4 - (char *) buf);
	key = strcasestr((char *) buf, "\r\nSec-WebSocket-Key:");
	if (!key || key > end) {
		return -1;
	}
	key += 20;
	while (*key == ' ') {
		key++;
	}
	eol = strstr(key, "\r\n");
	while (eol > key && eol[-1] == ' ') {
		eol--;
	}
	ws_accept(key, (size_t) (eol - key), accept);
	n = snprintf(resp, sizeof(resp), "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
		"Connection: Upgrade\r\nSec-WebSocket-Accept: %s\r\n\r\n", accept);
	if (conn_write(c, (uint8_t *) resp, (size_t) n) < 0) {
		return -1;
	}
	c->open = 1;
	if (n_open == cap_open) {
		cap_open = cap_open ? cap_open * 2 : 1024;
		open_conns = realloc(open_conns, sizeof(*open_conns) * (size_t) cap_open);
	}
	c->index = n_open;
	open_conns[n_open++] = c;
	return 1;
}

/* Unmasks four bytes at a time. */
static void unmask(uint8_t *p, size_t len, const uint8_t mask[4])
{
	uint32_t m;
	size_t i = 0;

	memcpy(&m, mask, 4);
	for (; i + 4 <= len; i += 4) {
		uint32_t v;
		memcpy(&v, p + i, 4);
		v ^= m;
		memcpy(p + i, &v, 4);
	}
	for (; i < len; i++) {
		p[i] ^= mask[i & 3];
	}
}

/* Handles whole frames in buf; returns bytes used, or -1 to drop the client. */
static ssize_t frames(conn *c, uint8_t *buf, size_t len)
{
	size_t off = 0;

	while (len - off >= 2) {
		uint8_t *f = buf + off, *mask, *payload, *hdr;
		uint64_t plen = f[1] & 0x7f;
		size_t hlen = 2, shlen;
		uint8_t opcode = f[0] & 0x0f;

		if (plen == 126) {
			hlen = 4;
		} else if (plen == 127) {
			hlen = 10;
		}
		if (!(f[1] & 0x80) || len - off < hlen + 4) {
			if (!(f[1] & 0x80)) {
				return -1; /* unmasked client frame */
			}
			break;
		}
		if (plen == 126) {
			plen = (uint64_t) f[2] << 8 | f[3];
		} else if (plen == 127) {
			int i;
			plen = 0;
			for (i = 2; i < 10; i++) {
				plen = plen << 8 | f[i];
			}
		}
		if (plen > BUF_SIZE - 64) {
			return -1;
		}
		if (len - off < hlen + 4 + plen) {
			break;
		}
		mask = f + hlen;
		payload = mask + 4;
		unmask(payload, (size_t) plen, mask);
		/* the server's header, unmasked, goes right before the payload */
		shlen = hlen;
		hdr = payload - shlen;
		hdr[0] = f[0];
		hdr[1] = plen < 126 ? (uint8_t) plen : plen <= 0xffff ? 126 : 127;
		if (shlen == 4) {
			hdr[2] = (uint8_t) (plen >> 8);
			hdr[3] = (uint8_t) plen;
		} else if (shlen == 10) {
			int i;
			for (i = 0; i < 8; i++) {
				hdr[2 + i] = (uint8_t) (plen >> (56 - 8 * i));
			}
		}
		off += hlen + 4 + (size_t) plen;
		if (opcode == 0x8) {               /* close: answer it and go */
			conn_write(c, hdr, shlen + (size_t) plen);
			return -1;
		}
		if (opcode == 0x9) {               /* ping: pong */
			hdr[0] = (uint8_t) ((hdr[0] & 0xf0) | 0xA);
		} else if (opcode == 0xA) {
			continue;
		} else if (plen > 0 && payload[0] == 'B') {
			int i, n = n_open;
			for (i = 0; i < n && i < n_open; i++) {
				conn *r = open_conns[i];
				if (r != c && conn_write(r, hdr, shlen + (size_t) plen) < 0) {
					/* a dead recipient: let its own read event drop it */
					shutdown(r->fd, SHUT_RDWR);
				}
			}
			continue;
		}
		if (conn_write(c, hdr, shlen + (size_t) plen) < 0) {
			return -1;
		}
	}
	return (ssize_t) off;
}

static void read_cb(evutil_socket_t fd, short what, void *arg)
{
	conn *c = arg;
	size_t have = c->keep_len, used = 0;
	ssize_t n;

	if (have) {
		memcpy(rbuf, c->keep, have);
	}
	n = recv(fd, rbuf + have, BUF_SIZE - have - 1, 0);
	if (n <= 0) {
		if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
			return;
		}
		conn_free(c);
		return;
	}
	have += (size_t) n;
	if (!c->open) {
		int r = handshake(c, rbuf, have, &used);
		if (r < 0) {
			conn_free(c);
			return;
		}
	}
	if (c->open && used < have) {
		ssize_t u = frames(c, rbuf + used, have - used);
		if (u < 0) {
			conn_free(c);
			return;
		}
		used += (size_t) u;
	}
	if (used == have) {
		if (c->keep) {
			free(c->keep);
			c->keep = NULL;
		}
		c->keep_len = 0;
	} else {
		/* keep the partial frame or request for the next read */
		c->keep_len = have - used;
		c->keep = realloc(c->keep, c->keep_len);
		memcpy(c->keep, rbuf + used, c->keep_len);
	}
}

/* --bev: the same work, reading from the bufferevent's input evbuffer */
static void bev_read_cb(struct bufferevent *bev, void *arg)
{
	conn *c = arg;
	struct evbuffer *in = bufferevent_get_input(bev);
	size_t have = evbuffer_get_length(in), used = 0;

	if (have > BUF_SIZE - 1) {
		have = BUF_SIZE - 1;
	}
	evbuffer_copyout(in, rbuf, have);
	if (!c->open) {
		if (handshake(c, rbuf, have, &used) < 0) {
			conn_free(c);
			return;
		}
	}
	if (c->open && used < have) {
		ssize_t u = frames(c, rbuf + used, have - used);
		if (u < 0) {
			conn_free(c);
			return;
		}
		used += (size_t) u;
	}
	evbuffer_drain(in, used);
}

static void bev_event_cb(struct bufferevent *bev, short what, void *arg)
{
	conn_free(arg);
}

static void accept_cb(evutil_socket_t lfd, short what, void *arg)
{
	int i;

	for (i = 0; i < 64; i++) {
		int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC), one = 1;
		conn *c;
		if (fd < 0) {
			if (errno == EMFILE || errno == ENFILE) {
				fprintf(stderr, "floor: accept: %s\n", strerror(errno));
			}
			return;
		}
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		c = calloc(1, sizeof(*c));
		c->fd = fd;
		c->index = -1;
		if (bev_mode) {
			c->bev = bufferevent_socket_new(base, fd, BEV_OPT_CLOSE_ON_FREE);
			bufferevent_setcb(c->bev, bev_read_cb, NULL, bev_event_cb, c);
			bufferevent_enable(c->bev, EV_READ | EV_WRITE);
			continue;
		}
		c->rev = event_new(base, fd, EV_READ | EV_PERSIST, read_cb, c);
		c->wev = event_new(base, fd, EV_WRITE, write_cb, c);
		event_add(c->rev, NULL);
	}
}

int main(int argc, char **argv)
{
	struct sockaddr_in sa;
	socklen_t sl = sizeof(sa);
	int lfd, one = 1;
	struct event *lev;

	if (argc < 2) {
		fprintf(stderr, "usage: %s PORT\n", argv[0]);
		return 2;
	}
	bev_mode = argc > 2 && strncmp(argv[2], "--bev", 5) == 0;
	bev_write_through = argc > 2 && strcmp(argv[2], "--bev-wt") == 0;
	raise_nofile();
	signal(SIGPIPE, SIG_IGN);
	rbuf = malloc(BUF_SIZE);
	base = event_base_new();
	lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t) atoi(argv[1]));
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (bind(lfd, (struct sockaddr *) &sa, sizeof(sa)) < 0 || listen(lfd, 4096) < 0) {
		perror("floor: bind/listen");
		return 1;
	}
	getsockname(lfd, (struct sockaddr *) &sa, &sl);
	printf("LISTENING 127.0.0.1:%d\n", ntohs(sa.sin_port));
	fflush(stdout);
	lev = event_new(base, lfd, EV_READ | EV_PERSIST, accept_cb, NULL);
	event_add(lev, NULL);
	event_base_dispatch(base);
	return 0;
}
