--TEST--
Async\Loop::onSignal(): a signal arriving while the loop waits in epoll; disable/enable; signal watchers keep run() alive unless unreferenced
--EXTENSIONS--
async
--SKIPIF--
<?php
if (!extension_loaded('posix')) die('skip posix needed');
if (!function_exists('exec') || !is_executable('/bin/sh')) die('skip exec and /bin/sh needed');
?>
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

$SIGUSR1 = defined('SIGUSR1') ? SIGUSR1 : 10;
$SIGUSR2 = defined('SIGUSR2') ? SIGUSR2 : 12;
loop_safety_stop();

// Another process sends it 50 ms from now, while run() is blocked waiting:
// nothing else is due, only the referenced signal watcher keeps it going.
Loop::onSignal($SIGUSR2, function ($id, $signo) use ($SIGUSR2) {
    echo "got SIGUSR2 from another process: ", $signo === $SIGUSR2 ? "yes" : "no", "\n";
    Loop::cancel($id);
});
exec(sprintf('(sleep 0.05; kill -USR2 %d) >/dev/null 2>&1 &', getmypid()));
Loop::run();

// Disabled, a watcher does not fire (a second, enabled one keeps the signal
// caught); enabled again, it fires for the next signal.
$log = [];
$keeper = Loop::onSignal($SIGUSR1, function () use (&$log) { $log[] = "keeper"; });
Loop::unreference($keeper);
$w = Loop::onSignal($SIGUSR1, function () use (&$log) { $log[] = "watcher"; });
Loop::disable($w);
Loop::defer(function () { posix_kill(getmypid(), defined('SIGUSR1') ? SIGUSR1 : 10); });
Loop::delay(0.05, function () use ($w) {
    Loop::enable($w);
    Loop::defer(function () { posix_kill(getmypid(), defined('SIGUSR1') ? SIGUSR1 : 10); });
});
Loop::delay(0.1, function () use ($w) { Loop::cancel($w); });
Loop::run();
sort($log); // watchers of one signal may run in any order
echo implode(", ", $log), "\n";

// Only an unreferenced signal watcher: run() returns at once.
Loop::run();
echo "returned with only an unreferenced signal watcher\n";
Loop::cancel($keeper);
?>
--EXPECT--
got SIGUSR2 from another process: yes
keeper, keeper, watcher
returned with only an unreferenced signal watcher
