--TEST--
Async\Loop: a child forked inside a callback that exits there (exit() or a fatal error) ends cleanly, running none of the parent's watchers
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
$children = [];
// Would print in the child if they ran there.
Loop::repeat(0.005, function ($id) use ($parentPid) {
    static $n = 0;
    if (getmypid() !== $parentPid) {
        echo "parent repeat ran in a CHILD\n";
    }
    if (++$n === 5) {
        Loop::cancel($id);
    }
});
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
Loop::onWritable($w, function ($id) use ($parentPid) {
    if (getmypid() !== $parentPid) {
        echo "parent writable watcher ran in a CHILD\n";
    }
    Loop::cancel($id);
});
Loop::defer(function () use (&$children) {
    $pid = pcntl_fork();
    if ($pid === 0) {
        exit(7);
    }
    $children[] = $pid;
});
Loop::delay(0.01, function () use (&$children) {
    $pid = pcntl_fork();
    if ($pid === 0) {
        Loop::defer(function () { echo "child defer ran\n"; }); // never: the child dies first
        str_repeat('xx', PHP_INT_MAX); // fatal error, in the child only
    }
    $children[] = $pid;
});
Loop::run();
// Print only once both children are gone, after the second one's fatal error.
$results = [];
foreach ($children as $i => $pid) {
    pcntl_waitpid($pid, $status);
    $results[] = "child $i: " . (pcntl_wifexited($status) ? "exited with " . pcntl_wexitstatus($status) : "killed by signal " . pcntl_wtermsig($status));
}
echo "parent loop done\n", implode("\n", $results), "\n";
?>
--EXPECTF--
Fatal error: %s
parent loop done
child 0: exited with 7
child 1: exited with 255
