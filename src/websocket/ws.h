/* The WebSocket server's objects: Async\WebSocketServer and its
 * Async\WebSocket\Connection objects, shared by server.c (listening,
 * options, broadcast, stop), connection.c (handshake, frames, wslay), io.c
 * (the socket: reads, the output queue, TLS) and request.c. */
#ifndef PHP_ASYNC_WS_H
#define PHP_ASYNC_WS_H

#include "php_async_compat.h"
#include <event2/bufferevent.h>
#include <event2/listener.h>
#include <openssl/ssl.h>
#include <wslay/wslay.h>

typedef enum {
	PHP_ASYNC_WS_SERVER_NEW = 0,
	PHP_ASYNC_WS_SERVER_LISTENING,
	PHP_ASYNC_WS_SERVER_STOPPING,
	PHP_ASYNC_WS_SERVER_STOPPED
} php_async_ws_server_state;

typedef enum {
	PHP_ASYNC_WS_HANDSHAKE = 0,
	PHP_ASYNC_WS_OPEN,
	PHP_ASYNC_WS_CLOSING,        /* a close frame went out or came in */
	PHP_ASYNC_WS_CLOSED
} php_async_ws_conn_state;

typedef struct {
	size_t max_message_size;
	size_t max_header_size;
	size_t send_buffer_limit;
	zend_long max_connections;
	zend_long backlog;
	double handshake_timeout;
	double idle_timeout;         /* 0: none */
	double ping_interval;        /* 0: none */
	char **allowed_origins;      /* NULL-terminated, or NULL: any */
	char **subprotocols;         /* NULL-terminated, or NULL */
	zend_string *tls_cert, *tls_key, *tls_passphrase, *tls_ca;
} php_async_ws_options;

typedef struct php_async_ws_server php_async_ws_server;

typedef struct php_async_ws_message {
	struct php_async_ws_message *next;
	zend_string *data;
	bool binary;
} php_async_ws_message;

/* A frame waiting to go out: a header of its own and a payload it may share
 * (a broadcast) or own; off counts the bytes of both already written. */
typedef struct php_async_ws_out {
	struct php_async_ws_out *next;
	const unsigned char *data;
	size_t len;
	size_t off;
	void (*cleanup)(const void *data, size_t len, void *arg);
	void *arg;
	unsigned char hdr[10];
	uint8_t hlen;
} php_async_ws_out;

typedef struct {
	/* Touched by every message: kept together at the start. */
	php_async_ws_server *server;     /* NULL once closed and let go */
	evutil_socket_t fd;              /* plain TCP: our socket; -1 with TLS and once released */
	uint8_t state;
	bool task_queued;                /* a processing microtask is pending */
	bool readable;                   /* plain TCP: the socket has input to read (io.c) */
	bool eof;                        /* the peer closed or the socket failed */
	bool timed_out;
	zend_ulong close_timer;          /* CLOSING: the loop timer that ends the wait (CLOSE_TIMEOUT) */
	bool in_message;                 /* a fragmented message is half received */
	bool awaiting_pong;
	bool rx_scratch;                 /* rx points into the server's read buffer */
	struct event *rev;               /* plain TCP: reads and the read timeouts */
	struct event *wev;               /* plain TCP: made when the socket first refuses bytes */
	const unsigned char *rx;         /* input being parsed: rx_len bytes (io.c) */
	size_t rx_len;
	unsigned char *in;               /* input kept between reads: a partial frame, the handshake */
	size_t in_len, in_cap;
	php_async_ws_out *outq_head, *outq_tail;   /* whole frames not written yet */
	size_t outq_bytes;
	php_async_ws_message *inbox_head, *inbox_tail;
	wslay_event_context_ptr ws;
	uint64_t frame_left;             /* bytes of the current frame wslay may still read */

	struct bufferevent *bev;         /* TLS: bufferevent_openssl does the I/O */
	zend_ulong id;
	bool reject_busy;                /* over max_connections: answer 503 */
	bool http_error;                 /* an HTTP error answer is being written */
	bool open_notified;
	bool fail_after_flush;           /* protocol error: drop once the close frame is out */
	uint16_t pending_fail;           /* a close code for input refused inside a wslay callback */
	uint16_t close_code;
	zend_string *head;               /* the handshake request, for request() */
	zend_string *subprotocol_name;   /* the one agreed on, or NULL */
	zval request;                    /* Request object, made on first use */
	zend_string *close_reason;
	char remote[64];
	zend_object std;
} php_async_ws_conn;

struct php_async_ws_server {
	zend_string *uri;
	zval listener;
	zend_function *on_open, *on_message, *on_close, *on_error;
	php_async_ws_options opt;
	bool tls;
	uint8_t state;
	struct evconnlistener *evl;
	SSL_CTX *ssl_ctx;
	HashTable conns;                 /* id => Connection zval (owning) */
	zend_ulong last_id;
	zend_string *address;
	zval stop_promise;
	zend_ulong stop_timer, ping_timer;
	unsigned char *rbuf;             /* plain TCP reads land here first (io.c), made on first use */
	zend_object std;
};

static zend_always_inline php_async_ws_server *php_async_ws_server_from_obj(zend_object *obj)
{
	return (php_async_ws_server *) ((char *) obj - XtOffsetOf(php_async_ws_server, std));
}

static zend_always_inline php_async_ws_conn *php_async_ws_conn_from_obj(zend_object *obj)
{
	return (php_async_ws_conn *) ((char *) obj - XtOffsetOf(php_async_ws_conn, std));
}

