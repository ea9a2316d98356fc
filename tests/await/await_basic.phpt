--TEST--
Async\await() at top level: runs the loop until the promise settles; returns the value or throws the reason (runs on every PHP version)
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Deferred;
use Async\Loop;
use Async\Promise;
use function Async\await;

// Async\async() needs fibers.
var_dump(function_exists('Async\async') === (PHP_VERSION_ID >= 80100));
var_dump(function_exists('Async\await'), function_exists('Async\delay'));

$d = new Deferred();
Loop::delay(0.01, function () use ($d) { $d->resolve("value"); });
var_dump(await($d->promise()));
var_dump(Promise::resolve(1)->then(function ($v) { return $v + 1; })->await());

$ex = new LogicException("reason");
$d = new Deferred();
Loop::delay(0.01, function () use ($d, $ex) { $d->reject($ex); });
try {
    await($d->promise());
    echo "WRONG: returned\n";
} catch (LogicException $e) {
    echo "threw the same object: ", var_export($e === $ex, true), "\n";
}

// Returns as soon as the promise settles, while other watchers remain.
$ticks = 0;
$id = Loop::repeat(0.001, function () use (&$ticks) { $ticks++; });
var_dump(await(later("with a repeat watcher", 0.02)));
var_dump(Loop::info()['repeat']['enabled']);
Loop::cancel($id);
echo "repeat watcher ran meanwhile: ", var_export($ticks > 0, true), "\n";

// Already settled: returns at once, without running the loop.
$ran = false;
Loop::defer(function () use (&$ran) { $ran = true; });
var_dump(await(Promise::resolve("settled")));
var_dump($ran);
try {
    await(Promise::reject(new RuntimeException("settled reason")));
} catch (RuntimeException $e) {
    echo reason($e), "\n";
}
var_dump($ran);
Loop::run();
var_dump($ran);

// The awaited rejection counts as handled.
$errors = record_loop_errors();
try { await(later_reject("awaited", 0.001)); } catch (Exception $e) { echo "caught: ", $e->getMessage(), "\n"; }
Loop::run();
echo "loop errors: ", count($errors), "\n";
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
string(5) "value"
int(2)
threw the same object: true
string(21) "with a repeat watcher"
int(1)
repeat watcher ran meanwhile: true
string(7) "settled"
bool(false)
RuntimeException: settled reason
bool(false)
bool(true)
caught: awaited
loop errors: 0
