--TEST--
Async\Loop::stop(): makes run() return; the watchers left stay, and a second run() continues them
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();
$n = 0;
$rep = Loop::repeat(0.002, function ($id) use (&$n) {
    $n++;
    echo "repeat $n\n";
    if ($n === 2) {
        Loop::stop();
        Loop::stop(); // twice is harmless
    } elseif ($n === 4) {
        Loop::cancel($id);
    }
});
$pending = Loop::delay(0.05, function () { echo "delay from before the stop\n"; });
Loop::run();
echo "run() returned after stop()\n";
// Two repeats (ours and the safety timer) and the delay.
var_dump(Loop::info()['repeat']['enabled'], Loop::info()['delay']['enabled'], Loop::info()['running']);
Loop::run();
echo "second run() returned\n";
var_dump($n);

// stop() from a timer while a referenced repeat would go on for ever.
$forever = Loop::repeat(0.001, function () {});
Loop::delay(0.01, function () { Loop::stop(); });
Loop::run();
echo "stopped a loop that had work left\n";
Loop::cancel($forever);

// stop() outside run() does nothing to the next run().
Loop::stop();
Loop::defer(function () { echo "defer after a stop() outside run()\n"; });
Loop::run();
?>
--EXPECT--
repeat 1
repeat 2
run() returned after stop()
int(2)
int(1)
bool(false)
repeat 3
repeat 4
delay from before the stop
second run() returned
int(4)
stopped a loop that had work left
defer after a stop() outside run()
