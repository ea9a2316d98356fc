/* The loop's engine: watcher bookkeeping, the tick, dispatch into PHP, fork
 * handling and teardown. libevent only tells us what became ready (its
 * callbacks queue the watcher and return); PHP callbacks run afterwards, outside
 * any libevent frame, so user code may cancel, close or throw at will. */
#include "php_async_compat.h"
#include "php_async.h"
#include "common/errors.h"
#include "loop/loop.h"
#include "loop/loop_internal.h"
#include "loop/stream_fd.h"
#include "websocket/ws.h"
#include "parallel/parallel.h"
#include "ext/standard/info.h"

#include <math.h>
#include <time.h>
#include <unistd.h>
#include <pthread.h>

static const char *const kind_names[PHP_ASYNC_WATCHER_KINDS] = {
	"defer", "delay", "repeat", "on_readable", "on_writable", "on_signal"
};

void php_async_timeval_from_seconds(double seconds, struct timeval *tv)
{
	if (seconds < 0) {
		seconds = 0;
	}
	tv->tv_sec = (time_t) seconds;
	/* Round up: a timer must never fire early. */
	tv->tv_usec = (suseconds_t) ceil((seconds - (double) tv->tv_sec) * 1e6);
	if (tv->tv_usec >= 1000000) {
		tv->tv_sec++;
		tv->tv_usec -= 1000000;
	}
}

double php_async_loop_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + (double) ts.tv_nsec / 1e9;
}

/* libevent reports through a process-wide callback: keep the last warning for
 * our exception messages instead of letting it print to stderr. */
static void log_callback(int severity, const char *msg)
{
	if (severity >= EVENT_LOG_WARN) {
		strlcpy(ASYNC_G(libevent_error), msg, sizeof(ASYNC_G(libevent_error)));
	}
}

#ifndef ZTS
/* Marks the child of any fork() (pcntl_fork, FFI, another extension), so the
 * loop notices with one load instead of a getpid() system call per callback. */
static void atfork_child(void)
{
	ASYNC_G(forked) = true;
}
#endif

void php_async_loop_minit(void)
{
	event_set_log_callback(log_callback);
#ifndef ZTS
	pthread_atfork(NULL, NULL, atfork_child);
#endif
}

void php_async_loop_mshutdown(void)
{
	event_set_log_callback(NULL);
}

static struct event_base *new_base(void)
{
	struct event_config *cfg = event_config_new();
	struct event_base *base;

	if (!cfg) {
		return NULL;
	}
	/* NOLOCK: one thread per loop. No PRECISE_TIMER: with epoll it costs a
	 * timerfd_settime() call per poll; dispatch checks our own monotonic
	 * clock instead, so a timer never fires early (see dispatch_one). */
	event_config_set_flag(cfg, EVENT_BASE_FLAG_NOLOCK);
	base = event_base_new_with_config(cfg);
	event_config_free(cfg);
	return base;
}

/* ---- reference counting and the alive count ---------------------------- */

static zend_always_inline bool keeps_alive(const php_async_watcher *w)
{
	return w->enabled && w->referenced && !w->cancelled;
}

/* Releases what the watcher holds; may run PHP destructors, which may use
 * the loop again (the watcher is out of every structure by then). */
static void watcher_drop_refs(php_async_watcher *w)
{
	zval stream;

	if (w->timer_obj) {
		zend_object *obj = w->timer_obj;
		w->timer_obj = NULL;
		OBJ_RELEASE(obj);
	}
	ZVAL_COPY_VALUE(&stream, &w->stream);
	ZVAL_UNDEF(&w->stream);
	php_async_callable_dtor(&w->callback);
	zval_ptr_dtor(&stream);
}

static void watcher_free(php_async_watcher *w)
{
	zend_string_release(w->id_str);
	watcher_drop_refs(w);
	efree(w);
}

static zend_always_inline void watcher_release(php_async_watcher *w)
{
	if (--w->refcount == 0) {
		watcher_free(w);
	}
}

static void queue_push(php_async_watcher **head, php_async_watcher **tail, php_async_watcher *w)
{
	w->queue_next = NULL;
	if (*tail) {
		(*tail)->queue_next = w;
	} else {
		*head = w;
	}
	*tail = w;
	w->queued = true;
	w->refcount++;
}

