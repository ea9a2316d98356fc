--TEST--
Async\Promise::__construct(): the executor runs at once; its resolve/reject settle once; a throw rejects unless it settled first
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Loop;
use Async\Promise;

$log = [];
$show = function (string $tag) use (&$log) {
    return [
        function ($v) use ($tag, &$log) { $log[] = "$tag fulfilled " . var_export($v, true); },
        function ($e) use ($tag, &$log) { $log[] = "$tag rejected " . reason($e); },
    ];
};

$order = [];
$p = new Promise(function ($resolve, $reject) use (&$order) {
    $order[] = "executor (" . (is_callable($resolve) && is_callable($reject) ? "two callables" : "?") . ")";
    $resolve("sync");
});
$order[] = "constructor returned";
echo implode("\n", $order), "\n";
var_dump($p->isFulfilled());
$p->then(...$show("resolve"));

(new Promise(function ($resolve, $reject) { $reject(new Exception("no")); }))->then(...$show("reject"));
(new Promise(function ($resolve) { $resolve(); }))->then(...$show("resolve()"));
(new Promise(function ($resolve) { $resolve("a"); $resolve("b"); }))->then(...$show("twice"));
(new Promise(function ($resolve, $reject) { $resolve("a"); $reject(new Exception("late")); }))->then(...$show("resolve, reject"));
(new Promise(function ($resolve, $reject) { $reject(new Exception("first")); $resolve("late"); }))->then(...$show("reject, resolve"));
(new Promise(function () { throw new DomainException("executor threw"); }))->then(...$show("throw"));
(new Promise(function ($resolve) { $resolve("kept"); throw new DomainException("ignored"); }))->then(...$show("resolve, throw"));
(new Promise(function ($resolve, $reject) { $reject(new LogicException("kept")); throw new DomainException("ignored"); }))->then(...$show("reject, throw"));
// Resolved later, from the loop.
(new Promise(function ($resolve) { Loop::delay(0.001, function () use ($resolve) { $resolve("later"); }); }))->then(...$show("later"));
// The executor's return value means nothing.
(new Promise(function ($resolve) { Loop::defer(function () use ($resolve) { $resolve("deferred"); }); return "ignored"; }))->then(...$show("return value"));
// Any callable works as executor.
class Executor { public static function run($resolve) { $resolve("static method"); } }
(new Promise(['Executor', 'run']))->then(...$show("array callable"));

Loop::run();
sort($log);
echo implode("\n", $log), "\n";
?>
--EXPECT--
executor (two callables)
constructor returned
bool(true)
array callable fulfilled 'static method'
later fulfilled 'later'
reject rejected Exception: no
reject, resolve rejected Exception: first
reject, throw rejected LogicException: kept
resolve fulfilled 'sync'
resolve() fulfilled NULL
resolve, reject fulfilled 'a'
resolve, throw fulfilled 'kept'
return value fulfilled 'deferred'
throw rejected DomainException: executor threw
twice fulfilled 'a'
