--TEST--
Async\Loop: after pcntl_fork() the child has a fresh loop (the parent's watchers never fire there); the parent's still fire
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
$log = [];
Loop::delay(0.05, function () use (&$log, $parentPid) {
    $log[] = "parent timer";
    if (getmypid() !== $parentPid) {
        echo "parent timer fired in the CHILD\n";
    }
});
Loop::defer(function () use ($parentPid) {
    if (getmypid() !== $parentPid) {
        echo "parent defer ran in the CHILD\n";
    }
});
[$pr, $pw] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
Loop::onReadable($pr, function ($id, $stream) use (&$log, $parentPid) {
    if (getmypid() !== $parentPid) {
        echo "parent readable watcher fired in the CHILD\n";
    }
    $log[] = "parent readable: " . fread($stream, 10);
    Loop::cancel($id);
});
// The child reports through this pair.
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);

$pid = pcntl_fork();
if ($pid === -1) {
    die("fork failed\n");
}
if ($pid === 0) {
    pcntl_alarm(5); // never outlive a broken test
    $log = [];
    $info = Loop::info();
    $log[] = "child starts with " . ($info['delay']['enabled'] + $info['defer']['enabled']
        + $info['on_readable']['enabled']) . " watchers";
    Loop::defer(function () use (&$log) { $log[] = "child defer"; });
    $start = hrtime(true);
    Loop::delay(0.1, function () use (&$log, $start) {
        $log[] = "child timer" . (hrtime(true) - $start >= 0.1e9 ? "" : " EARLY");
    });
    Loop::repeat(0.01, function ($id) use (&$log) {
        static $n = 0;
        if (++$n === 3) {
            $log[] = "child repeat x3";
            Loop::cancel($id);
        }
    });
    Loop::run();
    fwrite($w, implode("\n", $log));
    exit(0);
}

// A child that leaves the loop alone and exits: its shutdown drops the
// parent's watchers without running them, and does not crash.
$quiet = pcntl_fork();
if ($quiet === 0) {
    exit(3);
}

fwrite($pw, "x"); // the parent's readable watcher fires in the parent only
Loop::run();
echo "parent: ", implode(", ", $log), "\n";
fclose($w);
$childSaid = stream_get_contents($r);
pcntl_waitpid($pid, $status);
echo "child said:\n$childSaid\n";
var_dump(pcntl_wifexited($status), pcntl_wexitstatus($status));
pcntl_waitpid($quiet, $status);
var_dump(pcntl_wifexited($status), pcntl_wexitstatus($status));
?>
--EXPECT--
parent: parent readable: x, parent timer
child said:
child starts with 0 watchers
child defer
child repeat x3
child timer
bool(true)
int(0)
bool(true)
int(3)