static void io_unlink(php_async_loop *loop, php_async_watcher *w)
{
	if (w->fd_prev) {
		w->fd_prev->fd_next = w->fd_next;
	} else if (w->fd_next) {
		zend_hash_index_update_ptr(&loop->fds, (zend_ulong) w->fd, w->fd_next);
	} else {
		zend_hash_index_del(&loop->fds, (zend_ulong) w->fd);
	}
	if (w->fd_next) {
		w->fd_next->fd_prev = w->fd_prev;
	}
	w->fd_prev = w->fd_next = NULL;
	if (w->io_prev) {
		w->io_prev->io_next = w->io_next;
	} else if (loop->io_head == w) {
		loop->io_head = w->io_next;
	}
	if (w->io_next) {
		w->io_next->io_prev = w->io_prev;
	}
	w->io_prev = w->io_next = NULL;
}

static void io_link(php_async_loop *loop, php_async_watcher *w)
{
	php_async_watcher *first = zend_hash_index_find_ptr(&loop->fds, (zend_ulong) w->fd);

	w->fd_prev = NULL;
	w->fd_next = first;
	if (first) {
		first->fd_prev = w;
	}
	zend_hash_index_update_ptr(&loop->fds, (zend_ulong) w->fd, w);
	w->io_prev = NULL;
	w->io_next = loop->io_head;
	if (loop->io_head) {
		loop->io_head->io_prev = w;
	}
	loop->io_head = w;
}

/* Marks w ready and queues it, for this tick or the next, unless it is
 * queued already. */
static void mark_ready(php_async_loop *loop, php_async_watcher *w, bool next_tick)
{
	w->pending = true;
	if (!w->queued) {
		if (next_tick) {
			queue_push(&loop->next_head, &loop->next_tail, w);
		} else {
			queue_push(&loop->run_head, &loop->run_tail, w);
		}
	}
}

/* ---- libevent side: only mark and queue -------------------------------- */

static void ready_callback(evutil_socket_t fd, short what, void *arg)
{
	mark_ready(ASYNC_G(loop), arg, false);
}

/* A readable stream with data already read ahead into PHP's buffer is
 * readable whatever epoll says (as with stream_select()): run it next tick. */
static void queue_if_buffered(php_async_loop *loop, php_async_watcher *w)
{
	if (w->enabled && !w->queued && php_async_stream_has_buffered(&w->stream)) {
		mark_ready(loop, w, true);
	}
}

/* ---- watcher operations ------------------------------------------------- */

/* A new watcher in the id table, with an empty callback. */
static php_async_watcher *watcher_alloc(php_async_loop *loop, php_async_watcher_kind kind)
{
	/* A defer never touches libevent: leave out the struct event. */
	php_async_watcher *w = ecalloc(1, kind == PHP_ASYNC_WATCHER_DEFER
		? XtOffsetOf(php_async_watcher, ev) : sizeof(*w));

	w->id = ++loop->last_id;
	w->id_str = zend_long_to_str((zend_long) w->id);
	w->refcount = 1; /* the id table */
	w->kind = (uint8_t) kind;
	w->referenced = true;
	w->fd = -1;
	ZVAL_UNDEF(&w->stream);
	php_async_callable_init_empty(&w->callback);
	zend_hash_index_add_new_ptr(&loop->watchers, w->id, w);
	return w;
}

php_async_watcher *php_async_watcher_create(php_async_loop *loop, php_async_watcher_kind kind,
		zend_fcall_info *fci, zend_fcall_info_cache *fcc)
{
	php_async_watcher *w = watcher_alloc(loop, kind);

	php_async_callable_init(&w->callback, fci, fcc);
	return w;
}

/* (Re-)adds a timer's event to fire in seconds, keeping w->due. */
static void arm_timer(php_async_watcher *w, double seconds)
{
	struct timeval tv;

	php_async_timeval_from_seconds(seconds, &tv);
	if (event_add(&w->ev, &tv) == 0) {
		w->added = true;
	}
}

/* Makes libevent (or the defer queue) watch it. False with errno when libevent
 * refuses. */
