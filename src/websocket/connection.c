/* One WebSocket connection: the HTTP handshake, then frames, the common ones
 * parsed here and the rest through wslay. The transport (io.c) only queues a
 * microtask from libevent's callbacks; all parsing and every call into PHP
 * happens in that microtask, outside any libevent or wslay frame, so a
 * listener may close or drop the connection. */
#include "php_async_compat.h"
#include "php_async.h"
#include "common/errors.h"
#include "loop/loop.h"
#include "websocket/ws.h"
#include "websocket/handshake.h"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <arpa/inet.h>
#include <sys/socket.h>

zend_class_entry *php_async_ws_conn_ce;
static zend_object_handlers conn_handlers;

#define CLOSE_TIMEOUT 5.0 /* seconds to wait for the peer's close frame */

static bool within_limit(php_async_ws_conn *c);

/* ---- the object ----------------------------------------------------------- */

static zend_object *conn_create(zend_class_entry *ce)
{
	php_async_ws_conn *c = zend_object_alloc(sizeof(php_async_ws_conn), ce);

	zend_object_std_init(&c->std, ce);
	object_properties_init(&c->std, ce);
	c->std.handlers = &conn_handlers;
	c->state = PHP_ASYNC_WS_HANDSHAKE;
	c->fd = -1;
	ZVAL_UNDEF(&c->request);
	return &c->std;
}

static void inbox_clear(php_async_ws_conn *c)
{
	php_async_ws_message *m = c->inbox_head, *next;

	c->inbox_head = c->inbox_tail = NULL;
	for (; m; m = next) {
		next = m->next;
		zend_string_release(m->data);
		efree(m);
	}
}

/* Frees the socket, the wslay context and the queues; never calls PHP. */
void php_async_ws_conn_release_io(php_async_ws_conn *c)
{
	php_async_ws_io_release(c);
	if (c->ws) {
		wslay_event_context_free(c->ws);
		c->ws = NULL;
	}
	inbox_clear(c);
}

static void conn_free(zend_object *obj)
{
	php_async_ws_conn *c = php_async_ws_conn_from_obj(obj);

	php_async_ws_conn_release_io(c);
	if (c->head) {
		zend_string_release(c->head);
	}
	if (c->close_reason) {
		zend_string_release(c->close_reason);
	}
	if (c->subprotocol_name) {
		zend_string_release(c->subprotocol_name);
	}
	zval_ptr_dtor(&c->request);
	zend_object_std_dtor(obj);
}

static HashTable *conn_get_gc(PHP_ASYNC_OBJ_PARAM, zval **table, int *n)
{
	php_async_ws_conn *c = php_async_ws_conn_from_obj(PHP_ASYNC_OBJ_FROM_PARAM());
	*table = &c->request;
	*n = Z_ISUNDEF(c->request) ? 0 : 1;
	return PHP_ASYNC_OBJ_FROM_PARAM()->properties; /* dynamic ones: PHP 7.4 allows them */
}

/* ---- logging ---------------------------------------------------------------- */

static void log_conn(php_async_ws_conn *c, const char *fmt, ...) ZEND_ATTRIBUTE_FORMAT(printf, 2, 3);
static void log_conn(php_async_ws_conn *c, const char *fmt, ...)
{
	va_list va;
	char *msg = NULL;

	va_start(va, fmt);
	zend_vspprintf(&msg, 0, fmt, va);
	va_end(va);
	php_log_err_with_severity(msg, LOG_NOTICE);
	efree(msg);
}

/* ---- scheduling: libevent callbacks queue, the microtask works ----------- */

static void process(zend_object *obj, void *data);
static const php_async_microtask_ops process_task = { process, NULL };

void php_async_ws_conn_queue_process(php_async_ws_conn *c)
{
	php_async_loop *loop = ASYNC_G(loop);

	if (c->task_queued || !loop) {
		return;
	}
	c->task_queued = true;
	GC_ADDREF(&c->std);
	php_async_loop_queue_microtask(loop, &process_task, &c->std, NULL);
}

/* ---- wslay glue ------------------------------------------------------------ */

/* How many bytes of input wslay may read now. wslay is handed whole frames
 * only, so when it stops it holds no partial frame and its context (8.8 KB)
 * can be freed between messages: an idle connection costs only its socket.
 * What must be refused from the header alone (a frame over max_message_size,
 * a bad length, an oversized control frame) is never buffered: pending_fail
 * says why, and frames() fails the connection. */
