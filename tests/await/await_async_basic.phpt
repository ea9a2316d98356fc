--TEST--
Async\async(): runs the function in a new Fiber started from the loop; a promise of its result, rejected by its exception
--EXTENSIONS--
async
--SKIPIF--
<?php if (PHP_VERSION_ID < 80100) die("skip fibers need PHP 8.1"); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Loop;
use Async\Promise;
use function Async\async;
use function Async\await;
use function Async\delay;

$log = [];
$p = async(function ($a, $b) use (&$log) {
    $log[] = "running in a fiber: " . var_export(Fiber::getCurrent() !== null, true) . ", args $a $b";
    await(delay(0.001));
    $log[] = "resumed";
    return $a + $b;
}, 40, 2);
$log[] = "async() returned, pending: " . var_export($p->isPending(), true);
var_dump($p instanceof Promise);
$p->then(function ($v) use (&$log) { $log[] = "result $v"; });
Loop::run();
echo implode("\n", $log), "\n";

// Each call gets its own fiber.
$fibers = [];
$a = async(function () use (&$fibers) { $fibers[] = Fiber::getCurrent(); await(delay(0.001)); });
$b = async(function () use (&$fibers) { $fibers[] = Fiber::getCurrent(); });
await(Promise::all([$a, $b]));
var_dump(count($fibers), $fibers[0] !== $fibers[1]);

// An exception rejects; the same object.
$ex = new LogicException("failed");
$p = async(function () use ($ex) { throw $ex; });
try {
    await($p);
} catch (LogicException $e) {
    echo "rejected with the same object: ", var_export($e === $ex, true), "\n";
}
// After awaiting.
$p = async(function () { await(delay(0.001)); throw new RuntimeException("later"); });
$p->catch(function ($e) { echo "rejected: ", reason($e), "\n"; });
Loop::run();

// A returned promise is adopted.
var_dump(await(async(function () { return later("adopted", 0.001); })));
// Any callable, and no arguments.
var_dump(await(async('strtoupper', 'callable string')));
var_dump(await(async(function () {})));
// Nested: async inside a fiber.
var_dump(await(async(function () { return await(async(function () { return "inner"; })) . " outer"; })));
?>
--EXPECT--
bool(true)
async() returned, pending: true
running in a fiber: true, args 40 2
resumed
result 42
int(2)
bool(true)
rejected with the same object: true
rejected: RuntimeException: later
string(7) "adopted"
string(15) "CALLABLE STRING"
NULL
string(11) "inner outer"
