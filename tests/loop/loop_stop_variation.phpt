--TEST--
Async\Loop::stop(): as in Revolt's contract, the loop finishes its current tick before run() returns
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();
$log = [];
Loop::defer(function () use (&$log) {
    $log[] = "defer 1 calls stop()";
    Loop::stop();
    Loop::defer(function () use (&$log) { $log[] = "next tick"; });
});
Loop::defer(function () use (&$log) { $log[] = "defer 2, same tick"; });
Loop::run();
$log[] = "run() returned";
Loop::run();
echo implode("\n", $log), "\n";
?>
--EXPECT--
defer 1 calls stop()
defer 2, same tick
run() returned
next tick