static size_t frame_budget(php_async_ws_conn *c)
{
	const unsigned char *h = c->rx;
	size_t avail = c->rx_len, hlen;
	uint64_t plen;

	if (c->frame_left) {
		return avail < c->frame_left ? avail : (size_t) c->frame_left;
	}
	if (!php_async_ws_frame_lengths(h, avail, &hlen, &plen)) {
		return 0;
	}
	if ((h[1] & 0x7f) == 127 && (h[2] & 0x80)) {
		c->pending_fail = 1002; /* RFC 6455 5.2: the most significant bit must be 0 */
		return 0;
	}
	if ((h[0] & 0x08) && plen > 125) {
		c->pending_fail = 1002; /* a control frame's payload is at most 125 bytes */
		return 0;
	}
	if (plen > c->server->opt.max_message_size) {
		c->pending_fail = 1009; /* refused from the header: never buffer it */
		return 0;
	} else if (avail < hlen + plen) {
		return 0;             /* wait for the whole frame */
	} else {
		c->frame_left = hlen + plen;
	}
	return avail < c->frame_left ? avail : (size_t) c->frame_left;
}

/* A received message, delivered after the input is parsed. */
static void inbox_push(php_async_ws_conn *c, zend_string *data, bool binary)
{
	php_async_ws_message *m = emalloc(sizeof(*m));

	m->next = NULL;
	m->data = data;
	m->binary = binary;
	if (c->inbox_tail) {
		c->inbox_tail->next = m;
	} else {
		c->inbox_head = m;
	}
	c->inbox_tail = m;
}

/* The common case without wslay: a whole message in one frame (FIN, text or
 * binary, no RSV bits, masked, the shortest length encoding, at most
 * max_message_size) is copied once from the input into the string PHP gets,
 * and unmasked there a word at a time. wslay's frame layer unmasks a byte at
 * a time and copies the payload three times. Anything else (control frames,
 * fragments, invalid UTF-8, any protocol error) is left in the input for
 * wslay, which answers it as before. Only called between messages, with no
 * frame half read by wslay, so the order of frames is kept. Returns false
 * when the next frame is one for wslay, true when the input is used up or
 * holds only the start of a frame this path will take. */
static bool fast_frames(php_async_ws_conn *c)
{
	size_t max = c->server->opt.max_message_size;

	for (;;) {
		const unsigned char *h = c->rx;
		size_t avail = c->rx_len, hlen;
		uint64_t plen;
		zend_string *data;

		if (avail < 2) {
			return true;
		}
		if ((h[0] != 0x81 && h[0] != 0x82) || !(h[1] & 0x80)) {
			return false;
		}
		if (!php_async_ws_frame_lengths(h, avail, &hlen, &plen)) {
			return true;
		}
		if ((hlen == 8 && plen < 126) || (hlen == 14 && plen <= 0xffff)) {
			return false; /* not the shortest length encoding */
		}
		if (plen > max) {
			return false; /* frame_budget() refuses it from the header */
		}
		if (avail - hlen < plen) {
			return true; /* wait for the whole frame */
		}
		if (plen == 0) {
			data = ZSTR_EMPTY_ALLOC();
		} else {
			data = zend_string_alloc((size_t) plen, 0);
			php_async_ws_unmask_copy((unsigned char *) ZSTR_VAL(data), h + hlen, (size_t) plen, h + hlen - 4, 0);
			ZSTR_VAL(data)[plen] = '\0';
			if (h[0] == 0x81 && !php_async_ws_utf8_valid((const unsigned char *) ZSTR_VAL(data), (size_t) plen)) {
				zend_string_efree(data);
				return false; /* wslay closes with 1007, as for any text message */
			}
		}
		c->rx += hlen + (size_t) plen;
		c->rx_len -= hlen + (size_t) plen;
		inbox_push(c, data, h[0] == 0x82);
		c->awaiting_pong = false;
	}
}

static ssize_t ws_recv(wslay_event_context_ptr ctx, uint8_t *buf, size_t len, int flags, void *user)
{
	php_async_ws_conn *c = user;
	size_t budget = c->rx ? frame_budget(c) : 0, n = len < budget ? len : budget;

	if (n == 0) {
		wslay_event_set_error(ctx, WSLAY_ERR_WOULDBLOCK);
		return -1;
	}
	memcpy(buf, c->rx, n);
	c->rx += n;
	c->rx_len -= n;
	c->frame_left -= (uint64_t) n;
	return (ssize_t) n;
}

static void ws_on_frame_start(wslay_event_context_ptr ctx, const struct wslay_event_on_frame_recv_start_arg *arg, void *user)
{
	php_async_ws_conn *c = user;
	/* data frames: a message is in flight until its final fragment */
	if (arg->opcode == WSLAY_CONTINUATION_FRAME || arg->opcode == WSLAY_TEXT_FRAME || arg->opcode == WSLAY_BINARY_FRAME) {
		c->in_message = !arg->fin;
	}
}

static ssize_t ws_send(wslay_event_context_ptr ctx, const uint8_t *data, size_t len, int flags, void *user)
{
	php_async_ws_conn *c = user;

	/* Take it all, behind the data frames already queued (a close frame
	 * must follow them), so wslay never holds a partial frame. */
	if (!php_async_ws_io_live(c)) {
		wslay_event_set_error(ctx, WSLAY_ERR_CALLBACK_FAILURE);
		return -1;
	}
	php_async_ws_io_send(c, NULL, 0, data, len, NULL, NULL);
	return (ssize_t) len;
}

