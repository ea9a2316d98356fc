--TEST--
Async\Promise::timeout(): a promise that settles first passes its value or reason and cancels the timer
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Deferred;
use Async\Loop;
use Async\Promise;

// Fulfilled after 10 ms, timeout 30 s: run() must not wait for the timer.
$d = new Deferred();
Loop::delay(0.01, function () use ($d) { $d->resolve("value"); });
$d->promise()->timeout(30)->then(function ($v) { echo "fulfilled: $v\n"; });
echo "timers before: ", Loop::info()['delay']['enabled'], "\n";
$start = microtime(true);
Loop::run();
$took = microtime(true) - $start;
echo "run() returned promptly: ", var_export($took < 5, true), "\n";
echo "timers after: ", Loop::info()['delay']['enabled'], "\n";

// Rejected first: the same reason.
$d = new Deferred();
$ex = new RuntimeException("reason");
Loop::delay(0.01, function () use ($d, $ex) { $d->reject($ex); });
$d->promise()->timeout(30)->catch(function ($e) use ($ex) { echo "rejected with the same reason: ", var_export($e === $ex, true), "\n"; });
$start = microtime(true);
Loop::run();
echo "run() returned promptly: ", var_export(microtime(true) - $start < 5, true), "\n";
echo "timers after: ", Loop::info()['delay']['enabled'], "\n";

// Already settled.
Promise::resolve("settled")->timeout(30)->then(function ($v) { echo "already settled: $v\n"; });
$start = microtime(true);
Loop::run();
echo "run() returned promptly: ", var_export(microtime(true) - $start < 5, true), "\n";
echo "timers after: ", Loop::info()['delay']['enabled'], "\n";

// Many of them: no timer left behind.
$ps = [];
for ($i = 0; $i < 100; $i++) {
    $ps[] = later($i, 0.001)->timeout(30);
}
Promise::all($ps)->then(function ($v) { echo "100 values, sum ", array_sum($v), "\n"; });
Loop::run();
echo "timers after: ", Loop::info()['delay']['enabled'], "\n";
?>
--EXPECT--
timers before: 2
fulfilled: value
run() returned promptly: true
timers after: 0
rejected with the same reason: true
run() returned promptly: true
timers after: 0
already settled: settled
run() returned promptly: true
timers after: 0
100 values, sum 4950
timers after: 0
