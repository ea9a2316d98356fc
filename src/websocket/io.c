/* A connection's transport: bytes in and out, nothing of the protocol.
 * Plain TCP is our own socket with two raw events and a queue of whole
 * frames, as the floor server in bench/websocket has: libevent's bufferevent
 * and its two evbuffers cost cache misses on every message. TLS stays on
 * bufferevent_openssl. */
#include "php_async_compat.h"
#include "php_async.h"
#include "loop/loop.h"
#include "websocket/ws.h"

#include <event2/buffer.h>
#include <event2/bufferevent_ssl.h>
#include <sys/socket.h>
#include <sys/uio.h>

#define READ_STEP (256 * 1024) /* the most read at once into a connection's own input */
#define READ_MIN  4096         /* the least asked for when the input holds a partial frame */
/* Plain TCP reads go to the server's buffer first: a whole frame is parsed
 * from there and only a partial one is kept by the connection. One buffer,
 * hot in the cache, for every connection; nothing allocated per read. */
#define RBUF_SIZE (64 * 1024)
#define IOV_BATCH 64           /* frames written by one sendmsg() */

/* TLS: the bufferevent's output is kept at most this full; whole frames
 * wait in outq beyond it. Dropping a slow client's queue then drops whole
 * frames only, and a broadcast to it costs a pointer per frame, not a copy. */
#define OUT_HIGH (64 * 1024)
#define OUT_LOW  (16 * 1024)

/* ---- the outgoing queue ------------------------------------------------------- */

static void out_free(php_async_ws_out *o)
{
	if (o->cleanup) {
		o->cleanup(o->data, o->len, o->arg);
	}
	efree(o);
}

static void outq_clear(php_async_ws_conn *c)
{
	php_async_ws_out *o = c->outq_head, *next;

	c->outq_head = c->outq_tail = NULL;
	c->outq_bytes = 0;
	for (; o; o = next) {
		next = o->next;
		out_free(o);
	}
}

static void frame_ref_cleanup(const void *data, size_t len, void *arg)
{
	zend_string_release((zend_string *) arg);
}

/* Queues a frame behind the others; off of its bytes are out already.
 * Takes over the payload's reference (cleanup may be NULL for bytes lent
 * only for the call, which are copied). */
static void outq_push(php_async_ws_conn *c, const unsigned char *hdr, size_t hlen, const unsigned char *data, size_t len,
		size_t off, void (*cleanup)(const void *data, size_t len, void *arg), void *arg)
{
	php_async_ws_out *o = emalloc(sizeof(*o));

	o->next = NULL;
	if (hlen) {
		memcpy(o->hdr, hdr, hlen);
	}
	o->hlen = (uint8_t) hlen;
	if (cleanup) {
		o->data = data;
		o->cleanup = cleanup;
		o->arg = arg;
	} else {
		zend_string *copy = zend_string_init((const char *) data, len, 0);
		o->data = (const unsigned char *) ZSTR_VAL(copy);
		o->cleanup = frame_ref_cleanup;
		o->arg = copy;
	}
	o->len = len;
	o->off = off;
	if (c->outq_tail) {
		c->outq_tail->next = o;
	} else {
		c->outq_head = o;
	}
	c->outq_tail = o;
	c->outq_bytes += hlen + len - off;
}

/* ---- plain TCP: writing --------------------------------------------------------- */

/* The socket failed: nothing more goes out, and the connection ends. */
static void write_failed(php_async_ws_conn *c)
{
	c->eof = true;
	outq_clear(c);
	if (c->wev) {
		event_del(c->wev);
	}
	php_async_ws_conn_queue_process(c);
}