static void ws_on_msg(wslay_event_context_ptr ctx, const struct wslay_event_on_msg_recv_arg *arg, void *user)
{
	php_async_ws_conn *c = user;

	c->awaiting_pong = false;
	if (arg->opcode == WSLAY_TEXT_FRAME || arg->opcode == WSLAY_BINARY_FRAME) {
		inbox_push(c, arg->msg_length ? zend_string_init((const char *) arg->msg, arg->msg_length, 0) : ZSTR_EMPTY_ALLOC(),
			arg->opcode == WSLAY_BINARY_FRAME);
	} else if (arg->opcode == WSLAY_CONNECTION_CLOSE) {
		if (arg->msg_length == 1) {
			c->pending_fail = 1002; /* RFC 6455 5.5.1: a code is two bytes */
			return;
		}
		c->close_code = arg->status_code ? arg->status_code : 1005;
		if (c->close_reason) {
			zend_string_release(c->close_reason);
		}
		c->close_reason = arg->msg_length > 2
			? zend_string_init((const char *) arg->msg + 2, arg->msg_length - 2, 0)
			: ZSTR_EMPTY_ALLOC();
	}
}

static const struct wslay_event_callbacks ws_callbacks = {
	ws_recv, ws_send, NULL, ws_on_frame_start, NULL, NULL, ws_on_msg
};

/* The wslay context, made when a frame arrives or one must be sent. */
static bool ensure_ws(php_async_ws_conn *c)
{
	if (c->ws) {
		return true;
	}
	if (wslay_event_context_server_init(&c->ws, &ws_callbacks, c) != 0) {
		c->ws = NULL;
		return false;
	}
	wslay_event_config_set_max_recv_msg_length(c->ws, c->server->opt.max_message_size);
	c->frame_left = 0;
	return true;
}

/* Between messages an open connection needs no wslay state: free it. */
static void maybe_release_ws(php_async_ws_conn *c)
{
	if (c->ws && c->state == PHP_ASYNC_WS_OPEN && !c->in_message && c->frame_left == 0
			&& wslay_event_get_queued_msg_count(c->ws) == 0 && !wslay_event_get_close_sent(c->ws)
			&& !wslay_event_get_close_received(c->ws)) {
		wslay_event_context_free(c->ws);
		c->ws = NULL;
	}
}

/* ---- closing --------------------------------------------------------------- */

/* The connection is over: free the socket, tell the listener, and let the
 * server forget it. Runs in the microtask (PHP may be called). */
static void finish(php_async_ws_conn *c, uint16_t code, zend_string *reason)
{
	php_async_ws_server *server = c->server;
	bool notify = c->open_notified;

	if (c->state == PHP_ASYNC_WS_CLOSED) {
		return;
	}
	c->state = PHP_ASYNC_WS_CLOSED;
	if (c->close_timer && ASYNC_G(loop)) {
		php_async_loop_cancel_id(ASYNC_G(loop), c->close_timer);
	}
	c->close_timer = 0;
	php_async_ws_conn_release_io(c);
	if (notify && server) {
		zval args[2];
		ZVAL_LONG(&args[0], code);
		if (reason) {
			ZVAL_STR_COPY(&args[1], reason);
		} else {
			ZVAL_EMPTY_STRING(&args[1]);
		}
		php_async_ws_call_listener(server, server->on_close, c, 2, args);
		zval_ptr_dtor(&args[1]);
	}
	if (server) {
		c->server = NULL;
		php_async_ws_server_forget(server, c);
	}
}

void php_async_ws_conn_close(php_async_ws_conn *c, uint16_t code, const char *reason, size_t reason_len, bool hard)
{
	if (c->state == PHP_ASYNC_WS_CLOSED) {
		return;
	}
	if (!hard && c->state == PHP_ASYNC_WS_OPEN && !ensure_ws(c)) {
		hard = true;
	}
	if (hard || c->state == PHP_ASYNC_WS_HANDSHAKE || !c->ws) {
		zend_string *r = zend_string_init(reason, reason_len, 0);
		finish(c, code == 1000 || hard ? 1006 : code, r);
		zend_string_release(r);
		return;
	}
	if (c->state == PHP_ASYNC_WS_OPEN) {
		c->state = PHP_ASYNC_WS_CLOSING;
		c->close_code = 0;
		wslay_event_queue_close(c->ws, code, (const uint8_t *) reason, reason_len);
		wslay_event_send(c->ws);
		php_async_ws_io_set_read_timeout(c, CLOSE_TIMEOUT);
		php_async_ws_conn_queue_process(c);
	}
}

/* ---- the handshake --------------------------------------------------------- */