static bool watcher_arm(php_async_loop *loop, php_async_watcher *w)
{
	int rc = 0;

	switch (w->kind) {
		case PHP_ASYNC_WATCHER_DEFER:
			mark_ready(loop, w, true);
			return true;
		case PHP_ASYNC_WATCHER_DELAY:
		case PHP_ASYNC_WATCHER_REPEAT:
			/* One-shot in libevent: a repeat is re-armed at dispatch from
			 * its due time, so it keeps its cadence by our clock. */
			if (!w->assigned) {
				event_assign(&w->ev, loop->base, -1, 0, ready_callback, w);
				w->assigned = true;
			}
			w->due = php_async_loop_now() + (double) w->interval.tv_sec + w->interval.tv_usec / 1e6;
			rc = event_add(&w->ev, &w->interval);
			break;
		case PHP_ASYNC_WATCHER_READABLE:
		case PHP_ASYNC_WATCHER_WRITABLE:
			if (!w->assigned) {
				event_assign(&w->ev, loop->base, w->fd,
					(w->kind == PHP_ASYNC_WATCHER_READABLE ? EV_READ : EV_WRITE) | EV_PERSIST,
					ready_callback, w);
				w->assigned = true;
			}
			rc = event_add(&w->ev, NULL);
			break;
		case PHP_ASYNC_WATCHER_SIGNAL:
			if (!w->assigned) {
				evsignal_assign(&w->ev, loop->base, w->signo, ready_callback, w);
				w->assigned = true;
			}
			rc = event_add(&w->ev, NULL);
			break;
	}
	if (rc == 0) {
		w->added = true;
	}
	return rc == 0;
}

static void watcher_disarm(php_async_watcher *w)
{
	if (w->added) {
		event_del(&w->ev);
		w->added = false;
	}
	w->pending = false;
}

bool php_async_watcher_start(php_async_loop *loop, php_async_watcher *w)
{
	ZEND_ASSERT(!w->enabled);
	if (!watcher_arm(loop, w)) {
		return false;
	}
	if (w->kind == PHP_ASYNC_WATCHER_READABLE || w->kind == PHP_ASYNC_WATCHER_WRITABLE) {
		if (!w->io_linked) {
			io_link(loop, w);
			w->io_linked = true;
		}
	}
	w->enabled = true;
	if (w->kind == PHP_ASYNC_WATCHER_READABLE) {
		queue_if_buffered(loop, w);
	}
	if (keeps_alive(w)) {
		loop->alive++;
	}
	return true;
}

void php_async_watcher_cancel(php_async_loop *loop, php_async_watcher *w)
{
	if (w->cancelled) {
		return;
	}
	if (keeps_alive(w)) {
		loop->alive--;
	}
	w->cancelled = true;
	w->enabled = false;
	watcher_disarm(w);
	if (w->io_linked) {
		io_unlink(loop, w);
		w->io_linked = false;
	}
	zend_hash_index_del(&loop->watchers, w->id);
	/* Free the callback and stream now, not when the last queue reference
	 * goes: a captured object is destroyed at cancel(), as users expect. */
	watcher_drop_refs(w);
	watcher_release(w);
}

bool php_async_watcher_enable(php_async_loop *loop, php_async_watcher *w)
{
	if (w->enabled) {
		return true;
	}
	if ((w->kind == PHP_ASYNC_WATCHER_READABLE || w->kind == PHP_ASYNC_WATCHER_WRITABLE)
			&& !php_async_stream_alive(&w->stream)) {
		/* Its stream was closed while disabled: the watcher is gone, as it
		 * would be at the next tick; never hand libevent that descriptor. */
		php_async_watcher_cancel(loop, w);
		return true;
	}
	return php_async_watcher_start(loop, w);
}

void php_async_watcher_disable(php_async_loop *loop, php_async_watcher *w)
{
	if (!w->enabled) {
		return;
	}
	if (keeps_alive(w)) {
		loop->alive--;
	}
	w->enabled = false;
	watcher_disarm(w);
}

void php_async_watcher_set_referenced(php_async_loop *loop, php_async_watcher *w, bool referenced)
{
	bool before = keeps_alive(w);
	w->referenced = referenced;
	loop->alive += (int) keeps_alive(w) - (int) before;
}

php_async_watcher *php_async_watcher_find(php_async_loop *loop, zend_string *id)
{
	zend_ulong index;

	if (!ZEND_HANDLE_NUMERIC_STR(ZSTR_VAL(id), ZSTR_LEN(id), index)) {
		return NULL;
	}
	return zend_hash_index_find_ptr(&loop->watchers, index);
}

/* ---- C timers --------------------------------------------------------- */

zend_ulong php_async_loop_add_timer(php_async_loop *loop, double seconds, php_async_timer_fn fn, zend_object *obj)
{
	php_async_watcher *w = watcher_alloc(loop, PHP_ASYNC_WATCHER_DELAY);

	w->timer_fn = fn;
	w->timer_obj = obj;
	php_async_timeval_from_seconds(seconds, &w->interval);
	if (!php_async_watcher_start(loop, w)) {
		php_async_watcher_cancel(loop, w);
		return 0;
	}
	return w->id;
}

