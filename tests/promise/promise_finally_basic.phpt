--TEST--
Async\Promise::finally(): runs on both outcomes with no argument; the value or reason passes through unchanged
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
$o = new stdClass();
$ex = new Exception("reason");
Promise::resolve($o)
    ->finally(function () use (&$log) { $log[] = "finally after fulfilment, args: " . func_num_args(); return "ignored"; })
    ->then(function ($v) use ($o, &$log) { $log[] = "value passed through: " . var_export($v === $o, true); });
Promise::reject($ex)
    ->finally(function () use (&$log) { $log[] = "finally after rejection, args: " . func_num_args(); return "ignored"; })
    ->then(
        function () use (&$log) { $log[] = "WRONG: fulfilled"; },
        function ($e) use ($ex, &$log) { $log[] = "reason passed through: " . var_export($e === $ex, true); }
    );
// A finally handler that returns null or a plain object also changes nothing.
Promise::resolve(5)->finally(function () {})->finally(function () { return new stdClass(); })
    ->then(function ($v) use (&$log) { $log[] = "two finally: " . var_export($v, true); });

Loop::run();
sort($log);
echo implode("\n", $log), "\n";
?>
--EXPECT--
finally after fulfilment, args: 0
finally after rejection, args: 0
reason passed through: true
two finally: 5
value passed through: true
