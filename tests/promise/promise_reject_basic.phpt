--TEST--
Async\Promise::reject(): a promise rejected with the given Throwable, the same object
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
use Async\Loop;
use Async\Promise;

$ex = new LogicException("why");
$p = Promise::reject($ex);
var_dump($p->isRejected(), $p->isPending(), $p->isFulfilled());
$p->then(
    function () { echo "WRONG: fulfilled\n"; },
    function ($e) use ($ex) { echo "rejected with the same object: ", var_export($e === $ex, true), "\n"; }
);
// Any Throwable, an Error too.
Promise::reject(new Error("an error"))->catch(function ($e) { echo get_class($e), ": ", $e->getMessage(), "\n"; });
Loop::run();
?>
--EXPECT--
bool(true)
bool(false)
bool(false)
rejected with the same object: true
Error: an error
