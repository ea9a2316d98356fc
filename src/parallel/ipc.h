/* The pool's wire format, between the parent and a worker: frames of an
 * 8-byte header (payload length, type) and a serialize()d payload; and the
 * checks that say what in a value cannot cross to another process. */
#ifndef PHP_ASYNC_IPC_H
#define PHP_ASYNC_IPC_H

#include "php_async_compat.h"

#define PHP_ASYNC_FRAME_HEADER 8
#define PHP_ASYNC_FRAME_MAX ((size_t) UINT32_MAX)

typedef enum {
	PHP_ASYNC_FRAME_TASK = 1,        /* parent -> worker: a Task */
	PHP_ASYNC_FRAME_RESULT,          /* worker -> parent: run()'s return value */
	PHP_ASYNC_FRAME_FAILURE,         /* worker -> parent: what run() threw, as an array */
	PHP_ASYNC_FRAME_UNSENDABLE,      /* worker -> parent: the reason a result could not be sent */
	PHP_ASYNC_FRAME_READY            /* worker -> parent: started and bootstrapped (empty) */
} php_async_frame_type;

/* A frame holding a copy of payload. */
zend_string *php_async_frame_new(php_async_frame_type type, const char *payload, size_t len);
/* Reads a header: false if it is not one of ours. */
bool php_async_frame_parse(const unsigned char *hdr, uint8_t *type, size_t *len);
/* Whether a payload of len bytes can be taken in under memory_limit. */
bool php_async_frame_fits(size_t len);

/* A frame of type holding serialize($value), or NULL with an
 * Async\Parallel\SerializationException saying what could not cross and
 * where in value it is ("$task->handle holds a resource (stream)"). */
zend_string *php_async_ipc_serialize(php_async_frame_type type, zval *value, const char *root, const char *what);
/* unserialize(); false with an exception. */
bool php_async_ipc_unserialize(const char *data, size_t len, zval *out);

#endif
