--TEST--
Async\await() in a Fiber: an already settled promise returns at once; fibers started inside loop callbacks; nested awaits
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
use function Async\await;
use function Async\delay;

$f = new Fiber(function () { return await(Promise::resolve("at once")); });
$f->start();
var_dump($f->isTerminated(), $f->getReturn());

// A fiber started from a loop callback awaits timers in sequence.
$log = [];
Loop::defer(function () use (&$log) {
    $f = new Fiber(function () use (&$log) {
        for ($i = 0; $i < 3; $i++) {
            await(delay(0.001));
            $log[] = "step $i";
        }
        $log[] = "sum " . (await(later(20, 0.001)) + await(later(22, 0.001)));
    });
    $f->start();
    $log[] = "callback returned";
});
Loop::run();
echo implode("\n", $log), "\n";

// Top-level await of a promise settled by a fiber.
$p = Async\async(function () {
    await(delay(0.001));
    return "from fiber";
});
var_dump(await($p));
?>
--EXPECT--
bool(true)
string(7) "at once"
callback returned
step 0
step 1
step 2
sum 42
string(10) "from fiber"