void php_async_loop_unreference_id(php_async_loop *loop, zend_ulong id)
{
	php_async_watcher *w = id ? zend_hash_index_find_ptr(&loop->watchers, id) : NULL;
	if (w) {
		php_async_watcher_set_referenced(loop, w, false);
	}
}

void php_async_loop_cancel_id(php_async_loop *loop, zend_ulong id)
{
	php_async_watcher *w = zend_hash_index_find_ptr(&loop->watchers, id);
	if (w) {
		php_async_watcher_cancel(loop, w);
	}
}

/* ---- microtasks ---------------------------------------------------------- */

void php_async_loop_queue_microtask(php_async_loop *loop, const php_async_microtask_ops *ops,
		zend_object *obj, void *data)
{
	php_async_microtask *t;

	if (loop->tasks_count == loop->tasks_size) {
		uint32_t size = loop->tasks_size ? loop->tasks_size * 2 : 64, i;
		php_async_microtask *tasks = safe_emalloc(size, sizeof(*tasks), 0);
		/* Unwrap the ring into the new buffer. */
		for (i = 0; i < loop->tasks_count; i++) {
			tasks[i] = loop->tasks[(loop->tasks_head + i) % loop->tasks_size];
		}
		if (loop->tasks) {
			efree(loop->tasks);
		}
		loop->tasks = tasks;
		loop->tasks_head = 0;
		loop->tasks_size = size;
	}
	t = &loop->tasks[(loop->tasks_head + loop->tasks_count) % loop->tasks_size];
	t->ops = ops;
	t->obj = obj;
	t->data = data;
	loop->tasks_count++;
}

static bool pop_microtask(php_async_loop *loop, php_async_microtask *out)
{
	if (!loop->tasks_count) {
		return false;
	}
	*out = loop->tasks[loop->tasks_head];
	loop->tasks_head = (loop->tasks_head + 1) % loop->tasks_size;
	loop->tasks_count--;
	return true;
}

static void discard_microtasks(php_async_loop *loop)
{
	php_async_microtask t;

	while (pop_microtask(loop, &t)) {
		if (t.ops->discard) {
			t.ops->discard(t.obj, t.data);
		}
		if (t.obj) {
			OBJ_RELEASE(t.obj);
		}
	}
}

void php_async_loop_report_unhandled(zval *reason)
{
	if (ASYNC_G(shutdown)) {
		php_async_warn_unhandled(reason);
		return;
	}
	if (Z_ISUNDEF(ASYNC_G(unhandled))) {
		array_init(&ASYNC_G(unhandled));
	}
	Z_TRY_ADDREF_P(reason);
	add_next_index_zval(&ASYNC_G(unhandled), reason);
}

/* The end of the request: rejections nobody handled and no run() raised
 * are printed as warnings, never dropped silently. */
void php_async_loop_warn_unhandled(void)
{
	zval list, *reason;

	ASYNC_G(shutdown) = true;
	if (Z_ISUNDEF(ASYNC_G(unhandled))) {
		return;
	}
	ZVAL_COPY_VALUE(&list, &ASYNC_G(unhandled));
	ZVAL_UNDEF(&ASYNC_G(unhandled));
	ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), reason) {
		php_async_warn_unhandled(reason);
	} ZEND_HASH_FOREACH_END();
	zval_ptr_dtor(&list);
}

static bool handle_exception(php_async_loop *loop);

/* Work for drain_microtasks(): queued tasks, or rejections to raise. */
static zend_always_inline bool has_microtasks(const php_async_loop *loop)
{
	return loop->tasks_count || !Z_ISUNDEF(ASYNC_G(unhandled));
}

/* Raises each unhandled rejection as an Async\UnhandledRejectionError, as
 * if a callback had thrown it. False: stop, exception pending. */
static bool raise_unhandled(php_async_loop *loop)
{
	while (!Z_ISUNDEF(ASYNC_G(unhandled))) {
		zval list, *reason;
		bool ok = true;

		ZVAL_COPY_VALUE(&list, &ASYNC_G(unhandled));
		ZVAL_UNDEF(&ASYNC_G(unhandled));
		ZEND_HASH_FOREACH_VAL(Z_ARRVAL(list), reason) {
			if (!ok) {
				/* Stopped: keep the rest for the next run(). */
				php_async_loop_report_unhandled(reason);
				continue;
			}
			php_async_throw_unhandled(reason);
			ok = handle_exception(loop);
		} ZEND_HASH_FOREACH_END();
		zval_ptr_dtor(&list);
		if (!ok) {
			return false;
		}
	}
	return true;
}

