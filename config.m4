dnl config.m4 for the async extension: an event loop, promises, a WebSocket
dnl server and worker processes for PHP, on libevent, wslay and OpenSSL.

PHP_ARG_ENABLE([async],
  [whether to enable async support],
  [AS_HELP_STRING([--enable-async], [Enable async support])],
  [no])

PHP_ARG_ENABLE([async-dev],
  [whether to build async with developer warnings as errors],
  [AS_HELP_STRING([--enable-async-dev], [async: compile with -Wall -Wextra -Werror])],
  [no], [no])

if test "$PHP_ASYNC" != "no"; then
  PKG_PROG_PKG_CONFIG

  dnl libevent: the loop (core), TLS bufferevents (openssl), evhttp (extra).
  PKG_CHECK_MODULES([LIBEVENT], [libevent_core >= 2.1 libevent_openssl >= 2.1 libevent_extra >= 2.1], [],
    [AC_MSG_ERROR([async needs libevent 2.1 or later with its openssl and extra parts: install the Debian package libevent-dev (apt-get install libevent-dev)])])
  PHP_EVAL_INCLINE([$LIBEVENT_CFLAGS])
  PHP_EVAL_LIBLINE([$LIBEVENT_LIBS], [ASYNC_SHARED_LIBADD])

  dnl OpenSSL: libevent_openssl does not bring -lssl -lcrypto with it.
  PKG_CHECK_MODULES([ASYNC_OPENSSL], [openssl >= 1.1.1], [],
    [AC_MSG_ERROR([async needs OpenSSL 1.1.1 or later: install the Debian package libssl-dev (apt-get install libssl-dev)])])
  PHP_EVAL_INCLINE([$ASYNC_OPENSSL_CFLAGS])
  PHP_EVAL_LIBLINE([$ASYNC_OPENSSL_LIBS], [ASYNC_SHARED_LIBADD])

  dnl wslay: Debian ships no pkg-config file for it, so fall back to a header
  dnl and symbol check. Its WSLAY_VERSION macro is stale ("1.0.1-DEV"), so the
  dnl version shown by phpinfo() comes from pkg-config or dpkg when they know it.
  ASYNC_WSLAY_VERSION=""
  if $PKG_CONFIG --exists libwslay 2>/dev/null; then
    PHP_EVAL_INCLINE([`$PKG_CONFIG --cflags libwslay`])
    PHP_EVAL_LIBLINE([`$PKG_CONFIG --libs libwslay`], [ASYNC_SHARED_LIBADD])
    ASYNC_WSLAY_VERSION=`$PKG_CONFIG --modversion libwslay`
  else
    AC_CHECK_HEADER([wslay/wslay.h], [],
      [AC_MSG_ERROR([async needs wslay: install the Debian package libwslay-dev (apt-get install libwslay-dev)])])
    PHP_CHECK_LIBRARY([wslay], [wslay_event_context_server_init],
      [PHP_ADD_LIBRARY([wslay], [1], [ASYNC_SHARED_LIBADD])],
      [AC_MSG_ERROR([async needs the wslay library: install the Debian package libwslay-dev (apt-get install libwslay-dev)])])
    if command -v dpkg-query >/dev/null 2>&1; then
      ASYNC_WSLAY_VERSION=`dpkg-query -W -f='${Version}' 'libwslay1*' 2>/dev/null | head -n 1 | sed 's/[[-+]].*//'`
    fi
  fi
  if test -n "$ASYNC_WSLAY_VERSION"; then
    AC_DEFINE_UNQUOTED([ASYNC_WSLAY_VERSION], ["$ASYNC_WSLAY_VERSION"], [wslay version found at build time])
  fi

  if test "$PHP_ASYNC_DEV" != "no"; then
    dnl php-src's own warning set: Zend's INTERNAL_FUNCTION_PARAMETERS and
    dnl handler signatures leave parameters unused by design.
    ASYNC_CFLAGS="-Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers"
  fi

  dnl Async\Process: a cwd for posix_spawn() (glibc 2.29, musl 1.1.24), and
  dnl closing the descriptors PHP opened without close-on-exec (glibc 2.34).
  AC_CHECK_FUNCS([posix_spawn_file_actions_addchdir_np posix_spawn_file_actions_addclosefrom_np])

  ASYNC_SOURCES="async.c \
    src/common/callable.c \
    src/common/compat.c \
    src/common/errors.c \
    src/common/options.c \
    src/loop/loop.c \
    src/loop/loop_api.c \
    src/loop/stream_fd.c \
    src/promise/promise.c \
    src/promise/promise_api.c \
    src/promise/combinators.c \
    src/websocket/connection.c \
    src/websocket/frame.c \
    src/websocket/handshake.c \
    src/websocket/io.c \
    src/websocket/request.c \
    src/websocket/server.c \
    src/parallel/child.c \
    src/parallel/ipc.c \
    src/parallel/pool.c \
    src/parallel/pool_worker.c \
    src/parallel/process.c \
    src/parallel/spawn.c \
    src/parallel/worker.c"

  PHP_NEW_EXTENSION([async], [$ASYNC_SOURCES], [$ext_shared], [],
    [-DZEND_ENABLE_STATIC_TSRMLS_CACHE=1 $ASYNC_CFLAGS])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/common])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/loop])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/promise])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/websocket])
  PHP_ADD_BUILD_DIR([$ext_builddir/src/parallel])
  PHP_ADD_INCLUDE([$ext_srcdir/src])
  PHP_ADD_EXTENSION_DEP([async], [sockets], [true])
  PHP_SUBST([ASYNC_SHARED_LIBADD])
fi