static ssize_t send_iov(php_async_ws_conn *c, struct iovec *iov, int n)
{
	struct msghdr msg;
	ssize_t r;

	memset(&msg, 0, sizeof(msg));
	msg.msg_iov = iov;
	msg.msg_iovlen = (size_t) n;
	do {
		r = sendmsg(c->fd, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
	} while (r < 0 && errno == EINTR);
	return r;
}

/* Writes from the head of outq until the socket refuses more. */
static void tcp_flush(php_async_ws_conn *c)
{
	struct iovec iov[IOV_BATCH];
	php_async_ws_out *o;
	size_t offered, done;
	ssize_t r;
	int n;

	while (c->outq_head) {
		for (n = 0, offered = 0, o = c->outq_head; o && n + 2 <= IOV_BATCH; o = o->next) {
			size_t skip = o->off;
			if (skip < o->hlen) {
				iov[n].iov_base = o->hdr + skip;
				iov[n++].iov_len = o->hlen - skip;
				skip = 0;
			} else {
				skip -= o->hlen;
			}
			if (skip < o->len) {
				iov[n].iov_base = (void *) (o->data + skip);
				iov[n++].iov_len = o->len - skip;
			}
			offered += o->hlen + o->len - o->off;
		}
		r = send_iov(c, iov, n);
		if (r < 0) {
			if (errno != EAGAIN && errno != EWOULDBLOCK) {
				write_failed(c);
			}
			return;
		}
		c->outq_bytes -= (size_t) r;
		for (done = (size_t) r; (o = c->outq_head) && done >= o->hlen + o->len - o->off; ) {
			done -= o->hlen + o->len - o->off;
			c->outq_head = o->next;
			out_free(o);
		}
		if (!c->outq_head) {
			c->outq_tail = NULL;
			return;
		}
		c->outq_head->off += done;
		if ((size_t) r < offered) {
			return; /* the socket is full */
		}
	}
}

static void sock_write_cb(evutil_socket_t fd, short what, void *arg)
{
	php_async_ws_conn *c = arg;

	tcp_flush(c);
	if (!c->outq_head && c->wev) {
		event_del(c->wev);
		/* the output drained: a closing connection may now go */
		if (c->state != PHP_ASYNC_WS_OPEN) {
			php_async_ws_conn_queue_process(c);
		}
	}
}

/* Nothing queued: hand the frame to the kernel now, in one sendmsg(),
 * instead of arming a write event for the next pass and disarming it after
 * (two epoll_ctl() calls per message). What the socket does not take waits
 * in outq for the write event. */
static void tcp_send(php_async_ws_conn *c, const unsigned char *hdr, size_t hlen, const unsigned char *data, size_t len,
		void (*cleanup)(const void *data, size_t len, void *arg), void *arg)
{
	size_t off = 0;

	if (!c->outq_head) {
		struct iovec iov[2];
		ssize_t r;
		int n = 0;

		if (hlen) {
			iov[n].iov_base = (void *) hdr;
			iov[n++].iov_len = hlen;
		}
		if (len) {
			iov[n].iov_base = (void *) data;
			iov[n++].iov_len = len;
		}
		r = n ? send_iov(c, iov, n) : 0;
		if (r < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
			if (cleanup) {
				cleanup(data, len, arg);
			}
			write_failed(c);
			return;
		}
		if (r >= 0 && (size_t) r == hlen + len) {
			if (cleanup) {
				cleanup(data, len, arg);
			}
			return;
		}
		off = r > 0 ? (size_t) r : 0;
	}
	outq_push(c, hdr, hlen, data, len, off, cleanup, arg);
	if (!c->wev) {
		c->wev = event_new(event_get_base(c->rev), c->fd, EV_WRITE | EV_PERSIST, sock_write_cb, c);
		if (!c->wev) {
			write_failed(c);
			return;
		}
	}
	if (!event_pending(c->wev, EV_WRITE, NULL)) {
		event_add(c->wev, NULL);
	}
}

/* ---- TLS: the bufferevent's output ------------------------------------------------ */

/* Moves one frame into the output buffer: small payloads are copied, larger
 * ones referenced. Takes over the frame's reference. */
static void tls_out_write(php_async_ws_conn *c, const unsigned char *hdr, size_t hlen, const unsigned char *data,
		size_t len, void (*cleanup)(const void *data, size_t len, void *arg), void *arg)
{
	struct evbuffer *out = bufferevent_get_output(c->bev);

	if (hlen) {
		evbuffer_add(out, hdr, hlen);
	}
	if (len < 512 || !cleanup) {
		evbuffer_add(out, data, len);
		if (cleanup) {
			cleanup(data, len, arg);
		}
	} else if (evbuffer_add_reference(out, data, len, cleanup, arg) != 0) {
		cleanup(data, len, arg);
	}
}

/* Fills the output buffer from outq, up to OUT_HIGH. Pure C: safe inside a
 * libevent callback. */
static void tls_pump(php_async_ws_conn *c)
{
	struct evbuffer *out = bufferevent_get_output(c->bev);

	while (c->outq_head && evbuffer_get_length(out) < OUT_HIGH) {
		php_async_ws_out *o = c->outq_head;
		c->outq_head = o->next;
		if (!c->outq_head) {
			c->outq_tail = NULL;
		}
		c->outq_bytes -= o->hlen + o->len;
		tls_out_write(c, o->hdr, o->hlen, o->data, o->len, o->cleanup, o->arg);
		efree(o);
	}
}

static void tls_read_cb(struct bufferevent *bev, void *arg)
{
	php_async_ws_conn_queue_process(arg);
}

static void tls_write_cb(struct bufferevent *bev, void *arg)
{
	php_async_ws_conn *c = arg;

	tls_pump(c);
	/* The output drained: a closing connection may now go. */
	if (c->state != PHP_ASYNC_WS_OPEN) {
		php_async_ws_conn_queue_process(c);
	}
}

static void tls_event_cb(struct bufferevent *bev, short what, void *arg)
{
	php_async_ws_conn *c = arg;

	if (what & BEV_EVENT_TIMEOUT) {
		c->timed_out = true;
		/* libevent stops reading on a timeout: go on, to read the close
		 * frame that answers ours */
		bufferevent_enable(bev, EV_READ);
	}
	if (what & (BEV_EVENT_EOF | BEV_EVENT_ERROR)) {
		c->eof = true;
	}
	php_async_ws_conn_queue_process(c);
}

/* ---- sending, either way ---------------------------------------------------------- */

void php_async_ws_io_send(php_async_ws_conn *c, const unsigned char *hdr, size_t hlen, const unsigned char *data,
		size_t len, void (*cleanup)(const void *data, size_t len, void *arg), void *arg)
{
	if (c->fd >= 0) {
		tcp_send(c, hdr, hlen, data, len, cleanup, arg);
	} else if (!c->bev) {
		if (cleanup) {
			cleanup(data, len, arg);
		}
	} else if (!c->outq_head && evbuffer_get_length(bufferevent_get_output(c->bev)) < OUT_HIGH) {
		tls_out_write(c, hdr, hlen, data, len, cleanup, arg);
	} else {
		outq_push(c, hdr, hlen, data, len, 0, cleanup, arg);
	}
}

void php_async_ws_io_send_string(php_async_ws_conn *c, zend_string *s)
{
	php_async_ws_io_send(c, NULL, 0, (const unsigned char *) ZSTR_VAL(s), ZSTR_LEN(s), frame_ref_cleanup, s);
}

void php_async_ws_io_send_ref(php_async_ws_conn *c, const unsigned char *hdr, size_t hlen, zend_string *s)
{
	php_async_ws_io_send(c, hdr, hlen, (const unsigned char *) ZSTR_VAL(s), ZSTR_LEN(s), frame_ref_cleanup,
		zend_string_copy(s));
}

size_t php_async_ws_io_pending(const php_async_ws_conn *c)
{
	return c->outq_bytes + (c->bev ? evbuffer_get_length(bufferevent_get_output(c->bev)) : 0);
}

/* Drops the frames not written yet, but the one partly written: a close
 * frame may follow. */
void php_async_ws_io_drop_output(php_async_ws_conn *c)
{
	php_async_ws_out *head = c->outq_head;

	if (head && head->off) {
		c->outq_head = head->next;
		head->next = NULL;
		outq_clear(c);
		c->outq_head = c->outq_tail = head;
		c->outq_bytes = head->hlen + head->len - head->off;
	} else {
		outq_clear(c);
	}
}

/* ---- reading ---------------------------------------------------------------------- */

static void sock_read_cb(evutil_socket_t fd, short what, void *arg)
{
	php_async_ws_conn *c = arg;

	/* the microtask reads: into the server's buffer, which is only ever
	 * used within one connection's parsing */
	if (what & EV_TIMEOUT) {
		c->timed_out = true;
	} else {
		c->readable = true;
	}
	php_async_ws_conn_queue_process(c);
}

/* Room for n more bytes in the connection's own input. */
static void in_reserve(php_async_ws_conn *c, size_t n)
{
	if (c->in_cap - c->in_len < n) {
		size_t cap = c->in_cap * 2 > c->in_len + n ? c->in_cap * 2 : c->in_len + n;
		c->in = erealloc(c->in, cap);
		c->in_cap = cap;
	}
}

/* How much to read into the connection's own input: the rest of the frame
 * it starts with, when the header is in, else a few KiB. */
static size_t in_want(const php_async_ws_conn *c)
{
	uint64_t need = 0, plen;
	size_t hlen;

	if (c->state != PHP_ASYNC_WS_HANDSHAKE && php_async_ws_frame_lengths(c->in, c->in_len, &hlen, &plen)) {
		need = hlen + plen;
	}
	if (need <= c->in_len + READ_MIN) {
		return READ_MIN;
	}
	return need - c->in_len < READ_STEP ? (size_t) (need - c->in_len) : READ_STEP;
}

static void tcp_read(php_async_ws_conn *c)
{
	unsigned char *dst;
	size_t room;
	ssize_t r;

	c->readable = false;
	if (c->in_len == 0 && c->server) {
		if (!c->server->rbuf) {
			c->server->rbuf = emalloc(RBUF_SIZE);
		}
		dst = c->server->rbuf;
		room = RBUF_SIZE;
	} else {
		room = in_want(c);
		in_reserve(c, room);
		dst = c->in + c->in_len;
	}
	do {
		r = recv(c->fd, dst, room, 0);
	} while (r < 0 && errno == EINTR);
	if (r > 0) {
		if (dst == c->in + c->in_len) {
			c->in_len += (size_t) r;
		} else {
			c->rx = dst;
			c->rx_len = (size_t) r;
			c->rx_scratch = true;
		}
	} else if (r == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
		c->eof = true;
		event_del(c->rev);
	}
}

void php_async_ws_io_input(php_async_ws_conn *c)
{
	if (c->rx) {
		return; /* still parsing what was read */
	}
	if (c->fd >= 0) {
		if (c->readable) {
			tcp_read(c);
			if (c->rx) {
				return;
			}
		}
	} else if (c->bev) {
		struct evbuffer *in = bufferevent_get_input(c->bev);
		size_t n = evbuffer_get_length(in);
		if (n) {
			in_reserve(c, n);
			evbuffer_remove(in, c->in + c->in_len, n);
			c->in_len += n;
		}
	}
	c->rx = c->in;
	c->rx_len = c->in_len;
	c->rx_scratch = false;
}

void php_async_ws_io_input_done(php_async_ws_conn *c)
{
	if (!c->rx) {
		return;
	}
	if (c->rx_scratch) {
		/* a partial frame: the connection keeps it, with room for the
		 * whole frame when the header says how long it is */
		if (c->rx_len) {
			in_reserve(c, c->rx_len);
			memcpy(c->in, c->rx, c->rx_len);
			c->in_len = c->rx_len;
		}
	} else if (c->rx_len == 0) {
		/* all parsed: an idle connection holds no input buffer */
		if (c->in) {
			efree(c->in);
			c->in = NULL;
			c->in_len = c->in_cap = 0;
		}
	} else if (c->rx != c->in) {
		memmove(c->in, c->rx, c->rx_len);
		c->in_len = c->rx_len;
	}
	c->rx = NULL;
	c->rx_len = 0;
	c->rx_scratch = false;
}

void php_async_ws_io_drop_input(php_async_ws_conn *c)
{
	c->rx = NULL;
	c->rx_len = 0;
	c->rx_scratch = false;
	if (c->in) {
		efree(c->in);
		c->in = NULL;
	}
	c->in_len = c->in_cap = 0;
}

void php_async_ws_io_set_read_timeout(php_async_ws_conn *c, double seconds)
{
	struct timeval tv, *t = NULL;

	if (seconds > 0) {
		php_async_timeval_from_seconds(seconds, &tv);
		t = &tv;
	}
	if (c->bev) {
		bufferevent_set_timeouts(c->bev, t, NULL);
	} else if (c->rev && event_pending(c->rev, EV_READ, NULL)) {
		/* a persistent event's timeout restarts at every read, as a
		 * bufferevent's does; not when reading stopped. event_add() with
		 * no timeout keeps the one set before. */
		if (t) {
			event_add(c->rev, t);
		} else {
			event_remove_timer(c->rev);
		}
	}
}

void php_async_ws_io_stop_reading(php_async_ws_conn *c)
{
	if (c->bev) {
		bufferevent_disable(c->bev, EV_READ);
	}
	if (c->rev) {
		event_del(c->rev);
	}
	c->readable = false;
}

/* ---- the socket's life -------------------------------------------------------------- */

bool php_async_ws_io_open(php_async_ws_conn *c, struct event_base *base, evutil_socket_t fd)
{
	SSL_CTX *ssl_ctx = c->server->ssl_ctx;

	if (!ssl_ctx) {
		c->rev = event_new(base, fd, EV_READ | EV_PERSIST, sock_read_cb, c);
		if (!c->rev) {
			return false;
		}
		c->fd = fd;
		event_add(c->rev, NULL);
		return true;
	}
	{
		SSL *ssl = SSL_new(ssl_ctx);
		c->bev = ssl ? bufferevent_openssl_socket_new(base, fd, ssl, BUFFEREVENT_SSL_ACCEPTING, BEV_OPT_CLOSE_ON_FREE)
			: NULL;
		if (!c->bev) {
			if (ssl) {
				SSL_free(ssl);
			}
			return false;
		}
	}
	/* browsers may close without close_notify */
	bufferevent_openssl_set_allow_dirty_shutdown(c->bev, 1);
	bufferevent_set_max_single_read(c->bev, READ_STEP);
	bufferevent_setcb(c->bev, tls_read_cb, tls_write_cb, tls_event_cb, c);
	bufferevent_setwatermark(c->bev, EV_WRITE, OUT_LOW, 0);
	bufferevent_enable(c->bev, EV_READ | EV_WRITE);
	return true;
}

void php_async_ws_io_release(php_async_ws_conn *c)
{
	outq_clear(c);
	if (c->wev) {
		event_free(c->wev);
		c->wev = NULL;
	}
	if (c->rev) {
		event_free(c->rev);
		c->rev = NULL;
	}
	if (c->fd >= 0) {
		evutil_closesocket(c->fd);
		c->fd = -1;
	}
	if (c->bev) {
		bufferevent_free(c->bev);
		c->bev = NULL;
	}
	php_async_ws_io_drop_input(c);
}
