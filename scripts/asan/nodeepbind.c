/* Preloaded before libasan when testing: Debian's PHP opens extensions with
 * RTLD_DEEPBIND, which AddressSanitizer refuses. Drop that flag. */
#define _GNU_SOURCE
#include <dlfcn.h>

void *dlopen(const char *file, int mode)
{
	static void *(*next)(const char *, int);
	if (!next) {
		next = (void *(*)(const char *, int)) dlsym(RTLD_NEXT, "dlopen");
	}
	return next(file, mode & ~RTLD_DEEPBIND);
}