static const char *status_text(int status)
{
	switch (status) {
		case 400: return "Bad Request";
		case 403: return "Forbidden";
		case 404: return "Not Found";
		case 405: return "Method Not Allowed";
		case 426: return "Upgrade Required";
		case 431: return "Request Header Fields Too Large";
		case 503: return "Service Unavailable";
		case 505: return "HTTP Version Not Supported";
		default: return "Error";
	}
}

/* Answers with an HTTP error and closes once it is written. */
static void http_error(php_async_ws_conn *c, int status, const char *reason)
{
	php_async_ws_io_send_string(c, zend_strpprintf(0,
		"HTTP/1.1 %d %s\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: %zu\r\nConnection: close\r\n%s\r\n%s\n",
		status, status_text(status), strlen(reason) + 1,
		status == 426 ? "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n" : status == 405 ? "Allow: GET\r\n" : "",
		reason));
	c->http_error = true;
	php_async_ws_io_stop_reading(c);
	/* written at once, most likely: nothing else would come back here */
	php_async_ws_conn_queue_process(c);
	if (c->server) {
		log_conn(c, "async: WebSocket handshake from %s refused with %d: %s", c->remote, status, reason);
	}
}

/* True when the connection is open now and frames may follow. */
static bool handshake(php_async_ws_conn *c)
{
	php_async_ws_server *server = c->server;
	php_async_hs_request *req;
	php_async_hs_policy policy;
	php_async_hs_result r;
	size_t len = c->rx_len, n;
	const char *buf = (const char *) c->rx;
	char accept[PHP_ASYNC_HS_ACCEPT_LEN + 1];
	int chosen = -1;

	if (c->http_error) {
		if (c->eof || c->timed_out || php_async_ws_io_pending(c) == 0) {
			finish(c, 1006, NULL);
		}
		return false;
	}
	if (c->timed_out || c->eof || !server) {
		/* handshake_timeout, or the peer left before finishing */
		finish(c, 1006, NULL);
		return false;
	}
	n = len < server->opt.max_header_size ? len : server->opt.max_header_size;
	req = emalloc(sizeof(*req));
	r = php_async_hs_parse(buf ? buf : "", n, server->opt.max_header_size, req);
	if (r == PHP_ASYNC_HS_INCOMPLETE) {
		efree(req);
		return false;
	}
	policy.allowed_origins = (const char *const *) server->opt.allowed_origins;
	policy.subprotocols = (const char *const *) server->opt.subprotocols;
	if (r == PHP_ASYNC_HS_OK) {
		r = php_async_hs_validate(req, &policy, &chosen);
	}
	if (r == PHP_ASYNC_HS_OK && c->reject_busy) {
		req->status = 503;
		req->reason = "the server has reached max_connections";
		r = PHP_ASYNC_HS_ERROR;
	}
	if (r == PHP_ASYNC_HS_OK && server->state != PHP_ASYNC_WS_SERVER_LISTENING) {
		req->status = 503;
		req->reason = "the server is shutting down";
		r = PHP_ASYNC_HS_ERROR;
	}
	if (r != PHP_ASYNC_HS_OK) {
		http_error(c, req->status, req->reason);
		efree(req);
		return false;
	}

	php_async_hs_accept(req->key, accept);
	c->head = zend_string_init(buf, req->length, 0);
	if (chosen >= 0) {
		c->subprotocol_name = zend_string_init(server->opt.subprotocols[chosen], strlen(server->opt.subprotocols[chosen]), 0);
	}
	c->rx += req->length;
	c->rx_len -= req->length;
	efree(req);
	php_async_ws_io_send_string(c, zend_strpprintf(0,
		"HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
		"Sec-WebSocket-Accept: %s\r\n%s%s%s\r\n",
		accept, chosen >= 0 ? "Sec-WebSocket-Protocol: " : "",
		chosen >= 0 ? server->opt.subprotocols[chosen] : "", chosen >= 0 ? "\r\n" : ""));

	c->state = PHP_ASYNC_WS_OPEN;
	php_async_ws_io_set_read_timeout(c, server->opt.idle_timeout);
	c->open_notified = true;
	php_async_ws_io_input_done(c); /* frames sent with the request wait for onOpen */
	php_async_ws_call_listener(server, server->on_open, c, 0, NULL);
	return c->state == PHP_ASYNC_WS_OPEN || c->state == PHP_ASYNC_WS_CLOSING;
}

/* ---- frames ---------------------------------------------------------------- */

static const char *close_code_meaning(int code)
{
	switch (code) {
		case 1002: return "protocol error (a malformed or unmasked frame, a bad opcode or reserved bits)";
		case 1007: return "invalid UTF-8 in a text message";
		case 1009: return "message larger than max_message_size";
		case 1008: return "policy violation";
		default: return "protocol error";
	}
}

/* Tells the listener the peer broke the protocol (onError with a
 * ConnectionException whose code is the close code) and logs why. */
