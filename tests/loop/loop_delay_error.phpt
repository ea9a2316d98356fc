--TEST--
Async\Loop::delay(): negative, NAN and infinite delays are ValueErrors; a bad callback is a TypeError
--EXTENSIONS--
async
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

$cb = function () { echo "never\n"; };
show_error(function () use ($cb) { Loop::delay(-1, $cb); });
show_error(function () use ($cb) { Loop::delay(-0.000001, $cb); });
show_error(function () use ($cb) { Loop::delay(NAN, $cb); });
show_error(function () use ($cb) { Loop::delay(INF, $cb); });
show_error(function () use ($cb) { Loop::delay(-INF, $cb); });
show_error(function () { Loop::delay(1, 'no_such_function'); });
// None of them made a watcher.
var_dump(Loop::info()['delay']);
Loop::run();
echo "done\n";
?>
--EXPECTF--
ValueError: Async\Loop::delay(): Argument #1 ($seconds) must be greater than or equal to 0
ValueError: Async\Loop::delay(): Argument #1 ($seconds) must be greater than or equal to 0
ValueError: Async\Loop::delay(): Argument #1 ($seconds) must be a finite number of seconds
ValueError: Async\Loop::delay(): Argument #1 ($seconds) must be a finite number of seconds
ValueError: Async\Loop::delay(): Argument #1 ($seconds) must be a finite number of seconds
TypeError: Async\Loop::delay()%svalid callback, function %sno_such_function%s not found or invalid function name
array(2) {
  ["enabled"]=>
  int(0)
  ["disabled"]=>
  int(0)
}
done
