--TEST--
Async\async(): a failing fiber whose promise nobody handles is reported as an unhandled rejection; a non-callable is a TypeError
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
use Async\UnhandledRejectionError;
use function Async\async;
use function Async\await;
use function Async\delay;

async(function () { throw new Exception("at once"); });
try {
    Loop::run();
    echo "WRONG: not reported\n";
} catch (UnhandledRejectionError $e) {
    echo "reported: ", reason($e->getPrevious()), "\n";
}
async(function () { await(delay(0.001)); throw new Exception("after awaiting"); });
try {
    Loop::run();
    echo "WRONG: not reported\n";
} catch (UnhandledRejectionError $e) {
    echo "reported: ", reason($e->getPrevious()), "\n";
}
echo describe_throw(function () { async(42); }), "\n";
echo describe_throw(function () { async("no_such_function"); }), "\n";
Loop::run();
?>
--EXPECT--
reported: Exception: at once
reported: Exception: after awaiting
TypeError: Async\async(): Argument #1 ($fn) must be a valid callback, int given
TypeError: Async\async(): Argument #1 ($fn) must be a valid callback, string given