static void report_protocol_error(php_async_ws_conn *c, int code)
{
	php_async_ws_server *server = c->server;
	zend_string *msg;
	zval ex;

	log_conn(c, "async: WebSocket connection %s closed with %d: %s", c->remote, code, close_code_meaning(code));
	if (!server || !c->open_notified) {
		return;
	}
	object_init_ex(&ex, php_async_ws_conn_exception_ce);
	msg = zend_strpprintf(0, "The client broke the protocol, closed with %d: %s", code, close_code_meaning(code));
	zend_update_property_str(zend_ce_exception, PHP_ASYNC_THIS_FOR_PROP(&ex), "message", sizeof("message") - 1, msg);
	zend_string_release(msg);
	zend_update_property_long(zend_ce_exception, PHP_ASYNC_THIS_FOR_PROP(&ex), "code", sizeof("code") - 1, code);
	php_async_ws_call_listener(server, server->on_error, c, 1, &ex);
	zval_ptr_dtor(&ex);
}

/* Fails the connection (RFC 6455 7.1.7) with our own close frame, for what
 * wslay lets through or answers without a code: read no more, send the close
 * frame, drop the socket once it is out. */
static void fail_connection(php_async_ws_conn *c, uint16_t code)
{
	unsigned char frame[4] = { 0x88, 0x02, (unsigned char) (code >> 8), (unsigned char) code };

	if (c->ws) {
		wslay_event_context_free(c->ws); /* with whatever close it queued */
		c->ws = NULL;
	}
	inbox_clear(c);
	php_async_ws_io_drop_input(c);
	php_async_ws_io_stop_reading(c);
	php_async_ws_io_send(c, NULL, 0, frame, sizeof(frame), NULL, NULL);
	c->close_code = code;
	c->state = PHP_ASYNC_WS_CLOSING;
	c->fail_after_flush = true;
	c->pending_fail = 0;
	report_protocol_error(c, code);
}

/* Frames through wslay; false when the connection failed or was cut. */
static bool wslay_frames(php_async_ws_conn *c)
{
	int rv;

	if (!ensure_ws(c)) {
		finish(c, 1011, NULL);
		return false;
	}
	rv = wslay_event_recv(c->ws);
	if (rv != 0 || c->pending_fail) {
		/* wslay's frame layer refused the input (it answers with a close
		 * frame without a code), or we did (see frame_budget, ws_on_msg) */
		if (rv == WSLAY_ERR_NOMEM) {
			log_conn(c, "async: WebSocket connection %s dropped: out of memory", c->remote);
			finish(c, 1011, NULL);
			return false;
		}
		fail_connection(c, c->pending_fail ? c->pending_fail : 1002);
		return false;
	}
	if (c->rx_len && !wslay_event_want_read(c->ws)) {
		/* A close frame came in (or wslay refused the input): nothing after
		 * it is read (RFC 6455 5.5.1). Drop the rest, or a peer that goes on
		 * sending while our close frame waits to go out grows the input
		 * without bound. */
		c->rx += c->rx_len;
		c->rx_len = 0;
	}
	/* Out with what wslay queued while reading (pongs). Pongs count against
	 * send_buffer_limit: a peer that pings and never reads is cut. A close
	 * frame wslay queued (its answer to the peer's, or a refusal, which
	 * also stops its reading) waits for the listener's answers to the
	 * messages that came before it: RFC 6455 5.5.1, no data after a close. */
	if (wslay_event_get_read_enabled(c->ws)) {
		wslay_event_send(c->ws);
		if (c->state == PHP_ASYNC_WS_OPEN && !within_limit(c)) {
			inbox_clear(c);
			return false;
		}
	}
	return true;
}

static void frames(php_async_ws_conn *c)
{
	php_async_ws_server *server = c->server;

	/* Between messages, whole data frames skip wslay; it takes over at the
	 * first frame that is not one (and stays for the rest of this input). */
	if (c->state != PHP_ASYNC_WS_OPEN || c->in_message || c->frame_left || !fast_frames(c)) {
		if (!wslay_frames(c)) {
			return;
		}
	}
	/* what is left is a partial frame: kept, before PHP runs */
	php_async_ws_io_input_done(c);

	/* Messages, in order, unless the listener closed the connection. */
	while (c->inbox_head && c->state == PHP_ASYNC_WS_OPEN && server) {
		php_async_ws_message *m = c->inbox_head;
		zval args[2];
		c->inbox_head = m->next;
		if (!c->inbox_head) {
			c->inbox_tail = NULL;
		}
		ZVAL_STR(&args[0], m->data);
		ZVAL_BOOL(&args[1], m->binary);
		efree(m);
		php_async_ws_call_listener(server, server->on_message, c, 2, args);
		zval_ptr_dtor(&args[0]);
	}
	inbox_clear(c);
	if (c->state == PHP_ASYNC_WS_CLOSED || !c->ws) {
		return;
	}
	/* the close frame, if wslay queued one; so get_close_sent() below tells the truth */
	wslay_event_send(c->ws);
	if (c->state == PHP_ASYNC_WS_OPEN && wslay_event_get_close_sent(c->ws)
			&& !wslay_event_get_close_received(c->ws)) {
		/* wslay refused the peer's input and sent a close frame with the code */
		int code = wslay_event_get_status_code_sent(c->ws);
		c->close_code = (uint16_t) code;
		c->state = PHP_ASYNC_WS_CLOSING;
		/* RFC 6455 7.1.7: fail the connection; do not wait for an answer */
		c->fail_after_flush = true;
		php_async_ws_io_stop_reading(c);
		report_protocol_error(c, code);
		if (c->state == PHP_ASYNC_WS_CLOSED || !c->ws) {
			return;
		}
	}
	if (wslay_event_get_close_received(c->ws) && c->state == PHP_ASYNC_WS_OPEN) {
		/* The peer started the closing handshake; wslay answered it above. */
		c->state = PHP_ASYNC_WS_CLOSING;
		php_async_ws_io_set_read_timeout(c, CLOSE_TIMEOUT);
	}
}

