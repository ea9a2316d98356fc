--TEST--
Async\Loop: pcntl_fork() inside a loop callback; the child builds its own watchers there, the parent's rest of the tick does not run in it
--EXTENSIONS--
async
--SKIPIF--
<?php if (!extension_loaded('pcntl')) die('skip pcntl needed'); ?>
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();

$parentPid = getmypid();
$inChild = false;
$log = [];
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);

Loop::delay(0.05, function () use (&$log) { $log[] = "parent timer"; });
$pid = 0;
Loop::defer(function () use (&$pid, &$inChild, &$log) {
    $pid = pcntl_fork();
    if ($pid === 0) {
        $inChild = true;
        pcntl_alarm(5);
        $log = ["child after fork, running: " . var_export(Loop::info()['running'], true)];
        Loop::defer(function () use (&$log) { $log[] = "child defer"; });
        Loop::delay(0.01, function () use (&$log) { $log[] = "child timer"; });
    }
});
// Same tick as the fork: the parent's, so it must run in the parent only.
Loop::defer(function () use (&$log) { $log[] = "second defer of the fork's tick"; });
Loop::run();

if ($inChild) {
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
parent: second defer of the fork's tick, parent timer
child said:
child after fork, running: true
child defer
child timer
int(0)
