--TEST--
Async\Loop::onReadable(): fires again for data PHP has already buffered, though the descriptor has nothing left
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);

// One write, two lines: the first fgets() reads both into PHP's buffer and
// returns line1; line2 is only in the buffer, not on the socket.
fwrite($w, "line1\nline2\n");
$lines = [];
Loop::onReadable($r, function ($id, $stream) use (&$lines) {
    $lines[] = fgets($stream);
    if (count($lines) === 2) {
        Loop::cancel($id);
    }
});
Loop::run();
var_dump($lines);

// Three lines, one per call, and the watcher stays quiet afterwards (the timer
// writes more only once the buffer is empty).
fwrite($w, "a\nb\nc\n");
$lines = [];
$rd = Loop::onReadable($r, function ($id, $stream) use (&$lines) {
    $lines[] = trim(fgets($stream));
});
Loop::delay(0.05, function () use ($w, &$lines) {
    $lines[] = "(timer)";
    fwrite($w, "d\n");
});
Loop::delay(0.1, function () use ($rd) { Loop::cancel($rd); });
Loop::run();
echo implode(" ", $lines), "\n";

// Buffered data and a disabled watcher: nothing fires until enable().
fwrite($w, "x\ny\n");
$seen = [];
$rd = Loop::onReadable($r, function ($id, $stream) use (&$seen) {
    $seen[] = trim(fgets($stream));
    if (count($seen) === 1) {
        Loop::disable($id);
        Loop::delay(0.02, function () use ($id, &$seen) {
            $seen[] = "(enable)";
            Loop::enable($id);
        });
    } else {
        Loop::cancel($id);
    }
});
Loop::run();
echo implode(" ", $seen), "\n";
?>
--EXPECT--
array(2) {
  [0]=>
  string(6) "line1
"
  [1]=>
  string(6) "line2
"
}
a b c (timer) d
x (enable) y
