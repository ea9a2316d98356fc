--TEST--
Async\Loop::defer(): callbacks deferred during a tick run on the next tick, in order
--EXTENSIONS--
async
--FILE--
<?php
use Async\Loop;

$log = [];
Loop::defer(function (string $id) use (&$log) {
    $log[] = "a";
    Loop::defer(function () use (&$log) { $log[] = "c (next tick)"; });
});
Loop::defer(function () use (&$log) { $log[] = "b"; });
echo "before run\n";
Loop::run();
echo implode("\n", $log), "\n";
?>
--EXPECT--
before run
a
b
c (next tick)
