--TEST--
Async\Loop::repeat(): a slow callback; disable/enable from callbacks
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();

// Each call takes 15 ms of a 30 ms interval: call N still never comes
// before N * interval.
$interval = 0.03;
$calls = [];
$start = hrtime(true);
Loop::repeat($interval, function ($id) use (&$calls, $start) {
    $calls[] = hrtime(true) - $start;
    usleep(15000);
    if (count($calls) === 4) {
        Loop::cancel($id);
    }
});
Loop::run();
foreach ($calls as $i => $ns) {
    $n = $i + 1;
    echo "call $n: ", $ns >= $n * $interval * 1e9 ? "not early" : "EARLY", "\n";
}

// A repeat that disables itself stops firing but keeps existing; another
// watcher enables it again and it goes on.
$count = 0;
$rep = Loop::repeat(0.005, function ($id) use (&$count) {
    $count++;
    echo "repeat call $count\n";
    if ($count === 2) {
        Loop::disable($id);
        Loop::delay(0.03, function () use ($id, &$count) {
            echo "re-enabling after $count calls\n";
            Loop::enable($id);
        });
    } elseif ($count === 4) {
        Loop::cancel($id);
    }
});
Loop::run();
var_dump($count);
?>
--EXPECT--
call 1: not early
call 2: not early
call 3: not early
call 4: not early
repeat call 1
repeat call 2
re-enabling after 2 calls
repeat call 3
repeat call 4
int(4)
