--TEST--
Async\Loop: ext/sockets Sockets can be watched (readable, writable, callback gets the Socket); socket_close() while watched
--EXTENSIONS--
async
--SKIPIF--
<?php if (!extension_loaded('sockets')) die('skip sockets needed'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

function socket_pair() {
    if (!socket_create_pair(AF_UNIX, SOCK_STREAM, 0, $pair)) {
        die("socket_create_pair failed\n");
    }
    return $pair;
}

loop_safety_stop();

echo "-- readable\n";
[$a, $b] = socket_pair();
$watcher = Loop::onReadable($a, function ($id, $socket) use (&$watcher, $a) {
    var_dump($id === $watcher, $socket === $a);
    echo "read: ", socket_read($socket, 100), "\n";
    Loop::cancel($id);
});
Loop::delay(0.02, function () use ($b) { echo "timer writes\n"; socket_write($b, "over a Socket"); });
Loop::run();

echo "-- writable\n";
$watcher = Loop::onWritable($b, function ($id, $socket) use (&$watcher, $b) {
    var_dump($id === $watcher, $socket === $b);
    socket_write($socket, "pong");
    Loop::cancel($id);
});
Loop::run();
echo "read: ", socket_read($a, 100), "\n";

echo "-- socket_close() before run()\n";
socket_write($b, "unread");
Loop::onReadable($a, function () { echo "callback of a closed Socket ran\n"; });
Loop::onWritable($a, function () { echo "callback of a closed Socket ran\n"; });
socket_close($a);
Loop::run();
echo "run() returned\n";
var_dump(Loop::info()['on_readable']['enabled'] + Loop::info()['on_writable']['enabled']);

echo "-- socket_close() in its own callback\n";
[$a, $b] = socket_pair();
socket_write($b, "bye");
$calls = 0;
Loop::onReadable($a, function ($id, $socket) use (&$calls) {
    $calls++;
    echo "read: ", socket_read($socket, 100), "\n";
    socket_close($socket);
});
Loop::run();
var_dump($calls);

echo "-- a closed Socket cannot be watched\n";
show_error(function () use ($a) { Loop::onReadable($a, function () {}); });
show_error(function () use ($a) { Loop::onWritable($a, function () {}); });

echo "-- a new Socket on the same descriptor number\n";
socket_close($b);
[$a, $b] = socket_pair();
Loop::onReadable($a, function () { echo "OLD callback ran\n"; });
socket_close($a);
socket_close($b);
[$a2, $b2] = socket_pair(); // takes the numbers just freed
Loop::onReadable($a2, function ($id, $socket) use ($a2) {
    echo "new: ", socket_read($socket, 100), "\n";
    var_dump($socket === $a2);
    Loop::cancel($id);
});
socket_write($b2, "data");
Loop::run();

echo "-- a Socket on the number of a closed stream, and the reverse\n";
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
socket_close($a2);
socket_close($b2);
Loop::onReadable($r, function () { echo "OLD stream callback ran\n"; });
fclose($r);
fclose($w);
[$a, $b] = socket_pair();
Loop::onReadable($a, function ($id, $socket) {
    echo "Socket: ", socket_read($socket, 100), "\n";
    Loop::cancel($id);
});
socket_write($b, "ok");
Loop::run();
Loop::onReadable($a, function () { echo "OLD Socket callback ran\n"; });
socket_close($a);
socket_close($b);
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
Loop::onReadable($r, function ($id, $stream) {
    echo "stream: ", fread($stream, 100), "\n";
    Loop::cancel($id);
});
fwrite($w, "ok");
Loop::run();
echo "done\n";
?>
--EXPECT--
-- readable
timer writes
bool(true)
bool(true)
read: over a Socket
-- writable
bool(true)
bool(true)
read: pong
-- socket_close() before run()
run() returned
int(0)
-- socket_close() in its own callback
read: bye
int(1)
-- a closed Socket cannot be watched
ValueError: Async\Loop::onReadable(): Argument #1 ($stream) has already been closed
ValueError: Async\Loop::onWritable(): Argument #1 ($stream) has already been closed
-- a new Socket on the same descriptor number
new: data
bool(true)
-- a Socket on the number of a closed stream, and the reverse
Socket: ok
stream: ok
done
