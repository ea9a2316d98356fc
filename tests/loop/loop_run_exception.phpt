--TEST--
Async\Loop::run(): an exception from a callback stops the loop and comes out of run() unchanged; run() again goes on
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

class MyException extends Exception {}

loop_safety_stop();

// From a repeat: thrown on call 1, run() gives back the very same object,
// and the repeat has not been called again in between.
$thrown = new MyException("from repeat", 42);
$n = 0;
Loop::repeat(0.002, function ($id) use (&$n, $thrown) {
    $n++;
    if ($n === 1) {
        throw $thrown;
    }
    if ($n === 3) {
        Loop::cancel($id);
    }
});
try {
    Loop::run();
    echo "run() returned normally\n";
} catch (Throwable $e) {
    var_dump($e === $thrown, $e->getMessage(), $e->getCode(), $n, Loop::info()['running']);
}
// The repeat is still there: run() continues it.
Loop::run();
var_dump($n);

// From a defer, an Error (not an Exception), through a nested function.
function fail() { throw new LogicException("deep"); }
Loop::defer(function () { fail(); });
try {
    Loop::run();
} catch (LogicException $e) {
    echo get_class($e), ": ", $e->getMessage(), ", thrown in ", $e->getTrace()[0]['function'], "()\n";
}

// An engine Error from a readable callback.
[$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
fwrite($w, "x");
$rd = Loop::onReadable($r, function () { no_such_function(); });
try {
    Loop::run();
} catch (Error $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
}
Loop::cancel($rd);

// A delay that threw has run: it does not fire again.
$calls = 0;
Loop::delay(0, function () use (&$calls) { $calls++; throw new RuntimeException("once"); });
try {
    Loop::run();
} catch (RuntimeException $e) {
    echo "caught ", $e->getMessage(), "\n";
}
Loop::run();
var_dump($calls);
?>
--EXPECT--
bool(true)
string(11) "from repeat"
int(42)
int(1)
bool(false)
int(3)
LogicException: deep, thrown in fail()
Error: Call to undefined function no_such_function()
caught once
int(1)
