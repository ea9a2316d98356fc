--TEST--
Async\Promise::timeout(): a negative, NAN or infinite number of seconds is a ValueError
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Loop;
use Async\Promise;

$p = Promise::resolve(1);
foreach ([-1, -0.001, NAN, INF, -INF] as $s) {
    echo describe_throw(function () use ($p, $s) { $p->timeout($s); }), "\n";
}
// Zero is allowed.
echo describe_throw(function () use ($p) { $p->timeout(0)->then(function ($v) { echo "timeout(0) on a settled promise: $v\n"; }); }), "\n";
Loop::run();
echo "timers: ", Loop::info()['delay']['enabled'], "\n";
?>
--EXPECT--
ValueError: Async\Promise::timeout(): Argument #1 ($seconds) must be a finite number greater than or equal to 0
ValueError: Async\Promise::timeout(): Argument #1 ($seconds) must be a finite number greater than or equal to 0
ValueError: Async\Promise::timeout(): Argument #1 ($seconds) must be a finite number greater than or equal to 0
ValueError: Async\Promise::timeout(): Argument #1 ($seconds) must be a finite number greater than or equal to 0
ValueError: Async\Promise::timeout(): Argument #1 ($seconds) must be a finite number greater than or equal to 0
no exception
timeout(0) on a settled promise: 1
timers: 0
