--TEST--
Async\Promise::then(): callbacks run as microtasks once the loop runs, never inside then() or resolve(), in order, once each
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
$p = $d->promise();
$p->then(function ($v) use (&$log) { $log[] = "first $v"; });
$log[] = "then() returned";
$p->then(function ($v) use (&$log) { $log[] = "second $v"; });
$d->resolve("A");
$log[] = "resolve() returned";
$d->resolve("B"); // ignored: each callback runs at most once
$p->then(function ($v) use (&$log) { $log[] = "third (after resolve) $v"; });

// Already settled before then(): still asynchronous.
$settled = Promise::resolve("S");
$settled->then(function ($v) use (&$log) { $log[] = "settled $v"; });
$log[] = "then() on settled returned";

// Rejections too, with the same ordering.
$r = Promise::reject(new Exception("R"));
$r->then(null, function ($e) use (&$log) { $log[] = "rejected 1 " . $e->getMessage(); });
$r->then(null, function ($e) use (&$log) { $log[] = "rejected 2 " . $e->getMessage(); });

$log[] = "before run";
Loop::run();
echo implode("\n", $log), "\n";
?>
--EXPECT--
then() returned
resolve() returned
then() on settled returned
before run
first A
second A
third (after resolve) A
settled S
rejected 1 R
rejected 2 R
