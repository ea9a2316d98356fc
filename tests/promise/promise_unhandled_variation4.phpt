--TEST--
Unhandled rejections: a rejection dropped before the loop was ever used is thrown by the first Loop::run()
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
use Async\Loop;
use Async\Promise;
use Async\UnhandledRejectionError;

// Nothing has touched the loop yet.
$p = Promise::reject(new Exception("dropped first thing"));
unset($p);
echo "dropped\n";
try {
    Loop::run();
    echo "WRONG: run() returned\n";
} catch (UnhandledRejectionError $e) {
    echo get_class($e), ": ", $e->getPrevious()->getMessage(), "\n";
}
?>
--EXPECT--
dropped
Async\UnhandledRejectionError: dropped first thing
