--TEST--
Async\Loop::onWritable(): fires with ($id, $stream) while the stream can take data, not while its buffer is full
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();
[$a, $b] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);

// A fresh socket is writable at once.
$watcher = Loop::onWritable($a, function ($id, $stream) use (&$watcher, $a) {
    echo "writable, ", func_num_args(), " args\n";
    var_dump($id === $watcher, $stream === $a);
    fwrite($stream, "ping");
    Loop::cancel($id);
});
var_dump(is_string($watcher));
Loop::run();
var_dump(fread($b, 100));

// Fill the socket until it takes no more: the watcher waits until the peer
// has read everything.
stream_set_blocking($a, false);
stream_set_blocking($b, false);
$chunk = str_repeat('x', 65536);
$total = 0;
while (($n = @fwrite($a, $chunk)) > 0) {
    $total += $n;
}
var_dump($total > 0);
$log = [];
Loop::onWritable($a, function ($id) use (&$log) {
    $log[] = "writable again";
    Loop::cancel($id);
});
Loop::delay(0.05, function () use ($b, &$log, &$total) {
    $log[] = "peer drains";
    while ($total > 0 && ($data = fread($b, 65536)) !== false && $data !== '') {
        $total -= strlen($data);
    }
});
Loop::run();
echo implode(", ", $log), "\n";
var_dump($total);

// A writable watcher and a readable watcher on the same stream are independent.
$events = [];
fwrite($b, "data");
Loop::onReadable($a, function ($id, $s) use (&$events) {
    $events[] = "readable: " . fread($s, 100);
    Loop::cancel($id);
});
Loop::onWritable($a, function ($id) use (&$events) {
    $events[] = "writable";
    Loop::cancel($id);
});
Loop::run();
sort($events);
echo implode(", ", $events), "\n";
?>
--EXPECT--
bool(true)
writable, 2 args
bool(true)
bool(true)
string(4) "ping"
bool(true)
peer drains, writable again
int(0)
readable: data, writable
