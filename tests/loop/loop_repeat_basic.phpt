--TEST--
Async\Loop::repeat(): keeps its cadence (call N at >= N * interval), gets its id, stops when it cancels itself
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();
$interval = 0.02;
$calls = [];
$ids = [];
// Taken just before repeat(): the timer starts a little later, so on a
// correct grid call N is always at least N * interval past this.
$start = hrtime(true);
$id = Loop::repeat($interval, function ($id) use (&$calls, &$ids, $start) {
    $calls[] = hrtime(true) - $start;
    $ids[] = $id;
    if (count($calls) === 5) {
        Loop::cancel($id);
    }
});
Loop::run();

var_dump(is_string($id), count($calls), $ids === array_fill(0, 5, $id));
foreach ($calls as $i => $ns) {
    $n = $i + 1;
    echo "call $n: ", $ns >= $n * $interval * 1e9 ? "at >= $n * interval" : "EARLY at " . ($ns / 1e9) . " s", "\n";
}
var_dump($calls[4] >= 100000000);
?>
--EXPECT--
bool(true)
int(5)
bool(true)
call 1: at >= 1 * interval
call 2: at >= 2 * interval
call 3: at >= 3 * interval
call 4: at >= 4 * interval
call 5: at >= 5 * interval
bool(true)
