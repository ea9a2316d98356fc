--TEST--
Async\Promise::resolve(): a promise of the value; a Promise is returned as is; a thenable is adopted
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
$p = Promise::resolve(42);
var_dump($p instanceof Promise, $p->isFulfilled());
$p->then(function ($v) use (&$log) { $log[] = "value: " . var_export($v, true); });
Promise::resolve()->then(function ($v) use (&$log) { $log[] = "no argument: " . var_export($v, true); });
$arr = [1, "two" => [3]];
Promise::resolve($arr)->then(function ($v) use ($arr, &$log) { $log[] = "array kept: " . var_export($v === $arr, true); });

// A Promise is returned unchanged, pending or not.
$pending = (new Async\Deferred())->promise();
var_dump(Promise::resolve($pending) === $pending, Promise::resolve($p) === $p);
$rejected = Promise::reject(new Exception("r"));
var_dump(Promise::resolve($rejected) === $rejected);
$rejected->catch(function () {});

class Thenable { public function then($ok, $err) { $ok("from thenable"); } }
$t = Promise::resolve(new Thenable());
var_dump($t->isPending());
$t->then(function ($v) use (&$log) { $log[] = "thenable: $v"; });

Loop::run();
sort($log);
echo implode("\n", $log), "\n";
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
array kept: true
no argument: NULL
thenable: from thenable
value: 42
