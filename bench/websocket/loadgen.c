/* bench/websocket load generator: libevent + wslay in client mode (masked
 * frames), with its own RFC 6455 client handshake. One thread, one event
 * loop; meant to run pinned to its own core so the server is the bottleneck.
 *   cc -O2 -o loadgen loadgen.c -levent -lwslay -lm
 *
 *   loadgen echo      --port P --conns C --size S [--duration T] [--warmup W]
 *   loadgen broadcast --port P --subs N  --size S [--duration T] [--warmup W] [--rate R]
 *   loadgen idle      --port P --conns N [--touch] [--hold H]
 *   common: [--host 127.0.0.1] [--server-pid PID] [--inflight K] [--text]
 *
 * echo: each connection keeps one message in flight (send, wait for the echo,
 *   send again); reports msgs/s and round-trip p50/p99.
 * broadcast: N subscribers, then 1 publisher. The publisher sends
 *   "B" seq(4) send-time(8) padding; the server sends it to every other client.
 *   Closed loop by default: the next publish goes out as soon as all N
 *   subscribers got the previous one (so the server never has a backlog);
 *   --rate R publishes R per second instead. Reports deliveries/s and
 *   publish-to-receive p50/p99.
 * idle: opens N connections and holds them; with --server-pid, reports the
 *   server's VmRSS before and after (and after one echo each, with --touch).
 * With --server-pid, the server's utime+stime (/proc/PID/stat) is read at the
 * start and end of the measured window. One JSON line goes to stdout. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <event2/event.h>
#include <wslay/wslay.h>
#include "common.h"

enum { MODE_ECHO, MODE_BROADCAST, MODE_IDLE };
enum { ST_NEW, ST_CONNECTING, ST_HANDSHAKE, ST_OPEN, ST_DEAD };
enum { ROLE_ECHO, ROLE_SUB, ROLE_PUB };

typedef struct conn {
	int fd, state, role, idx;
	struct event *rev, *wev;
	wslay_event_context_ptr ws;
	char accept[29];
	char hs[1024];
	size_t hs_len;
	uint8_t *pending;             /* bytes that came with the 101, fed to wslay first */
	size_t pending_len, pending_off;
	uint64_t sent_ns;
	int drained;                  /* the last recv() came back short: the socket is empty */
	uint8_t *obuf;                /* frames wslay produced, written with one send() */
	size_t olen, ooff, ocap;
} conn;

/* ---- options and state --------------------------------------------------- */

static int mode = MODE_ECHO, opt_port, opt_conns = 100, opt_size = 64, opt_inflight = 200, opt_text, opt_touch;
static double opt_duration = 3, opt_warmup = 1, opt_rate = 0, opt_hold = 0;
static const char *opt_host = "127.0.0.1";
static int server_pid;

static struct event_base *base;
static struct sockaddr_in target;
static conn *conns;
static int n_conns, next_to_connect, n_connecting, n_open, n_done_connecting;
static uint8_t *payload;

static struct {
	long connect, handshake, closed, timeout, mismatch;
	char first_status[80];
} err;

static int measuring, running;
static uint64_t msgs, t_start, t_end;
static double cpu_start, cpu_end, self_cpu_start, self_cpu_end;

/* broadcast */
static conn *pub;
static int n_subs;
static uint32_t pub_seq;
static int32_t got_for_seq;       /* subscribers that got pub_seq */
static uint64_t pub_sent_ns, publishes, incomplete, lost;
static struct event *pub_timer;

/* ---- latency histogram: 1 us buckets up to 4 s --------------------------- */

#define HIST_N (4u << 20)
static uint32_t *hist;
static uint64_t hist_count, hist_over;
static uint64_t hist_max_ns;

static void hist_add(uint64_t ns)
{
	uint64_t us = ns / 1000;
	if (us < HIST_N) {
		hist[us]++;
	} else {
		hist_over++;
	}
	if (ns > hist_max_ns) {
		hist_max_ns = ns;
	}
	hist_count++;
}

static double hist_pct(double p)
{
	uint64_t want = (uint64_t) ceil(p * (double) hist_count), acc = 0;
	uint32_t i;

	if (hist_count == 0) {
		return NAN;
	}
	if (want == 0) {
		want = 1;
	}
	for (i = 0; i < HIST_N; i++) {
		acc += hist[i];
		if (acc >= want) {
			return (i + 0.5) / 1000.0; /* ms */
		}
	}
	return hist_max_ns / 1e6;
}

