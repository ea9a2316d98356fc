--TEST--
Async\Loop: 100,000 defers (and timers, stream watchers) in batches keep memory flat
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop(60); // slow under valgrind: only a bound for a broken build

$ran = 0;
$cb = function () use (&$ran) { $ran++; };
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);

function batch(callable $cb, $r) {
    for ($i = 0; $i < 10000; $i++) {
        Loop::defer($cb);
    }
    // A closure per watcher, and watchers that are cancelled unrun.
    for ($i = 0; $i < 500; $i++) {
        Loop::defer(function () use ($cb) { $cb(); });
        Loop::cancel(Loop::delay(1, $cb));
        Loop::cancel(Loop::repeat(1, $cb));
        Loop::cancel(Loop::onReadable($r, $cb));
        $d = Loop::defer($cb);
        Loop::disable($d);
        Loop::cancel($d);
    }
    Loop::delay(0, $cb);
    Loop::run();
}

// Warm up: let the allocator and the watcher table reach their working size.
batch($cb, $r);
batch($cb, $r);
gc_collect_cycles();
$before = memory_get_usage();
for ($b = 2; $b < 10; $b++) {
    batch($cb, $r);
}
gc_collect_cycles();
$growth = memory_get_usage() - $before;
var_dump($ran);
echo $growth < 100 * 1024 ? "memory flat\n" : "memory grew by $growth bytes\n";
?>
--EXPECT--
int(105010)
memory flat
