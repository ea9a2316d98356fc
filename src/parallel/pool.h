/* The pool's insides, shared by pool.c (the Async\Parallel object and its
 * scheduling) and pool_worker.c (one worker process seen from the pool:
 * starting it, its descriptors, frames in and out, its stderr). */
#ifndef PHP_ASYNC_POOL_H
#define PHP_ASYNC_POOL_H

#include "php_async_compat.h"
#include "parallel/ipc.h"
#include "parallel/parallel.h"
#include <event2/event.h>
#include <event2/event_struct.h>

#define STDERR_TAIL 4096
#define KILL_GRACE 1.0     /* seconds between SIGTERM and SIGKILL */
#define READ_CHUNK (1024 * 1024)

typedef struct php_async_job php_async_job;
struct php_async_job {
	php_async_job *next;
	zend_string *frame;            /* the serialized task, header included */
	zend_string *name;             /* its class, for messages */
	zend_object *promise;          /* owned */
};

typedef struct php_async_worker php_async_worker;
typedef struct php_async_pool php_async_pool;

struct php_async_worker {
	php_async_worker *next;
	php_async_pool *pool;
	php_async_child *child;
	int ipc_fd, err_fd;            /* -1: closed */
	struct event ipc_ev, out_ev, err_ev;
	php_async_job *job;            /* running now */
	size_t out_pos;                /* of job->frame, written */
	unsigned char hdr[PHP_ASYNC_FRAME_HEADER];
	size_t hdr_got;
	zend_string *in;               /* the frame being read */
	size_t in_got;
	uint8_t in_type;
	bool frame_ready;              /* in holds a whole frame */
	bool broken;                   /* the connection failed, or the worker broke the protocol */
	bool exited;                   /* reaped */
	bool retiring;                 /* we closed its connection: it is on its way out */
	bool ready;                    /* it has started and required the bootstrap */
	zend_string *why;              /* why we stopped it (a protocol error), for the report */
	double deadline;               /* task_timeout: when the job is late (0: never) */
	double kill_at;                /* SIGKILL if still alive then (0: not signalled) */
	zend_long tasks_done;
	char tail[STDERR_TAIL];        /* the last bytes of its stderr (a ring) */
	size_t tail_len, tail_pos;
};

struct php_async_pool {
	zend_long workers_max;
	zend_string *bootstrap;
	zend_string *php_binary;
	zval ini;                      /* array or UNDEF */
	double task_timeout;
	zend_long max_tasks_per_worker;
	zend_long max_queue;

	php_async_worker *workers;
	uint32_t n_workers, n_busy;
	php_async_job *queue_head, *queue_tail;
	uint32_t queued;
	zend_long completed, failed;
	bool task_queued;              /* the microtask is queued */
	bool holding;                  /* holds itself and the loop: work is in flight */
	bool shutting_down, killed;
	zval shutdown_promise;
	zend_ulong timer_id;
	double timer_due;
	zend_object std;
};

/* Queues the pool's microtask (results, deaths, the queue); libevent
 * callbacks call it and return. */
void php_async_pool_queue_process(php_async_pool *p);

/* pool_worker.c */
php_async_worker *php_async_pool_worker_start(php_async_pool *p, int *err);
/* Closing its connection ends Worker::main(); signo: SIGTERM (SIGKILL a
 * second later) or SIGKILL too. It stays listed until reaped. */
void php_async_pool_worker_retire(php_async_worker *w, int signo);
void php_async_pool_worker_free(php_async_pool *p, php_async_worker *w);
void php_async_pool_worker_close_ipc(php_async_worker *w);
/* Reads what has arrived of the next frame; stops at a whole one. */
void php_async_pool_worker_read(php_async_worker *w);
/* Writes what it can of the running job's frame. */
void php_async_pool_worker_write(php_async_worker *w);
/* Reads its stderr: the tail is kept, the bytes passed on to ours. */
void php_async_pool_worker_read_stderr(php_async_worker *w);
/* The last bytes it wrote to stderr. */
zend_string *php_async_pool_worker_stderr_tail(php_async_worker *w);

#endif
