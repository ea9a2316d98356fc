--TEST--
Async\Loop::now(): a monotonic float in seconds that increases, and agrees with timers
--EXTENSIONS--
async
--FILE--
<?php
use Async\Loop;

$t0 = Loop::now();
var_dump(is_float($t0), $t0 > 0);

// Never goes back.
$prev = $t0;
$backwards = 0;
for ($i = 0; $i < 10000; $i++) {
    $t = Loop::now();
    if ($t < $prev) {
        $backwards++;
    }
    $prev = $t;
}
var_dump($backwards);

// Counts seconds: 20 ms of sleep is at least 0.02.
$a = Loop::now();
usleep(20000);
var_dump(Loop::now() - $a >= 0.02);

// Inside a timer it is at least the delay past the time of delay().
$before = Loop::now();
Loop::delay(0.03, function () use ($before) {
    var_dump(Loop::now() - $before >= 0.03);
});
Loop::run();
?>
--EXPECT--
bool(true)
bool(true)
int(0)
bool(true)
bool(true)
