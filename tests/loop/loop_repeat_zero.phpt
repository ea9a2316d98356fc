--TEST--
Async\Loop::repeat(0): fires again on every tick, and does not starve other watchers
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();
$n = 0;
Loop::repeat(0, function ($id) use (&$n) {
    if (++$n === 3) {
        Loop::cancel($id);
    }
});
Loop::run();
var_dump($n);

// Alongside a defer chain and a timer: all of them make progress.
$calls = 0;
$timer = false;
$rep = Loop::repeat(0, function () use (&$calls) { $calls++; });
Loop::delay(0.02, function () use (&$timer, $rep) { $timer = true; Loop::cancel($rep); });
Loop::run();
var_dump($timer, $calls > 1);
?>
--EXPECT--
int(3)
bool(true)
bool(true)
