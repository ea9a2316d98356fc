/* Reading an options array (WebSocketServer, Parallel, Process): each helper
 * checks one value and throws a ValueError naming the option on failure. */
#ifndef PHP_ASYNC_OPTIONS_H
#define PHP_ASYNC_OPTIONS_H

#include "php_async_compat.h"

/* An integer of at least min. */
bool php_async_opt_long(zval *v, uint32_t arg_num, const char *name, zend_long min, zend_long *out);
/* A finite number of seconds, at least 0. */
bool php_async_opt_seconds(zval *v, uint32_t arg_num, const char *name, double *out);
/* A string without NUL bytes, non-empty if required; *out gets a reference. */
bool php_async_opt_string(zval *v, uint32_t arg_num, const char *name, bool non_empty, zend_string **out);
/* The error for a key that is not an option (or not a string). */
void php_async_opt_unknown(uint32_t arg_num, zend_string *key);

/* Frees a NULL-terminated array of estrdup()ed strings (and the array); NULL is fine. */
void php_async_strv_free(char **v);

#endif