static void hist_reset(void)
{
	memset(hist, 0, sizeof(uint32_t) * HIST_N);
	hist_count = hist_over = hist_max_ns = 0;
}

/* ---- CPU and memory readings ------------------------------------------- */

static double proc_cpu(int pid)
{
	char path[64], buf[2048], *p;
	unsigned long long ut = 0, st = 0;
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	if (!(f = fopen(path, "r"))) {
		return NAN;
	}
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	if (!(p = strrchr(buf, ')'))) {
		return NAN;
	}
	/* after ")": state(3) ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime(14) stime(15) */
	if (sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) != 2) {
		return NAN;
	}
	return (double) (ut + st) / (double) sysconf(_SC_CLK_TCK);
}

static long proc_rss_kb(int pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	if (!(f = fopen(path, "r"))) {
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		if (strncmp(line, "VmRSS:", 6) == 0) {
			kb = atol(line + 6);
			break;
		}
	}
	fclose(f);
	return kb;
}

static double self_cpu(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

/* ---- wslay glue --------------------------------------------------------- */

static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static void conn_dead(conn *c, long *counter);
static void on_message(conn *c, const uint8_t *data, size_t len);

static ssize_t ws_recv(wslay_event_context_ptr ctx, uint8_t *buf, size_t len, int flags, void *user)
{
	conn *c = user;
	ssize_t n;

	if (c->pending) {
		size_t left = c->pending_len - c->pending_off;
		if (len > left) {
			len = left;
		}
		memcpy(buf, c->pending + c->pending_off, len);
		c->pending_off += len;
		if (c->pending_off == c->pending_len) {
			free(c->pending);
			c->pending = NULL;
		}
		return (ssize_t) len;
	}
	if (c->drained) {
		/* the previous recv() came back short: the socket is most likely
		 * empty, and the read event comes again if not (saves a syscall) */
		wslay_event_set_error(ctx, WSLAY_ERR_WOULDBLOCK);
		return -1;
	}
	n = recv(c->fd, buf, len, 0);
	if (n >= 0 && (size_t) n < len) {
		c->drained = 1;
	}
	if (n < 0) {
		wslay_event_set_error(ctx, errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR
			? WSLAY_ERR_WOULDBLOCK : WSLAY_ERR_CALLBACK_FAILURE);
		return -1;
	}
	if (n == 0) {
		wslay_event_set_error(ctx, WSLAY_ERR_CALLBACK_FAILURE);
		return -1;
	}
	return n;
}

/* wslay hands over a frame in pieces (header, then masked chunks of 4 KiB):
 * collect them and write once in flush(). */
static ssize_t ws_send(wslay_event_context_ptr ctx, const uint8_t *data, size_t len, int flags, void *user)
{
	conn *c = user;

	if (c->olen + len > c->ocap) {
		if (c->ooff) {
			memmove(c->obuf, c->obuf + c->ooff, c->olen - c->ooff);
			c->olen -= c->ooff;
			c->ooff = 0;
		}
		if (c->olen + len > c->ocap) {
			c->ocap = (c->olen + len) * 2;
			c->obuf = realloc(c->obuf, c->ocap);
		}
	}
	memcpy(c->obuf + c->olen, data, len);
	c->olen += len;
	return (ssize_t) len;
}

static int ws_genmask(wslay_event_context_ptr ctx, uint8_t *buf, size_t len, void *user)
{
	while (len) {
		uint64_t r = rng();
		size_t k = len < 8 ? len : 8;
		memcpy(buf, &r, k);
		buf += k;
		len -= k;
	}
	return 0;
}

static void ws_on_msg(wslay_event_context_ptr ctx, const struct wslay_event_on_msg_recv_arg *arg, void *user)
{
	if (arg->opcode == WSLAY_TEXT_FRAME || arg->opcode == WSLAY_BINARY_FRAME) {
		on_message(user, arg->msg, arg->msg_length);
	}
}

static const struct wslay_event_callbacks ws_callbacks = {
	ws_recv, ws_send, ws_genmask, NULL, NULL, NULL, ws_on_msg
};

static void queue_msg(conn *c, const uint8_t *data, size_t len)
{
	struct wslay_event_msg m = { opt_text ? WSLAY_TEXT_FRAME : WSLAY_BINARY_FRAME, data, len };
	wslay_event_queue_msg(c->ws, &m);
}

/* Lets wslay encode what is queued, then writes it with one send();
 * EV_WRITE only while the socket is full. */
static void flush(conn *c)
{
	ssize_t n;

	if (c->state != ST_OPEN) {
		return;
	}
	if (wslay_event_want_write(c->ws) && wslay_event_send(c->ws) != 0) {
		conn_dead(c, &err.closed);
		return;
	}
	if (c->ooff == c->olen) {
		return;
	}
	n = send(c->fd, c->obuf + c->ooff, c->olen - c->ooff, MSG_NOSIGNAL | MSG_DONTWAIT);
	if (n < 0) {
		if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
			conn_dead(c, &err.closed);
			return;
		}
		n = 0;
	}
	c->ooff += (size_t) n;
	if (c->ooff == c->olen) {
		c->ooff = c->olen = 0;
	} else {
		event_add(c->wev, NULL);
	}
}

