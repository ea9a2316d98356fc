--TEST--
Async\await() in a Fiber: a rejection is thrown into the fiber, the same exception object
--EXTENSIONS--
async
--SKIPIF--
<?php if (PHP_VERSION_ID < 80100) die("skip fibers need PHP 8.1"); ?>
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Deferred;
use Async\Loop;
use Async\Promise;
use function Async\await;

$ex = new DomainException("reason");
$d = new Deferred();
$fiber = new Fiber(function () use ($d, $ex) {
    try {
        await($d->promise());
        echo "WRONG: returned\n";
    } catch (DomainException $e) {
        echo "caught the same object: ", var_export($e === $ex, true), "\n";
    }
    // Uncaught: the fiber ends with it, thrown out of resume() into the loop.
    await(later_reject("uncaught", 0.001));
});
$fiber->start();
Loop::defer(function () use ($d, $ex) { $d->reject($ex); });
try {
    Loop::run();
    echo "WRONG: run() returned\n";
} catch (Exception $e) {
    echo "run() threw: ", reason($e), "\n";
}
var_dump($fiber->isTerminated());

// Already rejected: thrown at once, without suspending.
$f = new Fiber(function () {
    try {
        Promise::reject(new RangeException("at once"))->await();
    } catch (RangeException $e) {
        echo "at once: ", $e->getMessage(), "\n";
    }
});
$f->start();
var_dump($f->isTerminated());
?>
--EXPECT--
caught the same object: true
run() threw: Exception: uncaught
bool(true)
at once: at once
bool(true)
