--TEST--
Async\Loop::onSignal(): numbers outside 1..NSIG-1, SIGKILL and SIGSTOP are ValueErrors; a bad callback is a TypeError
--EXTENSIONS--
async
--SKIPIF--
<?php if (PHP_OS_FAMILY !== 'Linux') die('skip Linux signal numbers'); ?>
--FILE--
<?php
declare(strict_types=1);
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

$cb = function () { echo "never\n"; };
foreach ([0, -1, 99999, 65, PHP_INT_MAX, PHP_INT_MIN] as $signo) {
    show_error(function () use ($cb, $signo) { Loop::onSignal($signo, $cb); });
}
show_error(function () use ($cb) { Loop::onSignal(9, $cb); });   // SIGKILL
show_error(function () use ($cb) { Loop::onSignal(19, $cb); });  // SIGSTOP
show_error(function () { Loop::onSignal(10, 'no_such_function'); });
var_dump(Loop::info()['on_signal']);
Loop::run();
echo "done\n";
?>
--EXPECTF--
ValueError: Async\Loop::onSignal(): Argument #1 ($signal) must be a signal number between 1 and 64
ValueError: Async\Loop::onSignal(): Argument #1 ($signal) must be a signal number between 1 and 64
ValueError: Async\Loop::onSignal(): Argument #1 ($signal) must be a signal number between 1 and 64
ValueError: Async\Loop::onSignal(): Argument #1 ($signal) must be a signal number between 1 and 64
ValueError: Async\Loop::onSignal(): Argument #1 ($signal) must be a signal number between 1 and 64
ValueError: Async\Loop::onSignal(): Argument #1 ($signal) must be a signal number between 1 and 64
ValueError: Async\Loop::onSignal(): Argument #1 ($signal) cannot be SIGKILL or SIGSTOP, which cannot be caught
ValueError: Async\Loop::onSignal(): Argument #1 ($signal) cannot be SIGKILL or SIGSTOP, which cannot be caught
TypeError: Async\Loop::onSignal()%svalid callback, function %sno_such_function%s not found or invalid function name
array(2) {
  ["enabled"]=>
  int(0)
  ["disabled"]=>
  int(0)
}
done
