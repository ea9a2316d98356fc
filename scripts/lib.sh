# Shared by the scripts in this folder: package installation and the build.
# Source it; it sets ROOT to the source tree.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# Sourced from an interactive shell, $0 is the shell: use the current folder.
[ -f "$ROOT/config.m4" ] || ROOT=$(pwd)
WORK="$ROOT/.work"

# The Debian packages a build and the tests need.
ASYNC_BUILD_PACKAGES="php8.2-dev php8.2-cli libevent-dev libwslay-dev libssl-dev pkg-config php-parser"
ASYNC_TEST_PACKAGES="valgrind"

# Installs the named packages that are missing (needs root, as on CI and a
# fresh Debian machine).
ensure_packages() {
	[ -n "${ASYNC_SKIP_DEPS:-}" ] && return 0
	missing=""
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
	done
	[ -z "$missing" ] && return 0
	echo "==> installing:$missing" >&2
	if [ "$(id -u)" != 0 ]; then
		echo "Run as root, or: sudo apt-get install$missing" >&2
		exit 1
	fi
	apt-get update -q >/dev/null
	DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends $missing >/dev/null
}

# build MODE: builds async.so out of tree in .work/build-MODE and prints the
# module's path. MODE is "dev" (-Werror) or "asan" (ASan + UBSan).
build() {
	mode=$1
	dir="$WORK/build-$mode"
	(
		cd "$ROOT"
		if [ ! -f configure ] || [ config.m4 -nt configure ]; then
			phpize >/dev/null
		fi
		# make regenerates an arginfo header whose stub is newer; give
		# gen_stub.php Debian's PHP-Parser so it never tries to download one.
		if [ -f build/gen_stub.php ] && [ -d /usr/share/php/PhpParser ]; then
			v=$(sed -n 's/.*$version = "\(4[0-9.]*\)";.*/\1/p' build/gen_stub.php | head -n 1)
			if [ -n "$v" ] && [ ! -e "build/PHP-Parser-$v/lib/PhpParser" ]; then
				mkdir -p "build/PHP-Parser-$v/lib"
				ln -s /usr/share/php/PhpParser "build/PHP-Parser-$v/lib/PhpParser"
			fi
		fi
		mkdir -p "$dir"
		cd "$dir"
		if [ ! -f Makefile ] || [ "$ROOT/configure" -nt Makefile ]; then
			case $mode in
				asan)
					CFLAGS="-g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=undefined" \
					LDFLAGS="-fsanitize=address,undefined" \
					"$ROOT/configure" --enable-async --enable-async-dev >configure.log 2>&1 \
						|| { cat configure.log >&2; exit 1; } ;;
				clang)
					CC=clang "$ROOT/configure" --enable-async --enable-async-dev >configure.log 2>&1 \
						|| { tail -n 20 configure.log >&2; exit 1; } ;;
				*)
					"$ROOT/configure" --enable-async --enable-async-dev >configure.log 2>&1 \
						|| { tail -n 20 configure.log >&2; exit 1; } ;;
			esac
		fi
		make -j"$(nproc)" >make.log 2>&1 || { grep -E "error:|warning:" make.log >&2 || tail -n 40 make.log >&2; exit 1; }
	) >&2
	echo "$dir/modules/async.so"
}
