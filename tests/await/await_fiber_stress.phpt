--TEST--
Async\await(): 5,000 fibers suspended at once, each awaiting a delay, all complete
--EXTENSIONS--
async
--SKIPIF--
<?php if (PHP_VERSION_ID < 80100) die("skip fibers need PHP 8.1"); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
use Async\Loop;
use Async\Promise;
use function Async\async;
use function Async\await;
use function Async\delay;

$n = 5000;
$suspended = 0;
$maxSuspended = 0;
$done = 0;
$promises = [];
for ($i = 0; $i < $n; $i++) {
    $promises[] = async(function () use ($i, &$suspended, &$maxSuspended, &$done) {
        $suspended++;
        $maxSuspended = max($maxSuspended, $suspended);
        await(delay(0.01 + ($i % 7) / 1000));
        $suspended--;
        $done++;
        return $i;
    });
}
$results = await(Promise::all($promises));
echo "completed: $done\n";
echo "all suspended at once: ", var_export($maxSuspended === $n, true), "\n";
echo "results in order: ", var_export($results === range(0, $n - 1), true), "\n";
echo "timers left: ", Loop::info()['delay']['enabled'], "\n";
?>
--EXPECT--
completed: 5000
all suspended at once: true
results in order: true
timers left: 0