/* ---- modes: what happens on a message ------------------------------------ */

static void echo_send(conn *c)
{
	c->sent_ns = now_ns();
	queue_msg(c, payload, (size_t) opt_size);
}

static void publish(void);
static void touch_done_check(void);

static void on_message(conn *c, const uint8_t *data, size_t len)
{
	uint64_t t = now_ns();

	if (c->role == ROLE_ECHO) {
		if (len != (size_t) opt_size) {
			err.mismatch++;
		}
		if (measuring) {
			hist_add(t - c->sent_ns);
			msgs++;
		}
		if (running) {
			echo_send(c);
		} else if (mode == MODE_IDLE) {
			touch_done_check();
		}
		return;
	}
	if (c->role == ROLE_SUB && len >= 13 && data[0] == 'B') {
		uint32_t seq;
		uint64_t ts;
		memcpy(&seq, data + 1, 4);
		memcpy(&ts, data + 5, 8);
		if (measuring) {
			hist_add(t - ts);
			msgs++;
		}
		if (seq == pub_seq && ++got_for_seq == n_subs && opt_rate <= 0 && running) {
			publish();
		}
	} else if (c->role != ROLE_PUB) {
		err.mismatch++;
	}
}

static void publish(void)
{
	struct timeval tv;

	if (!pub || pub->state != ST_OPEN) {
		return;
	}
	if (opt_rate <= 0 && pub_seq && got_for_seq < n_subs) {
		incomplete++;
		lost += (uint64_t) (n_subs - got_for_seq);
	}
	pub_seq++;
	got_for_seq = 0;
	pub_sent_ns = now_ns();
	payload[0] = 'B';
	memcpy(payload + 1, &pub_seq, 4);
	memcpy(payload + 5, &pub_sent_ns, 8);
	queue_msg(pub, payload, (size_t) opt_size);
	flush(pub);
	if (measuring) {
		publishes++;
	}
	/* closed loop: a delivery that never comes must not stall the run */
	if (opt_rate > 0) {
		tv.tv_sec = 0;
		tv.tv_usec = (suseconds_t) (1e6 / opt_rate);
		if (opt_rate < 1) {
			tv.tv_sec = (time_t) (1 / opt_rate);
			tv.tv_usec = 0;
		}
	} else {
		tv.tv_sec = 2;
		tv.tv_usec = 0;
	}
	evtimer_add(pub_timer, &tv);
}

static void pub_timer_cb(evutil_socket_t fd, short what, void *arg)
{
	if (running) {
		publish();
	}
}

/* ---- connections ---------------------------------------------------------- */

static void all_connected(void);

static void conn_dead(conn *c, long *counter)
{
	int was_connecting = c->state == ST_CONNECTING || c->state == ST_HANDSHAKE;

	if (c->state == ST_DEAD) {
		return;
	}
	if (c->state == ST_OPEN) {
		n_open--;
	}
	c->state = ST_DEAD;
	if (counter) {
		(*counter)++;
	}
	if (c->rev) {
		event_del(c->rev);
		event_del(c->wev);
	}
	if (c->fd >= 0) {
		close(c->fd);
		c->fd = -1;
	}
	if (was_connecting) {
		n_connecting--;
		n_done_connecting++;
		all_connected();
	}
}

