--TEST--
Async\Loop::onWritable(): bad streams are rejected like onReadable(); a descriptor epoll refuses (/dev/null) is an error too
--EXTENSIONS--
async
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

$cb = function () { echo "never\n"; };
show_error(function () use ($cb) { Loop::onWritable(1, $cb); });
show_error(function () use ($cb) { Loop::onWritable("stream", $cb); });
show_error(function () use ($cb) { Loop::onWritable([], $cb); });
show_error(function () use ($cb) { Loop::onWritable(new ArrayObject, $cb); });
$file = fopen(__FILE__, 'r');
show_error(function () use ($cb, $file) { Loop::onWritable($file, $cb); });
$mem = fopen('php://memory', 'w');
show_error(function () use ($cb, $mem) { Loop::onWritable($mem, $cb); });
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
fclose($w);
show_error(function () use ($cb, $w) { Loop::onWritable($w, $cb); });
show_error(function () use ($r) { Loop::onWritable($r, [new stdClass, 'nope']); });

// epoll cannot watch /dev/null: an Error, not a crash, and nothing is left behind.
if (is_writable('/dev/null')) {
    $null = fopen('/dev/null', 'w');
    try {
        Loop::onWritable($null, $cb);
        echo "/dev/null accepted\n";
    } catch (Error $e) {
        echo "/dev/null refused\n";
    }
} else {
    echo "/dev/null refused\n";
}

var_dump(Loop::info()['on_writable']);
Loop::run();
// The loop still works.
loop_safety_stop();
Loop::onWritable($r, function ($id) { echo "writable\n"; Loop::cancel($id); });
Loop::run();
?>
--EXPECTF--
TypeError: Async\Loop::onWritable(): Argument #1 ($stream) must be a stream resource or a Socket, int given
TypeError: Async\Loop::onWritable(): Argument #1 ($stream) must be a stream resource or a Socket, string given
TypeError: Async\Loop::onWritable(): Argument #1 ($stream) must be a stream resource or a Socket, array given
TypeError: Async\Loop::onWritable(): Argument #1 ($stream) must be a stream resource or a Socket, ArrayObject given
ValueError: Async\Loop::onWritable(): Argument #1 ($stream) cannot be watched: it is a plain file, which is always ready (read or write it directly)
ValueError: Async\Loop::onWritable(): Argument #1 ($stream) cannot be watched: a MEMORY stream has no file descriptor
ValueError: Async\Loop::onWritable(): Argument #1 ($stream) has already been closed
TypeError: Async\Loop::onWritable()%svalid callback, class %s does not have a method %snope%s
/dev/null refused
array(2) {
  ["enabled"]=>
  int(0)
  ["disabled"]=>
  int(0)
}
writable
