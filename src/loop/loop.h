/* The event loop: one libevent event_base per process and request, with
 * watchers (defer, delay, repeat, readable, writable, signal) that PHP code
 * names by string id. Shared by every subsystem that needs the loop. */
#ifndef PHP_ASYNC_LOOP_H
#define PHP_ASYNC_LOOP_H

#include "php_async_compat.h"
#include "common/callable.h"
#include <event2/event.h>
#include <event2/event_struct.h>
#include <sys/types.h>

typedef enum {
	PHP_ASYNC_WATCHER_DEFER = 0,
	PHP_ASYNC_WATCHER_DELAY,
	PHP_ASYNC_WATCHER_REPEAT,
	PHP_ASYNC_WATCHER_READABLE,
	PHP_ASYNC_WATCHER_WRITABLE,
	PHP_ASYNC_WATCHER_SIGNAL,
	PHP_ASYNC_WATCHER_KINDS
} php_async_watcher_kind;

typedef struct php_async_watcher php_async_watcher;

/* A timer that calls C instead of PHP (promise timeouts, Async\delay()).
 * The watcher owns a reference to obj and gives it to fn. */
typedef void (*php_async_timer_fn)(zend_object *obj);

/* Microtasks: run after every callback, before the loop goes on (promise
 * reactions). The queue owns a reference to obj; data belongs to the task. */
typedef struct {
	void (*run)(zend_object *obj, void *data);
	void (*discard)(zend_object *obj, void *data);   /* dropped unrun (shutdown, fork) */
} php_async_microtask_ops;

typedef struct {
	const php_async_microtask_ops *ops;
	zend_object *obj;
	void *data;
} php_async_microtask;

struct php_async_watcher {
	zend_ulong id;
	zend_string *id_str;
	uint32_t refcount;            /* the id table, the run queue, a running dispatch */
	uint8_t kind;
	bool enabled;
	bool referenced;
	bool cancelled;
	bool pending;                 /* became ready; cleared when disabled */
	bool queued;                  /* in the run queue or the next-tick queue */
	bool assigned;                /* ev set up with event_assign */
	bool added;                   /* known to libevent */
	bool io_linked;
	php_async_watcher *queue_next;
	php_async_watcher *io_prev, *io_next;   /* every stream watcher, for the sweep before blocking */
	php_async_watcher *fd_prev, *fd_next;   /* the stream watchers on the same descriptor */
	php_async_callable callback;
	php_async_timer_fn timer_fn;  /* set: a C timer, callback is empty */
	zend_object *timer_obj;
	zval stream;                  /* readable/writable: the resource or Socket; UNDEF otherwise */
	evutil_socket_t fd;
	int signo;
	struct timeval interval;
	double due;                   /* timers: when it should fire (monotonic seconds) */
	struct event ev;              /* last: a defer is allocated without it */
};

typedef struct php_async_loop {
	struct event_base *base;
	pid_t pid;
	HashTable watchers;               /* id => php_async_watcher* */
	zend_ulong last_id;
	php_async_watcher *run_head, *run_tail;     /* to dispatch in this tick */
	php_async_watcher *next_head, *next_tail;   /* deferred: dispatch next tick */
	php_async_watcher *io_head;
	HashTable fds;                    /* descriptor => first stream watcher on it */
	uint32_t alive;                   /* enabled, referenced watchers */
	php_async_watcher *dispatching;   /* the callback running now */
	bool running;
	bool stop_requested;
	bool stopped;                     /* the last run() ended by stop() */
	double lag;                       /* how late the last timer ran (seconds) */
	php_async_callable error_handler;
	php_async_microtask *tasks;       /* ring buffer */
	uint32_t tasks_head, tasks_count, tasks_size;
} php_async_loop;

void php_async_loop_minit(void);
void php_async_loop_mshutdown(void);
void php_async_loop_rshutdown(void);
void php_async_loop_minfo(void);

/* The loop, made on first use; after fork() the child gets it re-initialised
 * without the parent's watchers. NULL with an exception if libevent fails. */
php_async_loop *php_async_loop_get(void);

/* In the child of a fork(), forgets the parent's loop and everything on it
 * now (it is otherwise done on the loop's next use): call it before touching
 * an event that may be the parent's, which shares the epoll instance. */
void php_async_loop_check_fork(void);

double php_async_loop_now(void);
/* seconds (>= 0) as a timeval, rounded up to the microsecond */
void php_async_timeval_from_seconds(double seconds, struct timeval *tv);

/* Queues a microtask; takes over a reference to obj. */
void php_async_loop_queue_microtask(php_async_loop *loop, const php_async_microtask_ops *ops,
	zend_object *obj, void *data);

/* A one-shot C timer; takes over a reference to obj. Returns the watcher id
 * (cancel with php_async_loop_cancel_id), 0 on failure. */
zend_ulong php_async_loop_add_timer(php_async_loop *loop, double seconds, php_async_timer_fn fn, zend_object *obj);
void php_async_loop_cancel_id(php_async_loop *loop, zend_ulong id);
/* Makes a watcher stop keeping run() going (Loop::unreference()). */
void php_async_loop_unreference_id(php_async_loop *loop, zend_ulong id);
/* Something besides watchers that keeps run() going (a listening server). */
static zend_always_inline void php_async_loop_ref(php_async_loop *loop) { loop->alive++; }
static zend_always_inline void php_async_loop_unref(php_async_loop *loop) { loop->alive--; }

/* Runs the loop until done(arg) is true, the loop runs out of work, or an
 * exception. True if done(arg) became true. Throws AsyncError when the loop
 * is already running. */
bool php_async_loop_run_until(php_async_loop *loop, bool (*done)(void *arg), void *arg);

/* A rejection nobody handled: raised through the error handler or run() at
 * the next tick, or printed as a warning at the end of the request. */
void php_async_loop_report_unhandled(zval *reason);
void php_async_loop_warn_unhandled(void);

#ifdef ZTS
# define PHP_ASYNC_FORKED(loop) UNEXPECTED((loop)->pid != getpid())
#else
# define PHP_ASYNC_FORKED(loop) UNEXPECTED(ASYNC_G(forked))
#endif

#endif
