--TEST--
Async\delay(): a negative, NAN or infinite number of seconds is a ValueError
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Loop;

foreach ([-1, -0.5, NAN, INF] as $s) {
    echo describe_throw(function () use ($s) { Async\delay($s); }), "\n";
}
echo "timers: ", Loop::info()['delay']['enabled'], "\n";
?>
--EXPECT--
ValueError: Async\delay(): Argument #1 ($seconds) must be a finite number greater than or equal to 0
ValueError: Async\delay(): Argument #1 ($seconds) must be a finite number greater than or equal to 0
ValueError: Async\delay(): Argument #1 ($seconds) must be a finite number greater than or equal to 0
ValueError: Async\delay(): Argument #1 ($seconds) must be a finite number greater than or equal to 0
timers: 0
