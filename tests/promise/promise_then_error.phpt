--TEST--
Async\Promise::then(), catch(), finally(): a non-callable argument is a TypeError
--EXTENSIONS--
async
--SKIPIF--
<?php if (PHP_VERSION_ID < 80000) die("skip PHP 7 reports zpp errors as warnings"); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Loop;
use Async\Promise;

$p = Promise::resolve(1);
echo describe_throw(function () use ($p) { $p->then(123); }), "\n";
echo describe_throw(function () use ($p) { $p->then(null, 123); }), "\n";
echo describe_throw(function () use ($p) { $p->then("no_such_function"); }), "\n";
echo describe_throw(function () use ($p) { $p->catch(null); }), "\n";
echo describe_throw(function () use ($p) { $p->finally([1, 2]); }), "\n";
echo describe_throw(function () use ($p) { $p->then(null, null); }), "\n";
Loop::run();
?>
--EXPECT--
TypeError: Async\Promise::then(): Argument #1 ($onFulfilled) must be a valid callback or null, no array or string given
TypeError: Async\Promise::then(): Argument #2 ($onRejected) must be a valid callback or null, no array or string given
TypeError: Async\Promise::then(): Argument #1 ($onFulfilled) must be a valid callback or null, function "no_such_function" not found or invalid function name
TypeError: Async\Promise::catch(): Argument #1 ($onRejected) must be a valid callback, no array or string given
TypeError: Async\Promise::finally(): Argument #1 ($onSettled) must be a valid callback, first array member is not a valid class name or object
no exception
