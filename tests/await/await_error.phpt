--TEST--
Async\await() at top level: Deadlock when the loop runs out of work; AsyncError from inside a loop callback
--EXTENSIONS--
async
--INI--
zend.exception_ignore_args=1
--FILE--
<?php
require __DIR__ . '/../inc/promise.inc';
use Async\AsyncError;
use Async\Deferred;
use Async\Loop;
use Async\Promise;
use function Async\await;

$d = new Deferred();
try {
    await($d->promise());
    echo "WRONG: returned\n";
} catch (AsyncError $e) {
    echo get_class($e), ", mentions Deadlock: ", var_export(strpos($e->getMessage(), "Deadlock") !== false, true), "\n";
}
// Other work ran first, then the deadlock was found.
$ran = false;
Loop::delay(0.005, function () use (&$ran) { $ran = true; });
try {
    $d->promise()->await();
} catch (AsyncError $e) {
    echo "after the timer ran: ", var_export($ran, true), "\n";
}
// A promise waiting on another pending one is no different.
try {
    await($d->promise()->then(function () {}));
} catch (AsyncError $e) {
    echo "derived: ", get_class($e), "\n";
}
// Still usable afterwards.
$d->resolve("finally");
var_dump(await($d->promise()));

// From a loop callback, outside a fiber: it cannot block the loop.
Loop::defer(function () {
    $p = later("x", 0.001);
    try {
        await($p);
        echo "WRONG: returned\n";
    } catch (AsyncError $e) {
        echo "in a callback: ", get_class($e), "\n";
    }
    $p->catch(function () {});
});
// From a then() handler: the AsyncError rejects the derived promise.
Promise::resolve(1)->then(function () { return await(later("y", 0.001)); })
    ->catch(function ($e) { echo "in a handler: ", get_class($e), "\n"; });
Loop::run();
?>
--EXPECT--
Async\AsyncError, mentions Deadlock: true
after the timer ran: true
derived: Async\AsyncError
string(7) "finally"
in a handler: Async\AsyncError
in a callback: Async\AsyncError