/* Runs microtasks until none is left, including those they queue. False:
 * stop, exception pending. */
static bool drain_microtasks(php_async_loop *loop)
{
	php_async_microtask t;

	for (;;) {
		while (pop_microtask(loop, &t)) {
			t.ops->run(t.obj, t.data);
			if (t.obj) {
				OBJ_RELEASE(t.obj);
			}
			if (UNEXPECTED(EG(exception)) && !handle_exception(loop)) {
				return false;
			}
		}
		if (Z_ISUNDEF(ASYNC_G(unhandled))) {
			return true;
		}
		if (!raise_unhandled(loop)) {
			return false;
		}
	}
}

/* ---- making and dropping the whole loop -------------------------------- */

static void drain_queue(php_async_watcher **head, php_async_watcher **tail)
{
	php_async_watcher *w;

	while ((w = *head)) {
		*head = w->queue_next;
		if (!*head) {
			*tail = NULL;
		}
		w->queued = false;
		watcher_release(w);
	}
}

/* Cancels every watcher. Releasing callbacks may run destructors that add
 * watchers: repeat until the loop is quiet. */
static void drop_watchers(php_async_loop *loop)
{
	discard_microtasks(loop);
	do {
		uint32_t n = zend_hash_num_elements(&loop->watchers), i = 0;
		php_async_watcher **all = n ? safe_emalloc(n, sizeof(*all), 0) : NULL, *w;

		drain_queue(&loop->run_head, &loop->run_tail);
		drain_queue(&loop->next_head, &loop->next_tail);
		/* Take them all out first: no PHP code runs while iterating. */
		ZEND_HASH_FOREACH_PTR(&loop->watchers, w) {
			w->refcount++;
			all[i++] = w;
		} ZEND_HASH_FOREACH_END();
		for (i = 0; i < n; i++) {
			php_async_watcher_cancel(loop, all[i]);
		}
		for (i = 0; i < n; i++) {
			watcher_release(all[i]);
		}
		if (all) {
			efree(all);
		}
	} while (zend_hash_num_elements(&loop->watchers) || loop->run_head || loop->next_head);
}

php_async_loop *php_async_loop_get(void)
{
	php_async_loop *loop = ASYNC_G(loop);

	if (EXPECTED(loop)) {
		if (PHP_ASYNC_FORKED(loop)) {
			php_async_loop_after_fork(loop);
		}
		return loop;
	}

	loop = ecalloc(1, sizeof(*loop));
	loop->base = new_base();
	if (!loop->base) {
		efree(loop);
		zend_throw_exception_ex(php_async_error_ce, 0,
			"Cannot create the event loop: libevent failed (%s)",
			ASYNC_G(libevent_error)[0] ? ASYNC_G(libevent_error) : "no reason given");
		return NULL;
	}
	loop->pid = getpid();
	zend_hash_init(&loop->watchers, 8, NULL, NULL, 0);
	zend_hash_init(&loop->fds, 8, NULL, NULL, 0);
	php_async_callable_init_empty(&loop->error_handler);
	ASYNC_G(loop) = loop;
	return loop;
}

/* The child of a fork() shares the parent's epoll instance and signal pipe:
 * give it its own (event_reinit) before touching any event, then forget the
 * parent's watchers so nothing fires in both processes. */
void php_async_loop_after_fork(php_async_loop *loop)
{
	loop->pid = getpid();
#ifndef ZTS
	ASYNC_G(forked) = false;
#endif
	if (event_reinit(loop->base) != 0) {
		/* Keep going with a fresh base; the old one cannot be freed safely. */
		loop->base = new_base();
	}
	drop_watchers(loop);
	php_async_ws_after_fork();
	php_async_parallel_after_fork();
}

void php_async_loop_check_fork(void)
{
	php_async_loop *loop = ASYNC_G(loop);

	if (loop && PHP_ASYNC_FORKED(loop)) {
		php_async_loop_after_fork(loop);
	}
}

