--TEST--
Async\Loop::onReadable(): fires with ($id, $stream) when data arrives, not before; keeps firing while data is left
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);

// Nothing to read yet: the timer writes, and only then the watcher fires.
$watcher = Loop::onReadable($r, function ($id, $stream) use (&$watcher, $r) {
    echo "readable, ", func_num_args(), " args\n";
    var_dump($id === $watcher, $stream === $r);
    var_dump(fread($stream, 100));
    Loop::cancel($id);
});
var_dump(is_string($watcher));
Loop::delay(0.02, function () use ($w) {
    echo "timer writes\n";
    fwrite($w, "hello");
});
Loop::run();

// Level-triggered: reading one byte per call, it fires once per byte.
fwrite($w, "abc");
$got = '';
Loop::onReadable($r, function ($id, $stream) use (&$got) {
    stream_set_read_buffer($stream, 0);
    $got .= fread($stream, 1);
    if (strlen($got) === 3) {
        Loop::cancel($id);
    }
});
Loop::run();
var_dump($got);

// EOF counts as readable: the peer closes, the watcher fires and reads "".
$eof = Loop::onReadable($r, function ($id, $stream) {
    var_dump(fread($stream, 100), feof($stream));
    Loop::cancel($id);
});
Loop::defer(function () use ($w) { fclose($w); });
Loop::run();

// A TCP connection on 127.0.0.1: the server's readable watcher accepts.
$server = stream_socket_server("tcp://127.0.0.1:0", $errno, $errstr);
$address = stream_socket_get_name($server, false);
Loop::onReadable($server, function ($id, $server) {
    $conn = stream_socket_accept($server, 0);
    echo "accepted\n";
    Loop::cancel($id);
    Loop::onReadable($conn, function ($id, $conn) {
        echo "server got: ", fread($conn, 100), "\n";
        Loop::cancel($id);
    });
});
$client = stream_socket_client("tcp://$address", $errno, $errstr, 1);
fwrite($client, "over tcp");
Loop::run();
?>
--EXPECT--
bool(true)
timer writes
readable, 2 args
bool(true)
bool(true)
string(5) "hello"
string(3) "abc"
string(0) ""
bool(true)
accepted
server got: over tcp