static void start_connects(void);

static void read_cb(evutil_socket_t fd, short what, void *arg);
static void write_cb(evutil_socket_t fd, short what, void *arg);

static void opened(conn *c)
{
	c->state = ST_OPEN;
	n_open++;
	n_connecting--;
	n_done_connecting++;
	event_del(c->rev);
	event_add(c->rev, NULL); /* no timeout from now on */
	if (wslay_event_context_client_init(&c->ws, &ws_callbacks, c) != 0) {
		conn_dead(c, &err.handshake);
		return;
	}
	wslay_event_config_set_max_recv_msg_length(c->ws, 64u << 20);
	if (c->pending) {
		/* frames that came with the 101 */
		if (wslay_event_recv(c->ws) != 0) {
			conn_dead(c, &err.closed);
			return;
		}
	}
	all_connected();
	start_connects();
}

static void handshake_read(conn *c)
{
	ssize_t n = recv(c->fd, c->hs + c->hs_len, sizeof(c->hs) - 1 - c->hs_len, 0);
	char *end, *acc;

	if (n <= 0) {
		if (n < 0 && (errno == EAGAIN || errno == EINTR)) {
			return;
		}
		if (!err.first_status[0]) {
			snprintf(err.first_status, sizeof(err.first_status), "%s", n == 0 ? "EOF during handshake" : strerror(errno));
		}
		conn_dead(c, &err.handshake);
		return;
	}
	c->hs_len += (size_t) n;
	c->hs[c->hs_len] = '\0';
	if (!(end = strstr(c->hs, "\r\n\r\n"))) {
		if (c->hs_len >= sizeof(c->hs) - 1) {
			conn_dead(c, &err.handshake);
		}
		return;
	}
	if (strncmp(c->hs, "HTTP/1.1 101", 12) != 0) {
		if (!err.first_status[0]) {
			char *eol = strstr(c->hs, "\r\n");
			snprintf(err.first_status, sizeof(err.first_status), "%.*s", (int) (eol - c->hs), c->hs);
		}
		conn_dead(c, &err.handshake);
		return;
	}
	acc = strcasestr(c->hs, "\r\nSec-WebSocket-Accept:");
	if (!acc || acc > end) {
		conn_dead(c, &err.handshake);
		return;
	}
	acc += 23;
	while (*acc == ' ') {
		acc++;
	}
	if (strncmp(acc, c->accept, 28) != 0) {
		if (!err.first_status[0]) {
			snprintf(err.first_status, sizeof(err.first_status), "wrong Sec-WebSocket-Accept");
		}
		conn_dead(c, &err.handshake);
		return;
	}
	end += 4;
	if ((size_t) (end - c->hs) < c->hs_len) {
		c->pending_len = c->hs_len - (size_t) (end - c->hs);
		c->pending_off = 0;
		c->pending = malloc(c->pending_len);
		memcpy(c->pending, end, c->pending_len);
	}
	opened(c);
}

static void read_cb(evutil_socket_t fd, short what, void *arg)
{
	conn *c = arg;

	if (what & EV_TIMEOUT) {
		conn_dead(c, &err.timeout);
		return;
	}
	if (c->state == ST_HANDSHAKE) {
		handshake_read(c);
		return;
	}
	if (c->state != ST_OPEN) {
		return;
	}
	c->drained = 0;
	if (wslay_event_recv(c->ws) != 0) {
		conn_dead(c, &err.closed);
		return;
	}
	flush(c);
}

