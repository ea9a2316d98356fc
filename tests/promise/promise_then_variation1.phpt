--TEST--
Async\Promise::then(): microtasks drain after each loop callback, before the next defer or timer
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
use Async\Deferred;
use Async\Loop;
use Async\Promise;

$log = [];
$d = new Deferred();
$d->promise()
    ->then(function ($v) use (&$log) { $log[] = "then 1"; return $v; })
    ->then(function ($v) use (&$log) {
        $log[] = "then 2";
        // A reaction queued by a microtask runs in the same drain.
        Promise::resolve(0)->then(function () use (&$log) { $log[] = "nested then"; });
    });

Loop::defer(function () use ($d, &$log) {
    $log[] = "defer A";
    $d->resolve(1);
});
Loop::defer(function () use (&$log) { $log[] = "defer B"; });

// Timers: the reactions of the first one run before the second one.
$t = new Deferred();
Loop::delay(0.001, function () use ($t, &$log) {
    $log[] = "timer A";
    $t->resolve(1);
});
Loop::delay(0.001, function () use (&$log) { $log[] = "timer B"; });
$t->promise()->then(function () use (&$log) { $log[] = "then of timer A"; });

// Microtasks queued before run() run before the first callback.
Promise::resolve(0)->then(function () use (&$log) { $log[] = "queued before run"; });

Loop::run();
echo implode("\n", $log), "\n";
?>
--EXPECT--
queued before run
defer A
then 1
then 2
nested then
defer B
timer A
then of timer A
timer B
