--TEST--
Async\Loop: after fclose(), a new stream on the same descriptor number can be watched; the old callback never fires for it
--EXTENSIONS--
async
--SKIPIF--
<?php if (!is_dir('/proc/self/fd')) die('skip /proc/self/fd needed'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

function pair() {
    return stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
}
function fds() {
    return scandir('/proc/self/fd');
}

loop_safety_stop();

echo "-- the new stream is watched before run()\n";
[$r1, $w1] = pair();
Loop::onReadable($r1, function () { echo "OLD readable callback ran\n"; });
Loop::onWritable($r1, function () { echo "OLD writable callback ran\n"; });
$before = fds();
fclose($r1);
fclose($w1);
[$r2, $w2] = pair();
var_dump(fds() === $before); // the same descriptor numbers again
Loop::onReadable($r2, function ($id, $stream) use ($r2) {
    echo "new: ", fread($stream, 10), "\n";
    var_dump($stream === $r2);
    Loop::cancel($id);
});
fwrite($w2, "data");
Loop::run();
var_dump(Loop::info()['on_readable']['enabled'] + Loop::info()['on_writable']['enabled']);

echo "-- the new stream is not watched\n";
$before = fds();
[$r1, $w1] = [$r2, $w2];
Loop::onReadable($r1, function () { echo "OLD callback ran\n"; });
fclose($r1);
fclose($w1);
[$r2, $w2] = pair();
var_dump(fds() === $before);
fwrite($w2, "data");
Loop::delay(0.03, function () { echo "timer\n"; });
Loop::run();

echo "-- closed and reopened inside the callback\n";
fclose($r2);
fclose($w2);
[$r1, $w1] = pair();
fwrite($w1, "first");
$log = [];
$old = Loop::onReadable($r1, function ($id, $stream) use (&$log, $w1) {
    $log[] = "old: " . fread($stream, 10);
    fclose($stream);
    fclose($w1);
    [$r, $w] = pair();
    Loop::onReadable($r, function ($id, $stream) use (&$log, $r, $w) {
        $log[] = "new: " . fread($stream, 10) . ($stream === $r ? " (its own stream)" : " (WRONG stream)");
        Loop::cancel($id);
    });
    fwrite($w, "second");
    $GLOBALS['keep'] = [$r, $w];
});
Loop::run();
echo implode("\n", $log), "\n";

echo "-- many rounds\n";
$fired = 0;
for ($i = 0; $i < 50; $i++) {
    [$r, $w] = pair();
    Loop::onReadable($r, function ($id, $stream) use (&$fired, $i) {
        $fired++;
        if (fread($stream, 10) !== "round $i") {
            echo "round $i read the wrong data\n";
        }
        fclose($stream);
    });
    fwrite($w, "round $i");
    Loop::run();
    fclose($w);
}
var_dump($fired);
?>
--EXPECT--
-- the new stream is watched before run()
bool(true)
new: data
bool(true)
int(0)
-- the new stream is not watched
bool(true)
timer
-- closed and reopened inside the callback
old: first
new: second (its own stream)
-- many rounds
int(50)
