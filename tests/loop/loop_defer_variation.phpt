--TEST--
Async\Loop::defer(): ids, cancel/disable before the tick, defers before timers, no starvation of timers
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

// The id passed to the callback is the string defer() returned.
$ran = [];
$id1 = Loop::defer(function ($id) use (&$ran) { $ran[] = $id; });
$id2 = Loop::defer(function ($id) use (&$ran) { $ran[] = $id; });
$id3 = Loop::defer(function () use (&$ran) { $ran[] = "cancelled one ran"; });
$id4 = Loop::defer(function ($id) use (&$ran) { $ran[] = "re-enabled one ran"; });
Loop::cancel($id3);
Loop::disable($id4);
var_dump(is_string($id1), $id1 !== $id2);
Loop::run();
var_dump($ran === [$id1, $id2]);
// Disabled, it was kept: enabling it runs it on the next run().
Loop::enable($id4);
Loop::run();
var_dump($ran[2]);

// Defers run before the timers due in the same tick; a defer queued by a
// timer waits for the next tick, after the other timers of this one.
$log = [];
Loop::delay(0, function () use (&$log) {
    $log[] = "timer A";
    Loop::defer(function () use (&$log) { $log[] = "defer queued by timer A"; });
});
Loop::delay(0.001, function () use (&$log) { $log[] = "timer B"; });
Loop::defer(function () use (&$log) { $log[] = "defer 1"; });
Loop::defer(function () use (&$log) { $log[] = "defer 2"; });
usleep(5000); // both timers are due before the first tick
Loop::run();
echo implode("\n", $log), "\n";

// A defer that re-defers itself runs once per tick, so timers still fire.
loop_safety_stop();
$ticks = 0;
$timerFired = false;
$stoppedBy = null;
$start = hrtime(true);
Loop::delay(0.01, function () use (&$timerFired) { $timerFired = true; });
$chain = function () use (&$chain, &$ticks, &$timerFired, &$stoppedBy, $start) {
    $ticks++;
    if ($timerFired) {
        $stoppedBy = "the timer";
    } elseif (hrtime(true) - $start > 5e9) {
        $stoppedBy = "the 5 s limit (timer starved)";
    } else {
        Loop::defer($chain);
    }
};
Loop::defer($chain);
Loop::run();
$chain = null; // break the closure's reference cycle
echo "chain stopped by $stoppedBy\n";
var_dump($ticks > 1);
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
string(18) "re-enabled one ran"
defer 1
defer 2
timer A
timer B
defer queued by timer A
chain stopped by the timer
bool(true)
