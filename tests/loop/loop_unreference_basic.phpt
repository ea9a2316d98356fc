--TEST--
Async\Loop::unreference() / reference(): unreferenced watchers do not keep run() alive, referenced ones do again
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop(); // unreferenced itself: it does not show in the counts below
// Every kind can be unreferenced; run() returns without waiting for them.
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$ids = [
    Loop::delay(0.05, function () { echo "delay ran\n"; }),
    Loop::repeat(5, function () { echo "repeat ran\n"; }),
    Loop::onReadable($r, function () { echo "readable ran\n"; }),
];
foreach ($ids as $id) {
    Loop::unreference($id);
    Loop::unreference($id); // twice is the same
}
var_dump(Loop::info()['enabled_watchers']);
Loop::run();
echo "run() returned without them\n";

// reference() makes one count again: run() waits for the delay now.
Loop::reference($ids[0]);
Loop::reference($ids[0]);
var_dump(Loop::info()['enabled_watchers']);
Loop::run();
echo "run() waited for the re-referenced delay\n";
Loop::cancel($ids[1]);
Loop::cancel($ids[2]);

// Unreferenced from inside a callback: a repeat that unreferences itself
// lets run() return.
$n = 0;
$rep = Loop::repeat(0.001, function ($id) use (&$n) {
    if (++$n === 3) {
        Loop::unreference($id);
    }
});
Loop::run();
var_dump($n);
Loop::cancel($rep);

// An unreferenced watcher still runs while something else keeps the loop going.
$m = 0;
$rep = Loop::repeat(0.001, function () use (&$m) { $m++; });
Loop::unreference($rep);
Loop::delay(0.03, function () {});
Loop::run();
var_dump($m > 0);
Loop::cancel($rep);
?>
--EXPECT--
array(2) {
  ["referenced"]=>
  int(0)
  ["unreferenced"]=>
  int(4)
}
run() returned without them
array(2) {
  ["referenced"]=>
  int(1)
  ["unreferenced"]=>
  int(3)
}
delay ran
run() waited for the re-referenced delay
int(3)
bool(true)
