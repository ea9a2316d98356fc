--TEST--
Async\Loop: pcntl_fork() inside a loop callback, the child leaving the loop alone: run() in the child drops the parent's watchers and returns
--EXTENSIONS--
async
--SKIPIF--
<?php if (!extension_loaded('pcntl')) die('skip pcntl needed'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();

$inChild = false;
$log = [];
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);

Loop::delay(0, function () use (&$log) { $log[] = "timer A"; });
$pid = 0;
Loop::delay(0.001, function () use (&$pid, &$inChild, &$log) {
    $log[] = "timer B forks";
    $pid = pcntl_fork();
    if ($pid === 0) {
        $inChild = true;
        pcntl_alarm(5);
    }
});
Loop::delay(0.002, function () use (&$log) { $log[] = "timer C"; });
Loop::repeat(0.01, function ($id) use (&$log) {
    static $n = 0;
    $log[] = "repeat";
    if (++$n === 2) {
        Loop::cancel($id);
    }
});
usleep(5000); // A, B and C are due in the same tick
Loop::run();

if ($inChild) {
    // Only what ran before the fork; then the child's run() returned.
    $log[] = "child run() returned";
    $info = Loop::info();
    $log[] = "child watchers left: " . ($info['enabled_watchers']['referenced'] + $info['enabled_watchers']['unreferenced']);
    Loop::defer(function () use (&$log) { $log[] = "child can still use the loop"; });
    Loop::run();
    fwrite($w, implode("\n", $log));
    exit(0);
}
echo "parent: ", implode(", ", $log), "\n";
fclose($w);
$childSaid = stream_get_contents($r);
pcntl_waitpid($pid, $status);
echo "child said:\n$childSaid\n";
var_dump(pcntl_wexitstatus($status));
?>
--EXPECT--
parent: timer A, timer B forks, timer C, repeat, repeat
child said:
timer A
timer B forks
child run() returned
child watchers left: 0
child can still use the loop
int(0)
