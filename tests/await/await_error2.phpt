--TEST--
Async\await(): a non-promise argument is a TypeError
--EXTENSIONS--
async
--SKIPIF--
<?php if (PHP_VERSION_ID < 80000) die("skip PHP 7 reports zpp errors as warnings"); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';

echo describe_throw(function () { Async\await(42); }), "\n";
echo describe_throw(function () { Async\await(new stdClass()); }), "\n";
echo describe_throw(function () { Async\await(null); }), "\n";
class Thenable { public function then($ok, $err) { $ok(1); } }
echo describe_throw(function () { Async\await(new Thenable()); }), "\n";
?>
--EXPECT--
TypeError: Async\await(): Argument #1 ($promise) must be of type Async\Promise, int given
TypeError: Async\await(): Argument #1 ($promise) must be of type Async\Promise, stdClass given
TypeError: Async\await(): Argument #1 ($promise) must be of type Async\Promise, null given
TypeError: Async\await(): Argument #1 ($promise) must be of type Async\Promise, Thenable given
