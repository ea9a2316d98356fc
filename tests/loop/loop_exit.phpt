--TEST--
Async\Loop: exit() inside a callback ends the script cleanly: nothing after it runs, shutdown functions do, the error handler is not called
--EXTENSIONS--
async
--FILE--
<?php
use Async\Loop;

register_shutdown_function(function () {
    echo "shutdown function\n";
    var_dump(Loop::info()['running']);
});
Loop::setErrorHandler(function (Throwable $e) { echo "error handler called: ", get_class($e), "\n"; });
Loop::delay(0.01, function () { echo "timer after exit ran\n"; });
Loop::defer(function () {
    echo "before exit\n";
    exit(0);
    echo "after exit, in the callback\n";
});
Loop::defer(function () { echo "second defer ran\n"; });
Loop::run();
echo "after run()\n";
?>
--EXPECT--
before exit
shutdown function
bool(false)
