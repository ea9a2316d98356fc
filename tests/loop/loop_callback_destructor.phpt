--TEST--
Async\Loop: an exception thrown by a destructor when the loop lets go of a callback is handled like the callback's own; no other callback is lost
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

class ThrowsOnDestruct {
    private $message;
    public function __construct($message) { $this->message = $message; }
    public function __destruct() {
        echo "destructor throws\n";
        throw new RuntimeException($this->message);
    }
}
function capture($message, $text) {
    $obj = new ThrowsOnDestruct($message);
    return function () use ($obj, $text) { echo "$text\n"; };
}

loop_safety_stop();

// Outside the loop: cancel() lets go of the callback, the exception comes out of cancel().
$id = Loop::delay(1, capture("from cancel()", "never"));
try {
    Loop::cancel($id);
} catch (RuntimeException $e) {
    echo "cancel() threw: ", $e->getMessage(), "\n";
}

// A delay that has run is freed by the loop: the exception comes out of
// run(), and the later timer is not swallowed.
Loop::delay(0, capture("from a finished delay", "delay ran"));
Loop::delay(0.05, function () { echo "second timer ran\n"; });
try {
    Loop::run();
    echo "run() returned\n";
} catch (RuntimeException $e) {
    echo "run() threw: ", $e->getMessage(), "\n";
}
Loop::run();

// With an error handler, it gets the exception and the loop goes on.
Loop::setErrorHandler(function (Throwable $e) { echo "handler: ", $e->getMessage(), "\n"; });
Loop::defer(capture("from a finished defer", "defer ran"));
Loop::delay(0.02, function () { echo "timer after the handled one\n"; });
Loop::run();
?>
--EXPECT--
destructor throws
cancel() threw: from cancel()
delay ran
destructor throws
run() threw: from a finished delay
second timer ran
defer ran
destructor throws
handler: from a finished defer
timer after the handled one
