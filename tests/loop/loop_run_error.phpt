--TEST--
Async\Loop::run(): calling it from inside a callback throws Async\AsyncError; the outer loop keeps working
--EXTENSIONS--
async
--FILE--
<?php
require __DIR__ . '/../inc/util.inc';
use Async\Loop;

loop_safety_stop();
Loop::delay(0.02, function () { echo "timer after the nested run() attempt\n"; });
Loop::defer(function () {
    try {
        Loop::run();
        echo "nested run() returned\n";
    } catch (Async\AsyncError $e) {
        echo get_class($e), ": ", $e->getMessage(), "\n";
    }
    var_dump(Loop::info()['running']);
    Loop::defer(function () { echo "defer after the nested run() attempt\n"; });
});
Loop::run();
var_dump(Loop::info()['running']);

// Not caught by the callback, it comes out of the outer run() like any error;
// the loop still works afterwards.
Loop::defer(function () { Loop::run(); });
try {
    Loop::run();
} catch (Throwable $e) {
    echo "outer run(): ", get_class($e), "\n";
}
Loop::defer(function () { echo "loop still works\n"; });
Loop::run();
?>
--EXPECT--
Async\AsyncError: Async\Loop::run() cannot be called from inside a loop callback: the loop is already running
bool(true)
defer after the nested run() attempt
timer after the nested run() attempt
bool(false)
outer run(): Async\AsyncError
loop still works
