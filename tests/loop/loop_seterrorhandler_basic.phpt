--TEST--
Async\Loop::setErrorHandler(): returns the previous handler; the handler gets callback exceptions and the loop goes on
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

var_dump(Loop::getErrorHandler());
$h1 = function (Throwable $e) { echo "h1: ", $e->getMessage(), "\n"; };
$h2 = function (Throwable $e) { echo "h2: ", $e->getMessage(), "\n"; };
var_dump(Loop::setErrorHandler($h1));
var_dump(Loop::getErrorHandler() === $h1);
var_dump(Loop::setErrorHandler($h2) === $h1);
var_dump(Loop::getErrorHandler() === $h2);

loop_safety_stop();

// The handler gets the thrown object itself, and the loop goes on: later
// callbacks of the same tick and later ticks still run.
$thrown = new RuntimeException("boom");
$received = null;
Loop::setErrorHandler(function (Throwable $e) use (&$received) {
    $received = $e;
    echo "handler: ", get_class($e), ": ", $e->getMessage(), "\n";
});
Loop::defer(function () use ($thrown) { throw $thrown; });
Loop::defer(function () { echo "second defer still runs\n"; });
$n = 0;
Loop::repeat(0.001, function ($id) use (&$n) {
    $n++;
    if ($n === 3) {
        Loop::cancel($id);
    }
    throw new LogicException("repeat $n");
});
Loop::run();
echo "run() returned normally\n";
var_dump($received instanceof LogicException, $n);

Loop::defer(function () use ($thrown) { throw $thrown; });
Loop::run();
var_dump($received === $thrown);

// setErrorHandler(null) removes it (and returns it); exceptions leave run() again.
$prev = Loop::setErrorHandler(null);
var_dump($prev instanceof Closure, Loop::getErrorHandler());
Loop::defer(function () { throw new RuntimeException("no handler"); });
try {
    Loop::run();
} catch (RuntimeException $e) {
    echo "run() threw: ", $e->getMessage(), "\n";
}
var_dump(Loop::setErrorHandler(null));
?>
--EXPECT--
NULL
NULL
bool(true)
bool(true)
bool(true)
handler: RuntimeException: boom
second defer still runs
handler: LogicException: repeat 1
handler: LogicException: repeat 2
handler: LogicException: repeat 3
run() returned normally
bool(true)
int(3)
handler: RuntimeException: boom
bool(true)
bool(true)
NULL
run() threw: no handler
NULL
