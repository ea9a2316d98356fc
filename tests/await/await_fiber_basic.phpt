--TEST--
Async\await() in a Fiber: suspends it; the loop resumes it with the value, never inside resolve()
--EXTENSIONS--
async
--SKIPIF--
<?php if (PHP_VERSION_ID < 80100) die("skip fibers need PHP 8.1"); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
use Async\Deferred;
use Async\Loop;
use function Async\await;

$log = [];
$d = new Deferred();
$fiber = new Fiber(function () use ($d, &$log) {
    $log[] = "fiber: awaiting";
    $v = await($d->promise());
    $log[] = "fiber: got $v";
    return "fiber result";
});
$fiber->start();
$log[] = "start() returned, suspended: " . var_export($fiber->isSuspended(), true);
Loop::defer(function () use ($d, $fiber, &$log) {
    $d->resolve("value");
    $log[] = "code after resolve(), fiber still suspended: " . var_export($fiber->isSuspended(), true);
});
Loop::defer(function () use (&$log) { $log[] = "next defer"; });
Loop::run();
$log[] = "terminated: " . var_export($fiber->isTerminated(), true) . ", return: " . $fiber->getReturn();
echo implode("\n", $log), "\n";

// The method form, and several fibers awaiting one promise: in order.
$log = [];
$d = new Deferred();
foreach (["A", "B", "C"] as $name) {
    $f = new Fiber(function () use ($d, $name, &$log) { $log[] = "$name got " . $d->promise()->await(); });
    $f->start();
}
$d->resolve("shared");
$log[] = "resolve() returned";
Loop::run();
echo implode("\n", $log), "\n";
?>
--EXPECT--
fiber: awaiting
start() returned, suspended: true
code after resolve(), fiber still suspended: true
fiber: got value
next defer
terminated: true, return: fiber result
resolve() returned
A got shared
B got shared
C got shared