static void close_timer_fired(zend_object *obj)
{
	php_async_ws_conn *c = php_async_ws_conn_from_obj(obj);

	c->close_timer = 0;
	if (c->state == PHP_ASYNC_WS_CLOSING) {
		c->timed_out = true;
		php_async_ws_conn_queue_process(c);
	}
}

/* A closing connection goes after CLOSE_TIMEOUT at the latest, also when
 * it stopped reading (a failed connection) or its peer stopped reading the
 * close frame: a read timeout alone does not cover those. */
static void arm_close_timer(php_async_ws_conn *c)
{
	php_async_loop *loop = ASYNC_G(loop);

	if (c->close_timer || !loop) {
		return;
	}
	GC_ADDREF(&c->std); /* the timer's */
	c->close_timer = php_async_loop_add_timer(loop, CLOSE_TIMEOUT, close_timer_fired, &c->std);
	if (c->close_timer) {
		php_async_loop_unreference_id(loop, c->close_timer); /* the server keeps the loop going */
	}
}

/* After any work: is it time to let go? */
static void settle(php_async_ws_conn *c)
{
	if (!php_async_ws_io_live(c) || c->state == PHP_ASYNC_WS_CLOSED) {
		return;
	}
	if (c->state == PHP_ASYNC_WS_OPEN) {
		if (c->eof) {
			finish(c, 1006, NULL);
		} else if (c->timed_out) {
			c->timed_out = false;
			php_async_ws_conn_close(c, 1001, "idle timeout", sizeof("idle timeout") - 1, false);
		}
		return;
	}
	if (c->state == PHP_ASYNC_WS_CLOSING) {
		bool received = c->ws && wslay_event_get_close_received(c->ws);
		arm_close_timer(c);
		bool done = c->ws ? (c->fail_after_flush || !wslay_event_want_read(c->ws)) && !wslay_event_want_write(c->ws)
			: c->fail_after_flush;
		if (c->eof || c->timed_out
				|| (done && php_async_ws_io_pending(c) == 0)) {
			uint16_t code = c->close_code ? c->close_code : (received ? 1005 : 1006);
			zend_string *reason = c->close_reason;
			if (!received && !c->fail_after_flush && (c->eof || c->timed_out)) {
				code = 1006; /* the closing handshake never completed */
			}
			if (reason) {
				zend_string_addref(reason);
			}
			finish(c, code, reason);
			if (reason) {
				zend_string_release(reason);
			}
		}
	}
}

static void process(zend_object *obj, void *data)
{
	php_async_ws_conn *c = php_async_ws_conn_from_obj(obj);

	c->task_queued = false;
	if (!php_async_ws_io_live(c) || c->state == PHP_ASYNC_WS_CLOSED) {
		return;
	}
	php_async_ws_io_input(c);
	if (c->state == PHP_ASYNC_WS_HANDSHAKE && !handshake(c)) {
		php_async_ws_io_input_done(c);
		return;
	}
	if (php_async_ws_io_live(c) && !c->fail_after_flush
			&& (c->state == PHP_ASYNC_WS_OPEN || c->state == PHP_ASYNC_WS_CLOSING)) {
		php_async_ws_io_input(c);
		if (c->ws || c->rx_len > 0) {
			frames(c);
		}
	}
	php_async_ws_io_input_done(c);
	settle(c);
	if (c->state == PHP_ASYNC_WS_OPEN) {
		maybe_release_ws(c);
	}
}

/* ---- accepting ------------------------------------------------------------- */

