--TEST--
Async\Loop::onSignal(): fires with ($id, $signo); two watchers on one signal both fire; a cancelled one does not
--EXTENSIONS--
async
--SKIPIF--
<?php if (!extension_loaded('posix')) die('skip posix needed'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

$SIGUSR1 = defined('SIGUSR1') ? SIGUSR1 : 10;
loop_safety_stop();

$got = [];
$ids = [];
$ids['first'] = Loop::onSignal($SIGUSR1, function ($id, $signo) use (&$got, &$ids, $SIGUSR1) {
    $got[] = "first: " . func_num_args() . " args, id " . ($id === $ids['first'] ? "ok" : "WRONG")
        . ", signal " . ($signo === $SIGUSR1 ? "SIGUSR1" : $signo);
});
$ids['second'] = Loop::onSignal($SIGUSR1, function ($id, $signo) use (&$got, $SIGUSR1) {
    $got[] = "second: signal " . ($signo === $SIGUSR1 ? "SIGUSR1" : $signo);
});
$ids['cancelled'] = Loop::onSignal($SIGUSR1, function () use (&$got) { $got[] = "cancelled one ran"; });
Loop::cancel($ids['cancelled']);
var_dump(is_string($ids['first']));

Loop::defer(function () { posix_kill(getmypid(), defined('SIGUSR1') ? SIGUSR1 : 10); });
// Once both have fired, drop them so run() can return.
$check = Loop::repeat(0.001, function ($id) use (&$got, $ids) {
    if (count($got) >= 2) {
        Loop::cancel($ids['first']);
        Loop::cancel($ids['second']);
        Loop::cancel($id);
    }
});
Loop::run();
sort($got);
echo implode("\n", $got), "\n";

// A signal that arrives before run(), while the loop is idle, is delivered by it.
$n = 0;
$id = Loop::onSignal($SIGUSR1, function ($id) use (&$n) { $n++; Loop::cancel($id); });
posix_kill(getmypid(), $SIGUSR1);
echo "signal sent before run()\n";
Loop::run();
var_dump($n);
?>
--EXPECT--
bool(true)
first: 2 args, id ok, signal SIGUSR1
second: signal SIGUSR1
signal sent before run()
int(1)
