--TEST--
Async\Loop::repeat(): negative, NAN and infinite intervals are ValueErrors; a bad callback is a TypeError
--EXTENSIONS--
async
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

$cb = function () { echo "never\n"; };
show_error(function () use ($cb) { Loop::repeat(-1, $cb); });
show_error(function () use ($cb) { Loop::repeat(-0.5, $cb); });
show_error(function () use ($cb) { Loop::repeat(NAN, $cb); });
show_error(function () use ($cb) { Loop::repeat(INF, $cb); });
show_error(function () use ($cb) { Loop::repeat(-INF, $cb); });
show_error(function () { Loop::repeat(0.1, ['NoSuchClass', 'method']); });
var_dump(Loop::info()['repeat']);
Loop::run();
echo "done\n";
?>
--EXPECTF--
ValueError: Async\Loop::repeat(): Argument #1 ($interval) must be greater than or equal to 0
ValueError: Async\Loop::repeat(): Argument #1 ($interval) must be greater than or equal to 0
ValueError: Async\Loop::repeat(): Argument #1 ($interval) must be a finite number of seconds
ValueError: Async\Loop::repeat(): Argument #1 ($interval) must be a finite number of seconds
ValueError: Async\Loop::repeat(): Argument #1 ($interval) must be a finite number of seconds
TypeError: Async\Loop::repeat()%svalid callback, class %sNoSuchClass%s not found
array(2) {
  ["enabled"]=>
  int(0)
  ["disabled"]=>
  int(0)
}
done
