--TEST--
Unhandled rejections: with no error handler, Loop::run() throws the Async\UnhandledRejectionError
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Loop;
use Async\Promise;
use Async\UnhandledRejectionError;

var_dump(Loop::getErrorHandler());
$ex = new Exception("nobody cares");
Loop::defer(function () use ($ex) {
    Promise::reject($ex); // dropped at once
});
$after = false;
Loop::delay(0.01, function () use (&$after) { $after = true; });
try {
    Loop::run();
    echo "WRONG: run() returned\n";
} catch (UnhandledRejectionError $e) {
    echo get_class($e), ": ", $e->getMessage(), "\n";
    echo "previous is the reason: ", var_export($e->getPrevious() === $ex, true), "\n";
}
// The loop is still usable: the rest runs.
Loop::run();
echo "timer ran afterwards: ", var_export($after, true), "\n";

// Dropped outside the loop: the next run() throws it.
$p = Promise::reject(new LogicException("dropped before run"));
$p = null;
try {
    Loop::run();
    echo "WRONG: run() returned\n";
} catch (UnhandledRejectionError $e) {
    echo reason($e->getPrevious()), "\n";
}
// Reported once only.
Loop::run();
echo "done\n";
?>
--EXPECT--
NULL
Async\UnhandledRejectionError: Unhandled promise rejection: Exception: nobody cares; attach a rejection handler (catch, then or await) before the promise is destroyed
previous is the reason: true
timer ran afterwards: true
LogicException: dropped before run
done
