--TEST--
Unhandled rejections: a timed-out promise nobody handles is reported; one alive until the end of the request warns at shutdown
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
use Async\Deferred;
use Async\Loop;
use Async\Promise;
use Async\TimeoutException;
use Async\UnhandledRejectionError;

(new Deferred())->promise()->timeout(0.001);
try {
    Loop::run();
    echo "WRONG: not reported\n";
} catch (UnhandledRejectionError $e) {
    echo "reported: ", get_class($e->getPrevious()), "\n";
}

class Holder { public static $promise; }
Holder::$promise = Promise::reject(new LogicException("kept in a static property"));
Loop::run(); // not destroyed yet: nothing to report
echo "end of script\n";
?>
--EXPECTF--
reported: Async\TimeoutException
end of script

Warning: %s: Unhandled promise rejection: LogicException: kept in a static property in %s on line %d
