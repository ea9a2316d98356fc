--TEST--
Async\Loop: a watched stream closed with fclose() (before run, in its own callback, by another callback) is dropped; no crash
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

function pair() {
    return stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
}

loop_safety_stop();

echo "-- closed before run()\n";
[$r, $w] = pair();
fwrite($w, "x");
Loop::onReadable($r, function () { echo "readable callback of a closed stream ran\n"; });
Loop::onWritable($r, function () { echo "writable callback of a closed stream ran\n"; });
fclose($r);
Loop::run();
echo "run() returned\n";
var_dump(Loop::info()['on_readable']['enabled'] + Loop::info()['on_writable']['enabled']);

echo "-- closed in its own callback\n";
[$r, $w] = pair();
fwrite($w, "bye");
$calls = 0;
Loop::onReadable($r, function ($id, $stream) use (&$calls) {
    $calls++;
    echo "read: ", fread($stream, 10), "\n";
    fclose($stream);
});
Loop::run();
var_dump($calls);

echo "-- closed by the other watcher of the same tick\n";
[$r, $w] = pair();
fwrite($w, "x");
$calls = 0;
Loop::onReadable($r, function ($id, $stream) use (&$calls) { $calls++; fclose($stream); });
Loop::onWritable($r, function ($id, $stream) use (&$calls) { $calls++; fclose($stream); });
Loop::run();
var_dump($calls);

echo "-- closed by a timer while the watcher waits\n";
[$r, $w] = pair();
Loop::onReadable($r, function () { echo "readable callback ran\n"; });
Loop::delay(0.02, function () use ($r) { echo "timer closes the stream\n"; fclose($r); });
Loop::run();
echo "run() returned\n";

echo "-- closed while disabled\n";
[$r, $w] = pair();
$id = Loop::onReadable($r, function () { echo "readable callback ran\n"; });
Loop::disable($id);
fclose($r);
Loop::run();
show_error(function () use ($id) { Loop::enable($id); });
echo "done\n";
?>
--EXPECTF--
-- closed before run()
run() returned
int(0)
-- closed in its own callback
read: bye
int(1)
-- closed by the other watcher of the same tick
int(1)
-- closed by a timer while the watcher waits
timer closes the stream
run() returned
-- closed while disabled
ValueError: Async\Loop::enable(): Argument #1 ($id) must be the id of a watcher that exists, "%d" was cancelled, has already run or was never made
done
