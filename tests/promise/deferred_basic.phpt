--TEST--
Async\Deferred: resolve() or reject() settles once, later calls are ignored; isSettled() is true after the first call
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

$log = [];
$show = function (string $tag) use (&$log) {
    return [
        function ($v) use ($tag, &$log) { $log[] = "$tag fulfilled " . var_export($v, true); },
        function ($e) use ($tag, &$log) { $log[] = "$tag rejected " . reason($e); },
    ];
};

$d = new Deferred();
var_dump($d->isSettled());
var_dump($d->promise() === $d->promise(), $d->promise() instanceof Promise);
$d->resolve("first");
var_dump($d->isSettled());
$d->resolve("second");
$d->reject(new Exception("ignored"));
$d->promise()->then(...$show("resolve, resolve, reject"));

$d = new Deferred();
$d->reject(new Exception("first"));
var_dump($d->isSettled());
$d->resolve("ignored");
$d->reject(new Exception("ignored"));
$d->promise()->then(...$show("reject, resolve, reject"));

$d = new Deferred();
$d->resolve();
$d->promise()->then(...$show("resolve()"));

// Resolved with a pending promise: settled as far as the Deferred goes,
// and later calls are ignored even though the promise is still pending.
$inner = new Deferred();
$d = new Deferred();
$d->resolve($inner->promise());
var_dump($d->isSettled(), $d->promise()->isPending());
$d->resolve("ignored");
$d->reject(new Exception("ignored"));
$d->promise()->then(...$show("adopting"));
Loop::delay(0.001, function () use ($inner) { $inner->resolve("inner"); });

// Settled from a loop callback.
$d = new Deferred();
Loop::defer(function () use ($d) { $d->resolve("from the loop"); });
$d->promise()->then(...$show("from the loop"));

Loop::run();
sort($log);
echo implode("\n", $log), "\n";
?>
--EXPECT--
bool(false)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
adopting fulfilled 'inner'
from the loop fulfilled 'from the loop'
reject, resolve, reject rejected Exception: first
resolve() fulfilled NULL
resolve, resolve, reject fulfilled 'first'