void php_async_loop_rshutdown(void)
{
	php_async_loop *loop = ASYNC_G(loop);

	if (!loop) {
		return;
	}
	if (PHP_ASYNC_FORKED(loop)) {
		php_async_loop_after_fork(loop); /* never touch the parent's epoll instance */
	}
	drop_watchers(loop);
	discard_microtasks(loop);
	if (loop->tasks) {
		efree(loop->tasks);
	}
	php_async_callable_dtor(&loop->error_handler);
	zend_hash_destroy(&loop->watchers);
	zend_hash_destroy(&loop->fds);
	event_base_free(loop->base);
	ASYNC_G(loop) = NULL;
	efree(loop);
}

/* ---- the tick ------------------------------------------------------------ */

/* Cancels the stream watchers whose stream was closed (its descriptor may be
 * reused any moment), on descriptor fd or on all (fd -1); and, when
 * mark_buffered, queues readable watchers whose stream has data buffered
 * inside PHP's stream layer, as stream_select() does. */
static void sweep(php_async_loop *loop, evutil_socket_t fd, bool mark_buffered)
{
	php_async_watcher *w, *dead_small[8], **dead = dead_small;
	uint32_t n_dead = 0, cap = 8, i;

	/* First only look: cancelling may run PHP code (destructors), which must
	 * not happen while walking the list. */
	w = fd >= 0 ? zend_hash_index_find_ptr(&loop->fds, (zend_ulong) fd) : loop->io_head;
	for (; w; w = fd >= 0 ? w->fd_next : w->io_next) {
		if (!php_async_stream_alive(&w->stream)) {
			if (n_dead == cap) {
				cap *= 2;
				if (dead == dead_small) {
					dead = safe_emalloc(cap, sizeof(*dead), 0);
					memcpy(dead, dead_small, sizeof(dead_small));
				} else {
					dead = safe_erealloc(dead, cap, sizeof(*dead), 0);
				}
			}
			w->refcount++;
			dead[n_dead++] = w;
		} else if (mark_buffered && w->kind == PHP_ASYNC_WATCHER_READABLE && w->enabled
				&& php_async_stream_has_buffered(&w->stream)) {
			mark_ready(loop, w, false);
		}
	}
	for (i = 0; i < n_dead; i++) {
		php_async_watcher_cancel(loop, dead[i]);
	}
	for (i = 0; i < n_dead; i++) {
		watcher_release(dead[i]);
	}
	if (dead != dead_small) {
		efree(dead);
	}
}

/* Before a new watcher uses descriptor fd, the watchers of a closed stream
 * that had the same number must be gone from libevent. */
void php_async_loop_sweep_fd(php_async_loop *loop, evutil_socket_t fd)
{
	sweep(loop, fd, false);
}

/* Returns false when the loop must stop with EG(exception) set. */
static bool handle_exception(php_async_loop *loop)
{
	zend_object *ex = EG(exception);
	php_async_callable handler;
	zval arg;

	if (PHP_ASYNC_IS_EXIT_EXCEPTION(ex) || !php_async_callable_isset(&loop->error_handler)) {
		return false;
	}
	/* The handler may replace itself: call a copy. */
	ZVAL_COPY(&handler.fn, &loop->error_handler.fn);
	handler.fcc = loop->error_handler.fcc;
	GC_ADDREF(ex);
	zend_clear_exception();
	ZVAL_OBJ(&arg, ex);
	php_async_callable_call(&handler, 1, &arg, NULL);
	zval_ptr_dtor(&arg);
	php_async_callable_dtor(&handler);
	return !EG(exception);
}

