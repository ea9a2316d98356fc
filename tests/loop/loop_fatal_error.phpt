--TEST--
Async\Loop: a fatal error (memory_limit) inside a callback leaves the loop usable from a shutdown function
--EXTENSIONS--
async
--SKIPIF--
<?php if (getenv('USE_ZEND_ALLOC') === '0') die('skip Zend MM disabled: memory_limit is not enforced'); ?>
--INI--
memory_limit=32M
--FILE--
<?php
use Async\Loop;

register_shutdown_function(function () {
    echo "shutdown function\n";
    var_dump(Loop::info()['running']);
    Loop::defer(function () { echo "defer in shutdown\n"; });
    Loop::delay(0.01, function () { echo "delay in shutdown\n"; });
    Loop::run();
    echo "shutdown run() returned\n";
});
Loop::defer(function () {
    echo "before the fatal error\n";
    $s = str_repeat('x', 64 * 1024 * 1024);
    echo "after the fatal error\n";
});
Loop::run();
echo "after run()\n";
?>
--EXPECTF--
before the fatal error

Fatal error: Allowed memory size of %d bytes exhausted%s
shutdown function
bool(false)
defer in shutdown
delay in shutdown
shutdown run() returned
