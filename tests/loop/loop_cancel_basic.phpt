--TEST--
Async\Loop::cancel(): idempotent, unknown ids ignored, cancels watchers already due in the same tick
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();

// Cancelled before run(): never called, and run() has nothing to wait for.
$id = Loop::delay(0, function () { echo "cancelled delay ran\n"; });
Loop::cancel($id);
Loop::cancel($id);
Loop::run();

// Unknown ids are ignored by cancel() and unreference().
foreach (['', 'nope', '0', '-1', '999999999', '1.5', ' 1'] as $unknown) {
    Loop::cancel($unknown);
    Loop::unreference($unknown);
}
echo "unknown ids ignored\n";

// Two defers of one tick: the first cancels the second, which must not run.
$second = null;
Loop::defer(function () use (&$second) {
    echo "first defer cancels the second\n";
    Loop::cancel($second);
});
$second = Loop::defer(function () { echo "second defer ran\n"; });
Loop::run();

// Two timers due in the same tick: the first cancels the second.
$b = null;
Loop::delay(0, function () use (&$b) {
    echo "timer A cancels timer B\n";
    Loop::cancel($b);
});
$b = Loop::delay(0.001, function () { echo "timer B ran\n"; });
usleep(5000); // both are due before the tick
Loop::run();

// Two streams readable in the same tick: whichever runs first cancels the other.
[$a1, $a2] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
[$b1, $b2] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
fwrite($a2, "x");
fwrite($b2, "x");
$ids = [];
$calls = 0;
foreach ([$a1, $b1] as $i => $stream) {
    $ids[$i] = Loop::onReadable($stream, function ($id) use (&$ids, &$calls, $i) {
        $calls++;
        Loop::cancel($id);
        Loop::cancel($ids[1 - $i]);
    });
}
// Make sure both are ready when the loop polls.
usleep(1000);
Loop::run();
var_dump($calls);

// A repeat that cancels itself inside its callback stops, and cancelling it
// again afterwards is harmless.
$n = 0;
$rep = Loop::repeat(0.001, function ($id) use (&$n) {
    $n++;
    Loop::cancel($id);
    Loop::cancel($id);
});
Loop::run();
Loop::cancel($rep);
var_dump($n);
var_dump(Loop::info()['enabled_watchers']);
?>
--EXPECT--
unknown ids ignored
first defer cancels the second
timer A cancels timer B
int(1)
int(1)
array(2) {
  ["referenced"]=>
  int(0)
  ["unreferenced"]=>
  int(1)
}