static bool dispatch_one(php_async_loop *loop, php_async_watcher *w)
{
	php_async_callable cb;
	zval args[2];
	uint32_t argc = 1;
	bool one_shot = false;

	switch (w->kind) {
		case PHP_ASYNC_WATCHER_DEFER:
			one_shot = true;
			break;
		case PHP_ASYNC_WATCHER_DELAY:
		case PHP_ASYNC_WATCHER_REPEAT: {
			double now = php_async_loop_now();
			if (UNEXPECTED(now < w->due)) {
				/* libevent's clock (coarse where it is fine enough, and epoll's
				 * millisecond timeouts) may run a little ahead of ours: never
				 * fire early, wait for the rest. */
				arm_timer(w, w->due - now);
				return true;
			}
			loop->lag = now - w->due;
			if (w->kind == PHP_ASYNC_WATCHER_DELAY) {
				one_shot = true;
			} else {
				double interval = (double) w->interval.tv_sec + w->interval.tv_usec / 1e6;
				w->due += interval;
				if (w->due < now) {
					w->due = now + interval; /* fell behind: skip, don't burst */
				}
				arm_timer(w, w->due - now);
			}
			break;
		}
		case PHP_ASYNC_WATCHER_READABLE:
		case PHP_ASYNC_WATCHER_WRITABLE:
			if (!php_async_stream_alive(&w->stream)) {
				/* Closed by an earlier callback of this tick. */
				php_async_watcher_cancel(loop, w);
				return !EG(exception) || handle_exception(loop);
			}
			break;
	}

	if (w->timer_fn) {
		zend_object *obj = w->timer_obj;
		php_async_timer_fn fn = w->timer_fn;
		GC_ADDREF(obj);
		if (one_shot) {
			php_async_watcher_cancel(loop, w);
		}
		fn(obj);
		OBJ_RELEASE(obj);
		return !EG(exception) || handle_exception(loop);
	}

	/* Our own references for the call: a one-shot is cancelled first (which
	 * frees what the watcher holds), and any callback may cancel itself. */
	ZVAL_COPY(&cb.fn, &w->callback.fn);
	cb.fcc = w->callback.fcc;
	ZVAL_STR_COPY(&args[0], w->id_str);
	if (w->kind == PHP_ASYNC_WATCHER_READABLE || w->kind == PHP_ASYNC_WATCHER_WRITABLE) {
		ZVAL_COPY(&args[1], &w->stream);
		argc = 2;
	} else if (w->kind == PHP_ASYNC_WATCHER_SIGNAL) {
		ZVAL_LONG(&args[1], w->signo);
		argc = 2;
	}
	if (one_shot) {
		php_async_watcher_cancel(loop, w);
	}
	if (EXPECTED(!EG(exception))) {
		php_async_callable_call(&cb, argc, args, NULL);
	}
	zval_ptr_dtor(&args[0]);
	if (argc == 2) {
		zval_ptr_dtor(&args[1]);
	}
	if (w->kind == PHP_ASYNC_WATCHER_READABLE && !w->cancelled) {
		queue_if_buffered(loop, w);
	}
	/* May run a destructor, which may throw: handled like the callback's. */
	php_async_callable_dtor(&cb);
	if (UNEXPECTED(EG(exception))) {
		return handle_exception(loop);
	}
	return true;
}

typedef struct {
	bool (*done)(void *arg);
	void *arg;
} run_goal;

static zend_always_inline bool goal_reached(const run_goal *goal)
{
	return goal->done && goal->done(goal->arg);
}

/* Runs what this tick queued, in order, each followed by the microtasks it
 * queued. False: stop, exception pending. */
static bool dispatch(php_async_loop *loop, const run_goal *goal)
{
	php_async_watcher *w;

	/* stop() lets the rest of the tick run (Revolt's contract); an await's
	 * goal returns at once. */
	while ((w = loop->run_head) && !goal_reached(goal)) {
		bool ok = true;

		if (PHP_ASYNC_FORKED(loop)) {
			/* Forked inside the last callback: the rest is the parent's. */
			php_async_loop_after_fork(loop);
			return true;
		}
		loop->run_head = w->queue_next;
		if (!loop->run_head) {
			loop->run_tail = NULL;
		}
		w->queued = false;
		if (w->pending && w->enabled && !w->cancelled) {
			w->pending = false;
			loop->dispatching = w;
			ok = dispatch_one(loop, w);
			loop->dispatching = NULL;
		}
		watcher_release(w); /* the queue's reference, kept through the call */
		if (!ok || (has_microtasks(loop) && !drain_microtasks(loop))) {
			return false;
		}
	}
	return true;
}

