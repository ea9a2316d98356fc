--TEST--
Async\Loop::onReadable(): non-streams are TypeErrors; plain files, memory streams and closed streams are ValueErrors
--EXTENSIONS--
async
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

$cb = function () { echo "never\n"; };
show_error(function () use ($cb) { Loop::onReadable(42, $cb); });
show_error(function () use ($cb) { Loop::onReadable("php://stdin", $cb); });
show_error(function () use ($cb) { Loop::onReadable([1, 2], $cb); });
show_error(function () use ($cb) { Loop::onReadable(new stdClass, $cb); });
show_error(function () use ($cb) { Loop::onReadable(null, $cb); });
show_error(function () use ($cb) { Loop::onReadable(1.5, $cb); });
show_error(function () use ($cb) { Loop::onReadable(stream_context_create(), $cb); });

$file = fopen(__FILE__, 'r');
show_error(function () use ($cb, $file) { Loop::onReadable($file, $cb); });
$dir = opendir(__DIR__);
show_error(function () use ($cb, $dir) { Loop::onReadable($dir, $cb); });
$mem = fopen('php://memory', 'r+');
show_error(function () use ($cb, $mem) { Loop::onReadable($mem, $cb); });
$temp = fopen('php://temp', 'r+');
show_error(function () use ($cb, $temp) { Loop::onReadable($temp, $cb); });

[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
fclose($r);
show_error(function () use ($cb, $r) { Loop::onReadable($r, $cb); });
show_error(function () use ($w) { Loop::onReadable($w, 'no_such_function'); });
// By reference works the same.
$ref = &$file;
show_error(function () use ($cb, &$ref) { Loop::onReadable($ref, $cb); });

// None of them made a watcher.
var_dump(Loop::info()['on_readable']);
Loop::run();
echo "done\n";
?>
--EXPECTF--
TypeError: Async\Loop::onReadable(): Argument #1 ($stream) must be a stream resource or a Socket, int given
TypeError: Async\Loop::onReadable(): Argument #1 ($stream) must be a stream resource or a Socket, string given
TypeError: Async\Loop::onReadable(): Argument #1 ($stream) must be a stream resource or a Socket, array given
TypeError: Async\Loop::onReadable(): Argument #1 ($stream) must be a stream resource or a Socket, stdClass given
TypeError: Async\Loop::onReadable(): Argument #1 ($stream) must be a stream resource or a Socket, null given
TypeError: Async\Loop::onReadable(): Argument #1 ($stream) must be a stream resource or a Socket, float given
TypeError: Async\Loop::onReadable(): Argument #1 ($stream) must be a stream resource or a Socket, resource given
ValueError: Async\Loop::onReadable(): Argument #1 ($stream) cannot be watched: it is a plain file, which is always ready (read or write it directly)
ValueError: Async\Loop::onReadable(): Argument #1 ($stream) cannot be watched: a dir stream has no file descriptor
ValueError: Async\Loop::onReadable(): Argument #1 ($stream) cannot be watched: a MEMORY stream has no file descriptor
ValueError: Async\Loop::onReadable(): Argument #1 ($stream) cannot be watched: a TEMP stream has no file descriptor
ValueError: Async\Loop::onReadable(): Argument #1 ($stream) has already been closed
TypeError: Async\Loop::onReadable()%svalid callback, function %sno_such_function%s not found or invalid function name
ValueError: Async\Loop::onReadable(): Argument #1 ($stream) cannot be watched: it is a plain file, which is always ready (read or write it directly)
array(2) {
  ["enabled"]=>
  int(0)
  ["disabled"]=>
  int(0)
}
done
