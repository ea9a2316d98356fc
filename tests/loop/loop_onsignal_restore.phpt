--TEST--
Async\Loop::onSignal(): once its last watcher is cancelled, the signal's previous handler (pcntl_signal) is back
--EXTENSIONS--
async
--SKIPIF--
<?php
if (!extension_loaded('pcntl')) die('skip pcntl needed');
if (!extension_loaded('posix')) die('skip posix needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();
pcntl_signal(SIGUSR1, function ($signo) { echo "pcntl handler\n"; });

$a = Loop::onSignal(SIGUSR1, function ($id) { echo "loop watcher a\n"; });
$b = Loop::onSignal(SIGUSR1, function ($id) { echo "loop watcher b\n"; Loop::cancel($id); });
Loop::cancel($a);
Loop::defer(function () { posix_kill(getmypid(), SIGUSR1); });
Loop::run();
pcntl_signal_dispatch();
echo "no pcntl handler while the loop watches\n";

posix_kill(getmypid(), SIGUSR1);
pcntl_signal_dispatch();
echo "end\n";
?>
--EXPECT--
loop watcher b
no pcntl handler while the loop watches
pcntl handler
end
