--TEST--
Async\Promise::__construct(): no executor is an ArgumentCountError, a non-callable one a TypeError
--EXTENSIONS--
async
--SKIPIF--
<?php if (PHP_VERSION_ID < 80000) die("skip PHP 7 words zpp errors differently"); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Promise;

echo describe_throw(function () { new Promise(); }), "\n";
echo describe_throw(function () { new Promise(42); }), "\n";
echo describe_throw(function () { new Promise("no_such_function"); }), "\n";
?>
--EXPECT--
ArgumentCountError: Async\Promise::__construct() expects exactly 1 argument, 0 given
TypeError: Async\Promise::__construct(): Argument #1 ($executor) must be a valid callback, no array or string given
TypeError: Async\Promise::__construct(): Argument #1 ($executor) must be a valid callback, function "no_such_function" not found or invalid function name