static bool run_ticks(php_async_loop *loop, const run_goal *goal)
{
	for (;;) {
		int flags = EVLOOP_ONCE;

		if (PHP_ASYNC_FORKED(loop)) {
			php_async_loop_after_fork(loop);
		}
		/* Work queued before run(), or by the last tick's callbacks. */
		if (has_microtasks(loop) && !drain_microtasks(loop)) {
			return false;
		}
		if (loop->stop_requested || goal_reached(goal)) {
			return true;
		}
		/* Callbacks deferred during the last tick run in this one. */
		if (loop->next_head) {
			if (loop->run_tail) {
				loop->run_tail->queue_next = loop->next_head;
			} else {
				loop->run_head = loop->next_head;
			}
			loop->run_tail = loop->next_tail;
			loop->next_head = loop->next_tail = NULL;
		}
		if (loop->run_head) {
			flags |= EVLOOP_NONBLOCK;
		} else if (loop->io_head) {
			/* About to block: drop watchers of closed streams (else they
			 * would keep run() waiting forever) and wake those whose data
			 * sits in PHP's buffer, read there outside their callback. */
			sweep(loop, -1, true);
			if (UNEXPECTED(EG(exception)) && !handle_exception(loop)) {
				return false;
			}
			if (loop->run_head) {
				flags |= EVLOOP_NONBLOCK;
			}
		}
		if (loop->alive == 0) {
			/* libevent finalizes freed bufferevents (closing their sockets)
			 * from the loop: let it, before run() returns. */
			if (event_base_get_num_events(loop->base, EVENT_BASE_COUNT_ACTIVE) > 0) {
				event_base_loop(loop->base, EVLOOP_NONBLOCK);
			}
			return true;
		}
		if (event_base_loop(loop->base, flags) < 0) {
			zend_throw_exception_ex(php_async_error_ce, 0, "The event loop failed: %s",
				ASYNC_G(libevent_error)[0] ? ASYNC_G(libevent_error) : "libevent gave no reason");
			return false;
		}
		if (!dispatch(loop, goal)) {
			return false;
		}
	}
}

static void run_loop(php_async_loop *loop, const run_goal *goal, const char *who)
{
	volatile bool bailed_out = false;
	php_async_loop *after;

	if (loop->running) {
		zend_throw_exception_ex(php_async_error_ce, 0,
			"%s cannot be called from inside a loop callback: the loop is already running", who);
		return;
	}
	loop->running = true;
	loop->stop_requested = false;
	zend_try {
		run_ticks(loop, goal);
	} zend_catch {
		bailed_out = true;
	} zend_end_try();
	after = ASYNC_G(loop);
	if (after) {
		after->running = false;
		after->stopped = after->stop_requested;
		after->stop_requested = false;
		if (bailed_out && after->dispatching) {
			/* A fatal error inside a callback: drop the reference the
			 * dispatch held, so the loop is usable from shutdown code. */
			php_async_watcher *w = after->dispatching;
			after->dispatching = NULL;
			watcher_release(w);
		}
	}
	if (bailed_out) {
		zend_bailout();
	}
}

void php_async_loop_run(php_async_loop *loop)
{
	run_goal goal = { NULL, NULL };
	run_loop(loop, &goal, "Async\\Loop::run()");
}

bool php_async_loop_run_until(php_async_loop *loop, bool (*done)(void *arg), void *arg)
{
	run_goal goal = { done, arg };
	run_loop(loop, &goal, "Awaiting outside a Fiber");
	return !EG(exception) && done(arg);
}

void php_async_loop_stop(php_async_loop *loop)
{
	if (loop->running) {
		loop->stop_requested = true;
	}
}

/* ---- introspection ------------------------------------------------------- */

void php_async_loop_info(php_async_loop *loop, zval *return_value)
{
	uint32_t enabled[PHP_ASYNC_WATCHER_KINDS] = {0}, disabled[PHP_ASYNC_WATCHER_KINDS] = {0};
	uint32_t referenced = 0, unreferenced = 0;
	php_async_watcher *w;
	zval counts, group;
	int i;

	ZEND_HASH_FOREACH_PTR(&loop->watchers, w) {
		if (w->enabled) {
			enabled[w->kind]++;
			if (w->referenced) {
				referenced++;
			} else {
				unreferenced++;
			}
		} else {
			disabled[w->kind]++;
		}
	} ZEND_HASH_FOREACH_END();

	array_init(return_value);
	add_assoc_string(return_value, "backend", (char *) event_base_get_method(loop->base));
	add_assoc_bool(return_value, "running", loop->running);
	for (i = 0; i < PHP_ASYNC_WATCHER_KINDS; i++) {
		array_init(&counts);
		add_assoc_long(&counts, "enabled", enabled[i]);
		add_assoc_long(&counts, "disabled", disabled[i]);
		add_assoc_zval(return_value, kind_names[i], &counts);
	}
	array_init(&group);
	add_assoc_long(&group, "referenced", referenced);
	add_assoc_long(&group, "unreferenced", unreferenced);
	add_assoc_zval(return_value, "enabled_watchers", &group);
	add_assoc_double(return_value, "lag", loop->lag);
}

void php_async_loop_minfo(void)
{
	struct event_base *base = new_base();

	php_info_print_table_row(2, "libevent version", event_get_version());
	php_info_print_table_row(2, "libevent backend", base ? event_base_get_method(base) : "unavailable");
	if (base) {
		event_base_free(base);
	}
}
