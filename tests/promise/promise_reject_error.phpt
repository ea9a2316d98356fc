--TEST--
Async\Promise::reject(), Async\Deferred::reject(): a non-Throwable reason is a TypeError
--EXTENSIONS--
async
--SKIPIF--
<?php if (PHP_VERSION_ID < 80000) die("skip PHP 7 reports zpp errors as warnings"); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Deferred;
use Async\Loop;
use Async\Promise;

echo describe_throw(function () { Promise::reject("string"); }), "\n";
echo describe_throw(function () { Promise::reject(new stdClass()); }), "\n";
echo describe_throw(function () { Promise::reject(); }), "\n";
$d = new Deferred();
echo describe_throw(function () use ($d) { $d->reject("string"); }), "\n";
echo describe_throw(function () use ($d) { $d->reject(null); }), "\n";
// The failed call did not settle it.
var_dump($d->isSettled(), $d->promise()->isPending());
Loop::run();
?>
--EXPECT--
TypeError: Async\Promise::reject(): Argument #1 ($reason) must be of type Throwable, string given
TypeError: Async\Promise::reject(): Argument #1 ($reason) must be of type Throwable, stdClass given
ArgumentCountError: Async\Promise::reject() expects exactly 1 argument, 0 given
TypeError: Async\Deferred::reject(): Argument #1 ($reason) must be of type Throwable, string given
TypeError: Async\Deferred::reject(): Argument #1 ($reason) must be of type Throwable, null given
bool(false)
bool(true)