static void write_cb(evutil_socket_t fd, short what, void *arg)
{
	conn *c = arg;

	if (what & EV_TIMEOUT) {
		conn_dead(c, &err.timeout);
		return;
	}
	if (c->state == ST_CONNECTING) {
		int e = 0;
		socklen_t el = sizeof(e);
		char req[512], key[25];
		uint8_t raw[16];
		int i, n;
		struct timeval tv = { 10, 0 };

		getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &el);
		if (e) {
			if (!err.first_status[0]) {
				snprintf(err.first_status, sizeof(err.first_status), "connect: %s", strerror(e));
			}
			conn_dead(c, &err.connect);
			return;
		}
		for (i = 0; i < 16; i += 8) {
			uint64_t r = rng();
			memcpy(raw + i, &r, 8);
		}
		base64(raw, 16, key);
		ws_accept(key, 24, c->accept);
		n = snprintf(req, sizeof(req), "GET / HTTP/1.1\r\nHost: %s:%d\r\nUpgrade: websocket\r\n"
			"Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n",
			opt_host, opt_port, key);
		if (send(fd, req, (size_t) n, MSG_NOSIGNAL) != n) {
			conn_dead(c, &err.connect);
			return;
		}
		c->state = ST_HANDSHAKE;
		event_add(c->rev, &tv);
		return;
	}
	if (c->state == ST_OPEN) {
		flush(c);
	}
}