void php_async_ws_conn_accept(php_async_ws_server *server, evutil_socket_t fd, struct sockaddr *addr, int addrlen)
{
	php_async_loop *loop = ASYNC_G(loop);
	php_async_ws_conn *c;
	zval zv;
	int one = 1;

	if (!loop) {
		evutil_closesocket(fd);
		return;
	}
	object_init_ex(&zv, php_async_ws_conn_ce);
	c = php_async_ws_conn_from_obj(Z_OBJ(zv));
	c->server = server;
	c->id = ++server->last_id;
	if (addr->sa_family == AF_INET) {
		struct sockaddr_in *in = (struct sockaddr_in *) addr;
		char ip[INET_ADDRSTRLEN];
		inet_ntop(AF_INET, &in->sin_addr, ip, sizeof(ip));
		snprintf(c->remote, sizeof(c->remote), "%s:%d", ip, ntohs(in->sin_port));
	} else if (addr->sa_family == AF_INET6) {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *) addr;
		char ip[INET6_ADDRSTRLEN];
		inet_ntop(AF_INET6, &in6->sin6_addr, ip, sizeof(ip));
		snprintf(c->remote, sizeof(c->remote), "[%s]:%d", ip, ntohs(in6->sin6_port));
	}
	setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	if (!php_async_ws_io_open(c, loop->base, fd)) {
		evutil_closesocket(fd);
		zval_ptr_dtor(&zv);
		return;
	}
	php_async_ws_io_set_read_timeout(c, server->opt.handshake_timeout);
	if ((zend_long) zend_hash_num_elements(&server->conns) >= server->opt.max_connections) {
		c->reject_busy = true;
	}
	zend_hash_index_add_new(&server->conns, c->id, &zv);
}

/* ---- sending ----------------------------------------------------------------- */

/* Applies send_buffer_limit: a client that has not read what is already
 * queued for it beyond the limit is closed with 1008 and its queue of whole
 * frames dropped, so memory stays bounded (the limit, plus one message, plus
 * with TLS at most 64 KiB already in the bufferevent's output). */
static bool within_limit(php_async_ws_conn *c)
{
	size_t queued = php_async_ws_io_pending(c);

	if (!c->server || queued <= c->server->opt.send_buffer_limit) {
		return true;
	}
	log_conn(c, "async: WebSocket connection %s closed with 1008: %zu bytes queued, over send_buffer_limit (%zu)",
		c->remote, queued, c->server->opt.send_buffer_limit);
	php_async_ws_io_drop_output(c);
	php_async_ws_conn_close(c, 1008, "send buffer limit exceeded", sizeof("send buffer limit exceeded") - 1, false);
	/* it does not read: do not wait for its answer once the close frame is out;
	 * onClose hears the code and reason we closed with */
	c->fail_after_flush = true;
	c->close_code = 1008;
	if (c->close_reason) {
		zend_string_release(c->close_reason);
	}
	c->close_reason = zend_string_init("send buffer limit exceeded", sizeof("send buffer limit exceeded") - 1, 0);
	return false;
}

bool php_async_ws_conn_write_frame(php_async_ws_conn *c, const unsigned char *hdr, size_t hlen, zend_string *data)
{
	if (c->state != PHP_ASYNC_WS_OPEN || !php_async_ws_io_live(c) || !within_limit(c)) {
		return false;
	}
	/* no copy of a large payload: the queue keeps a reference to the string */
	php_async_ws_io_send_ref(c, hdr, hlen, data);
	return true;
}

static php_async_ws_conn *this_conn(zval *this_zv)
{
	return php_async_ws_conn_from_obj(Z_OBJ_P(this_zv));
}

static bool ensure_open(php_async_ws_conn *c)
{
	if (c->state == PHP_ASYNC_WS_OPEN && php_async_ws_io_live(c)) {
		return true;
	}
	zend_throw_exception_ex(php_async_ws_conn_exception_ce, 0,
		"Cannot send on WebSocket connection %lu: it is %s", (unsigned long) c->id,
		c->state == PHP_ASYNC_WS_CLOSING ? "closing" : c->state == PHP_ASYNC_WS_HANDSHAKE ? "not open yet" : "closed");
	return false;
}

static void send_data(INTERNAL_FUNCTION_PARAMETERS, uint8_t opcode)
{
	zend_string *data;
	php_async_ws_conn *c = this_conn(ZEND_THIS);
	unsigned char hdr[10];
	size_t hlen;

	ZEND_PARSE_PARAMETERS_START(1, 1)
		Z_PARAM_STR(data)
	ZEND_PARSE_PARAMETERS_END();

	if (opcode == WSLAY_TEXT_FRAME && !php_async_ws_utf8_valid((const unsigned char *) ZSTR_VAL(data), ZSTR_LEN(data))) {
		php_async_argument_value_error(1, "data", "must be valid UTF-8 (use sendBinary() for other bytes)");
		RETURN_THROWS();
	}
	if (!ensure_open(c)) {
		RETURN_THROWS();
	}
	hlen = php_async_ws_frame_header(hdr, opcode, ZSTR_LEN(data));
	php_async_ws_conn_write_frame(c, hdr, hlen, data);
}

ZEND_METHOD(Async_WebSocket_Connection, __construct)
{
	ZEND_PARSE_PARAMETERS_NONE();
}

ZEND_METHOD(Async_WebSocket_Connection, id)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG((zend_long) this_conn(ZEND_THIS)->id);
}

