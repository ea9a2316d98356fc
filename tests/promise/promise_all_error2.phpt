--TEST--
Async\Promise::all(), allSettled(), any(), race(): a non-iterable argument is a TypeError; an iterator that throws throws from the call
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

foreach (['all', 'allSettled', 'any', 'race'] as $m) {
    echo describe_throw(function () use ($m) { Promise::$m(42); }), "\n";
    echo describe_throw(function () use ($m) { Promise::$m(Promise::resolve(1)); }), "\n";
}
function failing() { yield 1; throw new DomainException("iterator failed"); }
echo describe_throw(function () { Promise::all(failing()); }), "\n";
Loop::run();
?>
--EXPECT--
TypeError: Async\Promise::all(): Argument #1 ($promises) must be of type Traversable|array, int given
TypeError: Async\Promise::all(): Argument #1 ($promises) must be of type Traversable|array, Async\Promise given
TypeError: Async\Promise::allSettled(): Argument #1 ($promises) must be of type Traversable|array, int given
TypeError: Async\Promise::allSettled(): Argument #1 ($promises) must be of type Traversable|array, Async\Promise given
TypeError: Async\Promise::any(): Argument #1 ($promises) must be of type Traversable|array, int given
TypeError: Async\Promise::any(): Argument #1 ($promises) must be of type Traversable|array, Async\Promise given
TypeError: Async\Promise::race(): Argument #1 ($promises) must be of type Traversable|array, int given
TypeError: Async\Promise::race(): Argument #1 ($promises) must be of type Traversable|array, Async\Promise given
DomainException: iterator failed