static void start_connects(void)
{
	while (next_to_connect < n_conns && n_connecting < opt_inflight) {
		conn *c = &conns[next_to_connect++];
		int one = 1;
		struct linger lg = { 1, 0 };
		struct timeval tv = { 10, 0 };

		n_connecting++;
		c->state = ST_CONNECTING;
		c->fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
		if (c->fd < 0) {
			if (!err.first_status[0]) {
				snprintf(err.first_status, sizeof(err.first_status), "socket: %s", strerror(errno));
			}
			conn_dead(c, &err.connect);
			continue;
		}
		setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
		/* close with RST: no TIME_WAIT piling up over many runs */
		setsockopt(c->fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
		c->rev = event_new(base, c->fd, EV_READ | EV_PERSIST, read_cb, c);
		c->wev = event_new(base, c->fd, EV_WRITE, write_cb, c);
		if (connect(c->fd, (struct sockaddr *) &target, sizeof(target)) < 0 && errno != EINPROGRESS) {
			if (!err.first_status[0]) {
				snprintf(err.first_status, sizeof(err.first_status), "connect: %s", strerror(errno));
			}
			c->state = ST_CONNECTING;
			conn_dead(c, &err.connect);
			continue;
		}
		event_add(c->wev, &tv);
	}
}

/* ---- phases ---------------------------------------------------------------- */

static struct event *phase_timer;
static int phase;           /* 0 connecting, 1 warmup, 2 measuring, 3 done; idle: 10.. */
static long rss_before, rss_idle, rss_touched;
static int touch_pending;
static uint64_t connect_ns;

static void set_phase_timer(double seconds)
{
	struct timeval tv;
	tv.tv_sec = (time_t) seconds;
	tv.tv_usec = (suseconds_t) ((seconds - (double) tv.tv_sec) * 1e6);
	evtimer_add(phase_timer, &tv);
}

static void begin_measuring(void)
{
	hist_reset();
	msgs = publishes = incomplete = lost = 0;
	measuring = 1;
	cpu_start = server_pid ? proc_cpu(server_pid) : NAN;
	self_cpu_start = self_cpu();
	t_start = now_ns();
}

static void end_measuring(void)
{
	t_end = now_ns();
	measuring = 0;
	running = 0;
	cpu_end = server_pid ? proc_cpu(server_pid) : NAN;
	self_cpu_end = self_cpu();
}

static void touch_done_check(void);

static void phase_cb(evutil_socket_t fd, short what, void *arg)
{
	switch (phase) {
	case 1: /* warm-up over */
		phase = 2;
		begin_measuring();
		set_phase_timer(opt_duration);
		break;
	case 2:
		phase = 3;
		end_measuring();
		event_base_loopbreak(base);
		break;
	case 10: /* idle: settled after connecting */
		rss_idle = server_pid ? proc_rss_kb(server_pid) : -1;
		if (opt_touch) {
			int i;
			phase = 11;
			touch_pending = 0;
			for (i = 0; i < n_conns; i++) {
				if (conns[i].state == ST_OPEN) {
					conns[i].role = ROLE_ECHO;
					echo_send(&conns[i]);
					flush(&conns[i]);
					touch_pending++;
				}
			}
			set_phase_timer(20); /* bound */
		} else {
			phase = 13;
			set_phase_timer(opt_hold);
		}
		break;
	case 11: /* touch timed out */
	case 12:
		rss_touched = server_pid ? proc_rss_kb(server_pid) : -1;
		phase = 13;
		set_phase_timer(opt_hold);
		break;
	case 13:
		event_base_loopbreak(base);
		break;
	}
}

static void all_connected(void)
{
	int i;

	if (n_done_connecting < n_conns || phase != 0) {
		return;
	}
	if (mode == MODE_IDLE) {
		connect_ns = now_ns() - connect_ns;
		phase = 10;
		set_phase_timer(1.0); /* let the server settle */
		return;
	}
	if (mode == MODE_BROADCAST && !pub) {
		/* subscribers are in: now the publisher */
		pub = &conns[n_conns];
		pub->role = ROLE_PUB;
		n_conns++;
		start_connects();
		return;
	}
	connect_ns = now_ns() - connect_ns;
	phase = 1;
	running = 1;
	if (mode == MODE_ECHO) {
		for (i = 0; i < n_conns; i++) {
			if (conns[i].state == ST_OPEN) {
				echo_send(&conns[i]);
				flush(&conns[i]);
			}
		}
	} else {
		publish();
	}
	set_phase_timer(opt_warmup);
}

static void touch_done_check(void)
{
	if (phase == 11 && --touch_pending == 0) {
		phase = 12;
		set_phase_timer(0.5);
	}
}

/* ---- main ------------------------------------------------------------------ */

/* a JSON number, or null for NaN */
static const char *jnum(char *buf, double v, int prec)
{
	if (isnan(v) || isinf(v)) {
		return "null";
	}
	snprintf(buf, 32, "%.*f", prec, v);
	return buf;
}

static void usage(void)
{
	fprintf(stderr, "usage: loadgen echo|broadcast|idle --port P [--conns N|--subs N] [--size S] [--duration T]\n"
		"       [--warmup W] [--rate R] [--touch] [--hold H] [--server-pid PID] [--inflight K] [--text] [--host IP]\n");
	exit(2);
}

static void stop_cb(evutil_socket_t fd, short what, void *arg)
{
	event_base_loopbreak(base);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "port", 1, 0, 'p' }, { "conns", 1, 0, 'c' }, { "subs", 1, 0, 'n' }, { "size", 1, 0, 's' },
		{ "duration", 1, 0, 'd' }, { "warmup", 1, 0, 'w' }, { "rate", 1, 0, 'r' }, { "touch", 0, 0, 'T' },
		{ "hold", 1, 0, 'H' }, { "server-pid", 1, 0, 'P' }, { "inflight", 1, 0, 'i' }, { "text", 0, 0, 't' },
		{ "host", 1, 0, 'h' }, { 0, 0, 0, 0 }
	};
	struct rlimit rl;
	struct event *sigterm, *sigint, *deadline;
	struct timeval dl;
	int o, i;
	double elapsed, scpu, lcpu;

	if (argc < 2) {
		usage();
	}
	if (strcmp(argv[1], "echo") == 0) {
		mode = MODE_ECHO;
	} else if (strcmp(argv[1], "broadcast") == 0) {
		mode = MODE_BROADCAST;
	} else if (strcmp(argv[1], "idle") == 0) {
		mode = MODE_IDLE;
	} else {
		usage();
	}
	optind = 2;
	while ((o = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (o) {
		case 'p': opt_port = atoi(optarg); break;
		case 'c': case 'n': opt_conns = atoi(optarg); break;
		case 's': opt_size = atoi(optarg); break;
		case 'd': opt_duration = atof(optarg); break;
		case 'w': opt_warmup = atof(optarg); break;
		case 'r': opt_rate = atof(optarg); break;
		case 'T': opt_touch = 1; break;
		case 'H': opt_hold = atof(optarg); break;
		case 'P': server_pid = atoi(optarg); break;
		case 'i': opt_inflight = atoi(optarg); break;
		case 't': opt_text = 1; break;
		case 'h': opt_host = optarg; break;
		default: usage();
		}
	}
	if (!opt_port || opt_conns < 1) {
		usage();
	}
	if (mode == MODE_BROADCAST && opt_size < 13) {
		opt_size = 13;
	}
	raise_nofile();
	getrlimit(RLIMIT_NOFILE, &rl);
	signal(SIGPIPE, SIG_IGN);
	rng_state ^= (uint64_t) getpid() << 32 ^ now_ns();

	hist = calloc(HIST_N, sizeof(uint32_t));
	payload = malloc((size_t) opt_size + 16);
	for (i = 0; i < opt_size; i++) {
		payload[i] = (uint8_t) ('a' + i % 26); /* valid UTF-8 for --text */
	}
	n_subs = opt_conns;
	conns = calloc((size_t) opt_conns + 1, sizeof(conn));
	for (i = 0; i <= opt_conns; i++) {
		conns[i].fd = -1;
		conns[i].idx = i;
		conns[i].role = mode == MODE_BROADCAST ? ROLE_SUB : ROLE_ECHO;
	}
	n_conns = opt_conns;
	memset(&target, 0, sizeof(target));
	target.sin_family = AF_INET;
	target.sin_port = htons((uint16_t) opt_port);
	inet_pton(AF_INET, opt_host, &target.sin_addr);

	base = event_base_new();
	phase_timer = evtimer_new(base, phase_cb, NULL);
	pub_timer = evtimer_new(base, pub_timer_cb, NULL);
	sigterm = evsignal_new(base, SIGTERM, stop_cb, NULL);
	sigint = evsignal_new(base, SIGINT, stop_cb, NULL);
	evsignal_add(sigterm, NULL);
	evsignal_add(sigint, NULL);
	/* everything is bounded in time */
	deadline = evtimer_new(base, stop_cb, NULL);
	dl.tv_sec = (time_t) (60 + opt_warmup + opt_duration + opt_hold);
	dl.tv_usec = 0;
	evtimer_add(deadline, &dl);

	if (server_pid) {
		rss_before = proc_rss_kb(server_pid);
	}
	connect_ns = now_ns();
	start_connects();
	event_base_dispatch(base);

	if (phase == 2) {
		end_measuring(); /* stopped early */
	}
	elapsed = (t_end - t_start) / 1e9;
	scpu = cpu_end - cpu_start;
	lcpu = self_cpu_end - self_cpu_start;
	printf("{\"mode\":\"%s\",\"conns\":%d,\"size\":%d,\"open\":%d,\"connect_s\":%.3f,"
		"\"err_connect\":%ld,\"err_handshake\":%ld,\"err_closed\":%ld,\"err_timeout\":%ld,\"err_mismatch\":%ld,"
		"\"first_error\":\"%s\",\"nofile\":%llu",
		argv[1], opt_conns, opt_size, n_open, phase ? connect_ns / 1e9 : -1.0,
		err.connect, err.handshake, err.closed, err.timeout, err.mismatch, err.first_status,
		(unsigned long long) rl.rlim_cur);
	if (mode == MODE_IDLE) {
		printf(",\"rss_before_kb\":%ld,\"rss_idle_kb\":%ld,\"rss_touched_kb\":%ld", rss_before, rss_idle,
			opt_touch ? rss_touched : -1L);
	} else if (t_end > t_start) {
		char b1[32], b2[32], b3[32], b4[32];
		printf(",\"seconds\":%.3f,\"msgs\":%llu,\"rate\":%.1f,\"p50_ms\":%s,\"p99_ms\":%s,\"max_ms\":%.3f,"
			"\"server_cpu_s\":%s,\"loadgen_cpu_s\":%.3f,\"server_cpu_s_per_M\":%s",
			elapsed, (unsigned long long) msgs, msgs / elapsed, jnum(b1, hist_pct(0.50), 3), jnum(b2, hist_pct(0.99), 3),
			hist_max_ns / 1e6, jnum(b3, scpu, 3), lcpu, jnum(b4, msgs ? scpu / (msgs / 1e6) : NAN, 4));
		if (mode == MODE_BROADCAST) {
			printf(",\"publishes\":%llu,\"incomplete\":%llu,\"lost\":%llu,\"pacing\":\"%s\"",
				(unsigned long long) publishes, (unsigned long long) incomplete, (unsigned long long) lost,
				opt_rate > 0 ? "fixed-rate" : "closed-loop");
		}
	}
	printf("}\n");
	fflush(stdout);
	/* exit closes every socket with RST (SO_LINGER 0) */
	return n_open > 0 ? 0 : 1;
}
