--TEST--
Async\Loop: a fatal error inside a timer callback (and inside the error handler) leaves the loop usable from a shutdown function
--EXTENSIONS--
async
--FILE--
<?php
use Async\Loop;

register_shutdown_function(function () {
    echo "shutdown function\n";
    $info = Loop::info();
    var_dump($info['running'], $info['delay']['enabled']);
    Loop::defer(function () { echo "defer in shutdown\n"; });
    Loop::delay(0.01, function () { echo "delay in shutdown\n"; });
    Loop::run();
    echo "shutdown run() returned\n";
});
// The fatal error happens in the error handler, called for a timer's exception.
Loop::setErrorHandler(function (Throwable $e) {
    echo "handler: ", $e->getMessage(), "\n";
    // A size no allocator can give: fatal even without the Zend allocator.
    str_repeat('xx', PHP_INT_MAX);
    echo "after the fatal error\n";
});
Loop::delay(0.001, function () { throw new Exception("timer failed"); });
Loop::run();
echo "after run()\n";
?>
--EXPECTF--
handler: timer failed

Fatal error: %s
shutdown function
bool(false)
int(0)
defer in shutdown
delay in shutdown
shutdown run() returned