extern zend_class_entry *php_async_ws_server_ce;
extern zend_class_entry *php_async_ws_listener_ce;
extern zend_class_entry *php_async_ws_conn_ce;
extern zend_class_entry *php_async_ws_request_ce;
extern zend_class_entry *php_async_ws_conn_exception_ce;
extern zend_class_entry *php_async_ws_handshake_exception_ce;

void php_async_ws_minit(zend_class_entry *server_ce, zend_class_entry *listener_ce, zend_class_entry *conn_ce,
	zend_class_entry *request_ce, zend_class_entry *conn_exception_ce, zend_class_entry *handshake_exception_ce);
void php_async_ws_rshutdown(void);
void php_async_ws_after_fork(void);

/* connection.c */
void php_async_ws_conn_minit(void);
/* Takes an accepted socket: a new Connection in the server's table. */
void php_async_ws_conn_accept(php_async_ws_server *server, evutil_socket_t fd, struct sockaddr *addr, int addrlen);
void php_async_ws_conn_release_io(php_async_ws_conn *c);
/* Starts the closing handshake; hard: drop the socket now, no handshake. */
void php_async_ws_conn_close(php_async_ws_conn *c, uint16_t code, const char *reason, size_t reason_len, bool hard);
/* Queues a data frame, its header and a payload the queue keeps a reference
 * to (a broadcast shares one string); false when the connection is not open
 * or was closed now for going over send_buffer_limit. */
bool php_async_ws_conn_write_frame(php_async_ws_conn *c, const unsigned char *hdr, size_t hlen, zend_string *data);
void php_async_ws_conn_ping(php_async_ws_conn *c, const char *payload, size_t len);

/* The connection still has its socket. */
static zend_always_inline bool php_async_ws_io_live(const php_async_ws_conn *c)
{
	return c->fd >= 0 || c->bev;
}

/* Queues the connection's processing microtask (from libevent callbacks). */
void php_async_ws_conn_queue_process(php_async_ws_conn *c);

/* io.c: the transport. Plain TCP is our own socket, events and queue; TLS
 * is a bufferevent_openssl. The input being parsed is c->rx, c->rx_len:
 * io_input() points it at all input not parsed yet (reading first when the
 * socket said so), the parser advances it, and io_input_done() keeps the
 * rest. Nothing may call PHP in between: plain TCP input may sit in the
 * server's read buffer, which the next connection reads into. */
bool php_async_ws_io_open(php_async_ws_conn *c, struct event_base *base, evutil_socket_t fd);
void php_async_ws_io_release(php_async_ws_conn *c);
void php_async_ws_io_input(php_async_ws_conn *c);
void php_async_ws_io_input_done(php_async_ws_conn *c);
void php_async_ws_io_drop_input(php_async_ws_conn *c);
void php_async_ws_io_set_read_timeout(php_async_ws_conn *c, double seconds);
void php_async_ws_io_stop_reading(php_async_ws_conn *c);
/* Sends a frame behind those queued, straight to the socket when none is;
 * takes over the payload's reference (cleanup NULL: bytes lent for the
 * call only, copied if they must wait). */
void php_async_ws_io_send(php_async_ws_conn *c, const unsigned char *hdr, size_t hlen, const unsigned char *data,
	size_t len, void (*cleanup)(const void *data, size_t len, void *arg), void *arg);
/* Sends a string, taking over the reference. */
void php_async_ws_io_send_string(php_async_ws_conn *c, zend_string *s);
/* Sends a header and a string the caller keeps (a reference is added). */
void php_async_ws_io_send_ref(php_async_ws_conn *c, const unsigned char *hdr, size_t hlen, zend_string *s);
/* Bytes queued and not written yet. */
size_t php_async_ws_io_pending(const php_async_ws_conn *c);
void php_async_ws_io_drop_output(php_async_ws_conn *c);

/* server.c: called by a connection when it is gone for good. */
void php_async_ws_server_forget(php_async_ws_server *server, php_async_ws_conn *c);
/* Calls a listener method with the connection and more arguments; an
 * exception goes to onError (then the loop's error handler). */
void php_async_ws_call_listener(php_async_ws_server *server, zend_function *fn, php_async_ws_conn *c,
	uint32_t argc, zval *argv);

/* request.c */
void php_async_ws_request_minit(void);
void php_async_ws_request_create(php_async_ws_conn *c, zval *out);

/* A client frame's header (RFC 6455 5.2): its length (mask key included)
 * and the payload length it gives, without judging either; false while the
 * header is not all in the n bytes at h. */
static zend_always_inline bool php_async_ws_frame_lengths(const unsigned char *h, size_t n, size_t *hlen, uint64_t *plen)
{
	uint64_t len;
	size_t need;

	if (n < 2) {
		return false;
	}
	len = h[1] & 0x7f;
	need = 2 + ((h[1] & 0x80) ? 4 : 0) + (len == 126 ? 2 : len == 127 ? 8 : 0);
	if (n < need) {
		return false;
	}
	if (len == 126) {
		len = ((uint64_t) h[2] << 8) | h[3];
	} else if (len == 127) {
		int i;
		for (len = 0, i = 2; i < 10; i++) {
			len = (len << 8) | h[i];
		}
	}
	*hlen = need;
	*plen = len;
	return true;
}

/* frame.c: a server frame (unmasked), header and payload. */
size_t php_async_ws_frame_header(unsigned char out[10], uint8_t opcode, size_t payload_len);
/* Copies n bytes of a client frame's payload, from offset on, unmasking
 * them (RFC 6455 5.3); dst may be src. */
void php_async_ws_unmask_copy(unsigned char *dst, const unsigned char *src, size_t n, const unsigned char key[4],
	size_t offset);
/* RFC 3629 UTF-8, as RFC 6455 8.1 wants of text messages. */
bool php_async_ws_utf8_valid(const unsigned char *s, size_t n);

#endif
