--TEST--
Async\Loop::run(): returns when no referenced, enabled watcher is left; returns at once when there is none
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

// Nothing to do: returns at once, repeatedly.
Loop::run();
Loop::run();
echo "empty loop returned\n";

loop_safety_stop();

// Returns after the last watcher is done, not before.
$log = [];
Loop::delay(0.03, function () use (&$log) { $log[] = "delay 30 ms"; });
Loop::delay(0.01, function () use (&$log) {
    $log[] = "delay 10 ms";
    Loop::defer(function () use (&$log) { $log[] = "defer from delay"; });
});
Loop::run();
echo implode(", ", $log), "\n";

// running is true only inside run().
var_dump(Loop::info()['running']);
Loop::defer(function () { var_dump(Loop::info()['running']); });
Loop::run();
var_dump(Loop::info()['running']);

// An unreferenced repeat does not keep it going: run() returns once the
// referenced delay is done, leaving the repeat in place.
$n = 0;
$rep = Loop::repeat(0.001, function () use (&$n) { $n++; });
Loop::unreference($rep);
Loop::delay(0.03, function () { echo "referenced delay done\n"; });
Loop::run();
var_dump($n > 0, Loop::info()['repeat']['enabled']); // with the safety repeat
Loop::cancel($rep);

// Only unreferenced or disabled watchers: returns without calling them.
$u = Loop::delay(0, function () { echo "unreferenced delay ran\n"; });
Loop::unreference($u);
$d = Loop::defer(function () { echo "disabled defer ran\n"; });
Loop::disable($d);
$s = Loop::repeat(0.001, function () { echo "disabled repeat ran\n"; });
Loop::disable($s);
Loop::run();
echo "returned with only unreferenced and disabled watchers\n";
Loop::cancel($u);
Loop::cancel($d);
Loop::cancel($s);
?>
--EXPECT--
empty loop returned
delay 10 ms, defer from delay, delay 30 ms
bool(false)
bool(true)
bool(false)
referenced delay done
bool(true)
int(2)
returned with only unreferenced and disabled watchers
