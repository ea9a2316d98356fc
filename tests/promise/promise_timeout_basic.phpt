--TEST--
Async\Promise::timeout(): rejects with Async\TimeoutException when the promise is too slow
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\Deferred;
use Async\Loop;
use Async\TimeoutException;

$d = new Deferred();
$start = hrtime(true);
$t = $d->promise()->timeout(0.02);
var_dump($t->isPending());
$t->then(
    function () { echo "WRONG: fulfilled\n"; },
    function ($e) use ($start) {
        echo reason($e), "\n";
        var_dump($e instanceof TimeoutException, $e instanceof Async\AsyncException);
        // Not before its time.
        var_dump((hrtime(true) - $start) / 1e9 >= 0.02);
    }
);
Loop::run();
// The original promise is not touched.
var_dump($d->promise()->isPending());
// Settling it afterwards changes nothing for the timed-out promise.
$d->resolve("too late");
$t->then(null, function ($e) { echo "still: ", get_class($e), "\n"; });
Loop::run();
var_dump(Loop::info()['delay']['enabled']);

// A promise settled right after the timeout fired loses too.
$slow = new Deferred();
$slow->promise()->timeout(0.01)->then(
    function ($v) { echo "WRONG: $v\n"; },
    function ($e) use ($slow) { echo "slow: ", get_class($e), "\n"; $slow->resolve("too late"); }
);
Loop::run();
?>
--EXPECT--
bool(true)
Async\TimeoutException: The operation timed out
bool(true)
bool(true)
bool(true)
bool(true)
still: Async\TimeoutException
int(0)
slow: Async\TimeoutException
