--TEST--
Async\Loop::delay(): fires once with its id, never early, in order of due time; delay(0) works
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();
$log = [];
$registered = [];
// Registered out of order: they must fire by due time.
foreach ([0.03, 0.01, 0.02, 0] as $seconds) {
    // Taken just before delay(): the timer starts a little later, so a timer
    // that is on time is always at least $seconds past this.
    $before = hrtime(true);
    $id = Loop::delay($seconds, function ($id) use ($seconds, &$log, &$registered) {
        $elapsed = (hrtime(true) - $registered[$id]) / 1e9;
        $log[] = sprintf("%.2f: %s, %d arg(s)", $seconds,
            $elapsed >= $seconds ? "not early" : "EARLY by " . ($seconds - $elapsed) . " s",
            func_num_args());
    });
    $registered[$id] = $before;
}
var_dump(count($registered));
Loop::run();
echo implode("\n", $log), "\n";

// The id given to the callback is the one delay() returned.
$seen = null;
$id = Loop::delay(0, function ($id) use (&$seen) { $seen = $id; });
Loop::run();
var_dump(is_string($id), $seen === $id);

// A fraction of a millisecond is rounded up, not down.
$elapsed = 0;
$start = hrtime(true);
Loop::delay(0.0015, function () use ($start, &$elapsed) { $elapsed = hrtime(true) - $start; });
Loop::run();
var_dump($elapsed >= 1500000);
?>
--EXPECT--
int(4)
0.00: not early, 1 arg(s)
0.01: not early, 1 arg(s)
0.02: not early, 1 arg(s)
0.03: not early, 1 arg(s)
bool(true)
bool(true)
bool(true)