ZEND_METHOD(Async_WebSocket_Connection, request)
{
	php_async_ws_conn *c = this_conn(ZEND_THIS);

	ZEND_PARSE_PARAMETERS_NONE();
	if (Z_ISUNDEF(c->request)) {
		php_async_ws_request_create(c, &c->request);
	}
	RETURN_COPY(&c->request);
}

ZEND_METHOD(Async_WebSocket_Connection, remoteAddress)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_STRING(this_conn(ZEND_THIS)->remote);
}

ZEND_METHOD(Async_WebSocket_Connection, send)
{
	send_data(INTERNAL_FUNCTION_PARAM_PASSTHRU, WSLAY_TEXT_FRAME);
}

ZEND_METHOD(Async_WebSocket_Connection, sendBinary)
{
	send_data(INTERNAL_FUNCTION_PARAM_PASSTHRU, WSLAY_BINARY_FRAME);
}

/* Encoded here, as data frames are, not through wslay: keep-alive pings go to
 * every connection, most of them idle without a wslay context, which would
 * be made (8.8 KB) and freed again for each ping. wslay's own output never
 * waits in it (ws_send takes all), so the order of frames is kept. */
void php_async_ws_conn_ping(php_async_ws_conn *c, const char *payload, size_t len)
{
	unsigned char hdr[10];
	size_t hlen;

	if (c->state == PHP_ASYNC_WS_OPEN && php_async_ws_io_live(c)) {
		hlen = php_async_ws_frame_header(hdr, WSLAY_PING, len);
		php_async_ws_io_send(c, hdr, hlen, (const unsigned char *) payload, len, NULL, NULL);
	}
}

ZEND_METHOD(Async_WebSocket_Connection, ping)
{
	zend_string *payload = NULL;
	php_async_ws_conn *c = this_conn(ZEND_THIS);

	ZEND_PARSE_PARAMETERS_START(0, 1)
		Z_PARAM_OPTIONAL
		Z_PARAM_STR(payload)
	ZEND_PARSE_PARAMETERS_END();

	if (payload && ZSTR_LEN(payload) > 125) {
		php_async_argument_value_error(1, "payload", "must be at most 125 bytes (a control frame's limit)");
		RETURN_THROWS();
	}
	if (!ensure_open(c)) {
		RETURN_THROWS();
	}
	php_async_ws_conn_ping(c, payload ? ZSTR_VAL(payload) : "", payload ? ZSTR_LEN(payload) : 0);
}

ZEND_METHOD(Async_WebSocket_Connection, close)
{
	zend_long code = 1000;
	zend_string *reason = NULL;
	php_async_ws_conn *c = this_conn(ZEND_THIS);

	ZEND_PARSE_PARAMETERS_START(0, 2)
		Z_PARAM_OPTIONAL
		Z_PARAM_LONG(code)
		Z_PARAM_STR(reason)
	ZEND_PARSE_PARAMETERS_END();

	/* RFC 6455 7.4: codes an endpoint may send. */
	if (!(code == 1000 || (code >= 1001 && code <= 1003) || (code >= 1007 && code <= 1014 && code != 1015)
			|| (code >= 3000 && code <= 4999))) {
		php_async_argument_value_error(1, "code", "must be 1000-1003, 1007-1014 or 3000-4999 (RFC 6455 7.4), %ld given",
			(long) code);
		RETURN_THROWS();
	}
	if (reason && ZSTR_LEN(reason) > 123) {
		php_async_argument_value_error(2, "reason", "must be at most 123 bytes");
		RETURN_THROWS();
	}
	if (reason && !php_async_ws_utf8_valid((const unsigned char *) ZSTR_VAL(reason), ZSTR_LEN(reason))) {
		php_async_argument_value_error(2, "reason", "must be valid UTF-8");
		RETURN_THROWS();
	}
	php_async_ws_conn_close(c, (uint16_t) code, reason ? ZSTR_VAL(reason) : "", reason ? ZSTR_LEN(reason) : 0, false);
}

ZEND_METHOD(Async_WebSocket_Connection, isOpen)
{
	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_BOOL(this_conn(ZEND_THIS)->state == PHP_ASYNC_WS_OPEN);
}

ZEND_METHOD(Async_WebSocket_Connection, bufferedAmount)
{
	php_async_ws_conn *c = this_conn(ZEND_THIS);

	ZEND_PARSE_PARAMETERS_NONE();
	RETURN_LONG((zend_long) php_async_ws_io_pending(c));
}

void php_async_ws_conn_minit(void)
{
	php_async_ws_conn_ce->create_object = conn_create;
	memcpy(&conn_handlers, zend_get_std_object_handlers(), sizeof(conn_handlers));
	conn_handlers.offset = XtOffsetOf(php_async_ws_conn, std);
	conn_handlers.free_obj = conn_free;
	conn_handlers.get_gc = conn_get_gc;
	conn_handlers.clone_obj = NULL;
}
