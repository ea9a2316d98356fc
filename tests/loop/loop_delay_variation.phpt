--TEST--
Async\Loop::delay(): enable() restarts a disabled delay from now; cancel inside its own callback; a delay runs once
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();

// Disabled at once, enabled again after 60 ms: it fires 50 ms after enable(),
// not at once (which a delay counted from its creation would do).
$enabledAt = 0;
$fired = 0;
$id = Loop::delay(0.05, function () use (&$enabledAt, &$fired) {
    $fired++;
    $since = (hrtime(true) - $enabledAt) / 1e9;
    echo "delay fired ", $since >= 0.05 ? "at least 50 ms after enable()" : "only $since s after enable()", "\n";
});
Loop::disable($id);
Loop::delay(0.06, function () use ($id, &$enabledAt) {
    echo "enabling\n";
    $enabledAt = hrtime(true);
    Loop::enable($id);
});
Loop::run();
var_dump($fired);

// A delay runs once: its id is gone afterwards, so cancel() of it, also from
// inside its own callback, is harmless.
$id = Loop::delay(0, function ($id) {
    Loop::cancel($id);
    Loop::cancel($id);
    echo "cancelled itself\n";
});
Loop::run();
Loop::cancel($id);
show_error(function () use ($id) { Loop::enable($id); });

// Many timers registered out of order fire in order of due time (5 ms apart,
// far more than it takes to register them).
$order = [];
foreach ([7, 2, 15, 0, 11, 4, 19, 9, 1, 13, 6, 17, 3, 10, 18, 5, 12, 8, 16, 14] as $k) {
    Loop::delay($k * 0.005, function () use (&$order, $k) { $order[] = $k; });
}
Loop::run();
var_dump($order === range(0, 19));

// A delay far in the future is accepted, and only keeps run() alive while it
// is referenced.
$far = Loop::delay(1e12, function () { echo "never\n"; });
Loop::unreference($far);
Loop::run();
Loop::cancel($far);
echo "done\n";
?>
--EXPECTF--
enabling
delay fired at least 50 ms after enable()
int(1)
cancelled itself
ValueError: Async\Loop::enable(): Argument #1 ($id) must be the id of a watcher that exists, "%d" was cancelled, has already run or was never made
bool(true)
done
