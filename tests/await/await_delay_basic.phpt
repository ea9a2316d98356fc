--TEST--
Async\delay(): a promise fulfilled with null after the given seconds, never early
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
use Async\Loop;
use Async\Promise;
use function Async\delay;

$start = hrtime(true);
$p = delay(0.05);
var_dump($p instanceof Promise, $p->isPending());
$elapsed = null;
$value = "unset";
$p->then(function ($v) use ($start, &$elapsed, &$value) { $elapsed = (hrtime(true) - $start) / 1e9; $value = $v; });
Loop::run();
var_dump($value);
echo "not early: ", var_export($elapsed >= 0.05, true), "\n";

// Several, each not before its time.
$log = [];
$start = hrtime(true);
foreach ([0.03, 0.01, 0.02, 0] as $s) {
    delay($s)->then(function () use ($s, $start, &$log) {
        $log[] = sprintf("%.2f %s", $s, (hrtime(true) - $start) / 1e9 >= $s ? "on time" : "EARLY");
    });
}
Loop::run();
sort($log);
echo implode("\n", $log), "\n";
echo "timers left: ", Loop::info()['delay']['enabled'], "\n";
?>
--EXPECT--
bool(true)
bool(true)
NULL
not early: true
0.00 on time
0.01 on time
0.02 on time
0.03 on time
timers left: 0
